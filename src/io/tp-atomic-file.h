/* tp-atomic-file.h: putting bytes in place of a file so that it is either the old file
 * or the new one, never a mix, for saves and exports alike (RELIABILITY.md, P1 and P3).
 *
 * Local files are written the way the kernel would let an open() write them, decided on
 * what was opened and never on a path that can change in between: the folder is opened,
 * a symbolic link at the name is followed only where fs.protected_symlinks would follow
 * it, and the file found there is opened, checked (a regular file with one name that we
 * may write to, not someone else's file in a shared folder) and locked. The new bytes go
 * to a temporary file in the folder of what is replaced, which gets the old file's owner
 * and mode, is fsynced and exchanged with the old file; then the folder is fsynced, and
 * if that fails the old file is put back. Other files go through g_file_replace(),
 * discarding the new bytes on any error. A failed write leaves the old file as it was and
 * no temporary file behind.
 *
 * Hard links are refused rather than split: replacing one name of a file with several
 * would leave the others on the old version, and writing in place would give up P3.
 */
#pragma once

#include <gio/gio.h>

#include "tp-file-stamp.h"

G_BEGIN_DECLS

typedef enum {
  TP_WRITE_SAVE,    /* messages say "save" */
  TP_WRITE_EXPORT,  /* messages say "export" */
} TpWriteVerb;

/* Errors are TP_SAVE_ERROR_WRITE, with a message saying what happened and what to do.
 * etag (optional) receives the new file's entity tag. */
gboolean  tp_atomic_file_write     (GFile              *file,
                                    GBytes             *bytes,
                                    TpWriteVerb         verb,
                                    char              **etag,
                                    GCancellable       *cancellable,
                                    GError            **error);

/* Like tp_atomic_file_write(), but refuses (TP_SAVE_ERROR_CHANGED_ON_DISK) to replace a
 * file that is not what expected describes; a file that is gone is no conflict. On local
 * files the check is made on the file opened and locked (flock) until after the rename
 * and the folder's fsync, so that two savers of the same file, in this process or
 * another, cannot both replace a version they have not seen. NULL expected checks
 * nothing. */
gboolean  tp_atomic_file_replace   (GFile              *file,
                                    GBytes             *bytes,
                                    TpWriteVerb         verb,
                                    const TpFileStamp  *expected,
                                    char              **etag,
                                    GCancellable       *cancellable,
                                    GError            **error);

/* Where a streamed write puts the new file's bytes as they are made (a temporary file
 * beside what is replaced, or GIO's replace stream), so that a large export never holds
 * its whole file in memory. */
typedef struct _TpAtomicSink TpAtomicSink;

/* Makes the new file's bytes with tp_atomic_sink_write(). FALSE, with error set, stops
 * the write: the old file stays as it was and no temporary file is left. */
typedef gboolean (*TpAtomicFileProducer) (TpAtomicSink  *sink,
                                          gpointer       user_data,
                                          GError       **error);

/* tp_atomic_file_write() of the bytes produce makes, written while they are made: every
 * check (what is replaced, its owner and mode, its lock) is made before produce is
 * called, and the new file is fsynced and put in place only once it returns TRUE. A
 * failed write of the sink is the error reported, whatever produce says of it. */
gboolean  tp_atomic_file_write_streamed (GFile                *file,
                                         TpWriteVerb           verb,
                                         TpAtomicFileProducer  produce,
                                         gpointer              user_data,
                                         char                **etag,
                                         GCancellable         *cancellable,
                                         GError              **error);

/* Appends size bytes to the file being written. FALSE once a write has failed: the
 * producer should stop (and return FALSE); the writer reports the failure. */
gboolean  tp_atomic_sink_write     (TpAtomicSink       *sink,
                                    const void         *data,
                                    gsize               size);

/* The most bytes of a file held in memory at once since the last call, in a sink's
 * buffer or handed to one in a piece: for tests that an export streams its file rather
 * than keeping it whole. */
gsize     tp_atomic_sink_take_max_held (void);

/* Turns an error from GLib's file functions or GIO into TP_SAVE_ERROR_WRITE. */
void      tp_atomic_file_set_error (GError            **error,
                                    GFile              *file,
                                    TpWriteVerb         verb,
                                    const GError       *cause);

/* TP_SAVE_ERROR_CHANGED_ON_DISK for file. */
void      tp_atomic_file_set_changed_error (GError **error,
                                            GFile   *file);

G_END_DECLS
