/* tp-layout-link-badges.c: the numbered badges at both ends of every link.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Print maps send a reader from one sheet to another with a reference on each side
 * ("continued on B4"), circuit diagrams join distant wires with off-page connectors that
 * carry the same net name at both ends, and service blueprints number their
 * touchpoints. A link does the same: it has a number, in document order, and a small
 * disc carrying that number at each of its ends, straddling the note's bottom edge and
 * the card's top edge where the link's ports are. Two discs with the same number name
 * the link's two ends without a line between them, so a page too dense for lines stays
 * readable (tp-painter-links.c decides when).
 *
 * The badges of one item sit side by side in the order of their ports (so that a link's
 * badge is where its line would enter), in rows that stay within the item's width and
 * stack away from it. A badge never covers the item's text: it moves off the text box.
 */

#include "config.h"

#include <math.h>

#include "tp-layout-private.h"

/* As tall as a line of note text and its figure as large (TP_FONT_FIGURE, tabular), so
 * that a badge reads wherever the notes do. */
#define BADGE_HEIGHT   20.0
#define BADGE_OUTSIDE  6.0    /* how far a note's badge reaches below it: the gap is 8 */
#define BADGE_PAD_X    4.0    /* beside the number of a badge wider than a disc */
#define BADGE_SPACING  3.0    /* between the badges of one item */
#define BADGE_INSET    6.0    /* kept clear of an item's rounded corners */
#define TEXT_CLEARANCE 1.0    /* between a badge and an item's text box */
#define BADGE_RING_ROOM 2.0   /* the painter's white ring around a badge fits in this */

typedef struct
{
  guint   box;
  double  x;      /* where the link meets the item: sorts the row */
  double  width;
} Badge;

static int
compare_badges (gconstpointer a,
                gconstpointer b)
{
  const Badge *p = a, *q = b;

  if (p->x != q->x)
    return p->x < q->x ? -1 : 1;
  return p->box < q->box ? -1 : p->box > q->box ? 1 : 0;
}

/* Grows bounds to hold rect. */
static void
grow_bounds (TpRect       *bounds,
             const TpRect *rect)
{
  double x0 = MIN (bounds->x, rect->x), y0 = MIN (bounds->y, rect->y);
  double x1 = MAX (bounds->x + bounds->width, rect->x + rect->width);
  double y1 = MAX (bounds->y + bounds->height, rect->y + rect->height);

  *bounds = (TpRect) { x0, y0, x1 - x0, y1 - y0 };
}

/* Lays a group of badges out in rows along one edge of an item: centred on the span
 * [left, right], the first row straddling edge_y, the following ones further away in
 * direction (1 down, -1 up). The first row moves off the text box if it would touch it;
 * the following rows keep the same distance from one another. */
static void
place_row (TpLayout     *layout,
           GArray       *badges,
           double        left,
           double        right,
           double        edge_y,
           int           direction,
           const TpRect *text,
           gboolean      at_note)
{
  double span = MAX (right - left, BADGE_HEIGHT);
  /* A note's badge sits mostly on its footer, reaching only a little into the gap so as
   * to leave the note below clear; a card's half above its top edge. */
  double y0 = direction > 0 ? edge_y + BADGE_OUTSIDE - BADGE_HEIGHT : edge_y - BADGE_HEIGHT / 2;

  /* Off the text: below it at a note's bottom edge, above it at a card's top edge. */
  if (text != NULL && !tp_rect_is_empty (text))
    {
      if (direction > 0 && y0 < text->y + text->height + TEXT_CLEARANCE)
        y0 = text->y + text->height + TEXT_CLEARANCE;
      if (direction < 0 && y0 + BADGE_HEIGHT > text->y - TEXT_CLEARANCE)
        y0 = text->y - TEXT_CLEARANCE - BADGE_HEIGHT;
    }

  g_array_sort (badges, compare_badges);
  for (guint first = 0, row = 0; first < badges->len; row++)
    {
      double width = 0, x;
      guint end = first;

      /* As many as fit the span; at least one. */
      while (end < badges->len)
        {
          double w = g_array_index (badges, Badge, end).width;
          double more = width + (end > first ? BADGE_SPACING : 0) + w;

          if (end > first && more > span)
            break;
          width = more;
          end++;
        }

      x = round ((left + right - width) / 2);
      for (guint k = first; k < end; k++)
        {
          const Badge *badge = &g_array_index (badges, Badge, k);
          TpLinkBox *box = &g_array_index (layout->links.boxes, TpLinkBox, badge->box);
          TpRect rect = { x, round (y0 + direction * (double) row * (BADGE_HEIGHT + BADGE_SPACING)),
                          badge->width, BADGE_HEIGHT };

          if (at_note)
            box->note_badge = rect;
          else
            box->card_badge = rect;
          x += badge->width + BADGE_SPACING;
        }
      first = end;
    }
}

static void
add_badge (GHashTable *groups,
           gpointer    key,
           guint       box,
           double      x,
           double      width)
{
  GArray *group = g_hash_table_lookup (groups, key);
  Badge badge = { box, x, width };

  if (group == NULL)
    {
      group = g_array_new (FALSE, FALSE, sizeof (Badge));
      g_hash_table_insert (groups, key, group);
    }
  g_array_append_val (group, badge);
}

/* A badge's rect with room for the white ring the painter draws around it. */
static TpRect
ringed (const TpRect *badge)
{
  return (TpRect) { badge->x - BADGE_RING_ROOM, badge->y - BADGE_RING_ROOM,
                    badge->width + 2 * BADGE_RING_ROOM, badge->height + 2 * BADGE_RING_ROOM };
}

