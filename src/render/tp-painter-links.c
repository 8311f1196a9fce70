/* tp-painter-links.c: drawing the links between notes and touchpoints.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Links are drawn after everything else but clipped away from every note, stage header,
 * card and region title, so a curve that has to pass a note goes beneath it instead of
 * striking through its text, and reappears on the far side. Each link takes the colour
 * of its touchpoint's stage (the stage's tint, darkened for a line), so the links into
 * one stage read as one family, and a dot marks the port where it leaves its note and
 * enters its card. Labels sit on white pills on top, where the layout found room.
 *
 * Lines or badges (TP_LINK_MODE_AUTO). A line answers "where does this lead?" most
 * directly, as long as the eye can follow it. On screen it can: hovering or selecting
 * a link or either of its items draws that link emphasised, with both ends outlined and
 * numbered. A page has no pointer, and a line that the eye loses where it crosses
 * another or runs beside others down a gutter is worse than none: a reader follows the
 * wrong one. So a page draws lines only while the layout reports no tangle
 * (tp_layout_count_link_tangles() is 0), and otherwise the numbered badges at both ends
 * instead, as a circuit diagram joins distant wires by off-page connectors: the two
 * discs carrying the same number name the link's two ends, at any density.
 */

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "model/tp-enums.h"
#include "tp-painter-private.h"
#include "tp-text.h"

#define DRAG_DOT_RADIUS 4.0
#define PORT_RADIUS     2.5   /* within the layout's bounds, which grow by 3 */
#define BADGE_RING      1.5   /* white around a badge, to part it from what it straddles;
                               * within the layout's bounds, which grow by 2 */

/* A title's text, not its whole row: a link may cross the empty rest of the row. */
static void
add_title (cairo_t      *cr,
           TpLayout     *layout,
           TpFontRole    role,
           const char   *text,
           const TpRect *row)
{
  double width = 0;

  _tp_layout_measure_text (layout, role, text, row->width, 1, &width, NULL);
  cairo_rectangle (cr, row->x, row->y, MIN (ceil (width) + 2, row->width), row->height);
}

/* Clips cr to rect minus everything a link passes beneath: notes, block and region
 * titles, stage headers and cards. Everything subtracted lies
 * apart from everything else, so the even-odd rule cuts each out exactly once. */
static void
clip_out_items (cairo_t      *cr,
                TpLayout     *layout,
                const TpRect *rect)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  /* First to rect alone: the parts of items that stick out of it would otherwise count
   * once under the even-odd rule below and let the curves out. */
  cairo_new_path (cr);
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  cairo_clip_preserve (cr);

  tp_layout_query_notes (layout, rect, ids);
  for (guint i = 0; i < ids->len; i++)
    {
      TpNoteInfo note;

      if (tp_layout_get_note (layout, ids->pdata[i], &note) && note.visible)
        cairo_rectangle (cr, note.rect.x, note.rect.y, note.rect.width, note.rect.height);
    }

  g_ptr_array_set_size (ids, 0);
  tp_layout_query_stages (layout, rect, ids);
  for (guint i = 0; i < ids->len; i++)
    {
      TpStageInfo stage;

      if (tp_layout_get_stage (layout, ids->pdata[i], &stage))
        cairo_rectangle (cr, stage.header.x, stage.header.y, stage.header.width,
                         stage.header.height);
    }

  g_ptr_array_set_size (ids, 0);
  tp_layout_query_touchpoints (layout, rect, ids);
  for (guint i = 0; i < ids->len; i++)
    {
      TpTouchpointInfo touchpoint;

      if (tp_layout_get_touchpoint (layout, ids->pdata[i], &touchpoint))
        cairo_rectangle (cr, touchpoint.card.x, touchpoint.card.y, touchpoint.card.width,
                         touchpoint.card.height);
    }

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      const TpContainerInfo *info = &layout->blocks[c].info;

      if (tp_rect_intersects (&info->title, rect))
        add_title (cr, layout, TP_FONT_BLOCK_TITLE, tp_enum_get_label (TP_ENUM_CONTAINER, c),
                   &info->title);
    }

  for (guint r = 0; r < TP_N_REGIONS; r++)
    {
      const TpRect *title = &layout->titles[r];

      if (tp_rect_intersects (title, rect))
        add_title (cr, layout, TP_FONT_REGION_TITLE, tp_region_get_label (r), title);
    }

  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_clip (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
}

