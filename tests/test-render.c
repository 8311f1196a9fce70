/* test-render.c: the board's layout, hit-testing and painting
 *
 * Pixels of text differ from machine to machine, so these tests check geometry (every
 * note inside its block, nothing overlapping, text inside its note), hit-testing against
 * that geometry, surface status and the text a PDF carries (STYLE.md).
 */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gstdio.h>
#include <string.h>

#include "io/tp-document-file.h"
#include "model/tp-document-private.h"
#include "model/tp-enums.h"
#include "render/tp-layout.h"
#include "render/tp-painter.h"
#include "render/tp-text.h"
#include "tp-test-tools.h"

/* Fixtures */

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

/* A document with n notes of varied length in one container, built without the history
 * so that thousands stay quick. */
static void
fill_container (TpDocument  *document,
                TpContainer  container,
                guint        n)
{
  static const char * const texts[] = {
    "Short",
    "A note of a few words",
    "A longer note that wraps over two or three lines in a block",
    "Supercalifragilisticexpialidocious-and-then-some-more-unbreakable",
    "Line one\nLine two\nLine three\nLine four\nLine five\nLine six\nLine seven\nLine eight\nNine",
  };

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = tp_document_make_id (document, "n");
      TpNote *note = tp_note_new (id, texts[i % G_N_ELEMENTS (texts)]);

      note->container = container;
      note->colour = i % TP_N_NOTE_COLOURS;
      note->evidence = i % TP_N_EVIDENCE;
      note->votes = i % 9;
      g_assert_true (_tp_document_append_note (document, note));
    }
}

static TpDocument *
make_large_document (guint n_notes)
{
  TpDocument *document = tp_document_new ();

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    fill_container (document, c, n_notes / TP_N_CONTAINERS + (c < n_notes % TP_N_CONTAINERS));

  return document;
}

static TpLayout *
layout_document (TpDocument *document)
{
  TpLayout *layout = tp_layout_new ();

  tp_layout_update (layout, document);

  return layout;
}

static gboolean
rects_overlap (const TpRect *a,
               const TpRect *b)
{
  /* Touching edges are not an overlap. */
  const double eps = 1e-6;

  return a->x + eps < b->x + b->width && b->x + eps < a->x + a->width &&
         a->y + eps < b->y + b->height && b->y + eps < a->y + a->height;
}

/* The invariants every layout keeps, whatever the document. */
static void
check_layout (TpLayout   *layout,
              TpDocument *document)
{
  TpRect bounds;

  tp_layout_get_bounds (layout, &bounds);

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      GPtrArray *notes = tp_document_get_notes (document, c);
      g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (TpRect));
      TpContainerInfo info;
      TpRect region;

      tp_layout_get_container (layout, c, &info);
      g_assert_true (tp_layout_get_region (layout, info.region, &region));
      g_assert_true (tp_rect_contains_rect (&region, &info.rect));
      g_assert_true (tp_rect_contains_rect (&bounds, &info.rect));
      g_assert_true (tp_rect_contains_rect (&info.rect, &info.notes));
      g_assert_true (tp_rect_contains_rect (&info.rect, &info.title));
      g_assert_true (tp_rect_contains_rect (&info.rect, &info.icon));
      g_assert_false (rects_overlap (&info.title, &info.notes));
      g_assert_false (rects_overlap (&info.title, &info.icon));
      g_assert_cmpuint (info.n_notes, ==, notes->len);
      g_assert_cmpuint (info.n_visible + info.n_hidden, ==, notes->len);
      g_assert_cmpfloat (info.scale, <=, 1.0);
      g_assert_cmpfloat (info.scale, >=, tp_layout_get_theme (layout)->note_min_scale - 1e-9);
      g_assert_cmpuint (info.n_hidden > 0, ==, !tp_rect_is_empty (&info.more));
      if (info.n_hidden > 0)
        g_assert_true (tp_rect_contains_rect (&info.notes, &info.more));
      g_assert_cmpuint (tp_container_get_number (c) > 0, ==, !tp_rect_is_empty (&info.badge));

      for (guint i = 0; i < notes->len; i++)
        {
          TpItem *item = g_ptr_array_index (notes, i);
          TpNoteInfo note;

          g_assert_true (tp_layout_get_note (layout, item->id, &note));
          g_assert_cmpuint (note.container, ==, c);
          g_assert_cmpuint (note.index, ==, i);
          /* The first notes show, in order; the rest hide behind the badge. */
          g_assert_cmpuint (note.visible, ==, i < info.n_visible);
          if (!note.visible)
            continue;

          if (!tp_rect_contains_rect (&info.notes, &note.rect)) g_printerr ("DBG c %u i %u notes %g %g %g %g note %g %g %g %g\n", c, i, info.notes.x, info.notes.y, info.notes.width, info.notes.height, note.rect.x, note.rect.y, note.rect.width, note.rect.height);
          g_assert_true (tp_rect_contains_rect (&info.notes, &note.rect));
          g_assert_true (tp_rect_contains_rect (&note.rect, &note.text));
          g_assert_false (rects_overlap (&note.rect, &info.more));
          g_assert_cmpfloat (note.scale, ==, info.scale);
          /* Text fits: it is never taller than its box, and is cut only with an ellipsis. */
          g_assert_cmpfloat (note.text_height, <=, note.text.height + 1e-6);
          for (guint k = 0; k < rects->len; k++)
            g_assert_false (rects_overlap (&note.rect, &g_array_index (rects, TpRect, k)));
          g_array_append_val (rects, note.rect);
        }
    }

  for (guint a = 0; a < TP_N_CONTAINERS; a++)
    for (guint b = a + 1; b < TP_N_CONTAINERS; b++)
      {
        TpContainerInfo ia, ib;

        tp_layout_get_container (layout, a, &ia);
        tp_layout_get_container (layout, b, &ib);
        g_assert_false (rects_overlap (&ia.rect, &ib.rect));
      }
}

