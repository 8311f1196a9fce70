/* test-journey-deck.c: every word of the journey survives an export, and the journey's
 * slides read as a deck (issue 14)
 *
 * Measured, not eyeballed: the layout's text boxes (none cut, none overlapping, none
 * crossing its card or cell), the deck's plan (one scale, balanced parts), and PDFs read
 * back with poppler's pdftotext: every word of every journey item present, no "…", the
 * title at the same place on every slide, note text at least the floor on the example's
 * slides. The fixture tests/files/long-texts.touchpoint has 200-character pains,
 * opportunities and actions, long names, channels, jobs and KPI names, a 40-letter word,
 * a touchpoint with six pains and one with eight Kano needs.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "io/tp-loader.h"
#include "model/tp-document.h"
#include "model/tp-kano-need.h"
#include "model/tp-stage.h"
#include "model/tp-touchpoint.h"
#include "render/tp-export-private.h"
#include "render/tp-export.h"
#include "render/tp-layout-private.h"
#include "tp-test-tools.h"

#define LONG_TEXTS_PATH TP_SRCDIR "/tests/files/long-texts.touchpoint"
#define LONG_WORD "Kundenzufriedenheitsrueckmeldungsbogenxy"

/* Helpers */

static TpLayout *
layout_full (TpDocument *document,
             gboolean    full_text)
{
  TpLayout *layout = tp_layout_new ();

  tp_layout_set_full_text (layout, full_text);
  tp_layout_update (layout, document);

  return layout;
}

/* Writes the journey of document as a PDF of the given page size; the path (free it). */
static char *
export_journey (TpDocument *document,
                TpPageSize  size,
                const char *name)
{
  TpExportOptions options;

  tp_export_options_init (&options);
  options.format = TP_EXPORT_FORMAT_PDF;
  options.page = TP_EXPORT_PAGE_JOURNEY;
  options.size = size;

  return tp_test_export_to_file (document, &options, name);
}

/* pdftotext's output for a page (0: all), with extra arguments. */
static char *
pdftotext (const char *path,
           guint       page,
           const char *mode)
{
  g_autofree char *first = g_strdup_printf ("%u", page);
  const char *argv[10];
  guint n = 0;

  argv[n++] = "pdftotext";
  if (mode != NULL)
    argv[n++] = mode;
  if (page > 0)
    {
      argv[n++] = "-f";
      argv[n++] = first;
      argv[n++] = "-l";
      argv[n++] = first;
    }
  argv[n++] = path;
  argv[n++] = "-";
  argv[n] = NULL;

  return tp_test_run_tool (argv);
}

/* Every whitespace-separated word of text is a word of the PDF (its words in
 * words_set), or, for a word that had to break inside itself, part of squeezed. */
static void
check_words (GHashTable *words_set,
             const char *squeezed,
             const char *text,
             const char *what)
{
  g_auto(GStrv) words = NULL;

  if (text == NULL)
    return;
  words = g_strsplit_set (text, " \n\t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0' || g_hash_table_contains (words_set, words[i]))
        continue;
      if (strstr (squeezed, words[i]) == NULL)
        g_error ("The word “%s” of a %s is missing from the PDF", words[i], what);
    }
}

static GHashTable *
split_words (const char *text)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t\f", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_hash_table_add (set, g_strdup (words[i]));

  return set;
}

/* Words and their boxes from pdftotext -bbox (points). */
typedef struct
{
  char   *text;
  double  x_min, y_min, x_max, y_max;
} Word;

static void
word_clear (gpointer data)
{
  g_free (((Word *) data)->text);
}

static GArray *
bbox_words (const char *path,
            guint       page)
{
  g_autofree char *html = pdftotext (path, page, "-bbox");
  GArray *words = g_array_new (FALSE, TRUE, sizeof (Word));
  const char *c = html;

  g_array_set_clear_func (words, word_clear);
  while ((c = strstr (c, "<word ")) != NULL)
    {
      Word word = { 0 };
      const char *start, *end;

      g_assert_cmpint (sscanf (c, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\">",
                               &word.x_min, &word.y_min, &word.x_max, &word.y_max), ==, 4);
      start = strchr (c, '>') + 1;
      end = strstr (start, "</word>");
      word.text = g_strndup (start, end - start);
      g_array_append_val (words, word);
      c = end;
    }

  return words;
}

