/* tp-window.h: a window showing one document, or the welcome page.
 *
 * A window shows the welcome page (no document yet), one document, or the page saying
 * why a file could not be opened. It keeps the document, the file it belongs to and
 * what that file looked like when we last read or wrote it, so that a save can tell
 * whether someone else changed it meanwhile.
 */
#pragma once

#include <adwaita.h>

#include "io/tp-recovery-store.h"
#include "model/tp-document.h"

#include "tp-timebox.h"

G_BEGIN_DECLS

#define TP_TYPE_WINDOW (tp_window_get_type ())
G_DECLARE_FINAL_TYPE (TpWindow, tp_window, TP, WINDOW, AdwApplicationWindow)

TpWindow   *tp_window_new                (GtkApplication       *application);

/* Loads file into a window that has no document yet; the window shows the document, or
 * the error page (and then has no document, so nothing can overwrite the damaged file). */
void        tp_window_open_file          (TpWindow             *self,
                                          GFile                *file);
/* Shows a new workshop with the default stages in a window that has no document yet. */
void        tp_window_new_workshop       (TpWindow             *self);

/* Shows a document recovered from snapshot info (tp_recovery_store_load()) in a window
 * that has no document yet: modified, bound to its file if it has one, and continuing
 * the same snapshot. */
void        tp_window_open_recovered     (TpWindow             *self,
                                          TpDocument           *document,
                                          const TpSnapshotInfo *info);
/* Writes a snapshot of unsaved work now: with wait, before returning (a signal, the
 * session ending); otherwise in the background (focus loss). FALSE, with error set,
 * when a write waited for failed: the unsaved work is not on disk. */
gboolean    tp_window_flush_snapshot     (TpWindow             *self,
                                          gboolean              wait,
                                          GError              **error);

TpDocument *tp_window_get_document       (TpWindow             *self);
/* The file the window's document belongs to, or the one being loaded. */
GFile      *tp_window_get_file           (TpWindow             *self);
gboolean    tp_window_get_loading        (TpWindow             *self);
/* TRUE when the window shows the welcome or error page and is not busy: a document
 * the user opens or creates may take it over instead of opening a new window. */
gboolean    tp_window_is_reusable        (TpWindow             *self);

/* Asks the user what to do with unsaved changes (Cancel / Discard / Save), waiting for a
 * save in progress first. Finishes with TRUE when the window may close: nothing was
 * unsaved, the user discarded it, or saving succeeded. Does not close the window. */
void        tp_window_query_close_async  (TpWindow             *self,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
gboolean    tp_window_query_close_finish (TpWindow             *self,
                                          GAsyncResult         *result);

/* The window's timer for an exercise: what the header's timer button shows, and what a
 * presentation of the window's document shows large. Watch it; start or stop it through
 * the window's win.timer-* actions (win.timer-start takes seconds, "u"). */
TpTimebox  *tp_window_get_timebox        (TpWindow             *self);

G_END_DECLS
