/* test-snapshotter.c: when recovery snapshots are written and removed (RELIABILITY.md,
 * "Recovery"), with a real main loop and real files, and delays shortened so that the
 * test does not wait seconds for each case. */
#include "config.h"

#include <glib/gstdio.h>

#include "io/tp-document-file.h"
#include "io/tp-loader.h"
#include "io/tp-snapshotter.h"
#include "io/tp-writer.h"

#define DELAY_MS     150
#define MAX_DELAY_MS 600

typedef struct
{
  char            *dir;
  TpRecoveryStore *store;
  TpDocument      *document;
  TpSnapshotter   *snapshotter;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) example = g_file_new_for_path (TP_EXAMPLE_PATH);
  g_autofree char *store_dir = NULL;

  fixture->dir = g_dir_make_tmp ("test-snapshotter-XXXXXX", &error);
  g_assert_no_error (error);
  store_dir = g_build_filename (fixture->dir, "recovery", NULL);
  fixture->store = tp_recovery_store_new (store_dir);

  fixture->document = tp_load_file (example, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  fixture->snapshotter = tp_snapshotter_new (fixture->store, fixture->document, NULL);
  tp_snapshotter_set_delays (fixture->snapshotter, DELAY_MS, MAX_DELAY_MS);
  tp_snapshotter_set_origin (fixture->snapshotter, example, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->snapshotter);
  g_clear_object (&fixture->document);
  g_clear_pointer (&fixture->store, tp_recovery_store_unref);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static guint
count_snapshots (Fixture *fixture)
{
  g_autoptr(GPtrArray) snapshots = tp_recovery_store_list (fixture->store);

  return snapshots->len;
}

/* The document the one snapshot holds, serialized. */
static GBytes *
dup_snapshot_bytes (Fixture *fixture)
{
  g_autoptr(GPtrArray) snapshots = tp_recovery_store_list (fixture->store);
  g_autoptr(TpDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (snapshots->len, ==, 1);
  document = tp_recovery_store_load (fixture->store, g_ptr_array_index (snapshots, 0),
                                     NULL, &error);
  g_assert_no_error (error);

  return tp_write_bytes (document);
}

static gboolean
on_timeout (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for ms, and until the workers' results have come back. */
static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_for_current (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!tp_snapshotter_is_current (fixture->snapshotter) &&
         g_get_monotonic_time () < deadline)
    run_for (20);
  g_assert_true (tp_snapshotter_is_current (fixture->snapshotter));
}

static void
add_note (Fixture    *fixture,
          const char *text)
{
  tp_document_add_note (fixture->document, TP_CONTAINER_CHANNELS, G_MAXUINT, text);
}

static void
assert_bytes_equal_document (GBytes     *bytes,
                             TpDocument *document)
{
  g_autoptr(GBytes) expected = tp_write_bytes (document);

  g_assert_true (g_bytes_equal (bytes, expected));
}

static void
test_nothing_while_unmodified (Fixture       *fixture,
                               gconstpointer  data)
{
  run_for (MAX_DELAY_MS + 100);
  g_assert_cmpuint (count_snapshots (fixture), ==, 0);
}

static void
test_written_after_delay (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;

  add_note (fixture, "First change");
  /* Not at once: a burst of typing is one snapshot, not one per key. */
  g_assert_cmpuint (count_snapshots (fixture), ==, 0);

  wait_for_current (fixture);
  bytes = dup_snapshot_bytes (fixture);
  assert_bytes_equal_document (bytes, fixture->document);
}

static void
test_written_during_long_burst (Fixture       *fixture,
                                gconstpointer  data)
{
  gint64 start = g_get_monotonic_time ();
  gboolean seen = FALSE;

  /* A change every third of the delay never lets the delay run out; the maximum delay
   * still brings a snapshot. */
  while (g_get_monotonic_time () - start < 3 * MAX_DELAY_MS * 1000)
    {
      add_note (fixture, "Typing on and on");
      run_for (DELAY_MS / 3);
      if (count_snapshots (fixture) > 0)
        {
          seen = TRUE;
          break;
        }
    }

  g_assert_true (seen);
}

static void
test_removed_when_saved (Fixture       *fixture,
                         gconstpointer  data)
{
  add_note (fixture, "To be saved");
  wait_for_current (fixture);
  g_assert_cmpuint (count_snapshots (fixture), ==, 1);

  tp_document_set_saved (fixture->document);
  g_assert_cmpuint (count_snapshots (fixture), ==, 0);

  /* Undone past the save: unsaved work again, in a snapshot again. */
  tp_document_undo (fixture->document);
  g_assert_true (tp_document_get_modified (fixture->document));
  wait_for_current (fixture);
  g_assert_cmpuint (count_snapshots (fixture), ==, 1);

  /* Redone back to what was saved: nothing to recover. */
  tp_document_redo (fixture->document);
  g_assert_false (tp_document_get_modified (fixture->document));
  g_assert_cmpuint (count_snapshots (fixture), ==, 0);
  run_for (MAX_DELAY_MS + 100);
  g_assert_cmpuint (count_snapshots (fixture), ==, 0);
}

static void
test_removed_when_undone_to_disk (Fixture       *fixture,
                                  gconstpointer  data)
{
  add_note (fixture, "Undone");
  wait_for_current (fixture);
  tp_document_undo (fixture->document);
  g_assert_false (tp_document_get_modified (fixture->document));
  g_assert_cmpuint (count_snapshots (fixture), ==, 0);
}

static void
test_discard (Fixture       *fixture,
              gconstpointer  data)
{
  add_note (fixture, "Thrown away");
  wait_for_current (fixture);
  tp_snapshotter_discard (fixture->snapshotter);
  g_assert_cmpuint (count_snapshots (fixture), ==, 0);

  /* Nothing more once discarded, even if the document changes until it goes away. */
  add_note (fixture, "After discarding");
  g_assert_true (tp_snapshotter_flush (fixture->snapshotter, TRUE));
  run_for (MAX_DELAY_MS + 100);
  g_assert_cmpuint (count_snapshots (fixture), ==, 0);
}

static void
test_flush_waits (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GBytes) bytes = NULL;

  add_note (fixture, "Flushed at once");
  g_assert_true (tp_snapshotter_flush (fixture->snapshotter, TRUE));
  g_assert_true (tp_snapshotter_is_current (fixture->snapshotter));

  bytes = dup_snapshot_bytes (fixture);
  assert_bytes_equal_document (bytes, fixture->document);
}

/* A worker still writing an older snapshot must not win over a newer synchronous one,
 * nor bring back a snapshot removed after it started. */
static void
test_overlapping_writes (Fixture       *fixture,
                         gconstpointer  data)
{
  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(GBytes) bytes = NULL;

      add_note (fixture, "Written in the background");
      tp_snapshotter_flush (fixture->snapshotter, FALSE);
      add_note (fixture, "Written while waiting");
      g_assert_true (tp_snapshotter_flush (fixture->snapshotter, TRUE));
      run_for (30);

      bytes = dup_snapshot_bytes (fixture);
      assert_bytes_equal_document (bytes, fixture->document);

      add_note (fixture, "Then saved");
      tp_snapshotter_flush (fixture->snapshotter, FALSE);
      tp_document_set_saved (fixture->document);
      run_for (30);
      g_assert_cmpuint (count_snapshots (fixture), ==, 0);
    }
}

