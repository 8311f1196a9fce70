/* tp-layout-need.c: the rows' heights a block needs, remembered by width
 *
 * Fitting the board tries many widths: the canvas's columns are widened a quantum at a
 * time until they are level (tp-layout-canvas.c, share_band()), and each try flows every
 * note of the column (a cache lookup per note, hashing its text). At 10,000 notes that is
 * half a million lookups per update, and every update (an edit, a hover that relays out)
 * tries the same widths again. The height a block's notes need at full size depends only
 * on its notes (texts, votes, whether linked), the line limit and the width, so it is
 * remembered per block by width while a signature of those inputs stays the same: an edit
 * to one note lays out again only its own block's trials.
 *
 * An edit of a few notes keeps the memo: each width's rows are remembered too, and a
 * notes' row is flowed again (its notes measured at that width) only when the width is
 * asked again, the rows summed again in the same order, so that the height is the one a
 * whole flow gives to the last bit. A trial of the edited block at a width costs a row,
 * not the block.
 *
 * The signature is a 64-bit hash of the inputs, computed once per update. Two different
 * note sets with the same signature would reuse a stale height for the panel (never the
 * notes' own rects, which place_notes() flows for real); with 64 bits that is not a risk
 * in practice.
 *
 * Copyright 2026 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "model/tp-document.h"
#include "tp-layout-private.h"

/* More widths than an update tries; beyond it the memo starts over, so it stays small. */
#define MAX_WIDTHS 256
/* More notes changed at once than this (in one width's memo) start it over. */
#define MAX_PENDING 8

typedef struct
{
  double   width;       /* the block's notes area, unscaled */
  gboolean estimating;
  double   height;      /* the rows' height, unscaled */
  GArray  *rows;        /* double: each row's height, top to bottom */
  guint    pending[MAX_PENDING];  /* notes changed since, whose rows are to flow again */
  guint    n_pending;
} TpNeedMemo;

static void
need_memo_clear (gpointer data)
{
  TpNeedMemo *memo = data;

  g_clear_pointer (&memo->rows, g_array_unref);
}

GArray *
_tp_layout_need_memo_new (void)
{
  GArray *memo = g_array_new (FALSE, FALSE, sizeof (TpNeedMemo));

  g_array_set_clear_func (memo, need_memo_clear);
  return memo;
}

void
_tp_layout_need_free (TpBlock *block)
{
  g_clear_pointer (&block->need_memo, g_array_unref);
  g_clear_pointer (&block->need_hashes, g_array_unref);
}

static guint64
mix (guint64 h,
     guint64 v)
{
  /* splitmix64's finaliser over the running value: cheap and well spread. */
  h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 27;
  return h;
}

/* Every memo's rows that hold note i are to flow again; a memo with too many such notes
 * is forgotten. */
static void
mark_changed (TpBlock *block,
              guint    i)
{
  for (guint m = block->need_memo->len; m-- > 0; )
    {
      TpNeedMemo *memo = &g_array_index (block->need_memo, TpNeedMemo, m);

      if (memo->n_pending == MAX_PENDING)
        g_array_remove_index_fast (block->need_memo, m);
      else
        memo->pending[memo->n_pending++] = i;
    }
}

/* Notes signed, over the process, for tests' counts. */
static int n_signed;

guint
_tp_layout_count_signed (void)
{
  return (guint) g_atomic_int_get (&n_signed);
}

