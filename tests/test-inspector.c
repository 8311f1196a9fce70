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
#include "views/tp-link-page.h"
#include "views/tp-link-rows.h"
#include "views/tp-overview-page.h"
#include "views/tp-persona-page.h"
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

/* The n-th swatch of a row of them. */
static GtkToggleButton *
nth_swatch (GtkWidget *box,
            guint      n)
{
  GtkWidget *child = gtk_widget_get_first_child (box);

  for (guint i = 0; i < n && child != NULL; i++)
    child = gtk_widget_get_next_sibling (child);

  g_assert_true (GTK_IS_TOGGLE_BUTTON (child));
  return GTK_TOGGLE_BUTTON (child);
}

static GtkToggleButton *
swatch (Fixture      *fixture,
        TpNoteColour  colour)
{
  return nth_swatch (inspector_child (fixture, "swatch_box"), colour);
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

  /* The tooltips name what the colour means in a workshop, and its key on the board. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (swatch (fixture, TP_NOTE_COLOUR_YELLOW))), ==,
                   "Idea (Ctrl+Shift+1)");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (swatch (fixture, TP_NOTE_COLOUR_GREEN))), ==,
                   "Opportunity (Ctrl+Shift+2)");

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

static gpointer
overview_child (Fixture    *fixture,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (inspector_child (fixture, "overview_page"),
                                                  TP_TYPE_OVERVIEW_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

static gpointer
persona_child (Fixture    *fixture,
               const char *name)
{
  GObject *child = gtk_widget_get_template_child (inspector_child (fixture, "persona_page"),
                                                  TP_TYPE_PERSONA_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

/* The overview's persona rows, as their titles. */
static char *
persona_rows (Fixture *fixture)
{
  GString *titles = g_string_new (NULL);
  GtkWidget *list = overview_child (fixture, "personas_list");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      g_string_append_printf (titles, "%s%s", titles->len > 0 ? ", " : "",
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

  return g_string_free (titles, FALSE);
}

static GtkListBoxRow *
persona_row_at (Fixture *fixture,
                guint    index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (overview_child (fixture, "personas_list"), (int) index);

  g_assert_nonnull (row);
  return row;
}

static GtkToggleButton *
persona_swatch (Fixture  *fixture,
                TpAccent  accent)
{
  return nth_swatch (persona_child (fixture, "swatch_box"), accent);
}

/* Issue 15: personas are made, named, described, recoloured, reordered, given to notes
 * (inspector and Ctrl+Alt+P) and deleted from the inspector, and the delete (clearing
 * the references) undoes in one step. */
static void
test_personas (Fixture       *fixture,
               gconstpointer  data)
{
  GPtrArray *personas = tp_document_get_personas (fixture->document);
  guint n = personas->len;
  TpNote *note = canvas_note (fixture, TP_CONTAINER_CUSTOMER_SEGMENTS, 3);
  g_autofree char *before = persona_rows (fixture);
  g_autofree char *after_add = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  TpPersona *persona;
  guint index;

  g_assert_cmpuint (n, >, 1);
  g_assert_null (note->persona);
  g_assert_cmpstr (visible_page (fixture), ==, "document");
  /* The overview lists them, in order. */
  g_assert_nonnull (strstr (before, ((TpPersona *) g_ptr_array_index (personas, 0))->name));

  /* Add: a new persona, in a colour nobody has, its page open with the name ready. */
  click (overview_child (fixture, "add_persona_button"));
  g_assert_cmpuint (personas->len, ==, n + 1);
  persona = g_ptr_array_index (personas, n);
  id = g_strdup (persona->item.id);
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Add Persona");
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (((TpPersona *) g_ptr_array_index (personas, i))->accent, !=, persona->accent);
  g_assert_cmpstr (visible_page (fixture), ==, "persona");
  g_assert_cmpstr (tp_persona_page_get_persona (inspector_child (fixture, "persona_page")), ==, id);
  name = g_strdup_printf ("Persona %u", n + 1);
  g_assert_cmpstr (gtk_editable_get_text (persona_child (fixture, "name_row")), ==, name);

  /* Rename, describe, recolour: each a step, and the page stays. */
  gtk_editable_set_text (persona_child (fixture, "name_row"), "Night owl");
  g_assert_cmpstr (persona->name, ==, "Night owl");
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Rename Persona");
  gtk_editable_set_text (persona_child (fixture, "description_row"), "Shops after midnight");
  g_assert_cmpstr (persona->description, ==, "Shops after midnight");
  click (GTK_WIDGET (persona_swatch (fixture, TP_ACCENT_SLATE)));
  g_assert_cmpint (persona->accent, ==, TP_ACCENT_SLATE);
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Recolour Persona");
  g_assert_cmpstr (visible_page (fixture), ==, "persona");

  /* Undo and redo keep the page, which follows them. */
  undo (fixture);
  g_assert_cmpint (persona->accent, !=, TP_ACCENT_SLATE);
  g_assert_true (gtk_toggle_button_get_active (persona_swatch (fixture, persona->accent)));
  g_assert_cmpstr (visible_page (fixture), ==, "persona");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.redo", NULL);
  g_assert_cmpint (persona->accent, ==, TP_ACCENT_SLATE);
  g_assert_true (gtk_toggle_button_get_active (persona_swatch (fixture, TP_ACCENT_SLATE)));
  g_assert_cmpstr (visible_page (fixture), ==, "persona");

  /* Reorder: up one place. */
  click (persona_child (fixture, "move_up_button"));
  g_assert_true (tp_document_get_index (fixture->document, id, &index));
  g_assert_cmpuint (index, ==, n - 1);
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Move Persona");

  /* Back: the overview lists it, where it now is. */
  click (persona_child (fixture, "back_button"));
  g_assert_cmpstr (visible_page (fixture), ==, "document");
  after_add = persona_rows (fixture);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (persona_row_at (fixture, n - 1))), ==,
                   "Night owl");

  /* Assign it from the note's page: the combo offers it. */
  tp_selection_set_one (fixture->selection, note->item.id);
  g_assert_cmpstr (visible_page (fixture), ==, "notes");
  adw_combo_row_set_selected (inspector_child (fixture, "persona_row"), n);
  g_assert_cmpstr (note->persona, ==, id);
  g_assert_cmpstr (shown_persona (fixture), ==, "Night owl");

  /* Ctrl+Alt+P gives the next one; after the last, none. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.cycle-persona", NULL));
  g_assert_cmpstr (note->persona, ==, ((TpItem *) g_ptr_array_index (personas, n))->id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.cycle-persona", NULL));
  g_assert_null (note->persona);
  undo (fixture);
  undo (fixture);
  g_assert_cmpstr (note->persona, ==, id);

  /* Open it from the overview's list and delete it: the note loses it, in one step. */
  tp_selection_clear (fixture->selection);
  g_signal_emit_by_name (overview_child (fixture, "personas_list"), "row-activated",
                         persona_row_at (fixture, n - 1));
  g_assert_cmpstr (visible_page (fixture), ==, "persona");
  g_assert_cmpstr (tp_persona_page_get_persona (inspector_child (fixture, "persona_page")), ==, id);
  click (persona_child (fixture, "delete_button"));
  g_assert_null (tp_document_lookup (fixture->document, id));
  g_assert_null (note->persona);
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Delete Persona");
  g_assert_cmpstr (visible_page (fixture), ==, "document");
  g_assert_cmpuint (personas->len, ==, n);

  /* Undo: the persona and the note's reference come back together. */
  undo (fixture);
  g_assert_nonnull (tp_document_lookup_kind (fixture->document, id, TP_ITEM_PERSONA));
  g_assert_cmpstr (note->persona, ==, id);
  {
    g_autofree char *rows = persona_rows (fixture);

    g_assert_cmpstr (rows, ==, after_add);
  }
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

/* Links */

/* What the inspector asked its window for. */
typedef struct
{
  GPtrArray *revealed;   /* (element-type utf8) */
  guint      start_links;
} Requests;

static void
on_reveal_item (TpInspector *inspector,
                const char  *id,
                Requests    *requests)
{
  g_ptr_array_add (requests->revealed, g_strdup (id));
}

static void
on_start_link (TpInspector *inspector,
               Requests    *requests)
{
  requests->start_links++;
}

static void
requests_watch (Requests *requests,
                Fixture  *fixture)
{
  requests->revealed = g_ptr_array_new_with_free_func (g_free);
  requests->start_links = 0;
  g_signal_connect (fixture->inspector, "reveal-item", G_CALLBACK (on_reveal_item), requests);
  g_signal_connect (fixture->inspector, "start-link", G_CALLBACK (on_start_link), requests);
}

static void
requests_unwatch (Requests *requests,
                  Fixture  *fixture)
{
  g_signal_handlers_disconnect_by_data (fixture->inspector, requests);
  g_clear_pointer (&requests->revealed, g_ptr_array_unref);
}

static TpLinkRows *
note_links (Fixture *fixture)
{
  return inspector_child (fixture, "note_links");
}

static GtkWidget *
link_row (TpLinkRows *rows,
          const char *link_id)
{
  GtkWidget *row = tp_link_rows_get_row (rows, link_id);

  g_assert_nonnull (row);
  return row;
}

static TpLink *
lookup_link (Fixture    *fixture,
             const char *id)
{
  return tp_document_lookup_kind (fixture->document, id, TP_ITEM_LINK);
}

/* The rows show the note's links in the document's order: the touchpoint, its stage,
 * the label. */
static void
assert_note_links_show (Fixture    *fixture,
                        const char *note_id)
{
  TpLinkRows *rows = note_links (fixture);
  g_autoptr(GPtrArray) links = g_ptr_array_new ();

  tp_document_collect_links (fixture->document, note_id, links);

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (rows)));
  g_assert_cmpstr (tp_link_rows_get_item (rows), ==, note_id);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (rows)), ==, "Touchpoints");
  g_assert_cmpuint (tp_link_rows_get_n_rows (rows), ==, links->len);

  for (guint i = 0; i < links->len; i++)
    {
      TpLink *link = g_ptr_array_index (links, i);
      TpTouchpoint *touchpoint = tp_document_lookup_kind (fixture->document, link->touchpoint, TP_ITEM_TOUCHPOINT);
      TpStage *stage = tp_document_lookup_kind (fixture->document, touchpoint->stage, TP_ITEM_STAGE);
      GtkWidget *row = tp_link_rows_get_row_at (rows, i);

      g_assert_true (row == tp_link_rows_get_row (rows, link->item.id));
      g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, touchpoint->name);
      g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, stage->name);
      g_assert_cmpstr (gtk_editable_get_text (tp_link_rows_get_label_entry (row)), ==, link->label);
    }
  g_assert_null (tp_link_rows_get_row_at (rows, links->len));
}

