/* tp-layout-fit.c: the regions fitted to their frames, and their blocks arranged in them
 * (the canvas's arrangement is tp-layout-canvas.c; a block's notes are flowed and placed
 * in tp-layout-blocks.c) */

#include "config.h"

#include <math.h>
#include <string.h>

#include "model/tp-enums.h"
#include "tp-layout-private.h"

/* The board's own frames: the canvas and the value chain are laid out as compact as their
 * notes allow, in a frame of about a projector's proportions (VISUAL.md: zooming to a
 * region on a 1280 × 720 window shows note text ≥ 12 px), never narrower than the minimum
 * (an empty canvas keeps a canvas's shape) and, on the board, never wider than the maximum
 * (past it, a block of thousands of notes shrinks them, then hides some behind "+N more";
 * exports and full-text layouts grow instead). */
#define BOARD_ASPECT        1.78
#define CANVAS_MIN_WIDTH    1040.0
#define CANVAS_MAX_WIDTH    2400.0
#define CHAIN_MIN_WIDTH     880.0
#define CHAIN_MAX_WIDTH     2000.0
/* Porter's margin arrow, right of the value chain. */
#define CHAIN_MARGIN_WIDTH  72.0
/* The fit's sampled widths, from the narrowest up. */
#define FIT_SAMPLES         16
/* The real arrangements near the estimated fit: widenings while it does not fit after
 * all, then bisection steps down to a little below it. */
#define FIT_CORRECTIONS     6
#define FIT_CORRECTION      1.06
#define FIT_REFINE_STEPS    4
/* The fit's trial widths, bisected: enough to come within a few units. */
#define FIT_STEPS           7

/* The value chain's support rows, top to bottom, as Porter draws them. */
static const TpContainer support_rows[] = {
  TP_CONTAINER_FIRM_INFRASTRUCTURE,
  TP_CONTAINER_HUMAN_RESOURCES,
  TP_CONTAINER_TECHNOLOGY_DEVELOPMENT,
  TP_CONTAINER_PROCUREMENT,
};

static const TpContainer primary_columns[] = {
  TP_CONTAINER_INBOUND_LOGISTICS,
  TP_CONTAINER_OPERATIONS,
  TP_CONTAINER_OUTBOUND_LOGISTICS,
  TP_CONTAINER_MARKETING_AND_SALES,
  TP_CONTAINER_SERVICE,
};

/* Porter's value chain at a width: four support rows across (header on the left), the
 * five primary activities in columns below, the margin arrow on the right. Every row as
 * tall as its notes want, the primary band as tall as its tallest column. */
static double
arrange_value_chain (TpLayout   *layout,
                     GPtrArray **notes,
                     double      x0,
                     double      y0,
                     double      width,
                     double      max_height)
{
  double gap = layout->theme->panel_gap;
  double inner_width = width - gap - CHAIN_MARGIN_WIDTH;
  double column = (inner_width - 4 * gap) / 5;
  double rows[G_N_ELEMENTS (support_rows)];
  double primary = 0, support = 0, y = y0;

  for (guint i = 0; i < G_N_ELEMENTS (support_rows); i++)
    {
      TpContainer c = support_rows[i];
      TpRect rect = _tp_rect_make (x0, 0, inner_width, 1000);

      layout->blocks[c].side_header = TRUE;
      _tp_layout_set_block_rect (layout, c, &rect);
      rows[i] = MAX (layout->blocks[c].header_height + 2 * layout->theme->panel_padding,
                     _tp_layout_needed_height (layout, c, notes[c]));
      support += rows[i] + gap;
    }

  for (guint i = 0; i < G_N_ELEMENTS (primary_columns); i++)
    {
      TpContainer c = primary_columns[i];
      TpRect rect = _tp_rect_make (0, 0, column, 1000);

      layout->blocks[c].side_header = FALSE;
      _tp_layout_set_block_rect (layout, c, &rect);
      primary = MAX (primary, _tp_layout_needed_height (layout, c, notes[c]));
    }

  if (max_height > 0 && support + primary > max_height)
    {
      /* Held to the frame: the support rows keep their share, each at least a header. */
      double share = MAX (0.5, (max_height - primary) / support);

      support = 0;
      for (guint i = 0; i < G_N_ELEMENTS (support_rows); i++)
        {
          rows[i] = MAX (layout->blocks[support_rows[i]].header_height +
                         2 * layout->theme->panel_padding, rows[i] * MIN (1, share));
          support += rows[i] + gap;
        }
      primary = MAX (TP_LAYOUT_HEADER_HEIGHT * 4, max_height - support);
    }

  for (guint i = 0; i < G_N_ELEMENTS (support_rows); i++)
    {
      TpRect rect = _tp_rect_make (x0, y, inner_width, rows[i]);

      _tp_layout_set_block_rect (layout, support_rows[i], &rect);
      y += rows[i] + gap;
    }

  for (guint i = 0; i < G_N_ELEMENTS (primary_columns); i++)
    {
      TpRect rect = _tp_rect_make (x0 + i * (column + gap), y, column, primary);

      _tp_layout_set_block_rect (layout, primary_columns[i], &rect);
    }

  layout->regions[TP_REGION_VALUE_CHAIN] = _tp_rect_make (x0, y0, width, y + primary - y0);
  layout->margin = _tp_rect_make (x0 + inner_width + gap, y0, CHAIN_MARGIN_WIDTH, y + primary - y0);
  return y + primary - y0;
}

