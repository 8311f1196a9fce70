/* test-render-link-badges.c: links a reader can follow, measured.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On the example and on a dense board generated from it: every link's two numbered
 * badges carry its number and sit at its own two items; no badge or label pill covers
 * any note's or card's text, or another badge or pill; two links never run along the
 * same stretch closer than MIN_OFFSET unless the layout counts it as a tangle (and a
 * page then shows badges); and the PDF of a page has each link's number at both of its
 * badges, as text.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "io/tp-document-file.h"
#include "render/tp-layout.h"
#include "render/tp-painter.h"

/* Two runs closer than this (centre to centre, board units) read as one line: links are
 * 2 units wide, so at 2.5 a sliver of white still parts them. */
#define MIN_OFFSET     2.5
/* How long two links may stay that close and still only be crossing: where two rounded
 * corners cross at a shallow angle they stay within MIN_OFFSET for up to about 17
 * units (the corners' radius is 18). A shared run is longer than that. */
#define SHARED_LENGTH  20.0
/* How far from its item a badge may sit and still be read as its item's. */
#define BESIDE         3.0
#define FLAT_SAMPLES   16
#define MAX_PER_CARD   6

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

static GPtrArray *
all_of (TpLayout *layout,
        void    (*query) (TpLayout *, const TpRect *, GPtrArray *))
{
  GPtrArray *ids = g_ptr_array_new ();
  TpRect bounds;

  tp_layout_get_bounds (layout, &bounds);
  query (layout, &bounds, ids);
  return ids;
}

/* The example with about three times its links: every shown note of the canvas and the
 * value chain links to a touchpoint, round the journey, two of three with a label, and
 * a few notes to two more. No card takes more than MAX_PER_CARD, what one row of badges
 * along its top edge holds (more stack upwards, over the stage's header band: a known
 * limit, see check_badges_beside()). */
static TpDocument *
make_dense (void)
{
  TpDocument *document = load_example ();
  g_autoptr(TpLayout) layout = layout_document (document);
  g_autoptr(GPtrArray) notes = all_of (layout, tp_layout_query_notes);
  g_autoptr(GPtrArray) touchpoints = all_of (layout, tp_layout_query_touchpoints);
  static const char *labels[] = { "delivers", "supports", NULL };
  g_autoptr(GHashTable) per_card = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *links = tp_document_get_links (document);
  guint added = 0;

  for (guint i = 0; i < links->len; i++)
    {
      const char *touchpoint = ((TpLink *) g_ptr_array_index (links, i))->touchpoint;

      g_hash_table_insert (per_card, (gpointer) touchpoint,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (per_card,
                                                                                    touchpoint)) + 1));
    }

  g_assert_cmpuint (touchpoints->len, >, 0);
  for (guint i = 0; i < notes->len; i++)
    {
      guint extra = i % 7 == 0 ? 3 : 1;

      for (guint k = 0; k < extra; k++)
        {
          const char *touchpoint = touchpoints->pdata[(i * 5 + k * 3) % touchpoints->len];
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (per_card, touchpoint));

          if (n < MAX_PER_CARD &&
              tp_document_add_link (document, notes->pdata[i], touchpoint,
                                    labels[(i + k) % G_N_ELEMENTS (labels)]) != NULL)
            {
              g_hash_table_insert (per_card, (gpointer) touchpoint, GUINT_TO_POINTER (n + 1));
              added++;
            }
        }
    }
  g_assert_cmpuint (added, >=, 40);
  return document;
}

/* Geometry */

static gboolean
rects_overlap (const TpRect *a,
               const TpRect *b)
{
  const double eps = 1e-6;   /* touching edges are not an overlap */

  return !tp_rect_is_empty (a) && !tp_rect_is_empty (b) &&
         a->x + eps < b->x + b->width && b->x + eps < a->x + a->width &&
         a->y + eps < b->y + b->height && b->y + eps < a->y + a->height;
}

