/* tp-export.c: composing pages (tp-export-write.c writes them as PDF, PNG and SVG).
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tp-export.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "tp-export-private.h"
#include "tp-layout-private.h"
#include "tp-legend.h"
#include "tp-painter-private.h"
#include "tp-text.h"

#define CSS_PX_PER_INCH   96.0
#define MM_PER_INCH       25.4
#define MARGIN_SHARE      0.04    /* of the page's short side, VISUAL.md */
#define FOOTER_SHARE      0.0105  /* the footer's text size, of the short side */
#define FOOTER_MIN_SIZE   9.0

G_DEFINE_QUARK (tp-export-error-quark, tp_export_error)

void
tp_export_options_init (TpExportOptions *options)
{
  g_return_if_fail (options != NULL);

  options->format = TP_EXPORT_FORMAT_PDF;
  options->page = TP_EXPORT_PAGE_ALL;
  options->size = TP_PAGE_SIZE_SLIDE;
  options->scale = 1;
  options->dpi = 0;
  options->transparent = FALSE;
  options->footer = TRUE;
  options->legend = TRUE;
}

/* Names */

static const char * const page_names[] = {
  [TP_EXPORT_PAGE_ALL] = "all",
  [TP_EXPORT_PAGE_CANVAS] = "canvas",
  [TP_EXPORT_PAGE_JOURNEY] = "journey",
  [TP_EXPORT_PAGE_VALUE_CHAIN] = "value-chain",
  [TP_EXPORT_PAGE_BOARD] = "board",
  [TP_EXPORT_PAGE_ANALYSIS] = "analysis",
  [TP_EXPORT_PAGE_ALIGNMENT] = "alignment",
  [TP_EXPORT_PAGE_STORY] = "story",
};

static const char * const size_names[] = {
  [TP_PAGE_SIZE_FIT] = "fit",
  [TP_PAGE_SIZE_SLIDE] = "slide",
  [TP_PAGE_SIZE_A4] = "a4",
  [TP_PAGE_SIZE_A3] = "a3",
  [TP_PAGE_SIZE_LETTER] = "letter",
};

gboolean
tp_export_format_from_name (const char     *filename,
                            TpExportFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (filename != NULL, FALSE);

  lower = g_ascii_strdown (filename, -1);
  if (g_str_has_suffix (lower, ".pdf"))
    *format = TP_EXPORT_FORMAT_PDF;
  else if (g_str_has_suffix (lower, ".png"))
    *format = TP_EXPORT_FORMAT_PNG;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = TP_EXPORT_FORMAT_SVG;
  else
    return FALSE;
  return TRUE;
}

gboolean
tp_export_page_from_string (const char   *string,
                            TpExportPage *page)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    if (g_strcmp0 (string, page_names[i]) == 0)
      {
        *page = i;
        return TRUE;
      }
  return FALSE;
}

const char *
tp_export_page_to_string (TpExportPage page)
{
  g_return_val_if_fail (page < G_N_ELEMENTS (page_names), NULL);

  return page_names[page];
}

gboolean
tp_page_size_from_string (const char *string,
                          TpPageSize *size)
{
  for (guint i = 0; i < G_N_ELEMENTS (size_names); i++)
    if (string != NULL && g_ascii_strcasecmp (string, size_names[i]) == 0)
      {
        *size = i;
        return TRUE;
      }
  return FALSE;
}

const char *
tp_page_size_to_string (TpPageSize size)
{
  g_return_val_if_fail (size < G_N_ELEMENTS (size_names), NULL);

  return size_names[size];
}

const char *
tp_export_page_get_label (TpExportPage page)
{
  switch (page)
    {
    case TP_EXPORT_PAGE_CANVAS:
      return tp_region_get_label (TP_REGION_CANVAS);
    case TP_EXPORT_PAGE_JOURNEY:
      return tp_region_get_label (TP_REGION_JOURNEY);
    case TP_EXPORT_PAGE_VALUE_CHAIN:
      return tp_region_get_label (TP_REGION_VALUE_CHAIN);
    case TP_EXPORT_PAGE_BOARD:
      return _("Board");
    case TP_EXPORT_PAGE_ANALYSIS:
      return _("Analysis");
    case TP_EXPORT_PAGE_ALIGNMENT:
      return _("Alignment");
    case TP_EXPORT_PAGE_STORY:
      return _("Story");
    case TP_EXPORT_PAGE_ALL:
    default:
      return _("All Pages");
    }
}

