/* tp-layout-links-runs.c: runs of links that share a gutter, pulled apart.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs of different links along the same gutter, or the same gap between two notes,
 * would draw as one line, and a reader could not tell which of them turns where: each
 * gets a lane of its own, GUTTER_SPACING apart (wider than a line, so that two lines
 * never merge). Only GUTTER_LANES fit between two notes; where more crowd in, the bundle
 * is counted as a tangle, which makes a page show badges instead.
 *
 * A cluster of runs can hold thousands (every lane of the band is within reach of the
 * next, so the band's runs form one cluster; a gutter of a tall block carries hundreds).
 * Each run asks how near the runs it overlaps lie to each place it may take: asking each
 * of them made the routing quadratic (a 10,000-note board spent most of its export
 * here). The places a run may take are known before any is placed (its own place and
 * GUTTER_SPACING steps to either side), so the cluster's places are sorted once, and the
 * runs placed so far that still overlap are counted per place in a Fenwick tree: the
 * nearest of them on either side of a place, and how many lie within reach, cost a
 * logarithm each. The results are exactly those of asking every run.
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "tp-layout-links-private.h"

#define GUTTER_SPACING   3.0    /* between runs sharing a gutter: wider than a line */
#define GUTTER_LANES     3      /* runs side by side in a gap between two notes */
#define MAX_LANE_CHOICES 5      /* and further out where no note is in the way */

/* Drops the middle one of three points in a line, so that a run down a gutter is one
 * segment however it was built. */
static void
route_simplify (TpRoute *route)
{
  guint n = 0;

  for (guint i = 0; i < route->n; i++)
    {
      if (n >= 2)
        {
          const TpPoint *a = &route->points[n - 2], *b = &route->points[n - 1];
          const TpPoint *c = &route->points[i];

          if ((fabs (a->x - b->x) < 0.01 && fabs (b->x - c->x) < 0.01) ||
              (fabs (a->y - b->y) < 0.01 && fabs (b->y - c->y) < 0.01))
            n--;
        }
      route->points[n++] = route->points[i];
    }
  route->n = n;
}

/* A straight run of a route, between its exit from the note and its drop onto the
 * card, seen along its length: "at" is its x when vertical, its y when horizontal. */
typedef struct
{
  TpRoute *route;
  guint    segment;   /* from route->points[segment] to [segment + 1] */
  guint    box;
  double   at;
  double   from;
  double   to;
} Run;

static int
compare_runs (gconstpointer a,
              gconstpointer b)
{
  const Run *r = a, *q = b;

  if (r->at != q->at)
    return r->at < q->at ? -1 : 1;
  if (r->from != q->from)
    return r->from < q->from ? -1 : 1;
  return r->box < q->box ? -1 : r->box > q->box ? 1 : 0;
}

