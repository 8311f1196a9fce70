/* test-timebox.c: the workshop's timer, driven by a clock the test moves (issue 17). */

#include "config.h"

#include "app/tp-timebox-private.h"

/* A clock that stands still until the test moves it, and what the timebox said. */
typedef struct {
  gint64     now;
  TpTimebox *timebox;
  guint      remaining_notified;
  guint      state_notified;
  guint      finished;
} Fixture;

static gint64
fake_clock (gpointer data)
{
  Fixture *fixture = data;

  return fixture->now;
}

static void
on_notify_remaining (GObject    *object,
                     GParamSpec *pspec,
                     gpointer    data)
{
  ((Fixture *) data)->remaining_notified++;
}

static void
on_notify_state (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    data)
{
  ((Fixture *) data)->state_notified++;
}

static void
on_finished (TpTimebox *timebox,
             gpointer   data)
{
  Fixture *fixture = data;

  g_assert_cmpint (tp_timebox_get_state (timebox), ==, TP_TIMEBOX_FINISHED);
  fixture->finished++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  /* Far from zero: a monotonic clock's origin is arbitrary. */
  fixture->now = 1000 * G_USEC_PER_SEC;
  fixture->timebox = tp_timebox_new ();
  _tp_timebox_set_clock (fixture->timebox, fake_clock, fixture);
  g_signal_connect (fixture->timebox, "notify::remaining", G_CALLBACK (on_notify_remaining), fixture);
  g_signal_connect (fixture->timebox, "notify::state", G_CALLBACK (on_notify_state), fixture);
  g_signal_connect (fixture->timebox, "finished", G_CALLBACK (on_finished), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->timebox);
}

/* Moves the clock by milliseconds, then lets the timebox see it as its timeout would. */
static void
advance (Fixture *fixture,
         gint64   milliseconds)
{
  fixture->now += milliseconds * 1000;
  _tp_timebox_tick (fixture->timebox);
}

static void
assert_label (TpTimebox  *timebox,
              const char *expected)
{
  g_autofree char *label = tp_timebox_dup_label (timebox);

  g_assert_cmpstr (label, ==, expected);
}

static void
test_idle (Fixture       *fixture,
           gconstpointer  data)
{
  g_assert_cmpint (tp_timebox_get_state (fixture->timebox), ==, TP_TIMEBOX_IDLE);
  g_assert_cmpuint (tp_timebox_get_remaining (fixture->timebox), ==, 0);
  g_assert_cmpuint (tp_timebox_get_duration (fixture->timebox), ==, 0);
  assert_label (fixture->timebox, "0:00");
  g_assert_cmpuint (_tp_timebox_get_tick_delay (fixture->timebox), ==, 0);

  /* Nothing runs: nothing to pause, resume, add to or cancel. */
  tp_timebox_pause (fixture->timebox);
  tp_timebox_resume (fixture->timebox);
  tp_timebox_add_seconds (fixture->timebox, 60);
  tp_timebox_cancel (fixture->timebox);
  g_assert_cmpint (tp_timebox_get_state (fixture->timebox), ==, TP_TIMEBOX_IDLE);
  g_assert_cmpuint (tp_timebox_get_duration (fixture->timebox), ==, 0);
  g_assert_cmpuint (fixture->remaining_notified + fixture->state_notified, ==, 0);
}

