/* test-export-legend.c: the legend on exported pages, read back with pdftotext
 *
 * Runs the real `touchpoint --export` without a display, as test-export.c does, and
 * reads each page's words and their boxes with poppler's pdftotext (-bbox): the legend's
 * words are on the page, in a strip between the content and the footer that overlaps
 * neither, none of them overlapping another; --no-legend leaves every one of them out.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <gio/gio.h>

#include "io/tp-document-file.h"
#include "render/tp-export-private.h"
#include "render/tp-layout.h"
#include "render/tp-legend.h"
#include "tp-test-tools.h"

#define SLIDE_WIDTH   1920.0
#define SLIDE_HEIGHT  1080.0
#define PT_PER_PX     0.5     /* a slide's pixels as a PDF's points */
#define SLACK         1.0     /* points a glyph's box may overhang its line */

static char *tmp_dir;

typedef struct
{
  double  x0, y0, x1, y1;
  char   *text;
} Word;

static void
word_clear (gpointer data)
{
  g_free (((Word *) data)->text);
}

/* Runs the command; its status, and its standard error in err. */
static int
run_touchpoint (const char * const *args,
                char              **err)
{
  TpTestRun run = { 0, };

  tp_test_run_touchpoint (&run, args);
  *err = g_steal_pointer (&run.err);
  tp_test_run_clear (&run);

  return run.status;
}

static char *
export_page (const char *page,
             gboolean    legend)
{
  g_autofree char *name = g_strdup_printf ("%s%s.pdf", page, legend ? "" : "-no-legend");
  char *path = g_build_filename (tmp_dir, name, NULL);
  g_autofree char *output = g_strconcat ("--export=", path, NULL);
  g_autofree char *page_arg = g_strconcat ("--page=", page, NULL);
  g_autofree char *err = NULL;
  const char *args[] = { output, page_arg, legend ? TP_EXAMPLE_PATH : "--no-legend",
                         legend ? NULL : TP_EXAMPLE_PATH, NULL };

  if (run_touchpoint (args, &err) != 0)
    g_error ("export of %s failed: %s", page, err);
  return path;
}

static gboolean
have_pdftotext (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");

  if (path == NULL)
    g_test_skip ("pdftotext is not installed");
  return path != NULL;
}

static char *
run_pdftotext (const char *path,
               gboolean    bbox)
{
  const char *argv[] = { "pdftotext", "-f", "1", "-l", "1", bbox ? "-bbox" : "-layout", path, "-",
                         NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  return out;
}

/* The first page's words with their boxes, in points. */
static GArray *
read_words (const char *path)
{
  g_autofree char *xhtml = run_pdftotext (path, TRUE);
  g_autoptr(GRegex) regex = g_regex_new ("<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" "
                                         "xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>",
                                         0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));

  g_array_set_clear_func (words, word_clear);
  g_regex_match (regex, xhtml, 0, &match);
  while (g_match_info_matches (match))
    {
      g_autofree char *x0 = g_match_info_fetch (match, 1);
      g_autofree char *y0 = g_match_info_fetch (match, 2);
      g_autofree char *x1 = g_match_info_fetch (match, 3);
      g_autofree char *y1 = g_match_info_fetch (match, 4);
      Word word = { g_ascii_strtod (x0, NULL), g_ascii_strtod (y0, NULL),
                    g_ascii_strtod (x1, NULL), g_ascii_strtod (y1, NULL),
                    g_match_info_fetch (match, 5) };

      g_array_append_val (words, word);
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (words->len, >, 0);
  return words;
}

static gboolean
boxes_overlap (const Word *a,
               const Word *b)
{
  /* Glyph boxes of neighbouring words may touch: only a real overlap counts. */
  return MIN (a->x1, b->x1) - MAX (a->x0, b->x0) > SLACK &&
         MIN (a->y1, b->y1) - MAX (a->y0, b->y0) > SLACK;
}

static TpLegend *
page_legend (TpDocument *document,
             const char *page)
{
  TpExportPage value;
  TpLegend *legend;

  g_assert_true (tp_export_page_from_string (page, &value));
  legend = tp_legend_new_for_page (document, value, 0, G_MAXUINT);
  /* The board page draws the example's tangled links as numbered badges, which its legend
   * explains too. */
  if (value == TP_EXPORT_PAGE_BOARD)
    {
      g_autoptr(TpLayout) layout = tp_layout_new ();

      tp_layout_set_full_text (layout, TRUE);
      tp_layout_update (layout, document);
      g_assert_cmpuint (tp_layout_count_link_tangles (layout), >, 0);
      tp_legend_add_link_badges (legend);
    }
  return legend;
}

/* Every label of the legend's entries, as pdftotext splits them into words. */
static GHashTable *
legend_words (TpLegend *legend)
{
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < tp_legend_get_n_items (legend); i++)
    {
      g_auto(GStrv) split = g_strsplit (tp_legend_get_item (legend, i)->label, " ", -1);

      for (guint j = 0; split[j] != NULL; j++)
        if (split[j][0] != '\0')
          g_hash_table_add (words, g_strdup (split[j]));
    }
  return words;
}

