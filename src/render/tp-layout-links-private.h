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

/* What a routing made of one link, kept for the next (tp-layout-links-keep.c): a link
 * whose route comes out of the first pass and the band as before, in a board where only
 * notes moved, keeps what the runs' separation and the shaping made of it, unless a run
 * it shares a gutter with changed. */
typedef struct
{
  TpRoute  lanes;      /* across the band in its lane, before the runs were pulled apart */
  TpRoute  vertical;   /* after its runs down the gutters were */
  TpRoute  final;      /* after its runs across were too */
  double   gutter_x;
  double   arrival_x;
  double   lane_y;
  guint    first_point;  /* its path and flattened path, in the routing's arrays */
  guint    n_points;
  guint    first_flat;
  guint    n_flat;
  TpRect   pill;       /* its label's pill as placed on its run, before the badges */
  TpRect   base;       /* the bounds of its path and pill, before the badges */
  TpRect   note;       /* its note's rect and text rect, which its badge keeps to */
  TpRect   text;
} TpLinkKept;

/* Whether a shown note moved since the last routing, and the rect holding every one
 * that did where it was and where it is; where they stand now, kept for the next. */
gboolean           _tp_links_keep_moved    (TpLayout      *layout,
                                            TpRect        *moved);
void               _tp_links_keep_note_rects (TpLayout    *layout);
/* Whether the note a link leaves moved or its text did, both written to now. */
gboolean           _tp_links_keep_note     (TpLayout         *layout,
                                            const TpLinkBox  *box,
                                            const TpLinkKept *was,
                                            TpLinkKept       *now);

/* Two routes alike, point for point. */
gboolean           _tp_links_route_equal   (const TpRoute *a,
                                            const TpRoute *b);

/* A 64-bit FNV-1a, fed field by field (never a struct's padding): bytes, a double, the
 * four doubles of a rect. */
guint64            _tp_links_sign_bytes    (guint64        hash,
                                            gconstpointer  data,
                                            gsize          size);
guint64            _tp_links_sign_double   (guint64        hash,
                                            double         value);
guint64            _tp_links_sign_rect     (guint64        hash,
                                            const TpRect  *rect);

/* The 64-bit signature of everything the routes and their badges depend on; and in
 * frame, of all of that but where the shown notes stand (their rects, text widths and
 * their blocks' rows). */
guint64            _tp_links_sign_inputs   (TpLayout      *layout,
                                            TpDocument    *document,
                                            guint64       *frame);

/* The topmost shown note, other than own (a note's id in the layout, or NULL), that
 * line meets; the first in block, row and column order among those as high. */
const TpNoteBox   *_tp_links_first_note    (TpLayout      *layout,
                                            const TpRect  *line,
                                            const char    *own);

/* Pulls apart runs of different links that would draw as one line: see the file.
 * Returns how many pairs of runs share a bundle, G_MAXUINT when count is FALSE. Each
 * link's route before, between and after is written to next (by link box). With old
 * (the last routing's, by link box; count must be FALSE), a group of runs that is as it
 * was, none of its notes in moved, takes its places from old. */
guint              _tp_links_separate_runs (TpLayout         *layout,
                                            GPtrArray        *pending,
                                            gboolean          count,
                                            const TpLinkKept *old,
                                            const TpRect     *moved,
                                            TpLinkKept       *next);

/* Turns every pending route into its link box's rounded path, flattened copy, bounds
 * and label pill, and writes them to next (by link box). With old (the last routing's,
 * by link box, with the arrays its paths are in), a link whose route is as it was keeps
 * its path, and every link its pill. */
void               _tp_links_shape         (TpLayout         *layout,
                                            GPtrArray        *pending,
                                            double            band_top,
                                            const TpLinkKept *old,
                                            GArray           *old_points,
                                            GArray           *old_flat,
                                            TpLinkKept       *next);

G_END_DECLS
