/* test-export.c: PDF, PNG and SVG exports, read back with the tools a user has
 *
 * Most cases run the real `touchpoint --export` with no display in its environment, as a
 * script would, and read what it wrote with poppler's pdfinfo and pdftotext, cairo's PNG
 * reader, xmllint and rsvg-convert (each check is skipped where its tool is missing).
 * The expected sizes come from a layout of the same document in this process: the
 * command line and the tests measure with the same fonts. Every export goes into a
 * folder of its own, which must hold that file and nothing else afterwards (no temporary
 * file left behind). A few cases call tp_export_render() directly.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <gio/gio.h>

#include "io/tp-document-file.h"
#include "io/tp-loader.h"
#include "tp-test-tools.h"
#include "model/tp-document.h"
#include "model/tp-note.h"
#include "model/tp-stage.h"
#include "model/tp-touchpoint.h"
#include "render/tp-export.h"
#include "render/tp-layout.h"

#define PT_PER_PX 0.75

static char *tmp_root;   /* every export of this run goes under it */

/* Helpers */

/* Runs touchpoint with args and expects success: status 0, nothing on stderr. */
static void
export_ok (const char * const *args)
{
  TpTestRun run = { 0, };

  tp_test_run_touchpoint (&run, args);
  if (run.status != 0)
    g_error ("touchpoint %s … exited %d: %s", args[0], run.status, run.err);
  g_assert_cmpstr (run.err, ==, "");
  tp_test_run_clear (&run);
}

/* A new empty folder under the run's temporary folder. */
static char *
make_dir (const char *name)
{
  char *dir = g_build_filename (tmp_root, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in dir, sorted, joined by spaces: "a.pdf b.png". */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
remove_tree (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_unlink (path);
    }
}

/* The text with every white-space character left out: text wraps differently in a PDF
 * (a line may break after "18–" with no space in the source), so texts are compared
 * without their spaces. */
static char *
strip_space (const char *text)
{
  GString *out = g_string_new (NULL);

  /* Hyphens go too: pdftotext joins a word broken after its hyphen at a line's end
   * ("no-" / "questions") into one without it. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != '-')
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static TpDocument *
load_string (const char *xml)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));
  g_autoptr(GError) error = NULL;
  TpDocument *document = tp_load_bytes (bytes, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static TpLayout *
layout_document (TpDocument *document)
{
  TpLayout *layout = tp_layout_new ();

  /* As every export lays the document out: every word whole. */
  tp_layout_set_full_text (layout, TRUE);
  tp_layout_update (layout, document);
  /* Pages ask the document their legend's height, as exports do once they list them. */
  {
    TpExportOptions options;

    tp_export_options_init (&options);
    g_array_unref (tp_export_list_pages (layout, document, &options));
  }
  return layout;
}

/* The natural size of a page of the example (fit to content), in CSS pixels. */
static void
natural_size (TpLayout     *layout,
              TpExportPage  page,
              double       *width,
              double       *height)
{
  TpExportOptions options;

  tp_export_options_init (&options);
  options.size = TP_PAGE_SIZE_FIT;
  options.page = page;
  tp_export_get_page_size (layout, &options, page, width, height);
}

/* The sheets an export of document makes: one per page, or per part of a long journey
 * cut into parts (PDF only), each with its size in points. */
typedef struct
{
  TpExportPage page;
  double       width;    /* points */
  double       height;
} Sheet;

static GArray *
list_sheets (TpDocument     *document,
             TpExportFormat  format,
             TpExportPage    page,
             TpPageSize      size)
{
  TpLayout *layout = layout_document (document);
  GArray *sheets = g_array_new (FALSE, FALSE, sizeof (Sheet));
  g_autoptr(GArray) pages = NULL;
  TpExportOptions options;

  tp_export_options_init (&options);
  options.format = format;
  options.page = page;
  options.size = size;
  pages = tp_export_list_pages (layout, document, &options);
  for (guint i = 0; i < pages->len; i++)
    {
      Sheet sheet = { g_array_index (pages, TpExportPage, i), 0, 0 };
      guint n;

      tp_export_get_page_size (layout, &options, sheet.page, &sheet.width, &sheet.height);
      n = format == TP_EXPORT_FORMAT_PDF
          ? tp_export_count_parts (layout, &options, sheet.page, sheet.width, sheet.height) : 1;
      sheet.width *= tp_export_get_points_per_pixel (&options);
      sheet.height *= tp_export_get_points_per_pixel (&options);
      for (guint j = 0; j < n; j++)
        g_array_append_val (sheets, sheet);
    }
  tp_layout_free (layout);
  return sheets;
}

/* pdfinfo's "Key:   value" for key, or NULL. */
static char *
pdfinfo_field (const char *info,
               const char *key)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  g_autofree char *prefix = g_strconcat (key, ":", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strdup (g_strstrip (lines[i] + strlen (prefix)));
  return NULL;
}

/* Page sizes in points from `pdfinfo -f 1 -l N`: "Page    2 size: 960 x 540 pts". */
static GArray *
pdf_page_sizes (const char *path)
{
  const char *argv[] = { "pdfinfo", "-f", "1", "-l", "1000", path, NULL };
  g_autofree char *info = tp_test_run_tool (argv);
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  GArray *sizes = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *size;
      char *end;
      double w, h;

      if (!g_str_has_prefix (lines[i], "Page ") || (size = strstr (lines[i], "size:")) == NULL)
        continue;
      w = g_ascii_strtod (size + strlen ("size:"), &end);
      g_assert_true (g_str_has_prefix (end, " x "));
      h = g_ascii_strtod (end + 3, &end);
      g_assert_true (g_str_has_prefix (end, " pts"));
      g_array_append_val (sizes, w);
      g_array_append_val (sizes, h);
    }
  return sizes;
}

/* Exports the example with args into a folder of its own and checks the run: status 0,
 * and the folder holds the one file. Returns the file's path. */
static char *
export_example (const char         *dir_name,
                const char         *file_name,
                const char * const *options)
{
  g_autofree char *dir = make_dir (dir_name);
  g_autofree char *arg = NULL;
  g_autofree char *listing = NULL;
  char *path = g_build_filename (dir, file_name, NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  arg = g_strconcat ("--export=", path, NULL);
  g_ptr_array_add (args, arg);
  for (guint i = 0; options != NULL && options[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) options[i]);
  g_ptr_array_add (args, (gpointer) TP_EXAMPLE_PATH);
  g_ptr_array_add (args, NULL);
  export_ok ((const char * const *) args->pdata);

  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, file_name);
  return path;
}

/* Every format and page from the command line */

typedef struct
{
  const char     *format;
  const char     *page;
  guint           n_pages;   /* PDF: regions (the journey, in parts, counts for at least
                              * two: it is too long for one slide) */
  TpExportPage    natural;   /* PNG and SVG: the page whose natural size it has */
} FormatCase;

static const FormatCase format_cases[] = {
  { "pdf", "all", 4, 0 },
  { "pdf", "canvas", 1, 0 },
  { "pdf", "journey", 2, 0 },
  { "pdf", "value-chain", 1, 0 },
  { "pdf", "board", 1, 0 },
  { "pdf", NULL, 4, 0 },                     /* the default: all */
  { "png", "board", 0, TP_EXPORT_PAGE_BOARD },
  { "png", "canvas", 0, TP_EXPORT_PAGE_CANVAS },
  { "png", "journey", 0, TP_EXPORT_PAGE_JOURNEY },
  { "png", "value-chain", 0, TP_EXPORT_PAGE_VALUE_CHAIN },
  { "png", NULL, 0, TP_EXPORT_PAGE_BOARD },  /* the default: board */
  { "png", "all", 0, TP_EXPORT_PAGE_BOARD }, /* all is the board for an image */
  { "svg", "board", 0, TP_EXPORT_PAGE_BOARD },
  { "svg", "canvas", 0, TP_EXPORT_PAGE_CANVAS },
  { "svg", "journey", 0, TP_EXPORT_PAGE_JOURNEY },
  { "svg", "value-chain", 0, TP_EXPORT_PAGE_VALUE_CHAIN },
  { "svg", NULL, 0, TP_EXPORT_PAGE_BOARD },
};

