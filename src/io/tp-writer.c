/* tp-writer.c: document → bytes, deterministic (same document, same bytes).
 *
 * The text is built by hand rather than through a libxml2 tree so that the output is
 * exactly the one docs/FORMAT.md describes: two-space indentation, one element per line,
 * attributes in the documented order, optional attributes omitted at their default, reals
 * as the shortest decimal that reads back the same. Files then diff well in git, and a
 * document that is loaded and saved unchanged is written back byte for byte.
 *
 * Whatever the model holds, the output must load again (saving re-loads it before
 * touching the disk, and refuses to write what it cannot read): so values are clamped to
 * the ranges the loader accepts, and characters XML cannot carry are replaced.
 */
#include "config.h"

#include "tp-writer.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/tp-document-private.h"
#include "model/tp-enums.h"
#include "tp-xml-names.h"
#include "tp-caps-measure.h"

typedef struct
{
  GString  *out;
  guint     depth;     /* of the next element */
  gboolean  tag_open;  /* a start tag waits for ">" or "/>" */
  GPtrArray *names;    /* (element-type utf8) of the open elements, not owned */
} Writer;

static void
indent (Writer *w)
{
  for (guint i = 0; i < w->depth; i++)
    g_string_append (w->out, "  ");
}

/* The first child of an element closes its start tag. */
static void
close_start_tag (Writer *w)
{
  if (w->tag_open)
    {
      g_string_append (w->out, ">\n");
      w->tag_open = FALSE;
    }
}

static void
element_start (Writer     *w,
               const char *name)
{
  close_start_tag (w);
  indent (w);
  g_string_append_c (w->out, '<');
  g_string_append (w->out, name);
  g_ptr_array_add (w->names, (gpointer) name);
  w->tag_open = TRUE;
  w->depth++;
}

static void
element_end (Writer *w)
{
  const char *name = g_ptr_array_steal_index (w->names, w->names->len - 1);

  w->depth--;
  if (w->tag_open)
    {
      g_string_append (w->out, "/>\n");
      w->tag_open = FALSE;
      return;
    }

  indent (w);
  g_string_append_printf (w->out, "</%s>\n", name);
}

/* Appends text, valid UTF-8 and at most TP_TEXT_MAX characters, escaped for content
 * (attribute FALSE) or for a double-quoted attribute value.
 *
 * Only what XML requires is escaped: "&" and "<" everywhere, '"' in attributes, and ">"
 * only where it would end a "]]>" in content. Escaping every ">" as "&gt;" quadrupled
 * text full of arrows, and a document that loaded within the caps could no longer be
 * saved within them. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    attribute)
{
  g_autofree char *valid = NULL;
  const char *p;
  const char *end;
  guint brackets = 0;   /* "]" just written in a row, in content */

  if (text == NULL)
    return;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  end = text + strlen (text);
  if ((gsize) (end - text) > TP_TEXT_MAX && g_utf8_strlen (text, -1) > TP_TEXT_MAX)
    end = g_utf8_offset_to_pointer (text, TP_TEXT_MAX);

  for (p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint run = c == ']' ? brackets + 1 : 0;

      switch (c)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          /* "]]>" may not appear in content; a lone ">" is plain text. */
          g_string_append (out, !attribute && brackets >= 2 ? "&gt;" : ">");
          break;
        case '"':
          g_string_append (out, attribute ? "&quot;" : "\"");
          break;
        case '\r':
          /* A raw carriage return would be read back as a line feed. */
          g_string_append (out, "&#13;");
          break;
        case '\n':
          /* In an attribute a raw line feed would be read back as a space. */
          g_string_append (out, attribute ? "&#10;" : "\n");
          break;
        case '\t':
          g_string_append (out, attribute ? "&#9;" : "\t");
          break;
        default:
          /* XML 1.0 cannot carry other control characters, even as references. */
          if (c < 0x20 || c == 0xFFFE || c == 0xFFFF)
            g_string_append_unichar (out, 0xFFFD);
          else
            g_string_append_len (out, p, g_utf8_next_char (p) - p);
          break;
        }

      brackets = run;
    }
}

static void
attribute (Writer     *w,
           const char *name,
           const char *value)
{
  g_string_append_c (w->out, ' ');
  g_string_append (w->out, name);
  g_string_append (w->out, "=\"");
  append_escaped (w->out, value, TRUE);
  g_string_append_c (w->out, '"');
}

