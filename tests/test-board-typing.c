/* test-board-typing.c: the facilitator's hands on the board (issue 15): printable keys
 * edit or create and never run a command, Escape keeps words, Alt+digit and
 * Ctrl+Shift+digit capture at the speed of speech, the emotion curve's points are
 * dragged and keyed.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "io/tp-document-file.h"
#include "views/tp-board-private.h"
#include "tp-test-board.h"
#include "tp-test-display.h"

/* The example on a board alone (tests/tp-test-board.c). */
typedef TpTestBoard Fixture;
#define fixture_set_up tp_test_board_set_up
#define fixture_tear_down tp_test_board_tear_down

/* Helpers */

static gboolean
key (Fixture         *fixture,
     guint            keyval,
     GdkModifierType  state)
{
  gboolean handled = _tp_board_key_pressed (fixture->board, keyval, state);

  tp_test_flush_events ();
  return handled;
}

static void
type_text (Fixture    *fixture,
           const char *text)
{
  g_assert_true (tp_board_get_editing (fixture->board));
  _tp_board_editor_type (fixture->board, text, FALSE);
  tp_test_flush_events ();
}

static char *
editor_text (Fixture *fixture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (fixture->board->editor));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static guint
count_steps (Fixture *fixture)
{
  guint n = 0;

  while (tp_document_can_undo (fixture->document))
    {
      tp_document_undo (fixture->document);
      n++;
    }
  for (guint i = 0; i < n; i++)
    tp_document_redo (fixture->document);

  return n;
}

static TpNote *
note_at (Fixture     *fixture,
         TpContainer  container,
         guint        index)
{
  GPtrArray *notes = tp_document_get_notes (fixture->document, container);

  g_assert_cmpuint (index, <, notes->len);
  return g_ptr_array_index (notes, index);
}

static guint
n_notes (Fixture     *fixture,
         TpContainer  container)
{
  return tp_document_get_notes (fixture->document, container)->len;
}

static TpTouchpoint *
first_touchpoint (Fixture *fixture)
{
  TpStage *stage = g_ptr_array_index (tp_document_get_stages (fixture->document), 0);

  return g_ptr_array_index (stage->touchpoints, 0);
}

/* Tests */

/* The issue's own case: with a touchpoint selected, "mobile ad" typed is its new name;
 * m marks no moment of truth, l opens no picker, f dims nothing. */
static void
test_type_over_touchpoint (Fixture       *fixture,
                           gconstpointer  data)
{
  TpTouchpoint *touchpoint = first_touchpoint (fixture);
  g_autofree char *id = g_strdup (touchpoint->item.id);
  g_autofree char *old = g_strdup (touchpoint->name);
  gboolean moment = touchpoint->moment_of_truth;
  guint links = tp_document_get_links (fixture->document)->len;
  guint steps = count_steps (fixture);
  g_autofree char *typed = NULL;

  tp_board_select_affected (fixture->board, (const char *[]) { id, NULL });
  _tp_board_focus_item (fixture->board, id);
  g_assert_true (key (fixture, GDK_KEY_m, 0));
  g_assert_true (tp_board_get_editing (fixture->board));
  typed = editor_text (fixture);
  g_assert_cmpstr (typed, ==, "m");
  /* The rest goes to the editor, which has the keys now: the board leaves them alone. */
  g_assert_false (key (fixture, GDK_KEY_l, 0));
  g_assert_false (key (fixture, GDK_KEY_f, 0));
  type_text (fixture, "obile ad");
  _tp_board_editor_activate (fixture->board);

  touchpoint = tp_document_lookup_kind (fixture->document, id, TP_ITEM_TOUCHPOINT);
  g_assert_cmpstr (touchpoint->name, ==, "mobile ad");
  g_assert_cmpint (touchpoint->moment_of_truth, ==, moment);
  g_assert_cmpuint (tp_document_get_links (fixture->document)->len, ==, links);
  g_assert_null (fixture->board->link_picker);
  g_assert_false (tp_board_get_focus_links (fixture->board));
  g_assert_cmpuint (count_steps (fixture), ==, steps + 1);
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Rename Touchpoint");

  tp_document_undo (fixture->document);
  touchpoint = tp_document_lookup_kind (fixture->document, id, TP_ITEM_TOUCHPOINT);
  g_assert_cmpstr (touchpoint->name, ==, old);
}

