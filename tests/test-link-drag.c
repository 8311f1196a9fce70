/* test-link-drag.c: making links by dragging, with real pointer events; and the other
 * real-event cases of the same window (issue 15): the emotion curve's point dragged,
 * Alt+digit from a header button.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window runs in this process so the test knows where the board put things; the
 * pointer is driven by xdotool through the X server (XTEST), so the events come the way
 * a mouse's do: motion, press, motion, release, through GTK's own gestures. Every test
 * ends by saving and reading the file back from disk.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gdk/x11/gdkx.h>
#include <adwaita.h>

#include "app/tp-window.h"
#include "io/tp-document-file.h"
#include "views/tp-board.h"
#include "views/tp-inspector.h"
#include "views/tp-overview-page.h"
#include "views/tp-persona-page.h"
#include "views/tp-touchpoint-page.h"
#include "tp-test-display.h"

static char *tmp_dir;

/* A small workshop: a value proposition and a value-chain note above two stages. */
static const char document_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<touchpoint xmlns=\"https://touchpoint.github.io/ns/1\" version=\"1.0\">\n"
  "  <meta><title>Link drag</title></meta>\n"
  "  <canvas>\n"
  "    <block kind=\"value-propositions\">\n"
  "      <note id=\"n1\" colour=\"green\" evidence=\"validated\">Next-day delivery</note>\n"
  "    </block>\n"
  "  </canvas>\n"
  "  <value-chain>\n"
  "    <area kind=\"outbound-logistics\">\n"
  "      <note id=\"n2\" colour=\"blue\" evidence=\"assumption\">Own last-mile fleet</note>\n"
  "    </area>\n"
  "  </value-chain>\n"
  "  <journey>\n"
  "    <stage id=\"s1\" name=\"Purchase\">\n"
  "      <touchpoint id=\"t1\" name=\"Checkout\"/>\n"
  "    </stage>\n"
  "    <stage id=\"s2\" name=\"Usage\">\n"
  "      <touchpoint id=\"t2\" name=\"Delivery\"/>\n"
  "      <touchpoint id=\"t3\" name=\"Unboxing\"/>\n"
  "    </stage>\n"
  "  </journey>\n"
  "</touchpoint>\n";

typedef struct
{
  TpWindow *window;
  TpBoard  *board;
  char     *path;
} Fixture;

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
has_size (gpointer data)
{
  return gtk_widget_get_width (data) > 100 && gtk_widget_get_height (data) > 100 &&
         gtk_widget_get_mapped (data);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  fixture->path = g_build_filename (tmp_dir, "link-drag.touchpoint", NULL);
  g_file_set_contents (fixture->path, document_xml, -1, &error);
  g_assert_no_error (error);

  file = g_file_new_for_path (fixture->path);
  fixture->window = g_object_ref (tp_window_new (NULL));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1280, 800);
  tp_window_open_file (fixture->window, file);
  gtk_window_present (GTK_WINDOW (fixture->window));
  tp_test_wait_until (is_loaded, fixture->window, "the document to load");

  fixture->board = TP_BOARD (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                            TP_TYPE_WINDOW, "board"));
  tp_test_wait_until (has_size, fixture->board, "the board to be shown");
  tp_test_flush_events ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  TpDocument *document = tp_window_get_document (fixture->window);

  /* Whatever a failed test left unsaved is not asked about. */
  if (document != NULL && tp_document_get_modified (document))
    tp_document_set_saved_state (document, tp_document_get_state (document));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  tp_test_flush_events ();
  g_unlink (fixture->path);
  g_free (fixture->path);
}

/* Runs xdotool with args, letting the main loop run meanwhile so the window sees the
 * events as they arrive. */
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

static void xdotool (const char *format,
                     ...) G_GNUC_PRINTF (1, 2);

static void
xdotool (const char *format,
         ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *args = NULL;
  g_autofree char *command = NULL;
  g_auto(GStrv) argv = NULL;
  int status = -1;
  va_list ap;
  GPid pid;

  va_start (ap, format);
  args = g_strdup_vprintf (format, ap);
  va_end (ap);
  command = g_strdup_printf ("xdotool %s", args);
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

/* The X window, and where a board point is in it. */
static gulong
get_xid (Fixture *fixture)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (fixture->window));

  return (gulong) gdk_x11_surface_get_xid (surface);
}

