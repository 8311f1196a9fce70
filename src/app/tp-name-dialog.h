/* tp-name-dialog.h: a message dialog that asks for a name (Save as Template, renaming a
 * template): an entry that Enter accepts, Cancel, and one suggested response, "accept". */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The entry holds name, selected and focused; entry_label names it for screen readers;
 * extra (optional) goes below the entry. Connect to ::response and read the name there. */
AdwMessageDialog *tp_name_dialog_new      (GtkWindow  *parent,
                                           const char *heading,
                                           const char *body,
                                           const char *entry_label,
                                           const char *name,
                                           const char *accept_label,
                                           GtkWidget  *extra);
/* The name typed, without surrounding white space (newly allocated). */
char             *tp_name_dialog_dup_name (AdwMessageDialog *dialog);

G_END_DECLS