/* A selected note: typing replaces its text; Enter instead keeps it. */
static void
test_type_over_note (Fixture       *fixture,
                     gconstpointer  data)
{
  TpNote *note = note_at (fixture, TP_CONTAINER_CHANNELS, 0);
  g_autofree char *id = g_strdup (note->item.id);
  g_autofree char *old = g_strdup (note->text);
  g_autofree char *kept = NULL;

  tp_board_select_affected (fixture->board, (const char *[]) { id, NULL });
  g_assert_true (key (fixture, GDK_KEY_W, GDK_SHIFT_MASK));
  type_text (fixture, "ebshop");
  _tp_board_end_edit (fixture->board, TRUE);
  note = tp_document_lookup_kind (fixture->document, id, TP_ITEM_NOTE);
  g_assert_cmpstr (note->text, ==, "Webshop");

  g_assert_true (key (fixture, GDK_KEY_Return, 0));
  kept = editor_text (fixture);
  g_assert_cmpstr (kept, ==, "Webshop");
  _tp_board_end_edit (fixture->board, TRUE);

  /* One undo, the old text. */
  tp_document_undo (fixture->document);
  note = tp_document_lookup_kind (fixture->document, id, TP_ITEM_NOTE);
  g_assert_cmpstr (note->text, ==, old);
}

/* A block or a stage under the keyboard: typing adds there. Space alone does not. */
static void
test_type_to_create (Fixture       *fixture,
                     gconstpointer  data)
{
  guint n = n_notes (fixture, TP_CONTAINER_KEY_RESOURCES);
  TpStage *stage = g_ptr_array_index (tp_document_get_stages (fixture->document), 1);
  g_autofree char *stage_id = g_strdup (stage->item.id);
  guint n_touchpoints = stage->touchpoints->len;

  g_assert_true (key (fixture, GDK_KEY_6, GDK_ALT_MASK));
  g_assert_cmpint (fixture->board->focus, ==, TP_BOARD_FOCUS_BLOCK);
  g_assert_cmpint (fixture->board->focus_container, ==, TP_CONTAINER_KEY_RESOURCES);
  g_assert_true (key (fixture, GDK_KEY_3, 0));
  g_assert_true (fixture->board->capturing);
  type_text (fixture, "D printers");
  _tp_board_editor_activate (fixture->board);
  _tp_board_end_edit (fixture->board, TRUE);
  g_assert_cmpuint (n_notes (fixture, TP_CONTAINER_KEY_RESOURCES), ==, n + 1);
  g_assert_cmpstr (note_at (fixture, TP_CONTAINER_KEY_RESOURCES, n)->text, ==, "3D printers");
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Add Note");

  /* After a capture the keyboard is on the block: typing goes on adding. */
  g_assert_cmpint (fixture->board->focus, ==, TP_BOARD_FOCUS_BLOCK);
  g_assert_true (key (fixture, GDK_KEY_V, GDK_SHIFT_MASK));
  type_text (fixture, "ans");
  _tp_board_end_edit (fixture->board, TRUE);
  g_assert_cmpstr (note_at (fixture, TP_CONTAINER_KEY_RESOURCES, n + 1)->text, ==, "Vans");

  _tp_board_focus_stage (fixture->board, stage_id);
  g_assert_false (key (fixture, GDK_KEY_space, 0) && tp_board_get_editing (fixture->board));
  _tp_board_key_released (fixture->board, GDK_KEY_space, 0);
  g_assert_true (key (fixture, GDK_KEY_A, GDK_SHIFT_MASK));
  g_assert_cmpint (fixture->board->edit_kind, ==, TP_ITEM_TOUCHPOINT);
  type_text (fixture, "pp review");
  _tp_board_end_edit (fixture->board, TRUE);
  stage = tp_document_lookup_kind (fixture->document, stage_id, TP_ITEM_STAGE);
  g_assert_cmpuint (stage->touchpoints->len, ==, n_touchpoints + 1);
  g_assert_cmpstr (((TpTouchpoint *) g_ptr_array_index (stage->touchpoints, n_touchpoints))->name,
                   ==, "App review");
}

