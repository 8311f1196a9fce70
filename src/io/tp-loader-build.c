/* tp-loader-build.c: a parsed, schema-checked tree → a document, with the checks the
 * schema cannot make.
 *
 * The schema cannot check that ids are unique across the document, that references
 * resolve, which score values fit a KPI's kind, or that each block appears once; its
 * numeric facets are re-checked here too, because its messages are vague and this code
 * must never trust a number it did not check itself. The builder also runs when the
 * schema already failed, to give concrete messages: so it must cope with any tree, and
 * simply skips what it does not recognise (the schema has reported it).
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "model/tp-enums.h"
#include "tp-loader-private.h"
#include "tp-xml-names.h"

/* What an id names, for the reference checks. */
typedef enum {
  ID_NOTE,
  ID_PERSONA,
  ID_STAGE,
  ID_TOUCHPOINT,
  ID_NEED,
  ID_KPI,
  ID_LINK,
} IdKind;

/* One block per id, its name inside (the table's key): an id costs one allocation, and
 * its line is looked up only for a duplicate's message (issue 19). */
typedef struct
{
  xmlNode *node;
  IdKind   kind;
  char     id[];
} IdInfo;

typedef struct
{
  xmlNode *node;
  char    *owner;       /* id of the note or touchpoint */
  IdKind   owner_kind;
  char    *persona;
} PersonaRef;

typedef struct
{
  TpDocument *document;
  GPtrArray  *problems;
  GHashTable *extras;        /* xmlNode * → TpExtras *, or NULL */
  GHashTable *problem_nodes; /* xmlNode * */
  GHashTable *ids;           /* id → IdInfo */
  GArray     *persona_refs;  /* PersonaRef */
  GPtrArray  *link_nodes;    /* xmlNode *, resolved after everything else */
  guint       container_lines[TP_N_CONTAINERS];
} Builder;

static void
persona_ref_clear (gpointer data)
{
  PersonaRef *ref = data;

  g_free (ref->owner);
  g_free (ref->persona);
}

/* Records the element too, so that the loader can tell the schema's vague complaints
 * about its ancestors from independent problems. */
#define problem(b, node, ...) G_STMT_START { \
  _tp_loader_add_problem ((b)->problems, _tp_loader_get_line (node), __VA_ARGS__); \
  g_hash_table_add ((b)->problem_nodes, (node)); \
} G_STMT_END

static void
replace_string (char **field,
                char  *value)
{
  g_free (*field);
  *field = value;
}

/* Text fields are bounded so that no field can make layout or export slow; the length
 * is in characters, as the schema's maxLength counts. */
static gboolean
check_text (Builder    *b,
            xmlNode    *node,
            const char *what,
            const char *text)
{
  glong length;

  /* A character is one byte or more: most texts need no counting. */
  if (text == NULL || strlen (text) <= TP_TEXT_MAX)
    return TRUE;

  length = g_utf8_strlen (text, -1);
  if (length <= TP_TEXT_MAX)
    return TRUE;

  problem (b, node, _("The text of “%s” is %ld characters long; at most %d are allowed"),
           what, length, TP_TEXT_MAX);
  return FALSE;
}

/* Returns the attribute, checked for length; NULL (with a problem) if it is required
 * and missing. */
static char *
get_text_attribute (Builder    *b,
                    xmlNode    *node,
                    const char *name,
                    gboolean    required)
{
  char *value = _tp_loader_dup_attribute (node, name);

  if (value == NULL)
    {
      if (required)
        problem (b, node, _("<%s> is missing the attribute “%s”"),
                 (const char *) node->name, name);
      return NULL;
    }

  check_text (b, node, name, value);

  return value;
}

/* The ids and their references are XML names without a colon (the schema's NCName):
 * checked here, with the attribute and value named, rather than by the compiled grammar,
 * where libxml2 2.9 looks the datatype up by name for every value (issue 19). Leading
 * and trailing blanks pass, as the datatype's whitespace collapsing lets them. */
static gboolean
check_name (Builder    *b,
            xmlNode    *node,
            const char *name,
            const char *value)
{
  if (value == NULL || xmlValidateNCName ((const xmlChar *) value, 1) == 0)
    return TRUE;

  /* Translators: the first placeholder is the value, the second the attribute's name
   * ("id", "persona", "note", "touchpoint"). */
  problem (b, node, _("“%s” is not a valid value for “%s”: a name starts with a letter or “_” and holds only letters, digits, “.”, “-” and “_”"),
           value, name);
  return FALSE;
}

