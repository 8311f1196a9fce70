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

typedef struct
{
  double   width;       /* the block's notes area, unscaled */
  gboolean estimating;
  gboolean modelling;   /* a search's trial, from the model's lines */
  double   height;      /* the rows' height, unscaled */
} TpNeedMemo;

GArray *
_tp_layout_need_memo_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (TpNeedMemo));
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

gboolean
_tp_layout_need_sign (TpLayout   *layout,
                      TpContainer container,
                      GPtrArray  *notes)
{
  TpBlock *block = &layout->blocks[container];
  gboolean changed;
  guint64 h = mix (notes->len, ((guint64) layout->full_text << 1) | layout->link_footers);

  h = mix (h, GPOINTER_TO_SIZE (layout->theme));
  h = mix (h, layout->theme->note_max_lines);
  for (guint i = 0; i < notes->len; i++)
    {
      TpNote *note = g_ptr_array_index (notes, i);
      const char *text = note->text != NULL ? note->text : "";

      /* Its id too: the block's placed boxes are kept by the same signature
       * (tp-layout-blocks.c, place_notes()), and a box is its note's by id. */
      h = mix (h, ((guint64) g_str_hash (text) << 32) | g_str_hash (note->item.id));
      h = mix (h, ((guint64) strlen (text) << 32) | ((guint64) note->votes << 1) |
                  g_hash_table_contains (layout->linked, note->item.id));
    }

  changed = block->need_notes != notes || block->need_signature != h;
  if (changed)
    g_array_set_size (block->need_memo, 0);
  block->need_notes = notes;
  block->need_signature = h;
  return changed;
}

/* Only the whole block's notes as signed; a part of a canvas flows a slice of them. */
static gboolean
memo_applies (TpLayout  *layout,
              TpBlock   *block,
              GPtrArray *notes)
{
  return layout->part == NULL && notes == block->need_notes && block->slice_first == 0;
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
      const TpNeedMemo *memo = &g_array_index (block->need_memo, TpNeedMemo, i);

      if (memo->width == block->info.notes.width && memo->estimating == layout->estimating &&
          memo->modelling == _tp_layout_models (layout))
        {
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
  TpNeedMemo memo = { block->info.notes.width, layout->estimating,
                      _tp_layout_models (layout), height };

  if (!memo_applies (layout, block, notes))
    return;
  if (block->need_memo->len >= MAX_WIDTHS)
    g_array_set_size (block->need_memo, 0);
  g_array_append_val (block->need_memo, memo);
}
