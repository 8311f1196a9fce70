/* tp-theme.c: the board's colours, fonts and sizes (VISUAL.md) */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tp-font-family.h"
#include "tp-theme.h"

/* Colours are written as in VISUAL.md, so the table can be checked against it by eye. */
#define HEX(h) { ((h) >> 16 & 0xff) / 255.0, ((h) >> 8 & 0xff) / 255.0, ((h) & 0xff) / 255.0, 1.0 }
#define HEXA(h, a) { ((h) >> 16 & 0xff) / 255.0, ((h) >> 8 & 0xff) / 255.0, ((h) & 0xff) / 255.0, (a) }

static const TpTheme default_theme = {
  /* Inter first; Cantarell is GNOME's own face; "sans-serif" lets fontconfig choose. */
  .font_family = "Inter, Cantarell, sans-serif",
  .fonts = {
    [TP_FONT_REGION_TITLE] = { 26, PANGO_WEIGHT_SEMIBOLD, 1.2, FALSE },
    [TP_FONT_BLOCK_TITLE] = { 15, PANGO_WEIGHT_SEMIBOLD, 1.25, FALSE },
    [TP_FONT_NOTE] = { 13, PANGO_WEIGHT_NORMAL, 1.25, FALSE },
    [TP_FONT_HINT] = { 13, PANGO_WEIGHT_NORMAL, 1.35, FALSE },
    [TP_FONT_CAPTION] = { 11, PANGO_WEIGHT_NORMAL, 1.3, TRUE },
    [TP_FONT_BADGE] = { 11, PANGO_WEIGHT_BOLD, 1.0, TRUE },
    [TP_FONT_STAGE_HEADING] = { 17, PANGO_WEIGHT_SEMIBOLD, 1.25, FALSE },
    [TP_FONT_JOB] = { 12, PANGO_WEIGHT_NORMAL, 1.35, FALSE, PANGO_STYLE_ITALIC },
    [TP_FONT_ROW_LABEL] = { 12, PANGO_WEIGHT_SEMIBOLD, 1.3, FALSE },
    [TP_FONT_CARD_TITLE] = { 13, PANGO_WEIGHT_SEMIBOLD, 1.25, FALSE },
    [TP_FONT_CELL] = { 12, PANGO_WEIGHT_NORMAL, 1.3, FALSE },
    [TP_FONT_TAG] = { 10.5, PANGO_WEIGHT_MEDIUM, 1.2, TRUE },
    [TP_FONT_FIGURE] = { 14, PANGO_WEIGHT_SEMIBOLD, 1.2, TRUE },
  },

  .board_background = HEX (0xfafafa),
  .panel = HEX (0xffffff),
  .panel_border = HEX (0xdeddda),
  .title = HEX (0x3d3846),
  .hint = HEX (0x77767b),
  .badge = HEX (0x3d3846),
  .badge_text = HEX (0xffffff),
  .more_badge = HEX (0xf0eff1),
  .more_badge_text = HEX (0x3d3846),
  .icon = HEX (0x77767b),
  .shadow = HEXA (0x000000, 0.10),

  .notes = {
    [TP_NOTE_COLOUR_YELLOW] = HEX (0xf9f06b),
    [TP_NOTE_COLOUR_GREEN] = HEX (0x8ff0a4),
    [TP_NOTE_COLOUR_BLUE] = HEX (0x99c1f1),
    [TP_NOTE_COLOUR_PURPLE] = HEX (0xdc8add),
    [TP_NOTE_COLOUR_ORANGE] = HEX (0xffbe6f),
    [TP_NOTE_COLOUR_RED] = HEX (0xf66151),
    [TP_NOTE_COLOUR_PINK] = HEX (0xffc0cb),
    [TP_NOTE_COLOUR_GREY] = HEX (0xdeddda),
  },
  .note_text = HEX (0x241f31),
  .note_edge = HEXA (0x241f31, 0.12),
  .note_marks = HEXA (0x241f31, 0.62),
  /* The darker tones of the GNOME palette, so an edge reads on every note colour. */
  .accents = {
    [TP_ACCENT_BLUE] = HEX (0x1c71d8),
    [TP_ACCENT_GREEN] = HEX (0x26a269),
    [TP_ACCENT_YELLOW] = HEX (0xe5a50a),
    [TP_ACCENT_ORANGE] = HEX (0xc64600),
    [TP_ACCENT_RED] = HEX (0xc01c28),
    [TP_ACCENT_PURPLE] = HEX (0x813d9c),
    [TP_ACCENT_BROWN] = HEX (0x865e3c),
    [TP_ACCENT_SLATE] = HEX (0x5e5c64),
  },

  .emotion_negative = HEX (0xe01b24),
  .emotion_neutral = HEX (0x9a9996),
  .emotion_positive = HEX (0x2ec27e),
  .kano = {
    [TP_KANO_NONE] = HEX (0xc0bfbc),
    [TP_KANO_MUST_BE] = HEX (0x1c71d8),
    [TP_KANO_ONE_DIMENSIONAL] = HEX (0x2ec27e),
    [TP_KANO_ATTRACTIVE] = HEX (0xe5a50a),
    [TP_KANO_INDIFFERENT] = HEX (0x9a9996),
    [TP_KANO_REVERSE] = HEX (0xc01c28),
    [TP_KANO_QUESTIONABLE] = HEX (0x613583),
  },
  .gap = { HEX (0x2ec27e), HEX (0xe5a50a), HEX (0xe01b24) },
  .link = HEX (0x3584e4),
  .link_alpha = 0.6,
  .link_width = 2,
  .link_width_selected = 3,
  .moment_of_truth = HEX (0xe5a50a),

  /* Pale tones of the GNOME palette: a stage reads as one band, and dark text stays
   * well above 4.5:1 on each. */
  .stage_tints = {
    HEX (0xdce8fa),
    HEX (0xd8f2e2),
    HEX (0xfaf0c8),
    HEX (0xfde2cc),
    HEX (0xeedff3),
    HEX (0xd5eeee),
  },
  .job_text = HEX (0x5e5c64),
  .row_labels = HEX (0xf6f5f4),
  .hairline = HEX (0xe6e5e2),
  .caption = HEX (0x6d6c72),
  .cell_text = HEX (0x241f31),
  .pain = HEX (0xfde4e3),
  .opportunity = HEX (0xdcf5e7),
  .kpi_tile = HEX (0xf6f5f4),
  .expectation = HEX (0x77767b),
  .bar_track = HEX (0xebeae8),

  .panel_radius = 12,
  .panel_border_width = 1,
  .panel_padding = 10,
  .panel_gap = 12,
  .region_gap = 120,
  .board_margin = 64,
  .note_radius = 4,
  .note_padding = 7,
  .note_gap = 8,
  .note_width = 170,
  .note_min_width = 112,
  .note_min_height = 46,
  .note_min_scale = 0.6,
  .note_max_lines = 7,
  .accent_width = 4,
  .card_radius = 8,
  .touchpoint_width = 212,
  .icon_size = 20,
  .icon_line_width = 1.5,
};