/* The first word of that text above bottom (points from the top). */
static const Word *
find_word_above (GArray     *words,
                 const char *text,
                 double      bottom)
{
  const Word *tallest = NULL;

  /* The tallest of the word's occurrences: a card's title shares words with smaller
   * text (a Kano tag "Unboxing video…" beside the "Unboxing" card). */
  for (guint i = 0; i < words->len; i++)
    {
      const Word *word = &g_array_index (words, Word, i);

      if (g_str_equal (word->text, text) && word->y_max < bottom &&
          (tallest == NULL || word->y_max - word->y_min > tallest->y_max - tallest->y_min))
        tallest = word;
    }

  return tallest;
}

static const Word *
find_word (GArray     *words,
           const char *text)
{
  return find_word_above (words, text, G_MAXDOUBLE);
}

/* Layout geometry */

static void
add_box (GArray       *boxes,
         const TpRect *box,
         const TpRect *within,
         const char   *what)
{
  if (tp_rect_is_empty (box))
    return;
  if (!tp_rect_contains_rect (within, box))
    g_error ("A %s (%g, %g, %g × %g) crosses its edge (%g, %g, %g × %g)", what, box->x, box->y,
             box->width, box->height, within->x, within->y, within->width, within->height);
  g_array_append_val (boxes, *box);
}

static void
add_chips (TpLayout     *layout,
           GArray       *boxes,
           GPtrArray    *texts,
           const TpRect *cell)
{
  double y = cell->y + TP_JOURNEY_CELL_PAD;

  for (guint i = 0; i < texts->len; i++)
    {
      gboolean cut = FALSE;
      TpRect chip = { cell->x, y, cell->width,
                      _tp_journey_chip_height (layout, g_ptr_array_index (texts, i), cell->width,
                                               &cut) };

      g_assert_false (cut);
      add_box (boxes, &chip, cell, "chip");
      y += chip.height + TP_JOURNEY_CHIP_GAP;
    }
}

static void
add_kpis (TpLayout     *layout,
          GArray       *boxes,
          GPtrArray    *kpis,
          double        x,
          double        y,
          double        width,
          const TpRect *cell)
{
  for (guint i = 0; i < kpis->len; i++)
    {
      gboolean cut = FALSE;
      TpRect tile = { x, y, width,
                      _tp_journey_kpi_height (layout, g_ptr_array_index (kpis, i), width, &cut) };

      g_assert_false (cut);
      add_box (boxes, &tile, cell, "KPI");
      y += tile.height + TP_JOURNEY_KPI_GAP;
    }
}

static double
text_height (TpLayout   *layout,
             TpFontRole  role,
             const char *text,
             double      width)
{
  gboolean cut = TRUE;
  double text_width = 0;
  double height = _tp_layout_measure_text (layout, role, text, width, 0, &text_width, &cut);

  g_assert_false (cut);
  /* Wrapped within its width, a 40-letter word included. */
  g_assert_cmpfloat (text_width, <=, width + 1e-3);

  return height;
}

/* Tests */

/* In full text nothing of the journey is cut, every text box lies inside its card or
 * cell, and no two overlap. */
