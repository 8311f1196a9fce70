/* test-analysis-page.c: the analysis page's layout, hit-testing, painting and export
 *
 * Geometry, not pixels (STYLE.md): the sections follow each other down the page, every
 * table has a row per item of the document, every text lies on the page and clear of
 * every other, chart labels stay in their plots, hits find what the rows are about, and
 * the page exports as whole sheets cut between sections.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "analysis/tp-gap.h"
#include "analysis/tp-journey-summary.h"
#include "analysis/tp-kano.h"
#include "io/tp-document-file.h"
#include "io/tp-loader.h"
#include "render/tp-alignment-page.h"
#include "render/tp-analysis-page.h"
#include "render/tp-analysis-page-private.h"
#include "render/tp-export.h"
#include "render/tp-text.h"

static TpDocument *
load_string (const char *xml)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  TpDocument *document = tp_load_bytes (bytes, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static TpDocument *
load_example (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (TP_EXAMPLE_PATH);
  g_autoptr(GError) error = NULL;
  TpDocument *document = tp_load_file (file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static TpAnalysisLayout *
lay_out (TpDocument *document,
         double      width)
{
  PangoContext *context = tp_text_context_new ();
  TpAnalysisLayout *layout = tp_analysis_layout_new (context, tp_theme_get_default ());

  g_object_unref (context);
  tp_analysis_layout_update (layout, document, width);
  return layout;
}

static const char empty_journey[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<touchpoint xmlns=\"https://touchpoint.github.io/ns/1\" version=\"1.0\">\n"
  "  <meta><title>Nothing yet</title></meta>\n"
  "  <canvas>\n    <block kind=\"channels\">\n"
  "      <note id=\"n1\" colour=\"blue\" evidence=\"validated\">Online shop</note>\n"
  "    </block>\n  </canvas>\n</touchpoint>\n";

/* What the document holds, counted from the model: the tables must show all of it. */
typedef struct
{
  guint moments;
  guint needs;
  guint answered;   /* needs with answers */
  guint kpis;
  guint stages;
} Counts;

static Counts
count (TpDocument *document)
{
  GPtrArray *stages = tp_document_get_stages (document);
  Counts counts = { 0, 0, 0, 0, stages->len };

  for (guint i = 0; i < stages->len; i++)
    {
      const TpStage *stage = g_ptr_array_index (stages, i);

      counts.kpis += stage->kpis->len;
      for (guint j = 0; j < stage->touchpoints->len; j++)
        {
          const TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, j);

          counts.moments += touchpoint->moment_of_truth;
          counts.needs += touchpoint->needs->len;
          counts.kpis += touchpoint->kpis->len;
          for (guint k = 0; k < touchpoint->needs->len; k++)
            counts.answered += tp_kano_need_get_n_answers (g_ptr_array_index (touchpoint->needs, k)) > 0;
        }
    }
  return counts;
}

static gboolean
overlap (const TpRect *a,
         const TpRect *b,
         double        tolerance)
{
  return a->x + tolerance < b->x + b->width && b->x + tolerance < a->x + a->width &&
         a->y + tolerance < b->y + b->height && b->y + tolerance < a->y + a->height;
}

static gboolean
has_text (TpAnalysisLayout *layout,
          const char       *text)
{
  for (guint i = 0; i < tp_analysis_layout_get_n_texts (layout); i++)
    if (g_strcmp0 (tp_analysis_layout_get_text (layout, i, NULL), text) == 0)
      return TRUE;
  return FALSE;
}

/* Every text on the page, inside it, clear of every other text, never "-0". */
static void
assert_texts_clean (TpAnalysisLayout *layout)
{
  guint n = tp_analysis_layout_get_n_texts (layout);
  double width, height;

  tp_analysis_layout_get_size (layout, &width, &height);
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      TpRect a;
      const char *text = tp_analysis_layout_get_text (layout, i, &a);

      if (a.x < -0.5 || a.y < -0.5 || a.x + a.width > width + 0.5 || a.y + a.height > height + 0.5)
        g_error ("“%s” at %g, %g (%g × %g) is off the %g × %g page", text, a.x, a.y,
                 a.width, a.height, width, height);
      if (strstr (text, "-0") != NULL || g_str_has_prefix (text, "\u22120") ||
          strstr (text, " \u22120") != NULL)
        {
          /* "−0.21" is a number, "−0" and "−0.00" are not. */
          const char *digits = strstr (text, "0");
          gboolean all_zero = TRUE;

          for (const char *p = digits; *p != '\0' && *p != ' '; p++)
            if (*p >= '1' && *p <= '9')
              all_zero = FALSE;
          if (all_zero)
            g_error ("“%s” is a negative zero", text);
        }

      for (guint j = i + 1; j < n; j++)
        {
          TpRect b;
          const char *other = tp_analysis_layout_get_text (layout, j, &b);

          if (text[0] != '\0' && other[0] != '\0' && overlap (&a, &b, 0.5))
            g_error ("“%s” (%g, %g, %g × %g) overlaps “%s” (%g, %g, %g × %g)", text, a.x, a.y,
                     a.width, a.height, other, b.x, b.y, b.width, b.height);
        }
    }
}