/* Hue, saturation and lightness of a colour, each 0 … 1. */
static void
rgb_to_hsl (const TpColour *c,
            double         *h,
            double         *s,
            double         *l)
{
  double max = MAX (c->red, MAX (c->green, c->blue));
  double min = MIN (c->red, MIN (c->green, c->blue));
  double d = max - min;

  *l = (max + min) / 2;
  *h = 0;
  *s = d < 1e-9 ? 0 : d / (1 - fabs (2 * *l - 1));
  if (d < 1e-9)
    return;
  if (max == c->red)
    *h = fmod ((c->green - c->blue) / d + 6, 6) / 6;
  else if (max == c->green)
    *h = ((c->blue - c->red) / d + 2) / 6;
  else
    *h = ((c->red - c->green) / d + 4) / 6;
}

static double
hue_channel (double p,
             double q,
             double t)
{
  t = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
  if (t < 1.0 / 6)
    return p + (q - p) * 6 * t;
  if (t < 1.0 / 2)
    return q;
  if (t < 2.0 / 3)
    return p + (q - p) * (2.0 / 3 - t) * 6;
  return p;
}

static void
hsl_to_rgb (double    h,
            double    s,
            double    l,
            TpColour *c)
{
  double q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  double p = 2 * l - q;

  c->red = hue_channel (p, q, h + 1.0 / 3);
  c->green = hue_channel (p, q, h);
  c->blue = hue_channel (p, q, h - 1.0 / 3);
  c->alpha = 1;
}

void
tp_paint_get_link_colour (const TpTheme *theme,
                          guint          tint,
                          TpColour      *colour)
{
  static const TpColour white = { 1, 1, 1, 1 };
  double h, s, l;

  g_return_if_fail (theme != NULL);
  g_return_if_fail (colour != NULL);

  /* The pale tint keeps its hue, gains saturation and loses lightness until it carries
   * a white figure at 4.5:1 (the yellow stage needs the most), so a line reads on the
   * white board and a badge's number reads on the line's colour. */
  rgb_to_hsl (&theme->stage_tints[tint % TP_N_STAGE_TINTS], &h, &s, &l);
  s = MAX (s, 0.6);
  for (l = 0.45; l > 0.15; l -= 0.02)
    {
      hsl_to_rgb (h, s, l, colour);
      if (tp_colour_get_contrast_ratio (colour, &white) >= 4.5)
        break;
    }
}

