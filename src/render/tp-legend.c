/* tp-legend.c: the key to a page's symbols (tp-legend.h)
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "analysis/tp-kano.h"
#include "model/tp-enums.h"
#include "model/tp-kano-need.h"
#include "model/tp-note.h"
#include "model/tp-persona.h"
#include "model/tp-stage.h"
#include "model/tp-touchpoint.h"
#include "tp-legend.h"
#include "tp-painter-private.h"

/* The strip's rhythm, in legend units. */
#define ROW_HEIGHT     18.0   /* one line of symbols */
#define ROW_GAP        6.0    /* between wrapped lines */
#define SYMBOL_GAP     5.0    /* between a symbol and its label */
#define ITEM_GAP       11.0   /* between the items of a group */
#define GROUP_GAP      20.0   /* before a group's heading */
#define SWATCH_WIDTH   18.0
#define SWATCH_HEIGHT  13.0
#define STAR_RADIUS    7.5
#define FACE_RADIUS    6.0
#define GAP_WIDTH      26.0
#define TAG_HEIGHT     17.0
#define BADGE_SIZE     18.0   /* a link's numbered badge */
/* On a page: the legend's text a share of the page's short side (a slide's 1080 px give
 * 19 px, 9.7 pt, as large as the canvas's notes there), never below a size that prints
 * legibly. */
#define PAGE_TEXT_SHARE  0.018
/* A page whose own text is drawn small to hold much (the journey's many rows and cards,
 * the board's three regions) keeps its legend as small, so the key does not take the
 * content's room nor outshout it. */
#define DENSE_TEXT_SHARE 0.013
#define PAGE_TEXT_MIN    11.0

struct _TpLegend
{
  GArray    *entries;   /* (element-type TpLegendItem) */
  GPtrArray *labels;    /* the entries' labels, owned */
  double     text_share; /* on a page: its text size, a share of the page's short side */
};

static void
add (TpLegend       *legend,
     TpLegendSymbol  symbol,
     guint           value,
     const char     *label)
{
  TpLegendItem entry = { symbol, value, NULL };
  char *copy = g_strdup (label);

  g_ptr_array_add (legend->labels, copy);
  entry.label = copy;
  g_array_append_val (legend->entries, entry);
}

/* Adds an entry of a group, and the group's heading before its first entry: a group
 * that nothing on the page uses has no heading. */
static void
add_in_group (TpLegend       *legend,
              gboolean       *any,
              const char     *heading,
              TpLegendSymbol  symbol,
              guint           value,
              const char     *label)
{
  if (!*any)
    add (legend, TP_LEGEND_HEADING, 0, heading);
  *any = TRUE;
  add (legend, symbol, value, label);
}

/* What the page's notes and touchpoints use. */
typedef struct
{
  gboolean    colours[TP_N_NOTE_COLOURS];
  gboolean    evidence[TP_N_EVIDENCE];
  gboolean    votes;
  GHashTable *personas;   /* ids of the personas whose edges show */
  gboolean    touchpoints;
  gboolean    moment_of_truth;
  gboolean    gap;
  gboolean    kano[TP_N_KANO_CATEGORIES];
} Usage;

static void
use_notes (Usage      *usage,
           TpDocument *document,
           TpContainer container)
{
  GPtrArray *notes = tp_document_get_notes (document, container);

  for (guint i = 0; notes != NULL && i < notes->len; i++)
    {
      TpNote *note = g_ptr_array_index (notes, i);
      TpPersona *persona;

      if (note->colour < TP_N_NOTE_COLOURS)
        usage->colours[note->colour] = TRUE;
      if (note->evidence < TP_N_EVIDENCE)
        usage->evidence[note->evidence] = TRUE;
      if (note->votes > 0)
        usage->votes = TRUE;
      /* As the painter does: the edge shows only for a persona that exists. */
      persona = note->persona != NULL ? tp_document_get_persona_of (document, note->item.id) : NULL;
      if (persona != NULL && persona->accent < TP_N_ACCENTS)
        g_hash_table_add (usage->personas, persona->item.id);
    }
}

