/* tp-painter-icons.c: the small line icon of each block, drawn as paths
 *
 * Paths rather than an icon font or SVG files: they scale crisply at any zoom, need no
 * loader at export time, and come out as vector strokes in PDF and SVG. Each icon is
 * drawn on a 20 × 20 grid in one stroke width, in the spirit of GNOME's symbolic icons.
 */

#include "config.h"

#include <math.h>

#include "tp-painter-private.h"

static void
circle (cairo_t *cr,
        double   x,
        double   y,
        double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
}

static void
polyline (cairo_t      *cr,
          const double *points,
          guint         n_points,
          gboolean      close)
{
  cairo_move_to (cr, points[0], points[1]);
  for (guint i = 1; i < n_points; i++)
    cairo_line_to (cr, points[2 * i], points[2 * i + 1]);
  if (close)
    cairo_close_path (cr);
}

static void
person (cairo_t *cr,
        double   x,
        double   head_y,
        double   head_r,
        double   body_y,
        double   body_r)
{
  circle (cr, x, head_y, head_r);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, body_y, body_r, G_PI, 2 * G_PI);
}

static void
tray (cairo_t *cr)
{
  static const double points[] = { 2, 11, 2, 17.5, 18, 17.5, 18, 11 };

  polyline (cr, points, 4, FALSE);
}

