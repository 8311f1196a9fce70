/* tp-board-find.c: what the board does for finding things: the search's matches
 * highlighted, a match brought into view, and zooming to the selection.
 *
 * Matches are a view overlay (never exported): a soft yellow wash over every matching
 * note, card or stage header, and a stronger ring round the current one, so the eye
 * finds them at any zoom without mistaking them for the (blue) selection.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tp-board-private.h"

/* A selection of one note is not blown up to fill the screen: zooming to it stops at
 * twice the natural size, where a note is comfortably read from across a room. */
#define SELECTION_ZOOM_MAX 2.0

/* GNOME's yellow 2 and orange 3: a highlighter, apart from the blue of the selection. */
static const GdkRGBA match_fill = { 0xf8 / 255.0, 0xe4 / 255.0, 0x5c / 255.0, 0.45 };
static const GdkRGBA match_ring = { 0xff / 255.0, 0x78 / 255.0, 0x00 / 255.0, 1.0 };

/* Where an item shows on the board, board units: a note, a touchpoint's card, a stage's
 * header, both ends of a link. FALSE for items the board does not show (personas,
 * notes behind "+N more"). */
gboolean
_tp_board_get_item_rect (TpBoard    *self,
                         const char *id,
                         TpRect     *rect)
{
  TpItem *item;

  if (self->document == NULL || id == NULL ||
      (item = tp_document_lookup (self->document, id)) == NULL)
    return FALSE;

  _tp_board_ensure_layout (self);
  switch (item->kind)
    {
    case TP_ITEM_NOTE:
      {
        TpNoteInfo info;

        if (!tp_layout_get_note (self->layout, id, &info) || !info.visible)
          return FALSE;
        *rect = info.rect;
        return TRUE;
      }

    case TP_ITEM_STAGE:
      {
        TpStageInfo info;

        if (!tp_layout_get_stage (self->layout, id, &info))
          return FALSE;
        *rect = info.header;
        return TRUE;
      }

    case TP_ITEM_TOUCHPOINT:
      {
        TpTouchpointInfo info;

        if (!tp_layout_get_touchpoint (self->layout, id, &info))
          return FALSE;
        *rect = info.card;
        return TRUE;
      }

    case TP_ITEM_LINK:
      {
        TpLink *link = (TpLink *) item;
        TpRect a, b;

        if (!_tp_board_get_item_rect (self, link->note, &a) ||
            !_tp_board_get_item_rect (self, link->touchpoint, &b))
          return FALSE;
        _tp_rect_union (&a, &b, rect);
        return TRUE;
      }

    case TP_ITEM_PERSONA:
    case TP_ITEM_META:
    default:
      return FALSE;
    }
}

void
_tp_rect_union (const TpRect *a,
                const TpRect *b,
                TpRect       *out)
{
  double x0 = MIN (a->x, b->x);
  double y0 = MIN (a->y, b->y);
  double x1 = MAX (a->x + a->width, b->x + b->width);
  double y1 = MAX (a->y + a->height, b->y + b->height);

  *out = (TpRect) { x0, y0, x1 - x0, y1 - y0 };
}

gboolean
tp_board_zoom_to_selection (TpBoard *self)
{
  const char * const *ids;
  gboolean any = FALSE;
  TpRect bounds = { 0, };

  g_return_val_if_fail (TP_IS_BOARD (self), FALSE);

  ids = tp_selection_get_ids (self->selection);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      TpRect rect;

      _tp_board_show_note (self, ids[i]);
      if (!_tp_board_get_item_rect (self, ids[i], &rect))
        continue;
      if (any)
        _tp_rect_union (&bounds, &rect, &bounds);
      else
        bounds = rect;
      any = TRUE;
    }

  return any && _tp_board_zoom_to_rect (self, &bounds, SELECTION_ZOOM_MAX);
}

void
tp_board_set_matches (TpBoard            *self,
                      const char * const *ids,
                      const char         *current)
{
  g_return_if_fail (TP_IS_BOARD (self));

  g_clear_pointer (&self->matches, g_hash_table_unref);
  g_clear_pointer (&self->current_match, g_free);
  if (ids != NULL && ids[0] != NULL)
    {
      self->matches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; ids[i] != NULL; i++)
        g_hash_table_add (self->matches, g_strdup (ids[i]));
    }
  self->current_match = g_strdup (current);

  /* A match behind its block's "+N more" could not be seen: its block opens. */
  if (current != NULL)
    _tp_board_show_note (self, current);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_tp_board_snapshot_matches (TpBoard     *self,
                            GtkSnapshot *snapshot)
{
  GHashTableIter iter;
  const char *id;
  double radius;

  if (self->matches == NULL || self->layout == NULL)
    return;

  radius = tp_layout_get_theme (self->layout)->note_radius * self->zoom;
  g_hash_table_iter_init (&iter, self->matches);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    {
      graphene_rect_t rect;
      TpRect board;
      gboolean current = g_strcmp0 (id, self->current_match) == 0;

      /* A link's ends are highlighted as its curve is: through the selection. */
      if (tp_document_lookup_kind (self->document, id, TP_ITEM_LINK) != NULL ||
          !_tp_board_get_item_rect (self, id, &board))
        continue;

      _tp_board_rect_to_widget (self, &board, &rect);
      _tp_board_append_rounded_fill (snapshot, &rect, radius, &match_fill);
      _tp_board_append_outline (snapshot, &rect, radius, current ? 3 : 1,
                                current ? 3 : 1.5, &match_ring);
    }
}

void
_tp_board_find_dispose (TpBoard *self)
{
  g_clear_pointer (&self->matches, g_hash_table_unref);
  g_clear_pointer (&self->current_match, g_free);
}
