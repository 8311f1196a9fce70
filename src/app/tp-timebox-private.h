/* tp-timebox-private.h: what tests use to drive a TpTimebox without waiting. */
#pragma once

#include "tp-timebox.h"

G_BEGIN_DECLS

/* Returns the current time in microseconds of a monotonic clock. */
typedef gint64 (*TpTimeboxClock) (gpointer user_data);

/* Replaces g_get_monotonic_time() (NULL puts it back). Set it before starting. */
void     _tp_timebox_set_clock         (TpTimebox      *self,
                                        TpTimeboxClock  clock,
                                        gpointer        user_data);
/* Does what the timeout does when it fires: reads the clock, notifies, finishes at zero,
 * and schedules the next tick. */
void     _tp_timebox_tick              (TpTimebox      *self);
/* In how many milliseconds the scheduled tick fires (measured on the clock when it was
 * scheduled), or 0 when none is scheduled. */
guint    _tp_timebox_get_tick_delay    (TpTimebox      *self);

G_END_DECLS