static void
test_full_text_layout (void)
{
  g_autoptr(TpDocument) document = tp_test_load_path (LONG_TEXTS_PATH);
  TpLayout *layout = layout_full (document, TRUE);
  const TpTheme *theme = tp_layout_get_theme (layout);
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (TpRect));
  GPtrArray *stages = tp_document_get_stages (document);
  double inner = theme->touchpoint_width - 2 * TP_JOURNEY_CARD_PAD - 2;

  for (guint s = 0; s < stages->len; s++)
    {
      TpStage *stage = g_ptr_array_index (stages, s);
      TpStageInfo info;

      g_assert_true (tp_layout_get_stage (layout, stage->item.id, &info));
      g_assert_false (info.name_truncated);
      g_assert_false (info.job_truncated);
      g_assert_cmpfloat (info.name.height, ==,
                         text_height (layout, TP_FONT_STAGE_HEADING, stage->name,
                                      info.name.width));
      add_box (boxes, &info.name, &info.header, "stage name");
      add_box (boxes, &info.job, &info.header, "job");
      add_kpis (layout, boxes, stage->kpis, info.column.x + TP_JOURNEY_STAGE_PAD,
                info.kpis.y + TP_JOURNEY_CELL_PAD, info.column.width - 2 * TP_JOURNEY_STAGE_PAD,
                &info.kpis);

      for (guint k = 0; k < stage->touchpoints->len; k++)
        {
          TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, k);
          guint i = GPOINTER_TO_UINT (g_hash_table_lookup (layout->journey.touchpoint_by_id,
                                                           touchpoint->item.id));
          TpTouchpointBox *box = _tp_journey_touchpoint (layout, i - 1);
          TpTouchpointInfo t;
          TpRect channel, cell;
          guint n_tags;
          g_autofree TpRect *tags = NULL;
          gboolean cut = FALSE;

          g_assert_true (tp_layout_get_touchpoint (layout, touchpoint->item.id, &t));
          g_assert_false (t.truncated);
          g_assert_cmpfloat (t.name.height, ==,
                             text_height (layout, TP_FONT_CARD_TITLE, touchpoint->name,
                                          t.name.width));
          add_box (boxes, &t.name, &t.card, "card name");
          channel = (TpRect) { t.name.x, t.name.y + t.name.height + 2, inner,
                               text_height (layout, TP_FONT_CAPTION, touchpoint->channel, inner) };
          add_box (boxes, &channel, &t.card, "card channel");
          add_box (boxes, &t.gap, &t.card, "gap");

          /* Every need has its tag, none a "+N". */
          n_tags = _tp_journey_count_tags (layout, touchpoint->needs, NULL);
          g_assert_cmpuint (n_tags, ==, touchpoint->needs->len);
          tags = g_new0 (TpRect, MAX (n_tags, 1));
          _tp_journey_flow_tags (layout, touchpoint->needs, box->tags.width, tags, &cut);
          g_assert_false (cut);
          for (guint j = 0; j < n_tags; j++)
            {
              TpRect tag = { box->tags.x + tags[j].x, box->tags.y + tags[j].y, tags[j].width,
                             tags[j].height };

              add_box (boxes, &tag, &t.card, "Kano tag");
            }

          cell = t.cells[TP_JOURNEY_ROW_CHANNEL];
          channel = (TpRect) { cell.x, cell.y + TP_JOURNEY_CELL_PAD, cell.width,
                               text_height (layout, TP_FONT_CELL, touchpoint->channel,
                                            cell.width) };
          add_box (boxes, &channel, &cell, "channel");
          cell = t.cells[TP_JOURNEY_ROW_ACTION];
          channel = (TpRect) { cell.x, cell.y + TP_JOURNEY_CELL_PAD, cell.width,
                               text_height (layout, TP_FONT_CELL, touchpoint->action,
                                            cell.width) };
          add_box (boxes, &channel, &cell, "action");
          add_chips (layout, boxes, touchpoint->pains, &t.cells[TP_JOURNEY_ROW_PAINS]);
          add_chips (layout, boxes, touchpoint->opportunities,
                     &t.cells[TP_JOURNEY_ROW_OPPORTUNITIES]);
          cell = t.cells[TP_JOURNEY_ROW_KPIS];
          add_kpis (layout, boxes, touchpoint->kpis, cell.x,
                    cell.y + (layout->journey.kpi_band > 0 ? TP_JOURNEY_KPI_GAP / 2
                                                           : TP_JOURNEY_CELL_PAD),
                    cell.width, &cell);
        }
    }

  g_assert_cmpuint (boxes->len, >, 100);
  for (guint i = 0; i < boxes->len; i++)
    for (guint j = i + 1; j < boxes->len; j++)
      {
        TpRect a = g_array_index (boxes, TpRect, i);
        TpRect b = g_array_index (boxes, TpRect, j);

        /* Edges may touch. */
        a.x += 0.01, a.y += 0.01, a.width -= 0.02, a.height -= 0.02;
        if (tp_rect_intersects (&a, &b))
          g_error ("Text boxes %u and %u overlap", i, j);
      }

  tp_layout_free (layout);
}

