/* tp-export-dialog-preview.c: the Export dialog's preview: the first sheet as the
 * export will make it, and a caption that says how many pages and how large.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "render/tp-painter.h"
#include "tp-export-dialog-private.h"

#define CSS_PX_PER_INCH 96.0
#define MM_PER_INCH     25.4

/* Room around the preview's page for its shadow. */
#define PREVIEW_PADDING 16

static void
invalidate_preview (TpExportDialog *self)
{
  g_clear_pointer (&self->preview_cache, cairo_surface_destroy);
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

/* "6 pages · 508.0 × 285.8 mm", "3840 × 2160 px". */
static char *
format_caption (TpExportDialog        *self,
                const TpExportOptions *options,
                double                 width,
                double                 height)
{
  g_autofree char *size = NULL;

  switch (options->format)
    {
    case TP_EXPORT_FORMAT_PNG:
      {
        double scale = options->dpi > 0 ? options->dpi / CSS_PX_PER_INCH : options->scale;

        /* Translators: an image's size in pixels. */
        return g_strdup_printf (_("%.0f × %.0f px"), ceil (width * scale), ceil (height * scale));
      }

    case TP_EXPORT_FORMAT_SVG:
      /* Translators: an image's size in pixels. */
      return g_strdup_printf (_("%.0f × %.0f px"), ceil (width), ceil (height));

    case TP_EXPORT_FORMAT_PDF:
    default:
      /* The size the PDF's pages have, in points, as a reader shows it. */
      /* Translators: a page's size in millimetres. */
      size = g_strdup_printf (_("%.1f × %.1f mm"),
                              width * tp_export_get_points_per_pixel (options) / 72 * MM_PER_INCH,
                              height * tp_export_get_points_per_pixel (options) / 72 * MM_PER_INCH);
      /* Translators: the number of pages of a PDF, then the size of its first page. */
      return g_strdup_printf (ngettext ("%u page · %s", "%u pages · %s", self->n_sheets),
                              self->n_sheets, size);
    }
}

/* Recounts the pages and their sheets, and says what the export makes. */
void
_tp_export_dialog_update_preview (TpExportDialog *self)
{
  TpExportOptions options;
  g_autofree char *caption = NULL;
  double width, height;

  _tp_export_dialog_get_effective_options (self, &options);

  g_clear_pointer (&self->pages, g_array_unref);
  self->pages = tp_export_list_pages (self->layout, self->document, &options);
  self->n_sheets = 0;

  for (guint i = 0; i < self->pages->len; i++)
    {
      TpExportPage page = g_array_index (self->pages, TpExportPage, i);

      tp_export_get_page_size (self->layout, &options, page, &width, &height);
      /* A PNG or SVG is one picture of the page, however long it is. */
      if (options.format == TP_EXPORT_FORMAT_PDF)
        self->n_sheets += tp_export_count_parts (self->layout, &options, page, width, height);
      else
        self->n_sheets += 1;
    }

  if (self->pages->len > 0)
    {
      TpExportPage first = g_array_index (self->pages, TpExportPage, 0);

      tp_export_get_page_size (self->layout, &options, first, &width, &height);
      caption = format_caption (self, &options, width, height);
      gtk_label_set_label (self->page_label, _tp_export_dialog_get_page_label (first));
      gtk_label_set_label (self->caption_label, caption);
    }
  else
    {
      gtk_label_set_label (self->page_label, _("Nothing to Export"));
      gtk_label_set_label (self->caption_label, _("This part of the board is empty"));
    }

  gtk_widget_set_sensitive (self->export_button, !self->busy && self->pages->len > 0);
  invalidate_preview (self);
}

/* The first sheet, whole, in a width × height (device pixels) surface. */
static cairo_surface_t *
paint_first_sheet (TpExportDialog *self,
                   int             width,
                   int             height,
                   int             scale_factor)
{
  TpExportOptions options;
  TpExportPage page = g_array_index (self->pages, TpExportPage, 0);
  cairo_surface_t *surface;
  double page_width, page_height;
  cairo_t *cr;

  _tp_export_dialog_get_effective_options (self, &options);
  tp_export_get_page_size (self->layout, &options, page, &page_width, &page_height);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width * scale_factor,
                                        height * scale_factor);
  cairo_surface_set_device_scale (surface, scale_factor, scale_factor);
  cr = cairo_create (surface);
  cairo_scale (cr, width / page_width, height / page_height);
  if (options.format == TP_EXPORT_FORMAT_PDF)
    tp_export_paint_page_part (cr, self->layout, self->document, &options, page, 0,
                               page_width, page_height, 1, self->n_sheets);
  else
    tp_export_paint_page (cr, self->layout, self->document, &options, page,
                          page_width, page_height, 0, 0);
  cairo_destroy (cr);

  return surface;
}

/* A transparent page shows as the usual grey and white squares. */
static void
paint_checkerboard (cairo_t *cr,
                    int      width,
                    int      height)
{
  const int square = 8;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
  for (int y = 0; y < height; y += square)
    for (int x = (y / square) % 2 == 0 ? 0 : square; x < width; x += 2 * square)
      cairo_rectangle (cr, x, y, MIN (square, width - x), MIN (square, height - y));
  cairo_fill (cr);
}

void
_tp_export_dialog_draw_preview (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  TpExportDialog *self = user_data;
  TpExportOptions options;
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (area));
  double page_width, page_height, fit;
  int sheet_width, sheet_height, x, y;

  if (self->pages == NULL || self->pages->len == 0)
    return;

  _tp_export_dialog_get_effective_options (self, &options);
  tp_export_get_page_size (self->layout, &options, g_array_index (self->pages, TpExportPage, 0),
                           &page_width, &page_height);
  if (page_width <= 0 || page_height <= 0)
    return;

  /* The page at its aspect ratio, as large as the area allows. */
  fit = MIN ((width - 2.0 * PREVIEW_PADDING) / page_width,
             (height - 2.0 * PREVIEW_PADDING) / page_height);
  sheet_width = (int) floor (page_width * fit);
  sheet_height = (int) floor (page_height * fit);
  if (sheet_width < 1 || sheet_height < 1)
    return;
  x = (width - sheet_width) / 2;
  y = (height - sheet_height) / 2;

  if (self->preview_cache == NULL || self->cache_width != sheet_width ||
      self->cache_height != sheet_height || self->cache_scale != scale_factor)
    {
      g_clear_pointer (&self->preview_cache, cairo_surface_destroy);
      self->preview_cache = paint_first_sheet (self, sheet_width, sheet_height, scale_factor);
      self->cache_width = sheet_width;
      self->cache_height = sheet_height;
      self->cache_scale = scale_factor;
    }

  /* A soft shadow, as a sheet of paper lying on the dialog. */
  for (int i = 1; i <= 4; i++)
    {
      tp_paint_rounded_rect (cr, &(TpRect) { x - i / 2.0, y - i / 2.0 + 1, sheet_width + i,
                                             sheet_height + i }, 2 + i);
      cairo_set_source_rgba (cr, 0, 0, 0, 0.035);
      cairo_fill (cr);
    }

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rectangle (cr, 0, 0, sheet_width, sheet_height);
  cairo_clip (cr);
  if (options.transparent)
    paint_checkerboard (cr, sheet_width, sheet_height);
  cairo_set_source_surface (cr, self->preview_cache, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);

  cairo_rectangle (cr, x + 0.5, y + 0.5, sheet_width - 1, sheet_height - 1);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.12);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}
