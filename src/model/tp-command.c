/* tp-command.c: the common part of undoable commands */

#include "config.h"

#include "tp-command.h"

gpointer
_tp_command_alloc (const TpCommandClass *klass,
                   gsize                 size,
                   const char           *label)
{
  TpCommand *self;

  g_assert (size >= sizeof (TpCommand));

  self = g_malloc0 (size);
  self->klass = klass;
  self->label = g_strdup (label);

  return self;
}

void
tp_command_apply (TpCommand  *self,
                  TpDocument *document)
{
  self->klass->apply (self, document);
}

void
tp_command_revert (TpCommand  *self,
                   TpDocument *document)
{
  self->klass->revert (self, document);
}

gboolean
tp_command_merge (TpCommand *self,
                  TpCommand *next)
{
  if (!self->mergeable || !next->mergeable || self->klass != next->klass ||
      self->klass->merge == NULL || g_strcmp0 (self->label, next->label) != 0)
    return FALSE;

  return self->klass->merge (self, next);
}

void
tp_command_collect_ids (TpCommand *self,
                        GPtrArray *ids)
{
  if (self->klass->collect_ids != NULL)
    self->klass->collect_ids (self, ids);
}

void
tp_command_free (TpCommand *self)
{
  if (self == NULL)
    return;

  if (self->klass->finalize != NULL)
    self->klass->finalize (self);
  g_free (self->label);
  g_free (self);
}
