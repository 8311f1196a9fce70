/* tp-export-write.c: writing an export's pages as the bytes of a PDF, PNG or SVG file.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tp-export.c composes the pages; this file turns them into a file: a PDF of sheets (each
 * within the largest page readers take), an SVG of one picture, a PNG within the image
 * limits (refused, with what would work instead, beyond them).
 */

#include "config.h"

#include "tp-export.h"

#include <math.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>

#include "io/tp-atomic-file.h"
#include "io/tp-loader.h"
#include "io/tp-writer.h"
#include "tp-export-private.h"
#include "tp-layout-private.h"
#include "tp-png.h"
#include "tp-svg-text.h"
#include "tp-valid-text.h"

#define CSS_PX_PER_INCH   96.0
#define PT_PER_CSS_PX     0.75
/* A 16:9 slide is 1920 × 1080 px as an image but 13.33 × 7.5 in (338.7 × 190.5 mm) as a
 * page, the size slide editors use: its pixels are half a point. */
#define PT_PER_SLIDE_PX   0.5
/* An image larger than this is refused (a 3x PNG of a huge board would need gigabytes). */
#define MAX_IMAGE_SIDE    32767
#define MAX_IMAGE_PIXELS  (200.0 * 1000 * 1000)

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static double
get_pixel_scale (const TpExportOptions *options)
{
  if (options->dpi > 0)
    return options->dpi / CSS_PX_PER_INCH;
  return options->scale > 0 ? options->scale : 1;
}

static gboolean
check_surface (cairo_surface_t  *surface,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_FAILED,
               _("The export could not be drawn: %s."), cairo_status_to_string (status));
  return FALSE;
}

/* Sets one metadata entry, made valid for cairo first: its UTF-8 check refuses
 * noncharacters that the model may hold, and the whole export failed on them. */
static void
set_pdf_metadata_text (cairo_surface_t    *surface,
                       cairo_pdf_metadata_t  key,
                       const char         *value)
{
  g_autofree char *copy = NULL;

  if (value == NULL || value[0] == '\0')
    return;
  cairo_pdf_surface_set_metadata (surface, key, _tp_valid_text (value, &copy));
}

static void
set_pdf_metadata (cairo_surface_t *surface,
                  TpDocument      *document)
{
  const TpMeta *meta = tp_document_get_meta (document);

  set_pdf_metadata_text (surface, CAIRO_PDF_METADATA_TITLE, meta->title);
  set_pdf_metadata_text (surface, CAIRO_PDF_METADATA_AUTHOR, meta->facilitator);
  set_pdf_metadata_text (surface, CAIRO_PDF_METADATA_SUBJECT, meta->organisation);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Touchpoint " PACKAGE_VERSION);
}

double
tp_export_get_points_per_pixel (const TpExportOptions *options)
{
  g_return_val_if_fail (options != NULL, PT_PER_CSS_PX);

  return options->size == TP_PAGE_SIZE_SLIDE ? PT_PER_SLIDE_PX : PT_PER_CSS_PX;
}

/* What a PDF page of width × height points is scaled by to stay within the largest page
 * that readers take: the page and its content together, so the text stays text (found and
 * selected as before), only smaller, as a viewer's zoom would show it. */
static double
get_page_shrink (double width,
                 double height)
{
  double side = MAX (width, height);

  return side > TP_EXPORT_MAX_PAGE_PT ? TP_EXPORT_MAX_PAGE_PT / side : 1;
}

guint _tp_export_board_memos = G_MAXUINT;
guint _tp_export_board_report_ops = G_MAXUINT;

/* Whether every page from the index first on is a report, laid out from the document
 * and not from the board's layout. */
static gboolean
only_reports_from (GArray *pages,
                   guint   first)
{
  for (guint i = first; i < pages->len; i++)
    if (!_tp_export_page_is_report (g_array_index (pages, TpExportPage, i)))
      return FALSE;
  return TRUE;
}

/* Empties the board's layout, to its arrays' room, once no page left needs it: the
 * journey of 50,000 cards (some 100 MB with its measurements and memos) would sit under
 * the report pages that follow (issue 16). */
