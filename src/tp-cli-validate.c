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
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "tp-cli-validate.h"
#include "io/tp-document-file.h"
#include "io/tp-loader.h"

static GPtrArray *kept_documents;

void
tp_cli_validate_keep_documents (void)
{
  if (kept_documents == NULL)
    kept_documents = g_ptr_array_new ();
  tp_load_keep_trees ();
}

void
tp_cli_print_problem (const char      *path,
                      const TpProblem *problem)
{
  if (problem->line > 0)
    g_printerr ("%s:%u: %s\n", path, problem->line, problem->message);
  else
    g_printerr ("%s: %s\n", path, problem->message);
}

/* A regular file named by a plain path is read directly, with tp_load_file()'s checks
 * (what was opened is a regular file, the size cap): GIO's VFS loaded the list of its
 * modules first, 5 % of a small file's --validate (issue 19). Anything else, a URI, a
 * missing file, a folder or a device, takes tp_load_file() and gets its words; like
 * it, nothing but a regular file is ever opened. */
static TpDocument *
load (const char  *path,
      GPtrArray  **problems,
      GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *scheme = g_uri_parse_scheme (path);
  GStatBuf buf;

  if (scheme != NULL || g_stat (path, &buf) != 0 || !S_ISREG (buf.st_mode))
    {
      file = g_file_new_for_commandline_arg (path);
      return tp_load_file (file, NULL, problems, NULL, error);
    }

  bytes = tp_read_regular_file (path, TP_LOAD_MAX_BYTES, TRUE, NULL, error);
  if (bytes == NULL)
    return NULL;

  return tp_load_bytes (bytes, problems, error);
}

gboolean
tp_cli_validate_file (const char *path)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDocument) document = NULL;

  document = load (path, &problems, &error);
  if (document != NULL)
    {
      /* Still referenced, so no leak checker reports it. */
      if (kept_documents != NULL)
        g_ptr_array_add (kept_documents, g_steal_pointer (&document));
      return TRUE;
    }

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
