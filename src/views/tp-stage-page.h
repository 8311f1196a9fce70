/* tp-stage-page.h: the inspector's page for one stage of the journey.
 *
 * The stage's name, its job to be done ("When …, I want to …, so I can …"), its KPIs and
 * how many touchpoints it holds, and a button that deletes it with its touchpoints and
 * their links in one undo step. Like the touchpoint page, it edits through document
 * commands and follows the document's "changed" signal.
 */
#pragma once

#include <adwaita.h>

#include "model/tp-document.h"

G_BEGIN_DECLS

#define TP_TYPE_STAGE_PAGE (tp_stage_page_get_type ())
G_DECLARE_FINAL_TYPE (TpStagePage, tp_stage_page, TP, STAGE_PAGE, AdwBin)

GtkWidget  *tp_stage_page_new          (void);
TpDocument *tp_stage_page_get_document (TpStagePage *self);
void        tp_stage_page_set_document (TpStagePage *self,
                                        TpDocument  *document);
/* The id of the stage shown, or NULL. */
const char *tp_stage_page_get_stage    (TpStagePage *self);
void        tp_stage_page_set_stage    (TpStagePage *self,
                                        const char  *id);

G_END_DECLS
