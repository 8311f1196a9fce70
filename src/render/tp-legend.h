/* tp-legend.h: the key to a page's symbols.
 *
 * Colours, evidence glyphs, vote dots, persona edges, the moment-of-truth star, gap bars,
 * Kano tags and emotion faces mean nothing to a reader who was not in the workshop. A
 * legend lists just the symbols a page uses (only the note colours present, the personas
 * whose edges show …), each drawn as the board draws it, beside its meaning, as a compact
 * strip that wraps onto further lines when the page is narrow. Export pages carry it at
 * their foot (tp-export.c); the window shows the whole board's in a popover.
 *
 * Geometry is in legend units: one unit is one board unit at scale 1 (the caption font's
 * size is 11 units). Nothing here needs a display.
 */
#pragma once

#include <cairo.h>

#include "model/tp-document.h"
#include "tp-export.h"
#include "tp-layout.h"

G_BEGIN_DECLS

typedef enum {
  TP_LEGEND_HEADING,          /* a group's name ("Notes", "Personas"): label only */
  TP_LEGEND_NOTE_COLOUR,      /* value: a TpNoteColour; label: its workshop meaning */
  TP_LEGEND_EVIDENCE,         /* value: a TpEvidence */
  TP_LEGEND_VOTES,            /* dot votes */
  TP_LEGEND_PERSONA,          /* value: the persona's TpAccent; label: its name */
  TP_LEGEND_MOMENT_OF_TRUTH,  /* the star on a card */
  TP_LEGEND_GAP,              /* expected and experienced bars */
  TP_LEGEND_KANO,             /* value: a TpKanoCategory; drawn as the tag itself */
  TP_LEGEND_EMOTION,          /* the curve's faces, −2 … +2 */
  TP_LEGEND_LINK_BADGE,       /* a link drawn as the same number at both of its ends */
} TpLegendSymbol;

typedef struct
{
  TpLegendSymbol  symbol;
  guint           value;
  const char     *label;      /* translated; owned by the legend */
} TpLegendItem;

typedef struct _TpLegend TpLegend;

/* The legend of what shows of the regions in the mask (1 << TpRegion each) and, of the
 * journey, of n_stages stages from first_stage (G_MAXUINT: to the end). Always a legend,
 * possibly without entries. */
TpLegend            *tp_legend_new              (TpDocument    *document,
                                                 guint          regions,
                                                 guint          first_stage,
                                                 guint          n_stages);
/* The legend of an export page (a journey part: its stages); NULL for the analysis,
 * which explains itself. */
TpLegend            *tp_legend_new_for_page     (TpDocument    *document,
                                                 TpExportPage   page,
                                                 guint          first_stage,
                                                 guint          n_stages);
/* Adds the numbered badges of links, for a page that draws its links as badges
 * (tp_layout_count_link_tangles() > 0 on a page: tp-painter-links.c). */
void                 tp_legend_add_link_badges  (TpLegend      *legend);
void                 tp_legend_free             (TpLegend      *legend);

guint                tp_legend_get_n_items    (TpLegend      *legend);
const TpLegendItem *tp_legend_get_item        (TpLegend      *legend,
                                                 guint          index);
/* Whether there is a symbol to explain (headings alone do not count). */
gboolean             tp_legend_is_empty         (TpLegend      *legend);

/* The strip's height in legend units when it is width units wide, in layout's theme
 * and Pango context; 0 when empty. */
double               tp_legend_measure          (TpLegend      *legend,
                                                 TpLayout      *layout,
                                                 double         width);
/* Paints the strip with its top left at (x, y), width units wide, in layout's theme. */
void                 tp_legend_paint            (TpLegend      *legend,
                                                 cairo_t       *cr,
                                                 TpLayout      *layout,
                                                 double         x,
                                                 double         y,
                                                 double         width);

/* On an export page of page_width × page_height CSS pixels: how tall the strip is across
 * width pixels (0 when empty; its gap to the content included), and painting it into the
 * bottom of rect, at a text size that reads on that page. */
double               tp_legend_get_page_height  (TpLegend      *legend,
                                                 TpLayout      *layout,
                                                 double         page_width,
                                                 double         page_height,
                                                 double         width);
void                 tp_legend_paint_page       (TpLegend      *legend,
                                                 cairo_t       *cr,
                                                 TpLayout      *layout,
                                                 double         page_width,
                                                 double         page_height,
                                                 const TpRect  *rect);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpLegend, tp_legend_free)

G_END_DECLS
