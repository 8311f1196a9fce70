/* test-vote-round.c: dot voting: scopes, the round's budget and bounds, its one undo
 * step, cancelling, resetting, and touchpoint votes through the file format. */
#include "config.h"

#include <string.h>

#include "io/tp-loader.h"
#include "io/tp-writer.h"
#include "io/tp-xml-names.h"
#include "model/tp-document.h"
#include "model/tp-vote-round.h"
#include "model/tp-vote-scope.h"
#include "render/tp-analysis-page.h"
#include "render/tp-text.h"

#define HEADER "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
               "<touchpoint xmlns=\"" TP_XML_NS "\" version=\"1.0\">\n"

typedef struct
{
  TpDocument *document;
  char       *partner[2];   /* notes in Key Partners */
  char       *channel;      /* a note in Channels */
  char       *operations;   /* a note in the value chain */
  char       *stage[2];
  char       *touchpoint[2]; /* one in each stage */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->document = tp_document_new ();
  f->partner[0] = g_strdup (tp_document_add_note (f->document, TP_CONTAINER_KEY_PARTNERS, 0, "Courier"));
  f->partner[1] = g_strdup (tp_document_add_note (f->document, TP_CONTAINER_KEY_PARTNERS, 1, "Bank"));
  f->channel = g_strdup (tp_document_add_note (f->document, TP_CONTAINER_CHANNELS, 0, "Shop"));
  f->operations = g_strdup (tp_document_add_note (f->document, TP_CONTAINER_OPERATIONS, 0, "Packing"));
  f->stage[0] = g_strdup (tp_document_add_stage (f->document, 0, "Awareness"));
  f->stage[1] = g_strdup (tp_document_add_stage (f->document, 1, "Purchase"));
  f->touchpoint[0] = g_strdup (tp_document_add_touchpoint (f->document, f->stage[0], 0, "Advert"));
  f->touchpoint[1] = g_strdup (tp_document_add_touchpoint (f->document, f->stage[1], 0, "Checkout"));
  tp_document_set_saved (f->document);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->document);
  for (guint i = 0; i < 2; i++)
    {
      g_free (f->partner[i]);
      g_free (f->stage[i]);
      g_free (f->touchpoint[i]);
    }
  g_free (f->channel);
  g_free (f->operations);
}

static guint
votes_of (Fixture    *f,
          const char *id)
{
  return tp_vote_get_votes (tp_document_lookup (f->document, id));
}

static void
set_votes (Fixture    *f,
           const char *id,
           guint       votes)
{
  TpItem *copy = tp_document_edit_begin (f->document, id);

  tp_vote_set_votes (copy, votes);
  tp_document_edit_commit (f->document, copy, "Vote", FALSE);
}

