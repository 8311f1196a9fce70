/* test-model.c: items, the document's structure and every change with its undo */

#include "config.h"

#include <math.h>

#include "model/tp-document.h"
#include "model/tp-enums.h"
#include "io/tp-writer.h"

/* The document's full state as text, to compare before and after undo. */
static char *
dump (TpDocument *document)
{
  g_autoptr(GBytes) bytes = tp_write_bytes (document);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static TpDocument *
make_small_document (void)
{
  TpDocument *document = tp_document_new_default ();
  GPtrArray *stages = tp_document_get_stages (document);
  const char *s1 = ((TpItem *) g_ptr_array_index (stages, 0))->id;
  const char *s2 = ((TpItem *) g_ptr_array_index (stages, 1))->id;
  const char *n1, *t1;

  n1 = tp_document_add_note (document, TP_CONTAINER_CHANNELS, 0, "Online shop");
  tp_document_add_note (document, TP_CONTAINER_CHANNELS, 1, "Store");
  tp_document_add_note (document, TP_CONTAINER_VALUE_PROPOSITIONS, 0, "Same-day delivery");
  tp_document_add_note (document, TP_CONTAINER_OPERATIONS, 0, "Warehouse");
  t1 = tp_document_add_touchpoint (document, s1, 0, "Search ad");
  tp_document_add_touchpoint (document, s2, 0, "Product page");
  tp_document_add_persona (document, "Student", TP_ACCENT_GREEN);
  tp_document_add_link (document, n1, t1, "delivers");
  tp_document_set_saved (document);

  return document;
}

static void
test_enums (void)
{
  for (guint type = 0; type < TP_N_ENUMS; type++)
    {
      guint n = tp_enum_get_n_values (type);

      g_assert_cmpuint (n, >, 1);
      for (guint v = 0; v < n; v++)
        {
          guint back = G_MAXUINT;

          g_assert_true (tp_enum_from_nick (type, tp_enum_to_nick (type, v), &back));
          g_assert_cmpuint (back, ==, v);
          g_assert_nonnull (tp_enum_get_label (type, v));
        }
      g_assert_false (tp_enum_from_nick (type, "no-such-value", NULL));
      g_assert_false (tp_enum_from_nick (type, NULL, NULL));
    }

  g_assert_cmpuint (tp_container_get_number (TP_CONTAINER_CUSTOMER_SEGMENTS), ==, 1);
  g_assert_cmpuint (tp_container_get_number (TP_CONTAINER_COST_STRUCTURE), ==, 9);
  g_assert_cmpuint (tp_container_get_number (TP_CONTAINER_SERVICE), ==, 0);
  g_assert_cmpstr (tp_enum_to_nick (TP_ENUM_CONTAINER, TP_CONTAINER_KEY_PARTNERS), ==, "key-partners");
  g_assert_cmpstr (tp_enum_get_label (TP_ENUM_NOTE_COLOUR, TP_NOTE_COLOUR_RED), ==, "Risk / pain");
  g_assert_nonnull (tp_container_get_hint (TP_CONTAINER_CUSTOMER_SEGMENTS));
}

/* Each kind: a copy is equal, and changing any field makes it unequal. */
static void
test_item_copy_equal (void)
{
  g_autoptr(TpTouchpoint) tp = tp_touchpoint_new ("t1", "Checkout");
  g_autoptr(TpStage) stage = tp_stage_new ("s1", "Purchase");
  g_autoptr(TpNote) note = tp_note_new ("n1", "Idea");
  g_autoptr(TpPersona) persona = tp_persona_new ("p1", "Student", TP_ACCENT_RED);
  g_autoptr(TpLink) link = tp_link_new ("l1", "n1", "t1", "supports");
  TpMeta *meta = tp_meta_new ();
  TpItem *items[] = { &tp->item, &stage->item, &note->item, &persona->item, &link->item, &meta->item };
  TpKanoNeed *need = tp_kano_need_new ("k1", "Fast delivery");
  TpKpi *kpi = tp_kpi_new ("m1", TP_KPI_NPS, "NPS");

  need->answers[TP_KANO_ANSWER_LIKE][TP_KANO_ANSWER_DISLIKE] = 12;
  kpi->scores[9] = 4;
  g_ptr_array_add (tp->needs, need);
  g_ptr_array_add (tp->kpis, kpi);
  g_ptr_array_add (tp->pains, g_strdup ("Slow"));
  g_ptr_array_add (tp->actions, tp_action_item_new ("Pilot courier", "Ops", TP_ACTION_DONE));
  tp_extras_add_attribute (&tp->item.extras, "future", "1");
  tp->moment_of_truth = TRUE;
  tp->expectation = 5;
  g_ptr_array_add (stage->kpis, tp_kpi_new ("m2", TP_KPI_CUSTOM, "Time"));

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(TpItem) copy = tp_item_copy (items[i]);

      g_assert_true (tp_item_equal (items[i], copy));
      g_assert_cmpstr (copy->id, ==, items[i]->id);
    }

  /* Deep copies: changing nested data of the copy leaves the original alone. */
  {
    g_autoptr(TpItem) copy = tp_item_copy (&tp->item);
    TpTouchpoint *tc = (TpTouchpoint *) copy;

    ((TpKanoNeed *) g_ptr_array_index (tc->needs, 0))->answers[0][4] = 13;
    g_assert_false (tp_item_equal (&tp->item, copy));
    g_assert_cmpuint (need->answers[0][4], ==, 12);
    tp_item_assign (copy, &tp->item);
    g_assert_true (tp_item_equal (&tp->item, copy));

    ((TpKpi *) g_ptr_array_index (tc->kpis, 0))->target = 30;
    g_assert_false (tp_item_equal (&tp->item, copy));
    g_assert_true (isnan (kpi->target));
  }

  /* NAN equals NAN for optional reals, so an unset target is not a change. */
  {
    g_autoptr(TpKpi) a = tp_kpi_new ("m9", TP_KPI_CUSTOM, "x");
    g_autoptr(TpKpi) b = tp_kpi_copy (a);

    g_assert_true (tp_kpi_equal (a, b));
    b->value = 1;
    g_assert_false (tp_kpi_equal (a, b));
  }

  tp_meta_free (meta);
}

