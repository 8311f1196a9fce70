/* tp-timer-button.c: the timer in the editor's header.
 *
 * Idle, it is an icon; counting, it shows the time left in tabular figures, so the
 * header does not jiggle each second; at zero it turns red, pulses a few times and says
 * "Time's up" until the facilitator dismisses it, adds a minute or starts again: a
 * projector's room notices a colour change even when nobody hears the sound.
 *
 * The button keeps no state of its own: it shows its TpTimebox, and its popover's
 * controls are the window's win.timer-* actions, so the keys, the popover and the tests
 * drive one code path.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tp-timer-button.h"

struct _TpTimerButton
{
  GtkWidget       parent_instance;

  GtkWidget      *menu_button;
  GtkWidget      *icon;
  GtkWidget      *label;
  GtkWidget      *popover;
  GtkWidget      *stack;
  GtkWidget      *first_preset;
  GtkWidget      *minutes_spin;
  GtkWidget      *start_button;
  GtkWidget      *big_label;
  GtkWidget      *pause_button;
  GtkWidget      *add_button;
  GtkWidget      *stop_button;

  TpTimebox      *timebox;
  TpTimeboxState  shown_state;
};

G_DEFINE_FINAL_TYPE (TpTimerButton, tp_timer_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TIMEBOX,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const state_classes[] = {
  [TP_TIMEBOX_IDLE] = NULL,
  [TP_TIMEBOX_RUNNING] = "tp-timer-running",
  [TP_TIMEBOX_PAUSED] = "tp-timer-paused",
  [TP_TIMEBOX_FINISHED] = "tp-timer-finished",
};

static void
update (TpTimerButton *self)
{
  TpTimeboxState state = self->timebox != NULL ? tp_timebox_get_state (self->timebox)
                                               : TP_TIMEBOX_IDLE;
  TpTimeboxState old_state = self->shown_state;
  g_autofree char *time = self->timebox != NULL ? tp_timebox_dup_label (self->timebox)
                                                : g_strdup ("0:00");
  /* Translators: the header's timer when the count reached zero. */
  const char *text = state == TP_TIMEBOX_FINISHED ? _("Time’s up") : time;

  gtk_label_set_label (GTK_LABEL (self->label), text);
  gtk_label_set_label (GTK_LABEL (self->big_label), text);
  gtk_widget_set_visible (self->label, state != TP_TIMEBOX_IDLE);

  if (state == old_state)
    return;
  self->shown_state = state;

  for (guint i = 0; i < G_N_ELEMENTS (state_classes); i++)
    if (state_classes[i] != NULL)
      {
        if (i == state)
          gtk_widget_add_css_class (self->menu_button, state_classes[i]);
        else
          gtk_widget_remove_css_class (self->menu_button, state_classes[i]);
      }

  /* Screen readers hear the state; the time itself is the label's text, read on demand
   * rather than announced each second. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  state == TP_TIMEBOX_RUNNING ? _("Timer, running") :
                                  state == TP_TIMEBOX_PAUSED ? _("Timer, paused") :
                                  state == TP_TIMEBOX_FINISHED ? _("Timer, time’s up") :
                                  _("Timer"),
                                  -1);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon),
                                state == TP_TIMEBOX_PAUSED ? "media-playback-pause-symbolic"
                                                           : "tp-timer-symbolic");
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    state == TP_TIMEBOX_IDLE ? "setup" : "running");
  gtk_button_set_label (GTK_BUTTON (self->pause_button),
                        state == TP_TIMEBOX_PAUSED ? _("_Resume") : _("_Pause"));
  /* At zero, stopping is acknowledging. */
  gtk_button_set_label (GTK_BUTTON (self->stop_button),
                        state == TP_TIMEBOX_FINISHED ? _("_Dismiss") : _("S_top"));

  /* A count was just started (a preset, typed minutes, or a minute more after time was
   * up): the popover's job is done and the board wants the room's attention. */
  if (state == TP_TIMEBOX_RUNNING &&
      (old_state == TP_TIMEBOX_IDLE || old_state == TP_TIMEBOX_FINISHED))
    gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
on_timebox_notify (TpTimerButton *self)
{
  update (self);
}

static void
focus_first_control (TpTimerButton *self)
{
  TpTimeboxState state = self->shown_state;

  if (state == TP_TIMEBOX_IDLE)
    gtk_widget_grab_focus (self->first_preset);
  else if (state == TP_TIMEBOX_FINISHED)
    gtk_widget_grab_focus (self->add_button);
  else
    gtk_widget_grab_focus (self->pause_button);
}

static void
on_popover_show (TpTimerButton *self)
{
  focus_first_control (self);
}

