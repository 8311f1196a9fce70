/* test-render-journey-paint.c: the journey's emotion curve, KPI texts and painting
 *
 * The curve is checked by sampling it (flat between equal points, monotone between
 * others, never beyond its ends); painting by surface status, the text a PDF carries
 * and the ink that culling leaves (STYLE.md: no pixel comparisons of text).
 */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "io/tp-document-file.h"
#include "render/tp-curve.h"
#include "render/tp-layout-private.h"
#include "render/tp-painter.h"
#include "tp-test-tools.h"

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

static TpLayout *
layout_document (TpDocument *document)
{
  TpLayout *layout = tp_layout_new ();

  tp_layout_update (layout, document);

  return layout;
}

/* The emotion curve */

/* Samples a curve between each pair of points: flat between equal ones, monotone and
 * within its ends otherwise. */
static void
check_curve (const double *x,
             const double *y,
             guint         n)
{
  g_autofree double *tangents = g_new (double, n);

  tp_curve_monotone_tangents (x, y, n, tangents);

  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat_with_epsilon (tp_curve_evaluate (x, y, tangents, n, x[i]), y[i], 1e-9);

  for (guint i = 0; i + 1 < n; i++)
    {
      double lo = MIN (y[i], y[i + 1]), hi = MAX (y[i], y[i + 1]);
      double previous = y[i];

      for (guint j = 1; j <= 64; j++)
        {
          double t = x[i] + (x[i + 1] - x[i]) * j / 64.0;
          double v = tp_curve_evaluate (x, y, tangents, n, t);

          g_assert_cmpfloat (v, >=, lo - 1e-9);
          g_assert_cmpfloat (v, <=, hi + 1e-9);
          if (y[i] == y[i + 1])
            g_assert_cmpfloat_with_epsilon (v, y[i], 1e-9);
          else if (y[i] < y[i + 1])
            g_assert_cmpfloat (v, >=, previous - 1e-9);
          else
            g_assert_cmpfloat (v, <=, previous + 1e-9);
          previous = v;
        }
    }
}

