/* main.c: the touchpoint command.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export, validation and thumbnails run without a display (PRODUCT.md), and scripts run
 * them on many files: this executable links the core alone, so `touchpoint --validate`
 * and `--export` do not pay for loading GTK, libadwaita and their eighty libraries (issue
 * 19 measured that fixed cost as most of a small file's validation). Anything else is the
 * application: this process becomes it by exec (same process id, same arguments), the
 * executable touchpoint-app beside this one in a build tree, or in the libexec folder
 * once installed.
 */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "tp-cli.h"

/* Where touchpoint-app is: beside this executable (a build tree), else where it is
 * installed. */
static char *
find_app (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      char *beside = g_build_filename (dir, "touchpoint-app", NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return beside;
      g_free (beside);
    }
  return g_strdup (TP_APP_PATH);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *app = NULL;

  /* Before the command line too: its messages are translated. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (tp_cli_wants (argc, argv))
    return tp_cli_run (argc, argv);

  /* argv[0] stays "touchpoint": GLib names the program (and GTK the window class) from it. */
  app = find_app ();
  execv (app, argv);
  g_printerr ("touchpoint: %s: %s\n", app, g_strerror (errno));
  return 1;
}