/* Theme and text */

static void
test_contrast (void)
{
  const TpTheme *theme = tp_theme_get_default ();
  TpColour black = { 0, 0, 0, 1 }, white = { 1, 1, 1, 1 };

  g_assert_cmpfloat_with_epsilon (tp_colour_get_contrast_ratio (&black, &white), 21, 1e-9);
  g_assert_cmpfloat_with_epsilon (tp_colour_get_contrast_ratio (&white, &white), 1, 1e-9);

  for (guint i = 0; i < TP_N_NOTE_COLOURS; i++)
    {
      double ratio = tp_colour_get_contrast_ratio (&theme->note_text, &theme->notes[i]);

      g_test_message ("note text on %s: %.2f:1",
                      tp_enum_to_nick (TP_ENUM_NOTE_COLOUR, i), ratio);
      g_assert_cmpfloat (ratio, >=, 4.5);
    }

  g_assert_cmpfloat (tp_colour_get_contrast_ratio (&theme->title, &theme->panel), >=, 4.5);
  g_assert_cmpfloat (tp_colour_get_contrast_ratio (&theme->badge_text, &theme->badge), >=, 4.5);
  g_assert_cmpfloat (tp_colour_get_contrast_ratio (&theme->more_badge_text, &theme->more_badge),
                     >=, 4.5);
}

static void
test_theme_scales (void)
{
  const TpTheme *theme = tp_theme_get_default ();
  TpColour colour;

  tp_theme_get_emotion_colour (theme, -2, &colour);
  g_assert_cmpfloat_with_epsilon (colour.red, theme->emotion_negative.red, 1e-9);
  tp_theme_get_emotion_colour (theme, 0, &colour);
  g_assert_cmpfloat_with_epsilon (colour.green, theme->emotion_neutral.green, 1e-9);
  tp_theme_get_emotion_colour (theme, 5, &colour);
  g_assert_cmpfloat_with_epsilon (colour.green, theme->emotion_positive.green, 1e-9);
  g_assert_true (tp_theme_get_gap_colour (theme, -3) == &theme->gap[0]);
  g_assert_true (tp_theme_get_gap_colour (theme, 1) == &theme->gap[1]);
  g_assert_true (tp_theme_get_gap_colour (theme, 4) == &theme->gap[2]);
  g_assert_cmpfloat_with_epsilon (tp_theme_get_line_height (theme, TP_FONT_NOTE), 16.25, 1e-3);
}

static void
test_text_wrap (void)
{
  const TpTheme *theme = tp_theme_get_default ();
  /* Pango 1.50 defines no cleanup function for PangoContext. */
  g_autoptr(GObject) context_object = G_OBJECT (tp_text_context_new ());
  PangoContext *context = PANGO_CONTEXT (context_object);
  double line = tp_theme_get_line_height (theme, TP_FONT_NOTE);
  struct {
    const char *text;
    double      width;
    double      max_height;
    gboolean    truncated;
  } cases[] = {
    { "Short", 130, 0, FALSE },
    { "A few words that wrap over several lines in a narrow box", 80, 0, FALSE },
    { "A few words that wrap over several lines in a narrow box", 80, 2 * line, TRUE },
    { "Unbreakablewordthatisfarwiderthanthebox and more", 60, 0, FALSE },
    { "One\nTwo\nThree\nFour\nFive", 130, 3 * line, TRUE },
    { "One\nTwo\nThree", 130, 3 * line, FALSE },
    { "", 130, line, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PangoLayout) layout = tp_text_layout_new (context, theme, TP_FONT_NOTE,
                                                          cases[i].text, cases[i].width,
                                                          cases[i].max_height);
      const char *shown = pango_layout_get_text (layout);
      double width, height;

      tp_text_layout_get_size (layout, &width, &height);
      g_assert_cmpint (tp_text_layout_get_truncated (layout), ==, cases[i].truncated);
      /* Wider than the box only never: long words break rather than overflow. */
      g_assert_cmpfloat (width, <=, cases[i].width + 1e-3);
      if (cases[i].max_height > 0)
        g_assert_cmpfloat (height, <=, cases[i].max_height + 1e-3);
      /* Every line is exactly the theme's line height. */
      g_assert_cmpfloat_with_epsilon (height, pango_layout_get_line_count (layout) * line, 0.01);
      g_assert_cmpint (g_str_has_suffix (shown, "…"), ==, cases[i].truncated);
    }
}

