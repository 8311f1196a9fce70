/* test-story-deck.c: the story as a deck (`--page=story`), read back from the PDF
 *
 * The example's deck has a 960 × 540 pt sheet per shown step; pdftotext finds each
 * step's heading and the words of the items it is about on its own sheet, and every
 * note and touchpoint of the example somewhere; pdftotext -bbox measures the words of
 * those items at 18 pt boxes or more (24 px at 1280 × 720). A hidden step leaves the
 * deck; an empty workshop is its title slide.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "analysis/tp-story.h"
#include "io/tp-loader.h"
#include "tp-test-tools.h"
#include "model/tp-document-story.h"
#include "model/tp-enums.h"
#include "render/tp-export.h"
#include "render/tp-story-page.h"

#define MIN_WORD_PT  18.0

static gboolean
have_tools (void)
{
  return tp_test_have_tool ("pdftotext");
}

/* The story deck of document, written to a temporary file; returns its path. */
static char *
export_story (TpDocument *document)
{
  TpExportOptions options;

  tp_export_options_init (&options);
  options.page = TP_EXPORT_PAGE_STORY;
  options.size = TP_PAGE_SIZE_SLIDE;
  return tp_test_export_to_file (document, &options, "story.pdf");
}

static char *
pdf_page_text (const char *path,
               guint       page)
{
  g_autofree char *text = tp_test_pdf_text (path, page);

  return tp_test_squeeze (text);
}

/* Every word of the deck with its box, in points; every sheet is a 960 × 540 pt slide. */
static GArray *
pdf_words (const char *path)
{
  GArray *words = tp_test_pdf_words (path, TP_TEST_PDF_WORDS_UNESCAPE);

  for (guint i = 0; i < words->len; i++)
    {
      const TpTestWord *word = &g_array_index (words, TpTestWord, i);

      g_assert_cmpfloat (word->page_width, ==, 960);
      g_assert_cmpfloat (word->page_height, ==, 540);
    }
  return words;
}

static void
add_touchpoint_texts (GPtrArray          *texts,
                      const TpTouchpoint *touchpoint)
{
  g_ptr_array_add (texts, touchpoint->name);
  g_ptr_array_add (texts, touchpoint->action);
  for (guint i = 0; i < touchpoint->pains->len; i++)
    g_ptr_array_add (texts, g_ptr_array_index (touchpoint->pains, i));
  for (guint i = 0; i < touchpoint->opportunities->len; i++)
    g_ptr_array_add (texts, g_ptr_array_index (touchpoint->opportunities, i));
}

/* The texts of the items a step is about: its block's notes, its stage's touchpoints,
 * its moment's touchpoint and actions. (transfer container) */
static GPtrArray *
get_item_texts (TpDocument        *document,
                const TpStoryStep *step)
{
  GPtrArray *texts = g_ptr_array_new ();

  if (step->kind == TP_STORY_STEP_CANVAS_BLOCK)
    {
      GPtrArray *notes = tp_document_get_notes (document, step->container);

      for (guint i = step->first; i < step->first + step->n_items; i++)
        g_ptr_array_add (texts, ((TpNote *) g_ptr_array_index (notes, i))->text);
    }
  else if (step->kind == TP_STORY_STEP_VALUE_CHAIN)
    {
      guint n = 0;

      for (TpContainer c = TP_N_BMC_BLOCKS; c < TP_N_CONTAINERS; c++)
        {
          GPtrArray *notes = tp_document_get_notes (document, c);

          for (guint i = 0; i < notes->len; i++, n++)
            if (n >= step->first && n < step->first + step->n_items)
              g_ptr_array_add (texts, ((TpNote *) g_ptr_array_index (notes, i))->text);
        }
    }
  else if (step->kind == TP_STORY_STEP_JOURNEY_STAGE)
    {
      TpStage *stage = tp_document_lookup_kind (document, step->stage, TP_ITEM_STAGE);

      for (guint i = step->first; i < step->first + step->n_items; i++)
        add_touchpoint_texts (texts, g_ptr_array_index (stage->touchpoints, i));
    }
  else if (step->kind == TP_STORY_STEP_MOMENT)
    {
      TpTouchpoint *touchpoint = tp_document_lookup_kind (document, step->touchpoint,
                                                          TP_ITEM_TOUCHPOINT);

      add_touchpoint_texts (texts, touchpoint);
      for (guint i = 0; i < touchpoint->actions->len; i++)
        g_ptr_array_add (texts, ((TpActionItem *) g_ptr_array_index (touchpoint->actions, i))->what);
    }
  else if (step->kind == TP_STORY_STEP_ALIGNMENT || step->kind == TP_STORY_STEP_ANALYSIS)
    {
      g_autoptr(GArray) rows = step->kind == TP_STORY_STEP_ALIGNMENT
                               ? tp_story_get_alignment_rows (document, step->section)
                               : tp_story_get_analysis_rows (document, step->section);

      /* The rows' notes, touchpoints, stages and blocks, needs, KPIs, stages' jobs and
       * pain peaks' pains (the document's strings). */
      for (guint i = step->first; i < step->first + step->n_items; i++)
        {
          const TpStoryRow *row = &g_array_index (rows, TpStoryRow, i);

          if (row->note != NULL)
            g_ptr_array_add (texts, row->note->text);
          if (row->touchpoint != NULL)
            g_ptr_array_add (texts, row->touchpoint->name);
          if (row->stage != NULL)
            g_ptr_array_add (texts, row->stage->name);
          if (row->kind == TP_STORY_ROW_EMPTY_BLOCK)
            g_ptr_array_add (texts, (char *) tp_enum_get_label (TP_ENUM_CONTAINER,
                                                                 row->container));
          if (row->need != NULL)
            g_ptr_array_add (texts, row->need->text);
          if (row->kpi != NULL)
            g_ptr_array_add (texts, row->kpi->name);
          if (row->kind == TP_STORY_ROW_STAGE && row->stage->job != NULL)
            g_ptr_array_add (texts, row->stage->job);
          if (row->kind == TP_STORY_ROW_PAIN_PEAK)
            for (guint j = 0; j < row->touchpoint->pains->len; j++)
              g_ptr_array_add (texts, g_ptr_array_index (row->touchpoint->pains, j));
        }
    }
  return texts;
}

