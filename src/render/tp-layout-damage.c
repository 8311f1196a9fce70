/* tp-layout-damage.c: what a relayout after an edit of notes changed on the board
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything drawn outside the blocks and the links (regions and their titles, the
 * journey, the board's bounds, whether links are drawn as lines or badges) is compared
 * whole: if any of it moved, the answer is "everything", which is always right. Inside
 * the canvas and the value chain, a block whose own parts (panel, title, "+N more") moved
 * is painted again whole, where it was and where it is; in any other, its notes that
 * moved, showed or hid are painted again where they were and are, and its edited notes
 * where they are (an edit that moves nothing changes the note's drawing alone: a word, a
 * vote). Blocks do not overlap, every part of a block is inside its rect and every part
 * of a note inside its rect but its shadow, which the damage's bleed holds. A link
 * that moved is painted again where it moved: each of its Bézier segments whose points
 * changed, where it was and where it is (a segment lies in the hull of its four points;
 * the stroke, even selected, and the port dots reach at most the theme's selected width
 * beyond them), and its pill or badges where they moved. A note that grew moves the
 * start of the links below it in its block and rarely more of them: their whole bounds,
 * which reach down to the journey's cards, were most of the board's tiles. A link whose
 * number, colour or count of points changed is painted again over its bounds, which hold
 * its pill and badges. So painting those rects again paints every changed pixel.
 */

#include "config.h"

#include <string.h>

#include "tp-layout-damage.h"
#include "tp-layout-private.h"

struct _TpLayoutDamage
{
  TpRect           bounds;
  TpRect           regions[TP_N_REGIONS];
  TpRect           titles[TP_N_REGIONS];
  TpContainerInfo  blocks[TP_N_CONTAINERS];
  gboolean         edited[TP_N_CONTAINERS];
  GPtrArray       *edited_notes; /* TpNote: the notes edited, each once */
  TpLayout        *layout;      /* as the damage was taken from it */
  TpDocument      *document;
  guint            n_notes;     /* the document's notes, every block's */
  GArray          *notes;       /* TpNoteInfo: the edited blocks' notes, block by block */
  guint            starts[TP_N_CONTAINERS];  /* where each edited block's are in notes */
  guint            counts[TP_N_CONTAINERS];
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

/* Whether the link is drawn alike but for where its points, pill and badges are. */
static gboolean
link_alike (const TpLinkInfo *a,
            const TpLinkInfo *b)
{
  return a->number == b->number && a->tint == b->tint && a->n_path == b->n_path;
}

/* Appends rect grown by margin on every side, unless it is empty. */
static void
add_grown (GArray       *rects,
           const TpRect *rect,
           double        margin)
{
  TpRect grown = { rect->x - margin, rect->y - margin, rect->width + 2 * margin,
                   rect->height + 2 * margin };

  if (!tp_rect_is_empty (rect))
    g_array_append_val (rects, grown);
}

/* The hull of points' bounding box, grown by margin. */
static void
add_hull (GArray        *rects,
          const TpPoint *points,
          guint          n,
          double         margin)
{
  double x0 = points[0].x, y0 = points[0].y, x1 = x0, y1 = y0;

  for (guint i = 1; i < n; i++)
    {
      x0 = MIN (x0, points[i].x), x1 = MAX (x1, points[i].x);
      y0 = MIN (y0, points[i].y), y1 = MAX (y1, points[i].y);
    }
  g_array_append_val (rects, ((TpRect) { x0 - margin, y0 - margin, x1 - x0 + 2 * margin,
                                         y1 - y0 + 2 * margin }));
}

/* Where a link alike before and after (link_alike()) changed: its segments whose points
 * moved, and its pill and badges that moved, before and after. */
static void
add_link_changes (GArray           *rects,
                  const TpLinkInfo *was,
                  const TpPoint    *was_path,
                  const TpLinkInfo *is,
                  const TpPoint    *is_path,
                  double            margin)
{
  /* Segment s is points s … s + 3; one point alone (a path of one) is its own. */
  for (guint s = 0; s == 0 || s + 3 < is->n_path; s += 3)
    {
      guint n = MIN (4, is->n_path - s);

      if (memcmp (&was_path[s], &is_path[s], n * sizeof (TpPoint)) != 0)
        {
          add_hull (rects, &was_path[s], n, margin);
          add_hull (rects, &is_path[s], n, margin);
        }
    }
  if (!rect_equal (&was->pill, &is->pill))
    add_grown (rects, &was->pill, margin), add_grown (rects, &is->pill, margin);
  if (!rect_equal (&was->note_badge, &is->note_badge))
    add_grown (rects, &was->note_badge, margin), add_grown (rects, &is->note_badge, margin);
  if (!rect_equal (&was->card_badge, &is->card_badge))
    add_grown (rects, &was->card_badge, margin), add_grown (rects, &is->card_badge, margin);
}

/* The notes of block c as layout places them, in notes (filled in place, sized once: a
 * block holds thousands of notes on a large board). */
static void
take_notes (TpLayoutDamage *damage,
            TpLayout       *layout,
            TpDocument     *document,
            TpContainer     c)
{
  GPtrArray *notes = tp_document_get_notes (document, c);
  guint n = damage->notes->len;

  damage->starts[c] = n;
  damage->counts[c] = notes->len;
  g_array_set_size (damage->notes, n + notes->len);
  for (guint i = 0; i < notes->len; i++)
    {
      TpNoteInfo *info = &g_array_index (damage->notes, TpNoteInfo, n + i);

      *info = (TpNoteInfo) { 0 };
      tp_layout_get_note (layout, ((TpItem *) g_ptr_array_index (notes, i))->id, info);
    }
}

/* Fills a snapshot of layout's geometry but the notes' (damage->edited is left alone). */
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

