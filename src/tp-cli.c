/* tp-cli.c: `touchpoint --validate`, `--export` and `--version`, without GTK
 *
 * Scripts and the file manager rely on this contract (PRODUCT.md): problems are printed
 * as FILE:LINE: message, one per line, and the exit status says what happened.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "tp-cli.h"
#include "tp-cli-route.h"
#include "tp-cli-validate.h"
#include "analysis/tp-analysis-csv.h"
#include "io/tp-atomic-file.h"
#include "io/tp-document-file.h"
#include "render/tp-export.h"

enum {
  EXIT_DONE = 0,
  EXIT_BAD_INPUT = 1,
  EXIT_BAD_USAGE = 2,
};

gboolean
tp_cli_wants (int    argc,
              char **argv)
{
  return tp_cli_route (argc, argv) != TP_CLI_ROUTE_APP;
}

typedef struct
{
  char     *output;
  char     *page;
  char     *size;
  char     *table;
  char     *scale_text;   /* as given, NULL when not */
  char     *dpi_text;
  double    scale;        /* SCALE_NOT_GIVEN unless given */
  int       dpi;
  gboolean  transparent;
  gboolean  no_legend;
} ExportArgs;

static void
export_args_clear (ExportArgs *args)
{
  g_free (args->output);
  g_free (args->page);
  g_free (args->size);
  g_free (args->table);
  g_free (args->scale_text);
  g_free (args->dpi_text);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportArgs, export_args_clear)

/* Tell "--scale=0" or "--dpi=-1" (bad) from no --scale or --dpi at all. The options are
 * read as text and parsed here: GOption's own numbers took "--dpi=-2147483648" and
 * "--scale=-1.797e308" for these very markers, that is for "not given". */
#define SCALE_NOT_GIVEN (-G_MAXDOUBLE)
#define DPI_NOT_GIVEN   G_MININT

static void
usage_error (const char *message)
{
  g_printerr ("touchpoint: %s\n", message);
}

static gboolean
is_csv_name (const char *filename)
{
  g_autofree char *lower = g_ascii_strdown (filename, -1);

  return g_str_has_suffix (lower, ".csv");
}

/* An analysis table as CSV: --table and a .csv output go together, and take none of the
 * page options. FALSE (having said why) for bad usage. */
static gboolean
parse_table (const ExportArgs *args,
             TpTable          *table)
{
  if (args->table == NULL)
    {
      usage_error (_("a .csv export is an analysis table: give --table=gaps, kano, kpis, links or votes"));
      return FALSE;
    }
  if (!tp_table_from_string (args->table, table))
    {
      usage_error (_("--table must be gaps, kano, kpis, links or votes"));
      return FALSE;
    }
  if (args->page != NULL || args->size != NULL || args->scale != SCALE_NOT_GIVEN ||
      args->dpi != DPI_NOT_GIVEN || args->transparent)
    {
      usage_error (_("--page, --size, --scale, --dpi and --transparent do not apply to a table"));
      return FALSE;
    }
  if (args->no_legend)
    {
      usage_error (_("--no-legend does not apply to a table"));
      return FALSE;
    }
  return TRUE;
}

/* Parses --scale and --dpi strictly: the whole text a finite number in range, else FALSE
 * having said why. */
static gboolean
parse_numbers (ExportArgs *args)
{
  if (args->scale_text != NULL)
    {
      const char *text = args->scale_text;
      char *end = NULL;
      double value;

      while (g_ascii_isspace (*text))
        text++;
      value = g_ascii_strtod (text, &end);
      if (end == text || *end != '\0' || !isfinite (value) || !(value >= 0.1) || value > 10)
        {
          usage_error (_("--scale must be a number between 0.1 and 10"));
          return FALSE;
        }
      args->scale = value;
    }

  if (args->dpi_text != NULL)
    {
      gint64 value = 0;

      if (!g_ascii_string_to_signed (args->dpi_text, 10, 10, 1200, &value, NULL))
        {
          usage_error (_("--dpi must be a whole number between 10 and 1200"));
          return FALSE;
        }
      args->dpi = (int) value;
    }

  return TRUE;
}