/* An id or a reference to one: a text attribute that is also a name. */
static char *
get_name_attribute (Builder    *b,
                    xmlNode    *node,
                    const char *name)
{
  char *value = get_text_attribute (b, node, name, TRUE);

  check_name (b, node, name, value);

  return value;
}

static char *
get_text_content (Builder *b,
                  xmlNode *node)
{
  char *text = _tp_loader_dup_content (node);

  check_text (b, node, (const char *) node->name, text);

  return text;
}

/* An optional integer attribute: absent keeps *out, invalid is a problem. */
static gboolean
read_integer (Builder    *b,
              xmlNode    *node,
              const char *name,
              const char *label,
              gint64      min,
              gint64      max,
              gint64     *out)
{
  g_autofree char *storage = NULL;
  const char *text = _tp_loader_peek_attribute (node, name, &storage);
  g_autofree char *min_text = NULL;
  g_autofree char *max_text = NULL;

  if (text == NULL || _tp_loader_parse_integer (text, min, max, out))
    return TRUE;

  min_text = _tp_loader_format_integer (min);
  max_text = _tp_loader_format_integer (max);
  /* Translators: "Emotion must be between −2 and 2, not “7”". */
  problem (b, node, _("%s must be between %s and %s, not “%s”"), label, min_text, max_text, text);

  return FALSE;
}

static guint
read_count (Builder    *b,
            xmlNode    *node,
            const char *name,
            const char *label)
{
  gint64 value = 0;

  read_integer (b, node, name, label, 0, TP_COUNT_MAX, &value);

  return (guint) value;
}

/* Reals must be finite and within TP_REAL_LIMIT: "NaN", "INF" and "1e400" are refused
 * (the schema's facets would let some through). */
static double
read_real (Builder    *b,
           xmlNode    *node,
           const char *name,
           const char *label)
{
  g_autofree char *storage = NULL;
  const char *text = _tp_loader_peek_attribute (node, name, &storage);
  double value;

  if (text == NULL)
    return NAN;
  if (_tp_loader_parse_real (text, &value))
    return value;

  problem (b, node, _("%s must be a number between −%.0f and %.0f, not “%s”"),
           label, TP_REAL_LIMIT, TP_REAL_LIMIT, text);

  return NAN;
}

static gboolean
read_enum (Builder    *b,
           xmlNode    *node,
           const char *name,
           TpEnumType  type,
           gboolean    required,
           guint      *out)
{
  g_autofree char *storage = NULL;
  const char *text = _tp_loader_peek_attribute (node, name, &storage);

  if (text == NULL)
    {
      if (required)
        problem (b, node, _("<%s> is missing the attribute “%s”"),
                 (const char *) node->name, name);
      return !required;
    }

  /* "none" is the model's nick for "not set", which files say by omitting the
   * attribute. */
  if (tp_enum_from_nick (type, text, out) && strcmp (text, "none") != 0)
    return TRUE;

  problem (b, node, _("“%s” is not a valid value for “%s”"), text, name);

  return FALSE;
}

/* Registers an id; FALSE (with a problem) if it is missing or taken. */
static gboolean
register_id (Builder    *b,
             xmlNode    *node,
             const char *id,
             IdKind      kind)
{
  IdInfo *info;

  if (id == NULL)
    return FALSE;

  info = g_hash_table_lookup (b->ids, id);
  if (info != NULL)
    {
      problem (b, node, _("Duplicate id “%s” (first used on line %u)"), id,
               _tp_loader_get_line (info->node));
      return FALSE;
    }

  info = g_malloc (sizeof (IdInfo) + strlen (id) + 1);
  info->node = node;
  info->kind = kind;
  strcpy (info->id, id);
  g_hash_table_insert (b->ids, info->id, info);

  return TRUE;
}

