/* tp-layout-links-keep.c: the links that did not move keep their routes.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An edit that changes a note's height moves the notes after it in its block, and with
 * them the links that leave those notes; the routing is global (the band's lanes, the
 * runs pulled apart in shared gutters, the labels' pills clear of each other), so it was
 * all done again for every link. When only notes moved (the links, the cards, the band
 * and which notes are shown are as they were: tp_links_sign_frame()), tp-layout-links.c
 * still takes every link's first pass and its lane, which are cheap and exact, and then
 * keeps the rest wherever its inputs are as they were:
 *
 * - if every link enters and crosses the band where it did, the lanes, the arrivals on
 *   the cards and the labels' pills are as they were;
 * - a cluster of runs in a gutter (tp-layout-links-runs.c) is placed again only when
 *   one of its runs changed, a run that changed stood within its reach before, or a
 *   note that moved lies where its runs may step aside; otherwise its runs take the
 *   places they had;
 * - a link whose route comes out as before keeps its path, flattened path and bounds;
 * - the badges are placed again at the notes and cards where such a link ends.
 *
 * Each of these is the same as routing afresh (tests/test-layout-incremental.c compares
 * every link, point for point); whenever one does not hold, the routing is done whole.
 * This file keeps what a routing leaves for the next: each link's routes and path, and
 * where each shown note stood.
 */

#include "config.h"

#include <string.h>

#include "tp-layout-links-private.h"

/* Where each shown note stands now, for the next routing to compare. */
void
_tp_links_keep_note_rects (TpLayout *layout)
{
  GArray *rects = layout->links.note_rects;

  g_array_set_size (rects, layout->boxes->len);
  for (guint i = 0; i < layout->boxes->len; i++)
    {
      const TpNoteBox *box = _tp_layout_box (layout, i);

      g_array_index (rects, TpRect, i) = box->visible ? box->rect : (TpRect) { 0 };
    }
}

/* Whether any shown note moved since the last routing, and the rect that holds every
 * such note where it was and where it is; each note's place kept for the next, in the
 * same pass over them. */
gboolean
_tp_links_keep_moved (TpLayout *layout,
                      TpRect   *moved)
{
  GArray *rects = layout->links.note_rects;
  gboolean any = FALSE;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;

  if (rects->len != layout->boxes->len)
    {
      _tp_links_keep_note_rects (layout);
      *moved = (TpRect) { -G_MAXDOUBLE / 4, -G_MAXDOUBLE / 4, G_MAXDOUBLE / 2, G_MAXDOUBLE / 2 };
      return TRUE;
    }

  for (guint i = 0; i < layout->boxes->len; i++)
    {
      const TpNoteBox *box = _tp_layout_box (layout, i);
      TpRect *was = &g_array_index (rects, TpRect, i);
      const TpRect *now = box->visible ? &box->rect : &(TpRect) { 0 };

      if (memcmp (was, now, sizeof *now) == 0)
        continue;
      for (guint k = 0; k < 2; k++)
        {
          const TpRect *r = k == 0 ? was : now;

          if (tp_rect_is_empty (r))
            continue;
          if (!any)
            {
              x0 = r->x;
              y0 = r->y;
              x1 = r->x + r->width;
              y1 = r->y + r->height;
              any = TRUE;
              continue;
            }
          x0 = MIN (x0, r->x);
          y0 = MIN (y0, r->y);
          x1 = MAX (x1, r->x + r->width);
          y1 = MAX (y1, r->y + r->height);
        }
      *was = *now;
    }
  *moved = (TpRect) { x0, y0, x1 - x0, y1 - y0 };
  return any;
}

/* Whether a link's note moved or its text did since the last routing (its badge keeps
 * to both), with both written to now. */
gboolean
_tp_links_keep_note (TpLayout         *layout,
                     const TpLinkBox  *box,
                     const TpLinkKept *was,
                     TpLinkKept       *now)
{
  TpNoteInfo note;

  now->note = now->text = (TpRect) { 0 };
  if (tp_layout_get_note (layout, box->note, &note) && note.visible)
    {
      now->note = note.rect;
      now->text = note.text;
    }
  return was == NULL || memcmp (&was->note, &now->note, sizeof now->note) != 0 ||
         memcmp (&was->text, &now->text, sizeof now->text) != 0;
}
