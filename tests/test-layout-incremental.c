/* test-layout-incremental.c: a relayout redoes only what its inputs changed (issue 19)
 *
 * The journey's cards are measured again only when their touchpoint changed, and the
 * links are routed again only when something they go round moved. Both are proven the
 * same two ways, by counting and never by time:
 *
 * - after each kind of edit (a note's text, a note moved, a touchpoint added, renamed
 *   and removed, a link added), a layout that was updated before and after the edit
 *   holds exactly the geometry a fresh layout of the edited document holds: every note,
 *   stage, card and link, rect for rect and point for point;
 * - an edit of one canvas note measures no card, an unchanged relayout routes no link,
 *   and an edit of one touchpoint measures that card alone;
 * - the board's tiles painted again where the damage of a note's edit says
 *   (tp-layout-damage.c) hold, byte for byte, what every tile painted afresh holds.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "../bench/tp-bench-doc.h"
#include "model/tp-document-private.h"
#include "render/tp-layout-damage.h"
#include "render/tp-layout-private.h"
#include "render/tp-painter.h"
#include "render/tp-painter-private.h"
#include "tp-test-layout.h"

#define N_NOTES 400

static void
assert_same_touchpoint (const TpTouchpointInfo *a,
                        const TpTouchpointInfo *b)
{
  tp_test_assert_same_rect (&a->column, &b->column);
  tp_test_assert_same_rect (&a->card, &b->card);
  tp_test_assert_same_rect (&a->name, &b->name);
  tp_test_assert_same_rect (&a->star, &b->star);
  tp_test_assert_same_rect (&a->gap, &b->gap);
  tp_test_assert_same_rect (&a->votes, &b->votes);
  for (guint r = 0; r < TP_N_JOURNEY_ROWS; r++)
    tp_test_assert_same_rect (&a->cells[r], &b->cells[r]);
  g_assert_cmpfloat (a->emotion_x, ==, b->emotion_x);
  g_assert_cmpfloat (a->emotion_y, ==, b->emotion_y);
  g_assert_cmpuint (a->stage_index, ==, b->stage_index);
  g_assert_cmpuint (a->index, ==, b->index);
  g_assert_cmpint (a->truncated, ==, b->truncated);
}

/* Everything both layouts place, alike. */
static void
assert_same_geometry (TpLayout   *a,
                      TpLayout   *b,
                      TpDocument *document)
{
  GPtrArray *stages = tp_document_get_stages (document);
  GPtrArray *links = tp_document_get_links (document);
  TpRect ra, rb;

  tp_layout_get_bounds (a, &ra);
  tp_layout_get_bounds (b, &rb);
  tp_test_assert_same_rect (&ra, &rb);
  for (TpRegion r = 0; r < TP_N_REGIONS; r++)
    {
      g_assert_cmpint (tp_layout_get_region (a, r, &ra), ==, tp_layout_get_region (b, r, &rb));
      tp_test_assert_same_rect (&ra, &rb);
    }

  tp_test_assert_same_notes (a, b, document,
                             TP_TEST_SAME_NOTES_PRESENT | TP_TEST_SAME_NOTES_TEXT |
                             TP_TEST_SAME_NOTES_MEASURE);
  for (TpContainer c = 0; c < TP_N_CONTAINERS; c++)
    {
      TpContainerInfo ia, ib;

      tp_layout_get_container (a, c, &ia);
      tp_layout_get_container (b, c, &ib);
      tp_test_assert_same_rect (&ia.rect, &ib.rect);
      tp_test_assert_same_rect (&ia.notes, &ib.notes);
      tp_test_assert_same_rect (&ia.more, &ib.more);
      g_assert_cmpfloat (ia.scale, ==, ib.scale);
      g_assert_cmpuint (ia.n_visible, ==, ib.n_visible);
      g_assert_cmpuint (ia.n_hidden, ==, ib.n_hidden);
      g_assert_cmpuint (ia.n_columns, ==, ib.n_columns);
    }

  for (guint s = 0; s < stages->len; s++)
    {
      TpStage *stage = g_ptr_array_index (stages, s);
      TpStageInfo sa, sb;

      g_assert_true (tp_layout_get_stage (a, stage->item.id, &sa));
      g_assert_true (tp_layout_get_stage (b, stage->item.id, &sb));
      tp_test_assert_same_rect (&sa.column, &sb.column);
      tp_test_assert_same_rect (&sa.header, &sb.header);
      tp_test_assert_same_rect (&sa.name, &sb.name);
      for (guint k = 0; k < stage->touchpoints->len; k++)
        {
          TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, k);
          TpTouchpointInfo ta, tb;

          g_assert_true (tp_layout_get_touchpoint (a, touchpoint->item.id, &ta));
          g_assert_true (tp_layout_get_touchpoint (b, touchpoint->item.id, &tb));
          assert_same_touchpoint (&ta, &tb);
        }
    }

  g_assert_cmpuint (tp_layout_count_link_tangles (a), ==, tp_layout_count_link_tangles (b));
  for (guint i = 0; i < links->len; i++)
    {
      TpLink *link = g_ptr_array_index (links, i);
      TpLinkInfo la, lb;
      gboolean ha = tp_layout_get_link (a, link->item.id, &la);

      g_assert_cmpint (ha, ==, tp_layout_get_link (b, link->item.id, &lb));
      if (!ha)
        continue;
      g_assert_cmpstr (la.touchpoint, ==, lb.touchpoint);
      g_assert_cmpstr (la.note, ==, lb.note);
      g_assert_cmpuint (la.number, ==, lb.number);
      g_assert_cmpuint (la.tint, ==, lb.tint);
      g_assert_cmpuint (la.n_path, ==, lb.n_path);
      for (guint k = 0; k < la.n_path; k++)
        {
          g_assert_cmpfloat (la.path[k].x, ==, lb.path[k].x);
          g_assert_cmpfloat (la.path[k].y, ==, lb.path[k].y);
        }
      tp_test_assert_same_rect (&la.bounds, &lb.bounds);
      tp_test_assert_same_rect (&la.pill, &lb.pill);
      tp_test_assert_same_rect (&la.note_badge, &lb.note_badge);
      tp_test_assert_same_rect (&la.card_badge, &lb.card_badge);
    }
}

