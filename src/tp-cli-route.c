/* tp-cli-route.c: which executable a touchpoint command line is for (issue 19).
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command-line modes (PRODUCT.md) are told apart here, once, for the launcher and for
 * tp_cli_wants(). Validation gets an executable of its own that links only the I/O and
 * the model (GLib and libxml2), because scripts validate many small files and the
 * libraries a process loads were most of each run; only the plain form "--validate
 * FILE…" goes there, anything else (--export, --table, --version, any other option, a
 * mistake) to the whole command line, which says what is wrong exactly as before.
 */

#include "config.h"

#include <string.h>

#include "tp-cli-route.h"

/* --table counts too: without --export it is a mistake for this contract to report (exit
 * 2), not an option for the application to refuse. */
static const char * const cli_options[] = { "--validate", "--version", "--export", "--table" };

static int
is_option (const char *arg,
           const char *option)
{
  size_t len = strlen (option);

  return strncmp (arg, option, len) == 0 && (arg[len] == '\0' || arg[len] == '=');
}

TpCliRoute
tp_cli_route (int    argc,
              char **argv)
{
  int cli = 0;
  int plain_validate = 1;
  int files = 0;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--") == 0)
        break;
      for (size_t j = 0; j < sizeof cli_options / sizeof cli_options[0]; j++)
        if (is_option (argv[i], cli_options[j]))
          cli = 1;
      if (strcmp (argv[i], "--validate") == 0)
        continue;
      if (argv[i][0] == '-')
        plain_validate = 0;
      else
        files++;
    }

  if (!cli)
    return TP_CLI_ROUTE_APP;
  /* A "--" anywhere (file names that look like options) goes the long way too. */
  for (int i = 1; i < argc; i++)
    if (strcmp (argv[i], "--") == 0)
      plain_validate = 0;
  return plain_validate && files > 0 ? TP_CLI_ROUTE_VALIDATE : TP_CLI_ROUTE_CLI;
}
