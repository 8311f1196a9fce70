/* tp-journey-summary.c: stage summaries and the pain peaks of the emotion curve */

#include "config.h"

#include <math.h>

#include "tp-journey-summary.h"

GArray *
tp_journey_summarize (TpDocument *document)
{
  GPtrArray *stages;
  GArray *summaries;

  g_return_val_if_fail (TP_IS_DOCUMENT (document), NULL);

  stages = tp_document_get_stages (document);
  summaries = g_array_sized_new (FALSE, TRUE, sizeof (TpStageSummary), stages->len);
  for (guint s = 0; s < stages->len; s++)
    {
      const TpStage *stage = g_ptr_array_index (stages, s);
      TpStageSummary summary = { stage, stage->touchpoints->len, NAN, 0 };
      int sum = 0;

      for (guint t = 0; t < stage->touchpoints->len; t++)
        {
          const TpTouchpoint *tp = g_ptr_array_index (stage->touchpoints, t);

          sum += tp->emotion;
          if (tp->moment_of_truth)
            summary.n_moments++;
        }
      if (summary.n_touchpoints > 0)
        summary.mean_emotion = (double) sum / summary.n_touchpoints;

      g_array_append_val (summaries, summary);
    }

  return summaries;
}

typedef struct
{
  TpTouchpoint *touchpoint;
  guint         order;
} Peak;

static int
compare_peaks (gconstpointer a,
               gconstpointer b)
{
  const Peak *pa = a, *pb = b;

  if (pa->touchpoint->emotion != pb->touchpoint->emotion)
    return pa->touchpoint->emotion < pb->touchpoint->emotion ? -1 : 1;

  return pa->order < pb->order ? -1 : pa->order > pb->order;
}

static int
emotion_at (GPtrArray *curve,
            guint      index)
{
  return ((const TpTouchpoint *) g_ptr_array_index (curve, index))->emotion;
}

GPtrArray *
tp_journey_pain_peaks (TpDocument *document)
{
  g_autoptr(GPtrArray) curve = NULL;
  g_autoptr(GArray) peaks = NULL;
  GPtrArray *stages, *result;

  g_return_val_if_fail (TP_IS_DOCUMENT (document), NULL);

  /* The emotion curve runs through every touchpoint, across stage boundaries. */
  curve = g_ptr_array_new ();
  stages = tp_document_get_stages (document);
  for (guint s = 0; s < stages->len; s++)
    {
      const TpStage *stage = g_ptr_array_index (stages, s);

      for (guint t = 0; t < stage->touchpoints->len; t++)
        g_ptr_array_add (curve, g_ptr_array_index (stage->touchpoints, t));
    }

  /* A run of equal emotions is a low point when the curve is higher (or ends) on both
   * sides of it; it is reported once, at its first touchpoint. */
  peaks = g_array_new (FALSE, FALSE, sizeof (Peak));
  for (guint i = 0; i < curve->len;)
    {
      TpTouchpoint *first = g_ptr_array_index (curve, i);
      int emotion = first->emotion;
      guint end = i + 1;

      while (end < curve->len && emotion_at (curve, end) == emotion)
        end++;

      if (emotion < 0 &&
          (i == 0 || emotion_at (curve, i - 1) > emotion) &&
          (end == curve->len || emotion_at (curve, end) > emotion))
        {
          Peak peak = { first, i };

          g_array_append_val (peaks, peak);
        }

      i = end;
    }

  g_array_sort (peaks, compare_peaks);

  result = g_ptr_array_sized_new (peaks->len);
  for (guint i = 0; i < peaks->len; i++)
    g_ptr_array_add (result, g_array_index (peaks, Peak, i).touchpoint);

  return result;
}
