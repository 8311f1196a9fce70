/* tp-export-dialog.c: the Export dialog: its rows, and the export it starts.
 *
 * The choices, the preview and the toast are in tp-export-dialog-options.c,
 * tp-export-dialog-preview.c and tp-export-dialog-toast.c.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "tp-export-dialog-private.h"
#include "tp-file-chooser.h"
#include "tp-window-private.h"

G_DEFINE_FINAL_TYPE (TpExportDialog, tp_export_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_WINDOW,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
    gtk_string_list_append (model, _tp_export_dialog_get_page_label (page_values[i]));

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

  _tp_export_dialog_get_effective_options (self, &options);

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
  _tp_export_dialog_store_settings (self);
  _tp_export_dialog_update_preview (self);
}

static void
on_format_selected (TpExportDialog *self,
                    GParamSpec     *pspec,
                    AdwComboRow    *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->syncing || selected >= N_FORMATS)
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
  TpExportReport report;
  gboolean ok;

  ok = tp_export_to_file_finish_full (result, &report, &error);

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
        _tp_export_dialog_show_toast (self->window, data->file, &report);
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

  _tp_export_dialog_get_effective_options (self, &options);

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

  _tp_export_dialog_get_effective_options (self, &options);

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
      return g_strdup_printf (_("%s – %s%s"), stem, _tp_export_dialog_get_page_label (options.page),
                              _tp_export_dialog_get_format_info (options.format)->extension);
    }

  return g_strconcat (stem, _tp_export_dialog_get_format_info (options.format)->extension, NULL);
}

static void
on_export_clicked (TpExportDialog *self)
{
  const TpExportFormatInfo *format = _tp_export_dialog_get_format_info (self->options.format);
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

  _tp_export_dialog_load_settings (self);
  sync_rows (self);
  _tp_export_dialog_update_preview (self);

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
  self->settings = _tp_export_dialog_dup_settings ();

  gtk_drawing_area_set_draw_func (self->preview, _tp_export_dialog_draw_preview, self, NULL);
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

  _tp_export_dialog_get_effective_options (self, options);
}

void
tp_export_dialog_set_options (TpExportDialog        *self,
                              const TpExportOptions *options)
{
  g_return_if_fail (TP_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);
  g_return_if_fail (options->format < N_FORMATS);
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
