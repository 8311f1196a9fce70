/* test-legend.c: a page's legend lists exactly the symbols the page uses, and wraps. */

#include "config.h"

#include <string.h>
#include <gio/gio.h>

#include "analysis/tp-kano.h"
#include "io/tp-document-file.h"
#include "model/tp-document.h"
#include "model/tp-kano-need.h"
#include "model/tp-note.h"
#include "model/tp-persona.h"
#include "model/tp-stage.h"
#include "model/tp-touchpoint.h"
#include "render/tp-layout.h"
#include "render/tp-legend.h"
#include "render/tp-text.h"

static TpDocument *
load_example (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (TP_EXAMPLE_PATH);
  g_autoptr(GError) error = NULL;
  TpDocument *document = tp_load_file (file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* The legend's symbols as words, headings left out: "colour:0 evidence:2 votes …". */
static char *
describe_legend (TpLegend *legend)
{
  static const char * const names[] = {
    [TP_LEGEND_HEADING] = "heading", [TP_LEGEND_NOTE_COLOUR] = "colour",
    [TP_LEGEND_EVIDENCE] = "evidence", [TP_LEGEND_VOTES] = "votes",
    [TP_LEGEND_PERSONA] = "persona", [TP_LEGEND_MOMENT_OF_TRUTH] = "star",
    [TP_LEGEND_GAP] = "gap", [TP_LEGEND_KANO] = "kano", [TP_LEGEND_EMOTION] = "emotion",
  };
  GString *words = g_string_new (NULL);

  for (guint i = 0; i < tp_legend_get_n_items (legend); i++)
    {
      const TpLegendItem *entry = tp_legend_get_item (legend, i);

      g_assert_nonnull (entry->label);
      g_assert_cmpstr (entry->label, !=, "");
      if (entry->symbol == TP_LEGEND_HEADING)
        continue;
      if (entry->symbol == TP_LEGEND_NOTE_COLOUR || entry->symbol == TP_LEGEND_EVIDENCE ||
          entry->symbol == TP_LEGEND_PERSONA || entry->symbol == TP_LEGEND_KANO)
        g_string_append_printf (words, "%s:%u ", names[entry->symbol], entry->value);
      else
        g_string_append_printf (words, "%s ", names[entry->symbol]);
    }
  return g_string_free (words, FALSE);
}

/* The same words from the document itself, in the legend's order: what the page shows. */
static char *
describe_page (TpDocument *document,
               gboolean    canvas,
               gboolean    value_chain,
               gboolean    journey,
               guint       first_stage,
               guint       n_stages)
{
  gboolean colours[TP_N_NOTE_COLOURS] = { 0 }, evidence[TP_N_EVIDENCE] = { 0 };
  gboolean kano[TP_N_KANO_CATEGORIES] = { 0 };
  gboolean votes = FALSE, star = FALSE, gap = FALSE, touchpoints = FALSE;
  g_autoptr(GHashTable) personas = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *stages = tp_document_get_stages (document);
  GPtrArray *all_personas = tp_document_get_personas (document);
  GString *words = g_string_new (NULL);

  for (TpContainer c = 0; c < TP_N_CONTAINERS; c++)
    {
      GPtrArray *notes = tp_document_get_notes (document, c);

      if (!(TP_CONTAINER_IS_CANVAS (c) ? canvas : value_chain))
        continue;
      for (guint i = 0; i < notes->len; i++)
        {
          TpNote *note = g_ptr_array_index (notes, i);
          TpPersona *persona = tp_document_get_persona_of (document, note->item.id);

          colours[note->colour] = TRUE;
          evidence[note->evidence] = TRUE;
          votes |= note->votes > 0;
          if (persona != NULL)
            g_hash_table_add (personas, persona->item.id);
        }
    }
  for (guint s = first_stage; journey && s < stages->len && s - first_stage < n_stages; s++)
    {
      TpStage *stage = g_ptr_array_index (stages, s);

      for (guint i = 0; i < stage->touchpoints->len; i++)
        {
          TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, i);
          TpPersona *persona = tp_document_get_persona_of (document, touchpoint->item.id);

          touchpoints = TRUE;
          star |= touchpoint->moment_of_truth;
          gap |= touchpoint->moment_of_truth && touchpoint->expectation > 0 &&
                 touchpoint->experience > 0;
          for (guint k = 0; k < touchpoint->needs->len && k < 3; k++)
            /* The category the board's tags show: evaluated from answers, else by hand. */
            kano[tp_kano_get_category (g_ptr_array_index (touchpoint->needs, k))] = TRUE;
          if (persona != NULL)
            g_hash_table_add (personas, persona->item.id);
        }
    }

  for (guint i = 0; i < TP_N_NOTE_COLOURS; i++)
    if (colours[i])
      g_string_append_printf (words, "colour:%u ", i);
  for (guint i = 0; i < TP_N_EVIDENCE; i++)
    if (evidence[i])
      g_string_append_printf (words, "evidence:%u ", i);
  if (votes)
    g_string_append (words, "votes ");
  for (guint i = 0; i < all_personas->len; i++)
    {
      TpPersona *persona = g_ptr_array_index (all_personas, i);

      if (g_hash_table_contains (personas, persona->item.id))
        g_string_append_printf (words, "persona:%u ", persona->accent);
    }
  if (star)
    g_string_append (words, "star ");
  if (gap)
    g_string_append (words, "gap ");
  for (guint i = 0; i < TP_N_KANO_CATEGORIES; i++)
    if (kano[i])
      g_string_append_printf (words, "kano:%u ", i);
  if (touchpoints)
    g_string_append (words, "emotion ");
  return g_string_free (words, FALSE);
}

static void
test_canvas (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLegend) legend = tp_legend_new_for_page (document, TP_EXPORT_PAGE_CANVAS, 0, G_MAXUINT);
  g_autofree char *got = describe_legend (legend);
  g_autofree char *want = describe_page (document, TRUE, FALSE, FALSE, 0, 0);

  g_assert_cmpstr (got, ==, want);
  /* The example's canvas uses colours, evidence, votes and personas, and nothing of the
   * journey. */
  g_assert_nonnull (strstr (got, "colour:"));
  g_assert_nonnull (strstr (got, "votes"));
  g_assert_nonnull (strstr (got, "persona:"));
  g_assert_null (strstr (got, "star"));
  g_assert_null (strstr (got, "kano"));
  g_assert_null (strstr (got, "emotion"));
}

