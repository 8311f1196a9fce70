/* tp-export.h: pages of the board as PDF, PNG or SVG, for slide decks and print.
 *
 * An export is a list of pages, each showing one region of the board (or the whole board
 * with its links) scaled into a page: a 16:9 slide, A4, A3 or Letter in landscape, or a
 * page that fits the content. Every page has margins of 4 % of its short side and a
 * discreet footer (the workshop's title, its date and what the page shows). The pages are
 * painted by the same renderer as the screen, without selection or hover marks.
 *
 * Units: a page is measured in CSS pixels (1/96 inch, one board unit at 100 %); PDF and
 * SVG write it in points (× 0.75; a slide's 1920 × 1080 px as 960 × 540 pt, the 13.33 ×
 * 7.5 in of slide editors), PNG in pixels at a scale (1x, 2x, 3x) or a DPI.
 *
 * Nothing here needs a display: the command line and the thumbnailer use it too.
 */
#pragma once

#include <gio/gio.h>

#include "tp-layout.h"

G_BEGIN_DECLS

typedef enum {
  TP_EXPORT_FORMAT_PDF,
  TP_EXPORT_FORMAT_PNG,
  TP_EXPORT_FORMAT_SVG,
} TpExportFormat;

typedef enum {
  TP_EXPORT_PAGE_ALL,          /* PDF: a page per region that has content, then the board,
                                * the alignment if there are links, then the analysis if
                                * there is anything to analyse;
                                * PNG and SVG: the board */
  TP_EXPORT_PAGE_CANVAS,
  TP_EXPORT_PAGE_JOURNEY,
  TP_EXPORT_PAGE_VALUE_CHAIN,
  TP_EXPORT_PAGE_BOARD,        /* everything, with the links */
  TP_EXPORT_PAGE_ANALYSIS,     /* tables and charts of tp-analysis-page.h: moments of truth,
                                * Kano, KPIs, jobs and emotions */
  TP_EXPORT_PAGE_ALIGNMENT,    /* the matrix of notes × touchpoints and its gaps
                                * (tp-alignment-page.h), when the document has links */
  TP_EXPORT_PAGE_STORY,        /* the workshop's story (analysis/tp-story.h), a sheet per
                                * shown step, at 16:9 (tp-story-page.h); not in ALL */
} TpExportPage;

typedef enum {
  TP_PAGE_SIZE_FIT,            /* the content at 100 %, with margins */
  TP_PAGE_SIZE_SLIDE,          /* 16:9, 1920 × 1080 px; as a PDF 338.7 × 190.5 mm */
  TP_PAGE_SIZE_A4,             /* landscape, like the others */
  TP_PAGE_SIZE_A3,
  TP_PAGE_SIZE_LETTER,
} TpPageSize;

typedef struct
{
  TpExportFormat  format;
  TpExportPage    page;
  TpPageSize      size;
  double          scale;        /* PNG: output pixels per CSS pixel (1, 2, 3 …) */
  double          dpi;          /* PNG: when > 0, instead of scale (scale = dpi / 96) */
  gboolean        transparent;  /* no background (else white): the slide's own shows */
  gboolean        footer;       /* title, date and region at the foot of each page */
  gboolean        legend;       /* the key to the page's symbols above the footer
                                 * (tp-legend.h); not on the analysis */
} TpExportOptions;

#define TP_EXPORT_ERROR (tp_export_error_quark ())

typedef enum {
  TP_EXPORT_ERROR_EMPTY,     /* the page asked for has nothing to show */
  TP_EXPORT_ERROR_TOO_LARGE, /* the image would be too large: lower the scale */
  TP_EXPORT_ERROR_FAILED,    /* cairo could not make it */
} TpExportError;

GQuark       tp_export_error_quark        (void);

/* PDF of every page, at 16:9 slide size, with a background and footers. */
void         tp_export_options_init       (TpExportOptions       *options);

/* Names as the command line spells them: "pdf", "all", "value-chain", "a4" … */
gboolean     tp_export_format_from_name   (const char            *filename,
                                           TpExportFormat        *format);
gboolean     tp_export_page_from_string   (const char            *string,
                                           TpExportPage          *page);
const char  *tp_export_page_to_string     (TpExportPage           page);
gboolean     tp_page_size_from_string     (const char            *string,
                                           TpPageSize            *size);
const char  *tp_page_size_to_string       (TpPageSize             size);
/* "Business Model Canvas", "Board", translated: what a page shows. */
const char  *tp_export_page_get_label     (TpExportPage           page);

/* The pages an export of document makes, in order: each a TpExportPage other than ALL.
 * layout must be up to date. Empty when there is nothing to show. */
GArray      *tp_export_list_pages         (TpLayout              *layout,
                                           TpDocument            *document,
                                           const TpExportOptions *options);
