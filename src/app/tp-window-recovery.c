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
 */

#include "config.h"

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
}

void
_tp_window_recovery_detach (TpWindow *self)
{
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, on_modified_changed, self);
  g_clear_object (&self->snapshotter);
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

void
tp_window_flush_snapshot (TpWindow *self,
                          gboolean  wait)
{
  g_return_if_fail (TP_IS_WINDOW (self));

  if (self->snapshotter == NULL)
    return;

  _tp_window_commit_pending_edit (self);
  tp_snapshotter_flush (self->snapshotter, wait);
}
