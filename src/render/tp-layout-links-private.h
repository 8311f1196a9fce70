/* tp-layout-links-private.h: what the parts of the links' routing share.
 *
 * tp-layout-links.c routes (ports, the way down the gutters, the band's lanes) and calls
 * the others in turn: tp-layout-links-memo.c signs what the routes depend on, so that an
 * unchanged board keeps them; tp-layout-links-obstacle.c finds the first note a line
 * meets; tp-layout-links-runs.c pulls apart the runs that share a gutter;
 * tp-layout-links-shape.c rounds the corners into cubics and places the labels' pills;
 * tp-layout-links-query.c answers the public queries on the routes.
 */
#pragma once

#include "tp-layout-private.h"

G_BEGIN_DECLS

#define TP_LINKS_MAX_DETOURS 8   /* steps aside on the way down, per link */

/* A route under construction: the corners of a polyline. */
typedef struct
{
  TpPoint  points[2 * TP_LINKS_MAX_DETOURS + 6];
  guint    n;
} TpRoute;

/* A link between its two passes: down to the band, then across it and onto its card. */
typedef struct
{
  guint      box;         /* index into the layout's link boxes */
  TpRoute    route;       /* from the note to the band's top */
  double     gutter_x;    /* where it enters the band */
  double     arrival_x;   /* where it meets its card */
  double     card_y;
  guint      rank;        /* among the links into the same card */
  guint      lane;
  double     lane_y;      /* that lane's y across the band */
} TpPendingLink;

/* A 64-bit FNV-1a, fed field by field (never a struct's padding): bytes, a double, the
 * four doubles of a rect. */
guint64            _tp_links_sign_bytes    (guint64        hash,
                                            gconstpointer  data,
                                            gsize          size);
guint64            _tp_links_sign_double   (guint64        hash,
                                            double         value);
guint64            _tp_links_sign_rect     (guint64        hash,
                                            const TpRect  *rect);

/* The 64-bit signature of everything the routes and their badges depend on. */
guint64            _tp_links_sign_inputs   (TpLayout      *layout,
                                            TpDocument    *document);

/* The topmost shown note, other than own (a note's id in the layout, or NULL), that
 * line meets; the first in block, row and column order among those as high. */
const TpNoteBox   *_tp_links_first_note    (TpLayout      *layout,
                                            const TpRect  *line,
                                            const char    *own);

/* Pulls apart runs of different links that would draw as one line: see the file.
 * Returns how many pairs of runs share a bundle, G_MAXUINT when count is FALSE. */
guint              _tp_links_separate_runs (TpLayout      *layout,
                                            GPtrArray     *pending,
                                            gboolean       count);

/* Turns every pending route into its link box's rounded path, flattened copy, bounds
 * and label pill. */
void               _tp_links_shape         (TpLayout      *layout,
                                            GPtrArray     *pending,
                                            double         band_top);

G_END_DECLS
