/* test-alignment-view.c: the Alignment view in the window, on a real (virtual) display.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Ctrl+5 goes through the window's own shortcut; the clicks on a cell and on a gap are
 * real ones, driven by xdotool through the X server (skipped where it cannot run), so
 * they come through GTK's gesture the way a mouse's do.
 */

#include "config.h"

#include <string.h>

#include <gdk/x11/gdkx.h>
#include <adwaita.h>

#include "analysis/tp-alignment.h"
#include "app/tp-window-private.h"
#include "render/tp-alignment-page.h"
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
                                                                   TP_TYPE_WINDOW, "alignment_view"));
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

/* The inspector has made way (its flap closes with an animation, and the page re-centres
 * in the width it leaves): only then do cells stay where they are measured. */
static gboolean
is_settled (gpointer data)
{
  Fixture *fixture = data;

  return is_shown (fixture->view) && adw_flap_get_reveal_progress (fixture->window->flap) == 0;
}

static void
show_alignment (Fixture *fixture)
{
  _tp_window_set_view (fixture->window, "alignment");
  tp_test_wait_until (is_settled, fixture, "the alignment to be shown");
  tp_test_flush_events ();
}

static gboolean
can_click (void)
{
  g_autofree char *xdotool_path = g_find_program_in_path ("xdotool");

  return GDK_IS_X11_DISPLAY (gdk_display_get_default ()) && xdotool_path != NULL;
}

/* A real click at (x, y) of the page. */
static void
click_page (Fixture *fixture,
            double   x,
            double   y)
{
  g_autofree char *command = NULL;
  GdkSurface *surface;
  double wx, wy, tx, ty, nx, ny;

  tp_analysis_view_page_to_widget (fixture->view, x, y, &wx, &wy);
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
}

static void
test_shortcut (Fixture       *fixture,
               gconstpointer  data)
{
  TpDocument *document = tp_window_get_document (fixture->window);
  g_autoptr(TpAlignment) alignment = tp_alignment_new (document);
  TpAnalysisLayout *layout;
  TpRect cell;

  g_assert_cmpstr (visible_view (fixture), ==, "board");
  g_assert_cmpint (tp_analysis_view_get_page (fixture->view), ==, TP_ANALYSIS_VIEW_ALIGNMENT);

  press_ctrl (fixture, GDK_KEY_5);
  g_assert_cmpstr (visible_view (fixture), ==, "alignment");
  tp_test_wait_until (is_shown, fixture->view, "the alignment to be shown");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (fixture->window->board)));

  /* It shows this document: a cell for every link. */
  layout = tp_analysis_view_get_layout (fixture->view);
  g_assert_nonnull (layout);
  for (guint i = 0; i < alignment->cells->len; i++)
    g_assert_true (tp_alignment_layout_get_cell (layout, g_array_index (alignment->cells,
                                                                        TpAlignmentCell,
                                                                        i).link->item.id,
                                                 &cell));

  /* Ctrl+4 goes to the analysis, Ctrl+5 back, Ctrl+0 to the board. */
  press_ctrl (fixture, GDK_KEY_4);
  g_assert_cmpstr (visible_view (fixture), ==, "analysis");
  press_ctrl (fixture, GDK_KEY_5);
  g_assert_cmpstr (visible_view (fixture), ==, "alignment");
  press_ctrl (fixture, GDK_KEY_0);
  g_assert_cmpstr (visible_view (fixture), ==, "board");
}

/* The view follows the document: a new link is a new cell at once. */
static void
test_live (Fixture       *fixture,
           gconstpointer  data)
{
  TpDocument *document = tp_window_get_document (fixture->window);
  g_autofree char *link = NULL;

  _tp_window_set_view (fixture->window, "alignment");
  tp_test_wait_until (is_shown, fixture->view, "the alignment to be shown");
  link = g_strdup (tp_document_add_link (document, "n1", "t3", "reaches"));
  g_assert_nonnull (link);
  tp_test_flush_events ();
  g_assert_true (tp_alignment_layout_get_cell (tp_analysis_view_get_layout (fixture->view),
                                               link, NULL));
  tp_document_undo (document);
  tp_test_flush_events ();
  g_assert_false (tp_alignment_layout_get_cell (tp_analysis_view_get_layout (fixture->view),
                                                link, NULL));
}

