/* test-touchpoint-page.c: the inspector's stage and touchpoint pages and the KPI editor,
 * in a real window on a real (virtual) display.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "analysis/tp-kano.h"
#include "app/tp-window.h"
#include "io/tp-loader.h"
#include "io/tp-writer.h"
#include "model/tp-enums.h"
#include "views/tp-inspector.h"
#include "views/tp-kpi-editor.h"
#include "views/tp-link-rows.h"
#include "views/tp-stage-page.h"
#include "views/tp-touchpoint-page.h"
#include "tp-test-display.h"

static char *tmp_dir;

typedef struct
{
  TpWindow         *window;
  TpDocument       *document;
  TpInspector      *inspector;
  TpSelection      *selection;
  TpTouchpointPage *touchpoint_page;
  TpStagePage      *stage_page;
} Fixture;

static gboolean
is_closed (TpWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel == (GObject *) window)
        return FALSE;
    }

  return TRUE;
}

static gboolean
is_loaded (gpointer data)
{
  return !tp_window_get_loading (data);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (TP_EXAMPLE_PATH);

  fixture->window = g_object_ref (tp_window_new (NULL));
  tp_window_open_file (fixture->window, file);
  gtk_window_present (GTK_WINDOW (fixture->window));
  tp_test_wait_until (is_loaded, fixture->window, "the document to load");

  fixture->document = tp_window_get_document (fixture->window);
  g_assert_nonnull (fixture->document);

  fixture->inspector = TP_INSPECTOR (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                    TP_TYPE_WINDOW, "inspector"));
  fixture->selection = tp_inspector_get_selection (fixture->inspector);
  fixture->touchpoint_page = TP_TOUCHPOINT_PAGE (gtk_widget_get_template_child (GTK_WIDGET (fixture->inspector),
                                                                                TP_TYPE_INSPECTOR,
                                                                                "touchpoint_page"));
  fixture->stage_page = TP_STAGE_PAGE (gtk_widget_get_template_child (GTK_WIDGET (fixture->inspector),
                                                                      TP_TYPE_INSPECTOR, "stage_page"));
  g_assert_true (tp_touchpoint_page_get_document (fixture->touchpoint_page) == fixture->document);
  g_assert_true (tp_stage_page_get_document (fixture->stage_page) == fixture->document);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Back to the saved state, so that closing does not ask; every test's edits must be
   * undoable for this to hold. */
  while (tp_document_can_undo (fixture->document))
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  g_assert_false (tp_document_get_modified (fixture->document));

  gtk_window_close (GTK_WINDOW (fixture->window));
  while (!is_closed (fixture->window))
    g_main_context_iteration (NULL, TRUE);
  tp_test_flush_events ();

  g_assert_finalize_object (fixture->window);
}

/* Reaching into the pages */

static const char *
visible_page (Fixture *fixture)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->inspector),
                                                              TP_TYPE_INSPECTOR, "stack"));

  return gtk_stack_get_visible_child_name (stack);
}

static gpointer
page_child (Fixture    *fixture,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->touchpoint_page),
                                                  TP_TYPE_TOUCHPOINT_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

static gpointer
stage_child (Fixture    *fixture,
             const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->stage_page),
                                                  TP_TYPE_STAGE_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

static gpointer
editor_child (TpKpiEditor *editor,
              const char  *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (editor), TP_TYPE_KPI_EDITOR, name);

  g_assert_nonnull (child);
  return child;
}

/* The rows of a list box before its "Add …" row, which is always the last. */
static guint
n_item_rows (GtkListBox *box)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (box)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row))
      n++;

  g_assert_cmpuint (n, >, 0);
  return n - 1;
}

static GtkWidget *
item_row (GtkListBox *box,
          guint       index)
{
  GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (box, (int) index));

  g_assert_nonnull (row);
  return row;
}

static void
activate_add_row (GtkListBox *box)
{
  GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (box, (int) n_item_rows (box)));

  g_assert_true (ADW_IS_ACTION_ROW (row));
  adw_action_row_activate (ADW_ACTION_ROW (row));
}

/* The first descendant of widget of the type (depth first), after skip others. */
static gpointer
find_descendant (GtkWidget *widget,
                 GType      type,
                 guint     *skip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gpointer found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        {
          if (*skip == 0)
            return child;
          (*skip)--;
        }
      if ((found = find_descendant (child, type, skip)) != NULL)
        return found;
    }

  return NULL;
}

static gpointer
nth_descendant (GtkWidget *widget,
                GType      type,
                guint      n)
{
  gpointer found = find_descendant (widget, type, &n);

  g_assert_nonnull (found);
  return found;
}

/* Types text the way a keyboard does: one character at a time, each a change. */
static void
type_text (gpointer    editable,
           const char *text)
{
  g_autoptr(GString) typed = g_string_new (NULL);

  gtk_editable_set_text (GTK_EDITABLE (editable), "");
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      g_string_append_unichar (typed, g_utf8_get_char (p));
      gtk_editable_set_text (GTK_EDITABLE (editable), typed->str);
    }
}

static void
undo (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
}

/* How many undo steps the history holds (undoing them all, then redoing them). */
static guint
count_steps (Fixture *fixture)
{
  guint n = 0;

  while (tp_document_can_undo (fixture->document))
    {
      tp_document_undo (fixture->document);
      n++;
    }
  for (guint i = 0; i < n; i++)
    tp_document_redo (fixture->document);

  return n;
}

