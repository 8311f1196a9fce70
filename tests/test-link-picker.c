/* test-link-picker.c: the popover that links a note or a touchpoint from the keyboard, on
 * a real (virtual) display.
 *
 * The picker is driven as the user drives it: text goes into its search entry, keys go
 * through the key controller it puts on the entry, clicks through the list's "activate".
 * What the list shows is read from the list's model, whose items carry the id, title,
 * subtitle and "linked" state of each row, and from the rows on screen.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "io/tp-document-file.h"
#include "views/tp-link-picker.h"
#include "tp-test-display.h"

static char *tmp_dir;

/* The example's first note of Channels, "Online shop (web)", linked to the touchpoints
 * "Product page" (t4) and "Checkout & payment" (t8). */
#define NOTE_SOURCE "n12"
/* The example's "Delivery" touchpoint, linked to five notes. */
#define TOUCHPOINT_SOURCE "t10"

/* As many notes as the picker must stay quick with. */
#define MANY_NOTES 10000

typedef struct
{
  TpDocument   *document;
  GtkWindow    *window;
  GtkWidget    *anchor;

  /* The picker under test (NULL until open_picker()) and what the tests reach into. */
  TpLinkPicker *picker;
  GtkWidget    *search_entry;
  GtkListView  *list_view;
  GtkStack     *stack;
  GListModel   *model;

  char         *searched;  /* what the entry said when it last reported a search */
  GPtrArray    *picked;    /* (element-type utf8) every id "picked" reported, in order */
} Fixture;

