/* test-board.c: the board widget: its geometry, selection, keyboard contract, drag and
 * drop, editing and clipboard, on a real (virtual) display.
 *
 * GTK 4 cannot synthesize input events, so the tests drive the board through the same
 * functions its gesture and key controllers call (tp-board-private.h), with widget
 * coordinates computed from the layout; tests/e2e/board-keyboard.sh types real keys at
 * the running application.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "io/tp-document-file.h"
#include "model/tp-enums.h"
#include "views/tp-board-private.h"
#include "views/tp-clipboard.h"
#include "tp-test-board.h"
#include "tp-test-display.h"

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Lets the board go through a frame: layout (the editor's place) and drawing. */
static void
wait_frame (GtkWidget *widget)
{
  gboolean ticked = FALSE;

  gtk_widget_add_tick_callback (widget, on_tick, &ticked, NULL);
  tp_test_wait_until (is_true, &ticked, "a frame");
  tp_test_flush_events ();
}

/* The fixture: the example on a board in a window of 1200 × 800. */

typedef TpTestBoard Fixture;
#define fixture_set_up tp_test_board_set_up
#define fixture_tear_down tp_test_board_tear_down

/* Geometry helpers */

static int
width_of (Fixture *fixture)
{
  return gtk_widget_get_width (GTK_WIDGET (fixture->board));
}

static int
height_of (Fixture *fixture)
{
  return gtk_widget_get_height (GTK_WIDGET (fixture->board));
}

static TpNoteInfo
note_info (Fixture    *fixture,
           const char *id)
{
  TpNoteInfo info;

  g_assert_true (tp_layout_get_note (tp_board_get_layout (fixture->board), id, &info));
  return info;
}

/* The centre of a note, in widget coordinates. */
static void
note_centre (Fixture    *fixture,
             const char *id,
             double     *x,
             double     *y)
{
  TpNoteInfo info = note_info (fixture, id);

  g_assert_true (info.visible);
  tp_board_board_to_widget (fixture->board, info.rect.x + info.rect.width / 2,
                            info.rect.y + info.rect.height / 2, x, y);
}

static const char *
note_id (Fixture     *fixture,
         TpContainer  container,
         guint        index)
{
  GPtrArray *notes = tp_document_get_notes (fixture->document, container);

  g_assert_cmpuint (index, <, notes->len);
  return ((TpItem *) g_ptr_array_index (notes, index))->id;
}

static const char *
note_text (Fixture     *fixture,
           TpContainer  container,
           guint        index)
{
  GPtrArray *notes = tp_document_get_notes (fixture->document, container);

  g_assert_cmpuint (index, <, notes->len);
  return ((TpNote *) g_ptr_array_index (notes, index))->text;
}

static guint
n_notes_in (Fixture     *fixture,
            TpContainer  container)
{
  return tp_document_get_notes (fixture->document, container)->len;
}

static gboolean
rect_in_view (Fixture      *fixture,
              const TpRect *rect)
{
  graphene_rect_t r;

  _tp_board_rect_to_widget (fixture->board, rect, &r);
  return r.origin.x >= -0.5 && r.origin.y >= -0.5 &&
         r.origin.x + r.size.width <= width_of (fixture) + 0.5 &&
         r.origin.y + r.size.height <= height_of (fixture) + 0.5;
}

/* Until the board's size holds for a few rounds of events: a window resized (or just
 * shown) on a loaded machine gets its last allocation a frame or two late, and a zoom
 * to fit computed before it fits the size before. Bounded; a size that never settles is
 * the failure the checks after it report. */
static void
settle_size (Fixture *fixture)
{
  int width = -1, height = -1;
  guint same = 0;

  for (guint i = 0; i < 300 && same < 3; i++)
    {
      tp_test_flush_events ();
      if (width_of (fixture) == width && height_of (fixture) == height)
        same++;
      else
        same = 0;
      width = width_of (fixture);
      height = height_of (fixture);
      g_usleep (10000);
    }
}

/* A region zoomed to: its note text at least 12 px (VISUAL.md), its start in view, and
 * all of it when it fits at that; else as large as the view allows. */
static void
check_region_zoom (Fixture      *fixture,
                   const TpRect *region)
{
  double legible = 12.0 / tp_layout_get_theme (tp_board_get_layout (fixture->board))->fonts[TP_FONT_NOTE].size;
  double zoom = tp_board_get_zoom (fixture->board);
  graphene_rect_t r;

  g_assert_cmpfloat (zoom, >=, legible - 1e-9);
  _tp_board_rect_to_widget (fixture->board, region, &r);
  g_assert_cmpfloat (r.origin.x, >=, -0.5);
  g_assert_cmpfloat (r.origin.y, >=, -0.5);
  if (zoom > legible + 1e-9)
    {
      /* As large as fits, within the fit's margins and the few units the canvas's
       * heading adds to what the zoom frames (1,217 of 1,280 px at 1280 × 720). */
      g_assert_true (rect_in_view (fixture, region));
      g_assert_true (r.size.width >= width_of (fixture) - 80 || r.size.height >= height_of (fixture) - 80);
    }
}

static void
press_key (Fixture *fixture,
           guint    keyval)
{
  g_assert_true (_tp_board_key_pressed (fixture->board, keyval, 0));
  tp_test_flush_events ();
}

/* Alt+digit: a canvas block by its number. */
static void
press_alt (Fixture *fixture,
           guint    keyval)
{
  g_assert_true (_tp_board_key_pressed (fixture->board, keyval, GDK_ALT_MASK));
  tp_test_flush_events ();
}

static void
type_text (Fixture    *fixture,
           const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (fixture->board->editor));

  g_assert_true (tp_board_get_editing (fixture->board));
  gtk_text_buffer_insert_at_cursor (buffer, text, -1);
  tp_test_flush_events ();
}

static gboolean
selection_is (Fixture            *fixture,
              const char * const *ids)
{
  TpSelection *selection = tp_board_get_selection (fixture->board);
  guint n = ids != NULL ? g_strv_length ((char **) ids) : 0;

  if (tp_selection_get_n_items (selection) != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!tp_selection_contains (selection, ids[i]))
      return FALSE;

  return TRUE;
}