/* Layout */

static void
test_layout_empty (void)
{
  g_autoptr(TpDocument) document = tp_document_new ();
  g_autoptr(TpLayout) layout = layout_document (document);
  TpRect bounds, canvas, chain, journey, title;

  check_layout (layout, document);
  tp_layout_get_bounds (layout, &bounds);
  g_assert_true (tp_layout_get_region (layout, TP_REGION_CANVAS, &canvas));
  g_assert_true (tp_layout_get_region (layout, TP_REGION_VALUE_CHAIN, &chain));
  g_assert_false (tp_layout_get_region (layout, TP_REGION_JOURNEY, &journey));
  g_assert_true (tp_rect_is_empty (&journey));
  g_assert_true (tp_rect_contains_rect (&bounds, &canvas));
  g_assert_true (tp_rect_contains_rect (&bounds, &chain));
  g_assert_false (rects_overlap (&canvas, &chain));
  /* The journey's place is below both. */
  g_assert_cmpfloat (journey.y, >, canvas.y + canvas.height);
  g_assert_cmpfloat (journey.y, >, chain.y + chain.height);

  /* Titles above their regions. */
  g_assert_true (tp_layout_get_region_title (layout, TP_REGION_CANVAS, &title));
  g_assert_cmpfloat (title.y + title.height, <=, canvas.y);
  g_assert_true (tp_layout_get_region_title (layout, TP_REGION_VALUE_CHAIN, &title));
  g_assert_cmpfloat (title.y + title.height, <=, chain.y);
  g_assert_cmpstr (tp_region_get_label (TP_REGION_CANVAS), ==, "Business Model Canvas");

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      TpContainerInfo info;

      tp_layout_get_container (layout, c, &info);
      g_assert_cmpuint (info.n_notes, ==, 0);
      g_assert_cmpfloat (info.scale, ==, 1.0);
      g_assert_true (tp_rect_contains_rect (c < TP_N_BMC_BLOCKS ? &canvas : &chain, &info.rect));
    }
}

static TpRect
block_rect (TpLayout    *layout,
            TpContainer  container)
{
  TpContainerInfo info;

  tp_layout_get_container (layout, container, &info);

  return info.rect;
}

/* Osterwalder's arrangement (VISUAL.md): five columns in his order spanning the upper
 * band, two stacked pairs, the lower band split in two. With equal (a canvas whose blocks
 * hold alike), his equal columns and halves; else each column as wide as its notes ask. */
static void
check_canvas_proportions (TpLayout *layout,
                          gboolean  equal)
{
  static const TpContainer columns[5][2] = {
    { TP_CONTAINER_KEY_PARTNERS, TP_CONTAINER_KEY_PARTNERS },
    { TP_CONTAINER_KEY_ACTIVITIES, TP_CONTAINER_KEY_RESOURCES },
    { TP_CONTAINER_VALUE_PROPOSITIONS, TP_CONTAINER_VALUE_PROPOSITIONS },
    { TP_CONTAINER_CUSTOMER_RELATIONSHIPS, TP_CONTAINER_CHANNELS },
    { TP_CONTAINER_CUSTOMER_SEGMENTS, TP_CONTAINER_CUSTOMER_SEGMENTS },
  };
  TpRect canvas, cost, revenue, first = block_rect (layout, TP_CONTAINER_KEY_PARTNERS);
  double gap = block_rect (layout, columns[1][0]).x - first.x - first.width;
  double x;

  tp_layout_get_region (layout, TP_REGION_CANVAS, &canvas);
  cost = block_rect (layout, TP_CONTAINER_COST_STRUCTURE);
  revenue = block_rect (layout, TP_CONTAINER_REVENUE_STREAMS);

  g_assert_cmpfloat (gap, >, 0);
  x = canvas.x;
  for (guint i = 0; i < 5; i++)
    {
      TpRect top = block_rect (layout, columns[i][0]);
      TpRect bottom = block_rect (layout, columns[i][1]);

      /* Columns left to right, one gap apart, spanning the upper band. */
      if (equal)
        g_assert_cmpfloat_with_epsilon (top.width, first.width, 1);
      g_assert_cmpfloat (top.width, >, 0);
      g_assert_cmpfloat_with_epsilon (bottom.width, top.width, 1e-6);
      g_assert_cmpfloat_with_epsilon (top.x, x, 1e-6);
      g_assert_cmpfloat_with_epsilon (top.x, bottom.x, 1e-6);
      g_assert_cmpfloat_with_epsilon (top.y, canvas.y, 1e-6);
      g_assert_cmpfloat_with_epsilon (bottom.y + bottom.height, first.y + first.height, 1e-6);
      if (columns[i][0] != columns[i][1])
        g_assert_cmpfloat (top.y + top.height, <, bottom.y);
      x = top.x + top.width + gap;
    }
  g_assert_cmpfloat_with_epsilon (x - gap, canvas.x + canvas.width, 1e-6);

  /* The lower band, split in two, as tall as the fuller of the two wants (the bands grow
   * to their notes rather than keep fixed shares). */
  g_assert_cmpfloat_with_epsilon (cost.height, revenue.height, 1e-6);
  g_assert_cmpfloat_with_epsilon (cost.y + cost.height, canvas.y + canvas.height, 1e-6);
  if (equal)
    g_assert_cmpfloat_with_epsilon (cost.width, revenue.width, 1);
  g_assert_cmpfloat_with_epsilon (cost.x, canvas.x, 1e-6);
  g_assert_cmpfloat_with_epsilon (revenue.x, cost.x + cost.width + gap, 1e-6);
  g_assert_cmpfloat_with_epsilon (revenue.x + revenue.width, canvas.x + canvas.width, 1e-6);
  g_assert_cmpfloat (cost.y, >, first.y + first.height);
}

