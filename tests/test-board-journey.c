/* test-board-journey.c: the customer journey on the board: selecting, adding, naming,
 * moving and deleting stages and touchpoints, moments of truth, and Ctrl+2, on a real
 * (virtual) display.
 *
 * Like test-board.c, the tests drive the board through the functions its gesture and
 * key controllers call (tp-board-private.h), with widget coordinates computed from the
 * layout; tests/e2e/journey-keyboard.sh types real keys at the running application.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "io/tp-document-file.h"
#include "views/tp-board-private.h"
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

/* The example on a board alone (tests/tp-test-board.c), zoomed to the journey. */
typedef TpTestBoard Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  tp_test_board_set_up (fixture, data);
  tp_board_zoom_to_region (fixture->board, TP_REGION_JOURNEY);
  tp_test_flush_events ();
}

#define fixture_tear_down tp_test_board_tear_down

/* Helpers */

static TpStage *
stage_at (Fixture *fixture,
          guint    index)
{
  GPtrArray *stages = tp_document_get_stages (fixture->document);

  g_assert_cmpuint (index, <, stages->len);
  return g_ptr_array_index (stages, index);
}

static const char *
stage_id (Fixture *fixture,
          guint    index)
{
  return stage_at (fixture, index)->item.id;
}

static guint
n_stages (Fixture *fixture)
{
  return tp_document_get_stages (fixture->document)->len;
}

static TpTouchpoint *
touchpoint_at (Fixture *fixture,
               guint    stage,
               guint    index)
{
  TpStage *s = stage_at (fixture, stage);

  g_assert_cmpuint (index, <, s->touchpoints->len);
  return g_ptr_array_index (s->touchpoints, index);
}

static const char *
touchpoint_id (Fixture *fixture,
               guint    stage,
               guint    index)
{
  return touchpoint_at (fixture, stage, index)->item.id;
}

static guint
n_touchpoints (Fixture *fixture,
               guint    stage)
{
  return stage_at (fixture, stage)->touchpoints->len;
}

static TpTouchpointInfo
touchpoint_info (Fixture    *fixture,
                 const char *id)
{
  TpTouchpointInfo info;

  g_assert_true (tp_layout_get_touchpoint (tp_board_get_layout (fixture->board), id, &info));
  return info;
}

static TpStageInfo
stage_info (Fixture    *fixture,
            const char *id)
{
  TpStageInfo info;

  g_assert_true (tp_layout_get_stage (tp_board_get_layout (fixture->board), id, &info));
  return info;
}

/* A board point in widget coordinates, scrolled into view first. */
static void
to_widget (Fixture      *fixture,
           const TpRect *reveal,
           double        bx,
           double        by,
           double       *x,
           double       *y)
{
  _tp_board_reveal_rect (fixture->board, reveal);
  tp_board_board_to_widget (fixture->board, bx, by, x, y);
}

static void
card_centre (Fixture    *fixture,
             const char *id,
             double     *x,
             double     *y)
{
  TpTouchpointInfo info = touchpoint_info (fixture, id);

  to_widget (fixture, &info.card, info.card.x + info.card.width / 2,
             info.card.y + info.card.height / 2, x, y);
}

static void
header_centre (Fixture    *fixture,
               const char *id,
               double     *x,
               double     *y)
{
  TpStageInfo info = stage_info (fixture, id);

  to_widget (fixture, &info.header, info.header.x + info.header.width / 2,
             info.header.y + info.header.height / 2, x, y);
}

static void
click (Fixture         *fixture,
       double           x,
       double           y,
       GdkModifierType  state)
{
  _tp_board_pointer_pressed (fixture->board, 1, 1, x, y, state);
  _tp_board_pointer_released (fixture->board, x, y);
}

static void
double_click (Fixture *fixture,
              double   x,
              double   y)
{
  _tp_board_pointer_pressed (fixture->board, 1, 1, x, y, 0);
  _tp_board_pointer_released (fixture->board, x, y);
  _tp_board_pointer_pressed (fixture->board, 1, 2, x, y, 0);
  _tp_board_pointer_released (fixture->board, x, y);
}

static void
press_key (Fixture         *fixture,
           guint            keyval,
           GdkModifierType  state)
{
  g_assert_true (_tp_board_key_pressed (fixture->board, keyval, state));
  tp_test_flush_events ();
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->board), action, NULL));
  tp_test_flush_events ();
}

static void
type_text (Fixture    *fixture,
           const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (fixture->board->editor));

  /* As typing does: what is selected is replaced. */
  g_assert_true (tp_board_get_editing (fixture->board));
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
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

static const char *
undo_label (Fixture *fixture)
{
  return tp_document_get_undo_label (fixture->document);
}

/* A step counter: how many undo steps a test made. */
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

/* Tests */