/* Pages */

/* What a page shows, in board units: a region with its title (the value chain with its
 * margin arrow), or the whole board; for the analysis, its own page at its natural width.
 * FALSE when it shows nothing. */
static gboolean
get_content (TpLayout     *layout,
             TpExportPage  page,
             TpRect       *content)
{
  TpRegion region;
  TpRect title;

  switch (page)
    {
    case TP_EXPORT_PAGE_ANALYSIS:
    case TP_EXPORT_PAGE_ALIGNMENT:
      {
        TpExportOptions fit;
        TpAnalysisLayout *analysis;

        tp_export_options_init (&fit);
        fit.size = TP_PAGE_SIZE_FIT;
        *content = (TpRect) { 0 };
        analysis = _tp_export_analysis_get (layout, page, NULL, &fit, 0, 0);
        if (analysis == NULL)
          return FALSE;
        tp_analysis_layout_get_size (analysis, &content->width, &content->height);
        return TRUE;
      }
    case TP_EXPORT_PAGE_CANVAS:
      region = TP_REGION_CANVAS;
      break;
    case TP_EXPORT_PAGE_JOURNEY:
      region = TP_REGION_JOURNEY;
      break;
    case TP_EXPORT_PAGE_VALUE_CHAIN:
      region = TP_REGION_VALUE_CHAIN;
      break;
    case TP_EXPORT_PAGE_BOARD:
    case TP_EXPORT_PAGE_ALL:
    default:
      tp_layout_get_bounds (layout, content);
      /* The bounds carry the board's own margin: the page has margins of its own. */
      content->x += layout->theme->board_margin;
      content->y += layout->theme->board_margin;
      content->width -= 2 * layout->theme->board_margin;
      content->height -= 2 * layout->theme->board_margin;
      return content->width > 0 && content->height > 0;
    }

  if (!tp_layout_get_region (layout, region, content))
    return FALSE;
  if (tp_layout_get_region_title (layout, region, &title) && !tp_rect_is_empty (&title))
    {
      double right = MAX (content->x + content->width, title.x + title.width);
      double bottom = MAX (content->y + content->height, title.y + title.height);

      content->x = MIN (content->x, title.x);
      content->y = MIN (content->y, title.y);
      content->width = right - content->x;
      content->height = bottom - content->y;
    }
  if (region == TP_REGION_VALUE_CHAIN && !tp_rect_is_empty (&layout->margin))
    content->width = MAX (content->width, layout->margin.x + layout->margin.width - content->x);
  return TRUE;
}

/* Whether a region's own page would show any of the workshop's content, rather than the
 * empty template every board has: a note in one of its blocks, or, for the journey, a
 * stage. The board page shows every region anyway, so "every page" leaves the others out
 * when they are empty (issue 19: a small workshop's export drew the value chain's empty
 * blocks on a page of their own). Without a document, every region counts as shown. */
static gboolean
region_has_content (TpDocument   *document,
                    TpExportPage  page)
{
  if (document == NULL)
    return TRUE;

  switch (page)
    {
    case TP_EXPORT_PAGE_CANVAS:
    case TP_EXPORT_PAGE_VALUE_CHAIN:
      for (guint c = 0; c < TP_N_CONTAINERS; c++)
        if ((page == TP_EXPORT_PAGE_CANVAS ? TP_CONTAINER_IS_CANVAS (c)
                                           : TP_CONTAINER_IS_VALUE_CHAIN (c))
            && tp_document_get_notes (document, c)->len > 0)
          return TRUE;
      return FALSE;
    case TP_EXPORT_PAGE_JOURNEY:
      return tp_document_get_stages (document)->len > 0;
    default:
      return TRUE;
    }
}

