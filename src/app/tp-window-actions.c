/* tp-window-actions.c: the win.* actions, saving, and its dialogs.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "io/tp-document-file.h"

#include "tp-export-dialog.h"
#include "tp-file-chooser.h"
#include "tp-print.h"
#include "tp-window-private.h"

/* Saving: one GTask from the first chooser to the last dialog. */

typedef struct
{
  TpDocument *document;
  GFile      *target;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->document);
  g_clear_object (&data->target);
  g_free (data);
}

static void choose_target  (GTask       *task);
static void write_document (GTask             *task,
                            GFile             *file,
                            const TpFileStamp *expected);

/* Ends the save; takes error (NULL on success) and the caller's reference on task. */
static void
end_save (GTask  *task,
          GError *error)
{
  TpWindow *self = g_task_get_source_object (task);

  self->saving = FALSE;

  /* Before returning the task: its callback may close (and destroy) the window. */
  _tp_window_save_ended (self);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);

  g_object_unref (task);
}

static void
show_message (TpWindow   *self,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_OK"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_save_error (TpWindow     *self,
                 const GError *error)
{
  g_autofree char *body = NULL;

  /* A failure stays on screen until dismissed (never a toast that fades away), and
   * says what to do next. */
  body = g_strdup_printf ("%s\n\n%s", error->message,
                          _("Your workshop is still open here with all its changes. "
                            "Try saving it to another folder with Save As."));
  show_message (self, _("Could Not Save Document"), body);
}

static void
on_conflict_response (GTask            *task,
                      const char       *response,
                      AdwMessageDialog *dialog)
{
  SaveData *data = g_task_get_task_data (task);

  if (g_str_equal (response, "overwrite"))
    write_document (task, data->target, NULL);
  else if (g_str_equal (response, "save-as"))
    choose_target (task);
  else
    end_save (task, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                         _("Saving was cancelled")));
}

static void
show_conflict (GTask *task)
{
  TpWindow *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);
  g_autofree char *basename = g_file_get_basename (data->target);
  g_autofree char *name = g_filename_display_name (basename);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("File Changed on Disk"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” was changed by another program since it was "
                                    "opened here. Overwriting it loses those changes."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save-as", _("Save _As…"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);

  /* The task stays alive (our reference) until the dialog answers. */
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (on_conflict_response), task);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_written (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *task = user_data;
  TpWindow *self = g_task_get_source_object (task);
  SaveData *data = g_task_get_task_data (task);
  g_autoptr(TpFileStamp) stamp = NULL;
  g_autoptr(GError) error = NULL;

  if (tp_save_file_finish (data->document, result, &stamp, &error))
    {
      g_clear_pointer (&self->stamp, tp_file_stamp_free);
      self->stamp = g_steal_pointer (&stamp);
      _tp_window_set_file (self, data->target);
      _tp_window_add_recent (self, data->target);
      end_save (task, NULL);
    }
  else if (g_error_matches (error, TP_SAVE_ERROR, TP_SAVE_ERROR_CHANGED_ON_DISK))
    {
      show_conflict (task);
    }
  else
    {
      /* The file could not take the work: a snapshot now, not in a few seconds. */
      tp_window_flush_snapshot (self, FALSE, NULL);
      show_save_error (self, error);
      end_save (task, g_steal_pointer (&error));
    }
}

static void
write_document (GTask             *task,
                GFile             *file,
                const TpFileStamp *expected)
{
  SaveData *data = g_task_get_task_data (task);

  g_set_object (&data->target, file);

  /* Not cancellable: once started, a save should finish even if the window closes. */
  tp_save_file_async (data->document, file, expected, NULL, on_written, task);
}