static void
test_new_default (void)
{
  g_autoptr(TpDocument) document = tp_document_new_default ();
  GPtrArray *stages = tp_document_get_stages (document);
  const char *expected[] = { "Awareness", "Consideration", "Purchase", "Usage", "Loyalty & Advocacy" };

  g_assert_cmpuint (stages->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < stages->len; i++)
    {
      TpStage *stage = g_ptr_array_index (stages, i);

      g_assert_cmpstr (stage->name, ==, expected[i]);
      g_assert_true (tp_document_lookup (document, stage->item.id) == &stage->item);
    }
  g_assert_false (tp_document_get_modified (document));
  g_assert_false (tp_document_can_undo (document));
  g_assert_cmpuint (tp_document_get_n_notes (document), ==, 0);
  g_assert_nonnull (tp_document_lookup_kind (document, TP_META_ID, TP_ITEM_META));
  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
test_ids_unique (void)
{
  g_autoptr(TpDocument) document = make_small_document ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < 200; i++)
    {
      char *id = tp_document_make_id (document, "n");

      g_assert_null (tp_document_lookup (document, id));
      g_assert_true (g_hash_table_add (seen, id));
    }
}

/* Every change, then undo gives back exactly the document before, and redo the one
 * after. Table-driven: each case is a change on the small document. */
typedef void (*ChangeFunc) (TpDocument *document);

static TpStage *
stage_at (TpDocument *document,
          guint       i)
{
  return g_ptr_array_index (tp_document_get_stages (document), i);
}

static TpNote *
note_at (TpDocument  *document,
         TpContainer  container,
         guint        i)
{
  return g_ptr_array_index (tp_document_get_notes (document, container), i);
}

