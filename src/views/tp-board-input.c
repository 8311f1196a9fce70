/* tp-board-input.c: the pointer on the board: selecting, rubber-banding, dragging notes,
 * touchpoints and stages, panning and zooming.
 *
 * One drag gesture sees every press, so that what a press becomes (a click, a rubber
 * band, a move, a pan) is decided in one place; double clicks are counted here too, with
 * the desktop's settings, rather than by a second gesture racing the first. The
 * gesture's handlers only translate coordinates: the _tp_board_pointer_*() functions
 * below do the work, and the tests call them directly.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "tp-board-private.h"

/* Ctrl+wheel: one detent zooms by this factor; a touchpad's pixels zoom smoothly. */
#define WHEEL_ZOOM_STEP  1.2
#define PIXEL_ZOOM_RATE  0.01
/* A rubber band or a note dragged this close to an edge scrolls the board that way, up
 * to AUTOSCROLL_SPEED pixels a frame at the edge and beyond. */
#define AUTOSCROLL_EDGE  32.0
#define AUTOSCROLL_SPEED 24.0

static void
update_cursor (TpBoard *self)
{
  const char *name = NULL;

  if (self->drag == TP_BOARD_DRAG_PAN)
    name = "grabbing";
  else if (self->space_held)
    name = "grab";
  else if (TP_BOARD_DRAG_IS_MOVE (self->drag))
    name = "grabbing";
  else if (self->drag == TP_BOARD_DRAG_LINK)
    name = self->link_target != NULL ? "copy" : "crosshair";
  else if (self->drag == TP_BOARD_DRAG_EMOTION || (self->drag == TP_BOARD_DRAG_NONE &&
                                                  self->hover_emotion))
    name = "ns-resize";
  else if (self->handle_hover)
    name = "crosshair";
  else if (self->hover_kind == TP_HIT_MORE_BADGE || self->hover_add_stage ||
           self->hover_link != NULL)
    name = "pointer";

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

static TpHit
hit_at (TpBoard *self,
        double   x,
        double   y,
        double  *bx,
        double  *by)
{
  tp_board_widget_to_board (self, x, y, bx, by);

  return tp_layout_hit (self->layout, *bx, *by);
}

void
_tp_board_hover (TpBoard *self,
                 double   x,
                 double   y)
{
  TpHit hit = { TP_HIT_NONE, };
  gboolean add_stage = FALSE, emotion = FALSE;
  const char *id;
  double bx, by;

  self->pointer_inside = TRUE;
  self->pointer_x = x;
  self->pointer_y = y;

  if (self->document != NULL)
    {
      hit = hit_at (self, x, y, &bx, &by);
      add_stage = _tp_board_is_add_stage_point (self, bx, by);
      emotion = _tp_board_emotion_point_at (self, bx, by) != NULL;
    }
  self->hover_emotion = emotion;

  /* What lights up: a note, a touchpoint (from anywhere in its column: a press there
   * picks it), a stage from its header. */
  id = hit.kind == TP_HIT_NOTE ? hit.note
       : hit.kind == TP_HIT_TOUCHPOINT ? hit.touchpoint
       : hit.kind == TP_HIT_STAGE ? hit.stage : NULL;

  if (hit.kind != self->hover_kind || hit.container != self->hover_container ||
      g_strcmp0 (id, self->hover_id) != 0 || add_stage != self->hover_add_stage)
    {
      self->hover_kind = hit.kind;
      self->hover_container = hit.container;
      self->hover_add_stage = add_stage;
      g_free (self->hover_id);
      self->hover_id = g_strdup (id);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  if (self->document != NULL)
    _tp_board_links_hover (self, &hit, x, y, bx, by);

  update_cursor (self);
}

static double
edge_speed (double position,
            double size)
{
  double edge = MIN (AUTOSCROLL_EDGE, size / 4);
  double depth = 0;

  if (position < edge)
    depth = position - edge;
  else if (position > size - edge)
    depth = position - (size - edge);

  return CLAMP (depth / edge, -1, 1) * AUTOSCROLL_SPEED;
}

static gboolean
get_autoscroll (TpBoard *self,
                double  *dx,
                double  *dy)
{
  if (self->drag != TP_BOARD_DRAG_RUBBER && self->drag != TP_BOARD_DRAG_LINK &&
      !TP_BOARD_DRAG_IS_MOVE (self->drag))
    return FALSE;

  *dx = edge_speed (self->pointer_x, gtk_widget_get_width (GTK_WIDGET (self)));
  *dy = edge_speed (self->pointer_y, gtk_widget_get_height (GTK_WIDGET (self)));

  return *dx != 0 || *dy != 0;
}

static gboolean
autoscroll_tick (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  TpBoard *self = TP_BOARD (widget);
  double dx, dy;

  if (!get_autoscroll (self, &dx, &dy))
    {
      self->autoscroll_id = 0;
      return G_SOURCE_REMOVE;
    }

  /* The pointer stays, the board moves under it: the band or the drop follows. */
  _tp_board_scroll_by (self, dx, dy);
  _tp_board_pointer_moved (self, self->pointer_x, self->pointer_y);

  return G_SOURCE_CONTINUE;
}

static void
end_drag (TpBoard *self)
{
  if (self->drag == TP_BOARD_DRAG_LINK)
    _tp_board_end_link_drag (self, FALSE);
  _tp_board_end_emotion_drag (self, FALSE);
  if (self->autoscroll_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->autoscroll_id);
      self->autoscroll_id = 0;
    }
  self->drag = TP_BOARD_DRAG_NONE;
  self->drop_valid = FALSE;
  g_clear_pointer (&self->press_id, g_free);
  g_clear_pointer (&self->drop_stage, g_free);
  g_clear_pointer (&self->rubber_base, g_strfreev);
  g_clear_pointer (&self->drag_ids, g_ptr_array_unref);
  g_clear_object (&self->drag_ghost);
  update_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_tp_board_pointer_cancelled (TpBoard *self)
{
  if (self->drag != TP_BOARD_DRAG_NONE)
    end_drag (self);
}

static void
expand_block (TpBoard     *self,
              TpContainer  container)
{
  tp_layout_set_expanded (self->layout, container, TRUE);
  self->layout_dirty = TRUE;
  _tp_board_drop_tiles (self);
  _tp_board_focus_block (self, container);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
_tp_board_pointer_pressed (TpBoard         *self,
                           guint            button,
                           int              n_press,
                           double           x,
                           double           y,
                           GdkModifierType  state)
{
  gboolean extend, toggle;
  const char *emotion;
  double bx, by;
  TpHit hit;

  _tp_board_pointer_cancelled (self);

  /* Taking the focus ends an edit in progress (and commits it) before the press is
   * looked at: the note may have moved when it was committed. */
  gtk_widget_grab_focus (GTK_WIDGET (self));

  if (self->document == NULL)
    return;

  /* During a dot-voting round a click on an item is a dot. */
  if (_tp_board_vote_pressed (self, button, x, y, state))
    return;

  hit = hit_at (self, x, y, &bx, &by);
  self->drag_button = button;
  self->drag_state = state;
  self->drag_start_x = x;
  self->drag_start_y = y;
  self->drag_start_bx = bx;
  self->drag_start_by = by;

  if (button == GDK_BUTTON_MIDDLE || (button == GDK_BUTTON_PRIMARY && self->space_held))
    {
      self->drag = TP_BOARD_DRAG_PAN;
      self->drag_hvalue = gtk_adjustment_get_value (self->hadjustment);
      self->drag_vvalue = gtk_adjustment_get_value (self->vadjustment);
      update_cursor (self);
      return;
    }

  if (button != GDK_BUTTON_PRIMARY)
    return;

  toggle = (state & GDK_CONTROL_MASK) != 0;
  extend = (state & GDK_SHIFT_MASK) != 0;

  if (!toggle && !extend && _tp_board_is_handle_point (self, x, y))
    {
      /* The handle sits on the item's edge, over whatever is next to it: it wins. */
      self->n_press = 0;
      _tp_board_begin_link_drag (self, bx, by);
      update_cursor (self);
      return;
    }

  if (!toggle && !extend && (emotion = _tp_board_emotion_point_at (self, bx, by)) != NULL)
    {
      /* A point of the emotion curve: dragged up or down, it sets the emotion. */
      self->n_press = 0;
      _tp_board_begin_emotion_drag (self, emotion);
      update_cursor (self);
      return;
    }

  if (_tp_board_is_add_stage_point (self, bx, by))
    {
      /* The "+" adds a stage at the end and names it; a second click is not a double
       * click on what is behind it. */
      self->n_press = 0;
      _tp_board_start_stage_capture (self, G_MAXUINT);
      return;
    }

  if (n_press == 2 && !toggle && !extend)
    {
      if (hit.kind == TP_HIT_NOTE || hit.kind == TP_HIT_STAGE ||
          (hit.kind == TP_HIT_TOUCHPOINT && hit.row == TP_JOURNEY_ROW_TOUCHPOINT))
        {
          /* A note's text, a stage's or a card's name. */
          _tp_board_start_edit (self, hit.kind == TP_HIT_NOTE ? hit.note
                                      : hit.kind == TP_HIT_STAGE ? hit.stage : hit.touchpoint);
          return;
        }
      if (hit.kind == TP_HIT_CONTAINER)
        {
          /* A new note where the double click was, between the notes around it. */
          guint index = tp_layout_drop_index (self->layout, hit.container, bx, by, NULL);

          _tp_board_start_capture (self, hit.container, index);
          return;
        }
      if (hit.kind == TP_HIT_STAGE_BODY)
        {
          /* A new touchpoint there, between the touchpoints around it. */
          const char *stage = NULL;
          guint index = G_MAXUINT;

          if (!tp_layout_touchpoint_drop_index (self->layout, bx, by, &stage, &index, NULL) ||
              g_strcmp0 (stage, hit.stage) != 0)
            index = G_MAXUINT;
          _tp_board_start_touchpoint_capture (self, hit.stage, index);
          return;
        }
      if (_tp_board_is_after_stages (self, bx, by))
        {
          _tp_board_start_stage_capture (self, G_MAXUINT);
          return;
        }
    }

  switch (hit.kind)
    {
    case TP_HIT_MORE_BADGE:
      expand_block (self, hit.container);
      /* A double click on the badge is not a double click on the block it opens. */
      self->n_press = 0;
      return;

    case TP_HIT_NOTE:
    case TP_HIT_STAGE:
    case TP_HIT_TOUCHPOINT:
      /* A note, a stage's header or a touchpoint (its card or any of its cells): picked
       * at once; whether it is dragged is known once the pointer moves. */
      self->press_id = g_strdup (hit.kind == TP_HIT_NOTE ? hit.note
                                 : hit.kind == TP_HIT_STAGE ? hit.stage : hit.touchpoint);
      self->press_kind = hit.kind == TP_HIT_NOTE ? TP_ITEM_NOTE
                         : hit.kind == TP_HIT_STAGE ? TP_ITEM_STAGE : TP_ITEM_TOUCHPOINT;
      self->press_selected = tp_selection_contains (self->selection, self->press_id);
      if (toggle)
        tp_selection_toggle (self->selection, self->press_id);
      else if (extend)
        tp_selection_add (self->selection, self->press_id);
      else if (!self->press_selected)
        tp_selection_set_one (self->selection, self->press_id);
      _tp_board_focus_item (self, self->press_id);
      break;

    case TP_HIT_STAGE_BODY:
    case TP_HIT_CONTAINER:
    case TP_HIT_REGION:
    case TP_HIT_JOURNEY_ROW:
    case TP_HIT_NONE:
    default:
      if (_tp_board_press_link (self, bx, by, state))
        return;
      if (!toggle && !extend)
        tp_selection_clear (self->selection);
      /* Like a block, a stage's empty space takes the keyboard: Enter adds there. */
      if (hit.kind == TP_HIT_CONTAINER)
        _tp_board_focus_block (self, hit.container);
      else if (hit.kind == TP_HIT_STAGE_BODY)
        _tp_board_focus_stage (self, hit.stage);
      break;
    }

  self->drag = TP_BOARD_DRAG_PENDING;
}

static void
begin_move (TpBoard *self)
{
  switch (self->press_kind)
    {
    case TP_ITEM_STAGE:
      /* One stage at a time, lifted whole. */
      self->drag_ids = g_ptr_array_new_with_free_func (g_free);
      if (tp_selection_contains (self->selection, self->press_id))
        g_ptr_array_add (self->drag_ids, g_strdup (self->press_id));
      self->drag = TP_BOARD_DRAG_STAGE;
      break;

    case TP_ITEM_TOUCHPOINT:
      self->drag_ids = _tp_board_dup_selected_journey (self, TP_ITEM_TOUCHPOINT);
      self->drag = TP_BOARD_DRAG_TOUCHPOINTS;
      break;

    case TP_ITEM_NOTE:
    default:
      self->drag_ids = _tp_board_dup_selected_notes (self);
      self->drag = TP_BOARD_DRAG_MOVE;
      break;
    }

  /* An item pressed with Ctrl just left the selection: there is nothing to drag. */
  if (!g_ptr_array_find_with_equal_func (self->drag_ids, self->press_id, g_str_equal, NULL))
    {
      g_clear_pointer (&self->drag_ids, g_ptr_array_unref);
      self->drag = TP_BOARD_DRAG_NONE;
      return;
    }

  if (self->drag == TP_BOARD_DRAG_STAGE)
    _tp_board_lift_stage (self, self->press_id);

  self->drag_ghost_dy = 0;
  if (self->drag == TP_BOARD_DRAG_TOUCHPOINTS)
    {
      TpTouchpointInfo info;

      if (tp_layout_get_touchpoint (self->layout, self->press_id, &info) &&
          !tp_rect_contains_point (&info.card, self->drag_start_bx, self->drag_start_by))
        self->drag_ghost_dy = self->drag_start_by - (info.card.y + info.card.height / 2);
    }
}

static void
update_rubber_band (TpBoard *self,
                    double   bx,
                    double   by)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  self->rubber = (TpRect) { MIN (bx, self->drag_start_bx), MIN (by, self->drag_start_by),
                            fabs (bx - self->drag_start_bx), fabs (by - self->drag_start_by) };
  tp_layout_query_notes (self->layout, &self->rubber, ids);
  tp_layout_query_touchpoints (self->layout, &self->rubber, ids);

  /* Shift or Ctrl adds what the band covers to what was selected before it. */
  for (guint i = 0; self->rubber_base != NULL && self->rubber_base[i] != NULL; i++)
    g_ptr_array_add (all, self->rubber_base[i]);
  for (guint i = 0; i < ids->len; i++)
    if (!g_ptr_array_find_with_equal_func (all, g_ptr_array_index (ids, i), g_str_equal, NULL))
      g_ptr_array_add (all, g_ptr_array_index (ids, i));
  g_ptr_array_add (all, NULL);

  tp_selection_set (self->selection, (const char * const *) all->pdata);
}

/* Whether (bx, by) is near enough the journey for a touchpoint or a stage to be
 * dropped there: in it, or just around it. */
static gboolean
is_near_journey (TpBoard *self,
                 double   bx,
                 double   by)
{
  double margin = tp_layout_get_theme (self->layout)->board_margin;
  TpRect region;

  if (!tp_layout_get_region (self->layout, TP_REGION_JOURNEY, &region))
    return FALSE;

  region.x -= margin;
  region.y -= margin;
  region.width += 2 * margin;
  region.height += 2 * margin;

  return tp_rect_contains_point (&region, bx, by);
}

static void
update_drop (TpBoard *self,
             double   bx,
             double   by)
{
  TpHit hit = tp_layout_hit (self->layout, bx, by);

  self->drag_dx = bx - self->drag_start_bx;
  self->drag_dy = by - self->drag_start_by;

  if (self->drag == TP_BOARD_DRAG_STAGE)
    {
      /* Stages move along the journey only. */
      self->drag_dy = 0;
      self->drop_valid = is_near_journey (self, bx, by);
      if (self->drop_valid)
        self->drop_index = tp_layout_stage_drop_index (self->layout, bx, &self->drop_indicator);
      return;
    }

  if (self->drag == TP_BOARD_DRAG_TOUCHPOINTS)
    {
      const char *stage = NULL;

      self->drop_valid = is_near_journey (self, bx, by) &&
                         tp_layout_touchpoint_drop_index (self->layout, bx, by, &stage,
                                                          &self->drop_index,
                                                          &self->drop_indicator);
      g_free (self->drop_stage);
      self->drop_stage = self->drop_valid ? g_strdup (stage) : NULL;
      return;
    }

  self->drop_valid = hit.kind == TP_HIT_CONTAINER || hit.kind == TP_HIT_NOTE ||
                     hit.kind == TP_HIT_MORE_BADGE;
  if (self->drop_valid)
    {
      self->drop_container = hit.container;
      self->drop_index = tp_layout_drop_index (self->layout, hit.container, bx, by,
                                               &self->drop_indicator);
    }
}

void
_tp_board_pointer_moved (TpBoard *self,
                         double   x,
                         double   y)
{
  double bx, by;

  self->pointer_x = x;
  self->pointer_y = y;

  if (self->drag == TP_BOARD_DRAG_NONE || self->document == NULL)
    return;

  if (self->drag == TP_BOARD_DRAG_PAN)
    {
      _tp_board_scroll_to (self, self->drag_hvalue - (x - self->drag_start_x),
                           self->drag_vvalue - (y - self->drag_start_y));
      return;
    }

  if (self->drag == TP_BOARD_DRAG_PENDING)
    {
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), self->drag_start_x, self->drag_start_y,
                                     x, y))
        return;

      if (self->press_id != NULL)
        {
          begin_move (self);
        }
      else
        {
          if (self->drag_state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK))
            self->rubber_base = g_strdupv ((char **) tp_selection_get_ids (self->selection));
          self->drag = TP_BOARD_DRAG_RUBBER;
        }
      update_cursor (self);
    }

  tp_board_widget_to_board (self, x, y, &bx, &by);
  if (self->drag == TP_BOARD_DRAG_LINK)
    {
      _tp_board_update_link_drag (self, x, y, bx, by);
      update_cursor (self);
    }
  else if (self->drag == TP_BOARD_DRAG_RUBBER)
    update_rubber_band (self, bx, by);
  else if (self->drag == TP_BOARD_DRAG_EMOTION)
    _tp_board_update_emotion_drag (self, by);
  else if (TP_BOARD_DRAG_IS_MOVE (self->drag))
    update_drop (self, bx, by);

  {
    double dx, dy;

    if (self->autoscroll_id == 0 && get_autoscroll (self, &dx, &dy))
      self->autoscroll_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), autoscroll_tick,
                                                          NULL, NULL);
  }

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Moves the dragged notes, in their board order, to the drop place: one undo step. */
static void
drop_notes (TpBoard *self)
{
  GPtrArray *notes = tp_document_get_notes (self->document, self->drop_container);
  g_autofree char *anchor = NULL;
  guint n = self->drag_ids->len;

  /* The notes land before the first note at or after the drop place that stays put;
   * an anchor, not an index, since every move shifts the indices after it. */
  for (guint i = self->drop_index; i < notes->len; i++)
    {
      const char *id = ((TpItem *) g_ptr_array_index (notes, i))->id;

      if (!g_ptr_array_find_with_equal_func (self->drag_ids, id, g_str_equal, NULL))
        {
          anchor = g_strdup (id);
          break;
        }
    }

  tp_document_begin_group (self->document, _tp_board_step_label (TP_BOARD_STEP_MOVE, n));
  for (guint k = 0; k < n; k++)
    {
      const char *id = g_ptr_array_index (self->drag_ids, k);
      TpNote *note = tp_document_lookup_kind (self->document, id, TP_ITEM_NOTE);
      guint index = G_MAXUINT, at = 0;

      if (note == NULL)
        continue;
      if (anchor != NULL && tp_document_get_index (self->document, anchor, &index) &&
          note->container == self->drop_container &&
          tp_document_get_index (self->document, id, &at) && at < index)
        index--;  /* the index in the list without the note itself */
      tp_document_move_note (self->document, id, self->drop_container, index);
    }
  tp_document_end_group (self->document);
}

