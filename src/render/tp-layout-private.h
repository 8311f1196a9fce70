/* tp-layout-private.h: the layout's insides, shared by its two halves and the painter.
 *
 * tp-layout.c owns the object and the queries, tp-layout-measure.c the measurement cache;
 * tp-layout-fit.c fits the regions and arranges their blocks, tp-layout-blocks.c flows
 * notes into a block and places them.
 */
#pragma once

#include "tp-layout.h"

G_BEGIN_DECLS

/* Fixed parts of a block, in board units. */
#define TP_LAYOUT_HEADER_HEIGHT   24.0   /* badge, title and icon row */
#define TP_LAYOUT_HEADER_GAP      6.0   /* header to first note */
#define TP_LAYOUT_BADGE_SIZE      22.0
#define TP_LAYOUT_SIDE_HEADER     236.0  /* support rows carry their header on the left */
#define TP_LAYOUT_MORE_HEIGHT     24.0
#define TP_LAYOUT_FOOTER_HEIGHT   10.0   /* evidence glyph and votes, inside a note */
#define TP_LAYOUT_MARKS_GAP       4.0    /* between the last line, the evidence and the votes */
#define TP_LAYOUT_VOTE_RADIUS     2.4
#define TP_LAYOUT_VOTE_STEP       6.5
#define TP_LAYOUT_VOTE_DOTS       5      /* more votes show as one dot and a count */
#define TP_LAYOUT_FOOTER_GAP      4.0
#define TP_LAYOUT_TITLE_GAP       14.0   /* region title to its blocks */

typedef struct
{
  const char  *id;           /* in the layout's string chunk */
  TpContainer  container;
  guint        index;
  gboolean     visible;
  TpRect       rect;         /* board units, scaled */
  double       scale;
  double       text_width;   /* unscaled width the text wraps at */
  guint        max_lines;    /* the text's line limit */
  double       text_height;  /* unscaled */
  gboolean     truncated;
  gboolean     marks_inline; /* evidence and votes sit beside the last line, not below */
  /* The note's entries in the measurement cache, found once per update rather than by
   * hashing its text at every trial (tp-layout-measure.c); valid in their epoch. */
  gpointer     measured;
  gpointer     measured_natural;
  guint        measured_epoch;
} TpNoteBox;

typedef struct
{
  double  y;        /* board units */
  double  height;
  guint   first;    /* index into the layout's boxes */
  guint   n;
} TpRow;

/* A block's placement, remembered (tp-layout-blocks.c, place_notes()). Valid while its
 * rows and boxes are untouched since (no trial flowed the block: flow() clears valid),
 * it was placed or kept at the update before (its measurements are alive), and the
 * inputs below are the same; then the block keeps its boxes as they are, or moves them
 * with its panel when only the panel's place changed. */
typedef struct
{
  gboolean       valid;
  guint          generation;   /* the update that last placed or kept it */
  guint64        signature;    /* of its notes (need_signature) */
  TpRect         area;         /* its notes' area then, board units */
  gboolean       expanded;
  gboolean       full_text;
  gboolean       exact;
  gconstpointer  theme;
  GArray        *rows;         /* TpRow as flowed: unscaled, from the area's top */
  TpRect         more;         /* the "+N more" badge, from the area's top left */
  GPtrArray     *measures;     /* the measurements its notes were placed with */
} TpPlaced;

typedef struct
{
  TpContainerInfo  info;
  gboolean         side_header;  /* header on the left (value-chain support rows) */
  guint            first_box;    /* this block's notes are boxes[first_box …] */
  GArray          *rows;         /* TpRow, top to bottom */
  /* The unscaled grid the notes were flowed in. */
  double           note_width;
  double           note_step;    /* from a note's left edge to the next one's */
  double           header_height; /* its title's lines, at least a header's height */
  guint            slice_first;  /* the first note flowed (a part's run of them) */
  guint            n_boxes;      /* all its notes' boxes, shown or not */
  gboolean         continued;    /* its first notes are on an earlier page */
  /* The heights of its rows at full size by width, while its notes stay the same
   * (tp-layout-blocks.c, _tp_layout_needed_height()): the canvas's arrangement asks
   * at dozens of widths per update, and every update asks the same again. */
  GPtrArray       *need_notes;   /* the notes the memo holds for (not owned) */
  guint64          need_signature;
  guint64          need_head;    /* what all its notes' heights depend on alike */
  GArray          *need_hashes;  /* guint64: each note's own, as signed */
  GArray          *need_memo;    /* TpNeedMemo */
  /* Its notes as place_notes() placed them at the last update, kept while nothing they
   * depend on changed (tp-layout-blocks.c): an edit of one note places its block again,
   * not every block of a 10,000-note board. */
  TpPlaced         placed;
} TpBlock;

