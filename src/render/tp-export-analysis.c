/* tp-export-analysis.c: the report pages (analysis, alignment) as export pages, whole or
 * cut into sheets.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page is laid out at a width that keeps its text at about the size of the board's
 * on the sheet (so a table reads the same on a slide and on A4), and its height follows
 * the content. Taller than a sheet, it is split across sheets at section boundaries (the
 * parts mechanism the journey uses, tp_export_count_parts()), never inside a table; a
 * section taller than a sheet on its own is scaled down to fit its sheet. A PNG or SVG,
 * one picture, shows the whole page scaled to fit.
 *
 * The alignment page (tp-alignment-page.h) is laid out into the same kind of layout, with
 * its title and matrix as its first section and its gaps as its second, so it is cut and
 * painted the same way; each page keeps a cache of its own.
 */

#include "config.h"

#include <math.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "analysis/tp-alignment.h"
#include "tp-alignment-page.h"
#include "tp-analysis-page-private.h"
#include "tp-export-private.h"
#include "tp-layout-private.h"

/* The analysis page's width on a fitted page (its natural size) and the range its width
 * may take on a page of a preset size: about a sheet's width of room at 100 %, never so
 * narrow that the tables cramp, nor so wide that the text shrinks on a slide. */
#define FIT_WIDTH        1280.0
#define MIN_WIDTH        1100.0
#define MAX_WIDTH        1500.0
/* Ops past which a report's display list is dropped once its last sheet is painted
 * (some 7 MB): a few thousand rows; smaller reports are kept for the next paint. */
#define RELEASED_OPS     100000
/* Ops past which a report is painted a window of sheets at a time, each window laid out
 * again keeping only its own ops (at most some 45 MB of them), rather than whole: a
 * 50,000-row report's million ops were the every-page PDF's peak (issue 16). A window
 * is laid out whole but for its ops, so each costs a layout's time: two windows at
 * 50,000 moments of truth (a layout some 10 s) and at 60,000 needs bring the report
 * under the board page's peak, more only add layouts. */
#define WINDOW_OPS       600000
/* One sheet when the whole page would show at least this share of the sheets' scale. */
#define WHOLE_SHARE      0.8

typedef struct
{
  GWeakRef          document;   /* weak: a board's layout must not keep it alive */
  TpAnalysisLayout *analysis;
  guint64           state;      /* tp_document_get_state() when laid out */
  double            width;
  /* Whether the layout still holds its display list: a large one is dropped once its
   * last sheet is painted, and laid out again only if it is painted again. Counting the
   * sheets lays the page out whole, once for the export: measuring it alone first and
   * laying it out again to paint was 15 % of the instructions of a 1,000-note PDF. */
  gboolean          painted;
  /* Which window of sheets the display list holds (WHOLE: all of them), and the ops of
   * the page laid out whole (0: not known), which decide how many windows it takes. */
  guint             window;
  guint             whole_ops;
  /* The sheets last cut from it, and for what room: every page of an export asks for
   * them, and cutting costs as much as the page has rows. */
  GArray           *sheets;
  double            sheets_width;
  double            sheets_height;
  gboolean          sheets_fit;
} Cache;

/* One cache per report page: the analysis's, the alignment's. */
#define N_CACHES 2
#define WHOLE    G_MAXUINT

static void
caches_free (gpointer data)
{
  Cache *caches = data;

  for (guint i = 0; i < N_CACHES; i++)
    {
      g_weak_ref_clear (&caches[i].document);
      g_clear_pointer (&caches[i].analysis, tp_analysis_layout_free);
      g_clear_pointer (&caches[i].sheets, g_array_unref);
    }
  g_free (caches);
}

static Cache *
get_cache (TpLayout     *layout,
           TpExportPage  page)
{
  Cache *caches;

  g_assert (_tp_export_page_is_report (page));

  if (layout->analysis == NULL)
    {
      caches = g_new0 (Cache, N_CACHES);
      for (guint i = 0; i < N_CACHES; i++)
        g_weak_ref_init (&caches[i].document, NULL);
      layout->analysis = caches;
      layout->analysis_free = caches_free;
    }
  caches = layout->analysis;
  return &caches[page == TP_EXPORT_PAGE_ALIGNMENT ? 1 : 0];
}

