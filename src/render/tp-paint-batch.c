/* tp-paint-batch.c: shapes of one colour gathered into one path (tp-paint-batch.h)
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tp-paint-batch.h"
#include "tp-painter.h"

typedef struct
{
  TpBatchLayer      layer;
  double            rgba[4];
  double            line_width;  /* 0 for a fill */
  cairo_line_cap_t  cap;
  int               join;        /* a cairo_line_join_t, or -1 for the target's own */
  double            dash[2];     /* on, off; 0, 0 for none */
  gboolean          rounded;     /* stroked with round joins and caps, and filled where
                                  * filled is set (_tp_paint_batch_rounded_rect()) */
  gboolean          filled;      /* since the last flush */
  cairo_t          *path;        /* the shapes so far, on a scratch surface */
  gboolean          used;        /* since the last flush */
} Key;

struct _TpPaintBatch
{
  cairo_surface_t *scratch;
  cairo_matrix_t   matrix;
  cairo_matrix_t   shape_matrix;  /* where shapes are added now (_tp_paint_batch_follow) */
  GArray          *keys;   /* of Key, in the order first used (a few dozen at most) */
  cairo_t         *sink;   /* where the text pass's shapes go, dropped */
  gboolean         texts;
};

/* A scratch context in the target's user space: the same transformation makes the same
 * arcs' segments and keeps far coordinates (a journey of 50,000 cards is ten million
 * units wide) within cairo's fixed-point range, as they are on the target. */
static cairo_t *
scratch_context (TpPaintBatch *batch)
{
  cairo_t *cr = cairo_create (batch->scratch);

  cairo_set_matrix (cr, &batch->matrix);
  return cr;
}

TpPaintBatch *
_tp_paint_batch_new (cairo_t *cr)
{
  TpPaintBatch *batch = g_new0 (TpPaintBatch, 1);

  g_return_val_if_fail (cr != NULL, NULL);

  batch->scratch = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_get_matrix (cr, &batch->matrix);
  batch->shape_matrix = batch->matrix;
  batch->keys = g_array_new (FALSE, TRUE, sizeof (Key));
  batch->sink = scratch_context (batch);

  return batch;
}

void
_tp_paint_batch_free (TpPaintBatch *batch)
{
  if (batch == NULL)
    return;

  for (guint i = 0; i < batch->keys->len; i++)
    cairo_destroy (g_array_index (batch->keys, Key, i).path);
  g_array_unref (batch->keys);
  cairo_destroy (batch->sink);
  cairo_surface_destroy (batch->scratch);
  g_free (batch);
}

void
_tp_paint_batch_begin (TpPaintBatch *batch)
{
  g_return_if_fail (batch != NULL);

  batch->texts = FALSE;
}

gboolean
_tp_paint_batch_texts (TpPaintBatch *batch)
{
  g_return_val_if_fail (batch != NULL, TRUE);

  return batch->texts;
}

void
_tp_paint_batch_follow (TpPaintBatch *batch,
                        cairo_t      *cr)
{
  g_return_if_fail (batch != NULL);
  g_return_if_fail (cr != NULL);

  cairo_get_matrix (cr, &batch->shape_matrix);
}

static Key *
get_key (TpPaintBatch     *batch,
         TpBatchLayer      layer,
         const TpColour   *colour,
         double            alpha,
         double            line_width,
         cairo_line_cap_t  cap,
         int               join,
         const double      dash[2],
         gboolean          rounded)
{
  double rgba[4] = { colour->red, colour->green, colour->blue, colour->alpha * alpha };
  Key key = { 0, };

  for (guint i = 0; i < batch->keys->len; i++)
    {
      Key *k = &g_array_index (batch->keys, Key, i);

      if (k->layer == layer && k->line_width == line_width && k->cap == cap &&
          k->join == join && k->dash[0] == dash[0] && k->dash[1] == dash[1] &&
          k->rounded == rounded && memcmp (k->rgba, rgba, sizeof rgba) == 0)
        {
          k->used = TRUE;
          cairo_set_matrix (k->path, &batch->shape_matrix);
          return k;
        }
    }

  key.layer = layer;
  memcpy (key.rgba, rgba, sizeof rgba);
  key.line_width = line_width;
  key.cap = cap;
  key.join = join;
  key.dash[0] = dash[0];
  key.dash[1] = dash[1];
  key.rounded = rounded;
  key.path = scratch_context (batch);
  key.used = TRUE;
  cairo_set_matrix (key.path, &batch->shape_matrix);
  g_array_append_val (batch->keys, key);

  return &g_array_index (batch->keys, Key, batch->keys->len - 1);
}

static cairo_t *
get_path (TpPaintBatch     *batch,
          TpBatchLayer      layer,
          const TpColour   *colour,
          double            alpha,
          double            line_width,
          cairo_line_cap_t  cap,
          int               join,
          const double      dash[2])
{
  if (batch->texts)
    {
      cairo_new_path (batch->sink);
      return batch->sink;
    }

  return get_key (batch, layer, colour, alpha, line_width, cap, join, dash, FALSE)->path;
}

cairo_t *
_tp_paint_batch_fill (TpPaintBatch   *batch,
                      TpBatchLayer    layer,
                      const TpColour *colour,
                      double          alpha)
{
  g_return_val_if_fail (batch != NULL, NULL);
  g_return_val_if_fail (colour != NULL, NULL);

  return get_path (batch, layer, colour, alpha, 0, CAIRO_LINE_CAP_BUTT, -1,
                   (double[2]) { 0, 0 });
}

