/* tp-vote-scope.c: the items a dot-voting round covers, and resetting their votes */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "tp-enums.h"
#include "tp-vote-scope.h"

void
tp_vote_scope_init (TpVoteScope     *scope,
                    TpVoteScopeKind  kind,
                    TpContainer      container,
                    const char      *stage)
{
  g_return_if_fail (scope != NULL);
  g_return_if_fail (kind < TP_N_VOTE_SCOPES);

  scope->kind = kind;
  scope->container = container < TP_N_CONTAINERS ? container : 0;
  scope->stage = g_strdup (stage);
}

void
tp_vote_scope_copy (TpVoteScope       *dest,
                    const TpVoteScope *src)
{
  tp_vote_scope_init (dest, src->kind, src->container, src->stage);
}

void
tp_vote_scope_clear (TpVoteScope *scope)
{
  g_clear_pointer (&scope->stage, g_free);
}

static gboolean
has_container (const TpVoteScope *scope,
               TpContainer        container)
{
  switch (scope->kind)
    {
    case TP_VOTE_SCOPE_BOARD:
      return TRUE;
    case TP_VOTE_SCOPE_CANVAS:
      return TP_CONTAINER_IS_CANVAS (container);
    case TP_VOTE_SCOPE_VALUE_CHAIN:
      return TP_CONTAINER_IS_VALUE_CHAIN (container);
    case TP_VOTE_SCOPE_CONTAINER:
      return container == scope->container;
    case TP_VOTE_SCOPE_JOURNEY:
    case TP_VOTE_SCOPE_STAGE:
    case TP_N_VOTE_SCOPES:
    default:
      return FALSE;
    }
}

static gboolean
has_stage (const TpVoteScope *scope,
           const char        *stage)
{
  switch (scope->kind)
    {
    case TP_VOTE_SCOPE_BOARD:
    case TP_VOTE_SCOPE_JOURNEY:
      return TRUE;
    case TP_VOTE_SCOPE_STAGE:
      return g_strcmp0 (stage, scope->stage) == 0;
    case TP_VOTE_SCOPE_CANVAS:
    case TP_VOTE_SCOPE_VALUE_CHAIN:
    case TP_VOTE_SCOPE_CONTAINER:
    case TP_N_VOTE_SCOPES:
    default:
      return FALSE;
    }
}

gboolean
tp_vote_scope_contains (const TpVoteScope *scope,
                        TpDocument        *document,
                        const char        *id)
{
  TpItem *item;

  g_return_val_if_fail (scope != NULL, FALSE);
  g_return_val_if_fail (TP_IS_DOCUMENT (document), FALSE);

  item = id != NULL ? tp_document_lookup (document, id) : NULL;
  if (item == NULL)
    return FALSE;
  if (item->kind == TP_ITEM_NOTE)
    return has_container (scope, ((TpNote *) item)->container);
  if (item->kind == TP_ITEM_TOUCHPOINT)
    return has_stage (scope, ((TpTouchpoint *) item)->stage);

  return FALSE;
}

void
tp_vote_scope_foreach (const TpVoteScope *scope,
                       TpDocument        *document,
                       TpVoteItemFunc     func,
                       gpointer           user_data)
{
  GPtrArray *stages;

  g_return_if_fail (scope != NULL);
  g_return_if_fail (TP_IS_DOCUMENT (document));

  for (TpContainer c = 0; c < TP_N_CONTAINERS; c++)
    {
      GPtrArray *notes;

      if (!has_container (scope, c))
        continue;
      notes = tp_document_get_notes (document, c);
      for (guint i = 0; notes != NULL && i < notes->len; i++)
        func (g_ptr_array_index (notes, i), user_data);
    }

  stages = tp_document_get_stages (document);
  for (guint s = 0; s < stages->len; s++)
    {
      TpStage *stage = g_ptr_array_index (stages, s);

      if (!has_stage (scope, stage->item.id))
        continue;
      for (guint i = 0; i < stage->touchpoints->len; i++)
        func (g_ptr_array_index (stage->touchpoints, i), user_data);
    }
}

static const char * const region_names[] = {
  [TP_VOTE_SCOPE_BOARD] = "board",
  [TP_VOTE_SCOPE_CANVAS] = "canvas",
  [TP_VOTE_SCOPE_VALUE_CHAIN] = "value-chain",
  [TP_VOTE_SCOPE_JOURNEY] = "journey",
};

char *
tp_vote_scope_to_string (const TpVoteScope *scope)
{
  g_return_val_if_fail (scope != NULL, NULL);

  if (scope->kind == TP_VOTE_SCOPE_CONTAINER)
    return g_strconcat ("block:", tp_enum_to_nick (TP_ENUM_CONTAINER, scope->container), NULL);
  if (scope->kind == TP_VOTE_SCOPE_STAGE)
    return g_strconcat ("stage:", scope->stage != NULL ? scope->stage : "", NULL);

  return g_strdup (region_names[scope->kind < G_N_ELEMENTS (region_names) ? scope->kind : 0]);
}