guint _tp_export_released_ops = RELEASED_OPS;
guint _tp_export_window_ops = WINDOW_OPS;
guint _tp_export_report_max_ops;

guint
_tp_export_analysis_count_ops (TpLayout *layout)
{
  Cache *caches = layout->analysis;
  guint ops = 0;

  for (guint i = 0; caches != NULL && i < N_CACHES; i++)
    if (caches[i].analysis != NULL)
      ops += caches[i].analysis->ops->len;
  return ops;
}

gboolean
_tp_export_page_is_report (TpExportPage page)
{
  return page == TP_EXPORT_PAGE_ANALYSIS || page == TP_EXPORT_PAGE_ALIGNMENT;
}

gboolean
_tp_export_analysis_remember (TpLayout     *layout,
                              TpExportPage  page,
                              TpDocument   *document)
{
  if (document == NULL)
    return FALSE;
  if (page == TP_EXPORT_PAGE_ALIGNMENT ? !tp_alignment_has_links (document)
                                       : !tp_analysis_has_content (document))
    return FALSE;
  g_weak_ref_set (&get_cache (layout, page)->document, document);
  return TRUE;
}

static double
get_width (const TpExportOptions *options,
           double                 room_width)
{
  if (options->size == TP_PAGE_SIZE_FIT)
    return FIT_WIDTH;
  return CLAMP (round (room_width), MIN_WIDTH, MAX_WIDTH);
}

/* The report laid out at the width a page of room_width gives it, with its display list:
 * whoever asks for its size or its sheets paints it next. */
static TpAnalysisLayout *
get_layout (TpLayout              *layout,
            TpExportPage           page,
            TpDocument            *document,
            const TpExportOptions *options,
            double                 room_width,
            guint                  window,
            GArray                *bands)
{
  Cache *cache = get_cache (layout, page);
  g_autoptr(TpDocument) remembered = NULL;
  double width = get_width (options, room_width);
  guint64 state;

  if (document != NULL)
    g_weak_ref_set (&cache->document, document);
  remembered = g_weak_ref_get (&cache->document);
  if (remembered == NULL)
    return NULL;

  state = tp_document_get_state (remembered);
  if (cache->analysis == NULL)
    cache->analysis = tp_analysis_layout_new (layout->context, layout->theme);
  else if (cache->state == state && cache->width == width && cache->painted &&
           cache->window == window)
    return cache->analysis;

  /* The sheets hold while the document and width do: a window's layout records the
   * page's sections, rows and cuts whole, only its ops are its own. */
  if (cache->state != state || cache->width != width)
    {
      g_clear_pointer (&cache->sheets, g_array_unref);
      cache->whole_ops = 0;
    }
  cache->painted = TRUE;
  cache->window = window;
  if (bands != NULL)
    _tp_analysis_keep_bands (cache->analysis, (const TpAnalysisBand *) bands->data, bands->len);
  else
    _tp_analysis_keep_bands (cache->analysis, NULL, 0);
  if (page == TP_EXPORT_PAGE_ALIGNMENT)
    tp_alignment_layout_update (cache->analysis, remembered, width);
  else
    tp_analysis_layout_update (cache->analysis, remembered, width);
  cache->state = state;
  cache->width = width;
  if (window == WHOLE)
    cache->whole_ops = cache->analysis->ops->len;
  return cache->analysis;
}

TpAnalysisLayout *
_tp_export_analysis_get (TpLayout              *layout,
                         TpExportPage           page,
                         TpDocument            *document,
                         const TpExportOptions *options,
                         double                 room_width,
                         double                 room_height)
{
  return get_layout (layout, page, document, options, room_width, WHOLE, NULL);
}

