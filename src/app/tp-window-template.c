/* tp-window-template.c: Save as Template (issue 18).
 *
 * Asks for the template's name and whether to keep the workshop's notes and findings or
 * only its structure, then stores a copy in the user's template folder through the
 * catalogue (atomic, self-checked, like any save). The window's document is not touched:
 * it stays bound to its own file, with its own modified state.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "io/tp-template-catalogue.h"
#include "model/tp-meta.h"
#include "tp-name-dialog.h"
#include "tp-window-private.h"

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             gpointer          user_data)
{
  TpWindow *self = TP_WINDOW (user_data);
  GtkCheckButton *keep = g_object_get_data (G_OBJECT (dialog), "keep");
  g_autofree char *title = tp_name_dialog_dup_name (dialog);
  g_autofree char *user_dir = tp_template_dup_user_dir ();
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_str_equal (response, "accept") || self->document == NULL)
    return;
  if (title[0] == '\0')
    {
      g_free (title);
      title = g_strdup (_("My Template"));
    }

  path = tp_template_save (self->document, user_dir, title,
                           gtk_check_button_get_active (keep), &error);
  if (path == NULL)
    {
      AdwToast *toast;

      message = g_strdup_printf (_("Could not save the template: %s"), error->message);
      toast = adw_toast_new (message);
      adw_toast_set_timeout (toast, 0);
      _tp_window_add_toast (self, toast);
      return;
    }

  message = g_strdup_printf (_("Saved “%s” to your templates — find it under New Workshop"), title);
  _tp_window_add_toast (self, adw_toast_new (message));
}

void
_tp_window_save_as_template_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);
  GtkWidget *dialog, *keep;
  g_autofree char *name = NULL;

  if (self->document == NULL)
    return;
  _tp_window_commit_pending_edit (self);

  name = tp_document_dup_display_name (self->document);
  if (g_str_has_suffix (name, ".touchpoint"))
    name[strlen (name) - strlen (".touchpoint")] = '\0';
  keep = gtk_check_button_new_with_mnemonic (_("_Keep notes and findings"));
  gtk_widget_set_tooltip_text (keep, _("Otherwise only the structure is kept: personas, "
                                       "stages and their jobs, touchpoints, moments of "
                                       "truth, needs and KPI definitions"));
  dialog = GTK_WIDGET (tp_name_dialog_new (GTK_WINDOW (self), _("Save as Template"),
                                           _("The template appears under New Workshop, for "
                                             "this and later workshops."),
                                           _("Template name"), name, _("_Save"), keep));
  g_object_set_data (G_OBJECT (dialog), "keep", keep);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
