/* tp-analysis-sections.c: the gap analysis and Kano sections of the analysis page.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each section is a ranked table, then its chart with a legend beside it that reads the
 * chart out: which items fall in which quadrant, and what that suggests doing.
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "analysis/tp-gap.h"
#include "analysis/tp-kano.h"
#include "model/tp-enums.h"
#include "tp-analysis-page-private.h"

#define NO_VALUE        "\u2014"
#define TABLE_GAP       28.0     /* between a table and the chart under it */
#define CHART_MAX       520.0    /* a chart's widest */
#define CHART_RATIO     0.72     /* its height to its width */
#define LEGEND_MIN      240.0    /* narrower than this, the legend goes under the chart */
#define BUBBLE_MAX      22.0     /* the radius of a gap of 4, the largest */
#define RING_RADIUS     5.0      /* a moment whose experience meets its expectation */
#define KANO_RADIUS     6.5

/* Where the chart goes, and its legend beside it (or under it on a narrow page). */
static void
split_chart_row (TpAnalysisLayout *self,
                 double            y,
                 TpRect           *chart,
                 TpRect           *legend)
{
  double width = self->page_width;
  double chart_width = MIN (CHART_MAX, width * 0.5);

  if (width - chart_width - TP_ANALYSIS_GUTTER < LEGEND_MIN)
    chart_width = MIN (CHART_MAX, width);
  *chart = (TpRect) { 0, y, chart_width, round (chart_width * CHART_RATIO) };
  if (width - chart_width - TP_ANALYSIS_GUTTER >= LEGEND_MIN)
    *legend = (TpRect) { chart_width + TP_ANALYSIS_GUTTER, y,
                         width - chart_width - TP_ANALYSIS_GUTTER, 0 };
  else
    *legend = (TpRect) { 0, y + chart->height + TABLE_GAP, width, 0 };
}

/* The lowest score that counts as high, from the analysis itself, so that the chart's
 * split always agrees with the quadrants it names. */
static double
get_split (gboolean impact)
{
  for (guint score = TP_SCORE_MIN; score <= TP_SCORE_MAX; score++)
    {
      TpQuadrant q = impact ? tp_gap_get_quadrant (score, TP_SCORE_MAX)
                            : tp_gap_get_quadrant (TP_SCORE_MAX, score);

      if (q == TP_QUADRANT_QUICK_WIN)
        return score - 0.5;
    }
  return TP_SCORE_MAX + 0.5;
}

static char *
format_score (guint score)
{
  return score >= TP_SCORE_MIN && score <= TP_SCORE_MAX ? g_strdup_printf ("%u", score)
                                                         : g_strdup (NO_VALUE);
}

static void
append_item (GString    *items,
             const char *item)
{
  if (items->len > 0)
    g_string_append (items, ", ");
  g_string_append (items, item != NULL && item[0] != '\0' ? item : _("Untitled"));
}

/* Gap analysis */

/* The gap table's last three cells: an action's what, owner and status. */
static void
fill_action_cells (TpCell             *cells,
                   const TpActionItem *action)
{
  cells[9].text = g_strdup (action->what);
  cells[10].text = g_strdup (action->owner != NULL && action->owner[0] != '\0' ? action->owner : NO_VALUE);
  cells[11].text = g_strdup (tp_enum_get_label (TP_ENUM_ACTION_STATUS, action->status));
}

