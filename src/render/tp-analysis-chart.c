/* tp-analysis-chart.c: the analysis page's quadrant charts.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both charts of the page are the same kind of picture: two axes over one range, split
 * into four named quadrants with light tints, and labelled points. A label goes beside
 * its point where it collides with nothing (another label, another point, a quadrant's
 * name), else it is nudged up or down until it is free, with a leader line back to its
 * point when it had to move away.
 */

#include "config.h"

#include <math.h>

#include "tp-analysis-page-private.h"
#include "tp-paint-batch.h"

#define TITLE_GAP      8.0
#define TICK_GAP       6.0
#define LABEL_GAP      4.0     /* between a point and its label */
#define LABEL_MAX      190.0   /* a label's widest, before it wraps (never cut) */
#define QUARTER_INSET  8.0
#define NUDGE_STEPS    12

typedef struct
{
  TpRect  plot;
  double  min;
  double  max;
} Frame;

static double
map_x (const Frame *frame,
       double       x)
{
  return frame->plot.x + (x - frame->min) / (frame->max - frame->min) * frame->plot.width;
}

static double
map_y (const Frame *frame,
       double       y)
{
  return frame->plot.y + frame->plot.height -
         (y - frame->min) / (frame->max - frame->min) * frame->plot.height;
}

static TpRect
inflate (const TpRect *rect,
         double        d)
{
  return (TpRect) { rect->x - d, rect->y - d, rect->width + 2 * d, rect->height + 2 * d };
}

/* The rectangles a label must keep clear of (points, quadrant names, labels placed
 * before), filed by the cells of a grid over the chart, so that a test looks only at its
 * neighbours: a chart of 60,000 needs would otherwise test every label's places against
 * every point and label before it (issue 16). */
typedef struct
{
  TpRect   area;
  double   cell;
  guint    cols, rows;
  GArray  *rects;     /* TpRect */
  GArray **cells;     /* per cell: guint indices into rects */
} Obstacles;

#define GRID_CELLS 64

guint64 _tp_chart_overlap_tests;

static Obstacles *
obstacles_new (const TpRect *area)
{
  Obstacles *self = g_new0 (Obstacles, 1);

  self->area = *area;
  self->cell = MAX (MAX (area->width, area->height) / GRID_CELLS, 8);
  self->cols = MAX ((guint) ceil (area->width / self->cell), 1);
  self->rows = MAX ((guint) ceil (area->height / self->cell), 1);
  self->rects = g_array_new (FALSE, FALSE, sizeof (TpRect));
  self->cells = g_new0 (GArray *, self->cols * self->rows);
  return self;
}

static void
obstacles_free (Obstacles *self)
{
  for (guint i = 0; i < self->cols * self->rows; i++)
    if (self->cells[i] != NULL)
      g_array_unref (self->cells[i]);
  g_free (self->cells);
  g_array_unref (self->rects);
  g_free (self);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Obstacles, obstacles_free)

/* The cells a rectangle touches, those outside the grid clamped to its edge: two
 * rectangles that overlap always share one. */
static void
obstacles_range (const Obstacles *self,
                 const TpRect    *rect,
                 guint           *col0,
                 guint           *col1,
                 guint           *row0,
                 guint           *row1)
{
  double x0 = floor ((rect->x - self->area.x) / self->cell);
  double x1 = floor ((rect->x + rect->width - self->area.x) / self->cell);
  double y0 = floor ((rect->y - self->area.y) / self->cell);
  double y1 = floor ((rect->y + rect->height - self->area.y) / self->cell);

  *col0 = (guint) CLAMP (x0, 0, self->cols - 1);
  *col1 = (guint) CLAMP (x1, 0, self->cols - 1);
  *row0 = (guint) CLAMP (y0, 0, self->rows - 1);
  *row1 = (guint) CLAMP (y1, 0, self->rows - 1);
}

static void
obstacles_add (Obstacles    *self,
               const TpRect *rect)
{
  guint index = self->rects->len, col0, col1, row0, row1;

  g_array_append_val (self->rects, *rect);
  obstacles_range (self, rect, &col0, &col1, &row0, &row1);
  for (guint row = row0; row <= row1; row++)
    for (guint col = col0; col <= col1; col++)
      {
        GArray **cell = &self->cells[row * self->cols + col];

        if (*cell == NULL)
          *cell = g_array_new (FALSE, FALSE, sizeof (guint));
        g_array_append_val (*cell, index);
      }
}

