/* test-board-memory.c: what painting the board page keeps grows linearly and stays
 * bounded per item (issues 16 and 19).
 *
 * Measured (bench/README.md, "Memory (issues 16 and 19)"): a PDF or SVG page is recorded
 * whole by cairo before it is written, about a kilobyte per drawing operation, and that
 * recording is the board page's peak, not the layout. So memory is bounded by counting
 * what a page records: the drawing operations (fills, strokes, glyph runs, paints, masks)
 * that painting the board page sends to its surface, watched by a cairo observer, at n
 * and 8 n moments of truth (the shape that grows the board by cards), and the shaped texts
 * the layout keeps alive once the page is painted (its cache's cap, whatever the size).
 * Wall-clock time and RSS are no test here (machines differ, this one is shared).
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "../bench/tp-bench-doc.h"
#include "io/tp-atomic-file.h"
#include "model/tp-document-private.h"
#include "render/tp-analysis-page-private.h"
#include "render/tp-export.h"
#include "render/tp-export-private.h"
#include "render/tp-layout-private.h"
#include "tp-test-ops.h"

/* The layout's text cache keeps at most this many shaped texts (tp-layout.c). */
#define MAX_KEPT_LAYOUTS 4096

typedef struct
{
  guint64 ops;     /* drawing operations recorded */
  guint64 glyphs;  /* of them, glyph runs */
  guint   kept;    /* shaped texts alive after painting */
} PageWork;


/* Paints the board page of document as a PDF export would (full text, a fitted page),
 * onto a surface watched by an observer. */
static void
paint_document (TpDocument *document,
                PageWork   *work)
{
  g_autoptr(TpLayout) layout = tp_layout_new ();
  g_autoptr(GArray) pages = NULL;
  /* The page scaled into a small image: every operation reaches the surface, and
   * drawing them at that size keeps the count cheap. */
  cairo_surface_t *target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 256, 256);
  cairo_surface_t *observer = tp_test_ops_observe (target, &work->ops,
                                                   &work->glyphs);
  TpExportOptions options;
  double width, height;
  cairo_t *cr;

  *work = (PageWork) { 0 };

  tp_export_options_init (&options);
  options.page = TP_EXPORT_PAGE_BOARD;
  options.size = TP_PAGE_SIZE_FIT;
  tp_layout_set_full_text (layout, TRUE);
  tp_layout_update (layout, document);
  pages = tp_export_list_pages (layout, document, &options);
  g_assert_cmpuint (pages->len, ==, 1);
  tp_export_get_page_size (layout, &options, TP_EXPORT_PAGE_BOARD, &width, &height);

  cr = cairo_create (observer);
  cairo_scale (cr, 256 / width, 256 / height);
  tp_export_paint_page (cr, layout, document, &options, TP_EXPORT_PAGE_BOARD, width, height,
                        0, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  work->kept = layout->kept.length;

  cairo_surface_destroy (observer);
  cairo_surface_destroy (target);
}

/* The bytes of a PDF's deflated streams once inflated: the page's content, which cairo
 * formats number by number and deflates (most of a large board's export once its
 * layout is made), and the fonts, whose size does not grow with the notes. */
static gsize
inflated_stream_bytes (GByteArray *pdf)
{
  const char *data = (const char *) pdf->data;
  const char *end = data + pdf->len;
  gsize total = 0;

  for (const char *at = data; (at = g_strstr_len (at, end - at, "stream\n")) != NULL;
       at += strlen ("stream\n"))
    {
      g_autoptr(GConverter) zlib = NULL;
      const char *in = at + strlen ("stream\n");
      char out[65536];
      GConverterResult result;

      if (at > data && at[-1] == 'd')  /* "endstream" */
        continue;
      zlib = G_CONVERTER (g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB));
      do
        {
          gsize read = 0, written = 0;

          result = g_converter_convert (zlib, in, end - in, out, sizeof out,
                                        G_CONVERTER_INPUT_AT_END, &read, &written, NULL);
          in += read;
          total += written;
        }
      while (result == G_CONVERTER_CONVERTED);
    }

  return total;
}

/* The board page of document exported as a PDF of its own size, as the command line
 * exports it (tp_export_render()): the bytes of its streams, inflated. */