static TpTouchpoint *
touchpoint (Fixture    *fixture,
            const char *id)
{
  TpTouchpoint *found = tp_document_lookup_kind (fixture->document, id, TP_ITEM_TOUCHPOINT);

  g_assert_nonnull (found);
  return found;
}

static void
show_touchpoint (Fixture    *fixture,
                 const char *id)
{
  tp_selection_set_one (fixture->selection, id);
  g_assert_cmpstr (visible_page (fixture), ==, "touchpoint");
  g_assert_cmpstr (tp_touchpoint_page_get_touchpoint (fixture->touchpoint_page), ==, id);
}

/* The button with that tooltip inside widget: rows hold buttons of their own too. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        return child;
      if ((found = find_button (child, tooltip)) != NULL)
        return found;
    }

  return NULL;
}

static void
click_button (GtkWidget  *widget,
              const char *tooltip)
{
  GtkWidget *button = find_button (widget, tooltip);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static GtkToggleButton *
rating_button (Fixture    *fixture,
               const char *row,
               guint       score)
{
  return nth_descendant (page_child (fixture, row), GTK_TYPE_TOGGLE_BUTTON, score - 1);
}

/* Saves the document to bytes and loads it back: every stage and touchpoint must come
 * back exactly as the document holds it, so nothing the pages wrote needed changing. */
static void
assert_round_trip (Fixture *fixture)
{
  g_autoptr(GBytes) bytes = tp_write_bytes (fixture->document);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDocument) loaded = tp_load_bytes (bytes, NULL, &error);
  GPtrArray *stages = tp_document_get_stages (fixture->document);

  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_assert_cmpuint (tp_document_get_stages (loaded)->len, ==, stages->len);

  for (guint s = 0; s < stages->len; s++)
    {
      TpStage *stage = g_ptr_array_index (stages, s);
      TpStage *back = g_ptr_array_index (tp_document_get_stages (loaded), s);

      g_assert_true (tp_item_equal (&stage->item, &back->item));
      g_assert_cmpuint (stage->touchpoints->len, ==, back->touchpoints->len);
      for (guint t = 0; t < stage->touchpoints->len; t++)
        g_assert_true (tp_item_equal (g_ptr_array_index (stage->touchpoints, t),
                                      g_ptr_array_index (back->touchpoints, t)));
    }
}

/* Tests */

static void
test_shows_fields (Fixture       *fixture,
                   gconstpointer  data)
{
  TpTouchpoint *tp = touchpoint (fixture, "t10");
  GtkListBox *pains = page_child (fixture, "pains_box");
  GtkLabel *gap = page_child (fixture, "gap_label");
  GtkStringObject *persona;
  TpNote *note;

  show_touchpoint (fixture, "t10");

  g_assert_cmpstr (gtk_editable_get_text (page_child (fixture, "name_row")), ==, tp->name);
  g_assert_cmpstr (gtk_editable_get_text (page_child (fixture, "channel_row")), ==, tp->channel);
  g_assert_cmpstr (gtk_editable_get_text (page_child (fixture, "action_row")), ==, tp->action);
  persona = adw_combo_row_get_selected_item (page_child (fixture, "persona_row"));
  g_assert_cmpstr (gtk_string_object_get_string (persona), ==,
                   tp_document_get_persona_of (fixture->document, "t10")->name);
  g_assert_cmpint ((int) gtk_range_get_value (page_child (fixture, "emotion_scale")), ==, tp->emotion);
  g_assert_true (gtk_widget_has_css_class (page_child (fixture, "emotion_scale"), "tp-emotion-m2"));

  g_assert_cmpuint (n_item_rows (pains), ==, tp->pains->len);
  for (guint i = 0; i < tp->pains->len; i++)
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (item_row (pains, i))), ==,
                     g_ptr_array_index (tp->pains, i));
  g_assert_cmpuint (n_item_rows (page_child (fixture, "opportunities_box")), ==, tp->opportunities->len);

  g_assert_true (gtk_switch_get_active (page_child (fixture, "mot_switch")));
  g_assert_true (gtk_widget_get_visible (page_child (fixture, "gap_group")));
  g_assert_true (gtk_toggle_button_get_active (rating_button (fixture, "expectation_row", 5)));
  g_assert_true (gtk_toggle_button_get_active (rating_button (fixture, "experience_row", 2)));
  g_assert_false (gtk_toggle_button_get_active (rating_button (fixture, "experience_row", 3)));
  g_assert_cmpstr (gtk_label_get_label (gap), ==, "3");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (gap), "tp-gap-2"));
  g_assert_cmpuint (adw_combo_row_get_selected (page_child (fixture, "strategy_row")), ==, TP_STRATEGY_PROACTIVE);
  g_assert_cmpuint (n_item_rows (page_child (fixture, "actions_box")), ==, tp->actions->len);
  g_assert_cmpuint (n_item_rows (page_child (fixture, "needs_box")), ==, tp->needs->len);
  g_assert_cmpuint (n_item_rows (page_child (fixture, "kpis_box")), ==, tp->kpis->len);

  /* A touchpoint that is not a moment of truth hides the gap analysis. */
  show_touchpoint (fixture, "t1");
  g_assert_false (gtk_switch_get_active (page_child (fixture, "mot_switch")));
  g_assert_false (gtk_widget_get_visible (page_child (fixture, "gap_group")));
  g_assert_false (gtk_widget_get_visible (page_child (fixture, "plan_group")));

  /* Showing records nothing. */
  g_assert_false (tp_document_can_undo (fixture->document));

  /* A note selected after it gets the note page back. */
  note = g_ptr_array_index (tp_document_get_notes (fixture->document, TP_CONTAINER_CHANNELS), 0);
  tp_selection_set_one (fixture->selection, note->item.id);
  g_assert_cmpstr (visible_page (fixture), ==, "notes");
}

