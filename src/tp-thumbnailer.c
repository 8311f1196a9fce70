/* tp-thumbnailer.c: `touchpoint-thumbnailer -s SIZE INPUT OUTPUT`, the file manager's
 * preview of a workshop.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run by the desktop's thumbnail service for every *.touchpoint file it shows
 * (data/touchpoint.thumbnailer), often on files nobody has opened yet: they may be huge,
 * damaged or hostile. It uses the core alone (no display), loads through the same
 * hardened loader as the app, and gives itself a time limit: a file it cannot preview in
 * time gets no thumbnail rather than a file manager waiting on it.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <signal.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "io/tp-atomic-file.h"
#include "io/tp-document-file.h"
#include "render/tp-thumbnail.h"

#define TIME_LIMIT_SECONDS 10
#define MIN_SIZE           16
#define MAX_SIZE           2048

enum {
  EXIT_DONE = 0,
  EXIT_BAD_INPUT = 1,
  EXIT_BAD_USAGE = 2,
  EXIT_TIME_OUT = 3,
};

/* Set while the preview is being written: the time limit is for previewing, and ending
 * the process in the middle of the atomic write would leave its temporary file behind.
 * Writing a picture of at most MAX_SIZE² pixels is short, and a process stuck in the
 * kernel on a hung disk would not die of the signal anyway. */
static volatile sig_atomic_t writing;

/* Runs in whichever thread the signal reaches: only async-signal-safe calls. */
static void
on_alarm (int signum)
{
  if (!writing)
    _exit (EXIT_TIME_OUT);
}

static gboolean
write_output (GFile   *out,
              GBytes  *bytes,
              GError **error)
{
  gboolean written;

  writing = 1;
  written = tp_atomic_file_write (out, bytes, TP_WRITE_EXPORT, NULL, NULL, error);
  /* An alarm meanwhile is forgiven: the preview is complete. */
  alarm (0);
  writing = 0;

  return written;
}

static int
thumbnail (const char *input,
           const char *output,
           int         size)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (input);
  g_autoptr(GFile) out = g_file_new_for_commandline_arg (output);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;

  document = tp_load_file (file, NULL, NULL, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("%s: %s\n", input, error->message);
      return EXIT_BAD_INPUT;
    }

  bytes = tp_thumbnail_render (document, size, &error);
  if (bytes == NULL || !write_output (out, bytes, &error))
    {
      g_printerr ("%s: %s\n", output, error->message);
      return EXIT_BAD_INPUT;
    }
  return EXIT_DONE;
}

int
main (int   argc,
      char *argv[])
{
  int size = 256;
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "size", 's', 0, G_OPTION_ARG_INT, &size, N_("The larger side of the preview, in pixels"),
      N_("SIZE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL,
      N_("INPUT OUTPUT") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The handler ends the process at once (unless it is writing the preview), so that
   * nothing can hang or be confused by a half-built document. */
  {
    struct sigaction action = { .sa_handler = on_alarm, .sa_flags = SA_RESTART };

    sigemptyset (&action.sa_mask);
    sigaction (SIGALRM, &action, NULL);
  }
  alarm (TIME_LIMIT_SECONDS);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Makes a PNG preview of a Touchpoint workshop."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("touchpoint-thumbnailer: %s\n", error->message);
      return EXIT_BAD_USAGE;
    }
  if (files == NULL || g_strv_length (files) != 2)
    {
      g_printerr ("touchpoint-thumbnailer: %s\n", _("give an INPUT and an OUTPUT file"));
      return EXIT_BAD_USAGE;
    }
  if (size < MIN_SIZE || size > MAX_SIZE)
    {
      g_printerr ("touchpoint-thumbnailer: %s\n", _("the size must be between 16 and 2048"));
      return EXIT_BAD_USAGE;
    }

  return thumbnail (files[0], files[1], size);
}