static void
board_to_surface (Fixture *fixture,
                  double   bx,
                  double   by,
                  int     *sx,
                  int     *sy)
{
  double wx, wy, tx, ty, nx, ny;

  tp_board_board_to_widget (fixture->board, bx, by, &wx, &wy);
  g_assert_true (gtk_widget_translate_coordinates (GTK_WIDGET (fixture->board),
                                                   GTK_WIDGET (fixture->window), wx, wy,
                                                   &tx, &ty));
  gtk_native_get_surface_transform (GTK_NATIVE (fixture->window), &nx, &ny);
  *sx = (int) (tx + nx + 0.5);
  *sy = (int) (ty + ny + 0.5);
}

static void
move_to_board (Fixture *fixture,
               double   bx,
               double   by)
{
  int x, y;

  board_to_surface (fixture, bx, by, &x, &y);
  xdotool ("mousemove --window %lu %d %d", get_xid (fixture), x, y);
}

/* Moves in steps, as a hand does, so the board sees a drag and not a jump. */
static void
glide_to_board (Fixture *fixture,
                double   from_x,
                double   from_y,
                double   to_x,
                double   to_y)
{
  for (guint i = 1; i <= 6; i++)
    move_to_board (fixture, from_x + (to_x - from_x) * i / 6, from_y + (to_y - from_y) * i / 6);
}

static void
get_handle (Fixture    *fixture,
            const char *id,
            TpPoint    *handle)
{
  g_assert_true (tp_layout_get_link_anchor (tp_board_get_layout (fixture->board), id, handle));
}

static void
get_card_centre (Fixture    *fixture,
                 const char *id,
                 TpPoint    *centre)
{
  TpTouchpointInfo info;

  g_assert_true (tp_layout_get_touchpoint (tp_board_get_layout (fixture->board), id, &info));
  centre->x = info.card.x + info.card.width / 2;
  centre->y = info.card.y + info.card.height / 2;
}

/* Hovers the item so its handle shows, then presses on the handle (just inside the
 * item's edge). */
static void
press_handle (Fixture    *fixture,
              const char *id,
              TpPoint    *handle)
{
  TpNoteInfo note;

  g_assert_true (tp_layout_get_note (tp_board_get_layout (fixture->board), id, &note));
  move_to_board (fixture, note.rect.x + note.rect.width / 2, note.rect.y + note.rect.height / 2);
  get_handle (fixture, id, handle);
  move_to_board (fixture, handle->x, handle->y - 2 / tp_board_get_zoom (fixture->board));
  xdotool ("mousedown 1");
}

static void
save_and_wait (Fixture *fixture)
{
  TpDocument *document = tp_window_get_document (fixture->window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL));
  tp_test_wait_until (is_unmodified, document, "the document to be saved");
}

static TpDocument *
load_saved (Fixture *fixture)
{
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GError) error = NULL;
  TpDocument *document = tp_load_file (file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return document;
}

/* A BMC note's handle dragged onto a card: one link, saved. */
static void
test_drag_note_to_card (Fixture       *fixture,
                        gconstpointer  data)
{
  TpDocument *document = tp_window_get_document (fixture->window);
  g_autoptr(TpDocument) saved = NULL;
  TpPoint handle, card;
  TpLink *link;

  gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.zoom-fit", NULL);
  tp_test_flush_events ();

  press_handle (fixture, "n1", &handle);
  get_card_centre (fixture, "t2", &card);
  glide_to_board (fixture, handle.x, handle.y, card.x, card.y);
  xdotool ("mouseup 1");

  link = tp_document_find_link (document, "n1", "t2");
  g_assert_nonnull (link);
  g_assert_cmpuint (tp_document_get_links (document)->len, ==, 1);
  g_assert_cmpstr (tp_document_get_undo_label (document), ==, "Add Link");

  save_and_wait (fixture);
  saved = load_saved (fixture);
  g_assert_cmpuint (tp_document_get_links (saved)->len, ==, 1);
  g_assert_nonnull (tp_document_find_link (saved, "n1", "t2"));

  /* The same drag again makes no second link. */
  press_handle (fixture, "n1", &handle);
  glide_to_board (fixture, handle.x, handle.y, card.x, card.y);
  xdotool ("mouseup 1");
  g_assert_cmpuint (tp_document_get_links (document)->len, ==, 1);
  g_assert_false (tp_document_get_modified (document));
}