static void
test_sections (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpAnalysisLayout) layout = lay_out (document, 1280);
  TpRect header, previous;
  double width, height;

  tp_analysis_layout_get_size (layout, &width, &height);
  g_assert_cmpfloat (width, ==, 1280);
  tp_analysis_layout_get_header (layout, &header);
  g_assert_false (tp_rect_is_empty (&header));
  g_assert_cmpfloat (header.y, ==, 0);

  /* Down the page in order, each below the one before, the last ending the page. */
  previous = header;
  for (guint i = 0; i < TP_N_ANALYSIS_SECTIONS; i++)
    {
      TpRect section;

      tp_analysis_layout_get_section (layout, i, &section);
      g_test_message ("section %u: y %g, height %g", i, section.y, section.height);
      g_assert_false (tp_rect_is_empty (&section));
      g_assert_cmpfloat (section.y, >=, previous.y + previous.height);
      g_assert_cmpfloat (section.width, ==, width);
      previous = section;
    }
  g_assert_cmpfloat (previous.y + previous.height, <=, height);
  g_assert_cmpfloat (previous.y + previous.height, >, height - 1);

  g_assert_true (has_text (layout, "Analysis"));
  g_assert_true (has_text (layout, "Gap analysis at moments of truth"));
  g_assert_true (has_text (layout, tp_gap_get_formula ()));
  g_assert_true (has_text (layout, "Quick wins"));
  g_assert_true (has_text (layout, "Pain peaks"));
}

/* Every table has a row per item, in the analysis's order, about the right item. */
static void
test_rows (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpAnalysisLayout) layout = lay_out (document, 1280);
  g_autoptr(GArray) ranked = tp_gap_rank (document);
  g_autoptr(GArray) summaries = tp_journey_summarize (document);
  g_autoptr(GPtrArray) peaks = tp_journey_pain_peaks (document);
  Counts counts = count (document);
  TpRect previous = { 0 };

  g_assert_cmpuint (counts.moments, >, 0);
  g_assert_cmpuint (tp_analysis_layout_get_n_rows (layout, TP_ANALYSIS_TABLE_GAPS), ==, counts.moments);
  g_assert_cmpuint (tp_analysis_layout_get_n_rows (layout, TP_ANALYSIS_TABLE_KANO), ==, counts.needs);
  g_assert_cmpuint (tp_analysis_layout_get_n_rows (layout, TP_ANALYSIS_TABLE_KPIS), ==, counts.kpis);
  g_assert_cmpuint (tp_analysis_layout_get_n_rows (layout, TP_ANALYSIS_TABLE_STAGES), ==, counts.stages);
  g_assert_cmpuint (tp_analysis_layout_get_n_rows (layout, TP_ANALYSIS_TABLE_PAIN_PEAKS), ==, peaks->len);

  for (guint i = 0; i < ranked->len; i++)
    {
      const TpGapRow *row = &g_array_index (ranked, TpGapRow, i);
      const char *id = NULL;
      TpRect rect;

      g_assert_true (tp_analysis_layout_get_row (layout, TP_ANALYSIS_TABLE_GAPS, i, &rect, &id));
      g_assert_cmpstr (id, ==, tp_item_get_id (&row->touchpoint->item));
      g_assert_cmpfloat (rect.height, >, 0);
      if (i > 0)
        g_assert_cmpfloat (rect.y, >=, previous.y + previous.height - 0.01);
      previous = rect;
    }
  for (guint i = 0; i < summaries->len; i++)
    {
      const char *id = NULL;

      g_assert_true (tp_analysis_layout_get_row (layout, TP_ANALYSIS_TABLE_STAGES, i, NULL, &id));
      g_assert_cmpstr (id, ==, tp_item_get_id (&g_array_index (summaries, TpStageSummary, i).stage->item));
    }
  g_assert_false (tp_analysis_layout_get_row (layout, TP_ANALYSIS_TABLE_GAPS, counts.moments, NULL, NULL));
}

