/* tp-export-private.h: what tp-export.c shares with the report pages' part of exports
 * (tp-export-analysis.c: the analysis and the alignment page).
 *
 * Every export function is handed a board layout (TpLayout), and some of them no
 * document; the analysis page needs its own layout, laid out from the document at a
 * width that suits the sheet. So the board layout carries it: tp_export_list_pages(),
 * which sees the document, remembers it there (weakly), and the rest lay the page out
 * from it when they need it, again only when the document or the width changed.
 */
#pragma once

#include "tp-analysis-page.h"
#include "tp-export.h"
#include "tp-legend.h"

G_BEGIN_DECLS

/* Whether page is a report page (TP_EXPORT_PAGE_ANALYSIS or _ALIGNMENT): laid out from
 * the document on its own, not a region of the board. */
gboolean          _tp_export_page_is_report     (TpExportPage           page);

/* tp-export-story.c: the story's deck. */
guint             _tp_export_story_count        (TpDocument            *document);
guint             _tp_export_story_count_parts  (TpLayout              *layout);
void              _tp_export_story_paint        (cairo_t               *cr,
                                                 TpDocument            *document,
                                                 const TpExportOptions *options,
                                                 guint                  step,
                                                 double                 width,
                                                 double                 height,
                                                 guint                  page_number,
                                                 guint                  n_pages);
/* For tests: the cards' memos alive when the board page was last painted into a PDF or
 * SVG (0: dropped before its recording grew, as they should be; issue 16). */
extern guint _tp_export_board_memos;
/* For tests: the ops of a display list past which a report's is dropped (100,000), and
 * the ops of the reports' display lists alive when the board page was last painted into
 * a PDF (0 for a large report: counted before the board was laid out, then dropped). */
extern guint _tp_export_released_ops;
extern guint _tp_export_board_report_ops;
/* For tests: the ops past which a report is painted a window of sheets at a time
 * (600,000), and the most ops a report's display list held while a sheet of it was
 * painted (reset it to 0 to measure). */
extern guint _tp_export_window_ops;
extern guint _tp_export_report_max_ops;
/* The ops of the reports' display lists that layout holds. */
guint             _tp_export_analysis_count_ops (TpLayout              *layout);
/* Drops a large report's display list and its shaped texts, and gives the freed heap
 * back (once its last sheet is painted, and in a PDF of every page once its sheets are
 * counted, before the board is laid out); painting it again lays it out again. Without
 * giving the heap back, dropping it after counting won only 14 MiB of peak at 50,000
 * moments of truth; with it, 50 MiB (bench/README.md, issue 16). */
void              _tp_export_analysis_release   (TpLayout              *layout,
                                                 TpExportPage           page);
/* Whether the document has anything for the report page to show (something to analyse;
 * a link); remembers it in layout if so. */
gboolean          _tp_export_analysis_remember  (TpLayout              *layout,
                                                 TpExportPage           page,
                                                 TpDocument            *document);
/* The analysis page at the width it has on a page of that size (a fitted page: its
 * natural width), or NULL when no document was remembered. document, when not NULL,
 * is remembered first. Measured only: its size, sections and rows, not always its
 * display list (painting a sheet lays it out whole). */
TpAnalysisLayout *_tp_export_analysis_get       (TpLayout              *layout,
                                                 TpExportPage           page,
                                                 TpDocument            *document,
                                                 const TpExportOptions *options,
                                                 double                 width,
                                                 double                 height);
/* The sheets the page is cut into on a page of width × height, between its sections:
 * (element-type TpAnalysisSheet), one (the whole page) when it fits well enough. */
typedef struct
{
  double top;     /* the band of the analysis page it shows, in its units */
  double bottom;
  double scale;   /* analysis units to page pixels */
  TpRect   repeat; /* what goes above it (a continued table's column headers); empty: nothing */
} TpAnalysisSheet;

GArray           *_tp_export_analysis_split     (TpAnalysisLayout      *analysis,
                                                 const TpExportOptions *options,
                                                 double                 room_width,
                                                 double                 room_height);
/* tp_export_count_parts() and tp_export_paint_page_part() for the analysis page (part
 * G_MAXUINT: the whole page, scaled to fit, as a picture shows it). */
guint             _tp_export_analysis_count_sheets (TpLayout              *layout,
                                                    TpExportPage           page,
                                                    const TpExportOptions *options,
                                                    double                 width,
                                                    double                 height);
void              _tp_export_analysis_paint     (cairo_t               *cr,
                                                 TpLayout              *layout,
                                                 TpExportPage           page,
                                                 TpDocument            *document,
                                                 const TpExportOptions *options,
                                                 guint                  part,
                                                 double                 width,
                                                 double                 height,
                                                 guint                  page_number,
                                                 guint                  n_pages);

/* tp-export.c: a page's margins, and its footer (n_parts > 1: "(part/n_parts)"). */
double            _tp_export_get_margin         (double                 width,
                                                 double                 height);
