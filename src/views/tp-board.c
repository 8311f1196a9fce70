/* tp-board.c: the board widget: its view state, its place in the widget tree, and how
 * it follows the document and the selection.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tp-board-private.h"

/* Room kept around an item brought into view, in widget pixels. */
#define REVEAL_MARGIN 32.0
/* Room kept around the board or a region zoomed to fit, in widget pixels. */
#define FIT_MARGIN    24.0
/* A region is never zoomed to so small that its note text reads below this, in widget
 * pixels (VISUAL.md: at 1280 × 720, note text ≥ 12 px): it shows from its start instead. */
#define LEGIBLE_TEXT_PX 12.0
/* How long a wheel or pinch zoom must rest before the board is painted afresh at it:
 * long enough to span the gap between wheel clicks, short enough not to be noticed. */
#define SETTLE_MS     160

G_DEFINE_FINAL_TYPE_WITH_CODE (TpBoard, tp_board, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTION,
  PROP_ZOOM,
  PROP_FOCUS_LINKS,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

/* The view
 *
 * The adjustments count widget pixels from the board's left and top edges at the
 * current zoom. A board smaller than the view is centred in it. */

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         value,
                      double         page,
                      double         content)
{
  double upper = MAX (page, content);

  value = CLAMP (value, 0, MAX (0, upper - page));
  gtk_adjustment_configure (adjustment, value, 0, upper, page * 0.1, page * 0.9, page);
}

static void
configure_adjustments (TpBoard *self,
                       double   hvalue,
                       double   vvalue)
{
  configure_adjustment (self->hadjustment, hvalue, gtk_widget_get_width (GTK_WIDGET (self)),
                        self->bounds.width * self->zoom);
  configure_adjustment (self->vadjustment, vvalue, gtk_widget_get_height (GTK_WIDGET (self)),
                        self->bounds.height * self->zoom);
}

void
_tp_board_scroll_to (TpBoard *self,
                     double   hvalue,
                     double   vvalue)
{
  configure_adjustments (self, hvalue, vvalue);
}

void
_tp_board_scroll_by (TpBoard *self,
                     double   dx,
                     double   dy)
{
  _tp_board_scroll_to (self, gtk_adjustment_get_value (self->hadjustment) + dx,
                       gtk_adjustment_get_value (self->vadjustment) + dy);
}

static gboolean
on_zoom_settled (gpointer data)
{
  TpBoard *self = data;

  self->settle_id = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));

  return G_SOURCE_REMOVE;
}

gboolean
_tp_board_zoom_is_settling (TpBoard *self)
{
  return self->settle_id != 0;
}

/* Sets the zoom and scrolls so that board point (bx, by) lands on widget point
 * (wx, wy), as far as the board's edges allow. */
static void
set_zoom_keeping (TpBoard *self,
                  double   zoom,
                  double   bx,
                  double   by,
                  double   wx,
                  double   wy)
{
  GtkWidget *widget = (GtkWidget *) self;
  gboolean changed;

  zoom = CLAMP (zoom, TP_BOARD_ZOOM_MIN, TP_BOARD_ZOOM_MAX);
  changed = zoom != self->zoom;
  self->zoom = zoom;
  configure_adjustments (self,
                         (bx - self->bounds.x) * zoom - wx
                         + _tp_board_centring (gtk_widget_get_width (widget),
                                               self->bounds.width * zoom),
                         (by - self->bounds.y) * zoom - wy
                         + _tp_board_centring (gtk_widget_get_height (widget),
                                               self->bounds.height * zoom));

  if (changed)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
      _tp_board_update_actions (self);
    }
  gtk_widget_queue_allocate (widget);
  gtk_widget_queue_draw (widget);
}

void
_tp_board_zoom_keeping (TpBoard *self,
                        double   zoom,
                        double   bx,
                        double   by,
                        double   wx,
                        double   wy,
                        gboolean settle)
{
  set_zoom_keeping (self, zoom, bx, by, wx, wy);

  g_clear_handle_id (&self->settle_id, g_source_remove);
  if (settle)
    self->settle_id = g_timeout_add (SETTLE_MS, on_zoom_settled, self);
}

