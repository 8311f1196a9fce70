/* tp-text.c: wrapping and ellipsizing text with Pango, independent of zoom and surface */

#include "config.h"

#include <math.h>

#include "tp-text.h"

/* Texts laid out (_tp_text_get_n_layouts()); exports run in worker threads too. */
static guint n_layouts;

/* How a layout of a role drawn at another size than its font's is measured: its Pango
 * units times scale are board units, and its lines are line_units tall in them where the
 * role's lines are line_height board units tall. Layouts of a role at its font's own size
 * carry none. */
typedef struct
{
  double scale;
  int    line_units;
  double line_height;
} TpTextScale;

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

static GQuark
scale_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("tp-text-scale");

  return quark;
}

int
_tp_text_width_units (const TpTheme *theme,
                      TpFontRole     role,
                      double         width)
{
  return (int) floor (width / tp_theme_get_font_scale (theme, role) * PANGO_SCALE);
}

/* A role whose size is not its font's is laid out at the font's size, in a box and with
 * lines 1 / scale as large, and its extents scaled back (tp_theme_get_font_load_size()
 * says why). Text is laid out with unhinted metrics and unrounded positions
 * (tp_text_context_new()), so a font laid out at size s and scaled by k places every
 * glyph where the font at k · s does, to Pango's 1/1024 of a unit. */
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
  double scale = tp_theme_get_font_scale (theme, role);
  int line_units = (int) round (line_height / scale * PANGO_SCALE);

  g_atomic_int_inc (&n_layouts);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);

  /* An absolute line height makes every line of a role exactly as tall as the theme
   * says, whatever the font's own ascent and descent: notes line up across fallbacks. */
  pango_attr_list_insert (attrs, pango_attr_line_height_new_absolute (line_units));
  if (theme->fonts[role].tabular)
    pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum 1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  if (width > 0)
    {
      pango_layout_set_width (layout, _tp_text_width_units (theme, role, width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }

  if (scale != 1)
    {
      TpTextScale *s = g_new (TpTextScale, 1);

      s->scale = scale;
      s->line_units = line_units;
      s->line_height = line_height;
      g_object_set_qdata_full (G_OBJECT (layout), scale_quark (), s, g_free);
    }

  return layout;
}

double
tp_text_layout_get_scale (PangoLayout *layout)
{
  TpTextScale *s;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), 1);

  s = g_object_get_qdata (G_OBJECT (layout), scale_quark ());
  return s != NULL ? s->scale : 1;
}

void
tp_text_layout_show (cairo_t     *cr,
                     PangoLayout *layout)
{
  double scale = tp_text_layout_get_scale (layout);
  double x = 0, y = 0;

  if (scale == 1)
    {
      pango_cairo_show_layout (cr, layout);
      return;
    }
  if (cairo_has_current_point (cr))
    cairo_get_current_point (cr, &x, &y);
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_move_to (cr, 0, 0);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
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

  return (double) (logical.x + logical.width) / PANGO_SCALE * tp_text_layout_get_scale (layout);
}

void
tp_text_layout_get_size (PangoLayout *layout,
                         double      *width,
                         double      *height)
{
  PangoRectangle logical;
  TpTextScale *s;

  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  pango_layout_get_extents (layout, NULL, &logical);
  s = g_object_get_qdata (G_OBJECT (layout), scale_quark ());
  if (s == NULL)
    {
      if (width != NULL)
        *width = (double) logical.width / PANGO_SCALE;
      if (height != NULL)
        *height = (double) logical.height / PANGO_SCALE;
      return;
    }

  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE * s->scale;
  /* Every line is line_units tall: n of them are n of the role's lines, exactly as a
   * font at the role's size makes them (the scaled line height is rounded to Pango
   * units, so scaling it back could be off by a hair, and box sizes round upwards). */
  if (height != NULL && logical.height % s->line_units == 0)
    *height = logical.height / s->line_units * s->line_height;
  else if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE * s->scale;
}

void
tp_text_layout_get_ink (PangoLayout *layout,
                        double      *x,
                        double      *y,
                        double      *width,
                        double      *height)
{
  PangoRectangle ink;
  double scale;

  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  pango_layout_get_extents (layout, &ink, NULL);
  scale = tp_text_layout_get_scale (layout);
  if (x != NULL)
    *x = (double) ink.x / PANGO_SCALE * scale;
  if (y != NULL)
    *y = (double) ink.y / PANGO_SCALE * scale;
  if (width != NULL)
    *width = (double) ink.width / PANGO_SCALE * scale;
  if (height != NULL)
    *height = (double) ink.height / PANGO_SCALE * scale;
}

guint
_tp_text_get_n_layouts (void)
{
  return (guint) g_atomic_int_get (&n_layouts);
}