static gboolean
collides (const TpRect *rect,
          Obstacles    *obstacles)
{
  guint col0, col1, row0, row1;

  obstacles_range (obstacles, rect, &col0, &col1, &row0, &row1);
  for (guint row = row0; row <= row1; row++)
    for (guint col = col0; col <= col1; col++)
      {
        GArray *cell = obstacles->cells[row * obstacles->cols + col];

        for (guint i = 0; cell != NULL && i < cell->len; i++)
          {
            const TpRect *other = &g_array_index (obstacles->rects, TpRect,
                                                  g_array_index (cell, guint, i));

            _tp_chart_overlap_tests++;
            if (rect->x < other->x + other->width && other->x < rect->x + rect->width &&
                rect->y < other->y + other->height && other->y < rect->y + rect->height)
              return TRUE;
          }
      }
  return FALSE;
}

/* Where a quadrant's name goes: its outer corner, unless a point is there (data gathers
 * in corners: a need nobody minds sits at 0, 0), then the quadrant's other corners. */
static TpRect
place_quarter_name (const TpRect *quarter,
                    TpQuarter     q,
                    double        width,
                    double        height,
                    Obstacles    *discs)
{
  gboolean left = q == TP_QUARTER_TOP_LEFT || q == TP_QUARTER_BOTTOM_LEFT;
  gboolean top = q == TP_QUARTER_TOP_LEFT || q == TP_QUARTER_TOP_RIGHT;
  double x_out = left ? quarter->x + QUARTER_INSET : quarter->x + quarter->width - QUARTER_INSET - width;
  double x_in = left ? quarter->x + quarter->width - QUARTER_INSET - width : quarter->x + QUARTER_INSET;
  double y_out = top ? quarter->y + QUARTER_INSET : quarter->y + quarter->height - QUARTER_INSET - height;
  double y_in = top ? quarter->y + quarter->height - QUARTER_INSET - height : quarter->y + QUARTER_INSET;
  TpRect corners[] = {
    { x_out, y_out, width, height },
    { x_in, y_out, width, height },
    { x_out, y_in, width, height },
    { x_in, y_in, width, height },
  };

  for (guint i = 0; i < G_N_ELEMENTS (corners); i++)
    {
      TpRect padded = inflate (&corners[i], 2);

      if (!collides (&padded, discs))
        return corners[i];
    }
  return corners[0];
}

static void
place_frame (TpAnalysisLayout  *self,
             const TpChartSpec *spec,
             const Frame       *frame,
             Obstacles         *discs,
             Obstacles         *obstacles)
{
  const TpTheme *theme = self->theme;
  const TpRect *plot = &frame->plot;
  double sx = map_x (frame, spec->split_x), sy = map_y (frame, spec->split_y);
  TpRect quarters[TP_N_QUARTERS] = {
    [TP_QUARTER_TOP_LEFT] = { plot->x, plot->y, sx - plot->x, sy - plot->y },
    [TP_QUARTER_TOP_RIGHT] = { sx, plot->y, plot->x + plot->width - sx, sy - plot->y },
    [TP_QUARTER_BOTTOM_LEFT] = { plot->x, sy, sx - plot->x, plot->y + plot->height - sy },
    [TP_QUARTER_BOTTOM_RIGHT] = { sx, sy, plot->x + plot->width - sx, plot->y + plot->height - sy },
  };
  TpColour split = theme->caption;

  for (guint q = 0; q < TP_N_QUARTERS; q++)
    _tp_analysis_add_rect (self, &quarters[q], 0, &spec->tints[q], NULL, 0);

  /* Gridlines at the ticks, under everything else. */
  for (guint i = 0; i < spec->n_ticks; i++)
    {
      double x = map_x (frame, spec->ticks[i]), y = map_y (frame, spec->ticks[i]);

      _tp_analysis_add_line (self, x, plot->y, x, plot->y + plot->height, &theme->hairline, 1, FALSE);
      _tp_analysis_add_line (self, plot->x, y, plot->x + plot->width, y, &theme->hairline, 1, FALSE);
    }
  split.alpha = 0.7;
  _tp_analysis_add_line (self, sx, plot->y, sx, plot->y + plot->height, &split, 1, TRUE);
  _tp_analysis_add_line (self, plot->x, sy, plot->x + plot->width, sy, &split, 1, TRUE);
  _tp_analysis_add_rect (self, plot, 0, NULL, &theme->panel_border, 1);

  /* The quadrants' names in their outer corners, where points are least likely. */
  for (guint q = 0; q < TP_N_QUARTERS; q++)
    {
      TpColour solid = spec->tints[q];
      TpColour ink;
      PangoLayout *text;
      double width, height;
      TpRect box;

      solid.alpha = 1;
      ink = _tp_colour_darken (&solid, 0.4);
      /* On a dark sheet (white reads on it) the quadrant's hue lightened instead, where the
       * darkened one would not read. */
      if (tp_colour_get_contrast_ratio (&ink, &self->theme->panel) < 4.5 &&
          tp_colour_get_contrast_ratio (&(TpColour) { 1, 1, 1, 1 }, &self->theme->panel) > 4.5)
        ink = (TpColour) { solid.red + (1 - solid.red) * 0.55, solid.green + (1 - solid.green) * 0.55,
                           solid.blue + (1 - solid.blue) * 0.55, 1 };
      text = _tp_analysis_text (self, TP_STYLE_QUADRANT, spec->quarters[q],
                                quarters[q].width - 2 * QUARTER_INSET, 2);
      _tp_analysis_text_size (text, &width, &height);
      box = place_quarter_name (&quarters[q], q, width, height, discs);
      _tp_analysis_add_text (self, text, box.x, box.y, &ink);
      box = inflate (&box, 2);
      obstacles_add (obstacles, &box);
    }
}

