/* tp-board-menu.c: the board's context menus.
 *
 * Right-click, a long press, the Menu key or Shift+F10 open a menu of what can be done
 * to the thing under the pointer (or, from the keyboard, to the focused thing): a note,
 * a touchpoint, a stage, a link, a block, or the empty board. As the GNOME HIG asks, the
 * item is selected first (unless it is part of the selection already, which the menu
 * then acts on), the menu holds only commands found elsewhere too (the items are the
 * board.* actions the keyboard and the Edit menu run, so they are enabled exactly when
 * those are), and it opens where the pointer is, or at the item.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "model/tp-enums.h"
#include "tp-board-private.h"

typedef enum {
  MENU_EMPTY,
  MENU_BLOCK,
  MENU_NOTE,
  MENU_TOUCHPOINT,
  MENU_STAGE,
  MENU_LINK,
} MenuKind;

static void
append (GMenu      *section,
        const char *label,
        const char *action,
        const char *accel)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, action);

  /* Board actions are bound on the widget class, which menus do not see. */
  if (accel != NULL)
    g_menu_item_set_attribute (item, "accel", "s", accel);
  g_menu_append_item (section, item);
}

static void
append_section (GMenu *menu,
                GMenu *section)
{
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);
}

static GMenu *
section_new (void)
{
  return g_menu_new ();
}


static void
append_move_section (GMenu *menu)
{
  GMenu *section = section_new ();

  append (section, _("Move _Earlier"), "board.move-back", "<Alt>Left");
  append (section, _("Move _Later"), "board.move-forward", "<Alt>Right");
  append_section (menu, section);
}

/* Zoom to Selection, then Delete, last as the HIG has destructive items. */
static void
append_last_section (GMenu *menu)
{
  GMenu *section = section_new ();

  append (section, _("_Zoom to Selection"), "board.zoom-selection", "<Control>9");
  append (section, _("_Delete"), "board.delete", "Delete");
  append_section (menu, section);
}

/* Dot voting on scope (a TpVoteScope string): the window's actions, which the menu
 * reaches from the board. */
static void
append_voting_section (GMenu      *menu,
                       const char *scope)
{
  GMenu *section = section_new ();
  g_autoptr(GMenuItem) start = g_menu_item_new (_("Start Dot _Voting…"), NULL);
  g_autoptr(GMenuItem) reset = g_menu_item_new (_("_Reset Votes"), NULL);

  g_menu_item_set_action_and_target (start, "win.start-voting", "s", scope);
  g_menu_item_set_action_and_target (reset, "win.reset-votes", "s", scope);
  g_menu_append_item (section, start);
  g_menu_append_item (section, reset);
  append_section (menu, section);
}

/* The region under the pointer as a voting scope; the whole board elsewhere. */
static const char *
region_scope (TpBoard *self)
{
  TpHit hit;
  double bx, by;

  if (!self->pointer_inside)
    return "board";
  tp_board_widget_to_board (self, self->pointer_x, self->pointer_y, &bx, &by);
  hit = tp_layout_hit (self->layout, bx, by);
  if (hit.kind != TP_HIT_REGION)
    return "board";
  switch (hit.region)
    {
    case TP_REGION_CANVAS:
      return "canvas";
    case TP_REGION_VALUE_CHAIN:
      return "value-chain";
    case TP_REGION_JOURNEY:
      return "journey";
    default:
      return "board";
    }
}

static GMenuModel *
build_menu (TpBoard    *self,
            MenuKind    kind,
            const char *id,
            gboolean    moment_of_truth)
{
  GMenu *menu = g_menu_new ();
  GMenu *section = section_new ();
  g_autofree char *scope = NULL;

  switch (kind)
    {
    case MENU_NOTE:
      append (section, _("_Edit Text"), "board.edit", NULL);
      append (section, _("_Link to a Touchpoint…"), "board.start-link", NULL);
      append_section (menu, section);
      section = section_new ();
      append (section, _("Cu_t"), "board.cut", "<Control>x");
      append (section, _("_Copy"), "board.copy", "<Control>c");
      append (section, _("D_uplicate"), "board.duplicate", "<Control>d");
      append_section (menu, section);
      append_last_section (menu);
      break;

    case MENU_TOUCHPOINT:
      append (section, _("_Rename"), "board.edit", NULL);
      append (section, moment_of_truth ? _("Not a _Moment of Truth") : _("Mark as _Moment of Truth"),
              "board.toggle-moment-of-truth", NULL);
      append (section, _("_Link to a Note…"), "board.start-link", NULL);
      append_section (menu, section);
      append_move_section (menu);
      append_last_section (menu);
      break;

    case MENU_STAGE:
      append (section, _("_Rename"), "board.edit", NULL);
      append (section, _("Add _Touchpoint"), "board.add-touchpoint", NULL);
      append (section, _("Add _Stage After"), "board.add-stage", "<Control>Return");
      append_section (menu, section);
      scope = g_strconcat ("stage:", id != NULL ? id : "", NULL);
      append_voting_section (menu, scope);
      append_move_section (menu);
      append_last_section (menu);
      break;

    case MENU_LINK:
      g_object_unref (section);
      append_last_section (menu);
      break;

    case MENU_BLOCK:
      append (section, _("Add _Note"), "board.add-note", NULL);
      append (section, _("_Paste"), "board.paste", "<Control>v");
      append (section, _("Select _All"), "board.select-all", "<Control>a");
      append_section (menu, section);
      scope = g_strconcat ("block:", tp_enum_to_nick (TP_ENUM_CONTAINER, self->focus_container), NULL);
      append_voting_section (menu, scope);
      break;

    case MENU_EMPTY:
    default:
      append (section, _("_Paste"), "board.paste", "<Control>v");
      append (section, _("Add _Stage"), "board.add-stage", "<Control>Return");
      append (section, _("Select _All"), "board.select-all", "<Control>a");
      append_section (menu, section);
      section = section_new ();
      append (section, _("Fit _All"), "board.zoom-fit", "<Control>0");
      append (section, _("_Canvas"), "board.zoom-canvas", "<Control>1");
      append (section, _("_Journey"), "board.zoom-journey", "<Control>2");
      append (section, _("_Value Chain"), "board.zoom-value-chain", "<Control>3");
      append_section (menu, section);
      append_voting_section (menu, region_scope (self));
      break;
    }

  return G_MENU_MODEL (menu);
}

