/* tp-touchpoint.c: a touchpoint, possibly a moment of truth */

#include "config.h"

#include "tp-touchpoint.h"
#include "tp-action-item.h"
#include "tp-kano-need.h"
#include "tp-kpi.h"

static GPtrArray *
new_str_array (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

static gpointer
copy_str (gconstpointer str,
          gpointer      unused)
{
  return g_strdup (str);
}

static gboolean
str_equal (gconstpointer a,
           gconstpointer b)
{
  return g_strcmp0 (a, b) == 0;
}

TpTouchpoint *
tp_touchpoint_new (const char *id,
                   const char *name)
{
  TpTouchpoint *tp = g_new0 (TpTouchpoint, 1);

  _tp_item_init (&tp->item, TP_ITEM_TOUCHPOINT, id);
  tp->name = g_strdup (name ? name : "");
  tp->channel = g_strdup ("");
  tp->action = g_strdup ("");
  tp->pains = new_str_array ();
  tp->opportunities = new_str_array ();
  tp->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) tp_action_item_free);
  tp->needs = g_ptr_array_new_with_free_func ((GDestroyNotify) tp_kano_need_free);
  tp->kpis = g_ptr_array_new_with_free_func ((GDestroyNotify) tp_kpi_free);

  return tp;
}

void
_tp_touchpoint_assign (TpTouchpoint       *dest,
                       const TpTouchpoint *src)
{
  _tp_str_assign (&dest->stage, src->stage);
  _tp_str_assign (&dest->name, src->name);
  _tp_str_assign (&dest->channel, src->channel);
  _tp_str_assign (&dest->action, src->action);
  dest->emotion = src->emotion;
  g_ptr_array_unref (dest->pains);
  dest->pains = _tp_ptr_array_copy (src->pains, copy_str, g_free);
  g_ptr_array_unref (dest->opportunities);
  dest->opportunities = _tp_ptr_array_copy (src->opportunities, copy_str, g_free);
  _tp_str_assign (&dest->persona, src->persona);
  dest->votes = src->votes;

  dest->moment_of_truth = src->moment_of_truth;
  dest->expectation = src->expectation;
  dest->experience = src->experience;
  dest->impact = src->impact;
  dest->feasibility = src->feasibility;
  dest->strategy = src->strategy;
  g_ptr_array_unref (dest->actions);
  dest->actions = _tp_ptr_array_copy (src->actions, (GCopyFunc) tp_action_item_copy,
                                      (GDestroyNotify) tp_action_item_free);
  tp_extras_copy (&dest->mot_extras, &src->mot_extras);

  g_ptr_array_unref (dest->needs);
  dest->needs = _tp_ptr_array_copy (src->needs, (GCopyFunc) tp_kano_need_copy,
                                    (GDestroyNotify) tp_kano_need_free);
  g_ptr_array_unref (dest->kpis);
  dest->kpis = _tp_ptr_array_copy (src->kpis, (GCopyFunc) tp_kpi_copy,
                                   (GDestroyNotify) tp_kpi_free);
}

TpTouchpoint *
tp_touchpoint_copy (const TpTouchpoint *touchpoint)
{
  TpTouchpoint *copy = tp_touchpoint_new (touchpoint->item.id, NULL);

  tp_item_assign (&copy->item, &touchpoint->item);

  return copy;
}

void
tp_touchpoint_free (TpTouchpoint *tp)
{
  if (tp == NULL)
    return;

  _tp_item_clear (&tp->item);
  g_free (tp->stage);
  g_free (tp->name);
  g_free (tp->channel);
  g_free (tp->action);
  g_ptr_array_unref (tp->pains);
  g_ptr_array_unref (tp->opportunities);
  g_free (tp->persona);
  g_ptr_array_unref (tp->actions);
  tp_extras_clear (&tp->mot_extras);
  g_ptr_array_unref (tp->needs);
  g_ptr_array_unref (tp->kpis);
  g_free (tp);
}

gboolean
tp_touchpoint_equal (const TpTouchpoint *a,
                     const TpTouchpoint *b)
{
  return g_strcmp0 (a->item.id, b->item.id) == 0 &&
         tp_extras_equal (&a->item.extras, &b->item.extras) &&
         g_strcmp0 (a->stage, b->stage) == 0 &&
         g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->channel, b->channel) == 0 &&
         g_strcmp0 (a->action, b->action) == 0 &&
         a->emotion == b->emotion &&
         _tp_ptr_array_equal (a->pains, b->pains, str_equal) &&
         _tp_ptr_array_equal (a->opportunities, b->opportunities, str_equal) &&
         g_strcmp0 (a->persona, b->persona) == 0 &&
         a->votes == b->votes &&
         a->moment_of_truth == b->moment_of_truth &&
         a->expectation == b->expectation &&
         a->experience == b->experience &&
         a->impact == b->impact &&
         a->feasibility == b->feasibility &&
         a->strategy == b->strategy &&
         _tp_ptr_array_equal (a->actions, b->actions, (GEqualFunc) tp_action_item_equal) &&
         tp_extras_equal (&a->mot_extras, &b->mot_extras) &&
         _tp_ptr_array_equal (a->needs, b->needs, (GEqualFunc) tp_kano_need_equal) &&
         _tp_ptr_array_equal (a->kpis, b->kpis, (GEqualFunc) tp_kpi_equal);
}

void
tp_touchpoint_set_moment_of_truth (TpTouchpoint *tp,
                                   gboolean      moment_of_truth)
{
  g_return_if_fail (tp != NULL);

  tp->moment_of_truth = !!moment_of_truth;
  if (moment_of_truth)
    return;

  tp->expectation = tp->experience = tp->impact = tp->feasibility = 0;
  tp->strategy = TP_STRATEGY_NONE;
  g_ptr_array_set_size (tp->actions, 0);
  tp_extras_clear (&tp->mot_extras);
}
