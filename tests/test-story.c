/* test-story.c: the workshop's story, step by step (issue 17)
 *
 * The order of the steps on the example (title, the canvas in Osterwalder's order, the
 * value chain, the stages, the moments of truth, alignment, analysis); steps with nothing
 * to show skipped (an empty workshop is its title alone); hiding a step as an undoable
 * edit that is saved and loaded, keys of steps gone kept; blocks and stages split into
 * balanced parts (a stage of 40 touchpoints, a block of 60 notes); the reveal state of
 * canvas and stage steps; finding a step again after the story is rebuilt.
 */

#include "config.h"

#include <string.h>

#include "analysis/tp-story.h"
#include "io/tp-loader.h"
#include "io/tp-writer.h"
#include "model/tp-document-story.h"
#include "model/tp-enums.h"
#include "model/tp-kpi.h"
#include "model/tp-vote-scope.h"
#include "render/tp-analysis-page.h"

static TpDocument *
load_example (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (TP_EXAMPLE_PATH);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &error);
  TpDocument *document;

  g_assert_no_error (error);
  document = tp_load_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  return document;
}

static TpDocument *
round_trip (TpDocument *document)
{
  g_autoptr(GBytes) bytes = tp_write_bytes (document);
  g_autoptr(GError) error = NULL;
  TpDocument *loaded = tp_load_bytes (bytes, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  return loaded;
}

/* The shown steps' kinds are in the story's order, and within a kind in the document's:
 * canvas blocks by container, stages and moments by stage index, parts in order. */
static void
assert_order (TpStory *story)
{
  for (guint i = 1; i < tp_story_get_n_steps (story); i++)
    {
      const TpStoryStep *before = tp_story_get_step (story, i - 1);
      const TpStoryStep *step = tp_story_get_step (story, i);

      g_assert_cmpint (before->kind, <=, step->kind);
      if (before->kind != step->kind)
        continue;
      if (step->kind == TP_STORY_STEP_CANVAS_BLOCK)
        g_assert_true (before->container < step->container ||
                       (before->container == step->container && before->part + 1 == step->part));
      if (step->kind == TP_STORY_STEP_JOURNEY_STAGE)
        g_assert_true (before->stage_index < step->stage_index ||
                       (before->stage_index == step->stage_index && before->part + 1 == step->part));
      if (step->kind == TP_STORY_STEP_MOMENT)
        g_assert_cmpuint (before->stage_index, <=, step->stage_index);
    }
}

static guint
count_kind (TpStory         *story,
            TpStoryStepKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < tp_story_get_n_steps (story); i++)
    n += tp_story_get_step (story, i)->kind == kind;
  return n;
}

typedef GArray *(*GetRowsFunc) (TpDocument *document,
                                guint       section);

/* The alignment's or analysis's steps (kind) from index on: each of the sections with
 * rows (get_rows) in order, its rows all told once, in order, in parts of at most the
 * capacity (the analysis's: its section's) and of at most two kinds, numbered over all
 * the sections; a section without rows has no step. Returns how many steps they are. */
static guint
check_row_steps (TpStory         *story,
                 TpDocument      *document,
                 guint            index,
                 TpStoryStepKind  kind,
                 const guint     *sections,
                 guint            n_sections,
                 GetRowsFunc      get_rows)
{
  guint n = 0;

  for (guint s = 0; s < n_sections; s++)
    {
      g_autoptr(GArray) rows = get_rows (document, sections[s]);
      guint next = 0, section_part = 0;
      guint capacity = kind == TP_STORY_STEP_ANALYSIS
                       ? tp_story_get_analysis_capacity (sections[s])
                       : TP_STORY_ALIGNMENT_CAPACITY;

      while (next < rows->len)
        {
          const TpStoryStep *step = tp_story_get_step (story, index + n);
          g_autofree char *title = NULL;
          guint kinds = 1;

          g_assert_nonnull (step);
          g_assert_cmpint (step->kind, ==, kind);
          g_assert_cmpstr (step->key, ==, kind == TP_STORY_STEP_ANALYSIS ? "analysis"
                                                                         : "alignment");
          g_assert_cmpuint (step->section, ==, sections[s]);
          g_assert_cmpuint (step->part, ==, n);
          g_assert_cmpuint (step->section_part, ==, section_part++);
          g_assert_cmpuint (step->first, ==, next);
          g_assert_cmpuint (step->n_items, >=, 1);
          g_assert_cmpuint (step->n_items, <=, capacity);
          for (guint i = step->first + 1; i < step->first + step->n_items; i++)
            kinds += g_array_index (rows, TpStoryRow, i).kind !=
                     g_array_index (rows, TpStoryRow, i - 1).kind;
          g_assert_cmpuint (kinds, <=, TP_STORY_ALIGNMENT_KINDS);
          title = tp_story_step_dup_title (story, step);
          if (step->section_n_parts > 1)
            g_assert_nonnull (strstr (title, "/"));
          next += step->n_items;
          n++;
        }
      g_assert_cmpuint (next, ==, rows->len);
      /* Each part's heading counts the parts of its section. */
      if (rows->len > 0)
        g_assert_cmpuint (section_part, ==,
                          tp_story_get_step (story, index + n - 1)->section_n_parts);
    }
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (tp_story_get_step (story, index + i)->n_parts, ==, n);
  g_test_message ("%s: %u steps", kind == TP_STORY_STEP_ANALYSIS ? "analysis" : "alignment", n);
  return n;
}