static char *
read_persona_ref (Builder    *b,
                  xmlNode    *node,
                  const char *owner,
                  IdKind      owner_kind)
{
  char *persona = _tp_loader_dup_attribute (node, TP_XML_A_PERSONA);
  PersonaRef ref;

  check_name (b, node, TP_XML_A_PERSONA, persona);
  if (persona == NULL || owner == NULL)
    return persona;

  ref.node = node;
  ref.owner = g_strdup (owner);
  ref.owner_kind = owner_kind;
  ref.persona = g_strdup (persona);
  g_array_append_val (b->persona_refs, ref);

  return persona;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The story's hidden steps, sorted and unique as the model keeps them (sorted first:
 * a search per key would be quadratic in a hostile file's thousands of keys). */
static void
build_story_hidden (Builder   *b,
                    xmlNode   *node,
                    GPtrArray *keys)
{
  guint kept = 0;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      char *key;

      if (!_tp_loader_is_element (child, TP_XML_HIDE))
        continue;
      key = get_text_attribute (b, child, TP_XML_A_STEP, TRUE);
      if (key != NULL && key[0] != '\0')
        g_ptr_array_add (keys, key);
      else
        g_free (key);
    }

  g_ptr_array_sort (keys, compare_strings);
  for (guint i = 0; i < keys->len; i++)
    {
      if (kept > 0 && strcmp (g_ptr_array_index (keys, kept - 1), g_ptr_array_index (keys, i)) == 0)
        continue;
      if (kept != i)
        {
          char *key = g_ptr_array_index (keys, i);

          keys->pdata[i] = keys->pdata[kept];
          keys->pdata[kept] = key;
        }
      kept++;
    }
  g_ptr_array_set_size (keys, kept);
}

static void
build_meta (Builder *b,
            xmlNode *node)
{
  TpMeta *meta = tp_meta_new ();

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (_tp_loader_is_element (child, TP_XML_TITLE))
        replace_string (&meta->title, get_text_content (b, child));
      else if (_tp_loader_is_element (child, TP_XML_ORGANISATION))
        replace_string (&meta->organisation, get_text_content (b, child));
      else if (_tp_loader_is_element (child, TP_XML_FACILITATOR))
        replace_string (&meta->facilitator, get_text_content (b, child));
      else if (_tp_loader_is_element (child, TP_XML_DATE))
        {
          g_autofree char *date = _tp_loader_dup_content (child);
          char *normalized = _tp_loader_parse_date (date);

          if (normalized != NULL)
            replace_string (&meta->date, normalized);
          else
            problem (b, child, _("The date must be a real date written as YYYY-MM-DD, not “%s”"),
                     date);
        }
      else if (_tp_loader_is_element (child, TP_XML_STORY))
        build_story_hidden (b, child, meta->story_hidden);
    }

  _tp_loader_take_extras (b->extras, node, &meta->item.extras);
  _tp_document_set_meta (b->document, meta);
}

static void
build_personas (Builder *b,
                xmlNode *node)
{
  _tp_loader_take_extras (b->extras, node,
                          _tp_document_get_section_extras (b->document, TP_SECTION_PERSONAS));

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;
      g_autoptr(TpPersona) persona = NULL;
      guint accent = TP_ACCENT_BLUE;

      if (!_tp_loader_is_element (child, TP_XML_PERSONA))
        continue;

      id = get_name_attribute (b, child, TP_XML_A_ID);
      name = get_text_attribute (b, child, TP_XML_A_NAME, TRUE);
      read_enum (b, child, TP_XML_A_ACCENT, TP_ENUM_ACCENT, TRUE, &accent);

      if (!register_id (b, child, id, ID_PERSONA))
        continue;

      persona = tp_persona_new (id, name != NULL ? name : "", accent);
      for (xmlNode *grandchild = child->children; grandchild != NULL; grandchild = grandchild->next)
        if (_tp_loader_is_element (grandchild, TP_XML_DESCRIPTION))
          replace_string (&persona->description, get_text_content (b, grandchild));

      _tp_loader_take_extras (b->extras, child, &persona->item.extras);
      if (_tp_document_append_persona (b->document, persona))
        persona = NULL;
      else
        problem (b, child, _("The persona “%s” could not be added"), id);
    }
}

