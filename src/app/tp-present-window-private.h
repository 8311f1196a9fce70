/* tp-present-window-private.h: what the tests and the bench reach inside the
 * presentation. */
#pragma once

#include "tp-present-window.h"

G_BEGIN_DECLS

/* Handles one key press as the window's key controller does; TRUE when it was used.
 * Tests drive the keyboard contract through it without a window manager. */
gboolean  _tp_present_window_key    (TpPresentWindow *self,
                                     guint            keyval,
                                     GdkModifierType  state);
/* Paints what the window shows into a width × height area (black bars around the 16:9
 * step, the words being captured, the blank screen, the spotlight). */
void      _tp_present_window_paint  (TpPresentWindow *self,
                                     cairo_t         *cr,
                                     int              width,
                                     int              height);

G_END_DECLS
