/* tp-app-main.c: touchpoint-app, the application's executable.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Started by the touchpoint command (main.c) with exec when no command-line mode asks for
 * the core alone. Run directly, it still answers those modes itself, before anything of
 * GTK is touched: export, validation and thumbnails run without a display (PRODUCT.md).
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "app/tp-application.h"
#include "tp-cli.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TpApplication) app = NULL;
  int status;

  /* Before the command line too: its messages are translated. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (tp_cli_wants (argc, argv))
    return tp_cli_run (argc, argv);

  g_set_application_name (PACKAGE_NAME);

  app = tp_application_new ();

  status = g_application_run (G_APPLICATION (app), argc, argv);

  /* Ended by a signal with work that no snapshot holds: whoever sent it (a script, the
   * session) learns that something was lost, not only the terminal. */
  if (status == 0 && tp_application_lost_work (app))
    status = 3;

  return status;
}