static void
build_note (Builder     *b,
            xmlNode     *node,
            TpContainer  container)
{
  g_autofree char *id = get_name_attribute (b, node, TP_XML_A_ID);
  g_autoptr(TpNote) note = NULL;
  guint colour = TP_NOTE_COLOUR_YELLOW;
  guint evidence = TP_EVIDENCE_ASSUMPTION;
  guint votes;
  char *persona;
  char *text;

  read_enum (b, node, TP_XML_A_COLOUR, TP_ENUM_NOTE_COLOUR, TRUE, &colour);
  read_enum (b, node, TP_XML_A_EVIDENCE, TP_ENUM_EVIDENCE, TRUE, &evidence);
  votes = read_count (b, node, TP_XML_A_VOTES, _("Votes"));
  persona = read_persona_ref (b, node, id, ID_NOTE);
  text = get_text_content (b, node);

  if (!register_id (b, node, id, ID_NOTE))
    {
      g_free (persona);
      g_free (text);
      return;
    }

  note = tp_note_new (id, "");
  replace_string (&note->text, text);
  replace_string (&note->persona, persona);
  note->container = container;
  note->colour = colour;
  note->evidence = evidence;
  note->votes = votes;

  _tp_loader_take_extras (b->extras, node, &note->item.extras);
  if (_tp_document_append_note (b->document, note))
    note = NULL;
  else
    problem (b, node, _("The note “%s” could not be added"), id);
}

/* Blocks of the canvas and areas of the value chain: each kind at most once. */
static void
build_containers (Builder    *b,
                  xmlNode    *node,
                  TpSection   section,
                  const char *element,
                  gboolean    canvas)
{
  _tp_loader_take_extras (b->extras, node,
                          _tp_document_get_section_extras (b->document, section));

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *kind = NULL;
      guint container;

      if (!_tp_loader_is_element (child, element))
        continue;

      kind = _tp_loader_dup_attribute (child, TP_XML_A_KIND);
      if (kind == NULL)
        {
          problem (b, child, _("<%s> is missing the attribute “%s”"), element, TP_XML_A_KIND);
          continue;
        }
      if (!tp_enum_from_nick (TP_ENUM_CONTAINER, kind, &container) ||
          (canvas ? !TP_CONTAINER_IS_CANVAS (container) : !TP_CONTAINER_IS_VALUE_CHAIN (container)))
        {
          if (canvas)
            problem (b, child, _("“%s” is not a block of the Business Model Canvas"), kind);
          else
            problem (b, child, _("“%s” is not an area of the value chain"), kind);
          continue;
        }
      if (b->container_lines[container] != 0)
        {
          if (canvas)
            problem (b, child, _("The block “%s” appears twice (first on line %u)"),
                     kind, b->container_lines[container]);
          else
            problem (b, child, _("The area “%s” appears twice (first on line %u)"),
                     kind, b->container_lines[container]);
          continue;
        }
      b->container_lines[container] = MAX (_tp_loader_get_line (child), 1);

      _tp_loader_take_extras (b->extras, child,
                              _tp_document_get_container_extras (b->document, container));

      for (xmlNode *grandchild = child->children; grandchild != NULL; grandchild = grandchild->next)
        if (_tp_loader_is_element (grandchild, TP_XML_NOTE))
          build_note (b, grandchild, container);
    }
}