/* Tests: the selection on its own */

static void
count_signal (TpSelection *selection,
              guint       *count)
{
  (*count)++;
}

static void
test_selection (void)
{
  g_autoptr(TpSelection) selection = tp_selection_new ();
  const char * const abc[] = { "a", "b", "c", "b", NULL };
  guint changes = 0;

  g_signal_connect (selection, "changed", G_CALLBACK (count_signal), &changes);
  g_assert_cmpuint (tp_selection_get_n_items (selection), ==, 0);
  g_assert_null (tp_selection_get_primary (selection));

  tp_selection_set (selection, abc);
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (tp_selection_get_n_items (selection), ==, 3);  /* duplicates once */
  g_assert_cmpstr (tp_selection_get_primary (selection), ==, "c");

  /* Adding what is there makes it primary; setting the same set changes nothing. */
  tp_selection_add (selection, "a");
  g_assert_cmpstr (tp_selection_get_primary (selection), ==, "a");
  g_assert_cmpuint (changes, ==, 2);
  tp_selection_add (selection, "a");
  g_assert_cmpuint (changes, ==, 2);

  tp_selection_toggle (selection, "b");
  g_assert_false (tp_selection_contains (selection, "b"));
  tp_selection_toggle (selection, "b");
  g_assert_true (tp_selection_contains (selection, "b"));
  g_assert_cmpuint (changes, ==, 4);

  tp_selection_remove (selection, "nothing");
  g_assert_cmpuint (changes, ==, 4);

  tp_selection_set_one (selection, "c");
  g_assert_cmpuint (tp_selection_get_n_items (selection), ==, 1);
  tp_selection_clear (selection);
  tp_selection_clear (selection);
  g_assert_cmpuint (changes, ==, 6);
  g_assert_null (tp_selection_get_ids (selection)[0]);
}

/* Tests: the clipboard formats on their own */

static void
test_clipboard_formats (void)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify) tp_note_free);
  g_autoptr(GPtrArray) parsed = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) garbage = g_bytes_new_static ("(1, [('x', 'y')])", 17);
  g_autofree char *text = NULL;
  TpNote *note;

  note = tp_note_new ("n1", "Two\nlines \"quoted\" 'and' \\ more");
  note->container = TP_CONTAINER_CHANNELS;
  note->colour = TP_NOTE_COLOUR_RED;
  note->evidence = TP_EVIDENCE_VALIDATED;
  note->votes = 3;
  note->persona = g_strdup ("p2");
  g_ptr_array_add (notes, note);
  g_ptr_array_add (notes, tp_note_new ("n2", "Plain"));

  bytes = tp_clipboard_serialize_notes (notes);
  parsed = tp_clipboard_parse_notes (bytes);
  g_assert_nonnull (parsed);
  g_assert_cmpuint (parsed->len, ==, 2);
  note = g_ptr_array_index (parsed, 0);
  g_assert_cmpstr (note->text, ==, "Two\nlines \"quoted\" 'and' \\ more");
  g_assert_cmpint (note->container, ==, TP_CONTAINER_CHANNELS);
  g_assert_cmpint (note->colour, ==, TP_NOTE_COLOUR_RED);
  g_assert_cmpint (note->evidence, ==, TP_EVIDENCE_VALIDATED);
  g_assert_cmpuint (note->votes, ==, 3);
  g_assert_cmpstr (note->persona, ==, "p2");
  g_assert_null (((TpNote *) g_ptr_array_index (parsed, 1))->persona);

  /* Plain text: one line per note, both ways. */
  text = tp_clipboard_notes_to_text (notes);
  g_assert_cmpstr (text, ==, "Two lines \"quoted\" 'and' \\ more\nPlain");
  lines = tp_clipboard_text_to_notes ("  first \r\n\n\t\nsecond\n third\n");
  g_assert_cmpuint (lines->len, ==, 3);
  g_assert_cmpstr (((TpNote *) g_ptr_array_index (lines, 0))->text, ==, "first");
  g_assert_cmpstr (((TpNote *) g_ptr_array_index (lines, 2))->text, ==, "third");

  /* Anything but our format is refused. */
  g_assert_null (tp_clipboard_parse_notes (garbage));
}

/* Tests: the view */

static void
test_zoom_about_point (Fixture       *fixture,
                       gconstpointer  data)
{
  const double zooms[] = { 1.0, 2.5, 1.3, 3.9, 1.0 };
  const double x = 300, y = 200;
  double bx, by;

  tp_board_set_zoom (fixture->board, 1.0);
  tp_board_widget_to_board (fixture->board, x, y, &bx, &by);

  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      double ax, ay;

      tp_board_zoom_at (fixture->board, zooms[i], x, y);
      g_assert_cmpfloat_with_epsilon (tp_board_get_zoom (fixture->board), zooms[i], 1e-9);
      tp_board_widget_to_board (fixture->board, x, y, &ax, &ay);
      g_assert_cmpfloat_with_epsilon (ax, bx, 1e-6);
      g_assert_cmpfloat_with_epsilon (ay, by, 1e-6);
    }

  /* Ctrl+wheel zooms about the pointer too, one detent a step. */
  _tp_board_hover (fixture->board, 500, 400);
  tp_board_widget_to_board (fixture->board, 500, 400, &bx, &by);
  _tp_board_scroll_event (fixture->board, 0, -1, TRUE, GDK_CONTROL_MASK);
  g_assert_cmpfloat_with_epsilon (tp_board_get_zoom (fixture->board), 1.2, 1e-9);
  {
    double ax, ay;

    tp_board_widget_to_board (fixture->board, 500, 400, &ax, &ay);
    g_assert_cmpfloat_with_epsilon (ax, bx, 1e-6);
    g_assert_cmpfloat_with_epsilon (ay, by, 1e-6);
  }
  g_assert_true (_tp_board_zoom_is_settling (fixture->board));

  /* A plain wheel pans; the zoom stays. */
  {
    double before = gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture->board)));

    _tp_board_scroll_event (fixture->board, 0, 1, TRUE, 0);
    g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture->board))), >, before);
    g_assert_cmpfloat_with_epsilon (tp_board_get_zoom (fixture->board), 1.2, 1e-9);
  }

  /* Clamped to 10 % … 400 %, as the property says. */
  tp_board_set_zoom (fixture->board, 100.0);
  g_assert_cmpfloat (tp_board_get_zoom (fixture->board), ==, TP_BOARD_ZOOM_MAX);
  tp_board_set_zoom (fixture->board, 0.0001);
  g_assert_cmpfloat (tp_board_get_zoom (fixture->board), ==, TP_BOARD_ZOOM_MIN);
}

