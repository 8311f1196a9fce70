/* test-cli.c: the command-line contract of PRODUCT.md, run as scripts run it
 *
 * Every case spawns the real `touchpoint` binary with no display in its environment,
 * which also proves that these modes never initialise GTK.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <gio/gio.h>

#include "tp-test-tools.h"

static char *
write_temp (const char *name,
            const char *contents)
{
  g_autofree char *dir = g_dir_make_tmp ("tp-cli-XXXXXX", NULL);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));

  return path;
}

static void
remove_temp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_version (void)
{
  TpTestRun run = { 0, };

  tp_test_run_touchpoint (&run, (const char * const[]) { "--version", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "touchpoint " PACKAGE_VERSION));
  g_assert_cmpstr (run.err, ==, "");
  tp_test_run_clear (&run);
}

static void
test_validate_example (void)
{
  TpTestRun run = { 0, };

  tp_test_run_touchpoint (&run, (const char * const[]) { "--validate", TP_EXAMPLE_PATH, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");
  tp_test_run_clear (&run);
}

/* One line per problem, FILE:LINE: message, and status 1, for each kind of bad input. */
typedef struct
{
  const char *name;
  const char *contents;
  guint       line;       /* 0: no line expected */
  const char *fragment;   /* part of the message, case-insensitive */
} BadCase;

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define ROOT "<touchpoint xmlns=\"https://touchpoint.github.io/ns/1\" version=\"1.0\">\n"

static const BadCase bad_cases[] = {
  { "not-xml", "this is not a workshop\n", 1, "" },
  { "truncated", HEAD ROOT "  <canvas>\n    <block kind=\"channels\">\n", 5, "not well-formed" },
  { "wrong-root", HEAD "<html>\n</html>\n", 2, "" },
  { "newer-major", HEAD "<touchpoint xmlns=\"https://touchpoint.github.io/ns/1\" version=\"2.0\">\n</touchpoint>\n", 2, "newer" },
  { "duplicate-id", HEAD ROOT "  <personas>\n    <persona id=\"a\" name=\"A\" accent=\"blue\"/>\n"
                    "    <persona id=\"a\" name=\"B\" accent=\"red\"/>\n  </personas>\n</touchpoint>\n", 5, "a" },
  { "empty", "", 0, "" },
};

static void
test_validate_bad (gconstpointer data)
{
  const BadCase *c = data;
  g_autofree char *name = g_strconcat (c->name, ".touchpoint", NULL);
  g_autofree char *path = write_temp (name, c->contents);
  g_autofree char *prefix = NULL;
  g_auto(GStrv) lines = NULL;
  TpTestRun run = { 0, };

  tp_test_run_touchpoint (&run, (const char * const[]) { "--validate", path, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");

  /* Every line names the file, and the first one the expected line. */
  lines = g_strsplit (g_strchomp (run.err), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_true (g_str_has_prefix (lines[i], path));
  if (c->line > 0)
    prefix = g_strdup_printf ("%s:%u: ", path, c->line);
  else
    prefix = g_strdup_printf ("%s: ", path);
  if (!g_str_has_prefix (lines[0], prefix))
    g_error ("expected “%s” to start with “%s”", lines[0], prefix);
  {
    g_autofree char *lower = g_utf8_strdown (lines[0], -1);

    g_assert_nonnull (strstr (lower, c->fragment));
  }

  tp_test_run_clear (&run);
  remove_temp (path);
}

static void
test_validate_many (void)
{
  g_autofree char *bad = write_temp ("bad.touchpoint", "<nope/>\n");
  TpTestRun run = { 0, };

  /* A good file among bad ones: status 1, and only the bad one is reported. */
  tp_test_run_touchpoint (&run, (const char * const[]) { "--validate", TP_EXAMPLE_PATH, bad, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, bad));
  g_assert_null (strstr (run.err, TP_EXAMPLE_PATH));
  tp_test_run_clear (&run);
  remove_temp (bad);
}

static void
test_validate_missing_and_special (void)
{
  const char *paths[] = { "/nonexistent/x.touchpoint", "/dev/zero", "/tmp" };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      TpTestRun run = { 0, };

      tp_test_run_touchpoint (&run, (const char * const[]) { "--validate", paths[i], NULL });
      g_assert_cmpint (run.status, ==, 1);
      g_assert_true (g_str_has_prefix (run.err, paths[i]));
      g_assert_cmpuint (strlen (run.err), <, 400);
      tp_test_run_clear (&run);
    }
}

/* Files that never end or wait for data are refused at once, not read: a FIFO nobody
 * writes to, and /proc/kmsg, which the kernel calls a regular file but whose read waits
 * for the next kernel message (readable by root only, as in CI), like every file of the
 * kernel's own file systems. */
static void
test_validate_waiting (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tp-cli-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.touchpoint", NULL);
  const char *paths[] = { fifo, "/proc/kmsg", "/proc/self/status" };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      TpTestRun run = { 0, };

      if (g_access (paths[i], R_OK) != 0)
        {
          g_test_message ("%s is not readable here: not checked", paths[i]);
          continue;
        }

      tp_test_run_touchpoint_limited (&run, 20, (const char * const[]) { "--validate", paths[i], NULL });
      g_assert_cmpint (run.status, ==, 1);
      g_assert_true (g_str_has_prefix (run.err, paths[i]));
      g_assert_nonnull (strstr (run.err, "cannot be a document"));
      tp_test_run_clear (&run);
    }

  g_unlink (fifo);
  g_rmdir (dir);
}

/* Numbers out of range, not numbers, overflowing or not finite are bad usage with a
 * message, never taken for "not given". */
static void
test_bad_numbers (void)
{
  const char *options[] = {
    "--dpi=-2147483648", "--dpi=2147483648", "--dpi=99999999999999999999", "--dpi=9",
    "--dpi=1201", "--dpi=-1", "--dpi=72.5", "--dpi=", "--dpi=abc", "--dpi= 72",
    "--scale=-1.7976931348623157e308", "--scale=1e999", "--scale=inf", "--scale=nan",
    "--scale=-1", "--scale=0", "--scale=0.09", "--scale=10.5", "--scale=2x", "--scale=",
  };
  g_autofree char *dir = g_dir_make_tmp ("tp-cli-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "out.png", NULL);
  g_autofree char *export = g_strdup_printf ("--export=%s", out);

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      TpTestRun run = { 0, };
      const char *name = g_str_has_prefix (options[i], "--dpi") ? "--dpi" : "--scale";

      tp_test_run_touchpoint (&run, (const char * const[]) { export, options[i], TP_EXAMPLE_PATH, NULL });
      g_test_message ("%s: %d %s", options[i], run.status, run.err);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, name));
      g_assert_nonnull (strstr (run.err, "between"));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
      tp_test_run_clear (&run);
    }

  g_rmdir (dir);
}

