/* tp-action-item.h: one row of a moment of truth's action plan. */
#pragma once

#include "tp-extras.h"

G_BEGIN_DECLS

struct _TpActionItem
{
  char           *what;
  char           *owner;
  TpActionStatus  status;
  TpExtras        extras;
};

TpActionItem *tp_action_item_new   (const char     *what,
                                    const char     *owner,
                                    TpActionStatus  status);
TpActionItem *tp_action_item_copy  (const TpActionItem *action);
void          tp_action_item_free  (TpActionItem       *action);
gboolean      tp_action_item_equal (const TpActionItem *a,
                                    const TpActionItem *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpActionItem, tp_action_item_free)

G_END_DECLS