static void
test_zoom_fit (Fixture       *fixture,
               gconstpointer  data)
{
  TpRect bounds, canvas, chain;
  graphene_rect_t r;

  settle_size (fixture);
  tp_board_set_zoom (fixture->board, 3.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.zoom-fit", NULL));
  tp_layout_get_bounds (tp_board_get_layout (fixture->board), &bounds);

  /* The whole board shows, and it is as large as fits: it spans the view one way. */
  g_assert_true (rect_in_view (fixture, &bounds));
  _tp_board_rect_to_widget (fixture->board, &bounds, &r);
  g_assert_true (r.size.width >= width_of (fixture) - 60 || r.size.height >= height_of (fixture) - 60);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.zoom-canvas", NULL));
  g_assert_true (tp_layout_get_region (tp_board_get_layout (fixture->board), TP_REGION_CANVAS, &canvas));
  check_region_zoom (fixture, &canvas);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.zoom-value-chain", NULL));
  g_assert_true (tp_layout_get_region (tp_board_get_layout (fixture->board), TP_REGION_VALUE_CHAIN, &chain));
  check_region_zoom (fixture, &chain);
  g_assert_false (rect_in_view (fixture, &canvas));

  /* On a projector's 1280 × 720 the canvas reads the same: 12 px notes at least. */
  gtk_window_set_default_size (fixture->window, 1280, 720);
  settle_size (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.zoom-canvas", NULL));
  g_assert_true (tp_layout_get_region (tp_board_get_layout (fixture->board), TP_REGION_CANVAS, &canvas));
  check_region_zoom (fixture, &canvas);

  /* Ctrl+plus and Ctrl+minus step through the zoom levels. */
  tp_board_set_zoom (fixture->board, 1.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.zoom-in", NULL));
  g_assert_cmpfloat_with_epsilon (tp_board_get_zoom (fixture->board), 1.1, 1e-9);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.zoom-out", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.zoom-out", NULL));
  g_assert_cmpfloat_with_epsilon (tp_board_get_zoom (fixture->board), 0.9, 1e-9);
}

static void
test_select_all (Fixture       *fixture,
                 gconstpointer  data)
{
  TpSelection *selection = tp_board_get_selection (fixture->board);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.select-all", NULL));
  g_assert_cmpuint (tp_selection_get_n_items (selection), ==, tp_document_get_n_notes (fixture->document));

  /* Escape lets go. */
  press_key (fixture, GDK_KEY_Escape);
  g_assert_cmpuint (tp_selection_get_n_items (selection), <, tp_document_get_n_notes (fixture->document));
}

static void
test_click_selection (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *a = note_id (fixture, TP_CONTAINER_CHANNELS, 0);
  const char *b = note_id (fixture, TP_CONTAINER_CHANNELS, 2);
  const char *c = note_id (fixture, TP_CONTAINER_VALUE_PROPOSITIONS, 1);
  TpSelection *selection = tp_board_get_selection (fixture->board);
  double ax, ay, bx, by, cx, cy;

  tp_board_zoom_to_region (fixture->board, TP_REGION_CANVAS);
  note_centre (fixture, a, &ax, &ay);
  note_centre (fixture, b, &bx, &by);
  note_centre (fixture, c, &cx, &cy);

  _tp_board_pointer_pressed (fixture->board, 1, 1, ax, ay, 0);
  _tp_board_pointer_released (fixture->board, ax, ay);
  g_assert_true (selection_is (fixture, (const char *[]) { a, NULL }));

  _tp_board_pointer_pressed (fixture->board, 1, 1, bx, by, GDK_SHIFT_MASK);
  _tp_board_pointer_released (fixture->board, bx, by);
  _tp_board_pointer_pressed (fixture->board, 1, 1, cx, cy, GDK_CONTROL_MASK);
  _tp_board_pointer_released (fixture->board, cx, cy);
  g_assert_true (selection_is (fixture, (const char *[]) { a, b, c, NULL }));
  g_assert_cmpstr (tp_selection_get_primary (selection), ==, c);

  /* Ctrl+click again takes a note out; a plain click picks one alone. */
  _tp_board_pointer_pressed (fixture->board, 1, 1, ax, ay, GDK_CONTROL_MASK);
  _tp_board_pointer_released (fixture->board, ax, ay);
  g_assert_true (selection_is (fixture, (const char *[]) { b, c, NULL }));
  _tp_board_pointer_pressed (fixture->board, 1, 1, bx, by, 0);
  _tp_board_pointer_released (fixture->board, bx, by);
  g_assert_true (selection_is (fixture, (const char *[]) { b, NULL }));
}

static void
test_rubber_band (Fixture       *fixture,
                  gconstpointer  data)
{
  TpLayout *layout;
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  TpSelection *selection = tp_board_get_selection (fixture->board);
  TpContainerInfo info;
  double x0, y0, x1, y1, bx0, by0, bx1, by1;
  TpRect band;
  TpHit hit;

  tp_board_zoom_to_region (fixture->board, TP_REGION_CANVAS);
  layout = tp_board_get_layout (fixture->board);

  /* From the empty top left of Value Propositions' panel (beside its title) to the
   * middle of Channels: a band across two blocks that starts on no note. */
  tp_layout_get_container (layout, TP_CONTAINER_VALUE_PROPOSITIONS, &info);
  tp_board_board_to_widget (fixture->board, info.rect.x + 4, info.notes.y - 2, &x0, &y0);
  tp_layout_get_container (layout, TP_CONTAINER_CHANNELS, &info);
  tp_board_board_to_widget (fixture->board, info.rect.x + info.rect.width / 2,
                            info.rect.y + info.rect.height / 2, &x1, &y1);
  tp_board_widget_to_board (fixture->board, x0, y0, &bx0, &by0);
  hit = tp_layout_hit (layout, bx0, by0);
  g_assert_cmpint (hit.kind, !=, TP_HIT_NOTE);

  _tp_board_pointer_pressed (fixture->board, 1, 1, x0, y0, 0);
  _tp_board_pointer_moved (fixture->board, (x0 + x1) / 2, (y0 + y1) / 2);
  _tp_board_pointer_moved (fixture->board, x1, y1);
  g_assert_cmpint (fixture->board->drag, ==, TP_BOARD_DRAG_RUBBER);
  _tp_board_pointer_released (fixture->board, x1, y1);

  /* Exactly the notes whose rects meet the band, found the slow way. */
  tp_board_widget_to_board (fixture->board, x1, y1, &bx1, &by1);
  band = (TpRect) { MIN (bx0, bx1), MIN (by0, by1), fabs (bx1 - bx0), fabs (by1 - by0) };
  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    for (guint i = 0; i < n_notes_in (fixture, c); i++)
      {
        TpNoteInfo note = note_info (fixture, note_id (fixture, c, i));

        if (note.visible && tp_rect_intersects (&note.rect, &band))
          g_ptr_array_add (expected, (gpointer) note_id (fixture, c, i));
      }
  g_assert_cmpuint (expected->len, >, 1);
  g_assert_cmpuint (expected->len, <, tp_document_get_n_notes (fixture->document));
  g_ptr_array_add (expected, NULL);
  g_assert_true (selection_is (fixture, (const char * const *) expected->pdata));

  /* Shift adds a band to what was selected. */
  {
    const char *other = note_id (fixture, TP_CONTAINER_KEY_PARTNERS, 0);
    double ox, oy;

    note_centre (fixture, other, &ox, &oy);
    _tp_board_pointer_pressed (fixture->board, 1, 1, ox, oy, 0);
    _tp_board_pointer_released (fixture->board, ox, oy);
    _tp_board_pointer_pressed (fixture->board, 1, 1, x0, y0, GDK_SHIFT_MASK);
    _tp_board_pointer_moved (fixture->board, x1, y1);
    _tp_board_pointer_released (fixture->board, x1, y1);
    g_assert_cmpuint (tp_selection_get_n_items (selection), ==, expected->len);  /* + other */
    g_assert_true (tp_selection_contains (selection, other));
  }
}

static gboolean
has_grown (gpointer data)
{
  gpointer *args = data;

  return tp_selection_get_n_items (args[0]) > *(guint *) args[1];
}

static void
test_autoscroll (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture->board));
  TpSelection *selection = tp_board_get_selection (fixture->board);
  double before, x, y;
  guint n;
  gpointer args[2] = { selection, &n };

  /* At 200 % from the top: a rubber band held at the bottom edge scrolls the board
   * down and takes in the notes it comes to. */
  tp_board_set_zoom (fixture->board, 2.0);
  _tp_board_scroll_to (fixture->board, 0, 0);
  before = gtk_adjustment_get_value (vadjustment);
  x = 10;
  y = 10;
  _tp_board_pointer_pressed (fixture->board, 1, 1, x, y, 0);
  _tp_board_pointer_moved (fixture->board, x + 200, height_of (fixture) - 2);
  g_assert_cmpint (fixture->board->drag, ==, TP_BOARD_DRAG_RUBBER);
  n = tp_selection_get_n_items (selection);
  tp_test_wait_until (has_grown, args, "the band to scroll down to more notes");
  _tp_board_pointer_released (fixture->board, x + 200, height_of (fixture) - 2);
  g_assert_cmpuint (fixture->board->autoscroll_id, ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, before);
}