/* The kept layout, updated, against a fresh one of the same document. */
static void
check_against_fresh (TpLayout   *kept,
                     TpDocument *document)
{
  TpLayout *fresh = tp_layout_new ();

  tp_layout_update (kept, document);
  tp_layout_update (fresh, document);
  assert_same_geometry (kept, fresh, document);
  tp_layout_free (fresh);
}

static TpTouchpoint *
nth_touchpoint (TpDocument *document,
                guint       stage,
                guint       index)
{
  TpStage *s = g_ptr_array_index (tp_document_get_stages (document), stage);

  return g_ptr_array_index (s->touchpoints, index);
}

static TpNote *
first_linked_note (TpDocument *document)
{
  TpLink *link = g_ptr_array_index (tp_document_get_links (document), 0);

  return (TpNote *) tp_document_lookup (document, link->note);
}

static void
test_same_as_fresh (void)
{
  g_autoptr(TpDocument) document = tp_bench_make_document (N_NOTES);
  TpLayout *kept = tp_layout_new ();
  GPtrArray *stages = tp_document_get_stages (document);
  TpStage *stage = g_ptr_array_index (stages, 0);
  TpNote *note = first_linked_note (document);
  TpTouchpoint *touchpoint = nth_touchpoint (document, 0, 0);
  const char *added;
  char *text;

  g_assert_cmpuint (stages->len, >, 1);
  g_assert_cmpuint (tp_document_get_links (document)->len, >, 10);
  tp_layout_update (kept, document);
  check_against_fresh (kept, document);

  /* A linked note's text, long enough to grow it. */
  text = note->text;
  note->text = g_strconcat (text, " and so many more words that it wraps onto more lines "
                            "than it had before, moving the notes below it", NULL);
  g_free (text);
  check_against_fresh (kept, document);

  /* A note moved into another block. */
  tp_document_move_note (document, note->item.id, TP_CONTAINER_KEY_PARTNERS, 0);
  check_against_fresh (kept, document);

  /* A touchpoint added, renamed, given a pain point, removed. */
  added = tp_document_add_touchpoint (document, stage->item.id, 0, "A touchpoint added");
  g_assert_nonnull (added);
  check_against_fresh (kept, document);
  touchpoint = (TpTouchpoint *) tp_document_lookup (document, added);
  text = touchpoint->name;
  touchpoint->name = g_strdup ("A touchpoint renamed, with a name long enough to wrap twice "
                               "in its card and make the card row taller");
  g_free (text);
  check_against_fresh (kept, document);
  g_ptr_array_add (touchpoint->pains, g_strdup ("A pain point that was not there"));
  check_against_fresh (kept, document);
  tp_document_delete (document, (const char *[]) { added }, 1);
  check_against_fresh (kept, document);

  /* A link added, from a note with none to a card in the last stage. */
  {
    TpNote *from = g_ptr_array_index (tp_document_get_notes (document, TP_CONTAINER_CHANNELS), 0);
    TpStage *last = g_ptr_array_index (stages, stages->len - 1);
    TpTouchpoint *to = g_ptr_array_index (last->touchpoints, 0);

    g_assert_nonnull (tp_document_add_link (document, from->item.id, to->item.id, "new"));
    check_against_fresh (kept, document);
  }

  tp_layout_free (kept);
}