/* The gap between two rects, 0 when they touch or overlap. */
static double
rect_distance (const TpRect *a,
               const TpRect *b)
{
  double dx = MAX (0, MAX (a->x - (b->x + b->width), b->x - (a->x + a->width)));
  double dy = MAX (0, MAX (a->y - (b->y + b->height), b->y - (a->y + a->height)));

  return hypot (dx, dy);
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
distance_to_polyline (const GArray *flat,
                      double        x,
                      double        y)
{
  double best = G_MAXDOUBLE;

  for (guint k = 0; k + 1 < flat->len; k++)
    {
      const TpPoint *a = &g_array_index (flat, TpPoint, k);
      const TpPoint *b = &g_array_index (flat, TpPoint, k + 1);
      double dx = b->x - a->x, dy = b->y - a->y;
      double length2 = dx * dx + dy * dy;
      double t = length2 > 0 ? CLAMP (((x - a->x) * dx + (y - a->y) * dy) / length2, 0, 1) : 0;

      best = MIN (best, hypot (x - (a->x + t * dx), y - (a->y + t * dy)));
    }
  return best;
}

/* The longest stretch along a, walked in steps of one unit, that stays within
 * MIN_OFFSET of b. */
static double
longest_shared (const GArray *a,
                const GArray *b,
                const TpRect *b_bounds)
{
  double run = 0, longest = 0;

  for (guint k = 0; k + 1 < a->len; k++)
    {
      const TpPoint *p = &g_array_index (a, TpPoint, k);
      const TpPoint *q = &g_array_index (a, TpPoint, k + 1);
      double length = hypot (q->x - p->x, q->y - p->y);
      guint steps = MAX (1, (guint) ceil (length));

      for (guint s = 0; s < steps; s++)
        {
          double x = p->x + (q->x - p->x) * s / steps, y = p->y + (q->y - p->y) * s / steps;
          gboolean near = x >= b_bounds->x - MIN_OFFSET &&
                          x <= b_bounds->x + b_bounds->width + MIN_OFFSET &&
                          y >= b_bounds->y - MIN_OFFSET &&
                          y <= b_bounds->y + b_bounds->height + MIN_OFFSET &&
                          distance_to_polyline (b, x, y) < MIN_OFFSET;

          run = near ? run + length / steps : 0;
          longest = MAX (longest, run);
        }
    }
  return longest;
}

/* The text boxes no badge or pill may cover: every shown note's, every card's name,
 * every stage's name and job. */
static GArray *
text_boxes (TpLayout *layout)
{
  g_autoptr(GPtrArray) notes = all_of (layout, tp_layout_query_notes);
  g_autoptr(GPtrArray) touchpoints = all_of (layout, tp_layout_query_touchpoints);
  g_autoptr(GPtrArray) stages = all_of (layout, tp_layout_query_stages);
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (TpRect));

  for (guint i = 0; i < notes->len; i++)
    {
      TpNoteInfo note;

      g_assert_true (tp_layout_get_note (layout, notes->pdata[i], &note));
      if (note.visible)
        g_array_append_val (boxes, note.text);
    }
  for (guint i = 0; i < touchpoints->len; i++)
    {
      TpTouchpointInfo touchpoint;

      g_assert_true (tp_layout_get_touchpoint (layout, touchpoints->pdata[i], &touchpoint));
      g_array_append_val (boxes, touchpoint.name);
    }
  for (guint i = 0; i < stages->len; i++)
    {
      TpStageInfo stage;

      g_assert_true (tp_layout_get_stage (layout, stages->pdata[i], &stage));
      g_array_append_val (boxes, stage.name);
      if (!tp_rect_is_empty (&stage.job))
        g_array_append_val (boxes, stage.job);
    }
  return boxes;
}

static GArray *
get_links (TpLayout   *layout,
           TpDocument *document)
{
  GPtrArray *links = tp_document_get_links (document);
  GArray *infos = g_array_new (FALSE, FALSE, sizeof (TpLinkInfo));

  for (guint i = 0; i < links->len; i++)
    {
      TpLink *link = g_ptr_array_index (links, i);
      TpLinkInfo info;

      g_assert_true (tp_layout_get_link (layout, link->item.id, &info));
      g_array_append_val (infos, info);
    }
  return infos;
}

/* Numbers and places */

/* Whether every badge of a group is beside the item: within BESIDE of it, or of another
 * badge of the group that is (rows of badges stack away from a busy item, each row
 * touching the one before). */
static gboolean
cluster_beside (GArray       *badges,
                const TpRect *item)
{
  g_autofree gboolean *reached = g_new0 (gboolean, MAX (badges->len, 1));
  gboolean grew = TRUE;

  for (guint i = 0; i < badges->len; i++)
    reached[i] = rect_distance (&g_array_index (badges, TpRect, i), item) <= BESIDE;
  while (grew)
    {
      grew = FALSE;
      for (guint i = 0; i < badges->len; i++)
        for (guint k = 0; k < badges->len && !reached[i]; k++)
          if (reached[k] && rect_distance (&g_array_index (badges, TpRect, i),
                                           &g_array_index (badges, TpRect, k)) <= BESIDE)
            reached[i] = grew = TRUE;
    }
  for (guint i = 0; i < badges->len; i++)
    if (!reached[i])
      return FALSE;
  return TRUE;
}