/* Drags note from its centre to (x, y), through the board's pointer path. */
static void
drag_to (Fixture    *fixture,
         const char *id,
         double      x,
         double      y)
{
  double sx, sy;

  note_centre (fixture, id, &sx, &sy);
  _tp_board_pointer_pressed (fixture->board, 1, 1, sx, sy, 0);
  _tp_board_pointer_moved (fixture->board, sx + 20, sy + 20);
  g_assert_cmpint (fixture->board->drag, ==, TP_BOARD_DRAG_MOVE);
  _tp_board_pointer_moved (fixture->board, x, y);
  g_assert_true (fixture->board->drop_valid);
  _tp_board_pointer_released (fixture->board, x, y);
  tp_test_flush_events ();
}

static void
test_drag_drop (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *a = g_strdup (note_id (fixture, TP_CONTAINER_CHANNELS, 0));
  g_autofree char *b = g_strdup (note_id (fixture, TP_CONTAINER_CHANNELS, 1));
  TpLayout *layout;
  TpNoteInfo target;
  guint index = 0, drop, n_segments = n_notes_in (fixture, TP_CONTAINER_CUSTOMER_SEGMENTS);
  double x, y, bx, by;
  TpContainerInfo info;

  tp_board_zoom_to_region (fixture->board, TP_REGION_CANVAS);
  layout = tp_board_get_layout (fixture->board);

  /* Within a block: onto the right half of the third note, so after it. Dropping
   * forward in its own block, the note counts itself out. */
  target = note_info (fixture, note_id (fixture, TP_CONTAINER_CHANNELS, 2));
  bx = target.rect.x + target.rect.width * 0.75;
  by = target.rect.y + target.rect.height / 2;
  drop = tp_layout_drop_index (layout, TP_CONTAINER_CHANNELS, bx, by, NULL);
  g_assert_cmpuint (drop, ==, 3);
  tp_board_board_to_widget (fixture->board, bx, by, &x, &y);
  drag_to (fixture, a, x, y);
  g_assert_true (tp_document_get_index (fixture->document, a, &index));
  g_assert_cmpuint (index, ==, drop - 1);
  g_assert_cmpstr (note_id (fixture, TP_CONTAINER_CHANNELS, 0), ==, b);
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Move Note");
  tp_document_undo (fixture->document);
  g_assert_cmpstr (note_id (fixture, TP_CONTAINER_CHANNELS, 0), ==, a);

  /* Two notes to the end of another block, in their order, as one step. */
  tp_selection_set (tp_board_get_selection (fixture->board), (const char *[]) { b, a, NULL });
  tp_layout_get_container (layout, TP_CONTAINER_CUSTOMER_SEGMENTS, &info);
  tp_board_board_to_widget (fixture->board, info.notes.x + info.notes.width - 2,
                            info.notes.y + info.notes.height - 2, &x, &y);
  drag_to (fixture, b, x, y);
  g_assert_cmpuint (n_notes_in (fixture, TP_CONTAINER_CUSTOMER_SEGMENTS), ==, n_segments + 2);
  g_assert_cmpstr (note_id (fixture, TP_CONTAINER_CUSTOMER_SEGMENTS, n_segments), ==, a);
  g_assert_cmpstr (note_id (fixture, TP_CONTAINER_CUSTOMER_SEGMENTS, n_segments + 1), ==, b);
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Move Notes");
  tp_document_undo (fixture->document);
  g_assert_cmpuint (n_notes_in (fixture, TP_CONTAINER_CUSTOMER_SEGMENTS), ==, n_segments);
  g_assert_cmpstr (note_id (fixture, TP_CONTAINER_CHANNELS, 0), ==, a);
  g_assert_cmpstr (note_id (fixture, TP_CONTAINER_CHANNELS, 1), ==, b);

  /* A drop outside any block moves nothing and records nothing. */
  {
    g_autofree char *label = g_strdup (tp_document_get_redo_label (fixture->document));
    TpRect bounds;
    double sx, sy;

    tp_layout_get_bounds (layout, &bounds);
    note_centre (fixture, a, &sx, &sy);
    tp_board_board_to_widget (fixture->board, bounds.x + 2, bounds.y + 2, &x, &y);
    _tp_board_pointer_pressed (fixture->board, 1, 1, sx, sy, 0);
    _tp_board_pointer_moved (fixture->board, x, y);
    g_assert_false (fixture->board->drop_valid);
    _tp_board_pointer_released (fixture->board, x, y);
    g_assert_true (tp_document_can_redo (fixture->document));
    g_assert_cmpstr (tp_document_get_redo_label (fixture->document), ==, label);
  }
}

