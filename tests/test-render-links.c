/* test-render-links.c: routing, hit-testing and painting the links
 *
 * A link runs from a note's side down the gutters, across the band between the upper
 * regions and the journey in a lane of its own, and onto the top of its card. These
 * tests check that geometry on the example workshop (ends on the right borders, one
 * smooth curve, clear of other notes, pills in the band), hit-testing and queries
 * against it, its stability across relayouts and edits, and the ink painting leaves:
 * measured on small areas with no text in them (STYLE.md: no pixel comparisons of text).
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "io/tp-document-file.h"
#include "model/tp-document-private.h"
#include "render/tp-layout.h"
#include "render/tp-painter.h"

#define FLAT_SAMPLES 32   /* line segments per cubic when a test flattens a path */

/* Fixtures */

static TpDocument *
load_example (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (TP_EXAMPLE_PATH);
  g_autoptr(GError) error = NULL;
  TpDocument *document = tp_load_file (file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static TpLayout *
layout_document (TpDocument *document)
{
  TpLayout *layout = tp_layout_new ();

  tp_layout_update (layout, document);

  return layout;
}

/* n more notes in one container, without the history so that hundreds stay quick. */
static void
fill_container (TpDocument  *document,
                TpContainer  container,
                guint        n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = tp_document_make_id (document, "n");
      g_autofree char *text = g_strdup_printf ("Filler note %u", i);
      TpNote *note = tp_note_new (id, text);

      note->container = container;
      g_assert_true (_tp_document_append_note (document, note));
    }
}

/* Geometry helpers */

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

/* The link's curve as a polyline of FLAT_SAMPLES segments per cubic. */
static GArray *
flatten_link (const TpLinkInfo *info)
{
  GArray *flat = g_array_new (FALSE, FALSE, sizeof (TpPoint));

  g_array_append_val (flat, info->path[0]);
  for (guint s = 0; s + 3 < info->n_path; s += 3)
    for (guint k = 1; k <= FLAT_SAMPLES; k++)
      {
        TpPoint p;

        bezier_at (&info->path[s], (double) k / FLAT_SAMPLES, &p);
        g_array_append_val (flat, p);
      }

  return flat;
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

static double
distance_to_polyline (const GArray *flat,
                      double        x,
                      double        y)
{
  double best = G_MAXDOUBLE;

  for (guint k = 0; k + 1 < flat->len; k++)
    best = MIN (best, distance_to_segment (x, y, &g_array_index (flat, TpPoint, k),
                                           &g_array_index (flat, TpPoint, k + 1)));
  return best;
}

/* Whether the segment a–b passes through the inside of rect shrunk by inset on every
 * side (Liang–Barsky clipping): running along an edge or touching it is not entering. */
static gboolean
segment_enters_rect (const TpPoint *a,
                     const TpPoint *b,
                     const TpRect  *rect,
                     double         inset)
{
  double x0 = rect->x + inset, x1 = rect->x + rect->width - inset;
  double y0 = rect->y + inset, y1 = rect->y + rect->height - inset;
  double dx = b->x - a->x, dy = b->y - a->y;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { a->x - x0, x1 - a->x, a->y - y0, y1 - a->y };
  double t0 = 0, t1 = 1;

  if (x0 >= x1 || y0 >= y1)
    return FALSE;

  for (guint i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      {
        double t = q[i] / p[i];

        if (p[i] < 0)
          t0 = MAX (t0, t);
        else
          t1 = MIN (t1, t);
      }
    }

  return t0 < t1;
}

static gboolean
polyline_enters_rect (const GArray *flat,
                      const TpRect *rect,
                      double        inset)
{
  for (guint k = 0; k + 1 < flat->len; k++)
    if (segment_enters_rect (&g_array_index (flat, TpPoint, k),
                             &g_array_index (flat, TpPoint, k + 1), rect, inset))
      return TRUE;
  return FALSE;
}

static TpRect
rect_grow (const TpRect *rect,
           double        by)
{
  return (TpRect) { rect->x - by, rect->y - by, rect->width + 2 * by, rect->height + 2 * by };
}

static gboolean
rects_overlap (const TpRect *a,
               const TpRect *b)
{
  /* Touching edges are not an overlap. */
  const double eps = 1e-6;

  return a->x + eps < b->x + b->width && b->x + eps < a->x + a->width &&
         a->y + eps < b->y + b->height && b->y + eps < a->y + a->height;
}

/* The band the links cross in: from the bottom of the upper regions to the top of the
 * journey's title. */
static void
get_band (TpLayout *layout,
          double   *top,
          double   *bottom)
{
  TpRect canvas, chain, title;

  tp_layout_get_region (layout, TP_REGION_CANVAS, &canvas);
  tp_layout_get_region (layout, TP_REGION_VALUE_CHAIN, &chain);
  tp_layout_get_region_title (layout, TP_REGION_JOURNEY, &title);
  *top = MAX (canvas.y + canvas.height, chain.y + chain.height);
  *bottom = title.y;
}

/* A link's run across the band: the longest horizontal cubic inside it. */
static gboolean
get_lane_run (TpLayout         *layout,
              const TpLinkInfo *info,
              double           *y,
              double           *x0,
              double           *x1)
{
  double top, bottom, longest = 0;

  get_band (layout, &top, &bottom);
  for (guint s = 0; s + 3 < info->n_path; s += 3)
    {
      const TpPoint *q = &info->path[s];
      double length = fabs (q[3].x - q[0].x);

      if (q[0].y == q[1].y && q[1].y == q[2].y && q[2].y == q[3].y &&
          q[0].y > top && q[0].y < bottom && length > longest)
        {
          longest = length;
          *y = q[0].y;
          *x0 = MIN (q[0].x, q[3].x);
          *x1 = MAX (q[0].x, q[3].x);
        }
    }

  return longest > 0;
}

/* Every link of the document, in document order, with its flattened curve. */
typedef struct
{
  TpLinkInfo  info;
  GArray     *flat;
} Routed;

static void
routed_clear (gpointer data)
{
  Routed *routed = data;

  g_array_unref (routed->flat);
}

static GArray *
route_all (TpLayout   *layout,
           TpDocument *document)
{
  GPtrArray *links = tp_document_get_links (document);
  GArray *all = g_array_new (FALSE, TRUE, sizeof (Routed));

  g_array_set_clear_func (all, routed_clear);
  for (guint i = 0; i < links->len; i++)
    {
      TpLink *link = g_ptr_array_index (links, i);
      Routed routed;

      g_assert_true (tp_layout_get_link (layout, link->item.id, &routed.info));
      routed.flat = flatten_link (&routed.info);
      g_array_append_val (all, routed);
    }

  return all;
}

/* The distance from (x, y) to the nearest curve, up to limit, and whether the point lies
 * in a pill grown by pill_margin. */
static double
nearest_curve (const GArray *all,
               double        x,
               double        y,
               double        limit,
               double        pill_margin,
               gboolean     *in_pill)
{
  double best = limit;

  *in_pill = FALSE;
  for (guint i = 0; i < all->len; i++)
    {
      const Routed *r = &g_array_index (all, Routed, i);
      TpRect pill = rect_grow (&r->info.pill, pill_margin);
      TpRect near = rect_grow (&r->info.bounds, best);

      if (!tp_rect_is_empty (&r->info.pill) && tp_rect_contains_point (&pill, x, y))
        *in_pill = TRUE;
      /* The bounds hold the curve: farther from them is farther from it. */
      if (tp_rect_contains_point (&near, x, y))
        best = MIN (best, distance_to_polyline (r->flat, x, y));
    }

  return best;
}

/* Whether the link's curve passes nearer than distance to (x, y). */
static gboolean
nearer_than (const Routed *routed,
             double        x,
             double        y,
             double        distance)
{
  TpRect near = rect_grow (&routed->info.bounds, distance);

  return distance > 0 && tp_rect_contains_point (&near, x, y) &&
         distance_to_polyline (routed->flat, x, y) < distance;
}

/* A point on the link's run across the band, as near its middle as possible, outside
 * every pill (by margin) and with no other curve within clearance. */
static gboolean
find_lane_point (TpLayout     *layout,
                 const GArray *all,
                 guint         index,
                 double        margin,
                 double        clearance,
                 TpPoint      *point)
{
  const Routed *own = &g_array_index (all, Routed, index);
  double y, x0, x1;

  if (!get_lane_run (layout, &own->info, &y, &x0, &x1))
    return FALSE;

  /* From the middle outwards, in steps of one unit. */
  for (double step = 0; step <= (x1 - x0) / 2; step += 1)
    for (int side = -1; side <= 1; side += 2)
      {
        double x = (x0 + x1) / 2 + side * step;
        gboolean clear = TRUE;

        for (guint i = 0; i < all->len && clear; i++)
          {
            const Routed *r = &g_array_index (all, Routed, i);
            TpRect pill = rect_grow (&r->info.pill, margin);

            if (!tp_rect_is_empty (&r->info.pill) && tp_rect_contains_point (&pill, x, y))
              clear = FALSE;
            else if (i != index && nearer_than (r, x, y, clearance))
              clear = FALSE;
          }
        if (clear)
          {
            *point = (TpPoint) { x, y };
            return TRUE;
          }
      }

  return FALSE;
}

/* A point of the link's curve, outside every pill by margin and with no other curve
 * within clearance: on its lane run if it can, else the one nearest its card. */
static gboolean
find_path_point (TpLayout     *layout,
                 const GArray *all,
                 guint         index,
                 double        margin,
                 double        clearance,
                 TpPoint      *point)
{
  const GArray *flat = g_array_index (all, Routed, index).flat;

  if (find_lane_point (layout, all, index, margin, clearance, point))
    return TRUE;

  for (guint k = flat->len; k-- > 0;)
    {
      const TpPoint *p = &g_array_index (flat, TpPoint, k);
      gboolean clear = TRUE;

      for (guint i = 0; i < all->len && clear; i++)
        {
          const Routed *r = &g_array_index (all, Routed, i);
          TpRect pill = rect_grow (&r->info.pill, margin);

          if (!tp_rect_is_empty (&r->info.pill) && tp_rect_contains_point (&pill, p->x, p->y))
            clear = FALSE;
          else if (i != index && nearer_than (r, p->x, p->y, clearance))
            clear = FALSE;
        }
      if (clear)
        {
          *point = *p;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
paths_equal (const TpLinkInfo *a,
             const TpLinkInfo *b)
{
  return a->n_path == b->n_path &&
         memcmp (a->path, b->path, a->n_path * sizeof (TpPoint)) == 0 &&
         memcmp (&a->bounds, &b->bounds, sizeof (TpRect)) == 0 &&
         memcmp (&a->pill, &b->pill, sizeof (TpRect)) == 0 &&
         g_strcmp0 (a->note, b->note) == 0 &&
         g_strcmp0 (a->touchpoint, b->touchpoint) == 0;
}

/* Copies of every link's path, to compare with a later layout's. */
static GHashTable *
snapshot_paths (TpLayout   *layout,
                TpDocument *document)
{
  GHashTable *paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_array_unref);
  GPtrArray *links = tp_document_get_links (document);

  for (guint i = 0; i < links->len; i++)
    {
      TpLink *link = g_ptr_array_index (links, i);
      TpLinkInfo info;
      GArray *copy = g_array_new (FALSE, FALSE, sizeof (double));

      g_assert_true (tp_layout_get_link (layout, link->item.id, &info));
      g_array_append_vals (copy, info.path, info.n_path * 2);
      g_array_append_vals (copy, &info.bounds, 4);
      g_array_append_vals (copy, &info.pill, 4);
      g_hash_table_insert (paths, g_strdup (link->item.id), copy);
    }

  return paths;
}

/* How many links' paths differ from the snapshot (every link of the snapshot must still
 * be laid out). */
static guint
count_changed_paths (TpLayout   *layout,
                     GHashTable *paths)
{
  GHashTableIter iter;
  gpointer key, value;
  guint changed = 0;

  g_hash_table_iter_init (&iter, paths);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *copy = value;
      TpLinkInfo info;

      g_assert_true (tp_layout_get_link (layout, key, &info));
      if (copy->len != info.n_path * 2 + 8 ||
          memcmp (copy->data, info.path, info.n_path * sizeof (TpPoint)) != 0 ||
          memcmp (&g_array_index (copy, double, info.n_path * 2), &info.bounds,
                  sizeof (TpRect)) != 0 ||
          memcmp (&g_array_index (copy, double, info.n_path * 2 + 4), &info.pill,
                  sizeof (TpRect)) != 0)
        changed++;
    }

  return changed;
}

/* Fails the test, without aborting it, unless every link is routed as in the snapshot:
 * the later checks and tests still run and report. */
static void
expect_unchanged (TpLayout   *layout,
                  GHashTable *paths,
                  const char *when)
{
  guint changed = count_changed_paths (layout, paths);

  if (changed > 0)
    {
      g_test_message ("%s: %u of %u links routed differently", when, changed,
                      g_hash_table_size (paths));
      g_test_fail ();
    }
}

/* Routing */

/* Every link is laid out as one smooth curve from a port on its note's bottom edge to
 * one on its card's top. */
static void
test_routes (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLayout) layout = layout_document (document);
  GPtrArray *links = tp_document_get_links (document);
  guint degenerate = 0;
  TpLinkInfo info;
  TpRect board;

  g_assert_cmpuint (links->len, ==, 20);
  tp_layout_get_bounds (layout, &board);

  for (guint i = 0; i < links->len; i++)
    {
      TpLink *link = g_ptr_array_index (links, i);
      TpNoteInfo note;
      TpTouchpointInfo touchpoint;
      const TpPoint *start, *end;

      g_assert_true (tp_layout_get_link (layout, link->item.id, &info));
      g_assert_cmpstr (info.id, ==, link->item.id);
      g_assert_cmpstr (info.note, ==, link->note);
      g_assert_cmpstr (info.touchpoint, ==, link->touchpoint);
      g_assert_cmpstr (info.label, ==, link->label != NULL ? link->label : "");
      g_assert_nonnull (info.path);
      g_assert_cmpuint (info.n_path, >=, 4);
      g_assert_cmpuint ((info.n_path - 1) % 3, ==, 0);

      /* Out of the note's bottom edge … */
      g_assert_true (tp_layout_get_note (layout, link->note, &note));
      g_assert_true (note.visible);
      start = &info.path[0];
      g_assert_cmpfloat_with_epsilon (start->y, note.rect.y + note.rect.height, 0.01);
      g_assert_cmpfloat (start->x, >=, note.rect.x);
      g_assert_cmpfloat (start->x, <=, note.rect.x + note.rect.width);

      /* … onto the top of the card. */
      g_assert_true (tp_layout_get_touchpoint (layout, link->touchpoint, &touchpoint));
      end = &info.path[info.n_path - 1];
      g_assert_cmpfloat_with_epsilon (end->y, touchpoint.card.y, 0.01);
      g_assert_cmpfloat (end->x, >=, touchpoint.card.x);
      g_assert_cmpfloat (end->x, <=, touchpoint.card.x + touchpoint.card.width);

      /* Finite points; each cubic starts where the one before ends (they share the
       * point in the array: evaluating both at the joint must agree). */
      for (guint k = 0; k < info.n_path; k++)
        g_assert_true (isfinite (info.path[k].x) && isfinite (info.path[k].y));
      for (guint s = 3; s + 3 < info.n_path; s += 3)
        {
          TpPoint before, after;

          bezier_at (&info.path[s - 3], 1, &before);
          bezier_at (&info.path[s], 0, &after);
          g_assert_cmpfloat_with_epsilon (before.x, after.x, 1e-9);
          g_assert_cmpfloat_with_epsilon (before.y, after.y, 1e-9);
        }
      for (guint s = 0; s + 3 < info.n_path; s += 3)
        if (memcmp (&info.path[s], &info.path[s + 1], sizeof (TpPoint)) == 0 &&
            memcmp (&info.path[s], &info.path[s + 2], sizeof (TpPoint)) == 0 &&
            memcmp (&info.path[s], &info.path[s + 3], sizeof (TpPoint)) == 0)
          degenerate++;

      /* One smooth curve: at every joint of two cubics (they share the joint's point),
       * the curve goes on the way it came. Across a cubic of no length (where a rounded
       * corner takes all of a short segment) the tangents on either side must agree. */
      for (guint j = 3; j + 1 < info.n_path; j += 3)
        {
          const TpPoint *p = info.path;
          double ux = p[j].x - p[j - 1].x, uy = p[j].y - p[j - 1].y;
          double vx = p[j + 1].x - p[j].x, vy = p[j + 1].y - p[j].y;
          double lu = hypot (ux, uy), lv = hypot (vx, vy);
          double cosine;

          /* The nearest non-zero tangents before and after the joint. */
          for (guint b = j - 1; lu < 1e-9 && b > 0; b--)
            {
              ux = p[j].x - p[b - 1].x;
              uy = p[j].y - p[b - 1].y;
              lu = hypot (ux, uy);
            }
          for (guint a = j + 1; lv < 1e-9 && a + 1 < info.n_path; a++)
            {
              vx = p[a + 1].x - p[j].x;
              vy = p[a + 1].y - p[j].y;
              lv = hypot (vx, vy);
            }
          if (lu < 1e-9 || lv < 1e-9)
            continue;   /* the start: nothing came before */

          cosine = (ux * vx + uy * vy) / (lu * lv);
          if (cosine < cos (G_PI / 180))
            g_error ("link %s bends by %.2f° at path[%u] (%.2f, %.2f)", info.id,
                     acos (CLAMP (cosine, -1, 1)) * 180 / G_PI, j, p[j].x, p[j].y);
        }

      /* The bounds hold every point, and the board holds the bounds' curve. */
      for (guint k = 0; k < info.n_path; k++)
        {
          g_assert_true (tp_rect_contains_point (&info.bounds, info.path[k].x, info.path[k].y));
          g_assert_true (tp_rect_contains_point (&board, info.path[k].x, info.path[k].y));
        }
    }

  /* A rounded corner that takes all of a short segment leaves a cubic of no length
   * behind: harmless, but counted for the report. */
  g_test_message ("cubics of no length: %u", degenerate);

  /* Unknown ids and NULL are not links. */
  g_assert_false (tp_layout_get_link (layout, "nope", &info));
  g_assert_null (info.path);
  g_assert_cmpuint (info.n_path, ==, 0);
  g_assert_false (tp_layout_get_link (layout, NULL, &info));
  g_assert_false (tp_layout_get_link (layout, "n12", &info));
}

/* Links into one card arrive side by side; labels sit on pills in the band. */
static void
test_arrivals_and_pills (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLayout) layout = layout_document (document);
  g_autoptr(GArray) all = route_all (layout, document);
  g_autoptr(GHashTable) arrivals = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                           (GDestroyNotify) g_array_unref);
  double top, bottom;
  guint labelled = 0, shared = 0, covered = 0;
  TpRect canvas, chain;

  tp_layout_get_region (layout, TP_REGION_CANVAS, &canvas);
  tp_layout_get_region (layout, TP_REGION_VALUE_CHAIN, &chain);
  get_band (layout, &top, &bottom);
  g_assert_cmpfloat (top, ==, MAX (canvas.y + canvas.height, chain.y + chain.height));
  g_assert_cmpfloat (bottom, >, top);

  for (guint i = 0; i < all->len; i++)
    {
      const TpLinkInfo *info = &g_array_index (all, Routed, i).info;
      GArray *xs = g_hash_table_lookup (arrivals, info->touchpoint);
      double x = info->path[info->n_path - 1].x;

      if (xs == NULL)
        {
          xs = g_array_new (FALSE, FALSE, sizeof (double));
          g_hash_table_insert (arrivals, (gpointer) info->touchpoint, xs);
        }
      for (guint k = 0; k < xs->len; k++)
        g_assert_cmpfloat (fabs (g_array_index (xs, double, k) - x), >=, 1);
      g_array_append_val (xs, x);
      shared += xs->len > 1;

      if (info->label[0] == '\0')
        {
          g_assert_true (tp_rect_is_empty (&info->pill));
          continue;
        }

      labelled++;
      g_assert_false (tp_rect_is_empty (&info->pill));
      g_assert_cmpfloat (info->pill.y, >=, top);
      g_assert_cmpfloat (info->pill.y + info->pill.height, <=, bottom);
      g_assert_true (tp_rect_contains_rect (&info->bounds, &info->pill));
      /* On the link's own run, if it has one long enough. */
      {
        double y, x0, x1;

        if (get_lane_run (layout, info, &y, &x0, &x1))
          g_assert_cmpfloat (fabs (info->pill.y + info->pill.height / 2 - y), <=, 1);
      }

      for (guint k = 0; k < i; k++)
        {
          const TpLinkInfo *other = &g_array_index (all, Routed, k).info;

          if (!tp_rect_is_empty (&other->pill))
            g_assert_false (rects_overlap (&info->pill, &other->pill));
        }

      /* A pill is taller than the spacing of lanes, so it may hide a neighbour's run:
       * counted for the report, not a failure. */
      for (guint k = 0; k < all->len; k++)
        {
          const Routed *other = &g_array_index (all, Routed, k);

          if (k != i && polyline_enters_rect (other->flat, &info->pill, 0.5))
            {
              covered++;
              g_test_message ("the pill of %s [%.1f, %.1f %.1fx%.1f] covers part of %s",
                              info->id, info->pill.x, info->pill.y, info->pill.width,
                              info->pill.height, other->info.id);
            }
        }
    }

  g_assert_cmpuint (labelled, ==, 13);
  /* t10 takes five links, t8 and t13 three, t1 and t2 two. */
  g_assert_cmpuint (shared, ==, 4 + 2 + 2 + 1 + 1);
  g_test_message ("%u pill(s) over another link's curve", covered);
}

