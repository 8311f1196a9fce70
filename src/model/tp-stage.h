/* tp-stage.h: a stage of the customer journey, holding its touchpoints in order. */
#pragma once

#include "tp-item.h"

G_BEGIN_DECLS

struct _TpStage
{
  TpItem     item;
  char      *name;
  char      *job;          /* job to be done: "When …, I want to …, so I can …", or "" */
  GPtrArray *kpis;         /* (element-type TpKpi) (owned) */
  GPtrArray *touchpoints;  /* (element-type TpTouchpoint) (owned); not part of copies */
};

TpStage  *tp_stage_new   (const char *id,
                          const char *name);
TpStage  *tp_stage_copy  (const TpStage *stage);
void      tp_stage_free  (TpStage       *stage);
gboolean  tp_stage_equal (const TpStage *a,
                          const TpStage *b);
void      _tp_stage_assign (TpStage       *dest,
                            const TpStage *src);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpStage, tp_stage_free)

G_END_DECLS
