/* tp-gap.h: gap analysis at the moments of truth.
 *
 * gap = expectation − experience (scores 1 … 5, so −4 … 4). The priority of closing it:
 *
 *     priority = max (gap, 0) × impact × feasibility        (0 … 100)
 *
 * with impact and feasibility scored 1 … 5 (5: the largest impact, the easiest fix), so a
 * larger gap, a larger impact and an easier fix all rank higher; a moment that meets or
 * beats its expectation has priority 0. The priority matrix puts feasibility across and
 * impact up, split at 3: quick wins (high impact, easy), major projects (high impact,
 * hard), fill-ins (low impact, easy) and thankless tasks (low impact, hard). A score on
 * the split is not yet high: 4 and 5 count as high impact and easy, 1 to 3 as low impact
 * and hard.
 */
#pragma once

#include "model/tp-document.h"

G_BEGIN_DECLS

typedef enum {
  TP_QUADRANT_NONE,            /* impact or feasibility not scored */
  TP_QUADRANT_QUICK_WIN,
  TP_QUADRANT_MAJOR_PROJECT,
  TP_QUADRANT_FILL_IN,
  TP_QUADRANT_THANKLESS_TASK,
} TpQuadrant;

typedef struct
{
  const TpTouchpoint *touchpoint;   /* (transfer none) */
  const TpStage      *stage;        /* (transfer none) */
  gboolean            scored;       /* expectation and experience both scored */
  int                 gap;          /* meaningful when scored */
  gboolean            ranked;       /* scored, with impact and feasibility too */
  guint               priority;     /* 0 … 100, meaningful when ranked */
  TpQuadrant          quadrant;     /* from impact and feasibility, even when not scored */
} TpGapRow;

/* Every moment of truth of the document, ranked: by priority (highest first), then gap,
 * then journey order; moments not fully scored last, in journey order. (element-type
 * TpGapRow) */
GArray       *tp_gap_rank            (TpDocument *document);
TpQuadrant    tp_gap_get_quadrant    (guint       impact,
                                      guint       feasibility);
/* "Quick wins", translated. */
const char   *tp_quadrant_get_label  (TpQuadrant  quadrant);
/* The formula as the UI and the exports state it, translated. */
const char   *tp_gap_get_formula     (void);

G_END_DECLS
