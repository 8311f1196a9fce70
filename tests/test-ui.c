/* test-ui.c: the application window around a document, on a real (virtual) display.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "app/tp-window.h"
#include "views/tp-inspector.h"
#include "views/tp-overview-page.h"
#include "tp-test-display.h"

static char *tmp_dir;

static gboolean
is_loaded (gpointer data)
{
  return !tp_window_get_loading (data);
}

static gboolean
is_unmodified (gpointer data)
{
  return !tp_document_get_modified (data);
}

static const char *
example_path (void)
{
  const char *path = g_getenv ("TP_EXAMPLE");

  return path != NULL ? path : TP_EXAMPLE_PATH;
}

static gpointer
template_child (TpWindow   *window,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), TP_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

static const char *
window_title (TpWindow *window)
{
  return adw_window_title_get_title (template_child (window, "window_title"));
}

static const char *
visible_page (TpWindow *window)
{
  return gtk_stack_get_visible_child_name (template_child (window, "stack"));
}

/* The workshop's properties and counts, which the inspector shows while nothing is
 * selected (as when a document has just opened). */
static gpointer
overview_child (TpWindow   *window,
                const char *name)
{
  TpInspector *inspector = template_child (window, "inspector");
  TpOverviewPage *page = (TpOverviewPage *) gtk_widget_get_template_child (GTK_WIDGET (inspector),
                                                                           TP_TYPE_INSPECTOR,
                                                                           "overview_page");
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (page), TP_TYPE_OVERVIEW_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

/* Opens path in a new window and waits for the outcome. The returned reference is
 * the caller's, so that the test can check the window dies. */
static TpWindow *
open_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TpWindow *window = g_object_ref (tp_window_new (NULL));

  tp_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  tp_test_wait_until (is_loaded, window, "the document to load");

  return window;
}

/* gtk_window_destroy() drops GTK's own reference and leaves the rest to whoever holds
 * one (the tests do), so a closed window is one that left the list of toplevels. */
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

/* Closes window as the user would, asserts that it went without asking, and that
 * nothing kept it alive. */
static void
close_and_finalize (TpWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  g_assert_null (tp_test_find_message_dialog ());
  tp_test_wait_until (is_closed, window, "the window to close");
  tp_test_flush_events ();

  g_assert_finalize_object (window);
}

/* Counts opening tags (as "<name ") between the first start and end markers of the
 * file's text: the expected numbers come from the file, not from the loader under test. */
static guint
count_in_section (const char *text,
                  const char *start,
                  const char *end,
                  const char *tag)
{
  const char *from = strstr (text, start);
  const char *to = from ? strstr (from, end) : NULL;
  guint n = 0;

  g_assert_nonnull (from);
  g_assert_nonnull (to);

  for (const char *p = strstr (from, tag); p != NULL && p < to; p = strstr (p + 1, tag))
    n++;

  return n;
}

static void
assert_count (TpWindow   *window,
              const char *label_name,
              guint       expected)
{
  GtkLabel *label = overview_child (window, label_name);
  g_autofree char *text = g_strdup_printf ("%u", expected);

  g_assert_cmpstr (gtk_label_get_label (label), ==, text);
}

