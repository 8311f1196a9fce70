/* tp-painter-journey-region.c: the journey's panel around its stages: the frame, the row
 * labels and hairlines, on the board as one panel and on an export's page as a part of
 * the journey (a range of stages and rows, in a frame of the deck's size, the emotion
 * curve cut with a cue that it goes on)
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "tp-paint-glyph-runs.h"
#include "tp-painter-journey-lod.h"
#include "tp-painter-private.h"

/* The hairlines between rows first … first + n − 1, from left to right, and their
 * labels. */
static void
paint_rows (cairo_t      *cr,
            TpLayout     *layout,
            guint         first,
            guint         n,
            double        left,
            double        right,
            const TpRect *clip)
{
  const TpTheme *theme = layout->theme;
  TpJourney *journey = &layout->journey;

  tp_colour_set_source (cr, &theme->hairline);
  cairo_set_line_width (cr, 1);
  for (guint r = first + 1; r < first + n; r++)
    {
      double y = journey->bands[r].y;

      if (right > left && y >= clip->y - 1 && y <= clip->y + clip->height + 1)
        {
          cairo_move_to (cr, left, y);
          cairo_line_to (cr, right - TP_JOURNEY_PAD, y);
        }
    }
  cairo_stroke (cr);

  for (guint r = first; r < first + n; r++)
    {
      const TpRect *label = &journey->labels[r];

      if (tp_rect_intersects (label, clip))
        _tp_paint_journey_text (cr, layout, TP_FONT_ROW_LABEL, tp_journey_row_get_label (r),
                   label->x + TP_JOURNEY_LABEL_PAD, label->y + TP_JOURNEY_CELL_PAD,
                   TP_JOURNEY_LABEL_WIDTH - 2 * TP_JOURNEY_LABEL_PAD, 0, &theme->title);
    }
}

/* The panel, the label column, the rows' hairlines and labels (with_rows), in frame (the
 * region, or a part of it on an export's page); the border is painted last, over
 * everything. */
static void
paint_chrome (cairo_t      *cr,
              TpLayout     *layout,
              const TpRect *frame,
              gboolean      with_rows,
              const TpRect *clip)
{
  const TpTheme *theme = layout->theme;
  TpJourney *journey = &layout->journey;
  double left = MAX (frame->x + TP_JOURNEY_LABEL_WIDTH, clip->x - 1);
  double right = MIN (frame->x + frame->width, clip->x + clip->width + 1);

  _tp_rounded_rect (cr, frame, theme->panel_radius);
  tp_colour_set_source (cr, &theme->panel);
  cairo_fill_preserve (cr);

  /* The label column, in the panel's rounded corners. */
  cairo_save (cr);
  cairo_clip (cr);
  tp_colour_set_source (cr, &theme->row_labels);
  cairo_rectangle (cr, frame->x, frame->y, TP_JOURNEY_LABEL_WIDTH, frame->height);
  cairo_fill (cr);
  cairo_restore (cr);

  if (with_rows)
    paint_rows (cr, layout, 0, TP_N_JOURNEY_ROWS, left, right, clip);

  {
    double heading = tp_theme_get_line_height (theme, TP_FONT_STAGE_HEADING);
    double line = tp_theme_get_line_height (theme, TP_FONT_ROW_LABEL);
    double y = journey->header_y + TP_JOURNEY_HEADER_PAD + (heading - line) / 2;

    /* Translators: the label beside the journey's stage headings, above its rows. */
    _tp_paint_journey_text (cr, layout, TP_FONT_ROW_LABEL, C_("journey", "Stage"), frame->x + TP_JOURNEY_LABEL_PAD, y,
               TP_JOURNEY_LABEL_WIDTH - 2 * TP_JOURNEY_LABEL_PAD, 1, &theme->title);
  }
}

static void
paint_border (cairo_t      *cr,
              TpLayout     *layout,
              const TpRect *frame)
{
  const TpTheme *theme = layout->theme;
  TpRect border = _tp_rect_inset (frame, theme->panel_border_width / 2);

  _tp_rounded_rect (cr, &border, theme->panel_radius - theme->panel_border_width / 2);
  cairo_set_line_width (cr, theme->panel_border_width);
  tp_colour_set_source (cr, &theme->panel_border);
  cairo_stroke (cr);
}

