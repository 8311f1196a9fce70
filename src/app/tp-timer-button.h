/* tp-timer-button.h: the timer in the editor's header (issue 17, "Timebox"). */
#pragma once

#include <gtk/gtk.h>

#include "tp-timebox.h"

G_BEGIN_DECLS

#define TP_TYPE_TIMER_BUTTON (tp_timer_button_get_type ())
G_DECLARE_FINAL_TYPE (TpTimerButton, tp_timer_button, TP, TIMER_BUTTON, GtkWidget)

GtkWidget *tp_timer_button_new          (void);
/* The timebox shown ("timebox" property); the button only watches it: its controls are
 * the window's win.timer-* actions. */
void       tp_timer_button_set_timebox  (TpTimerButton *self,
                                         TpTimebox     *timebox);
TpTimebox *tp_timer_button_get_timebox  (TpTimerButton *self);
/* Opens the popover (Ctrl+T), its first control focused. */
void       tp_timer_button_popup        (TpTimerButton *self);

G_END_DECLS