static void
test_open_example (void)
{
  g_autofree char *contents = NULL;
  g_autofree char *basename = g_path_get_basename (example_path ());
  TpWindow *window;
  TpDocument *document;

  g_assert_true (g_file_get_contents (example_path (), &contents, NULL, NULL));

  window = open_window (example_path ());
  document = tp_window_get_document (window);

  g_assert_nonnull (document);
  g_assert_false (tp_document_get_modified (document));
  g_assert_cmpstr (visible_page (window), ==, "document");
  g_assert_nonnull (strstr (window_title (window), basename));
  g_assert_false (g_str_has_prefix (window_title (window), "•"));

  /* Nothing to save: the suggested button says so by being insensitive. */
  g_assert_false (gtk_widget_get_sensitive (template_child (window, "save_button")));

  assert_count (window, "canvas_notes_count",
                count_in_section (contents, "<canvas>", "</canvas>", "<note "));
  assert_count (window, "value_chain_notes_count",
                count_in_section (contents, "<value-chain>", "</value-chain>", "<note "));
  assert_count (window, "stages_count",
                count_in_section (contents, "<journey>", "</journey>", "<stage "));
  assert_count (window, "touchpoints_count",
                count_in_section (contents, "<journey>", "</journey>", "<touchpoint "));
  assert_count (window, "moments_of_truth_count",
                count_in_section (contents, "<journey>", "</journey>", "<moment-of-truth"));
  /* The personas are listed, one row each, rather than counted. */
  {
    GtkWidget *list = overview_child (window, "personas_list");
    guint rows = 0;

    for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
      rows += GTK_IS_LIST_BOX_ROW (row);
    g_assert_cmpuint (rows, ==, count_in_section (contents, "<personas>", "</personas>", "<persona "));
  }
  assert_count (window, "links_count",
                count_in_section (contents, "<links>", "</links>", "<link "));

  /* The rows show the metadata. */
  g_assert_cmpstr (gtk_editable_get_text (overview_child (window, "title_row")), ==,
                   tp_document_get_meta (document)->title);
  g_assert_cmpstr (gtk_editable_get_text (overview_child (window, "date_row")), ==,
                   tp_document_get_meta (document)->date);

  close_and_finalize (window);
}

/* The header bar keeps few buttons: the board's zoom and its links' focus are in the main
 * menu (win.focus-links), and the narrow view switcher names the view it shows. */