static void
set_stroke (cairo_t       *cr,
            const TpTheme *theme,
            TpLinkStyle    style)
{
  cairo_set_line_width (cr, style == TP_LINK_STYLE_EMPHASIS ? theme->link_width_selected
                                                             : theme->link_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
}

static void
append_path (cairo_t          *cr,
             const TpLinkInfo *info)
{
  cairo_move_to (cr, info->path[0].x, info->path[0].y);
  for (guint i = 1; i + 2 < info->n_path; i += 3)
    cairo_curve_to (cr, info->path[i].x, info->path[i].y, info->path[i + 1].x,
                    info->path[i + 1].y, info->path[i + 2].x, info->path[i + 2].y);
}

static void
stroke_path (cairo_t          *cr,
             const TpLinkInfo *info)
{
  cairo_new_path (cr);
  append_path (cr, info);
  cairo_stroke (cr);
}

/* A label's pill, in the two passes of batch: its white fill and edge in the link's
 * colour, then its text. */
static void
paint_pill (cairo_t          *cr,
            TpLayout         *layout,
            const TpLinkInfo *info,
            TpLinkStyle       style,
            TpPaintBatch     *batch)
{
  const TpTheme *theme = layout->theme;
  g_autoptr(PangoLayout) text = NULL;
  TpColour colour;
  double width, height;

  if (tp_rect_is_empty (&info->pill))
    return;

  if (!_tp_paint_batch_texts (batch))
    {
      /* The edge, a line centred on the pill's outline, as the pill grown by half its
       * width in the link's colour under the pill shrunk by as much in white: two
       * rounded rects the batch writes as two segments (tp-paint-batch.h). */
      double half = (style == TP_LINK_STYLE_EMPHASIS ? 1.5 : 1) / 2;
      TpRect rim = _tp_rect_inset (&info->pill, -half);
      TpRect face = _tp_rect_inset (&info->pill, half);

      tp_paint_get_link_colour (theme, info->tint, &colour);
      _tp_paint_batch_rounded_rect (batch, TP_BATCH_PILL, &colour, 1, &rim,
                                    rim.height / 2, 1);
      _tp_paint_batch_rounded_rect (batch, TP_BATCH_PILL_EDGE, &theme->panel, 1, &face,
                                    face.height / 2, 1);
      return;
    }

  text = _tp_layout_ref_text (layout, TP_FONT_TAG, info->label, -1, 1);
  tp_text_layout_get_size (text, &width, &height);
  tp_colour_set_source (cr, &theme->cell_text);
  cairo_move_to (cr, info->pill.x + (info->pill.width - width) / 2,
                 info->pill.y + (info->pill.height - height) / 2);
  _tp_paint_layout (cr, text);
}

/* The dots where a line leaves its note and enters its card, added to batch. */
static void
paint_ports (TpPaintBatch     *batch,
             const TpLinkInfo *info,
             const TpColour   *colour,
             double            radius)
{
  const TpPoint *start = &info->path[0], *end = &info->path[info->n_path - 1];

  if (_tp_paint_batch_texts (batch))
    return;
  _tp_paint_batch_disc (batch, TP_BATCH_PORT, colour, 1, start->x, start->y, radius, 1);
  _tp_paint_batch_disc (batch, TP_BATCH_PORT, colour, 1, end->x, end->y, radius, 1);
}

/* One numbered badge, in the two passes of batch: a disc (a pill past one digit) in the
 * link's colour, a white ring to part it from the edge it straddles, then the number in
 * white. */
static void
paint_badge (cairo_t        *cr,
             TpLayout       *layout,
             const TpRect   *rect,
             const char     *number,
             const TpColour *colour,
             TpPaintBatch   *batch)
{
  static const TpColour white = { 1, 1, 1, 1 };
  g_autoptr(PangoLayout) text = NULL;
  double width, height;

  if (tp_rect_is_empty (rect))
    return;

  if (!_tp_paint_batch_texts (batch))
    {
      TpRect ring = _tp_rect_inset (rect, -BADGE_RING);

      /* Pills and discs: each the batch's middle line or centre with round caps. */
      _tp_paint_batch_rounded_rect (batch, TP_BATCH_BADGE_RING, &white, 1, &ring,
                                    ring.height / 2, 1);
      _tp_paint_batch_rounded_rect (batch, TP_BATCH_BADGE, colour, 1, rect, rect->height / 2,
                                    1);
      return;
    }

  /* The font the layout measured the badge for (tp-layout-link-badges.c). */
  text = _tp_layout_ref_text (layout, TP_FONT_FIGURE, number, -1, 1);
  tp_text_layout_get_size (text, &width, &height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, rect->x + (rect->width - width) / 2,
                 rect->y + (rect->height - height) / 2);
  _tp_paint_layout (cr, text);
}

static void
paint_badges (cairo_t          *cr,
              TpLayout         *layout,
              const TpLinkInfo *info,
              const TpColour   *colour,
              const TpRect     *clip,
              TpPaintBatch     *batch)
{
  char number[16];

  g_snprintf (number, sizeof number, "%u", info->number);
  if (clip == NULL || tp_rect_intersects (&info->note_badge, clip))
    paint_badge (cr, layout, &info->note_badge, number, colour, batch);
  if (clip == NULL || tp_rect_intersects (&info->card_badge, clip))
    paint_badge (cr, layout, &info->card_badge, number, colour, batch);
}

static void
paint_link (cairo_t          *cr,
            TpLayout         *layout,
            const TpLinkInfo *info,
            TpLinkStyle       style)
{
  TpColour colour;

  tp_paint_get_link_colour (layout->theme, info->tint, &colour);
  cairo_save (cr);
  clip_out_items (cr, layout, &info->bounds);
  set_stroke (cr, layout->theme, style);
  tp_colour_set_source_alpha (cr, &colour,
                              style == TP_LINK_STYLE_EMPHASIS ? 1 : layout->theme->link_alpha);
  stroke_path (cr, info);
  cairo_restore (cr);
}

/* The rule of TP_LINK_MODE_AUTO (see the top of this file). */
static TpLinkMode
resolve_mode (TpLayout             *layout,
              const TpPaintOptions *options)
{
  if (options->link_mode != TP_LINK_MODE_AUTO)
    return options->link_mode;
  if (options->screen)
    return TP_LINK_MODE_LINES;
  return tp_layout_count_link_tangles (layout) == 0 ? TP_LINK_MODE_LINES
                                                    : TP_LINK_MODE_BADGES;
}

/* The links' ports and pills (lines) or their badges, under clip, in runs of a batch:
 * a run's discs and pills as a few fills of their colours, then its numbers and labels.
 * A PDF or SVG page records each drawing operation whole, and two fills a badge were
 * most of what a link cost it. */
static void
paint_link_marks (cairo_t      *cr,
                  TpLayout     *layout,
                  const TpRect *clip,
                  GPtrArray    *ids,
                  gboolean      badges)
{
  g_autoptr(TpPaintBatch) batch = NULL;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, clip->x, clip->y, clip->width, clip->height);
  cairo_clip (cr);
  batch = _tp_paint_batch_new (cr);
  for (guint first = 0; first < ids->len; first += TP_PAINT_BATCH_RUN)
    {
      guint end = MIN (ids->len, first + TP_PAINT_BATCH_RUN);

      _tp_paint_batch_begin (batch);
      for (guint pass = 0; pass < 2; pass++)
        {
          for (guint i = first; i < end; i++)
            {
              TpLinkInfo info;
              TpColour colour;

              if (!tp_layout_get_link (layout, ids->pdata[i], &info))
                continue;
              tp_paint_get_link_colour (layout->theme, info.tint, &colour);
              if (badges)
                paint_badges (cr, layout, &info, &colour, clip, batch);
              else
                {
                  paint_ports (batch, &info, &colour, PORT_RADIUS);
                  if (tp_rect_intersects (&info.pill, clip))
                    paint_pill (cr, layout, &info, TP_LINK_STYLE_NORMAL, batch);
                }
            }
          if (pass == 0)
            _tp_paint_batch_flush (batch, cr);
        }
    }
  cairo_restore (cr);
}