static void
assert_chart (TpAnalysisLayout *layout,
              TpAnalysisChart   chart,
              guint             n_points)
{
  TpRect plot;

  g_assert_true (tp_analysis_layout_get_plot (layout, chart, &plot));
  g_assert_cmpuint (tp_analysis_layout_get_n_points (layout, chart), ==, n_points);
  for (guint i = 0; i < n_points; i++)
    {
      TpAnalysisPoint point;

      g_assert_true (tp_analysis_layout_get_point (layout, chart, i, &point));
      g_assert_nonnull (point.id);
      g_assert_true (tp_rect_contains_point (&plot, point.x, point.y));
      g_assert_true (tp_rect_contains_rect (&plot, &point.label));
      for (guint j = 0; j < i; j++)
        {
          TpAnalysisPoint other;

          tp_analysis_layout_get_point (layout, chart, j, &other);
          if (overlap (&point.label, &other.label, 0.5))
            g_error ("the labels of %s and %s overlap", point.id, other.id);
        }
    }
}

static void
test_charts (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(GArray) ranked = tp_gap_rank (document);
  Counts counts = count (document);
  guint n_ranked = 0;

  for (guint i = 0; i < ranked->len; i++)
    n_ranked += g_array_index (ranked, TpGapRow, i).ranked;
  g_assert_cmpuint (n_ranked, >=, 4);
  g_assert_cmpuint (counts.answered, >=, 6);

  /* At a report's width and at a view's narrow one. */
  for (double width = 700; width <= 2000; width += 650)
    {
      g_autoptr(TpAnalysisLayout) layout = lay_out (document, width);

      assert_chart (layout, TP_ANALYSIS_CHART_PRIORITY, n_ranked);
      assert_chart (layout, TP_ANALYSIS_CHART_KANO, counts.answered);
    }
}

static void
test_texts (void)
{
  g_autoptr(TpDocument) document = load_example ();
  const double widths[] = { 300, 640, 900, 1280, 1500, 2400 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autoptr(TpAnalysisLayout) layout = lay_out (document, widths[i]);
      double width;

      tp_analysis_layout_get_size (layout, &width, NULL);
      g_assert_cmpfloat (width, >=, widths[i]);
      assert_texts_clean (layout);
    }
}

static void
test_hit (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpAnalysisLayout) layout = lay_out (document, 1280);
  TpAnalysisPoint point;
  const char *id = NULL;
  TpRect rect, row;

  g_assert_true (tp_analysis_layout_get_row (layout, TP_ANALYSIS_TABLE_KANO, 0, &rect, &id));
  g_assert_cmpstr (tp_analysis_hit_item (layout, rect.x + rect.width / 2, rect.y + rect.height / 2, &row), ==, id);
  /* The row to highlight is the row hit. */
  g_assert_cmpmem (&row, sizeof row, &rect, sizeof rect);
  g_assert_true (tp_analysis_layout_get_row (layout, TP_ANALYSIS_TABLE_STAGES, 0, &rect, &id));
  g_assert_nonnull (tp_document_lookup_kind (document, id, TP_ITEM_STAGE));
  g_assert_cmpstr (tp_analysis_hit_item (layout, rect.x + 2, rect.y + 2, NULL), ==, id);

  g_assert_true (tp_analysis_layout_get_point (layout, TP_ANALYSIS_CHART_PRIORITY, 0, &point));
  g_assert_nonnull (tp_document_lookup_kind (document, point.id, TP_ITEM_TOUCHPOINT));
  g_assert_cmpstr (tp_analysis_hit_item (layout, point.x, point.y, &row), ==, point.id);
  g_assert_true (tp_rect_is_empty (&row));
  g_assert_cmpstr (tp_analysis_hit_item (layout, point.label.x + 1, point.label.y + 1, NULL), ==, point.id);

  /* The title and the space around are about nothing. */
  g_assert_null (tp_analysis_hit_item (layout, 5, 5, NULL));
  g_assert_null (tp_analysis_hit_item (layout, -10, -10, NULL));
}