/* The journey's fixed parts, in board units. */
#define TP_JOURNEY_LABEL_WIDTH    148.0  /* the row-label column */
#define TP_JOURNEY_COLUMN_GAP     12.0   /* between touchpoint columns of a stage */
#define TP_JOURNEY_STAGE_GAP      20.0   /* between stages */
#define TP_JOURNEY_STAGE_PAD      10.0   /* a stage's columns to its edges */
#define TP_JOURNEY_PAD            16.0   /* the panel's edges to its content */
#define TP_JOURNEY_CELL_PAD       8.0    /* above and below a row's content */
#define TP_JOURNEY_HEADER_PAD     12.0   /* inside a stage's header band */
#define TP_JOURNEY_CARD_PAD       10.0   /* inside a card */
#define TP_JOURNEY_STAR_SIZE      18.0   /* the moment-of-truth badge */
#define TP_JOURNEY_GAP_HEIGHT     30.0   /* the gap bars and their labels */
#define TP_JOURNEY_TAG_HEIGHT     19.0
#define TP_JOURNEY_TAG_GAP        4.0
#define TP_JOURNEY_TAG_PAD        7.0
#define TP_JOURNEY_TAG_DOT        6.0
#define TP_JOURNEY_CHIP_PAD_X     8.0
#define TP_JOURNEY_CHIP_PAD_Y     5.0
#define TP_JOURNEY_CHIP_GAP       6.0
#define TP_JOURNEY_KPI_PAD        8.0
#define TP_JOURNEY_KPI_GAP        6.0
#define TP_JOURNEY_EMOTION_STEP   24.0   /* between the emotion gridlines */
#define TP_JOURNEY_EMOTION_MARGIN 20.0   /* room for markers above +2 and below −2 */
#define TP_JOURNEY_MARKER_RADIUS  12.0
/* Line limits: longer text ends in an ellipsis on the board (the inspector and the
 * tooltip have it all); a full-text layout has none (_tp_journey_lines()). */
#define TP_JOURNEY_NAME_LINES     2      /* a stage's name */
#define TP_JOURNEY_JOB_LINES      5
#define TP_JOURNEY_CARD_LINES     3      /* a card's name */
#define TP_JOURNEY_CHANNEL_LINES  2
#define TP_JOURNEY_ACTION_LINES   6
#define TP_JOURNEY_CHIP_LINES     4
#define TP_JOURNEY_KPI_NAME_LINES 2
/* On the board, a cell shows at most this many chips or KPIs, then "+N more". */
#define TP_JOURNEY_MAX_ITEMS      5
/* A card shows at most this many Kano tags, then a "+N" tag. */
#define TP_JOURNEY_MAX_TAGS       6

typedef struct
{
  const char  *id;           /* in the layout's string chunk */
  TpStageInfo  info;
  guint        first;        /* its touchpoints are touchpoints[first … first + n) */
  double       first_x;      /* its first touchpoint column (or placeholder) */
} TpStageBox;

typedef struct
{
  const char       *id;      /* in the layout's string chunk */
  guint             stage;   /* index into the layout's stages */
  TpTouchpointInfo  info;    /* info.stage is filled in on the way out */
  double            band;    /* the card's tinted top, to below the channel */
  TpRect            tags;    /* where the card's Kano tags flow */
  double            natural[TP_N_JOURNEY_ROWS]; /* content heights, padding excluded */
  int               emotion;
} TpTouchpointBox;

typedef struct
{
  GArray      *stages;       /* TpStageBox, in order */
  GArray      *touchpoints;  /* TpTouchpointBox, stage by stage, in order */
  GHashTable  *stage_by_id;  /* id → index + 1 */
  GHashTable  *touchpoint_by_id;
  TpRect       labels[TP_N_JOURNEY_ROWS];
  TpRect       bands[TP_N_JOURNEY_ROWS];
  TpRect       rows;         /* every row, label column included */
  double       header_y;     /* the stage header bands */
  double       header_height;
  double       kpi_band;     /* the stages' part of the KPI row */
  double       emotion_top;  /* the height of +2 */
  /* Each touchpoint's measurement, with a copy of the touchpoint it was made from
   * (tp-layout-journey.c): a relayout measures again only the cards that changed. */
  GHashTable  *cards;        /* id → card memo */
  gconstpointer cards_theme; /* what every memo was measured with */
  gboolean     cards_full_text;
} TpJourney;

