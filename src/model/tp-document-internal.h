/* tp-document-internal.h: shared between the files of TpDocument only. */
#pragma once

#include "tp-document-private.h"
#include "tp-command.h"
#include "tp-history.h"

G_BEGIN_DECLS

/* The state the history properties were in before a change, to notify only on a real
 * change of each. */
typedef struct
{
  gboolean can_undo;
  gboolean can_redo;
  gboolean modified;
} HistoryFlags;

HistoryFlags _tp_document_get_history_flags    (TpDocument   *self);
void         _tp_document_notify_history_flags (TpDocument   *self,
                                                HistoryFlags  before);
void         _tp_document_set_last_affected    (TpDocument   *self,
                                                TpCommand    *command);
TpHistory   *_tp_document_get_history          (TpDocument   *self);
/* The index of the first of the smallest of n counts: the colour a new stage or persona
 * takes from its palette, given how many others use each. */
guint        _tp_first_least_used              (const guint  *uses,
                                                guint         n);
/* After a delete step: the "deleted" signal. */
void         _tp_document_emit_deleted         (TpDocument   *self,
                                                guint         n_items,
                                                const char   *label);
/* Applies command and records it (transfer full). */
void         _tp_document_execute              (TpDocument   *self,
                                                TpCommand    *command);

G_END_DECLS

G_BEGIN_DECLS
GStrv        _tp_document_get_last_affected    (TpDocument   *self);
G_END_DECLS