static void
test_layout_proportions (void)
{
  g_autoptr(TpDocument) document = tp_document_new ();
  g_autoptr(TpLayout) layout = layout_document (document);
  TpRect support = block_rect (layout, TP_CONTAINER_FIRM_INFRASTRUCTURE);
  TpRect procurement = block_rect (layout, TP_CONTAINER_PROCUREMENT);
  TpRect inbound = block_rect (layout, TP_CONTAINER_INBOUND_LOGISTICS);
  TpRect service = block_rect (layout, TP_CONTAINER_SERVICE);

  check_canvas_proportions (layout, TRUE);

  /* Porter: support rows across the top, primary columns below, left to right. */
  g_assert_cmpfloat (support.y, <, procurement.y);
  g_assert_cmpfloat (procurement.y + procurement.height, <, inbound.y);
  g_assert_cmpfloat_with_epsilon (inbound.y, service.y, 1e-6);
  g_assert_cmpfloat (inbound.x, <, service.x);
  g_assert_cmpfloat_with_epsilon (support.x, inbound.x, 1e-6);
  g_assert_cmpfloat_with_epsilon (support.x + support.width, service.x + service.width, 1e-6);
}

static void
test_layout_example (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLayout) layout = layout_document (document);

  check_layout (layout, document);
  check_canvas_proportions (layout, FALSE);

  /* The example is a real workshop: everything shows at full size, nothing is cut. */
  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      GPtrArray *notes = tp_document_get_notes (document, c);
      TpContainerInfo info;

      tp_layout_get_container (layout, c, &info);
      g_assert_cmpuint (info.n_hidden, ==, 0);
      g_assert_cmpfloat (info.scale, ==, 1.0);
      for (guint i = 0; i < notes->len; i++)
        {
          TpNoteInfo note;

          const char *id = ((TpItem *) g_ptr_array_index (notes, i))->id;
          g_autoptr(PangoLayout) text = NULL;
          double width, height;

          tp_layout_get_note (layout, id, &note);
          g_assert_false (note.truncated);

          /* The text as drawn fits the box it was given, both ways. */
          text = tp_layout_create_note_text (layout, document, id);
          g_assert_nonnull (text);
          g_assert_false (tp_text_layout_get_truncated (text));
          g_assert_cmpstr (pango_layout_get_text (text), ==,
                           ((TpNote *) g_ptr_array_index (notes, i))->text);
          tp_text_layout_get_size (text, &width, &height);
          g_assert_cmpfloat (width * note.scale, <=, note.text.width + 1e-6);
          g_assert_cmpfloat (height * note.scale, <=, note.text.height + 1e-6);
          g_assert_cmpfloat_with_epsilon (height * note.scale, note.text_height, 1e-6);
        }
    }
}

