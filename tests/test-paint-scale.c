/* test-paint-scale.c: the board at scale (issue 19), by counting, never by time
 *
 * - A relayout looks each note's text up in the measurement cache a bounded number of
 *   times (the canvas's fit used to flow every note at dozens of trial widths on every
 *   update: about 63 lookups per note at 1,000 notes), also after an edit.
 * - The remembered heights change nothing: an unchanged relayout, and a relayout after
 *   an edit, give exactly the geometry a fresh layout of the same document gives.
 * - At a zoom where a line of text is under three pixels, painting the board on a raster
 *   shapes and draws no note's text (grey bars instead); a PDF at the same scale still draws
 *   every shown note's text, so exports keep every word.
 * - At a zoom where a touchpoint's column is a few pixels (a 10,000-note board at fit),
 *   painting the board on a raster measures and shapes none of the journey's texts (the
 *   cards are painted from their layout, tp-painter-journey-lod.c); a PDF at that scale
 *   still draws every card's words.
 */

#include "config.h"

#include <cairo-pdf.h>
#include <string.h>

#include "../bench/tp-bench-doc.h"
#include "model/tp-document-private.h"
#include "render/tp-layout-private.h"
#include "render/tp-painter.h"
#include "tp-test-layout.h"

#define N_NOTES 1000
/* Lookups per note a relayout may make (was about 63; now about 7, and 11 after an
 * edit). */
#define MAX_LOOKUPS_PER_NOTE 16

/* Every note's rect, and the bounds, exactly alike in both layouts. */
static void
assert_same_geometry (TpLayout   *a,
                      TpLayout   *b,
                      TpDocument *document)
{
  TpRect ba, bb;

  tp_layout_get_bounds (a, &ba);
  tp_layout_get_bounds (b, &bb);
  g_assert_cmpfloat (ba.width, ==, bb.width);
  g_assert_cmpfloat (ba.height, ==, bb.height);
  tp_test_assert_same_notes (a, b, document, TP_TEST_SAME_NOTES_RECT);
}

static void
test_relayout_lookups (void)
{
  g_autoptr(TpDocument) document = tp_bench_make_document (N_NOTES);
  TpLayout *layout = tp_layout_new ();
  TpLayout *fresh;
  TpNote *note = g_ptr_array_index (tp_document_get_notes (document, 0), 0);
  char *old_text = note->text;
  guint before;

  tp_layout_update (layout, document);

  before = tp_test_count_lookups ();
  tp_layout_update (layout, document);
  g_test_message ("lookups in a relayout: %u for %d notes", tp_test_count_lookups () - before, N_NOTES);
  g_assert_cmpuint (tp_test_count_lookups () - before, <=, MAX_LOOKUPS_PER_NOTE * N_NOTES);

  fresh = tp_layout_new ();
  tp_layout_update (fresh, document);
  assert_same_geometry (layout, fresh, document);
  tp_layout_free (fresh);

  /* An edit that makes the note longer: its block is laid out again, and only it. */
  note->text = g_strconcat (old_text, " and so many more words that it wraps again", NULL);
  before = tp_test_count_lookups ();
  tp_layout_update (layout, document);
  g_test_message ("lookups in a relayout after an edit: %u", tp_test_count_lookups () - before);
  g_assert_cmpuint (tp_test_count_lookups () - before, <=, MAX_LOOKUPS_PER_NOTE * N_NOTES);

  fresh = tp_layout_new ();
  tp_layout_update (fresh, document);
  assert_same_geometry (layout, fresh, document);
  tp_layout_free (fresh);

  g_free (note->text);
  note->text = old_text;
  tp_layout_update (layout, document);
  fresh = tp_layout_new ();
  tp_layout_update (fresh, document);
  assert_same_geometry (layout, fresh, document);
  tp_layout_free (fresh);
  tp_layout_free (layout);
}

static guint
count_shown (TpLayout *layout)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  TpRect bounds;

  tp_layout_get_bounds (layout, &bounds);
  tp_layout_query_notes (layout, &bounds, ids);
  return ids->len;
}

