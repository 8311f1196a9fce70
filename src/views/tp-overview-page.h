/* tp-overview-page.h: a document's metadata and what it contains.
 *
 * The workshop's title, organisation, facilitator and date as editable rows (every edit
 * an undoable command), its personas (a row each, opening the persona's page through
 * "show-persona", and a button that adds one), and live counts of the document's
 * contents. The inspector shows it while nothing is selected: the workshop itself is
 * then what there is to inspect.
 */
#pragma once

#include <adwaita.h>

#include "model/tp-document.h"

G_BEGIN_DECLS

#define TP_TYPE_OVERVIEW_PAGE (tp_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (TpOverviewPage, tp_overview_page, TP, OVERVIEW_PAGE, AdwBin)

GtkWidget  *tp_overview_page_new          (void);
TpDocument *tp_overview_page_get_document (TpOverviewPage *self);
void        tp_overview_page_set_document (TpOverviewPage *self,
                                           TpDocument     *document);

G_END_DECLS
