/* test-document-caps.c: no edit makes a document larger than its file may be
 * (model/tp-document-caps.h): at the caps every kind of change is refused, whole, with
 * the document, its history and its file unchanged and a message naming the caps; below
 * them the same changes are made; and a document at the caps saves and loads again. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "io/tp-caps.h"
#include "io/tp-caps-measure.h"
#include "io/tp-document-file.h"
#include "io/tp-loader.h"
#include "io/tp-writer.h"
#include "model/tp-document-caps.h"
#include "model/tp-document-private.h"
#include "model/tp-document-story.h"

typedef struct
{
  TpDocument *document;
  const char *stage;
  const char *touchpoint;
  const char *note;
  const char *persona;
  TpNote     *filler;     /* the last note, whose text sets the size to the byte */
  guint       n_refused;
  char       *message;
} Fixture;

static gsize
measured_bytes (TpDocument *document)
{
  TpDocumentSize size;

  g_assert_true (tp_caps_measure (document, NULL, &size));
  return size.bytes;
}

static void
on_refused (TpDocument   *document,
            const GError *error,
            Fixture      *f)
{
  g_assert_error (error, TP_DOCUMENT_ERROR, TP_DOCUMENT_ERROR_FULL);
  f->n_refused++;
  g_free (f->message);
  f->message = g_strdup (error->message);
}

/* A document written in exactly target bytes, holding one of each kind to edit. Filled
 * with notes the model takes without a check (as the loader builds), then the last
 * note's text is set to the byte: its "x" are written as they are. */
static void
fixture_fill (Fixture *f,
              gsize    target)
{
  g_autofree char *full_text = g_strnfill (TP_TEXT_MAX, 'x');
  gsize size = 0;
  guint n;

  TpStage *stage;
  TpNote *web_shop = tp_note_new ("n1", "Web shop");

  /* Built as the loader builds, before anyone edits (nothing notified, nothing measured). */
  f->document = tp_document_new_default ();
  stage = g_ptr_array_index (tp_document_get_stages (f->document), 0);
  f->stage = stage->item.id;
  g_assert_true (_tp_document_append_touchpoint (f->document, stage, tp_touchpoint_new ("t1", "Checkout")));
  f->touchpoint = "t1";
  web_shop->container = TP_CONTAINER_CHANNELS;
  g_assert_true (_tp_document_append_note (f->document, web_shop));
  f->note = "n1";
  g_assert_true (_tp_document_append_persona (f->document, tp_persona_new ("p1", "Ann", TP_ACCENT_BLUE)));
  f->persona = "p1";

  /* Full notes to within three of the target, each some 10,100 bytes. */
  n = (target - measured_bytes (f->document)) / (TP_TEXT_MAX + 100);
  for (guint i = 0; i + 3 < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("big%u", i);
      TpNote *note = tp_note_new (id, full_text);

      note->container = TP_CONTAINER_VALUE_PROPOSITIONS;
      g_assert_true (_tp_document_append_note (f->document, note));
    }

  for (guint i = 0;; i++)
    {
      g_autofree char *id = g_strdup_printf ("fill%u", i);

      f->filler = tp_note_new (id, "x");
      f->filler->container = TP_CONTAINER_KEY_RESOURCES;
      g_assert_true (_tp_document_append_note (f->document, f->filler));
      size = measured_bytes (f->document);
      g_assert_cmpuint (size, <, target);
      if (target - size <= TP_TEXT_MAX)
        break;
      g_free (f->filler->text);
      f->filler->text = g_strnfill (MIN (TP_TEXT_MAX, target - size - 200), 'x');
    }

  g_free (f->filler->text);
  f->filler->text = g_strnfill (1 + target - size, 'x');
  g_assert_cmpuint (measured_bytes (f->document), ==, target);

  g_signal_connect (f->document, "refused", G_CALLBACK (on_refused), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->document);
  g_clear_pointer (&f->message, g_free);
}

/* The changes, one of each path that can make a document bigger. TRUE when made. */

static gboolean
add_note (Fixture *f)
{
  return tp_document_add_note (f->document, TP_CONTAINER_CHANNELS, 0, NULL) != NULL;
}