static void
test_reveal (Fixture       *fixture,
             gconstpointer  data)
{
  const char *id = note_id (fixture, TP_CONTAINER_SERVICE, 0);
  TpNoteInfo info;

  tp_board_set_zoom (fixture->board, 2.0);
  _tp_board_scroll_to (fixture->board, 0, 0);
  info = note_info (fixture, id);
  g_assert_false (rect_in_view (fixture, &info.rect));

  tp_board_reveal_item (fixture->board, id);
  g_assert_true (rect_in_view (fixture, &info.rect));
  g_assert_cmpfloat_with_epsilon (tp_board_get_zoom (fixture->board), 2.0, 1e-9);

  /* Unknown ids are no error. */
  tp_board_reveal_item (fixture->board, "no-such-note");
}

static void
test_more_badge (Fixture       *fixture,
                 gconstpointer  data)
{
  TpLayout *layout;
  TpContainerInfo info;
  double x, y;

  /* More notes than Channels can show, even shrunk, in the board's widest canvas. */
  tp_document_begin_group (fixture->document, "Fill");
  for (guint i = 0; i < 1500; i++)
    tp_document_add_note (fixture->document, TP_CONTAINER_CHANNELS, G_MAXUINT, "Overflowing channel");
  tp_document_end_group (fixture->document);

  tp_board_zoom_to_region (fixture->board, TP_REGION_CANVAS);
  layout = tp_board_get_layout (fixture->board);
  tp_layout_get_container (layout, TP_CONTAINER_CHANNELS, &info);
  g_assert_cmpuint (info.n_hidden, >, 0);

  /* A hidden note's reveal expands its block. */
  tp_board_board_to_widget (fixture->board, info.more.x + info.more.width / 2,
                            info.more.y + info.more.height / 2, &x, &y);
  _tp_board_hover (fixture->board, x, y);
  g_assert_cmpint (fixture->board->hover_kind, ==, TP_HIT_MORE_BADGE);
  _tp_board_pointer_pressed (fixture->board, 1, 1, x, y, 0);
  _tp_board_pointer_released (fixture->board, x, y);
  tp_layout_get_container (tp_board_get_layout (fixture->board), TP_CONTAINER_CHANNELS, &info);
  g_assert_cmpuint (info.n_hidden, ==, 0);
  g_assert_true (info.expanded);
}

