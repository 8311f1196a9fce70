/* tp-recovery-store.h: recovery snapshots of unsaved documents (RELIABILITY.md, P2).
 *
 * A snapshot is one file, <dir>/<id>.snapshot, a GKeyFile written with the same durable
 * writer as saves (tp_atomic_file_write(): temporary file, fsync, rename), so it is
 * always a whole snapshot or the previous one:
 *
 *   [Snapshot]
 *   Version=1
 *   Title=Online Electronics Shop       the document's display name when written
 *   Saved=2026-11-22T14:03:11+01:00     when it was written (ISO 8601)
 *   File=file:///home/…/shop.touchpoint the original file, absent for a new document
 *   FileSize=12345                      the original as last read or written, absent
 *   FileSha256=…                          when there is no file
 *   Owner=4242                          the writing process, and the boot it ran in, so
 *   Boot=…                                that a running instance keeps its snapshots
 *                                         (empty when the boot id cannot be read)
 *   Document=<base64 of the document's XML>
 *
 * A session file, <dir>/session, says whether the last run ended cleanly.
 *
 * Nothing here needs a display: the app, save-tool and the tests share it. Writing,
 * removing and listing only touch files, so they may run in a worker thread.
 */
#pragma once

#include "model/tp-document.h"
#include "tp-file-stamp.h"

G_BEGIN_DECLS

#define TP_RECOVERY_ERROR (tp_recovery_error_quark ())

typedef enum {
  TP_RECOVERY_ERROR_DAMAGED, /* the snapshot file cannot be read as one */
} TpRecoveryError;

GQuark tp_recovery_error_quark (void);

/* What the list says about one snapshot, without loading its document. */
typedef struct
{
  char        *id;
  char        *title;
  GDateTime   *saved;
  GFile       *file;    /* NULL: the document was never saved */
  TpFileStamp *stamp;   /* the original as last read or written; NULL without file */
} TpSnapshotInfo;

TpSnapshotInfo *tp_snapshot_info_copy (const TpSnapshotInfo *info);
void            tp_snapshot_info_free (TpSnapshotInfo       *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpSnapshotInfo, tp_snapshot_info_free)

typedef struct _TpRecoveryStore TpRecoveryStore;

/* g_get_user_state_dir()/io.github.touchpoint.Touchpoint/recovery */
char            *tp_recovery_store_dup_default_dir (void);

/* dir NULL: the default. The folder is created (mode 0700) when first written to; one
 * that exists with looser permissions is tightened to 0700, since it holds private
 * workshop content. */
TpRecoveryStore *tp_recovery_store_new    (const char      *dir);
TpRecoveryStore *tp_recovery_store_ref    (TpRecoveryStore *self);
void             tp_recovery_store_unref  (TpRecoveryStore *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpRecoveryStore, tp_recovery_store_unref)

const char      *tp_recovery_store_get_dir (TpRecoveryStore *self);

/* A new, unique snapshot id (a random UUID). */
char            *tp_recovery_store_make_id (TpRecoveryStore *self);

/* Writes (or replaces) snapshot id durably, mode 0600. document_bytes are the document
 * serialized by tp_write_bytes(); title, file and stamp describe it (file and stamp may
 * be NULL). Thread-safe. */
gboolean         tp_recovery_store_write   (TpRecoveryStore    *self,
                                            const char         *id,
                                            GBytes             *document_bytes,
                                            const char         *title,
                                            GFile              *file,
                                            const TpFileStamp  *stamp,
                                            GCancellable       *cancellable,
                                            GError            **error);
/* The same for a document, serialized on the calling thread. */
gboolean         tp_recovery_store_write_document (TpRecoveryStore    *self,
                                                   const char         *id,
                                                   TpDocument         *document,
                                                   GFile              *file,
                                                   const TpFileStamp  *stamp,
                                                   GError            **error);

/* Removes snapshot id; no error when there is none. */
gboolean         tp_recovery_store_remove  (TpRecoveryStore  *self,
                                            const char       *id,
                                            GError          **error);

/* The snapshots to offer, newest first (ties by id): those whose writer is not a running
 * instance of this program (a live owner is another window's, still being edited). Each
 * offered snapshot's document has been through the hardened loader, so what is offered
 * opens. A damaged snapshot file (garbled, too large, or a document that does not load)
 * is renamed to <id>.damaged (kept for a human, never offered again) and left out;
 * names taken by anything but a regular file (folders, FIFOs, symbolic links) are left
 * alone. Never NULL; element type TpSnapshotInfo. */
GPtrArray       *tp_recovery_store_list    (TpRecoveryStore  *self);

/* Loads snapshot info through the hardened loader (tp_load_bytes()). The document comes
 * back modified (it holds unsaved work) and stays so until saved. It is bound to
 * info->file when that file still holds what info->stamp describes; otherwise (changed,
 * gone, unreadable, no stamp recorded, or never saved) it has no file, and
 * *file_changed (optional) says whether there was a file it could not be bound to.
 * A damaged snapshot gives TP_RECOVERY_ERROR_DAMAGED and is set aside as in _list(). */
TpDocument      *tp_recovery_store_load    (TpRecoveryStore       *self,
                                            const TpSnapshotInfo  *info,
                                            gboolean              *file_changed,
                                            GError               **error);

/* Marks a session as running in the session file; *last_clean (optional) says whether
 * the previous session ended with tp_recovery_store_end_session() (TRUE when there was
 * none). */
void             tp_recovery_store_begin_session (TpRecoveryStore *self,
                                                  gboolean        *last_clean);
/* Marks the session as ended cleanly. */
void             tp_recovery_store_end_session   (TpRecoveryStore *self);

G_END_DECLS
