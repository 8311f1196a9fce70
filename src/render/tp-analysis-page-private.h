/* tp-analysis-page-private.h: what the analysis page's files share.
 *
 * Laying the page out produces a display list: texts already shaped and shapes already
 * placed, in painting order. Painting replays it, hit-testing reads the rows and points
 * recorded beside it, and tests query it, so the three can never disagree.
 */
#pragma once

#include "tp-analysis-page.h"

G_BEGIN_DECLS

typedef enum {
  TP_OP_TEXT,
  TP_OP_RECT,
  TP_OP_LINE,
  TP_OP_CIRCLE,
  TP_OP_TICK,    /* ✓ drawn as a path, in rect */
  TP_OP_CROSS,   /* ✗ likewise */
} TpOpKind;

/* An op of the display list. A 50,000-row report holds about a million (issue 16), so an
 * op is kept small, 72 bytes rather than 200: its colours are indices into the layout's
 * palette (a page uses a few dozen), a line's ends are kept from its bounds' corner, and
 * what only one kind uses shares its room with what only another uses. */
typedef struct
{
  guint8       kind;        /* TpOpKind */
  /* A shape repeated row after row (a table's rules, bars, dots and pills, a chart's
   * points and leaders): 1 + its TpBatchLayer, gathered by colour with the others of its
   * sheet into one fill or stroke (tp-paint-batch.h), over the shapes painted one by one
   * and under every text. 0: painted one by one, in order, under the gathered ones. */
  guint8       layer;
  guint8       style;       /* TEXT: its TpTextStyle */
  guint8       dashed;      /* LINE */
  guint16      fill;        /* TEXT: its colour; RECT, CIRCLE: 0 for none (the palette's) */
  guint16      stroke;      /* RECT, CIRCLE, LINE, TICK, CROSS */
  guint32      max_lines;   /* TEXT */
  float        line_width;  /* 0: no stroke */
  union {
    double     wrap;        /* TEXT: its width as shaped; -1: one line */
    double     radius;      /* RECT: its corners; CIRCLE: the circle's */
  };
  TpRect       bounds;      /* everything it marks, for culling; TEXT: its origin is
                             * bounds' top left, CIRCLE: its centre is bounds' centre */
  union {
    /* TEXT: not its shaped layout, which would keep every text of a 50,000-row report
     * shaped at once (143 MiB at 20,000 moments of truth, issue 16), but what shapes it
     * again when painted, through the bounded text cache. Both strings are in the
     * layout's string chunk. */
    struct {
      const char *string;   /* what it shows (its lines cut, when it has max_lines) */
      const char *source;   /* what it was shaped from */
    };
    /* LINE: its ends, from bounds' top left. */
    struct {
      float      x1, y1, x2, y2;
    };
  };
} TpOp;

/* Where a sheet may begin inside a section (a table's row, the alignment's row group),
 * and what a sheet that begins there repeats at its top (the table's column headers;
 * empty: nothing). */
typedef struct
{
  double y;
  TpRect repeat;
} TpAnalysisCut;

typedef struct
{
  TpRect      rect;
  const char *id;           /* owned by the layout's string chunk; may be NULL */
} TpAnalysisRow;

/* Rows of the page from top to bottom, both included. */
typedef struct
{
  double top;
  double bottom;
} TpAnalysisBand;

struct _TpAnalysisLayout
{
  PangoContext   *context;
  const TpTheme  *theme;
  double          width;       /* as asked for */
  double          page_width;  /* as laid out: at least width */
  double          height;
  GArray         *ops;         /* TpOp, in painting order */
  GStringChunk   *ids;
  TpRect          header;
  TpRect          sections[TP_N_ANALYSIS_SECTIONS];
  GArray         *rows[TP_N_ANALYSIS_TABLES];     /* TpAnalysisRow */
  TpRect          plots[TP_N_ANALYSIS_CHARTS];
  GArray         *points[TP_N_ANALYSIS_CHARTS];   /* TpAnalysisPoint */
  GArray         *hits;        /* TpAnalysisRow: chart markers and labels */
  /* Where a sheet may begin besides the sections (TpAnalysisCut, in order), so that a
   * table taller than a sheet continues on the next rather than shrinking onto one. */
  GArray         *cuts;
  /* For painting a band: the largest bottom of the ops up to each block of ops' end, and
   * the least top from each block's start on (double, tp-analysis-paint.c), so that a sheet finds the run of ops that may touch
   * it by bisection instead of testing every op of the page (sheets × ops). Built on
   * the first paint after a layout; NULL until then. */
  GArray         *max_bottom;
  GArray         *min_top;
  /* Whether a hit is highlighted like a table row when hovered (the alignment's cells,
   * labels and gaps), rather than left as it is (a chart's points). */
  gboolean        hits_are_rows;
  /* Shaped texts by style, width, lines and text: a table measures each cell more than
   * once, and a relayout after a small change finds nearly every text here. */
  GHashTable     *texts;
  GHashTable     *words;       /* style and text → its widest word (double) */
  /* The bands of the page whose ops are kept (TpAnalysisBand, by their rows from top to
   * bottom); empty: all of them. An export paints a 50,000-row report a window of
   * sheets at a time, each laid out keeping only its own ops, so that the display list
   * of the whole report (a million ops, issue 16) is never in memory at once. Sections,
   * rows, cuts and hits are recorded whole either way. */
  GArray         *keep;
  /* Whether the op added last was left out of the display list (outside keep). */
  gboolean        last_dropped;
  /* The colours of the ops (TpColour), each once; the first is none (alpha 0). */
  GArray         *palette;
  guint           last_colour;
};

