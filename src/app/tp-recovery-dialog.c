/* tp-recovery-dialog.c: which unsaved workshops to recover.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tp-recovery-dialog.h"

struct _TpRecoveryDialog
{
  AdwMessageDialog  parent_instance;

  GPtrArray        *snapshots;  /* TpSnapshotInfo */
  GPtrArray        *checks;     /* GtkCheckButton, one per snapshot */
  GPtrArray        *chosen;
};

G_DEFINE_FINAL_TYPE (TpRecoveryDialog, tp_recovery_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* "~/Documents/shop.touchpoint": where the file is, as the user would write it. */
static char *
dup_file_display (GFile *file)
{
  g_autofree char *name = g_file_get_parse_name (file);
  const char *home = g_get_home_dir ();
  gsize home_len = home != NULL ? strlen (home) : 0;

  if (home_len > 1 && g_str_has_prefix (name, home) && name[home_len] == G_DIR_SEPARATOR)
    return g_strconcat ("~", name + home_len, NULL);

  return g_steal_pointer (&name);
}

static char *
dup_time_display (GDateTime *saved)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (saved);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *clock = g_date_time_format (local, "%H:%M");
  int day = g_date_time_get_day_of_year (local);
  int year = g_date_time_get_year (local);

  if (year == g_date_time_get_year (now) && day == g_date_time_get_day_of_year (now))
    /* Translators: %s is a time, such as 14:03 */
    return g_strdup_printf (_("Today at %s"), clock);
  else
    {
      g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);

      if (year == g_date_time_get_year (yesterday) &&
          day == g_date_time_get_day_of_year (yesterday))
        /* Translators: %s is a time, such as 14:03 */
        return g_strdup_printf (_("Yesterday at %s"), clock);
    }

  /* Translators: a date and time, as in strftime(3): "22 November 2026 at 14:03" */
  return g_date_time_format (local, _("%-d %B %Y at %H:%M"));
}

static void
update_responses (TpRecoveryDialog *self)
{
  gboolean any = FALSE;

  for (guint i = 0; i < self->checks->len; i++)
    any |= gtk_check_button_get_active (g_ptr_array_index (self->checks, i));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "recover", any);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "discard", any);
}

static GtkWidget *
make_row (TpRecoveryDialog     *self,
          const TpSnapshotInfo *info)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *where = NULL;
  g_autofree char *when = dup_time_display (info->saved);
  g_autofree char *subtitle = NULL;

  if (info->file != NULL)
    where = dup_file_display (info->file);
  else
    where = g_strdup (_("Never saved"));

  /* Markup: titles and paths are the user's text. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 info->title != NULL && *info->title != '\0'
                                   ? info->title : _("Untitled Workshop"));
  /* Translators: "~/Documents/shop.touchpoint", a new line, "Changed Today at 14:03" */
  subtitle = g_strdup_printf (_("%s\nChanged %s"), where, when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                  -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (update_responses), self,
                           G_CONNECT_SWAPPED);
  g_ptr_array_add (self->checks, check);

  return row;
}

static void
tp_recovery_dialog_finalize (GObject *object)
{
  TpRecoveryDialog *self = (TpRecoveryDialog *) object;

  g_clear_pointer (&self->chosen, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->snapshots, g_ptr_array_unref);

  G_OBJECT_CLASS (tp_recovery_dialog_parent_class)->finalize (object);
}

static void
tp_recovery_dialog_class_init (TpRecoveryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tp_recovery_dialog_finalize;
}

static void
tp_recovery_dialog_init (TpRecoveryDialog *self)
{
  self->checks = g_ptr_array_new ();
  self->chosen = g_ptr_array_new ();
}

TpRecoveryDialog *
tp_recovery_dialog_new (GtkWindow *parent,
                        GPtrArray *snapshots,
                        gboolean   crashed)
{
  const char *heading = crashed ? _("Touchpoint Closed Unexpectedly")
                                : _("Recover Unsaved Workshops?");
  TpRecoveryDialog *self;
  GtkWidget *list;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (snapshots != NULL && snapshots->len > 0, NULL);

  /* The title is not shown, but names the window for assistive technologies and
   * window lists. */
  self = g_object_new (TP_TYPE_RECOVERY_DIALOG,
                       "title", heading,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", FALSE,
                       "heading", heading,
                       "body", g_dngettext (GETTEXT_PACKAGE,
                                            "This workshop has changes that were not saved. "
                                            "Recover it to continue where you left off.",
                                            "These workshops have changes that were not saved. "
                                            "Recover them to continue where you left off.",
                                            snapshots->len),
                       NULL);

  self->snapshots = g_ptr_array_ref (snapshots);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < snapshots->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), make_row (self, g_ptr_array_index (snapshots, i)));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), list);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "later", _("Decide _Later"),
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "recover",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "recover");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "later");

  return self;
}

GPtrArray *
tp_recovery_dialog_get_chosen (TpRecoveryDialog *self)
{
  g_return_val_if_fail (TP_IS_RECOVERY_DIALOG (self), NULL);

  /* Read from the check boxes when asked, which is while "response" is emitted: the
   * dialog closes itself right after. */
  g_ptr_array_set_size (self->chosen, 0);
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_ptr_array_add (self->chosen, g_ptr_array_index (self->snapshots, i));

  return self->chosen;
}
