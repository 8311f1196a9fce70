/* tp-layout.h: where everything on the board goes, in board units.
 *
 * The board is one surface holding three regions in a fixed arrangement: the Business
 * Model Canvas at the top left, the value chain to its right (links from both reach the
 * journey below by the shortest way, and the pair makes a landscape page), and the
 * customer journey below both, across the full width. One board unit is one pixel at
 * 100 % zoom; y grows downwards. The layout is pure geometry: no pixels are drawn here,
 * so it can be tested, hit-tested and queried without a surface.
 *
 * A layout belongs to one thread (its Pango context does). Ids and rects it returns
 * stay valid until the next tp_layout_update().
 */
#pragma once

#include <pango/pango.h>

#include "model/tp-document.h"
#include "tp-theme.h"

G_BEGIN_DECLS

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} TpRect;

gboolean  tp_rect_is_empty        (const TpRect *rect);
gboolean  tp_rect_contains_point  (const TpRect *rect,
                                   double        x,
                                   double        y);
gboolean  tp_rect_intersects      (const TpRect *a,
                                   const TpRect *b);
/* Whether inner lies entirely within outer (edges may touch). */
gboolean  tp_rect_contains_rect   (const TpRect *outer,
                                   const TpRect *inner);

typedef enum {
  TP_REGION_CANVAS,
  TP_REGION_VALUE_CHAIN,
  TP_REGION_JOURNEY,
  TP_N_REGIONS
} TpRegion;

typedef enum {
  TP_HIT_NONE,
  TP_HIT_REGION,      /* a region's background or title, outside any block */
  TP_HIT_CONTAINER,   /* a block's panel, outside its notes */
  TP_HIT_NOTE,
  TP_HIT_MORE_BADGE,  /* a block's "+N more" badge: the view expands the block */
  TP_HIT_STAGE,       /* a stage's header band (name and job): stage, index */
  TP_HIT_STAGE_BODY,  /* a stage below its header, outside its touchpoints' columns (an
                       * empty stage, the gutters, the stage's KPI cell): stage, index,
                       * row; double-click adds a touchpoint here */
  TP_HIT_TOUCHPOINT,  /* a touchpoint's card, or its column in any row: touchpoint,
                       * stage, index, row */
  TP_HIT_JOURNEY_ROW, /* a row's label at the journey's left: row */
} TpHitKind;

/* The journey's rows (swimlanes), top to bottom, under the stage headers. */
typedef enum {
  TP_JOURNEY_ROW_TOUCHPOINT,     /* the cards */
  TP_JOURNEY_ROW_CHANNEL,
  TP_JOURNEY_ROW_ACTION,         /* customer action */
  TP_JOURNEY_ROW_EMOTION,        /* the emotion curve */
  TP_JOURNEY_ROW_PAINS,
  TP_JOURNEY_ROW_OPPORTUNITIES,
  TP_JOURNEY_ROW_KPIS,
  TP_N_JOURNEY_ROWS
} TpJourneyRow;

typedef struct
{
  TpHitKind     kind;
  TpRegion      region;      /* for every kind but NONE */
  TpContainer   container;   /* CONTAINER, NOTE, MORE_BADGE */
  const char   *note;        /* NOTE: the note's id (owned by the layout) */
  guint         index;       /* NOTE: its index in the container; STAGE, STAGE_BODY: the
                              * stage's index; TOUCHPOINT: its index in its stage */
  const char   *stage;       /* STAGE, STAGE_BODY, TOUCHPOINT: the stage's id (owned by
                              * the layout) */
  const char   *touchpoint;  /* TOUCHPOINT: the touchpoint's id (owned by the layout) */
  TpJourneyRow  row;         /* STAGE_BODY, TOUCHPOINT, JOURNEY_ROW: the row under the
                              * point (TOUCHPOINT on the card: TP_JOURNEY_ROW_TOUCHPOINT) */
} TpHit;