static void
drop_touchpoints (TpBoard *self)
{
  TpStage *stage = tp_document_lookup_kind (self->document, self->drop_stage, TP_ITEM_STAGE);
  g_autofree char *target = g_strdup (self->drop_stage);
  g_autofree char *anchor = NULL;
  guint n = self->drag_ids->len;

  if (stage == NULL)
    return;

  /* The touchpoints land before the first one at or after the drop place that stays
   * put; an anchor, not an index, since every move shifts the indices after it. */
  for (guint i = self->drop_index; i < stage->touchpoints->len; i++)
    {
      const char *id = ((TpItem *) g_ptr_array_index (stage->touchpoints, i))->id;

      if (!g_ptr_array_find_with_equal_func (self->drag_ids, id, g_str_equal, NULL))
        {
          anchor = g_strdup (id);
          break;
        }
    }

  tp_document_begin_group (self->document,
                           _tp_board_step_label (TP_BOARD_STEP_MOVE_TOUCHPOINT, n));
  for (guint k = 0; k < n; k++)
    {
      const char *id = g_ptr_array_index (self->drag_ids, k);
      TpTouchpoint *touchpoint = tp_document_lookup_kind (self->document, id, TP_ITEM_TOUCHPOINT);
      guint index = G_MAXUINT, at = 0;

      if (touchpoint == NULL)
        continue;
      if (anchor != NULL && tp_document_get_index (self->document, anchor, &index) &&
          g_strcmp0 (touchpoint->stage, target) == 0 &&
          tp_document_get_index (self->document, id, &at) && at < index)
        index--;  /* the index in the list without the touchpoint itself */
      tp_document_move_touchpoint (self->document, id, target, index);
    }
  tp_document_end_group (self->document);
}

