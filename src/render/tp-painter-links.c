/* tp-painter-links.c: drawing the links between notes and touchpoints.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Links are drawn after everything else but clipped away from every note, stage header,
 * card and region title, so a curve that has to pass a note goes beneath it instead of
 * striking through its text, and reappears on the far side. Labels sit on white pills
 * on top, where the layout found room for them.
 */

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "model/tp-enums.h"
#include "tp-painter-private.h"
#include "tp-text.h"

#define DRAG_DOT_RADIUS 4.0

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

static void
set_stroke (cairo_t       *cr,
            const TpTheme *theme,
            TpLinkStyle    style)
{
  if (style == TP_LINK_STYLE_EMPHASIS)
    {
      tp_colour_set_source (cr, &theme->link);
      cairo_set_line_width (cr, theme->link_width_selected);
    }
  else
    {
      tp_colour_set_source_alpha (cr, &theme->link, theme->link_alpha);
      cairo_set_line_width (cr, theme->link_width);
    }
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

static void
paint_pill (cairo_t          *cr,
            TpLayout         *layout,
            const TpLinkInfo *info,
            TpLinkStyle       style)
{
  const TpTheme *theme = layout->theme;
  g_autoptr(PangoLayout) text = NULL;
  double width, height;

  if (tp_rect_is_empty (&info->pill))
    return;

  _tp_rounded_rect (cr, &info->pill, info->pill.height / 2);
  tp_colour_set_source (cr, &theme->panel);
  cairo_fill_preserve (cr);
  if (style == TP_LINK_STYLE_EMPHASIS)
    tp_colour_set_source (cr, &theme->link);
  else
    tp_colour_set_source_alpha (cr, &theme->link, theme->link_alpha);
  cairo_set_line_width (cr, style == TP_LINK_STYLE_EMPHASIS ? 1.5 : 1);
  cairo_stroke (cr);

  text = _tp_layout_ref_text (layout, TP_FONT_TAG, info->label, -1, 1);
  tp_text_layout_get_size (text, &width, &height);
  tp_colour_set_source (cr, &theme->cell_text);
  cairo_move_to (cr, info->pill.x + (info->pill.width - width) / 2,
                 info->pill.y + (info->pill.height - height) / 2);
  _tp_paint_layout (cr, text);
}

static void
paint_link (cairo_t          *cr,
            TpLayout         *layout,
            const TpLinkInfo *info,
            TpLinkStyle       style)
{
  cairo_save (cr);
  clip_out_items (cr, layout, &info->bounds);
  set_stroke (cr, layout->theme, style);
  stroke_path (cr, info);
  cairo_restore (cr);
}

void
_tp_paint_links (cairo_t      *cr,
                 TpLayout     *layout,
                 const TpRect *clip)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  tp_layout_query_links (layout, clip, ids);
  if (ids->len == 0)
    return;

  /* One clip for all the curves in view, then the pills over them. */
  cairo_save (cr);
  cairo_save (cr);
  clip_out_items (cr, layout, clip);
  /* One path, one stroke: a PDF or SVG then holds the clip once, not once per link, and
   * links sharing a gutter read as one line rather than darkening each other. */
  set_stroke (cr, layout->theme, TP_LINK_STYLE_NORMAL);
  cairo_new_path (cr);
  for (guint i = 0; i < ids->len; i++)
    {
      TpLinkInfo info;

      if (tp_layout_get_link (layout, ids->pdata[i], &info))
        append_path (cr, &info);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  /* Pills are cut to the clip only, like everything else in a tile. */
  cairo_new_path (cr);
  cairo_rectangle (cr, clip->x, clip->y, clip->width, clip->height);
  cairo_clip (cr);
  for (guint i = 0; i < ids->len; i++)
    {
      TpLinkInfo info;

      if (tp_layout_get_link (layout, ids->pdata[i], &info) &&
          tp_rect_intersects (&info.pill, clip))
        paint_pill (cr, layout, &info, TP_LINK_STYLE_NORMAL);
    }
  cairo_restore (cr);
}

void
tp_paint_link (cairo_t    *cr,
               TpLayout   *layout,
               const char *id,
               TpLinkStyle style)
{
  TpLinkInfo info;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);

  if (!tp_layout_get_link (layout, id, &info))
    return;

  paint_link (cr, layout, &info, style);
  cairo_save (cr);
  paint_pill (cr, layout, &info, style);
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