static gsize
pdf_bytes (TpDocument *document)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GByteArray) pdf = NULL;
  g_autoptr(GError) error = NULL;
  TpExportOptions options;

  tp_export_options_init (&options);
  options.format = TP_EXPORT_FORMAT_PDF;
  options.page = TP_EXPORT_PAGE_BOARD;
  options.size = TP_PAGE_SIZE_FIT;
  bytes = tp_export_render (document, &options, NULL, &error);
  g_assert_no_error (error);
  pdf = g_bytes_unref_to_array (g_steal_pointer (&bytes));

  return inflated_stream_bytes (pdf);
}

static void
paint_board (const char *shape,
             guint       n,
             PageWork   *work)
{
  g_autoptr(TpDocument) document = tp_bench_make_shape (shape, n);

  paint_document (document, work);
}

/* The board of issue 19's peer comparison (bench/peer/tp-peer-gen.c): n notes of 2 to 14
 * words over every block in six colours, n / 20 touchpoints (at least 5) over five
 * stages, and, with links, n / 2 links, each from its own note. */
static TpDocument *
make_peer_board (guint    n,
                 gboolean links)
{
  TpDocument *document = tp_document_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (n);
  guint n_touchpoints = MAX (n / 20, 5);
  TpStage *stages[5];

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i + 1);
      g_autofree char *text = tp_bench_make_text (rand, 2, 14);
      TpNote *note = tp_note_new (id, text);

      note->container = i % TP_N_CONTAINERS;
      note->colour = i % 6;
      _tp_document_append_note (document, note);
    }
  for (guint s = 0; s < G_N_ELEMENTS (stages); s++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", s + 1);

      stages[s] = tp_stage_new (id, "Stage");
      _tp_document_append_stage (document, stages[s]);
    }
  for (guint i = 0; i < n_touchpoints; i++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", i + 1);
      g_autofree char *name = tp_bench_make_text (rand, 1, 3);

      _tp_document_append_touchpoint (document, stages[i % G_N_ELEMENTS (stages)],
                                      tp_touchpoint_new (id, name));
    }
  for (guint i = 0; links && i < n / 2; i++)
    {
      g_autofree char *id = g_strdup_printf ("l%u", i + 1);
      g_autofree char *note = g_strdup_printf ("n%u", 2 * i + 1);
      g_autofree char *tp = g_strdup_printf ("t%u", i % n_touchpoints + 1);

      _tp_document_append_link (document, tp_link_new (id, note, tp, NULL));
    }

  return document;
}

static void
paint_peer_board (guint     n,
                  gboolean  links,
                  PageWork *work)
{
  g_autoptr(TpDocument) document = make_peer_board (n, links);

  paint_document (document, work);
}

/* What a note and a link cost the board page's recording, on the peer comparison's board
 * (issue 19): the notes' panels, edges, evidence and vote marks are shared fills and
 * strokes of their block (tp-paint-batch.h), so a note records its text and next to no
 * shapes, and its text's lines are one glyph run (tp-paint-glyphs.h); a link's badges,
 * their rings and discs, likewise, and each badge's number is one glyph run. Painted a
 * fill, a stroke and a dashed stroke a note, a glyph run a line and two fills a badge, a
 * note was 7.6 operations (3 shapes) and a link 6 (4 shapes). */
static void
test_board_peer_items (void)
{
  const guint small_n = 200, large_n = 1600;
  PageWork small, large, linked;
  double per_note, note_shapes, per_link, link_shapes;

  paint_peer_board (small_n, FALSE, &small);
  paint_peer_board (large_n, FALSE, &large);
  paint_peer_board (large_n, TRUE, &linked);
  per_note = (double) (large.ops - small.ops) / (large_n - small_n);
  note_shapes = (double) ((large.ops - large.glyphs) - (small.ops - small.glyphs))
                / (large_n - small_n);
  per_link = (double) (linked.ops - large.ops) / (large_n / 2);
  link_shapes = (double) ((linked.ops - linked.glyphs) - (large.ops - large.glyphs))
                / (large_n / 2);
  g_test_message ("peer board: %" G_GUINT64_FORMAT " operations (%" G_GUINT64_FORMAT
                  " glyph runs) at %u notes, %" G_GUINT64_FORMAT " (%" G_GUINT64_FORMAT
                  ") at %u, %" G_GUINT64_FORMAT " (%" G_GUINT64_FORMAT ") with %u links: "
                  "%.2f a note, %.3f of them shapes; %.2f a link, %.3f of them shapes",
                  small.ops, small.glyphs, small_n, large.ops, large.glyphs, large_n,
                  linked.ops, linked.glyphs, large_n / 2, per_note, note_shapes, per_link,
                  link_shapes);

  g_assert_cmpfloat (per_note, >, 0.5);
  g_assert_cmpfloat (per_note, <=, 1.5);
  g_assert_cmpfloat (note_shapes, <=, 0.25);
  g_assert_cmpfloat (link_shapes, <=, 0.25);
  /* A link's two badges' numbers; a line's way (no tangle) would be fewer still. */
  g_assert_cmpfloat (per_link, <=, 2.5);
}

