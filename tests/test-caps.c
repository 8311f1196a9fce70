/* test-caps.c: what loads, saves: the writer, the loader and the save's self-check agree
 * on one set of caps (io/tp-caps.h), and the writer does not inflate text past them. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "io/tp-caps.h"
#include "io/tp-document-file.h"
#include "io/tp-loader.h"
#include "io/tp-writer.h"
#include "model/tp-document-private.h"

/* A note's text: TP_TEXT_MAX characters, nearly all ">", the character that the writer
 * used to write as "&gt;". */
static char *
arrows_text (guint n)
{
  GString *text = g_string_sized_new (n);

  for (guint i = 0; i < n; i++)
    g_string_append_c (text, i % 100 == 99 ? ' ' : '>');
  return g_string_free (text, FALSE);
}

/* A document of notes full of ">" whose file is just under max_bytes. */
static TpDocument *
arrows_document (gsize max_bytes)
{
  TpDocument *document = tp_document_new ();
  g_autofree char *text = arrows_text (TP_TEXT_MAX);
  guint i = 0;

  /* Each note takes its text and under 100 bytes of markup. */
  while ((i + 2) * (TP_TEXT_MAX + 100) < max_bytes)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i++);
      TpNote *note = tp_note_new (id, text);

      note->container = TP_CONTAINER_VALUE_PROPOSITIONS;
      g_assert_true (_tp_document_append_note (document, note));
    }

  return document;
}

/* Load → save → load just under the byte cap: the written size is the loaded size, not
 * four times it, and the second save is the same bytes. */
static void
test_arrows_round_trip (void)
{
  g_autoptr(TpDocument) document = arrows_document (TP_DOCUMENT_MAX_BYTES);
  g_autoptr(TpDocument) reloaded = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  g_autoptr(GError) error = NULL;

  written = tp_write_bytes (document);
  g_assert_cmpuint (g_bytes_get_size (written), <=, TP_DOCUMENT_MAX_BYTES);
  g_assert_cmpuint (g_bytes_get_size (written), >, TP_DOCUMENT_MAX_BYTES - 5 * (TP_TEXT_MAX + 100));

  reloaded = tp_load_bytes (written, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tp_document_get_n_notes (reloaded), ==, tp_document_get_n_notes (document));

  rewritten = tp_write_bytes (reloaded);
  g_assert_true (g_bytes_equal (written, rewritten));
}

/* ">" stays plain except where it would close "]]>" in content (attributes are covered by
 * test-io's escaping test). */
static void
test_minimal_escaping (void)
{
  static const struct {
    const char *text;
    const char *written;
  } cases[] = {
    { "a > b", ">a > b</note>" },
    { "]]>", ">]]&gt;</note>" },
    { "]]]>>", ">]]]&gt;></note>" },
    { "] ]>", ">] ]></note>" },
    { "x]>]]>", ">x]>]]&gt;</note>" },
    { "<&>", ">&lt;&amp;></note>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TpDocument) document = tp_document_new ();
      g_autoptr(TpDocument) reloaded = NULL;
      g_autoptr(GBytes) written = NULL;
      g_autoptr(GError) error = NULL;
      TpNote *note = tp_note_new ("n1", cases[i].text);
      TpNote *loaded;

      note->container = TP_CONTAINER_CHANNELS;
      g_assert_true (_tp_document_append_note (document, note));

      written = tp_write_bytes (document);
      g_assert_nonnull (g_strstr_len (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                                      cases[i].written));
      reloaded = tp_load_bytes (written, NULL, &error);
      g_assert_no_error (error);
      loaded = tp_document_lookup_kind (reloaded, "n1", TP_ITEM_NOTE);
      g_assert_cmpstr (loaded->text, ==, cases[i].text);
    }
}

/* A document past the cap is refused by the save with a message saying what to do, and
 * nothing is written. */
static void
test_save_too_large (void)
{
  g_autoptr(TpDocument) document = arrows_document (TP_DOCUMENT_MAX_BYTES + 20 * (TP_TEXT_MAX + 100));
  g_autofree char *dir = g_dir_make_tmp ("tp-caps-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "big.touchpoint", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (tp_save_file (document, file, NULL, NULL, NULL, &error));
  g_assert_error (error, TP_SAVE_ERROR, TP_SAVE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "8 MiB"));
  g_assert_null (strstr (error->message, "report"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/caps/arrows-round-trip", test_arrows_round_trip);
  g_test_add_func ("/touchpoint/caps/minimal-escaping", test_minimal_escaping);
  g_test_add_func ("/touchpoint/caps/save-too-large", test_save_too_large);

  return g_test_run ();
}
