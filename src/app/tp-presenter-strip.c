/* tp-presenter-strip.c: the facilitator's view of a presentation on another monitor.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "model/tp-document-story.h"
#include "render/tp-story-page.h"

#include "tp-presenter-strip.h"

/* The thumbnails are the projector's 1280 × 720 layout scaled down, so they show the
 * room's slide, not a different layout made for a small area. */
#define PROJECTOR_WIDTH  1280.0
#define PROJECTOR_HEIGHT 720.0
#define THUMB_WIDTH      224
#define THUMB_HEIGHT     126

struct _TpPresenterStrip
{
  GtkBox           parent_instance;

  TpPresentWindow *presentation;   /* not owned: the window that made the strip removes
                                    * it when the presentation ends */
  GtkWidget       *current;
  GtkWidget       *next;
  GtkWidget       *current_label;
  GtkWidget       *next_label;
  GtkWidget       *timer;
  GtkListBox      *steps;
  /* The row of each shown step: the list holds hidden steps too, to show them again. */
  GArray          *rows;
  gboolean         filling;
};

G_DEFINE_FINAL_TYPE (TpPresenterStrip, tp_presenter_strip, GTK_TYPE_BOX)

static void
paint_thumb (TpPresenterStrip *self,
             cairo_t          *cr,
             int               width,
             int               height,
             guint             index)
{
  TpStoryPaintOptions options = { .theme = NULL, .screen = TRUE };
  TpStory *story = tp_present_window_get_story (self->presentation);
  double scale = MIN (width / PROJECTOR_WIDTH, height / PROJECTOR_HEIGHT);

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);
  if (story == NULL || index >= tp_story_get_n_steps (story))
    return;

  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, PROJECTOR_WIDTH, PROJECTOR_HEIGHT);
  cairo_clip (cr);
  tp_story_paint_step (cr, tp_present_window_get_document (self->presentation), story,
                       index, PROJECTOR_WIDTH, PROJECTOR_HEIGHT, &options);
}

static void
draw_current (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        data)
{
  TpPresenterStrip *self = data;

  /* What the room sees: black while the screen is blanked. */
  if (tp_present_window_get_blank (self->presentation))
    {
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_paint (cr);
      return;
    }
  paint_thumb (self, cr, width, height, tp_present_window_get_step (self->presentation));
}

static void
draw_next (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        data)
{
  TpPresenterStrip *self = data;

  paint_thumb (self, cr, width, height, tp_present_window_get_step (self->presentation) + 1);
}

static void
update_step (TpPresenterStrip *self)
{
  TpStory *story = tp_present_window_get_story (self->presentation);
  guint step = tp_present_window_get_step (self->presentation);
  guint n_steps = story != NULL ? tp_story_get_n_steps (story) : 0;
  g_autofree char *now = NULL;
  GtkListBoxRow *row;

  /* Translators: under the thumbnail of the step the room sees, "Now · 3 of 17". */
  now = g_strdup_printf (_("Now · %u of %u"), MIN (step + 1, n_steps), n_steps);
  gtk_label_set_label (GTK_LABEL (self->current_label), now);
  gtk_label_set_label (GTK_LABEL (self->next_label),
                       step + 1 < n_steps ? _("Next") : _("Last step"));

  self->filling = TRUE;
  row = step < self->rows->len
        ? gtk_list_box_get_row_at_index (self->steps, g_array_index (self->rows, int, step))
        : NULL;
  gtk_list_box_select_row (self->steps, row);
  self->filling = FALSE;

  gtk_widget_queue_draw (self->current);
  gtk_widget_queue_draw (self->next);
}

static void
on_shown_toggled (GtkCheckButton   *check,
                  TpPresenterStrip *self)
{
  const char *key = g_object_get_data (G_OBJECT (check), "tp-step-key");

  if (self->filling)
    return;

  /* An undoable edit of the workshop: the story is built again and the list with it. */
  tp_document_set_story_step_hidden (tp_present_window_get_document (self->presentation),
                                     key, !gtk_check_button_get_active (check));
}

/* The timer as the room sees it, for the facilitator's eye; nothing while none runs. */
static void
update_timer (TpPresenterStrip *self)
{
  TpTimebox *timebox = tp_present_window_get_timebox (self->presentation);
  TpTimeboxState state = timebox != NULL ? tp_timebox_get_state (timebox) : TP_TIMEBOX_IDLE;
  g_autofree char *label = NULL;

  gtk_widget_set_visible (self->timer, state != TP_TIMEBOX_IDLE);
  if (state == TP_TIMEBOX_IDLE)
    return;

  label = tp_timebox_dup_label (timebox);
  gtk_label_set_label (GTK_LABEL (self->timer), label);
  if (state == TP_TIMEBOX_FINISHED)
    gtk_widget_add_css_class (self->timer, "error");
  else
    gtk_widget_remove_css_class (self->timer, "error");
}

