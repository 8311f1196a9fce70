/* test-legend-view.c: the window's Legend popover (Ctrl+L) and its view. */

#include "config.h"

#include <adwaita.h>

#include "app/tp-window-private.h"
#include "views/tp-legend-view.h"
#include "tp-test-display.h"

static char *tmp_dir;

static gboolean
is_loaded (gpointer data)
{
  return !tp_window_get_loading (data);
}

static gboolean
is_shown (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_height (data) > 0;
}

static gboolean
is_closed (gpointer data)
{
  g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel == data)
        return FALSE;
    }
  return TRUE;
}

/* Activates the window's shortcut for keyval with Ctrl, as the key would. */
static void
press_ctrl (GtkWidget *window,
            guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);
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
                                                           GTK_SHORTCUT_ACTION_EXCLUSIVE, window,
                                                           gtk_shortcut_get_arguments (shortcut)));
              tp_test_flush_events ();
              return;
            }
        }
    }
  g_error ("no shortcut Ctrl+%s", gdk_keyval_name (keyval));
}

/* Ctrl+L opens the popover, which draws the whole board's legend. */
static void
test_popover (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (TP_EXAMPLE_PATH);
  TpWindow *window = g_object_ref (tp_window_new (NULL));
  GtkWidget *view, *empty_label;
  TpLegend *legend;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  tp_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  tp_test_wait_until (is_loaded, window, "the document to load");
  view = window->legend_view;
  empty_label = window->legend_empty_label;
  g_assert_false (gtk_widget_get_mapped (view));

  press_ctrl (GTK_WIDGET (window), GDK_KEY_l);
  tp_test_wait_until (is_shown, view, "the legend to show");
  legend = tp_legend_view_get_legend (TP_LEGEND_VIEW (view));
  g_assert_nonnull (legend);
  g_assert_false (tp_legend_is_empty (legend));
  g_assert_false (gtk_widget_get_visible (empty_label));
  /* The whole board's: the notes' colours and the journey's marks alike. */
  {
    gboolean colour = FALSE, emotion = FALSE;

    for (guint i = 0; i < tp_legend_get_n_items (legend); i++)
      {
        colour |= tp_legend_get_item (legend, i)->symbol == TP_LEGEND_NOTE_COLOUR;
        emotion |= tp_legend_get_item (legend, i)->symbol == TP_LEGEND_EMOTION;
      }
    g_assert_true (colour);
    g_assert_true (emotion);
  }
  /* Several wrapped lines at the popover's width, all of them shown. */
  g_assert_cmpint (gtk_widget_get_height (view), >, 60);

  gtk_menu_button_popdown (GTK_MENU_BUTTON (window->legend_button));
  tp_test_flush_events ();
  gtk_window_close (GTK_WINDOW (window));
  tp_test_wait_until (is_closed, window, "the window to close");
  tp_test_flush_events ();
  g_assert_finalize_object (window);
}

/* A board with nothing to explain says so instead of drawing an empty strip. */
static void
test_empty (void)
{
  GtkWidget *board = g_object_ref_sink (tp_board_new ());
  GtkWidget *view = g_object_ref_sink (tp_legend_view_new ());
  g_autoptr(TpDocument) document = tp_document_new ();
  g_autoptr(TpDocument) other = tp_document_new ();
  gboolean empty = FALSE;

  tp_legend_view_set_board (TP_LEGEND_VIEW (view), TP_BOARD (board));
  g_object_get (view, "empty", &empty, NULL);
  g_assert_true (empty);

  tp_board_set_document (TP_BOARD (board), document);
  g_object_get (view, "empty", &empty, NULL);
  g_assert_true (empty);

  tp_document_add_note (other, TP_CONTAINER_CHANNELS, 0, "Shop window");
  tp_board_set_document (TP_BOARD (board), other);
  g_object_get (view, "empty", &empty, NULL);
  g_assert_false (empty);

  g_object_unref (view);
  g_object_unref (board);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = tp_test_init_display (&argc, &argv, "touchpoint-test-legend-view");

  g_test_add_func ("/touchpoint/legend-view/popover", test_popover);
  g_test_add_func ("/touchpoint/legend-view/empty", test_empty);

  status = g_test_run ();
  tp_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
