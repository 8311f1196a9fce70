/* test-theme.c: the light and dark themes keep every text readable (WCAG 2 contrast)
 * and every note colour recognisable. */

#include "config.h"

#include <math.h>
#include <string.h>

#include "render/tp-theme.h"

#define MIN_CONTRAST 4.5

static void
assert_contrast (const char     *what,
                 const TpColour *text,
                 const TpColour *background)
{
  double ratio = tp_colour_get_contrast_ratio (text, background);

  if (ratio < MIN_CONTRAST)
    g_error ("%s: contrast %.2f:1 is below %.1f:1", what, ratio, MIN_CONTRAST);
}

static void
check_theme (const TpTheme *theme,
             const char    *name)
{
  /* Note text on every palette colour. */
  for (guint i = 0; i < TP_N_NOTE_COLOURS; i++)
    {
      g_autofree char *what = g_strdup_printf ("%s: note text on colour %u", name, i);

      assert_contrast (what, &theme->note_text, &theme->notes[i]);
    }

  /* Chrome: titles, hints, captions and journey text on the panels they sit on. */
  assert_contrast (name, &theme->title, &theme->panel);
  assert_contrast (name, &theme->title, &theme->board_background);
  assert_contrast (name, &theme->hint, &theme->panel);
  assert_contrast (name, &theme->caption, &theme->panel);
  assert_contrast (name, &theme->cell_text, &theme->panel);
  assert_contrast (name, &theme->cell_text, &theme->pain);
  assert_contrast (name, &theme->cell_text, &theme->opportunity);
  assert_contrast (name, &theme->cell_text, &theme->kpi_tile);
  assert_contrast (name, &theme->title, &theme->row_labels);
  assert_contrast (name, &theme->badge_text, &theme->badge);
  assert_contrast (name, &theme->more_badge_text, &theme->more_badge);
  for (guint i = 0; i < TP_N_STAGE_TINTS; i++)
    {
      assert_contrast (name, &theme->title, &theme->stage_tints[i]);
      assert_contrast (name, &theme->job_text, &theme->stage_tints[i]);
      assert_contrast (name, &theme->cell_text, &theme->stage_tints[i]);
    }
}

static void
test_contrast_light (void)
{
  check_theme (tp_theme_get_default (), "light");
}

static void
test_contrast_dark (void)
{
  check_theme (tp_theme_get_dark (), "dark");
}

static double
get_hue (const TpColour *colour)
{
  double max = MAX (colour->red, MAX (colour->green, colour->blue));
  double min = MIN (colour->red, MIN (colour->green, colour->blue));
  double d = max - min, hue;

  if (d < 1e-6)
    return -1;   /* grey: no hue */
  if (max == colour->red)
    hue = fmod ((colour->green - colour->blue) / d, 6);
  else if (max == colour->green)
    hue = (colour->blue - colour->red) / d + 2;
  else
    hue = (colour->red - colour->green) / d + 4;
  hue *= 60;
  return hue < 0 ? hue + 360 : hue;
}

/* The dark palette keeps each colour's hue (its meaning) and the light theme's geometry. */
static void
test_dark_recognisable (void)
{
  const TpTheme *light = tp_theme_get_default ();
  const TpTheme *dark = tp_theme_get_dark ();

  g_assert_true (dark != light);
  g_assert_cmpmem (dark->fonts, sizeof dark->fonts, light->fonts, sizeof light->fonts);
  g_assert_cmpfloat (dark->note_width, ==, light->note_width);
  g_assert_cmpfloat (dark->panel_padding, ==, light->panel_padding);
  /* Dark chrome: the board and its panels far darker than the light ones. */
  g_assert_cmpfloat (tp_colour_get_luminance (&dark->board_background), <, 0.05);
  g_assert_cmpfloat (tp_colour_get_luminance (&dark->panel), <, 0.05);

  for (guint i = 0; i < TP_N_NOTE_COLOURS; i++)
    {
      double a = get_hue (&light->notes[i]), b = get_hue (&dark->notes[i]);
      double d = fabs (a - b);

      if (a < 0 || b < 0)
        continue;
      d = MIN (d, 360 - d);
      g_assert_cmpfloat (d, <=, 12);
      /* A little deeper, never lighter. */
      g_assert_cmpfloat (tp_colour_get_luminance (&dark->notes[i]), <=,
                         tp_colour_get_luminance (&light->notes[i]));
    }
  /* Each note colour stays distinct from every other. */
  for (guint i = 0; i < TP_N_NOTE_COLOURS; i++)
    for (guint j = i + 1; j < TP_N_NOTE_COLOURS; j++)
      {
        const TpColour *a = &dark->notes[i], *b = &dark->notes[j];
        double distance = fabs (a->red - b->red) + fabs (a->green - b->green) + fabs (a->blue - b->blue);

        g_assert_cmpfloat (distance, >, 0.15);
      }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/theme/contrast-light", test_contrast_light);
  g_test_add_func ("/touchpoint/theme/contrast-dark", test_contrast_dark);
  g_test_add_func ("/touchpoint/theme/dark-recognisable", test_dark_recognisable);

  return g_test_run ();
}