/* Each step's heading and the words of its items on its own sheet; every note and
 * touchpoint somewhere in the deck. */
static void
test_pages (void)
{
  g_autoptr(TpDocument) document = tp_test_load_path (TP_EXAMPLE_PATH);
  g_autoptr(TpStory) story = tp_story_new (document);
  g_autofree char *path = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  guint n_steps = tp_story_get_n_steps (story);

  if (!have_tools ())
    return;

  path = export_story (document);
  g_assert_cmpuint (tp_test_pdf_n_pages (path), ==, n_steps);
  g_assert_cmpuint (n_steps, >, 20);

  for (guint i = 0; i < n_steps; i++)
    {
      const TpStoryStep *step = tp_story_get_step (story, i);
      g_autofree char *text = pdf_page_text (path, i + 1);
      g_autofree char *title = tp_story_step_dup_title (story, step);
      g_autofree char *heading = tp_test_squeeze (title);
      g_autofree char *number = g_strdup_printf ("%u/%u", i + 1, n_steps);
      g_autoptr(GPtrArray) items = get_item_texts (document, step);

      g_assert_nonnull (strstr (text, heading));
      g_assert_nonnull (strstr (text, number));
      for (guint j = 0; j < items->len; j++)
        {
          g_autofree char *item = tp_test_squeeze (g_ptr_array_index (items, j));

          if (strstr (text, item) == NULL)
            g_error ("step %u (%s): “%s” is not on its sheet", i + 1, title,
                     (char *) g_ptr_array_index (items, j));
        }
      g_string_append (all, text);
    }

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      GPtrArray *notes = tp_document_get_notes (document, c);

      for (guint i = 0; i < notes->len; i++)
        {
          g_autofree char *note = tp_test_squeeze (((TpNote *) g_ptr_array_index (notes, i))->text);

          g_assert_nonnull (strstr (all->str, note));
        }
    }
  for (guint s = 0; s < tp_document_get_stages (document)->len; s++)
    {
      TpStage *stage = g_ptr_array_index (tp_document_get_stages (document), s);

      for (guint i = 0; i < stage->touchpoints->len; i++)
        {
          g_autoptr(GPtrArray) texts = g_ptr_array_new ();

          add_touchpoint_texts (texts, g_ptr_array_index (stage->touchpoints, i));
          for (guint j = 0; j < texts->len; j++)
            {
              g_autofree char *item = tp_test_squeeze (g_ptr_array_index (texts, j));

              g_assert_nonnull (strstr (all->str, item));
            }
        }
    }
  tp_test_remove_export (path);
}

/* Whether a word lies where a step shows its items rather than its frame (kicker,
 * footer), the map and key beside a block, or the journey strip above a stage's cards. */