static void
drop_stage (TpBoard *self)
{
  const char *id = g_ptr_array_index (self->drag_ids, 0);
  guint index = self->drop_index, at = 0;

  if (tp_document_lookup_kind (self->document, id, TP_ITEM_STAGE) == NULL ||
      !tp_document_get_index (self->document, id, &at))
    return;

  /* Dropped forward, the stage counts itself out; dropped where it is, nothing moves
   * and nothing is recorded. */
  if (at < index)
    index--;
  tp_document_move_stage (self->document, id, index);
}

void
_tp_board_pointer_released (TpBoard *self,
                            double   x,
                            double   y)
{
  if (self->drag == TP_BOARD_DRAG_LINK && self->document != NULL)
    {
      _tp_board_pointer_moved (self, x, y);
      /* Ended first: the drop may open the picker, which takes the pointer. */
      self->drag = TP_BOARD_DRAG_NONE;
      _tp_board_end_link_drag (self, TRUE);
      end_drag (self);
      return;
    }

  if (self->drag == TP_BOARD_DRAG_EMOTION)
    {
      _tp_board_pointer_moved (self, x, y);
      _tp_board_end_emotion_drag (self, TRUE);
      end_drag (self);
      return;
    }

  if (TP_BOARD_DRAG_IS_MOVE (self->drag) && self->document != NULL)
    {
      g_autofree char *focus = g_strdup (self->press_id);

      _tp_board_pointer_moved (self, x, y);
      if (self->drop_valid && self->drag == TP_BOARD_DRAG_MOVE)
        drop_notes (self);
      else if (self->drop_valid && self->drag == TP_BOARD_DRAG_TOUCHPOINTS)
        drop_touchpoints (self);
      else if (self->drop_valid && self->drag == TP_BOARD_DRAG_STAGE)
        drop_stage (self);
      end_drag (self);
      _tp_board_focus_item (self, focus);
      return;
    }

  /* A plain click on an item of a larger selection picks that item alone; the press
   * left the selection as it was, in case it became a drag. */
  if (self->drag == TP_BOARD_DRAG_PENDING && self->press_id != NULL && self->press_selected &&
      !(self->drag_state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)))
    tp_selection_set_one (self->selection, self->press_id);

  end_drag (self);
}

