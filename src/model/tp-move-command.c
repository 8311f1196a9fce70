/* tp-move-command.c: moving an item within or between lists */

#include "config.h"

#include "tp-move-command.h"

typedef struct
{
  TpCommand   parent;
  char       *id;
  TpPosition  from;
  TpPosition  to;
} TpMoveCommand;

static void
move_apply (TpCommand  *command,
            TpDocument *document)
{
  TpMoveCommand *self = (TpMoveCommand *) command;

  _tp_document_move_item (document, self->id, &self->to);
}

static void
move_revert (TpCommand  *command,
             TpDocument *document)
{
  TpMoveCommand *self = (TpMoveCommand *) command;

  _tp_document_move_item (document, self->id, &self->from);
}

/* While a drag lasts, each step of the pointer is a move: one undo step for all. */
static gboolean
move_merge (TpCommand *command,
            TpCommand *next_command)
{
  TpMoveCommand *self = (TpMoveCommand *) command;
  TpMoveCommand *next = (TpMoveCommand *) next_command;

  if (g_strcmp0 (self->id, next->id) != 0)
    return FALSE;

  _tp_position_copy (&self->to, &next->to);

  return TRUE;
}

static void
move_collect_ids (TpCommand *command,
                  GPtrArray *ids)
{
  g_ptr_array_add (ids, g_strdup (((TpMoveCommand *) command)->id));
}

static void
move_finalize (TpCommand *command)
{
  TpMoveCommand *self = (TpMoveCommand *) command;

  g_clear_pointer (&self->id, g_free);
  _tp_position_clear (&self->from);
  _tp_position_clear (&self->to);
}

static const TpCommandClass move_class = {
  .apply = move_apply,
  .revert = move_revert,
  .merge = move_merge,
  .collect_ids = move_collect_ids,
  .finalize = move_finalize,
};

TpCommand *
tp_move_command_new (const char       *label,
                     const char       *id,
                     const TpPosition *from,
                     const TpPosition *to)
{
  TpMoveCommand *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = _tp_command_alloc (&move_class, sizeof *self, label);
  self->id = g_strdup (id);
  _tp_position_copy (&self->from, from);
  _tp_position_copy (&self->to, to);

  return (TpCommand *) self;
}