static void
test_rename_merges (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkEditable *name = page_child (fixture, "name_row");

  show_touchpoint (fixture, "t10");
  type_text (name, "Doorstep delivery");

  g_assert_cmpstr (touchpoint (fixture, "t10")->name, ==, "Doorstep delivery");
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Rename Touchpoint");
  g_assert_cmpuint (count_steps (fixture), ==, 1);

  /* Another field is a step of its own. */
  type_text (page_child (fixture, "channel_row"), "Van");
  g_assert_cmpstr (touchpoint (fixture, "t10")->channel, ==, "Van");
  g_assert_cmpuint (count_steps (fixture), ==, 2);

  undo (fixture);
  undo (fixture);
  g_assert_cmpstr (touchpoint (fixture, "t10")->name, ==, "Delivery");
  g_assert_cmpstr (gtk_editable_get_text (name), ==, "Delivery");
  g_assert_cmpstr (gtk_editable_get_text (page_child (fixture, "channel_row")), ==, "Courier");
  g_assert_false (tp_document_can_undo (fixture->document));

  /* Text over the model's limit never reaches the document. */
  {
    g_autofree char *long_text = g_strnfill (TP_TEXT_MAX + 50, 'x');

    gtk_editable_set_text (name, long_text);
    g_assert_cmpint (g_utf8_strlen (touchpoint (fixture, "t10")->name, -1), ==, TP_TEXT_MAX);
  }
}

static void
test_emotion (Fixture       *fixture,
              gconstpointer  data)
{
  GtkRange *scale = page_child (fixture, "emotion_scale");

  show_touchpoint (fixture, "t10");

  /* A drag across the scale: several values, one step. */
  gtk_range_set_value (scale, -1);
  gtk_range_set_value (scale, 0);
  gtk_range_set_value (scale, 1);
  g_assert_cmpint (touchpoint (fixture, "t10")->emotion, ==, 1);
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Set Emotion");
  g_assert_cmpuint (count_steps (fixture), ==, 1);
  g_assert_cmpstr (gtk_label_get_label (page_child (fixture, "emotion_label")), ==, "Pleased");

  undo (fixture);
  g_assert_cmpint (touchpoint (fixture, "t10")->emotion, ==, -2);
  g_assert_cmpint ((int) gtk_range_get_value (scale), ==, -2);
  g_assert_cmpstr (gtk_label_get_label (page_child (fixture, "emotion_label")), ==, "Frustrated");
  g_assert_false (tp_document_can_undo (fixture->document));
}

static void
test_moment_of_truth (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkSwitch *mot = page_child (fixture, "mot_switch");
  GtkLabel *gap = page_child (fixture, "gap_label");
  TpTouchpoint *tp;

  show_touchpoint (fixture, "t1");
  gtk_switch_set_active (mot, TRUE);
  tp = touchpoint (fixture, "t1");
  g_assert_true (tp->moment_of_truth);
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Mark as Moment of Truth");
  g_assert_true (gtk_widget_get_visible (page_child (fixture, "gap_group")));
  g_assert_cmpstr (gtk_label_get_label (gap), ==, "—");

  gtk_toggle_button_set_active (rating_button (fixture, "expectation_row", 5), TRUE);
  gtk_toggle_button_set_active (rating_button (fixture, "experience_row", 2), TRUE);
  g_assert_cmpuint (tp->expectation, ==, 5);
  g_assert_cmpuint (tp->experience, ==, 2);
  g_assert_cmpstr (gtk_label_get_label (gap), ==, "3");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (gap), "tp-gap-2"));

  /* Another score in the same row replaces it; the chosen one again clears it. */
  gtk_toggle_button_set_active (rating_button (fixture, "experience_row", 4), TRUE);
  g_assert_cmpuint (tp->experience, ==, 4);
  g_assert_false (gtk_toggle_button_get_active (rating_button (fixture, "experience_row", 2)));
  g_assert_cmpstr (gtk_label_get_label (gap), ==, "1");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (gap), "tp-gap-1"));
  gtk_toggle_button_set_active (rating_button (fixture, "impact_row", 3), TRUE);
  gtk_toggle_button_set_active (rating_button (fixture, "impact_row", 3), FALSE);
  g_assert_cmpuint (tp->impact, ==, 0);

  adw_combo_row_set_selected (page_child (fixture, "strategy_row"), TP_STRATEGY_REACTIVE);
  g_assert_cmpint (tp->strategy, ==, TP_STRATEGY_REACTIVE);
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Set Strategy");
  assert_round_trip (fixture);

  /* Undo takes the rows back step by step. */
  undo (fixture);
  g_assert_cmpuint (adw_combo_row_get_selected (page_child (fixture, "strategy_row")), ==, TP_STRATEGY_NONE);
  undo (fixture);
  undo (fixture);
  undo (fixture);
  g_assert_cmpstr (gtk_label_get_label (gap), ==, "3");
  g_assert_true (gtk_toggle_button_get_active (rating_button (fixture, "experience_row", 2)));

  /* Unmarking clears the gap analysis (a file keeps it only for moments of truth), in
   * one step that undo reverses. */
  show_touchpoint (fixture, "t10");
  gtk_switch_set_active (mot, FALSE);
  tp = touchpoint (fixture, "t10");
  g_assert_false (tp->moment_of_truth);
  g_assert_cmpuint (tp->expectation, ==, 0);
  g_assert_cmpuint (tp->actions->len, ==, 0);
  g_assert_false (gtk_widget_get_visible (page_child (fixture, "gap_group")));
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Unmark Moment of Truth");
  assert_round_trip (fixture);
  undo (fixture);
  g_assert_true (tp->moment_of_truth);
  g_assert_cmpuint (tp->expectation, ==, 5);
  g_assert_cmpuint (tp->actions->len, ==, 2);
  g_assert_true (gtk_switch_get_active (mot));
}

