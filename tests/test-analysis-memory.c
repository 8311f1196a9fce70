/* test-analysis-memory.c: what the analysis pages record grows with their rows, and no
 * sheet records more than a sheet's worth (issue 16: 50,000 moments of truth, 60,000
 * needs in a memory budget).
 *
 * cairo 1.16 records a PDF page whole before writing it, about a kilobyte per drawing
 * operation (bench/README.md, "Memory"), so what a sheet costs is the operations painted
 * on it. They are counted with a cairo observer, sheet by sheet as the PDF's slide-sized
 * sheets are painted, at n and 8 n moments of truth and Kano needs: the operations a
 * table row records, the most any one sheet records (a chart holds a point and a label
 * for every moment of truth, all on one sheet), and their growth; and that an export lays
 * each report out once. Wall-clock time and RSS are no test here (machines differ, this
 * one is shared).
 */

#include "config.h"

#include "../bench/tp-bench-doc.h"
#include "render/tp-analysis-page-private.h"
#include "render/tp-export-private.h"
#include "render/tp-text.h"
#include "render/tp-theme.h"
#include "tp-test-layout.h"
#include "tp-test-ops.h"

typedef struct
{
  guint64 ops;      /* drawing operations, every sheet */
  guint64 glyphs;   /* of them, glyph runs */
  guint64 sheet;    /* on the sheet that records the most */
  guint64 on_sheet; /* counting, the sheet being painted */
  guint   rows;     /* of the page's tables */
} ReportOps;


/* Lays the analysis page out and paints it sheet by sheet as the PDF's slide would be
 * (1,216 × 648 of room on a 1,280 × 720 slide), each sheet onto a small image watched by
 * an observer: every operation reaches the surface, and drawing them small keeps the
 * count cheap. */
