/* tp-layout-links-shape.c: a routed link's path, rounded, and its label's pill.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A route is a polyline of square steps; a link is drawn as cubics with every corner
 * rounded, flattened into line segments for hit-testing, with its bounds, and with its
 * label in a pill on its run across the band, clear of the other labels' pills.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tp-layout-links-private.h"

#define CORNER_RADIUS    18.0
#define GAP_CORNER_RADIUS 2.0   /* between notes, where a run may pass 1 unit from a note */
#define FLAT_STEPS       8      /* line segments per cubic, for hit-testing */
#define PILL_PAD_X       7.0
#define PILL_PAD_Y       2.0
#define PILL_CELL        64.0   /* the side of a cell of the pills' grid */

static void
add_cubic (GArray        *points,
           const TpPoint *c1,
           const TpPoint *c2,
           const TpPoint *end)
{
  g_array_append_val (points, *c1);
  g_array_append_val (points, *c2);
  g_array_append_val (points, *end);
}

static void
add_line (GArray        *points,
          const TpPoint *end)
{
  const TpPoint *from = &g_array_index (points, TpPoint, points->len - 1);

  if (fabs (end->x - from->x) < 0.01 && fabs (end->y - from->y) < 0.01)
    return;
  TpPoint c1 = { from->x + (end->x - from->x) / 3, from->y + (end->y - from->y) / 3 };
  TpPoint c2 = { from->x + 2 * (end->x - from->x) / 3, from->y + 2 * (end->y - from->y) / 3 };

  add_cubic (points, &c1, &c2, end);
}

/* Turns a polyline into cubic segments with every corner rounded: an arc of up to
 * CORNER_RADIUS in the band (GAP_CORNER_RADIUS above it, where a wide arc would cut
 * into the note beside a gutter) that never takes more than half of a segment shared
 * with another corner, so neighbouring arcs never overlap. */
static void
round_corners (const TpRoute *route,
               double         band_top,
               GArray        *points)
{
  const TpPoint *p = route->points;
  guint n = route->n;

  g_array_append_val (points, p[0]);
  for (guint i = 1; i + 1 < n; i++)
    {
      double ux = p[i].x - p[i - 1].x, uy = p[i].y - p[i - 1].y;
      double vx = p[i + 1].x - p[i].x, vy = p[i + 1].y - p[i].y;
      double lu = hypot (ux, uy), lv = hypot (vx, vy);
      double r, angle, k;
      TpPoint a, b, c1, c2;

      if (lu < 1e-6 || lv < 1e-6)
        continue;
      ux /= lu;
      uy /= lu;
      vx /= lv;
      vy /= lv;
      angle = acos (CLAMP (ux * vx + uy * vy, -1.0, 1.0));
      if (angle < 1e-3)
        continue;   /* straight on */

      r = p[i].y < band_top - 0.5 ? GAP_CORNER_RADIUS : CORNER_RADIUS;
      r = MIN (r, i == 1 ? lu : lu / 2);
      r = MIN (r, i + 2 == n ? lv : lv / 2);
      /* The handle length that makes a cubic follow a circular arc of this angle. */
      k = 4.0 / 3.0 * tan (angle / 4) * r / tan (angle / 2 > 1e-3 ? angle / 2 : 1e-3);
      k = MIN (k, r);

      a = (TpPoint) { p[i].x - ux * r, p[i].y - uy * r };
      b = (TpPoint) { p[i].x + vx * r, p[i].y + vy * r };
      c1 = (TpPoint) { a.x + ux * k, a.y + uy * k };
      c2 = (TpPoint) { b.x - vx * k, b.y - vy * k };
      add_line (points, &a);
      add_cubic (points, &c1, &c2, &b);
    }
  add_line (points, &p[n - 1]);
}

static void
bezier_at (const TpPoint *q,
           double         t,
           TpPoint       *out)
{
  double s = 1 - t;
  double a = s * s * s, b = 3 * s * s * t, c = 3 * s * t * t, d = t * t * t;

  out->x = a * q[0].x + b * q[1].x + c * q[2].x + d * q[3].x;
  out->y = a * q[0].y + b * q[1].y + c * q[2].y + d * q[3].y;
}