static void
test_note_links (Fixture       *fixture,
                 gconstpointer  data)
{
  TpLinkRows *rows = note_links (fixture);
  const char *several[] = { "n12", "n6", NULL };
  GtkWidget *row;

  /* The example links the web shop to the product page and to checkout. */
  tp_selection_set_one (fixture->selection, "n12");
  g_assert_cmpstr (visible_page (fixture), ==, "notes");
  g_assert_cmpuint (tp_link_rows_get_n_rows (rows), ==, 2);
  row = tp_link_rows_get_row_at (rows, 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Product page");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Consideration");
  row = tp_link_rows_get_row_at (rows, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Checkout & payment");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Purchase");
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (rows)), ==, "");
  assert_note_links_show (fixture, "n12");

  /* A labelled link shows its label. */
  tp_selection_set_one (fixture->selection, "n6");
  assert_note_links_show (fixture, "n6");
  g_assert_cmpstr (gtk_editable_get_text (tp_link_rows_get_label_entry (link_row (rows, "l5"))), ==, "delivers");
  g_assert_null (tp_link_rows_get_row (rows, "l1"));

  /* A note without links says how to make one. */
  tp_selection_set_one (fixture->selection, canvas_note (fixture, TP_CONTAINER_CUSTOMER_SEGMENTS, 0)->item.id);
  g_assert_cmpuint (tp_link_rows_get_n_rows (rows), ==, 0);
  g_assert_cmpstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (rows)), ==,
                   "Not linked yet. Drag the link handle to a touchpoint, or press Ctrl+K.");

  /* Several notes have no one list of links. */
  tp_selection_set (fixture->selection, several);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (rows)));

  /* Looking records nothing. */
  g_assert_false (tp_document_can_undo (fixture->document));
}

