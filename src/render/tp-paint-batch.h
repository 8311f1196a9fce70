/* tp-paint-batch.h: shapes of one colour gathered into one path, filled or stroked once
 *
 * A PDF or SVG page is recorded whole by cairo 1.16 before it is written, at about a
 * kilobyte per drawing operation whatever the shape (bench/README.md, "Memory"), so a
 * journey of 50,000 cards painted a fill per panel, band, edge, bar and star kept most
 * of a gigabyte. A batch collects the shapes of a run of cards by layer and colour and
 * sends each layer's colours as one fill or stroke: the run's shapes cost a few
 * operations instead of a few per card.
 *
 * A painter that batches goes over its run twice: once with the batch collecting
 * (its shapes go to the batch, its text is skipped), then _tp_paint_batch_flush() paints
 * the shapes and switches to the text pass (shapes are dropped, text is drawn), so every
 * text still lies over every shape. Shapes of one layer must not overlap with another
 * colour of the same layer; within a layer, colours are painted in the order first used.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "tp-layout.h"

G_BEGIN_DECLS

/* Layers, painted in this order: under before over. */
typedef enum
{
  TP_BATCH_SHADOW_FAR,
  TP_BATCH_SHADOW_NEAR,
  TP_BATCH_PANEL,
  TP_BATCH_FACE,
  TP_BATCH_BAND,
  TP_BATCH_ACCENT,
  TP_BATCH_EDGE,
  TP_BATCH_STAR,
  TP_BATCH_TRACK,
  TP_BATCH_BAR,
  TP_BATCH_TAG_FILL,
  TP_BATCH_TAG_EDGE,
  TP_BATCH_TAG_DOT,
  TP_BATCH_TILE,
  TP_BATCH_MARKER_RING,
  TP_BATCH_MARKER_FACE,
  TP_BATCH_MARKER_EYES,
  TP_BATCH_MARKER_MOUTH,
  TP_BATCH_MARKER_HALO,
  TP_BATCH_MARKER_STAR,
  TP_BATCH_MARK,
  TP_BATCH_MARK_CHECK,
  TP_BATCH_PORT,
  TP_BATCH_PILL,
  TP_BATCH_PILL_EDGE,
  TP_BATCH_BADGE_RING,
  TP_BATCH_BADGE,
  TP_N_BATCH_LAYERS
} TpBatchLayer;

/* How many cards or markers a run holds: enough that a run's few dozen fills cost next to
 * nothing a card, few enough that the text shaped while measuring its shapes is still in
 * the layout's cache (4,096 texts) when its text pass draws it. */
#define TP_PAINT_BATCH_RUN 128

typedef struct _TpPaintBatch TpPaintBatch;

/* A batch for painting on cr: the shapes are kept in cr's user space as it is now, and
 * must be flushed onto cr under the same transformation. */
TpPaintBatch *_tp_paint_batch_new   (cairo_t        *cr);
void          _tp_paint_batch_free  (TpPaintBatch   *batch);
/* Starts the shape pass of a run. */
void          _tp_paint_batch_begin (TpPaintBatch   *batch);
/* Whether this is the text pass, where text is drawn and shapes are dropped. */
gboolean      _tp_paint_batch_texts (TpPaintBatch   *batch);
/* A context to add a shape's sub-paths to (each starting with a new sub-path or a move),
 * filled with colour at alpha times its own alpha; or stroked line_width wide with cap. */
cairo_t      *_tp_paint_batch_fill   (TpPaintBatch     *batch,
                                      TpBatchLayer      layer,
                                      const TpColour   *colour,
                                      double            alpha);
cairo_t      *_tp_paint_batch_stroke (TpPaintBatch     *batch,
                                      TpBatchLayer      layer,
                                      const TpColour   *colour,
                                      double            alpha,
                                      double            line_width,
                                      cairo_line_cap_t  cap);
/* A stroke as _tp_paint_batch_stroke() with a join and a dash of on, off (0, 0 for
 * none), both in the units of the batch's transformation: cairo restarts a dash at each
 * sub-path, so dashed shapes batched look as they did stroked one by one. */
cairo_t      *_tp_paint_batch_stroke_styled (TpPaintBatch      *batch,
                                             TpBatchLayer       layer,
                                             const TpColour    *colour,
                                             double             alpha,
                                             double             line_width,
                                             cairo_line_cap_t   cap,
                                             cairo_line_join_t  join,
                                             double             dash_on,
                                             double             dash_off);
/* Adds rect with its corners rounded by radius (at most half its shorter side) to the
 * layer's shapes of an opaque colour: the same shape as tp_paint_rounded_rect() filled,
 * drawn as the rect inset by radius, filled, and stroked 2 radius wide with round joins
 * and caps (a pill is its middle line stroked, a disc its centre). A PDF or SVG page
 * writes four arcs and four lines a rect (34 numbers) as a rectangle (8) or a segment
 * (4), and the fill and the stroke of one path as one operator. scale is the current
 * shape space's against the batch's (_tp_paint_batch_follow()), for the stroke's width.
 * A rect (not a pill or a disc) of a colour that is not opaque is filled as
 * tp_paint_rounded_rect() draws it: the stroke and the fill would cover each other twice. */
void          _tp_paint_batch_rounded_rect (TpPaintBatch   *batch,
                                            TpBatchLayer    layer,
                                            const TpColour *colour,
                                            double          alpha,
                                            const TpRect   *rect,
                                            double          radius,
                                            double          scale);
/* A disc of radius around (cx, cy), as _tp_paint_batch_rounded_rect() draws it: its
 * centre stroked with a round cap, 4 numbers on a page instead of 14. */
void          _tp_paint_batch_disc         (TpPaintBatch   *batch,
                                            TpBatchLayer    layer,
                                            const TpColour *colour,
                                            double          alpha,
                                            double          cx,
                                            double          cy,
                                            double          radius,
                                            double          scale);
/* Shapes added from now on are in cr's user space as it is now (a note scaled into its
 * place), instead of the space the batch was made in; they are still flushed in the
 * latter, so line widths and dashes stay in its units. */
void          _tp_paint_batch_follow (TpPaintBatch     *batch,
                                      cairo_t          *cr);
/* Paints the shapes gathered since _tp_paint_batch_begin() on cr, a fill or stroke per
 * layer and colour, and starts the text pass. */
void          _tp_paint_batch_flush  (TpPaintBatch     *batch,
                                      cairo_t          *cr);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpPaintBatch, _tp_paint_batch_free)

G_END_DECLS
