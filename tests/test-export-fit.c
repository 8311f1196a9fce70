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

#include <glib/gstdio.h>
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

typedef struct
{
  char   *text;
  guint   page;     /* from 1 */
  double  x_min;
  double  y_min;
  double  x_max;
  double  y_max;
} Word;

static void
word_clear (gpointer data)
{
  g_free (((Word *) data)->text);
}

/* Exports document with options into a temporary file; returns its path. */
static char *
export_to_file (TpDocument            *document,
                const TpExportOptions *options,
                const char            *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = tp_export_render (document, options, NULL, &error);
  g_autofree char *dir = g_dir_make_tmp ("tp-export-fit-XXXXXX", &error);
  char *path;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  return path;
}

static void
remove_export (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

static char *
pdf_text (const char *path,
          guint       page)    /* 0: every page */
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *one[] = { "pdftotext", "-enc", "UTF-8", "-f", number, "-l", number, path, "-", NULL };
  const char *all[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };

  return tp_test_run_tool (page > 0 ? one : all);
}

static guint
pdf_n_pages (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *info = tp_test_run_tool (argv);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

/* Every word of the PDF with its box, in points, from pdftotext -bbox. */
static GArray *
pdf_words (const char *path,
           double     *page_height)
{
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", path, "-", NULL };
  g_autofree char *html = tp_test_run_tool (argv);
  g_autoptr(GRegex) regex = g_regex_new ("<page width=\"([0-9.]+)\" height=\"([0-9.]+)\">|"
                                         "<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" "
                                         "xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>",
                                         0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  guint page = 0;

  g_array_set_clear_func (words, word_clear);
  g_regex_match (regex, html, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *height = g_match_info_fetch (match, 2);

      if (height != NULL && *height != '\0')
        {
          page++;
          if (page_height != NULL)
            *page_height = g_ascii_strtod (height, NULL);
        }
      else
        {
          Word word = { 0 };
          g_autofree char *x_min = g_match_info_fetch (match, 3);
          g_autofree char *y_min = g_match_info_fetch (match, 4);
          g_autofree char *x_max = g_match_info_fetch (match, 5);
          g_autofree char *y_max = g_match_info_fetch (match, 6);
          g_autofree char *text = g_match_info_fetch (match, 7);

          word.page = page;
          word.x_min = g_ascii_strtod (x_min, NULL);
          word.y_min = g_ascii_strtod (y_min, NULL);
          word.x_max = g_ascii_strtod (x_max, NULL);
          word.y_max = g_ascii_strtod (y_max, NULL);
          /* pdftotext -bbox escapes like HTML. */
          word.text = g_strdup (text);
          g_array_append_val (words, word);
        }
      g_match_info_next (match, NULL);
    }
  return words;
}

/* The text without white space or hyphens (pdftotext joins a word broken after its
 * hyphen at a line's end without it). */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != '-')
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
check_every_note (TpDocument *document,
                  const char *page_text,
                  gboolean    canvas,
                  gboolean    value_chain)
{
  g_autofree char *haystack = squeeze (page_text);

  g_assert_null (strstr (page_text, "…"));
  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      GPtrArray *notes = tp_document_get_notes (document, c);

      if (TP_CONTAINER_IS_CANVAS (c) ? !canvas : !value_chain)
        continue;
      for (guint i = 0; i < notes->len; i++)
        {
          TpNote *note = g_ptr_array_index (notes, i);
          g_autofree char *needle = squeeze (note->text);

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
          path = export_to_file (document, &options, "long.pdf");
          text = pdf_text (path, 0);
          g_test_message ("%s at %s: %u page(s)", tp_export_page_to_string (options.page),
                          sizes[s] == TP_PAGE_SIZE_SLIDE ? "slide"
                          : sizes[s] == TP_PAGE_SIZE_A4 ? "a4" : "fit",
                          pdf_n_pages (path));
          if (pages[p].page != TP_EXPORT_PAGE_BOARD)
            check_every_note (document, text, pages[p].canvas, pages[p].value_chain);
          else
            {
              /* The board page's journey is checked where the journey is. */
              g_autofree char *haystack = squeeze (text);

              for (guint c = 0; c < TP_N_CONTAINERS; c++)
                {
                  GPtrArray *notes = tp_document_get_notes (document, c);

                  for (guint i = 0; i < notes->len; i++)
                    {
                      g_autofree char *needle = squeeze (((TpNote *) g_ptr_array_index (notes, i))->text);

                      g_assert_nonnull (strstr (haystack, needle));
                    }
                }
            }
          remove_export (path);
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
  path = export_to_file (document, &options, "long.svg");
  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  g_regex_match (regex, svg, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *run = g_match_info_fetch (match, 1);

      /* Kept escaped: the notes' texts are escaped alike below. */
      g_string_append (text, run);
      g_match_info_next (match, NULL);
    }
  haystack = squeeze (text->str);

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      GPtrArray *notes = tp_document_get_notes (document, c);

      for (guint i = 0; i < notes->len; i++)
        {
          TpNote *note = g_ptr_array_index (notes, i);
          g_autofree char *escaped = g_markup_escape_text (note->text, -1);
          g_autofree char *needle = squeeze (escaped);

          if (strstr (haystack, needle) == NULL)
            g_error ("the SVG lacks the whole text of note %s: %s", note->item.id, note->text);
        }
    }
  remove_export (path);
}

/* Whether a word is one of a note's words (block titles, numbers and the footer are not). */
static gboolean
is_note_word (GHashTable *note_words,
              const Word *word,
              double      page_height)
{
  /* The footer sits in the bottom margin (4 % of the short side). */
  if (word->y_max > page_height * 0.96)
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
  double page_height = 0, smallest = G_MAXDOUBLE, left = G_MAXDOUBLE, right = 0;
  guint n = 0;

  if (!tp_test_have_tool ("pdftotext") || !tp_test_have_tool ("pdfinfo"))
    return;

  tp_export_options_init (&options);
  options.page = TP_EXPORT_PAGE_CANVAS;
  path = export_to_file (document, &options, "canvas.pdf");
  g_assert_cmpuint (pdf_n_pages (path), ==, 1);
  words = pdf_words (path, &page_height);
  g_assert_cmpfloat_with_epsilon (page_height, 540, 0.01);

  /* Not only the notes: nine words in ten on the slide (titles, legend, all but the
   * footer and the blocks' numbers) reach the target too. */
  {
    g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint i = 0; i < words->len; i++)
      {
        const Word *word = &g_array_index (words, Word, i);
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
      const Word *word = &g_array_index (words, Word, i);

      left = MIN (left, word->x_min);
      right = MAX (right, word->x_max);
      if (!is_note_word (note_words, word, page_height))
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
  remove_export (path);
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
  double page_height = 0, smallest = G_MAXDOUBLE;
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
  path = export_to_file (document, &options, "split.pdf");
  n_pages = pdf_n_pages (path);
  g_test_message ("540 notes take %u slides", n_pages);
  g_assert_cmpuint (n_pages, >, 1);

  all = pdf_text (path, 0);
  haystack = squeeze (all);
  g_assert_null (strstr (all, "…"));
  for (guint c = 0; c < TP_N_BMC_BLOCKS; c++)
    for (guint i = 0; i < 60; i++)
      {
        g_autofree char *token = g_strdup_printf ("qx%u%02u", c, i);
        const char *at = strstr (haystack, token);

        g_assert_nonnull (at);
        g_assert_null (strstr (at + 1, token));
      }

  words = pdf_words (path, &page_height);
  for (guint i = 0; i < words->len; i++)
    {
      const Word *word = &g_array_index (words, Word, i);

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
  remove_export (path);
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
