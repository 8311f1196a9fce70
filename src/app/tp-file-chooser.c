/* tp-file-chooser.c: GtkFileChooserNative behind an async/finish pair.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tp-file-chooser.h"

typedef struct
{
  GtkFileChooserNative *native;
  gulong                cancelled_id;
  gboolean              answered;
} ChooserData;

static void
chooser_data_free (ChooserData *data)
{
  if (data->native != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (data->native));
  g_clear_object (&data->native);
  g_free (data);
}

static void
add_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) documents = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (documents, _("Touchpoint Documents"));
  gtk_file_filter_add_mime_type (documents, TP_DOCUMENT_MIME_TYPE);
  /* The pattern matters where the MIME database is not installed yet (running from the
   * build tree) and for portals that only look at names. */
  gtk_file_filter_add_pattern (documents, "*" TP_DOCUMENT_SUFFIX);
  gtk_file_chooser_add_filter (chooser, documents);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);

  gtk_file_chooser_set_filter (chooser, documents);
}

static void
answer (GTask *task,
        int    response)
{
  ChooserData *data = g_task_get_task_data (task);

  if (data->answered)
    return;
  data->answered = TRUE;

  g_signal_handlers_disconnect_matched (data->native, G_SIGNAL_MATCH_DATA,
                                        0, 0, NULL, NULL, task);
  if (data->cancelled_id != 0)
    g_cancellable_disconnect (g_task_get_cancellable (task), data->cancelled_id);
  data->cancelled_id = 0;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (data->native));

      if (file != NULL)
        g_task_return_pointer (task, g_steal_pointer (&file), g_object_unref);
      else
        g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                                 "%s", _("The chosen location is not a file"));
    }
  else
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "%s", _("No file was chosen"));
    }

  /* Drops the reference the dialog held while it was showing (see run_chooser). */
  g_object_unref (task);
}

static void
on_response (GtkNativeDialog *native,
             int              response,
             GTask           *task)
{
  answer (task, response);
}

static gboolean
answer_cancelled_cb (gpointer user_data)
{
  g_autoptr(GTask) task = user_data;

  answer (task, GTK_RESPONSE_CANCEL);

  return G_SOURCE_REMOVE;
}

static void
on_cancelled (GCancellable *cancellable,
              GTask        *task)
{
  ChooserData *data = g_task_get_task_data (task);

  /* Hiding does not emit ::response, so we answer for the dialog, from an idle because
   * a GCancellable handler must not disconnect itself. */
  gtk_native_dialog_hide (GTK_NATIVE_DIALOG (data->native));
  g_idle_add (answer_cancelled_cb, g_object_ref (task));
}

/* Where a save or export chooser opens, and the name it suggests. */
static void
set_start (GtkFileChooserNative *native,
           GFile                *folder,
           const char           *suggested_name)
{
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
}

static void
run_chooser (GtkFileChooserNative *native,
             GCancellable         *cancellable,
             GAsyncReadyCallback   callback,
             gpointer              user_data,
             gpointer              source_tag)
{
  GTask *task;
  ChooserData *data;

  /* This reference belongs to the showing dialog and is dropped by answer(). */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  data = g_new0 (ChooserData, 1);
  data->native = native;
  g_task_set_task_data (task, data, (GDestroyNotify) chooser_data_free);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_response), task);

  if (cancellable != NULL)
    data->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_cancelled),
                                                task, NULL);

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
tp_file_chooser_open_async (GtkWindow           *parent,
                            GFile               *folder,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GtkFileChooserNative *native;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));

  native = gtk_file_chooser_native_new (_("Open Workshop"), parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  add_filters (GTK_FILE_CHOOSER (native));
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);

  run_chooser (native, cancellable, callback, user_data, tp_file_chooser_open_async);
}

GFile *
tp_file_chooser_open_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tp_file_chooser_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
tp_file_chooser_save_async (GtkWindow           *parent,
                            GFile               *folder,
                            const char          *suggested_name,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GtkFileChooserNative *native;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));

  native = gtk_file_chooser_native_new (_("Save Workshop"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  add_filters (GTK_FILE_CHOOSER (native));
  set_start (native, folder, suggested_name);

  run_chooser (native, cancellable, callback, user_data, tp_file_chooser_save_async);
}

GFile *
tp_file_chooser_save_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tp_file_chooser_save_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
tp_file_chooser_export_async (GtkWindow           *parent,
                              GFile               *folder,
                              const char          *suggested_name,
                              const char          *filter_name,
                              const char          *mime_type,
                              const char          *pattern,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));
  g_return_if_fail (filter_name != NULL);

  native = gtk_file_chooser_native_new (_("Export"), parent,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, filter_name);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  if (pattern != NULL)
    gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), filter);

  set_start (native, folder, suggested_name);

  run_chooser (native, cancellable, callback, user_data, tp_file_chooser_export_async);
}

GFile *
tp_file_chooser_export_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tp_file_chooser_export_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
tp_file_chooser_import_async (GtkWindow           *parent,
                              GFile               *folder,
                              const char          *title,
                              const char          *filter_name,
                              const char          *mime_type,
                              const char          *pattern,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));
  g_return_if_fail (title != NULL);
  g_return_if_fail (filter_name != NULL);

  native = gtk_file_chooser_native_new (title, parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, filter_name);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  if (pattern != NULL)
    gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (native), filter);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), folder, NULL);

  run_chooser (native, cancellable, callback, user_data, tp_file_chooser_import_async);
}

GFile *
tp_file_chooser_import_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tp_file_chooser_import_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
