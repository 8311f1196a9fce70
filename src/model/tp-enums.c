/* tp-enums.c: nicks and labels of the model's enumerations */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tp-enums.h"

typedef struct
{
  const char *nick;
  const char *label;  /* N_() marked; translated on the way out */
} EnumValue;

static const EnumValue containers[] = {
  { "customer-segments", N_("Customer Segments") },
  { "value-propositions", N_("Value Propositions") },
  { "channels", N_("Channels") },
  { "customer-relationships", N_("Customer Relationships") },
  { "revenue-streams", N_("Revenue Streams") },
  { "key-resources", N_("Key Resources") },
  { "key-activities", N_("Key Activities") },
  { "key-partners", N_("Key Partners") },
  { "cost-structure", N_("Cost Structure") },
  { "inbound-logistics", N_("Inbound Logistics") },
  { "operations", N_("Operations") },
  { "outbound-logistics", N_("Outbound Logistics") },
  { "marketing-and-sales", N_("Marketing & Sales") },
  { "service", N_("Service") },
  { "firm-infrastructure", N_("Firm Infrastructure") },
  { "human-resources", N_("Human Resources") },
  { "technology-development", N_("Technology Development") },
  { "procurement", N_("Procurement") },
};

/* The colours carry the meaning they usually have in workshops (VISUAL.md). */
static const EnumValue note_colours[] = {
  { "yellow", N_("Idea") },
  { "green", N_("Opportunity") },
  { "blue", N_("Fact") },
  { "purple", N_("Assumption") },
  { "orange", N_("Question") },
  { "red", N_("Risk / pain") },
  { "pink", N_("Customer voice") },
  { "grey", N_("Parked") },
};

static const EnumValue evidence[] = {
  { "assumption", N_("Assumption") },
  { "partly-validated", N_("Partly validated") },
  { "validated", N_("Validated") },
};

static const EnumValue accents[] = {
  { "blue", N_("Blue") },
  { "green", N_("Green") },
  { "yellow", N_("Yellow") },
  { "orange", N_("Orange") },
  { "red", N_("Red") },
  { "purple", N_("Purple") },
  { "brown", N_("Brown") },
  { "slate", N_("Slate") },
};

static const EnumValue stage_colours[] = {
  { "blue", N_("Blue") },
  { "green", N_("Green") },
  { "yellow", N_("Yellow") },
  { "orange", N_("Orange") },
  { "purple", N_("Purple") },
  { "teal", N_("Teal") },
};

static const EnumValue strategies[] = {
  { "none", N_("Undecided") },
  { "proactive", N_("Proactive") },
  { "reactive", N_("Reactive") },
};

static const EnumValue action_statuses[] = {
  { "todo", N_("To do") },
  { "in-progress", N_("In progress") },
  { "done", N_("Done") },
};

static const EnumValue kano_categories[] = {
  { "none", N_("Not classified") },
  { "must-be", N_("Must-be") },
  { "one-dimensional", N_("One-dimensional") },
  { "attractive", N_("Attractive") },
  { "indifferent", N_("Indifferent") },
  { "reverse", N_("Reverse") },
  { "questionable", N_("Questionable") },
};

static const EnumValue kano_answers[] = {
  { "like", N_("I like it") },
  { "must-be", N_("I expect it") },
  { "neutral", N_("I am neutral") },
  { "live-with", N_("I can live with it") },
  { "dislike", N_("I dislike it") },
};

static const EnumValue kpi_kinds[] = {
  { "nps", N_("Net Promoter Score") },
  { "csat", N_("Customer Satisfaction") },
  { "ces", N_("Customer Effort Score") },
  { "retention", N_("Retention") },
  { "conversion", N_("Conversion") },
  { "custom", N_("Custom") },
};

static const EnumValue csat_methods[] = {
  { "top-2-box", N_("Top-2-box share") },
  { "mean", N_("Mean") },
};

static const EnumValue directions[] = {
  { "higher", N_("Higher is better") },
  { "lower", N_("Lower is better") },
};

typedef struct
{
  const EnumValue *values;
  guint            n_values;
} EnumTable;

#define TABLE(t) { t, G_N_ELEMENTS (t) }

