/* test-alignment.c: the alignment matrix, its links table and its page
 *
 * The matrix and its gaps on a crafted document (tests/files/alignment.touchpoint: a
 * block with no link, a stage with no link, an unowned moment of truth, an unlinked note,
 * a touchpoint only the value chain supports); the links CSV against the document's links
 * on that document and on the example, parsed back by an RFC 4180 reader; the page's
 * geometry (no text over another, every link's cell hit) and its PDF read back with
 * pdftotext: every word of every row and column label is there.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "analysis/tp-alignment.h"
#include "analysis/tp-analysis-csv.h"
#include "io/tp-document-file.h"
#include "io/tp-loader.h"
#include "model/tp-enums.h"
#include "render/tp-alignment-page.h"
#include "render/tp-export.h"
#include "render/tp-text.h"

static TpDocument *
load_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TpDocument *document = tp_load_file (file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static TpDocument *
load_fixture (void)
{
  g_autofree char *path = g_build_filename (TP_SRCDIR, "tests", "files", "alignment.touchpoint",
                                            NULL);

  return load_path (path);
}

static TpDocument *
load_example (void)
{
  return load_path (TP_EXAMPLE_PATH);
}

static const char *
id_at (GPtrArray *items,
       guint      index)
{
  return ((TpItem *) g_ptr_array_index (items, index))->id;
}

/* The matrix */

static void
test_matrix (void)
{
  g_autoptr(TpDocument) document = load_fixture ();
  g_autoptr(TpAlignment) alignment = tp_alignment_new (document);
  static const char * const rows[] = { "n1", "n5", "n3", "n4" };
  static const char * const columns[] = { "t1", "t2", "t3" };
  static const TpContainer empty_blocks[] = {
    TP_CONTAINER_VALUE_PROPOSITIONS, TP_CONTAINER_CUSTOMER_RELATIONSHIPS,
    TP_CONTAINER_REVENUE_STREAMS, TP_CONTAINER_KEY_RESOURCES, TP_CONTAINER_KEY_ACTIVITIES,
    TP_CONTAINER_COST_STRUCTURE,
  };
  guint index;

  /* Rows: linked notes by block in BMC order, then the value chain's areas. */
  g_assert_cmpuint (alignment->rows->len, ==, G_N_ELEMENTS (rows));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_assert_cmpstr (id_at (alignment->rows, i), ==, rows[i]);
  g_assert_cmpuint (alignment->groups->len, ==, 4);
  g_assert_cmpint (g_array_index (alignment->groups, TpAlignmentGroup, 0).container, ==,
                   TP_CONTAINER_CUSTOMER_SEGMENTS);
  g_assert_cmpint (g_array_index (alignment->groups, TpAlignmentGroup, 3).container, ==,
                   TP_CONTAINER_OPERATIONS);
  g_assert_cmpuint (g_array_index (alignment->groups, TpAlignmentGroup, 3).first, ==, 3);

  /* Columns: linked touchpoints by stage, in journey order. */
  g_assert_cmpuint (alignment->columns->len, ==, G_N_ELEMENTS (columns));
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_assert_cmpstr (id_at (alignment->columns, i), ==, columns[i]);
  g_assert_cmpuint (alignment->bands->len, ==, 2);
  g_assert_cmpuint (g_array_index (alignment->bands, TpAlignmentBand, 0).n_columns, ==, 2);
  g_assert_cmpuint (g_array_index (alignment->bands, TpAlignmentBand, 1).stage_index, ==, 1);

  /* Cells: every link once, where its ends meet. */
  g_assert_cmpuint (alignment->cells->len, ==, 4);
  g_assert_cmpuint (tp_alignment_find_cells (alignment, 0, 0, &index, 1), ==, 1);
  g_assert_cmpstr (g_array_index (alignment->cells, TpAlignmentCell, index).link->item.id, ==, "l1");
  g_assert_cmpuint (tp_alignment_find_cells (alignment, 2, 1, &index, 1), ==, 1);
  g_assert_cmpstr (g_array_index (alignment->cells, TpAlignmentCell, index).link->item.id, ==, "l2");
  g_assert_cmpuint (tp_alignment_find_cells (alignment, 3, 2, &index, 1), ==, 1);
  g_assert_cmpuint (tp_alignment_find_cells (alignment, 1, 0, &index, 1), ==, 1);
  g_assert_cmpuint (tp_alignment_find_cells (alignment, 0, 1, &index, 1), ==, 0);

  /* Gaps. The canvas note without a link; the value-chain note has one anyway. */
  g_assert_cmpuint (alignment->unlinked_notes->len, ==, 1);
  g_assert_cmpstr (id_at (alignment->unlinked_notes, 0), ==, "n2");
  /* Linked from the value chain alone, and linked from nothing. */
  g_assert_cmpuint (alignment->unsupported_touchpoints->len, ==, 2);
  g_assert_cmpstr (id_at (alignment->unsupported_touchpoints, 0), ==, "t3");
  g_assert_cmpstr (id_at (alignment->unsupported_touchpoints, 1), ==, "t4");
  g_assert_cmpuint (alignment->empty_blocks->len, ==, G_N_ELEMENTS (empty_blocks));
  for (guint i = 0; i < G_N_ELEMENTS (empty_blocks); i++)
    g_assert_cmpint (g_array_index (alignment->empty_blocks, TpContainer, i), ==, empty_blocks[i]);
  g_assert_cmpuint (alignment->empty_stages->len, ==, 2);
  g_assert_cmpstr (id_at (alignment->empty_stages, 0), ==, "s3");
  g_assert_cmpstr (id_at (alignment->empty_stages, 1), ==, "s4");
  /* t3 is owned by the value chain; t4 by nothing. */
  g_assert_cmpuint (alignment->unowned_moments->len, ==, 1);
  g_assert_cmpstr (id_at (alignment->unowned_moments, 0), ==, "t4");
  g_assert_cmpuint (tp_alignment_count_gaps (alignment), ==, 1 + 2 + 6 + 2 + 1);
  g_assert_true (tp_alignment_has_links (document));
}

