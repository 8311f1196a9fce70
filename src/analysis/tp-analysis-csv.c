/* tp-analysis-csv.c: the gap, Kano and KPI tables as RFC 4180 CSV */

#include "config.h"

#include <math.h>
#include <string.h>

#include "model/tp-enums.h"
#include "model/tp-vote-scope.h"
#include "tp-analysis-csv.h"
#include "tp-analysis-private.h"
#include "tp-gap.h"
#include "tp-kano.h"
#include "tp-kpi-value.h"

/* Decimals of the Kano coefficients, and at most those of other real numbers. */
#define COEFFICIENT_DECIMALS 4

static const char * const gap_columns[] = {
  "touchpoint", "stage", "expectation", "experience", "gap", "impact", "feasibility",
  "priority", "strategy", "action", "owner", "status", "votes",
};

static const char * const kano_columns[] = {
  "touchpoint", "need", "A", "O", "M", "I", "R", "Q", "category", "better", "worse",
  "significant",
};

/* The columns A … Q in the order above. */
static const TpKanoCategory kano_count_columns[] = {
  TP_KANO_ATTRACTIVE, TP_KANO_ONE_DIMENSIONAL, TP_KANO_MUST_BE, TP_KANO_INDIFFERENT,
  TP_KANO_REVERSE, TP_KANO_QUESTIONABLE,
};

static const char * const kpi_columns[] = {
  "scope", "name", "kind", "value", "target", "met",
};

static const char * const link_columns[] = {
  "note", "block", "touchpoint", "stage", "label", "note_votes", "touchpoint_votes",
};

static const char * const vote_columns[] = {
  "rank", "item", "kind", "block", "stage", "votes",
};

gboolean
tp_table_from_string (const char *string,
                      TpTable    *table)
{
  static const char * const names[] = {
    [TP_TABLE_GAPS] = "gaps",
    [TP_TABLE_KANO] = "kano",
    [TP_TABLE_KPIS] = "kpis",
    [TP_TABLE_LINKS] = "links",
    [TP_TABLE_VOTES] = "votes",
  };

  g_return_val_if_fail (table != NULL, FALSE);

  if (string == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (string, names[i]) == 0)
      {
        *table = i;
        return TRUE;
      }

  return FALSE;
}

/* A row under construction: owned fields, written out at once. */
typedef GPtrArray Row;

