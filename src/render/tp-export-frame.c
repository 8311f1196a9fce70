/* tp-export-frame.c: laying the board out for a page: its region fitted to the page's
 * room, and a canvas too full for one page cut into parts.
 *
 * Copyright 2026 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tp-export-private.h"
#include "tp-layout-private.h"
#include "tp-legend.h"

/* Trials for the scale of a canvas cut into parts. */
#define PART_SCALE_STEPS  6
#define PART_SCALE_MAX_PAGES 4

/* The canvas's parts for one document state and page room, kept with the layout: counting
 * the pages and painting each of them ask for the same cut. */
typedef struct
{
  TpDocument *document;   /* a reference */
  guint64     state;
  double      width;
  double      height;
  double      scale;      /* the floor the cut was asked for */
  double      part_scale; /* the scale every part is drawn at */
  GPtrArray  *parts;      /* GArray of TpCanvasSlice, a page each */
} Split;

static void
split_free (gpointer data)
{
  Split *split = data;

  g_clear_object (&split->document);
  g_clear_pointer (&split->parts, g_ptr_array_unref);
  g_free (split);
}

/* The region a page fits into its room, if any: the canvas and the value chain are laid
 * out anew for each page size (a page size of fit keeps the board's own layout). */
static gboolean
get_framed_region (const TpExportOptions *options,
                   TpExportPage           page,
                   TpRegion              *region)
{
  if (options->size == TP_PAGE_SIZE_FIT)
    return FALSE;
  if (page == TP_EXPORT_PAGE_CANVAS)
    *region = TP_REGION_CANVAS;
  else if (page == TP_EXPORT_PAGE_VALUE_CHAIN)
    *region = TP_REGION_VALUE_CHAIN;
  else
    return FALSE;
  return TRUE;
}

TpLegend *
_tp_export_new_legend (TpLayout              *layout,
                       TpDocument            *document,
                       const TpExportOptions *options,
                       TpExportPage           page,
                       guint                  first_stage,
                       guint                  n_stages)
{
  TpLegend *legend;

  if (!options->legend || document == NULL)
    return NULL;
  legend = tp_legend_new_for_page (document, page, first_stage, n_stages);
  /* The board page draws tangled links as numbered badges (tp-painter-links.c). */
  if (legend != NULL && page == TP_EXPORT_PAGE_BOARD && tp_layout_count_link_tangles (layout) > 0)
    tp_legend_add_link_badges (legend);
  return legend;
}

double
_tp_export_get_legend_height (TpLayout              *layout,
                              TpDocument            *document,
                              const TpExportOptions *options,
                              TpExportPage           page,
                              double                 width,
                              double                 height)
{
  g_autoptr(TpDocument) remembered = document == NULL ? g_weak_ref_get (&layout->export_document)
                                                      : NULL;
  g_autoptr(TpLegend) legend = _tp_export_new_legend (layout, document != NULL ? document : remembered,
                                                      options, page, 0, G_MAXUINT);

  return tp_legend_get_page_height (legend, layout, width, height,
                                    width - 2 * _tp_export_get_margin (width, height));
}

static gboolean
same_part (GArray *a,
           GArray *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return a->len == b->len &&
         memcmp (a->data, b->data, a->len * sizeof (TpCanvasSlice)) == 0;
}

void
_tp_export_frame_layout (TpLayout              *layout,
                         TpDocument            *document,
                         const TpExportOptions *options,
                         TpExportPage           page,
                         GArray                *part,
                         double                 width,
                         double                 height)
{
  TpLayoutFrame wanted[TP_N_REGIONS] = { { 0 } };
  TpRegion region;
  gboolean changed = FALSE, link_footers;

  /* A report page is laid out from the document (tp-export-analysis.c), not from the
   * board's layout: nothing to frame, and no reason to lay the board out for it. */
  if (_tp_export_page_is_report (page))
    return;

  if (get_framed_region (options, page, &region))
    {
      double margin = _tp_export_get_margin (width, height);
      double note_pt = layout->theme->fonts[TP_FONT_NOTE].size *
                       tp_export_get_points_per_pixel (options);

      double legend = _tp_export_get_legend_height (layout, document, options, page, width,
                                                    height);

      wanted[region] = (TpLayoutFrame) { width - 2 * margin, height - 2 * margin - legend,
                                         TP_EXPORT_NOTE_FLOOR_PT / note_pt,
                                         TP_EXPORT_NOTE_CAP_PT / note_pt, 1 };
      /* A part of the canvas is drawn at the scale the cut chose for every part. */
      if (part != NULL && layout->canvas_split != NULL)
        wanted[region].min_scale = ((Split *) layout->canvas_split)->part_scale;
    }
  else
    {
      part = NULL;
    }

  for (guint r = 0; r < TP_N_REGIONS; r++)
    {
      const TpLayoutFrame *have = &layout->frames[r];

      if (have->width != wanted[r].width || have->height != wanted[r].height ||
          (wanted[r].width > 0 && (have->min_scale != wanted[r].min_scale ||
                                   have->max_scale != wanted[r].max_scale)))
        {
          tp_layout_set_frame (layout, r, wanted[r].width, wanted[r].height,
                               wanted[r].min_scale, wanted[r].max_scale);
          changed = TRUE;
        }
    }
  if (!same_part (layout->part, part))
    {
      tp_layout_set_canvas_part (layout, part != NULL ? (TpCanvasSlice *) part->data : NULL,
                                 part != NULL ? part->len : 0);
      changed = TRUE;
    }
  /* Only a page that shows links carries their badges on its notes' footers. */
  link_footers = page == TP_EXPORT_PAGE_BOARD || page == TP_EXPORT_PAGE_ALL;
  if (link_footers != layout->link_footers)
    {
      tp_layout_set_link_footers (layout, link_footers);
      changed = TRUE;
    }
  if (changed)
    tp_layout_update (layout, document);
}

