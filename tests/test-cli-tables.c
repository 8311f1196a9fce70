/* test-cli-tables.c: `touchpoint --export=OUT.csv --table=gaps|kano|kpis|links FILE`
 *
 * The analysis tables and the links table from the command line, run as scripts run it: the real binary,
 * without a display. The file must be the contract of tp-analysis-csv.h (header row,
 * CRLF, a row per item), written atomically; bad usage exits 2 and writes nothing.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "analysis/tp-analysis-csv.h"
#include "io/tp-document-file.h"
#include "tp-test-tools.h"

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("tp-cli-tables-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* The names in dir, sorted and joined by spaces: what a run left behind. */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static TpDocument *
load_example (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (TP_EXAMPLE_PATH);
  g_autoptr(GError) error = NULL;
  TpDocument *document = tp_load_file (file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return document;
}

/* Splits RFC 4180 text into records of fields, checking that every line ends in CRLF. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *record = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            g_string_append_c (field, *p++);
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        {
          quoted = TRUE;
        }
      else if (*p == ',')
        {
          g_ptr_array_add (record, g_strdup (field->str));
          g_string_truncate (field, 0);
        }
      else if (*p == '\r')
        {
          g_assert_cmpint (p[1], ==, '\n');
          p++;
          g_ptr_array_add (record, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (records, record);
          record = g_ptr_array_new_with_free_func (g_free);
        }
      else
        {
          /* A bare line feed outside quotes is not RFC 4180. */
          g_assert_cmpint (*p, !=, '\n');
          g_string_append_c (field, *p);
        }
    }
  g_assert_false (quoted);
  /* The last record ends in CRLF too: nothing is left over. */
  g_assert_cmpuint (record->len, ==, 0);
  g_assert_cmpuint (field->len, ==, 0);
  g_ptr_array_unref (record);
  return records;
}

typedef struct
{
  const char *table;
  const char *header;
  guint       n_columns;
} TableCase;

static const TableCase table_cases[] = {
  { "gaps", "touchpoint,stage,expectation,experience,gap,impact,feasibility,priority,strategy,action,owner,status,votes", 13 },
  { "kano", "touchpoint,need,A,O,M,I,R,Q,category,better,worse,significant", 12 },
  { "kpis", "scope,name,kind,value,target,met", 6 },
  { "links", "note,block,touchpoint,stage,label,note_votes,touchpoint_votes", 7 },
  { "votes", "rank,item,kind,block,stage,votes", 6 },
};

/* How many rows a table of the example must have, counted from the model. */
static guint
count_items (TpDocument *document,
             TpTable     table)
{
  GPtrArray *stages = tp_document_get_stages (document);
  guint n = 0;

  if (table == TP_TABLE_LINKS)
    return tp_document_get_links (document)->len;
  if (table == TP_TABLE_VOTES)
    {
      for (guint c = 0; c < TP_N_CONTAINERS; c++)
        {
          GPtrArray *notes = tp_document_get_notes (document, c);

          for (guint j = 0; j < notes->len; j++)
            n += ((const TpNote *) g_ptr_array_index (notes, j))->votes > 0;
        }
      for (guint i = 0; i < stages->len; i++)
        {
          GPtrArray *touchpoints = ((const TpStage *) g_ptr_array_index (stages, i))->touchpoints;

          for (guint j = 0; j < touchpoints->len; j++)
            n += ((const TpTouchpoint *) g_ptr_array_index (touchpoints, j))->votes > 0;
        }
      return n;
    }
  for (guint i = 0; i < stages->len; i++)
    {
      const TpStage *stage = g_ptr_array_index (stages, i);

      if (table == TP_TABLE_KPIS)
        n += stage->kpis->len;
      for (guint j = 0; j < stage->touchpoints->len; j++)
        {
          const TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, j);

          if (table == TP_TABLE_GAPS)
            n += touchpoint->moment_of_truth;
          else if (table == TP_TABLE_KANO)
            n += touchpoint->needs->len;
          else
            n += touchpoint->kpis->len;
        }
    }
  return n;
}

