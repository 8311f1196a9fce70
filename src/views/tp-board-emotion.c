/* tp-board-emotion.c: setting a touchpoint's emotion on the curve itself.
 *
 * Each touchpoint's point on the emotion curve can be taken with the pointer and
 * dragged up or down: it snaps to the whole emotions −2 … +2 as it goes, the curve
 * following live, and the whole drag is one "Set Emotion" step (Escape during the drag
 * puts it back). From the keyboard, Alt+Up and Alt+Down step the selected touchpoints'
 * emotion (or the focused one's) a level up or down.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tp-board-private.h"

/* How near a press must be to a point to take it: the painted marker's radius (12 board
 * units) with some slack, and never less than a fingertip's worth of screen pixels. */
#define GRAB_RADIUS        16.0
#define GRAB_RADIUS_PIXELS 10.0

static const char *
label (void)
{
  /* The inspector's slider says the same: either way it is one kind of change. */
  return _("Set Emotion");
}

const char *
_tp_board_emotion_point_at (TpBoard *self,
                            double   bx,
                            double   by)
{
  double x, y, reach;
  TpHit hit;

  if (self->document == NULL)
    return NULL;

  _tp_board_ensure_layout (self);
  hit = tp_layout_hit (self->layout, bx, by);
  if (hit.kind != TP_HIT_TOUCHPOINT || hit.row != TP_JOURNEY_ROW_EMOTION ||
      !tp_layout_get_emotion_point (self->layout, hit.touchpoint, &x, &y))
    return NULL;

  reach = MAX (GRAB_RADIUS, GRAB_RADIUS_PIXELS / self->zoom);

  return hypot (bx - x, by - y) <= reach ? hit.touchpoint : NULL;
}

gboolean
_tp_board_emotion_query_tooltip (TpBoard    *self,
                                 double      bx,
                                 double      by,
                                 GtkTooltip *tooltip)
{
  const char *id = _tp_board_emotion_point_at (self, bx, by);
  double x, y, reach;
  TpRect rect;

  if (id == NULL || _tp_board_is_editing (self) ||
      !tp_layout_get_emotion_point (self->layout, id, &x, &y))
    return FALSE;

  reach = MAX (GRAB_RADIUS, GRAB_RADIUS_PIXELS / self->zoom);
  rect = (TpRect) { x - reach, y - reach, 2 * reach, 2 * reach };
  _tp_board_set_tooltip_area (self, tooltip, &rect);
  /* Translators: the tooltip of a point on the journey's emotion curve. */
  gtk_tooltip_set_text (tooltip, _("Drag up or down to set the emotion (Alt+Up, Alt+Down)"));
  return TRUE;
}

static gboolean
set_emotion (TpBoard    *self,
             const char *id,
             int         emotion)
{
  TpTouchpoint *copy;

  emotion = CLAMP (emotion, TP_EMOTION_MIN, TP_EMOTION_MAX);
  copy = (TpTouchpoint *) tp_document_edit_begin (self->document, id);
  if (copy == NULL)
    return FALSE;
  if (copy->emotion == emotion)
    {
      tp_item_free ((TpItem *) copy);
      return FALSE;
    }

  copy->emotion = emotion;
  tp_document_edit_commit (self->document, (TpItem *) copy, label (), FALSE);
  return TRUE;
}

/* Dragging */

void
_tp_board_begin_emotion_drag (TpBoard    *self,
                              const char *id)
{
  g_autofree char *copy = g_strdup (id);

  tp_selection_set_one (self->selection, copy);
  _tp_board_focus_item (self, copy);
  g_free (self->press_id);
  self->press_id = g_steal_pointer (&copy);
  self->press_kind = TP_ITEM_TOUCHPOINT;
  self->emotion_group = FALSE;
  self->drag = TP_BOARD_DRAG_EMOTION;
}

void
_tp_board_update_emotion_drag (TpBoard *self,
                               double   by)
{
  TpTouchpoint *touchpoint;
  int emotion;

  if (self->drag != TP_BOARD_DRAG_EMOTION || self->document == NULL ||
      (touchpoint = tp_document_lookup_kind (self->document, self->press_id,
                                             TP_ITEM_TOUCHPOINT)) == NULL)
    return;

  emotion = tp_layout_get_emotion_at (self->layout, by);
  if (emotion == touchpoint->emotion)
    return;

  /* The first change opens the drag's one step; a press that never moves the point
   * records nothing. */
  if (!self->emotion_group)
    {
      tp_document_begin_group (self->document, label ());
      self->emotion_group = TRUE;
    }
  set_emotion (self, self->press_id, emotion);
}

void
_tp_board_end_emotion_drag (TpBoard  *self,
                            gboolean  keep)
{
  if (!self->emotion_group)
    return;

  self->emotion_group = FALSE;
  if (self->document == NULL)
    return;

  tp_document_end_group (self->document);
  /* Cancelled: as if the drag had never been, not even for redo. */
  if (!keep)
    tp_document_undo_discard (self->document);
}

/* Keys */

gboolean
_tp_board_step_emotion (TpBoard *self,
                        int      delta)
{
  g_autoptr(GPtrArray) ids = NULL;
  gboolean changed = FALSE;

  if (self->document == NULL || _tp_board_is_editing (self))
    return FALSE;

  ids = _tp_board_dup_touchpoint_targets (self);
  if (ids->len == 0)
    return FALSE;

  tp_document_begin_group (self->document, label ());
  for (guint i = 0; i < ids->len; i++)
    {
      TpTouchpoint *touchpoint = tp_document_lookup_kind (self->document,
                                                          g_ptr_array_index (ids, i),
                                                          TP_ITEM_TOUCHPOINT);

      if (touchpoint != NULL)
        changed |= set_emotion (self, touchpoint->item.id, touchpoint->emotion + delta);
    }
  tp_document_end_group (self->document);

  /* At the end of the scale: nothing to do, and the bell says so. */
  return changed;
}

static void
emotion_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TpBoard *self = TP_BOARD (widget);
  int delta = g_str_equal (action_name, "board.emotion-up") ? 1 : -1;

  if (!_tp_board_step_emotion (self, delta))
    gtk_widget_error_bell (widget);
}

void
_tp_board_emotion_update_actions (TpBoard  *self,
                                  gboolean  idle)
{
  g_autoptr(GPtrArray) ids = idle ? _tp_board_dup_touchpoint_targets (self) : NULL;
  gboolean enabled = ids != NULL && ids->len > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.emotion-up", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.emotion-down", enabled);
}

void
_tp_board_emotion_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "board.emotion-up", NULL, emotion_action);
  gtk_widget_class_install_action (widget_class, "board.emotion-down", NULL, emotion_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "board.emotion-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, GDK_ALT_MASK,
                                       "board.emotion-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "board.emotion-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, GDK_ALT_MASK,
                                       "board.emotion-down", NULL);
}
