/* tp-layout-links-memo.c: what the links' routes depend on, signed.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The routing is global (lanes across the band, runs pulled apart in shared gutters): a
 * note that moves re-routes every link. The routes are therefore kept whole while a
 * signature of everything they read stays the same (tp-layout-links.c compares it), and
 * an edit that moves nothing they go round re-routes none.
 */

#include "config.h"

#include <string.h>

#include "tp-layout-links-private.h"

/* A 64-bit FNV-1a over what routing reads, field by field (never a struct's padding). */
guint64
_tp_links_sign_bytes (guint64       hash,
                      gconstpointer data,
                      gsize         size)
{
  const guchar *bytes = data;

  for (gsize i = 0; i < size; i++)
    hash = (hash ^ bytes[i]) * 0x100000001b3ull;
  return hash;
}

static guint64
sign_string (guint64     hash,
             const char *text)
{
  /* With its terminating zero, so that "ab" + "c" and "a" + "bc" differ. */
  return _tp_links_sign_bytes (hash, text != NULL ? text : "", text != NULL ? strlen (text) + 1 : 1);
}

/* A word at a time: a 10,000-note board signs 40,000 doubles at every update. Each step
 * is one-to-one in the word (and in the hash), as FNV-1a's is in each byte, so two
 * inputs that differ in one word never sign alike. */
static guint64
sign_word (guint64 hash,
           guint64 word)
{
  hash = (hash ^ word) * 0x100000001b3ull;
  return hash ^ (hash >> 32);
}

static guint64
sign_double (guint64 hash,
             double  value)
{
  guint64 bits;

  memcpy (&bits, &value, sizeof bits);
  return sign_word (hash, bits);
}

static guint64
sign_rect (guint64       hash,
           const TpRect *rect)
{
  hash = sign_double (hash, rect->x);
  hash = sign_double (hash, rect->y);
  hash = sign_double (hash, rect->width);
  return sign_double (hash, rect->height);
}

/* Byte by byte: tests/test-link-routes.c signs routes with these, against signatures it
 * keeps. */
guint64
_tp_links_sign_double (guint64 hash,
                       double  value)
{
  return _tp_links_sign_bytes (hash, &value, sizeof value);
}

guint64
_tp_links_sign_rect (guint64       hash,
                     const TpRect *rect)
{
  hash = _tp_links_sign_double (hash, rect->x);
  hash = _tp_links_sign_double (hash, rect->y);
  hash = _tp_links_sign_double (hash, rect->width);
  return _tp_links_sign_double (hash, rect->height);
}

static guint64
sign_uint (guint64 hash,
           guint   value)
{
  return sign_word (hash, value);
}

/* Everything the routes and their badges depend on: the links, every note they may
 * start from or step around (with the text rect the badges keep clear of), the blocks'
 * "+N more" badges, the cards with their names and stars, the regions above the band,
 * and the theme. An edit that moves none of these (a note's text that keeps its height,
 * a touchpoint's action, a vote on a card) keeps every route. */
guint64
_tp_links_sign_inputs (TpLayout   *layout,
                       TpDocument *document,
                       guint64    *frame)
{
  GPtrArray *doc_links = tp_document_get_links (document);
  TpJourney *journey = &layout->journey;
  guint64 hash = 0xcbf29ce484222325ull;
  guint64 places = 0xcbf29ce484222325ull;

  hash = _tp_links_sign_bytes (hash, &layout->theme, sizeof layout->theme);
  hash = sign_double (hash, layout->links.band_height);
  hash = sign_rect (hash, &layout->regions[TP_REGION_CANVAS]);
  hash = sign_rect (hash, &layout->regions[TP_REGION_VALUE_CHAIN]);

  hash = sign_uint (hash, doc_links->len);
  for (guint i = 0; i < doc_links->len; i++)
    {
      const TpLink *link = g_ptr_array_index (doc_links, i);

      hash = sign_string (hash, link->item.id);
      hash = sign_string (hash, link->note);
      hash = sign_string (hash, link->touchpoint);
      hash = sign_string (hash, link->label);
    }

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      const TpBlock *block = &layout->blocks[c];

      hash = sign_rect (hash, &block->info.rect);
      hash = sign_rect (hash, &block->info.more);
      places = sign_uint (places, block->rows != NULL ? block->rows->len : 0);
      for (guint r = 0; block->rows != NULL && r < block->rows->len; r++)
        {
          const TpRow *row = &g_array_index (block->rows, TpRow, r);

          places = sign_double (places, row->y);
          places = sign_double (places, row->height);
          places = sign_uint (places, row->first);
          places = sign_uint (places, row->n);
        }
    }

  hash = sign_uint (hash, layout->boxes->len);
  for (guint i = 0; i < layout->boxes->len; i++)
    {
      const TpNoteBox *box = _tp_layout_box (layout, i);

      hash = sign_string (hash, box->id);
      hash = sign_uint (hash, box->container);
      hash = sign_uint (hash, box->visible);
      /* A hidden note's rect is whatever a trial left there: the routes take its
       * block's "+N more" badge instead. */
      if (!box->visible)
        continue;
      places = sign_rect (places, &box->rect);
      places = sign_double (places, box->scale);
      places = sign_double (places, box->text_width);
      places = sign_uint (places, box->marks_inline);
    }

  hash = sign_uint (hash, journey->touchpoints->len);
  for (guint i = 0; i < journey->touchpoints->len; i++)
    {
      const TpTouchpointBox *box = _tp_journey_touchpoint (layout, i);

      hash = sign_string (hash, box->id);
      hash = sign_uint (hash, _tp_journey_stage (layout, box->stage)->info.tint);
      hash = sign_rect (hash, &box->info.card);
      hash = sign_rect (hash, &box->info.star);
      hash = sign_rect (hash, &box->info.name);
    }

  *frame = hash;
  return sign_word (hash, places);
}
