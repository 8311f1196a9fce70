/* tp-test-display.c: waiting on the main loop in display tests */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "tp-test-display.h"

static gboolean
on_wait_timeout (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

guint
tp_test_get_slowdown (void)
{
  const char *slowdown = g_getenv ("TP_TEST_SLOWDOWN");
  guint64 factor = slowdown != NULL ? g_ascii_strtoull (slowdown, NULL, 10) : 1;

  return (guint) CLAMP (factor, 1, 20);
}

void
tp_test_wait_until (TpTestCondition  condition,
                    gpointer         data,
                    const char      *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (TP_TEST_WAIT_SECONDS * tp_test_get_slowdown (),
                                    on_wait_timeout, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Timed out waiting for %s", what);

  g_source_remove (id);
}

/* Bounded: an animation (a dialog appearing, a spinner) keeps the frame clock busy, and
 * under sanitizers frames are slow enough that something is always pending. */
void
tp_test_flush_events (void)
{
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC;

  while (g_main_context_pending (NULL) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

char *
tp_test_init_display (int         *argc,
                      char      ***argv,
                      const char  *name)
{
  g_autofree char *template = g_strdup_printf ("%s-XXXXXX", name);
  g_autoptr(GError) error = NULL;
  char *tmp_dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  g_setenv ("XDG_CONFIG_HOME", tmp_dir, TRUE);
  g_setenv ("XDG_CACHE_HOME", tmp_dir, TRUE);
  g_setenv ("XDG_STATE_HOME", tmp_dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  return tmp_dir;
}

void
tp_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        tp_test_remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

void
tp_test_press_shortcut (gpointer widget,
                        guint    keyval,
                        guint    modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, modifiers);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                           GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                           gtk_shortcut_get_arguments (shortcut)));
              tp_test_flush_events ();
              return;
            }
        }
    }
  g_error ("no shortcut %s", gtk_accelerator_name (keyval, modifiers));
}

gboolean
tp_test_window_is_closed (gpointer window)
{
  /* Transfer none: GTK's own list. */
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel == window)
        return FALSE;
    }
  return TRUE;
}

gpointer
tp_test_find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }
  return NULL;
}

gboolean
tp_test_has_message_dialog (gpointer data)
{
  return tp_test_find_message_dialog () != NULL;
}

/* adw_message_dialog_response() alone answers and leaves the dialog showing, where a
 * later tp_test_find_message_dialog() would find it again instead of the next one; and
 * gtk_window_close() after it would answer a second time, with the close response. */
void
tp_test_respond (gpointer    dialog,
                 const char *response)
{
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));

  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  tp_test_flush_events ();
}
