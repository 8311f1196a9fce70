/* tp-fuzz.c: the invariant both loader harnesses check on every input.
 *
 * The loader's promises (tp-loader.h, RELIABILITY.md): any bytes either load or fail with
 * an error and at least one problem, in line order; a loaded document serializes to bytes
 * that load again (saving re-loads what it is about to write and refuses what it cannot
 * read, so a document that breaks this could never be saved); and serialization is a
 * fixed point after one round (same document, same bytes). The sanitizers check the rest:
 * no out-of-bounds access, no undefined behaviour, nothing leaked.
 */
#include "config.h"

#include "tp-fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/tp-loader.h"
#include "io/tp-loader-private.h"
#include "io/tp-writer.h"

/* The sanitizers' own hooks, so that a harness run by hand stops at the first report of
 * UndefinedBehaviorSanitizer (which otherwise prints and carries on, unseen by libFuzzer). */
const char *__ubsan_default_options (void);

const char *
__ubsan_default_options (void)
{
  return "halt_on_error=1:print_stacktrace=1";
}

void
tp_fuzz_init (void)
{
  /* Before GLib's slice allocator reads it: plain malloc, which the sanitizers see. */
  g_setenv ("G_SLICE", "always-malloc", FALSE);
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

static void
print_bytes (const char *label,
             GBytes     *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  fprintf (stderr, "---- %s (%zu bytes) ----\n", label, length);
  fwrite (data, 1, length, stderr);
  fprintf (stderr, "\n---- end of %s ----\n", label);
}

static G_NORETURN void G_GNUC_PRINTF (1, 0)
abort_with (const char *format,
            va_list     args)
{
  fprintf (stderr, "\n==== tp-fuzz: ");
  vfprintf (stderr, format, args);
  fprintf (stderr, " ====\n");
  fflush (stderr);

  abort ();
}

void
tp_fuzz_abort (const char *format,
               ...)
{
  va_list args;

  va_start (args, format);
  abort_with (format, args);
}

/* Says what went wrong, with the bytes involved, and aborts: libFuzzer saves the input. */
static G_NORETURN void G_GNUC_PRINTF (3, 4)
fail (GBytes     *first,
      GBytes     *second,
      const char *format,
      ...)
{
  va_list args;

  if (first != NULL)
    print_bytes ("first serialization", first);
  if (second != NULL)
    print_bytes ("second serialization", second);

  va_start (args, format);
  abort_with (format, args);
}

static void
check_failure (GError    *error,
               GPtrArray *problems)
{
  if (error == NULL)
    fail (NULL, NULL, "tp_load_bytes() returned NULL without an error");
  if (error->domain != TP_LOAD_ERROR)
    fail (NULL, NULL, "tp_load_bytes() failed with an error of another domain: %s", error->message);
  if (error->message == NULL || error->message[0] == '\0' ||
      !g_utf8_validate (error->message, -1, NULL))
    fail (NULL, NULL, "tp_load_bytes() failed with an empty or invalid UTF-8 message");
  if (problems == NULL || problems->len == 0)
    fail (NULL, NULL, "tp_load_bytes() failed without a problem (%s)", error->message);
  if (problems->len > TP_LOAD_MAX_PROBLEMS)
    fail (NULL, NULL, "tp_load_bytes() reported %u problems, more than %d", problems->len,
          TP_LOAD_MAX_PROBLEMS);

  for (guint i = 0; i < problems->len; i++)
    {
      const TpProblem *problem = g_ptr_array_index (problems, i);

      if (problem->message == NULL || !g_utf8_validate (problem->message, -1, NULL))
        fail (NULL, NULL, "problem %u has no message or one that is not UTF-8", i);
      if (i > 0 && ((const TpProblem *) g_ptr_array_index (problems, i - 1))->line > problem->line)
        fail (NULL, NULL, "problems are not in line order: line %u comes after line %u (%s)",
              problem->line,
              ((const TpProblem *) g_ptr_array_index (problems, i - 1))->line,
              problem->message);
    }
}

gboolean
tp_fuzz_check (const guint8  *data,
               gsize          size,
               char         **first_problem)
{
  g_autoptr(GBytes) input = g_bytes_new_static (data, size);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDocument) document = NULL;
  g_autoptr(TpDocument) reloaded = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) rewritten = NULL;

  document = tp_load_bytes (input, &problems, &error);
  if (document == NULL)
    {
      check_failure (error, problems);
      if (first_problem != NULL)
        *first_problem = g_strdup (((TpProblem *) g_ptr_array_index (problems, 0))->message);
      return FALSE;
    }
  if (error != NULL)
    fail (NULL, NULL, "tp_load_bytes() returned a document and an error: %s", error->message);

  written = tp_write_bytes (document);
  if (written == NULL)
    fail (NULL, NULL, "tp_write_bytes() returned NULL for a loaded document");

  g_clear_pointer (&problems, g_ptr_array_unref);
  reloaded = tp_load_bytes (written, &problems, &error);
  if (reloaded == NULL)
    fail (written, NULL, "the document loaded, but its serialization does not: %s",
          error != NULL ? error->message : "(no error)");

  rewritten = tp_write_bytes (reloaded);
  if (!g_bytes_equal (written, rewritten))
    fail (written, rewritten,
          "save → load → save is not a fixed point: the two serializations differ");

  return TRUE;
}