static void
release_board (TpLayout *layout)
{
  g_autoptr(TpDocument) empty = tp_document_new ();

  tp_layout_update (layout, empty);
  _tp_journey_clear (&layout->journey);
  _tp_journey_init (&layout->journey);
#ifdef __GLIBC__
  /* The layout's and the board page's recording's small blocks, freed, stay the heap's
   * (at 50,000 moments, the report's first sheet began from 255 MB): given back, the
   * report pages that follow grow from what is alive, not from that (issue 16). */
  malloc_trim (0);
#endif
}

/* Where an export's bytes go as they are made: a GByteArray (tp_export_render()) or the
 * file being written (tp_export_to_file()), so that a PDF of 40 MB is not held whole. */
typedef struct
{
  cairo_write_func_t  write;
  void               *closure;
} Output;

static gboolean
write_output (const Output  *output,
              GBytes        *bytes,
              GError       **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  /* cairo's write functions take an unsigned int of bytes at a time. */
  while (size > 0)
    {
      guint piece = (guint) MIN (size, (gsize) G_MAXUINT / 2);

      if (output->write (output->closure, data, piece) != CAIRO_STATUS_SUCCESS)
        {
          g_set_error_literal (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_FAILED,
                               cairo_status_to_string (CAIRO_STATUS_WRITE_ERROR));
          return FALSE;
        }
      data += piece;
      size -= piece;
    }
  return TRUE;
}

static gboolean
render_vector (TpLayout              *layout,
               TpDocument            *document,
               const TpExportOptions *options,
               GArray                *pages,
               TpExportReport        *report,
               const Output          *output,
               GCancellable          *cancellable,
               GError               **error)
{
  g_autoptr(GByteArray) out = NULL;
  g_autoptr(TpSvgText) text = NULL;
  gboolean pdf = options->format == TP_EXPORT_FORMAT_PDF;
  double pt = tp_export_get_points_per_pixel (options);
  cairo_surface_t *surface;
  cairo_t *cr = NULL;
  gboolean ok = TRUE;
  guint sheet = 0, n_sheets = 0;
  double width, height, shrink;

  tp_export_get_page_size (layout, options, g_array_index (pages, TpExportPage, 0),
                           &width, &height);
  if (pdf)
    {
      shrink = get_page_shrink (width * pt, height * pt);
      /* Each page's stream goes out as cairo ends the page. */
      surface = cairo_pdf_surface_create_for_stream (output->write, output->closure,
                                                     MIN (width * pt * shrink, TP_EXPORT_MAX_PAGE_PT),
                                                     MIN (height * pt * shrink, TP_EXPORT_MAX_PAGE_PT));
      set_pdf_metadata (surface, document);
    }
  else
    {
      /* The SVG's text is put in once the picture is whole (tp-svg-text.c). */
      out = g_byte_array_new ();
      surface = cairo_svg_surface_create_for_stream (append_bytes, out,
                                                     width * pt, height * pt);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
      text = _tp_svg_text_new (layout->theme->font_family);
    }

  /* Every sheet: a page, or each part of a page cut into parts. */
  for (guint i = 0; i < pages->len; i++)
    {
      TpExportPage page = g_array_index (pages, TpExportPage, i);

      tp_export_get_page_size (layout, options, page, &width, &height);
      n_sheets += tp_export_count_parts (layout, options, page, width, height);
    }

  for (guint i = 0; i < pages->len && ok; i++)
    {
      TpExportPage page = g_array_index (pages, TpExportPage, i);
      guint n_parts;

      if (pdf && i > 0 && _tp_export_page_is_report (page) &&
          !_tp_export_page_is_report (g_array_index (pages, TpExportPage, i - 1)) &&
          only_reports_from (pages, i))
        release_board (layout);
      tp_export_get_page_size (layout, options, page, &width, &height);
      n_parts = tp_export_count_parts (layout, options, page, width, height);
      /* The last page drawn from the board's layout is laid out for it here (painting it
       * finds it so), and the cards' memos, which only spare a relayout measuring them
       * again, are dropped before its recording grows: at 50,000 cards, 50 MB. A part of
       * the canvas is laid out again for each part. */
      if (page != TP_EXPORT_PAGE_CANVAS && !_tp_export_page_is_report (page) &&
          only_reports_from (pages, i + 1))
        {
          _tp_export_frame_layout (layout, document, options, page, NULL, width, height);
          _tp_journey_forget_cards (&layout->journey);
        }
      /* An SVG is one picture: a page cut into parts is not. An SVG has no page limit. */
      if (!pdf)
        n_parts = 1;
      shrink = pdf ? get_page_shrink (width * pt, height * pt) : 1;
      if (report != NULL)
        report->page_shrink = MIN (report->page_shrink, shrink);
      for (guint part = 0; part < n_parts && ok; part++)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              ok = FALSE;
              break;
            }
          /* A write that failed (a full disk) fails the export: the pages left are not
           * drawn for nothing. */
          if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
            break;
          if (pdf && sheet > 0)
            cairo_pdf_surface_set_size (surface,
                                        MIN (width * pt * shrink, TP_EXPORT_MAX_PAGE_PT),
                                        MIN (height * pt * shrink, TP_EXPORT_MAX_PAGE_PT));

          cr = cairo_create (surface);
          if (text != NULL)
            _tp_svg_text_attach (text, cr);
          cairo_scale (cr, pt * shrink, pt * shrink);
          if (pdf)
            tp_export_paint_page_part (cr, layout, document, options, page, part, width, height,
                                       ++sheet, n_sheets);
          else
            tp_export_paint_page (cr, layout, document, options, page, width, height, 0, 0);
          if (page == TP_EXPORT_PAGE_BOARD)
            {
              _tp_export_board_memos = g_hash_table_size (layout->journey.cards);
              _tp_export_board_report_ops = _tp_export_analysis_count_ops (layout);
            }
          if (pdf)
            cairo_show_page (cr);
          cairo_destroy (cr);
        }
    }

  cairo_surface_finish (surface);
  if (ok)
    ok = check_surface (surface, error);
  cairo_surface_destroy (surface);
  if (!ok)
    return FALSE;

  if (text != NULL)
    {
      g_autoptr(GBytes) shapes = g_byte_array_free_to_bytes (g_steal_pointer (&out));
      g_autoptr(GBytes) svg = _tp_svg_text_finish (text, shapes);

      return write_output (output, svg, error);
    }
  return TRUE;
}

