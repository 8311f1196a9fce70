/* tp-caps-measure.h: how the model learns what a document weighs as a file.
 *
 * The model refuses changes that would pass the caps (model/tp-document-caps.h) but
 * cannot write XML; this gives it the writer's bytes and the loader's element count.
 */
#pragma once

#include "model/tp-document-caps.h"

G_BEGIN_DECLS

/* The size of document as tp_write_bytes() writes it, elements counted as the loader's
 * pre-scan counts them (start tags); with an item, what that item (not in document)
 * adds to a file, at least. */
gboolean tp_caps_measure (TpDocument     *document,
                          const TpItem   *item,
                          TpDocumentSize *size);

/* Makes tp_caps_measure() the model's measuring function unless one is set; the
 * application calls it at startup, and the writer and the Kano import call it too, so
 * no program that edits and saves can miss it. */
void     tp_caps_install (void);

G_END_DECLS