static void
test_select (Fixture       *fixture,
             gconstpointer  data)
{
  TpSelection *selection = tp_board_get_selection (fixture->board);
  const char *a = touchpoint_id (fixture, 0, 0);
  const char *b = touchpoint_id (fixture, 0, 1);
  const char *stage = stage_id (fixture, 1);
  double ax, ay, bx, by, sx, sy;
  TpHit hit;

  /* A click on a card picks its touchpoint, which the inspector then shows. */
  card_centre (fixture, a, &ax, &ay);
  tp_board_widget_to_board (fixture->board, ax, ay, &bx, &by);
  hit = tp_layout_hit (tp_board_get_layout (fixture->board), bx, by);
  g_assert_cmpint (hit.kind, ==, TP_HIT_TOUCHPOINT);
  g_assert_cmpstr (hit.touchpoint, ==, a);
  click (fixture, ax, ay, 0);
  g_assert_true (selection_is (fixture, (const char *[]) { a, NULL }));
  g_assert_cmpstr (tp_selection_get_primary (selection), ==, a);
  g_assert_cmpint (fixture->board->focus, ==, TP_BOARD_FOCUS_TOUCHPOINT);
  g_assert_cmpstr (fixture->board->focus_touchpoint, ==, a);

  /* Shift adds; Ctrl takes out again. */
  card_centre (fixture, b, &bx, &by);
  click (fixture, bx, by, GDK_SHIFT_MASK);
  g_assert_true (selection_is (fixture, (const char *[]) { a, b, NULL }));
  card_centre (fixture, a, &ax, &ay);
  click (fixture, ax, ay, GDK_CONTROL_MASK);
  g_assert_true (selection_is (fixture, (const char *[]) { b, NULL }));

  /* A stage's header picks the stage. */
  header_centre (fixture, stage, &sx, &sy);
  click (fixture, sx, sy, 0);
  g_assert_true (selection_is (fixture, (const char *[]) { stage, NULL }));
  g_assert_cmpint (fixture->board->focus, ==, TP_BOARD_FOCUS_STAGE);
  g_assert_cmpstr (fixture->board->focus_stage, ==, stage);

  /* Hover lights up a card from anywhere in its column, a stage from its header. */
  {
    TpTouchpointInfo info = touchpoint_info (fixture, a);
    double x, y;

    to_widget (fixture, &info.cells[TP_JOURNEY_ROW_PAINS], info.emotion_x,
               info.cells[TP_JOURNEY_ROW_PAINS].y + 4, &x, &y);
    _tp_board_hover (fixture->board, x, y);
    g_assert_cmpint (fixture->board->hover_kind, ==, TP_HIT_TOUCHPOINT);
    g_assert_cmpstr (fixture->board->hover_id, ==, a);
    header_centre (fixture, stage, &x, &y);
    _tp_board_hover (fixture->board, x, y);
    g_assert_cmpint (fixture->board->hover_kind, ==, TP_HIT_STAGE);
    g_assert_cmpstr (fixture->board->hover_id, ==, stage);
  }

  /* A click on nothing lets go; Ctrl+A still selects every note, and only notes. */
  click (fixture, 2, 2, 0);
  g_assert_cmpuint (tp_selection_get_n_items (selection), ==, 0);
  activate (fixture, "board.select-all");
  g_assert_cmpuint (tp_selection_get_n_items (selection), ==,
                    tp_document_get_n_notes (fixture->document));
}

static void
test_rubber_band (Fixture       *fixture,
                  gconstpointer  data)
{
  TpLayout *layout = tp_board_get_layout (fixture->board);
  TpTouchpointInfo first, last;
  TpRect label, band;
  double x0, y0, x1, y1;

  /* From the row labels, left of the cards, across the first stage's cards. */
  tp_board_set_zoom (fixture->board, 0.5);
  first = touchpoint_info (fixture, touchpoint_id (fixture, 0, 0));
  last = touchpoint_info (fixture, touchpoint_id (fixture, 0, n_touchpoints (fixture, 0) - 1));
  g_assert_true (tp_layout_get_journey_row (layout, TP_JOURNEY_ROW_CHANNEL, &label, &band));
  to_widget (fixture, &first.card, label.x + 4, label.y + 2, &x0, &y0);
  tp_board_board_to_widget (fixture->board, last.card.x + last.card.width / 2,
                            first.card.y + 4, &x1, &y1);

  _tp_board_pointer_pressed (fixture->board, 1, 1, x0, y0, 0);
  _tp_board_pointer_moved (fixture->board, (x0 + x1) / 2, (y0 + y1) / 2);
  _tp_board_pointer_moved (fixture->board, x1, y1);
  g_assert_cmpint (fixture->board->drag, ==, TP_BOARD_DRAG_RUBBER);
  _tp_board_pointer_released (fixture->board, x1, y1);

  g_assert_cmpuint (tp_selection_get_n_items (tp_board_get_selection (fixture->board)), ==,
                    n_touchpoints (fixture, 0));
  for (guint i = 0; i < n_touchpoints (fixture, 0); i++)
    g_assert_true (tp_selection_contains (tp_board_get_selection (fixture->board),
                                          touchpoint_id (fixture, 0, i)));
}