static void
test_cli_format (gconstpointer data)
{
  const FormatCase *c = data;
  g_autofree char *dir_name = g_strdup_printf ("format-%s-%s", c->format, c->page ? c->page : "default");
  g_autofree char *file_name = g_strdup_printf ("out.%s", c->format);
  g_autofree char *page_arg = c->page ? g_strconcat ("--page=", c->page, NULL) : NULL;
  const char *options[] = { page_arg, NULL };
  g_autofree char *path = export_example (dir_name, file_name, options);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);

  if (g_str_equal (c->format, "pdf"))
    {
      g_autoptr(TpDocument) document = tp_test_load_path (TP_EXAMPLE_PATH);
      g_autoptr(GArray) sizes = NULL;
      g_autoptr(GArray) sheets = NULL;
      TpExportPage page = TP_EXPORT_PAGE_ALL;

      g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      g_assert_true (c->page == NULL || tp_export_page_from_string (c->page, &page));
      sheets = list_sheets (document, TP_EXPORT_FORMAT_PDF, page, TP_PAGE_SIZE_SLIDE);
      /* A page per region, the journey's cut into parts, then the board. */
      if (page == TP_EXPORT_PAGE_JOURNEY)
        g_assert_cmpuint (sheets->len, >=, c->n_pages);
      else if (page == TP_EXPORT_PAGE_ALL)
        g_assert_cmpuint (sheets->len, >=, c->n_pages + 1);
      else
        g_assert_cmpuint (sheets->len, ==, c->n_pages);
      if (!tp_test_have_tool ("pdfinfo"))
        return;
      g_assert_cmpuint (tp_test_pdf_n_pages (path), ==, sheets->len);
      /* Every page a 16:9 slide: 1920 × 1080 px as 13.33 × 7.5 in = 960 × 540 pt. */
      sizes = pdf_page_sizes (path);
      g_assert_cmpuint (sizes->len, ==, 2 * sheets->len);
      for (guint i = 0; i < sizes->len; i += 2)
        {
          g_assert_cmpfloat_with_epsilon (g_array_index (sizes, double, i), 960, 0.01);
          g_assert_cmpfloat_with_epsilon (g_array_index (sizes, double, i + 1), 540, 0.01);
        }
    }
  else if (g_str_equal (c->format, "png"))
    {
      g_autoptr(TpDocument) document = tp_test_load_path (TP_EXAMPLE_PATH);
      TpLayout *layout = layout_document (document);
      cairo_surface_t *image;
      double width, height;

      g_assert_true (memcmp (contents, "\x89PNG\r\n\x1a\n", 8) == 0);
      natural_size (layout, c->natural, &width, &height);
      image = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (image), ==, (int) ceil (width));
      g_assert_cmpint (cairo_image_surface_get_height (image), ==, (int) ceil (height));
      cairo_surface_destroy (image);
      tp_layout_free (layout);
    }
  else
    {
      g_autoptr(TpDocument) document = tp_test_load_path (TP_EXAMPLE_PATH);
      TpLayout *layout = layout_document (document);
      g_autofree char *size = NULL;
      double width, height;

      g_assert_nonnull (strstr (contents, "<svg"));
      /* Its size in points, as a slide editor would place it. */
      natural_size (layout, c->natural, &width, &height);
      size = g_strdup_printf ("width=\"%gpt\" height=\"%gpt\"", width * PT_PER_PX, height * PT_PER_PX);
      if (strstr (contents, size) == NULL)
        g_error ("the SVG does not say %s", size);
      tp_layout_free (layout);
      if (tp_test_have_tool ("xmllint"))
        {
          const char *argv[] = { "xmllint", "--noout", "--nonet", path, NULL };
          g_autofree char *out = tp_test_run_tool (argv);
        }
    }
}

/* PDF */

typedef struct
{
  const char *size;
  const char *page;
  double      width;    /* points; 0: the natural size of page × 0.75 */
  double      height;
} PdfSizeCase;

static const PdfSizeCase pdf_size_cases[] = {
  { "slide", "canvas", 960, 540 },
  { "a4", "canvas", 841.89, 595.28 },
  { "A4", "board", 841.89, 595.28 },  /* sizes are case-insensitive */
  { "a4", "journey", 841.89, 595.28 },
  { "a3", "journey", 1190.55, 841.89 },
  { "a3", "all", 1190.55, 841.89 },
  { "letter", "value-chain", 792, 612 },
  { "fit", "canvas", 0, 0 },
  { "fit", "journey", 0, 0 },
  { "fit", "board", 0, 0 },
  { "fit", "all", 0, 0 },             /* each page its own size */
};

static void
test_pdf_size (gconstpointer data)
{
  const PdfSizeCase *c = data;
  g_autofree char *dir_name = g_strdup_printf ("pdf-size-%s-%s", c->size, c->page);
  g_autofree char *size_arg = g_strconcat ("--size=", c->size, NULL);
  g_autofree char *page_arg = g_strconcat ("--page=", c->page, NULL);
  const char *options[] = { size_arg, page_arg, NULL };
  g_autofree char *path = export_example (dir_name, "out.pdf", options);
  g_autoptr(TpDocument) document = tp_test_load_path (TP_EXAMPLE_PATH);
  g_autoptr(GArray) sheets = NULL;
  g_autoptr(GArray) sizes = NULL;
  TpExportPage page;
  TpPageSize size;

  g_assert_true (tp_export_page_from_string (c->page, &page));
  g_assert_true (tp_page_size_from_string (c->size, &size));
  sheets = list_sheets (document, TP_EXPORT_FORMAT_PDF, page, size);
  g_assert_cmpuint (sheets->len, >=, 1);
  for (guint i = 0; i < sheets->len; i++)
    {
      const Sheet *sheet = &g_array_index (sheets, Sheet, i);

      if (c->width > 0)
        {
          /* The preset, in points. */
          g_assert_cmpfloat_with_epsilon (sheet->width, c->width, 0.01);
          g_assert_cmpfloat_with_epsilon (sheet->height, c->height, 0.01);
        }
      else if (sheet->page > TP_EXPORT_PAGE_BOARD)
        {
          /* Not a region of the board (the analysis): its size is its own business. */
          g_test_message ("sheet %u (page %d) is %g × %g pt", i + 1, sheet->page,
                          sheet->width, sheet->height);
        }
      else
        {
          double width, height;
          TpLayout *layout = layout_document (document);

          /* Fit: the page's natural size; the journey is never cut into parts then. Only
           * a page that shows links keeps footers for their badges, as the export does. */
          tp_layout_set_link_footers (layout, sheet->page == TP_EXPORT_PAGE_BOARD);
          tp_layout_update (layout, document);
          natural_size (layout, sheet->page, &width, &height);
          tp_layout_free (layout);
          g_assert_cmpfloat_with_epsilon (sheet->width, width * PT_PER_PX, 0.01);
          g_assert_cmpfloat_with_epsilon (sheet->height, height * PT_PER_PX, 0.01);
          if (i > 0 && sheet->page == TP_EXPORT_PAGE_JOURNEY)
            g_assert_cmpint (g_array_index (sheets, Sheet, i - 1).page, !=, TP_EXPORT_PAGE_JOURNEY);
        }
    }

  if (!tp_test_have_tool ("pdfinfo"))
    return;
  sizes = pdf_page_sizes (path);
  g_assert_cmpuint (sizes->len, ==, 2 * sheets->len);
  for (guint i = 0; i < sheets->len; i++)
    {
      const Sheet *sheet = &g_array_index (sheets, Sheet, i);

      /* pdfinfo rounds to two or three decimals. */
      g_assert_cmpfloat_with_epsilon (g_array_index (sizes, double, 2 * i), sheet->width, 0.01);
      g_assert_cmpfloat_with_epsilon (g_array_index (sizes, double, 2 * i + 1), sheet->height, 0.01);
    }
}

