/* tp-document-edits.c: the changes a document offers, each one undoable step
 *
 * Every function here builds commands and hands them to _tp_document_execute(); none
 * touches the document's lists directly, so undo and redo follow the same code paths as
 * the change itself.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tp-document-internal.h"
#include "tp-edit-command.h"
#include "tp-enums.h"
#include "tp-insert-command.h"
#include "tp-move-command.h"

static const char *
insert_new (TpDocument       *self,
            const char       *label,
            TpItem           *item,
            const TpPosition *position)
{
  g_autofree char *id = g_strdup (item->id);
  TpItem *inserted;

  _tp_item_clamp_text (item);
  /* A refused insertion frees the item with its command. */
  if (!_tp_document_execute_checked (self, tp_insert_command_new (label, item, position), NULL, item))
    return NULL;
  inserted = tp_document_lookup (self, id);

  return inserted != NULL ? inserted->id : NULL;
}

static guint
clamp_index (GPtrArray *list,
             guint      index)
{
  return MIN (index, list->len);
}

const char *
tp_document_add_note (TpDocument  *self,
                      TpContainer  container,
                      guint        index,
                      const char  *text)
{
  g_return_val_if_fail (TP_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (container < TP_N_CONTAINERS, NULL);

  return tp_document_insert_note (self, tp_note_new (NULL, text), container, index);
}

const char *
tp_document_insert_note (TpDocument  *self,
                         TpNote      *note,
                         TpContainer  container,
                         guint        index)
{
  TpPosition position = { container, NULL, 0 };

  g_return_val_if_fail (TP_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (note != NULL, NULL);
  g_return_val_if_fail (container < TP_N_CONTAINERS, NULL);

  g_free (note->item.id);
  note->item.id = tp_document_make_id (self, "n");
  position.index = clamp_index (tp_document_get_notes (self, container), index);

  /* A persona that no longer exists must not come back with a pasted note. */
  if (note->persona != NULL && !tp_document_lookup_kind (self, note->persona, TP_ITEM_PERSONA))
    g_clear_pointer (&note->persona, g_free);

  return insert_new (self, _("Add Note"), &note->item, &position);
}

static void
move_to (TpDocument       *self,
         const char       *label,
         const char       *id,
         TpPosition       *to)
{
  TpPosition from = { 0, };

  if (!_tp_document_get_position (self, id, &from))
    return;

  if (from.container != to->container || g_strcmp0 (from.stage, to->stage) != 0 ||
      from.index != to->index)
    _tp_document_execute (self, tp_move_command_new (label, id, &from, to));

  _tp_position_clear (&from);
}

/* Clamps an index for the list the item will be in once it left its current place. */
static guint
clamp_move_index (GPtrArray *list,
                  gpointer   item,
                  guint      index)
{
  guint n = list->len;

  if (g_ptr_array_find (list, item, NULL))
    n--;

  return MIN (index, n);
}

void
tp_document_move_note (TpDocument  *self,
                       const char  *id,
                       TpContainer  container,
                       guint        index)
{
  TpNote *note;
  TpPosition to = { container, NULL, 0 };

  g_return_if_fail (TP_IS_DOCUMENT (self));
  g_return_if_fail (container < TP_N_CONTAINERS);

  note = tp_document_lookup_kind (self, id, TP_ITEM_NOTE);
  g_return_if_fail (note != NULL);

  to.index = clamp_move_index (tp_document_get_notes (self, container), note, index);
  move_to (self, _("Move Note"), id, &to);
}

guint
_tp_first_least_used (const guint *uses,
                      guint        n)
{
  guint best = 0;

  for (guint i = 1; i < n; i++)
    if (uses[i] < uses[best])
      best = i;

  return best;
}

TpStageColour
tp_document_pick_stage_colour (TpDocument *self)
{
  GPtrArray *stages;
  guint uses[TP_N_STAGE_COLOURS] = { 0, };

  g_return_val_if_fail (TP_IS_DOCUMENT (self), TP_STAGE_COLOUR_BLUE);

  stages = tp_document_get_stages (self);
  for (guint i = 0; i < stages->len; i++)
    uses[((TpStage *) g_ptr_array_index (stages, i))->colour % TP_N_STAGE_COLOURS]++;

  /* The first colour no stage has; with every colour taken, the first of the least used,
   * so that neighbours differ as long as the palette allows. */
  return _tp_first_least_used (uses, TP_N_STAGE_COLOURS);
}

const char *
tp_document_add_stage (TpDocument *self,
                       guint       index,
                       const char *name)
{
  TpPosition position = { 0, };
  g_autofree char *id = NULL;
  TpStage *stage;

  g_return_val_if_fail (TP_IS_DOCUMENT (self), NULL);

  id = tp_document_make_id (self, "s");
  position.index = clamp_index (tp_document_get_stages (self), index);
  stage = tp_stage_new (id, name);
  stage->colour = tp_document_pick_stage_colour (self);

  return insert_new (self, _("Add Stage"), (TpItem *) stage, &position);
}

void
tp_document_move_stage (TpDocument *self,
                        const char *id,
                        guint       index)
{
  TpStage *stage;
  TpPosition to = { 0, };

  g_return_if_fail (TP_IS_DOCUMENT (self));

  stage = tp_document_lookup_kind (self, id, TP_ITEM_STAGE);
  g_return_if_fail (stage != NULL);

  to.index = clamp_move_index (tp_document_get_stages (self), stage, index);
  move_to (self, _("Move Stage"), id, &to);
}

const char *
tp_document_add_touchpoint (TpDocument *self,
                            const char *stage_id,
                            guint       index,
                            const char *name)
{
  TpStage *stage;
  TpPosition position = { 0, };
  g_autofree char *id = NULL;

  g_return_val_if_fail (TP_IS_DOCUMENT (self), NULL);

  stage = tp_document_lookup_kind (self, stage_id, TP_ITEM_STAGE);
  g_return_val_if_fail (stage != NULL, NULL);

  id = tp_document_make_id (self, "t");
  position.stage = (char *) stage_id;
  position.index = clamp_index (stage->touchpoints, index);

  return insert_new (self, _("Add Touchpoint"), (TpItem *) tp_touchpoint_new (id, name), &position);
}

void
tp_document_move_touchpoint (TpDocument *self,
                             const char *id,
                             const char *stage_id,
                             guint       index)
{
  TpTouchpoint *touchpoint;
  TpStage *stage;
  TpPosition to = { 0, };

  g_return_if_fail (TP_IS_DOCUMENT (self));

  touchpoint = tp_document_lookup_kind (self, id, TP_ITEM_TOUCHPOINT);
  stage = tp_document_lookup_kind (self, stage_id, TP_ITEM_STAGE);
  g_return_if_fail (touchpoint != NULL && stage != NULL);

  to.stage = g_strdup (stage_id);
  to.index = clamp_move_index (stage->touchpoints, touchpoint, index);
  move_to (self, _("Move Touchpoint"), id, &to);
  _tp_position_clear (&to);
}

const char *
tp_document_add_persona (TpDocument *self,
                         const char *name,
                         TpAccent    accent)
{
  TpPosition position = { 0, };
  g_autofree char *id = NULL;

  g_return_val_if_fail (TP_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (accent < TP_N_ACCENTS, NULL);

  id = tp_document_make_id (self, "p");
  position.index = tp_document_get_personas (self)->len;

  return insert_new (self, _("Add Persona"), (TpItem *) tp_persona_new (id, name, accent), &position);
}

const char *
tp_document_add_link (TpDocument *self,
                      const char *note,
                      const char *touchpoint,
                      const char *label)
{
  TpPosition position = { 0, };
  g_autofree char *id = NULL;

  g_return_val_if_fail (TP_IS_DOCUMENT (self), NULL);

  if (tp_document_lookup_kind (self, note, TP_ITEM_NOTE) == NULL ||
      tp_document_lookup_kind (self, touchpoint, TP_ITEM_TOUCHPOINT) == NULL ||
      tp_document_find_link (self, note, touchpoint) != NULL)
    return NULL;

  id = tp_document_make_id (self, "l");
  position.index = tp_document_get_links (self)->len;

  return insert_new (self, _("Add Link"), (TpItem *) tp_link_new (id, note, touchpoint, label),
                     &position);
}

/* Deleting */

static const char *
delete_label (TpDocument         *self,
              const char * const *ids,
              guint               n_ids)
{
  TpItem *item = n_ids == 1 ? tp_document_lookup (self, ids[0]) : NULL;

  if (item == NULL)
    return _("Delete Items");

  switch (item->kind)
    {
    case TP_ITEM_NOTE:
      return _("Delete Note");
    case TP_ITEM_PERSONA:
      return _("Delete Persona");
    case TP_ITEM_STAGE:
      return _("Delete Stage");
    case TP_ITEM_TOUCHPOINT:
      return _("Delete Touchpoint");
    case TP_ITEM_LINK:
      return _("Delete Link");
    case TP_ITEM_META:
    default:
      return _("Delete Items");
    }
}

static void
add_unique (GPtrArray  *ids,
            const char *id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_str_equal (g_ptr_array_index (ids, i), id))
      return;

  g_ptr_array_add (ids, (gpointer) id);
}

static void
collect_links_of (TpDocument *self,
                  const char *id,
                  GPtrArray  *link_ids)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new ();

  tp_document_collect_links (self, id, links);
  for (guint i = 0; i < links->len; i++)
    add_unique (link_ids, ((TpLink *) g_ptr_array_index (links, i))->item.id);
}

/* Clears references to a persona that is going away, as edits in the same step. */
static void
clear_persona_refs (TpDocument *self,
                    const char *persona,
                    const char *label)
{
  g_autoptr(GPtrArray) referrers = g_ptr_array_new ();

  tp_document_collect_persona_refs (self, persona, referrers);

  for (guint i = 0; i < referrers->len; i++)
    {
      TpItem *item = g_ptr_array_index (referrers, i);
      TpItem *after = tp_item_copy (item);

      if (after->kind == TP_ITEM_NOTE)
        g_clear_pointer (&((TpNote *) after)->persona, g_free);
      else
        g_clear_pointer (&((TpTouchpoint *) after)->persona, g_free);

      _tp_document_execute (self, tp_edit_command_new (label, tp_item_copy (item), after));
    }
}

void
tp_document_delete (TpDocument         *self,
                    const char * const *ids,
                    guint               n_ids)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GPtrArray) personas = g_ptr_array_new ();
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  const char *label;
  guint n_asked = 0;

  g_return_if_fail (TP_IS_DOCUMENT (self));
  g_return_if_fail (ids != NULL || n_ids == 0);

  label = delete_label (self, ids, n_ids);

  /* Work out the whole set first: the links of everything that goes (a stage's
   * touchpoints included), then the items; an item deleted along with its stage is not
   * removed twice. Ids are copied because removal frees the items that own them. */
  for (guint i = 0; i < n_ids; i++)
    {
      TpItem *item = tp_document_lookup (self, ids[i]);

      if (item == NULL || item->kind == TP_ITEM_META)
        continue;

      n_asked++;
      if (item->kind == TP_ITEM_LINK)
        add_unique (links, item->id);
      else if (item->kind == TP_ITEM_PERSONA)
        add_unique (personas, item->id);
      else
        {
          collect_links_of (self, item->id, links);
          if (item->kind == TP_ITEM_STAGE)
            {
              TpStage *stage = (TpStage *) item;

              for (guint t = 0; t < stage->touchpoints->len; t++)
                collect_links_of (self, ((TpItem *) g_ptr_array_index (stage->touchpoints, t))->id, links);
            }
          add_unique (items, item->id);
        }
    }

  if (links->len + items->len + personas->len == 0)
    return;

  tp_document_begin_group (self, label);

  for (guint i = 0; i < links->len; i++)
    g_ptr_array_add (owned, g_strdup (g_ptr_array_index (links, i)));
  for (guint i = 0; i < items->len; i++)
    {
      const char *id = g_ptr_array_index (items, i);
      TpTouchpoint *tp = tp_document_lookup_kind (self, id, TP_ITEM_TOUCHPOINT);

      /* A touchpoint whose stage goes too leaves with the stage. */
      if (tp != NULL && g_ptr_array_find_with_equal_func (items, tp->stage, g_str_equal, NULL))
        continue;
      g_ptr_array_add (owned, g_strdup (id));
    }
  for (guint i = 0; i < personas->len; i++)
    clear_persona_refs (self, g_ptr_array_index (personas, i), label);
  for (guint i = 0; i < personas->len; i++)
    g_ptr_array_add (owned, g_strdup (g_ptr_array_index (personas, i)));

  for (guint i = 0; i < owned->len; i++)
    _tp_document_execute (self, tp_remove_command_new (label, g_ptr_array_index (owned, i)));

  tp_document_end_group (self);

  _tp_document_emit_deleted (self, n_asked, label);
}