void
_tp_board_zoom_about (TpBoard *self,
                      double   zoom,
                      double   x,
                      double   y,
                      gboolean settle)
{
  double bx, by;

  tp_board_widget_to_board (self, x, y, &bx, &by);
  _tp_board_zoom_keeping (self, zoom, bx, by, x, y, settle);
}

static double
get_legible_zoom (TpBoard *self)
{
  return LEGIBLE_TEXT_PX / tp_layout_get_theme (self->layout)->fonts[TP_FONT_NOTE].size;
}

/* A long strip (the journey, once it has grown to the right) fits by its height, up
 * to 100 %, from its left edge: reading it matters more than seeing all of it. A strip
 * too tall even for that shows from its top left at the legible zoom. */
static gboolean
zoom_to_strip (TpBoard      *self,
               const TpRect *rect)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double legible = get_legible_zoom (self);
  double fit, zoom;

  if (width <= 0 || height <= 0 || tp_rect_is_empty (rect))
    return FALSE;

  fit = MIN ((width - 2 * FIT_MARGIN) / rect->width, (height - 2 * FIT_MARGIN) / rect->height);
  if (fit >= legible)
    return FALSE;

  zoom = CLAMP ((height - 2 * FIT_MARGIN) / rect->height, fit, 1.0);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  if (zoom < legible)
    {
      set_zoom_keeping (self, legible, rect->x, rect->y, FIT_MARGIN, FIT_MARGIN);
      return TRUE;
    }
  set_zoom_keeping (self, MAX (zoom, TP_BOARD_ZOOM_MIN), rect->x, rect->y + rect->height / 2,
                    FIT_MARGIN, height / 2);

  return TRUE;
}

static gboolean
zoom_to_rect (TpBoard      *self,
              const TpRect *rect)
{
  return _tp_board_zoom_to_rect (self, rect, TP_BOARD_ZOOM_MAX);
}

gboolean
_tp_board_zoom_to_rect (TpBoard      *self,
                        const TpRect *rect,
                        double        max_zoom)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double zoom;

  if (width <= 0 || height <= 0 || tp_rect_is_empty (rect))
    return FALSE;

  zoom = MIN ((width - 2 * FIT_MARGIN) / rect->width, (height - 2 * FIT_MARGIN) / rect->height);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  set_zoom_keeping (self, CLAMP (zoom, TP_BOARD_ZOOM_MIN, max_zoom),
                    rect->x + rect->width / 2, rect->y + rect->height / 2,
                    width / 2, height / 2);
  return TRUE;
}

/* A region, as large as the view allows but never smaller than the zoom at which note
 * text reads at LEGIBLE_TEXT_PX (VISUAL.md: zooming to a region at 1280 × 720 shows
 * note text of at least 12 px). A region larger than that shows from its top, centred
 * when its width fits, from its left when not; the rest is a scroll away. */
static gboolean
zoom_to_region_rect (TpBoard      *self,
                     const TpRect *rect)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double legible = get_legible_zoom (self);
  double zoom;

  if (width <= 0 || height <= 0 || tp_rect_is_empty (rect))
    return FALSE;

  zoom = MIN ((width - 2 * FIT_MARGIN) / rect->width, (height - 2 * FIT_MARGIN) / rect->height);
  if (zoom >= legible)
    return zoom_to_rect (self, rect);

  g_clear_handle_id (&self->settle_id, g_source_remove);
  if (rect->width * legible <= width - 2 * FIT_MARGIN)
    set_zoom_keeping (self, legible, rect->x + rect->width / 2, rect->y, width / 2, FIT_MARGIN);
  else
    set_zoom_keeping (self, legible, rect->x, rect->y, FIT_MARGIN, FIT_MARGIN);
  return TRUE;
}

