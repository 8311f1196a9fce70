/* tp-export-dialog.c: the Export dialog, its preview, and the toast that follows.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "render/tp-layout.h"

#include "tp-export-dialog.h"
#include "tp-file-chooser.h"
#include "tp-window-private.h"

#define CSS_PX_PER_INCH 96.0
#define MM_PER_INCH     25.4

/* Room around the preview's page for its shadow. */
#define PREVIEW_PADDING 16
/* What the DPI row offers first when the user picks a custom resolution: print quality;
 * and what it allows (the schema's range, from a sensible least). */
#define DEFAULT_DPI     300
#define MIN_DPI         24
#define MAX_DPI         1200

struct _TpExportDialog
{
  AdwWindow           parent_instance;

  /* Template widgets */
  GtkWidget          *cancel_button;
  GtkWidget          *export_button;
  GtkStack           *export_stack;
  GtkSpinner         *export_spinner;
  GtkDrawingArea     *preview;
  GtkLabel           *page_label;
  GtkLabel           *caption_label;
  GtkWidget          *options_page;
  AdwComboRow        *format_row;
  AdwComboRow        *page_row;
  AdwComboRow        *size_row;
  AdwComboRow        *scale_row;
  GtkWidget          *dpi_row;
  GtkSpinButton      *dpi_spin;
  GtkSwitch          *transparent_switch;
  GtkSwitch          *footer_switch;
  GtkSwitch          *legend_switch;

  TpWindow           *window;       /* weak: the dialog dies with it */
  TpDocument         *document;
  /* Laid out here rather than borrowed from the board: the same layout as the export
   * makes in its worker, so the preview is what the file will show. */
  TpLayout           *layout;
  /* NULL when the schema is not installed: then nothing is remembered. */
  GSettings          *settings;

  /* The user's choices. options.page may be "all pages" while the format makes one
   * picture: the page row then shows the board, and PDF brings "all pages" back. */
  TpExportOptions     options;
  guint               custom_dpi;   /* the DPI row's value, kept while it is hidden */

  /* The pages the export makes now, and how many sheets they take. */
  GArray             *pages;
  guint               n_sheets;
  /* Whether page_row's model offers "all pages" (PDF). */
  gboolean            page_model_has_all;

  /* The first sheet as it will come out, at the preview's size. */
  cairo_surface_t    *preview_cache;
  int                 cache_width;
  int                 cache_height;
  int                 cache_scale;

  GCancellable       *cancellable;  /* the chooser, then the export */

  guint               syncing : 1;  /* rows are being set from options: not the user */
  guint               busy : 1;
  guint               closed : 1;
};

G_DEFINE_FINAL_TYPE (TpExportDialog, tp_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_WINDOW,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  const char *name;         /* in GSettings */
  const char *extension;
  const char *mime_type;
  const char *filter_name;
} FormatInfo;

/* Indexed by TpExportFormat, in the order of the format row (tp-export-dialog.ui). */
static const FormatInfo formats[] = {
  [TP_EXPORT_FORMAT_PDF] = { "pdf", ".pdf", "application/pdf", N_("PDF Documents") },
  [TP_EXPORT_FORMAT_PNG] = { "png", ".png", "image/png", N_("PNG Images") },
  [TP_EXPORT_FORMAT_SVG] = { "svg", ".svg", "image/svg+xml", N_("SVG Images") },
};

/* The page size row's items, in order. */
static const TpPageSize size_values[] = {
  TP_PAGE_SIZE_SLIDE, TP_PAGE_SIZE_A4, TP_PAGE_SIZE_A3, TP_PAGE_SIZE_LETTER, TP_PAGE_SIZE_FIT,
};

/* The page row's items; without the first and the last (the story, a deck) unless the
 * format is PDF. */
