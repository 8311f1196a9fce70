/* tp-document-caps.h: no edit makes a document larger than its file may be.
 *
 * The loader refuses files past the caps of io/tp-caps.h, so an edit that pushed a
 * document past them would make work that can never be saved or reopened. Every change
 * that can make a document bigger (adding an item of any kind, editing an item's fields)
 * goes through one check here before it is recorded; a step of several (a paste, an
 * import, between tp_document_begin_group() and _end_group()) is checked whole when it
 * ends. A refused change leaves the document and its history as they were and emits
 * TpDocument::refused with a message naming the caps; text is cut to TP_TEXT_MAX
 * characters a field where it enters the document.
 *
 * What a file weighs is io's business (the writer's bytes, the loader's element count),
 * and the model knows nothing of XML; so io hands the model a measuring function
 * (tp_caps_install() in io/tp-caps-measure.h). Until one is set, nothing is refused.
 */
#pragma once

#include "tp-document.h"

G_BEGIN_DECLS

#define TP_DOCUMENT_ERROR (tp_document_error_quark ())

typedef enum {
  TP_DOCUMENT_ERROR_FULL,   /* the change would pass a cap of io/tp-caps.h */
} TpDocumentError;

GQuark   tp_document_error_quark (void);

/* The size of a document as a file: what the caps limit. */
typedef struct
{
  gsize bytes;
  guint elements;
} TpDocumentSize;

/* Measures document as it would be written (item NULL), or what item would add to a file
 * at the least as much as it adds to any document (item not NULL). FALSE when it cannot
 * be measured (then nothing is refused). */
typedef gboolean (*TpDocumentMeasureFunc) (TpDocument     *document,
                                           const TpItem   *item,
                                           TpDocumentSize *size);

/* For the whole process: documents are written by one writer. */
void     tp_document_set_measure_func (TpDocumentMeasureFunc func);
TpDocumentMeasureFunc tp_document_get_measure_func (void);

/* Whether a document of this size leaves an edit's slack below the caps; if not, error
 * names the caps. */
gboolean tp_document_size_fits   (const TpDocumentSize *size,
                                  GError              **error);

/* Whether n new notes (empty ones, the least a note can be) still fit, without changing
 * anything: for the UI to refuse up front, before the user types a note that could not
 * be added. The error is the one the refused change would have given. */
gboolean tp_document_can_add_notes (TpDocument  *self,
                                    guint        n,
                                    GError     **error);

/* Measures the document whole and keeps its size for the checks to come, which then
 * keep it up to date through every change at the cost of the items changed: a loader's
 * worker calls it, so that the first keystroke after a load does not measure the whole
 * document on the main thread. FALSE when it cannot be measured. */
gboolean tp_document_measure_size  (TpDocument  *self);
/* The size kept for the checks: an upper bound of the document's size as a file, exact
 * after a measure; FALSE when none is kept (for tests). */
gboolean _tp_document_get_size_bound (TpDocument     *self,
                                      TpDocumentSize *size);

/* Emits TpDocument::refused for a change a view refused up front on the document's word
 * (tp_document_can_add_notes()), so that the window says it as it says every refusal. */
void     tp_document_refuse        (TpDocument   *self,
                                    const GError *error);

G_END_DECLS
