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
 * and estimates, and the widths laid out at last alike), and the painter draws a
 * modelled note's lines from its words' glyphs, kept from the same laid-out text that
 * measured them (tp-word-glyphs.h, _tp_text_model_collect()): a note's text is not shaped
 * at all where its words' glyphs tell it. Shaping each note to paint it was about half
 * of a 1,000-note board export's instructions (bench/README.md, issue 19). A model that
 * were wrong would draw a text a line off Pango's: the measurement cache checks the
 * model against Pango's lines whenever it shapes a modelled text (check_model(),
 * tp-layout-measure.c), tests/test-measure-cache.c compares the model with Pango over
 * many texts and widths, and the geometry of layouts made with and without it, rect for
 * rect, and tests/test-word-glyphs.c the glyphs painted from the words with Pango's.
 *
 * Copyright 2026 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tp-layout-private.h"
#include "tp-svg-text.h"
#include "tp-text.h"
#include "tp-word-glyphs.h"

typedef struct
{
  int           width;       /* the piece without its spaces, Pango units */
  guint16       spaces;      /* U+0020 after it */
  gboolean      paragraph;   /* the first piece of a paragraph */
  TpWordGlyphs *word;        /* its word's glyphs; NULL: no word, only spaces */
} Piece;

struct _TpTextModel
{
  guint     n_pieces;      /* 0: the text is one empty line */
  guint     n_paragraphs;
  gboolean  paintable;     /* its words' glyphs paint it (_tp_text_model_collect()) */
  Piece     pieces[];
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
    {
      g_clear_pointer (&layout->words[r], g_hash_table_unref);
      g_clear_pointer (&layout->space_glyphs[r], _tp_word_glyphs_unref);
      layout->spaced[r] = FALSE;
    }
}