static void
test_counts (void)
{
  g_autoptr(TpDocument) document = tp_bench_make_document (N_NOTES);
  TpLayout *layout = tp_layout_new ();
  TpNote *note = g_ptr_array_index (tp_document_get_notes (document, TP_CONTAINER_CHANNELS), 0);
  TpTouchpoint *touchpoint = nth_touchpoint (document, 1, 0);
  guint measured, routed;
  char *text;

  tp_layout_update (layout, document);
  g_assert_cmpuint (tp_document_get_n_touchpoints (document), >, 10);

  /* Nothing changed: no card measured, no link routed. */
  measured = _tp_journey_count_measured ();
  routed = _tp_links_count_routed ();
  tp_layout_update (layout, document);
  g_assert_cmpuint (_tp_journey_count_measured (), ==, measured);
  g_assert_cmpuint (_tp_links_count_routed (), ==, routed);

  /* One canvas note's text: no card measured. */
  text = note->text;
  note->text = g_strconcat (text, " and a few words more", NULL);
  g_free (text);
  tp_layout_update (layout, document);
  g_assert_cmpuint (_tp_journey_count_measured (), ==, measured);

  /* One touchpoint's action: that card alone, and the links stay (nothing they go
   * round moved). */
  routed = _tp_links_count_routed ();
  text = touchpoint->action;
  touchpoint->action = g_strconcat (text, " and one more thing", NULL);
  g_free (text);
  tp_layout_update (layout, document);
  g_assert_cmpuint (_tp_journey_count_measured (), ==, measured + 1);
  g_assert_cmpuint (_tp_links_count_routed (), ==, routed);

  /* Unchanged updates after that measure and route nothing again. */
  tp_layout_update (layout, document);
  tp_layout_update (layout, document);
  g_assert_cmpuint (_tp_journey_count_measured (), ==, measured + 1);
  g_assert_cmpuint (_tp_links_count_routed (), ==, routed);

  tp_layout_free (layout);
}

/* A large board, edited again and again (issue 19): each block keeps what it placed
 * while its notes and width stay the same, and after every edit the kept layout is the
 * fresh layout, rect for rect. */
/* Under the sanitizers (TP_TEST_SLOWDOWN) shaping costs some 30 times as much, and every
 * check lays a fresh board out: a smaller large board. */
static guint
large_size (void)
{
  return g_getenv ("TP_TEST_SLOWDOWN") != NULL ? 400 : 1200;
}

static void
set_text (TpNote     *note,
          const char *text)
{
  g_free (note->text);
  note->text = g_strdup (text);
}

static void
test_edits_in_a_row (void)
{
  g_autoptr(TpDocument) document = tp_bench_make_document (large_size ());
  TpLayout *kept = tp_layout_new ();
  GPtrArray *partners = tp_document_get_notes (document, TP_CONTAINER_KEY_PARTNERS);
  GPtrArray *costs = tp_document_get_notes (document, TP_CONTAINER_COST_STRUCTURE);
  TpNote *note = g_ptr_array_index (partners, 0);
  g_autofree char *original = g_strdup (note->text);
  g_autofree char *longer = g_strconcat (original, " and a few words more, then a few more "
                                         "again so that it takes another line", NULL);
  const char *added;

  tp_layout_update (kept, document);
  check_against_fresh (kept, document);

  /* The same note typed into, again and again: longer, back, longer. */
  set_text (note, longer);
  check_against_fresh (kept, document);
  set_text (note, original);
  check_against_fresh (kept, document);
  set_text (note, longer);
  check_against_fresh (kept, document);
  /* Another block's note, then a vote. */
  set_text (g_ptr_array_index (costs, costs->len / 2), "Cut short");
  check_against_fresh (kept, document);
  ((TpNote *) g_ptr_array_index (partners, 1))->votes += 7;
  check_against_fresh (kept, document);
  /* Two notes of one block trading places, a note added and removed, a block expanded. */
  tp_document_move_note (document, note->item.id, TP_CONTAINER_KEY_PARTNERS, 2);
  check_against_fresh (kept, document);
  added = tp_document_add_note (document, TP_CONTAINER_CHANNELS, 0, "A channel added");
  g_assert_nonnull (added);
  check_against_fresh (kept, document);
  tp_document_delete (document, (const char *[]) { added }, 1);
  check_against_fresh (kept, document);
  tp_layout_set_expanded (kept, TP_CONTAINER_KEY_PARTNERS, TRUE);
  {
    TpLayout *fresh = tp_layout_new ();

    tp_layout_set_expanded (fresh, TP_CONTAINER_KEY_PARTNERS, TRUE);
    tp_layout_update (kept, document);
    tp_layout_update (fresh, document);
    assert_same_geometry (kept, fresh, document);
    tp_layout_free (fresh);
  }
  tp_layout_set_expanded (kept, TP_CONTAINER_KEY_PARTNERS, FALSE);
  check_against_fresh (kept, document);

  tp_layout_free (kept);
}

