/* test-links.c: links between notes and touchpoints, in the model and in files.
 *
 * test-model.c checks that adding a link and deleting a linked note undo as a whole
 * document; here the links themselves are followed: their ids, labels and order through
 * undo, redo, deletes, moves and edits, the "changed" signal, and the file round trip.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "io/tp-document-file.h"
#include "io/tp-loader.h"
#include "io/tp-writer.h"
#include "io/tp-xml-names.h"
#include "model/tp-document.h"

/* Fixture: notes in the canvas and the value chain, touchpoints in two stages. */
typedef struct
{
  TpDocument *document;
  char       *canvas_note;   /* channels */
  char       *canvas_note2;  /* value propositions */
  char       *chain_note;    /* operations */
  char       *stage1;
  char       *stage2;
  char       *stage3;
  char       *tp1;           /* in stage1 */
  char       *tp2;           /* in stage1 */
  char       *tp3;           /* in stage2 */
} Fixture;

static void
fixture_init (Fixture *f)
{
  GPtrArray *stages;

  f->document = tp_document_new_default ();
  stages = tp_document_get_stages (f->document);
  f->stage1 = g_strdup (((TpItem *) g_ptr_array_index (stages, 0))->id);
  f->stage2 = g_strdup (((TpItem *) g_ptr_array_index (stages, 1))->id);
  f->stage3 = g_strdup (((TpItem *) g_ptr_array_index (stages, 2))->id);

  f->canvas_note = g_strdup (tp_document_add_note (f->document, TP_CONTAINER_CHANNELS, 0, "Online shop"));
  f->canvas_note2 = g_strdup (tp_document_add_note (f->document, TP_CONTAINER_VALUE_PROPOSITIONS, 0, "Same-day delivery"));
  f->chain_note = g_strdup (tp_document_add_note (f->document, TP_CONTAINER_OPERATIONS, 0, "Warehouse"));
  f->tp1 = g_strdup (tp_document_add_touchpoint (f->document, f->stage1, 0, "Search ad"));
  f->tp2 = g_strdup (tp_document_add_touchpoint (f->document, f->stage1, 1, "Landing page"));
  f->tp3 = g_strdup (tp_document_add_touchpoint (f->document, f->stage2, 0, "Product page"));
  g_assert_nonnull (f->canvas_note);
  g_assert_nonnull (f->canvas_note2);
  g_assert_nonnull (f->chain_note);
  g_assert_nonnull (f->tp1);
  g_assert_nonnull (f->tp2);
  g_assert_nonnull (f->tp3);
  tp_document_set_saved (f->document);
}

static void
fixture_clear (Fixture *f)
{
  g_assert_finalize_object (g_steal_pointer (&f->document));
  g_free (f->canvas_note);
  g_free (f->canvas_note2);
  g_free (f->chain_note);
  g_free (f->stage1);
  g_free (f->stage2);
  g_free (f->stage3);
  g_free (f->tp1);
  g_free (f->tp2);
  g_free (f->tp3);
}

/* Adds a link that must be accepted; returns a copy of its id. */
static char *
add_link (TpDocument *document,
          const char *note,
          const char *touchpoint,
          const char *label)
{
  const char *id = tp_document_add_link (document, note, touchpoint, label);

  g_assert_nonnull (id);

  return g_strdup (id);
}

/* The document's full state as text. */
static char *
dump (TpDocument *document)
{
  g_autoptr(GBytes) bytes = tp_write_bytes (document);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* A deep copy of the document's links, in order. */
static GPtrArray *
snapshot_links (TpDocument *document)
{
  GPtrArray *links = tp_document_get_links (document);
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) tp_link_free);

  for (guint i = 0; i < links->len; i++)
    g_ptr_array_add (copy, tp_link_copy (g_ptr_array_index (links, i)));

  return copy;
}

static void
assert_links_equal (GPtrArray *a,
                    GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      TpLink *la = g_ptr_array_index (a, i);
      TpLink *lb = g_ptr_array_index (b, i);

      g_test_message ("link %u: %s %s→%s “%s” / %s %s→%s “%s”", i,
                      la->item.id, la->note, la->touchpoint, la->label,
                      lb->item.id, lb->note, lb->touchpoint, lb->label);
      g_assert_true (tp_link_equal (la, lb));
    }
}

static void
assert_document_links (TpDocument *document,
                       GPtrArray  *expected)
{
  assert_links_equal (tp_document_get_links (document), expected);

  /* Every link is reachable by id, by its pair and from both of its ends. */
  for (guint i = 0; i < expected->len; i++)
    {
      TpLink *want = g_ptr_array_index (expected, i);
      TpLink *link = tp_document_lookup_kind (document, want->item.id, TP_ITEM_LINK);
      g_autoptr(GPtrArray) of_note = g_ptr_array_new ();
      g_autoptr(GPtrArray) of_touchpoint = g_ptr_array_new ();

      g_assert_nonnull (link);
      g_assert_true (tp_document_find_link (document, want->note, want->touchpoint) == link);
      g_assert_nonnull (tp_document_lookup_kind (document, link->note, TP_ITEM_NOTE));
      g_assert_nonnull (tp_document_lookup_kind (document, link->touchpoint, TP_ITEM_TOUCHPOINT));
      tp_document_collect_links (document, link->note, of_note);
      tp_document_collect_links (document, link->touchpoint, of_touchpoint);
      g_assert_true (g_ptr_array_find (of_note, link, NULL));
      g_assert_true (g_ptr_array_find (of_touchpoint, link, NULL));
    }
}

static guint
count_links_of (TpDocument *document,
                const char *id)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new ();

  tp_document_collect_links (document, id, links);

  return links->len;
}

static gboolean
strv_contains (const char * const *strv,
               const char         *s)
{
  return g_strv_contains (strv, s);
}

/* Adding */

