/* tp-persona-page.h: the inspector's page for one persona.
 *
 * Its name, description and colour, its place in the list of personas (the order of
 * pickers and legends), how many notes and touchpoints refer to it, and a button that
 * deletes it, clearing those references in the same undo step. The workshop overview
 * opens it; its back button (signal "done") returns there. Like the other pages, it edits
 * through document commands and follows the document's "changed" signal.
 */
#pragma once

#include <adwaita.h>

#include "model/tp-document.h"

G_BEGIN_DECLS

#define TP_TYPE_PERSONA_PAGE (tp_persona_page_get_type ())
G_DECLARE_FINAL_TYPE (TpPersonaPage, tp_persona_page, TP, PERSONA_PAGE, AdwBin)

GtkWidget  *tp_persona_page_new          (void);
TpDocument *tp_persona_page_get_document (TpPersonaPage *self);
void        tp_persona_page_set_document (TpPersonaPage *self,
                                          TpDocument    *document);
/* The id of the persona shown, or NULL. */
const char *tp_persona_page_get_persona  (TpPersonaPage *self);
void        tp_persona_page_set_persona  (TpPersonaPage *self,
                                          const char    *id);
/* Ready to name it: the name has the keyboard, selected, so that typing replaces it. */
void        tp_persona_page_focus_name   (TpPersonaPage *self);

G_END_DECLS