/* Optional text attributes are omitted when empty. */
static void
attribute_text (Writer     *w,
                const char *name,
                const char *value)
{
  if (value != NULL && value[0] != '\0')
    attribute (w, name, value);
}

static void
attribute_int (Writer     *w,
               const char *name,
               gint64      value)
{
  g_string_append_printf (w->out, " %s=\"%" G_GINT64_FORMAT "\"", name, value);
}

/* Counts are omitted at 0, their default. */
static void
attribute_count (Writer     *w,
                 const char *name,
                 guint       value)
{
  if (value != 0)
    attribute_int (w, name, MIN (value, TP_COUNT_MAX));
}

static void
attribute_enum (Writer     *w,
                const char *name,
                TpEnumType  type,
                guint       value)
{
  if (value >= tp_enum_get_n_values (type))
    value = 0;
  attribute (w, name, tp_enum_to_nick (type, value));
}

/* The shortest decimal that reads back as the same double: whole numbers without an
 * exponent ("30", not "3e+01"), others with the fewest significant digits that round-trip
 * ("4.2", not g_ascii_dtostr()'s "4.2000000000000002"). Omitted when not finite. */
static void
attribute_real (Writer     *w,
                const char *name,
                double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return;

  value = CLAMP (value, -TP_REAL_LIMIT, TP_REAL_LIMIT);

  if (value == 0)
    {
      /* Also for −0, which would read back as equal anyway. */
      g_strlcpy (buffer, "0", sizeof buffer);
    }
  else if (value == floor (value))
    {
      g_ascii_formatd (buffer, sizeof buffer, "%.0f", value);
    }
  else
    {
      for (int precision = 1; precision <= 17; precision++)
        {
          char format[8];

          g_snprintf (format, sizeof format, "%%.%dg", precision);
          g_ascii_formatd (buffer, sizeof buffer, format, value);
          if (g_ascii_strtod (buffer, NULL) == value)
            break;
        }
    }

  g_string_append_printf (w->out, " %s=\"%s\"", name, buffer);
}

static void
extras_attributes (Writer         *w,
                   const TpExtras *extras)
{
  if (extras->attributes == NULL)
    return;

  for (guint i = 0; i + 1 < extras->attributes->len; i += 2)
    attribute (w,
               g_ptr_array_index (extras->attributes, i),
               g_ptr_array_index (extras->attributes, i + 1));
}

/* Unknown elements of a newer version go after the known children, verbatim. */
static void
extras_elements (Writer         *w,
                 const TpExtras *extras)
{
  if (extras->elements == NULL)
    return;

  for (guint i = 0; i < extras->elements->len; i++)
    {
      close_start_tag (w);
      indent (w);
      g_string_append (w->out, g_ptr_array_index (extras->elements, i));
      g_string_append_c (w->out, '\n');
    }
}

/* Ends an element whose content is text, on the line of its start tag. Unknown child
 * elements follow the text directly: whitespace around them would become part of it. */
static void
element_end_with_text (Writer         *w,
                       const char     *text,
                       const TpExtras *extras)
{
  const char *name = g_ptr_array_steal_index (w->names, w->names->len - 1);
  gboolean has_elements = extras != NULL && extras->elements != NULL && extras->elements->len > 0;

  w->depth--;
  w->tag_open = FALSE;

  if ((text == NULL || text[0] == '\0') && !has_elements)
    {
      g_string_append (w->out, "/>\n");
      return;
    }

  g_string_append_c (w->out, '>');
  append_escaped (w->out, text, FALSE);
  for (guint i = 0; has_elements && i < extras->elements->len; i++)
    g_string_append (w->out, g_ptr_array_index (extras->elements, i));
  g_string_append_printf (w->out, "</%s>\n", name);
}

static void
text_element (Writer     *w,
              const char *name,
              const char *text)
{
  element_start (w, name);
  element_end_with_text (w, text, NULL);
}

/* Optional text elements are omitted when empty. */
static void
optional_text_element (Writer     *w,
                       const char *name,
                       const char *text)
{
  if (text != NULL && text[0] != '\0')
    text_element (w, name, text);
}

