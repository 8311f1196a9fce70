/* tp-layout-model.c: a text's lines at any width, from its words' widths, for the fit's
 * searches and the layout's widths
 *
 * Fitting the canvas tries many widths for every column (share_band() in
 * tp-layout-canvas.c widens the tallest a quantum at a time) and every trial wraps every
 * note of the column. The measurement cache (tp-layout-measure.c) reuses a shaping over
 * the span of widths that wrap a text alike, but a long note wraps differently every few
 * quanta: a 1,000-note board export shaped each note about five times (HarfBuzz, most of
 * the export's time), for trials whose only use is the column's height.
 *
 * Pango wraps a left-aligned, unhinted line greedily: it holds the pieces between two
 * places a line may break (a word and the spaces after it) while their widths, spaces
 * included but for the line's last, add up to no more than the width, and draws that
 * last space zero wide. The glyphs' advances are additive across a space (nothing kerns across one in
 * the note fonts), so a text's lines at any width follow from its pieces' widths. Those
 * are measured once per distinct word and role, many words in one laid-out text, and
 * shared by every text that uses them (a board repeats its vocabulary). A model answers
 * only what it can tell exactly: a piece wider than a line (Pango cuts it inside the
 * word), soft hyphens, tabs, other spaces, right-to-left text and other paragraph
 * separators than a newline leave the text to a real measurement.
 *
 * Every measurement of a note's text uses the model where it can tell (the fit's trials
 * and estimates, and the widths laid out at last alike), so a note's text is shaped only
 * to be painted, once, at its final width: shaping the final widths while laying out
 * held thousands of laid-out texts for the painter, beyond the cap of those kept
 * unpainted at 10,000 notes. A model that were wrong would draw a text a line off its
 * box: the measurement cache checks the model against Pango's lines whenever it shapes a
 * modelled text to paint it (check_model(), tp-layout-measure.c), a warning in every
 * test that paints. tests/test-measure-cache.c compares the model with Pango over many
 * texts and widths, and the geometry of layouts made with and without it, rect for rect.
 *
 * Copyright 2026 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tp-layout-private.h"
#include "tp-text.h"

typedef struct
{
  int      width;       /* the piece without its spaces, Pango units */
  guint16  spaces;      /* U+0020 after it */
  gboolean paragraph;   /* the first piece of a paragraph */
} Piece;

struct _TpTextModel
{
  guint  n_pieces;      /* 0: the text is one empty line */
  guint  n_paragraphs;
  Piece  pieces[];
};

/* Words kept beyond which the table starts over: a long session edits many texts. */
#define MAX_WORDS 65536

static guint n_batches, n_wrapped;

void
_tp_layout_get_model_counts (guint *batches,
                             guint *wrapped)
{
  *batches = n_batches;
  *wrapped = n_wrapped;
}

void
_tp_layout_words_clear (TpLayout *layout)
{
  for (guint r = 0; r < TP_N_FONT_ROLES; r++)
    g_clear_pointer (&layout->words[r], g_hash_table_unref);
}

/* A line's height in a role, Pango units: every line of a role is as tall (an absolute
 * line height, tp-text.c). */
static int
line_units (TpLayout   *layout,
            TpFontRole  role)
{
  if (layout->line_units[role] == 0)
    {
      g_autoptr(PangoLayout) one = tp_text_layout_new_lines (layout->context, layout->theme, role,
                                                             "x", -1, 0);
      PangoRectangle logical;

      pango_layout_get_extents (one, NULL, &logical);
      layout->line_units[role] = MAX (1, logical.height);
    }
  return layout->line_units[role];
}

/* Characters whose lines are plain greedy word wrapping: left-to-right scripts below
 * Hebrew, and the punctuation, currency and symbols typed among them. Tabs, soft hyphens,
 * other line or paragraph separators, bidirectional marks and the rest (scripts Pango
 * tailors its breaks for, emoji sequences) leave the text to a real measurement. */
static gboolean
is_modelled_char (gunichar c)
{
  if (c < 0x0590)
    return c >= 0x20 ? (c < 0x7F || c > 0x9F) && c != 0x00AD : c == '\n';
  return (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) ||
         (c >= 0x20A0 && c <= 0x20CF) || (c >= 0x2100 && c <= 0x21FF);
}

/* Measures the words not yet in the table, all in one laid-out text, a line each. */
static gboolean
measure_words (TpLayout   *layout,
               TpFontRole  role,
               GPtrArray  *unknown)
{
  GHashTable *words = layout->words[role];
  g_autoptr(GString) batch = g_string_new (NULL);
  g_autoptr(PangoLayout) text = NULL;
  PangoLayoutIter *iter;
  guint i = 0;

  for (guint w = 0; w < unknown->len; w++)
    {
      if (w > 0)
        g_string_append_c (batch, '\n');
      g_string_append (batch, g_ptr_array_index (unknown, w));
    }
  n_batches++;
  text = tp_text_layout_new_lines (layout->context, layout->theme, role, batch->str, -1, 0);
  if (pango_layout_get_line_count (text) != (int) unknown->len)
    return FALSE;

  iter = pango_layout_get_iter (text);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      g_hash_table_insert (words, g_strdup (g_ptr_array_index (unknown, i)),
                           GINT_TO_POINTER (logical.width + 1));
      i++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return TRUE;
}

