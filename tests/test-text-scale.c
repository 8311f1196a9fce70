/* test-text-scale.c: a role laid out at its font's size and scaled measures and wraps as
 * a font at the role's own size does (issue 19, the 1-note export)
 *
 * Every size Pango is asked for is a font of its own (a fontconfig sort, a metrics
 * sample, glyphs loaded again), so tp-text.c lays every role out in one font per weight
 * and style, at the size tp_theme_get_font_load_size() says, in a box and with lines
 * 1 / scale as large, and scales its extents back. Here, for every role, many texts and
 * widths: the scaled layout's lines break where a Pango layout in a font at the role's
 * size breaks them, its height is the same to the bit, its ink's top and first baseline
 * the same to a hundredth of a unit, and its widths, the end of its last line and the
 * ink's bottom as close as Pango's rounding to 1/1024 of a unit at either size allows (of
 * each glyph's advance, of each line's height).
 */

#include "config.h"

#include <math.h>

#include "../bench/tp-bench-doc.h"
#include "render/tp-font-family.h"
#include "render/tp-text.h"

/* The largest difference allowed between the two layouts' vertical positions, in board
 * units: far below what a page or a screen shows (a board unit is at most a point on a
 * page that fits the board; on screen, a pixel at 100 %). */
#define TOLERANCE 0.01

/* Vertically, each line's height in the font's size is rounded to a Pango unit: the n-th
 * line may be n / 2048 units (at the larger size) from where it was. */
static double
lines_tolerance (PangoLayout *layout,
                 double       scale)
{
  return TOLERANCE + (double) pango_layout_get_line_count (layout) / PANGO_SCALE * MAX (scale, 1);
}

/* Horizontally, Pango rounds each glyph's advance to half a Pango unit at either size:
 * a line of n glyphs may end n / 1024 units (at the larger size) apart, at most. */
static double
line_tolerance (const char *text,
                double      scale)
{
  return TOLERANCE + (double) g_utf8_strlen (text, -1) / PANGO_SCALE * MAX (scale, 1);
}

