/* tp-guide-window.h: "Getting Started", the guide a facilitator reads: capturing,
 * journeys, links, scores, finding, presenting and exporting, and what the board's
 * symbols mean. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TP_TYPE_GUIDE_WINDOW (tp_guide_window_get_type ())
G_DECLARE_FINAL_TYPE (TpGuideWindow, tp_guide_window, TP, GUIDE_WINDOW, AdwWindow)

/* Shows the guide beside parent (not modal: it is read while working), reusing the one
 * already open for it. */
void tp_guide_window_present_for (GtkWindow *parent);

G_END_DECLS