static int
compare_cuts (gconstpointer a,
              gconstpointer b)
{
  double ya = ((const TpAnalysisCut *) a)->y, yb = ((const TpAnalysisCut *) b)->y;

  return (ya > yb) - (ya < yb);
}

/* The bands the page may be cut between: the title with the first section, then each
 * section, from its top to the next one's (so the space between stays with the upper). */
static GArray *
get_bands (TpAnalysisLayout *analysis)
{
  GArray *bands = g_array_new (FALSE, FALSE, sizeof (TpAnalysisSheet));
  double height;

  tp_analysis_layout_get_size (analysis, NULL, &height);
  for (guint i = 0; i < TP_N_ANALYSIS_SECTIONS; i++)
    {
      TpRect section;
      TpAnalysisSheet band;

      tp_analysis_layout_get_section (analysis, i, &section);
      /* A page with fewer sections leaves the rest empty at its foot (the alignment). */
      if (i > 0 && section.height <= 0)
        continue;
      band.top = i == 0 ? 0 : section.y;
      band.bottom = section.y + section.height;
      band.scale = 1;
      band.repeat = (TpRect) { 0 };
      g_array_append_val (bands, band);
    }
  g_array_index (bands, TpAnalysisSheet, bands->len - 1).bottom = height;

  /* The page's own cuts inside a section (a table's rows, the alignment's row groups)
   * split its band; what follows a cut repeats the headers it names. One pass over
   * both, in order of height: a 50,000-row table has as many cuts. */
  if (analysis->cuts->len > 0)
    {
      g_autoptr(GArray) cuts = g_array_copy (analysis->cuts);
      GArray *split = g_array_sized_new (FALSE, FALSE, sizeof (TpAnalysisSheet),
                                         bands->len + cuts->len);
      guint c = 0;

      g_array_sort (cuts, compare_cuts);
      for (guint i = 0; i < bands->len; i++)
        {
          TpAnalysisSheet band = g_array_index (bands, TpAnalysisSheet, i);

          while (c < cuts->len && g_array_index (cuts, TpAnalysisCut, c).y <= band.top)
            c++;
          for (; c < cuts->len && g_array_index (cuts, TpAnalysisCut, c).y < band.bottom; c++)
            {
              const TpAnalysisCut *cut = &g_array_index (cuts, TpAnalysisCut, c);
              TpAnalysisSheet rest = { cut->y, band.bottom, 1, cut->repeat };

              band.bottom = cut->y;
              g_array_append_val (split, band);
              band = rest;
            }
          g_array_append_val (split, band);
        }
      g_array_unref (bands);
      bands = split;
    }
  return bands;
}

/* The height of a sheet in the page's units, with its repeated band. */
static double
sheet_height (TpAnalysisLayout      *analysis,
              const TpAnalysisSheet *sheet)
{
  return sheet->bottom - sheet->top + sheet->repeat.height;
}

/* Greedily, whole bands from first to last (inclusive): a sheet takes bands while they
 * fit room_height at the target scale. Appends the sheets to sheets; returns how many. */
static guint
fill_sheets (TpAnalysisLayout *analysis,
             GArray           *bands,
             guint             first,
             guint             last,
             double            target,
             double            room_height,
             GArray           *sheets)
{
  TpAnalysisSheet sheet = g_array_index (bands, TpAnalysisSheet, first);
  guint n = 1;

  for (guint i = first + 1; i <= last; i++)
    {
      const TpAnalysisSheet *band = &g_array_index (bands, TpAnalysisSheet, i);
      TpAnalysisSheet grown = sheet;

      grown.bottom = band->bottom;
      if (sheet_height (analysis, &grown) * target > room_height)
        {
          if (sheets != NULL)
            g_array_append_val (sheets, sheet);
          sheet = *band;
          n++;
        }
      else
        {
          sheet.bottom = band->bottom;
        }
    }
  if (sheets != NULL)
    g_array_append_val (sheets, sheet);
  return n;
}