/* Field edits */

TpItem *
tp_document_edit_begin (TpDocument *self,
                        const char *id)
{
  TpItem *item;

  g_return_val_if_fail (TP_IS_DOCUMENT (self), NULL);

  item = tp_document_lookup (self, id);
  g_return_val_if_fail (item != NULL, NULL);

  return tp_item_copy (item);
}

gboolean
tp_document_edit_commit (TpDocument *self,
                         TpItem     *copy,
                         const char *label,
                         gboolean    merge)
{
  g_autoptr(TpItem) after = copy;
  const TpItem *fields;
  TpItem *item;
  TpCommand *command;

  g_return_val_if_fail (TP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (copy != NULL, FALSE);

  item = tp_document_lookup (self, copy->id);
  g_return_val_if_fail (item != NULL && item->kind == copy->kind, FALSE);

  /* A link's ends are its identity (no two links join the same pair, and each end must
   * be of its kind): a field edit may change its label, never what it joins. */
  if (item->kind == TP_ITEM_LINK)
    {
      const TpLink *old_link = (const TpLink *) item, *new_link = (const TpLink *) after;

      g_return_val_if_fail (g_strcmp0 (old_link->note, new_link->note) == 0 &&
                            g_strcmp0 (old_link->touchpoint, new_link->touchpoint) == 0, FALSE);
    }

  /* Where an item sits is the business of moves, and applying an edit keeps the item
   * where it is (_tp_document_assign_item()). A copy's container or stage is therefore
   * no change: without this, a commit whose copy differed only there recorded an undo
   * step that did nothing. Found by test-undo-property. */
  if (item->kind == TP_ITEM_NOTE)
    ((TpNote *) after)->container = ((TpNote *) item)->container;
  else if (item->kind == TP_ITEM_TOUCHPOINT)
    _tp_str_assign (&((TpTouchpoint *) after)->stage, ((TpTouchpoint *) item)->stage);

  _tp_item_clamp_text (after);
  if (tp_item_equal (item, after))
    return TRUE;

  /* The command owns the copy from here; the check reads it before anything can free
   * it (a refusal frees the command, a merge the newer command, both afterwards). */
  fields = after;
  command = tp_edit_command_new (label, tp_item_copy (item), g_steal_pointer (&after));
  command->mergeable = merge;
  return _tp_document_execute_checked (self, command, item, fields);
}

/* Groups and history */

void
tp_document_begin_group (TpDocument *self,
                         const char *label)
{
  HistoryFlags before;

  g_return_if_fail (TP_IS_DOCUMENT (self));

  /* Opening a group turns can-undo and can-redo off until it closes, and that must be
   * notified too: end_group() compares against the in-group values, so without it an
   * observer got a can-undo notification that changed nothing and missed can-redo
   * going off (undo, then delete: Redo stayed enabled with nothing to redo). Found by
   * test-undo-property. */
  before = _tp_document_get_history_flags (self);
  tp_history_begin_group (_tp_document_get_history (self), label);
  _tp_document_notify_history_flags (self, before);
}

gboolean
tp_document_end_group (TpDocument *self)
{
  HistoryFlags before;

  g_return_val_if_fail (TP_IS_DOCUMENT (self), FALSE);

  /* While a group is open its steps are not on the stack yet; the flags change when it
   * lands there. */
  before = _tp_document_get_history_flags (self);
  if (tp_history_end_group (_tp_document_get_history (self)))
    {
      _tp_document_set_last_affected (self, tp_history_peek_undo (_tp_document_get_history (self)));
      _tp_document_notify_history_flags (self, before);
      if (_tp_document_exchange_group_grew (self, FALSE))
        return _tp_document_check_closed_group (self);
    }

  return TRUE;
}

gboolean
tp_document_can_undo (TpDocument *self)
{
  g_return_val_if_fail (TP_IS_DOCUMENT (self), FALSE);

  return !tp_history_in_group (_tp_document_get_history (self)) &&
         tp_history_peek_undo (_tp_document_get_history (self)) != NULL;
}

gboolean
tp_document_can_redo (TpDocument *self)
{
  g_return_val_if_fail (TP_IS_DOCUMENT (self), FALSE);

  return !tp_history_in_group (_tp_document_get_history (self)) &&
         tp_history_peek_redo (_tp_document_get_history (self)) != NULL;
}

const char *
tp_document_get_undo_label (TpDocument *self)
{
  TpCommand *command;

  g_return_val_if_fail (TP_IS_DOCUMENT (self), NULL);

  command = tp_history_peek_undo (_tp_document_get_history (self));
  return command != NULL ? command->label : NULL;
}

const char *
tp_document_get_redo_label (TpDocument *self)
{
  TpCommand *command;

  g_return_val_if_fail (TP_IS_DOCUMENT (self), NULL);

  command = tp_history_peek_redo (_tp_document_get_history (self));
  return command != NULL ? command->label : NULL;
}

void
tp_document_undo (TpDocument *self)
{
  TpHistory *history;
  TpCommand *command;
  HistoryFlags before;

  g_return_if_fail (TP_IS_DOCUMENT (self));

  if (!tp_document_can_undo (self))
    return;

  history = _tp_document_get_history (self);
  before = _tp_document_get_history_flags (self);
  command = tp_history_peek_undo (history);
  tp_history_step_back (history);
  tp_command_revert (command, self);
  _tp_document_set_last_affected (self, command);
  _tp_document_notify_history_flags (self, before);
}

void
tp_document_redo (TpDocument *self)
{
  TpHistory *history;
  TpCommand *command;
  HistoryFlags before;

  g_return_if_fail (TP_IS_DOCUMENT (self));

  if (!tp_document_can_redo (self))
    return;

  history = _tp_document_get_history (self);
  before = _tp_document_get_history_flags (self);
  command = tp_history_peek_redo (history);
  tp_history_step_forward (history);
  tp_command_apply (command, self);
  _tp_document_set_last_affected (self, command);
  _tp_document_notify_history_flags (self, before);
}

void
tp_document_undo_discard (TpDocument *self)
{
  HistoryFlags before;

  g_return_if_fail (TP_IS_DOCUMENT (self));

  if (!tp_document_can_undo (self))
    return;

  tp_document_undo (self);
  before = _tp_document_get_history_flags (self);
  tp_history_drop_redo (_tp_document_get_history (self));
  _tp_document_notify_history_flags (self, before);
}

gboolean
_tp_document_forget_step (TpDocument *self,
                          guint64     state)
{
  HistoryFlags before = _tp_document_get_history_flags (self);
  gboolean forgot = tp_history_forget_applied (_tp_document_get_history (self), state);

  _tp_document_notify_history_flags (self, before);
  return forgot;
}

const char * const *
tp_document_get_last_affected (TpDocument *self)
{
  g_return_val_if_fail (TP_IS_DOCUMENT (self), NULL);

  return (const char * const *) _tp_document_get_last_affected (self);
}

gboolean
tp_document_get_modified (TpDocument *self)
{
  TpHistory *history;

  g_return_val_if_fail (TP_IS_DOCUMENT (self), FALSE);

  history = _tp_document_get_history (self);
  return tp_history_get_state (history) != tp_history_get_saved_state (history);
}

guint64
tp_document_get_state (TpDocument *self)
{
  g_return_val_if_fail (TP_IS_DOCUMENT (self), 0);

  return tp_history_get_state (_tp_document_get_history (self));
}

void
tp_document_set_saved_state (TpDocument *self,
                             guint64     state)
{
  HistoryFlags before;

  g_return_if_fail (TP_IS_DOCUMENT (self));

  before = _tp_document_get_history_flags (self);
  tp_history_set_saved_state (_tp_document_get_history (self), state);
  _tp_document_notify_history_flags (self, before);
}

void
tp_document_set_saved (TpDocument *self)
{
  tp_document_set_saved_state (self, tp_document_get_state (self));
}