  /* The blocks alone: their notes are taken when a note of theirs is edited
   * (take_notes()), the others' only counted. */
  damage->n_notes = 0;
  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      tp_layout_get_container (layout, c, &damage->blocks[c]);
      damage->n_notes += tp_document_get_notes (document, c)->len;
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
  g_array_set_size (damage->links, links->len);
  for (guint i = 0; i < links->len; i++)
    {
      TpLinkInfo *info = &g_array_index (damage->links, TpLinkInfo, i);
      guint at = damage->paths->len;

      *info = (TpLinkInfo) { 0 };
      if (tp_layout_get_link (layout, ((TpItem *) g_ptr_array_index (links, i))->id, info))
        {
          g_array_set_size (damage->paths, at + info->n_path);
          memcpy (&g_array_index (damage->paths, TpPoint, at), info->path,
                  info->n_path * sizeof (TpPoint));
        }
      info->path = NULL;
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
  damage->edited_notes = g_ptr_array_new ();
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
  damage->layout = layout;
  damage->document = document;
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
    {
      /* The layout is still the one before the edit: its notes where they were. */
      if (!damage->edited[note->container])
        take_notes (damage, damage->layout, damage->document, note->container);
      damage->edited[note->container] = TRUE;
      if (!g_ptr_array_find (damage->edited_notes, note, NULL))
        g_ptr_array_add (damage->edited_notes, (gpointer) note);
    }
}

void
tp_layout_damage_get_blocks (const TpLayoutDamage *damage,
                             gboolean              edited[TP_N_CONTAINERS])
{
  g_return_if_fail (damage != NULL);

  memcpy (edited, damage->edited, sizeof damage->edited);
}

gboolean
tp_layout_damage_finish (TpLayoutDamage *damage,
                         TpLayout       *layout,
                         TpDocument     *document,
                         GArray         *rects)
{
  g_autoptr(TpLayoutDamage) now = NULL;
  double bleed = 2 * layout->theme->note_gap + 8;
  guint first = rects->len;

  g_return_val_if_fail (damage != NULL, FALSE);
  g_return_val_if_fail (rects != NULL, FALSE);

  now = damage_alloc ();
  take (now, layout, document);
  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    if (damage->edited[c])
      take_notes (now, layout, document, c);

  /* Outside the blocks and the links: all or nothing. */
  if (!rect_equal (&damage->bounds, &now->bounds) ||
      damage->n_notes != now->n_notes || damage->stages->len != now->stages->len ||
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
   * along): where it moved, before and after. */
  for (guint i = 0, was_at = 0, now_at = 0; i < now->links->len; i++)
    {
      const TpLinkInfo *was = &g_array_index (damage->links, TpLinkInfo, i);
      const TpLinkInfo *is = &g_array_index (now->links, TpLinkInfo, i);

      if (!link_alike (was, is))
        {
          add_grown (rects, &was->bounds, 0);
          add_grown (rects, &is->bounds, 0);
        }
      else if (is->n_path > 0)
        add_link_changes (rects, was, &g_array_index (damage->paths, TpPoint, was_at),
                          is, &g_array_index (now->paths, TpPoint, now_at),
                          layout->theme->link_width_selected);
      was_at += was->n_path;
      now_at += is->n_path;
    }

  /* Inside: the blocks that changed. A block whose own parts (panel, title, "+N more",
   * notes area, scale, columns) moved is painted again where it was and where it is. In
   * any other, its notes are placed from those parts and their own fields alone, so a
   * block none of whose notes was edited placed them as before (its notes are not even
   * taken), and an edited block is painted again where its notes moved, showed or hid,
   * and where its edited notes are, whose drawing changed where their rects did not (a
   * word of the text, a vote). */
  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      GPtrArray *notes = tp_document_get_notes (document, c);
      guint count = now->counts[c];
      /* An edited block's notes, the same in both snapshots. */
      gboolean same_block = block_equal (&damage->blocks[c], &now->blocks[c]) &&
                            (!damage->edited[c] ||
                             (damage->counts[c] == count && count == notes->len));
      if (same_block)
        {
          for (guint i = 0; i < count; i++)
            {
              const TpNoteInfo *was = &g_array_index (damage->notes, TpNoteInfo,
                                                      damage->starts[c] + i);
              const TpNoteInfo *is = &g_array_index (now->notes, TpNoteInfo, now->starts[c] + i);
              gboolean edited = damage->edited[c] &&
                                g_ptr_array_find (damage->edited_notes,
                                                  g_ptr_array_index (notes, i), NULL);

              if (edited || !note_equal (was, is))
                {
                  if (was->visible)
                    add_grown (rects, &was->rect, 0);
                  if (is->visible)
                    add_grown (rects, &is->rect, 0);
                }
            }
        }
      if (!same_block)
        {
          TpRect area = rect_union (&damage->blocks[c].rect, &now->blocks[c].rect);

          g_array_append_val (rects, area);
        }
    }

  /* A note's or a block's shadow reaches a little beyond its rect. */
  for (guint i = first; i < rects->len; i++)
    {
      TpRect *rect = &g_array_index (rects, TpRect, i);

      *rect = (TpRect) { rect->x - bleed, rect->y - bleed, rect->width + 2 * bleed,
                         rect->height + 2 * bleed };
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
  g_ptr_array_unref (damage->edited_notes);
  g_free (damage);
}