/* Every link's path in turn, to tell which an update changed. */
static GArray *
take_paths (TpLayout   *layout,
            TpDocument *document,
            GArray     *lengths)
{
  GPtrArray *links = tp_document_get_links (document);
  GArray *points = g_array_new (FALSE, FALSE, sizeof (TpPoint));

  g_array_set_size (lengths, 0);
  for (guint i = 0; i < links->len; i++)
    {
      TpLinkInfo info = { 0 };

      tp_layout_get_link (layout, ((TpItem *) g_ptr_array_index (links, i))->id, &info);
      g_array_append_vals (points, info.path, info.n_path);
      g_array_append_val (lengths, info.n_path);
    }
  return points;
}

static guint
count_changed_paths (GArray *before,
                     GArray *before_lengths,
                     GArray *after,
                     GArray *after_lengths)
{
  guint changed = 0, a = 0, b = 0;

  g_assert_cmpuint (before_lengths->len, ==, after_lengths->len);
  for (guint i = 0; i < before_lengths->len; i++)
    {
      guint na = g_array_index (before_lengths, guint, i);
      guint nb = g_array_index (after_lengths, guint, i);

      if (na != nb || memcmp (&g_array_index (before, TpPoint, a),
                              &g_array_index (after, TpPoint, b), na * sizeof (TpPoint)) != 0)
        changed++;
      a += na;
      b += nb;
    }
  return changed;
}

#define LONGER "A note made longer, with a few words more, then a few more again, so " \
               "that it takes another line or two"

/* Edits that change a linked note's height, one after another, on a board with more
 * links than the band has lanes (issue 19): each moves the notes after it in its block
 * and the links leaving them, and the kept layout's links are a fresh routing's, point
 * for point, bounds, pills and badges; and the routing makes again the paths of the
 * links whose path changed and of no other. */
static void
test_links_edits (TpDocument *document,
                  TpLayout   *kept,
                  TpNote     *note,
                  TpNote     *second)
{
  GPtrArray *links = tp_document_get_links (document);
  g_autofree char *original = g_strdup (note->text);
  g_autofree char *second_original = g_strdup (second->text);
  struct { TpNote *note; const char *text; } edits[] = {
    { note, LONGER }, { note, original }, { note, LONGER }, { second, LONGER },
    { second, second_original }, { note, original },
  };
  guint total_made = 0;
  /* Under the sanitizers (TP_TEST_SLOWDOWN), the first edits alone. */
  guint n_edits = g_getenv ("TP_TEST_SLOWDOWN") != NULL ? 3 : G_N_ELEMENTS (edits);

  g_assert_cmpuint (links->len, >, 40);
  tp_layout_update (kept, document);
  check_against_fresh (kept, document);

  for (guint e = 0; e < n_edits; e++)
    {
      g_autoptr(GArray) before_lengths = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) after_lengths = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) before = take_paths (kept, document, before_lengths);
      g_autoptr(GArray) after = NULL;
      guint routed = _tp_links_count_routed (), paths = _tp_links_count_paths ();
      guint changed, made;

      set_text (edits[e].note, edits[e].text);
      tp_layout_update (kept, document);
      after = take_paths (kept, document, after_lengths);
      changed = count_changed_paths (before, before_lengths, after, after_lengths);
      made = _tp_links_count_paths () - paths;
      g_test_message ("edit %u: %u of %u links' paths changed, %u made again", e, changed,
                      links->len, made);
      g_assert_cmpuint (_tp_links_count_routed (), ==, routed + 1);
      g_assert_cmpuint (changed, >, 0);
      g_assert_cmpuint (changed, <, links->len);
      g_assert_cmpuint (made, ==, changed);
      total_made += made;
      check_against_fresh (kept, document);

      /* The same again: nothing routed, no path made. */
      paths = _tp_links_count_paths ();
      tp_layout_update (kept, document);
      g_assert_cmpuint (_tp_links_count_paths (), ==, paths);
    }
  g_assert_cmpuint (total_made, <, n_edits * links->len / 2);
}

/* On the bench's board, whose notes' texts wrap to a line or two, at two sizes: at 600
 * notes, an edit and its undoing used to leave a note's boxes as a trial of the canvas's
 * fit had flowed them (its text rect other than a fresh layout's). */
