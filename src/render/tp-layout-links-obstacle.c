/* tp-layout-links-obstacle.c: the first note a link's line would cut through.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Routing asks this for every step of every link on its way down (and for the places a
 * run may move to in its gutter), so it must not cost the notes below the line: a line
 * down a gutter of a block of a thousand notes meets none of them, and asking each of
 * them (tp_layout_query_notes()) made routing quadratic. A block's notes stand in a grid
 * (tp-layout-blocks.c, commit()): every row's k-th note has the same x and width, and the
 * notes of a row share its y and height. So the columns a vertical line can meet are
 * found once per block, by bisection on one row, and the rows are walked from the line's
 * top only until one holds a note the line meets: the answer is exactly the note the
 * whole query would have ranked first.
 */

#include "config.h"

#include "tp-layout-links-private.h"

/* The first column (from 0) whose notes do not lie wholly left of line, and the first
 * wholly right of it, on the block's widest row (its first: only the last row may be
 * short). The same comparisons as tp_rect_intersects(), so that no note is lost to
 * rounding. */
static void
get_columns (TpLayout     *layout,
             const TpRow  *row,
             const TpRect *line,
             guint        *first,
             guint        *end)
{
  guint lo = 0, hi = row->n;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const TpRect *rect = &_tp_layout_box (layout, row->first + mid)->rect;

      if (line->x < rect->x + rect->width)
        hi = mid;
      else
        lo = mid + 1;
    }
  *first = lo;

  hi = row->n;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const TpRect *rect = &_tp_layout_box (layout, row->first + mid)->rect;

      if (rect->x < line->x + line->width)
        lo = mid + 1;
      else
        hi = mid;
    }
  *end = lo;
}

/* The first note of the block, row by row from the top, then left to right, that line
 * meets, other than own. */
static const TpNoteBox *
first_in_block (TpLayout     *layout,
                TpBlock      *block,
                const TpRect *line,
                const char   *own)
{
  guint first, end;

  if (block->rows->len == 0 || !tp_rect_intersects (&block->info.notes, line))
    return NULL;

  get_columns (layout, &g_array_index (block->rows, TpRow, 0), line, &first, &end);
  if (first >= end)
    return NULL;

  for (guint r = _tp_block_first_row_below (block, line->y); r < block->rows->len; r++)
    {
      const TpRow *row = &g_array_index (block->rows, TpRow, r);

      if (row->y >= line->y + line->height)
        break;
      for (guint k = first; k < MIN (end, row->n); k++)
        {
          const TpNoteBox *box = _tp_layout_box (layout, row->first + k);

          if (box->id != own && tp_rect_intersects (&box->rect, line))
            return box;
        }
    }
  return NULL;
}

const TpNoteBox *
_tp_links_first_note (TpLayout     *layout,
                      const TpRect *line,
                      const char   *own)
{
  const TpNoteBox *best = NULL;

  /* Blocks in the order tp_layout_query_notes() takes them: among notes as high, the
   * first found wins. */
  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      const TpNoteBox *box = first_in_block (layout, &layout->blocks[c], line, own);

      if (box != NULL && (best == NULL || box->rect.y < best->rect.y))
        best = box;
    }
  return best;
}
