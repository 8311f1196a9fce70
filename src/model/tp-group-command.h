/* tp-group-command.h: several commands that undo and redo as one. */
#pragma once

#include "tp-command.h"

G_BEGIN_DECLS

TpCommand *tp_group_command_new        (const char *label);
/* Appends an already applied command (transfer full). */
void       tp_group_command_add        (TpCommand  *group,
                                        TpCommand  *command);
guint      tp_group_command_get_length (TpCommand  *group);
/* Transfer full: the only command of a one-command group, emptying the group. */
TpCommand *tp_group_command_steal_only (TpCommand  *group);

G_END_DECLS