static void
change_add_note (TpDocument *document)
{
  tp_document_add_note (document, TP_CONTAINER_KEY_PARTNERS, 0, "Courier");
}

static void
change_insert_note (TpDocument *document)
{
  TpNote *note = tp_note_new ("ignored", "Pasted");

  note->colour = TP_NOTE_COLOUR_PINK;
  note->persona = g_strdup ("missing-persona");
  tp_document_insert_note (document, note, TP_CONTAINER_CHANNELS, 1);
}

static void
change_move_note_within (TpDocument *document)
{
  tp_document_move_note (document, note_at (document, TP_CONTAINER_CHANNELS, 0)->item.id,
                         TP_CONTAINER_CHANNELS, 1);
}

static void
change_move_note_across (TpDocument *document)
{
  tp_document_move_note (document, note_at (document, TP_CONTAINER_CHANNELS, 0)->item.id,
                         TP_CONTAINER_SERVICE, 0);
}

static void
change_add_stage (TpDocument *document)
{
  tp_document_add_stage (document, 2, "Onboarding");
}

static void
change_move_stage (TpDocument *document)
{
  tp_document_move_stage (document, stage_at (document, 0)->item.id, 4);
}

static void
change_add_touchpoint (TpDocument *document)
{
  tp_document_add_touchpoint (document, stage_at (document, 2)->item.id, 0, "Checkout");
}

static void
change_move_touchpoint (TpDocument *document)
{
  TpStage *from = stage_at (document, 0);

  tp_document_move_touchpoint (document, ((TpItem *) g_ptr_array_index (from->touchpoints, 0))->id,
                               stage_at (document, 1)->item.id, 1);
}

static void
change_add_persona (TpDocument *document)
{
  tp_document_add_persona (document, "Parent", TP_ACCENT_PURPLE);
}

static void
change_add_link (TpDocument *document)
{
  tp_document_add_link (document, note_at (document, TP_CONTAINER_OPERATIONS, 0)->item.id,
                        ((TpItem *) g_ptr_array_index (stage_at (document, 1)->touchpoints, 0))->id,
                        NULL);
}

static void
change_edit_note (TpDocument *document)
{
  TpNote *note = (TpNote *) tp_document_edit_begin (document, note_at (document, TP_CONTAINER_CHANNELS, 1)->item.id);

  g_free (note->text);
  note->text = g_strdup ("Flagship store");
  note->colour = TP_NOTE_COLOUR_GREEN;
  note->votes = 3;
  tp_document_edit_commit (document, &note->item, "Edit Note", FALSE);
}

static void
change_edit_touchpoint (TpDocument *document)
{
  TpItem *first = g_ptr_array_index (stage_at (document, 0)->touchpoints, 0);
  TpTouchpoint *tp = (TpTouchpoint *) tp_document_edit_begin (document, first->id);

  tp->moment_of_truth = TRUE;
  tp->expectation = 5;
  tp->experience = 2;
  tp->emotion = -2;
  g_ptr_array_add (tp->needs, tp_kano_need_new ("k1", "Fast"));
  g_ptr_array_add (tp->actions, tp_action_item_new ("Fix", "Ana", TP_ACTION_TO_DO));
  tp_document_edit_commit (document, &tp->item, "Edit Touchpoint", FALSE);
}

static void
change_edit_meta (TpDocument *document)
{
  TpMeta *meta = (TpMeta *) tp_document_edit_begin (document, TP_META_ID);

  g_free (meta->title);
  meta->title = g_strdup ("Acme");
  tp_document_edit_commit (document, &meta->item, "Rename Workshop", FALSE);
}

static void
change_delete_note_with_link (TpDocument *document)
{
  const char *id = note_at (document, TP_CONTAINER_CHANNELS, 0)->item.id;

  tp_document_delete (document, &id, 1);
}

static void
change_delete_stage (TpDocument *document)
{
  const char *id = stage_at (document, 0)->item.id;

  tp_document_delete (document, &id, 1);
}