static const TpExportPage page_values[] = {
  TP_EXPORT_PAGE_ALL, TP_EXPORT_PAGE_CANVAS, TP_EXPORT_PAGE_JOURNEY,
  TP_EXPORT_PAGE_VALUE_CHAIN, TP_EXPORT_PAGE_BOARD, TP_EXPORT_PAGE_ALIGNMENT,
  TP_EXPORT_PAGE_ANALYSIS, TP_EXPORT_PAGE_STORY,
};

/* The resolution row: 1×, 2×, 3×, then a DPI of the user's. */
#define N_SCALES     3
#define CUSTOM_SCALE N_SCALES

static const char * const setting_keys[] = {
  "export-format", "export-page", "export-size", "export-scale", "export-dpi",
  "export-transparent", "export-footer", "export-legend", "last-export-folder",
};

static const char *
get_page_label (TpExportPage page)
{
  switch (page)
    {
    case TP_EXPORT_PAGE_ALL:
      return _("All Pages");
    case TP_EXPORT_PAGE_BOARD:
      return _("Whole Board with Links");
    case TP_EXPORT_PAGE_ALIGNMENT:
      return _("Alignment Matrix and Gaps");
    case TP_EXPORT_PAGE_STORY:
      return _("Workshop Story, a Slide per Step");
    case TP_EXPORT_PAGE_CANVAS:
    case TP_EXPORT_PAGE_JOURNEY:
    case TP_EXPORT_PAGE_VALUE_CHAIN:
    default:
      return tp_export_page_get_label (page);
    }
}

/* What the export makes of the user's choices. */
static void
get_effective_options (TpExportDialog  *self,
                       TpExportOptions *options)
{
  *options = self->options;
  if (options->format != TP_EXPORT_FORMAT_PDF &&
      (options->page == TP_EXPORT_PAGE_ALL || options->page == TP_EXPORT_PAGE_STORY))
    options->page = TP_EXPORT_PAGE_BOARD;
  if (options->format != TP_EXPORT_FORMAT_PNG)
    {
      options->scale = 1;
      options->dpi = 0;
    }
}

/* Settings */

static GSettings *
dup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Running from the build tree without GSETTINGS_SCHEMA_DIR, or with an older schema
   * installed: g_settings_new() would abort the app, where forgetting the last export's
   * choices is no loss. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("No settings schema %s: export choices are not remembered", APPLICATION_ID);
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (setting_keys); i++)
    if (!g_settings_schema_has_key (schema, setting_keys[i]))
      {
        g_debug ("The settings schema has no key %s: export choices are not remembered",
                 setting_keys[i]);
        return NULL;
      }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
load_settings (TpExportDialog *self)
{
  g_autofree char *format = NULL;
  g_autofree char *page = NULL;
  g_autofree char *size = NULL;
  int dpi;

  tp_export_options_init (&self->options);
  self->custom_dpi = DEFAULT_DPI;

  if (self->settings == NULL)
    return;

  format = g_settings_get_string (self->settings, "export-format");
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (format, formats[i].name))
      self->options.format = i;

  page = g_settings_get_string (self->settings, "export-page");
  tp_export_page_from_string (page, &self->options.page);
  size = g_settings_get_string (self->settings, "export-size");
  tp_page_size_from_string (size, &self->options.size);

  /* The row offers whole scales only. */
  self->options.scale = CLAMP (round (g_settings_get_double (self->settings, "export-scale")),
                               1, N_SCALES);
  dpi = g_settings_get_int (self->settings, "export-dpi");
  if (dpi > 0)
    dpi = CLAMP (dpi, MIN_DPI, MAX_DPI);
  self->options.dpi = dpi > 0 ? dpi : 0;
  if (dpi > 0)
    self->custom_dpi = dpi;

  self->options.transparent = g_settings_get_boolean (self->settings, "export-transparent");
  self->options.footer = g_settings_get_boolean (self->settings, "export-footer");
  self->options.legend = g_settings_get_boolean (self->settings, "export-legend");
}