/* A recovered document continues its snapshot: no second one beside it. */
static void
test_continue_snapshot (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(TpDocument) recovered = NULL;
  g_autoptr(TpSnapshotter) continued = NULL;
  g_autoptr(GError) error = NULL;
  TpSnapshotInfo *info;

  add_note (fixture, "Before the crash");
  g_assert_true (tp_snapshotter_flush (fixture->snapshotter, TRUE));
  /* The crash: the snapshotter goes, its snapshot stays. */
  g_clear_object (&fixture->snapshotter);

  snapshots = tp_recovery_store_list (fixture->store);
  g_assert_cmpuint (snapshots->len, ==, 1);
  info = g_ptr_array_index (snapshots, 0);
  recovered = tp_recovery_store_load (fixture->store, info, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tp_document_get_modified (recovered));

  continued = tp_snapshotter_new (fixture->store, recovered, info->id);
  tp_snapshotter_set_delays (continued, DELAY_MS, MAX_DELAY_MS);
  g_assert_true (tp_snapshotter_is_current (continued));
  g_assert_cmpstr (tp_snapshotter_get_id (continued), ==, info->id);

  tp_document_add_note (recovered, TP_CONTAINER_CHANNELS, G_MAXUINT, "After the crash");
  g_assert_true (tp_snapshotter_flush (continued, TRUE));
  g_clear_pointer (&snapshots, g_ptr_array_unref);
  snapshots = tp_recovery_store_list (fixture->store);
  g_assert_cmpuint (snapshots->len, ==, 1);
}

