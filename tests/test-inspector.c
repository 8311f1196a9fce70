/* test-inspector.c: the side panel that edits the selection, in a real window on a real
 * (virtual) display.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "app/tp-window.h"
#include "model/tp-enums.h"
#include "views/tp-board.h"
#include "views/tp-inspector.h"
#include "views/tp-overview-page.h"
#include "tp-test-display.h"

static char *tmp_dir;

/* One window on the example for each test, and what the tests reach into. */
typedef struct
{
  TpWindow    *window;
  TpDocument  *document;
  TpBoard     *board;
  TpInspector *inspector;
  TpSelection *selection;
} Fixture;

static gboolean
is_loaded (gpointer data)
{
  return !tp_window_get_loading (data);
}

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

static const char *
example_path (void)
{
  const char *path = g_getenv ("TP_EXAMPLE");

  return path != NULL ? path : TP_EXAMPLE_PATH;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (example_path ());

  fixture->window = g_object_ref (tp_window_new (NULL));
  tp_window_open_file (fixture->window, file);
  gtk_window_present (GTK_WINDOW (fixture->window));
  tp_test_wait_until (is_loaded, fixture->window, "the document to load");

  fixture->document = tp_window_get_document (fixture->window);
  g_assert_nonnull (fixture->document);

  fixture->board = TP_BOARD (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                            TP_TYPE_WINDOW, "board"));
  fixture->inspector = TP_INSPECTOR (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                    TP_TYPE_WINDOW, "inspector"));
  fixture->selection = tp_inspector_get_selection (fixture->inspector);

  /* The board and the inspector share the window's one selection. */
  g_assert_nonnull (fixture->selection);
  g_assert_true (tp_board_get_selection (fixture->board) == fixture->selection);
  g_assert_true (tp_inspector_get_document (fixture->inspector) == fixture->document);
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

static gpointer
inspector_child (Fixture    *fixture,
                 const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->inspector),
                                                  TP_TYPE_INSPECTOR, name);

  g_assert_nonnull (child);
  return child;
}

static const char *
visible_page (Fixture *fixture)
{
  return gtk_stack_get_visible_child_name (inspector_child (fixture, "stack"));
}

static GtkToggleButton *
swatch (Fixture      *fixture,
        TpNoteColour  colour)
{
  GtkWidget *child = gtk_widget_get_first_child (inspector_child (fixture, "swatch_box"));

  for (guint i = 0; i < colour && child != NULL; i++)
    child = gtk_widget_get_next_sibling (child);

  g_assert_true (GTK_IS_TOGGLE_BUTTON (child));
  return GTK_TOGGLE_BUTTON (child);
}

/* The swatch that is checked, or -1 for none (several colours). */
static int
checked_swatch (Fixture *fixture)
{
  int checked = -1;

  for (guint c = 0; c < TP_N_NOTE_COLOURS; c++)
    if (gtk_toggle_button_get_active (swatch (fixture, c)))
      {
        g_assert_cmpint (checked, ==, -1);
        checked = (int) c;
      }

  return checked;
}

