/* test-document-caps-incremental.c: the caps check (model/tp-document-caps.c) keeps the
 * document's size up to date per change, so that no keystroke measures the whole
 * document: not the first after a load, a move, an undo or a redo, nor the end of a drag.
 *
 * Full measures are counted through the measuring function (the test installs one that
 * counts the calls without an item, then measures as io does); the bound kept must stay
 * at or above the exact size after every change, or the caps would let a file grow past
 * them. Far from the caps, which is where this test stays: near them the check measures
 * exactly on purpose (test-document-caps.c).
 */
#include "config.h"

#include <unistd.h>
#include <glib/gstdio.h>

#include "../bench/tp-bench-doc.h"
#include "io/tp-caps-measure.h"
#include "io/tp-document-file.h"
#include "io/tp-writer.h"
#include "model/tp-document-caps.h"

static guint n_full;

static gboolean
counting_measure (TpDocument     *document,
                  const TpItem   *item,
                  TpDocumentSize *size)
{
  if (item == NULL)
    n_full++;
  return tp_caps_measure (document, item, size);
}

/* The bound kept is at least what the document weighs. */
static void
assert_bound_holds (TpDocument *document)
{
  TpDocumentSize bound, exact;

  g_assert_true (_tp_document_get_size_bound (document, &bound));
  g_assert_true (tp_caps_measure (document, NULL, &exact));
  g_assert_cmpuint (bound.bytes, >=, exact.bytes);
  g_assert_cmpuint (bound.elements, >=, exact.elements);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  g_autoptr(GError) error = NULL;

  *(TpDocument **) data = tp_load_file_finish (result, NULL, &error);
  g_assert_no_error (error);
}

/* The document as the window gets it: loaded from a file in a worker. */
static TpDocument *
load (guint n_notes)
{
  g_autoptr(TpDocument) made = tp_bench_make_document (n_notes);
  g_autoptr(GBytes) bytes = tp_write_bytes (made);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  TpDocument *document = NULL;
  int fd;

  fd = g_file_open_tmp ("caps-XXXXXX.touchpoint", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  tp_load_file_async (file, NULL, on_loaded, &document);
  while (document == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_unlink (path);

  return document;
}

static TpNote *
note_at (TpDocument *document,
         guint       i)
{
  GPtrArray *notes = tp_document_get_notes (document, i % TP_N_CONTAINERS);

  return g_ptr_array_index (notes, (i / TP_N_CONTAINERS) % notes->len);
}

/* A keystroke: the note's text one character longer. */
static void
type_into (TpDocument   *document,
           const TpNote *note)
{
  TpNote *copy = (TpNote *) tp_document_edit_begin (document, note->item.id);
  char *longer = g_strconcat (copy->text != NULL ? copy->text : "", "x", NULL);

  g_free (copy->text);
  copy->text = longer;
  g_assert_true (tp_document_edit_commit (document, (TpItem *) copy, "Edit Text", TRUE));
}

/* Loading measures once, in the worker; after that, typing after a move, an undo, a
 * redo, a drag (a group), a deletion, a new note, a new link and the undo of a stage's
 * deletion (its touchpoints come back with it) measures nothing whole. */
static void
test_no_full_measure (void)
{
  g_autoptr(TpDocument) document = NULL;
  TpNote *note;
  GPtrArray *stages;
  const char *stage_id;
  guint after_load;

  n_full = 0;
  document = load (2000);
  g_assert_cmpuint (n_full, ==, 1);
  after_load = n_full;

  note = note_at (document, 0);
  type_into (document, note);
  type_into (document, note);
  assert_bound_holds (document);

  tp_document_move_note (document, note->item.id, TP_CONTAINER_KEY_PARTNERS, 0);
  type_into (document, note);
  assert_bound_holds (document);

  tp_document_undo (document);
  tp_document_undo (document);
  type_into (document, note_at (document, 7));
  assert_bound_holds (document);

  tp_document_undo (document);
  tp_document_redo (document);
  type_into (document, note_at (document, 7));

  /* A drag: moves merged into one step, checked when it ends. */
  tp_document_begin_group (document, "Move");
  for (guint i = 0; i < 5; i++)
    tp_document_move_note (document, note_at (document, 3)->item.id, i % TP_N_CONTAINERS, 0);
  g_assert_true (tp_document_end_group (document));
  type_into (document, note_at (document, 3));
  assert_bound_holds (document);

  {
    const char *id = note_at (document, 11)->item.id;
    const char *touchpoint;

    tp_document_delete (document, &id, 1);
    id = tp_document_insert_note (document, tp_note_new ("n-new", "A new note"),
                                  TP_CONTAINER_CHANNELS, 0);
    g_assert_nonnull (id);
    stages = tp_document_get_stages (document);
    touchpoint = tp_document_add_touchpoint (document,
                                             ((TpItem *) g_ptr_array_index (stages, 0))->id,
                                             0, "Kiosk");
    g_assert_nonnull (tp_document_add_link (document, id, touchpoint, "serves"));
    type_into (document, (TpNote *) tp_document_lookup (document, id));
    assert_bound_holds (document);
  }

  /* A stage deleted and brought back brings its touchpoints back unannounced. */
  stages = tp_document_get_stages (document);
  stage_id = ((TpItem *) g_ptr_array_index (stages, 1))->id;
  tp_document_delete (document, &stage_id, 1);
  tp_document_undo (document);
  type_into (document, note_at (document, 5));
  assert_bound_holds (document);

  g_assert_cmpuint (n_full, ==, after_load);
}

/* Random moves, edits, deletions, undos and redos (reproducible by seed): the bound
 * never falls below the size, and nothing is measured whole. */
static void
test_bound_holds (void)
{
  g_autoptr(TpDocument) document = NULL;
  guint after_load;

  n_full = 0;
  document = load (500);
  after_load = n_full;

  for (guint step = 0; step < 200; step++)
    {
      TpNote *note = note_at (document, g_test_rand_int_range (0, 500));

      switch (g_test_rand_int_range (0, 6))
        {
        case 0:
          tp_document_move_note (document, note->item.id,
                                 g_test_rand_int_range (0, TP_N_CONTAINERS), 0);
          break;
        case 1:
          if (tp_document_can_undo (document))
            tp_document_undo (document);
          break;
        case 2:
          if (tp_document_can_redo (document))
            tp_document_redo (document);
          break;
        case 3:
          {
            const char *id = note->item.id;

            tp_document_delete (document, &id, 1);
          }
          break;
        default:
          type_into (document, note);
          break;
        }
      assert_bound_holds (document);
    }
  g_assert_cmpuint (n_full, ==, after_load);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* Before anything installs io's own: this one counts. */
  tp_document_set_measure_func (counting_measure);
  tp_caps_install ();

  g_test_add_func ("/touchpoint/document-caps-incremental/no-full-measure",
                   test_no_full_measure);
  g_test_add_func ("/touchpoint/document-caps-incremental/bound-holds", test_bound_holds);

  return g_test_run ();
}
