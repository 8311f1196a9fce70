/* tp-edit-command.h: "this item's fields were these, and are now those". */
#pragma once

#include "tp-command.h"
#include "tp-item.h"

G_BEGIN_DECLS

/* Takes ownership of before and after (copies of the same item). */
TpCommand *tp_edit_command_new (const char *label,
                                TpItem     *before,
                                TpItem     *after);

G_END_DECLS
