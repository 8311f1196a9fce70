/* test-analysis-view.c: the Analysis view in the window, on a real (virtual) display.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ctrl+4 goes through the window's own shortcut; the click on a row is a real one,
 * driven by xdotool through the X server (skipped where it cannot run), so it comes
 * through GTK's gesture the way a mouse's does.
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <gdk/x11/gdkx.h>
#include <adwaita.h>

#include "app/tp-window-private.h"
#include "tp-test-display.h"

static char *tmp_dir;

typedef struct
{
  TpWindow       *window;
  TpAnalysisView *view;
} Fixture;

static gboolean
is_loaded (gpointer data)
{
  return !tp_window_get_loading (data);
}

static gboolean
is_shown (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 100;
}

static const char *
visible_view (Fixture *fixture)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                              TP_TYPE_WINDOW, "view_stack"));
  g_autofree char *property = NULL;

  /* The stack and the window's property agree. */
  g_object_get (fixture->window, "view", &property, NULL);
  g_assert_cmpstr (property, ==, gtk_stack_get_visible_child_name (stack));
  return gtk_stack_get_visible_child_name (stack);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (TP_EXAMPLE_PATH);

  fixture->window = g_object_ref (tp_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  tp_window_open_file (fixture->window, file);
  gtk_window_present (GTK_WINDOW (fixture->window));
  tp_test_wait_until (is_loaded, fixture->window, "the document to load");
  g_assert_nonnull (tp_window_get_document (fixture->window));
  fixture->view = TP_ANALYSIS_VIEW (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                   TP_TYPE_WINDOW, "analysis_view"));
  tp_test_flush_events ();
}

static gboolean
is_closed (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel == data)
        return FALSE;
    }
  return TRUE;
}

/* As its OK button does: the response, then the dialog closes. */
static void
dismiss (AdwMessageDialog *dialog)
{
  tp_test_respond (dialog, "close");
  g_assert_null (tp_test_find_message_dialog ());
}

/* Every test leaves the document as it found it: closing must not ask, and the window
 * and its views must die. */
static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_false (tp_document_get_modified (tp_window_get_document (fixture->window)));
  gtk_window_close (GTK_WINDOW (fixture->window));
  g_assert_null (tp_test_find_message_dialog ());
  tp_test_wait_until (is_closed, fixture->window, "the window to close");
  tp_test_flush_events ();
  g_assert_finalize_object (fixture->window);
}

/* Activates the window's shortcut for keyval with Ctrl, as the key would. */
static void
press_ctrl (Fixture *fixture,
            guint    keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, GDK_CONTROL_MASK);

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
                                                           GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                           GTK_WIDGET (fixture->window),
                                                           gtk_shortcut_get_arguments (shortcut)));
              tp_test_flush_events ();
              return;
            }
        }
    }
  g_error ("the window has no shortcut for Ctrl+%s", gdk_keyval_name (keyval));
}

static void
test_shortcut (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *board = GTK_WIDGET (fixture->window->board);
  TpAnalysisLayout *layout;

  g_assert_cmpstr (visible_view (fixture), ==, "board");

  press_ctrl (fixture, GDK_KEY_4);
  g_assert_cmpstr (visible_view (fixture), ==, "analysis");
  tp_test_wait_until (is_shown, fixture->view, "the analysis to be shown");
  g_assert_false (gtk_widget_get_mapped (board));

  /* It shows this document: a row per moment of truth of the example. */
  layout = tp_analysis_view_get_layout (fixture->view);
  g_assert_nonnull (layout);
  g_assert_cmpuint (tp_analysis_layout_get_n_rows (layout, TP_ANALYSIS_TABLE_GAPS), >, 0);

  /* Zooming to a part of the board goes back to the board. */
  press_ctrl (fixture, GDK_KEY_2);
  g_assert_cmpstr (visible_view (fixture), ==, "board");
  tp_test_wait_until (is_shown, board, "the board to be shown again");

  press_ctrl (fixture, GDK_KEY_4);
  press_ctrl (fixture, GDK_KEY_0);
  g_assert_cmpstr (visible_view (fixture), ==, "board");
}

/* xdotool, letting the main loop run meanwhile so the window sees the events. */
static gboolean
child_exited (gpointer data)
{
  return *(int *) data >= 0;
}

static void
on_child_exit (GPid     pid,
               int      status,
               gpointer data)
{
  *(int *) data = WIFEXITED (status) ? WEXITSTATUS (status) : 128;
  g_spawn_close_pid (pid);
}