gboolean
tp_vote_scope_parse (TpVoteScope *scope,
                     const char  *string)
{
  guint container;

  g_return_val_if_fail (scope != NULL, FALSE);

  if (string == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (region_names); i++)
    if (g_str_equal (string, region_names[i]))
      {
        tp_vote_scope_init (scope, i, 0, NULL);
        return TRUE;
      }
  if (g_str_has_prefix (string, "block:") &&
      tp_enum_from_nick (TP_ENUM_CONTAINER, string + strlen ("block:"), &container))
    {
      tp_vote_scope_init (scope, TP_VOTE_SCOPE_CONTAINER, container, NULL);
      return TRUE;
    }
  if (g_str_has_prefix (string, "stage:") && string[strlen ("stage:")] != '\0')
    {
      tp_vote_scope_init (scope, TP_VOTE_SCOPE_STAGE, 0, string + strlen ("stage:"));
      return TRUE;
    }

  return FALSE;
}

char *
tp_vote_scope_dup_label (const TpVoteScope *scope,
                         TpDocument        *document)
{
  TpStage *stage;

  g_return_val_if_fail (scope != NULL, NULL);

  switch (scope->kind)
    {
    case TP_VOTE_SCOPE_CANVAS:
      return g_strdup (_("Business Model Canvas"));
    case TP_VOTE_SCOPE_VALUE_CHAIN:
      return g_strdup (_("Value Chain"));
    case TP_VOTE_SCOPE_JOURNEY:
      return g_strdup (_("Customer Journey"));
    case TP_VOTE_SCOPE_CONTAINER:
      return g_strdup (tp_enum_get_label (TP_ENUM_CONTAINER, scope->container));
    case TP_VOTE_SCOPE_STAGE:
      stage = tp_document_lookup_kind (document, scope->stage, TP_ITEM_STAGE);
      if (stage != NULL && stage->name[0] != '\0')
        return g_strdup (stage->name);
      return g_strdup (_("Stage"));
    case TP_VOTE_SCOPE_BOARD:
    case TP_N_VOTE_SCOPES:
    default:
      return g_strdup (_("Whole Board"));
    }
}

guint
tp_vote_get_votes (const TpItem *item)
{
  if (item == NULL)
    return 0;
  if (item->kind == TP_ITEM_NOTE)
    return ((const TpNote *) item)->votes;
  if (item->kind == TP_ITEM_TOUCHPOINT)
    return ((const TpTouchpoint *) item)->votes;

  return 0;
}

void
tp_vote_set_votes (TpItem *item,
                   guint   votes)
{
  g_return_if_fail (item != NULL);

  votes = MIN (votes, TP_COUNT_MAX);
  if (item->kind == TP_ITEM_NOTE)
    ((TpNote *) item)->votes = votes;
  else if (item->kind == TP_ITEM_TOUCHPOINT)
    ((TpTouchpoint *) item)->votes = votes;
}

static void
collect_voted (TpItem   *item,
               gpointer  user_data)
{
  if (tp_vote_get_votes (item) > 0)
    g_ptr_array_add (user_data, g_strdup (item->id));
}

gboolean
tp_vote_scope_reset (const TpVoteScope *scope,
                     TpDocument        *document)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (scope != NULL, FALSE);
  g_return_val_if_fail (TP_IS_DOCUMENT (document), FALSE);

  /* The ids first: committing edits while walking the document's own arrays is not safe. */
  tp_vote_scope_foreach (scope, document, collect_voted, ids);
  if (ids->len == 0)
    return FALSE;

  tp_document_begin_group (document, _("Reset Votes"));
  for (guint i = 0; i < ids->len; i++)
    {
      TpItem *copy = tp_document_edit_begin (document, g_ptr_array_index (ids, i));

      tp_vote_set_votes (copy, 0);
      tp_document_edit_commit (document, copy, _("Reset Votes"), FALSE);
    }
  tp_document_end_group (document);

  return TRUE;
}

typedef struct
{
  GArray  *ranks;
  guint    position;
} Ranking;

typedef struct
{
  TpVoteRank rank;
  guint      position;
} Ranked;

static void
collect_rank (TpItem   *item,
              gpointer  user_data)
{
  Ranking *ranking = user_data;
  Ranked ranked = { { item->id, tp_vote_get_votes (item) }, ranking->position++ };

  if (ranked.rank.votes > 0)
    g_array_append_val (ranking->ranks, ranked);
}

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a, *y = b;

  if (x->rank.votes != y->rank.votes)
    return x->rank.votes > y->rank.votes ? -1 : 1;

  return x->position < y->position ? -1 : x->position > y->position;
}

GArray *
tp_vote_scope_rank (const TpVoteScope *scope,
                    TpDocument        *document,
                    guint              max_items)
{
  Ranking ranking = { g_array_new (FALSE, FALSE, sizeof (Ranked)), 0 };
  GArray *result;

  g_return_val_if_fail (scope != NULL, NULL);
  g_return_val_if_fail (TP_IS_DOCUMENT (document), NULL);

  tp_vote_scope_foreach (scope, document, collect_rank, &ranking);
  g_array_sort (ranking.ranks, compare_ranked);

  result = g_array_new (FALSE, FALSE, sizeof (TpVoteRank));
  for (guint i = 0; i < ranking.ranks->len && (max_items == 0 || i < max_items); i++)
    g_array_append_val (result, g_array_index (ranking.ranks, Ranked, i).rank);
  g_array_unref (ranking.ranks);

  return result;
}
