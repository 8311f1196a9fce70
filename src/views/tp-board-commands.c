/* tp-board-commands.c: the Edit menu's commands on the board's selection: delete,
 * duplicate, cut, copy and paste, and the labels of the board's own multi-item steps.
 *
 * Each command is one undo step, and each leaves a selection and a keyboard focus that
 * let the user go on. Duplicate, cut, copy and paste act on notes; delete acts on
 * whatever is selected, stages and touchpoints too (tp-board-journey.c says where the
 * keyboard goes after them).
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tp-board-private.h"
#include "tp-clipboard.h"

/* Labels */

const char *
_tp_board_step_label (TpBoardStep step,
                      guint       n_notes)
{
  /* In one place, so that every label of the board's steps is found by xgettext. */
  switch (step)
    {
    case TP_BOARD_STEP_MOVE:
      return ngettext ("Move Note", "Move Notes", n_notes);
    case TP_BOARD_STEP_DUPLICATE:
      return ngettext ("Duplicate Note", "Duplicate Notes", n_notes);
    case TP_BOARD_STEP_CUT:
      return ngettext ("Cut Note", "Cut Notes", n_notes);
    case TP_BOARD_STEP_MOVE_TOUCHPOINT:
      return ngettext ("Move Touchpoint", "Move Touchpoints", n_notes);
    case TP_BOARD_STEP_MARK_MOMENT:
      return ngettext ("Mark as Moment of Truth", "Mark as Moments of Truth", n_notes);
    case TP_BOARD_STEP_UNMARK_MOMENT:
      return ngettext ("Unmark Moment of Truth", "Unmark Moments of Truth", n_notes);
    case TP_BOARD_STEP_DELETE_TOUCHPOINTS:
      return ngettext ("Delete Touchpoint", "Delete Touchpoints", n_notes);
    case TP_BOARD_STEP_DELETE_STAGES:
      return ngettext ("Delete Stage", "Delete Stages", n_notes);
    case TP_BOARD_STEP_DELETE_LINKS:
      return ngettext ("Delete Link", "Delete Links", n_notes);
    case TP_BOARD_STEP_PASTE:
    default:
      return ngettext ("Paste Note", "Paste Notes", n_notes);
    }
}

/* The Edit menu: delete, duplicate, cut, copy and paste */

GPtrArray *
_tp_board_dup_targets (TpBoard *self)
{
  GPtrArray *ids = _tp_board_dup_selected_notes (self);

  if (ids->len == 0 && self->focus == TP_BOARD_FOCUS_NOTE && self->document != NULL &&
      tp_document_lookup_kind (self->document, self->focus_note, TP_ITEM_NOTE) != NULL)
    g_ptr_array_add (ids, g_strdup (self->focus_note));

  return ids;
}

void
_tp_board_select_all (TpBoard *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  if (self->document == NULL)
    return;

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      GPtrArray *notes = tp_document_get_notes (self->document, c);

      for (guint i = 0; i < notes->len; i++)
        g_ptr_array_add (ids, ((TpItem *) g_ptr_array_index (notes, i))->id);
    }
  g_ptr_array_add (ids, NULL);

  tp_selection_set (self->selection, (const char * const *) ids->pdata);
}

/* The note to move the focus to once ids are gone: the next one that stays in the
 * block of the last of them, else the one before. */
