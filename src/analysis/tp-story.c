/* tp-story.c: the workshop's steps, in the order a facilitator tells them */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/tp-document-story.h"
#include "model/tp-enums.h"
#include "tp-alignment.h"
#include "tp-story.h"

struct _TpStory
{
  TpDocument *document;
  GArray     *all;      /* (element-type TpStoryStep) every step, hidden ones included */
  GArray     *shown;    /* (element-type guint) indices into all of the shown steps */
  GPtrArray  *strings;  /* (element-type utf8) the keys and ids the steps point to */
};

static const char *
keep (TpStory    *self,
      const char *text)
{
  char *copy = g_strdup (text);

  g_ptr_array_add (self->strings, copy);
  return copy;
}

static void
add_step (TpStory           *self,
          const TpStoryStep *step)
{
  TpStoryStep copy = *step;

  copy.hidden = tp_document_get_story_step_hidden (self->document, step->key);
  if (!copy.hidden)
    {
      guint index = self->all->len;

      g_array_append_val (self->shown, index);
    }
  g_array_append_val (self->all, copy);
}

/* Where part starts when n items share n_parts parts evenly, the larger parts first
 * (7 in 2: 4 and 3). */
static guint
balanced_start (guint part,
                guint n,
                guint n_parts)
{
  return (part * n + n_parts - 1) / n_parts;
}

/* How many groups (groups[i] is item i's) the items first … end - 1 span, counting a
 * change of group each time; 1 for any run when groups is NULL. */
static guint
count_groups (const guint *groups,
              guint        first,
              guint        end)
{
  guint n = 1;

  if (groups == NULL)
    return 1;
  for (guint i = first + 1; i < end; i++)
    n += groups[i] != groups[i - 1];
  return n;
}

/* Cuts n items, whose lengths in characters are lengths, into parts of at most capacity
 * items and budget characters (an item over the budget alone takes a part), and, when
 * groups is not NULL, of at most max_groups runs of a group (the value chain's areas,
 * each shown under a heading of its own). Parts are balanced when the limits allow: 7
 * notes make parts of 4 and 3, not 6 and 1. Returns the parts' first items, with n
 * appended as the end of the last. */
static GArray *
split_items (const guint *lengths,
             const guint *groups,
             guint        n,
             guint        capacity,
             guint        budget,
             guint        max_groups)
{
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_parts = 0;
  gboolean balanced = TRUE;

  /* Greedy first: the fewest parts the limits allow. */
  for (guint i = 0; i < n;)
    {
      guint count = 0, chars = 0, first = i;

      g_array_append_val (starts, i);
      while (i < n && count < capacity && (count == 0 || chars + lengths[i] <= budget) &&
             (count == 0 || count_groups (groups, first, i + 1) <= max_groups))
        chars += lengths[i++], count++;
      n_parts++;
    }
  g_array_append_val (starts, n);

  if (n_parts < 2)
    return starts;

  /* Then as many parts, of sizes as equal as they can be, if each keeps the limits. */
  for (guint part = 0; part < n_parts && balanced; part++)
    {
      guint first = balanced_start (part, n, n_parts);
      guint end = balanced_start (part + 1, n, n_parts), chars = 0;

      for (guint i = first; i < end; i++)
        chars += lengths[i];
      balanced = end - first == 1 ||
                 (chars <= budget && count_groups (groups, first, end) <= max_groups);
    }

  if (balanced)
    for (guint part = 0; part <= n_parts; part++)
      g_array_index (starts, guint, part) = balanced_start (part, n, n_parts);

  return starts;
}

static void
add_parts (TpStory     *self,
           TpStoryStep *step,
           const guint *lengths,
           const guint *groups,
           guint        n,
           guint        capacity,
           guint        budget)
{
  g_autoptr(GArray) starts = split_items (lengths, groups, n, capacity, budget,
                                          step->kind == TP_STORY_STEP_VALUE_CHAIN
                                          ? TP_STORY_VALUE_CHAIN_AREAS
                                          : TP_STORY_ALIGNMENT_KINDS);

  step->n_parts = starts->len - 1;
  for (guint part = 0; part < step->n_parts; part++)
    {
      step->part = part;
      step->first = g_array_index (starts, guint, part);
      step->n_items = g_array_index (starts, guint, part + 1) - step->first;
      add_step (self, step);
    }
}