void
_tp_board_reveal_rect (TpBoard      *self,
                       const TpRect *rect)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double margin_x = MIN (REVEAL_MARGIN, width / 8), margin_y = MIN (REVEAL_MARGIN, height / 8);
  graphene_rect_t r;
  double dx = 0, dy = 0;

  _tp_board_rect_to_widget (self, rect, &r);

  /* The least movement that shows the rect; its top left corner wins when it is larger
   * than the view, since that is where its text starts. */
  if (r.origin.x + r.size.width + margin_x > width)
    dx = r.origin.x + r.size.width + margin_x - width;
  if (r.origin.x - dx - margin_x < 0)
    dx = r.origin.x - margin_x;
  if (r.origin.y + r.size.height + margin_y > height)
    dy = r.origin.y + r.size.height + margin_y - height;
  if (r.origin.y - dy - margin_y < 0)
    dy = r.origin.y - margin_y;

  if (dx != 0 || dy != 0)
    _tp_board_scroll_by (self, dx, dy);
}

/* The layout */

/* After a relayout: the kept tiles are painted again where notes' edits changed them
 * (their blocks, the links they moved), or all of them dropped when the edit reached
 * beyond its blocks (tp-layout-damage.c). Every pixel whose drawing changed must be
 * painted again, or the board shows what was there before. */
static void
repaint_damage (TpBoard *self)
{
  g_autoptr(TpLayoutDamage) damage = g_steal_pointer (&self->damage);
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (TpRect));

  if (self->damage_all || damage == NULL ||
      !tp_layout_damage_finish (damage, self->layout, self->document, rects))
    {
      if (self->damage_all || damage != NULL)
        _tp_board_drop_tiles (self);
      self->damage_all = FALSE;
      return;
    }

  _tp_board_repaint_tiles (self, rects);
}

void
_tp_board_ensure_layout (TpBoard *self)
{
  TpRect bounds;

  if (!self->layout_dirty || self->document == NULL)
    return;

  self->layout_dirty = FALSE;
  /* Since the damage was taken only notes' fields changed, in its blocks: the layout
   * need not sign the others' notes again. */
  if (self->damage != NULL && !self->damage_all)
    {
      gboolean edited[TP_N_CONTAINERS];

      tp_layout_damage_get_blocks (self->damage, edited);
      tp_layout_update_blocks (self->layout, self->document, edited);
    }
  else
    tp_layout_update (self->layout, self->document);
  repaint_damage (self);
  tp_layout_get_bounds (self->layout, &bounds);
  if (memcmp (&bounds, &self->bounds, sizeof bounds) != 0)
    {
      double hvalue = gtk_adjustment_get_value (self->hadjustment);
      double vvalue = gtk_adjustment_get_value (self->vadjustment);

      /* Keep the board's origin where it was on screen, so a block that grows does not
       * push the rest of the board away under the pointer. */
      hvalue += (self->bounds.x - bounds.x) * self->zoom;
      vvalue += (self->bounds.y - bounds.y) * self->zoom;
      self->bounds = bounds;
      configure_adjustments (self, hvalue, vvalue);
    }
}

TpLayout *
tp_board_get_layout (TpBoard *self)
{
  g_return_val_if_fail (TP_IS_BOARD (self), NULL);

  _tp_board_ensure_layout (self);

  return self->layout;
}