static const char *
example_path (void)
{
  const char *path = g_getenv ("TP_EXAMPLE");

  return path != NULL ? path : TP_EXAMPLE_PATH;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
on_delay_over (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* A closing popover gives back the pointer it grabbed, which GTK 4.8's tooltips take for
 * the pointer crossing it: they hold on to the popover for their half-second delay, and
 * if it is unparented by then, they keep it for good and complain (a critical) when the
 * delay is over. So the picker is unparented only after that delay, as
 * tp-link-picker.h asks. */
static void
let_tooltips_settle (void)
{
  gboolean over = FALSE;

  g_timeout_add (600, on_delay_over, &over);
  tp_test_wait_until (is_true, &over, "the tooltip delay");
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (example_path ());
  g_autoptr(GError) error = NULL;

  fixture->document = tp_load_file (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->document);

  fixture->window = g_object_ref (GTK_WINDOW (gtk_window_new ()));
  gtk_window_set_default_size (fixture->window, 800, 600);
  fixture->anchor = gtk_label_new ("Anchor");
  gtk_window_set_child (fixture->window, fixture->anchor);
  gtk_window_present (fixture->window);
  tp_test_wait_until (is_mapped, fixture->anchor, "the window to show");

  fixture->picked = g_ptr_array_new_with_free_func (g_free);
}

static void
close_picker (Fixture *fixture)
{
  if (fixture->picker == NULL)
    return;

  gtk_popover_popdown (GTK_POPOVER (fixture->picker));
  let_tooltips_settle ();
  gtk_widget_unparent (GTK_WIDGET (fixture->picker));
  tp_test_flush_events ();
  g_assert_finalize_object (fixture->picker);
  fixture->picker = NULL;
  fixture->search_entry = NULL;
  fixture->list_view = NULL;
  fixture->stack = NULL;
  fixture->model = NULL;
  g_clear_pointer (&fixture->searched, g_free);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_picker (fixture);

  gtk_window_destroy (fixture->window);
  tp_test_flush_events ();
  g_assert_finalize_object (fixture->window);

  /* The picker holds the document while it lives, and not a moment longer. */
  g_assert_finalize_object (fixture->document);
  g_ptr_array_unref (fixture->picked);
}

/* The first widget of type below root, depth first. */
static GtkWidget *
find_descendant (GtkWidget *root,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The first label below root that says text, or NULL. */
static GtkLabel *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
on_search_changed (Fixture *fixture)
{
  g_free (fixture->searched);
  fixture->searched = g_strdup (gtk_editable_get_text (GTK_EDITABLE (fixture->search_entry)));
}

static gboolean
is_searched (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (fixture->searched, gtk_editable_get_text (GTK_EDITABLE (fixture->search_entry))) == 0;
}

static void
on_picked (TpLinkPicker *picker,
           const char   *id,
           Fixture      *fixture)
{
  g_ptr_array_add (fixture->picked, g_strdup (id));
}

static void
open_picker (Fixture    *fixture,
             const char *source_id)
{
  GtkWidget *picker = tp_link_picker_new (fixture->document, source_id);

  g_assert_true (TP_IS_LINK_PICKER (picker));
  fixture->picker = TP_LINK_PICKER (g_object_ref_sink (picker));
  g_assert_true (tp_link_picker_get_document (fixture->picker) == fixture->document);
  g_assert_cmpstr (tp_link_picker_get_source_id (fixture->picker), ==, source_id);

  gtk_widget_set_parent (picker, fixture->anchor);
  g_signal_connect (picker, "picked", G_CALLBACK (on_picked), fixture);

  fixture->search_entry = find_descendant (picker, GTK_TYPE_SEARCH_ENTRY);
  fixture->list_view = GTK_LIST_VIEW (find_descendant (picker, GTK_TYPE_LIST_VIEW));
  fixture->stack = GTK_STACK (find_descendant (picker, GTK_TYPE_STACK));
  g_assert_nonnull (fixture->search_entry);
  g_assert_nonnull (fixture->list_view);
  g_assert_nonnull (fixture->stack);
  fixture->model = G_LIST_MODEL (gtk_list_view_get_model (fixture->list_view));
  g_clear_pointer (&fixture->searched, g_free);
  fixture->searched = g_strdup ("");
  /* Connected after the picker's own handler, so it runs once the list is filtered. */
  g_signal_connect_swapped (fixture->search_entry, "search-changed",
                            G_CALLBACK (on_search_changed), fixture);

  gtk_popover_popup (GTK_POPOVER (picker));
  tp_test_wait_until (is_mapped, picker, "the picker to show");
  tp_test_flush_events ();
}

/* Types query into the search and waits for the list to follow it: the entry reports a
 * search a moment after the typing stops (at once when it is emptied, as it is on the
 * way to new text). */
static void
search (Fixture    *fixture,
        const char *query)
{
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->search_entry)), !=, query);
  gtk_editable_set_text (GTK_EDITABLE (fixture->search_entry), query);
  tp_test_wait_until (is_searched, fixture, "the search to be reported");
  tp_test_flush_events ();
}

/* A key, as it reaches the entry: through the picker's key controller first. */
static gboolean
press_key (Fixture *fixture,
           guint    keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (fixture->search_entry);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), "tp-link-picker-keys") == 0)
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, (GdkModifierType) 0, &handled);
          tp_test_flush_events ();
          return handled;
        }
    }

  g_assert_not_reached ();
}

static char *
dup_item_string (Fixture    *fixture,
                 guint       position,
                 const char *property)
{
  g_autoptr(GObject) item = g_list_model_get_item (fixture->model, position);
  char *value = NULL;

  g_assert_nonnull (item);
  g_object_get (item, property, &value, NULL);
  return value;
}

static gboolean
item_is_linked (Fixture *fixture,
                guint    position)
{
  g_autoptr(GObject) item = g_list_model_get_item (fixture->model, position);
  gboolean linked = FALSE;

  g_assert_nonnull (item);
  g_object_get (item, "linked", &linked, NULL);
  return linked;
}

/* The ids the list shows, space-separated, to compare in one assertion. */
static char *
dup_shown_ids (Fixture *fixture)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (fixture->model); i++)
    {
      g_autofree char *id = dup_item_string (fixture, i, "id");

      if (i > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, id);
    }

  return g_string_free (ids, FALSE);
}

