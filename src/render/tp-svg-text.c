/* tp-svg-text.c: recording text for SVG exports and writing it as <text>.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tp-svg-text.h"
#include "tp-text.h"

struct _TpSvgText
{
  char    *family;
  GString *elements;
};

static const cairo_user_data_key_t sink_key;

TpSvgText *
_tp_svg_text_new (const char *family)
{
  TpSvgText *self = g_new0 (TpSvgText, 1);

  self->family = g_markup_escape_text (family, -1);
  self->elements = g_string_new (NULL);
  return self;
}

void
_tp_svg_text_free (TpSvgText *self)
{
  if (self == NULL)
    return;
  g_free (self->family);
  g_string_free (self->elements, TRUE);
  g_free (self);
}

void
_tp_svg_text_attach (TpSvgText *self,
                     cairo_t   *cr)
{
  cairo_set_user_data (cr, &sink_key, self, NULL);
}

TpSvgText *
_tp_svg_text_get (cairo_t *cr)
{
  return cairo_get_user_data (cr, &sink_key);
}

/* A number as SVG wants it: a dot, no exponent, no needless digits. */
static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  g_ascii_formatd (buffer, sizeof buffer, "%.3f", value);
  end = buffer + strlen (buffer) - 1;
  while (end > buffer && *end == '0')
    *end-- = '\0';
  if (end > buffer && *end == '.')
    *end = '\0';
  if (strcmp (buffer, "-0") == 0)
    strcpy (buffer, "0");
  g_string_append (out, buffer);
}

static const char *
weight_name (PangoWeight weight)
{
  static char buffer[8];

  g_snprintf (buffer, sizeof buffer, "%d", (int) weight);
  return buffer;
}

void
_tp_svg_text_add_lines (TpSvgText                  *self,
                        cairo_t                    *cr,
                        const PangoFontDescription *font,
                        const char                 *text,
                        const TpSvgLine            *lines,
                        guint                       n_lines)
{
  cairo_pattern_t *source = cairo_get_source (cr);
  double red = 0, green = 0, blue = 0, alpha = 1, x0 = 0, y0 = 0;
  cairo_matrix_t matrix;

  if (cairo_pattern_get_rgba (source, &red, &green, &blue, &alpha) != CAIRO_STATUS_SUCCESS)
    red = green = blue = 0, alpha = 1;
  if (cairo_has_current_point (cr))
    cairo_get_current_point (cr, &x0, &y0);
  cairo_get_matrix (cr, &matrix);

  g_string_append (self->elements, "<text transform=\"matrix(");
  append_number (self->elements, matrix.xx);
  g_string_append_c (self->elements, ' ');
  append_number (self->elements, matrix.yx);
  g_string_append_c (self->elements, ' ');
  append_number (self->elements, matrix.xy);
  g_string_append_c (self->elements, ' ');
  append_number (self->elements, matrix.yy);
  g_string_append_c (self->elements, ' ');
  append_number (self->elements, matrix.x0);
  g_string_append_c (self->elements, ' ');
  append_number (self->elements, matrix.y0);
  g_string_append (self->elements, ")\"");
  if (font != NULL)
    {
      g_string_append (self->elements, " font-size=\"");
      append_number (self->elements, (double) pango_font_description_get_size (font) / PANGO_SCALE);
      g_string_append_printf (self->elements, "\" font-weight=\"%s\"",
                              weight_name (pango_font_description_get_weight (font)));
      if (pango_font_description_get_style (font) != PANGO_STYLE_NORMAL)
        g_string_append (self->elements, " font-style=\"italic\"");
    }
  g_string_append_printf (self->elements, " fill=\"#%02x%02x%02x\"",
                          (int) (red * 255 + 0.5), (int) (green * 255 + 0.5),
                          (int) (blue * 255 + 0.5));
  if (alpha < 1)
    {
      g_string_append (self->elements, " fill-opacity=\"");
      append_number (self->elements, alpha);
      g_string_append_c (self->elements, '"');
    }
  g_string_append (self->elements, ">");

  /* One tspan a line, at the line's own start and baseline: the same breaks as on the
   * board, whatever the viewer's line metrics. */
  for (guint i = 0; i < n_lines; i++)
    {
      g_autofree char *escaped = NULL;

      if (lines[i].length == 0)
        continue;
      escaped = g_markup_escape_text (text + lines[i].start, lines[i].length);
      g_string_append (self->elements, "<tspan x=\"");
      append_number (self->elements, x0 + lines[i].x);
      g_string_append (self->elements, "\" y=\"");
      append_number (self->elements, y0 + lines[i].baseline);
      g_string_append_printf (self->elements, "\">%s</tspan>", escaped);
    }

  g_string_append (self->elements, "</text>\n");
}

void
_tp_svg_text_add (TpSvgText   *self,
                  cairo_t     *cr,
                  PangoLayout *layout)
{
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (TpSvgLine));
  g_autoptr(PangoFontDescription) font = NULL;
  double scale = tp_text_layout_get_scale (layout);
  PangoLayoutIter *iter;

  /* A role laid out at its font's size (tp-text.c) is written at its own, as if laid out
   * at it. */
  font = pango_font_description_copy (pango_layout_get_font_description (layout));
  if (scale != 1 && font != NULL)
    pango_font_description_set_absolute_size (font, round (pango_font_description_get_size (font) *
                                                           scale));
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      TpSvgLine one;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      one.start = line->start_index;
      one.length = line->length;
      one.x = (double) logical.x / PANGO_SCALE * scale;
      one.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE * scale;
      g_array_append_val (lines, one);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  _tp_svg_text_add_lines (self, cr, font,
                          pango_layout_get_text (layout), (const TpSvgLine *) lines->data,
                          lines->len);
}

GBytes *
_tp_svg_text_finish (TpSvgText *self,
                     GBytes    *svg)
{
  static const char open[] = "<g xml:space=\"preserve\" font-family=\"";
  static const char close[] = "</g>\n";
  gsize size, at;
  const char *data = g_bytes_get_data (svg, &size);
  const char *end = g_strrstr_len (data, size, "</svg>");
  GString *out;

  if (end == NULL || self->elements->len == 0)
    return g_bytes_ref (svg);

  /* Made once at its final size: the shapes of a large board are tens of megabytes, and
   * a string grown by inserting into it is copied and its pages are cleared again at
   * each doubling. */
  at = end - data;
  out = g_string_sized_new (size + strlen (open) + strlen (self->family) + 3 +
                            self->elements->len + strlen (close));
  g_string_append_len (out, data, at);
  g_string_append (out, open);
  g_string_append (out, self->family);
  g_string_append (out, "\">\n");
  g_string_append_len (out, self->elements->str, self->elements->len);
  g_string_append (out, close);
  g_string_append_len (out, end, size - at);
  return g_string_free_to_bytes (out);
}
