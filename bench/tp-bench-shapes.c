/* tp-bench-shapes.c: export time and memory in documents that grow in one element kind
 *
 *   tp-bench-shapes [--cpu] [--page=PAGE] [SHAPE[=N]…]   print the figures as a Markdown table
 *
 * Shapes (bench/tp-bench-doc.h): links (default n 10,000, exported as a PNG of the board,
 * where links are drawn across it), touchpoints (10,000 plain touchpoints, drawn on the
 * journey), moments (50,000), needs (60,000) and kpis (40,000), each exported as the PDF of
 * every page (slide size, the default), where the journey and the analysis pages show
 * them. Issue 19 asks t(10k) / t(1k) ≤ 10 for every kind: give each SHAPE=10000. Issue 16 found these minutes long and a gigabyte large.
 *
 * --page=PAGE exports that page alone (as --page of the command line, e.g. board or
 * analysis) as a PDF, to find which page a peak comes from.
 *
 * --in-process exports each SHAPE=N once, at N only, in this process and prints nothing:
 * for heaptrack or valgrind, which do not follow a child.
 *
 * Each export is written to a file in a temporary folder (tp_export_to_file(), as the
 * command line and the export dialog write it) and runs in a child process of its own, so
 * that its peak memory (the child's maximum resident set, from wait4()) is its own. The growth ratio is the time at n over
 * the time at n / 10, both measured in the same run: 10 is linear, 100 quadratic; the
 * ratio carries over between machines where wall-clock times do not.
 */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "tp-bench-doc.h"
#include "render/tp-export.h"

static gboolean use_cpu_time;
static gboolean one_page;
static gboolean in_process;
static TpExportPage only_page;

typedef struct
{
  const char     *shape;
  guint           n;
  TpExportFormat  format;
  TpExportPage    page;
} Shape;

static const Shape shapes[] = {
  { "links", 10000, TP_EXPORT_FORMAT_PNG, TP_EXPORT_PAGE_BOARD },
  { "touchpoints", 10000, TP_EXPORT_FORMAT_PDF, TP_EXPORT_PAGE_ALL },
  { "moments", 50000, TP_EXPORT_FORMAT_PDF, TP_EXPORT_PAGE_ALL },
  { "needs", 60000, TP_EXPORT_FORMAT_PDF, TP_EXPORT_PAGE_ALL },
  { "kpis", 40000, TP_EXPORT_FORMAT_PDF, TP_EXPORT_PAGE_ALL },
};

typedef struct
{
  double ms;        /* the export alone, not making the document */
  double bytes;     /* of the file made */
  double rss_mib;   /* the child's peak */
  gboolean ok;
} Result;

/* Exports document as shape asks, to a file in a temporary folder; its size in bytes,
 * or -1 with a message. */
static double
export_to_file (TpDocument  *document,
                const Shape *shape,
                guint        n)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tp-bench-shapes-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  TpExportOptions options;
  GStatBuf st;
  double size = -1;

  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return -1;
    }
  path = g_build_filename (dir, shape->format == TP_EXPORT_FORMAT_PNG && !one_page ? "out.png"
                                                                                   : "out.pdf",
                           NULL);
  file = g_file_new_for_path (path);
  tp_export_options_init (&options);
  options.format = one_page ? TP_EXPORT_FORMAT_PDF : shape->format;
  options.page = one_page ? only_page : shape->page;
  if (!tp_export_to_file (document, file, &options, NULL, &error))
    g_printerr ("%s %u: %s\n", shape->shape, n, error->message);
  else if (g_stat (path, &st) == 0)
    size = st.st_size;
  g_unlink (path);
  g_rmdir (dir);
  return size;
}