static void
test_capture (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *stage = g_strdup (stage_id (fixture, 2));
  guint n = n_touchpoints (fixture, 2);
  guint total = tp_document_get_n_touchpoints (fixture->document);
  guint steps = count_steps (fixture);
  TpRect bounds_before, bounds_after;

  tp_layout_get_bounds (tp_board_get_layout (fixture->board), &bounds_before);

  /* Enter on a focused stage starts a touchpoint at its end; Enter commits it and
   * starts the next; Escape ends, keeping what was typed. */
  tp_selection_set_one (tp_board_get_selection (fixture->board), stage);
  g_assert_cmpint (fixture->board->focus, ==, TP_BOARD_FOCUS_STAGE);
  press_key (fixture, GDK_KEY_Return, 0);
  g_assert_true (tp_board_get_editing (fixture->board));
  g_assert_true (fixture->board->capturing);
  g_assert_cmpint (fixture->board->edit_kind, ==, TP_ITEM_TOUCHPOINT);

  /* Keys are text while the editor has them. */
  g_assert_false (_tp_board_key_pressed (fixture->board, GDK_KEY_m, 0));
  g_assert_false (_tp_board_key_pressed (fixture->board, GDK_KEY_Delete, 0));

  type_text (fixture, "Checkout");
  _tp_board_editor_activate (fixture->board);
  g_assert_true (tp_board_get_editing (fixture->board));
  type_text (fixture, "Deli");
  type_text (fixture, "very\n");  /* a name keeps to one line, whatever was pasted */
  _tp_board_end_edit (fixture->board, fixture->board->capturing);  /* Escape */

  g_assert_false (tp_board_get_editing (fixture->board));
  g_assert_cmpuint (n_touchpoints (fixture, 2), ==, n + 2);
  g_assert_cmpuint (tp_document_get_n_touchpoints (fixture->document), ==, total + 2);
  g_assert_cmpstr (touchpoint_at (fixture, 2, n)->name, ==, "Checkout");
  g_assert_cmpstr (touchpoint_at (fixture, 2, n + 1)->name, ==, "Delivery");
  g_assert_true (selection_is (fixture, (const char *[]) { touchpoint_id (fixture, 2, n),
                                                           touchpoint_id (fixture, 2, n + 1),
                                                           NULL }));
  g_assert_cmpint (fixture->board->focus, ==, TP_BOARD_FOCUS_STAGE);
  g_assert_cmpstr (fixture->board->focus_stage, ==, stage);

  /* One step each, and nothing else. */
  g_assert_cmpuint (count_steps (fixture), ==, steps + 2);
  g_assert_cmpstr (undo_label (fixture), ==, "Add Touchpoint");
  tp_document_undo (fixture->document);
  g_assert_cmpuint (n_touchpoints (fixture, 2), ==, n + 1);
  g_assert_cmpstr (undo_label (fixture), ==, "Add Touchpoint");
  tp_document_redo (fixture->document);

  /* The journey grew to the right, and the board's scrollable area with it. */
  tp_layout_get_bounds (tp_board_get_layout (fixture->board), &bounds_after);
  g_assert_cmpfloat (bounds_after.width, >, bounds_before.width);
  {
    GtkAdjustment *h = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (fixture->board));

    g_assert_cmpfloat (gtk_adjustment_get_upper (h), >=,
                       bounds_after.width * tp_board_get_zoom (fixture->board) - 1);
  }

  /* Enter on an empty touchpoint ends the capture and drops it: nothing to undo. */
  press_key (fixture, GDK_KEY_Return, 0);
  g_assert_true (fixture->board->capturing);
  type_text (fixture, "   ");
  _tp_board_editor_activate (fixture->board);
  g_assert_false (tp_board_get_editing (fixture->board));
  g_assert_cmpuint (n_touchpoints (fixture, 2), ==, n + 2);
  g_assert_cmpuint (count_steps (fixture), ==, steps + 2);
  g_assert_false (tp_document_can_redo (fixture->document));

  /* A double click on a stage's empty space adds a touchpoint there. */
  {
    const char *empty_stage = stage_id (fixture, 1);
    TpStageInfo info = stage_info (fixture, empty_stage);
    guint k = n_touchpoints (fixture, 1) - 1;
    TpTouchpointInfo last = touchpoint_info (fixture, touchpoint_id (fixture, 1, k));
    double x, y;
    TpHit hit;

    /* Below the stage's KPI cell, in the column's bottom padding; else, the KPI cell. */
    to_widget (fixture, &info.kpis, last.card.x + last.card.width + 4,
               info.kpis.y + info.kpis.height / 2, &x, &y);
    {
      double bx, by;

      tp_board_widget_to_board (fixture->board, x, y, &bx, &by);
      hit = tp_layout_hit (tp_board_get_layout (fixture->board), bx, by);
    }
    g_assert_cmpint (hit.kind, ==, TP_HIT_STAGE_BODY);
    n = n_touchpoints (fixture, 1);
    double_click (fixture, x, y);
    g_assert_true (tp_board_get_editing (fixture->board));
    type_text (fixture, "Store visit");
    tp_board_commit_editing (fixture->board);
    g_assert_cmpuint (n_touchpoints (fixture, 1), ==, n + 1);
    g_assert_cmpstr (touchpoint_at (fixture, 1, n)->name, ==, "Store visit");
    g_assert_cmpstr (undo_label (fixture), ==, "Add Touchpoint");
  }
}

/* Drags the touchpoint from its card's centre to (bx, by) on the board. */
static void
drag_touchpoint (Fixture    *fixture,
                 const char *id,
                 double      bx,
                 double      by)
{
  double sx, sy, x, y;

  card_centre (fixture, id, &sx, &sy);
  _tp_board_pointer_pressed (fixture->board, 1, 1, sx, sy, 0);
  _tp_board_pointer_moved (fixture->board, sx + 20, sy + 20);
  g_assert_cmpint (fixture->board->drag, ==, TP_BOARD_DRAG_TOUCHPOINTS);
  tp_board_board_to_widget (fixture->board, bx, by, &x, &y);
  _tp_board_pointer_moved (fixture->board, x, y);
  g_assert_true (fixture->board->drop_valid);
  _tp_board_pointer_released (fixture->board, x, y);
  tp_test_flush_events ();
}