static void
fill_steps (TpPresenterStrip *self)
{
  TpStory *story = tp_present_window_get_story (self->presentation);
  GtkWidget *child;
  guint shown = 0;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->steps))) != NULL)
    gtk_list_box_remove (self->steps, child);
  g_array_set_size (self->rows, 0);

  for (guint i = 0; story != NULL && i < tp_story_get_n_all_steps (story); i++)
    {
      const TpStoryStep *step = tp_story_get_all_step (story, i);
      g_autofree char *title = tp_story_step_dup_title (story, step);
      g_autofree char *text = NULL;
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *label;
      GtkWidget *row;
      int index = (int) i;

      /* Shown steps are numbered as the room's keys count them. */
      if (step->hidden)
        text = g_strdup (title);
      else
        text = g_strdup_printf ("%u  %s", ++shown, title);
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (label, TRUE);

      /* The parts of a step are hidden and shown with it, from its first part. */
      if (step->part == 0)
        {
          GtkWidget *check = gtk_check_button_new ();

          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), !step->hidden);
          gtk_widget_set_tooltip_text (check, _("Show this step to the room"));
          g_object_set_data_full (G_OBJECT (check), "tp-step-key", g_strdup (step->key), g_free);
          g_signal_connect_object (check, "toggled", G_CALLBACK (on_shown_toggled), self, 0);
          gtk_box_append (GTK_BOX (box), check);
        }
      else
        {
          gtk_widget_set_margin_start (label, 28);
        }
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_box_append (self->steps, box);

      row = gtk_widget_get_parent (box);
      if (step->hidden)
        {
          gtk_widget_add_css_class (label, "dim-label");
          gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
        }
      else
        {
          g_array_append_val (self->rows, index);
        }
    }
  self->filling = FALSE;

  update_step (self);
}

static void
on_row_selected (GtkListBox       *box,
                 GtkListBoxRow    *row,
                 TpPresenterStrip *self)
{
  /* A click shows the step to the room; selecting the row that follows the
   * presentation does nothing more. */
  if (self->filling || row == NULL)
    return;

  for (guint i = 0; i < self->rows->len; i++)
    if (g_array_index (self->rows, int, i) == gtk_list_box_row_get_index (row))
      tp_present_window_set_step (self->presentation, i);
}

/* A clicker sends Page Down and Page Up: while the editor has the keyboard (the laptop
 * is where edits are made) they still step the projector. */
static gboolean
clicker_key (GtkWidget *widget,
             GVariant  *args,
             gpointer   data)
{
  TpPresenterStrip *self = TP_PRESENTER_STRIP (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->presentation),
                              g_variant_get_boolean (args) ? "present.next" : "present.previous",
                              NULL);
  return TRUE;
}

static GtkWidget *
make_thumb (TpPresenterStrip  *self,
            GtkDrawingAreaDrawFunc draw,
            GtkWidget        **label)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *area = gtk_drawing_area_new ();

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), THUMB_WIDTH);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), THUMB_HEIGHT);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw, self, NULL);
  gtk_widget_add_css_class (area, "card");
  *label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (*label), 0.0);
  gtk_widget_add_css_class (*label, "caption");
  gtk_box_append (GTK_BOX (box), area);
  gtk_box_append (GTK_BOX (box), *label);
  gtk_box_append (GTK_BOX (self), box);

  return area;
}

static void
tp_presenter_strip_finalize (GObject *object)
{
  TpPresenterStrip *self = TP_PRESENTER_STRIP (object);

  g_array_unref (self->rows);

  G_OBJECT_CLASS (tp_presenter_strip_parent_class)->finalize (object);
}

static void
tp_presenter_strip_class_init (TpPresenterStripClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tp_presenter_strip_finalize;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "presenterstrip");
}

static void
tp_presenter_strip_init (TpPresenterStrip *self)
{
  static const struct {
    guint    keyval;
    gboolean forward;
  } clicker[] = {
    { GDK_KEY_Page_Down, TRUE },
    { GDK_KEY_Page_Up, FALSE },
  };
  GtkEventController *controller;
  GtkWidget *scrolled;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_HORIZONTAL);
  self->rows = g_array_new (FALSE, FALSE, sizeof (int));
  gtk_box_set_spacing (GTK_BOX (self), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 8);

  self->current = make_thumb (self, draw_current, &self->current_label);
  self->next = make_thumb (self, draw_next, &self->next_label);

  self->timer = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->timer, "title-1");
  gtk_widget_add_css_class (self->timer, "numeric");
  gtk_widget_set_valign (self->timer, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->timer, FALSE);
  gtk_box_append (GTK_BOX (self), self->timer);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_hexpand (scrolled, TRUE);
  gtk_widget_set_size_request (scrolled, 200, THUMB_HEIGHT);
  self->steps = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->steps), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->steps),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Steps"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->steps));
  gtk_box_append (GTK_BOX (self), scrolled);
  g_signal_connect_object (self->steps, "row-selected", G_CALLBACK (on_row_selected), self, 0);

  /* Global: the strip sees them wherever the editor's focus is. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (clicker); i++)
    {
      GtkShortcut *shortcut;

      shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (clicker[i].keyval, 0),
                                   gtk_callback_action_new (clicker_key, NULL, NULL));
      gtk_shortcut_set_arguments (shortcut, g_variant_new_boolean (clicker[i].forward));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

GtkWidget *
tp_presenter_strip_new (TpPresentWindow *presentation)
{
  TpPresenterStrip *self;

  g_return_val_if_fail (TP_IS_PRESENT_WINDOW (presentation), NULL);

  self = g_object_new (TP_TYPE_PRESENTER_STRIP, NULL);
  self->presentation = presentation;
  g_signal_connect_object (presentation, "notify::step", G_CALLBACK (update_step), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (presentation, "notify::blank", G_CALLBACK (update_step), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (presentation, "story-changed", G_CALLBACK (fill_steps), self,
                           G_CONNECT_SWAPPED);
  if (tp_present_window_get_timebox (presentation) != NULL)
    {
      g_signal_connect_object (tp_present_window_get_timebox (presentation), "notify::remaining",
                               G_CALLBACK (update_timer), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (tp_present_window_get_timebox (presentation), "notify::state",
                               G_CALLBACK (update_timer), self, G_CONNECT_SWAPPED);
    }
  fill_steps (self);
  update_timer (self);

  return GTK_WIDGET (self);
}
