/* tp-test-tools.c: see tp-test-tools.h. */

#include "config.h"

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