static void
test_add_undo_redo (void)
{
  Fixture f;
  TpLink *link;
  g_autofree char *canvas_link = NULL;
  g_autofree char *chain_link = NULL;
  g_autoptr(GPtrArray) both = NULL;

  fixture_init (&f);

  /* From a canvas note, with a label. */
  canvas_link = add_link (f.document, f.canvas_note, f.tp1, "delivers");
  g_assert_cmpstr (tp_document_get_undo_label (f.document), ==, "Add Link");
  g_assert_true (tp_document_get_modified (f.document));
  g_assert_true (strv_contains (tp_document_get_last_affected (f.document), canvas_link));
  link = tp_document_lookup_kind (f.document, canvas_link, TP_ITEM_LINK);
  g_assert_nonnull (link);
  g_assert_cmpstr (link->note, ==, f.canvas_note);
  g_assert_cmpstr (link->touchpoint, ==, f.tp1);
  g_assert_cmpstr (link->label, ==, "delivers");
  g_assert_true (tp_document_find_link (f.document, f.canvas_note, f.tp1) == link);

  /* From a value-chain note; no label is the empty label. */
  chain_link = add_link (f.document, f.chain_note, f.tp3, NULL);
  g_assert_cmpstr (chain_link, !=, canvas_link);
  link = tp_document_lookup_kind (f.document, chain_link, TP_ITEM_LINK);
  g_assert_nonnull (link);
  g_assert_cmpstr (link->note, ==, f.chain_note);
  g_assert_cmpstr (link->touchpoint, ==, f.tp3);
  g_assert_cmpstr (link->label, ==, "");
  g_assert_true (tp_document_find_link (f.document, f.chain_note, f.tp3) == link);
  /* The pair is directed: note first. */
  g_assert_null (tp_document_find_link (f.document, f.tp3, f.chain_note));

  both = snapshot_links (f.document);
  g_assert_cmpuint (both->len, ==, 2);
  assert_document_links (f.document, both);

  /* Undo removes them, last first. */
  tp_document_undo (f.document);
  g_assert_null (tp_document_lookup (f.document, chain_link));
  g_assert_null (tp_document_find_link (f.document, f.chain_note, f.tp3));
  g_assert_cmpuint (count_links_of (f.document, f.chain_note), ==, 0);
  g_assert_cmpuint (count_links_of (f.document, f.tp3), ==, 0);
  g_assert_cmpuint (tp_document_get_links (f.document)->len, ==, 1);
  g_assert_cmpstr (tp_document_get_redo_label (f.document), ==, "Add Link");

  tp_document_undo (f.document);
  g_assert_null (tp_document_lookup (f.document, canvas_link));
  g_assert_null (tp_document_find_link (f.document, f.canvas_note, f.tp1));
  g_assert_cmpuint (tp_document_get_links (f.document)->len, ==, 0);
  g_assert_false (tp_document_get_modified (f.document));
  /* The ends stay. */
  g_assert_nonnull (tp_document_lookup_kind (f.document, f.canvas_note, TP_ITEM_NOTE));
  g_assert_nonnull (tp_document_lookup_kind (f.document, f.tp1, TP_ITEM_TOUCHPOINT));

  /* Redo restores them with the same ids and labels, in the same order. */
  tp_document_redo (f.document);
  g_assert_true (strv_contains (tp_document_get_last_affected (f.document), canvas_link));
  tp_document_redo (f.document);
  g_assert_false (tp_document_can_redo (f.document));
  assert_document_links (f.document, both);

  /* Undone and replaced by a new step, the link can be made again: a fresh link, not the
   * forgotten one. */
  tp_document_undo (f.document);
  {
    g_autofree char *again = add_link (f.document, f.chain_note, f.tp3, "again");

    g_assert_false (tp_document_can_redo (f.document));
    g_assert_cmpstr (((TpLink *) tp_document_lookup_kind (f.document, again, TP_ITEM_LINK))->label, ==, "again");
  }

  fixture_clear (&f);
}

/* Nothing is created and nothing is recorded. */
static void
assert_refused (TpDocument *document,
                const char *note,
                const char *touchpoint)
{
  guint64 state = tp_document_get_state (document);
  guint n_links = tp_document_get_links (document)->len;
  g_autofree char *undo_label = g_strdup (tp_document_get_undo_label (document));
  gboolean modified = tp_document_get_modified (document);

  g_test_message ("refusing %s → %s", note ? note : "(null)", touchpoint ? touchpoint : "(null)");
  g_assert_null (tp_document_add_link (document, note, touchpoint, "nope"));
  g_assert_cmpuint (tp_document_get_state (document), ==, state);
  g_assert_cmpuint (tp_document_get_links (document)->len, ==, n_links);
  g_assert_cmpstr (tp_document_get_undo_label (document), ==, undo_label);
  g_assert_cmpint (tp_document_get_modified (document), ==, modified);
}

static void
count_any_change (TpDocument   *document,
                  TpChangeKind  kind,
                  const char   *id,
                  guint        *count)
{
  (*count)++;
}