static gboolean
in_item_area (const TpStoryStep *step,
              const TpTestWord        *word)
{
  if (word->y_max < 40 || word->y_min > 500)
    return FALSE;
  if (step->kind == TP_STORY_STEP_CANVAS_BLOCK)
    return word->x_min < 680;
  if (step->kind == TP_STORY_STEP_JOURNEY_STAGE)
    return word->y_max > 228;
  return TRUE;
}

/* Reports, for every step, its smallest word of three letters or more between the frame's
 * heading and footer, in px at 1280 × 720 (a 960-pt sheet shown 1280 px wide): the
 * measure of the steps that check_text_size() does not hold to the floor yet, the
 * alignment and analysis sections, scaled down whole to fit (issue 17). */
static void
report_step_text (TpStory *story,
                  GArray  *words)
{
  static const char *kinds[] = { "title", "block", "value chain", "stage", "moment",
                                 "alignment", "analysis" };
  g_autoptr(GString) line = g_string_new ("smallest word per step (px at 1280 × 720):");

  for (guint i = 0; i < tp_story_get_n_steps (story); i++)
    {
      const TpStoryStep *step = tp_story_get_step (story, i);
      double smallest = G_MAXDOUBLE;

      for (guint w = 0; w < words->len; w++)
        {
          const TpTestWord *word = &g_array_index (words, TpTestWord, w);

          if (word->page == i + 1 && word->y_min > 110 && word->y_max < 500 &&
              g_utf8_strlen (word->text, -1) >= 3)
            smallest = MIN (smallest, word->y_max - word->y_min);
        }
      if (smallest < G_MAXDOUBLE)
        g_string_append_printf (line, " %u %s %.0f;", i + 1, kinds[step->kind],
                                smallest * 1280.0 / 960.0);
    }
  g_test_message ("%s", line->str);
}

/* The words of the items each step is about are boxes of 18 pt or more: 24 px text at
 * 1280 × 720. */
static void
check_text_size (TpDocument *document,
                 guint       min_counted)
{
  g_autoptr(TpStory) story = tp_story_new (document);
  g_autofree char *path = NULL;
  g_autoptr(GArray) words = NULL;
  double smallest[TP_STORY_STEP_ANALYSIS + 1];
  guint counted[TP_STORY_STEP_ANALYSIS + 1] = { 0 };

  if (!have_tools ())
    return;

  for (guint k = 0; k < G_N_ELEMENTS (smallest); k++)
    smallest[k] = G_MAXDOUBLE;
  path = export_story (document);
  words = pdf_words (path);

  for (guint i = 0; i < tp_story_get_n_steps (story); i++)
    {
      const TpStoryStep *step = tp_story_get_step (story, i);
      g_autoptr(GPtrArray) items = get_item_texts (document, step);
      g_autoptr(GString) blob = g_string_new (NULL);

      guint counted_here = 0;

      if (items->len == 0)
        continue;
      for (guint j = 0; j < items->len; j++)
        {
          g_autofree char *item = tp_test_squeeze (g_ptr_array_index (items, j));

          g_string_append_printf (blob, "%s\n", item);
        }

      for (guint w = 0; w < words->len; w++)
        {
          const TpTestWord *word = &g_array_index (words, TpTestWord, w);
          g_autofree char *text = tp_test_squeeze (word->text);

          if (word->page != i + 1 || g_utf8_strlen (text, -1) < 3 ||
              strstr (blob->str, text) == NULL || !in_item_area (step, word))
            continue;
          counted[step->kind]++;
          counted_here++;
          smallest[step->kind] = MIN (smallest[step->kind], word->y_max - word->y_min);
          if (word->y_max - word->y_min < MIN_WORD_PT)
            g_error ("step %u: “%s” is a %.1f pt box", i + 1, word->text,
                     word->y_max - word->y_min);
        }
      /* Every step about items was measured: none is left out of the floor. */
      if (counted_here == 0)
        g_error ("step %u: none of its items' words was found to measure", i + 1);
    }

  for (guint k = 0; k < G_N_ELEMENTS (smallest); k++)
    if (counted[k] == 0)
      smallest[k] = 0;
  g_test_message ("smallest item word boxes: canvas %.1f pt (%u words), value chain %.1f pt "
                  "(%u), stages %.1f pt (%u), moments %.1f pt (%u), alignment %.1f pt (%u), "
                  "analysis %.1f pt (%u)",
                  smallest[TP_STORY_STEP_CANVAS_BLOCK], counted[TP_STORY_STEP_CANVAS_BLOCK],
                  smallest[TP_STORY_STEP_VALUE_CHAIN], counted[TP_STORY_STEP_VALUE_CHAIN],
                  smallest[TP_STORY_STEP_JOURNEY_STAGE], counted[TP_STORY_STEP_JOURNEY_STAGE],
                  smallest[TP_STORY_STEP_MOMENT], counted[TP_STORY_STEP_MOMENT],
                  smallest[TP_STORY_STEP_ALIGNMENT], counted[TP_STORY_STEP_ALIGNMENT],
                  smallest[TP_STORY_STEP_ANALYSIS], counted[TP_STORY_STEP_ANALYSIS]);
  g_assert_cmpuint (counted[TP_STORY_STEP_CANVAS_BLOCK], >=, min_counted);
  g_assert_cmpuint (counted[TP_STORY_STEP_JOURNEY_STAGE], >=, min_counted);
  /* Alignment steps are rows of their own now: their words are held to the floor too. */
  for (guint i = 0; i < tp_story_get_n_steps (story); i++)
    if (tp_story_get_step (story, i)->kind == TP_STORY_STEP_ALIGNMENT)
      g_assert_cmpuint (counted[TP_STORY_STEP_ALIGNMENT], >, 0);
  report_step_text (story, words);
  tp_test_remove_export (path);
}

