/* test-measure-cache.c: each text measured once per way it wraps (issue 19), with the
 * same result as measuring it afresh
 *
 * - A text measured at one width is reused at every width that breaks it into the same
 *   lines (tp-layout-measure.c): every reused measurement, at every width, in rising,
 *   falling and shuffled order, equals a fresh Pango layout's (height, widest line, where
 *   the last line ends, the cut), and the laid-out text handed to painters has the fresh
 *   layout's lines.
 * - A whole layout, as an export makes it (full text, fitted to a slide) and as the board
 *   makes it, has exactly the geometry of a layout that measures every width afresh (and
 *   whose searches shape every trial, where the other's wrap by the texts' models,
 *   tp-layout-model.c).
 * - Laying out and painting every page of an export shapes each text a bounded number of
 *   times, counted, never timed.
 * - The fit's searches wrap texts by a model of their words' widths (tp-layout-model.c):
 *   over many texts and widths, wherever the model answers, its height, widest line, last
 *   line's end and cut equal a fresh Pango layout's; it answers for every plain text at a
 *   note's widths. So a board export (PDF, the board page, fit) shapes each of its texts
 *   at most 1.05 times on average (once, at 1,000 notes); with the searches shaping every
 *   trial, as before the model, it shapes each several times.
 * - A note's text is shaped only when painted: laying out a board of notes (the canvas and
 *   the value chain, every fit's trials and final widths) shapes none that its model tells.
 *   That is what keeps the 10,000-note board at one shaping a text: shaped while laid out,
 *   thousands of texts waited for the painter beyond the cap of laid-out texts kept
 *   unpainted, and the first painted were shaped again (1.40 a text).
 */

#include "config.h"

#include <cairo-pdf.h>
#include <string.h>

#include "../bench/tp-bench-doc.h"
#include "render/tp-export.h"
#include "render/tp-layout-private.h"
#include "render/tp-text.h"
#include "tp-test-layout.h"

/* Texts shaped per note while an export lays the board out three ways (5.6 with the
 * spans, 10.1 measuring every width afresh, at 1,000 notes). */
#define MAX_SHAPED_PER_NOTE 8

/* Shapings per distinct text that a board export may make on average (issues 14 and 19):
 * each once, at the width it is painted at, but for a text painted at two wrappings. */
#define MAX_SHAPED_PER_TEXT 1.05

/* Texts that wrap in every way the cache must tell apart: between words, after a
 * hyphen, inside a word longer than a line, at a paragraph's end, with runs of spaces. */
static const char * const fixed_texts[] = {
  "support same-day return phone store courier chat",
  "Pneumonoultramicroscopicsilicovolcanoconiosis is a long word indeed",
  "first paragraph\nsecond paragraph that is a little longer\n\nthird",
  "spaces  between   words    and at the end   ",
  "Fast checkout, same-day delivery and a no-questions-asked refund policy",
  "x",
  "",
};

/* More texts for the model: punctuation and symbols it answers for, kerning pairs, and
 * what it leaves to Pango (tabs, soft hyphens, empty lines). */
static const char * const model_texts[] = {
  "Ünïcödé wörds, “quotes” — dashes – and… ellipses; 50 € / 40 £ (a/b) [c] {d}",
  "WAVE AVATAR Type Tomorrow: fi fl ffi office — kerning pairs To Ta Yo",
  "\n",
  "trailing newline\n",
  "  leading spaces",
  "tab\tseparated",
  "soft\u00ADhyphen",
};

/* A text as long as a note may be, from the bench's vocabulary. */
static GPtrArray *
make_texts (void)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (19);
  guint n = g_getenv ("TP_TEST_SLOWDOWN") ? 40 : 160;

  for (guint i = 0; i < G_N_ELEMENTS (fixed_texts); i++)
    g_ptr_array_add (texts, g_strdup (fixed_texts[i]));
  for (guint i = 0; i < G_N_ELEMENTS (model_texts); i++)
    g_ptr_array_add (texts, g_strdup (model_texts[i]));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (texts, tp_bench_make_text (rand, 1, i % 4 == 0 ? 40 : 14));
  return texts;
}

