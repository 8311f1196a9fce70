/* tp-analysis-page.h: the analysis page, laid out and painted like a report page.
 *
 * The page turns the journey into decisions: a title, then four sections, each with its
 * heading, a one-line statement of the formula behind its figures, its tables and its
 * chart: the gap analysis at the moments of truth (ranked table and priority matrix),
 * Kano (needs table and Better × |Worse| scatter), KPIs, and jobs to be done with the
 * emotions and pain peaks of each stage. Sections without data say how to get some.
 *
 * Like the board (tp-layout.h, tp-painter.h), the page is laid out first, as pure
 * geometry that can be tested and hit-tested without a surface, and then painted on any
 * cairo_t: the analysis view on screen and the "analysis" export page share it. The
 * layout keeps everything it paints (texts shaped, shapes placed), so painting does not
 * read the document again. Units are board units (1 px at 100 %); y grows downwards.
 *
 * A layout belongs to the thread of its Pango context. Ids and rects it returns stay
 * valid until the next tp_analysis_layout_update().
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "model/tp-document.h"
#include "tp-layout.h"
#include "tp-theme.h"

G_BEGIN_DECLS

typedef struct _TpAnalysisLayout TpAnalysisLayout;

typedef enum {
  TP_ANALYSIS_SECTION_GAPS,
  TP_ANALYSIS_SECTION_KANO,
  TP_ANALYSIS_SECTION_KPIS,
  TP_ANALYSIS_SECTION_JOURNEY,
  TP_ANALYSIS_SECTION_VOTES,
  TP_N_ANALYSIS_SECTIONS
} TpAnalysisSection;

typedef enum {
  TP_ANALYSIS_TABLE_GAPS,        /* a row per moment of truth, ranked */
  TP_ANALYSIS_TABLE_KANO,        /* a row per need */
  TP_ANALYSIS_TABLE_KPIS,        /* a row per KPI, stages' and touchpoints' */
  TP_ANALYSIS_TABLE_STAGES,      /* a row per stage: job, emotion, moments, KPIs */
  TP_ANALYSIS_TABLE_PAIN_PEAKS,  /* a row per pain peak, lowest first */
  TP_ANALYSIS_TABLE_VOTES,       /* the most voted notes and touchpoints */
  TP_N_ANALYSIS_TABLES
} TpAnalysisTable;

typedef enum {
  TP_ANALYSIS_CHART_PRIORITY,    /* impact × feasibility, bubble area ∝ gap */
  TP_ANALYSIS_CHART_KANO,        /* Better × |Worse| */
  TP_N_ANALYSIS_CHARTS
} TpAnalysisChart;

/* A point of a chart as placed: its marker and its label, nudged clear of the others. */
typedef struct
{
  const char *id;       /* the touchpoint's id (owned by the layout) */
  double      x;        /* the marker's centre */
  double      y;
  double      radius;
  TpRect      label;    /* the label's text box */
} TpAnalysisPoint;

TpAnalysisLayout *tp_analysis_layout_new      (PangoContext           *context,
                                               const TpTheme          *theme);
void              tp_analysis_layout_free     (TpAnalysisLayout       *layout);

/* Lays the page out for document at width; the height follows the content. A width too
 * narrow for the tables' columns makes the page as wide as they need. */
void              tp_analysis_layout_update   (TpAnalysisLayout       *layout,
                                               TpDocument             *document,
                                               double                  width);
void              tp_analysis_layout_get_size (TpAnalysisLayout       *layout,
                                               double                 *width,
                                               double                 *height);

/* The title block above the sections, and each section from its heading to its last
 * table or chart: consecutive bands across the page, a natural place to cut it into
 * sheets. */
void              tp_analysis_layout_get_header  (TpAnalysisLayout    *layout,
                                                  TpRect              *rect);
void              tp_analysis_layout_get_section (TpAnalysisLayout    *layout,
                                                  TpAnalysisSection    section,
                                                  TpRect              *rect);

/* A table's rows in order (the header row excluded); FALSE past the last row, or for a
 * table shown as an empty state. id (optional) receives what the row is about: a
 * touchpoint's id, or a stage's for the stages table and a stage's KPIs. */
guint             tp_analysis_layout_get_n_rows  (TpAnalysisLayout    *layout,
                                                  TpAnalysisTable      table);
gboolean          tp_analysis_layout_get_row     (TpAnalysisLayout    *layout,
                                                  TpAnalysisTable      table,
                                                  guint                index,
                                                  TpRect              *rect,
                                                  const char         **id);

/* A chart's plot area (empty while the chart shows its empty state) and its points. */
gboolean          tp_analysis_layout_get_plot    (TpAnalysisLayout    *layout,
                                                  TpAnalysisChart      chart,
                                                  TpRect              *plot);
guint             tp_analysis_layout_get_n_points (TpAnalysisLayout   *layout,
                                                   TpAnalysisChart     chart);
gboolean          tp_analysis_layout_get_point   (TpAnalysisLayout    *layout,
                                                  TpAnalysisChart      chart,
                                                  guint                index,
                                                  TpAnalysisPoint     *point);

/* Every text the page shows, in painting order, with its box: for tests that nothing is
 * cut or overlaps, and for finding a text on the page. */
guint             tp_analysis_layout_get_n_texts (TpAnalysisLayout    *layout);
const char       *tp_analysis_layout_get_text    (TpAnalysisLayout    *layout,
                                                  guint                index,
                                                  TpRect              *rect);

/* What is under (x, y): a table row or a chart point or its label. The id of the
 * touchpoint (or stage) it is about, owned by the layout, or NULL. row (optional)
 * receives the table row's rect, for a view to highlight; empty for a chart's point.
 * On the alignment page (tp-alignment-page.h), the cell's, label's or gap's rect. */
const char       *tp_analysis_hit_item        (TpAnalysisLayout       *layout,
                                               double                  x,
                                               double                  y,
                                               TpRect                 *row);

/* Paints the page as laid out, its top left at the origin of cr's user space (scale cr
 * to zoom). Everything wholly outside clip (NULL: nothing is) is skipped. No
 * background: the caller paints its own, so an export can stay transparent. */
void              tp_analysis_paint           (cairo_t                *cr,
                                               TpAnalysisLayout       *layout,
                                               const TpRect           *clip);

/* Whether the document has anything for the page to analyse: a moment of truth, a Kano
 * need or a KPI. */
gboolean          tp_analysis_has_content     (TpDocument             *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpAnalysisLayout, tp_analysis_layout_free)

G_END_DECLS