/* Dropped on empty space: nothing. */
static void
test_drag_to_nothing (Fixture       *fixture,
                      gconstpointer  data)
{
  TpDocument *document = tp_window_get_document (fixture->window);
  g_autoptr(TpDocument) saved = NULL;
  TpLayout *layout = tp_board_get_layout (fixture->board);
  TpRect canvas, journey;
  TpPoint handle;
  double empty_x, empty_y;

  gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.zoom-fit", NULL);
  tp_test_flush_events ();

  /* The empty band between the canvas and the journey, right of every card. */
  g_assert_true (tp_layout_get_region (layout, TP_REGION_CANVAS, &canvas));
  g_assert_true (tp_layout_get_region (layout, TP_REGION_JOURNEY, &journey));
  empty_x = canvas.x + canvas.width * 0.9;
  empty_y = (canvas.y + canvas.height + journey.y) / 2;
  g_assert_cmpint (tp_layout_hit (layout, empty_x, empty_y).kind, !=, TP_HIT_TOUCHPOINT);
  g_assert_cmpint (tp_layout_hit (layout, empty_x, empty_y).kind, !=, TP_HIT_NOTE);

  press_handle (fixture, "n2", &handle);
  glide_to_board (fixture, handle.x, handle.y, empty_x, empty_y);
  xdotool ("mouseup 1");

  g_assert_cmpuint (tp_document_get_links (document)->len, ==, 0);
  g_assert_false (tp_document_can_undo (document));
  g_assert_false (tp_document_get_modified (document));

  /* And dropped on a note (the wrong kind): nothing either. */
  {
    TpNoteInfo other;

    g_assert_true (tp_layout_get_note (layout, "n1", &other));
    press_handle (fixture, "n2", &handle);
    glide_to_board (fixture, handle.x, handle.y, other.rect.x + other.rect.width / 2,
                    other.rect.y + other.rect.height / 2);
    xdotool ("mouseup 1");
  }
  g_assert_cmpuint (tp_document_get_links (document)->len, ==, 0);
  g_assert_false (tp_document_can_undo (document));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.save", NULL);
  tp_test_flush_events ();
  saved = load_saved (fixture);
  g_assert_cmpuint (tp_document_get_links (saved)->len, ==, 0);
}

static gboolean
card_in_view_vertically (gpointer data)
{
  Fixture *fixture = data;
  TpPoint card;
  double wy;

  get_card_centre (fixture, "t3", &card);
  tp_board_board_to_widget (fixture->board, card.x, card.y, NULL, &wy);
  return wy > 80 && wy < gtk_widget_get_height (GTK_WIDGET (fixture->board)) - 80;
}

static gboolean
card_in_view (gpointer data)
{
  Fixture *fixture = data;
  TpPoint card;
  double wx;

  get_card_centre (fixture, "t3", &card);
  tp_board_board_to_widget (fixture->board, card.x, card.y, &wx, NULL);
  return card_in_view_vertically (data) && wx > 80 &&
         wx < gtk_widget_get_width (GTK_WIDGET (fixture->board)) - 80;
}

/* At 100 %, the card far below the note: the pointer held at the board's bottom edge
 * scrolls it down until the card comes into view, and the drop there links. */