/* A routed link. */
typedef struct
{
  const char  *id;           /* in the layout's string chunk, like the others */
  const char  *note;
  const char  *touchpoint;
  const char  *label;
  guint        first_point;  /* its cubic path: links.points[first_point …] */
  guint        n_points;
  guint        first_flat;   /* the path flattened, for hit-testing */
  guint        n_flat;
  TpRect       bounds;
  TpRect       pill;
  guint        number;       /* 1, 2, … in document order: the badges' figure */
  guint        tint;         /* the stage tint of its touchpoint */
  TpRect       note_badge;   /* the numbered badges at either end */
  TpRect       card_badge;
} TpLinkBox;

typedef struct
{
  GArray      *boxes;        /* TpLinkBox, in document order */
  GHashTable  *by_id;        /* id → index + 1 */
  GArray      *points;       /* TpPoint */
  GArray      *flat;         /* TpPoint */
  double       band_height;  /* reserved between the upper regions and the journey */
  guint        tangles;      /* crossings and shared runs; G_MAXUINT when not counted */
  /* The routes are kept while everything they were routed around stays the same
   * (tp-layout-links.c): their strings live here, not in the layout's chunk. */
  GStringChunk *ids;
  guint64      signature;
  gboolean     routed;
  guint        routed_at;    /* the layout's generation that last used the routes */
  GPtrArray   *measures;     /* the labels' and badges' measurements they were made of */
  /* What the last routing made of each link and where every note stood, so that when
   * only notes moved the links that did not move keep their routes
   * (tp-layout-links-keep.c). */
  guint64      frame;        /* the signature of all but the notes' places */
  GArray      *kept;         /* TpLinkKept, by link box */
  GArray      *note_rects;   /* TpRect, by note box: a shown note's rect, else empty */
  GArray      *ports;        /* guint: each document link's port rank, then its note's count */
} TpLinks;

/* tp_layout_set_frame(): a region's page room, and the scale it was fitted at. */
typedef struct
{
  double width;
  double height;
  double min_scale;
  double max_scale;
  double scale;
} TpLayoutFrame;

/* A region's fitted width, kept for the next layout of the same document state in the
 * same frame (an export lays the board out anew for each kind of page it paints). */
typedef struct
{
  gboolean       valid;
  gconstpointer  document;
  guint64        state;
  TpLayoutFrame  frame;
  gboolean       full_text;
  gboolean       expanded[TP_N_CONTAINERS];
  double         width;
} TpFitMemo;

typedef struct _TpMeasure TpMeasure;

