/* tp-story-rows.c: the rows an alignment or analysis step of the story tells
 *
 * The alignment and analysis pages are tables and charts; scaled whole onto a slide
 * their words fell to 8 to 14 px at 1280 × 720. The story tells them as rows instead,
 * a few a step, in large type: a link or a gap of the alignment, a moment's gap, a
 * need, a KPI, a stage's job and emotion or a pain peak, an item and its dots. This file
 * lists the rows in the pages' own order; tp-story.c cuts them into steps.
 */

#include "config.h"

#include "model/tp-vote-scope.h"
#include "tp-alignment.h"
#include "tp-gap.h"
#include "tp-journey-summary.h"
#include "tp-story.h"

/* The most voted items the analysis page lists (tp-analysis-votes.c): the top of the
 * ranking is what a workshop acts on. */
#define MOST_VOTED_MAX  10

static void
append_row (GArray             *rows,
            TpStoryRowKind      kind,
            const TpNote       *note,
            const TpTouchpoint *touchpoint,
            const TpStage      *stage,
            TpContainer         container)
{
  TpStoryRow row = { kind, note, touchpoint, stage, container };

  g_array_append_val (rows, row);
}

static void
append_touchpoint_rows (GArray         *rows,
                        TpDocument     *document,
                        TpStoryRowKind  kind,
                        GPtrArray      *touchpoints)
{
  for (guint i = 0; i < touchpoints->len; i++)
    {
      const TpTouchpoint *touchpoint = g_ptr_array_index (touchpoints, i);

      append_row (rows, kind, NULL, touchpoint,
                  tp_document_lookup_kind (document, touchpoint->stage, TP_ITEM_STAGE), 0);
    }
}

GArray *
tp_story_get_alignment_rows (TpDocument *document,
                             guint       section)
{
  g_autoptr(TpAlignment) alignment = NULL;
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (TpStoryRow));

  g_return_val_if_fail (TP_IS_DOCUMENT (document), rows);

  alignment = tp_alignment_new (document);
  if (section == TP_STORY_SECTION_GAPS)
    {
      for (guint i = 0; i < alignment->cells->len; i++)
        {
          const TpAlignmentCell *cell = &g_array_index (alignment->cells, TpAlignmentCell, i);
          const TpTouchpoint *touchpoint = g_ptr_array_index (alignment->columns, cell->column);

          append_row (rows, TP_STORY_ROW_LINK, g_ptr_array_index (alignment->rows, cell->row),
                      touchpoint,
                      tp_document_lookup_kind (document, touchpoint->stage, TP_ITEM_STAGE), 0);
        }
      return rows;
    }

  for (guint i = 0; i < alignment->unlinked_notes->len; i++)
    append_row (rows, TP_STORY_ROW_UNLINKED_NOTE,
                g_ptr_array_index (alignment->unlinked_notes, i), NULL, NULL, 0);
  append_touchpoint_rows (rows, document, TP_STORY_ROW_UNSUPPORTED_TOUCHPOINT,
                          alignment->unsupported_touchpoints);
  append_touchpoint_rows (rows, document, TP_STORY_ROW_UNOWNED_MOMENT,
                          alignment->unowned_moments);
  for (guint i = 0; i < alignment->empty_blocks->len; i++)
    append_row (rows, TP_STORY_ROW_EMPTY_BLOCK, NULL, NULL, NULL,
                g_array_index (alignment->empty_blocks, TpContainer, i));
  for (guint i = 0; i < alignment->empty_stages->len; i++)
    append_row (rows, TP_STORY_ROW_EMPTY_STAGE, NULL, NULL,
                g_ptr_array_index (alignment->empty_stages, i), 0);
  return rows;
}

static TpStage *
get_stage (TpDocument         *document,
           const TpTouchpoint *touchpoint)
{
  return tp_document_lookup_kind (document, touchpoint->stage, TP_ITEM_STAGE);
}

static void
append_analysis_row (GArray            *rows,
                     const TpStoryRow  *row)
{
  g_array_append_vals (rows, row, 1);
}

/* The moments of truth, ranked as the gap table ranks them. */
static void
add_gap_rows (GArray     *rows,
              TpDocument *document)
{
  g_autoptr(GArray) ranked = tp_gap_rank (document);

  for (guint i = 0; i < ranked->len; i++)
    {
      const TpGapRow *gap = &g_array_index (ranked, TpGapRow, i);
      TpStoryRow row = { .kind = TP_STORY_ROW_MOMENT, .touchpoint = gap->touchpoint,
                         .stage = gap->stage };

      append_analysis_row (rows, &row);
    }
}

/* The needs in journey order, as the Kano table lists them. */
static void
add_need_rows (GArray     *rows,
               TpDocument *document)
{
  GPtrArray *stages = tp_document_get_stages (document);

  for (guint s = 0; s < stages->len; s++)
    {
      const TpStage *stage = g_ptr_array_index (stages, s);

      for (guint i = 0; i < stage->touchpoints->len; i++)
        {
          const TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, i);

          for (guint k = 0; k < touchpoint->needs->len; k++)
            {
              TpStoryRow row = { .kind = TP_STORY_ROW_NEED, .touchpoint = touchpoint,
                                 .stage = stage,
                                 .need = g_ptr_array_index (touchpoint->needs, k) };

              append_analysis_row (rows, &row);
            }
        }
    }
}