/* In a child: makes the document, exports it, writes ms and bytes to fd. */
static void
child_export (const Shape *shape,
              guint        n,
              int          fd)
{
  g_autoptr(TpDocument) document = tp_bench_make_shape (shape->shape, n);
  double out[2];
  gint64 start;

  start = tp_bench_now_us (use_cpu_time);
  out[1] = export_to_file (document, shape, n);
  out[0] = (tp_bench_now_us (use_cpu_time) - start) / 1000.0;
  if (out[1] < 0)
    _exit (1);
  if (write (fd, out, sizeof out) != sizeof out)
    _exit (1);
  _exit (0);
}

static Result
measure (const Shape *shape,
         guint        n)
{
  Result result = { 0, };
  struct rusage usage;
  double out[2];
  int fds[2];
  int status;
  pid_t pid;

  if (pipe (fds) != 0)
    g_error ("pipe: %s", g_strerror (errno));
  pid = fork ();
  if (pid == 0)
    {
      close (fds[0]);
      child_export (shape, n, fds[1]);
    }
  close (fds[1]);
  result.ok = read (fds[0], out, sizeof out) == sizeof out;
  close (fds[0]);
  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    result.ok = FALSE;
  if (result.ok)
    {
      result.ms = out[0];
      result.bytes = out[1];
      result.rss_mib = usage.ru_maxrss / 1024.0;
    }
  return result;
}

/* In this process, for a heap profiler: the export as a child would make it. */
static void
export_here (const Shape *shape,
             guint        n)
{
  g_autoptr(TpDocument) document = tp_bench_make_shape (shape->shape, n);

  export_to_file (document, shape, n);
}

static void
bench_shape (const Shape *shape,
             guint        n)
{
  if (in_process)
    {
      export_here (shape, n);
      return;
    }

  Result small = measure (shape, n / 10);
  Result large = measure (shape, n);
  const char *what = one_page ? "PDF one page"
                     : shape->format == TP_EXPORT_FORMAT_PNG ? "PNG board" : "PDF every page";

  if (!small.ok || !large.ok)
    {
      g_print ("| %s | %'u | %s | failed | | | |\n", shape->shape, n, what);
      return;
    }
  g_print ("| %s | %'u | %s | %.0f ms | %.0f ms | %.1f | %.0f MiB | %.0f KiB |\n",
           shape->shape, n, what, small.ms, large.ms, large.ms / MAX (small.ms, 0.001),
           large.rss_mib, large.bytes / 1024.0);
}

int
main (int    argc,
      char **argv)
{
  guint n_done = 0;

  setlocale (LC_ALL, "");

  g_print ("| shape | n | export | time at n / 10 | time at n | growth | peak RSS at n | "
           "file at n |\n");
  g_print ("|---|---:|---|---:|---:|---:|---:|---:|\n");

  for (int i = 1; i < argc; i++)
    {
      g_auto(GStrv) parts = NULL;
      gboolean found = FALSE;

      if (g_str_equal (argv[i], "--in-process"))
        {
          in_process = TRUE;
          continue;
        }
      if (g_str_equal (argv[i], "--cpu"))
        {
          use_cpu_time = TRUE;
          continue;
        }
      if (g_str_has_prefix (argv[i], "--page="))
        {
          if (!tp_export_page_from_string (argv[i] + strlen ("--page="), &only_page))
            {
              g_printerr ("unknown page %s\n", argv[i] + strlen ("--page="));
              return 2;
            }
          one_page = TRUE;
          continue;
        }
      parts = g_strsplit (argv[i], "=", 2);
      for (guint s = 0; s < G_N_ELEMENTS (shapes); s++)
        if (g_str_equal (parts[0], shapes[s].shape))
          {
            guint n = parts[1] != NULL ? (guint) atoi (parts[1]) : shapes[s].n;

            bench_shape (&shapes[s], MAX (n, 10));
            found = TRUE;
            n_done++;
          }
      if (!found)
        {
          g_printerr ("unknown shape %s (links, touchpoints, moments, needs, kpis)\n", parts[0]);
          return 2;
        }
    }

  for (guint s = 0; n_done == 0 && s < G_N_ELEMENTS (shapes); s++)
    bench_shape (&shapes[s], shapes[s].n);

  return 0;
}
