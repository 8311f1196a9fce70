/* tp-paint-glyphs.h: a laid-out text shown as one glyph run per font
 *
 * Pango's cairo renderer shows a layout a run at a time, one glyph run for each line (and
 * each change of font), and a PDF or SVG page records every glyph run whole, at about a
 * kilobyte each (bench/README.md, "Memory"): a note of five lines was five. Shown here,
 * the glyphs of every line that share a font go to cairo as one run, at the places and
 * with the text and clusters Pango's renderer gives them, so the page looks the same and
 * every word is still found and copied.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* A stretch of a layout's text in one font, and its glyphs and clusters in the arrays
 * _tp_paint_glyphs_collect() fills. */
typedef struct
{
  PangoFont *font;
  int        start, end;          /* bytes of the layout's text */
  guint      first_glyph, n_glyphs;
  guint      first_cluster, n_clusters;
} TpGlyphSegment;

/* Appends layout's glyphs (cairo_glyph_t, placed with its top left at x0, y0), clusters
 * (cairo_text_cluster_t) and segments (TpGlyphSegment) to the arrays, as
 * _tp_paint_glyphs_show_layout() would show them, and returns TRUE; or appends nothing
 * and returns FALSE for a layout that Pango's own renderer must draw. For a painter that
 * gathers the glyphs of many texts into fewer runs (tp-paint-glyph-runs.h). */
gboolean _tp_paint_glyphs_collect     (PangoLayout *layout,
                                       double       x0,
                                       double       y0,
                                       GArray      *segments,
                                       GArray      *glyphs,
                                       GArray      *clusters);

/* Appends the glyphs of string (font's, for length bytes of the text from offset, the
 * first x Pango units right of x0 on a baseline baseline units below y0), their clusters
 * and their segment, as _tp_paint_glyphs_collect() appends a run's; FALSE (the arrays
 * then part filled) for glyphs Pango's own renderer must draw (an unknown character's
 * box) or clusters out of order. */
gboolean _tp_paint_glyphs_add_string  (PangoFont              *font,
                                       int                     offset,
                                       int                     length,
                                       const PangoGlyphString *string,
                                       double                  x0,
                                       int                     x,
                                       double                  y0,
                                       int                     baseline,
                                       GArray                 *segments,
                                       GArray                 *glyphs,
                                       GArray                 *clusters);

/* Shows the collected segments of text in cr's source, as _tp_paint_glyphs_show_layout()
 * shows a layout's: one glyph run a segment, with its text and clusters where the
 * surface keeps them. */
void     _tp_paint_glyphs_show        (cairo_t                *cr,
                                       const char             *text,
                                       const GArray           *segments,
                                       const GArray           *glyphs,
                                       const GArray           *clusters);

/* font with its font matrix scaled by scale (the same face, transformation and options):
 * a text laid out at its font's size shown at its role's (tp_text_layout_get_scale()).
 * Free with cairo_scaled_font_destroy(). */
cairo_scaled_font_t *_tp_paint_glyphs_scale_font (cairo_scaled_font_t *font,
                                                  double               scale);

/* Shows layout with its top left at cr's current point (at its scale,
 * tp_text_layout_get_scale()), in cr's source, and returns TRUE;
 * or draws nothing and returns FALSE for a layout that Pango's own renderer must draw
 * (right-to-left or ellipsized text, colours, underlines or shapes in its attributes,
 * characters no font has). */
gboolean _tp_paint_glyphs_show_layout (cairo_t     *cr,
                                       PangoLayout *layout);

G_END_DECLS