static gboolean
image_fits (double width,
            double height,
            double scale)
{
  double pixel_width = ceil (width * scale), pixel_height = ceil (height * scale);

  return pixel_width <= MAX_IMAGE_SIDE && pixel_height <= MAX_IMAGE_SIDE &&
         pixel_width * pixel_height <= MAX_IMAGE_PIXELS;
}

/* The largest scale in hundredths (as one would type it) at which a page of width ×
 * height CSS pixels makes an image within the limits; 0 when none does. */
static double
get_fitting_scale (double width,
                   double height)
{
  double best = MIN (MAX_IMAGE_SIDE / MAX (width, height),
                     sqrt (MAX_IMAGE_PIXELS / (width * height)));
  gint64 hundredths = (gint64) floor (best * 100);

  /* The pixel sizes are rounded up: step down until they fit. */
  while (hundredths > 0 && !image_fits (width, height, hundredths / 100.0))
    hundredths--;
  return hundredths / 100.0;
}

/* Says why an image is refused, and what will work instead. */
static void
set_too_large (GError               **error,
               TpExportReport        *report,
               const TpExportOptions *options,
               double                 width,
               double                 height,
               double                 scale)
{
  g_autoptr(GString) message = g_string_new (NULL);
  double fitting = get_fitting_scale (width, height);
  gboolean slide_fits = image_fits (1920, 1080, scale);

  g_string_append_printf (message,
                          _("The image would be %.0f × %.0f pixels, too large to make (at most %d pixels a side and %.0f million in all)."),
                          ceil (width * scale), ceil (height * scale), MAX_IMAGE_SIDE,
                          MAX_IMAGE_PIXELS / 1e6);
  if (fitting > 0 && options->dpi > 0)
    g_string_append_printf (message, _(" At this page size, a resolution of %.0f dpi or less will work."),
                            floor (fitting * CSS_PX_PER_INCH));
  else if (fitting > 0)
    g_string_append_printf (message, _(" At this page size, a scale of %.2f or less will work."),
                            fitting);
  if (slide_fits)
    g_string_append (message, _(" So will the Slide page size."));
  else
    g_string_append (message, _(" Choose a smaller scale or page size."));

  g_set_error_literal (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_TOO_LARGE, message->str);
  if (report != NULL)
    {
      report->fitting_scale = fitting;
      report->slide_fits = slide_fits;
    }
}

