/* tp-story.h: the workshop told step by step, for presenting and for the story deck.
 *
 * A story is the document's steps in the order a facilitator tells them (issue 17):
 * a title step; the Business Model Canvas block by block in Osterwalder's order
 * (1 Customer Segments … 9 Cost Structure), each step revealing its block with the
 * earlier blocks kept and the current one emphasised; the value chain; the journey stage
 * by stage, the emotion curve drawn up to that stage; each moment of truth with its
 * expectation/experience gap, strategy and actions; the alignment and the analysis.
 * Steps with nothing to show are skipped; hidden steps (the document's choice) are left
 * out of tp_story_get_n_steps() but listed by tp_story_get_n_all_steps() so a presenter
 * can show them again. A block or stage holding more than a step can show legibly
 * continues on further steps (part / n_parts).
 *
 * Core: no GTK, no drawing. A story is a snapshot; build a new one when the document
 * changes (it is cheap: no text is measured here).
 */
#pragma once

#include "model/tp-document.h"

G_BEGIN_DECLS

typedef enum {
  TP_STORY_STEP_TITLE,          /* title, organisation, facilitator, date */
  TP_STORY_STEP_CANVAS_BLOCK,   /* container: blocks 1 … container shown, it emphasised */
  TP_STORY_STEP_VALUE_CHAIN,
  TP_STORY_STEP_JOURNEY_STAGE,  /* stage: stages 0 … stage_index shown, curve up to it */
  TP_STORY_STEP_MOMENT,         /* touchpoint: a moment of truth, gap, strategy, actions */
  TP_STORY_STEP_ALIGNMENT,
  TP_STORY_STEP_ANALYSIS,
} TpStoryStepKind;

typedef struct
{
  TpStoryStepKind  kind;
  const char      *key;          /* stable, for hiding: "title", "canvas:customer-segments",
                                  * "value-chain", "stage:ID", "moment:ID", "alignment",
                                  * "analysis" (owned by the story) */
  TpContainer      container;    /* CANVAS_BLOCK */
  const char      *stage;        /* JOURNEY_STAGE: the stage's id; MOMENT: its stage's */
  guint            stage_index;  /* JOURNEY_STAGE, MOMENT */
  const char      *touchpoint;   /* MOMENT: the touchpoint's id */
  guint            first;        /* of the items this part shows (notes of the block,
                                  * touchpoints of the stage, ALIGNMENT: rows of its
                                  * section, tp_story_get_alignment_rows()) */
  guint            n_items;      /* how many this part shows */
  guint            part;         /* 0 … n_parts - 1 when the block or stage continues
                                  * (ALIGNMENT, ANALYSIS: over all their sections) */
  guint            n_parts;
  guint            section;      /* ALIGNMENT, ANALYSIS: the section (TpStorySection) */
  guint            section_part; /* ALIGNMENT, ANALYSIS: the part within its section, for its
                                  * title */
  guint            section_n_parts;
  gboolean         hidden;       /* only through tp_story_get_all_step() */
} TpStoryStep;

/* What one step shows at most, so that the painter (render/tp-story-page.c) can keep the
 * text of the items a step is about at 24 px or more at 1280 × 720: a block's notes or
 * the value chain's notes, and a stage's touchpoints. The text budget counts characters
 * (no text is measured here); an item alone over it still gets a step of its own. */
#define TP_STORY_BLOCK_CAPACITY        6
#define TP_STORY_BLOCK_TEXT_BUDGET     300
#define TP_STORY_VALUE_CHAIN_CAPACITY  5
/* A value-chain step shows at most this many areas, each under its own heading: five
 * notes of five areas were five headings and rows, and their text shrank below 24 px. */
#define TP_STORY_VALUE_CHAIN_AREAS     3
#define TP_STORY_STAGE_CAPACITY        4
#define TP_STORY_STAGE_TEXT_BUDGET     480
/* An alignment step's rows (a link, or a gap under its kind's heading): each is a line
 * or two of 24 px text across the slide, with at most two headings among them. Eight
 * rows of a line fill the slide at 24 px (six left its lower half empty, in parts of
 * five). An analysis step's rows are grouped the same way (stages, then pain peaks). */
#define TP_STORY_ALIGNMENT_CAPACITY    8
#define TP_STORY_ALIGNMENT_KINDS       2
/* An alignment or analysis step's rows run across the whole slide, wider than a
 * block's notes: eight links of a line each are 480 characters (a block's budget of 300
 * cut them in parts of five), a stage's job and a pain peak's pains a sentence or two. */
#define TP_STORY_ROWS_TEXT_BUDGET      480

/* The sections of the analysis page a part of an ANALYSIS step shows, in the page's
 * order (TpAnalysisSection of render/tp-analysis-page.h); an ALIGNMENT step's parts are
 * its matrix (GAPS) and its gaps (KANO), where tp-alignment-page.h puts them. Only the
 * analysis's sections with rows are told (tp_story_get_analysis_rows()). */
typedef enum {
  TP_STORY_SECTION_GAPS,
  TP_STORY_SECTION_KANO,
  TP_STORY_SECTION_KPIS,
  TP_STORY_SECTION_JOURNEY,
  TP_STORY_SECTION_VOTES,
  TP_STORY_N_SECTIONS
} TpStorySection;

