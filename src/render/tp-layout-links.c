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

#include "tp-layout-links-private.h"

#define LANE_SPACING     5.0    /* between neighbouring lanes of the band */
#define BAND_PAD         18.0   /* above the first lane and below the last */
#define MAX_LANES        40     /* more links share lanes rather than push the journey away */
#define ARRIVAL_SPACING  9.0    /* between links arriving at one card */
#define ORDER_TRIALS_MAX 400    /* links beyond this keep the first lane order tried */
#define PORT_SPACING     16.0   /* between the ports of links leaving one note */
#define GUTTER_LANES     3      /* runs side by side in a gap between two notes */

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
  links->kept = g_array_new (FALSE, FALSE, sizeof (TpLinkKept));
  links->note_rects = g_array_new (FALSE, FALSE, sizeof (TpRect));
  links->ports = g_array_new (FALSE, FALSE, sizeof (guint));
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
  g_clear_pointer (&links->kept, g_array_unref);
  g_clear_pointer (&links->note_rects, g_array_unref);
  g_clear_pointer (&links->ports, g_array_unref);
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

static void
route_add (TpRoute *route,
           double   x,
           double   y)
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
                double      y1)
{
  TpRect line = { x - 1, y0, 2, y1 - y0 };

  if (line.height <= 0)
    return NULL;
  return _tp_links_first_note (layout, &line, own);
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
          const TpRoute *route)
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
         TpRoute    *route,
         double     *x_out,
         GHashTable *load)
{
  double gap = layout->theme->note_gap;
  guint crossed = 0;

  for (guint step = 0; step < TP_LINKS_MAX_DETOURS; step++)
    {
      const TpNoteBox *obstacle = first_obstacle (layout, own, x, y, band_top);
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

  if (first_obstacle (layout, own, x, y, band_top) != NULL)
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

/* How many crossings putting a above b in the band costs. A link enters the band from
 * above at its gutter and leaves it downwards at its card, so the upper one's exit cuts
 * the lower one's run, and the lower one's entry cuts the upper one's run. */
static guint
crossings (const TpPendingLink *upper,
           const TpPendingLink *lower)
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
  const TpPendingLink *p = *(const TpPendingLink * const *) a;
  const TpPendingLink *q = *(const TpPendingLink * const *) b;
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
    ((TpPendingLink *) best->pdata[i])->lane = i % MAX (lanes, 1);
  return n_orders > 1 && lanes == pending->len ? best_cost : G_MAXUINT;
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

static void
forget_routes (TpLinks *links)
{
  g_string_chunk_clear (links->ids);
  g_array_set_size (links->boxes, 0);
  g_array_set_size (links->points, 0);
  g_array_set_size (links->flat, 0);
  g_hash_table_remove_all (links->by_id);
  g_array_set_size (links->kept, 0);
  g_array_set_size (links->note_rects, 0);
  links->tangles = 0;
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
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) arrivals = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) load = g_hash_table_new (NULL, NULL);
  guint *ranks, *counts;
  guint crossings, shared, n_boxes = 0;
  guint64 signature, frame;
  gboolean keep;
  g_autoptr(GArray) kept = NULL;
  TpLinkKept *next;
  g_autofree gboolean *redo = NULL;
  g_autofree TpRect *bases = NULL, *pills = NULL;
  g_autoptr(GArray) old_points = NULL;
  g_autoptr(GArray) old_flat = NULL;
  TpRect moved;
  gboolean any_moved;

  /* A page that shows no links (tp_layout_set_link_footers(): an export's canvas,
   * value chain, journey and analysis pages, the story) routes none. An export lays
   * every page out again, and routing them all was a quarter of a 10,000-note export. */
  if (!layout->link_footers)
    {
      links->routed = FALSE;
      g_ptr_array_set_size (links->measures, 0);
      forget_routes (links);
      return;
    }

  signature = _tp_links_sign_inputs (layout, document, &frame);
  /* The routes' measurements may have been freed when an update went by without them. */
  if (links->routed && links->signature == signature &&
      layout->generation - links->routed_at <= 1)
    {
      _tp_layout_keep_measures (layout, links->measures);
      links->routed_at = layout->generation;
      return;
    }
  /* Only notes moved: the links that did not keep what they can (tp-layout-links-keep.c).
   * Not where the tangles are counted (a few links), which the kept parts do not keep. */
  keep = links->routed && links->frame == frame && layout->generation - links->routed_at <= 1 &&
         links->kept->len == links->boxes->len && links->boxes->len > MAX_LANES;
  links->routed = TRUE;
  links->signature = signature;
  links->frame = frame;
  links->routed_at = layout->generation;
  n_routed++;
  if (keep)
    _tp_layout_keep_measures (layout, links->measures);
  else
    {
      g_ptr_array_set_size (links->measures, 0);
      layout->recording = links->measures;
      forget_routes (links);
    }

  /* The ports' order depends on the links and the cards alone: kept with the routes. */
  if (!keep)
    {
      g_array_set_size (links->ports, 2 * doc_links->len);
      rank_ports (layout, doc_links, (guint *) links->ports->data,
                  (guint *) links->ports->data + doc_links->len);
    }
  g_assert (links->ports->len == 2 * doc_links->len);
  ranks = (guint *) links->ports->data;
  counts = ranks + doc_links->len;

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
      TpPendingLink *p;
      TpRoute left = { 0 }, right = { 0 }, straight = { 0 };
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

      /* Kept routes keep their boxes: the same links in the same order. */
      if (!keep)
        {
          box.id = g_string_chunk_insert_const (links->ids, link->item.id);
          box.note = g_string_chunk_insert_const (links->ids, link->note);
          box.touchpoint = g_string_chunk_insert_const (links->ids, target->id);
          box.label = g_string_chunk_insert_const (links->ids, link->label ? link->label : "");
          box.number = links->boxes->len + 1;
          box.tint = g_array_index (layout->journey.stages, TpStageBox, target->stage).info.tint;
          g_array_append_val (links->boxes, box);
          g_hash_table_insert (links->by_id, (gpointer) box.id,
                               GUINT_TO_POINTER (links->boxes->len));
        }

      p = g_new0 (TpPendingLink, 1);
      p->card_y = target->info.card.y;
      p->box = n_boxes++;
      g_ptr_array_add (pending, p);

      /* Straight down when nothing lies below the port. */
      route_add (&straight, port_x, port_y);
      if (first_obstacle (layout, own, port_x, port_y, band_top) == NULL)
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
                               &left_x, load);
          right_cost = left_cost == 0 ? G_MAXUINT
                       : descend (layout, own, source.x + source.width + gap / 2, exit_y,
                                  band_top, &right, &right_x, load);
        }
      else
        {
          right_cost = descend (layout, own, source.x + source.width + gap / 2, exit_y,
                                band_top, &right, &right_x, load);
          left_cost = right_cost == 0 ? G_MAXUINT
                      : descend (layout, own, source.x - gap / 2, exit_y, band_top, &left,
                                 &left_x, load);
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
      TpPendingLink *p = pending->pdata[i];
      TpLinkBox *box = &g_array_index (links->boxes, TpLinkBox, p->box);

      p->rank = GPOINTER_TO_UINT (g_hash_table_lookup (arrivals, box->touchpoint));
      g_hash_table_insert (arrivals, (gpointer) box->touchpoint, GUINT_TO_POINTER (p->rank + 1));
    }
  for (guint i = 0; i < pending->len; i++)
    {
      TpPendingLink *p = pending->pdata[i];
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
      TpPendingLink *p = pending->pdata[i];
      TpRoute *route = &p->route;

      p->lane_y = band_top + BAND_PAD + p->lane * LANE_SPACING;
      route_add (route, p->gutter_x, p->lane_y);
      route_add (route, p->arrival_x, p->lane_y);
      route_add (route, p->arrival_x, p->card_y);
    }

  /* Every link enters and crosses the band where it did, or nothing is kept. */
  g_assert (n_boxes == links->boxes->len);
  /* Every field of every link's is written below. */
  kept = g_array_sized_new (FALSE, FALSE, sizeof (TpLinkKept), n_boxes);
  g_array_set_size (kept, n_boxes);
  next = (TpLinkKept *) kept->data;
  for (guint i = 0; i < pending->len && keep; i++)
    {
      TpPendingLink *p = pending->pdata[i];
      const TpLinkKept *was = &g_array_index (links->kept, TpLinkKept, p->box);

      keep = was->gutter_x == p->gutter_x && was->arrival_x == p->arrival_x &&
             was->lane_y == p->lane_y;
    }
  for (guint i = 0; i < pending->len; i++)
    {
      TpPendingLink *p = pending->pdata[i];

      next[p->box].gutter_x = p->gutter_x;
      next[p->box].arrival_x = p->arrival_x;
      next[p->box].lane_y = p->lane_y;
    }
  any_moved = keep && _tp_links_keep_moved (layout, &moved);

  /* … apart from the others in each gutter … */
  shared = _tp_links_separate_runs (layout, pending, crossings != G_MAXUINT && !keep,
                                    keep ? (TpLinkKept *) links->kept->data : NULL,
                                    any_moved ? &moved : NULL, next);
  if (!keep)
    links->tangles = crossings == G_MAXUINT || shared == G_MAXUINT ? G_MAXUINT
                     : crossings + shared;

  /* … rounded, with its label on its run across the band. */
  old_points = g_steal_pointer (&links->points);
  old_flat = g_steal_pointer (&links->flat);
  links->points = g_array_sized_new (FALSE, FALSE, sizeof (TpPoint), old_points->len);
  links->flat = g_array_sized_new (FALSE, FALSE, sizeof (TpPoint), old_flat->len);
  _tp_links_shape (layout, pending, band_top, keep ? (TpLinkKept *) links->kept->data : NULL,
                   old_points, old_flat, next);

  /* The badges: all of them, or where a link's path or note changed. */
  if (!keep)
    {
      for (guint i = 0; i < n_boxes; i++)
        _tp_links_keep_note (layout, &g_array_index (links->boxes, TpLinkBox, i), NULL, &next[i]);
      _tp_layout_place_link_badges (layout, NULL, NULL, NULL);
    }
  else
    {
      redo = g_new0 (gboolean, MAX (n_boxes, 1));
      bases = g_new (TpRect, MAX (n_boxes, 1));
      pills = g_new (TpRect, MAX (n_boxes, 1));
      for (guint i = 0; i < n_boxes; i++)
        {
          const TpLinkKept *was = &g_array_index (links->kept, TpLinkKept, i);

          redo[i] = _tp_links_keep_note (layout, &g_array_index (links->boxes, TpLinkBox, i),
                                         was, &next[i]) ||
                    !_tp_links_route_equal (&was->final, &next[i].final);
          bases[i] = next[i].base;
          pills[i] = next[i].pill;
        }
      _tp_layout_place_link_badges (layout, redo, bases, pills);
    }

  {
    GArray *was = links->kept;

    links->kept = g_steal_pointer (&kept);
    kept = was;
  }
  /* _tp_links_keep_moved() kept them as it compared them. */
  if (!keep)
    _tp_links_keep_note_rects (layout);
  layout->recording = NULL;
}