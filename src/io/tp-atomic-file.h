/* tp-atomic-file.h: putting bytes in place of a file so that it is either the old file
 * or the new one, never a mix, for saves and exports alike (RELIABILITY.md, P1).
 *
 * Local files go through g_file_set_contents_full() (temporary file beside it, fsync,
 * rename, directory fsync) after resolving symbolic links, so a link stays a link and
 * the file's permissions are kept; other files through g_file_replace(), discarding the
 * new bytes on any error. A failed write leaves the old file as it was and no temporary
 * file behind.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  TP_WRITE_SAVE,    /* messages say "save" */
  TP_WRITE_EXPORT,  /* messages say "export" */
} TpWriteVerb;

/* Errors are TP_SAVE_ERROR_WRITE, with a message saying what happened and what to do.
 * etag (optional) receives the new file's entity tag. */
gboolean  tp_atomic_file_write     (GFile         *file,
                                    GBytes        *bytes,
                                    TpWriteVerb    verb,
                                    char         **etag,
                                    GCancellable  *cancellable,
                                    GError       **error);

/* Turns an error from GLib's file functions or GIO into TP_SAVE_ERROR_WRITE. */
void      tp_atomic_file_set_error (GError       **error,
                                    GFile         *file,
                                    TpWriteVerb    verb,
                                    const GError  *cause);

G_END_DECLS
