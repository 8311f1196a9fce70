/* tp-selection.h: which items the user has selected in a window.
 *
 * View state, kept apart from the document (ARCHITECTURE.md): the board draws it, the
 * inspector edits what it holds, undo and redo restore it. Items are held by id, so a
 * selection never points at freed memory when an item is deleted.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TP_TYPE_SELECTION (tp_selection_get_type ())
G_DECLARE_FINAL_TYPE (TpSelection, tp_selection, TP, SELECTION, GObject)

TpSelection        *tp_selection_new          (void);
/* (transfer none) the ids in the order they were selected; NULL-terminated. */
const char * const *tp_selection_get_ids      (TpSelection        *self);
guint               tp_selection_get_n_items  (TpSelection        *self);
/* The item selected last, which the inspector shows and keyboard moves start from. */
const char         *tp_selection_get_primary  (TpSelection        *self);
gboolean            tp_selection_contains     (TpSelection        *self,
                                               const char         *id);
/* Replaces the selection (ids may be NULL for none). */
void                tp_selection_set          (TpSelection        *self,
                                               const char * const *ids);
void                tp_selection_set_one      (TpSelection        *self,
                                               const char         *id);
void                tp_selection_add          (TpSelection        *self,
                                               const char         *id);
void                tp_selection_remove       (TpSelection        *self,
                                               const char         *id);
void                tp_selection_toggle       (TpSelection        *self,
                                               const char         *id);
void                tp_selection_clear        (TpSelection        *self);

G_END_DECLS