static void
test_layout_overfull (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLayout) layout = NULL;
  TpContainerInfo info, expanded;
  TpRect canvas_before, canvas_after, cost_before;

  fill_container (document, TP_CONTAINER_KEY_ACTIVITIES, 200);
  layout = layout_document (document);
  check_layout (layout, document);
  check_canvas_proportions (layout, FALSE);

  tp_layout_get_container (layout, TP_CONTAINER_KEY_ACTIVITIES, &info);
  g_assert_cmpuint (info.n_notes, ==, 205);
  g_assert_cmpfloat_with_epsilon (info.scale, tp_layout_get_theme (layout)->note_min_scale, 1e-9);
  g_assert_cmpuint (info.n_hidden, >, 0);
  g_assert_cmpuint (info.n_visible, >, 0);
  g_assert_false (tp_rect_is_empty (&info.more));
  tp_layout_get_region (layout, TP_REGION_CANVAS, &canvas_before);
  cost_before = block_rect (layout, TP_CONTAINER_COST_STRUCTURE);

  /* Expanding grows the block, and the canvas with it, until nothing hides. */
  tp_layout_set_expanded (layout, TP_CONTAINER_KEY_ACTIVITIES, TRUE);
  g_assert_true (tp_layout_get_expanded (layout, TP_CONTAINER_KEY_ACTIVITIES));
  tp_layout_update (layout, document);
  check_layout (layout, document);

  tp_layout_get_container (layout, TP_CONTAINER_KEY_ACTIVITIES, &expanded);
  g_assert_true (expanded.expanded);
  g_assert_cmpuint (expanded.n_hidden, ==, 0);
  g_assert_cmpuint (expanded.n_visible, ==, 205);
  g_assert_cmpfloat (expanded.scale, ==, 1.0);
  g_assert_true (tp_rect_is_empty (&expanded.more));
  g_assert_cmpfloat (expanded.rect.height, >, info.rect.height);
  g_assert_cmpfloat_with_epsilon (expanded.rect.width, info.rect.width, 1e-6);
  tp_layout_get_region (layout, TP_REGION_CANVAS, &canvas_after);
  g_assert_cmpfloat (canvas_after.height, >, canvas_before.height);
  /* The other columns grow with the band; the lower band moves down, same height. */
  g_assert_cmpfloat_with_epsilon (block_rect (layout, TP_CONTAINER_KEY_PARTNERS).height,
                                  block_rect (layout, TP_CONTAINER_KEY_ACTIVITIES).height
                                  + block_rect (layout, TP_CONTAINER_KEY_RESOURCES).height
                                  + tp_layout_get_theme (layout)->panel_gap, 1e-6);
  g_assert_cmpfloat_with_epsilon (block_rect (layout, TP_CONTAINER_COST_STRUCTURE).height,
                                  cost_before.height, 1e-6);

  tp_layout_set_expanded (layout, TP_CONTAINER_KEY_ACTIVITIES, FALSE);
  tp_layout_update (layout, document);
  tp_layout_get_region (layout, TP_REGION_CANVAS, &canvas_after);
  g_assert_cmpfloat_with_epsilon (canvas_after.height, canvas_before.height, 1e-6);
}

static void
test_layout_shrink (void)
{
  g_autoptr(TpDocument) document = tp_document_new ();
  g_autoptr(TpLayout) layout = NULL;
  TpContainerInfo info;

  /* More than fit at full size in the board's widest frame, few enough to fit smaller:
   * shrunk, nothing hidden. */
  fill_container (document, TP_CONTAINER_CHANNELS, 150);
  fill_container (document, TP_CONTAINER_PROCUREMENT, 170);
  layout = layout_document (document);
  check_layout (layout, document);

  tp_layout_get_container (layout, TP_CONTAINER_CHANNELS, &info);
  g_assert_cmpfloat (info.scale, <, 1.0);
  g_assert_cmpuint (info.n_hidden, ==, 0);
  tp_layout_get_container (layout, TP_CONTAINER_PROCUREMENT, &info);
  g_assert_cmpfloat (info.scale, <, 1.0);
  g_assert_cmpuint (info.n_hidden, ==, 0);

  /* On the board a note of a thousand words is cut with an ellipsis, not allowed to
   * overflow; a full-text layout (every export) grows the note to all of it. */
  {
    g_autoptr(GString) text = g_string_new (NULL);
    g_autoptr(PangoLayout) pango = NULL;
    const char *id;
    TpNoteInfo note;
    double height;

    for (guint i = 0; i < 1000; i++)
      g_string_append (text, "word ");
    id = tp_document_add_note (document, TP_CONTAINER_KEY_PARTNERS, 0, text->str);
    tp_layout_update (layout, document);
    check_layout (layout, document);
    g_assert_true (tp_layout_get_note (layout, id, &note));
    g_assert_true (note.truncated);
    pango = tp_layout_create_note_text (layout, document, id);
    g_assert_true (tp_text_layout_get_truncated (pango));
    g_assert_true (g_str_has_suffix (pango_layout_get_text (pango), "…"));
    tp_text_layout_get_size (pango, NULL, &height);
    g_assert_cmpfloat (height * note.scale, <=, note.text.height + 1e-6);
    g_clear_object (&pango);

    tp_layout_set_full_text (layout, TRUE);
    tp_layout_update (layout, document);
    check_layout (layout, document);
    g_assert_true (tp_layout_get_note (layout, id, &note));
    g_assert_true (note.visible);
    g_assert_false (note.truncated);
    pango = tp_layout_create_note_text (layout, document, id);
    g_assert_false (tp_text_layout_get_truncated (pango));
    g_assert_cmpstr (pango_layout_get_text (pango), ==, text->str);
    tp_text_layout_get_size (pango, NULL, &height);
    g_assert_cmpfloat (height * note.scale, <=, note.text.height + 1e-6);
    for (guint c = 0; c < TP_N_CONTAINERS; c++)
      {
        tp_layout_get_container (layout, c, &info);
        g_assert_cmpuint (info.n_hidden, ==, 0);
        g_assert_cmpfloat (info.scale, ==, 1.0);
      }
  }
}