static void
test_text_lists (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkListBox *pains = page_child (fixture, "pains_box");
  guint n;

  show_touchpoint (fixture, "t10");
  n = touchpoint (fixture, "t10")->pains->len;

  /* A new row waits for its first keystroke; typing it in is one step. */
  activate_add_row (pains);
  g_assert_cmpuint (n_item_rows (pains), ==, n + 1);
  g_assert_false (tp_document_can_undo (fixture->document));
  type_text (item_row (pains, n), "No call before arrival");
  g_assert_cmpuint (touchpoint (fixture, "t10")->pains->len, ==, n + 1);
  g_assert_cmpstr (g_ptr_array_index (touchpoint (fixture, "t10")->pains, n), ==, "No call before arrival");
  g_assert_cmpuint (count_steps (fixture), ==, 1);

  /* Emptied, it leaves the document, though the row stays for more typing. */
  gtk_editable_set_text (GTK_EDITABLE (item_row (pains, n)), "");
  g_assert_cmpuint (touchpoint (fixture, "t10")->pains->len, ==, n);
  g_assert_cmpuint (n_item_rows (pains), ==, n + 1);

  /* Removing is a step of its own. */
  click_button (item_row (pains, 0), "Remove");
  g_assert_cmpuint (touchpoint (fixture, "t10")->pains->len, ==, n - 1);
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Remove Pain Point");

  undo (fixture);
  g_assert_cmpuint (n_item_rows (pains), ==, n);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (item_row (pains, 0))), ==,
                   g_ptr_array_index (touchpoint (fixture, "t10")->pains, 0));

  /* Opportunities work the same way. */
  activate_add_row (page_child (fixture, "opportunities_box"));
  type_text (item_row (page_child (fixture, "opportunities_box"),
                       touchpoint (fixture, "t10")->opportunities->len),
             "Photo on delivery");
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Edit Opportunities");
  assert_round_trip (fixture);
}

static void
test_action_plan (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkListBox *actions = page_child (fixture, "actions_box");
  TpActionItem *action;
  GtkWidget *row;

  show_touchpoint (fixture, "t10");
  g_assert_cmpuint (n_item_rows (actions), ==, 2);

  activate_add_row (actions);
  row = item_row (actions, 2);
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_cmpuint (touchpoint (fixture, "t10")->actions->len, ==, 2);

  type_text (nth_descendant (row, ADW_TYPE_ENTRY_ROW, 0), "Call customers on delay");
  type_text (nth_descendant (row, ADW_TYPE_ENTRY_ROW, 1), "Service & ops");
  adw_combo_row_set_selected (nth_descendant (row, ADW_TYPE_COMBO_ROW, 0), TP_ACTION_IN_PROGRESS);

  g_assert_cmpuint (touchpoint (fixture, "t10")->actions->len, ==, 3);
  action = g_ptr_array_index (touchpoint (fixture, "t10")->actions, 2);
  g_assert_cmpstr (action->what, ==, "Call customers on delay");
  g_assert_cmpstr (action->owner, ==, "Service & ops");
  g_assert_cmpint (action->status, ==, TP_ACTION_IN_PROGRESS);
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Edit Action Plan");
  /* The user's words are not markup: "&" and "<" show as they are. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Call customers on delay");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "Service & ops · In progress");
  assert_round_trip (fixture);

  /* The rows follow undo in place: the row stays open. */
  undo (fixture);
  g_assert_cmpuint (adw_combo_row_get_selected (nth_descendant (row, ADW_TYPE_COMBO_ROW, 0)), ==, TP_ACTION_TO_DO);
  g_assert_true (item_row (actions, 2) == row);
}