/* The alignment's links then its gaps. */
static guint
check_alignment_steps (TpStory    *story,
                       TpDocument *document,
                       guint       index)
{
  static const guint sections[] = { TP_STORY_SECTION_GAPS, TP_STORY_SECTION_KANO };
  guint n = check_row_steps (story, document, index, TP_STORY_STEP_ALIGNMENT, sections,
                             G_N_ELEMENTS (sections), tp_story_get_alignment_rows);

  g_assert_cmpuint (n, >=, 1);
  return n;
}

/* The analysis of a document with moments, needs or KPIs: every section, in the page's
 * order. */
static guint
check_analysis_steps (TpStory    *story,
                      TpDocument *document,
                      guint       index)
{
  static const guint sections[] = { TP_STORY_SECTION_GAPS, TP_STORY_SECTION_KANO,
                                    TP_STORY_SECTION_KPIS, TP_STORY_SECTION_JOURNEY,
                                    TP_STORY_SECTION_VOTES };

  return check_row_steps (story, document, index, TP_STORY_STEP_ANALYSIS, sections,
                          G_N_ELEMENTS (sections), tp_story_get_analysis_rows);
}

static void
test_example_order (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpStory) story = tp_story_new (document);
  GPtrArray *stages = tp_document_get_stages (document);
  const TpStoryStep *step;
  guint index = 0, n_moments = 0;
  g_autofree char *title = NULL;

  assert_order (story);
  g_assert_cmpuint (tp_story_get_n_steps (story), ==, tp_story_get_n_all_steps (story));

  step = tp_story_get_step (story, index++);
  g_assert_cmpint (step->kind, ==, TP_STORY_STEP_TITLE);
  g_assert_cmpstr (step->key, ==, "title");
  title = tp_story_step_dup_title (story, step);
  g_assert_cmpstr (title, ==, "Volt — online electronics shop");

  /* Every block of the example has notes: 1 Customer Segments … 9 Cost Structure, each
   * covering its notes in parts without a gap. */
  for (TpContainer container = 0; container < TP_N_BMC_BLOCKS; container++)
    {
      GPtrArray *notes = tp_document_get_notes (document, container);
      g_autofree char *key = g_strconcat ("canvas:", tp_enum_to_nick (TP_ENUM_CONTAINER, container),
                                          NULL);
      guint covered = 0;

      g_assert_cmpuint (notes->len, >, 0);
      do
        {
          step = tp_story_get_step (story, index++);
          g_assert_cmpint (step->kind, ==, TP_STORY_STEP_CANVAS_BLOCK);
          g_assert_cmpint (step->container, ==, container);
          g_assert_cmpstr (step->key, ==, key);
          g_assert_cmpuint (step->first, ==, covered);
          g_assert_cmpuint (step->n_items, <=, TP_STORY_BLOCK_CAPACITY);
          covered += step->n_items;
        }
      while (step->part + 1 < step->n_parts);
      g_assert_cmpuint (covered, ==, notes->len);
    }

  /* The value chain's notes, area after area, in parts. */
  {
    guint covered = 0;

    do
      {
        step = tp_story_get_step (story, index++);
        g_assert_cmpint (step->kind, ==, TP_STORY_STEP_VALUE_CHAIN);
        g_assert_cmpstr (step->key, ==, "value-chain");
        g_assert_cmpuint (step->first, ==, covered);
        g_assert_cmpuint (step->n_items, <=, TP_STORY_VALUE_CHAIN_CAPACITY);
        covered += step->n_items;
      }
    while (step->part + 1 < step->n_parts);
    g_assert_cmpuint (step->n_parts, >, 1);
    g_assert_nonnull (tp_story_get_value_chain_note (story, covered - 1));
    g_assert_null (tp_story_get_value_chain_note (story, covered));
  }

  for (guint s = 0; s < stages->len; s++)
    {
      const TpStage *stage = g_ptr_array_index (stages, s);
      g_autofree char *key = g_strconcat ("stage:", stage->item.id, NULL);

      g_assert_cmpuint (stage->touchpoints->len, >, 0);
      step = tp_story_get_step (story, index++);
      g_assert_cmpint (step->kind, ==, TP_STORY_STEP_JOURNEY_STAGE);
      g_assert_cmpstr (step->key, ==, key);
      g_assert_cmpstr (step->stage, ==, stage->item.id);
      g_assert_cmpuint (step->stage_index, ==, s);
      while (step->part + 1 < step->n_parts)
        step = tp_story_get_step (story, index++);

      for (guint i = 0; i < stage->touchpoints->len; i++)
        n_moments += ((TpTouchpoint *) g_ptr_array_index (stage->touchpoints, i))->moment_of_truth;
    }

  /* The moments of truth in journey order, each its touchpoint's. */
  g_assert_cmpuint (n_moments, ==, 5);
  for (guint i = 0; i < n_moments; i++)
    {
      TpTouchpoint *touchpoint;
      g_autofree char *key = NULL;

      step = tp_story_get_step (story, index++);
      g_assert_cmpint (step->kind, ==, TP_STORY_STEP_MOMENT);
      touchpoint = tp_document_lookup_kind (document, step->touchpoint, TP_ITEM_TOUCHPOINT);
      g_assert_nonnull (touchpoint);
      g_assert_true (touchpoint->moment_of_truth);
      g_assert_cmpstr (touchpoint->stage, ==, step->stage);
      key = g_strconcat ("moment:", touchpoint->item.id, NULL);
      g_assert_cmpstr (step->key, ==, key);
    }

  /* The alignment's links, then its gaps, in parts of a few rows; the analysis section
   * by section: the example has moments, needs, KPIs and a journey. */
  index += check_alignment_steps (story, document, index);
  g_assert_cmpint (tp_story_get_step (story, index - 1)->kind, ==, TP_STORY_STEP_ALIGNMENT);
  {
    guint first = index;

    index += check_analysis_steps (story, document, index);
    /* Every section has rows on the example: the moments, its needs, KPIs, stages and
     * pain peaks, and its dot votes. */
    for (TpStorySection section = 0; section < TP_STORY_N_SECTIONS; section++)
      {
        gboolean told = FALSE;

        for (guint i = first; i < index; i++)
          told |= tp_story_get_step (story, i)->section == section;
        g_assert_true (told);
      }
  }
  g_assert_cmpuint (index, ==, tp_story_get_n_steps (story));
  g_assert_null (tp_story_get_step (story, index));
}

