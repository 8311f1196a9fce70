/* tp-move-command.h: an item changes place (another index, block or stage). */
#pragma once

#include "tp-command.h"
#include "tp-document-private.h"

G_BEGIN_DECLS

TpCommand *tp_move_command_new (const char       *label,
                                const char       *id,
                                const TpPosition *from,
                                const TpPosition *to);

G_END_DECLS