/* The layout tp-text.c made before fonts were shared: the role's own size. */
static PangoLayout *
reference_new (PangoContext  *context,
               const TpTheme *theme,
               TpFontRole     role,
               const char    *text,
               double         width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_new ();
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_font_description_set_family (desc, tp_font_family_resolve (theme->font_family));
  pango_font_description_set_weight (desc, theme->fonts[role].weight);
  pango_font_description_set_style (desc, theme->fonts[role].style);
  pango_font_description_set_absolute_size (desc, theme->fonts[role].size * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_attr_list_insert (attrs,
                          pango_attr_line_height_new_absolute (
                            (int) round (tp_theme_get_line_height (theme, role) * PANGO_SCALE)));
  if (theme->fonts[role].tabular)
    pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum 1"));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) floor (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
last_line_end (PangoLayout *layout)
{
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout,
                                                          pango_layout_get_line_count (layout) - 1);
  PangoRectangle logical;

  pango_layout_line_get_extents (line, NULL, &logical);
  return (double) (logical.x + logical.width) / PANGO_SCALE;
}

static gboolean
same_lines (PangoLayout *a,
            PangoLayout *b)
{
  if (pango_layout_get_line_count (a) != pango_layout_get_line_count (b))
    return FALSE;
  for (int i = 0; i < pango_layout_get_line_count (a); i++)
    if (pango_layout_get_line_readonly (a, i)->start_index !=
        pango_layout_get_line_readonly (b, i)->start_index)
      return FALSE;
  return TRUE;
}

/* How far from the box's width (board units) the longer of the two layouts' lines ends,
 * at the first line where they break differently. */
static double
edge_distance (PangoLayout *scaled,
               PangoLayout *reference,
               double       width)
{
  double scale = tp_text_layout_get_scale (scaled);

  for (int i = 0; i < pango_layout_get_line_count (scaled); i++)
    {
      PangoLayoutLine *a = pango_layout_get_line_readonly (scaled, i);
      PangoLayoutLine *b = pango_layout_get_line_readonly (reference, i);
      PangoRectangle la, lb;

      if (b != NULL && a->length == b->length)
        continue;
      if (b == NULL)
        return G_MAXDOUBLE;
      pango_layout_line_get_extents (a, NULL, &la);
      pango_layout_line_get_extents (b, NULL, &lb);
      g_test_message ("“%s” at %g: line %d is %g wide scaled, %g at its own size",
                      pango_layout_get_text (scaled), width, i,
                      (double) la.width / PANGO_SCALE * scale, (double) lb.width / PANGO_SCALE);
      return fabs ((a->length > b->length ? (double) la.width / PANGO_SCALE * scale
                                           : (double) lb.width / PANGO_SCALE) - width);
    }
  return G_MAXDOUBLE;
}

static void
test_same_geometry (void)
{
  const TpTheme *theme = tp_theme_get_default ();
  PangoContext *context = tp_text_context_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (19);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  double worst = 0, worst_ink = 0, step;
  guint compared = 0, edges = 0, scaled_roles = 0;

  g_ptr_array_add (texts, g_strdup ("Key partners"));
  g_ptr_array_add (texts, g_strdup ("Who are our key partners? Which key resources do we acquire?"));
  g_ptr_array_add (texts, g_strdup ("1,234 / 56.7 % +12"));
  g_ptr_array_add (texts, g_strdup ("first paragraph\nsecond, a little longer\n\nthird"));
  g_ptr_array_add (texts, g_strdup ("Pneumonoultramicroscopicsilicovolcanoconiosis"));
  g_ptr_array_add (texts, g_strdup (""));
  for (guint i = 0; i < (g_getenv ("TP_TEST_SLOWDOWN") ? 4 : 16); i++)
    g_ptr_array_add (texts, tp_bench_make_text (rand, 1, 24));

  /* Under the sanitizers, fewer widths. */
  step = g_getenv ("TP_TEST_SLOWDOWN") ? 23.3 : 9.3;
  for (guint role = 0; role < TP_N_FONT_ROLES; role++)
    {
      scaled_roles += tp_theme_get_font_scale (theme, role) != 1;
      for (guint t = 0; t < texts->len; t++)
        for (double width = -1; width <= 400; width = width < 0 ? 30 : width + step)
          {
            const char *text = g_ptr_array_index (texts, t);
            g_autoptr(PangoLayout) scaled = tp_text_layout_new_lines (context, theme, role, text,
                                                                      width, 0);
            g_autoptr(PangoLayout) reference = reference_new (context, theme, role, text, width);
            double scale = tp_text_layout_get_scale (scaled);
            double w, h, ref_w, ref_h, ink_y, ink_h;
            PangoRectangle ref_ink, ref_logical;

            if (!same_lines (scaled, reference))
              {
                /* Only where a line is as wide as the box, to Pango's rounding: the one
                 * layout's line that took a word more ends within that of its width. */
                g_assert_cmpfloat (edge_distance (scaled, reference, width), <=,
                                   line_tolerance (text, scale));
                edges++;
                continue;
              }

            tp_text_layout_get_size (scaled, &w, &h);
            pango_layout_get_extents (reference, &ref_ink, &ref_logical);
            ref_w = (double) ref_logical.width / PANGO_SCALE;
            ref_h = (double) ref_logical.height / PANGO_SCALE;
            g_assert_cmpfloat (h, ==, ref_h);
            g_assert_cmpfloat_with_epsilon (w, ref_w, line_tolerance (text, scale));
            g_assert_cmpfloat_with_epsilon (tp_text_layout_get_last_line_end (scaled),
                                            last_line_end (reference),
                                            line_tolerance (text, scale));
            tp_text_layout_get_ink (scaled, NULL, &ink_y, NULL, &ink_h);
            if (ref_ink.height > 0)
              {
                g_assert_cmpfloat_with_epsilon (ink_y, (double) ref_ink.y / PANGO_SCALE,
                                                TOLERANCE);
                g_assert_cmpfloat_with_epsilon (ink_h, (double) ref_ink.height / PANGO_SCALE,
                                                lines_tolerance (reference, scale));
              }
            /* The first baseline, where a painter puts the text. */
            g_assert_cmpfloat_with_epsilon ((double) pango_layout_get_baseline (scaled) /
                                            PANGO_SCALE * scale,
                                            (double) pango_layout_get_baseline (reference) /
                                            PANGO_SCALE, TOLERANCE);
            worst = MAX (worst, fabs (w - ref_w));
            worst_ink = MAX (worst_ink, fabs (ink_h - (double) ref_ink.height / PANGO_SCALE));
            compared++;
          }
    }

  g_test_message ("%u layouts compared, %u broken otherwise at a line as wide as the box, "
                  "%u roles scaled, widths apart by %g units at most, ink heights by %g",
                  compared, edges, scaled_roles, worst, worst_ink);
  g_assert_cmpuint (edges, <=, compared / 200);
  /* Only the largest role of each weight and style is drawn at its font's size. */
  g_assert_cmpuint (scaled_roles, >=, TP_N_FONT_ROLES / 2);
  g_object_unref (context);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/text-scale/same-geometry", test_same_geometry);

  return g_test_run ();
}
