/* tp-document-story.h: the facilitator's choice of which story steps to hide.
 *
 * The story (analysis/tp-story.h) is computed from the document; which of its steps the
 * facilitator hid belongs to the workshop, so it is kept in the document's metadata,
 * changed by undoable edits and saved with the file.
 */
#pragma once

#include "tp-document.h"

G_BEGIN_DECLS

gboolean  tp_document_get_story_step_hidden (TpDocument *self,
                                             const char *key);
/* One undo step; nothing is recorded when the step already is as asked. */
void      tp_document_set_story_step_hidden (TpDocument *self,
                                             const char *key,
                                             gboolean    hidden);

G_END_DECLS
