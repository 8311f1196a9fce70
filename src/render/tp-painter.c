/* tp-painter.c: painting the board: regions, blocks and notes, as VISUAL.md draws them */

#include "config.h"

#include <math.h>
#include <string.h>

#include "model/tp-enums.h"
#include "tp-paint-glyphs.h"
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
  else if (!_tp_paint_glyphs_show_layout (cr, layout))
    tp_text_layout_show (cr, layout);
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
  double width, height, ink_y, ink_height;

  tp_text_layout_get_size (text_layout, &width, &height);
  tp_text_layout_get_ink (text_layout, NULL, &ink_y, NULL, &ink_height);
  tp_colour_set_source (cr, colour);
  /* Horizontally by the advance, vertically by the ink: digits and "+" have no
   * descenders, so centring the line box would look low. */
  cairo_move_to (cr, rect->x + (rect->width - width) / 2,
                 rect->y + rect->height / 2 - (ink_y + ink_height / 2.0));
  _tp_paint_layout (cr, text_layout);
}

/* Notes
 *
 * A note is painted in the two passes of a batch (tp-paint-batch.h), with the other notes
 * of its block's run: its panel, edge and marks are added to the shared fills and strokes
 * of their colour in the shape pass, its text is drawn in the text pass. A PDF or SVG
 * page records each drawing operation whole (bench/README.md, "Memory"), and a fill, an
 * edge and a dashed evidence ring a note were three of them; now a run of notes shares a
 * few. Everything inside a note is drawn unscaled and scaled as a whole, so the shapes
 * are added in the note's own space (_tp_paint_batch_follow()) and widths and dashes,
 * which the batch strokes in the block's space, are scaled by the note's scale. */

/* The evidence glyph, TP_LAYOUT_FOOTER_HEIGHT square at (x, y) in the note's space. */
static void
paint_evidence (TpPaintBatch   *batch,
                double          scale,
                TpEvidence      evidence,
                double          x,
                double          y,
                const TpColour *colour,
                const TpColour *background)
{
  double size = TP_LAYOUT_FOOTER_HEIGHT;
  double cx = x + size / 2, cy = y + size / 2, r = size / 2 - 0.6;
  cairo_t *p;

  if (_tp_paint_batch_texts (batch))
    return;

  switch (evidence)
    {
    case TP_EVIDENCE_ASSUMPTION:
      /* Dashed: not yet known to be true. */
      p = _tp_paint_batch_stroke_styled (batch, TP_BATCH_MARK, colour, 1, 1.2 * scale,
                                         CAIRO_LINE_CAP_BUTT, CAIRO_LINE_JOIN_MITER,
                                         1.7 * scale, 1.45 * scale);
      cairo_new_sub_path (p);
      cairo_arc (p, cx, cy, r, 0, 2 * G_PI);
      break;

    case TP_EVIDENCE_PARTLY_VALIDATED:
      p = _tp_paint_batch_stroke (batch, TP_BATCH_MARK, colour, 1, 1.2 * scale,
                                  CAIRO_LINE_CAP_BUTT);
      cairo_new_sub_path (p);
      cairo_arc (p, cx, cy, r, 0, 2 * G_PI);
      p = _tp_paint_batch_fill (batch, TP_BATCH_MARK, colour, 1);
      cairo_new_sub_path (p);
      cairo_arc (p, cx, cy, r, G_PI / 2, 3 * G_PI / 2);
      cairo_close_path (p);
      break;

    case TP_EVIDENCE_VALIDATED:
      _tp_paint_batch_disc (batch, TP_BATCH_MARK, colour, 1, cx, cy, r + 0.6, scale);
      p = _tp_paint_batch_stroke_styled (batch, TP_BATCH_MARK_CHECK, background, 1,
                                         1.3 * scale, CAIRO_LINE_CAP_ROUND,
                                         CAIRO_LINE_JOIN_ROUND, 0, 0);
      cairo_move_to (p, cx - 2.3, cy + 0.1);
      cairo_line_to (p, cx - 0.6, cy + 1.8);
      cairo_line_to (p, cx + 2.4, cy - 1.6);
      break;

    case TP_N_EVIDENCE:
    default:
      break;
    }
}