static void
test_link_label_typing (Fixture       *fixture,
                        gconstpointer  data)
{
  TpLinkRows *rows = note_links (fixture);
  TpLink *link = lookup_link (fixture, "l1");
  GtkWidget *row;
  GtkEditable *entry;
  GtkRoot *root = GTK_ROOT (fixture->window);

  tp_selection_set_one (fixture->selection, "n12");
  row = link_row (rows, "l1");
  entry = tp_link_rows_get_label_entry (row);
  g_assert_cmpstr (link->label, ==, "");

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (entry)));

  /* Typing, a letter at a time, reaches the document as it goes… */
  for (const char *p = "feeds"; *p != '\0'; p++)
    {
      int position = gtk_editable_get_position (entry);

      gtk_editable_insert_text (entry, p, 1, &position);
      gtk_editable_set_position (entry, position);
    }
  g_assert_cmpstr (link->label, ==, "feeds");
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Change Link Label");

  /* …into the same row, which kept the keyboard and the cursor. */
  g_assert_true (link_row (rows, "l1") == row);
  g_assert_true (tp_link_rows_get_label_entry (row) == entry);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (root), GTK_WIDGET (entry)) ||
                 gtk_root_get_focus (root) == GTK_WIDGET (entry));
  g_assert_cmpint (gtk_editable_get_position (entry), ==, 5);

  /* One undo step takes it all back, in the entry too. */
  undo (fixture);
  g_assert_cmpstr (link->label, ==, "");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_false (tp_document_can_undo (fixture->document));

  /* A label typed over another one is one step too, and undo brings the old one back. */
  tp_selection_set_one (fixture->selection, "n6");
  entry = tp_link_rows_get_label_entry (link_row (rows, "l5"));
  gtk_editable_set_text (entry, "deliver");
  gtk_editable_set_text (entry, "delivers fast");
  g_assert_cmpstr (lookup_link (fixture, "l5")->label, ==, "delivers fast");
  undo (fixture);
  g_assert_cmpstr (lookup_link (fixture, "l5")->label, ==, "delivers");
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "delivers");
  g_assert_false (tp_document_can_undo (fixture->document));
}

