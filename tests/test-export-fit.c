/* test-export-fit.c: every word, legible where it is seen (VISUAL.md, issue 14).
 *
 * Exports are read back with poppler's pdftotext: every word of every note is in the
 * text, no page cuts one short with "…", the example's canvas slide shows its notes at
 * 10 pt or more (word boxes of pdftotext -bbox), and a canvas too full for that continues
 * on further pages at the legible floor instead of shrinking. The layout's geometry is
 * checked too: in a full-text layout no note's text leaves its note, and no two notes or
 * blocks overlap.
 *
 * Copyright 2026 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "io/tp-loader.h"
#include "tp-test-tools.h"
#include "io/tp-writer.h"
#include "model/tp-enums.h"
#include "render/tp-export.h"
#include "render/tp-layout.h"
#include "render/tp-legend.h"

#define LONG_NOTES_PATH TP_SRCDIR "/tests/files/long-notes.touchpoint"
/* The word boxes pdftotext reports for Inter are about 1.2 times the type's size: 11.5 pt
 * boxes are 9.5 to 10 pt type, the slide's target. */
#define SLIDE_NOTE_TARGET_PT 11.5
#define FLOOR_PT             8.0

static void
check_every_note (TpDocument *document,
                  const char *page_text,
                  gboolean    canvas,
                  gboolean    value_chain)
{
  g_autofree char *haystack = tp_test_squeeze (page_text);

  g_assert_null (strstr (page_text, "…"));
  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      GPtrArray *notes = tp_document_get_notes (document, c);

      if (TP_CONTAINER_IS_CANVAS (c) ? !canvas : !value_chain)
        continue;
      for (guint i = 0; i < notes->len; i++)
        {
          TpNote *note = g_ptr_array_index (notes, i);
          g_autofree char *needle = tp_test_squeeze (note->text);

          if (strstr (haystack, needle) == NULL)
            g_error ("the page lacks the whole text of note %s: %s", note->item.id, note->text);
        }
    }
}

/* Every word of every note, long ones and a 44-letter word among them, on the canvas, the
 * value chain and the board pages, at every page size; none cut with "…". */
static void
test_every_word (void)
{
  static const TpPageSize sizes[] = { TP_PAGE_SIZE_SLIDE, TP_PAGE_SIZE_A4, TP_PAGE_SIZE_FIT };
  g_autoptr(TpDocument) document = tp_test_load_path (LONG_NOTES_PATH);

  if (!tp_test_have_tool ("pdftotext") || !tp_test_have_tool ("pdfinfo"))
    return;

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      static const struct { TpExportPage page; gboolean canvas, value_chain; } pages[] = {
        { TP_EXPORT_PAGE_CANVAS, TRUE, FALSE },
        { TP_EXPORT_PAGE_VALUE_CHAIN, FALSE, TRUE },
        { TP_EXPORT_PAGE_BOARD, TRUE, TRUE },
      };

      for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
        {
          TpExportOptions options;
          g_autofree char *path = NULL;
          g_autofree char *text = NULL;

          tp_export_options_init (&options);
          options.size = sizes[s];
          options.page = pages[p].page;
          path = tp_test_export_to_file (document, &options, "long.pdf");
          text = tp_test_pdf_text (path, 0);
          g_test_message ("%s at %s: %u page(s)", tp_export_page_to_string (options.page),
                          sizes[s] == TP_PAGE_SIZE_SLIDE ? "slide"
                          : sizes[s] == TP_PAGE_SIZE_A4 ? "a4" : "fit",
                          tp_test_pdf_n_pages (path));
          if (pages[p].page != TP_EXPORT_PAGE_BOARD)
            check_every_note (document, text, pages[p].canvas, pages[p].value_chain);
          else
            {
              /* The board page's journey is checked where the journey is. */
              g_autofree char *haystack = tp_test_squeeze (text);

              for (guint c = 0; c < TP_N_CONTAINERS; c++)
                {
                  GPtrArray *notes = tp_document_get_notes (document, c);

                  for (guint i = 0; i < notes->len; i++)
                    {
                      g_autofree char *needle = tp_test_squeeze (((TpNote *) g_ptr_array_index (notes, i))->text);

                      g_assert_nonnull (strstr (haystack, needle));
                    }
                }
            }
          tp_test_remove_export (path);
        }
    }
}