static void
test_links_kept (gconstpointer data)
{
  g_autoptr(TpDocument) document = tp_bench_make_document (GPOINTER_TO_UINT (data));
  GPtrArray *links = tp_document_get_links (document);
  TpLayout *kept = tp_layout_new ();
  TpNote *note = NULL, *second = NULL;
  TpNoteInfo info;

  /* Two shown linked notes near the top of two blocks (many notes after each) that a
   * longer text makes taller (most notes are as tall as the tallest in their row), where
   * the links are kept: their block keeps its size, so only notes move, and every link
   * still goes down the gutters it went down (else all are routed afresh). */
  tp_layout_update (kept, document);
  for (guint i = 0; i < links->len && second == NULL; i++)
    {
      TpLink *link = g_ptr_array_index (links, i);
      TpNote *candidate = (TpNote *) tp_document_lookup (document, link->note);
      g_autofree char *text = g_strdup (candidate->text);
      TpNoteInfo now;
      guint paths;

      if (!tp_layout_get_note (kept, link->note, &info) || !info.visible || info.index > 12 ||
          (note != NULL && (candidate == note || info.container == note->container)))
        continue;
      set_text (candidate, LONGER);
      paths = _tp_links_count_paths ();
      tp_layout_update (kept, document);
      paths = _tp_links_count_paths () - paths;
      tp_layout_get_note (kept, link->note, &now);
      set_text (candidate, text);
      tp_layout_update (kept, document);
      if (now.rect.height == info.rect.height || paths == links->len)
        continue;
      if (note == NULL)
        note = candidate;
      else
        second = candidate;
    }
  g_assert_nonnull (second);
  test_links_edits (document, kept, note, second);
  tp_layout_free (kept);
}

/* The boxes visited per block by an update, as counted by the layout. */
static void
count_visits (guint *visits)
{
  for (TpContainer c = 0; c < TP_N_CONTAINERS; c++)
    visits[c] = _tp_layout_count_box_visits (c);
}

/* An edit of one note visits its own block's boxes, and no other block's: the others
 * keep what they placed (no flow, no box built again), as an unchanged relayout keeps
 * every block's. */
static void
test_edit_visits_its_block (void)
{
  g_autoptr(TpDocument) document = tp_bench_make_document (large_size ());
  TpLayout *layout = tp_layout_new ();
  GPtrArray *notes = tp_document_get_notes (document, TP_CONTAINER_VALUE_PROPOSITIONS);
  TpNote *note = g_ptr_array_index (notes, 3);
  g_autofree char *original = g_strdup (note->text);
  guint before[TP_N_CONTAINERS], after[TP_N_CONTAINERS];
  g_autofree char *same = NULL;
  guint first;

  /* The first layout flows every block at each of the fit's trial widths. */
  count_visits (before);
  tp_layout_update (layout, document);
  count_visits (after);
  first = after[TP_CONTAINER_VALUE_PROPOSITIONS] - before[TP_CONTAINER_VALUE_PROPOSITIONS];
  tp_layout_update (layout, document);

  /* Nothing changed: no block visits a box. */
  count_visits (before);
  tp_layout_update (layout, document);
  count_visits (after);
  for (TpContainer c = 0; c < TP_N_CONTAINERS; c++)
    g_assert_cmpuint (after[c], ==, before[c]);

  /* One note's text, its first letter changed (the same lines): its block's boxes only. */
  same = g_strdup (original);
  same[0] = same[0] == 'X' ? 'Y' : 'X';
  set_text (note, same);
  count_visits (before);
  tp_layout_update (layout, document);
  count_visits (after);
  for (TpContainer c = 0; c < TP_N_CONTAINERS; c++)
    {
      g_test_message ("block %u: %u boxes visited (%u notes)", c, after[c] - before[c],
                      tp_document_get_notes (document, c)->len);
      /* Its boxes built, flowed for real and committed, and the fit's trials a row at
       * each width (tp-layout-need.c): a fraction of what the first layout's trials
       * visited, flowing the whole block at every width. */
      if (c == TP_CONTAINER_VALUE_PROPOSITIONS)
        {
          g_test_message ("the first layout visited %u", first);
          g_assert_cmpuint (after[c], >=, before[c] + notes->len);
          g_assert_cmpuint (after[c] - before[c], <, first / 4);
        }
      else
        g_assert_cmpuint (after[c], ==, before[c]);
    }
  check_against_fresh (layout, document);

  /* And back: again its block alone. */
  set_text (note, original);
  count_visits (before);
  tp_layout_update (layout, document);
  count_visits (after);
  for (TpContainer c = 0; c < TP_N_CONTAINERS; c++)
    if (c != TP_CONTAINER_VALUE_PROPOSITIONS)
      g_assert_cmpuint (after[c], ==, before[c]);

  tp_layout_free (layout);
}

/* Edits of notes told to the layout by block (tp_layout_update_blocks(), as the board
 * does): after each, the kept layout equals a fresh one, and only the edited blocks'
 * notes were signed (hashed) again, where tp_layout_update() signs every note. */