static void
add_to_group (GHashTable   *groups,
              const char   *key,
              const TpRect *rect)
{
  GArray *group = g_hash_table_lookup (groups, key);

  if (group == NULL)
    {
      group = g_array_new (FALSE, FALSE, sizeof (TpRect));
      g_hash_table_insert (groups, (gpointer) key, group);
    }
  g_array_append_val (group, *rect);
}

/* Links are numbered 1, 2, … in document order, and each badge sits at its own item:
 * the note's at the note (or its block's "+N more" badge), the card's at the card. */
static void
check_badges_beside (TpDocument *document)
{
  g_autoptr(TpLayout) layout = layout_document (document);
  g_autoptr(GArray) infos = get_links (layout, document);
  g_autoptr(GHashTable) notes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) cards = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       (GDestroyNotify) g_array_unref);
  GHashTableIter iter;
  gpointer key, value;
  guint stacked = 0;

  for (guint i = 0; i < infos->len; i++)
    {
      const TpLinkInfo *info = &g_array_index (infos, TpLinkInfo, i);

      g_assert_cmpuint (info->number, ==, i + 1);
      g_assert_false (tp_rect_is_empty (&info->note_badge));
      g_assert_false (tp_rect_is_empty (&info->card_badge));
      /* Wide enough for the number, the same at both ends. */
      g_assert_cmpfloat (info->note_badge.width, >=, info->note_badge.height);
      g_assert_cmpfloat (info->note_badge.width, ==, info->card_badge.width);
      /* And within the link's bounds, so that painting and culling find them. */
      g_assert_true (tp_rect_contains_rect (&info->bounds, &info->note_badge));
      g_assert_true (tp_rect_contains_rect (&info->bounds, &info->card_badge));

      add_to_group (notes, info->note, &info->note_badge);
      add_to_group (cards, info->touchpoint, &info->card_badge);
    }

  g_hash_table_iter_init (&iter, notes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      TpNoteInfo note;
      TpContainerInfo block;
      const TpRect *item = &note.rect;

      g_assert_true (tp_layout_get_note (layout, key, &note));
      if (!note.visible)
        {
          tp_layout_get_container (layout, note.container, &block);
          item = &block.more;
        }
      if (!cluster_beside (value, item))
        g_error ("a badge of note %s is not beside it", (const char *) key);
    }

  g_hash_table_iter_init (&iter, cards);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      TpTouchpointInfo touchpoint;
      GArray *group = value;

      g_assert_true (tp_layout_get_touchpoint (layout, key, &touchpoint));
      if (!cluster_beside (group, &touchpoint.card))
        g_error ("a badge of card %s is not beside it", (const char *) key);
      for (guint i = 0; i < group->len; i++)
        stacked += rect_distance (&g_array_index (group, TpRect, i), &touchpoint.card) > BESIDE;
    }
  g_test_message ("badges in a further row: %u", stacked);
}

static void
test_beside_example (void)
{
  g_autoptr(TpDocument) document = load_example ();

  check_badges_beside (document);
}

static void
test_beside_dense (void)
{
  g_autoptr(TpDocument) document = make_dense ();

  check_badges_beside (document);
}

/* No badge or pill covers any text, and none covers another shown with it: a page shows
 * either every link's badges or every link's pill (tp-painter-links.c), and one link
 * emphasised shows its own pill and badges together. */