/* The count starts at the whole duration and changes on each whole second. */
static void
test_start (Fixture       *fixture,
            gconstpointer  data)
{
  tp_timebox_start (fixture->timebox, 300);
  g_assert_cmpint (tp_timebox_get_state (fixture->timebox), ==, TP_TIMEBOX_RUNNING);
  g_assert_cmpuint (tp_timebox_get_duration (fixture->timebox), ==, 300);
  g_assert_cmpuint (tp_timebox_get_remaining (fixture->timebox), ==, 300);
  assert_label (fixture->timebox, "5:00");
  g_assert_cmpuint (fixture->state_notified, ==, 1);
  g_assert_cmpuint (fixture->remaining_notified, ==, 1);
  g_assert_cmpuint (_tp_timebox_get_tick_delay (fixture->timebox), ==, 1000);

  /* An early wake-up changes nothing, and waits for the rest of the second. */
  advance (fixture, 300);
  assert_label (fixture->timebox, "5:00");
  g_assert_cmpuint (fixture->remaining_notified, ==, 1);
  g_assert_cmpuint (_tp_timebox_get_tick_delay (fixture->timebox), ==, 700);

  advance (fixture, 700);
  assert_label (fixture->timebox, "4:59");
  g_assert_cmpuint (fixture->remaining_notified, ==, 2);
  g_assert_cmpuint (fixture->state_notified, ==, 1);
  g_assert_cmpuint (_tp_timebox_get_tick_delay (fixture->timebox), ==, 1000);

  /* Starting again replaces the count, and says so even at the same number. */
  tp_timebox_start (fixture->timebox, 299);
  assert_label (fixture->timebox, "4:59");
  g_assert_cmpuint (fixture->remaining_notified, ==, 3);
  g_assert_cmpuint (fixture->state_notified, ==, 1);
  g_assert_cmpuint (tp_timebox_get_duration (fixture->timebox), ==, 299);
}

/* Late timeouts do not slow the timer: what is left comes from the deadline. */
static void
test_no_drift (Fixture       *fixture,
               gconstpointer  data)
{
  tp_timebox_start (fixture->timebox, 300);
  for (guint i = 0; i < 10; i++)
    advance (fixture, 1250);
  /* 12.5 s gone: 287.5 s left, shown rounded up. */
  g_assert_cmpuint (tp_timebox_get_remaining (fixture->timebox), ==, 288);
  assert_label (fixture->timebox, "4:48");
  /* The next tick is armed for the change to 287, half a second away. */
  g_assert_cmpuint (_tp_timebox_get_tick_delay (fixture->timebox), ==, 500);
  /* One notification a change of the number, however many ticks there were. */
  g_assert_cmpuint (fixture->remaining_notified, ==, 1 + 10);

  /* A laptop suspended for two minutes wakes to the right count. */
  advance (fixture, 120 * 1000);
  g_assert_cmpuint (tp_timebox_get_remaining (fixture->timebox), ==, 168);
}

static void
test_pause_resume (Fixture       *fixture,
                   gconstpointer  data)
{
  tp_timebox_start (fixture->timebox, 60);
  advance (fixture, 10400);
  tp_timebox_pause (fixture->timebox);
  g_assert_cmpint (tp_timebox_get_state (fixture->timebox), ==, TP_TIMEBOX_PAUSED);
  g_assert_cmpuint (tp_timebox_get_remaining (fixture->timebox), ==, 50);
  g_assert_cmpuint (fixture->state_notified, ==, 2);
  g_assert_cmpuint (_tp_timebox_get_tick_delay (fixture->timebox), ==, 0);

  /* Time passes, the count does not. */
  advance (fixture, 100 * 1000);
  g_assert_cmpuint (tp_timebox_get_remaining (fixture->timebox), ==, 50);
  assert_label (fixture->timebox, "0:50");
  tp_timebox_pause (fixture->timebox);
  g_assert_cmpuint (fixture->state_notified, ==, 2);

  /* It goes on from the 49.6 s that were left. */
  tp_timebox_resume (fixture->timebox);
  g_assert_cmpint (tp_timebox_get_state (fixture->timebox), ==, TP_TIMEBOX_RUNNING);
  g_assert_cmpuint (fixture->state_notified, ==, 3);
  g_assert_cmpuint (_tp_timebox_get_tick_delay (fixture->timebox), ==, 600);
  advance (fixture, 600);
  g_assert_cmpuint (tp_timebox_get_remaining (fixture->timebox), ==, 49);
  tp_timebox_resume (fixture->timebox);
  g_assert_cmpuint (fixture->state_notified, ==, 3);

  advance (fixture, 48999);
  g_assert_cmpuint (tp_timebox_get_remaining (fixture->timebox), ==, 1);
  g_assert_cmpuint (fixture->finished, ==, 0);
  advance (fixture, 1);
  g_assert_cmpuint (fixture->finished, ==, 1);
  g_assert_cmpuint (tp_timebox_get_duration (fixture->timebox), ==, 60);
}