/* On the board the same texts are bounded, and say so. */
static void
test_board_bounded (void)
{
  g_autoptr(TpDocument) document = tp_test_load_path (LONG_TEXTS_PATH);
  TpLayout *board = layout_full (document, FALSE);
  TpLayout *full = layout_full (document, TRUE);
  TpStage *stage = g_ptr_array_index (tp_document_get_stages (document), 0);
  TpTouchpoint *first = g_ptr_array_index (stage->touchpoints, 0);
  TpTouchpointInfo info, whole;
  TpRect board_pains, full_pains;

  g_assert_true (tp_layout_get_touchpoint (board, first->item.id, &info));
  g_assert_true (info.truncated);
  g_assert_true (tp_layout_get_touchpoint (full, first->item.id, &whole));
  g_assert_false (whole.truncated);
  /* Six pains: five chips and "+1 more" on the board, all six in full. */
  tp_layout_get_journey_row (board, TP_JOURNEY_ROW_PAINS, NULL, &board_pains);
  tp_layout_get_journey_row (full, TP_JOURNEY_ROW_PAINS, NULL, &full_pains);
  g_assert_cmpfloat (full_pains.height, >, board_pains.height);
  g_assert_cmpuint (_tp_journey_count_tags (board, first->needs, NULL), ==,
                    TP_JOURNEY_MAX_TAGS + 1);

  tp_layout_free (board);
  tp_layout_free (full);
}

/* A card is as tall as what it holds: without Kano needs or a gap, its name and channel. */
static void
test_collapsed_cards (void)
{
  g_autoptr(TpDocument) document = tp_test_load_path (TP_EXAMPLE_PATH);
  TpLayout *layout = layout_full (document, FALSE);
  GPtrArray *stages = tp_document_get_stages (document);
  guint n_plain = 0, n_rich = 0;

  for (guint s = 0; s < stages->len; s++)
    {
      TpStage *stage = g_ptr_array_index (stages, s);

      for (guint k = 0; k < stage->touchpoints->len; k++)
        {
          TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, k);
          guint i = GPOINTER_TO_UINT (g_hash_table_lookup (layout->journey.touchpoint_by_id,
                                                           touchpoint->item.id));
          TpTouchpointBox *box = _tp_journey_touchpoint (layout, i - 1);
          const TpRect *cell = &box->info.cells[TP_JOURNEY_ROW_TOUCHPOINT];

          if (touchpoint->needs->len == 0 && tp_rect_is_empty (&box->info.gap))
            {
              /* Only its tinted band: no empty body below it. */
              g_assert_cmpfloat_with_epsilon (box->info.card.height, box->band, 1e-6);
              g_assert_cmpfloat (box->info.card.height, <, cell->height - 2 * TP_JOURNEY_CELL_PAD);
              n_plain++;
            }
          else
            {
              g_assert_cmpfloat (box->info.card.height, >, box->band);
              n_rich++;
            }
          g_assert_cmpfloat (box->info.card.y + box->info.card.height, <=,
                             cell->y + cell->height - TP_JOURNEY_CELL_PAD + 1e-6);
        }
    }
  g_assert_cmpuint (n_plain, >, 0);
  g_assert_cmpuint (n_rich, >, 0);

  tp_layout_free (layout);
}

