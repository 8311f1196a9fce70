/* tp-analysis-journey.c: the KPI and the jobs-to-be-done sections of the analysis page.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "analysis/tp-journey-summary.h"
#include "analysis/tp-kpi-value.h"
#include "tp-analysis-page-private.h"

#define NO_VALUE        "\u2014"
#define SUBSECTION_GAP  28.0

/* Short names for a table column; the inspector has the long ones. */
static const char *
kind_get_short_label (TpKpiKind kind)
{
  switch (kind)
    {
    case TP_KPI_NPS:
      return C_("KPI kind", "NPS");
    case TP_KPI_CSAT:
      return C_("KPI kind", "CSAT");
    case TP_KPI_CES:
      return C_("KPI kind", "CES");
    case TP_KPI_RETENTION:
      return C_("KPI kind", "Retention");
    case TP_KPI_CONVERSION:
      return C_("KPI kind", "Conversion");
    case TP_KPI_CUSTOM:
    case TP_N_KPI_KINDS:
    default:
      return C_("KPI kind", "Custom");
    }
}

/* "≥ 80 %", "≤ 24 h": the target in the figure's own unit, with its direction. */
static char *
format_target (const TpKpi *kpi)
{
  TpKpiValue target = { .value = kpi->target };
  g_autofree char *figure = NULL;

  if (!isfinite (kpi->target))
    return g_strdup (NO_VALUE);
  figure = tp_kpi_format_value (kpi, &target);
  return g_strconcat (kpi->direction == TP_DIRECTION_LOWER ? "≤ " : "≥ ", figure, NULL);
}

static void
fill_kpi_row (TpCell      *cells,
              const TpKpi *kpi,
              const char  *scope,
              const char  *scope_detail)
{
  TpKpiValue value;
  g_autofree char *figure = NULL;

  tp_kpi_compute (kpi, &value);
  figure = tp_kpi_format_value (kpi, &value);

  cells[0].text = g_strdup (scope);
  cells[0].detail = g_strdup (scope_detail);
  cells[1].text = g_strdup (kpi->name);
  cells[1].strong = TRUE;
  cells[2].text = g_strdup (kind_get_short_label (kpi->kind));
  cells[3].text = g_steal_pointer (&figure);
  cells[3].strong = TRUE;
  cells[4].text = format_target (kpi);
  cells[5].kind = TP_CELL_MARK;
  if (value.has_target && !isnan (value.value))
    cells[5].value = value.met ? 1 : -1;
  /* The formula beside the figure, with what it rests on. */
  if (value.n > 0)
    cells[6].text = g_strdup_printf ("%s · n = %" G_GUINT64_FORMAT, tp_kpi_get_formula (kpi), value.n);
  else
    cells[6].text = g_strdup (tp_kpi_get_formula (kpi));
  cells[6].muted = TRUE;
}

double
_tp_analysis_place_kpis (TpAnalysisLayout *self,
                         TpDocument       *document,
                         double            y)
{
  const TpColumn columns[] = {
    { _("Scope"), 1.0, 120 },
    { _("KPI"), 1.3, 140 },
    { _("Kind"), 0, 0 },
    { _("Value"), 0, 0, TRUE },
    { _("Target"), 0, 0, TRUE },
    { _("Met"), 0, 0, TRUE },
    { _("Formula"), 2.2, 220 },
  };
  g_autoptr(TpTable) table = _tp_table_new (columns, G_N_ELEMENTS (columns));
  GPtrArray *stages = tp_document_get_stages (document);

  y = _tp_analysis_place_heading (self, _("Key performance indicators"),
                                  _("Each figure is computed from its raw data by the formula beside it; "
                                    "met: it reaches the target in the KPI’s direction."),
                                  y);

  for (guint i = 0; i < stages->len; i++)
    {
      const TpStage *stage = g_ptr_array_index (stages, i);
      /* Translators: under a touchpoint's name in the KPI table, "Touchpoint · Purchase". */
      g_autofree char *in_stage = g_strdup_printf (_("Touchpoint · %s"), stage->name);

      for (guint k = 0; k < stage->kpis->len; k++)
        fill_kpi_row (_tp_table_add_row (table, tp_item_get_id (&stage->item)),
                      g_ptr_array_index (stage->kpis, k), stage->name, _("Stage"));
      for (guint j = 0; j < stage->touchpoints->len; j++)
        {
          const TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, j);

          for (guint k = 0; k < touchpoint->kpis->len; k++)
            fill_kpi_row (_tp_table_add_row (table, tp_item_get_id (&touchpoint->item)),
                          g_ptr_array_index (touchpoint->kpis, k), touchpoint->name, in_stage);
        }
    }

  if (_tp_table_get_n_rows (table) == 0)
    return y + _tp_analysis_add_empty (self, _("No KPIs yet — add one to a stage or a touchpoint in the inspector"),
                                       0, y, self->page_width);
  return y + _tp_table_place (self, table, TP_ANALYSIS_TABLE_KPIS, 0, y, self->page_width);
}

/* Jobs to be done and emotions */

static void
append_kpis (GString   *text,
             GPtrArray *kpis)
{
  for (guint i = 0; i < kpis->len; i++)
    {
      const TpKpi *kpi = g_ptr_array_index (kpis, i);
      g_autofree char *figure = NULL;
      TpKpiValue value;

      tp_kpi_compute (kpi, &value);
      figure = tp_kpi_format_value (kpi, &value);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s: %s", kpi->name, figure);
    }
}

static void
fill_emotion (TpAnalysisLayout *self,
              TpCell           *cell,
              double            emotion)
{
  cell->kind = TP_CELL_EMOTION;
  if (isnan (emotion))
    {
      cell->text = g_strdup (NO_VALUE);
      return;
    }
  cell->text = _tp_analysis_format (emotion, 1, TRUE);
  cell->value = emotion;
  tp_theme_get_emotion_colour (self->theme, emotion, &cell->colour);
}