static void
check_clear_of_text (TpDocument *document)
{
  g_autoptr(TpLayout) layout = layout_document (document);
  g_autoptr(GArray) infos = get_links (layout, document);
  g_autoptr(GArray) boxes = text_boxes (layout);
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (TpRect));
  g_autoptr(GArray) kinds = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) owners = g_array_new (FALSE, FALSE, sizeof (guint));
  guint pills = 0;

  for (guint i = 0; i < infos->len; i++)
    {
      const TpLinkInfo *info = &g_array_index (infos, TpLinkInfo, i);
      guint badge = 0, pill = 1;

      g_array_append_val (marks, info->note_badge);
      g_array_append_val (kinds, badge);
      g_array_append_val (owners, i);
      g_array_append_val (marks, info->card_badge);
      g_array_append_val (kinds, badge);
      g_array_append_val (owners, i);
      if (!tp_rect_is_empty (&info->pill))
        {
          g_array_append_val (marks, info->pill);
          g_array_append_val (kinds, pill);
          g_array_append_val (owners, i);
          pills++;
        }
    }
  g_assert_cmpuint (pills, >, 0);

  for (guint i = 0; i < marks->len; i++)
    {
      const TpRect *mark = &g_array_index (marks, TpRect, i);

      for (guint k = 0; k < boxes->len; k++)
        if (rects_overlap (mark, &g_array_index (boxes, TpRect, k)))
          g_error ("mark [%.1f, %.1f %.1fx%.1f] covers text [%.1f, %.1f %.1fx%.1f]",
                   mark->x, mark->y, mark->width, mark->height,
                   g_array_index (boxes, TpRect, k).x, g_array_index (boxes, TpRect, k).y,
                   g_array_index (boxes, TpRect, k).width,
                   g_array_index (boxes, TpRect, k).height);
      for (guint k = 0; k < i; k++)
        {
          gboolean together = g_array_index (kinds, guint, i) == g_array_index (kinds, guint, k) ||
                              g_array_index (owners, guint, i) == g_array_index (owners, guint, k);

          if (together && rects_overlap (mark, &g_array_index (marks, TpRect, k)))
            g_error ("mark [%.1f, %.1f %.1fx%.1f] covers another [%.1f, %.1f]", mark->x, mark->y,
                     mark->width, mark->height, g_array_index (marks, TpRect, k).x,
                     g_array_index (marks, TpRect, k).y);
        }
    }
}

static void
test_clear_example (void)
{
  g_autoptr(TpDocument) document = load_example ();

  check_clear_of_text (document);
}

static void
test_clear_dense (void)
{
  g_autoptr(TpDocument) document = make_dense ();

  check_clear_of_text (document);
}

/* Separation */

/* Pairs of links that run along the same stretch closer than MIN_OFFSET. */
static guint
count_shared (TpDocument *document,
              TpLayout   *layout)
{
  g_autoptr(GArray) infos = get_links (layout, document);
  g_autoptr(GPtrArray) flats = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  guint shared = 0;

  for (guint i = 0; i < infos->len; i++)
    g_ptr_array_add (flats, flatten_link (&g_array_index (infos, TpLinkInfo, i)));

  for (guint i = 0; i < infos->len; i++)
    for (guint k = i + 1; k < infos->len; k++)
      {
        const TpLinkInfo *a = &g_array_index (infos, TpLinkInfo, i);
        const TpLinkInfo *b = &g_array_index (infos, TpLinkInfo, k);
        double length;

        if (!tp_rect_intersects (&a->bounds, &b->bounds))
          continue;
        length = longest_shared (flats->pdata[i], flats->pdata[k], &b->bounds);
        if (length >= SHARED_LENGTH)
          {
            g_test_message ("%s and %s share %.1f units", a->id, b->id, length);
            shared++;
          }
      }
  return shared;
}

/* On the example, no two links share a stretch: gutters give each run a lane of its own. */
static void
test_separated_example (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLayout) layout = layout_document (document);

  g_assert_cmpuint (count_shared (document, layout), ==, 0);
}

/* On a board too dense for that, the sharing is counted as a tangle, so that a page
 * shows badges, never lines a reader could confuse. */
static void
test_separated_dense (void)
{
  g_autoptr(TpDocument) document = make_dense ();
  g_autoptr(TpLayout) layout = layout_document (document);
  guint shared = count_shared (document, layout);

  g_test_message ("shared stretches on the dense board: %u, tangles %u", shared,
                  tp_layout_count_link_tangles (layout));
  if (shared > 0)
    g_assert_cmpuint (tp_layout_count_link_tangles (layout), >, 0);
}

/* One link alone tangles with nothing: a page draws it as a line. */
static void
test_single_link_untangled (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLayout) layout = NULL;
  GPtrArray *links = tp_document_get_links (document);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 1; i < links->len; i++)
    g_ptr_array_add (ids, g_strdup (((TpLink *) g_ptr_array_index (links, i))->item.id));
  tp_document_delete (document, (const char **) ids->pdata, ids->len);
  g_assert_cmpuint (tp_document_get_links (document)->len, ==, 1);

  layout = layout_document (document);
  g_assert_cmpuint (tp_layout_count_link_tangles (layout), ==, 0);

  /* The example itself is too dense for lines on a page. */
  {
    g_autoptr(TpDocument) example = load_example ();
    g_autoptr(TpLayout) example_layout = layout_document (example);

    g_assert_cmpuint (tp_layout_count_link_tangles (example_layout), >, 0);
  }
}

