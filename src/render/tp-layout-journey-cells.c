/* tp-layout-journey-cells.c: what a journey cell holds: chips, KPI tiles, Kano tags and
 * the gap of a moment of truth, measured alike for the layout and the painter */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "analysis/tp-kpi-value.h"
#include "tp-layout-private.h"

static TpRect
rect_make (double x,
           double y,
           double width,
           double height)
{
  return (TpRect) { x, y, width, height };
}

const char *
_tp_journey_get_hint (void)
{
  /* Translators: shown in an empty stage of the customer journey. */
  return _("Double-click to add a touchpoint");
}

double
_tp_journey_chip_height (TpLayout   *layout,
                         const char *text,
                         double      width,
                         gboolean   *truncated)
{
  return _tp_layout_measure_text (layout, TP_FONT_CELL, text, width - 2 * TP_JOURNEY_CHIP_PAD_X,
                                  _tp_journey_lines (layout, TP_JOURNEY_CHIP_LINES), NULL,
                                  truncated)
         + 2 * TP_JOURNEY_CHIP_PAD_Y;
}

/* A column of chips; on the board at most TP_JOURNEY_MAX_ITEMS, then a "+N more" line. */
double
_tp_journey_chips_height (TpLayout  *layout,
                          GPtrArray *texts,
                          double     width,
                          gboolean  *truncated)
{
  guint n = MIN (texts->len, _tp_journey_max_items (layout, TP_JOURNEY_MAX_ITEMS));
  double height = 0;

  for (guint i = 0; i < n; i++)
    {
      gboolean cut = FALSE;

      height += (i > 0 ? TP_JOURNEY_CHIP_GAP : 0)
                + _tp_journey_chip_height (layout, g_ptr_array_index (texts, i), width, &cut);
      *truncated |= cut;
    }

  if (texts->len > n)
    {
      height += TP_JOURNEY_CHIP_GAP + tp_theme_get_line_height (layout->theme, TP_FONT_CAPTION);
      *truncated = TRUE;
    }

  return height;
}

/* The unit a KPI's figure and target are in: the custom unit, or the formula's. */
static const char *
kpi_unit (const TpKpi *kpi)
{
  switch (kpi->kind)
    {
    case TP_KPI_CUSTOM:
      return kpi->unit != NULL ? kpi->unit : "";
    case TP_KPI_CONVERSION:
    case TP_KPI_RETENTION:
      return "%";
    case TP_KPI_CSAT:
      return kpi->method == TP_CSAT_TOP_2_BOX ? "%" : "";
    case TP_KPI_NPS:
    case TP_KPI_CES:
    case TP_N_KPI_KINDS:
    default:
      return "";
    }
}

/* "87.5 %", "26 h", "4.2": as many decimals as the value has, up to two. */
static char *
format_value (double      value,
              const char *unit)
{
  int decimals = 2;

  if (fabs (value - round (value)) < 1e-9)
    decimals = 0;
  else if (fabs (value * 10 - round (value * 10)) < 1e-9)
    decimals = 1;

  if (unit == NULL || *unit == '\0')
    return g_strdup_printf ("%.*f", decimals, value);

  /* A narrow no-break space keeps the unit on the figure's line. */
  return g_strdup_printf ("%.*f\u202f%s", decimals, value, unit);
}

char *
_tp_journey_format_kpi_figure (const TpKpi *kpi)
{
  TpKpiValue value;

  /* The figure its formula gives (analysis/tp-kpi-value.h), as the Analysis page and the
   * exports show it: one formatter for every place a KPI appears. */
  tp_kpi_compute (kpi, &value);
  return tp_kpi_format_value (kpi, &value);
}

char *
_tp_journey_format_kpi_target (const TpKpi *kpi)
{
  g_autofree char *value = NULL;

  if (isnan (kpi->target))
    return NULL;

  value = format_value (kpi->target, kpi_unit (kpi));
  if (kpi->direction == TP_DIRECTION_LOWER)
    /* Translators: a KPI's target when lower is better. */
    return g_strdup_printf (_("target ≤ %s"), value);

  /* Translators: a KPI's target when higher is better. */
  return g_strdup_printf (_("target ≥ %s"), value);
}

