/* main.c: the touchpoint command.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export, validation and thumbnails run without a display (PRODUCT.md), and scripts run
 * them on many files. Loading a process's libraries was most of a small file's run (issue
 * 19: GTK and libadwaita pull in eighty), so this command links the C library alone and
 * becomes, by exec (same process id, same arguments), the executable that the command
 * line needs (tp-cli-route.c): touchpoint-validate (the loader: GLib and libxml2),
 * touchpoint-cli (the core: exports too) or touchpoint-app (the window). They are beside
 * this executable in a build tree, in the libexec folder once installed.
 */

#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "tp-cli-route.h"

static const char *
executable_for (TpCliRoute route)
{
  switch (route)
    {
    case TP_CLI_ROUTE_VALIDATE:
      return "touchpoint-validate";
    case TP_CLI_ROUTE_CLI:
      return "touchpoint-cli";
    case TP_CLI_ROUTE_APP:
    default:
      return "touchpoint-app";
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *name = executable_for (tp_cli_route (argc, argv));
  char self[PATH_MAX];
  char path[PATH_MAX + 64];
  ssize_t len = readlink ("/proc/self/exe", self, sizeof self - 1);

  /* Beside this executable first (a build tree); argv[0] stays "touchpoint", which GLib
   * names the program by (and GTK the window's class). */
  if (len > 0)
    {
      char *slash;

      self[len] = '\0';
      slash = strrchr (self, '/');
      if (slash != NULL)
        {
          slash[1] = '\0';
          snprintf (path, sizeof path, "%s%s", self, name);
          if (access (path, X_OK) == 0)
            execv (path, argv);
        }
    }

  snprintf (path, sizeof path, "%s/%s", TP_LIBEXECDIR, name);
  execv (path, argv);
  fprintf (stderr, "touchpoint: %s: %s\n", path, strerror (errno));
  return 2;
}
