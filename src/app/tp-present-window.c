/* tp-present-window.c: the workshop presented full screen, step by step.
 *
 * The keyboard contract (issue 17), which clickers (they send Page Up and Page Down) and
 * a facilitator at the laptop share:
 *
 *   Right, Space, Page Down, Down      the next step
 *   Left, Page Up, BackSpace, Up      the step before
 *   Home, End                         the first, the last step
 *   digits                            jump to that step as they are typed ("1" "2" is
 *                                     step 12 when there is one); Enter ends the number
 *   B                                 the screen goes black; B or any step key returns
 *                                     to the same step
 *   Ctrl+L                            the pointer becomes a spotlight, and back
 *   Escape                            leave (the editor was never hidden)
 *
 * On a step that shows a block or a stage (tp_story_step_get_capture()), typing any other
 * printable character, a dead key (an accent), or Enter, starts capturing a note (block) or touchpoint (stage)
 * there. From then on every printable key is text, B and digits included, until Enter
 * or Escape adds it as one undo step: Escape keeps the words too, as on the board
 * (issue 15: Escape never loses words); Page Up and Page Down add it and step, so a
 * clicker never throws words away. The words are drawn on the presentation as they are
 * typed, where the room looks; the note itself appears in its block when it is added.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "model/tp-document-caps.h"
#include "render/tp-story-page.h"

#include "tp-present-window-private.h"



G_DEFINE_FINAL_TYPE (TpPresentWindow, tp_present_window, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STEP,
  PROP_BLANK,
  PROP_SPOTLIGHT,
  PROP_CAPTURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  STORY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const TpStoryStep *
get_shown_step (TpPresentWindow *self)
{
  if (self->story == NULL || tp_story_get_n_steps (self->story) == 0)
    return NULL;

  return tp_story_get_step (self->story, self->step);
}

static void
remember_step_key (TpPresentWindow *self)
{
  const TpStoryStep *step = get_shown_step (self);

  g_free (self->step_key);
  self->step_key = step != NULL ? g_strdup (step->key) : NULL;
  self->step_part = step != NULL ? step->part : 0;
}

static void
set_blank (TpPresentWindow *self,
           gboolean         blank)
{
  if (self->blank == blank)
    return;

  self->blank = blank;
  gtk_widget_queue_draw (self->area);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLANK]);
}

void
tp_present_window_set_step (TpPresentWindow *self,
                            guint            index)
{
  guint n_steps;

  g_return_if_fail (TP_IS_PRESENT_WINDOW (self));

  n_steps = self->story != NULL ? tp_story_get_n_steps (self->story) : 0;
  index = n_steps > 0 ? MIN (index, n_steps - 1) : 0;

  /* A step key brings the screen back from black, on the step it left. */
  if (self->blank)
    {
      set_blank (self, FALSE);
      return;
    }

  if (self->step == index && self->step_key != NULL)
    return;

  self->step = index;
  remember_step_key (self);
  gtk_widget_queue_draw (self->area);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

/* Rebuilding the story */

static void
rebuild_story (TpPresentWindow *self)
{
  guint old_step = self->step;
  guint n_steps;
  int found = -1;

  g_clear_pointer (&self->story, tp_story_free);
  self->story = tp_story_new (self->document);
  n_steps = tp_story_get_n_steps (self->story);

  /* The same step if it is still there (an edit elsewhere, a note added to it); else
   * the step now at the same place, so the room is not thrown back to the start. */
  if (self->step_key != NULL)
    found = tp_story_find_step_part (self->story, self->step_key, self->step_part);
  if (found >= 0)
    self->step = found;
  else
    self->step = n_steps > 0 ? MIN (self->step, n_steps - 1) : 0;

  remember_step_key (self);
  gtk_widget_queue_draw (self->area);
  g_signal_emit (self, signals[STORY_CHANGED], 0);
  if (self->step != old_step)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

static gboolean
rebuild_idle (gpointer data)
{
  TpPresentWindow *self = data;

  self->rebuild_id = 0;
  rebuild_story (self);

  return G_SOURCE_REMOVE;
}

static void
on_document_changed (TpPresentWindow *self)
{
  /* One rebuild for a burst of changes (a group, an undo of many items), before the next
   * frame: the room sees every edit at once. */
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_idle, self, NULL);
}

/* Capturing */