/* Every curve in view, coloured by stage, through one clip. The curves are stroked
 * into a group and the group painted through the clip that leaves out every note: a
 * stroke under a clip of thousands of holes costs each of its pixels a test against
 * every hole, a plain stroke into a group does not, and the clip is then applied once
 * (six times faster for 5,000 links). The group is opaque and painted at the links'
 * alpha, so links sharing a stretch read as one line rather than darkening each other. */
static void
paint_lines (cairo_t      *cr,
             TpLayout     *layout,
             const TpRect *clip,
             GPtrArray    *ids)
{
  const TpTheme *theme = layout->theme;
  GPtrArray *by_tint[TP_N_STAGE_TINTS] = { NULL };

  for (guint i = 0; i < ids->len; i++)
    {
      TpLinkInfo info;

      if (!tp_layout_get_link (layout, ids->pdata[i], &info))
        continue;
      if (by_tint[info.tint % TP_N_STAGE_TINTS] == NULL)
        by_tint[info.tint % TP_N_STAGE_TINTS] = g_ptr_array_new ();
      g_ptr_array_add (by_tint[info.tint % TP_N_STAGE_TINTS], ids->pdata[i]);
    }

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, clip->x, clip->y, clip->width, clip->height);
  cairo_clip (cr);
  cairo_push_group (cr);
  set_stroke (cr, theme, TP_LINK_STYLE_NORMAL);
  for (guint t = 0; t < TP_N_STAGE_TINTS; t++)
    {
      TpColour colour;

      if (by_tint[t] == NULL)
        continue;
      tp_paint_get_link_colour (theme, t, &colour);
      tp_colour_set_source (cr, &colour);
      cairo_new_path (cr);
      for (guint i = 0; i < by_tint[t]->len; i++)
        {
          TpLinkInfo info;

          if (tp_layout_get_link (layout, by_tint[t]->pdata[i], &info))
            append_path (cr, &info);
        }
      cairo_stroke (cr);
      g_ptr_array_unref (by_tint[t]);
    }
  cairo_pop_group_to_source (cr);
  clip_out_items (cr, layout, clip);
  cairo_paint_with_alpha (cr, theme->link_alpha);
  cairo_restore (cr);

  /* Ports on top: they sit on the items' edges, where the clip would halve them. */
  paint_link_marks (cr, layout, clip, ids, FALSE);
}