static void
test_capture (Fixture       *fixture,
              gconstpointer  data)
{
  guint n = n_notes_in (fixture, TP_CONTAINER_CHANNELS);
  guint total = tp_document_get_n_notes (fixture->document);
  TpSelection *selection = tp_board_get_selection (fixture->board);

  /* Alt+3 focuses Channels; Enter starts a note there; Enter commits it and starts the
   * next; Escape ends, keeping what was typed. */
  press_alt (fixture, GDK_KEY_3);
  g_assert_cmpint (fixture->board->focus, ==, TP_BOARD_FOCUS_BLOCK);
  g_assert_cmpint (fixture->board->focus_container, ==, TP_CONTAINER_CHANNELS);
  press_key (fixture, GDK_KEY_Return);
  g_assert_true (tp_board_get_editing (fixture->board));
  g_assert_true (fixture->board->capturing);

  /* Keys are text while the editor has them: the board leaves them alone. */
  g_assert_false (_tp_board_key_pressed (fixture->board, GDK_KEY_3, 0));
  g_assert_false (_tp_board_key_pressed (fixture->board, GDK_KEY_Delete, 0));
  gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.select-all", NULL);
  g_assert_cmpuint (tp_selection_get_n_items (selection), ==, 1);  /* the note being typed */

  type_text (fixture, "Pop-up store");
  _tp_board_editor_activate (fixture->board);
  g_assert_true (tp_board_get_editing (fixture->board));
  type_text (fixture, "News");
  type_text (fixture, "letter");
  _tp_board_end_edit (fixture->board, fixture->board->capturing);  /* Escape */
  tp_test_flush_events ();

  g_assert_false (tp_board_get_editing (fixture->board));
  g_assert_cmpuint (n_notes_in (fixture, TP_CONTAINER_CHANNELS), ==, n + 2);
  g_assert_cmpuint (tp_document_get_n_notes (fixture->document), ==, total + 2);
  g_assert_cmpstr (note_text (fixture, TP_CONTAINER_CHANNELS, n), ==, "Pop-up store");
  g_assert_cmpstr (note_text (fixture, TP_CONTAINER_CHANNELS, n + 1), ==, "Newsletter");
  g_assert_cmpuint (tp_selection_get_n_items (selection), ==, 2);
  g_assert_cmpint (fixture->board->focus, ==, TP_BOARD_FOCUS_BLOCK);

  /* Each note is one undo step. */
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Add Note");
  tp_document_undo (fixture->document);
  g_assert_cmpuint (n_notes_in (fixture, TP_CONTAINER_CHANNELS), ==, n + 1);
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Add Note");
  tp_document_redo (fixture->document);

  /* Enter on an empty note ends the capture and drops it: nothing to undo. */
  press_key (fixture, GDK_KEY_Return);
  g_assert_true (tp_board_get_editing (fixture->board));
  type_text (fixture, "   ");
  _tp_board_editor_activate (fixture->board);
  g_assert_false (tp_board_get_editing (fixture->board));
  g_assert_cmpuint (n_notes_in (fixture, TP_CONTAINER_CHANNELS), ==, n + 2);
  g_assert_cmpstr (note_text (fixture, TP_CONTAINER_CHANNELS, n + 1), ==, "Newsletter");
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Add Note");

  /* Shift+Enter is a line break, which the editor keeps. */
  press_key (fixture, GDK_KEY_Return);
  g_assert_true (fixture->board->capturing);
  type_text (fixture, "Line one\nLine two");
  _tp_board_end_edit (fixture->board, TRUE);
  g_assert_cmpstr (note_text (fixture, TP_CONTAINER_CHANNELS, n + 2), ==, "Line one\nLine two");
}

static void
test_edit_in_place (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *id = g_strdup (note_id (fixture, TP_CONTAINER_CHANNELS, 1));
  g_autofree char *before = g_strdup (note_text (fixture, TP_CONTAINER_CHANNELS, 1));
  guint n = n_notes_in (fixture, TP_CONTAINER_CHANNELS);
  GtkAllocation allocation;
  graphene_rect_t text_rect;
  TpNoteInfo info;
  double x, y;

  tp_board_zoom_to_region (fixture->board, TP_REGION_CANVAS);

  /* Enter on the focused note edits it, over its text box. */
  tp_selection_set_one (tp_board_get_selection (fixture->board), id);
  press_key (fixture, GDK_KEY_Return);
  g_assert_true (tp_board_get_editing (fixture->board));
  g_assert_false (fixture->board->capturing);
  wait_frame (GTK_WIDGET (fixture->board));
  wait_frame (GTK_WIDGET (fixture->board));
  gtk_widget_get_allocation (fixture->board->editor, &allocation);
  info = note_info (fixture, id);
  _tp_board_rect_to_widget (fixture->board, &info.text, &text_rect);
  g_assert_cmpint (abs (allocation.x - (int) round (text_rect.origin.x)), <=, 1);
  g_assert_cmpint (abs (allocation.y - (int) round (text_rect.origin.y)), <=, 1);
  g_assert_cmpint (abs (allocation.width - (int) ceil (text_rect.size.width)), <=, 1);

  /* Escape leaves it as it was. */
  type_text (fixture, " and more");
  _tp_board_end_edit (fixture->board, fixture->board->capturing);
  g_assert_cmpstr (note_text (fixture, TP_CONTAINER_CHANNELS, 1), ==, before);

  /* A double click edits too; Enter commits one "Edit Note" step. */
  note_centre (fixture, id, &x, &y);
  _tp_board_pointer_pressed (fixture->board, 1, 1, x, y, 0);
  _tp_board_pointer_released (fixture->board, x, y);
  _tp_board_pointer_pressed (fixture->board, 1, 2, x, y, 0);
  _tp_board_pointer_released (fixture->board, x, y);
  g_assert_true (tp_board_get_editing (fixture->board));
  type_text (fixture, " v2");
  _tp_board_editor_activate (fixture->board);
  g_assert_false (tp_board_get_editing (fixture->board));
  g_assert_true (g_str_has_suffix (note_text (fixture, TP_CONTAINER_CHANNELS, 1), " v2"));
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Edit Note");
  g_assert_cmpuint (n_notes_in (fixture, TP_CONTAINER_CHANNELS), ==, n);

  /* A double click on a block's own space (its header: a block as tall as its notes has
   * no room below them) adds a note there. */
  {
    guint n_before = n_notes_in (fixture, TP_CONTAINER_KEY_RESOURCES);
    TpContainerInfo block;

    tp_layout_get_container (tp_board_get_layout (fixture->board), TP_CONTAINER_KEY_RESOURCES, &block);
    /* Where a drop there would go, asked before the capture's new note reflows the
     * canvas (its columns widen by what they hold). */
    guint at = tp_layout_drop_index (tp_board_get_layout (fixture->board),
                                     TP_CONTAINER_KEY_RESOURCES, block.title.x + block.title.width - 2,
                                     block.title.y + 2, NULL);

    tp_board_board_to_widget (fixture->board, block.title.x + block.title.width - 2,
                              block.title.y + 2, &x, &y);
    _tp_board_pointer_pressed (fixture->board, 1, 1, x, y, 0);
    _tp_board_pointer_released (fixture->board, x, y);
    _tp_board_pointer_pressed (fixture->board, 1, 2, x, y, 0);
    _tp_board_pointer_released (fixture->board, x, y);
    g_assert_true (tp_board_get_editing (fixture->board));

    g_assert_true (fixture->board->capturing);
    type_text (fixture, "Warehouse robots");
    tp_board_commit_editing (fixture->board);
    /* Where a drop there would go: the header is before the first note. */
    g_assert_cmpuint (n_notes_in (fixture, TP_CONTAINER_KEY_RESOURCES), ==, n_before + 1);
    g_assert_cmpstr (note_text (fixture, TP_CONTAINER_KEY_RESOURCES, at), ==, "Warehouse robots");
  }
}