static void
end_capture (TpPresentWindow *self)
{
  if (self->capture == NULL)
    return;

  g_string_free (g_steal_pointer (&self->capture), TRUE);
  g_clear_pointer (&self->capture_stage, g_free);
  gtk_im_context_focus_out (self->im);
  gtk_event_controller_key_set_im_context (GTK_EVENT_CONTROLLER_KEY (self->keys), NULL);
  gtk_widget_queue_draw (self->area);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTURE]);
}

/* Moves to the part of the shown step that holds item id (a note of its block, a
 * touchpoint of its stage). */
static void
show_item (TpPresentWindow *self,
           const char      *id)
{
  const TpStoryStep *shown = get_shown_step (self);
  g_autofree char *key = NULL;
  guint index;

  if (shown == NULL || !tp_document_get_index (self->document, id, &index))
    return;

  key = g_strdup (shown->key);
  for (guint i = 0; i < tp_story_get_n_steps (self->story); i++)
    {
      const TpStoryStep *step = tp_story_get_step (self->story, i);

      if (g_str_equal (step->key, key) && index >= step->first &&
          index < step->first + step->n_items)
        {
          tp_present_window_set_step (self, i);
          return;
        }
    }
}

/* Adds the words captured as a note or touchpoint, one undo step, and stops capturing.
 * Only blank words are dropped: there is nothing to keep. */
static void
commit_capture (TpPresentWindow *self)
{
  g_autofree char *text = NULL;

  if (self->capture == NULL)
    return;

  text = g_strstrip (g_strdup (self->capture->str));
  if (*text != '\0')
    {
      const char *id = NULL;

      if (self->capture_stage != NULL)
        {
          if (tp_document_lookup_kind (self->document, self->capture_stage, TP_ITEM_STAGE))
            id = tp_document_add_touchpoint (self->document, self->capture_stage, G_MAXUINT, text);
        }
      else
        {
          id = tp_document_add_note (self->document, self->capture_container, G_MAXUINT, text);
        }

      /* The room sees the words land: on the part of the block or stage that shows
       * them, which a full block only has after the story is built again. */
      if (id != NULL)
        {
          g_clear_handle_id (&self->rebuild_id, g_source_remove);
          rebuild_story (self);
          show_item (self, id);
        }
    }

  end_capture (self);
}

static gboolean
begin_capture (TpPresentWindow *self)
{
  const TpStoryStep *step = get_shown_step (self);
  TpContainer container = 0;
  const char *stage = NULL;

  g_autoptr(GError) error = NULL;

  if (step == NULL || !tp_story_step_get_capture (step, &container, &stage))
    return FALSE;

  /* At the caps the room's words could not be kept: refused before they are typed. */
  if (!tp_document_can_add_notes (self->document, 1, &error))
    {
      tp_document_refuse (self->document, error);
      gtk_widget_error_bell (GTK_WIDGET (self));
      return FALSE;
    }

  self->capture = g_string_new (NULL);
  self->capture_container = container;
  self->capture_stage = g_strdup (stage);
  gtk_event_controller_key_set_im_context (GTK_EVENT_CONTROLLER_KEY (self->keys), self->im);
  gtk_im_context_focus_in (self->im);
  set_blank (self, FALSE);
  gtk_widget_queue_draw (self->area);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTURE]);

  return TRUE;
}

static void
capture_append (TpPresentWindow *self,
                gunichar         c)
{
  /* What loads, saves (RELIABILITY.md): no more than a note may hold. */
  if (g_utf8_strlen (self->capture->str, -1) >= TP_TEXT_MAX)
    return;

  g_string_append_unichar (self->capture, c);
  gtk_widget_queue_draw (self->area);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTURE]);
}

static void
capture_delete (TpPresentWindow *self)
{
  const char *end;

  if (self->capture->len == 0)
    return;

  end = g_utf8_find_prev_char (self->capture->str, self->capture->str + self->capture->len);
  g_string_truncate (self->capture, end - self->capture->str);
  gtk_widget_queue_draw (self->area);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTURE]);
}

/* The character a key types, or 0 for keys that type nothing (and for shortcuts). */
static gunichar
typed_char (guint           keyval,
            GdkModifierType state)
{
  gunichar c;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return 0;

  c = gdk_keyval_to_unicode (keyval);
  if (c == 0 || g_unichar_iscntrl (c))
    return 0;

  return c;
}

/* Keys */