static void
test_empty (void)
{
  g_autoptr(TpDocument) document = load_string (empty_journey);
  g_autoptr(TpAnalysisLayout) layout = lay_out (document, 1000);

  g_assert_false (tp_analysis_has_content (document));
  for (guint t = 0; t < TP_N_ANALYSIS_TABLES; t++)
    g_assert_cmpuint (tp_analysis_layout_get_n_rows (layout, t), ==, 0);
  for (guint c = 0; c < TP_N_ANALYSIS_CHARTS; c++)
    {
      TpRect plot;

      g_assert_false (tp_analysis_layout_get_plot (layout, c, &plot));
      g_assert_cmpuint (tp_analysis_layout_get_n_points (layout, c), ==, 0);
    }
  g_assert_true (has_text (layout, "No moments of truth yet — press M on a touchpoint"));
  g_assert_true (has_text (layout, "No Kano answers yet — import a questionnaire"));
  assert_texts_clean (layout);
}

/* A moment of truth marked in the document shows at the next update. */
static void
test_update (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpAnalysisLayout) layout = lay_out (document, 1280);
  guint before = tp_analysis_layout_get_n_rows (layout, TP_ANALYSIS_TABLE_GAPS);
  const TpStage *stage = g_ptr_array_index (tp_document_get_stages (document), 0);
  const TpTouchpoint *first = g_ptr_array_index (stage->touchpoints, 0);
  TpTouchpoint *copy;

  g_assert_false (first->moment_of_truth);
  copy = (TpTouchpoint *) tp_document_edit_begin (document, tp_item_get_id (&first->item));
  tp_touchpoint_set_moment_of_truth (copy, TRUE);
  copy->expectation = 5;
  copy->experience = 1;
  copy->impact = 5;
  copy->feasibility = 5;
  tp_document_edit_commit (document, &copy->item, "Mark", FALSE);

  tp_analysis_layout_update (layout, document, 1280);
  g_assert_cmpuint (tp_analysis_layout_get_n_rows (layout, TP_ANALYSIS_TABLE_GAPS), ==, before + 1);
  /* The largest priority there can be ranks first. */
  {
    const char *id = NULL;

    tp_analysis_layout_get_row (layout, TP_ANALYSIS_TABLE_GAPS, 0, NULL, &id);
    g_assert_cmpstr (id, ==, tp_item_get_id (&first->item));
  }
}

static void
test_paint (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpAnalysisLayout) layout = lay_out (document, 1280);
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;

  tp_analysis_layout_get_size (layout, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) width / 4, (int) height / 4);
  cr = cairo_create (surface);
  cairo_scale (cr, 0.25, 0.25);
  tp_analysis_paint (cr, layout, NULL);
  tp_analysis_paint (cr, layout, &(TpRect) { 0, height / 2, width, 100 });
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* PDF: the analysis after the board, in sheets cut between sections. */
static void
test_export_pages (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpDocument) empty = load_string (empty_journey);
  g_autoptr(TpLayout) layout = tp_layout_new ();
  g_autoptr(GArray) pages = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  TpExportOptions options;
  TpExportPage page;
  double width, height;
  guint n_parts;

  g_assert_true (tp_export_page_from_string ("analysis", &page));
  g_assert_cmpint (page, ==, TP_EXPORT_PAGE_ANALYSIS);
  g_assert_cmpstr (tp_export_page_to_string (page), ==, "analysis");
  g_assert_cmpstr (tp_export_page_get_label (page), ==, "Analysis");

  tp_layout_update (layout, document);
  tp_export_options_init (&options);
  pages = tp_export_list_pages (layout, document, &options);
  g_assert_cmpint (g_array_index (pages, TpExportPage, pages->len - 1), ==, TP_EXPORT_PAGE_ANALYSIS);
  /* The example has links: the alignment comes between the board and the analysis. */
  g_assert_cmpint (g_array_index (pages, TpExportPage, pages->len - 2), ==, TP_EXPORT_PAGE_ALIGNMENT);
  g_assert_cmpint (g_array_index (pages, TpExportPage, pages->len - 3), ==, TP_EXPORT_PAGE_BOARD);

  /* Taller than a slide: whole sections on each sheet. */
  tp_export_get_page_size (layout, &options, TP_EXPORT_PAGE_ANALYSIS, &width, &height);
  n_parts = tp_export_count_parts (layout, &options, TP_EXPORT_PAGE_ANALYSIS, width, height);
  g_assert_cmpuint (n_parts, >, 1);
  g_assert_cmpuint (n_parts, <=, TP_N_ANALYSIS_SECTIONS);

  /* One picture, at its natural size. */
  options.page = TP_EXPORT_PAGE_ANALYSIS;
  options.size = TP_PAGE_SIZE_FIT;
  g_clear_pointer (&pages, g_array_unref);
  pages = tp_export_list_pages (layout, document, &options);
  g_assert_cmpuint (pages->len, ==, 1);
  tp_export_get_page_size (layout, &options, TP_EXPORT_PAGE_ANALYSIS, &width, &height);
  g_assert_cmpfloat (width, >, 1280);
  g_assert_cmpfloat (height, >, width);
  g_assert_cmpuint (tp_export_count_parts (layout, &options, TP_EXPORT_PAGE_ANALYSIS, width, height), ==, 1);

  options.format = TP_EXPORT_FORMAT_SVG;
  bytes = tp_export_render (document, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (g_bytes_get_data (bytes, NULL), "Gap analysis at moments of truth"));
  g_clear_pointer (&bytes, g_bytes_unref);

  /* Nothing to analyse: not among all pages, and refused alone. */
  tp_layout_update (layout, empty);
  tp_export_options_init (&options);
  g_clear_pointer (&pages, g_array_unref);
  pages = tp_export_list_pages (layout, empty, &options);
  for (guint i = 0; i < pages->len; i++)
    g_assert_cmpint (g_array_index (pages, TpExportPage, i), !=, TP_EXPORT_PAGE_ANALYSIS);
  options.page = TP_EXPORT_PAGE_ANALYSIS;
  bytes = tp_export_render (empty, &options, NULL, &error);
  g_assert_error (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_EMPTY);
  g_assert_null (bytes);
}

