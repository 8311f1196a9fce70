/* tp-window-undo-toast.c: "Deleted — Undo" after every delete, and why a change was refused.
 *
 * A delete is one keystroke and easy to make by mistake in a live workshop; the toast
 * says it happened and offers the way back where the eye is, as GNOME's file manager
 * does. Its Undo undoes the delete only while that is still the last step: after any
 * other edit the button would undo something else, so it does nothing then but close.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tp-window-private.h"

static void
on_undo_clicked (TpWindow *self,
                 AdwToast *toast)
{
  guint64 *state = g_object_get_data (G_OBJECT (toast), "tp-state");

  /* Each toast knows the state its delete left: an older toast still on its way out
   * must not undo a newer delete. */
  if (self->document != NULL && state != NULL &&
      tp_document_get_state (self->document) == *state)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.undo", NULL);
}

static void
on_toast_dismissed (TpWindow *self,
                    AdwToast *toast)
{
  if (self->undo_toast == toast)
    g_clear_weak_pointer (&self->undo_toast);
}

static void
on_deleted (TpWindow   *self,
            guint       n_items,
            const char *label,
            TpDocument *document)
{
  g_autofree char *title = NULL;
  AdwToast *toast;

  /* A delete inside a larger step (a cut) is that step's, which says what it did. */
  if (g_strcmp0 (tp_document_get_undo_label (document), label) != 0 || n_items == 0)
    return;

  if (n_items == 1)
    title = g_strdup (_("Deleted"));
  else
    title = g_strdup_printf (ngettext ("%u item deleted", "%u items deleted", n_items), n_items);

  /* One toast at a time: the newest delete is the one Undo undoes. */
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked",
                           G_CALLBACK (on_undo_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (toast, "dismissed",
                           G_CALLBACK (on_toast_dismissed), self, G_CONNECT_SWAPPED);
  /* The overlay owns the toast and may free it unseen (a queued toast when it goes):
   * the window only watches it. */
  g_set_weak_pointer (&self->undo_toast, toast);
  g_object_set_data_full (G_OBJECT (toast), "tp-state",
                          g_memdup2 (&(guint64) { tp_document_get_state (document) }, sizeof (guint64)),
                          g_free);
  _tp_window_add_toast (self, toast);
}

/* Whatever asked for it (a key, a menu, a paste, an import, the presenter's capture), a
 * change the file could not hold is refused by the document, and said here. */
static void
on_refused_dismissed (TpWindow *self,
                      AdwToast *toast)
{
  if (g_object_get_data (G_OBJECT (self), "tp-refused-toast") == toast)
    g_object_set_data (G_OBJECT (self), "tp-refused-toast", NULL);
}

static void
on_refused (TpWindow     *self,
            const GError *error,
            TpDocument   *document)
{
  AdwToast *toast;

  /* Typing on at the cap is refused at every key: one toast says it, not a queue. */
  if (g_object_get_data (G_OBJECT (self), "tp-refused-toast") != NULL)
    return;

  toast = adw_toast_new (error->message);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "dismissed",
                           G_CALLBACK (on_refused_dismissed), self, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (self), "tp-refused-toast", toast);
  _tp_window_add_toast (self, toast);
}

void
_tp_window_undo_toast_bind (TpWindow *self)
{
  g_assert (TP_IS_WINDOW (self));
  g_assert (self->document != NULL);

  self->deleted_id = g_signal_connect_object (self->document, "deleted",
                                              G_CALLBACK (on_deleted), self,
                                              G_CONNECT_SWAPPED);
  self->refused_id = g_signal_connect_object (self->document, "refused",
                                              G_CALLBACK (on_refused), self,
                                              G_CONNECT_SWAPPED);
}

void
_tp_window_undo_toast_unbind (TpWindow *self)
{
  g_assert (TP_IS_WINDOW (self));

  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->deleted_id, self->document);
      g_clear_signal_handler (&self->refused_id, self->document);
    }
  if (self->undo_toast != NULL)
    {
      AdwToast *toast = self->undo_toast;

      g_clear_weak_pointer (&self->undo_toast);
      adw_toast_dismiss (toast);
    }
}