static void
test_pdf_metadata (void)
{
  g_autofree char *path = export_example ("pdf-metadata", "out.pdf", NULL);
  const char *argv[] = { "pdfinfo", "-enc", "UTF-8", path, NULL };
  g_autofree char *info = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *creator = NULL;

  if (!tp_test_have_tool ("pdfinfo"))
    return;
  info = tp_test_run_tool (argv);
  title = pdfinfo_field (info, "Title");
  author = pdfinfo_field (info, "Author");
  subject = pdfinfo_field (info, "Subject");
  creator = pdfinfo_field (info, "Creator");
  g_assert_cmpstr (title, ==, "Volt — online electronics shop");
  g_assert_cmpstr (author, ==, "Jana Novak");
  g_assert_cmpstr (subject, ==, "Volt Electronics");
  g_assert_cmpstr (creator, ==, "Touchpoint " PACKAGE_VERSION);
}

/* Unicode noncharacters are valid UTF-8 for GLib and XML, so the model holds them, but
 * cairo's own check refused a PDF whose title held U+FDD0 ("input string not valid
 * UTF-8"). Every format exports, and the PDF's metadata shows U+FFFD in their place. */
static void
test_noncharacters (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<touchpoint xmlns=\"https://touchpoint.github.io/ns/1\" version=\"1.0\">\n"
    "  <meta>\n"
    "    <title>Title \xEF\xB7\x90 one</title>\n"
    "    <organisation>\xEF\xB7\xAFOrg</organisation>\n"
    "    <facilitator>Fac \xF0\x9F\xBF\xBF</facilitator>\n"
    "  </meta>\n"
    "  <canvas>\n"
    "    <block kind=\"value-propositions\">\n"
    "      <note id=\"n1\" colour=\"yellow\" evidence=\"assumption\">Note \xEF\xB7\x90</note>\n"
    "    </block>\n"
    "  </canvas>\n"
    "</touchpoint>\n";
  static const TpExportFormat formats[] = {
    TP_EXPORT_FORMAT_PDF, TP_EXPORT_FORMAT_SVG, TP_EXPORT_FORMAT_PNG,
  };
  g_autoptr(TpDocument) document = load_string (xml);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      TpExportOptions options;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      tp_export_options_init (&options);
      options.format = formats[i];
      options.page = TP_EXPORT_PAGE_CANVAS;
      bytes = tp_export_render (document, &options, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (bytes);
      g_assert_cmpuint (g_bytes_get_size (bytes), >, 0);

      if (formats[i] == TP_EXPORT_FORMAT_PDF && tp_test_have_tool ("pdfinfo"))
        {
          g_autofree char *dir = g_build_filename (tmp_root, "noncharacters", NULL);
          g_autofree char *path = g_build_filename (dir, "out.pdf", NULL);
          const char *argv[] = { "pdfinfo", "-enc", "UTF-8", path, NULL };
          g_autofree char *info = NULL;
          g_autofree char *title = NULL;
          g_autofree char *author = NULL;
          g_autofree char *subject = NULL;

          g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
          g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                              g_bytes_get_size (bytes), NULL));
          info = tp_test_run_tool (argv);
          title = pdfinfo_field (info, "Title");
          author = pdfinfo_field (info, "Author");
          subject = pdfinfo_field (info, "Subject");
          g_assert_cmpstr (title, ==, "Title \xEF\xBF\xBD one");
          g_assert_cmpstr (subject, ==, "\xEF\xBF\xBDOrg");
          g_assert_cmpstr (author, ==, "Fac \xEF\xBF\xBD");
        }
    }
}

/* Whether text (spaces left out) shows in page (spaces left out). A text the board cuts
 * short must show as a prefix ending in an ellipsis: which one it is goes in the log. */
static void
check_text_in (const char *page_text,
               const char *page_name,
               const char *text,
               gboolean    truncated)
{
  g_autofree char *needle = strip_space (text);
  g_autofree char *haystack = strip_space (page_text);

  if (!truncated)
    {
      if (strstr (haystack, needle) == NULL)
        g_error ("“%s” is not in the text of the %s page", text, page_name);
      return;
    }

  /* The longest prefix followed by "…". */
  for (char *end = needle + strlen (needle); end > needle; end = g_utf8_prev_char (end))
    {
      g_autofree char *prefix = g_strndup (needle, end - needle);
      g_autofree char *cut = g_strconcat (prefix, "…", NULL);

      if (strstr (haystack, cut) != NULL)
        {
          g_test_message ("cut short on the %s page (the layout ellipsizes it): “%s” shows as “%s”",
                          page_name, text, cut);
          return;
        }
    }
  g_error ("“%s” (cut short) is not in the text of the %s page", text, page_name);
}

/* Every note and every touchpoint's name of the example is text in the PDF: each region's
 * own on its page, and all of them on the board page. */
static void
test_pdf_text (void)
{
  g_autofree char *path = export_example ("pdf-text", "out.pdf", NULL);
  g_autoptr(TpDocument) document = NULL;
  TpLayout *layout;
  g_autofree char *canvas = NULL;
  g_autofree char *journey = NULL;
  g_autofree char *value_chain = NULL;
  g_autofree char *board = NULL;
  g_autofree char *all = NULL;
  g_autoptr(GArray) sheets = NULL;
  g_autoptr(GString) journey_parts = g_string_new (NULL);
  g_autofree char *first_number = NULL;
  g_autofree char *last_number = NULL;   /* the board's */
  g_autofree char *part_label = NULL;
  guint n_journey = 0;
  guint board_number = 0;
  GPtrArray *stages;
  guint n_cut = 0;

  if (!tp_test_have_tool ("pdftotext"))
    return;

  /* Which sheet shows what: the canvas, the journey's parts, the value chain, the board. */
  document = tp_test_load_path (TP_EXAMPLE_PATH);
  sheets = list_sheets (document, TP_EXPORT_FORMAT_PDF, TP_EXPORT_PAGE_ALL, TP_PAGE_SIZE_SLIDE);
  g_test_message ("the example's PDF has %u slides", sheets->len);
  for (guint i = 0; i < sheets->len; i++)
    {
      g_autofree char *text = tp_test_pdf_text (path, i + 1);

      switch (g_array_index (sheets, Sheet, i).page)
        {
        case TP_EXPORT_PAGE_CANVAS:
          g_assert_null (canvas);
          canvas = g_steal_pointer (&text);
          break;
        case TP_EXPORT_PAGE_JOURNEY:
          n_journey++;
          g_string_append (journey_parts, text);
          break;
        case TP_EXPORT_PAGE_VALUE_CHAIN:
          g_assert_null (value_chain);
          value_chain = g_steal_pointer (&text);
          break;
        case TP_EXPORT_PAGE_BOARD:
          g_assert_null (board);
          board = g_steal_pointer (&text);
          board_number = i + 1;
          break;
        case TP_EXPORT_PAGE_ALL:
          g_assert_not_reached ();
          break;
        default:
          /* Pages that are not regions of the board (the analysis): not checked here. */
          break;
        }
    }
  g_assert_nonnull (canvas);
  g_assert_nonnull (value_chain);
  g_assert_nonnull (board);
  g_assert_cmpuint (n_journey, >=, 1);
  journey = g_string_free (g_steal_pointer (&journey_parts), FALSE);
  all = tp_test_pdf_text (path, 0);

  layout = layout_document (document);
  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      GPtrArray *notes = tp_document_get_notes (document, c);

      for (guint i = 0; i < notes->len; i++)
        {
          TpNote *note = g_ptr_array_index (notes, i);
          TpNoteInfo info;

          g_assert_true (tp_layout_get_note (layout, note->item.id, &info));
          g_assert_true (info.visible);
          n_cut += info.truncated;
          check_text_in (TP_CONTAINER_IS_CANVAS (c) ? canvas : value_chain,
                         TP_CONTAINER_IS_CANVAS (c) ? "canvas" : "value chain",
                         note->text, info.truncated);
          check_text_in (board, "board", note->text, info.truncated);
          check_text_in (all, "every", note->text, info.truncated);
        }
    }

  stages = tp_document_get_stages (document);
  g_assert_cmpuint (stages->len, >, 0);
  for (guint s = 0; s < stages->len; s++)
    {
      TpStage *stage = g_ptr_array_index (stages, s);
      TpStageInfo stage_info;

      g_assert_true (tp_layout_get_stage (layout, stage->item.id, &stage_info));
      check_text_in (journey, "journey", stage->name, stage_info.name_truncated);
      for (guint t = 0; t < stage->touchpoints->len; t++)
        {
          TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, t);

          /* A card's name has three lines; the example's names are short. */
          check_text_in (journey, "journey", touchpoint->name, FALSE);
          check_text_in (board, "board", touchpoint->name, FALSE);
        }
    }
  tp_layout_free (layout);

  /* The example is made to fit: none of its notes is cut short on the board. */
  g_assert_cmpuint (n_cut, ==, 0);

  /* The footer: title, date and what the page shows, with page numbers. */
  check_text_in (canvas, "canvas", "Volt — online electronics shop · 12 November 2026 · Business Model Canvas", FALSE);
  first_number = g_strdup_printf ("1 / %u", sheets->len);
  last_number = g_strdup_printf ("%u / %u", board_number, sheets->len);
  check_text_in (canvas, "canvas", first_number, FALSE);
  check_text_in (board, "board", last_number, FALSE);
  /* Each part of the journey says which it is. */
  part_label = g_strdup_printf ("Customer Journey (%u/%u)", n_journey, n_journey);
  if (n_journey > 1)
    check_text_in (journey, "journey", part_label, FALSE);
}

