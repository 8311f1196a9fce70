/* tp-gap.c: gap analysis and priorities at the moments of truth */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tp-gap.h"

/* Scores above this count as high impact and as easy to do. */
#define MATRIX_SPLIT 3

typedef struct
{
  TpGapRow row;
  guint    order;   /* position along the journey */
} RankedRow;

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const RankedRow *ra = a, *rb = b;

  if (ra->row.ranked != rb->row.ranked)
    return ra->row.ranked ? -1 : 1;
  if (ra->row.ranked)
    {
      if (ra->row.priority != rb->row.priority)
        return ra->row.priority > rb->row.priority ? -1 : 1;
      if (ra->row.gap != rb->row.gap)
        return ra->row.gap > rb->row.gap ? -1 : 1;
    }

  return ra->order < rb->order ? -1 : ra->order > rb->order;
}

static gboolean
is_score (guint score)
{
  return score >= TP_SCORE_MIN && score <= TP_SCORE_MAX;
}

GArray *
tp_gap_rank (TpDocument *document)
{
  g_autoptr(GArray) ranked = NULL;
  GArray *rows;
  GPtrArray *stages;
  guint order = 0;

  g_return_val_if_fail (TP_IS_DOCUMENT (document), NULL);

  ranked = g_array_new (FALSE, TRUE, sizeof (RankedRow));
  stages = tp_document_get_stages (document);
  for (guint s = 0; s < stages->len; s++)
    {
      const TpStage *stage = g_ptr_array_index (stages, s);

      for (guint t = 0; t < stage->touchpoints->len; t++)
        {
          const TpTouchpoint *tp = g_ptr_array_index (stage->touchpoints, t);
          RankedRow r = { { 0, }, order++ };

          if (!tp->moment_of_truth)
            continue;

          r.row.touchpoint = tp;
          r.row.stage = stage;
          r.row.scored = is_score (tp->expectation) && is_score (tp->experience);
          if (r.row.scored)
            r.row.gap = (int) tp->expectation - (int) tp->experience;
          r.row.quadrant = tp_gap_get_quadrant (tp->impact, tp->feasibility);
          r.row.ranked = r.row.scored && r.row.quadrant != TP_QUADRANT_NONE;
          if (r.row.ranked)
            r.row.priority = (guint) MAX (r.row.gap, 0) * tp->impact * tp->feasibility;

          g_array_append_val (ranked, r);
        }
    }

  g_array_sort (ranked, compare_rows);

  rows = g_array_sized_new (FALSE, TRUE, sizeof (TpGapRow), ranked->len);
  for (guint i = 0; i < ranked->len; i++)
    g_array_append_val (rows, g_array_index (ranked, RankedRow, i).row);

  return rows;
}

TpQuadrant
tp_gap_get_quadrant (guint impact,
                     guint feasibility)
{
  gboolean high, easy;

  if (!is_score (impact) || !is_score (feasibility))
    return TP_QUADRANT_NONE;

  high = impact > MATRIX_SPLIT;
  easy = feasibility > MATRIX_SPLIT;

  if (high)
    return easy ? TP_QUADRANT_QUICK_WIN : TP_QUADRANT_MAJOR_PROJECT;
  return easy ? TP_QUADRANT_FILL_IN : TP_QUADRANT_THANKLESS_TASK;
}

const char *
tp_quadrant_get_label (TpQuadrant quadrant)
{
  switch (quadrant)
    {
    case TP_QUADRANT_QUICK_WIN:
      return _("Quick wins");
    case TP_QUADRANT_MAJOR_PROJECT:
      return _("Major projects");
    case TP_QUADRANT_FILL_IN:
      return _("Fill-ins");
    case TP_QUADRANT_THANKLESS_TASK:
      return _("Thankless tasks");
    case TP_QUADRANT_NONE:
    default:
      return _("Not scored");
    }
}

const char *
tp_gap_get_formula (void)
{
  return _("Priority = max (gap, 0) × impact × feasibility, where gap = expectation − experience");
}
