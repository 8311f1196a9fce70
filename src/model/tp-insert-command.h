/* tp-insert-command.h: an item enters or leaves the document. */
#pragma once

#include "tp-command.h"
#include "tp-document-private.h"

G_BEGIN_DECLS

/* Inserts item (transfer full) at position when applied. */
TpCommand *tp_insert_command_new (const char       *label,
                                  TpItem           *item,
                                  const TpPosition *position);
/* Removes the item with this id when applied; it must exist when the command is
 * applied, and keeps the removed item to put it back on revert. */
TpCommand *tp_remove_command_new (const char       *label,
                                  const char       *id);

G_END_DECLS
