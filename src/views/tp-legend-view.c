/* tp-legend-view.c: the board's legend on screen (tp-legend-view.h).
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "tp-legend-view.h"

/* Around the strip, inside the view's panel. */
#define PADDING        12
#define NATURAL_WIDTH  560
#define MIN_WIDTH      280

struct _TpLegendView
{
  GtkWidget  parent_instance;

  TpBoard   *board;
  gulong     document_id;
  TpLegend  *legend;
  gboolean   empty;
};

G_DEFINE_FINAL_TYPE (TpLegendView, tp_legend_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BOARD,
  PROP_EMPTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The legend is built again from the board's document when the view is shown and when
 * the board changes documents; edits cannot happen while the popover holding it is
 * open. */
static void
rebuild (TpLegendView *self)
{
  TpDocument *document = self->board != NULL ? tp_board_get_document (self->board) : NULL;
  gboolean empty;

  g_clear_pointer (&self->legend, tp_legend_free);
  if (document != NULL)
    self->legend = tp_legend_new (document, (1u << TP_N_REGIONS) - 1, 0, G_MAXUINT);
  empty = self->legend == NULL || tp_legend_is_empty (self->legend);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  empty ? _("The board uses no colours or symbols yet")
                                  : _("The colours and symbols on the board and what they mean"),
                                  -1);
  if (self->empty != empty)
    {
      self->empty = empty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPTY]);
    }
}

static TpLayout *
get_layout (TpLegendView *self)
{
  return self->board != NULL && self->legend != NULL ? tp_board_get_layout (self->board) : NULL;
}

static void
tp_legend_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  TpLegendView *self = TP_LEGEND_VIEW (widget);
  TpLayout *layout = get_layout (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else
    {
      double width = (for_size > 0 ? for_size : NATURAL_WIDTH) - 2 * PADDING;
      double height = layout != NULL ? tp_legend_measure (self->legend, layout, width) : 0;

      *minimum = *natural = height > 0 ? (int) ceil (height) + 2 * PADDING : 0;
    }
}

static GtkSizeRequestMode
tp_legend_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
tp_legend_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  TpLegendView *self = TP_LEGEND_VIEW (widget);
  TpLayout *layout = get_layout (self);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  const TpTheme *theme;
  GskRoundedRect panel;
  GdkRGBA fill, border;
  cairo_t *cr;

  if (layout == NULL || height <= 0)
    return;

  /* On the board's own panel colour, so that every symbol looks as it does there. */
  theme = tp_layout_get_theme (layout);
  fill = (GdkRGBA) { theme->panel.red, theme->panel.green, theme->panel.blue, 1 };
  border = (GdkRGBA) { theme->panel_border.red, theme->panel_border.green,
                       theme->panel_border.blue, 1 };
  gsk_rounded_rect_init_from_rect (&panel, &GRAPHENE_RECT_INIT (0, 0, width, height), 8);
  gtk_snapshot_push_rounded_clip (snapshot, &panel);
  gtk_snapshot_append_color (snapshot, &fill, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &panel, (float[4]) { 1, 1, 1, 1 },
                              (GdkRGBA[4]) { border, border, border, border });

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  tp_legend_paint (self->legend, cr, layout, PADDING, PADDING, width - 2 * PADDING);
  cairo_destroy (cr);
}

static void
tp_legend_view_map (GtkWidget *widget)
{
  rebuild (TP_LEGEND_VIEW (widget));
  GTK_WIDGET_CLASS (tp_legend_view_parent_class)->map (widget);
}

static void
on_document_changed (TpLegendView *self)
{
  rebuild (self);
}

static void
tp_legend_view_dispose (GObject *object)
{
  tp_legend_view_set_board (TP_LEGEND_VIEW (object), NULL);

  G_OBJECT_CLASS (tp_legend_view_parent_class)->dispose (object);
}

static void
tp_legend_view_finalize (GObject *object)
{
  TpLegendView *self = TP_LEGEND_VIEW (object);

  g_clear_pointer (&self->legend, tp_legend_free);

  G_OBJECT_CLASS (tp_legend_view_parent_class)->finalize (object);
}

static void
tp_legend_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TpLegendView *self = TP_LEGEND_VIEW (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      g_value_set_object (value, self->board);
      break;
    case PROP_EMPTY:
      g_value_set_boolean (value, self->empty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_legend_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TpLegendView *self = TP_LEGEND_VIEW (object);

  switch (prop_id)
    {
    case PROP_BOARD:
      tp_legend_view_set_board (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_legend_view_class_init (TpLegendViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_legend_view_dispose;
  object_class->finalize = tp_legend_view_finalize;
  object_class->get_property = tp_legend_view_get_property;
  object_class->set_property = tp_legend_view_set_property;

  widget_class->measure = tp_legend_view_measure;
  widget_class->get_request_mode = tp_legend_view_get_request_mode;
  widget_class->snapshot = tp_legend_view_snapshot;
  widget_class->map = tp_legend_view_map;

  /**
   * TpLegendView:board:
   *
   * The board whose document and theme the legend shows.
   */
  properties[PROP_BOARD] =
    g_param_spec_object ("board", NULL, NULL, TP_TYPE_BOARD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * TpLegendView:empty:
   *
   * Whether the board uses no symbol the legend would explain (nothing is drawn then).
   */
  properties[PROP_EMPTY] =
    g_param_spec_boolean ("empty", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "tp-legend-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tp_legend_view_init (TpLegendView *self)
{
  self->empty = TRUE;
  /* The board's theme follows the style (tp-board-draw.c); so does the legend drawn in
   * it, even while it is shown. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

GtkWidget *
tp_legend_view_new (void)
{
  return g_object_new (TP_TYPE_LEGEND_VIEW, NULL);
}

void
tp_legend_view_set_board (TpLegendView *self,
                          TpBoard      *board)
{
  g_return_if_fail (TP_IS_LEGEND_VIEW (self));
  g_return_if_fail (board == NULL || TP_IS_BOARD (board));

  if (self->board == board)
    return;

  if (self->board != NULL)
    g_clear_signal_handler (&self->document_id, self->board);
  g_set_object (&self->board, board);
  if (board != NULL)
    self->document_id = g_signal_connect_object (board, "notify::document",
                                                 G_CALLBACK (on_document_changed), self,
                                                 G_CONNECT_SWAPPED);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BOARD]);
}

TpBoard *
tp_legend_view_get_board (TpLegendView *self)
{
  g_return_val_if_fail (TP_IS_LEGEND_VIEW (self), NULL);

  return self->board;
}

TpLegend *
tp_legend_view_get_legend (TpLegendView *self)
{
  g_return_val_if_fail (TP_IS_LEGEND_VIEW (self), NULL);

  return self->legend;
}
