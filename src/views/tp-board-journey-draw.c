/* tp-board-journey-draw.c: the journey's overlays: hover, selection and focus on cards
 * and stage headers, touchpoints and stages being dragged, a name being edited, and the
 * "+" that adds a stage.
 *
 * Like the canvas's overlays (tp-board-draw.c), these are cheap render nodes drawn over
 * the painted tiles every frame, never part of the renderer's drawing: exports show the
 * journey, not the view's feedback on it. A stage being dragged is painted once, when
 * it is lifted, and its texture follows the pointer.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "render/tp-painter.h"
#include "tp-board-private.h"

/* The most cards a drag ghost paints; more are moved all the same. */
#define MAX_GHOSTS       24
/* A lifted stage is painted at most this many pixels on its longer side (a tall stage
 * at 400 % would take hundreds of megabytes at full size). */
#define MAX_GHOST_PIXELS 4096.0

static double
card_radius (TpBoard *self)
{
  return tp_layout_get_theme (self->layout)->card_radius * self->zoom;
}

static gboolean
card_rect (TpBoard         *self,
           const char      *id,
           graphene_rect_t *rect)
{
  TpTouchpointInfo info;

  if (id == NULL || !tp_layout_get_touchpoint (self->layout, id, &info))
    return FALSE;

  _tp_board_rect_to_widget (self, &info.card, rect);
  return TRUE;
}

static gboolean
header_rect (TpBoard         *self,
             const char      *id,
             graphene_rect_t *rect)
{
  TpStageInfo info;

  if (id == NULL || !tp_layout_get_stage (self->layout, id, &info))
    return FALSE;

  _tp_board_rect_to_widget (self, &info.header, rect);
  return TRUE;
}

static gboolean
is_dragged (TpBoard    *self,
            const char *id)
{
  return (self->drag == TP_BOARD_DRAG_TOUCHPOINTS || self->drag == TP_BOARD_DRAG_STAGE) &&
         self->drag_ids != NULL &&
         g_ptr_array_find_with_equal_func (self->drag_ids, id, g_str_equal, NULL);
}

/* The "+" */

void
_tp_board_snapshot_add_stage (TpBoard     *self,
                              GtkSnapshot *snapshot)
{
  const TpTheme *theme = tp_layout_get_theme (self->layout);
  gboolean hover = self->hover_add_stage &&
                   (self->drag == TP_BOARD_DRAG_NONE || self->drag == TP_BOARD_DRAG_PENDING);
  GdkRGBA fill, line, ink, shadow;
  graphene_rect_t r;
  GskRoundedRect disc;
  TpRect rect, visible;
  double arm, thickness, cx, cy;

  if (_tp_board_is_editing (self) || !_tp_board_get_add_stage_rect (self, &rect))
    return;
  _tp_board_get_visible (self, &visible);
  if (!tp_rect_intersects (&rect, &visible))
    return;

  /* A round button in the board's own colours, which takes the accent under the
   * pointer: a view's affordance, never painted into exports. */
  _tp_board_rect_to_widget (self, &rect, &r);
  gsk_rounded_rect_init_from_rect (&disc, &r, r.size.width / 2);
  _tp_board_colour_to_rgba (&theme->shadow, 1, &shadow);
  gtk_snapshot_append_outset_shadow (snapshot, &disc, &shadow, 0, MAX (1, self->zoom), 0,
                                     MAX (1, 3 * self->zoom));
  _tp_board_colour_to_rgba (&theme->panel, 1, &fill);
  _tp_board_append_rounded_fill (snapshot, &r, r.size.width / 2, &fill);
  if (hover)
    {
      _tp_board_accent (0.1, &fill);
      _tp_board_append_rounded_fill (snapshot, &r, r.size.width / 2, &fill);
      _tp_board_accent (1.0, &line);
      _tp_board_accent (1.0, &ink);
    }
  else
    {
      _tp_board_colour_to_rgba (&theme->panel_border, 1, &line);
      _tp_board_colour_to_rgba (&theme->hint, 1, &ink);
    }
  _tp_board_append_outline (snapshot, &r, r.size.width / 2, -1.5, 1.5, &line);

  /* The plus, as two bars: no glyph to depend on, sharp at every zoom. */
  arm = r.size.width * 0.22;
  thickness = MAX (1.5, r.size.width * 0.06);
  cx = r.origin.x + r.size.width / 2;
  cy = r.origin.y + r.size.height / 2;
  _tp_board_append_rounded_fill (snapshot, &GRAPHENE_RECT_INIT (cx - arm, cy - thickness / 2,
                                                                2 * arm, thickness),
                                 thickness / 2, &ink);
  _tp_board_append_rounded_fill (snapshot, &GRAPHENE_RECT_INIT (cx - thickness / 2, cy - arm,
                                                                thickness, 2 * arm),
                                 thickness / 2, &ink);
}

