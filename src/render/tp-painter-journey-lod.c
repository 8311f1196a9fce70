/* tp-painter-journey-lod.c: the journey's level of detail, where a touchpoint's column
 * is a few device pixels or less
 *
 * At the zoom that fits a board of 10,000 notes a journey of 2,000 touchpoints is a
 * strip of 1,600 pixels: a card is under a pixel across and a line of its text a
 * twentieth of one. Painting each card whole there (rounded panels, shadows, edges,
 * chips, tags, a face on every emotion marker, a grey bar per line of every text, each
 * text looked up in the measurement cache) cost most of a frame for a row of coloured
 * smudges (bench/README.md, "The board at fit"). So on the screen's raster (never in an
 * export: tp-painter-lod.c), a touchpoint whose column is as narrow as a note the painter draws as its fill alone
 * is painted from what the layout already knows, as plain rectangles gathered by colour
 * (tp-paint-batch.h): its card's panel and tinted band, each row's content (the layout's
 * natural heights) in the colour that fills it, and its text as one faint bar over the
 * box it takes, where a bar per line would blend to the same grey. Nothing is measured
 * or shaped, and a run of cards costs a few fills.
 *
 * Copyright 2026 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "tp-painter-journey-lod.h"

/* A line of text is a bar of half the line's height at 0.45 of the text's colour
 * (tp-painter-lod.c); over a whole text box that blends to about this much. */
#define TEXT_ALPHA 0.2

gboolean
_tp_journey_is_tiny (cairo_t  *cr,
                     TpLayout *layout)
{
  return _tp_paint_is_tiny_note (cr, layout->theme->touchpoint_width);
}

static void
add_rect (TpPaintBatch   *batch,
          TpBatchLayer    layer,
          const TpColour *colour,
          double          alpha,
          double          x,
          double          y,
          double          width,
          double          height)
{
  if (width <= 0 || height <= 0)
    return;
  cairo_rectangle (_tp_paint_batch_fill (batch, layer, colour, alpha), x, y, width, height);
}

/* A row's content below its padding, as tall as the layout measured it. */
static void
add_row (TpPaintBatch          *batch,
         const TpTouchpointBox *box,
         TpJourneyRow           row,
         TpBatchLayer           layer,
         const TpColour        *colour,
         double                 alpha,
         double                 inset)
{
  const TpRect *cell = &box->info.cells[row];

  add_rect (batch, layer, colour, alpha, cell->x + inset, cell->y + TP_JOURNEY_CELL_PAD,
            cell->width - 2 * inset, MIN (box->natural[row], cell->height - TP_JOURNEY_CELL_PAD));
}

static void
add_touchpoint (TpPaintBatch          *batch,
                TpLayout              *layout,
                const TpTouchpointBox *box,
                const TpRect          *clip)
{
  const TpTheme *theme = layout->theme;
  const TpTouchpointInfo *info = &box->info;
  const TpRect *card = &info->card;
  const TpStageBox *stage = _tp_journey_stage (layout, box->stage);

  if (!tp_rect_intersects (&info->column, clip))
    return;

  add_rect (batch, TP_BATCH_PANEL, &theme->panel, 1, card->x, card->y, card->width,
            card->height);
  add_rect (batch, TP_BATCH_BAND, &theme->stage_tints[stage->info.tint], 1, card->x, card->y,
            card->width, MIN (box->band, card->height));
  add_rect (batch, TP_BATCH_TAG_FILL, &theme->cell_text, TEXT_ALPHA, info->name.x, info->name.y,
            info->name.width, info->name.height);
  if (!tp_rect_is_empty (&info->gap))
    add_rect (batch, TP_BATCH_TRACK, &theme->bar_track, 1, info->gap.x, info->gap.y,
              info->gap.width, info->gap.height);

  add_row (batch, box, TP_JOURNEY_ROW_CHANNEL, TP_BATCH_TAG_FILL, &theme->cell_text,
           TEXT_ALPHA, 0);
  add_row (batch, box, TP_JOURNEY_ROW_ACTION, TP_BATCH_TAG_FILL, &theme->cell_text,
           TEXT_ALPHA, 0);
  add_row (batch, box, TP_JOURNEY_ROW_PAINS, TP_BATCH_TILE, &theme->pain, 1, 0);
  add_row (batch, box, TP_JOURNEY_ROW_OPPORTUNITIES, TP_BATCH_TILE, &theme->opportunity, 1, 0);
  add_row (batch, box, TP_JOURNEY_ROW_KPIS, TP_BATCH_TILE, &theme->kpi_tile, 1, 0);
  /* The chips' words, inside their padding. */
  add_row (batch, box, TP_JOURNEY_ROW_PAINS, TP_BATCH_MARKER_RING, &theme->cell_text,
           TEXT_ALPHA, TP_JOURNEY_CHIP_PAD_X);
  add_row (batch, box, TP_JOURNEY_ROW_OPPORTUNITIES, TP_BATCH_MARKER_RING, &theme->cell_text,
           TEXT_ALPHA, TP_JOURNEY_CHIP_PAD_X);
  add_row (batch, box, TP_JOURNEY_ROW_KPIS, TP_BATCH_MARKER_RING, &theme->cell_text,
           TEXT_ALPHA, TP_JOURNEY_KPI_PAD);
}

void
_tp_journey_paint_tiny (cairo_t      *cr,
                        TpLayout     *layout,
                        GPtrArray    *ids,
                        const TpRect *clip)
{
  TpJourney *journey = &layout->journey;
  g_autoptr(TpPaintBatch) batch = _tp_paint_batch_new (cr);

  _tp_paint_batch_begin (batch);
  for (guint i = 0; i < ids->len; i++)
    {
      guint t = GPOINTER_TO_UINT (g_hash_table_lookup (journey->touchpoint_by_id,
                                                       g_ptr_array_index (ids, i)));

      if (t > 0)
        add_touchpoint (batch, layout, _tp_journey_touchpoint (layout, t - 1), clip);
    }
  _tp_paint_batch_flush (batch, cr);
}

void
_tp_journey_add_tiny_marker (TpPaintBatch   *batch,
                             const TpTheme  *theme,
                             double          cx,
                             double          cy,
                             double          r,
                             double          emotion,
                             const TpColour *ring)
{
  /* Squares of a disc's area, so that each covers its pixel as much as the disc did. */
  double face = r * sqrt (G_PI) / 2, outer = (r + 2.5) * sqrt (G_PI) / 2;
  TpColour fill;

  tp_theme_get_emotion_colour (theme, emotion, &fill);
  add_rect (batch, TP_BATCH_MARKER_RING, ring, 1, cx - outer, cy - outer, 2 * outer, 2 * outer);
  add_rect (batch, TP_BATCH_MARKER_FACE, &fill, 1, cx - face, cy - face, 2 * face, 2 * face);
}
