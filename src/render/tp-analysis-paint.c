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
#include "tp-painter-private.h"

static void
paint_mark (cairo_t    *cr,
            const TpOp *op)
{
  const TpRect *r = &op->bounds;

  cairo_save (cr);
  cairo_set_line_width (cr, op->line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  tp_colour_set_source (cr, &op->stroke);
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
fill_and_stroke (cairo_t    *cr,
                 const TpOp *op)
{
  if (op->fill.alpha > 0)
    {
      tp_colour_set_source (cr, &op->fill);
      if (op->line_width > 0)
        cairo_fill_preserve (cr);
      else
        cairo_fill (cr);
    }
  if (op->line_width > 0)
    {
      cairo_set_line_width (cr, op->line_width);
      tp_colour_set_source (cr, &op->stroke);
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

        tp_colour_set_source (cr, &op->fill);
        cairo_move_to (cr, op->x1, op->y1);
        _tp_paint_layout (cr, text);
        cairo_new_path (cr);
      }
      break;

    case TP_OP_RECT:
      if (op->radius > 0)
        _tp_rounded_rect (cr, &op->bounds, op->radius);
      else
        cairo_rectangle (cr, op->bounds.x, op->bounds.y, op->bounds.width, op->bounds.height);
      fill_and_stroke (cr, op);
      break;

    case TP_OP_LINE:
      cairo_save (cr);
      if (op->dashed)
        cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, op->x1, op->y1);
      cairo_line_to (cr, op->x2, op->y2);
      cairo_set_line_width (cr, op->line_width);
      tp_colour_set_source (cr, &op->stroke);
      cairo_stroke (cr);
      cairo_restore (cr);
      break;

    case TP_OP_CIRCLE:
      cairo_new_sub_path (cr);
      cairo_arc (cr, op->x1, op->y1, op->radius, 0, 2 * G_PI);
      fill_and_stroke (cr, op);
      break;

    case TP_OP_TICK:
    case TP_OP_CROSS:
    default:
      paint_mark (cr, op);
      break;
    }
}

/* The running largest bottom and least top of the ops: both monotone, so a band's ops
 * lie between two bisections. The ops come nearly in order of height (sections, then
 * rows, top to bottom), so the run between is hardly longer than the band's own ops. */
static void
build_index (TpAnalysisLayout *self)
{
  double bottom = -G_MAXDOUBLE, top = G_MAXDOUBLE;
  guint n = self->ops->len;

  self->max_bottom = g_array_sized_new (FALSE, FALSE, sizeof (double), n);
  self->min_top = g_array_sized_new (FALSE, FALSE, sizeof (double), n);
  g_array_set_size (self->max_bottom, n);
  g_array_set_size (self->min_top, n);
  for (guint i = 0; i < n; i++)
    {
      const TpRect *r = &g_array_index (self->ops, TpOp, i).bounds;

      bottom = MAX (bottom, r->y + r->height);
      g_array_index (self->max_bottom, double, i) = bottom;
    }
  for (guint i = n; i-- > 0;)
    {
      top = MIN (top, g_array_index (self->ops, TpOp, i).bounds.y);
      g_array_index (self->min_top, double, i) = top;
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
  guint low = 0, high = self->ops->len;

  /* The first op whose running bottom reaches top: none before it can. */
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->max_bottom, double, middle) < top)
        low = middle + 1;
      else
        high = middle;
    }
  *first = low;

  /* The first op from which every op starts below bottom: none from it on can. */
  high = self->ops->len;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->min_top, double, middle) <= bottom)
        low = middle + 1;
      else
        high = middle;
    }
  *end = low;
}

void
tp_analysis_paint (cairo_t          *cr,
                   TpAnalysisLayout *self,
                   const TpRect     *clip)
{
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

  cairo_save (cr);
  for (guint i = first; i < end; i++)
    {
      const TpOp *op = &g_array_index (self->ops, TpOp, i);

      _tp_analysis_ops_visited++;
      if (clipped && !tp_rect_intersects (&op->bounds, clip))
        continue;
      paint_op (cr, self, op);
    }
  cairo_restore (cr);
}
