/* tp-kpi.h: a key performance indicator of a stage or a touchpoint, with its raw data.
 *
 * The raw data a kind uses is documented in docs/FORMAT.md ("KPIs"); the formulas live in
 * analysis/. A KPI keeps raw data rather than a computed figure so the figure can always
 * be recomputed and explained.
 */
#pragma once

#include "tp-extras.h"

G_BEGIN_DECLS

struct _TpKpi
{
  char         *id;
  TpKpiKind     kind;
  char         *name;
  double        target;        /* NAN when there is no target */
  TpDirection   direction;
  TpCsatMethod  method;        /* csat only */
  guint         scores[TP_KPI_SCORES]; /* responses per score value (nps 0–10, csat 1–5, ces 1–7) */
  guint         start;         /* retention */
  guint         end;
  guint         new_customers;
  guint         conversions;   /* conversion */
  guint         visitors;
  double        value;         /* custom, or a known figure without raw data; NAN if none */
  char         *unit;          /* custom: "h", "€", … or "" */
  TpExtras      extras;
};

TpKpi    *tp_kpi_new   (const char *id,
                        TpKpiKind   kind,
                        const char *name);
TpKpi    *tp_kpi_copy  (const TpKpi *kpi);
void      tp_kpi_free  (TpKpi       *kpi);
gboolean  tp_kpi_equal (const TpKpi *a,
                        const TpKpi *b);
/* The score values the kind collects: nps 0–10, csat 1–5, ces 1–7; FALSE for others. */
gboolean  tp_kpi_kind_get_score_range (TpKpiKind  kind,
                                       guint     *min,
                                       guint     *max);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpKpi, tp_kpi_free)

G_END_DECLS