static void
test_remove_link (Fixture       *fixture,
                  gconstpointer  data)
{
  TpLinkRows *rows = note_links (fixture);
  guint n_links = tp_document_get_links (fixture->document)->len;
  GtkWidget *kept;

  tp_selection_set_one (fixture->selection, "n12");
  kept = link_row (rows, "l2");

  click (tp_link_rows_get_remove_button (link_row (rows, "l1")));

  /* The link goes, the note and the touchpoint stay; one step. */
  g_assert_null (lookup_link (fixture, "l1"));
  g_assert_nonnull (tp_document_lookup (fixture->document, "n12"));
  g_assert_nonnull (tp_document_lookup (fixture->document, "t4"));
  g_assert_cmpuint (tp_document_get_links (fixture->document)->len, ==, n_links - 1);
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Delete Link");
  g_assert_cmpuint (tp_link_rows_get_n_rows (rows), ==, 1);
  g_assert_null (tp_link_rows_get_row (rows, "l1"));
  g_assert_true (link_row (rows, "l2") == kept);
  g_assert_cmpstr (visible_page (fixture), ==, "notes");

  /* Undo puts it back, in its place. */
  undo (fixture);
  g_assert_nonnull (lookup_link (fixture, "l1"));
  g_assert_false (tp_document_can_undo (fixture->document));
  g_assert_true (tp_selection_contains (fixture->selection, "n12"));
  assert_note_links_show (fixture, "n12");
  g_assert_true (link_row (rows, "l2") == kept);
  g_assert_true (tp_link_rows_get_row_at (rows, 1) == kept);
}

