/* tp-layout-links.c: routing the links between notes and touchpoints.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A straight curve from a note to a card would cut through every note below it and
 * turn twenty links into spaghetti. Instead a link behaves like a line on a metro map:
 * it leaves its note at a port on the note's bottom edge (the links of one note side by
 * side), steps into the gutter beside the note unless nothing lies below it, runs down
 * the gutters (stepping aside above any note in its way), crosses the band between the
 * upper regions and the journey in a lane of its own, and drops onto a port on the top
 * of its card. Lanes are ordered to cross as little as possible, links into one card
 * arrive side by side, runs that would share a gutter are pulled apart into lanes of
 * their own (GUTTER_SPACING), and every corner is rounded into a smooth arc.
 *
 * Every link also gets a number and a badge at each end (tp-layout-link-badges.c): the
 * painter shows those instead of the curves where the curves would tangle.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tp-layout-private.h"

#define LANE_SPACING     5.0    /* between neighbouring lanes of the band */
#define BAND_PAD         18.0   /* above the first lane and below the last */
#define MAX_LANES        40     /* more links share lanes rather than push the journey away */
#define CORNER_RADIUS    18.0
#define GAP_CORNER_RADIUS 2.0   /* between notes, where a run may pass 1 unit from a note */
#define ARRIVAL_SPACING  9.0    /* between links arriving at one card */
#define MAX_DETOURS      8      /* steps aside on the way down, per link */
#define FLAT_STEPS       8      /* line segments per cubic, for hit-testing */
#define ORDER_TRIALS_MAX 400    /* links beyond this keep the first lane order tried */
#define PILL_PAD_X       7.0
#define PILL_PAD_Y       2.0
#define PORT_SPACING     16.0   /* between the ports of links leaving one note */
#define GUTTER_SPACING   3.0    /* between runs sharing a gutter: wider than a line */
#define GUTTER_LANES     3      /* runs side by side in a gap between two notes */
#define MAX_LANE_CHOICES 5      /* and further out where no note is in the way */

static guint n_routed;

guint
_tp_links_count_routed (void)
{
  return n_routed;
}

void
_tp_links_init (TpLinks *links)
{
  links->boxes = g_array_new (FALSE, TRUE, sizeof (TpLinkBox));
  links->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  links->points = g_array_new (FALSE, FALSE, sizeof (TpPoint));
  links->flat = g_array_new (FALSE, FALSE, sizeof (TpPoint));
  links->ids = g_string_chunk_new (4096);
  links->measures = g_ptr_array_new ();
}

void
_tp_links_clear (TpLinks *links)
{
  g_clear_pointer (&links->boxes, g_array_unref);
  g_clear_pointer (&links->by_id, g_hash_table_unref);
  g_clear_pointer (&links->points, g_array_unref);
  g_clear_pointer (&links->flat, g_array_unref);
  g_clear_pointer (&links->ids, g_string_chunk_free);
  g_clear_pointer (&links->measures, g_ptr_array_unref);
}

/* A 64-bit FNV-1a over what routing reads, field by field (never a struct's padding). */
static guint64
sign_bytes (guint64       hash,
            gconstpointer data,
            gsize         size)
{
  const guchar *bytes = data;

  for (gsize i = 0; i < size; i++)
    hash = (hash ^ bytes[i]) * 0x100000001b3ull;
  return hash;
}

static guint64
sign_string (guint64     hash,
             const char *text)
{
  /* With its terminating zero, so that "ab" + "c" and "a" + "bc" differ. */
  return sign_bytes (hash, text != NULL ? text : "", text != NULL ? strlen (text) + 1 : 1);
}

static guint64
sign_double (guint64 hash,
             double  value)
{
  return sign_bytes (hash, &value, sizeof value);
}

static guint64
sign_rect (guint64       hash,
           const TpRect *rect)
{
  hash = sign_double (hash, rect->x);
  hash = sign_double (hash, rect->y);
  hash = sign_double (hash, rect->width);
  return sign_double (hash, rect->height);
}

static guint64
sign_uint (guint64 hash,
           guint   value)
{
  return sign_bytes (hash, &value, sizeof value);
}

/* Everything the routes and their badges depend on: the links, every note they may
 * start from or step around (with the text rect the badges keep clear of), the blocks'
 * "+N more" badges, the cards with their names and stars, the regions above the band,
 * and the theme. An edit that moves none of these (a note's text that keeps its height,
 * a touchpoint's action, a vote on a card) keeps every route. */