/* Hit-testing and queries */

static void
test_hit (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLayout) layout = NULL;
  TpRect bounds, title;
  TpHit hit;

  fill_container (document, TP_CONTAINER_COST_STRUCTURE, 100);
  layout = layout_document (document);

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      GPtrArray *notes = tp_document_get_notes (document, c);
      TpContainerInfo info;

      tp_layout_get_container (layout, c, &info);
      for (guint i = 0; i < info.n_visible; i++)
        {
          const char *id = ((TpItem *) g_ptr_array_index (notes, i))->id;
          TpNoteInfo note;

          tp_layout_get_note (layout, id, &note);
          hit = tp_layout_hit (layout, note.rect.x + note.rect.width / 2,
                               note.rect.y + note.rect.height / 2);
          g_assert_cmpint (hit.kind, ==, TP_HIT_NOTE);
          g_assert_cmpstr (hit.note, ==, id);
          g_assert_cmpuint (hit.container, ==, c);
          g_assert_cmpuint (hit.index, ==, i);
          g_assert_cmpuint (hit.region, ==, info.region);
        }

      /* The header is the block's own, never a note's. */
      hit = tp_layout_hit (layout, info.title.x + 1, info.title.y + 1);
      g_assert_cmpint (hit.kind, ==, TP_HIT_CONTAINER);
      g_assert_cmpuint (hit.container, ==, c);

      /* So is the space after the last note, where the block has some (the tallest
       * block of a band is as tall as its notes). */
      hit = tp_layout_hit (layout, info.notes.x + 1, info.notes.y + info.notes.height - 1);
      if (info.n_hidden == 0)
        {
          g_assert_true (hit.kind == TP_HIT_CONTAINER || hit.kind == TP_HIT_NOTE);
          g_assert_cmpuint (hit.container, ==, c);
        }
      else
        {
          hit = tp_layout_hit (layout, info.more.x + info.more.width / 2,
                               info.more.y + info.more.height / 2);
          g_assert_cmpint (hit.kind, ==, TP_HIT_MORE_BADGE);
          g_assert_cmpuint (hit.container, ==, c);
        }
    }

  tp_layout_get_region_title (layout, TP_REGION_VALUE_CHAIN, &title);
  hit = tp_layout_hit (layout, title.x + 2, title.y + title.height / 2);
  g_assert_cmpint (hit.kind, ==, TP_HIT_REGION);
  g_assert_cmpuint (hit.region, ==, TP_REGION_VALUE_CHAIN);

  tp_layout_get_bounds (layout, &bounds);
  hit = tp_layout_hit (layout, 1, 1);
  g_assert_cmpint (hit.kind, ==, TP_HIT_NONE);
  hit = tp_layout_hit (layout, bounds.width + 100, bounds.height / 2);
  g_assert_cmpint (hit.kind, ==, TP_HIT_NONE);
  hit = tp_layout_hit (layout, -50, -50);
  g_assert_cmpint (hit.kind, ==, TP_HIT_NONE);
}

static void
test_drop_index (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLayout) layout = layout_document (document);
  TpContainer container = 0;
  GPtrArray *notes;
  TpContainerInfo info;
  TpRect indicator;
  guint previous = 0;

  /* A block whose notes stand side by side, so reading order crosses columns (the canvas
   * gives columns by what the blocks hold). */
  for (container = 0; container < TP_N_BMC_BLOCKS; container++)
    {
      tp_layout_get_container (layout, container, &info);
      if (info.n_columns >= 2 && tp_document_get_notes (document, container)->len > info.n_columns)
        break;
    }
  g_assert_cmpuint (container, <, TP_N_BMC_BLOCKS);
  notes = tp_document_get_notes (document, container);

  for (guint i = 0; i < notes->len; i++)
    {
      TpNoteInfo note;
      guint before, after;

      tp_layout_get_note (layout, ((TpItem *) g_ptr_array_index (notes, i))->id, &note);
      before = tp_layout_drop_index (layout, container,
                                     note.rect.x + 2, note.rect.y + note.rect.height / 2,
                                     &indicator);
      after = tp_layout_drop_index (layout, container,
                                    note.rect.x + note.rect.width - 2,
                                    note.rect.y + note.rect.height / 2, NULL);
      g_assert_cmpuint (before, ==, i);
      g_assert_cmpuint (after, ==, i + 1);
      /* Indices grow in reading order. */
      g_assert_cmpuint (before, >=, previous);
      previous = before;
      g_assert_true (tp_rect_contains_rect (&info.rect, &indicator));
      g_assert_cmpfloat (indicator.x, <=, note.rect.x);
    }

  /* Below everything (past half the gap under the last row): the end. */
  {
    TpNoteInfo last;

    tp_layout_get_note (layout, ((TpItem *) g_ptr_array_index (notes, notes->len - 1))->id, &last);
    g_assert_cmpuint (tp_layout_drop_index (layout, container, info.notes.x + 5,
                                            last.rect.y + last.rect.height + 10, &indicator),
                      ==, notes->len);
  }
  g_assert_false (tp_rect_is_empty (&indicator));

  /* An empty block: the start. */
  {
    g_autoptr(TpDocument) empty = tp_document_new ();
    g_autoptr(TpLayout) empty_layout = layout_document (empty);

    tp_layout_get_container (empty_layout, TP_CONTAINER_CHANNELS, &info);
    g_assert_cmpuint (tp_layout_drop_index (empty_layout, TP_CONTAINER_CHANNELS,
                                            info.notes.x + 40, info.notes.y + 40, &indicator),
                      ==, 0);
    g_assert_true (tp_rect_contains_rect (&info.notes, &indicator));
  }
}