static void
test_update_blocks (void)
{
  g_autoptr(TpDocument) document = tp_bench_make_document (large_size ());
  TpLayout *kept = tp_layout_new ();
  static const TpContainer blocks[] = { TP_CONTAINER_KEY_PARTNERS, TP_CONTAINER_CHANNELS,
                                        TP_CONTAINER_KEY_PARTNERS, TP_CONTAINER_COST_STRUCTURE };
  guint n_notes = tp_document_get_n_notes (document), signed_before;

  tp_layout_update (kept, document);
  signed_before = _tp_layout_count_signed ();
  tp_layout_update (kept, document);
  g_assert_cmpuint (_tp_layout_count_signed () - signed_before, ==, n_notes);

  for (guint e = 0; e < G_N_ELEMENTS (blocks) * 2; e++)
    {
      GPtrArray *notes = tp_document_get_notes (document, blocks[e % G_N_ELEMENTS (blocks)]);
      TpNote *note = g_ptr_array_index (notes, e % notes->len);
      g_autofree char *text = g_strconcat (note->text, e % 2 ? " and another line of words, "
                                           "long enough to wrap" : " and more", NULL);
      gboolean edited[TP_N_CONTAINERS] = { FALSE, };
      guint before = _tp_layout_count_signed ();

      set_text (note, text);
      note->votes += e % 3 == 0;
      edited[note->container] = TRUE;
      tp_layout_update_blocks (kept, document, edited);
      g_assert_cmpuint (_tp_layout_count_signed () - before, ==, notes->len);
      check_against_fresh (kept, document);
    }

  tp_layout_free (kept);
}

#define TILE      256
#define ZOOM      0.25

/* The board rect tile (column, row) covers at zoom, as the board widget's (tp-board-draw.c). */
static TpRect
tile_area (double zoom,
           int    column,
           int    row)
{
  return (TpRect) { column * TILE / zoom, row * TILE / zoom, TILE / zoom, TILE / zoom };
}

static cairo_t *
tile_context (cairo_surface_t *surface,
              double           zoom,
              const TpRect    *area,
              TpPaintOptions  *options)
{
  cairo_t *cr = cairo_create (surface);

  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -area->x, -area->y);
  tp_paint_options_init (options);
  options->screen = TRUE;
  options->visible = *area;
  return cr;
}

/* One tile of the board as the board widget paints it (tp-board-draw.c). */
static cairo_surface_t *
paint_tile (TpLayout   *layout,
            TpDocument *document,
            double      zoom,
            int         column,
            int         row)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, TILE, TILE);
  TpRect area = tile_area (zoom, column, row);
  TpPaintOptions options;
  cairo_t *cr = tile_context (surface, zoom, &area, &options);

  tp_paint_board (cr, layout, document, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* A kept tile painted again where rects say, as the board does after an edit: a new
 * surface holding the old tile's pixels, painted again inside the rects alone. */
static cairo_surface_t *
repaint_tile (cairo_surface_t *old,
              TpLayout        *layout,
              TpDocument      *document,
              double           zoom,
              int              column,
              int              row,
              GArray          *rects)
{
  TpRect area = tile_area (zoom, column, row);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  TpPaintOptions options;
  cairo_matrix_t matrix;
  cairo_t *cr = tile_context (surface, zoom, &area, &options);

  cairo_get_matrix (cr, &matrix);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  surface = tp_paint_tile_again (old, &matrix, layout, document, &options,
                                 (const TpRect *) rects->data, rects->len);
  g_assert_nonnull (surface);
  return surface;
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (gsize) cairo_image_surface_get_stride (a) * TILE) == 0;
}

/* Paints every tile of the board at zoom, edits note's text, and paints again the tiles
 * the damage names, inside its rects alone: every tile, painted again or not, is byte for
 * byte a fresh one, those it names are fewer than the board's tiles divided by part, and
 * painting them again in part paints fewer notes than painting them whole. */
