/* tp-kpi.c: a KPI and its raw data */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tp-item.h"
#include "tp-kpi.h"

TpKpi *
tp_kpi_new (const char *id,
            TpKpiKind   kind,
            const char *name)
{
  TpKpi *kpi = g_new0 (TpKpi, 1);

  kpi->id = g_strdup (id);
  kpi->kind = kind;
  kpi->name = g_strdup (name ? name : "");
  kpi->target = NAN;
  kpi->value = NAN;
  kpi->unit = g_strdup ("");

  return kpi;
}

TpKpi *
tp_kpi_copy (const TpKpi *kpi)
{
  TpKpi *copy = g_memdup2 (kpi, sizeof *kpi);

  copy->id = g_strdup (kpi->id);
  copy->name = g_strdup (kpi->name);
  copy->unit = g_strdup (kpi->unit);
  memset (&copy->extras, 0, sizeof copy->extras);
  tp_extras_copy (&copy->extras, &kpi->extras);

  return copy;
}

void
tp_kpi_free (TpKpi *kpi)
{
  if (kpi == NULL)
    return;

  g_free (kpi->id);
  g_free (kpi->name);
  g_free (kpi->unit);
  tp_extras_clear (&kpi->extras);
  g_free (kpi);
}

gboolean
tp_kpi_equal (const TpKpi *a,
              const TpKpi *b)
{
  return g_strcmp0 (a->id, b->id) == 0 &&
         a->kind == b->kind &&
         g_strcmp0 (a->name, b->name) == 0 &&
         _tp_double_equal (a->target, b->target) &&
         a->direction == b->direction &&
         a->method == b->method &&
         memcmp (a->scores, b->scores, sizeof a->scores) == 0 &&
         a->start == b->start &&
         a->end == b->end &&
         a->new_customers == b->new_customers &&
         a->conversions == b->conversions &&
         a->visitors == b->visitors &&
         _tp_double_equal (a->value, b->value) &&
         g_strcmp0 (a->unit, b->unit) == 0 &&
         tp_extras_equal (&a->extras, &b->extras);
}

gboolean
tp_kpi_kind_get_score_range (TpKpiKind  kind,
                             guint     *min,
                             guint     *max)
{
  guint lo, hi;

  switch (kind)
    {
    case TP_KPI_NPS:
      lo = 0, hi = 10;
      break;
    case TP_KPI_CSAT:
      lo = 1, hi = 5;
      break;
    case TP_KPI_CES:
      lo = 1, hi = 7;
      break;
    case TP_KPI_RETENTION:
    case TP_KPI_CONVERSION:
    case TP_KPI_CUSTOM:
    case TP_N_KPI_KINDS:
    default:
      return FALSE;
    }

  if (min != NULL)
    *min = lo;
  if (max != NULL)
    *max = hi;

  return TRUE;
}
