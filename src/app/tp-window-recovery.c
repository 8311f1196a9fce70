/* tp-window-recovery.c: the window's side of recovery snapshots.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document's snapshotter (io/tp-snapshotter.c) writes a snapshot a few seconds
 * after changes; the window adds the moments only it knows about: losing the focus (the
 * facilitator switches to the slides, the battery may run out there), the user throwing
 * the changes away, the file being saved elsewhere. Windows of an application that is
 * not a TpApplication (some tests) keep no snapshots.
 *
 * When a snapshot cannot be written (the state folder full, read-only, or not a folder),
 * the work is not protected against a crash: a banner says so and why, until a later
 * snapshot is written or the work is saved or thrown away (issue 16).
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tp-application.h"
#include "tp-window-private.h"

static TpRecoveryStore *
get_store (TpWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (!TP_IS_APPLICATION (application))
    return NULL;

  return tp_application_get_recovery_store (TP_APPLICATION (application));
}

static void
update_inhibit (TpWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (TP_IS_APPLICATION (application))
    tp_application_update_inhibit (TP_APPLICATION (application));
}

static void
on_active_changed (TpWindow   *self,
                   GParamSpec *pspec,
                   gpointer    user_data)
{
  /* Switching away is when work is most often left behind. */
  if (!gtk_window_is_active (GTK_WINDOW (self)) && self->snapshotter != NULL)
    {
      _tp_window_commit_pending_edit (self);
      tp_snapshotter_flush (self->snapshotter, FALSE);
    }
}

static void
on_modified_changed (TpWindow   *self,
                     GParamSpec *pspec,
                     TpDocument *document)
{
  update_inhibit (self);
}

static void
update_snapshot_banner (TpWindow *self)
{
  const GError *error = NULL;

  if (self->snapshotter != NULL)
    error = tp_snapshotter_get_error (self->snapshotter);

  if (error != NULL)
    {
      g_autofree char *text =
        g_strdup_printf (_("Your work is not protected against a crash: its recovery copy "
                           "could not be written (%s). Save it to keep it safe."),
                         error->message);

      gtk_label_set_label (self->snapshot_banner_label, text);
    }
  gtk_revealer_set_reveal_child (self->snapshot_banner, error != NULL);
}

void
_tp_window_class_recovery_init (TpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_child (widget_class, TpWindow, snapshot_banner);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, snapshot_banner_label);
}

void
_tp_window_recovery_init (TpWindow *self)
{
  g_signal_connect (self, "notify::is-active", G_CALLBACK (on_active_changed), NULL);
}

void
_tp_window_recovery_attach (TpWindow *self)
{
  TpRecoveryStore *store = get_store (self);
  g_autofree char *id = g_steal_pointer (&self->recovery_id);

  g_assert (self->document != NULL);
  g_assert (self->snapshotter == NULL);

  g_signal_connect_object (self->document, "notify::modified",
                           G_CALLBACK (on_modified_changed), self, G_CONNECT_SWAPPED);
  update_inhibit (self);

  if (store == NULL)
    return;

  self->snapshotter = tp_snapshotter_new (store, self->document, id);
  tp_snapshotter_set_origin (self->snapshotter, self->file, self->stamp);
  g_signal_connect_object (self->snapshotter, "notify::error",
                           G_CALLBACK (update_snapshot_banner), self, G_CONNECT_SWAPPED);
  update_snapshot_banner (self);
}

void
_tp_window_recovery_detach (TpWindow *self)
{
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_modified_changed, self);
  if (self->snapshotter != NULL)
    g_signal_handlers_disconnect_by_func (self->snapshotter, update_snapshot_banner, self);
  g_clear_object (&self->snapshotter);
  if (self->snapshot_banner != NULL)
    update_snapshot_banner (self);
}

void
_tp_window_recovery_update_origin (TpWindow *self)
{
  if (self->snapshotter != NULL)
    tp_snapshotter_set_origin (self->snapshotter, self->file, self->stamp);
}

void
_tp_window_recovery_discard (TpWindow *self)
{
  if (self->snapshotter != NULL)
    tp_snapshotter_discard (self->snapshotter);
}

gboolean
tp_window_flush_snapshot (TpWindow  *self,
                          gboolean   wait,
                          GError   **error)
{
  const GError *failure;

  g_return_val_if_fail (TP_IS_WINDOW (self), FALSE);

  if (self->snapshotter == NULL)
    return TRUE;

  _tp_window_commit_pending_edit (self);
  if (tp_snapshotter_flush (self->snapshotter, wait))
    return TRUE;

  failure = tp_snapshotter_get_error (self->snapshotter);
  if (failure != NULL)
    g_propagate_error (error, g_error_copy (failure));
  else
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         _("The recovery copy could not be written"));
  return FALSE;
}