static void
setup_persona_refs (TpDocument *document)
{
  TpPersona *persona = g_ptr_array_index (tp_document_get_personas (document), 0);
  TpNote *note = (TpNote *) tp_document_edit_begin (document, note_at (document, TP_CONTAINER_CHANNELS, 1)->item.id);
  TpItem *first = g_ptr_array_index (stage_at (document, 0)->touchpoints, 0);
  TpTouchpoint *tp = (TpTouchpoint *) tp_document_edit_begin (document, first->id);

  note->persona = g_strdup (persona->item.id);
  tp_document_edit_commit (document, &note->item, "Set Persona", FALSE);
  tp->persona = g_strdup (persona->item.id);
  tp_document_edit_commit (document, &tp->item, "Set Persona", FALSE);
}

static void
change_delete_persona (TpDocument *document)
{
  TpPersona *persona = g_ptr_array_index (tp_document_get_personas (document), 0);
  const char *id = persona->item.id;

  tp_document_delete (document, &id, 1);
  g_assert_null (note_at (document, TP_CONTAINER_CHANNELS, 1)->persona);
}

static void
setup_two_personas (TpDocument *document)
{
  tp_document_add_persona (document, "Parent", tp_document_pick_persona_accent (document));
}

static void
change_move_persona (TpDocument *document)
{
  tp_document_move_persona (document, ((TpItem *) g_ptr_array_index (tp_document_get_personas (document), 1))->id, 0);
}

static void
change_edit_persona (TpDocument *document)
{
  TpPersona *copy = (TpPersona *) tp_document_edit_begin (document,
    ((TpItem *) g_ptr_array_index (tp_document_get_personas (document), 0))->id);

  g_free (copy->name);
  copy->name = g_strdup ("Commuter");
  g_free (copy->description);
  copy->description = g_strdup ("Shops on the train");
  copy->accent = TP_ACCENT_SLATE;
  tp_document_edit_commit (document, &copy->item, "Rename Persona", FALSE);
}

static void
change_set_persona (TpDocument *document)
{
  const char *ids[] = {
    note_at (document, TP_CONTAINER_CHANNELS, 0)->item.id,
    ((TpItem *) g_ptr_array_index (stage_at (document, 0)->touchpoints, 0))->id,
  };

  tp_document_set_persona (document, ids, G_N_ELEMENTS (ids),
                           ((TpItem *) g_ptr_array_index (tp_document_get_personas (document), 0))->id);
}

static void
change_cycle_persona (TpDocument *document)
{
  const char *id = note_at (document, TP_CONTAINER_CHANNELS, 0)->item.id;

  tp_document_cycle_persona (document, &id, 1);
}

static void
change_delete_many (TpDocument *document)
{
  TpStage *stage = stage_at (document, 0);
  const char *ids[] = {
    ((TpItem *) g_ptr_array_index (stage->touchpoints, 0))->id,
    stage->item.id,
    note_at (document, TP_CONTAINER_CHANNELS, 0)->item.id,
    "no-such-id",
  };

  tp_document_delete (document, ids, G_N_ELEMENTS (ids));
}

typedef struct
{
  const char *name;
  ChangeFunc  change;
  const char *label;
  ChangeFunc  setup;   /* optional steps before the change under test */
} ChangeCase;

static const ChangeCase change_cases[] = {
  { "add-note", change_add_note, "Add Note" },
  { "insert-note", change_insert_note, "Add Note" },
  { "move-note-within", change_move_note_within, "Move Note" },
  { "move-note-across", change_move_note_across, "Move Note" },
  { "add-stage", change_add_stage, "Add Stage" },
  { "move-stage", change_move_stage, "Move Stage" },
  { "add-touchpoint", change_add_touchpoint, "Add Touchpoint" },
  { "move-touchpoint", change_move_touchpoint, "Move Touchpoint" },
  { "add-persona", change_add_persona, "Add Persona" },
  { "add-link", change_add_link, "Add Link" },
  { "edit-note", change_edit_note, "Edit Note" },
  { "edit-touchpoint", change_edit_touchpoint, "Edit Touchpoint" },
  { "edit-meta", change_edit_meta, "Rename Workshop" },
  { "delete-note-with-link", change_delete_note_with_link, "Delete Note" },
  { "delete-stage", change_delete_stage, "Delete Stage" },
  { "delete-persona", change_delete_persona, "Delete Persona", setup_persona_refs },
  { "delete-many", change_delete_many, "Delete Items" },
  { "move-persona", change_move_persona, "Move Persona", setup_two_personas },
  { "edit-persona", change_edit_persona, "Rename Persona" },
  { "set-persona", change_set_persona, "Set Persona" },
  { "cycle-persona", change_cycle_persona, "Set Persona", setup_two_personas },
};