static gboolean
paste_note (Fixture *f)
{
  TpNote *note = tp_note_new ("pasted", "A pasted note");

  note->persona = g_strdup (f->persona);
  return tp_document_insert_note (f->document, note, TP_CONTAINER_CHANNELS, 1) != NULL;
}

/* A paste or duplicate of several: one step. */
static gboolean
paste_notes (Fixture *f)
{
  tp_document_begin_group (f->document, "Paste");
  for (guint i = 0; i < 3; i++)
    tp_document_add_note (f->document, TP_CONTAINER_CHANNELS, i, "Pasted");
  return tp_document_end_group (f->document);
}

static gboolean
add_stage (Fixture *f)
{
  return tp_document_add_stage (f->document, 0, "Aftercare") != NULL;
}

static gboolean
add_touchpoint (Fixture *f)
{
  return tp_document_add_touchpoint (f->document, f->stage, 0, "Call centre") != NULL;
}

static gboolean
add_persona (Fixture *f)
{
  return tp_document_add_persona (f->document, "Bob", TP_ACCENT_GREEN) != NULL;
}

static gboolean
add_link (Fixture *f)
{
  return tp_document_add_link (f->document, f->note, f->touchpoint, "Orders") != NULL;
}

/* Typing one more character into a note. */
static gboolean
edit_text (Fixture *f)
{
  TpNote *copy = (TpNote *) tp_document_edit_begin (f->document, f->note);
  char *longer = g_strconcat (copy->text, "!!", NULL);

  g_free (copy->text);
  copy->text = longer;
  return tp_document_edit_commit (f->document, (TpItem *) copy, "Edit Text", TRUE);
}

static gboolean
add_need (Fixture *f)
{
  TpTouchpoint *copy = (TpTouchpoint *) tp_document_edit_begin (f->document, f->touchpoint);

  g_ptr_array_add (copy->needs, tp_kano_need_new ("k1", "Fast delivery"));
  return tp_document_edit_commit (f->document, (TpItem *) copy, "Add Need", FALSE);
}

static gboolean
hide_step (Fixture *f)
{
  guint64 state = tp_document_get_state (f->document);

  tp_document_set_story_step_hidden (f->document, "a-step-of-the-story", TRUE);
  return tp_document_get_state (f->document) != state;
}

static const struct {
  const char *name;
  gboolean  (*change) (Fixture *f);
  const char *label;
} changes[] = {
  { "add-note", add_note, "Add Note" },
  { "paste-note", paste_note, "Add Note" },
  { "paste-notes", paste_notes, "Paste" },
  { "add-stage", add_stage, "Add Stage" },
  { "add-touchpoint", add_touchpoint, "Add Touchpoint" },
  { "add-persona", add_persona, "Add Persona" },
  { "add-link", add_link, "Add Link" },
  { "edit-text", edit_text, "Edit Text" },
  { "add-need", add_need, "Add Need" },
  { "hide-step", hide_step, "Hide Step" },
};

/* At the edit limit (the cap less its slack) every change is refused: nothing changes,
 * not the file's bytes, not the history, and the message names the caps and the change. */
static void
test_refused_at_cap (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  fixture_fill (f, TP_DOCUMENT_MAX_BYTES - TP_DOCUMENT_EDIT_SLACK_BYTES);
  before = tp_write_bytes (f->document);

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      guint64 state = tp_document_get_state (f->document);
      guint n_notes = tp_document_get_n_notes (f->document);
      guint n_refused = f->n_refused;

      g_test_message ("%s", changes[i].name);
      g_assert_false (changes[i].change (f));
      g_assert_cmpuint (f->n_refused, ==, n_refused + 1);
      g_assert_nonnull (strstr (f->message, "8 MiB"));
      g_assert_nonnull (strstr (f->message, changes[i].label));

      g_assert_cmpuint (tp_document_get_state (f->document), ==, state);
      g_assert_cmpuint (tp_document_get_n_notes (f->document), ==, n_notes);
      g_assert_false (tp_document_get_modified (f->document));
      g_assert_false (tp_document_can_undo (f->document));
      g_assert_false (tp_document_can_redo (f->document));
    }

  /* Not a byte of the file changed. */
  after = tp_write_bytes (f->document);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (tp_document_can_add_notes (f->document, 1, NULL));
}