typedef struct
{
  TpRegion  region;
  TpRect    rect;       /* the panel */
  TpRect    title;      /* the title's line */
  TpRect    icon;
  TpRect    badge;      /* the number disc; empty for value-chain areas */
  TpRect    notes;      /* where notes flow (and the hint shows while empty) */
  TpRect    more;       /* the "+N more" badge; empty when nothing is hidden */
  double    scale;      /* of the notes: 1 down to the theme's minimum */
  guint     n_columns;
  guint     n_notes;
  guint     n_visible;  /* the first n_visible notes, in order, are shown */
  guint     n_hidden;
  gboolean  expanded;
} TpContainerInfo;

typedef struct
{
  TpContainer  container;
  guint        index;
  gboolean     visible;      /* FALSE when behind the "+N more" badge: no rects then */
  TpRect       rect;
  TpRect       text;         /* the box the text may fill */
  double       scale;        /* the note is drawn at this scale, its text included */
  double       text_height;  /* the laid-out text, board units; ≤ text.height */
  gboolean     truncated;    /* the text ends in an ellipsis */
} TpNoteInfo;

typedef struct
{
  guint     index;          /* in the journey */
  guint     n_touchpoints;
  guint     tint;           /* the stage's entry in the theme's stage palette */
  TpRect    column;         /* the whole stage: header down to the last row */
  TpRect    header;         /* the tinted band holding name and job */
  TpRect    name;           /* the name's text box (TP_FONT_STAGE_HEADING, ≤ 2 lines) */
  TpRect    job;            /* the job to be done's text box (TP_FONT_JOB); empty
                             * without a job */
  TpRect    hint;           /* the placeholder card saying "Double-click to add a
                             * touchpoint"; empty unless the stage has no touchpoints */
  TpRect    kpis;           /* the stage's KPI cell, across the stage, in the KPI row
                             * above its touchpoints' KPIs; empty while no stage has
                             * KPIs */
  gboolean  name_truncated;
  gboolean  job_truncated;
} TpStageInfo;

typedef struct
{
  const char *stage;        /* the stage's id (owned by the layout) */
  guint       stage_index;
  guint       index;        /* in its stage */
  TpRect      column;       /* every row of the touchpoint, card to KPIs */
  TpRect      cells[TP_N_JOURNEY_ROWS]; /* its cell in each row: every touchpoint's cell
                                         * of a row has the same y and height */
  TpRect      card;         /* inside cells[TP_JOURNEY_ROW_TOUCHPOINT] */
  TpRect      name;         /* the card's name text box (TP_FONT_CARD_TITLE, ≤ 3 lines),
                             * for an inline editor */
  TpRect      star;         /* the moment-of-truth badge on the card; empty if none */
  TpRect      gap;          /* the gap bars and label; empty unless a moment of truth
                             * with expectation and experience scored */
  TpRect      votes;        /* the dot votes at the card's foot, right-aligned; empty
                             * without votes */
  double      emotion_x;    /* the curve's point: the column's centre … */
  double      emotion_y;    /* … at the height of the touchpoint's emotion */
  gboolean    truncated;    /* some text of the touchpoint is cut short on the board
                             * (the inspector shows it in full) */
} TpTouchpointInfo;

typedef struct _TpLayout TpLayout;

TpLayout      *tp_layout_new               (void);
void           tp_layout_free              (TpLayout        *layout);

/* Lays the whole document out again. Text measurements are cached by text and width,
 * so a relayout after a small change is cheap even for thousands of notes. */
void           tp_layout_update            (TpLayout        *layout,
                                            TpDocument      *document);
/* As tp_layout_update(), told that since the last update the document changed in the
 * fields of notes alone (none added, removed or moved, nothing else edited), and only
 * in the blocks c whose edited[c] is TRUE: the other blocks' notes are taken to be as
 * they were and are not signed again, which a 10,000-note board's edit of one note
 * would otherwise pay for every note (tp_layout_damage_get_blocks() says which). */
void           tp_layout_update_blocks     (TpLayout        *layout,
                                            TpDocument      *document,
                                            const gboolean   edited[TP_N_CONTAINERS]);

/* An expanded block grows (and its region with it) until every note shows at full size;
 * otherwise a block keeps its place and shrinks, then hides, what does not fit. View
 * state, not document state: takes effect at the next tp_layout_update(). */
void           tp_layout_set_expanded      (TpLayout        *layout,
                                            TpContainer      container,
                                            gboolean         expanded);