static void
test_reveal_linked (Fixture       *fixture,
                    gconstpointer  data)
{
  TpLinkRows *rows = note_links (fixture);
  GtkWidget *link_button;
  Requests requests;

  requests_watch (&requests, fixture);

  tp_selection_set_one (fixture->selection, "n12");
  adw_action_row_activate (ADW_ACTION_ROW (link_row (rows, "l2")));

  /* The inspector asks for the other end; the window reveals it and selects it. */
  g_assert_cmpuint (requests.revealed->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (requests.revealed, 0), ==, "t8");
  g_assert_cmpstr (tp_selection_get_primary (fixture->selection), ==, "t8");
  g_assert_cmpuint (tp_selection_get_n_items (fixture->selection), ==, 1);
  g_assert_cmpstr (visible_page (fixture), ==, "touchpoint");

  /* "Link to…" is the board's to do: the inspector asks for it. */
  tp_selection_set_one (fixture->selection, "n12");
  link_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (rows), TP_TYPE_LINK_ROWS, "link_button"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (link_button), ==, "Link to a Touchpoint…");
  click (link_button);
  g_assert_cmpuint (requests.start_links, ==, 1);

  g_assert_false (tp_document_can_undo (fixture->document));
  requests_unwatch (&requests, fixture);
}

static void
test_links_follow_document (Fixture       *fixture,
                            gconstpointer  data)
{
  TpLinkRows *rows = note_links (fixture);
  GtkWidget *first, *second;
  GtkEditable *entry;
  GtkRoot *root = GTK_ROOT (fixture->window);
  const char *added;
  TpTouchpoint *copy;

  tp_selection_set_one (fixture->selection, "n12");
  first = link_row (rows, "l1");
  second = link_row (rows, "l2");
  entry = tp_link_rows_get_label_entry (first);
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (entry)));

  /* A link made elsewhere (the board) appears at its place, the other rows stay. */
  added = tp_document_add_link (fixture->document, "n12", "t1", "feeds");
  g_assert_nonnull (added);
  g_assert_cmpuint (tp_link_rows_get_n_rows (rows), ==, 3);
  g_assert_true (tp_link_rows_get_row_at (rows, 0) == first);
  g_assert_true (tp_link_rows_get_row_at (rows, 1) == second);
  assert_note_links_show (fixture, "n12");
  g_assert_cmpstr (gtk_editable_get_text (tp_link_rows_get_label_entry (link_row (rows, added))), ==, "feeds");
  g_assert_true (gtk_root_get_focus (root) == GTK_WIDGET (entry) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (root), GTK_WIDGET (entry)));

  /* Renaming the touchpoint renames its row. */
  copy = (TpTouchpoint *) tp_document_edit_begin (fixture->document, "t4");
  g_free (copy->name);
  copy->name = g_strdup ("Product details");
  tp_document_edit_commit (fixture->document, &copy->item, "Rename Touchpoint", FALSE);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "Product details");

  undo (fixture);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "Product page");
  undo (fixture);
  g_assert_cmpuint (tp_link_rows_get_n_rows (rows), ==, 2);
  assert_note_links_show (fixture, "n12");
  g_assert_false (tp_document_can_undo (fixture->document));
}

