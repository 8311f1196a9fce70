/* test-export-limits.c: large documents export whole and within the limits of their
 * formats (issue 19).
 *
 * - Every PDF page stays within 14,400 × 14,400 pt, the largest page PDF readers take
 *   without UserUnit, even a fitted page of a 2,000-touchpoint journey (336,360 pt wide
 *   before): the page and its content are scaled together, so pdftotext still finds
 *   every word, and the command line says by how much.
 * - A fitted PNG larger than an image may be is refused with the options that will work,
 *   and running the command line again with each of them works.
 * - Every export draws every item: a 2,000-note board with 1,000 links exported as a PDF
 *   of every page and as an SVG shows every note's own word and no "+N more".
 *
 * Each document is made here, with a word of its own for every note and touchpoint, and
 * exported by the real `touchpoint --export` with no display, as a script would.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "io/tp-writer.h"
#include "model/tp-document-private.h"
#include "model/tp-kano-need.h"
#include "model/tp-kpi.h"
#include "render/tp-export.h"
#include "tp-test-tools.h"

static char *tmp_root;

/* A word no dictionary has, distinct for each i below 343,000: prefix and three
 * syllables ("Tubakeri"), so that pdftotext returns it as one word. */
static char *
make_word (const char *prefix,
           guint       i)
{
  static const char consonants[] = "bdfgklmnprstvz";
  static const char vowels[] = "aeiou";
  GString *word = g_string_new (prefix);

  for (guint k = 0; k < 3; k++)
    {
      guint syllable = i % 70;

      i /= 70;
      g_string_append_c (word, consonants[syllable / 5]);
      g_string_append_c (word, vowels[syllable % 5]);
    }
  return g_string_free (word, FALSE);
}

/* n_notes notes over every block and area, n_touchpoints touchpoints over 5 stages,
 * n_links links; each note and touchpoint named by its own word. With kinds, every other
 * touchpoint is a moment of truth with a Kano need and a KPI, named by words of their own
 * ("Ne…", "Ke…", by the touchpoint's number). */
static TpDocument *
make_document (guint    n_notes,
               guint    n_touchpoints,
               guint    n_links,
               gboolean kinds)
{
  TpDocument *document = tp_document_new ();
  TpStage *stages[5];

  for (guint i = 0; i < n_notes; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i + 1);
      g_autofree char *word = make_word ("No", i);
      TpNote *note = tp_note_new (id, word);

      note->container = i % TP_N_CONTAINERS;
      _tp_document_append_note (document, note);
    }
  for (guint s = 0; s < G_N_ELEMENTS (stages); s++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", s + 1);

      stages[s] = tp_stage_new (id, "Stage");
      _tp_document_append_stage (document, stages[s]);
    }
  for (guint i = 0; i < n_touchpoints; i++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", i + 1);
      g_autofree char *word = make_word ("Tu", i);

      TpTouchpoint *touchpoint = tp_touchpoint_new (id, word);

      if (kinds && i % 2 == 0)
        {
          g_autofree char *need_id = g_strdup_printf ("k%u", i + 1);
          g_autofree char *need_word = make_word ("Ne", i);
          g_autofree char *kpi_id = g_strdup_printf ("m%u", i + 1);
          g_autofree char *kpi_word = make_word ("Ke", i);
          TpKanoNeed *need = tp_kano_need_new (need_id, need_word);
          TpKpi *kpi = tp_kpi_new (kpi_id, TP_KPI_NPS, kpi_word);

          touchpoint->moment_of_truth = TRUE;
          touchpoint->expectation = 1 + i % 5;
          touchpoint->experience = 1 + i / 5 % 5;
          touchpoint->impact = 3;
          touchpoint->feasibility = 3;
          for (guint f = 0; f < TP_N_KANO_ANSWERS; f++)
            need->answers[f][(f + i) % TP_N_KANO_ANSWERS] = 1 + i % 7;
          g_ptr_array_add (touchpoint->needs, need);
          for (guint v = 0; v <= 10; v++)
            kpi->scores[v] = (i + v) % 9;
          g_ptr_array_add (touchpoint->kpis, kpi);
        }
      _tp_document_append_touchpoint (document, stages[i % G_N_ELEMENTS (stages)], touchpoint);
    }
  for (guint i = 0; i < n_links && n_notes > 0 && n_touchpoints > 0; i++)
    {
      g_autofree char *id = g_strdup_printf ("l%u", i + 1);
      g_autofree char *note = g_strdup_printf ("n%u", i % n_notes + 1);
      g_autofree char *touchpoint = g_strdup_printf ("t%u", i % n_touchpoints + 1);

      _tp_document_append_link (document, tp_link_new (id, note, touchpoint, ""));
    }
  return document;
}