static void
test_header (void)
{
  TpWindow *window = open_window (example_path ());
  GObject *board = template_child (window, "board");
  GtkMenuButton *view_menu = GTK_MENU_BUTTON (template_child (window, "view_menu_button"));
  gboolean focus_links = TRUE;

  g_assert_null (gtk_widget_get_template_child (GTK_WIDGET (window), TP_TYPE_WINDOW, "zoom_button"));
  g_assert_null (gtk_widget_get_template_child (GTK_WIDGET (window), TP_TYPE_WINDOW, "links_button"));
  g_assert_true (gtk_widget_get_visible (template_child (window, "zoom_controls")));
  g_assert_cmpstr (gtk_menu_button_get_label (view_menu), ==, "Board");

  g_object_get (board, "focus-links", &focus_links, NULL);
  g_assert_false (focus_links);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-links", NULL));
  g_object_get (board, "focus-links", &focus_links, NULL);
  g_assert_true (focus_links);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-links", NULL));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "analysis"));
  g_assert_cmpstr (gtk_menu_button_get_label (view_menu), ==, "Analysis");
  g_assert_false (gtk_widget_get_visible (template_child (window, "zoom_controls")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.view", "s", "board"));
  g_assert_true (gtk_widget_get_visible (template_child (window, "zoom_controls")));

  close_and_finalize (window);
}

static void
test_edit_and_undo (void)
{
  TpWindow *window = open_window (example_path ());
  TpDocument *document = tp_window_get_document (window);
  GtkEditable *title_row = overview_child (window, "title_row");
  g_autofree char *original = g_strdup (tp_document_get_meta (document)->title);

  /* Typing, one letter at a time, is one undo step. */
  gtk_editable_set_text (title_row, "W");
  gtk_editable_set_text (title_row, "Wo");
  gtk_editable_set_text (title_row, "Workshop in Kassel");

  g_assert_cmpstr (tp_document_get_meta (document)->title, ==, "Workshop in Kassel");
  g_assert_true (tp_document_get_modified (document));
  g_assert_true (g_str_has_prefix (window_title (window), "•"));
  g_assert_true (gtk_widget_get_sensitive (template_child (window, "save_button")));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);

  g_assert_cmpstr (tp_document_get_meta (document)->title, ==, original);
  g_assert_cmpstr (gtk_editable_get_text (title_row), ==, original);
  g_assert_false (tp_document_get_modified (document));
  g_assert_false (g_str_has_prefix (window_title (window), "•"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpstr (gtk_editable_get_text (title_row), ==, "Workshop in Kassel");
  g_assert_true (tp_document_get_modified (document));

  /* A half-typed date is shown as an error and never reaches the document. */
  gtk_editable_set_text (overview_child (window, "date_row"), "2026-02-3");
  g_assert_true (gtk_widget_has_css_class (overview_child (window, "date_row"), "error"));
  g_assert_cmpstr (tp_document_get_meta (document)->date, !=, "2026-02-3");
  gtk_editable_set_text (overview_child (window, "date_row"), "2026-02-30");
  g_assert_true (gtk_widget_has_css_class (overview_child (window, "date_row"), "error"));
  gtk_editable_set_text (overview_child (window, "date_row"), "2026-02-28");
  g_assert_false (gtk_widget_has_css_class (overview_child (window, "date_row"), "error"));
  g_assert_cmpstr (tp_document_get_meta (document)->date, ==, "2026-02-28");

  /* Back to the saved state, so that closing does not ask. */
  while (tp_document_can_undo (document))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (tp_document_get_modified (document));

  close_and_finalize (window);
}

static void
test_save (void)
{
  g_autofree char *contents = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "copy.touchpoint", NULL);
  g_autofree char *saved = NULL;
  TpWindow *window;
  TpDocument *document;

  g_assert_true (g_file_get_contents (example_path (), &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));

  window = open_window (path);
  document = tp_window_get_document (window);
  g_assert_nonnull (document);

  gtk_editable_set_text (overview_child (window, "title_row"), "Saved & sound");
  g_assert_true (tp_document_get_modified (document));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  tp_test_wait_until (is_unmodified, document, "the save to finish");

  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "Saved &amp; sound"));
  g_assert_false (g_str_has_prefix (window_title (window), "•"));
  g_assert_false (gtk_widget_get_sensitive (template_child (window, "save_button")));

  close_and_finalize (window);
  g_assert_cmpint (g_unlink (path), ==, 0);
}

static void
test_close_prompt (void)
{
  TpWindow *window = open_window (example_path ());
  TpDocument *document = tp_window_get_document (window);
  AdwMessageDialog *dialog;

  gtk_editable_set_text (overview_child (window, "facilitator_row"), "Someone Else");
  g_assert_true (tp_document_get_modified (document));

  /* Cancel keeps the window and the changes. */
  gtk_window_close (GTK_WINDOW (window));
  tp_test_wait_until (tp_test_has_message_dialog, NULL, "the unsaved-changes prompt");
  dialog = tp_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  tp_test_respond (dialog, "cancel");
  g_assert_false (is_closed (window));
  g_assert_true (tp_document_get_modified (document));

  /* Closing again at once asks again. Answered outside any event's dispatch, as here,
   * GTask calls back only at the next idle: the second request must not be taken for
   * the first, still waiting (it was, and the window then never closed). */
  gtk_window_close (GTK_WINDOW (window));
  tp_test_wait_until (tp_test_has_message_dialog, NULL, "the unsaved-changes prompt");
  dialog = tp_test_find_message_dialog ();
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_close (GTK_WINDOW (window));
  tp_test_wait_until (tp_test_has_message_dialog, NULL, "the prompt asked again");
  tp_test_respond (tp_test_find_message_dialog (), "cancel");
  g_assert_false (is_closed (window));

  /* Discard closes without saving (the example on disk is not touched). */
  gtk_window_close (GTK_WINDOW (window));
  tp_test_wait_until (tp_test_has_message_dialog, NULL, "the unsaved-changes prompt");
  tp_test_respond (tp_test_find_message_dialog (), "discard");
  tp_test_wait_until (is_closed, window, "the window to close");
  tp_test_flush_events ();

  g_assert_finalize_object (window);
}