static void
test_change_undo_redo (gconstpointer data)
{
  const ChangeCase *c = data;
  g_autoptr(TpDocument) document = make_small_document ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  if (c->setup != NULL)
    {
      c->setup (document);
      tp_document_set_saved (document);
    }

  before = dump (document);
  c->change (document);
  g_assert_cmpstr (tp_document_get_undo_label (document), ==, c->label);

  after = dump (document);
  g_assert_cmpstr (before, !=, after);
  g_assert_true (tp_document_get_modified (document));
  g_assert_true (tp_document_get_last_affected (document)[0] != NULL);

  tp_document_undo (document);
  undone = dump (document);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (tp_document_get_modified (document));
  g_assert_cmpstr (tp_document_get_redo_label (document), ==, c->label);

  tp_document_redo (document);
  redone = dump (document);
  g_assert_cmpstr (redone, ==, after);
}

static void
test_delete_removes_links (void)
{
  g_autoptr(TpDocument) document = make_small_document ();
  g_autoptr(GPtrArray) links = g_ptr_array_new ();
  TpStage *s1 = stage_at (document, 0);
  const char *tp_id = ((TpItem *) g_ptr_array_index (s1->touchpoints, 0))->id;
  g_autofree char *tp_copy = g_strdup (tp_id);
  guint n_touchpoints = tp_document_get_n_touchpoints (document);

  g_assert_cmpuint (tp_document_get_links (document)->len, ==, 1);
  tp_document_delete (document, &tp_id, 1);
  g_assert_cmpuint (tp_document_get_links (document)->len, ==, 0);
  g_assert_null (tp_document_lookup (document, tp_copy));
  g_assert_cmpuint (tp_document_get_n_touchpoints (document), ==, n_touchpoints - 1);

  /* One step: undo brings the touchpoint and its link back together. */
  tp_document_undo (document);
  g_assert_nonnull (tp_document_lookup (document, tp_copy));
  tp_document_collect_links (document, tp_copy, links);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_false (tp_document_get_modified (document));
}

/* Issue 15: deleting a persona clears every reference to it, in one step that undo takes
 * back whole, references included. */
static void
test_persona_delete_clears_references (void)
{
  g_autoptr(TpDocument) document = make_small_document ();
  g_autofree char *persona = g_strdup (((TpItem *) g_ptr_array_index (tp_document_get_personas (document), 0))->id);
  const char *note = note_at (document, TP_CONTAINER_CHANNELS, 0)->item.id;
  const char *touchpoint = ((TpItem *) g_ptr_array_index (stage_at (document, 0)->touchpoints, 0))->id;
  const char *ids[] = { note, touchpoint };
  const char *del = persona;

  tp_document_set_persona (document, ids, G_N_ELEMENTS (ids), persona);
  g_assert_cmpstr (note_at (document, TP_CONTAINER_CHANNELS, 0)->persona, ==, persona);
  g_assert_true (tp_document_get_persona_of (document, touchpoint) != NULL);
  g_assert_cmpstr (tp_document_get_undo_label (document), ==, "Set Persona");
  tp_document_set_saved (document);

  tp_document_delete (document, &del, 1);
  g_assert_null (tp_document_lookup (document, persona));
  g_assert_null (note_at (document, TP_CONTAINER_CHANNELS, 0)->persona);
  g_assert_null (((TpTouchpoint *) tp_document_lookup (document, touchpoint))->persona);
  g_assert_cmpstr (tp_document_get_undo_label (document), ==, "Delete Persona");

  /* One undo: the persona and both references. */
  tp_document_undo (document);
  g_assert_nonnull (tp_document_lookup_kind (document, persona, TP_ITEM_PERSONA));
  g_assert_cmpstr (note_at (document, TP_CONTAINER_CHANNELS, 0)->persona, ==, persona);
  g_assert_cmpstr (((TpTouchpoint *) tp_document_lookup (document, touchpoint))->persona, ==, persona);
  g_assert_false (tp_document_get_modified (document));

  tp_document_redo (document);
  g_assert_null (note_at (document, TP_CONTAINER_CHANNELS, 0)->persona);
}

