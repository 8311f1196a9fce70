/* tp-snapshotter.h: keeps a recovery snapshot of one document's unsaved work.
 *
 * RELIABILITY.md, "Recovery": a snapshot is written 3 s after the last change, and at
 * least every 30 s while changes keep coming, so that a crash or a kill loses a few
 * seconds of work at most (P2). The owner also asks for one on focus loss and shutdown
 * (tp_snapshotter_flush()). When the document stops being modified (saved, or undone
 * back to what is on disk) the snapshot is removed; when the user discards the changes,
 * the owner calls tp_snapshotter_discard(). Disposing the snapshotter leaves the
 * snapshot on disk: a window destroyed by a signal or a logout keeps its work.
 *
 * Serializing happens on the main thread (the document lives there); the durable write
 * in a worker. No display needed: the core tests drive it with a main loop.
 */
#pragma once

#include "model/tp-document.h"
#include "tp-file-stamp.h"
#include "tp-recovery-store.h"

G_BEGIN_DECLS

#define TP_SNAPSHOT_DELAY_MS     3000   /* after the last change */
#define TP_SNAPSHOT_MAX_DELAY_MS 30000  /* after the first change not in a snapshot */

#define TP_TYPE_SNAPSHOTTER (tp_snapshotter_get_type ())
G_DECLARE_FINAL_TYPE (TpSnapshotter, tp_snapshotter, TP, SNAPSHOTTER, GObject)

/* id NULL: a new snapshot id. Given an id (a recovered document), the snapshot already
 * on disk is taken to hold the document as it is now. */
TpSnapshotter *tp_snapshotter_new          (TpRecoveryStore   *store,
                                            TpDocument        *document,
                                            const char        *id);

const char    *tp_snapshotter_get_id       (TpSnapshotter     *self);
TpDocument    *tp_snapshotter_get_document (TpSnapshotter     *self);

/* Where the document comes from, recorded in the snapshots: its file and what that file
 * held when last read or written (both may be NULL). */
void           tp_snapshotter_set_origin   (TpSnapshotter     *self,
                                            GFile             *file,
                                            const TpFileStamp *stamp);

/* For tests: other delays than TP_SNAPSHOT_DELAY_MS and TP_SNAPSHOT_MAX_DELAY_MS. */
void           tp_snapshotter_set_delays   (TpSnapshotter     *self,
                                            guint              delay_ms,
                                            guint              max_delay_ms);

/* Writes a snapshot now if the document has changes no snapshot holds yet. With wait
 * set, returns when it is on disk (shutdown, signals); otherwise writes in a worker
 * (focus loss). Returns FALSE when a synchronous write failed: the unsaved work is not
 * on disk, and tp_snapshotter_get_error() says why. */
gboolean       tp_snapshotter_flush        (TpSnapshotter     *self,
                                            gboolean           wait);

/* The user threw the changes away: removes the snapshot and writes no more. */
void           tp_snapshotter_discard      (TpSnapshotter     *self);

/* Why the newest snapshot could not be written, or NULL while the unsaved work is
 * protected (written, saved, discarded or none). Notified as the "error" property. */
const GError  *tp_snapshotter_get_error    (TpSnapshotter     *self);

/* Whether a snapshot of the document's current state is on disk (tests). */
gboolean       tp_snapshotter_is_current   (TpSnapshotter     *self);

G_END_DECLS