/* A space's glyph in a role, from "x x" laid out once; NULL when it is not plain. */
static TpWordGlyphs *
space_glyphs (TpLayout   *layout,
              TpFontRole  role)
{
  if (!layout->spaced[role])
    {
      g_autoptr(PangoLayout) spaced = tp_text_layout_new_lines (layout->context, layout->theme,
                                                                role, "x x", -1, 0);
      PangoLayoutIter *iter = pango_layout_get_iter (spaced);
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      layout->space_glyphs[role] =
        _tp_word_glyphs_new_space (pango_layout_iter_get_line_readonly (iter),
                                   pango_layout_iter_get_baseline (iter) - logical.y);
      pango_layout_iter_free (iter);
      layout->spaced[role] = TRUE;
    }
  return layout->space_glyphs[role];
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

/* The neighbours a word is also shaped between, a space away: a font may choose a
 * glyph by its neighbours across a space (Inter raises "<" or "-" beside figures and
 * capitals, "< 2"), and a word whose glyphs change so is not painted from them. */
static const char * const probes[] = { "H ", "1 " };
static const char * const probe_ends[] = { " H", " 1" };
#define N_PROBES G_N_ELEMENTS (probes)

/* Measures the words not yet in the table, all in one laid-out text, a line each, and
 * keeps each line's glyphs to paint the word with (tp-word-glyphs.h), unless the word
 * shapes otherwise between the probes' neighbours (a line each too). */
static gboolean
measure_words (TpLayout   *layout,
               TpFontRole  role,
               GPtrArray  *unknown)
{
  GHashTable *words = layout->words[role];
  g_autoptr(GString) batch = g_string_new (NULL);
  g_autoptr(PangoLayout) text = NULL;
  PangoLayoutIter *iter;
  TpWordGlyphs *word = NULL;
  guint i = 0;

  for (guint w = 0; w < unknown->len; w++)
    {
      const char *one = g_ptr_array_index (unknown, w);

      if (w > 0)
        g_string_append_c (batch, '\n');
      g_string_append (batch, one);
      for (guint p = 0; p < N_PROBES; p++)
        g_string_append_printf (batch, "\n%s%s%s", probes[p], one, probe_ends[p]);
    }
  n_batches++;
  text = tp_text_layout_new_lines (layout->context, layout->theme, role, batch->str, -1, 0);
  if (pango_layout_get_line_count (text) != (int) (unknown->len * (1 + N_PROBES)))
    return FALSE;

  iter = pango_layout_get_iter (text);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      guint probe = i % (1 + N_PROBES);
      PangoRectangle logical;

      if (probe == 0)
        {
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          word = _tp_word_glyphs_new (line, logical.width,
                                      pango_layout_iter_get_baseline (iter) - logical.y);
          g_hash_table_insert (words, g_strdup (g_ptr_array_index (unknown, i / (1 + N_PROBES))),
                               word);
        }
      else
        _tp_word_glyphs_probe (word, line, strlen (probes[probe - 1]));
      i++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return TRUE;
}

/* The word from start for len bytes, kept in owned, and added to unknown (its table
 * entry NULL until measured) when the table does not have it yet. */
static char *
want_word (GHashTable *table,
           GPtrArray  *unknown,
           GPtrArray  *owned,
           const char *start,
           gsize       len)
{
  char *word = g_strndup (start, len);

  g_ptr_array_add (owned, word);
  if (!g_hash_table_lookup_extended (table, word, NULL, NULL))
    {
      g_hash_table_insert (table, g_strdup (word), NULL);
      g_ptr_array_add (unknown, word);
    }
  return word;
}

TpTextModel *
_tp_text_model_new (TpLayout   *layout,
                    TpFontRole  role,
                    const char *text)
{
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  /* Words that run over more than one piece ("same-day"): their glyphs paint them
   * where no line breaks inside them, since a glyph may change with its neighbours
   * (Inter's hyphen beside figures or capitals). */
  g_autoptr(GPtrArray) joined_words = g_ptr_array_new ();
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) unknown = g_ptr_array_new ();
  PangoLanguage *language = pango_context_get_language (layout->context);
  TpTextModel *model;
  TpWordGlyphs *space;
  guint n_paragraphs = 0;

  if (!g_utf8_validate (text, -1, NULL))
    return NULL;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_modelled_char (g_utf8_get_char (p)))
      return NULL;

  if (layout->words[role] == NULL || g_hash_table_size (layout->words[role]) > MAX_WORDS)
    {
      g_clear_pointer (&layout->words[role], g_hash_table_unref);
      layout->words[role] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                   (GDestroyNotify) _tp_word_glyphs_unref);
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
          const char *piece = start, *joined = NULL;
          guint n_joined = 0;
          glong offset = 0;

          pango_get_log_attrs (start, len, -1, language, attrs, n_chars + 1);
          while (offset < n_chars)
            {
              glong next = offset + 1;
              const char *after, *word_end;
              Piece one = { 0 };

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
                  g_ptr_array_add (words, want_word (layout->words[role], unknown, owned, piece,
                                                     word_end - piece));
                  if (joined == NULL)
                    joined = piece;
                  n_joined++;
                }
              else
                g_ptr_array_add (words, NULL);
              if (joined != NULL && (one.spaces > 0 || next >= n_chars))
                {
                  if (n_joined > 1)
                    g_ptr_array_add (joined_words, want_word (layout->words[role], unknown,
                                                              owned, joined, word_end - joined));
                  joined = NULL;
                  n_joined = 0;
                }
              g_array_append_val (pieces, one);
              piece = after;
              offset = next;
            }
        }
      else
        {
          Piece empty = { 0, 0, TRUE, NULL };

          g_array_append_val (pieces, empty);
          g_ptr_array_add (words, NULL);
        }
      if (end == NULL)
        break;
      start = end + 1;
    }

  if (unknown->len > 0 && !measure_words (layout, role, unknown))
    goto unknown;

  space = space_glyphs (layout, role);
  model = g_malloc (sizeof (TpTextModel) + pieces->len * sizeof (Piece));
  model->n_pieces = pieces->len;
  model->n_paragraphs = n_paragraphs;
  model->paintable = space != NULL;
  for (guint i = 0; i < pieces->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      Piece *piece = &model->pieces[i];

      *piece = g_array_index (pieces, Piece, i);
      if (word != NULL)
        {
          piece->word = _tp_word_glyphs_ref (g_hash_table_lookup (layout->words[role], word));
          piece->width = _tp_word_glyphs_get_width (piece->word);
          model->paintable = model->paintable && _tp_word_glyphs_fits (piece->word, space);
        }
    }
  for (guint i = 0; i < joined_words->len && model->paintable; i++)
    model->paintable = _tp_word_glyphs_fits (g_hash_table_lookup (layout->words[role],
                                                                  g_ptr_array_index (joined_words, i)),
                                             space);
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
  for (guint i = 0; i < model->n_pieces; i++)
    _tp_word_glyphs_unref (model->pieces[i].word);
  g_free (model);
}

