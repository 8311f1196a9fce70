/* tp-application.c: the Touchpoint application.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One window per document. AdwApplication loads style.css from our resource base path
 * and GtkApplication loads gtk/help-overlay.ui (and binds Ctrl+? to it) by themselves.
 */

#include "config.h"

#include <signal.h>
#include <glib/gi18n.h>
#include <glib-unix.h>

#include "tp-application.h"
#include "io/tp-caps-measure.h"
#include "tp-file-chooser.h"
#include "tp-recovery-dialog.h"
#include "tp-template-gallery.h"
#include "tp-window.h"

struct _TpApplication
{
  AdwApplication  parent_instance;

  /* Windows still to ask about unsaved changes before quitting, in turn. */
  GPtrArray      *quit_queue;
  gboolean        quitting;

  /* Recovery (RELIABILITY.md): the snapshots' folder, whether the last run ended
   * cleanly, and the question asked at the first start-up that finds snapshots; files
   * asked for meanwhile wait for its answer, since one may be a recovered document. */
  TpRecoveryStore  *recovery_store;
  gboolean          last_clean;
  gboolean          recovery_asked;
  TpRecoveryDialog *recovery_dialog;
  GPtrArray        *pending_files;
  guint             signal_ids[3];
  guint             inhibit_cookie;
  /* What the snapshots at a signal or the session's end could not write, a line per
   * window, said on stderr when the application ends (issue 16). */
  GHashTable       *unprotected;     /* TpWindow * → char *, not owning the window */
  /* `touchpoint --present FILE`: the files to present once open (a GFile set). */
  GHashTable       *present_files;
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

static void
present_when_loaded (TpWindow *window)
{
  if (tp_window_get_document (window) == NULL)
    return;

  g_signal_handlers_disconnect_by_func (window, present_when_loaded, NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
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

  /* Presenting starts once the document is loaded (a file that cannot be opened shows
   * its error page and is never presented). */
  if (g_hash_table_remove (self->present_files, file))
    {
      g_signal_connect (window, "notify::document", G_CALLBACK (present_when_loaded), NULL);
      present_when_loaded (window);
    }
}

/* Recovery */

TpRecoveryStore *
tp_application_get_recovery_store (TpApplication *self)
{
  g_return_val_if_fail (TP_IS_APPLICATION (self), NULL);

  return self->recovery_store;
}

static gboolean
has_unsaved_work (TpApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      TpDocument *document;

      if (TP_IS_WINDOW (l->data) &&
          (document = tp_window_get_document (l->data)) != NULL &&
          tp_document_get_modified (document))
        return TRUE;
    }

  return FALSE;
}

void
tp_application_update_inhibit (TpApplication *self)
{
  gboolean unsaved;

  g_return_if_fail (TP_IS_APPLICATION (self));

  unsaved = has_unsaved_work (self);
  if (unsaved && self->inhibit_cookie == 0)
    {
      /* The session manager shows this while asking whether to log out anyway. */
      self->inhibit_cookie =
        gtk_application_inhibit (GTK_APPLICATION (self),
                                 gtk_application_get_active_window (GTK_APPLICATION (self)),
                                 GTK_APPLICATION_INHIBIT_LOGOUT,
                                 _("A workshop has unsaved changes"));
    }
  else if (!unsaved && self->inhibit_cookie != 0)
    {
      gtk_application_uninhibit (GTK_APPLICATION (self), self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
}

/* Every window writes what no snapshot holds yet, and waits until it is on disk. A
 * window whose work could not be written is remembered with why, and forgotten once a
 * later flush writes it. */
static void
flush_snapshots (TpApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      g_autoptr(GError) error = NULL;
      TpDocument *document;
      g_autofree char *name = NULL;

      if (!TP_IS_WINDOW (l->data))
        continue;
      if (tp_window_flush_snapshot (l->data, TRUE, &error))
        {
          g_hash_table_remove (self->unprotected, l->data);
          continue;
        }

      document = tp_window_get_document (l->data);
      name = document != NULL ? tp_document_dup_display_name (document) : g_strdup ("?");
      g_hash_table_insert (self->unprotected, l->data,
                           g_strdup_printf (_("The unsaved changes to “%s” could not be "
                                              "kept for recovery: %s"),
                                            name, error->message));
    }
}

/* On stderr, since the windows are gone: what was lost. */
static void
report_unprotected (TpApplication *self)
{
  GHashTableIter iter;
  gpointer line;

  g_hash_table_iter_init (&iter, self->unprotected);
  while (g_hash_table_iter_next (&iter, NULL, &line))
    g_printerr ("%s: %s\n", g_get_prgname (), (const char *) line);
}

gboolean
tp_application_lost_work (TpApplication *self)
{
  g_return_val_if_fail (TP_IS_APPLICATION (self), FALSE);

  return g_hash_table_size (self->unprotected) > 0;
}

/* SIGTERM (a shutdown, `kill`), SIGINT (Ctrl+C in a terminal), SIGHUP (the terminal
 * went away): no time to ask about unsaved changes, so they go into snapshots, offered
 * at the next start, and the application quits. Runs from the main loop
 * (g_unix_signal_add), never in the signal handler itself. */
static gboolean
on_quit_signal (gpointer data)
{
  TpApplication *self = data;

  flush_snapshots (self);
  g_application_quit (G_APPLICATION (self));

  return G_SOURCE_CONTINUE;
}

static void
on_query_end (TpApplication *self)
{
  /* The session is ending: whatever the user answers, the work is safe. */
  flush_snapshots (self);
}

static void
open_pending_files (TpApplication *self)
{
  g_autoptr(GPtrArray) files = g_steal_pointer (&self->pending_files);

  self->pending_files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < files->len; i++)
    tp_application_open_file (self, g_ptr_array_index (files, i));
}

static void
recover (TpApplication *self,
         GPtrArray     *chosen)
{
  g_autoptr(GString) failures = g_string_new (NULL);

  for (guint i = 0; i < chosen->len; i++)
    {
      const TpSnapshotInfo *info = g_ptr_array_index (chosen, i);
      g_autoptr(TpDocument) document = NULL;
      g_autoptr(GError) error = NULL;
      TpWindow *window;

      document = tp_recovery_store_load (self->recovery_store, info, NULL, &error);
      if (document == NULL)
        {
          /* Left on disk: the next start offers it again, to discard or to report. */
          g_string_append_printf (failures, "%s%s: %s", failures->len > 0 ? "\n" : "",
                                  info->title, error->message);
          continue;
        }

      window = get_window_for_document (self);
      tp_window_open_recovered (window, document, info);
      gtk_window_present (GTK_WINDOW (window));
    }

  if (failures->len > 0)
    {
      GtkWidget *dialog;

      dialog = adw_message_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                       _("Could Not Recover Everything"), failures->str);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_OK"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
on_recovery_response (TpApplication    *self,
                      const char       *response,
                      TpRecoveryDialog *dialog)
{
  GPtrArray *chosen = tp_recovery_dialog_get_chosen (dialog);

  self->recovery_dialog = NULL;

  if (g_str_equal (response, "recover"))
    {
      recover (self, chosen);
    }
  else if (g_str_equal (response, "discard"))
    {
      for (guint i = 0; i < chosen->len; i++)
        {
          const TpSnapshotInfo *info = g_ptr_array_index (chosen, i);
          g_autoptr(GError) error = NULL;

          if (!tp_recovery_store_remove (self->recovery_store, info->id, &error))
            g_warning ("Could not remove a recovery snapshot: %s", error->message);
        }
    }

  /* "later": the snapshots stay, offered again at the next start. */
  open_pending_files (self);
}

/* At the first start-up: offers the snapshots of work left unsaved, over a window of
 * its own. TRUE while the question is on screen (what to open waits for the answer). */
static gboolean
ask_recovery (TpApplication *self)
{
  g_autoptr(GPtrArray) snapshots = NULL;
  TpWindow *window;

  if (self->recovery_asked)
    return self->recovery_dialog != NULL;
  self->recovery_asked = TRUE;

  snapshots = tp_recovery_store_list (self->recovery_store);
  if (snapshots->len == 0)
    return FALSE;

  window = get_window_for_document (self);
  gtk_window_present (GTK_WINDOW (window));

  self->recovery_dialog = tp_recovery_dialog_new (GTK_WINDOW (window), snapshots,
                                                  !self->last_clean);
  g_signal_connect_object (self->recovery_dialog, "response",
                           G_CALLBACK (on_recovery_response), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->recovery_dialog));

  return TRUE;
}

/* Actions */

static void
on_template_chosen (TpApplication     *self,
                    TpDocument        *document,
                    TpTemplateGallery *gallery)
{
  /* The gallery is the active window now: the window it was opened over (the welcome
   * page, say) is the one to reuse. */
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (gallery));
  TpWindow *window;

