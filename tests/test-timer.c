/* test-timer.c: the header's timer: Ctrl+T, its popover's presets, typed minutes,
 * pause, a minute more and stop through the win.timer-* actions, and the cue at zero,
 * with the window's timebox on a clock the test moves (issue 17). */

#include "config.h"

#include <adwaita.h>

#include "app/tp-timebox-private.h"
#include "app/tp-timer-button.h"
#include "app/tp-window-private.h"
#include "tp-test-display.h"

static char *tmp_dir;
static gint64 fake_now = G_GINT64_CONSTANT (5000) * G_USEC_PER_SEC;

static gint64
fake_clock (gpointer data)
{
  return fake_now;
}

static void
advance (TpTimebox *timebox,
         gint64     milliseconds)
{
  fake_now += milliseconds * 1000;
  _tp_timebox_tick (timebox);
  tp_test_flush_events ();
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
is_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

/* The first descendant of root (the root included) that match accepts, depth first. */
typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find (GtkWidget     *root,
      Match          match,
      gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_label (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

static gboolean
is_header_label (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "tp-timer-label") &&
         !gtk_widget_has_css_class (widget, "title-1");
}

static gboolean
has_text (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), data) == 0;
}

/* A toast on screen (AdwToastWidget's node is "toast") saying data. */
static gboolean
is_shown_toast (GtkWidget     *widget,
                gconstpointer  data)
{
  return g_strcmp0 (gtk_widget_get_css_name (widget), "toast") == 0 &&
         gtk_widget_get_visible (widget) && find (widget, has_text, data) != NULL;
}

static void
click (GtkWidget *root,
       const char *label)
{
  GtkWidget *button = find (root, has_label, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  /* "clicked" itself: activating a button clicks it only after a short press shown. */
  g_signal_emit_by_name (button, "clicked");
  tp_test_flush_events ();
}

static void
assert_header (GtkWidget  *timer_button,
               const char *expected)
{
  GtkWidget *label = find (timer_button, is_header_label, NULL);

  g_assert_nonnull (label);
  if (expected == NULL)
    g_assert_false (gtk_widget_get_visible (label));
  else
    {
      g_assert_true (gtk_widget_get_visible (label));
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, expected);
    }
}

static void
test_popover (void)
{
  TpWindow *window = g_object_ref (tp_window_new (NULL));
  GtkWidget *timer_button, *menu_button, *popover, *stack, *spin;
  TpTimebox *timebox;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  tp_window_new_workshop (window);
  gtk_window_present (GTK_WINDOW (window));
  tp_test_flush_events ();

  timebox = tp_window_get_timebox (window);
  g_assert_true (TP_IS_TIMEBOX (timebox));
  timer_button = window->timer_button;
  g_assert_true (tp_timer_button_get_timebox (TP_TIMER_BUTTON (timer_button)) == timebox);
  _tp_timebox_set_clock (timebox, fake_clock, NULL);
  menu_button = find (timer_button, (Match) is_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON));
  popover = find (timer_button, (Match) is_type, GSIZE_TO_POINTER (GTK_TYPE_POPOVER));
  stack = find (timer_button, (Match) is_type, GSIZE_TO_POINTER (GTK_TYPE_STACK));
  spin = find (timer_button, (Match) is_type, GSIZE_TO_POINTER (GTK_TYPE_SPIN_BUTTON));
  g_assert_nonnull (menu_button);
  g_assert_nonnull (popover);

  /* Idle: an icon, nothing to pause or stop. */
  assert_header (timer_button, NULL);
  g_assert_true (gtk_widget_get_mapped (menu_button));
  g_assert_false (gtk_widget_is_sensitive (find (timer_button, has_label, "S_top")));

  /* Ctrl+T opens the presets, the first one focused for the keyboard. */
  tp_test_press_shortcut (window, GDK_KEY_t, GDK_CONTROL_MASK);
  tp_test_wait_until (is_mapped, popover, "the timer's popover to open");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "setup");
  g_assert_true (gtk_widget_has_focus (find (timer_button, has_label, "1 min")));

  /* A preset starts the count and closes the popover. */
  click (timer_button, "3 min");
  g_assert_cmpint (tp_timebox_get_state (timebox), ==, TP_TIMEBOX_RUNNING);
  g_assert_cmpuint (tp_timebox_get_duration (timebox), ==, 180);
  tp_test_wait_until (is_unmapped, popover, "the timer's popover to close");
  assert_header (timer_button, "3:00");
  g_assert_true (gtk_widget_has_css_class (menu_button, "tp-timer-running"));
  advance (timebox, 1500);
  assert_header (timer_button, "2:59");

  /* Typed minutes replace it. */
  tp_test_press_shortcut (window, GDK_KEY_t, GDK_CONTROL_MASK);
  tp_test_wait_until (is_mapped, popover, "the timer's popover to open");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "running");
  click (timer_button, "S_top");
  g_assert_cmpint (tp_timebox_get_state (timebox), ==, TP_TIMEBOX_IDLE);
  assert_header (timer_button, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "setup");
  /* Typed, then Return in the field (no need to reach for Start). */
  gtk_editable_set_text (GTK_EDITABLE (spin), "7");
  tp_test_press_shortcut (spin, GDK_KEY_Return, 0);
  g_assert_cmpuint (tp_timebox_get_duration (timebox), ==, 7 * 60);
  assert_header (timer_button, "7:00");

  /* Pause, a minute more, resume: the popover's buttons, named after what they do. */
  tp_test_press_shortcut (window, GDK_KEY_t, GDK_CONTROL_MASK);
  tp_test_wait_until (is_mapped, popover, "the timer's popover to open");
  g_assert_true (gtk_widget_has_focus (find (timer_button, has_label, "_Pause")));
  click (timer_button, "_Pause");
  g_assert_cmpint (tp_timebox_get_state (timebox), ==, TP_TIMEBOX_PAUSED);
  g_assert_true (gtk_widget_has_css_class (menu_button, "tp-timer-paused"));
  advance (timebox, 30 * 1000);
  assert_header (timer_button, "7:00");
  click (timer_button, "+1 min");
  assert_header (timer_button, "8:00");
  click (timer_button, "_Resume");
  g_assert_cmpint (tp_timebox_get_state (timebox), ==, TP_TIMEBOX_RUNNING);
  g_assert_true (gtk_widget_get_mapped (popover));
  advance (timebox, 1000);
  assert_header (timer_button, "7:59");
  gtk_popover_popdown (GTK_POPOVER (popover));
  tp_test_flush_events ();

  /* The same through the actions alone, as the presentation's controls would. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.timer-pause", NULL);
  g_assert_cmpint (tp_timebox_get_state (timebox), ==, TP_TIMEBOX_PAUSED);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.timer-resume", NULL);
  g_assert_cmpint (tp_timebox_get_state (timebox), ==, TP_TIMEBOX_RUNNING);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.timer-add-minute", NULL);
  g_assert_cmpuint (tp_timebox_get_remaining (timebox), ==, 8 * 60 + 59);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.timer-stop", NULL);
  g_assert_cmpint (tp_timebox_get_state (timebox), ==, TP_TIMEBOX_IDLE);
  g_assert_false (gtk_widget_has_css_class (menu_button, "tp-timer-running"));

  /* The Start button beside the field. */
  tp_timer_button_popup (TP_TIMER_BUTTON (timer_button));
  tp_test_wait_until (is_mapped, popover, "the timer's popover to open");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 2);
  click (timer_button, "_Start");
  g_assert_cmpuint (tp_timebox_get_duration (timebox), ==, 2 * 60);
  assert_header (timer_button, "2:00");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.timer-stop", NULL);

  gtk_window_close (GTK_WINDOW (window));
  tp_test_wait_until (tp_test_window_is_closed, window, "the window to close");
  tp_test_flush_events ();
  g_assert_finalize_object (window);
}