static void
use_touchpoint (Usage        *usage,
                TpDocument   *document,
                TpTouchpoint *touchpoint)
{
  TpPersona *persona;

  usage->touchpoints = TRUE;
  if (touchpoint->votes > 0)
    usage->votes = TRUE;
  if (touchpoint->moment_of_truth)
    {
      usage->moment_of_truth = TRUE;
      /* The layout shows the bars only when both scores are given. */
      if (touchpoint->expectation > 0 && touchpoint->experience > 0)
        usage->gap = TRUE;
    }
  for (guint i = 0; i < touchpoint->needs->len && i < TP_JOURNEY_MAX_TAGS; i++)
    {
      TpKanoNeed *need = g_ptr_array_index (touchpoint->needs, i);

      usage->kano[tp_kano_get_category (need)] = TRUE;
    }
  persona = touchpoint->persona != NULL
            ? tp_document_get_persona_of (document, touchpoint->item.id) : NULL;
  if (persona != NULL && persona->accent < TP_N_ACCENTS)
    g_hash_table_add (usage->personas, persona->item.id);
}

TpLegend *
tp_legend_new (TpDocument *document,
               guint       regions,
               guint       first_stage,
               guint       n_stages)
{
  TpLegend *legend;
  Usage usage = { 0 };
  gboolean any;

  g_return_val_if_fail (TP_IS_DOCUMENT (document), NULL);

  legend = g_new0 (TpLegend, 1);
  legend->text_share = DENSE_TEXT_SHARE;
  legend->entries = g_array_new (FALSE, FALSE, sizeof (TpLegendItem));
  legend->labels = g_ptr_array_new_with_free_func (g_free);
  usage.personas = g_hash_table_new (g_str_hash, g_str_equal);

  for (TpContainer c = 0; c < TP_N_CONTAINERS; c++)
    if ((TP_CONTAINER_IS_CANVAS (c) && (regions & (1u << TP_REGION_CANVAS)) != 0) ||
        (TP_CONTAINER_IS_VALUE_CHAIN (c) && (regions & (1u << TP_REGION_VALUE_CHAIN)) != 0))
      use_notes (&usage, document, c);

  if ((regions & (1u << TP_REGION_JOURNEY)) != 0)
    {
      GPtrArray *stages = tp_document_get_stages (document);

      for (guint i = first_stage; i < stages->len && i - first_stage < n_stages; i++)
        {
          TpStage *stage = g_ptr_array_index (stages, i);

          for (guint j = 0; j < stage->touchpoints->len; j++)
            use_touchpoint (&usage, document, g_ptr_array_index (stage->touchpoints, j));
        }
    }

  /* Notes: their colours' meanings, in the palette's order. */
  any = FALSE;
  for (guint i = 0; i < TP_N_NOTE_COLOURS; i++)
    if (usage.colours[i])
      add_in_group (legend, &any,
                    /* Translators: the legend's heading before the note colours' meanings. */
                    C_("legend", "Notes"),
                    TP_LEGEND_NOTE_COLOUR, i, tp_enum_get_label (TP_ENUM_NOTE_COLOUR, i));

  any = FALSE;
  for (guint i = 0; i < TP_N_EVIDENCE; i++)
    if (usage.evidence[i])
      add_in_group (legend, &any,
                    /* Translators: the legend's heading before the evidence glyphs of notes. */
                    C_("legend", "Evidence"),
                    TP_LEGEND_EVIDENCE, i, tp_enum_get_label (TP_ENUM_EVIDENCE, i));
  if (usage.votes)
    /* Translators: the legend's label of the dots on a note. */
    add (legend, TP_LEGEND_VOTES, 0, C_("legend", "Dot votes"));

  /* Personas in the document's order, by name. */
  any = FALSE;
  {
    GPtrArray *personas = tp_document_get_personas (document);

    for (guint i = 0; i < personas->len; i++)
      {
        TpPersona *persona = g_ptr_array_index (personas, i);

        if (!g_hash_table_contains (usage.personas, persona->item.id))
          continue;
        add_in_group (legend, &any,
                      /* Translators: the legend's heading before the personas' coloured edges. */
                      C_("legend", "Personas"),
                      TP_LEGEND_PERSONA, persona->accent,
                      persona->name != NULL && persona->name[0] != '\0' ? persona->name
                                                                         : _("Unnamed persona"));
      }
  }

  if (usage.moment_of_truth)
    add (legend, TP_LEGEND_MOMENT_OF_TRUTH, 0, C_("legend", "Moment of truth"));
  if (usage.gap)
    /* Translators: the legend's label of a moment of truth's two bars. */
    add (legend, TP_LEGEND_GAP, 0, C_("legend", "Expected vs. experienced (1–5)"));

  any = FALSE;
  for (guint i = 0; i < TP_N_KANO_CATEGORIES; i++)
    if (usage.kano[i])
      add_in_group (legend, &any,
                    /* Translators: the legend's heading before the Kano categories of needs. */
                    C_("legend", "Kano"),
                    TP_LEGEND_KANO, i, tp_enum_get_label (TP_ENUM_KANO_CATEGORY, i));

  if (usage.touchpoints)
    /* Translators: the legend's label of the emotion curve's faces, from −2 to +2. */
    add (legend, TP_LEGEND_EMOTION, 0, C_("legend", "Emotion −2 to +2"));

  g_hash_table_unref (usage.personas);
  return legend;
}