/* A minute more: running, paused, and after time is up. */
static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  tp_timebox_start (fixture->timebox, 180);
  advance (fixture, 30 * 1000);
  tp_timebox_add_seconds (fixture->timebox, 60);
  g_assert_cmpuint (tp_timebox_get_remaining (fixture->timebox), ==, 210);
  g_assert_cmpuint (tp_timebox_get_duration (fixture->timebox), ==, 240);
  assert_label (fixture->timebox, "3:30");

  tp_timebox_pause (fixture->timebox);
  tp_timebox_add_seconds (fixture->timebox, 60);
  g_assert_cmpint (tp_timebox_get_state (fixture->timebox), ==, TP_TIMEBOX_PAUSED);
  g_assert_cmpuint (tp_timebox_get_remaining (fixture->timebox), ==, 270);
  g_assert_cmpuint (tp_timebox_get_duration (fixture->timebox), ==, 300);

  tp_timebox_resume (fixture->timebox);
  advance (fixture, 270 * 1000);
  g_assert_cmpint (tp_timebox_get_state (fixture->timebox), ==, TP_TIMEBOX_FINISHED);
  g_assert_cmpuint (fixture->finished, ==, 1);

  tp_timebox_add_seconds (fixture->timebox, 60);
  g_assert_cmpint (tp_timebox_get_state (fixture->timebox), ==, TP_TIMEBOX_RUNNING);
  g_assert_cmpuint (tp_timebox_get_remaining (fixture->timebox), ==, 60);
  assert_label (fixture->timebox, "1:00");
  advance (fixture, 60 * 1000);
  g_assert_cmpuint (fixture->finished, ==, 2);

  /* Nothing to add to once cancelled. */
  tp_timebox_cancel (fixture->timebox);
  tp_timebox_add_seconds (fixture->timebox, 60);
  g_assert_cmpint (tp_timebox_get_state (fixture->timebox), ==, TP_TIMEBOX_IDLE);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  tp_timebox_start (fixture->timebox, 60);
  advance (fixture, 5000);
  tp_timebox_cancel (fixture->timebox);
  g_assert_cmpint (tp_timebox_get_state (fixture->timebox), ==, TP_TIMEBOX_IDLE);
  g_assert_cmpuint (tp_timebox_get_remaining (fixture->timebox), ==, 0);
  assert_label (fixture->timebox, "0:00");
  g_assert_cmpuint (_tp_timebox_get_tick_delay (fixture->timebox), ==, 0);
  g_assert_cmpuint (fixture->state_notified, ==, 2);

  /* The deadline passes: nothing happens. */
  advance (fixture, 120 * 1000);
  g_assert_cmpuint (fixture->finished, ==, 0);
  g_assert_cmpint (tp_timebox_get_state (fixture->timebox), ==, TP_TIMEBOX_IDLE);

  /* A paused count is cancelled just as well. */
  tp_timebox_start (fixture->timebox, 60);
  tp_timebox_pause (fixture->timebox);
  tp_timebox_cancel (fixture->timebox);
  g_assert_cmpint (tp_timebox_get_state (fixture->timebox), ==, TP_TIMEBOX_IDLE);
  tp_timebox_resume (fixture->timebox);
  g_assert_cmpint (tp_timebox_get_state (fixture->timebox), ==, TP_TIMEBOX_IDLE);
}

/* Zero is reached once: "finished" once, the state stays until something else starts. */
static void
test_finished_once (Fixture       *fixture,
                    gconstpointer  data)
{
  tp_timebox_start (fixture->timebox, 3);
  advance (fixture, 2001);
  assert_label (fixture->timebox, "0:01");
  advance (fixture, 5000);
  g_assert_cmpuint (fixture->finished, ==, 1);
  g_assert_cmpint (tp_timebox_get_state (fixture->timebox), ==, TP_TIMEBOX_FINISHED);
  g_assert_cmpuint (tp_timebox_get_remaining (fixture->timebox), ==, 0);
  assert_label (fixture->timebox, "0:00");
  g_assert_cmpuint (_tp_timebox_get_tick_delay (fixture->timebox), ==, 0);

  advance (fixture, 1000);
  tp_timebox_pause (fixture->timebox);
  tp_timebox_resume (fixture->timebox);
  g_assert_cmpuint (fixture->finished, ==, 1);
  g_assert_cmpint (tp_timebox_get_state (fixture->timebox), ==, TP_TIMEBOX_FINISHED);

  /* Cancelling acknowledges it. */
  tp_timebox_cancel (fixture->timebox);
  g_assert_cmpint (tp_timebox_get_state (fixture->timebox), ==, TP_TIMEBOX_IDLE);
  g_assert_cmpuint (fixture->finished, ==, 1);
}