static void
step_by (TpPresentWindow *self,
         int              delta)
{
  guint n_steps = self->story != NULL ? tp_story_get_n_steps (self->story) : 0;

  if (n_steps == 0)
    return;
  /* Back from black to the step it left, without moving on. */
  if (self->blank)
    {
      set_blank (self, FALSE);
      return;
    }
  if (delta < 0 && self->step == 0)
    return;

  tp_present_window_set_step (self, delta < 0 ? self->step - 1 : self->step + 1);
}

static gboolean
capture_key (TpPresentWindow *self,
             guint            keyval,
             GdkModifierType  state)
{
  gunichar c;

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_Escape:
      commit_capture (self);
      return TRUE;

    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      commit_capture (self);
      step_by (self, 1);
      return TRUE;

    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      commit_capture (self);
      step_by (self, -1);
      return TRUE;

    case GDK_KEY_BackSpace:
      capture_delete (self);
      return TRUE;

    default:
      break;
    }

  if ((c = typed_char (keyval, state)) != 0)
    {
      capture_append (self, c);
      return TRUE;
    }

  /* Shortcuts (Ctrl+L, Ctrl+S) still reach the window; other keys do nothing while
   * typing, rather than stepping away from the words. */
  return !(state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK));
}

gboolean
_tp_present_window_key (TpPresentWindow *self,
                        guint            keyval,
                        GdkModifierType  state)
{
  guint n_steps;
  int digit = -1;
  gunichar c;

  g_return_val_if_fail (TP_IS_PRESENT_WINDOW (self), FALSE);

  state &= gtk_accelerator_get_default_mod_mask ();

  if ((keyval == GDK_KEY_l || keyval == GDK_KEY_L) && state == GDK_CONTROL_MASK)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "present.spotlight", NULL);
      return TRUE;
    }

  if (self->capture != NULL)
    return capture_key (self, keyval, state);

  n_steps = self->story != NULL ? tp_story_get_n_steps (self->story) : 0;

  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9 && !(state & ~GDK_SHIFT_MASK))
    digit = keyval - GDK_KEY_0;
  else if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    digit = keyval - GDK_KEY_KP_0;

  if (digit >= 0)
    {
      guint number = self->number * 10 + digit;

      /* A number past the last step starts again from this digit: a mistyped digit
       * never traps the facilitator. */
      if (number == 0 || number > n_steps)
        number = digit;
      self->number = number;
      if (number >= 1)
        {
          set_blank (self, FALSE);
          tp_present_window_set_step (self, number - 1);
        }
      return TRUE;
    }

  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    {
      /* Enter ends a number typed to jump; otherwise it starts an empty capture. */
      if (self->number > 0)
        {
          self->number = 0;
          return TRUE;
        }
      return begin_capture (self);
    }
  self->number = 0;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_space:
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      gtk_widget_activate_action (GTK_WIDGET (self), "present.next", NULL);
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
    case GDK_KEY_BackSpace:
      gtk_widget_activate_action (GTK_WIDGET (self), "present.previous", NULL);
      return TRUE;

    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      gtk_widget_activate_action (GTK_WIDGET (self), "present.first", NULL);
      return TRUE;

    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      gtk_widget_activate_action (GTK_WIDGET (self), "present.last", NULL);
      return TRUE;

    case GDK_KEY_b:
    case GDK_KEY_B:
      gtk_widget_activate_action (GTK_WIDGET (self), "present.blank", NULL);
      return TRUE;

    case GDK_KEY_Escape:
      gtk_widget_activate_action (GTK_WIDGET (self), "present.leave", NULL);
      return TRUE;

    default:
      break;
    }

  /* Any other printable key starts a note or touchpoint with it, where the step
   * allows. */
  if ((c = typed_char (keyval, state)) != 0 && begin_capture (self))
    {
      capture_append (self, c);
      return TRUE;
    }

  return FALSE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TpPresentWindow       *self)
{
  /* A dead key (an accent to come) starts a note too: the input method, now listening,
   * composes it with the next key. */
  if (self->capture == NULL && keyval >= GDK_KEY_dead_grave && keyval <= GDK_KEY_dead_greek &&
      !(state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)))
    {
      self->number = 0;
      if (!begin_capture (self))
        return FALSE;
      gtk_im_context_filter_keypress (self->im,
                                      gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller)));
      return TRUE;
    }

  return _tp_present_window_key (self, keyval, state);
}

static void
on_im_commit (GtkIMContext    *im,
              const char      *text,
              TpPresentWindow *self)
{
  if (self->capture == NULL)
    return;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_iscntrl (g_utf8_get_char (p)))
      capture_append (self, g_utf8_get_char (p));
}