GArray *
tp_export_list_pages (TpLayout              *layout,
                      TpDocument            *document,
                      const TpExportOptions *options)
{
  static const TpExportPage every[] = {
    TP_EXPORT_PAGE_CANVAS, TP_EXPORT_PAGE_JOURNEY, TP_EXPORT_PAGE_VALUE_CHAIN,
    TP_EXPORT_PAGE_BOARD, TP_EXPORT_PAGE_ALIGNMENT, TP_EXPORT_PAGE_ANALYSIS,
  };
  GArray *pages = g_array_new (FALSE, FALSE, sizeof (TpExportPage));
  TpRect content;

  g_return_val_if_fail (layout != NULL, pages);
  g_return_val_if_fail (options != NULL, pages);

  if (document != NULL)
    _tp_export_canvas_remember (layout, document);
  if (options->page == TP_EXPORT_PAGE_STORY)
    {
      if (_tp_export_story_count (document) > 0)
        g_array_append_val (pages, options->page);
    }
  else if (_tp_export_page_is_report (options->page))
    {
      /* Only these pages need the document later, where it is not passed (sizes, parts). */
      if (_tp_export_analysis_remember (layout, options->page, document))
        g_array_append_val (pages, options->page);
    }
  else if (options->page != TP_EXPORT_PAGE_ALL)
    {
      if (get_content (layout, options->page, &content))
        g_array_append_val (pages, options->page);
    }
  else if (options->format != TP_EXPORT_FORMAT_PDF)
    {
      TpExportPage board = TP_EXPORT_PAGE_BOARD;

      if (get_content (layout, board, &content))
        g_array_append_val (pages, board);
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (every); i++)
        if (_tp_export_page_is_report (every[i])
            ? _tp_export_analysis_remember (layout, every[i], document)
            : region_has_content (document, every[i]) && get_content (layout, every[i], &content))
          g_array_append_val (pages, every[i]);
    }
  return pages;
}

double
_tp_export_get_margin (double width,
                       double height)
{
  return round (MIN (width, height) * MARGIN_SHARE);
}

void
tp_export_get_page_size (TpLayout              *layout,
                         const TpExportOptions *options,
                         TpExportPage           page,
                         double                *width,
                         double                *height)
{
  TpRect content = { 0 };
  double margin;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (options != NULL);

  /* The story is slides whatever the size: at fit, 1280 × 720 px (960 × 540 pt). */
  if (page == TP_EXPORT_PAGE_STORY && options->size == TP_PAGE_SIZE_FIT)
    {
      *width = 1280;
      *height = 720;
      return;
    }

  switch (options->size)
    {
    case TP_PAGE_SIZE_SLIDE:
      *width = 1920;
      *height = 1080;
      return;
    case TP_PAGE_SIZE_A4:
      *width = 297 / MM_PER_INCH * CSS_PX_PER_INCH;
      *height = 210 / MM_PER_INCH * CSS_PX_PER_INCH;
      return;
    case TP_PAGE_SIZE_A3:
      *width = 420 / MM_PER_INCH * CSS_PX_PER_INCH;
      *height = 297 / MM_PER_INCH * CSS_PX_PER_INCH;
      return;
    case TP_PAGE_SIZE_LETTER:
      *width = 11 * CSS_PX_PER_INCH;
      *height = 8.5 * CSS_PX_PER_INCH;
      return;
    case TP_PAGE_SIZE_FIT:
    default:
      /* The content as the page will lay it out (a page without links lays its notes out
       * without footers for link badges). */
      {
        g_autoptr(TpDocument) document = g_weak_ref_get (&layout->export_document);

        if (document != NULL)
          _tp_export_frame_layout (layout, document, options, page, NULL, 0, 0);
      }
      get_content (layout, page, &content);
      /* The margins are a share of the page, which they are part of: solve for it. */
      margin = round (MIN (content.width, content.height) * MARGIN_SHARE / (1 - 2 * MARGIN_SHARE));
      *width = ceil (content.width + 2 * margin);
      *height = ceil (content.height + 2 * margin);
      /* The legend's strip adds to the page rather than shrinking the content: a fitted
       * page keeps it at 100 % (of the document tp_export_list_pages() last saw). */
      {
        double legend = _tp_export_get_legend_height (layout, NULL, options, page, *width,
                                                      *height);

        if (legend > 0)
          {
            margin = round (MIN (content.width, content.height + legend) * MARGIN_SHARE /
                            (1 - 2 * MARGIN_SHARE));
            *width = ceil (content.width + 2 * margin);
            *height = ceil (content.height + legend + 2 * margin);
          }
      }
      return;
    }
}