struct _TpLayout
{
  const TpTheme  *theme;
  PangoContext   *context;
  gboolean        expanded[TP_N_CONTAINERS];
  gboolean        full_text;   /* tp_layout_set_full_text() */
  TpLayoutFrame   frames[TP_N_REGIONS];
  GArray         *part;        /* TpCanvasSlice, tp_layout_set_canvas_part(); NULL: all */
  gboolean        estimating;  /* the fit's trials estimate notes' heights */
  GHashTable     *linked;      /* ids of the notes with a link (borrowed from the document) */
  gboolean        link_footers;  /* tp_layout_set_link_footers() */
  gconstpointer   fit_document;  /* the document being laid out, and its state */
  guint64         fit_state;
  TpFitMemo       fit_memo[TP_REGION_VALUE_CHAIN + 1];
  TpBlock         blocks[TP_N_CONTAINERS];
  GArray         *boxes;       /* TpNoteBox, block by block, in order */
  GHashTable     *by_id;       /* id → box index + 1 */
  /* The boxes' ids: kept across updates with the boxes (tp_layout_update() builds
   * again only the blocks whose notes changed), and cleared when every box is built
   * again; note_ids_waste counts the bytes of ids no box holds any more. */
  GStringChunk   *note_ids;
  gsize           note_ids_waste;
  gboolean        boxes_whole; /* the boxes are every block's notes, whole (no part) */
  GStringChunk   *ids;         /* the journey's, cleared at every update */
  /* The measurement cache (tp-layout-measure.c). */
  GHashTable     *measures;    /* a text's measurements by text, role and line limit */
  GQueue          kept;        /* TpMeasures holding a laid-out text never painted, LRU */
  GQueue          painted;     /* TpMeasures holding a laid-out text handed to a painter */
  gboolean        exact_measures;  /* _tp_layout_set_exact_measures() */
  guint           measure_epoch;   /* counts the sweeps that dropped texts */
  int             space_units[TP_N_FONT_ROLES];  /* a space's width, Pango units; 0: not yet */
  /* The model of a note's lines (tp-layout-model.c). */
  gboolean        no_model;    /* _tp_layout_set_modelling() */
  GHashTable     *words[TP_N_FONT_ROLES];       /* a word's TpWordGlyphs (its width too) */
  gpointer        space_glyphs[TP_N_FONT_ROLES];  /* a space's TpWordGlyphs, or NULL */
  gboolean        spaced[TP_N_FONT_ROLES];      /* space_glyphs made (or found impossible) */
  int             line_units[TP_N_FONT_ROLES];  /* a line's height, Pango units; 0: not yet */
  guint           generation;  /* of the updates */
  guint           live_generation;
  guint           n_live;      /* measurements the update of live_generation used */
  GPtrArray      *recording;   /* while set, every TpMeasure looked up is added to it */
  const gboolean *edited;      /* during tp_layout_update_blocks(): the blocks to sign */
  TpRect          regions[TP_N_REGIONS];
  TpRect          titles[TP_N_REGIONS];
  TpRect          margin;      /* the value chain's "Margin" arrow */
  TpRect          bounds;
  TpJourney       journey;
  TpLinks         links;
  /* The analysis page as exports lay it out (tp-export.c): every export function is
   * handed this layout, so the page's own layout travels with it. Freed with it. */
  gpointer        analysis;
  GDestroyNotify  analysis_free;
  /* The canvas cut into parts for an export's pages (tp-export-frame.c), and the document
   * the export's pages show. */
  gpointer        canvas_split;
  GDestroyNotify  canvas_split_free;
  GWeakRef        export_document;
};

/* A memo of the layout's own (a journey card, the links' routes) that skips measuring
 * its texts again keeps their measurements alive instead: it records the TpMeasures
 * looked up while it measured (layout->recording) and keeps them at each update that
 * reuses it, so that the painter still finds them. Valid only while the memo was used
 * at the update before (a measurement unused for two updates is freed). */
void     _tp_layout_keep_measures (TpLayout    *layout,
                                   GPtrArray   *measures);

/* The unscaled height of a note's text wrapped at width, cut after max_lines. */
double   _tp_layout_measure       (TpLayout    *layout,
                                   const char  *text,
                                   double       width,
                                   guint        max_lines,
                                   gboolean    *truncated);

/* Like _tp_layout_measure() in any role (max_lines 0: no limit; width ≤ 0: no
 * wrapping); text_width (optional) receives the widest line. */
double   _tp_layout_measure_text  (TpLayout    *layout,
                                   TpFontRole   role,
                                   const char  *text,
                                   double       width,
                                   guint        max_lines,
                                   double      *text_width,
                                   gboolean    *truncated);

/* A note's text's height and width unwrapped (text_width: the widest paragraph), for an
 * estimate: from the text's model when it has one (tp-layout-model.c), else shaped. */
double   _tp_layout_measure_natural (TpLayout   *layout,
                                     TpNoteBox  *box,
                                     const char *text,
                                     double     *text_width);

/* The note's text laid out as on the board (a new reference), from the cache when it
 * can: a note's text is shaped once, not once per paint. */
PangoLayout *_tp_layout_ref_note_text (TpLayout        *layout,
                                       const char      *text,
                                       const TpNoteBox *box);
/* Any text laid out as _tp_layout_measure_text() measured it (a new reference). */
PangoLayout *_tp_layout_ref_text      (TpLayout        *layout,
                                       TpFontRole       role,
                                       const char      *text,
                                       double           width,
                                       guint            max_lines);

/* A note's text measured at width with box's line limit: fills box's text fields (with
 * estimate, from the text's width on one line, for the fit's trials) and returns the
 * note's unscaled height around it: padding, the text, and the marks (evidence and votes)
 * beside its last line when they fit there, else on a footer row below. */
