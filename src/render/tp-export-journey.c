/* tp-export-journey.c: the customer journey on slides and sheets, as a deck.
 *
 * A journey is wide and a page is not. Shrinking the whole journey onto one slide makes
 * its words unreadable, so on a page of fixed size (slide, A4, A3, Letter) the journey is
 * planned as a deck: the largest text scale at which it fits, up to a cap (a slide is
 * not a poster), and where that scale would put note text below a legible floor, it is
 * cut between stages into parts, as few as reach the floor. Every part of the deck is
 * drawn at the same scale, with its title at the same place and a frame of the same
 * size, closed on every side; the row labels repeat on each. The stages are spread so
 * that the widest part is as narrow as it can be and, of such cuts, the narrowest part
 * as wide as it can be: no near-empty last slide. A fitted page (`fit`) keeps the whole
 * journey at its natural size.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tp-export-private.h"
#include "tp-layout-private.h"
#include "tp-painter-private.h"

/* Note text (TP_FONT_NOTE, 13 board units) is at most TP_EXPORT_NOTE_CAP_PT on a page
 * (larger reads as a poster, not a slide), and never smaller than TP_EXPORT_NOTE_FLOOR_PT:
 * below it, the journey goes on on another part. */
/* A journey with more stages than this is cut greedily (the balanced cut costs
 * stages² × parts). */
#define MAX_BALANCED_STAGES 120
/* The narrowest part at least this share of the widest, or one part more is tried. */
#define MIN_BALANCE (1 / 1.35)

/* Each stage's column, in board units: a part's width is the labels' column plus its
 * stages' columns and the gaps between them. */
static void
get_stage_spans (TpLayout *layout,
                 GArray   *columns)
{
  g_array_set_size (columns, 0);
  for (guint i = 0; i < layout->journey.stages->len; i++)
    g_array_append_val (columns, _tp_journey_stage (layout, i)->info.column);
}

/* The labels' column and the padding on both sides of the stages. */
static double
labels_width (void)
{
  return TP_JOURNEY_LABEL_WIDTH + TP_JOURNEY_PAD + TP_JOURNEY_PAD;
}

static double
part_width (GArray *columns,
            guint   first,
            guint   n)
{
  const TpRect *start = &g_array_index (columns, TpRect, first);
  const TpRect *end = &g_array_index (columns, TpRect, first + n - 1);

  return labels_width () + (end->x + end->width - start->x);
}

/* Greedily, whole stages: parts of at most max_width each; how many. */
static guint
count_greedy (GArray *columns,
              double  max_width,
              GArray *parts)
{
  TpJourneyPart part = { 0, 0 };
  guint n_parts = 0;

  if (parts != NULL)
    g_array_set_size (parts, 0);
  for (guint i = 0; i < columns->len; i++)
    {
      if (part.n > 0 && part_width (columns, part.first, part.n + 1) > max_width)
        {
          if (parts != NULL)
            g_array_append_val (parts, part);
          n_parts++;
          part = (TpJourneyPart) { i, 1 };
        }
      else
        part.n++;
    }
  if (parts != NULL)
    g_array_append_val (parts, part);

  return n_parts + 1;
}

/* The smallest widest part that n_parts parts can have (at least one stage each): the
 * greedy cut needs no more parts than n_parts at exactly that width. */
static double
min_max_width (GArray *columns,
               guint   n_parts)
{
  double lo = 0, hi = part_width (columns, 0, columns->len);

  for (guint i = 0; i < columns->len; i++)
    lo = MAX (lo, part_width (columns, i, 1));
  if (count_greedy (columns, lo, NULL) <= n_parts)
    return lo;

  /* Part widths are sums of a few hundred units: a hundredth of a unit is exact enough. */
  while (hi - lo > 0.01)
    {
      double mid = (lo + hi) / 2;

      if (count_greedy (columns, mid, NULL) <= n_parts)
        hi = mid;
      else
        lo = mid;
    }

  return hi;
}

/* Of the cuts into n_parts parts none wider than max_width, the one whose narrowest
 * part is widest (dynamic programming over stage prefixes). */