/* Breaks the model's pieces into lines at width as Pango would: the lines' count, the
 * widest's width and the last's, and (lines_of, when given) each piece's line; FALSE
 * when a piece is wider than a line (Pango cuts it inside the word). */
static gboolean
break_lines (TpLayout          *layout,
             TpFontRole         role,
             const TpTextModel *model,
             int                width,
             guint             *n_lines,
             int               *widest_units,
             int               *last_units,
             guint             *lines_of)
{
  int space = _tp_layout_space_units (layout, role);
  guint lines = 0, trailing = 0;
  int widest = 0, line = 0;
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
          if (lines_of != NULL)
            lines_of[i] = lines;
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
      if (lines_of != NULL)
        lines_of[i] = lines;
    }
  *widest_units = MAX (widest, line);
  *last_units = line;
  *n_lines = lines + 1;
  return TRUE;
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
  guint lines;
  int widest, last;

  if (!break_lines (layout, role, model, width, &lines, &widest, &last, NULL))
    return FALSE;

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

/* Each piece's line, where the model's words' glyphs tell the text's at width (with
 * the lines' count in n_lines); NULL where they do not: a word not plain, a piece wider
 * than a line, a cut after max_lines (its ellipsis is Pango's), an empty text (whose
 * empty line has no run). */
static guint *
painted_lines (TpLayout          *layout,
               TpFontRole         role,
               const TpTextModel *model,
               int                width,
               guint              max_lines,
               guint             *n_lines)
{
  g_autofree guint *lines_of = NULL;
  int widest, last;

  if (!model->paintable || model->n_pieces == 0)
    return NULL;
  lines_of = g_new (guint, model->n_pieces);
  if (!break_lines (layout, role, model, width, n_lines, &widest, &last, lines_of) ||
      (max_lines > 0 && *n_lines > max_lines))
    return NULL;
  return g_steal_pointer (&lines_of);
}

/* The glyphs of the word that runs over pieces first to last (of a line), from the
 * table: a word shaped whole ("same-day") or, broken at a line's end, its part. */
static const TpWordGlyphs *
joined_glyphs (TpLayout          *layout,
               TpFontRole         role,
               const TpTextModel *model,
               const char        *text,
               int                offset,
               guint              first,
               guint              last,
               const TpWordGlyphs *space)
{
  const TpWordGlyphs *word;
  g_autofree char *joined = NULL;
  int length = 0;

  if (first == last)
    return model->pieces[first].word;
  for (guint i = first; i <= last; i++)
    length += _tp_word_glyphs_get_length (model->pieces[i].word);
  joined = g_strndup (text + offset, length);
  word = g_hash_table_lookup (layout->words[role], joined);
  return word != NULL && _tp_word_glyphs_fits (word, space) ? word : NULL;
}

