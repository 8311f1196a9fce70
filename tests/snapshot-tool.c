/* snapshot-tool.c: writes one recovery snapshot as the app does at a signal; for
 * snapshot-faults.sh.
 *
 *   snapshot-tool DIR SRC
 *
 * Loads SRC, adds a note, and asks its snapshotter for a snapshot in DIR, waiting for it
 * (tp_snapshotter_flush (…, TRUE), as SIGTERM does). Exits 0 when it was written, 4 when
 * it was not and the snapshotter says why (printed), 5 when it was not and the
 * snapshotter does not say why (a bug: the user would not be told), 2 on bad usage or
 * an SRC that does not load.
 */
#include "config.h"

#include "io/tp-document-file.h"
#include "io/tp-snapshotter.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(TpDocument) document = NULL;
  g_autoptr(TpRecoveryStore) store = NULL;
  g_autoptr(TpSnapshotter) snapshotter = NULL;
  const GError *failure;

  if (argc != 3)
    {
      g_printerr ("usage: snapshot-tool DIR SRC\n");
      return 2;
    }

  source = g_file_new_for_commandline_arg (argv[2]);
  document = tp_load_file (source, NULL, NULL, NULL, &error);
  if (document == NULL)
    {
      g_printerr ("Could not load %s: %s\n", argv[2], error->message);
      return 2;
    }

  store = tp_recovery_store_new (argv[1]);
  snapshotter = tp_snapshotter_new (store, document, NULL);
  tp_document_add_note (document, TP_CONTAINER_CHANNELS, G_MAXUINT, "Edited by snapshot-tool");
  if (tp_snapshotter_flush (snapshotter, TRUE))
    return 0;

  failure = tp_snapshotter_get_error (snapshotter);
  if (failure == NULL)
    return 5;
  g_printerr ("%s\n", failure->message);
  return 4;
}
