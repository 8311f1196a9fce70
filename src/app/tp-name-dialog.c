/* tp-name-dialog.c: a message dialog that asks for a name (see the header). */
#include "config.h"

#include "tp-name-dialog.h"

#include <glib/gi18n.h>

AdwMessageDialog *
tp_name_dialog_new (GtkWindow  *parent,
                    const char *heading,
                    const char *body,
                    const char *entry_label,
                    const char *name,
                    const char *accept_label,
                    GtkWidget  *extra)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), name);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, entry_label, -1);
  gtk_box_append (GTK_BOX (box), entry);
  if (extra != NULL)
    gtk_box_append (GTK_BOX (box), extra);
  adw_message_dialog_set_extra_child (dialog, box);

  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "accept", accept_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "accept", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "accept");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "tp-name-entry", entry);
  gtk_window_set_focus (GTK_WINDOW (dialog), entry);

  return dialog;
}

char *
tp_name_dialog_dup_name (AdwMessageDialog *dialog)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "tp-name-entry");

  g_return_val_if_fail (GTK_IS_EDITABLE (entry), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (entry)));
}