/* At zero: red, "Time’s up" and a toast until dismissed; the sound fails quietly here
 * (no sound server under the tests) without a warning, which the tests make fatal. */
static void
test_finished (void)
{
  TpWindow *window = g_object_ref (tp_window_new (NULL));
  GtkWidget *timer_button, *menu_button;
  TpTimebox *timebox;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  tp_window_new_workshop (window);
  gtk_window_present (GTK_WINDOW (window));
  tp_test_flush_events ();

  timebox = tp_window_get_timebox (window);
  _tp_timebox_set_clock (timebox, fake_clock, NULL);
  timer_button = window->timer_button;
  menu_button = find (timer_button, (Match) is_type, GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.timer-start", "u", 60);
  assert_header (timer_button, "1:00");
  advance (timebox, 59 * 1000);
  assert_header (timer_button, "0:01");
  g_assert_false (gtk_widget_has_css_class (menu_button, "tp-timer-finished"));
  g_assert_null (find (GTK_WIDGET (window->toast_overlay), is_shown_toast, "Time is up"));

  advance (timebox, 1000);
  g_assert_cmpint (tp_timebox_get_state (timebox), ==, TP_TIMEBOX_FINISHED);
  assert_header (timer_button, "Time’s up");
  g_assert_true (gtk_widget_has_css_class (menu_button, "tp-timer-finished"));
  g_assert_nonnull (find (GTK_WIDGET (window->toast_overlay), is_shown_toast, "Time is up"));
  /* It stays until acknowledged. */
  advance (timebox, 60 * 1000);
  g_assert_true (gtk_widget_has_css_class (menu_button, "tp-timer-finished"));
  g_assert_false (gtk_widget_is_sensitive (find (timer_button, has_label, "_Pause")));

  /* A minute more runs again; dismissing ends the cue. */
  tp_test_press_shortcut (window, GDK_KEY_t, GDK_CONTROL_MASK);
  g_assert_true (gtk_widget_has_focus (find (timer_button, has_label, "+1 min")));
  click (timer_button, "+1 min");
  g_assert_cmpint (tp_timebox_get_state (timebox), ==, TP_TIMEBOX_RUNNING);
  assert_header (timer_button, "1:00");
  g_assert_false (gtk_widget_has_css_class (menu_button, "tp-timer-finished"));
  advance (timebox, 60 * 1000);
  g_assert_true (gtk_widget_has_css_class (menu_button, "tp-timer-finished"));
  tp_test_press_shortcut (window, GDK_KEY_t, GDK_CONTROL_MASK);
  click (timer_button, "_Dismiss");
  g_assert_cmpint (tp_timebox_get_state (timebox), ==, TP_TIMEBOX_IDLE);
  g_assert_false (gtk_widget_has_css_class (menu_button, "tp-timer-finished"));
  assert_header (timer_button, NULL);

  /* Whatever GSound is still doing with the sound does not hold the window. The popover
   * goes first: a slow run closed the window under it while it still asked where the
   * pointer was (a critical on a destroyed surface). */
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));
  tp_test_flush_events ();
  gtk_window_close (GTK_WINDOW (window));
  tp_test_wait_until (tp_test_window_is_closed, window, "the window to close");
  tp_test_flush_events ();
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = tp_test_init_display (&argc, &argv, "touchpoint-test-timer");

  g_test_add_func ("/touchpoint/timer/popover", test_popover);
  g_test_add_func ("/touchpoint/timer/finished", test_finished);

  status = g_test_run ();
  tp_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
