/* test-vote-ui.c: a dot-voting round in a window, on a real (virtual) display: started
 * from the dialog on a block, dots given by clicks and keys, refused out of scope, the
 * bar's count and ranking, End Round as one undo step, Cancel, and the file's counts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "app/tp-window-private.h"
#include "io/tp-writer.h"
#include "views/tp-board-private.h"
#include "tp-test-display.h"

static char *tmp_dir;

static const char document_text[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<touchpoint xmlns=\"https://touchpoint.github.io/ns/1\" version=\"1.0\">\n"
  "  <meta><title>Voting</title></meta>\n"
  "  <canvas>\n"
  "    <block kind=\"channels\">\n"
  "      <note id=\"c1\" colour=\"blue\" evidence=\"validated\">Web shop</note>\n"
  "    </block>\n"
  "    <block kind=\"key-partners\">\n"
  "      <note id=\"p1\" colour=\"yellow\" evidence=\"assumption\">Courier</note>\n"
  "      <note id=\"p2\" colour=\"yellow\" evidence=\"assumption\" votes=\"2\">Bank</note>\n"
  "    </block>\n"
  "  </canvas>\n"
  "  <journey>\n"
  "    <stage id=\"s1\" name=\"Purchase\">\n"
  "      <touchpoint id=\"t1\" name=\"Checkout\"/>\n"
  "    </stage>\n"
  "  </journey>\n"
  "</touchpoint>\n";

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

static gboolean
has_no_message_dialog (gpointer data)
{
  return tp_test_find_message_dialog () == NULL;
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

static TpWindow *
open_document (char **path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  TpWindow *window;

  *path = g_build_filename (tmp_dir, "voting.touchpoint", NULL);
  g_file_set_contents (*path, document_text, -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (*path);
  window = g_object_ref (tp_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  tp_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  tp_test_wait_until (is_loaded, window, "the document to load");
  tp_test_flush_events ();

  return window;
}

static TpBoard *
board_of (TpWindow *window)
{
  return window->board;
}

static guint
votes_of (TpWindow   *window,
          const char *id)
{
  return tp_vote_get_votes (tp_document_lookup (window->document, id));
}

/* Clicks the middle of a note or a touchpoint's card, as the pointer would. */
static void
click_item (TpWindow        *window,
            const char      *id,
            guint            button,
            GdkModifierType  state)
{
  TpBoard *board = board_of (window);
  TpNoteInfo note;
  TpTouchpointInfo touchpoint;
  TpRect rect;
  double x, y;

  _tp_board_ensure_layout (board);
  if (tp_layout_get_note (board->layout, id, &note))
    rect = note.rect;
  else
    {
      g_assert_true (tp_layout_get_touchpoint (board->layout, id, &touchpoint));
      rect = touchpoint.card;
    }
  tp_board_board_to_widget (board, rect.x + rect.width / 2, rect.y + rect.height / 2, &x, &y);
  if (button == GDK_BUTTON_SECONDARY)
    g_assert_true (_tp_board_vote_pressed (board, button, x, y, state));
  else
    {
      _tp_board_pointer_pressed (board, button, 1, x, y, state);
      _tp_board_pointer_released (board, x, y);
    }
}

static void
close_window (TpWindow *window)
{
  /* Saved or not, the window goes without asking: the test is done with it. */
  tp_document_set_saved (window->document);
  gtk_window_close (GTK_WINDOW (window));
  tp_test_wait_until (is_closed, window, "the window to close");
  tp_test_flush_events ();
  g_assert_finalize_object (window);
}