static void
test_drag_with_autoscroll (Fixture       *fixture,
                           gconstpointer  data)
{
  TpDocument *document = tp_window_get_document (fixture->window);
  g_autoptr(TpDocument) saved = NULL;
  TpPoint handle, card;
  double vvalue;
  int x, y;

  gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.zoom-value-chain", NULL);
  tp_test_flush_events ();
  tp_board_set_zoom (fixture->board, 1.0);
  tp_board_reveal_item (fixture->board, "n2");
  tp_test_flush_events ();
  g_assert_false (card_in_view (fixture));

  press_handle (fixture, "n2", &handle);
  /* Down to the bottom edge of the board, and hold there. */
  board_to_surface (fixture, handle.x, handle.y, &x, &y);
  {
    double ex, ey;

    tp_board_board_to_widget (fixture->board, handle.x, handle.y, &ex, &ey);
    y += (int) (gtk_widget_get_height (GTK_WIDGET (fixture->board)) - 4 - ey);
  }
  vvalue = gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture->board)));
  xdotool ("mousemove --window %lu %d %d", get_xid (fixture), x, y - 40);
  xdotool ("mousemove --window %lu %d %d", get_xid (fixture), x, y);
  tp_test_wait_until (card_in_view_vertically, fixture, "the board to scroll down to the card");
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (fixture->board))),
                     >, vvalue);

  /* The card is left of the value chain's note: then hold at the left edge. */
  if (!card_in_view (fixture))
    {
      double ex, ey;
      int lx, ly;

      tp_board_widget_to_board (fixture->board, 3, gtk_widget_get_height (GTK_WIDGET (fixture->board)) / 2,
                                &ex, &ey);
      board_to_surface (fixture, ex, ey, &lx, &ly);
      xdotool ("mousemove --window %lu %d %d", get_xid (fixture), lx + 60, ly);
      xdotool ("mousemove --window %lu %d %d", get_xid (fixture), lx, ly);
      tp_test_wait_until (card_in_view, fixture, "the board to scroll left to the card");
    }

  get_card_centre (fixture, "t3", &card);
  move_to_board (fixture, card.x, card.y);
  get_card_centre (fixture, "t3", &card);
  move_to_board (fixture, card.x, card.y);
  xdotool ("mouseup 1");

  g_assert_nonnull (tp_document_find_link (document, "n2", "t3"));
  save_and_wait (fixture);
  saved = load_saved (fixture);
  g_assert_nonnull (tp_document_find_link (saved, "n2", "t3"));
}

static gboolean
has_link (gpointer data)
{
  return tp_document_find_link (data, "n1", "t3") != NULL;
}

