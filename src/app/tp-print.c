/* tp-print.c: printing a workshop, one export page per sheet.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "io/tp-loader.h"
#include "io/tp-writer.h"

#include "tp-print.h"

/* Sheets are measured in points (GTK_UNIT_POINTS); the export paints in CSS pixels, so
 * a sheet prints exactly like the same page of an A4 PDF export: line widths, the
 * footer's size and the margins all scale alike. */
#define PT_PER_CSS_PX 0.75

/* The Touchpoint tab's choices, kept in the print settings with the rest. */
#define SETTING_PAGE   "touchpoint-page"
#define SETTING_FOOTER "touchpoint-footer"

struct _TpPrintOperation
{
  GtkPrintOperation  parent_instance;

  /* A copy of the document, laid out once: what prints is what there was when printing
   * was asked for. */
  TpDocument        *document;
  TpLayout          *layout;
  TpExportPage       page;
  gboolean           footer;
  GArray            *sheets;    /* (element-type Sheet) what begin-print chose */

  /* The Touchpoint tab, while the dialog shows it. */
  GtkDropDown       *page_choice;
  GtkCheckButton    *footer_check;
  GArray            *choices;   /* (element-type TpExportPage) the drop-down's, in order */

  GtkWindow         *parent;    /* weak: where failures are shown */
  GError            *error;     /* ours, when begin-print found nothing to print */
  gboolean           done;
};

/* A sheet: a page, or a part of one (a long journey on a small sheet is cut between
 * stages, tp_export_count_parts()). */
typedef struct
{
  TpExportPage page;
  guint        part;
} Sheet;

G_DEFINE_FINAL_TYPE (TpPrintOperation, tp_print_operation, GTK_TYPE_PRINT_OPERATION)

/* The last settings and page setup used in this session, offered to the next print. */
static GtkPrintSettings *session_settings;
static GtkPageSetup *session_page_setup;

static void
show_error (GtkWindow    *parent,
            const GError *error)
{
  GtkWidget *dialog;

  /* A failure stays on screen until dismissed, like a failed save. */
  dialog = adw_message_dialog_new (parent, _("Could Not Print"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_OK"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The export's options for print: the pages of a PDF, on paper. */
static void
get_options (TpPrintOperation *self,
             TpExportPage      page,
             TpExportOptions  *options)
{
  tp_export_options_init (options);
  options->format = TP_EXPORT_FORMAT_PDF;
  options->page = page;
  /* A paper size (not "fit"), so that a long journey is cut into legible parts; which
   * one does not matter, the sheet's printable area is measured instead. */
  options->size = TP_PAGE_SIZE_A4;
  options->footer = self->footer;
  /* Paper is the background: a tinted rectangle inside the printer's margins would
   * only spend ink and show those margins as a white frame. */
  options->transparent = TRUE;
}

static GArray *
list_pages (TpPrintOperation *self,
            TpExportPage      page)
{
  TpExportOptions options;

  get_options (self, page, &options);
  return tp_export_list_pages (self->layout, self->document, &options);
}

/* The dialog */

static GtkWidget *
tp_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  TpPrintOperation *self = TP_PRINT_OPERATION (operation);
  g_autoptr(GArray) pages = list_pages (self, TP_EXPORT_PAGE_ALL);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *grid, *label, *choice, *check;
  TpExportPage all = TP_EXPORT_PAGE_ALL;
  guint selected = 0;

  /* Every page, then each page there is: a region without content has no page. */
  g_clear_pointer (&self->choices, g_array_unref);
  self->choices = g_array_new (FALSE, FALSE, sizeof (TpExportPage));
  g_array_append_val (self->choices, all);
  g_array_append_vals (self->choices, pages->data, pages->len);
  for (guint i = 0; i < self->choices->len; i++)
    {
      TpExportPage page = g_array_index (self->choices, TpExportPage, i);

      g_ptr_array_add (labels, (gpointer) tp_export_page_get_label (page));
      if (page == self->page)
        selected = i;
    }
  g_ptr_array_add (labels, NULL);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);

  label = gtk_label_new_with_mnemonic (_("_Show:"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 0, 1, 1);

  choice = gtk_drop_down_new_from_strings ((const char * const *) labels->pdata);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), selected);
  gtk_widget_set_halign (choice, GTK_ALIGN_START);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), choice);
  gtk_grid_attach (GTK_GRID (grid), choice, 1, 0, 1, 1);

  check = gtk_check_button_new_with_mnemonic (_("_Footer with title, date and page numbers"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), self->footer);
  gtk_grid_attach (GTK_GRID (grid), check, 1, 1, 1, 1);

  g_set_weak_pointer (&self->page_choice, GTK_DROP_DOWN (choice));
  g_set_weak_pointer (&self->footer_check, GTK_CHECK_BUTTON (check));

  return grid;
}