/* Dot votes in the footer's right corner, ending at right; a count beside one dot when
 * there are too many dots to count at a glance (drawn in the text pass, on cr). */
static void
paint_votes (cairo_t        *cr,
             TpLayout       *layout,
             TpPaintBatch   *batch,
             double          scale,
             guint           votes,
             double          right,
             double          y,
             const TpColour *colour)
{
  const guint max_dots = TP_LAYOUT_VOTE_DOTS;
  double r = TP_LAYOUT_VOTE_RADIUS, step = TP_LAYOUT_VOTE_STEP;
  double cy = y + TP_LAYOUT_FOOTER_HEIGHT / 2;
  gboolean texts = _tp_paint_batch_texts (batch);

  if (votes == 0)
    return;

  if (votes <= max_dots)
    {
      if (texts)
        return;
      for (guint i = 0; i < votes; i++)
        _tp_paint_batch_disc (batch, TP_BATCH_MARK, colour, 1, right - r - i * step, cy, r,
                              scale);
    }
  else
    {
      g_autofree char *count = g_strdup_printf ("%u", votes);
      g_autoptr(PangoLayout) text = tp_text_layout_new (layout->context, layout->theme,
                                                        TP_FONT_BADGE, count, -1, -1);
      double width, ink_y, ink_height;

      tp_text_layout_get_size (text, &width, NULL);
      if (texts)
        {
          tp_text_layout_get_ink (text, NULL, &ink_y, NULL, &ink_height);
          tp_colour_set_source (cr, colour);
          cairo_move_to (cr, right - width, cy - (ink_y + ink_height / 2.0));
          _tp_paint_layout (cr, text);
        }
      else
        _tp_paint_batch_disc (batch, TP_BATCH_MARK, colour, 1, right - width - 3 - r, cy, r,
                              scale);
    }
}

/* The board's cue that a note says more than it shows (besides the ellipsis its text
 * ends in): a small downward chevron in the middle of its footer, where nothing else is.
 * Hovering or selecting the note shows the rest. */
static void
paint_more_cue (TpPaintBatch   *batch,
                double          scale,
                double          x,
                double          y,
                const TpColour *colour)
{
  cairo_t *p;

  if (_tp_paint_batch_texts (batch))
    return;
  p = _tp_paint_batch_stroke_styled (batch, TP_BATCH_MARK, colour, 1, 1.6 * scale,
                                     CAIRO_LINE_CAP_ROUND, CAIRO_LINE_JOIN_ROUND, 0, 0);
  cairo_move_to (p, x - 5, y - 2.5);
  cairo_line_to (p, x, y + 2.5);
  cairo_line_to (p, x + 5, y - 2.5);
}

/* edge painted over an opaque fill. */
static TpColour
edge_over (const TpColour *edge,
           const TpColour *fill)
{
  double a = edge->alpha;

  return (TpColour) { fill->red + (edge->red - fill->red) * a,
                      fill->green + (edge->green - fill->green) * a,
                      fill->blue + (edge->blue - fill->blue) * a, 1 };
}

/* The persona's accent: the note's rounded rect cut at width from its left, as the clip
 * of the note's shape would cut a strip (width is at least the corners' radius). */
static void
accent_path (cairo_t      *cr,
             const TpRect *shape,
             double        radius,
             double        width)
{
  double h = shape->height;

  radius = MIN (radius, MIN (width, MIN (shape->width, h) / 2));
  width = MIN (width, shape->width);
  cairo_move_to (cr, width, h);
  cairo_line_to (cr, radius, h);
  cairo_arc (cr, radius, h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, radius, radius, radius, G_PI, 3 * G_PI / 2);
  cairo_line_to (cr, width, 0);
  cairo_close_path (cr);
}

/* Notes' texts painted from their words' glyphs and from Pango's layouts, over the
 * process, for tests' counts (never time). */
static int n_from_words, n_from_layouts, n_boxes_painted;

guint
_tp_paint_count_note_boxes (void)
{
  return (guint) g_atomic_int_get (&n_boxes_painted);
}