/* The same in an SVG of the board: its text is real text. */
static void
test_every_word_svg (void)
{
  g_autoptr(TpDocument) document = tp_test_load_path (LONG_NOTES_PATH);
  TpExportOptions options;
  g_autofree char *path = NULL;
  g_autofree char *svg = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *haystack = NULL;
  g_autoptr(GRegex) regex = g_regex_new (">([^<]+)<", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  tp_export_options_init (&options);
  options.format = TP_EXPORT_FORMAT_SVG;
  options.page = TP_EXPORT_PAGE_BOARD;
  options.size = TP_PAGE_SIZE_FIT;
  path = tp_test_export_to_file (document, &options, "long.svg");
  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  g_regex_match (regex, svg, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *run = g_match_info_fetch (match, 1);

      /* Kept escaped: the notes' texts are escaped alike below. */
      g_string_append (text, run);
      g_match_info_next (match, NULL);
    }
  haystack = tp_test_squeeze (text->str);

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      GPtrArray *notes = tp_document_get_notes (document, c);

      for (guint i = 0; i < notes->len; i++)
        {
          TpNote *note = g_ptr_array_index (notes, i);
          g_autofree char *escaped = g_markup_escape_text (note->text, -1);
          g_autofree char *needle = tp_test_squeeze (escaped);

          if (strstr (haystack, needle) == NULL)
            g_error ("the SVG lacks the whole text of note %s: %s", note->item.id, note->text);
        }
    }
  tp_test_remove_export (path);
}

/* Whether a word is one of a note's words (block titles, numbers and the footer are not). */
static gboolean
is_note_word (GHashTable       *note_words,
              const TpTestWord *word)
{
  /* The footer sits in the bottom margin (4 % of the short side). */
  if (word->y_max > word->page_height * 0.96)
    return FALSE;
  return g_hash_table_contains (note_words, word->text);
}

static GHashTable *
collect_note_words (TpDocument *document,
                    gboolean    canvas)
{
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      GPtrArray *notes = tp_document_get_notes (document, c);

      if ((TP_CONTAINER_IS_CANVAS (c) != 0) != canvas)
        continue;
      for (guint i = 0; i < notes->len; i++)
        {
          g_auto(GStrv) split = g_strsplit_set (((TpNote *) g_ptr_array_index (notes, i))->text,
                                                " \n", -1);

          for (guint k = 0; split[k] != NULL; k++)
            if (strlen (split[k]) > 3)
              g_hash_table_add (words, g_strdup (split[k]));
        }
    }
  /* Words of the legend's labels are drawn at its size ("Customer voice"). */
  {
    g_autoptr(TpLegend) legend = tp_legend_new_for_page (document, canvas ? TP_EXPORT_PAGE_CANVAS
                                                                         : TP_EXPORT_PAGE_VALUE_CHAIN,
                                                         0, G_MAXUINT);

    for (guint i = 0; i < tp_legend_get_n_items (legend); i++)
      {
        g_auto(GStrv) split = g_strsplit (tp_legend_get_item (legend, i)->label, " ", -1);

        for (guint k = 0; split[k] != NULL; k++)
          g_hash_table_remove (words, split[k]);
      }
  }
  /* Words of block titles would be measured at the title's size. */
  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      g_auto(GStrv) split = g_strsplit (tp_enum_get_label (TP_ENUM_CONTAINER, c), " ", -1);

      for (guint k = 0; split[k] != NULL; k++)
        g_hash_table_remove (words, split[k]);
    }
  return words;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The example's canvas on a 16:9 slide: its notes' words at least 10 pt (VISUAL.md), and
 * the page used (the canvas spans most of the page's width or height). */
static void
test_canvas_slide (void)
{
  g_autoptr(TpDocument) document = tp_test_load_path (TP_EXAMPLE_PATH);
  g_autoptr(GHashTable) note_words = collect_note_words (document, TRUE);
  g_autoptr(GArray) words = NULL;
  g_autofree char *path = NULL;
  TpExportOptions options;
  double smallest = G_MAXDOUBLE, left = G_MAXDOUBLE, right = 0;
  guint n = 0;

  if (!tp_test_have_tool ("pdftotext") || !tp_test_have_tool ("pdfinfo"))
    return;

  tp_export_options_init (&options);
  options.page = TP_EXPORT_PAGE_CANVAS;
  path = tp_test_export_to_file (document, &options, "canvas.pdf");
  g_assert_cmpuint (tp_test_pdf_n_pages (path), ==, 1);
  /* Kept escaped: a note's word with an apostrophe or an ampersand is not counted. */
  words = tp_test_pdf_words (path, TP_TEST_PDF_WORDS_NONE);
  g_assert_cmpuint (words->len, >, 0);
  g_assert_cmpfloat_with_epsilon (g_array_index (words, TpTestWord, 0).page_height, 540, 0.01);

  /* Not only the notes: nine words in ten on the slide (titles, legend, all but the
   * footer and the blocks' numbers) reach the target too. */
  {
    g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint i = 0; i < words->len; i++)
      {
        const TpTestWord *word = &g_array_index (words, TpTestWord, i);
        double height = word->y_max - word->y_min;

        g_array_append_val (heights, height);
      }
    g_array_sort (heights, compare_doubles);
    g_test_message ("10th percentile of the slide's %u words: %.2f pt", heights->len,
                    g_array_index (heights, double, heights->len / 10));
    g_assert_cmpfloat (g_array_index (heights, double, heights->len / 10), >=, SLIDE_NOTE_TARGET_PT);
  }

  for (guint i = 0; i < words->len; i++)
    {
      const TpTestWord *word = &g_array_index (words, TpTestWord, i);

      left = MIN (left, word->x_min);
      right = MAX (right, word->x_max);
      if (!is_note_word (note_words, word))
        continue;
      smallest = MIN (smallest, word->y_max - word->y_min);
      n++;
    }
  g_test_message ("%u note words, the smallest %.2f pt high; text spans %.0f–%.0f pt of 960",
                  n, smallest, left, right);
  g_assert_cmpuint (n, >, 100);
  g_assert_cmpfloat (smallest, >=, SLIDE_NOTE_TARGET_PT);
  /* The canvas fills the slide's width, margins aside. */
  g_assert_cmpfloat (right - left, >, 0.85 * 960);
  tp_test_remove_export (path);
}

