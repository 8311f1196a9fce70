/* tp-presenter-strip.h: the facilitator's view of a presentation on another monitor.
 *
 * Shown in the editor window, at its bottom, while the presentation runs full screen on
 * the projector (issue 17, "Two screens"): the step the room sees and the next one as
 * thumbnails, painted by the same painter as the projector, and the list of steps, where
 * a click shows that step to the room. It only watches the presentation window; every
 * edit made in the editor reaches the projector through the document.
 */
#pragma once

#include <gtk/gtk.h>

#include "tp-present-window.h"

G_BEGIN_DECLS

#define TP_TYPE_PRESENTER_STRIP (tp_presenter_strip_get_type ())
G_DECLARE_FINAL_TYPE (TpPresenterStrip, tp_presenter_strip, TP, PRESENTER_STRIP, GtkBox)

GtkWidget *tp_presenter_strip_new (TpPresentWindow *presentation);

G_END_DECLS