/* A page's natural size in CSS pixels (the preset's, or the content's with margins). */
void         tp_export_get_page_size      (TpLayout              *layout,
                                           const TpExportOptions *options,
                                           TpExportPage           page,
                                           double                *width,
                                           double                *height);
/* How many PDF or SVG points one CSS pixel of a page takes with these options. */
double       tp_export_get_points_per_pixel (const TpExportOptions *options);

/* Paints a page, whole, into a width × height area of cr's user space (its top left at
 * the origin): the background unless transparent, the content scaled to fit inside the
 * margins and centred, the footer. For print and previews, at any size. page_number and
 * n_pages (0: none) go in the footer. */
void         tp_export_paint_page         (cairo_t               *cr,
                                           TpLayout              *layout,
                                           TpDocument            *document,
                                           const TpExportOptions *options,
                                           TpExportPage           page,
                                           double                 width,
                                           double                 height,
                                           guint                  page_number,
                                           guint                  n_pages);

/* How many sheets page takes at width × height: on a page of fixed size the journey is a
 * deck, at the largest type that fits (up to a cap), cut between stages, and between rows
 * when it is too tall, into parts that keep note text legible, each repeating the title,
 * the stage headers and the row labels in one frame at one scale; the canvas, too full
 * for a legible page, continues on further pages; the analysis and the alignment, taller
 * than a page, are cut between their sections (of the document tp_export_list_pages()
 * last saw with layout);
 * every other page is one sheet. A PDF and print make a sheet of each part; a PNG or
 * SVG, one picture, shows the page whole. */
guint        tp_export_count_parts        (TpLayout              *layout,
                                           const TpExportOptions *options,
                                           TpExportPage           page,
                                           double                 width,
                                           double                 height);
/* tp_export_paint_page() for one part (counted from 0) of a page. */
void         tp_export_paint_page_part    (cairo_t               *cr,
                                           TpLayout              *layout,
                                           TpDocument            *document,
                                           const TpExportOptions *options,
                                           TpExportPage           page,
                                           guint                  part,
                                           double                 width,
                                           double                 height,
                                           guint                  page_number,
                                           guint                  n_pages);

/* What an export did that its caller may want to tell (tp_export_render_full()). */
typedef struct
{
  double page_shrink;   /* PDF: the smallest factor a page and its content were scaled by
                         * to keep the page within the 14,400 pt that PDF readers take
                         * (TP_EXPORT_MAX_PAGE_PT); 1 when no page needed it */
  double fitting_scale; /* PNG refused as TP_EXPORT_ERROR_TOO_LARGE: the largest scale
                         * (output pixels per CSS pixel, two decimals) that an image of the
                         * same page may have; 0 otherwise */
  gboolean slide_fits;  /* PNG refused: whether a slide-sized page at the same scale fits */
} TpExportReport;

/* The largest side of a PDF page: Acrobat and the PDF specification's implementation
 * limits refuse larger pages without UserUnit, which cairo 1.16 cannot write. */
#define TP_EXPORT_MAX_PAGE_PT 14400.0

/* The whole export as the bytes of its file. Lays the document out itself, so it may run
 * on any one thread while nothing changes the document. */
GBytes      *tp_export_render             (TpDocument            *document,
                                           const TpExportOptions *options,
                                           GCancellable          *cancellable,
                                           GError               **error);
/* tp_export_render(), saying in report (which may be NULL) what it had to adapt or
 * what would work instead. */
GBytes      *tp_export_render_full        (TpDocument            *document,
                                           const TpExportOptions *options,
                                           TpExportReport        *report,
                                           GCancellable          *cancellable,
                                           GError               **error);
/* Renders and writes file atomically, like a save: a failed export leaves whatever file
 * had that name untouched, and no temporary file behind. */
gboolean     tp_export_to_file            (TpDocument            *document,
                                           GFile                 *file,
                                           const TpExportOptions *options,
                                           GCancellable          *cancellable,
                                           GError               **error);
gboolean     tp_export_to_file_full       (TpDocument            *document,
                                           GFile                 *file,
                                           const TpExportOptions *options,
                                           TpExportReport        *report,
                                           GCancellable          *cancellable,
                                           GError               **error);
/* The same in a worker thread, on a copy of the document taken now: the user may go on
 * editing meanwhile. */
void         tp_export_to_file_async      (TpDocument            *document,
                                           GFile                 *file,
                                           const TpExportOptions *options,
                                           GCancellable          *cancellable,
                                           GAsyncReadyCallback    callback,
                                           gpointer               user_data);
gboolean     tp_export_to_file_finish     (GAsyncResult          *result,
                                           GError               **error);
/* tp_export_to_file_finish(), with what the export reported (tp_export_render_full()). */
gboolean     tp_export_to_file_finish_full (GAsyncResult         *result,
                                            TpExportReport       *report,
                                            GError              **error);

G_END_DECLS