static void
assert_shows (Fixture    *fixture,
              const char *ids)
{
  g_autofree char *shown = dup_shown_ids (fixture);

  g_assert_cmpstr (shown, ==, ids);
}

/* The id of the highlighted row, or NULL for none. */
static char *
dup_highlighted (Fixture *fixture)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (fixture->model);
  guint selected = gtk_single_selection_get_selected (selection);

  if (selected == GTK_INVALID_LIST_POSITION)
    return NULL;

  return dup_item_string (fixture, selected, "id");
}

static void
assert_highlighted (Fixture    *fixture,
                    const char *id)
{
  g_autofree char *highlighted = dup_highlighted (fixture);

  g_assert_cmpstr (highlighted, ==, id);
}

static guint
position_of (Fixture    *fixture,
             const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (fixture->model); i++)
    {
      g_autofree char *shown = dup_item_string (fixture, i, "id");

      if (g_strcmp0 (shown, id) == 0)
        return i;
    }

  g_assert_not_reached ();
}

static void
assert_focus_in_search (Fixture *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (fixture->search_entry));

  g_assert_nonnull (focus);
  g_assert_true (focus == fixture->search_entry || gtk_widget_is_ancestor (focus, fixture->search_entry));
}

static const char *
empty_message (Fixture *fixture)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (fixture->stack), "empty") != 0)
    return NULL;

  return gtk_label_get_label (GTK_LABEL (gtk_stack_get_visible_child (fixture->stack)));
}

typedef struct
{
  Fixture    *fixture;
  const char *title;
} RowInView;

/* Whether the row titled title is on screen, wholly inside the scrolled window. */
static gboolean
row_is_in_view (gpointer data)
{
  const RowInView *row = data;
  GtkWidget *scrolled = find_descendant (GTK_WIDGET (row->fixture->picker), GTK_TYPE_SCROLLED_WINDOW);
  GtkLabel *label = find_label (GTK_WIDGET (row->fixture->list_view), row->title);
  graphene_rect_t bounds;

  if (label == NULL || !gtk_widget_get_mapped (GTK_WIDGET (label)) ||
      !gtk_widget_compute_bounds (GTK_WIDGET (label), scrolled, &bounds))
    return FALSE;

  return bounds.size.height > 0 && bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scrolled);
}

/* A note lists every touchpoint of the journey, in journey order, where they are. */
static void
test_note_source (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  open_picker (fixture, NOTE_SOURCE);

  g_assert_nonnull (find_label (GTK_WIDGET (fixture->picker), "Link to a Touchpoint"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->search_entry)), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (fixture->model), ==, 16);
  assert_shows (fixture, "t1 t2 t3 t4 t5 t6 t7 t8 t9 t10 t11 t12 t13 t14 t15 t16");
  g_assert_null (empty_message (fixture));

  title = dup_item_string (fixture, 0, "title");
  subtitle = dup_item_string (fixture, 0, "subtitle");
  g_assert_cmpstr (title, ==, "Social video ad");
  g_assert_cmpstr (subtitle, ==, "Awareness · Instagram");

  /* Only what the note is linked to already is marked. */
  for (guint i = 0; i < 16; i++)
    {
      g_autofree char *id = dup_item_string (fixture, i, "id");

      g_assert_cmpint (item_is_linked (fixture, i), ==,
                       g_str_equal (id, "t4") || g_str_equal (id, "t8"));
    }

  /* The user came to type; the first row is the one Enter would pick. */
  assert_focus_in_search (fixture);
  assert_highlighted (fixture, "t1");
}

