/* tp-history.c: the undo stack */

#include "config.h"

#include "tp-history.h"
#include "tp-group-command.h"

struct _TpHistory
{
  GPtrArray *steps;      /* (element-type TpCommand) */
  guint      position;   /* number of applied steps */
  guint64    saved;      /* state at the last save */
  guint64    next_serial;
  TpCommand *group;      /* open group, if any */
  guint      group_depth;
};

TpHistory *
tp_history_new (void)
{
  TpHistory *self = g_new0 (TpHistory, 1);

  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) tp_command_free);
  self->next_serial = 1;

  return self;
}

void
tp_history_free (TpHistory *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->steps);
  g_clear_pointer (&self->group, tp_command_free);
  g_free (self);
}

static void
push_step (TpHistory *self,
           TpCommand *command)
{
  TpCommand *top = self->position > 0 ? g_ptr_array_index (self->steps, self->position - 1) : NULL;

  /* A new step forgets the steps that were undone. */
  tp_history_drop_redo (self);

  /* Never merge into the saved step: the saved state must stay reachable by undo. */
  if (top != NULL && top->serial != self->saved && tp_command_merge (top, command))
    {
      tp_command_free (command);
      top->serial = self->next_serial++;
      return;
    }

  command->serial = self->next_serial++;
  g_ptr_array_add (self->steps, command);
  self->position++;
}

void
tp_history_push (TpHistory *self,
                 TpCommand *command)
{
  g_return_if_fail (command != NULL);

  if (self->group != NULL)
    tp_group_command_add (self->group, command);
  else
    push_step (self, command);
}

void
tp_history_begin_group (TpHistory  *self,
                        const char *label)
{
  if (self->group_depth++ == 0)
    self->group = tp_group_command_new (label);
}

gboolean
tp_history_end_group (TpHistory *self)
{
  g_autoptr(TpCommand) group = NULL;

  g_return_val_if_fail (self->group_depth > 0, FALSE);

  if (--self->group_depth > 0)
    return FALSE;

  group = g_steal_pointer (&self->group);

  /* An empty group (a drag that went nowhere) records nothing; a group of one is just
   * that step, which keeps its own label and can still merge with its neighbours. */
  if (tp_group_command_get_length (group) == 1)
    {
      TpCommand *only = tp_group_command_steal_only (group);

      g_free (only->label);
      only->label = g_strdup (group->label);
      push_step (self, only);
    }
  else if (tp_group_command_get_length (group) > 1)
    {
      push_step (self, g_steal_pointer (&group));
    }

  return TRUE;
}

gboolean
tp_history_in_group (TpHistory *self)
{
  return self->group_depth > 0;
}

TpCommand *
tp_history_peek_undo (TpHistory *self)
{
  return self->position > 0 ? g_ptr_array_index (self->steps, self->position - 1) : NULL;
}

TpCommand *
tp_history_peek_redo (TpHistory *self)
{
  return self->position < self->steps->len ? g_ptr_array_index (self->steps, self->position) : NULL;
}

void
tp_history_step_back (TpHistory *self)
{
  g_return_if_fail (self->position > 0);

  self->position--;
}

void
tp_history_step_forward (TpHistory *self)
{
  g_return_if_fail (self->position < self->steps->len);

  self->position++;
}

void
tp_history_drop_redo (TpHistory *self)
{
  if (self->position < self->steps->len)
    g_ptr_array_remove_range (self->steps, self->position, self->steps->len - self->position);
}

guint64
tp_history_get_state (TpHistory *self)
{
  TpCommand *top = tp_history_peek_undo (self);

  return top != NULL ? top->serial : 0;
}

gboolean
tp_history_forget_applied (TpHistory *self,
                           guint64    state)
{
  for (guint i = 0; i < self->position; i++)
    {
      TpCommand *step = g_ptr_array_index (self->steps, i);

      if (step->serial != state)
        continue;
      g_ptr_array_remove_index (self->steps, i);
      self->position--;
      return TRUE;
    }

  return FALSE;
}

guint64
tp_history_get_saved_state (TpHistory *self)
{
  return self->saved;
}

void
tp_history_set_saved_state (TpHistory *self,
                            guint64    state)
{
  self->saved = state;
}

guint
tp_history_get_length (TpHistory *self)
{
  return self->steps->len;
}
