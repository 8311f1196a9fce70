/* tp-painter-lod.c: level of detail for what is too small to see on a raster
 *
 * At the zoom that fits a board of 10,000 notes a note is a pixel or less and a line of
 * its text a fraction of one; shaping and drawing every glyph there cost most of a frame
 * (and more than the text cache could keep, so it shaped again each frame) to paint
 * a grey smudge. On a raster target (the board's tiles, a PNG) a text whose lines are
 * under TINY_LINE device pixels is drawn as a grey bar per line, from the measurement
 * the layout already made; a note under TINY_NOTE pixels across is only its fill. At
 * any zoom where text can be read the drawing is unchanged. Only the screen does this
 * (tp_paint_board() marks its context when options->screen): every export, raster ones
 * included, draws every word itself (issues 14 and 19), so it can be found and copied.
 *
 * Copyright 2026 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "tp-painter-private.h"

/* Device pixels: a line this short holds glyphs about two pixels tall. */
#define TINY_LINE 3.0
/* Device pixels: a note this narrow shows no shadow, edge or marks either. */
#define TINY_NOTE 6.0

static const cairo_user_data_key_t screen_key;

/* User data outlives cairo_restore(): tp_paint_board() marks the context for its own
 * call only and clears the mark as it returns. */
void
_tp_paint_mark_screen (cairo_t  *cr,
                       gboolean  screen)
{
  cairo_set_user_data (cr, &screen_key, screen ? GINT_TO_POINTER (TRUE) : NULL, NULL);
}

/* A raster the board's widget paints (its tiles), not an export. */
static gboolean
is_screen_raster (cairo_t *cr)
{
  return cairo_get_user_data (cr, &screen_key) != NULL &&
         cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE;
}

static double
device_length (cairo_t *cr,
               double   length)
{
  double dx = 0, dy = length;

  cairo_user_to_device_distance (cr, &dx, &dy);
  return hypot (dx, dy);
}

gboolean
_tp_paint_is_tiny_text (cairo_t       *cr,
                        const TpTheme *theme,
                        TpFontRole     role)
{
  return is_screen_raster (cr) && device_length (cr, tp_theme_get_line_height (theme, role)) < TINY_LINE;
}

gboolean
_tp_paint_is_tiny_note (cairo_t *cr,
                        double   width)
{
  return is_screen_raster (cr) && device_length (cr, width) < TINY_NOTE;
}

void
_tp_paint_text_bars (cairo_t        *cr,
                     TpLayout       *layout,
                     TpFontRole      role,
                     const char     *text,
                     double          x,
                     double          y,
                     double          width,
                     guint           max_lines,
                     const TpColour *colour)
{
  double line = tp_theme_get_line_height (layout->theme, role);
  double text_width = 0;
  double height = _tp_layout_measure_text (layout, role, text, width, max_lines, &text_width,
                                           NULL);
  guint lines = (guint) MAX (round (height / line), 1);

  if (text == NULL || *text == '\0' || text_width <= 0)
    return;

  cairo_new_path (cr);
  for (guint i = 0; i < lines; i++)
    {
      /* The last line of a wrapped text is shorter, as it mostly is. */
      double bar = i + 1 < lines || lines == 1 ? text_width : text_width * 0.6;

      cairo_rectangle (cr, x, y + i * line + line * 0.25, bar, line * 0.5);
    }
  tp_colour_set_source_alpha (cr, colour, 0.45);
  cairo_fill (cr);
}
