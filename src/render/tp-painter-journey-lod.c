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
 * or shaped, and the whole journey costs a few fills. The rectangles are kept as numbers
 * and appended to the target once, where a TpPaintBatch would build each shape twice
 * (on its scratch context, then copied over): at 20,000 rectangles a frame that copy
 * cost as much as the fills.
 *
 * Copyright 2026 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

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

typedef struct
{
  TpBatchLayer layer;
  TpColour     colour;   /* its alpha times the shape's */
  GArray      *rects;    /* of TpRect */
} Fill;

struct _TpTinyBatch
{
  GArray *fills;         /* of Fill, in the order first used (a dozen at most) */
};

TpTinyBatch *
_tp_tiny_batch_new (void)
{
  TpTinyBatch *batch = g_new0 (TpTinyBatch, 1);

  batch->fills = g_array_new (FALSE, TRUE, sizeof (Fill));
  return batch;
}

void
_tp_tiny_batch_free (TpTinyBatch *batch)
{
  if (batch == NULL)
    return;
  for (guint i = 0; i < batch->fills->len; i++)
    g_array_unref (g_array_index (batch->fills, Fill, i).rects);
  g_array_unref (batch->fills);
  g_free (batch);
}

static void
add_rect (TpTinyBatch    *batch,
          TpBatchLayer    layer,
          const TpColour *colour,
          double          alpha,
          double          x,
          double          y,
          double          width,
          double          height)
{
  TpRect rect = { x, y, width, height };
  Fill fill = { layer, *colour, NULL };

  if (width <= 0 || height <= 0)
    return;
  fill.colour.alpha *= alpha;
  for (guint i = 0; i < batch->fills->len; i++)
    {
      Fill *f = &g_array_index (batch->fills, Fill, i);

      if (f->layer == layer && memcmp (&f->colour, &fill.colour, sizeof fill.colour) == 0)
        {
          g_array_append_val (f->rects, rect);
          return;
        }
    }
  fill.rects = g_array_new (FALSE, FALSE, sizeof (TpRect));
  g_array_append_val (fill.rects, rect);
  g_array_append_val (batch->fills, fill);
}

void
_tp_tiny_batch_flush (TpTinyBatch *batch,
                      cairo_t     *cr)
{
  cairo_save (cr);
  for (guint layer = 0; layer < TP_N_BATCH_LAYERS; layer++)
    for (guint i = 0; i < batch->fills->len; i++)
      {
        Fill *f = &g_array_index (batch->fills, Fill, i);

        if (f->layer != layer || f->rects->len == 0)
          continue;
        cairo_new_path (cr);
        for (guint r = 0; r < f->rects->len; r++)
          {
            const TpRect *rect = &g_array_index (f->rects, TpRect, r);

            cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
          }
        g_array_set_size (f->rects, 0);
        tp_colour_set_source (cr, &f->colour);
        cairo_fill (cr);
      }
  cairo_restore (cr);
}

/* A row's content below its padding, as tall as the layout measured it. */
static void
add_row (TpTinyBatch           *batch,
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

/* A row of chips or tiles in fill with their words inside inset: one rectangle of the
 * colour the two blend to across the column, where the fill is opaque (it is in both
 * themes), which is a third fewer rectangles for cairo to fill. */
static void
add_tiles (TpTinyBatch           *batch,
           const TpTouchpointBox *box,
           TpJourneyRow           row,
           const TpColour        *fill,
           const TpColour        *text,
           double                 inset)
{
  const TpRect *cell = &box->info.cells[row];
  double a = TEXT_ALPHA * text->alpha * MAX (cell->width - 2 * inset, 0) / MAX (cell->width, 1);
  TpColour mix = { fill->red * (1 - a) + text->red * a, fill->green * (1 - a) + text->green * a,
                   fill->blue * (1 - a) + text->blue * a, 1 };

  if (fill->alpha < 1)
    {
      add_row (batch, box, row, TP_BATCH_TILE, fill, 1, 0);
      add_row (batch, box, row, TP_BATCH_MARKER_RING, text, TEXT_ALPHA, inset);
      return;
    }
  add_row (batch, box, row, TP_BATCH_TILE, &mix, 1, 0);
}

static void
add_touchpoint (TpTinyBatch           *batch,
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
  add_tiles (batch, box, TP_JOURNEY_ROW_PAINS, &theme->pain, &theme->cell_text,
             TP_JOURNEY_CHIP_PAD_X);
  add_tiles (batch, box, TP_JOURNEY_ROW_OPPORTUNITIES, &theme->opportunity, &theme->cell_text,
             TP_JOURNEY_CHIP_PAD_X);
  add_tiles (batch, box, TP_JOURNEY_ROW_KPIS, &theme->kpi_tile, &theme->cell_text,
             TP_JOURNEY_KPI_PAD);
}

void
_tp_journey_paint_tiny (cairo_t      *cr,
                        TpLayout     *layout,
                        GPtrArray    *ids,
                        const TpRect *clip)
{
  TpJourney *journey = &layout->journey;
  g_autoptr(TpTinyBatch) batch = _tp_tiny_batch_new ();

  for (guint i = 0; i < ids->len; i++)
    {
      guint t = GPOINTER_TO_UINT (g_hash_table_lookup (journey->touchpoint_by_id,
                                                       g_ptr_array_index (ids, i)));

      if (t > 0)
        add_touchpoint (batch, layout, _tp_journey_touchpoint (layout, t - 1), clip);
    }
  _tp_tiny_batch_flush (batch, cr);
}

void
_tp_journey_add_tiny_marker (TpTinyBatch    *batch,
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