double   _tp_layout_fit_note        (TpLayout   *layout,
                                     TpNoteBox  *box,
                                     TpNote     *note,
                                     double      text_width,
                                     gboolean    estimate);
/* _tp_layout_measure() with where the last line ends (board units from the left; not
 * told of a cut text, whose marks take a row of their own). A note's text is measured by
 * its model where it has one (tp-layout-model.c), and shaped only when painted. */
double   _tp_layout_measure_note    (TpLayout   *layout,
                                     const char *text,
                                     double      width,
                                     guint       max_lines,
                                     gboolean   *truncated,
                                     double     *last_right);
/* The same for a note's box, which remembers where its text is in the cache. */
double   _tp_layout_measure_box     (TpLayout   *layout,
                                     TpNoteBox  *box,
                                     const char *text,
                                     double      width,
                                     gboolean   *truncated,
                                     double     *last_right);
/* The measurement cache (tp-layout-measure.c): made with the layout, freed with it, and
 * its measurements that the last updates did not use dropped after an update when
 * there are many. */
void     _tp_layout_measures_init   (TpLayout   *layout);
void     _tp_layout_measures_clear  (TpLayout   *layout);
void     _tp_layout_measures_sweep  (TpLayout   *layout);
/* For tests: with exact, a text is measured anew at every width rather than reused
 * over the span of widths that break it into the same lines, and no search uses the
 * texts' models. */
void     _tp_layout_set_exact_measures (TpLayout *layout,
                                        gboolean  exact);
/* For tests' counts, over the process: texts the measurement cache shaped, lookups in
 * it, and laid-out texts handed out for painting. */
void     _tp_layout_get_counts      (guint *shaped,
                                     guint *lookups,
                                     guint *text_refs);
/* A text's lines at any width from its words' widths (tp-layout-model.c), for searches
 * that try many widths: NULL when the text's lines are not plain greedy word wrapping. */
typedef struct _TpTextModel TpTextModel;
TpTextModel *_tp_text_model_new     (TpLayout          *layout,
                                     TpFontRole         role,
                                     const char        *text);
void     _tp_text_model_free        (TpTextModel       *model);
/* The text's measurement at width (Pango units) as Pango would make it; FALSE when the
 * model cannot tell (a word wider than the line). */
gboolean _tp_text_model_wrap        (TpLayout          *layout,
                                     TpFontRole         role,
                                     const TpTextModel *model,
                                     int                width,
                                     guint              max_lines,
                                     double            *height,
                                     double            *text_width,
                                     double            *last_right,
                                     gboolean          *truncated);
/* Appends the glyphs, clusters and segments (tp-paint-glyphs.h) of the model's text
 * wrapped at width (Pango units), with its top left at x0, y0, from its words' glyphs
 * (tp-word-glyphs.h): the same as _tp_paint_glyphs_collect() of Pango's layout of the
 * text at width. FALSE (nothing appended) when the model cannot tell them: a word
 * wider than a line, a cut after max_lines (0: no limit), or a word whose glyphs are not
 * plain (another font, right-to-left, unknown characters). text is the model's. */
gboolean _tp_text_model_collect     (TpLayout          *layout,
                                     TpFontRole         role,
                                     const TpTextModel *model,
                                     const char        *text,
                                     int                width,
                                     guint              max_lines,
                                     double             x0,
                                     double             y0,
                                     GArray            *segments,
                                     GArray            *glyphs,
                                     GArray            *clusters);
/* Appends the lines (TpSvgLine, tp-svg-text.h) of the model's text wrapped at width, as
 * Pango's layout of it at width has them, where _tp_text_model_collect() tells its
 * glyphs; else FALSE, nothing appended. */
gboolean _tp_text_model_lines       (TpLayout          *layout,
                                     TpFontRole         role,
                                     const TpTextModel *model,
                                     int                width,
                                     guint              max_lines,
                                     GArray            *lines);
/* The model of a note's text as box lays it out, made if needed; NULL where the layout
 * does not model notes or the text has no model. */
const TpTextModel *_tp_layout_note_model (TpLayout        *layout,
                                          const char      *text,
                                          const TpNoteBox *box);
void     _tp_layout_words_clear     (TpLayout          *layout);
/* A space's width in a role, Pango units. */
int      _tp_layout_space_units     (TpLayout          *layout,
                                     TpFontRole         role);
