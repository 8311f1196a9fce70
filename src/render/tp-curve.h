/* tp-curve.h: a smooth curve through points that never overshoots them.
 *
 * The journey's emotion curve must not suggest a mood nobody had: between two equally
 * happy touchpoints it stays flat, and between a low and a high one it only rises. A
 * monotone cubic Hermite spline (Fritsch and Carlson, "Monotone Piecewise Cubic
 * Interpolation", SIAM J. Numer. Anal. 17, 1980) keeps both promises; a plain
 * Catmull-Rom or natural spline does not.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Fills tangents[0 … n) for points (x[i], y[i]), x strictly increasing: each segment of
 * the curve then lies within the range of its two ends, flat between equal ends. */
void    tp_curve_monotone_tangents (const double *x,
                                    const double *y,
                                    guint         n,
                                    double       *tangents);
/* The curve's height at t (clamped to [x[0], x[n − 1]]). */
double  tp_curve_evaluate          (const double *x,
                                    const double *y,
                                    const double *tangents,
                                    guint         n,
                                    double        t);
/* Appends segments first … last − 1 (the points first … last) to cr's path as cubic
 * Béziers, starting with a line_to (or a move_to with move). */
void    tp_curve_append_path       (cairo_t      *cr,
                                    const double *x,
                                    const double *y,
                                    const double *tangents,
                                    guint         first,
                                    guint         last,
                                    gboolean      move);

G_END_DECLS