TpLegend *
tp_legend_new_for_page (TpDocument   *document,
                        TpExportPage  page,
                        guint         first_stage,
                        guint         n_stages)
{
  TpLegend *legend;
  guint regions;

  g_return_val_if_fail (TP_IS_DOCUMENT (document), NULL);

  switch (page)
    {
    case TP_EXPORT_PAGE_CANVAS:
      regions = 1u << TP_REGION_CANVAS;
      break;
    case TP_EXPORT_PAGE_VALUE_CHAIN:
      regions = 1u << TP_REGION_VALUE_CHAIN;
      break;
    case TP_EXPORT_PAGE_JOURNEY:
      regions = 1u << TP_REGION_JOURNEY;
      break;
    case TP_EXPORT_PAGE_BOARD:
    case TP_EXPORT_PAGE_ALL:
      regions = (1u << TP_N_REGIONS) - 1;
      first_stage = 0;
      n_stages = G_MAXUINT;
      break;
    case TP_EXPORT_PAGE_ANALYSIS:
    default:
      return NULL;
    }
  legend = tp_legend_new (document, regions, first_stage, n_stages);
  if (legend != NULL && (page == TP_EXPORT_PAGE_CANVAS || page == TP_EXPORT_PAGE_VALUE_CHAIN))
    legend->text_share = PAGE_TEXT_SHARE;
  return legend;
}

void
tp_legend_add_link_badges (TpLegend *legend)
{
  g_return_if_fail (legend != NULL);

  /* Translators: the legend's label of a link's numbered badges, one on a note and one
   * on the touchpoint it is linked to. */
  add (legend, TP_LEGEND_LINK_BADGE, 0, C_("legend", "Link: the same number on a note and its touchpoint"));
}

void
tp_legend_free (TpLegend *legend)
{
  if (legend == NULL)
    return;
  g_array_unref (legend->entries);
  g_ptr_array_unref (legend->labels);
  g_free (legend);
}

guint
tp_legend_get_n_items (TpLegend *legend)
{
  g_return_val_if_fail (legend != NULL, 0);

  return legend->entries->len;
}

const TpLegendItem *
tp_legend_get_item (TpLegend *legend,
                     guint     index)
{
  g_return_val_if_fail (legend != NULL, NULL);
  g_return_val_if_fail (index < legend->entries->len, NULL);

  return &g_array_index (legend->entries, TpLegendItem, index);
}