static char *
dup_neighbour (TpBoard   *self,
               GPtrArray *ids)
{
  const char *last = g_ptr_array_index (ids, ids->len - 1);
  TpNote *note = tp_document_lookup_kind (self->document, last, TP_ITEM_NOTE);
  GPtrArray *notes = tp_document_get_notes (self->document, note->container);
  guint index = 0;

  tp_document_get_index (self->document, last, &index);
  for (guint i = index + 1; i < notes->len; i++)
    {
      const char *id = ((TpItem *) g_ptr_array_index (notes, i))->id;

      if (!g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
        return g_strdup (id);
    }
  for (guint i = index; i > 0; i--)
    {
      const char *id = ((TpItem *) g_ptr_array_index (notes, i - 1))->id;

      if (!g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
        return g_strdup (id);
    }

  return NULL;
}

static void
remove_notes (TpBoard    *self,
              GPtrArray  *ids,
              const char *group_label)
{
  g_autofree char *neighbour = NULL;
  TpContainer container;

  container = ((TpNote *) tp_document_lookup_kind (self->document,
                                                   g_ptr_array_index (ids, ids->len - 1),
                                                   TP_ITEM_NOTE))->container;
  neighbour = dup_neighbour (self, ids);

  if (group_label != NULL)
    tp_document_begin_group (self->document, group_label);
  tp_document_delete (self->document, (const char * const *) ids->pdata, ids->len);
  if (group_label != NULL)
    tp_document_end_group (self->document);

  /* The keyboard stays where the notes were, so Delete can go on deleting. */
  if (neighbour != NULL)
    _tp_board_focus_note (self, neighbour);
  else
    _tp_board_focus_block (self, container);
}

/* Deletes stages and touchpoints (and any notes selected with them) in one step. */
static void
remove_journey_items (TpBoard   *self,
                      GPtrArray *notes,
                      GPtrArray *stages,
                      GPtrArray *touchpoints)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autofree char *neighbour = NULL;
  const char *label = NULL;

  neighbour = _tp_board_dup_journey_neighbour (self, stages->len > 0 ? stages : touchpoints);
  g_ptr_array_extend (all, notes, NULL, NULL);
  g_ptr_array_extend (all, stages, NULL, NULL);
  g_ptr_array_extend (all, touchpoints, NULL, NULL);

  /* The document names a single deletion itself, and several of mixed kinds "Delete
   * Items"; several of one kind are named here. */
  if (notes->len == 0 && stages->len == 0 && touchpoints->len > 1)
    label = _tp_board_step_label (TP_BOARD_STEP_DELETE_TOUCHPOINTS, touchpoints->len);
  else if (notes->len == 0 && touchpoints->len == 0 && stages->len > 1)
    label = _tp_board_step_label (TP_BOARD_STEP_DELETE_STAGES, stages->len);

  if (label != NULL)
    tp_document_begin_group (self->document, label);
  tp_document_delete (self->document, (const char * const *) all->pdata, all->len);
  if (label != NULL)
    tp_document_end_group (self->document);

  /* The keyboard stays where the items were, so Delete can go on deleting: on the next
   * touchpoint, or on the next stage, selected (a stage is deleted only selected). */
  if (neighbour != NULL && stages->len > 0)
    tp_selection_set_one (self->selection, neighbour);
  if (neighbour != NULL)
    _tp_board_focus_item (self, neighbour);
  else
    _tp_board_focus_stage (self, NULL);
}

static void delete_items (TpBoard   *self,
                          GPtrArray *notes,
                          GPtrArray *stages,
                          GPtrArray *touchpoints);

void
_tp_board_delete_selection (TpBoard *self)
{
  g_autoptr(GPtrArray) notes = _tp_board_dup_selected_notes (self);
  g_autoptr(GPtrArray) stages = _tp_board_dup_selected_journey (self, TP_ITEM_STAGE);
  g_autoptr(GPtrArray) touchpoints = _tp_board_dup_selected_journey (self, TP_ITEM_TOUCHPOINT);
  g_autoptr(GPtrArray) links = _tp_board_dup_selected_links (self);

  if (self->document == NULL)
    return;

  /* Selected links go in the same step as whatever else is selected. */
  if (links->len > 0)
    {
      tp_document_begin_group (self->document,
                               _tp_board_step_label (TP_BOARD_STEP_DELETE_LINKS, links->len));
      tp_document_delete (self->document, (const char * const *) links->pdata, links->len);
      if (notes->len > 0 || stages->len > 0 || touchpoints->len > 0)
        delete_items (self, notes, stages, touchpoints);
      tp_document_end_group (self->document);
      return;
    }
  delete_items (self, notes, stages, touchpoints);
}

static void
delete_items (TpBoard   *self,
              GPtrArray *notes,
              GPtrArray *stages,
              GPtrArray *touchpoints)
{
  /* A stage takes its touchpoints along: they are not deleted twice. */
  for (guint i = touchpoints->len; i > 0; i--)
    {
      TpTouchpoint *touchpoint = tp_document_lookup_kind (self->document,
                                                          g_ptr_array_index (touchpoints, i - 1),
                                                          TP_ITEM_TOUCHPOINT);

      if (g_ptr_array_find_with_equal_func (stages, touchpoint->stage, g_str_equal, NULL))
        g_ptr_array_remove_index (touchpoints, i - 1);
    }

  /* Nothing selected: the note or touchpoint under the keyboard. A stage is deleted only
   * when selected: with the keyboard merely on it, it is where touchpoints are added
   * (like a block), and it takes all of them with it. */
  if (notes->len == 0 && stages->len == 0 && touchpoints->len == 0)
    {
      if (self->focus == TP_BOARD_FOCUS_NOTE &&
          tp_document_lookup_kind (self->document, self->focus_note, TP_ITEM_NOTE) != NULL)
        g_ptr_array_add (notes, g_strdup (self->focus_note));
      else if (self->focus == TP_BOARD_FOCUS_TOUCHPOINT &&
               tp_document_lookup_kind (self->document, self->focus_touchpoint,
                                        TP_ITEM_TOUCHPOINT) != NULL)
        g_ptr_array_add (touchpoints, g_strdup (self->focus_touchpoint));
    }

  if (stages->len > 0 || touchpoints->len > 0)
    remove_journey_items (self, notes, stages, touchpoints);
  else if (notes->len > 0)
    remove_notes (self, notes, NULL);
}

void
_tp_board_duplicate_selection (TpBoard *self)
{
  g_autoptr(GPtrArray) ids = _tp_board_dup_targets (self);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_free);

  if (ids->len == 0)
    return;

  tp_document_begin_group (self->document,
                           _tp_board_step_label (TP_BOARD_STEP_DUPLICATE, ids->len));
  for (guint i = 0; i < ids->len; i++)
    {
      TpNote *note = tp_document_lookup_kind (self->document, g_ptr_array_index (ids, i),
                                              TP_ITEM_NOTE);
      guint index = 0;
      const char *id;

      tp_document_get_index (self->document, note->item.id, &index);
      /* Each copy right after its original. */
      id = tp_document_insert_note (self->document, tp_note_copy (note), note->container,
                                    index + 1);
      if (id != NULL)
        g_ptr_array_add (copies, g_strdup (id));
    }
  /* Past the caps the step is taken back whole (the window says so): nothing to select. */
  if (!tp_document_end_group (self->document))
    return;

  g_ptr_array_add (copies, NULL);
  tp_selection_set (self->selection, (const char * const *) copies->pdata);
  if (copies->len > 1)
    tp_board_reveal_item (self, g_ptr_array_index (copies, copies->len - 2));
}

