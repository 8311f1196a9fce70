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

/* Paints the links whose curves meet clip, under nothing but above the panels: the
 * curves pass beneath notes, stage headers and cards, whose text they never cross
 * (tp-painter-links.c). */
void    _tp_paint_links  (cairo_t              *cr,
                          TpLayout             *layout,
                          const TpRect         *clip);

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

/* A note's evidence glyph, TP_LAYOUT_FOOTER_HEIGHT square at (x, y), and its dot votes
 * ending at right, as a note's footer shows them (tp-painter.c). */
void  _tp_paint_evidence (cairo_t        *cr,
                          TpEvidence      evidence,
                          double          x,
                          double          y,
                          const TpColour *colour,
                          const TpColour *background);
void  _tp_paint_votes    (cairo_t        *cr,
                          TpLayout       *layout,
                          guint           votes,
                          double          right,
                          double          y,
                          const TpColour *colour);

/* The moment-of-truth star as a new sub-path, and an emotion marker with its face, as
 * the journey draws them (tp-painter-journey.c). */
void  _tp_paint_star        (cairo_t        *cr,
                             double          cx,
                             double          cy,
                             double          radius);
void  _tp_paint_face_marker (cairo_t        *cr,
                             const TpTheme  *theme,
                             double          cx,
                             double          cy,
                             double          r,
                             double          emotion,
                             const TpColour *ring);

G_END_DECLS