/* Linked touchpoints are shown insensitive, marked, skipped and never picked. */
static void
test_linked_never_picked (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkLabel *label;
  GtkWidget *row;

  open_picker (fixture, NOTE_SOURCE);

  /* "Product page", on screen: its row is insensitive and says why. */
  label = find_label (GTK_WIDGET (fixture->list_view), "Product page");
  g_assert_nonnull (label);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (label)));
  row = gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (label)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (find_label (row, "Linked"))));
  label = find_label (GTK_WIDGET (fixture->list_view), "Search result");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (label)));
  row = gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (label)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_label (row, "Linked"))));

  /* Down goes over t4; Up comes back over it; the typing stays in the entry. */
  g_assert_true (press_key (fixture, GDK_KEY_Down));
  assert_highlighted (fixture, "t2");
  g_assert_true (press_key (fixture, GDK_KEY_Down));
  assert_highlighted (fixture, "t3");
  g_assert_true (press_key (fixture, GDK_KEY_Down));
  assert_highlighted (fixture, "t5");
  g_assert_true (press_key (fixture, GDK_KEY_Up));
  assert_highlighted (fixture, "t3");
  assert_focus_in_search (fixture);

  /* At the top, Up stays there. */
  press_key (fixture, GDK_KEY_Up);
  press_key (fixture, GDK_KEY_Up);
  press_key (fixture, GDK_KEY_Up);
  assert_highlighted (fixture, "t1");

  /* A click on a linked row does nothing. */
  g_signal_emit_by_name (fixture->list_view, "activate", position_of (fixture, "t4"));
  g_assert_cmpuint (fixture->picked->len, ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->picker)));

  /* Only linked matches: nothing is highlighted, and Enter picks nothing. */
  search (fixture, "checkout");
  assert_shows (fixture, "t8");
  assert_highlighted (fixture, NULL);
  label = find_label (GTK_WIDGET (fixture->list_view), "Checkout & payment");
  g_assert_nonnull (label);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (label)));
  g_assert_true (press_key (fixture, GDK_KEY_Return));
  g_assert_true (press_key (fixture, GDK_KEY_Down));
  g_assert_true (press_key (fixture, GDK_KEY_Return));
  g_assert_cmpuint (fixture->picked->len, ==, 0);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->picker)));

  /* A click on a row that can be picked picks it, and the picker closes. */
  search (fixture, "");
  g_signal_emit_by_name (fixture->list_view, "activate", position_of (fixture, "t5"));
  g_assert_cmpuint (fixture->picked->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->picked, 0), ==, "t5");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->picker)));

  /* The picker only reports: the board makes the link. */
  g_assert_null (tp_document_find_link (fixture->document, NOTE_SOURCE, "t5"));
  g_assert_false (tp_document_can_undo (fixture->document));
}

typedef struct
{
  const char *query;
  const char *shown;        /* ids, space-separated */
  const char *highlighted;  /* NULL: none */
} SearchCase;

/* Every word must occur in the title or the subtitle, in any case, in any order. */
static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  static const SearchCase cases[] = {
    { "deliv", "t7 t10", "t7" },
    { "DELIVERY", "t7 t10", "t7" },
    { "delivery courier", "t10", "t10" },
    { "  Courier\tdelivery ", "t10", "t10" },
    /* Words from the stage and the channel. */
    { "purchase website", "t7 t8", "t7" },
    { "website purchase", "t7 t8", "t7" },
    /* A word must be whole within title or subtitle, not across them. */
    { "ad awareness", "t1", "t1" },
    { "adawareness", "", NULL },
    { "volt", "t12 t15 t16", "t12" },
    { "volt membership", "t15", "t15" },
    { "", "t1 t2 t3 t4 t5 t6 t7 t8 t9 t10 t11 t12 t13 t14 t15 t16", "t1" },
  };

  open_picker (fixture, NOTE_SOURCE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("query “%s”", cases[i].query);
      search (fixture, cases[i].query);
      assert_shows (fixture, cases[i].shown);
      assert_highlighted (fixture, cases[i].highlighted);
    }
}

