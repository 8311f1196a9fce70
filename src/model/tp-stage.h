/* tp-stage.h: a stage of the customer journey, holding its touchpoints in order. */
#pragma once

#include "tp-item.h"

G_BEGIN_DECLS

struct _TpStage
{
  TpItem     item;
  char      *name;
  char      *job;          /* job to be done: "When …, I want to …, so I can …", or "" */
  TpStageColour colour;    /* its own, whatever its position */
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

/* The colour a stage at index has when nothing chose one: the palette in order, as files
 * written before stages kept their colour showed them. */
TpStageColour tp_stage_colour_for_index (guint index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpStage, tp_stage_free)

G_END_DECLS