/* Every width the model answers, against Pango: height, widest line, last line's end
 * and cut alike, for the note role with and without a line limit. */
static void
test_model (void)
{
  TpLayout *layout = tp_layout_new ();
  g_autoptr(GPtrArray) texts = make_texts ();
  guint asked = 0, answered = 0, plain_asked = 0, plain_answered = 0;

  for (guint t = 0; t < texts->len; t++)
    {
      const char *text = g_ptr_array_index (texts, t);
      TpTextModel *model = _tp_text_model_new (layout, TP_FONT_NOTE, text);
      gboolean plain = t >= G_N_ELEMENTS (fixed_texts) + G_N_ELEMENTS (model_texts);

      if (plain)
        g_assert_nonnull (model);
      if (model == NULL)
        continue;
      /* Unwrapped: a line a paragraph, as the fit's estimates ask. */
      {
        double height, text_width, last_right, real_width, real_height;
        gboolean truncated;
        g_autoptr(PangoLayout) real = tp_text_layout_new_lines (layout->context, layout->theme,
                                                                TP_FONT_NOTE, text, -1, 0);

        g_assert_true (_tp_text_model_wrap (layout, TP_FONT_NOTE, model, G_MAXINT / 2, 0, &height,
                                            &text_width, &last_right, &truncated));
        tp_text_layout_get_size (real, &real_width, &real_height);
        g_assert_cmpfloat (height, ==, real_height);
        g_assert_cmpfloat (text_width, ==, real_width);
        g_assert_false (truncated);
      }
      for (int w = 12; w <= 420; w += plain ? 5 : 1)
        for (guint max_lines = 0; max_lines <= 5; max_lines += 5)
          {
            double height, text_width, last_right;
            double real_height, real_width;
            gboolean truncated;
            g_autoptr(PangoLayout) real = NULL;
            int units = w * PANGO_SCALE + (w * 37) % PANGO_SCALE;

            /* Plain texts at a note's widths (its text is some 90 units at the narrowest)
             * are what the model is for: it must answer nearly all of them. */
            gboolean counted = plain && w >= 80;

            asked++;
            plain_asked += counted;
            if (!_tp_text_model_wrap (layout, TP_FONT_NOTE, model, units, max_lines, &height,
                                      &text_width, &last_right, &truncated))
              continue;
            answered++;
            plain_answered += counted;

            real = tp_text_layout_new_lines (layout->context, layout->theme, TP_FONT_NOTE, text,
                                             (double) units / PANGO_SCALE, max_lines);
            tp_text_layout_get_size (real, &real_width, &real_height);
            if (height != real_height || truncated != tp_text_layout_get_truncated (real) ||
                (!truncated && (text_width != real_width ||
                                last_right != tp_text_layout_get_last_line_end (real))))
              g_error ("“%s” at %d units, %u lines: model %g × %g, last %g, cut %d; Pango %g × %g, "
                       "last %g, cut %d", text, units, max_lines, text_width, height, last_right,
                       truncated, real_width, real_height, tp_text_layout_get_last_line_end (real),
                       tp_text_layout_get_truncated (real));
          }
      _tp_text_model_free (model);
    }

  g_test_message ("the model answered %u of %u widths (%u of %u for plain texts at a note's widths)", answered,
                  asked, plain_answered, plain_asked);
  g_assert_cmpuint (plain_answered, >=, plain_asked * 95 / 100);
  tp_layout_free (layout);
}

static void
assert_lines_equal (PangoLayout *a,
                    PangoLayout *b)
{
  g_assert_cmpint (pango_layout_get_line_count (a), ==, pango_layout_get_line_count (b));
  for (int i = 0; i < pango_layout_get_line_count (a); i++)
    {
      g_assert_cmpint (pango_layout_get_line_readonly (a, i)->start_index, ==,
                       pango_layout_get_line_readonly (b, i)->start_index);
      g_assert_cmpint (pango_layout_get_line_readonly (a, i)->length, ==,
                       pango_layout_get_line_readonly (b, i)->length);
    }
}