/* "Volt — online electronics shop · 12 November 2026 · Business Model Canvas" */
static char *
format_footer (TpDocument   *document,
               TpExportPage  page,
               guint         part,
               guint         n_parts)
{
  const TpMeta *meta = tp_document_get_meta (document);
  g_autoptr(GString) footer = g_string_new (NULL);
  g_autoptr(GDateTime) date = NULL;

  g_string_append (footer, meta->title != NULL && meta->title[0] != '\0'
                           ? meta->title : _("Untitled Workshop"));

  if (meta->date != NULL && meta->date[0] != '\0')
    {
      g_autofree char *iso = g_strconcat (meta->date, "T00:00:00Z", NULL);

      date = g_date_time_new_from_iso8601 (iso, NULL);
    }
  if (date != NULL)
    {
      /* Translators: the date in an export's footer; see g_date_time_format(). */
      g_autofree char *text = g_date_time_format (date, _("%-d %B %Y"));

      g_string_append_printf (footer, " · %s", text);
    }
  g_string_append_printf (footer, " · %s", tp_export_page_get_label (page));
  if (n_parts > 1)
    g_string_append_printf (footer, " (%u/%u)", part, n_parts);
  return g_string_free (g_steal_pointer (&footer), FALSE);
}

/* A footer line in the caption's font, laid out at the size that font is loaded at and
 * drawn scaled to the footer's: one short text does not warrant a font of its own.
 *
 * Why (issue 19, the fixed cost of a small export): every size Pango is asked for is a
 * font of its own, with a fontconfig sort in two threads, Pango's metrics sample and
 * every glyph loaded again (about 7 M instructions); the footer's size follows the
 * page's, so it was one more font on every export. Text is laid out with unhinted
 * metrics and drawn unhinted (tp_text_context_new()), so a font scaled by k draws
 * exactly what a font k times its size draws, to Pango's 1/1024 of a unit. */
static PangoLayout *
footer_layout_new (TpLayout   *layout,
                   const char *text)
{
  PangoLayout *line = pango_layout_new (layout->context);
  PangoFontDescription *font = tp_theme_create_font (layout->theme, TP_FONT_CAPTION);

  pango_layout_set_font_description (line, font);
  pango_layout_set_text (line, text, -1);
  pango_font_description_free (font);
  return line;
}

/* The width of a footer line at the footer's size, rounded up to whole units as
 * pango_layout_get_pixel_size() rounds it (its logical extents start at 0). */
static int
footer_width (PangoLayout *line,
              double       scale)
{
  PangoRectangle logical;

  pango_layout_get_extents (line, NULL, &logical);
  return (int) ceil (logical.width * scale / PANGO_SCALE);
}

static void
paint_footer_line (cairo_t     *cr,
                   PangoLayout *line,
                   double       x,
                   double       y,
                   double       scale)
{
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_move_to (cr, 0, 0);
  _tp_paint_layout (cr, line);
  cairo_restore (cr);
}

