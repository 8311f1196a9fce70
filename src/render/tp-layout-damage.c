/* tp-layout-damage.c: what a relayout after an edit of notes changed on the board
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything drawn outside the blocks and the links (regions and their titles, the
 * journey, the board's bounds, whether links are drawn as lines or badges) is compared
 * whole: if any of it moved, the answer is "everything", which is always right. Inside
 * the canvas and the value chain, a block is painted again when it holds an edited note,
 * when its own parts moved or when any of its notes moved or showed or hid. Blocks do not
 * overlap and every part of a block (notes, "+N more", title) is inside its rect; a link
 * that moved is painted again where it was and where it is, its bounds holding its pill
 * and badges. So painting those rects again paints every changed pixel.
 */

#include "config.h"

#include <string.h>

#include "tp-layout-damage.h"

struct _TpLayoutDamage
{
  TpRect           bounds;
  TpRect           regions[TP_N_REGIONS];
  TpRect           titles[TP_N_REGIONS];
  TpContainerInfo  blocks[TP_N_CONTAINERS];
  gboolean         edited[TP_N_CONTAINERS];
  GArray          *notes;       /* TpNoteInfo, container by container, in order */
  GArray          *stages;      /* TpRect: each stage's column */
  GArray          *cards;       /* TpTouchpointInfo, stage by stage */
  GArray          *links;       /* TpLinkInfo, paths not kept */
  GArray          *paths;       /* TpPoint, every link's path in turn */
  guint            tangles;     /* whether links are drawn as lines or as badges */
};

static gboolean
rect_equal (const TpRect *a,
            const TpRect *b)
{
  return a->x == b->x && a->y == b->y && a->width == b->width && a->height == b->height;
}

static TpRect
rect_union (const TpRect *a,
            const TpRect *b)
{
  double x0 = MIN (a->x, b->x), y0 = MIN (a->y, b->y);
  double x1 = MAX (a->x + a->width, b->x + b->width);
  double y1 = MAX (a->y + a->height, b->y + b->height);

  return (TpRect) { x0, y0, x1 - x0, y1 - y0 };
}

/* The parts of a block that are drawn, field by field (never a struct's padding). */
static gboolean
block_equal (const TpContainerInfo *a,
             const TpContainerInfo *b)
{
  return rect_equal (&a->rect, &b->rect) && rect_equal (&a->title, &b->title) &&
         rect_equal (&a->icon, &b->icon) && rect_equal (&a->badge, &b->badge) &&
         rect_equal (&a->notes, &b->notes) && rect_equal (&a->more, &b->more) &&
         a->scale == b->scale && a->n_columns == b->n_columns && a->n_notes == b->n_notes &&
         a->n_visible == b->n_visible && a->n_hidden == b->n_hidden &&
         a->expanded == b->expanded;
}

static gboolean
note_equal (const TpNoteInfo *a,
            const TpNoteInfo *b)
{
  return a->visible == b->visible && a->container == b->container && a->index == b->index &&
         a->scale == b->scale && rect_equal (&a->rect, &b->rect) &&
         rect_equal (&a->text, &b->text) && a->truncated == b->truncated;
}

static gboolean
card_equal (const TpTouchpointInfo *a,
            const TpTouchpointInfo *b)
{
  return rect_equal (&a->column, &b->column) && rect_equal (&a->card, &b->card) &&
         rect_equal (&a->name, &b->name);
}

static gboolean
link_equal (const TpLinkInfo *a,
            const TpLinkInfo *b)
{
  return a->number == b->number && a->tint == b->tint && a->n_path == b->n_path &&
         rect_equal (&a->bounds, &b->bounds) && rect_equal (&a->pill, &b->pill) &&
         rect_equal (&a->note_badge, &b->note_badge) &&
         rect_equal (&a->card_badge, &b->card_badge);
}

/* Fills a snapshot of layout's geometry (damage->edited is left alone). */
static void
take (TpLayoutDamage *damage,
      TpLayout       *layout,
      TpDocument     *document)
{
  GPtrArray *stages = tp_document_get_stages (document);
  GPtrArray *links = tp_document_get_links (document);

  tp_layout_get_bounds (layout, &damage->bounds);
  for (TpRegion r = 0; r < TP_N_REGIONS; r++)
    {
      tp_layout_get_region (layout, r, &damage->regions[r]);
      tp_layout_get_region_title (layout, r, &damage->titles[r]);
    }

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      GPtrArray *notes = tp_document_get_notes (document, c);

      tp_layout_get_container (layout, c, &damage->blocks[c]);
      for (guint i = 0; i < notes->len; i++)
        {
          TpNoteInfo info = { 0 };

          tp_layout_get_note (layout, ((TpItem *) g_ptr_array_index (notes, i))->id, &info);
          g_array_append_val (damage->notes, info);
        }
    }

  for (guint s = 0; s < stages->len; s++)
    {
      TpStage *stage = g_ptr_array_index (stages, s);
      TpStageInfo info = { 0 };

      tp_layout_get_stage (layout, stage->item.id, &info);
      g_array_append_val (damage->stages, info.column);
      for (guint k = 0; k < stage->touchpoints->len; k++)
        {
          TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, k);
          TpTouchpointInfo card = { 0 };

          tp_layout_get_touchpoint (layout, touchpoint->item.id, &card);
          g_array_append_val (damage->cards, card);
        }
    }

  damage->tangles = tp_layout_count_link_tangles (layout);
  for (guint i = 0; i < links->len; i++)
    {
      TpLinkInfo info = { 0 };

      if (tp_layout_get_link (layout, ((TpItem *) g_ptr_array_index (links, i))->id, &info))
        g_array_append_vals (damage->paths, info.path, info.n_path);
      info.path = NULL;
      g_array_append_val (damage->links, info);
    }
}