static void
check_width (TpLayout   *layout,
             TpFontRole  role,
             const char *text,
             double      width,
             guint       max_lines)
{
  g_autoptr(PangoLayout) fresh = tp_text_layout_new_lines (tp_layout_get_context (layout),
                                                           tp_layout_get_theme (layout), role,
                                                           text, width, max_lines);
  g_autoptr(PangoLayout) painted = NULL;
  double fresh_width, fresh_height, text_width = 0, height, last_right;
  gboolean truncated;

  tp_text_layout_get_size (fresh, &fresh_width, &fresh_height);
  if (role == TP_FONT_NOTE)
    {
      /* A note's text is measured by its model where it has one (tp-layout-model.c). */
      height = _tp_layout_measure_note (layout, text, width, max_lines, &truncated, &last_right);
      g_assert_cmpfloat (height, ==, fresh_height);
      g_assert_cmpint (truncated, ==, tp_text_layout_get_truncated (fresh));
      /* A cut text's marks take a row of their own: where its last line ends is not told. */
      if (!truncated && last_right != tp_text_layout_get_last_line_end (fresh))
        g_test_message ("“%s” at %g: last line ends at %g, afresh %g", text, width, last_right,
                        tp_text_layout_get_last_line_end (fresh));
      g_assert_true (truncated || last_right == tp_text_layout_get_last_line_end (fresh));
    }
  height = _tp_layout_measure_text (layout, role, text, width, max_lines, &text_width,
                                    &truncated);
  if (height != fresh_height || text_width != fresh_width)
    g_test_message ("“%s” at %g (%u lines at most): %g × %g, afresh %g × %g", text, width,
                    max_lines, text_width, height, fresh_width, fresh_height);
  g_assert_cmpfloat (height, ==, fresh_height);
  g_assert_cmpfloat (text_width, ==, fresh_width);
  g_assert_cmpint (truncated, ==, tp_text_layout_get_truncated (fresh));

  painted = _tp_layout_ref_text (layout, role, text, width, max_lines);
  assert_lines_equal (painted, fresh);
}

static void
test_spans (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (19);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  TpFontRole roles[] = { TP_FONT_NOTE, TP_FONT_BLOCK_TITLE };
  guint shaped = 0, queries = 0;

  for (guint i = 0; i < G_N_ELEMENTS (fixed_texts); i++)
    g_ptr_array_add (texts, g_strdup (fixed_texts[i]));
  for (guint i = 0; i < 12; i++)
    g_ptr_array_add (texts, tp_bench_make_text (rand, 1, 30));

  for (guint order = 0; order < 3; order++)
    for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
      for (guint lines = 0; lines <= 3; lines += 3)
        {
          TpLayout *layout = tp_layout_new ();
          double widths[121];

          /* Every two and a half board units, rising, falling or shuffled. */
          for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
            widths[w] = 40 + (order == 1 ? G_N_ELEMENTS (widths) - 1 - w : w) * 2.5;
          if (order == 2)
            for (guint w = G_N_ELEMENTS (widths) - 1; w > 0; w--)
              {
                guint k = g_rand_int_range (rand, 0, w + 1);
                double t = widths[w];

                widths[w] = widths[k];
                widths[k] = t;
              }

          guint before = tp_test_count_shaped ();

          for (guint t = 0; t < texts->len; t++)
            for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
              check_width (layout, roles[r], g_ptr_array_index (texts, t), widths[w], lines);
          /* A text cut after its last line is measured at its own width only (where the
           * ellipsis goes depends on it). */
          if (lines == 0)
            {
              shaped += tp_test_count_shaped () - before;
              queries += texts->len * G_N_ELEMENTS (widths);
            }
          tp_layout_free (layout);
        }

  /* The spans spare much of the shaping, even at widths two and a half units apart (the
   * fit's are quanta of 8): each width would shape once. */
  g_test_message ("%u widths asked, %u texts shaped", queries, shaped);
  g_assert_cmpuint (shaped, <, queries * 6 / 10);
}