static void
on_target_chosen (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  TpWindow *self = g_task_get_source_object (task);
  g_autoptr(GFile) file = NULL;
  GError *error = NULL;

  if (!(file = tp_file_chooser_save_finish (result, &error)))
    {
      end_save (task, error);
      return;
    }

  /* Saving over our own file still checks it was not changed behind our back; another
   * file was confirmed by the chooser's overwrite question. */
  if (self->file != NULL && g_file_equal (file, self->file))
    write_document (task, file, _tp_window_watch_get_expected (self));
  else
    write_document (task, file, NULL);
}

static GFile *
dup_default_folder (TpWindow *self)
{
  const char *documents;

  if (self->file != NULL)
    return g_file_get_parent (self->file);

  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);

  return NULL;
}

static char *
dup_suggested_name (TpWindow *self)
{
  g_autofree char *name = NULL;

  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);

      return g_filename_display_name (basename);
    }

  /* The workshop's title (or "Untitled Workshop"), made safe for a file name. */
  name = tp_document_dup_display_name (self->document);
  g_strdelimit (name, "/\\", '-');

  return g_strconcat (g_strstrip (name), TP_DOCUMENT_SUFFIX, NULL);
}

static void
choose_target (GTask *task)
{
  TpWindow *self = g_task_get_source_object (task);
  g_autoptr(GFile) folder = dup_default_folder (self);
  g_autofree char *name = dup_suggested_name (self);

  tp_file_chooser_save_async (GTK_WINDOW (self), folder, name, NULL, on_target_chosen, task);
}

void
_tp_window_save_async (TpWindow            *self,
                       gboolean             save_as,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *task;
  SaveData *data;

  g_return_if_fail (TP_IS_WINDOW (self));

  /* What is being typed into a note is part of what the user means to save. */
  _tp_window_commit_pending_edit (self);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, _tp_window_save_async);

  if (self->document == NULL || self->saving)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               "%s", _("The document cannot be saved now"));
      g_object_unref (task);
      return;
    }

  data = g_new0 (SaveData, 1);
  data->document = g_object_ref (self->document);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  self->saving = TRUE;
  _tp_window_update_actions (self);

  if (save_as || self->file == NULL)
    choose_target (task);
  else
    write_document (task, self->file, _tp_window_watch_get_expected (self));
}

gboolean
_tp_window_save_finish (TpWindow      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (TP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Actions */

void
_tp_window_commit_pending_edit (TpWindow *self)
{
  if (self->board != NULL && tp_board_get_editing (self->board))
    tp_board_commit_editing (self->board);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _tp_window_save_async (TP_WINDOW (widget), FALSE, NULL, NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _tp_window_save_async (TP_WINDOW (widget), TRUE, NULL, NULL);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);

  if (self->document == NULL)
    return;

  /* What is being typed into a note belongs in the export too. */
  _tp_window_commit_pending_edit (self);

  gtk_window_present (GTK_WINDOW (tp_export_dialog_new (self)));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  /* Through close-request, so that unsaved changes are asked about. */
  gtk_window_close (GTK_WINDOW (widget));
}

/* Selects what a step of the history touched and brings it into view, so that the user
 * sees what undo or redo did. */
static void
show_affected (TpWindow *self)
{
  const char * const *ids = tp_document_get_last_affected (self->document);
  gboolean selected = ids != NULL && ids[0] != NULL;

  /* A selection that holds all of it already stays as it is: undoing a colour given to
   * five notes, one of which had it, should not leave the user with four selected. */
  for (guint i = 0; selected && ids[i] != NULL; i++)
    selected = tp_selection_contains (self->selection, ids[i]);

  if (!selected)
    tp_board_select_affected (self->board, ids);

  if (ids != NULL && ids[0] != NULL)
    tp_board_reveal_item (self->board, ids[0]);
}

/* win.undo and win.redo. */
static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);
  gboolean undo = g_str_equal (action_name, "win.undo");

  if (self->document == NULL)
    return;

  /* Ctrl+Z while a note is edited in place takes back the typing as a whole: the edit
   * is committed as one step first, and that step is what is undone. */
  _tp_window_commit_pending_edit (self);

  if (undo ? tp_document_can_undo (self->document) : tp_document_can_redo (self->document))
    {
      if (undo)
        tp_document_undo (self->document);
      else
        tp_document_redo (self->document);
      show_affected (self);
    }
}

