/* tp-bench.c: load and save figures for workshops of 100, 1,000 and 10,000 notes
 *
 *   tp-bench [--repeat N] [SIZE…]       print the figures as a Markdown table
 *   tp-bench generate SIZE OUT          write a synthetic document of SIZE notes
 *   tp-bench generate SHAPE=N OUT       … or of N moments, links, needs or kpis
 *
 * Wall-clock times vary from machine to machine, so every figure comes with a ratio to
 * a baseline measured in the same run on the same bytes: loading against a bare libxml2
 * parse (no caps, no schema, no model), saving against a plain non-durable
 * g_file_set_contents(). Peak memory is measured in a child process per size.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tp-bench-doc.h"
#include "io/tp-document-file.h"
#include "io/tp-loader.h"
#include "io/tp-writer.h"

typedef void (*BenchFunc) (gpointer data);

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Median of repeat runs, in milliseconds. */
static double
time_median (BenchFunc func,
             gpointer  data,
             guint     repeat)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < repeat; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      func (data);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }

  g_array_sort (times, compare_doubles);

  return g_array_index (times, double, times->len / 2);
}

typedef struct
{
  GBytes     *bytes;
  TpDocument *document;
  GFile      *file;
  char       *path;
} Bench;

static void
run_load (gpointer data)
{
  Bench *bench = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDocument) document = tp_load_bytes (bench->bytes, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
}

static void
run_bare_parse (gpointer data)
{
  Bench *bench = data;
  gsize size;
  const char *buffer = g_bytes_get_data (bench->bytes, &size);
  xmlDocPtr doc = xmlReadMemory (buffer, size, NULL, "UTF-8", XML_PARSE_NONET);

  g_assert_nonnull (doc);
  xmlFreeDoc (doc);
}

static void
run_write (gpointer data)
{
  Bench *bench = data;
  g_autoptr(GBytes) bytes = tp_write_bytes (bench->document);

  g_assert_nonnull (bytes);
}

static void
run_save (gpointer data)
{
  Bench *bench = data;
  g_autoptr(GError) error = NULL;

  tp_save_file (bench->document, bench->file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
run_plain_write (gpointer data)
{
  Bench *bench = data;
  gsize size;
  const char *buffer = g_bytes_get_data (bench->bytes, &size);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (bench->path, buffer, size, &error);
  g_assert_no_error (error);
}

/* Peak resident memory in KiB, measured in a fresh process (a forked one would reuse
 * heap pages this process already has, and show nothing): before loading, with the
 * file's bytes read, and after loading the document from them. */
static gboolean
peak_memory_kib (const char *path,
                 long       *before,
                 long       *after)
{
  const char *argv[] = { "/proc/self/exe", "--peak", path, NULL };
  g_autofree char *out = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    return FALSE;

  return sscanf (out, "%ld %ld", before, after) == 2;
}

/* VmHWM, not getrusage(): ru_maxrss survives exec and would report the parent's peak. */
static long
max_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *hwm;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (hwm = strstr (status, "VmHWM:")) == NULL)
    return 0;

  return strtol (hwm + strlen ("VmHWM:"), NULL, 10);
}

static int
measure_peak (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);
  g_autoptr(TpDocument) document = NULL;
  long before;

  if (bytes == NULL)
    return 1;

  before = max_rss_kib ();
  document = tp_load_bytes (bytes, NULL, NULL);
  if (document == NULL)
    return 1;
  g_print ("%ld %ld\n", before, max_rss_kib ());

  return 0;
}

static void
bench_size (guint n,
            guint repeat,
            const char *dir)
{
  Bench bench = { 0, };
  double load, parse, write, save, plain;
  long peak_load, peak_base;

  bench.document = tp_bench_make_document (n);
  bench.bytes = tp_write_bytes (bench.document);
  bench.path = g_strdup_printf ("%s/bench-%u.touchpoint", dir, n);
  bench.file = g_file_new_for_path (bench.path);

  load = time_median (run_load, &bench, repeat);
  parse = time_median (run_bare_parse, &bench, repeat);
  write = time_median (run_write, &bench, repeat);
  save = time_median (run_save, &bench, repeat);
  plain = time_median (run_plain_write, &bench, repeat);
  if (!peak_memory_kib (bench.path, &peak_base, &peak_load))
    peak_base = peak_load = 0;

  g_print ("| %'u | %u | %.0f KiB | %.1f ms (%.1f×) | %.1f ms | %.1f ms (%.1f×) | %.1f → %.1f MiB |\n",
           n, tp_document_get_n_touchpoints (bench.document),
           g_bytes_get_size (bench.bytes) / 1024.0,
           load, load / MAX (parse, 0.001),
           write,
           save, save / MAX (plain, 0.001),
           peak_base / 1024.0, peak_load / 1024.0);

  g_unlink (bench.path);
  g_bytes_unref (bench.bytes);
  g_object_unref (bench.document);
  g_object_unref (bench.file);
  g_free (bench.path);
}

static int
generate (const char *size,
          const char *out)
{
  /* "moments=50000": a document that grows in one kind (tp_bench_make_shape()). */
  g_auto(GStrv) shape = g_strsplit (size, "=", 2);
  g_autoptr(TpDocument) document = shape[1] != NULL
                                   ? tp_bench_make_shape (shape[0], MAX (atoi (shape[1]), 1))
                                   : tp_bench_make_document (MAX (atoi (size), 1));
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (out);
  g_autoptr(GError) error = NULL;

  if (document == NULL)
    {
      g_printerr ("unknown shape %s (links, moments, needs, kpis)\n", shape[0]);
      return 1;
    }
  if (!tp_save_file (document, file, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s: %s\n", out, error->message);
      return 1;
    }

  return 0;
}

int
main (int    argc,
      char **argv)
{
  guint repeat = 5;
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *dir = NULL;

  setlocale (LC_ALL, "");

  if (argc == 3 && g_str_equal (argv[1], "--peak"))
    return measure_peak (argv[2]);
  if (argc == 4 && g_str_equal (argv[1], "generate"))
    return generate (argv[2], argv[3]);

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--repeat") && i + 1 < argc)
        {
          i++;
          repeat = MAX (atoi (argv[i]), 1);
        }
      else
        {
          guint n = MAX (atoi (argv[i]), 1);

          g_array_append_val (sizes, n);
        }
    }
  if (sizes->len == 0)
    {
      const guint defaults[] = { 100, 1000, 10000 };

      g_array_append_vals (sizes, defaults, G_N_ELEMENTS (defaults));
    }

  dir = g_dir_make_tmp ("tp-bench-XXXXXX", NULL);
  g_print ("Median of %u runs. Ratios: load ÷ bare libxml2 parse of the same bytes; "
           "save (self-check + durable write) ÷ plain g_file_set_contents().\n\n", repeat);
  g_print ("| notes | touchpoints | file | load | write (serialize) | save | peak memory: with the bytes read → after loading |\n");
  g_print ("|---:|---:|---:|---:|---:|---:|---:|\n");
  for (guint i = 0; i < sizes->len; i++)
    bench_size (g_array_index (sizes, guint, i), repeat, dir);
  g_rmdir (dir);

  return 0;
}