/* The board painted whole at a scale where a note's line is about a pixel. */
static guint
paint_refs (cairo_surface_t *surface,
            TpLayout        *layout,
            TpDocument      *document,
            double           scale)
{
  cairo_t *cr = cairo_create (surface);
  TpPaintOptions options;
  guint before = tp_test_count_text_refs ();

  tp_paint_options_init (&options);
  options.screen = TRUE;
  cairo_scale (cr, scale, scale);
  tp_paint_board (cr, layout, document, &options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return tp_test_count_text_refs () - before;
}

static void
test_tiny_text (void)
{
  g_autoptr(TpDocument) document = tp_bench_make_document (N_NOTES);
  TpLayout *layout = tp_layout_new ();
  cairo_surface_t *surface;
  TpRect bounds;
  double scale;
  guint shown, refs;

  tp_layout_update (layout, document);
  tp_layout_get_bounds (layout, &bounds);
  shown = count_shown (layout);
  g_assert_cmpuint (shown, >, 100);
  /* A line of note text (about 18 units) is a pixel. */
  scale = 1.0 / 18;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (bounds.width * scale) + 1,
                                        (int) (bounds.height * scale) + 1);
  refs = paint_refs (surface, layout, document, scale);
  g_test_message ("texts drawn on a raster at 1/18: %u of %u notes shown", refs, shown);
  /* No note's or card's text; a few short labels (links' pills and badges) remain. */
  g_assert_cmpuint (refs, <=, shown / 10);
  cairo_surface_destroy (surface);

  /* A vector surface draws the words themselves. */
  surface = cairo_pdf_surface_create_for_stream (NULL, NULL, bounds.width * scale,
                                                 bounds.height * scale);
  refs = paint_refs (surface, layout, document, scale);
  g_test_message ("texts drawn in a PDF at 1/18: %u", refs);
  g_assert_cmpuint (refs, >=, shown);
  cairo_surface_destroy (surface);

  /* At 100 % a raster draws them too. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 400);
  refs = paint_refs (surface, layout, document, 1.0);
  g_assert_cmpuint (refs, >, 0);
  cairo_surface_destroy (surface);

  tp_layout_free (layout);
}

/* Measurement lookups and laid-out texts handed out while painting the whole board. */
static void
paint_counts (cairo_surface_t *surface,
              TpLayout        *layout,
              TpDocument      *document,
              double           scale,
              guint           *lookups,
              guint           *refs)
{
  guint shaped, lookups_before, refs_before;

  _tp_layout_get_counts (&shaped, &lookups_before, &refs_before);
  paint_refs (surface, layout, document, scale);
  _tp_layout_get_counts (&shaped, lookups, refs);
  *lookups -= lookups_before;
  *refs -= refs_before;
}

static void
test_tiny_journey (void)
{
  g_autoptr(TpDocument) document = tp_bench_make_document (N_NOTES);
  TpLayout *layout = tp_layout_new ();
  guint n_touchpoints = tp_document_get_n_touchpoints (document);
  cairo_surface_t *surface;
  guint lookups, refs;
  TpRect bounds;
  double scale;

  tp_layout_update (layout, document);
  tp_layout_get_bounds (layout, &bounds);
  g_assert_cmpuint (n_touchpoints, >=, 100);
  /* A touchpoint's column three pixels across, as at the fit of 10,000 notes (0.7). */
  scale = 3.0 / layout->theme->touchpoint_width;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (bounds.width * scale) + 1,
                                        (int) (bounds.height * scale) + 1);
  paint_counts (surface, layout, document, scale, &lookups, &refs);
  g_test_message ("raster, columns of 3 px: %u lookups, %u texts for %u touchpoints",
                  lookups, refs, n_touchpoints);
  /* Before, every card's, cell's and chip's text was looked up for its grey bars (more
   * than five a touchpoint); what is left is the links' pills and badges (one link for
   * two touchpoints) and the stages' headers. */
  g_assert_cmpuint (lookups, <=, n_touchpoints);
  g_assert_cmpuint (refs, <=, n_touchpoints / 4);
  cairo_surface_destroy (surface);

  /* An export at the same scale draws every card's words. */
  surface = cairo_pdf_surface_create_for_stream (NULL, NULL, bounds.width * scale,
                                                 bounds.height * scale);
  paint_counts (surface, layout, document, scale, &lookups, &refs);
  g_test_message ("PDF, columns of 3 px: %u lookups, %u texts", lookups, refs);
  g_assert_cmpuint (refs, >=, 3 * n_touchpoints);
  cairo_surface_destroy (surface);

  tp_layout_free (layout);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/paint-scale/relayout-lookups", test_relayout_lookups);
  g_test_add_func ("/paint-scale/tiny-text", test_tiny_text);
  g_test_add_func ("/paint-scale/tiny-journey", test_tiny_journey);

  return g_test_run ();
}