  if (TP_IS_WINDOW (parent) && tp_window_is_reusable (TP_WINDOW (parent)))
    window = TP_WINDOW (parent);
  else
    window = get_window_for_document (self);

  tp_window_new_workshop_from (window, document);
  gtk_window_present (GTK_WINDOW (window));
}

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  TpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  TpTemplateGallery *gallery = tp_template_gallery_new (parent);

  /* New starts from the gallery of templates (issue 18); the empty workshop is its
   * first card, so Ctrl+N then Enter is today's New. */
  gtk_window_set_application (GTK_WINDOW (gallery), GTK_APPLICATION (self));
  g_signal_connect_object (gallery, "open-document",
                           G_CALLBACK (on_template_chosen), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (gallery));
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

  /* Edits that would make a workshop its file cannot hold are refused up front. */
  tp_caps_install ();

  G_APPLICATION_CLASS (tp_application_parent_class)->startup (application);

  gtk_window_set_default_icon_name (APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);

  self->recovery_store = tp_recovery_store_new (NULL);
  tp_recovery_store_begin_session (self->recovery_store, &self->last_clean);
  self->signal_ids[0] = g_unix_signal_add (SIGTERM, on_quit_signal, self);
  self->signal_ids[1] = g_unix_signal_add (SIGINT, on_quit_signal, self);
  self->signal_ids[2] = g_unix_signal_add (SIGHUP, on_quit_signal, self);
  g_signal_connect (self, "query-end", G_CALLBACK (on_query_end), NULL);
  g_signal_connect (self, "window-removed", G_CALLBACK (tp_application_update_inhibit), NULL);
}