static char *
dup_text_view_text (Fixture *fixture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (inspector_child (fixture, "text_view"));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static TpNote *
canvas_note (Fixture     *fixture,
             TpContainer  container,
             guint        index)
{
  GPtrArray *notes = tp_document_get_notes (fixture->document, container);

  g_assert_cmpuint (index, <, notes->len);
  return g_ptr_array_index (notes, index);
}

/* The persona the persona row shows, by name; NULL for none or for several. */
static const char *
shown_persona (Fixture *fixture)
{
  AdwComboRow *row = inspector_child (fixture, "persona_row");
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

/* What a click does; gtk_widget_activate() would only get there after the pressed look
 * has been shown for a while. */
static void
click (GtkWidget *button)
{
  g_signal_emit_by_name (button, "clicked");
}

static void
undo (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
}

static void
assert_rows_show (Fixture *fixture,
                  TpNote  *note)
{
  g_autofree char *text = dup_text_view_text (fixture);
  TpPersona *persona = tp_document_get_persona_of (fixture->document, note->item.id);

  g_assert_cmpstr (visible_page (fixture), ==, "notes");
  g_assert_true (gtk_widget_get_visible (inspector_child (fixture, "text_group")));
  g_assert_cmpstr (text, ==, note->text);
  g_assert_cmpint (checked_swatch (fixture), ==, note->colour);
  g_assert_cmpstr (gtk_label_get_label (inspector_child (fixture, "colour_label")), ==,
                   tp_enum_get_label (TP_ENUM_NOTE_COLOUR, note->colour));
  g_assert_cmpstr (shown_persona (fixture), ==, persona != NULL ? persona->name : "None");
  g_assert_cmpuint (adw_combo_row_get_selected (inspector_child (fixture, "evidence_row")), ==,
                    note->evidence);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (inspector_child (fixture, "votes_spin")), ==,
                   (int) note->votes);
  g_assert_cmpstr (gtk_label_get_label (inspector_child (fixture, "block_label")), ==,
                   tp_enum_get_label (TP_ENUM_CONTAINER, note->container));
}

static void
test_nothing_selected (Fixture       *fixture,
                       gconstpointer  data)
{
  TpOverviewPage *page = inspector_child (fixture, "overview_page");
  GtkEditable *title_row = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                        TP_TYPE_OVERVIEW_PAGE,
                                                                        "title_row"));
  TpNote *note = canvas_note (fixture, TP_CONTAINER_CHANNELS, 0);

  /* A document opens with nothing selected: the workshop's properties show. */
  g_assert_cmpuint (tp_selection_get_n_items (fixture->selection), ==, 0);
  g_assert_cmpstr (visible_page (fixture), ==, "document");
  g_assert_true (tp_overview_page_get_document (page) == fixture->document);
  g_assert_cmpstr (gtk_editable_get_text (title_row), ==, tp_document_get_meta (fixture->document)->title);

  tp_selection_set_one (fixture->selection, note->item.id);
  g_assert_cmpstr (visible_page (fixture), ==, "notes");

  tp_selection_clear (fixture->selection);
  g_assert_cmpstr (visible_page (fixture), ==, "document");

  /* Ids that are not notes (the journey's items come in later issues) are not
   * inspected yet: the workshop shows. */
  tp_selection_set_one (fixture->selection, "no-such-item");
  g_assert_cmpstr (visible_page (fixture), ==, "document");
}

static void
test_single_note (Fixture       *fixture,
                  gconstpointer  data)
{
  TpNote *with_persona = canvas_note (fixture, TP_CONTAINER_CUSTOMER_SEGMENTS, 0);
  TpNote *without_persona = canvas_note (fixture, TP_CONTAINER_CUSTOMER_SEGMENTS, 3);

  g_assert_nonnull (with_persona->persona);
  g_assert_null (without_persona->persona);

  tp_selection_set_one (fixture->selection, with_persona->item.id);
  assert_rows_show (fixture, with_persona);
  g_assert_cmpstr (gtk_label_get_label (inspector_child (fixture, "heading_label")), ==, "Note");

  /* Moving to another note shows that one, and records nothing. */
  tp_selection_set_one (fixture->selection, without_persona->item.id);
  assert_rows_show (fixture, without_persona);
  g_assert_false (tp_document_can_undo (fixture->document));
  g_assert_false (tp_document_get_modified (fixture->document));
}

static void
test_colour_swatch (Fixture       *fixture,
                    gconstpointer  data)
{
  TpNote *note = canvas_note (fixture, TP_CONTAINER_CUSTOMER_SEGMENTS, 0);
  TpNoteColour original = note->colour;
  TpNoteColour other = original == TP_NOTE_COLOUR_RED ? TP_NOTE_COLOUR_GREEN : TP_NOTE_COLOUR_RED;

  tp_selection_set_one (fixture->selection, note->item.id);

  /* The tooltips name what the colour means in a workshop. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (swatch (fixture, TP_NOTE_COLOUR_YELLOW))), ==,
                   "Idea");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (swatch (fixture, TP_NOTE_COLOUR_GREEN))), ==,
                   "Opportunity");

  click (GTK_WIDGET (swatch (fixture, other)));

  g_assert_cmpint (note->colour, ==, other);
  g_assert_cmpint (checked_swatch (fixture), ==, other);
  g_assert_true (tp_document_get_modified (fixture->document));
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Change Colour");

  /* One undo step restores it, and the rows follow. */
  undo (fixture);
  g_assert_cmpint (note->colour, ==, original);
  g_assert_false (tp_document_can_undo (fixture->document));
  g_assert_false (tp_document_get_modified (fixture->document));
  g_assert_true (tp_selection_contains (fixture->selection, note->item.id));
  assert_rows_show (fixture, note);
}