/* The matrix follows edits: a new link adds its row and column and closes gaps. */
static void
test_matrix_edit (void)
{
  g_autoptr(TpDocument) document = load_fixture ();
  g_autoptr(TpAlignment) before = tp_alignment_new (document);
  g_autoptr(TpAlignment) after = NULL;

  g_assert_nonnull (tp_document_add_link (document, "n2", "t4", "answers"));
  after = tp_alignment_new (document);
  g_assert_cmpuint (after->rows->len, ==, before->rows->len + 1);
  g_assert_cmpuint (after->columns->len, ==, before->columns->len + 1);
  g_assert_cmpuint (after->unlinked_notes->len, ==, 0);
  g_assert_cmpuint (after->unowned_moments->len, ==, 0);
  g_assert_cmpuint (after->empty_stages->len, ==, 1);
  g_assert_cmpuint (after->empty_blocks->len, ==, 5);
}

/* The links table */

/* An RFC 4180 reader: rows of fields, CRLF between rows, quotes doubled inside quotes.
 * Fails the test on anything else (a bare LF between rows, a stray quote). */
static GPtrArray *
parse_csv (GBytes *bytes)
{
  gsize size;
  const char *p = g_bytes_get_data (bytes, &size);
  const char *end = p + size;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (g_utf8_validate (p, size, NULL));
  while (p < end)
    {
      GString *field = g_string_new (NULL);

      if (*p == '"')
        {
          for (p++; ; p++)
            {
              g_assert_true (p < end);
              if (*p == '"' && p + 1 < end && p[1] == '"')
                g_string_append_c (field, *p++);
              else if (*p == '"')
                break;
              else
                g_string_append_c (field, *p);
            }
          p++;
        }
      else
        {
          for (; p < end && *p != ',' && *p != '\r'; p++)
            {
              g_assert_true (*p != '"' && *p != '\n');
              g_string_append_c (field, *p);
            }
        }
      g_ptr_array_add (row, g_string_free (field, FALSE));
      g_assert_true (p < end);
      if (*p == ',')
        {
          p++;
          continue;
        }
      g_assert_true (p + 1 < end && p[0] == '\r' && p[1] == '\n');
      p += 2;
      g_ptr_array_add (row, NULL);
      g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
    }
  return rows;
}