static void
test_titles (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpStory) story = tp_story_new (document);
  int index = tp_story_find_step (story, "stage:s3");
  g_autofree char *stage = NULL;
  g_autofree char *block = NULL;

  g_assert_cmpint (index, >, 0);
  stage = tp_story_step_dup_title (story, tp_story_get_step (story, index));
  g_assert_true (g_str_has_prefix (stage, "Stage 3 · Purchase"));

  index = tp_story_find_step (story, "canvas:customer-segments");
  g_assert_cmpint (index, ==, 1);
  block = tp_story_step_dup_title (story, tp_story_get_step (story, index));
  g_assert_cmpstr (block, ==, "Customer Segments");
}

static void
test_empty (void)
{
  g_autoptr(TpDocument) blank = tp_document_new ();
  g_autoptr(TpDocument) workshop = tp_document_new_default ();
  g_autoptr(TpStory) story = tp_story_new (blank);
  g_autoptr(TpStory) fresh = tp_story_new (workshop);
  g_autofree char *title = NULL;

  /* Nothing but the title: five stages without touchpoints have nothing to tell. */
  g_assert_cmpuint (tp_story_get_n_steps (story), ==, 1);
  g_assert_cmpuint (tp_story_get_n_steps (fresh), ==, 1);
  g_assert_cmpuint (tp_document_get_stages (workshop)->len, >, 0);
  g_assert_cmpint (tp_story_get_step (fresh, 0)->kind, ==, TP_STORY_STEP_TITLE);
  title = tp_story_step_dup_title (story, tp_story_get_step (story, 0));
  g_assert_cmpstr (title, ==, "Untitled Workshop");
}