static void
check_query (TpLayout     *layout,
             TpDocument   *document,
             const TpRect *rect)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GHashTable) set = g_hash_table_new (g_str_hash, g_str_equal);
  guint expected = 0;

  tp_layout_query_notes (layout, rect, found);
  for (guint i = 0; i < found->len; i++)
    g_assert_true (g_hash_table_add (set, g_ptr_array_index (found, i)));

  /* The same as looking at every note. */
  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      GPtrArray *notes = tp_document_get_notes (document, c);

      for (guint i = 0; i < notes->len; i++)
        {
          const char *id = ((TpItem *) g_ptr_array_index (notes, i))->id;
          TpNoteInfo note;
          gboolean hit;

          tp_layout_get_note (layout, id, &note);
          hit = note.visible && tp_rect_intersects (&note.rect, rect);
          g_assert_cmpint (hit, ==, g_hash_table_contains (set, id));
          expected += hit;
        }
    }
  g_assert_cmpuint (found->len, ==, expected);
}

static void
test_query (void)
{
  g_autoptr(TpDocument) document = make_large_document (3000);
  g_autoptr(TpLayout) layout = tp_layout_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  TpRect bounds, everything;

  /* One expanded block of many rows, the others shrunk and hiding. */
  tp_layout_set_expanded (layout, TP_CONTAINER_CHANNELS, TRUE);
  tp_layout_update (layout, document);
  check_layout (layout, document);
  tp_layout_get_bounds (layout, &bounds);

  for (guint i = 0; i < 200; i++)
    {
      TpRect rect;

      rect.x = g_rand_double_range (rand, -100, bounds.width);
      rect.y = g_rand_double_range (rand, -100, bounds.height);
      rect.width = g_rand_double_range (rand, 1, 1500);
      rect.height = g_rand_double_range (rand, 1, 1000);
      check_query (layout, document, &rect);
    }

  everything = bounds;
  check_query (layout, document, &everything);
}

