/* tp-kpi-value.c: KPI figures from raw data, their targets and how they are shown */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "tp-kpi-value.h"
#include "tp-analysis-private.h"

#define MINUS_SIGN "\u2212"
#define NO_VALUE   "\u2014"

/* Sums the responses of the kind's score range: their number, and the sum of the scores
 * and the number of responses from top up, for the means and top-box shares. */
static guint64
tally_scores (const TpKpi *kpi,
              guint        top,
              double      *sum,
              guint64     *n_top)
{
  guint min = 0, max = 0;
  guint64 n = 0;

  *sum = 0;
  *n_top = 0;
  if (!tp_kpi_kind_get_score_range (kpi->kind, &min, &max))
    return 0;

  for (guint score = min; score <= max && score < TP_KPI_SCORES; score++)
    {
      n += kpi->scores[score];
      *sum += (double) score * kpi->scores[score];
      if (score >= top)
        *n_top += kpi->scores[score];
    }

  return n;
}

static double
share (guint64 part,
       guint64 whole)
{
  return 100.0 * (double) part / (double) whole;
}

void
tp_kpi_compute (const TpKpi *kpi,
                TpKpiValue  *value)
{
  double sum;
  guint64 n_top;

  g_return_if_fail (kpi != NULL);
  g_return_if_fail (value != NULL);

  *value = (TpKpiValue) { .value = NAN, };

  switch (kpi->kind)
    {
    case TP_KPI_NPS:
      value->n = tally_scores (kpi, 9, &sum, &n_top);
      if (value->n > 0)
        {
          guint64 detractors = value->n;

          /* Detractors are 0–6: everything below the passives (7–8) and promoters. */
          for (guint score = 7; score <= 10; score++)
            detractors -= kpi->scores[score];
          value->value = share (n_top, value->n) - share (detractors, value->n);
        }
      break;

    case TP_KPI_CSAT:
      value->n = tally_scores (kpi, 4, &sum, &n_top);
      if (value->n > 0)
        value->value = kpi->method == TP_CSAT_MEAN ? sum / (double) value->n
                                                   : share (n_top, value->n);
      break;

    case TP_KPI_CES:
      value->n = tally_scores (kpi, G_MAXUINT, &sum, &n_top);
      if (value->n > 0)
        value->value = sum / (double) value->n;
      break;

    case TP_KPI_RETENTION:
      value->n = kpi->start;
      if (kpi->start > 0)
        value->value = 100.0 * ((double) kpi->end - (double) kpi->new_customers) /
                       (double) kpi->start;
      break;

    case TP_KPI_CONVERSION:
      value->n = kpi->visitors;
      if (kpi->visitors > 0)
        value->value = share (kpi->conversions, kpi->visitors);
      break;

    case TP_KPI_CUSTOM:
    case TP_N_KPI_KINDS:
    default:
      break;
    }

  /* A figure known without its raw data (FORMAT.md allows it on every kind), and the
   * value of a custom KPI. */
  if (isnan (value->value) && isfinite (kpi->value))
    {
      value->value = kpi->value;
      value->n = 0;
    }

  value->has_target = isfinite (kpi->target);
  if (value->has_target && !isnan (value->value))
    value->met = kpi->direction == TP_DIRECTION_LOWER ? value->value <= kpi->target
                                                      : value->value >= kpi->target;
}

char *
_tp_format_trimmed (double value,
                    guint  max_decimals)
{
  char *text = tp_format_number (value, max_decimals);
  char *dot = strchr (text, '.');

  /* Exponent notation (only for absurdly large values) keeps its digits. */
  if (dot != NULL && strpbrk (text, "eE") == NULL)
    {
      char *end = text + strlen (text);

      while (end > dot + 1 && end[-1] == '0')
        *--end = '\0';
      if (end == dot + 1)
        *dot = '\0';
    }

  return text;
}

/* Replaces the ASCII hyphen-minus of a negative number by a true minus sign, as the rest
 * of the interface writes negative numbers; with plus set, positive numbers get a "+". */