/* Hairlines between the stages first .. last (inclusive), in their gaps. */
static void
paint_stage_gaps (cairo_t      *cr,
                  TpLayout     *layout,
                  guint         first,
                  guint         last,
                  const TpRect *clip)
{
  TpJourney *journey = &layout->journey;

  tp_colour_set_source (cr, &layout->theme->hairline);
  cairo_set_line_width (cr, 1);
  for (guint s = first + 1; s <= last && s < journey->stages->len; s++)
    {
      double x = _tp_journey_stage (layout, s)->info.column.x - TP_JOURNEY_STAGE_GAP / 2;

      if (x >= clip->x - 1 && x <= clip->x + clip->width + 1)
        {
          cairo_move_to (cr, x, journey->rows.y);
          cairo_line_to (cr, x, journey->rows.y + journey->rows.height);
        }
    }
  cairo_stroke (cr);
}

/* The touchpoints of ids, a run at a time: their shapes through batch, then their text. */
static void
paint_cell_runs (cairo_t              *cr,
                 TpLayout             *layout,
                 TpDocument           *document,
                 GPtrArray            *ids,
                 const TpRect         *reach,
                 const TpPaintOptions *options,
                 TpPaintBatch         *batch)
{
  TpJourney *journey = &layout->journey;

  for (guint run = 0; run < ids->len; run += TP_PAINT_BATCH_RUN)
    {
      guint end = MIN (run + TP_PAINT_BATCH_RUN, ids->len);

      TpGlyphRuns *runs = NULL;

      _tp_paint_batch_begin (batch);
      for (guint pass = 0; pass < 2; pass++)
        {
          for (guint i = run; i < end; i++)
            {
              guint t = GPOINTER_TO_UINT (g_hash_table_lookup (journey->touchpoint_by_id,
                                                               g_ptr_array_index (ids, i)));

              _tp_journey_paint_cells (cr, layout, document,
                                       _tp_journey_touchpoint (layout, t - 1), reach, options,
                                       batch);
            }
          /* The run's texts, some six a card, gathered as its shapes were. */
          if (pass == 0)
            {
              _tp_paint_batch_flush (batch, cr);
              runs = _tp_glyph_runs_begin (cr);
            }
        }
      _tp_glyph_runs_end (runs, cr);
    }
}

/* The stages, and (with_cells) the touchpoints' cells and the curve, that meet clip. */
static void
paint_stages (cairo_t              *cr,
              TpLayout             *layout,
              TpDocument           *document,
              const TpRect         *clip,
              gboolean              with_cells,
              const TpPaintOptions *options)
{
  TpJourney *journey = &layout->journey;
  TpRect reach = _tp_rect_inset (clip, -TP_JOURNEY_PAINT_REACH);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(TpPaintBatch) batch = _tp_paint_batch_new (cr);

  /* The shapes of a run of stages or cards, then their text (tp-paint-batch.h): a few
   * fills a run instead of a dozen a card, which is what a PDF page keeps. */
  tp_layout_query_stages (layout, &reach, ids);
  _tp_paint_batch_begin (batch);
  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < ids->len; i++)
        {
          guint s = GPOINTER_TO_UINT (g_hash_table_lookup (journey->stage_by_id,
                                                           g_ptr_array_index (ids, i)));

          _tp_journey_paint_stage (cr, layout, document, _tp_journey_stage (layout, s - 1),
                                   &reach, batch);
        }
      if (pass == 0)
        _tp_paint_batch_flush (batch, cr);
    }
  if (!with_cells)
    return;

  g_ptr_array_set_size (ids, 0);
  tp_layout_query_touchpoints (layout, &reach, ids);
  /* A column of a few pixels: its colours alone (tp-painter-journey-lod.c). */
  if (_tp_journey_is_tiny (cr, layout))
    _tp_journey_paint_tiny (cr, layout, ids, &reach);
  else
    paint_cell_runs (cr, layout, document, ids, &reach, options, batch);

  if (tp_rect_intersects (&journey->bands[TP_JOURNEY_ROW_EMOTION], &reach))
    _tp_journey_paint_emotion_curve (cr, layout, clip);
}

