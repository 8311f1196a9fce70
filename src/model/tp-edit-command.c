/* tp-edit-command.c: field edits as before/after snapshots of one item
 *
 * Snapshots make one command type serve every field of every kind of item, including
 * the nested lists of a touchpoint (pains, action plan, Kano needs, KPIs).
 */

#include "config.h"

#include "tp-edit-command.h"
#include "tp-document-private.h"
#include "tp-vote-scope.h"

typedef struct
{
  TpCommand  parent;
  TpItem    *before;
  TpItem    *after;
} TpEditCommand;

/* Assigns fields, one of the command's snapshots. An edit that did not change the item's
 * dot votes leaves its votes as they are: a dot-voting round keeps its dots as one step
 * above the edits made beside it (tp-vote-round.c), so an edit undone or redone must not
 * put back the provisional votes its snapshots happened to see. */
static void
assign (TpEditCommand *self,
        TpDocument    *document,
        const TpItem  *fields)
{
  guint votes = tp_vote_get_votes (fields);
  TpItem *current;

  if (tp_vote_get_votes (self->before) == tp_vote_get_votes (self->after) &&
      (current = tp_document_lookup (document, fields->id)) != NULL &&
      tp_vote_get_votes (current) != votes)
    {
      g_autoptr(TpItem) copy = tp_item_copy (fields);

      tp_vote_set_votes (copy, tp_vote_get_votes (current));
      _tp_document_assign_item (document, copy);
      return;
    }

  _tp_document_assign_item (document, fields);
}

static void
edit_apply (TpCommand  *command,
            TpDocument *document)
{
  assign ((TpEditCommand *) command, document, ((TpEditCommand *) command)->after);
}

static void
edit_revert (TpCommand  *command,
             TpDocument *document)
{
  assign ((TpEditCommand *) command, document, ((TpEditCommand *) command)->before);
}

static gboolean
edit_merge (TpCommand *command,
            TpCommand *next_command)
{
  TpEditCommand *self = (TpEditCommand *) command;
  TpEditCommand *next = (TpEditCommand *) next_command;

  if (g_strcmp0 (self->after->id, next->before->id) != 0)
    return FALSE;

  tp_item_free (self->after);
  self->after = g_steal_pointer (&next->after);

  return TRUE;
}

static void
edit_collect_ids (TpCommand *command,
                  GPtrArray *ids)
{
  g_ptr_array_add (ids, g_strdup (((TpEditCommand *) command)->after->id));
}

static void
edit_finalize (TpCommand *command)
{
  TpEditCommand *self = (TpEditCommand *) command;

  g_clear_pointer (&self->before, tp_item_free);
  g_clear_pointer (&self->after, tp_item_free);
}

static const TpCommandClass edit_class = {
  .apply = edit_apply,
  .revert = edit_revert,
  .merge = edit_merge,
  .collect_ids = edit_collect_ids,
  .finalize = edit_finalize,
};

TpCommand *
tp_edit_command_new (const char *label,
                     TpItem     *before,
                     TpItem     *after)
{
  TpEditCommand *self;

  g_return_val_if_fail (before != NULL && after != NULL, NULL);
  g_return_val_if_fail (before->kind == after->kind, NULL);
  g_return_val_if_fail (g_strcmp0 (before->id, after->id) == 0, NULL);

  self = _tp_command_alloc (&edit_class, sizeof *self, label);
  self->before = before;
  self->after = after;

  return (TpCommand *) self;
}