static void
test_keyboard_navigation (Fixture       *fixture,
                          gconstpointer  data)
{
  TpSelection *selection = tp_board_get_selection (fixture->board);
  guint n_shown = 0, n_visited = 1;
  TpNoteInfo from, to;
  const char *first;

  tp_board_zoom_to_region (fixture->board, TP_REGION_CANVAS);

  /* Tab from nowhere: the first note in reading order, Key Partners' first. */
  press_key (fixture, GDK_KEY_Tab);
  first = note_id (fixture, TP_CONTAINER_KEY_PARTNERS, 0);
  g_assert_cmpstr (tp_selection_get_primary (selection), ==, first);
  g_assert_cmpstr (fixture->board->focus_note, ==, first);

  /* Tab visits every shown note once, then every touchpoint, then lets the focus leave
   * the board. */
  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      TpContainerInfo info;

      tp_layout_get_container (tp_board_get_layout (fixture->board), c, &info);
      n_shown += info.n_visible;
    }
  n_shown += tp_document_get_n_touchpoints (fixture->document);
  while (_tp_board_key_pressed (fixture->board, GDK_KEY_Tab, 0))
    n_visited++;
  g_assert_cmpuint (n_visited, ==, n_shown);
  g_assert_true (_tp_board_key_pressed (fixture->board, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));

  /* Arrows move to the nearest note that way. */
  tp_selection_set_one (selection, note_id (fixture, TP_CONTAINER_KEY_PARTNERS, 0));
  from = note_info (fixture, fixture->board->focus_note);
  press_key (fixture, GDK_KEY_Right);
  to = note_info (fixture, fixture->board->focus_note);
  g_assert_cmpfloat (to.rect.x, >, from.rect.x);
  g_assert_true (to.rect.y < from.rect.y + from.rect.height && from.rect.y < to.rect.y + to.rect.height);
  press_key (fixture, GDK_KEY_Down);
  from = to;
  to = note_info (fixture, fixture->board->focus_note);
  g_assert_cmpfloat (to.rect.y, >, from.rect.y);
  g_assert_cmpuint (tp_selection_get_n_items (selection), ==, 1);

  /* Shift+arrow extends the selection. */
  g_assert_true (_tp_board_key_pressed (fixture->board, GDK_KEY_Left, GDK_SHIFT_MASK));
  g_assert_cmpuint (tp_selection_get_n_items (selection), ==, 2);

  /* Alt+1 … 9 go to the blocks by their BMC number. */
  for (guint number = 1; number <= 9; number++)
    {
      press_alt (fixture, GDK_KEY_0 + number);
      g_assert_cmpint (fixture->board->focus, ==, TP_BOARD_FOCUS_BLOCK);
      g_assert_cmpuint (tp_container_get_number (fixture->board->focus_container), ==, number);
    }
  g_assert_cmpuint (tp_selection_get_n_items (selection), ==, 0);
}

static void
test_delete_duplicate (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *a = g_strdup (note_id (fixture, TP_CONTAINER_CHANNELS, 1));
  g_autofree char *after = g_strdup (note_id (fixture, TP_CONTAINER_CHANNELS, 2));
  guint n = n_notes_in (fixture, TP_CONTAINER_CHANNELS);
  TpSelection *selection = tp_board_get_selection (fixture->board);

  /* Delete removes the selected note, and the keyboard moves on to the next. */
  tp_selection_set_one (selection, a);
  press_key (fixture, GDK_KEY_Delete);
  g_assert_null (tp_document_lookup (fixture->document, a));
  g_assert_cmpuint (n_notes_in (fixture, TP_CONTAINER_CHANNELS), ==, n - 1);
  g_assert_cmpstr (fixture->board->focus_note, ==, after);

  /* Undo brings it back, and the window then selects what the step touched. */
  tp_document_undo (fixture->document);
  tp_board_select_affected (fixture->board, tp_document_get_last_affected (fixture->document));
  g_assert_true (selection_is (fixture, (const char *[]) { a, NULL }));
  g_assert_cmpstr (fixture->board->focus_note, ==, a);

  /* Ctrl+D: a copy right after the original, selected. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.duplicate", NULL));
  g_assert_cmpuint (n_notes_in (fixture, TP_CONTAINER_CHANNELS), ==, n + 1);
  g_assert_cmpstr (note_text (fixture, TP_CONTAINER_CHANNELS, 2), ==, note_text (fixture, TP_CONTAINER_CHANNELS, 1));
  g_assert_cmpstr (tp_selection_get_primary (selection), ==, note_id (fixture, TP_CONTAINER_CHANNELS, 2));
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Duplicate Note");
}

static void
test_undo_selection (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *x = g_strdup (note_id (fixture, TP_CONTAINER_KEY_PARTNERS, 0));
  g_autofree char *added = NULL;
  guint n = n_notes_in (fixture, TP_CONTAINER_CHANNELS);

  /* A note added, then undone: the note is gone, the selection keeps what remains. */
  press_alt (fixture, GDK_KEY_3);
  press_key (fixture, GDK_KEY_Return);
  type_text (fixture, "Radio spot");
  _tp_board_end_edit (fixture->board, TRUE);
  added = g_strdup (note_id (fixture, TP_CONTAINER_CHANNELS, n));
  tp_selection_set (tp_board_get_selection (fixture->board), (const char *[]) { x, added, NULL });

  tp_document_undo (fixture->document);
  tp_board_select_affected (fixture->board, tp_document_get_last_affected (fixture->document));
  g_assert_null (tp_document_lookup (fixture->document, added));
  g_assert_true (selection_is (fixture, (const char *[]) { x, NULL }));

  /* Redo brings it back selected, and in view. */
  tp_board_set_zoom (fixture->board, 3.0);
  _tp_board_scroll_to (fixture->board, 0, 0);
  tp_document_redo (fixture->document);
  tp_board_select_affected (fixture->board, tp_document_get_last_affected (fixture->document));
  for (guint i = 0; tp_document_get_last_affected (fixture->document)[i] != NULL; i++)
    tp_board_reveal_item (fixture->board, tp_document_get_last_affected (fixture->document)[i]);
  g_assert_true (selection_is (fixture, (const char *[]) { added, NULL }));
  {
    TpNoteInfo info = note_info (fixture, added);

    g_assert_true (rect_in_view (fixture, &info.rect));
  }
}