/* Every note's rect and text rect, and the bounds, exactly alike in both layouts. */
static void
assert_same_geometry (TpLayout   *a,
                      TpLayout   *b,
                      TpDocument *document)
{
  TpRect ra, rb;

  tp_layout_get_bounds (a, &ra);
  tp_layout_get_bounds (b, &rb);
  g_assert_cmpmem (&ra, sizeof ra, &rb, sizeof rb);
  for (TpRegion r = 0; r < TP_N_REGIONS; r++)
    {
      tp_layout_get_region (a, r, &ra);
      tp_layout_get_region (b, r, &rb);
      g_assert_cmpmem (&ra, sizeof ra, &rb, sizeof rb);
    }
  tp_test_assert_same_notes (a, b, document,
                             TP_TEST_SAME_NOTES_PRESENT | TP_TEST_SAME_NOTES_TEXT |
                             TP_TEST_SAME_NOTES_MEASURE);
}

/* As the board lays itself out, and as an export lays out its canvas slide (full text,
 * fitted to a 960 × 540 page's room between its floor and cap) and then its board page:
 * the cache's spans against a layout that measures every width afresh. */
static void
test_geometry (void)
{
  /* Under the sanitizers (TP_TEST_SLOWDOWN), shaping costs some 30 times as much: the
   * larger board is smaller there, with the same mix of texts. */
  guint sizes[] = { 40, g_getenv ("TP_TEST_SLOWDOWN") ? 200 : 400 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(TpDocument) document = tp_bench_make_document (sizes[s]);
      TpLayout *cached = tp_layout_new ();
      TpLayout *exact = tp_layout_new ();

      _tp_layout_set_exact_measures (exact, TRUE);
      for (guint step = 0; step < 3; step++)
        {
          for (guint k = 0; k < 2; k++)
            {
              TpLayout *layout = k == 0 ? cached : exact;

              tp_layout_set_full_text (layout, step > 0);
              if (step == 1)
                tp_layout_set_frame (layout, TP_REGION_CANVAS, 883, 430, 0.6, 1.5);
              else
                tp_layout_set_frame (layout, TP_REGION_CANVAS, 0, 0, 0, 0);
              tp_layout_update (layout, document);
            }
          assert_same_geometry (cached, exact, document);
        }
      tp_layout_free (cached);
      tp_layout_free (exact);
    }
}

/* Laying a 1,000-note board out for an export, as the board page, the canvas's slide and
 * the board page again, shapes each note's text a few times (once per way it wraps at the
 * widths the fit tries), and far fewer times than measuring every width afresh. */
static guint
count_export_layouts (TpDocument *document,
                      gboolean    exact)
{
  TpLayout *layout = tp_layout_new ();
  guint before = tp_test_count_shaped ();

  _tp_layout_set_exact_measures (layout, exact);
  tp_layout_set_full_text (layout, TRUE);
  tp_layout_update (layout, document);
  tp_layout_set_frame (layout, TP_REGION_CANVAS, 883, 430, 0.6, 1.5);
  tp_layout_update (layout, document);
  tp_layout_set_frame (layout, TP_REGION_CANVAS, 0, 0, 0, 0);
  tp_layout_update (layout, document);
  tp_layout_free (layout);
  return tp_test_count_shaped () - before;
}