gboolean       tp_layout_get_expanded      (TpLayout        *layout,
                                            TpContainer      container);

/* Whether every text is laid out whole. The board (the default, FALSE) may bound a long
 * text to a few lines with a visible "more" cue, and a full block may hide notes behind
 * "+N more"; exports, print, the clipboard image, thumbnails and the presentation set
 * TRUE, so that items grow to their whole text and nothing is ever cut (VISUAL.md, "every
 * word survives"). Takes effect at the next tp_layout_update(). */
void           tp_layout_set_full_text     (TpLayout        *layout,
                                            gboolean         full_text);
gboolean       tp_layout_get_full_text     (TpLayout        *layout);

/* Whether a linked note keeps a footer row for its link's numbered badge (TRUE, the
 * default) even where its evidence and votes would fit beside its last line. A page that
 * shows no links (the canvas, the value chain, the journey) sets FALSE and its notes take
 * no more height than their text; such a layout routes no links either (the link
 * queries find none). Takes effect at the next tp_layout_update(). */
void           tp_layout_set_link_footers  (TpLayout        *layout,
                                            gboolean         link_footers);

/* Fits a region into a page's room of width × height (page units, title included): the
 * canvas or the value chain is laid out at the largest scale (page units per board unit)
 * up to max_scale at which all of it fits that room, using the room's proportions, and
 * never below min_scale (the legible floor); tp_layout_get_frame_scale() then says the
 * scale to draw it at, below min_scale when its content cannot fit even there (the page
 * must then continue on further pages). A width of 0 unsets the frame: the board's own
 * frame, of a projector's proportions at 100 %. Takes effect at the next
 * tp_layout_update(). */
void           tp_layout_set_frame         (TpLayout        *layout,
                                            TpRegion         region,
                                            double           width,
                                            double           height,
                                            double           min_scale,
                                            double           max_scale);
double         tp_layout_get_frame_scale   (TpLayout        *layout,
                                            TpRegion         region);

/* A part of the canvas, for a page too small to hold it all legibly: blocks (or a run of
 * one block's notes, when even a block alone is too much) side by side as columns, in
 * Osterwalder's numbering. */
typedef struct
{
  TpContainer  container;
  guint        first;     /* its first note shown */
  guint        n;         /* how many */
} TpCanvasSlice;

/* Shows only these slices of the canvas, as columns across the canvas's frame (NULL or
 * n_slices 0: the whole canvas). The value chain and the journey stay as they are. Takes
 * effect at the next tp_layout_update(). */
void           tp_layout_set_canvas_part   (TpLayout            *layout,
                                            const TpCanvasSlice *slices,
                                            guint                n_slices);
/* Cuts the canvas into parts for pages whose room is width × height page units at scale
 * (the canvas's frame and its floor): whole blocks in Osterwalder's order, as many side by
 * side as fit, a block too large for a page continued on the next. Returns a GArray of
 * GArrays of TpCanvasSlice, one a page. Uses the layout's measurements (it lays out the
 * slices it tries); call tp_layout_update() before showing anything again. */
GPtrArray     *tp_layout_split_canvas      (TpLayout            *layout,
                                            TpDocument          *document,
                                            double               width,
                                            double               height,
                                            double               scale);

const TpTheme *tp_layout_get_theme         (TpLayout        *layout);
/* Draws the layout in another theme of the same fonts and sizes (tp_theme_get_dark()):
 * colours change, geometry does not, so no update is needed. */
void           tp_layout_set_theme         (TpLayout        *layout,
                                            const TpTheme   *theme);
/* The context every board text is laid out with (for inline editors that must wrap
 * exactly like the board). */
PangoContext  *tp_layout_get_context       (TpLayout        *layout);

/* Everything drawn, margins included; the board's scrollable area. */
void           tp_layout_get_bounds        (TpLayout        *layout,
                                            TpRect          *bounds);
/* A region's blocks (title excluded). FALSE, and an empty rect, for a region that has
 * nothing to show yet. */
gboolean       tp_layout_get_region        (TpLayout        *layout,
                                            TpRegion         region,
                                            TpRect          *rect);