/* Every word of every journey item is in the PDF at slide size, and no "…". */
static void
test_pdf_every_word (void)
{
  g_autoptr(TpDocument) document = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autoptr(GHashTable) words = NULL;
  GPtrArray *stages;

  if (!tp_test_have_tool ("pdftotext") || !tp_test_have_tool ("pdfinfo"))
    return;

  document = tp_test_load_path (LONG_TEXTS_PATH);
  path = export_journey (document, TP_PAGE_SIZE_SLIDE, "long.pdf");
  text = pdftotext (path, 0, "-raw");
  squeezed = tp_test_squeeze (text);
  words = split_words (text);
  g_assert_null (strstr (text, "…"));
  g_assert_nonnull (strstr (squeezed, LONG_WORD));

  stages = tp_document_get_stages (document);
  for (guint s = 0; s < stages->len; s++)
    {
      TpStage *stage = g_ptr_array_index (stages, s);

      check_words (words, squeezed, stage->name, "stage name");
      check_words (words, squeezed, stage->job, "job");
      for (guint m = 0; m < stage->kpis->len; m++)
        check_words (words, squeezed, ((TpKpi *) g_ptr_array_index (stage->kpis, m))->name,
                     "stage KPI");
      for (guint k = 0; k < stage->touchpoints->len; k++)
        {
          TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, k);

          check_words (words, squeezed, touchpoint->name, "touchpoint name");
          check_words (words, squeezed, touchpoint->channel, "channel");
          check_words (words, squeezed, touchpoint->action, "action");
          for (guint i = 0; i < touchpoint->pains->len; i++)
            check_words (words, squeezed, g_ptr_array_index (touchpoint->pains, i), "pain");
          for (guint i = 0; i < touchpoint->opportunities->len; i++)
            check_words (words, squeezed, g_ptr_array_index (touchpoint->opportunities, i),
                         "opportunity");
          for (guint i = 0; i < touchpoint->needs->len; i++)
            check_words (words, squeezed,
                         ((TpKanoNeed *) g_ptr_array_index (touchpoint->needs, i))->text,
                         "Kano need");
          for (guint i = 0; i < touchpoint->kpis->len; i++)
            check_words (words, squeezed,
                         ((TpKpi *) g_ptr_array_index (touchpoint->kpis, i))->name, "KPI");
        }
    }

  tp_test_remove_export (path);
}

/* Every slide of the deck: the title at one place and size, the row labels repeated. */
static void
check_deck_pdf (const char *path)
{
  guint n = tp_test_pdf_n_pages (path);
  const Word *first_title = NULL;
  g_autoptr(GArray) first_words = NULL;

  g_assert_cmpuint (n, >, 1);
  for (guint page = 1; page <= n; page++)
    {
      g_autoptr(GArray) words = bbox_words (path, page);
      const Word *title = find_word (words, "Customer");

      g_assert_nonnull (title);
      /* The row labels' column, on every slide: "Stage" and the rows it shows. */
      g_assert_nonnull (find_word (words, "Stage"));
      if (first_title == NULL)
        {
          first_words = g_steal_pointer (&words);
          first_title = find_word (first_words, "Customer");
          continue;
        }
      g_assert_cmpfloat_with_epsilon (title->x_min, first_title->x_min, 0.01);
      g_assert_cmpfloat_with_epsilon (title->y_min, first_title->y_min, 0.01);
      g_assert_cmpfloat_with_epsilon (title->y_max - title->y_min,
                                      first_title->y_max - first_title->y_min, 0.01);
    }
}

static void
check_balance (TpDocument *document,
               TpPageSize  size)
{
  TpLayout *layout = layout_full (document, TRUE);
  TpExportOptions options;
  TpJourneyDeck deck;
  double width, height, narrowest = G_MAXDOUBLE, widest = 0;

  tp_export_options_init (&options);
  options.size = size;
  options.page = TP_EXPORT_PAGE_JOURNEY;
  tp_export_get_page_size (layout, &options, TP_EXPORT_PAGE_JOURNEY, &width, &height);
  g_assert_true (_tp_export_journey_plan (layout, &options, width, height, &deck));
  g_assert_cmpuint (deck.parts->len, ==,
                    tp_export_count_parts (layout, &options, TP_EXPORT_PAGE_JOURNEY, width,
                                           height));
  for (guint i = 0; i < deck.parts->len; i++)
    {
      TpJourneyPart *part = &g_array_index (deck.parts, TpJourneyPart, i);

      narrowest = MIN (narrowest, part->width);
      widest = MAX (widest, part->width);
      g_assert_cmpfloat (part->width, <=, deck.frame_width);
      g_assert_cmpfloat (part->height, <=, deck.frame_height);
    }
  g_test_message ("%u parts, %.0f to %.0f wide, scale %.3f", deck.parts->len, narrowest, widest,
                  deck.scale);
  /* Whole stages: the example's five stages of 3, 3, 3, 3 and 4 touchpoints make three
   * parts at best 1.44 apart; no part is a near-empty slide. */
  g_assert_cmpfloat (widest, <=, 1.5 * narrowest);
  /* One scale fits every part. */
  g_assert_cmpfloat (deck.frame_width * deck.scale, <=, width + 1e-6);
  g_assert_cmpfloat (deck.content.height * deck.scale, <=, height + 1e-6);

  _tp_journey_deck_clear (&deck);
  tp_layout_free (layout);
}