/* A canvas too full for the floor continues on further pages, in Osterwalder's order,
 * every note once, none smaller than the floor. */
static void
test_canvas_split (void)
{
  g_autoptr(TpDocument) document = tp_document_new ();
  g_autoptr(GArray) words = NULL;
  g_autofree char *path = NULL;
  g_autofree char *all = NULL;
  g_autofree char *haystack = NULL;
  TpExportOptions options;
  double smallest = G_MAXDOUBLE;
  guint n_pages, first_page[TP_N_BMC_BLOCKS] = { 0 }, n = 0;

  if (!tp_test_have_tool ("pdftotext") || !tp_test_have_tool ("pdfinfo"))
    return;

  /* Sixty notes a block, each with a token of its own to count. */
  for (guint c = 0; c < TP_N_BMC_BLOCKS; c++)
    for (guint i = 0; i < 60; i++)
      {
        g_autofree char *text = g_strdup_printf ("qx%u%02u customer value and delivery note "
                                                 "number %u of this block", c, i, i);

        tp_document_add_note (document, c, i, text);
      }

  tp_export_options_init (&options);
  options.page = TP_EXPORT_PAGE_CANVAS;
  path = tp_test_export_to_file (document, &options, "split.pdf");
  n_pages = tp_test_pdf_n_pages (path);
  g_test_message ("540 notes take %u slides", n_pages);
  g_assert_cmpuint (n_pages, >, 1);

  all = tp_test_pdf_text (path, 0);
  haystack = tp_test_squeeze (all);
  g_assert_null (strstr (all, "…"));
  for (guint c = 0; c < TP_N_BMC_BLOCKS; c++)
    for (guint i = 0; i < 60; i++)
      {
        g_autofree char *token = g_strdup_printf ("qx%u%02u", c, i);
        const char *at = strstr (haystack, token);

        g_assert_nonnull (at);
        g_assert_null (strstr (at + 1, token));
      }

  words = tp_test_pdf_words (path, TP_TEST_PDF_WORDS_NONE);
  for (guint i = 0; i < words->len; i++)
    {
      const TpTestWord *word = &g_array_index (words, TpTestWord, i);

      if (g_str_has_prefix (word->text, "qx"))
        {
          guint c = word->text[2] - '0';

          smallest = MIN (smallest, word->y_max - word->y_min);
          if (c < TP_N_BMC_BLOCKS && first_page[c] == 0)
            first_page[c] = word->page;
          n++;
        }
    }
  g_assert_cmpuint (n, ==, 540);
  g_test_message ("the smallest note word is %.2f pt high", smallest);
  g_assert_cmpfloat (smallest, >=, FLOOR_PT);

  /* Blocks start on pages in their numbered order: 1 Customer Segments first. */
  for (guint number = 2; number <= TP_N_BMC_BLOCKS; number++)
    {
      guint before = 0, at = 0;

      for (guint c = 0; c < TP_N_BMC_BLOCKS; c++)
        {
          if (tp_container_get_number (c) == number - 1)
            before = first_page[c];
          if (tp_container_get_number (c) == number)
            at = first_page[c];
        }
      g_assert_cmpuint (before, <=, at);
    }
  tp_test_remove_export (path);
}

static gboolean
rects_overlap (const TpRect *a,
               const TpRect *b)
{
  const double eps = 1e-6;

  return a->x + eps < b->x + b->width && b->x + eps < a->x + a->width &&
         a->y + eps < b->y + b->height && b->y + eps < a->y + a->height;
}

