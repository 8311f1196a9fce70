/* tp-painter.c: painting the board: regions, blocks and notes, as VISUAL.md draws them */

#include "config.h"

#include <math.h>

#include "model/tp-enums.h"
#include "tp-painter-private.h"
#include "tp-svg-text.h"
#include "tp-text.h"

/* How far a note's shadow reaches beyond its rect, so culling keeps notes whose shadow
 * alone shows. */
#define SHADOW_REACH 4.0

void
tp_paint_options_init (TpPaintOptions *options)
{
  g_return_if_fail (options != NULL);

  options->visible = (TpRect) { 0, 0, 0, 0 };
  options->screen = FALSE;
  options->transparent = FALSE;
  options->links = TRUE;
  options->link_mode = TP_LINK_MODE_AUTO;
}

void
tp_paint_rounded_rect (cairo_t      *cr,
                       const TpRect *rect,
                       double        radius)
{
  double x = rect->x, y = rect->y, w = rect->width, h = rect->height;

  radius = MIN (radius, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

void
_tp_paint_layout (cairo_t     *cr,
                  PangoLayout *layout)
{
  TpSvgText *sink = _tp_svg_text_get (cr);

  if (sink != NULL)
    _tp_svg_text_add (sink, cr, layout);
  else
    pango_cairo_show_layout (cr, layout);
}

TpRect
_tp_rect_inset (const TpRect *rect,
                double        d)
{
  return (TpRect) { rect->x + d, rect->y + d, rect->width - 2 * d, rect->height - 2 * d };
}

/* Draws text of a role at (x, y), cut to fit width × max_height. */
static void
show_text (cairo_t        *cr,
           TpLayout       *layout,
           TpFontRole      role,
           const char     *text,
           double          x,
           double          y,
           double          width,
           double          max_height,
           const TpColour *colour)
{
  g_autoptr(PangoLayout) text_layout = tp_text_layout_new (layout->context, layout->theme,
                                                           role, text, width, max_height);

  tp_colour_set_source (cr, colour);
  cairo_move_to (cr, x, y);
  _tp_paint_layout (cr, text_layout);
}

/* Text centred in a rect, on one line. */
static void
show_centred (cairo_t        *cr,
              TpLayout       *layout,
              TpFontRole      role,
              const char     *text,
              const TpRect   *rect,
              const TpColour *colour)
{
  g_autoptr(PangoLayout) text_layout = tp_text_layout_new (layout->context, layout->theme,
                                                           role, text, -1, -1);
  PangoRectangle ink;
  double width, height;

  tp_text_layout_get_size (text_layout, &width, &height);
  pango_layout_get_extents (text_layout, &ink, NULL);
  tp_colour_set_source (cr, colour);
  /* Horizontally by the advance, vertically by the ink: digits and "+" have no
   * descenders, so centring the line box would look low. */
  cairo_move_to (cr, rect->x + (rect->width - width) / 2,
                 rect->y + rect->height / 2
                 - ((double) ink.y + ink.height / 2.0) / PANGO_SCALE);
  _tp_paint_layout (cr, text_layout);
}

/* Notes */

static void
paint_evidence (cairo_t        *cr,
                TpEvidence      evidence,
                double          x,
                double          y,
                const TpColour *colour,
                const TpColour *background)
{
  double size = TP_LAYOUT_FOOTER_HEIGHT;
  double cx = x + size / 2, cy = y + size / 2, r = size / 2 - 0.6;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_line_width (cr, 1.2);
  tp_colour_set_source (cr, colour);

  switch (evidence)
    {
    case TP_EVIDENCE_ASSUMPTION:
      {
        /* Dashed: not yet known to be true. */
        static const double dashes[] = { 1.7, 1.45 };

        cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
        cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
        cairo_stroke (cr);
      }
      break;

    case TP_EVIDENCE_PARTLY_VALIDATED:
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_arc (cr, cx, cy, r, G_PI / 2, 3 * G_PI / 2);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;

    case TP_EVIDENCE_VALIDATED:
      cairo_arc (cr, cx, cy, r + 0.6, 0, 2 * G_PI);
      cairo_fill (cr);
      tp_colour_set_source (cr, background);
      cairo_set_line_width (cr, 1.3);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_move_to (cr, cx - 2.3, cy + 0.1);
      cairo_line_to (cr, cx - 0.6, cy + 1.8);
      cairo_line_to (cr, cx + 2.4, cy - 1.6);
      cairo_stroke (cr);
      break;

    case TP_N_EVIDENCE:
    default:
      break;
    }

  cairo_restore (cr);
}

/* Dot votes in the footer's right corner, ending at right; a count beside one dot when
 * there are too many dots to count at a glance. */
static void
paint_votes (cairo_t        *cr,
             TpLayout       *layout,
             guint           votes,
             double          right,
             double          y,
             const TpColour *colour)
{
  const guint max_dots = TP_LAYOUT_VOTE_DOTS;
  double r = TP_LAYOUT_VOTE_RADIUS, step = TP_LAYOUT_VOTE_STEP;
  double cy = y + TP_LAYOUT_FOOTER_HEIGHT / 2;

  if (votes == 0)
    return;

  cairo_new_path (cr);
  tp_colour_set_source (cr, colour);
  if (votes <= max_dots)
    {
      for (guint i = 0; i < votes; i++)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, right - r - i * step, cy, r, 0, 2 * G_PI);
        }
      cairo_fill (cr);
    }
  else
    {
      g_autofree char *count = g_strdup_printf ("%u", votes);
      g_autoptr(PangoLayout) text = tp_text_layout_new (layout->context, layout->theme,
                                                        TP_FONT_BADGE, count, -1, -1);
      PangoRectangle ink;
      double width;

      tp_text_layout_get_size (text, &width, NULL);
      pango_layout_get_extents (text, &ink, NULL);
      cairo_move_to (cr, right - width, cy - ((double) ink.y + ink.height / 2.0) / PANGO_SCALE);
      _tp_paint_layout (cr, text);
      cairo_arc (cr, right - width - 3 - r, cy, r, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

/* The board's cue that a note says more than it shows (besides the ellipsis its text
 * ends in): a small downward chevron in the middle of its footer, where nothing else is.
 * Hovering or selecting the note shows the rest. */
static void
paint_more_cue (cairo_t        *cr,
                double          x,
                double          y,
                const TpColour *colour)
{
  cairo_save (cr);
  cairo_move_to (cr, x - 5, y - 2.5);
  cairo_line_to (cr, x, y + 2.5);
  cairo_line_to (cr, x + 5, y - 2.5);
  cairo_set_line_width (cr, 1.6);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  tp_colour_set_source (cr, colour);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
paint_note_box (cairo_t              *cr,
                TpLayout             *layout,
                TpDocument           *document,
                const TpNoteBox      *box,
                const TpPaintOptions *options)
{
  const TpTheme *theme = layout->theme;
  TpNote *note = _tp_layout_resolve_note (layout, document, box);
  TpPersona *persona;
  g_autoptr(PangoLayout) text = NULL;
  const TpColour *fill;
  double s = box->scale, pad = theme->note_padding, footer_y;
  TpRect shape;

  if (note == NULL)
    return;

  /* Everything inside a note is drawn unscaled and scaled as a whole, so a shrunken
   * block shows the same note, only smaller, with its text wrapped the same way. */
  cairo_save (cr);
  cairo_translate (cr, box->rect.x, box->rect.y);
  cairo_scale (cr, s, s);
  shape = (TpRect) { 0, 0, box->rect.width / s, box->rect.height / s };
  fill = &theme->notes[note->colour < TP_N_NOTE_COLOURS ? note->colour : 0];

  /* A pixel or two across: its colour is all that shows (tp-painter-lod.c). */
  if (_tp_paint_is_tiny_note (cr, shape.width))
    {
      cairo_rectangle (cr, 0, 0, shape.width, shape.height);
      tp_colour_set_source (cr, fill);
      cairo_fill (cr);
      cairo_restore (cr);
      return;
    }

  if (options->screen)
    {
      /* A soft shadow from two offset layers: the look of a blur without its cost. */
      TpRect near = { 0, 1, shape.width, shape.height };
      TpRect far = { -0.5, 1.5, shape.width + 1, shape.height + 2 };

      tp_colour_set_source_alpha (cr, &theme->shadow, 0.5);
      _tp_rounded_rect (cr, &far, theme->note_radius + 1);
      cairo_fill (cr);
      tp_colour_set_source (cr, &theme->shadow);
      _tp_rounded_rect (cr, &near, theme->note_radius);
      cairo_fill (cr);
    }

  _tp_rounded_rect (cr, &shape, theme->note_radius);
  tp_colour_set_source (cr, fill);
  cairo_fill_preserve (cr);

  persona = note->persona != NULL ? tp_document_get_persona_of (document, note->item.id) : NULL;
  if (persona != NULL && persona->accent < TP_N_ACCENTS)
    {
      /* The persona's accent as an edge, never the fill: the fill keeps its meaning. */
      cairo_save (cr);
      cairo_clip (cr);
      tp_colour_set_source (cr, &theme->accents[persona->accent]);
      cairo_rectangle (cr, 0, 0, theme->accent_width, shape.height);
      cairo_fill (cr);
      cairo_restore (cr);
    }
  cairo_new_path (cr);

  {
    TpRect edge = _tp_rect_inset (&shape, 0.5);

    _tp_rounded_rect (cr, &edge, theme->note_radius - 0.5);
    cairo_set_line_width (cr, 1);
    tp_colour_set_source (cr, &theme->note_edge);
    cairo_stroke (cr);
  }

  if (_tp_paint_is_tiny_text (cr, theme, TP_FONT_NOTE))
    _tp_paint_text_bars (cr, layout, TP_FONT_NOTE, note->text, pad, pad, box->text_width,
                         box->max_lines, &theme->note_text);
  else
    {
      text = _tp_layout_ref_note_text (layout, note->text, box);
      tp_colour_set_source (cr, &theme->note_text);
      cairo_move_to (cr, pad, pad);
      _tp_paint_layout (cr, text);
    }

  /* The marks in the bottom right corner: beside the last line when they fit there
   * (the layout made the note no taller), else on the footer row. */
  footer_y = shape.height - pad - TP_LAYOUT_FOOTER_HEIGHT;
  if (box->marks_inline)
    footer_y = MIN (footer_y, pad + box->text_height -
                              (tp_theme_get_line_height (theme, TP_FONT_NOTE) +
                               TP_LAYOUT_FOOTER_HEIGHT) / 2);
  paint_votes (cr, layout, note->votes, shape.width - pad, footer_y, &theme->note_marks);
  paint_evidence (cr, note->evidence,
                  shape.width - pad - _tp_layout_note_marks_width (layout, note), footer_y,
                  &theme->note_marks, fill);
  if (box->truncated)
    paint_more_cue (cr, shape.width / 2, footer_y + TP_LAYOUT_FOOTER_HEIGHT / 2,
                    &theme->note_text);

  cairo_restore (cr);
}

/* Blocks */

static void
paint_more_badge (cairo_t  *cr,
                  TpLayout *layout,
                  TpBlock  *block)
{
  const TpTheme *theme = layout->theme;
  g_autofree char *label = tp_layout_format_more (block->info.n_hidden);
  const TpRect *rect = &block->info.more;

  _tp_rounded_rect (cr, rect, rect->height / 2);
  tp_colour_set_source (cr, &theme->more_badge);
  cairo_fill (cr);
  show_centred (cr, layout, TP_FONT_BADGE, label, rect, &theme->more_badge_text);
}

static void
paint_block (cairo_t              *cr,
             TpLayout             *layout,
             TpDocument           *document,
             TpContainer           container,
             const TpRect         *clip,
             const TpPaintOptions *options)
{
  const TpTheme *theme = layout->theme;
  TpBlock *block = &layout->blocks[container];
  const TpContainerInfo *info = &block->info;
  TpRect border = _tp_rect_inset (&info->rect, theme->panel_border_width / 2);
  TpRect reach = _tp_rect_inset (clip, -SHADOW_REACH);

  _tp_rounded_rect (cr, &info->rect, theme->panel_radius);
  tp_colour_set_source (cr, &theme->panel);
  cairo_fill (cr);
  _tp_rounded_rect (cr, &border, theme->panel_radius - theme->panel_border_width / 2);
  cairo_set_line_width (cr, theme->panel_border_width);
  tp_colour_set_source (cr, &theme->panel_border);
  cairo_stroke (cr);

  if (!tp_rect_is_empty (&info->badge))
    {
      g_autofree char *number = g_strdup_printf ("%u", tp_container_get_number (container));

      cairo_new_sub_path (cr);
      cairo_arc (cr, info->badge.x + info->badge.width / 2, info->badge.y + info->badge.height / 2,
                 info->badge.width / 2, 0, 2 * G_PI);
      tp_colour_set_source (cr, &theme->badge);
      cairo_fill (cr);
      show_centred (cr, layout, TP_FONT_BADGE, number, &info->badge, &theme->badge_text);
    }

  {
    g_autofree char *title = _tp_layout_dup_block_title (layout, container);

    show_text (cr, layout, TP_FONT_BLOCK_TITLE, title,
               info->title.x, info->title.y, info->title.width, info->title.height, &theme->title);
  }
  _tp_paint_icon (cr, container, &info->icon, &theme->icon, theme->icon_line_width);

  if (info->n_notes == 0)
    {
      double y = info->notes.y;

      /* Beside a side header the hint shares the title's line. */
      if (block->side_header)
        y = info->title.y + (info->title.height
                             - tp_theme_get_line_height (theme, TP_FONT_HINT)) / 2;
      show_text (cr, layout, TP_FONT_HINT, tp_container_get_hint (container),
                 info->notes.x, y, info->notes.width, info->notes.y + info->notes.height - y,
                 &theme->hint);
      return;
    }

  for (guint r = 0; r < block->rows->len; r++)
    {
      TpRow *row = &g_array_index (block->rows, TpRow, r);

      if (row->y + row->height < reach.y)
        continue;
      if (row->y >= reach.y + reach.height)
        break;
      for (guint k = 0; k < row->n; k++)
        {
          const TpNoteBox *box = _tp_layout_box (layout, row->first + k);

          if (tp_rect_intersects (&box->rect, &reach))
            paint_note_box (cr, layout, document, box, options);
        }
    }

  if (info->n_hidden > 0)
    paint_more_badge (cr, layout, block);
}

/* Porter's margin: the arrow the value chain points into, with its label upright. */
static void
paint_margin (cairo_t  *cr,
              TpLayout *layout)
{
  const TpTheme *theme = layout->theme;
  const TpRect *m = &layout->margin;
  double r = theme->panel_radius, tip = m->width * 0.6, inner = 0.5;
  g_autoptr(PangoLayout) text = NULL;
  double width, height;

  cairo_new_path (cr);
  cairo_move_to (cr, m->x + r + inner, m->y + inner);
  cairo_line_to (cr, m->x + m->width - tip, m->y + inner);
  cairo_line_to (cr, m->x + m->width - inner, m->y + m->height / 2);
  cairo_line_to (cr, m->x + m->width - tip, m->y + m->height - inner);
  cairo_line_to (cr, m->x + r + inner, m->y + m->height - inner);
  cairo_arc (cr, m->x + r + inner, m->y + m->height - r - inner, r, G_PI / 2, G_PI);
  cairo_arc (cr, m->x + r + inner, m->y + r + inner, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  tp_colour_set_source (cr, &theme->panel);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, theme->panel_border_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  tp_colour_set_source (cr, &theme->panel_border);
  cairo_stroke (cr);

  text = tp_text_layout_new (layout->context, theme, TP_FONT_BLOCK_TITLE,
                             _tp_layout_get_margin_label (), -1, -1);
  tp_text_layout_get_size (text, &width, &height);
  cairo_save (cr);
  cairo_translate (cr, m->x + (m->width - tip) / 2 + tip * 0.3 - height / 2,
                   m->y + m->height / 2 + width / 2);
  cairo_rotate (cr, -G_PI / 2);
  tp_colour_set_source (cr, &theme->title);
  cairo_move_to (cr, 0, 0);
  _tp_paint_layout (cr, text);
  cairo_restore (cr);
}

static void
paint_board_clipped (cairo_t              *cr,
                     TpLayout             *layout,
                     TpDocument           *document,
                     const TpRect         *clip,
                     const TpPaintOptions *options)
{
  const TpTheme *theme = layout->theme;

  if (!options->transparent)
    {
      tp_colour_set_source (cr, &theme->board_background);
      cairo_rectangle (cr, clip->x, clip->y, clip->width, clip->height);
      cairo_fill (cr);
    }

  for (guint r = 0; r < TP_N_REGIONS; r++)
    {
      const TpRect *title = &layout->titles[r];

      if (tp_rect_intersects (title, clip))
        show_text (cr, layout, TP_FONT_REGION_TITLE, tp_region_get_label (r),
                   title->x, title->y, title->width, title->height, &theme->title);
    }

  if (tp_rect_intersects (&layout->margin, clip))
    paint_margin (cr, layout);

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      if (tp_rect_intersects (&layout->blocks[c].info.rect, clip))
        paint_block (cr, layout, document, c, clip, options);
    }

  _tp_paint_journey (cr, layout, document, clip, options);
  if (options->links)
    _tp_paint_links (cr, layout, clip, options);
}

void
tp_paint_board (cairo_t              *cr,
                TpLayout             *layout,
                TpDocument           *document,
                const TpPaintOptions *options)
{
  TpPaintOptions defaults;
  TpRect clip;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (TP_IS_DOCUMENT (document));

  if (options == NULL)
    {
      tp_paint_options_init (&defaults);
      options = &defaults;
    }

  clip = tp_rect_is_empty (&options->visible) ? layout->bounds : options->visible;

  cairo_save (cr);
  _tp_paint_mark_screen (cr, options->screen);
  paint_board_clipped (cr, layout, document, &clip, options);
  _tp_paint_mark_screen (cr, FALSE);
  cairo_restore (cr);
}

/* A note by its id, as the board shows it or (whole) grown to its whole text. */
static void
paint_note_by_id (cairo_t              *cr,
                  TpLayout             *layout,
                  TpDocument           *document,
                  const char           *id,
                  gboolean              whole,
                  const TpPaintOptions *options)
{
  TpPaintOptions defaults;
  TpNoteBox box;
  guint i;

  if (options == NULL)
    {
      tp_paint_options_init (&defaults);
      options = &defaults;
    }

  i = GPOINTER_TO_UINT (g_hash_table_lookup (layout->by_id, id));
  if (i == 0 || !_tp_layout_box (layout, i - 1)->visible)
    return;
  box = *_tp_layout_box (layout, i - 1);
  if (whole && !_tp_layout_whole_box (layout, document, _tp_layout_box (layout, i - 1), &box))
    return;

  cairo_save (cr);
  paint_note_box (cr, layout, document, &box, options);
  cairo_restore (cr);
}

void
tp_paint_note (cairo_t              *cr,
               TpLayout             *layout,
               TpDocument           *document,
               const char           *id,
               const TpPaintOptions *options)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (TP_IS_DOCUMENT (document));
  g_return_if_fail (id != NULL);

  paint_note_by_id (cr, layout, document, id, FALSE, options);
}

void
tp_paint_note_whole (cairo_t              *cr,
                     TpLayout             *layout,
                     TpDocument           *document,
                     const char           *id,
                     const TpPaintOptions *options)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (TP_IS_DOCUMENT (document));
  g_return_if_fail (id != NULL);

  paint_note_by_id (cr, layout, document, id, TRUE, options);
}

/* The legend draws the marks of a note exactly as a note does (tp-legend.c). */

void
_tp_paint_evidence (cairo_t        *cr,
                    TpEvidence      evidence,
                    double          x,
                    double          y,
                    const TpColour *colour,
                    const TpColour *background)
{
  paint_evidence (cr, evidence, x, y, colour, background);
}

void
_tp_paint_votes (cairo_t        *cr,
                 TpLayout       *layout,
                 guint           votes,
                 double          right,
                 double          y,
                 const TpColour *colour)
{
  paint_votes (cr, layout, votes, right, y, colour);
}