static void
check_damage_tiles (TpDocument *document,
                    TpLayout   *layout,
                    TpNote     *note,
                    const char *text,
                    double      zoom,
                    guint       part)
{
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (TpRect));
  g_autoptr(GPtrArray) tiles = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  g_autoptr(TpLayoutDamage) damage = NULL;
  int columns, rows;
  guint repainted = 0, changed = 0, in_part = 0, whole = 0;
  TpRect bounds;

  tp_layout_update (layout, document);
  tp_layout_get_bounds (layout, &bounds);
  columns = (int) ceil (bounds.width * zoom / TILE);
  rows = (int) ceil (bounds.height * zoom / TILE);
  for (int r = 0; r < rows; r++)
    for (int c = 0; c < columns; c++)
      g_ptr_array_add (tiles, paint_tile (layout, document, zoom, c, r));

  damage = tp_layout_damage_new (layout, document);
  set_text (note, text);
  tp_layout_damage_add_note (damage, note);
  tp_layout_update (layout, document);
  g_assert_true (tp_layout_damage_finish (damage, layout, document, rects));
  g_assert_cmpuint (rects->len, >=, 1);

  for (int r = 0; r < rows; r++)
    for (int c = 0; c < columns; c++)
      {
        TpRect area = tile_area (zoom, c, r);
        cairo_surface_t *kept = g_ptr_array_index (tiles, r * columns + c);
        cairo_surface_t *fresh, *again;
        gboolean damaged = FALSE;
        guint before;

        /* As the board drops its tiles: the rects hold the shadows' bleed. */
        for (guint i = 0; i < rects->len; i++)
          damaged |= tp_rect_intersects (&g_array_index (rects, TpRect, i), &area);

        before = _tp_paint_count_note_boxes ();
        fresh = paint_tile (layout, document, zoom, c, r);
        if (!damaged)
          {
            g_assert_true (same_pixels (kept, fresh));
            cairo_surface_destroy (fresh);
            continue;
          }
        whole += _tp_paint_count_note_boxes () - before;
        repainted++;
        changed += !same_pixels (kept, fresh);

        /* Painted again in part, the tile is what the fresh paint is, to the byte: the
         * rects' edges fall on whole pixels, outside them the kept pixels stay. */
        before = _tp_paint_count_note_boxes ();
        again = repaint_tile (kept, layout, document, zoom, c, r, rects);
        in_part += _tp_paint_count_note_boxes () - before;
        if (!same_pixels (again, fresh))
          {
            g_autofree char *a = g_strdup_printf ("%s/tile-%d-%d-again.png", g_get_tmp_dir (), c, r);
            g_autofree char *b = g_strdup_printf ("%s/tile-%d-%d-fresh.png", g_get_tmp_dir (), c, r);

            cairo_surface_write_to_png (again, a);
            cairo_surface_write_to_png (fresh, b);
            g_test_message ("tile %d, %d painted again differs from a fresh paint: %s, %s",
                            c, r, a, b);
            g_test_fail ();
          }
        cairo_surface_destroy (again);
        cairo_surface_destroy (fresh);
      }
  g_test_message ("tiles painted again: %u of %d; notes painted in part %u, whole %u",
                  repainted, rows * columns, in_part, whole);
  /* The edit did change pixels, and only where the damage says. */
  g_assert_cmpuint (changed, >, 0);
  g_assert_cmpuint (repainted, <, (guint) (rows * columns) / part);
  g_assert_cmpuint (in_part, <, whole);
}

static void
test_damage_tiles (gconstpointer data)
{
  double zoom = *(const double *) data;
  g_autoptr(TpDocument) document = tp_bench_make_document (200);
  TpLayout *layout = tp_layout_new ();
  TpNote *note = g_ptr_array_index (tp_document_get_notes (document, TP_CONTAINER_KEY_RESOURCES), 0);
  g_autofree char *text = g_strconcat (note->text, " and many more words, enough to wrap again",
                                       NULL);

  /* A note's text made longer: its block alone is painted again. */
  check_damage_tiles (document, layout, note, text, zoom, 2);
  tp_layout_free (layout);
}

/* A linked note made taller moves the notes after it and the links leaving them: those
 * links are painted again where they were and where they are, not the whole board. */
static void
test_damage_links (void)
{
  g_autoptr(TpDocument) document = tp_bench_make_document (600);
  GPtrArray *links = tp_document_get_links (document);
  TpLayout *layout = tp_layout_new ();
  g_autoptr(GArray) before_lengths = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) after_lengths = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) before = NULL, after = NULL;
  TpNote *note = NULL;

  tp_layout_update (layout, document);
  for (guint i = 0; i < links->len && note == NULL; i++)
    {
      TpLink *link = g_ptr_array_index (links, i);
      TpNote *candidate = (TpNote *) tp_document_lookup (document, link->note);
      g_autofree char *text = g_strdup (candidate->text);
      TpNoteInfo info, now;

      if (!tp_layout_get_note (layout, link->note, &info) || !info.visible || info.index > 12)
        continue;
      set_text (candidate, LONGER);
      tp_layout_update (layout, document);
      tp_layout_get_note (layout, link->note, &now);
      set_text (candidate, text);
      tp_layout_update (layout, document);
      if (now.rect.height != info.rect.height)
        note = candidate;
    }
  g_assert_nonnull (note);

  before = take_paths (layout, document, before_lengths);
  /* A link's bounds reach from its note down to its card: fewer tiles than all. */
  check_damage_tiles (document, layout, note, LONGER, ZOOM, 1);
  after = take_paths (layout, document, after_lengths);
  g_assert_cmpuint (count_changed_paths (before, before_lengths, after, after_lengths), >, 0);
  tp_layout_free (layout);
}

/* A note's edit that moves nothing (a letter of its text): the damage is that note's
 * rect and its shadow's reach, not its block; and a kept tile painted again there is a
 * fresh one, to the byte (check_damage_tiles()). */
