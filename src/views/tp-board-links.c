/* tp-board-links.c: making, seeing and following links on the board.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A note or a touchpoint under the pointer (or selected) shows a link handle on its edge
 * towards the other kind: a note's at the middle of its bottom edge, a card's at the
 * middle of its top. Dragging from the handle draws a live curve to the pointer; the
 * items it could link to are outlined, the one under the pointer strongly, and a drop
 * there makes the link (one undo step). A click on the handle, or Ctrl+K, opens a
 * searchable list of the items it could link to instead. A click on a curve selects the link.
 *
 * The board's tiles draw every link lightly; this file's overlays draw the links of the
 * selection (and the one under the pointer) emphasised with both ends outlined, and,
 * while "focus-links" is on, dim everything the selection is not linked to.
 */

#include "config.h"

#include "render/tp-painter.h"

#include "tp-board-private.h"
#include "tp-link-picker.h"

#define HANDLE_RADIUS     7.0   /* screen pixels, at any zoom */
#define HANDLE_REACH      12.0  /* how near a press must be to take the handle */
#define LINK_TOLERANCE    5.0   /* screen pixels either side of a curve that select it */
#define DIM_ALPHA         0.72  /* the white over what the selection is not linked to */

/* Handles */

static gboolean
is_link_end (TpBoard    *self,
             const char *id)
{
  return id != NULL && self->document != NULL &&
         (tp_document_lookup_kind (self->document, id, TP_ITEM_NOTE) != NULL ||
          tp_document_lookup_kind (self->document, id, TP_ITEM_TOUCHPOINT) != NULL);
}

static gboolean
get_handle_point (TpBoard    *self,
                  const char *id,
                  double     *wx,
                  double     *wy)
{
  TpPoint anchor;

  if (id == NULL || !tp_layout_get_link_anchor (self->layout, id, &anchor))
    return FALSE;
  tp_board_board_to_widget (self, anchor.x, anchor.y, wx, wy);
  return TRUE;
}

gboolean
_tp_board_is_handle_point (TpBoard *self,
                           double   x,
                           double   y)
{
  double hx, hy;

  return self->handle_id != NULL && get_handle_point (self, self->handle_id, &hx, &hy) &&
         (x - hx) * (x - hx) + (y - hy) * (y - hy) <= HANDLE_REACH * HANDLE_REACH;
}

/* Which item shows the handle: the one under the pointer, else the one selected alone;
 * while the pointer is on the handle it stays where it is (the pointer has left the
 * item's edge to reach it). */