static guint64
sign_inputs (TpLayout   *layout,
             TpDocument *document)
{
  GPtrArray *doc_links = tp_document_get_links (document);
  TpJourney *journey = &layout->journey;
  guint64 hash = 0xcbf29ce484222325ull;

  hash = sign_bytes (hash, &layout->theme, sizeof layout->theme);
  hash = sign_double (hash, layout->links.band_height);
  hash = sign_rect (hash, &layout->regions[TP_REGION_CANVAS]);
  hash = sign_rect (hash, &layout->regions[TP_REGION_VALUE_CHAIN]);

  hash = sign_uint (hash, doc_links->len);
  for (guint i = 0; i < doc_links->len; i++)
    {
      const TpLink *link = g_ptr_array_index (doc_links, i);

      hash = sign_string (hash, link->item.id);
      hash = sign_string (hash, link->note);
      hash = sign_string (hash, link->touchpoint);
      hash = sign_string (hash, link->label);
    }

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      const TpBlock *block = &layout->blocks[c];

      hash = sign_rect (hash, &block->info.rect);
      hash = sign_rect (hash, &block->info.more);
      hash = sign_uint (hash, block->rows != NULL ? block->rows->len : 0);
      for (guint r = 0; block->rows != NULL && r < block->rows->len; r++)
        {
          const TpRow *row = &g_array_index (block->rows, TpRow, r);

          hash = sign_double (hash, row->y);
          hash = sign_double (hash, row->height);
          hash = sign_uint (hash, row->first);
          hash = sign_uint (hash, row->n);
        }
    }

  hash = sign_uint (hash, layout->boxes->len);
  for (guint i = 0; i < layout->boxes->len; i++)
    {
      const TpNoteBox *box = _tp_layout_box (layout, i);

      hash = sign_string (hash, box->id);
      hash = sign_uint (hash, box->container);
      hash = sign_uint (hash, box->visible);
      /* A hidden note's rect is whatever a trial left there: the routes take its
       * block's "+N more" badge instead. */
      if (!box->visible)
        continue;
      hash = sign_rect (hash, &box->rect);
      hash = sign_double (hash, box->scale);
      hash = sign_double (hash, box->text_width);
      hash = sign_uint (hash, box->marks_inline);
    }

  hash = sign_uint (hash, journey->touchpoints->len);
  for (guint i = 0; i < journey->touchpoints->len; i++)
    {
      const TpTouchpointBox *box = _tp_journey_touchpoint (layout, i);

      hash = sign_string (hash, box->id);
      hash = sign_uint (hash, _tp_journey_stage (layout, box->stage)->info.tint);
      hash = sign_rect (hash, &box->info.card);
      hash = sign_rect (hash, &box->info.star);
      hash = sign_rect (hash, &box->info.name);
    }

  return hash;
}

static guint
count_lanes (guint n_links)
{
  return MIN (n_links, MAX_LANES);
}

double
_tp_layout_measure_link_band (TpLayout   *layout,
                              TpDocument *document)
{
  guint lanes = count_lanes (tp_document_get_links (document)->len);
  double needed = lanes == 0 ? 0 : 2 * BAND_PAD + (lanes - 1) * LANE_SPACING;

  layout->links.band_height = MAX (layout->theme->region_gap, needed);
  return layout->links.band_height;
}

/* A route under construction: the corners of a polyline. */
typedef struct
{
  TpPoint  points[2 * MAX_DETOURS + 6];
  guint    n;
} Route;

static void
route_add (Route  *route,
           double  x,
           double  y)
{
  if (route->n > 0)
    {
      TpPoint *last = &route->points[route->n - 1];

      if (fabs (last->x - x) < 0.01 && fabs (last->y - y) < 0.01)
        return;
    }
  g_return_if_fail (route->n < G_N_ELEMENTS (route->points));
  route->points[route->n++] = (TpPoint) { x, y };
}

/* The topmost shown note, other than the link's own, that a vertical line at x from y0
 * to y1 would cut through. */
static const TpNoteBox *
first_obstacle (TpLayout   *layout,
                const char *own,
                double      x,
                double      y0,
                double      y1,
                GPtrArray  *scratch)
{
  TpRect line = { x - 1, y0, 2, y1 - y0 };
  const TpNoteBox *best = NULL;

  if (line.height <= 0)
    return NULL;

  g_ptr_array_set_size (scratch, 0);
  tp_layout_query_notes (layout, &line, scratch);
  for (guint i = 0; i < scratch->len; i++)
    {
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (layout->by_id,
                                                           scratch->pdata[i]));
      const TpNoteBox *box = _tp_layout_box (layout, index - 1);

      if (box->id == own)
        continue;
      if (best == NULL || box->rect.y < best->rect.y)
        best = box;
    }
  return best;
}

static guint
get_load (GHashTable *load,
          double      x)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (load, GINT_TO_POINTER ((int) round (x))));
}

/* Counts a committed route's runs down the gutters, for descend() to spread the next:
 * those so far, and the one from its last point down to the band. */
static void
add_load (GHashTable  *load,
          const Route *route)
{
  const TpPoint *last = &route->points[route->n - 1];

  g_hash_table_insert (load, GINT_TO_POINTER ((int) round (last->x)),
                       GUINT_TO_POINTER (get_load (load, last->x) + 1));
  for (guint i = 1; i + 1 < route->n; i++)
    if (fabs (route->points[i].x - route->points[i + 1].x) < 0.01 &&
        route->points[i + 1].y > route->points[i].y + 0.01)
      {
        gpointer key = GINT_TO_POINTER ((int) round (route->points[i].x));

        g_hash_table_insert (load, key, GUINT_TO_POINTER (get_load (load, route->points[i].x) + 1));
      }
}

/* Walks down from (x, y) to the band, stepping aside above each note in the way into
 * the nearer gutter beside it. Returns how many notes it could not avoid (a step aside
 * that leads into another note gives up and cuts through). */