typedef double (*ArrangeFunc) (TpLayout   *layout,
                               GPtrArray **notes,
                               double      x0,
                               double      y0,
                               double      width,
                               double      max_height);

/* The frame a region is fitted into: the export's page room (tp_layout_set_frame()), or on
 * the board a frame of a projector's proportions. Widths in board units. */
typedef struct
{
  double aspect;     /* of the whole region, title included */
  double min_width;  /* the widest the text may be drawn (the scale's cap) */
  double max_width;  /* the smallest it may be drawn (the legible floor) */
} Frame;

static void
get_frame (TpLayout *layout,
           TpRegion  region,
           Frame    *frame)
{
  const TpLayoutFrame *set = &layout->frames[region];

  if (set->width > 0 && set->height > 0)
    {
      frame->aspect = set->width / set->height;
      frame->min_width = set->width / set->max_scale;
      frame->max_width = set->width / set->min_scale;
      return;
    }
  frame->aspect = BOARD_ASPECT;
  frame->min_width = region == TP_REGION_CANVAS ? CANVAS_MIN_WIDTH : CHAIN_MIN_WIDTH;
  frame->max_width = region == TP_REGION_CANVAS ? CANVAS_MAX_WIDTH : CHAIN_MAX_WIDTH;
}

/* A cheap lower bound of the area a region's notes cover at full size, for telling
 * without measuring that they cannot fit a frame. */
static double
least_area (TpLayout   *layout,
            GPtrArray **notes,
            TpRegion    region)
{
  const TpTheme *theme = layout->theme;
  double area = 0;

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    if ((region == TP_REGION_CANVAS) == (TP_CONTAINER_IS_CANVAS (c) != 0))
      area += notes[c]->len * (theme->note_min_width + theme->note_gap) *
              (theme->note_min_height + theme->note_gap);
  return area;
}

static gboolean
memo_matches (TpLayout *layout,
              TpRegion  region)
{
  const TpFitMemo *memo = &layout->fit_memo[region];
  const TpLayoutFrame *frame = &layout->frames[region];

  return memo->valid && memo->document == layout->fit_document &&
         memo->state == layout->fit_state && memo->full_text == layout->full_text &&
         memo->frame.width == frame->width && memo->frame.height == frame->height &&
         memo->frame.min_scale == frame->min_scale && memo->frame.max_scale == frame->max_scale &&
         memcmp (memo->expanded, layout->expanded, sizeof memo->expanded) == 0;
}

static void
remember_fit (TpLayout *layout,
              TpRegion  region,
              double    width)
{
  TpFitMemo *memo = &layout->fit_memo[region];

  /* A part of the canvas is drawn at its own fixed width. */
  if (region == TP_REGION_CANVAS && layout->part != NULL)
    return;
  memo->valid = TRUE;
  memo->document = layout->fit_document;
  memo->state = layout->fit_state;
  memo->frame = layout->frames[region];
  memo->full_text = layout->full_text;
  memcpy (memo->expanded, layout->expanded, sizeof memo->expanded);
  memo->width = width;
}