static void
test_scope_contains (Fixture       *f,
                     gconstpointer  data)
{
  static const struct {
    TpVoteScopeKind kind;
    gboolean partner, channel, operations, touchpoint0, touchpoint1;
  } cases[] = {
    { TP_VOTE_SCOPE_BOARD, TRUE, TRUE, TRUE, TRUE, TRUE },
    { TP_VOTE_SCOPE_CANVAS, TRUE, TRUE, FALSE, FALSE, FALSE },
    { TP_VOTE_SCOPE_VALUE_CHAIN, FALSE, FALSE, TRUE, FALSE, FALSE },
    { TP_VOTE_SCOPE_JOURNEY, FALSE, FALSE, FALSE, TRUE, TRUE },
    { TP_VOTE_SCOPE_CONTAINER, TRUE, FALSE, FALSE, FALSE, FALSE },
    { TP_VOTE_SCOPE_STAGE, FALSE, FALSE, FALSE, FALSE, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TpVoteScope scope;

      tp_vote_scope_init (&scope, cases[i].kind, TP_CONTAINER_KEY_PARTNERS, f->stage[1]);
      g_assert_cmpint (tp_vote_scope_contains (&scope, f->document, f->partner[1]), ==, cases[i].partner);
      g_assert_cmpint (tp_vote_scope_contains (&scope, f->document, f->channel), ==, cases[i].channel);
      g_assert_cmpint (tp_vote_scope_contains (&scope, f->document, f->operations), ==, cases[i].operations);
      g_assert_cmpint (tp_vote_scope_contains (&scope, f->document, f->touchpoint[0]), ==, cases[i].touchpoint0);
      g_assert_cmpint (tp_vote_scope_contains (&scope, f->document, f->touchpoint[1]), ==, cases[i].touchpoint1);
      /* A stage itself is not an item that takes dots. */
      g_assert_false (tp_vote_scope_contains (&scope, f->document, f->stage[1]));
      g_assert_false (tp_vote_scope_contains (&scope, f->document, "missing"));
      tp_vote_scope_clear (&scope);
    }
}

static void
test_scope_label (Fixture       *f,
                  gconstpointer  data)
{
  TpVoteScope scope;
  g_autofree char *block = NULL;
  g_autofree char *stage = NULL;

  tp_vote_scope_init (&scope, TP_VOTE_SCOPE_CONTAINER, TP_CONTAINER_KEY_PARTNERS, NULL);
  block = tp_vote_scope_dup_label (&scope, f->document);
  g_assert_cmpstr (block, ==, "Key Partners");
  tp_vote_scope_clear (&scope);

  tp_vote_scope_init (&scope, TP_VOTE_SCOPE_STAGE, 0, f->stage[1]);
  stage = tp_vote_scope_dup_label (&scope, f->document);
  g_assert_cmpstr (stage, ==, "Purchase");
  tp_vote_scope_clear (&scope);
}

static void
test_scope_strings (Fixture       *f,
                    gconstpointer  data)
{
  const char *valid[] = { "board", "canvas", "value-chain", "journey", "block:key-partners",
                          "block:operations", "stage:s9" };
  const char *invalid[] = { "", "block:", "block:nowhere", "stage:", "Board", "region" };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      TpVoteScope scope;
      g_autofree char *again = NULL;

      g_assert_true (tp_vote_scope_parse (&scope, valid[i]));
      again = tp_vote_scope_to_string (&scope);
      g_assert_cmpstr (again, ==, valid[i]);
      tp_vote_scope_clear (&scope);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      TpVoteScope scope = { TP_VOTE_SCOPE_JOURNEY, 0, NULL };

      g_assert_false (tp_vote_scope_parse (&scope, invalid[i]));
      g_assert_cmpint (scope.kind, ==, TP_VOTE_SCOPE_JOURNEY);
    }
}

static TpVoteRound *
new_round (Fixture         *f,
           TpVoteScopeKind  kind,
           guint            participants,
           guint            dots_each)
{
  TpVoteScope scope;
  TpVoteRound *round;

  tp_vote_scope_init (&scope, kind, TP_CONTAINER_KEY_PARTNERS, f->stage[1]);
  round = tp_vote_round_new (f->document, &scope, participants, dots_each);
  tp_vote_scope_clear (&scope);

  return round;
}