/* The board page's recording grows with the cards, not faster: at most 8.5 times the
 * operations for 8 times the moments of truth (the rest of the board is fixed), and a
 * bounded number per card; the shaped texts kept stay under the cache's cap.
 *
 * The cards' shapes are batched by colour (tp-paint-batch.h) and their texts by font and
 * colour (tp-paint-glyph-runs.h): a run of cards costs a few fills and a few glyph runs.
 * A fill per shape was 15 shape operations a card (21 with the glyph runs); a glyph run
 * per text, 6 a card. */
static void
test_board_linear (void)
{
  const guint small_n = 300, large_n = 2400;
  PageWork small, large;
  double per_card, shapes_per_card, glyphs_per_card;

  paint_board ("moments", small_n, &small);
  paint_board ("moments", large_n, &large);
  per_card = (double) (large.ops - small.ops) / (large_n - small_n);
  shapes_per_card = (double) ((large.ops - large.glyphs) - (small.ops - small.glyphs))
                    / (large_n - small_n);
  glyphs_per_card = (double) (large.glyphs - small.glyphs) / (large_n - small_n);
  g_test_message ("board page: %" G_GUINT64_FORMAT " operations (%" G_GUINT64_FORMAT
                  " glyph runs) at %u moments, %" G_GUINT64_FORMAT " (%" G_GUINT64_FORMAT
                  ") at %u: %.2f a card, %.2f of them shapes, %.2f glyph runs; %u and %u "
                  "shaped texts kept",
                  small.ops, small.glyphs, small_n, large.ops, large.glyphs, large_n, per_card,
                  shapes_per_card, glyphs_per_card, small.kept, large.kept);

  g_assert_cmpuint (small.ops, >, small_n);
  g_assert_cmpuint (large.ops, <=, small.ops * 85 / 10);
  /* A card's texts (its name, channel, the gap's labels and pill, its cells' words) and
   * its shapes (panel, band, edge, star, gap bars and pill, chips and marker on the
   * emotion curve) are shared glyph runs and fills of its run. */
  g_assert_cmpfloat (per_card, <=, 1);
  g_assert_cmpfloat (shapes_per_card, <=, 0.5);
  g_assert_cmpfloat (glyphs_per_card, <=, 0.5);
  g_assert_cmpuint (large.kept, <=, MAX_KEPT_LAYOUTS);
}

/* What a note and a link cost the PDF that cairo writes, in bytes of its page, before
 * deflating: each number of a path or of a text's placement is formatted by printf and
 * deflated by zlib, and at 10,000 notes that was half the export's time after the layout.
 * A note's panel and edge were two rounded rects of four arcs (34 numbers each), a
 * badge's ring and disc two more; the notes' rects, the badges' pills and the dots are
 * now rects, segments and points stroked round (tp-paint-batch.h), a fill and stroke of
 * one path one operator: a note went from 1,150 bytes to about 700, a link from 1,150 to
 * 240. (Each line's final space is still a marked span of its own: shown as the font's
 * space glyph, it saved 140 bytes a note but made pdftotext read a large board's words
 * wrongly, "D" for "Development".) */
static void
test_board_peer_bytes (void)
{
  const guint small_n = 200, large_n = 1600;
  g_autoptr(TpDocument) small_doc = make_peer_board (small_n, FALSE);
  g_autoptr(TpDocument) large_doc = make_peer_board (large_n, FALSE);
  g_autoptr(TpDocument) linked_doc = make_peer_board (large_n, TRUE);
  gsize small = pdf_bytes (small_doc), large = pdf_bytes (large_doc);
  gsize linked = pdf_bytes (linked_doc);
  double per_note = (double) (large - small) / (large_n - small_n);
  double per_link = (double) (linked - large) / (large_n / 2);

  g_test_message ("peer board's PDF, inflated: %" G_GSIZE_FORMAT " bytes at %u notes, %"
                  G_GSIZE_FORMAT " at %u, %" G_GSIZE_FORMAT " with %u links: %.0f bytes a "
                  "note, %.0f a link", small, small_n, large, large_n, linked, large_n / 2,
                  per_note, per_link);

  g_assert_cmpfloat (per_note, >, 100);
  g_assert_cmpfloat (per_note, <=, 780);
  g_assert_cmpfloat (per_link, <=, 350);
}