/* The board's actions, for the header bar, its menus and the inspector, which are not
 * inside the board and so do not see board.* themselves. */
static void
board_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  static const struct {
    const char *window_action;
    const char *board_action;
  } forwards[] = {
    { "win.zoom-in", "board.zoom-in" },
    { "win.zoom-out", "board.zoom-out" },
    { "win.zoom-fit", "board.zoom-fit" },
    { "win.zoom-canvas", "board.zoom-canvas" },
    { "win.zoom-journey", "board.zoom-journey" },
    { "win.zoom-value-chain", "board.zoom-value-chain" },
    { "win.delete-selection", "board.delete" },
  };
  TpWindow *self = TP_WINDOW (widget);

  /* Ctrl+0 … Ctrl+3 zoom to a part of the board: from the analysis, they go back to it. */
  if (g_str_equal (action_name, "win.zoom-fit") || g_str_equal (action_name, "win.zoom-canvas") ||
      g_str_equal (action_name, "win.zoom-journey") || g_str_equal (action_name, "win.zoom-value-chain"))
    _tp_window_set_view (self, "board");

  for (guint i = 0; i < G_N_ELEMENTS (forwards); i++)
    if (g_str_equal (action_name, forwards[i].window_action))
      gtk_widget_activate_action (GTK_WIDGET (self->board), forwards[i].board_action, NULL);
}

/* Ctrl+Alt+P: the selected notes and touchpoints take the next persona (none, each in
 * the list's order, none again), one undo step per press. A chord, not a bare letter,
 * so that typing on a selected item never changes it. */
static void
cycle_persona_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);
  const char * const *ids;

  if (self->document == NULL || self->selection == NULL)
    return;

  _tp_window_commit_pending_edit (self);
  ids = tp_selection_get_ids (self->selection);
  if (ids != NULL)
    tp_document_cycle_persona (self->document, ids, g_strv_length ((char **) ids));
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  tp_board_set_zoom (TP_WINDOW (widget)->board, 1.0);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);

  if (self->document == NULL)
    return;

  /* What is being typed into a note is part of what the user means to print. */
  _tp_window_commit_pending_edit (self);
  tp_print_document (GTK_WINDOW (self), self->document);
}

static void
on_image_copied (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  /* The board's window now: none if it was closed meanwhile. */
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (source));
  TpWindow *self = TP_IS_WINDOW (root) ? TP_WINDOW (root) : NULL;

  if (tp_board_copy_image_finish (TP_BOARD (source), result, &error))
    {
      if (self != NULL)
        _tp_window_add_toast (self, adw_toast_new (_("Copied as image")));
    }
  else if (g_error_matches (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_EMPTY))
    {
      gtk_widget_error_bell (GTK_WIDGET (source));
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self != NULL)
    {
      show_message (self, _("Could Not Copy Image"), error->message);
    }
}

static void
copy_image_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);

  if (self->document != NULL)
    tp_board_copy_image_async (self->board, NULL, on_image_copied, NULL);
}

static void
toggle_inspector_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
show_legend_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);

  gtk_menu_button_popup (GTK_MENU_BUTTON (self->legend_button));
}

