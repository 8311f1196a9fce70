/* test-word-glyphs.c: a note's text painted from its words' glyphs is Pango's, glyph for
 * glyph (issue 19)
 *
 * A note's text is painted from the glyphs its words were measured with
 * (tp-word-glyphs.h) instead of being shaped again. Here every text of the example, of
 * the bench's generator and of a list of awkward ones is collected both ways at many
 * widths: from its model, and from Pango's layout of it at the same width, as the
 * painter shows a layout (tp-paint-glyphs.c). The glyphs, their places, the clusters and
 * the segments of text must be the same. Then whole boards are painted into PDFs and
 * SVG text with and without the models (without, every note is painted from Pango's
 * layout): they must be the same bytes. And painting a board of 1,000 notes shapes none of their texts.
 *
 * Copyright 2026 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <math.h>
#include <string.h>

#include "../bench/tp-bench-doc.h"
#include "render/tp-export.h"
#include "render/tp-layout-private.h"
#include "render/tp-paint-glyphs.h"
#include "render/tp-painter-private.h"
#include "render/tp-svg-text.h"
#include "render/tp-text.h"
#include "tp-test-layout.h"
#include "tp-test-tools.h"

#define EXAMPLE TP_SRCDIR "/data/examples/online-electronics-shop.touchpoint"

/* Where glyphs may differ: none of a unit's 1/1024. */
#define PLACE_TOLERANCE (1.0 / 1024)

static const char * const awkward_texts[] = {
  "Ünïcödé wörds, “quotes” — dashes – and… ellipses; 50 € / 40 £ (a/b) [c] {d}",
  "WAVE AVATAR Type Tomorrow: fi fl ffi office — kerning pairs To Ta Yo",
  "Price 1,299.00 € (VAT 19 %), 24/7 support: +49 30 1234-567, 10:30–18:00",
  "€ € €€ 100€ €100",
  "spaces  between   words    and at the end   ",
  "  leading spaces",
  "first paragraph\nsecond paragraph that is a little longer\n\nthird",
  "\n",
  "trailing newline\n",
  "line\n  indented\n\n\nafter empty lines",
  "Crème brûlée, façade, naïve, Ærø, Øresund, Łódź, Ångström, São Paulo, Straße",
  "«guillemets» ‹single› „low“ ‚low‘ 'apostrophe' \"double\" it's ... !? ¿¡ §¶ © ® ™ °",
  "a b c d e f g h i j k l m n o p q r s t u v w x y z",
  "x",
  "",
  "Supercalifragilisticexpialidocious",
  "e-mail self-service check-in follow-up",
  "ΑΒΓ δέλτα, Кириллица текст, mixed Latin",
};

static GPtrArray *
make_texts (void)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(TpDocument) example = tp_test_load_path (EXAMPLE);
  g_autoptr(GRand) rand = g_rand_new_with_seed (19);
  guint n = g_getenv ("TP_TEST_SLOWDOWN") ? 60 : 300;

  for (guint i = 0; i < G_N_ELEMENTS (awkward_texts); i++)
    g_ptr_array_add (texts, g_strdup (awkward_texts[i]));
  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      GPtrArray *notes = tp_document_get_notes (example, c);

      for (guint i = 0; i < notes->len; i++)
        g_ptr_array_add (texts, g_strdup (((TpNote *) g_ptr_array_index (notes, i))->text));
    }
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (texts, tp_bench_make_text (rand, 1, i % 4 == 0 ? 40 : 14));
  return texts;
}

typedef struct
{
  GArray *segments, *glyphs, *clusters;
} Collected;

static void
collected_init (Collected *c)
{
  c->segments = g_array_new (FALSE, FALSE, sizeof (TpGlyphSegment));
  c->glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  c->clusters = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));
}

static void
collected_clear (Collected *c)
{
  g_array_unref (c->segments);
  g_array_unref (c->glyphs);
  g_array_unref (c->clusters);
}