static void
test_round_on_block (void)
{
  g_autofree char *path = NULL;
  TpWindow *window = open_document (&path);
  AdwMessageDialog *dialog;
  GtkWidget *focus;
  TpVoteRound *round;
  TpBoard *board = board_of (window);
  g_autoptr(GBytes) before = tp_write_bytes (window->document);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;

  /* From the block's context menu: the dialog offers Key Partners first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-voting", "s",
                                             "block:key-partners"));
  tp_test_wait_until (tp_test_has_message_dialog, NULL, "the voting dialog");
  dialog = tp_test_find_message_dialog ();
  /* The keyboard starts in the participants' number, and Enter there starts the round
   * and closes the dialog (not the scope's list, which Enter would open). */
  focus = gtk_window_get_focus (GTK_WINDOW (dialog));
  g_assert_nonnull (focus);
  g_assert_true (GTK_IS_TEXT (focus));
  g_assert_true (GTK_IS_SPIN_BUTTON (gtk_widget_get_parent (focus)));
  g_signal_emit_by_name (focus, "activate");
  tp_test_flush_events ();
  tp_test_wait_until (has_no_message_dialog, NULL, "the voting dialog to close");

  round = _tp_window_get_vote_round (window);
  g_assert_nonnull (round);
  g_assert_true (tp_board_get_vote_round (board) == round);
  g_assert_cmpint (tp_vote_round_get_scope (round)->kind, ==, TP_VOTE_SCOPE_CONTAINER);
  g_assert_cmpint (tp_vote_round_get_scope (round)->container, ==, TP_CONTAINER_KEY_PARTNERS);
  /* The dialog's defaults: 8 participants × 3 dots. */
  g_assert_cmpuint (tp_vote_round_get_budget (round), ==, 24);
  g_assert_true (gtk_revealer_get_reveal_child (window->vote_revealer));
  g_assert_cmpstr (tp_vote_bar_get_status (window->vote_bar), ==,
                   "Dot voting · Key Partners · 24 of 24 dots left");

  /* Clicks give dots, Shift+click and a right click take them back. */
  click_item (window, "p1", GDK_BUTTON_PRIMARY, 0);
  click_item (window, "p1", GDK_BUTTON_PRIMARY, 0);
  click_item (window, "p1", GDK_BUTTON_PRIMARY, 0);
  click_item (window, "p2", GDK_BUTTON_PRIMARY, 0);
  click_item (window, "p1", GDK_BUTTON_PRIMARY, GDK_SHIFT_MASK);
  click_item (window, "p2", GDK_BUTTON_SECONDARY, 0);
  g_assert_cmpuint (votes_of (window, "p1"), ==, 2);
  g_assert_cmpuint (votes_of (window, "p2"), ==, 2);
  /* Out of scope: refused, nothing spent. */
  click_item (window, "c1", GDK_BUTTON_PRIMARY, 0);
  click_item (window, "t1", GDK_BUTTON_PRIMARY, 0);
  g_assert_cmpuint (votes_of (window, "c1"), ==, 0);
  g_assert_cmpuint (votes_of (window, "t1"), ==, 0);

  /* The keys, on the selected note (the last one clicked in scope: p2). */
  tp_selection_set_one (window->selection, "p2");
  g_assert_true (_tp_board_key_pressed (board, GDK_KEY_plus, GDK_SHIFT_MASK));
  g_assert_true (_tp_board_key_pressed (board, GDK_KEY_equal, 0));
  g_assert_true (_tp_board_key_pressed (board, GDK_KEY_minus, 0));
  g_assert_cmpuint (votes_of (window, "p2"), ==, 3);
  g_assert_cmpstr (tp_vote_bar_get_status (window->vote_bar), ==,
                   "Dot voting · Key Partners · 21 of 24 dots left");
  g_assert_cmpstr (tp_vote_bar_get_ranking (window->vote_bar), ==, "1. Bank · 3   2. Courier · 2");

  /* Painted with the veil, without complaint. */
  gtk_widget_queue_draw (GTK_WIDGET (window));
  tp_test_flush_events ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.end-voting", NULL));
  tp_test_flush_events ();
  g_assert_null (_tp_window_get_vote_round (window));
  g_assert_null (tp_board_get_vote_round (board));
  g_assert_false (gtk_revealer_get_reveal_child (window->vote_revealer));
  after = tp_write_bytes (window->document);

  /* Outside a round + and - are not votes any more. */
  tp_selection_set_one (window->selection, "p2");
  g_assert_false (_tp_board_vote_key (board, GDK_KEY_plus, 0));
  g_assert_cmpuint (votes_of (window, "p2"), ==, 3);

  /* One undo step. */
  g_assert_cmpstr (tp_document_get_undo_label (window->document), ==, "Dot Voting");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  undone = tp_write_bytes (window->document);
  g_assert_true (g_bytes_equal (undone, before));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));

  /* The saved file has the counts. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  tp_test_wait_until (is_unmodified, window->document, "the save to finish");
  g_file_get_contents (path, &saved, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (saved, "votes=\"2\">Courier</note>"));
  g_assert_nonnull (strstr (saved, "votes=\"3\">Bank</note>"));

  close_window (window);
}

static void
test_cancel_round (void)
{
  g_autofree char *path = NULL;
  TpWindow *window = open_document (&path);
  TpVoteScope scope;
  g_autoptr(GBytes) before = tp_write_bytes (window->document);
  g_autoptr(GBytes) after = NULL;

  tp_vote_scope_init (&scope, TP_VOTE_SCOPE_JOURNEY, 0, NULL);
  _tp_window_start_voting (window, &scope, 2, 2);
  tp_vote_scope_clear (&scope);
  g_assert_cmpstr (tp_vote_bar_get_status (window->vote_bar), ==,
                   "Dot voting · Customer Journey · 4 of 4 dots left");
  /* Only one round at a time. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-voting", "s", "board") &&
                  tp_test_find_message_dialog () != NULL);
  click_item (window, "t1", GDK_BUTTON_PRIMARY, 0);
  click_item (window, "p1", GDK_BUTTON_PRIMARY, 0);
  g_assert_cmpuint (votes_of (window, "t1"), ==, 1);
  g_assert_cmpuint (votes_of (window, "p1"), ==, 0);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  tp_test_flush_events ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-voting", NULL));
  tp_test_flush_events ();
  g_assert_null (_tp_window_get_vote_round (window));
  after = tp_write_bytes (window->document);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (tp_document_get_modified (window->document));
  g_assert_false (tp_document_can_undo (window->document));

  /* Reset Votes on the block: one step, undoable. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reset-votes", "s",
                                             "block:key-partners"));
  g_assert_cmpuint (votes_of (window, "p2"), ==, 0);
  g_assert_cmpstr (tp_document_get_undo_label (window->document), ==, "Reset Votes");
  tp_document_undo (window->document);
  g_assert_cmpuint (votes_of (window, "p2"), ==, 2);

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = tp_test_init_display (&argc, &argv, "touchpoint-test-vote-ui");

  g_test_add_func ("/touchpoint/vote-ui/round-on-block", test_round_on_block);
  g_test_add_func ("/touchpoint/vote-ui/cancel-and-reset", test_cancel_round);

  status = g_test_run ();

  tp_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