static void
test_budget (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(TpVoteRound) round = new_round (f, TP_VOTE_SCOPE_CONTAINER, 2, 2);

  g_assert_cmpuint (tp_vote_round_get_budget (round), ==, 4);
  g_assert_cmpuint (tp_vote_round_get_remaining (round), ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_true (tp_vote_round_add (round, f->partner[i % 2]));
  g_assert_cmpuint (tp_vote_round_get_remaining (round), ==, 0);
  /* The budget is spent: no fifth dot. */
  g_assert_false (tp_vote_round_add (round, f->partner[0]));
  g_assert_cmpuint (votes_of (f, f->partner[0]), ==, 2);
  g_assert_true (tp_vote_round_remove (round, f->partner[0]));
  g_assert_cmpuint (tp_vote_round_get_remaining (round), ==, 1);
  g_assert_true (tp_vote_round_add (round, f->partner[1]));
  g_assert_cmpuint (votes_of (f, f->partner[1]), ==, 3);

  /* Clamped: no empty budget, no absurd one. */
  g_clear_object (&round);
  round = new_round (f, TP_VOTE_SCOPE_BOARD, 0, 0);
  g_assert_cmpuint (tp_vote_round_get_budget (round), ==, 1);
  g_clear_object (&round);
  round = new_round (f, TP_VOTE_SCOPE_BOARD, G_MAXUINT, G_MAXUINT);
  g_assert_cmpuint (tp_vote_round_get_budget (round), ==,
                    TP_VOTE_PARTICIPANTS_MAX * TP_VOTE_DOTS_EACH_MAX);
  tp_vote_round_cancel (round);
}

static void
test_scope_and_bounds (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(TpVoteRound) round = NULL;

  set_votes (f, f->partner[0], 3);
  round = new_round (f, TP_VOTE_SCOPE_CONTAINER, 5, 3);

  /* Out of scope, or not a note or touchpoint: refused, nothing spent. */
  g_assert_false (tp_vote_round_add (round, f->channel));
  g_assert_false (tp_vote_round_add (round, f->touchpoint[0]));
  g_assert_false (tp_vote_round_add (round, f->stage[0]));
  g_assert_false (tp_vote_round_add (round, "missing"));
  g_assert_cmpuint (tp_vote_round_get_remaining (round), ==, 15);
  g_assert_cmpuint (votes_of (f, f->channel), ==, 0);

  /* Earlier votes are kept and added to; only this round's dots can be taken back. */
  g_assert_false (tp_vote_round_remove (round, f->partner[0]));
  g_assert_cmpuint (votes_of (f, f->partner[0]), ==, 3);
  g_assert_true (tp_vote_round_add (round, f->partner[0]));
  g_assert_cmpuint (votes_of (f, f->partner[0]), ==, 4);
  g_assert_cmpuint (tp_vote_round_get_dots (round, f->partner[0]), ==, 1);
  g_assert_true (tp_vote_round_remove (round, f->partner[0]));
  g_assert_false (tp_vote_round_remove (round, f->partner[0]));
  g_assert_cmpuint (votes_of (f, f->partner[0]), ==, 3);
  g_assert_cmpuint (tp_vote_round_get_remaining (round), ==, 15);
  tp_vote_round_cancel (round);
}

static void
test_stage_round (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(TpVoteRound) round = new_round (f, TP_VOTE_SCOPE_STAGE, 1, 2);

  g_assert_false (tp_vote_round_add (round, f->touchpoint[0]));
  g_assert_true (tp_vote_round_add (round, f->touchpoint[1]));
  g_assert_true (tp_vote_round_add (round, f->touchpoint[1]));
  g_assert_cmpuint (votes_of (f, f->touchpoint[1]), ==, 2);
  tp_vote_round_end (round);
  g_assert_cmpuint (votes_of (f, f->touchpoint[1]), ==, 2);
}

static void
test_ranking (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(TpVoteRound) round = new_round (f, TP_VOTE_SCOPE_BOARD, 10, 1);
  g_autoptr(GArray) ranking = NULL;

  g_assert_true (tp_vote_round_add (round, f->touchpoint[1]));
  g_assert_true (tp_vote_round_add (round, f->channel));
  g_assert_true (tp_vote_round_add (round, f->channel));
  g_assert_true (tp_vote_round_add (round, f->partner[1]));

  ranking = tp_vote_round_get_ranking (round, 0);
  g_assert_cmpuint (ranking->len, ==, 3);
  g_assert_cmpstr (g_array_index (ranking, TpVoteRank, 0).id, ==, f->channel);
  g_assert_cmpuint (g_array_index (ranking, TpVoteRank, 0).votes, ==, 2);
  /* Equal counts keep the document's order: notes (block by block), then touchpoints. */
  g_assert_cmpstr (g_array_index (ranking, TpVoteRank, 1).id, ==, f->partner[1]);
  g_assert_cmpstr (g_array_index (ranking, TpVoteRank, 2).id, ==, f->touchpoint[1]);
  g_clear_pointer (&ranking, g_array_unref);

  ranking = tp_vote_round_get_ranking (round, 2);
  g_assert_cmpuint (ranking->len, ==, 2);
  tp_vote_round_cancel (round);
}

static void
count_change (guint *changes)
{
  (*changes)++;
}

static void
test_end_is_one_step (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(TpVoteRound) round = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(GBytes) redone = NULL;
  guint changes = 0;

  set_votes (f, f->partner[1], 1);
  before = tp_write_bytes (f->document);
  round = new_round (f, TP_VOTE_SCOPE_CONTAINER, 3, 3);
  g_signal_connect_swapped (round, "changed", G_CALLBACK (count_change), &changes);

  g_assert_true (tp_vote_round_add (round, f->partner[0]));
  g_assert_true (tp_vote_round_add (round, f->partner[1]));
  g_assert_true (tp_vote_round_add (round, f->partner[0]));
  g_assert_true (tp_vote_round_add (round, f->partner[1]));
  g_assert_true (tp_vote_round_remove (round, f->partner[1]));
  g_assert_cmpuint (changes, ==, 5);
  /* Live: the document holds the round's dots already. */
  g_assert_cmpuint (votes_of (f, f->partner[0]), ==, 2);
  g_assert_cmpuint (votes_of (f, f->partner[1]), ==, 2);

  tp_vote_round_end (round);
  g_assert_false (tp_vote_round_is_running (round));
  g_assert_false (tp_vote_round_add (round, f->partner[0]));
  after = tp_write_bytes (f->document);
  g_assert_cmpstr (tp_document_get_undo_label (f->document), ==, "Dot Voting");

  /* One undo takes the whole round back, and no more. */
  tp_document_undo (f->document);
  undone = tp_write_bytes (f->document);
  g_assert_true (g_bytes_equal (undone, before));
  g_assert_cmpstr (tp_document_get_undo_label (f->document), ==, "Vote");
  tp_document_redo (f->document);
  redone = tp_write_bytes (f->document);
  g_assert_true (g_bytes_equal (redone, after));
  g_assert_cmpuint (votes_of (f, f->partner[0]), ==, 2);
  g_assert_cmpuint (votes_of (f, f->partner[1]), ==, 2);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(TpVoteRound) round = new_round (f, TP_VOTE_SCOPE_BOARD, 4, 3);
  g_autoptr(GBytes) before = tp_write_bytes (f->document);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *undo_label = g_strdup (tp_document_get_undo_label (f->document));

  g_assert_true (tp_vote_round_add (round, f->partner[0]));
  g_assert_true (tp_vote_round_add (round, f->touchpoint[0]));
  g_assert_true (tp_document_get_modified (f->document));
  tp_vote_round_cancel (round);

  after = tp_write_bytes (f->document);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (tp_document_get_modified (f->document));
  /* The history is as it was: the same step on top, nothing to redo. */
  g_assert_cmpstr (tp_document_get_undo_label (f->document), ==, undo_label);
  g_assert_false (tp_document_can_redo (f->document));
  g_assert_cmpuint (tp_vote_round_get_remaining (round), ==, 12);
}

static void
test_no_dots_no_step (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(TpVoteRound) round = new_round (f, TP_VOTE_SCOPE_BOARD, 4, 3);

  g_assert_true (tp_vote_round_add (round, f->partner[0]));
  g_assert_true (tp_vote_round_remove (round, f->partner[0]));
  tp_vote_round_end (round);
  g_assert_cmpstr (tp_document_get_undo_label (f->document), !=, "Dot Voting");
  g_assert_false (tp_document_get_modified (f->document));
}

static void
test_edit_beside_round (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(TpVoteRound) round = new_round (f, TP_VOTE_SCOPE_CONTAINER, 4, 3);
  TpNote *copy;

  g_assert_true (tp_vote_round_add (round, f->partner[0]));
  /* Someone edits the inspector during the round: the round must not discard that. */
  copy = (TpNote *) tp_document_edit_begin (f->document, f->channel);
  g_free (copy->text);
  copy->text = g_strdup ("Web shop");
  tp_document_edit_commit (f->document, &copy->item, "Edit Text", FALSE);

  g_assert_true (tp_vote_round_add (round, f->partner[0]));
  g_assert_cmpuint (votes_of (f, f->partner[0]), ==, 2);
  tp_vote_round_cancel (round);
  g_assert_cmpuint (votes_of (f, f->partner[0]), ==, 0);
  copy = tp_document_lookup_kind (f->document, f->channel, TP_ITEM_NOTE);
  g_assert_cmpstr (copy->text, ==, "Web shop");
}


static void
edit_text (Fixture    *f,
           const char *id,
           const char *text)
{
  TpNote *copy = (TpNote *) tp_document_edit_begin (f->document, id);

  g_free (copy->text);
  copy->text = g_strdup (text);
  tp_document_edit_commit (f->document, &copy->item, "Edit Text", FALSE);
}

static const char *
text_of (Fixture    *f,
         const char *id)
{
  return ((TpNote *) tp_document_lookup_kind (f->document, id, TP_ITEM_NOTE))->text;
}

/* Issue 17: ending a round is one undo step and keeps the counts, whatever was edited or
 * undone beside it. data: whether the edit beside the round is undone before the next
 * dot (the history's top is the round's step again) or kept (the round's earlier step
 * lies under the edit). The edited note is itself voted on, so its snapshots carry
 * provisional votes. */
static void
test_edit_mid_round (Fixture       *f,
                     gconstpointer  data)
{
  gboolean undo_edit = GPOINTER_TO_INT (data);
  g_autoptr(TpVoteRound) round = new_round (f, TP_VOTE_SCOPE_BOARD, 4, 3);

  set_votes (f, f->partner[1], 1);  /* an earlier round's vote stays */
  g_assert_true (tp_vote_round_add (round, f->partner[0]));
  g_assert_true (tp_vote_round_add (round, f->partner[1]));
  edit_text (f, f->partner[0], "Courier service");
  if (undo_edit)
    {
      tp_document_undo (f->document);
      g_assert_cmpstr (text_of (f, f->partner[0]), ==, "Courier");
      /* Undoing the edit took none of the round's dots. */
      g_assert_cmpuint (votes_of (f, f->partner[0]), ==, 1);
      g_assert_cmpuint (votes_of (f, f->partner[1]), ==, 2);
    }
  g_assert_true (tp_vote_round_add (round, f->partner[0]));
  g_assert_true (tp_vote_round_add (round, f->touchpoint[1]));
  tp_vote_round_end (round);

  g_assert_cmpuint (votes_of (f, f->partner[0]), ==, 2);
  g_assert_cmpuint (votes_of (f, f->partner[1]), ==, 2);
  g_assert_cmpuint (votes_of (f, f->touchpoint[1]), ==, 1);
  g_assert_cmpstr (tp_document_get_undo_label (f->document), ==, "Dot Voting");

  /* One undo takes exactly the round's dots back, and nothing else. */
  tp_document_undo (f->document);
  g_assert_cmpuint (votes_of (f, f->partner[0]), ==, 0);
  g_assert_cmpuint (votes_of (f, f->partner[1]), ==, 1);
  g_assert_cmpuint (votes_of (f, f->touchpoint[1]), ==, 0);
  g_assert_cmpstr (text_of (f, f->partner[0]), ==, undo_edit ? "Courier" : "Courier service");

  if (!undo_edit)
    {
      /* The edit is the next step, and undoing it leaves the votes alone. */
      g_assert_cmpstr (tp_document_get_undo_label (f->document), ==, "Edit Text");
      tp_document_undo (f->document);
      g_assert_cmpstr (text_of (f, f->partner[0]), ==, "Courier");
      g_assert_cmpuint (votes_of (f, f->partner[0]), ==, 0);
      g_assert_cmpuint (votes_of (f, f->partner[1]), ==, 1);
      g_assert_cmpstr (tp_document_get_undo_label (f->document), ==, "Vote");
      tp_document_redo (f->document);
      g_assert_cmpstr (text_of (f, f->partner[0]), ==, "Courier service");
    }
  else
    g_assert_cmpstr (tp_document_get_undo_label (f->document), ==, "Vote");

  /* Redo brings the round back whole. */
  tp_document_redo (f->document);
  g_assert_cmpstr (tp_document_get_undo_label (f->document), ==, "Dot Voting");
  g_assert_cmpuint (votes_of (f, f->partner[0]), ==, 2);
  g_assert_cmpuint (votes_of (f, f->partner[1]), ==, 2);
  g_assert_cmpuint (votes_of (f, f->touchpoint[1]), ==, 1);
}

static void
test_reset (Fixture       *f,
            gconstpointer  data)
{
  TpVoteScope scope;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) undone = NULL;

  set_votes (f, f->partner[0], 3);
  set_votes (f, f->partner[1], 2);
  set_votes (f, f->channel, 4);
  set_votes (f, f->touchpoint[1], 5);
  before = tp_write_bytes (f->document);

  tp_vote_scope_init (&scope, TP_VOTE_SCOPE_CONTAINER, TP_CONTAINER_KEY_PARTNERS, NULL);
  g_assert_true (tp_vote_scope_reset (&scope, f->document));
  g_assert_cmpuint (votes_of (f, f->partner[0]), ==, 0);
  g_assert_cmpuint (votes_of (f, f->partner[1]), ==, 0);
  g_assert_cmpuint (votes_of (f, f->channel), ==, 4);
  g_assert_cmpuint (votes_of (f, f->touchpoint[1]), ==, 5);
  g_assert_cmpstr (tp_document_get_undo_label (f->document), ==, "Reset Votes");
  /* Nothing left to reset: no empty step. */
  g_assert_false (tp_vote_scope_reset (&scope, f->document));
  g_assert_cmpstr (tp_document_get_undo_label (f->document), ==, "Reset Votes");
  tp_document_undo (f->document);
  undone = tp_write_bytes (f->document);
  g_assert_true (g_bytes_equal (before, undone));
  tp_vote_scope_clear (&scope);

  tp_vote_scope_init (&scope, TP_VOTE_SCOPE_BOARD, 0, NULL);
  g_assert_true (tp_vote_scope_reset (&scope, f->document));
  g_assert_cmpuint (votes_of (f, f->channel), ==, 0);
  g_assert_cmpuint (votes_of (f, f->touchpoint[1]), ==, 0);
  tp_vote_scope_clear (&scope);
}