/* A click on a link's cell selects its note and its touchpoint on the board. */
static void
test_click_cell (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *board = GTK_WIDGET (fixture->window->board);
  TpDocument *document = tp_window_get_document (fixture->window);
  TpSelection *selection;
  TpLink *link;
  TpRect cell;

  if (!can_click ())
    {
      g_test_skip ("a real click needs xdotool on an X11 display");
      return;
    }

  show_alignment (fixture);
  link = tp_document_lookup_kind (document, "l5", TP_ITEM_LINK);
  g_assert_nonnull (link);
  g_assert_true (tp_alignment_layout_get_cell (tp_analysis_view_get_layout (fixture->view), "l5",
                                               &cell));
  click_page (fixture, cell.x + cell.width / 2, cell.y + cell.height / 2);

  tp_test_wait_until (shows_board, fixture, "the board to be shown after the click");
  tp_test_wait_until (is_shown, board, "the board to be mapped");
  selection = tp_board_get_selection (TP_BOARD (board));
  g_assert_cmpuint (tp_selection_get_n_items (selection), ==, 2);
  g_assert_true (tp_selection_contains (selection, link->note));
  g_assert_true (tp_selection_contains (selection, link->touchpoint));
  g_assert_cmpstr (tp_selection_get_primary (selection), ==, link->touchpoint);
  g_assert_true (gtk_widget_has_focus (board));
}

typedef struct
{
  Fixture *fixture;
  double   x;   /* on the page */
  double   y;
} Target;

static gboolean
is_in_window (gpointer data)
{
  Target *target = data;
  GtkWidget *window = GTK_WIDGET (target->fixture->window);
  double wx, wy, tx, ty;

  tp_analysis_view_page_to_widget (target->fixture->view, target->x, target->y, &wx, &wy);
  return gtk_widget_translate_coordinates (GTK_WIDGET (target->fixture->view), window, wx, wy,
                                           &tx, &ty) &&
         ty > 100 && ty < gtk_widget_get_height (window) - 20;
}

/* A click on a gap (a canvas note no touchpoint delivers) selects that note. */
static void
test_click_gap (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *board = GTK_WIDGET (fixture->window->board);
  TpDocument *document = tp_window_get_document (fixture->window);
  g_autoptr(TpAlignment) alignment = tp_alignment_new (document);
  const TpNote *note = g_ptr_array_index (alignment->unlinked_notes, 0);
  g_autofree char *id = g_strdup (note->item.id);
  TpAnalysisLayout *layout;
  TpSelection *selection;
  gboolean found = FALSE;
  Target target;
  TpRect rect;

  if (!can_click ())
    {
      g_test_skip ("a real click needs xdotool on an X11 display");
      return;
    }

  show_alignment (fixture);
  layout = tp_analysis_view_get_layout (fixture->view);
  for (guint i = 0; i < tp_analysis_layout_get_n_texts (layout) && !found; i++)
    found = g_strcmp0 (tp_analysis_layout_get_text (layout, i, &rect), note->text) == 0;
  g_assert_true (found);
  g_assert_cmpstr (tp_analysis_hit_item (layout, rect.x + 4, rect.y + rect.height / 2, NULL), ==, id);

  /* The gaps are below the matrix: scroll them into the window first. */
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (fixture->view),
                                                   GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    double wx, wy;

    tp_analysis_view_page_to_widget (fixture->view, rect.x, rect.y, &wx, &wy);
    gtk_adjustment_set_value (adjustment, wy - 100);
    target = (Target) { fixture, rect.x + 4, rect.y + rect.height / 2 };
    tp_test_wait_until (is_in_window, &target, "the gap to be scrolled into the window");
  }
  click_page (fixture, rect.x + 4, rect.y + rect.height / 2);

  tp_test_wait_until (shows_board, fixture, "the board to be shown after the click");
  selection = tp_board_get_selection (TP_BOARD (board));
  g_assert_cmpuint (tp_selection_get_n_items (selection), ==, 1);
  g_assert_cmpstr (tp_selection_get_primary (selection), ==, id);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = tp_test_init_display (&argc, &argv, "touchpoint-test-alignment-view");

  g_test_add ("/touchpoint/alignment-view/shortcut", Fixture, NULL, fixture_set_up,
              test_shortcut, fixture_tear_down);
  g_test_add ("/touchpoint/alignment-view/live", Fixture, NULL, fixture_set_up,
              test_live, fixture_tear_down);
  g_test_add ("/touchpoint/alignment-view/click-cell", Fixture, NULL, fixture_set_up,
              test_click_cell, fixture_tear_down);
  g_test_add ("/touchpoint/alignment-view/click-gap", Fixture, NULL, fixture_set_up,
              test_click_gap, fixture_tear_down);

  status = g_test_run ();

  tp_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