static void
test_kano_need (Fixture       *fixture,
                gconstpointer  data)
{
  GtkListBox *needs = page_child (fixture, "needs_box");
  TpKanoNeed *need;
  GtkWidget *row;
  guint n;

  /* One Kano truth (issue 15): the need whose 68 answers the analysis classifies as
   * Attractive said "Not classified" here; it says what the analysis and the board say,
   * and where it comes from. */
  show_touchpoint (fixture, "t4");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (item_row (needs, 0))), ==,
                   "Attractive (from 68 answers)");
  {
    g_autofree char *shared = tp_kano_describe (g_ptr_array_index (touchpoint (fixture, "t4")->needs, 0));

    g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (item_row (needs, 0))), ==, shared);
  }

  show_touchpoint (fixture, "t10");
  n = touchpoint (fixture, "t10")->needs->len;

  /* The questionnaire's answers show as a count. */
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (item_row (needs, 0))), "70 answers"));

  activate_add_row (needs);
  row = item_row (needs, n);
  type_text (nth_descendant (row, ADW_TYPE_ENTRY_ROW, 0), "Parcel never left outside");
  adw_combo_row_set_selected (nth_descendant (row, ADW_TYPE_COMBO_ROW, 0), TP_KANO_ATTRACTIVE);

  g_assert_cmpuint (touchpoint (fixture, "t10")->needs->len, ==, n + 1);
  need = g_ptr_array_index (touchpoint (fixture, "t10")->needs, n);
  g_assert_cmpstr (need->text, ==, "Parcel never left outside");
  g_assert_cmpint (need->category, ==, TP_KANO_ATTRACTIVE);
  g_assert_nonnull (need->id);
  g_assert_null (tp_document_lookup (fixture->document, need->id));
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Classify Need");
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "Attractive (set by hand)");
  assert_round_trip (fixture);

  /* Back to "Not classified". */
  adw_combo_row_set_selected (nth_descendant (row, ADW_TYPE_COMBO_ROW, 0), TP_KANO_NONE);
  g_assert_cmpint (((TpKanoNeed *) g_ptr_array_index (touchpoint (fixture, "t10")->needs, n))->category,
                   ==, TP_KANO_NONE);
}

static TpKpiEditor *
add_kpi (Fixture    *fixture,
         GtkWidget  *page,
         const char *action,
         GtkListBox *box,
         TpKpiKind   kind)
{
  guint n = n_item_rows (box);
  TpKpiEditor *editor;

  g_assert_true (gtk_widget_activate_action (page, action, "s", tp_enum_to_nick (TP_ENUM_KPI_KIND, kind)));
  g_assert_cmpuint (n_item_rows (box), ==, n + 1);
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Add KPI");

  editor = TP_KPI_EDITOR (item_row (box, n));
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (editor)));
  g_assert_cmpint (tp_kpi_editor_get_kpi (editor)->kind, ==, kind);
  g_assert_cmpstr (gtk_label_get_label (editor_child (editor, "formula_label")), ==,
                   tp_kpi_editor_get_formula (kind, TP_CSAT_TOP_2_BOX));

  return editor;
}

static GtkEditable *
score_entry (TpKpiEditor *editor,
             guint        score)
{
  GtkWidget *grid = editor_child (editor, "scores_grid");

  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_ENTRY (child) && GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), "tp-score")) == score)
      return GTK_EDITABLE (child);

  return NULL;
}

static const TpKpi *
last_kpi (TpTouchpoint *tp)
{
  g_assert_cmpuint (tp->kpis->len, >, 0);
  return g_ptr_array_index (tp->kpis, tp->kpis->len - 1);
}

static void
test_kpis (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->touchpoint_page);
  GtkListBox *box = page_child (fixture, "kpis_box");
  TpTouchpoint *tp;
  TpKpiEditor *editor;

  show_touchpoint (fixture, "t10");
  tp = touchpoint (fixture, "t10");

  /* NPS: counts of 0 … 10, nothing outside. */
  editor = add_kpi (fixture, page, "touchpoint.add-kpi", box, TP_KPI_NPS);
  g_assert_cmpstr (last_kpi (tp)->name, ==, "Net Promoter Score");
  g_assert_nonnull (score_entry (editor, 0));
  g_assert_nonnull (score_entry (editor, 10));
  type_text (score_entry (editor, 10), "40");
  type_text (score_entry (editor, 8), "12");
  type_text (score_entry (editor, 0), "5");
  type_text (editor_child (editor, "target_row"), "30");
  g_assert_cmpuint (last_kpi (tp)->scores[10], ==, 40);
  g_assert_cmpuint (last_kpi (tp)->scores[8], ==, 12);
  g_assert_cmpuint (last_kpi (tp)->scores[0], ==, 5);
  g_assert_cmpfloat (last_kpi (tp)->target, ==, 30);

  /* CSAT: counts of 1 … 5 and a method. */
  editor = add_kpi (fixture, page, "touchpoint.add-kpi", box, TP_KPI_CSAT);
  g_assert_null (score_entry (editor, 0));
  g_assert_null (score_entry (editor, 6));
  type_text (score_entry (editor, 5), "62");
  adw_combo_row_set_selected (editor_child (editor, "method_row"), TP_CSAT_MEAN);
  g_assert_cmpuint (last_kpi (tp)->scores[5], ==, 62);
  g_assert_cmpint (last_kpi (tp)->method, ==, TP_CSAT_MEAN);
  g_assert_cmpstr (gtk_label_get_label (editor_child (editor, "formula_label")), ==,
                   tp_kpi_editor_get_formula (TP_KPI_CSAT, TP_CSAT_MEAN));

  /* CES: counts of 1 … 7. */
  editor = add_kpi (fixture, page, "touchpoint.add-kpi", box, TP_KPI_CES);
  g_assert_nonnull (score_entry (editor, 7));
  type_text (score_entry (editor, 7), "3");
  adw_combo_row_set_selected (editor_child (editor, "direction_row"), TP_DIRECTION_LOWER);
  g_assert_cmpuint (last_kpi (tp)->scores[7], ==, 3);
  g_assert_cmpint (last_kpi (tp)->direction, ==, TP_DIRECTION_LOWER);

  /* Retention: start, end, new. */
  editor = add_kpi (fixture, page, "touchpoint.add-kpi", box, TP_KPI_RETENTION);
  g_assert_true (gtk_widget_get_visible (editor_child (editor, "start_row")));
  g_assert_false (gtk_widget_get_visible (editor_child (editor, "scores_row")));
  type_text (editor_child (editor, "start_row"), "1000");
  type_text (editor_child (editor, "end_row"), "930");
  type_text (editor_child (editor, "new_row"), "110");
  g_assert_cmpuint (last_kpi (tp)->start, ==, 1000);
  g_assert_cmpuint (last_kpi (tp)->end, ==, 930);
  g_assert_cmpuint (last_kpi (tp)->new_customers, ==, 110);

  /* Conversion: conversions and visitors. */
  editor = add_kpi (fixture, page, "touchpoint.add-kpi", box, TP_KPI_CONVERSION);
  type_text (editor_child (editor, "conversions_row"), "320");
  type_text (editor_child (editor, "visitors_row"), "10000");
  type_text (editor_child (editor, "name_row"), "Doorstep <conversion> & more");
  g_assert_cmpuint (last_kpi (tp)->conversions, ==, 320);
  g_assert_cmpuint (last_kpi (tp)->visitors, ==, 10000);
  g_assert_cmpstr (last_kpi (tp)->name, ==, "Doorstep <conversion> & more");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (editor)), ==,
                   "Doorstep <conversion> & more");

  /* Custom: a value and its unit. */
  editor = add_kpi (fixture, page, "touchpoint.add-kpi", box, TP_KPI_CUSTOM);
  type_text (editor_child (editor, "value_row"), "26,5");
  type_text (editor_child (editor, "unit_row"), "h");
  type_text (editor_child (editor, "target_row"), "−24");
  g_assert_cmpfloat (last_kpi (tp)->value, ==, 26.5);
  g_assert_cmpstr (last_kpi (tp)->unit, ==, "h");
  g_assert_cmpfloat (last_kpi (tp)->target, ==, -24);

  assert_round_trip (fixture);

  /* Removing one is a step. */
  click_button (GTK_WIDGET (editor), "Remove KPI");
  g_assert_cmpint (last_kpi (tp)->kind, ==, TP_KPI_CONVERSION);
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Remove KPI");
}