static double
place_stages (TpAnalysisLayout *self,
              TpDocument       *document,
              double            y)
{
  const TpColumn columns[] = {
    { _("Stage"), 0.7, 100 },
    { _("Job to be done"), 2.2, 220, FALSE, 4 },
    { _("Mean emotion"), 0, 0, TRUE },
    { _("Moments of truth"), 1.0, 130, FALSE, 4 },
    { _("KPIs"), 1.4, 160, FALSE, 5 },
  };
  g_autoptr(TpTable) table = _tp_table_new (columns, G_N_ELEMENTS (columns));
  g_autoptr(GArray) summaries = tp_journey_summarize (document);

  for (guint i = 0; i < summaries->len; i++)
    {
      const TpStageSummary *summary = &g_array_index (summaries, TpStageSummary, i);
      const TpStage *stage = summary->stage;
      TpCell *cells = _tp_table_add_row (table, tp_item_get_id (&stage->item));
      g_autoptr(GString) moments = g_string_new (NULL);
      g_autoptr(GString) kpis = g_string_new (NULL);

      for (guint j = 0; j < stage->touchpoints->len; j++)
        {
          const TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, j);

          if (touchpoint->moment_of_truth)
            g_string_append_printf (moments, "%s%s", moments->len > 0 ? ", " : "", touchpoint->name);
        }
      append_kpis (kpis, stage->kpis);
      for (guint j = 0; j < stage->touchpoints->len; j++)
        append_kpis (kpis, ((TpTouchpoint *) g_ptr_array_index (stage->touchpoints, j))->kpis);

      cells[0].text = g_strdup (stage->name);
      cells[0].strong = TRUE;
      cells[1].text = g_strdup (stage->job != NULL && stage->job[0] != '\0' ? stage->job : NO_VALUE);
      cells[1].italic = TRUE;
      fill_emotion (self, &cells[2], summary->mean_emotion);
      if (summary->n_touchpoints > 0)
        cells[2].detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u touchpoint",
                                                        "%u touchpoints", summary->n_touchpoints),
                                           summary->n_touchpoints);
      cells[3].text = g_strdup (moments->len > 0 ? moments->str : NO_VALUE);
      cells[4].text = g_strdup (kpis->len > 0 ? kpis->str : NO_VALUE);
    }
  return _tp_table_place (self, table, TP_ANALYSIS_TABLE_STAGES, 0, y, self->page_width);
}

static double
place_pain_peaks (TpAnalysisLayout *self,
                  TpDocument       *document,
                  double            y)
{
  const TpColumn columns[] = {
    { _("Touchpoint"), 1.0, 130 },
    { _("Stage"), 0.7, 100 },
    { _("Emotion"), 0, 0, TRUE },
    { _("Pain points"), 2.6, 240, FALSE, 3 },
  };
  g_autoptr(TpTable) table = _tp_table_new (columns, G_N_ELEMENTS (columns));
  g_autoptr(GPtrArray) peaks = tp_journey_pain_peaks (document);
  const TpTheme *theme = self->theme;
  double top = y;

  y += _tp_analysis_add_string (self, TP_STYLE_SUBHEADING, _("Pain peaks"), 0, y,
                                self->page_width, 1, &theme->title);
  y += _tp_analysis_add_string (self, TP_STYLE_DETAIL, _("The lowest points of the emotion curve, lowest first."),
                                0, y, self->page_width, 0, &theme->caption);
  y += 8;
  if (peaks->len == 0)
    return y - top + _tp_analysis_add_empty (self, _("No pain peaks — no touchpoint’s emotion is negative"),
                                             0, y, self->page_width);

  for (guint i = 0; i < peaks->len; i++)
    {
      const TpTouchpoint *touchpoint = g_ptr_array_index (peaks, i);
      const TpStage *stage = tp_document_lookup_kind (document, touchpoint->stage, TP_ITEM_STAGE);
      TpCell *cells = _tp_table_add_row (table, tp_item_get_id (&touchpoint->item));
      g_autoptr(GString) pains = g_string_new (NULL);

      for (guint j = 0; j < touchpoint->pains->len; j++)
        g_string_append_printf (pains, "%s%s", j > 0 ? "; " : "",
                                (const char *) g_ptr_array_index (touchpoint->pains, j));

      cells[0].text = g_strdup (touchpoint->name);
      cells[0].strong = TRUE;
      cells[1].text = g_strdup (stage != NULL ? stage->name : NO_VALUE);
      fill_emotion (self, &cells[2], touchpoint->emotion);
      cells[3].text = g_strdup (pains->len > 0 ? pains->str : NO_VALUE);
    }
  y += _tp_table_place (self, table, TP_ANALYSIS_TABLE_PAIN_PEAKS, 0, y, self->page_width);
  return y - top;
}

double
_tp_analysis_place_journey (TpAnalysisLayout *self,
                            TpDocument       *document,
                            double            y)
{
  y = _tp_analysis_place_heading (self, _("Jobs to be done and emotions"),
                                  _("Mean emotion = the average of a stage’s touchpoints’ emotions, from −2 to +2. "
                                    "Pain peaks: touchpoints whose emotion is negative and no higher than "
                                    "either neighbour’s."),
                                  y);
  if (tp_document_get_stages (document)->len == 0)
    return y + _tp_analysis_add_empty (self, _("No stages yet — add the journey’s stages on the board"),
                                       0, y, self->page_width);

  y += place_stages (self, document, y) + SUBSECTION_GAP;
  return y + place_pain_peaks (self, document, y);
}