static void
on_menu_closed (TpBoard *self)
{
  /* The keyboard goes back to where the menu was opened from. */
  if (self->context_menu != NULL && !_tp_board_is_editing (self))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
popup (TpBoard            *self,
       MenuKind            kind,
       const char         *id,
       const GdkRectangle *at)
{
  g_autoptr(GMenuModel) model = NULL;
  TpTouchpoint *tp = NULL;

  if (id != NULL && kind == MENU_TOUCHPOINT)
    tp = tp_document_lookup_kind (self->document, id, TP_ITEM_TOUCHPOINT);

  /* The actions' enabled states follow the selection just made, now rather than at
   * the next idle, so that the menu opens right. */
  _tp_board_update_actions (self);

  model = build_menu (self, kind, id, tp != NULL && tp->moment_of_truth);

  /* A new popover for every menu: GTK 4.8's popover menu keeps the size of the model
   * it was first measured with, cutting a longer one short. The old one closed long
   * ago (unparenting it while it closes would be a critical). */
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  self->context_menu = gtk_popover_menu_new_from_model (model);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  g_signal_connect_swapped (self->context_menu, "closed", G_CALLBACK (on_menu_closed), self);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), at);
  gtk_popover_set_position (GTK_POPOVER (self->context_menu), GTK_POS_BOTTOM);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

/* Selects what is at (x, y) as a click would, without starting a drag, and says what
 * kind of menu it gets. */
static MenuKind
pick_at (TpBoard     *self,
         double       x,
         double       y,
         const char **id)
{
  TpHit hit;
  const char *link;
  double bx, by;

  *id = NULL;
  _tp_board_ensure_layout (self);
  tp_board_widget_to_board (self, x, y, &bx, &by);
  hit = tp_layout_hit (self->layout, bx, by);

  switch (hit.kind)
    {
    case TP_HIT_NOTE:
    case TP_HIT_STAGE:
    case TP_HIT_TOUCHPOINT:
      *id = hit.kind == TP_HIT_NOTE ? hit.note : hit.kind == TP_HIT_STAGE ? hit.stage : hit.touchpoint;
      /* Part of the selection: the menu acts on all of it. */
      if (!tp_selection_contains (self->selection, *id))
        tp_selection_set_one (self->selection, *id);
      _tp_board_focus_item (self, *id);
      return hit.kind == TP_HIT_NOTE ? MENU_NOTE : hit.kind == TP_HIT_STAGE ? MENU_STAGE : MENU_TOUCHPOINT;

    default:
      break;
    }

  if (_tp_board_press_link (self, bx, by, 0))
    {
      link = tp_selection_get_primary (self->selection);
      *id = link;
      return MENU_LINK;
    }

  tp_selection_clear (self->selection);
  if (hit.kind == TP_HIT_CONTAINER || hit.kind == TP_HIT_MORE_BADGE)
    {
      _tp_board_focus_block (self, hit.container);
      return MENU_BLOCK;
    }
  if (hit.kind == TP_HIT_STAGE_BODY)
    {
      /* A stage's empty space: the stage's menu (its touchpoints are added there). */
      tp_selection_set_one (self->selection, hit.stage);
      _tp_board_focus_item (self, hit.stage);
      *id = hit.stage;
      return MENU_STAGE;
    }
  return MENU_EMPTY;
}

void
_tp_board_popup_menu_at (TpBoard *self,
                         double   x,
                         double   y)
{
  const char *id;
  MenuKind kind;

  if (self->document == NULL)
    return;

  if (_tp_board_is_editing (self))
    _tp_board_end_edit (self, TRUE);

  kind = pick_at (self, x, y, &id);
  popup (self, kind, id, &(GdkRectangle) { (int) x, (int) y, 1, 1 });
}