static void
test_drag_touchpoint (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *a = g_strdup (touchpoint_id (fixture, 0, 0));
  g_autofree char *b = g_strdup (touchpoint_id (fixture, 0, 1));
  guint n0 = n_touchpoints (fixture, 0), n3 = n_touchpoints (fixture, 3);
  guint steps = count_steps (fixture);
  TpTouchpointInfo target;
  const char *stage = NULL;
  guint index = 0;

  /* Within a stage: onto the right half of its last card, so after it. */
  tp_board_set_zoom (fixture->board, 0.5);
  target = touchpoint_info (fixture, touchpoint_id (fixture, 0, n0 - 1));
  g_assert_true (tp_layout_touchpoint_drop_index (tp_board_get_layout (fixture->board),
                                                  target.card.x + target.card.width * 0.75,
                                                  target.card.y + 10, &stage, &index, NULL));
  g_assert_cmpstr (stage, ==, stage_id (fixture, 0));
  g_assert_cmpuint (index, ==, n0);
  drag_touchpoint (fixture, a, target.card.x + target.card.width * 0.75, target.card.y + 10);
  g_assert_cmpstr (touchpoint_id (fixture, 0, n0 - 1), ==, a);
  g_assert_cmpstr (touchpoint_id (fixture, 0, 0), ==, b);
  g_assert_cmpstr (undo_label (fixture), ==, "Move Touchpoint");
  g_assert_cmpuint (count_steps (fixture), ==, steps + 1);
  tp_document_undo (fixture->document);
  g_assert_cmpstr (touchpoint_id (fixture, 0, 0), ==, a);

  /* Two, into another stage, between its first and second, in their order. */
  tp_selection_set (tp_board_get_selection (fixture->board), (const char *[]) { b, a, NULL });
  target = touchpoint_info (fixture, touchpoint_id (fixture, 3, 1));
  drag_touchpoint (fixture, a, target.card.x + 10, target.card.y + 10);
  g_assert_cmpuint (n_touchpoints (fixture, 0), ==, n0 - 2);
  g_assert_cmpuint (n_touchpoints (fixture, 3), ==, n3 + 2);
  g_assert_cmpstr (touchpoint_id (fixture, 3, 1), ==, a);
  g_assert_cmpstr (touchpoint_id (fixture, 3, 2), ==, b);
  g_assert_cmpstr (touchpoint_at (fixture, 3, 1)->stage, ==, stage_id (fixture, 3));
  g_assert_cmpstr (undo_label (fixture), ==, "Move Touchpoints");
  g_assert_cmpuint (count_steps (fixture), ==, steps + 1);
  g_assert_cmpstr (fixture->board->focus_touchpoint, ==, a);
  g_assert_cmpstr (fixture->board->focus_stage, ==, stage_id (fixture, 3));

  /* Undo restores both, where they were. */
  tp_document_undo (fixture->document);
  g_assert_cmpuint (n_touchpoints (fixture, 3), ==, n3);
  g_assert_cmpstr (touchpoint_id (fixture, 0, 0), ==, a);
  g_assert_cmpstr (touchpoint_id (fixture, 0, 1), ==, b);

  /* A drop far from the journey moves nothing and records nothing. */
  {
    TpContainerInfo block;
    double sx, sy, x, y;

    tp_layout_get_container (tp_board_get_layout (fixture->board), TP_CONTAINER_KEY_PARTNERS,
                             &block);
    card_centre (fixture, a, &sx, &sy);
    _tp_board_pointer_pressed (fixture->board, 1, 1, sx, sy, 0);
    _tp_board_pointer_moved (fixture->board, sx + 20, sy + 20);
    tp_board_board_to_widget (fixture->board, block.rect.x + 10, block.rect.y + 10, &x, &y);
    _tp_board_pointer_moved (fixture->board, x, y);
    g_assert_false (fixture->board->drop_valid);
    _tp_board_pointer_released (fixture->board, x, y);
    g_assert_cmpstr (touchpoint_id (fixture, 0, 0), ==, a);
    g_assert_true (tp_document_can_redo (fixture->document));
  }

  /* Alt+Right: one place along, into the next stage past the end of its own. */
  tp_selection_set_one (tp_board_get_selection (fixture->board),
                        touchpoint_id (fixture, 0, n0 - 1));
  {
    g_autofree char *last = g_strdup (touchpoint_id (fixture, 0, n0 - 1));

    activate (fixture, "board.move-forward");
    g_assert_cmpstr (touchpoint_id (fixture, 1, 0), ==, last);
    g_assert_cmpstr (fixture->board->focus_touchpoint, ==, last);
    activate (fixture, "board.move-back");
    g_assert_cmpstr (touchpoint_id (fixture, 0, n0 - 1), ==, last);
    activate (fixture, "board.move-back");
    g_assert_cmpstr (touchpoint_id (fixture, 0, n0 - 2), ==, last);
    g_assert_cmpstr (undo_label (fixture), ==, "Move Touchpoint");
  }
}

static void
test_drag_stage (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *first = g_strdup (stage_id (fixture, 0));
  g_autofree char *second = g_strdup (stage_id (fixture, 1));
  g_autofree char *third = g_strdup (stage_id (fixture, 2));
  guint steps = count_steps (fixture);
  TpStageInfo target;
  double sx, sy, x, y, bx;

  /* The first stage's header, dragged past the middle of the third: it goes after it. */
  tp_board_set_zoom (fixture->board, 0.3);
  header_centre (fixture, first, &sx, &sy);
  _tp_board_pointer_pressed (fixture->board, 1, 1, sx, sy, 0);
  _tp_board_pointer_moved (fixture->board, sx + 20, sy);
  g_assert_cmpint (fixture->board->drag, ==, TP_BOARD_DRAG_STAGE);
  g_assert_nonnull (fixture->board->drag_ghost);

  target = stage_info (fixture, third);
  bx = target.column.x + target.column.width * 0.75;
  g_assert_cmpuint (tp_layout_stage_drop_index (tp_board_get_layout (fixture->board), bx, NULL),
                    ==, 3);
  tp_board_board_to_widget (fixture->board, bx, target.header.y + 10, &x, &y);
  _tp_board_pointer_moved (fixture->board, x, y + 30);
  g_assert_true (fixture->board->drop_valid);
  g_assert_cmpfloat (fixture->board->drag_dy, ==, 0);  /* along the journey only */

  /* The overlays draw: ghost, veil, indicator. */
  {
    GtkSnapshot *snapshot = gtk_snapshot_new ();
    g_autoptr(GskRenderNode) node = NULL;

    GTK_WIDGET_GET_CLASS (fixture->board)->snapshot (GTK_WIDGET (fixture->board), snapshot);
    node = gtk_snapshot_free_to_node (snapshot);
    g_assert_nonnull (node);
  }

  _tp_board_pointer_released (fixture->board, x, y + 30);
  tp_test_flush_events ();
  g_assert_cmpstr (stage_id (fixture, 0), ==, second);
  g_assert_cmpstr (stage_id (fixture, 1), ==, third);
  g_assert_cmpstr (stage_id (fixture, 2), ==, first);
  g_assert_cmpstr (undo_label (fixture), ==, "Move Stage");
  g_assert_cmpuint (count_steps (fixture), ==, steps + 1);
  g_assert_null (fixture->board->drag_ghost);

  tp_document_undo (fixture->document);
  g_assert_cmpstr (stage_id (fixture, 0), ==, first);
  g_assert_cmpstr (stage_id (fixture, 2), ==, third);

  /* Dropped where it was: nothing moves, nothing is recorded. */
  header_centre (fixture, first, &sx, &sy);
  _tp_board_pointer_pressed (fixture->board, 1, 1, sx, sy, 0);
  _tp_board_pointer_moved (fixture->board, sx + 20, sy);
  _tp_board_pointer_released (fixture->board, sx + 20, sy);
  g_assert_cmpstr (stage_id (fixture, 0), ==, first);
  g_assert_true (tp_document_can_redo (fixture->document));

  /* Alt+Right and Alt+Left move the focused stage one place, one step each. */
  tp_selection_set_one (tp_board_get_selection (fixture->board), first);
  activate (fixture, "board.move-forward");
  g_assert_cmpstr (stage_id (fixture, 1), ==, first);
  g_assert_cmpstr (undo_label (fixture), ==, "Move Stage");
  activate (fixture, "board.move-forward");
  g_assert_cmpstr (stage_id (fixture, 2), ==, first);
  activate (fixture, "board.move-back");
  g_assert_cmpstr (stage_id (fixture, 1), ==, first);
  g_assert_cmpuint (count_steps (fixture), ==, steps + 3);
  g_assert_cmpstr (fixture->board->focus_stage, ==, first);
}