static int
compare_runs_along (gconstpointer a,
                    gconstpointer b)
{
  const Run *r = a, *q = b;

  if (r->from != q->from)
    return r->from < q->from ? -1 : 1;
  if (r->at != q->at)
    return r->at < q->at ? -1 : 1;
  return r->box < q->box ? -1 : r->box > q->box ? 1 : 0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* The offset of the k-th choice for a run: in place first, then either side. */
static double
lane_offset (guint k)
{
  return (k + 1) / 2 * GUTTER_SPACING * (k % 2 == 1 ? -1 : 1);
}

static void
collect_route_runs (TpRoute  *route,
                    guint     box,
                    gboolean  vertical,
                    GArray   *runs)
{
  for (guint k = 1; k + 2 < route->n; k++)
    {
      const TpPoint *a = &route->points[k], *b = &route->points[k + 1];
      double across = vertical ? fabs (a->x - b->x) : fabs (a->y - b->y);
      double along = vertical ? fabs (a->y - b->y) : fabs (a->x - b->x);

      if (across < 0.01 && along > 0.01)
        {
          Run run = { route, k, box, vertical ? a->x : a->y,
                      vertical ? MIN (a->y, b->y) : MIN (a->x, b->x),
                      vertical ? MAX (a->y, b->y) : MAX (a->x, b->x) };

          g_array_append_val (runs, run);
        }
    }
}

static void
collect_runs (GPtrArray *pending,
              gboolean   vertical,
              GArray    *runs)
{
  for (guint i = 0; i < pending->len; i++)
    {
      TpPendingLink *p = pending->pdata[i];

      collect_route_runs (&p->route, p->box, vertical, runs);
    }
}

/* The places of a cluster's runs, sorted and without repeats, and how many of the runs
 * placed so far that are still active stand at each: a Fenwick tree over the places. */
typedef struct
{
  double *places;
  guint   n;
  guint  *tree;      /* 1-based */
  guint   log;       /* the highest power of two ≤ n */
} Places;

static void
places_init (Places    *places,
             const Run *cluster,
             guint      n_runs)
{
  guint n = 0;

  places->places = g_new (double, (gsize) n_runs * MAX_LANE_CHOICES);
  for (guint k = 0; k < n_runs; k++)
    for (guint c = 0; c < MAX_LANE_CHOICES; c++)
      places->places[n++] = cluster[k].at + lane_offset (c);
  qsort (places->places, n, sizeof (double), compare_doubles);
  places->n = 0;
  for (guint i = 0; i < n; i++)
    if (places->n == 0 || places->places[places->n - 1] != places->places[i])
      places->places[places->n++] = places->places[i];
  places->tree = g_new0 (guint, places->n + 1);
  for (places->log = 1; places->log * 2 <= places->n; places->log *= 2)
    ;
}

static void
places_clear (Places *places)
{
  g_free (places->places);
  g_free (places->tree);
}

/* The index of a place, which must be one of them. */
static guint
places_find (const Places *places,
             double        at)
{
  guint lo = 0, hi = places->n;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (places->places[mid] < at)
        lo = mid + 1;
      else
        hi = mid;
    }
  g_assert (lo < places->n && places->places[lo] == at);
  return lo;
}

static void
places_add (Places *places,
            guint   index,
            int     delta)
{
  for (guint i = index + 1; i <= places->n; i += i & -i)
    places->tree[i] += delta;
}

/* How many runs stand at the first end places. */
static guint
places_count (const Places *places,
              guint         end)
{
  guint sum = 0;

  for (guint i = end; i > 0; i -= i & -i)
    sum += places->tree[i];
  return sum;
}

/* The index of the place of the rank-th run (from 1) in order of place. */
static guint
places_select (const Places *places,
               guint         rank)
{
  guint pos = 0;

  for (guint step = places->log; step > 0; step /= 2)
    if (pos + step <= places->n && places->tree[pos + step] < rank)
      {
        pos += step;
        rank -= places->tree[pos];
      }
  return pos;
}

/* How far the nearest run stands from the place at index, G_MAXDOUBLE when none does. */
static double
places_clearance (const Places *places,
                  guint         index)
{
  double at = places->places[index];
  guint below = places_count (places, index + 1);
  guint all = places_count (places, places->n);
  double clearance = G_MAXDOUBLE;

  if (below > 0)
    clearance = fabs (places->places[places_select (places, below)] - at);
  if (below < all)
    clearance = MIN (clearance, fabs (places->places[places_select (places, below + 1)] - at));
  return clearance;
}

/* How many runs stand less than reach from at: the places where that holds are one
 * span of the sorted places, found with the same comparison. */
static guint
places_count_near (const Places *places,
                   double        at,
                   double        reach)
{
  guint lo = 0, hi = places->n, first;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (places->places[mid] - at > -reach)
        hi = mid;
      else
        lo = mid + 1;
    }
  first = lo;
  hi = places->n;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (places->places[mid] - at < reach)
        lo = mid + 1;
      else
        hi = mid;
    }
  return places_count (places, lo) - places_count (places, first);
}

/* The runs placed so far that still reach along past the current one's start, as a
 * heap on where they end: runs are taken in order of their start, so one that ended
 * before it ends before every later one too and leaves for good. */
