/* test-font-family.c: the theme asks Pango for the font family its list comes to, so that
 * Pango's own metrics of a font (a sample laid out in that font's one family) find the
 * fontset already sorted instead of sorting a second one per size (issue 19: the fixed
 * cost of a small export). */

#include "config.h"

#include <string.h>

#include "render/tp-font-family.h"
#include "render/tp-text.h"
#include "render/tp-theme.h"

/* The theme's first choice, installed where the app is (./dev installs it). */
#define FIRST_FAMILY "Inter"

static gboolean
have_first_family (void)
{
  return pango_font_map_get_family (pango_cairo_font_map_get_default (), FIRST_FAMILY) != NULL;
}

static void
test_resolve (void)
{
  const char *list = "No Such Family Touchpoint, " FIRST_FAMILY ", sans-serif";
  const char *generic_first = "sans-serif, " FIRST_FAMILY;
  const char *none = "No Such Family Touchpoint, sans-serif";

  if (!have_first_family ())
    {
      g_test_skip (FIRST_FAMILY " is not installed");
      return;
    }

  /* A family that is not installed is passed over; the answer is kept. */
  g_assert_cmpstr (tp_font_family_resolve (list), ==, FIRST_FAMILY);
  g_assert_true (tp_font_family_resolve (list) == tp_font_family_resolve (list));
  /* A generic name leaves the choice to fontconfig, as the list did. */
  g_assert_cmpstr (tp_font_family_resolve (generic_first), ==, generic_first);
  g_assert_cmpstr (tp_font_family_resolve (none), ==, none);
}

/* Every role of both themes: the description Pango makes of the font it chose (which it
 * lays its metrics sample out in) names the family we asked for. */
static void
test_metrics_same_family (void)
{
  const TpTheme *themes[] = { tp_theme_get_default (), tp_theme_get_dark () };
  PangoContext *context = tp_text_context_new ();

  if (!have_first_family ())
    {
      g_test_skip (FIRST_FAMILY " is not installed");
      g_object_unref (context);
      return;
    }

  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    for (guint role = 0; role < TP_N_FONT_ROLES; role++)
      {
        PangoFontDescription *asked = tp_theme_create_font (themes[t], role);
        PangoFont *font = pango_context_load_font (context, asked);
        PangoFontDescription *described;

        g_assert_nonnull (font);
        described = pango_font_describe_with_absolute_size (font);
        g_assert_cmpstr (pango_font_description_get_family (asked), ==,
                         pango_font_description_get_family (described));
        g_assert_cmpstr (pango_font_description_get_family (asked), ==, FIRST_FAMILY);
        pango_font_description_free (described);
        pango_font_description_free (asked);
        g_object_unref (font);
      }
  g_object_unref (context);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/font-family/resolve", test_resolve);
  g_test_add_func ("/touchpoint/font-family/metrics-same-family", test_metrics_same_family);

  return g_test_run ();
}