/* Routes keep to gutters and the band: no curve enters another note. */
static void
test_avoid_notes (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLayout) layout = layout_document (document);
  g_autoptr(GArray) all = route_all (layout, document);
  guint crossings = 0;

  for (guint i = 0; i < all->len; i++)
    {
      const Routed *r = &g_array_index (all, Routed, i);

      for (guint c = 0; c < TP_N_CONTAINERS; c++)
        {
          GPtrArray *notes = tp_document_get_notes (document, c);

          for (guint k = 0; k < notes->len; k++)
            {
              TpItem *item = g_ptr_array_index (notes, k);
              TpNoteInfo note;

              if (g_strcmp0 (item->id, r->info.note) == 0 ||
                  !tp_layout_get_note (layout, item->id, &note) || !note.visible)
                continue;
              if (polyline_enters_rect (r->flat, &note.rect, 0.5))
                {
                  crossings++;
                  g_test_message ("link %s (%s → %s) crosses note %s [%.1f, %.1f %.1fx%.1f]",
                                  r->info.id, r->info.note, r->info.touchpoint, item->id,
                                  note.rect.x, note.rect.y, note.rect.width, note.rect.height);
                }
            }
        }
    }

  g_test_message ("notes crossed by links: %u", crossings);
  g_assert_cmpuint (crossings, ==, 0);
}