static void
test_table (gconstpointer data)
{
  const TableCase *c = data;
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "table.csv", NULL);
  g_autofree char *output = g_strconcat ("--export=", path, NULL);
  g_autofree char *option = g_strconcat ("--table=", c->table, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GString) header = g_string_new (NULL);
  TpTestRun run = { 0, };
  gsize length;
  TpTable table;

  tp_test_run_touchpoint (&run, (const char *[]) { output, option, TP_EXAMPLE_PATH, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");
  tp_test_run_clear (&run);

  /* Only the table: no temporary file left beside it. */
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "table.csv");

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (strlen (contents), ==, length);
  g_assert_true (g_utf8_validate (contents, length, NULL));
  g_assert_false (g_str_has_prefix (contents, "\xef\xbb\xbf"));

  records = parse_csv (contents);
  g_assert_true (tp_table_from_string (c->table, &table));
  g_assert_cmpuint (records->len, ==, 1 + count_items (document, table));
  for (guint i = 0; i < records->len; i++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (records, i))->len, ==, c->n_columns);
  {
    GPtrArray *first = g_ptr_array_index (records, 0);

    for (guint i = 0; i < first->len; i++)
      g_string_append_printf (header, "%s%s", i > 0 ? "," : "", (char *) g_ptr_array_index (first, i));
  }
  g_assert_cmpstr (header->str, ==, c->header);

  /* The same bytes as the analysis writes them. */
  expected = tp_analysis_csv_write (document, table);
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));

  remove_dir (dir);
}

/* The votes table against the model: every voted note and touchpoint once, with its
 * votes and its block or stage, most first, ties ranked as results rank them (1, 2, 2,
 * 4), and no item without votes. */
static void
test_votes_ranking (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(GBytes) bytes = tp_analysis_csv_write (document, TP_TABLE_VOTES);
  g_autofree char *contents = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autoptr(GPtrArray) records = parse_csv (contents);
  /* "note:TEXT" or "touchpoint:NAME": a touchpoint may be named as a note reads. */
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint last_votes = G_MAXUINT, last_rank = 0, total = 0, expected_total = 0;
  GPtrArray *stages = tp_document_get_stages (document);

  g_assert_cmpuint (records->len, >, 10);
  for (guint i = 1; i < records->len; i++)
    {
      GPtrArray *r = g_ptr_array_index (records, i);
      guint rank = atoi (g_ptr_array_index (r, 0));
      const char *item = g_ptr_array_index (r, 1);
      const char *kind = g_ptr_array_index (r, 2);
      const char *block = g_ptr_array_index (r, 3);
      const char *stage = g_ptr_array_index (r, 4);
      guint votes = atoi (g_ptr_array_index (r, 5));

      g_assert_cmpuint (votes, >, 0);
      g_assert_cmpuint (votes, <=, last_votes);
      g_assert_cmpuint (rank, ==, votes == last_votes ? last_rank : i);
      g_assert_true (g_str_equal (kind, "note") || g_str_equal (kind, "touchpoint"));
      /* A note has its block and no stage; a touchpoint the other way round. */
      g_assert_cmpint (block[0] != '\0', ==, g_str_equal (kind, "note"));
      g_assert_cmpint (stage[0] != '\0', ==, g_str_equal (kind, "touchpoint"));
      g_assert_true (g_hash_table_add (seen, g_strconcat (kind, ":", item, NULL)));
      last_votes = votes;
      last_rank = rank;
      total += votes;
    }

  /* Every vote of the document is in the table, and each row is its item's. */
  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      GPtrArray *notes = tp_document_get_notes (document, c);

      for (guint j = 0; j < notes->len; j++)
        {
          const TpNote *note = g_ptr_array_index (notes, j);

          g_autofree char *key = g_strconcat ("note:", note->text, NULL);

          expected_total += note->votes;
          g_assert_cmpint (note->votes > 0, ==, g_hash_table_contains (seen, key));
        }
    }
  for (guint i = 0; i < stages->len; i++)
    {
      GPtrArray *touchpoints = ((const TpStage *) g_ptr_array_index (stages, i))->touchpoints;

      for (guint j = 0; j < touchpoints->len; j++)
        {
          const TpTouchpoint *tp = g_ptr_array_index (touchpoints, j);

          g_autofree char *key = g_strconcat ("touchpoint:", tp->name, NULL);

          expected_total += tp->votes;
          g_assert_cmpint (tp->votes > 0, ==, g_hash_table_contains (seen, key));
        }
    }
  g_assert_cmpuint (total, ==, expected_total);
}

/* Bad usage: status 2, one line on stderr, nothing written. */
typedef struct
{
  const char *name;
  const char *output;   /* NULL: no --export */
  const char *args[4];
  gboolean    with_file;
} UsageCase;