static TpAnalysisLayout *
lay_out_alignment (TpDocument *document,
                   double      width)
{
  PangoContext *context = tp_text_context_new ();
  TpAnalysisLayout *layout = tp_analysis_layout_new (context, tp_theme_get_default ());

  g_object_unref (context);
  tp_alignment_layout_update (layout, document, width);
  return layout;
}

/* Whether the page fills a shape with the tint of a stage colour. */
static gboolean
uses_tint (TpAnalysisLayout *layout,
           TpStageColour     colour)
{
  const TpColour *tint = &tp_theme_get_default ()->stage_tints[colour];

  for (guint i = 0; i < layout->ops->len; i++)
    {
      const TpOp *op = &g_array_index (layout->ops, TpOp, i);

      const TpColour *fill = _tp_analysis_op_fill (layout, op);

      if (op->kind == TP_OP_RECT && fill->alpha > 0 && fill->red == tint->red &&
          fill->green == tint->green && fill->blue == tint->blue)
        return TRUE;
    }
  return FALSE;
}

/* The matrix's stage bands take each stage's own colour, as the board does, not their
 * position's (issue 15). */
static void
test_page_stage_colours (void)
{
  g_autoptr(TpDocument) document = load_example ();
  GPtrArray *stages = tp_document_get_stages (document);
  TpStage *copy;

  g_assert_cmpuint (stages->len, <, TP_N_STAGE_COLOURS);
  {
    g_autoptr(TpAnalysisLayout) layout = lay_out_alignment (document, 1200);

    g_assert_true (uses_tint (layout, TP_STAGE_COLOUR_BLUE));
    g_assert_false (uses_tint (layout, TP_STAGE_COLOUR_TEAL));
  }

  copy = (TpStage *) tp_document_edit_begin (document, ((TpItem *) g_ptr_array_index (stages, 0))->id);
  copy->colour = TP_STAGE_COLOUR_TEAL;
  tp_document_edit_commit (document, &copy->item, "Recolour Stage", FALSE);
  {
    g_autoptr(TpAnalysisLayout) layout = lay_out_alignment (document, 1200);

    g_assert_true (uses_tint (layout, TP_STAGE_COLOUR_TEAL));
    g_assert_false (uses_tint (layout, TP_STAGE_COLOUR_BLUE));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/analysis-page/sections", test_sections);
  g_test_add_func ("/touchpoint/analysis-page/rows", test_rows);
  g_test_add_func ("/touchpoint/analysis-page/charts", test_charts);
  g_test_add_func ("/touchpoint/analysis-page/texts", test_texts);
  g_test_add_func ("/touchpoint/analysis-page/hit", test_hit);
  g_test_add_func ("/touchpoint/analysis-page/empty", test_empty);
  g_test_add_func ("/touchpoint/analysis-page/update", test_update);
  g_test_add_func ("/touchpoint/analysis-page/paint", test_paint);
  g_test_add_func ("/touchpoint/analysis-page/export-pages", test_export_pages);
  g_test_add_func ("/touchpoint/analysis-page/alignment-stage-colours", test_page_stage_colours);

  return g_test_run ();
}
