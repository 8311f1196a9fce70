/* tp-layout-links-query.c: what the routed links answer: a link's geometry, the links
 * in a rect or under a point, and where a link being dragged out starts.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "tp-layout-links-private.h"

guint
tp_layout_count_link_tangles (TpLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->links.tangles;
}

/* Queries */

static const TpLinkBox *
lookup_link (TpLayout   *layout,
             const char *id)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (layout->links.by_id, id));

  return i == 0 ? NULL : &g_array_index (layout->links.boxes, TpLinkBox, i - 1);
}

gboolean
tp_layout_get_link (TpLayout   *layout,
                    const char *id,
                    TpLinkInfo *info)
{
  const TpLinkBox *box;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  *info = (TpLinkInfo) { 0 };
  if (id == NULL || (box = lookup_link (layout, id)) == NULL)
    return FALSE;

  info->id = box->id;
  info->note = box->note;
  info->touchpoint = box->touchpoint;
  info->label = box->label;
  info->path = &g_array_index (layout->links.points, TpPoint, box->first_point);
  info->n_path = box->n_points;
  info->bounds = box->bounds;
  info->pill = box->pill;
  info->number = box->number;
  info->tint = box->tint;
  info->note_badge = box->note_badge;
  info->card_badge = box->card_badge;
  return TRUE;
}

void
tp_layout_query_links (TpLayout     *layout,
                       const TpRect *rect,
                       GPtrArray    *ids)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (rect != NULL);
  g_return_if_fail (ids != NULL);

  for (guint i = 0; i < layout->links.boxes->len; i++)
    {
      const TpLinkBox *box = &g_array_index (layout->links.boxes, TpLinkBox, i);

      if (tp_rect_intersects (&box->bounds, rect))
        g_ptr_array_add (ids, (gpointer) box->id);
    }
}

static double
distance_to_segment (double         x,
                     double         y,
                     const TpPoint *a,
                     const TpPoint *b)
{
  double dx = b->x - a->x, dy = b->y - a->y;
  double length2 = dx * dx + dy * dy;
  double t = length2 > 0 ? ((x - a->x) * dx + (y - a->y) * dy) / length2 : 0;

  t = CLAMP (t, 0, 1);
  return hypot (x - (a->x + t * dx), y - (a->y + t * dy));
}

const char *
tp_layout_hit_link (TpLayout *layout,
                    double    x,
                    double    y,
                    double    tolerance)
{
  const char *best = NULL;
  double best_distance = G_MAXDOUBLE;

  g_return_val_if_fail (layout != NULL, NULL);

  for (guint i = 0; i < layout->links.boxes->len; i++)
    {
      const TpLinkBox *box = &g_array_index (layout->links.boxes, TpLinkBox, i);
      TpRect near = { box->bounds.x - tolerance, box->bounds.y - tolerance,
                      box->bounds.width + 2 * tolerance, box->bounds.height + 2 * tolerance };
      const TpPoint *flat = &g_array_index (layout->links.flat, TpPoint, box->first_flat);

      if (!tp_rect_contains_point (&near, x, y))
        continue;
      if (tp_rect_contains_point (&box->pill, x, y))
        return box->id;
      for (guint k = 0; k + 1 < box->n_flat; k++)
        {
          double d = distance_to_segment (x, y, &flat[k], &flat[k + 1]);

          if (d <= tolerance && d < best_distance)
            {
              best_distance = d;
              best = box->id;
            }
        }
    }
  return best;
}

gboolean
tp_layout_get_link_anchor (TpLayout   *layout,
                           const char *id,
                           TpPoint    *anchor)
{
  TpNoteInfo note;
  TpTouchpointInfo touchpoint;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (anchor != NULL, FALSE);

  if (id == NULL)
    return FALSE;
  if (tp_layout_get_note (layout, id, &note))
    {
      if (!note.visible)
        return FALSE;
      *anchor = (TpPoint) { note.rect.x + note.rect.width / 2, note.rect.y + note.rect.height };
      return TRUE;
    }
  if (tp_layout_get_touchpoint (layout, id, &touchpoint))
    {
      *anchor = (TpPoint) { touchpoint.card.x + touchpoint.card.width / 2, touchpoint.card.y };
      return TRUE;
    }
  return FALSE;
}

gboolean
tp_layout_get_drag_curve (TpLayout   *layout,
                          const char *id,
                          double      x,
                          double      y,
                          TpPoint     points[4])
{
  TpPoint anchor;
  double reach;
  double direction;

  g_return_val_if_fail (points != NULL, FALSE);

  if (!tp_layout_get_link_anchor (layout, id, &anchor))
    return FALSE;

  /* Leave the item the way a link to it goes: down from a note, up from a card. The
   * handles grow with the distance, so a short drag is a gentle bend, not a loop. */
  direction = tp_layout_get_touchpoint (layout, id, &(TpTouchpointInfo) { 0 }) ? -1 : 1;
  reach = MAX (fabs (y - anchor.y), 40) / 2;
  points[0] = anchor;
  points[1] = (TpPoint) { anchor.x, anchor.y + direction * reach };
  points[2] = (TpPoint) { x, y - direction * reach };
  points[3] = (TpPoint) { x, y };
  return TRUE;
}