static void
store_settings (TpExportDialog *self)
{
  GSettings *settings = self->settings;

  if (settings == NULL)
    return;

  g_settings_set_string (settings, "export-format", formats[self->options.format].name);
  g_settings_set_string (settings, "export-page", tp_export_page_to_string (self->options.page));
  g_settings_set_string (settings, "export-size", tp_page_size_to_string (self->options.size));
  g_settings_set_double (settings, "export-scale", self->options.scale);
  g_settings_set_int (settings, "export-dpi", (int) self->options.dpi);
  g_settings_set_boolean (settings, "export-transparent", self->options.transparent);
  g_settings_set_boolean (settings, "export-footer", self->options.footer);
  g_settings_set_boolean (settings, "export-legend", self->options.legend);
}

/* Preview */

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
static void
update_preview (TpExportDialog *self)
{
  TpExportOptions options;
  g_autofree char *caption = NULL;
  double width, height;

  get_effective_options (self, &options);

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
      gtk_label_set_label (self->page_label, get_page_label (first));
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

  get_effective_options (self, &options);
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

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
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

static void
draw_preview (GtkDrawingArea *area,
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

  get_effective_options (self, &options);
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
      rounded_rectangle (cr, x - i / 2.0, y - i / 2.0 + 1, sheet_width + i, sheet_height + i,
                         2 + i);
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

/* Rows */

static void
set_page_model (TpExportDialog *self)
{
  gboolean with_all = self->options.format == TP_EXPORT_FORMAT_PDF;
  g_autoptr(GtkStringList) model = NULL;

  if (adw_combo_row_get_model (self->page_row) != NULL && self->page_model_has_all == with_all)
    return;

  model = gtk_string_list_new (NULL);
  for (guint i = with_all ? 0 : 1; i < G_N_ELEMENTS (page_values) - (with_all ? 0 : 1); i++)
    gtk_string_list_append (model, get_page_label (page_values[i]));

  self->page_model_has_all = with_all;
  adw_combo_row_set_model (self->page_row, G_LIST_MODEL (model));
}

/* Shows the choices in the rows, and only the rows that apply to the format. */
static void
sync_rows (TpExportDialog *self)
{
  TpExportOptions options;
  gboolean png = self->options.format == TP_EXPORT_FORMAT_PNG;
  gboolean custom = self->options.dpi > 0;

  get_effective_options (self, &options);

  self->syncing = TRUE;

  adw_combo_row_set_selected (self->format_row, self->options.format);

  set_page_model (self);
  for (guint i = 0; i < G_N_ELEMENTS (page_values); i++)
    if (page_values[i] == options.page)
      adw_combo_row_set_selected (self->page_row, self->page_model_has_all ? i : i - 1);

  for (guint i = 0; i < G_N_ELEMENTS (size_values); i++)
    if (size_values[i] == self->options.size)
      adw_combo_row_set_selected (self->size_row, i);

  adw_combo_row_set_selected (self->scale_row,
                              custom ? CUSTOM_SCALE : (guint) self->options.scale - 1);
  gtk_spin_button_set_value (self->dpi_spin, self->custom_dpi);

  gtk_switch_set_active (self->transparent_switch, self->options.transparent);
  gtk_switch_set_active (self->footer_switch, self->options.footer);
  gtk_switch_set_active (self->legend_switch, self->options.legend);

  gtk_widget_set_visible (GTK_WIDGET (self->scale_row), png);
  gtk_widget_set_visible (self->dpi_row, png && custom);

  self->syncing = FALSE;
}

static void
options_changed (TpExportDialog *self)
{
  sync_rows (self);
  store_settings (self);
  update_preview (self);
}

static void
on_format_selected (TpExportDialog *self,
                    GParamSpec     *pspec,
                    AdwComboRow    *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->syncing || selected >= G_N_ELEMENTS (formats))
    return;

  self->options.format = selected;
  options_changed (self);
}

static void
on_page_selected (TpExportDialog *self,
                  GParamSpec     *pspec,
                  AdwComboRow    *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->syncing)
    return;

  if (!self->page_model_has_all)
    selected++;
  if (selected >= G_N_ELEMENTS (page_values))
    return;

  self->options.page = page_values[selected];
  options_changed (self);
}