static void
test_kpi_kind_change (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *page = GTK_WIDGET (fixture->touchpoint_page);
  GtkListBox *box = page_child (fixture, "kpis_box");
  TpTouchpoint *tp;
  TpKpiEditor *editor;

  show_touchpoint (fixture, "t10");
  tp = touchpoint (fixture, "t10");

  editor = add_kpi (fixture, page, "touchpoint.add-kpi", box, TP_KPI_NPS);
  type_text (score_entry (editor, 0), "4");
  type_text (score_entry (editor, 3), "7");
  type_text (score_entry (editor, 9), "21");
  type_text (editor_child (editor, "target_row"), "30");

  /* Into CSAT (1–5): 3 stays, 0 and 9 cannot and go; the target stays, and the name,
   * which was only the kind's, follows the kind. */
  adw_combo_row_set_selected (editor_child (editor, "kind_row"), TP_KPI_CSAT);
  g_assert_cmpint (last_kpi (tp)->kind, ==, TP_KPI_CSAT);
  g_assert_cmpuint (last_kpi (tp)->scores[0], ==, 0);
  g_assert_cmpuint (last_kpi (tp)->scores[3], ==, 7);
  g_assert_cmpuint (last_kpi (tp)->scores[9], ==, 0);
  g_assert_cmpfloat (last_kpi (tp)->target, ==, 30);
  g_assert_cmpstr (last_kpi (tp)->name, ==, "Customer Satisfaction");
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Change KPI Kind");
  g_assert_null (score_entry (editor, 9));
  g_assert_cmpstr (gtk_editable_get_text (score_entry (editor, 3)), ==, "7");
  assert_round_trip (fixture);

  /* Into conversion: no scores at all. */
  adw_combo_row_set_selected (editor_child (editor, "kind_row"), TP_KPI_CONVERSION);
  g_assert_cmpuint (last_kpi (tp)->scores[3], ==, 0);
  g_assert_false (gtk_widget_get_visible (editor_child (editor, "scores_row")));

  /* Undo brings the scores back, in the grid too. */
  undo (fixture);
  undo (fixture);
  g_assert_cmpint (last_kpi (tp)->kind, ==, TP_KPI_NPS);
  g_assert_cmpuint (last_kpi (tp)->scores[9], ==, 21);
  g_assert_cmpstr (gtk_editable_get_text (score_entry (editor, 9)), ==, "21");
}

