/* tp-window-recent.c: the welcome page's Recent Workshops, what a window does with a
 * file that could not be opened, and the way to the Getting Started guide (the main
 * menu, the welcome page, and a toast over a new, empty workshop).
 *
 * A recent entry shows the workshop's title and date (kept in the desktop's recent list
 * when the file is opened or saved, so that the list needs no file read to show them),
 * its file and folder, and a button that removes it from the list.
 *
 * A file that cannot be opened never enters the list (the file chooser may have put it
 * there already: it is taken out again), and never leaves an empty window behind: a
 * window made for it closes and the message goes to the window the user came from; a
 * window that is the only one says it in its own page. The message says what is wrong,
 * where (the line), and what the user can do, in plain words.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "io/tp-document-file.h"
#include "io/tp-loader.h"

#include "tp-application.h"
#include "tp-guide-window.h"
#include "tp-file-chooser.h"
#include "tp-window-private.h"

/* How many recent documents the welcome page offers. */
#define N_RECENT_MAX 8

void
_tp_window_add_recent (TpWindow *self,
                       GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *exec = g_strdup_printf ("%s %%u", g_get_prgname () ? g_get_prgname () : "touchpoint");
  const TpMeta *meta = self->document != NULL ? tp_document_get_meta (self->document) : NULL;
  GtkRecentData data = {
    .mime_type = (char *) TP_DOCUMENT_MIME_TYPE,
    .app_name = (char *) (g_get_application_name () ? g_get_application_name () : PACKAGE_NAME),
    .app_exec = exec,
  };

  /* The title and the date the workshop gives itself: what the welcome page shows. */
  if (meta != NULL && meta->title != NULL && *meta->title != '\0')
    data.display_name = meta->title;
  if (meta != NULL && meta->date != NULL && *meta->date != '\0')
    data.description = meta->date;

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static gboolean
is_touchpoint_document (GtkRecentInfo *info)
{
  return g_strcmp0 (gtk_recent_info_get_mime_type (info), TP_DOCUMENT_MIME_TYPE) == 0 ||
         g_str_has_suffix (gtk_recent_info_get_uri (info), TP_DOCUMENT_SUFFIX);
}

static int
compare_by_modified (gconstpointer a,
                     gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;

  /* Most recently used first. */
  return g_date_time_compare (gtk_recent_info_get_modified (info_b),
                              gtk_recent_info_get_modified (info_a));
}

static void
on_recent_row_activated (TpWindow     *self,
                         AdwActionRow *row)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "tp-uri");
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (TP_IS_APPLICATION (app))
    tp_application_open_file (TP_APPLICATION (app), file);
  else if (tp_window_is_reusable (self))
    tp_window_open_file (self, file);
}

static void
on_remove_clicked (GtkButton *button,
                   TpWindow  *self)
{
  const char *uri = g_object_get_data (G_OBJECT (button), "tp-uri");

  /* Only the entry goes; the file stays where it is. The list refreshes on "changed". */
  gtk_recent_manager_remove_item (gtk_recent_manager_get_default (), uri, NULL);
}

/* "12 March 2026" from the workshop's "2026-03-12", else when the file was last used. */
static char *
dup_date_text (GtkRecentInfo *info)
{
  const char *date = gtk_recent_info_get_description (info);
  g_autoptr(GDateTime) when = NULL;
  int year, month, day;

  if (date != NULL && sscanf (date, "%4d-%2d-%2d", &year, &month, &day) == 3)
    when = g_date_time_new_local (year, month, day, 0, 0, 0);
  if (when == NULL && gtk_recent_info_get_modified (info) != NULL)
    when = g_date_time_ref (gtk_recent_info_get_modified (info));
  if (when == NULL)
    return NULL;

  /* Translators: a workshop's date on the welcome page; see g_date_time_format() */
  return g_date_time_format (when, _("%-d %B %Y"));
}