/* A journey of 14 stages of one to four touchpoints, short texts. */
static TpDocument *
make_long_journey (void)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<touchpoint xmlns=\"https://touchpoint.github.io/ns/1\" version=\"1.0\">\n"
                                         "<journey>\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  TpDocument *document;
  guint t = 0;

  for (guint s = 0; s < 14; s++)
    {
      g_string_append_printf (xml, "<stage id=\"s%u\" name=\"Stage %u\">\n", s, s + 1);
      for (guint k = 0; k < 1 + (s * 7) % 4; k++, t++)
        g_string_append_printf (xml, "<touchpoint id=\"t%u\" name=\"Touchpoint %u\" "
                                "channel=\"Web\" emotion=\"%d\"><action>Does thing %u</action>"
                                "<pain>Pain %u</pain></touchpoint>\n", t, t, (int) (t % 5) - 2,
                                t, t);
      g_string_append (xml, "</stage>\n");
    }
  g_string_append (xml, "</journey>\n</touchpoint>\n");

  bytes = g_bytes_new (xml->str, xml->len);
  document = tp_load_bytes (bytes, NULL, &error);
  g_assert_no_error (error);

  return document;
}

static void
test_deck_balance (void)
{
  g_autoptr(TpDocument) example = tp_test_load_path (TP_EXAMPLE_PATH);
  g_autoptr(TpDocument) long_journey = make_long_journey ();

  check_balance (example, TP_PAGE_SIZE_SLIDE);
  check_balance (example, TP_PAGE_SIZE_A4);
  check_balance (long_journey, TP_PAGE_SIZE_SLIDE);
  check_balance (long_journey, TP_PAGE_SIZE_A3);
}

/* Fit keeps the whole journey at its natural size, on one page. */
static void
test_deck_fit (void)
{
  g_autoptr(TpDocument) document = tp_test_load_path (LONG_TEXTS_PATH);
  TpLayout *layout = layout_full (document, TRUE);
  TpExportOptions options;
  double width, height;

  tp_export_options_init (&options);
  options.size = TP_PAGE_SIZE_FIT;
  tp_export_get_page_size (layout, &options, TP_EXPORT_PAGE_JOURNEY, &width, &height);
  g_assert_cmpuint (tp_export_count_parts (layout, &options, TP_EXPORT_PAGE_JOURNEY, width,
                                           height), ==, 1);

  tp_layout_free (layout);
}