static void
on_start_clicked (TpTimerButton *self)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (self->minutes_spin);
  int minutes;

  /* What was typed counts even if the field was not left first. */
  gtk_spin_button_update (spin);
  minutes = gtk_spin_button_get_value_as_int (spin);
  if (minutes < 1)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.timer-start", "u", (guint32) minutes * 60);
}

static gboolean
on_spin_enter (GtkWidget *widget,
               GVariant  *args,
               gpointer   data)
{
  on_start_clicked (data);
  return TRUE;
}

static void
tp_timer_button_dispose (GObject *object)
{
  TpTimerButton *self = TP_TIMER_BUTTON (object);

  if (self->timebox != NULL)
    g_signal_handlers_disconnect_by_data (self->timebox, self);
  g_clear_object (&self->timebox);
  gtk_widget_dispose_template (GTK_WIDGET (self), TP_TYPE_TIMER_BUTTON);

  G_OBJECT_CLASS (tp_timer_button_parent_class)->dispose (object);
}

static void
tp_timer_button_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TpTimerButton *self = TP_TIMER_BUTTON (object);

  switch (prop_id)
    {
    case PROP_TIMEBOX:
      g_value_set_object (value, self->timebox);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_timer_button_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TpTimerButton *self = TP_TIMER_BUTTON (object);

  switch (prop_id)
    {
    case PROP_TIMEBOX:
      tp_timer_button_set_timebox (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_timer_button_class_init (TpTimerButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_timer_button_dispose;
  object_class->get_property = tp_timer_button_get_property;
  object_class->set_property = tp_timer_button_set_property;

  properties[PROP_TIMEBOX] =
    g_param_spec_object ("timebox", NULL, NULL,
                         TP_TYPE_TIMEBOX,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/tp-timer-button.ui");
  gtk_widget_class_bind_template_child (widget_class, TpTimerButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, TpTimerButton, icon);
  gtk_widget_class_bind_template_child (widget_class, TpTimerButton, label);
  gtk_widget_class_bind_template_child (widget_class, TpTimerButton, popover);
  gtk_widget_class_bind_template_child (widget_class, TpTimerButton, stack);
  gtk_widget_class_bind_template_child (widget_class, TpTimerButton, first_preset);
  gtk_widget_class_bind_template_child (widget_class, TpTimerButton, minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, TpTimerButton, start_button);
  gtk_widget_class_bind_template_child (widget_class, TpTimerButton, big_label);
  gtk_widget_class_bind_template_child (widget_class, TpTimerButton, pause_button);
  gtk_widget_class_bind_template_child (widget_class, TpTimerButton, add_button);
  gtk_widget_class_bind_template_child (widget_class, TpTimerButton, stop_button);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_start_clicked);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tp_timer_button_init (TpTimerButton *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->shown_state = (TpTimeboxState) -1;

  /* Return in the minutes field starts the count, as the Start button beside it. (The
   * spin button of GTK 4.8 has no "activate" signal of its own.) */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < 2; i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (i == 0 ? GDK_KEY_Return : GDK_KEY_KP_Enter, 0),
                                                            gtk_callback_action_new (on_spin_enter, self, NULL)));
  gtk_widget_add_controller (self->minutes_spin, shortcuts);

  update (self);
}

GtkWidget *
tp_timer_button_new (void)
{
  return g_object_new (TP_TYPE_TIMER_BUTTON, NULL);
}

void
tp_timer_button_set_timebox (TpTimerButton *self,
                             TpTimebox     *timebox)
{
  g_return_if_fail (TP_IS_TIMER_BUTTON (self));
  g_return_if_fail (timebox == NULL || TP_IS_TIMEBOX (timebox));

  if (self->timebox == timebox)
    return;

  if (self->timebox != NULL)
    g_signal_handlers_disconnect_by_data (self->timebox, self);
  g_set_object (&self->timebox, timebox);
  if (timebox != NULL)
    {
      g_signal_connect_swapped (timebox, "notify::remaining", G_CALLBACK (on_timebox_notify), self);
      g_signal_connect_swapped (timebox, "notify::state", G_CALLBACK (on_timebox_notify), self);
    }
  if (self->menu_button != NULL)
    update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEBOX]);
}

TpTimebox *
tp_timer_button_get_timebox (TpTimerButton *self)
{
  g_return_val_if_fail (TP_IS_TIMER_BUTTON (self), NULL);

  return self->timebox;
}

void
tp_timer_button_popup (TpTimerButton *self)
{
  g_return_if_fail (TP_IS_TIMER_BUTTON (self));

  gtk_menu_button_popup (GTK_MENU_BUTTON (self->menu_button));
  focus_first_control (self);
}
