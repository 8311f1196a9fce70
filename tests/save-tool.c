/* save-tool.c: loads SRC, edits it, saves it to DEST; for save-faults.sh.
 *
 *   save-tool [--grow N] SRC DEST
 *
 * --grow adds N large notes, to make the document bigger than a small disk. Exits 0 when
 * the save succeeded, 1 when it failed as it should (error printed, document still
 * modified), 2 when SRC could not be loaded, 3 when a failed save left the document
 * marked as saved (a bug).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "io/tp-document-file.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("SRC DEST");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) dest = NULL;
  g_autoptr(TpDocument) document = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  int grow = 0;
  const GOptionEntry entries[] = {
    { "grow", 0, 0, G_OPTION_ARG_INT, &grow, "Add N large notes", "N" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 3)
    {
      g_printerr ("usage: save-tool [--grow N] SRC DEST\n");
      return 2;
    }

  source = g_file_new_for_commandline_arg (argv[1]);
  dest = g_file_new_for_commandline_arg (argv[2]);

  document = tp_load_file (source, NULL, NULL, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("Could not load %s: %s\n", argv[1], error->message);
      return 2;
    }

  while (text->len < 4000)
    g_string_append (text, "A note long enough to fill a small disk quickly. ");
  tp_document_add_note (document, TP_CONTAINER_CHANNELS, 0, "Edited by save-tool");
  for (int i = 0; i < grow; i++)
    tp_document_add_note (document, TP_CONTAINER_KEY_ACTIVITIES, G_MAXUINT, text->str);

  /* A write of our own before the save, so that fault injection from the second write
   * on hits the document. */
  printf ("saving %s\n", argv[2]);
  fflush (stdout);

  if (!tp_save_file (document, dest, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return tp_document_get_modified (document) ? 1 : 3;
    }

  return 0;
}