/* A note behind its block's "+N more" badge keeps its link, which leaves the badge. */
static void
test_hidden_note (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLayout) layout = NULL;
  GPtrArray *notes;
  TpContainerInfo block;
  TpNoteInfo note;
  TpLinkInfo info;
  TpPoint anchor;
  const char *hidden, *id;

  fill_container (document, TP_CONTAINER_KEY_ACTIVITIES, 1500);
  notes = tp_document_get_notes (document, TP_CONTAINER_KEY_ACTIVITIES);
  hidden = ((TpItem *) g_ptr_array_index (notes, notes->len - 1))->id;
  id = tp_document_add_link (document, hidden, "t5", "hidden");
  g_assert_nonnull (id);

  layout = layout_document (document);
  tp_layout_get_container (layout, TP_CONTAINER_KEY_ACTIVITIES, &block);
  g_assert_cmpuint (block.n_hidden, >, 0);
  g_assert_false (tp_rect_is_empty (&block.more));
  g_assert_true (tp_layout_get_note (layout, hidden, &note));
  g_assert_false (note.visible);

  g_assert_true (tp_layout_get_link (layout, id, &info));
  g_assert_cmpstr (info.note, ==, hidden);
  g_assert_cmpuint ((info.n_path - 1) % 3, ==, 0);
  /* Out of the badge's bottom edge, with the link's numbered badge there. */
  g_assert_cmpfloat (info.path[0].x, >=, block.more.x);
  g_assert_cmpfloat (info.path[0].x, <=, block.more.x + block.more.width);
  g_assert_cmpfloat_with_epsilon (info.path[0].y, block.more.y + block.more.height, 0.01);
  g_assert_false (tp_rect_is_empty (&info.pill));
  g_assert_true (tp_rect_intersects (&info.note_badge, &block.more));

  /* The links of the notes still shown (l10 from n29, l20 from n33) keep their notes. */
  g_assert_true (tp_layout_get_link (layout, "l10", &info));
  g_assert_true (tp_layout_get_note (layout, "n29", &note));
  g_assert_true (note.visible);
  g_assert_cmpfloat_with_epsilon (info.path[0].y, note.rect.y + note.rect.height, 0.01);

  /* A hidden note has no handle to drag a link from. */
  g_assert_false (tp_layout_get_link_anchor (layout, hidden, &anchor));

  /* Expanded, the note shows and the link leaves the note itself. */
  tp_layout_set_expanded (layout, TP_CONTAINER_KEY_ACTIVITIES, TRUE);
  tp_layout_update (layout, document);
  g_assert_true (tp_layout_get_note (layout, hidden, &note));
  g_assert_true (note.visible);
  g_assert_true (tp_layout_get_link (layout, id, &info));
  g_assert_cmpfloat (info.path[0].x, >=, note.rect.x);
  g_assert_cmpfloat (info.path[0].x, <=, note.rect.x + note.rect.width);
  g_assert_cmpfloat_with_epsilon (info.path[0].y, note.rect.y + note.rect.height, 0.01);
}