static void
place_axes (TpAnalysisLayout  *self,
            const TpChartSpec *spec,
            const Frame       *frame,
            const TpRect      *area)
{
  const TpTheme *theme = self->theme;
  const TpRect *plot = &frame->plot;
  PangoLayout *title;
  double width, height;

  for (guint i = 0; i < spec->n_ticks; i++)
    {
      g_autofree char *label = _tp_analysis_format (spec->ticks[i], spec->tick_decimals, FALSE);
      PangoLayout *x_text = _tp_analysis_text (self, TP_STYLE_LABEL, label, -1, 0);
      PangoLayout *y_text = _tp_analysis_text (self, TP_STYLE_LABEL, label, -1, 0);

      _tp_analysis_text_size (x_text, &width, &height);
      _tp_analysis_add_text (self, x_text, map_x (frame, spec->ticks[i]) - width / 2,
                             plot->y + plot->height + TICK_GAP, &theme->caption);
      _tp_analysis_add_text (self, y_text, plot->x - TICK_GAP - width,
                             map_y (frame, spec->ticks[i]) - height / 2, &theme->caption);
    }

  /* The y title above the plot at the left, the x title under the ticks at the right,
   * where each axis's arrow points. */
  _tp_analysis_add_string (self, TP_STYLE_HEADER, spec->y_title, area->x, area->y,
                           area->width, 1, &theme->cell_text);
  title = _tp_analysis_text (self, TP_STYLE_HEADER, spec->x_title, plot->width, 1);
  _tp_analysis_text_size (title, &width, &height);
  _tp_analysis_add_text (self, title, plot->x + plot->width - width,
                         area->y + area->height - height, &theme->cell_text);
}

/* Points at the same spot are spread on a small circle around it, so none hides
 * another. The points are sorted by place (then by index, which keeps each group in its
 * points' order), so that a group is a run of neighbours: comparing every point with
 * every other cost the square of the points. */
static int
compare_places (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const TpChartPoint *points = user_data;
  guint i = *(const guint *) a, j = *(const guint *) b;

  if (points[i].x != points[j].x)
    return points[i].x < points[j].x ? -1 : 1;
  if (points[i].y != points[j].y)
    return points[i].y < points[j].y ? -1 : 1;
  return (i > j) - (i < j);
}