static void
test_curve (void)
{
  /* Plateaus, a step, peaks and a steep climb after a flat run: where plain splines
   * overshoot. */
  static const double x1[] = { 0, 1, 2, 3, 4, 5, 6, 7 };
  static const double y1[] = { 1, 1, 1, -2, -2, 2, 2, 0 };
  static const double x2[] = { 0, 10, 11, 40, 41, 42 };
  static const double y2[] = { 0, 0, 2, 2, -2, 1 };
  static const double x3[] = { 3 };
  static const double y3[] = { 1 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  check_curve (x1, y1, G_N_ELEMENTS (x1));
  check_curve (x2, y2, G_N_ELEMENTS (x2));
  check_curve (x3, y3, 1);

  for (guint round = 0; round < 200; round++)
    {
      guint n = g_rand_int_range (rand, 2, 30);
      g_autofree double *x = g_new (double, n);
      g_autofree double *y = g_new (double, n);
      double at = 0;

      for (guint i = 0; i < n; i++)
        {
          at += g_rand_double_range (rand, 0.5, 300);
          x[i] = at;
          y[i] = g_rand_int_range (rand, TP_EMOTION_MIN, TP_EMOTION_MAX + 1);
        }
      check_curve (x, y, n);
    }

  /* The Bézier path goes through the same points. */
  {
    g_autofree double *tangents = g_new (double, G_N_ELEMENTS (x1));
    cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *cr = cairo_create (surface);
    cairo_path_t *path;
    guint points = 0;

    tp_curve_monotone_tangents (x1, y1, G_N_ELEMENTS (x1), tangents);
    tp_curve_append_path (cr, x1, y1, tangents, 0, G_N_ELEMENTS (x1) - 1, TRUE);
    path = cairo_copy_path (cr);
    for (int i = 0; i < path->num_data; i += path->data[i].header.length)
      {
        cairo_path_data_t *data = &path->data[i];
        cairo_path_data_t *end = &data[data->header.length - 1];

        g_assert_cmpfloat_with_epsilon (end->point.x, x1[points], 1e-9);
        g_assert_cmpfloat_with_epsilon (end->point.y, y1[points], 1e-9);
        points++;
      }
    g_assert_cmpuint (points, ==, G_N_ELEMENTS (x1));
    cairo_path_destroy (path);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
}

/* Painting */

static void
paint_to (cairo_surface_t *surface,
          TpLayout        *layout,
          TpDocument      *document,
          const TpRect    *area,
          double           scale,
          gboolean         screen)
{
  cairo_t *cr = cairo_create (surface);
  TpPaintOptions options;

  tp_paint_options_init (&options);
  options.screen = screen;
  options.visible = *area;
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -area->x, -area->y);
  tp_paint_board (cr, layout, document, &options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
}

static void
expect_text (const char *squeezed,
             const char *text)
{
  g_autofree char *wanted = tp_test_squeeze (text);

  if (strstr (squeezed, wanted) == NULL)
    g_error ("the PDF lacks “%s”", text);
}

static void
test_paint_surfaces (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLayout) layout = layout_document (document);
  g_autofree char *dir = g_dir_make_tmp ("test-render-journey-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "journey.pdf", NULL);
  g_autofree char *svg = g_build_filename (dir, "journey.svg", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  GPtrArray *stages = tp_document_get_stages (document);
  cairo_surface_t *surface;
  TpRect region, title;

  tp_layout_get_region (layout, TP_REGION_JOURNEY, &region);
  tp_layout_get_region_title (layout, TP_REGION_JOURNEY, &title);
  region.height += region.y - title.y;
  region.y = title.y;

  for (guint scale = 1; scale <= 2; scale++)
    {
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, region.width * scale,
                                            region.height * scale);
      paint_to (surface, layout, document, &region, scale, scale == 1);
      cairo_surface_destroy (surface);
    }

  surface = cairo_svg_surface_create (svg, region.width, region.height);
  paint_to (surface, layout, document, &region, 1, FALSE);
  cairo_surface_destroy (surface);

  surface = cairo_pdf_surface_create (pdf, region.width, region.height);
  paint_to (surface, layout, document, &region, 1, FALSE);
  cairo_surface_destroy (surface);

  if (pdftotext == NULL)
    g_test_message ("pdftotext is not installed: not checking the PDF's text");
  else
    {
      const char *argv[] = { pdftotext, "-raw", "-enc", "UTF-8", pdf, "-", NULL };
      g_autofree char *out = NULL;
      g_autofree char *squeezed = NULL;
      g_autoptr(GError) error = NULL;
      int status;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                    &out, NULL, &status, &error);
      g_assert_no_error (error);
      g_spawn_check_wait_status (status, &error);
      g_assert_no_error (error);
      squeezed = tp_test_squeeze (out);

      expect_text (squeezed, "Customer Journey");
      for (guint r = 0; r < TP_N_JOURNEY_ROWS; r++)
        expect_text (squeezed, tp_journey_row_get_label (r));
      for (guint s = 0; s < stages->len; s++)
        {
          TpStage *stage = g_ptr_array_index (stages, s);

          expect_text (squeezed, stage->name);
          expect_text (squeezed, stage->job);
          for (guint k = 0; k < stage->touchpoints->len; k++)
            {
              TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, k);

              expect_text (squeezed, touchpoint->name);
              expect_text (squeezed, touchpoint->action);
              for (guint i = 0; i < touchpoint->pains->len; i++)
                expect_text (squeezed, g_ptr_array_index (touchpoint->pains, i));
              for (guint i = 0; i < touchpoint->opportunities->len; i++)
                expect_text (squeezed, g_ptr_array_index (touchpoint->opportunities, i));
              for (guint i = 0; i < touchpoint->kpis->len; i++)
                expect_text (squeezed, ((TpKpi *) g_ptr_array_index (touchpoint->kpis, i))->name);
            }
        }
      /* Short Kano needs show whole; the gap of Checkout (5 → 2) is written out. */
      expect_text (squeezed, "Delivery date is kept");
      expect_text (squeezed, "Gap 3");
    }

  g_assert_cmpint (g_remove (pdf), ==, 0);
  g_assert_cmpint (g_remove (svg), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
ink_extents (TpLayout             *layout,
             TpDocument           *document,
             const char           *card,
             const TpPaintOptions *options,
             TpRect               *ink)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);

  if (card != NULL)
    tp_paint_touchpoint_card (cr, layout, document, card, options);
  else
    tp_paint_board (cr, layout, document, options);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (surface, &ink->x, &ink->y, &ink->width, &ink->height);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* What lies wholly outside the visible rect is not drawn; a card alone is only itself. */
static void
test_paint_culling (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLayout) layout = layout_document (document);
  double width = tp_layout_get_theme (layout)->touchpoint_width, reach = 25;
  TpTouchpointInfo info;
  TpPaintOptions options;
  TpRect ink;

  tp_layout_get_touchpoint (layout, "t8", &info);
  tp_paint_options_init (&options);
  options.transparent = TRUE;
  options.screen = TRUE;

  /* One cell, or the emotion row of one column: the panel, the lines across and the
   * curve stop near it (a card's shadow or a marker's star may reach a little out). */
  for (guint r = 0; r < TP_N_JOURNEY_ROWS; r++)
    {
      options.visible = info.cells[r];
      ink_extents (layout, document, NULL, &options, &ink);
      g_assert_cmpfloat (ink.width, >, 0);
      g_assert_cmpfloat (ink.x, >=, info.column.x - reach);
      g_assert_cmpfloat (ink.x + ink.width, <=, info.column.x + width + reach);
      g_assert_cmpfloat (ink.y, >=, info.cells[r].y - reach);
      g_assert_cmpfloat (ink.y + ink.height, <=, info.cells[r].y + info.cells[r].height + reach);
    }

  /* The card and its shadow (ink extents are whole pixels). */
  ink_extents (layout, document, "t8", &options, &ink);
  g_assert_cmpfloat (ink.x, >=, info.card.x - 5);
  g_assert_cmpfloat (ink.y, >=, info.card.y - 5);
  g_assert_cmpfloat (ink.x + ink.width, <=, info.card.x + info.card.width + 5);
  g_assert_cmpfloat (ink.y + ink.height, <=, info.card.y + info.card.height + 5);

  /* An unknown touchpoint draws nothing. */
  ink_extents (layout, document, "nope", &options, &ink);
  g_assert_cmpfloat (ink.width, ==, 0);
}