/* The example's journey slides: one title position, note text at least the floor. */
static void
test_deck_pdf (void)
{
  g_autoptr(TpDocument) document = NULL;
  g_autofree char *fit_path = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GArray) fit_words = NULL;
  const Word *reference;
  GPtrArray *stages;
  double ratio;
  guint n_pages, n_found = 0;

  if (!tp_test_have_tool ("pdftotext") || !tp_test_have_tool ("pdfinfo"))
    return;

  document = tp_test_load_path (TP_EXAMPLE_PATH);

  /* A word's box is taller than its type by the font's ascent and descent: measure that
   * ratio where the size is known (a fitted page draws 13-unit card titles at 100 %,
   * 9.75 pt). */
  fit_path = export_journey (document, TP_PAGE_SIZE_FIT, "fit.pdf");
  fit_words = bbox_words (fit_path, 1);
  reference = find_word (fit_words, "Social");
  g_assert_nonnull (reference);
  ratio = (reference->y_max - reference->y_min) / (13 * 0.75);
  g_assert_cmpfloat (ratio, >, 0.9);
  g_assert_cmpfloat (ratio, <, 1.6);
  tp_test_remove_export (fit_path);

  path = export_journey (document, TP_PAGE_SIZE_SLIDE, "slides.pdf");
  check_deck_pdf (path);
  n_pages = tp_test_pdf_n_pages (path);
  stages = tp_document_get_stages (document);
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autoptr(GArray) words = bbox_words (path, page);

      /* The first word of every card title on the page. */
      for (guint s = 0; s < stages->len; s++)
        {
          TpStage *stage = g_ptr_array_index (stages, s);
          g_auto(GStrv) heading = g_strsplit (stage->name, " ", 2);

          /* Only the stages on this slide: another's card title may be a tag's word
           * here ("Unboxing video…" beside the Product page card). */
          if (find_word_above (words, heading[0], 540 * 0.96) == NULL)
            continue;
          for (guint k = 0; k < stage->touchpoints->len; k++)
            {
              TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, k);
              g_auto(GStrv) name = g_strsplit (touchpoint->name, " ", 2);
              /* Above the footer's margin (4 % of 540 pt), where the workshop's title may
               * share a word with a card's. */
              const Word *word = find_word_above (words, name[0], 540 * 0.96);
              double size;

              if (word == NULL)
                continue;
              size = (word->y_max - word->y_min) / ratio;
              if (size < TP_EXPORT_NOTE_FLOOR_PT - 0.05)
                g_error ("“%s” on slide %u is %.2f pt", name[0], page, size);
              n_found++;
            }
        }
    }
  g_assert_cmpuint (n_found, >, 0);
  tp_test_remove_export (path);

  /* The long texts' deck, too. */
  {
    g_autoptr(TpDocument) long_texts = tp_test_load_path (LONG_TEXTS_PATH);
    g_autofree char *long_path = export_journey (long_texts, TP_PAGE_SIZE_SLIDE, "long.pdf");

    check_deck_pdf (long_path);
    tp_test_remove_export (long_path);
  }
}

/* Each touchpoint's customer action is on one slide of the deck: the parts beside a
 * slide's, clipped at its frame, leave no text behind it that a search would find or a
 * copy would take (the journey's texts are gathered into a few glyph runs, which must
 * leave out what the clip hides, as cairo leaves out a run drawn wholly there). */
static void
test_deck_no_hidden_words (void)
{
  g_autoptr(TpDocument) document = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *stages;
  guint n_pages, n_checked = 0;

  if (!tp_test_have_tool ("pdftotext") || !tp_test_have_tool ("pdfinfo"))
    return;

  document = tp_test_load_path (TP_EXAMPLE_PATH);
  path = export_journey (document, TP_PAGE_SIZE_SLIDE, "hidden.pdf");
  n_pages = tp_test_pdf_n_pages (path);
  g_assert_cmpuint (n_pages, >, 1);
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = tp_test_pdf_text (path, page);

      g_ptr_array_add (pages, tp_test_squeeze (text));
    }

  stages = tp_document_get_stages (document);
  for (guint s = 0; s < stages->len; s++)
    {
      TpStage *stage = g_ptr_array_index (stages, s);

      for (guint k = 0; k < stage->touchpoints->len; k++)
        {
          TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, k);
          g_autofree char *action = NULL;
          guint n_on = 0;

          if (touchpoint->action == NULL || strlen (touchpoint->action) < 16)
            continue;
          /* Its beginning: the page's edge cuts a hidden line short ("Sends back a
           * lapt"), where pdftotext stops. */
          action = tp_test_squeeze (touchpoint->action);
          action[10] = '\0';
          for (guint page = 0; page < pages->len; page++)
            n_on += strstr (g_ptr_array_index (pages, page), action) != NULL;
          if (n_on != 1)
            g_error ("“%s” is on %u slides of the journey, not one", touchpoint->action, n_on);
          n_checked++;
        }
    }
  g_assert_cmpuint (n_checked, >, 10);
  tp_test_remove_export (path);
}

