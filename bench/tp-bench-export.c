/* tp-bench-export.c: the time to export a workshop as PDF, PNG and SVG
 *
 *   tp-bench-export [--repeat N] [--cpu] [SIZE…]   print the figures as a Markdown table
 *
 * Each export is tp_export_render(), as the command line and the export dialog call it:
 * a fresh layout of the document (every text measured afresh), the pages painted, and
 * the file's bytes made (PDF and SVG streams, PNG compression), without writing them to
 * disk. Five exports per size: the PDF of every page at 16:9 slide size (the default),
 * the board as a PNG at its natural size (the default) at 1x and 2x, the board as a PNG
 * of a 1920 × 1080 slide (which a board too large for a natural-size image still makes),
 * and the board as an SVG at its natural size.
 *
 * Wall-clock times vary from machine to machine, so each comes with its ratio to a
 * baseline measured in the same run on the same document: laying it out afresh and
 * painting the whole board, links included, once, at 100 %, on a cairo recording surface
 * (which records the drawing and makes no pixels and no file). That is the least any
 * export must do, so the ratio reads "what paging, rasterizing and encoding add to
 * drawing the board once": a PDF of six pages paints the board's content about twice
 * (each region, then the board), a PNG adds rasterizing and compression, an SVG the
 * outlines of every shape and its text as text.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tp-bench-doc.h"
#include "render/tp-export.h"
#include "render/tp-layout.h"
#include "render/tp-painter.h"

typedef gboolean (*BenchFunc) (gpointer data);

/* --cpu: time with the process's CPU clock rather than the wall clock, for a machine
 * that other work shares (an export runs on one thread, so on an idle machine the two
 * agree). */
static gboolean use_cpu_time;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Median of repeat runs, in milliseconds, after one run to warm caches up; NAN when the
 * function fails (an export refused as too large). */
static double
time_median (BenchFunc func,
             gpointer  data,
             guint     repeat)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  if (!func (data))
    return NAN;
  for (guint i = 0; i < repeat; i++)
    {
      gint64 start = tp_bench_now_us (use_cpu_time);
      double ms;

      func (data);
      ms = (tp_bench_now_us (use_cpu_time) - start) / 1000.0;
      g_array_append_val (times, ms);
    }

  g_array_sort (times, compare_doubles);

  return g_array_index (times, double, times->len / 2);
}

typedef struct
{
  TpDocument      *document;
  TpExportOptions  options;
  gsize            size;      /* bytes of the last export */
  guint            n_pages;   /* PDF: its pages; PNG: 0 */
  int              width;     /* PNG: pixels */
  int              height;
  char            *refused;   /* why the export was refused, or NULL */
} Bench;

static gboolean
run_baseline (gpointer data)
{
  Bench *bench = data;
  TpLayout *layout = tp_layout_new ();
  cairo_surface_t *surface;
  TpPaintOptions options;
  TpRect bounds;
  cairo_t *cr;

  tp_layout_update (layout, bench->document);
  tp_layout_get_bounds (layout, &bounds);
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  tp_paint_options_init (&options);
  options.visible = bounds;
  options.links = TRUE;
  tp_paint_board (cr, layout, bench->document, &options);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  tp_layout_free (layout);
  return TRUE;
}

/* The pages of a PDF: each page object says "/Type /Page" (the page tree, "/Type /Pages"). */
static guint
count_pdf_pages (GBytes *bytes)
{
  static const char key[] = "/Type /Page";
  gsize length, n_key = sizeof key - 1;
  const char *data = g_bytes_get_data (bytes, &length);
  guint n = 0;

  for (gsize i = 0; i + n_key < length; i++)
    if (data[i] == '/' && memcmp (data + i, key, n_key) == 0 && data[i + n_key] != 's')
      n++;
  return n;
}

static gboolean
run_export (gpointer data)
{
  Bench *bench = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = tp_export_render (bench->document, &bench->options, NULL, &error);

  if (bytes == NULL)
    {
      if (!g_error_matches (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_TOO_LARGE))
        g_error ("export failed: %s", error->message);
      g_free (bench->refused);
      bench->refused = g_strdup (error->message);
      return FALSE;
    }
  bench->size = g_bytes_get_size (bytes);
  if (bench->options.format == TP_EXPORT_FORMAT_PDF && bench->n_pages == 0)
    bench->n_pages = count_pdf_pages (bytes);
  return TRUE;
}

/* The pixel size a PNG export of the board makes, refused or not. */
static void
png_size (Bench *bench)
{
  TpLayout *layout = tp_layout_new ();
  double width, height, scale = bench->options.scale;

  tp_layout_update (layout, bench->document);
  tp_export_get_page_size (layout, &bench->options, TP_EXPORT_PAGE_BOARD, &width, &height);
  bench->width = (int) ceil (width * scale);
  bench->height = (int) ceil (height * scale);
  tp_layout_free (layout);
}

static char *
format_size (gsize bytes)
{
  if (bytes >= 1024 * 1024)
    return g_strdup_printf ("%.1f MiB", bytes / (1024.0 * 1024.0));
  return g_strdup_printf ("%.0f KiB", bytes / 1024.0);
}

