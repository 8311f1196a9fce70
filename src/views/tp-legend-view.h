/* tp-legend-view.h: the board's legend on screen.
 *
 * Draws the legend of the whole board (tp-legend.h) with the core renderer, in the
 * board's theme (so it is dark when the board is), wrapped to the width it is given. The
 * window shows it in the header bar's Legend popover.
 */
#pragma once

#include <gtk/gtk.h>

#include "render/tp-legend.h"
#include "tp-board.h"

G_BEGIN_DECLS

#define TP_TYPE_LEGEND_VIEW (tp_legend_view_get_type ())
G_DECLARE_FINAL_TYPE (TpLegendView, tp_legend_view, TP, LEGEND_VIEW, GtkWidget)

GtkWidget *tp_legend_view_new       (void);

void       tp_legend_view_set_board (TpLegendView *self,
                                     TpBoard      *board);
TpBoard   *tp_legend_view_get_board (TpLegendView *self);

/* The legend shown, as of the last time the view was shown or its board's document
 * changed (NULL without a document). */
TpLegend  *tp_legend_view_get_legend (TpLegendView *self);

G_END_DECLS