/* What a text cell must read: the text, with a quote before a formula's first sign. */
static char *
expected_text (const char *text)
{
  if (text == NULL)
    text = "";
  if (text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL)
    return g_strconcat ("'", text, NULL);
  return g_strdup (text);
}

static void
check_links_csv (TpDocument *document)
{
  g_autoptr(GBytes) bytes = tp_analysis_csv_write (document, TP_TABLE_LINKS);
  g_autoptr(GPtrArray) rows = parse_csv (bytes);
  GPtrArray *links = tp_document_get_links (document);
  static const char * const header[] = { "note", "block", "touchpoint", "stage", "label",
                                         "note_votes", "touchpoint_votes", NULL };

  g_assert_cmpuint (rows->len, ==, links->len + 1);
  g_assert_cmpstrv ((char **) g_ptr_array_index (rows, 0), header);
  for (guint i = 0; i < links->len; i++)
    {
      const TpLink *link = g_ptr_array_index (links, i);
      const TpNote *note = tp_document_lookup_kind (document, link->note, TP_ITEM_NOTE);
      const TpTouchpoint *tp = tp_document_lookup_kind (document, link->touchpoint,
                                                        TP_ITEM_TOUCHPOINT);
      const TpStage *stage = tp_document_lookup_kind (document, tp->stage, TP_ITEM_STAGE);
      char **row = g_ptr_array_index (rows, i + 1);
      g_autofree char *note_text = expected_text (note->text);
      g_autofree char *tp_name = expected_text (tp->name);
      g_autofree char *stage_name = expected_text (stage->name);
      g_autofree char *label = expected_text (link->label);

      g_autofree char *note_votes = g_strdup_printf ("%u", note->votes);
      g_autofree char *tp_votes = g_strdup_printf ("%u", tp->votes);

      g_assert_cmpuint (g_strv_length (row), ==, 7);
      g_assert_cmpstr (row[0], ==, note_text);
      g_assert_cmpstr (row[1], ==, tp_enum_to_nick (TP_ENUM_CONTAINER, note->container));
      g_assert_cmpstr (row[2], ==, tp_name);
      g_assert_cmpstr (row[3], ==, stage_name);
      g_assert_cmpstr (row[4], ==, label);
      g_assert_cmpstr (row[5], ==, note_votes);
      g_assert_cmpstr (row[6], ==, tp_votes);
    }
}

static void
test_csv_example (void)
{
  g_autoptr(TpDocument) document = load_example ();
  TpTable table;

  g_assert_true (tp_table_from_string ("links", &table));
  g_assert_cmpint (table, ==, TP_TABLE_LINKS);
  g_assert_cmpuint (tp_document_get_links (document)->len, ==, 20);
  check_links_csv (document);
}

static void
test_csv_crafted (void)
{
  g_autoptr(TpDocument) document = load_fixture ();
  g_autoptr(GBytes) bytes = tp_analysis_csv_write (document, TP_TABLE_LINKS);
  const char *text = g_bytes_get_data (bytes, NULL);

  check_links_csv (document);

  /* The bytes themselves: quotes doubled, a line break kept inside quotes, formulas
   * defused with a leading quote. */
  g_assert_nonnull (strstr (text, "\"Commuters who say \"\"soon\"\", often\",customer-segments,"));
  g_assert_nonnull (strstr (text, "\"Partner, with a comma\nand a second line\",key-partners,"));
  g_assert_nonnull (strstr (text, ",\"says \"\"ask us\"\"\",0,0\r\n"));
  g_assert_nonnull (strstr (text, "\r\n'=SUM(A1:A9) formula-looking note,channels,"));
  g_assert_nonnull (strstr (text, ",Receive,'-packs it,0,0\r\n"));
  g_assert_true (g_str_has_prefix (text, "note,block,touchpoint,stage,label,note_votes,touchpoint_votes\r\n"));
}

