/* tp-guide-window.c: the Getting Started guide.
 *
 * The page is a template of translated labels (ui/tp-guide-window.ui), so it is
 * translated and shipped with the rest of the interface and cannot drift from it
 * unnoticed: it names commands by their menus and buttons, which the same translation
 * catalogue holds, rather than by keys that may be rebound.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tp-guide-window.h"

struct _TpGuideWindow
{
  AdwWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (TpGuideWindow, tp_guide_window, ADW_TYPE_WINDOW)

static void
tp_guide_window_class_init (TpGuideWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/tp-guide-window.ui");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tp_guide_window_init (TpGuideWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
on_guide_destroyed (GtkWindow *parent)
{
  g_object_steal_data (G_OBJECT (parent), "tp-guide");
}

void
tp_guide_window_present_for (GtkWindow *parent)
{
  GtkWindow *guide;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  guide = parent != NULL ? g_object_get_data (G_OBJECT (parent), "tp-guide") : NULL;
  if (guide == NULL)
    {
      guide = g_object_new (TP_TYPE_GUIDE_WINDOW,
                            "transient-for", parent,
                            "destroy-with-parent", TRUE,
                            NULL);
      if (parent != NULL)
        {
          /* Forgotten when it closes: the next request makes a new one. */
          g_object_set_data (G_OBJECT (parent), "tp-guide", guide);
          g_signal_connect_object (guide, "destroy", G_CALLBACK (on_guide_destroyed),
                                   parent, G_CONNECT_SWAPPED);
        }
    }
  gtk_window_present (guide);
}
