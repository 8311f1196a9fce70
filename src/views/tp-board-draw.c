/* tp-board-draw.c: painting the board: cached tiles of the renderer's drawing, then the
 * view's own overlays.
 *
 * Painting a screenful of notes costs tens of milliseconds (Pango draws every glyph),
 * far too much for every frame of a pan, a hover or a drag. So the board is painted
 * once per zoom into tiles: textures of TILE_SIZE × TILE_SIZE widget pixels, at the
 * widget's scale factor, kept while the document and the zoom stay the same. A frame
 * re-appends the tiles in view and draws the overlays (hover, selection, focus, rubber
 * band, drag ghost, drop indicator) with cheap render nodes. Panning paints only the
 * tiles that come into view, and an idle prefetch paints the ring around the view
 * before it is needed.
 *
 * While a wheel or pinch zoom is in progress the old tiles are scaled, which is cheap
 * but soft; once the zoom rests (tp-board.c's settle timeout) the tiles are painted
 * afresh at the new zoom, so text is sharp at every zoom. Textures rather than cairo
 * render nodes, because a cairo node is replayed whenever it is drawn at a new scale
 * (and on every frame by the software renderer): a texture is painted exactly once.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "render/tp-painter.h"
#include "tp-board-private.h"

/* Widget pixels a tile spans at the zoom it was painted at: a screen holds a dozen, so
 * a pan paints a few at a time, and a tile's own cost stays well under a frame. */
#define TILE_SIZE 512
/* The most notes a drag ghost paints; more are moved all the same. */
#define MAX_GHOSTS 24

typedef struct
{
  gint64           key;
  GdkTexture      *texture;
  cairo_surface_t *surface;  /* the texture's pixels, which its bytes own: read only */
} Tile;

static void
tile_free (gpointer data)
{
  Tile *tile = data;

  g_clear_object (&tile->texture);
  g_free (tile);
}

static gint64
tile_key (int column,
          int row)
{
  return (gint64) (((guint64) (guint32) column << 32) | (guint32) row);
}

static void
ensure_tiles (TpBoard *self)
{
  if (self->tiles == NULL)
    self->tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, tile_free);
}