static void
cut_balanced (GArray *columns,
              guint   n_parts,
              double  max_width,
              GArray *parts)
{
  guint n = columns->len;
  /* best[k * (n + 1) + i]: the widest narrowest part of i stages in k parts; from[…]:
   * where that cut's last part starts. */
  g_autofree double *best = g_new (double, (n_parts + 1) * (n + 1));
  g_autofree guint *from = g_new0 (guint, (n_parts + 1) * (n + 1));
  guint i;

  for (i = 0; i < (n_parts + 1) * (n + 1); i++)
    best[i] = -1;
  best[0] = G_MAXDOUBLE;

  for (guint k = 1; k <= n_parts; k++)
    for (i = k; i <= n; i++)
      for (guint j = i; j-- > k - 1;)
        {
          double width = part_width (columns, j, i - j);
          double prior = best[(k - 1) * (n + 1) + j];
          double value;

          if (width > max_width + 0.01)
            break;
          if (prior < 0)
            continue;
          value = MIN (prior, width);
          if (value > best[k * (n + 1) + i])
            {
              best[k * (n + 1) + i] = value;
              from[k * (n + 1) + i] = j;
            }
        }

  /* No such cut (a width rounded below what whole stages allow): the greedy one. */
  if (best[n_parts * (n + 1) + n] < 0)
    {
      count_greedy (columns, max_width, parts);
      return;
    }

  g_array_set_size (parts, n_parts);
  i = n;
  for (guint k = n_parts; k > 0; k--)
    {
      guint j = from[k * (n + 1) + i];

      g_array_index (parts, TpJourneyPart, k - 1) = (TpJourneyPart) { j, i - j };
      i = j;
    }
}

/* The narrowest part's width over the widest's: 1 is a perfect balance. */
static double
get_balance (GArray *columns,
             GArray *parts)
{
  double narrowest = G_MAXDOUBLE, widest = 0;

  for (guint i = 0; i < parts->len; i++)
    {
      const TpJourneyPart *part = &g_array_index (parts, TpJourneyPart, i);
      double width = part_width (columns, part->first, part->n);

      narrowest = MIN (narrowest, width);
      widest = MAX (widest, width);
    }

  return widest > 0 ? narrowest / widest : 1;
}

/* The cut into n_parts parts: the narrowest widest part, which gives the largest type,
 * and of those cuts the one whose narrowest part is widest; but where the stages' widths
 * leave one part much narrower than the rest, parts up to allowed (the widest the
 * target scale allows) may share them out more evenly: that cut when clearly better. */
static void
cut_stages (GArray *columns,
            guint   n_parts,
            double  allowed,
            GArray *parts)
{
  g_autoptr(GArray) looser = g_array_new (FALSE, FALSE, sizeof (TpJourneyPart));
  double widest = min_max_width (columns, n_parts);

  cut_balanced (columns, n_parts, widest, parts);
  cut_balanced (columns, n_parts, MAX (widest, allowed), looser);
  if (get_balance (columns, looser) > get_balance (columns, parts) + 0.05)
    {
      g_array_set_size (parts, 0);
      g_array_append_vals (parts, looser->data, looser->len);
    }
}

/* The journey's title and panel, in board units. */
static gboolean
get_journey_content (TpLayout *layout,
                     TpRect   *content)
{
  TpRect title;

  if (!tp_layout_get_region (layout, TP_REGION_JOURNEY, content) ||
      layout->journey.stages->len == 0)
    return FALSE;
  tp_layout_get_region_title (layout, TP_REGION_JOURNEY, &title);
  content->height += content->y - title.y;
  content->y = title.y;

  return TRUE;
}

/* Rows are cut into groups where a mask's bit r is set: a group ends after row r. */
static double
tallest_group (const double *rows,
               guint         mask)
{
  double tallest = 0, group = 0;

  for (guint r = 0; r < TP_N_JOURNEY_ROWS; r++)
    {
      group += rows[r];
      if (r + 1 == TP_N_JOURNEY_ROWS || (mask & (1u << r)) != 0)
        {
          tallest = MAX (tallest, group);
          group = 0;
        }
    }

  return tallest;
}

/* The fewest groups of rows (in order) none taller than room, and of those the cut
 * whose tallest group is lowest; with no such cut, every row a group of its own. Seven
 * rows have 64 cuts: trying them all is cheap. */