static gboolean
render_png (TpLayout              *layout,
            TpDocument            *document,
            const TpExportOptions *options,
            TpExportPage           page,
            TpExportReport        *report,
            const Output          *output,
            GError               **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  double scale = get_pixel_scale (options);
  double width, height, pixel_width, pixel_height;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  tp_export_get_page_size (layout, options, page, &width, &height);
  pixel_width = ceil (width * scale);
  pixel_height = ceil (height * scale);
  if (!image_fits (width, height, scale))
    {
      set_too_large (error, report, options, width, height, scale);
      return FALSE;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) pixel_width,
                                        (int) pixel_height);
  cr = cairo_create (surface);
  /* Whole pixels: the page is scaled to the image, not the image cut from the page. */
  cairo_scale (cr, pixel_width / width, pixel_height / height);
  tp_export_paint_page (cr, layout, document, options, page, width, height, 0, 0);
  cairo_destroy (cr);

  ok = check_surface (surface, error) && tp_png_write (surface, out, NULL);
  cairo_surface_destroy (surface);
  if (!ok)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_FAILED,
                             _("The image could not be written."));
      return FALSE;
    }
  {
    g_autoptr(GBytes) png = g_byte_array_free_to_bytes (g_steal_pointer (&out));

    return write_output (output, png, error);
  }
}

GBytes *
tp_export_render (TpDocument            *document,
                  const TpExportOptions *options,
                  GCancellable          *cancellable,
                  GError               **error)
{
  return tp_export_render_full (document, options, NULL, cancellable, error);
}

/* The report pages of a PDF of every page, counted before the board is laid out: a
 * report is laid out whole to be cut into sheets, and a large one (165 MB at 50,000
 * moments of truth) is then dropped, its sheets kept, to be laid out again when painted
 * after the board's pages. Counted with the board's layout alive, it sat under the
 * board page's recording, the export's peak (issue 16). A small report is kept. */
static void
count_reports_first (TpLayout              *layout,
                     TpDocument            *document,
                     const TpExportOptions *options)
{
  static const TpExportPage reports[] = { TP_EXPORT_PAGE_ANALYSIS, TP_EXPORT_PAGE_ALIGNMENT };

  /* A fitted page's size is the report's, asked of its layout each time. */
  if (options->format != TP_EXPORT_FORMAT_PDF || options->page != TP_EXPORT_PAGE_ALL ||
      options->size == TP_PAGE_SIZE_FIT)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      double width, height;

      if (!_tp_export_analysis_remember (layout, reports[i], document))
        continue;
      tp_export_get_page_size (layout, options, reports[i], &width, &height);
      tp_export_count_parts (layout, options, reports[i], width, height);
      _tp_export_analysis_release (layout, reports[i]);
    }
}

/* Lays the document out and writes the export's bytes to output. */
static gboolean
export_render (TpDocument            *document,
               const TpExportOptions *options,
               TpExportReport        *report,
               const Output          *output,
               GCancellable          *cancellable,
               GError               **error)
{
  g_autoptr(TpLayout) layout = NULL;
  g_autoptr(GArray) pages = NULL;

  if (report != NULL)
    *report = (TpExportReport) { .page_shrink = 1 };

  layout = tp_layout_new ();
  tp_layout_set_full_text (layout, TRUE);
  /* A report page is laid out from the document by tp-export-analysis.c: the board's
   * layout, 64 MB for a journey of 50,000 cards, would only sit under it (issue 16). */
  count_reports_first (layout, document, options);
  if (!_tp_export_page_is_report (options->page))
    tp_layout_update (layout, document);
  pages = tp_export_list_pages (layout, document, options);
  if (pages->len == 0)
    {
      g_set_error (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_EMPTY,
                   _("There is nothing to export on the page “%s”."),
                   tp_export_page_to_string (options->page));
      return FALSE;
    }

  if (options->format == TP_EXPORT_FORMAT_PNG)
    return render_png (layout, document, options, g_array_index (pages, TpExportPage, 0), report,
                       output, error);
  return render_vector (layout, document, options, pages, report, output, cancellable, error);
}