static void
test_text_typing (Fixture       *fixture,
                  gconstpointer  data)
{
  TpNote *note = canvas_note (fixture, TP_CONTAINER_VALUE_PROPOSITIONS, 0);
  g_autofree char *original = g_strdup (note->text);
  g_autofree char *typed = g_strconcat (original, " (typed)", NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (inspector_child (fixture, "text_view"));
  GtkTextIter end;

  tp_selection_set_one (fixture->selection, note->item.id);

  /* Typing, a letter at a time, reaches the document as it goes… */
  for (const char *p = " (typed)"; *p != '\0'; p++)
    {
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, p, 1);
    }
  g_assert_cmpstr (note->text, ==, typed);
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Edit Note");

  /* …and is one undo step, which the text view shows undone. */
  undo (fixture);
  g_assert_cmpstr (note->text, ==, original);
  g_assert_false (tp_document_can_undo (fixture->document));
  {
    g_autofree char *shown = dup_text_view_text (fixture);

    g_assert_cmpstr (shown, ==, original);
  }

  /* Redo brings it back, in the view too. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL);
  g_assert_cmpstr (note->text, ==, typed);
  {
    g_autofree char *shown = dup_text_view_text (fixture);

    g_assert_cmpstr (shown, ==, typed);
  }
}

static void
test_several_notes (Fixture       *fixture,
                    gconstpointer  data)
{
  TpNote *notes[] = {
    canvas_note (fixture, TP_CONTAINER_CUSTOMER_SEGMENTS, 0),
    canvas_note (fixture, TP_CONTAINER_CUSTOMER_SEGMENTS, 3),
    canvas_note (fixture, TP_CONTAINER_CUSTOMER_SEGMENTS, 4),
  };
  const char *ids[] = { notes[0]->item.id, notes[1]->item.id, notes[2]->item.id, NULL };
  TpNoteColour colours[G_N_ELEMENTS (notes)];

  /* The example gives them different colours, personas and evidence. */
  g_assert_cmpint (notes[0]->colour, !=, notes[1]->colour);
  g_assert_cmpstr (notes[0]->persona, !=, notes[1]->persona);
  g_assert_cmpint (notes[0]->evidence, !=, notes[1]->evidence);

  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    colours[i] = notes[i]->colour;

  tp_selection_set (fixture->selection, ids);

  g_assert_cmpstr (visible_page (fixture), ==, "notes");
  g_assert_cmpstr (gtk_label_get_label (inspector_child (fixture, "heading_label")), ==, "3 Notes");
  g_assert_false (gtk_widget_get_visible (inspector_child (fixture, "text_group")));
  g_assert_false (gtk_widget_get_visible (inspector_child (fixture, "votes_row")));
  g_assert_false (gtk_widget_get_visible (inspector_child (fixture, "block_row")));

  /* Mixed: no swatch checked, no persona or evidence shown. */
  g_assert_cmpint (checked_swatch (fixture), ==, -1);
  g_assert_cmpstr (gtk_label_get_label (inspector_child (fixture, "colour_label")), ==, "Mixed");
  g_assert_null (shown_persona (fixture));
  g_assert_cmpuint (adw_combo_row_get_selected (inspector_child (fixture, "evidence_row")), ==,
                    GTK_INVALID_LIST_POSITION);

  /* A colour for all of them is one step. */
  click (GTK_WIDGET (swatch (fixture, TP_NOTE_COLOUR_GREY)));
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    g_assert_cmpint (notes[i]->colour, ==, TP_NOTE_COLOUR_GREY);
  g_assert_cmpint (checked_swatch (fixture), ==, TP_NOTE_COLOUR_GREY);
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Change Colour");
  /* The window hears of the step although it landed after the notes changed. */
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                                      TP_TYPE_WINDOW,
                                                                                      "undo_button"))));

  undo (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    g_assert_cmpint (notes[i]->colour, ==, colours[i]);
  g_assert_false (tp_document_can_undo (fixture->document));
  g_assert_cmpint (checked_swatch (fixture), ==, -1);

  /* So is a persona, and an evidence level. */
  adw_combo_row_set_selected (inspector_child (fixture, "persona_row"), 2);
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    g_assert_cmpstr (notes[i]->persona, ==,
                     ((TpPersona *) g_ptr_array_index (tp_document_get_personas (fixture->document), 1))->item.id);
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Set Persona");

  adw_combo_row_set_selected (inspector_child (fixture, "evidence_row"), TP_EVIDENCE_VALIDATED);
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    g_assert_cmpint (notes[i]->evidence, ==, TP_EVIDENCE_VALIDATED);
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Set Evidence");

  undo (fixture);
  g_assert_cmpuint (adw_combo_row_get_selected (inspector_child (fixture, "evidence_row")), ==,
                    GTK_INVALID_LIST_POSITION);
  undo (fixture);
  g_assert_null (shown_persona (fixture));
  g_assert_false (tp_document_can_undo (fixture->document));
}