/* PNG */

static cairo_surface_t *
read_png (const char *path)
{
  cairo_surface_t *image = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  return image;
}

static guint8
pixel_alpha (cairo_surface_t *image,
             int              x,
             int              y)
{
  guint32 pixel;

  cairo_surface_flush (image);
  if (cairo_image_surface_get_format (image) == CAIRO_FORMAT_RGB24)
    return 0xff;
  g_assert_cmpint (cairo_image_surface_get_format (image), ==, CAIRO_FORMAT_ARGB32);
  pixel = *(guint32 *) (cairo_image_surface_get_data (image) +
                        y * cairo_image_surface_get_stride (image) + x * 4);
  return pixel >> 24;
}

typedef struct
{
  const char   *page;
  const char   *option;
  double        scale;
} PngScaleCase;

static const PngScaleCase png_scale_cases[] = {
  { "board", "--scale=1", 1 },
  { "board", "--scale=2", 2 },
  { "canvas", "--scale=3", 3 },
  { "canvas", "--dpi=192", 2 },
  { "canvas", "--dpi=144", 1.5 },
  { "value-chain", "--scale=1.3", 1.3 },  /* not whole: rounds up */
  { "journey", "--scale=0.5", 0.5 },
};

static void
test_png_scale (gconstpointer data)
{
  const PngScaleCase *c = data;
  g_autofree char *dir_name = g_strdup_printf ("png-%s-%s", c->page, c->option + 2);
  g_autofree char *page_arg = g_strconcat ("--page=", c->page, NULL);
  const char *options[] = { page_arg, c->option, NULL };
  g_autofree char *path = export_example (dir_name, "out.png", options);
  g_autoptr(TpDocument) document = tp_test_load_path (TP_EXAMPLE_PATH);
  TpLayout *layout = layout_document (document);
  cairo_surface_t *image = read_png (path);
  TpExportPage page;
  double width, height;

  g_assert_true (tp_export_page_from_string (c->page, &page));
  natural_size (layout, page, &width, &height);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, (int) ceil (width * c->scale));
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, (int) ceil (height * c->scale));
  /* Opaque: the background fills it to the corners. */
  g_assert_cmpuint (pixel_alpha (image, 0, 0), ==, 0xff);
  cairo_surface_destroy (image);
  tp_layout_free (layout);
}

/* 2: RGB, 6: RGBA (8 bits a channel, as cairo writes them). */
static int
png_colour_type (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 26);
  g_assert_true (memcmp (contents + 12, "IHDR", 4) == 0);
  g_assert_cmpint (contents[24], ==, 8);
  return contents[25];
}

static void
test_png_transparent (void)
{
  const char *options[] = { "--page=canvas", "--transparent", NULL };
  g_autofree char *path = export_example ("png-transparent", "out.png", options);
  g_autofree char *opaque_path = export_example ("png-opaque", "out.png",
                                                 (const char *[]) { "--page=canvas", NULL });
  cairo_surface_t *image = read_png (path);
  cairo_surface_t *opaque = read_png (opaque_path);
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  guint n_opaque = 0;

  /* The PNG's own colour type (IHDR, byte 25): RGB when opaque (cairo leaves out an alpha
   * channel that every pixel has at 255), RGBA with --transparent. */
  g_assert_cmpint (png_colour_type (opaque_path), ==, 2);
  g_assert_cmpint (png_colour_type (path), ==, 6);

  /* The same size either way. */
  g_assert_cmpint (width, ==, cairo_image_surface_get_width (opaque));
  g_assert_cmpint (height, ==, cairo_image_surface_get_height (opaque));

  /* An alpha channel, clear in the margins, and the blocks painted. */
  g_assert_cmpint (cairo_image_surface_get_format (image), ==, CAIRO_FORMAT_ARGB32);
  g_assert_cmpuint (pixel_alpha (image, 0, 0), ==, 0);
  g_assert_cmpuint (pixel_alpha (image, width - 1, height - 1), ==, 0);
  g_assert_cmpuint (pixel_alpha (image, width / 2, 2), ==, 0);
  for (int y = 0; y < height; y += 7)
    for (int x = 0; x < width; x += 7)
      n_opaque += pixel_alpha (image, x, y) == 0xff;
  g_assert_cmpuint (n_opaque, >, (guint) (width / 7) * (height / 7) / 2);

  /* Without --transparent, opaque to the corners. */
  g_assert_cmpuint (pixel_alpha (opaque, 0, 0), ==, 0xff);
  g_assert_cmpuint (pixel_alpha (opaque, width - 1, height - 1), ==, 0xff);

  cairo_surface_destroy (opaque);
  cairo_surface_destroy (image);
}

/* SVG */

typedef struct
{
  int        depth;    /* inside a <text> element: > 0 */
  GString   *current;
  GPtrArray *texts;    /* one string per <text> element */
} SvgTexts;

static void
svg_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              data,
           GError              **error)
{
  SvgTexts *svg = data;

  if (svg->depth > 0)
    svg->depth++;
  else if (g_str_equal (element, "text"))
    {
      svg->depth = 1;
      g_string_truncate (svg->current, 0);
    }
}

static void
svg_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              data,
         GError              **error)
{
  SvgTexts *svg = data;

  if (svg->depth > 0 && --svg->depth == 0)
    g_ptr_array_add (svg->texts, g_strdup (svg->current->str));
}

static void
svg_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 length,
          gpointer              data,
          GError              **error)
{
  SvgTexts *svg = data;

  if (svg->depth > 0)
    g_string_append_len (svg->current, text, length);
}