static void
test_refused (void)
{
  Fixture f;
  g_autofree char *link = NULL;
  g_autofree char *persona = NULL;
  guint changes = 0;
  TpLink *existing;

  fixture_init (&f);
  link = add_link (f.document, f.canvas_note, f.tp1, "delivers");
  persona = g_strdup (tp_document_add_persona (f.document, "Student", TP_ACCENT_GREEN));
  g_signal_connect (f.document, "changed", G_CALLBACK (count_any_change), &changes);

  /* The same pair again, whatever the label. */
  assert_refused (f.document, f.canvas_note, f.tp1);
  g_assert_null (tp_document_add_link (f.document, f.canvas_note, f.tp1, "delivers"));
  g_assert_null (tp_document_add_link (f.document, f.canvas_note, f.tp1, NULL));
  existing = tp_document_find_link (f.document, f.canvas_note, f.tp1);
  g_assert_cmpstr (existing->item.id, ==, link);
  g_assert_cmpstr (existing->label, ==, "delivers");

  /* Wrong kinds at either end. */
  assert_refused (f.document, f.canvas_note, f.chain_note);      /* note → note */
  assert_refused (f.document, f.canvas_note, f.canvas_note);     /* note → itself */
  assert_refused (f.document, f.tp1, f.tp3);                      /* touchpoint → touchpoint */
  assert_refused (f.document, f.tp1, f.canvas_note);              /* reversed */
  assert_refused (f.document, f.canvas_note, f.stage1);           /* stage */
  assert_refused (f.document, f.stage1, f.tp1);
  assert_refused (f.document, persona, f.tp1);                    /* persona */
  assert_refused (f.document, f.canvas_note, persona);
  assert_refused (f.document, link, f.tp2);                       /* a link */
  assert_refused (f.document, f.canvas_note, link);
  assert_refused (f.document, TP_META_ID, f.tp1);                 /* the metadata */

  /* Missing ends. */
  assert_refused (f.document, "n999", f.tp1);
  assert_refused (f.document, f.canvas_note, "t999");
  assert_refused (f.document, NULL, f.tp1);
  assert_refused (f.document, f.canvas_note, NULL);
  assert_refused (f.document, NULL, NULL);
  assert_refused (f.document, "", f.tp1);
  assert_refused (f.document, f.canvas_note, "");

  /* An end that existed once: deleted, it is missing. */
  {
    const char *ids[] = { f.tp2 };

    tp_document_delete (f.document, ids, 1);
    assert_refused (f.document, f.canvas_note, f.tp2);
    tp_document_undo (f.document);
  }

  g_assert_cmpuint (tp_document_get_links (f.document)->len, ==, 1);
  /* Only the delete and its undo above changed anything. */
  g_assert_cmpuint (changes, ==, 2);

  fixture_clear (&f);
}

/* Editing the label */

static void
set_label (TpDocument *document,
           const char *id,
           const char *label,
           gboolean    merge)
{
  TpLink *copy = (TpLink *) tp_document_edit_begin (document, id);

  g_assert_nonnull (copy);
  g_assert_cmpint (copy->item.kind, ==, TP_ITEM_LINK);
  g_free (copy->label);
  copy->label = g_strdup (label);
  tp_document_edit_commit (document, &copy->item, "Change Link Label", merge);
}

static void
test_label_edit (void)
{
  Fixture f;
  g_autofree char *id = NULL;
  g_autofree char *other = NULL;
  g_autofree char *before = NULL;
  const char *typed[] = { "d", "de", "del", "deli", "deliv", "delive", "deliver", "delivers ü&<>\"'" };
  TpLink *link;
  guint64 state;

  fixture_init (&f);
  id = add_link (f.document, f.canvas_note, f.tp1, "supports");
  other = add_link (f.document, f.chain_note, f.tp1, "feeds");
  tp_document_set_saved (f.document);
  link = tp_document_lookup_kind (f.document, id, TP_ITEM_LINK);
  before = dump (f.document);

  /* Typing: several merged commits are one step. */
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      set_label (f.document, id, typed[i], TRUE);
      g_assert_cmpstr (link->label, ==, typed[i]);
    }
  g_assert_cmpstr (tp_document_get_undo_label (f.document), ==, "Change Link Label");
  g_assert_true (strv_contains (tp_document_get_last_affected (f.document), id));
  /* The link itself is untouched apart from its label. */
  g_assert_true (tp_document_lookup_kind (f.document, id, TP_ITEM_LINK) == link);
  g_assert_cmpstr (link->note, ==, f.canvas_note);
  g_assert_cmpstr (link->touchpoint, ==, f.tp1);

  /* A commit that changes nothing records nothing. */
  state = tp_document_get_state (f.document);
  set_label (f.document, id, typed[G_N_ELEMENTS (typed) - 1], TRUE);
  g_assert_cmpuint (tp_document_get_state (f.document), ==, state);

  /* One undo gives the old label back exactly, and the whole document with it. */
  tp_document_undo (f.document);
  g_assert_cmpstr (link->label, ==, "supports");
  g_assert_false (tp_document_get_modified (f.document));
  {
    g_autofree char *undone = dump (f.document);

    g_assert_cmpstr (undone, ==, before);
  }
  tp_document_redo (f.document);
  g_assert_cmpstr (link->label, ==, typed[G_N_ELEMENTS (typed) - 1]);
  tp_document_undo (f.document);

  /* Clearing a label is an edit too, and undo restores it. */
  set_label (f.document, id, "", TRUE);
  g_assert_cmpstr (link->label, ==, "");
  tp_document_undo (f.document);
  g_assert_cmpstr (link->label, ==, "supports");

  /* Without merge every commit is its own step. */
  set_label (f.document, id, "a", FALSE);
  set_label (f.document, id, "ab", FALSE);
  tp_document_undo (f.document);
  g_assert_cmpstr (link->label, ==, "a");
  tp_document_undo (f.document);
  g_assert_cmpstr (link->label, ==, "supports");

  /* Merged edits of two different links stay two steps. */
  set_label (f.document, id, "x", TRUE);
  set_label (f.document, other, "y", TRUE);
  tp_document_undo (f.document);
  g_assert_cmpstr (((TpLink *) tp_document_lookup (f.document, other))->label, ==, "feeds");
  g_assert_cmpstr (link->label, ==, "x");
  tp_document_undo (f.document);
  g_assert_cmpstr (link->label, ==, "supports");
  g_assert_false (tp_document_get_modified (f.document));

  fixture_clear (&f);
}

/* Deleting the ends */

/* Deletes ids in one call; one undo brings back exactly what was there, and redo takes
 * it away again. */