static void
write_meta (Writer       *w,
            const TpMeta *meta)
{
  if (meta == NULL)
    return;

  if ((meta->title == NULL || meta->title[0] == '\0') &&
      (meta->organisation == NULL || meta->organisation[0] == '\0') &&
      (meta->facilitator == NULL || meta->facilitator[0] == '\0') &&
      (meta->date == NULL || meta->date[0] == '\0') &&
      meta->story_hidden->len == 0 &&
      tp_extras_is_empty (&meta->item.extras))
    return;

  element_start (w, TP_XML_META);
  extras_attributes (w, &meta->item.extras);
  optional_text_element (w, TP_XML_TITLE, meta->title);
  optional_text_element (w, TP_XML_ORGANISATION, meta->organisation);
  optional_text_element (w, TP_XML_FACILITATOR, meta->facilitator);

  /* Only a real date: anything else would not load back. */
  if (meta->date != NULL && strlen (meta->date) == 10)
    {
      guint year = 0, month = 0, day = 0;

      if (sscanf (meta->date, "%4u-%2u-%2u", &year, &month, &day) == 3 &&
          g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
        text_element (w, TP_XML_DATE, meta->date);
    }

  if (meta->story_hidden->len > 0)
    {
      element_start (w, TP_XML_STORY);
      for (guint i = 0; i < meta->story_hidden->len; i++)
        {
          element_start (w, TP_XML_HIDE);
          attribute (w, TP_XML_A_STEP, g_ptr_array_index (meta->story_hidden, i));
          element_end (w);
        }
      element_end (w);
    }

  extras_elements (w, &meta->item.extras);
  element_end (w);
}

static void
write_personas (Writer     *w,
                TpDocument *document)
{
  GPtrArray *personas = tp_document_get_personas (document);
  TpExtras *extras = _tp_document_get_section_extras (document, TP_SECTION_PERSONAS);

  if (personas->len == 0 && tp_extras_is_empty (extras))
    return;

  element_start (w, TP_XML_PERSONAS);
  extras_attributes (w, extras);

  for (guint i = 0; i < personas->len; i++)
    {
      const TpPersona *persona = g_ptr_array_index (personas, i);

      element_start (w, TP_XML_PERSONA);
      attribute (w, TP_XML_A_ID, persona->item.id);
      attribute (w, TP_XML_A_NAME, persona->name != NULL ? persona->name : "");
      attribute_enum (w, TP_XML_A_ACCENT, TP_ENUM_ACCENT, persona->accent);
      extras_attributes (w, &persona->item.extras);
      optional_text_element (w, TP_XML_DESCRIPTION, persona->description);
      extras_elements (w, &persona->item.extras);
      element_end (w);
    }

  extras_elements (w, extras);
  element_end (w);
}

static void
write_note (Writer       *w,
            const TpNote *note)
{
  element_start (w, TP_XML_NOTE);
  attribute (w, TP_XML_A_ID, note->item.id);
  attribute_enum (w, TP_XML_A_COLOUR, TP_ENUM_NOTE_COLOUR, note->colour);
  attribute_enum (w, TP_XML_A_EVIDENCE, TP_ENUM_EVIDENCE, note->evidence);
  attribute_count (w, TP_XML_A_VOTES, note->votes);
  attribute_text (w, TP_XML_A_PERSONA, note->persona);
  extras_attributes (w, &note->item.extras);
  element_end_with_text (w, note->text, &note->item.extras);
}

/* The canvas (first) or the value chain: its containers in their fixed order, empty ones
 * omitted. */
static void
write_containers (Writer     *w,
                  TpDocument *document,
                  gboolean    canvas)
{
  TpSection section = canvas ? TP_SECTION_CANVAS : TP_SECTION_VALUE_CHAIN;
  TpExtras *extras = _tp_document_get_section_extras (document, section);
  guint first = canvas ? 0 : TP_N_BMC_BLOCKS;
  guint last = canvas ? TP_N_BMC_BLOCKS : TP_N_CONTAINERS;
  gboolean empty = tp_extras_is_empty (extras);

  for (guint c = first; empty && c < last; c++)
    empty = tp_document_get_notes (document, c)->len == 0 &&
            tp_extras_is_empty (_tp_document_get_container_extras (document, c));
  if (empty)
    return;

  element_start (w, canvas ? TP_XML_CANVAS : TP_XML_VALUE_CHAIN);
  extras_attributes (w, extras);

  for (guint c = first; c < last; c++)
    {
      GPtrArray *notes = tp_document_get_notes (document, c);
      TpExtras *container_extras = _tp_document_get_container_extras (document, c);

      if (notes->len == 0 && tp_extras_is_empty (container_extras))
        continue;

      element_start (w, canvas ? TP_XML_BLOCK : TP_XML_AREA);
      attribute (w, TP_XML_A_KIND, tp_enum_to_nick (TP_ENUM_CONTAINER, c));
      extras_attributes (w, container_extras);
      for (guint i = 0; i < notes->len; i++)
        write_note (w, g_ptr_array_index (notes, i));
      extras_elements (w, container_extras);
      element_end (w);
    }

  extras_elements (w, extras);
  element_end (w);
}

static void
write_kpi (Writer      *w,
           const TpKpi *kpi)
{
  guint min_score, max_score;

  element_start (w, TP_XML_KPI);
  attribute (w, TP_XML_A_ID, kpi->id);
  attribute_enum (w, TP_XML_A_KIND, TP_ENUM_KPI_KIND, kpi->kind);
  attribute (w, TP_XML_A_NAME, kpi->name != NULL ? kpi->name : "");
  if (kpi->method != TP_CSAT_TOP_2_BOX)
    attribute_enum (w, TP_XML_A_METHOD, TP_ENUM_CSAT_METHOD, kpi->method);
  attribute_count (w, TP_XML_A_START, kpi->start);
  attribute_count (w, TP_XML_A_END, kpi->end);
  attribute_count (w, TP_XML_A_NEW, kpi->new_customers);
  attribute_count (w, TP_XML_A_CONVERSIONS, kpi->conversions);
  attribute_count (w, TP_XML_A_VISITORS, kpi->visitors);
  attribute_real (w, TP_XML_A_VALUE, kpi->value);
  attribute_text (w, TP_XML_A_UNIT, kpi->unit);
  attribute_real (w, TP_XML_A_TARGET, kpi->target);
  if (kpi->direction != TP_DIRECTION_HIGHER)
    attribute_enum (w, TP_XML_A_DIRECTION, TP_ENUM_DIRECTION, kpi->direction);
  extras_attributes (w, &kpi->extras);

  /* Only the scores the kind collects: others (left over from another kind) would not
   * load back. */
  if (tp_kpi_kind_get_score_range (kpi->kind, &min_score, &max_score))
    {
      for (guint value = min_score; value <= max_score && value < TP_KPI_SCORES; value++)
        {
          if (kpi->scores[value] == 0)
            continue;

          element_start (w, TP_XML_SCORE);
          attribute_int (w, TP_XML_A_VALUE, value);
          attribute_int (w, TP_XML_A_COUNT, MIN (kpi->scores[value], TP_COUNT_MAX));
          element_end (w);
        }
    }

  extras_elements (w, &kpi->extras);
  element_end (w);
}

static void
write_need (Writer           *w,
            const TpKanoNeed *need)
{
  element_start (w, TP_XML_NEED);
  attribute (w, TP_XML_A_ID, need->id);
  if (need->category != TP_KANO_NONE)
    attribute_enum (w, TP_XML_A_CATEGORY, TP_ENUM_KANO_CATEGORY, need->category);
  extras_attributes (w, &need->extras);

  text_element (w, TP_XML_TEXT, need->text);

  for (guint f = 0; f < TP_N_KANO_ANSWERS; f++)
    for (guint d = 0; d < TP_N_KANO_ANSWERS; d++)
      {
        if (need->answers[f][d] == 0)
          continue;

        element_start (w, TP_XML_ANSWER);
        attribute_enum (w, TP_XML_A_FUNCTIONAL, TP_ENUM_KANO_ANSWER, f);
        attribute_enum (w, TP_XML_A_DYSFUNCTIONAL, TP_ENUM_KANO_ANSWER, d);
        attribute_int (w, TP_XML_A_COUNT, MIN (need->answers[f][d], TP_COUNT_MAX));
        element_end (w);
      }

  extras_elements (w, &need->extras);
  element_end (w);
}

static void
attribute_rating (Writer     *w,
                  const char *name,
                  guint       value)
{
  /* 0 means "not yet scored". */
  if (value != 0)
    attribute_int (w, name, MIN (value, TP_SCORE_MAX));
}

static void
write_moment_of_truth (Writer             *w,
                       const TpTouchpoint *touchpoint)
{
  element_start (w, TP_XML_MOMENT_OF_TRUTH);
  attribute_rating (w, TP_XML_A_EXPECTATION, touchpoint->expectation);
  attribute_rating (w, TP_XML_A_EXPERIENCE, touchpoint->experience);
  attribute_rating (w, TP_XML_A_IMPACT, touchpoint->impact);
  attribute_rating (w, TP_XML_A_FEASIBILITY, touchpoint->feasibility);
  if (touchpoint->strategy != TP_STRATEGY_NONE)
    attribute_enum (w, TP_XML_A_STRATEGY, TP_ENUM_STRATEGY, touchpoint->strategy);
  extras_attributes (w, &touchpoint->mot_extras);

  for (guint i = 0; touchpoint->actions != NULL && i < touchpoint->actions->len; i++)
    {
      const TpActionItem *action = g_ptr_array_index (touchpoint->actions, i);

      element_start (w, TP_XML_ACTION_ITEM);
      attribute_text (w, TP_XML_A_OWNER, action->owner);
      attribute_enum (w, TP_XML_A_STATUS, TP_ENUM_ACTION_STATUS, action->status);
      extras_attributes (w, &action->extras);
      element_end_with_text (w, action->what, &action->extras);
    }

  extras_elements (w, &touchpoint->mot_extras);
  element_end (w);
}

static void
write_touchpoint (Writer             *w,
                  const TpTouchpoint *touchpoint)
{
  element_start (w, TP_XML_TOUCHPOINT);
  attribute (w, TP_XML_A_ID, touchpoint->item.id);
  attribute (w, TP_XML_A_NAME, touchpoint->name != NULL ? touchpoint->name : "");
  attribute_text (w, TP_XML_A_CHANNEL, touchpoint->channel);
  if (touchpoint->emotion != 0)
    attribute_int (w, TP_XML_A_EMOTION, CLAMP (touchpoint->emotion, TP_EMOTION_MIN, TP_EMOTION_MAX));
  attribute_text (w, TP_XML_A_PERSONA, touchpoint->persona);
  attribute_count (w, TP_XML_A_VOTES, touchpoint->votes);
  extras_attributes (w, &touchpoint->item.extras);

  optional_text_element (w, TP_XML_ACTION, touchpoint->action);
  for (guint i = 0; touchpoint->pains != NULL && i < touchpoint->pains->len; i++)
    text_element (w, TP_XML_PAIN, g_ptr_array_index (touchpoint->pains, i));
  for (guint i = 0; touchpoint->opportunities != NULL && i < touchpoint->opportunities->len; i++)
    text_element (w, TP_XML_OPPORTUNITY, g_ptr_array_index (touchpoint->opportunities, i));
  if (touchpoint->moment_of_truth)
    write_moment_of_truth (w, touchpoint);
  for (guint i = 0; touchpoint->needs != NULL && i < touchpoint->needs->len; i++)
    write_need (w, g_ptr_array_index (touchpoint->needs, i));
  for (guint i = 0; touchpoint->kpis != NULL && i < touchpoint->kpis->len; i++)
    write_kpi (w, g_ptr_array_index (touchpoint->kpis, i));

  extras_elements (w, &touchpoint->item.extras);
  element_end (w);
}

static void
write_journey (Writer     *w,
               TpDocument *document)
{
  GPtrArray *stages = tp_document_get_stages (document);
  TpExtras *extras = _tp_document_get_section_extras (document, TP_SECTION_JOURNEY);

  if (stages->len == 0 && tp_extras_is_empty (extras))
    return;

  element_start (w, TP_XML_JOURNEY);
  extras_attributes (w, extras);

  for (guint i = 0; i < stages->len; i++)
    {
      const TpStage *stage = g_ptr_array_index (stages, i);

      element_start (w, TP_XML_STAGE);
      attribute (w, TP_XML_A_ID, stage->item.id);
      attribute (w, TP_XML_A_NAME, stage->name != NULL ? stage->name : "");
      /* Omitted at its default, the colour of its position, which is also what a file
       * without it loads as: files of unchanged journeys keep their bytes. */
      if (stage->colour != tp_stage_colour_for_index (i))
        attribute_enum (w, TP_XML_A_COLOUR, TP_ENUM_STAGE_COLOUR, stage->colour);
      extras_attributes (w, &stage->item.extras);
      optional_text_element (w, TP_XML_JOB, stage->job);
      for (guint k = 0; stage->kpis != NULL && k < stage->kpis->len; k++)
        write_kpi (w, g_ptr_array_index (stage->kpis, k));
      for (guint t = 0; stage->touchpoints != NULL && t < stage->touchpoints->len; t++)
        write_touchpoint (w, g_ptr_array_index (stage->touchpoints, t));
      extras_elements (w, &stage->item.extras);
      element_end (w);
    }

  extras_elements (w, extras);
  element_end (w);
}

static void
write_links (Writer     *w,
             TpDocument *document)
{
  GPtrArray *links = tp_document_get_links (document);
  TpExtras *extras = _tp_document_get_section_extras (document, TP_SECTION_LINKS);

  if (links->len == 0 && tp_extras_is_empty (extras))
    return;

  element_start (w, TP_XML_LINKS);
  extras_attributes (w, extras);

  for (guint i = 0; i < links->len; i++)
    {
      const TpLink *link = g_ptr_array_index (links, i);

      element_start (w, TP_XML_LINK);
      attribute (w, TP_XML_A_ID, link->item.id);
      attribute (w, TP_XML_A_NOTE, link->note);
      attribute (w, TP_XML_A_TOUCHPOINT, link->touchpoint);
      attribute_text (w, TP_XML_A_LABEL, link->label);
      extras_attributes (w, &link->item.extras);
      extras_elements (w, &link->item.extras);
      element_end (w);
    }

  extras_elements (w, extras);
  element_end (w);
}

/* The lowest minor version that holds the document's content (FORMAT.md, "Versions").
 * A workshop using nothing of 1.1 is still written as 1.0, byte for byte as before; one
 * with a touchpoint's votes or hidden story steps says 1.1, so that a 1.0 build keeps
 * them aside as a newer minor version's content instead of refusing the file as
 * invalid (its schema knows neither). */
static guint
get_content_minor (TpDocument *document)
{
  GPtrArray *stages = tp_document_get_stages (document);
  const TpMeta *meta = tp_document_get_meta (document);

  if (meta->story_hidden != NULL && meta->story_hidden->len > 0)
    return 1;

  for (guint s = 0; s < stages->len; s++)
    {
      const TpStage *stage = g_ptr_array_index (stages, s);

      for (guint i = 0; i < stage->touchpoints->len; i++)
        if (((const TpTouchpoint *) g_ptr_array_index (stage->touchpoints, i))->votes > 0)
          return 1;
    }

  return 0;
}

GBytes *
tp_write_bytes (TpDocument *document)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *version = NULL;
  TpExtras *root_extras;
  Writer w = { NULL, 0, FALSE, names };

  g_return_val_if_fail (TP_IS_DOCUMENT (document), NULL);

  /* Whatever program writes documents also edits them within the caps. */
  tp_caps_install ();

  w.out = g_string_sized_new (64 * 1024);
  root_extras = _tp_document_get_section_extras (document, TP_SECTION_ROOT);

  /* A document carrying a newer minor version's content says so, so that a newer
   * Touchpoint reads that content as its own. */
  version = g_strdup_printf ("%u.%u", TP_FORMAT_MAJOR,
                             MAX (_tp_document_get_format_minor (document),
                                  get_content_minor (document)));

  g_string_append (w.out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  element_start (&w, TP_XML_ROOT);
  attribute (&w, "xmlns", TP_XML_NS);
  attribute (&w, TP_XML_A_VERSION, version);
  extras_attributes (&w, root_extras);

  write_meta (&w, tp_document_get_meta (document));
  write_personas (&w, document);
  write_containers (&w, document, TRUE);
  write_containers (&w, document, FALSE);
  write_journey (&w, document);
  write_links (&w, document);

  extras_elements (&w, root_extras);
  element_end (&w);

  g_assert (names->len == 0);

  return g_string_free_to_bytes (w.out);
}