static void
on_size_selected (TpExportDialog *self,
                  GParamSpec     *pspec,
                  AdwComboRow    *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->syncing || selected >= G_N_ELEMENTS (size_values))
    return;

  self->options.size = size_values[selected];
  options_changed (self);
}

static void
on_scale_selected (TpExportDialog *self,
                   GParamSpec     *pspec,
                   AdwComboRow    *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->syncing || selected > CUSTOM_SCALE)
    return;

  if (selected == CUSTOM_SCALE)
    {
      self->options.dpi = self->custom_dpi;
    }
  else
    {
      self->options.scale = selected + 1;
      self->options.dpi = 0;
    }
  options_changed (self);
}

static void
on_dpi_changed (TpExportDialog *self,
                GtkSpinButton  *spin)
{
  if (self->syncing)
    return;

  self->custom_dpi = gtk_spin_button_get_value_as_int (spin);
  if (self->options.dpi > 0)
    {
      self->options.dpi = self->custom_dpi;
      options_changed (self);
    }
}

static void
on_transparent_changed (TpExportDialog *self,
                        GParamSpec     *pspec,
                        GtkSwitch      *widget)
{
  if (self->syncing)
    return;

  self->options.transparent = gtk_switch_get_active (widget);
  options_changed (self);
}

static void
on_footer_changed (TpExportDialog *self,
                   GParamSpec     *pspec,
                   GtkSwitch      *widget)
{
  if (self->syncing)
    return;

  self->options.footer = gtk_switch_get_active (widget);
  options_changed (self);
}

static void
on_legend_changed (TpExportDialog *self,
                   GParamSpec     *pspec,
                   GtkSwitch      *widget)
{
  if (self->syncing)
    return;

  self->options.legend = gtk_switch_get_active (widget);
  options_changed (self);
}

/* After the export: the toast and what its buttons do */

static void
on_launched (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autofree char *uri = user_data;
  g_autoptr(GError) error = NULL;

  /* Nothing on this system opens the file: the toast is gone, and the file is there to
   * find; say why in the log. */
  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    g_message ("Could not open %s: %s", uri, error->message);
}

static void
launch_uri (const char *uri)
{
  g_autoptr(GdkAppLaunchContext) context = NULL;

  context = gdk_display_get_app_launch_context (gdk_display_get_default ());
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           on_launched, g_strdup (uri));
}

static void
open_folder_of (GFile *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *uri = NULL;

  if (folder == NULL)
    return;

  uri = g_file_get_uri (folder);
  launch_uri (uri);
}

static void
on_show_items (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GFile) file = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    {
      g_debug ("No file manager shows items: %s", error->message);
      open_folder_of (file);
    }
}

static void
on_session_bus (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GFile) file = user_data;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autofree char *uri = NULL;
  const char *uris[2] = { NULL, NULL };

  if (!(bus = g_bus_get_finish (result, NULL)))
    {
      open_folder_of (file);
      return;
    }

  /* The file manager opens the folder with the file selected (the interface Nautilus,
   * Dolphin, Nemo and others implement); without one, the folder opens as it is. */
  uri = g_file_get_uri (file);
  uris[0] = uri;
  g_dbus_connection_call (bus,
                          "org.freedesktop.FileManager1",
                          "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1",
                          "ShowItems",
                          g_variant_new ("(^ass)", uris, ""),
                          NULL,
                          G_DBUS_CALL_FLAGS_NONE,
                          -1,
                          NULL,
                          on_show_items,
                          g_steal_pointer (&file));
}