void
_tp_paint_links (cairo_t              *cr,
                 TpLayout             *layout,
                 const TpRect         *clip,
                 const TpPaintOptions *options)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  tp_layout_query_links (layout, clip, ids);
  if (ids->len == 0)
    return;

  if (resolve_mode (layout, options) == TP_LINK_MODE_LINES)
    {
      paint_lines (cr, layout, clip, ids);
      return;
    }

  /* Badges only: the two discs with the same number are the link. Labels stay with the
   * lines, the inspector and the alignment matrix: beside a badge they would crowd
   * the notes' edges. */
  paint_link_marks (cr, layout, clip, ids, TRUE);
}

void
tp_paint_link (cairo_t    *cr,
               TpLayout   *layout,
               const char *id,
               TpLinkStyle style)
{
  g_autoptr(TpPaintBatch) batch = NULL;
  TpLinkInfo info;
  TpColour colour;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);

  if (!tp_layout_get_link (layout, id, &info))
    return;

  tp_paint_get_link_colour (layout->theme, info.tint, &colour);
  paint_link (cr, layout, &info, style);
  cairo_save (cr);
  batch = _tp_paint_batch_new (cr);
  _tp_paint_batch_begin (batch);
  for (guint pass = 0; pass < 2; pass++)
    {
      paint_ports (batch, &info, &colour, style == TP_LINK_STYLE_EMPHASIS ? PORT_RADIUS + 0.5
                                                                          : PORT_RADIUS);
      paint_pill (cr, layout, &info, style, batch);
      paint_badges (cr, layout, &info, &colour, NULL, batch);
      if (pass == 0)
        _tp_paint_batch_flush (batch, cr);
    }
  cairo_restore (cr);
}

void
tp_paint_link_curve (cairo_t       *cr,
                     TpLayout      *layout,
                     const TpPoint  points[4])
{
  const TpTheme *theme;
  static const double dashes[] = { 8, 5 };

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (points != NULL);

  theme = layout->theme;
  cairo_save (cr);
  set_stroke (cr, theme, TP_LINK_STYLE_EMPHASIS);
  tp_colour_set_source (cr, &theme->link);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_new_path (cr);
  cairo_move_to (cr, points[0].x, points[0].y);
  cairo_curve_to (cr, points[1].x, points[1].y, points[2].x, points[2].y,
                  points[3].x, points[3].y);
  cairo_stroke (cr);
  cairo_arc (cr, points[3].x, points[3].y, DRAG_DOT_RADIUS, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* The legend draws a link's badge exactly as a page does (tp-legend.c). */
void
_tp_paint_link_badge (cairo_t        *cr,
                      TpLayout       *layout,
                      const TpRect   *rect,
                      const char     *number,
                      const TpColour *colour)
{
  g_autoptr(TpPaintBatch) batch = _tp_paint_batch_new (cr);

  _tp_paint_batch_begin (batch);
  paint_badge (cr, layout, rect, number, colour, batch);
  _tp_paint_batch_flush (batch, cr);
  paint_badge (cr, layout, rect, number, colour, batch);
}