/* Hover, selection and focus */

void
_tp_board_snapshot_journey_hover (TpBoard     *self,
                                  GtkSnapshot *snapshot)
{
  graphene_rect_t rect;
  GdkRGBA colour;

  if ((self->drag != TP_BOARD_DRAG_NONE && self->drag != TP_BOARD_DRAG_PENDING) ||
      self->hover_id == NULL || g_hash_table_contains (self->selected, self->hover_id) ||
      g_strcmp0 (self->hover_id, self->edit_id) == 0)
    return;

  _tp_board_accent (0.55, &colour);
  if ((self->hover_kind == TP_HIT_TOUCHPOINT && card_rect (self, self->hover_id, &rect)) ||
      (self->hover_kind == TP_HIT_STAGE && header_rect (self, self->hover_id, &rect)))
    _tp_board_append_outline (snapshot, &rect, card_radius (self), 1, 1, &colour);
}

void
_tp_board_snapshot_journey_selection (TpBoard     *self,
                                      GtkSnapshot *snapshot)
{
  g_autoptr(GPtrArray) ids = NULL;
  GdkRGBA colour, wash, edge;
  TpRect visible;

  if (g_hash_table_size (self->selected) == 0)
    return;

  _tp_board_accent (1.0, &colour);
  _tp_board_accent (0.05, &wash);
  _tp_board_accent (0.35, &edge);
  _tp_board_get_visible (self, &visible);
  ids = g_ptr_array_new ();

  /* A selected stage: its header outlined, and its whole column, which goes with it
   * when it is moved or deleted, washed with the accent. */
  tp_layout_query_stages (self->layout, &visible, ids);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      graphene_rect_t rect;
      TpStageInfo info;

      /* A stage being renamed shows the editor's outline instead (and no wash, which
       * would set its tint apart from the name's). */
      if (!g_hash_table_contains (self->selected, id) || is_dragged (self, id) ||
          g_strcmp0 (id, self->edit_id) == 0 || !tp_layout_get_stage (self->layout, id, &info))
        continue;

      _tp_board_rect_to_widget (self, &info.column, &rect);
      _tp_board_append_rounded_fill (snapshot, &rect, card_radius (self), &wash);
      _tp_board_append_outline (snapshot, &rect, card_radius (self), 2, 1, &edge);
      _tp_board_rect_to_widget (self, &info.header, &rect);
      _tp_board_append_outline (snapshot, &rect, card_radius (self), 1, 2, &colour);
    }

  g_ptr_array_set_size (ids, 0);
  tp_layout_query_touchpoints (self->layout, &visible, ids);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      graphene_rect_t rect;

      if (!g_hash_table_contains (self->selected, id) || is_dragged (self, id) ||
          g_strcmp0 (id, self->edit_id) == 0 || !card_rect (self, id, &rect))
        continue;

      /* Two screen pixels at any zoom, just clear of the card's edge, as for notes. */
      _tp_board_append_outline (snapshot, &rect, card_radius (self), 1, 2, &colour);
    }
}