static void
test_text_size (void)
{
  g_autoptr(TpDocument) document = tp_test_load_path (TP_EXAMPLE_PATH);

  check_text_size (document, 100);
}

/* A block of 60 notes and a stage of 40 touchpoints, each with a pain and an
 * opportunity, with words of every length: their parts keep the text as large. */
static void
test_text_size_full (void)
{
  g_autoptr(TpDocument) document = tp_document_new_default ();
  const char *stage = ((TpItem *) g_ptr_array_index (tp_document_get_stages (document), 2))->id;
  static const char *words[] = { "delivery", "slot", "confirmed", "by", "courier", "within",
                                 "two", "hours", "of", "the", "order", "unexpectedly" };

  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint w = 0; w < 2 + i % 9; w++)
        g_string_append_printf (text, "%s%s", w > 0 ? " " : "", words[(i + w) % G_N_ELEMENTS (words)]);
      tp_document_add_note (document, TP_CONTAINER_KEY_RESOURCES, i, text->str);
    }
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Touchpoint %s %u", words[i % G_N_ELEMENTS (words)],
                                               i + 1);
      const char *id = tp_document_add_touchpoint (document, stage, i, name);
      TpTouchpoint *copy = (TpTouchpoint *) tp_document_edit_begin (document, id);

      g_free (copy->action);
      copy->action = g_strdup ("Checks the confirmation and the delivery slot");
      g_ptr_array_add (copy->pains, g_strdup ("Slot changed without notice"));
      g_ptr_array_add (copy->opportunities, g_strdup ("Live tracking of the courier"));
      tp_document_edit_commit (document, (TpItem *) copy, "Fill", FALSE);
    }

  if (!have_tools ())
    return;
  check_text_size (document, 100);
}

/* Every step of every template (data/templates) about notes or touchpoints keeps their
 * text at 24 px or more: the worked workshops' long notes, and the blank ones' prompts. */
static void
test_text_size_templates (void)
{
  g_autofree char *folder = g_build_filename (TP_SRCDIR, "data", "templates", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  if (!have_tools ())
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(TpDocument) document = NULL;

      if (!g_str_has_suffix (name, ".touchpoint"))
        continue;
      g_test_message ("%s", name);
      document = tp_test_load_path (path);
      check_text_size (document, 0);
      n++;
    }
  g_assert_cmpuint (n, >=, 7);
}

/* A hidden step leaves the deck; a stage of 40 touchpoints is ten legible sheets. */
static void
test_hidden_and_split (void)
{
  g_autoptr(TpDocument) document = tp_document_new_default ();
  const char *stage = ((TpItem *) g_ptr_array_index (tp_document_get_stages (document), 0))->id;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (!have_tools ())
    return;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *name = g_strdup_printf ("Touchpoint%02u", i + 1);

      tp_document_add_touchpoint (document, stage, i, name);
    }
  tp_document_add_note (document, TP_CONTAINER_CHANNELS, 0, "Showroom");
  tp_document_set_story_step_hidden (document, "canvas:channels", TRUE);

  path = export_story (document);
  /* The title and ten parts of the stage; Channels hidden. */
  g_assert_cmpuint (tp_test_pdf_n_pages (path), ==, 11);
  for (guint page = 2; page <= 11; page++)
    {
      g_autofree char *sheet = pdf_page_text (path, page);

      for (guint i = 0; i < 4; i++)
        {
          g_autofree char *name = g_strdup_printf ("Touchpoint%02u", (page - 2) * 4 + i + 1);

          g_assert_nonnull (strstr (sheet, name));
        }
    }
  tp_test_remove_export (path);
  g_clear_pointer (&path, g_free);

  tp_document_undo (document);
  path = export_story (document);
  g_assert_cmpuint (tp_test_pdf_n_pages (path), ==, 12);
  text = pdf_page_text (path, 2);
  g_assert_nonnull (strstr (text, "Showroom"));
  tp_test_remove_export (path);
}