static void
test_damage_note_alone (void)
{
  g_autoptr(TpDocument) document = tp_bench_make_document (600);
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (TpRect));
  g_autoptr(TpLayoutDamage) damage = NULL;
  TpLayout *layout = tp_layout_new ();
  TpNote *note = g_ptr_array_index (tp_document_get_notes (document, TP_CONTAINER_KEY_ACTIVITIES), 1);
  g_autofree char *same = g_strdup (note->text);
  TpNoteInfo was, is;
  TpContainerInfo block;
  TpRect reach;

  tp_layout_update (layout, document);
  g_assert_true (tp_layout_get_note (layout, note->item.id, &was));
  g_assert_true (was.visible);
  tp_layout_get_container (layout, note->container, &block);
  damage = tp_layout_damage_new (layout, document);
  same[0] = same[0] == 'X' ? 'Y' : 'X';
  set_text (note, same);
  tp_layout_damage_add_note (damage, note);
  tp_layout_update (layout, document);
  g_assert_true (tp_layout_get_note (layout, note->item.id, &is));
  tp_test_assert_same_rect (&was.rect, &is.rect);
  g_assert_true (tp_layout_damage_finish (damage, layout, document, rects));

  /* Its rect, grown by the shadows' bleed the damage adds: far less than its block. */
  reach = (TpRect) { was.rect.x - 2 * layout->theme->note_gap - 8,
                     was.rect.y - 2 * layout->theme->note_gap - 8,
                     was.rect.width + 4 * layout->theme->note_gap + 16,
                     was.rect.height + 4 * layout->theme->note_gap + 16 };
  g_assert_cmpuint (rects->len, >=, 1);
  for (guint i = 0; i < rects->len; i++)
    g_assert_true (tp_rect_contains_rect (&reach, &g_array_index (rects, TpRect, i)));
  g_assert_cmpfloat (reach.width * reach.height, <, block.rect.width * block.rect.height / 4);

  /* And the tiles, painted again there, are fresh ones (the edit back). */
  same[0] = same[0] == 'X' ? 'Y' : 'X';
  check_damage_tiles (document, layout, note, same, 1.0, 8);
  tp_layout_free (layout);
}

/* A board without a link (the editor's usual start): the damage compares empty link
 * paths too, and a note's edit still damages its block alone. */
static void
test_damage_no_links (void)
{
  g_autoptr(TpDocument) document = tp_document_new ();
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (TpRect));
  g_autoptr(TpLayoutDamage) damage = NULL;
  TpLayout *layout = tp_layout_new ();
  const char *id = tp_document_add_note (document, TP_CONTAINER_CUSTOMER_SEGMENTS, 0, "Commuters");
  TpNote *note = g_ptr_array_index (tp_document_get_notes (document, TP_CONTAINER_CUSTOMER_SEGMENTS), 0);
  char *text;

  g_assert_nonnull (id);
  tp_layout_update (layout, document);
  damage = tp_layout_damage_new (layout, document);
  text = note->text;
  note->text = g_strconcat (text, " who cycle", NULL);
  g_free (text);
  tp_layout_damage_add_note (damage, note);
  tp_layout_update (layout, document);
  g_assert_true (tp_layout_damage_finish (damage, layout, document, rects));
  g_assert_cmpuint (rects->len, >=, 1);
  tp_layout_free (layout);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/layout-incremental/same-as-fresh", test_same_as_fresh);
  g_test_add_func ("/layout-incremental/counts", test_counts);
  g_test_add_func ("/layout-incremental/edits-in-a-row", test_edits_in_a_row);
  g_test_add_func ("/layout-incremental/edit-visits-its-block", test_edit_visits_its_block);
  g_test_add_func ("/layout-incremental/update-blocks", test_update_blocks);
  g_test_add_data_func ("/layout-incremental/links-kept/600", GUINT_TO_POINTER (600),
                        test_links_kept);
  if (g_getenv ("TP_TEST_SLOWDOWN") == NULL)
    g_test_add_data_func ("/layout-incremental/links-kept/1200", GUINT_TO_POINTER (1200),
                          test_links_kept);
  /* The board's tiles at a quarter, at full size (the text drawn, not its bars) and at a
   * zoom whose tiles end inside a board unit. */
  {
    static const double zooms[] = { ZOOM, 1.0, 0.7 };
    static const char *const names[] = { "quarter", "full", "0.7" };

    for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
      {
        g_autofree char *path = g_strdup_printf ("/layout-incremental/damage-tiles/%s", names[i]);

        g_test_add_data_func (path, &zooms[i], test_damage_tiles);
      }
  }
  g_test_add_func ("/layout-incremental/damage-links", test_damage_links);
  g_test_add_func ("/layout-incremental/damage-note-alone", test_damage_note_alone);
  g_test_add_func ("/layout-incremental/damage-no-links", test_damage_no_links);

  return g_test_run ();
}
