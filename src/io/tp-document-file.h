/* tp-document-file.h: loading documents from and saving them to files.
 *
 * Loading reads the file ourselves (regular files only, capped size; libxml2 never sees a
 * path). Saving serializes to memory, re-loads that buffer with the loader (we never write
 * what we could not open), then writes durably with the atomic writer, which checks for
 * changes made on disk since expected under a lock (tp-atomic-file.h). On any failure
 * the old file is untouched.
 */
#pragma once

#include "model/tp-document.h"
#include "tp-file-stamp.h"
#include "tp-problem.h"

G_BEGIN_DECLS

#define TP_SAVE_ERROR (tp_save_error_quark ())

typedef enum {
  TP_SAVE_ERROR_CHANGED_ON_DISK, /* the file is not what expected describes */
  TP_SAVE_ERROR_SELF_CHECK,      /* the serialized bytes did not load back: a bug */
  TP_SAVE_ERROR_WRITE,           /* the system refused the write; message says why */
  TP_SAVE_ERROR_TOO_LARGE,       /* the document is past the caps of tp-caps.h */
} TpSaveError;

GQuark       tp_save_error_quark      (void);

/* Reads a file's bytes with the loader's caps (regular file, TP_LOAD_MAX_BYTES). */
GBytes      *tp_read_document_bytes   (GFile         *file,
                                       char         **etag,
                                       GCancellable  *cancellable,
                                       GError       **error);

/* Reads the local file at path whole, refusing without blocking anything but a regular
 * file (checked on what was opened: a FIFO or device put in its place is never read),
 * and more than max_bytes (TP_LOAD_ERROR_TOO_LARGE), whatever its size said. Without
 * follow_links a symbolic link is refused too (G_IO_ERROR_TOO_MANY_LINKS). Shared by
 * documents and recovery snapshots, which trust their files no more than documents. */
GBytes      *tp_read_regular_file     (const char    *path,
                                       gsize          max_bytes,
                                       gboolean       follow_links,
                                       GCancellable  *cancellable,
                                       GError       **error);

/* Loads file; stamp (optional) describes the bytes read; problems as tp_load_bytes().
 * The error message names the problem (and its line); callers add the file name. */
TpDocument  *tp_load_file             (GFile         *file,
                                       TpFileStamp  **stamp,
                                       GPtrArray    **problems,
                                       GCancellable  *cancellable,
                                       GError       **error);
void         tp_load_file_async       (GFile               *file,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
TpDocument  *tp_load_file_finish      (GAsyncResult  *result,
                                       TpFileStamp  **stamp,
                                       GError       **error);

/* Saves document to file. expected is the stamp of the file as we last knew it (NULL to
 * overwrite whatever is there, e.g. after the user chose to). On success the document
 * is marked saved and bound to file, and new_stamp (optional) describes what was
 * written. The serialization happens on the calling thread; the async variant writes in
 * a worker thread. */
gboolean     tp_save_file             (TpDocument         *document,
                                       GFile              *file,
                                       const TpFileStamp  *expected,
                                       TpFileStamp       **new_stamp,
                                       GCancellable       *cancellable,
                                       GError            **error);
void         tp_save_file_async       (TpDocument          *document,
                                       GFile               *file,
                                       const TpFileStamp   *expected,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean     tp_save_file_finish      (TpDocument    *document,
                                       GAsyncResult  *result,
                                       TpFileStamp  **new_stamp,
                                       GError       **error);

G_END_DECLS