void
_tp_window_class_actions_init (TpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.save-as-template", NULL,
                                   _tp_window_save_as_template_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, board_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, board_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, board_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-canvas", NULL, board_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-journey", NULL, board_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-value-chain", NULL, board_action);
  gtk_widget_class_install_action (widget_class, "win.delete-selection", NULL, board_action);
  gtk_widget_class_install_action (widget_class, "win.cycle-persona", NULL, cycle_persona_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-inspector", NULL, toggle_inspector_action);
  gtk_widget_class_install_action (widget_class, "win.show-legend", NULL, show_legend_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.copy-image", NULL, copy_image_action);
  /* Stateful, from the "view" property: the header's toggles show which is on. */
  gtk_widget_class_install_property_action (widget_class, "win.view", "view");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "win.close", NULL);

  /* The board binds its zoom keys too, but only sees them while it has the focus; these
   * work from the inspector and the header bar as well. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "win.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "win.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "win.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK,
                                       "win.zoom-canvas", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK,
                                       "win.zoom-journey", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK,
                                       "win.zoom-value-chain", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_CONTROL_MASK,
                                       "win.view", "s", "analysis");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_CONTROL_MASK,
                                       "win.view", "s", "alignment");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0,
                                       "win.toggle-inspector", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "win.show-legend", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy-image", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.cycle-persona", NULL);
}

/* Undo and redo are caught before the focused widget sees them (capture phase), unlike
 * the class bindings above: a focused GtkText binds Ctrl+Z itself and, in GTK 4.8,
 * swallows it even with its own undo turned off. Every edit in the window goes through
 * the document's history, so the document's undo is the only right answer. */
void
_tp_window_actions_init (TpWindow *self)
{
  static const struct {
    guint           keyval;
    GdkModifierType modifiers;
    const char     *action;
  } history_keys[] = {
    { GDK_KEY_z, GDK_CONTROL_MASK, "win.undo" },
    { GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo" },
    { GDK_KEY_y, GDK_CONTROL_MASK, "win.redo" },
  };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);

  for (guint i = 0; i < G_N_ELEMENTS (history_keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (history_keys[i].keyval,
                                                                                    history_keys[i].modifiers),
                                                            gtk_named_action_new (history_keys[i].action)));

  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* The one place that decides which window actions are enabled. */
void
_tp_window_update_actions (TpWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  TpDocument *document = self->document;
  gboolean has_document = document != NULL;
  gboolean modified = has_document && tp_document_get_modified (document);
  gboolean can_undo = has_document && tp_document_can_undo (document);
  gboolean can_redo = has_document && tp_document_can_redo (document);
  gboolean has_items = FALSE;
  gboolean has_persona_targets = FALSE;
  gboolean on_board = g_str_equal (_tp_window_get_view (self), "board");
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;

  /* Saving an unchanged document that has a file would do nothing: a disabled Save
   * button tells at a glance that everything is on disk. Unless another program deleted
   * or damaged the file (tp-window-watch.c). */
  gtk_widget_action_set_enabled (widget, "win.save",
                                 has_document && !self->saving &&
                                 (modified || self->file == NULL ||
                                  _tp_window_watch_disk_differs (self)));
  gtk_widget_action_set_enabled (widget, "win.save-as", has_document && !self->saving);
  gtk_widget_action_set_enabled (widget, "win.save-as-template", has_document);
  gtk_widget_action_set_enabled (widget, "win.export", has_document);
  gtk_widget_action_set_enabled (widget, "win.undo", can_undo);
  gtk_widget_action_set_enabled (widget, "win.redo", can_redo);
  gtk_widget_action_set_enabled (widget, "win.close", TRUE);

  /* Zoom and the inspector mean nothing on the welcome page; zooming in and out, nothing
   * on the analysis (Ctrl+0 … Ctrl+3 go back to the board, so they stay). */
  gtk_widget_action_set_enabled (widget, "win.zoom-in", has_document && on_board);
  gtk_widget_action_set_enabled (widget, "win.zoom-out", has_document && on_board);
  gtk_widget_action_set_enabled (widget, "win.zoom-reset", has_document && on_board);
  gtk_widget_action_set_enabled (widget, "win.view", has_document);
  gtk_widget_action_set_enabled (widget, "win.import-kano", has_document && !self->importing);
  gtk_widget_action_set_enabled (widget, "win.zoom-fit", has_document);
  gtk_widget_action_set_enabled (widget, "win.zoom-canvas", has_document);
  gtk_widget_action_set_enabled (widget, "win.zoom-journey", has_document);
  gtk_widget_action_set_enabled (widget, "win.zoom-value-chain", has_document);
  gtk_widget_action_set_enabled (widget, "win.toggle-inspector", has_document);
  gtk_widget_action_set_enabled (widget, "win.print", has_document);
  gtk_widget_action_set_enabled (widget, "win.copy-image", has_document);
  gtk_widget_action_set_enabled (widget, "win.present", has_document);

  /* Deleting needs a selected note, stage or touchpoint that still exists (the
   * selection holds ids). */
  if (has_document && self->selection != NULL)
    {
      const char * const *ids = tp_selection_get_ids (self->selection);

      for (guint i = 0; ids != NULL && ids[i] != NULL && !has_items; i++)
        has_items = tp_document_lookup_kind (document, ids[i], TP_ITEM_NOTE) != NULL ||
                    tp_document_lookup_kind (document, ids[i], TP_ITEM_STAGE) != NULL ||
                    tp_document_lookup_kind (document, ids[i], TP_ITEM_TOUCHPOINT) != NULL;
    }
  gtk_widget_action_set_enabled (widget, "win.delete-selection", has_items);

  /* Giving a persona needs one to give and a selected note or touchpoint to take it. */
  if (has_document && self->selection != NULL && tp_document_get_personas (document)->len > 0)
    {
      const char * const *ids = tp_selection_get_ids (self->selection);

      for (guint i = 0; ids != NULL && ids[i] != NULL && !has_persona_targets; i++)
        has_persona_targets = tp_document_lookup_kind (document, ids[i], TP_ITEM_NOTE) != NULL ||
                              tp_document_lookup_kind (document, ids[i], TP_ITEM_TOUCHPOINT) != NULL;
    }
  gtk_widget_action_set_enabled (widget, "win.cycle-persona", has_persona_targets);

  /* Name the step the button would take back or repeat. */
  if (can_undo && tp_document_get_undo_label (document) != NULL)
    {
      /* Translators: %s names the step, e.g. "Undo: Rename Workshop". */
      undo_tip = g_strdup_printf (_("Undo: %s"), tp_document_get_undo_label (document));
    }
  if (can_redo && tp_document_get_redo_label (document) != NULL)
    {
      /* Translators: %s names the step, e.g. "Redo: Rename Workshop". */
      redo_tip = g_strdup_printf (_("Redo: %s"), tp_document_get_redo_label (document));
    }
  gtk_widget_set_tooltip_text (self->undo_button, undo_tip != NULL ? undo_tip : _("Undo"));
  gtk_widget_set_tooltip_text (self->redo_button, redo_tip != NULL ? redo_tip : _("Redo"));
}

/* The zoom level, in the main menu's zoom row. */
void
_tp_window_update_zoom (TpWindow *self)
{
  g_autofree char *text = NULL;
  int percent = (int) (tp_board_get_zoom (self->board) * 100.0 + 0.5);

  /* Translators: a zoom level, as in "100%". */
  text = g_strdup_printf (_("%d%%"), percent);
  gtk_label_set_label (self->zoom_menu_label, text);
}

static gboolean
update_zoom_idle (gpointer data)
{
  TpWindow *self = data;

  self->zoom_idle_id = 0;
  _tp_window_update_zoom (self);

  return G_SOURCE_REMOVE;
}

void
_tp_window_queue_update_zoom (TpWindow *self)
{
  /* The board may pick its first zoom while it is being allocated, after the header
   * bar was: a new label then would leave the header bar unallocated for this frame.
   * The label follows right after instead. */
  if (self->zoom_idle_id == 0)
    self->zoom_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_zoom_idle, self, NULL);
}