void
_tp_board_scroll_event (TpBoard         *self,
                        double           dx,
                        double           dy,
                        gboolean         wheel,
                        GdkModifierType  state)
{
  GtkWidget *widget = (GtkWidget *) self;

  if (state & GDK_CONTROL_MASK)
    {
      double factor = wheel ? pow (WHEEL_ZOOM_STEP, -dy) : exp (-dy * PIXEL_ZOOM_RATE);
      double x = self->pointer_inside ? self->pointer_x : gtk_widget_get_width (widget) / 2.0;
      double y = self->pointer_inside ? self->pointer_y : gtk_widget_get_height (widget) / 2.0;

      _tp_board_zoom_about (self, self->zoom * factor, x, y, TRUE);
      return;
    }

  /* Shift turns a plain wheel sideways, as everywhere in GTK. */
  if ((state & GDK_SHIFT_MASK) && dx == 0)
    {
      dx = dy;
      dy = 0;
    }

  if (wheel)
    {
      /* GtkScrolledWindow's step: a detent moves more on a larger view. */
      dx *= pow (gtk_adjustment_get_page_size (self->hadjustment), 2.0 / 3.0);
      dy *= pow (gtk_adjustment_get_page_size (self->vadjustment), 2.0 / 3.0);
    }

  _tp_board_scroll_by (self, dx, dy);
}