static void
test_skipping (void)
{
  g_autoptr(TpDocument) document = tp_document_new_default ();
  GPtrArray *stages = tp_document_get_stages (document);
  const char *stage = ((TpItem *) g_ptr_array_index (stages, 1))->id;
  const char *note, *touchpoint;

  note = tp_document_add_note (document, TP_CONTAINER_CHANNELS, 0, "Web shop");
  touchpoint = tp_document_add_touchpoint (document, stage, 0, "Search");

  {
    g_autoptr(TpStory) story = tp_story_new (document);

    /* Title, Channels, the one stage with a touchpoint; no moment, no link, nothing for
     * the analysis. */
    g_assert_cmpuint (tp_story_get_n_steps (story), ==, 3);
    g_assert_cmpint (tp_story_get_step (story, 1)->container, ==, TP_CONTAINER_CHANNELS);
    g_assert_cmpuint (tp_story_get_step (story, 2)->stage_index, ==, 1);
    g_assert_cmpuint (count_kind (story, TP_STORY_STEP_VALUE_CHAIN), ==, 0);
    g_assert_false (tp_analysis_has_content (document));
  }

  tp_document_add_note (document, TP_CONTAINER_OPERATIONS, 0, "Warehouse");
  g_assert_nonnull (tp_document_add_link (document, note, touchpoint, NULL));
  {
    TpTouchpoint *copy = (TpTouchpoint *) tp_document_edit_begin (document, touchpoint);

    tp_touchpoint_set_moment_of_truth (copy, TRUE);
    tp_document_edit_commit (document, (TpItem *) copy, "Mark", FALSE);
  }

  {
    g_autoptr(TpStory) story = tp_story_new (document);

    /* Title, Channels, the value chain, the stage, the moment, the alignment's matrix
     * and gaps, the analysis's moments and journey (no needs, no KPIs). */
    guint n_alignment = check_alignment_steps (story, document, 5);

    g_assert_cmpuint (n_alignment, ==, count_kind (story, TP_STORY_STEP_ALIGNMENT));
    g_assert_cmpuint (tp_story_get_n_steps (story), ==, 7 + n_alignment);
    g_assert_cmpuint (count_kind (story, TP_STORY_STEP_VALUE_CHAIN), ==, 1);
    g_assert_cmpuint (count_kind (story, TP_STORY_STEP_MOMENT), ==, 1);
    g_assert_cmpuint (count_kind (story, TP_STORY_STEP_ANALYSIS), ==, 2);
    g_assert_cmpuint (tp_story_get_step (story, 5 + n_alignment)->section, ==,
                      TP_STORY_SECTION_GAPS);
    g_assert_cmpuint (tp_story_get_step (story, 6 + n_alignment)->section, ==,
                      TP_STORY_SECTION_JOURNEY);
    g_assert_true (tp_analysis_has_content (document));
    assert_order (story);
    g_assert_cmpstr (tp_story_get_value_chain_note (story, 0)->text, ==, "Warehouse");
    g_assert_null (tp_story_get_value_chain_note (story, 1));
  }
}

