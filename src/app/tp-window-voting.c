/* tp-window-voting.c: dot voting in a window: starting a round (the main menu, the
 * board's context menus), its bar, ending or cancelling it, resetting votes.
 *
 * The round itself (budget, scope, the one undo step) is the core's TpVoteRound; the
 * board turns clicks and keys into dots; this file holds them together for the length of
 * a round, which is session state and never saved apart from the votes it leaves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "model/tp-enums.h"
#include "tp-window-private.h"

#define DEFAULT_PARTICIPANTS  8
#define DEFAULT_DOTS_EACH     3

static void
update_voting_actions (TpWindow *self)
{
  gboolean running = self->vote_round != NULL;
  gboolean has_document = self->document != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.start-voting", has_document && !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reset-votes", has_document && !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.end-voting", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-voting", running);
}

static void
on_round_changed (TpWindow *self)
{
  if (self->vote_round == NULL || tp_vote_round_is_running (self->vote_round))
    return;

  /* Ended or cancelled (from the bar, the keyboard or a test): the round is over. */
  gtk_revealer_set_reveal_child (self->vote_revealer, FALSE);
  tp_vote_bar_set_round (self->vote_bar, NULL);
  g_clear_signal_handler (&self->vote_changed_id, self->vote_round);
  g_clear_object (&self->vote_round);
  update_voting_actions (self);
}

void
_tp_window_start_voting (TpWindow          *self,
                         const TpVoteScope *scope,
                         guint              participants,
                         guint              dots_each)
{
  g_return_if_fail (TP_IS_WINDOW (self));
  g_return_if_fail (scope != NULL);

  if (self->document == NULL || self->vote_round != NULL)
    return;

  tp_board_commit_editing (self->board);
  self->vote_participants = participants;
  self->vote_dots_each = dots_each;
  self->vote_round = tp_vote_round_new (self->document, scope, participants, dots_each);
  self->vote_changed_id = g_signal_connect_swapped (self->vote_round, "changed",
                                                    G_CALLBACK (on_round_changed), self);
  tp_board_set_vote_round (self->board, self->vote_round);
  tp_vote_bar_set_round (self->vote_bar, self->vote_round);
  gtk_revealer_set_reveal_child (self->vote_revealer, TRUE);
  /* Voting happens on the board. */
  _tp_window_set_view (self, "board");
  gtk_widget_grab_focus (GTK_WIDGET (self->board));
  update_voting_actions (self);
}

TpVoteRound *
_tp_window_get_vote_round (TpWindow *self)
{
  g_return_val_if_fail (TP_IS_WINDOW (self), NULL);

  return self->vote_round;
}

/* The dialog */

typedef struct
{
  TpWindow      *window;
  GtkDropDown   *scope;
  GtkSpinButton *participants;
  GtkSpinButton *dots_each;
  GtkLabel      *budget;
  GStrv          scopes;  /* the drop-down's scopes as strings, in its order */
} StartDialog;

static void
start_dialog_free (StartDialog *data)
{
  g_clear_object (&data->window);
  g_strfreev (data->scopes);
  g_free (data);
}