typedef struct
{
  const Run *cluster;
  guint     *heap;
  guint      n;
} Active;

static void
active_push (Active *active,
             guint   k)
{
  guint i = active->n++;

  while (i > 0 && active->cluster[active->heap[(i - 1) / 2]].to > active->cluster[k].to)
    {
      active->heap[i] = active->heap[(i - 1) / 2];
      i = (i - 1) / 2;
    }
  active->heap[i] = k;
}

static guint
active_pop (Active *active)
{
  guint top = active->heap[0], last = active->heap[--active->n], i = 0;

  for (;;)
    {
      guint child = 2 * i + 1;

      if (child >= active->n)
        break;
      if (child + 1 < active->n &&
          active->cluster[active->heap[child + 1]].to < active->cluster[active->heap[child]].to)
        child++;
      if (active->cluster[active->heap[child]].to >= active->cluster[last].to)
        break;
      active->heap[i] = active->heap[child];
      i = child;
    }
  if (active->n > 0)
    active->heap[i] = last;
  return top;
}

static int
compare_by_box (const void *a,
                const void *b,
                void       *data)
{
  const Run *cluster = data;
  guint i = *(const guint *) a, j = *(const guint *) b;

  if (cluster[i].box != cluster[j].box)
    return cluster[i].box < cluster[j].box ? -1 : 1;
  return i < j ? -1 : i > j ? 1 : 0;
}

/* Places the n runs of one cluster, sorted along it. Returns the pairs of overlapping
 * runs of different links within reach of each other. */
static guint
place_cluster (TpLayout *layout,
               Run      *cluster,
               guint     n,
               gboolean  vertical)
{
  const double reach = GUTTER_SPACING * GUTTER_LANES;
  g_autofree double *placed = g_new (double, n);
  g_autofree guint *where = g_new (guint, n);       /* placed[k]'s index in places */
  g_autofree gboolean *is_active = g_new0 (gboolean, n);
  /* The runs of each link in the cluster, together (by_box), and where each run's
   * group starts and ends there: a run's clearance is to other links' runs only. */
  g_autofree guint *by_box = g_new (guint, n);
  g_autofree guint *group_start = g_new (guint, n);
  g_autofree guint *group_end = g_new (guint, n);
  g_autofree guint *heap = g_new (guint, n);
  Active active = { cluster, heap, 0 };
  Places places;
  guint bundled = 0;

  places_init (&places, cluster, n);
  for (guint k = 0; k < n; k++)
    by_box[k] = k;
  g_qsort_with_data (by_box, n, sizeof (guint), compare_by_box, cluster);
  for (guint i = 0; i < n;)
    {
      guint end = i + 1;

      while (end < n && cluster[by_box[end]].box == cluster[by_box[i]].box)
        end++;
      for (guint g = i; g < end; g++)
        {
          group_start[by_box[g]] = i;
          group_end[by_box[g]] = end;
        }
      i = end;
    }

  for (guint k = 0; k < n; k++)
    {
      Run *run = &cluster[k];
      double best_at = run->at, best_clearance = -1;

      while (active.n > 0 && !(cluster[active.heap[0]].to > run->from + 0.01))
        {
          guint gone = active_pop (&active);

          is_active[gone] = FALSE;
          places_add (&places, where[gone], -1);
        }

      /* Its own link's runs out of the count while it looks for a place. */
      for (guint g = group_start[k]; g < group_end[k]; g++)
        if (is_active[by_box[g]])
          places_add (&places, where[by_box[g]], -1);

      for (guint c = 0; c < MAX_LANE_CHOICES; c++)
        {
          double at = run->at + lane_offset (c);
          double clearance = places_clearance (&places, places_find (&places, at));

          /* Beyond the middle lanes only where no note is in the way. */
          if (c >= GUTTER_LANES && clearance >= GUTTER_SPACING - 0.01)
            {
              TpRect line = vertical ? (TpRect) { at - 1.5, run->from, 3, run->to - run->from }
                                     : (TpRect) { run->from, at - 1.5, run->to - run->from, 3 };

              if (_tp_links_first_note (layout, &line, NULL) != NULL)
                continue;
            }
          if (clearance > best_clearance + 0.01)
            {
              best_clearance = clearance;
              best_at = at;
            }
          if (clearance >= GUTTER_SPACING - 0.01)
            break;
        }
      placed[k] = best_at;
      where[k] = places_find (&places, best_at);
      bundled += places_count_near (&places, best_at, reach);

      for (guint g = group_start[k]; g < group_end[k]; g++)
        if (is_active[by_box[g]])
          places_add (&places, where[by_box[g]], 1);
      places_add (&places, where[k], 1);
      is_active[k] = TRUE;
      active_push (&active, k);
    }

  for (guint k = 0; k < n; k++)
    {
      TpPoint *a = &cluster[k].route->points[cluster[k].segment];
      TpPoint *b = &cluster[k].route->points[cluster[k].segment + 1];

      if (vertical)
        a->x = b->x = placed[k];
      else
        a->y = b->y = placed[k];
    }

  places_clear (&places);
  return bundled;
}

