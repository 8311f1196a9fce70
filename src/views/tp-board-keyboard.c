/* tp-board-keyboard.c: the keyboard focus, the keyboard contract and the board.* actions.
 *
 * Chorded shortcuts (Ctrl+A, Ctrl+D, Ctrl+C …, Ctrl+0 … 3, Ctrl+plus/minus) are class
 * binding actions, so they show in menus and the shortcuts window and are disabled with
 * their action. Plain keys (Enter, Delete, arrows, Tab, Escape, space) go through a key
 * controller instead: they mean something only while the board itself has the keyboard,
 * never while a note is being edited in place, where they are text. No printable key is
 * a command: typing edits or creates (see tp-board-typing.c).
 *
 * The keyboard has a focus of its own: a block (Alt+1 … 9 choose one of the canvas;
 * typing or Enter starts capturing notes there) or a note (arrows move spatially, Tab in
 * reading order; moving selects; typing or Enter edits), or in the journey a stage or a
 * touchpoint (see tp-board-journey.c). Selecting with the pointer moves it too.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "model/tp-enums.h"
#include "model/tp-document-caps.h"
#include "tp-board-private.h"

/* The zoom levels Ctrl+plus and Ctrl+minus step through. */
static const double zoom_steps[] = {
  0.1, 0.15, 0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0,
};

/* Focus and selection */

static void
set_focus_note_id (TpBoard    *self,
                   const char *id)
{
  if (g_strcmp0 (self->focus_note, id) == 0)
    return;

  g_free (self->focus_note);
  self->focus_note = g_strdup (id);
}

void
_tp_board_focus_block (TpBoard     *self,
                       TpContainer  container)
{
  self->focus = TP_BOARD_FOCUS_BLOCK;
  self->focus_container = container;
  set_focus_note_id (self, NULL);
  g_clear_pointer (&self->focus_stage, g_free);
  g_clear_pointer (&self->focus_touchpoint, g_free);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  _tp_board_update_actions (self);
  _tp_board_update_accessible (self);
}

void
_tp_board_focus_note (TpBoard    *self,
                      const char *id)
{
  TpNote *note = self->document != NULL && id != NULL
                 ? tp_document_lookup_kind (self->document, id, TP_ITEM_NOTE) : NULL;

  g_clear_pointer (&self->focus_stage, g_free);
  g_clear_pointer (&self->focus_touchpoint, g_free);
  if (note == NULL)
    {
      self->focus = TP_BOARD_FOCUS_NONE;
      set_focus_note_id (self, NULL);
    }
  else
    {
      self->focus = TP_BOARD_FOCUS_NOTE;
      self->focus_container = note->container;
      set_focus_note_id (self, id);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self));
  _tp_board_update_actions (self);
  _tp_board_update_accessible (self);
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  TpDocument *document = user_data;
  const char *ia = *(const char * const *) a, *ib = *(const char * const *) b;
  TpNote *na = tp_document_lookup_kind (document, ia, TP_ITEM_NOTE);
  TpNote *nb = tp_document_lookup_kind (document, ib, TP_ITEM_NOTE);
  guint xa = 0, xb = 0;

  if (na->container != nb->container)
    return na->container < nb->container ? -1 : 1;
  tp_document_get_index (document, ia, &xa);
  tp_document_get_index (document, ib, &xb);

  return (xa > xb) - (xa < xb);
}

GPtrArray *
_tp_board_dup_selected_notes (TpBoard *self)
{
  GPtrArray *notes = g_ptr_array_new_with_free_func (g_free);
  const char * const *ids;

  if (self->document == NULL)
    return notes;

  ids = tp_selection_get_ids (self->selection);
  for (guint i = 0; ids[i] != NULL; i++)
    if (tp_document_lookup_kind (self->document, ids[i], TP_ITEM_NOTE) != NULL)
      g_ptr_array_add (notes, g_strdup (ids[i]));

  g_ptr_array_sort_with_data (notes, compare_positions, self->document);

  return notes;
}

