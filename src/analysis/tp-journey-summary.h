/* tp-journey-summary.h: jobs to be done and emotions, stage by stage.
 *
 * Per stage: its job statement, the mean emotion of its touchpoints (−2 … +2), its
 * moments of truth and its KPIs. Pain peaks are the lowest points of the emotion curve:
 * touchpoints whose emotion is negative and no higher than either neighbour's along the
 * journey (a plateau counts once, at its first touchpoint), lowest first.
 */
#pragma once

#include "model/tp-document.h"

G_BEGIN_DECLS

typedef struct
{
  const TpStage *stage;         /* (transfer none) */
  guint          n_touchpoints;
  double         mean_emotion;  /* NAN without touchpoints */
  guint          n_moments;     /* moments of truth */
} TpStageSummary;

/* (element-type TpStageSummary), in journey order. */
GArray     *tp_journey_summarize  (TpDocument *document);
/* (element-type TpTouchpoint, transfer none), lowest first, then in journey order. */
GPtrArray  *tp_journey_pain_peaks (TpDocument *document);

G_END_DECLS