/* In a full-text layout fitted to a slide: every note whole, its text inside it, no two
 * notes or blocks overlapping; the example's canvas at a legible scale. */
static void
test_geometry (void)
{
  const char *paths[] = { TP_EXAMPLE_PATH, LONG_NOTES_PATH };

  for (guint d = 0; d < G_N_ELEMENTS (paths); d++)
    {
      g_autoptr(TpDocument) document = tp_test_load_path (paths[d]);
      g_autoptr(TpLayout) layout = tp_layout_new ();
      g_autoptr(GArray) notes = g_array_new (FALSE, FALSE, sizeof (TpRect));
      g_autoptr(GArray) texts = g_array_new (FALSE, FALSE, sizeof (TpRect));

      tp_layout_set_full_text (layout, TRUE);
      /* A slide's room at its floor and cap, as exports set them. */
      tp_layout_set_frame (layout, TP_REGION_CANVAS, 1834, 994, 7.0 / 6.5, 16.0 / 6.5);
      tp_layout_update (layout, document);
      if (d == 0)
        g_assert_cmpfloat (tp_layout_get_frame_scale (layout, TP_REGION_CANVAS), >=, 8.2 / 6.5);

      for (guint c = 0; c < TP_N_CONTAINERS; c++)
        {
          GPtrArray *items = tp_document_get_notes (document, c);
          TpContainerInfo info, other;

          tp_layout_get_container (layout, c, &info);
          g_assert_cmpuint (info.n_hidden, ==, 0);
          for (guint k = 0; k < c; k++)
            {
              tp_layout_get_container (layout, k, &other);
              g_assert_false (rects_overlap (&info.rect, &other.rect));
            }
          for (guint i = 0; i < items->len; i++)
            {
              TpNoteInfo note;

              g_assert_true (tp_layout_get_note (layout, ((TpItem *) g_ptr_array_index (items, i))->id,
                                                 &note));
              g_assert_true (note.visible);
              g_assert_false (note.truncated);
              g_assert_true (tp_rect_contains_rect (&info.notes, &note.rect));
              g_assert_true (tp_rect_contains_rect (&note.rect, &note.text));
              g_assert_cmpfloat (note.text_height, <=, note.text.height + 1e-6);
              g_assert_false (rects_overlap (&info.title, &note.rect));
              for (guint k = 0; k < notes->len; k++)
                {
                  g_assert_false (rects_overlap (&note.rect, &g_array_index (notes, TpRect, k)));
                  g_assert_false (rects_overlap (&note.text, &g_array_index (texts, TpRect, k)));
                }
              g_array_append_val (notes, note.rect);
              g_array_append_val (texts, note.text);
            }
        }
    }
}

/* On the board a long note is cut, with its whole text a hover away: the whole rect grows
 * from the note's own downwards. */
static void
test_board_whole (void)
{
  g_autoptr(TpDocument) document = tp_test_load_path (LONG_NOTES_PATH);
  g_autoptr(TpLayout) layout = tp_layout_new ();
  guint cut = 0;

  tp_layout_update (layout, document);
  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      GPtrArray *items = tp_document_get_notes (document, c);

      for (guint i = 0; i < items->len; i++)
        {
          const char *id = ((TpItem *) g_ptr_array_index (items, i))->id;
          TpNoteInfo note;
          TpRect whole;

          g_assert_true (tp_layout_get_note (layout, id, &note));
          g_assert_true (tp_layout_get_note_whole (layout, document, id, &whole));
          g_assert_cmpfloat_with_epsilon (whole.x, note.rect.x, 1e-9);
          g_assert_cmpfloat_with_epsilon (whole.y, note.rect.y, 1e-9);
          g_assert_cmpfloat_with_epsilon (whole.width, note.rect.width, 1e-9);
          if (note.truncated)
            {
              g_assert_cmpfloat (whole.height, >, note.rect.height);
              cut++;
            }
          else
            g_assert_cmpfloat_with_epsilon (whole.height, note.rect.height, 1e-9);
        }
    }
  /* The fixture's long notes are longer than the board's seven lines. */
  g_assert_cmpuint (cut, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/export-fit/every-word/pdf", test_every_word);
  g_test_add_func ("/touchpoint/export-fit/every-word/svg", test_every_word_svg);
  g_test_add_func ("/touchpoint/export-fit/canvas-slide", test_canvas_slide);
  g_test_add_func ("/touchpoint/export-fit/canvas-split", test_canvas_split);
  g_test_add_func ("/touchpoint/export-fit/geometry", test_geometry);
  g_test_add_func ("/touchpoint/export-fit/board-whole", test_board_whole);

  return g_test_run ();
}
