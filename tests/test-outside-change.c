/* test-outside-change.c: the window notices when another program changes its file.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real files in a temporary folder, changed the ways other programs change them (a new
 * file renamed over ours, ours truncated and rewritten, deleted, damaged), with the
 * window watching them on a real (virtual) display.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <utime.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "app/tp-window.h"
#include "views/tp-board.h"
#include "views/tp-inspector.h"
#include "views/tp-overview-page.h"
#include "views/tp-selection.h"
#include "tp-test-display.h"

#define ORIGINAL_TITLE "Volt — online electronics shop"
#define OTHER_TITLE "Volt, as another program saved it"
#define OUR_TITLE "Volt, as we edited it"
/* A note the other program's version no longer has. */
#define DROPPED_NOTE "<note id=\"n5\""

static char *tmp_dir;
static guint n_files;

static const char *
example_path (void)
{
  const char *path = g_getenv ("TP_EXAMPLE");

  return path != NULL ? path : TP_EXAMPLE_PATH;
}

static char *
example_contents (void)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (example_path (), &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, ORIGINAL_TITLE));

  return contents;
}

/* The example as another program would save it: another title, and note n5 gone. */
static char *
other_contents (void)
{
  g_autofree char *contents = example_contents ();
  g_autoptr(GString) other = g_string_new (contents);
  const char *note = strstr (other->str, DROPPED_NOTE);
  const char *line_end;
  gssize start;

  g_string_replace (other, ORIGINAL_TITLE, OTHER_TITLE, 1);

  g_assert_nonnull (note);
  start = note - other->str;
  while (start > 0 && other->str[start - 1] == ' ')
    start--;
  line_end = strchr (note, '\n');
  g_assert_nonnull (line_end);
  g_string_erase (other, start, line_end + 1 - (other->str + start));

  return g_string_free (g_steal_pointer (&other), FALSE);
}

/* A fresh copy of the example, for one test to change. */
static char *
new_document_path (void)
{
  g_autofree char *contents = example_contents ();
  g_autofree char *name = g_strdup_printf ("workshop-%u.touchpoint", n_files++);
  char *path = g_build_filename (tmp_dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));

  return path;
}

/* How editors and sync tools save: a temporary file renamed over ours. */
static void
replace_by_rename (const char *path,
                   const char *contents)
{
  g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);

  g_assert_true (g_file_set_contents (tmp, contents, -1, NULL));
  g_assert_cmpint (g_rename (tmp, path), ==, 0);
}

/* How simpler programs save: ours truncated and written again, in pieces. */
static void
rewrite_in_place (const char *path,
                  const char *contents)
{
  FILE *stream = fopen (path, "w");
  size_t length = strlen (contents);
  size_t half = length / 2;

  g_assert_nonnull (stream);
  g_assert_cmpuint (fwrite (contents, 1, half, stream), ==, half);
  fflush (stream);
  g_usleep (20 * 1000);
  g_assert_cmpuint (fwrite (contents + half, 1, length - half, stream), ==, length - half);
  g_assert_cmpint (fclose (stream), ==, 0);
}

static gpointer
template_child (TpWindow   *window,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), TP_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

static TpBoard *
board_of (TpWindow *window)
{
  return template_child (window, "board");
}

static gboolean
banner_shown (TpWindow *window)
{
  return gtk_revealer_get_reveal_child (template_child (window, "banner"));
}

static const char *
banner_text (TpWindow *window)
{
  return gtk_label_get_label (template_child (window, "banner_label"));
}

static gboolean
save_enabled (TpWindow *window)
{
  return gtk_widget_get_sensitive (template_child (window, "save_button"));
}

static const char *
document_title (TpWindow *window)
{
  return tp_document_get_meta (tp_window_get_document (window))->title;
}

/* Edits the title as the user would, in the inspector. */
static void
edit_title (TpWindow   *window,
            const char *title)
{
  TpInspector *inspector = template_child (window, "inspector");
  TpOverviewPage *page = (TpOverviewPage *) gtk_widget_get_template_child (GTK_WIDGET (inspector),
                                                                           TP_TYPE_INSPECTOR,
                                                                           "overview_page");
  GtkEditable *row = (GtkEditable *) gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                     TP_TYPE_OVERVIEW_PAGE,
                                                                     "title_row");

  g_assert_nonnull (row);
  gtk_editable_set_text (row, title);
  g_assert_true (tp_document_get_modified (tp_window_get_document (window)));
}