/* Hit-testing and queries */

static void
test_hit (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLayout) layout = layout_document (document);
  g_autoptr(GArray) all = route_all (layout, document);
  const double tolerance = 3;
  guint empty_points = 0;
  gboolean found_off = FALSE;
  TpRect area = { 0 };

  for (guint i = 0; i < all->len; i++)
    {
      const Routed *r = &g_array_index (all, Routed, i);
      TpPoint p;
      const char *hit;
      gboolean in_pill;

      /* A point on the run across the band (or, where the link's pill hides all of its
       * run, on its way down to the card): this link, or one that runs there too. */
      if (!find_path_point (layout, all, i, 1, 0, &p))
        g_error ("no point of %s lies outside the pills", r->info.id);
      hit = tp_layout_hit_link (layout, p.x, p.y, tolerance);
      g_assert_nonnull (hit);
      if (g_strcmp0 (hit, r->info.id) != 0)
        {
          TpLinkInfo other;

          g_assert_true (tp_layout_get_link (layout, hit, &other));
          for (guint k = 0; k < all->len; k++)
            if (g_strcmp0 (g_array_index (all, Routed, k).info.id, hit) == 0)
              g_assert_cmpfloat (distance_to_polyline (g_array_index (all, Routed, k).flat,
                                                       p.x, p.y), <=, tolerance + 0.1);
          g_test_message ("(%.1f, %.1f) on %s hits %s", p.x, p.y, r->info.id, hit);
        }
      g_assert_cmpfloat (nearest_curve (all, p.x, p.y, 1, 0, &in_pill), <, 0.01);

      /* A pill's centre is its link, whatever the tolerance. */
      if (!tp_rect_is_empty (&r->info.pill))
        {
          double cx = r->info.pill.x + r->info.pill.width / 2;
          double cy = r->info.pill.y + r->info.pill.height / 2;

          g_assert_cmpstr (tp_layout_hit_link (layout, cx, cy, 0), ==, r->info.id);
          g_assert_cmpstr (tp_layout_hit_link (layout, cx, cy, tolerance), ==, r->info.id);
        }

      if (i == 0)
        area = r->info.bounds;
      else
        {
          double x1 = MAX (area.x + area.width, r->info.bounds.x + r->info.bounds.width);
          double y1 = MAX (area.y + area.height, r->info.bounds.y + r->info.bounds.height);

          area.x = MIN (area.x, r->info.bounds.x);
          area.y = MIN (area.y, r->info.bounds.y);
          area.width = x1 - area.x;
          area.height = y1 - area.y;
        }
    }

  /* Points 30 units or more from every curve and pill, inside some link's bounds (so
   * that the bounds alone do not decide): nothing. */
  for (double y = area.y; y < area.y + area.height; y += 20)
    for (double x = area.x; x < area.x + area.width; x += 20)
      {
        gboolean inside = FALSE, in_pill;

        for (guint i = 0; i < all->len && !inside; i++)
          inside = tp_rect_contains_point (&g_array_index (all, Routed, i).info.bounds, x, y);
        if (!inside || nearest_curve (all, x, y, 30, 30, &in_pill) < 30 || in_pill)
          continue;
        empty_points++;
        g_assert_null (tp_layout_hit_link (layout, x, y, 8));
      }
  g_test_message ("%u points far from every link hit nothing", empty_points);
  g_assert_cmpuint (empty_points, >, 100);

  /* A point 5 units beside a curve (and farther from every other): tolerance decides. */
  for (guint i = 0; i < all->len && !found_off; i++)
    {
      const GArray *flat = g_array_index (all, Routed, i).flat;

      for (guint k = 0; k < flat->len && !found_off; k++)
        for (int side = -1; side <= 1 && !found_off; side += 2)
          {
            const TpPoint *p = &g_array_index (flat, TpPoint, k);
            double x = p->x + side * 5, y = p->y;
            gboolean in_pill;
            double d = nearest_curve (all, x, y, 8, 8, &in_pill);
            const char *hit;

            if (in_pill || d < 4.9 || d > 5.1)
              continue;
            found_off = TRUE;
            g_assert_null (tp_layout_hit_link (layout, x, y, 2));
            hit = tp_layout_hit_link (layout, x, y, 8);
            g_assert_nonnull (hit);
            for (guint m = 0; m < all->len; m++)
              if (g_strcmp0 (g_array_index (all, Routed, m).info.id, hit) == 0)
                g_assert_cmpfloat (distance_to_polyline (g_array_index (all, Routed, m).flat,
                                                         x, y), <=, 5.2);
          }
    }
  g_assert_true (found_off);

  /* Far outside every link. */
  g_assert_null (tp_layout_hit_link (layout, -100, -100, 8));
}