/* What a row of an alignment step is: a link of the matrix (GAPS section), or a gap
 * (KANO section), grouped by kind in tp-alignment.h's order; and of an analysis step:
 * a moment's gap, a need, a KPI, a stage's job and emotion or a pain peak, a voted item. */
typedef enum {
  TP_STORY_ROW_LINK,                  /* note → touchpoint (its stage) */
  TP_STORY_ROW_UNLINKED_NOTE,         /* note */
  TP_STORY_ROW_UNSUPPORTED_TOUCHPOINT,/* touchpoint (its stage) */
  TP_STORY_ROW_UNOWNED_MOMENT,        /* touchpoint (its stage) */
  TP_STORY_ROW_EMPTY_BLOCK,           /* container */
  TP_STORY_ROW_EMPTY_STAGE,           /* stage */
  TP_STORY_ROW_MOMENT,                /* touchpoint (its stage): expectation, experience, gap */
  TP_STORY_ROW_NEED,                  /* need of touchpoint (its stage): its category */
  TP_STORY_ROW_KPI,                   /* kpi of touchpoint or, touchpoint NULL, of stage */
  TP_STORY_ROW_STAGE,                 /* stage: its job and mean emotion */
  TP_STORY_ROW_PAIN_PEAK,             /* touchpoint (its stage): its emotion and pains */
  TP_STORY_ROW_VOTED,                 /* note, or touchpoint (its stage), and votes */
} TpStoryRowKind;

typedef struct
{
  TpStoryRowKind      kind;
  const TpNote       *note;
  const TpTouchpoint *touchpoint;
  const TpStage      *stage;
  TpContainer         container;
  const TpKanoNeed   *need;
  const TpKpi        *kpi;
  guint               votes;
} TpStoryRow;

typedef struct _TpStory TpStory;

TpStory           *tp_story_new               (TpDocument *document);
void               tp_story_free              (TpStory    *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpStory, tp_story_free)

/* The steps shown, hidden ones left out. */
guint              tp_story_get_n_steps       (TpStory    *self);
const TpStoryStep *tp_story_get_step          (TpStory    *self,
                                               guint       index);
/* Every step, hidden ones included, for a list where they can be shown again. */
guint              tp_story_get_n_all_steps   (TpStory    *self);
const TpStoryStep *tp_story_get_all_step      (TpStory    *self,
                                               guint       index);
/* The step's heading, translated: "Customer Segments", "Stage 2 · Purchase (2/3)". */
char              *tp_story_step_dup_title    (TpStory    *self,
                                               const TpStoryStep *step);
/* The reveal state: whether a canvas step shows the block (Osterwalder's blocks up to
 * and including its own; TRUE for every block on steps past the canvas, FALSE before),
 * and whether a stage step shows the stage at index (and the curve through it). */
gboolean           tp_story_step_reveals_block (const TpStoryStep *step,
                                                TpContainer        container);
gboolean           tp_story_step_reveals_stage (const TpStoryStep *step,
                                                guint              stage_index);
/* Where typing during this step captures: a block (CANVAS_BLOCK, VALUE_CHAIN gives
 * FALSE) or a stage (JOURNEY_STAGE). FALSE when the step has no capture target. */
gboolean           tp_story_step_get_capture  (const TpStoryStep *step,
                                               TpContainer       *container,
                                               const char       **stage);
/* The index among the shown steps of the step whose key is key (after an edit rebuilt
 * the story, a presenter stays on its step), or -1. */
int                tp_story_find_step         (TpStory    *self,
                                               const char *key);
/* Like tp_story_find_step() but for part part of the step (the last part when it has
 * fewer now), so a presenter on a continued block stays on its part. */
int                tp_story_find_step_part    (TpStory    *self,
                                               const char *key,
                                               guint       part);
/* The document's notes that a VALUE_CHAIN step's first … first + n_items - 1 count
 * over: the value chain's areas in order, each area's notes in order. (transfer none)
 * of the note at position index, or NULL. */
const TpNote      *tp_story_get_value_chain_note (TpStory *self,
                                                  guint    index);

/* The rows of an alignment section (TP_STORY_SECTION_GAPS: the links, one a row, in the
 * matrix's order; TP_STORY_SECTION_KANO: the gaps by kind), that an ALIGNMENT step's
 * first … first + n_items - 1 count over. Pointers are borrowed from the document.
 * (element-type TpStoryRow) */
GArray            *tp_story_get_alignment_rows (TpDocument *document,
                                                guint       section);
/* The rows of an analysis section, that an ANALYSIS step's first … first + n_items - 1
 * count over, in the analysis page's order: GAPS the moments of truth ranked
 * (tp_gap_rank()), KANO the needs, KPIS the stages' and touchpoints' KPIs, JOURNEY the
 * stages with a job or touchpoints then the pain peaks, VOTES the most voted items (ten
 * at most, as on the page). Empty: the section is not told. (element-type TpStoryRow) */
GArray            *tp_story_get_analysis_rows  (TpDocument *document,
                                                guint       section);
/* How many rows of section an ANALYSIS step shows at most: each a line or two of 24 px
 * text, a moment's two bars taking more. */
guint              tp_story_get_analysis_capacity (guint    section);

G_END_DECLS
