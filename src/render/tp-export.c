/* tp-export.c: composing pages and writing PDF, PNG and SVG.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tp-export.h"

#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "io/tp-atomic-file.h"
#include "io/tp-loader.h"
#include "io/tp-writer.h"
#include "tp-export-private.h"
#include "tp-layout-private.h"
#include "tp-legend.h"
#include "tp-painter-private.h"
#include "tp-svg-text.h"
#include "tp-text.h"
#include "tp-valid-text.h"

#define CSS_PX_PER_INCH   96.0
#define PT_PER_CSS_PX     0.75
/* A 16:9 slide is 1920 × 1080 px as an image but 13.33 × 7.5 in (338.7 × 190.5 mm) as a
 * page, the size slide editors use: its pixels are half a point. */
#define PT_PER_SLIDE_PX   0.5
#define MM_PER_INCH       25.4
#define MARGIN_SHARE      0.04    /* of the page's short side, VISUAL.md */
#define FOOTER_SHARE      0.0105  /* the footer's text size, of the short side */
#define FOOTER_MIN_SIZE   9.0
/* An image larger than this is refused (a 3x PNG of a huge board would need gigabytes). */
#define MAX_IMAGE_SIDE    32767
#define MAX_IMAGE_PIXELS  (200.0 * 1000 * 1000)

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
            : get_content (layout, every[i], &content))
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
  g_autofree char *text = format_footer (document, page, part, n_parts);
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) right = NULL;
  PangoFontDescription *font = pango_font_description_from_string (theme->font_family);
  int text_width, text_height;
  double baseline_y;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  left = pango_layout_new (layout->context);
  pango_layout_set_font_description (left, font);
  pango_layout_set_text (left, text, -1);
  pango_layout_set_width (left, (int) ((width - 2 * margin) * 0.8 * PANGO_SCALE));
  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (left, &text_width, &text_height);

  /* In the bottom margin, a little below its middle: near the edge, clear of the content. */
  baseline_y = height - margin / 2 - text_height / 2.0;
  tp_colour_set_source (cr, &theme->caption);
  cairo_move_to (cr, margin, baseline_y);
  _tp_paint_layout (cr, left);

  if (n_pages > 1)
    {
      g_autofree char *number = g_strdup_printf ("%u / %u", page_number, n_pages);

      right = pango_layout_new (layout->context);
      pango_layout_set_font_description (right, font);
      pango_layout_set_text (right, number, -1);
      pango_layout_get_pixel_size (right, &text_width, NULL);
      cairo_move_to (cr, width - margin - text_width, baseline_y);
      _tp_paint_layout (cr, right);
    }
  pango_font_description_free (font);
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

/* Writing */

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static double
get_pixel_scale (const TpExportOptions *options)
{
  if (options->dpi > 0)
    return options->dpi / CSS_PX_PER_INCH;
  return options->scale > 0 ? options->scale : 1;
}

static gboolean
check_surface (cairo_surface_t  *surface,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_FAILED,
               _("The export could not be drawn: %s."), cairo_status_to_string (status));
  return FALSE;
}

/* Sets one metadata entry, made valid for cairo first: its UTF-8 check refuses
 * noncharacters that the model may hold, and the whole export failed on them. */
static void
set_pdf_metadata_text (cairo_surface_t    *surface,
                       cairo_pdf_metadata_t  key,
                       const char         *value)
{
  g_autofree char *copy = NULL;

  if (value == NULL || value[0] == '\0')
    return;
  cairo_pdf_surface_set_metadata (surface, key, _tp_valid_text (value, &copy));
}

static void
set_pdf_metadata (cairo_surface_t *surface,
                  TpDocument      *document)
{
  const TpMeta *meta = tp_document_get_meta (document);

  set_pdf_metadata_text (surface, CAIRO_PDF_METADATA_TITLE, meta->title);
  set_pdf_metadata_text (surface, CAIRO_PDF_METADATA_AUTHOR, meta->facilitator);
  set_pdf_metadata_text (surface, CAIRO_PDF_METADATA_SUBJECT, meta->organisation);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Touchpoint " PACKAGE_VERSION);
}

double
tp_export_get_points_per_pixel (const TpExportOptions *options)
{
  g_return_val_if_fail (options != NULL, PT_PER_CSS_PX);

  return options->size == TP_PAGE_SIZE_SLIDE ? PT_PER_SLIDE_PX : PT_PER_CSS_PX;
}