static void
assert_same_glyphs (const char      *text,
                    int              units,
                    const Collected *model,
                    const Collected *pango)
{
  g_assert_cmpuint (model->segments->len, ==, pango->segments->len);
  g_assert_cmpuint (model->glyphs->len, ==, pango->glyphs->len);
  g_assert_cmpuint (model->clusters->len, ==, pango->clusters->len);
  for (guint i = 0; i < model->segments->len; i++)
    {
      const TpGlyphSegment *a = &g_array_index (model->segments, TpGlyphSegment, i);
      const TpGlyphSegment *b = &g_array_index (pango->segments, TpGlyphSegment, i);

      g_assert_true (a->font == b->font);
      g_assert_cmpint (a->start, ==, b->start);
      g_assert_cmpint (a->end, ==, b->end);
      g_assert_cmpuint (a->first_glyph, ==, b->first_glyph);
      g_assert_cmpuint (a->n_glyphs, ==, b->n_glyphs);
      g_assert_cmpuint (a->first_cluster, ==, b->first_cluster);
      g_assert_cmpuint (a->n_clusters, ==, b->n_clusters);
    }
  for (guint i = 0; i < model->glyphs->len; i++)
    {
      const cairo_glyph_t *a = &g_array_index (model->glyphs, cairo_glyph_t, i);
      const cairo_glyph_t *b = &g_array_index (pango->glyphs, cairo_glyph_t, i);

      if (a->index != b->index || fabs (a->x - b->x) > PLACE_TOLERANCE ||
          fabs (a->y - b->y) > PLACE_TOLERANCE)
        g_error ("“%s” at %d units, glyph %u: %lu at %g, %g from its words; %lu at %g, %g "
                 "from Pango", text, units, i, a->index, a->x, a->y, b->index, b->x, b->y);
    }
  for (guint i = 0; i < model->clusters->len; i++)
    {
      const cairo_text_cluster_t *a = &g_array_index (model->clusters, cairo_text_cluster_t, i);
      const cairo_text_cluster_t *b = &g_array_index (pango->clusters, cairo_text_cluster_t, i);

      g_assert_cmpint (a->num_bytes, ==, b->num_bytes);
      g_assert_cmpint (a->num_glyphs, ==, b->num_glyphs);
    }
}

/* The text at units both ways; FALSE when the model does not tell its glyphs. */
static gboolean
compare_at (TpLayout          *layout,
            const TpTextModel *model,
            const char        *text,
            int                units,
            guint              max_lines)
{
  /* An odd place, so that the glyphs' places are sums made alike, not whole numbers. */
  const double x0 = 10.3, y0 = 7.77;
  g_autoptr(PangoLayout) real = NULL;
  Collected from_words, from_pango;
  gboolean told;

  collected_init (&from_words);
  told = _tp_text_model_collect (layout, TP_FONT_NOTE, model, text, units, max_lines, x0, y0,
                                 from_words.segments, from_words.glyphs, from_words.clusters);
  if (told)
    {
      real = tp_text_layout_new_lines (layout->context, layout->theme, TP_FONT_NOTE, text,
                                       (double) units / PANGO_SCALE, max_lines);
      collected_init (&from_pango);
      g_assert_true (_tp_paint_glyphs_collect (real, x0, y0, from_pango.segments,
                                               from_pango.glyphs, from_pango.clusters));
      assert_same_glyphs (text, units, &from_words, &from_pango);
      collected_clear (&from_pango);
    }
  else
    g_assert_cmpuint (from_words.segments->len + from_words.glyphs->len, ==, 0);
  collected_clear (&from_words);
  return told;
}

/* Every text at every width the model tells, against Pango: the same glyph ids at the
 * same places, the same clusters, the same text per segment. */