void
_tp_paint_get_note_counts (guint *from_words,
                           guint *from_layouts)
{
  *from_words = g_atomic_int_get (&n_from_words);
  *from_layouts = g_atomic_int_get (&n_from_layouts);
}

/* A note's text at cr's current point from its words' glyphs (tp-word-glyphs.h), as
 * _tp_paint_layout() would show Pango's layout of it, without shaping it again (in an
 * SVG, its lines as text, from its model); FALSE (nothing drawn) where its model cannot
 * tell its glyphs. */
static gboolean
paint_note_words (cairo_t         *cr,
                  TpLayout        *layout,
                  const char      *text,
                  const TpNoteBox *box)
{
  const TpTextModel *model = _tp_layout_note_model (layout, text, box);
  int width = (int) floor (box->text_width * PANGO_SCALE);
  TpSvgText *sink = _tp_svg_text_get (cr);
  g_autoptr(GArray) segments = NULL;
  g_autoptr(GArray) glyphs = NULL;
  g_autoptr(GArray) clusters = NULL;
  double x0, y0;

  if (model == NULL)
    return FALSE;

  if (sink != NULL)
    {
      g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (TpSvgLine));
      PangoFontDescription *font;

      if (!_tp_text_model_lines (layout, TP_FONT_NOTE, model, width, box->max_lines, lines))
        return FALSE;
      font = tp_theme_create_font (layout->theme, TP_FONT_NOTE);
      _tp_svg_text_add_lines (sink, cr, font, text, (const TpSvgLine *) lines->data,
                              lines->len);
      pango_font_description_free (font);
      g_atomic_int_inc (&n_from_words);
      return TRUE;
    }

  cairo_get_current_point (cr, &x0, &y0);
  segments = g_array_new (FALSE, FALSE, sizeof (TpGlyphSegment));
  glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  clusters = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));
  if (!_tp_text_model_collect (layout, TP_FONT_NOTE, model, text, width, box->max_lines, x0, y0,
                               segments, glyphs, clusters))
    return FALSE;
  _tp_paint_glyphs_show (cr, text, segments, glyphs, clusters);
  g_atomic_int_inc (&n_from_words);
  return TRUE;
}

