/* tp-analysis-paint.c: painting the analysis page's display list, whole or a band of it.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An export paints a report of tens of thousands of rows sheet by sheet, so painting a
 * band must cost what the band holds, not what the page holds; and texts are shaped
 * again as they are painted (through the page's bounded text cache) rather than kept
 * shaped in the display list.
 */

#include "config.h"

#include "tp-analysis-page-private.h"
#include "tp-paint-batch.h"
#include "tp-painter-private.h"

static void
paint_mark (cairo_t          *cr,
            TpAnalysisLayout *self,
            const TpOp       *op)
{
  const TpRect *r = &op->bounds;

  cairo_save (cr);
  cairo_set_line_width (cr, op->line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  tp_colour_set_source (cr, _tp_analysis_op_stroke (self, op));
  if (op->kind == TP_OP_TICK)
    {
      cairo_move_to (cr, r->x + r->width * 0.1, r->y + r->height * 0.55);
      cairo_line_to (cr, r->x + r->width * 0.4, r->y + r->height * 0.85);
      cairo_line_to (cr, r->x + r->width * 0.9, r->y + r->height * 0.15);
    }
  else
    {
      cairo_move_to (cr, r->x + r->width * 0.15, r->y + r->height * 0.15);
      cairo_line_to (cr, r->x + r->width * 0.85, r->y + r->height * 0.85);
      cairo_move_to (cr, r->x + r->width * 0.85, r->y + r->height * 0.15);
      cairo_line_to (cr, r->x + r->width * 0.15, r->y + r->height * 0.85);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
fill_and_stroke (cairo_t          *cr,
                 TpAnalysisLayout *self,
                 const TpOp       *op)
{
  if (op->fill != 0)
    {
      tp_colour_set_source (cr, _tp_analysis_op_fill (self, op));
      if (op->line_width > 0)
        cairo_fill_preserve (cr);
      else
        cairo_fill (cr);
    }
  if (op->line_width > 0)
    {
      cairo_set_line_width (cr, op->line_width);
      tp_colour_set_source (cr, _tp_analysis_op_stroke (self, op));
      cairo_stroke (cr);
    }
  cairo_new_path (cr);
}

static void
paint_op (cairo_t          *cr,
          TpAnalysisLayout *self,
          const TpOp       *op)
{
  static const double dash[] = { 4, 3 };

  switch (op->kind)
    {
    case TP_OP_TEXT:
      {
        g_autoptr(PangoLayout) text = _tp_analysis_text (self, op->style, op->source, op->wrap,
                                                         op->max_lines);

        tp_colour_set_source (cr, _tp_analysis_op_fill (self, op));
        cairo_move_to (cr, op->bounds.x, op->bounds.y);
        _tp_paint_layout (cr, text);
        cairo_new_path (cr);
      }
      break;

    case TP_OP_RECT:
      if (op->radius > 0)
        _tp_rounded_rect (cr, &op->bounds, op->radius);
      else
        cairo_rectangle (cr, op->bounds.x, op->bounds.y, op->bounds.width, op->bounds.height);
      fill_and_stroke (cr, self, op);
      break;

    case TP_OP_LINE:
      cairo_save (cr);
      if (op->dashed)
        cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, op->bounds.x + op->x1, op->bounds.y + op->y1);
      cairo_line_to (cr, op->bounds.x + op->x2, op->bounds.y + op->y2);
      cairo_set_line_width (cr, op->line_width);
      tp_colour_set_source (cr, _tp_analysis_op_stroke (self, op));
      cairo_stroke (cr);
      cairo_restore (cr);
      break;

    case TP_OP_CIRCLE:
      cairo_new_sub_path (cr);
      cairo_arc (cr, op->bounds.x + op->bounds.width / 2, op->bounds.y + op->bounds.height / 2,
                 op->radius, 0, 2 * G_PI);
      fill_and_stroke (cr, self, op);
      break;

    case TP_OP_TICK:
    case TP_OP_CROSS:
    default:
      paint_mark (cr, self, op);
      break;
    }
}

/* Adds a shape to the batch: its fill, then its ring, in its layer. */
static void
batch_op (TpPaintBatch     *batch,
          TpAnalysisLayout *self,
          const TpOp       *op)
{
  TpBatchLayer layer = op->layer - 1;
  gboolean filled = op->kind != TP_OP_LINE && op->fill != 0;
  gboolean stroked = op->line_width > 0;

  for (guint part = 0; part < 2; part++)
    {
      cairo_t *path;

      if (part == 0 ? !filled : !stroked)
        continue;
      path = part == 0 ? _tp_paint_batch_fill (batch, layer, _tp_analysis_op_fill (self, op), 1)
                       : _tp_paint_batch_stroke (batch, layer, _tp_analysis_op_stroke (self, op), 1,
                                                 op->line_width, CAIRO_LINE_CAP_BUTT);
      switch (op->kind)
        {
        case TP_OP_RECT:
          if (op->radius > 0)
            _tp_rounded_rect (path, &op->bounds, op->radius);
          else
            cairo_rectangle (path, op->bounds.x, op->bounds.y, op->bounds.width,
                             op->bounds.height);
          break;

        case TP_OP_CIRCLE:
          cairo_new_sub_path (path);
          cairo_arc (path, op->bounds.x + op->bounds.width / 2,
                     op->bounds.y + op->bounds.height / 2, op->radius, 0, 2 * G_PI);
          break;

        case TP_OP_LINE:
          cairo_move_to (path, op->bounds.x + op->x1, op->bounds.y + op->y1);
          cairo_line_to (path, op->bounds.x + op->x2, op->bounds.y + op->y2);
          break;

        case TP_OP_TEXT:
        case TP_OP_TICK:
        case TP_OP_CROSS:
        default:
          /* Never gathered: _tp_analysis_batch_last() is for these three. */
          g_assert_not_reached ();
        }
    }
}

/* The running largest bottom and least top of the ops: both monotone, so a band's ops
 * lie between two bisections. The ops come nearly in order of height (sections, then
 * rows, top to bottom), so the run between is hardly longer than the band's own ops.
 * Kept for every INDEX_BLOCK ops rather than every op: the index of a million ops was
 * 16 MB (issue 16), and a band looks at most a block more at each end. */
#define INDEX_BLOCK 32

static void
build_index (TpAnalysisLayout *self)
{
  double bottom = -G_MAXDOUBLE, top = G_MAXDOUBLE;
  guint n = self->ops->len, blocks = (n + INDEX_BLOCK - 1) / INDEX_BLOCK;

  self->max_bottom = g_array_sized_new (FALSE, FALSE, sizeof (double), blocks);
  self->min_top = g_array_sized_new (FALSE, FALSE, sizeof (double), blocks);
  g_array_set_size (self->max_bottom, blocks);
  g_array_set_size (self->min_top, blocks);
  /* Block k: the largest bottom of the ops up to its last, and the least top of the ops
   * from its first on. */
  for (guint i = 0; i < n; i++)
    {
      const TpRect *r = &g_array_index (self->ops, TpOp, i).bounds;

      bottom = MAX (bottom, r->y + r->height);
      if (i % INDEX_BLOCK == INDEX_BLOCK - 1 || i == n - 1)
        g_array_index (self->max_bottom, double, i / INDEX_BLOCK) = bottom;
    }
  for (guint i = n; i-- > 0;)
    {
      top = MIN (top, g_array_index (self->ops, TpOp, i).bounds.y);
      if (i % INDEX_BLOCK == 0)
        g_array_index (self->min_top, double, i / INDEX_BLOCK) = top;
    }
}

/* The ops that may meet the rows from top to bottom: [*first, *end). */
static void
find_ops (TpAnalysisLayout *self,
          double            top,
          double            bottom,
          guint            *first,
          guint            *end)
{
  guint blocks = self->max_bottom->len, low = 0, high = blocks;

  /* The first block whose running bottom reaches top: no op before it can. */
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->max_bottom, double, middle) < top)
        low = middle + 1;
      else
        high = middle;
    }
  *first = MIN (low * INDEX_BLOCK, self->ops->len);

  /* The first block from which every op starts below bottom: no op from it on can. */
  high = blocks;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->min_top, double, middle) <= bottom)
        low = middle + 1;
      else
        high = middle;
    }
  *end = MIN (low * INDEX_BLOCK, self->ops->len);
}