void
_tp_board_copy_selection (TpBoard  *self,
                          gboolean  cut)
{
  g_autoptr(GPtrArray) ids = _tp_board_dup_targets (self);
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();
  g_autoptr(GdkContentProvider) provider = NULL;

  if (ids->len == 0)
    return;

  for (guint i = 0; i < ids->len; i++)
    g_ptr_array_add (notes, tp_document_lookup_kind (self->document, g_ptr_array_index (ids, i),
                                                     TP_ITEM_NOTE));
  provider = tp_clipboard_provider_new (notes);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);

  if (cut)
    remove_notes (self, ids, _tp_board_step_label (TP_BOARD_STEP_CUT, ids->len));
}

/* Adds notes (TpNote, each with the block it came from) where new notes go, else, for
 * notes of our own format, back into their own blocks. */
static void
insert_notes (TpBoard   *self,
              GPtrArray *notes,
              gboolean   from_text)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_free);
  TpContainer container = 0;
  guint index = 0;
  gboolean targeted;

  if (self->document == NULL || notes->len == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  targeted = _tp_board_get_target (self, &container, &index);
  if (!targeted && from_text)
    {
      /* Plain text does not say where it belongs: a block must be chosen first. */
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  tp_document_begin_group (self->document, _tp_board_step_label (TP_BOARD_STEP_PASTE, notes->len));
  for (guint i = 0; i < notes->len; i++)
    {
      TpNote *note = g_ptr_array_index (notes, i);
      const char *id;

      id = tp_document_insert_note (self->document, tp_note_copy (note),
                                    targeted ? container : note->container,
                                    targeted ? index + i : G_MAXUINT);
      if (id != NULL)
        g_ptr_array_add (added, g_strdup (id));
    }
  /* Past the caps the step is taken back whole (the window says so): nothing to select. */
  if (!tp_document_end_group (self->document))
    return;

  if (added->len == 0)
    return;
  g_ptr_array_add (added, NULL);
  tp_selection_set (self->selection, (const char * const *) added->pdata);
  tp_board_reveal_item (self, g_ptr_array_index (added, added->len - 2));
}

void
_tp_board_paste_data (TpBoard    *self,
                      GBytes     *notes,
                      const char *text)
{
  g_autoptr(GPtrArray) parsed = notes != NULL ? tp_clipboard_parse_notes (notes) : NULL;

  if (parsed != NULL)
    insert_notes (self, parsed, FALSE);
  else if (text != NULL)
    {
      g_autoptr(GPtrArray) lines = tp_clipboard_text_to_notes (text);

      insert_notes (self, lines, TRUE);
    }
}

static void
on_clipboard_read (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(TpBoard) self = user_data;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  gboolean from_text = FALSE;

  notes = tp_clipboard_read_finish (GDK_CLIPBOARD (source), result, &from_text, &error);
  if (notes == NULL)
    {
      g_debug ("Nothing to paste: %s", error != NULL ? error->message : "empty clipboard");
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  insert_notes (self, notes, from_text);
}

void
_tp_board_paste (TpBoard *self)
{
  if (self->document == NULL)
    return;

  /* The board is kept alive until the clipboard answers. */
  tp_clipboard_read_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL,
                           on_clipboard_read, g_object_ref (self));
}

/* After undo and redo: what a step touched, selected and in view */

/* What undo or redo can select: notes, stages and touchpoints; a touchpoint whose stage
 * is there too goes with its stage. */
static gboolean
is_selectable (TpBoard            *self,
               const char         *id,
               const char * const *ids)
{
  TpItem *item = tp_document_lookup (self->document, id);

  if (item == NULL)
    return FALSE;
  if (item->kind == TP_ITEM_TOUCHPOINT)
    return ids == NULL || !g_strv_contains (ids, ((TpTouchpoint *) item)->stage);

  return item->kind == TP_ITEM_NOTE || item->kind == TP_ITEM_STAGE;
}

void
tp_board_select_affected (TpBoard            *self,
                          const char * const *ids)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  g_return_if_fail (TP_IS_BOARD (self));

  if (self->document == NULL)
    return;

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (is_selectable (self, ids[i], ids) &&
        !g_ptr_array_find_with_equal_func (items, ids[i], g_str_equal, NULL))
      g_ptr_array_add (items, (gpointer) ids[i]);

  if (items->len == 0)
    {
      /* Nothing the step touched is left to select (it removed items): keep what is
       * left of the selection rather than jumping elsewhere. */
      const char * const *current = tp_selection_get_ids (self->selection);

      for (guint i = 0; current[i] != NULL; i++)
        if (tp_document_lookup (self->document, current[i]) != NULL)
          g_ptr_array_add (items, (gpointer) current[i]);
      g_ptr_array_add (items, NULL);
      {
        g_auto(GStrv) keep = g_strdupv ((char **) items->pdata);

        tp_selection_set (self->selection, (const char * const *) keep);
      }
      return;
    }

  g_ptr_array_add (items, NULL);
  tp_selection_set (self->selection, (const char * const *) items->pdata);
  _tp_board_focus_item (self, g_ptr_array_index (items, items->len - 2));
}