static gboolean
timed_out (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Ctrl+K with a note selected: type to find the touchpoint, Enter links it. */
static void
test_keyboard_picker (Fixture       *fixture,
                      gconstpointer  data)
{
  TpDocument *document = tp_window_get_document (fixture->window);
  g_autoptr(TpDocument) saved = NULL;
  gboolean waited = FALSE;

  gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.zoom-fit", NULL);
  tp_selection_set_one (tp_board_get_selection (fixture->board), "n1");
  gtk_widget_grab_focus (GTK_WIDGET (fixture->board));
  xdotool ("windowfocus --sync %lu", get_xid (fixture));
  tp_test_flush_events ();

  xdotool ("key --delay 100 ctrl+k");
  xdotool ("type --delay 60 unbox");
  xdotool ("key --delay 100 Return");
  tp_test_wait_until (has_link, document, "the picked link");
  g_assert_cmpuint (tp_document_get_links (document)->len, ==, 1);
  g_assert_cmpstr (tp_selection_get_primary (tp_board_get_selection (fixture->board)), ==, "n1");

  save_and_wait (fixture);
  saved = load_saved (fixture);
  g_assert_nonnull (tp_document_find_link (saved, "n1", "t3"));

  /* GTK 4.8 looks at a closed popover's surface for a moment: let it, before the
   * window goes. */
  g_timeout_add (700, timed_out, &waited);
  tp_test_wait_until (is_true, &waited, "the picker to settle");
}

static gboolean
has_no_links (gpointer data)
{
  return tp_document_get_links (data)->len == 0;
}

/* A click on a curve selects its link; Delete removes it, undo brings it back;
 * Ctrl+Shift+K dims what the selection is not linked to. */
static void
test_select_and_delete (Fixture       *fixture,
                        gconstpointer  data)
{
  TpDocument *document = tp_window_get_document (fixture->window);
  TpSelection *selection = tp_board_get_selection (fixture->board);
  TpLayout *layout = tp_board_get_layout (fixture->board);
  TpLinkInfo info;
  const char *id;
  TpPoint lane;
  g_autofree char *link = NULL;

  id = tp_document_add_link (document, "n1", "t3", "delivers");
  g_assert_nonnull (id);
  link = g_strdup (id);
  gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.zoom-fit", NULL);
  tp_test_flush_events ();

  /* A point of the curve in the open (not beneath an item, not on the label's pill):
   * the middle of one of its segments. */
  g_assert_true (tp_layout_get_link (layout, link, &info));
  lane = (TpPoint) { -1, -1 };
  for (guint i = 0; i + 3 < info.n_path && lane.x < 0; i += 3)
    {
      const TpPoint *q = &info.path[i];
      TpPoint mid = { (q[0].x + 3 * q[1].x + 3 * q[2].x + q[3].x) / 8,
                      (q[0].y + 3 * q[1].y + 3 * q[2].y + q[3].y) / 8 };
      TpHitKind kind = tp_layout_hit (layout, mid.x, mid.y).kind;

      if (kind != TP_HIT_NOTE && kind != TP_HIT_TOUCHPOINT && kind != TP_HIT_STAGE &&
          kind != TP_HIT_MORE_BADGE && !tp_rect_contains_point (&info.pill, mid.x, mid.y) &&
          g_strcmp0 (tp_layout_hit_link (layout, mid.x, mid.y, 1), link) == 0)
        lane = mid;
    }
  g_assert_cmpfloat (lane.x, >=, 0);

  move_to_board (fixture, lane.x, lane.y);
  xdotool ("click 1");
  g_assert_cmpstr (tp_selection_get_primary (selection), ==, link);

  xdotool ("windowfocus --sync %lu", get_xid (fixture));
  xdotool ("key --delay 100 ctrl+shift+k");
  g_assert_true (tp_board_get_focus_links (fixture->board));
  xdotool ("key --delay 100 ctrl+shift+k");
  g_assert_false (tp_board_get_focus_links (fixture->board));

  xdotool ("key --delay 100 Delete");
  tp_test_wait_until (has_no_links, document, "the link to be deleted");
  g_assert_cmpstr (tp_document_get_undo_label (document), ==, "Delete Link");
  tp_document_undo (document);
  g_assert_nonnull (tp_document_lookup_kind (document, link, TP_ITEM_LINK));
  g_assert_cmpstr (((TpLink *) tp_document_lookup_kind (document, link, TP_ITEM_LINK))->label,
                   ==, "delivers");
}

/* Not a link, but the same hand on the same journey (issue 15): a touchpoint's point on
 * the emotion curve dragged from 0 down to −2 snaps there, is saved as −2, and one undo
 * puts it back at 0. */
static void
test_drag_emotion_point (Fixture       *fixture,
                         gconstpointer  data)
{
  TpDocument *document = tp_window_get_document (fixture->window);
  TpLayout *layout = tp_board_get_layout (fixture->board);
  g_autoptr(TpDocument) saved = NULL;
  TpTouchpoint *touchpoint;
  double x, y, bottom;

  gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.zoom-journey", NULL);
  tp_test_flush_events ();
  g_assert_cmpint (((TpTouchpoint *) tp_document_lookup_kind (document, "t2",
                                                              TP_ITEM_TOUCHPOINT))->emotion, ==, 0);

  g_assert_true (tp_layout_get_emotion_point (layout, "t2", &x, &y));
  bottom = tp_layout_get_emotion_y (layout, -2);
  g_assert_cmpfloat (bottom, >, y);
  move_to_board (fixture, x, y);
  xdotool ("mousedown 1");
  /* A little past −2: the point snaps to the scale's end and goes no further. */
  glide_to_board (fixture, x, y, x, bottom + 10);
  xdotool ("mouseup 1");

  touchpoint = tp_document_lookup_kind (document, "t2", TP_ITEM_TOUCHPOINT);
  g_assert_cmpint (touchpoint->emotion, ==, -2);
  g_assert_cmpstr (tp_document_get_undo_label (document), ==, "Set Emotion");
  g_assert_cmpstr (tp_selection_get_primary (tp_board_get_selection (fixture->board)), ==, "t2");

  save_and_wait (fixture);
  saved = load_saved (fixture);
  g_assert_cmpint (((TpTouchpoint *) tp_document_lookup_kind (saved, "t2",
                                                              TP_ITEM_TOUCHPOINT))->emotion, ==, -2);

  /* The whole drag was one step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  touchpoint = tp_document_lookup_kind (document, "t2", TP_ITEM_TOUCHPOINT);
  g_assert_cmpint (touchpoint->emotion, ==, 0);
  g_assert_false (tp_document_can_undo (document));
}

static gboolean
board_has_focus (gpointer data)
{
  return gtk_widget_has_focus (data);
}

/* Another hand on the keyboard (issue 15): Alt+digit reaches a block from anywhere in
 * the window, here with a header button holding the keyboard, and typing then adds a
 * note there. */
static void
test_alt_digit_from_header (Fixture       *fixture,
                            gconstpointer  data)
{
  TpDocument *document = tp_window_get_document (fixture->window);
  GtkWidget *button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                 TP_TYPE_WINDOW,
                                                                 "inspector_button"));
  GPtrArray *notes;

  xdotool ("windowfocus --sync %lu", get_xid (fixture));
  g_assert_true (gtk_widget_grab_focus (button));
  tp_test_flush_events ();
  g_assert_false (gtk_widget_has_focus (GTK_WIDGET (fixture->board)));

  xdotool ("key --delay 100 alt+2");
  tp_test_wait_until (board_has_focus, fixture->board, "the board to take the keyboard");
  xdotool ("type --delay 60 Cheap");
  xdotool ("key --delay 100 Escape");

  notes = tp_document_get_notes (document, TP_CONTAINER_VALUE_PROPOSITIONS);
  g_assert_cmpuint (notes->len, ==, 2);
  g_assert_cmpstr (((TpNote *) g_ptr_array_index (notes, 1))->text, ==, "Cheap");
}