static void
test_invalid_numbers (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char * const invalid[] = { "abc", "1e13", "-2e12", "nan", "inf", "0x10", "1.2.3", "--" };
  GtkWidget *page = GTK_WIDGET (fixture->touchpoint_page);
  TpTouchpoint *tp;
  TpKpiEditor *editor;
  GtkWidget *target;
  guint64 state;

  show_touchpoint (fixture, "t10");
  tp = touchpoint (fixture, "t10");
  editor = add_kpi (fixture, page, "touchpoint.add-kpi", page_child (fixture, "kpis_box"), TP_KPI_NPS);
  target = editor_child (editor, "target_row");
  state = tp_document_get_state (fixture->document);

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      gtk_editable_set_text (GTK_EDITABLE (target), invalid[i]);
      g_assert_true (gtk_widget_has_css_class (target, "error"));
      g_assert_true (isnan (last_kpi (tp)->target));
      g_assert_cmpuint (tp_document_get_state (fixture->document), ==, state);
    }

  /* A count beyond the model's limit is refused the same way. */
  gtk_editable_set_text (score_entry (editor, 10), "1000000001");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (score_entry (editor, 10)), "error"));
  g_assert_cmpuint (last_kpi (tp)->scores[10], ==, 0);
  gtk_editable_set_text (score_entry (editor, 10), "1000000000");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (score_entry (editor, 10)), "error"));
  g_assert_cmpuint (last_kpi (tp)->scores[10], ==, TP_COUNT_MAX);

  /* An edit elsewhere leaves the half-typed target alone. */
  gtk_editable_set_text (GTK_EDITABLE (target), "4x");
  type_text (editor_child (editor, "name_row"), "Courier NPS");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (target)), ==, "4x");

  gtk_editable_set_text (GTK_EDITABLE (target), "42.5");
  g_assert_false (gtk_widget_has_css_class (target, "error"));
  g_assert_cmpfloat (last_kpi (tp)->target, ==, 42.5);

  /* Empty means no target. */
  gtk_editable_set_text (GTK_EDITABLE (target), "");
  g_assert_true (isnan (last_kpi (tp)->target));
  assert_round_trip (fixture);
}

static void
test_stage (Fixture       *fixture,
            gconstpointer  data)
{
  TpStage *stage = tp_document_lookup_kind (fixture->document, "s4", TP_ITEM_STAGE);
  GtkTextBuffer *job = gtk_text_view_get_buffer (stage_child (fixture, "job_view"));
  g_autoptr(GPtrArray) touchpoints = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *count = NULL;
  g_autofree char *original_job = g_strdup (stage->job);
  guint n_stages = tp_document_get_stages (fixture->document)->len;
  const char *id = "s4";

  g_assert_nonnull (stage);
  for (guint i = 0; i < stage->touchpoints->len; i++)
    g_ptr_array_add (touchpoints, g_strdup (((TpItem *) g_ptr_array_index (stage->touchpoints, i))->id));

  tp_selection_set_one (fixture->selection, "s4");
  g_assert_cmpstr (visible_page (fixture), ==, "stage");
  g_assert_cmpstr (gtk_editable_get_text (stage_child (fixture, "name_row")), ==, "Usage");
  count = g_strdup_printf ("%u", touchpoints->len);
  g_assert_cmpstr (gtk_label_get_label (stage_child (fixture, "touchpoints_count")), ==, count);

  /* Renaming is one step however many keys. */
  type_text (stage_child (fixture, "name_row"), "Delivery and setup");
  g_assert_cmpstr (stage->name, ==, "Delivery and setup");
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Rename Stage");
  g_assert_cmpuint (count_steps (fixture), ==, 1);

  gtk_text_buffer_set_text (job, "When it arrives, I want it working tonight, so I can use it.", -1);
  g_assert_cmpstr (stage->job, ==, "When it arrives, I want it working tonight, so I can use it.");
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Set Job");
  g_assert_false (gtk_widget_get_visible (stage_child (fixture, "job_placeholder")));
  gtk_text_buffer_set_text (job, "", -1);
  g_assert_true (gtk_widget_get_visible (stage_child (fixture, "job_placeholder")));
  /* Text past the model's limit is refused, not cut off unseen. */
  {
    g_autofree char *long_text = g_strnfill (TP_TEXT_MAX + 1, 'x');
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (job, &end);
    gtk_text_buffer_insert (job, &end, long_text, -1);
    g_assert_cmpstr (stage->job, ==, "");
  }

  /* Typing and clearing were one step. */
  undo (fixture);
  g_assert_cmpstr (stage->job, ==, original_job);

  /* Stage KPIs use the same editor. */
  add_kpi (fixture, GTK_WIDGET (fixture->stage_page), "stage.add-kpi", stage_child (fixture, "kpis_box"),
           TP_KPI_RETENTION);
  g_assert_cmpuint (stage->kpis->len, ==, 2);
  assert_round_trip (fixture);

  /* Deleting takes the touchpoints along, in one step that undo reverses. */
  g_signal_emit_by_name (stage_child (fixture, "delete_button"), "clicked");
  g_assert_null (tp_document_lookup (fixture->document, id));
  for (guint i = 0; i < touchpoints->len; i++)
    g_assert_null (tp_document_lookup (fixture->document, g_ptr_array_index (touchpoints, i)));
  g_assert_cmpuint (tp_document_get_stages (fixture->document)->len, ==, n_stages - 1);
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Delete Stage");
  g_assert_cmpstr (visible_page (fixture), !=, "stage");

  undo (fixture);
  g_assert_nonnull (tp_document_lookup_kind (fixture->document, id, TP_ITEM_STAGE));
  for (guint i = 0; i < touchpoints->len; i++)
    g_assert_nonnull (tp_document_lookup_kind (fixture->document, g_ptr_array_index (touchpoints, i),
                                               TP_ITEM_TOUCHPOINT));
  g_assert_cmpuint (tp_document_get_stages (fixture->document)->len, ==, n_stages);
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Add KPI");
}

static void
on_reveal_item (TpInspector *inspector,
                const char  *id,
                GPtrArray   *revealed)
{
  g_ptr_array_add (revealed, g_strdup (id));
}

/* The rows show the touchpoint's links in the document's order: the note's text, its
 * block, the label. */