/* By bisection: the bands are in order and a sheet begins where a band does. */
static guint
find_band (GArray *bands,
           double  top)
{
  guint low = 0, high = bands->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (bands, TpAnalysisSheet, middle).top < top)
        low = middle + 1;
      else
        high = middle;
    }
  g_assert (low < bands->len && g_array_index (bands, TpAnalysisSheet, low).top == top);
  return low;
}

/* A table continued over sheets (the alignment's matrix) is shared out evenly: the
 * lowest room that still takes it on as many sheets, rather than full sheets and a last
 * one with a row group or two. */
static GArray *
balance_sheets (TpAnalysisLayout *analysis,
                GArray           *bands,
                GArray           *sheets,
                double            target,
                double            room_height)
{
  GArray *balanced = g_array_new (FALSE, FALSE, sizeof (TpAnalysisSheet));

  for (guint i = 0; i < sheets->len;)
    {
      guint end = i + 1, first, last, n;
      double low, high;

      while (end < sheets->len && g_array_index (sheets, TpAnalysisSheet, end).repeat.height > 0)
        end++;
      n = end - i;
      if (n == 1)
        {
          g_array_append_val (balanced, g_array_index (sheets, TpAnalysisSheet, i));
          i = end;
          continue;
        }

      first = find_band (bands, g_array_index (sheets, TpAnalysisSheet, i).top);
      last = find_band (bands, g_array_index (sheets, TpAnalysisSheet, end - 1).top);
      while (last + 1 < bands->len &&
             g_array_index (bands, TpAnalysisSheet, last).bottom <
             g_array_index (sheets, TpAnalysisSheet, end - 1).bottom)
        last++;
      low = room_height / n;
      high = room_height;
      for (guint step = 0; step < 24; step++)
        {
          double middle = (low + high) / 2;

          if (fill_sheets (analysis, bands, first, last, target, middle, NULL) <= n)
            high = middle;
          else
            low = middle;
        }
      fill_sheets (analysis, bands, first, last, target, high, balanced);
      i = end;
    }
  g_array_unref (sheets);
  return balanced;
}

GArray *
_tp_export_analysis_split (TpAnalysisLayout      *analysis,
                           const TpExportOptions *options,
                           double                 room_width,
                           double                 room_height)
{
  GArray *sheets = g_array_new (FALSE, FALSE, sizeof (TpAnalysisSheet));
  g_autoptr(GArray) bands = NULL;
  double width, height, target;
  TpAnalysisSheet sheet;

  tp_analysis_layout_get_size (analysis, &width, &height);
  target = room_width / width;
  sheet = (TpAnalysisSheet) { 0, height, MIN (target, room_height / height), { 0 } };
  if (options->size == TP_PAGE_SIZE_FIT || sheet.scale >= WHOLE_SHARE * target)
    {
      g_array_append_val (sheets, sheet);
      return sheets;
    }

  /* Greedily, whole sections: a sheet takes sections while they fit at the target scale. */
  bands = get_bands (analysis);
  fill_sheets (analysis, bands, 0, bands->len - 1, target, room_height, sheets);
  if (analysis->cuts->len > 0)
    sheets = balance_sheets (analysis, bands, sheets, target, room_height);

  /* A section too tall for a sheet on its own shrinks to fit it; the others keep the
   * target scale, so their text is the same size on every sheet. */
  for (guint i = 0; i < sheets->len; i++)
    {
      TpAnalysisSheet *s = &g_array_index (sheets, TpAnalysisSheet, i);

      s->scale = MIN (target, room_height / sheet_height (analysis, s));
    }
  return sheets;
}

/* The window of sheets that part is painted in, when the report is painted a window at
 * a time (WHOLE: it is not), and the bands its layout keeps: the window's rows, and the
 * headers its sheets repeat. Windows hold as many sheets each, in order. */