/* An op's colours, from the layout's palette. */
#define _tp_analysis_op_fill(self, op) \
  (&g_array_index ((self)->palette, TpColour, (op)->fill))
#define _tp_analysis_op_stroke(self, op) \
  (&g_array_index ((self)->palette, TpColour, (op)->stroke))

/* The text styles of the page, each a theme role with its weight or figures adjusted. */
typedef enum {
  TP_STYLE_TITLE,       /* "Analysis" */
  TP_STYLE_SUBTITLE,    /* the workshop's title and date */
  TP_STYLE_HEADING,     /* a section's heading */
  TP_STYLE_FORMULA,     /* the formula under a heading */
  TP_STYLE_SUBHEADING,  /* "Reading the matrix", "Pain peaks" */
  TP_STYLE_HEADER,      /* a table's column titles */
  TP_STYLE_CELL,
  TP_STYLE_STRONG,      /* a cell's text in semibold */
  TP_STYLE_NUMBER,      /* a cell's figure: tabular */
  TP_STYLE_DETAIL,      /* a caption under a cell's text */
  TP_STYLE_JOB,         /* a job to be done: italic */
  TP_STYLE_TAG,         /* a category's tag */
  TP_STYLE_LABEL,       /* a chart's tick and point labels */
  TP_STYLE_QUADRANT,    /* a chart's quadrant names */
  TP_STYLE_EMPTY,       /* an empty state's message */
  TP_N_STYLES
} TpTextStyle;

/* Empties the display list and what is recorded beside it, for a page laid out afresh
 * at width (its page width too, until the content widens it). The alignment page
 * (tp-alignment-page.c) fills the same display list, so that one painter, one
 * hit-test and one text query serve both pages. */
void         _tp_analysis_reset       (TpAnalysisLayout *self,
                                       double            width);
/* Drops the display list's ops and the texts kept shaped, keeping what is recorded
 * beside them (sections, cuts, rows, hits, size): an export's large report, once its
 * sheets are counted or its last sheet is painted. Painting it again needs it laid out
 * again. */
void         _tp_analysis_release_ops (TpAnalysisLayout *self);
/* Keeps, from the next layout on, only the ops that reach into one of bands (n of them;
 * none: every op), so that the layout paints those bands alone and as it would whole. */
void         _tp_analysis_keep_bands  (TpAnalysisLayout     *self,
                                       const TpAnalysisBand *bands,
                                       guint                 n_bands);
/* "Volt — online electronics shop · 12 November 2026": the title and date of a page. */
char        *_tp_analysis_format_subtitle (TpDocument   *document);

/* Spacing, in board units. */
#define TP_ANALYSIS_CELL_PAD_X   8.0
#define TP_ANALYSIS_CELL_PAD_Y   6.0
#define TP_ANALYSIS_GUTTER       40.0   /* between a chart and what stands beside it */

/* Counters of the work the page does, for tests that prove it grows linearly by counting
 * rather than timing (issue 16): texts shaped (cache misses), the longest text shaped
 * in one piece (bytes), ops looked at while painting, the layouts alive now, and the
 * pages laid out (an export lays each report out once). */
extern guint64 _tp_analysis_shapings;
extern gsize   _tp_analysis_longest_shaped;
extern guint64 _tp_analysis_ops_visited;
extern gint    _tp_analysis_live_layouts;
extern guint64 _tp_analysis_layouts;

