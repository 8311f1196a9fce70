/* tp-validate-main.c: touchpoint-validate, `touchpoint --validate FILE…`
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Started by the touchpoint command (main.c) for the plain form only: --validate and
 * file names, nothing else (tp-cli-route.c). It links the loader and the model, so a
 * run loads GLib and libxml2 and not the renderer's libraries (issue 19: --validate
 * within twice `xmllint --noout`). The output and exit status are tp_cli_run()'s.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "tp-cli-validate.h"

int
main (int   argc,
      char *argv[])
{
  int status = 0;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  tp_cli_validate_keep_documents ();
  for (int i = 1; i < argc; i++)
    if (strcmp (argv[i], "--validate") != 0 && !tp_cli_validate_file (argv[i]))
      status = 1;

  return status;
}