static TpLayoutDamage *
damage_alloc (void)
{
  TpLayoutDamage *damage = g_new0 (TpLayoutDamage, 1);

  damage->notes = g_array_new (FALSE, FALSE, sizeof (TpNoteInfo));
  damage->stages = g_array_new (FALSE, FALSE, sizeof (TpRect));
  damage->cards = g_array_new (FALSE, FALSE, sizeof (TpTouchpointInfo));
  damage->links = g_array_new (FALSE, FALSE, sizeof (TpLinkInfo));
  damage->paths = g_array_new (FALSE, FALSE, sizeof (TpPoint));
  return damage;
}

TpLayoutDamage *
tp_layout_damage_new (TpLayout   *layout,
                      TpDocument *document)
{
  TpLayoutDamage *damage;

  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (TP_IS_DOCUMENT (document), NULL);

  damage = damage_alloc ();
  take (damage, layout, document);
  return damage;
}

void
tp_layout_damage_add_note (TpLayoutDamage *damage,
                           const TpNote   *note)
{
  g_return_if_fail (damage != NULL);
  g_return_if_fail (note != NULL);

  if (note->container < TP_N_CONTAINERS)
    damage->edited[note->container] = TRUE;
}

gboolean
tp_layout_damage_finish (TpLayoutDamage *damage,
                         TpLayout       *layout,
                         TpDocument     *document,
                         GArray         *rects)
{
  g_autoptr(TpLayoutDamage) now = NULL;
  guint n = 0;

  g_return_val_if_fail (damage != NULL, FALSE);
  g_return_val_if_fail (rects != NULL, FALSE);

  now = damage_alloc ();
  take (now, layout, document);

  /* Outside the blocks and the links: all or nothing. */
  if (!rect_equal (&damage->bounds, &now->bounds) ||
      damage->notes->len != now->notes->len || damage->stages->len != now->stages->len ||
      damage->cards->len != now->cards->len || damage->links->len != now->links->len ||
      damage->tangles != now->tangles)
    return FALSE;
  for (TpRegion r = 0; r < TP_N_REGIONS; r++)
    if (!rect_equal (&damage->regions[r], &now->regions[r]) ||
        !rect_equal (&damage->titles[r], &now->titles[r]))
      return FALSE;
  for (guint i = 0; i < now->stages->len; i++)
    if (!rect_equal (&g_array_index (damage->stages, TpRect, i),
                     &g_array_index (now->stages, TpRect, i)))
      return FALSE;
  for (guint i = 0; i < now->cards->len; i++)
    if (!card_equal (&g_array_index (damage->cards, TpTouchpointInfo, i),
                     &g_array_index (now->cards, TpTouchpointInfo, i)))
      return FALSE;
  /* A link that moved (the notes after a note that grew, in its block, take theirs
   * along): where it was and where it is, its badges and pill inside its bounds. */
  for (guint i = 0, was_at = 0, now_at = 0; i < now->links->len; i++)
    {
      const TpLinkInfo *was = &g_array_index (damage->links, TpLinkInfo, i);
      const TpLinkInfo *is = &g_array_index (now->links, TpLinkInfo, i);

      if (!link_equal (was, is) ||
          (is->n_path > 0 &&
           memcmp (&g_array_index (damage->paths, TpPoint, was_at),
                   &g_array_index (now->paths, TpPoint, now_at), is->n_path * sizeof (TpPoint)) != 0))
        {
          if (!tp_rect_is_empty (&was->bounds))
            g_array_append_val (rects, was->bounds);
          if (!tp_rect_is_empty (&is->bounds))
            g_array_append_val (rects, is->bounds);
        }
      was_at += was->n_path;
      now_at += is->n_path;
    }

  /* Inside: the blocks that changed, where they were and where they are. */
  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      guint count = tp_document_get_notes (document, c)->len;
      gboolean changed = damage->edited[c] || !block_equal (&damage->blocks[c], &now->blocks[c]);

      for (guint i = 0; i < count && !changed; i++)
        changed = !note_equal (&g_array_index (damage->notes, TpNoteInfo, n + i),
                               &g_array_index (now->notes, TpNoteInfo, n + i));
      n += count;
      if (changed)
        {
          TpRect area = rect_union (&damage->blocks[c].rect, &now->blocks[c].rect);

          g_array_append_val (rects, area);
        }
    }

  return TRUE;
}

void
tp_layout_damage_free (TpLayoutDamage *damage)
{
  if (damage == NULL)
    return;

  g_array_unref (damage->notes);
  g_array_unref (damage->stages);
  g_array_unref (damage->cards);
  g_array_unref (damage->links);
  g_array_unref (damage->paths);
  g_free (damage);
}
