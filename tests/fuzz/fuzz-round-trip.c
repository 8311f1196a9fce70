/* fuzz-round-trip.c: what the editor makes, loads, up to the caps.
 *
 * The input is text the model may hold, however it came there (typed, pasted, imported):
 * its first byte chooses how large a document to make, the rest splits at NUL bytes into
 * a note's text, a touchpoint's name, a link's label and the workshop's title. The
 * document is written; written within the caps (io/tp-caps.h), it must load, and load to
 * the same bytes when written again; past them, the loader must refuse it as too large
 * (and a save says so). Large documents repeat the note until the file is within a few KB
 * of the byte cap (first byte 0, 64, 128 or 192), where a writer that inflates text, or a loader that counts otherwise,
 * would break the promise.
 */
#include "config.h"

#include <string.h>

#include "tp-fuzz.h"
#include "io/tp-caps.h"
#include "io/tp-loader.h"
#include "io/tp-writer.h"
#include "model/tp-document-private.h"

#define N_TEXTS 4

static void
add_notes (TpDocument *document,
           const char *text,
           guint       first,
           guint       n)
{
  for (guint i = first; i < first + n; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);
      TpNote *note = tp_note_new (id, text);

      note->container = i % TP_N_CONTAINERS;
      if (!_tp_document_append_note (document, note))
        tp_fuzz_abort ("round-trip: note %s could not be added", id);
    }
}

static gsize
written_size (TpDocument *document)
{
  g_autoptr(GBytes) bytes = tp_write_bytes (document);

  return g_bytes_get_size (bytes);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  tp_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(TpDocument) document = tp_document_new ();
  g_autoptr(TpDocument) reloaded = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  g_autoptr(GError) error = NULL;
  char *texts[N_TEXTS] = { NULL, };
  const char *p, *end;
  TpStage *stage;
  TpTouchpoint *touchpoint;
  TpMeta *meta;
  guint mode, n_notes;

  if (size < 1)
    return 0;
  mode = data[0];
  p = (const char *) data + 1;
  end = (const char *) data + size;
  for (guint i = 0; i < N_TEXTS; i++)
    {
      const char *nul = p < end ? memchr (p, '\0', end - p) : NULL;
      const char *stop = nul != NULL ? nul : end;

      /* The model holds valid UTF-8: every way text gets in makes it so. */
      texts[i] = g_utf8_make_valid (p < end ? p : "", p < end ? stop - p : 0);
      p = stop < end ? stop + 1 : end;
    }

  stage = tp_stage_new ("s1", "Stage");
  touchpoint = tp_touchpoint_new ("t1", texts[1]);
  if (!_tp_document_append_stage (document, stage) ||
      !_tp_document_append_touchpoint (document, stage, touchpoint))
    tp_fuzz_abort ("round-trip: the journey could not be built");
  meta = tp_meta_new ();
  g_free (meta->title);
  meta->title = g_strdup (texts[3]);
  _tp_document_set_meta (document, meta);

  /* Most inputs a few notes, fast; one in 64 a file at the byte cap (seconds each under
   * the sanitizers): 8 KB or 4 KB under it, at it, or 4 KB over, by the first byte. */
  if (mode % 64 != 0 || texts[0][0] == '\0')
    {
      n_notes = 1 + mode % 7;
      add_notes (document, texts[0], 0, n_notes);
    }
  else
    {
      glong n_chars = g_utf8_strlen (texts[0], -1);
      GString *long_text = g_string_new (NULL);
      gsize size0, per_note, target;

      /* Notes as long as the format allows: a few hundred of them reach the cap, which
       * keeps a run to seconds under the sanitizers (short ones would take 100,000). */
      for (glong n = 0; n < TP_TEXT_MAX; n += n_chars)
        g_string_append (long_text, texts[0]);
      g_string_truncate (long_text, g_utf8_offset_to_pointer (long_text->str, TP_TEXT_MAX) -
                                      long_text->str);
      g_free (texts[0]);
      texts[0] = g_string_free (long_text, FALSE);

      add_notes (document, texts[0], 0, 1);
      size0 = written_size (document);
      add_notes (document, texts[0], 1, 1);
      per_note = MAX (written_size (document) - size0, 1);
      /* Just under or just over the cap, by the input's choice. */
      target = TP_DOCUMENT_MAX_BYTES - 8192 + (mode / 16) * 1024;
      n_notes = 2 + (target > size0 ? (guint) ((target - size0) / per_note) : 0);
      n_notes = MIN (n_notes, TP_DOCUMENT_MAX_ELEMENTS / 2);
      add_notes (document, texts[0], 2, n_notes - 2);
    }

  if (!_tp_document_append_link (document, tp_link_new ("l1", "n0", "t1", texts[2])))
    tp_fuzz_abort ("round-trip: the link could not be added");

  written = tp_write_bytes (document);
  reloaded = tp_load_bytes (written, NULL, &error);

  if (g_bytes_get_size (written) > TP_DOCUMENT_MAX_BYTES)
    {
      if (reloaded != NULL || !g_error_matches (error, TP_LOAD_ERROR, TP_LOAD_ERROR_TOO_LARGE))
        tp_fuzz_abort ("round-trip: %zu bytes, past the cap, were not refused as too large", g_bytes_get_size (written));
    }
  else
    {
      if (reloaded == NULL)
        tp_fuzz_abort ("round-trip: %zu bytes, within the cap, do not load: %s", g_bytes_get_size (written),
              error->message);
      if (tp_document_get_n_notes (reloaded) != n_notes)
        tp_fuzz_abort ("round-trip: %u notes written, %u loaded", n_notes, tp_document_get_n_notes (reloaded));
      rewritten = tp_write_bytes (reloaded);
      if (!g_bytes_equal (written, rewritten))
        tp_fuzz_abort ("round-trip: write → load → write is not a fixed point");
    }

  for (guint i = 0; i < N_TEXTS; i++)
    g_free (texts[i]);

  return 0;
}
