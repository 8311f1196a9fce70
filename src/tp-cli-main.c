/* tp-cli-main.c: touchpoint-cli, the command-line modes with the whole core
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Started by the touchpoint command (main.c) for --export, --table, --version and any
 * mistake in a command line; it never touches GTK.
 */

#include "config.h"

#include "tp-cli.h"

int
main (int   argc,
      char *argv[])
{
  return tp_cli_run (argc, argv);
}