static GtkWidget *
create_row (TpWindow      *self,
            GtkRecentInfo *info)
{
  g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
  g_autofree char *folder = _tp_window_dup_folder_name (file);
  g_autofree char *name = _tp_window_dup_file_display_name (file);
  g_autofree char *date = dup_date_text (info);
  g_autofree char *subtitle = NULL;
  const char *title = gtk_recent_info_get_display_name (info);
  GtkWidget *row, *remove;

  /* Older entries have the file's name as their title: it is shown once. */
  if (title == NULL || *title == '\0' || g_strcmp0 (title, name) == 0)
    {
      title = name;
      subtitle = date != NULL ? g_strdup_printf ("%s · %s", date, folder) : g_strdup (folder);
    }
  else
    {
      subtitle = date != NULL ? g_strdup_printf ("%s · %s — %s", date, name, folder)
                              : g_strdup_printf ("%s — %s", name, folder);
    }

  row = g_object_new (ADW_TYPE_ACTION_ROW,
                      "title", title,
                      "subtitle", subtitle,
                      "use-markup", FALSE,
                      "activatable", TRUE,
                      NULL);

  remove = g_object_new (GTK_TYPE_BUTTON,
                         "icon-name", "edit-delete-symbolic",
                         "valign", GTK_ALIGN_CENTER,
                         "tooltip-text", _("Remove From Recent Workshops"),
                         "css-classes", (const char * const[]) { "flat", NULL },
                         NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove From Recent Workshops"), -1);
  g_object_set_data_full (G_OBJECT (remove), "tp-uri",
                          g_strdup (gtk_recent_info_get_uri (info)), g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             g_object_new (GTK_TYPE_IMAGE,
                                           "icon-name", "go-next-symbolic",
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                           NULL));
  g_object_set_data_full (G_OBJECT (row), "tp-uri",
                          g_strdup (gtk_recent_info_get_uri (info)), g_free);
  g_signal_connect_object (row, "activated",
                           G_CALLBACK (on_recent_row_activated), self,
                           G_CONNECT_SWAPPED);
  return row;
}

static void
refresh_recent (TpWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(GPtrArray) infos = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *items = gtk_recent_manager_get_items (manager);

  for (guint i = 0; i < self->recent_rows->len; i++)
    adw_preferences_group_remove (self->recent_group, g_ptr_array_index (self->recent_rows, i));
  g_ptr_array_set_size (self->recent_rows, 0);

  for (const GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      /* exists() only checks local files; others are offered and fail clearly. */
      if (is_touchpoint_document (info) && gtk_recent_info_exists (info))
        g_ptr_array_add (infos, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  g_ptr_array_sort (infos, compare_by_modified);

  for (guint i = 0; i < infos->len && i < N_RECENT_MAX; i++)
    {
      GtkWidget *row = create_row (self, g_ptr_array_index (infos, i));

      adw_preferences_group_add (self->recent_group, row);
      g_ptr_array_add (self->recent_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), self->recent_rows->len > 0);
}

void
_tp_window_recent_init (TpWindow *self)
{
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (refresh_recent), self,
                           G_CONNECT_SWAPPED);
  refresh_recent (self);
}

/* Files that could not be opened */

/* What the user can do about it, by what went wrong. */
static const char *
get_advice (const GError *error)
{
  if (error->domain == TP_LOAD_ERROR)
    switch (error->code)
      {
      case TP_LOAD_ERROR_NOT_TOUCHPOINT:
        return _("This file is not a Touchpoint workshop. Open it with the program that made it.");
      case TP_LOAD_ERROR_NEWER_VERSION:
        return _("Install a newer version of Touchpoint to open it.");
      case TP_LOAD_ERROR_ENCODING:
        return _("The file is not text as workshops are: it may be another kind of file, or damaged. "
                 "If you have a copy or a backup, open that instead.");
      case TP_LOAD_ERROR_TOO_LARGE:
        return _("The file is far larger than a workshop can be, so it is probably not one. "
                 "Check that you chose the right file.");
      case TP_LOAD_ERROR_MALFORMED:
        return _("Open a copy or a backup if you have one. Unsaved work of a session that ended "
                 "unexpectedly is offered for recovery when Touchpoint starts.");
      case TP_LOAD_ERROR_INVALID:
      default:
        return _("The file holds something a workshop cannot, perhaps from an edit by hand or by another program. "
                 "Correct it at the line named, or open a copy or a backup.");
      }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return _("The file is no longer there: it may have been moved, renamed or deleted.");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return _("You are not allowed to read this file. Ask its owner, or open a copy.");

  return _("Check that the file is where you expect and that you may read it.");
}

static char *
dup_explanation (GFile        *file,
                 const GError *error)
{
  /* Translators: the reason (with its line, if it has one), then what to do. */
  return g_strdup_printf (_("%s.\n\n%s"), error->message, get_advice (error));
}

static void
show_message (GtkWindow  *parent,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_OK"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Another window of the application the user is working in, if any. */
static GtkWindow *
find_other_window (TpWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app == NULL)
    return NULL;

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (l->data != self && TP_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

gboolean
_tp_window_load_failed (TpWindow     *self,
                        GFile        *file,
                        const GError *error)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *name = _tp_window_dup_file_display_name (file);
  g_autofree char *heading = NULL;
  g_autofree char *body = dup_explanation (file, error);
  g_autofree char *name_markup = g_markup_escape_text (name, -1);
  g_autofree char *body_markup = g_markup_escape_text (body, -1);
  g_autofree char *title = NULL;
  GtkWindow *other;

  /* The file chooser adds what it opens to the recent list; a file that did not open is
   * no workshop to come back to. */
  gtk_recent_manager_remove_item (gtk_recent_manager_get_default (), uri, NULL);

  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("Could Not Open “%s”"), name);

  other = find_other_window (self);
  if (self->opened_unseen && other != NULL)
    {
      /* A window made for this file: it goes, and the message shows where the user
       * is. */
      show_message (other, heading, body);
      return TRUE;
    }

  /* Translators: %s is a file name */
  title = g_strdup_printf (_("Could Not Open “%s”"), name_markup);
  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, body_markup);
  return FALSE;
}

/* The guide */

static void
guide_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  tp_guide_window_present_for (GTK_WINDOW (widget));
}

void
_tp_window_class_guide_init (TpWindowClass *klass)
{
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "win.guide", NULL, guide_action);
}

void
_tp_window_offer_guide (TpWindow *self)
{
  AdwToast *toast;

  /* A new, empty workshop is where a newcomer wonders what to do first. */
  toast = adw_toast_new (_("New to Touchpoint? Read how to capture, link and score."));
  adw_toast_set_button_label (toast, _("_Getting Started"));
  adw_toast_set_action_name (toast, "win.guide");
  adw_toast_set_timeout (toast, 10);
  _tp_window_add_toast (self, toast);
}