static void
test_query (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLayout) layout = layout_document (document);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  GPtrArray *links = tp_document_get_links (document);
  TpRect board, corner, everything;

  for (guint i = 0; i < links->len; i++)
    {
      TpLink *link = g_ptr_array_index (links, i);
      TpLinkInfo info;
      const TpPoint *end;
      TpRect near;

      g_assert_true (tp_layout_get_link (layout, link->item.id, &info));
      end = &info.path[info.n_path - 1];
      near = (TpRect) { end->x - 2, end->y - 2, 4, 4 };
      g_ptr_array_set_size (ids, 0);
      tp_layout_query_links (layout, &near, ids);
      g_assert_true (g_ptr_array_find_with_equal_func (ids, link->item.id, g_str_equal, NULL));
      /* The ids are the layout's own strings. */
      g_assert_true (g_ptr_array_find (ids, info.id, NULL));
    }

  /* The board's top left corner, in its margin: none. */
  tp_layout_get_bounds (layout, &board);
  corner = (TpRect) { board.x, board.y, 40, 40 };
  g_ptr_array_set_size (ids, 0);
  tp_layout_query_links (layout, &corner, ids);
  g_assert_cmpuint (ids->len, ==, 0);

  /* The whole board: all of them, in document order. */
  everything = board;
  g_ptr_array_set_size (ids, 0);
  tp_layout_query_links (layout, &everything, ids);
  g_assert_cmpuint (ids->len, ==, links->len);
  for (guint i = 0; i < links->len; i++)
    g_assert_cmpstr (ids->pdata[i], ==, ((TpLink *) g_ptr_array_index (links, i))->item.id);
}

/* Anchors and the curve of a link being dragged */

static void
test_anchors (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLayout) layout = layout_document (document);
  TpNoteInfo note;
  TpTouchpointInfo touchpoint;
  TpPoint anchor, curve[4];

  g_assert_true (tp_layout_get_note (layout, "n12", &note));
  g_assert_true (tp_layout_get_link_anchor (layout, "n12", &anchor));
  g_assert_cmpfloat_with_epsilon (anchor.x, note.rect.x + note.rect.width / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (anchor.y, note.rect.y + note.rect.height, 1e-9);

  g_assert_true (tp_layout_get_touchpoint (layout, "t10", &touchpoint));
  g_assert_true (tp_layout_get_link_anchor (layout, "t10", &anchor));
  g_assert_cmpfloat_with_epsilon (anchor.x, touchpoint.card.x + touchpoint.card.width / 2, 1e-9);
  g_assert_cmpfloat_with_epsilon (anchor.y, touchpoint.card.y, 1e-9);

  /* Stages, links, unknown ids and NULL have no anchor. */
  g_assert_false (tp_layout_get_link_anchor (layout, "s1", &anchor));
  g_assert_false (tp_layout_get_link_anchor (layout, "l1", &anchor));
  g_assert_false (tp_layout_get_link_anchor (layout, "nope", &anchor));
  g_assert_false (tp_layout_get_link_anchor (layout, NULL, &anchor));
  g_assert_false (tp_layout_get_drag_curve (layout, "s1", 10, 10, curve));
  g_assert_false (tp_layout_get_drag_curve (layout, "nope", 10, 10, curve));

  /* From a note: down first, whether the pointer is below or above it. */
  tp_layout_get_link_anchor (layout, "n12", &anchor);
  for (int dy = -300; dy <= 300; dy += 150)
    {
      double x = anchor.x + 200, y = anchor.y + dy;

      g_assert_true (tp_layout_get_drag_curve (layout, "n12", x, y, curve));
      g_assert_cmpfloat (curve[0].x, ==, anchor.x);
      g_assert_cmpfloat (curve[0].y, ==, anchor.y);
      g_assert_cmpfloat (curve[3].x, ==, x);
      g_assert_cmpfloat (curve[3].y, ==, y);
      g_assert_cmpfloat (curve[1].x, ==, anchor.x);
      g_assert_cmpfloat (curve[1].y, >, anchor.y);
      g_assert_cmpfloat (curve[2].y, <, y);
    }

  /* From a card: up first. */
  tp_layout_get_link_anchor (layout, "t10", &anchor);
  for (int dy = -300; dy <= 300; dy += 150)
    {
      double x = anchor.x - 120, y = anchor.y + dy;

      g_assert_true (tp_layout_get_drag_curve (layout, "t10", x, y, curve));
      g_assert_cmpfloat (curve[0].x, ==, anchor.x);
      g_assert_cmpfloat (curve[0].y, ==, anchor.y);
      g_assert_cmpfloat (curve[3].x, ==, x);
      g_assert_cmpfloat (curve[3].y, ==, y);
      g_assert_cmpfloat (curve[1].x, ==, anchor.x);
      g_assert_cmpfloat (curve[1].y, <, anchor.y);
      g_assert_cmpfloat (curve[2].y, >, y);
    }
}

/* Stability */

/* The same document gives the same routes: again, in a fresh layout, and after an
 * unrelated edit is undone. */