/* Where the middle of widget is, in the window's X window: through its popover (a popup
 * surface placed relative to its parent's) if it is in one. */
static void
widget_to_surface (GtkWidget *widget,
                   int       *x,
                   int       *y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  graphene_point_t point;
  double nx, ny, sx, sy;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                                 gtk_widget_get_height (widget) / 2.0),
                                           &point));
  gtk_native_get_surface_transform (native, &nx, &ny);
  sx = point.x + nx;
  sy = point.y + ny;
  for (; GDK_IS_POPUP (surface); surface = gdk_popup_get_parent (GDK_POPUP (surface)))
    {
      sx += gdk_popup_get_position_x (GDK_POPUP (surface));
      sy += gdk_popup_get_position_y (GDK_POPUP (surface));
    }
  *x = (int) (sx + 0.5);
  *y = (int) (sy + 0.5);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* A click in the middle of widget, with the pointer, once it shows. */
static void
click_widget (Fixture   *fixture,
              GtkWidget *widget)
{
  int x, y;

  tp_test_wait_until (is_mapped, widget, "a widget to show");
  tp_test_flush_events ();
  widget_to_surface (widget, &x, &y);
  xdotool ("mousemove --window %lu %d %d click 1", get_xid (fixture), x, y);
}

static GtkWidget *
inspector_child (Fixture    *fixture,
                 GType       type,
                 const char *page,
                 const char *name)
{
  GtkWidget *inspector = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                    TP_TYPE_WINDOW, "inspector"));
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (inspector, TP_TYPE_INSPECTOR, page));

  g_assert_nonnull (widget);
  widget = GTK_WIDGET (gtk_widget_get_template_child (widget, type, name));
  g_assert_nonnull (widget);
  return widget;
}

/* The mapped label reading text under widget (a popover's list, say). */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_one_persona (gpointer data)
{
  return tp_document_get_personas (data)->len == 1;
}

static gboolean
has_no_persona (gpointer data)
{
  return tp_document_get_personas (data)->len == 0;
}

static gboolean
checkout_has_persona (gpointer data)
{
  TpTouchpoint *touchpoint = tp_document_lookup_kind (data, "t1", TP_ITEM_TOUCHPOINT);

  return touchpoint->persona != NULL;
}

/* The X window is 720 high; the widget, inside GTK's frame, a little less. */
static gboolean
is_720_high (gpointer data)
{
  return gtk_widget_get_height (data) <= 720;
}

static const char *
persona_name (TpDocument *document)
{
  GPtrArray *personas = tp_document_get_personas (document);

  return personas->len > 0 ? ((TpPersona *) g_ptr_array_index (personas, 0))->name : NULL;
}

/* A persona with the pointer and real keys (issue 15): Add Persona on the overview and a
 * name typed over the proposed one; the Checkout card clicked on the board and the
 * persona picked from its page's list; the persona's page opened from the overview and
 * Delete Persona clicked, which clears the card's reference; Ctrl+Z brings both back.
 * Each state is saved and read back from the file. */