gboolean
_tp_text_model_collect (TpLayout          *layout,
                        TpFontRole         role,
                        const TpTextModel *model,
                        const char        *text,
                        int                width,
                        guint              max_lines,
                        double             x0,
                        double             y0,
                        GArray            *segments,
                        GArray            *glyphs,
                        GArray            *clusters)
{
  TpWordGlyphs *space = space_glyphs (layout, role);
  guint lines, n_segments = segments->len, n_glyphs = glyphs->len, n_clusters = clusters->len;
  g_autofree guint *lines_of = painted_lines (layout, role, model, width, max_lines, &lines);
  int height, offset = 0, x = 0, space_width;

  if (lines_of == NULL)
    return FALSE;

  height = line_units (layout, role);
  space_width = _tp_word_glyphs_get_width (space);
  for (guint i = 0; i < model->n_pieces; i++)
    {
      const Piece *piece = &model->pieces[i];
      int top = lines_of[i] * height;
      guint last_piece = i;
      gboolean wraps;

      if (piece->paragraph && i > 0)
        offset++;   /* the newline before it */
      if (i == 0 || lines_of[i] != lines_of[i - 1])
        x = 0;
      if (piece->word != NULL)
        {
          const TpWordGlyphs *word;

          /* Pango shapes what a line holds of a word whole: the pieces that follow
           * without a space between, up to the line's end. */
          while (model->pieces[last_piece].spaces == 0 && last_piece + 1 < model->n_pieces &&
                 !model->pieces[last_piece + 1].paragraph &&
                 lines_of[last_piece + 1] == lines_of[i])
            last_piece++;
          word = joined_glyphs (layout, role, model, text, offset, i, last_piece, space);
          if (word == NULL ||
              !_tp_word_glyphs_collect (word, offset, x0, x, y0, top, segments, glyphs,
                                        clusters))
            goto fail;
          x += _tp_word_glyphs_get_width (word);
          offset += _tp_word_glyphs_get_length (word);
          i = last_piece;
          piece = &model->pieces[i];
        }
      /* A wrapped line's last space, which Pango draws empty; a paragraph's keeps its. */
      wraps = i + 1 < model->n_pieces && !model->pieces[i + 1].paragraph &&
              lines_of[i + 1] != lines_of[i];
      for (guint k = 0; k < piece->spaces; k++)
        {
          gboolean empty = wraps && k + 1 == piece->spaces;

          if (!_tp_word_glyphs_collect_space (space, empty, offset, x0, x, y0, top, segments,
                                              glyphs, clusters))
            goto fail;
          x += empty ? 0 : space_width;
          offset++;
        }
    }
  return TRUE;

fail:
  g_array_set_size (segments, n_segments);
  g_array_set_size (glyphs, n_glyphs);
  g_array_set_size (clusters, n_clusters);
  return FALSE;
}

gboolean
_tp_text_model_lines (TpLayout          *layout,
                      TpFontRole         role,
                      const TpTextModel *model,
                      int                width,
                      guint              max_lines,
                      GArray            *lines)
{
  TpWordGlyphs *space = space_glyphs (layout, role);
  guint n_lines, first = lines->len;
  g_autofree guint *lines_of = painted_lines (layout, role, model, width, max_lines, &n_lines);
  int height, offset = 0;

  /* Only where its glyphs are told: every line then has the space's baseline. */
  if (lines_of == NULL)
    return FALSE;

  height = line_units (layout, role);
  for (guint i = 0; i < model->n_pieces; i++)
    {
      const Piece *piece = &model->pieces[i];
      TpSvgLine *line;

      if (piece->paragraph && i > 0)
        offset++;   /* the newline before it */
      if (i == 0 || lines_of[i] != lines_of[i - 1])
        {
          /* Left-aligned, left-to-right: every line starts at the left. */
          TpSvgLine fresh = { offset, 0, 0,
                              (double) ((int) lines_of[i] * height +
                                        _tp_word_glyphs_get_baseline (space)) / PANGO_SCALE };

          g_array_append_val (lines, fresh);
        }
      if (piece->word != NULL)
        offset += _tp_word_glyphs_get_length (piece->word);
      offset += piece->spaces;
      line = &g_array_index (lines, TpSvgLine, lines->len - 1);
      line->length = offset - line->start;
    }
  g_assert (lines->len - first == n_lines);
  return TRUE;
}