static guint
text_length (const char *text)
{
  return text != NULL ? (guint) g_utf8_strlen (text, -1) : 0;
}

static guint
note_length (const TpNote *note)
{
  return text_length (note->text);
}

/* What a touchpoint's card shows on a stage step: name, channel, action, pains and
 * opportunities. */
static guint
touchpoint_length (const TpTouchpoint *touchpoint)
{
  guint length = text_length (touchpoint->name) + text_length (touchpoint->channel) +
                 text_length (touchpoint->action);

  for (guint i = 0; i < touchpoint->pains->len; i++)
    length += text_length (g_ptr_array_index (touchpoint->pains, i));
  for (guint i = 0; i < touchpoint->opportunities->len; i++)
    length += text_length (g_ptr_array_index (touchpoint->opportunities, i));

  return length;
}

static void
add_canvas (TpStory *self)
{
  /* TpContainer numbers the blocks in Osterwalder's telling order. */
  for (TpContainer container = 0; container < TP_N_BMC_BLOCKS; container++)
    {
      GPtrArray *notes = tp_document_get_notes (self->document, container);
      g_autofree char *key = NULL;
      g_autofree guint *lengths = NULL;
      TpStoryStep step = { .kind = TP_STORY_STEP_CANVAS_BLOCK, .container = container };

      if (notes->len == 0)
        continue;

      key = g_strconcat ("canvas:", tp_enum_to_nick (TP_ENUM_CONTAINER, container), NULL);
      step.key = keep (self, key);
      lengths = g_new (guint, notes->len);
      for (guint i = 0; i < notes->len; i++)
        lengths[i] = note_length (g_ptr_array_index (notes, i));
      add_parts (self, &step, lengths, NULL, notes->len, TP_STORY_BLOCK_CAPACITY,
                 TP_STORY_BLOCK_TEXT_BUDGET);
    }
}

/* The value chain's notes, area after area, in parts like a block's. */
static void
add_value_chain (TpStory *self)
{
  g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) areas = g_array_new (FALSE, FALSE, sizeof (guint));
  TpStoryStep step = { .kind = TP_STORY_STEP_VALUE_CHAIN, .key = "value-chain" };

  for (TpContainer container = TP_N_BMC_BLOCKS; container < TP_N_CONTAINERS; container++)
    {
      GPtrArray *notes = tp_document_get_notes (self->document, container);
      guint area = container;

      for (guint i = 0; i < notes->len; i++)
        {
          guint length = note_length (g_ptr_array_index (notes, i));

          g_array_append_val (lengths, length);
          g_array_append_val (areas, area);
        }
    }

  if (lengths->len > 0)
    add_parts (self, &step, (const guint *) lengths->data, (const guint *) areas->data,
               lengths->len, TP_STORY_VALUE_CHAIN_CAPACITY, TP_STORY_BLOCK_TEXT_BUDGET);
}

static void
add_journey (TpStory *self)
{
  GPtrArray *stages = tp_document_get_stages (self->document);

  for (guint s = 0; s < stages->len; s++)
    {
      const TpStage *stage = g_ptr_array_index (stages, s);
      g_autofree char *key = NULL;
      g_autofree guint *lengths = NULL;
      TpStoryStep step = {
        .kind = TP_STORY_STEP_JOURNEY_STAGE,
        .stage = keep (self, stage->item.id),
        .stage_index = s,
      };

      /* A stage without touchpoints has nothing to tell but its name. */
      if (stage->touchpoints->len == 0)
        continue;

      key = g_strconcat ("stage:", stage->item.id, NULL);
      step.key = keep (self, key);
      lengths = g_new (guint, stage->touchpoints->len);
      for (guint i = 0; i < stage->touchpoints->len; i++)
        lengths[i] = touchpoint_length (g_ptr_array_index (stage->touchpoints, i));
      add_parts (self, &step, lengths, NULL, stage->touchpoints->len, TP_STORY_STAGE_CAPACITY,
                 TP_STORY_STAGE_TEXT_BUDGET);
    }
}

