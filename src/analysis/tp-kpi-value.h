/* tp-kpi-value.h: a KPI's figure from its raw data, and whether it meets its target.
 *
 * - NPS: % promoters (9–10) − % detractors (0–6) of the 0–10 answers: −100 … 100.
 * - CSAT: top-2-box, the % of 4s and 5s of the 1–5 answers; or their mean (the KPI says
 *   which, and the figure is labelled so).
 * - CES: the mean of the 1–7 answers.
 * - Retention: (customers at the end − new customers) / customers at the start, in %.
 * - Conversion: conversions / visitors, in %.
 * - Custom: the value as entered.
 * A KPI without the data its formula needs (no answers, no start, no visitors) has no
 * figure: NAN, never a division by zero — unless it gives the figure itself (`value`,
 * FORMAT.md "KPIs"), which is then used with n = 0.
 *
 * `met` compares the exact figure, not the rounded one shown, with the target: value ≥
 * target when higher is better, value ≤ target when lower is better.
 *
 * Shown figures: NPS as a whole number with its sign ("+10", "0", "−5"); CSAT top-2-box,
 * retention and conversion in % with at most one decimal ("60 %", "3.2 %", "87.5 %");
 * means (CSAT mean, CES) and custom values with at most two decimals ("3.5", "4.21"),
 * custom values followed by their unit ("26 h"). Negative figures are written with the
 * minus sign U+2212, as the rest of the interface writes them; the CSV tables use
 * tp_format_number() and an ASCII "-".
 */
#pragma once

#include "model/tp-kpi.h"

G_BEGIN_DECLS

typedef struct
{
  double    value;     /* NAN without data */
  guint64   n;         /* the answers (or customers, visitors) it rests on */
  gboolean  has_target;
  gboolean  met;       /* the value reaches the target in the KPI's direction */
} TpKpiValue;

void   tp_kpi_compute          (const TpKpi *kpi,
                                TpKpiValue  *value);
/* The figure as shown: "+10", "60 %", "3.5", "87.5 %", "—" (U+2014) without data; never
 * "-0". (transfer full) */
char  *tp_kpi_format_value     (const TpKpi      *kpi,
                                const TpKpiValue *value);
/* "NPS = % promoters − % detractors", translated: the formula next to the figure. */
const char *tp_kpi_get_formula (const TpKpi *kpi);

/* A number with decimals digits after a dot (C locale), never "-0.00"; "" for NAN and
 * infinities, the empty field of the CSV tables. (transfer full) */
char  *tp_format_number        (double value,
                                guint  decimals);

G_END_DECLS