gboolean       tp_layout_get_region_title  (TpLayout        *layout,
                                            TpRegion         region,
                                            TpRect          *rect);
/* "Business Model Canvas", translated. */
const char    *tp_region_get_label         (TpRegion         region);

void           tp_layout_get_container     (TpLayout        *layout,
                                            TpContainer      container,
                                            TpContainerInfo *info);
gboolean       tp_layout_get_note          (TpLayout        *layout,
                                            const char      *id,
                                            TpNoteInfo      *info);
/* Where a note shows its whole text: its own rect, grown downwards to every line of its
 * text (the board shows a note it cuts short so while it is hovered or selected). Equal
 * to the note's rect when nothing is cut. FALSE for an unknown or hidden note. */
gboolean       tp_layout_get_note_whole    (TpLayout        *layout,
                                            TpDocument      *document,
                                            const char      *id,
                                            TpRect          *rect);
/* The note's text as laid out on the board, in unscaled units (draw it at info.text's
 * origin, scaled by info.scale). NULL for an unknown or hidden note. */
PangoLayout   *tp_layout_create_note_text  (TpLayout        *layout,
                                            TpDocument      *document,
                                            const char      *id);

TpHit          tp_layout_hit               (TpLayout        *layout,
                                            double           x,
                                            double           y);
/* Where a note dropped at (x, y) in container would go: an index into the container's
 * current list (when a note moves forward within its own container, the view subtracts
 * one for the note itself). indicator (optional) receives the bar to draw there. */
guint          tp_layout_drop_index        (TpLayout        *layout,
                                            TpContainer      container,
                                            double           x,
                                            double           y,
                                            TpRect          *indicator);
/* Appends to ids (const char *, owned by the layout) every shown note whose rect
 * intersects rect, block by block and in order. Cost grows with the notes found, not
 * with the notes on the board. */
void           tp_layout_query_notes       (TpLayout        *layout,
                                            const TpRect    *rect,
                                            GPtrArray       *ids);

/* The journey. Stages are columns in order, each holding its touchpoints' columns in
 * order; the rows run across all of them. The region grows to the right with them. */

/* FALSE, and zeroed info, for an unknown stage. */
gboolean       tp_layout_get_stage         (TpLayout         *layout,
                                            const char       *id,
                                            TpStageInfo      *info);
/* FALSE, and zeroed info, for an unknown touchpoint. */
gboolean       tp_layout_get_touchpoint    (TpLayout         *layout,
                                            const char       *id,
                                            TpTouchpointInfo *info);
/* A row's label cell at the journey's left and its band across the whole journey
 * (label included). FALSE, and empty rects, while the journey shows no rows. */
gboolean       tp_layout_get_journey_row   (TpLayout         *layout,
                                            TpJourneyRow      row,
                                            TpRect           *label,
                                            TpRect           *band);
/* "Pain points", translated. */
const char    *tp_journey_row_get_label    (TpJourneyRow      row);
/* The curve's point of a touchpoint (tp_layout_get_touchpoint() has it too). */
gboolean       tp_layout_get_emotion_point (TpLayout         *layout,
                                            const char       *id,
                                            double           *x,
                                            double           *y);
/* The height of an emotion (−2 … +2, clamped) in the emotion row, and back: the
 * nearest whole emotion at a height (for dragging a point up or down). Meaningful
 * while the journey has stages. */
double         tp_layout_get_emotion_y     (TpLayout         *layout,
                                            double            emotion);
int            tp_layout_get_emotion_at    (TpLayout         *layout,
                                            double            y);
/* Where a touchpoint dropped at (x, y) would go: the stage whose column is nearest x
 * (receives its id, owned by the layout) and an index into that stage's current list
 * (when a touchpoint moves forward within its own stage, the view subtracts one for
 * the touchpoint itself). indicator (optional) receives the bar to draw there. FALSE
 * when there is no stage. */
gboolean       tp_layout_touchpoint_drop_index (TpLayout     *layout,
                                                double        x,
                                                double        y,
                                                const char  **stage,
                                                guint        *index,
                                                TpRect       *indicator);