/* New personas get distinct colours; cycling goes none, each persona, none. */
static void
test_persona_accent_and_cycle (void)
{
  g_autoptr(TpDocument) document = make_small_document ();
  GPtrArray *personas = tp_document_get_personas (document);
  const char *note = note_at (document, TP_CONTAINER_CHANNELS, 0)->item.id;
  const char *p1, *p2;

  /* The example's first persona is green: the first free accent is blue, then yellow. */
  g_assert_cmpint (tp_document_pick_persona_accent (document), ==, TP_ACCENT_BLUE);
  p2 = tp_document_add_persona (document, "Parent", tp_document_pick_persona_accent (document));
  g_assert_cmpint (((TpPersona *) g_ptr_array_index (personas, 1))->accent, ==, TP_ACCENT_BLUE);
  g_assert_cmpint (tp_document_pick_persona_accent (document), ==, TP_ACCENT_YELLOW);
  p1 = ((TpItem *) g_ptr_array_index (personas, 0))->id;

  g_assert_null (note_at (document, TP_CONTAINER_CHANNELS, 0)->persona);
  g_assert_cmpstr (tp_document_cycle_persona (document, &note, 1), ==, p1);
  g_assert_cmpstr (note_at (document, TP_CONTAINER_CHANNELS, 0)->persona, ==, p1);
  g_assert_cmpstr (tp_document_cycle_persona (document, &note, 1), ==, p2);
  g_assert_null (tp_document_cycle_persona (document, &note, 1));
  g_assert_null (note_at (document, TP_CONTAINER_CHANNELS, 0)->persona);

  /* Reordered, the cycle follows the new order. */
  tp_document_move_persona (document, p2, 0);
  g_assert_cmpstr (((TpItem *) g_ptr_array_index (personas, 0))->id, ==, p2);
  g_assert_cmpstr (tp_document_cycle_persona (document, &note, 1), ==, p2);

  /* Nothing to cycle through: nothing done. */
  {
    g_autoptr(TpDocument) empty = tp_document_new_default ();
    const char *n = tp_document_add_note (empty, TP_CONTAINER_CHANNELS, 0, "x");
    guint64 state = tp_document_get_state (empty);

    g_assert_null (tp_document_cycle_persona (empty, &n, 1));
    g_assert_cmpuint (tp_document_get_state (empty), ==, state);
  }
}

/* Stages keep their colour (issue 15): a new one takes the first free palette colour. */
static void
test_stage_colours (void)
{
  g_autoptr(TpDocument) document = tp_document_new_default ();
  GPtrArray *stages = tp_document_get_stages (document);
  const char *id;

  for (guint i = 0; i < stages->len; i++)
    g_assert_cmpint (((TpStage *) g_ptr_array_index (stages, i))->colour, ==, i);

  id = tp_document_add_stage (document, 1, "Onboarding");
  g_assert_cmpint (((TpStage *) tp_document_lookup (document, id))->colour, ==, TP_STAGE_COLOUR_TEAL);
  g_assert_cmpint (((TpStage *) g_ptr_array_index (stages, 2))->colour, ==, TP_STAGE_COLOUR_GREEN);
  /* Every colour taken: the first of the least used. */
  id = tp_document_add_stage (document, 0, "Before");
  g_assert_cmpint (((TpStage *) tp_document_lookup (document, id))->colour, ==, TP_STAGE_COLOUR_BLUE);
  id = tp_document_add_stage (document, 0, "Before that");
  g_assert_cmpint (((TpStage *) tp_document_lookup (document, id))->colour, ==, TP_STAGE_COLOUR_GREEN);
}