/* A link's bounds round its badges, from those of its path and pill: always in the same
 * order, so that a link finished again alone gets the very bounds of a full placing. A
 * link shown alone (hovered, selected) draws its label's pill and its badges together:
 * a pill on a lane near the cards steps up off its own card's badge. */
static void
finish_link (TpLinkBox *box)
{
  TpRect note = ringed (&box->note_badge), card = ringed (&box->card_badge);

  grow_bounds (&box->bounds, &note);
  grow_bounds (&box->bounds, &card);
  if (!tp_rect_is_empty (&box->pill) && tp_rect_intersects (&box->pill, &card))
    {
      box->pill.y = card.y - box->pill.height;
      grow_bounds (&box->bounds, &box->pill);
    }
}

/* Where a link's note badge goes: with its note's, or behind its block's "+N more". */
static gboolean
get_note_end (TpLayout  *layout,
              TpLinkBox *box,
              gpointer  *key)
{
  TpNoteInfo note;

  if (tp_layout_get_note (layout, box->note, &note) && note.visible)
    {
      *key = (gpointer) box->note;
      return TRUE;
    }
  *key = GUINT_TO_POINTER (note.container + 1);
  return FALSE;
}

void
_tp_layout_place_link_badges (TpLayout     *layout,
                              gboolean     *redo,
                              const TpRect *bases,
                              const TpRect *pills)
{
  TpLinks *links = &layout->links;
  g_autoptr(GHashTable) notes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) mores = g_hash_table_new_full (NULL, NULL, NULL,
                                                       (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) cards = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) redo_notes = NULL, redo_mores = NULL, redo_cards = NULL;
  GHashTableIter iter;
  gpointer key, value;
  double digit = 0;

  if (links->boxes->len == 0)
    return;

  /* Only the ends that a marked link has: theirs, then every link ending there. */
  if (redo != NULL)
    {
      redo_notes = g_hash_table_new (g_str_hash, g_str_equal);
      redo_mores = g_hash_table_new (NULL, NULL);
      redo_cards = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < links->boxes->len; i++)
        if (redo[i])
          {
            TpLinkBox *box = &g_array_index (links->boxes, TpLinkBox, i);

            if (get_note_end (layout, box, &key))
              g_hash_table_add (redo_notes, key);
            else
              g_hash_table_add (redo_mores, key);
            g_hash_table_add (redo_cards, (gpointer) box->touchpoint);
          }
    }

  /* Badge figures are tabular: one digit's width times the number of digits. */
  _tp_layout_measure_text (layout, TP_FONT_FIGURE, "8", -1, 1, &digit, NULL);

  for (guint i = 0; i < links->boxes->len; i++)
    {
      TpLinkBox *box = &g_array_index (links->boxes, TpLinkBox, i);
      const TpPoint *path = &g_array_index (links->points, TpPoint, box->first_point);
      guint digits = (guint) floor (log10 (MAX (box->number, 1))) + 1;
      double width = MAX (BADGE_HEIGHT, ceil (digits * digit) + 2 * BADGE_PAD_X);
      gboolean at_note = get_note_end (layout, box, &key);
      gboolean note_redone, card_redone;

      if (digits == 1)
        width = BADGE_HEIGHT;
      note_redone = redo == NULL ||
                    g_hash_table_contains (at_note ? redo_notes : redo_mores, key);
      card_redone = redo == NULL || g_hash_table_contains (redo_cards, box->touchpoint);
      if (note_redone)
        add_badge (at_note ? notes : mores, key, i, path[0].x, width);
      if (card_redone)
        add_badge (cards, (gpointer) box->touchpoint, i, path[box->n_points - 1].x, width);
      if (redo != NULL && (note_redone || card_redone))
        {
          redo[i] = TRUE;
          box->bounds = bases[i];
          box->pill = pills[i];
        }
    }

  g_hash_table_iter_init (&iter, notes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      TpNoteInfo note;

      tp_layout_get_note (layout, key, &note);
      place_row (layout, value, note.rect.x + BADGE_INSET,
                 note.rect.x + note.rect.width - BADGE_INSET, note.rect.y + note.rect.height,
                 1, &note.text, TRUE);
    }

  /* Behind "+N more": the badge stands for the notes it hides, and carries theirs. */
  g_hash_table_iter_init (&iter, mores);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const TpContainerInfo *info = &layout->blocks[GPOINTER_TO_UINT (key) - 1].info;
      const TpRect *more = tp_rect_is_empty (&info->more) ? &info->rect : &info->more;

      place_row (layout, value, more->x, more->x + more->width, more->y + more->height,
                 1, NULL, TRUE);
    }

  g_hash_table_iter_init (&iter, cards);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      TpTouchpointInfo touchpoint;
      double right;

      tp_layout_get_touchpoint (layout, key, &touchpoint);
      /* Clear of the moment-of-truth star in the card's top corner when it reaches
       * above the card's edge; otherwise the badges pass above it. */
      right = touchpoint.card.x + touchpoint.card.width - BADGE_INSET;
      if (!tp_rect_is_empty (&touchpoint.star) && touchpoint.star.y < touchpoint.card.y)
        right = MIN (right, touchpoint.star.x - BADGE_SPACING);
      place_row (layout, value, touchpoint.card.x + BADGE_INSET, right, touchpoint.card.y,
                 -1, &touchpoint.name, FALSE);
    }

  for (guint i = 0; i < links->boxes->len; i++)
    if (redo == NULL || redo[i])
      finish_link (&g_array_index (links->boxes, TpLinkBox, i));
}