/* Lays a region out at the narrowest width (so the largest text) at which it fits its
 * frame's proportions, between the frame's bounds: the fit of VISUAL.md's "legible where it
 * is seen". The height a region wants only shrinks as it widens, so bisection finds it.
 * Measurements are cached by width, and note widths come in quanta, so the trials cost
 * little more than one layout. Returns the width; *height receives the region's height. */
static double
fit_region (TpLayout    *layout,
            GPtrArray  **notes,
            TpRegion     region,
            ArrangeFunc  arrange,
            double       x0,
            double       y0,
            double       chrome,
            double      *height)
{
  Frame frame;
  double lo, hi, h;

  get_frame (layout, region, &frame);
  lo = frame.min_width;
  hi = MAX (frame.min_width, frame.max_width);

  /* Every part of a canvas cut into parts is drawn at the floor: one scale for them all. */
  if (region == TP_REGION_CANVAS && layout->part != NULL && layout->frames[region].width > 0)
    lo = hi;

  /* The same document state in the same frame fits at the same width: an export's layout
   * (full text) meets the same frames again page after page. The board's own layout fits
   * afresh, since an edit merged into the last step leaves the state as it was. */
  if (lo < hi && layout->full_text && memo_matches (layout, region))
    lo = hi = layout->fit_memo[region].width;

  /* Too many notes for the widest frame (thousands): no trial can fit. */
  if (least_area (layout, notes, region) > hi * (hi / frame.aspect))
    lo = hi;

  /* The trials estimate the notes' heights (estimate_text_height()); the width chosen is
   * then measured for real, and widened a little while it does not fit after all. */
  layout->estimating = TRUE;
  h = arrange (layout, notes, x0, y0, lo, -1);
  if (lo < hi && chrome + h > lo / frame.aspect)
    {
      double below = lo, top = hi;

      /* The height a region wants falls as it widens, but not smoothly: a block's note
       * columns come and go at certain widths, and the text rewraps. So the narrowest
       * width that fits is looked for among samples from the narrowest up, then bisected
       * between the last sample that does not fit and the first that does. */
      for (guint i = 1; i <= FIT_SAMPLES; i++)
        {
          double width = lo * pow (hi / lo, (double) i / FIT_SAMPLES);

          if (chrome + arrange (layout, notes, x0, y0, width, -1) <= width / frame.aspect)
            {
              hi = width;
              break;
            }
          below = width;
        }
      if (below < hi)
        {
          lo = below;
          for (guint i = 0; i < FIT_STEPS; i++)
            {
              double mid = (lo + hi) / 2;

              if (chrome + arrange (layout, notes, x0, y0, mid, -1) <= mid / frame.aspect)
                hi = mid;
              else
                lo = mid;
            }
        }
      /* For real, near the estimate: the narrowest width that fits, bisected between a
       * little below it and the first width above it that fits. */
      layout->estimating = FALSE;
      lo = MAX (frame.min_width, hi / FIT_CORRECTION);
      for (guint i = 0; i < FIT_CORRECTIONS; i++)
        {
          if (chrome + arrange (layout, notes, x0, y0, hi, -1) <= hi / frame.aspect)
            break;
          lo = hi;
          hi = MIN (top, hi * FIT_CORRECTION);
        }
      for (guint i = 0; i < FIT_REFINE_STEPS; i++)
        {
          double mid = (lo + hi) / 2;

          if (chrome + arrange (layout, notes, x0, y0, mid, -1) <= mid / frame.aspect)
            hi = mid;
          else
            lo = mid;
        }
      lo = hi = ceil (hi);
    }
  layout->estimating = FALSE;

  remember_fit (layout, region, lo);

  /* The board holds a region of thousands of notes to its widest frame, and its blocks
   * shrink or hide notes; a full-text layout grows it instead. */
  *height = arrange (layout, notes, x0, y0, lo,
                     layout->full_text || layout->frames[region].width > 0
                     ? -1 : lo / frame.aspect - chrome);
  return lo;
}

void
_tp_layout_sign_blocks (TpLayout   *layout,
                        TpDocument *document,
                        gboolean   *changed)
{
  /* A linked note keeps its footer row: its link's badge sits there, off the text. */
  g_hash_table_remove_all (layout->linked);
  if (layout->link_footers)
    {
      GPtrArray *links = tp_document_get_links (document);

      for (guint i = 0; i < links->len; i++)
        g_hash_table_add (layout->linked, ((TpLink *) g_ptr_array_index (links, i))->note);
    }

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    changed[c] = layout->part != NULL ||
                 _tp_layout_need_sign (layout, c, tp_document_get_notes (document, c));
}

