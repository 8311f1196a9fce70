/* tp-application.h: the Touchpoint application: windows, app actions, the quit prompt. */
#pragma once

#include <adwaita.h>

#include "io/tp-recovery-store.h"

G_BEGIN_DECLS

#define TP_TYPE_APPLICATION (tp_application_get_type ())
G_DECLARE_FINAL_TYPE (TpApplication, tp_application, TP, APPLICATION, AdwApplication)

TpApplication *tp_application_new       (void);

/* Shows file: presents the window that has it open already, or loads it into the
 * active window if that shows the welcome page, or into a new window. */
void           tp_application_open_file (TpApplication *self,
                                         GFile         *file);

/* Where the windows keep recovery snapshots; NULL before startup. */
TpRecoveryStore *tp_application_get_recovery_store (TpApplication *self);

/* A window's document became modified or unmodified: logging out is held back while
 * anything is unsaved. */
void           tp_application_update_inhibit (TpApplication *self);

/* Whether, as the application ended without asking (a signal, the session ending),
 * some unsaved work could not be written to a recovery snapshot; stderr said which. */
gboolean       tp_application_lost_work (TpApplication *self);

G_END_DECLS