static void
test_stable (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLayout) layout = layout_document (document);
  g_autoptr(TpLayout) fresh = NULL;
  g_autoptr(GHashTable) paths = snapshot_paths (layout, document);
  GPtrArray *links = tp_document_get_links (document);
  const char *added;
  guint changed;

  tp_layout_update (layout, document);
  expect_unchanged (layout, paths, "laid out again");

  fresh = layout_document (document);
  expect_unchanged (fresh, paths, "a fresh layout");
  for (guint i = 0; i < links->len; i++)
    {
      TpLinkInfo a, b;

      g_assert_true (tp_layout_get_link (layout, ((TpItem *) links->pdata[i])->id, &a));
      g_assert_true (tp_layout_get_link (fresh, ((TpItem *) links->pdata[i])->id, &b));
      if (!paths_equal (&a, &b))
        {
          g_test_message ("%s differs between two layouts of one document", a.id);
          g_test_fail ();
        }
    }

  /* A note in the customer segments, which no link leaves from, then undone. */
  added = tp_document_add_note (document, TP_CONTAINER_CUSTOMER_SEGMENTS, 99, "Students");
  g_assert_nonnull (added);
  tp_layout_update (layout, document);
  changed = count_changed_paths (layout, paths);
  g_test_message ("paths changed by a note in an unrelated block: %u", changed);
  tp_document_undo (document);
  tp_layout_update (layout, document);
  expect_unchanged (layout, paths, "a note added and undone");

  /* Deleting a link and undoing it. */
  tp_document_delete (document, (const char *[]) { "l11" }, 1);
  tp_layout_update (layout, document);
  g_assert_false (tp_layout_get_link (layout, "l11", &(TpLinkInfo) { 0 }));
  tp_document_undo (document);
  tp_layout_update (layout, document);
  expect_unchanged (layout, paths, "a link deleted and undone");

  /* Expanding a block that hides nothing changes nothing either. */
  tp_layout_set_expanded (layout, TP_CONTAINER_CHANNELS, TRUE);
  tp_layout_update (layout, document);
  expect_unchanged (layout, paths, "a block expanded that hides nothing");
}

/* The same document gives the same routes whatever else the process has allocated:
 * lanes and pills must not depend on where the router's scratch data happens to lie in
 * memory. Before each fresh layout, every other one of many blocks of each size is freed,
 * highest address first, so that malloc hands out memory in another order than before. */
static void
test_deterministic (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLayout) reference = layout_document (document);
  g_autoptr(GHashTable) paths = snapshot_paths (reference, document);
  guint differing = 0;

  for (guint round = 0; round < 10; round++)
    {
      g_autoptr(TpLayout) layout = NULL;
      g_autoptr(GPtrArray) kept = g_ptr_array_new_full (64 * 64, g_free);
      guint changed;

      for (gsize size = 16; size <= 1024; size += 16)
        {
          gpointer blocks[64];

          for (guint k = 0; k < G_N_ELEMENTS (blocks); k++)
            blocks[k] = g_malloc (size);
          for (guint k = G_N_ELEMENTS (blocks); k-- > 0;)
            {
              if (k % 2 == 1)
                g_free (blocks[k]);
              else
                g_ptr_array_add (kept, blocks[k]);
            }
        }

      layout = layout_document (document);
      changed = count_changed_paths (layout, paths);
      if (changed > 0)
        {
          differing++;
          g_test_message ("round %u: %u links routed differently", round, changed);
        }
    }

  /* Failed without aborting, so that the tests after this one still run. */
  if (differing > 0)
    {
      g_test_message ("%u of 10 fresh layouts routed the example differently", differing);
      g_test_fail ();
    }
}

/* The band grows with the lanes it needs, and only then. */
static void
test_band_growth (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLayout) layout = layout_document (document);
  const TpTheme *theme = tp_layout_get_theme (layout);
  TpRect before, after;
  double top, bottom, band_before, band_after;
  const char *id;

  /* Twenty links need more than the regions' gap: one more moves the journey down. */
  get_band (layout, &top, &bottom);
  band_before = bottom - top;
  g_assert_cmpfloat (band_before, >, theme->region_gap);
  tp_layout_get_region (layout, TP_REGION_JOURNEY, &before);
  id = tp_document_add_link (document, "n1", "t5", NULL);
  g_assert_nonnull (id);
  tp_layout_update (layout, document);
  get_band (layout, &top, &bottom);
  band_after = bottom - top;
  tp_layout_get_region (layout, TP_REGION_JOURNEY, &after);
  g_test_message ("band with 20 links: %.2f, with 21: %.2f", band_before, band_after);
  g_assert_cmpfloat (band_after, >, band_before);
  g_assert_cmpfloat (band_after - band_before, <, 20);
  g_assert_cmpfloat_with_epsilon (after.y - before.y, band_after - band_before, 1e-6);
  tp_document_undo (document);

  /* Ten links fit in the regions' gap: one more moves nothing. */
  {
    const char *doomed[] = { "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10" };

    tp_document_delete (document, doomed, G_N_ELEMENTS (doomed));
  }
  g_assert_cmpuint (tp_document_get_links (document)->len, ==, 10);
  tp_layout_update (layout, document);
  get_band (layout, &top, &bottom);
  band_before = bottom - top;
  g_assert_cmpfloat_with_epsilon (band_before, theme->region_gap, 1e-6);
  tp_layout_get_region (layout, TP_REGION_JOURNEY, &before);

  id = tp_document_add_link (document, "n1", "t5", "new");
  g_assert_nonnull (id);
  tp_layout_update (layout, document);
  get_band (layout, &top, &bottom);
  g_assert_cmpfloat_with_epsilon (bottom - top, theme->region_gap, 1e-6);
  tp_layout_get_region (layout, TP_REGION_JOURNEY, &after);
  g_assert_cmpfloat (after.y, ==, before.y);
  g_assert_true (tp_layout_get_link (layout, id, &(TpLinkInfo) { 0 }));
}

/* Painting */

/* Paints the board's area around (x, y), half a side of reach, at scale, into a new
 * image surface. */
static cairo_surface_t *
paint_around (TpLayout   *layout,
              TpDocument *document,
              double      x,
              double      y,
              double      reach,
              double      scale)
{
  int side = (int) ceil (2 * reach * scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, side, side);
  cairo_t *cr = cairo_create (surface);
  TpPaintOptions options;

  tp_paint_options_init (&options);
  options.transparent = TRUE;
  /* The curves themselves, as the screen draws them (a page of the example shows the
   * badges instead: test_paint_badges). */
  options.link_mode = TP_LINK_MODE_LINES;
  options.visible = (TpRect) { x - reach, y - reach, 2 * reach, 2 * reach };
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -(x - reach), -(y - reach));
  tp_paint_board (cr, layout, document, &options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  return surface;
}

/* The premultiplied ARGB of the surface's centre pixel. */
static void
centre_pixel (cairo_surface_t *surface,
              guint            rgba[4])
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 pixel = *(const guint32 *) (data + (h / 2) * cairo_image_surface_get_stride (surface)
                                      + (w / 2) * 4);

  rgba[0] = pixel >> 16 & 0xff;
  rgba[1] = pixel >> 8 & 0xff;
  rgba[2] = pixel & 0xff;
  rgba[3] = pixel >> 24 & 0xff;
}

/* Whether a premultiplied pixel is the colour of links of a stage tint at alpha
 * (0 … 1), within tolerance. */
static gboolean
is_link_colour (const TpTheme *theme,
                guint          tint,
                const guint    rgba[4],
                double         alpha,
                guint          tolerance)
{
  TpColour colour;
  double channels[3];

  tp_paint_get_link_colour (theme, tint, &colour);
  channels[0] = colour.red;
  channels[1] = colour.green;
  channels[2] = colour.blue;

  if (fabs (rgba[3] - alpha * 255) > tolerance)
    return FALSE;
  for (guint c = 0; c < 3; c++)
    if (fabs (rgba[c] - channels[c] * alpha * 255) > tolerance)
      return FALSE;
  return TRUE;
}

/* The board's ink includes its links: in the band, a lane's pixel is the link colour at
 * 60 %. */