/* Painting */

/* The premultiplied ARGB of one board point, painted in a mode. */
static void
pixel_at (TpLayout   *layout,
          TpDocument *document,
          TpLinkMode  mode,
          gboolean    screen,
          double      x,
          double      y,
          guint       rgba[4])
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 8, 8);
  cairo_t *cr = cairo_create (surface);
  TpPaintOptions options;
  guint32 pixel;

  tp_paint_options_init (&options);
  options.transparent = TRUE;
  options.screen = screen;
  options.link_mode = mode;
  options.visible = (TpRect) { x - 1, y - 1, 2, 2 };
  cairo_scale (cr, 4, 4);
  cairo_translate (cr, -(x - 1), -(y - 1));
  tp_paint_board (cr, layout, document, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixel = *(const guint32 *) (cairo_image_surface_get_data (surface) +
                              4 * cairo_image_surface_get_stride (surface) + 4 * 4);
  rgba[0] = pixel >> 16 & 0xff;
  rgba[1] = pixel >> 8 & 0xff;
  rgba[2] = pixel & 0xff;
  rgba[3] = pixel >> 24 & 0xff;
  cairo_surface_destroy (surface);
}

/* A page of the example shows badges in the link's stage colour and no curves; the
 * screen shows the curves. */
static void
test_paint_modes (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLayout) layout = layout_document (document);
  const TpTheme *theme = tp_layout_get_theme (layout);
  TpLinkInfo info;
  TpColour colour;
  TpPoint lane = { 0 };
  guint rgba[4];
  gboolean found = FALSE;

  TpRect canvas, chain;

  g_assert_true (tp_layout_get_link (layout, "l1", &info));
  tp_paint_get_link_colour (theme, info.tint, &colour);
  tp_layout_get_region (layout, TP_REGION_CANVAS, &canvas);
  tp_layout_get_region (layout, TP_REGION_VALUE_CHAIN, &chain);

  /* The card's badge, a little left of its number: the link's colour, opaque, on a
   * page (AUTO, not the screen) and in badge mode. */
  for (TpLinkMode mode = TP_LINK_MODE_AUTO; mode <= TP_LINK_MODE_BADGES; mode += 2)
    {
      pixel_at (layout, document, mode, FALSE, info.card_badge.x + 2.5,
                info.card_badge.y + info.card_badge.height / 2, rgba);
      g_assert_cmpuint (rgba[3], ==, 255);
      g_assert_cmpint (abs ((int) rgba[0] - (int) round (colour.red * 255)), <=, 3);
      g_assert_cmpint (abs ((int) rgba[1] - (int) round (colour.green * 255)), <=, 3);
      g_assert_cmpint (abs ((int) rgba[2] - (int) round (colour.blue * 255)), <=, 3);
    }

  /* A point of a curve's run across the band, away from every other link: of the first
   * link that has one. */
  for (guint l = 1; !found; l++)
    {
      g_autofree char *id = g_strdup_printf ("l%u", l);

      if (!tp_layout_get_link (layout, id, &info))
        break;
      for (guint k = 0; k + 3 < info.n_path && !found; k += 3)
        {
          const TpPoint *p = &info.path[k], *q = &info.path[k + 3];

          /* In the band, below the upper regions' panels. */
          if (fabs (p->y - q->y) < 0.01 && fabs (p->x - q->x) > 20 &&
              p->y > MAX (canvas.y + canvas.height, chain.y + chain.height))
            {
              lane = (TpPoint) { (p->x + q->x) / 2, p->y };
              found = tp_layout_hit_link (layout, lane.x, lane.y, 2) == info.id &&
                      (tp_rect_is_empty (&info.pill) ||
                       !tp_rect_contains_point (&info.pill, lane.x, lane.y));
            }
        }
    }
  g_assert_true (found);

  /* On screen the curve shows there; on the page (badges) nothing does. */
  pixel_at (layout, document, TP_LINK_MODE_AUTO, TRUE, lane.x, lane.y, rgba);
  g_assert_cmpuint (rgba[3], >, 0);
  pixel_at (layout, document, TP_LINK_MODE_AUTO, FALSE, lane.x, lane.y, rgba);
  g_assert_cmpuint (rgba[3], ==, 0);
}