static void
fill_gap_row (TpAnalysisLayout *self,
              TpCell           *cells,
              const TpGapRow   *row)
{
  const TpTouchpoint *touchpoint = row->touchpoint;
  const TpActionItem *action = touchpoint->actions->len > 0 ? g_ptr_array_index (touchpoint->actions, 0)
                                                             : NULL;

  cells[0].text = g_strdup (touchpoint->name);
  cells[0].strong = TRUE;
  cells[1].text = g_strdup (row->stage->name);
  cells[2].text = format_score (touchpoint->expectation);
  cells[3].text = format_score (touchpoint->experience);

  cells[4].kind = TP_CELL_SEVERITY;
  if (row->scored)
    {
      cells[4].text = _tp_analysis_format (row->gap, 0, FALSE);
      cells[4].value = row->gap;
      cells[4].colour = *tp_theme_get_gap_colour (self->theme, row->gap);
    }
  else
    {
      cells[4].text = g_strdup (NO_VALUE);
    }

  cells[5].text = format_score (touchpoint->impact);
  cells[6].text = format_score (touchpoint->feasibility);

  /* A neutral bar: the severity is the gap's dot, not the priority's. */
  cells[7].kind = TP_CELL_BAR;
  cells[7].colour = self->theme->accents[TP_ACCENT_SLATE];
  if (row->ranked)
    {
      cells[7].text = g_strdup_printf ("%u", row->priority);
      cells[7].value = row->priority / 100.0;
    }
  else
    {
      cells[7].text = g_strdup (NO_VALUE);
    }

  cells[8].text = g_strdup (touchpoint->strategy != TP_STRATEGY_NONE
                            ? tp_enum_get_label (TP_ENUM_STRATEGY, touchpoint->strategy) : NO_VALUE);
  if (action != NULL)
    {
      g_autoptr(GString) more = g_string_new (NULL);

      fill_action_cells (cells, action);
      /* Every further action in full under the first, with its owner and status: a row
       * per moment of truth, and no action's words left out. */
      for (guint k = 1; k < touchpoint->actions->len; k++)
        {
          const TpActionItem *next = g_ptr_array_index (touchpoint->actions, k);
          const char *owner = next->owner != NULL && next->owner[0] != '\0' ? next->owner : NULL;

          if (more->len > 0)
            g_string_append_c (more, '\n');
          /* Translators: a further action of a moment of truth: what, owner, status. */
          if (owner != NULL)
            g_string_append_printf (more, _("+ %s (%s, %s)"), next->what, owner,
                                    tp_enum_get_label (TP_ENUM_ACTION_STATUS, next->status));
          else
            g_string_append_printf (more, _("+ %s (%s)"), next->what,
                                    tp_enum_get_label (TP_ENUM_ACTION_STATUS, next->status));
        }
      if (more->len > 0)
        cells[9].detail = g_string_free (g_steal_pointer (&more), FALSE);
    }
  else
    {
      cells[9].text = g_strdup (NO_VALUE);
      cells[10].text = g_strdup (NO_VALUE);
      cells[11].text = g_strdup (NO_VALUE);
    }
}

static double
place_gap_table (TpAnalysisLayout *self,
                 GArray           *rows,
                 double            y)
{
  const TpColumn columns[] = {
    { _("Touchpoint"), 1.2, 120 },
    { _("Stage"), 0.8, 90 },
    { _("Expectation"), 0, 0, TRUE },
    { _("Experience"), 0, 0, TRUE },
    { _("Gap"), 0, 0, TRUE },
    { _("Impact"), 0, 0, TRUE },
    { _("Feasibility"), 0, 0, TRUE },
    { _("Priority"), 0, 0, TRUE },
    { _("Strategy"), 0, 0 },
    { _("Action"), 2.0, 160, FALSE, 3 },
    { _("Owner"), 0.9, 90 },
    { _("Status"), 0, 0 },
  };
  g_autoptr(TpTable) table = _tp_table_new (columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < rows->len; i++)
    {
      const TpGapRow *row = &g_array_index (rows, TpGapRow, i);

      fill_gap_row (self, _tp_table_add_row (table, tp_item_get_id (&row->touchpoint->item)), row);
    }
  return _tp_table_place (self, table, TP_ANALYSIS_TABLE_GAPS, 0, y, self->page_width);
}