/* The document saved under the run's folder. */
static char *
save_document (TpDocument *document,
               const char *name)
{
  g_autoptr(GBytes) bytes = tp_write_bytes (document);
  char *path = g_build_filename (tmp_root, name, NULL);

  g_assert_nonnull (bytes);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  return path;
}

typedef struct
{
  int   status;
  char *err;
} Run;

/* Runs `touchpoint ARGS… INPUT` without a display; keeps its status and stderr. */
static void
run_touchpoint (Run                *run,
                const char * const *args,
                const char         *input)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) TP_BUILDDIR "/src/touchpoint");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, (gpointer) input);
  g_ptr_array_add (argv, NULL);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

/* The words of text, as a set. */
static GHashTable *
split_words (const char *text)
{
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) tokens = g_strsplit_set (text, " \t\n\r\f", -1);

  for (guint i = 0; tokens[i] != NULL; i++)
    if (tokens[i][0] != '\0')
      g_hash_table_add (words, g_strdup (tokens[i]));
  return words;
}

/* Fails unless every note's (n_notes) and touchpoint's (n_touchpoints) word is in words,
 * with kinds every need's and KPI's too, and no "+N more" is. */
static void
assert_every_word (GHashTable *words,
                   guint       n_notes,
                   guint       n_touchpoints,
                   gboolean    kinds,
                   const char *what)
{
  guint missing = 0, n_words = n_notes + n_touchpoints * (kinds ? 3 : 1);
  g_autofree char *first = NULL;

  for (guint i = 0; i < n_words; i++)
    {
      guint t = (i - n_notes) % n_touchpoints;
      const char *prefix = (i - n_notes) / n_touchpoints == 0 ? "Tu"
                           : (i - n_notes) / n_touchpoints == 1 ? "Ne" : "Ke";
      g_autofree char *word = NULL;

      if (i >= n_notes && prefix[0] != 'T' && t % 2 != 0)
        continue;
      word = i < n_notes ? make_word ("No", i) : make_word (prefix, t);

      if (!g_hash_table_contains (words, word))
        {
          if (first == NULL)
            first = g_strdup (word);
          missing++;
        }
    }
  if (missing > 0)
    g_error ("%s: %u words missing, the first %s", what, missing, first);
  g_assert_false (g_hash_table_contains (words, "more"));
}

