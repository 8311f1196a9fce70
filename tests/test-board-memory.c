/* test-board-memory.c: what painting the board page keeps grows linearly and stays
 * bounded per item (issues 16 and 19).
 *
 * Measured (bench/README.md, "Memory (issues 16 and 19)"): a PDF or SVG page is recorded
 * whole by cairo before it is written, about a kilobyte per drawing operation, and that
 * recording is the board page's peak, not the layout. So memory is bounded by counting
 * what a page records: the drawing operations (fills, strokes, glyph runs, paints, masks)
 * that painting the board page sends to its surface, watched by a cairo observer, at n
 * and 8 n moments of truth (the shape that grows the board by cards), and the shaped texts
 * the layout keeps alive once the page is painted (its cache's cap, whatever the size).
 * Wall-clock time and RSS are no test here (machines differ, this one is shared).
 */

#include "config.h"

#include "../bench/tp-bench-doc.h"
#include "render/tp-export.h"
#include "render/tp-layout-private.h"

/* The layout's text cache keeps at most this many shaped texts (tp-layout.c). */
#define MAX_KEPT_LAYOUTS 4096

typedef struct
{
  guint64 ops;     /* drawing operations recorded */
  guint64 glyphs;  /* of them, glyph runs */
  guint   kept;    /* shaped texts alive after painting */
} PageWork;

static void
count_op (cairo_surface_t *observer,
          cairo_surface_t *target,
          void            *data)
{
  ((PageWork *) data)->ops++;
}

static void
count_glyphs (cairo_surface_t *observer,
              cairo_surface_t *target,
              void            *data)
{
  ((PageWork *) data)->ops++;
  ((PageWork *) data)->glyphs++;
}

/* Paints the board page of a document with n of shape as a PDF export would (full text,
 * a fitted page), onto a surface watched by an observer. */
static void
paint_board (const char *shape,
             guint       n,
             PageWork   *work)
{
  g_autoptr(TpDocument) document = tp_bench_make_shape (shape, n);
  g_autoptr(TpLayout) layout = tp_layout_new ();
  g_autoptr(GArray) pages = NULL;
  /* The page scaled into a small image: every operation reaches the surface, and
   * drawing them at that size keeps the count cheap. */
  cairo_surface_t *target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 256, 256);
  cairo_surface_t *observer = cairo_surface_create_observer (target,
                                                             CAIRO_SURFACE_OBSERVER_NORMAL);
  TpExportOptions options;
  double width, height;
  cairo_t *cr;

  *work = (PageWork) { 0 };
  cairo_surface_observer_add_fill_callback (observer, count_op, work);
  cairo_surface_observer_add_stroke_callback (observer, count_op, work);
  cairo_surface_observer_add_paint_callback (observer, count_op, work);
  cairo_surface_observer_add_mask_callback (observer, count_op, work);
  cairo_surface_observer_add_glyphs_callback (observer, count_glyphs, work);

  tp_export_options_init (&options);
  options.page = TP_EXPORT_PAGE_BOARD;
  options.size = TP_PAGE_SIZE_FIT;
  tp_layout_set_full_text (layout, TRUE);
  tp_layout_update (layout, document);
  pages = tp_export_list_pages (layout, document, &options);
  g_assert_cmpuint (pages->len, ==, 1);
  tp_export_get_page_size (layout, &options, TP_EXPORT_PAGE_BOARD, &width, &height);

  cr = cairo_create (observer);
  cairo_scale (cr, 256 / width, 256 / height);
  tp_export_paint_page (cr, layout, document, &options, TP_EXPORT_PAGE_BOARD, width, height,
                        0, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  work->kept = layout->kept.length;

  cairo_surface_destroy (observer);
  cairo_surface_destroy (target);
}

/* The board page's recording grows with the cards, not faster: at most 8.5 times the
 * operations for 8 times the moments of truth (the rest of the board is fixed), and a
 * bounded number per card; the shaped texts kept stay under the cache's cap.
 *
 * The cards' shapes are batched by colour (tp-paint-batch.h): a run of cards costs a few
 * fills, so what a card records is its glyph runs and next to no shapes. A fill per
 * shape was 15 shape operations a card (21 with the glyph runs). */
static void
test_board_linear (void)
{
  const guint small_n = 300, large_n = 2400;
  PageWork small, large;
  double per_card, shapes_per_card;

  paint_board ("moments", small_n, &small);
  paint_board ("moments", large_n, &large);
  per_card = (double) (large.ops - small.ops) / (large_n - small_n);
  shapes_per_card = (double) ((large.ops - large.glyphs) - (small.ops - small.glyphs))
                    / (large_n - small_n);
  g_test_message ("board page: %" G_GUINT64_FORMAT " operations (%" G_GUINT64_FORMAT
                  " glyph runs) at %u moments, %" G_GUINT64_FORMAT " (%" G_GUINT64_FORMAT
                  ") at %u: %.1f a card, %.2f of them shapes; %u and %u shaped texts kept",
                  small.ops, small.glyphs, small_n, large.ops, large.glyphs, large_n, per_card,
                  shapes_per_card, small.kept, large.kept);

  g_assert_cmpuint (small.ops, >, small_n);
  g_assert_cmpuint (large.ops, <=, small.ops * 85 / 10);
  /* A card's text is its name, channel, the gap's labels and pill, its cells' words: six
   * glyph runs or so; its panel, band, edge, star, gap bars and pill, chips and marker on
   * the emotion curve are shared fills of its run. */
  g_assert_cmpfloat (per_card, <=, 8);
  g_assert_cmpfloat (shapes_per_card, <=, 1);
  g_assert_cmpuint (large.kept, <=, MAX_KEPT_LAYOUTS);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/board-memory/linear", test_board_linear);

  return g_test_run ();
}