static const struct {
  TpQuadrant  quadrant;
  TpQuarter   quarter;    /* feasibility across, impact up */
  guint32     colour;
  double      alpha;
  const char *advice;
} gap_quadrants[] = {
  { TP_QUADRANT_QUICK_WIN, TP_QUARTER_TOP_RIGHT, 0x2ec27e, 0.11,
    N_("High impact, easy to fix: do these first.") },
  { TP_QUADRANT_MAJOR_PROJECT, TP_QUARTER_TOP_LEFT, 0x1c71d8, 0.08,
    N_("High impact, hard to fix: plan and fund them.") },
  { TP_QUADRANT_FILL_IN, TP_QUARTER_BOTTOM_RIGHT, 0xe5a50a, 0.10,
    N_("Low impact, easy to fix: when there is time.") },
  { TP_QUADRANT_THANKLESS_TASK, TP_QUARTER_BOTTOM_LEFT, 0x9a9996, 0.10,
    N_("Low impact, hard to fix: rarely worth it.") },
};

static TpColour
hex_colour (guint32 hex,
            double  alpha)
{
  return (TpColour) { (hex >> 16 & 0xff) / 255.0, (hex >> 8 & 0xff) / 255.0,
                      (hex & 0xff) / 255.0, alpha };
}

static double
place_priority_matrix (TpAnalysisLayout *self,
                       GArray           *rows,
                       double            y)
{
  static const double ticks[] = { 1, 2, 3, 4, 5 };
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (TpChartPoint));
  g_autoptr(GString) unplotted = g_string_new (NULL);
  TpLegendEntry entries[G_N_ELEMENTS (gap_quadrants)];
  g_autofree char *note = NULL;
  TpChartSpec spec = {
    .min = 0.5, .max = 5.5,
    .split_x = get_split (FALSE), .split_y = get_split (TRUE),
    .ticks = ticks, .n_ticks = G_N_ELEMENTS (ticks),
    .x_title = _("Feasibility (easier →)"),
    .y_title = _("↑ Impact"),
  };
  TpRect chart, legend;
  double height;

  for (guint q = 0; q < G_N_ELEMENTS (gap_quadrants); q++)
    {
      spec.quarters[gap_quadrants[q].quarter] = tp_quadrant_get_label (gap_quadrants[q].quadrant);
      spec.tints[gap_quadrants[q].quarter] = hex_colour (gap_quadrants[q].colour, gap_quadrants[q].alpha);
      entries[q] = (TpLegendEntry) {
        hex_colour (gap_quadrants[q].colour, MIN (1, gap_quadrants[q].alpha * 4)),
        tp_quadrant_get_label (gap_quadrants[q].quadrant),
        _(gap_quadrants[q].advice), g_string_new (NULL), 0,
      };
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const TpGapRow *row = &g_array_index (rows, TpGapRow, i);
      const TpTouchpoint *touchpoint = row->touchpoint;
      TpChartPoint point = { tp_item_get_id (&touchpoint->item), touchpoint->feasibility,
                             touchpoint->impact };

      if (!row->ranked)
        {
          append_item (unplotted, touchpoint->name);
          continue;
        }
      /* Area in proportion to the gap; a ring when there is none to close. */
      point.hollow = row->gap <= 0;
      point.radius = point.hollow ? RING_RADIUS
                                  : BUBBLE_MAX * sqrt ((double) row->gap / (TP_SCORE_MAX - TP_SCORE_MIN));
      point.colour = *tp_theme_get_gap_colour (self->theme, row->gap);
      point.label = touchpoint->name;
      g_array_append_val (points, point);

      for (guint q = 0; q < G_N_ELEMENTS (gap_quadrants); q++)
        if (gap_quadrants[q].quadrant == row->quadrant)
          {
            append_item (entries[q].items, touchpoint->name);
            entries[q].n_items++;
          }
    }

  split_chart_row (self, y, &chart, &legend);
  if (points->len > 0)
    _tp_chart_place (self, TP_ANALYSIS_CHART_PRIORITY, &spec, (TpChartPoint *) points->data,
                     points->len, &chart);
  else
    chart.height = _tp_analysis_add_empty (self, _("No moment of truth has impact and feasibility scored yet"),
                                           chart.x, chart.y, chart.width);

  if (unplotted->len > 0)
    /* Translators: %s lists touchpoints, "Live chat, Delivery". */
    note = g_strdup_printf (_("Bubble area ∝ gap; a ring: no gap. Not plotted without impact or feasibility: %s."),
                            unplotted->str);
  else
    note = g_strdup (_("Bubble area ∝ gap; a ring: no gap."));
  height = _tp_analysis_place_legend (self, _("Reading the matrix"), entries, G_N_ELEMENTS (entries),
                                      note, legend.x, legend.y, legend.width);
  for (guint q = 0; q < G_N_ELEMENTS (entries); q++)
    g_string_free (entries[q].items, TRUE);

  return MAX (chart.y + chart.height, legend.y + height);
}