void
_tp_paint_journey (cairo_t              *cr,
                   TpLayout             *layout,
                   TpDocument           *document,
                   const TpRect         *clip,
                   const TpPaintOptions *options)
{
  TpJourney *journey = &layout->journey;
  const TpRect *region = &layout->regions[TP_REGION_JOURNEY];
  TpRect reach = _tp_rect_inset (clip, -TP_JOURNEY_PAINT_REACH);

  if (!tp_rect_intersects (region, clip))
    return;

  /* The panel, the rows' lines and the curve run across the whole journey: clip them
   * to what is asked for, so a viewport's worth costs a viewport's worth. */
  cairo_save (cr);
  cairo_rectangle (cr, reach.x, reach.y, reach.width, reach.height);
  cairo_clip (cr);
  paint_chrome (cr, layout, region, TRUE, clip);
  paint_stage_gaps (cr, layout, 0, journey->stages->len, clip);
  if (tp_rect_intersects (&journey->bands[TP_JOURNEY_ROW_EMOTION], &reach))
    _tp_journey_paint_emotion_grid (cr, layout, clip);
  paint_stages (cr, layout, document, clip, TRUE, options);
  paint_border (cr, layout, region);
  cairo_restore (cr);
}

/* The curve's height at x, between the touchpoints' points (near enough to the drawn
 * curve for a cue at a cut). */
static double
curve_y_at (TpLayout *layout,
            double    x)
{
  GArray *touchpoints = layout->journey.touchpoints;
  const TpTouchpointInfo *before = NULL, *after = NULL;

  for (guint i = 0; i < touchpoints->len; i++)
    {
      const TpTouchpointInfo *info = &_tp_journey_touchpoint (layout, i)->info;

      if (info->emotion_x <= x)
        before = info;
      else
        {
          after = info;
          break;
        }
    }

  if (before == NULL && after == NULL)
    return tp_layout_get_emotion_y (layout, 0);
  if (before == NULL)
    return after->emotion_y;
  if (after == NULL)
    return before->emotion_y;

  return before->emotion_y + (after->emotion_y - before->emotion_y)
                             * (x - before->emotion_x) / (after->emotion_x - before->emotion_x);
}

/* Where the curve is cut at x: it fades into the panel over the last stretch before the
 * cut, and a chevron pointing out of the slide (towards: +1 right, −1 left) says that it
 * goes on on the next slide, or came from the previous one. */