void
tp_analysis_paint (cairo_t          *cr,
                   TpAnalysisLayout *self,
                   const TpRect     *clip)
{
  g_autoptr(TpPaintBatch) batch = NULL;
  gboolean clipped;
  guint first = 0, end;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (self != NULL);

  clipped = clip != NULL && !tp_rect_is_empty (clip);
  end = self->ops->len;
  if (clipped)
    {
      if (self->max_bottom == NULL)
        build_index (self);
      find_ops (self, clip->y, clip->y + clip->height, &first, &end);
    }

  /* Three passes over the band's ops: the shapes painted one by one (a chart's frame and
   * quadrants, a legend's swatches), then the shapes gathered by layer and colour (a
   * table's rules and bars, a chart's points), then the texts over all of them. A PDF
   * page costs about a kilobyte a drawing operation (cairo 1.16 records it whole): a
   * sheet of table rows was some five shapes a row, a chart of 50,000 points 100,000
   * fills and strokes on one page. */
  batch = _tp_paint_batch_new (cr);
  cairo_save (cr);
  for (guint pass = 0; pass < 3; pass++)
    {
      for (guint i = first; i < end; i++)
        {
          const TpOp *op = &g_array_index (self->ops, TpOp, i);
          guint op_pass = op->kind == TP_OP_TEXT ? 2 : op->layer > 0 ? 1 : 0;

          if (pass == 0)
            _tp_analysis_ops_visited++;
          if (op_pass != pass || (clipped && !tp_rect_intersects (&op->bounds, clip)))
            continue;
          if (pass == 1)
            batch_op (batch, self, op);
          else
            paint_op (cr, self, op);
        }
      if (pass == 1)
        _tp_paint_batch_flush (batch, cr);
    }
  cairo_restore (cr);
}