static void
assert_hidden (TpDocument *document,
               const char *key,
               guint       n_parts_hidden,
               guint       n_all)
{
  g_autoptr(TpStory) story = tp_story_new (document);
  guint n_hidden = 0;

  g_assert_cmpuint (tp_story_get_n_all_steps (story), ==, n_all);
  g_assert_cmpuint (tp_story_get_n_steps (story), ==, n_all - n_parts_hidden);
  for (guint i = 0; i < n_all; i++)
    {
      const TpStoryStep *step = tp_story_get_all_step (story, i);

      g_assert_cmpint (step->hidden, ==, n_parts_hidden > 0 && g_str_equal (step->key, key));
      n_hidden += step->hidden;
    }
  g_assert_cmpuint (n_hidden, ==, n_parts_hidden);
  if (n_parts_hidden > 0)
    g_assert_cmpint (tp_story_find_step (story, key), ==, -1);
  else
    g_assert_cmpint (tp_story_find_step (story, key), >, 0);
}

static void
test_hiding (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpDocument) loaded = NULL;
  g_autoptr(TpDocument) again = NULL;
  g_autoptr(TpStory) story = tp_story_new (document);
  guint n_all = tp_story_get_n_all_steps (story);
  const char *key = "canvas:value-propositions";
  guint n_parts = tp_story_get_step (story, tp_story_find_step (story, key))->n_parts;
  g_autoptr(GBytes) before = tp_write_bytes (document);
  g_autoptr(GBytes) after = NULL;

  tp_document_set_story_step_hidden (document, key, TRUE);
  g_assert_true (tp_document_get_modified (document));
  g_assert_cmpstr (tp_document_get_undo_label (document), ==, "Hide Step");
  assert_hidden (document, key, n_parts, n_all);

  /* Hiding what is hidden records nothing. */
  tp_document_undo (document);
  assert_hidden (document, key, 0, n_all);
  g_assert_false (tp_document_get_modified (document));
  after = tp_write_bytes (document);
  g_assert_true (g_bytes_equal (before, after));
  tp_document_redo (document);
  assert_hidden (document, key, n_parts, n_all);

  /* A key no step has (a stage deleted since) is kept through save and load. */
  tp_document_set_story_step_hidden (document, "stage:gone", TRUE);
  tp_document_set_story_step_hidden (document, "alignment", TRUE);
  tp_document_set_story_step_hidden (document, "alignment", FALSE);
  g_assert_cmpstr (tp_document_get_undo_label (document), ==, "Show Step");
  loaded = round_trip (document);
  g_assert_true (tp_document_get_story_step_hidden (loaded, key));
  g_assert_true (tp_document_get_story_step_hidden (loaded, "stage:gone"));
  g_assert_false (tp_document_get_story_step_hidden (loaded, "alignment"));
  assert_hidden (loaded, key, n_parts, n_all);

  /* Save → load → save is a fixed point. */
  again = round_trip (loaded);
  {
    g_autoptr(GBytes) first = tp_write_bytes (loaded);
    g_autoptr(GBytes) second = tp_write_bytes (again);
    g_autofree char *text = g_strndup (g_bytes_get_data (first, NULL), g_bytes_get_size (first));

    g_assert_true (g_bytes_equal (first, second));
    g_assert_nonnull (strstr (text, "<hide step=\"canvas:value-propositions\"/>"));
  }
}

/* A hostile or hand-written file's duplicates and disorder come out sorted and unique. */
static void
test_hidden_load (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<touchpoint xmlns=\"https://touchpoint.github.io/ns/1\" version=\"1.0\">\n"
    "  <meta><story><hide step=\"title\"/><hide step=\"analysis\"/><hide step=\"title\"/>"
    "</story></meta>\n"
    "</touchpoint>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDocument) document = tp_load_bytes (bytes, NULL, &error);
  GPtrArray *keys;

  g_assert_no_error (error);
  keys = tp_document_get_meta (document)->story_hidden;
  g_assert_cmpuint (keys->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (keys, 0), ==, "analysis");
  g_assert_cmpstr (g_ptr_array_index (keys, 1), ==, "title");

  {
    g_autoptr(TpStory) story = tp_story_new (document);

    g_assert_cmpuint (tp_story_get_n_all_steps (story), ==, 1);
    g_assert_cmpuint (tp_story_get_n_steps (story), ==, 0);
    g_assert_null (tp_story_get_step (story, 0));
  }
}