static void
update_handle (TpBoard *self,
               double   x,
               double   y)
{
  const char *id = NULL;

  if (_tp_board_is_handle_point (self, x, y) && is_link_end (self, self->handle_id))
    {
      self->handle_hover = TRUE;
      return;
    }
  self->handle_hover = FALSE;

  if (self->drag != TP_BOARD_DRAG_NONE && self->drag != TP_BOARD_DRAG_PENDING)
    id = NULL;
  else if ((self->hover_kind == TP_HIT_NOTE || self->hover_kind == TP_HIT_TOUCHPOINT) &&
           is_link_end (self, self->hover_id))
    id = self->hover_id;
  else if (tp_selection_get_n_items (self->selection) == 1 &&
           is_link_end (self, tp_selection_get_primary (self->selection)))
    id = tp_selection_get_primary (self->selection);

  if (g_strcmp0 (id, self->handle_id) != 0)
    {
      g_free (self->handle_id);
      self->handle_id = g_strdup (id);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

void
_tp_board_links_hover (TpBoard     *self,
                       const TpHit *hit,
                       double       x,
                       double       y,
                       double       bx,
                       double       by)
{
  const char *link = NULL;

  update_handle (self, x, y);

  /* Curves run beneath items: only between them do they take the pointer. */
  if (!self->handle_hover && hit->kind != TP_HIT_NOTE && hit->kind != TP_HIT_TOUCHPOINT &&
      hit->kind != TP_HIT_STAGE && hit->kind != TP_HIT_MORE_BADGE)
    link = tp_layout_hit_link (self->layout, bx, by, LINK_TOLERANCE / self->zoom);

  if (g_strcmp0 (link, self->hover_link) != 0)
    {
      g_free (self->hover_link);
      self->hover_link = g_strdup (link);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* Making a link */

/* The note and the touchpoint of a link between a and b, whichever is which; FALSE
 * unless they are one of each. */
static gboolean
get_ends (TpBoard     *self,
          const char  *a,
          const char  *b,
          const char **note,
          const char **touchpoint)
{
  if (tp_document_lookup_kind (self->document, a, TP_ITEM_NOTE) != NULL &&
      tp_document_lookup_kind (self->document, b, TP_ITEM_TOUCHPOINT) != NULL)
    {
      *note = a;
      *touchpoint = b;
      return TRUE;
    }
  if (tp_document_lookup_kind (self->document, b, TP_ITEM_NOTE) != NULL &&
      tp_document_lookup_kind (self->document, a, TP_ITEM_TOUCHPOINT) != NULL)
    {
      *note = b;
      *touchpoint = a;
      return TRUE;
    }
  return FALSE;
}

/* Whether a link from the source to id could be made: one of each kind, not there yet. */
static gboolean
is_valid_target (TpBoard    *self,
                 const char *id)
{
  const char *note, *touchpoint;

  return self->link_source != NULL && id != NULL &&
         get_ends (self, self->link_source, id, &note, &touchpoint) &&
         tp_document_find_link (self->document, note, touchpoint) == NULL;
}

/* Links source and target (one undo step) and keeps the source selected, so its
 * inspector shows the new link, ready for a label. */
static void
make_link (TpBoard    *self,
           const char *source,
           const char *target)
{
  const char *note, *touchpoint;
  g_autofree char *keep = g_strdup (source);

  if (!get_ends (self, source, target, &note, &touchpoint))
    return;
  if (tp_document_add_link (self->document, note, touchpoint, NULL) != NULL)
    tp_selection_set_one (self->selection, keep);
}

void
_tp_board_begin_link_drag (TpBoard *self,
                           double   bx,
                           double   by)
{
  g_free (self->link_source);
  self->link_source = g_strdup (self->handle_id);
  g_clear_pointer (&self->link_target, g_free);
  self->link_bx = bx;
  self->link_by = by;
  self->link_moved = FALSE;
  self->drag = TP_BOARD_DRAG_LINK;

  if (!tp_selection_contains (self->selection, self->link_source))
    tp_selection_set_one (self->selection, self->link_source);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_tp_board_update_link_drag (TpBoard *self,
                            double   x,
                            double   y,
                            double   bx,
                            double   by)
{
  TpHit hit = tp_layout_hit (self->layout, bx, by);
  const char *target = NULL;

  if (!self->link_moved &&
      gtk_drag_check_threshold (GTK_WIDGET (self), self->drag_start_x, self->drag_start_y, x, y))
    self->link_moved = TRUE;

  self->link_bx = bx;
  self->link_by = by;

  /* A note, or a touchpoint's card: the items, not the cells below a card. */
  if (hit.kind == TP_HIT_NOTE)
    target = hit.note;
  else if (hit.kind == TP_HIT_TOUCHPOINT && hit.row == TP_JOURNEY_ROW_TOUCHPOINT)
    target = hit.touchpoint;
  if (!is_valid_target (self, target))
    target = NULL;

  if (g_strcmp0 (target, self->link_target) != 0)
    {
      g_free (self->link_target);
      self->link_target = g_strdup (target);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_tp_board_end_link_drag (TpBoard  *self,
                         gboolean  drop)
{
  g_autofree char *source = g_steal_pointer (&self->link_source);
  g_autofree char *target = g_steal_pointer (&self->link_target);
  gboolean moved = self->link_moved;

  self->link_moved = FALSE;
  if (!drop || source == NULL)
    return;

  if (target != NULL)
    make_link (self, source, target);
  else if (!moved)
    {
      /* A click on the handle: pick the other end from a list instead. */
      tp_selection_set_one (self->selection, source);
      _tp_board_start_link_picker (self);
    }
}

static void
on_picked (TpLinkPicker *picker,
           const char   *target,
           TpBoard      *self)
{
  const char *source = g_object_get_data (G_OBJECT (picker), "tp-source");

  if (self->document != NULL && source != NULL)
    make_link (self, source, target);
}

static void
on_picker_closed (GtkPopover *picker,
                  TpBoard    *self)
{
  /* It stays parented until the next one opens: GTK 4.8 still looks at a popover's
   * surface for a moment after it closed, and unparenting it sooner is a critical. */
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

void
_tp_board_dismiss_link_picker (TpBoard *self)
{
  if (self->link_picker != NULL)
    {
      GtkWidget *picker = g_steal_pointer (&self->link_picker);

      g_signal_handlers_disconnect_by_data (picker, self);
      gtk_widget_unparent (picker);
    }
}

/* The rect (widget coordinates) a popover for id points at. */
static gboolean
get_item_widget_rect (TpBoard      *self,
                      const char   *id,
                      GdkRectangle *rect)
{
  TpNoteInfo note;
  TpTouchpointInfo touchpoint;
  graphene_rect_t area;

  if (tp_layout_get_note (self->layout, id, &note) && note.visible)
    _tp_board_rect_to_widget (self, &note.rect, &area);
  else if (tp_layout_get_touchpoint (self->layout, id, &touchpoint))
    _tp_board_rect_to_widget (self, &touchpoint.card, &area);
  else
    return FALSE;

  rect->x = (int) area.origin.x;
  rect->y = (int) area.origin.y;
  rect->width = MAX ((int) area.size.width, 1);
  rect->height = MAX ((int) area.size.height, 1);
  return TRUE;
}

gboolean
_tp_board_start_link_picker (TpBoard *self)
{
  const char *source = tp_selection_get_primary (self->selection);
  GtkWidget *picker;
  GdkRectangle rect;

  if (!is_link_end (self, source))
    return FALSE;

  _tp_board_dismiss_link_picker (self);
  tp_board_reveal_item (self, source);
  _tp_board_ensure_layout (self);
  if (!get_item_widget_rect (self, source, &rect))
    return FALSE;

  picker = tp_link_picker_new (self->document, source);
  g_object_set_data_full (G_OBJECT (picker), "tp-source", g_strdup (source), g_free);
  gtk_widget_set_parent (picker, GTK_WIDGET (self));
  gtk_popover_set_pointing_to (GTK_POPOVER (picker), &rect);
  gtk_popover_set_position (GTK_POPOVER (picker),
                            tp_document_lookup_kind (self->document, source, TP_ITEM_NOTE) != NULL
                            ? GTK_POS_BOTTOM : GTK_POS_TOP);
  g_signal_connect (picker, "picked", G_CALLBACK (on_picked), self);
  g_signal_connect (picker, "closed", G_CALLBACK (on_picker_closed), self);
  self->link_picker = picker;
  gtk_popover_popup (GTK_POPOVER (picker));
  return TRUE;
}

/* Selecting links */

gboolean
_tp_board_press_link (TpBoard         *self,
                      double           bx,
                      double           by,
                      GdkModifierType  state)
{
  const char *link = tp_layout_hit_link (self->layout, bx, by, LINK_TOLERANCE / self->zoom);

  if (link == NULL)
    return FALSE;

  if (state & GDK_CONTROL_MASK)
    tp_selection_toggle (self->selection, link);
  else if (state & GDK_SHIFT_MASK)
    tp_selection_add (self->selection, link);
  else
    tp_selection_set_one (self->selection, link);
  return TRUE;
}

/* The selected links that exist (element-type utf8, owned). */
GPtrArray *
_tp_board_dup_selected_links (TpBoard *self)
{
  const char * const *ids = tp_selection_get_ids (self->selection);
  GPtrArray *links = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; self->document != NULL && ids[i] != NULL; i++)
    if (tp_document_lookup_kind (self->document, ids[i], TP_ITEM_LINK) != NULL)
      g_ptr_array_add (links, g_strdup (ids[i]));
  return links;
}

/* Focus on links */

gboolean
tp_board_get_focus_links (TpBoard *self)
{
  g_return_val_if_fail (TP_IS_BOARD (self), FALSE);

  return self->focus_links;
}

void
tp_board_set_focus_links (TpBoard  *self,
                          gboolean  focus_links)
{
  g_return_if_fail (TP_IS_BOARD (self));

  focus_links = !!focus_links;
  if (self->focus_links == focus_links)
    return;
  self->focus_links = focus_links;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify (G_OBJECT (self), "focus-links");
}

/* What the selection involves: the selected notes and touchpoints, the other ends of
 * their links, and the ends of selected links (ids, not owned); and those links. */
static void
collect_involved (TpBoard    *self,
                  GHashTable *items,
                  GHashTable *links)
{
  const char * const *ids = tp_selection_get_ids (self->selection);
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      TpLink *link = tp_document_lookup_kind (self->document, ids[i], TP_ITEM_LINK);

      if (link != NULL)
        {
          g_hash_table_add (links, link->item.id);
          g_hash_table_add (items, link->note);
          g_hash_table_add (items, link->touchpoint);
          continue;
        }
      if (!is_link_end (self, ids[i]))
        continue;

      g_hash_table_add (items, (gpointer) ids[i]);
      g_ptr_array_set_size (found, 0);
      tp_document_collect_links (self->document, ids[i], found);
      for (guint k = 0; k < found->len; k++)
        {
          TpLink *other = g_ptr_array_index (found, k);

          g_hash_table_add (links, other->item.id);
          g_hash_table_add (items, other->note);
          g_hash_table_add (items, other->touchpoint);
        }
    }
}

/* Drawing */

static cairo_t *
begin_board_cairo (TpBoard     *self,
                   GtkSnapshot *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self);
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot,
                                           &GRAPHENE_RECT_INIT (0, 0,
                                                                gtk_widget_get_width (widget),
                                                                gtk_widget_get_height (widget)));
  double ox, oy;

  tp_board_board_to_widget (self, 0, 0, &ox, &oy);
  cairo_translate (cr, ox, oy);
  cairo_scale (cr, self->zoom, self->zoom);
  return cr;
}

static void
outline_item (TpBoard       *self,
              GtkSnapshot   *snapshot,
              const char    *id,
              double         width,
              const GdkRGBA *colour)
{
  TpNoteInfo note;
  TpTouchpointInfo touchpoint;
  const TpTheme *theme = tp_layout_get_theme (self->layout);
  graphene_rect_t rect;

  if (tp_layout_get_note (self->layout, id, &note) && note.visible)
    {
      _tp_board_rect_to_widget (self, &note.rect, &rect);
      _tp_board_append_outline (snapshot, &rect, theme->note_radius * note.scale * self->zoom,
                                1, width, colour);
    }
  else if (tp_layout_get_touchpoint (self->layout, id, &touchpoint))
    {
      _tp_board_rect_to_widget (self, &touchpoint.card, &rect);
      _tp_board_append_outline (snapshot, &rect, theme->card_radius * self->zoom, 1, width,
                                colour);
    }
}

/* Dims what the selection is not linked to: a white veil over the view, then the
 * selection, what it is linked to and the links between them painted again on it. */
static void
snapshot_focus_veil (TpBoard     *self,
                     GtkSnapshot *snapshot,
                     GHashTable  *items,
                     GHashTable  *links)
{
  const TpTheme *theme = tp_layout_get_theme (self->layout);
  TpPaintOptions options;
  GHashTableIter iter;
  gpointer id;
  TpRect visible;
  cairo_t *cr;

  _tp_board_get_visible (self, &visible);
  tp_paint_options_init (&options);
  options.screen = TRUE;

  cr = begin_board_cairo (self, snapshot);
  cairo_rectangle (cr, visible.x, visible.y, visible.width, visible.height);
  tp_colour_set_source_alpha (cr, &theme->board_background, DIM_ALPHA);
  cairo_fill (cr);

  g_hash_table_iter_init (&iter, items);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    {
      if (tp_document_lookup_kind (self->document, id, TP_ITEM_NOTE) != NULL)
        tp_paint_note (cr, self->layout, self->document, id, &options);
      else
        tp_paint_touchpoint_card (cr, self->layout, self->document, id, &options);
    }
  g_hash_table_iter_init (&iter, links);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    tp_paint_link (cr, self->layout, id, TP_LINK_STYLE_EMPHASIS);
  cairo_destroy (cr);
}

void
_tp_board_snapshot_links (TpBoard     *self,
                          GtkSnapshot *snapshot)
{
  g_autoptr(GHashTable) items = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) links = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer id;
  GdkRGBA colour;
  cairo_t *cr;

  collect_involved (self, items, links);

  if (self->focus_links && g_hash_table_size (items) > 0)
    {
      snapshot_focus_veil (self, snapshot, items, links);
    }
  else if (g_hash_table_size (links) > 0)
    {
      cr = begin_board_cairo (self, snapshot);
      g_hash_table_iter_init (&iter, links);
      while (g_hash_table_iter_next (&iter, &id, NULL))
        tp_paint_link (cr, self->layout, id, TP_LINK_STYLE_EMPHASIS);
      cairo_destroy (cr);
    }

  /* Both ends of an emphasised link stand out; selected ends have their own outline. */
  _tp_board_accent (0.6, &colour);
  g_hash_table_iter_init (&iter, items);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (g_hash_table_size (links) > 0 && !g_hash_table_contains (self->selected, id))
      outline_item (self, snapshot, id, 2, &colour);

  if (self->hover_link != NULL && !g_hash_table_contains (links, self->hover_link) &&
      self->drag == TP_BOARD_DRAG_NONE)
    {
      TpLinkInfo info;

      cr = begin_board_cairo (self, snapshot);
      tp_paint_link (cr, self->layout, self->hover_link, TP_LINK_STYLE_EMPHASIS);
      cairo_destroy (cr);
      if (tp_layout_get_link (self->layout, self->hover_link, &info))
        {
          _tp_board_accent (0.45, &colour);
          outline_item (self, snapshot, info.note, 1, &colour);
          outline_item (self, snapshot, info.touchpoint, 1, &colour);
        }
    }
}

static void
snapshot_targets (TpBoard     *self,
                  GtkSnapshot *snapshot)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  gboolean from_note = tp_document_lookup_kind (self->document, self->link_source,
                                                TP_ITEM_NOTE) != NULL;
  GdkRGBA faint, strong;
  TpRect visible;

  _tp_board_accent (0.35, &faint);
  _tp_board_accent (1.0, &strong);
  _tp_board_get_visible (self, &visible);
  if (from_note)
    tp_layout_query_touchpoints (self->layout, &visible, ids);
  else
    tp_layout_query_notes (self->layout, &visible, ids);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);

      if (g_strcmp0 (id, self->link_target) != 0 && is_valid_target (self, id))
        outline_item (self, snapshot, id, 1.5, &faint);
    }
  if (self->link_target != NULL)
    outline_item (self, snapshot, self->link_target, 3, &strong);
}