static void
paint_note_box (cairo_t              *cr,
                TpLayout             *layout,
                TpDocument           *document,
                const TpNoteBox      *box,
                const TpPaintOptions *options,
                TpPaintBatch         *batch)
{
  const TpTheme *theme = layout->theme;
  TpNote *note = _tp_layout_resolve_note (layout, document, box);
  gboolean texts = _tp_paint_batch_texts (batch);
  const TpColour *fill;
  double s = box->scale, pad = theme->note_padding, footer_y;
  TpRect shape;

  if (note == NULL)
    return;

  cairo_save (cr);
  cairo_translate (cr, box->rect.x, box->rect.y);
  cairo_scale (cr, s, s);
  shape = (TpRect) { 0, 0, box->rect.width / s, box->rect.height / s };
  fill = &theme->notes[note->colour < TP_N_NOTE_COLOURS ? note->colour : 0];
  if (!texts)
    _tp_paint_batch_follow (batch, cr);

  /* A pixel or two across: its colour is all that shows (tp-painter-lod.c). */
  if (_tp_paint_is_tiny_note (cr, shape.width))
    {
      if (!texts)
        cairo_rectangle (_tp_paint_batch_fill (batch, TP_BATCH_PANEL, fill, 1), 0, 0,
                         shape.width, shape.height);
      cairo_restore (cr);
      return;
    }

  if (!texts)
    {
      TpPersona *persona = note->persona != NULL
                           ? tp_document_get_persona_of (document, note->item.id) : NULL;
      TpRect edge = _tp_rect_inset (&shape, 0.5);

      if (options->screen)
        {
          /* A soft shadow from two offset layers: the look of a blur without its cost. */
          TpRect near = { 0, 1, shape.width, shape.height };
          TpRect far = { -0.5, 1.5, shape.width + 1, shape.height + 2 };

          _tp_rounded_rect (_tp_paint_batch_fill (batch, TP_BATCH_SHADOW_FAR, &theme->shadow,
                                                  0.5),
                            &far, theme->note_radius + 1);
          _tp_rounded_rect (_tp_paint_batch_fill (batch, TP_BATCH_SHADOW_NEAR, &theme->shadow,
                                                  1),
                            &near, theme->note_radius);
        }

      if ((persona != NULL && persona->accent < TP_N_ACCENTS) || fill->alpha < 1)
        {
          _tp_paint_batch_rounded_rect (batch, TP_BATCH_PANEL, fill, 1, &shape,
                                        theme->note_radius, s);
          /* The persona's accent as an edge, never the fill: the fill keeps its meaning. */
          if (persona != NULL && persona->accent < TP_N_ACCENTS)
            accent_path (_tp_paint_batch_fill (batch, TP_BATCH_ACCENT,
                                               &theme->accents[persona->accent], 1),
                         &shape, theme->note_radius, theme->accent_width);
          _tp_rounded_rect (_tp_paint_batch_stroke (batch, TP_BATCH_EDGE, &theme->note_edge, 1,
                                                    s, CAIRO_LINE_CAP_BUTT),
                            &edge, theme->note_radius - 0.5);
        }
      else
        {
          /* The edge, a line one unit wide just inside the shape in a translucent colour,
           * as the whole shape in the colour the edge makes over the fill, and the face
           * inside it in the fill: the same colours where they were, each a rounded
           * rect (_tp_paint_batch_rounded_rect()), where an edge was stroked as four arcs
           * and four lines more. */
          TpColour rim = edge_over (&theme->note_edge, fill);
          TpRect face = _tp_rect_inset (&shape, 1);

          _tp_paint_batch_rounded_rect (batch, TP_BATCH_PANEL, &rim, 1, &shape,
                                        theme->note_radius, s);
          _tp_paint_batch_rounded_rect (batch, TP_BATCH_FACE, fill, 1, &face,
                                        theme->note_radius - 1, s);
        }
    }
  else if (_tp_paint_is_tiny_text (cr, theme, TP_FONT_NOTE))
    _tp_paint_text_bars (cr, layout, TP_FONT_NOTE, note->text, pad, pad, box->text_width,
                         box->max_lines, &theme->note_text);
  else
    {
      tp_colour_set_source (cr, &theme->note_text);
      cairo_move_to (cr, pad, pad);
      if (!paint_note_words (cr, layout, note->text, box))
        {
          g_atomic_int_inc (&n_from_layouts);
          g_autoptr(PangoLayout) text = _tp_layout_ref_note_text (layout, note->text, box);

          _tp_paint_layout (cr, text);
        }
    }

  /* The marks in the bottom right corner: beside the last line when they fit there
   * (the layout made the note no taller), else on the footer row. */
  footer_y = shape.height - pad - TP_LAYOUT_FOOTER_HEIGHT;
  if (box->marks_inline)
    footer_y = MIN (footer_y, pad + box->text_height -
                              (tp_theme_get_line_height (theme, TP_FONT_NOTE) +
                               TP_LAYOUT_FOOTER_HEIGHT) / 2);
  paint_votes (cr, layout, batch, s, note->votes, shape.width - pad, footer_y,
               &theme->note_marks);
  paint_evidence (batch, s, note->evidence,
                  shape.width - pad - _tp_layout_note_marks_width (layout, note), footer_y,
                  &theme->note_marks, fill);
  if (box->truncated)
    paint_more_cue (batch, s, shape.width / 2, footer_y + TP_LAYOUT_FOOTER_HEIGHT / 2,
                    &theme->note_text);

  cairo_restore (cr);
}

