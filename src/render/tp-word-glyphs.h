/* tp-word-glyphs.h: a word's shaped glyphs, kept to paint every text that uses it
 *
 * Painting a note shaped its text again (HarfBuzz, most of a board export's time) though
 * the text's model (tp-layout-model.c) had measured each of its distinct words, each on a
 * line of its own in one laid-out text. A word's glyphs are the same inside any text
 * where nothing shapes across a space (the note fonts kern nothing across one, which the
 * model's widths rely on already), so the glyphs of that measuring line are kept with
 * the word's width, and a text's lines are painted from its words' glyphs and its
 * spaces' at the places the model gives them: the same glyphs, clusters and places as
 * Pango's layout of the whole text (tests/test-word-glyphs.c compares them glyph for
 * glyph). A board repeats its vocabulary: 1,000 notes have a few thousand distinct words.
 *
 * Copyright 2026 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

G_BEGIN_DECLS

typedef struct _TpWordGlyphs TpWordGlyphs;

/* The word laid out alone on line (one line of a laid-out text), measured logical_width
 * wide, with its baseline baseline units below the line's top. */
TpWordGlyphs *_tp_word_glyphs_new      (PangoLayoutLine    *line,
                                        int                 logical_width,
                                        int                 baseline);
/* Compares word with its glyphs on probe (a line laid out as the word between other
 * words) from byte at of that line: where they differ (a glyph chosen by its neighbours
 * across a space), the word is no longer plain. */
void          _tp_word_glyphs_probe    (TpWordGlyphs       *word,
                                        PangoLayoutLine    *probe,
                                        int                 at);
/* The space of a line laid out as "x x" (NULL when it is not one run of three glyphs). */
TpWordGlyphs *_tp_word_glyphs_new_space (PangoLayoutLine   *line,
                                         int                baseline);
TpWordGlyphs *_tp_word_glyphs_ref      (TpWordGlyphs       *word);
void          _tp_word_glyphs_unref    (TpWordGlyphs       *word);
/* Its width, Pango units. */
int           _tp_word_glyphs_get_width (const TpWordGlyphs *word);
/* Its baseline below its line's top, Pango units. */
int           _tp_word_glyphs_get_baseline (const TpWordGlyphs *word);
/* Its length, bytes. */
int           _tp_word_glyphs_get_length (const TpWordGlyphs *word);
/* Whether its glyphs may stand for it in a text whose spaces are space's: left-to-right,
 * unraised, no unknown glyph, in space's font on a line of space's baseline, and
 * not starting with a mark (which would join the space before it). */
gboolean      _tp_word_glyphs_fits     (const TpWordGlyphs *word,
                                        const TpWordGlyphs *space);

/* Appends word's glyphs, clusters and segments (as _tp_paint_glyphs_collect() would for
 * the same text laid out by Pango), for the word at byte offset of its text, starting x
 * units from the line's left on a line whose top is top units below y0. */
gboolean      _tp_word_glyphs_collect  (const TpWordGlyphs *word,
                                        int                 offset,
                                        double              x0,
                                        int                 x,
                                        double              y0,
                                        int                 top,
                                        GArray             *segments,
                                        GArray             *glyphs,
                                        GArray             *clusters);
/* The same for a space, drawn zero wide and glyphless when empty (a wrapped line's last
 * space, as Pango draws it). */
gboolean      _tp_word_glyphs_collect_space (const TpWordGlyphs *space,
                                             gboolean            empty,
                                             int                 offset,
                                             double              x0,
                                             int                 x,
                                             double              y0,
                                             int                 top,
                                             GArray             *segments,
                                             GArray             *glyphs,
                                             GArray             *clusters);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpWordGlyphs, _tp_word_glyphs_unref)

G_END_DECLS