/* Actions */

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  step_by (TP_PRESENT_WINDOW (widget), 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  step_by (TP_PRESENT_WINDOW (widget), -1);
}

static void
first_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  tp_present_window_set_step (TP_PRESENT_WINDOW (widget), 0);
}

static void
last_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  tp_present_window_set_step (TP_PRESENT_WINDOW (widget), G_MAXUINT);
}

static void
blank_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TpPresentWindow *self = TP_PRESENT_WINDOW (widget);

  set_blank (self, !self->blank);
}

static void
spotlight_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TpPresentWindow *self = TP_PRESENT_WINDOW (widget);

  self->spotlight = !self->spotlight;
  gtk_widget_queue_draw (self->area);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPOTLIGHT]);
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TpPresentWindow *self = TP_PRESENT_WINDOW (widget);

  /* Leaving while words are being typed keeps them. */
  commit_capture (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Drawing */

static void
draw_func (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        data)
{
  _tp_present_window_paint (TP_PRESENT_WINDOW (data), cr, width, height);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           TpPresentWindow          *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
  if (self->spotlight)
    gtk_widget_queue_draw (self->area);
}

static void
on_leave (GtkEventControllerMotion *controller,
          TpPresentWindow          *self)
{
  self->pointer_inside = FALSE;
  if (self->spotlight)
    gtk_widget_queue_draw (self->area);
}

/* GObject */

static void
tp_present_window_dispose (GObject *object)
{
  TpPresentWindow *self = TP_PRESENT_WINDOW (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  tp_present_window_set_timebox (self, NULL);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->story, tp_story_free);
  if (self->im != NULL)
    gtk_im_context_set_client_widget (self->im, NULL);
  g_clear_object (&self->im);

  G_OBJECT_CLASS (tp_present_window_parent_class)->dispose (object);
}

static void
tp_present_window_finalize (GObject *object)
{
  TpPresentWindow *self = TP_PRESENT_WINDOW (object);

  g_free (self->step_key);
  g_free (self->capture_stage);
  if (self->capture != NULL)
    g_string_free (self->capture, TRUE);

  G_OBJECT_CLASS (tp_present_window_parent_class)->finalize (object);
}

static void
tp_present_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TpPresentWindow *self = TP_PRESENT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_uint (value, self->step);
      break;

    case PROP_BLANK:
      g_value_set_boolean (value, self->blank);
      break;

    case PROP_SPOTLIGHT:
      g_value_set_boolean (value, self->spotlight);
      break;

    case PROP_CAPTURE:
      g_value_set_string (value, tp_present_window_get_capture (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_present_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TpPresentWindow *self = TP_PRESENT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STEP:
      tp_present_window_set_step (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_present_window_class_init (TpPresentWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_present_window_dispose;
  object_class->finalize = tp_present_window_finalize;
  object_class->get_property = tp_present_window_get_property;
  object_class->set_property = tp_present_window_set_property;

  properties[PROP_STEP] =
    g_param_spec_uint ("step", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BLANK] =
    g_param_spec_boolean ("blank", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SPOTLIGHT] =
    g_param_spec_boolean ("spotlight", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The words being captured, NULL when nothing is (notified as they are typed). */
  properties[PROP_CAPTURE] =
    g_param_spec_string ("capture", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TpPresentWindow::story-changed:
   *
   * An edit rebuilt the story (tp_present_window_get_story() is a new one); "step"
   * follows if the shown step moved.
   */
  signals[STORY_CHANGED] =
    g_signal_new ("story-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "present.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "present.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "present.first", NULL, first_action);
  gtk_widget_class_install_action (widget_class, "present.last", NULL, last_action);
  gtk_widget_class_install_action (widget_class, "present.blank", NULL, blank_action);
  gtk_widget_class_install_action (widget_class, "present.spotlight", NULL, spotlight_action);
  gtk_widget_class_install_action (widget_class, "present.leave", NULL, leave_action);
}

static void
tp_present_window_init (TpPresentWindow *self)
{
  GtkEventController *controller;

  gtk_window_set_title (GTK_WINDOW (self), _("Presentation"));
  gtk_window_set_decorated (GTK_WINDOW (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "tp-presentation");

  self->area = gtk_drawing_area_new ();
  gtk_widget_set_hexpand (self->area, TRUE);
  gtk_widget_set_vexpand (self->area, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_func, self, NULL);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, self->area);
  gtk_window_set_child (GTK_WINDOW (self), GTK_WIDGET (self->toasts));

  /* In the capture phase: the window's own default bindings (Escape, Space on a
   * focused widget) must not see the facilitator's keys first. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  self->keys = controller;

  self->im = gtk_im_multicontext_new ();
  gtk_im_context_set_client_widget (self->im, self->area);
  g_signal_connect_object (self->im, "commit", G_CALLBACK (on_im_commit), self, 0);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "motion", G_CALLBACK (on_motion), self, 0);
  g_signal_connect_object (controller, "leave", G_CALLBACK (on_leave), self, 0);
  gtk_widget_add_controller (self->area, controller);
}

/* A refused edit (the caps) */

static void
on_refused_dismissed (TpPresentWindow *self,
                      AdwToast        *toast)
{
  if (self->refused_toast == toast)
    self->refused_toast = NULL;
}

/* The bell alone told the room nothing, and the editor's toast is behind the
 * presentation (or on the other screen): the presentation says it too. Typing on at
 * the cap is refused at every key: one toast, not a queue. */
static void
on_refused (TpPresentWindow *self,
            const GError    *error,
            TpDocument      *document)
{
  AdwToast *toast;

  if (self->refused_toast != NULL)
    return;

  toast = adw_toast_new (error->message);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_refused_dismissed), self,
                           G_CONNECT_SWAPPED);
  self->refused_toast = toast;
  adw_toast_overlay_add_toast (self->toasts, toast);
}

/* Public API */

TpPresentWindow *
tp_present_window_new (TpDocument *document)
{
  TpPresentWindow *self;

  g_return_val_if_fail (TP_IS_DOCUMENT (document), NULL);

  self = g_object_new (TP_TYPE_PRESENT_WINDOW, NULL);
  self->document = g_object_ref (document);
  g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "refused", G_CALLBACK (on_refused), self,
                           G_CONNECT_SWAPPED);
  rebuild_story (self);

  return self;
}

TpDocument *
tp_present_window_get_document (TpPresentWindow *self)
{
  g_return_val_if_fail (TP_IS_PRESENT_WINDOW (self), NULL);

  return self->document;
}

TpStory *
tp_present_window_get_story (TpPresentWindow *self)
{
  g_return_val_if_fail (TP_IS_PRESENT_WINDOW (self), NULL);

  return self->story;
}

guint
tp_present_window_get_step (TpPresentWindow *self)
{
  g_return_val_if_fail (TP_IS_PRESENT_WINDOW (self), 0);

  return self->step;
}

gboolean
tp_present_window_get_blank (TpPresentWindow *self)
{
  g_return_val_if_fail (TP_IS_PRESENT_WINDOW (self), FALSE);

  return self->blank;
}

gboolean
tp_present_window_get_spotlight (TpPresentWindow *self)
{
  g_return_val_if_fail (TP_IS_PRESENT_WINDOW (self), FALSE);

  return self->spotlight;
}

static void
on_timebox_notify (TpPresentWindow *self)
{
  gtk_widget_queue_draw (self->area);
}

void
tp_present_window_set_timebox (TpPresentWindow *self,
                               TpTimebox       *timebox)
{
  g_return_if_fail (TP_IS_PRESENT_WINDOW (self));
  g_return_if_fail (timebox == NULL || TP_IS_TIMEBOX (timebox));

  if (self->timebox == timebox)
    return;

  if (self->timebox != NULL)
    g_signal_handlers_disconnect_by_func (self->timebox, on_timebox_notify, self);
  g_set_object (&self->timebox, timebox);
  if (timebox != NULL)
    {
      g_signal_connect_object (timebox, "notify::remaining", G_CALLBACK (on_timebox_notify),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (timebox, "notify::state", G_CALLBACK (on_timebox_notify),
                               self, G_CONNECT_SWAPPED);
    }
  if (self->area != NULL)
    gtk_widget_queue_draw (self->area);
}

TpTimebox *
tp_present_window_get_timebox (TpPresentWindow *self)
{
  g_return_val_if_fail (TP_IS_PRESENT_WINDOW (self), NULL);

  return self->timebox;
}

const char *
tp_present_window_get_capture (TpPresentWindow *self)
{
  g_return_val_if_fail (TP_IS_PRESENT_WINDOW (self), NULL);

  return self->capture != NULL ? self->capture->str : NULL;
}