static const EnumTable tables[TP_N_ENUMS] = {
  [TP_ENUM_CONTAINER] = TABLE (containers),
  [TP_ENUM_NOTE_COLOUR] = TABLE (note_colours),
  [TP_ENUM_EVIDENCE] = TABLE (evidence),
  [TP_ENUM_ACCENT] = TABLE (accents),
  [TP_ENUM_STRATEGY] = TABLE (strategies),
  [TP_ENUM_ACTION_STATUS] = TABLE (action_statuses),
  [TP_ENUM_KANO_CATEGORY] = TABLE (kano_categories),
  [TP_ENUM_KANO_ANSWER] = TABLE (kano_answers),
  [TP_ENUM_KPI_KIND] = TABLE (kpi_kinds),
  [TP_ENUM_CSAT_METHOD] = TABLE (csat_methods),
  [TP_ENUM_DIRECTION] = TABLE (directions),
  [TP_ENUM_STAGE_COLOUR] = TABLE (stage_colours),
};

G_STATIC_ASSERT (G_N_ELEMENTS (containers) == TP_N_CONTAINERS);
G_STATIC_ASSERT (G_N_ELEMENTS (note_colours) == TP_N_NOTE_COLOURS);
G_STATIC_ASSERT (G_N_ELEMENTS (evidence) == TP_N_EVIDENCE);
G_STATIC_ASSERT (G_N_ELEMENTS (accents) == TP_N_ACCENTS);
G_STATIC_ASSERT (G_N_ELEMENTS (strategies) == TP_N_STRATEGIES);
G_STATIC_ASSERT (G_N_ELEMENTS (stage_colours) == TP_N_STAGE_COLOURS);
G_STATIC_ASSERT (G_N_ELEMENTS (action_statuses) == TP_N_ACTION_STATUSES);
G_STATIC_ASSERT (G_N_ELEMENTS (kano_categories) == TP_N_KANO_CATEGORIES);
G_STATIC_ASSERT (G_N_ELEMENTS (kano_answers) == TP_N_KANO_ANSWERS);
G_STATIC_ASSERT (G_N_ELEMENTS (kpi_kinds) == TP_N_KPI_KINDS);
G_STATIC_ASSERT (G_N_ELEMENTS (csat_methods) == TP_N_CSAT_METHODS);
G_STATIC_ASSERT (G_N_ELEMENTS (directions) == TP_N_DIRECTIONS);

guint
tp_enum_get_n_values (TpEnumType type)
{
  g_return_val_if_fail (type < TP_N_ENUMS, 0);

  return tables[type].n_values;
}

const char *
tp_enum_to_nick (TpEnumType type,
                 guint      value)
{
  g_return_val_if_fail (type < TP_N_ENUMS, NULL);
  g_return_val_if_fail (value < tables[type].n_values, NULL);

  return tables[type].values[value].nick;
}

gboolean
tp_enum_from_nick (TpEnumType  type,
                   const char *nick,
                   guint      *value)
{
  g_return_val_if_fail (type < TP_N_ENUMS, FALSE);

  if (nick == NULL)
    return FALSE;

  for (guint i = 0; i < tables[type].n_values; i++)
    {
      if (strcmp (tables[type].values[i].nick, nick) == 0)
        {
          if (value != NULL)
            *value = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
tp_enum_get_label (TpEnumType type,
                   guint      value)
{
  g_return_val_if_fail (type < TP_N_ENUMS, NULL);
  g_return_val_if_fail (value < tables[type].n_values, NULL);

  return _(tables[type].values[value].label);
}

const char *
tp_container_get_hint (TpContainer container)
{
  /* Osterwalder's guiding question for each block; Porter's area descriptions. */
  static const char * const hints[] = {
    N_("For whom are we creating value?"),
    N_("What value do we deliver to the customer?"),
    N_("Through which channels do our customers want to be reached?"),
    N_("What relationship does each customer segment expect?"),
    N_("For what value are our customers really willing to pay?"),
    N_("What key resources do our value propositions require?"),
    N_("What key activities do our value propositions require?"),
    N_("Who are our key partners and suppliers?"),
    N_("What are the most important costs in our business model?"),
    N_("How do goods and inputs come in?"),
    N_("How are inputs turned into the product?"),
    N_("How does the product reach the customer?"),
    N_("How do customers learn about us and buy?"),
    N_("How do we support customers after the sale?"),
    N_("Management, planning, finance, quality, legal"),
    N_("Recruiting, training and rewarding people"),
    N_("Know-how, systems and process improvement"),
    N_("Buying the inputs every activity needs"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (hints) == TP_N_CONTAINERS);
  g_return_val_if_fail (container < TP_N_CONTAINERS, NULL);

  return _(hints[container]);
}

guint
tp_container_get_number (TpContainer container)
{
  return TP_CONTAINER_IS_CANVAS (container) ? (guint) container + 1 : 0;
}