/* Escape keeps an edit of an existing note; one undo takes it back. */
static void
test_escape_keeps (Fixture       *fixture,
                   gconstpointer  data)
{
  TpNote *note = note_at (fixture, TP_CONTAINER_CUSTOMER_SEGMENTS, 0);
  g_autofree char *id = g_strdup (note->item.id);
  g_autofree char *old = g_strdup (note->text);
  g_autofree char *expected = g_strconcat (old, " (and parents)", NULL);
  guint steps = count_steps (fixture);

  _tp_board_start_edit (fixture->board, id);
  type_text (fixture, " (and parents)");
  /* What the editor's Escape does. */
  _tp_board_end_edit (fixture->board, TRUE);
  note = tp_document_lookup_kind (fixture->document, id, TP_ITEM_NOTE);
  g_assert_cmpstr (note->text, ==, expected);
  g_assert_cmpuint (count_steps (fixture), ==, steps + 1);
  tp_document_undo (fixture->document);
  note = tp_document_lookup_kind (fixture->document, id, TP_ITEM_NOTE);
  g_assert_cmpstr (note->text, ==, old);
}

/* Alt+digit in the middle of a capture: the note is kept, the next block is ready; a
 * note in another block costs two keys beyond its text. */
static void
test_alt_digit_from_capture (Fixture       *fixture,
                             gconstpointer  data)
{
  guint channels = n_notes (fixture, TP_CONTAINER_CHANNELS);
  guint costs = n_notes (fixture, TP_CONTAINER_COST_STRUCTURE);
  guint steps = count_steps (fixture);

  g_assert_true (key (fixture, GDK_KEY_3, GDK_ALT_MASK));
  g_assert_true (key (fixture, GDK_KEY_R, GDK_SHIFT_MASK));
  type_text (fixture, "adio");
  /* In the editor, the chord is the editor's to pass on. */
  g_assert_true (_tp_board_typing_chord (fixture->board, GDK_KEY_9, 0, GDK_ALT_MASK));
  tp_test_flush_events ();
  g_assert_false (tp_board_get_editing (fixture->board));
  g_assert_cmpint (fixture->board->focus, ==, TP_BOARD_FOCUS_BLOCK);
  g_assert_cmpint (fixture->board->focus_container, ==, TP_CONTAINER_COST_STRUCTURE);
  g_assert_cmpstr (note_at (fixture, TP_CONTAINER_CHANNELS, channels)->text, ==, "Radio");

  g_assert_true (key (fixture, GDK_KEY_A, GDK_SHIFT_MASK));
  type_text (fixture, "irtime");
  g_assert_true (_tp_board_typing_chord (fixture->board, GDK_KEY_3, 0, GDK_ALT_MASK));
  g_assert_cmpstr (note_at (fixture, TP_CONTAINER_COST_STRUCTURE, costs)->text, ==, "Airtime");
  g_assert_cmpuint (count_steps (fixture), ==, steps + 2);
  g_assert_cmpuint (n_notes (fixture, TP_CONTAINER_CHANNELS), ==, channels + 1);
}

/* Ctrl+Shift+digit: the colour of the note being captured (still one "Add Note" step)
 * and of the next ones; of a selection (one step); of a note in a focused block. */