/* Touchpoint votes in the file format. */

static void
test_touchpoint_votes_round_trip (void)
{
  const char *text =
    HEADER
    "  <journey>\n"
    "    <stage id=\"s1\" name=\"Purchase\">\n"
    "      <touchpoint id=\"t1\" name=\"Checkout\" votes=\"7\"/>\n"
    "      <touchpoint id=\"t2\" name=\"Delivery\"/>\n"
    "    </stage>\n"
    "  </journey>\n"
    "</touchpoint>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDocument) document = tp_load_bytes (bytes, NULL, &error);
  g_autoptr(TpDocument) again = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  TpTouchpoint *touchpoint;
  g_autofree char *xml = NULL;

  g_assert_no_error (error);
  touchpoint = tp_document_lookup_kind (document, "t1", TP_ITEM_TOUCHPOINT);
  g_assert_cmpuint (touchpoint->votes, ==, 7);
  touchpoint = tp_document_lookup_kind (document, "t2", TP_ITEM_TOUCHPOINT);
  g_assert_cmpuint (touchpoint->votes, ==, 0);

  written = tp_write_bytes (document);
  xml = g_strndup (g_bytes_get_data (written, NULL), g_bytes_get_size (written));
  g_assert_nonnull (strstr (xml, "name=\"Checkout\" votes=\"7\""));
  /* 0 is the default and is not written. */
  g_assert_null (strstr (xml, "name=\"Delivery\" votes"));

  again = tp_load_bytes (written, NULL, &error);
  g_assert_no_error (error);
  rewritten = tp_write_bytes (again);
  g_assert_true (g_bytes_equal (written, rewritten));
}

