/* tp-test-ops.c: counting what painting sends to a cairo surface
 *
 * The memory tests count drawing operations rather than bytes: cairo 1.16 records a
 * vector page whole before writing it, at about a kilobyte an operation, so the count is
 * the page's memory, and it is exact where a measure of bytes is not. */

#include "config.h"

#include "tp-test-ops.h"

typedef struct
{
  guint64 *ops;
  guint64 *glyphs;
} Counters;

static const cairo_user_data_key_t counters_key;

static void
count_op (cairo_surface_t *observer,
          cairo_surface_t *target,
          void            *data)
{
  (*((Counters *) data)->ops)++;
}

static void
count_glyphs (cairo_surface_t *observer,
              cairo_surface_t *target,
              void            *data)
{
  (*((Counters *) data)->ops)++;
  (*((Counters *) data)->glyphs)++;
}

/* An observer of target: every fill, stroke, paint, mask and glyph run drawn on it adds
 * one to *ops, and a glyph run one to *glyphs too. The caller destroys it. */
cairo_surface_t *
tp_test_ops_observe (cairo_surface_t *target,
                     guint64         *ops,
                     guint64         *glyphs)
{
  cairo_surface_t *observer = cairo_surface_create_observer (target,
                                                             CAIRO_SURFACE_OBSERVER_NORMAL);
  Counters *counters = g_new (Counters, 1);

  counters->ops = ops;
  counters->glyphs = glyphs;
  cairo_surface_set_user_data (observer, &counters_key, counters, g_free);
  cairo_surface_observer_add_fill_callback (observer, count_op, counters);
  cairo_surface_observer_add_stroke_callback (observer, count_op, counters);
  cairo_surface_observer_add_paint_callback (observer, count_op, counters);
  cairo_surface_observer_add_mask_callback (observer, count_op, counters);
  cairo_surface_observer_add_glyphs_callback (observer, count_glyphs, counters);
  return observer;
}