static void
test_delete_stage_takes_touchpoints (void)
{
  g_autoptr(TpDocument) document = make_small_document ();
  TpStage *s1 = stage_at (document, 0);
  g_autofree char *stage_id = g_strdup (s1->item.id);
  g_autofree char *tp_id = g_strdup (((TpItem *) g_ptr_array_index (s1->touchpoints, 0))->id);
  const char *id = stage_id;

  tp_document_delete (document, &id, 1);
  g_assert_null (tp_document_lookup (document, stage_id));
  g_assert_null (tp_document_lookup (document, tp_id));
  g_assert_cmpuint (tp_document_get_n_touchpoints (document), ==, 1);
  g_assert_cmpuint (tp_document_get_links (document)->len, ==, 0);

  tp_document_undo (document);
  g_assert_nonnull (tp_document_lookup_kind (document, tp_id, TP_ITEM_TOUCHPOINT));
  g_assert_cmpuint (tp_document_get_n_touchpoints (document), ==, 2);
  g_assert_cmpstr (((TpTouchpoint *) tp_document_lookup (document, tp_id))->stage, ==, stage_id);
}

static void
test_link_rules (void)
{
  g_autoptr(TpDocument) document = make_small_document ();
  TpLink *link = g_ptr_array_index (tp_document_get_links (document), 0);
  const char *stage = stage_at (document, 0)->item.id;
  guint64 state = tp_document_get_state (document);

  /* Duplicates, missing ends and wrong kinds create nothing and record nothing. */
  g_assert_null (tp_document_add_link (document, link->note, link->touchpoint, "again"));
  g_assert_null (tp_document_add_link (document, link->touchpoint, link->note, NULL));
  g_assert_null (tp_document_add_link (document, "nope", link->touchpoint, NULL));
  g_assert_null (tp_document_add_link (document, link->note, stage, NULL));
  g_assert_cmpuint (tp_document_get_state (document), ==, state);
  g_assert_true (tp_document_find_link (document, link->note, link->touchpoint) == link);
}

static void
test_move_keeps_fields (void)
{
  g_autoptr(TpDocument) document = make_small_document ();
  TpNote *note = note_at (document, TP_CONTAINER_CHANNELS, 0);
  TpNote *edited = (TpNote *) tp_document_edit_begin (document, note->item.id);
  guint index = G_MAXUINT;

  edited->votes = 7;
  tp_document_edit_commit (document, &edited->item, "Vote", FALSE);
  tp_document_move_note (document, note->item.id, TP_CONTAINER_KEY_RESOURCES, 99);
  g_assert_cmpint (note->container, ==, TP_CONTAINER_KEY_RESOURCES);
  g_assert_true (tp_document_get_index (document, note->item.id, &index));
  g_assert_cmpuint (index, ==, 0);

  /* Undoing the edit after the move must not drag the note back to its old block. */
  tp_document_undo (document);
  tp_document_undo (document);
  g_assert_cmpint (note->container, ==, TP_CONTAINER_CHANNELS);
  g_assert_cmpuint (note->votes, ==, 0);
  tp_document_redo (document);
  tp_document_redo (document);
  g_assert_cmpint (note->container, ==, TP_CONTAINER_KEY_RESOURCES);
  g_assert_cmpuint (note->votes, ==, 7);

  /* A move to where it already is records nothing. */
  {
    guint64 state = tp_document_get_state (document);

    tp_document_move_note (document, note->item.id, TP_CONTAINER_KEY_RESOURCES, 0);
    g_assert_cmpuint (tp_document_get_state (document), ==, state);
  }
}

static void
count_changes (TpDocument   *document,
               TpChangeKind  kind,
               const char   *id,
               guint        *counts)
{
  g_assert_nonnull (id);
  counts[kind]++;
}