static void
add_moments (TpStory *self)
{
  GPtrArray *stages = tp_document_get_stages (self->document);

  for (guint s = 0; s < stages->len; s++)
    {
      const TpStage *stage = g_ptr_array_index (stages, s);

      for (guint i = 0; i < stage->touchpoints->len; i++)
        {
          const TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, i);
          g_autofree char *key = NULL;
          TpStoryStep step = {
            .kind = TP_STORY_STEP_MOMENT,
            .stage = keep (self, stage->item.id),
            .stage_index = s,
            .touchpoint = keep (self, touchpoint->item.id),
            .first = i,
            .n_items = 1,
            .n_parts = 1,
          };

          if (!touchpoint->moment_of_truth)
            continue;

          key = g_strconcat ("moment:", touchpoint->item.id, NULL);
          step.key = keep (self, key);
          add_step (self, &step);
        }
    }
}

/* Whether the analysis page has its content (tp_analysis_has_content(), in render/,
 * which the analysis layer cannot include; test-story checks they agree): moments of
 * truth, needs or KPIs. Without them the page's journey section is no more than the
 * journey steps told already. */
static gboolean
has_analysis (TpDocument *document)
{
  GPtrArray *stages = tp_document_get_stages (document);

  for (guint s = 0; s < stages->len; s++)
    {
      const TpStage *stage = g_ptr_array_index (stages, s);

      if (stage->kpis->len > 0)
        return TRUE;
      for (guint i = 0; i < stage->touchpoints->len; i++)
        {
          const TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, i);

          if (touchpoint->moment_of_truth || touchpoint->needs->len > 0 ||
              touchpoint->kpis->len > 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* The characters a row shows, for the text budget. */
static guint
row_length (const TpStoryRow *row)
{
  guint length = 0;

  if (row->note != NULL)
    length += note_length (row->note);
  if (row->touchpoint != NULL)
    length += text_length (row->touchpoint->name);
  if (row->stage != NULL)
    length += text_length (row->stage->name);
  if (row->need != NULL)
    length += text_length (row->need->text);
  if (row->kpi != NULL)
    length += text_length (row->kpi->name);
  if (row->kind == TP_STORY_ROW_STAGE)
    length += text_length (row->stage->job);
  if (row->kind == TP_STORY_ROW_PAIN_PEAK)
    for (guint i = 0; i < row->touchpoint->pains->len; i++)
      length += text_length (g_ptr_array_index (row->touchpoint->pains, i));
  return MAX (length, 16);
}

typedef GArray *(*GetRowsFunc) (TpDocument *document,
                                guint       section);

/* The alignment or the analysis told as rows in large type, section after section
 * (empty ones skipped), each in parts of a few rows of at most two kinds. The parts are
 * numbered over all the sections, so that tp_story_find_step_part() keeps a presenter
 * on its part under the one key; section_part numbers them within their section, for
 * the heading. */
static void
add_row_sections (TpStory         *self,
                  TpStoryStepKind  kind,
                  const char      *key,
                  const guint     *sections,
                  guint            n_sections,
                  GetRowsFunc      get_rows)
{
  guint first_step = self->all->len, part = 0;

  for (guint s = 0; s < n_sections; s++)
    {
      g_autoptr(GArray) rows = get_rows (self->document, sections[s]);
      g_autofree guint *lengths = g_new (guint, MAX (rows->len, 1));
      g_autofree guint *kinds = g_new (guint, MAX (rows->len, 1));
      TpStoryStep step = { .kind = kind, .key = key, .section = sections[s] };
      guint before = self->all->len;

      if (rows->len == 0)
        continue;
      for (guint i = 0; i < rows->len; i++)
        {
          lengths[i] = row_length (&g_array_index (rows, TpStoryRow, i));
          kinds[i] = g_array_index (rows, TpStoryRow, i).kind;
        }
      add_parts (self, &step, lengths, kinds, rows->len,
                 kind == TP_STORY_STEP_ANALYSIS ? tp_story_get_analysis_capacity (sections[s])
                                                : TP_STORY_ALIGNMENT_CAPACITY,
                 TP_STORY_ROWS_TEXT_BUDGET);
      for (guint i = before; i < self->all->len; i++)
        {
          TpStoryStep *added = &g_array_index (self->all, TpStoryStep, i);

          added->section_part = added->part;
          added->section_n_parts = added->n_parts;
          added->part = part++;
        }
    }
  for (guint i = first_step; i < self->all->len; i++)
    g_array_index (self->all, TpStoryStep, i).n_parts = part;
}

/* The alignment: its links, then its gaps by kind. */
static void
add_alignment (TpStory *self)
{
  static const guint sections[] = { TP_STORY_SECTION_GAPS, TP_STORY_SECTION_KANO };

  add_row_sections (self, TP_STORY_STEP_ALIGNMENT, "alignment", sections,
                    G_N_ELEMENTS (sections), tp_story_get_alignment_rows);
}

/* The analysis section by section, in the page's order: one page whole, or a section
 * scaled down whole, is too small to read in a room. The votes are told even without
 * the rest of the analysis: a voting round is a workshop's own result. */
static void
add_analysis (TpStory *self)
{
  static const guint all[] = { TP_STORY_SECTION_GAPS, TP_STORY_SECTION_KANO,
                               TP_STORY_SECTION_KPIS, TP_STORY_SECTION_JOURNEY,
                               TP_STORY_SECTION_VOTES };
  static const guint votes[] = { TP_STORY_SECTION_VOTES };

  if (has_analysis (self->document))
    add_row_sections (self, TP_STORY_STEP_ANALYSIS, "analysis", all, G_N_ELEMENTS (all),
                      tp_story_get_analysis_rows);
  else
    add_row_sections (self, TP_STORY_STEP_ANALYSIS, "analysis", votes, G_N_ELEMENTS (votes),
                      tp_story_get_analysis_rows);
}

TpStory *
tp_story_new (TpDocument *document)
{
  TpStory *self;
  TpStoryStep title = { .kind = TP_STORY_STEP_TITLE, .key = "title", .n_parts = 1 };

  g_return_val_if_fail (TP_IS_DOCUMENT (document), NULL);

  self = g_new0 (TpStory, 1);
  self->document = g_object_ref (document);
  self->all = g_array_new (FALSE, TRUE, sizeof (TpStoryStep));
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
  self->strings = g_ptr_array_new_with_free_func (g_free);

  /* The title step always is, even for an empty workshop: it is what the room sees
   * before anything else, and a story is never empty unless the facilitator hides all. */
  add_step (self, &title);
  add_canvas (self);
  add_value_chain (self);
  add_journey (self);
  add_moments (self);
  if (tp_alignment_has_links (document))
    add_alignment (self);
  add_analysis (self);

  return self;
}

void
tp_story_free (TpStory *self)
{
  if (self == NULL)
    return;

  g_object_unref (self->document);
  g_array_unref (self->all);
  g_array_unref (self->shown);
  g_ptr_array_unref (self->strings);
  g_free (self);
}

guint
tp_story_get_n_steps (TpStory *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->shown->len;
}

const TpStoryStep *
tp_story_get_step (TpStory *self,
                   guint    index)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (index >= self->shown->len)
    return NULL;

  return &g_array_index (self->all, TpStoryStep, g_array_index (self->shown, guint, index));
}

guint
tp_story_get_n_all_steps (TpStory *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->all->len;
}

const TpStoryStep *
tp_story_get_all_step (TpStory *self,
                       guint    index)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (index >= self->all->len)
    return NULL;

  return &g_array_index (self->all, TpStoryStep, index);
}

static void
append_part (GString           *title,
             const TpStoryStep *step)
{
  if (step->n_parts > 1)
    g_string_append_printf (title, " (%u/%u)", step->part + 1, step->n_parts);
}

/* A part of a section of the alignment or analysis: "(2/3)" within its section. */
static void
append_section_part (GString           *title,
                     const TpStoryStep *step)
{
  if (step->section_n_parts > 1)
    g_string_append_printf (title, " (%u/%u)", step->section_part + 1, step->section_n_parts);
}

char *
tp_story_step_dup_title (TpStory           *self,
                         const TpStoryStep *step)
{
  GString *title = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (step != NULL, NULL);

  switch (step->kind)
    {
    case TP_STORY_STEP_TITLE:
      {
        const TpMeta *meta = tp_document_get_meta (self->document);

        g_string_append (title, meta->title != NULL && meta->title[0] != '\0'
                                ? meta->title : _("Untitled Workshop"));
      }
      break;

    case TP_STORY_STEP_CANVAS_BLOCK:
      g_string_append (title, tp_enum_get_label (TP_ENUM_CONTAINER, step->container));
      append_part (title, step);
      break;

    case TP_STORY_STEP_VALUE_CHAIN:
      g_string_append (title, _("Value Chain"));
      append_part (title, step);
      break;

    case TP_STORY_STEP_JOURNEY_STAGE:
      {
        TpStage *stage = tp_document_lookup_kind (self->document, step->stage, TP_ITEM_STAGE);

        /* Translators: a story step's heading: the stage's number and its name. */
        g_string_append_printf (title, _("Stage %u · %s"), step->stage_index + 1,
                                stage != NULL ? stage->name : "");
        append_part (title, step);
      }
      break;

    case TP_STORY_STEP_MOMENT:
      {
        TpTouchpoint *touchpoint = tp_document_lookup_kind (self->document, step->touchpoint,
                                                            TP_ITEM_TOUCHPOINT);

        /* Translators: a story step's heading: a moment of truth, by its touchpoint. */
        g_string_append_printf (title, _("Moment of Truth · %s"),
                                touchpoint != NULL ? touchpoint->name : "");
      }
      break;

    case TP_STORY_STEP_ALIGNMENT:
      g_string_append (title, step->section == TP_STORY_SECTION_GAPS
                              ? _("Alignment · Links") : _("Alignment · Gaps"));
      append_section_part (title, step);
      break;

    case TP_STORY_STEP_ANALYSIS:
      {
        const char *sections[TP_STORY_N_SECTIONS] = {
          [TP_STORY_SECTION_GAPS] = _("Analysis · Moments of Truth"),
          [TP_STORY_SECTION_KANO] = _("Analysis · Kano"),
          [TP_STORY_SECTION_KPIS] = _("Analysis · KPIs"),
          [TP_STORY_SECTION_JOURNEY] = _("Analysis · Jobs and Emotions"),
          [TP_STORY_SECTION_VOTES] = _("Analysis · Most Voted"),
        };

        g_string_append (title, sections[MIN (step->section, TP_STORY_N_SECTIONS - 1)]);
        append_section_part (title, step);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return g_string_free (title, FALSE);
}

gboolean
tp_story_step_reveals_block (const TpStoryStep *step,
                             TpContainer        container)
{
  g_return_val_if_fail (step != NULL, FALSE);

  if (!TP_CONTAINER_IS_CANVAS (container))
    return step->kind > TP_STORY_STEP_CANVAS_BLOCK;
  if (step->kind == TP_STORY_STEP_CANVAS_BLOCK)
    return container <= step->container;
  return step->kind > TP_STORY_STEP_CANVAS_BLOCK;
}

gboolean
tp_story_step_reveals_stage (const TpStoryStep *step,
                             guint              stage_index)
{
  g_return_val_if_fail (step != NULL, FALSE);

  if (step->kind == TP_STORY_STEP_JOURNEY_STAGE)
    return stage_index <= step->stage_index;
  return step->kind > TP_STORY_STEP_JOURNEY_STAGE;
}

gboolean
tp_story_step_get_capture (const TpStoryStep *step,
                           TpContainer       *container,
                           const char       **stage)
{
  g_return_val_if_fail (step != NULL, FALSE);

  if (step->kind == TP_STORY_STEP_CANVAS_BLOCK)
    {
      if (container != NULL)
        *container = step->container;
      if (stage != NULL)
        *stage = NULL;
      return TRUE;
    }

  if (step->kind == TP_STORY_STEP_JOURNEY_STAGE)
    {
      if (stage != NULL)
        *stage = step->stage;
      return TRUE;
    }

  return FALSE;
}

int
tp_story_find_step_part (TpStory    *self,
                         const char *key,
                         guint       part)
{
  int found = -1;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (key != NULL, -1);

  for (guint i = 0; i < self->shown->len; i++)
    {
      const TpStoryStep *step = tp_story_get_step (self, i);

      if (!g_str_equal (step->key, key))
        continue;
      if (step->part > part)
        break;
      found = (int) i;
    }

  return found;
}

int
tp_story_find_step (TpStory    *self,
                    const char *key)
{
  return tp_story_find_step_part (self, key, 0);
}

const TpNote *
tp_story_get_value_chain_note (TpStory *self,
                               guint    index)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (TpContainer container = TP_N_BMC_BLOCKS; container < TP_N_CONTAINERS; container++)
    {
      GPtrArray *notes = tp_document_get_notes (self->document, container);

      if (index < notes->len)
        return g_ptr_array_index (notes, index);
      index -= notes->len;
    }

  return NULL;
}