static void
test_same_glyphs (void)
{
  TpLayout *layout = tp_layout_new ();
  g_autoptr(GPtrArray) texts = make_texts ();
  guint asked = 0, told = 0, exact = 0;

  for (guint t = 0; t < texts->len; t++)
    {
      const char *text = g_ptr_array_index (texts, t);
      TpTextModel *model = _tp_text_model_new (layout, TP_FONT_NOTE, text);
      gboolean awkward = t < G_N_ELEMENTS (awkward_texts);

      if (model == NULL)
        {
          g_test_message ("not modelled: “%s”", text);
          continue;
        }
      for (int w = 12; w <= 420; w += awkward ? 1 : 7)
        for (guint max_lines = 0; max_lines <= 5; max_lines += 5)
          {
            int units = w * PANGO_SCALE + (w * 37) % PANGO_SCALE;

            asked++;
            told += compare_at (layout, model, text, units, max_lines);
          }

      /* Widths a line fills exactly, and a unit short of them: Pango's lines unwrapped,
       * and each paragraph's first words. */
      {
        g_autoptr(PangoLayout) whole = tp_text_layout_new_lines (layout->context, layout->theme,
                                                                 TP_FONT_NOTE, text, -1, 0);
        PangoLayoutIter *iter = pango_layout_get_iter (whole);

        do
          {
            PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
            const char *start = text + line->start_index;

            for (int i = 0; i < line->length; i++)
              {
                int x;

                if (start[i] != ' ' || (i > 0 && start[i - 1] == ' '))
                  continue;
                pango_layout_line_index_to_x (line, line->start_index + i, FALSE, &x);
                for (int d = 0; d <= 1; d++)
                  {
                    asked++;
                    if (compare_at (layout, model, text, x - d, 0))
                      told++, exact++;
                  }
              }
          }
        while (pango_layout_iter_next_line (iter));
        pango_layout_iter_free (iter);
      }
      _tp_text_model_free (model);
    }

  g_test_message ("glyphs told from the words at %u of %u widths (%u filling a line exactly "
                  "or a unit short), all as Pango's", told, asked, exact);
  g_assert_cmpuint (told, >=, asked / 2);
  g_assert_cmpuint (exact, >, 0);
  tp_layout_free (layout);
}