static void
on_toast_open (AdwToast *toast)
{
  GFile *file = g_object_get_data (G_OBJECT (toast), "tp-file");
  g_autofree char *uri = g_file_get_uri (file);

  launch_uri (uri);
}

static void
on_toast_show_in_folder (AdwToast *toast)
{
  GFile *file = g_object_get_data (G_OBJECT (toast), "tp-file");

  g_bus_get (G_BUS_TYPE_SESSION, NULL, on_session_bus, g_object_ref (file));
  adw_toast_dismiss (toast);
}

static void
show_exported_toast (TpWindow *window,
                     GFile    *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *title = NULL;
  AdwToast *toast;
  GtkWidget *box, *label, *button;

  title = g_strdup_printf (_("Exported “%s”"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Open"));
  g_object_set_data_full (G_OBJECT (toast), "tp-file", g_object_ref (file), g_object_unref);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_toast_open), NULL);

  /* A toast has one button of its own: the second goes beside the title. */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = g_object_new (GTK_TYPE_LABEL,
                        "label", title,
                        "ellipsize", PANGO_ELLIPSIZE_MIDDLE,
                        "hexpand", TRUE,
                        "xalign", 0.0f,
                        NULL);
  gtk_widget_add_css_class (label, "heading");
  button = gtk_button_new_with_mnemonic (_("Show in _Folder"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_toast_show_in_folder), toast);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), button);
  adw_toast_set_custom_title (toast, box);

  _tp_window_add_toast (window, toast);
}

/* Exporting */

static void
set_busy (TpExportDialog *self,
          gboolean        busy)
{
  if (self->busy == !!busy)
    return;

  self->busy = !!busy;

  gtk_stack_set_visible_child_name (self->export_stack, busy ? "busy" : "idle");
  gtk_spinner_set_spinning (self->export_spinner, busy);
  gtk_widget_set_sensitive (self->options_page, !busy);
  gtk_widget_set_sensitive (self->export_button,
                            !busy && self->pages != NULL && self->pages->len > 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_error (TpExportDialog *self,
            const GError   *error)
{
  GtkWidget *dialog;

  /* The message says what went wrong and what to do; the dialog stays open, so that
   * the user can pick another folder or a smaller image. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_OK"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  TpExportDialog *self;
  GFile          *file;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportData, export_data_free)

static void
on_exported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ExportData) data = user_data;
  TpExportDialog *self = data->self;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = tp_export_to_file_finish (result, &error);

  if (ok)
    {
      g_autoptr(GFile) folder = g_file_get_parent (data->file);

      if (folder != NULL && self->settings != NULL)
        {
          g_autofree char *uri = g_file_get_uri (folder);

          g_settings_set_string (self->settings, "last-export-folder", uri);
        }

      /* Even when the dialog was closed meanwhile, the file is there: say so. */
      if (self->window != NULL)
        show_exported_toast (self->window, data->file);
    }

  if (self->closed)
    return;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (ok)
    gtk_window_destroy (GTK_WINDOW (self));
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, error);
}

void
tp_export_dialog_export_to (TpExportDialog *self,
                            GFile          *file)
{
  TpExportOptions options;
  ExportData *data;

  g_return_if_fail (TP_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!self->busy);
  g_return_if_fail (!self->closed);

  get_effective_options (self, &options);

  data = g_new0 (ExportData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);

  tp_export_to_file_async (self->document, file, &options, self->cancellable, on_exported, data);
}

static void
on_target_chosen (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TpExportDialog) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = tp_file_chooser_export_finish (result, &error);

  if (self->closed)
    return;

  g_clear_object (&self->cancellable);

  if (file != NULL)
    tp_export_dialog_export_to (self, file);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_error (self, error);
}