static void
check_page (gconstpointer data)
{
  const char *page = data;
  g_autoptr(GFile) file = g_file_new_for_path (TP_EXAMPLE_PATH);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDocument) document = tp_load_file (file, NULL, NULL, NULL, &error);
  g_autoptr(TpLegend) legend = NULL;
  g_autoptr(GHashTable) expected = NULL;
  g_autoptr(GHashTable) found = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) words = NULL;
  g_autoptr(GPtrArray) strip = g_ptr_array_new ();
  g_autofree char *with = NULL;
  g_autofree char *without = NULL;
  g_autofree char *plain = NULL;
  TpLayout *layout;
  double margin = _tp_export_get_margin (SLIDE_WIDTH, SLIDE_HEIGHT);
  double strip_top, strip_bottom, content_bottom = 0;
  GHashTableIter iter;
  gpointer word;

  g_assert_no_error (error);
  if (!have_pdftotext ())
    return;

  /* Where the strip must be, as this process measures it with the same fonts. */
  layout = tp_layout_new ();
  tp_layout_update (layout, document);
  legend = page_legend (document, page);
  g_assert_false (tp_legend_is_empty (legend));
  strip_bottom = (SLIDE_HEIGHT - margin) * PT_PER_PX;
  strip_top = (SLIDE_HEIGHT - margin -
               tp_legend_get_page_height (legend, layout, SLIDE_WIDTH, SLIDE_HEIGHT,
                                          SLIDE_WIDTH - 2 * margin)) * PT_PER_PX;
  tp_layout_free (layout);
  g_assert_cmpfloat (strip_top, <, strip_bottom);

  with = export_page (page, TRUE);
  words = read_words (with);
  for (guint i = 0; i < words->len; i++)
    {
      Word *w = &g_array_index (words, Word, i);

      if (w->y0 >= strip_bottom - SLACK)
        continue;   /* the footer */
      if (w->y0 >= strip_top)
        {
          /* In the strip, and inside it. */
          g_assert_cmpfloat (w->y1, <=, strip_bottom + SLACK);
          g_ptr_array_add (strip, w);
          g_hash_table_add (found, w->text);
        }
      else
        {
          content_bottom = MAX (content_bottom, w->y1);
        }
    }
  /* The content ends above the strip. */
  g_assert_cmpfloat (content_bottom, <=, strip_top + SLACK);

  /* Every word of the legend is in the strip, and no two of its words overlap. */
  expected = legend_words (legend);
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    if (!g_hash_table_contains (found, word))
      g_error ("the %s page's legend lacks “%s”", page, (char *) word);
  for (guint i = 0; i < strip->len; i++)
    for (guint j = i + 1; j < strip->len; j++)
      if (boxes_overlap (g_ptr_array_index (strip, i), g_ptr_array_index (strip, j)))
        g_error ("legend words “%s” and “%s” overlap",
                 ((Word *) g_ptr_array_index (strip, i))->text,
                 ((Word *) g_ptr_array_index (strip, j))->text);

  /* Without the legend, none of its own phrases is on the page. */
  without = export_page (page, FALSE);
  plain = run_pdftotext (without, FALSE);
  g_assert_null (strstr (plain, "Dot votes"));
  g_assert_null (strstr (plain, "Partly validated"));
  g_assert_null (strstr (plain, "Evidence"));
  g_unlink (with);
  g_unlink (without);
}

static void
test_journey (void)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *without = NULL;
  g_autofree char *plain = NULL;

  if (!have_pdftotext ())
    return;
  path = export_page ("journey", TRUE);
  text = run_pdftotext (path, FALSE);
  g_assert_nonnull (strstr (text, "Emotion"));
  g_assert_nonnull (strstr (text, "Personas"));
  /* The journey shows no notes: their colours are not explained there. */
  g_assert_null (strstr (text, "Customer voice"));

  without = export_page ("journey", FALSE);
  plain = run_pdftotext (without, FALSE);
  g_assert_null (strstr (plain, "Personas"));
  g_assert_null (strstr (plain, "−2 to +2"));
  g_unlink (path);
  g_unlink (without);
}

static void
test_usage (void)
{
  g_autofree char *csv = g_build_filename (tmp_dir, "gaps.csv", NULL);
  g_autofree char *png = g_build_filename (tmp_dir, "board.png", NULL);
  g_autofree char *csv_arg = g_strconcat ("--export=", csv, NULL);
  g_autofree char *png_arg = g_strconcat ("--export=", png, NULL);
  g_autofree char *err = NULL;
  g_autofree char *png_err = NULL;
  const char *table[] = { csv_arg, "--table=gaps", "--no-legend", TP_EXAMPLE_PATH, NULL };
  const char *image[] = { png_arg, "--no-legend", TP_EXAMPLE_PATH, NULL };

  /* A table has no legend to leave out: bad usage, and no file. */
  g_assert_cmpint (run_touchpoint (table, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--no-legend"));
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));

  g_assert_cmpint (run_touchpoint (image, &png_err), ==, 0);
  g_assert_cmpstr (png_err, ==, "");
  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
  g_unlink (png);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("test-export-legend-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_data_func ("/touchpoint/export-legend/canvas", "canvas", check_page);
  g_test_add_data_func ("/touchpoint/export-legend/value-chain", "value-chain", check_page);
  g_test_add_data_func ("/touchpoint/export-legend/board", "board", check_page);
  g_test_add_func ("/touchpoint/export-legend/journey", test_journey);
  g_test_add_func ("/touchpoint/export-legend/usage", test_usage);

  status = g_test_run ();
  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  return status;
}