static void
assert_parts (TpStory    *story,
              const char *key,
              guint       n_items,
              guint       capacity,
              guint       n_parts)
{
  int first = tp_story_find_step (story, key);
  guint covered = 0;

  g_assert_cmpint (first, >=, 0);
  for (guint part = 0; part < n_parts; part++)
    {
      const TpStoryStep *step = tp_story_get_step (story, first + part);

      g_assert_cmpstr (step->key, ==, key);
      g_assert_cmpuint (step->part, ==, part);
      g_assert_cmpuint (step->n_parts, ==, n_parts);
      g_assert_cmpuint (step->first, ==, covered);
      g_assert_cmpuint (step->n_items, <=, capacity);
      g_assert_cmpuint (step->n_items, >=, n_items / n_parts);
      covered += step->n_items;
      g_assert_cmpint (tp_story_find_step_part (story, key, part), ==, first + part);
    }
  g_assert_cmpuint (covered, ==, n_items);
  /* Past the last part (the stage shrank while presenting): its last part. */
  g_assert_cmpint (tp_story_find_step_part (story, key, n_parts + 3), ==, first + n_parts - 1);
}

static void
test_splitting (void)
{
  g_autoptr(TpDocument) document = tp_document_new_default ();
  const char *stage = ((TpItem *) g_ptr_array_index (tp_document_get_stages (document), 0))->id;
  g_autofree char *stage_key = g_strconcat ("stage:", stage, NULL);

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Touchpoint %u", i + 1);

      tp_document_add_touchpoint (document, stage, i, name);
    }
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *text = g_strdup_printf ("Note %u", i + 1);

      tp_document_add_note (document, TP_CONTAINER_KEY_PARTNERS, i, text);
    }
  /* Seven short notes: balanced as 4 and 3, not 6 and 1. */
  for (guint i = 0; i < 7; i++)
    tp_document_add_note (document, TP_CONTAINER_CHANNELS, i, "Shop");

  {
    g_autoptr(TpStory) story = tp_story_new (document);

    assert_parts (story, stage_key, 40, TP_STORY_STAGE_CAPACITY, 10);
    assert_parts (story, "canvas:key-partners", 60, TP_STORY_BLOCK_CAPACITY, 10);
    assert_parts (story, "canvas:channels", 7, TP_STORY_BLOCK_CAPACITY, 2);
    g_assert_cmpuint (tp_story_get_step (story, tp_story_find_step (story, "canvas:channels"))->n_items,
                      ==, 4);
    assert_order (story);
  }
}

/* The analysis told as rows: a section of 40 KPIs in parts of its capacity, sections
 * without rows (no needs, no votes, no moments) skipped, the votes alone told when
 * nothing else is, each row once and in the page's order. */