/* The text of every <text> element, each with its lines (tspans) joined. */
static GPtrArray *
svg_texts (const char *contents)
{
  static const GMarkupParser parser = { svg_start, svg_end, svg_text, NULL, NULL };
  SvgTexts svg = { 0, g_string_new (NULL), g_ptr_array_new_with_free_func (g_free) };
  GMarkupParseContext *context = g_markup_parse_context_new (&parser, 0, &svg, NULL);
  g_autoptr(GError) error = NULL;

  g_markup_parse_context_parse (context, contents, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
  g_markup_parse_context_free (context);
  g_string_free (svg.current, TRUE);
  return svg.texts;
}

static void
test_svg_text (void)
{
  g_autofree char *path = export_example ("svg-text", "out.svg",
                                          (const char *[]) { "--page=canvas", NULL });
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(TpDocument) document = tp_test_load_path (TP_EXAMPLE_PATH);
  gboolean next_day = FALSE;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  texts = svg_texts (contents);
  g_assert_cmpuint (texts->len, >, 40);

  for (guint i = 0; i < texts->len; i++)
    if (strstr (g_ptr_array_index (texts, i), "Next-day delivery") != NULL)
      next_day = TRUE;
  g_assert_true (next_day);

  /* Every canvas note is one <text> element: editable in a slide editor. */
  for (guint c = 0; c < TP_N_BMC_BLOCKS; c++)
    {
      GPtrArray *notes = tp_document_get_notes (document, c);

      for (guint i = 0; i < notes->len; i++)
        {
          TpNote *note = g_ptr_array_index (notes, i);
          g_autofree char *needle = strip_space (note->text);
          gboolean found = FALSE;

          for (guint j = 0; j < texts->len && !found; j++)
            {
              g_autofree char *text = strip_space (g_ptr_array_index (texts, j));

              found = g_str_equal (text, needle);
            }
          if (!found)
            g_error ("no <text> element holds the note “%s”", note->text);
        }
    }
}

static void
test_svg_renders (void)
{
  g_autofree char *path = export_example ("svg-render", "out.svg",
                                          (const char *[]) { "--page=value-chain", NULL });
  g_autofree char *png = g_build_filename (tmp_root, "svg-render.png", NULL);
  const char *argv[] = { "rsvg-convert", "--format=png", "-o", png, path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(TpDocument) document = tp_test_load_path (TP_EXAMPLE_PATH);
  TpLayout *layout = layout_document (document);
  cairo_surface_t *image;
  double width, height;

  natural_size (layout, TP_EXPORT_PAGE_VALUE_CHAIN, &width, &height);
  tp_layout_free (layout);

  if (!tp_test_have_tool ("xmllint"))
    return;
  {
    const char *lint[] = { "xmllint", "--noout", "--nonet", path, NULL };
    g_autofree char *lint_out = tp_test_run_tool (lint);
  }
  if (!tp_test_have_tool ("rsvg-convert"))
    return;
  out = tp_test_run_tool (argv);
  /* At 96 dpi, rsvg-convert turns the SVG's points back into the page's pixels. */
  image = read_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, (int) ceil (width));
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, (int) ceil (height));
  g_assert_cmpuint (pixel_alpha (image, 0, 0), ==, 0xff);
  cairo_surface_destroy (image);
}

/* A long note wraps inside its note */

#define WRAP_DOC_HEAD \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
  "<touchpoint xmlns=\"https://touchpoint.github.io/ns/1\" version=\"1.0\">\n" \
  "  <meta>\n    <title>Wrapping</title>\n  </meta>\n" \
  "  <canvas>\n    <block kind=\"value-propositions\">\n"
#define WRAP_DOC_TAIL \
  "    </block>\n  </canvas>\n</touchpoint>\n"

/* n words of lengths 3 … 11, each starting with prefix (so that no other text on the page
 * has one), joined by spaces. */
static char *
make_words (const char *prefix,
            guint       n)
{
  static const char letters[] = "delivrytoasnupcmkbwhfg";
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      guint length = 1 + (i * 5) % 9;

      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, prefix);
      for (guint j = 0; j < length; j++)
        g_string_append_c (text, letters[(i * 7 + j * 3) % (sizeof letters - 1)]);
    }
  return g_string_free (text, FALSE);
}

typedef struct
{
  char   *text;
  double  x_min, y_min, x_max, y_max;
} Word;

static void
word_free (Word *word)
{
  g_free (word->text);
  g_free (word);
}

static double
attribute_double (const char *line,
                  const char *name)
{
  g_autofree char *key = g_strconcat (name, "=\"", NULL);
  const char *p = strstr (line, key);

  g_assert_nonnull (p);
  return g_ascii_strtod (p + strlen (key), NULL);
}

/* The words of page 1 of a PDF, with their boxes in points from the top left, from
 * pdftotext -bbox (one <word xMin=… yMin=… xMax=… yMax=…>text</word> per line). */
static GPtrArray *
pdf_words (const char *path)
{
  const char *argv[] = { "pdftotext", "-bbox", "-enc", "UTF-8", "-f", "1", "-l", "1", path, "-", NULL };
  g_autofree char *xhtml = tp_test_run_tool (argv);
  g_auto(GStrv) lines = g_strsplit (xhtml, "\n", -1);
  GPtrArray *words = g_ptr_array_new_with_free_func ((GDestroyNotify) word_free);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *start = strstr (lines[i], "<word ");
      const char *text, *end;
      Word *word;

      if (start == NULL)
        continue;
      text = strchr (start, '>');
      end = strstr (start, "</word>");
      g_assert_nonnull (text);
      g_assert_nonnull (end);
      word = g_new0 (Word, 1);
      word->text = g_strndup (text + 1, end - text - 1);
      word->x_min = attribute_double (start, "xMin");
      word->y_min = attribute_double (start, "yMin");
      word->x_max = attribute_double (start, "xMax");
      word->y_max = attribute_double (start, "yMax");
      g_ptr_array_add (words, word);
    }
  return words;
}

/* The canvas page's content rect in board units, as the export frames it: the region
 * with its title. */
static void
canvas_content (TpLayout *layout,
                TpRect   *content)
{
  TpRect title;

  g_assert_true (tp_layout_get_region (layout, TP_REGION_CANVAS, content));
  if (tp_layout_get_region_title (layout, TP_REGION_CANVAS, &title) && !tp_rect_is_empty (&title))
    {
      double right = MAX (content->x + content->width, title.x + title.width);
      double bottom = MAX (content->y + content->height, title.y + title.height);

      content->x = MIN (content->x, title.x);
      content->y = MIN (content->y, title.y);
      content->width = right - content->x;
      content->height = bottom - content->y;
    }
}

/* A board rect in the page's points, as tp_export_paint_page() places the content:
 * scaled to fit inside margins of 4 % of the short side, centred. */
static TpRect
board_to_page (const TpRect *rect,
               const TpRect *content,
               double        page_width,
               double        page_height)
{
  double margin = round (MIN (page_width, page_height) * 0.04);
  double scale = MIN ((page_width - 2 * margin) / content->width,
                      (page_height - 2 * margin) / content->height);
  double x = (page_width - content->width * scale) / 2;
  double y = (page_height - content->height * scale) / 2;

  return (TpRect) {
    ((rect->x - content->x) * scale + x) * PT_PER_PX,
    ((rect->y - content->y) * scale + y) * PT_PER_PX,
    rect->width * scale * PT_PER_PX,
    rect->height * scale * PT_PER_PX,
  };
}

