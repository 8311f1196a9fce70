/* tp-application.c: the Touchpoint application.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One window per document. AdwApplication loads style.css from our resource base path
 * and GtkApplication loads gtk/help-overlay.ui (and binds Ctrl+? to it) by themselves.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tp-application.h"
#include "tp-file-chooser.h"
#include "tp-window.h"

struct _TpApplication
{
  AdwApplication  parent_instance;

  /* Windows still to ask about unsaved changes before quitting, in turn. */
  GPtrArray      *quit_queue;
  gboolean        quitting;
};

G_DEFINE_FINAL_TYPE (TpApplication, tp_application, ADW_TYPE_APPLICATION)

static TpWindow *
find_window_for_file (TpApplication *self,
                      GFile         *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      GFile *window_file;

      if (!TP_IS_WINDOW (l->data))
        continue;

      window_file = tp_window_get_file (l->data);
      if (window_file != NULL && g_file_equal (window_file, file))
        return l->data;
    }

  return NULL;
}

/* The active window, if it shows the welcome page and can take a document. */
static TpWindow *
get_reusable_window (TpApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (TP_IS_WINDOW (window) && tp_window_is_reusable (TP_WINDOW (window)))
    return TP_WINDOW (window);

  return NULL;
}

static TpWindow *
get_window_for_document (TpApplication *self)
{
  TpWindow *window = get_reusable_window (self);

  if (window == NULL)
    window = tp_window_new (GTK_APPLICATION (self));

  return window;
}

void
tp_application_open_file (TpApplication *self,
                          GFile         *file)
{
  TpWindow *window;

  g_return_if_fail (TP_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  /* One window per file: two windows editing one file would overwrite each other. */
  if ((window = find_window_for_file (self, file)) == NULL)
    {
      window = get_window_for_document (self);
      tp_window_open_file (window, file);
    }

  gtk_window_present (GTK_WINDOW (window));
}

/* Actions */

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  TpApplication *self = user_data;
  TpWindow *window = get_window_for_document (self);

  tp_window_new_workshop (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  TpApplication *self = user_data;

  gtk_window_present (GTK_WINDOW (tp_window_new (GTK_APPLICATION (self))));
}

static void
on_open_chosen (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TpApplication) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if ((file = tp_file_chooser_open_finish (result, &error)))
    tp_application_open_file (self, file);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not choose a file: %s", error->message);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  TpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GFile) folder = NULL;

  /* Start beside the document in front, where its siblings usually are. */
  if (TP_IS_WINDOW (parent) && tp_window_get_file (TP_WINDOW (parent)) != NULL)
    folder = g_file_get_parent (tp_window_get_file (TP_WINDOW (parent)));

  tp_file_chooser_open_async (parent, folder, NULL, on_open_chosen, g_object_ref (self));
}

static void quit_next (TpApplication *self);

static void
on_quit_answer (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TpApplication) self = user_data;

  if (tp_window_query_close_finish (TP_WINDOW (object), result))
    {
      quit_next (self);
    }
  else
    {
      /* The user kept this window open: quitting is off, for the others too. */
      g_ptr_array_set_size (self->quit_queue, 0);
      self->quitting = FALSE;
    }
}

static void
quit_next (TpApplication *self)
{
  GList *windows;

  while (self->quit_queue->len > 0)
    {
      g_autoptr(TpWindow) window = g_ptr_array_steal_index (self->quit_queue, 0);

      /* Skip windows the user closed while we were asking about another. */
      if (g_list_find (gtk_application_get_windows (GTK_APPLICATION (self)), window))
        {
          tp_window_query_close_async (window, on_quit_answer, g_object_ref (self));
          return;
        }
    }

  self->quitting = FALSE;

  /* Everybody agreed: destroying the windows (not closing them, which would ask again)
   * lets the application end as its last window goes. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL)
    gtk_window_destroy (windows->data);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  TpApplication *self = user_data;

  if (self->quitting)
    return;

  self->quitting = TRUE;

  /* Most recently used first, as gtk_application_get_windows() orders them. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (TP_IS_WINDOW (l->data))
      g_ptr_array_add (self->quit_queue, g_object_ref (l->data));

  quit_next (self);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  TpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", PACKAGE_NAME,
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Touchpoint Developers"),
                        "comments", _("Build a business model canvas and a customer journey "
                                      "side by side, link them, and find the moments of "
                                      "truth that make or break your customers’ experience."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "new", new_action },
  { "new-window", new_window_action },
  { "open", open_action },
  { "quit", quit_action },
  { "about", about_action },
};

/* GApplication */

static void
tp_application_startup (GApplication *application)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.new", { "<Control>n", NULL } },
    { "app.new-window", { "<Control><Shift>n", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.quit", { "<Control>q", NULL } },
  };
  TpApplication *self = TP_APPLICATION (application);

  G_APPLICATION_CLASS (tp_application_parent_class)->startup (application);

  gtk_window_set_default_icon_name (APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);
}

static void
tp_application_activate (GApplication *application)
{
  TpApplication *self = TP_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (tp_window_new (GTK_APPLICATION (self)));

  gtk_window_present (window);
}

static void
tp_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  TpApplication *self = TP_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    tp_application_open_file (self, files[i]);
}

/* `touchpoint --new-window` (the launcher's "New Window"): runs in the process that was
 * started, and asks the running instance, if there is one, for the window. */
static int
tp_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_contains (options, "new-window"))
    return -1;

  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("touchpoint: %s\n", error->message);
      return 1;
    }
  /* Alone, this process becomes the app and opens its first window as usual. */
  if (!g_application_get_is_remote (application))
    return -1;
  g_action_group_activate_action (G_ACTION_GROUP (application), "new-window", NULL);
  return 0;
}

static void
tp_application_finalize (GObject *object)
{
  TpApplication *self = (TpApplication *) object;

  g_clear_pointer (&self->quit_queue, g_ptr_array_unref);

  G_OBJECT_CLASS (tp_application_parent_class)->finalize (object);
}

static void
tp_application_class_init (TpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = tp_application_finalize;

  application_class->startup = tp_application_startup;
  application_class->activate = tp_application_activate;
  application_class->open = tp_application_open;
  application_class->handle_local_options = tp_application_handle_local_options;
}

static void
tp_application_init (TpApplication *self)
{
  const GOptionEntry options[] = {
    { "new-window", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open a new window"), NULL },
    { NULL }
  };

  self->quit_queue = g_ptr_array_new_with_free_func (g_object_unref);
  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

TpApplication *
tp_application_new (void)
{
  return g_object_new (TP_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/touchpoint/Touchpoint",
                       NULL);
}
