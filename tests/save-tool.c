/* save-tool.c: loads SRC, edits it, saves it to DEST; for save-faults.sh.
 *
 *   save-tool [--grow N] [--snapshot-dir DIR] [--no-save] [--note TEXT] SRC DEST
 *   save-tool [--note TEXT] --check-snapshot DIR
 *
 * --grow adds N large notes, to make the document bigger than a small disk.
 * --snapshot-dir writes a recovery snapshot of the edited document in DIR before saving,
 * as the app does 3 s after a change, and removes it when the save succeeded, as the app
 * does; a failed save keeps it (RELIABILITY.md, "Saving"). --no-save stops just before
 * the save, so that a script can count the system calls made up to there. --note gives
 * the text of the note the edit adds (default "Edited by save-tool"), so that two savers
 * of one file can be told apart.
 *
 * Exits 0 when the save succeeded, 1 when it failed as it should (error printed, document
 * still modified), 2 when SRC could not be loaded or the snapshot not written, 3 when a
 * failed save left the document marked as saved (a bug).
 *
 * --check-snapshot lists the snapshots in DIR and loads the one there must be: exits 0
 * when there is exactly one, it loads, and it holds the note "Edited by save-tool", 1
 * otherwise. It prints whether the snapshot is still bound to its original file.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "io/tp-document-file.h"
#include "io/tp-recovery-store.h"

#define EDIT_NOTE "Edited by save-tool"

static gboolean
has_note (TpDocument *document,
          const char *text)
{
  GPtrArray *notes = tp_document_get_notes (document, TP_CONTAINER_CHANNELS);

  for (guint i = 0; i < notes->len; i++)
    {
      TpNote *note = g_ptr_array_index (notes, i);

      if (g_strcmp0 (note->text, text) == 0)
        return TRUE;
    }

  return FALSE;
}

static int
check_snapshot (const char *dir,
                const char *note)
{
  g_autoptr(TpRecoveryStore) store = tp_recovery_store_new (dir);
  g_autoptr(GPtrArray) infos = tp_recovery_store_list (store);
  g_autoptr(TpDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gboolean file_changed = FALSE;
  TpSnapshotInfo *info;

  if (infos->len != 1)
    {
      g_printerr ("%u snapshots in %s, expected 1\n", infos->len, dir);
      return 1;
    }

  info = g_ptr_array_index (infos, 0);
  document = tp_recovery_store_load (store, info, &file_changed, &error);
  if (document == NULL)
    {
      g_printerr ("Could not load snapshot %s: %s\n", info->id, error->message);
      return 1;
    }
  if (!tp_document_get_modified (document))
    {
      g_printerr ("Snapshot %s loaded unmodified\n", info->id);
      return 1;
    }
  if (!has_note (document, note))
    {
      g_printerr ("Snapshot %s does not hold the note \"%s\"\n", info->id, note);
      return 1;
    }

  if (tp_document_get_file (document) != NULL)
    printf ("file: bound\n");
  else if (file_changed)
    printf ("file: changed\n");
  else
    printf ("file: none\n");

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("SRC DEST");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) dest = NULL;
  g_autoptr(TpDocument) document = NULL;
  g_autoptr(TpRecoveryStore) store = NULL;
  g_autoptr(TpFileStamp) dest_stamp = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *snapshot_dir = NULL;
  g_autofree char *check_dir = NULL;
  g_autofree char *snapshot_id = NULL;
  g_autofree char *note = NULL;
  gboolean no_save = FALSE;
  int grow = 0;
  const GOptionEntry entries[] = {
    { "grow", 0, 0, G_OPTION_ARG_INT, &grow, "Add N large notes", "N" },
    { "snapshot-dir", 0, 0, G_OPTION_ARG_FILENAME, &snapshot_dir,
      "Write a recovery snapshot in DIR before saving", "DIR" },
    { "no-save", 0, 0, G_OPTION_ARG_NONE, &no_save, "Stop before saving", NULL },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, "The text of the note added", "TEXT" },
    { "check-snapshot", 0, 0, G_OPTION_ARG_FILENAME, &check_dir,
      "Check the one snapshot in DIR", "DIR" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      (check_dir == NULL && argc != 3) || (check_dir != NULL && argc != 1))
    {
      g_printerr ("usage: save-tool [--grow N] [--snapshot-dir DIR] [--no-save] [--note TEXT] SRC DEST\n"
                  "       save-tool [--note TEXT] --check-snapshot DIR\n");
      return 2;
    }

  if (note == NULL)
    note = g_strdup (EDIT_NOTE);
  if (check_dir != NULL)
    return check_snapshot (check_dir, note);

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
  tp_document_add_note (document, TP_CONTAINER_CHANNELS, 0, note);
  for (int i = 0; i < grow; i++)
    tp_document_add_note (document, TP_CONTAINER_KEY_ACTIVITIES, G_MAXUINT, text->str);

  /* As if DEST had been opened: the snapshot names it and what it held, so that a
   * recovery after a failed save can bind to it again. */
  if (snapshot_dir != NULL)
    {
      g_autoptr(GBytes) old_bytes = tp_read_document_bytes (dest, NULL, NULL, NULL);

      if (old_bytes != NULL)
        dest_stamp = tp_file_stamp_new_for_bytes (old_bytes, NULL);

      store = tp_recovery_store_new (snapshot_dir);
      snapshot_id = tp_recovery_store_make_id (store);
      if (!tp_recovery_store_write_document (store, snapshot_id, document, dest, dest_stamp,
                                             &error))
        {
          g_printerr ("Could not write a recovery snapshot: %s\n", error->message);
          return 2;
        }
    }

  /* A write of our own before the save, so that without a snapshot fault injection from
   * the second write on hits the document (save-faults.sh counts the writes when there
   * is one). */
  printf ("saving %s\n", argv[2]);
  fflush (stdout);

  if (no_save)
    return 0;

  if (!tp_save_file (document, dest, dest_stamp, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return tp_document_get_modified (document) ? 1 : 3;
    }

  if (store != NULL && !tp_recovery_store_remove (store, snapshot_id, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  return 0;
}