/* The origin recorded is the one at the time of the snapshot. */
static void
test_origin (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.touchpoint", NULL);
  g_autoptr(GFile) other = g_file_new_for_path (other_path);
  TpSnapshotInfo *info;

  add_note (fixture, "Where from");
  g_assert_true (tp_snapshotter_flush (fixture->snapshotter, TRUE));
  tp_snapshotter_set_origin (fixture->snapshotter, other, NULL);
  g_assert_false (tp_snapshotter_is_current (fixture->snapshotter));
  g_assert_true (tp_snapshotter_flush (fixture->snapshotter, TRUE));

  snapshots = tp_recovery_store_list (fixture->store);
  g_assert_cmpuint (snapshots->len, ==, 1);
  info = g_ptr_array_index (snapshots, 0);
  g_assert_nonnull (info->file);
  g_assert_true (g_file_equal (info->file, other));
}

/* Issue 16: a snapshot that cannot be written is a fault the user must hear of. A
 * regular file where the recovery folder should be makes every write fail (ENOTDIR), as
 * root too; removing it lets the next one through. */
static char *
block_store (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  char *path = g_strdup (tp_recovery_store_get_dir (fixture->store));

  g_file_set_contents (path, "not a folder", -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
on_error_notify (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    data)
{
  (*(guint *) data)++;
}

static void
wait_for_error (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (tp_snapshotter_get_error (fixture->snapshotter) == NULL &&
         g_get_monotonic_time () < deadline)
    run_for (20);
  g_assert_nonnull (tp_snapshotter_get_error (fixture->snapshotter));
}

static void
test_failure_reported (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *blocker = block_store (fixture);
  guint notified = 0;

  g_signal_connect (fixture->snapshotter, "notify::error", G_CALLBACK (on_error_notify),
                    &notified);
  g_assert_null (tp_snapshotter_get_error (fixture->snapshotter));

  /* The timed write, in a worker. */
  add_note (fixture, "Not protected");
  wait_for_error (fixture);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_false (tp_snapshotter_is_current (fixture->snapshotter));

  /* The synchronous one (a signal, the session's end) says so too, and notifies no
   * more for the same reason. */
  g_assert_false (tp_snapshotter_flush (fixture->snapshotter, TRUE));
  g_assert_nonnull (tp_snapshotter_get_error (fixture->snapshotter));
  g_assert_cmpuint (notified, ==, 1);

  /* Room again: the next snapshot protects the work, and the report goes. */
  g_assert_cmpint (g_remove (blocker), ==, 0);
  add_note (fixture, "Protected again");
  wait_for_current (fixture);
  g_assert_null (tp_snapshotter_get_error (fixture->snapshotter));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpuint (count_snapshots (fixture), ==, 1);
}

static void
test_failure_cleared_by_save (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *blocker = block_store (fixture);

  add_note (fixture, "Saved instead");
  g_assert_false (tp_snapshotter_flush (fixture->snapshotter, TRUE));
  g_assert_nonnull (tp_snapshotter_get_error (fixture->snapshotter));

  /* Saved: nothing is left unprotected. */
  g_assert_cmpint (g_remove (blocker), ==, 0);
  tp_document_set_saved (fixture->document);
  g_assert_null (tp_snapshotter_get_error (fixture->snapshotter));
  g_assert_true (tp_snapshotter_flush (fixture->snapshotter, TRUE));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/touchpoint/snapshotter/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("nothing-while-unmodified", test_nothing_while_unmodified);
  ADD ("written-after-delay", test_written_after_delay);
  ADD ("written-during-long-burst", test_written_during_long_burst);
  ADD ("removed-when-saved", test_removed_when_saved);
  ADD ("removed-when-undone-to-disk", test_removed_when_undone_to_disk);
  ADD ("discard", test_discard);
  ADD ("flush-waits", test_flush_waits);
  ADD ("overlapping-writes", test_overlapping_writes);
  ADD ("continue-snapshot", test_continue_snapshot);
  ADD ("origin", test_origin);
  ADD ("failure-reported", test_failure_reported);
  ADD ("failure-cleared-by-save", test_failure_cleared_by_save);
#undef ADD

  return g_test_run ();
}