static guint
descend (TpLayout   *layout,
         const char *own,
         double      x,
         double      y,
         double      band_top,
         Route      *route,
         double     *x_out,
         GPtrArray  *scratch,
         GHashTable *load)
{
  double gap = layout->theme->note_gap;
  guint crossed = 0;

  for (guint step = 0; step < MAX_DETOURS; step++)
    {
      const TpNoteBox *obstacle = first_obstacle (layout, own, x, y, band_top, scratch);
      double left, right, aside, jog_y;

      if (obstacle == NULL)
        break;

      left = obstacle->rect.x - gap / 2;
      right = obstacle->rect.x + obstacle->rect.width + gap / 2;
      aside = fabs (left - x) <= fabs (right - x) ? left : right;
      /* A gutter holds GUTTER_LANES runs side by side: past that, the far side of the
       * note, if it is emptier, keeps the links apart. */
      {
        double other = aside == left ? right : left;

        if (get_load (load, aside) >= GUTTER_LANES && get_load (load, other) < get_load (load, aside))
          aside = other;
      }
      jog_y = obstacle->rect.y - gap / 2;
      if (jog_y <= y)
        {
          /* Already beside it (a note taller than the gutter's start): cut through. */
          crossed++;
          y = obstacle->rect.y + obstacle->rect.height;
          continue;
        }
      if (route != NULL)
        {
          /* Square steps, not slanted ones: slanted steps of neighbouring runs would
           * lie almost on top of each other however far apart the runs are. */
          route_add (route, x, jog_y);
          route_add (route, aside, jog_y);
        }
      x = aside;
      y = jog_y;
    }

  if (first_obstacle (layout, own, x, y, band_top, scratch) != NULL)
    crossed++;
  *x_out = x;
  return crossed;
}

/* Where the link leaves its note: the rect it starts from. */
static gboolean
get_source_rect (TpLayout   *layout,
                 const char *note,
                 TpRect     *rect,
                 const char **own)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (layout->by_id, note));
  const TpNoteBox *box;
  const TpContainerInfo *info;

  if (index == 0)
    return FALSE;

  box = _tp_layout_box (layout, index - 1);
  *own = box->id;
  if (box->visible)
    {
      *rect = box->rect;
      return TRUE;
    }

  /* Behind "+N more": the badge stands for the notes it hides. */
  info = &layout->blocks[box->container].info;
  *rect = tp_rect_is_empty (&info->more) ? info->rect : info->more;
  return TRUE;
}

typedef struct
{
  guint      box;         /* index into the layout's link boxes */
  Route      route;       /* from the note to the band's top */
  double     gutter_x;    /* where it enters the band */
  double     arrival_x;   /* where it meets its card */
  double     card_y;
  guint      rank;        /* among the links into the same card */
  guint      lane;
} Pending;

/* How many crossings putting a above b in the band costs. A link enters the band from
 * above at its gutter and leaves it downwards at its card, so the upper one's exit cuts
 * the lower one's run, and the lower one's entry cuts the upper one's run. */
static guint
crossings (const Pending *upper,
           const Pending *lower)
{
  double ulo = MIN (upper->gutter_x, upper->arrival_x);
  double uhi = MAX (upper->gutter_x, upper->arrival_x);
  double llo = MIN (lower->gutter_x, lower->arrival_x);
  double lhi = MAX (lower->gutter_x, lower->arrival_x);
  guint n = 0;

  if (upper->arrival_x > llo && upper->arrival_x < lhi)
    n++;
  if (lower->gutter_x > ulo && lower->gutter_x < uhi)
    n++;
  return n;
}

typedef enum {
  ORDER_GUTTER,
  ORDER_GUTTER_REVERSED,
  ORDER_ARRIVAL,
  ORDER_ARRIVAL_REVERSED,
  ORDER_SHORT_FIRST,
  ORDER_LONG_FIRST,
  N_ORDERS
} Order;

static int
compare_pending (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  const Pending *p = *(const Pending * const *) a;
  const Pending *q = *(const Pending * const *) b;
  Order order = GPOINTER_TO_INT (data);
  double kp, kq;

  switch (order)
    {
    case ORDER_GUTTER:
    case ORDER_GUTTER_REVERSED:
      kp = p->gutter_x;
      kq = q->gutter_x;
      break;
    case ORDER_ARRIVAL:
    case ORDER_ARRIVAL_REVERSED:
      kp = p->arrival_x;
      kq = q->arrival_x;
      break;
    case ORDER_SHORT_FIRST:
    case ORDER_LONG_FIRST:
    case N_ORDERS:
    default:
      kp = fabs (p->gutter_x - p->arrival_x);
      kq = fabs (q->gutter_x - q->arrival_x);
      break;
    }
  if (order == ORDER_GUTTER_REVERSED || order == ORDER_ARRIVAL_REVERSED ||
      order == ORDER_LONG_FIRST)
    {
      double t = kp;

      kp = kq;
      kq = t;
    }
  if (kp != kq)
    return kp < kq ? -1 : 1;
  /* Stable and deterministic: document order breaks ties. */
  return p->box < q->box ? -1 : p->box > q->box ? 1 : 0;
}

/* Gives every link a lane, trying a few orders and keeping the one that crosses least.
 * Returns how many crossings that order has, G_MAXUINT when there were too many links
 * to try. */
static guint
assign_lanes (GPtrArray *pending)
{
  g_autoptr(GPtrArray) best = NULL;
  guint best_cost = G_MAXUINT;
  guint n_orders = pending->len <= ORDER_TRIALS_MAX ? N_ORDERS : 1;
  guint lanes = count_lanes (pending->len);

  for (guint o = 0; o < n_orders; o++)
    {
      g_autoptr(GPtrArray) order = g_ptr_array_copy (pending, NULL, NULL);
      guint cost = 0;

      /* A copy inherits the free function: these only borrow the entries. */
      g_ptr_array_set_free_func (order, NULL);
      g_ptr_array_sort_with_data (order, compare_pending, GINT_TO_POINTER (o));
      if (n_orders > 1)
        for (guint i = 0; i < order->len && cost < best_cost; i++)
          for (guint j = i + 1; j < order->len; j++)
            cost += crossings (order->pdata[i], order->pdata[j]);
      if (cost < best_cost)
        {
          best_cost = cost;
          g_clear_pointer (&best, g_ptr_array_unref);
          best = g_steal_pointer (&order);
        }
    }

  for (guint i = 0; i < best->len; i++)
    ((Pending *) best->pdata[i])->lane = i % MAX (lanes, 1);
  return n_orders > 1 && lanes == pending->len ? best_cost : G_MAXUINT;
}

