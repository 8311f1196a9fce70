/* tp-cli-validate.c: `touchpoint --validate FILE`, shared by touchpoint-cli and
 * touchpoint-validate
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In a file of its own, apart from tp-cli.c, so that touchpoint-validate links the
 * loader and the model only, not the renderer (cairo, Pango and their libraries).
 */

#include "config.h"

#include <gio/gio.h>

#include "tp-cli-validate.h"
#include "io/tp-document-file.h"

void
tp_cli_print_problem (const char      *path,
                      const TpProblem *problem)
{
  if (problem->line > 0)
    g_printerr ("%s:%u: %s\n", path, problem->line, problem->message);
  else
    g_printerr ("%s: %s\n", path, problem->message);
}

gboolean
tp_cli_validate_file (const char *path)
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
        tp_cli_print_problem (path, g_ptr_array_index (problems, i));
    }
  else
    {
      g_printerr ("%s: %s\n", path, error->message);
    }

  return FALSE;
}