static void
test_splitting_analysis (void)
{
  g_autoptr(TpDocument) document = tp_document_new_default ();
  const char *stage = ((TpItem *) g_ptr_array_index (tp_document_get_stages (document), 1))->id;
  const char *first = NULL;
  guint kpi_capacity = tp_story_get_analysis_capacity (TP_STORY_SECTION_KPIS);

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Touchpoint %u", i + 1);
      const char *id = tp_document_add_touchpoint (document, stage, i, name);

      if (i == 0)
        first = id;
    }

  {
    g_autoptr(TpStory) story = tp_story_new (document);

    /* Touchpoints alone: no analysis to tell. */
    g_assert_cmpuint (count_kind (story, TP_STORY_STEP_ANALYSIS), ==, 0);
  }

  /* Votes alone: the most voted, told without the rest. */
  tp_vote_set_votes (tp_document_lookup (document, first), 3);
  {
    g_autoptr(TpStory) story = tp_story_new (document);
    guint n = tp_story_get_n_steps (story);
    g_autoptr(GArray) votes = tp_story_get_analysis_rows (document, TP_STORY_SECTION_VOTES);

    g_assert_cmpuint (votes->len, ==, 1);
    g_assert_cmpuint (g_array_index (votes, TpStoryRow, 0).votes, ==, 3);
    g_assert_cmpuint (count_kind (story, TP_STORY_STEP_ANALYSIS), ==, 1);
    g_assert_cmpuint (tp_story_get_step (story, n - 1)->section, ==, TP_STORY_SECTION_VOTES);
  }
  tp_vote_set_votes (tp_document_lookup (document, first), 0);

  /* A KPI on each of the 40 touchpoints: a section of 40 rows. */
  for (guint i = 0; i < 40; i++)
    {
      TpStage *s = tp_document_lookup_kind (document, stage, TP_ITEM_STAGE);
      const TpTouchpoint *touchpoint = g_ptr_array_index (s->touchpoints, i);
      TpTouchpoint *copy = (TpTouchpoint *) tp_document_edit_begin (document,
                                                                  touchpoint->item.id);
      g_autofree char *id = g_strdup_printf ("kpi%u", i);

      g_ptr_array_add (copy->kpis, tp_kpi_new (id, TP_KPI_CONVERSION, "Conversion"));
      tp_document_edit_commit (document, (TpItem *) copy, "KPI", FALSE);
    }

  {
    g_autoptr(TpStory) story = tp_story_new (document);
    g_autoptr(GArray) kpis = tp_story_get_analysis_rows (document, TP_STORY_SECTION_KPIS);
    g_autoptr(GArray) needs = tp_story_get_analysis_rows (document, TP_STORY_SECTION_KANO);
    int index = tp_story_find_step (story, "analysis");
    guint n, n_kpi_steps = 0;

    g_assert_cmpuint (kpis->len, ==, 40);
    g_assert_cmpuint (needs->len, ==, 0);
    g_assert_cmpint (index, >, 0);
    n = check_analysis_steps (story, document, index);
    g_assert_cmpuint (index + n, ==, tp_story_get_n_steps (story));
    for (guint i = index; i < index + n; i++)
      {
        const TpStoryStep *step = tp_story_get_step (story, i);

        /* No moment, no need, no vote: only the KPIs and the journey are told. */
        g_assert_true (step->section == TP_STORY_SECTION_KPIS ||
                       step->section == TP_STORY_SECTION_JOURNEY);
        n_kpi_steps += step->section == TP_STORY_SECTION_KPIS;
      }
    g_assert_cmpuint (n_kpi_steps, ==, (40 + kpi_capacity - 1) / kpi_capacity);
    /* Balanced: no part is left with a row or two. */
    for (guint i = index; i < index + n_kpi_steps; i++)
      g_assert_cmpuint (tp_story_get_step (story, i)->n_items, >=, 40 / n_kpi_steps);
    /* A presenter on the fourth part stays on it when the story is rebuilt. */
    g_assert_cmpint (tp_story_find_step_part (story, "analysis", 3), ==, index + 3);
    assert_order (story);
  }
}

/* Long texts split by the text budget; a note alone over it takes a part of its own. */
static void
test_splitting_text (void)
{
  g_autoptr(TpDocument) document = tp_document_new ();
  g_autofree char *long_text = g_strnfill (TP_STORY_BLOCK_TEXT_BUDGET + 50, 'x');
  g_autofree char *medium = g_strnfill (TP_STORY_BLOCK_TEXT_BUDGET / 2, 'y');

  tp_document_add_note (document, TP_CONTAINER_COST_STRUCTURE, 0, "Rent");
  tp_document_add_note (document, TP_CONTAINER_COST_STRUCTURE, 1, long_text);
  tp_document_add_note (document, TP_CONTAINER_COST_STRUCTURE, 2, medium);
  tp_document_add_note (document, TP_CONTAINER_COST_STRUCTURE, 3, medium);
  tp_document_add_note (document, TP_CONTAINER_COST_STRUCTURE, 4, "Staff");

  {
    g_autoptr(TpStory) story = tp_story_new (document);
    int first = tp_story_find_step (story, "canvas:cost-structure");
    guint covered = 0;

    for (guint part = 0; part < tp_story_get_step (story, first)->n_parts; part++)
      {
        const TpStoryStep *step = tp_story_get_step (story, first + part);
        GPtrArray *notes = tp_document_get_notes (document, TP_CONTAINER_COST_STRUCTURE);
        guint chars = 0;

        g_assert_cmpuint (step->first, ==, covered);
        for (guint i = step->first; i < step->first + step->n_items; i++)
          chars += g_utf8_strlen (((TpNote *) g_ptr_array_index (notes, i))->text, -1);
        g_assert_true (step->n_items == 1 || chars <= TP_STORY_BLOCK_TEXT_BUDGET);
        covered += step->n_items;
      }
    g_assert_cmpuint (covered, ==, 5);
    g_assert_cmpuint (tp_story_get_step (story, first)->n_parts, >=, 3);
  }
}