/* OWASP's rule, every leading character of it: "=", "+", "-", "@", tab and carriage
 * return get a quote before them; the same characters further in, and figures, do not. */
static void
test_csv_formula_owasp (void)
{
  static const struct {
    const char *name;
    const char *cell;
  } cases[] = {
    { "=1+2", "'=1+2" },
    { "+1", "'+1" },
    { "-2+3", "'-2+3" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "\t=1", "'\t=1" },
    { "\r=1", "'\r=1" },
    { "a=1+2", "a=1+2" },
    { " =1", " =1" },
    { "Call us", "Call us" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(TpDocument) document = load_fixture ();
      g_autoptr(GBytes) gaps = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      TpTouchpoint *copy = (TpTouchpoint *) tp_document_edit_begin (document, "t4");
      gboolean found = FALSE;

      g_free (copy->name);
      copy->name = g_strdup (cases[c].name);
      copy->experience = 5;
      copy->expectation = 3;
      tp_document_edit_commit (document, (TpItem *) copy, "Rename", FALSE);

      gaps = tp_analysis_csv_write (document, TP_TABLE_GAPS);
      rows = parse_csv (gaps);
      for (guint i = 1; i < rows->len && !found; i++)
        {
          char **row = g_ptr_array_index (rows, i);

          if (g_strcmp0 (row[0], cases[c].cell) == 0)
            {
              /* The gap, expectation − experience, stays a number. */
              g_assert_cmpstr (row[4], ==, "-2");
              found = TRUE;
            }
        }
      g_assert_true (found);
    }
}

/* The guard is the shared text writer's: every table has it, and figures keep their
 * sign (a gap of −2 stays the number -2). */
static void
test_csv_formula_guard (void)
{
  g_autoptr(TpDocument) document = load_fixture ();
  g_autoptr(GBytes) gaps = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  TpTouchpoint *copy = (TpTouchpoint *) tp_document_edit_begin (document, "t4");

  g_free (copy->name);
  copy->name = g_strdup ("@call us");
  copy->experience = 5;
  copy->expectation = 3;
  tp_document_edit_commit (document, (TpItem *) copy, "Rename", FALSE);

  gaps = tp_analysis_csv_write (document, TP_TABLE_GAPS);
  rows = parse_csv (gaps);
  for (guint i = 1; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row[0], "'@call us") == 0)
        {
          g_assert_cmpstr (row[4], ==, "-2");
          return;
        }
    }
  g_assert_not_reached ();
}

/* The page */

static TpAnalysisLayout *
lay_out (TpDocument *document,
         double      width)
{
  PangoContext *context = tp_text_context_new ();
  TpAnalysisLayout *layout = tp_analysis_layout_new (context, tp_theme_get_default ());

  g_object_unref (context);
  tp_alignment_layout_update (layout, document, width);
  return layout;
}