void
_tp_export_paint_footer (cairo_t      *cr,
                         TpLayout     *layout,
                         TpDocument   *document,
                         TpExportPage  page,
                         guint         part,
                         guint         n_parts,
                         double        width,
                         double        height,
                         double        margin,
                         guint         page_number,
                         guint         n_pages)
{
  const TpTheme *theme = layout->theme;
  double size = MAX (FOOTER_MIN_SIZE, MIN (width, height) * FOOTER_SHARE);
  double scale = size / tp_theme_get_font_load_size (theme, TP_FONT_CAPTION);
  g_autofree char *text = format_footer (document, page, part, n_parts);
  g_autoptr(PangoLayout) left = footer_layout_new (layout, text);
  g_autoptr(PangoLayout) right = NULL;
  PangoRectangle logical;
  double baseline_y;

  pango_layout_set_width (left, (int) ((width - 2 * margin) * 0.8 / scale * PANGO_SCALE));
  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
  pango_layout_get_extents (left, NULL, &logical);

  /* In the bottom margin, a little below its middle: near the edge, clear of the content. */
  baseline_y = height - margin / 2 - ceil (logical.height * scale / PANGO_SCALE) / 2.0;
  tp_colour_set_source (cr, &theme->caption);
  paint_footer_line (cr, left, margin, baseline_y, scale);

  if (n_pages > 1)
    {
      g_autofree char *number = g_strdup_printf ("%u / %u", page_number, n_pages);

      right = footer_layout_new (layout, number);
      paint_footer_line (cr, right, width - margin - footer_width (right, scale), baseline_y,
                         scale);
    }
}

guint
tp_export_count_parts (TpLayout              *layout,
                       const TpExportOptions *options,
                       TpExportPage           page,
                       double                 width,
                       double                 height)
{
  g_return_val_if_fail (layout != NULL, 1);
  g_return_val_if_fail (options != NULL, 1);

  if (page == TP_EXPORT_PAGE_STORY)
    return _tp_export_story_count_parts (layout);
  if (_tp_export_page_is_report (page))
    {
      return _tp_export_analysis_count_sheets (layout, page, options, width, height);
    }
  if (page == TP_EXPORT_PAGE_CANVAS)
    return _tp_export_canvas_count_parts (layout, options, width, height);
  if (page != TP_EXPORT_PAGE_JOURNEY)
    return 1;
  /* A long journey is cut into parts (tp-export-journey.c), of the journey as the board
   * lays it out, whatever page came before. */
  {
    g_autoptr(TpDocument) document = g_weak_ref_get (&layout->export_document);

    if (document != NULL)
      _tp_export_frame_layout (layout, document, options, page, NULL, width, height);
  }
  return _tp_export_journey_count_parts (layout, options, width, height);
}

void
_tp_export_paint_content (cairo_t        *cr,
                          TpLayout       *layout,
                          TpDocument     *document,
                          const TpRect   *area,
                          gboolean        links)
{
  TpPaintOptions paint;

  cairo_save (cr);
  cairo_rectangle (cr, area->x, area->y, area->width, area->height);
  cairo_clip (cr);
  tp_paint_options_init (&paint);
  paint.visible = *area;
  paint.transparent = TRUE;
  paint.links = links;
  tp_paint_board (cr, layout, document, &paint);
  cairo_restore (cr);
}

static void
paint_page (cairo_t               *cr,
            TpLayout              *layout,
            TpDocument            *document,
            const TpExportOptions *options,
            TpExportPage           page,
            GArray                *canvas_part,
            guint                  part_number,
            guint                  n_parts,
            double                 width,
            double                 height,
            guint                  page_number,
            guint                  n_pages)
{
  g_autoptr(TpLegend) legend = NULL;
  TpRect content;
  double margin, scale, x, y, legend_height = 0;

  _tp_export_frame_layout (layout, document, options, page, canvas_part, width, height);
  if (!get_content (layout, page, &content))
    return;

  margin = _tp_export_get_margin (width, height);
  /* The legend takes the foot of the content area; the content fits into the rest (the
   * framed regions were laid out for that rest). */
  legend = _tp_export_new_legend (layout, document, options, page, 0, G_MAXUINT);
  legend_height = tp_legend_get_page_height (legend, layout, width, height, width - 2 * margin);
  scale = MIN ((width - 2 * margin) / content.width,
               (height - 2 * margin - legend_height) / content.height);
  x = (width - content.width * scale) / 2;
  y = (height - legend_height - content.height * scale) / 2;

  cairo_save (cr);
  if (!options->transparent)
    {
      /* White, as a slide or paper is: the board's own faint grey would show as a tinted
       * box on both. */
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_fill (cr);
    }

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -content.x, -content.y);
  _tp_export_paint_content (cr, layout, document, &content, page == TP_EXPORT_PAGE_BOARD);
  cairo_restore (cr);

  tp_legend_paint_page (legend, cr, layout, width, height,
                        &(TpRect) { margin, margin, width - 2 * margin, height - 2 * margin });
  if (options->footer)
    _tp_export_paint_footer (cr, layout, document, page, part_number, n_parts, width, height,
                             margin, page_number, n_pages);
  cairo_restore (cr);
}