gboolean
tp_legend_is_empty (TpLegend *legend)
{
  g_return_val_if_fail (legend != NULL, TRUE);

  for (guint i = 0; i < legend->entries->len; i++)
    if (g_array_index (legend->entries, TpLegendItem, i).symbol != TP_LEGEND_HEADING)
      return FALSE;
  return TRUE;
}

/* Symbols */

/* How wide an entry's symbol is, before its label. */
static double
get_symbol_width (const TpLegendItem *entry)
{
  switch (entry->symbol)
    {
    case TP_LEGEND_NOTE_COLOUR:
    case TP_LEGEND_PERSONA:
      return SWATCH_WIDTH;
    case TP_LEGEND_EVIDENCE:
      return TP_LAYOUT_FOOTER_HEIGHT;
    case TP_LEGEND_VOTES:
      return 18;
    case TP_LEGEND_MOMENT_OF_TRUTH:
      return 2 * STAR_RADIUS;
    case TP_LEGEND_GAP:
      return GAP_WIDTH;
    case TP_LEGEND_EMOTION:
      return 3 * 2 * (FACE_RADIUS + 2.5) + 2 * 2;
    case TP_LEGEND_LINK_BADGE:
      return BADGE_SIZE;
    case TP_LEGEND_KANO:
    case TP_LEGEND_HEADING:
    default:
      return 0;
    }
}

static void
paint_swatch (cairo_t        *cr,
              const TpTheme  *theme,
              double          x,
              double          cy,
              const TpColour *fill,
              const TpColour *accent)
{
  TpRect swatch = { x, cy - SWATCH_HEIGHT / 2, SWATCH_WIDTH, SWATCH_HEIGHT };
  TpRect edge = _tp_rect_inset (&swatch, 0.5);

  /* A small note: the fill, the persona's edge clipped to its corners, the hairline. */
  _tp_rounded_rect (cr, &swatch, 3);
  tp_colour_set_source (cr, fill);
  cairo_fill_preserve (cr);
  if (accent != NULL)
    {
      cairo_save (cr);
      cairo_clip (cr);
      tp_colour_set_source (cr, accent);
      cairo_rectangle (cr, swatch.x, swatch.y, theme->accent_width, swatch.height);
      cairo_fill (cr);
      cairo_restore (cr);
    }
  cairo_new_path (cr);
  _tp_rounded_rect (cr, &edge, 2.5);
  cairo_set_line_width (cr, 1);
  tp_colour_set_source (cr, &theme->note_edge);
  cairo_stroke (cr);
}

static void
paint_gap_bars (cairo_t       *cr,
                const TpTheme *theme,
                double         x,
                double         cy)
{
  /* The two bars of a moment of truth: expected (4 of 5) over experienced (2 of 5),
   * the latter in the colour of its gap. */
  const double height = 4, shares[2] = { 0.8, 0.4 };
  const TpColour *fills[2] = { &theme->expectation, tp_theme_get_gap_colour (theme, 2) };

  for (guint i = 0; i < 2; i++)
    {
      TpRect track = { x, cy - height - 1 + i * (height + 2), GAP_WIDTH, height };
      TpRect bar = { track.x, track.y, GAP_WIDTH * shares[i], height };

      _tp_rounded_rect (cr, &track, height / 2);
      tp_colour_set_source (cr, &theme->bar_track);
      cairo_fill (cr);
      _tp_rounded_rect (cr, &bar, height / 2);
      tp_colour_set_source (cr, fills[i]);
      cairo_fill (cr);
    }
}

/* A Kano tag's width around its category's name. */
static double
get_kano_tag_width (double text_width)
{
  return 2 * TP_JOURNEY_TAG_PAD + TP_JOURNEY_TAG_DOT + 4 + text_width;
}

/* A Kano tag as the journey shows it: a pill tinted with its category's colour, a dot,
 * the category's name (text, width × height). */