/* Drops the middle one of three points in a line, so that a run down a gutter is one
 * segment however it was built. */
static void
route_simplify (Route *route)
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
  Route   *route;
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

/* The offset of the k-th choice for a run: in place first, then either side. */
static double
lane_offset (guint k)
{
  return (k + 1) / 2 * GUTTER_SPACING * (k % 2 == 1 ? -1 : 1);
}

static void
collect_runs (GPtrArray *pending,
              gboolean   vertical,
              GArray    *runs)
{
  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = pending->pdata[i];
      Route *route = &p->route;

      for (guint k = 1; k + 2 < route->n; k++)
        {
          const TpPoint *a = &route->points[k], *b = &route->points[k + 1];
          double across = vertical ? fabs (a->x - b->x) : fabs (a->y - b->y);
          double along = vertical ? fabs (a->y - b->y) : fabs (a->x - b->x);

          if (across < 0.01 && along > 0.01)
            {
              Run run = { route, k, p->box, vertical ? a->x : a->y,
                          vertical ? MIN (a->y, b->y) : MIN (a->x, b->x),
                          vertical ? MAX (a->y, b->y) : MAX (a->x, b->x) };

              g_array_append_val (runs, run);
            }
        }
    }
}

/* Pulls apart the runs of one orientation. Runs of different links close enough to read
 * as one line (within GUTTER_LANES lanes of each other) form a cluster; each run, in
 * order along the cluster, takes the first place (in place, then GUTTER_SPACING to
 * either side, up to GUTTER_LANES places) at least GUTTER_SPACING from every run of
 * another link it overlaps. A run that finds none keeps the best it found and counts
 * as shared. Returns the pairs of overlapping runs in a cluster (links that run in one
 * bundle), or G_MAXUINT when count is FALSE. */
