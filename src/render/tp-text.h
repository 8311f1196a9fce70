/* tp-text.h: text on the board, laid out the same way on screen and in every export.
 *
 * Every layout comes from a context with fixed font options (no hinting of metrics, no
 * glyph-position rounding) and an identity matrix, so where a line breaks depends only on
 * the text, the font and the width in board units: never on the zoom, the screen's DPI
 * or the surface an export draws on. A context belongs to the thread that made it.
 */
#pragma once

#include <pango/pangocairo.h>

#include "tp-theme.h"

G_BEGIN_DECLS

PangoContext *tp_text_context_new        (void);

/* A layout of text in a role's font. Lines wrap at width (≤ 0: no wrapping), by words
 * first, breaking a word only when it alone is wider than the box. When the text needs
 * more lines than fit in max_height (≤ 0: no limit; at least one line is always kept),
 * the last line that fits ends with an ellipsis and the layout is marked truncated. */
PangoLayout  *tp_text_layout_new         (PangoContext  *context,
                                          const TpTheme *theme,
                                          TpFontRole     role,
                                          const char    *text,
                                          double         width,
                                          double         max_height);
/* Like tp_text_layout_new() with a limit in lines (0: none). */
PangoLayout  *tp_text_layout_new_lines   (PangoContext  *context,
                                          const TpTheme *theme,
                                          TpFontRole     role,
                                          const char    *text,
                                          double         width,
                                          guint          max_lines);
/* How many lines of a role fit in a height (at least one). */
guint         tp_text_get_lines_for_height (const TpTheme *theme,
                                            TpFontRole     role,
                                            double         height);
/* Whether tp_text_layout_new() had to cut the text. */
gboolean      tp_text_layout_get_truncated (PangoLayout *layout);
/* Where the last line ends, in board units from the layout's left (its width for a
 * right-to-left paragraph's last line, which ends at the left). */
double        tp_text_layout_get_last_line_end (PangoLayout *layout);
/* The logical size in board units, unrounded. */
void          tp_text_layout_get_size    (PangoLayout   *layout,
                                          double        *width,
                                          double        *height);
/* The ink rectangle in board units, from the layout's top left. */
void          tp_text_layout_get_ink     (PangoLayout   *layout,
                                          double        *x,
                                          double        *y,
                                          double        *width,
                                          double        *height);
/* What the layout's Pango units are multiplied by to make board units: a role whose size
 * is not its font's is laid out at the font's size (tp_theme_get_font_load_size()), and
 * whatever reads its lines' and glyphs' positions, or draws them, scales them by this. */
double        tp_text_layout_get_scale   (PangoLayout   *layout);
/* pango_cairo_show_layout() at the layout's scale, from cr's current point. */
void          tp_text_layout_show        (cairo_t       *cr,
                                          PangoLayout   *layout);
/* The width a layout of a role wrapped at width (board units, > 0) is given, in the Pango
 * units of its font's size. */
int           _tp_text_width_units       (const TpTheme *theme,
                                          TpFontRole     role,
                                          double         width);
/* Texts laid out by tp_text_layout_new() and tp_text_layout_new_lines() since the program
 * started: tests count them to prove a text is shaped a bounded number of times; never
 * time. */
guint         _tp_text_get_n_layouts     (void);

G_END_DECLS
