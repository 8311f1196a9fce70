/* tp-window-watch.c: noticing when another program changes the window's file.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * While a document bound to a file is shown, the file is watched. Other programs save by
 * writing a temporary file and renaming it over ours, or by truncating and rewriting
 * ours, with bursts of events either way: every event (re)schedules one check a little
 * later. The check reads the file in a worker and compares it with the stamp of what we
 * last read or wrote, so our own saves and a mere touch change nothing. When the file
 * did change:
 *
 *  - an unmodified document is replaced by the new version, keeping the view, and a
 *    toast says so;
 *  - a document with unsaved changes keeps them, and a banner offers Reload (the disk's
 *    version, discarding ours) and Keep Mine (the stamp stays the old one, so the next
 *    Save asks before overwriting the other program's version);
 *  - a file that cannot be opened (damaged, or caught mid-write) is never loaded over
 *    ours: the banner says why, and that saving replaces it;
 *  - a file deleted or moved away gets a banner offering Save, which writes it again.
 *
 * libadwaita 1.2 has no AdwBanner: the banner is a revealer in tp-window.ui, styled like
 * one in style.css.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "io/tp-document-file.h"
#include "io/tp-loader.h"

#include "tp-window-private.h"

/* Long enough for a burst of events (a rename-over, a rewrite in several writes) to be
 * one check, short enough to feel immediate. */
#define CHECK_DELAY_MS 300

/* What the file on disk is, compared with what the window last read or wrote. */
typedef enum {
  DISK_SAME,        /* nothing to tell */
  DISK_CHANGED,     /* another version, which the document has unsaved changes against */
  DISK_UNREADABLE,  /* another version, which cannot be opened */
  DISK_GONE,        /* deleted or moved away */
} DiskState;

/* The worker's findings. */
typedef enum {
  FOUND_SAME,       /* what the stamp describes */
  FOUND_SEEN,       /* the version the banner already told about */
  FOUND_GONE,
  FOUND_UNREADABLE,
  FOUND_LOADED,
} Finding;

typedef struct
{
  /* In */
  GFile       *file;
  TpFileStamp *expected;
  TpFileStamp *seen;
  gboolean     reload;

  /* Out */
  Finding      finding;
  TpFileStamp *stamp;
  TpDocument  *document;
  char        *reason;
} Check;

static void
check_free (Check *check)
{
  g_clear_object (&check->file);
  g_clear_pointer (&check->expected, tp_file_stamp_free);
  g_clear_pointer (&check->seen, tp_file_stamp_free);
  g_clear_pointer (&check->stamp, tp_file_stamp_free);
  g_clear_object (&check->document);
  g_free (check->reason);
  g_free (check);
}

static char *
dup_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return basename != NULL ? g_filename_display_name (basename) : g_file_get_parse_name (file);
}

/* The banner */

static void
set_disk_state (TpWindow          *self,
                DiskState          state,
                const TpFileStamp *disk_stamp,
                const char        *reason)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  if (self->disk_stamp != disk_stamp)
    {
      g_clear_pointer (&self->disk_stamp, tp_file_stamp_free);
      self->disk_stamp = tp_file_stamp_copy (disk_stamp);
    }
  self->disk_state = state;

  if (state != DISK_SAME && self->file != NULL)
    {
      name = dup_display_name (self->file);

      switch (state)
        {
        case DISK_CHANGED:
          /* Translators: %s is a file name. */
          text = g_strdup_printf (_("“%s” was changed by another program."), name);
          break;

        case DISK_UNREADABLE:
          /* Translators: the first %s is a file name, the second the reason it cannot
           * be opened (as "Line 3: The file is not well-formed XML"), on a line of its
           * own. */
          text = g_strdup_printf (_("“%s” was changed by another program and cannot be "
                                    "opened. Saving will replace it with the version shown "
                                    "here.\n%s"),
                                  name, reason);
          break;

        case DISK_GONE:
          /* Translators: %s is a file name. */
          text = g_strdup_printf (_("“%s” was deleted or moved by another program."), name);
          break;

        case DISK_SAME:
        default:
          g_assert_not_reached ();
        }

      gtk_label_set_label (self->banner_label, text);
      gtk_widget_set_visible (self->banner_reload_button, state == DISK_CHANGED);
      gtk_widget_set_visible (self->banner_keep_button, state == DISK_CHANGED);
      gtk_widget_set_visible (self->banner_save_button, state != DISK_CHANGED);
    }

  gtk_revealer_set_reveal_child (self->banner, state != DISK_SAME && self->file != NULL);

  /* Save is worth offering while the disk differs, even without changes here. */
  _tp_window_update_actions (self);
}