static guint
separate_orientation (TpLayout  *layout,
                      GPtrArray *pending,
                      gboolean   vertical,
                      gboolean   count,
                      GPtrArray *scratch)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (Run));
  const double reach = GUTTER_SPACING * GUTTER_LANES;
  guint bundled = 0;

  collect_runs (pending, vertical, runs);
  g_array_sort (runs, compare_runs);

  for (guint i = 0; i < runs->len;)
    {
      guint end = i + 1;
      Run *cluster;
      guint n;

      while (end < runs->len &&
             g_array_index (runs, Run, end).at - g_array_index (runs, Run, end - 1).at < reach)
        end++;
      cluster = &g_array_index (runs, Run, i);
      n = end - i;
      if (n > 1)
        {
          g_autofree double *placed = g_new (double, n);
          /* The runs placed so far that still reach along past the current one's start:
           * runs are taken in order of their start, so one that ended before it ends
           * before every later one too and is dropped for good. Without this a long
           * gutter of many links (10,000 links make clusters of thousands) costs the
           * square of its runs. */
          g_autofree guint *active = g_new (guint, n);
          guint n_active = 0;

          qsort (cluster, n, sizeof (Run), compare_runs_along);
          for (guint k = 0; k < n; k++)
            {
              Run *run = &cluster[k];
              double best_at = run->at, best_clearance = -1;
              guint kept = 0;

              for (guint a = 0; a < n_active; a++)
                if (cluster[active[a]].to > run->from + 0.01)
                  active[kept++] = active[a];
              n_active = kept;

              for (guint c = 0; c < MAX_LANE_CHOICES; c++)
                {
                  double at = run->at + lane_offset (c);
                  double clearance = G_MAXDOUBLE;

                  for (guint a = 0; a < n_active; a++)
                    if (cluster[active[a]].box != run->box)
                      clearance = MIN (clearance, fabs (placed[active[a]] - at));
                  /* Beyond the middle lanes only where no note is in the way. */
                  if (c >= GUTTER_LANES && clearance >= GUTTER_SPACING - 0.01)
                    {
                      TpRect line = vertical ? (TpRect) { at - 1.5, run->from, 3, run->to - run->from }
                                             : (TpRect) { run->from, at - 1.5, run->to - run->from, 3 };

                      g_ptr_array_set_size (scratch, 0);
                      tp_layout_query_notes (layout, &line, scratch);
                      if (scratch->len > 0)
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

              if (count)
                for (guint a = 0; a < n_active; a++)
                  if (cluster[active[a]].box != run->box &&
                      fabs (placed[active[a]] - best_at) < reach)
                    bundled++;
              active[n_active++] = k;
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
        }
      i = end;
    }

  return count ? bundled : G_MAXUINT;
}

/* Runs of different links along the same gutter, or the same gap between two notes,
 * would draw as one line, and a reader could not tell which of them turns where: each
 * gets a lane of its own, GUTTER_SPACING apart (wider than a line, so that two lines
 * never merge). Only GUTTER_LANES fit between two notes; where more crowd in, the
 * bundle is counted as a tangle, which makes a page show badges instead. Returns how
 * many pairs of runs share a bundle, G_MAXUINT when not counted. */
static guint
separate_runs (TpLayout  *layout,
               GPtrArray *pending,
               gboolean   count,
               GPtrArray *scratch)
{
  guint vertical, horizontal;

  for (guint i = 0; i < pending->len; i++)
    route_simplify (&((Pending *) pending->pdata[i])->route);
  vertical = separate_orientation (layout, pending, TRUE, count, scratch);
  horizontal = separate_orientation (layout, pending, FALSE, count, scratch);
  return count ? vertical + horizontal : G_MAXUINT;
}

static void
add_cubic (GArray        *points,
           const TpPoint *c1,
           const TpPoint *c2,
           const TpPoint *end)
{
  g_array_append_val (points, *c1);
  g_array_append_val (points, *c2);
  g_array_append_val (points, *end);
}

static void
add_line (GArray        *points,
          const TpPoint *end)
{
  const TpPoint *from = &g_array_index (points, TpPoint, points->len - 1);

  if (fabs (end->x - from->x) < 0.01 && fabs (end->y - from->y) < 0.01)
    return;
  TpPoint c1 = { from->x + (end->x - from->x) / 3, from->y + (end->y - from->y) / 3 };
  TpPoint c2 = { from->x + 2 * (end->x - from->x) / 3, from->y + 2 * (end->y - from->y) / 3 };

  add_cubic (points, &c1, &c2, end);
}

/* Turns a polyline into cubic segments with every corner rounded: an arc of up to
 * CORNER_RADIUS in the band (GAP_CORNER_RADIUS above it, where a wide arc would cut
 * into the note beside a gutter) that never takes more than half of a segment shared
 * with another corner, so neighbouring arcs never overlap. */
static void
round_corners (const Route *route,
               double       band_top,
               GArray      *points)
{
  const TpPoint *p = route->points;
  guint n = route->n;

  g_array_append_val (points, p[0]);
  for (guint i = 1; i + 1 < n; i++)
    {
      double ux = p[i].x - p[i - 1].x, uy = p[i].y - p[i - 1].y;
      double vx = p[i + 1].x - p[i].x, vy = p[i + 1].y - p[i].y;
      double lu = hypot (ux, uy), lv = hypot (vx, vy);
      double r, angle, k;
      TpPoint a, b, c1, c2;

      if (lu < 1e-6 || lv < 1e-6)
        continue;
      ux /= lu;
      uy /= lu;
      vx /= lv;
      vy /= lv;
      angle = acos (CLAMP (ux * vx + uy * vy, -1.0, 1.0));
      if (angle < 1e-3)
        continue;   /* straight on */

      r = p[i].y < band_top - 0.5 ? GAP_CORNER_RADIUS : CORNER_RADIUS;
      r = MIN (r, i == 1 ? lu : lu / 2);
      r = MIN (r, i + 2 == n ? lv : lv / 2);
      /* The handle length that makes a cubic follow a circular arc of this angle. */
      k = 4.0 / 3.0 * tan (angle / 4) * r / tan (angle / 2 > 1e-3 ? angle / 2 : 1e-3);
      k = MIN (k, r);

      a = (TpPoint) { p[i].x - ux * r, p[i].y - uy * r };
      b = (TpPoint) { p[i].x + vx * r, p[i].y + vy * r };
      c1 = (TpPoint) { a.x + ux * k, a.y + uy * k };
      c2 = (TpPoint) { b.x - vx * k, b.y - vy * k };
      add_line (points, &a);
      add_cubic (points, &c1, &c2, &b);
    }
  add_line (points, &p[n - 1]);
}

static void
bezier_at (const TpPoint *q,
           double         t,
           TpPoint       *out)
{
  double s = 1 - t;
  double a = s * s * s, b = 3 * s * s * t, c = 3 * s * t * t, d = t * t * t;

  out->x = a * q[0].x + b * q[1].x + c * q[2].x + d * q[3].x;
  out->y = a * q[0].y + b * q[1].y + c * q[2].y + d * q[3].y;
}

static void
rect_add_point (TpRect        *rect,
                gboolean       first,
                const TpPoint *p)
{
  if (first)
    {
      *rect = (TpRect) { p->x, p->y, 0, 0 };
      return;
    }
  if (p->x < rect->x)
    {
      rect->width += rect->x - p->x;
      rect->x = p->x;
    }
  if (p->y < rect->y)
    {
      rect->height += rect->y - p->y;
      rect->y = p->y;
    }
  rect->width = MAX (rect->width, p->x - rect->x);
  rect->height = MAX (rect->height, p->y - rect->y);
}

static void
flatten (TpLayout  *layout,
         TpLinkBox *box)
{
  TpLinks *links = &layout->links;
  const TpPoint *path = &g_array_index (links->points, TpPoint, box->first_point);
  double grow = layout->theme->link_width_selected;

  box->first_flat = links->flat->len;
  g_array_append_val (links->flat, path[0]);
  for (guint s = 0; s + 3 < box->n_points; s += 3)
    for (guint k = 1; k <= FLAT_STEPS; k++)
      {
        TpPoint p;

        bezier_at (&path[s], (double) k / FLAT_STEPS, &p);
        g_array_append_val (links->flat, p);
      }
  box->n_flat = links->flat->len - box->first_flat;

  for (guint i = 0; i < box->n_points; i++)
    rect_add_point (&box->bounds, i == 0, &path[i]);
  box->bounds.x -= grow;
  box->bounds.y -= grow;
  box->bounds.width += 2 * grow;
  box->bounds.height += 2 * grow;
}

/* Sets a label's pill on the link's run across the band, clear of pills already
 * placed: in the band a pill covers at most a few other lanes, never a note. */
static void
place_pill (TpLayout      *layout,
            TpLinkBox     *box,
            const Pending *p,
            double         lane_y,
            GArray        *placed)
{
  const TpTheme *theme = layout->theme;
  static const double fractions[] = { 0.5, 0.3, 0.7, 0.15, 0.85, 0.0, 1.0 };
  double text_width = 0, height, width;
  TpRect pill = { 0 };

  if (box->label[0] == '\0')
    return;

  _tp_layout_measure_text (layout, TP_FONT_TAG, box->label, -1, 1, &text_width, NULL);
  height = tp_theme_get_line_height (theme, TP_FONT_TAG) + 2 * PILL_PAD_Y;
  width = ceil (text_width) + 2 * PILL_PAD_X;

  /* Along the run first; where the run is crowded, just above or below it. */
  for (guint c = 0; c < 3 * G_N_ELEMENTS (fractions); c++)
    {
      static const double shifts[] = { 0, -1, 1 };
      guint f = c % G_N_ELEMENTS (fractions);
      double cx = p->gutter_x + (p->arrival_x - p->gutter_x) * fractions[f];
      double cy = lane_y + shifts[c / G_N_ELEMENTS (fractions)] * (height + 1);
      gboolean clear = TRUE;

      pill = (TpRect) { round (cx - width / 2), round (cy - height / 2), width, height };
      for (guint k = 0; k < placed->len && clear; k++)
        if (tp_rect_intersects (&pill, &g_array_index (placed, TpRect, k)))
          clear = FALSE;
      if (clear)
        break;
      if (c + 1 == 3 * G_N_ELEMENTS (fractions))
        pill = (TpRect) { round ((p->gutter_x + p->arrival_x - width) / 2),
                          round (lane_y - height / 2), width, height };
    }

  box->pill = pill;
  g_array_append_val (placed, pill);
  rect_add_point (&box->bounds, FALSE, &(TpPoint) { pill.x, pill.y });
  rect_add_point (&box->bounds, FALSE, &(TpPoint) { pill.x + pill.width, pill.y + pill.height });
}

/* Where a link's card sits across the board, to order the ports of one note so that its
 * links leave it without crossing each other. */
static double
get_card_centre (TpLayout     *layout,
                 const TpLink *link)
{
  guint t = GPOINTER_TO_UINT (g_hash_table_lookup (layout->journey.touchpoint_by_id,
                                                   link->touchpoint));
  const TpRect *card;

  if (t == 0)
    return 0;
  card = &_tp_journey_touchpoint (layout, t - 1)->info.card;
  return card->x + card->width / 2;
}

/* Each link's port on its note's bottom edge: its rank among the links of that note,
 * ordered by where their cards are, and how many links that note has. */
static void
rank_ports (TpLayout  *layout,
            GPtrArray *doc_links,
            guint     *ranks,
            guint     *counts)
{
  g_autoptr(GHashTable) by_note = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_array_unref);

  for (guint i = 0; i < doc_links->len; i++)
    {
      const TpLink *link = g_ptr_array_index (doc_links, i);
      GArray *mine = g_hash_table_lookup (by_note, link->note);

      if (mine == NULL)
        {
          mine = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by_note, (gpointer) link->note, mine);
        }
      g_array_append_val (mine, i);
    }

  for (guint i = 0; i < doc_links->len; i++)
    {
      const TpLink *link = g_ptr_array_index (doc_links, i);
      GArray *mine = g_hash_table_lookup (by_note, link->note);
      double x = get_card_centre (layout, link);

      ranks[i] = 0;
      counts[i] = mine->len;
      for (guint k = 0; k < mine->len; k++)
        {
          guint j = g_array_index (mine, guint, k);
          double other = get_card_centre (layout, g_ptr_array_index (doc_links, j));

          if (other < x || (other == x && j < i))
            ranks[i]++;
        }
    }
}

