/* tp-painter-private.h: what the painter's files share. */
#pragma once

#include "tp-painter.h"
#include "tp-layout-private.h"

G_BEGIN_DECLS

/* A rect's outline with rounded corners, as a new sub-path. */
void    _tp_rounded_rect (cairo_t      *cr,
                          const TpRect *rect,
                          double        radius);
/* Shows a laid-out text at the current point, or, while an SVG export records text
 * (tp-svg-text.h), hands it over to be written as text. Every text goes through here. */
void    _tp_paint_layout (cairo_t      *cr,
                          PangoLayout  *layout);
/* rect shrunk by d on every side. */
TpRect  _tp_rect_inset   (const TpRect *rect,
                          double        d);

/* Paints the links whose curves or badges meet clip, under nothing but above the
 * panels, as options->link_mode says: the curves pass beneath notes, stage headers and
 * cards, whose text they never cross (tp-painter-links.c). */
void    _tp_paint_links  (cairo_t              *cr,
                          TpLayout             *layout,
                          const TpRect         *clip,
                          const TpPaintOptions *options);


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
