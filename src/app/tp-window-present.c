/* tp-window-present.c: presenting the window's workshop (win.present, F5).
 *
 * The presentation is a window of its own, full screen. With a second monitor it goes
 * there (the projector) and the editor keeps its monitor, with the presenter strip at
 * its bottom; with one monitor it covers the editor, and leaving (Escape) uncovers it.
 * Either way the editor and the presentation share the document, so an edit made on
 * the laptop is on the projector in the same frame.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tp-present-window.h"
#include "tp-presenter-strip.h"
#include "tp-window-private.h"

/* A monitor other than the one the editor is on, or NULL when there is only one. */
static GdkMonitor *
pick_projector (TpWindow *self)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GListModel *monitors = gdk_display_get_monitors (display);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  GdkMonitor *editor = surface != NULL ? gdk_display_get_monitor_at_surface (display, surface)
                                       : NULL;

  if (g_list_model_get_n_items (monitors) < 2)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (monitor != editor)
        return monitor;   /* the list keeps it alive */
    }

  return NULL;
}

static void
on_presentation_destroy (TpWindow *self)
{
  self->present_window = NULL;
  /* The editor going away takes its presentation along; nothing to restore. */
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    {
      self->presenter_strip = NULL;
      return;
    }
  if (self->presenter_strip != NULL)
    {
      gtk_box_remove (GTK_BOX (gtk_widget_get_parent (self->presenter_strip)),
                      self->presenter_strip);
      self->presenter_strip = NULL;
    }

  /* Back to the editor, its board ready for the keyboard. */
  gtk_window_present (GTK_WINDOW (self));
  if (self->document != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->board));
  _tp_window_update_actions (self);
}

void
_tp_window_present (TpWindow *self)
{
  TpPresentWindow *presentation;
  GdkMonitor *projector;
  GtkWidget *parent;

  g_return_if_fail (TP_IS_WINDOW (self));

  if (self->present_window != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->present_window));
      return;
    }
  if (self->document == NULL)
    return;

  /* A note being typed on the board goes in before the story is built. */
  _tp_window_commit_pending_edit (self);

  presentation = tp_present_window_new (self->document);
  tp_present_window_set_timebox (presentation, tp_window_get_timebox (self));
  self->present_window = GTK_WIDGET (presentation);
  gtk_window_set_application (GTK_WINDOW (presentation),
                              gtk_window_get_application (GTK_WINDOW (self)));
  g_signal_connect_object (presentation, "destroy", G_CALLBACK (on_presentation_destroy),
                           self, G_CONNECT_SWAPPED);

  projector = pick_projector (self);

  /* The monitor's size from the start: a session without a window manager (a kiosk, a
   * test) never makes the window full screen. */
  {
    GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
    GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
    GdkMonitor *monitor = projector;
    GdkRectangle geometry;

    if (monitor == NULL && surface != NULL)
      monitor = gdk_display_get_monitor_at_surface (display, surface);
    if (monitor != NULL)
      {
        gdk_monitor_get_geometry (monitor, &geometry);
        gtk_window_set_default_size (GTK_WINDOW (presentation), geometry.width, geometry.height);
      }
  }

  if (projector != NULL)
    {
      gtk_window_fullscreen_on_monitor (GTK_WINDOW (presentation), projector);

      /* The strip goes under the editor's pages, in the box that holds them. */
      parent = gtk_widget_get_parent (GTK_WIDGET (self->stack));
      if (GTK_IS_BOX (parent))
        {
          self->presenter_strip = tp_presenter_strip_new (presentation);
          gtk_box_append (GTK_BOX (parent), self->presenter_strip);
        }
    }
  else
    {
      gtk_window_fullscreen (GTK_WINDOW (presentation));
    }

  gtk_window_present (GTK_WINDOW (presentation));
  /* With a projector, the laptop keeps the keyboard for editing; a clicker's Page Up
   * and Page Down still step the projector through the strip (tp-presenter-strip.c). */
  if (projector != NULL)
    gtk_window_present (GTK_WINDOW (self));

  _tp_window_update_actions (self);
}

void
_tp_window_present_document_unbound (TpWindow *self)
{
  /* The presentation shows the document the window lets go of (a reload replaces it):
   * it ends rather than show a document nobody edits any more. */
  if (self->present_window != NULL)
    gtk_window_destroy (GTK_WINDOW (self->present_window));
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _tp_window_present (TP_WINDOW (widget));
}

void
_tp_window_class_present_init (TpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.present", NULL);
}
