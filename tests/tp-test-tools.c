/* tp-test-tools.c: see tp-test-tools.h. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "io/tp-document-file.h"
#include "io/tp-loader.h"

#include "tp-test-tools.h"

gboolean
tp_test_have_tool (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  if (path == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed", name);

      g_test_skip (message);
      return FALSE;
    }
  return TRUE;
}

char *
tp_test_run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, NULL))
    g_error ("%s failed on %s: %s", argv[0], argv[g_strv_length ((char **) argv) - 1], err);
  return out;
}

TpDocument *
tp_test_load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TpDocument *document = tp_load_file (file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

char *
tp_test_export_to_file (TpDocument            *document,
                        const TpExportOptions *options,
                        const char            *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = tp_export_render (document, options, NULL, &error);
  g_autofree char *dir = NULL;
  char *path;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  dir = g_dir_make_tmp ("tp-test-export-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  return path;
}

void
tp_test_remove_export (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

void
tp_test_run_clear (TpTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
tp_test_run_touchpoint_limited (TpTestRun          *run,
                                guint               limit,
                                const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *seconds = g_strdup_printf ("%u", limit);
  int wait_status = 0;

  if (limit > 0)
    {
      g_ptr_array_add (argv, (gpointer) "timeout");
      g_ptr_array_add (argv, (gpointer) "-s");
      g_ptr_array_add (argv, (gpointer) "KILL");
      g_ptr_array_add (argv, seconds);
    }
  g_ptr_array_add (argv, (gpointer) TP_BUILDDIR "/src/touchpoint");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "GDK_BACKEND", "none-at-all", TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

void
tp_test_run_touchpoint (TpTestRun          *run,
                        const char * const *args)
{
  tp_test_run_touchpoint_limited (run, 0, args);
}

char *
tp_test_squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != '-' && c != 0x2010 && c != 0x00ad)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

guint
tp_test_pdf_n_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = tp_test_run_tool (argv);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

char *
tp_test_pdf_text (const char *path,
                  guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *one[] = { "pdftotext", "-enc", "UTF-8", "-f", number, "-l", number, path, "-", NULL };
  const char *all[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };

  return tp_test_run_tool (page > 0 ? one : all);
}

static void
word_clear (gpointer data)
{
  g_free (((TpTestWord *) data)->text);
}

static char *
unescape (const char *html)
{
  g_autoptr(GString) text = g_string_new (html);

  g_string_replace (text, "&lt;", "<", 0);
  g_string_replace (text, "&gt;", ">", 0);
  g_string_replace (text, "&quot;", "\"", 0);
  g_string_replace (text, "&#39;", "'", 0);
  g_string_replace (text, "&amp;", "&", 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

GArray *
tp_test_pdf_words (const char          *path,
                   TpTestPdfWordsFlags  flags)
{
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *html = tp_test_run_tool (argv);
  g_autoptr(GRegex) regex = g_regex_new ("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\">|"
                                         "<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" "
                                         "xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>",
                                         0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GArray *words = g_array_new (FALSE, FALSE, sizeof (TpTestWord));
  guint page = 0;
  double page_width = 0, page_height = 0;

  g_array_set_clear_func (words, word_clear);
  g_regex_match (regex, html, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *height = g_match_info_fetch (match, 2);

      if (height != NULL && *height != '\0')
        {
          g_autofree char *width = g_match_info_fetch (match, 1);

          page++;
          page_width = g_ascii_strtod (width, NULL);
          page_height = g_ascii_strtod (height, NULL);
        }
      else
        {
          TpTestWord word = { 0 };
          g_autofree char *x_min = g_match_info_fetch (match, 3);
          g_autofree char *y_min = g_match_info_fetch (match, 4);
          g_autofree char *x_max = g_match_info_fetch (match, 5);
          g_autofree char *y_max = g_match_info_fetch (match, 6);
          g_autofree char *text = g_match_info_fetch (match, 7);

          word.page = page;
          word.page_width = page_width;
          word.page_height = page_height;
          word.x_min = g_ascii_strtod (x_min, NULL);
          word.y_min = g_ascii_strtod (y_min, NULL);
          word.x_max = g_ascii_strtod (x_max, NULL);
          word.y_max = g_ascii_strtod (y_max, NULL);
          word.text = (flags & TP_TEST_PDF_WORDS_UNESCAPE) ? unescape (text) : g_strdup (text);
          g_array_append_val (words, word);
        }
      g_match_info_next (match, NULL);
    }
  return words;
}