static guint
cut_rows (const double *rows,
          double        room)
{
  guint best = (1u << (TP_N_JOURNEY_ROWS - 1)) - 1;
  guint best_groups = G_MAXUINT;
  double best_tallest = G_MAXDOUBLE;

  for (guint mask = 0; mask < (1u << (TP_N_JOURNEY_ROWS - 1)); mask++)
    {
      double tallest = tallest_group (rows, mask);
      guint groups = 1;

      for (guint r = 0; r < TP_N_JOURNEY_ROWS; r++)
        groups += (mask >> r) & 1;

      if (tallest > room)
        continue;
      if (groups < best_groups || (groups == best_groups && tallest < best_tallest))
        {
          best = mask;
          best_groups = groups;
          best_tallest = tallest;
        }
    }

  return best;
}

gboolean
_tp_export_journey_plan (TpLayout              *layout,
                         const TpExportOptions *options,
                         double                 width,
                         double                 height,
                         TpJourneyDeck         *deck)
{
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (TpRect));
  g_autoptr(GArray) stages = g_array_new (FALSE, FALSE, sizeof (TpJourneyPart));
  TpJourney *journey = &layout->journey;
  const TpRect *region = &layout->regions[TP_REGION_JOURNEY];
  double margin = _tp_export_get_margin (width, height);
  /* The legend's strip at the foot: the whole journey's, so every part keeps one frame. */
  double legend = _tp_export_get_legend_height (layout, NULL, options, TP_EXPORT_PAGE_JOURNEY,
                                                width, height);
  double room_x = width - 2 * margin, room_y = height - 2 * margin - legend;
  double pt = tp_export_get_points_per_pixel (options);
  double note = layout->theme->fonts[TP_FONT_NOTE].size;
  double rows[TP_N_JOURNEY_ROWS];
  double cap, floor_scale, target, fixed;
  guint n_parts, mask = 0;

  g_return_val_if_fail (deck != NULL, FALSE);

  memset (deck, 0, sizeof *deck);
  deck->parts = g_array_new (FALSE, FALSE, sizeof (TpJourneyPart));
  if (!get_journey_content (layout, &deck->content))
    return FALSE;
  get_stage_spans (layout, columns);
  for (guint r = 0; r < TP_N_JOURNEY_ROWS; r++)
    rows[r] = journey->bands[r].height;

  cap = TP_EXPORT_NOTE_CAP_PT / (note * pt);
  floor_scale = TP_EXPORT_NOTE_FLOOR_PT / (note * pt);
  /* The title, the stage headers and the panel's padding are on every page. */
  fixed = deck->content.height - journey->rows.height;

  /* Too tall for the floor: the rows go on on further pages, each with the stage
   * headers, rather than the type shrinking further. Only a single row taller than a
   * page can shrink the type below the floor. */
  if (room_y / deck->content.height < MIN (cap, floor_scale))
    {
      mask = cut_rows (rows, room_y / floor_scale - fixed);
      cap = MIN (cap, room_y / (fixed + tallest_group (rows, mask)));
      /* A row too tall for the floor sets the deck's scale: at that scale, fewer groups
       * may do. */
      if (cap < floor_scale)
        mask = cut_rows (rows, room_y / cap - fixed + 0.01);
    }
  cap = MIN (cap, room_y / (fixed + tallest_group (rows, mask)));
  target = MIN (cap, floor_scale);

  /* The fewest stage ranges that reach the target: more parts are never wider. */
  {
    guint lo = 1, hi = columns->len;

    while (lo < hi)
      {
        guint mid = (lo + hi) / 2;

        if (room_x / min_max_width (columns, mid) >= target)
          hi = mid;
        else
          lo = mid + 1;
      }
    n_parts = lo;
  }
  if (n_parts == 1)
    count_greedy (columns, min_max_width (columns, 1) + 1, stages);
  else if (columns->len <= MAX_BALANCED_STAGES)
    {
      cut_stages (columns, n_parts, room_x / target, stages);
      /* The stages' own widths can leave a part much narrower than the rest: a near-empty
       * slide. Then one part more, if it shares them out better, is worth its slide. */
      if (get_balance (columns, stages) < MIN_BALANCE && n_parts < columns->len)
        {
          g_autoptr(GArray) more = g_array_new (FALSE, FALSE, sizeof (TpJourneyPart));

          cut_stages (columns, n_parts + 1, room_x / target, more);
          if (get_balance (columns, more) > get_balance (columns, stages))
            {
              g_array_set_size (stages, 0);
              g_array_append_vals (stages, more->data, more->len);
            }
        }
    }
  else
    count_greedy (columns, min_max_width (columns, n_parts), stages);

  /* Every range of stages with every group of rows, a stage range's rows together. */
  for (guint i = 0; i < stages->len; i++)
    {
      TpJourneyPart part = g_array_index (stages, TpJourneyPart, i);

      part.width = part_width (columns, part.first, part.n);
      part.first_row = 0;
      part.n_rows = 0;
      part.height = region->height - journey->rows.height;
      for (guint r = 0; r < TP_N_JOURNEY_ROWS; r++)
        {
          part.n_rows++;
          part.height += rows[r];
          if (r + 1 == TP_N_JOURNEY_ROWS || (mask & (1u << r)) != 0)
            {
              g_array_append_val (deck->parts, part);
              deck->frame_width = MAX (deck->frame_width, part.width);
              deck->frame_height = MAX (deck->frame_height, part.height);
              part.first_row = r + 1;
              part.n_rows = 0;
              part.height = region->height - journey->rows.height;
            }
        }
    }

  deck->content.width = deck->frame_width;
  deck->content.height = (region->y - deck->content.y) + deck->frame_height;
  deck->scale = MIN (cap, MIN (room_x / deck->frame_width, room_y / deck->content.height));
  /* The frame and the title are placed once for the deck: centred on the page as the
   * largest part is, the same on every page. */
  deck->x = (width - deck->frame_width * deck->scale) / 2;
  deck->y = (height - legend - deck->content.height * deck->scale) / 2;

  return TRUE;
}

