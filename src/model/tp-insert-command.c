/* tp-insert-command.c: insertion and removal, one the other's inverse
 *
 * The item is owned by the command whenever it is not in the document, so undo and redo
 * move the very same item in and out, with its id and, for a stage, its touchpoints.
 */

#include "config.h"

#include "tp-insert-command.h"

typedef struct
{
  TpCommand   parent;
  gboolean    removes;
  char       *id;
  TpItem     *item;      /* owned while out of the document */
  TpPosition  position;
} TpInsertCommand;

static void
put_in (TpInsertCommand *self,
        TpDocument      *document)
{
  _tp_document_insert_item (document, g_steal_pointer (&self->item), &self->position);
}

static void
take_out (TpInsertCommand *self,
          TpDocument      *document)
{
  _tp_position_clear (&self->position);
  self->item = _tp_document_remove_item (document, self->id, &self->position);
  g_assert (self->item != NULL);
}

static void
insert_apply (TpCommand  *command,
              TpDocument *document)
{
  TpInsertCommand *self = (TpInsertCommand *) command;

  if (self->removes)
    take_out (self, document);
  else
    put_in (self, document);
}

static void
insert_revert (TpCommand  *command,
               TpDocument *document)
{
  TpInsertCommand *self = (TpInsertCommand *) command;

  if (self->removes)
    put_in (self, document);
  else
    take_out (self, document);
}

static void
insert_collect_ids (TpCommand *command,
                    GPtrArray *ids)
{
  g_ptr_array_add (ids, g_strdup (((TpInsertCommand *) command)->id));
}

static void
insert_finalize (TpCommand *command)
{
  TpInsertCommand *self = (TpInsertCommand *) command;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->item, tp_item_free);
  _tp_position_clear (&self->position);
}

static const TpCommandClass insert_class = {
  .apply = insert_apply,
  .revert = insert_revert,
  .collect_ids = insert_collect_ids,
  .finalize = insert_finalize,
};

TpCommand *
tp_insert_command_new (const char       *label,
                       TpItem           *item,
                       const TpPosition *position)
{
  TpInsertCommand *self;

  g_return_val_if_fail (item != NULL && item->id != NULL, NULL);

  self = _tp_command_alloc (&insert_class, sizeof *self, label);
  self->id = g_strdup (item->id);
  self->item = item;
  _tp_position_copy (&self->position, position);

  return (TpCommand *) self;
}

TpCommand *
tp_remove_command_new (const char *label,
                       const char *id)
{
  TpInsertCommand *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = _tp_command_alloc (&insert_class, sizeof *self, label);
  self->removes = TRUE;
  self->id = g_strdup (id);

  return (TpCommand *) self;
}