/* Checks the arguments of an export into options; FALSE (having said why) for bad usage. */
static gboolean
parse_export (const ExportArgs *args,
              char            **files,
              TpExportOptions  *options)
{
  tp_export_options_init (options);

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      usage_error (_("--export needs exactly one FILE to export"));
      return FALSE;
    }
  if (args->table != NULL)
    {
      usage_error (_("--table needs an output ending in .csv"));
      return FALSE;
    }
  if (!tp_export_format_from_name (args->output, &options->format))
    {
      usage_error (_("the output’s name must end in .pdf, .png, .svg or .csv"));
      return FALSE;
    }
  if (args->page != NULL && !tp_export_page_from_string (args->page, &options->page))
    {
      usage_error (_("--page must be canvas, journey, value-chain, board, alignment, analysis, story or all"));
      return FALSE;
    }
  /* A PDF is pages for a deck; an image is the content at its own proportions. */
  options->size = options->format == TP_EXPORT_FORMAT_PDF ? TP_PAGE_SIZE_SLIDE : TP_PAGE_SIZE_FIT;
  if (args->size != NULL && !tp_page_size_from_string (args->size, &options->size))
    {
      usage_error (_("--size must be slide, a4, a3, letter or fit"));
      return FALSE;
    }
  if (args->scale != SCALE_NOT_GIVEN && args->dpi != DPI_NOT_GIVEN)
    {
      usage_error (_("give either --scale or --dpi, not both"));
      return FALSE;
    }
  if ((args->scale != SCALE_NOT_GIVEN || args->dpi != DPI_NOT_GIVEN) &&
      options->format != TP_EXPORT_FORMAT_PNG)
    {
      usage_error (_("--scale and --dpi apply to PNG images only"));
      return FALSE;
    }
  options->scale = args->scale != SCALE_NOT_GIVEN ? args->scale : 1;
  options->dpi = args->dpi != DPI_NOT_GIVEN ? args->dpi : 0;
  options->transparent = args->transparent;
  options->legend = !args->no_legend;
  return TRUE;
}

/* Loads path for an export, or says why not. */
static TpDocument *
load_for_export (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  TpDocument *document;

  document = tp_load_file (file, NULL, &problems, NULL, &error);
  if (document == NULL)
    {
      /* The first problem is the one to fix first; --validate lists them all. */
      if (problems != NULL && problems->len > 0)
        tp_cli_print_problem (path, g_ptr_array_index (problems, 0));
      else
        g_printerr ("%s: %s\n", path, error->message);
    }
  return document;
}

/* The options that will make an image refused as too large, as they are typed, as a
 * sentence to end its message with ("" when there are none). */
static char *
format_size_hint (const TpExportOptions *options,
                  const TpExportReport  *report)
{
  g_autoptr(GString) hint = g_string_new (NULL);
  /* --scale and --dpi take no less than these. */
  gboolean scale_works = options->dpi > 0 ? report->fitting_scale * 96 >= 10
                                          : report->fitting_scale >= 0.1;

  if (scale_works && options->dpi > 0)
    g_string_append_printf (hint, "--dpi=%.0f", floor (report->fitting_scale * 96));
  else if (scale_works)
    {
      /* As --scale reads it, whatever the locale's decimal mark. */
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (hint, "--scale=%s",
                              g_ascii_formatd (number, sizeof number, "%.2f",
                                               report->fitting_scale));
    }
  if (report->slide_fits && options->size != TP_PAGE_SIZE_SLIDE)
    g_string_append_printf (hint, "%s--size=slide", hint->len > 0 ? _(" or ") : "");
  if (hint->len == 0)
    return g_strdup ("");
  /* Translators: %s is one or two command line options, "--scale=0.35 or --size=slide". */
  return g_strdup_printf (_(" Use %s."), hint->str);
}

static int
export_file (const ExportArgs      *args,
             const char            *path,
             const TpExportOptions *options)
{
  g_autoptr(GFile) output = g_file_new_for_commandline_arg (args->output);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDocument) document = load_for_export (path);
  TpExportReport report = { .page_shrink = 1 };

  if (document == NULL)
    return EXIT_BAD_INPUT;
  if (!tp_export_to_file_full (document, output, options, &report, NULL, &error))
    {
      g_autofree char *hint = NULL;

      if (g_error_matches (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_TOO_LARGE))
        hint = format_size_hint (options, &report);
      g_printerr ("%s: %s%s\n", args->output, error->message, hint != NULL ? hint : "");
      return EXIT_BAD_INPUT;
    }
  if (report.page_shrink < 1)
    /* Translators: %.1f is a percentage; 14,400 pt is 200 inches. */
    g_printerr (_("%s: pages larger than 14,400 pt (200 in), the most PDF readers take, were scaled down to %.1f %% with their content; the text is still text.\n"),
                args->output, report.page_shrink * 100);
  return EXIT_DONE;
}