/* Whether a note's measurement may come from its model. */
static inline gboolean
_tp_layout_models (TpLayout *layout)
{
  return !layout->no_model && !layout->exact_measures;
}
/* For tests: with model FALSE every note's measurement is Pango's, the searches' trials
 * and the layout's final widths alike (so with exact measures). */
void     _tp_layout_set_modelling   (TpLayout          *layout,
                                     gboolean           model);
/* For tests' counts, over the process: laid-out texts made to measure words for models,
 * and trial measurements the model answered. */
void     _tp_layout_get_model_counts (guint *batches,
                                      guint *wrapped);
/* Note widths are multiples of this, so that the fit's trial widths reuse measurements. */
#define TP_LAYOUT_NOTE_QUANTUM 8.0

/* The blocks (tp-layout-blocks.c), for the canvas's arrangement (tp-layout-canvas.c). */
/* Sets a block's panel and everything inside it that does not depend on its notes. */
void     _tp_layout_set_block_rect  (TpLayout     *layout,
                                     TpContainer   container,
                                     const TpRect *rect);
/* The panel height a block needs to show every note at full size, at its width. */
double   _tp_layout_needed_height   (TpLayout    *layout,
                                     TpContainer  container,
                                     GPtrArray   *notes);
/* Notes whose fields were hashed by _tp_layout_need_sign(), over the process (tests). */
guint    _tp_layout_count_signed    (void);
/* The memo of _tp_layout_needed_height() (tp-layout-need.c): a new one; the block's
 * notes signed at the start of an update (the memo forgets when they changed, and says
 * so: TRUE when the notes are not those signed at the last update); a
 * remembered rows' height at the block's width; one to remember. */
GArray  *_tp_layout_need_memo_new   (void);
gboolean _tp_layout_need_sign       (TpLayout    *layout,
                                     TpContainer  container,
                                     GPtrArray   *notes);
gboolean _tp_layout_need_lookup     (TpLayout    *layout,
                                     TpBlock     *block,
                                     GPtrArray   *notes,
                                     double      *height);
void     _tp_layout_need_store      (TpLayout    *layout,
                                     TpBlock     *block,
                                     GPtrArray   *notes,
                                     double       height);
void     _tp_layout_need_free       (TpBlock     *block);
/* For the memo's rows, at the block's width and full size (tp-layout-blocks.c): how many
 * note columns its notes take, and the height of one row of them, flowed again. */
guint    _tp_layout_need_columns    (TpLayout    *layout,
                                     TpBlock     *block,
                                     GPtrArray   *notes);
double   _tp_layout_need_row        (TpLayout    *layout,
                                     TpBlock     *block,
                                     GPtrArray   *notes,
                                     guint        row);
/* For tests' counts, over the process: how many times a note's box of a block was
 * visited to place it (built, flowed, committed or moved): an edit of one note visits
 * its own block's boxes only. */
guint    _tp_layout_count_box_visits (TpContainer container);
void     _tp_layout_count_box_visit  (TpContainer container,
                                      guint       n);
/* The blocks' kept placements (tp-layout-blocks.c): made and freed with the layout. */
void     _tp_layout_placed_init     (TpPlaced   *placed);
void     _tp_layout_placed_clear    (TpPlaced   *placed);
/* Flows a block's notes into its panel, or keeps them as they were placed
 * (tp-layout-blocks.c), for _tp_layout_arrange() (tp-layout-fit.c). */
void     _tp_layout_place_notes     (TpLayout    *layout,
                                     TpContainer  container,
                                     GPtrArray   *notes);
/* How many note columns an unscaled width of notes takes (at least one). */
guint    _tp_layout_note_columns    (const TpTheme *theme,
                                     double         width);
/* Osterwalder's arrangement, or a part of a canvas cut into parts, at a width from
 * (x0, y0); with max_height > 0 held to it. Return the height. */
double   _tp_layout_arrange_canvas      (TpLayout   *layout,
                                         GPtrArray **notes,
                                         double      x0,
                                         double      y0,
                                         double      width,
                                         double      max_height);
double   _tp_layout_arrange_canvas_part (TpLayout   *layout,
                                         GPtrArray **notes,
                                         double      x0,
                                         double      y0,
                                         double      width,
                                         double      max_height);

/* The width dot votes take: their dots, or one dot and the count. */
double   _tp_layout_votes_width     (TpLayout   *layout,
                                     guint       votes);