/* A text shaped in a style: wrapped at width (≤ 0: one line, unwrapped) and cut with an
 * ellipsis after max_lines (0: no limit). A new reference to a layout that may be
 * shared: read it, never change it. */
PangoLayout *_tp_analysis_text       (TpAnalysisLayout *self,
                                      TpTextStyle       style,
                                      const char       *text,
                                      double            width,
                                      guint             max_lines);
double       _tp_analysis_line_height (TpAnalysisLayout *self,
                                       TpTextStyle       style);
/* The widest word of a text in a style. */
double       _tp_analysis_longest_word (TpAnalysisLayout *self,
                                        TpTextStyle       style,
                                        const char       *text);
void         _tp_analysis_text_size  (PangoLayout      *text,
                                      double           *width,
                                      double           *height);

/* Display list. add_text takes the text's reference. */
void         _tp_analysis_add_text   (TpAnalysisLayout *self,
                                      PangoLayout      *text,
                                      double            x,
                                      double            y,
                                      const TpColour   *colour);
/* Shapes and adds a text in one go; returns its height. */
double       _tp_analysis_add_string (TpAnalysisLayout *self,
                                      TpTextStyle       style,
                                      const char       *string,
                                      double            x,
                                      double            y,
                                      double            width,
                                      guint             max_lines,
                                      const TpColour   *colour);
void         _tp_analysis_add_rect   (TpAnalysisLayout *self,
                                      const TpRect     *rect,
                                      double            radius,
                                      const TpColour   *fill,
                                      const TpColour   *stroke,
                                      double            line_width);
void         _tp_analysis_add_line   (TpAnalysisLayout *self,
                                      double            x1,
                                      double            y1,
                                      double            x2,
                                      double            y2,
                                      const TpColour   *colour,
                                      double            line_width,
                                      gboolean          dashed);
void         _tp_analysis_add_circle (TpAnalysisLayout *self,
                                      double            x,
                                      double            y,
                                      double            radius,
                                      const TpColour   *fill,
                                      const TpColour   *stroke,
                                      double            line_width);
void         _tp_analysis_add_mark   (TpAnalysisLayout *self,
                                      gboolean          tick,
                                      const TpRect     *rect,
                                      const TpColour   *colour);
/* A box with a message, for a section or chart without data; returns its height. */
double       _tp_analysis_add_empty  (TpAnalysisLayout *self,
                                      const char       *message,
                                      double            x,
                                      double            y,
                                      double            width);

/* Gathers the op added last with the shapes of layer (a TpBatchLayer) and its colour
 * when painted: a shape that only texts may lie over, and that lies over only shapes
 * painted one by one and shapes of lower layers (or of its own, first coloured before). */
void         _tp_analysis_batch_last (TpAnalysisLayout *self,
                                      int               layer);

const char  *_tp_analysis_intern     (TpAnalysisLayout *self,
                                      const char       *id);
void         _tp_analysis_add_hit    (TpAnalysisLayout *self,
                                      const TpRect     *rect,
                                      const char       *id);

/* "−1.25" with a true minus sign, "+3" with plus set; never "−0". */
char        *_tp_analysis_format     (double            value,
                                      guint             decimals,
                                      gboolean          plus);
/* colour mixed towards black by amount (0 … 1), for text on its own tint. */
TpColour     _tp_colour_darken       (const TpColour   *colour,
                                      double            amount);
/* White or the note text colour, whichever reads better on fill. */
const TpColour *_tp_analysis_text_on (TpAnalysisLayout *self,
                                      const TpColour   *fill);

/* Tables (tp-analysis-table.c) */

typedef enum {
  TP_CELL_TEXT,
  TP_CELL_NUMBER,    /* right-aligned, tabular */
  TP_CELL_TAG,       /* text on a pill of colour */
  TP_CELL_MARK,      /* ✓ when value > 0, ✗ when < 0, "—" when NAN */
  TP_CELL_SEVERITY,  /* a dot of colour before a number */
  TP_CELL_BAR,       /* a bar of value (0 … 1) before a number */
  TP_CELL_EMOTION,   /* a diverging bar of value (−2 … +2) before a number */
} TpCellKind;

typedef struct
{
  TpCellKind  kind;
  char       *text;    /* may be NULL: an empty cell */
  char       *detail;  /* a caption under it, or NULL */
  TpColour    colour;  /* TAG, SEVERITY, BAR */
  double      value;   /* MARK, BAR, EMOTION */
  gboolean    strong;
  gboolean    italic;
  gboolean    muted;   /* a caption's size and colour: a formula, a note */
  gboolean    outlined; /* TAG: a ring of colour rather than a pill of it */
} TpCell;