/* Controllers */

static int
count_press (TpBoard    *self,
             GtkGesture *gesture,
             guint       button,
             double      x,
             double      y)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  guint32 time = gtk_event_controller_get_current_event_time (GTK_EVENT_CONTROLLER (gesture));
  int double_time = 400, distance = 5;

  g_object_get (settings, "gtk-double-click-time", &double_time,
                "gtk-double-click-distance", &distance, NULL);

  if (self->n_press > 0 && button == self->last_press_button &&
      time - self->last_press_time <= (guint32) double_time &&
      fabs (x - self->last_press_x) <= distance && fabs (y - self->last_press_y) <= distance)
    self->n_press++;
  else
    self->n_press = 1;

  self->last_press_time = time;
  self->last_press_x = x;
  self->last_press_y = y;
  self->last_press_button = button;

  return self->n_press;
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               TpBoard        *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  graphene_rect_t editor;

  /* The editor handles its own presses. */
  if (self->editor != NULL && gtk_widget_get_visible (self->editor) &&
      gtk_widget_compute_bounds (self->editor, GTK_WIDGET (self), &editor) &&
      graphene_rect_contains_point (&editor, &GRAPHENE_POINT_INIT (x, y)))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  if (button == 0)
    button = GDK_BUTTON_PRIMARY;  /* touch */
  if (button != GDK_BUTTON_PRIMARY && button != GDK_BUTTON_MIDDLE)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  _tp_board_pointer_pressed (self, button, count_press (self, GTK_GESTURE (gesture), button, x, y),
                             x, y, state);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                TpBoard        *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  _tp_board_pointer_moved (self, x + dx, y + dy);
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             TpBoard        *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  _tp_board_pointer_released (self, x + dx, y + dy);
}