static void
test_pdf_page_limit (void)
{
  const guint n_touchpoints = 2000;
  g_autoptr(TpDocument) document = make_document (20, n_touchpoints, 0, FALSE);
  g_autofree char *input = save_document (document, "journey-2000.touchpoint");
  g_autofree char *pdf = g_build_filename (tmp_root, "journey-2000.pdf", NULL);
  g_autofree char *output = g_strconcat ("--export=", pdf, NULL);
  const char *pdfinfo[] = { "pdfinfo", "-f", "1", "-l", "1000", pdf, NULL };
  const char *pdftotext[] = { "pdftotext", pdf, "-", NULL };
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GHashTable) words = NULL;
  g_auto(GStrv) lines = NULL;
  Run run = { 0, };
  guint n_pages = 0;
  double widest = 0;

  if (!tp_test_have_tool ("pdfinfo") || !tp_test_have_tool ("pdftotext"))
    return;

  /* Every page at its content's size: the journey alone is far wider than 14,400 pt. */
  run_touchpoint (&run, (const char *[]) { output, "--size=fit", "--page=all", NULL }, input);
  if (run.status != 0)
    g_error ("the export failed: %s", run.err);
  /* The command line says the pages were scaled, and by how much. */
  g_assert_nonnull (strstr (run.err, "scaled down to"));
  g_free (run.err);

  info = tp_test_run_tool (pdfinfo);
  lines = g_strsplit (info, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *size = strstr (lines[i], "size:");
      char *end;
      double width, height;

      if (!g_str_has_prefix (lines[i], "Page ") || size == NULL)
        continue;
      width = g_ascii_strtod (size + strlen ("size:"), &end);
      g_assert_true (g_str_has_prefix (end, " x "));
      height = g_ascii_strtod (end + 3, NULL);
      g_assert_cmpfloat (width, <=, TP_EXPORT_MAX_PAGE_PT);
      g_assert_cmpfloat (height, <=, TP_EXPORT_MAX_PAGE_PT);
      g_assert_cmpfloat (width, >, 0);
      widest = MAX (widest, width);
      n_pages++;
    }
  g_test_message ("%u pages, the widest %.0f pt", n_pages, widest);
  g_assert_cmpuint (n_pages, >=, 3);
  /* The journey's page was shrunk to the limit, not below it. */
  g_assert_cmpfloat (widest, >, TP_EXPORT_MAX_PAGE_PT - 1);

  /* Scaled with the page, the text is still text: every touchpoint's word is found. */
  text = tp_test_run_tool (pdftotext);
  words = split_words (text);
  assert_every_word (words, 20, n_touchpoints, FALSE, "fitted PDF");
}

/* "… Use --scale=0.48 or --size=slide." → { "--scale=0.48", "--size=slide" } */
static GStrv
parse_hint (const char *err)
{
  const char *use = strstr (err, "Use ");
  g_autofree char *options = NULL;
  char *stop;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  if (use == NULL)
    g_error ("no option to use in: %s", err);
  options = g_strdup (use + strlen ("Use "));
  stop = strstr (options, ".\n");
  g_assert_nonnull (stop);
  *stop = '\0';
  parts = g_strsplit (options, " or ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_assert_true (g_str_has_prefix (parts[i], "--"));
      g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

/* A fitted image too large is refused with the options that will work: each does. */
static void
test_png_hint (gconstpointer data)
{
  guint n_touchpoints = GPOINTER_TO_UINT (data);
  g_autoptr(TpDocument) document = make_document (20, n_touchpoints, 0, FALSE);
  g_autofree char *name = g_strdup_printf ("journey-%u.touchpoint", n_touchpoints);
  g_autofree char *input = save_document (document, name);
  g_autofree char *png = g_build_filename (tmp_root, "journey.png", NULL);
  g_autofree char *output = g_strconcat ("--export=", png, NULL);
  g_auto(GStrv) hint = NULL;
  Run run = { 0, };

  run_touchpoint (&run, (const char *[]) { output, "--page=journey", NULL }, input);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "too large"));
  g_test_message ("%s", run.err);
  hint = parse_hint (run.err);
  g_clear_pointer (&run.err, g_free);
  g_assert_cmpuint (g_strv_length (hint), >=, 1);

  for (guint i = 0; hint[i] != NULL; i++)
    {
      cairo_surface_t *image;

      g_remove (png);
      run_touchpoint (&run, (const char *[]) { output, "--page=journey", hint[i], NULL }, input);
      if (run.status != 0)
        g_error ("the suggested %s failed: %s", hint[i], run.err);
      g_clear_pointer (&run.err, g_free);
      image = cairo_image_surface_create_from_png (png);
      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (image), <=, 32767);
      g_assert_cmpint (cairo_image_surface_get_height (image), <=, 32767);
      /* The scale offered is the largest that works, to a hundredth: its image comes
       * near the side limit or the pixel limit. */
      if (g_str_has_prefix (hint[i], "--scale="))
        g_assert_true (cairo_image_surface_get_width (image) > 0.9 * 32767 ||
                       (double) cairo_image_surface_get_width (image) *
                       cairo_image_surface_get_height (image) > 0.9 * 200e6);
      cairo_surface_destroy (image);
    }
  g_remove (png);
}

