/* tp-layout-private.h: the layout's insides, shared by its two halves and the painter.
 *
 * tp-layout.c owns the object, the measurement cache and the queries; tp-layout-blocks.c
 * places regions and blocks and flows notes into them.
 */
#pragma once

#include "tp-layout.h"

G_BEGIN_DECLS

/* Fixed parts of a block, in board units. */
#define TP_LAYOUT_HEADER_HEIGHT   24.0   /* badge, title and icon row */
#define TP_LAYOUT_HEADER_GAP      12.0   /* header to first note */
#define TP_LAYOUT_BADGE_SIZE      22.0
#define TP_LAYOUT_SIDE_HEADER     236.0  /* support rows carry their header on the left */
#define TP_LAYOUT_MORE_HEIGHT     24.0
#define TP_LAYOUT_FOOTER_HEIGHT   10.0   /* evidence glyph and votes, inside a note */
#define TP_LAYOUT_FOOTER_GAP      6.0
#define TP_LAYOUT_TITLE_GAP       20.0   /* region title to its blocks */

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
} TpNoteBox;

typedef struct
{
  double  y;        /* board units */
  double  height;
  guint   first;    /* index into the layout's boxes */
  guint   n;
} TpRow;

typedef struct
{
  TpContainerInfo  info;
  gboolean         side_header;  /* header on the left (value-chain support rows) */
  guint            first_box;    /* this block's notes are boxes[first_box …] */
  GArray          *rows;         /* TpRow, top to bottom */
  /* The unscaled grid the notes were flowed in. */
  double           note_width;
} TpBlock;

typedef struct _TpMeasure TpMeasure;

struct _TpLayout
{
  const TpTheme  *theme;
  PangoContext   *context;
  gboolean        expanded[TP_N_CONTAINERS];
  TpBlock         blocks[TP_N_CONTAINERS];
  GArray         *boxes;       /* TpNoteBox, block by block, in order */
  GHashTable     *by_id;       /* id → box index + 1 */
  GStringChunk   *ids;
  GHashTable     *measures;    /* TpMeasure set: text height by text and width */
  GQueue          kept;        /* TpMeasures holding a laid-out text, LRU order */
  guint           generation;
  TpRect          regions[TP_N_REGIONS];
  TpRect          titles[TP_N_REGIONS];
  TpRect          margin;      /* the value chain's "Margin" arrow */
  TpRect          bounds;
};

/* The unscaled height of a note's text wrapped at width, cut after max_lines. */
double   _tp_layout_measure       (TpLayout    *layout,
                                   const char  *text,
                                   double       width,
                                   guint        max_lines,
                                   gboolean    *truncated);

/* The note's text laid out as on the board (a new reference), from the cache when it
 * can: a note's text is shaped once, not once per paint. */
PangoLayout *_tp_layout_ref_note_text (TpLayout        *layout,
                                       const char      *text,
                                       const TpNoteBox *box);

/* Places the regions and blocks and flows every block's notes (boxes already filled in
 * with ids and containers, block by block). */
void     _tp_layout_arrange       (TpLayout    *layout,
                                   TpDocument  *document);

/* The note a box shows, or NULL when the document changed since the layout. */
TpNote  *_tp_layout_resolve_note  (TpLayout        *layout,
                                   TpDocument      *document,
                                   const TpNoteBox *box);

/* The label of the value chain's margin arrow, translated. */
const char *_tp_layout_get_margin_label (void);

static inline TpNoteBox *
_tp_layout_box (TpLayout *layout,
                guint     i)
{
  return &g_array_index (layout->boxes, TpNoteBox, i);
}

G_END_DECLS