/* A pixel of an ARGB32 surface, as a grey level from 0 (black) to 1 (white). */
static double
grey_at (cairo_surface_t *surface,
         int              x,
         int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint32 pixel = *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);

  return (((pixel >> 16) & 0xff) + ((pixel >> 8) & 0xff) + (pixel & 0xff)) / (3 * 255.0);
}

/* Every part's frame is closed on the right, and nothing of the journey (the emotion
 * curve above all) runs past it. */
static void
test_closed_frame (void)
{
  g_autoptr(TpDocument) document = tp_test_load_path (TP_EXAMPLE_PATH);
  TpLayout *layout = layout_full (document, TRUE);
  TpExportOptions options;
  TpJourneyDeck deck;
  TpRect emotion;

  tp_export_options_init (&options);
  options.page = TP_EXPORT_PAGE_JOURNEY;
  options.footer = FALSE;
  /* The legend spans the page's width below the frame: only the deck here. */
  options.legend = FALSE;
  g_assert_true (_tp_export_journey_plan (layout, &options, 1920, 1080, &deck));
  g_assert_cmpuint (deck.parts->len, >, 1);
  tp_layout_get_journey_row (layout, TP_JOURNEY_ROW_EMOTION, NULL, &emotion);

  for (guint i = 0; i < deck.parts->len; i++)
    {
      const TpJourneyPart *part = &g_array_index (deck.parts, TpJourneyPart, i);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1920, 1080);
      cairo_t *cr = cairo_create (surface);
      const TpRect *region = &layout->regions[TP_REGION_JOURNEY];
      double right = deck.x + deck.frame_width * deck.scale;
      double middle = deck.y + (region->y - deck.content.y + deck.frame_height / 2) * deck.scale;
      double darkest = 1;

      tp_export_paint_page_part (cr, layout, document, &options, TP_EXPORT_PAGE_JOURNEY, i, 1920,
                                 1080, 0, 0);
      cairo_destroy (cr);
      cairo_surface_flush (surface);

      /* The border: a grey line within a pixel or two of the frame's right edge. */
      for (int x = (int) floor (right) - 3; x <= (int) ceil (right) + 1; x++)
        darkest = MIN (darkest, grey_at (surface, x, (int) middle));
      g_assert_cmpfloat (darkest, <, 0.95);

      /* Beyond it, white down the whole page: the curve is cut at the frame. */
      for (int y = 0; y < 1080; y++)
        for (int x = (int) ceil (right) + 3; x < (int) ceil (right) + 12; x++)
          if (grey_at (surface, x, y) < 0.999)
            g_error ("Part %u paints at (%d, %d), right of its frame", i, x, y);

      g_test_message ("part %u: stages %u + %u, rows %u + %u", i, part->first, part->n,
                      part->first_row, part->n_rows);
      cairo_surface_destroy (surface);
    }

  _tp_journey_deck_clear (&deck);
  tp_layout_free (layout);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/render/journey-deck/full-text-layout", test_full_text_layout);
  g_test_add_func ("/touchpoint/render/journey-deck/board-bounded", test_board_bounded);
  g_test_add_func ("/touchpoint/render/journey-deck/collapsed-cards", test_collapsed_cards);
  g_test_add_func ("/touchpoint/render/journey-deck/pdf-every-word", test_pdf_every_word);
  g_test_add_func ("/touchpoint/render/journey-deck/balance", test_deck_balance);
  g_test_add_func ("/touchpoint/render/journey-deck/fit", test_deck_fit);
  g_test_add_func ("/touchpoint/render/journey-deck/pdf", test_deck_pdf);
  g_test_add_func ("/touchpoint/render/journey-deck/no-hidden-words", test_deck_no_hidden_words);
  g_test_add_func ("/touchpoint/render/journey-deck/closed-frame", test_closed_frame);

  return g_test_run ();
}
