/* test-text-model.c: the fit's searches wrap texts by a model of their words' widths,
 * and each text of a board export is shaped about once (issues 19 and 14)
 *
 * - The model (tp-layout-model.c) tells a text's lines at a width as Pango wraps them:
 *   over many texts and widths, wherever it answers, its height, widest line, last line's
 *   end and cut equal a fresh Pango layout's; it answers for most plain texts' widths.
 * - A layout whose searches use the model has exactly the geometry of one whose searches
 *   shape every trial (the board, a full-text canvas fitted to a slide, the board page).
 * - A board export (PDF, the board page, fit) shapes each of its texts at most 1.5 times
 *   on average, counted, never timed; about 5 times before the model.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <math.h>
#include <string.h>

#include "../bench/tp-bench-doc.h"
#include "render/tp-export.h"
#include "render/tp-layout-private.h"
#include "render/tp-text.h"

/* Shapings per distinct text that a board export may make on average. */
#define MAX_SHAPED_PER_TEXT 1.5

static guint
count_shaped (void)
{
  guint shaped, lookups, refs;

  _tp_layout_get_counts (&shaped, &lookups, &refs);
  return shaped;
}

static const char * const fixed_texts[] = {
  "support same-day return phone store courier chat",
  "Pneumonoultramicroscopicsilicovolcanoconiosis is a long word indeed",
  "first paragraph\nsecond paragraph that is a little longer\n\nthird",
  "spaces  between   words    and at the end   ",
  "Fast checkout, same-day delivery and a no-questions-asked refund policy",
  "Ünïcödé wörds, “quotes” — dashes – and… ellipses; 50 € / 40 £ (a/b) [c] {d}",
  "WAVE AVATAR Type Tomorrow: fi fl ffi office — kerning pairs To Ta Yo",
  "x",
  "",
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
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (texts, tp_bench_make_text (rand, 1, i % 4 == 0 ? 40 : 14));
  return texts;
}

/* Every width the model answers, against Pango: height, widest line, last line's end
 * and cut alike, for the note role with and without a line limit. */
static void
test_pango (void)
{
  TpLayout *layout = tp_layout_new ();
  g_autoptr(GPtrArray) texts = make_texts ();
  guint asked = 0, answered = 0, plain_asked = 0, plain_answered = 0;

  for (guint t = 0; t < texts->len; t++)
    {
      const char *text = g_ptr_array_index (texts, t);
      TpTextModel *model = _tp_text_model_new (layout, TP_FONT_NOTE, text);
      gboolean plain = t >= G_N_ELEMENTS (fixed_texts);

      if (plain)
        g_assert_nonnull (model);
      if (model == NULL)
        continue;
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
  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      GPtrArray *notes = tp_document_get_notes (document, c);

      for (guint i = 0; i < notes->len; i++)
        {
          TpItem *item = g_ptr_array_index (notes, i);
          TpNoteInfo na, nb;

          g_assert_true (tp_layout_get_note (a, item->id, &na));
          g_assert_true (tp_layout_get_note (b, item->id, &nb));
          g_assert_cmpint (na.visible, ==, nb.visible);
          g_assert_cmpmem (&na.rect, sizeof na.rect, &nb.rect, sizeof nb.rect);
          g_assert_cmpmem (&na.text, sizeof na.text, &nb.text, sizeof nb.text);
          g_assert_cmpfloat (na.text_height, ==, nb.text_height);
          g_assert_cmpint (na.truncated, ==, nb.truncated);
        }
    }
}

/* The board, a full-text canvas fitted to a slide's room, and the full-text board: the
 * same geometry whether the searches wrap by the model or by shaping every trial. */
static void
test_geometry (void)
{
  guint sizes[] = { 40, g_getenv ("TP_TEST_SLOWDOWN") ? 150 : 400 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(TpDocument) document = tp_bench_make_document (sizes[s]);
      TpLayout *modelled = tp_layout_new ();
      TpLayout *shaped = tp_layout_new ();

      _tp_layout_set_modelling (shaped, FALSE);
      for (guint step = 0; step < 3; step++)
        {
          for (guint k = 0; k < 2; k++)
            {
              TpLayout *layout = k == 0 ? modelled : shaped;

              tp_layout_set_full_text (layout, step > 0);
              if (step == 1)
                tp_layout_set_frame (layout, TP_REGION_CANVAS, 883, 430, 0.6, 1.5);
              else
                tp_layout_set_frame (layout, TP_REGION_CANVAS, 0, 0, 0, 0);
              tp_layout_update (layout, document);
            }
          assert_same_geometry (modelled, shaped, document);
        }
      tp_layout_free (modelled);
      tp_layout_free (shaped);
    }
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

/* The board page as `--export=x.pdf --page=board --size=fit` lays it out and paints it:
 * shapings per distinct text measured. */
static void
test_count (void)
{
  guint n = g_getenv ("TP_TEST_SLOWDOWN") ? 300 : 1000;
  g_autoptr(TpDocument) document = tp_bench_make_document (n);
  g_autoptr(GArray) pages = NULL;
  TpLayout *layout = tp_layout_new ();
  TpExportOptions options;
  cairo_surface_t *surface;
  double width, height;
  guint before = count_shaped (), shaped, texts;
  cairo_t *cr;

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

  shaped = count_shaped () - before;
  texts = g_hash_table_size (layout->measures);
  g_test_message ("%u notes: %u texts shaped %u times (%.2f a text)", n, texts, shaped,
                  (double) shaped / texts);
  g_assert_cmpfloat ((double) shaped / texts, <=, MAX_SHAPED_PER_TEXT);
  tp_layout_free (layout);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/text-model/pango", test_pango);
  g_test_add_func ("/touchpoint/text-model/geometry", test_geometry);
  g_test_add_func ("/touchpoint/text-model/count", test_count);

  return g_test_run ();
}