static TpKpi *
build_kpi (Builder *b,
           xmlNode *node)
{
  g_autofree char *id = get_name_attribute (b, node, TP_XML_A_ID);
  g_autofree char *name = get_text_attribute (b, node, TP_XML_A_NAME, TRUE);
  g_autofree char *unit = get_text_attribute (b, node, TP_XML_A_UNIT, FALSE);
  g_autoptr(TpKpi) kpi = NULL;
  guint kind = TP_KPI_CUSTOM;
  guint value;
  guint min_score = 0, max_score = 0;
  gboolean has_scores;
  guint score_lines[TP_KPI_SCORES] = { 0, };

  if (!read_enum (b, node, TP_XML_A_KIND, TP_ENUM_KPI_KIND, TRUE, &kind))
    kind = TP_KPI_CUSTOM;
  has_scores = tp_kpi_kind_get_score_range (kind, &min_score, &max_score);

  kpi = tp_kpi_new (id != NULL ? id : "", kind, name != NULL ? name : "");
  value = kpi->method;
  read_enum (b, node, TP_XML_A_METHOD, TP_ENUM_CSAT_METHOD, FALSE, &value);
  kpi->method = value;
  value = kpi->direction;
  read_enum (b, node, TP_XML_A_DIRECTION, TP_ENUM_DIRECTION, FALSE, &value);
  kpi->direction = value;
  kpi->start = read_count (b, node, TP_XML_A_START, _("Start"));
  kpi->end = read_count (b, node, TP_XML_A_END, _("End"));
  kpi->new_customers = read_count (b, node, TP_XML_A_NEW, _("New"));
  kpi->conversions = read_count (b, node, TP_XML_A_CONVERSIONS, _("Conversions"));
  kpi->visitors = read_count (b, node, TP_XML_A_VISITORS, _("Visitors"));
  kpi->value = read_real (b, node, TP_XML_A_VALUE, _("Value"));
  kpi->target = read_real (b, node, TP_XML_A_TARGET, _("Target"));
  if (unit != NULL)
    replace_string (&kpi->unit, g_steal_pointer (&unit));

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *score_text = NULL;
      g_autofree char *min_text = NULL;
      g_autofree char *max_text = NULL;
      gint64 score = 0;

      if (!_tp_loader_is_element (child, TP_XML_SCORE))
        continue;

      score_text = _tp_loader_dup_attribute (child, TP_XML_A_VALUE);
      if (!has_scores)
        {
          problem (b, child, _("A KPI of kind “%s” has no scores"),
                   tp_enum_to_nick (TP_ENUM_KPI_KIND, kind));
          continue;
        }
      if (score_text == NULL)
        {
          problem (b, child, _("<%s> is missing the attribute “%s”"), TP_XML_SCORE, TP_XML_A_VALUE);
          continue;
        }
      if (!_tp_loader_parse_integer (score_text, min_score, max_score, &score))
        {
          min_text = _tp_loader_format_integer (min_score);
          max_text = _tp_loader_format_integer (max_score);
          problem (b, child, _("A score of a “%s” KPI must be between %s and %s, not “%s”"),
                   tp_enum_to_nick (TP_ENUM_KPI_KIND, kind), min_text, max_text, score_text);
          continue;
        }
      if (score_lines[score] != 0)
        {
          problem (b, child, _("The score %s appears twice (first on line %u)"),
                   score_text, score_lines[score]);
          continue;
        }
      score_lines[score] = MAX (_tp_loader_get_line (child), 1);
      kpi->scores[score] = read_count (b, child, TP_XML_A_COUNT, _("Count"));
    }

  _tp_loader_take_extras (b->extras, node, &kpi->extras);

  if (!register_id (b, node, id, ID_KPI))
    return NULL;

  return g_steal_pointer (&kpi);
}

static TpKanoNeed *
build_need (Builder *b,
            xmlNode *node)
{
  g_autofree char *id = get_name_attribute (b, node, TP_XML_A_ID);
  g_autoptr(TpKanoNeed) need = NULL;
  guint answer_lines[TP_N_KANO_ANSWERS][TP_N_KANO_ANSWERS] = { { 0, } };
  guint category = TP_KANO_NONE;
  gboolean has_text = FALSE;

  need = tp_kano_need_new (id != NULL ? id : "", "");
  if (read_enum (b, node, TP_XML_A_CATEGORY, TP_ENUM_KANO_CATEGORY, FALSE, &category))
    need->category = category;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      guint functional = 0, dysfunctional = 0;

      if (_tp_loader_is_element (child, TP_XML_TEXT))
        {
          replace_string (&need->text, get_text_content (b, child));
          has_text = TRUE;
        }
      else if (_tp_loader_is_element (child, TP_XML_ANSWER))
        {
          gboolean ok;

          ok = read_enum (b, child, TP_XML_A_FUNCTIONAL, TP_ENUM_KANO_ANSWER, TRUE, &functional);
          ok &= read_enum (b, child, TP_XML_A_DYSFUNCTIONAL, TP_ENUM_KANO_ANSWER, TRUE, &dysfunctional);
          if (!ok || functional >= TP_N_KANO_ANSWERS || dysfunctional >= TP_N_KANO_ANSWERS)
            continue;

          if (answer_lines[functional][dysfunctional] != 0)
            {
              problem (b, child, _("The answer pair “%s”/“%s” appears twice (first on line %u)"),
                       tp_enum_to_nick (TP_ENUM_KANO_ANSWER, functional),
                       tp_enum_to_nick (TP_ENUM_KANO_ANSWER, dysfunctional),
                       answer_lines[functional][dysfunctional]);
              continue;
            }
          answer_lines[functional][dysfunctional] = MAX (_tp_loader_get_line (child), 1);
          need->answers[functional][dysfunctional] = read_count (b, child, TP_XML_A_COUNT, _("Count"));
        }
    }

  if (!has_text)
    problem (b, node, _("The need “%s” has no <%s>"), id != NULL ? id : "", TP_XML_TEXT);

  _tp_loader_take_extras (b->extras, node, &need->extras);

  if (!register_id (b, node, id, ID_NEED))
    return NULL;

  return g_steal_pointer (&need);
}

