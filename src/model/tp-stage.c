/* tp-stage.c: a journey stage */

#include "config.h"

#include "tp-stage.h"
#include "tp-kpi.h"
#include "tp-touchpoint.h"

TpStage *
tp_stage_new (const char *id,
              const char *name)
{
  TpStage *stage = g_new0 (TpStage, 1);

  _tp_item_init (&stage->item, TP_ITEM_STAGE, id);
  stage->name = g_strdup (name ? name : "");
  stage->job = g_strdup ("");
  stage->kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) tp_kpi_free);
  stage->touchpoints = g_ptr_array_new_with_free_func ((GDestroyNotify) tp_touchpoint_free);

  return stage;
}

void
_tp_stage_assign (TpStage       *dest,
                  const TpStage *src)
{
  _tp_str_assign (&dest->name, src->name);
  _tp_str_assign (&dest->job, src->job);
  dest->colour = src->colour;
  g_ptr_array_unref (dest->kpis);
  dest->kpis = _tp_ptr_array_copy (src->kpis, (GCopyFunc) tp_kpi_copy,
                                   (GDestroyNotify) tp_kpi_free);
}

TpStage *
tp_stage_copy (const TpStage *stage)
{
  TpStage *copy = tp_stage_new (stage->item.id, NULL);

  tp_item_assign (&copy->item, &stage->item);

  return copy;
}

void
tp_stage_free (TpStage *stage)
{
  if (stage == NULL)
    return;

  _tp_item_clear (&stage->item);
  g_free (stage->name);
  g_free (stage->job);
  g_ptr_array_unref (stage->kpis);
  g_ptr_array_unref (stage->touchpoints);
  g_free (stage);
}

gboolean
tp_stage_equal (const TpStage *a,
                const TpStage *b)
{
  return g_strcmp0 (a->item.id, b->item.id) == 0 &&
         tp_extras_equal (&a->item.extras, &b->item.extras) &&
         g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->job, b->job) == 0 &&
         a->colour == b->colour &&
         _tp_ptr_array_equal (a->kpis, b->kpis, (GEqualFunc) tp_kpi_equal);
}

TpStageColour
tp_stage_colour_for_index (guint index)
{
  return index % TP_N_STAGE_COLOURS;
}