static GBytes *
render_vector (TpLayout              *layout,
               TpDocument            *document,
               const TpExportOptions *options,
               GArray                *pages,
               GCancellable          *cancellable,
               GError               **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(TpSvgText) text = NULL;
  gboolean pdf = options->format == TP_EXPORT_FORMAT_PDF;
  double pt = tp_export_get_points_per_pixel (options);
  cairo_surface_t *surface;
  cairo_t *cr = NULL;
  gboolean ok = TRUE;
  guint sheet = 0, n_sheets = 0;
  double width, height;

  tp_export_get_page_size (layout, options, g_array_index (pages, TpExportPage, 0),
                           &width, &height);
  if (pdf)
    {
      surface = cairo_pdf_surface_create_for_stream (append_bytes, out,
                                                     width * pt, height * pt);
      set_pdf_metadata (surface, document);
    }
  else
    {
      surface = cairo_svg_surface_create_for_stream (append_bytes, out,
                                                     width * pt, height * pt);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
      text = _tp_svg_text_new (layout->theme->font_family);
    }

  /* Every sheet: a page, or each part of a page cut into parts. */
  for (guint i = 0; i < pages->len; i++)
    {
      TpExportPage page = g_array_index (pages, TpExportPage, i);

      tp_export_get_page_size (layout, options, page, &width, &height);
      n_sheets += tp_export_count_parts (layout, options, page, width, height);
    }

  for (guint i = 0; i < pages->len && ok; i++)
    {
      TpExportPage page = g_array_index (pages, TpExportPage, i);
      guint n_parts;

      tp_export_get_page_size (layout, options, page, &width, &height);
      n_parts = tp_export_count_parts (layout, options, page, width, height);
      /* An SVG is one picture: a page cut into parts is not. */
      if (!pdf)
        n_parts = 1;
      for (guint part = 0; part < n_parts && ok; part++)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              ok = FALSE;
              break;
            }
          if (pdf && sheet > 0)
            cairo_pdf_surface_set_size (surface, width * pt, height * pt);

          cr = cairo_create (surface);
          if (text != NULL)
            _tp_svg_text_attach (text, cr);
          cairo_scale (cr, pt, pt);
          if (pdf)
            tp_export_paint_page_part (cr, layout, document, options, page, part, width, height,
                                       ++sheet, n_sheets);
          else
            tp_export_paint_page (cr, layout, document, options, page, width, height, 0, 0);
          if (pdf)
            cairo_show_page (cr);
          cairo_destroy (cr);
        }
    }

  cairo_surface_finish (surface);
  if (ok)
    ok = check_surface (surface, error);
  cairo_surface_destroy (surface);
  if (!ok)
    return NULL;

  if (text != NULL)
    {
      g_autoptr(GBytes) shapes = g_byte_array_free_to_bytes (g_steal_pointer (&out));

      return _tp_svg_text_finish (text, shapes);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

static GBytes *
render_png (TpLayout              *layout,
            TpDocument            *document,
            const TpExportOptions *options,
            TpExportPage           page,
            GError               **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  double scale = get_pixel_scale (options);
  double width, height, pixel_width, pixel_height;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  tp_export_get_page_size (layout, options, page, &width, &height);
  pixel_width = ceil (width * scale);
  pixel_height = ceil (height * scale);
  if (pixel_width > MAX_IMAGE_SIDE || pixel_height > MAX_IMAGE_SIDE ||
      pixel_width * pixel_height > MAX_IMAGE_PIXELS)
    {
      g_set_error (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_TOO_LARGE,
                   _("The image would be %.0f × %.0f pixels, too large to make. Choose a smaller scale or page size."),
                   pixel_width, pixel_height);
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) pixel_width,
                                        (int) pixel_height);
  cr = cairo_create (surface);
  /* Whole pixels: the page is scaled to the image, not the image cut from the page. */
  cairo_scale (cr, pixel_width / width, pixel_height / height);
  tp_export_paint_page (cr, layout, document, options, page, width, height, 0, 0);
  cairo_destroy (cr);

  ok = check_surface (surface, error) &&
       cairo_surface_write_to_png_stream (surface, append_bytes, out) == CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy (surface);
  if (!ok)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_FAILED,
                             _("The image could not be written."));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

GBytes *
tp_export_render (TpDocument            *document,
                  const TpExportOptions *options,
                  GCancellable          *cancellable,
                  GError               **error)
{
  g_autoptr(TpLayout) layout = NULL;
  g_autoptr(GArray) pages = NULL;

  g_return_val_if_fail (TP_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  layout = tp_layout_new ();
  tp_layout_set_full_text (layout, TRUE);
  tp_layout_update (layout, document);
  pages = tp_export_list_pages (layout, document, options);
  if (pages->len == 0)
    {
      g_set_error (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_EMPTY,
                   _("There is nothing to export on the page “%s”."),
                   tp_export_page_to_string (options->page));
      return NULL;
    }

  if (options->format == TP_EXPORT_FORMAT_PNG)
    return render_png (layout, document, options, g_array_index (pages, TpExportPage, 0), error);
  return render_vector (layout, document, options, pages, cancellable, error);
}

gboolean
tp_export_to_file (TpDocument            *document,
                   GFile                 *file,
                   const TpExportOptions *options,
                   GCancellable          *cancellable,
                   GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (TP_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = tp_export_render (document, options, cancellable, error);
  return bytes != NULL &&
         tp_atomic_file_write (file, bytes, TP_WRITE_EXPORT, NULL, cancellable, error);
}

typedef struct
{
  GBytes          *document;  /* serialized: the worker loads its own copy */
  GFile           *file;
  TpExportOptions  options;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_bytes_unref (data->document);
  g_object_unref (data->file);
  g_free (data);
}

static void
export_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(TpDocument) copy = NULL;
  GError *error = NULL;

  copy = tp_load_bytes (data->document, NULL, &error);
  if (copy == NULL || !tp_export_to_file (copy, data->file, &data->options, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
tp_export_to_file_async (TpDocument            *document,
                         GFile                 *file,
                         const TpExportOptions *options,
                         GCancellable          *cancellable,
                         GAsyncReadyCallback    callback,
                         gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (TP_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (options != NULL);

  data = g_new0 (ExportData, 1);
  data->document = tp_write_bytes (document);
  data->file = g_object_ref (file);
  data->options = *options;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tp_export_to_file_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_in_thread);
}

gboolean
tp_export_to_file_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