static void
test_persona_by_pointer (Fixture       *fixture,
                         gconstpointer  data)
{
  TpDocument *document = tp_window_get_document (fixture->window);
  g_autoptr(TpDocument) saved = NULL;
  g_autoptr(TpDocument) deleted = NULL;
  g_autoptr(TpDocument) restored = NULL;
  TpTouchpoint *touchpoint;
  TpPoint centre;
  GtkWidget *row, *label, *persona_row;

  /* A laptop's screen: the inspector's rows a scroll away, as a facilitator has them. */
  xdotool ("windowsize --sync %lu 1280 720", get_xid (fixture));
  tp_test_wait_until (is_720_high, fixture->window, "the window to be 1280 × 720");
  gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.zoom-fit", NULL);
  tp_selection_clear (tp_board_get_selection (fixture->board));
  xdotool ("windowfocus --sync %lu", get_xid (fixture));
  tp_test_flush_events ();

  /* Create, and name it by typing over the name proposed. */
  click_widget (fixture, inspector_child (fixture, TP_TYPE_OVERVIEW_PAGE, "overview_page",
                                          "add_persona_button"));
  tp_test_wait_until (has_one_persona, document, "a persona to be added");
  xdotool ("type --delay 60 Student");
  xdotool ("key --delay 100 Return");
  g_assert_cmpstr (persona_name (document), ==, "Student");

  /* Assign it: the card, then the page's Persona row and the name in its list. */
  click_widget (fixture, inspector_child (fixture, TP_TYPE_PERSONA_PAGE, "persona_page",
                                          "back_button"));
  gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.zoom-journey", NULL);
  tp_test_flush_events ();
  get_card_centre (fixture, "t1", &centre);
  move_to_board (fixture, centre.x, centre.y);
  xdotool ("click 1");
  g_assert_cmpstr (tp_selection_get_primary (tp_board_get_selection (fixture->board)), ==, "t1");
  persona_row = inspector_child (fixture, TP_TYPE_TOUCHPOINT_PAGE, "touchpoint_page", "persona_row");
  tp_test_wait_until (is_mapped, persona_row, "the touchpoint page");
  /* Brought into the page's view, as Tab would, when the window is short. */
  gtk_widget_grab_focus (persona_row);
  tp_test_flush_events ();
  click_widget (fixture, persona_row);
  for (guint i = 0; i < 100 && (label = find_label (persona_row, "Student")) == NULL; i++)
    {
      g_usleep (20000);
      tp_test_flush_events ();
    }
  g_assert_nonnull (label);
  click_widget (fixture, label);
  tp_test_wait_until (checkout_has_persona, document, "the persona to be assigned");
  touchpoint = tp_document_lookup_kind (document, "t1", TP_ITEM_TOUCHPOINT);
  g_assert_cmpstr (touchpoint->persona, ==,
                   ((TpItem *) g_ptr_array_index (tp_document_get_personas (document), 0))->id);
  save_and_wait (fixture);
  saved = load_saved (fixture);
  g_assert_cmpstr (persona_name (saved), ==, "Student");
  g_assert_nonnull (((TpTouchpoint *) tp_document_lookup_kind (saved, "t1", TP_ITEM_TOUCHPOINT))->persona);

  /* Delete it from its page, opened from the overview's list with nothing selected. */
  xdotool ("windowfocus --sync %lu", get_xid (fixture));
  gtk_widget_grab_focus (GTK_WIDGET (fixture->board));
  xdotool ("key --delay 100 Escape");
  g_assert_null (tp_selection_get_primary (tp_board_get_selection (fixture->board)));
  row = inspector_child (fixture, TP_TYPE_OVERVIEW_PAGE, "overview_page", "personas_list");
  tp_test_wait_until (is_mapped, row, "the overview's personas");
  click_widget (fixture, gtk_widget_get_first_child (row));
  click_widget (fixture, inspector_child (fixture, TP_TYPE_PERSONA_PAGE, "persona_page",
                                          "delete_button"));
  tp_test_wait_until (has_no_persona, document, "the persona to be deleted");
  g_assert_null (((TpTouchpoint *) tp_document_lookup_kind (document, "t1", TP_ITEM_TOUCHPOINT))->persona);
  save_and_wait (fixture);
  deleted = load_saved (fixture);
  g_assert_cmpuint (tp_document_get_personas (deleted)->len, ==, 0);
  g_assert_null (((TpTouchpoint *) tp_document_lookup_kind (deleted, "t1", TP_ITEM_TOUCHPOINT))->persona);

  /* One undo: the persona and the card's reference to it. */
  gtk_widget_grab_focus (GTK_WIDGET (fixture->board));
  xdotool ("key --delay 100 ctrl+z");
  tp_test_wait_until (has_one_persona, document, "the persona to come back");
  save_and_wait (fixture);
  restored = load_saved (fixture);
  g_assert_cmpstr (persona_name (restored), ==, "Student");
  g_assert_cmpstr (((TpTouchpoint *) tp_document_lookup_kind (restored, "t1", TP_ITEM_TOUCHPOINT))->persona,
                   ==, ((TpItem *) g_ptr_array_index (tp_document_get_personas (restored), 0))->id);
}