gboolean
_tp_board_get_target (TpBoard     *self,
                      TpContainer *container,
                      guint       *index)
{
  const char *primary;
  TpNote *note = NULL;
  guint i = 0;

  if (self->document == NULL)
    return FALSE;

  if (self->focus == TP_BOARD_FOCUS_BLOCK)
    {
      *container = self->focus_container;
      *index = tp_document_get_notes (self->document, self->focus_container)->len;
      return TRUE;
    }

  primary = tp_selection_get_primary (self->selection);
  if (primary != NULL)
    note = tp_document_lookup_kind (self->document, primary, TP_ITEM_NOTE);
  if (note == NULL && self->focus == TP_BOARD_FOCUS_NOTE)
    note = tp_document_lookup_kind (self->document, self->focus_note, TP_ITEM_NOTE);
  if (note == NULL)
    return FALSE;

  tp_document_get_index (self->document, note->item.id, &i);
  *container = note->container;
  *index = i + 1;

  return TRUE;
}

/* Accessibility */

void
_tp_board_update_accessible (TpBoard *self)
{
  g_autofree char *description = NULL;
  TpNote *note;

  if (self->focus == TP_BOARD_FOCUS_NOTE && self->document != NULL &&
      (note = tp_document_lookup_kind (self->document, self->focus_note, TP_ITEM_NOTE)) != NULL)
    /* Translators: what a screen reader says of the note under the keyboard focus:
     * the block's name, then the note's text. */
    description = g_strdup_printf (_("%s: %s"),
                                   tp_enum_get_label (TP_ENUM_CONTAINER, note->container),
                                   note->text != NULL ? note->text : "");
  else if (self->focus == TP_BOARD_FOCUS_BLOCK)
    /* Translators: a focused block of the board; typing adds a note to it. */
    description = g_strdup_printf (_("%s block, type to add a note"),
                                   tp_enum_get_label (TP_ENUM_CONTAINER, self->focus_container));
  else if ((description = _tp_board_journey_describe (self)) != NULL)
    ;
  else
    description = g_strdup (_("Press Alt+1 to Alt+9 to go to a block of the canvas"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Board"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* Targets */

static gboolean
has_note_targets (TpBoard *self)
{
  const char * const *ids;

  if (self->document == NULL)
    return FALSE;

  ids = tp_selection_get_ids (self->selection);
  for (guint i = 0; ids[i] != NULL; i++)
    if (tp_document_lookup_kind (self->document, ids[i], TP_ITEM_NOTE) != NULL)
      return TRUE;

  return self->focus == TP_BOARD_FOCUS_NOTE &&
         tp_document_lookup_kind (self->document, self->focus_note, TP_ITEM_NOTE) != NULL;
}

/* Whether Delete has something to delete: a note, a stage, a touchpoint or a link. */
static gboolean
has_targets (TpBoard *self)
{
  const char * const *ids;

  if (self->document == NULL)
    return FALSE;
  if (has_note_targets (self))
    return TRUE;

  ids = tp_selection_get_ids (self->selection);
  for (guint i = 0; ids[i] != NULL; i++)
    if (_tp_board_is_journey_item (self, ids[i]) ||
        tp_document_lookup_kind (self->document, ids[i], TP_ITEM_LINK) != NULL)
      return TRUE;

  /* A stage only when selected (see _tp_board_delete_selection()). */
  return self->focus == TP_BOARD_FOCUS_TOUCHPOINT &&
         _tp_board_is_journey_item (self, self->focus_touchpoint);
}

/* The item Enter or F2 edits: the focused note, touchpoint or stage, else the last
 * selected. */
static const char *
get_edit_target (TpBoard *self)
{
  const char *primary;

  if (self->document == NULL)
    return NULL;
  if (self->focus == TP_BOARD_FOCUS_NOTE &&
      tp_document_lookup_kind (self->document, self->focus_note, TP_ITEM_NOTE) != NULL)
    return self->focus_note;
  if (self->focus == TP_BOARD_FOCUS_TOUCHPOINT &&
      _tp_board_is_journey_item (self, self->focus_touchpoint))
    return self->focus_touchpoint;
  if (self->focus == TP_BOARD_FOCUS_STAGE && _tp_board_is_journey_item (self, self->focus_stage))
    return self->focus_stage;

  primary = tp_selection_get_primary (self->selection);
  if (primary != NULL && (tp_document_lookup_kind (self->document, primary, TP_ITEM_NOTE) != NULL ||
                          _tp_board_is_journey_item (self, primary)))
    return primary;

  return NULL;
}

void
_tp_board_go_to (TpBoard    *self,
                 const char *id,
                 gboolean    extend)
{
  g_autofree char *copy = g_strdup (id);

  if (extend)
    tp_selection_add (self->selection, copy);
  else
    tp_selection_set_one (self->selection, copy);
  _tp_board_focus_item (self, copy);
  tp_board_reveal_item (self, copy);
}

/* Reading order: regions in turn, their blocks row by row from the left (Key Partners,
 * Key Activities, Value Propositions … Revenue Streams), each block's notes in order;
 * then the journey's touchpoints, stage after stage. */

static int
compare_blocks (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const TpContainerInfo *infos = user_data;
  TpContainer ca = *(const TpContainer *) a, cb = *(const TpContainer *) b;
  const TpContainerInfo *ia = &infos[ca], *ib = &infos[cb];

  if (ia->region != ib->region)
    return ia->region < ib->region ? -1 : 1;
  if (ia->rect.y != ib->rect.y)
    return ia->rect.y < ib->rect.y ? -1 : 1;
  if (ia->rect.x != ib->rect.x)
    return ia->rect.x < ib->rect.x ? -1 : 1;

  return (ca > cb) - (ca < cb);
}

/* The shown notes, then the touchpoints, in reading order (ids owned by the document);
 * rank (optional) gets each block's place in that order. */
static GPtrArray *
get_reading_order (TpBoard *self,
                   guint    rank[TP_N_CONTAINERS])
{
  TpContainerInfo infos[TP_N_CONTAINERS];
  TpContainer order[TP_N_CONTAINERS];
  GPtrArray *ids = g_ptr_array_new ();

  _tp_board_ensure_layout (self);
  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      tp_layout_get_container (self->layout, c, &infos[c]);
      order[c] = c;
    }
  g_qsort_with_data (order, TP_N_CONTAINERS, sizeof order[0], compare_blocks, infos);

  for (guint k = 0; k < TP_N_CONTAINERS; k++)
    {
      GPtrArray *notes = tp_document_get_notes (self->document, order[k]);

      if (rank != NULL)
        rank[order[k]] = k;
      for (guint i = 0; i < MIN (notes->len, infos[order[k]].n_visible); i++)
        g_ptr_array_add (ids, ((TpItem *) g_ptr_array_index (notes, i))->id);
    }

  {
    g_autoptr(GPtrArray) touchpoints = _tp_board_get_touchpoint_order (self);

    g_ptr_array_extend (ids, touchpoints, NULL, NULL);
  }

  return ids;
}

static gboolean
move_in_order (TpBoard  *self,
               gboolean  forward,
               gboolean  extend)
{
  guint rank[TP_N_CONTAINERS];
  g_autoptr(GPtrArray) order = get_reading_order (self, rank);
  guint at = 0;
  int next = -1;

  if (order->len == 0)
    return FALSE;

  if (self->focus == TP_BOARD_FOCUS_NOTE &&
      g_ptr_array_find_with_equal_func (order, self->focus_note, g_str_equal, &at))
    {
      next = (int) at + (forward ? 1 : -1);
    }
  else if (self->focus == TP_BOARD_FOCUS_TOUCHPOINT &&
           g_ptr_array_find_with_equal_func (order, self->focus_touchpoint, g_str_equal, &at))
    {
      next = (int) at + (forward ? 1 : -1);
    }
  else if (self->focus == TP_BOARD_FOCUS_STAGE &&
           _tp_board_is_journey_item (self, self->focus_stage))
    {
      /* Into the stage's first touchpoint (or the next stage's), or back to whatever
       * comes before it. */
      g_autoptr(GPtrArray) touchpoints = _tp_board_get_touchpoint_order (self);

      at = order->len - touchpoints->len
           + _tp_board_count_touchpoints_before (self, self->focus_stage);
      next = forward ? (int) at : (int) at - 1;
    }
  else if (self->focus == TP_BOARD_FOCUS_BLOCK)
    {
      /* Into the block's first note, or back to the last note before the block. */
      guint block = rank[self->focus_container];

      next = forward ? (int) order->len : -1;
      for (guint i = 0; i < order->len; i++)
        {
          TpNote *note = tp_document_lookup_kind (self->document, g_ptr_array_index (order, i),
                                                  TP_ITEM_NOTE);
          /* The journey's touchpoints come after every block. */
          guint place = note != NULL ? rank[note->container] : TP_N_CONTAINERS;

          if (forward && place >= block)
            {
              next = i;
              break;
            }
          if (!forward && place < block)
            next = i;
        }
    }
  else
    {
      next = forward ? 0 : (int) order->len - 1;
    }

  /* Past either end, Tab leaves the board for the next widget. */
  if (next < 0 || next >= (int) order->len)
    return FALSE;

  _tp_board_go_to (self, g_ptr_array_index (order, next), extend);
  return TRUE;
}

/* How far to is from from in direction (dx, dy): along it, and across it, counting
 * double; rects that overlap across the direction (the same row, the same column) come
 * before any that do not. Infinite when to is not that way at all. */
static double
direction_score (const TpRect *from,
                 const TpRect *to,
                 int           dx,
                 int           dy)
{
  double fx = from->x + from->width / 2, fy = from->y + from->height / 2;
  double tx = to->x + to->width / 2, ty = to->y + to->height / 2;
  double along, across;
  gboolean overlap;

  if (dx != 0)
    {
      along = (tx - fx) * dx;
      across = fabs (ty - fy);
      overlap = to->y < from->y + from->height && from->y < to->y + to->height;
    }
  else
    {
      along = (ty - fy) * dy;
      across = fabs (tx - fx);
      overlap = to->x < from->x + from->width && from->x < to->x + to->width;
    }

  if (along < 1)
    return INFINITY;

  return (overlap ? 0 : 1e7) + along + 2 * across;
}

static gboolean
move_spatially (TpBoard  *self,
                int       dx,
                int       dy,
                gboolean  extend)
{
  const char *best = NULL;
  double best_score = INFINITY;
  TpNoteInfo info;
  TpRect from;

  _tp_board_ensure_layout (self);

  if (self->focus == TP_BOARD_FOCUS_BLOCK)
    {
      GPtrArray *notes = tp_document_get_notes (self->document, self->focus_container);
      TpContainerInfo block;
      TpContainer target = self->focus_container;

      tp_layout_get_container (self->layout, self->focus_container, &block);
      /* Into the block: its first note going forwards, its last going backwards. */
      if (block.n_visible > 0)
        {
          guint i = dx > 0 || dy > 0 ? 0 : MIN (block.n_visible, notes->len) - 1;

          _tp_board_go_to (self, ((TpItem *) g_ptr_array_index (notes, i))->id, extend);
          return TRUE;
        }

      /* An empty block: on to the next block that way. */
      for (guint c = 0; c < TP_N_CONTAINERS; c++)
        {
          TpContainerInfo other;
          double score;

          tp_layout_get_container (self->layout, c, &other);
          score = direction_score (&block.rect, &other.rect, dx, dy);
          if (c != self->focus_container && score < best_score)
            {
              best_score = score;
              target = c;
            }
        }
      _tp_board_focus_block (self, target);
      tp_layout_get_container (self->layout, target, &block);
      _tp_board_reveal_rect (self, &block.rect);
      return TRUE;
    }

  if (self->focus != TP_BOARD_FOCUS_NOTE ||
      !tp_layout_get_note (self->layout, self->focus_note, &info) || !info.visible)
    return move_in_order (self, dx > 0 || dy > 0, extend);

  from = info.rect;
  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      GPtrArray *notes = tp_document_get_notes (self->document, c);

      for (guint i = 0; i < notes->len; i++)
        {
          const char *id = ((TpItem *) g_ptr_array_index (notes, i))->id;
          double score;

          if (!tp_layout_get_note (self->layout, id, &info) || !info.visible)
            break;  /* the rest of the block is hidden too */
          score = direction_score (&from, &info.rect, dx, dy);
          if (score < best_score)
            {
              best_score = score;
              best = id;
            }
        }
    }

  /* At the edge of the board the focus stays; the keyboard never falls off. */
  if (best != NULL)
    _tp_board_go_to (self, best, extend);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));

  return TRUE;
}