/* Accents and case are folded on both sides. */
static void
test_search_folds_accents (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *id = tp_document_add_touchpoint (fixture->document, "s1", 0, "Café in der Straße");
  g_autofree char *kept = g_strdup (id);

  g_assert_nonnull (id);
  open_picker (fixture, NOTE_SOURCE);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->model), ==, 17);

  search (fixture, "CAFE");
  assert_shows (fixture, kept);
  search (fixture, "cafÉ STRASSE");
  assert_shows (fixture, kept);
  assert_highlighted (fixture, kept);
  search (fixture, "caffe");
  assert_shows (fixture, "");

  close_picker (fixture);
  tp_document_undo (fixture->document);
}

/* Enter picks the highlighted row, however quickly it follows the typing. */
static void
test_enter_picks (Fixture       *fixture,
                  gconstpointer  data)
{
  open_picker (fixture, NOTE_SOURCE);

  search (fixture, "Delivery courier");
  assert_highlighted (fixture, "t10");
  g_assert_true (press_key (fixture, GDK_KEY_Return));
  g_assert_cmpuint (fixture->picked->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->picked, 0), ==, "t10");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->picker)));
  close_picker (fixture);

  /* Enter before the entry reports the search: still the first match of what is typed. */
  open_picker (fixture, NOTE_SOURCE);
  gtk_editable_set_text (GTK_EDITABLE (fixture->search_entry), "email review");
  g_assert_true (press_key (fixture, GDK_KEY_KP_Enter));
  g_assert_cmpuint (fixture->picked->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (fixture->picked, 1), ==, "t14");
  close_picker (fixture);

  /* Down, then Enter. */
  open_picker (fixture, NOTE_SOURCE);
  search (fixture, "website");
  assert_shows (fixture, "t4 t5 t7 t8");
  assert_highlighted (fixture, "t5");
  g_assert_true (press_key (fixture, GDK_KEY_Down));
  g_assert_true (press_key (fixture, GDK_KEY_Down));
  /* At the bottom, Down stays there (t8 is linked). */
  assert_highlighted (fixture, "t7");
  g_assert_true (press_key (fixture, GDK_KEY_Return));
  g_assert_cmpuint (fixture->picked->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (fixture->picked, 2), ==, "t7");

  /* Other keys are the entry's. */
  g_assert_false (press_key (fixture, GDK_KEY_a));
}

