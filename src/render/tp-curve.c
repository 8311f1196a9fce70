/* tp-curve.c: monotone cubic interpolation (Fritsch–Carlson) */

#include "config.h"

#include <math.h>

#include "tp-curve.h"

void
tp_curve_monotone_tangents (const double *x,
                            const double *y,
                            guint         n,
                            double       *tangents)
{
  g_return_if_fail (n == 0 || (x != NULL && y != NULL && tangents != NULL));

  if (n == 0)
    return;
  if (n == 1)
    {
      tangents[0] = 0;
      return;
    }

  /* Start from the three-point estimate: the mean of the neighbouring secants, zero at a
   * local extremum or plateau, the one secant at either end. */
  for (guint i = 0; i < n; i++)
    {
      double before = i > 0 ? (y[i] - y[i - 1]) / (x[i] - x[i - 1]) : 0;
      double after = i + 1 < n ? (y[i + 1] - y[i]) / (x[i + 1] - x[i]) : 0;

      if (i == 0)
        tangents[i] = after;
      else if (i + 1 == n)
        tangents[i] = before;
      else if (before * after <= 0)
        tangents[i] = 0;
      else
        tangents[i] = (before + after) / 2;
    }

  /* Then limit each segment's pair of tangents so that the cubic stays monotone: zero on
   * a flat segment, and (α, β) inside the circle of radius 3 otherwise. */
  for (guint i = 0; i + 1 < n; i++)
    {
      double secant = (y[i + 1] - y[i]) / (x[i + 1] - x[i]);
      double alpha, beta, length;

      if (secant == 0)
        {
          tangents[i] = 0;
          tangents[i + 1] = 0;
          continue;
        }

      alpha = tangents[i] / secant;
      beta = tangents[i + 1] / secant;
      /* A tangent against the segment's direction would overshoot. */
      if (alpha < 0)
        tangents[i] = alpha = 0;
      if (beta < 0)
        tangents[i + 1] = beta = 0;

      length = alpha * alpha + beta * beta;
      if (length > 9)
        {
          double tau = 3 / sqrt (length);

          tangents[i] = tau * alpha * secant;
          tangents[i + 1] = tau * beta * secant;
        }
    }
}

/* The segment holding t: the last i with x[i] ≤ t, at most n − 2. */
static guint
find_segment (const double *x,
              guint         n,
              double        t)
{
  guint lo = 0, hi = n - 1;

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (x[mid] <= t)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

double
tp_curve_evaluate (const double *x,
                   const double *y,
                   const double *tangents,
                   guint         n,
                   double        t)
{
  double h, s, s2, s3;
  guint i;

  g_return_val_if_fail (n > 0, 0);

  if (n == 1 || t <= x[0])
    return y[0];
  if (t >= x[n - 1])
    return y[n - 1];

  i = find_segment (x, n, t);
  h = x[i + 1] - x[i];
  s = (t - x[i]) / h;
  s2 = s * s;
  s3 = s2 * s;

  /* The cubic Hermite basis. */
  return (2 * s3 - 3 * s2 + 1) * y[i]
         + (s3 - 2 * s2 + s) * h * tangents[i]
         + (-2 * s3 + 3 * s2) * y[i + 1]
         + (s3 - s2) * h * tangents[i + 1];
}

void
tp_curve_append_path (cairo_t      *cr,
                      const double *x,
                      const double *y,
                      const double *tangents,
                      guint         first,
                      guint         last,
                      gboolean      move)
{
  g_return_if_fail (cr != NULL);

  if (move)
    cairo_move_to (cr, x[first], y[first]);
  else
    cairo_line_to (cr, x[first], y[first]);

  /* A Hermite segment is the Bézier whose inner control points lie a third of the way
   * along each end's tangent. */
  for (guint i = first; i < last; i++)
    {
      double h = (x[i + 1] - x[i]) / 3;

      cairo_curve_to (cr,
                      x[i] + h, y[i] + h * tangents[i],
                      x[i + 1] - h, y[i + 1] - h * tangents[i + 1],
                      x[i + 1], y[i + 1]);
    }
}