static void
test_changed_signal (void)
{
  g_autoptr(TpDocument) document = make_small_document ();
  guint counts[4] = { 0, };
  const char *id;

  g_signal_connect (document, "changed", G_CALLBACK (count_changes), counts);
  id = tp_document_add_note (document, TP_CONTAINER_CHANNELS, 0, "x");
  g_assert_cmpuint (counts[TP_CHANGE_ADDED], ==, 1);
  tp_document_move_note (document, id, TP_CONTAINER_CHANNELS, 2);
  g_assert_cmpuint (counts[TP_CHANGE_MOVED], ==, 1);
  tp_document_undo (document);
  g_assert_cmpuint (counts[TP_CHANGE_MOVED], ==, 2);
  tp_document_undo (document);
  g_assert_cmpuint (counts[TP_CHANGE_REMOVED], ==, 1);
}

static void
test_moment_of_truth_rule (void)
{
  g_autoptr(TpTouchpoint) tp = tp_touchpoint_new ("t1", "Delivery");

  tp_touchpoint_set_moment_of_truth (tp, TRUE);
  tp->expectation = 5;
  tp->experience = 2;
  tp->impact = 4;
  tp->feasibility = 3;
  tp->strategy = TP_STRATEGY_REACTIVE;
  g_ptr_array_add (tp->actions, tp_action_item_new ("Pilot", "Ops", TP_ACTION_TO_DO));
  g_assert_true (tp->moment_of_truth);

  /* Unmarking drops what only a moment of truth can hold in a file. */
  tp_touchpoint_set_moment_of_truth (tp, FALSE);
  g_assert_false (tp->moment_of_truth);
  g_assert_cmpuint (tp->expectation + tp->experience + tp->impact + tp->feasibility, ==, 0);
  g_assert_cmpint (tp->strategy, ==, TP_STRATEGY_NONE);
  g_assert_cmpuint (tp->actions->len, ==, 0);
}

static void
test_display_name (void)
{
  g_autoptr(TpDocument) document = tp_document_new ();
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/Acme Workshop.touchpoint");
  g_autofree char *untitled = tp_document_dup_display_name (document);
  g_autofree char *named = NULL;

  g_assert_cmpstr (untitled, ==, "Untitled Workshop");
  tp_document_set_file (document, file);
  named = tp_document_dup_display_name (document);
  g_assert_cmpstr (named, ==, "Acme Workshop.touchpoint");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/model/enums", test_enums);
  g_test_add_func ("/touchpoint/model/item-copy-equal", test_item_copy_equal);
  g_test_add_func ("/touchpoint/model/new-default", test_new_default);
  g_test_add_func ("/touchpoint/model/ids-unique", test_ids_unique);
  for (guint i = 0; i < G_N_ELEMENTS (change_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/touchpoint/model/change/%s", change_cases[i].name);

      g_test_add_data_func (path, &change_cases[i], test_change_undo_redo);
    }
  g_test_add_func ("/touchpoint/model/delete-removes-links", test_delete_removes_links);
  g_test_add_func ("/touchpoint/model/delete-stage-takes-touchpoints", test_delete_stage_takes_touchpoints);
  g_test_add_func ("/touchpoint/model/persona-delete-clears-references", test_persona_delete_clears_references);
  g_test_add_func ("/touchpoint/model/persona-accent-and-cycle", test_persona_accent_and_cycle);
  g_test_add_func ("/touchpoint/model/stage-colours", test_stage_colours);
  g_test_add_func ("/touchpoint/model/link-rules", test_link_rules);
  g_test_add_func ("/touchpoint/model/move-keeps-fields", test_move_keeps_fields);
  g_test_add_func ("/touchpoint/model/changed-signal", test_changed_signal);
  g_test_add_func ("/touchpoint/model/moment-of-truth-rule", test_moment_of_truth_rule);
  g_test_add_func ("/touchpoint/model/display-name", test_display_name);

  return g_test_run ();
}