static void
check_words_in_note (GPtrArray    *page_words,
                     const char   *prefix,
                     const char   *text,
                     const TpRect *note,
                     const TpRect *box,
                     gboolean      truncated)
{
  g_auto(GStrv) expected = g_strsplit (text, " ", -1);
  guint n_expected = g_strv_length (expected);
  guint n = 0;
  const double slack = 0.5;   /* points: rounding in the PDF's coordinates */

  for (guint i = 0; i < page_words->len; i++)
    {
      Word *word = g_ptr_array_index (page_words, i);

      if (!g_str_has_prefix (word->text, prefix))
        continue;
      /* Inside the note, and across the text box only. */
      if (word->x_min < note->x - slack || word->x_max > note->x + note->width + slack ||
          word->y_min < note->y - slack || word->y_max > note->y + note->height + slack)
        g_error ("“%s” at %.1f,%.1f–%.1f,%.1f pt is outside its note %.1f,%.1f %.1f × %.1f pt",
                 word->text, word->x_min, word->y_min, word->x_max, word->y_max,
                 note->x, note->y, note->width, note->height);
      if (word->x_min < box->x - slack || word->x_max > box->x + box->width + slack)
        g_error ("“%s” (%.1f–%.1f pt) is outside its note's text column %.1f–%.1f pt",
                 word->text, word->x_min, word->x_max, box->x, box->x + box->width);

      /* In order, whole: the text wraps between words. */
      g_assert_cmpuint (n, <, n_expected);
      if (!g_str_equal (word->text, expected[n]))
        {
          /* Only the last word shown may be cut, by the ellipsis. */
          g_assert_true (truncated);
          g_assert_true (g_str_has_suffix (word->text, "…"));
          g_assert_true (strncmp (word->text, expected[n],
                                  strlen (word->text) - strlen ("…")) == 0);
        }
      n++;
    }

  if (truncated)
    {
      g_test_message ("a note of %zu characters shows %u of its %u words, then “…”",
                      strlen (text), n, n_expected);
      g_assert_cmpuint (n, >, 1);
      g_assert_cmpuint (n, <=, n_expected);
    }
  else
    {
      /* All of them, the last one included. */
      g_assert_cmpuint (n, ==, n_expected);
    }
}

static void
test_wrap (void)
{
  g_autofree char *long_text = make_words ("qz", 50);
  g_autofree char *short_text = make_words ("qy", 14);
  g_autofree char *xml = g_strconcat (WRAP_DOC_HEAD,
                                      "      <note id=\"n1\" colour=\"yellow\" evidence=\"assumption\">", long_text, "</note>\n",
                                      "      <note id=\"n2\" colour=\"green\" evidence=\"assumption\">", short_text, "</note>\n",
                                      WRAP_DOC_TAIL, NULL);
  g_autofree char *dir = make_dir ("wrap");
  g_autofree char *input = g_build_filename (dir, "long.touchpoint", NULL);
  g_autofree char *pdf = g_build_filename (dir, "long.pdf", NULL);
  g_autofree char *output = g_strconcat ("--export=", pdf, NULL);
  g_autoptr(TpDocument) document = load_string (xml);
  g_autoptr(GPtrArray) words = NULL;
  TpLayout *layout = layout_document (document);
  TpExportOptions options;
  TpNoteInfo long_info, short_info;
  TpRect content, note, box;
  double page_width, page_height;
  g_autoptr(GArray) sizes = NULL;

  g_assert_cmpuint (strlen (long_text), >=, 300);
  g_assert_true (g_file_set_contents (input, xml, -1, NULL));
  /* Without the legend, whose strip would shrink the content: board_to_page() places
   * the content in the whole area inside the margins. */
  export_ok ((const char *[]) { output, "--size=fit", "--page=canvas", "--no-legend", input,
                                NULL });

  tp_export_options_init (&options);
  options.size = TP_PAGE_SIZE_FIT;
  options.page = TP_EXPORT_PAGE_CANVAS;
  /* The export below has no legend (--no-legend): its page has no strip to grow by. */
  options.legend = FALSE;
  tp_export_get_page_size (layout, &options, TP_EXPORT_PAGE_CANVAS, &page_width, &page_height);
  canvas_content (layout, &content);
  g_assert_true (tp_layout_get_note (layout, "n1", &long_info));
  g_assert_true (tp_layout_get_note (layout, "n2", &short_info));
  g_assert_true (long_info.visible);
  g_assert_true (short_info.visible);
  /* Every word survives in an export (VISUAL.md): the note grows to its whole text. */
  g_assert_false (long_info.truncated);
  g_assert_false (short_info.truncated);

  if (!tp_test_have_tool ("pdftotext") || !tp_test_have_tool ("pdfinfo"))
    {
      tp_layout_free (layout);
      return;
    }
  sizes = pdf_page_sizes (pdf);
  g_assert_cmpuint (sizes->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (g_array_index (sizes, double, 0), page_width * PT_PER_PX, 0.01);
  g_assert_cmpfloat_with_epsilon (g_array_index (sizes, double, 1), page_height * PT_PER_PX, 0.01);

  words = pdf_words (pdf);
  note = board_to_page (&long_info.rect, &content, page_width, page_height);
  box = board_to_page (&long_info.text, &content, page_width, page_height);
  check_words_in_note (words, "qz", long_text, &note, &box, FALSE);
  note = board_to_page (&short_info.rect, &content, page_width, page_height);
  box = board_to_page (&short_info.text, &content, page_width, page_height);
  check_words_in_note (words, "qy", short_text, &note, &box, FALSE);
  tp_layout_free (layout);

  g_unlink (pdf);
  g_unlink (input);
}

/* Failures */

/* Checks a failed run: its status, nothing on stdout, one line on stderr starting with
 * prefix. */
static void
check_failure (TpTestRun        *run,
               int         status,
               const char *prefix)
{
  g_assert_cmpint (run->status, ==, status);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  if (strchr (run->err, '\n') != run->err + strlen (run->err) - 1)
    g_error ("more than one line on stderr: %s", run->err);
  if (!g_str_has_prefix (run->err, prefix))
    g_error ("expected “%s” to start with “%s”", run->err, prefix);
  g_assert_cmpuint (strlen (run->err), >, strlen (prefix) + 10);
  g_assert_cmpuint (strlen (run->err), <, 400);
}

typedef struct
{
  const char *name;
  const char *output;   /* in a folder of its own; NULL: out.png */
  const char *args[4];
} UsageCase;

static const UsageCase usage_cases[] = {
  { "extension", "out.txt", { NULL } },
  { "no-extension", "out", { NULL } },
  { "csv-without-table", "out.csv", { NULL } },
  { "page", NULL, { "--page=analysis-of-everything", NULL } },
  { "page-empty", NULL, { "--page=", NULL } },
  { "size", NULL, { "--size=b5", NULL } },
  { "scale-text", NULL, { "--scale=big", NULL } },
  { "scale-negative", NULL, { "--scale=-1", NULL } },
  { "scale-zero", NULL, { "--scale=0", NULL } },
  { "scale-too-big", NULL, { "--scale=11", NULL } },
  { "scale-nan", NULL, { "--scale=nan", NULL } },
  { "dpi-too-small", NULL, { "--dpi=5", NULL } },
  { "dpi-zero", NULL, { "--dpi=0", NULL } },
  { "dpi-text", NULL, { "--dpi=high", NULL } },
  { "scale-and-dpi", NULL, { "--scale=2", "--dpi=192", NULL } },
  { "scale-on-pdf", "out.pdf", { "--scale=2", NULL } },
  { "dpi-on-svg", "out.svg", { "--dpi=192", NULL } },
  { "export-and-validate", NULL, { "--validate", NULL } },
};

static void
test_usage (gconstpointer data)
{
  const UsageCase *c = data;
  g_autofree char *dir_name = g_strdup_printf ("usage-%s", c->name);
  g_autofree char *dir = make_dir (dir_name);
  g_autofree char *out = g_build_filename (dir, c->output ? c->output : "out.png", NULL);
  g_autofree char *output = g_strconcat ("--export=", out, NULL);
  g_autofree char *listing = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  TpTestRun run = { 0, };

  g_ptr_array_add (args, output);
  for (guint i = 0; c->args[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) c->args[i]);
  g_ptr_array_add (args, (gpointer) TP_EXAMPLE_PATH);
  g_ptr_array_add (args, NULL);

  tp_test_run_touchpoint (&run, (const char * const *) args->pdata);
  listing = list_dir (dir);
  if (run.status != 2)
    {
      /* Fail this case alone, so that the cases after it still run and show. */
      g_test_fail_printf ("touchpoint --export %s exited %d, not 2 (bad usage); stderr: “%s”; "
                          "the folder holds: “%s”", c->args[0] ? c->args[0] : c->output,
                          run.status, g_strchomp (run.err), listing);
      tp_test_run_clear (&run);
      return;
    }
  check_failure (&run, 2, "touchpoint: ");
  tp_test_run_clear (&run);
  g_assert_cmpstr (listing, ==, "");
}

static void
test_usage_files (void)
{
  g_autofree char *dir = make_dir ("usage-files");
  g_autofree char *output = g_strconcat ("--export=", dir, "/out.pdf", NULL);
  g_autofree char *listing = NULL;
  TpTestRun run = { 0, };

  /* No FILE, and two. */
  tp_test_run_touchpoint (&run, (const char *[]) { output, NULL });
  check_failure (&run, 2, "touchpoint: ");
  tp_test_run_clear (&run);
  tp_test_run_touchpoint (&run, (const char *[]) { output, TP_EXAMPLE_PATH, TP_EXAMPLE_PATH, NULL });
  check_failure (&run, 2, "touchpoint: ");
  tp_test_run_clear (&run);

  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "");
}