GBytes *
tp_export_render_full (TpDocument            *document,
                       const TpExportOptions *options,
                       TpExportReport        *report,
                       GCancellable          *cancellable,
                       GError               **error)
{
  g_autoptr(GByteArray) out = NULL;
  Output output;

  g_return_val_if_fail (TP_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  out = g_byte_array_new ();
  output = (Output) { append_bytes, out };
  if (!export_render (document, options, report, &output, cancellable, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

gboolean
tp_export_to_file (TpDocument            *document,
                   GFile                 *file,
                   const TpExportOptions *options,
                   GCancellable          *cancellable,
                   GError               **error)
{
  return tp_export_to_file_full (document, file, options, NULL, cancellable, error);
}

typedef struct
{
  TpDocument            *document;
  const TpExportOptions *options;
  TpExportReport        *report;
  GCancellable          *cancellable;
} ExportJob;

static cairo_status_t
write_to_sink (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  return tp_atomic_sink_write (closure, data, length) ? CAIRO_STATUS_SUCCESS
                                                       : CAIRO_STATUS_WRITE_ERROR;
}

static gboolean
produce_export (TpAtomicSink  *sink,
                gpointer       user_data,
                GError       **error)
{
  ExportJob *job = user_data;
  Output output = { write_to_sink, sink };

  return export_render (job->document, job->options, job->report, &output, job->cancellable,
                        error);
}

/* The export is written to the file as it is made (tp_atomic_file_write_streamed()):
 * the whole PDF in memory, its array's room up to twice the file, sat under the pages
 * still to draw (issue 16). */
gboolean
tp_export_to_file_full (TpDocument            *document,
                        GFile                 *file,
                        const TpExportOptions *options,
                        TpExportReport        *report,
                        GCancellable          *cancellable,
                        GError               **error)
{
  ExportJob job = { document, options, report, cancellable };

  g_return_val_if_fail (TP_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (report != NULL)
    *report = (TpExportReport) { .page_shrink = 1 };
  return tp_atomic_file_write_streamed (file, TP_WRITE_EXPORT, produce_export, &job, NULL,
                                        cancellable, error);
}

typedef struct
{
  GBytes          *document;  /* serialized: the worker loads its own copy */
  GFile           *file;
  TpExportOptions  options;
  TpExportReport   report;    /* written by the worker, read once it has returned */
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_bytes_unref (data->document);
  g_object_unref (data->file);
  g_free (data);
}

static void
export_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(TpDocument) copy = NULL;
  GError *error = NULL;

  copy = tp_load_bytes (data->document, NULL, &error);
  if (copy == NULL || !tp_export_to_file_full (copy, data->file, &data->options, &data->report,
                                               cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
tp_export_to_file_async (TpDocument            *document,
                         GFile                 *file,
                         const TpExportOptions *options,
                         GCancellable          *cancellable,
                         GAsyncReadyCallback    callback,
                         gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (TP_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (options != NULL);

  data = g_new0 (ExportData, 1);
  data->document = tp_write_bytes (document);
  data->file = g_object_ref (file);
  data->options = *options;
  data->report = (TpExportReport) { .page_shrink = 1 };

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tp_export_to_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_in_thread);
}

gboolean
tp_export_to_file_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
tp_export_to_file_finish_full (GAsyncResult    *result,
                               TpExportReport  *report,
                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if (report != NULL)
    *report = ((ExportData *) g_task_get_task_data (G_TASK (result)))->report;

  return g_task_propagate_boolean (G_TASK (result), error);
}