void
_tp_board_drop_tiles (TpBoard *self)
{
  if (self->tiles != NULL)
    g_hash_table_remove_all (self->tiles);
  g_clear_handle_id (&self->prefetch_id, g_source_remove);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The board follows the window's style: dark chrome and a deeper palette on a dark
 * desktop, as the header and inspector around it are. Geometry does not change, so the
 * tiles are repainted but nothing is laid out again. */
static void
update_theme (TpBoard *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  const TpTheme *theme = adw_style_manager_get_dark (style) ? tp_theme_get_dark ()
                                                            : tp_theme_get_default ();

  if (self->theme == theme)
    return;
  self->theme = theme;
  tp_layout_set_theme (self->layout, theme);
  _tp_board_drop_tiles (self);
}

static void
on_dark_changed (TpBoard *self)
{
  update_theme (self);
}

void
_tp_board_draw_init (TpBoard *self)
{
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
  update_theme (self);
}

void
_tp_board_draw_dispose (TpBoard *self)
{
  g_clear_handle_id (&self->prefetch_id, g_source_remove);
  g_clear_pointer (&self->tiles, g_hash_table_unref);
}

void
_tp_board_colour_to_rgba (const TpColour *colour,
                          double          alpha,
                          GdkRGBA        *rgba)
{
  *rgba = (GdkRGBA) { colour->red, colour->green, colour->blue, colour->alpha * alpha };
}

void
_tp_board_accent (double   alpha,
                  GdkRGBA *rgba)
{
  *rgba = (GdkRGBA) { TP_BOARD_ACCENT_RED, TP_BOARD_ACCENT_GREEN, TP_BOARD_ACCENT_BLUE, alpha };
}

/* Board units and widget coordinates */

void
tp_board_widget_to_board (TpBoard *self,
                          double   wx,
                          double   wy,
                          double  *bx,
                          double  *by)
{
  GtkWidget *widget = (GtkWidget *) self;

  g_return_if_fail (TP_IS_BOARD (self));

  _tp_board_ensure_layout (self);
  if (bx != NULL)
    *bx = self->bounds.x + (gtk_adjustment_get_value (self->hadjustment) + wx
                            - _tp_board_centring (gtk_widget_get_width (widget),
                                                  self->bounds.width * self->zoom)) / self->zoom;
  if (by != NULL)
    *by = self->bounds.y + (gtk_adjustment_get_value (self->vadjustment) + wy
                            - _tp_board_centring (gtk_widget_get_height (widget),
                                                  self->bounds.height * self->zoom)) / self->zoom;
}

void
tp_board_board_to_widget (TpBoard *self,
                          double   bx,
                          double   by,
                          double  *wx,
                          double  *wy)
{
  GtkWidget *widget = (GtkWidget *) self;

  g_return_if_fail (TP_IS_BOARD (self));

  _tp_board_ensure_layout (self);
  if (wx != NULL)
    *wx = (bx - self->bounds.x) * self->zoom - gtk_adjustment_get_value (self->hadjustment)
          + _tp_board_centring (gtk_widget_get_width (widget), self->bounds.width * self->zoom);
  if (wy != NULL)
    *wy = (by - self->bounds.y) * self->zoom - gtk_adjustment_get_value (self->vadjustment)
          + _tp_board_centring (gtk_widget_get_height (widget), self->bounds.height * self->zoom);
}

void
_tp_board_rect_to_widget (TpBoard         *self,
                          const TpRect    *rect,
                          graphene_rect_t *out)
{
  double x, y;

  tp_board_board_to_widget (self, rect->x, rect->y, &x, &y);
  graphene_rect_init (out, x, y, rect->width * self->zoom, rect->height * self->zoom);
}

void
_tp_board_get_visible (TpBoard *self,
                       TpRect  *visible)
{
  double x, y;

  tp_board_widget_to_board (self, 0, 0, &x, &y);
  *visible = (TpRect) { x, y,
                        gtk_widget_get_width (GTK_WIDGET (self)) / self->zoom,
                        gtk_widget_get_height (GTK_WIDGET (self)) / self->zoom };
}

/* Tiles */

/* The board rect a tile covers. */
static TpRect
tile_area (TpBoard *self,
           int      column,
           int      row)
{
  double size = TILE_SIZE / self->tiles_zoom;

  return (TpRect) { column * size, row * size, size, size };
}

/* A tile's texture over surface's pixels, which it keeps. */
static Tile *
tile_new (int              column,
          int              row,
          cairo_surface_t *surface)
{
  int size = cairo_image_surface_get_height (surface);
  g_autoptr(GBytes) bytes = NULL;
  Tile *tile;

  /* The texture reads the surface's pixels in place; the bytes keep the surface. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * size,
                                      (GDestroyNotify) cairo_surface_destroy, surface);

  tile = g_new0 (Tile, 1);
  tile->key = tile_key (column, row);
  tile->surface = surface;
  tile->texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface), size,
                                          GDK_MEMORY_DEFAULT, bytes,
                                          cairo_image_surface_get_stride (surface));
  return tile;
}

/* How tile (column, row) of the board is painted: the transform from board units to its
 * pixels, and the options. */
static void
tile_paint_setup (TpBoard        *self,
                  int             column,
                  int             row,
                  cairo_matrix_t *matrix,
                  TpPaintOptions *options)
{
  double scale = self->tiles_zoom * self->tiles_scale;
  TpRect area = tile_area (self, column, row);

  cairo_matrix_init_scale (matrix, scale, scale);
  cairo_matrix_translate (matrix, -area.x, -area.y);
  tp_paint_options_init (options);
  options->screen = TRUE;
  options->visible = area;
}

/* After an edit whose damage is rects (tp-layout-damage.c): each kept tile that a rect
 * meets is painted again inside the rects alone, on a copy of its pixels (a texture
 * never changes), instead of whole: the rects are most often a block's part of a tile,
 * or a few links' segments. What is painted again is what a fresh paint gives, to the
 * byte (tp_paint_board_rects(); test-layout-incremental). */
void
_tp_board_repaint_tiles (TpBoard *self,
                         GArray  *rects)
{
  g_autoptr(GPtrArray) repainted = NULL;
  GHashTableIter iter;
  gpointer value;

  if (self->tiles == NULL || self->tiles_zoom <= 0 || rects->len == 0)
    return;

  repainted = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Tile *tile = value;
      int column = (int) (guint32) ((guint64) tile->key >> 32), row = (int) (guint32) tile->key;
      TpRect covered = tile_area (self, column, row);
      cairo_surface_t *surface;
      cairo_matrix_t matrix;
      TpPaintOptions options;
      gboolean meets = FALSE;

      for (guint i = 0; i < rects->len && !meets; i++)
        meets = tp_rect_intersects (&covered, &g_array_index (rects, TpRect, i));
      if (!meets)
        continue;

      tile_paint_setup (self, column, row, &matrix, &options);
      surface = tp_paint_tile_again (tile->surface, &matrix, self->layout, self->document,
                                     &options, (const TpRect *) rects->data, rects->len);
      g_ptr_array_add (repainted, tile_new (column, row, surface));
      g_hash_table_iter_remove (&iter);
    }
  for (guint i = 0; i < repainted->len; i++)
    {
      Tile *tile = g_ptr_array_index (repainted, i);

      g_hash_table_insert (self->tiles, &tile->key, tile);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static Tile *
paint_tile (TpBoard *self,
            int      column,
            int      row)
{
  int size = TILE_SIZE * self->tiles_scale;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr = cairo_create (surface);
  cairo_matrix_t matrix;
  TpPaintOptions options;
  Tile *tile;

  tile_paint_setup (self, column, row, &matrix, &options);
  cairo_set_matrix (cr, &matrix);
  tp_paint_board (cr, self->layout, self->document, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  tile = tile_new (column, row, surface);
  g_hash_table_insert (self->tiles, &tile->key, tile);
  return tile;
}

typedef struct
{
  double ox, oy;        /* where board point (0, 0) is, in widget pixels */
  double step;          /* a tile's size on screen */
  int    c0, c1, r0, r1; /* tiles in view, inclusive */
  int    bc0, bc1, br0, br1; /* tiles the board covers */
} TileView;

static void
get_tile_view (TpBoard  *self,
               gboolean  snap,
               TileView *view)
{
  GtkWidget *widget = (GtkWidget *) self;
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  double per_unit = self->tiles_zoom / TILE_SIZE;  /* tiles per board unit */

  tp_board_board_to_widget (self, 0, 0, &view->ox, &view->oy);
  /* At rest every texel lands on a device pixel: nothing is resampled, text is sharp. */
  if (snap)
    {
      view->ox = round (view->ox * self->tiles_scale) / self->tiles_scale;
      view->oy = round (view->oy * self->tiles_scale) / self->tiles_scale;
    }
  view->step = TILE_SIZE * self->zoom / self->tiles_zoom;

  view->c0 = (int) floor (-view->ox / view->step);
  view->c1 = (int) floor ((width - view->ox) / view->step);
  view->r0 = (int) floor (-view->oy / view->step);
  view->r1 = (int) floor ((height - view->oy) / view->step);

  view->bc0 = (int) floor (self->bounds.x * per_unit);
  view->bc1 = (int) ceil ((self->bounds.x + self->bounds.width) * per_unit) - 1;
  view->br0 = (int) floor (self->bounds.y * per_unit);
  view->br1 = (int) ceil ((self->bounds.y + self->bounds.height) * per_unit) - 1;
}

static gboolean
prefetch_one (gpointer data)
{
  TpBoard *self = data;
  TileView view;

  if (self->document == NULL || self->tiles == NULL || self->layout_dirty ||
      self->tiles_zoom != self->zoom)
    {
      self->prefetch_id = 0;
      return G_SOURCE_REMOVE;
    }

  /* One tile of the ring just outside the view per idle turn, so input never waits. */
  get_tile_view (self, TRUE, &view);
  for (int r = MAX (view.r0 - 1, view.br0); r <= MIN (view.r1 + 1, view.br1); r++)
    for (int c = MAX (view.c0 - 1, view.bc0); c <= MIN (view.c1 + 1, view.bc1); c++)
      {
        gint64 key = tile_key (c, r);

        if (!g_hash_table_contains (self->tiles, &key))
          {
            paint_tile (self, c, r);
            return G_SOURCE_CONTINUE;
          }
      }

  self->prefetch_id = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
tile_is_far (gpointer key,
             gpointer value,
             gpointer user_data)
{
  const TileView *view = user_data;
  gint64 k = *(gint64 *) key;
  int column = (int) (k >> 32), row = (int) (guint32) k;

  return column < view->c0 - 2 || column > view->c1 + 2 ||
         row < view->r0 - 2 || row > view->r1 + 2;
}

static void
snapshot_tiles (TpBoard     *self,
                GtkSnapshot *snapshot)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  gboolean settling;
  TileView view;

  ensure_tiles (self);

  /* While a zoom settles, what was painted is scaled; nothing new is painted. */
  settling = _tp_board_zoom_is_settling (self) && scale == self->tiles_scale &&
             g_hash_table_size (self->tiles) > 0;
  if (!settling && (self->tiles_zoom != self->zoom || self->tiles_scale != scale))
    {
      g_hash_table_remove_all (self->tiles);
      self->tiles_zoom = self->zoom;
      self->tiles_scale = scale;
    }

  get_tile_view (self, !settling, &view);

  for (int r = MAX (view.r0, view.br0); r <= MIN (view.r1, view.br1); r++)
    for (int c = MAX (view.c0, view.bc0); c <= MIN (view.c1, view.bc1); c++)
      {
        gint64 key = tile_key (c, r);
        Tile *tile = g_hash_table_lookup (self->tiles, &key);

        if (tile == NULL && !settling)
          tile = paint_tile (self, c, r);
        if (tile != NULL)
          gtk_snapshot_append_texture (snapshot, tile->texture,
                                       &GRAPHENE_RECT_INIT (view.ox + c * view.step,
                                                            view.oy + r * view.step,
                                                            view.step, view.step));
      }

  if (settling)
    return;

  /* Keep the view and a ring around it; the rest would only hold memory. */
  g_hash_table_foreach_remove (self->tiles, tile_is_far, &view);
  if (self->prefetch_id == 0)
    self->prefetch_id = g_idle_add_full (G_PRIORITY_LOW, prefetch_one, self, NULL);
}

/* Overlays */

/* A line of width around rect, gap outside it, following its rounded corners. */
void
_tp_board_append_outline (GtkSnapshot           *snapshot,
                          const graphene_rect_t *rect,
                          double                 radius,
                          double                 gap,
                          double                 width,
                          const GdkRGBA         *colour)
{
  GskRoundedRect outline;
  graphene_rect_t r;
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colours[4] = { *colour, *colour, *colour, *colour };

  graphene_rect_inset_r (rect, -(gap + width), -(gap + width), &r);
  gsk_rounded_rect_init_from_rect (&outline, &r, radius + gap + width);
  gtk_snapshot_append_border (snapshot, &outline, widths, colours);
}

void
_tp_board_append_rounded_fill (GtkSnapshot           *snapshot,
                               const graphene_rect_t *rect,
                               double                 radius,
                               const GdkRGBA         *colour)
{
  GskRoundedRect shape;

  gsk_rounded_rect_init_from_rect (&shape, rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &shape);
  gtk_snapshot_append_color (snapshot, colour, rect);
  gtk_snapshot_pop (snapshot);
}

static gboolean
note_widget_rect (TpBoard         *self,
                  const char      *id,
                  graphene_rect_t *rect,
                  double          *radius)
{
  TpNoteInfo info;

  if (id == NULL || !tp_layout_get_note (self->layout, id, &info) || !info.visible)
    return FALSE;

  _tp_board_rect_to_widget (self, &info.rect, rect);
  if (radius != NULL)
    *radius = tp_layout_get_theme (self->layout)->note_radius * info.scale * self->zoom;

  return TRUE;
}

static gboolean
is_dragged (TpBoard    *self,
            const char *id)
{
  return self->drag == TP_BOARD_DRAG_MOVE && self->drag_ids != NULL &&
         g_ptr_array_find_with_equal_func (self->drag_ids, id, g_str_equal, NULL);
}

static void
snapshot_selection (TpBoard     *self,
                    GtkSnapshot *snapshot)
{
  g_autoptr(GPtrArray) visible_ids = NULL;
  GdkRGBA colour;
  TpRect visible;

  if (g_hash_table_size (self->selected) == 0)
    return;

  _tp_board_accent (1.0, &colour);
  _tp_board_get_visible (self, &visible);
  visible_ids = g_ptr_array_new ();
  tp_layout_query_notes (self->layout, &visible, visible_ids);

  for (guint i = 0; i < visible_ids->len; i++)
    {
      const char *id = g_ptr_array_index (visible_ids, i);
      graphene_rect_t rect;
      double radius;

      if (!g_hash_table_contains (self->selected, id) || is_dragged (self, id) ||
          g_strcmp0 (id, self->edit_id) == 0 || !note_widget_rect (self, id, &rect, &radius))
        continue;

      /* Two screen pixels at any zoom, just clear of the note's edge. */
      _tp_board_append_outline (snapshot, &rect, radius, 1, 2, &colour);
    }
}

static void
snapshot_hover (TpBoard     *self,
                GtkSnapshot *snapshot)
{
  graphene_rect_t rect;
  GdkRGBA colour;
  double radius;

  if (self->drag != TP_BOARD_DRAG_NONE && self->drag != TP_BOARD_DRAG_PENDING)
    return;

  _tp_board_accent (0.55, &colour);
  if (self->hover_kind == TP_HIT_NOTE && self->hover_id != NULL &&
      !g_hash_table_contains (self->selected, self->hover_id) &&
      g_strcmp0 (self->hover_id, self->edit_id) != 0 &&
      note_widget_rect (self, self->hover_id, &rect, &radius))
    {
      _tp_board_append_outline (snapshot, &rect, radius, 1, 1, &colour);
    }
  else if (self->hover_kind == TP_HIT_MORE_BADGE)
    {
      TpContainerInfo info;

      tp_layout_get_container (self->layout, self->hover_container, &info);
      if (!tp_rect_is_empty (&info.more))
        {
          _tp_board_rect_to_widget (self, &info.more, &rect);
          _tp_board_append_outline (snapshot, &rect, rect.size.height / 2, 1, 1.5, &colour);
        }
    }
}

/* The note whose whole text shows over its neighbours: the hovered one, else the only
 * selected one, when the board cuts its text short (VISUAL.md: never silently). */
static const char *
get_whole_note (TpBoard *self,
                TpRect  *rect)
{
  const char *id = NULL;
  TpNoteInfo info;

  if (_tp_board_is_editing (self) ||
      (self->drag != TP_BOARD_DRAG_NONE && self->drag != TP_BOARD_DRAG_PENDING))
    return NULL;

  if (self->hover_kind == TP_HIT_NOTE && self->hover_id != NULL)
    id = self->hover_id;
  else if (g_hash_table_size (self->selected) == 1)
    {
      GHashTableIter iter;

      g_hash_table_iter_init (&iter, self->selected);
      g_hash_table_iter_next (&iter, (gpointer *) &id, NULL);
    }

  if (id == NULL || !tp_layout_get_note (self->layout, id, &info) || !info.visible ||
      !info.truncated || !tp_layout_get_note_whole (self->layout, self->document, id, rect))
    return NULL;
  return id;
}

static void
snapshot_whole_note (TpBoard     *self,
                     GtkSnapshot *snapshot)
{
  const TpTheme *theme = tp_layout_get_theme (self->layout);
  TpPaintOptions options;
  graphene_rect_t rect;
  GdkRGBA colour;
  const char *id;
  TpRect whole;
  cairo_t *cr;
  double x, y;

  if ((id = get_whole_note (self, &whole)) == NULL)
    return;

  tp_paint_options_init (&options);
  options.screen = TRUE;
  _tp_board_rect_to_widget (self, &whole, &rect);
  /* Room for the shadow. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (rect.origin.x - 4, rect.origin.y - 4,
                                                                  rect.size.width + 8,
                                                                  rect.size.height + 8));
  tp_board_board_to_widget (self, 0, 0, &x, &y);
  cairo_translate (cr, x, y);
  cairo_scale (cr, self->zoom, self->zoom);
  tp_paint_note_whole (cr, self->layout, self->document, id, &options);
  cairo_destroy (cr);

  _tp_board_accent (g_hash_table_contains (self->selected, id) ? 1.0 : 0.55, &colour);
  _tp_board_append_outline (snapshot, &rect, theme->note_radius * self->zoom, 1,
                            g_hash_table_contains (self->selected, id) ? 2 : 1, &colour);
}

static void
snapshot_focus (TpBoard     *self,
                GtkSnapshot *snapshot)
{
  GtkWidget *widget = (GtkWidget *) self;
  GtkStateFlags flags = gtk_widget_get_state_flags (widget);
  graphene_rect_t rect;
  GdkRGBA colour;
  double radius;

  if (!gtk_widget_has_focus (widget) || _tp_board_is_editing (self))
    return;

  if (self->focus == TP_BOARD_FOCUS_BLOCK)
    {
      TpContainerInfo info;

      /* A block has no other mark of focus, so its ring shows whatever moved it. */
      tp_layout_get_container (self->layout, self->focus_container, &info);
      _tp_board_rect_to_widget (self, &info.rect, &rect);
      _tp_board_accent (0.8, &colour);
      _tp_board_append_outline (snapshot, &rect,
                      tp_layout_get_theme (self->layout)->panel_radius * self->zoom, 1, 2, &colour);
    }
  else if (self->focus == TP_BOARD_FOCUS_NOTE && (flags & GTK_STATE_FLAG_FOCUS_VISIBLE) &&
           note_widget_rect (self, self->focus_note, &rect, &radius))
    {
      /* Outside the selection's line, lighter: a note can be both. */
      _tp_board_accent (0.5, &colour);
      _tp_board_append_outline (snapshot, &rect, radius, 4, 2, &colour);
    }
}

static void
snapshot_rubber_band (TpBoard     *self,
                      GtkSnapshot *snapshot)
{
  graphene_rect_t rect;
  GdkRGBA fill, line;

  if (self->drag != TP_BOARD_DRAG_RUBBER)
    return;

  _tp_board_accent (0.12, &fill);
  _tp_board_accent (0.8, &line);
  _tp_board_rect_to_widget (self, &self->rubber, &rect);
  gtk_snapshot_append_color (snapshot, &fill, &rect);
  _tp_board_append_outline (snapshot, &rect, 0, -1, 1, &line);
}

void
_tp_board_append_drop_indicator (TpBoard     *self,
                                 GtkSnapshot *snapshot)
{
  graphene_rect_t rect;
  GdkRGBA colour;
  double width;

  if (!self->drop_valid)
    return;

  /* At least three pixels wide, however far out the board is zoomed. */
  width = MAX (self->drop_indicator.width * self->zoom, 3);
  _tp_board_rect_to_widget (self, &self->drop_indicator, &rect);
  rect.origin.x += (rect.size.width - width) / 2;
  rect.size.width = width;
  _tp_board_accent (1.0, &colour);
  _tp_board_append_rounded_fill (snapshot, &rect, width / 2, &colour);
}

static void
snapshot_drag (TpBoard     *self,
               GtkSnapshot *snapshot)
{
  const TpTheme *theme = tp_layout_get_theme (self->layout);
  graphene_rect_t rect;
  GdkRGBA veil;
  TpPaintOptions options;
  guint n;

  if (self->drag != TP_BOARD_DRAG_MOVE || self->drag_ids == NULL)
    return;

  /* The notes' old places, veiled: they are lifted, not yet moved. */
  _tp_board_colour_to_rgba (&theme->board_background, 0.6, &veil);
  for (guint i = 0; i < self->drag_ids->len; i++)
    {
      double radius;

      if (note_widget_rect (self, g_ptr_array_index (self->drag_ids, i), &rect, &radius))
        _tp_board_append_rounded_fill (snapshot, &rect, radius, &veil);
    }

  _tp_board_append_drop_indicator (self, snapshot);

  /* The ghost: the notes themselves, as the renderer paints them, under the pointer. */
  tp_paint_options_init (&options);
  options.screen = TRUE;
  n = MIN (self->drag_ids->len, MAX_GHOSTS);
  gtk_snapshot_push_opacity (snapshot, 0.85);
  for (guint i = 0; i < n; i++)
    {
      const char *id = g_ptr_array_index (self->drag_ids, i);
      TpNoteInfo info;
      TpRect moved;
      double x, y;
      cairo_t *cr;

      if (!tp_layout_get_note (self->layout, id, &info) || !info.visible)
        continue;

      moved = info.rect;
      moved.x += self->drag_dx;
      moved.y += self->drag_dy;
      _tp_board_rect_to_widget (self, &moved, &rect);
      graphene_rect_inset (&rect, -8, -8);  /* room for the shadow */
      cr = gtk_snapshot_append_cairo (snapshot, &rect);
      tp_board_board_to_widget (self, self->drag_dx, self->drag_dy, &x, &y);
      cairo_translate (cr, x, y);
      cairo_scale (cr, self->zoom, self->zoom);
      tp_paint_note (cr, self->layout, self->document, id, &options);
      cairo_destroy (cr);
    }
  gtk_snapshot_pop (snapshot);
}

static void
snapshot_edit (TpBoard     *self,
               GtkSnapshot *snapshot)
{
  const TpTheme *theme = tp_layout_get_theme (self->layout);
  TpNote *note;
  TpNoteInfo info;
  graphene_rect_t rect;
  GdkRGBA fill, colour;
  TpRect area, cover;
  double radius;

  if (_tp_board_is_editing (self) && self->edit_kind != TP_ITEM_NOTE)
    {
      _tp_board_snapshot_journey_edit (self, snapshot);
      return;
    }

  if (!_tp_board_is_editing (self) ||
      (note = tp_document_lookup_kind (self->document, self->edit_id, TP_ITEM_NOTE)) == NULL ||
      !tp_layout_get_note (self->layout, self->edit_id, &info) ||
      !_tp_board_get_edit_rect (self, &area, &cover))
    return;

  /* The note as it grows with the text typed, its old text covered: the editor above
   * draws the new text in the note's own font, at the note's own place. */
  radius = theme->note_radius * info.scale * self->zoom;
  _tp_board_colour_to_rgba (&theme->notes[note->colour < TP_N_NOTE_COLOURS ? note->colour : 0], 1,
                            &fill);
  _tp_board_rect_to_widget (self, &cover, &rect);
  _tp_board_append_rounded_fill (snapshot, &rect, radius, &fill);
  _tp_board_rect_to_widget (self, &area, &rect);
  _tp_board_accent (1.0, &colour);
  _tp_board_append_outline (snapshot, &rect, radius, 1, 2, &colour);
}

void
_tp_board_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  TpBoard *self = TP_BOARD (widget);
  const TpTheme *theme = tp_layout_get_theme (self->layout);
  GdkRGBA background;

  _tp_board_colour_to_rgba (&theme->board_background, 1, &background);
  gtk_snapshot_append_color (snapshot, &background,
                             &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                  gtk_widget_get_height (widget)));

  if (self->document == NULL)
    return;

  _tp_board_ensure_layout (self);
  snapshot_tiles (self, snapshot);
  _tp_board_snapshot_links (self, snapshot);
  _tp_board_snapshot_vote (self, snapshot);
  _tp_board_snapshot_matches (self, snapshot);
  _tp_board_snapshot_add_stage (self, snapshot);
  snapshot_hover (self, snapshot);
  _tp_board_snapshot_journey_hover (self, snapshot);
  snapshot_selection (self, snapshot);
  snapshot_whole_note (self, snapshot);
  _tp_board_snapshot_journey_selection (self, snapshot);
  snapshot_focus (self, snapshot);
  _tp_board_snapshot_journey_focus (self, snapshot);
  snapshot_rubber_band (self, snapshot);
  snapshot_drag (self, snapshot);
  _tp_board_snapshot_journey_drag (self, snapshot);
  _tp_board_snapshot_link_drag (self, snapshot);
  snapshot_edit (self, snapshot);

  if (self->editor != NULL && gtk_widget_get_visible (self->editor))
    gtk_widget_snapshot_child (widget, self->editor, snapshot);
}