static void
icon_path (cairo_t     *cr,
           TpContainer  container)
{
  switch (container)
    {
    case TP_CONTAINER_CUSTOMER_SEGMENTS:
      person (cr, 7.5, 6.5, 3, 17.5, 5.5);
      circle (cr, 14.5, 5, 2.4);
      cairo_new_sub_path (cr);
      cairo_arc (cr, 14.5, 14, 4.5, -G_PI * 0.55, 0);
      cairo_line_to (cr, 19, 16);
      break;

    case TP_CONTAINER_VALUE_PROPOSITIONS:
      cairo_rectangle (cr, 3.5, 9.5, 13, 8);
      cairo_rectangle (cr, 2, 6, 16, 3.5);
      cairo_move_to (cr, 10, 6);
      cairo_line_to (cr, 10, 17.5);
      cairo_move_to (cr, 10, 6);
      cairo_curve_to (cr, 6, 6.5, 4.5, 2, 7.5, 2);
      cairo_curve_to (cr, 9, 2, 10, 4, 10, 6);
      cairo_curve_to (cr, 10, 4, 11, 2, 12.5, 2);
      cairo_curve_to (cr, 15.5, 2, 14, 6.5, 10, 6);
      break;

    case TP_CONTAINER_CHANNELS:
    case TP_CONTAINER_OUTBOUND_LOGISTICS:
      if (container == TP_CONTAINER_CHANNELS)
        {
          /* The body's bottom edge stops at the wheels rather than crossing them. */
          static const double body[] = { 3.7, 14.5, 1.5, 14.5, 1.5, 4.5, 12.5, 4.5, 12.5, 14.5 };
          static const double cab[] = { 12.5, 7.5, 15.5, 7.5, 18.5, 11, 18.5, 14.5, 16.8, 14.5 };

          polyline (cr, body, 5, FALSE);
          polyline (cr, cab, 5, FALSE);
          cairo_move_to (cr, 13.2, 14.5);
          cairo_line_to (cr, 7.3, 14.5);
          circle (cr, 5.5, 15.5, 1.8);
          circle (cr, 15, 15.5, 1.8);
        }
      else
        {
          static const double head[] = { 6.5, 5.5, 10, 2, 13.5, 5.5 };

          tray (cr);
          cairo_move_to (cr, 10, 13.5);
          cairo_line_to (cr, 10, 2);
          polyline (cr, head, 3, FALSE);
        }
      break;

    case TP_CONTAINER_CUSTOMER_RELATIONSHIPS:
      cairo_move_to (cr, 10, 17);
      cairo_curve_to (cr, 0.5, 10.5, 2, 2.5, 10, 6);
      cairo_curve_to (cr, 18, 2.5, 19.5, 10.5, 10, 17);
      cairo_close_path (cr);
      break;

    case TP_CONTAINER_REVENUE_STREAMS:
      /* Two coins, the back one showing only where the front one does not cover it. */
      cairo_new_sub_path (cr);
      cairo_arc (cr, 7.5, 7.5, 5.8, G_PI * 0.58, G_PI * 1.92);
      circle (cr, 12.5, 12.5, 5.8);
      circle (cr, 12.5, 12.5, 3);
      break;

    case TP_CONTAINER_KEY_RESOURCES:
      {
        static const double factory[] = {
          2, 17.5, 2, 9, 7, 12, 7, 9, 12, 12, 12, 2.5, 16, 2.5, 16, 17.5,
        };

        polyline (cr, factory, 8, TRUE);
        cairo_move_to (cr, 5, 14.5);
        cairo_line_to (cr, 6.5, 14.5);
        cairo_move_to (cr, 9, 14.5);
        cairo_line_to (cr, 10.5, 14.5);
      }
      break;

    case TP_CONTAINER_KEY_ACTIVITIES:
      {
        static const double check[] = { 6.5, 10.3, 9, 12.8, 13.8, 7.5 };

        circle (cr, 10, 10, 7.5);
        polyline (cr, check, 3, FALSE);
      }
      break;

    case TP_CONTAINER_KEY_PARTNERS:
      cairo_save (cr);
      cairo_translate (cr, 10, 10);
      cairo_rotate (cr, -G_PI / 4);
      cairo_translate (cr, -10, -10);
      tp_paint_rounded_rect (cr, &(TpRect) { 0.5, 7, 11, 6 }, 3);
      tp_paint_rounded_rect (cr, &(TpRect) { 8.5, 7, 11, 6 }, 3);
      cairo_restore (cr);
      break;

    case TP_CONTAINER_COST_STRUCTURE:
      {
        static const double tag[] = { 2.5, 2.5, 10, 2.5, 17.5, 10, 10, 17.5, 2.5, 10 };

        polyline (cr, tag, 5, TRUE);
        circle (cr, 6.5, 6.5, 1.3);
      }
      break;

    case TP_CONTAINER_INBOUND_LOGISTICS:
      {
        static const double head[] = { 6.5, 9, 10, 12.5, 13.5, 9 };

        tray (cr);
        cairo_move_to (cr, 10, 2);
        cairo_line_to (cr, 10, 12.5);
        polyline (cr, head, 3, FALSE);
      }
      break;

    case TP_CONTAINER_OPERATIONS:
      {
        const guint teeth = 8;

        /* A cog: each tooth is a short plateau on the outer radius. */
        for (guint i = 0; i < teeth; i++)
          {
            double a = i * 2 * G_PI / teeth;
            double w = G_PI / teeth * 0.45;
            double r_out = 8.3, r_in = 6.2;

            if (i == 0)
              cairo_move_to (cr, 10 + r_in * cos (a - 2 * w), 10 + r_in * sin (a - 2 * w));
            else
              cairo_line_to (cr, 10 + r_in * cos (a - 2 * w), 10 + r_in * sin (a - 2 * w));
            cairo_line_to (cr, 10 + r_out * cos (a - w), 10 + r_out * sin (a - w));
            cairo_line_to (cr, 10 + r_out * cos (a + w), 10 + r_out * sin (a + w));
            cairo_line_to (cr, 10 + r_in * cos (a + 2 * w), 10 + r_in * sin (a + 2 * w));
          }
        cairo_close_path (cr);
        circle (cr, 10, 10, 2.6);
      }
      break;

    case TP_CONTAINER_MARKETING_AND_SALES:
      {
        static const double horn[] = { 2.5, 8, 6.5, 8, 15, 3.5, 15, 16.5, 6.5, 12, 2.5, 12 };

        polyline (cr, horn, 6, TRUE);
        cairo_move_to (cr, 5.5, 12);
        cairo_line_to (cr, 7, 17);
        cairo_move_to (cr, 17.5, 8.5);
        cairo_line_to (cr, 19, 7.5);
        cairo_move_to (cr, 17.5, 11.5);
        cairo_line_to (cr, 19, 12.5);
      }
      break;

    case TP_CONTAINER_SERVICE:
      circle (cr, 10, 10, 7.8);
      circle (cr, 10, 10, 3.5);
      for (guint i = 0; i < 4; i++)
        {
          double a = G_PI / 4 + i * G_PI / 2;

          cairo_move_to (cr, 10 + 3.5 * cos (a), 10 + 3.5 * sin (a));
          cairo_line_to (cr, 10 + 7.8 * cos (a), 10 + 7.8 * sin (a));
        }
      break;

    case TP_CONTAINER_FIRM_INFRASTRUCTURE:
      {
        static const double roof[] = { 2, 7, 10, 2.5, 18, 7 };

        polyline (cr, roof, 3, TRUE);
        for (guint i = 0; i < 4; i++)
          {
            double x = 4.5 + i * (11.0 / 3);

            cairo_move_to (cr, x, 9.5);
            cairo_line_to (cr, x, 15);
          }
        cairo_move_to (cr, 2, 17.5);
        cairo_line_to (cr, 18, 17.5);
      }
      break;

    case TP_CONTAINER_HUMAN_RESOURCES:
      person (cr, 10, 6, 3.3, 17.5, 6.5);
      break;

    case TP_CONTAINER_TECHNOLOGY_DEVELOPMENT:
      tp_paint_rounded_rect (cr, &(TpRect) { 5, 5, 10, 10 }, 1.5);
      cairo_rectangle (cr, 8, 8, 4, 4);
      for (guint i = 0; i < 2; i++)
        {
          double p = 8 + i * 4;

          cairo_move_to (cr, p, 2);
          cairo_line_to (cr, p, 5);
          cairo_move_to (cr, p, 15);
          cairo_line_to (cr, p, 18);
          cairo_move_to (cr, 2, p);
          cairo_line_to (cr, 5, p);
          cairo_move_to (cr, 15, p);
          cairo_line_to (cr, 18, p);
        }
      break;

    case TP_CONTAINER_PROCUREMENT:
      {
        static const double cart[] = { 1.5, 3, 4, 3, 6.5, 13, 16, 13, 18, 6, 5, 6 };

        polyline (cr, cart, 6, FALSE);
        circle (cr, 7.5, 16.3, 1.4);
        circle (cr, 15, 16.3, 1.4);
      }
      break;

    case TP_N_CONTAINERS:
    default:
      g_assert_not_reached ();
    }
}

void
_tp_paint_icon (cairo_t        *cr,
                TpContainer     container,
                const TpRect   *rect,
                const TpColour *colour,
                double          line_width)
{
  g_return_if_fail (container < TP_N_CONTAINERS);

  cairo_save (cr);
  cairo_translate (cr, rect->x, rect->y);
  cairo_scale (cr, rect->width / 20.0, rect->height / 20.0);
  cairo_new_path (cr);
  icon_path (cr, container);
  cairo_set_line_width (cr, line_width * 20.0 / rect->width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  tp_colour_set_source (cr, colour);
  cairo_stroke (cr);
  cairo_restore (cr);
}