double
_tp_analysis_place_gaps (TpAnalysisLayout *self,
                         TpDocument       *document,
                         double            y)
{
  g_autoptr(GArray) rows = tp_gap_rank (document);

  y = _tp_analysis_place_heading (self, _("Gap analysis at moments of truth"),
                                  tp_gap_get_formula (), y);
  if (rows->len == 0)
    return y + _tp_analysis_add_empty (self, _("No moments of truth yet — press M on a touchpoint"),
                                       0, y, self->page_width);

  y += place_gap_table (self, rows, y) + TABLE_GAP;
  return place_priority_matrix (self, rows, y);
}

/* Kano */

typedef struct
{
  const TpTouchpoint *touchpoint;
  const TpKanoNeed   *need;
  TpKanoResult        result;
  TpKanoCategory      shown;    /* evaluated from answers, else by hand */
  TpKanoSource        source;
} NeedRow;

static GArray *
collect_needs (TpDocument *document)
{
  GArray *needs = g_array_new (FALSE, TRUE, sizeof (NeedRow));
  GPtrArray *stages = tp_document_get_stages (document);

  for (guint i = 0; i < stages->len; i++)
    {
      const TpStage *stage = g_ptr_array_index (stages, i);

      for (guint j = 0; j < stage->touchpoints->len; j++)
        {
          const TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, j);

          for (guint k = 0; k < touchpoint->needs->len; k++)
            {
              NeedRow row = { touchpoint, g_ptr_array_index (touchpoint->needs, k) };

              tp_kano_evaluate (row.need, &row.result);
              row.shown = tp_kano_get_category_source (row.need, &row.source);
              g_array_append_val (needs, row);
            }
        }
    }
  return needs;
}

static const char *
category_letter (TpKanoCategory category)
{
  switch (category)
    {
    case TP_KANO_ATTRACTIVE:
      return "A";
    case TP_KANO_ONE_DIMENSIONAL:
      return "O";
    case TP_KANO_MUST_BE:
      return "M";
    case TP_KANO_INDIFFERENT:
      return "I";
    case TP_KANO_REVERSE:
      return "R";
    case TP_KANO_QUESTIONABLE:
      return "Q";
    case TP_KANO_NONE:
    case TP_N_KANO_CATEGORIES:
    default:
      return "";
    }
}

/* The count columns in the order of the coefficients' formulas: A, O, M, I, then R, Q. */
static const TpKanoCategory count_order[] = {
  TP_KANO_ATTRACTIVE, TP_KANO_ONE_DIMENSIONAL, TP_KANO_MUST_BE, TP_KANO_INDIFFERENT,
  TP_KANO_REVERSE, TP_KANO_QUESTIONABLE,
};

static void
fill_need_row (TpAnalysisLayout *self,
               TpCell           *cells,
               const NeedRow    *row)
{
  const TpKanoResult *result = &row->result;
  gboolean answered = result->total > 0;
  guint c = 0;

  cells[c].text = g_strdup (row->touchpoint->name);
  cells[c++].strong = TRUE;
  cells[c++].text = g_strdup (row->need->text);
  for (guint i = 0; i < G_N_ELEMENTS (count_order); i++, c++)
    if (answered)
      cells[c].text = _tp_analysis_format (result->counts[count_order[i]], 0, FALSE);

  if (row->shown != TP_KANO_NONE)
    {
      cells[c].kind = TP_CELL_TAG;
      cells[c].text = g_strdup (tp_enum_get_label (TP_ENUM_KANO_CATEGORY, row->shown));
      cells[c].colour = self->theme->kano[row->shown];
      /* Set by hand: outlined, so the table's rows stay one line tall. */
      cells[c].outlined = row->source == TP_KANO_SOURCE_HAND;
      if (row->source == TP_KANO_SOURCE_ANSWERS && result->tie_broken)
        cells[c].detail = g_strdup (_("tie: M > O > A > I"));
    }
  else
    {
      cells[c].text = g_strdup (NO_VALUE);
    }
  c++;

  cells[c++].text = isnan (result->better) ? g_strdup (NO_VALUE) : _tp_analysis_format (result->better, 2, FALSE);
  cells[c++].text = isnan (result->worse) ? g_strdup (NO_VALUE) : _tp_analysis_format (result->worse, 2, FALSE);
  /* Too few answers for Fong's test to say anything: neither yes nor no. */
  cells[c++].text = g_strdup (!answered ? NO_VALUE
                              : result->too_few ? C_("significance", "Too few")
                              : result->significant ? _("Yes") : _("No"));
}

