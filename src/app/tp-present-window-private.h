/* tp-present-window-private.h: what the tests and the bench reach inside the
 * presentation. */
#pragma once

#include <adwaita.h>

#include "tp-present-window.h"

G_BEGIN_DECLS

struct _TpPresentWindow
{
  GtkWindow       parent_instance;

  GtkWidget      *area;
  /* Over the step: a refused edit's toast, shown where the facilitator looks (the
   * editor's window behind says it too), one at a time like the editor's. */
  AdwToastOverlay *toasts;
  AdwToast       *refused_toast;
  GtkEventController *keys;
  /* Composes what is typed while capturing (dead keys, compose sequences): only then,
   * so that B and digits stay commands before the first word. */
  GtkIMContext   *im;

  TpDocument     *document;
  TpStory        *story;
  guint           step;
  /* The key and part of the shown step, to find it again when an edit rebuilds the
   * story. */
  char           *step_key;
  guint           step_part;
  guint           rebuild_id;

  gboolean        blank;
  gboolean        spotlight;
  double          pointer_x;
  double          pointer_y;
  gboolean        pointer_inside;

  /* Digits typed so far for a jump, as a number (0: none). */
  guint           number;

  /* The words being captured (NULL: not capturing), and where they go. */
  GString        *capture;
  TpContainer     capture_container;
  char           *capture_stage;

  TpTimebox      *timebox;
};


/* Handles one key press as the window's key controller does; TRUE when it was used.
 * Tests drive the keyboard contract through it without a window manager. */
gboolean  _tp_present_window_key    (TpPresentWindow *self,
                                     guint            keyval,
                                     GdkModifierType  state);
/* Paints what the window shows (tp-present-window-paint.c) into a width × height area (black bars around the 16:9
 * step, the words being captured, the blank screen, the spotlight). */
void      _tp_present_window_paint  (TpPresentWindow *self,
                                     cairo_t         *cr,
                                     int              width,
                                     int              height);

G_END_DECLS
