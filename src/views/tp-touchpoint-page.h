/* tp-touchpoint-page.h: the inspector's page for one touchpoint.
 *
 * Every field of a touchpoint: name, channel, customer action, persona, emotion (a
 * slider), pain points and opportunities; the moment-of-truth flag with its gap analysis
 * (expectation, experience, impact, feasibility, strategy, action plan); Kano needs and
 * KPIs. Each edit is one command on the document (typing and dragging merge into one
 * step); the page follows the document's "changed" signal, so undo and redo show in its
 * rows, and it never writes the document's own state back as a new command.
 */
#pragma once

#include <adwaita.h>

#include "model/tp-document.h"

G_BEGIN_DECLS

#define TP_TYPE_TOUCHPOINT_PAGE (tp_touchpoint_page_get_type ())
G_DECLARE_FINAL_TYPE (TpTouchpointPage, tp_touchpoint_page, TP, TOUCHPOINT_PAGE, AdwBin)

GtkWidget  *tp_touchpoint_page_new            (void);
TpDocument *tp_touchpoint_page_get_document   (TpTouchpointPage *self);
void        tp_touchpoint_page_set_document   (TpTouchpointPage *self,
                                               TpDocument       *document);
/* The id of the touchpoint shown, or NULL. */
const char *tp_touchpoint_page_get_touchpoint (TpTouchpointPage *self);
void        tp_touchpoint_page_set_touchpoint (TpTouchpointPage *self,
                                               const char       *id);

/* Marks a touchpoint as a moment of truth, or unmarks it, as one undo step ("Mark as
 * Moment of Truth" / "Unmark Moment of Truth"). Unmarking clears the gap analysis
 * and the action plan: a file keeps them only for moments of truth, so keeping them in
 * the document would lose them silently at the next save; undo brings them back. For
 * every way of toggling (the inspector's switch, the board's M key). */
void        tp_touchpoint_page_set_moment_of_truth (TpDocument *document,
                                                    const char *id,
                                                    gboolean    moment_of_truth);

G_END_DECLS