static void
snapshot_handle (TpBoard     *self,
                 GtkSnapshot *snapshot)
{
  double x, y, radius = self->handle_hover ? HANDLE_RADIUS + 2 : HANDLE_RADIUS;
  cairo_t *cr;

  if (self->handle_id == NULL || _tp_board_is_editing (self) ||
      (self->drag != TP_BOARD_DRAG_NONE && self->drag != TP_BOARD_DRAG_PENDING) ||
      !get_handle_point (self, self->handle_id, &x, &y))
    return;

  /* A port: a blue disc ringed in white, with a white dot, that reads on any note. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x - radius - 2, y - radius - 2,
                                                                  2 * radius + 4,
                                                                  2 * radius + 4));
  cairo_arc (cr, x, y, radius + 1.5, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, TP_BOARD_ACCENT_RED, TP_BOARD_ACCENT_GREEN, TP_BOARD_ACCENT_BLUE);
  cairo_fill (cr);
  cairo_arc (cr, x, y, radius * 0.35, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
  cairo_destroy (cr);
}

void
_tp_board_snapshot_link_drag (TpBoard     *self,
                              GtkSnapshot *snapshot)
{
  TpPoint points[4];
  cairo_t *cr;

  if (self->drag != TP_BOARD_DRAG_LINK)
    {
      snapshot_handle (self, snapshot);
      return;
    }

  snapshot_targets (self, snapshot);
  if (!tp_layout_get_drag_curve (self->layout, self->link_source, self->link_bx, self->link_by,
                                 points))
    return;
  cr = begin_board_cairo (self, snapshot);
  tp_paint_link_curve (cr, self->layout, points);
  cairo_destroy (cr);
}

static void
start_link_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _tp_board_start_link_picker (TP_BOARD (widget));
}

void
_tp_board_links_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "board.start-link", NULL, start_link_action);
  gtk_widget_class_install_property_action (widget_class, "board.focus-links", "focus-links");
  /* Chords, never bare letters: a facilitator typing a name must not link anything.
   * Ctrl+K links as in most editors; Ctrl+Shift+K, its companion, shows the links. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK,
                                       "board.start-link", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "board.focus-links", NULL);
}

void
_tp_board_links_update_actions (TpBoard  *self,
                                gboolean  idle)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.start-link",
                                 idle && is_link_end (self,
                                                      tp_selection_get_primary (self->selection)));
}

void
_tp_board_links_dispose (TpBoard *self)
{
  _tp_board_dismiss_link_picker (self);
  g_clear_pointer (&self->handle_id, g_free);
  g_clear_pointer (&self->hover_link, g_free);
  g_clear_pointer (&self->link_source, g_free);
  g_clear_pointer (&self->link_target, g_free);
}