static cairo_status_t
append (void                *closure,
        const unsigned char *data,
        unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The board page's text as an SVG export records it (tp-svg-text.h), with or without the
 * notes' models. */
/* The board page as `--export --page=board --size=fit` lays it out, with or without the
 * notes' models; its options and size. */
static TpLayout *
lay_out_board (TpDocument      *document,
               gboolean         model,
               TpExportOptions *options,
               double          *width,
               double          *height)
{
  TpLayout *layout = tp_layout_new ();

  _tp_layout_set_modelling (layout, model);
  tp_export_options_init (options);
  options->page = TP_EXPORT_PAGE_BOARD;
  options->size = TP_PAGE_SIZE_FIT;
  tp_layout_set_full_text (layout, TRUE);
  tp_layout_update (layout, document);
  g_array_unref (tp_export_list_pages (layout, document, options));
  tp_export_get_page_size (layout, options, TP_EXPORT_PAGE_BOARD, width, height);
  return layout;
}

static GBytes *
board_svg_text (TpDocument *document,
                gboolean    model)
{
  static const char empty[] = "<svg></svg>";
  g_autoptr(GBytes) svg = g_bytes_new_static (empty, strlen (empty));
  g_autoptr(TpSvgText) sink = _tp_svg_text_new ("Inter");
  TpLayout *layout;
  TpExportOptions options;
  cairo_surface_t *surface;
  double width, height;
  guint words_before, words_after, layouts;
  GBytes *text;
  cairo_t *cr;

  layout = lay_out_board (document, model, &options, &width, &height);

  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  _tp_svg_text_attach (sink, cr);
  _tp_paint_get_note_counts (&words_before, &layouts);
  tp_export_paint_page (cr, layout, document, &options, TP_EXPORT_PAGE_BOARD, width, height,
                        0, 0);
  _tp_paint_get_note_counts (&words_after, &layouts);
  /* With the models, notes' lines come from them; without, from Pango's layouts. */
  if (model)
    g_assert_cmpuint (words_after, >, words_before);
  else
    g_assert_cmpuint (words_after, ==, words_before);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  tp_layout_free (layout);
  text = _tp_svg_text_finish (sink, svg);
  g_assert_cmpuint (g_bytes_get_size (text), >, strlen (empty));
  return text;
}

/* The board page as `--export=x.pdf --page=board` paints it, with or without the notes'
 * models; the texts shaped while painting in *shaped, the notes painted from their
 * words' glyphs and from Pango's layouts in the optional counts. */
static GByteArray *
export_board (TpDocument *document,
              gboolean    model,
              guint      *shaped,
              guint      *from_words,
              guint      *from_layouts)
{
  guint words_before, layouts_before, words_after, layouts_after;
  GByteArray *bytes = g_byte_array_new ();
  TpLayout *layout;
  TpExportOptions options;
  cairo_surface_t *surface;
  double width, height;
  guint before;
  cairo_t *cr;

  layout = lay_out_board (document, model, &options, &width, &height);

  surface = cairo_pdf_surface_create_for_stream (append, bytes, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE,
                                  "2026-01-01T00:00:00Z");
  cr = cairo_create (surface);
  before = tp_test_count_shaped ();
  _tp_paint_get_note_counts (&words_before, &layouts_before);
  tp_export_paint_page (cr, layout, document, &options, TP_EXPORT_PAGE_BOARD, width, height,
                        0, 0);
  *shaped = tp_test_count_shaped () - before;
  _tp_paint_get_note_counts (&words_after, &layouts_after);
  if (from_words != NULL)
    *from_words = words_after - words_before;
  if (from_layouts != NULL)
    *from_layouts = layouts_after - layouts_before;
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  tp_layout_free (layout);
  return bytes;
}

static void
assert_same_board (TpDocument *document,
                   const char *name)
{
  guint shaped_words, shaped_pango, from_words, from_layouts, pango_words;
  g_autoptr(GByteArray) words = export_board (document, TRUE, &shaped_words, &from_words,
                                              &from_layouts);
  g_autoptr(GByteArray) pango = export_board (document, FALSE, &shaped_pango, &pango_words,
                                              NULL);

  g_test_message ("%s: the board's PDF, %u bytes alike; %u notes' texts painted from their "
                  "words' glyphs, %u from Pango's layouts", name, words->len, from_words,
                  from_layouts);
  /* Not a test that cannot fail: one way painted from the words, the other did not. */
  g_assert_cmpuint (from_words, >, 0);
  g_assert_cmpuint (pango_words, ==, 0);

  /* An SVG's text, its lines told by the models and by Pango's layouts. */
  {
    g_autoptr(GBytes) svg_words = board_svg_text (document, TRUE);
    g_autoptr(GBytes) svg_pango = board_svg_text (document, FALSE);
    gsize words_size, pango_size;
    const char *words_data = g_bytes_get_data (svg_words, &words_size);
    const char *pango_data = g_bytes_get_data (svg_pango, &pango_size);

    g_test_message ("%s: the board's SVG text, %" G_GSIZE_FORMAT " bytes alike", name,
                    words_size);
    g_assert_cmpmem (words_data, words_size, pango_data, pango_size);
  }
  g_assert_cmpmem (words->data, words->len, pango->data, pango->len);
}

/* Whole boards are the same PDF, byte for byte, and the same SVG text, painted from the
 * words' glyphs and from Pango's layouts: the example, and a board from the bench's
 * generator. */
static void
test_same_pdf (void)
{
  g_autoptr(TpDocument) example = tp_test_load_path (EXAMPLE);
  g_autoptr(TpDocument) bench = tp_bench_make_document (g_getenv ("TP_TEST_SLOWDOWN") ? 150 : 600);

  assert_same_board (example, "the example");
  assert_same_board (bench, "the bench's board");
}

/* Painting a board of 1,000 notes shapes none of their texts: every note is painted
 * from its words' glyphs, shaped when they were measured; what painting shapes is the
 * journey's and the titles' texts, fewer than a note in five. */
static void
test_board_unshaped (void)
{
  g_autoptr(TpDocument) document = tp_bench_make_document (g_getenv ("TP_TEST_SLOWDOWN") ? 200 : 1000);
  guint shaped, from_words, from_layouts, n_notes = 0;
  g_autoptr(GByteArray) words = export_board (document, TRUE, &shaped, &from_words,
                                              &from_layouts);

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    n_notes += tp_document_get_notes (document, c)->len;
  g_test_message ("%u notes: painting the board painted %u notes' texts from their words' "
                  "glyphs, %u from Pango's layouts, and shaped %u texts", n_notes, from_words,
                  from_layouts, shaped);
  g_assert_cmpuint (from_layouts, ==, 0);
  g_assert_cmpuint (from_words, ==, n_notes);
  g_assert_cmpuint (shaped, <, n_notes / 5);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/word-glyphs/same-glyphs", test_same_glyphs);
  g_test_add_func ("/touchpoint/word-glyphs/same-pdf", test_same_pdf);
  g_test_add_func ("/touchpoint/word-glyphs/board-unshaped", test_board_unshaped);

  return g_test_run ();
}