gboolean
_tp_layout_need_sign (TpLayout   *layout,
                      TpContainer container,
                      GPtrArray  *notes)
{
  TpBlock *block = &layout->blocks[container];
  guint64 head = mix (notes->len, ((guint64) layout->full_text << 1) | layout->link_footers);
  guint64 h;
  gboolean same_notes;
  guint n_changed = 0;

  head = mix (head, GPOINTER_TO_SIZE (layout->theme));
  head = mix (head, layout->theme->note_max_lines);
  if (block->need_hashes == NULL)
    block->need_hashes = g_array_new (FALSE, FALSE, sizeof (guint64));
  /* The same notes but a few: their rows are flowed again at each width (mark_changed);
   * anything else starts the memo over. */
  same_notes = block->need_notes == notes && block->need_head == head &&
               block->need_hashes->len == notes->len;
  /* A block the caller says no edit touched keeps its hashes and signature
   * (tp_layout_update_blocks()). */
  if (same_notes && layout->edited != NULL && !layout->edited[container])
    return FALSE;
  if (!same_notes)
    {
      g_array_set_size (block->need_memo, 0);
      g_array_set_size (block->need_hashes, notes->len);
    }

  g_atomic_int_add (&n_signed, (int) notes->len);
  h = head;
  for (guint i = 0; i < notes->len; i++)
    {
      TpNote *note = g_ptr_array_index (notes, i);
      const char *text = note->text != NULL ? note->text : "";
      guint64 *kept = &g_array_index (block->need_hashes, guint64, i);
      /* Its id too: the block's placed boxes are kept by the same signature
       * (tp-layout-blocks.c, place_notes()), and a box is its note's by id. */
      guint64 one = mix (((guint64) g_str_hash (text) << 32) | g_str_hash (note->item.id),
                         ((guint64) strlen (text) << 32) | ((guint64) note->votes << 1) |
                         g_hash_table_contains (layout->linked, note->item.id));

      if (same_notes && *kept != one)
        {
          n_changed++;
          mark_changed (block, i);
        }
      *kept = one;
      h = mix (h, one);
    }

  block->need_notes = notes;
  block->need_head = head;
  block->need_signature = h;
  return !same_notes || n_changed > 0;
}

/* Only the whole block's notes as signed; a part of a canvas flows a slice of them. */
static gboolean
memo_applies (TpLayout  *layout,
              TpBlock   *block,
              GPtrArray *notes)
{
  return layout->part == NULL && notes == block->need_notes && block->slice_first == 0;
}

/* The rows that hold the notes changed since the memo was made, flowed again, and the
 * rows' height summed again as flow() sums it. */
static void
flow_pending (TpLayout   *layout,
              TpBlock    *block,
              GPtrArray  *notes,
              TpNeedMemo *memo)
{
  double gap = layout->theme->note_gap;
  guint columns = _tp_layout_need_columns (layout, block, notes);
  double y = 0;

  for (guint p = 0; p < memo->n_pending; p++)
    {
      guint row = memo->pending[p] / columns;

      g_assert (row < memo->rows->len);
      g_array_index (memo->rows, double, row) = _tp_layout_need_row (layout, block, notes, row);
    }
  memo->n_pending = 0;

  for (guint r = 0; r + 1 < memo->rows->len; r++)
    y += g_array_index (memo->rows, double, r) + gap;
  memo->height = memo->rows->len > 0
                 ? y + g_array_index (memo->rows, double, memo->rows->len - 1) : 0;
}

gboolean
_tp_layout_need_lookup (TpLayout  *layout,
                        TpBlock   *block,
                        GPtrArray *notes,
                        double    *height)
{
  if (!memo_applies (layout, block, notes))
    return FALSE;

  for (guint i = 0; i < block->need_memo->len; i++)
    {
      TpNeedMemo *memo = &g_array_index (block->need_memo, TpNeedMemo, i);

      if (memo->width == block->info.notes.width && memo->estimating == layout->estimating)
        {
          if (memo->n_pending > 0)
            flow_pending (layout, block, notes, memo);
          *height = memo->height;
          return TRUE;
        }
    }
  return FALSE;
}

void
_tp_layout_need_store (TpLayout  *layout,
                       TpBlock   *block,
                       GPtrArray *notes,
                       double     height)
{
  TpNeedMemo memo = { block->info.notes.width, layout->estimating, height, NULL, { 0 }, 0 };

  if (!memo_applies (layout, block, notes))
    return;
  if (block->need_memo->len >= MAX_WIDTHS)
    g_array_set_size (block->need_memo, 0);
  /* The rows as flowed just now, at full size. */
  memo.rows = g_array_sized_new (FALSE, FALSE, sizeof (double), block->rows->len);
  for (guint r = 0; r < block->rows->len; r++)
    g_array_append_val (memo.rows, g_array_index (block->rows, TpRow, r).height);
  g_array_append_val (block->need_memo, memo);
}
