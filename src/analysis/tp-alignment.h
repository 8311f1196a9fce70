/* tp-alignment.h: the alignment matrix, the business model against the journey.
 *
 * Rows are notes, grouped by where they live: the nine Business Model Canvas blocks in
 * Osterwalder's order (1 Customer Segments … 9 Cost Structure), then the value chain's
 * areas. Columns are touchpoints, grouped by stage in journey order. A cell holds the
 * links between its row's note and its column's touchpoint. Only notes and touchpoints
 * with at least one link get a row or a column: a matrix of every note against every
 * touchpoint is mostly empty and, on the example, no longer fits a slide. What has no
 * link is not lost: it is what the gaps list.
 *
 * The gaps are the questions the method asks of a business model and its journey:
 *
 * - canvas notes that no touchpoint delivers (a promise the customer never meets).
 *   Value-chain notes are left out on purpose: the value chain describes how the business
 *   works inside, and many of its activities (procurement, finance) rightly never meet
 *   the customer, so an unlinked area note is no gap;
 * - touchpoints that no canvas note supports (linked from nothing, or from the value
 *   chain alone: the business model does not say why the moment exists);
 * - Business Model Canvas blocks and stages with no link at all;
 * - moments of truth that no part of the business owns: no link from any note, canvas or
 *   value chain.
 *
 * Pure: nothing here draws. Pointers are borrowed from the document and stay valid until
 * it next changes.
 */
#pragma once

#include "model/tp-document.h"

G_BEGIN_DECLS

/* A run of consecutive rows that share a block or area. */
typedef struct
{
  TpContainer container;
  guint       first;     /* index of its first row */
  guint       n_rows;
} TpAlignmentGroup;

/* A run of consecutive columns that share a stage. */
typedef struct
{
  const TpStage *stage;
  guint          stage_index;   /* in the journey, for its tint */
  guint          first;
  guint          n_columns;
} TpAlignmentBand;

/* One link placed in the matrix. */
typedef struct
{
  const TpLink *link;
  guint         row;
  guint         column;
} TpAlignmentCell;

typedef struct
{
  GPtrArray *rows;           /* (element-type TpNote) notes with a link, grouped */
  GArray    *groups;         /* (element-type TpAlignmentGroup) */
  GPtrArray *columns;        /* (element-type TpTouchpoint) touchpoints with a link */
  GArray    *bands;          /* (element-type TpAlignmentBand) */
  GArray    *cells;          /* (element-type TpAlignmentCell) in document order */

  /* The gaps, each in board order. */
  GPtrArray *unlinked_notes;          /* (element-type TpNote) canvas notes only */
  GPtrArray *unsupported_touchpoints; /* (element-type TpTouchpoint) */
  GArray    *empty_blocks;            /* (element-type TpContainer) canvas blocks */
  GPtrArray *empty_stages;            /* (element-type TpStage) */
  GPtrArray *unowned_moments;         /* (element-type TpTouchpoint) */
} TpAlignment;

TpAlignment *tp_alignment_new        (TpDocument  *document);
void         tp_alignment_free       (TpAlignment *alignment);

/* The cells of row × column (usually one: a note and a touchpoint are linked once, but a
 * hand-edited file may say it twice), in document order: returns how many there are and
 * stores up to n_max of their indices into cells. */
guint        tp_alignment_find_cells (const TpAlignment *alignment,
                                      guint              row,
                                      guint              column,
                                      guint             *indices,
                                      guint              n_max);

/* Whether the matrix has anything to show: at least one link between a note and a
 * touchpoint that both exist. */
gboolean     tp_alignment_has_links  (TpDocument  *document);

/* The number of gaps of every kind together. */
guint        tp_alignment_count_gaps (const TpAlignment *alignment);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpAlignment, tp_alignment_free)

G_END_DECLS