/* Menu key, Shift+F10: the menu of the focused item, at the item. */
static void
popup_for_focus (TpBoard *self)
{
  const char *id = NULL;
  MenuKind kind = MENU_EMPTY;
  TpRect board;
  graphene_rect_t rect;
  GdkRectangle at;

  if (self->document == NULL || _tp_board_is_editing (self))
    return;

  switch (self->focus)
    {
    case TP_BOARD_FOCUS_NOTE:
      id = self->focus_note;
      kind = MENU_NOTE;
      break;
    case TP_BOARD_FOCUS_TOUCHPOINT:
      id = self->focus_touchpoint;
      kind = MENU_TOUCHPOINT;
      break;
    case TP_BOARD_FOCUS_STAGE:
      id = self->focus_stage;
      kind = MENU_STAGE;
      break;
    case TP_BOARD_FOCUS_BLOCK:
      kind = MENU_BLOCK;
      break;
    case TP_BOARD_FOCUS_NONE:
    default:
      /* A selected link has no keyboard focus of its own. */
      id = tp_selection_get_primary (self->selection);
      if (id != NULL && tp_document_lookup_kind (self->document, id, TP_ITEM_LINK) != NULL)
        kind = MENU_LINK;
      else
        id = NULL;
      break;
    }

  if (id != NULL && !tp_selection_contains (self->selection, id))
    tp_selection_set_one (self->selection, id);

  if (id != NULL && _tp_board_get_item_rect (self, id, &board))
    {
      tp_board_reveal_item (self, id);
      _tp_board_rect_to_widget (self, &board, &rect);
    }
  else if (kind == MENU_BLOCK)
    {
      TpContainerInfo info;

      _tp_board_ensure_layout (self);
      tp_layout_get_container (self->layout, self->focus_container, &info);
      _tp_board_rect_to_widget (self, &info.rect, &rect);
    }
  else
    {
      rect = GRAPHENE_RECT_INIT (gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                                 gtk_widget_get_height (GTK_WIDGET (self)) / 2.0, 1, 1);
    }

  /* Below the item's top edge, clamped into the view: an item partly scrolled away
   * still gets its menu on screen. */
  at.x = (int) CLAMP (rect.origin.x + MIN (rect.size.width / 2, 24), 0,
                      gtk_widget_get_width (GTK_WIDGET (self)) - 1);
  at.y = (int) CLAMP (rect.origin.y + MIN (rect.size.height / 2, 24), 0,
                      gtk_widget_get_height (GTK_WIDGET (self)) - 1);
  at.width = at.height = 1;
  popup (self, kind, id, &at);
}

static void
on_secondary_pressed (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      TpBoard         *self)
{
  graphene_rect_t editor;

  /* The editor has a menu of its own (cut, copy, paste, emoji). */
  if (self->editor != NULL && gtk_widget_get_visible (self->editor) &&
      gtk_widget_compute_bounds (self->editor, GTK_WIDGET (self), &editor) &&
      graphene_rect_contains_point (&editor, &GRAPHENE_POINT_INIT (x, y)))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  /* During a dot-voting round a right click on an item takes a dot back. */
  if (_tp_board_vote_pressed (self, GDK_BUTTON_SECONDARY, x, y, 0))
    return;
  _tp_board_popup_menu_at (self, x, y);
}

static void
on_long_pressed (GtkGestureLongPress *gesture,
                 double               x,
                 double               y,
                 TpBoard             *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  _tp_board_pointer_cancelled (self);
  _tp_board_popup_menu_at (self, x, y);
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TpBoard *self = TP_BOARD (widget);

  if (g_str_equal (action_name, "menu.popup"))
    popup_for_focus (self);
  else if (g_str_equal (action_name, "board.zoom-selection"))
    {
      if (!tp_board_zoom_to_selection (self))
        gtk_widget_error_bell (widget);
    }
  else if (g_str_equal (action_name, "board.add-touchpoint"))
    {
      const char *primary = tp_selection_get_primary (self->selection);
      TpItem *item = primary != NULL ? tp_document_lookup (self->document, primary) : NULL;

      if (item != NULL && item->kind == TP_ITEM_STAGE)
        _tp_board_start_touchpoint_capture (self, item->id, G_MAXUINT);
      else if (item != NULL && item->kind == TP_ITEM_TOUCHPOINT)
        _tp_board_start_touchpoint_capture (self, ((TpTouchpoint *) item)->stage, G_MAXUINT);
      else
        gtk_widget_error_bell (widget);
    }
}

void
_tp_board_menu_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "menu.popup", NULL, menu_action);
  gtk_widget_class_install_action (widget_class, "board.zoom-selection", NULL, menu_action);
  gtk_widget_class_install_action (widget_class, "board.add-touchpoint", NULL, menu_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "menu.popup", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "menu.popup", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_9, GDK_CONTROL_MASK,
                                       "board.zoom-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_9, GDK_CONTROL_MASK,
                                       "board.zoom-selection", NULL);
}

void
_tp_board_menu_init (TpBoard *self)
{
  GtkGesture *click, *long_press;

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  long_press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (on_long_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (long_press));
}

void
_tp_board_menu_dispose (TpBoard *self)
{
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
}