static void
test_value_chain (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLegend) legend = tp_legend_new_for_page (document, TP_EXPORT_PAGE_VALUE_CHAIN, 0,
                                                       G_MAXUINT);
  g_autofree char *got = describe_legend (legend);
  g_autofree char *want = describe_page (document, FALSE, TRUE, FALSE, 0, 0);

  g_assert_cmpstr (got, ==, want);
  g_assert_nonnull (strstr (got, "colour:"));
  g_assert_null (strstr (got, "emotion"));
}

static void
test_journey_parts (void)
{
  g_autoptr(TpDocument) document = load_example ();
  guint n_stages = tp_document_get_stages (document)->len;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_cmpuint (n_stages, >=, 3);
  /* Every part of one, two and all stages: what its stages use, no more. */
  for (guint first = 0; first < n_stages; first++)
    for (guint n = 1; n <= 2; n++)
      {
        g_autoptr(TpLegend) legend = tp_legend_new_for_page (document, TP_EXPORT_PAGE_JOURNEY,
                                                             first, n);
        g_autofree char *got = describe_legend (legend);
        g_autofree char *want = describe_page (document, FALSE, FALSE, TRUE, first, n);

        g_assert_cmpstr (got, ==, want);
        g_assert_null (strstr (got, "colour:"));
        g_assert_nonnull (strstr (got, "emotion"));
        g_hash_table_add (seen, g_steal_pointer (&got));
      }
  /* The parts differ: a part's legend is not the whole journey's. */
  g_assert_cmpuint (g_hash_table_size (seen), >, 1);

  {
    g_autoptr(TpLegend) legend = tp_legend_new_for_page (document, TP_EXPORT_PAGE_BOARD, 3, 1);
    g_autofree char *got = describe_legend (legend);
    g_autofree char *want = describe_page (document, TRUE, TRUE, TRUE, 0, G_MAXUINT);

    /* The board shows everything, whatever range is passed. */
    g_assert_cmpstr (got, ==, want);
    g_assert_nonnull (strstr (got, "star"));
    g_assert_nonnull (strstr (got, "gap"));
    /* "Unboxing video" (k3) has answers that make it Indifferent and no category set by
     * hand: the board's tag and its legend say Indifferent, as the analysis does, where
     * they said "Not classified" (issue 15). */
    {
      g_autofree char *indifferent = g_strdup_printf ("kano:%u ", TP_KANO_INDIFFERENT);

      g_assert_nonnull (strstr (got, indifferent));
    }
  }
  g_assert_null (tp_legend_new_for_page (document, TP_EXPORT_PAGE_ANALYSIS, 0, G_MAXUINT));
}