static void
update_budget (StartDialog *data)
{
  guint participants = (guint) gtk_spin_button_get_value_as_int (data->participants);
  guint dots = (guint) gtk_spin_button_get_value_as_int (data->dots_each);
  g_autofree char *text = NULL;

  /* Translators: under the voting dialog's numbers: the round's budget. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dot in all", "%u dots in all",
                                       participants * dots),
                          participants * dots);
  gtk_label_set_label (data->budget, text);
}

static void
start_on_enter (AdwMessageDialog *dialog)
{
  /* As a click on the button does: respond, then close. */
  adw_message_dialog_response (dialog, "start");
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
on_start_response (AdwMessageDialog *dialog,
                   const char       *response,
                   StartDialog      *data)
{
  TpVoteScope scope;
  guint selected;

  if (!g_str_equal (response, "start"))
    return;

  selected = gtk_drop_down_get_selected (data->scope);
  if (selected >= g_strv_length (data->scopes) || !tp_vote_scope_parse (&scope, data->scopes[selected]))
    return;
  _tp_window_start_voting (data->window, &scope,
                           (guint) gtk_spin_button_get_value_as_int (data->participants),
                           (guint) gtk_spin_button_get_value_as_int (data->dots_each));
  tp_vote_scope_clear (&scope);
}

static void
add_scope (GtkStringList *labels,
           GPtrArray     *scopes,
           TpDocument    *document,
           const TpVoteScope *scope)
{
  g_autofree char *label = tp_vote_scope_dup_label (scope, document);

  gtk_string_list_append (labels, label);
  g_ptr_array_add (scopes, tp_vote_scope_to_string (scope));
}

static GtkWidget *
number_row (GtkGrid    *grid,
            int         row,
            const char *title,
            double      value,
            double      max)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (title);
  GtkWidget *spin = gtk_spin_button_new_with_range (1, max, 1);

  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, spin, 1, row, 1, 1);

  return spin;
}

/* Asks for the scope, the participants and the dots each; preset is the scope to offer
 * first (a block's or stage's, from its context menu), or NULL for the whole board. */
static void
show_start_dialog (TpWindow   *self,
                   const char *preset)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) scopes = g_ptr_array_new ();
  GPtrArray *stages = tp_document_get_stages (self->document);
  StartDialog *data = g_new0 (StartDialog, 1);
  GtkWidget *dialog, *grid, *scope_label;
  guint selected = 0;

  for (TpVoteScopeKind kind = TP_VOTE_SCOPE_BOARD; kind <= TP_VOTE_SCOPE_JOURNEY; kind++)
    {
      TpVoteScope scope = { kind, 0, NULL };

      add_scope (labels, scopes, self->document, &scope);
    }
  for (TpContainer c = 0; c < TP_N_CONTAINERS; c++)
    {
      TpVoteScope scope = { TP_VOTE_SCOPE_CONTAINER, c, NULL };

      add_scope (labels, scopes, self->document, &scope);
    }
  for (guint i = 0; i < stages->len; i++)
    {
      TpVoteScope scope = { TP_VOTE_SCOPE_STAGE, 0, ((TpStage *) g_ptr_array_index (stages, i))->item.id };

      add_scope (labels, scopes, self->document, &scope);
    }
  g_ptr_array_add (scopes, NULL);
  data->scopes = (GStrv) g_ptr_array_steal (scopes, NULL);
  for (guint i = 0; preset != NULL && data->scopes[i] != NULL; i++)
    if (g_str_equal (data->scopes[i], preset))
      selected = i;

  data->window = g_object_ref (self);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Start Dot Voting"),
                                   _("Each participant places their dots on the notes and touchpoints "
                                     "that matter most. Click an item to give it a dot; Shift+click or a "
                                     "right click takes one back; with an item selected, + and − do the same."));
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_halign (grid, GTK_ALIGN_CENTER);

  scope_label = gtk_label_new_with_mnemonic (_("_Vote on"));
  gtk_widget_set_halign (scope_label, GTK_ALIGN_START);
  data->scope = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL));
  gtk_drop_down_set_selected (data->scope, selected);
  gtk_label_set_mnemonic_widget (GTK_LABEL (scope_label), GTK_WIDGET (data->scope));
  gtk_grid_attach (GTK_GRID (grid), scope_label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (data->scope), 1, 0, 1, 1);
  data->participants = GTK_SPIN_BUTTON (number_row (GTK_GRID (grid), 1, _("_Participants"),
                                                    self->vote_participants, TP_VOTE_PARTICIPANTS_MAX));
  data->dots_each = GTK_SPIN_BUTTON (number_row (GTK_GRID (grid), 2, _("_Dots each"),
                                                 self->vote_dots_each, TP_VOTE_DOTS_EACH_MAX));
  data->budget = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (data->budget), "dim-label");
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (data->budget), 1, 3, 1, 1);
  g_signal_connect_swapped (data->participants, "value-changed", G_CALLBACK (update_budget), data);
  g_signal_connect_swapped (data->dots_each, "value-changed", G_CALLBACK (update_budget), data);
  update_budget (data);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "start", _("_Start Voting"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "start",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "start");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_start_response), data,
                         (GClosureNotify) start_dialog_free, 0);
  /* Enter in a number starts the round, as the default response would: GTK 4.8's spin
   * button cannot activate the default itself (its text can be activated). The keyboard starts on the participants,
   * not on the scope's drop-down, where Enter would open its list instead. */
  g_signal_connect_swapped (gtk_editable_get_delegate (GTK_EDITABLE (data->participants)),
                            "activate", G_CALLBACK (start_on_enter), dialog);
  g_signal_connect_swapped (gtk_editable_get_delegate (GTK_EDITABLE (data->dots_each)),
                            "activate", G_CALLBACK (start_on_enter), dialog);
  gtk_window_set_focus (GTK_WINDOW (dialog), GTK_WIDGET (data->participants));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions */

static void
voting_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);
  const char *target = parameter != NULL ? g_variant_get_string (parameter, NULL) : "";

  if (g_str_equal (action_name, "win.start-voting"))
    show_start_dialog (self, target[0] != '\0' ? target : NULL);
  else if (g_str_equal (action_name, "win.end-voting") && self->vote_round != NULL)
    {
      /* Held: ending it lets go of the window's reference. */
      g_autoptr(TpVoteRound) round = g_object_ref (self->vote_round);

      tp_vote_round_end (round);
    }
  else if (g_str_equal (action_name, "win.cancel-voting") && self->vote_round != NULL)
    {
      g_autoptr(TpVoteRound) round = g_object_ref (self->vote_round);

      tp_vote_round_cancel (round);
    }
  else if (g_str_equal (action_name, "win.reset-votes") && self->document != NULL)
    {
      TpVoteScope scope;

      if (!tp_vote_scope_parse (&scope, target[0] != '\0' ? target : "board"))
        return;
      if (!tp_vote_scope_reset (&scope, self->document))
        gtk_widget_error_bell (widget);
      tp_vote_scope_clear (&scope);
    }
}

void
_tp_window_class_voting_init (TpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (TP_TYPE_VOTE_BAR);
  gtk_widget_class_install_action (widget_class, "win.start-voting", "s", voting_action);
  gtk_widget_class_install_action (widget_class, "win.end-voting", NULL, voting_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-voting", NULL, voting_action);
  gtk_widget_class_install_action (widget_class, "win.reset-votes", "s", voting_action);
}

void
_tp_window_voting_init (TpWindow *self)
{
  GtkWidget *box = adw_toast_overlay_get_child (self->toast_overlay);
  GtkWidget *header = gtk_widget_get_first_child (box);

  self->vote_participants = DEFAULT_PARTICIPANTS;
  self->vote_dots_each = DEFAULT_DOTS_EACH;
  self->vote_bar = TP_VOTE_BAR (tp_vote_bar_new ());
  self->vote_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->vote_revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_revealer_set_child (self->vote_revealer, GTK_WIDGET (self->vote_bar));
  /* Under the header bar, above the banners: the round is what the room looks at. */
  gtk_box_insert_child_after (GTK_BOX (box), GTK_WIDGET (self->vote_revealer), header);
  update_voting_actions (self);
}

/* A document going away takes its round with it, with no trace in the history. */
void
_tp_window_voting_document_changed (TpWindow *self)
{
  if (self->vote_round != NULL)
    {
      g_autoptr(TpVoteRound) round = g_object_ref (self->vote_round);

      tp_vote_round_cancel (round);
    }
  update_voting_actions (self);
}