void              _tp_export_paint_footer       (cairo_t               *cr,
                                                 TpLayout              *layout,
                                                 TpDocument            *document,
                                                 TpExportPage           page,
                                                 guint                  part,
                                                 guint                  n_parts,
                                                 double                 width,
                                                 double                 height,
                                                 double                 margin,
                                                 guint                  page_number,
                                                 guint                  n_pages);
/* Note text (TP_FONT_NOTE) on a page of fixed size, in points: the largest a page's fit
 * may choose (a slide is not a poster), and the legible floor below which a region goes on
 * on further pages instead of shrinking (VISUAL.md, "legible where it is seen": about 8 pt
 * on a slide, as pdftotext -bbox measures words, whose boxes are about 1.21 times the
 * type's size with Inter). One pair for the canvas, the value chain and the journey. */
#define TP_EXPORT_NOTE_FLOOR_PT 6.7
#define TP_EXPORT_NOTE_CAP_PT   16.0

/* tp-export.c: the board's area, clipped to it, as on a page (the links with links). */
void              _tp_export_paint_content      (cairo_t               *cr,
                                                 TpLayout              *layout,
                                                 TpDocument            *document,
                                                 const TpRect          *area,
                                                 gboolean               links);

/* tp-export-frame.c: the legend of a page (NULL when the options leave it out), and its
 * height at the foot of a page of width × height (0 without one; document NULL: the one
 * tp_export_list_pages() last saw with layout). */
TpLegend         *_tp_export_new_legend         (TpLayout              *layout,
                                                 TpDocument            *document,
                                                 const TpExportOptions *options,
                                                 TpExportPage           page,
                                                 guint                  first_stage,
                                                 guint                  n_stages);
double            _tp_export_get_legend_height  (TpLayout              *layout,
                                                 TpDocument            *document,
                                                 const TpExportOptions *options,
                                                 TpExportPage           page,
                                                 double                 width,
                                                 double                 height);

/* tp-export-frame.c: lays layout out anew for a page when the page needs the canvas or the
 * value chain fitted to its room, or a part of the canvas (part: TpCanvasSlice, NULL for
 * all of it), and back to the board's own layout for other pages. */
void              _tp_export_frame_layout       (TpLayout              *layout,
                                                 TpDocument            *document,
                                                 const TpExportOptions *options,
                                                 TpExportPage           page,
                                                 GArray                *part,
                                                 double                 width,
                                                 double                 height);
/* The document whose canvas pages are counted (tp_export_count_parts() is not given it). */
void              _tp_export_canvas_remember    (TpLayout              *layout,
                                                 TpDocument            *document);
/* How many pages the canvas takes at a page size: more than one when its notes would need
 * type below the legible floor on one. */
guint             _tp_export_canvas_count_parts (TpLayout              *layout,
                                                 const TpExportOptions *options,
                                                 double                 width,
                                                 double                 height);
/* The slices of part (NULL when the canvas is one page); n_parts receives the count. */
GArray           *_tp_export_canvas_get_part    (TpLayout              *layout,
                                                 TpDocument            *document,
                                                 const TpExportOptions *options,
                                                 guint                  part,
                                                 double                 width,
                                                 double                 height,
                                                 guint                 *n_parts);

/* The customer journey as a deck (tp-export-journey.c). A part is a range of stages and,
 * when the rows do not all fit a page at a legible size, a range of rows. */
typedef struct
{
  guint   first;      /* the first stage */
  guint   n;          /* how many */
  guint   first_row;  /* the first row (TpJourneyRow) */
  guint   n_rows;     /* how many */
  double  width;      /* its content in board units: the row labels and its stages */
  double  height;     /* its panel in board units: stage headers and its rows */
} TpJourneyPart;

typedef struct
{
  GArray  *parts;        /* TpJourneyPart, in order */
  double   scale;        /* board units to page pixels, the same on every part */
  double   frame_width;  /* board units: the widest part's, every part's frame */
  double   frame_height; /* board units: the tallest part's panel, every part's frame */
  TpRect   content;      /* the journey's title and panel, board units */
  double   x;            /* where content's top left goes on every page, page pixels */
  double   y;
} TpJourneyDeck;

/* Plans the journey's deck on a page of width × height (page pixels); FALSE without
 * stages. Clear the deck with _tp_journey_deck_clear() either way. */
gboolean          _tp_export_journey_plan       (TpLayout              *layout,
                                                 const TpExportOptions *options,
                                                 double                 width,
                                                 double                 height,
                                                 TpJourneyDeck         *deck);
void              _tp_journey_deck_clear        (TpJourneyDeck         *deck);
/* How many parts; 1 on a fitted page. */
guint             _tp_export_journey_count_parts (TpLayout              *layout,
                                                  const TpExportOptions *options,
                                                  double                 width,
                                                  double                 height);
/* Paints a part of the deck as a whole page, footer included; FALSE (nothing painted)
 * on a fitted page, which shows the whole journey as it is. */
gboolean          _tp_export_journey_paint      (cairo_t               *cr,
                                                 TpLayout              *layout,
                                                 TpDocument            *document,
                                                 const TpExportOptions *options,
                                                 guint                  part,
                                                 double                 width,
                                                 double                 height,
                                                 guint                  page_number,
                                                 guint                  n_pages);

G_END_DECLS