static guint
get_window (Cache   *cache,
            guint    part,
            GArray **bands)
{
  GArray *sheets = cache->sheets;
  guint n, k, window, first, end;

  if (part >= sheets->len || cache->whole_ops <= _tp_export_window_ops)
    return WHOLE;
  n = sheets->len;
  k = MIN (n, (cache->whole_ops + _tp_export_window_ops - 1) / _tp_export_window_ops);
  if (k <= 1)
    return WHOLE;
  window = (guint64) part * k / n;
  first = ((guint64) window * n + k - 1) / k;
  end = ((guint64) (window + 1) * n + k - 1) / k;

  *bands = g_array_new (FALSE, FALSE, sizeof (TpAnalysisBand));
  g_array_append_val (*bands, ((TpAnalysisBand) {
                        g_array_index (sheets, TpAnalysisSheet, first).top,
                        g_array_index (sheets, TpAnalysisSheet, end - 1).bottom }));
  for (guint i = first; i < end; i++)
    {
      const TpRect *repeat = &g_array_index (sheets, TpAnalysisSheet, i).repeat;
      const TpAnalysisBand *last = &g_array_index (*bands, TpAnalysisBand, (*bands)->len - 1);
      TpAnalysisBand band = { repeat->y, repeat->y + repeat->height };

      if (repeat->height > 0 && (last->top != band.top || last->bottom != band.bottom))
        g_array_append_val (*bands, band);
    }
  return window;
}

/* The sheets of the analysis page on a page of width × height; NULL when there is no
 * document to analyse. analysis (optional) receives the page's layout, as needed to
 * paint part (G_MAXUINT: the whole page). */
static GArray *
split_analysis (TpLayout               *layout,
                TpExportPage            page,
                TpDocument             *document,
                const TpExportOptions  *options,
                double                  width,
                double                  height,
                guint                   part,
                TpAnalysisLayout      **analysis)
{
  double margin = _tp_export_get_margin (width, height);
  double room_width = width - 2 * margin, room_height = height - 2 * margin;
  Cache *cache = get_cache (layout, page);
  gboolean fit = options->size == TP_PAGE_SIZE_FIT;
  g_autoptr(GArray) bands = NULL;
  guint window = WHOLE;
  TpAnalysisLayout *laid;

  /* The sheets cut before still hold (a PDF of every page counts its reports before the
   * board is laid out, then drops them; a large report is painted a window at a time):
   * counting them again lays nothing out, painting lays out what the sheet needs. */
  if (cache->sheets != NULL && cache->sheets_width == room_width &&
      cache->sheets_height == room_height && cache->sheets_fit == fit &&
      cache->width == get_width (options, room_width))
    {
      g_autoptr(TpDocument) remembered = document != NULL ? g_object_ref (document)
                                                          : g_weak_ref_get (&cache->document);

      if (remembered != NULL && tp_document_get_state (remembered) == cache->state)
        {
          if (analysis == NULL)
            return g_array_ref (cache->sheets);
          window = get_window (cache, part, &bands);
        }
    }

  laid = get_layout (layout, page, document, options, room_width, window, bands);

  if (analysis != NULL)
    *analysis = laid;
  if (laid == NULL)
    return NULL;
  if (cache->sheets == NULL || cache->sheets_width != room_width ||
      cache->sheets_height != room_height || cache->sheets_fit != fit)
    {
      g_clear_pointer (&cache->sheets, g_array_unref);
      cache->sheets = _tp_export_analysis_split (laid, options, room_width, room_height);
      cache->sheets_width = room_width;
      cache->sheets_height = room_height;
      cache->sheets_fit = fit;
    }
  return g_array_ref (cache->sheets);
}

guint
_tp_export_analysis_count_sheets (TpLayout              *layout,
                                  TpExportPage           page,
                                  const TpExportOptions *options,
                                  double                 width,
                                  double                 height)
{
  g_autoptr(GArray) sheets = split_analysis (layout, page, NULL, options, width, height,
                                             G_MAXUINT, NULL);

  return sheets != NULL ? MAX (sheets->len, 1) : 1;
}