/* A value-chain step shows at most TP_STORY_VALUE_CHAIN_AREAS areas, each under its own
 * heading: five short notes in five areas were one step whose text the painter had to
 * shrink to 18 px (the hotel template's deck). */
static void
test_splitting_areas (void)
{
  g_autoptr(TpDocument) document = tp_document_new ();
  g_autoptr(TpStory) story = NULL;
  guint n_parts = 0, total = 0;

  for (guint i = 0; i < 5; i++)
    tp_document_add_note (document, TP_CONTAINER_INBOUND_LOGISTICS + i, 0, "Short");
  story = tp_story_new (document);

  for (guint i = 0; i < tp_story_get_n_steps (story); i++)
    {
      const TpStoryStep *step = tp_story_get_step (story, i);
      guint areas = 0;
      int last = -1;

      if (step->kind != TP_STORY_STEP_VALUE_CHAIN)
        continue;
      for (guint j = step->first; j < step->first + step->n_items; j++)
        {
          const TpNote *note = tp_story_get_value_chain_note (story, j);

          areas += (int) note->container != last;
          last = note->container;
        }
      g_assert_cmpuint (areas, <=, TP_STORY_VALUE_CHAIN_AREAS);
      g_assert_cmpuint (step->n_parts, ==, 2);
      n_parts++;
      total += step->n_items;
    }
  g_assert_cmpuint (n_parts, ==, 2);
  g_assert_cmpuint (total, ==, 5);
}

static void
test_reveal (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpStory) story = tp_story_new (document);
  const TpStoryStep *channels = tp_story_get_step (story, tp_story_find_step (story, "canvas:channels"));
  const TpStoryStep *title = tp_story_get_step (story, 0);
  const TpStoryStep *stage = tp_story_get_step (story, tp_story_find_step (story, "stage:s2"));
  const TpStoryStep *alignment = tp_story_get_step (story, tp_story_find_step (story, "alignment"));
  TpContainer capture = TP_N_CONTAINERS;
  const char *capture_stage = "none";

  /* Channels is block 3: Customer Segments and Value Propositions before it are shown,
   * Customer Relationships … Cost Structure not yet. */
  for (TpContainer container = 0; container < TP_N_BMC_BLOCKS; container++)
    {
      g_assert_cmpint (tp_story_step_reveals_block (channels, container), ==,
                       container <= TP_CONTAINER_CHANNELS);
      g_assert_false (tp_story_step_reveals_block (title, container));
      g_assert_true (tp_story_step_reveals_block (alignment, container));
    }
  g_assert_false (tp_story_step_reveals_block (channels, TP_CONTAINER_OPERATIONS));

  for (guint s = 0; s < 5; s++)
    {
      g_assert_cmpint (tp_story_step_reveals_stage (stage, s), ==, s <= 1);
      g_assert_false (tp_story_step_reveals_stage (channels, s));
      g_assert_true (tp_story_step_reveals_stage (alignment, s));
    }

  g_assert_true (tp_story_step_get_capture (channels, &capture, &capture_stage));
  g_assert_cmpint (capture, ==, TP_CONTAINER_CHANNELS);
  g_assert_null (capture_stage);
  g_assert_true (tp_story_step_get_capture (stage, NULL, &capture_stage));
  g_assert_cmpstr (capture_stage, ==, "s2");
  g_assert_false (tp_story_step_get_capture (title, NULL, NULL));
  g_assert_false (tp_story_step_get_capture (alignment, NULL, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/story/example-order", test_example_order);
  g_test_add_func ("/touchpoint/story/titles", test_titles);
  g_test_add_func ("/touchpoint/story/empty", test_empty);
  g_test_add_func ("/touchpoint/story/skipping", test_skipping);
  g_test_add_func ("/touchpoint/story/hiding", test_hiding);
  g_test_add_func ("/touchpoint/story/hidden-load", test_hidden_load);
  g_test_add_func ("/touchpoint/story/splitting", test_splitting);
  g_test_add_func ("/touchpoint/story/splitting-text", test_splitting_text);
  g_test_add_func ("/touchpoint/story/splitting-areas", test_splitting_areas);
  g_test_add_func ("/touchpoint/story/splitting-analysis", test_splitting_analysis);
  g_test_add_func ("/touchpoint/story/reveal", test_reveal);

  return g_test_run ();
}