static void
report_ops (const char *shape,
            guint       n,
            ReportOps  *work)
{
  g_autoptr(TpDocument) document = tp_bench_make_shape (shape, n);
  PangoContext *context = tp_text_context_new ();
  TpAnalysisLayout *layout = tp_analysis_layout_new (context, tp_theme_get_default ());
  g_autoptr(GArray) sheets = NULL;
  double room_width = 1216, room_height = 648, width;
  cairo_surface_t *target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
  cairo_surface_t *observer = tp_test_ops_observe (target, &work->on_sheet,
                                                   &work->glyphs);
  TpExportOptions options;
  cairo_t *cr;

  *work = (ReportOps) { 0 };

  g_object_unref (context);
  tp_export_options_init (&options);
  tp_analysis_layout_update (layout, document, room_width);
  for (guint t = 0; t < TP_N_ANALYSIS_TABLES; t++)
    work->rows += tp_analysis_layout_get_n_rows (layout, t);
  tp_analysis_layout_get_size (layout, &width, NULL);
  sheets = _tp_export_analysis_split (layout, &options, room_width, room_height);

  cr = cairo_create (observer);
  cairo_scale (cr, 64 / room_width, 64 / room_height);
  for (guint i = 0; i < sheets->len; i++)
    {
      const TpAnalysisSheet *sheet = &g_array_index (sheets, TpAnalysisSheet, i);
      TpRect band = { 0, sheet->top, width, sheet->bottom - sheet->top };

      work->on_sheet = 0;
      /* Each band moved onto the image as the export moves it onto its sheet: what
       * lies off the surface would never reach the observer. */
      if (sheet->repeat.height > 0)
        {
          cairo_save (cr);
          cairo_scale (cr, sheet->scale, sheet->scale);
          cairo_translate (cr, 0, -sheet->repeat.y);
          tp_analysis_paint (cr, layout, &sheet->repeat);
          cairo_restore (cr);
        }
      cairo_save (cr);
      cairo_scale (cr, sheet->scale, sheet->scale);
      cairo_translate (cr, 0, sheet->repeat.height - band.y);
      tp_analysis_paint (cr, layout, &band);
      cairo_restore (cr);
      work->ops += work->on_sheet;
      work->sheet = MAX (work->sheet, work->on_sheet);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (observer);
  cairo_surface_destroy (target);
  tp_analysis_layout_free (layout);
}

/* A table row records its texts, one glyph run each, and next to no shapes: its rule,
 * bars, dots and pills are gathered by colour with the other rows of its sheet
 * (tp-paint-batch.h), as the journey's cards are. A fill or stroke per shape was about
 * 3 shape operations a row of the gap table. */
static void
test_per_row (gconstpointer data)
{
  const char *shape = data;
  const guint small_n = 400, large_n = 3200;
  ReportOps small, large;
  double per_row, shapes_per_row;

  report_ops (shape, small_n, &small);
  report_ops (shape, large_n, &large);
  per_row = (double) (large.ops - small.ops) / (large.rows - small.rows);
  shapes_per_row = (double) ((large.ops - large.glyphs) - (small.ops - small.glyphs))
                   / (large.rows - small.rows);
  g_test_message ("%s: %" G_GUINT64_FORMAT " operations (%" G_GUINT64_FORMAT " glyph runs, "
                  "%" G_GUINT64_FORMAT " on the fullest sheet) over %u rows at %u; %"
                  G_GUINT64_FORMAT " (%" G_GUINT64_FORMAT ", %" G_GUINT64_FORMAT ") over %u at %u: "
                  "%.2f a row, %.2f of them shapes",
                  shape, small.ops, small.glyphs, small.sheet, small.rows, small_n, large.ops,
                  large.glyphs, large.sheet, large.rows, large_n, per_row, shapes_per_row);

  g_assert_cmpuint (large.rows, >, small.rows * 4);
  g_assert_cmpfloat (shapes_per_row, <=, 0.5);
}

/* The operations grow with the rows, not faster, and the fullest sheet does not grow at
 * all: a chart of 3,200 points records about as much as one of 400 (its points gathered
 * by colour), so no PDF page's recording follows the document's size. */
static void
test_linear (gconstpointer data)
{
  const char *shape = data;
  ReportOps small, large;

  report_ops (shape, 400, &small);
  report_ops (shape, 3200, &large);
  g_test_message ("%s: %" G_GUINT64_FORMAT " operations at 400 (fullest sheet %" G_GUINT64_FORMAT
                  "), %" G_GUINT64_FORMAT " at 3,200 (%" G_GUINT64_FORMAT ")",
                  shape, small.ops, small.sheet, large.ops, large.sheet);

  g_assert_cmpuint (large.ops, <=, small.ops * 85 / 10);
  g_assert_cmpuint (large.sheet, <=, small.sheet * 2);
}

/* An export lays each report page out once: counting its sheets lays it out whole, and
 * its sheets are painted from that layout. Measuring it to count and laying it out again
 * to paint was 15 % of the instructions of a 1,000-note PDF of every page. A report alone
 * does not lay the board out either: nothing of the board is shaped for it. */
static void
test_laid_out_once (gconstpointer data)
{
  const char *shape = data;
  g_autoptr(TpDocument) document = tp_bench_make_shape (shape, 200);
  static const TpExportPage pages[] = {
    TP_EXPORT_PAGE_ALL, TP_EXPORT_PAGE_ANALYSIS, TP_EXPORT_PAGE_ALIGNMENT,
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(TpLayout) listing = tp_layout_new ();
      g_autoptr(GArray) listed = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      TpExportOptions options;
      guint64 layouts = _tp_analysis_layouts;
      guint shaped = tp_test_count_shaped ();
      guint n_reports = 0;

      tp_export_options_init (&options);
      options.format = TP_EXPORT_FORMAT_PDF;
      options.page = pages[i];
      /* Listing the pages only notes which reports there are, laying none out. */
      listed = tp_export_list_pages (listing, document, &options);
      for (guint p = 0; p < listed->len; p++)
        n_reports += _tp_export_page_is_report (g_array_index (listed, TpExportPage, p));
      g_assert_cmpuint (_tp_analysis_layouts, ==, layouts);

      bytes = tp_export_render (document, &options, NULL, &error);
      if (n_reports == 0)
        {
          g_assert_error (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_EMPTY);
          continue;
        }
      g_assert_no_error (error);
      g_test_message ("%s, page %s: %u report pages, %" G_GUINT64_FORMAT " laid out, "
                      "%u board texts shaped", shape, tp_export_page_to_string (pages[i]),
                      n_reports, _tp_analysis_layouts - layouts,
                      tp_test_count_shaped () - shaped);
      g_assert_cmpuint (_tp_analysis_layouts - layouts, ==, n_reports);
      if (pages[i] != TP_EXPORT_PAGE_ALL)
        g_assert_cmpuint (tp_test_count_shaped (), ==, shaped);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/touchpoint/analysis-memory/per-row/moments", "moments", test_per_row);
  g_test_add_data_func ("/touchpoint/analysis-memory/per-row/needs", "needs", test_per_row);
  g_test_add_data_func ("/touchpoint/analysis-memory/linear/moments", "moments", test_linear);
  g_test_add_data_func ("/touchpoint/analysis-memory/linear/needs", "needs", test_linear);
  g_test_add_data_func ("/touchpoint/analysis-memory/laid-out-once/moments", "moments",
                        test_laid_out_once);
  g_test_add_data_func ("/touchpoint/analysis-memory/laid-out-once/links", "links",
                        test_laid_out_once);

  return g_test_run ();
}