static void
test_colour_keys (Fixture       *fixture,
                  gconstpointer  data)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (fixture->board));
  guint n = n_notes (fixture, TP_CONTAINER_KEY_PARTNERS);
  GdkModifierType chord = GDK_CONTROL_MASK | GDK_SHIFT_MASK;
  g_autofree GdkKeymapKey *keys = NULL;
  g_autofree char *a = NULL, *b = NULL;
  guint steps = count_steps (fixture);
  int n_keys = 0;

  g_assert_true (key (fixture, GDK_KEY_8, GDK_ALT_MASK));
  g_assert_true (key (fixture, GDK_KEY_B, GDK_SHIFT_MASK));
  g_assert_true (_tp_board_typing_chord (fixture->board, GDK_KEY_3, 0, chord));
  g_assert_cmpint (((TpNote *) tp_document_lookup (fixture->document,
                                                   fixture->board->edit_id))->colour, ==,
                   TP_NOTE_COLOUR_BLUE);
  type_text (fixture, "ank");
  _tp_board_editor_activate (fixture->board);
  type_text (fixture, "Insurer");
  _tp_board_end_edit (fixture->board, TRUE);
  g_assert_cmpstr (note_at (fixture, TP_CONTAINER_KEY_PARTNERS, n)->text, ==, "Bank");
  g_assert_cmpint (note_at (fixture, TP_CONTAINER_KEY_PARTNERS, n)->colour, ==, TP_NOTE_COLOUR_BLUE);
  g_assert_cmpint (note_at (fixture, TP_CONTAINER_KEY_PARTNERS, n + 1)->colour, ==, TP_NOTE_COLOUR_BLUE);
  g_assert_cmpuint (count_steps (fixture), ==, steps + 2);
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Add Note");

  /* The next capture starts in the default colour again. */
  g_assert_true (key (fixture, GDK_KEY_C, GDK_SHIFT_MASK));
  _tp_board_end_edit (fixture->board, TRUE);
  g_assert_cmpint (note_at (fixture, TP_CONTAINER_KEY_PARTNERS, n + 2)->colour, ==,
                   TP_NOTE_COLOUR_YELLOW);

  /* A selection of two: red, in one step; the key found by its keycode under Shift. */
  a = g_strdup (note_at (fixture, TP_CONTAINER_KEY_PARTNERS, n)->item.id);
  b = g_strdup (note_at (fixture, TP_CONTAINER_KEY_PARTNERS, n + 1)->item.id);
  /* Counted first: undoing prunes the selection of the notes it removes. */
  steps = count_steps (fixture);
  tp_selection_set (tp_board_get_selection (fixture->board), (const char *[]) { a, b, NULL });
  g_assert_true (gdk_display_map_keyval (display, GDK_KEY_6, &keys, &n_keys));
  g_assert_true (_tp_board_typing_chord (fixture->board, GDK_KEY_asciicircum, keys[0].keycode,
                                         chord));
  g_assert_cmpint (note_at (fixture, TP_CONTAINER_KEY_PARTNERS, n)->colour, ==, TP_NOTE_COLOUR_RED);
  g_assert_cmpint (note_at (fixture, TP_CONTAINER_KEY_PARTNERS, n + 1)->colour, ==, TP_NOTE_COLOUR_RED);
  g_assert_cmpuint (count_steps (fixture), ==, steps + 1);
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Change Colour");

  /* A block and no note: a note in that colour, ready to type. */
  g_assert_true (key (fixture, GDK_KEY_1, GDK_ALT_MASK));
  g_assert_true (_tp_board_typing_chord (fixture->board, GDK_KEY_2, 0, chord));
  g_assert_true (fixture->board->capturing);
  type_text (fixture, "Gamers");
  _tp_board_end_edit (fixture->board, TRUE);
  g_assert_cmpint (note_at (fixture, TP_CONTAINER_CUSTOMER_SEGMENTS,
                            n_notes (fixture, TP_CONTAINER_CUSTOMER_SEGMENTS) - 1)->colour, ==,
                   TP_NOTE_COLOUR_GREEN);
}

/* Alt+Up and Alt+Down step the emotion, within −2 … +2. */
static void
test_emotion_keys (Fixture       *fixture,
                   gconstpointer  data)
{
  TpTouchpoint *touchpoint = first_touchpoint (fixture);
  g_autofree char *id = g_strdup (touchpoint->item.id);
  int start = touchpoint->emotion;
  guint steps;

  tp_board_select_affected (fixture->board, (const char *[]) { id, NULL });
  while (((TpTouchpoint *) tp_document_lookup (fixture->document, id))->emotion < 2)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.emotion-up", NULL));
  steps = count_steps (fixture);
  g_assert_false (_tp_board_step_emotion (fixture->board, 1));
  g_assert_cmpuint (count_steps (fixture), ==, steps);
  g_assert_true (_tp_board_step_emotion (fixture->board, -1));
  g_assert_cmpint (((TpTouchpoint *) tp_document_lookup (fixture->document, id))->emotion, ==, 1);
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Set Emotion");
  while (tp_document_can_undo (fixture->document))
    tp_document_undo (fixture->document);
  g_assert_cmpint (((TpTouchpoint *) tp_document_lookup (fixture->document, id))->emotion, ==, start);
}

