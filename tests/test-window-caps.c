/* test-window-caps.c: in a real window, a workshop at its caps refuses "Add Note" before
 * the note is typed, and a toast says why; below the caps the note is typed as usual.
 *
 * The core tests (test-document-caps) build documents of real size; here the measure is
 * padded instead (tp_document_set_measure_func() is the seam), so that the example
 * workshop stands at the cap without laying out 8 MiB of notes.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "app/tp-window-private.h"
#include "io/tp-caps.h"
#include "io/tp-caps-measure.h"
#include "views/tp-board-private.h"
#include "tp-test-display.h"

static gsize padding;

/* The real size plus padding: a test-only lower cap. */
static gboolean
padded_measure (TpDocument     *document,
                const TpItem   *item,
                TpDocumentSize *size)
{
  if (!tp_caps_measure (document, item, size))
    return FALSE;
  if (item == NULL)
    size->bytes += padding;
  return TRUE;
}

static gboolean
is_loaded (gpointer data)
{
  return !tp_window_get_loading (data);
}

static AdwToast *
refused_toast (TpWindow *window)
{
  return g_object_get_data (G_OBJECT (window), "tp-refused-toast");
}

static void
test_add_note_at_cap (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (TP_EXAMPLE_PATH);
  TpWindow *window = g_object_ref (tp_window_new (NULL));
  TpDocument *document;
  TpDocumentSize size;
  guint n_notes;
  guint64 state;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  tp_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  tp_test_wait_until (is_loaded, window, "the document to load");
  document = tp_window_get_document (window);
  g_assert_nonnull (document);
  tp_test_flush_events ();

  g_assert_true (tp_caps_measure (document, NULL, &size));
  padding = TP_DOCUMENT_MAX_BYTES - TP_DOCUMENT_EDIT_SLACK_BYTES - size.bytes;
  tp_document_set_measure_func (padded_measure);

  n_notes = tp_document_get_n_notes (document);
  state = tp_document_get_state (document);
  tp_selection_set_one (window->selection, "n1");
  tp_test_flush_events ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->board), "board.add-note", NULL));
  tp_test_flush_events ();

  /* Refused before any typing: no editor, no note, no step, and the toast says why. */
  g_assert_false (_tp_board_is_editing (window->board));
  g_assert_cmpuint (tp_document_get_n_notes (document), ==, n_notes);
  g_assert_cmpuint (tp_document_get_state (document), ==, state);
  g_assert_nonnull (refused_toast (window));
  g_assert_nonnull (strstr (adw_toast_get_title (refused_toast (window)), "8 MiB"));
  g_assert_nonnull (strstr (adw_toast_get_title (refused_toast (window)), "Add Note"));

  /* A paste at the cap is refused whole, and said once, by the toast already showing. */
  {
    AdwToast *toast = refused_toast (window);

    tp_document_begin_group (document, "Duplicate");
    tp_document_insert_note (document, tp_note_new (NULL, "copy"), 0, 0);
    g_assert_false (tp_document_end_group (document));
    g_assert_cmpuint (tp_document_get_n_notes (document), ==, n_notes);
    g_assert_true (refused_toast (window) == toast);
  }

  /* Below the cap the same action opens the editor for the new note. */
  padding = 0;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->board), "board.add-note", NULL));
  tp_test_flush_events ();
  g_assert_true (_tp_board_is_editing (window->board));

  tp_document_set_measure_func (tp_caps_measure);
  gtk_window_destroy (GTK_WINDOW (window));
  tp_test_flush_events ();
  g_object_unref (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmp = tp_test_init_display (&argc, &argv, "test-window-caps");
  int status;

  tp_caps_install ();
  g_test_add_func ("/touchpoint/window-caps/add-note-at-cap", test_add_note_at_cap);

  status = g_test_run ();
  tp_test_remove_tree (tmp);
  return status;
}