static void
build_moment_of_truth (Builder      *b,
                       xmlNode      *node,
                       TpTouchpoint *touchpoint)
{
  static const struct {
    const char *attribute;
    const char *label;
    gsize       offset;
  } ratings[] = {
    { TP_XML_A_EXPECTATION, N_("Expectation"), G_STRUCT_OFFSET (TpTouchpoint, expectation) },
    { TP_XML_A_EXPERIENCE, N_("Experience"), G_STRUCT_OFFSET (TpTouchpoint, experience) },
    { TP_XML_A_IMPACT, N_("Impact"), G_STRUCT_OFFSET (TpTouchpoint, impact) },
    { TP_XML_A_FEASIBILITY, N_("Feasibility"), G_STRUCT_OFFSET (TpTouchpoint, feasibility) },
  };
  guint strategy = TP_STRATEGY_NONE;

  touchpoint->moment_of_truth = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    {
      gint64 value = 0;

      read_integer (b, node, ratings[i].attribute, _(ratings[i].label),
                    TP_SCORE_MIN, TP_SCORE_MAX, &value);
      G_STRUCT_MEMBER (guint, touchpoint, ratings[i].offset) = (guint) value;
    }

  if (read_enum (b, node, TP_XML_A_STRATEGY, TP_ENUM_STRATEGY, FALSE, &strategy))
    touchpoint->strategy = strategy;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *owner = NULL;
      g_autofree char *what = NULL;
      guint status = TP_ACTION_TO_DO;
      TpActionItem *action;

      if (!_tp_loader_is_element (child, TP_XML_ACTION_ITEM))
        continue;

      owner = get_text_attribute (b, child, TP_XML_A_OWNER, FALSE);
      read_enum (b, child, TP_XML_A_STATUS, TP_ENUM_ACTION_STATUS, TRUE, &status);
      what = get_text_content (b, child);

      action = tp_action_item_new (what, owner != NULL ? owner : "", status);
      _tp_loader_take_extras (b->extras, child, &action->extras);
      g_ptr_array_add (touchpoint->actions, action);
    }

  _tp_loader_take_extras (b->extras, node, &touchpoint->mot_extras);
}

static TpTouchpoint *
build_touchpoint (Builder *b,
                  xmlNode *node)
{
  g_autofree char *id = get_name_attribute (b, node, TP_XML_A_ID);
  g_autofree char *name = get_text_attribute (b, node, TP_XML_A_NAME, TRUE);
  g_autofree char *channel = get_text_attribute (b, node, TP_XML_A_CHANNEL, FALSE);
  g_autoptr(TpTouchpoint) touchpoint = NULL;
  gint64 emotion = 0;
  gboolean registered;

  /* Registered before the children, so that duplicate ids are reported in file order. */
  registered = register_id (b, node, id, ID_TOUCHPOINT);

  touchpoint = tp_touchpoint_new (id != NULL ? id : "", name != NULL ? name : "");
  if (channel != NULL)
    replace_string (&touchpoint->channel, g_steal_pointer (&channel));
  read_integer (b, node, TP_XML_A_EMOTION, _("Emotion"), TP_EMOTION_MIN, TP_EMOTION_MAX, &emotion);
  touchpoint->emotion = (int) emotion;
  replace_string (&touchpoint->persona, read_persona_ref (b, node, id, ID_TOUCHPOINT));
  touchpoint->votes = read_count (b, node, TP_XML_A_VOTES, _("Votes"));

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (_tp_loader_is_element (child, TP_XML_ACTION))
        replace_string (&touchpoint->action, get_text_content (b, child));
      else if (_tp_loader_is_element (child, TP_XML_PAIN))
        g_ptr_array_add (touchpoint->pains, get_text_content (b, child));
      else if (_tp_loader_is_element (child, TP_XML_OPPORTUNITY))
        g_ptr_array_add (touchpoint->opportunities, get_text_content (b, child));
      else if (_tp_loader_is_element (child, TP_XML_MOMENT_OF_TRUTH))
        build_moment_of_truth (b, child, touchpoint);
      else if (_tp_loader_is_element (child, TP_XML_NEED))
        {
          TpKanoNeed *need = build_need (b, child);

          if (need != NULL)
            g_ptr_array_add (touchpoint->needs, need);
        }
      else if (_tp_loader_is_element (child, TP_XML_KPI))
        {
          TpKpi *kpi = build_kpi (b, child);

          if (kpi != NULL)
            g_ptr_array_add (touchpoint->kpis, kpi);
        }
    }

  _tp_loader_take_extras (b->extras, node, &touchpoint->item.extras);

  return registered ? g_steal_pointer (&touchpoint) : NULL;
}