static void
spread_points (const TpChartPoint *points,
               guint               n_points,
               const Frame        *frame,
               double             *xs,
               double             *ys)
{
  g_autoptr(GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_points);

  for (guint i = 0; i < n_points; i++)
    {
      xs[i] = map_x (frame, points[i].x);
      ys[i] = map_y (frame, points[i].y);
      g_array_append_val (sorted, i);
    }
  g_array_sort_with_data (sorted, compare_places, (gpointer) points);

  for (guint start = 0; start < n_points;)
    {
      const TpChartPoint *first = &points[g_array_index (sorted, guint, start)];
      guint end = start + 1;
      double spread = first->radius;

      while (end < n_points &&
             fabs (points[g_array_index (sorted, guint, end)].x - first->x) < 1e-9 &&
             fabs (points[g_array_index (sorted, guint, end)].y - first->y) < 1e-9)
        {
          spread = MAX (spread, points[g_array_index (sorted, guint, end)].radius);
          end++;
        }
      if (end - start >= 2)
        {
          spread = MAX (spread * 0.9, 7);
          for (guint k = 0; k < end - start; k++)
            {
              guint j = g_array_index (sorted, guint, start + k);
              double angle = G_PI + 2 * G_PI * k / (end - start);

              xs[j] += spread * cos (angle);
              ys[j] += spread * sin (angle);
            }
        }
      start = end;
    }
}

static int
compare_by_radius (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const TpChartPoint *points = user_data;
  double ra = points[*(const guint *) a].radius, rb = points[*(const guint *) b].radius;

  /* The largest first: drawn under the smaller, and labelled first. */
  return (ra < rb) - (ra > rb);
}

/* Where a label of width × height goes beside a point at (x, y) of radius r: the first
 * free place of beside, opposite, above, below, then nudged ever further up and down.
 * FALSE when there is none: the chart is crowded there. */
static gboolean
place_label (const TpRect *plot,
             double        x,
             double        y,
             double        r,
             double        width,
             double        height,
             Obstacles    *obstacles,
             TpRect       *place)
{
  TpRect bounds = inflate (plot, -2);
  TpRect right = { x + r + LABEL_GAP, y - height / 2, width, height };
  TpRect left = { x - r - LABEL_GAP - width, y - height / 2, width, height };
  TpRect first[] = {
    right, left,
    { x - width / 2, y - r - 2 - height, width, height },
    { x - width / 2, y + r + 2, width, height },
  };

  for (guint i = 0; i < G_N_ELEMENTS (first); i++)
    if (tp_rect_contains_rect (&bounds, &first[i]) && !collides (&first[i], obstacles))
      {
        *place = first[i];
        return TRUE;
      }

  for (guint step = 1; step <= NUDGE_STEPS; step++)
    for (int sign = -1; sign <= 1; sign += 2)
      for (guint side = 0; side < 2; side++)
        {
          TpRect candidate = side == 0 ? right : left;

          candidate.y += sign * step * height * 0.6;
          if (tp_rect_contains_rect (&bounds, &candidate) && !collides (&candidate, obstacles))
            {
              *place = candidate;
              return TRUE;
            }
        }

  /* Crowded everywhere: beside the point, kept inside the plot. */
  right.x = CLAMP (right.x, bounds.x, bounds.x + bounds.width - width);
  right.y = CLAMP (right.y, bounds.y, bounds.y + bounds.height - height);
  *place = right;
  return FALSE;
}