static void
on_drag_cancel (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                TpBoard          *self)
{
  _tp_board_pointer_cancelled (self);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           TpBoard                  *self)
{
  if (self->drag == TP_BOARD_DRAG_NONE)
    _tp_board_hover (self, x, y);
  else
    {
      self->pointer_x = x;
      self->pointer_y = y;
    }
}

static void
on_leave (GtkEventControllerMotion *controller,
          TpBoard                  *self)
{
  self->pointer_inside = FALSE;
  if (self->hover_kind != TP_HIT_NONE || self->hover_add_stage)
    {
      self->hover_kind = TP_HIT_NONE;
      self->hover_add_stage = FALSE;
      g_clear_pointer (&self->hover_id, g_free);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           TpBoard                  *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;

  if (self->document == NULL)
    return FALSE;

  _tp_board_scroll_event (self, dx, dy, wheel, state);

  return TRUE;
}

static void
on_pinch_begin (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                TpBoard          *self)
{
  double x, y;

  /* Two fingers: whatever one finger began is off. */
  _tp_board_pointer_cancelled (self);
  gtk_gesture_get_bounding_box_center (gesture, &x, &y);
  self->pinch_zoom = self->zoom;
  tp_board_widget_to_board (self, x, y, &self->pinch_bx, &self->pinch_by);
}

static void
on_pinch_scale_changed (GtkGestureZoom *gesture,
                        double          scale,
                        TpBoard        *self)
{
  double x, y;

  /* The board point first between the fingers stays between them: pinch zooms and
   * pans at once. */
  if (gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    _tp_board_zoom_keeping (self, self->pinch_zoom * scale, self->pinch_bx, self->pinch_by,
                            x, y, TRUE);
}

void
_tp_board_input_init (TpBoard *self)
{
  GtkWidget *widget = (GtkWidget *) self;
  GtkEventController *controller;
  GtkGesture *drag, *pinch;

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), 0);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (on_drag_cancel), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect (pinch, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (on_pinch_scale_changed), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (pinch));
  gtk_gesture_group (pinch, drag);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, controller);

  /* Right-click and long-press: the context menu (tp-board-menu.c). */
  _tp_board_menu_init (self);
}