static void
tp_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                        GtkWidget         *widget)
{
  TpPrintOperation *self = TP_PRINT_OPERATION (operation);

  if (self->page_choice != NULL && self->choices != NULL)
    {
      guint selected = gtk_drop_down_get_selected (self->page_choice);

      if (selected < self->choices->len)
        tp_print_operation_set_page (self, g_array_index (self->choices, TpExportPage, selected));
    }
  if (self->footer_check != NULL)
    tp_print_operation_set_footer (self, gtk_check_button_get_active (self->footer_check));
}

/* Printing */

static void
tp_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  TpPrintOperation *self = TP_PRINT_OPERATION (operation);
  g_autoptr(GArray) pages = list_pages (self, self->page);
  /* The printable area in CSS pixels (the unit is points). */
  double width = gtk_print_context_get_width (context) / PT_PER_CSS_PX;
  double height = gtk_print_context_get_height (context) / PT_PER_CSS_PX;
  TpExportOptions options;

  g_clear_pointer (&self->sheets, g_array_unref);
  self->sheets = g_array_new (FALSE, FALSE, sizeof (Sheet));
  if (pages->len == 0)
    {
      g_clear_error (&self->error);
      g_set_error (&self->error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_EMPTY,
                   _("There is nothing to print on the page “%s”."),
                   tp_export_page_get_label (self->page));
      gtk_print_operation_cancel (operation);
      return;
    }

  get_options (self, self->page, &options);
  for (guint i = 0; i < pages->len; i++)
    {
      Sheet sheet = { g_array_index (pages, TpExportPage, i), 0 };
      guint n_parts = tp_export_count_parts (self->layout, &options, sheet.page, width, height);

      for (sheet.part = 0; sheet.part < n_parts; sheet.part++)
        g_array_append_val (self->sheets, sheet);
    }
  gtk_print_operation_set_n_pages (operation, self->sheets->len);
}

static void
tp_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  TpPrintOperation *self = TP_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  /* The printable area, in points (the unit set at construction). */
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  TpExportOptions options;
  const Sheet *sheet;

  g_return_if_fail (page_nr >= 0 && (guint) page_nr < self->sheets->len);

  sheet = &g_array_index (self->sheets, Sheet, page_nr);
  get_options (self, self->page, &options);

  cairo_save (cr);
  cairo_scale (cr, PT_PER_CSS_PX, PT_PER_CSS_PX);
  tp_export_paint_page_part (cr, self->layout, self->document, &options, sheet->page,
                             sheet->part, width / PT_PER_CSS_PX, height / PT_PER_CSS_PX,
                             page_nr + 1, self->sheets->len);
  cairo_restore (cr);
}

static void
remember_settings (TpPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
  GtkPageSetup *page_setup = gtk_print_operation_get_default_page_setup (operation);

  if (settings != NULL)
    {
      g_autoptr(GtkPrintSettings) copy = gtk_print_settings_copy (settings);

      gtk_print_settings_set (copy, SETTING_PAGE, tp_export_page_to_string (self->page));
      gtk_print_settings_set_bool (copy, SETTING_FOOTER, self->footer);
      g_set_object (&session_settings, copy);
    }
  if (page_setup != NULL)
    {
      g_autoptr(GtkPageSetup) copy = gtk_page_setup_copy (page_setup);

      g_set_object (&session_page_setup, copy);
    }
}

static void
tp_print_operation_done (GtkPrintOperation       *operation,
                         GtkPrintOperationResult  result)
{
  TpPrintOperation *self = TP_PRINT_OPERATION (operation);
  g_autoptr(GError) error = NULL;

  self->done = TRUE;

  switch (result)
    {
    case GTK_PRINT_OPERATION_RESULT_APPLY:
      remember_settings (self);
      break;
    case GTK_PRINT_OPERATION_RESULT_ERROR:
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        show_error (self->parent, error);
      break;
    case GTK_PRINT_OPERATION_RESULT_CANCEL:
      /* Cancelled by the user, or by begin-print finding nothing to print. */
      if (self->error != NULL)
        show_error (self->parent, self->error);
      break;
    case GTK_PRINT_OPERATION_RESULT_IN_PROGRESS:
    default:
      break;
    }
}

/* The object */

static void
tp_print_operation_dispose (GObject *object)
{
  TpPrintOperation *self = TP_PRINT_OPERATION (object);

  g_clear_weak_pointer (&self->page_choice);
  g_clear_weak_pointer (&self->footer_check);
  g_clear_weak_pointer (&self->parent);

  G_OBJECT_CLASS (tp_print_operation_parent_class)->dispose (object);
}