/* xml with every tag a space, in place (a GRegex is quadratic on megabytes). */
static char *
strip_tags (char *xml)
{
  gboolean in_tag = FALSE;

  for (char *c = xml; *c != '\0'; c++)
    {
      if (*c == '<')
        in_tag = TRUE;
      if (in_tag)
        {
          in_tag = *c != '>';
          *c = ' ';
        }
    }
  return xml;
}

/* Every item drawn: every note, touchpoint, need and KPI, and no "+N more", in a PDF of
 * every page and an SVG of the board. */
static void
test_every_item (void)
{
  /* 2,000 notes keep the run to seconds; TP_TEST_NOTES=10000 checks the size. */
  const char *asked = g_getenv ("TP_TEST_NOTES");
  const guint n_notes = asked != NULL ? (guint) atoi (asked) : 2000, n_touchpoints = 100;
  g_autoptr(TpDocument) document = make_document (n_notes, n_touchpoints, n_notes / 2, TRUE);
  g_autofree char *input = save_document (document, "notes.touchpoint");
  g_autofree char *pdf = g_build_filename (tmp_root, "notes.pdf", NULL);
  g_autofree char *svg = g_build_filename (tmp_root, "notes.svg", NULL);
  g_autofree char *pdf_output = g_strconcat ("--export=", pdf, NULL);
  g_autofree char *svg_output = g_strconcat ("--export=", svg, NULL);
  const char *pdftotext[] = { "pdftotext", pdf, "-", NULL };
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GHashTable) words = NULL;
  Run run = { 0, };

  if (!tp_test_have_tool ("pdftotext"))
    return;

  run_touchpoint (&run, (const char *[]) { pdf_output, "--page=all", NULL }, input);
  if (run.status != 0)
    g_error ("the PDF export failed: %s", run.err);
  g_clear_pointer (&run.err, g_free);
  text = tp_test_run_tool (pdftotext);
  words = split_words (text);
  assert_every_word (words, n_notes, n_touchpoints, TRUE, "PDF of every page");
  g_clear_pointer (&words, g_hash_table_unref);

  /* The SVG keeps its text as <text> elements: the words between the tags. */
  run_touchpoint (&run, (const char *[]) { svg_output, "--page=board", NULL }, input);
  if (run.status != 0)
    g_error ("the SVG export failed: %s", run.err);
  g_clear_pointer (&run.err, g_free);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  words = split_words (strip_tags (contents));
  assert_every_word (words, n_notes, n_touchpoints, TRUE, "SVG of the board");
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_root = g_dir_make_tmp ("touchpoint-export-limits-XXXXXX", NULL);
  g_assert_nonnull (tmp_root);

  g_test_add_func ("/touchpoint/export-limits/pdf-page-limit", test_pdf_page_limit);
  /* About 45,000 px: a scale or a slide will do; about 450,000 px: only a slide. */
  g_test_add_data_func ("/touchpoint/export-limits/png-hint/scale", GUINT_TO_POINTER (200),
                        test_png_hint);
  g_test_add_data_func ("/touchpoint/export-limits/png-hint/slide", GUINT_TO_POINTER (2000),
                        test_png_hint);
  g_test_add_func ("/touchpoint/export-limits/every-item", test_every_item);

  status = g_test_run ();
  if (status == 0)
    {
      g_autoptr(GFile) root = g_file_new_for_path (tmp_root);
      g_autoptr(GFileEnumerator) children =
        g_file_enumerate_children (root, G_FILE_ATTRIBUTE_STANDARD_NAME, 0, NULL, NULL);
      GFileInfo *info;

      while (children != NULL &&
             (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
        {
          g_autofree char *path = g_build_filename (tmp_root, g_file_info_get_name (info), NULL);

          g_remove (path);
          g_object_unref (info);
        }
      g_rmdir (tmp_root);
    }
  g_free (tmp_root);
  return status;
}