static void
test_bad_file (void)
{
  static const char bad[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<touchpoint xmlns=\"https://touchpoint.github.io/ns/1\" version=\"1.0\">\n"
    "  <meta><title>Broken</meta>\n"
    "</touchpoint>\n";
  g_autofree char *path = g_build_filename (tmp_dir, "broken.touchpoint", NULL);
  g_autofree char *saved = NULL;
  AdwStatusPage *error_page;
  TpWindow *window;

  g_assert_true (g_file_set_contents (path, bad, -1, NULL));

  window = open_window (path);

  g_assert_null (tp_window_get_document (window));
  g_assert_null (tp_window_get_file (window));
  g_assert_cmpstr (visible_page (window), ==, "error");
  g_assert_true (tp_window_is_reusable (window));

  error_page = template_child (window, "error_page");
  g_assert_nonnull (strstr (adw_status_page_get_title (error_page), "broken.touchpoint"));
  g_assert_nonnull (strstr (adw_status_page_get_description (error_page), "Line 3"));

  /* Nothing can be saved over the damaged file. */
  g_assert_false (gtk_widget_get_visible (template_child (window, "save_button")));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  tp_test_flush_events ();
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_cmpstr (saved, ==, bad);

  close_and_finalize (window);
  g_assert_cmpint (g_unlink (path), ==, 0);
}

static void
test_new_workshop (void)
{
  TpWindow *window = g_object_ref (tp_window_new (NULL));
  TpDocument *document;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (visible_page (window), ==, "welcome");
  g_assert_true (tp_window_is_reusable (window));

  tp_window_new_workshop (window);
  document = tp_window_get_document (window);

  g_assert_nonnull (document);
  g_assert_false (tp_window_is_reusable (window));
  g_assert_cmpstr (visible_page (window), ==, "document");
  assert_count (window, "stages_count", tp_document_get_stages (document)->len);
  assert_count (window, "canvas_notes_count", 0);
  /* Never saved: Save asks where, so it is available straight away. */
  g_assert_true (gtk_widget_get_sensitive (template_child (window, "save_button")));

  close_and_finalize (window);
}

/* A file dropped on the welcome page opens in that window. */
static void
test_drop_file (void)
{
  TpWindow *window = g_object_ref (tp_window_new (NULL));
  g_autoptr(GFile) file = g_file_new_for_path (example_path ());
  g_autoptr(GListModel) controllers = NULL;
  GtkDropTarget *drop = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *files;
  gboolean accepted = FALSE;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (visible_page (window), ==, "welcome");

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && drop == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        drop = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (drop);

  files = g_slist_prepend (NULL, file);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free (files);
  g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);

  tp_test_wait_until (is_loaded, window, "the dropped document to load");
  g_assert_cmpstr (visible_page (window), ==, "document");
  g_assert_nonnull (tp_window_get_file (window));
  g_assert_true (g_file_equal (tp_window_get_file (window), file));

  close_and_finalize (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = tp_test_init_display (&argc, &argv, "touchpoint-test-ui");

  g_test_add_func ("/touchpoint/ui/open-example", test_open_example);
  g_test_add_func ("/touchpoint/ui/header", test_header);
  g_test_add_func ("/touchpoint/ui/edit-and-undo", test_edit_and_undo);
  g_test_add_func ("/touchpoint/ui/save", test_save);
  g_test_add_func ("/touchpoint/ui/close-prompt", test_close_prompt);
  g_test_add_func ("/touchpoint/ui/bad-file", test_bad_file);
  g_test_add_func ("/touchpoint/ui/new-workshop", test_new_workshop);
  g_test_add_func ("/touchpoint/ui/drop-file", test_drop_file);

  status = g_test_run ();

  tp_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