static void
test_paint_lane (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLayout) layout = layout_document (document);
  g_autoptr(GArray) all = route_all (layout, document);
  const TpTheme *theme = tp_layout_get_theme (layout);
  guint checked = 0;

  for (guint i = 0; i < all->len; i++)
    {
      TpPoint p;
      cairo_surface_t *surface;
      guint rgba[4];

      /* Clear of pills and of other curves, so that only this link inks the pixel. */
      if (!find_lane_point (layout, all, i, 4, 4, &p))
        continue;
      surface = paint_around (layout, document, p.x, p.y, 4, 4);
      centre_pixel (surface, rgba);
      if (!is_link_colour (theme, g_array_index (all, Routed, i).info.tint, rgba,
                           theme->link_alpha, 3))
        g_error ("link %s at (%.1f, %.1f): pixel %u,%u,%u,%u is not the link colour",
                 g_array_index (all, Routed, i).info.id, p.x, p.y, rgba[0], rgba[1], rgba[2],
                 rgba[3]);
      cairo_surface_destroy (surface);
      checked++;

      /* Three units above or below the lane, between lanes: nothing. */
      surface = paint_around (layout, document, p.x, p.y - 2.5, 1, 4);
      centre_pixel (surface, rgba);
      g_assert_cmpuint (rgba[3], ==, 0);
      cairo_surface_destroy (surface);
    }

  g_test_message ("lane pixels checked: %u of %u links", checked, all->len);
  g_assert_cmpuint (checked, >=, all->len / 2);
}

/* Where a link passes beneath a note (if any does) or a stage header, those show
 * unmarked: the pixels there are the same as on a board without the link. */
static void
test_paint_beneath (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpDocument) without = load_example ();
  g_autoptr(TpLayout) layout = layout_document (document);
  g_autoptr(TpLayout) reference = NULL;
  g_autoptr(GArray) all = route_all (layout, document);
  const TpTheme *theme = tp_layout_get_theme (layout);
  TpLinkInfo info;
  TpTouchpointInfo touchpoint;
  TpStageInfo stage;
  double x, y;
  cairo_surface_t *a, *b;
  guint pa[4], pb[4];
  guint beneath_notes = 0;

  /* Without l9 (n18 → t15, alone on its card) but with as many links, so that the band
   * and the journey stay where they are. */
  tp_document_delete (without, (const char *[]) { "l9" }, 1);
  g_assert_nonnull (tp_document_add_link (without, "n1", "t5", NULL));
  reference = layout_document (without);

  g_assert_true (tp_layout_get_link (layout, "l9", &info));
  g_assert_true (tp_layout_get_touchpoint (layout, "t15", &touchpoint));
  g_assert_true (tp_layout_get_stage (layout, touchpoint.stage, &stage));
  x = info.path[info.n_path - 1].x;
  g_assert_cmpfloat (x, >, stage.header.x + 10);
  g_assert_cmpfloat (x, <, stage.header.x + stage.header.width - 10);

  /* In the header, above its name: the same as without the link. */
  y = stage.header.y + (stage.name.y - stage.header.y) / 2;
  g_assert_cmpfloat (stage.name.y - stage.header.y, >=, 4);
  a = paint_around (layout, document, x, y, 1, 4);
  b = paint_around (reference, without, x, y, 1, 4);
  centre_pixel (a, pa);
  centre_pixel (b, pb);
  g_assert_cmpuint (pa[3], ==, 255);
  g_assert_cmpmem (pa, sizeof pa, pb, sizeof pb);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);

  /* Between the header and the card, on the journey's panel: the link shows, over the
   * panel. */
  y = (stage.header.y + stage.header.height + touchpoint.card.y) / 2;
  a = paint_around (layout, document, x, y, 1, 4);
  b = paint_around (reference, without, x, y, 1, 4);
  centre_pixel (a, pa);
  centre_pixel (b, pb);
  g_assert_false (memcmp (pa, pb, sizeof pa) == 0);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);

  /* Notes a curve passes beneath (test_avoid_notes expects none in the example). */
  for (guint i = 0; i < all->len; i++)
    {
      const Routed *r = &g_array_index (all, Routed, i);

      for (guint c = 0; c < TP_N_CONTAINERS; c++)
        {
          GPtrArray *notes = tp_document_get_notes (document, c);

          for (guint k = 0; k < notes->len; k++)
            {
              TpItem *item = g_ptr_array_index (notes, k);
              TpNoteInfo note;

              if (g_strcmp0 (item->id, r->info.note) == 0 ||
                  !tp_layout_get_note (layout, item->id, &note) || !note.visible)
                continue;
              for (guint f = 0; f + 1 < r->flat->len; f++)
                {
                  const TpPoint *p = &g_array_index (r->flat, TpPoint, f);
                  TpRect inner = rect_grow (&note.rect, -3);
                  guint rgba[4];
                  cairo_surface_t *surface;

                  if (!tp_rect_contains_point (&inner, p->x, p->y))
                    continue;
                  surface = paint_around (layout, document, p->x, p->y, 1, 4);
                  centre_pixel (surface, rgba);
                  g_assert_false (is_link_colour (theme, r->info.tint, rgba, theme->link_alpha,
                                                  3));
                  cairo_surface_destroy (surface);
                  beneath_notes++;
                  break;
                }
            }
        }
    }
  g_test_message ("links passing beneath notes: %u", beneath_notes);
}

/* An emphasised link is opaque, and drawn by itself. */
static void
test_paint_emphasis (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLayout) layout = layout_document (document);
  g_autoptr(GArray) all = route_all (layout, document);
  const TpTheme *theme = tp_layout_get_theme (layout);
  TpPoint p = { 0 };
  guint index = G_MAXUINT;

  for (guint i = 0; i < all->len && index == G_MAXUINT; i++)
    if (find_lane_point (layout, all, i, 4, 4, &p))
      index = i;
  g_assert_cmpuint (index, !=, G_MAXUINT);

  for (TpLinkStyle style = TP_LINK_STYLE_NORMAL; style <= TP_LINK_STYLE_EMPHASIS; style++)
    {
      const char *id = g_array_index (all, Routed, index).info.id;
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 32, 32);
      cairo_t *cr = cairo_create (surface);
      guint rgba[4];

      cairo_scale (cr, 4, 4);
      cairo_translate (cr, -(p.x - 4), -(p.y - 4));
      tp_paint_link (cr, layout, id, style);
      /* Unknown links paint nothing. */
      tp_paint_link (cr, layout, "nope", style);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      centre_pixel (surface, rgba);
      g_assert_true (is_link_colour (theme, g_array_index (all, Routed, index).info.tint, rgba,
                                     style == TP_LINK_STYLE_EMPHASIS ? 1 : theme->link_alpha, 3));
      cairo_surface_destroy (surface);
    }

  /* The whole emphasised link keeps to its bounds. */
  {
    const TpLinkInfo *info = &g_array_index (all, Routed, index).info;
    cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *cr = cairo_create (surface);
    TpRect ink;

    tp_paint_link (cr, layout, info->id, TP_LINK_STYLE_EMPHASIS);
    cairo_destroy (cr);
    cairo_recording_surface_ink_extents (surface, &ink.x, &ink.y, &ink.width, &ink.height);
    g_assert_cmpfloat (ink.width, >, 0);
    g_assert_cmpfloat (ink.x, >=, info->bounds.x - 1);
    g_assert_cmpfloat (ink.y, >=, info->bounds.y - 1);
    g_assert_cmpfloat (ink.x + ink.width, <=, info->bounds.x + info->bounds.width + 1);
    g_assert_cmpfloat (ink.y + ink.height, <=, info->bounds.y + info->bounds.height + 1);
    cairo_surface_destroy (surface);
  }

  /* A link being dragged: opaque, dashed, ending in a dot. */
  {
    cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *cr = cairo_create (surface);
    TpPoint curve[4];
    TpRect ink;

    g_assert_true (tp_layout_get_drag_curve (layout, "n12", 600, 1300, curve));
    tp_paint_link_curve (cr, layout, curve);
    cairo_destroy (cr);
    cairo_recording_surface_ink_extents (surface, &ink.x, &ink.y, &ink.width, &ink.height);
    g_assert_cmpfloat (ink.width, >, 0);
    g_assert_cmpfloat (ink.y + ink.height, >=, 1300 + 3);
    g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy (surface);
  }
}