typedef struct
{
  const char *title;
  double      weight;     /* > 0: takes a share of the spare width and wraps */
  double      min_width;  /* of a column with a weight */
  gboolean    numeric;    /* right-aligned, title too */
  guint       max_lines;  /* of a column with a weight; 0: 2 */
} TpColumn;

typedef struct _TpTable TpTable;

TpTable *_tp_table_new       (const TpColumn *columns,
                              guint           n_columns);
void     _tp_table_free      (TpTable        *table);
/* A new row about id (may be NULL); returns its cells to fill in, all empty text. */
TpCell  *_tp_table_add_row   (TpTable        *table,
                              const char     *id);
guint    _tp_table_get_n_rows (TpTable       *table);
/* The narrowest the table can be laid out. */
double   _tp_table_get_min_width (TpAnalysisLayout *self,
                                  TpTable          *table);
/* Lays the table out across width from (x, y), adds it to the display list and records
 * its rows as which; returns its height. */
double   _tp_table_place     (TpAnalysisLayout *self,
                              TpTable          *table,
                              TpAnalysisTable   which,
                              double            x,
                              double            y,
                              double            width);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpTable, _tp_table_free)

/* Charts (tp-analysis-chart.c) */

typedef enum {
  TP_QUARTER_TOP_LEFT,
  TP_QUARTER_TOP_RIGHT,
  TP_QUARTER_BOTTOM_LEFT,
  TP_QUARTER_BOTTOM_RIGHT,
  TP_N_QUARTERS
} TpQuarter;

typedef struct
{
  double      min;          /* both axes run from min to max */
  double      max;
  double      split_x;      /* the quadrants' borders, in data units */
  double      split_y;
  const double *ticks;      /* on both axes */
  guint       n_ticks;
  guint       tick_decimals;
  const char *x_title;      /* "Feasibility (easier →)" */
  const char *y_title;
  const char *quarters[TP_N_QUARTERS];
  TpColour    tints[TP_N_QUARTERS];
} TpChartSpec;

typedef struct
{
  const char *id;        /* the touchpoint */
  double      x;         /* data units */
  double      y;
  double      radius;    /* board units */
  TpColour    colour;
  gboolean    hollow;    /* a ring: nothing to fill (a gap of 0 or less) */
  const char *label;
} TpChartPoint;

/* How many rectangles the charts' label placement has compared, ever: the work a chart
 * does, which tests compare between sizes to prove it grows linearly (issue 16). */
extern guint64 _tp_chart_overlap_tests;

/* Lays a chart out in area and adds it to the display list, points and labels on top of
 * quadrants and grid; records plot, points and hits as which. */
void     _tp_chart_place     (TpAnalysisLayout   *self,
                              TpAnalysisChart     which,
                              const TpChartSpec  *spec,
                              const TpChartPoint *points,
                              guint               n_points,
                              const TpRect       *area);

/* Sections (tp-analysis-sections.c, tp-analysis-journey.c, tp-analysis-votes.c): each lays its section out
 * from y across the page and returns where the next begins. */
double   _tp_analysis_place_heading (TpAnalysisLayout *self,
                                     const char       *heading,
                                     const char       *formula,
                                     double            y);
double   _tp_analysis_place_gaps    (TpAnalysisLayout *self,
                                     TpDocument       *document,
                                     double            y);
double   _tp_analysis_place_kano    (TpAnalysisLayout *self,
                                     TpDocument       *document,
                                     double            y);
double   _tp_analysis_place_kpis    (TpAnalysisLayout *self,
                                     TpDocument       *document,
                                     double            y);
double   _tp_analysis_place_journey (TpAnalysisLayout *self,
                                     TpDocument       *document,
                                     double            y);
double   _tp_analysis_place_votes   (TpAnalysisLayout *self,
                                     TpDocument       *document,
                                     double            y);

/* A legend beside a chart: per entry a swatch, a name with a count, a line of advice and
 * the items it holds; returns its height. */
typedef struct
{
  TpColour    swatch;
  const char *name;
  const char *advice;
  GString    *items;     /* "Checkout, Delivery", or empty */
  guint       n_items;
} TpLegendEntry;

double   _tp_analysis_place_legend  (TpAnalysisLayout    *self,
                                     const char          *title,
                                     const TpLegendEntry *entries,
                                     guint                n_entries,
                                     const char          *note,
                                     double               x,
                                     double               y,
                                     double               width);

G_END_DECLS
