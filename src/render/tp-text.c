/* tp-text.c: wrapping and ellipsizing text with Pango, independent of zoom and surface */

#include "config.h"

#include <math.h>

#include "tp-text.h"

/* Texts laid out (_tp_text_get_n_layouts()); exports run in worker threads too. */
static guint n_layouts;

/* Marks layouts whose text had to be cut. */
static GQuark
truncated_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("tp-text-truncated");

  return quark;
}

PangoContext *
tp_text_context_new (void)
{
  PangoContext *context;
  cairo_font_options_t *options;

  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

  /* Hinted metrics and rounded glyph positions depend on the pixel grid, so a line could
   * break differently at 150 % than at 100 %, or in a PDF than on screen. Unhinted,
   * unrounded metrics make the layout a pure function of text, font and width; grey
   * antialiasing suits every surface (subpixel colour fringes would be baked into PNGs). */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  /* Sizes are absolute (board units), so the resolution only matters for fonts given in
   * points; pin it anyway so nothing depends on the display. */
  pango_cairo_context_set_resolution (context, 96);
  pango_context_set_round_glyph_positions (context, FALSE);

  return context;
}

static PangoLayout *
create_layout (PangoContext  *context,
               const TpTheme *theme,
               TpFontRole     role,
               double         width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = tp_theme_create_font (theme, role);
  PangoAttrList *attrs = pango_attr_list_new ();
  double line_height = tp_theme_get_line_height (theme, role);

  g_atomic_int_inc (&n_layouts);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  /* An absolute line height makes every line of a role exactly as tall as the theme
   * says, whatever the font's own ascent and descent: notes line up across fallbacks. */
  pango_attr_list_insert (attrs,
                          pango_attr_line_height_new_absolute ((int) round (line_height * PANGO_SCALE)));
  if (theme->fonts[role].tabular)
    pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum 1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  if (width > 0)
    {
      pango_layout_set_width (layout, (int) floor (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }

  return layout;
}

static gboolean
strip_trailing_space (GString *string)
{
  gboolean stripped = FALSE;

  while (string->len > 0)
    {
      const char *last = g_utf8_find_prev_char (string->str, string->str + string->len);

      if (last == NULL || !g_unichar_isspace (g_utf8_get_char (last)))
        break;
      g_string_truncate (string, last - string->str);
      stripped = TRUE;
    }

  return stripped;
}

/* Cuts the text after max_lines lines and ends it with an ellipsis that fits.
 *
 * Pango's own ellipsizing works per paragraph: with a height limit, a note whose text
 * has line breaks would lose whole paragraphs without any ellipsis. Cutting the text
 * ourselves treats every note alike. The first n − 1 lines keep their breaks because
 * their text is unchanged; only the last line is shortened until "…" fits on it. */
static void
truncate_to_lines (PangoLayout *layout,
                   const char  *text,
                   guint        max_lines)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, max_lines - 1);
  g_autoptr(GString) prefix = g_string_new_len (text, line->start_index + line->length);

  for (;;)
    {
      const char *last;
      gsize len;

      strip_trailing_space (prefix);
      len = prefix->len;
      g_string_append (prefix, "…");
      pango_layout_set_text (layout, prefix->str, prefix->len);
      if (pango_layout_get_line_count (layout) <= (int) max_lines || len == 0)
        break;

      g_string_truncate (prefix, len);
      last = g_utf8_find_prev_char (prefix->str, prefix->str + prefix->len);
      g_string_truncate (prefix, last != NULL ? (gsize) (last - prefix->str) : 0);
    }

  g_object_set_qdata (G_OBJECT (layout), truncated_quark (), GINT_TO_POINTER (TRUE));
}

PangoLayout *
tp_text_layout_new_lines (PangoContext  *context,
                          const TpTheme *theme,
                          TpFontRole     role,
                          const char    *text,
                          double         width,
                          guint          max_lines)
{
  PangoLayout *layout;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (theme != NULL, NULL);
  g_return_val_if_fail (role < TP_N_FONT_ROLES, NULL);

  if (text == NULL)
    text = "";

  layout = create_layout (context, theme, role, width);
  pango_layout_set_text (layout, text, -1);

  if (max_lines > 0 && pango_layout_get_line_count (layout) > (int) max_lines)
    truncate_to_lines (layout, text, max_lines);

  return layout;
}

guint
tp_text_get_lines_for_height (const TpTheme *theme,
                              TpFontRole     role,
                              double         height)
{
  double line_height = tp_theme_get_line_height (theme, role);

  /* A hair of tolerance, so a box made exactly n lines tall holds n lines. */
  return MAX (1, (guint) floor ((height + 1e-3) / line_height));
}

PangoLayout *
tp_text_layout_new (PangoContext  *context,
                    const TpTheme *theme,
                    TpFontRole     role,
                    const char    *text,
                    double         width,
                    double         max_height)
{
  guint max_lines = 0;

  g_return_val_if_fail (theme != NULL, NULL);
  g_return_val_if_fail (role < TP_N_FONT_ROLES, NULL);

  if (max_height > 0)
    max_lines = tp_text_get_lines_for_height (theme, role, max_height);

  return tp_text_layout_new_lines (context, theme, role, text, width, max_lines);
}

gboolean
tp_text_layout_get_truncated (PangoLayout *layout)
{
  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), FALSE);

  return g_object_get_qdata (G_OBJECT (layout), truncated_quark ()) != NULL;
}

/* An iterator at the layout's last line. */
static PangoLayoutIter *
last_line (PangoLayout *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  while (pango_layout_iter_next_line (iter))
    ;
  return iter;
}

double
tp_text_layout_get_last_line_end (PangoLayout *layout)
{
  PangoLayoutIter *iter;
  PangoRectangle logical;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), 0);

  iter = last_line (layout);
  pango_layout_iter_get_line_extents (iter, NULL, &logical);
  pango_layout_iter_free (iter);

  return (double) (logical.x + logical.width) / PANGO_SCALE;
}

void
tp_text_layout_get_size (PangoLayout *layout,
                         double      *width,
                         double      *height)
{
  PangoRectangle logical;

  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

guint
_tp_text_get_n_layouts (void)
{
  return (guint) g_atomic_int_get (&n_layouts);
}