/* Notes in runs of a batch: a run's shapes, then its text. */
static void
paint_note_boxes (cairo_t                *cr,
                  TpLayout               *layout,
                  TpDocument             *document,
                  const TpNoteBox *const *boxes,
                  guint                   n_boxes,
                  const TpPaintOptions   *options)
{
  g_autoptr(TpPaintBatch) batch = NULL;

  if (n_boxes == 0)
    return;

  g_atomic_int_add (&n_boxes_painted, (int) n_boxes);
  batch = _tp_paint_batch_new (cr);
  for (guint first = 0; first < n_boxes; first += TP_PAINT_BATCH_RUN)
    {
      guint end = MIN (n_boxes, first + TP_PAINT_BATCH_RUN);

      _tp_paint_batch_begin (batch);
      for (guint i = first; i < end; i++)
        paint_note_box (cr, layout, document, boxes[i], options, batch);
      _tp_paint_batch_flush (batch, cr);
      for (guint i = first; i < end; i++)
        paint_note_box (cr, layout, document, boxes[i], options, batch);
    }
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
  g_autoptr(GPtrArray) boxes = NULL;

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

  boxes = g_ptr_array_new ();
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
            g_ptr_array_add (boxes, (gpointer) box);
        }
    }
  paint_note_boxes (cr, layout, document, (const TpNoteBox *const *) boxes->pdata, boxes->len,
                    options);

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

/* The device pixels rect covers on cr, grown outward to whole pixels, within limit. */
static gboolean
device_box (cairo_t      *cr,
            const TpRect *rect,
            const double  limit[4],
            double        box[4])
{
  double x0 = rect->x, y0 = rect->y, x1 = rect->x + rect->width, y1 = rect->y + rect->height;

  cairo_user_to_device (cr, &x0, &y0);
  cairo_user_to_device (cr, &x1, &y1);
  box[0] = MAX (floor (MIN (x0, x1)), limit[0]);
  box[1] = MAX (floor (MIN (y0, y1)), limit[1]);
  box[2] = MIN (ceil (MAX (x0, x1)), limit[2]);
  box[3] = MIN (ceil (MAX (y0, y1)), limit[3]);
  return box[0] < box[2] && box[1] < box[3];
}

/* A paint's cost beside its area: walking the board for what meets its rect (blocks,
 * cards, links), in device pixels' worth. Two boxes are painted as one when their union
 * costs no more than they do apart. */
#define REPAINT_OVERHEAD (96.0 * 96.0)
/* More boxes than this in one target are painted as their union. */
#define MAX_REPAINTS 8

static double
box_cost (const double box[4])
{
  return (box[2] - box[0]) * (box[3] - box[1]) + REPAINT_OVERHEAD;
}

/* Merges boxes (4 doubles each) whose union costs no more than both, until none do. */
static void
merge_boxes (GArray *boxes)
{
  gboolean merged = TRUE;

  while (merged)
    {
      merged = FALSE;
      for (guint i = 0; i < boxes->len / 4 && !merged; i++)
        for (guint j = i + 1; j < boxes->len / 4 && !merged; j++)
          {
            double *a = &g_array_index (boxes, double, 4 * i);
            const double *b = &g_array_index (boxes, double, 4 * j);
            double u[4] = { MIN (a[0], b[0]), MIN (a[1], b[1]), MAX (a[2], b[2]),
                            MAX (a[3], b[3]) };

            if (box_cost (u) <= box_cost (a) + box_cost (b))
              {
                memcpy (a, u, sizeof u);
                g_array_remove_range (boxes, 4 * j, 4);
                merged = TRUE;
              }
          }
    }
  if (boxes->len / 4 > MAX_REPAINTS)
    {
      double *u = &g_array_index (boxes, double, 0);

      for (guint i = 1; i < boxes->len / 4; i++)
        {
          const double *b = &g_array_index (boxes, double, 4 * i);

          u[0] = MIN (u[0], b[0]), u[1] = MIN (u[1], b[1]);
          u[2] = MAX (u[2], b[2]), u[3] = MAX (u[3], b[3]);
        }
      g_array_set_size (boxes, 4);
    }
}

