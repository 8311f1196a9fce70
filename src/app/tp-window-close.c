/* tp-window-close.c: closing a window: asking about unsaved changes, once, whoever
 * asks (the close button, Ctrl+W, quitting), and waiting for a save in progress.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tp-window-private.h"

void
_tp_window_resolve_close_queries (TpWindow *self,
                       gboolean  may_close)
{
  g_autoptr(GPtrArray) queries = g_steal_pointer (&self->close_queries);

  self->close_queries = g_ptr_array_new_with_free_func (g_object_unref);
  /* Answered now, though GTask may call back only at the next idle (an answer given
   * outside any event's dispatch): a close request in between asks again instead of
   * being taken for the one still waiting. */
  self->close_requested = FALSE;

  for (guint i = 0; i < queries->len; i++)
    g_task_return_boolean (g_ptr_array_index (queries, i), may_close);
}

static void
on_prompt_saved (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  TpWindow *self = TP_WINDOW (object);

  self->prompt_saving = FALSE;

  /* The failure was shown by the save itself; the window stays open to try again. */
  if (!_tp_window_save_finish (self, result, NULL))
    _tp_window_resolve_close_queries (self, FALSE);
  else
    _tp_window_run_close_queries (self);
}

static void
on_close_prompt_response (TpWindow         *self,
                          const char       *response,
                          AdwMessageDialog *dialog)
{
  self->close_prompt = NULL;

  if (g_str_equal (response, "discard"))
    {
      /* Thrown away on purpose: nothing to offer at the next start either. */
      _tp_window_recovery_discard (self);
      _tp_window_resolve_close_queries (self, TRUE);
    }
  else if (g_str_equal (response, "save"))
    {
      self->prompt_saving = TRUE;
      _tp_window_save_async (self, FALSE, on_prompt_saved, NULL);
    }
  else
    {
      _tp_window_resolve_close_queries (self, FALSE);
    }
}

static void
show_close_prompt (TpWindow *self)
{
  g_autofree char *name = tp_document_dup_display_name (self->document);
  GtkWidget *dialog;

  gtk_window_present (GTK_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has unsaved changes. Changes which are not "
                                    "saved will be permanently lost."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_close_prompt_response), self,
                           G_CONNECT_SWAPPED);

  self->close_prompt = ADW_MESSAGE_DIALOG (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
_tp_window_has_unsaved_changes (TpWindow *self)
{
  /* A file another program deleted or damaged leaves the window with the only good
   * copy: closing asks, as for changes. */
  return self->document != NULL &&
         (tp_document_get_modified (self->document) || _tp_window_watch_disk_lost (self));
}

/* Answers the pending close queries if it can, or asks the user. */
void
_tp_window_run_close_queries (TpWindow *self)
{
  if (self->close_queries->len == 0)
    return;

  if (self->close_prompt != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->close_prompt));
      return;
    }

  /* A save in progress decides whether anything is still unsaved: wait for it. */
  if (self->saving || self->prompt_saving || self->loading)
    return;

  if (!_tp_window_has_unsaved_changes (self))
    _tp_window_resolve_close_queries (self, TRUE);
  else
    show_close_prompt (self);
}

void
_tp_window_save_ended (TpWindow *self)
{
  g_assert (TP_IS_WINDOW (self));

  _tp_window_update_title (self);
  _tp_window_update_actions (self);

  /* Changes on disk were not looked at during the save: the stamp is settled now. */
  _tp_window_watch_save_ended (self);

  /* The prompt's own save answers its queries in on_prompt_saved(). */
  if (!self->prompt_saving)
    _tp_window_run_close_queries (self);
}

static void
on_close_request_answered (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  TpWindow *self = TP_WINDOW (object);

  if (tp_window_query_close_finish (self, result))
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

/* For GtkWindow::close-request: TRUE when the window must stay open for now, because
 * the user is being asked (or a save is running) first. */
gboolean
_tp_window_hold_close (TpWindow *self)
{
  /* Text typed into a note counts as a change to ask about. */
  _tp_window_commit_pending_edit (self);

  if (!self->close_confirmed && (_tp_window_has_unsaved_changes (self) || self->saving))
    {
      if (!self->close_requested)
        {
          self->close_requested = TRUE;
          tp_window_query_close_async (self, on_close_request_answered, NULL);
        }
      else
        {
          _tp_window_run_close_queries (self);
        }

      return TRUE;
    }

  return FALSE;
}


void
tp_window_query_close_async (TpWindow            *self,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (TP_IS_WINDOW (self));

  _tp_window_commit_pending_edit (self);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, tp_window_query_close_async);
  g_ptr_array_add (self->close_queries, task);

  _tp_window_run_close_queries (self);
}

gboolean
tp_window_query_close_finish (TpWindow     *self,
                              GAsyncResult *result)
{
  g_return_val_if_fail (TP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), NULL);
}