void
_tp_journey_deck_clear (TpJourneyDeck *deck)
{
  g_clear_pointer (&deck->parts, g_array_unref);
}

guint
_tp_export_journey_count_parts (TpLayout              *layout,
                                const TpExportOptions *options,
                                double                 width,
                                double                 height)
{
  TpJourneyDeck deck;
  guint n;

  if (options->size == TP_PAGE_SIZE_FIT)
    return 1;
  _tp_export_journey_plan (layout, options, width, height, &deck);
  n = MAX (deck.parts->len, 1);
  _tp_journey_deck_clear (&deck);

  return n;
}

gboolean
_tp_export_journey_paint (cairo_t               *cr,
                          TpLayout              *layout,
                          TpDocument            *document,
                          const TpExportOptions *options,
                          guint                  part,
                          double                 width,
                          double                 height,
                          guint                  page_number,
                          guint                  n_pages)
{
  TpJourneyDeck deck;
  const TpJourneyPart *shown;
  const TpRect *region = &layout->regions[TP_REGION_JOURNEY];
  TpPaintOptions paint;
  TpRect title;

  if (options->size == TP_PAGE_SIZE_FIT)
    return FALSE;
  if (!_tp_export_journey_plan (layout, options, width, height, &deck) ||
      part >= deck.parts->len)
    {
      _tp_journey_deck_clear (&deck);
      return FALSE;
    }
  shown = &g_array_index (deck.parts, TpJourneyPart, part);

  cairo_save (cr);
  if (!options->transparent)
    {
      /* White, as a slide or paper is. */
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }

  cairo_save (cr);
  cairo_translate (cr, deck.x, deck.y);
  cairo_scale (cr, deck.scale, deck.scale);
  cairo_translate (cr, -deck.content.x, -deck.content.y);
  title = (TpRect) { deck.content.x, deck.content.y, deck.frame_width,
                     region->y - deck.content.y };
  _tp_export_paint_content (cr, layout, document, &title, FALSE);
  tp_paint_options_init (&paint);
  paint.transparent = TRUE;
  paint.links = FALSE;
  _tp_paint_journey_part (cr, layout, document, shown->first, shown->n, shown->first_row,
                          shown->n_rows, deck.frame_width, deck.frame_height, &paint);
  cairo_restore (cr);

  /* The part's own legend (its stages' symbols) at the foot of the content area. */
  {
    double margin = _tp_export_get_margin (width, height);
    g_autoptr(TpLegend) legend = _tp_export_new_legend (layout, document, options,
                                                        TP_EXPORT_PAGE_JOURNEY, shown->first,
                                                        shown->n);

    tp_legend_paint_page (legend, cr, layout, width, height,
                          &(TpRect) { margin, margin, width - 2 * margin, height - 2 * margin });
  }

  if (options->footer)
    _tp_export_paint_footer (cr, layout, document, TP_EXPORT_PAGE_JOURNEY, part + 1,
                             deck.parts->len, width, height,
                             _tp_export_get_margin (width, height), page_number, n_pages);
  cairo_restore (cr);
  _tp_journey_deck_clear (&deck);

  return TRUE;
}