/* The presentation paints each step on a 1280 × 720 screen, in the dark theme too, and
 * the time a step takes is reported (never asserted: the machine's load varies). */
static void
test_paint_screen (void)
{
  g_autoptr(TpDocument) document = tp_test_load_path (TP_EXAMPLE_PATH);
  g_autoptr(TpStory) story = tp_story_new (document);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 720);
  const TpTheme *themes[] = { tp_theme_get_default (), tp_theme_get_dark () };
  gint64 start, first = 0;

  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    {
      TpStoryPaintOptions options = { .theme = themes[t], .screen = TRUE };

      start = g_get_monotonic_time ();
      for (guint i = 0; i < tp_story_get_n_steps (story); i++)
        {
          cairo_t *cr = cairo_create (surface);

          tp_story_paint_step (cr, document, story, i, 1280, 720, &options);
          g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
          cairo_destroy (cr);
          if (i == 0 && t == 0)
            first = g_get_monotonic_time () - start;
        }
      g_test_message ("%s theme: %u steps in %.1f ms (%.1f ms a step; the first %.1f ms)",
                      t == 0 ? "light" : "dark", tp_story_get_n_steps (story),
                      (g_get_monotonic_time () - start) / 1000.0,
                      (g_get_monotonic_time () - start) / 1000.0 / tp_story_get_n_steps (story),
                      first / 1000.0);
    }
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* `touchpoint --export=OUT.pdf --page=story FILE` writes the same deck. */
static void
test_cli (void)
{
  g_autoptr(TpDocument) document = tp_test_load_path (TP_EXAMPLE_PATH);
  g_autoptr(TpStory) story = tp_story_new (document);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tp-story-cli-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "story.pdf", NULL);
  g_autofree char *out = g_strconcat ("--export=", path, NULL);
  const char *argv[] = { TP_BUILDDIR "/src/touchpoint", out, "--page=story", TP_EXAMPLE_PATH,
                         NULL };
  const char *bad[] = { TP_BUILDDIR "/src/touchpoint", out, "--page=stories", TP_EXAMPLE_PATH,
                        NULL };
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  int wait_status = 0;

  g_assert_no_error (error);
  if (!have_tools ())
    return;

  g_free (tp_test_run_tool (argv));
  g_assert_cmpuint (tp_test_pdf_n_pages (path), ==, tp_story_get_n_steps (story));
  text = pdf_page_text (path, 2);
  g_assert_nonnull (strstr (text, "CustomerSegments"));
  g_unlink (path);

  g_spawn_sync (NULL, (char **) bad, NULL, 0, NULL, NULL, NULL, &err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (wait_status, NULL));
  g_assert_nonnull (strstr (err, "story"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

static void
test_empty (void)
{
  g_autoptr(TpDocument) document = tp_document_new ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (!have_tools ())
    return;

  path = export_story (document);
  g_assert_cmpuint (tp_test_pdf_n_pages (path), ==, 1);
  text = pdf_page_text (path, 1);
  g_assert_nonnull (strstr (text, "UntitledWorkshop"));
  tp_test_remove_export (path);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/story-deck/pages", test_pages);
  g_test_add_func ("/touchpoint/story-deck/text-size", test_text_size);
  g_test_add_func ("/touchpoint/story-deck/text-size-full", test_text_size_full);
  g_test_add_func ("/touchpoint/story-deck/text-size-templates", test_text_size_templates);
  g_test_add_func ("/touchpoint/story-deck/hidden-and-split", test_hidden_and_split);
  g_test_add_func ("/touchpoint/story-deck/empty", test_empty);
  g_test_add_func ("/touchpoint/story-deck/paint-screen", test_paint_screen);
  g_test_add_func ("/touchpoint/story-deck/cli", test_cli);

  return g_test_run ();
}