void
_tp_board_snapshot_journey_focus (TpBoard     *self,
                                  GtkSnapshot *snapshot)
{
  GtkWidget *widget = (GtkWidget *) self;
  gboolean visible = (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_FOCUS_VISIBLE) != 0;
  graphene_rect_t rect;
  GdkRGBA colour;

  if (!gtk_widget_has_focus (widget) || _tp_board_is_editing (self) ||
      self->drag == TP_BOARD_DRAG_STAGE)
    return;

  if (self->focus == TP_BOARD_FOCUS_STAGE && header_rect (self, self->focus_stage, &rect))
    {
      /* An unselected stage under the keyboard has no other mark, like a block: its
       * ring always shows. A selected one has its outline; the ring goes outside it. */
      if (!g_hash_table_contains (self->selected, self->focus_stage))
        {
          _tp_board_accent (0.8, &colour);
          _tp_board_append_outline (snapshot, &rect, card_radius (self), 1, 2, &colour);
        }
      else if (visible)
        {
          _tp_board_accent (0.5, &colour);
          _tp_board_append_outline (snapshot, &rect, card_radius (self), 4, 2, &colour);
        }
    }
  else if (self->focus == TP_BOARD_FOCUS_TOUCHPOINT && visible &&
           !is_dragged (self, self->focus_touchpoint) &&
           card_rect (self, self->focus_touchpoint, &rect))
    {
      _tp_board_accent (0.5, &colour);
      _tp_board_append_outline (snapshot, &rect, card_radius (self), 4, 2, &colour);
    }
}

/* Dragging */

void
_tp_board_lift_stage (TpBoard    *self,
                      const char *id)
{
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  TpPaintOptions options;
  TpStageInfo info;
  double scale;
  int width, height;
  cairo_t *cr;

  g_clear_object (&self->drag_ghost);
  if (!tp_layout_get_stage (self->layout, id, &info))
    return;

  scale = self->zoom * scale_factor;
  scale = MIN (scale, MAX_GHOST_PIXELS / MAX (info.column.width, info.column.height));
  width = MAX (1, (int) ceil (info.column.width * scale));
  height = MAX (1, (int) ceil (info.column.height * scale));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -info.column.x, -info.column.y);
  cairo_rectangle (cr, info.column.x, info.column.y, info.column.width, info.column.height);
  cairo_clip (cr);
  tp_paint_options_init (&options);
  options.screen = TRUE;
  options.visible = info.column;
  tp_paint_board (cr, self->layout, self->document, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  /* The texture reads the surface's pixels in place; the bytes keep the surface. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  self->drag_ghost = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                             cairo_image_surface_get_stride (surface));
  self->drag_ghost_rect = info.column;
}

static void
snapshot_stage_drag (TpBoard     *self,
                     GtkSnapshot *snapshot)
{
  const TpTheme *theme = tp_layout_get_theme (self->layout);
  graphene_rect_t rect;
  GskRoundedRect shape;
  GdkRGBA veil, shadow;
  TpRect moved;

  /* The stage's place, veiled: lifted, not yet moved. */
  _tp_board_rect_to_widget (self, &self->drag_ghost_rect, &rect);
  _tp_board_colour_to_rgba (&theme->panel, 0.75, &veil);
  _tp_board_append_rounded_fill (snapshot, &rect, card_radius (self), &veil);

  if (self->drag_ghost == NULL)
    {
      _tp_board_append_drop_indicator (self, snapshot);
      return;
    }

  /* The column itself under the pointer, raised on a shadow. */
  moved = self->drag_ghost_rect;
  moved.x += self->drag_dx;
  _tp_board_rect_to_widget (self, &moved, &rect);
  gsk_rounded_rect_init_from_rect (&shape, &rect, card_radius (self));
  _tp_board_colour_to_rgba (&theme->shadow, 2.5, &shadow);
  gtk_snapshot_append_outset_shadow (snapshot, &shape, &shadow, 0, 4, 0, 14);
  gtk_snapshot_push_opacity (snapshot, 0.94);
  gtk_snapshot_push_rounded_clip (snapshot, &shape);
  gtk_snapshot_append_texture (snapshot, self->drag_ghost, &rect);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_pop (snapshot);

  /* Over the ghost: the ghost is as wide as a stage, and would hide where it goes. */
  _tp_board_append_drop_indicator (self, snapshot);
}

