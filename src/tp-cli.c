/* tp-cli.c: `touchpoint --validate` and `--version`, without GTK
 *
 * Scripts and the file manager rely on this contract (PRODUCT.md): problems are printed
 * as FILE:LINE: message, one per line, and the exit status says what happened.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <locale.h>

#include "tp-cli.h"
#include "io/tp-document-file.h"

enum {
  EXIT_DONE = 0,
  EXIT_BAD_INPUT = 1,
  EXIT_BAD_USAGE = 2,
};

static const char * const cli_options[] = { "--validate", "--version" };

gboolean
tp_cli_wants (int    argc,
              char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;
      for (guint j = 0; j < G_N_ELEMENTS (cli_options); j++)
        if (g_str_equal (argv[i], cli_options[j]))
          return TRUE;
    }

  return FALSE;
}

static void
print_problem (const char      *path,
               const TpProblem *problem)
{
  if (problem->line > 0)
    g_printerr ("%s:%u: %s\n", path, problem->line, problem->message);
  else
    g_printerr ("%s: %s\n", path, problem->message);
}

/* Returns TRUE when the file is a valid document. */
static gboolean
validate_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDocument) document = NULL;

  document = tp_load_file (file, NULL, &problems, NULL, &error);
  if (document != NULL)
    return TRUE;

  if (problems != NULL && problems->len > 0)
    {
      for (guint i = 0; i < problems->len; i++)
        print_problem (path, g_ptr_array_index (problems, i));
    }
  else
    {
      g_printerr ("%s: %s\n", path, error->message);
    }

  return FALSE;
}

int
tp_cli_run (int    argc,
            char **argv)
{
  gboolean validate = FALSE;
  gboolean version = FALSE;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "validate", 0, 0, G_OPTION_ARG_NONE, &validate,
      N_("Check documents and print their problems as FILE:LINE: message"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_DONE;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("touchpoint: %s\n", error->message);
      return EXIT_BAD_USAGE;
    }

  if (version)
    {
      g_print ("%s %s\n", "touchpoint", PACKAGE_VERSION);
      return EXIT_DONE;
    }

  if (validate)
    {
      if (files == NULL || files[0] == NULL)
        {
          g_printerr ("touchpoint: %s\n", _("--validate needs at least one FILE"));
          return EXIT_BAD_USAGE;
        }

      for (guint i = 0; files[i] != NULL; i++)
        if (!validate_file (files[i]))
          status = EXIT_BAD_INPUT;

      return status;
    }

  return EXIT_BAD_USAGE;
}
