/* tp-vote-round.h: a dot-voting round in progress.
 *
 * The room has a budget of dots (participants × dots each) to spend on the notes and
 * touchpoints of one scope. Each dot given in the round goes onto the item's votes at
 * once, so that every view of the document (the board, the inspector, the analysis)
 * shows it live; the round keeps those provisional counts as a single "Dot Voting" step
 * on top of the undo history, replaced on each change. Ending the round leaves that step
 * there: the whole round is one undo step. Cancelling removes it, as if the round had
 * never happened.
 */
#pragma once

#include "tp-document.h"
#include "tp-vote-scope.h"

G_BEGIN_DECLS

#define TP_VOTE_PARTICIPANTS_MAX 1000
#define TP_VOTE_DOTS_EACH_MAX    100

#define TP_TYPE_VOTE_ROUND (tp_vote_round_get_type ())
G_DECLARE_FINAL_TYPE (TpVoteRound, tp_vote_round, TP, VOTE_ROUND, GObject)

/* participants and dots_each are clamped to 1 … their maximum. */
TpVoteRound       *tp_vote_round_new           (TpDocument        *document,
                                                const TpVoteScope *scope,
                                                guint              participants,
                                                guint              dots_each);
TpDocument        *tp_vote_round_get_document  (TpVoteRound       *self);
const TpVoteScope *tp_vote_round_get_scope     (TpVoteRound       *self);
gboolean           tp_vote_round_is_running    (TpVoteRound       *self);
guint              tp_vote_round_get_budget    (TpVoteRound       *self);
guint              tp_vote_round_get_remaining (TpVoteRound       *self);
/* The dots the item got in this round (not earlier ones). */
guint              tp_vote_round_get_dots      (TpVoteRound       *self,
                                                const char        *id);
gboolean           tp_vote_round_in_scope      (TpVoteRound       *self,
                                                const char        *id);
/* A dot onto an item in scope; FALSE (nothing changes) out of scope, with no dots left,
 * or once the round is over. */
gboolean           tp_vote_round_add           (TpVoteRound       *self,
                                                const char        *id);
/* Takes back one of this round's dots; FALSE when the item has none from this round
 * (votes of earlier rounds are not the room's to take back: Reset Votes is). */
gboolean           tp_vote_round_remove        (TpVoteRound       *self,
                                                const char        *id);
/* The items in scope with votes, most first (document order among equals), at most
 * max_items (0: all). (element-type TpVoteRank) */
GArray            *tp_vote_round_get_ranking   (TpVoteRound       *self,
                                                guint              max_items);
/* Keeps the counts as one undo step. */
void               tp_vote_round_end           (TpVoteRound       *self);
/* Takes every dot of the round back. */
void               tp_vote_round_cancel        (TpVoteRound       *self);

G_END_DECLS
