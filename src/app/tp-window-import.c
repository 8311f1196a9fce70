/* tp-window-import.c: win.import-kano, Kano questionnaire answers from a CSV file.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The answers go into the document as one undo step (tp-kano-import.h); the window
 * then shows the analysis they change and a report that stays until dismissed: how many
 * rows were imported, which needs were added, and each rejected row with its line and
 * reason, so the file can be fixed and imported again.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "analysis/tp-kano-import.h"

#include "tp-file-chooser.h"
#include "tp-window-private.h"

/* More rejections than this are counted rather than listed: the dialog must fit. */
#define MAX_REJECTIONS_SHOWN 8

static char *
dup_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return basename != NULL ? g_filename_display_name (basename) : g_file_get_parse_name (file);
}

static void
present_dialog (TpWindow   *self,
                const char *heading,
                const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_OK"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
format_report (const char           *name,
               const TpImportReport *report)
{
  GString *body = g_string_new (NULL);
  guint n_rejected = report->rejected->len;

  /* Translators: the first %u counts answers, %s is a file name. */
  g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                             "%u answer imported from “%s”.",
                                             "%u answers imported from “%s”.",
                                             report->n_imported),
                          report->n_imported, name);
  if (report->n_needs_added > 0)
    {
      g_string_append_c (body, ' ');
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u need was added to its touchpoint.",
                                                 "%u needs were added to their touchpoints.",
                                                 report->n_needs_added),
                              report->n_needs_added);
    }

  if (n_rejected > 0)
    {
      g_string_append (body, "\n\n");
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u row was rejected:",
                                                 "%u rows were rejected:", n_rejected),
                              n_rejected);
      for (guint i = 0; i < n_rejected && i < MAX_REJECTIONS_SHOWN; i++)
        {
          const TpImportRejection *rejection = g_ptr_array_index (report->rejected, i);

          g_string_append_c (body, '\n');
          /* Translators: a rejected row, "Line 4: No touchpoint is named “Checkout”". */
          g_string_append_printf (body, _("Line %u: %s"), rejection->line, rejection->reason);
        }
      if (n_rejected > MAX_REJECTIONS_SHOWN)
        {
          guint more = n_rejected - MAX_REJECTIONS_SHOWN;

          g_string_append_c (body, '\n');
          g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "… and %u more row",
                                                     "… and %u more rows", more), more);
        }
    }
  return g_string_free (body, FALSE);
}

typedef struct
{
  TpWindow *self;
  GFile    *file;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->file);
  g_free (data);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  ImportData *data = user_data;
  TpWindow *self = data->self;
  g_autofree char *name = dup_display_name (data->file);
  g_autoptr(TpImportReport) report = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  self->importing = FALSE;
  bytes = g_file_load_bytes_finish (G_FILE (source), result, NULL, &error);

  if (bytes != NULL && self->document != NULL)
    {
      /* A note typed into stays its own step, before the import's. */
      _tp_window_commit_pending_edit (self);
      report = tp_kano_import_csv (self->document, bytes, &error);
    }

  if (report != NULL)
    {
      g_autofree char *body = format_report (name, report);

      if (report->n_imported > 0)
        _tp_window_set_view (self, "analysis");
      present_dialog (self, report->n_imported > 0 ? _("Kano Answers Imported")
                                                   : _("No Kano Answers Imported"),
                      body);
    }
  else if (error != NULL)
    {
      g_autofree char *body = NULL;

      /* Translators: %s is a file name; the reason follows on a new line. */
      body = g_strdup_printf (_("“%s” could not be imported.\n%s"), name, error->message);
      present_dialog (self, _("Could Not Import Kano Answers"), body);
    }

  _tp_window_update_actions (self);
  import_data_free (data);
}

void
_tp_window_import_kano (TpWindow *self,
                        GFile    *file)
{
  ImportData *data;

  g_return_if_fail (TP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->document == NULL)
    return;

  data = g_new0 (ImportData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  self->importing = TRUE;
  _tp_window_update_actions (self);
  g_file_load_bytes_async (file, NULL, on_loaded, data);
}

static void
on_chosen (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TpWindow) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  self->importing = FALSE;
  file = tp_file_chooser_import_finish (result, &error);
  if (file != NULL)
    _tp_window_import_kano (self, file);
  else
    _tp_window_update_actions (self);
}

static void
import_kano_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);
  g_autoptr(GFile) folder = NULL;

  if (self->document == NULL || self->importing)
    return;

  /* Questionnaire exports tend to live beside the workshop. */
  if (self->file != NULL)
    folder = g_file_get_parent (self->file);

  self->importing = TRUE;
  _tp_window_update_actions (self);
  tp_file_chooser_import_async (GTK_WINDOW (self), folder, _("Import Kano Answers"),
                                _("CSV Files"), "text/csv", "*.csv", NULL, on_chosen,
                                g_object_ref (self));
}

void
_tp_window_class_import_init (TpWindowClass *klass)
{
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "win.import-kano", NULL,
                                   import_kano_action);
}
