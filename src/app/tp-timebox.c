/* tp-timebox.c: the workshop's timer for an exercise.
 *
 * The count is a deadline on a monotonic clock, not a number of ticks: what is left is
 * always the deadline minus now, so a late or coalesced timeout (a busy main loop, a
 * suspended laptop's wake-up) never makes the timer slow. One timeout at a time is armed
 * for the moment the shown whole second changes, so the header and the presentation
 * update on the second and the main loop does not wake in between.
 */
#include "config.h"

#include "tp-timebox-private.h"

struct _TpTimebox
{
  GObject          parent_instance;

  TpTimeboxState   state;
  guint            duration;
  /* While running: the clock's time at which the count reaches zero. */
  gint64           deadline;
  /* While paused: the microseconds that were left. */
  gint64           left;
  /* The remaining seconds last notified, so notify::remaining fires on a change. */
  guint            shown;

  guint            tick_id;
  guint            tick_delay;

  TpTimeboxClock   clock;
  gpointer         clock_data;
};

G_DEFINE_FINAL_TYPE (TpTimebox, tp_timebox, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (TpTimeboxState, tp_timebox_state,
  G_DEFINE_ENUM_VALUE (TP_TIMEBOX_IDLE, "idle"),
  G_DEFINE_ENUM_VALUE (TP_TIMEBOX_RUNNING, "running"),
  G_DEFINE_ENUM_VALUE (TP_TIMEBOX_PAUSED, "paused"),
  G_DEFINE_ENUM_VALUE (TP_TIMEBOX_FINISHED, "finished"))

enum {
  PROP_0,
  PROP_STATE,
  PROP_REMAINING,
  PROP_DURATION,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void schedule (TpTimebox *self);

static gint64
now (TpTimebox *self)
{
  return self->clock != NULL ? self->clock (self->clock_data) : g_get_monotonic_time ();
}

static gint64
remaining_usec (TpTimebox *self)
{
  switch (self->state)
    {
    case TP_TIMEBOX_RUNNING:
      return MAX (self->deadline - now (self), 0);
    case TP_TIMEBOX_PAUSED:
      return self->left;
    case TP_TIMEBOX_IDLE:
    case TP_TIMEBOX_FINISHED:
    default:
      return 0;
    }
}

/* Rounded up: the last second shows "0:01" until the very end, and the first shows the
 * whole duration ("5:00", never "4:59" at once). */
static guint
usec_to_seconds (gint64 usec)
{
  gint64 seconds = (usec + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC;

  return (guint) CLAMP (seconds, 0, G_MAXUINT);
}

static void
unschedule (TpTimebox *self)
{
  g_clear_handle_id (&self->tick_id, g_source_remove);
  self->tick_delay = 0;
}

/* Reads the clock and tells watchers what changed: the state (from old_state), the
 * seconds left, and "finished" when a running count reached zero. */
static void
update (TpTimebox      *self,
        TpTimeboxState  old_state)
{
  gboolean finished = FALSE;
  guint shown;

  if (self->state == TP_TIMEBOX_RUNNING && remaining_usec (self) == 0)
    {
      self->state = TP_TIMEBOX_FINISHED;
      unschedule (self);
      finished = TRUE;
    }

  shown = usec_to_seconds (remaining_usec (self));
  g_object_ref (self);
  g_object_freeze_notify (G_OBJECT (self));
  if (shown != self->shown || self->state != old_state)
    {
      self->shown = shown;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMAINING]);
    }
  if (self->state != old_state)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  g_object_thaw_notify (G_OBJECT (self));
  /* Last, so that a handler that starts a new count sees everything else settled. */
  if (finished)
    g_signal_emit (self, signals[FINISHED], 0);
  g_object_unref (self);
}

static gboolean
tick_cb (gpointer data)
{
  TpTimebox *self = data;

  self->tick_id = 0;
  _tp_timebox_tick (self);

  return G_SOURCE_REMOVE;
}

/* Arms the timeout for the moment the shown second changes: when what is left falls to
 * the next whole second below it. */
static void
schedule (TpTimebox *self)
{
  gint64 usec, until_change;

  unschedule (self);
  if (self->state != TP_TIMEBOX_RUNNING)
    return;

  usec = remaining_usec (self);
  until_change = usec - (gint64) (usec_to_seconds (usec) - 1) * G_USEC_PER_SEC;
  /* Rounded up to whole milliseconds, so the tick never lands just before the change. */
  self->tick_delay = (guint) MAX ((until_change + 999) / 1000, 1);
  self->tick_id = g_timeout_add_full (G_PRIORITY_DEFAULT, self->tick_delay, tick_cb, self, NULL);
  g_source_set_name_by_id (self->tick_id, "[touchpoint] timebox tick");
}

static void
set_duration (TpTimebox *self,
              guint      duration)
{
  if (self->duration == duration)
    return;
  self->duration = duration;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
}

static void
tp_timebox_dispose (GObject *object)
{
  TpTimebox *self = TP_TIMEBOX (object);

  unschedule (self);

  G_OBJECT_CLASS (tp_timebox_parent_class)->dispose (object);
}

static void
tp_timebox_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TpTimebox *self = TP_TIMEBOX (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_REMAINING:
      g_value_set_uint (value, tp_timebox_get_remaining (self));
      break;
    case PROP_DURATION:
      g_value_set_uint (value, self->duration);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_timebox_class_init (TpTimeboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tp_timebox_dispose;
  object_class->get_property = tp_timebox_get_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       TP_TYPE_TIMEBOX_STATE, TP_TIMEBOX_IDLE,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REMAINING] =
    g_param_spec_uint ("remaining", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DURATION] =
    g_param_spec_uint ("duration", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TpTimebox::finished:
   *
   * A running count reached zero. Emitted once per count; the state is then
   * TP_TIMEBOX_FINISHED.
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tp_timebox_init (TpTimebox *self)
{
  self->state = TP_TIMEBOX_IDLE;
}

TpTimebox *
tp_timebox_new (void)
{
  return g_object_new (TP_TYPE_TIMEBOX, NULL);
}

void
tp_timebox_start (TpTimebox *self,
                  guint      seconds)
{
  TpTimeboxState old_state;

  g_return_if_fail (TP_IS_TIMEBOX (self));
  g_return_if_fail (seconds > 0);

  old_state = self->state;
  self->state = TP_TIMEBOX_RUNNING;
  self->deadline = now (self) + (gint64) seconds * G_USEC_PER_SEC;
  self->left = 0;
  g_object_freeze_notify (G_OBJECT (self));
  set_duration (self, seconds);
  /* A new count of the same length shows the same number: say so all the same. */
  self->shown = G_MAXUINT;
  update (self, old_state);
  g_object_thaw_notify (G_OBJECT (self));
  schedule (self);
}

void
tp_timebox_pause (TpTimebox *self)
{
  g_return_if_fail (TP_IS_TIMEBOX (self));

  if (self->state != TP_TIMEBOX_RUNNING)
    return;

  /* Zero may have passed since the last tick: then this is the end, not a pause. */
  update (self, TP_TIMEBOX_RUNNING);
  if (self->state != TP_TIMEBOX_RUNNING)
    return;

  self->left = remaining_usec (self);
  self->state = TP_TIMEBOX_PAUSED;
  unschedule (self);
  update (self, TP_TIMEBOX_RUNNING);
}

void
tp_timebox_resume (TpTimebox *self)
{
  g_return_if_fail (TP_IS_TIMEBOX (self));

  if (self->state != TP_TIMEBOX_PAUSED)
    return;

  self->deadline = now (self) + self->left;
  self->left = 0;
  self->state = TP_TIMEBOX_RUNNING;
  update (self, TP_TIMEBOX_PAUSED);
  schedule (self);
}

void
tp_timebox_add_seconds (TpTimebox *self,
                        guint      seconds)
{
  TpTimeboxState old_state;
  gint64 usec = (gint64) seconds * G_USEC_PER_SEC;

  g_return_if_fail (TP_IS_TIMEBOX (self));

  if (seconds == 0)
    return;

  old_state = self->state;
  switch (self->state)
    {
    case TP_TIMEBOX_RUNNING:
      self->deadline += usec;
      break;
    case TP_TIMEBOX_PAUSED:
      self->left += usec;
      break;
    case TP_TIMEBOX_FINISHED:
      self->state = TP_TIMEBOX_RUNNING;
      self->deadline = now (self) + usec;
      break;
    case TP_TIMEBOX_IDLE:
    default:
      return;
    }
  g_object_freeze_notify (G_OBJECT (self));
  set_duration (self, self->duration > G_MAXUINT - seconds ? G_MAXUINT : self->duration + seconds);
  update (self, old_state);
  g_object_thaw_notify (G_OBJECT (self));
  schedule (self);
}

void
tp_timebox_cancel (TpTimebox *self)
{
  TpTimeboxState old_state;

  g_return_if_fail (TP_IS_TIMEBOX (self));

  if (self->state == TP_TIMEBOX_IDLE)
    return;

  old_state = self->state;
  self->state = TP_TIMEBOX_IDLE;
  self->left = 0;
  unschedule (self);
  update (self, old_state);
}

TpTimeboxState
tp_timebox_get_state (TpTimebox *self)
{
  g_return_val_if_fail (TP_IS_TIMEBOX (self), TP_TIMEBOX_IDLE);

  return self->state;
}

guint
tp_timebox_get_remaining (TpTimebox *self)
{
  g_return_val_if_fail (TP_IS_TIMEBOX (self), 0);

  return usec_to_seconds (remaining_usec (self));
}

guint
tp_timebox_get_duration (TpTimebox *self)
{
  g_return_val_if_fail (TP_IS_TIMEBOX (self), 0);

  return self->duration;
}

char *
tp_timebox_dup_label (TpTimebox *self)
{
  guint seconds;

  g_return_val_if_fail (TP_IS_TIMEBOX (self), NULL);

  seconds = tp_timebox_get_remaining (self);
  if (seconds >= 3600)
    return g_strdup_printf ("%u:%02u:%02u", seconds / 3600, seconds / 60 % 60, seconds % 60);
  return g_strdup_printf ("%u:%02u", seconds / 60, seconds % 60);
}

void
_tp_timebox_set_clock (TpTimebox      *self,
                       TpTimeboxClock  clock,
                       gpointer        user_data)
{
  g_return_if_fail (TP_IS_TIMEBOX (self));

  self->clock = clock;
  self->clock_data = clock != NULL ? user_data : NULL;
}

void
_tp_timebox_tick (TpTimebox *self)
{
  g_return_if_fail (TP_IS_TIMEBOX (self));

  g_object_ref (self);
  update (self, self->state);
  schedule (self);
  g_object_unref (self);
}

guint
_tp_timebox_get_tick_delay (TpTimebox *self)
{
  g_return_val_if_fail (TP_IS_TIMEBOX (self), 0);

  return self->tick_delay;
}