/* Dragging a curve point: snaps to whole emotions, one step; a click changes nothing;
 * a cancelled drag leaves nothing behind. */
static void
test_emotion_drag (Fixture       *fixture,
                   gconstpointer  data)
{
  TpTouchpoint *touchpoint = first_touchpoint (fixture);
  g_autofree char *id = g_strdup (touchpoint->item.id);
  TpLayout *layout = tp_board_get_layout (fixture->board);
  int start = touchpoint->emotion;
  double bx, by, x, y, to_x, to_y;
  guint steps = count_steps (fixture);

  tp_board_zoom_to_region (fixture->board, TP_REGION_JOURNEY);
  tp_test_flush_events ();
  g_assert_true (tp_layout_get_emotion_point (layout, id, &bx, &by));
  g_assert_cmpstr (_tp_board_emotion_point_at (fixture->board, bx, by + 3), ==, id);
  tp_board_board_to_widget (fixture->board, bx, by, &x, &y);

  /* The pointer over the point says it can be dragged. */
  _tp_board_hover (fixture->board, x, y);
  g_assert_true (fixture->board->hover_emotion);

  /* A click: selected, nothing changed. */
  _tp_board_pointer_pressed (fixture->board, 1, 1, x, y, 0);
  _tp_board_pointer_released (fixture->board, x, y);
  g_assert_cmpstr (tp_selection_get_primary (tp_board_get_selection (fixture->board)), ==, id);
  g_assert_cmpuint (count_steps (fixture), ==, steps);

  /* Down to −2 through every level, past the end. */
  tp_board_board_to_widget (fixture->board, bx, tp_layout_get_emotion_y (layout, -2) + 30,
                            &to_x, &to_y);
  _tp_board_pointer_pressed (fixture->board, 1, 1, x, y, 0);
  for (guint i = 1; i <= 8; i++)
    _tp_board_pointer_moved (fixture->board, x, y + (to_y - y) * i / 8);
  _tp_board_pointer_released (fixture->board, to_x, to_y);
  g_assert_cmpint (((TpTouchpoint *) tp_document_lookup (fixture->document, id))->emotion, ==, -2);
  g_assert_cmpuint (count_steps (fixture), ==, steps + 1);
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Set Emotion");
  tp_document_undo (fixture->document);
  g_assert_cmpint (((TpTouchpoint *) tp_document_lookup (fixture->document, id))->emotion, ==, start);

  /* Up to +2, then cancelled (Escape): as it was, and nothing to redo either. */
  tp_board_board_to_widget (fixture->board, bx, tp_layout_get_emotion_y (layout, 2), &to_x, &to_y);
  _tp_board_pointer_pressed (fixture->board, 1, 1, x, y, 0);
  _tp_board_pointer_moved (fixture->board, to_x, to_y);
  g_assert_cmpint (((TpTouchpoint *) tp_document_lookup (fixture->document, id))->emotion, ==, 2);
  g_assert_true (key (fixture, GDK_KEY_Escape, 0));
  _tp_board_pointer_released (fixture->board, to_x, to_y);
  g_assert_cmpint (((TpTouchpoint *) tp_document_lookup (fixture->document, id))->emotion, ==, start);
  g_assert_false (tp_document_can_redo (fixture->document));
  g_assert_cmpuint (count_steps (fixture), ==, steps);
}

int
main (int   argc,
      char *argv[])
{
  /* The accessibility bus's registry writes to stdout, which is TAP's. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/touchpoint/board-typing/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)
  ADD ("type-over-touchpoint", test_type_over_touchpoint);
  ADD ("type-over-note", test_type_over_note);
  ADD ("type-to-create", test_type_to_create);
  ADD ("escape-keeps", test_escape_keeps);
  ADD ("alt-digit-from-capture", test_alt_digit_from_capture);
  ADD ("colour-keys", test_colour_keys);
  ADD ("emotion-keys", test_emotion_keys);
  ADD ("emotion-drag", test_emotion_drag);
#undef ADD

  return g_test_run ();
}
