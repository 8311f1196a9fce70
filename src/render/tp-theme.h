/* tp-theme.h: the one table of colours, fonts and sizes the board is drawn with.
 *
 * The screen and every export read the same table (VISUAL.md), so an exported slide
 * looks exactly like the board. Sizes are in board units: 1 unit is 1 px at 100 %.
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "model/tp-types.h"

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
  double alpha;
} TpColour;

/* What a piece of text is; each role has one font, size and line height. */
typedef enum {
  TP_FONT_REGION_TITLE,   /* "Business Model Canvas" above a region */
  TP_FONT_BLOCK_TITLE,    /* a block's name */
  TP_FONT_NOTE,           /* sticky-note text */
  TP_FONT_HINT,           /* a block's guiding question while it is empty */
  TP_FONT_CAPTION,        /* captions, row labels, the "+N more" badge */
  TP_FONT_BADGE,          /* the BMC block number */
  TP_FONT_STAGE_HEADING,  /* journey stage headings */
  TP_FONT_JOB,            /* a stage's job to be done, under its heading */
  TP_FONT_ROW_LABEL,      /* the journey's row labels */
  TP_FONT_CARD_TITLE,     /* a touchpoint card's name */
  TP_FONT_CELL,           /* text in the journey's rows */
  TP_FONT_TAG,            /* Kano tags, gap labels, emotion scale */
  TP_FONT_FIGURE,         /* a KPI's figure */
  TP_N_FONT_ROLES
} TpFontRole;

typedef struct
{
  double       size;         /* board units */
  PangoWeight  weight;
  double       line_height;  /* multiple of size; every line is exactly this tall */
  gboolean     tabular;      /* tabular figures, for numbers */
  PangoStyle   style;
} TpFontSpec;

/* How many tints the journey's stages cycle through. */
#define TP_N_STAGE_TINTS 6
/* One tint per stage colour of the model. */
G_STATIC_ASSERT (TP_N_STAGE_TINTS == TP_N_STAGE_COLOURS);

typedef struct
{
  /* A Pango family list: the first installed family wins. */
  const char *font_family;
  TpFontSpec  fonts[TP_N_FONT_ROLES];

  /* Chrome. */
  TpColour    board_background;
  TpColour    panel;
  TpColour    panel_border;
  TpColour    title;
  TpColour    hint;
  TpColour    badge;           /* block-number disc */
  TpColour    badge_text;
  TpColour    more_badge;      /* the "+N more" pill */
  TpColour    more_badge_text;
  TpColour    icon;
  TpColour    shadow;          /* screen only */

  /* Notes. */
  TpColour    notes[TP_N_NOTE_COLOURS];
  TpColour    note_text;
  TpColour    note_edge;       /* hairline around a note, so exports without shadows
                                * still show where a pale note ends */
  TpColour    note_marks;      /* votes and evidence glyphs */
  TpColour    accents[TP_N_ACCENTS];

  /* Analysis. */
  TpColour    emotion_negative;  /* −2 */
  TpColour    emotion_neutral;   /*  0 */
  TpColour    emotion_positive;  /* +2 */
  TpColour    kano[TP_N_KANO_CATEGORIES];
  TpColour    gap[3];            /* severity 0, 1, ≥ 2 */
  TpColour    link;
  double      link_alpha;
  double      link_width;
  double      link_width_selected;
  TpColour    moment_of_truth;

  /* The journey. */
  TpColour    stage_tints[TP_N_STAGE_TINTS]; /* light: header bands, tops of cards */
  TpColour    job_text;          /* a stage's job to be done, on its tint */
  TpColour    row_labels;        /* the row-label column's background */
  TpColour    hairline;          /* row separators and emotion gridlines */
  TpColour    caption;           /* channels, KPI names, targets */
  TpColour    cell_text;
  TpColour    pain;              /* pain-point chips */
  TpColour    opportunity;       /* opportunity chips */
  TpColour    kpi_tile;          /* a touchpoint's KPI */
  TpColour    expectation;       /* the expectation bar of a gap */
  TpColour    bar_track;

  /* Shapes, in board units. */
  double      panel_radius;
  double      panel_border_width;
  double      panel_padding;
  double      panel_gap;         /* between blocks of one region */
  double      region_gap;        /* between regions */
  double      board_margin;      /* around everything */
  double      note_radius;
  double      note_padding;
  double      note_gap;          /* between notes of one block */
  double      note_width;        /* preferred, before a block shrinks its notes */
  double      note_min_width;
  double      note_min_height;
  double      note_min_scale;    /* a block never shrinks its notes below this */
  guint       note_max_lines;
  double      accent_width;
  double      card_radius;
  double      touchpoint_width;  /* every touchpoint's column */
  double      icon_size;
  double      icon_line_width;
} TpTheme;

/* The light theme of VISUAL.md: every export and print, and the board in a light style. */
const TpTheme        *tp_theme_get_default         (void);
/* The board and the analysis view in a dark style: the same fonts, sizes and shapes
 * (so the same layout), darker chrome, the note palette a little deeper. Never exported. */
const TpTheme        *tp_theme_get_dark            (void);

/* The Pango description of a role's font: the theme's family, the role's weight and
 * style, at the size the font is loaded at (tp_theme_get_font_load_size()), in units. */
PangoFontDescription *tp_theme_create_font         (const TpTheme  *theme,
                                                    TpFontRole      role);
/* The size a role's font is loaded at, in units: the largest of the roles of its weight
 * and style (the notes' for the regular weight). Every size Pango is asked for is a font of its own (a fontconfig sort, a metrics
 * sample, every glyph loaded again), so roles are laid out at this size and drawn
 * scaled to theirs (tp_theme_get_font_scale(); tp-text.c). */
double                tp_theme_get_font_load_size  (const TpTheme  *theme,
                                                    TpFontRole      role);
/* A role's size over the size its font is loaded at. */
double                tp_theme_get_font_scale      (const TpTheme  *theme,
                                                    TpFontRole      role);
/* The exact height of one line of a role, in board units. */
double                tp_theme_get_line_height     (const TpTheme  *theme,
                                                    TpFontRole      role);

/* The emotion scale at a value in −2 … +2 (clamped), interpolated through neutral. */
void                  tp_theme_get_emotion_colour  (const TpTheme  *theme,
                                                    double          emotion,
                                                    TpColour       *out);
/* The severity colour of an expectation gap (expectation − experience). */
const TpColour       *tp_theme_get_gap_colour      (const TpTheme  *theme,
                                                    int             gap);

void                  tp_colour_set_source         (cairo_t        *cr,
                                                    const TpColour *colour);
void                  tp_colour_set_source_alpha   (cairo_t        *cr,
                                                    const TpColour *colour,
                                                    double          alpha);
/* WCAG 2 relative luminance (0 black … 1 white) and contrast ratio (1 … 21). Alpha is
 * ignored: the colours are taken as opaque. */
double                tp_colour_get_luminance      (const TpColour *colour);
double                tp_colour_get_contrast_ratio (const TpColour *a,
                                                    const TpColour *b);
/* The text colour to write on a coloured fill (a tag, a pill, a table cell): white where it
 * reads at WCAG AA (4.5:1), the notes' dark text otherwise. */
const TpColour       *tp_theme_get_text_on         (const TpTheme  *theme,
                                                    const TpColour *fill);

G_END_DECLS