/* A stage's KPIs, then its touchpoints', stage after stage, as the KPI table. */
static void
add_kpi_rows (GArray     *rows,
              TpDocument *document)
{
  GPtrArray *stages = tp_document_get_stages (document);

  for (guint s = 0; s < stages->len; s++)
    {
      const TpStage *stage = g_ptr_array_index (stages, s);

      for (guint k = 0; k < stage->kpis->len; k++)
        {
          TpStoryRow row = { .kind = TP_STORY_ROW_KPI, .stage = stage,
                             .kpi = g_ptr_array_index (stage->kpis, k) };

          append_analysis_row (rows, &row);
        }
      for (guint i = 0; i < stage->touchpoints->len; i++)
        {
          const TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, i);

          for (guint k = 0; k < touchpoint->kpis->len; k++)
            {
              TpStoryRow row = { .kind = TP_STORY_ROW_KPI, .touchpoint = touchpoint,
                                 .stage = stage,
                                 .kpi = g_ptr_array_index (touchpoint->kpis, k) };

              append_analysis_row (rows, &row);
            }
        }
    }
}

/* The stages that have a job or touchpoints (an emotion), then the pain peaks, lowest
 * first: the two tables of the page's journey section. */
static void
add_journey_rows (GArray     *rows,
                  TpDocument *document)
{
  GPtrArray *stages = tp_document_get_stages (document);
  g_autoptr(GPtrArray) peaks = tp_journey_pain_peaks (document);

  for (guint s = 0; s < stages->len; s++)
    {
      const TpStage *stage = g_ptr_array_index (stages, s);
      TpStoryRow row = { .kind = TP_STORY_ROW_STAGE, .stage = stage };

      if ((stage->job != NULL && stage->job[0] != '\0') || stage->touchpoints->len > 0)
        append_analysis_row (rows, &row);
    }
  for (guint i = 0; i < peaks->len; i++)
    {
      const TpTouchpoint *touchpoint = g_ptr_array_index (peaks, i);
      TpStoryRow row = { .kind = TP_STORY_ROW_PAIN_PEAK, .touchpoint = touchpoint,
                         .stage = get_stage (document, touchpoint) };

      append_analysis_row (rows, &row);
    }
}

/* The whole board's most voted notes and touchpoints, most first. */
static void
add_vote_rows (GArray     *rows,
               TpDocument *document)
{
  g_autoptr(GArray) ranking = NULL;
  TpVoteScope scope;

  tp_vote_scope_init (&scope, TP_VOTE_SCOPE_BOARD, 0, NULL);
  ranking = tp_vote_scope_rank (&scope, document, MOST_VOTED_MAX);
  tp_vote_scope_clear (&scope);

  for (guint i = 0; i < ranking->len; i++)
    {
      const TpVoteRank *entry = &g_array_index (ranking, TpVoteRank, i);
      TpItem *item = tp_document_lookup (document, entry->id);
      TpStoryRow row = { .kind = TP_STORY_ROW_VOTED, .votes = entry->votes };

      if (item == NULL)
        continue;
      if (item->kind == TP_ITEM_NOTE)
        {
          row.note = (const TpNote *) item;
          row.container = row.note->container;
        }
      else if (item->kind == TP_ITEM_TOUCHPOINT)
        {
          row.touchpoint = (const TpTouchpoint *) item;
          row.stage = get_stage (document, row.touchpoint);
        }
      else
        continue;
      append_analysis_row (rows, &row);
    }
}

GArray *
tp_story_get_analysis_rows (TpDocument *document,
                            guint       section)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (TpStoryRow));

  g_return_val_if_fail (TP_IS_DOCUMENT (document), rows);

  switch (section)
    {
    case TP_STORY_SECTION_GAPS:
      add_gap_rows (rows, document);
      break;
    case TP_STORY_SECTION_KANO:
      add_need_rows (rows, document);
      break;
    case TP_STORY_SECTION_KPIS:
      add_kpi_rows (rows, document);
      break;
    case TP_STORY_SECTION_JOURNEY:
      add_journey_rows (rows, document);
      break;
    case TP_STORY_SECTION_VOTES:
      add_vote_rows (rows, document);
      break;
    default:
      g_return_val_if_reached (rows);
    }
  return rows;
}

guint
tp_story_get_analysis_capacity (guint section)
{
  /* A moment's row is its name beside two bars and a gap; a stage's job is a sentence
   * or two; a need, a KPI and a voted item are a line each. */
  static const guint capacities[TP_STORY_N_SECTIONS] = {
    [TP_STORY_SECTION_GAPS] = 5,
    [TP_STORY_SECTION_KANO] = 7,
    [TP_STORY_SECTION_KPIS] = 7,
    [TP_STORY_SECTION_JOURNEY] = 5,
    [TP_STORY_SECTION_VOTES] = 7,
  };

  g_return_val_if_fail (section < TP_STORY_N_SECTIONS, 1);
  return capacities[section];
}
