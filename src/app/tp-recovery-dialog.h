/* tp-recovery-dialog.h: the question asked after an unclean exit: which unsaved
 * workshops to recover.
 *
 * Lists the snapshots (title, original file, when) with a check box each, all checked,
 * and answers "recover", "discard" or "later" (the close response). Recover and Discard
 * apply to the checked ones; the others stay for the next start.
 */
#pragma once

#include <adwaita.h>

#include "io/tp-recovery-store.h"

G_BEGIN_DECLS

#define TP_TYPE_RECOVERY_DIALOG (tp_recovery_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TpRecoveryDialog, tp_recovery_dialog, TP, RECOVERY_DIALOG, AdwMessageDialog)

/* snapshots: element type TpSnapshotInfo. crashed: the last run did not end cleanly,
 * which the heading says. */
TpRecoveryDialog *tp_recovery_dialog_new         (GtkWindow *parent,
                                                  GPtrArray *snapshots,
                                                  gboolean   crashed);

/* The snapshots checked (element type TpSnapshotInfo, owned by the dialog); ask while
 * "response" is emitted. */
GPtrArray        *tp_recovery_dialog_get_chosen  (TpRecoveryDialog *self);

G_END_DECLS