static void
xdotool (const char *args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *command = g_strdup_printf ("xdotool %s", args);
  g_auto(GStrv) argv = NULL;
  int status = -1;
  GPid pid;

  g_test_message ("%s", command);
  g_shell_parse_argv (command, NULL, &argv, &error);
  g_assert_no_error (error);
  g_spawn_async (NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                 &pid, &error);
  g_assert_no_error (error);
  g_child_watch_add (pid, on_child_exit, &status);
  tp_test_wait_until (child_exited, &status, command);
  g_assert_cmpint (status, ==, 0);
  tp_test_flush_events ();
}

static gboolean
shows_board (gpointer data)
{
  Fixture *fixture = data;
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                              TP_TYPE_WINDOW, "view_stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "board") == 0;
}

/* A click on the first row of the gap table selects its touchpoint on the board. */
static void
test_click_row (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *board = GTK_WIDGET (fixture->window->board);
  GdkSurface *surface;
  TpAnalysisLayout *layout;
  TpSelection *selection;
  g_autofree char *id = NULL;
  g_autofree char *command = NULL;
  g_autofree char *xdotool_path = NULL;
  const char *row_id = NULL;
  double wx, wy, tx, ty, nx, ny;
  TpRect row;

  xdotool_path = g_find_program_in_path ("xdotool");
  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()) || xdotool_path == NULL)
    {
      g_test_skip ("a real click needs xdotool on an X11 display");
      return;
    }

  _tp_window_set_view (fixture->window, "analysis");
  tp_test_wait_until (is_shown, fixture->view, "the analysis to be shown");
  layout = tp_analysis_view_get_layout (fixture->view);
  g_assert_true (tp_analysis_layout_get_row (layout, TP_ANALYSIS_TABLE_GAPS, 0, &row, &row_id));
  id = g_strdup (row_id);
  g_assert_nonnull (tp_document_lookup_kind (tp_window_get_document (fixture->window), id,
                                             TP_ITEM_TOUCHPOINT));

  /* The middle of the row's first cell, in the X window's coordinates. */
  tp_analysis_view_page_to_widget (fixture->view, row.x + 40, row.y + row.height / 2, &wx, &wy);
  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (fixture->view),
                                                   GTK_WIDGET (fixture->window), wx, wy, &tx, &ty));
  g_assert_cmpfloat (ty, <, gtk_widget_get_height (GTK_WIDGET (fixture->window)));
  surface = gtk_native_get_surface (GTK_NATIVE (fixture->window));
  gtk_native_get_surface_transform (GTK_NATIVE (fixture->window), &nx, &ny);
  command = g_strdup_printf ("mousemove --window %lu %d %d",
                             (gulong) gdk_x11_surface_get_xid (surface),
                             (int) (tx + nx + 0.5), (int) (ty + ny + 0.5));
  xdotool (command);
  xdotool ("click 1");

  tp_test_wait_until (shows_board, fixture, "the board to be shown after the click");
  tp_test_wait_until (is_shown, board, "the board to be mapped");
  selection = tp_board_get_selection (TP_BOARD (board));
  g_assert_cmpstr (tp_selection_get_primary (selection), ==, id);
  g_assert_cmpuint (tp_selection_get_n_items (selection), ==, 1);
  g_assert_true (gtk_widget_has_focus (board));
}

static guint
count_kano_rows (Fixture *fixture)
{
  return tp_analysis_layout_get_n_rows (tp_analysis_view_get_layout (fixture->view),
                                        TP_ANALYSIS_TABLE_KANO);
}

/* A small questionnaire: two usable rows for a new need, one for no known touchpoint. */
static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  static const char csv[] =
    "respondent,touchpoint,need,functional,dysfunctional\r\n"
    "r1,Delivery,Gift wrapping,like,neutral\r\n"
    "r2,Delivery,Gift wrapping,1,3\r\n"
    "r3,Teleportation,Gift wrapping,like,dislike\r\n";
  g_autofree char *path = g_build_filename (tmp_dir, "answers.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TpDocument *document = tp_window_get_document (fixture->window);
  AdwMessageDialog *dialog;
  const char *body;
  guint before;

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  _tp_window_set_view (fixture->window, "analysis");
  tp_test_wait_until (is_shown, fixture->view, "the analysis to be shown");
  before = count_kano_rows (fixture);

  _tp_window_import_kano (fixture->window, file);
  tp_test_wait_until (tp_test_has_message_dialog, NULL, "the import's report");
  dialog = tp_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Kano Answers Imported");
  body = adw_message_dialog_get_body (dialog);
  g_assert_nonnull (strstr (body, "2 answers imported from “answers.csv”"));
  g_assert_nonnull (strstr (body, "1 need was added"));
  g_assert_nonnull (strstr (body, "1 row was rejected"));
  g_assert_nonnull (strstr (body, "Line 4: "));
  g_assert_nonnull (strstr (body, "Teleportation"));
  dismiss (dialog);

  /* The view shows the new need, and the import is one step. */
  g_assert_cmpstr (visible_view (fixture), ==, "analysis");
  g_assert_cmpuint (count_kano_rows (fixture), ==, before + 1);
  g_assert_true (tp_document_get_modified (document));
  g_assert_cmpstr (tp_document_get_undo_label (document), ==, "Import Kano Answers");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  tp_test_flush_events ();
  g_assert_cmpuint (count_kano_rows (fixture), ==, before);
  g_assert_false (tp_document_get_modified (document));

  g_unlink (path);
}