static GFile *
dup_folder (TpExportDialog *self)
{
  GFile *file = self->window != NULL ? tp_window_get_file (self->window) : NULL;
  const char *documents;

  if (self->settings != NULL)
    {
      g_autofree char *uri = g_settings_get_string (self->settings, "last-export-folder");

      if (uri[0] != '\0')
        {
          g_autoptr(GFile) folder = g_file_new_for_uri (uri);

          /* A folder since removed (or a drive since unplugged) is not offered. */
          if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
            return g_steal_pointer (&folder);
        }
    }

  if (file != NULL)
    return g_file_get_parent (file);

  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);

  return NULL;
}

/* "online-electronics-shop.pdf", "Acme – Customer Journey.png". */
static char *
dup_suggested_name (TpExportDialog *self)
{
  GFile *file = self->window != NULL ? tp_window_get_file (self->window) : NULL;
  TpExportOptions options;
  g_autofree char *stem = NULL;

  get_effective_options (self, &options);

  if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);

      stem = g_filename_display_name (basename);
      if (g_str_has_suffix (stem, TP_DOCUMENT_SUFFIX))
        stem[strlen (stem) - strlen (TP_DOCUMENT_SUFFIX)] = '\0';
    }
  else
    {
      stem = tp_document_dup_display_name (self->document);
      g_strdelimit (stem, "/\\", '-');
      g_strstrip (stem);
    }

  if (stem[0] == '\0')
    {
      g_free (stem);
      stem = g_strdup (_("Workshop"));
    }

  /* One region alone is told apart from the deck, so exporting the regions one after the
   * other does not suggest overwriting the last. */
  if (options.page != TP_EXPORT_PAGE_ALL && options.page != TP_EXPORT_PAGE_BOARD)
    {
      /* Translators: a file name: the workshop's, then what the page shows. */
      return g_strdup_printf (_("%s – %s%s"), stem, get_page_label (options.page),
                              formats[options.format].extension);
    }

  return g_strconcat (stem, formats[options.format].extension, NULL);
}

static void
on_export_clicked (TpExportDialog *self)
{
  const FormatInfo *format = &formats[self->options.format];
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *pattern = NULL;

  if (self->busy || self->cancellable != NULL || self->pages == NULL || self->pages->len == 0)
    return;

  folder = dup_folder (self);
  name = dup_suggested_name (self);
  pattern = g_strconcat ("*", format->extension, NULL);

  self->cancellable = g_cancellable_new ();
  tp_file_chooser_export_async (GTK_WINDOW (self), folder, name,
                                _(format->filter_name), format->mime_type, pattern,
                                self->cancellable, on_target_chosen, g_object_ref (self));
}

static void
on_cancel_clicked (TpExportDialog *self)
{
  /* While exporting, Cancel stops the export and leaves the choices to change. */
  if (self->busy)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* GObject */

static gboolean
tp_export_dialog_close_request (GtkWindow *window)
{
  TpExportDialog *self = TP_EXPORT_DIALOG (window);

  /* Closing the dialog gives up the export; the file stays as it was. */
  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (tp_export_dialog_parent_class)->close_request (window);
}

static void
tp_export_dialog_constructed (GObject *object)
{
  TpExportDialog *self = TP_EXPORT_DIALOG (object);

  G_OBJECT_CLASS (tp_export_dialog_parent_class)->constructed (object);

  g_assert (self->window != NULL);
  self->document = g_object_ref (tp_window_get_document (self->window));
  gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (self->window));

  tp_layout_update (self->layout, self->document);

  load_settings (self);
  sync_rows (self);
  update_preview (self);

  /* Enter exports, rather than cancelling from the first button. */
  gtk_window_set_focus (GTK_WINDOW (self), self->export_button);
}

static void
tp_export_dialog_dispose (GObject *object)
{
  TpExportDialog *self = TP_EXPORT_DIALOG (object);

  self->closed = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), TP_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (tp_export_dialog_parent_class)->dispose (object);
}

static void
tp_export_dialog_finalize (GObject *object)
{
  TpExportDialog *self = TP_EXPORT_DIALOG (object);

  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->layout, tp_layout_free);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_pointer (&self->preview_cache, cairo_surface_destroy);

  G_OBJECT_CLASS (tp_export_dialog_parent_class)->finalize (object);
}