static void
add_note (TpBoard *self)
{
  g_autoptr(GError) error = NULL;
  TpContainer container;
  guint index;

  if (!_tp_board_get_target (self, &container, &index))
    return;

  /* A workshop at its caps refuses the note before anyone types it (the window says
   * why), rather than after, which would throw the typing away. */
  if (!tp_document_can_add_notes (self->document, 1, &error))
    {
      tp_document_refuse (self->document, error);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  _tp_board_start_capture (self, container, index);
}

static gboolean
edit_focused (TpBoard *self)
{
  const char *id = get_edit_target (self);

  if (id == NULL)
    return FALSE;

  _tp_board_start_edit (self, id);
  return TRUE;
}

/* Keys */

gboolean
_tp_board_key_pressed (TpBoard         *self,
                       guint            keyval,
                       GdkModifierType  state)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  gboolean shift = mods == GDK_SHIFT_MASK;

  /* While a note is edited its keys are text. */
  if (self->document == NULL || _tp_board_is_editing (self))
    return FALSE;

  /* + and - vote only during a round; otherwise they type, as every printable key. */
  if (_tp_board_vote_key (self, keyval, mods))
    return TRUE;

  if (mods != 0 && !shift)
    return _tp_board_typing_chord (self, keyval, 0, mods);

  /* The journey's keys first: a stage or a touchpoint under the keyboard. */
  if (_tp_board_journey_key_pressed (self, keyval, shift))
    return TRUE;

  switch (keyval)
    {
    case GDK_KEY_space:
      /* Held, it turns a drag into a pan. */
      self->space_held = TRUE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (shift)
        return FALSE;
      if (self->focus == TP_BOARD_FOCUS_BLOCK)
        {
          _tp_board_start_capture (self, self->focus_container,
                                   tp_document_get_notes (self->document, self->focus_container)->len);
          return TRUE;
        }
      return edit_focused (self);

    case GDK_KEY_F2:
      return edit_focused (self);

    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      if (shift || !has_targets (self))
        return FALSE;
      _tp_board_delete_selection (self);
      return TRUE;

    case GDK_KEY_Escape:
      if (self->drag != TP_BOARD_DRAG_NONE)
        _tp_board_pointer_cancelled (self);
      else if (self->focus == TP_BOARD_FOCUS_NOTE)
        {
          /* Up a level: from the note to its block. */
          tp_selection_clear (self->selection);
          _tp_board_focus_block (self, self->focus_container);
        }
      else if (self->focus != TP_BOARD_FOCUS_NONE)
        {
          self->focus = TP_BOARD_FOCUS_NONE;
          gtk_widget_queue_draw (GTK_WIDGET (self));
          _tp_board_update_actions (self);
          _tp_board_update_accessible (self);
        }
      else if (tp_selection_get_n_items (self->selection) > 0)
        tp_selection_clear (self->selection);
      else
        return FALSE;
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      return move_spatially (self, -1, 0, shift);
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      return move_spatially (self, 1, 0, shift);
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      return move_spatially (self, 0, -1, shift);
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      return move_spatially (self, 0, 1, shift);

    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
      return move_in_order (self, !shift, FALSE);
    case GDK_KEY_ISO_Left_Tab:
      return move_in_order (self, FALSE, FALSE);

    default:
      break;
    }

  /* Whatever is printable is text: it edits or creates, never runs a command. */
  return _tp_board_type_key (self, keyval);
}