/* KPI figures: what each kind's formula gives from its raw data (tp-kpi-value.h); a
 * stored value only without raw data. */
static void
test_kpi_text (void)
{
  static const struct {
    TpKpiKind    kind;
    double       value;
    const char  *unit;
    double       target;
    TpDirection  direction;
    const char  *figure;
    const char  *target_text;
  } cases[] = {
    { TP_KPI_CUSTOM, 18, "%", 25, TP_DIRECTION_HIGHER, "18\u202f%", "target ≥ 25\u202f%" },
    { TP_KPI_CUSTOM, 26, "h", 24, TP_DIRECTION_LOWER, "26\u202fh", "target ≤ 24\u202fh" },
    { TP_KPI_CUSTOM, 87.5, "", NAN, TP_DIRECTION_HIGHER, "87.5", NULL },
    { TP_KPI_CUSTOM, NAN, "", NAN, TP_DIRECTION_HIGHER, "—", NULL },
    /* 7 answers of 5 and 5 of 6: all detractors. */
    { TP_KPI_NPS, NAN, "", 30, TP_DIRECTION_HIGHER, "\u2212100", "target ≥ 30" },
    { TP_KPI_CES, NAN, "", 5.5, TP_DIRECTION_HIGHER, "5.42", "target ≥ 5.5" },
    { TP_KPI_CONVERSION, NAN, "", 4, TP_DIRECTION_HIGHER, "3.2\u202f%", "target ≥ 4\u202f%" },
    { TP_KPI_RETENTION, NAN, "", 85, TP_DIRECTION_HIGHER, "82\u202f%", "target ≥ 85\u202f%" },
    /* The raw data wins over a stored value (docs/FORMAT.md). */
    { TP_KPI_CONVERSION, 3.25, "", NAN, TP_DIRECTION_HIGHER, "3.2\u202f%", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TpKpi) kpi = tp_kpi_new ("m", cases[i].kind, "A KPI");
      g_autofree char *figure = NULL;
      g_autofree char *target = NULL;

      kpi->value = cases[i].value;
      g_free (kpi->unit);
      kpi->unit = g_strdup (cases[i].unit);
      kpi->target = cases[i].target;
      kpi->direction = cases[i].direction;
      kpi->scores[5] = 7;
      kpi->scores[6] = 5;
      kpi->conversions = 320;
      kpi->visitors = 10000;
      kpi->start = 1000;
      kpi->end = 930;
      kpi->new_customers = 110;

      figure = _tp_journey_format_kpi_figure (kpi);
      target = _tp_journey_format_kpi_target (kpi);
      g_assert_cmpstr (figure, ==, cases[i].figure);
      g_assert_cmpstr (target, ==, cases[i].target_text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/render/journey/curve", test_curve);
  g_test_add_func ("/touchpoint/render/journey/kpi-text", test_kpi_text);
  g_test_add_func ("/touchpoint/render/journey/paint/surfaces", test_paint_surfaces);
  g_test_add_func ("/touchpoint/render/journey/paint/culling", test_paint_culling);

  return g_test_run ();
}