gboolean
_tp_window_watch_disk_differs (TpWindow *self)
{
  g_assert (TP_IS_WINDOW (self));

  return self->disk_state != DISK_SAME;
}

gboolean
_tp_window_watch_disk_lost (TpWindow *self)
{
  g_assert (TP_IS_WINDOW (self));

  return self->disk_state == DISK_GONE || self->disk_state == DISK_UNREADABLE;
}

const TpFileStamp *
_tp_window_watch_get_expected (TpWindow *self)
{
  g_assert (TP_IS_WINDOW (self));

  /* The banner said that saving replaces the damaged version: saving replaces that
   * one without asking again, and asks about any other. */
  if (self->disk_state == DISK_UNREADABLE && self->disk_stamp != NULL)
    return self->disk_stamp;

  return self->stamp;
}

/* The check */

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Check *check = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  bytes = tp_read_document_bytes (check->file, &etag, cancellable, &error);
  if (bytes == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        check->finding = FOUND_GONE;
      else
        {
          check->finding = FOUND_UNREADABLE;
          check->reason = g_strdup (error->message);
        }
      g_task_return_boolean (task, TRUE);
      return;
    }

  check->stamp = tp_file_stamp_new_for_bytes (bytes, etag);

  if (!check->reload && tp_file_stamp_equal (check->stamp, check->expected))
    check->finding = FOUND_SAME;
  else if (!check->reload && check->seen != NULL && tp_file_stamp_equal (check->stamp, check->seen))
    check->finding = FOUND_SEEN;
  else if ((check->document = tp_load_bytes (bytes, NULL, &error)) != NULL)
    check->finding = FOUND_LOADED;
  else
    {
      check->finding = FOUND_UNREADABLE;
      check->reason = g_strdup (error->message);
    }

  g_task_return_boolean (task, TRUE);
}

static void schedule_check (TpWindow *self,
                            guint     delay_ms);

static gboolean
has_unsaved_work (TpWindow *self)
{
  /* A note being typed into counts, though it reaches the document only when done. */
  return tp_document_get_modified (self->document) || tp_board_get_editing (self->board);
}

static void
reload (TpWindow *self,
        Check    *check)
{
  g_autofree char *name = dup_display_name (self->file);
  g_autofree char *title = NULL;
  gboolean discarding = has_unsaved_work (self);
  AdwToast *toast;

  tp_document_set_file (check->document, self->file);

  /* The user chose to throw the unsaved changes away: nothing to recover later. */
  if (discarding)
    _tp_window_recovery_discard (self);

  _tp_window_replace_document (self, check->document, g_steal_pointer (&check->stamp));
  set_disk_state (self, DISK_SAME, NULL, NULL);

  /* Asked for, the reload needs no announcement; unasked, it does. */
  if (!check->reload)
    {
      /* Translators: %s is a file name. */
      title = g_strdup_printf (_("“%s” was changed by another program and has been reloaded"),
                               name);
      toast = adw_toast_new (title);
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      _tp_window_add_toast (self, toast);
    }
}

