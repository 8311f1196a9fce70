/* tp-touchpoint.h: a moment where the customer meets the business, inside a stage. */
#pragma once

#include "tp-item.h"

G_BEGIN_DECLS

struct _TpTouchpoint
{
  TpItem      item;
  char       *stage;           /* id of the stage that holds it, kept in step by the document */
  char       *name;
  char       *channel;
  char       *action;          /* customer action */
  int         emotion;         /* TP_EMOTION_MIN … TP_EMOTION_MAX */
  GPtrArray  *pains;           /* (element-type utf8) */
  GPtrArray  *opportunities;   /* (element-type utf8) */
  char       *persona;         /* persona id, or NULL */
  guint       votes;           /* dot votes, 0 … TP_COUNT_MAX */

  /* Moment of truth and its gap analysis; scores are 1 … 5, 0 when not yet scored. */
  gboolean    moment_of_truth;
  guint       expectation;
  guint       experience;
  guint       impact;
  guint       feasibility;
  TpStrategy  strategy;
  GPtrArray  *actions;         /* (element-type TpActionItem) */
  TpExtras    mot_extras;      /* unknown content of <moment-of-truth> */

  GPtrArray  *needs;           /* (element-type TpKanoNeed) */
  GPtrArray  *kpis;            /* (element-type TpKpi) */
};

TpTouchpoint *tp_touchpoint_new   (const char *id,
                                   const char *name);
TpTouchpoint *tp_touchpoint_copy  (const TpTouchpoint *touchpoint);
void          tp_touchpoint_free  (TpTouchpoint       *touchpoint);
gboolean      tp_touchpoint_equal (const TpTouchpoint *a,
                                   const TpTouchpoint *b);
/* Marks or unmarks a moment of truth. Unmarking clears the gap analysis and action plan
 * too: the file keeps them only inside <moment-of-truth>, so keeping them in the model
 * would show data that the next save silently drops. Undo brings them back. */
void          tp_touchpoint_set_moment_of_truth (TpTouchpoint *touchpoint,
                                                 gboolean      moment_of_truth);
void          _tp_touchpoint_assign (TpTouchpoint       *dest,
                                     const TpTouchpoint *src);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpTouchpoint, tp_touchpoint_free)

G_END_DECLS