void
_tp_export_analysis_release (TpLayout     *layout,
                             TpExportPage  page)
{
  Cache *cache = get_cache (layout, page);

  if (cache->analysis == NULL ||
      (cache->window == WHOLE && cache->analysis->ops->len <= _tp_export_released_ops))
    return;
  _tp_analysis_release_ops (cache->analysis);
  cache->painted = FALSE;
#ifdef __GLIBC__
  /* Freed, its shaped texts' thousands of small blocks stay the heap's, scattered among
   * what lives on, and the process's memory with them: given back here, a large
   * report's 165 MB at 50,000 moments of truth is not kept under the board page's
   * recording (issue 16). */
  malloc_trim (0);
#endif
}

/* Like tp-export.c's paint_page() for the analysis: one sheet of it (G_MAXUINT: the whole page, scaled
 * to fit, as a picture shows it), from the top of the page down, centred across. */
void
_tp_export_analysis_paint (cairo_t               *cr,
                           TpLayout              *layout,
                           TpExportPage           page,
                           TpDocument            *document,
                           const TpExportOptions *options,
                           guint                  part,
                           double                 width,
                           double                 height,
                           guint                  page_number,
                           guint                  n_pages)
{
  TpAnalysisLayout *analysis = NULL;
  g_autoptr(GArray) sheets = split_analysis (layout, page, document, options, width, height,
                                             part, &analysis);
  double margin = _tp_export_get_margin (width, height);
  double page_width, page_height, top = margin;
  TpAnalysisSheet sheet;
  gboolean whole;
  TpRect band;

  if (sheets == NULL)
    return;
  whole = part >= sheets->len || sheets->len == 1;
  tp_analysis_layout_get_size (analysis, &page_width, &page_height);
  if (!whole)
    sheet = g_array_index (sheets, TpAnalysisSheet, part);
  else
    sheet = (TpAnalysisSheet) { 0, page_height, MIN ((width - 2 * margin) / page_width,
                                                     (height - 2 * margin) / page_height),
                                { 0 } };
  band = (TpRect) { 0, sheet.top, page_width, sheet.bottom - sheet.top };
  _tp_export_report_max_ops = MAX (_tp_export_report_max_ops, analysis->ops->len);

  cairo_save (cr);
  if (!options->transparent)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }

  /* A sheet that continues a table starts with its headers again. */
  if (sheet.repeat.height > 0 && !whole)
    {
      const TpRect *repeat = &sheet.repeat;

      cairo_save (cr);
      cairo_translate (cr, (width - page_width * sheet.scale) / 2, margin);
      cairo_scale (cr, sheet.scale, sheet.scale);
      cairo_translate (cr, 0, -repeat->y);
      cairo_rectangle (cr, repeat->x, repeat->y, repeat->width, repeat->height);
      cairo_clip (cr);
      tp_analysis_paint (cr, analysis, repeat);
      cairo_restore (cr);
      top += repeat->height * sheet.scale;
    }

  cairo_save (cr);
  /* A report's sheet starts at its top margin; a sheet left short keeps white below. */
  cairo_translate (cr, (width - page_width * sheet.scale) / 2,
                   whole ? (height - band.height * sheet.scale) / 2 : top);
  cairo_scale (cr, sheet.scale, sheet.scale);
  cairo_translate (cr, 0, -band.y);
  cairo_rectangle (cr, band.x, band.y, band.width, band.height);
  cairo_clip (cr);
  tp_analysis_paint (cr, analysis, &band);
  cairo_restore (cr);

  /* A large report's display list goes once its last sheet is painted, rather than
   * sitting under the pages that follow it; its sections, cuts and sheets stay, so it
   * still counts and sizes without being laid out again. */
  if (!whole && part + 1 == sheets->len)
    _tp_export_analysis_release (layout, page);

  if (options->footer)
    _tp_export_paint_footer (cr, layout, document, page, whole ? 0 : part + 1,
                             whole ? 1 : sheets->len, width, height, margin, page_number,
                             n_pages);
  cairo_restore (cr);
}