static double
place_kano_table (TpAnalysisLayout *self,
                  GArray           *needs,
                  double            y)
{
  const TpColumn columns[] = {
    { _("Touchpoint"), 1.0, 110 },
    { _("Need"), 1.7, 150 },
    { category_letter (TP_KANO_ATTRACTIVE), 0, 0, TRUE },
    { category_letter (TP_KANO_ONE_DIMENSIONAL), 0, 0, TRUE },
    { category_letter (TP_KANO_MUST_BE), 0, 0, TRUE },
    { category_letter (TP_KANO_INDIFFERENT), 0, 0, TRUE },
    { category_letter (TP_KANO_REVERSE), 0, 0, TRUE },
    { category_letter (TP_KANO_QUESTIONABLE), 0, 0, TRUE },
    { _("Category"), 0, 0 },
    { _("Better"), 0, 0, TRUE },
    { _("Worse"), 0, 0, TRUE },
    { _("Significant"), 0, 0 },
  };
  g_autoptr(TpTable) table = _tp_table_new (columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < needs->len; i++)
    {
      const NeedRow *row = &g_array_index (needs, NeedRow, i);

      fill_need_row (self, _tp_table_add_row (table, tp_item_get_id (&row->touchpoint->item)), row);
    }
  return _tp_table_place (self, table, TP_ANALYSIS_TABLE_KANO, 0, y, self->page_width);
}

static const struct {
  TpKanoCategory  category;
  TpQuarter       quarter;    /* |Worse| across, Better up; none for R and Q */
  const char     *advice;
} kano_categories[] = {
  { TP_KANO_MUST_BE, TP_QUARTER_BOTTOM_RIGHT,
    N_("Expected: missed when absent, unnoticed when there. Get it right first.") },
  { TP_KANO_ONE_DIMENSIONAL, TP_QUARTER_TOP_RIGHT,
    N_("The more, the better: satisfaction follows performance.") },
  { TP_KANO_ATTRACTIVE, TP_QUARTER_TOP_LEFT,
    N_("Delights when there, not missed when absent: a way to stand out.") },
  { TP_KANO_INDIFFERENT, TP_QUARTER_BOTTOM_LEFT,
    N_("Makes little difference either way: invest elsewhere.") },
  { TP_KANO_REVERSE, TP_N_QUARTERS,
    N_("Some customers would rather not have it: make it optional.") },
  { TP_KANO_QUESTIONABLE, TP_N_QUARTERS,
    N_("Contradictory answers: check how the question was put.") },
};

