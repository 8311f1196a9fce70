/* tp-inspector.h: the side panel that edits the fields of the selected items.
 *
 * One note selected: its text, colour, persona, evidence level, dot votes and links
 * (tp-link-rows.h). Several: the fields they share, each change one undo step for all of
 * them, with a mixed state where they differ. A stage, a touchpoint or a link selected
 * last: its own page (tp-stage-page.h, tp-touchpoint-page.h, tp-link-page.h). Nothing
 * selected (or only items without a page yet): the workshop's properties and counts.
 * Every edit is a document command; the panel follows the document's "changed" signal,
 * so undo and redo show in its rows.
 *
 * The panel does not reach the board: it asks its window to reveal an item
 * ("reveal-item") or to start a link from the selection ("start-link").
 */
#pragma once

#include <adwaita.h>

#include "model/tp-document.h"
#include "tp-selection.h"

G_BEGIN_DECLS

#define TP_TYPE_INSPECTOR (tp_inspector_get_type ())
G_DECLARE_FINAL_TYPE (TpInspector, tp_inspector, TP, INSPECTOR, AdwBin)

GtkWidget   *tp_inspector_new           (void);

TpDocument  *tp_inspector_get_document  (TpInspector *self);
void         tp_inspector_set_document  (TpInspector *self,
                                         TpDocument  *document);
/* The window's selection, shared with its board. */
TpSelection *tp_inspector_get_selection (TpInspector *self);
void         tp_inspector_set_selection (TpInspector *self,
                                         TpSelection *selection);

G_END_DECLS