static const UsageCase usage_cases[] = {
  { "csv-without-table", "out.csv", { NULL }, TRUE },
  { "table-without-csv", "out.pdf", { "--table=gaps", NULL }, TRUE },
  { "table-png", "out.png", { "--table=kano", NULL }, TRUE },
  { "table-without-export", NULL, { "--table=kpis", NULL }, TRUE },
  { "unknown-table", "out.csv", { "--table=everything", NULL }, TRUE },
  { "empty-table", "out.csv", { "--table=", NULL }, TRUE },
  { "table-and-page", "out.csv", { "--table=gaps", "--page=board", NULL }, TRUE },
  { "table-and-scale", "out.csv", { "--table=gaps", "--scale=2", NULL }, TRUE },
  { "table-without-file", "out.csv", { "--table=gaps", NULL }, FALSE },
  { "table-and-validate", "out.csv", { "--table=gaps", "--validate", NULL }, TRUE },
  { "links-table-pdf", "out.pdf", { "--table=links", NULL }, TRUE },
  { "links-and-page", "out.csv", { "--table=links", "--page=alignment", NULL }, TRUE },
  { "link-singular", "out.csv", { "--table=link", NULL }, TRUE },
  { "alignment-page-csv", "out.csv", { "--page=alignment", NULL }, TRUE },
  { "alignment-misspelt", "out.pdf", { "--page=alignement", NULL }, TRUE },
};

static void
test_usage (gconstpointer data)
{
  const UsageCase *c = data;
  g_autofree char *dir = make_dir ();
  g_autofree char *path = c->output != NULL ? g_build_filename (dir, c->output, NULL) : NULL;
  g_autofree char *output = path != NULL ? g_strconcat ("--export=", path, NULL) : NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  TpTestRun run = { 0, };

  if (output != NULL)
    g_ptr_array_add (args, output);
  for (guint i = 0; c->args[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) c->args[i]);
  if (c->with_file)
    g_ptr_array_add (args, (gpointer) TP_EXAMPLE_PATH);
  g_ptr_array_add (args, NULL);

  tp_test_run_touchpoint (&run, (const char * const *) args->pdata);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "touchpoint: "));
  g_assert_true (g_str_has_suffix (run.err, "\n"));
  g_assert_true (strchr (run.err, '\n') == run.err + strlen (run.err) - 1);
  /* The message names every table and page there is. */
  if (strcmp (c->name, "unknown-table") == 0)
    g_assert_nonnull (strstr (run.err, "--table must be gaps, kano, kpis, links or votes"));
  if (strcmp (c->name, "alignment-misspelt") == 0)
    g_assert_nonnull (strstr (run.err, "alignment"));
  tp_test_run_clear (&run);

  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "");
  remove_dir (dir);
}

/* A file that is not a document: status 1, and an older table stays as it was. */
static void
test_bad_input (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *input = g_build_filename (dir, "broken.touchpoint", NULL);
  g_autofree char *path = g_build_filename (dir, "gaps.csv", NULL);
  g_autofree char *output = g_strconcat ("--export=", path, NULL);
  g_autofree char *contents = NULL;
  TpTestRun run = { 0, };

  g_assert_true (g_file_set_contents (input, "<touchpoint", -1, NULL));
  g_assert_true (g_file_set_contents (path, "old,table\r\n", -1, NULL));

  tp_test_run_touchpoint (&run, (const char *[]) { output, "--table=gaps", input, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, input));
  tp_test_run_clear (&run);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old,table\r\n");
  remove_dir (dir);
}

/* Nowhere to write: status 1, one line naming the output. */
static void
test_unwritable (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "missing", "folder", "kpis.csv", NULL);
  g_autofree char *output = g_strconcat ("--export=", path, NULL);
  TpTestRun run = { 0, };

  tp_test_run_touchpoint (&run, (const char *[]) { output, "--table=kpis", TP_EXAMPLE_PATH, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, path));
  g_assert_true (strchr (run.err, '\n') == run.err + strlen (run.err) - 1);
  tp_test_run_clear (&run);
  remove_dir (dir);
}

/* The extension in any case, like the image formats. */
static void
test_upper_case (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "KANO.CSV", NULL);
  g_autofree char *output = g_strconcat ("--export=", path, NULL);
  TpTestRun run = { 0, };

  tp_test_run_touchpoint (&run, (const char *[]) { output, "--table=kano", TP_EXAMPLE_PATH, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  tp_test_run_clear (&run);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/cli-tables/votes-ranking", test_votes_ranking);
  for (guint i = 0; i < G_N_ELEMENTS (table_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/touchpoint/cli-tables/%s", table_cases[i].table);

      g_test_add_data_func (path, &table_cases[i], test_table);
    }
  for (guint i = 0; i < G_N_ELEMENTS (usage_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/touchpoint/cli-tables/usage/%s", usage_cases[i].name);

      g_test_add_data_func (path, &usage_cases[i], test_usage);
    }
  g_test_add_func ("/touchpoint/cli-tables/bad-input", test_bad_input);
  g_test_add_func ("/touchpoint/cli-tables/unwritable", test_unwritable);
  g_test_add_func ("/touchpoint/cli-tables/upper-case", test_upper_case);

  return g_test_run ();
}