/* The PDF */

typedef struct
{
  double  x0, y0, x1, y1;
  char   *text;
} Word;

static void
word_clear (gpointer data)
{
  g_free (((Word *) data)->text);
}

/* The words of a PDF with their boxes, from pdftotext -bbox. */
static GArray *
read_words (const char *pdftotext,
            const char *pdf)
{
  const char *argv[] = { pdftotext, "-bbox", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  int status;

  g_array_set_clear_func (words, word_clear);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      Word word = { 0 };
      const char *open = strstr (lines[i], "<word ");
      const char *start, *end;

      if (open == NULL ||
          sscanf (open, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"", &word.x0,
                  &word.y0, &word.x1, &word.y1) != 4 ||
          (start = strchr (open, '>')) == NULL || (end = strstr (start, "</word>")) == NULL)
        continue;
      word.text = g_strndup (start + 1, end - start - 1);
      g_array_append_val (words, word);
    }
  return words;
}

/* Whether a word of the given text has its centre within rect (in PDF points, the
 * board's origin at origin). */
static gboolean
has_word_in (GArray       *words,
             const char   *text,
             const TpRect *rect,
             double        ox,
             double        oy)
{
  for (guint i = 0; i < words->len; i++)
    {
      const Word *word = &g_array_index (words, Word, i);
      double cx = (word->x0 + word->x1) / 2 + ox, cy = (word->y0 + word->y1) / 2 + oy;

      if (g_strcmp0 (word->text, text) == 0 && tp_rect_contains_point (rect, cx, cy))
        return TRUE;
    }
  return FALSE;
}

/* A page of the board, as an export paints it: each link's number is text, twice, once
 * in each of its badges. */
static void
check_pdf_numbers (TpDocument *document)
{
  g_autoptr(TpLayout) layout = layout_document (document);
  g_autoptr(GArray) infos = get_links (layout, document);
  g_autofree char *dir = g_dir_make_tmp ("test-render-link-badges-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "board.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GArray) words = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  TpPaintOptions options;
  TpRect bounds;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  tp_layout_get_bounds (layout, &bounds);
  surface = cairo_pdf_surface_create (pdf, bounds.width, bounds.height);
  cr = cairo_create (surface);
  cairo_translate (cr, -bounds.x, -bounds.y);
  tp_paint_options_init (&options);
  tp_paint_board (cr, layout, document, &options);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  words = read_words (pdftotext, pdf);
  for (guint i = 0; i < infos->len; i++)
    {
      const TpLinkInfo *info = &g_array_index (infos, TpLinkInfo, i);
      g_autofree char *number = g_strdup_printf ("%u", info->number);
      guint count = 0;

      for (guint k = 0; k < words->len; k++)
        count += g_strcmp0 (g_array_index (words, Word, k).text, number) == 0;
      g_assert_cmpuint (count, >=, 2);
      if (!has_word_in (words, number, &info->note_badge, bounds.x, bounds.y) ||
          !has_word_in (words, number, &info->card_badge, bounds.x, bounds.y))
        g_error ("link %s: its number %s is not in both of its badges", info->id, number);
    }

  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_pdf_example (void)
{
  g_autoptr(TpDocument) document = load_example ();

  check_pdf_numbers (document);
}

static void
test_pdf_dense (void)
{
  g_autoptr(TpDocument) document = make_dense ();

  check_pdf_numbers (document);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/render/link-badges/beside/example", test_beside_example);
  g_test_add_func ("/touchpoint/render/link-badges/beside/dense", test_beside_dense);
  g_test_add_func ("/touchpoint/render/link-badges/clear-of-text/example", test_clear_example);
  g_test_add_func ("/touchpoint/render/link-badges/clear-of-text/dense", test_clear_dense);
  g_test_add_func ("/touchpoint/render/link-badges/separated/example", test_separated_example);
  g_test_add_func ("/touchpoint/render/link-badges/separated/dense", test_separated_dense);
  g_test_add_func ("/touchpoint/render/link-badges/untangled", test_single_link_untangled);
  g_test_add_func ("/touchpoint/render/link-badges/paint-modes", test_paint_modes);
  g_test_add_func ("/touchpoint/render/link-badges/pdf/example", test_pdf_example);
  g_test_add_func ("/touchpoint/render/link-badges/pdf/dense", test_pdf_dense);

  return g_test_run ();
}