static void
check_layout (TpDocument *document,
              double      width)
{
  g_autoptr(TpAnalysisLayout) layout = lay_out (document, width);
  g_autoptr(TpAlignment) alignment = tp_alignment_new (document);
  guint n = tp_analysis_layout_get_n_texts (layout);
  double page_width, page_height;

  tp_analysis_layout_get_size (layout, &page_width, &page_height);
  g_assert_cmpfloat (page_width, >=, width);

  /* Every text on the page, none over another. */
  for (guint i = 0; i < n; i++)
    {
      TpRect a;
      const char *text = tp_analysis_layout_get_text (layout, i, &a);

      g_assert_cmpfloat (a.x, >=, 0);
      g_assert_cmpfloat (a.y, >=, 0);
      g_assert_cmpfloat (a.x + a.width, <=, page_width + 0.5);
      g_assert_cmpfloat (a.y + a.height, <=, page_height + 0.5);
      for (guint j = i + 1; j < n; j++)
        {
          TpRect b;
          double overlap_x, overlap_y;

          tp_analysis_layout_get_text (layout, j, &b);
          overlap_x = MIN (a.x + a.width, b.x + b.width) - MAX (a.x, b.x);
          overlap_y = MIN (a.y + a.height, b.y + b.height) - MAX (a.y, b.y);
          if (overlap_x > 0.5 && overlap_y > 0.5)
            g_error ("“%s” (%g, %g) overlaps “%s” (%g, %g)", text, a.x, a.y,
                     tp_analysis_layout_get_text (layout, j, NULL), b.x, b.y);
        }
    }

  /* Every link has its cell, and the cell's middle hits the link. */
  for (guint i = 0; i < alignment->cells->len; i++)
    {
      const TpLink *link = g_array_index (alignment->cells, TpAlignmentCell, i).link;
      TpRect cell;

      g_assert_true (tp_alignment_layout_get_cell (layout, link->item.id, &cell));
      g_assert_cmpstr (tp_analysis_hit_item (layout, cell.x + cell.width / 2,
                                             cell.y + cell.height / 2, NULL), ==, link->item.id);
    }
  /* Every row's note label hits its note (a touchpoint may bear the same words). */
  for (guint r = 0; r < alignment->rows->len; r++)
    {
      const TpNote *note = g_ptr_array_index (alignment->rows, r);
      gboolean found = FALSE;

      for (guint i = 0; i < n && !found; i++)
        {
          TpRect rect;
          const char *text = tp_analysis_layout_get_text (layout, i, &rect);

          found = strcmp (text, note->text) == 0 &&
                  g_strcmp0 (tp_analysis_hit_item (layout, rect.x + 2, rect.y + 2, NULL),
                             note->item.id) == 0;
        }
      g_assert_true (found);
    }
}

static void
test_page_geometry (void)
{
  g_autoptr(TpDocument) example = load_example ();
  g_autoptr(TpDocument) fixture = load_fixture ();

  check_layout (example, 1500);
  check_layout (example, 640);
  check_layout (fixture, 1100);
}

/* pdftotext of a PDF (page 0: all of it), with all runs of white space as one space. */
static char *
pdf_text_page (GBytes *pdf,
               guint   page)
{
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *number = g_strdup_printf ("%u", page);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  int fd = g_file_open_tmp ("tp-alignment-XXXXXX.pdf", &path, &error);
  int status = 0;

  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                      &error));
  g_ptr_array_add (argv, (gpointer) "pdftotext");
  g_ptr_array_add (argv, (gpointer) "-enc");
  g_ptr_array_add (argv, (gpointer) "UTF-8");
  if (page > 0)
    {
      g_ptr_array_add (argv, (gpointer) "-f");
      g_ptr_array_add (argv, number);
      g_ptr_array_add (argv, (gpointer) "-l");
      g_ptr_array_add (argv, number);
    }
  g_ptr_array_add (argv, path);
  g_ptr_array_add (argv, (gpointer) "-");
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (path);
  return g_regex_replace_literal (space, out, -1, 0, " ", 0, NULL);
}

static char *
pdf_text (GBytes *pdf)
{
  return pdf_text_page (pdf, 0);
}

static void
assert_words (const char *haystack,
              const char *text)
{
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", text, 0, 0);
  g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *packed = g_regex_replace_literal (space, haystack, -1, 0, "", 0, NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && strstr (packed, words[i]) == NULL)
      g_error ("“%s” of “%s” is not in the PDF", words[i], text);
}