static void
build_journey (Builder *b,
               xmlNode *node)
{
  _tp_loader_take_extras (b->extras, node,
                          _tp_document_get_section_extras (b->document, TP_SECTION_JOURNEY));

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *name = NULL;
      g_autoptr(TpStage) stage = NULL;
      g_autoptr(GPtrArray) touchpoints = NULL;
      TpStage *appended = NULL;

      if (!_tp_loader_is_element (child, TP_XML_STAGE))
        continue;

      id = get_name_attribute (b, child, TP_XML_A_ID);
      name = get_text_attribute (b, child, TP_XML_A_NAME, TRUE);
      if (register_id (b, child, id, ID_STAGE))
        {
          /* A stage of a file from before stages kept their colour shows the colour of
           * its position, as it did then. */
          guint colour = tp_stage_colour_for_index (tp_document_get_stages (b->document)->len);

          read_enum (b, child, TP_XML_A_COLOUR, TP_ENUM_STAGE_COLOUR, FALSE, &colour);
          stage = tp_stage_new (id, name != NULL ? name : "");
          stage->colour = colour;
        }

      /* The touchpoints are built even when the stage is not, for their problems. */
      touchpoints = g_ptr_array_new_with_free_func ((GDestroyNotify) tp_touchpoint_free);

      for (xmlNode *grandchild = child->children; grandchild != NULL; grandchild = grandchild->next)
        {
          if (_tp_loader_is_element (grandchild, TP_XML_JOB))
            {
              char *job = get_text_content (b, grandchild);

              if (stage != NULL)
                replace_string (&stage->job, job);
              else
                g_free (job);
            }
          else if (_tp_loader_is_element (grandchild, TP_XML_KPI))
            {
              TpKpi *kpi = build_kpi (b, grandchild);

              if (kpi != NULL && stage != NULL)
                g_ptr_array_add (stage->kpis, kpi);
              else if (kpi != NULL)
                tp_kpi_free (kpi);
            }
          else if (_tp_loader_is_element (grandchild, TP_XML_TOUCHPOINT))
            {
              TpTouchpoint *touchpoint = build_touchpoint (b, grandchild);

              if (touchpoint != NULL)
                g_ptr_array_add (touchpoints, touchpoint);
            }
        }

      if (stage == NULL)
        continue;

      _tp_loader_take_extras (b->extras, child, &stage->item.extras);

      if (!_tp_document_append_stage (b->document, stage))
        {
          problem (b, child, _("The stage “%s” could not be added"), id);
          continue;
        }
      appended = g_steal_pointer (&stage);

      while (touchpoints->len > 0)
        {
          g_autoptr(TpTouchpoint) touchpoint = g_ptr_array_steal_index (touchpoints, 0);

          if (_tp_document_append_touchpoint (b->document, appended, touchpoint))
            touchpoint = NULL;
          else
            problem (b, child, _("The touchpoint “%s” could not be added"),
                     touchpoint->item.id);
        }
    }
}

/* One end of a link must name an item of the right kind. */
static gboolean
check_link_end (Builder    *b,
                xmlNode    *node,
                const char *id,
                const char *end,
                IdKind      kind)
{
  IdInfo *info = g_hash_table_lookup (b->ids, end);

  if (info != NULL && info->kind == kind)
    return TRUE;

  if (info == NULL && kind == ID_NOTE)
    problem (b, node, _("Link “%s” refers to a missing note “%s”"), id, end);
  else if (info == NULL)
    problem (b, node, _("Link “%s” refers to a missing touchpoint “%s”"), id, end);
  else if (kind == ID_NOTE)
    problem (b, node, _("Link “%s” refers to “%s”, which is not a note"), id, end);
  else
    problem (b, node, _("Link “%s” refers to “%s”, which is not a touchpoint"), id, end);

  return FALSE;
}