static void
rect_add_point (TpRect        *rect,
                gboolean       first,
                const TpPoint *p)
{
  if (first)
    {
      *rect = (TpRect) { p->x, p->y, 0, 0 };
      return;
    }
  if (p->x < rect->x)
    {
      rect->width += rect->x - p->x;
      rect->x = p->x;
    }
  if (p->y < rect->y)
    {
      rect->height += rect->y - p->y;
      rect->y = p->y;
    }
  rect->width = MAX (rect->width, p->x - rect->x);
  rect->height = MAX (rect->height, p->y - rect->y);
}

static void
flatten (TpLayout  *layout,
         TpLinkBox *box)
{
  TpLinks *links = &layout->links;
  const TpPoint *path = &g_array_index (links->points, TpPoint, box->first_point);
  double grow = layout->theme->link_width_selected;

  box->first_flat = links->flat->len;
  g_array_append_val (links->flat, path[0]);
  for (guint s = 0; s + 3 < box->n_points; s += 3)
    for (guint k = 1; k <= FLAT_STEPS; k++)
      {
        TpPoint p;

        bezier_at (&path[s], (double) k / FLAT_STEPS, &p);
        g_array_append_val (links->flat, p);
      }
  box->n_flat = links->flat->len - box->first_flat;

  for (guint i = 0; i < box->n_points; i++)
    rect_add_point (&box->bounds, i == 0, &path[i]);
  box->bounds.x -= grow;
  box->bounds.y -= grow;
  box->bounds.width += 2 * grow;
  box->bounds.height += 2 * grow;
}

/* The pills placed so far, by the cells of a grid they cover: a pill is checked against
 * the pills in its own cells only, not against every one (with thousands of labelled
 * links, that was quadratic). Two pills that overlap share a point inside both, and so
 * a cell, so this finds every pill the whole list would. */
typedef struct
{
  GArray     *rects;   /* TpRect */
  GHashTable *cells;   /* cell → GArray of indices into rects */
} Pills;

/* Both halves of a cell's key (g_direct_hash() keeps only the low one, the row: every
 * pill of the band would share a few buckets). */
static guint
cell_hash (gconstpointer key)
{
  guint64 v = GPOINTER_TO_SIZE (key);

  return (guint) ((v ^ (v >> 32)) * 0x9e3779b97f4a7c15ull >> 32);
}

static void
pills_init (Pills *pills)
{
  pills->rects = g_array_new (FALSE, FALSE, sizeof (TpRect));
  pills->cells = g_hash_table_new_full (cell_hash, g_direct_equal, NULL,
                                        (GDestroyNotify) g_array_unref);
}

static void
pills_clear (Pills *pills)
{
  g_array_unref (pills->rects);
  g_hash_table_unref (pills->cells);
}

static gint64
cell_of (double at)
{
  return (gint64) floor (at / PILL_CELL);
}

static gpointer
cell_key (gint64 x,
          gint64 y)
{
  return GSIZE_TO_POINTER (((guint64) (guint32) x << 32) | (guint32) y);
}

static gboolean
pills_clear_of (Pills        *pills,
                const TpRect *rect)
{
  for (gint64 x = cell_of (rect->x); x <= cell_of (rect->x + rect->width); x++)
    for (gint64 y = cell_of (rect->y); y <= cell_of (rect->y + rect->height); y++)
      {
        GArray *cell = g_hash_table_lookup (pills->cells, cell_key (x, y));

        for (guint k = 0; cell != NULL && k < cell->len; k++)
          if (tp_rect_intersects (rect, &g_array_index (pills->rects, TpRect,
                                                        g_array_index (cell, guint, k))))
            return FALSE;
      }
  return TRUE;
}

static void
pills_add (Pills        *pills,
           const TpRect *rect)
{
  guint index = pills->rects->len;

  g_array_append_val (pills->rects, *rect);
  for (gint64 x = cell_of (rect->x); x <= cell_of (rect->x + rect->width); x++)
    for (gint64 y = cell_of (rect->y); y <= cell_of (rect->y + rect->height); y++)
      {
        GArray *cell = g_hash_table_lookup (pills->cells, cell_key (x, y));

        if (cell == NULL)
          {
            cell = g_array_new (FALSE, FALSE, sizeof (guint));
            g_hash_table_insert (pills->cells, cell_key (x, y), cell);
          }
        g_array_append_val (cell, index);
      }
}

static void
add_pill_bounds (TpLinkBox *box)
{
  const TpRect *pill = &box->pill;

  rect_add_point (&box->bounds, FALSE, &(TpPoint) { pill->x, pill->y });
  rect_add_point (&box->bounds, FALSE, &(TpPoint) { pill->x + pill->width, pill->y + pill->height });
}

