/* test-linear-cost.c: work grows linearly in each element kind (issue 16, finding 9).
 *
 * Wall-clock time is no test (machines differ, and this one is shared): the work is
 * counted instead, at n and at 8 n, in documents that grow in one kind only (the
 * benchmark's shapes, bench/tp-bench-doc.c). Linear work grows 8 times; the quadratic
 * placement it replaced grew 64 times.
 */
#include "config.h"

#include "../bench/tp-bench-doc.h"
#include "render/tp-analysis-page-private.h"
#include "render/tp-text.h"
#include "render/tp-theme.h"

static guint64
chart_work (const char *shape,
            guint       n)
{
  g_autoptr(TpDocument) document = tp_bench_make_shape (shape, n);
  PangoContext *context = tp_text_context_new ();
  TpAnalysisLayout *layout = tp_analysis_layout_new (context, tp_theme_get_default ());
  guint64 before = _tp_chart_overlap_tests;

  g_object_unref (context);
  tp_analysis_layout_update (layout, document, 1200);
  tp_analysis_layout_free (layout);
  return _tp_chart_overlap_tests - before;
}

/* The Kano chart places a label for every need, the gap chart one for every moment of
 * truth, each clear of the points and labels before it. */
static void
test_chart_labels (gconstpointer data)
{
  const char *shape = data;
  guint64 small = chart_work (shape, 400);
  guint64 large = chart_work (shape, 3200);

  g_test_message ("%s: %" G_GUINT64_FORMAT " overlap tests at 400, %" G_GUINT64_FORMAT
                  " at 3,200", shape, small, large);
  g_assert_cmpuint (small, >, 0);
  g_assert_cmpuint (large, <=, small * 8 * 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/touchpoint/linear-cost/chart-labels/needs", "needs", test_chart_labels);
  g_test_add_data_func ("/touchpoint/linear-cost/chart-labels/moments", "moments", test_chart_labels);

  return g_test_run ();
}
