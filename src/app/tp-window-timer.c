/* tp-window-timer.c: the window's timer for an exercise (issue 17, "Timebox").
 *
 * One TpTimebox per window, shown by the header's TpTimerButton (and, with workshop
 * mode's presentation, large on the projector: tp_window_get_timebox()). It is session
 * state, not the document's: it is neither saved nor undone, and runs on the welcome
 * page too.
 *
 * At zero the window plays the desktop sound theme's "alarm-clock-elapsed" through
 * GSound (libcanberra) and shows a toast; the button turns red. Without a sound server,
 * a sound card or a theme (CI, a muted laptop), GSound fails and the room sees the
 * cue alone: a failed sound is logged for debugging, never shown.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gsound.h>

#include "tp-timebox.h"
#include "tp-timer-button.h"
#include "tp-window-private.h"

/* "+1 min" and win.timer-add-minute. */
#define EXTRA_SECONDS 60

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);
  guint32 seconds = g_variant_get_uint32 (parameter);

  if (seconds > 0)
    tp_timebox_start (self->timebox, seconds);
}

static void
control_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);
  TpTimeboxState state = tp_timebox_get_state (self->timebox);

  if (g_str_equal (action_name, "win.timer-pause"))
    tp_timebox_pause (self->timebox);
  else if (g_str_equal (action_name, "win.timer-resume"))
    tp_timebox_resume (self->timebox);
  else if (g_str_equal (action_name, "win.timer-toggle-pause"))
    {
      if (state == TP_TIMEBOX_RUNNING)
        tp_timebox_pause (self->timebox);
      else
        tp_timebox_resume (self->timebox);
    }
  else if (g_str_equal (action_name, "win.timer-add-minute"))
    tp_timebox_add_seconds (self->timebox, EXTRA_SECONDS);
  else if (g_str_equal (action_name, "win.timer-stop"))
    tp_timebox_cancel (self->timebox);
  else
    g_assert_not_reached ();
}

static void
popup_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);

  tp_timer_button_popup (TP_TIMER_BUTTON (self->timer_button));
}

/* The one place that decides which timer actions are enabled: they follow the
 * timebox's state alone, not the document, so they are apart from
 * _tp_window_update_actions(). */
static void
update_actions (TpWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  TpTimeboxState state = tp_timebox_get_state (self->timebox);

  gtk_widget_action_set_enabled (widget, "win.timer-pause", state == TP_TIMEBOX_RUNNING);
  gtk_widget_action_set_enabled (widget, "win.timer-resume", state == TP_TIMEBOX_PAUSED);
  gtk_widget_action_set_enabled (widget, "win.timer-toggle-pause",
                                 state == TP_TIMEBOX_RUNNING || state == TP_TIMEBOX_PAUSED);
  gtk_widget_action_set_enabled (widget, "win.timer-add-minute", state != TP_TIMEBOX_IDLE);
  gtk_widget_action_set_enabled (widget, "win.timer-stop", state != TP_TIMEBOX_IDLE);
}

static void
on_sound_played (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!gsound_context_play_full_finish (GSOUND_CONTEXT (source), result, &error))
    g_debug ("Timer: no sound: %s", error->message);
  else
    g_debug ("Timer: sound played");
}

static void
play_sound (TpWindow *self)
{
  g_autoptr(GError) error = NULL;

  /* Made on first use: most workshops never time anything. A context that cannot be
   * made (no libcanberra driver at all) is not tried again for this window. */
  if (self->timer_sound == NULL && !self->timer_sound_failed)
    {
      self->timer_sound = G_OBJECT (gsound_context_new (NULL, &error));
      if (self->timer_sound == NULL)
        {
          g_debug ("Timer: no sound context: %s", error->message);
          self->timer_sound_failed = TRUE;
          return;
        }
    }
  if (self->timer_sound == NULL)
    return;

  g_cancellable_cancel (self->timer_sound_cancellable);
  g_clear_object (&self->timer_sound_cancellable);
  self->timer_sound_cancellable = g_cancellable_new ();
  gsound_context_play_full (GSOUND_CONTEXT (self->timer_sound), self->timer_sound_cancellable,
                            on_sound_played, NULL,
                            GSOUND_ATTR_EVENT_ID, "alarm-clock-elapsed",
                            /* Translators: what the sound is, for the desktop's sound settings. */
                            GSOUND_ATTR_EVENT_DESCRIPTION, _("Time is up"),
                            GSOUND_ATTR_MEDIA_ROLE, "event",
                            NULL);
}

static void
on_timebox_finished (TpWindow *self)
{
  AdwToast *toast;

  g_debug ("Timer: time is up");
  play_sound (self);

  /* Translators: a notice when the timer of an exercise reaches zero. */
  toast = adw_toast_new (_("Time is up"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  _tp_window_add_toast (self, toast);
}

void
_tp_window_class_timer_init (TpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (TP_TYPE_TIMER_BUTTON);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, timer_button);

  gtk_widget_class_install_action (widget_class, "win.timer-start", "u", start_action);
  gtk_widget_class_install_action (widget_class, "win.timer-pause", NULL, control_action);
  gtk_widget_class_install_action (widget_class, "win.timer-resume", NULL, control_action);
  gtk_widget_class_install_action (widget_class, "win.timer-toggle-pause", NULL, control_action);
  gtk_widget_class_install_action (widget_class, "win.timer-add-minute", NULL, control_action);
  gtk_widget_class_install_action (widget_class, "win.timer-stop", NULL, control_action);
  gtk_widget_class_install_action (widget_class, "win.timer-popup", NULL, popup_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "win.timer-popup", NULL);
}

void
_tp_window_timer_init (TpWindow *self)
{
  self->timebox = tp_timebox_new ();
  tp_timer_button_set_timebox (TP_TIMER_BUTTON (self->timer_button), self->timebox);
  g_signal_connect_object (self->timebox, "notify::state",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->timebox, "finished",
                           G_CALLBACK (on_timebox_finished), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

void
_tp_window_timer_dispose (TpWindow *self)
{
  if (self->timebox != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->timebox, self);
      tp_timebox_cancel (self->timebox);
    }
  g_clear_object (&self->timebox);
  g_cancellable_cancel (self->timer_sound_cancellable);
  g_clear_object (&self->timer_sound_cancellable);
  g_clear_object (&self->timer_sound);
}

TpTimebox *
tp_window_get_timebox (TpWindow *self)
{
  g_return_val_if_fail (TP_IS_WINDOW (self), NULL);

  return self->timebox;
}