static gboolean
is_loaded (gpointer data)
{
  return !tp_window_get_loading (data);
}

static gboolean
board_has_size (gpointer data)
{
  return gtk_widget_get_width (GTK_WIDGET (board_of (data))) > 0;
}

static TpWindow *
open_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TpWindow *window = g_object_ref (tp_window_new (NULL));

  tp_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  tp_test_wait_until (is_loaded, window, "the document to load");
  g_assert_nonnull (tp_window_get_document (window));
  tp_test_wait_until (board_has_size, window, "the board to be allocated");
  tp_test_flush_events ();

  return window;
}

typedef struct
{
  TpWindow   *window;
  TpDocument *document;
} Replaced;

static gboolean
is_replaced (gpointer data)
{
  Replaced *replaced = data;

  return tp_window_get_document (replaced->window) != replaced->document;
}

static void
wait_for_reload (TpWindow   *window,
                 TpDocument *old_document)
{
  Replaced replaced = { window, old_document };

  tp_test_wait_until (is_replaced, &replaced, "the document to be reloaded");
}

/* Shown, and done sliding in: its buttons can be clicked. */
static gboolean
has_banner (gpointer data)
{
  GtkRevealer *banner = template_child (data, "banner");

  return gtk_revealer_get_reveal_child (banner) && gtk_revealer_get_child_revealed (banner);
}

static gboolean
has_no_banner (gpointer data)
{
  return !banner_shown (data);
}

static gboolean
on_quiet_timeout (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the window's checks run (they wait 300 ms after the last event) when the test
 * expects them to change nothing. */
static void
let_checks_run (void)
{
  gboolean done = FALSE;

  g_timeout_add (1500 * tp_test_get_slowdown (), on_quiet_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
is_unmodified (gpointer data)
{
  return !tp_document_get_modified (tp_window_get_document (data));
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

static void
close_and_finalize (TpWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  g_assert_null (tp_test_find_message_dialog ());
  tp_test_wait_until (is_closed, window, "the window to close");
  tp_test_flush_events ();

  g_assert_finalize_object (window);
}

static gboolean
file_holds (const char *path,
            const char *text)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, text) != NULL;
}

/* An unmodified document follows the file, whichever way it was rewritten, and the view
 * stays as it was. */
typedef void (*RewriteFunc) (const char *path,
                             const char *contents);

static void
check_reload_keeps_view (RewriteFunc rewrite,
                         gboolean    on_analysis)
{
  g_autofree char *path = new_document_path ();
  g_autofree char *other = other_contents ();
  TpWindow *window = open_window (path);
  TpBoard *board = board_of (window);
  TpSelection *selection = tp_board_get_selection (board);
  AdwFlap *flap = template_child (window, "flap");
  GtkAdjustment *hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (board));
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (board));
  const char *selected[] = { "n5", "n1", NULL };
  TpDocument *old_document = tp_window_get_document (window);
  double hvalue, vvalue;
  gboolean inspector_open;

  /* A view of its own: zoomed, scrolled, two notes selected, maybe the analysis. */
  tp_board_set_zoom (board, 0.77);
  tp_test_flush_events ();
  gtk_adjustment_set_value (hadjustment, 120);
  gtk_adjustment_set_value (vadjustment, 80);
  tp_selection_set (selection, selected);
  if (on_analysis)
    g_object_set (window, "view", "analysis", NULL);
  tp_test_flush_events ();
  hvalue = gtk_adjustment_get_value (hadjustment);
  vvalue = gtk_adjustment_get_value (vadjustment);
  inspector_open = adw_flap_get_reveal_flap (flap);
  g_assert_cmpfloat (hvalue, >, 0);
  g_assert_cmpfloat (vvalue, >, 0);

  rewrite (path, other);
  wait_for_reload (window, old_document);
  tp_test_flush_events ();

  /* The other program's version, as if just opened. */
  g_assert_cmpstr (document_title (window), ==, OTHER_TITLE);
  g_assert_false (tp_document_get_modified (tp_window_get_document (window)));
  g_assert_false (tp_document_can_undo (tp_window_get_document (window)));
  g_assert_nonnull (tp_window_get_file (window));
  g_assert_false (save_enabled (window));
  g_assert_false (banner_shown (window));

  /* The view as it was; of the selection, what still exists. */
  g_assert_cmpfloat_with_epsilon (tp_board_get_zoom (board), 0.77, 1e-6);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (hadjustment), hvalue, 1.0);
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (vadjustment), vvalue, 1.0);
  g_assert_cmpuint (tp_selection_get_n_items (selection), ==, 1);
  g_assert_cmpstr (tp_selection_get_primary (selection), ==, "n1");
  g_assert_cmpint (adw_flap_get_reveal_flap (flap), ==, inspector_open);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (template_child (window, "view_stack")), ==,
                   on_analysis ? "analysis" : "board");

  /* Nothing more comes of it. */
  old_document = tp_window_get_document (window);
  let_checks_run ();
  g_assert_true (tp_window_get_document (window) == old_document);
  g_assert_false (banner_shown (window));

  close_and_finalize (window);
  g_assert_cmpint (g_unlink (path), ==, 0);
}