/* Writes a table like any export: atomically, so a failure leaves an older file as it
 * was. A table without rows is still a header row: a script reads "nothing" from it. */
static int
export_table (const ExportArgs *args,
              const char       *path,
              TpTable           table)
{
  g_autoptr(GFile) output = g_file_new_for_commandline_arg (args->output);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDocument) document = load_for_export (path);
  g_autoptr(GBytes) bytes = NULL;

  if (document == NULL)
    return EXIT_BAD_INPUT;
  bytes = tp_analysis_csv_write (document, table);
  if (!tp_atomic_file_write (output, bytes, TP_WRITE_EXPORT, NULL, NULL, &error))
    {
      g_printerr ("%s: %s\n", args->output, error->message);
      return EXIT_BAD_INPUT;
    }
  return EXIT_DONE;
}

int
tp_cli_run (int    argc,
            char **argv)
{
  gboolean validate = FALSE;
  gboolean version = FALSE;
  g_auto(ExportArgs) export = { .scale = SCALE_NOT_GIVEN, .dpi = DPI_NOT_GIVEN };
  g_auto(GStrv) files = NULL;
  const GOptionEntry entries[] = {
    { "validate", 0, 0, G_OPTION_ARG_NONE, &validate,
      N_("Check documents and print their problems as FILE:LINE: message"), NULL },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &export.output,
      N_("Export FILE to OUT (.pdf, .png, .svg, or .csv with --table) without opening a window"), N_("OUT") },
    { "page", 0, 0, G_OPTION_ARG_STRING, &export.page,
      N_("What to export: canvas, journey, value-chain, board, alignment, analysis, story or all"), N_("PAGE") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &export.size,
      N_("Page size: slide, a4, a3, letter or fit"), N_("SIZE") },
    { "scale", 0, 0, G_OPTION_ARG_STRING, &export.scale_text,
      N_("PNG pixels per pixel at 100 % (1, 2, 3 …)"), N_("F") },
    { "dpi", 0, 0, G_OPTION_ARG_STRING, &export.dpi_text,
      N_("PNG resolution in dots per inch"), N_("N") },
    { "transparent", 0, 0, G_OPTION_ARG_NONE, &export.transparent,
      N_("No background"), NULL },
    { "no-legend", 0, 0, G_OPTION_ARG_NONE, &export.no_legend,
      N_("No legend of the symbols at the foot of each page"), NULL },
    { "table", 0, 0, G_OPTION_ARG_STRING, &export.table,
      N_("A table to export as CSV: gaps, kano, kpis, links or votes"), N_("TABLE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_DONE;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("touchpoint: %s\n", error->message);
      return EXIT_BAD_USAGE;
    }

  if (version)
    {
      g_print ("%s %s\n", "touchpoint", PACKAGE_VERSION);
      return EXIT_DONE;
    }

  if (!parse_numbers (&export))
    return EXIT_BAD_USAGE;

  if (export.output != NULL)
    {
      TpExportOptions options;

      if (validate)
        {
          usage_error (_("--export and --validate cannot be used together"));
          return EXIT_BAD_USAGE;
        }
      if (is_csv_name (export.output))
        {
          TpTable table;

          if (files == NULL || files[0] == NULL || files[1] != NULL)
            {
              usage_error (_("--export needs exactly one FILE to export"));
              return EXIT_BAD_USAGE;
            }
          if (!parse_table (&export, &table))
            return EXIT_BAD_USAGE;
          return export_table (&export, files[0], table);
        }
      if (!parse_export (&export, files, &options))
        return EXIT_BAD_USAGE;
      return export_file (&export, files[0], &options);
    }

  if (export.table != NULL)
    {
      usage_error (_("--table needs --export=OUT.csv"));
      return EXIT_BAD_USAGE;
    }

  if (validate)
    {
      if (files == NULL || files[0] == NULL)
        {
          g_printerr ("touchpoint: %s\n", _("--validate needs at least one FILE"));
          return EXIT_BAD_USAGE;
        }

      for (guint i = 0; files[i] != NULL; i++)
        if (!tp_cli_validate_file (files[i]))
          status = EXIT_BAD_INPUT;

      return status;
    }

  return EXIT_BAD_USAGE;
}