/* A file that is not text at all: a dialog says so, and nothing changes. */
static void
test_import_binary (Fixture       *fixture,
                    gconstpointer  data)
{
  static const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
  g_autofree char *path = g_build_filename (tmp_dir, "picture.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (path, binary, sizeof binary - 1, NULL));
  _tp_window_import_kano (fixture->window, file);
  tp_test_wait_until (tp_test_has_message_dialog, NULL, "the import's failure");
  dialog = tp_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Import Kano Answers");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "picture.csv"));
  dismiss (dialog);
  g_assert_false (tp_document_can_undo (tp_window_get_document (fixture->window)));

  g_unlink (path);
}

/* Files that never end or never answer are refused at once, off the main thread, with
 * the same dialog as any other failure, and the window stays usable. */
static void
test_import_special (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *fifo = g_build_filename (tmp_dir, "answers-fifo.csv", NULL);
  const char *paths[] = { fifo, "/dev/zero" };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      AdwMessageDialog *dialog;

      _tp_window_import_kano (fixture->window, file);
      tp_test_wait_until (tp_test_has_message_dialog, NULL, "the import's failure");
      dialog = tp_test_find_message_dialog ();
      g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Import Kano Answers");
      g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "not a regular file"));
      dismiss (dialog);
      g_assert_false (tp_document_can_undo (tp_window_get_document (fixture->window)));
    }

  g_unlink (fifo);
}

static gboolean
is_not_importing (gpointer data)
{
  return !TP_WINDOW (data)->importing;
}

/* Cancel in the progress dialog: the import stops, says nothing more, changes nothing.
 * The task's cancellable decides, so even a parse that finished before the click is not
 * applied. */
static void
test_import_cancel (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (tmp_dir, "many-answers.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) csv = g_string_new ("respondent,touchpoint,need,functional,dysfunctional\n");
  AdwMessageDialog *dialog;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (csv, "r%u,Delivery,Need %u,like,dislike\n", i, i % 50);
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));

  _tp_window_set_import_progress_delay (0);
  _tp_window_import_kano (fixture->window, file);
  dialog = tp_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Importing Kano Answers");
  adw_message_dialog_response (dialog, "cancel");
  tp_test_wait_until (is_not_importing, fixture->window, "the import to stop");
  _tp_window_set_import_progress_delay (300);

  tp_test_flush_events ();
  g_assert_null (tp_test_find_message_dialog ());
  g_assert_false (tp_document_can_undo (tp_window_get_document (fixture->window)));

  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = tp_test_init_display (&argc, &argv, "touchpoint-test-analysis-view");

  g_test_add ("/touchpoint/analysis-view/shortcut", Fixture, NULL, fixture_set_up,
              test_shortcut, fixture_tear_down);
  g_test_add ("/touchpoint/analysis-view/import-special", Fixture, NULL, fixture_set_up,
              test_import_special, fixture_tear_down);
  g_test_add ("/touchpoint/analysis-view/import-cancel", Fixture, NULL, fixture_set_up,
              test_import_cancel, fixture_tear_down);
  g_test_add ("/touchpoint/analysis-view/click-row", Fixture, NULL, fixture_set_up,
              test_click_row, fixture_tear_down);
  g_test_add ("/touchpoint/analysis-view/import", Fixture, NULL, fixture_set_up,
              test_import, fixture_tear_down);
  g_test_add ("/touchpoint/analysis-view/import-binary", Fixture, NULL, fixture_set_up,
              test_import_binary, fixture_tear_down);

  status = g_test_run ();

  tp_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