static void
test_fields (Fixture       *fixture,
             gconstpointer  data)
{
  TpNote *note = canvas_note (fixture, TP_CONTAINER_CUSTOMER_SEGMENTS, 3);
  GtkSpinButton *votes = inspector_child (fixture, "votes_spin");
  guint original_votes = note->votes;
  TpPersona *first_persona = g_ptr_array_index (tp_document_get_personas (fixture->document), 0);

  tp_selection_set_one (fixture->selection, note->item.id);
  g_assert_cmpstr (shown_persona (fixture), ==, "None");

  adw_combo_row_set_selected (inspector_child (fixture, "persona_row"), 1);
  g_assert_cmpstr (note->persona, ==, first_persona->item.id);
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Set Persona");

  adw_combo_row_set_selected (inspector_child (fixture, "evidence_row"), TP_EVIDENCE_PARTLY_VALIDATED);
  g_assert_cmpint (note->evidence, ==, TP_EVIDENCE_PARTLY_VALIDATED);
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Set Evidence");

  /* Clicking + three times is one step. */
  gtk_spin_button_spin (votes, GTK_SPIN_STEP_FORWARD, 1);
  gtk_spin_button_spin (votes, GTK_SPIN_STEP_FORWARD, 1);
  gtk_spin_button_spin (votes, GTK_SPIN_STEP_FORWARD, 1);
  g_assert_cmpuint (note->votes, ==, original_votes + 3);
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Vote");

  undo (fixture);
  g_assert_cmpuint (note->votes, ==, original_votes);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (votes), ==, (int) original_votes);

  undo (fixture);
  undo (fixture);
  g_assert_false (tp_document_can_undo (fixture->document));
  assert_rows_show (fixture, note);

  /* Deleting the note (from the board, or the inspector's button) leaves nothing to
   * inspect: the workshop shows again. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.delete-selection", NULL);
  g_assert_null (tp_document_lookup (fixture->document, note->item.id));
  g_assert_cmpstr (visible_page (fixture), ==, "document");
}

static void
test_undo_ends_in_place_edit (Fixture       *fixture,
                              gconstpointer  data)
{
  TpNote *note = canvas_note (fixture, TP_CONTAINER_KEY_PARTNERS, 0);
  TpNoteColour original = note->colour;
  TpNoteColour other = original == TP_NOTE_COLOUR_PINK ? TP_NOTE_COLOUR_GREY : TP_NOTE_COLOUR_PINK;

  tp_selection_set_one (fixture->selection, note->item.id);
  click (GTK_WIDGET (swatch (fixture, other)));
  g_assert_cmpint (note->colour, ==, other);

  /* Ctrl+Z while the note is edited on the board ends that edit before undoing, so the
   * window's undo and the editor never disagree about what the last step was. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->board), "board.edit", NULL));
  g_assert_true (tp_board_get_editing (fixture->board));

  undo (fixture);
  g_assert_false (tp_board_get_editing (fixture->board));
  g_assert_cmpint (note->colour, ==, original);
  g_assert_cmpint (checked_swatch (fixture), ==, original);
  g_assert_false (tp_document_can_undo (fixture->document));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = tp_test_init_display (&argc, &argv, "touchpoint-test-inspector");

#define ADD(path, func) \
  g_test_add ("/touchpoint/inspector/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("nothing-selected", test_nothing_selected);
  ADD ("single-note", test_single_note);
  ADD ("colour-swatch", test_colour_swatch);
  ADD ("text-typing", test_text_typing);
  ADD ("several-notes", test_several_notes);
  ADD ("fields", test_fields);
  ADD ("undo-ends-in-place-edit", test_undo_ends_in_place_edit);

#undef ADD

  status = g_test_run ();

  tp_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
