/* tp-history.h: a document's undo stack, with the point where it was last saved.
 *
 * "Modified" is derived, never set: the document is modified when the state the history
 * is in is not the saved one. Every step has a serial; the state is the serial of the
 * last applied step (0 at the bottom), so undoing back to the saved point makes the
 * document unmodified again, and a saved point lost to a new branch never comes back.
 */
#pragma once

#include "tp-command.h"

G_BEGIN_DECLS

typedef struct _TpHistory TpHistory;

TpHistory  *tp_history_new             (void);
void        tp_history_free            (TpHistory  *self);

/* Takes an applied command (transfer full): pushes it, merges it into the top step, or
 * adds it to the open group. */
void        tp_history_push            (TpHistory  *self,
                                        TpCommand  *command);
void        tp_history_begin_group     (TpHistory  *self,
                                        const char *label);
/* Returns TRUE when the outermost group closed. */
gboolean    tp_history_end_group       (TpHistory  *self);
gboolean    tp_history_in_group        (TpHistory  *self);

/* The step to revert or re-apply, or NULL; undo and redo move the position after the
 * caller applied it. */
TpCommand  *tp_history_peek_undo       (TpHistory  *self);
TpCommand  *tp_history_peek_redo       (TpHistory  *self);
void        tp_history_step_back       (TpHistory  *self);
void        tp_history_step_forward    (TpHistory  *self);

/* Forgets the steps that were undone (no redo past this point). */
void        tp_history_drop_redo       (TpHistory  *self);
guint64     tp_history_get_state       (TpHistory  *self);
/* Forgets the applied step whose state (serial) is state, wherever it is among the
 * applied steps, without reverting it: for a step whose changes the caller takes over
 * (a dot-voting round lifting its provisional step above edits made beside it). FALSE
 * when no applied step has that state. */
gboolean    tp_history_forget_applied  (TpHistory  *self,
                                        guint64     state);
guint64     tp_history_get_saved_state (TpHistory  *self);
void        tp_history_set_saved_state (TpHistory  *self,
                                        guint64     state);
guint       tp_history_get_length      (TpHistory  *self);

G_END_DECLS
