/* tp-export-dialog-toast.c: the toast an export leaves in the window ("Exported
 * “Acme.pdf”", and whether its pages had to be scaled down), and its Open and Show in
 * Folder buttons.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tp-export-dialog-private.h"
#include "tp-window-private.h"

static void
on_launched (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autofree char *uri = user_data;
  g_autoptr(GError) error = NULL;

  /* Nothing on this system opens the file: the toast is gone, and the file is there to
   * find; say why in the log. */
  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    g_message ("Could not open %s: %s", uri, error->message);
}

static void
launch_uri (const char *uri)
{
  g_autoptr(GdkAppLaunchContext) context = NULL;

  context = gdk_display_get_app_launch_context (gdk_display_get_default ());
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL,
                                           on_launched, g_strdup (uri));
}

static void
open_folder_of (GFile *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *uri = NULL;

  if (folder == NULL)
    return;

  uri = g_file_get_uri (folder);
  launch_uri (uri);
}

static void
on_show_items (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GFile) file = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    {
      g_debug ("No file manager shows items: %s", error->message);
      open_folder_of (file);
    }
}

static void
on_session_bus (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GFile) file = user_data;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autofree char *uri = NULL;
  const char *uris[2] = { NULL, NULL };

  if (!(bus = g_bus_get_finish (result, NULL)))
    {
      open_folder_of (file);
      return;
    }

  /* The file manager opens the folder with the file selected (the interface Nautilus,
   * Dolphin, Nemo and others implement); without one, the folder opens as it is. */
  uri = g_file_get_uri (file);
  uris[0] = uri;
  g_dbus_connection_call (bus,
                          "org.freedesktop.FileManager1",
                          "/org/freedesktop/FileManager1",
                          "org.freedesktop.FileManager1",
                          "ShowItems",
                          g_variant_new ("(^ass)", uris, ""),
                          NULL,
                          G_DBUS_CALL_FLAGS_NONE,
                          -1,
                          NULL,
                          on_show_items,
                          g_steal_pointer (&file));
}

static void
on_toast_open (AdwToast *toast)
{
  GFile *file = g_object_get_data (G_OBJECT (toast), "tp-file");
  g_autofree char *uri = g_file_get_uri (file);

  launch_uri (uri);
}

static void
on_toast_show_in_folder (AdwToast *toast)
{
  GFile *file = g_object_get_data (G_OBJECT (toast), "tp-file");

  g_bus_get (G_BUS_TYPE_SESSION, NULL, on_session_bus, g_object_ref (file));
  adw_toast_dismiss (toast);
}

void
_tp_export_dialog_show_toast (TpWindow             *window,
                              GFile                *file,
                              const TpExportReport *report)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_filename_display_name (basename);
  g_autofree char *title = NULL;
  AdwToast *toast;
  GtkWidget *box, *texts, *label, *button;

  title = g_strdup_printf (_("Exported “%s”"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("Open"));
  g_object_set_data_full (G_OBJECT (toast), "tp-file", g_object_ref (file), g_object_unref);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_toast_open), NULL);

  /* A toast has one button of its own: the second goes beside the title. */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  label = g_object_new (GTK_TYPE_LABEL,
                        "label", title,
                        "ellipsize", PANGO_ELLIPSIZE_MIDDLE,
                        "hexpand", TRUE,
                        "xalign", 0.0f,
                        NULL);
  gtk_widget_add_css_class (label, "heading");
  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), label);

  /* As the command line says it (tp-cli.c): a page wider than PDF readers take was made
   * smaller, which the user should know before sending the file on. */
  if (report != NULL && report->page_shrink < 1)
    {
      g_autofree char *scaled = NULL;

      scaled = g_strdup_printf (_("Pages larger than PDF readers take were scaled down to %.1f %%; the text is still text"),
                                report->page_shrink * 100);
      label = g_object_new (GTK_TYPE_LABEL,
                            "label", scaled,
                            "wrap", TRUE,
                            "xalign", 0.0f,
                            NULL);
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (texts), label);
      /* A toast with more to read stays a little longer. */
      adw_toast_set_timeout (toast, 10);
    }

  button = gtk_button_new_with_mnemonic (_("Show in _Folder"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_toast_show_in_folder), toast);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), button);
  adw_toast_set_custom_title (toast, box);

  _tp_window_add_toast (window, toast);
}