/* The width of a note's marks: its evidence glyph, and its votes right of it. */
double   _tp_layout_note_marks_width (TpLayout   *layout,
                                      TpNote     *note);

/* A note's box with its whole text: max_lines 0 and its rect grown to every line. FALSE
 * for a hidden note or one whose note is gone. */
gboolean _tp_layout_whole_box     (TpLayout        *layout,
                                   TpDocument      *document,
                                   const TpNoteBox *box,
                                   TpNoteBox       *whole);

/* A block's title as drawn: "Key Partners", or "Key Partners (continued)" on a later page
 * of a canvas cut into parts. */
char    *_tp_layout_dup_block_title (TpLayout   *layout,
                                     TpContainer container);

/* The regions (tp-layout-fit.c). At the start of an update: the linked notes gathered,
 * and every block's notes signed (tp-layout-need.c) unless a part of the canvas is laid
 * out; changed[c] receives whether a block's notes are not those of the last update
 * (always TRUE for a part). */
void     _tp_layout_sign_blocks   (TpLayout    *layout,
                                   TpDocument  *document,
                                   gboolean    *changed);
/* Places the regions and blocks and flows every block's notes (boxes already filled in
 * with ids and containers, block by block). */
void     _tp_layout_arrange       (TpLayout    *layout,
                                   TpDocument  *document);

/* The note a box shows, or NULL when the document changed since the layout. */
TpNote  *_tp_layout_resolve_note  (TpLayout        *layout,
                                   TpDocument      *document,
                                   const TpNoteBox *box);

/* The journey (tp-layout-journey.c, tp-layout-journey-cells.c). */
void     _tp_journey_init         (TpJourney   *journey);
void     _tp_journey_clear        (TpJourney   *journey);
/* Drops the cards' memos (each a copy of its touchpoint and its measurement, some 1 KB a
 * card), keeping what is laid out: for a layout that will not be updated again, as an
 * export's after its last board page is laid out. An update after it measures every
 * card again. */
void     _tp_journey_forget_cards (TpJourney   *journey);
/* How many cards have been measured since the program started (not remembered ones):
 * tests count them to prove a relayout measures only what changed; never time. */
guint    _tp_journey_count_measured (void);
/* Lays the journey out below y, from x, across at least width; fills the journey's
 * region and title (empty without stages). */
void     _tp_layout_arrange_journey (TpLayout   *layout,
                                     TpDocument *document,
                                     double      x,
                                     double      y,
                                     double      width);
/* Hit-tests the journey; FALSE when (x, y) is outside it. */
gboolean _tp_layout_hit_journey   (TpLayout    *layout,
                                   double       x,
                                   double       y,
                                   TpHit       *hit);

/* The parts of a cell's content, shared by the layout and the painter so that both
 * place them alike. Each returns a height, and flags text cut short. */
double   _tp_journey_chip_height  (TpLayout    *layout,
                                   const char  *text,
                                   double       width,
                                   gboolean    *truncated);
/* Chips one under the other: on the board at most TP_JOURNEY_MAX_ITEMS, then a "+N more"
 * line; all of them in full text. */
double   _tp_journey_chips_height (TpLayout    *layout,
                                   GPtrArray   *texts,
                                   double       width,
                                   gboolean    *truncated);
/* The KPI's lines: its figure ("18 %", "166 responses") and target ("target ≥ 25 %",
 * or NULL without one), newly allocated. */
char    *_tp_journey_format_kpi_figure (const TpKpi *kpi);
char    *_tp_journey_format_kpi_target (const TpKpi *kpi);

/* Where a KPI's parts go in a tile, from its top left: the name (TP_FONT_CAPTION) at the
 * padding, the figure (TP_FONT_FIGURE) below it, the target (TP_FONT_CAPTION) beside the
 * figure when it fits, else below. */
typedef struct
{
  double    height;
  double    figure_y;
  double    target_x;
  double    target_y;
  gboolean  truncated;
} TpKpiTile;

void     _tp_journey_measure_kpi  (TpLayout    *layout,
                                   const TpKpi *kpi,
                                   const char  *figure,
                                   const char  *target,
                                   double       width,
                                   TpKpiTile   *tile);
double   _tp_journey_kpi_height   (TpLayout    *layout,
                                   const TpKpi *kpi,
                                   double       width,
                                   gboolean    *truncated);
/* KPIs stacked in width: on the board at most TP_JOURNEY_MAX_ITEMS, then a "+N more"
 * line; all of them in full text. */