static void
test_count (void)
{
  g_autoptr(TpDocument) document = tp_bench_make_document (g_getenv ("TP_TEST_SLOWDOWN") ? 300 : 1000);
  guint n_notes = 0, shaped, exact;

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    n_notes += tp_document_get_notes (document, c)->len;

  shaped = count_export_layouts (document, FALSE);
  exact = count_export_layouts (document, TRUE);
  g_test_message ("%u notes: %u texts shaped, %u measuring every width afresh", n_notes, shaped,
                  exact);
  g_assert_cmpuint (shaped, <=, MAX_SHAPED_PER_NOTE * n_notes);
  g_assert_cmpuint (shaped, <=, exact * 3 / 4);
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

/* The board page as `--export=x.pdf --page=board --size=fit` lays it out and paints it:
 * returns the texts shaped, and the distinct texts measured in *texts. */
static guint
export_board (TpDocument *document,
              gboolean    model,
              guint      *texts)
{
  g_autoptr(GArray) pages = NULL;
  TpLayout *layout = tp_layout_new ();
  TpExportOptions options;
  cairo_surface_t *surface;
  double width, height;
  guint before = tp_test_count_shaped ();
  cairo_t *cr;

  _tp_layout_set_modelling (layout, model);
  tp_export_options_init (&options);
  options.page = TP_EXPORT_PAGE_BOARD;
  options.size = TP_PAGE_SIZE_FIT;
  tp_layout_set_full_text (layout, TRUE);
  tp_layout_update (layout, document);
  pages = tp_export_list_pages (layout, document, &options);
  g_assert_cmpuint (pages->len, ==, 1);
  tp_export_get_page_size (layout, &options, TP_EXPORT_PAGE_BOARD, &width, &height);

  surface = cairo_pdf_surface_create_for_stream (discard, NULL, width, height);
  cr = cairo_create (surface);
  tp_export_paint_page (cr, layout, document, &options, TP_EXPORT_PAGE_BOARD, width, height,
                        0, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  *texts = g_hash_table_size (layout->measures);
  tp_layout_free (layout);
  return tp_test_count_shaped () - before;
}

/* A board of notes alone, from the bench's vocabulary: in every block, or in the value
 * chain's only. */
static TpDocument *
make_notes (guint    n,
            gboolean chain_only)
{
  TpDocument *document = tp_document_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (14);

  for (guint i = 0; i < n; i++)
    {
      TpContainer c = chain_only ? TP_N_BMC_BLOCKS + i % (TP_N_CONTAINERS - TP_N_BMC_BLOCKS)
                                 : i % TP_N_CONTAINERS;
      g_autofree char *text = tp_bench_make_text (rand, 1, i % 4 == 0 ? 40 : 14);

      g_assert_nonnull (tp_document_add_note (document, c, G_MAXUINT, text));
    }
  return document;
}

/* Laying a board of notes out as an export does (three ways) shapes none of its notes'
 * texts, only block titles (a hundred at most: an empty block's title at the fit's trial
 * widths), where it shaped every note at least once; painting shapes each once (the
 * value chain's fit too). The same size under the sanitizers: nothing but the painting
 * shapes a note. */
static void
test_notes_unshaped (void)
{
  guint n = 600;

  for (guint chain = 0; chain < 2; chain++)
    {
      g_autoptr(TpDocument) document = make_notes (n, chain);
      guint shaped = count_export_layouts (document, FALSE);
      guint texts, painted = export_board (document, TRUE, &texts);

      g_test_message ("%u notes%s: laid out three ways, %u texts shaped; the board page "
                      "painted, %u for %u texts", n, chain ? " in the value chain" : "", shaped,
                      painted, texts);
      g_assert_cmpuint (shaped, <, n / 5);
      g_assert_cmpfloat ((double) painted / texts, <=, MAX_SHAPED_PER_TEXT);
    }
}

/* Each text shaped about once with the model; the searches shaping their trials (as
 * before the model) shape each several times. */
static void
test_export_count (void)
{
  guint n = g_getenv ("TP_TEST_SLOWDOWN") ? 200 : 1000;
  g_autoptr(TpDocument) document = tp_bench_make_document (n);
  guint texts, shaped = export_board (document, TRUE, &texts);
  guint old_texts, old = export_board (document, FALSE, &old_texts);

  g_test_message ("%u notes: %u texts shaped %u times (%.2f a text); shaping every trial, "
                  "%u times (%.2f a text)", n, texts, shaped, (double) shaped / texts, old,
                  (double) old / old_texts);
  g_assert_cmpfloat ((double) shaped / texts, <=, MAX_SHAPED_PER_TEXT);
  g_assert_cmpfloat ((double) old / old_texts, >, MAX_SHAPED_PER_TEXT);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/measure-cache/spans", test_spans);
  g_test_add_func ("/touchpoint/measure-cache/geometry", test_geometry);
  g_test_add_func ("/touchpoint/measure-cache/count", test_count);
  g_test_add_func ("/touchpoint/measure-cache/model", test_model);
  g_test_add_func ("/touchpoint/measure-cache/export-count", test_export_count);
  g_test_add_func ("/touchpoint/measure-cache/notes-unshaped", test_notes_unshaped);

  return g_test_run ();
}