static void
tp_application_shutdown (GApplication *application)
{
  TpApplication *self = TP_APPLICATION (application);

  /* Windows still open here were not asked (a signal, the session ending): their work
   * is in snapshots. Then the session ended as it should. */
  flush_snapshots (self);
  report_unprotected (self);
  for (guint i = 0; i < G_N_ELEMENTS (self->signal_ids); i++)
    g_clear_handle_id (&self->signal_ids[i], g_source_remove);
  if (self->inhibit_cookie != 0)
    gtk_application_uninhibit (GTK_APPLICATION (self), self->inhibit_cookie);
  self->inhibit_cookie = 0;
  if (self->recovery_store != NULL)
    tp_recovery_store_end_session (self->recovery_store);

  G_APPLICATION_CLASS (tp_application_parent_class)->shutdown (application);
  /* The windows are gone, galleries cancelled: let a preview being drawn finish. */
  tp_template_gallery_wait_for_previews ();
}

static void
tp_application_activate (GApplication *application)
{
  TpApplication *self = TP_APPLICATION (application);
  GtkWindow *window;

  if (ask_recovery (self))
    return;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
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
  gboolean present = g_strcmp0 (hint, "present") == 0;

  for (int i = 0; i < n_files; i++)
    {
      g_ptr_array_add (self->pending_files, g_object_ref (files[i]));
      if (present)
        g_hash_table_add (self->present_files, g_object_ref (files[i]));
    }

  /* One of them may be a file whose unsaved work is about to be recovered. */
  if (!ask_recovery (self))
    open_pending_files (self);
}

/* `touchpoint --present FILE` (the launcher's "Present"): opens the file and presents
 * it, in this process when it is the first instance, else in the running one, with the
 * hint "present" (tp_application_open()). */
static int
handle_present (GApplication *application,
                GVariantDict *options)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_variant_dict_lookup (options, "present", "^ay", &path) || path[0] == '\0')
    {
      g_printerr ("touchpoint: %s\n", _("--present needs a workshop file to present"));
      return 1;
    }

  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("touchpoint: %s\n", error->message);
      return 1;
    }

  file = g_file_new_for_commandline_arg (path);
  g_application_open (application, &file, 1, "present");

  /* The first instance runs on (its windows hold it); a later one is done. */
  return g_application_get_is_remote (application) ? 0 : -1;
}

/* `touchpoint --new-window` (the launcher's "New Window"): runs in the process that was
 * started, and asks the running instance, if there is one, for the window. */
static int
tp_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  g_autoptr(GError) error = NULL;

  if (g_variant_dict_contains (options, "present"))
    return handle_present (application, options);

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
  g_clear_pointer (&self->pending_files, g_ptr_array_unref);
  g_clear_pointer (&self->recovery_store, tp_recovery_store_unref);
  g_clear_pointer (&self->unprotected, g_hash_table_unref);
  g_clear_pointer (&self->present_files, g_hash_table_unref);

  G_OBJECT_CLASS (tp_application_parent_class)->finalize (object);
}

static void
tp_application_class_init (TpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = tp_application_finalize;

  application_class->startup = tp_application_startup;
  application_class->shutdown = tp_application_shutdown;
  application_class->activate = tp_application_activate;
  application_class->open = tp_application_open;
  application_class->handle_local_options = tp_application_handle_local_options;
}

static void
tp_application_init (TpApplication *self)
{
  const GOptionEntry options[] = {
    { "new-window", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Open a new window"), NULL },
    { "present", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Present the workshop full screen"),
      N_("FILE") },
    { NULL }
  };

  self->quit_queue = g_ptr_array_new_with_free_func (g_object_unref);
  self->pending_files = g_ptr_array_new_with_free_func (g_object_unref);
  self->unprotected = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->present_files = g_hash_table_new_full (g_file_hash, (GEqualFunc) g_file_equal,
                                               g_object_unref, NULL);
  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

TpApplication *
tp_application_new (void)
{
  return g_object_new (TP_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/touchpoint/Touchpoint",
                       /* To hear when the session ends (query-end) and to hold back
                        * logging out while work is unsaved. */
                       "register-session", TRUE,
                       NULL);
}