static void
paint_kano_tag (cairo_t        *cr,
                const TpTheme  *theme,
                PangoLayout    *text,
                double          width,
                double          height,
                double          x,
                double          cy,
                TpKanoCategory  category)
{
  const TpColour *colour = &theme->kano[category];
  double pill_width = get_kano_tag_width (width);
  TpRect tag, edge;

  tag = (TpRect) { x, cy - TAG_HEIGHT / 2, pill_width, TAG_HEIGHT };
  edge = _tp_rect_inset (&tag, 0.5);
  _tp_rounded_rect (cr, &edge, edge.height / 2);
  if (category != TP_KANO_NONE)
    {
      tp_colour_set_source_alpha (cr, colour, 0.13);
      cairo_fill_preserve (cr);
    }
  tp_colour_set_source_alpha (cr, colour, category != TP_KANO_NONE ? 0.6 : 1.0);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + TP_JOURNEY_TAG_PAD + TP_JOURNEY_TAG_DOT / 2, cy,
             TP_JOURNEY_TAG_DOT / 2 - (category == TP_KANO_NONE ? 0.5 : 0), 0, 2 * G_PI);
  tp_colour_set_source (cr, colour);
  if (category == TP_KANO_NONE)
    cairo_stroke (cr);
  else
    cairo_fill (cr);

  tp_colour_set_source (cr, &theme->cell_text);
  cairo_move_to (cr, x + TP_JOURNEY_TAG_PAD + TP_JOURNEY_TAG_DOT + 4, cy - height / 2);
  _tp_paint_layout (cr, text);
}

static void
paint_symbol (cairo_t             *cr,
              TpLayout            *layout,
              const TpLegendItem *entry,
              double               x,
              double               cy)
{
  const TpTheme *theme = layout->theme;

  cairo_save (cr);
  switch (entry->symbol)
    {
    case TP_LEGEND_NOTE_COLOUR:
      paint_swatch (cr, theme, x, cy, &theme->notes[MIN (entry->value, TP_N_NOTE_COLOURS - 1)],
                    NULL);
      break;

    case TP_LEGEND_PERSONA:
      paint_swatch (cr, theme, x, cy, &theme->panel,
                    &theme->accents[MIN (entry->value, TP_N_ACCENTS - 1)]);
      break;

    case TP_LEGEND_EVIDENCE:
      /* On the page rather than on a note: in the hint's grey, which is what the marks'
       * translucent ink comes to on a light note, and which reads on a dark panel too. */
      _tp_paint_evidence (cr, entry->value, x, cy - TP_LAYOUT_FOOTER_HEIGHT / 2, &theme->hint,
                          &theme->panel);
      break;

    case TP_LEGEND_VOTES:
      _tp_paint_votes (cr, layout, 3, x + get_symbol_width (entry),
                       cy - TP_LAYOUT_FOOTER_HEIGHT / 2, &theme->hint);
      break;

    case TP_LEGEND_MOMENT_OF_TRUTH:
      cairo_new_path (cr);
      _tp_paint_star (cr, x + STAR_RADIUS, cy + 0.5, STAR_RADIUS);
      tp_colour_set_source (cr, &theme->moment_of_truth);
      cairo_fill (cr);
      break;

    case TP_LEGEND_GAP:
      paint_gap_bars (cr, theme, x, cy);
      break;

    case TP_LEGEND_EMOTION:
      for (int i = 0; i < 3; i++)
        _tp_paint_face_marker (cr, theme, x + (FACE_RADIUS + 2.5) * (2 * i + 1) + 2 * i, cy,
                               FACE_RADIUS, TP_EMOTION_MIN + 2 * i, &theme->panel);
      break;

    case TP_LEGEND_LINK_BADGE:
      {
        TpRect badge = { x, cy - BADGE_SIZE / 2, BADGE_SIZE, BADGE_SIZE };
        TpColour colour;

        /* Drawn as the pages draw a link's badges: a number in a stage's colour. */
        tp_paint_get_link_colour (theme, 0, &colour);
        _tp_paint_link_badge (cr, layout, &badge, "1", &colour);
      }
      break;

    case TP_LEGEND_KANO:
    case TP_LEGEND_HEADING:
    default:
      break;
    }
  cairo_restore (cr);
}