void
_tp_layout_route_links (TpLayout   *layout,
                        TpDocument *document)
{
  TpLinks *links = &layout->links;
  GPtrArray *doc_links = tp_document_get_links (document);
  const TpRect *canvas = &layout->regions[TP_REGION_CANVAS];
  const TpRect *chain = &layout->regions[TP_REGION_VALUE_CHAIN];
  double band_top = MAX (canvas->y + canvas->height, chain->y + chain->height);
  double gap = layout->theme->note_gap;
  g_autoptr(GPtrArray) scratch = g_ptr_array_new ();
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) arrivals = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) load = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (TpRect));
  g_autofree guint *ranks = g_new0 (guint, MAX (doc_links->len, 1));
  g_autofree guint *counts = g_new0 (guint, MAX (doc_links->len, 1));
  guint crossings, shared;
  guint64 signature = sign_inputs (layout, document);

  /* The routes' measurements may have been freed when an update went by without them. */
  if (links->routed && links->signature == signature &&
      layout->generation - links->routed_at <= 1)
    {
      _tp_layout_keep_measures (layout, links->measures);
      links->routed_at = layout->generation;
      return;
    }
  links->routed = TRUE;
  links->signature = signature;
  links->routed_at = layout->generation;
  n_routed++;
  g_ptr_array_set_size (links->measures, 0);
  layout->recording = links->measures;

  g_string_chunk_clear (links->ids);
  g_array_set_size (links->boxes, 0);
  g_array_set_size (links->points, 0);
  g_array_set_size (links->flat, 0);
  g_hash_table_remove_all (links->by_id);
  links->tangles = 0;

  rank_ports (layout, doc_links, ranks, counts);

  /* First pass: every link's way down to the band, and its place on its card. */
  for (guint i = 0; i < doc_links->len; i++)
    {
      const TpLink *link = g_ptr_array_index (doc_links, i);
      guint t = GPOINTER_TO_UINT (g_hash_table_lookup (layout->journey.touchpoint_by_id,
                                                       link->touchpoint));
      const TpTouchpointBox *target;
      const char *own = NULL;
      TpRect source;
      TpLinkBox box = { 0 };
      Pending *p;
      Route left = { 0 }, right = { 0 }, straight = { 0 };
      double left_x = 0, right_x = 0, port_x, port_y, exit_y, spacing, card_cx;
      guint left_cost, right_cost;
      gboolean go_left;

      if (t == 0 || !get_source_rect (layout, link->note, &source, &own))
        continue;
      target = _tp_journey_touchpoint (layout, t - 1);
      card_cx = target->info.card.x + target->info.card.width / 2;

      /* Out of a port on the note's bottom edge, the links of one note side by side in
       * the order of their cards. */
      spacing = MIN (PORT_SPACING, source.width * 0.8 / MAX (counts[i], 1));
      port_x = source.x + source.width / 2 + (ranks[i] - (counts[i] - 1) / 2.0) * spacing;
      port_y = source.y + source.height;
      exit_y = port_y + gap / 2;

      box.id = g_string_chunk_insert_const (links->ids, link->item.id);
      box.note = g_string_chunk_insert_const (links->ids, link->note);
      box.touchpoint = g_string_chunk_insert_const (links->ids, target->id);
      box.label = g_string_chunk_insert_const (links->ids, link->label ? link->label : "");
      box.number = links->boxes->len + 1;
      box.tint = g_array_index (layout->journey.stages, TpStageBox, target->stage).info.tint;
      g_array_append_val (links->boxes, box);
      g_hash_table_insert (links->by_id, (gpointer) box.id,
                           GUINT_TO_POINTER (links->boxes->len));

      p = g_new0 (Pending, 1);
      p->card_y = target->info.card.y;
      p->box = links->boxes->len - 1;
      g_ptr_array_add (pending, p);

      /* Straight down when nothing lies below the port. */
      route_add (&straight, port_x, port_y);
      if (first_obstacle (layout, own, port_x, port_y, band_top, scratch) == NULL)
        {
          p->route = straight;
          p->gutter_x = port_x;
          continue;
        }

      /* Otherwise into the gutter beside the note towards the card, unless the other
       * side leads down with fewer notes in the way (tried only when this one meets
       * some: most routes meet none). */
      go_left = card_cx < source.x + source.width / 2;
      left = right = straight;
      route_add (&left, port_x, exit_y);
      route_add (&left, source.x - gap / 2, exit_y);
      route_add (&right, port_x, exit_y);
      route_add (&right, source.x + source.width + gap / 2, exit_y);
      if (go_left)
        {
          left_cost = descend (layout, own, source.x - gap / 2, exit_y, band_top, &left,
                               &left_x, scratch, load);
          right_cost = left_cost == 0 ? G_MAXUINT
                       : descend (layout, own, source.x + source.width + gap / 2, exit_y,
                                  band_top, &right, &right_x, scratch, load);
        }
      else
        {
          right_cost = descend (layout, own, source.x + source.width + gap / 2, exit_y,
                                band_top, &right, &right_x, scratch, load);
          left_cost = right_cost == 0 ? G_MAXUINT
                      : descend (layout, own, source.x - gap / 2, exit_y, band_top, &left,
                                 &left_x, scratch, load);
        }
      if (left_cost != right_cost)
        go_left = left_cost < right_cost;

      p->route = go_left ? left : right;
      p->gutter_x = go_left ? left_x : right_x;
      add_load (load, &p->route);
    }

  /* Spread the arrivals at each card, centred on it, in the order the links come from
   * (left to right), so that no two cross on their way down. */
  g_ptr_array_sort_with_data (pending, compare_pending, GINT_TO_POINTER (ORDER_GUTTER));
  g_hash_table_remove_all (arrivals);
  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = pending->pdata[i];
      TpLinkBox *box = &g_array_index (links->boxes, TpLinkBox, p->box);

      p->rank = GPOINTER_TO_UINT (g_hash_table_lookup (arrivals, box->touchpoint));
      g_hash_table_insert (arrivals, (gpointer) box->touchpoint, GUINT_TO_POINTER (p->rank + 1));
    }
  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = pending->pdata[i];
      TpLinkBox *box = &g_array_index (links->boxes, TpLinkBox, p->box);
      guint t = GPOINTER_TO_UINT (g_hash_table_lookup (layout->journey.touchpoint_by_id,
                                                       box->touchpoint));
      const TpRect *card = &_tp_journey_touchpoint (layout, t - 1)->info.card;
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (arrivals, box->touchpoint));
      double spacing = MIN (ARRIVAL_SPACING, card->width * 0.8 / MAX (count, 1));

      p->arrival_x = card->x + card->width / 2 + (p->rank - (count - 1) / 2.0) * spacing;
    }

  crossings = pending->len > 0 ? assign_lanes (pending) : 0;

  /* Second pass: across the band in its lane and down onto the card … */
  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = pending->pdata[i];
      double lane_y = band_top + BAND_PAD + p->lane * LANE_SPACING;
      Route *route = &p->route;

      route_add (route, p->gutter_x, lane_y);
      route_add (route, p->arrival_x, lane_y);
      route_add (route, p->arrival_x, p->card_y);
    }

  /* … apart from the others in each gutter … */
  shared = separate_runs (layout, pending, crossings != G_MAXUINT, scratch);
  links->tangles = crossings == G_MAXUINT || shared == G_MAXUINT ? G_MAXUINT
                   : crossings + shared;

  /* … rounded, with its label on its run across the band. */
  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = pending->pdata[i];
      TpLinkBox *box = &g_array_index (links->boxes, TpLinkBox, p->box);
      double lane_y = band_top + BAND_PAD + p->lane * LANE_SPACING;

      box->first_point = links->points->len;
      round_corners (&p->route, band_top, links->points);
      box->n_points = links->points->len - box->first_point;
      flatten (layout, box);
      place_pill (layout, box, p, lane_y, placed);
    }

  _tp_layout_place_link_badges (layout);
  layout->recording = NULL;
}

