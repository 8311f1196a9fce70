/* tp-document-personas.c: the changes that concern personas, each one undoable step
 *
 * Creating one is tp_document_add_persona(), deleting tp_document_delete() (which clears
 * the references in the same step), editing its fields tp_document_edit_commit(); what
 * is here is what personas need beyond those: a colour for a new one, a place in the
 * list, and giving one to notes and touchpoints.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tp-document-internal.h"
#include "tp-edit-command.h"
#include "tp-move-command.h"

TpAccent
tp_document_pick_persona_accent (TpDocument *self)
{
  GPtrArray *personas;
  guint uses[TP_N_ACCENTS] = { 0, };

  g_return_val_if_fail (TP_IS_DOCUMENT (self), TP_ACCENT_BLUE);

  personas = tp_document_get_personas (self);
  for (guint i = 0; i < personas->len; i++)
    uses[((TpPersona *) g_ptr_array_index (personas, i))->accent % TP_N_ACCENTS]++;

  /* The first colour nobody has; with all taken, the first of the least used: personas
   * are told apart by colour on the board. */
  return _tp_first_least_used (uses, TP_N_ACCENTS);
}

void
tp_document_collect_persona_refs (TpDocument *self,
                                  const char *persona,
                                  GPtrArray  *out)
{
  GPtrArray *stages;

  g_return_if_fail (TP_IS_DOCUMENT (self));
  g_return_if_fail (persona != NULL);
  g_return_if_fail (out != NULL);

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      GPtrArray *notes = tp_document_get_notes (self, c);

      for (guint i = 0; i < notes->len; i++)
        if (g_strcmp0 (((TpNote *) g_ptr_array_index (notes, i))->persona, persona) == 0)
          g_ptr_array_add (out, g_ptr_array_index (notes, i));
    }

  stages = tp_document_get_stages (self);
  for (guint s = 0; s < stages->len; s++)
    {
      TpStage *stage = g_ptr_array_index (stages, s);

      for (guint i = 0; i < stage->touchpoints->len; i++)
        if (g_strcmp0 (((TpTouchpoint *) g_ptr_array_index (stage->touchpoints, i))->persona, persona) == 0)
          g_ptr_array_add (out, g_ptr_array_index (stage->touchpoints, i));
    }
}

void
tp_document_move_persona (TpDocument *self,
                          const char *id,
                          guint       index)
{
  TpPosition from = { 0, }, to = { 0, };
  GPtrArray *personas;

  g_return_if_fail (TP_IS_DOCUMENT (self));
  g_return_if_fail (tp_document_lookup_kind (self, id, TP_ITEM_PERSONA) != NULL);

  personas = tp_document_get_personas (self);
  if (!_tp_document_get_position (self, id, &from))
    return;

  /* The index in the list as it is once the persona left its place. */
  to.index = MIN (index, personas->len - 1);
  if (to.index != from.index)
    _tp_document_execute (self, tp_move_command_new (_("Move Persona"), id, &from, &to));

  _tp_position_clear (&from);
}

static const char *
persona_of (TpItem *item)
{
  if (item->kind == TP_ITEM_NOTE)
    return ((TpNote *) item)->persona;
  if (item->kind == TP_ITEM_TOUCHPOINT)
    return ((TpTouchpoint *) item)->persona;
  return NULL;
}

void
tp_document_set_persona (TpDocument         *self,
                         const char * const *ids,
                         guint               n_ids,
                         const char         *persona)
{
  g_return_if_fail (TP_IS_DOCUMENT (self));
  g_return_if_fail (ids != NULL || n_ids == 0);
  g_return_if_fail (persona == NULL || tp_document_lookup_kind (self, persona, TP_ITEM_PERSONA) != NULL);

  tp_document_begin_group (self, _("Set Persona"));

  for (guint i = 0; i < n_ids; i++)
    {
      TpItem *item = tp_document_lookup (self, ids[i]);
      TpItem *copy;
      char **field;

      if (item == NULL || (item->kind != TP_ITEM_NOTE && item->kind != TP_ITEM_TOUCHPOINT))
        continue;

      copy = tp_document_edit_begin (self, ids[i]);
      field = copy->kind == TP_ITEM_NOTE ? &((TpNote *) copy)->persona
                                         : &((TpTouchpoint *) copy)->persona;
      g_free (*field);
      *field = g_strdup (persona);
      tp_document_edit_commit (self, copy, _("Set Persona"), FALSE);
    }

  tp_document_end_group (self);
}

const char *
tp_document_cycle_persona (TpDocument         *self,
                           const char * const *ids,
                           guint               n_ids)
{
  GPtrArray *personas;
  TpItem *first = NULL;
  const char *current;
  const char *next = NULL;
  guint index;

  g_return_val_if_fail (TP_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  for (guint i = 0; i < n_ids && first == NULL; i++)
    {
      TpItem *item = tp_document_lookup (self, ids[i]);

      if (item != NULL && (item->kind == TP_ITEM_NOTE || item->kind == TP_ITEM_TOUCHPOINT))
        first = item;
    }

  personas = tp_document_get_personas (self);
  if (first == NULL || personas->len == 0)
    return NULL;

  /* None, then each persona in the list's order, then none again. A reference to a
   * persona that is gone counts as none, as it reads everywhere. */
  current = persona_of (first);
  if (current != NULL && tp_document_lookup_kind (self, current, TP_ITEM_PERSONA) != NULL &&
      tp_document_get_index (self, current, &index))
    next = index + 1 < personas->len ? ((TpItem *) g_ptr_array_index (personas, index + 1))->id : NULL;
  else
    next = ((TpItem *) g_ptr_array_index (personas, 0))->id;

  tp_document_set_persona (self, ids, n_ids, next);

  return next;
}