static void
check_pdf (TpDocument *document,
           TpPageSize  size)
{
  g_autoptr(TpAlignment) alignment = tp_alignment_new (document);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  TpExportOptions options;

  tp_export_options_init (&options);
  options.page = TP_EXPORT_PAGE_ALIGNMENT;
  options.size = size;
  pdf = tp_export_render (document, &options, NULL, &error);
  g_assert_no_error (error);
  text = pdf_text (pdf);

  g_assert_nonnull (strstr (text, "Alignment"));
  g_assert_null (strstr (text, "…"));
  for (guint i = 0; i < alignment->rows->len; i++)
    assert_words (text, ((TpNote *) g_ptr_array_index (alignment->rows, i))->text);
  for (guint i = 0; i < alignment->groups->len; i++)
    assert_words (text, tp_enum_get_label (TP_ENUM_CONTAINER,
                                           g_array_index (alignment->groups, TpAlignmentGroup,
                                                          i).container));
  for (guint i = 0; i < alignment->columns->len; i++)
    assert_words (text, ((TpTouchpoint *) g_ptr_array_index (alignment->columns, i))->name);
  for (guint i = 0; i < alignment->bands->len; i++)
    assert_words (text, g_array_index (alignment->bands, TpAlignmentBand, i).stage->name);
  for (guint i = 0; i < alignment->cells->len; i++)
    assert_words (text, g_array_index (alignment->cells, TpAlignmentCell, i).link->label);
  for (guint i = 0; i < alignment->unlinked_notes->len; i++)
    assert_words (text, ((TpNote *) g_ptr_array_index (alignment->unlinked_notes, i))->text);
  for (guint i = 0; i < alignment->unsupported_touchpoints->len; i++)
    assert_words (text, ((TpTouchpoint *) g_ptr_array_index (alignment->unsupported_touchpoints,
                                                             i))->name);
}

static void
test_page_pdf (void)
{
  g_autoptr(TpDocument) example = load_example ();
  g_autoptr(TpDocument) fixture = load_fixture ();
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  for (TpPageSize size = TP_PAGE_SIZE_FIT; size <= TP_PAGE_SIZE_LETTER; size++)
    check_pdf (example, size);
  check_pdf (fixture, TP_PAGE_SIZE_SLIDE);
}

/* On a slide the example's matrix is too tall for the page's scale: it continues on a
 * further sheet, which starts with the stages and touchpoints again, and every sheet
 * keeps the page's scale (no sheet shrinks its text to squeeze a matrix in). */
static void
test_page_sheets (void)
{
  g_autoptr(TpDocument) example = load_example ();
  g_autoptr(TpLayout) layout = tp_layout_new ();
  g_autoptr(GArray) pages = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *second = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  TpExportOptions options;
  double width, height;
  guint n_parts;

  tp_export_options_init (&options);
  options.page = TP_EXPORT_PAGE_ALIGNMENT;
  tp_layout_update (layout, example);
  pages = tp_export_list_pages (layout, example, &options);
  g_assert_cmpuint (pages->len, ==, 1);
  tp_export_get_page_size (layout, &options, TP_EXPORT_PAGE_ALIGNMENT, &width, &height);
  n_parts = tp_export_count_parts (layout, &options, TP_EXPORT_PAGE_ALIGNMENT, width, height);
  g_assert_cmpuint (n_parts, >=, 2);

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  pdf = tp_export_render (example, &options, NULL, &error);
  g_assert_no_error (error);
  second = pdf_text_page (pdf, 2);
  g_assert_nonnull (strstr (second, "Awareness"));
  g_assert_nonnull (strstr (second, "Social video ad"));
  g_assert_nonnull (strstr (second, "Alignment (2/"));
}

/* A word's sheet and box: sheet, xMin, yMin, xMax, yMax. */
typedef struct
{
  double v[5];
} WordBox;

/* pdftotext -bbox: every word's box on every sheet of the example's slide PDF, none over
 * another (the repeated column headers included). */