static double
place_kano_chart (TpAnalysisLayout *self,
                  GArray           *needs,
                  double            y)
{
  static const double ticks[] = { 0, 0.25, 0.5, 0.75, 1 };
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (TpChartPoint));
  TpLegendEntry entries[G_N_ELEMENTS (kano_categories)];
  guint n_entries = 0, n_unplotted = 0;
  g_autofree char *note = NULL;
  TpChartSpec spec = {
    .min = -0.05, .max = 1.05,
    .split_x = 0.5, .split_y = 0.5,
    .ticks = ticks, .n_ticks = G_N_ELEMENTS (ticks), .tick_decimals = 2,
    .x_title = _("|Worse|: dissatisfaction when absent →"),
    .y_title = _("↑ Better: satisfaction when present"),
  };
  TpRect chart, legend;
  double height;

  for (guint i = 0; i < G_N_ELEMENTS (kano_categories); i++)
    {
      TpKanoCategory category = kano_categories[i].category;
      TpLegendEntry entry = { self->theme->kano[category],
                              tp_enum_get_label (TP_ENUM_KANO_CATEGORY, category),
                              _(kano_categories[i].advice), g_string_new (NULL), 0 };

      if (kano_categories[i].quarter < TP_N_QUARTERS)
        {
          spec.quarters[kano_categories[i].quarter] = entry.name;
          spec.tints[kano_categories[i].quarter] = entry.swatch;
          spec.tints[kano_categories[i].quarter].alpha = 0.10;
        }
      for (guint j = 0; j < needs->len; j++)
        {
          const NeedRow *row = &g_array_index (needs, NeedRow, j);

          if (row->shown == category)
            {
              append_item (entry.items, row->need->text);
              entry.n_items++;
            }
        }
      /* Reverse and questionable only when some need is one. */
      if (kano_categories[i].quarter < TP_N_QUARTERS || entry.n_items > 0)
        entries[n_entries++] = entry;
      else
        g_string_free (entry.items, TRUE);
    }

  for (guint i = 0; i < needs->len; i++)
    {
      const NeedRow *row = &g_array_index (needs, NeedRow, i);
      TpChartPoint point = { tp_item_get_id (&row->touchpoint->item), fabs (row->result.worse),
                             row->result.better, KANO_RADIUS };

      if (isnan (row->result.better) || isnan (row->result.worse))
        {
          n_unplotted++;
          continue;
        }
      point.colour = self->theme->kano[row->shown != TP_KANO_NONE ? row->shown : row->result.category];
      point.label = row->need->text;
      g_array_append_val (points, point);
    }

  split_chart_row (self, y, &chart, &legend);
  if (points->len > 0)
    _tp_chart_place (self, TP_ANALYSIS_CHART_KANO, &spec, (TpChartPoint *) points->data,
                     points->len, &chart);
  else
    chart.height = _tp_analysis_add_empty (self, _("No Kano answers yet — import a questionnaire"),
                                           chart.x, chart.y, chart.width);

  if (n_unplotted > 0)
    note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "A dot per need with answers, in its category’s colour; %u need without answers is not plotted. An outlined tag in the table: set by hand.",
                                         "A dot per need with answers, in its category’s colour; %u needs without answers are not plotted. An outlined tag in the table: set by hand.",
                                         n_unplotted), n_unplotted);
  else
    note = g_strdup (_("A dot per need with answers, in its category’s colour. An outlined tag in the table: set by hand."));
  height = _tp_analysis_place_legend (self, _("Reading the chart"), entries, n_entries, note,
                                      legend.x, legend.y, legend.width);
  for (guint i = 0; i < n_entries; i++)
    g_string_free (entries[i].items, TRUE);

  return MAX (chart.y + chart.height, legend.y + height);
}

double
_tp_analysis_place_kano (TpAnalysisLayout *self,
                         TpDocument       *document,
                         double            y)
{
  g_autoptr(GArray) needs = collect_needs (document);

  y = _tp_analysis_place_heading (self, _("Kano: what each need does to satisfaction"),
                                  _("Category = the most frequent answer class (Berger et al. 1993); "
                                    "when the top two are within 6 % of the answers, M > O > A > I. "
                                    "Better = (A + O) ÷ (A + O + M + I), Worse = −(O + M) ÷ (A + O + M + I), "
                                    "R and Q left out; a need without answers shows its category set by hand, "
                                    "outlined. Significant: Fong’s test, claimed only when the top two "
                                    "counts reach 10 together (else “Too few”)."),
                                  y);
  if (needs->len == 0)
    return y + _tp_analysis_add_empty (self, _("No Kano answers yet — import a questionnaire"),
                                       0, y, self->page_width);

  y += place_kano_table (self, needs, y) + TABLE_GAP;
  return place_kano_chart (self, needs, y);
}