const TpTheme *
tp_theme_get_default (void)
{
  return &default_theme;
}

/* The dark variant changes colours only: fonts, sizes and shapes are the default's, so a
 * layout is the same whichever of the two it is drawn with. */
static void
init_dark (TpTheme *theme)
{
  static const TpColour notes[TP_N_NOTE_COLOURS] = {
    /* The palette a little deeper and less saturated, so the notes stop glowing on a
     * dark board while each keeps its hue (its meaning) and the dark text reads on it
     * above 4.5:1 (tests/test-theme.c checks). */
    [TP_NOTE_COLOUR_YELLOW] = HEX (0xe8de5a),
    [TP_NOTE_COLOUR_GREEN] = HEX (0x78dc8f),
    [TP_NOTE_COLOUR_BLUE] = HEX (0x86b0e6),
    [TP_NOTE_COLOUR_PURPLE] = HEX (0xcf7fd0),
    [TP_NOTE_COLOUR_ORANGE] = HEX (0xf0ac5a),
    [TP_NOTE_COLOUR_RED] = HEX (0xeb5e4f),
    [TP_NOTE_COLOUR_PINK] = HEX (0xf0aab6),
    [TP_NOTE_COLOUR_GREY] = HEX (0xc8c7c3),
  };
  /* Deep tones of the same hues as the light tints: a stage still reads as one band. */
  static const TpColour tints[TP_N_STAGE_TINTS] = {
    HEX (0x2b3a52),
    HEX (0x29423a),
    HEX (0x48422a),
    HEX (0x4a3728),
    HEX (0x3e3346),
    HEX (0x27403f),
  };

  *theme = default_theme;

  /* libadwaita's dark view and card colours, so the board sits in the window's style. */
  theme->board_background = (TpColour) HEX (0x1e1e1e);
  theme->panel = (TpColour) HEX (0x2a2a2c);
  theme->panel_border = (TpColour) HEX (0x3d3d40);
  theme->title = (TpColour) HEX (0xf6f5f4);
  theme->hint = (TpColour) HEX (0xa8a7ad);
  theme->badge = (TpColour) HEX (0xdeddda);
  theme->badge_text = (TpColour) HEX (0x241f31);
  theme->more_badge = (TpColour) HEX (0x3a3a3e);
  theme->more_badge_text = (TpColour) HEX (0xf6f5f4);
  theme->icon = (TpColour) HEX (0x9a9996);
  theme->shadow = (TpColour) HEXA (0x000000, 0.35);

  memcpy (theme->notes, notes, sizeof notes);
  /* Note text stays dark: it sits on the notes' fills, which stay light. */
  theme->note_edge = (TpColour) HEXA (0x000000, 0.30);

  theme->link = (TpColour) HEX (0x62a0ea);
  theme->link_alpha = 0.7;

  memcpy (theme->stage_tints, tints, sizeof tints);
  theme->job_text = (TpColour) HEX (0xc0bfbc);
  theme->row_labels = (TpColour) HEX (0x303034);
  theme->hairline = (TpColour) HEX (0x3d3d40);
  theme->caption = (TpColour) HEX (0xa8a7ad);
  theme->cell_text = (TpColour) HEX (0xf6f5f4);
  theme->pain = (TpColour) HEX (0x4a2a2c);
  theme->opportunity = (TpColour) HEX (0x26402f);
  theme->kpi_tile = (TpColour) HEX (0x333337);
  theme->expectation = (TpColour) HEX (0x9a9996);
  theme->bar_track = (TpColour) HEX (0x3d3d40);
}