static void
test_page_bbox (void)
{
  g_autoptr(TpDocument) example = load_example ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GRegex) word = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (WordBox));
  TpExportOptions options;
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", NULL, "-", NULL };
  guint page = 0, n_words = 0;
  int status = 0, fd;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }
  tp_export_options_init (&options);
  options.page = TP_EXPORT_PAGE_ALIGNMENT;
  pdf = tp_export_render (example, &options, NULL, &error);
  g_assert_no_error (error);
  fd = g_file_open_tmp ("tp-alignment-XXXXXX.pdf", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                      &error));
  argv[4] = path;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status,
                               &error));
  g_assert_no_error (error);
  g_unlink (path);

  /* <page …> starts a sheet; each <word xMin= yMin= xMax= yMax=> is a box on it. */
  word = g_regex_new ("<page |<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" "
                      "xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">", 0, 0, NULL);
  g_regex_match (word, out, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *whole = g_match_info_fetch (match, 0);
      WordBox box;

      if (g_str_has_prefix (whole, "<page"))
        {
          page++;
          continue;
        }
      box.v[0] = page;
      for (guint i = 0; i < 4; i++)
        {
          g_autofree char *number = g_match_info_fetch (match, i + 1);

          box.v[i + 1] = g_ascii_strtod (number, NULL);
        }
      g_array_append_val (boxes, box);
    }
  g_assert_cmpuint (page, >=, 2);
  for (guint i = 0; i < boxes->len; i++)
    {
      const double *a = g_array_index (boxes, WordBox, i).v;

      n_words++;
      for (guint j = i + 1; j < boxes->len; j++)
        {
          const double *b = g_array_index (boxes, WordBox, j).v;
          double x = MIN (a[3], b[3]) - MAX (a[1], b[1]);
          double y = MIN (a[4], b[4]) - MAX (a[2], b[2]);

          if (a[0] != b[0])
            break;
          if (x > 0.5 && y > 0.5)
            g_error ("two words overlap on sheet %g at (%g, %g) and (%g, %g)", a[0], a[1], a[2],
                     b[1], b[2]);
        }
    }
  g_assert_cmpuint (n_words, >, 200);
}

/* The page is in a PDF of every page only when there are links: after the board,
 * before the analysis. */
static void
test_page_list (void)
{
  g_autoptr(TpDocument) example = load_example ();
  g_autoptr(TpDocument) bare = tp_document_new_default ();
  g_autoptr(TpLayout) layout = tp_layout_new ();
  g_autoptr(GArray) pages = NULL;
  TpExportOptions options;
  TpExportPage page;
  gboolean seen = FALSE;

  g_assert_true (tp_export_page_from_string ("alignment", &page));
  g_assert_cmpint (page, ==, TP_EXPORT_PAGE_ALIGNMENT);
  g_assert_cmpstr (tp_export_page_to_string (page), ==, "alignment");
  g_assert_cmpstr (tp_export_page_get_label (page), ==, "Alignment");

  tp_export_options_init (&options);
  tp_layout_update (layout, example);
  pages = tp_export_list_pages (layout, example, &options);
  for (guint i = 0; i < pages->len; i++)
    if (g_array_index (pages, TpExportPage, i) == TP_EXPORT_PAGE_ALIGNMENT)
      {
        g_assert_cmpint (g_array_index (pages, TpExportPage, i - 1), ==, TP_EXPORT_PAGE_BOARD);
        g_assert_cmpint (g_array_index (pages, TpExportPage, i + 1), ==, TP_EXPORT_PAGE_ANALYSIS);
        seen = TRUE;
      }
  g_assert_true (seen);

  g_clear_pointer (&pages, g_array_unref);
  tp_layout_update (layout, bare);
  pages = tp_export_list_pages (layout, bare, &options);
  for (guint i = 0; i < pages->len; i++)
    g_assert_cmpint (g_array_index (pages, TpExportPage, i), !=, TP_EXPORT_PAGE_ALIGNMENT);
  g_assert_false (tp_alignment_has_links (bare));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/alignment/matrix", test_matrix);
  g_test_add_func ("/touchpoint/alignment/matrix-edit", test_matrix_edit);
  g_test_add_func ("/touchpoint/alignment/csv-example", test_csv_example);
  g_test_add_func ("/touchpoint/alignment/csv-crafted", test_csv_crafted);
  g_test_add_func ("/touchpoint/alignment/csv-formula-guard", test_csv_formula_guard);
  g_test_add_func ("/touchpoint/alignment/csv-formula-owasp", test_csv_formula_owasp);
  g_test_add_func ("/touchpoint/alignment/page-geometry", test_page_geometry);
  g_test_add_func ("/touchpoint/alignment/page-pdf", test_page_pdf);
  g_test_add_func ("/touchpoint/alignment/page-sheets", test_page_sheets);
  g_test_add_func ("/touchpoint/alignment/page-bbox", test_page_bbox);
  g_test_add_func ("/touchpoint/alignment/page-list", test_page_list);

  return g_test_run ();
}