TpTextModel *
_tp_text_model_new (TpLayout   *layout,
                    TpFontRole  role,
                    const char *text)
{
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) unknown = g_ptr_array_new ();
  PangoLanguage *language = pango_context_get_language (layout->context);
  TpTextModel *model;
  guint n_paragraphs = 0;

  if (!g_utf8_validate (text, -1, NULL))
    return NULL;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_modelled_char (g_utf8_get_char (p)))
      return NULL;

  if (layout->words[role] == NULL || g_hash_table_size (layout->words[role]) > MAX_WORDS)
    {
      g_clear_pointer (&layout->words[role], g_hash_table_unref);
      layout->words[role] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }

  /* Each paragraph's pieces: from one place a line may break to the next. */
  for (const char *start = text; ; )
    {
      const char *end = strchr (start, '\n');
      gsize len = end != NULL ? (gsize) (end - start) : strlen (start);
      glong n_chars = g_utf8_strlen (start, len);
      gboolean first = TRUE;

      n_paragraphs++;
      if (n_chars > 0)
        {
          g_autofree PangoLogAttr *attrs = g_new0 (PangoLogAttr, n_chars + 1);
          const char *piece = start;
          glong offset = 0;

          pango_get_log_attrs (start, len, -1, language, attrs, n_chars + 1);
          while (offset < n_chars)
            {
              glong next = offset + 1;
              const char *after, *word_end;
              Piece one = { 0 };
              gpointer known;

              while (next < n_chars && !attrs[next].is_line_break)
                next++;
              after = g_utf8_offset_to_pointer (piece, next - offset);
              word_end = after;
              while (word_end > piece && word_end[-1] == ' ')
                word_end--;
              one.spaces = after - word_end;
              one.paragraph = first;
              first = FALSE;
              /* Only spaces may end a piece without width of their own. */
              if (word_end > piece &&
                  g_unichar_isspace (g_utf8_get_char (g_utf8_find_prev_char (piece, word_end))))
                goto unknown;
              if (word_end > piece)
                {
                  char *word = g_strndup (piece, word_end - piece);

                  if (!g_hash_table_lookup_extended (layout->words[role], word, NULL, &known))
                    {
                      g_hash_table_insert (layout->words[role], g_strdup (word), GINT_TO_POINTER (0));
                      g_ptr_array_add (unknown, word);
                      g_ptr_array_add (words, word);
                    }
                  else
                    g_ptr_array_add (words, word);
                }
              else
                g_ptr_array_add (words, NULL);
              g_array_append_val (pieces, one);
              piece = after;
              offset = next;
            }
        }
      else
        {
          Piece empty = { 0, 0, TRUE };

          g_array_append_val (pieces, empty);
          g_ptr_array_add (words, NULL);
        }
      if (end == NULL)
        break;
      start = end + 1;
    }

  if (unknown->len > 0 && !measure_words (layout, role, unknown))
    goto unknown;

  model = g_malloc (sizeof (TpTextModel) + pieces->len * sizeof (Piece));
  model->n_pieces = pieces->len;
  model->n_paragraphs = n_paragraphs;
  for (guint i = 0; i < pieces->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);

      model->pieces[i] = g_array_index (pieces, Piece, i);
      if (word != NULL)
        model->pieces[i].width = GPOINTER_TO_INT (g_hash_table_lookup (layout->words[role], word)) - 1;
    }
  return model;

unknown:
  /* No word stays in the table unmeasured. */
  for (guint w = 0; w < unknown->len; w++)
    if (g_hash_table_lookup (layout->words[role], g_ptr_array_index (unknown, w)) == NULL)
      g_hash_table_remove (layout->words[role], g_ptr_array_index (unknown, w));
  return NULL;
}

void
_tp_text_model_free (TpTextModel *model)
{
  g_free (model);
}

gboolean
_tp_text_model_wrap (TpLayout          *layout,
                     TpFontRole         role,
                     const TpTextModel *model,
                     int                width,
                     guint              max_lines,
                     double            *height,
                     double            *text_width,
                     double            *last_right,
                     gboolean          *truncated)
{
  int space = _tp_layout_space_units (layout, role);
  guint lines = 0, trailing = 0;
  int widest = 0, line = 0, last = 0;
  gboolean open = FALSE;

  if (width <= 0)
    return FALSE;

  for (guint i = 0; i < model->n_pieces; i++)
    {
      const Piece *piece = &model->pieces[i];
      int full = piece->width + piece->spaces * space;
      /* Pango fits a line without its last space (find_break_extra_width()). */
      int fit = full - (piece->spaces > 0 ? space : 0);

      if (piece->paragraph && open)
        {
          /* A paragraph's last line keeps its spaces' widths. */
          widest = MAX (widest, line);
          lines++;
          open = FALSE;
        }
      if (open && line + fit <= width)
        {
          line += full;
          trailing = piece->spaces;
          continue;
        }
      if (open)
        {
          /* A wrapped line draws its last space zero wide. */
          widest = MAX (widest, line - (trailing > 0 ? space : 0));
          lines++;
        }
      /* A piece wider than a line is cut inside it: Pango's to tell. */
      if (fit > width)
        return FALSE;
      line = full;
      trailing = piece->spaces;
      open = TRUE;
    }
  widest = MAX (widest, line);
  last = line;
  lines++;

  *truncated = max_lines > 0 && lines > max_lines;
  /* The cut strips the spaces its last line ends with, newlines included, before the
   * ellipsis: a cut after an empty line or a line of spaces loses lines. */
  if (*truncated && (model->n_paragraphs > 1 || model->pieces[0].width == 0))
    return FALSE;
  n_wrapped++;
  if (*truncated)
    {
      /* The cut's last line ends where its ellipsis does: only the real cut tells. */
      lines = max_lines;
      last = width;
    }
  *height = (double) lines * line_units (layout, role) / PANGO_SCALE;
  *text_width = (double) widest / PANGO_SCALE;
  *last_right = (double) last / PANGO_SCALE;
  return TRUE;
}