/* What the last routing left, for a cluster that is as it was to take its places from
 * (old, by link box, and moved: see _tp_links_separate_runs()); changed marks the links
 * (by box) whose runs of this orientation are not as they were, and gone holds those
 * links' runs as they were, sorted by where they stood. */
typedef struct
{
  const TpLinkKept *old;
  const TpRect     *moved;
  gboolean         *changed;
  GArray           *gone;
} Kept;

static const TpRoute *
kept_before (const Kept *kept,
             guint       box,
             gboolean    vertical)
{
  return vertical ? &kept->old[box].lanes : &kept->old[box].vertical;
}

static const TpRoute *
kept_after (const Kept *kept,
            guint       box,
            gboolean    vertical)
{
  return vertical ? &kept->old[box].vertical : &kept->old[box].final;
}

static void
kept_init (Kept             *kept,
           TpLayout         *layout,
           GPtrArray        *pending,
           gboolean          vertical,
           const TpLinkKept *old,
           const TpRect     *moved)
{
  kept->old = old;
  kept->moved = moved;
  kept->changed = g_new0 (gboolean, MAX (layout->links.boxes->len, 1));
  kept->gone = g_array_new (FALSE, FALSE, sizeof (Run));
  for (guint i = 0; i < pending->len; i++)
    {
      TpPendingLink *p = pending->pdata[i];
      const TpRoute *before = kept_before (kept, p->box, vertical);

      if (_tp_links_route_equal (before, &p->route))
        continue;
      kept->changed[p->box] = TRUE;
      collect_route_runs ((TpRoute *) before, p->box, vertical, kept->gone);
    }
  g_array_sort (kept->gone, compare_runs);
}

static void
kept_clear (Kept *kept)
{
  g_free (kept->changed);
  g_array_unref (kept->gone);
}

/* Whether a cluster (sorted by where its runs stand) is the one the last routing placed:
 * none of its runs changed, no run that went was near enough to have been part of it,
 * and no note it might step into moved. Then placing it again would give the same. */
static gboolean
cluster_kept (const Kept *kept,
              const Run  *cluster,
              guint       n,
              gboolean    vertical)
{
  const double reach = GUTTER_SPACING * GUTTER_LANES;
  /* The farthest a run's line may look aside: its last choice and its width. */
  const double aside = GUTTER_SPACING * ((MAX_LANE_CHOICES + 1) / 2) + 2.5;
  double lo = cluster[0].at, hi = cluster[n - 1].at, from = G_MAXDOUBLE, to = -G_MAXDOUBLE;
  guint first = 0, end = kept->gone->len;

  for (guint k = 0; k < n; k++)
    {
      if (kept->changed[cluster[k].box])
        return FALSE;
      from = MIN (from, cluster[k].from);
      to = MAX (to, cluster[k].to);
    }

  while (first < end)
    {
      guint mid = (first + end) / 2;

      if (g_array_index (kept->gone, Run, mid).at <= lo - reach - 1)
        first = mid + 1;
      else
        end = mid;
    }
  if (first < kept->gone->len && g_array_index (kept->gone, Run, first).at < hi + reach + 1)
    return FALSE;

  if (kept->moved != NULL)
    {
      TpRect area = vertical ? (TpRect) { lo - aside, from - 1, hi - lo + 2 * aside, to - from + 2 }
                             : (TpRect) { from - 1, lo - aside, to - from + 2, hi - lo + 2 * aside };

      if (tp_rect_intersects (&area, kept->moved))
        return FALSE;
    }
  return TRUE;
}