void
_tp_board_show_note (TpBoard    *self,
                     const char *id)
{
  TpNoteInfo info;

  _tp_board_ensure_layout (self);
  if (!tp_layout_get_note (self->layout, id, &info) || info.visible)
    return;

  tp_layout_set_expanded (self->layout, info.container, TRUE);
  self->layout_dirty = TRUE;
  _tp_board_drop_tiles (self);
  _tp_board_ensure_layout (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
on_selection_changed (TpSelection *selection,
                      TpBoard     *self)
{
  const char * const *ids = tp_selection_get_ids (selection);
  const char *primary = tp_selection_get_primary (selection);

  g_hash_table_remove_all (self->selected);
  for (guint i = 0; ids[i] != NULL; i++)
    g_hash_table_add (self->selected, g_strdup (ids[i]));

  /* The keyboard goes on from what was selected last, however it was selected. */
  if (primary != NULL && self->document != NULL && !self->pruning_selection)
    _tp_board_focus_item (self, primary);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  _tp_board_update_actions (self);
}

/* Following the document */

static void
on_document_changed (TpDocument *document,
                     guint       kind,
                     const char *id,
                     TpBoard    *self)
{
  /* An edit of a note's fields repaints the tiles of what it changed alone (often its
   * block: repaint_damage()); any other change, all of them. The geometry before the
   * change is the layout's while it is not dirty yet. */
  const TpNote *note = kind == TP_CHANGE_EDITED && id != NULL && !self->damage_all &&
                       (self->damage != NULL || !self->layout_dirty)
                       ? (const TpNote *) tp_document_lookup_kind (document, id, TP_ITEM_NOTE)
                       : NULL;

  if (note != NULL)
    {
      if (self->damage == NULL)
        self->damage = tp_layout_damage_new (self->layout, document);
      tp_layout_damage_add_note (self->damage, note);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  else
    {
      g_clear_pointer (&self->damage, tp_layout_damage_free);
      self->damage_all = TRUE;
      _tp_board_drop_tiles (self);
    }
  self->layout_dirty = TRUE;

  if (kind == TP_CHANGE_REMOVED && id != NULL)
    {
      /* Someone else (an undo, the inspector) removed the note being edited; the
       * editor's own commits remove notes on purpose and say so with ending_edit. */
      if (g_strcmp0 (id, self->edit_id) == 0 && !self->ending_edit)
        _tp_board_end_edit (self, FALSE);
      if (self->focus == TP_BOARD_FOCUS_NOTE && g_strcmp0 (id, self->focus_note) == 0)
        _tp_board_focus_block (self, self->focus_container);
      if (g_strcmp0 (id, self->hover_id) == 0)
        g_clear_pointer (&self->hover_id, g_free);
      if (g_strcmp0 (id, self->hover_link) == 0)
        g_clear_pointer (&self->hover_link, g_free);
      if (g_strcmp0 (id, self->handle_id) == 0)
        g_clear_pointer (&self->handle_id, g_free);
      if (g_strcmp0 (id, self->link_source) == 0 || g_strcmp0 (id, self->link_target) == 0)
        _tp_board_pointer_cancelled (self);
      if (g_strcmp0 (id, self->press_id) == 0 || g_strcmp0 (id, self->drop_stage) == 0)
        _tp_board_pointer_cancelled (self);
      /* A selection never names what is gone; undo and redo choose a new one. The
       * keyboard focus stays where it is meanwhile. */
      self->pruning_selection = TRUE;
      tp_selection_remove (self->selection, id);
      self->pruning_selection = FALSE;
    }
  _tp_board_journey_document_changed (self, kind, id);

  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  _tp_board_update_actions (self);
}

/* GtkWidget */

static void
on_adjustment_value_changed (GtkAdjustment *adjustment,
                             TpBoard       *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (TpBoard        *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment,
                GParamSpec     *pspec)
{
  if (adjustment != NULL && *slot == adjustment)
    return;

  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed, self);
      g_object_unref (*slot);
    }
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (on_adjustment_value_changed), self);

  if (self->hadjustment != NULL && self->vadjustment != NULL)
    configure_adjustments (self, gtk_adjustment_get_value (self->hadjustment),
                           gtk_adjustment_get_value (self->vadjustment));
  if (pspec != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

/* A region with its title, which belongs to it on screen. */
static gboolean
get_region_rect (TpBoard  *self,
                 TpRegion  region,
                 TpRect   *rect)
{
  TpRect title;

  if (!tp_layout_get_region (self->layout, region, rect))
    return FALSE;

  if (tp_layout_get_region_title (self->layout, region, &title))
    {
      double bottom = rect->y + rect->height;

      rect->y = MIN (rect->y, title.y);
      rect->height = bottom - rect->y;
    }

  /* The journey's "+" belongs to it too: it is how the journey grows. */
  if (region == TP_REGION_JOURNEY && _tp_board_get_add_stage_rect (self, &title))
    rect->width = MAX (rect->width, title.x + title.width - rect->x);

  return TRUE;
}

/* The view asked for before the board had a size: by default the canvas, where a
 * workshop starts and the keyboard contract is about. */
static void
choose_first_view (TpBoard *self)
{
  TpRect rect;

  if (self->pending_region < TP_N_REGIONS &&
      get_region_rect (self, self->pending_region, &rect))
    {
      if (self->pending_region != TP_REGION_JOURNEY || !zoom_to_strip (self, &rect))
        zoom_to_region_rect (self, &rect);
    }
  else
    zoom_to_rect (self, &self->bounds);
}

static void
tp_board_size_allocate (GtkWidget *widget,
                        int        width,
                        int        height,
                        int        baseline)
{
  TpBoard *self = TP_BOARD (widget);

  _tp_board_ensure_layout (self);

  if (self->view_pending && self->document != NULL && width > 0 && height > 0)
    {
      self->view_pending = FALSE;
      choose_first_view (self);
    }
  else
    {
      configure_adjustments (self, gtk_adjustment_get_value (self->hadjustment),
                             gtk_adjustment_get_value (self->vadjustment));
    }

  _tp_board_allocate_editor (self);

  /* A widget that parents popovers must present them in its own allocation (as
   * GtkMenuButton does): only that sizes the popover's surface again. Without it a menu
   * could keep the size of one shown before (measured: 284 px high for a natural 310)
   * and its scrolled window hid the last item. */
  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
  if (self->link_picker != NULL)
    gtk_popover_present (GTK_POPOVER (self->link_picker));
}

static void
tp_board_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  /* A view of a board, not a board's size: it scrolls whatever room it gets. */
  *minimum = 64;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 960 : 640;
}

static void
tp_board_state_flags_changed (GtkWidget     *widget,
                              GtkStateFlags  previous)
{
  GtkStateFlags now = gtk_widget_get_state_flags (widget);

  /* The focus ring follows the keyboard focus. */
  if ((now ^ previous) & (GTK_STATE_FLAG_FOCUSED | GTK_STATE_FLAG_FOCUS_VISIBLE |
                          GTK_STATE_FLAG_FOCUS_WITHIN))
    gtk_widget_queue_draw (widget);

  /* Space released elsewhere never reaches the board: without the keyboard, it is up. */
  if (!(now & GTK_STATE_FLAG_FOCUS_WITHIN) && TP_BOARD (widget)->space_held)
    _tp_board_key_released (TP_BOARD (widget), GDK_KEY_space, 0);

  GTK_WIDGET_CLASS (tp_board_parent_class)->state_flags_changed (widget, previous);
}

static void
tp_board_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (tp_board_parent_class)->root (widget);

  /* Tiles are painted for one scale factor. */
  _tp_board_drop_tiles (TP_BOARD (widget));
}

/* GObject */

static void
tp_board_dispose (GObject *object)
{
  TpBoard *self = (TpBoard *) object;

  /* Text typed and not yet committed is the user's: keep it. */
  _tp_board_end_edit (self, TRUE);
  _tp_board_edit_dispose (self);
  _tp_board_draw_dispose (self);
  g_clear_pointer (&self->damage, tp_layout_damage_free);
  _tp_board_links_dispose (self);
  _tp_board_menu_dispose (self);
  _tp_board_find_dispose (self);
  _tp_board_vote_dispose (self);
  g_clear_handle_id (&self->settle_id, g_source_remove);

  if (self->document != NULL)
    g_clear_signal_handler (&self->document_changed_id, self->document);
  g_clear_object (&self->document);
  if (self->selection != NULL)
    g_clear_signal_handler (&self->selection_changed_id, self->selection);
  g_clear_object (&self->selection);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_value_changed, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_value_changed, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (tp_board_parent_class)->dispose (object);
}

static void
tp_board_finalize (GObject *object)
{
  TpBoard *self = (TpBoard *) object;

  g_clear_pointer (&self->layout, tp_layout_free);
  g_clear_pointer (&self->selected, g_hash_table_unref);
  g_clear_pointer (&self->focus_note, g_free);
  g_clear_pointer (&self->focus_stage, g_free);
  g_clear_pointer (&self->focus_touchpoint, g_free);
  g_clear_pointer (&self->hover_id, g_free);
  g_clear_pointer (&self->press_id, g_free);
  g_clear_pointer (&self->drop_stage, g_free);
  g_clear_pointer (&self->rubber_base, g_strfreev);
  g_clear_pointer (&self->drag_ids, g_ptr_array_unref);
  g_clear_object (&self->drag_ghost);

  G_OBJECT_CLASS (tp_board_parent_class)->finalize (object);
}

static void
tp_board_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  TpBoard *self = TP_BOARD (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_FOCUS_LINKS:
      g_value_set_boolean (value, self->focus_links);
      break;

    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_board_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  TpBoard *self = TP_BOARD (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      tp_board_set_document (self, g_value_get_object (value));
      break;

    case PROP_SELECTION:
      tp_board_set_selection (self, g_value_get_object (value));
      break;

    case PROP_ZOOM:
      tp_board_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_FOCUS_LINKS:
      tp_board_set_focus_links (self, g_value_get_boolean (value));
      break;

    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value), pspec);
      break;

    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value), pspec);
      break;

    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_board_class_init (TpBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_board_dispose;
  object_class->finalize = tp_board_finalize;
  object_class->get_property = tp_board_get_property;
  object_class->set_property = tp_board_set_property;

  widget_class->measure = tp_board_measure;
  widget_class->size_allocate = tp_board_size_allocate;
  widget_class->snapshot = _tp_board_snapshot;
  widget_class->state_flags_changed = tp_board_state_flags_changed;
  widget_class->root = tp_board_root;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, TP_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, TP_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, TP_BOARD_ZOOM_MIN, TP_BOARD_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FOCUS_LINKS] =
    g_param_spec_boolean ("focus-links", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_css_name (widget_class, "board");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  _tp_board_class_init_actions (widget_class);
  _tp_board_links_class_init (widget_class);
  _tp_board_menu_class_init (widget_class);
}