/* A little below the limit the same changes are all made, and the result still loads. */
static void
test_made_below_cap (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TpDocument) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) full = NULL;

  fixture_fill (f, TP_DOCUMENT_MAX_BYTES - TP_DOCUMENT_EDIT_SLACK_BYTES - 4096);
  g_assert_true (tp_document_can_add_notes (f->document, 1, NULL));
  g_assert_false (tp_document_can_add_notes (f->document, 1000, &full));
  g_assert_error (full, TP_DOCUMENT_ERROR, TP_DOCUMENT_ERROR_FULL);

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_test_message ("%s", changes[i].name);
      g_assert_true (changes[i].change (f));
      g_assert_cmpstr (tp_document_get_undo_label (f->document), ==, changes[i].label);
    }
  g_assert_cmpuint (f->n_refused, ==, 0);

  bytes = tp_write_bytes (f->document);
  g_assert_cmpuint (g_bytes_get_size (bytes), <=, TP_DOCUMENT_MAX_BYTES - TP_DOCUMENT_EDIT_SLACK_BYTES);
  reloaded = tp_load_bytes (bytes, NULL, &error);
  g_assert_no_error (error);

  /* Undo and redo go through states that were all within the caps. */
  while (tp_document_can_undo (f->document))
    tp_document_undo (f->document);
  while (tp_document_can_redo (f->document))
    tp_document_redo (f->document);
  g_assert_cmpuint (f->n_refused, ==, 0);
}

/* Typing on below the caps is checked against a bound kept from one measure (each
 * change adds what its item measures alone), not against a new measure of the whole
 * document each time; near the caps the check turns exact. So notes are added until
 * the first refusal, which comes only when even the smallest note could not fit. */
static void
test_fills_to_the_byte (Fixture       *f,
                        gconstpointer  data)
{
  const gsize limit = TP_DOCUMENT_MAX_BYTES - TP_DOCUMENT_EDIT_SLACK_BYTES;
  g_autoptr(TpDocument) one = tp_document_new ();
  TpNote *note = tp_note_new ("n1", NULL);
  TpDocumentSize least, size;
  guint added = 0;

  fixture_fill (f, limit - 20000);
  note->container = TP_CONTAINER_CHANNELS;
  g_assert_true (tp_caps_measure (one, &note->item, &least));

  while (TRUE)
    {
      const char *id = tp_document_add_note (f->document, TP_CONTAINER_CHANNELS, 0, "Typed");

      if (id == NULL)
        break;
      added++;
      /* And typed on: each letter one merged edit. */
      for (guint i = 0; i < 20 && id != NULL; i++)
        {
          TpNote *copy = (TpNote *) tp_document_edit_begin (f->document, id);
          char *longer = g_strconcat (copy->text, "a", NULL);

          g_free (copy->text);
          copy->text = longer;
          if (!tp_document_edit_commit (f->document, (TpItem *) copy, "Edit Text", TRUE))
            id = NULL;
        }
    }

  g_assert_cmpuint (added, >, 100);
  g_assert_cmpuint (f->n_refused, >=, 1);
  g_assert_true (tp_caps_measure (f->document, NULL, &size));
  g_assert_cmpuint (size.bytes, <=, limit);
  g_assert_cmpuint (size.bytes + least.bytes + 30, >, limit);
  tp_note_free (note);
}

/* A document of exactly the byte cap is written, read back and written again the same,
 * and saved to a file; one byte more is refused by both the loader and the save. */
