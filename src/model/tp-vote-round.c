/* tp-vote-round.c: a dot-voting round, its budget and its one undo step */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tp-document-private.h"
#include "tp-vote-round.h"

struct _TpVoteRound
{
  GObject      parent_instance;

  TpDocument  *document;
  TpVoteScope  scope;
  guint        budget;
  guint        spent;
  GHashTable  *dots;        /* id → this round's dots (GUINT_TO_POINTER) */
  GHashTable  *base;        /* id → the item's votes before its first dot */
  GPtrArray   *order;       /* ids in the order they first got a dot, for a stable apply */
  gboolean     running;
  gboolean     has_step;    /* the provisional step is in the history … */
  guint64      step_state;  /* … and this was the history's state right after it */
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TpVoteRound, tp_vote_round, G_TYPE_OBJECT)

static void
tp_vote_round_finalize (GObject *object)
{
  TpVoteRound *self = TP_VOTE_ROUND (object);

  g_clear_object (&self->document);
  tp_vote_scope_clear (&self->scope);
  g_clear_pointer (&self->dots, g_hash_table_unref);
  g_clear_pointer (&self->base, g_hash_table_unref);
  g_clear_pointer (&self->order, g_ptr_array_unref);

  G_OBJECT_CLASS (tp_vote_round_parent_class)->finalize (object);
}