void
_tp_board_key_released (TpBoard         *self,
                        guint            keyval,
                        GdkModifierType  state)
{
  if (keyval == GDK_KEY_space && self->space_held)
    {
      self->space_held = FALSE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                       self->drag == TP_BOARD_DRAG_PAN ? "grabbing" : NULL);
    }
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TpBoard               *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();

  /* The chords need the key's digit, which Shift hides behind a symbol ("!" for 1 on
   * many layouts): the keycode finds it. */
  if (mods != 0 && mods != GDK_SHIFT_MASK && self->document != NULL &&
      !_tp_board_is_editing (self) && _tp_board_typing_chord (self, keyval, keycode, mods))
    return TRUE;

  /* A dead key (or Compose) begins a character, say ê: the editor's input method must
   * see it, and the key after it, to put the two together. */
  if ((mods & ~GDK_SHIFT_MASK) == 0 && _tp_board_is_compose_key (keyval) &&
      _tp_board_begin_typing (self))
    {
      gtk_event_controller_key_forward (controller, self->editor);
      return TRUE;
    }

  return _tp_board_key_pressed (self, keyval, state);
}

static void
on_key_released (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 TpBoard               *self)
{
  _tp_board_key_released (self, keyval, state);
}

void
_tp_board_keyboard_init (TpBoard *self)
{
  GtkEventController *controller = gtk_event_controller_key_new ();

  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  g_signal_connect (controller, "key-released", G_CALLBACK (on_key_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  _tp_board_typing_init (self);
}

/* Actions */

void
_tp_board_update_actions (TpBoard *self)
{
  GtkWidget *widget = (GtkWidget *) self;
  gboolean has_document = self->document != NULL;
  gboolean idle = has_document && !_tp_board_is_editing (self);
  gboolean targets = idle && has_note_targets (self);
  TpContainer container;
  guint index;

  gtk_widget_action_set_enabled (widget, "board.zoom-in",
                                 has_document && self->zoom < TP_BOARD_ZOOM_MAX);
  gtk_widget_action_set_enabled (widget, "board.zoom-out",
                                 has_document && self->zoom > TP_BOARD_ZOOM_MIN);
  gtk_widget_action_set_enabled (widget, "board.zoom-fit", has_document);
  gtk_widget_action_set_enabled (widget, "board.zoom-canvas", has_document &&
                                 tp_layout_get_region (self->layout, TP_REGION_CANVAS, NULL));
  /* From the document, not the layout, which may not have caught up with a first stage
   * yet: the journey shows as soon as it has one. */
  gtk_widget_action_set_enabled (widget, "board.zoom-journey", has_document &&
                                 tp_document_get_stages (self->document)->len > 0);
  gtk_widget_action_set_enabled (widget, "board.zoom-value-chain", has_document &&
                                 tp_layout_get_region (self->layout, TP_REGION_VALUE_CHAIN, NULL));

  gtk_widget_action_set_enabled (widget, "board.select-all",
                                 idle && tp_document_get_n_notes (self->document) > 0);
  gtk_widget_action_set_enabled (widget, "board.delete", idle && has_targets (self));
  gtk_widget_action_set_enabled (widget, "board.duplicate", targets);
  gtk_widget_action_set_enabled (widget, "board.cut", targets);
  gtk_widget_action_set_enabled (widget, "board.copy", targets);
  gtk_widget_action_set_enabled (widget, "board.paste", idle);
  gtk_widget_action_set_enabled (widget, "board.add-note",
                                 idle && _tp_board_get_target (self, &container, &index));
  gtk_widget_action_set_enabled (widget, "board.edit", idle && get_edit_target (self) != NULL);

  _tp_board_journey_update_actions (self, idle);
  _tp_board_links_update_actions (self, idle);
  _tp_board_emotion_update_actions (self, idle);
}

static double
step_zoom (double   zoom,
           gboolean in)
{
  if (in)
    {
      for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
        if (zoom_steps[i] > zoom * 1.01)
          return zoom_steps[i];
      return TP_BOARD_ZOOM_MAX;
    }

  for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
    if (zoom_steps[i - 1] < zoom / 1.01)
      return zoom_steps[i - 1];

  return TP_BOARD_ZOOM_MIN;
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TpBoard *self = TP_BOARD (widget);

  if (g_str_equal (action_name, "board.zoom-in"))
    tp_board_set_zoom (self, step_zoom (self->zoom, TRUE));
  else if (g_str_equal (action_name, "board.zoom-out"))
    tp_board_set_zoom (self, step_zoom (self->zoom, FALSE));
  else if (g_str_equal (action_name, "board.zoom-fit"))
    tp_board_zoom_to_fit (self);
  else if (g_str_equal (action_name, "board.zoom-canvas"))
    tp_board_zoom_to_region (self, TP_REGION_CANVAS);
  else if (g_str_equal (action_name, "board.zoom-journey"))
    _tp_board_zoom_to_journey (self);
  else if (g_str_equal (action_name, "board.zoom-value-chain"))
    tp_board_zoom_to_region (self, TP_REGION_VALUE_CHAIN);
}

static void
note_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TpBoard *self = TP_BOARD (widget);

  if (g_str_equal (action_name, "board.select-all"))
    _tp_board_select_all (self);
  else if (g_str_equal (action_name, "board.delete"))
    _tp_board_delete_selection (self);
  else if (g_str_equal (action_name, "board.duplicate"))
    _tp_board_duplicate_selection (self);
  else if (g_str_equal (action_name, "board.cut"))
    _tp_board_copy_selection (self, TRUE);
  else if (g_str_equal (action_name, "board.copy"))
    _tp_board_copy_selection (self, FALSE);
  else if (g_str_equal (action_name, "board.paste"))
    _tp_board_paste (self);
  else if (g_str_equal (action_name, "board.add-note"))
    add_note (self);
  else if (g_str_equal (action_name, "board.edit"))
    edit_focused (self);
}

void
_tp_board_class_init_actions (GtkWidgetClass *widget_class)
{
  static const char * const zoom_actions[] = {
    "board.zoom-in", "board.zoom-out", "board.zoom-fit", "board.zoom-canvas",
    "board.zoom-journey", "board.zoom-value-chain",
  };
  static const char * const note_actions[] = {
    "board.select-all", "board.delete", "board.duplicate", "board.cut", "board.copy",
    "board.paste", "board.add-note", "board.edit",
  };
  static const struct {
    guint            keyval;
    GdkModifierType  mods;
    const char      *action;
  } bindings[] = {
    { GDK_KEY_plus, GDK_CONTROL_MASK, "board.zoom-in" },
    { GDK_KEY_equal, GDK_CONTROL_MASK, "board.zoom-in" },
    { GDK_KEY_KP_Add, GDK_CONTROL_MASK, "board.zoom-in" },
    { GDK_KEY_minus, GDK_CONTROL_MASK, "board.zoom-out" },
    { GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "board.zoom-out" },
    { GDK_KEY_0, GDK_CONTROL_MASK, "board.zoom-fit" },
    { GDK_KEY_KP_0, GDK_CONTROL_MASK, "board.zoom-fit" },
    { GDK_KEY_1, GDK_CONTROL_MASK, "board.zoom-canvas" },
    { GDK_KEY_KP_1, GDK_CONTROL_MASK, "board.zoom-canvas" },
    { GDK_KEY_2, GDK_CONTROL_MASK, "board.zoom-journey" },
    { GDK_KEY_KP_2, GDK_CONTROL_MASK, "board.zoom-journey" },
    { GDK_KEY_3, GDK_CONTROL_MASK, "board.zoom-value-chain" },
    { GDK_KEY_KP_3, GDK_CONTROL_MASK, "board.zoom-value-chain" },
    { GDK_KEY_a, GDK_CONTROL_MASK, "board.select-all" },
    { GDK_KEY_d, GDK_CONTROL_MASK, "board.duplicate" },
    { GDK_KEY_x, GDK_CONTROL_MASK, "board.cut" },
    { GDK_KEY_Delete, GDK_SHIFT_MASK, "board.cut" },
    { GDK_KEY_c, GDK_CONTROL_MASK, "board.copy" },
    { GDK_KEY_Insert, GDK_CONTROL_MASK, "board.copy" },
    { GDK_KEY_v, GDK_CONTROL_MASK, "board.paste" },
    { GDK_KEY_Insert, GDK_SHIFT_MASK, "board.paste" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (zoom_actions); i++)
    gtk_widget_class_install_action (widget_class, zoom_actions[i], NULL, zoom_action);
  for (guint i = 0; i < G_N_ELEMENTS (note_actions); i++)
    gtk_widget_class_install_action (widget_class, note_actions[i], NULL, note_action);
  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    gtk_widget_class_add_binding_action (widget_class, bindings[i].keyval, bindings[i].mods,
                                         bindings[i].action, NULL);

  _tp_board_journey_class_init (widget_class);
  _tp_board_emotion_class_init (widget_class);
}