static void
assert_linked_notes_show (Fixture    *fixture,
                          const char *id)
{
  TpLinkRows *rows = page_child (fixture, "links");
  g_autoptr(GPtrArray) links = g_ptr_array_new ();

  tp_document_collect_links (fixture->document, id, links);

  g_assert_cmpstr (tp_link_rows_get_item (rows), ==, id);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (rows)), ==, "Linked Notes");
  g_assert_cmpuint (tp_link_rows_get_n_rows (rows), ==, links->len);
  for (guint i = 0; i < links->len; i++)
    {
      TpLink *link = g_ptr_array_index (links, i);
      TpNote *note = tp_document_lookup_kind (fixture->document, link->note, TP_ITEM_NOTE);
      GtkWidget *row = tp_link_rows_get_row_at (rows, i);

      g_assert_true (row == tp_link_rows_get_row (rows, link->item.id));
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, note->text);
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                       tp_enum_get_label (TP_ENUM_CONTAINER, note->container));
      g_assert_cmpstr (gtk_editable_get_text (tp_link_rows_get_label_entry (row)), ==, link->label);
    }
}

static void
test_linked_notes (Fixture       *fixture,
                   gconstpointer  data)
{
  static const char * const expected[] = { "l5", "l11", "l12", "l14", "l15" };
  TpLinkRows *rows = page_child (fixture, "links");
  g_autoptr(GPtrArray) revealed = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *row, *link_button;
  GtkEditable *entry;
  const char *added;

  /* Delivery is linked to five notes, most of them labelled. */
  show_touchpoint (fixture, "t10");
  g_assert_cmpuint (tp_link_rows_get_n_rows (rows), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_true (tp_link_rows_get_row_at (rows, i) == tp_link_rows_get_row (rows, expected[i]));
  g_assert_cmpstr (gtk_editable_get_text (tp_link_rows_get_label_entry (tp_link_rows_get_row (rows, "l11"))), ==,
                   "supports");
  assert_linked_notes_show (fixture, "t10");
  link_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (rows), TP_TYPE_LINK_ROWS, "link_button"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (link_button), ==, "Link to a Note…");

  /* Typing a label is one step, into the same row. */
  row = tp_link_rows_get_row (rows, "l12");
  entry = tp_link_rows_get_label_entry (row);
  type_text (entry, "stocks");
  g_assert_cmpstr (((TpLink *) tp_document_lookup (fixture->document, "l12"))->label, ==, "stocks");
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Change Link Label");
  g_assert_cmpuint (count_steps (fixture), ==, 1);
  g_assert_true (tp_link_rows_get_row (rows, "l12") == row);
  undo (fixture);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");

  /* Removing one is a step that undo takes back, in its place. */
  click_button (tp_link_rows_get_row (rows, "l11"), "Remove Link");
  g_assert_null (tp_document_lookup (fixture->document, "l11"));
  g_assert_cmpuint (tp_link_rows_get_n_rows (rows), ==, G_N_ELEMENTS (expected) - 1);
  undo (fixture);
  assert_linked_notes_show (fixture, "t10");
  g_assert_false (tp_document_can_undo (fixture->document));

  /* A link made elsewhere appears. */
  added = tp_document_add_link (fixture->document, "n12", "t10", "sells");
  g_assert_nonnull (added);
  assert_linked_notes_show (fixture, "t10");
  g_assert_true (tp_link_rows_get_row_at (rows, G_N_ELEMENTS (expected)) == tp_link_rows_get_row (rows, added));
  undo (fixture);
  g_assert_cmpuint (tp_link_rows_get_n_rows (rows), ==, G_N_ELEMENTS (expected));

  /* A row leads to its note: the window shows it and selects it. */
  g_signal_connect (fixture->inspector, "reveal-item", G_CALLBACK (on_reveal_item), revealed);
  adw_action_row_activate (ADW_ACTION_ROW (tp_link_rows_get_row (rows, "l14")));
  g_signal_handlers_disconnect_by_data (fixture->inspector, revealed);
  g_assert_cmpuint (revealed->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (revealed, 0), ==, "n47");
  g_assert_cmpstr (tp_selection_get_primary (fixture->selection), ==, "n47");
  g_assert_cmpstr (visible_page (fixture), ==, "notes");

  /* A touchpoint without links says how to make one. */
  show_touchpoint (fixture, "t3");
  g_assert_cmpuint (tp_link_rows_get_n_rows (rows), ==, 0);
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (rows)), ==,
                   "Not linked yet. Drag the link handle to a note, or press Ctrl+K.");
  g_assert_false (tp_document_can_undo (fixture->document));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = tp_test_init_display (&argc, &argv, "touchpoint-test-touchpoint-page");

#define ADD(path, func) \
  g_test_add ("/touchpoint/touchpoint-page/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("shows-fields", test_shows_fields);
  ADD ("rename-merges", test_rename_merges);
  ADD ("emotion", test_emotion);
  ADD ("moment-of-truth", test_moment_of_truth);
  ADD ("text-lists", test_text_lists);
  ADD ("action-plan", test_action_plan);
  ADD ("kano-need", test_kano_need);
  ADD ("kpis", test_kpis);
  ADD ("kpi-kind-change", test_kpi_kind_change);
  ADD ("invalid-numbers", test_invalid_numbers);
  ADD ("stage", test_stage);
  ADD ("linked-notes", test_linked_notes);

#undef ADD

  status = g_test_run ();

  tp_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