static Row *
row_new (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

/* Text a spreadsheet would evaluate when the file is opened (CSV formula injection): a
 * workshop's notes are typed by anyone in the room, and "=HYPERLINK(…)" or "-2+3" must
 * stay words. OWASP's list of leading characters. */
static gboolean
looks_like_formula (const char *text)
{
  return text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
}

/* A text field: a quote before what would read as a formula. Figures go through
 * row_take() and are never quoted, so a negative gap stays a number. */
static void
row_add (Row        *row,
         const char *text)
{
  if (text == NULL)
    text = "";
  g_ptr_array_add (row, looks_like_formula (text) ? g_strconcat ("'", text, NULL)
                                                  : g_strdup (text));
}

static void
row_take (Row  *row,
          char *text)
{
  g_ptr_array_add (row, text);
}

/* A score 1 … 5, or an empty field while unscored. */
static void
row_add_score (Row   *row,
               guint  score)
{
  row_take (row, score >= TP_SCORE_MIN && score <= TP_SCORE_MAX ? g_strdup_printf ("%u", score)
                                                                 : g_strdup (""));
}

static void
write_field (GString    *out,
             const char *field)
{
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
write_fields (GString            *out,
              const char * const *fields,
              guint               n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      write_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

static void
write_row (GString *out,
           Row     *row)
{
  g_autoptr(GPtrArray) owned = row;

  write_fields (out, (const char * const *) row->pdata, row->len);
}

static void
write_gaps (GString    *out,
            TpDocument *document)
{
  g_autoptr(GArray) rows = tp_gap_rank (document);

  write_fields (out, gap_columns, G_N_ELEMENTS (gap_columns));
  for (guint i = 0; i < rows->len; i++)
    {
      const TpGapRow *gap = &g_array_index (rows, TpGapRow, i);
      const TpTouchpoint *tp = gap->touchpoint;
      const TpActionItem *action = tp->actions->len > 0 ? g_ptr_array_index (tp->actions, 0) : NULL;
      Row *row = row_new ();

      row_add (row, tp->name);
      row_add (row, gap->stage->name);
      row_add_score (row, tp->expectation);
      row_add_score (row, tp->experience);
      row_take (row, gap->scored ? g_strdup_printf ("%d", gap->gap) : g_strdup (""));
      row_add_score (row, tp->impact);
      row_add_score (row, tp->feasibility);
      row_take (row, gap->ranked ? g_strdup_printf ("%u", gap->priority) : g_strdup (""));
      row_add (row, tp_enum_to_nick (TP_ENUM_STRATEGY, tp->strategy));
      row_add (row, action != NULL ? action->what : NULL);
      row_add (row, action != NULL ? action->owner : NULL);
      row_add (row, action != NULL ? tp_enum_to_nick (TP_ENUM_ACTION_STATUS, action->status)
                                   : NULL);
      row_take (row, g_strdup_printf ("%u", tp->votes));
      write_row (out, row);
    }
}

static void
write_kano (GString    *out,
            TpDocument *document)
{
  GPtrArray *stages = tp_document_get_stages (document);

  write_fields (out, kano_columns, G_N_ELEMENTS (kano_columns));
  for (guint s = 0; s < stages->len; s++)
    {
      const TpStage *stage = g_ptr_array_index (stages, s);

      for (guint t = 0; t < stage->touchpoints->len; t++)
        {
          const TpTouchpoint *tp = g_ptr_array_index (stage->touchpoints, t);

          for (guint k = 0; k < tp->needs->len; k++)
            {
              const TpKanoNeed *need = g_ptr_array_index (tp->needs, k);
              TpKanoCategory category = tp_kano_get_category (need);
              TpKanoResult result;
              Row *row = row_new ();

              tp_kano_evaluate (need, &result);
              row_add (row, tp->name);
              row_add (row, need->text);
              for (guint c = 0; c < G_N_ELEMENTS (kano_count_columns); c++)
                row_take (row, tp_format_number (result.counts[kano_count_columns[c]], 0));
              row_add (row, category != TP_KANO_NONE
                              ? tp_enum_to_nick (TP_ENUM_KANO_CATEGORY, category)
                              : NULL);
              row_take (row, tp_format_number (result.better, COEFFICIENT_DECIMALS));
              row_take (row, tp_format_number (result.worse, COEFFICIENT_DECIMALS));
              /* "too-few": answered, but too few answers for Fong's test either way. */
              row_add (row, result.too_few ? "too-few" : result.significant ? "yes" : "no");
              write_row (out, row);
            }
        }
    }
}

static void
write_kpi (GString     *out,
           const char  *scope,
           const TpKpi *kpi)
{
  TpKpiValue value;
  Row *row = row_new ();

  tp_kpi_compute (kpi, &value);
  row_add (row, scope);
  row_add (row, kpi->name);
  row_add (row, tp_enum_to_nick (TP_ENUM_KPI_KIND, kpi->kind));
  row_take (row, _tp_format_trimmed (value.value, COEFFICIENT_DECIMALS));
  row_take (row, _tp_format_trimmed (kpi->target, COEFFICIENT_DECIMALS));
  /* Without a figure or a target there is nothing to judge. */
  row_add (row, !value.has_target || isnan (value.value) ? NULL : value.met ? "yes" : "no");
  write_row (out, row);
}

static void
write_kpis (GString    *out,
            TpDocument *document)
{
  GPtrArray *stages = tp_document_get_stages (document);

  write_fields (out, kpi_columns, G_N_ELEMENTS (kpi_columns));
  for (guint s = 0; s < stages->len; s++)
    {
      const TpStage *stage = g_ptr_array_index (stages, s);

      for (guint k = 0; k < stage->kpis->len; k++)
        write_kpi (out, stage->name, g_ptr_array_index (stage->kpis, k));

      for (guint t = 0; t < stage->touchpoints->len; t++)
        {
          const TpTouchpoint *tp = g_ptr_array_index (stage->touchpoints, t);

          for (guint k = 0; k < tp->kpis->len; k++)
            write_kpi (out, tp->name, g_ptr_array_index (tp->kpis, k));
        }
    }
}

static void
write_links (GString    *out,
             TpDocument *document)
{
  GPtrArray *links = tp_document_get_links (document);

  write_fields (out, link_columns, G_N_ELEMENTS (link_columns));
  for (guint i = 0; i < links->len; i++)
    {
      const TpLink *link = g_ptr_array_index (links, i);
      const TpNote *note = tp_document_lookup_kind (document, link->note, TP_ITEM_NOTE);
      const TpTouchpoint *tp = tp_document_lookup_kind (document, link->touchpoint,
                                                        TP_ITEM_TOUCHPOINT);
      const TpStage *stage;
      Row *row;

      if (note == NULL || tp == NULL)
        continue;
      stage = tp_document_lookup_kind (document, tp->stage, TP_ITEM_STAGE);
      row = row_new ();
      row_add (row, note->text);
      row_add (row, tp_enum_to_nick (TP_ENUM_CONTAINER, note->container));
      row_add (row, tp->name);
      row_add (row, stage != NULL ? stage->name : NULL);
      row_add (row, link->label);
      row_take (row, g_strdup_printf ("%u", note->votes));
      row_take (row, g_strdup_printf ("%u", tp->votes));
      write_row (out, row);
    }
}

/* Every note and touchpoint with votes, most first, ranked as a results table ranks
 * ties (1, 2, 2, 4): the whole ranking the analysis page's "Most voted" shows the top
 * of, for the facilitator's follow-up in a spreadsheet. */
static void
write_votes (GString    *out,
             TpDocument *document)
{
  g_autoptr(GArray) ranking = NULL;
  TpVoteScope scope;
  guint rank = 0, last_votes = 0;

  tp_vote_scope_init (&scope, TP_VOTE_SCOPE_BOARD, 0, NULL);
  ranking = tp_vote_scope_rank (&scope, document, 0);
  tp_vote_scope_clear (&scope);

  write_fields (out, vote_columns, G_N_ELEMENTS (vote_columns));
  for (guint i = 0; i < ranking->len; i++)
    {
      const TpVoteRank *entry = &g_array_index (ranking, TpVoteRank, i);
      TpItem *item = tp_document_lookup (document, entry->id);
      const char *text, *kind, *block = NULL, *stage_name = NULL;
      Row *row;

      if (item != NULL && item->kind == TP_ITEM_NOTE)
        {
          const TpNote *note = (const TpNote *) item;

          text = note->text;
          kind = "note";
          block = tp_enum_to_nick (TP_ENUM_CONTAINER, note->container);
        }
      else if (item != NULL && item->kind == TP_ITEM_TOUCHPOINT)
        {
          const TpTouchpoint *tp = (const TpTouchpoint *) item;
          const TpStage *stage = tp_document_lookup_kind (document, tp->stage, TP_ITEM_STAGE);

          text = tp->name;
          kind = "touchpoint";
          stage_name = stage != NULL ? stage->name : NULL;
        }
      else
        continue;

      if (i == 0 || entry->votes != last_votes)
        rank = i + 1;
      last_votes = entry->votes;
      row = row_new ();
      row_take (row, g_strdup_printf ("%u", rank));
      row_add (row, text);
      row_add (row, kind);
      row_add (row, block);
      row_add (row, stage_name);
      row_take (row, g_strdup_printf ("%u", entry->votes));
      write_row (out, row);
    }
}

GBytes *
tp_analysis_csv_write (TpDocument *document,
                       TpTable     table)
{
  GString *out;

  g_return_val_if_fail (TP_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (table <= TP_TABLE_VOTES, NULL);

  out = g_string_new (NULL);
  switch (table)
    {
    case TP_TABLE_GAPS:
      write_gaps (out, document);
      break;
    case TP_TABLE_KANO:
      write_kano (out, document);
      break;
    case TP_TABLE_LINKS:
      write_links (out, document);
      break;
    case TP_TABLE_VOTES:
      write_votes (out, document);
      break;
    case TP_TABLE_KPIS:
    default:
      write_kpis (out, document);
      break;
    }

  return g_string_free_to_bytes (out);
}