/* Output nobody can write: status 1, one line naming the output. */
static void
test_unwritable (void)
{
  g_autofree char *dir = make_dir ("unwritable");
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "out.pdf", NULL);
  g_autofree char *a_file = g_build_filename (dir, "file.png", NULL);
  g_autofree char *under_file = g_build_filename (a_file, "out.png", NULL);
  g_autofree char *a_folder = g_build_filename (dir, "folder.svg", NULL);
  const char *outputs[] = { missing, under_file, a_folder, "/proc/touchpoint-export-test.pdf" };
  g_autofree char *listing = NULL;

  g_assert_true (g_file_set_contents (a_file, "not a folder", -1, NULL));
  g_assert_cmpint (g_mkdir (a_folder, 0700), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autofree char *output = g_strconcat ("--export=", outputs[i], NULL);
      g_autofree char *prefix = g_strconcat (outputs[i], ": ", NULL);
      TpTestRun run = { 0, };

      tp_test_run_touchpoint (&run, (const char *[]) { output, TP_EXAMPLE_PATH, NULL });
      check_failure (&run, 1, prefix);
      tp_test_run_clear (&run);
    }

  /* Nothing made, nothing left behind; the folder in the way is still an empty folder. */
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "file.png folder.svg");
  g_free (listing);
  listing = list_dir (a_folder);
  g_assert_cmpstr (listing, ==, "");
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = make_dir ("read-only");
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *output = g_strconcat ("--export=", out, NULL);
  g_autofree char *prefix = g_strconcat (out, ": ", NULL);
  g_autofree char *listing = NULL;
  TpTestRun run = { 0, };

  if (geteuid () == 0)
    {
      g_test_skip ("root writes into read-only folders");
      return;
    }
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  tp_test_run_touchpoint (&run, (const char *[]) { output, TP_EXAMPLE_PATH, NULL });
  g_chmod (dir, 0700);
  check_failure (&run, 1, prefix);
  g_assert_nonnull (strstr (run.err, "out.pdf"));
  tp_test_run_clear (&run);

  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "");
}

/* Input that is not a good document: status 1, the line names the input. */
static void
test_bad_input (void)
{
  const char *inputs[] = {
    TP_SRCDIR "/tests/files/bad/truncated.touchpoint",
    TP_SRCDIR "/tests/files/bad/not-xml.touchpoint",
    TP_SRCDIR "/tests/files/bad/billion-laughs.touchpoint",
    TP_SRCDIR "/tests/files/bad/newer-major.touchpoint",
    TP_SRCDIR "/tests/files/no-such-file.touchpoint",
  };
  g_autofree char *dir = make_dir ("bad-input");
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *output = g_strconcat ("--export=", out, NULL);
  g_autofree char *listing = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autofree char *prefix = g_strconcat (inputs[i], ":", NULL);
      TpTestRun run = { 0, };

      tp_test_run_touchpoint (&run, (const char *[]) { output, inputs[i], NULL });
      check_failure (&run, 1, prefix);
      tp_test_run_clear (&run);
    }
  /* The truncated file's line is given. */
  {
    TpTestRun run = { 0, };

    tp_test_run_touchpoint (&run, (const char *[]) { output, inputs[0], NULL });
    g_assert_true (g_str_has_prefix (run.err, TP_SRCDIR "/tests/files/bad/truncated.touchpoint:8: "));
    tp_test_run_clear (&run);
  }

  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "");
}