const TpTheme *
tp_theme_get_dark (void)
{
  static TpTheme dark_theme;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      init_dark (&dark_theme);
      g_once_init_leave (&initialized, 1);
    }
  return &dark_theme;
}

PangoFontDescription *
tp_theme_create_font (const TpTheme *theme,
                      TpFontRole     role)
{
  PangoFontDescription *desc;

  g_return_val_if_fail (theme != NULL, NULL);
  g_return_val_if_fail (role < TP_N_FONT_ROLES, NULL);

  desc = pango_font_description_new ();
  /* The family the list comes to, so Pango's own metrics find the same fonts. */
  pango_font_description_set_family (desc, tp_font_family_resolve (theme->font_family));
  pango_font_description_set_weight (desc, theme->fonts[role].weight);
  pango_font_description_set_style (desc, theme->fonts[role].style);
  /* Absolute sizes are in device units of the layout's context, which we keep at the
   * identity: one unit per board unit, whatever the screen's DPI or the export scale. */
  pango_font_description_set_absolute_size (desc,
                                            tp_theme_get_font_load_size (theme, role) * PANGO_SCALE);

  return desc;
}

double
tp_theme_get_font_load_size (const TpTheme *theme,
                             TpFontRole     role)
{
  g_return_val_if_fail (theme != NULL, 0);
  g_return_val_if_fail (role < TP_N_FONT_ROLES, 0);

  /* One font per weight and style instead of one per size (issue 19), at the largest
   * size of the roles that share it: drawn at a role's size or smaller, each glyph's
   * advance, rounded to 1/1024 of a unit at the font's size, is off by at most that much
   * at the role's (the largest role in each is exact). The notes' (regular) is their
   * own size, so a note is laid out and drawn as it was. */
  double size = 0;

  for (guint other = 0; other < TP_N_FONT_ROLES; other++)
    if (theme->fonts[other].weight == theme->fonts[role].weight &&
        theme->fonts[other].style == theme->fonts[role].style)
      size = MAX (size, theme->fonts[other].size);
  return size;
}