guint
tp_layout_count_link_tangles (TpLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->links.tangles;
}

/* Queries */

static const TpLinkBox *
lookup_link (TpLayout   *layout,
             const char *id)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (layout->links.by_id, id));

  return i == 0 ? NULL : &g_array_index (layout->links.boxes, TpLinkBox, i - 1);
}

gboolean
tp_layout_get_link (TpLayout   *layout,
                    const char *id,
                    TpLinkInfo *info)
{
  const TpLinkBox *box;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  *info = (TpLinkInfo) { 0 };
  if (id == NULL || (box = lookup_link (layout, id)) == NULL)
    return FALSE;

  info->id = box->id;
  info->note = box->note;
  info->touchpoint = box->touchpoint;
  info->label = box->label;
  info->path = &g_array_index (layout->links.points, TpPoint, box->first_point);
  info->n_path = box->n_points;
  info->bounds = box->bounds;
  info->pill = box->pill;
  info->number = box->number;
  info->tint = box->tint;
  info->note_badge = box->note_badge;
  info->card_badge = box->card_badge;
  return TRUE;
}

void
tp_layout_query_links (TpLayout     *layout,
                       const TpRect *rect,
                       GPtrArray    *ids)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (rect != NULL);
  g_return_if_fail (ids != NULL);

  for (guint i = 0; i < layout->links.boxes->len; i++)
    {
      const TpLinkBox *box = &g_array_index (layout->links.boxes, TpLinkBox, i);

      if (tp_rect_intersects (&box->bounds, rect))
        g_ptr_array_add (ids, (gpointer) box->id);
    }
}