static void
ink_extents (TpLayout             *layout,
             TpDocument           *document,
             const TpPaintOptions *options,
             TpRect               *ink)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);

  tp_paint_board (cr, layout, document, options);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (surface, &ink->x, &ink->y, &ink->width, &ink->height);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* Links are culled and cut like everything else: painting one card's cell, or a bit of
 * the band, leaves ink only near it. */
static void
test_paint_culling (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLayout) layout = layout_document (document);
  g_autoptr(GArray) all = route_all (layout, document);
  /* As in test-render-journey-paint.c: a card's shadow or a marker's star may reach a
   * little out of a cell; the links themselves are cut to it. */
  const double reach = 25;
  TpTouchpointInfo info;
  TpPaintOptions options;
  TpRect ink, cell;
  TpPoint p;

  tp_paint_options_init (&options);
  options.transparent = TRUE;
  options.screen = TRUE;

  /* t10's card, where five links arrive. */
  g_assert_true (tp_layout_get_touchpoint (layout, "t10", &info));
  cell = info.cells[TP_JOURNEY_ROW_TOUCHPOINT];
  options.visible = cell;
  ink_extents (layout, document, &options, &ink);
  g_assert_cmpfloat (ink.width, >, 0);
  g_assert_cmpfloat (ink.x, >=, cell.x - reach);
  g_assert_cmpfloat (ink.y, >=, cell.y - reach);
  g_assert_cmpfloat (ink.x + ink.width, <=, cell.x + cell.width + reach);
  g_assert_cmpfloat (ink.y + ink.height, <=, cell.y + cell.height + reach);

  /* A bit of the band around one lane (of the first link with a run of its own there):
   * the links' ink, cut to it. */
  {
    gboolean found = FALSE;

    for (guint i = 0; i < all->len && !found; i++)
      found = find_lane_point (layout, all, i, 4, 4, &p);
    g_assert_true (found);
  }
  options.visible = (TpRect) { p.x - 10, p.y - 10, 20, 20 };
  ink_extents (layout, document, &options, &ink);
  g_assert_cmpfloat (ink.width, >, 0);
  g_assert_cmpfloat (ink.x, >=, options.visible.x - 1);
  g_assert_cmpfloat (ink.y, >=, options.visible.y - 1);
  g_assert_cmpfloat (ink.x + ink.width, <=, options.visible.x + options.visible.width + 1);
  g_assert_cmpfloat (ink.y + ink.height, <=, options.visible.y + options.visible.height + 1);

  /* The board's top left margin: nothing at all. */
  options.visible = (TpRect) { 0, 0, 20, 20 };
  ink_extents (layout, document, &options, &ink);
  g_assert_cmpfloat (ink.width, ==, 0);
}

/* Documents without links or without a journey */

static void
check_no_links (TpDocument *document)
{
  g_autoptr(TpLayout) layout = layout_document (document);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  const TpTheme *theme = tp_layout_get_theme (layout);
  cairo_surface_t *surface;
  cairo_t *cr;
  TpRect board;
  double top, bottom;

  g_assert_cmpuint (tp_document_get_links (document)->len, ==, 0);
  get_band (layout, &top, &bottom);
  g_assert_cmpfloat_with_epsilon (bottom - top, theme->region_gap, 1e-6);

  tp_layout_get_bounds (layout, &board);
  tp_layout_query_links (layout, &board, ids);
  g_assert_cmpuint (ids->len, ==, 0);
  g_assert_null (tp_layout_hit_link (layout, board.width / 2, top + theme->region_gap / 2, 50));
  g_assert_false (tp_layout_get_link (layout, "l1", &(TpLinkInfo) { 0 }));

  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  tp_paint_board (cr, layout, document, NULL);
  tp_paint_link (cr, layout, "l1", TP_LINK_STYLE_EMPHASIS);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_empty (void)
{
  g_autoptr(TpDocument) empty = tp_document_new ();
  g_autoptr(TpDocument) fresh = tp_document_new_default ();
  g_autoptr(TpDocument) example = load_example ();
  GPtrArray *stages = tp_document_get_stages (example);
  g_autoptr(GPtrArray) doomed = g_ptr_array_new ();

  /* Nothing at all; the five default stages and a note. */
  check_no_links (empty);
  g_assert_nonnull (tp_document_add_note (fresh, TP_CONTAINER_CHANNELS, 0, "Web shop"));
  check_no_links (fresh);

  /* The example without its links: the journey moves up to the regions' gap. */
  {
    g_autoptr(TpDocument) unlinked = load_example ();
    GPtrArray *links = tp_document_get_links (unlinked);
    g_autoptr(GPtrArray) ids = g_ptr_array_new ();

    for (guint i = 0; i < links->len; i++)
      g_ptr_array_add (ids, ((TpItem *) links->pdata[i])->id);
    tp_document_delete (unlinked, (const char * const *) ids->pdata, ids->len);
    check_no_links (unlinked);
  }

  /* The example without a journey: its links go with the touchpoints. */
  for (guint i = 0; i < stages->len; i++)
    g_ptr_array_add (doomed, ((TpItem *) stages->pdata[i])->id);
  tp_document_delete (example, (const char * const *) doomed->pdata, doomed->len);
  g_assert_cmpuint (tp_document_get_stages (example)->len, ==, 0);
  check_no_links (example);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/render/links/routes", test_routes);
  g_test_add_func ("/touchpoint/render/links/arrivals-and-pills", test_arrivals_and_pills);
  g_test_add_func ("/touchpoint/render/links/avoid-notes", test_avoid_notes);
  g_test_add_func ("/touchpoint/render/links/hidden-note", test_hidden_note);
  g_test_add_func ("/touchpoint/render/links/hit", test_hit);
  g_test_add_func ("/touchpoint/render/links/query", test_query);
  g_test_add_func ("/touchpoint/render/links/anchors", test_anchors);
  g_test_add_func ("/touchpoint/render/links/band-growth", test_band_growth);
  g_test_add_func ("/touchpoint/render/links/empty", test_empty);
  g_test_add_func ("/touchpoint/render/links/paint/lane", test_paint_lane);
  g_test_add_func ("/touchpoint/render/links/paint/beneath", test_paint_beneath);
  g_test_add_func ("/touchpoint/render/links/paint/emphasis", test_paint_emphasis);
  g_test_add_func ("/touchpoint/render/links/paint/culling", test_paint_culling);
  g_test_add_func ("/touchpoint/render/links/stability/relayout", test_stable);
  g_test_add_func ("/touchpoint/render/links/stability/deterministic", test_deterministic);

  return g_test_run ();
}
