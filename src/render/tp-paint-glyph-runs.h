/* tp-paint-glyph-runs.h: the texts of a run of cards shown as one glyph run per font and
 * colour
 *
 * A PDF page is recorded whole by cairo 1.16 before it is written, and a glyph run costs
 * it a few hundred bytes besides its glyphs (bench/README.md, "Memory"): a journey card
 * shows some six short texts, each a run of its own, so the board page of 50,000 moments
 * of truth kept about 300 MB of them. Gathered here, the texts of a run of cards that
 * share a font and a colour go to cairo as one glyph run, with their text and clusters
 * one after another, each glyph where it was: the page looks the same and every word is
 * still found and copied.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

typedef struct _TpGlyphRuns TpGlyphRuns;

/* Gathers the texts painted on cr from now on (through _tp_glyph_runs_add()) until
 * _tp_glyph_runs_end(); NULL where it would change the output (an SVG's text, written
 * by tp-svg-text.c) or where cr already gathers. An image gathers too: its pixels are
 * the same, and a test's observer of the drawing operations is an image to cairo. */
TpGlyphRuns *_tp_glyph_runs_begin (cairo_t     *cr);
/* The gatherer begun on cr, or NULL. */
TpGlyphRuns *_tp_glyph_runs_get   (cairo_t     *cr);
/* Takes layout, at cr's current point in cr's solid source, into the runs and returns
 * TRUE (leaving it out when its ink lies wholly outside cr's clip, as cairo would);
 * FALSE (nothing taken) when it must be shown now: another transformation, a source that
 * is not one colour, or a layout Pango's own renderer draws. */
gboolean     _tp_glyph_runs_add   (TpGlyphRuns *runs,
                                   cairo_t     *cr,
                                   PangoLayout *layout);
/* Shows the runs on cr, one per font and colour in the order first used, and stops
 * gathering; NULL does nothing. */
void         _tp_glyph_runs_end   (TpGlyphRuns *runs,
                                   cairo_t     *cr);

G_END_DECLS
