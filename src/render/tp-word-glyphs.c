/* tp-word-glyphs.c: a word's shaped glyphs, kept to paint every text that uses it
 * (tp-word-glyphs.h)
 *
 * Copyright 2026 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tp-paint-glyphs.h"
#include "tp-word-glyphs.h"

/* One run of the word's line: a font's glyphs for some of its bytes. */
typedef struct
{
  PangoFont        *font;
  int               offset, length;  /* bytes of the word */
  PangoGlyphString *glyphs;
} Run;

struct _TpWordGlyphs
{
  int      width;      /* Pango units */
  int      baseline;   /* below its line's top, Pango units */
  int      length;     /* bytes */
  gboolean plain;      /* left-to-right, unraised, every glyph known, no leading mark */
  guint    n_runs;
  Run      runs[];
};

static TpWordGlyphs *
word_new (guint n_runs)
{
  return g_atomic_rc_box_alloc0 (sizeof (TpWordGlyphs) + n_runs * sizeof (Run));
}

static gboolean
run_is_plain (const PangoGlyphItem *run)
{
  if (run->item->analysis.level % 2 != 0 || run->y_offset != 0 ||
      run->glyphs->num_glyphs == 0 || run->glyphs->log_clusters[0] != 0)
    return FALSE;
  for (int i = 0; i < run->glyphs->num_glyphs; i++)
    if ((run->glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0)
      return FALSE;
  return TRUE;
}

TpWordGlyphs *
_tp_word_glyphs_new (PangoLayoutLine *line,
                     int              logical_width,
                     int              baseline)
{
  const char *text = pango_layout_get_text (line->layout) + line->start_index;
  TpWordGlyphs *word = word_new (g_slist_length (line->runs));
  guint i = 0;

  word->width = logical_width;
  word->baseline = baseline;
  word->length = line->length;
  /* A mark first would join the space before it in a text: a cluster across them. */
  word->plain = line->length > 0 && !g_unichar_ismark (g_utf8_get_char (text));
  for (GSList *l = line->runs; l != NULL; l = l->next, i++)
    {
      const PangoGlyphItem *glyph_item = l->data;
      Run *run = &word->runs[i];

      run->font = g_object_ref (glyph_item->item->analysis.font);
      run->offset = glyph_item->item->offset - line->start_index;
      run->length = glyph_item->item->length;
      run->glyphs = pango_glyph_string_copy (glyph_item->glyphs);
      word->plain = word->plain && run_is_plain (glyph_item);
    }
  word->n_runs = i;
  return word;
}

void
_tp_word_glyphs_probe (TpWordGlyphs    *word,
                       PangoLayoutLine *probe,
                       int              at)
{
  guint r = 0;
  int g = 0, matched = 0, n_glyphs = 0;

  if (!word->plain)
    return;
  for (guint i = 0; i < word->n_runs; i++)
    n_glyphs += word->runs[i].glyphs->num_glyphs;

  /* The probe's glyphs of the word's bytes, in order, against the word's own. */
  for (GSList *l = probe->runs; l != NULL; l = l->next)
    {
      const PangoGlyphItem *glyph_item = l->data;
      const PangoGlyphString *string = glyph_item->glyphs;
      int item = glyph_item->item->offset - probe->start_index;

      for (int k = 0; k < string->num_glyphs; k++)
        {
          int byte = item + string->log_clusters[k] - at;
          const Run *run;
          const PangoGlyphInfo *mine, *theirs = &string->glyphs[k];

          if (byte < 0 || byte >= word->length)
            continue;
          if (r >= word->n_runs)
            goto differs;
          run = &word->runs[r];
          mine = &run->glyphs->glyphs[g];
          if (glyph_item->item->analysis.font != run->font ||
              byte != run->offset + run->glyphs->log_clusters[g] ||
              mine->glyph != theirs->glyph ||
              mine->geometry.width != theirs->geometry.width ||
              mine->geometry.x_offset != theirs->geometry.x_offset ||
              mine->geometry.y_offset != theirs->geometry.y_offset)
            goto differs;
          matched++;
          if (++g == run->glyphs->num_glyphs)
            {
              r++;
              g = 0;
            }
        }
    }
  if (matched == n_glyphs)
    return;

differs:
  word->plain = FALSE;
}

TpWordGlyphs *
_tp_word_glyphs_new_space (PangoLayoutLine *line,
                           int              baseline)
{
  const PangoGlyphItem *glyph_item;
  TpWordGlyphs *space;
  Run *run;

  if (line->runs == NULL || line->runs->next != NULL)
    return NULL;
  glyph_item = line->runs->data;
  if (glyph_item->glyphs->num_glyphs != 3 || glyph_item->glyphs->log_clusters[1] != 1 ||
      glyph_item->glyphs->log_clusters[2] != 2 || !run_is_plain (glyph_item))
    return NULL;

  space = word_new (1);
  space->baseline = baseline;
  space->plain = TRUE;
  space->n_runs = 1;
  run = &space->runs[0];
  run->font = g_object_ref (glyph_item->item->analysis.font);
  run->length = 1;
  run->glyphs = pango_glyph_string_new ();
  pango_glyph_string_set_size (run->glyphs, 1);
  run->glyphs->glyphs[0] = glyph_item->glyphs->glyphs[1];
  run->glyphs->log_clusters[0] = 0;
  space->width = run->glyphs->glyphs[0].geometry.width;
  return space;
}

TpWordGlyphs *
_tp_word_glyphs_ref (TpWordGlyphs *word)
{
  return g_atomic_rc_box_acquire (word);
}

static void
word_clear (gpointer data)
{
  TpWordGlyphs *word = data;

  for (guint i = 0; i < word->n_runs; i++)
    {
      g_object_unref (word->runs[i].font);
      pango_glyph_string_free (word->runs[i].glyphs);
    }
}

void
_tp_word_glyphs_unref (TpWordGlyphs *word)
{
  if (word != NULL)
    g_atomic_rc_box_release_full (word, word_clear);
}

int
_tp_word_glyphs_get_width (const TpWordGlyphs *word)
{
  return word->width;
}

int
_tp_word_glyphs_get_baseline (const TpWordGlyphs *word)
{
  return word->baseline;
}

int
_tp_word_glyphs_get_length (const TpWordGlyphs *word)
{
  return word->length;
}

gboolean
_tp_word_glyphs_fits (const TpWordGlyphs *word,
                      const TpWordGlyphs *space)
{
  if (!word->plain || word->baseline != space->baseline)
    return FALSE;
  for (guint i = 0; i < word->n_runs; i++)
    if (word->runs[i].font != space->runs[0].font)
      return FALSE;
  return TRUE;
}

gboolean
_tp_word_glyphs_collect (const TpWordGlyphs *word,
                         int                 offset,
                         double              x0,
                         int                 x,
                         double              y0,
                         int                 top,
                         GArray             *segments,
                         GArray             *glyphs,
                         GArray             *clusters)
{
  for (guint i = 0; i < word->n_runs; i++)
    {
      const Run *run = &word->runs[i];

      if (!_tp_paint_glyphs_add_string (run->font, offset + run->offset, run->length,
                                        run->glyphs, x0, x, y0, top + word->baseline,
                                        segments, glyphs, clusters))
        return FALSE;
      for (int g = 0; g < run->glyphs->num_glyphs; g++)
        x += run->glyphs->glyphs[g].geometry.width;
    }
  return TRUE;
}

gboolean
_tp_word_glyphs_collect_space (const TpWordGlyphs *space,
                               gboolean            empty,
                               int                 offset,
                               double              x0,
                               int                 x,
                               double              y0,
                               int                 top,
                               GArray             *segments,
                               GArray             *glyphs,
                               GArray             *clusters)
{
  const Run *run = &space->runs[0];
  PangoGlyphInfo info = run->glyphs->glyphs[0];
  int cluster = 0;
  PangoGlyphString one = { 1, &info, &cluster, 0 };

  if (empty)
    {
      /* As Pango draws a wrapped line's last space (zero_line_final_space()). */
      info.glyph = PANGO_GLYPH_EMPTY;
      info.geometry.width = 0;
    }
  return _tp_paint_glyphs_add_string (run->font, offset, 1, &one, x0, x, y0,
                                      top + space->baseline, segments, glyphs, clusters);
}