static void
tp_export_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TpExportDialog *self = TP_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WINDOW:
      g_value_set_object (value, self->window);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_export_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TpExportDialog *self = TP_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WINDOW:
      g_set_weak_pointer (&self->window, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_export_dialog_class_init (TpExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = tp_export_dialog_constructed;
  object_class->dispose = tp_export_dialog_dispose;
  object_class->finalize = tp_export_dialog_finalize;
  object_class->get_property = tp_export_dialog_get_property;
  object_class->set_property = tp_export_dialog_set_property;

  window_class->close_request = tp_export_dialog_close_request;

  /**
   * TpExportDialog:window:
   *
   * The window whose document is exported, and where the toast shows.
   */
  properties[PROP_WINDOW] =
    g_param_spec_object ("window", NULL, NULL,
                         TP_TYPE_WINDOW,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * TpExportDialog:busy:
   *
   * Whether an export is running.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/tp-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TpExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TpExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, TpExportDialog, export_stack);
  gtk_widget_class_bind_template_child (widget_class, TpExportDialog, export_spinner);
  gtk_widget_class_bind_template_child (widget_class, TpExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, TpExportDialog, page_label);
  gtk_widget_class_bind_template_child (widget_class, TpExportDialog, caption_label);
  gtk_widget_class_bind_template_child (widget_class, TpExportDialog, options_page);
  gtk_widget_class_bind_template_child (widget_class, TpExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, TpExportDialog, page_row);
  gtk_widget_class_bind_template_child (widget_class, TpExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, TpExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, TpExportDialog, dpi_row);
  gtk_widget_class_bind_template_child (widget_class, TpExportDialog, dpi_spin);
  gtk_widget_class_bind_template_child (widget_class, TpExportDialog, transparent_switch);
  gtk_widget_class_bind_template_child (widget_class, TpExportDialog, footer_switch);
  gtk_widget_class_bind_template_child (widget_class, TpExportDialog, legend_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_format_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_page_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_size_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_scale_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_dpi_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_transparent_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_footer_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_legend_changed);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tp_export_dialog_init (TpExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->layout = tp_layout_new ();
  tp_layout_set_full_text (self->layout, TRUE);
  self->settings = dup_settings ();

  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
}

/* Public API */

TpExportDialog *
tp_export_dialog_new (TpWindow *window)
{
  g_return_val_if_fail (TP_IS_WINDOW (window), NULL);
  g_return_val_if_fail (tp_window_get_document (window) != NULL, NULL);

  return g_object_new (TP_TYPE_EXPORT_DIALOG,
                       "window", window,
                       NULL);
}

void
tp_export_dialog_get_options (TpExportDialog  *self,
                              TpExportOptions *options)
{
  g_return_if_fail (TP_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  get_effective_options (self, options);
}

void
tp_export_dialog_set_options (TpExportDialog        *self,
                              const TpExportOptions *options)
{
  g_return_if_fail (TP_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);
  g_return_if_fail (options->format < G_N_ELEMENTS (formats));
  g_return_if_fail (options->page < G_N_ELEMENTS (page_values));
  g_return_if_fail (options->size < G_N_ELEMENTS (size_values));

  self->options = *options;
  self->options.scale = CLAMP (round (options->scale), 1, N_SCALES);
  self->options.dpi = options->dpi > 0 ? CLAMP (round (options->dpi), MIN_DPI, MAX_DPI) : 0;
  if (self->options.dpi > 0)
    self->custom_dpi = self->options.dpi;
  options_changed (self);
}

gboolean
tp_export_dialog_get_busy (TpExportDialog *self)
{
  g_return_val_if_fail (TP_IS_EXPORT_DIALOG (self), FALSE);

  return self->busy;
}