static void
delete_and_check (TpDocument         *document,
                  const char * const *ids,
                  guint               n_ids,
                  const char         *label,
                  const char * const *gone_links)
{
  g_autoptr(GPtrArray) links_before = snapshot_links (document);
  g_autoptr(GPtrArray) links_after = NULL;
  g_autofree char *before = dump (document);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  guint64 state = tp_document_get_state (document);

  tp_document_delete (document, ids, n_ids);
  g_assert_cmpuint (tp_document_get_state (document), !=, state);
  g_assert_cmpstr (tp_document_get_undo_label (document), ==, label);

  for (guint i = 0; gone_links[i] != NULL; i++)
    {
      g_assert_null (tp_document_lookup (document, gone_links[i]));
      g_assert_true (strv_contains (tp_document_get_last_affected (document), gone_links[i]));
    }
  g_assert_cmpuint (tp_document_get_links (document)->len, ==,
                    links_before->len - g_strv_length ((char **) gone_links));
  for (guint i = 0; i < n_ids; i++)
    {
      g_assert_null (tp_document_lookup (document, ids[i]));
      g_assert_cmpuint (count_links_of (document, ids[i]), ==, 0);
    }
  /* Whatever links are left still have both ends. */
  links_after = snapshot_links (document);
  assert_document_links (document, links_after);
  after = dump (document);

  /* One step. */
  tp_document_undo (document);
  assert_document_links (document, links_before);
  undone = dump (document);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpuint (tp_document_get_state (document), ==, state);

  tp_document_redo (document);
  {
    g_autofree char *redone = dump (document);

    g_assert_cmpstr (redone, ==, after);
  }
  tp_document_undo (document);
}

static void
test_delete_note (void)
{
  Fixture f;
  g_autofree char *l1 = NULL;
  g_autofree char *l2 = NULL;
  g_autofree char *l3 = NULL;
  g_autofree char *l4 = NULL;

  fixture_init (&f);
  l1 = add_link (f.document, f.canvas_note, f.tp1, "delivers");
  l2 = add_link (f.document, f.chain_note, f.tp1, "");
  l3 = add_link (f.document, f.canvas_note, f.tp3, "a & b <c>");
  l4 = add_link (f.document, f.chain_note, f.tp2, "ships");

  {
    const char *ids[] = { f.canvas_note };
    const char *gone[] = { l1, l3, NULL };

    delete_and_check (f.document, ids, 1, "Delete Note", gone);
  }
  {
    const char *ids[] = { f.chain_note };
    const char *gone[] = { l2, l4, NULL };

    delete_and_check (f.document, ids, 1, "Delete Note", gone);
  }
  {
    /* A note without links goes alone. */
    const char *ids[] = { f.canvas_note2 };
    const char *gone[] = { NULL };

    delete_and_check (f.document, ids, 1, "Delete Note", gone);
  }

  fixture_clear (&f);
}

static void
test_delete_touchpoint (void)
{
  Fixture f;
  g_autofree char *l1 = NULL;
  g_autofree char *l2 = NULL;
  g_autofree char *l3 = NULL;
  const char *ids[1];
  const char *gone[] = { NULL, NULL, NULL };

  fixture_init (&f);
  l1 = add_link (f.document, f.canvas_note, f.tp1, "delivers");
  l2 = add_link (f.document, f.canvas_note, f.tp3, "");
  l3 = add_link (f.document, f.chain_note, f.tp1, "feeds ✓");

  ids[0] = f.tp1;
  gone[0] = l1;
  gone[1] = l3;
  delete_and_check (f.document, ids, 1, "Delete Touchpoint", gone);

  ids[0] = f.tp3;
  gone[0] = l2;
  gone[1] = NULL;
  delete_and_check (f.document, ids, 1, "Delete Touchpoint", gone);

  fixture_clear (&f);
}

static void
test_delete_stage (void)
{
  Fixture f;
  g_autofree char *l1 = NULL;
  g_autofree char *l2 = NULL;
  g_autofree char *l3 = NULL;
  g_autofree char *l4 = NULL;

  fixture_init (&f);
  l1 = add_link (f.document, f.canvas_note, f.tp1, "delivers");
  l2 = add_link (f.document, f.canvas_note, f.tp3, "");       /* other stage: stays */
  l3 = add_link (f.document, f.chain_note, f.tp2, "ships");
  l4 = add_link (f.document, f.canvas_note2, f.tp1, NULL);

  {
    const char *ids[] = { f.stage1 };
    const char *gone[] = { l1, l3, l4, NULL };

    delete_and_check (f.document, ids, 1, "Delete Stage", gone);
    g_assert_nonnull (tp_document_lookup_kind (f.document, f.tp1, TP_ITEM_TOUCHPOINT));
    tp_document_redo (f.document);
    g_assert_null (tp_document_lookup (f.document, f.tp1));
    g_assert_null (tp_document_lookup (f.document, f.tp2));
    g_assert_nonnull (tp_document_lookup_kind (f.document, l2, TP_ITEM_LINK));
    tp_document_undo (f.document);
  }
  {
    /* A stage and one of its own touchpoints, named both: each link goes once. */
    const char *ids[] = { f.tp1, f.stage1 };
    const char *gone[] = { l1, l3, l4, NULL };

    delete_and_check (f.document, ids, 2, "Delete Items", gone);
  }

  fixture_clear (&f);
}