static void
test_bad_usage (void)
{
  TpTestRun run = { 0, };

  tp_test_run_touchpoint (&run, (const char * const[]) { "--validate", NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.err, !=, "");
  tp_test_run_clear (&run);

  tp_test_run_touchpoint (&run, (const char * const[]) { "--validate", "--no-such-option", TP_EXAMPLE_PATH, NULL });
  g_assert_cmpint (run.status, ==, 2);
  tp_test_run_clear (&run);
}

/* The libraries the dynamic loader opened for a run of touchpoint with args (its
 * LD_DEBUG=libs report, on stderr), and the run's exit status. */
static char *
loaded_libraries (const char * const *args,
                  int                *status)
{
  TpTestRun run = { 0, };
  char *err;

  g_setenv ("LD_DEBUG", "libs", TRUE);
  tp_test_run_touchpoint (&run, args);
  g_unsetenv ("LD_DEBUG");
  *status = run.status;
  err = g_steal_pointer (&run.err);
  tp_test_run_clear (&run);
  return err;
}

/* Issue 19: the command-line modes load the core's libraries only, not GTK and
 * libadwaita, and --validate not even the renderer's (most of a small file's validation
 * was loading them); anything else is still the application, which the same command
 * becomes. */
static void
test_no_gtk (void)
{
  g_autofree char *validate = NULL;
  g_autofree char *help = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tp-cli-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *export_arg = g_strconcat ("--export=", pdf, NULL);
  g_autofree char *export = NULL;
  int status = -1;

  validate = loaded_libraries ((const char * const[]) { "--validate", TP_EXAMPLE_PATH, NULL }, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (validate, "libxml2.so"));
  g_assert_null (strstr (validate, "libgtk-4.so"));
  g_assert_null (strstr (validate, "libadwaita-1.so"));
  /* The plain form is validated without the renderer's libraries too. */
  g_assert_null (strstr (validate, "libcairo.so"));
  g_assert_null (strstr (validate, "libpango-1.0.so"));

  export = loaded_libraries ((const char * const[]) { export_arg, "--page=canvas", TP_EXAMPLE_PATH, NULL }, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_null (strstr (export, "libgtk-4.so"));
  g_unlink (pdf);
  g_rmdir (dir);

  /* GApplication answers --help before it needs a display. */
  help = loaded_libraries ((const char * const[]) { "--help", NULL }, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (help, "libgtk-4.so"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/cli/version", test_version);
  g_test_add_func ("/touchpoint/cli/validate-example", test_validate_example);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/touchpoint/cli/validate-bad/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_validate_bad);
    }
  g_test_add_func ("/touchpoint/cli/validate-many", test_validate_many);
  g_test_add_func ("/touchpoint/cli/validate-missing-and-special", test_validate_missing_and_special);
  g_test_add_func ("/touchpoint/cli/validate-waiting", test_validate_waiting);
  g_test_add_func ("/touchpoint/cli/bad-numbers", test_bad_numbers);
  g_test_add_func ("/touchpoint/cli/bad-usage", test_bad_usage);
  g_test_add_func ("/touchpoint/cli/no-gtk", test_no_gtk);

  return g_test_run ();
}