static gpointer
link_page_child (Fixture    *fixture,
                 const char *name)
{
  GObject *child = gtk_widget_get_template_child (inspector_child (fixture, "link_page"),
                                                  TP_TYPE_LINK_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

static void
test_link_page (Fixture       *fixture,
                gconstpointer  data)
{
  TpLink *link = lookup_link (fixture, "l5");
  TpNote *note = tp_document_lookup_kind (fixture->document, link->note, TP_ITEM_NOTE);
  TpTouchpoint *touchpoint = tp_document_lookup_kind (fixture->document, link->touchpoint, TP_ITEM_TOUCHPOINT);
  TpStage *stage = tp_document_lookup_kind (fixture->document, touchpoint->stage, TP_ITEM_STAGE);
  AdwActionRow *note_row = link_page_child (fixture, "note_row");
  AdwActionRow *touchpoint_row = link_page_child (fixture, "touchpoint_row");
  GtkEditable *label_row = link_page_child (fixture, "label_row");
  Requests requests;

  requests_watch (&requests, fixture);

  /* The board selects a link when its curve is clicked: both ends and the label show. */
  tp_selection_set_one (fixture->selection, "l5");
  g_assert_cmpstr (visible_page (fixture), ==, "link");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (note_row)), ==, note->text);
  g_assert_cmpstr (adw_action_row_get_subtitle (note_row), ==,
                   tp_enum_get_label (TP_ENUM_CONTAINER, note->container));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (touchpoint_row)), ==, "Delivery");
  g_assert_cmpstr (adw_action_row_get_subtitle (touchpoint_row), ==, stage->name);
  g_assert_cmpstr (gtk_editable_get_text (label_row), ==, "delivers");
  g_assert_false (tp_document_can_undo (fixture->document));

  /* The label is one step however it is typed. */
  gtk_editable_set_text (label_row, "deliver");
  gtk_editable_set_text (label_row, "delivers on time");
  g_assert_cmpstr (link->label, ==, "delivers on time");
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Change Link Label");
  undo (fixture);
  g_assert_cmpstr (link->label, ==, "delivers");
  g_assert_cmpstr (gtk_editable_get_text (label_row), ==, "delivers");
  g_assert_false (tp_document_can_undo (fixture->document));

  /* Each end leads to its item. */
  adw_action_row_activate (note_row);
  g_assert_cmpuint (requests.revealed->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (requests.revealed, 0), ==, note->item.id);
  g_assert_cmpstr (tp_selection_get_primary (fixture->selection), ==, note->item.id);
  g_assert_cmpstr (visible_page (fixture), ==, "notes");

  tp_selection_set_one (fixture->selection, "l5");
  adw_action_row_activate (touchpoint_row);
  g_assert_cmpuint (requests.revealed->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (requests.revealed, 1), ==, "t10");
  g_assert_cmpstr (visible_page (fixture), ==, "touchpoint");

  /* Removing the link is one step; nothing is left to inspect. */
  tp_selection_set_one (fixture->selection, "l5");
  g_assert_cmpstr (gtk_button_get_label (link_page_child (fixture, "remove_button")), ==, "_Remove Link");
  click (link_page_child (fixture, "remove_button"));
  g_assert_null (lookup_link (fixture, "l5"));
  g_assert_nonnull (tp_document_lookup (fixture->document, "n6"));
  g_assert_cmpstr (tp_document_get_undo_label (fixture->document), ==, "Delete Link");
  g_assert_cmpstr (visible_page (fixture), !=, "link");

  undo (fixture);
  g_assert_nonnull (lookup_link (fixture, "l5"));
  g_assert_false (tp_document_can_undo (fixture->document));

  requests_unwatch (&requests, fixture);
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
  ADD ("personas", test_personas);
  ADD ("undo-ends-in-place-edit", test_undo_ends_in_place_edit);
  ADD ("note-links", test_note_links);
  ADD ("link-label-typing", test_link_label_typing);
  ADD ("remove-link", test_remove_link);
  ADD ("reveal-linked", test_reveal_linked);
  ADD ("links-follow-document", test_links_follow_document);
  ADD ("link-page", test_link_page);

#undef ADD

  status = g_test_run ();

  tp_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
