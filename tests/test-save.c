/* test-save.c: saving: what is written loads back, and a failed save leaves the old file
 * byte-identical. Faults the kernel must produce (full disk, EIO, read-only folders) are
 * in save-faults.sh. */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "io/tp-document-file.h"
#include "io/tp-loader.h"
#include "io/tp-writer.h"
#include "model/tp-document-private.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-save-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      g_chmod (path, 0700);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    {
      g_remove (path);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static char *
fixture_file (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static TpDocument *
load_example (TpFileStamp **stamp)
{
  g_autoptr(GFile) file = g_file_new_for_path (TP_EXAMPLE_PATH);
  g_autoptr(GError) error = NULL;
  TpDocument *document = tp_load_file (file, stamp, NULL, NULL, &error);

  g_assert_no_error (error);

  return document;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static void
write_text (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static void
assert_file_has (const char *path,
                 GBytes     *expected)
{
  g_autoptr(GBytes) actual = read_bytes (path);

  g_assert_true (g_bytes_equal (actual, expected));
}

static void
edit (TpDocument *document)
{
  g_assert_nonnull (tp_document_add_note (document, TP_CONTAINER_CHANNELS, 0, "A new channel"));
  g_assert_true (tp_document_get_modified (document));
}

static void
test_save_then_load (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = fixture_file (fixture, "saved.touchpoint");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TpDocument) document = load_example (NULL);
  g_autoptr(TpDocument) loaded = NULL;
  g_autoptr(TpFileStamp) stamp = NULL;
  g_autoptr(TpFileStamp) loaded_stamp = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GBytes) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf buf;

  edit (document);
  expected = tp_write_bytes (document);

  g_assert_true (tp_save_file (document, file, NULL, &stamp, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (tp_document_get_modified (document));
  g_assert_true (g_file_equal (tp_document_get_file (document), file));
  assert_file_has (path, expected);

  /* New files get the usual permissions (main() sets the umask to 022). */
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0644);

  loaded = tp_load_file (file, &loaded_stamp, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tp_file_stamp_equal (stamp, loaded_stamp));
  g_assert_cmpstr (stamp->etag, ==, loaded_stamp->etag);
  reloaded = tp_write_bytes (loaded);
  g_assert_true (g_bytes_equal (reloaded, expected));

  /* Saving again over the known file, unchanged since. */
  edit (document);
  g_assert_true (tp_save_file (document, file, stamp, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (tp_document_get_modified (document));
}

static void
test_changed_on_disk (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = fixture_file (fixture, "shared.touchpoint");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TpDocument) document = load_example (NULL);
  g_autoptr(TpFileStamp) stamp = NULL;
  g_autoptr(TpFileStamp) new_stamp = NULL;
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GBytes) ours = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (tp_save_file (document, file, NULL, &stamp, NULL, &error));
  g_assert_no_error (error);

  /* Someone else saves the same file meanwhile. */
  write_text (path, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- theirs -->\n");
  theirs = read_bytes (path);

  edit (document);
  g_assert_false (tp_save_file (document, file, stamp, &new_stamp, NULL, &error));
  g_assert_error (error, TP_SAVE_ERROR, TP_SAVE_ERROR_CHANGED_ON_DISK);
  g_assert_nonnull (strstr (error->message, "“shared.touchpoint” was changed by another program"));
  g_assert_null (new_stamp);
  g_clear_error (&error);
  assert_file_has (path, theirs);
  g_assert_true (tp_document_get_modified (document));

  /* Same size, other content: the hash decides. */
  write_text (path, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- THEIRS -->\n");
  g_clear_pointer (&theirs, g_bytes_unref);
  theirs = read_bytes (path);
  {
    g_autoptr(TpFileStamp) same_size = tp_file_stamp_new_for_bytes (theirs, NULL);
    g_autoptr(GBytes) lower = g_bytes_new_static ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- theirs -->\n",
                                                  strlen ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- theirs -->\n"));
    g_autoptr(TpFileStamp) expected = tp_file_stamp_new_for_bytes (lower, NULL);

    g_assert_cmpuint (same_size->size, ==, expected->size);
    g_assert_false (tp_save_file (document, file, expected, NULL, NULL, &error));
    g_assert_error (error, TP_SAVE_ERROR, TP_SAVE_ERROR_CHANGED_ON_DISK);
    g_clear_error (&error);
    assert_file_has (path, theirs);
  }

  /* The user chose to overwrite. */
  ours = tp_write_bytes (document);
  g_assert_true (tp_save_file (document, file, NULL, &new_stamp, NULL, &error));
  g_assert_no_error (error);
  assert_file_has (path, ours);
  g_assert_false (tp_document_get_modified (document));

  /* A file that is gone is no conflict. */
  g_assert_cmpint (g_remove (path), ==, 0);
  edit (document);
  g_assert_true (tp_save_file (document, file, new_stamp, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_symlink (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *real_dir = fixture_file (fixture, "real");
  g_autofree char *target = g_build_filename (real_dir, "target.touchpoint", NULL);
  g_autofree char *link = fixture_file (fixture, "link.touchpoint");
  g_autofree char *chain = fixture_file (fixture, "chain.touchpoint");
  g_autoptr(GFile) file = g_file_new_for_path (chain);
  g_autoptr(TpDocument) document = load_example (NULL);
  g_autoptr(TpFileStamp) stamp = NULL;
  g_autoptr(GBytes) ours = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *link_target = NULL;
  GStatBuf buf;

  g_assert_cmpint (g_mkdir (real_dir, 0700), ==, 0);
  {
    g_autoptr(GBytes) example = read_bytes (TP_EXAMPLE_PATH);

    g_file_set_contents (target, g_bytes_get_data (example, NULL), g_bytes_get_size (example), &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (g_chmod (target, 0640), ==, 0);
  /* chain → link → real/target, the first relative, the second absolute. */
  g_assert_cmpint (symlink (target, link), ==, 0);
  g_assert_cmpint (symlink ("link.touchpoint", chain), ==, 0);

  g_clear_object (&document);
  document = tp_load_file (file, &stamp, NULL, NULL, &error);
  g_assert_no_error (error);
  edit (document);
  ours = tp_write_bytes (document);

  g_assert_true (tp_save_file (document, file, stamp, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_test (chain, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  link_target = g_file_read_link (chain, &error);
  g_assert_cmpstr (link_target, ==, "link.touchpoint");
  assert_file_has (target, ours);

  /* The replaced file keeps its permissions. */
  g_assert_cmpint (g_stat (target, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0640);
}

static void
test_symlink_loop (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *a = fixture_file (fixture, "a.touchpoint");
  g_autofree char *b = fixture_file (fixture, "b.touchpoint");
  g_autoptr(GFile) file = g_file_new_for_path (a);
  g_autoptr(TpDocument) document = load_example (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (symlink ("b.touchpoint", a), ==, 0);
  g_assert_cmpint (symlink ("a.touchpoint", b), ==, 0);

  edit (document);
  g_assert_false (tp_save_file (document, file, NULL, NULL, NULL, &error));
  g_assert_error (error, TP_SAVE_ERROR, TP_SAVE_ERROR_WRITE);
  g_assert_true (tp_document_get_modified (document));
  g_assert_true (g_file_test (a, G_FILE_TEST_IS_SYMLINK));
}

static void
test_missing_folder (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "no", "such", "folder", "x.touchpoint", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TpDocument) document = load_example (NULL);
  g_autoptr(GError) error = NULL;

  edit (document);
  g_assert_false (tp_save_file (document, file, NULL, NULL, NULL, &error));
  g_assert_error (error, TP_SAVE_ERROR, TP_SAVE_ERROR_WRITE);
  g_assert_true (g_str_has_prefix (error->message, "Could not save “x.touchpoint”: the folder “"));
  g_assert_nonnull (strstr (error->message, "/no/such/folder” does not exist. Choose an existing folder."));
  g_assert_true (tp_document_get_modified (document));
  g_assert_false (g_file_equal (tp_document_get_file (document), file));
}

static void
test_onto_folder (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = fixture_file (fixture, "folder.touchpoint");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TpDocument) document = load_example (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_assert_false (tp_save_file (document, file, NULL, NULL, NULL, &error));
  g_assert_error (error, TP_SAVE_ERROR, TP_SAVE_ERROR_WRITE);
  g_assert_true (g_str_has_prefix (error->message, "Could not save “folder.touchpoint”: "));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_DIR));
}

/* A place that is not on this computer's disks and cannot be written (a resource inside
 * the program, which GIO has without GVfs) gets a clear error through the non-local
 * path, and the document stays as it was. Onto an existing resource, the check reads
 * it first and its content differs: the save is refused as a change on disk instead. */
static void
test_remote_read_only (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_uri ("resource:///io/github/touchpoint/nowhere/x.touchpoint");
  g_autoptr(TpDocument) document = load_example (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (g_file_is_native (file));
  edit (document);
  g_assert_false (tp_save_file (document, file, NULL, NULL, NULL, &error));
  g_assert_error (error, TP_SAVE_ERROR, TP_SAVE_ERROR_WRITE);
  g_assert_cmpstr (error->message, ==, "Could not save “x.touchpoint”: this place cannot be written to. "
                                       "Save in a folder on this computer.");
  g_assert_true (tp_document_get_modified (document));
  g_assert_false (g_file_equal (tp_document_get_file (document), file));
}

/* A document whose serialization does not load back (here an id that is not an XML
 * name, which only a bug could produce) is never written. */
static void
test_self_check (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = fixture_file (fixture, "checked.touchpoint");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TpDocument) document = load_example (NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GError) error = NULL;
  TpNote *note = tp_note_new ("not an id", "Broken");

  write_text (path, "old content");
  before = read_bytes (path);

  note->container = TP_CONTAINER_CHANNELS;
  g_assert_true (_tp_document_append_note (document, note));

  g_test_expect_message ("Touchpoint", G_LOG_LEVEL_CRITICAL, "*does not load back*");
  g_assert_false (tp_save_file (document, file, NULL, NULL, NULL, &error));
  g_test_assert_expected_messages ();
  g_assert_error (error, TP_SAVE_ERROR, TP_SAVE_ERROR_SELF_CHECK);
  g_assert_nonnull (strstr (error->message, "Nothing was written"));
  assert_file_has (path, before);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_save_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = fixture_file (fixture, "async.touchpoint");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TpDocument) document = load_example (NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(TpFileStamp) stamp = NULL;
  g_autoptr(GBytes) serialized = NULL;
  g_autoptr(GError) error = NULL;

  edit (document);
  serialized = tp_write_bytes (document);

  tp_save_file_async (document, file, NULL, NULL, on_saved, &result);

  /* Editing goes on while the worker writes: the state serialized is the one marked
   * saved, so the document stays modified. */
  edit (document);

  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (tp_save_file_finish (document, result, &stamp, &error));
  g_assert_no_error (error);
  g_assert_nonnull (stamp);
  assert_file_has (path, serialized);
  g_assert_true (tp_document_get_modified (document));
  g_assert_true (g_file_equal (tp_document_get_file (document), file));

  /* Undoing the later edit comes back to the saved state. */
  tp_document_undo (document);
  g_assert_false (tp_document_get_modified (document));

  /* And a failure through the async path. */
  g_clear_object (&result);
  g_clear_object (&file);
  g_clear_pointer (&path, g_free);
  path = g_build_filename (fixture->dir, "missing", "async.touchpoint", NULL);
  file = g_file_new_for_path (path);
  edit (document);
  tp_save_file_async (document, file, NULL, NULL, on_saved, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (tp_save_file_finish (document, result, NULL, &error));
  g_assert_error (error, TP_SAVE_ERROR, TP_SAVE_ERROR_WRITE);
  g_assert_true (tp_document_get_modified (document));
}

static void
test_changed_on_disk_async (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = fixture_file (fixture, "shared.touchpoint");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TpDocument) document = load_example (NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(TpFileStamp) stamp = NULL;
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (tp_save_file (document, file, NULL, &stamp, NULL, &error));
  write_text (path, "theirs");
  theirs = read_bytes (path);
  edit (document);

  tp_save_file_async (document, file, stamp, NULL, on_saved, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (tp_save_file_finish (document, result, NULL, &error));
  g_assert_error (error, TP_SAVE_ERROR, TP_SAVE_ERROR_CHANGED_ON_DISK);
  assert_file_has (path, theirs);
  g_assert_true (tp_document_get_modified (document));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  umask (022);

#define ADD(path, func) \
  g_test_add ("/touchpoint/save/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("save-then-load", test_save_then_load);
  ADD ("changed-on-disk", test_changed_on_disk);
  ADD ("changed-on-disk-async", test_changed_on_disk_async);
  ADD ("symlink", test_symlink);
  ADD ("symlink-loop", test_symlink_loop);
  ADD ("missing-folder", test_missing_folder);
  ADD ("onto-folder", test_onto_folder);
  ADD ("remote-read-only", test_remote_read_only);
  ADD ("self-check", test_self_check);
  ADD ("async", test_save_async);

#undef ADD

  return g_test_run ();
}