static void
test_moment_of_truth (Fixture       *fixture,
                      gconstpointer  data)
{
  TpTouchpoint *a = touchpoint_at (fixture, 0, 0);
  TpTouchpoint *b = touchpoint_at (fixture, 0, 1);
  g_autofree char *ida = g_strdup (a->item.id);
  g_autofree char *idb = g_strdup (b->item.id);
  guint steps = count_steps (fixture);

  g_assert_false (a->moment_of_truth);
  g_assert_false (b->moment_of_truth);

  /* Ctrl+M on a selected touchpoint marks it, one step; again unmarks it. */
  tp_selection_set_one (tp_board_get_selection (fixture->board), ida);
  activate (fixture, "board.toggle-moment-of-truth");
  g_assert_true (touchpoint_at (fixture, 0, 0)->moment_of_truth);
  g_assert_cmpstr (undo_label (fixture), ==, "Mark as Moment of Truth");
  g_assert_cmpuint (count_steps (fixture), ==, steps + 1);
  activate (fixture, "board.toggle-moment-of-truth");
  g_assert_false (touchpoint_at (fixture, 0, 0)->moment_of_truth);
  g_assert_cmpstr (undo_label (fixture), ==, "Unmark Moment of Truth");

  /* Several, one of them marked already: all are marked, in one step. */
  activate (fixture, "board.toggle-moment-of-truth");
  tp_selection_set (tp_board_get_selection (fixture->board), (const char *[]) { ida, idb, NULL });
  steps = count_steps (fixture);
  activate (fixture, "board.toggle-moment-of-truth");
  g_assert_true (touchpoint_at (fixture, 0, 0)->moment_of_truth);
  g_assert_true (touchpoint_at (fixture, 0, 1)->moment_of_truth);
  g_assert_cmpuint (count_steps (fixture), ==, steps + 1);
  g_assert_cmpstr (undo_label (fixture), ==, "Mark as Moments of Truth");
  tp_document_undo (fixture->document);
  g_assert_true (touchpoint_at (fixture, 0, 0)->moment_of_truth);
  g_assert_false (touchpoint_at (fixture, 0, 1)->moment_of_truth);

  /* The star shows on the card. */
  {
    TpTouchpointInfo info = touchpoint_info (fixture, ida);

    g_assert_false (tp_rect_is_empty (&info.star));
  }

  /* Nothing selected or focused: a bare m is not the board's, and marks nothing. */
  tp_selection_clear (tp_board_get_selection (fixture->board));
  _tp_board_focus_stage (fixture->board, NULL);
  steps = count_steps (fixture);
  g_assert_false (_tp_board_key_pressed (fixture->board, GDK_KEY_m, 0));
  g_assert_cmpuint (count_steps (fixture), ==, steps);
}

static void
test_delete_stage (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *stage = NULL;
  g_autofree char *next = NULL;
  g_autoptr(GPtrArray) links = g_ptr_array_new ();
  g_autoptr(GPtrArray) touchpoints = g_ptr_array_new_with_free_func (g_free);
  guint stages = n_stages (fixture);
  guint all_links = tp_document_get_links (fixture->document)->len;
  guint steps = count_steps (fixture);
  guint s;

  /* A stage whose touchpoints have links. */
  for (s = 0; s < stages && links->len == 0; s++)
    for (guint i = 0; i < n_touchpoints (fixture, s); i++)
      tp_document_collect_links (fixture->document, touchpoint_id (fixture, s, i), links);
  g_assert_cmpuint (links->len, >, 0);
  s--;
  stage = g_strdup (stage_id (fixture, s));
  next = g_strdup (stage_id (fixture, s + 1));
  for (guint i = 0; i < n_touchpoints (fixture, s); i++)
    g_ptr_array_add (touchpoints, g_strdup (touchpoint_id (fixture, s, i)));

  tp_selection_set_one (tp_board_get_selection (fixture->board), stage);
  press_key (fixture, GDK_KEY_Delete, 0);

  g_assert_null (tp_document_lookup (fixture->document, stage));
  g_assert_cmpuint (n_stages (fixture), ==, stages - 1);
  for (guint i = 0; i < touchpoints->len; i++)
    g_assert_null (tp_document_lookup (fixture->document, g_ptr_array_index (touchpoints, i)));
  g_assert_cmpuint (tp_document_get_links (fixture->document)->len, ==, all_links - links->len);
  g_assert_cmpuint (count_steps (fixture), ==, steps + 1);
  g_assert_cmpstr (undo_label (fixture), ==, "Delete Stage");
  /* The keyboard moves on to the next stage, selected, so Delete can go on. */
  g_assert_cmpint (fixture->board->focus, ==, TP_BOARD_FOCUS_STAGE);
  g_assert_cmpstr (fixture->board->focus_stage, ==, next);
  g_assert_true (selection_is (fixture, (const char *[]) { next, NULL }));

  /* Undo brings it all back; the window then selects the stage. */
  tp_document_undo (fixture->document);
  tp_board_select_affected (fixture->board, tp_document_get_last_affected (fixture->document));
  g_assert_nonnull (tp_document_lookup (fixture->document, stage));
  g_assert_cmpuint (tp_document_get_links (fixture->document)->len, ==, all_links);
  for (guint i = 0; i < touchpoints->len; i++)
    g_assert_nonnull (tp_document_lookup (fixture->document, g_ptr_array_index (touchpoints, i)));
  g_assert_true (selection_is (fixture, (const char *[]) { stage, NULL }));
  g_assert_cmpstr (fixture->board->focus_stage, ==, stage);

  /* Two touchpoints: one step, named for them; the keyboard goes to the next one. */
  {
    g_autofree char *a = g_strdup (touchpoint_id (fixture, 0, 0));
    g_autofree char *b = g_strdup (touchpoint_id (fixture, 0, 1));
    g_autofree char *c = g_strdup (touchpoint_id (fixture, 0, 2));

    tp_selection_set (tp_board_get_selection (fixture->board), (const char *[]) { a, b, NULL });
    activate (fixture, "board.delete");
    g_assert_null (tp_document_lookup (fixture->document, a));
    g_assert_null (tp_document_lookup (fixture->document, b));
    g_assert_cmpstr (undo_label (fixture), ==, "Delete Touchpoints");
    g_assert_cmpint (fixture->board->focus, ==, TP_BOARD_FOCUS_TOUCHPOINT);
    g_assert_cmpstr (fixture->board->focus_touchpoint, ==, c);

    /* Delete goes on with the focused one; a stage merely focused is not deleted. */
    press_key (fixture, GDK_KEY_Delete, 0);
    g_assert_null (tp_document_lookup (fixture->document, c));
    g_assert_cmpint (fixture->board->focus, ==, TP_BOARD_FOCUS_STAGE);
    g_assert_false (_tp_board_key_pressed (fixture->board, GDK_KEY_Delete, 0));
    g_assert_nonnull (tp_document_lookup (fixture->document, fixture->board->focus_stage));
  }
}