void
tp_export_paint_page (cairo_t               *cr,
                      TpLayout              *layout,
                      TpDocument            *document,
                      const TpExportOptions *options,
                      TpExportPage           page,
                      double                 width,
                      double                 height,
                      guint                  page_number,
                      guint                  n_pages)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (TP_IS_DOCUMENT (document));
  g_return_if_fail (options != NULL);

  if (page == TP_EXPORT_PAGE_STORY)
    {
      _tp_export_story_paint (cr, document, options, 0, width, height, page_number, n_pages);
      return;
    }
  if (_tp_export_page_is_report (page))
    {
      _tp_export_analysis_paint (cr, layout, page, document, options, G_MAXUINT, width, height,
                                 page_number, n_pages);
      return;
    }
  /* The journey is laid out as on the board, whatever page came before. */
  if (page == TP_EXPORT_PAGE_JOURNEY)
    _tp_export_frame_layout (layout, document, options, page, NULL, width, height);
  /* A journey that fits one slide is that slide; a longer one is pictured whole. */
  if (page != TP_EXPORT_PAGE_JOURNEY ||
      _tp_export_journey_count_parts (layout, options, width, height) > 1 ||
      !_tp_export_journey_paint (cr, layout, document, options, 0, width, height,
                                 page_number, n_pages))
    paint_page (cr, layout, document, options, page, NULL, 0, 0, width, height, page_number,
                n_pages);
}

void
tp_export_paint_page_part (cairo_t               *cr,
                           TpLayout              *layout,
                           TpDocument            *document,
                           const TpExportOptions *options,
                           TpExportPage           page,
                           guint                  part,
                           double                 width,
                           double                 height,
                           guint                  page_number,
                           guint                  n_pages)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (TP_IS_DOCUMENT (document));
  g_return_if_fail (options != NULL);

  if (page == TP_EXPORT_PAGE_STORY)
    {
      _tp_export_story_paint (cr, document, options, part, width, height, page_number, n_pages);
      return;
    }
  if (_tp_export_page_is_report (page))
    {
      _tp_export_analysis_paint (cr, layout, page, document, options, part, width, height,
                                 page_number, n_pages);
      return;
    }
  if (page == TP_EXPORT_PAGE_CANVAS)
    {
      guint n_parts;
      GArray *slices = _tp_export_canvas_get_part (layout, document, options, part, width, height,
                                                   &n_parts);

      paint_page (cr, layout, document, options, page, slices,
                  slices != NULL ? part + 1 : 0, slices != NULL ? n_parts : 0, width, height,
                  page_number, n_pages);
      return;
    }
  /* The journey's parts are slides of a deck (tp-export-journey.c), laid out as on the
   * board whatever page came before. */
  if (page == TP_EXPORT_PAGE_JOURNEY)
    {
      _tp_export_frame_layout (layout, document, options, page, NULL, width, height);
      if (_tp_export_journey_paint (cr, layout, document, options, part, width, height,
                                    page_number, n_pages))
        return;
    }
  paint_page (cr, layout, document, options, page, NULL, 0, 0, width, height, page_number,
              n_pages);
}