static void
test_touchpoint_votes_broken (void)
{
  static const struct {
    const char *value;
    const char *message;
  } cases[] = {
    { "-1", "Line 5: Votes must be between 0 and 1000000000, not “-1”" },
    { "1000000001", "Line 5: Votes must be between 0 and 1000000000, not “1000000001”" },
    { "many", NULL },
    { "2.5", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf (
        HEADER
        "  <journey>\n"
        "    <stage id=\"s1\" name=\"Purchase\">\n"
        "      <touchpoint id=\"t1\" name=\"Checkout\" votes=\"%s\"/>\n"
        "    </stage>\n"
        "  </journey>\n"
        "</touchpoint>\n", cases[i].value);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      g_autoptr(GError) error = NULL;
      g_autoptr(TpDocument) document = tp_load_bytes (bytes, NULL, &error);

      g_assert_null (document);
      g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_INVALID);
      if (cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
      else
        {
          g_test_message ("%s: %s", cases[i].value, error->message);
          g_assert_true (g_str_has_prefix (error->message, "Line 5: "));
          g_assert_nonnull (strstr (error->message, "Votes"));
        }
    }
}

/* The analysis page's "Most voted": notes and touchpoints together, most first. */
static void
test_most_voted (Fixture       *f,
                 gconstpointer  data)
{
  PangoContext *context = tp_text_context_new ();
  TpAnalysisLayout *layout = tp_analysis_layout_new (context, tp_theme_get_default ());
  const char *id = NULL;
  gboolean heading = FALSE, empty = FALSE;
  TpRect section;

  g_object_unref (context);
  tp_analysis_layout_update (layout, f->document, 1280);
  g_assert_cmpuint (tp_analysis_layout_get_n_rows (layout, TP_ANALYSIS_TABLE_VOTES), ==, 0);
  for (guint i = 0; i < tp_analysis_layout_get_n_texts (layout); i++)
    empty |= g_strcmp0 (tp_analysis_layout_get_text (layout, i, NULL),
                        "No dot votes yet — start a voting round from the main menu") == 0;
  g_assert_true (empty);

  set_votes (f, f->channel, 2);
  set_votes (f, f->touchpoint[1], 5);
  set_votes (f, f->partner[0], 2);
  tp_analysis_layout_update (layout, f->document, 1280);
  g_assert_cmpuint (tp_analysis_layout_get_n_rows (layout, TP_ANALYSIS_TABLE_VOTES), ==, 3);
  g_assert_true (tp_analysis_layout_get_row (layout, TP_ANALYSIS_TABLE_VOTES, 0, NULL, &id));
  g_assert_cmpstr (id, ==, f->touchpoint[1]);
  /* Equal counts: the board's order, Channels (block 3) before Key Partners (block 8). */
  g_assert_true (tp_analysis_layout_get_row (layout, TP_ANALYSIS_TABLE_VOTES, 1, NULL, &id));
  g_assert_cmpstr (id, ==, f->channel);
  g_assert_true (tp_analysis_layout_get_row (layout, TP_ANALYSIS_TABLE_VOTES, 2, NULL, &id));
  g_assert_cmpstr (id, ==, f->partner[0]);
  for (guint i = 0; i < tp_analysis_layout_get_n_texts (layout); i++)
    heading |= g_strcmp0 (tp_analysis_layout_get_text (layout, i, NULL), "Most voted") == 0;
  g_assert_true (heading);
  tp_analysis_layout_get_section (layout, TP_ANALYSIS_SECTION_VOTES, &section);
  g_assert_false (tp_rect_is_empty (&section));

  tp_analysis_layout_free (layout);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/touchpoint/vote/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("scope-contains", test_scope_contains);
  ADD ("scope-label", test_scope_label);
  ADD ("scope-strings", test_scope_strings);
  ADD ("budget", test_budget);
  ADD ("scope-and-bounds", test_scope_and_bounds);
  ADD ("stage-round", test_stage_round);
  ADD ("ranking", test_ranking);
  ADD ("end-is-one-step", test_end_is_one_step);
  ADD ("cancel", test_cancel);
  ADD ("no-dots-no-step", test_no_dots_no_step);
  ADD ("edit-beside-round", test_edit_beside_round);
  g_test_add ("/touchpoint/vote/edit-mid-round/undone", Fixture, GINT_TO_POINTER (TRUE),
              fixture_set_up, test_edit_mid_round, fixture_tear_down);
  g_test_add ("/touchpoint/vote/edit-mid-round/kept", Fixture, GINT_TO_POINTER (FALSE),
              fixture_set_up, test_edit_mid_round, fixture_tear_down);
  ADD ("reset", test_reset);
  ADD ("most-voted", test_most_voted);
#undef ADD
  g_test_add_func ("/touchpoint/vote/touchpoint-votes-round-trip", test_touchpoint_votes_round_trip);
  g_test_add_func ("/touchpoint/vote/touchpoint-votes-broken", test_touchpoint_votes_broken);

  return g_test_run ();
}
