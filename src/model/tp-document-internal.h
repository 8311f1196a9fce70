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
/* Like _tp_document_execute() for a change that can make the document bigger, from before
 * (NULL for an insertion) to after: FALSE, nothing done and TpDocument::refused emitted
 * when the result would pass a cap (tp-document-caps.c). */
gboolean     _tp_document_execute_checked      (TpDocument   *self,
                                                TpCommand    *command,
                                                const TpItem *before,
                                                const TpItem *after);
void         _tp_document_emit_refused         (TpDocument   *self,
                                                const GError *error);
/* Sets whether the open group holds a change whose caps check waits for the group's end
 * (tp-document-caps.c), and returns what it was. */
gboolean     _tp_document_exchange_group_grew  (TpDocument   *self,
                                                gboolean      grew);
/* After the outermost group closed: TRUE if it fits the caps, else it is taken back and
 * forgotten, TpDocument::refused emitted and FALSE returned. */
gboolean     _tp_document_check_closed_group   (TpDocument   *self);
/* Cuts every text field of item (and of what it holds: KPIs, needs, actions) to
 * TP_TEXT_MAX characters, what a file may hold (tp-document-caps.c). */
void         _tp_item_clamp_text               (TpItem       *item);
/* While quiet, primitive changes emit no "changed": a change being tried. */
void         _tp_document_set_quiet            (TpDocument   *self,
                                                gboolean      quiet);

G_END_DECLS

G_BEGIN_DECLS
GStrv        _tp_document_get_last_affected    (TpDocument   *self);
G_END_DECLS