static void
tp_print_operation_finalize (GObject *object)
{
  TpPrintOperation *self = TP_PRINT_OPERATION (object);

  g_clear_pointer (&self->layout, tp_layout_free);
  g_clear_object (&self->document);
  g_clear_pointer (&self->sheets, g_array_unref);
  g_clear_pointer (&self->choices, g_array_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (tp_print_operation_parent_class)->finalize (object);
}

static void
tp_print_operation_class_init (TpPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->dispose = tp_print_operation_dispose;
  object_class->finalize = tp_print_operation_finalize;

  operation_class->begin_print = tp_print_operation_begin_print;
  operation_class->draw_page = tp_print_operation_draw_page;
  operation_class->done = tp_print_operation_done;
  operation_class->create_custom_widget = tp_print_operation_create_custom_widget;
  operation_class->custom_widget_apply = tp_print_operation_custom_widget_apply;
}

static void
tp_print_operation_init (TpPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);

  self->page = TP_EXPORT_PAGE_ALL;
  self->footer = TRUE;

  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_custom_tab_label (operation, "Touchpoint");
}

static GtkPageSetup *
new_default_page_setup (void)
{
  GtkPageSetup *page_setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  /* The board is a landscape thing: its regions are wider than tall. */
  gtk_page_setup_set_paper_size_and_default_margins (page_setup, a4);
  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  return page_setup;
}

TpPrintOperation *
tp_print_operation_new (TpDocument *document)
{
  TpPrintOperation *self;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;
  g_autofree char *name = NULL;
  TpExportPage page;

  g_return_val_if_fail (TP_IS_DOCUMENT (document), NULL);

  self = g_object_new (TP_TYPE_PRINT_OPERATION, NULL);

  /* Our own writer's output always loads; should it ever not, an empty document prints
   * nothing and says so, rather than printing something else. */
  bytes = tp_write_bytes (document);
  self->document = tp_load_bytes (bytes, NULL, &error);
  if (self->document == NULL)
    {
      g_warning ("Could not copy the document to print: %s", error->message);
      self->document = tp_document_new ();
    }
  self->layout = tp_layout_new ();
  tp_layout_set_full_text (self->layout, TRUE);
  tp_layout_update (self->layout, self->document);

  name = tp_document_dup_display_name (document);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), name);

  if (session_settings != NULL)
    {
      g_autoptr(GtkPrintSettings) settings = gtk_print_settings_copy (session_settings);

      if (tp_export_page_from_string (gtk_print_settings_get (settings, SETTING_PAGE), &page))
        self->page = page;
      if (gtk_print_settings_has_key (settings, SETTING_FOOTER))
        self->footer = gtk_print_settings_get_bool (settings, SETTING_FOOTER);
      gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), settings);
    }
  page_setup = session_page_setup != NULL ? gtk_page_setup_copy (session_page_setup)
                                          : new_default_page_setup ();
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), page_setup);

  /* A page chosen last time that this document lacks: print everything instead. */
  if (tp_print_operation_count_pages (self) == 0)
    self->page = TP_EXPORT_PAGE_ALL;

  return self;
}

void
tp_print_operation_set_page (TpPrintOperation *self,
                             TpExportPage      page)
{
  g_return_if_fail (TP_IS_PRINT_OPERATION (self));
  g_return_if_fail (page <= TP_EXPORT_PAGE_ALIGNMENT);

  self->page = page;
}

TpExportPage
tp_print_operation_get_page (TpPrintOperation *self)
{
  g_return_val_if_fail (TP_IS_PRINT_OPERATION (self), TP_EXPORT_PAGE_ALL);

  return self->page;
}

void
tp_print_operation_set_footer (TpPrintOperation *self,
                               gboolean          footer)
{
  g_return_if_fail (TP_IS_PRINT_OPERATION (self));

  self->footer = !!footer;
}

gboolean
tp_print_operation_get_footer (TpPrintOperation *self)
{
  g_return_val_if_fail (TP_IS_PRINT_OPERATION (self), TRUE);

  return self->footer;
}

guint
tp_print_operation_count_pages (TpPrintOperation *self)
{
  g_autoptr(GArray) pages = NULL;

  g_return_val_if_fail (TP_IS_PRINT_OPERATION (self), 0);

  pages = list_pages (self, self->page);
  return pages->len;
}

void
tp_print_document (GtkWindow  *parent,
                   TpDocument *document)
{
  g_autoptr(TpPrintOperation) self = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (TP_IS_DOCUMENT (document));

  self = tp_print_operation_new (document);
  g_set_weak_pointer (&self->parent, parent);

  if (tp_print_operation_count_pages (self) == 0)
    {
      g_set_error_literal (&error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_EMPTY,
                           _("The workshop is empty: there is nothing to print yet."));
      show_error (parent, error);
      return;
    }

  /* Asynchronous: the dialog does not hold up the main loop, and GTK keeps the
   * operation alive until it is done. */
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (self), TRUE);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (self),
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && !self->done && error != NULL)
    show_error (parent, error);
}