/* Pulls apart the runs of one orientation. Runs of different links close enough to read
 * as one line (within GUTTER_LANES lanes of each other) form a cluster; each run, in
 * order along the cluster, takes the first place (in place, then GUTTER_SPACING to
 * either side, up to GUTTER_LANES places) at least GUTTER_SPACING from every run of
 * another link it overlaps. A run that finds none keeps the best it found and counts
 * as shared. Returns the pairs of overlapping runs in a cluster (links that run in one
 * bundle); a cluster kept as it was (kept not NULL) is not counted. */
static guint
separate_orientation (TpLayout   *layout,
                      GPtrArray  *pending,
                      gboolean    vertical,
                      const Kept *kept)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (Run));
  const double reach = GUTTER_SPACING * GUTTER_LANES;
  guint bundled = 0;

  collect_runs (pending, vertical, runs);
  g_array_sort (runs, compare_runs);

  for (guint i = 0; i < runs->len;)
    {
      guint end = i + 1;

      while (end < runs->len &&
             g_array_index (runs, Run, end).at - g_array_index (runs, Run, end - 1).at < reach)
        end++;
      if (end - i > 1)
        {
          Run *cluster = &g_array_index (runs, Run, i);

          if (kept != NULL && cluster_kept (kept, cluster, end - i, vertical))
            for (guint k = 0; k < end - i; k++)
              {
                const TpRoute *was = kept_after (kept, cluster[k].box, vertical);
                TpPoint *a = &cluster[k].route->points[cluster[k].segment];
                TpPoint *b = &cluster[k].route->points[cluster[k].segment + 1];

                if (vertical)
                  a->x = b->x = was->points[cluster[k].segment].x;
                else
                  a->y = b->y = was->points[cluster[k].segment].y;
              }
          else
            {
              qsort (cluster, end - i, sizeof (Run), compare_runs_along);
              bundled += place_cluster (layout, cluster, end - i, vertical);
            }
        }
      i = end;
    }

  return bundled;
}

static guint
separate_kept (TpLayout         *layout,
               GPtrArray        *pending,
               gboolean          vertical,
               const TpLinkKept *old,
               const TpRect     *moved)
{
  Kept kept;
  guint bundled;

  if (old == NULL)
    return separate_orientation (layout, pending, vertical, NULL);
  kept_init (&kept, layout, pending, vertical, old, moved);
  bundled = separate_orientation (layout, pending, vertical, &kept);
  kept_clear (&kept);
  return bundled;
}

guint
_tp_links_separate_runs (TpLayout         *layout,
                         GPtrArray        *pending,
                         gboolean          count,
                         const TpLinkKept *old,
                         const TpRect     *moved,
                         TpLinkKept       *next)
{
  guint vertical, horizontal;

  g_return_val_if_fail (old == NULL || !count, G_MAXUINT);

  for (guint i = 0; i < pending->len; i++)
    {
      TpPendingLink *p = pending->pdata[i];

      route_simplify (&p->route);
      next[p->box].lanes = p->route;
    }
  vertical = separate_kept (layout, pending, TRUE, old, moved);
  for (guint i = 0; i < pending->len; i++)
    {
      TpPendingLink *p = pending->pdata[i];

      next[p->box].vertical = p->route;
    }
  horizontal = separate_kept (layout, pending, FALSE, old, moved);
  return count ? vertical + horizontal : G_MAXUINT;
}
