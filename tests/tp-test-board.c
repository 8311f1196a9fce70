/* tp-test-board.c: the board tests' fixture.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "io/tp-document-file.h"
#include "views/tp-board-private.h"
#include "tp-test-board.h"
#include "tp-test-display.h"

TpDocument *
tp_test_load_example (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (TP_EXAMPLE_PATH);
  g_autoptr(GError) error = NULL;
  TpDocument *document = tp_load_file (file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* Shown and sized, with its first view chosen: what a test measures is then settled. */
static gboolean
is_allocated (gpointer data)
{
  TpBoard *board = data;

  return gtk_widget_get_mapped (GTK_WIDGET (board)) &&
         gtk_widget_get_width (GTK_WIDGET (board)) > 0 && !board->view_pending;
}

void
tp_test_board_set_up (TpTestBoard   *fixture,
                      gconstpointer  data)
{
  fixture->document = tp_test_load_example ();
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1200, 800);
  fixture->board = TP_BOARD (tp_board_new ());
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->board));
  tp_board_set_document (fixture->board, fixture->document);
  gtk_window_present (fixture->window);
  tp_test_wait_until (is_allocated, fixture->board, "the board to be shown");
  gtk_widget_grab_focus (GTK_WIDGET (fixture->board));
  tp_test_flush_events ();
}

void
tp_test_board_tear_down (TpTestBoard   *fixture,
                         gconstpointer  data)
{
  g_object_add_weak_pointer (G_OBJECT (fixture->board), (gpointer *) &fixture->board);
  gtk_window_destroy (fixture->window);
  tp_test_flush_events ();
  g_assert_null (fixture->board);
  g_assert_finalize_object (fixture->document);
}