void
tp_board_reveal_item (TpBoard    *self,
                      const char *id)
{
  TpItem *item;

  g_return_if_fail (TP_IS_BOARD (self));

  if (self->document == NULL || id == NULL ||
      (item = tp_document_lookup (self->document, id)) == NULL)
    return;

  _tp_board_ensure_layout (self);
  switch (item->kind)
    {
    case TP_ITEM_NOTE:
      {
        TpNoteInfo info;

        _tp_board_show_note (self, id);
        if (tp_layout_get_note (self->layout, id, &info) && info.visible)
          _tp_board_reveal_rect (self, &info.rect);
      }
      break;

    case TP_ITEM_STAGE:
      {
        TpStageInfo info;

        GPtrArray *stages = tp_document_get_stages (self->document);
        TpRect plus;

        /* Its header: a whole stage is taller than most views. The last one brings the
         * "+" after it along, which is where the journey goes on. */
        if (!tp_layout_get_stage (self->layout, id, &info))
          break;
        if (info.index + 1 == stages->len && _tp_board_get_add_stage_rect (self, &plus))
          info.header.width = plus.x + plus.width - info.header.x;
        _tp_board_reveal_rect (self, &info.header);
      }
      break;

    case TP_ITEM_TOUCHPOINT:
      {
        TpTouchpointInfo info;

        if (tp_layout_get_touchpoint (self->layout, id, &info))
          _tp_board_reveal_rect (self, &info.card);
      }
      break;

    default:
      break;
    }
}
