/* tp-present-window.h: the workshop presented full screen, step by step (issue 17).
 *
 * Paints the shown step of the document's story (analysis/tp-story.h) with the story's
 * painter, as large as the screen allows at 16:9, and follows the document: every edit,
 * made here or in the editor, rebuilds the story and the presentation stays on the step
 * with the same key. The keys are the facilitator's and a clicker's (see
 * tp-present-window.c); typing on a step that shows a block or a stage captures a note
 * or a touchpoint there, drawn as it is typed so the room sees its words appear.
 *
 * The window only presents; the editor window decides where it goes (the other monitor
 * when there is one) and shows the presenter strip beside it.
 */
#pragma once

#include <gtk/gtk.h>

#include "analysis/tp-story.h"
#include "model/tp-document.h"
#include "tp-timebox.h"

G_BEGIN_DECLS

#define TP_TYPE_PRESENT_WINDOW (tp_present_window_get_type ())
G_DECLARE_FINAL_TYPE (TpPresentWindow, tp_present_window, TP, PRESENT_WINDOW, GtkWindow)

TpPresentWindow *tp_present_window_new            (TpDocument      *document);

TpDocument      *tp_present_window_get_document   (TpPresentWindow *self);
/* The story shown (rebuilt after every edit: do not keep it past a "changed"). */
TpStory         *tp_present_window_get_story      (TpPresentWindow *self);
/* The index of the shown step among the story's shown steps (the "step" property). */
guint            tp_present_window_get_step       (TpPresentWindow *self);
void             tp_present_window_set_step       (TpPresentWindow *self,
                                                   guint            index);
/* The screen is black (B); the "blank" property. */
gboolean         tp_present_window_get_blank      (TpPresentWindow *self);
/* The pointer is a spotlight (Ctrl+L): all but a circle around it is dimmed. */
gboolean         tp_present_window_get_spotlight  (TpPresentWindow *self);
/* The exercise's timer, shown large in the slide's corner while it counts, red at zero
 * (the room's visual cue); NULL for none. The window only watches it. */
void             tp_present_window_set_timebox    (TpPresentWindow *self,
                                                   TpTimebox       *timebox);
TpTimebox       *tp_present_window_get_timebox    (TpPresentWindow *self);
/* The words being captured on this step, or NULL when nothing is being captured. */
const char      *tp_present_window_get_capture    (TpPresentWindow *self);

G_END_DECLS