static void
paint_curve_cut (cairo_t  *cr,
                 TpLayout *layout,
                 double    x,
                 int       towards)
{
  const TpTheme *theme = layout->theme;
  const TpRect *band = &layout->journey.bands[TP_JOURNEY_ROW_EMOTION];
  double fade = 36, arm = 6;
  double inner = x - towards * fade;
  double y = curve_y_at (layout, x);
  cairo_pattern_t *pattern = cairo_pattern_create_linear (inner, 0, x, 0);
  double tip = x - towards * 3;

  cairo_pattern_add_color_stop_rgba (pattern, 0, theme->panel.red, theme->panel.green,
                                     theme->panel.blue, 0);
  cairo_pattern_add_color_stop_rgba (pattern, 1, theme->panel.red, theme->panel.green,
                                     theme->panel.blue, 0.92);
  cairo_set_source (cr, pattern);
  cairo_rectangle (cr, MIN (inner, x), band->y + 1, fade, band->height - 2);
  cairo_fill (cr);
  cairo_pattern_destroy (pattern);

  cairo_save (cr);
  cairo_move_to (cr, tip - towards * arm, y - arm);
  cairo_line_to (cr, tip, y);
  cairo_line_to (cr, tip - towards * arm, y + arm);
  tp_colour_set_source (cr, &theme->caption);
  cairo_set_line_width (cr, 2);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
_tp_paint_journey_part (cairo_t              *cr,
                        TpLayout             *layout,
                        TpDocument           *document,
                        guint                 first,
                        guint                 n,
                        guint                 first_row,
                        guint                 n_rows,
                        double                frame_width,
                        double                frame_height,
                        const TpPaintOptions *options)
{
  TpJourney *journey = &layout->journey;
  const TpRect *region = &layout->regions[TP_REGION_JOURNEY];
  TpRect frame = { region->x, region->y, frame_width, frame_height };
  const TpRect *start, *end, *top, *bottom;
  TpRect headers, rows, labels;
  double dx, dy, left, right;
  guint last;

  g_return_if_fail (n > 0 && first + n <= journey->stages->len);
  g_return_if_fail (n_rows > 0 && first_row + n_rows <= TP_N_JOURNEY_ROWS);

  last = first + n - 1;
  start = &_tp_journey_stage (layout, first)->info.column;
  end = &_tp_journey_stage (layout, last)->info.column;
  top = &journey->bands[first_row];
  bottom = &journey->bands[first_row + n_rows - 1];
  /* The part's stages follow the labels, as the first stage follows them on the board;
   * its rows follow the stage headers, as the first row does. */
  dx = region->x + TP_JOURNEY_LABEL_WIDTH + TP_JOURNEY_PAD - start->x;
  dy = journey->rows.y - top->y;
  /* The part's stretch of the journey, in the journey's own units: from the label
   * column to the frame's padding, never past the part's last stage (the next part's
   * stages are not this page's). */
  left = start->x - TP_JOURNEY_PAD;
  right = MIN (end->x + end->width + TP_JOURNEY_STAGE_GAP / 2,
               frame.x + frame.width - TP_JOURNEY_PAD / 2 - dx);
  headers = (TpRect) { left, region->y, right - left, journey->rows.y - region->y };
  rows = (TpRect) { left, top->y, right - left, bottom->y + bottom->height - top->y };
  labels = (TpRect) { frame.x, top->y, frame.width - TP_JOURNEY_PAD - 1, rows.height };

  paint_chrome (cr, layout, &frame, FALSE, &frame);

  /* The stage headers, shifted to follow the labels. */
  cairo_save (cr);
  cairo_translate (cr, dx, 0);
  cairo_rectangle (cr, headers.x, headers.y, headers.width, headers.height);
  cairo_clip (cr);
  paint_stages (cr, layout, document, &headers, FALSE, options);
  cairo_restore (cr);

  /* The rows, shifted up to follow the headers: their labels, hairlines and scale … */
  cairo_save (cr);
  cairo_translate (cr, 0, dy);
  cairo_rectangle (cr, frame.x, rows.y, frame.width, rows.height);
  cairo_clip (cr);
  paint_rows (cr, layout, first_row, n_rows, frame.x + TP_JOURNEY_LABEL_WIDTH,
              frame.x + frame.width, &labels);
  if (first_row <= TP_JOURNEY_ROW_EMOTION && TP_JOURNEY_ROW_EMOTION < first_row + n_rows)
    _tp_journey_paint_emotion_grid (cr, layout, &labels);

  /* … and their cells, shifted to follow the labels. */
  cairo_translate (cr, dx, 0);
  cairo_rectangle (cr, rows.x, rows.y, rows.width, rows.height);
  cairo_clip (cr);
  paint_stage_gaps (cr, layout, first, last, &rows);
  paint_stages (cr, layout, document, &rows, TRUE, options);
  if (journey->touchpoints->len > 0 &&
      first_row <= TP_JOURNEY_ROW_EMOTION && TP_JOURNEY_ROW_EMOTION < first_row + n_rows)
    {
      if (first > 0)
        paint_curve_cut (cr, layout, left, -1);
      if (last + 1 < journey->stages->len)
        paint_curve_cut (cr, layout, right, 1);
    }
  cairo_restore (cr);

  paint_border (cr, layout, &frame);
}