/* Zero passed while no tick came (a busy main loop): pausing then finishes instead. */
static void
test_pause_after_zero (Fixture       *fixture,
                       gconstpointer  data)
{
  tp_timebox_start (fixture->timebox, 2);
  fixture->now += 3 * G_USEC_PER_SEC;
  g_assert_cmpuint (tp_timebox_get_remaining (fixture->timebox), ==, 0);
  tp_timebox_pause (fixture->timebox);
  g_assert_cmpint (tp_timebox_get_state (fixture->timebox), ==, TP_TIMEBOX_FINISHED);
  g_assert_cmpuint (fixture->finished, ==, 1);
  _tp_timebox_tick (fixture->timebox);
  g_assert_cmpuint (fixture->finished, ==, 1);
}

static void
test_labels (void)
{
  static const struct {
    guint       seconds;
    const char *label;
  } cases[] = {
    { 1, "0:01" },
    { 59, "0:59" },
    { 60, "1:00" },
    { 299, "4:59" },
    { 720, "12:00" },
    { 3599, "59:59" },
    { 3600, "1:00:00" },
    { 3723, "1:02:03" },
    { 36000, "10:00:00" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Fixture fixture = { 0 };

      fixture_set_up (&fixture, NULL);
      tp_timebox_start (fixture.timebox, cases[i].seconds);
      assert_label (fixture.timebox, cases[i].label);
      /* 0.2 s in, still the whole number (rounded up), never "0:60". */
      advance (&fixture, 200);
      assert_label (fixture.timebox, cases[i].label);
      fixture_tear_down (&fixture, NULL);
    }
}

/* The property says the same as the getter. */
static void
test_properties (Fixture       *fixture,
                 gconstpointer  data)
{
  TpTimeboxState state;
  guint remaining, duration;

  tp_timebox_start (fixture->timebox, 90);
  tp_timebox_pause (fixture->timebox);
  g_object_get (fixture->timebox, "state", &state, "remaining", &remaining,
                "duration", &duration, NULL);
  g_assert_cmpint (state, ==, TP_TIMEBOX_PAUSED);
  g_assert_cmpuint (remaining, ==, 90);
  g_assert_cmpuint (duration, ==, 90);
}

static void
on_real_finished (TpTimebox *timebox,
                  gpointer   data)
{
  g_main_loop_quit (data);
}

static gboolean
on_too_long (gpointer data)
{
  g_error ("the timebox's timeout did not fire");
  return G_SOURCE_REMOVE;
}

/* With the real clock and main loop, the armed timeout does reach zero. (How long it
 * took is not asserted: only that it ends, within a bound meant for hung loops.) */
static void
test_real_clock (void)
{
  g_autoptr(TpTimebox) timebox = tp_timebox_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  guint guard;

  g_signal_connect (timebox, "finished", G_CALLBACK (on_real_finished), loop);
  guard = g_timeout_add_seconds (60, on_too_long, NULL);
  tp_timebox_start (timebox, 1);
  g_main_loop_run (loop);
  g_source_remove (guard);
  g_assert_cmpint (tp_timebox_get_state (timebox), ==, TP_TIMEBOX_FINISHED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/touchpoint/timebox/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("idle", test_idle);
  ADD ("start", test_start);
  ADD ("no-drift", test_no_drift);
  ADD ("pause-resume", test_pause_resume);
  ADD ("add", test_add);
  ADD ("cancel", test_cancel);
  ADD ("finished-once", test_finished_once);
  ADD ("pause-after-zero", test_pause_after_zero);
  ADD ("properties", test_properties);
#undef ADD
  g_test_add_func ("/touchpoint/timebox/labels", test_labels);
  g_test_add_func ("/touchpoint/timebox/real-clock", test_real_clock);

  return g_test_run ();
}