static void
test_delete_several (void)
{
  Fixture f;
  g_autofree char *l1 = NULL;
  g_autofree char *l2 = NULL;
  g_autofree char *l3 = NULL;
  g_autofree char *l4 = NULL;
  g_autofree char *l5 = NULL;

  fixture_init (&f);
  l1 = add_link (f.document, f.canvas_note, f.tp1, "one");
  l2 = add_link (f.document, f.chain_note, f.tp1, "two");
  l3 = add_link (f.document, f.canvas_note, f.tp3, "three");
  l4 = add_link (f.document, f.chain_note, f.tp2, "four");
  l5 = add_link (f.document, f.canvas_note2, f.tp3, "five");

  {
    /* A note and a touchpoint that share l1: it goes once, with the others of each. */
    const char *ids[] = { f.canvas_note, f.tp1 };
    const char *gone[] = { l1, l2, l3, NULL };

    delete_and_check (f.document, ids, G_N_ELEMENTS (ids), "Delete Items", gone);
  }
  {
    /* Both ends of every link, an id named twice, a link named itself, a missing id. */
    const char *ids[] = { f.tp3, f.canvas_note, f.chain_note, l4, f.canvas_note2, f.tp1,
                          f.tp2, f.canvas_note, "no-such-id" };
    const char *gone[] = { l1, l2, l3, l4, l5, NULL };

    delete_and_check (f.document, ids, G_N_ELEMENTS (ids), "Delete Items", gone);
  }
  {
    /* Only links. */
    const char *ids[] = { l5, l2 };
    const char *gone[] = { l2, l5, NULL };

    delete_and_check (f.document, ids, G_N_ELEMENTS (ids), "Delete Items", gone);
  }
  {
    const char *ids[] = { l3 };
    const char *gone[] = { l3, NULL };

    delete_and_check (f.document, ids, 1, "Delete Link", gone);
    /* The ends stay. */
    tp_document_redo (f.document);
    g_assert_nonnull (tp_document_lookup_kind (f.document, f.canvas_note, TP_ITEM_NOTE));
    g_assert_nonnull (tp_document_lookup_kind (f.document, f.tp3, TP_ITEM_TOUCHPOINT));
    tp_document_undo (f.document);
  }

  fixture_clear (&f);
}

/* Moving and restyling the ends */

static void
test_moves_keep_links (void)
{
  Fixture f;
  g_autoptr(GPtrArray) links = NULL;
  g_autofree char *before = NULL;
  TpNote *note;
  TpTouchpoint *touchpoint;
  guint n_steps = 0;

  fixture_init (&f);
  g_free (add_link (f.document, f.canvas_note, f.tp1, "delivers"));
  g_free (add_link (f.document, f.canvas_note, f.tp3, ""));
  g_free (add_link (f.document, f.chain_note, f.tp1, "feeds"));
  g_free (add_link (f.document, f.canvas_note2, f.tp2, "promises"));
  links = snapshot_links (f.document);
  tp_document_set_saved (f.document);
  before = dump (f.document);
  note = tp_document_lookup_kind (f.document, f.canvas_note, TP_ITEM_NOTE);
  touchpoint = tp_document_lookup_kind (f.document, f.tp1, TP_ITEM_TOUCHPOINT);

  /* Another canvas block. */
  tp_document_move_note (f.document, f.canvas_note, TP_CONTAINER_KEY_RESOURCES, 0);
  n_steps++;
  g_assert_cmpint (note->container, ==, TP_CONTAINER_KEY_RESOURCES);
  assert_document_links (f.document, links);

  /* Canvas → value chain, and value chain → canvas. */
  tp_document_move_note (f.document, f.canvas_note, TP_CONTAINER_SERVICE, 0);
  n_steps++;
  g_assert_true (TP_CONTAINER_IS_VALUE_CHAIN (note->container));
  assert_document_links (f.document, links);
  tp_document_move_note (f.document, f.chain_note, TP_CONTAINER_CUSTOMER_SEGMENTS, 0);
  n_steps++;
  g_assert_true (TP_CONTAINER_IS_CANVAS (((TpNote *) tp_document_lookup (f.document, f.chain_note))->container));
  assert_document_links (f.document, links);
  /* The pair is still known as a duplicate. */
  g_assert_null (tp_document_add_link (f.document, f.canvas_note, f.tp1, NULL));

  /* Restyling: colour, evidence, votes, text. */
  {
    TpNote *copy = (TpNote *) tp_document_edit_begin (f.document, f.canvas_note);

    copy->colour = TP_NOTE_COLOUR_RED;
    copy->evidence = TP_EVIDENCE_VALIDATED;
    copy->votes = 5;
    g_free (copy->text);
    copy->text = g_strdup ("Online shop, restyled");
    tp_document_edit_commit (f.document, &copy->item, "Edit Note", FALSE);
    n_steps++;
  }
  g_assert_true (tp_document_lookup_kind (f.document, f.canvas_note, TP_ITEM_NOTE) == note);
  g_assert_cmpint (note->colour, ==, TP_NOTE_COLOUR_RED);
  g_assert_cmpuint (note->votes, ==, 5);
  assert_document_links (f.document, links);

  /* A touchpoint to another stage, and within its stage; then an edit of it. */
  tp_document_move_touchpoint (f.document, f.tp1, f.stage3, 0);
  n_steps++;
  g_assert_cmpstr (touchpoint->stage, ==, f.stage3);
  assert_document_links (f.document, links);
  {
    /* tp3 is alone in its stage: moving it to its own place records nothing. */
    guint64 state = tp_document_get_state (f.document);

    tp_document_move_touchpoint (f.document, f.tp3, f.stage2, 99);
    g_assert_cmpuint (tp_document_get_state (f.document), ==, state);
  }
  tp_document_move_touchpoint (f.document, f.tp2, f.stage3, 1);
  n_steps++;
  assert_document_links (f.document, links);
  {
    TpTouchpoint *copy = (TpTouchpoint *) tp_document_edit_begin (f.document, f.tp1);

    g_free (copy->name);
    copy->name = g_strdup ("Search ad, renamed");
    copy->emotion = -2;
    tp_document_edit_commit (f.document, &copy->item, "Edit Touchpoint", FALSE);
    n_steps++;
  }
  assert_document_links (f.document, links);

  /* A stage that moves takes its touchpoints, and their links stay. */
  tp_document_move_stage (f.document, f.stage3, 0);
  n_steps++;
  assert_document_links (f.document, links);

  /* Undoing it all changes no link either. */
  while (tp_document_can_undo (f.document) && tp_document_get_modified (f.document))
    {
      tp_document_undo (f.document);
      assert_document_links (f.document, links);
      n_steps--;
    }
  g_assert_cmpuint (n_steps, ==, 0);
  {
    g_autofree char *undone = dump (f.document);

    g_assert_cmpstr (undone, ==, before);
  }

  fixture_clear (&f);
}