static TpNoteColour
note_colour (TpDocument *document,
             const char *id)
{
  return ((TpNote *) tp_document_lookup_kind (document, id, TP_ITEM_NOTE))->colour;
}

/* Ctrl+Shift+digit colours the selected note with the keyboard in the inspector (on a
 * swatch), as on the board; but while the inspector's text view has it, the keys are
 * the text's and the colour stays. */
static void
test_colour_keys_in_inspector (Fixture       *fixture,
                               gconstpointer  data)
{
  TpDocument *document = tp_window_get_document (fixture->window);
  GtkWidget *inspector = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                    TP_TYPE_WINDOW, "inspector"));
  GtkWidget *swatches = GTK_WIDGET (gtk_widget_get_template_child (inspector, TP_TYPE_INSPECTOR,
                                                                   "swatch_box"));
  GtkWidget *text_view = GTK_WIDGET (gtk_widget_get_template_child (inspector, TP_TYPE_INSPECTOR,
                                                                    "text_view"));

  g_assert_cmpint (note_colour (document, "n1"), ==, TP_NOTE_COLOUR_GREEN);
  tp_selection_set_one (tp_board_get_selection (fixture->board), "n1");
  xdotool ("windowfocus --sync %lu", get_xid (fixture));
  tp_test_wait_until (is_mapped, swatches, "the note page");

  g_assert_true (gtk_widget_grab_focus (gtk_widget_get_first_child (swatches)));
  tp_test_flush_events ();
  xdotool ("key --delay 100 ctrl+shift+3");
  g_assert_cmpint (note_colour (document, "n1"), ==, TP_NOTE_COLOUR_BLUE);
  g_assert_cmpstr (tp_document_get_undo_label (document), ==, "Change Colour");

  g_assert_true (gtk_widget_grab_focus (text_view));
  tp_test_flush_events ();
  xdotool ("key --delay 100 ctrl+shift+1");
  g_assert_cmpint (note_colour (document, "n1"), ==, TP_NOTE_COLOUR_BLUE);
  g_assert_cmpstr (((TpNote *) tp_document_lookup_kind (document, "n1", TP_ITEM_NOTE))->text,
                   ==, "Next-day delivery");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *xdotool_path = g_find_program_in_path ("xdotool");
  int status;

  if (xdotool_path == NULL)
    {
      g_print ("1..0 # SKIP xdotool is not installed\n");
      return 0;
    }

  tmp_dir = tp_test_init_display (&argc, &argv, "test-link-drag");
  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_print ("1..0 # SKIP the display is not X11, which xdotool needs\n");
      return 0;
    }

  g_test_add ("/link-drag/note-to-card", Fixture, NULL, fixture_set_up, test_drag_note_to_card,
              fixture_tear_down);
  g_test_add ("/link-drag/to-nothing", Fixture, NULL, fixture_set_up, test_drag_to_nothing,
              fixture_tear_down);
  g_test_add ("/link-drag/keyboard-picker", Fixture, NULL, fixture_set_up, test_keyboard_picker,
              fixture_tear_down);
  g_test_add ("/link-drag/select-and-delete", Fixture, NULL, fixture_set_up,
              test_select_and_delete, fixture_tear_down);
  g_test_add ("/link-drag/autoscroll", Fixture, NULL, fixture_set_up,
              test_drag_with_autoscroll, fixture_tear_down);
  g_test_add ("/link-drag/emotion-point", Fixture, NULL, fixture_set_up,
              test_drag_emotion_point, fixture_tear_down);
  g_test_add ("/link-drag/alt-digit-from-header", Fixture, NULL, fixture_set_up,
              test_alt_digit_from_header, fixture_tear_down);
  g_test_add ("/link-drag/persona-by-pointer", Fixture, NULL, fixture_set_up,
              test_persona_by_pointer, fixture_tear_down);
  g_test_add ("/link-drag/colour-keys-in-inspector", Fixture, NULL, fixture_set_up,
              test_colour_keys_in_inspector, fixture_tear_down);

  status = g_test_run ();
  tp_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