/* Where a stage dropped at x would go: an index into the current list of stages (same
 * rule for moving forward). indicator (optional) receives the bar to draw there. */
guint          tp_layout_stage_drop_index  (TpLayout         *layout,
                                            double            x,
                                            TpRect           *indicator);
/* Append to ids (const char *, owned by the layout) every stage whose column, or every
 * touchpoint whose column, intersects rect, in order. Cost grows with what is found. */
void           tp_layout_query_stages      (TpLayout         *layout,
                                            const TpRect     *rect,
                                            GPtrArray        *ids);
void           tp_layout_query_touchpoints (TpLayout         *layout,
                                            const TpRect     *rect,
                                            GPtrArray        *ids);

/* Links. Each link is routed once per layout: out of a port on its note's bottom edge,
 * into the gutter beside the note (unless nothing lies below it), down the gutters
 * (stepping aside around notes in the way) to the band between the upper regions and
 * the journey, across that band in a lane of its own, and down onto a port on the top
 * of its touchpoint's card. Runs sharing a gutter get lanes of their own; corners are
 * rounded, so the route reads as one smooth curve; routes keep to gutters and the band,
 * so they rarely cross a note's text. Every link also has a number and a badge at each
 * end, which pages too tangled for lines show instead (tp-painter.h, TpLinkMode). */

typedef struct
{
  double x;
  double y;
} TpPoint;

typedef struct
{
  const char    *id;          /* owned by the layout, like every string here */
  const char    *note;
  const char    *touchpoint;
  const char    *label;       /* "" without one */
  /* The curve as cubic Bézier segments: path[0] is the start, on the note's border (or
   * on its block's "+N more" badge while the note is hidden), then three points per
   * segment; the last point is on the top border of the touchpoint's card. */
  const TpPoint *path;
  guint          n_path;
  TpRect         bounds;      /* the curve, control points included */
  TpRect         pill;        /* the label's pill; empty without a label */
  /* The link's number, 1, 2, … in document order among the links the layout shows, and
   * the two numbered badges that carry it: one straddling the note's bottom edge (or its
   * block's "+N more" badge), one straddling the card's top edge. Painters draw them
   * instead of the curve where curves would tangle (tp-painter.h, TpLinkMode). */
  guint          number;
  guint          tint;        /* the stage tint of its touchpoint: the link's colour */
  TpRect         note_badge;
  TpRect         card_badge;
} TpLinkInfo;

/* FALSE, and zeroed info, for an unknown link or one with an end the layout does not
 * show. */
gboolean       tp_layout_get_link          (TpLayout         *layout,
                                            const char       *id,
                                            TpLinkInfo       *info);
/* How many pairs of routed links cross each other in the band or run together along a
 * gutter: 0 when every curve can be followed by eye alone. G_MAXUINT when there are too
 * many links to count (they are then surely too many to follow). */
guint          tp_layout_count_link_tangles (TpLayout        *layout);
/* Appends to ids every link whose curve, pill or badges may intersect rect, in document
 * order. */
void           tp_layout_query_links       (TpLayout         *layout,
                                            const TpRect     *rect,
                                            GPtrArray        *ids);
/* The link whose curve passes within tolerance of (x, y), or whose label pill holds it;
 * the nearest when several do. NULL when none. */
const char    *tp_layout_hit_link          (TpLayout         *layout,
                                            double            x,
                                            double            y,
                                            double            tolerance);
/* Where the link handle of a note or a touchpoint sits: the middle of a note's bottom
 * edge, the middle of a card's top edge (towards the other kind). FALSE for other ids
 * and hidden notes. */
gboolean       tp_layout_get_link_anchor   (TpLayout         *layout,
                                            const char       *id,
                                            TpPoint          *anchor);
/* A curve from an item's anchor to (x, y), for a link being dragged: leaves a note
 * downwards and a card upwards. points receives a cubic: start, two controls, end. */
gboolean       tp_layout_get_drag_curve    (TpLayout         *layout,
                                            const char       *id,
                                            double            x,
                                            double            y,
                                            TpPoint           points[4]);

/* "+12 more", translated. */
char          *tp_layout_format_more       (guint            n_hidden);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpLayout, tp_layout_free)

G_END_DECLS
