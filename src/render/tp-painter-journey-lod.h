/* tp-painter-journey-lod.h: the journey painted from its layout alone where a
 * touchpoint's column is a few device pixels (tp-painter-journey-lod.c) */
#pragma once

#include "tp-painter-private.h"

G_BEGIN_DECLS

/* Plain rectangles gathered by layer and colour, filled once each (a TpPaintBatch's
 * layers), for shapes a pixel or less across. */
typedef struct _TpTinyBatch TpTinyBatch;

TpTinyBatch *_tp_tiny_batch_new   (void);
void         _tp_tiny_batch_free  (TpTinyBatch *batch);
/* Fills the rectangles gathered since the last flush on cr, under the transformation
 * they were given in, layer by layer. */
void         _tp_tiny_batch_flush (TpTinyBatch *batch,
                                   cairo_t     *cr);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpTinyBatch, _tp_tiny_batch_free)

/* Whether the journey's columns are that narrow on cr: only on the screen's raster. */
gboolean  _tp_journey_is_tiny          (cairo_t        *cr,
                                        TpLayout       *layout);
/* The touchpoints of ids (as tp_layout_query_touchpoints() gives them) that meet clip,
 * as rectangles gathered by colour: no text measured or shaped. */
void      _tp_journey_paint_tiny       (cairo_t        *cr,
                                        TpLayout       *layout,
                                        GPtrArray      *ids,
                                        const TpRect   *clip);
/* An emotion marker as its ring and face, squares of the discs' areas, added to batch. */
void      _tp_journey_add_tiny_marker  (TpTinyBatch    *batch,
                                        const TpTheme  *theme,
                                        double          cx,
                                        double          cy,
                                        double          r,
                                        double          emotion,
                                        const TpColour *ring);

G_END_DECLS