static void
tp_vote_round_class_init (TpVoteRoundClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tp_vote_round_finalize;

  /**
   * TpVoteRound::changed:
   *
   * A dot was given or taken back, or the round ended or was cancelled.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tp_vote_round_init (TpVoteRound *self)
{
  self->dots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->base = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->order = g_ptr_array_new_with_free_func (g_free);
}

TpVoteRound *
tp_vote_round_new (TpDocument        *document,
                   const TpVoteScope *scope,
                   guint              participants,
                   guint              dots_each)
{
  TpVoteRound *self;

  g_return_val_if_fail (TP_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (scope != NULL, NULL);

  self = g_object_new (TP_TYPE_VOTE_ROUND, NULL);
  self->document = g_object_ref (document);
  tp_vote_scope_copy (&self->scope, scope);
  self->budget = CLAMP (participants, 1, TP_VOTE_PARTICIPANTS_MAX) *
                 CLAMP (dots_each, 1, TP_VOTE_DOTS_EACH_MAX);
  self->running = TRUE;

  return self;
}

TpDocument *
tp_vote_round_get_document (TpVoteRound *self)
{
  g_return_val_if_fail (TP_IS_VOTE_ROUND (self), NULL);

  return self->document;
}

const TpVoteScope *
tp_vote_round_get_scope (TpVoteRound *self)
{
  g_return_val_if_fail (TP_IS_VOTE_ROUND (self), NULL);

  return &self->scope;
}

gboolean
tp_vote_round_is_running (TpVoteRound *self)
{
  g_return_val_if_fail (TP_IS_VOTE_ROUND (self), FALSE);

  return self->running;
}

guint
tp_vote_round_get_budget (TpVoteRound *self)
{
  g_return_val_if_fail (TP_IS_VOTE_ROUND (self), 0);

  return self->budget;
}

guint
tp_vote_round_get_remaining (TpVoteRound *self)
{
  g_return_val_if_fail (TP_IS_VOTE_ROUND (self), 0);

  return self->budget - self->spent;
}

guint
tp_vote_round_get_dots (TpVoteRound *self,
                        const char  *id)
{
  g_return_val_if_fail (TP_IS_VOTE_ROUND (self), 0);

  return id != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (self->dots, id)) : 0;
}

gboolean
tp_vote_round_in_scope (TpVoteRound *self,
                        const char  *id)
{
  g_return_val_if_fail (TP_IS_VOTE_ROUND (self), FALSE);

  return tp_vote_scope_contains (&self->scope, self->document, id);
}

/* Whether the round's provisional step is still the last one on the history: an edit
 * made beside the round, or an undo, puts it out of reach, and then the round must not
 * discard what is on top. */
static gboolean
step_on_top (TpVoteRound *self)
{
  return self->has_step && tp_document_can_undo (self->document) &&
         tp_document_get_state (self->document) == self->step_state;
}

/* Writes the items' votes as base + dots (or just base when restoring) as one step. */
static void
write_votes (TpVoteRound *self,
             gboolean     with_dots,
             const char  *label)
{
  gboolean any = FALSE;

  tp_document_begin_group (self->document, label);
  for (guint i = 0; i < self->order->len; i++)
    {
      const char *id = g_ptr_array_index (self->order, i);
      guint base = GPOINTER_TO_UINT (g_hash_table_lookup (self->base, id));
      guint dots = with_dots ? tp_vote_round_get_dots (self, id) : 0;
      TpItem *item = tp_document_lookup (self->document, id);
      TpItem *copy;

      /* Deleted since (by an edit beside the round): nothing to write. */
      if (item == NULL || tp_vote_get_votes (item) == MIN (base + dots, TP_COUNT_MAX))
        continue;
      copy = tp_document_edit_begin (self->document, id);
      tp_vote_set_votes (copy, base + dots);
      tp_document_edit_commit (self->document, copy, label, FALSE);
      any = TRUE;
    }
  tp_document_end_group (self->document);

  self->has_step = any;
  self->step_state = tp_document_get_state (self->document);
}

/* Lifts a provisional step that edits made beside the round have buried: the step is
 * forgotten by the history without being reverted, and the items' votes are set back to
 * their counts before the round outside the history, so that the step written next on
 * top goes from those counts and holds the whole round. The edits above it keep their
 * meaning: an edit that did not change votes leaves them alone when undone or redone
 * (tp-edit-command.c). */
static void
lift_buried_step (TpVoteRound *self)
{
  if (!self->has_step || !_tp_document_forget_step (self->document, self->step_state))
    return;

  for (guint i = 0; i < self->order->len; i++)
    {
      const char *id = g_ptr_array_index (self->order, i);
      TpItem *item = tp_document_lookup (self->document, id);
      g_autoptr(TpItem) copy = NULL;

      if (item == NULL)
        continue;
      copy = tp_item_copy (item);
      tp_vote_set_votes (copy, GPOINTER_TO_UINT (g_hash_table_lookup (self->base, id)));
      _tp_document_assign_item (self->document, copy);
    }
  self->has_step = FALSE;
}

/* Replaces the provisional step with one holding the current dots, on top. */
static void
update_step (TpVoteRound *self)
{
  if (step_on_top (self))
    tp_document_undo_discard (self->document);
  else
    lift_buried_step (self);
  write_votes (self, TRUE, _("Dot Voting"));
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
tp_vote_round_add (TpVoteRound *self,
                   const char  *id)
{
  TpItem *item;
  guint dots;

  g_return_val_if_fail (TP_IS_VOTE_ROUND (self), FALSE);

  if (!self->running || self->spent >= self->budget || !tp_vote_round_in_scope (self, id))
    return FALSE;

  item = tp_document_lookup (self->document, id);
  if (tp_vote_get_votes (item) >= TP_COUNT_MAX)
    return FALSE;

  dots = tp_vote_round_get_dots (self, id);
  if (!g_hash_table_contains (self->base, id))
    {
      /* The first dot: the provisional step does not hold this item yet, so its votes
       * now are its votes before the round. */
      g_hash_table_insert (self->base, g_strdup (id), GUINT_TO_POINTER (tp_vote_get_votes (item)));
      g_ptr_array_add (self->order, g_strdup (id));
    }
  g_hash_table_insert (self->dots, g_strdup (id), GUINT_TO_POINTER (dots + 1));
  self->spent++;
  update_step (self);

  return TRUE;
}

gboolean
tp_vote_round_remove (TpVoteRound *self,
                      const char  *id)
{
  guint dots;

  g_return_val_if_fail (TP_IS_VOTE_ROUND (self), FALSE);

  if (!self->running || (dots = tp_vote_round_get_dots (self, id)) == 0)
    return FALSE;

  g_hash_table_insert (self->dots, g_strdup (id), GUINT_TO_POINTER (dots - 1));
  self->spent--;
  update_step (self);

  return TRUE;
}

GArray *
tp_vote_round_get_ranking (TpVoteRound *self,
                           guint        max_items)
{
  g_return_val_if_fail (TP_IS_VOTE_ROUND (self), NULL);

  return tp_vote_scope_rank (&self->scope, self->document, max_items);
}

void
tp_vote_round_end (TpVoteRound *self)
{
  g_return_if_fail (TP_IS_VOTE_ROUND (self));

  if (!self->running)
    return;

  /* The provisional step already holds the counts: it stays as the round's one step. */
  self->running = FALSE;
  self->has_step = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
}

void
tp_vote_round_cancel (TpVoteRound *self)
{
  g_return_if_fail (TP_IS_VOTE_ROUND (self));

  if (!self->running)
    return;

  if (step_on_top (self))
    tp_document_undo_discard (self->document);
  /* Something done beside the round (an edit in the inspector) left earlier dots under
   * it, out of reach: the earlier counts are written back as a step of their own rather
   * than undoing someone else's edit. Nothing is written when all is as it was. */
  write_votes (self, FALSE, _("Cancel Dot Voting"));

  g_hash_table_remove_all (self->dots);
  self->spent = 0;
  self->running = FALSE;
  self->has_step = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
}