static gboolean
has_more_notes (gpointer data)
{
  gpointer *args = data;

  return tp_document_get_n_notes (args[0]) >= GPOINTER_TO_UINT (args[1]);
}

static void
test_clipboard (Fixture       *fixture,
                gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->board));
  g_autofree char *a = g_strdup (note_id (fixture, TP_CONTAINER_CHANNELS, 0));
  g_autofree char *b = g_strdup (note_id (fixture, TP_CONTAINER_CHANNELS, 1));
  guint total = tp_document_get_n_notes (fixture->document);
  guint n_segments = n_notes_in (fixture, TP_CONTAINER_CUSTOMER_SEGMENTS);
  TpNote *original = tp_document_lookup_kind (fixture->document, a, TP_ITEM_NOTE);
  TpNote *copy;
  gpointer args[2];

  /* Copy two notes; paste them into block 1, with all their fields. */
  tp_selection_set (tp_board_get_selection (fixture->board), (const char *[]) { a, b, NULL });
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.copy", NULL));
  g_assert_true (gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (clipboard),
                                                        TP_CLIPBOARD_NOTES_MIME));
  press_alt (fixture, GDK_KEY_1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.paste", NULL));
  args[0] = fixture->document;
  args[1] = GUINT_TO_POINTER (total + 2);
  tp_test_wait_until (has_more_notes, args, "the paste");
  g_assert_cmpuint (n_notes_in (fixture, TP_CONTAINER_CUSTOMER_SEGMENTS), ==, n_segments + 2);
  copy = g_ptr_array_index (tp_document_get_notes (fixture->document, TP_CONTAINER_CUSTOMER_SEGMENTS),
                            n_segments);
  g_assert_cmpstr (copy->text, ==, original->text);
  g_assert_cmpint (copy->colour, ==, original->colour);
  g_assert_cmpint (copy->evidence, ==, original->evidence);
  g_assert_cmpuint (copy->votes, ==, original->votes);
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Paste Notes");
  g_assert_cmpuint (tp_selection_get_n_items (tp_board_get_selection (fixture->board)), ==, 2);

  /* Text from another application: one note per non-empty line, into the focused
   * block. */
  gdk_clipboard_set_text (clipboard, "Walk-in customers\n\n  Corporate buyers  \nSchools\n");
  press_alt (fixture, GDK_KEY_1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.paste", NULL));
  args[1] = GUINT_TO_POINTER (total + 5);
  tp_test_wait_until (has_more_notes, args, "the text paste");
  g_assert_cmpuint (n_notes_in (fixture, TP_CONTAINER_CUSTOMER_SEGMENTS), ==, n_segments + 5);
  g_assert_cmpstr (note_text (fixture, TP_CONTAINER_CUSTOMER_SEGMENTS, n_segments + 3), ==,
                   "Corporate buyers");

  /* Cut: copied, then gone, in one step. */
  tp_selection_set_one (tp_board_get_selection (fixture->board), b);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.cut", NULL));
  g_assert_null (tp_document_lookup (fixture->document, b));
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Cut Note");
}

static void
test_snapshot (Fixture       *fixture,
               gconstpointer  data)
{
  GtkSnapshot *snapshot;
  g_autoptr(GskRenderNode) node = NULL;
  graphene_rect_t bounds;

  /* The board draws: tiles for the view, and overlays on top. */
  tp_board_zoom_to_region (fixture->board, TP_REGION_CANVAS);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.select-all", NULL));
  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (fixture->board)->snapshot (GTK_WIDGET (fixture->board), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_render_node_get_bounds (node, &bounds);
  g_assert_cmpfloat (bounds.size.width, >=, width_of (fixture));
  g_assert_cmpuint (g_hash_table_size (fixture->board->tiles), >, 0);

  /* The same zoom reuses the tiles; a new one paints anew once it settles. */
  {
    guint n = g_hash_table_size (fixture->board->tiles);

    snapshot = gtk_snapshot_new ();
    GTK_WIDGET_GET_CLASS (fixture->board)->snapshot (GTK_WIDGET (fixture->board), snapshot);
    g_clear_pointer (&node, gsk_render_node_unref);
    node = gtk_snapshot_free_to_node (snapshot);
    g_assert_cmpuint (g_hash_table_size (fixture->board->tiles), >=, n);
    g_assert_cmpfloat (fixture->board->tiles_zoom, ==, tp_board_get_zoom (fixture->board));
  }
}

int
main (int   argc,
      char *argv[])
{
  /* The accessibility bus's registry writes to stdout, which is TAP's. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/board/selection", test_selection);
  g_test_add_func ("/touchpoint/board/clipboard-formats", test_clipboard_formats);
#define ADD(path, func) \
  g_test_add ("/touchpoint/board/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("zoom-about-point", test_zoom_about_point);
  ADD ("zoom-fit", test_zoom_fit);
  ADD ("select-all", test_select_all);
  ADD ("click-selection", test_click_selection);
  ADD ("rubber-band", test_rubber_band);
  ADD ("autoscroll", test_autoscroll);
  ADD ("drag-drop", test_drag_drop);
  ADD ("reveal", test_reveal);
  ADD ("more-badge", test_more_badge);
  ADD ("capture", test_capture);
  ADD ("edit-in-place", test_edit_in_place);
  ADD ("keyboard-navigation", test_keyboard_navigation);
  ADD ("delete-duplicate", test_delete_duplicate);
  ADD ("undo-selection", test_undo_selection);
  ADD ("clipboard", test_clipboard);
  ADD ("snapshot", test_snapshot);
#undef ADD

  return g_test_run ();
}
