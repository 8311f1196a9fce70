/* tp-painter-private.h: what the painter's files share. */
#pragma once

#include "tp-painter.h"
#include "tp-layout-private.h"

G_BEGIN_DECLS

/* Strokes a block's line icon into rect (drawn on a 20-unit grid, scaled to fit). */
void  _tp_paint_icon  (cairo_t        *cr,
                       TpContainer     container,
                       const TpRect   *rect,
                       const TpColour *colour,
                       double          line_width);

/* Paints the journey region's part that meets clip (tp-painter-journey.c). */
void  _tp_paint_journey (cairo_t              *cr,
                         TpLayout             *layout,
                         TpDocument           *document,
                         const TpRect         *clip,
                         const TpPaintOptions *options);

G_END_DECLS