static char *
typeset_sign (char     *digits,
              gboolean  plus)
{
  g_autofree char *owned = digits;

  if (digits[0] == '-')
    return g_strconcat (MINUS_SIGN, digits + 1, NULL);
  if (plus && strcmp (digits, "0") != 0)
    return g_strconcat ("+", digits, NULL);

  return g_steal_pointer (&owned);
}

/* Joins a number and its unit with a narrow no-break space ("60 %", "26 h"), which
 * keeps the unit on the figure's line wherever the figure is wrapped. */
static char *
with_unit (char       *number,
           const char *unit)
{
  g_autofree char *owned = number;

  if (unit == NULL || unit[0] == '\0')
    return g_steal_pointer (&owned);

  return g_strconcat (number, "\u202f", unit, NULL);
}

char *
tp_kpi_format_value (const TpKpi      *kpi,
                     const TpKpiValue *value)
{
  g_return_val_if_fail (kpi != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  if (!isfinite (value->value))
    return g_strdup (NO_VALUE);

  switch (kpi->kind)
    {
    case TP_KPI_NPS:
      /* NPS is conventionally a whole number with its sign. */
      return typeset_sign (_tp_format_trimmed (value->value, 0), TRUE);

    case TP_KPI_CSAT:
      if (kpi->method == TP_CSAT_MEAN)
        return typeset_sign (_tp_format_trimmed (value->value, 2), FALSE);
      return with_unit (typeset_sign (_tp_format_trimmed (value->value, 1), FALSE), "%");

    case TP_KPI_RETENTION:
    case TP_KPI_CONVERSION:
      return with_unit (typeset_sign (_tp_format_trimmed (value->value, 1), FALSE), "%");

    case TP_KPI_CES:
      return typeset_sign (_tp_format_trimmed (value->value, 2), FALSE);

    case TP_KPI_CUSTOM:
    case TP_N_KPI_KINDS:
    default:
      return with_unit (typeset_sign (_tp_format_trimmed (value->value, 2), FALSE), kpi->unit);
    }
}

const char *
tp_kpi_get_formula (const TpKpi *kpi)
{
  g_return_val_if_fail (kpi != NULL, NULL);

  /* The same words as the KPI editor, so they are translated once. */
  switch (kpi->kind)
    {
    case TP_KPI_NPS:
      return _("NPS = % promoters (9–10) − % detractors (0–6)");
    case TP_KPI_CSAT:
      return kpi->method == TP_CSAT_MEAN ? _("CSAT = mean of the scores (1–5)")
                                         : _("CSAT = share of scores 4–5, in %");
    case TP_KPI_CES:
      return _("CES = mean of the scores (1–7)");
    case TP_KPI_RETENTION:
      return _("Retention = (customers at end − new customers) ÷ customers at start, in %");
    case TP_KPI_CONVERSION:
      return _("Conversion = conversions ÷ visitors, in %");
    case TP_KPI_CUSTOM:
    case TP_N_KPI_KINDS:
    default:
      return _("Custom = the value as measured, in its unit");
    }
}

char *
tp_format_number (double value,
                  guint  decimals)
{
  char format[16];
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 64];
  const char *p;

  if (!isfinite (value))
    return g_strdup ("");

  /* Values are bounded (TP_REAL_LIMIT, counts), but a stray huge one must not overflow
   * the buffer: %f of 1e300 is 300 digits long. */
  decimals = MIN (decimals, 17);
  if (fabs (value) >= 1e30)
    {
      g_ascii_dtostr (buffer, sizeof buffer, value);
      return g_strdup (buffer);
    }

  g_snprintf (format, sizeof format, "%%.%uf", decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, value);

  /* A negative number that rounds to zero prints as "-0.00". */
  if (buffer[0] == '-')
    {
      for (p = buffer + 1; *p == '0' || *p == '.'; p++)
        ;
      if (*p == '\0')
        return g_strdup (buffer + 1);
    }

  return g_strdup (buffer);
}