/* A touchpoint whose texts the board cuts short ("…", "+N more") reads whole in its
 * tooltip; one shown whole has none. */
static void
test_full_text_tooltip (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (TP_SRCDIR "/tests/files/long-texts.touchpoint");
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDocument) long_texts = tp_load_file (file, NULL, NULL, NULL, &error);
  TpTouchpointInfo info = touchpoint_info (fixture, touchpoint_id (fixture, 0, 0));
  g_autofree char *markup = NULL;
  TpStage *stage;
  TpTouchpoint *first;
  TpRect area;

  /* "Social video ad" is shown whole. */
  g_assert_false (info.truncated);
  g_assert_null (_tp_board_dup_journey_full_text (fixture->board, info.card.x + 10,
                                                  info.card.y + 10, NULL));

  g_assert_no_error (error);
  tp_board_set_document (fixture->board, long_texts);
  tp_test_flush_events ();
  stage = g_ptr_array_index (tp_document_get_stages (long_texts), 0);
  first = g_ptr_array_index (stage->touchpoints, 0);
  g_assert_true (tp_layout_get_touchpoint (tp_board_get_layout (fixture->board), first->item.id,
                                           &info));
  g_assert_true (info.truncated);

  /* Anywhere in its column: on the card, and in the pains' row. */
  markup = _tp_board_dup_journey_full_text (fixture->board, info.card.x + 10, info.card.y + 10,
                                            &area);
  g_assert_nonnull (markup);
  g_assert_true (tp_rect_contains_rect (&area, &info.card));
  g_assert_true (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL));
  g_assert_nonnull (strstr (markup, first->name));
  g_assert_nonnull (strstr (markup, first->action));
  /* All six pains, though the board shows five and "+1 more". */
  g_assert_cmpuint (first->pains->len, ==, 6);
  for (guint i = 0; i < first->pains->len; i++)
    g_assert_nonnull (strstr (markup, g_ptr_array_index (first->pains, i)));
  for (guint i = 0; i < first->needs->len; i++)
    g_assert_nonnull (strstr (markup, ((TpKanoNeed *) g_ptr_array_index (first->needs, i))->text));
  g_clear_pointer (&markup, g_free);
  markup = _tp_board_dup_journey_full_text (fixture->board, info.cells[TP_JOURNEY_ROW_PAINS].x + 5,
                                            info.cells[TP_JOURNEY_ROW_PAINS].y + 5, NULL);
  g_assert_nonnull (markup);

  tp_board_set_document (fixture->board, fixture->document);
  tp_test_flush_events ();
}