/* Sets a label's pill on the link's run across the band, clear of pills already
 * placed: in the band a pill covers at most a few other lanes, never a note. */
static void
place_pill (TpLayout            *layout,
            TpLinkBox           *box,
            const TpPendingLink *p,
            Pills               *placed)
{
  const TpTheme *theme = layout->theme;
  static const double fractions[] = { 0.5, 0.3, 0.7, 0.15, 0.85, 0.0, 1.0 };
  double text_width = 0, height, width;
  TpRect pill = { 0 };

  if (box->label[0] == '\0')
    return;

  _tp_layout_measure_text (layout, TP_FONT_TAG, box->label, -1, 1, &text_width, NULL);
  height = tp_theme_get_line_height (theme, TP_FONT_TAG) + 2 * PILL_PAD_Y;
  width = ceil (text_width) + 2 * PILL_PAD_X;

  /* Along the run first; where the run is crowded, just above or below it. */
  for (guint c = 0; c < 3 * G_N_ELEMENTS (fractions); c++)
    {
      static const double shifts[] = { 0, -1, 1 };
      guint f = c % G_N_ELEMENTS (fractions);
      double cx = p->gutter_x + (p->arrival_x - p->gutter_x) * fractions[f];
      double cy = p->lane_y + shifts[c / G_N_ELEMENTS (fractions)] * (height + 1);

      pill = (TpRect) { round (cx - width / 2), round (cy - height / 2), width, height };
      if (pills_clear_of (placed, &pill))
        break;
      if (c + 1 == 3 * G_N_ELEMENTS (fractions))
        pill = (TpRect) { round ((p->gutter_x + p->arrival_x - width) / 2),
                          round (p->lane_y - height / 2), width, height };
    }

  box->pill = pill;
  pills_add (placed, &pill);
  add_pill_bounds (box);
}

static guint n_paths;

guint
_tp_links_count_paths (void)
{
  return n_paths;
}

gboolean
_tp_links_route_equal (const TpRoute *a,
                       const TpRoute *b)
{
  return a->n == b->n && memcmp (a->points, b->points, a->n * sizeof (TpPoint)) == 0;
}

void
_tp_links_shape (TpLayout         *layout,
                 GPtrArray        *pending,
                 double            band_top,
                 const TpLinkKept *old,
                 GArray           *old_points,
                 GArray           *old_flat,
                 TpLinkKept       *next)
{
  TpLinks *links = &layout->links;
  Pills placed;

  pills_init (&placed);
  for (guint i = 0; i < pending->len; i++)
    {
      TpPendingLink *p = pending->pdata[i];
      TpLinkBox *box = &g_array_index (links->boxes, TpLinkBox, p->box);
      const TpLinkKept *was = old != NULL ? &old[p->box] : NULL;
      TpLinkKept *now = &next[p->box];

      box->first_point = links->points->len;
      box->first_flat = links->flat->len;
      if (was != NULL && _tp_links_route_equal (&was->final, &p->route))
        {
          /* As it was: the same points, copied rather than computed again. */
          g_array_append_vals (links->points, &g_array_index (old_points, TpPoint, was->first_point),
                               was->n_points);
          g_array_append_vals (links->flat, &g_array_index (old_flat, TpPoint, was->first_flat),
                               was->n_flat);
          box->n_points = was->n_points;
          box->n_flat = was->n_flat;
          /* Its bounds and pill stay as the badges left them, unless they are placed
           * again (redo in _tp_layout_place_link_badges()). */
          now->pill = was->pill;
          now->base = was->base;
        }
      else
        {
          n_paths++;
          round_corners (&p->route, band_top, links->points);
          box->n_points = links->points->len - box->first_point;
          flatten (layout, box);
          if (was == NULL)
            place_pill (layout, box, p, &placed);
          else if (!tp_rect_is_empty (&was->pill))
            {
              /* Every pill is where it was: the runs across the band are. */
              box->pill = was->pill;
              add_pill_bounds (box);
            }
          else
            box->pill = (TpRect) { 0 };
          now->pill = box->pill;
          now->base = box->bounds;
        }
      now->final = p->route;
      now->first_point = box->first_point;
      now->n_points = box->n_points;
      now->first_flat = box->first_flat;
      now->n_flat = box->n_flat;
    }
  pills_clear (&placed);
}