guint
tp_paint_board_rects (cairo_t              *cr,
                      TpLayout             *layout,
                      TpDocument           *document,
                      const TpPaintOptions *options,
                      const TpRect         *rects,
                      guint                 n_rects)
{
  g_autoptr(GArray) boxes = NULL;
  TpRect whole;
  double limit[4];

  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (TP_IS_DOCUMENT (document), 0);
  g_return_val_if_fail (options != NULL, 0);

  whole = tp_rect_is_empty (&options->visible) ? layout->bounds : options->visible;
  /* The target's pixels the whole paint covered, the last partly covered included. */
  if (!device_box (cr, &whole, (const double[]) { -G_MAXDOUBLE, -G_MAXDOUBLE, G_MAXDOUBLE,
                                                  G_MAXDOUBLE }, limit))
    return 0;

  boxes = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < n_rects; i++)
    {
      double box[4];

      if (device_box (cr, &rects[i], limit, box))
        g_array_append_vals (boxes, box, 4);
    }
  merge_boxes (boxes);

  for (guint i = 0; i < boxes->len / 4; i++)
    {
      const double *box = &g_array_index (boxes, double, 4 * i);
      TpPaintOptions again = *options;
      double ux0 = box[0] - 1, uy0 = box[1] - 1, ux1 = box[2] + 1, uy1 = box[3] + 1;

      /* What is painted: the board rect of those pixels, a pixel more on each side so
       * that rounding never culls an item that reaches into them, but never beyond what
       * the whole paint covered, whose own edges (its background's) it must meet. */
      cairo_device_to_user (cr, &ux0, &uy0);
      cairo_device_to_user (cr, &ux1, &uy1);
      {
        double x0 = MAX (MIN (ux0, ux1), whole.x), y0 = MAX (MIN (uy0, uy1), whole.y);
        double x1 = MIN (MAX (ux0, ux1), whole.x + whole.width);
        double y1 = MIN (MAX (uy0, uy1), whole.y + whole.height);

        again.visible = (TpRect) { x0, y0, x1 - x0, y1 - y0 };
      }

      cairo_save (cr);
      cairo_save (cr);
      cairo_identity_matrix (cr);
      cairo_rectangle (cr, box[0], box[1], box[2] - box[0], box[3] - box[1]);
      cairo_restore (cr);
      cairo_clip (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
      tp_paint_board (cr, layout, document, &again);
      cairo_restore (cr);
    }
  return boxes->len / 4;
}

cairo_surface_t *
tp_paint_tile_again (cairo_surface_t      *tile,
                     const cairo_matrix_t *matrix,
                     TpLayout             *layout,
                     TpDocument           *document,
                     const TpPaintOptions *options,
                     const TpRect         *rects,
                     guint                 n_rects)
{
  int width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (tile != NULL, NULL);
  g_return_val_if_fail (cairo_image_surface_get_format (tile) == CAIRO_FORMAT_ARGB32, NULL);
  g_return_val_if_fail (matrix != NULL, NULL);

  width = cairo_image_surface_get_width (tile);
  height = cairo_image_surface_get_height (tile);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_surface_flush (tile);
  cairo_surface_flush (surface);
  g_assert (cairo_image_surface_get_stride (surface) == cairo_image_surface_get_stride (tile));
  memcpy (cairo_image_surface_get_data (surface), cairo_image_surface_get_data (tile),
          (gsize) cairo_image_surface_get_stride (tile) * height);
  cairo_surface_mark_dirty (surface);

  cr = cairo_create (surface);
  cairo_set_matrix (cr, matrix);
  tp_paint_board_rects (cr, layout, document, options, rects, n_rects);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
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
  paint_note_boxes (cr, layout, document, (const TpNoteBox *const[]) { &box }, 1, options);
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

/* The legend draws the marks of a note exactly as a note does (tp-legend.c), through a
 * batch of its own. */

void
_tp_paint_evidence (cairo_t        *cr,
                    TpEvidence      evidence,
                    double          x,
                    double          y,
                    const TpColour *colour,
                    const TpColour *background)
{
  g_autoptr(TpPaintBatch) batch = _tp_paint_batch_new (cr);

  _tp_paint_batch_begin (batch);
  paint_evidence (batch, 1, evidence, x, y, colour, background);
  _tp_paint_batch_flush (batch, cr);
}

void
_tp_paint_votes (cairo_t        *cr,
                 TpLayout       *layout,
                 guint           votes,
                 double          right,
                 double          y,
                 const TpColour *colour)
{
  g_autoptr(TpPaintBatch) batch = _tp_paint_batch_new (cr);

  _tp_paint_batch_begin (batch);
  paint_votes (cr, layout, batch, 1, votes, right, y, colour);
  _tp_paint_batch_flush (batch, cr);
  paint_votes (cr, layout, batch, 1, votes, right, y, colour);
}
