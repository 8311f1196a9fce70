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
} TpHitKind;

typedef struct
{
  TpHitKind    kind;
  TpRegion     region;     /* for every kind but NONE */
  TpContainer  container;  /* CONTAINER, NOTE, MORE_BADGE */
  const char  *note;       /* NOTE: the note's id (owned by the layout) */
  guint        index;      /* NOTE: its index in the container */
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

typedef struct _TpLayout TpLayout;

TpLayout      *tp_layout_new               (void);
void           tp_layout_free              (TpLayout        *layout);

/* Lays the whole document out again. Text measurements are cached by text and width,
 * so a relayout after a small change is cheap even for thousands of notes. */
void           tp_layout_update            (TpLayout        *layout,
                                            TpDocument      *document);

/* An expanded block grows (and its region with it) until every note shows at full size;
 * otherwise a block keeps its place and shrinks, then hides, what does not fit. View
 * state, not document state: takes effect at the next tp_layout_update(). */
void           tp_layout_set_expanded      (TpLayout        *layout,
                                            TpContainer      container,
                                            gboolean         expanded);
gboolean       tp_layout_get_expanded      (TpLayout        *layout,
                                            TpContainer      container);

const TpTheme *tp_layout_get_theme         (TpLayout        *layout);
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

/* "+12 more", translated. */
char          *tp_layout_format_more       (guint            n_hidden);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpLayout, tp_layout_free)

G_END_DECLS