/* The board page of a PDF of every page is the last drawn from the board's layout: the
 * cards' memos (a copy of each touchpoint and its measurement, which only spare a
 * relayout measuring it again) are gone before its recording grows, and nothing lays
 * the journey out again while it is painted (issue 16: 50 MB at 50,000 cards). */
static void
test_board_memos_dropped (void)
{
  g_autoptr(TpDocument) document = tp_bench_make_shape ("moments", 300);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  guint measured = _tp_journey_count_measured ();
  TpExportOptions options;

  tp_export_options_init (&options);
  options.format = TP_EXPORT_FORMAT_PDF;
  options.page = TP_EXPORT_PAGE_ALL;
  _tp_export_board_memos = G_MAXUINT;
  bytes = tp_export_render (document, &options, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("card memos alive on the board page: %u; cards measured: %u",
                  _tp_export_board_memos, _tp_journey_count_measured () - measured);
  g_assert_cmpuint (_tp_export_board_memos, ==, 0);
  /* Each card measured once for the whole export: the memos still serve the pages
   * before the board's. */
  g_assert_cmpuint (_tp_journey_count_measured () - measured, <=, 300);
}

/* A PDF of every page counts its reports' sheets before the board is laid out and drops
 * a large report's display list then: it no longer sits under the board page's recording
 * (issue 16: 165 MB at 50,000 moments of truth), and the PDF is the same. The threshold
 * is lowered so that 300 moments make a large report. */
static void
test_board_report_dropped (void)
{
  g_autoptr(TpDocument) document = tp_bench_make_shape ("moments", 300);
  g_autoptr(GBytes) kept = NULL;
  g_autoptr(GBytes) dropped = NULL;
  g_autoptr(GError) error = NULL;
  guint threshold = _tp_export_released_ops;
  guint kept_ops;
  TpExportOptions options;

  tp_export_options_init (&options);
  options.format = TP_EXPORT_FORMAT_PDF;
  options.page = TP_EXPORT_PAGE_ALL;

  _tp_export_released_ops = G_MAXUINT;
  kept = tp_export_render (document, &options, NULL, &error);
  g_assert_no_error (error);
  kept_ops = _tp_export_board_report_ops;

  _tp_export_released_ops = 1000;
  dropped = tp_export_render (document, &options, NULL, &error);
  _tp_export_released_ops = threshold;
  g_assert_no_error (error);

  g_test_message ("report ops alive on the board page: %u kept, %u dropped", kept_ops,
                  _tp_export_board_report_ops);
  g_assert_cmpuint (kept_ops, >, 1000);
  g_assert_cmpuint (_tp_export_board_report_ops, ==, 0);
  /* The same pages: only the creation date may differ, not the length. */
  g_assert_cmpuint (g_bytes_get_size (dropped), ==, g_bytes_get_size (kept));
}

/* A PDF's bytes with its creation date blanked: the one thing two exports of the same
 * pages may differ by. */
static GBytes *
without_date (GBytes *pdf)
{
  gsize length;
  const char *data = g_bytes_get_data (pdf, &length);
  char *bytes = g_memdup2 (data, length);
  static const char key[] = "/CreationDate (D:";
  char *date = NULL;

  /* Not g_strstr_len(), which stops at the first NUL of a binary stream. */
  for (gsize i = 0; date == NULL && i + strlen (key) <= length; i++)
    if (memcmp (bytes + i, key, strlen (key)) == 0)
      date = bytes + i;
  g_assert_nonnull (date);
  for (char *p = date; p != NULL && p < bytes + length && *p != ')'; p++)
    *p = 'x';
  return g_bytes_new_take (bytes, length);
}

/* A large report is painted a window of sheets at a time, each laid out keeping only
 * the ops its sheets meet: at 50,000 moments of truth the whole report's million ops
 * were the every-page PDF's peak (issue 16). The window is lowered so that 300 moments
 * make five; the PDF is the same byte for byte but its date. */
static void
test_board_report_windowed (void)
{
  g_autoptr(TpDocument) document = tp_bench_make_shape ("moments", 300);
  g_autoptr(GBytes) whole = NULL;
  g_autoptr(GBytes) windowed = NULL;
  g_autoptr(GBytes) whole_pages = NULL;
  g_autoptr(GBytes) windowed_pages = NULL;
  g_autoptr(GError) error = NULL;
  guint window = _tp_export_window_ops;
  guint64 layouts = _tp_analysis_layouts;
  guint whole_ops, whole_layouts;
  TpExportOptions options;

  tp_export_options_init (&options);
  options.format = TP_EXPORT_FORMAT_PDF;
  options.page = TP_EXPORT_PAGE_ALL;

  _tp_export_window_ops = G_MAXUINT;
  _tp_export_report_max_ops = 0;
  whole = tp_export_render (document, &options, NULL, &error);
  g_assert_no_error (error);
  whole_ops = _tp_export_report_max_ops;
  whole_layouts = _tp_analysis_layouts - layouts;

  _tp_export_window_ops = whole_ops / 4;
  _tp_export_report_max_ops = 0;
  layouts = _tp_analysis_layouts;
  windowed = tp_export_render (document, &options, NULL, &error);
  _tp_export_window_ops = window;
  g_assert_no_error (error);

  g_test_message ("report ops alive at a sheet's paint: %u whole, %u in windows of %u; "
                  "layouts %u whole, %u windowed", whole_ops, _tp_export_report_max_ops,
                  whole_ops / 4, whole_layouts, (guint) (_tp_analysis_layouts - layouts));
  g_assert_cmpuint (whole_ops, >, 4000);
  /* Five windows of about a fifth of the ops each (a sheet's ops may belong to two). */
  g_assert_cmpuint (_tp_export_report_max_ops, <, whole_ops / 2);
  /* Each window is a layout of its own: the price of the memory. */
  g_assert_cmpuint (_tp_analysis_layouts - layouts, >, whole_layouts);
  whole_pages = without_date (whole);
  windowed_pages = without_date (windowed);
  g_assert_true (g_bytes_equal (windowed_pages, whole_pages));
}

/* The PDF of every page goes to its file as cairo makes it, never whole in memory: its
 * bytes were collected in an array (room up to twice the file, 34 MB at 50,000 moments)
 * under every page still to draw (issue 16). The writer holds at most its buffer. */
static void
test_board_streamed (void)
{
  g_autoptr(TpDocument) document = tp_bench_make_shape ("moments", 300);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-board-memory-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GDir) listing = NULL;
  gsize length, held;
  TpExportOptions options;

  g_assert_no_error (error);
  path = g_build_filename (dir, "every-page.pdf", NULL);
  file = g_file_new_for_path (path);
  tp_export_options_init (&options);
  options.format = TP_EXPORT_FORMAT_PDF;
  options.page = TP_EXPORT_PAGE_ALL;
  tp_atomic_sink_take_max_held ();
  g_assert_true (tp_export_to_file (document, file, &options, NULL, &error));
  g_assert_no_error (error);
  held = tp_atomic_sink_take_max_held ();

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_test_message ("PDF of every page, 300 moments: %zu bytes; held at once: %zu", length,
                  held);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_true (g_strrstr_len (contents + length - MIN (length, 64), MIN (length, 64),
                                "%%EOF") != NULL);
  /* A file of several of the writer's buffers, never more than one held. */
  g_assert_cmpuint (length, >, 4 * 64 * 1024);
  g_assert_cmpuint (held, >, 0);
  g_assert_cmpuint (held, <=, 64 * 1024);

  /* Only the file in its folder: no temporary file left. */
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "every-page.pdf");
  g_assert_null (g_dir_read_name (listing));
  g_assert_true (g_file_delete (file, NULL, NULL));
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/board-memory/linear", test_board_linear);
  g_test_add_func ("/touchpoint/board-memory/peer-items", test_board_peer_items);
  g_test_add_func ("/touchpoint/board-memory/peer-bytes", test_board_peer_bytes);
  g_test_add_func ("/touchpoint/board-memory/memos-dropped", test_board_memos_dropped);
  g_test_add_func ("/touchpoint/board-memory/report-dropped", test_board_report_dropped);
  g_test_add_func ("/touchpoint/board-memory/report-windowed", test_board_report_windowed);
  g_test_add_func ("/touchpoint/board-memory/streamed", test_board_streamed);

  return g_test_run ();
}