void
_tp_board_snapshot_journey_drag (TpBoard     *self,
                                 GtkSnapshot *snapshot)
{
  const TpTheme *theme = tp_layout_get_theme (self->layout);
  TpPaintOptions options;
  GdkRGBA veil;
  guint n;

  if (self->drag == TP_BOARD_DRAG_STAGE)
    {
      snapshot_stage_drag (self, snapshot);
      return;
    }
  if (self->drag != TP_BOARD_DRAG_TOUCHPOINTS || self->drag_ids == NULL)
    return;

  /* The touchpoints' cells, veiled: every row of a touchpoint goes where it goes (the
   * stage's own KPIs, across the top of the KPI row, stay). */
  _tp_board_colour_to_rgba (&theme->panel, 0.7, &veil);
  for (guint i = 0; i < self->drag_ids->len; i++)
    {
      TpTouchpointInfo info;

      if (!tp_layout_get_touchpoint (self->layout, g_ptr_array_index (self->drag_ids, i), &info))
        continue;
      for (guint r = 0; r < TP_N_JOURNEY_ROWS; r++)
        {
          graphene_rect_t rect;

          _tp_board_rect_to_widget (self, &info.cells[r], &rect);
          gtk_snapshot_append_color (snapshot, &veil, &rect);
        }
    }

  /* The ghost: the cards themselves, as the renderer paints them, under the pointer. */
  tp_paint_options_init (&options);
  options.screen = TRUE;
  n = MIN (self->drag_ids->len, MAX_GHOSTS);
  gtk_snapshot_push_opacity (snapshot, 0.9);
  for (guint i = 0; i < n; i++)
    {
      const char *id = g_ptr_array_index (self->drag_ids, i);
      TpTouchpointInfo info;
      graphene_rect_t rect;
      TpRect moved;
      double x, y;
      cairo_t *cr;

      if (!tp_layout_get_touchpoint (self->layout, id, &info))
        continue;

      moved = info.card;
      moved.x += self->drag_dx;
      moved.y += self->drag_dy + self->drag_ghost_dy;
      _tp_board_rect_to_widget (self, &moved, &rect);
      graphene_rect_inset (&rect, -8, -8);  /* room for the shadow */
      cr = gtk_snapshot_append_cairo (snapshot, &rect);
      tp_board_board_to_widget (self, self->drag_dx, self->drag_dy + self->drag_ghost_dy, &x, &y);
      cairo_translate (cr, x, y);
      cairo_scale (cr, self->zoom, self->zoom);
      tp_paint_touchpoint_card (cr, self->layout, self->document, id, &options);
      cairo_destroy (cr);
    }
  gtk_snapshot_pop (snapshot);

  _tp_board_append_drop_indicator (self, snapshot);
}

/* Editing a name */

void
_tp_board_snapshot_journey_edit (TpBoard     *self,
                                 GtkSnapshot *snapshot)
{
  const TpTheme *theme = tp_layout_get_theme (self->layout);
  GdkRGBA tint, body, colour;
  graphene_rect_t rect;
  TpRect area, cover, shape;
  double radius = card_radius (self);

  if (!_tp_board_get_edit_rect (self, &area, &cover))
    return;

  /* The name sits on its stage's tint (a card's top band, a stage's header). */
  if (self->edit_kind == TP_ITEM_STAGE)
    {
      TpStageInfo info;

      if (!tp_layout_get_stage (self->layout, self->edit_id, &info))
        return;
      shape = info.header;
      _tp_board_colour_to_rgba (&theme->stage_tints[info.tint % TP_N_STAGE_TINTS], 1, &tint);
      body = tint;
    }
  else
    {
      TpTouchpointInfo card;
      TpStageInfo stage;

      if (!tp_layout_get_touchpoint (self->layout, self->edit_id, &card) ||
          !tp_layout_get_stage (self->layout, card.stage, &stage))
        return;
      shape = card.card;
      _tp_board_colour_to_rgba (&theme->stage_tints[stage.tint % TP_N_STAGE_TINTS], 1, &tint);
      _tp_board_colour_to_rgba (&theme->panel, 1, &body);
    }

  /* A name longer than the card or header holds: the shape grows down with it. */
  if (area.height > shape.height + 0.5)
    {
      TpRect grown = { area.x, shape.y + shape.height / 2, area.width,
                       area.height - shape.height / 2 };

      _tp_board_rect_to_widget (self, &grown, &rect);
      _tp_board_append_rounded_fill (snapshot, &rect, radius, &body);
    }

  /* The old name covered (a hair beyond its box, for its antialiased edges): the editor
   * above draws the new one in the same font, at the same place. */
  cover.x -= 1;
  cover.width += 2;
  _tp_board_rect_to_widget (self, &cover, &rect);
  _tp_board_append_rounded_fill (snapshot, &rect, 2 * self->zoom, &tint);

  _tp_board_rect_to_widget (self, &area, &rect);
  _tp_board_accent (1.0, &colour);
  _tp_board_append_outline (snapshot, &rect, radius, 1, 2, &colour);
}