double
tp_theme_get_font_scale (const TpTheme *theme,
                         TpFontRole     role)
{
  g_return_val_if_fail (theme != NULL, 1);
  g_return_val_if_fail (role < TP_N_FONT_ROLES, 1);

  return theme->fonts[role].size / tp_theme_get_font_load_size (theme, role);
}

double
tp_theme_get_line_height (const TpTheme *theme,
                          TpFontRole     role)
{
  g_return_val_if_fail (theme != NULL, 0);
  g_return_val_if_fail (role < TP_N_FONT_ROLES, 0);

  /* Rounded to Pango units, as the line-height attribute will be. */
  return round (theme->fonts[role].size * theme->fonts[role].line_height * PANGO_SCALE)
         / PANGO_SCALE;
}

static double
mix (double a,
     double b,
     double t)
{
  return a + (b - a) * t;
}

void
tp_theme_get_emotion_colour (const TpTheme *theme,
                             double         emotion,
                             TpColour      *out)
{
  const TpColour *from, *to;
  double t;

  g_return_if_fail (theme != NULL);
  g_return_if_fail (out != NULL);

  emotion = CLAMP (emotion, TP_EMOTION_MIN, TP_EMOTION_MAX);
  if (emotion < 0)
    {
      from = &theme->emotion_neutral;
      to = &theme->emotion_negative;
      t = emotion / TP_EMOTION_MIN;
    }
  else
    {
      from = &theme->emotion_neutral;
      to = &theme->emotion_positive;
      t = emotion / TP_EMOTION_MAX;
    }

  out->red = mix (from->red, to->red, t);
  out->green = mix (from->green, to->green, t);
  out->blue = mix (from->blue, to->blue, t);
  out->alpha = 1;
}

const TpColour *
tp_theme_get_gap_colour (const TpTheme *theme,
                         int            gap)
{
  g_return_val_if_fail (theme != NULL, NULL);

  /* A negative gap (experience beats expectation) is as good as none. */
  return &theme->gap[CLAMP (gap, 0, 2)];
}

void
tp_colour_set_source (cairo_t        *cr,
                      const TpColour *colour)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue, colour->alpha);
}

void
tp_colour_set_source_alpha (cairo_t        *cr,
                            const TpColour *colour,
                            double          alpha)
{
  cairo_set_source_rgba (cr, colour->red, colour->green, colour->blue,
                         colour->alpha * alpha);
}

static double
linearize (double channel)
{
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

double
tp_colour_get_luminance (const TpColour *colour)
{
  g_return_val_if_fail (colour != NULL, 0);

  return 0.2126 * linearize (colour->red)
         + 0.7152 * linearize (colour->green)
         + 0.0722 * linearize (colour->blue);
}

double
tp_colour_get_contrast_ratio (const TpColour *a,
                              const TpColour *b)
{
  double la = tp_colour_get_luminance (a);
  double lb = tp_colour_get_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

const TpColour *
tp_theme_get_text_on (const TpTheme  *theme,
                      const TpColour *fill)
{
  static const TpColour white = { 1, 1, 1, 1 };

  return tp_colour_get_contrast_ratio (&white, fill) >= 4.5 ? &white : &theme->note_text;
}