static void
on_checked (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  /* Not a reference: the window cancels the check when it goes away, and is not used
   * after that. */
  TpWindow *self = user_data;
  Check *check = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    return;

  self->checking = FALSE;

  /* What the check compared with is out of date (a save started or ended, another file
   * is watched, more events came): look again. */
  if (self->document == NULL || self->file == NULL || self->saving ||
      !g_file_equal (check->file, self->file) ||
      !tp_file_stamp_equal (check->expected, self->stamp) ||
      self->check_again)
    {
      self->check_again = FALSE;
      if (!self->saving)
        schedule_check (self, CHECK_DELAY_MS);
      return;
    }

  if (check->reload)
    self->check_reload = FALSE;

  switch (check->finding)
    {
    case FOUND_SAME:
      /* Back as we know it (the banner's Save, a file put back): nothing to tell. */
      set_disk_state (self, DISK_SAME, NULL, NULL);
      break;

    case FOUND_SEEN:
      /* Touched, or rewritten with the same bytes: the banner (or Keep Mine) stands. */
      break;

    case FOUND_GONE:
      set_disk_state (self, DISK_GONE, NULL, NULL);
      break;

    case FOUND_UNREADABLE:
      set_disk_state (self, DISK_UNREADABLE, check->stamp, check->reason);
      break;

    case FOUND_LOADED:
      if (check->reload || !has_unsaved_work (self))
        reload (self, check);
      else
        set_disk_state (self, DISK_CHANGED, check->stamp, NULL);
      break;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
run_check (gpointer data)
{
  TpWindow *self = data;
  g_autoptr(GTask) task = NULL;
  Check *check;

  self->check_id = 0;

  /* A save writes the file: _tp_window_watch_save_ended() looks again when it is done
   * and the stamp describes what it wrote. */
  if (self->saving || self->document == NULL || self->file == NULL)
    return G_SOURCE_REMOVE;

  if (self->checking)
    {
      self->check_again = TRUE;
      return G_SOURCE_REMOVE;
    }

  check = g_new0 (Check, 1);
  check->file = g_object_ref (self->file);
  check->expected = tp_file_stamp_copy (self->stamp);
  check->seen = tp_file_stamp_copy (self->disk_stamp);
  check->reload = self->check_reload;

  if (self->check_cancellable == NULL)
    self->check_cancellable = g_cancellable_new ();

  self->checking = TRUE;
  task = g_task_new (NULL, self->check_cancellable, on_checked, self);
  g_task_set_source_tag (task, run_check);
  g_task_set_task_data (task, check, (GDestroyNotify) check_free);
  g_task_run_in_thread (task, check_thread);

  return G_SOURCE_REMOVE;
}

static void
schedule_check (TpWindow *self,
                guint     delay_ms)
{
  g_clear_handle_id (&self->check_id, g_source_remove);
  self->check_id = g_timeout_add (delay_ms, run_check, self);
}

static void
on_monitor_changed (TpWindow          *self,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    GFileMonitor      *monitor)
{
  /* Whatever happened (changed, created, deleted, renamed over or away, attributes),
   * the check finds out what it means. */
  schedule_check (self, CHECK_DELAY_MS);
}

static void
stop_watching (TpWindow *self)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->monitor, on_monitor_changed, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  g_clear_handle_id (&self->check_id, g_source_remove);

  /* A check under way is about a file no longer watched: on_checked() finds that. */
  if (self->checking)
    self->check_again = TRUE;
}

static void
start_watching (TpWindow *self)
{
  g_autoptr(GError) error = NULL;

  stop_watching (self);

  if (self->file == NULL)
    return;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor == NULL)
    {
      /* Some file systems cannot be watched: saving still notices changes. */
      g_debug ("Cannot watch the file for changes: %s", error->message);
      return;
    }

  g_signal_connect_object (self->monitor, "changed",
                           G_CALLBACK (on_monitor_changed), self,
                           G_CONNECT_SWAPPED);

  /* The file may have changed between reading it and watching it. */
  schedule_check (self, CHECK_DELAY_MS);
}

/* Window hooks */

void
_tp_window_watch_document_bound (TpWindow *self)
{
  g_assert (TP_IS_WINDOW (self));

  /* A reload keeps watching the same file, events pending included. */
  self->check_reload = FALSE;
  set_disk_state (self, DISK_SAME, NULL, NULL);
  if (self->monitor == NULL)
    start_watching (self);
}

void
_tp_window_watch_file_changed (TpWindow *self)
{
  g_assert (TP_IS_WINDOW (self));

  if (self->document == NULL)
    return;

  /* Saved As: what the banner said was about the other file. */
  self->check_reload = FALSE;
  set_disk_state (self, DISK_SAME, NULL, NULL);
  start_watching (self);
}

void
_tp_window_watch_save_ended (TpWindow *self)
{
  g_assert (TP_IS_WINDOW (self));

  /* Events were ignored while the save ran (ours among them): see where things stand. A
   * successful save ends with the disk as the stamp says, which hides the banner. */
  if (self->document != NULL && self->file != NULL)
    schedule_check (self, 0);
}

void
_tp_window_watch_dispose (TpWindow *self)
{
  g_assert (TP_IS_WINDOW (self));

  stop_watching (self);
  g_cancellable_cancel (self->check_cancellable);
  g_clear_object (&self->check_cancellable);
  g_clear_pointer (&self->disk_stamp, tp_file_stamp_free);
}

/* Actions */

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);

  if (self->document == NULL || self->file == NULL)
    return;

  /* Whatever the disk holds when the worker reads it, checked and loaded as usual. */
  self->check_reload = TRUE;
  schedule_check (self, 0);
}

static void
keep_mine_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);

  /* The state (and the stamp, the old one) stay: the next Save asks before it
   * overwrites the other program's version. */
  gtk_revealer_set_reveal_child (self->banner, FALSE);
}

void
_tp_window_class_watch_init (TpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_child (widget_class, TpWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, banner_reload_button);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, banner_keep_button);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, banner_save_button);

  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.keep-mine", NULL, keep_mine_action);
}