void
_tp_chart_place (TpAnalysisLayout   *self,
                 TpAnalysisChart     which,
                 const TpChartSpec  *spec,
                 const TpChartPoint *points,
                 guint               n_points,
                 const TpRect       *area)
{
  const TpTheme *theme = self->theme;
  g_autoptr(Obstacles) obstacles = NULL;
  g_autoptr(Obstacles) discs = NULL;
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree double *xs = g_new0 (double, MAX (n_points, 1));
  g_autofree double *ys = g_new0 (double, MAX (n_points, 1));
  double line = _tp_analysis_line_height (self, TP_STYLE_LABEL);
  double header = _tp_analysis_line_height (self, TP_STYLE_HEADER);
  double tick_width = 0;
  Frame frame = { .min = spec->min, .max = spec->max };

  for (guint i = 0; i < spec->n_ticks; i++)
    {
      g_autofree char *label = _tp_analysis_format (spec->ticks[i], spec->tick_decimals, FALSE);
      g_autoptr(PangoLayout) text = _tp_analysis_text (self, TP_STYLE_LABEL, label, -1, 0);
      double width;

      _tp_analysis_text_size (text, &width, NULL);
      tick_width = MAX (tick_width, width);
    }
  tick_width = ceil (tick_width) + TICK_GAP;

  frame.plot.x = area->x + tick_width;
  frame.plot.y = area->y + header + TITLE_GAP;
  frame.plot.width = area->width - tick_width - 1;
  frame.plot.height = area->height - header - TITLE_GAP - TICK_GAP - line - 4 - header;
  self->plots[which] = frame.plot;

  /* The points' places first: the quadrants' names keep clear of them. */
  obstacles = obstacles_new (area);
  discs = obstacles_new (area);
  spread_points (points, n_points, &frame, xs, ys);
  for (guint i = 0; i < n_points; i++)
    {
      TpRect disc = { xs[i] - points[i].radius, ys[i] - points[i].radius,
                      2 * points[i].radius, 2 * points[i].radius };

      g_array_append_val (order, i);
      disc = inflate (&disc, 1);
      obstacles_add (obstacles, &disc);
      obstacles_add (discs, &disc);
    }
  g_array_sort_with_data (order, compare_by_radius, (gpointer) points);

  place_frame (self, spec, &frame, discs, obstacles);
  place_axes (self, spec, &frame, area);

  for (guint k = 0; k < order->len; k++)
    {
      const TpChartPoint *point = &points[g_array_index (order, guint, k)];
      guint i = g_array_index (order, guint, k);
      TpColour fill = point->colour, edge = _tp_colour_darken (&point->colour, 0.2);

      fill.alpha = 0.6;
      /* A hollow point is the sheet's own colour inside, in either style. */
      _tp_analysis_add_circle (self, xs[i], ys[i], point->radius,
                               point->hollow ? &self->theme->panel : &fill, &edge, 1.5);
      /* Fill and ring in one layer, coloured in the order of the points (largest first):
       * points of one gap have one size and one colour, so they come one after another
       * and each colour's run still lies over the larger ones before it. */
      _tp_analysis_batch_last (self, TP_BATCH_MARKER_FACE);
    }

  for (guint k = 0; k < order->len; k++)
    {
      guint i = g_array_index (order, guint, k);
      const TpChartPoint *point = &points[i];
      PangoLayout *text = _tp_analysis_text (self, TP_STYLE_LABEL, point->label, LABEL_MAX, 0);
      TpAnalysisPoint record = { _tp_analysis_intern (self, point->id), xs[i], ys[i],
                                 point->radius };
      TpRect marker, label, padded;
      double width, height, nx, ny;

      _tp_analysis_text_size (text, &width, &height);
      if (!place_label (&frame.plot, xs[i], ys[i], point->radius, width, height, obstacles,
                        &label))
        {
          /* No room clear of the others: a label drawn over other labels is read by
           * nobody, and thousands of them would cost a glyph run each on one sheet
           * (50,000 moments of truth: 50 MB of the PDF page's recording, issue 16). The
           * point stays, with its hit; its name is in the table below the chart. */
          g_object_unref (text);
          record.label = (TpRect) { xs[i], ys[i], 0, 0 };
          g_array_append_val (self->points[which], record);
          marker = (TpRect) { xs[i] - point->radius - 3, ys[i] - point->radius - 3,
                              2 * point->radius + 6, 2 * point->radius + 6 };
          _tp_analysis_add_hit (self, &marker, point->id);
          continue;
        }
      padded = inflate (&label, 1);
      obstacles_add (obstacles, &padded);

      /* A leader back to the point when the label had to move away from it. */
      nx = CLAMP (xs[i], label.x, label.x + label.width);
      ny = CLAMP (ys[i], label.y, label.y + label.height);
      if (hypot (nx - xs[i], ny - ys[i]) > point->radius + LABEL_GAP + 6)
        {
          double d = hypot (nx - xs[i], ny - ys[i]);

          _tp_analysis_add_line (self, xs[i] + (nx - xs[i]) * point->radius / d,
                                 ys[i] + (ny - ys[i]) * point->radius / d, nx, ny,
                                 &theme->caption, 0.75, FALSE);
          _tp_analysis_batch_last (self, TP_BATCH_MARKER_HALO);
        }
      _tp_analysis_add_text (self, text, label.x, label.y, &theme->cell_text);

      record.label = label;
      g_array_append_val (self->points[which], record);
      marker = (TpRect) { xs[i] - point->radius - 3, ys[i] - point->radius - 3,
                          2 * point->radius + 6, 2 * point->radius + 6 };
      _tp_analysis_add_hit (self, &marker, point->id);
      _tp_analysis_add_hit (self, &label, point->id);
    }
}