/* Flow */

/* A heading reads as a journey's row label, a Kano tag as the journey's tag. */
static TpFontRole
get_role (const TpLegendItem *entry)
{
  return entry->symbol == TP_LEGEND_HEADING ? TP_FONT_ROW_LABEL
         : entry->symbol == TP_LEGEND_KANO ? TP_FONT_TAG : TP_FONT_CAPTION;
}

/* Lays the strip out across width and, when cr is given, paints it with its top left at
 * (x0, y0); returns its height. One function for both, so that what is painted is
 * exactly what was measured. */
static double
flow (TpLegend *legend,
      TpLayout *layout,
      cairo_t  *cr,
      double    x0,
      double    y0,
      double    width)
{
  const TpTheme *theme = layout->theme;
  guint n = legend->entries->len;
  g_autofree double *widths = g_new0 (double, n);
  g_autofree double *heights = g_new0 (double, n);
  g_autofree double *wraps = g_new0 (double, n);
  g_autofree double *text_widths = g_new0 (double, n);
  g_autofree double *text_heights = g_new0 (double, n);
  double x = 0, y = 0, line_height = 0;
  gboolean line_empty = TRUE;

  if (tp_legend_is_empty (legend) || width <= 0)
    return 0;

  /* Each entry's box: its symbol and its label on one line, unless the label alone is
   * wider than the strip, when it wraps (every word is kept). A page measures its strip
   * before it paints it, and a framed page's layout asks its height too: the labels go
   * through the layout's measures, so each is shaped once, not once per pass (issue 19). */
  for (guint i = 0; i < n; i++)
    {
      const TpLegendItem *entry = &g_array_index (legend->entries, TpLegendItem, i);
      TpFontRole role = get_role (entry);
      double symbol = get_symbol_width (entry), room;

      room = MAX (1, width - symbol - (symbol > 0 ? SYMBOL_GAP : 0)
                     - (entry->symbol == TP_LEGEND_KANO ? 2 * TP_JOURNEY_TAG_PAD + 10 : 0));
      wraps[i] = -1;
      text_heights[i] = _tp_layout_measure_text (layout, role, entry->label, -1, 0,
                                                 &text_widths[i], NULL);
      if (text_widths[i] > room)
        {
          wraps[i] = room;
          text_heights[i] = _tp_layout_measure_text (layout, role, entry->label, room, 0,
                                                     &text_widths[i], NULL);
        }
      if (entry->symbol == TP_LEGEND_KANO)
        widths[i] = get_kano_tag_width (text_widths[i]);
      else
        widths[i] = symbol + (symbol > 0 ? SYMBOL_GAP : 0) + text_widths[i];
      heights[i] = MAX (ROW_HEIGHT, text_heights[i]);
    }

  for (guint i = 0; i < n; i++)
    {
      const TpLegendItem *entry = &g_array_index (legend->entries, TpLegendItem, i);
      TpLegendSymbol previous = i > 0 ? g_array_index (legend->entries, TpLegendItem, i - 1).symbol
                                      : TP_LEGEND_HEADING;
      gboolean heading = entry->symbol == TP_LEGEND_HEADING;
      /* Groups (a heading and its entries, or a lone kind of symbol) stand further apart
       * than the entries of one group, and a heading sits close to its first entry. */
      double gap = line_empty ? 0
                   : previous == TP_LEGEND_HEADING ? ITEM_GAP / 2
                   : heading || previous != entry->symbol ? GROUP_GAP : ITEM_GAP;
      /* A heading never ends a line: it moves down with its first entry. */
      double needed = widths[i] + (heading && i + 1 < n ? ITEM_GAP / 2 + widths[i + 1] : 0);

      if (!line_empty && x + gap + needed > width)
        {
          y += line_height + ROW_GAP;
          x = 0;
          gap = 0;
          line_height = 0;
        }
      x += gap;

      if (cr != NULL)
        {
          g_autoptr(PangoLayout) text = _tp_layout_ref_text (layout, get_role (entry),
                                                             entry->label, wraps[i], 0);
          double cy = y0 + y + ROW_HEIGHT / 2, text_height = text_heights[i];
          double symbol = get_symbol_width (entry);

          if (entry->symbol == TP_LEGEND_KANO)
            {
              paint_kano_tag (cr, theme, text, text_widths[i], text_height, x0 + x, cy,
                              entry->value);
            }
          else
            {
              double text_y = text_height > ROW_HEIGHT ? y0 + y : cy - text_height / 2;

              paint_symbol (cr, layout, entry, x0 + x, cy);
              tp_colour_set_source (cr, heading ? &theme->title : &theme->cell_text);
              cairo_move_to (cr, x0 + x + symbol + (symbol > 0 ? SYMBOL_GAP : 0), text_y);
              _tp_paint_layout (cr, text);
            }
        }

      x += widths[i];
      line_height = MAX (line_height, heights[i]);
      line_empty = FALSE;
    }
  return y + line_height;
}