/* The "changed" signal */

typedef struct
{
  TpChangeKind  kind;
  char         *id;
} Change;

static void
change_clear (gpointer data)
{
  g_free (((Change *) data)->id);
}

static void
record_change (TpDocument   *document,
               TpChangeKind  kind,
               const char   *id,
               GArray       *changes)
{
  Change change = { kind, g_strdup (id) };

  g_assert_nonnull (id);
  g_array_append_val (changes, change);
}

static void
assert_changes (GArray     *changes,
                guint       n,
                ...)
{
  va_list args;

  va_start (args, n);
  g_assert_cmpuint (changes->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      int kind = va_arg (args, int);
      const char *id = va_arg (args, const char *);
      Change *change = &g_array_index (changes, Change, i);

      g_test_message ("change %u: %d %s, expected %d %s", i, change->kind, change->id, kind, id);
      g_assert_cmpint (change->kind, ==, kind);
      g_assert_cmpstr (change->id, ==, id);
    }
  va_end (args);
  g_array_set_size (changes, 0);
}

static void
test_changed_signal (void)
{
  Fixture f;
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_autofree char *link = NULL;
  g_autofree char *other = NULL;

  g_array_set_clear_func (changes, change_clear);
  fixture_init (&f);
  g_signal_connect (f.document, "changed", G_CALLBACK (record_change), changes);

  /* Adding: one ADDED with the link's id; undo and redo report it too. */
  link = add_link (f.document, f.canvas_note, f.tp1, "delivers");
  assert_changes (changes, 1, TP_CHANGE_ADDED, link);
  tp_document_undo (f.document);
  assert_changes (changes, 1, TP_CHANGE_REMOVED, link);
  tp_document_redo (f.document);
  assert_changes (changes, 1, TP_CHANGE_ADDED, link);

  /* A refused link emits nothing. */
  g_assert_null (tp_document_add_link (f.document, f.canvas_note, f.tp1, NULL));
  assert_changes (changes, 0);

  /* Editing the label: EDITED with the link's id, once per commit. */
  set_label (f.document, link, "supports", TRUE);
  assert_changes (changes, 1, TP_CHANGE_EDITED, link);
  set_label (f.document, link, "supports more", TRUE);
  assert_changes (changes, 1, TP_CHANGE_EDITED, link);
  set_label (f.document, link, "supports more", TRUE);  /* no change */
  assert_changes (changes, 0);
  tp_document_undo (f.document);
  assert_changes (changes, 1, TP_CHANGE_EDITED, link);
  tp_document_redo (f.document);
  assert_changes (changes, 1, TP_CHANGE_EDITED, link);

  /* Removing the link alone. */
  {
    const char *ids[] = { link };

    tp_document_delete (f.document, ids, 1);
    assert_changes (changes, 1, TP_CHANGE_REMOVED, link);
    tp_document_undo (f.document);
    assert_changes (changes, 1, TP_CHANGE_ADDED, link);
  }

  /* Removing a note: its links are removed first, then the note; undo brings the note
   * back before its links. */
  other = add_link (f.document, f.canvas_note, f.tp3, NULL);
  assert_changes (changes, 1, TP_CHANGE_ADDED, other);
  {
    const char *ids[] = { f.canvas_note };

    tp_document_delete (f.document, ids, 1);
    assert_changes (changes, 3,
                    TP_CHANGE_REMOVED, link,
                    TP_CHANGE_REMOVED, other,
                    TP_CHANGE_REMOVED, f.canvas_note);
    tp_document_undo (f.document);
    assert_changes (changes, 3,
                    TP_CHANGE_ADDED, f.canvas_note,
                    TP_CHANGE_ADDED, other,
                    TP_CHANGE_ADDED, link);
  }

  /* Moving an end reports the end, not its links. */
  tp_document_move_note (f.document, f.canvas_note, TP_CONTAINER_OPERATIONS, 0);
  assert_changes (changes, 1, TP_CHANGE_MOVED, f.canvas_note);

  fixture_clear (&f);
}

/* Files */

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-links-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

static void
remove_temp_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static void
assert_bytes_equal (GBytes *a,
                    GBytes *b)
{
  gsize la, lb;
  const char *da = g_bytes_get_data (a, &la);
  const char *db = g_bytes_get_data (b, &lb);
  g_autofree char *sa = g_strndup (da, la);
  g_autofree char *sb = g_strndup (db, lb);

  g_assert_cmpstr (sa, ==, sb);
  g_assert_cmpmem (da, la, db, lb);
}