static void
test_reload_renamed_over (void)
{
  check_reload_keeps_view (replace_by_rename, FALSE);
}

static void
test_reload_rewritten (void)
{
  check_reload_keeps_view (rewrite_in_place, TRUE);
}

/* Our own save changes the file too: that is no outside change. */
static void
test_own_save (void)
{
  g_autofree char *path = new_document_path ();
  TpWindow *window = open_window (path);
  TpDocument *document = tp_window_get_document (window);

  edit_title (window, OUR_TITLE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  tp_test_wait_until (is_unmodified, window, "the save to finish");
  g_assert_true (file_holds (path, OUR_TITLE));

  let_checks_run ();
  g_assert_true (tp_window_get_document (window) == document);
  g_assert_false (banner_shown (window));
  g_assert_null (tp_test_find_message_dialog ());
  g_assert_false (save_enabled (window));

  /* A touch (same bytes, new time) is no change either. */
  g_assert_cmpint (g_utime (path, NULL), ==, 0);
  let_checks_run ();
  g_assert_true (tp_window_get_document (window) == document);
  g_assert_false (banner_shown (window));

  close_and_finalize (window);
  g_assert_cmpint (g_unlink (path), ==, 0);
}

/* Unsaved changes here and a new version there: the banner asks; Keep Mine, then Save
 * asks again before overwriting, and Overwrite leaves everything clean. */
static void
test_conflict_keep_mine (void)
{
  g_autofree char *path = new_document_path ();
  g_autofree char *other = other_contents ();
  TpWindow *window = open_window (path);
  TpDocument *document = tp_window_get_document (window);
  AdwMessageDialog *dialog;

  edit_title (window, OUR_TITLE);
  replace_by_rename (path, other);
  tp_test_wait_until (has_banner, window, "the banner");

  g_assert_nonnull (strstr (banner_text (window), "changed by another program"));
  g_assert_true (gtk_widget_get_visible (template_child (window, "banner_reload_button")));
  g_assert_true (gtk_widget_get_visible (template_child (window, "banner_keep_button")));
  g_assert_false (gtk_widget_get_visible (template_child (window, "banner_save_button")));
  g_assert_true (tp_window_get_document (window) == document);
  g_assert_true (tp_document_get_modified (document));
  g_assert_cmpstr (document_title (window), ==, OUR_TITLE);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.keep-mine", NULL);
  g_assert_false (banner_shown (window));

  /* The same version seen again (touched) does not bring the banner back. */
  g_assert_cmpint (g_utime (path, NULL), ==, 0);
  let_checks_run ();
  g_assert_false (banner_shown (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  tp_test_wait_until (tp_test_has_message_dialog, NULL, "the file-changed dialog");
  dialog = tp_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "File Changed on Disk");
  g_assert_true (file_holds (path, OTHER_TITLE));
  tp_test_respond (dialog, "overwrite");
  tp_test_wait_until (is_unmodified, window, "the save to finish");

  g_assert_true (file_holds (path, OUR_TITLE));
  let_checks_run ();
  g_assert_true (tp_window_get_document (window) == document);
  g_assert_false (banner_shown (window));
  g_assert_null (tp_test_find_message_dialog ());
  g_assert_false (save_enabled (window));

  /* The stamp is the new file's: the next outside change reloads as usual. */
  replace_by_rename (path, other);
  wait_for_reload (window, document);
  g_assert_cmpstr (document_title (window), ==, OTHER_TITLE);

  close_and_finalize (window);
  g_assert_cmpint (g_unlink (path), ==, 0);
}

static void
test_conflict_reload (void)
{
  g_autofree char *path = new_document_path ();
  g_autofree char *other = other_contents ();
  TpWindow *window = open_window (path);
  TpDocument *document = tp_window_get_document (window);

  edit_title (window, OUR_TITLE);
  rewrite_in_place (path, other);
  tp_test_wait_until (has_banner, window, "the banner");
  g_assert_true (tp_window_get_document (window) == document);

  gtk_widget_activate (template_child (window, "banner_reload_button"));
  wait_for_reload (window, document);

  g_assert_cmpstr (document_title (window), ==, OTHER_TITLE);
  g_assert_false (tp_document_get_modified (tp_window_get_document (window)));
  g_assert_false (banner_shown (window));
  g_assert_false (save_enabled (window));

  close_and_finalize (window);
  g_assert_cmpint (g_unlink (path), ==, 0);
}

/* Deleted: the banner says so until the file is back as it was, or saved again. */
static void
test_deleted (void)
{
  g_autofree char *path = new_document_path ();
  g_autofree char *contents = example_contents ();
  TpWindow *window = open_window (path);
  TpDocument *document = tp_window_get_document (window);
  AdwMessageDialog *dialog;

  g_assert_false (save_enabled (window));
  g_assert_cmpint (g_unlink (path), ==, 0);
  tp_test_wait_until (has_banner, window, "the banner");
  g_assert_nonnull (strstr (banner_text (window), "deleted or moved"));
  g_assert_true (gtk_widget_get_visible (template_child (window, "banner_save_button")));
  g_assert_false (gtk_widget_get_visible (template_child (window, "banner_reload_button")));
  g_assert_true (save_enabled (window));

  /* The window has the only copy now: closing asks. */
  gtk_window_close (GTK_WINDOW (window));
  tp_test_wait_until (tp_test_has_message_dialog, NULL, "the unsaved-changes prompt");
  dialog = tp_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  tp_test_respond (dialog, "cancel");
  g_assert_false (is_closed (window));

  /* Put back as it was: nothing to tell any more. */
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  tp_test_wait_until (has_no_banner, window, "the banner to go");
  g_assert_false (save_enabled (window));
  g_assert_true (tp_window_get_document (window) == document);

  /* Moved away, then saved again from the banner. */
  {
    g_autofree char *moved = g_strconcat (path, ".moved", NULL);

    g_assert_cmpint (g_rename (path, moved), ==, 0);
    tp_test_wait_until (has_banner, window, "the banner");
    g_assert_nonnull (strstr (banner_text (window), "deleted or moved"));
    g_assert_cmpint (g_unlink (moved), ==, 0);
  }

  gtk_widget_activate (template_child (window, "banner_save_button"));
  tp_test_wait_until (has_no_banner, window, "the banner to go after saving");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (file_holds (path, ORIGINAL_TITLE));
  g_assert_null (tp_test_find_message_dialog ());
  g_assert_true (tp_window_get_document (window) == document);
  g_assert_false (save_enabled (window));

  close_and_finalize (window);
  g_assert_cmpint (g_unlink (path), ==, 0);
}

/* Is a temporary file (ours: ".name.XXXXXX"; GLib's: "name.XXXXXX") beside path? */
static gboolean
has_temporary_beside (const char *path)
{
  g_autofree char *dir_name = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr(GDir) dir = g_dir_open (dir_name, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (!g_str_equal (name, base) && strstr (name, base) != NULL)
      return TRUE;

  return FALSE;
}

static void
on_other_exited (GObject      *object,
                 GAsyncResult *result,
                 gpointer      data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  *(gboolean *) data = TRUE;
}

/* Another Touchpoint process (save-tool) saves the file while we save it: held by strace
 * in its rename, it has written its version and is about to put it in place when we
 * save. Ours must wait for it and then ask, never overwrite a version it has not seen
 * (issue 16, finding 3). */
static void
test_two_savers (void)
{
  g_autofree char *path = new_document_path ();
  g_autofree char *save_tool = NULL;
  g_autofree char *strace = g_find_program_in_path ("strace");
  g_autoptr(GSubprocess) other = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *asan_options = NULL;
  g_autoptr(GError) error = NULL;
  const char *build_dir = g_getenv ("TP_BUILDDIR");
  gboolean other_exited = FALSE;
  TpWindow *window;
  AdwMessageDialog *dialog;

  if (strace == NULL || build_dir == NULL)
    {
      g_test_skip ("needs strace and TP_BUILDDIR (save-tool)");
      return;
    }
  save_tool = g_build_filename (build_dir, "tests", "save-tool", NULL);

  window = open_window (path);
  edit_title (window, OUR_TITLE);

  /* LeakSanitizer cannot run under ptrace: a sanitized build's save-tool leaves leak
   * checking to the runs that are not traced. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  asan_options = g_strconcat (g_getenv ("ASAN_OPTIONS") != NULL ? g_getenv ("ASAN_OPTIONS") : "",
                              ":detect_leaks=0", NULL);
  g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", asan_options, TRUE);
  other = g_subprocess_launcher_spawn (launcher, &error,
                                       strace, "-f", "-o", "/dev/null",
                                       "-e", "inject=rename,renameat,renameat2:delay_enter=1500000",
                                       save_tool, "--note", "Another saver", example_path (), path,
                                       NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (other, NULL, on_other_exited, &other_exited);
  while (!has_temporary_beside (path) && !other_exited)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }
  g_assert_true (has_temporary_beside (path));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  tp_test_wait_until (tp_test_has_message_dialog, NULL, "the file-changed dialog");
  dialog = tp_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "File Changed on Disk");

  while (!other_exited)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_subprocess_get_successful (other));
  g_assert_true (file_holds (path, "Another saver"));
  g_assert_false (file_holds (path, OUR_TITLE));

  tp_test_respond (dialog, "cancel");
  g_assert_true (tp_document_get_modified (tp_window_get_document (window)));
  g_assert_cmpstr (document_title (window), ==, OUR_TITLE);

  /* Thrown away, so that closing does not ask. */
  tp_document_set_saved_state (tp_window_get_document (window),
                               tp_document_get_state (tp_window_get_document (window)));
  close_and_finalize (window);
  g_assert_cmpint (g_unlink (path), ==, 0);
}

/* A damaged file is never loaded over ours: the banner says why, and saving puts ours
 * back without asking again. */
static void
test_damaged (void)
{
  static const char damaged[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<touchpoint xmlns=\"https://touchpoint.github.io/ns/1\" version=\"1.0\">\n"
    "  <meta><title>Half written</meta>\n";
  g_autofree char *path = new_document_path ();
  TpWindow *window = open_window (path);
  TpDocument *document = tp_window_get_document (window);

  replace_by_rename (path, damaged);
  tp_test_wait_until (has_banner, window, "the banner");

  g_assert_nonnull (strstr (banner_text (window), "cannot be opened"));
  g_assert_nonnull (strstr (banner_text (window), "Line 3"));
  g_assert_true (tp_window_get_document (window) == document);
  g_assert_false (tp_document_get_modified (document));
  g_assert_cmpstr (document_title (window), ==, ORIGINAL_TITLE);
  g_assert_true (save_enabled (window));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  tp_test_wait_until (has_no_banner, window, "the banner to go after saving");
  g_assert_null (tp_test_find_message_dialog ());
  g_assert_true (file_holds (path, ORIGINAL_TITLE));
  g_assert_true (tp_window_get_document (window) == document);
  g_assert_false (save_enabled (window));

  close_and_finalize (window);
  g_assert_cmpint (g_unlink (path), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = tp_test_init_display (&argc, &argv, "touchpoint-test-outside-change");

  g_test_add_func ("/touchpoint/outside-change/reload-renamed-over", test_reload_renamed_over);
  g_test_add_func ("/touchpoint/outside-change/reload-rewritten", test_reload_rewritten);
  g_test_add_func ("/touchpoint/outside-change/own-save", test_own_save);
  g_test_add_func ("/touchpoint/outside-change/conflict-keep-mine", test_conflict_keep_mine);
  g_test_add_func ("/touchpoint/outside-change/conflict-reload", test_conflict_reload);
  g_test_add_func ("/touchpoint/outside-change/deleted", test_deleted);
  g_test_add_func ("/touchpoint/outside-change/damaged", test_damaged);
  g_test_add_func ("/touchpoint/outside-change/two-savers", test_two_savers);

  status = g_test_run ();

  tp_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