double   _tp_journey_kpis_height  (TpLayout    *layout,
                                   GPtrArray   *kpis,
                                   double       width,
                                   gboolean    *truncated);
/* Flows Kano tags into width from (0, 0), filling rects (optional: room for
 * _tp_journey_count_tags() rects; on the board, the last is the "+N" tag when there are
 * more needs than TP_JOURNEY_MAX_TAGS). A tag is one line on the board; in full text its
 * name wraps and the tag grows to it. */
double   _tp_journey_flow_tags    (TpLayout    *layout,
                                   GPtrArray   *needs,
                                   double       width,
                                   TpRect      *rects,
                                   gboolean    *truncated);
/* How many tags _tp_journey_flow_tags() places ("+N" included), and how many of them
 * are needs (n_shown, optional). */
guint    _tp_journey_count_tags   (TpLayout    *layout,
                                   GPtrArray   *needs,
                                   guint       *n_shown);
/* "Double-click to add a touchpoint", translated: an empty stage's hint. */
const char *_tp_journey_get_hint  (void);
/* The gap of a moment of truth with both scores, else FALSE. */
gboolean _tp_journey_get_gap      (const TpTouchpoint *touchpoint,
                                   int                *gap);
TpStage      *_tp_layout_resolve_stage      (TpLayout        *layout,
                                             TpDocument      *document,
                                             const TpStageBox *box);
TpTouchpoint *_tp_layout_resolve_touchpoint (TpLayout        *layout,
                                             TpDocument      *document,
                                             const TpTouchpointBox *box);

static inline TpStageBox *
_tp_journey_stage (TpLayout *layout,
                   guint     i)
{
  return &g_array_index (layout->journey.stages, TpStageBox, i);
}

static inline TpTouchpointBox *
_tp_journey_touchpoint (TpLayout *layout,
                        guint     i)
{
  return &g_array_index (layout->journey.touchpoints, TpTouchpointBox, i);
}

/* A journey text's line limit on the board, or none (0) when the layout lays every text
 * out whole: an export never ends a client's words in "…". */
static inline guint
_tp_journey_lines (TpLayout *layout,
                   guint     lines)
{
  return layout->full_text ? 0 : lines;
}

/* How many chips, KPIs or tags a cell shows before "+N more": all of them in full text. */
static inline guint
_tp_journey_max_items (TpLayout *layout,
                       guint     max)
{
  return layout->full_text ? G_MAXUINT : max;
}

/* Links (tp-layout-links.c). The band's height depends on how many links there are, so
 * it is measured before the regions are arranged and the links routed after. */
void     _tp_links_init           (TpLinks     *links);
void     _tp_links_clear          (TpLinks     *links);
/* How many times the links were routed since the program started (not kept): for
 * tests, never time. */
guint    _tp_links_count_routed   (void);
/* How many links' paths were made (rounded, flattened, bounded) since then: a routing
 * that keeps the links that did not move makes only the others'. */
guint    _tp_links_count_paths    (void);
double   _tp_layout_measure_link_band (TpLayout   *layout,
                                       TpDocument *document);
/* Places the routed links' numbered badges beside their two ends and grows the links'
 * bounds round them (tp-layout-link-badges.c). Every link's when redo is NULL, each
 * link's bounds and pill being those of its path and label until then. Otherwise only
 * at the notes and cards where a link marked in redo (by link box) has an end: the
 * links ending there are marked too, and their bounds and pills start again from bases
 * and pills (by link box). */
void     _tp_layout_place_link_badges (TpLayout     *layout,
                                       gboolean     *redo,
                                       const TpRect *bases,
                                       const TpRect *pills);
void     _tp_layout_route_links   (TpLayout    *layout,
                                   TpDocument  *document);

/* The first row of a block whose bottom is below y (tp-layout.c). */
guint    _tp_block_first_row_below (TpBlock *block,
                                    double   y);

/* The label of the value chain's margin arrow, translated. */
const char *_tp_layout_get_margin_label (void);

static inline TpRect
_tp_rect_make (double x,
               double y,
               double width,
               double height)
{
  return (TpRect) { x, y, width, height };
}

static inline TpNoteBox *
_tp_layout_box (TpLayout *layout,
                guint     i)
{
  return &g_array_index (layout->boxes, TpNoteBox, i);
}

G_END_DECLS