void
_tp_layout_arrange (TpLayout   *layout,
                    TpDocument *document)
{
  const TpTheme *theme = layout->theme;
  double margin = theme->board_margin;
  double title_height = tp_theme_get_line_height (theme, TP_FONT_REGION_TITLE);
  double chrome = title_height + TP_LAYOUT_TITLE_GAP;
  double top = margin + chrome;
  double canvas_width, canvas_height, chain_x, chain_width, chain_height, full_width;
  double bottom;
  TpRect journey;
  GPtrArray *notes[TP_N_CONTAINERS];

  g_autoptr(GPtrArray) slices = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  layout->fit_document = document;
  layout->fit_state = tp_document_get_state (document);

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      notes[c] = tp_document_get_notes (document, c);
      layout->blocks[c].info.region = TP_CONTAINER_IS_CANVAS (c) ? TP_REGION_CANVAS
                                                                 : TP_REGION_VALUE_CHAIN;
      layout->blocks[c].slice_first = 0;
      layout->blocks[c].continued = FALSE;
    }

  /* A part of the canvas flows only its slices' notes; the other blocks none. */
  if (layout->part != NULL)
    {
      for (guint c = 0; c < TP_N_BMC_BLOCKS; c++)
        {
          notes[c] = g_ptr_array_new ();
          g_ptr_array_add (slices, notes[c]);
        }
      for (guint i = 0; i < layout->part->len; i++)
        {
          const TpCanvasSlice *slice = &g_array_index (layout->part, TpCanvasSlice, i);
          GPtrArray *all = tp_document_get_notes (document, slice->container);
          guint first = MIN (slice->first, all->len);
          guint n = MIN (slice->n, all->len - first);

          for (guint k = 0; k < n; k++)
            g_ptr_array_add (notes[slice->container], g_ptr_array_index (all, first + k));
          layout->blocks[slice->container].slice_first = first;
          layout->blocks[slice->container].continued = first > 0;
        }
    }

  canvas_width = fit_region (layout, notes, TP_REGION_CANVAS,
                             layout->part != NULL ? _tp_layout_arrange_canvas_part : _tp_layout_arrange_canvas,
                             margin, top, chrome, &canvas_height);
  chain_x = margin + canvas_width + theme->region_gap;
  /* The value chain's trial widths moved nothing but its own blocks. */
  chain_width = fit_region (layout, notes, TP_REGION_VALUE_CHAIN, arrange_value_chain, chain_x,
                            top, chrome, &chain_height);
  full_width = canvas_width + theme->region_gap + chain_width;
  layout->titles[TP_REGION_CANVAS] = _tp_rect_make (margin, margin, canvas_width, title_height);
  layout->titles[TP_REGION_VALUE_CHAIN] = _tp_rect_make (chain_x, margin, chain_width, title_height);
  for (TpRegion r = TP_REGION_CANVAS; r <= TP_REGION_VALUE_CHAIN; r++)
    {
      const TpLayoutFrame *set = &layout->frames[r];
      double width = layout->regions[r].width;
      double height = layout->regions[r].height + chrome;

      layout->frames[r].scale = set->width > 0 && set->height > 0
                                ? MIN (set->width / width, set->height / height) : 1.0;
    }

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    _tp_layout_place_notes (layout, c, notes[c]);

  /* The journey comes below both, across the full width, and grows to the right as
   * stages and touchpoints come. Without stages its place is kept empty, so the other
   * regions never move. */
  bottom = MAX (layout->regions[TP_REGION_CANVAS].y + layout->regions[TP_REGION_CANVAS].height,
                layout->regions[TP_REGION_VALUE_CHAIN].y + layout->regions[TP_REGION_VALUE_CHAIN].height);
  /* The gap holds the band the links cross in (tp-layout-links.c). */
  _tp_layout_arrange_journey (layout, document, margin, bottom + layout->links.band_height,
                              full_width);

  if (tp_layout_get_region (layout, TP_REGION_JOURNEY, &journey))
    {
      full_width = MAX (full_width, journey.width);
      bottom = journey.y + journey.height;
    }

  layout->bounds = _tp_rect_make (0, 0, margin + full_width + margin, bottom + margin);
}