cairo_t *
_tp_paint_batch_stroke (TpPaintBatch     *batch,
                        TpBatchLayer      layer,
                        const TpColour   *colour,
                        double            alpha,
                        double            line_width,
                        cairo_line_cap_t  cap)
{
  g_return_val_if_fail (batch != NULL, NULL);
  g_return_val_if_fail (colour != NULL, NULL);
  g_return_val_if_fail (line_width > 0, NULL);

  return get_path (batch, layer, colour, alpha, line_width, cap, -1, (double[2]) { 0, 0 });
}

cairo_t *
_tp_paint_batch_stroke_styled (TpPaintBatch      *batch,
                               TpBatchLayer       layer,
                               const TpColour    *colour,
                               double             alpha,
                               double             line_width,
                               cairo_line_cap_t   cap,
                               cairo_line_join_t  join,
                               double             dash_on,
                               double             dash_off)
{
  g_return_val_if_fail (batch != NULL, NULL);
  g_return_val_if_fail (colour != NULL, NULL);
  g_return_val_if_fail (line_width > 0, NULL);

  return get_path (batch, layer, colour, alpha, line_width, cap, join,
                   (double[2]) { dash_on, dash_off });
}

void
_tp_paint_batch_rounded_rect (TpPaintBatch   *batch,
                              TpBatchLayer    layer,
                              const TpColour *colour,
                              double          alpha,
                              const TpRect   *rect,
                              double          radius,
                              double          scale)
{
  double x, y, width, height;
  Key *key;

  g_return_if_fail (batch != NULL);
  g_return_if_fail (colour != NULL);
  g_return_if_fail (rect != NULL);

  if (batch->texts)
    return;

  radius = MIN (radius, MIN (rect->width, rect->height) / 2);
  x = rect->x + radius;
  y = rect->y + radius;
  width = rect->width - 2 * radius;
  height = rect->height - 2 * radius;
  /* A rect with an inside is filled as well as stroked, which covers its inside twice:
   * only an opaque colour looks the same. */
  if (radius <= 0 || scale <= 0 || (width > 0 && height > 0 && colour->alpha * alpha < 1))
    {
      tp_paint_rounded_rect (_tp_paint_batch_fill (batch, layer, colour, alpha), rect,
                             radius);
      return;
    }

  key = get_key (batch, layer, colour, alpha, 2 * radius * scale, CAIRO_LINE_CAP_ROUND,
                 CAIRO_LINE_JOIN_ROUND, (double[2]) { 0, 0 }, TRUE);
  /* The inset rect's shape: a rect has an inside to fill; a line (a pill) or a point (a
   * disc) has none, and is only stroked, its round caps making its ends. */
  if (width > 0 && height > 0)
    {
      cairo_rectangle (key->path, x, y, width, height);
      key->filled = TRUE;
    }
  else
    {
      cairo_move_to (key->path, x, y);
      cairo_line_to (key->path, x + MAX (width, 0), y + MAX (height, 0));
    }
}

void
_tp_paint_batch_disc (TpPaintBatch   *batch,
                      TpBatchLayer    layer,
                      const TpColour *colour,
                      double          alpha,
                      double          cx,
                      double          cy,
                      double          radius,
                      double          scale)
{
  TpRect square = { cx - radius, cy - radius, 2 * radius, 2 * radius };

  _tp_paint_batch_rounded_rect (batch, layer, colour, alpha, &square, radius, scale);
}

void
_tp_paint_batch_flush (TpPaintBatch *batch,
                       cairo_t      *cr)
{
  g_return_if_fail (batch != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  for (guint layer = 0; layer < TP_N_BATCH_LAYERS; layer++)
    for (guint i = 0; i < batch->keys->len; i++)
      {
        Key *k = &g_array_index (batch->keys, Key, i);
        cairo_path_t *path;

        if (k->layer != layer || !k->used)
          continue;

        /* The path is kept in device space; read back in the batch's own user space. */
        cairo_set_matrix (k->path, &batch->matrix);
        path = cairo_copy_path (k->path);
        cairo_new_path (cr);
        cairo_append_path (cr, path);
        cairo_path_destroy (path);
        cairo_new_path (k->path);
        k->used = FALSE;

        cairo_set_source_rgba (cr, k->rgba[0], k->rgba[1], k->rgba[2], k->rgba[3]);
        /* A fill and a stroke of the same path, one after the other, which cairo's vector
         * surfaces write as one operator (PDF's "B"). */
        if (k->filled)
          cairo_fill_preserve (cr);
        k->filled = FALSE;
        if (k->line_width > 0)
          {
            /* A join or dash of one key must not leak into the next. */
            cairo_save (cr);
            cairo_set_line_width (cr, k->line_width);
            cairo_set_line_cap (cr, k->cap);
            if (k->join >= 0)
              cairo_set_line_join (cr, k->join);
            if (k->dash[0] > 0)
              cairo_set_dash (cr, k->dash, 2, 0);
            cairo_stroke (cr);
            cairo_restore (cr);
          }
        else
          cairo_fill (cr);
      }
  cairo_restore (cr);

  batch->texts = TRUE;
}
