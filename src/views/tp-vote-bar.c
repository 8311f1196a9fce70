/* tp-vote-bar.c: the bar of a dot-voting round: scope, dots left, the live ranking.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tp-vote-bar.h"

/* As many as a glance takes in. */
#define RANKING_SHOWN  5
#define RANKING_NAME_MAX  24  /* characters of an item's text in the ranking */

struct _TpVoteBar
{
  GtkWidget    parent_instance;

  GtkWidget   *box;
  GtkLabel    *status_label;
  GtkLabel    *ranking_label;

  TpVoteRound *round;
  gulong       changed_id;
};

G_DEFINE_FINAL_TYPE (TpVoteBar, tp_vote_bar, GTK_TYPE_WIDGET)

static char *
item_name (TpDocument *document,
           const char *id)
{
  TpItem *item = tp_document_lookup (document, id);
  const char *text = "";

  if (item != NULL && item->kind == TP_ITEM_NOTE)
    text = ((TpNote *) item)->text;
  else if (item != NULL && item->kind == TP_ITEM_TOUCHPOINT)
    text = ((TpTouchpoint *) item)->name;

  /* A note's first words, cut at a space and marked as cut: the bar is one line high and
   * shows five of them. */
  if (g_utf8_strlen (text, -1) > RANKING_NAME_MAX)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, RANKING_NAME_MAX);
      char *space = strrchr (cut, ' ');

      if (space != NULL && space - cut > RANKING_NAME_MAX / 2)
        *space = '\0';
      return g_strconcat (cut, "…", NULL);
    }
  return g_strdup (text);
}

static void
update (TpVoteBar *self)
{
  TpDocument *document;
  g_autofree char *scope = NULL;
  g_autofree char *status = NULL;
  g_autoptr(GArray) ranking = NULL;
  g_autoptr(GString) ranks = g_string_new (NULL);
  guint remaining, budget;

  if (self->round == NULL)
    {
      gtk_label_set_label (self->status_label, "");
      gtk_label_set_label (self->ranking_label, "");
      return;
    }

  document = tp_vote_round_get_document (self->round);
  scope = tp_vote_scope_dup_label (tp_vote_round_get_scope (self->round), document);
  remaining = tp_vote_round_get_remaining (self->round);
  budget = tp_vote_round_get_budget (self->round);
  /* Translators: the dot-voting bar: the scope, then how many of the round's dots are
   * left, e.g. "Dot voting · Key Partners · 17 of 24 dots left". */
  status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Dot voting · %s · %u of %u dot left",
                                         "Dot voting · %s · %u of %u dots left", budget),
                            scope, remaining, budget);
  gtk_label_set_label (self->status_label, status);

  ranking = tp_vote_round_get_ranking (self->round, RANKING_SHOWN);
  for (guint i = 0; i < ranking->len; i++)
    {
      const TpVoteRank *rank = &g_array_index (ranking, TpVoteRank, i);
      g_autofree char *name = item_name (document, rank->id);

      if (i > 0)
        g_string_append (ranks, "   ");
      /* Translators: one entry of the live ranking: place, name, votes
       * ("1. Courier · 4"). */
      g_string_append_printf (ranks, _("%u. %s · %u"), i + 1, name, rank->votes);
    }
  if (ranking->len == 0)
    g_string_append (ranks, _("Click a note or touchpoint to give it a dot; Shift+click takes one back"));
  gtk_label_set_label (self->ranking_label, ranks->str);
}

void
tp_vote_bar_set_round (TpVoteBar   *self,
                       TpVoteRound *round)
{
  g_return_if_fail (TP_IS_VOTE_BAR (self));
  g_return_if_fail (round == NULL || TP_IS_VOTE_ROUND (round));

  if (self->round != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->round);
      g_clear_object (&self->round);
    }
  if (round != NULL)
    {
      self->round = g_object_ref (round);
      self->changed_id = g_signal_connect_swapped (round, "changed", G_CALLBACK (update), self);
    }
  update (self);
}

const char *
tp_vote_bar_get_status (TpVoteBar *self)
{
  g_return_val_if_fail (TP_IS_VOTE_BAR (self), NULL);

  return gtk_label_get_label (self->status_label);
}

const char *
tp_vote_bar_get_ranking (TpVoteBar *self)
{
  g_return_val_if_fail (TP_IS_VOTE_BAR (self), NULL);

  return gtk_label_get_label (self->ranking_label);
}

GtkWidget *
tp_vote_bar_new (void)
{
  return g_object_new (TP_TYPE_VOTE_BAR, NULL);
}

static void
tp_vote_bar_dispose (GObject *object)
{
  TpVoteBar *self = TP_VOTE_BAR (object);

  tp_vote_bar_set_round (self, NULL);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (tp_vote_bar_parent_class)->dispose (object);
}

static void
tp_vote_bar_class_init (TpVoteBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_vote_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/tp-vote-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, TpVoteBar, box);
  gtk_widget_class_bind_template_child (widget_class, TpVoteBar, status_label);
  gtk_widget_class_bind_template_child (widget_class, TpVoteBar, ranking_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
tp_vote_bar_init (TpVoteBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