static void
save_to (TpDocument *document,
         const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpFileStamp) stamp = NULL;

  g_assert_true (tp_save_file (document, file, NULL, &stamp, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (stamp);
  g_assert_false (tp_document_get_modified (document));
  g_assert_true (g_file_equal (tp_document_get_file (document), file));
}

static TpDocument *
load_from (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  TpDocument *document;

  document = tp_load_file (file, NULL, &problems, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_false (tp_document_get_modified (document));

  return document;
}

static const char *round_trip_labels[] = {
  "delivers",
  "a & b < c > d \"double\" 'single' &amp; <!-- --> ]]>",
  "Lieferung in 24 h — schnell ✓ 日本語 😀 Ærø",
  "",
  NULL,                                    /* no label at all: the empty label */
  "  spaced\tand\nbroken  ",
  "<link id=\"l9\" note=\"n1\" touchpoint=\"t1\"/>",
};

static void
test_round_trip (void)
{
  Fixture f;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *first = g_build_filename (dir, "first.touchpoint", NULL);
  g_autofree char *second = g_build_filename (dir, "second.touchpoint", NULL);
  g_autofree char *third = g_build_filename (dir, "third.touchpoint", NULL);
  const char *notes[3];
  const char *touchpoints[3];
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(TpDocument) loaded = NULL;
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GBytes) second_bytes = NULL;
  g_autoptr(GBytes) third_bytes = NULL;
  g_autoptr(GBytes) written = NULL;
  guint n = 0;

  fixture_init (&f);
  notes[0] = f.canvas_note;
  notes[1] = f.chain_note;
  notes[2] = f.canvas_note2;
  touchpoints[0] = f.tp3;
  touchpoints[1] = f.tp1;
  touchpoints[2] = f.tp2;

  /* Links in an order that is not the order of their ends, from both kinds of note. */
  for (guint i = 0; i < G_N_ELEMENTS (round_trip_labels); i++)
    {
      const char *id = tp_document_add_link (f.document, notes[i % 3], touchpoints[(i / 3 + i) % 3],
                                             round_trip_labels[i]);

      g_assert_nonnull (id);
      n++;
    }
  /* A deleted link and a note moved to the value chain after linking. */
  {
    const char *ids[] = { ((TpItem *) g_ptr_array_index (tp_document_get_links (f.document), 1))->id };

    tp_document_delete (f.document, ids, 1);
    tp_document_undo (f.document);
    tp_document_move_note (f.document, f.canvas_note2, TP_CONTAINER_PROCUREMENT, 0);
  }
  links = snapshot_links (f.document);
  g_assert_cmpuint (links->len, ==, n);

  /* Saved, loaded back: the same links in the same order. */
  save_to (f.document, first);
  loaded = load_from (first);
  assert_document_links (loaded, links);
  g_assert_cmpstr (((TpLink *) g_ptr_array_index (tp_document_get_links (loaded), 1))->label, ==,
                   round_trip_labels[1]);
  g_assert_cmpstr (((TpLink *) g_ptr_array_index (tp_document_get_links (loaded), 2))->label, ==,
                   round_trip_labels[2]);
  g_assert_cmpstr (((TpLink *) g_ptr_array_index (tp_document_get_links (loaded), 3))->label, ==, "");
  g_assert_cmpstr (((TpLink *) g_ptr_array_index (tp_document_get_links (loaded), 4))->label, ==, "");

  /* The special characters are escaped in the file as XML requires ("&" and "<", and the
   * quote in an attribute; ">" stays as it is), not dropped or doubled. */
  first_bytes = read_bytes (first);
  {
    g_autofree char *text = g_strndup (g_bytes_get_data (first_bytes, NULL), g_bytes_get_size (first_bytes));

    g_assert_nonnull (strstr (text, "&amp;amp;"));
    g_assert_nonnull (strstr (text, "a &amp; b &lt; c > d &quot;double&quot;"));
    g_assert_nonnull (strstr (text, "日本語 😀"));
    g_assert_null (strstr (text, "label=\"\""));
  }

  /* Writing twice gives the same bytes: the same document again, and the loaded one. */
  save_to (f.document, second);
  second_bytes = read_bytes (second);
  assert_bytes_equal (first_bytes, second_bytes);
  save_to (loaded, third);
  third_bytes = read_bytes (third);
  assert_bytes_equal (first_bytes, third_bytes);
  written = tp_write_bytes (f.document);
  assert_bytes_equal (first_bytes, written);

  /* A loaded document's links behave like made ones: undo of a delete restores them. */
  {
    TpLink *link = g_ptr_array_index (tp_document_get_links (loaded), 0);
    const char *ids[] = { link->note };

    tp_document_delete (loaded, ids, 1);
    g_assert_cmpuint (tp_document_get_links (loaded)->len, <, n);
    tp_document_undo (loaded);
    assert_document_links (loaded, links);
    g_assert_false (tp_document_get_modified (loaded));
  }

  g_clear_object (&loaded);
  fixture_clear (&f);
  remove_temp_dir (dir);
}

/* A file with no links has no links section; one with an emptied links list neither. */
static void
test_round_trip_no_links (void)
{
  Fixture f;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.touchpoint", NULL);
  g_autoptr(TpDocument) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *link = NULL;

  fixture_init (&f);
  link = add_link (f.document, f.canvas_note, f.tp1, "x");
  {
    const char *ids[] = { link };

    tp_document_delete (f.document, ids, 1);
  }
  save_to (f.document, path);
  bytes = read_bytes (path);
  g_assert_null (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "<links"));
  loaded = load_from (path);
  g_assert_cmpuint (tp_document_get_links (loaded)->len, ==, 0);

  g_clear_object (&loaded);
  fixture_clear (&f);
  remove_temp_dir (dir);
}

/* Files the loader must refuse */

#define BAD_HEAD \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<touchpoint xmlns=\"" TP_XML_NS "\" version=\"1.0\">\n" \
  "  <personas>\n" \
  "    <persona id=\"p1\" name=\"Student\" accent=\"green\"/>\n" \
  "  </personas>\n" \
  "  <canvas>\n" \
  "    <block kind=\"channels\">\n" \
  "      <note id=\"n1\" colour=\"blue\" evidence=\"validated\">Web shop</note>\n" \
  "    </block>\n" \
  "  </canvas>\n" \
  "  <value-chain>\n" \
  "    <area kind=\"operations\">\n" \
  "      <note id=\"n2\" colour=\"yellow\" evidence=\"assumption\">Warehouse</note>\n" \
  "    </area>\n" \
  "  </value-chain>\n" \
  "  <journey>\n" \
  "    <stage id=\"s1\" name=\"Purchase\">\n" \
  "      <touchpoint id=\"t1\" name=\"Checkout\"/>\n" \
  "      <touchpoint id=\"t2\" name=\"Delivery\"/>\n" \
  "    </stage>\n" \
  "  </journey>\n" \
  "  <links>\n" \
  "    <link id=\"l1\" note=\"n1\" touchpoint=\"t1\" label=\"fine\"/>\n"