double
tp_legend_measure (TpLegend *legend,
                   TpLayout *layout,
                   double    width)
{
  g_return_val_if_fail (legend != NULL, 0);
  g_return_val_if_fail (layout != NULL, 0);

  return flow (legend, layout, NULL, 0, 0, width);
}

void
tp_legend_paint (TpLegend *legend,
                 cairo_t  *cr,
                 TpLayout *layout,
                 double    x,
                 double    y,
                 double    width)
{
  g_return_if_fail (legend != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);

  flow (legend, layout, cr, x, y, width);
}

/* Pages */

static double
get_page_scale (TpLegend      *legend,
                const TpTheme *theme,
                double         page_width,
                double         page_height)
{
  double text = MAX (PAGE_TEXT_MIN, MIN (page_width, page_height) * legend->text_share);

  return text / theme->fonts[TP_FONT_CAPTION].size;
}

/* Between the content and the strip, in legend units. */
#define PAGE_GAP 10.0

double
tp_legend_get_page_height (TpLegend *legend,
                           TpLayout *layout,
                           double    page_width,
                           double    page_height,
                           double    width)
{
  double scale, height;

  g_return_val_if_fail (layout != NULL, 0);

  if (legend == NULL)
    return 0;
  scale = get_page_scale (legend, layout->theme, page_width, page_height);
  height = flow (legend, layout, NULL, 0, 0, width / scale);
  return height > 0 ? (height + PAGE_GAP) * scale : 0;
}

void
tp_legend_paint_page (TpLegend     *legend,
                      cairo_t      *cr,
                      TpLayout     *layout,
                      double        page_width,
                      double        page_height,
                      const TpRect *rect)
{
  double scale, height;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (rect != NULL);

  if (legend == NULL)
    return;
  scale = get_page_scale (legend, layout->theme, page_width, page_height);
  height = flow (legend, layout, NULL, 0, 0, rect->width / scale);
  if (height <= 0)
    return;

  cairo_save (cr);
  cairo_translate (cr, rect->x, rect->y + rect->height - height * scale);
  cairo_scale (cr, scale, scale);
  /* A hairline above the strip sets it apart from the content as a key. */
  cairo_set_line_width (cr, 1);
  tp_colour_set_source (cr, &layout->theme->hairline);
  cairo_move_to (cr, 0, -PAGE_GAP / 2 + 0.5);
  cairo_line_to (cr, rect->width / scale, -PAGE_GAP / 2 + 0.5);
  cairo_stroke (cr);
  flow (legend, layout, cr, 0, 0, rect->width / scale);
  cairo_restore (cr);
}