/* Notes without votes, personas or touchpoints: only their colours and evidence. */
static void
test_plain (void)
{
  g_autoptr(TpDocument) document = tp_document_new ();
  g_autoptr(TpLegend) empty = tp_legend_new_for_page (document, TP_EXPORT_PAGE_BOARD, 0, G_MAXUINT);
  g_autoptr(TpLegend) legend = NULL;
  g_autofree char *got = NULL;
  const char *id;
  TpNote *copy;

  g_assert_true (tp_legend_is_empty (empty));
  g_assert_cmpuint (tp_legend_get_n_items (empty), ==, 0);

  tp_document_add_note (document, TP_CONTAINER_CUSTOMER_SEGMENTS, 0, "Students");
  id = tp_document_add_note (document, TP_CONTAINER_KEY_PARTNERS, 0, "Couriers");
  copy = (TpNote *) tp_document_edit_begin (document, id);
  copy->colour = TP_NOTE_COLOUR_RED;
  copy->evidence = TP_EVIDENCE_VALIDATED;
  tp_document_edit_commit (document, &copy->item, "Colour", FALSE);
  tp_document_add_persona (document, "Nobody's", TP_ACCENT_BLUE);   /* used by no note */

  legend = tp_legend_new_for_page (document, TP_EXPORT_PAGE_BOARD, 0, G_MAXUINT);
  got = describe_legend (legend);
  g_assert_cmpstr (got, ==, "colour:0 colour:5 evidence:0 evidence:2 ");
  g_assert_false (tp_legend_is_empty (legend));

  /* The value chain has no notes: nothing to explain there. */
  {
    g_autoptr(TpLegend) chain = tp_legend_new_for_page (document, TP_EXPORT_PAGE_VALUE_CHAIN, 0,
                                                        G_MAXUINT);

    g_assert_true (tp_legend_is_empty (chain));
  }
}

/* The strip wraps onto further lines when narrow, and a page's strip fits its width. */
static void
test_wrap (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLegend) legend = tp_legend_new_for_page (document, TP_EXPORT_PAGE_BOARD, 0, G_MAXUINT);
  TpLayout *layout = tp_layout_new ();
  double wide, narrow, slide, a4;

  tp_layout_update (layout, document);
  wide = tp_legend_measure (legend, layout, 100000);
  narrow = tp_legend_measure (legend, layout, 300);
  g_assert_cmpfloat (wide, >, 0);
  g_assert_cmpfloat (wide, <, 30);          /* one line */
  g_assert_cmpfloat (narrow, >, 3 * wide);  /* several */

  /* On a slide the strip takes a small share of the page's height. */
  slide = tp_legend_get_page_height (legend, layout, 1920, 1080, 1920 - 2 * 43);
  a4 = tp_legend_get_page_height (legend, layout, 1123, 794, 1123 - 2 * 32);
  g_assert_cmpfloat (slide, >, 0);
  g_assert_cmpfloat (slide, <, 1080 * 0.2);
  g_assert_cmpfloat (a4, >, 0);
  g_assert_cmpfloat (a4, <, 794 * 0.25);
  g_assert_cmpfloat (tp_legend_get_page_height (NULL, layout, 1920, 1080, 1800), ==, 0);

  tp_layout_free (layout);
}

/* A page's legend is measured for the page's room, measured again as it is painted, and a
 * framed page's layout asks its height too: its labels are laid out (shaped) once, then
 * answered from the layout's measures, however often the strip is flowed (issue 19: the
 * labels were shaped on every pass, a fifth of a one-note export's legend work). */
static void
test_shaped_once (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLegend) legend = tp_legend_new_for_page (document, TP_EXPORT_PAGE_BOARD, 0, G_MAXUINT);
  TpLayout *layout = tp_layout_new ();
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  TpRect room = { 43, 43, 1920 - 2 * 43, 1080 - 2 * 43 };
  guint first, again;
  double height;

  tp_layout_update (layout, document);
  first = _tp_text_get_n_layouts ();
  height = tp_legend_get_page_height (legend, layout, 1920, 1080, room.width);
  first = _tp_text_get_n_layouts () - first;
  g_assert_cmpfloat (height, >, 0);
  /* Its labels, each once (a label wider than the strip twice: unwrapped, then wrapped). */
  g_assert_cmpuint (first, >, 0);
  g_assert_cmpuint (first, <=, 2 * tp_legend_get_n_items (legend));

  again = _tp_text_get_n_layouts ();
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpfloat (tp_legend_get_page_height (legend, layout, 1920, 1080, room.width), ==,
                         height);
      tp_legend_paint_page (legend, cr, layout, 1920, 1080, &room);
    }
  again = _tp_text_get_n_layouts () - again;
  g_test_message ("first pass: %u texts laid out; three more measures and paints: %u", first,
                  again);
  g_assert_cmpuint (again, ==, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  tp_layout_free (layout);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/legend/canvas", test_canvas);
  g_test_add_func ("/touchpoint/legend/value-chain", test_value_chain);
  g_test_add_func ("/touchpoint/legend/journey-parts", test_journey_parts);
  g_test_add_func ("/touchpoint/legend/plain", test_plain);
  g_test_add_func ("/touchpoint/legend/wrap", test_wrap);
  g_test_add_func ("/touchpoint/legend/shaped-once", test_shaped_once);

  return g_test_run ();
}