static void
build_link (Builder *b,
            xmlNode *node,
            GHashTable *pairs)
{
  g_autofree char *id = get_name_attribute (b, node, TP_XML_A_ID);
  g_autofree char *note = get_name_attribute (b, node, TP_XML_A_NOTE);
  g_autofree char *touchpoint = get_name_attribute (b, node, TP_XML_A_TOUCHPOINT);
  g_autofree char *label = get_text_attribute (b, node, TP_XML_A_LABEL, FALSE);
  g_autofree char *pair = NULL;
  g_autoptr(TpLink) link = NULL;
  gboolean ok;

  if (!register_id (b, node, id, ID_LINK) || note == NULL || touchpoint == NULL)
    return;

  ok = check_link_end (b, node, id, note, ID_NOTE);
  ok &= check_link_end (b, node, id, touchpoint, ID_TOUCHPOINT);
  if (!ok)
    return;

  /* Ids are NCNames, which cannot contain a space. */
  pair = g_strconcat (note, " ", touchpoint, NULL);
  if (g_hash_table_contains (pairs, pair))
    {
      problem (b, node, _("Link “%s” repeats the link from “%s” to “%s” (line %u)"),
               id, note, touchpoint, GPOINTER_TO_UINT (g_hash_table_lookup (pairs, pair)));
      return;
    }
  g_hash_table_insert (pairs, g_steal_pointer (&pair),
                       GUINT_TO_POINTER (_tp_loader_get_line (node)));

  link = tp_link_new (id, note, touchpoint, label != NULL ? label : "");
  _tp_loader_take_extras (b->extras, node, &link->item.extras);
  if (_tp_document_append_link (b->document, link))
    link = NULL;
  else
    problem (b, node, _("Link “%s” could not be added"), id);
}

static void
check_persona_refs (Builder *b)
{
  for (guint i = 0; i < b->persona_refs->len; i++)
    {
      PersonaRef *ref = &g_array_index (b->persona_refs, PersonaRef, i);
      IdInfo *info = g_hash_table_lookup (b->ids, ref->persona);

      if (info != NULL && info->kind == ID_PERSONA)
        continue;

      if (ref->owner_kind == ID_NOTE)
        problem (b, ref->node, _("Note “%s” refers to a missing persona “%s”"),
                 ref->owner, ref->persona);
      else
        problem (b, ref->node, _("Touchpoint “%s” refers to a missing persona “%s”"),
                 ref->owner, ref->persona);
    }
}

TpDocument *
_tp_loader_build (xmlNode    *root,
                  GHashTable *extras,
                  GPtrArray  *problems,
                  GHashTable *problem_nodes)
{
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Builder b = { 0, };

  g_return_val_if_fail (root != NULL, NULL);

  b.document = tp_document_new ();
  b.problems = problems;
  b.extras = extras;
  b.problem_nodes = problem_nodes;
  b.ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  b.persona_refs = g_array_new (FALSE, FALSE, sizeof (PersonaRef));
  g_array_set_clear_func (b.persona_refs, persona_ref_clear);
  b.link_nodes = g_ptr_array_new ();

  _tp_loader_take_extras (extras, root,
                          _tp_document_get_section_extras (b.document, TP_SECTION_ROOT));

  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (_tp_loader_is_element (child, TP_XML_META))
        build_meta (&b, child);
      else if (_tp_loader_is_element (child, TP_XML_PERSONAS))
        build_personas (&b, child);
      else if (_tp_loader_is_element (child, TP_XML_CANVAS))
        build_containers (&b, child, TP_SECTION_CANVAS, TP_XML_BLOCK, TRUE);
      else if (_tp_loader_is_element (child, TP_XML_VALUE_CHAIN))
        build_containers (&b, child, TP_SECTION_VALUE_CHAIN, TP_XML_AREA, FALSE);
      else if (_tp_loader_is_element (child, TP_XML_JOURNEY))
        build_journey (&b, child);
      else if (_tp_loader_is_element (child, TP_XML_LINKS))
        g_ptr_array_add (b.link_nodes, child);
    }

  /* Links and persona references may only be resolved once every id is known. */
  check_persona_refs (&b);
  for (guint i = 0; i < b.link_nodes->len; i++)
    {
      xmlNode *links = g_ptr_array_index (b.link_nodes, i);

      _tp_loader_take_extras (extras, links,
                              _tp_document_get_section_extras (b.document, TP_SECTION_LINKS));
      for (xmlNode *child = links->children; child != NULL; child = child->next)
        if (_tp_loader_is_element (child, TP_XML_LINK))
          build_link (&b, child, pairs);
    }

  g_hash_table_unref (b.ids);
  g_array_unref (b.persona_refs);
  g_ptr_array_unref (b.link_nodes);

  return b.document;
}
