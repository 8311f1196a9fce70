/* tp-vote-scope.h: what a dot-voting round (or a reset of votes) covers.
 *
 * A scope is one canvas block or value-chain area, one journey stage, a region (the
 * canvas, the value chain, the journey) or the whole board. The notes and touchpoints in
 * it are the items that can take dots.
 */
#pragma once

#include "tp-document.h"

G_BEGIN_DECLS

typedef enum {
  TP_VOTE_SCOPE_BOARD,
  TP_VOTE_SCOPE_CANVAS,
  TP_VOTE_SCOPE_VALUE_CHAIN,
  TP_VOTE_SCOPE_JOURNEY,
  TP_VOTE_SCOPE_CONTAINER,   /* one block or area: TpVoteScope.container */
  TP_VOTE_SCOPE_STAGE,       /* one stage: TpVoteScope.stage */
  TP_N_VOTE_SCOPES
} TpVoteScopeKind;

typedef struct
{
  TpVoteScopeKind kind;
  TpContainer     container;
  char           *stage;     /* the stage's id (owned) */
} TpVoteScope;

typedef struct
{
  const char *id;      /* the item's id (owned by the document: valid until it changes) */
  guint       votes;   /* its votes, earlier rounds included */
} TpVoteRank;

/* Calls func on each note then each touchpoint in scope, in document order. */
typedef void (*TpVoteItemFunc) (TpItem   *item,
                                gpointer  user_data);

void      tp_vote_scope_init     (TpVoteScope       *scope,
                                  TpVoteScopeKind    kind,
                                  TpContainer        container,
                                  const char        *stage);
void      tp_vote_scope_copy     (TpVoteScope       *dest,
                                  const TpVoteScope *src);
void      tp_vote_scope_clear    (TpVoteScope       *scope);
gboolean  tp_vote_scope_contains (const TpVoteScope *scope,
                                  TpDocument        *document,
                                  const char        *id);
void      tp_vote_scope_foreach  (const TpVoteScope *scope,
                                  TpDocument        *document,
                                  TpVoteItemFunc     func,
                                  gpointer           user_data);
/* A scope as an action's target: "board", "canvas", "value-chain", "journey",
 * "block:key-partners" (a block's or area's nick, as in the file), "stage:ID". */
char     *tp_vote_scope_to_string (const TpVoteScope *scope);
/* FALSE (scope untouched) for anything else; a stage's id is not checked here. */
gboolean  tp_vote_scope_parse    (TpVoteScope       *scope,
                                  const char        *string);
/* "Key Partners", a stage's name, "Canvas", "Whole Board" (translated). */
char     *tp_vote_scope_dup_label (const TpVoteScope *scope,
                                   TpDocument        *document);
/* An item's dot votes (a note's or a touchpoint's), 0 for any other item. */
guint     tp_vote_get_votes      (const TpItem      *item);
void      tp_vote_set_votes      (TpItem            *item,
                                  guint              votes);
/* The items in scope with votes, most first (document order among equals: notes block
 * by block, then touchpoints stage by stage), at most max_items (0: all).
 * (element-type TpVoteRank) */
GArray   *tp_vote_scope_rank     (const TpVoteScope *scope,
                                  TpDocument        *document,
                                  guint              max_items);
/* Sets every vote in scope to 0 as one undo step ("Reset Votes"); records nothing when
 * there were none. Returns whether anything changed. */
gboolean  tp_vote_scope_reset    (const TpVoteScope *scope,
                                  TpDocument        *document);

G_END_DECLS