static void
tp_board_init (TpBoard *self)
{
  self->zoom = 1.0;
  self->layout = tp_layout_new ();
  self->selected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->tiles_zoom = 1.0;

  set_adjustment (self, &self->hadjustment, NULL, NULL);
  set_adjustment (self, &self->vadjustment, NULL, NULL);

  self->selection = tp_selection_new ();
  self->selection_changed_id = g_signal_connect (self->selection, "changed",
                                                 G_CALLBACK (on_selection_changed), self);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  _tp_board_input_init (self);
  _tp_board_keyboard_init (self);
  _tp_board_edit_init (self);
  _tp_board_journey_init (self);
  _tp_board_draw_init (self);
  _tp_board_update_actions (self);
  _tp_board_update_accessible (self);
}

/* Public API */

GtkWidget *
tp_board_new (void)
{
  return g_object_new (TP_TYPE_BOARD, NULL);
}

void
tp_board_set_document (TpBoard    *self,
                       TpDocument *document)
{
  g_return_if_fail (TP_IS_BOARD (self));
  g_return_if_fail (document == NULL || TP_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  /* What was typed belongs to the document it was typed into. */
  _tp_board_end_edit (self, TRUE);
  _tp_board_pointer_cancelled (self);

  if (self->document != NULL)
    g_clear_signal_handler (&self->document_changed_id, self->document);
  g_set_object (&self->document, document);
  if (document != NULL)
    self->document_changed_id = g_signal_connect (document, "changed",
                                                  G_CALLBACK (on_document_changed), self);

  /* Expanded blocks are view state of one document. */
  g_clear_pointer (&self->layout, tp_layout_free);
  g_clear_pointer (&self->damage, tp_layout_damage_free);
  self->damage_all = FALSE;
  self->layout = tp_layout_new ();
  tp_layout_set_theme (self->layout, self->theme);
  self->layout_dirty = TRUE;
  self->bounds = (TpRect) { 0, 0, 0, 0 };
  self->view_pending = TRUE;
  self->pending_region = TP_REGION_CANVAS;
  self->focus = TP_BOARD_FOCUS_NONE;
  g_clear_pointer (&self->focus_note, g_free);
  g_clear_pointer (&self->focus_stage, g_free);
  g_clear_pointer (&self->focus_touchpoint, g_free);
  g_clear_pointer (&self->hover_id, g_free);
  g_clear_pointer (&self->hover_link, g_free);
  g_clear_pointer (&self->handle_id, g_free);
  _tp_board_dismiss_link_picker (self);
  self->hover_kind = TP_HIT_NONE;
  self->hover_add_stage = FALSE;
  tp_selection_clear (self->selection);

  _tp_board_drop_tiles (self);
  _tp_board_ensure_layout (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  _tp_board_update_actions (self);
  _tp_board_update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

TpDocument *
tp_board_get_document (TpBoard *self)
{
  g_return_val_if_fail (TP_IS_BOARD (self), NULL);

  return self->document;
}

void
tp_board_set_selection (TpBoard     *self,
                        TpSelection *selection)
{
  g_return_if_fail (TP_IS_BOARD (self));
  g_return_if_fail (selection == NULL || TP_IS_SELECTION (selection));

  if (self->selection == selection)
    return;

  g_clear_signal_handler (&self->selection_changed_id, self->selection);
  g_clear_object (&self->selection);
  /* The board always has a selection: NULL gives it a fresh one of its own. */
  self->selection = selection != NULL ? g_object_ref (selection) : tp_selection_new ();
  self->selection_changed_id = g_signal_connect (self->selection, "changed",
                                                 G_CALLBACK (on_selection_changed), self);
  on_selection_changed (self->selection, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

TpSelection *
tp_board_get_selection (TpBoard *self)
{
  g_return_val_if_fail (TP_IS_BOARD (self), NULL);

  return self->selection;
}

double
tp_board_get_zoom (TpBoard *self)
{
  g_return_val_if_fail (TP_IS_BOARD (self), 1.0);

  return self->zoom;
}

void
tp_board_set_zoom (TpBoard *self,
                   double   zoom)
{
  g_return_if_fail (TP_IS_BOARD (self));

  /* A zoom asked for before the board has a size replaces the first view. */
  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    self->view_pending = FALSE;

  _tp_board_zoom_about (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                        gtk_widget_get_height (GTK_WIDGET (self)) / 2.0, FALSE);
}

void
tp_board_zoom_at (TpBoard *self,
                  double   zoom,
                  double   x,
                  double   y)
{
  g_return_if_fail (TP_IS_BOARD (self));

  _tp_board_zoom_about (self, zoom, x, y, FALSE);
}

void
tp_board_zoom_to_fit (TpBoard *self)
{
  g_return_if_fail (TP_IS_BOARD (self));

  _tp_board_ensure_layout (self);
  if (zoom_to_rect (self, &self->bounds))
    self->view_pending = FALSE;
  else if (self->document != NULL)
    {
      self->view_pending = TRUE;
      self->pending_region = TP_N_REGIONS;
    }
}

void
tp_board_zoom_to_region (TpBoard  *self,
                         TpRegion  region)
{
  TpRect rect;

  g_return_if_fail (TP_IS_BOARD (self));
  g_return_if_fail (region < TP_N_REGIONS);

  _tp_board_ensure_layout (self);
  if (!get_region_rect (self, region, &rect))
    return;

  if ((region == TP_REGION_JOURNEY && zoom_to_strip (self, &rect)) ||
      zoom_to_region_rect (self, &rect))
    self->view_pending = FALSE;
  else if (self->document != NULL)
    {
      self->view_pending = TRUE;
      self->pending_region = region;
    }
}

gboolean
tp_board_get_editing (TpBoard *self)
{
  g_return_val_if_fail (TP_IS_BOARD (self), FALSE);

  return _tp_board_is_editing (self);
}

void
tp_board_commit_editing (TpBoard *self)
{
  g_return_if_fail (TP_IS_BOARD (self));

  _tp_board_end_edit (self, TRUE);
}