/* The parts of the canvas on pages of width × height, or NULL when the whole canvas fits
 * one page legibly. */
static GPtrArray *
get_canvas_parts (TpLayout              *layout,
                  TpDocument            *document,
                  const TpExportOptions *options,
                  double                 width,
                  double                 height)
{
  Split *split = layout->canvas_split;
  const TpLayoutFrame *frame = &layout->frames[TP_REGION_CANVAS];
  guint64 state = tp_document_get_state (document);

  _tp_export_frame_layout (layout, document, options, TP_EXPORT_PAGE_CANVAS, NULL, width, height);
  if (frame->width <= 0 || frame->scale >= frame->min_scale * (1 - 1e-9))
    return NULL;

  if (split != NULL && split->document == document && split->state == state &&
      split->width == frame->width && split->height == frame->height &&
      split->scale == frame->min_scale)
    return split->parts->len > 1 ? split->parts : NULL;

  if (layout->canvas_split_free != NULL)
    layout->canvas_split_free (layout->canvas_split);
  split = g_new0 (Split, 1);
  split->document = g_object_ref (document);
  split->state = state;
  split->width = frame->width;
  split->height = frame->height;
  split->scale = frame->min_scale;
  split->parts = tp_layout_split_canvas (layout, document, frame->width, frame->height,
                                         frame->min_scale);
  split->part_scale = frame->min_scale;

  /* The cut at the floor tells how many pages the canvas needs; the largest scale that
   * cuts it into no more pages fills them better (bisected, a few trials). */
  {
    double lo = frame->min_scale, hi = frame->max_scale, best = lo;

    /* Only a canvas of a few pages gains: past that, every page but the last is full
     * anyway. The trials estimate the notes' heights (as the fit's do); the scale they
     * choose is then cut for real, and kept only if it takes no more pages. */
    layout->estimating = TRUE;
    for (guint i = 0; i < PART_SCALE_STEPS && split->parts->len > 1 &&
                      split->parts->len <= PART_SCALE_MAX_PAGES; i++)
      {
        double mid = (lo + hi) / 2;
        g_autoptr(GPtrArray) trial = tp_layout_split_canvas (layout, document, frame->width,
                                                             frame->height, mid);

        if (trial->len <= split->parts->len)
          best = lo = mid;
        else
          hi = mid;
      }
    layout->estimating = FALSE;
    if (best > frame->min_scale)
      {
        g_autoptr(GPtrArray) real = tp_layout_split_canvas (layout, document, frame->width,
                                                            frame->height, best);

        if (real->len <= split->parts->len)
          {
            split->part_scale = best;
            g_ptr_array_unref (split->parts);
            split->parts = g_steal_pointer (&real);
          }
      }
  }
  layout->canvas_split = split;
  layout->canvas_split_free = split_free;
  /* The cut laid slices out to try them: the whole canvas again. */
  tp_layout_update (layout, document);
  return split->parts->len > 1 ? split->parts : NULL;
}

void
_tp_export_canvas_remember (TpLayout   *layout,
                            TpDocument *document)
{
  g_weak_ref_set (&layout->export_document, document);
}

guint
_tp_export_canvas_count_parts (TpLayout              *layout,
                               const TpExportOptions *options,
                               double                 width,
                               double                 height)
{
  g_autoptr(TpDocument) document = g_weak_ref_get (&layout->export_document);
  GPtrArray *parts;

  if (document == NULL)
    return 1;
  parts = get_canvas_parts (layout, document, options, width, height);
  return parts != NULL ? parts->len : 1;
}

GArray *
_tp_export_canvas_get_part (TpLayout              *layout,
                            TpDocument            *document,
                            const TpExportOptions *options,
                            guint                  part,
                            double                 width,
                            double                 height,
                            guint                 *n_parts)
{
  GPtrArray *parts = get_canvas_parts (layout, document, options, width, height);

  *n_parts = parts != NULL ? parts->len : 1;
  if (parts == NULL || part >= parts->len)
    return NULL;
  return g_ptr_array_index (parts, part);
}