/* A touchpoint lists the notes of the canvas, then of the value chain. */
static void
test_touchpoint_source (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char * const linked[] = { "n6", "n25", "n36", "n45", "n47", NULL };
  g_autofree char *expected = NULL;
  const char *added = tp_document_add_note (fixture->document, TP_CONTAINER_KEY_PARTNERS, 0,
                                            "\n  Second carrier contract  \nwith penalties");
  g_autofree char *added_id = g_strdup (added);
  guint n_notes = 0;
  guint position;

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    n_notes += tp_document_get_notes (fixture->document, c)->len;
  g_assert_cmpuint (n_notes, ==, 63);

  open_picker (fixture, TOUCHPOINT_SOURCE);

  g_assert_nonnull (find_label (GTK_WIDGET (fixture->picker), "Link to a Note"));
  g_assert_cmpuint (g_list_model_get_n_items (fixture->model), ==, n_notes);

  /* Block by block in the order of the canvas, then the value chain. */
  {
    g_autofree char *first = dup_item_string (fixture, 0, "id");
    g_autofree char *first_block = dup_item_string (fixture, 0, "subtitle");
    g_autofree char *chain = dup_item_string (fixture, position_of (fixture, "n43"), "subtitle");
    g_autofree char *last = dup_item_string (fixture, n_notes - 1, "id");
    g_autofree char *last_block = dup_item_string (fixture, n_notes - 1, "subtitle");

    g_assert_cmpstr (first, ==, "n1");
    g_assert_cmpstr (first_block, ==, "Customer Segments");
    g_assert_cmpstr (chain, ==, "Inbound Logistics");
    g_assert_cmpstr (last, ==, "n62");
    g_assert_cmpstr (last_block, ==, "Procurement");
    g_assert_cmpuint (position_of (fixture, "n42"), <, position_of (fixture, "n43"));
  }

  /* A note shows its first line that says something. */
  position = position_of (fixture, added_id);
  g_assert_cmpuint (position + 1, ==, position_of (fixture, "n34"));
  {
    g_autofree char *title = dup_item_string (fixture, position, "title");
    g_autofree char *block = dup_item_string (fixture, position, "subtitle");

    g_assert_cmpstr (title, ==, "Second carrier contract");
    g_assert_cmpstr (block, ==, "Key Partners");
  }

  for (guint i = 0; i < n_notes; i++)
    {
      g_autofree char *id = dup_item_string (fixture, i, "id");

      g_assert_cmpint (item_is_linked (fixture, i), ==, g_strv_contains (linked, id));
    }

  /* The block is searched too, in value chain and canvas alike. */
  search (fixture, "logistics weekly");
  assert_shows (fixture, "n43");
  search (fixture, "partners carrier");
  expected = g_strdup_printf ("%s n35 n36", added_id);
  assert_shows (fixture, expected);
  assert_highlighted (fixture, added_id);
  g_assert_true (press_key (fixture, GDK_KEY_Down));
  assert_highlighted (fixture, "n35");
  g_assert_true (press_key (fixture, GDK_KEY_Down));
  assert_highlighted (fixture, "n35");

  /* Far down the list, the highlighted row is scrolled into view. */
  search (fixture, "");
  for (guint i = 0; i < 40; i++)
    g_assert_true (press_key (fixture, GDK_KEY_Down));
  assert_focus_in_search (fixture);
  {
    g_autofree char *highlighted = dup_highlighted (fixture);
    g_autofree char *title = NULL;

    g_assert_nonnull (highlighted);
    title = dup_item_string (fixture, position_of (fixture, highlighted), "title");
    g_assert_cmpuint (position_of (fixture, highlighted), >=, 40);
    tp_test_wait_until (row_is_in_view, (gpointer) &(RowInView) { fixture, title },
                        "the highlighted row to scroll into view");
  }

  /* "Fulfilment centre in Kassel" supports the delivery already. */
  search (fixture, "kassel");
  assert_shows (fixture, "n25");
  assert_highlighted (fixture, NULL);

  close_picker (fixture);
  tp_document_undo (fixture->document);
}

/* When nothing matches, the picker says so, and Enter does nothing. */
static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  open_picker (fixture, NOTE_SOURCE);

  search (fixture, "zeppelin");
  g_assert_cmpuint (g_list_model_get_n_items (fixture->model), ==, 0);
  g_assert_cmpstr (empty_message (fixture), ==, "No touchpoints match");
  assert_highlighted (fixture, NULL);
  g_assert_true (press_key (fixture, GDK_KEY_Return));
  g_assert_cmpuint (fixture->picked->len, ==, 0);

  /* Back to everything, and to the first row. */
  search (fixture, "");
  g_assert_null (empty_message (fixture));
  g_assert_cmpuint (g_list_model_get_n_items (fixture->model), ==, 16);
  assert_highlighted (fixture, "t1");
  close_picker (fixture);

  open_picker (fixture, TOUCHPOINT_SOURCE);
  search (fixture, "zeppelin");
  g_assert_cmpstr (empty_message (fixture), ==, "No notes match");
  close_picker (fixture);
}

/* A note of a workshop without a journey yet. */
static void
test_no_touchpoints (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TpDocument) document = tp_document_new ();
  const char *note = tp_document_add_note (document, TP_CONTAINER_CHANNELS, 0, "Shop");
  g_autofree char *note_id = g_strdup (note);
  TpDocument *example = fixture->document;

  fixture->document = document;
  open_picker (fixture, note_id);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->model), ==, 0);
  g_assert_cmpstr (empty_message (fixture), ==, "No touchpoints yet");
  assert_highlighted (fixture, NULL);
  close_picker (fixture);
  fixture->document = example;
}

