/* tp-caps-measure.h: how the model learns what a document weighs as a file.
 *
 * The model refuses changes that would pass the caps (model/tp-document-caps.h) but
 * cannot write XML; this gives it the writer's bytes and the loader's element count.
 */
#pragma once

#include "model/tp-document-caps.h"

G_BEGIN_DECLS

/* The size of document as tp_write_bytes() writes it, elements counted as the loader's
 * pre-scan counts them (start tags). */
gboolean tp_caps_measure (TpDocument     *document,
                          TpDocumentSize *size);

/* Makes tp_caps_measure() the model's measuring function; the application calls it once
 * at startup, and loading and writing call it too so no editing program can miss it. */
void     tp_caps_install (void);

G_END_DECLS
