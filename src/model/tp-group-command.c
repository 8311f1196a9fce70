/* tp-group-command.c: a compound command */

#include "config.h"

#include "tp-group-command.h"

typedef struct
{
  TpCommand  parent;
  GPtrArray *children;
} TpGroupCommand;

static void
group_apply (TpCommand  *command,
             TpDocument *document)
{
  TpGroupCommand *self = (TpGroupCommand *) command;

  for (guint i = 0; i < self->children->len; i++)
    tp_command_apply (g_ptr_array_index (self->children, i), document);
}

static void
group_revert (TpCommand  *command,
              TpDocument *document)
{
  TpGroupCommand *self = (TpGroupCommand *) command;

  for (guint i = self->children->len; i > 0; i--)
    tp_command_revert (g_ptr_array_index (self->children, i - 1), document);
}

static void
group_collect_ids (TpCommand *command,
                   GPtrArray *ids)
{
  TpGroupCommand *self = (TpGroupCommand *) command;

  for (guint i = 0; i < self->children->len; i++)
    tp_command_collect_ids (g_ptr_array_index (self->children, i), ids);
}

static void
group_finalize (TpCommand *command)
{
  g_clear_pointer (&((TpGroupCommand *) command)->children, g_ptr_array_unref);
}

static const TpCommandClass group_class = {
  .apply = group_apply,
  .revert = group_revert,
  .collect_ids = group_collect_ids,
  .finalize = group_finalize,
};

TpCommand *
tp_group_command_new (const char *label)
{
  TpGroupCommand *self = _tp_command_alloc (&group_class, sizeof *self, label);

  self->children = g_ptr_array_new_with_free_func ((GDestroyNotify) tp_command_free);

  return (TpCommand *) self;
}

void
tp_group_command_add (TpCommand *group,
                      TpCommand *command)
{
  TpGroupCommand *self = (TpGroupCommand *) group;
  TpCommand *last;

  g_return_if_fail (group->klass == &group_class);

  /* Consecutive steps of one drag (or of typing) on the same item collapse inside the
   * group whatever their mergeable flag: the group is one step anyway, and a drag over
   * thousands of pointer events must not keep thousands of commands. */
  last = self->children->len > 0 ? g_ptr_array_index (self->children, self->children->len - 1) : NULL;
  if (last != NULL && last->klass == command->klass && last->klass->merge != NULL &&
      g_strcmp0 (last->label, command->label) == 0 && last->klass->merge (last, command))
    tp_command_free (command);
  else
    g_ptr_array_add (self->children, command);
}

guint
tp_group_command_get_length (TpCommand *group)
{
  g_return_val_if_fail (group->klass == &group_class, 0);

  return ((TpGroupCommand *) group)->children->len;
}

TpCommand *
tp_group_command_steal_only (TpCommand *group)
{
  TpGroupCommand *self = (TpGroupCommand *) group;

  g_return_val_if_fail (group->klass == &group_class, NULL);
  g_return_val_if_fail (self->children->len == 1, NULL);

  return g_ptr_array_steal_index (self->children, 0);
}