/* The first line after BAD_HEAD. */
#define BAD_LINE 24
#define BAD_TAIL \
  "  </links>\n" \
  "</touchpoint>\n"

typedef struct
{
  const char *name;
  const char *links;     /* lines after BAD_HEAD */
  guint       line;
  const char *message;   /* the whole message after "Line N: " */
} BadLinks;

static const BadLinks bad_links[] = {
  { "missing-note",
    "    <link id=\"l2\" note=\"n9\" touchpoint=\"t2\"/>\n",
    BAD_LINE, "Link “l2” refers to a missing note “n9”" },
  { "missing-touchpoint",
    "    <link id=\"l2\" note=\"n2\" touchpoint=\"t9\"/>\n",
    BAD_LINE, "Link “l2” refers to a missing touchpoint “t9”" },
  { "note-to-note",
    "    <link id=\"l2\" note=\"n1\" touchpoint=\"n2\"/>\n",
    BAD_LINE, "Link “l2” refers to “n2”, which is not a touchpoint" },
  { "touchpoint-to-touchpoint",
    "    <link id=\"l2\" note=\"t1\" touchpoint=\"t2\"/>\n",
    BAD_LINE, "Link “l2” refers to “t1”, which is not a note" },
  { "reversed",
    "    <link id=\"l2\" note=\"t2\" touchpoint=\"n2\"/>\n",
    BAD_LINE, "Link “l2” refers to “t2”, which is not a note" },
  { "to-stage",
    "    <link id=\"l2\" note=\"n2\" touchpoint=\"s1\"/>\n",
    BAD_LINE, "Link “l2” refers to “s1”, which is not a touchpoint" },
  { "from-persona",
    "    <link id=\"l2\" note=\"p1\" touchpoint=\"t2\"/>\n",
    BAD_LINE, "Link “l2” refers to “p1”, which is not a note" },
  { "from-link",
    "    <link id=\"l2\" note=\"l1\" touchpoint=\"t2\"/>\n",
    BAD_LINE, "Link “l2” refers to “l1”, which is not a note" },
  { "duplicate",
    "    <link id=\"l2\" note=\"n2\" touchpoint=\"t2\"/>\n"
    "    <link id=\"l3\" note=\"n1\" touchpoint=\"t1\" label=\"fine\"/>\n",
    BAD_LINE + 1, "Link “l3” repeats the link from “n1” to “t1” (line 23)" },
  { "duplicate-other-label",
    "    <link id=\"l2\" note=\"n1\" touchpoint=\"t1\" label=\"other\"/>\n",
    BAD_LINE, "Link “l2” repeats the link from “n1” to “t1” (line 23)" },
  { "id-of-a-note",
    "    <link id=\"n2\" note=\"n2\" touchpoint=\"t2\"/>\n",
    BAD_LINE, "Duplicate id “n2” (first used on line 13)" },
  { "id-of-a-link",
    "    <link id=\"l1\" note=\"n2\" touchpoint=\"t2\"/>\n",
    BAD_LINE, "Duplicate id “l1” (first used on line 23)" },
};

static void
test_bad_links (gconstpointer data)
{
  const BadLinks *bad = data;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *name = g_strconcat (bad->name, ".touchpoint", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *text = g_strconcat (BAD_HEAD, bad->links, BAD_TAIL, NULL);
  g_autofree char *expected = g_strdup_printf ("Line %u: %s", bad->line, bad->message);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(TpDocument) document = NULL;
  gboolean found = FALSE;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);

  document = tp_load_file (file, NULL, &problems, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_INVALID);
  g_test_message ("%s", error->message);
  /* The message names the line and says what is wrong, and only that. */
  g_assert_cmpstr (error->message, ==, expected);

  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    {
      TpProblem *problem = problems->pdata[i];

      g_test_message ("problem: line %u: %s", problem->line, problem->message);
      if (problem->line == bad->line && g_str_equal (problem->message, bad->message))
        found = TRUE;
    }
  g_assert_true (found);
  g_clear_error (&error);

  /* Without the bad lines the same file loads, so the head itself is fine. */
  {
    g_autofree char *good = g_strconcat (BAD_HEAD, BAD_TAIL, NULL);

    g_file_set_contents (path, good, -1, &error);
    g_assert_no_error (error);
    g_clear_object (&document);
    g_clear_pointer (&problems, g_ptr_array_unref);
    document = tp_load_file (file, NULL, &problems, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (tp_document_get_links (document)->len, ==, 1);
  }

  remove_temp_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/links/add-undo-redo", test_add_undo_redo);
  g_test_add_func ("/touchpoint/links/refused", test_refused);
  g_test_add_func ("/touchpoint/links/label-edit", test_label_edit);
  g_test_add_func ("/touchpoint/links/delete-note", test_delete_note);
  g_test_add_func ("/touchpoint/links/delete-touchpoint", test_delete_touchpoint);
  g_test_add_func ("/touchpoint/links/delete-stage", test_delete_stage);
  g_test_add_func ("/touchpoint/links/delete-several", test_delete_several);
  g_test_add_func ("/touchpoint/links/moves-keep-links", test_moves_keep_links);
  g_test_add_func ("/touchpoint/links/changed-signal", test_changed_signal);
  g_test_add_func ("/touchpoint/links/round-trip", test_round_trip);
  g_test_add_func ("/touchpoint/links/round-trip-no-links", test_round_trip_no_links);
  for (guint i = 0; i < G_N_ELEMENTS (bad_links); i++)
    {
      g_autofree char *path = g_strconcat ("/touchpoint/links/bad/", bad_links[i].name, NULL);

      g_test_add_data_func (path, &bad_links[i], test_bad_links);
    }

  return g_test_run ();
}