static GBytes *
read_bytes (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

/* A failed export leaves the file it would have replaced as it was, byte for byte. */
static void
test_keeps_existing (void)
{
  static const char empty_journey[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<touchpoint xmlns=\"https://touchpoint.github.io/ns/1\" version=\"1.0\">\n"
    "  <canvas>\n    <block kind=\"channels\">\n"
    "      <note id=\"n1\" colour=\"blue\" evidence=\"validated\">Online shop</note>\n"
    "    </block>\n  </canvas>\n</touchpoint>\n";
  g_autofree char *dir = make_dir ("keeps-existing");
  g_autofree char *png = g_build_filename (dir, "OUT.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "OUT.pdf", NULL);
  g_autofree char *input = g_build_filename (tmp_root, "no-journey.touchpoint", NULL);
  g_autofree char *png_arg = g_strconcat ("--export=", png, NULL);
  g_autofree char *pdf_arg = g_strconcat ("--export=", pdf, NULL);
  g_autofree char *png_prefix = g_strconcat (png, ": ", NULL);
  g_autofree char *pdf_prefix = g_strconcat (pdf, ": ", NULL);
  g_autoptr(GBytes) old_png = NULL;
  g_autoptr(GBytes) old_pdf = NULL;
  g_autofree char *listing = NULL;
  TpTestRun run = { 0, };

  g_assert_true (g_file_set_contents (input, empty_journey, -1, NULL));

  /* Real exports first. */
  export_ok ((const char *[]) { png_arg, "--page=canvas", TP_EXAMPLE_PATH, NULL });
  export_ok ((const char *[]) { pdf_arg, "--page=canvas", TP_EXAMPLE_PATH, NULL });
  old_png = read_bytes (png);
  old_pdf = read_bytes (pdf);

  /* The board at 10x would be 40,000 pixels wide: refused. */
  tp_test_run_touchpoint (&run, (const char *[]) { png_arg, "--scale=10", TP_EXAMPLE_PATH, NULL });
  check_failure (&run, 1, png_prefix);
  g_assert_nonnull (strstr (run.err, "too large"));
  tp_test_run_clear (&run);

  /* Nothing to show. */
  tp_test_run_touchpoint (&run, (const char *[]) { pdf_arg, "--page=journey", input, NULL });
  check_failure (&run, 1, pdf_prefix);
  g_assert_nonnull (strstr (run.err, "journey"));
  tp_test_run_clear (&run);
  tp_test_run_touchpoint (&run, (const char *[]) { png_arg, "--page=journey", input, NULL });
  check_failure (&run, 1, png_prefix);
  tp_test_run_clear (&run);

  /* A damaged input. */
  tp_test_run_touchpoint (&run, (const char *[]) { pdf_arg, TP_SRCDIR "/tests/files/bad/truncated.touchpoint", NULL });
  check_failure (&run, 1, TP_SRCDIR "/tests/files/bad/truncated.touchpoint:");
  tp_test_run_clear (&run);

  /* Bad usage writes nothing either. */
  tp_test_run_touchpoint (&run, (const char *[]) { png_arg, "--page=nowhere", TP_EXAMPLE_PATH, NULL });
  check_failure (&run, 2, "touchpoint: ");
  tp_test_run_clear (&run);

  {
    g_autoptr(GBytes) new_png = read_bytes (png);
    g_autoptr(GBytes) new_pdf = read_bytes (pdf);

    g_assert_true (g_bytes_equal (old_png, new_png));
    g_assert_true (g_bytes_equal (old_pdf, new_pdf));
  }
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "OUT.pdf OUT.png");

  /* And a good export replaces it. */
  export_ok ((const char *[]) { png_arg, "--page=value-chain", TP_EXAMPLE_PATH, NULL });
  {
    g_autoptr(GBytes) new_png = read_bytes (png);

    g_assert_false (g_bytes_equal (old_png, new_png));
  }
  g_unlink (input);
}

/* tp_export_render() */

static void
test_render_empty (void)
{
  static const char no_stages[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<touchpoint xmlns=\"https://touchpoint.github.io/ns/1\" version=\"1.0\">\n"
    "  <canvas>\n    <block kind=\"channels\">\n"
    "      <note id=\"n1\" colour=\"blue\" evidence=\"validated\">Online shop</note>\n"
    "    </block>\n  </canvas>\n</touchpoint>\n";
  g_autoptr(TpDocument) document = load_string (no_stages);
  static const TpExportFormat formats[] = {
    TP_EXPORT_FORMAT_PDF, TP_EXPORT_FORMAT_PNG, TP_EXPORT_FORMAT_SVG,
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      TpExportOptions options;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;

      tp_export_options_init (&options);
      options.format = formats[i];
      options.page = TP_EXPORT_PAGE_JOURNEY;
      bytes = tp_export_render (document, &options, NULL, &error);
      g_assert_error (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_EMPTY);
      g_assert_null (bytes);
      g_clear_error (&error);

      /* The canvas of the same document exports. */
      options.page = TP_EXPORT_PAGE_CANVAS;
      bytes = tp_export_render (document, &options, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (bytes);
      g_clear_pointer (&bytes, g_bytes_unref);

    }

  /* Every page leaves the journey out. */
  {
    TpLayout *layout = layout_document (document);
    TpExportOptions options;
    g_autoptr(GArray) pages = NULL;

    tp_export_options_init (&options);
    pages = tp_export_list_pages (layout, document, &options);
    g_assert_cmpuint (pages->len, >=, 2);
    for (guint i = 0; i < pages->len; i++)
      g_assert_cmpint (g_array_index (pages, TpExportPage, i), !=, TP_EXPORT_PAGE_JOURNEY);
    g_assert_cmpint (g_array_index (pages, TpExportPage, pages->len - 1), ==, TP_EXPORT_PAGE_BOARD);
    tp_layout_free (layout);
  }
}

static void
test_render_too_large (void)
{
  g_autoptr(TpDocument) document = tp_test_load_path (TP_EXAMPLE_PATH);
  const double scales[] = { 10, 1000, 1e9 };

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      TpExportOptions options;
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;

      tp_export_options_init (&options);
      options.format = TP_EXPORT_FORMAT_PNG;
      options.page = TP_EXPORT_PAGE_BOARD;
      options.size = TP_PAGE_SIZE_FIT;
      options.scale = scales[i];
      bytes = tp_export_render (document, &options, NULL, &error);
      g_assert_error (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_TOO_LARGE);
      g_assert_null (bytes);
    }

  /* A DPI too: 96 × 10. */
  {
    TpExportOptions options;
    g_autoptr(GError) error = NULL;
    g_autoptr(GBytes) bytes = NULL;

    tp_export_options_init (&options);
    options.format = TP_EXPORT_FORMAT_PNG;
    options.page = TP_EXPORT_PAGE_BOARD;
    options.size = TP_PAGE_SIZE_FIT;
    options.dpi = 960;
    bytes = tp_export_render (document, &options, NULL, &error);
    g_assert_error (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_TOO_LARGE);
    g_assert_null (bytes);
  }
}

/* The page sizes tp_export_get_page_size() gives for the presets, in CSS pixels. */
static void
test_page_sizes (void)
{
  g_autoptr(TpDocument) document = tp_test_load_path (TP_EXAMPLE_PATH);
  TpLayout *layout = layout_document (document);
  const struct { TpPageSize size; double width, height; } presets[] = {
    { TP_PAGE_SIZE_SLIDE, 1920, 1080 },
    { TP_PAGE_SIZE_A4, 297 / 25.4 * 96, 210 / 25.4 * 96 },
    { TP_PAGE_SIZE_A3, 420 / 25.4 * 96, 297 / 25.4 * 96 },
    { TP_PAGE_SIZE_LETTER, 1056, 816 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      TpExportOptions options;
      double width, height;

      tp_export_options_init (&options);
      options.size = presets[i].size;
      tp_export_get_page_size (layout, &options, TP_EXPORT_PAGE_CANVAS, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, presets[i].width, 0.01);
      g_assert_cmpfloat_with_epsilon (height, presets[i].height, 0.01);
    }

  /* Fit: the content with margins, whole pixels, landscape for the example's board. */
  {
    double width, height;

    natural_size (layout, TP_EXPORT_PAGE_BOARD, &width, &height);
    g_assert_cmpfloat (width, ==, ceil (width));
    g_assert_cmpfloat (height, ==, ceil (height));
    g_assert_cmpfloat (width, >, height);
  }
  tp_layout_free (layout);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_root = g_dir_make_tmp ("tp-export-XXXXXX", NULL);
  g_assert_nonnull (tmp_root);

  for (guint i = 0; i < G_N_ELEMENTS (format_cases); i++)
    {
      const FormatCase *c = &format_cases[i];
      g_autofree char *path = g_strdup_printf ("/touchpoint/export/cli/%s/%s", c->format,
                                               c->page ? c->page : "default");

      g_test_add_data_func (path, c, test_cli_format);
    }
  for (guint i = 0; i < G_N_ELEMENTS (pdf_size_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/touchpoint/export/pdf/size/%s-%s",
                                               pdf_size_cases[i].size, pdf_size_cases[i].page);

      g_test_add_data_func (path, &pdf_size_cases[i], test_pdf_size);
    }
  g_test_add_func ("/touchpoint/export/pdf/metadata", test_pdf_metadata);
  g_test_add_func ("/touchpoint/export/noncharacters", test_noncharacters);
  g_test_add_func ("/touchpoint/export/pdf/text", test_pdf_text);
  for (guint i = 0; i < G_N_ELEMENTS (png_scale_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/touchpoint/export/png/size/%s/%s",
                                               png_scale_cases[i].page,
                                               png_scale_cases[i].option + 2);

      g_test_add_data_func (path, &png_scale_cases[i], test_png_scale);
    }
  g_test_add_func ("/touchpoint/export/png/transparent", test_png_transparent);
  g_test_add_func ("/touchpoint/export/svg/text", test_svg_text);
  g_test_add_func ("/touchpoint/export/svg/renders", test_svg_renders);
  g_test_add_func ("/touchpoint/export/wrap", test_wrap);
  for (guint i = 0; i < G_N_ELEMENTS (usage_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/touchpoint/export/usage/%s", usage_cases[i].name);

      g_test_add_data_func (path, &usage_cases[i], test_usage);
    }
  g_test_add_func ("/touchpoint/export/usage/files", test_usage_files);
  g_test_add_func ("/touchpoint/export/fail/unwritable", test_unwritable);
  g_test_add_func ("/touchpoint/export/fail/read-only-folder", test_read_only_folder);
  g_test_add_func ("/touchpoint/export/fail/bad-input", test_bad_input);
  g_test_add_func ("/touchpoint/export/fail/keeps-existing", test_keeps_existing);
  g_test_add_func ("/touchpoint/export/render/empty", test_render_empty);
  g_test_add_func ("/touchpoint/export/render/too-large", test_render_too_large);
  g_test_add_func ("/touchpoint/export/page-sizes", test_page_sizes);

  status = g_test_run ();

  remove_tree (tmp_root);
  g_free (tmp_root);
  return status;
}