/* Escape closes; so does any change of the document, which the list no longer shows. */
static void
test_closing (Fixture       *fixture,
              gconstpointer  data)
{
  open_picker (fixture, NOTE_SOURCE);
  /* What the search entry does with Escape. */
  g_signal_emit_by_name (fixture->search_entry, "stop-search");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->picker)));
  close_picker (fixture);

  open_picker (fixture, NOTE_SOURCE);
  g_assert_nonnull (tp_document_add_link (fixture->document, NOTE_SOURCE, "t1", ""));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->picker)));
  g_assert_cmpuint (fixture->picked->len, ==, 0);
  close_picker (fixture);
  tp_document_undo (fixture->document);
}

/* How many of the notes test_many_notes() makes have digits in their number, in block
 * (TP_N_CONTAINERS: in any block). */
static guint
count_numbered (const char *digits,
                guint       block)
{
  guint n = 0;

  for (guint i = 0; i < MANY_NOTES; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i);

      if ((block == TP_N_CONTAINERS || i % TP_N_CONTAINERS == block) && strstr (number, digits) != NULL)
        n++;
    }

  return n;
}

/* Ten thousand notes: every one listed, and found by its words. */
static void
test_many_notes (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TpDocument) document = tp_document_new_default ();
  TpStage *stage = g_ptr_array_index (tp_document_get_stages (document), 0);
  const char *touchpoint = tp_document_add_touchpoint (document, tp_item_get_id (&stage->item), 0, "Shop");
  g_autofree char *touchpoint_id = g_strdup (touchpoint);
  TpDocument *example = fixture->document;
  TpNote *first;

  tp_document_begin_group (document, "Add Notes");
  for (guint i = 0; i < MANY_NOTES; i++)
    {
      g_autofree char *text = g_strdup_printf ("Note number %u", i);

      tp_document_add_note (document, i % TP_N_CONTAINERS, G_MAXUINT, text);
    }
  tp_document_end_group (document);

  fixture->document = document;
  open_picker (fixture, touchpoint_id);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->model), ==, MANY_NOTES);
  first = g_ptr_array_index (tp_document_get_notes (document, 0), 0);
  assert_highlighted (fixture, tp_item_get_id (&first->item));

  search (fixture, "number 9999");
  g_assert_cmpuint (g_list_model_get_n_items (fixture->model), ==, 1);
  search (fixture, "number 999");
  g_assert_cmpuint (g_list_model_get_n_items (fixture->model), ==, count_numbered ("999", TP_N_CONTAINERS));
  search (fixture, "number 99");
  g_assert_cmpuint (g_list_model_get_n_items (fixture->model), ==, count_numbered ("99", TP_N_CONTAINERS));
  /* Words of the block and of the text together. */
  search (fixture, "procurement 99");
  g_assert_cmpuint (g_list_model_get_n_items (fixture->model), ==,
                    count_numbered ("99", TP_CONTAINER_PROCUREMENT));
  g_assert_cmpuint (g_list_model_get_n_items (fixture->model), >, 0);

  close_picker (fixture);
  fixture->document = example;
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = tp_test_init_display (&argc, &argv, "touchpoint-test-link-picker");

#define ADD(path, func) \
  g_test_add ("/touchpoint/link-picker/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("note-source", test_note_source);
  ADD ("linked-never-picked", test_linked_never_picked);
  ADD ("search", test_search);
  ADD ("search-folds-accents", test_search_folds_accents);
  ADD ("enter-picks", test_enter_picks);
  ADD ("touchpoint-source", test_touchpoint_source);
  ADD ("empty", test_empty);
  ADD ("no-touchpoints", test_no_touchpoints);
  ADD ("closing", test_closing);
  ADD ("many-notes", test_many_notes);

#undef ADD

  status = g_test_run ();

  tp_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