static void
test_zoom_journey (Fixture       *fixture,
                   gconstpointer  data)
{
  TpSelection *selection = tp_board_get_selection (fixture->board);
  TpRect journey, header;
  graphene_rect_t r;

  const char *note = ((TpItem *) g_ptr_array_index (
    tp_document_get_notes (fixture->document, TP_CONTAINER_CHANNELS), 0))->id;

  /* From the canvas, with a note selected: Ctrl+2 shows the journey, readable, from
   * its start, and the keyboard lands on the first stage. */
  tp_board_zoom_to_region (fixture->board, TP_REGION_CANVAS);
  tp_selection_set_one (selection, note);
  activate (fixture, "board.zoom-journey");

  g_assert_true (tp_layout_get_region (tp_board_get_layout (fixture->board), TP_REGION_JOURNEY,
                                       &journey));
  _tp_board_rect_to_widget (fixture->board, &journey, &r);
  g_assert_cmpfloat (r.origin.y, >=, -0.5);
  g_assert_cmpfloat (r.origin.x, >=, -0.5);
  /* Readable: its text at least 12 px (VISUAL.md); all of its height when that fits. */
  g_assert_cmpfloat (tp_board_get_zoom (fixture->board), >=, 12.0 / 13.0 - 1e-9);
  if (tp_board_get_zoom (fixture->board) > 12.0 / 13.0 + 1e-9)
    g_assert_cmpfloat (r.origin.y + r.size.height, <=,
                       gtk_widget_get_height (GTK_WIDGET (fixture->board)) + 0.5);

  /* Zooming never changes the selection (issue 15): only the keyboard's focus moved. */
  g_assert_true (selection_is (fixture, (const char *[]) { note, NULL }));
  g_assert_cmpint (fixture->board->focus, ==, TP_BOARD_FOCUS_STAGE);
  g_assert_cmpstr (fixture->board->focus_stage, ==, stage_id (fixture, 0));
  /* Nor do the other zooms. */
  activate (fixture, "board.zoom-in");
  activate (fixture, "board.zoom-fit");
  activate (fixture, "board.zoom-canvas");
  activate (fixture, "board.zoom-value-chain");
  g_assert_true (selection_is (fixture, (const char *[]) { note, NULL }));
  activate (fixture, "board.zoom-journey");
  header = stage_info (fixture, stage_id (fixture, 0)).header;
  _tp_board_rect_to_widget (fixture->board, &header, &r);
  g_assert_cmpfloat (r.origin.x + r.size.width, <=,
                     gtk_widget_get_width (GTK_WIDGET (fixture->board)));

  /* Arrows go along the stages, down into a stage, up out of a touchpoint. */
  press_key (fixture, GDK_KEY_Right, 0);
  g_assert_cmpstr (fixture->board->focus_stage, ==, stage_id (fixture, 1));
  g_assert_true (selection_is (fixture, (const char *[]) { stage_id (fixture, 1), NULL }));
  press_key (fixture, GDK_KEY_Down, 0);
  g_assert_cmpint (fixture->board->focus, ==, TP_BOARD_FOCUS_TOUCHPOINT);
  g_assert_cmpstr (fixture->board->focus_touchpoint, ==, touchpoint_id (fixture, 1, 0));
  press_key (fixture, GDK_KEY_Left, 0);
  g_assert_cmpstr (fixture->board->focus_touchpoint, ==,
                   touchpoint_id (fixture, 0, n_touchpoints (fixture, 0) - 1));
  press_key (fixture, GDK_KEY_Right, GDK_SHIFT_MASK);
  g_assert_cmpuint (tp_selection_get_n_items (selection), ==, 2);
  press_key (fixture, GDK_KEY_Up, 0);
  g_assert_cmpint (fixture->board->focus, ==, TP_BOARD_FOCUS_STAGE);
  g_assert_cmpstr (fixture->board->focus_stage, ==, stage_id (fixture, 1));

  /* Tab from a stage: into its first touchpoint. Escape: up a level, then out. */
  press_key (fixture, GDK_KEY_Tab, 0);
  g_assert_cmpstr (fixture->board->focus_touchpoint, ==, touchpoint_id (fixture, 1, 0));
  press_key (fixture, GDK_KEY_Escape, 0);
  g_assert_cmpint (fixture->board->focus, ==, TP_BOARD_FOCUS_STAGE);
  press_key (fixture, GDK_KEY_Escape, 0);
  g_assert_cmpint (fixture->board->focus, ==, TP_BOARD_FOCUS_NONE);

  /* Alt+digits still go to the canvas's blocks. */
  press_key (fixture, GDK_KEY_3, GDK_ALT_MASK);
  g_assert_cmpint (fixture->board->focus, ==, TP_BOARD_FOCUS_BLOCK);
  g_assert_cmpint (fixture->board->focus_container, ==, TP_CONTAINER_CHANNELS);

  /* A journey with no stage has nothing to zoom to. */
  {
    g_autoptr(GPtrArray) ids = g_ptr_array_new ();

    for (guint i = 0; i < n_stages (fixture); i++)
      g_ptr_array_add (ids, (gpointer) stage_id (fixture, i));
    tp_document_delete (fixture->document, (const char * const *) ids->pdata, ids->len);
    tp_test_flush_events ();
    g_assert_false (tp_layout_get_region (tp_board_get_layout (fixture->board), TP_REGION_JOURNEY,
                                          NULL));
    _tp_board_update_actions (fixture->board);
    gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.zoom-journey", NULL);
    g_assert_cmpint (fixture->board->focus, !=, TP_BOARD_FOCUS_STAGE);

    /* The "+" is still there, to start a journey again. */
    g_assert_true (_tp_board_get_add_stage_rect (fixture->board, &header));
  }
}

static void
test_add_stage (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *first = g_strdup (stage_id (fixture, 0));
  guint stages = n_stages (fixture);
  guint steps = count_steps (fixture);
  TpRect plus;
  double x, y;

  /* Ctrl+Enter on a focused stage: a new stage after it, named in place. */
  activate (fixture, "board.zoom-journey");
  activate (fixture, "board.add-stage");
  g_assert_true (tp_board_get_editing (fixture->board));
  g_assert_cmpint (fixture->board->edit_kind, ==, TP_ITEM_STAGE);
  g_assert_cmpuint (n_stages (fixture), ==, stages + 1);
  type_text (fixture, "Onboarding");
  _tp_board_editor_activate (fixture->board);
  g_assert_false (tp_board_get_editing (fixture->board));
  g_assert_cmpstr (stage_at (fixture, 1)->name, ==, "Onboarding");
  g_assert_cmpstr (stage_id (fixture, 0), ==, first);
  g_assert_cmpstr (undo_label (fixture), ==, "Add Stage");
  g_assert_cmpint (fixture->board->focus, ==, TP_BOARD_FOCUS_STAGE);
  g_assert_cmpstr (fixture->board->focus_stage, ==, stage_id (fixture, 1));
  g_assert_true (selection_is (fixture, (const char *[]) { stage_id (fixture, 1), NULL }));
  g_assert_cmpuint (count_steps (fixture), ==, steps + 1);
  tp_selection_set_one (tp_board_get_selection (fixture->board), stage_id (fixture, 1));

  /* Escape on a new stage with no name drops it as if it had never been. */
  activate (fixture, "board.add-stage");
  g_assert_cmpuint (n_stages (fixture), ==, stages + 2);
  _tp_board_end_edit (fixture->board, fixture->board->capturing);
  g_assert_cmpuint (n_stages (fixture), ==, stages + 1);
  g_assert_cmpstr (fixture->board->focus_stage, ==, stage_id (fixture, 1));
  g_assert_cmpuint (count_steps (fixture), ==, steps + 1);
  g_assert_false (tp_document_can_redo (fixture->document));

  /* The "+" after the last stage adds one at the end. */
  g_assert_true (_tp_board_get_add_stage_rect (fixture->board, &plus));
  to_widget (fixture, &plus, plus.x + plus.width / 2, plus.y + plus.height / 2, &x, &y);
  _tp_board_hover (fixture->board, x, y);
  g_assert_true (fixture->board->hover_add_stage);
  _tp_board_pointer_pressed (fixture->board, 1, 1, x, y, 0);
  _tp_board_pointer_released (fixture->board, x, y);
  g_assert_true (tp_board_get_editing (fixture->board));
  type_text (fixture, "Farewell");
  tp_board_commit_editing (fixture->board);
  g_assert_cmpstr (stage_at (fixture, n_stages (fixture) - 1)->name, ==, "Farewell");
  g_assert_cmpuint (count_steps (fixture), ==, steps + 2);

  /* A double click in the empty journey space after the last stage, too. */
  {
    TpStageInfo last = stage_info (fixture, stage_id (fixture, n_stages (fixture) - 1));
    TpRect region;

    g_assert_true (tp_layout_get_region (tp_board_get_layout (fixture->board), TP_REGION_JOURNEY,
                                         &region));
    to_widget (fixture, &last.column, region.x + region.width - 4,
               last.column.y + last.column.height / 2, &x, &y);
    double_click (fixture, x, y);
    g_assert_true (tp_board_get_editing (fixture->board));
    g_assert_cmpint (fixture->board->edit_kind, ==, TP_ITEM_STAGE);
    type_text (fixture, "Referral");
    tp_board_commit_editing (fixture->board);
    g_assert_cmpstr (stage_at (fixture, n_stages (fixture) - 1)->name, ==, "Referral");
  }
}