/* "412 ms (3.1×) · 6 pages · 1.2 MiB", or "refused: 40,000 × 2,300 px" */
static char *
measure (TpDocument     *document,
         TpExportFormat  format,
         TpExportPage    page,
         TpPageSize      size,
         double          scale,
         double          baseline,
         guint           repeat)
{
  Bench bench = { document, { 0, }, 0, 0, 0, 0, NULL };
  g_autofree char *bytes = NULL;
  double ms;
  char *cell;

  tp_export_options_init (&bench.options);
  bench.options.format = format;
  bench.options.page = page;
  bench.options.size = size;
  bench.options.scale = scale;
  if (format == TP_EXPORT_FORMAT_PNG)
    png_size (&bench);

  ms = time_median (run_export, &bench, repeat);
  if (isnan (ms))
    {
      cell = g_strdup_printf ("refused (%'d × %'d px)", bench.width, bench.height);
      g_free (bench.refused);
      return cell;
    }

  bytes = format_size (bench.size);
  if (format == TP_EXPORT_FORMAT_PDF)
    cell = g_strdup_printf ("%.0f ms (%.1f×) · %u pages · %s", ms, ms / baseline,
                            bench.n_pages, bytes);
  else if (format == TP_EXPORT_FORMAT_PNG)
    cell = g_strdup_printf ("%.0f ms (%.1f×) · %'d × %'d px · %s", ms, ms / baseline,
                            bench.width, bench.height, bytes);
  else
    cell = g_strdup_printf ("%.0f ms (%.1f×) · %s", ms, ms / baseline, bytes);
  return cell;
}

static void
bench_size (guint n,
            guint repeat)
{
  g_autoptr(TpDocument) document = tp_bench_make_document (n);
  Bench baseline_bench = { document, { 0, }, 0, 0, 0, 0, NULL };
  g_autofree char *pdf = NULL;
  g_autofree char *png1 = NULL;
  g_autofree char *png2 = NULL;
  g_autofree char *png_slide = NULL;
  g_autofree char *svg = NULL;
  double baseline;

  baseline = time_median (run_baseline, &baseline_bench, repeat);
  pdf = measure (document, TP_EXPORT_FORMAT_PDF, TP_EXPORT_PAGE_ALL, TP_PAGE_SIZE_SLIDE, 1,
                 baseline, repeat);
  png1 = measure (document, TP_EXPORT_FORMAT_PNG, TP_EXPORT_PAGE_BOARD, TP_PAGE_SIZE_FIT, 1,
                  baseline, repeat);
  png2 = measure (document, TP_EXPORT_FORMAT_PNG, TP_EXPORT_PAGE_BOARD, TP_PAGE_SIZE_FIT, 2,
                  baseline, repeat);
  png_slide = measure (document, TP_EXPORT_FORMAT_PNG, TP_EXPORT_PAGE_BOARD, TP_PAGE_SIZE_SLIDE,
                       1, baseline, repeat);
  svg = measure (document, TP_EXPORT_FORMAT_SVG, TP_EXPORT_PAGE_BOARD, TP_PAGE_SIZE_FIT, 1,
                 baseline, repeat);

  g_print ("| %'u | %'u | %.0f ms | %s | %s | %s | %s | %s |\n", n,
           tp_document_get_n_touchpoints (document), baseline, pdf, png1, png2, png_slide, svg);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  guint repeat = 5;

  /* UTF-8 output (× and ·) and thousands separators, as the locale says. */
  setlocale (LC_ALL, "");

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--repeat") && i + 1 < argc)
        {
          i++;
          repeat = (guint) MAX (atoi (argv[i]), 1);
        }
      else if (g_str_equal (argv[i], "--cpu"))
        {
          use_cpu_time = TRUE;
        }
      else
        {
          guint n = (guint) atoi (argv[i]);

          g_array_append_val (sizes, n);
        }
    }
  if (sizes->len == 0)
    {
      static const guint defaults[] = { 100, 1000, 10000 };

      g_array_append_vals (sizes, defaults, G_N_ELEMENTS (defaults));
    }

  /* Fontconfig, the font files and the glyph caches load on first use: not a cost of
   * any one size. */
  {
    g_autoptr(TpDocument) warm = tp_bench_make_document (200);
    TpExportOptions options;
    g_autoptr(GBytes) bytes = NULL;

    tp_export_options_init (&options);
    bytes = tp_export_render (warm, &options, NULL, NULL);
  }

  g_print ("Exports with tp_export_render() (fresh layout, pages, the file's bytes; nothing "
           "written to disk); median of %u runs, %s; (×) = ÷ a fresh layout and one paint of "
           "the whole board on a cairo recording surface.\n\n", repeat,
           use_cpu_time ? "process CPU time" : "wall-clock time");
  g_print ("| notes | touchpoints | baseline: layout + paint | PDF, every page, slide | "
           "PNG board 1x | PNG board 2x | PNG board on a slide, 1x | SVG board |\n");
  g_print ("|---:|---:|---:|---:|---:|---:|---:|---:|\n");

  for (guint i = 0; i < sizes->len; i++)
    bench_size (g_array_index (sizes, guint, i), repeat);

  return 0;
}
