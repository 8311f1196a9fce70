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
#include "render/tp-export-private.h"
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

typedef struct
{
  guint64 shapings;     /* texts shaped, laying the page out and painting every sheet */
  guint64 visited;      /* ops looked at, painting every sheet */
  guint   ops;          /* in the display list */
  guint   sheets;
  gint    live;         /* shaped texts alive once laid out */
  double  least_share;  /* the smallest sheet's scale over the slide's target scale */
} ReportWork;

/* Lays the analysis page out and paints it as the PDF's slide-sized sheets would be
 * (1,216 × 648 of room on a 1,280 × 720 slide), onto a recording surface. */
static void
report_work (const char *shape,
             guint       n,
             ReportWork *work)
{
  g_autoptr(TpDocument) document = tp_bench_make_shape (shape, n);
  PangoContext *context = tp_text_context_new ();
  TpAnalysisLayout *layout = tp_analysis_layout_new (context, tp_theme_get_default ());
  g_autoptr(GArray) sheets = NULL;
  guint64 shapings = _tp_analysis_shapings, visited = _tp_analysis_ops_visited;
  gint live = _tp_analysis_live_layouts;
  double room_width = 1216, room_height = 648, width;
  TpExportOptions options;
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);

  g_object_unref (context);
  tp_export_options_init (&options);
  tp_analysis_layout_update (layout, document, room_width);
  work->live = _tp_analysis_live_layouts - live;
  work->ops = layout->ops->len;
  tp_analysis_layout_get_size (layout, &width, NULL);
  sheets = _tp_export_analysis_split (layout, &options, room_width, room_height);
  work->sheets = sheets->len;
  work->least_share = G_MAXDOUBLE;
  for (guint i = 0; i < sheets->len; i++)
    {
      const TpAnalysisSheet *sheet = &g_array_index (sheets, TpAnalysisSheet, i);
      TpRect band = { 0, sheet->top, width, sheet->bottom - sheet->top };

      work->least_share = MIN (work->least_share, sheet->scale / (room_width / width));
      if (sheet->repeat.height > 0)
        tp_analysis_paint (cr, layout, &sheet->repeat);
      tp_analysis_paint (cr, layout, &band);
    }
  work->shapings = _tp_analysis_shapings - shapings;
  work->visited = _tp_analysis_ops_visited - visited;
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  tp_analysis_layout_free (layout);
}

/* The report's cost and memory follow its rows: each text is shaped a bounded number of
 * times and never in one piece longer than a table cell's piece (Pango measures a long
 * paragraph in more than linear time: a stage's 8,000 KPIs in one cell); the display
 * list keeps no text shaped (it kept every one: 143 MiB at 20,000 moments); painting a
 * sheet looks at about the ops of that sheet, not of the page; and a table taller than a
 * sheet continues on the next rather than shrinking onto one. */
static void
test_report (gconstpointer data)
{
  const char *shape = data;
  ReportWork small, large;

  _tp_analysis_longest_shaped = 0;
  report_work (shape, 400, &small);
  report_work (shape, 3200, &large);

  g_test_message ("%s at 400: %u ops, %u sheets, %" G_GUINT64_FORMAT " shapings, %"
                  G_GUINT64_FORMAT " ops visited, %d shaped texts alive, least sheet scale %.2f",
                  shape, small.ops, small.sheets, small.shapings, small.visited, small.live,
                  small.least_share);
  g_test_message ("%s at 3,200: %u ops, %u sheets, %" G_GUINT64_FORMAT " shapings, %"
                  G_GUINT64_FORMAT " ops visited, %d shaped texts alive, least sheet scale %.2f; "
                  "longest text shaped %" G_GSIZE_FORMAT " bytes",
                  shape, large.ops, large.sheets, large.shapings, large.visited, large.live,
                  large.least_share, _tp_analysis_longest_shaped);

  g_assert_cmpuint (large.ops, >, small.ops * 4);
  g_assert_cmpuint (large.shapings, <=, small.shapings * 8 * 2);
  g_assert_cmpuint (large.visited, <=, small.visited * 8 * 2);
  g_assert_cmpuint (large.visited, <=, 3 * (guint64) large.ops);
  g_assert_cmpint (large.live, <=, 8192);
  g_assert_cmpuint (_tp_analysis_longest_shaped, <=, 4096);
  g_assert_cmpfloat (large.least_share, >=, 0.5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/touchpoint/linear-cost/chart-labels/needs", "needs", test_chart_labels);
  g_test_add_data_func ("/touchpoint/linear-cost/chart-labels/moments", "moments", test_chart_labels);

  g_test_add_data_func ("/touchpoint/linear-cost/report/moments", "moments", test_report);
  g_test_add_data_func ("/touchpoint/linear-cost/report/needs", "needs", test_report);
  g_test_add_data_func ("/touchpoint/linear-cost/report/kpis", "kpis", test_report);

  return g_test_run ();
}
