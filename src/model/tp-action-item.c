/* tp-action-item.c: one row of an action plan */

#include "config.h"

#include "tp-action-item.h"

TpActionItem *
tp_action_item_new (const char     *what,
                    const char     *owner,
                    TpActionStatus  status)
{
  TpActionItem *action = g_new0 (TpActionItem, 1);

  action->what = g_strdup (what ? what : "");
  action->owner = g_strdup (owner ? owner : "");
  action->status = status;

  return action;
}

TpActionItem *
tp_action_item_copy (const TpActionItem *action)
{
  TpActionItem *copy = tp_action_item_new (action->what, action->owner, action->status);

  tp_extras_copy (&copy->extras, &action->extras);

  return copy;
}

void
tp_action_item_free (TpActionItem *action)
{
  if (action == NULL)
    return;

  g_free (action->what);
  g_free (action->owner);
  tp_extras_clear (&action->extras);
  g_free (action);
}

gboolean
tp_action_item_equal (const TpActionItem *a,
                      const TpActionItem *b)
{
  return g_strcmp0 (a->what, b->what) == 0 &&
         g_strcmp0 (a->owner, b->owner) == 0 &&
         a->status == b->status &&
         tp_extras_equal (&a->extras, &b->extras);
}