static void
test_round_trip_at_cap (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("tp-document-caps-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "full.touchpoint", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  g_autoptr(GBytes) too_big = NULL;
  g_autoptr(TpDocument) reloaded = NULL;
  g_autoptr(TpDocument) refused = NULL;
  g_autoptr(GError) error = NULL;
  char *longer;

  fixture_fill (f, TP_DOCUMENT_MAX_BYTES);
  written = tp_write_bytes (f->document);
  g_assert_cmpuint (g_bytes_get_size (written), ==, TP_DOCUMENT_MAX_BYTES);

  reloaded = tp_load_bytes (written, NULL, &error);
  g_assert_no_error (error);
  rewritten = tp_write_bytes (reloaded);
  g_assert_true (g_bytes_equal (written, rewritten));

  g_assert_true (tp_save_file (reloaded, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&reloaded);
  reloaded = tp_load_file (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tp_document_get_n_notes (reloaded), ==, tp_document_get_n_notes (f->document));

  longer = g_strconcat (f->filler->text, "x", NULL);
  g_free (f->filler->text);
  f->filler->text = longer;
  too_big = tp_write_bytes (f->document);
  g_assert_cmpuint (g_bytes_get_size (too_big), ==, TP_DOCUMENT_MAX_BYTES + 1);
  refused = tp_load_bytes (too_big, NULL, &error);
  g_assert_null (refused);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (tp_save_file (f->document, file, NULL, NULL, NULL, &error));
  g_assert_error (error, TP_SAVE_ERROR, TP_SAVE_ERROR_TOO_LARGE);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* Text longer than a file may hold is cut where it enters the model, in every field of
 * every kind, rather than held whole and cut unseen by the writer. */
static void
test_text_cut_at_entry (void)
{
  g_autoptr(TpDocument) document = tp_document_new_default ();
  g_autofree char *long_text = NULL;
  GString *text = g_string_new (NULL);
  TpStage *stage = g_ptr_array_index (tp_document_get_stages (document), 0);
  const char *note, *touchpoint;
  TpTouchpoint *copy;

  for (guint i = 0; i < TP_TEXT_MAX + 10; i++)
    g_string_append (text, i % 7 != 0 ? "é" : " ");
  long_text = g_string_free (text, FALSE);

  note = tp_document_add_note (document, TP_CONTAINER_CHANNELS, 0, long_text);
  g_assert_cmpint (g_utf8_strlen (((TpNote *) tp_document_lookup (document, note))->text, -1), ==, TP_TEXT_MAX);

  touchpoint = tp_document_add_touchpoint (document, stage->item.id, 0, "Checkout");
  copy = (TpTouchpoint *) tp_document_edit_begin (document, touchpoint);
  g_ptr_array_add (copy->pains, g_strdup (long_text));
  g_ptr_array_add (copy->needs, tp_kano_need_new ("k1", long_text));
  g_assert_true (tp_document_edit_commit (document, (TpItem *) copy, "Edit", FALSE));
  copy = tp_document_lookup_kind (document, touchpoint, TP_ITEM_TOUCHPOINT);
  g_assert_cmpint (g_utf8_strlen (g_ptr_array_index (copy->pains, 0), -1), ==, TP_TEXT_MAX);
  g_assert_cmpint (g_utf8_strlen (((TpKanoNeed *) g_ptr_array_index (copy->needs, 0))->text, -1), ==, TP_TEXT_MAX);
}

/* The element cap, which a document reaches only with tiny elements: the same rule. */
static void
test_element_cap (void)
{
  TpDocumentSize size = { 1000, TP_DOCUMENT_MAX_ELEMENTS - TP_DOCUMENT_EDIT_SLACK_ELEMENTS };
  g_autoptr(GError) error = NULL;

  g_assert_true (tp_document_size_fits (&size, NULL));
  size.elements++;
  g_assert_false (tp_document_size_fits (&size, &error));
  g_assert_error (error, TP_DOCUMENT_ERROR, TP_DOCUMENT_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, "500000"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  tp_caps_install ();

  g_test_add ("/touchpoint/document-caps/refused-at-cap", Fixture, NULL, NULL,
              test_refused_at_cap, fixture_tear_down);
  g_test_add ("/touchpoint/document-caps/made-below-cap", Fixture, NULL, NULL,
              test_made_below_cap, fixture_tear_down);
  g_test_add ("/touchpoint/document-caps/round-trip-at-cap", Fixture, NULL, NULL,
              test_round_trip_at_cap, fixture_tear_down);
  g_test_add ("/touchpoint/document-caps/fills-to-the-byte", Fixture, NULL, NULL,
              test_fills_to_the_byte, fixture_tear_down);
  g_test_add_func ("/touchpoint/document-caps/text-cut-at-entry", test_text_cut_at_entry);
  g_test_add_func ("/touchpoint/document-caps/element-cap", test_element_cap);

  return g_test_run ();
}
