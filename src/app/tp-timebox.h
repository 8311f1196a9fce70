/* tp-timebox.h: the workshop's timer for an exercise (issue 17, "Timebox").
 *
 * One per application window, shown in the editor's header and large on the
 * presentation; both only watch it. It counts down in whole seconds from a duration
 * the facilitator picks (presets or typed minutes); it can pause, resume, gain a minute
 * and be cancelled. At zero it emits "finished" once (the window plays the sound of the
 * desktop's sound theme and shows the visual cue).
 *
 * GLib only (a monotonic clock and a timeout), so it is tested without a display.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TP_TYPE_TIMEBOX (tp_timebox_get_type ())
G_DECLARE_FINAL_TYPE (TpTimebox, tp_timebox, TP, TIMEBOX, GObject)

typedef enum {
  TP_TIMEBOX_IDLE,      /* nothing set, or cancelled */
  TP_TIMEBOX_RUNNING,
  TP_TIMEBOX_PAUSED,
  TP_TIMEBOX_FINISHED,  /* reached zero; stays until started again or cancelled */
} TpTimeboxState;

#define TP_TYPE_TIMEBOX_STATE (tp_timebox_state_get_type ())
GType           tp_timebox_state_get_type (void) G_GNUC_CONST;

TpTimebox      *tp_timebox_new            (void);
/* Starts counting down from seconds (> 0), replacing any running count. */
void            tp_timebox_start          (TpTimebox *self,
                                           guint      seconds);
void            tp_timebox_pause          (TpTimebox *self);
void            tp_timebox_resume         (TpTimebox *self);
/* More time for a running or paused count; a finished one runs again for seconds ("one
 * more minute" when time is up); nothing when idle. The duration grows by seconds. */
void            tp_timebox_add_seconds    (TpTimebox *self,
                                           guint      seconds);
void            tp_timebox_cancel         (TpTimebox *self);
TpTimeboxState  tp_timebox_get_state      (TpTimebox *self);
/* Seconds left, rounded up (59.2 s left shows 1:00 → "0:60" never appears). */
guint           tp_timebox_get_remaining  (TpTimebox *self);
guint           tp_timebox_get_duration   (TpTimebox *self);
/* "4:59", "12:00", "1:02:03": what the header and the presentation show. */
char           *tp_timebox_dup_label      (TpTimebox *self);

/* Signals: "notify::remaining" each second and on every change of state;
 * "finished" once when the count reaches zero. Properties (read-only): "state",
 * "remaining", "duration" (the seconds set, with the ones added). */

G_END_DECLS