void
_tp_journey_measure_kpi (TpLayout    *layout,
                         const TpKpi *kpi,
                         const char  *figure,
                         const char  *target,
                         double       width,
                         TpKpiTile   *tile)
{
  const TpTheme *theme = layout->theme;
  double inner = width - 2 * TP_JOURNEY_KPI_PAD;
  double figure_line = tp_theme_get_line_height (theme, TP_FONT_FIGURE);
  double caption_line = tp_theme_get_line_height (theme, TP_FONT_CAPTION);
  double figure_width, target_width;
  gboolean cut = FALSE;

  memset (tile, 0, sizeof *tile);
  tile->figure_y = TP_JOURNEY_KPI_PAD
                   + _tp_layout_measure_text (layout, TP_FONT_CAPTION, kpi->name, inner,
                                              _tp_journey_lines (layout, TP_JOURNEY_KPI_NAME_LINES),
                                              NULL, &tile->truncated)
                   + 1;
  tile->height = tile->figure_y + _tp_layout_measure_text (layout, TP_FONT_FIGURE, figure, inner,
                                                           _tp_journey_lines (layout, 1),
                                                           &figure_width, &cut);
  tile->truncated |= cut;

  if (target != NULL)
    {
      _tp_layout_measure_text (layout, TP_FONT_CAPTION, target, -1, 0, &target_width, NULL);
      if (figure_width + 8 + target_width <= inner)
        {
          /* Beside the figure, on its baseline (near enough: both fonts share metrics). */
          tile->target_x = TP_JOURNEY_KPI_PAD + figure_width + 8;
          tile->target_y = tile->figure_y + (figure_line - caption_line) * 0.8;
        }
      else
        {
          tile->target_x = TP_JOURNEY_KPI_PAD;
          tile->target_y = tile->height;
          tile->height += _tp_layout_measure_text (layout, TP_FONT_CAPTION, target, inner,
                                                   _tp_journey_lines (layout, 1), NULL, &cut);
          tile->truncated |= cut;
        }
    }

  tile->height += TP_JOURNEY_KPI_PAD;
}

double
_tp_journey_kpi_height (TpLayout    *layout,
                        const TpKpi *kpi,
                        double       width,
                        gboolean    *truncated)
{
  g_autofree char *figure = _tp_journey_format_kpi_figure (kpi);
  g_autofree char *target = _tp_journey_format_kpi_target (kpi);
  TpKpiTile tile;

  _tp_journey_measure_kpi (layout, kpi, figure, target, width, &tile);
  *truncated |= tile.truncated;

  return tile.height;
}

/* KPIs one under the other; on the board at most TP_JOURNEY_MAX_ITEMS, then a "+N more"
 * line. */
double
_tp_journey_kpis_height (TpLayout  *layout,
                         GPtrArray *kpis,
                         double     width,
                         gboolean  *truncated)
{
  guint n = MIN (kpis->len, _tp_journey_max_items (layout, TP_JOURNEY_MAX_ITEMS));
  double height = 0;

  for (guint i = 0; i < n; i++)
    height += (i > 0 ? TP_JOURNEY_KPI_GAP : 0)
              + _tp_journey_kpi_height (layout, g_ptr_array_index (kpis, i), width, truncated);

  if (kpis->len > n)
    {
      height += TP_JOURNEY_KPI_GAP + tp_theme_get_line_height (layout->theme, TP_FONT_CAPTION);
      *truncated = TRUE;
    }

  return height;
}

guint
_tp_journey_count_tags (TpLayout  *layout,
                        GPtrArray *needs,
                        guint     *n_shown)
{
  guint n = MIN (needs->len, _tp_journey_max_items (layout, TP_JOURNEY_MAX_TAGS));

  if (n_shown != NULL)
    *n_shown = n;

  return needs->len > n ? n + 1 : n;
}

double
_tp_journey_flow_tags (TpLayout  *layout,
                       GPtrArray *needs,
                       double     width,
                       TpRect    *rects,
                       gboolean  *truncated)
{
  double line = tp_theme_get_line_height (layout->theme, TP_FONT_TAG);
  double chrome = 2 * TP_JOURNEY_TAG_PAD + TP_JOURNEY_TAG_DOT + 4;
  guint lines = _tp_journey_lines (layout, 1);
  double x = 0, y = 0, row = 0;
  guint n, n_tags;

  if (needs->len == 0)
    return 0;

  n_tags = _tp_journey_count_tags (layout, needs, &n);
  for (guint i = 0; i < n_tags; i++)
    {
      g_autofree char *more = NULL;
      const char *text;
      double text_width, text_height, tag_width, tag_height;
      gboolean cut = FALSE;

      if (i == n)
        {
          /* The rest, counted on a last tag. */
          more = g_strdup_printf ("+%u", needs->len - n);
          text = more;
          *truncated = TRUE;
        }
      else
        text = ((TpKanoNeed *) g_ptr_array_index (needs, i))->text;

      text_height = _tp_layout_measure_text (layout, TP_FONT_TAG, text, MAX (1, width - chrome),
                                             lines, &text_width, &cut);
      *truncated |= cut;
      tag_width = MIN (width, chrome + ceil (text_width));
      /* One line keeps the tag's own height; a wrapped name grows it by its lines. */
      tag_height = TP_JOURNEY_TAG_HEIGHT + MAX (0, text_height - line);
      if (x > 0 && x + tag_width > width)
        {
          x = 0;
          y += row + TP_JOURNEY_TAG_GAP;
          row = 0;
        }
      if (rects != NULL)
        rects[i] = rect_make (x, y, tag_width, tag_height);
      x += tag_width + TP_JOURNEY_TAG_GAP;
      row = MAX (row, tag_height);
    }

  return y + row;
}

gboolean
_tp_journey_get_gap (const TpTouchpoint *touchpoint,
                     int                *gap)
{
  if (!touchpoint->moment_of_truth || touchpoint->expectation == 0 || touchpoint->experience == 0)
    return FALSE;

  *gap = (int) touchpoint->expectation - (int) touchpoint->experience;

  return TRUE;
}
