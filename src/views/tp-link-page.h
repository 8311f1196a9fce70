/* tp-link-page.h: the inspector's page for one link between a note and a touchpoint.
 *
 * The two ends (each a row that asks for its item to be revealed), the link's label
 * ("delivers") and a button that removes the link. Like the other pages, it edits
 * through document commands and follows the document's "changed" signal.
 */
#pragma once

#include <adwaita.h>

#include "model/tp-document.h"

G_BEGIN_DECLS

#define TP_TYPE_LINK_PAGE (tp_link_page_get_type ())
G_DECLARE_FINAL_TYPE (TpLinkPage, tp_link_page, TP, LINK_PAGE, AdwBin)

GtkWidget  *tp_link_page_new          (void);
TpDocument *tp_link_page_get_document (TpLinkPage *self);
void        tp_link_page_set_document (TpLinkPage *self,
                                       TpDocument *document);
/* The id of the link shown, or NULL. */
const char *tp_link_page_get_link     (TpLinkPage *self);
void        tp_link_page_set_link     (TpLinkPage *self,
                                       const char *id);

G_END_DECLS