static void
test_rename (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *stage = g_strdup (stage_id (fixture, 1));
  g_autofree char *touchpoint = g_strdup (touchpoint_id (fixture, 1, 0));
  g_autofree char *before = g_strdup (stage_at (fixture, 1)->name);
  GtkAllocation allocation;
  graphene_rect_t name;
  TpStageInfo info;
  double x, y;

  /* F2 on a focused stage edits its name, over the name's box. */
  tp_selection_set_one (tp_board_get_selection (fixture->board), stage);
  press_key (fixture, GDK_KEY_F2, 0);
  g_assert_true (tp_board_get_editing (fixture->board));
  g_assert_false (fixture->board->capturing);
  g_assert_cmpint (fixture->board->edit_kind, ==, TP_ITEM_STAGE);
  tp_board_get_layout (fixture->board);
  _tp_board_allocate_editor (fixture->board);
  gtk_widget_get_allocation (fixture->board->editor, &allocation);
  info = stage_info (fixture, stage);
  _tp_board_rect_to_widget (fixture->board, &info.name, &name);
  g_assert_cmpint (abs (allocation.x - (int) round (name.origin.x)), <=, 1);
  g_assert_cmpint (abs (allocation.y - (int) round (name.origin.y)), <=, 1);

  /* Escape leaves it as it was. */
  type_text (fixture, " and more");
  _tp_board_end_edit (fixture->board, fixture->board->capturing);
  g_assert_cmpstr (stage_at (fixture, 1)->name, ==, before);

  /* A double click on the header: the name is selected, so typing replaces it; Enter
   * commits one "Rename Stage" step. */
  header_centre (fixture, stage, &x, &y);
  double_click (fixture, x, y);
  g_assert_true (tp_board_get_editing (fixture->board));
  type_text (fixture, "Research");
  _tp_board_editor_activate (fixture->board);
  g_assert_cmpstr (stage_at (fixture, 1)->name, ==, "Research");
  g_assert_cmpstr (undo_label (fixture), ==, "Rename Stage");
  g_assert_true (selection_is (fixture, (const char *[]) { stage, NULL }));

  /* Enter on a focused touchpoint renames it; so does a double click on its card. */
  tp_selection_set_one (tp_board_get_selection (fixture->board), touchpoint);
  press_key (fixture, GDK_KEY_Return, 0);
  g_assert_true (tp_board_get_editing (fixture->board));
  g_assert_cmpint (fixture->board->edit_kind, ==, TP_ITEM_TOUCHPOINT);
  g_assert_false (fixture->board->capturing);
  _tp_board_end_edit (fixture->board, FALSE);
  card_centre (fixture, touchpoint, &x, &y);
  double_click (fixture, x, y);
  g_assert_true (tp_board_get_editing (fixture->board));
  type_text (fixture, "Product page (mobile)");
  _tp_board_editor_activate (fixture->board);
  g_assert_cmpstr (touchpoint_at (fixture, 1, 0)->name, ==, "Product page (mobile)");
  g_assert_cmpstr (undo_label (fixture), ==, "Rename Touchpoint");
  g_assert_cmpint (fixture->board->focus, ==, TP_BOARD_FOCUS_TOUCHPOINT);

  /* The overlays of a name being edited draw. */
  press_key (fixture, GDK_KEY_F2, 0);
  wait_frame (GTK_WIDGET (fixture->board));
  wait_frame (GTK_WIDGET (fixture->board));
  {
    GtkSnapshot *snapshot = gtk_snapshot_new ();
    g_autoptr(GskRenderNode) node = NULL;
    TpRect area, cover;

    g_assert_true (_tp_board_get_edit_rect (fixture->board, &area, &cover));
    g_assert_true (tp_rect_contains_rect (&area, &cover));
    GTK_WIDGET_GET_CLASS (fixture->board)->snapshot (GTK_WIDGET (fixture->board), snapshot);
    node = gtk_snapshot_free_to_node (snapshot);
    g_assert_nonnull (node);
  }
  tp_board_commit_editing (fixture->board);
}

int
main (int   argc,
      char *argv[])
{
  /* The accessibility bus's registry writes to stdout, which is TAP's. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/touchpoint/board-journey/" path, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)
  ADD ("select", test_select);
  ADD ("rubber-band", test_rubber_band);
  ADD ("capture", test_capture);
  ADD ("drag-touchpoint", test_drag_touchpoint);
  ADD ("drag-stage", test_drag_stage);
  ADD ("moment-of-truth", test_moment_of_truth);
  ADD ("delete-stage", test_delete_stage);
  ADD ("zoom-journey", test_zoom_journey);
  ADD ("full-text-tooltip", test_full_text_tooltip);
  ADD ("add-stage", test_add_stage);
  ADD ("rename", test_rename);
#undef ADD

  return g_test_run ();
}
