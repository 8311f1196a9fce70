/* tp-window-import.c: win.import-kano, Kano questionnaire answers from a CSV file.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is read and parsed in a worker thread, with progress and Cancel when it
 * takes a while; the answers go into the document as one undo step (tp-kano-import.h); the window
 * then shows the analysis they change and a report that stays until dismissed: how many
 * rows were imported, which needs were added, and each rejected row with its line and
 * reason, so the file can be fixed and imported again.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "analysis/tp-kano-import.h"
#include "io/tp-caps.h"
#include "io/tp-document-file.h"
#include "io/tp-loader.h"

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

/* Reading and parsing run in a worker (a large file takes seconds, a FIFO or a device
 * would block); the window shows their progress after a moment, with Cancel. Matching
 * and applying run here, on the document's thread, as one undo step. */
typedef struct
{
  TpWindow     *self;
  GFile        *file;
  char         *path;
  GCancellable *cancellable;
  GtkWidget    *dialog;          /* the progress dialog, once shown */
  GtkWidget    *bar;
  guint         show_id;         /* shows the dialog when the import takes a while */
  guint         poll_id;         /* moves the bar */
  gint          permille;        /* (atomic) how far the worker has read */
} ImportData;

/* How long an import runs before its progress is shown: most files take less. */
static guint progress_delay_ms = 300;

void
_tp_window_set_import_progress_delay (guint milliseconds)
{
  progress_delay_ms = milliseconds;
}

static void
close_progress (ImportData *data)
{
  g_clear_handle_id (&data->show_id, g_source_remove);
  g_clear_handle_id (&data->poll_id, g_source_remove);
  if (data->dialog != NULL)
    {
      GtkWidget *dialog = data->dialog;

      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &data->dialog);
      data->dialog = NULL;
      g_signal_handlers_disconnect_by_data (dialog, data);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

static void
import_data_free (ImportData *data)
{
  close_progress (data);
  g_object_unref (data->self);
  g_object_unref (data->file);
  g_object_unref (data->cancellable);
  g_free (data->path);
  g_free (data);
}

/* In the worker thread. */
static void
on_progress (double   fraction,
             gpointer user_data)
{
  ImportData *data = user_data;

  g_atomic_int_set (&data->permille, (gint) (CLAMP (fraction, 0, 1) * 1000));
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  TpKanoRows *rows;

  /* Only a regular file, and never more of it than the cap and a byte: /dev/zero and a
   * FIFO are refused on what was opened, without reading or blocking. */
  bytes = tp_read_regular_file (data->path, TP_KANO_IMPORT_MAX_BYTES, TRUE, cancellable, &error);
  if (bytes == NULL && g_error_matches (error, TP_LOAD_ERROR, TP_LOAD_ERROR_TOO_LARGE))
    {
      g_clear_error (&error);
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("The file is larger than %u MiB, more answers than a workshop can hold"),
                   (guint) (TP_KANO_IMPORT_MAX_BYTES / (1024 * 1024)));
    }
  if (bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  rows = tp_kano_rows_parse (bytes, on_progress, data, cancellable, &error);
  if (rows == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, rows, (GDestroyNotify) tp_kano_rows_free);
}

static gboolean
poll_progress (gpointer user_data)
{
  ImportData *data = user_data;

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (data->bar),
                                 g_atomic_int_get (&data->permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
on_progress_response (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  ImportData *data = user_data;

  /* The worker stops at its next check (every 1,024 rows); on_parsed() then closes the
   * dialog and says nothing more. */
  g_cancellable_cancel (data->cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (dialog), FALSE);
}

static gboolean
show_progress (gpointer user_data)
{
  ImportData *data = user_data;
  g_autofree char *name = dup_display_name (data->file);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  data->show_id = 0;
  /* Translators: %s is a file name. */
  body = g_strdup_printf (_("Reading the answers in “%s”…"), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (data->self), _("Importing Kano Answers"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* Answering closes an AdwMessageDialog: the import's end destroys it instead. */
  g_signal_connect (dialog, "response", G_CALLBACK (on_progress_response), data);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_hide_on_close (GTK_WINDOW (dialog), TRUE);

  data->bar = gtk_progress_bar_new ();
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), data->bar);
  /* Weak: the dialog goes with the window when the window is closed first. */
  data->dialog = dialog;
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &data->dialog);
  poll_progress (data);
  data->poll_id = g_timeout_add (100, poll_progress, data);
  gtk_window_present (GTK_WINDOW (dialog));

  return G_SOURCE_REMOVE;
}

static void
on_parsed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = G_TASK (result);
  ImportData *data = g_task_get_task_data (task);
  TpWindow *self = data->self;
  g_autofree char *name = dup_display_name (data->file);
  g_autoptr(TpImportReport) report = NULL;
  g_autoptr(TpKanoRows) rows = NULL;
  g_autoptr(GError) error = NULL;

  self->importing = FALSE;
  close_progress (data);

  rows = g_task_propagate_pointer (task, &error);
  if (rows != NULL && self->document != NULL)
    {
      /* A note typed into stays its own step, before the import's. */
      _tp_window_commit_pending_edit (self);
      report = tp_kano_rows_apply (self->document, rows, &error);
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
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
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
  g_autoptr(GTask) task = NULL;
  ImportData *data;

  g_return_if_fail (TP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->document == NULL)
    return;

  data = g_new0 (ImportData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  data->cancellable = g_cancellable_new ();
  /* The file chooser hands out local paths, through the portal's FUSE mount too. */
  data->path = g_file_get_path (file);
  if (data->path == NULL)
    {
      g_autofree char *name = dup_display_name (file);
      g_autofree char *body = g_strdup_printf (_("“%s” could not be imported.\n%s"), name,
                                               _("Only files on this computer can be imported"));

      present_dialog (self, _("Could Not Import Kano Answers"), body);
      import_data_free (data);
      return;
    }

  self->importing = TRUE;
  _tp_window_update_actions (self);

  task = g_task_new (NULL, data->cancellable, on_parsed, NULL);
  g_task_set_source_tag (task, _tp_window_import_kano);
  /* The data is freed by on_parsed(), on this thread: the worker does not touch it after
   * returning its result, and the task's last reference may be dropped in the worker. */
  g_task_set_task_data (task, data, NULL);
  g_task_run_in_thread (task, import_thread);
  if (progress_delay_ms == 0)
    show_progress (data);
  else
    data->show_id = g_timeout_add (progress_delay_ms, show_progress, data);
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