static double
distance_to_segment (double         x,
                     double         y,
                     const TpPoint *a,
                     const TpPoint *b)
{
  double dx = b->x - a->x, dy = b->y - a->y;
  double length2 = dx * dx + dy * dy;
  double t = length2 > 0 ? ((x - a->x) * dx + (y - a->y) * dy) / length2 : 0;

  t = CLAMP (t, 0, 1);
  return hypot (x - (a->x + t * dx), y - (a->y + t * dy));
}

const char *
tp_layout_hit_link (TpLayout *layout,
                    double    x,
                    double    y,
                    double    tolerance)
{
  const char *best = NULL;
  double best_distance = G_MAXDOUBLE;

  g_return_val_if_fail (layout != NULL, NULL);

  for (guint i = 0; i < layout->links.boxes->len; i++)
    {
      const TpLinkBox *box = &g_array_index (layout->links.boxes, TpLinkBox, i);
      TpRect near = { box->bounds.x - tolerance, box->bounds.y - tolerance,
                      box->bounds.width + 2 * tolerance, box->bounds.height + 2 * tolerance };
      const TpPoint *flat = &g_array_index (layout->links.flat, TpPoint, box->first_flat);

      if (!tp_rect_contains_point (&near, x, y))
        continue;
      if (tp_rect_contains_point (&box->pill, x, y))
        return box->id;
      for (guint k = 0; k + 1 < box->n_flat; k++)
        {
          double d = distance_to_segment (x, y, &flat[k], &flat[k + 1]);

          if (d <= tolerance && d < best_distance)
            {
              best_distance = d;
              best = box->id;
            }
        }
    }
  return best;
}

gboolean
tp_layout_get_link_anchor (TpLayout   *layout,
                           const char *id,
                           TpPoint    *anchor)
{
  TpNoteInfo note;
  TpTouchpointInfo touchpoint;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (anchor != NULL, FALSE);

  if (id == NULL)
    return FALSE;
  if (tp_layout_get_note (layout, id, &note))
    {
      if (!note.visible)
        return FALSE;
      *anchor = (TpPoint) { note.rect.x + note.rect.width / 2, note.rect.y + note.rect.height };
      return TRUE;
    }
  if (tp_layout_get_touchpoint (layout, id, &touchpoint))
    {
      *anchor = (TpPoint) { touchpoint.card.x + touchpoint.card.width / 2, touchpoint.card.y };
      return TRUE;
    }
  return FALSE;
}

gboolean
tp_layout_get_drag_curve (TpLayout   *layout,
                          const char *id,
                          double      x,
                          double      y,
                          TpPoint     points[4])
{
  TpPoint anchor;
  double reach;
  double direction;

  g_return_val_if_fail (points != NULL, FALSE);

  if (!tp_layout_get_link_anchor (layout, id, &anchor))
    return FALSE;

  /* Leave the item the way a link to it goes: down from a note, up from a card. The
   * handles grow with the distance, so a short drag is a gentle bend, not a loop. */
  direction = tp_layout_get_touchpoint (layout, id, &(TpTouchpointInfo) { 0 }) ? -1 : 1;
  reach = MAX (fabs (y - anchor.y), 40) / 2;
  points[0] = anchor;
  points[1] = (TpPoint) { anchor.x, anchor.y + direction * reach };
  points[2] = (TpPoint) { x, y - direction * reach };
  points[3] = (TpPoint) { x, y };
  return TRUE;
}