static void
test_large (void)
{
  g_autoptr(TpDocument) document = make_large_document (10000);
  g_autoptr(TpLayout) layout = tp_layout_new ();
  gint64 start;

  start = g_get_monotonic_time ();
  tp_layout_update (layout, document);
  g_test_message ("10,000 notes: first layout %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  start = g_get_monotonic_time ();
  tp_layout_update (layout, document);
  g_test_message ("10,000 notes: relayout %.1f ms", (g_get_monotonic_time () - start) / 1000.0);

  check_layout (layout, document);
}

/* Painting */

static void
paint_to (cairo_surface_t *surface,
          TpLayout        *layout,
          TpDocument      *document,
          double           scale,
          gboolean         screen)
{
  cairo_t *cr = cairo_create (surface);
  TpPaintOptions options;

  tp_paint_options_init (&options);
  options.screen = screen;
  cairo_scale (cr, scale, scale);
  tp_paint_board (cr, layout, document, &options);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
}

static void
test_paint_surfaces (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLayout) layout = layout_document (document);
  g_autofree char *dir = g_dir_make_tmp ("test-render-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "board.pdf", NULL);
  g_autofree char *svg = g_build_filename (dir, "board.svg", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  cairo_surface_t *surface;
  TpRect bounds;

  tp_layout_get_bounds (layout, &bounds);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, bounds.width, bounds.height);
  paint_to (surface, layout, document, 1, TRUE);
  cairo_surface_destroy (surface);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, bounds.width / 4, bounds.height / 4);
  paint_to (surface, layout, document, 0.25, FALSE);
  cairo_surface_destroy (surface);

  surface = cairo_svg_surface_create (svg, bounds.width, bounds.height);
  paint_to (surface, layout, document, 1, FALSE);
  cairo_surface_destroy (surface);

  surface = cairo_pdf_surface_create (pdf, bounds.width, bounds.height);
  paint_to (surface, layout, document, 1, FALSE);
  cairo_surface_destroy (surface);

  if (pdftotext == NULL)
    g_test_message ("pdftotext is not installed: not checking the PDF's text");
  else
    {
      const char *argv[] = { pdftotext, "-raw", "-enc", "UTF-8", pdf, "-", NULL };
      g_autofree char *out = NULL;
      g_autofree char *squeezed = NULL;
      g_autoptr(GError) error = NULL;
      int status;

      /* -raw keeps the order text was drawn in, so each note's lines stay together. */
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                    &out, NULL, &status, &error);
      g_assert_no_error (error);
      g_spawn_check_wait_status (status, &error);
      g_assert_no_error (error);
      squeezed = tp_test_squeeze (out);

      for (guint c = 0; c < TP_N_CONTAINERS; c++)
        {
          GPtrArray *notes = tp_document_get_notes (document, c);

          for (guint i = 0; i < notes->len; i++)
            {
              TpNote *note = g_ptr_array_index (notes, i);
              g_autofree char *text = tp_test_squeeze (note->text);

              if (strstr (squeezed, text) == NULL)
                g_error ("the PDF lacks the text of note %s: %s", note->item.id, note->text);
            }
          {
            /* Whole, though a narrow block's title may take two lines. */
            g_autofree char *label = tp_test_squeeze (tp_enum_get_label (TP_ENUM_CONTAINER, c));

            g_assert_nonnull (strstr (squeezed, label));
          }
        }
      g_assert_nonnull (strstr (out, "Business Model Canvas"));
    }

  g_assert_cmpint (g_remove (pdf), ==, 0);
  g_assert_cmpint (g_remove (svg), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* What lies wholly outside the visible rect is not drawn at all. */
static void
test_paint_culling (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLayout) layout = layout_document (document);
  TpContainerInfo info;
  TpPaintOptions options;
  cairo_surface_t *surface;
  cairo_t *cr;
  double x, y, width, height;

  tp_layout_get_container (layout, TP_CONTAINER_CHANNELS, &info);
  tp_paint_options_init (&options);
  options.transparent = TRUE;
  options.screen = TRUE;
  options.visible = info.rect;

  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  tp_paint_board (cr, layout, document, &options);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (surface, &x, &y, &width, &height);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  /* The block's neighbours lie a gap away: only the block itself is drawn. */
  g_assert_cmpfloat (width, >, 0);
  g_assert_cmpfloat (x, >=, info.rect.x - 1);
  g_assert_cmpfloat (x + width, <=, info.rect.x + info.rect.width + 1);
  g_assert_cmpfloat (y, >=, info.rect.y - 1);
  g_assert_cmpfloat (y + height, <=, info.rect.y + info.rect.height + 1);

  /* One note alone covers its own rect and its shadow, no more. */
  {
    GPtrArray *notes = tp_document_get_notes (document, TP_CONTAINER_CHANNELS);
    const char *id = ((TpItem *) g_ptr_array_index (notes, 0))->id;
    TpNoteInfo note;

    tp_layout_get_note (layout, id, &note);
    surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cr = cairo_create (surface);
    tp_paint_note (cr, layout, document, id, &options);
    cairo_destroy (cr);
    cairo_recording_surface_ink_extents (surface, &x, &y, &width, &height);
    cairo_surface_destroy (surface);
    /* The shadow's few units, and the ink extents' rounding to whole units. */
    g_assert_cmpfloat (x, >=, note.rect.x - 5);
    g_assert_cmpfloat (y, >=, note.rect.y - 5);
    g_assert_cmpfloat (x + width, <=, note.rect.x + note.rect.width + 5);
    g_assert_cmpfloat (y + height, <=, note.rect.y + note.rect.height + 5);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/render/theme/contrast", test_contrast);
  g_test_add_func ("/touchpoint/render/theme/scales", test_theme_scales);
  g_test_add_func ("/touchpoint/render/text/wrap", test_text_wrap);
  g_test_add_func ("/touchpoint/render/layout/empty", test_layout_empty);
  g_test_add_func ("/touchpoint/render/layout/proportions", test_layout_proportions);
  g_test_add_func ("/touchpoint/render/layout/example", test_layout_example);
  g_test_add_func ("/touchpoint/render/layout/overfull", test_layout_overfull);
  g_test_add_func ("/touchpoint/render/layout/shrink", test_layout_shrink);
  g_test_add_func ("/touchpoint/render/layout/large", test_large);
  g_test_add_func ("/touchpoint/render/hit", test_hit);
  g_test_add_func ("/touchpoint/render/drop-index", test_drop_index);
  g_test_add_func ("/touchpoint/render/query", test_query);
  g_test_add_func ("/touchpoint/render/paint/surfaces", test_paint_surfaces);
  g_test_add_func ("/touchpoint/render/paint/culling", test_paint_culling);

  return g_test_run ();
}
