/* test-recovery.c: recovery snapshots (RELIABILITY.md, P2): what is written comes back,
 * bound to its original only while that holds what it held, snapshots are private, a
 * running instance keeps its own, and nothing in the folder can crash or block the list. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "io/tp-document-file.h"
#include "io/tp-loader.h"
#include "io/tp-recovery-store.h"
#include "io/tp-writer.h"

typedef struct
{
  char            *dir;       /* the temporary folder, removed afterwards */
  char            *store_dir; /* dir/recovery, made by the store */
  TpRecoveryStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("test-recovery-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->store_dir = g_build_filename (fixture->dir, "recovery", NULL);
  fixture->store = tp_recovery_store_new (fixture->store_dir);
}

static void
remove_tree (const char *path)
{
  GStatBuf buf;

  if (g_lstat (path, &buf) == 0 && S_ISDIR (buf.st_mode))
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
  g_clear_pointer (&fixture->store, tp_recovery_store_unref);
  remove_tree (fixture->dir);
  g_assert_false (g_file_test (fixture->dir, G_FILE_TEST_EXISTS));
  g_free (fixture->store_dir);
  g_free (fixture->dir);
}

static char *
store_file (Fixture    *fixture,
            const char *name)
{
  return g_build_filename (fixture->store_dir, name, NULL);
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

static TpDocument *
load_example (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (TP_EXAMPLE_PATH);
  g_autoptr(GError) error = NULL;
  TpDocument *document = tp_load_file (file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);

  return document;
}

/* The example saved as fixture->dir/name, edited: a document with an original file. */
static TpDocument *
make_saved_document (Fixture      *fixture,
                     const char   *name,
                     GFile       **file,
                     TpFileStamp **stamp)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  TpDocument *document = load_example ();

  *file = g_file_new_for_path (path);
  g_assert_true (tp_save_file (document, *file, NULL, stamp, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (tp_document_add_note (document, TP_CONTAINER_CHANNELS, 0, "Unsaved work"));
  g_assert_true (tp_document_get_modified (document));

  return document;
}

static char *
write_snapshot (Fixture           *fixture,
                TpDocument        *document,
                GFile             *file,
                const TpFileStamp *stamp)
{
  g_autoptr(GError) error = NULL;
  char *id = tp_recovery_store_make_id (fixture->store);

  g_assert_true (tp_recovery_store_write_document (fixture->store, id, document, file, stamp,
                                                   &error));
  g_assert_no_error (error);

  return id;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in the store's folder, sorted, as one string: "a.snapshot b.damaged". */
static char *
list_folder (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->store_dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

/* Sets a key of snapshot id by hand, as another process or a damaged disk would. */
static void
set_snapshot_key (Fixture    *fixture,
                  const char *id,
                  const char *key,
                  const char *value)
{
  g_autofree char *name = g_strconcat (id, ".snapshot", NULL);
  g_autofree char *path = store_file (fixture, name);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  if (value != NULL)
    g_key_file_set_value (key_file, "Snapshot", key, value);
  else
    g_key_file_remove_key (key_file, "Snapshot", key, &error);
  g_assert_no_error (error);
  g_key_file_save_to_file (key_file, path, &error);
  g_assert_no_error (error);
}

static TpSnapshotInfo *
find_info (GPtrArray  *infos,
           const char *id)
{
  for (guint i = 0; i < infos->len; i++)
    {
      TpSnapshotInfo *info = g_ptr_array_index (infos, i);

      if (g_strcmp0 (info->id, id) == 0)
        return info;
    }

  return NULL;
}

static void
test_default_dir (void)
{
  g_autofree char *dir = tp_recovery_store_dup_default_dir ();
  g_autofree char *expected = g_build_filename (g_get_user_state_dir (),
                                                "io.github.touchpoint.Touchpoint",
                                                "recovery", NULL);
  g_autoptr(TpRecoveryStore) store = tp_recovery_store_new (NULL);

  g_assert_cmpstr (dir, ==, expected);
  g_assert_cmpstr (tp_recovery_store_get_dir (store), ==, expected);
}

static void
test_ids (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *a = tp_recovery_store_make_id (fixture->store);
  g_autofree char *b = tp_recovery_store_make_id (fixture->store);
  g_autoptr(GPtrArray) infos = NULL;

  g_assert_true (g_uuid_string_is_valid (a));
  g_assert_cmpstr (a, !=, b);

  /* An empty store lists nothing, even without its folder. */
  g_assert_false (g_file_test (fixture->store_dir, G_FILE_TEST_EXISTS));
  infos = tp_recovery_store_list (fixture->store);
  g_assert_nonnull (infos);
  g_assert_cmpuint (infos->len, ==, 0);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(TpFileStamp) stamp = NULL;
  g_autoptr(TpDocument) document = make_saved_document (fixture, "shop.touchpoint", &file, &stamp);
  g_autoptr(GBytes) expected = tp_write_bytes (document);
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  g_autoptr(GDateTime) after = NULL;
  g_autofree char *id = write_snapshot (fixture, document, file, stamp);
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(TpDocument) loaded = NULL;
  g_autoptr(GBytes) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TpSnapshotInfo) copy = NULL;
  gboolean file_changed = TRUE;
  TpSnapshotInfo *info;

  after = g_date_time_new_now_local ();

  infos = tp_recovery_store_list (fixture->store);
  g_assert_cmpuint (infos->len, ==, 1);
  info = g_ptr_array_index (infos, 0);
  g_assert_cmpstr (info->id, ==, id);
  g_assert_cmpstr (info->title, ==, "shop.touchpoint");
  g_assert_cmpint (g_date_time_compare (before, info->saved), <=, 0);
  g_assert_cmpint (g_date_time_compare (info->saved, after), <=, 0);
  g_assert_nonnull (info->file);
  g_assert_true (g_file_equal (info->file, file));
  g_assert_nonnull (info->stamp);
  g_assert_true (tp_file_stamp_equal (info->stamp, stamp));

  copy = tp_snapshot_info_copy (info);
  g_assert_cmpstr (copy->id, ==, info->id);
  g_assert_true (tp_file_stamp_equal (copy->stamp, info->stamp));

  loaded = tp_recovery_store_load (fixture->store, copy, &file_changed, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  reloaded = tp_write_bytes (loaded);
  g_assert_true (g_bytes_equal (reloaded, expected));
  g_assert_false (file_changed);
  g_assert_nonnull (tp_document_get_file (loaded));
  g_assert_true (g_file_equal (tp_document_get_file (loaded), file));

  /* It holds unsaved work, and stays modified whatever is done and undone. */
  g_assert_true (tp_document_get_modified (loaded));
  g_assert_nonnull (tp_document_add_note (loaded, TP_CONTAINER_CHANNELS, 0, "More"));
  tp_document_undo (loaded);
  g_assert_true (tp_document_get_modified (loaded));
  tp_document_set_saved (loaded);
  g_assert_false (tp_document_get_modified (loaded));

  /* Loading does not consume the snapshot: only saving or discarding does. */
  g_clear_pointer (&infos, g_ptr_array_unref);
  infos = tp_recovery_store_list (fixture->store);
  g_assert_cmpuint (infos->len, ==, 1);

  g_assert_finalize_object (g_steal_pointer (&loaded));
}

static void
test_original_changed (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(TpFileStamp) stamp = NULL;
  g_autoptr(TpDocument) document = make_saved_document (fixture, "shop.touchpoint", &file, &stamp);
  g_autoptr(GBytes) expected = tp_write_bytes (document);
  g_autofree char *id = write_snapshot (fixture, document, file, stamp);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(TpDocument) loaded = NULL;
  g_autoptr(GBytes) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  gboolean file_changed = FALSE;

  /* Someone else saved the original meanwhile. */
  write_text (path, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- theirs -->\n");

  infos = tp_recovery_store_list (fixture->store);
  g_assert_cmpuint (infos->len, ==, 1);
  loaded = tp_recovery_store_load (fixture->store, g_ptr_array_index (infos, 0), &file_changed,
                                   &error);
  g_assert_no_error (error);
  g_assert_true (file_changed);
  g_assert_null (tp_document_get_file (loaded));
  g_assert_true (tp_document_get_modified (loaded));
  reloaded = tp_write_bytes (loaded);
  g_assert_true (g_bytes_equal (reloaded, expected));
}

static void
test_original_deleted (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(TpFileStamp) stamp = NULL;
  g_autoptr(TpDocument) document = make_saved_document (fixture, "shop.touchpoint", &file, &stamp);
  g_autofree char *id = write_snapshot (fixture, document, file, stamp);
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(TpDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gboolean file_changed = FALSE;

  g_assert_true (g_file_delete (file, NULL, &error));
  g_assert_no_error (error);

  infos = tp_recovery_store_list (fixture->store);
  g_assert_cmpuint (infos->len, ==, 1);
  g_assert_true (g_file_equal (((TpSnapshotInfo *) g_ptr_array_index (infos, 0))->file, file));
  loaded = tp_recovery_store_load (fixture->store, g_ptr_array_index (infos, 0), &file_changed,
                                   &error);
  g_assert_no_error (error);
  g_assert_null (tp_document_get_file (loaded));
  g_assert_true (file_changed);
  g_assert_true (tp_document_get_modified (loaded));
}

/* A snapshot that names its original but not what it held cannot vouch for it. */
static void
test_file_without_stamp (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(TpFileStamp) stamp = NULL;
  g_autoptr(TpDocument) document = make_saved_document (fixture, "shop.touchpoint", &file, &stamp);
  g_autofree char *id = write_snapshot (fixture, document, file, NULL);
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(TpDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gboolean file_changed = FALSE;

  infos = tp_recovery_store_list (fixture->store);
  g_assert_cmpuint (infos->len, ==, 1);
  g_assert_nonnull (((TpSnapshotInfo *) g_ptr_array_index (infos, 0))->file);
  g_assert_null (((TpSnapshotInfo *) g_ptr_array_index (infos, 0))->stamp);
  loaded = tp_recovery_store_load (fixture->store, g_ptr_array_index (infos, 0), &file_changed,
                                   &error);
  g_assert_no_error (error);
  g_assert_null (tp_document_get_file (loaded));
  g_assert_true (file_changed);
}

static void
test_never_saved (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TpDocument) document = tp_document_new_default ();
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(TpDocument) loaded = NULL;
  g_autoptr(GBytes) reloaded = NULL;
  g_autoptr(GError) error = NULL;
  gboolean file_changed = TRUE;
  TpSnapshotInfo *info;

  g_assert_nonnull (tp_document_add_note (document, TP_CONTAINER_CHANNELS, 0, "Never saved"));
  expected = tp_write_bytes (document);
  title = tp_document_dup_display_name (document);
  id = write_snapshot (fixture, document, NULL, NULL);

  infos = tp_recovery_store_list (fixture->store);
  g_assert_cmpuint (infos->len, ==, 1);
  info = g_ptr_array_index (infos, 0);
  g_assert_cmpstr (info->id, ==, id);
  g_assert_cmpstr (info->title, ==, title);
  g_assert_null (info->file);
  g_assert_null (info->stamp);

  loaded = tp_recovery_store_load (fixture->store, info, &file_changed, &error);
  g_assert_no_error (error);
  g_assert_false (file_changed);
  g_assert_null (tp_document_get_file (loaded));
  g_assert_true (tp_document_get_modified (loaded));
  reloaded = tp_write_bytes (loaded);
  g_assert_true (g_bytes_equal (reloaded, expected));
}

static void
test_remove (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(TpDocument) document = tp_document_new_default ();
  g_autofree char *id = write_snapshot (fixture, document, NULL, NULL);
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = NULL;

  g_assert_true (tp_recovery_store_remove (fixture->store, id, &error));
  g_assert_no_error (error);
  infos = tp_recovery_store_list (fixture->store);
  g_assert_cmpuint (infos->len, ==, 0);
  names = list_folder (fixture);
  g_assert_cmpstr (names, ==, "");

  /* Removing what is not there is no error. */
  g_assert_true (tp_recovery_store_remove (fixture->store, id, &error));
  g_assert_no_error (error);
}

static void
test_replace (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TpDocument) document = tp_document_new_default ();
  g_autofree char *id = write_snapshot (fixture, document, NULL, NULL);
  g_autofree char *expected_names = g_strconcat (id, ".snapshot", NULL);
  g_autofree char *names = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(TpDocument) loaded = NULL;
  g_autoptr(GBytes) reloaded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (tp_document_add_note (document, TP_CONTAINER_CHANNELS, 0, "Later work"));
  expected = tp_write_bytes (document);
  g_assert_true (tp_recovery_store_write_document (fixture->store, id, document, NULL, NULL,
                                                   &error));
  g_assert_no_error (error);

  /* One file, no temporary files left beside it. */
  names = list_folder (fixture);
  g_assert_cmpstr (names, ==, expected_names);

  infos = tp_recovery_store_list (fixture->store);
  g_assert_cmpuint (infos->len, ==, 1);
  loaded = tp_recovery_store_load (fixture->store, g_ptr_array_index (infos, 0), NULL, &error);
  g_assert_no_error (error);
  reloaded = tp_write_bytes (loaded);
  g_assert_true (g_bytes_equal (reloaded, expected));
}

static void
test_order (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TpDocument) document = tp_document_new_default ();
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;
  const struct {
    const char *id;
    const char *saved;
  } snapshots[] = {
    { "b", "2026-11-22T14:03:11+01:00" },
    { "old", "2020-01-01T00:00:00Z" },
    { "a", "2026-11-22T13:03:11Z" },  /* the same moment as b */
    { "new", "2026-11-22T14:03:11.5+01:00" },
  };
  const char *expected[] = { "new", "a", "b", "old" };

  for (guint i = 0; i < G_N_ELEMENTS (snapshots); i++)
    {
      g_assert_true (tp_recovery_store_write_document (fixture->store, snapshots[i].id, document,
                                                       NULL, NULL, &error));
      g_assert_no_error (error);
      set_snapshot_key (fixture, snapshots[i].id, "Saved", snapshots[i].saved);
    }

  infos = tp_recovery_store_list (fixture->store);
  g_assert_cmpuint (infos->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (((TpSnapshotInfo *) g_ptr_array_index (infos, i))->id, ==, expected[i]);
}

static void
test_private (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TpDocument) document = tp_document_new_default ();
  g_autofree char *id = write_snapshot (fixture, document, NULL, NULL);
  g_autofree char *name = g_strconcat (id, ".snapshot", NULL);
  g_autofree char *path = store_file (fixture, name);
  g_autofree char *session = store_file (fixture, "session");
  g_autofree char *victim = g_build_filename (fixture->dir, "victim", NULL);
  g_autofree char *other_dir = g_build_filename (fixture->dir, "other", NULL);
  g_autoptr(TpRecoveryStore) other = tp_recovery_store_new (other_dir);
  g_autoptr(GBytes) victim_bytes = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf buf;

  /* main() sets the umask to 022: without care the file would be 0644. */
  g_assert_cmpint (g_stat (fixture->store_dir, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);

  /* Replacing keeps it private. */
  g_assert_true (tp_recovery_store_write_document (fixture->store, id, document, NULL, NULL,
                                                   &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);

  tp_recovery_store_begin_session (fixture->store, NULL);
  g_assert_cmpint (g_stat (session, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);

  /* A folder that exists with looser permissions is tightened. */
  g_assert_cmpint (g_mkdir (other_dir, 0755), ==, 0);
  g_assert_true (tp_recovery_store_write_document (other, "x", document, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (other_dir, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0700);

  /* A symbolic link in place of a snapshot is replaced, never written through. */
  write_text (victim, "not yours");
  victim_bytes = read_bytes (victim);
  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (symlink (victim, path), ==, 0);
  g_assert_true (tp_recovery_store_write_document (fixture->store, id, document, NULL, NULL,
                                                   &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (path, &buf), ==, 0);
  g_assert_true (S_ISREG (buf.st_mode));
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  {
    g_autoptr(GBytes) after = read_bytes (victim);

    g_assert_true (g_bytes_equal (after, victim_bytes));
  }
}

static void
test_write_error (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (fixture->dir, "blocker", NULL);
  g_autofree char *dir = g_build_filename (blocker, "recovery", NULL);
  g_autoptr(TpRecoveryStore) store = tp_recovery_store_new (dir);
  g_autoptr(TpDocument) document = tp_document_new_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) infos = NULL;

  /* A file where the folder should be: works as root too, unlike permissions. */
  write_text (blocker, "");
  g_assert_false (tp_recovery_store_write_document (store, "x", document, NULL, NULL, &error));
  g_assert_error (error, TP_SAVE_ERROR, TP_SAVE_ERROR_WRITE);
  infos = tp_recovery_store_list (store);
  g_assert_cmpuint (infos->len, ==, 0);
}

/* Damaged snapshots: contents of x.snapshot that must never be offered. */
typedef enum {
  DAMAGE_TRUNCATED,
  DAMAGE_BAD_BASE64,
  DAMAGE_BILLION_LAUGHS,
  DAMAGE_EXTERNAL_ENTITY,
  DAMAGE_NUL_IN_DOCUMENT,
  DAMAGE_NUL_IN_FILE,
  DAMAGE_WRONG_VERSION,
  DAMAGE_NO_VERSION,
  DAMAGE_MISSING_KEY,
  DAMAGE_BAD_TIME,
  DAMAGE_BAD_OWNER,
  DAMAGE_BAD_STAMP,
  DAMAGE_NOT_KEY_FILE,
  DAMAGE_EMPTY,
  DAMAGE_INVALID_UTF8,
  DAMAGE_OVERSIZED,
} Damage;

static const struct {
  const char *name;
  Damage      damage;
} damage_cases[] = {
  { "truncated", DAMAGE_TRUNCATED },
  { "bad-base64", DAMAGE_BAD_BASE64 },
  { "billion-laughs", DAMAGE_BILLION_LAUGHS },
  { "external-entity", DAMAGE_EXTERNAL_ENTITY },
  { "nul-in-document", DAMAGE_NUL_IN_DOCUMENT },
  { "nul-in-file", DAMAGE_NUL_IN_FILE },
  { "wrong-version", DAMAGE_WRONG_VERSION },
  { "no-version", DAMAGE_NO_VERSION },
  { "missing-key", DAMAGE_MISSING_KEY },
  { "bad-time", DAMAGE_BAD_TIME },
  { "bad-owner", DAMAGE_BAD_OWNER },
  { "bad-stamp", DAMAGE_BAD_STAMP },
  { "not-key-file", DAMAGE_NOT_KEY_FILE },
  { "empty", DAMAGE_EMPTY },
  { "invalid-utf8", DAMAGE_INVALID_UTF8 },
  { "oversized", DAMAGE_OVERSIZED },
};

static void
set_document_from_file (Fixture    *fixture,
                        const char *id,
                        const char *bad_file)
{
  g_autofree char *path = g_build_filename (TP_SRCDIR, "tests", "files", "bad", bad_file, NULL);
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autofree char *base64 = g_base64_encode (g_bytes_get_data (bytes, NULL),
                                             g_bytes_get_size (bytes));

  set_snapshot_key (fixture, id, "Document", base64);
}

/* Makes x.snapshot hold the damage, starting from a good snapshot. */
static void
make_damaged (Fixture *fixture,
              Damage   damage)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(TpFileStamp) stamp = NULL;
  g_autoptr(TpDocument) document = NULL;
  g_autofree char *path = store_file (fixture, "x.snapshot");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) good = NULL;
  gsize size;
  const char *data;

  document = make_saved_document (fixture, "shop.touchpoint", &file, &stamp);
  g_assert_true (tp_recovery_store_write_document (fixture->store, "x", document, file, stamp,
                                                   &error));
  g_assert_no_error (error);
  good = read_bytes (path);
  data = g_bytes_get_data (good, &size);

  switch (damage)
    {
    case DAMAGE_TRUNCATED:
      /* Cut in the middle of the document, as an old, non-durable write could. */
      g_file_set_contents (path, data, size / 2, &error);
      g_assert_no_error (error);
      break;
    case DAMAGE_BAD_BASE64:
      set_snapshot_key (fixture, "x", "Document", "PD94bWwg!!!!dmVyc2lvbj0iMS4wIj8+");
      break;
    case DAMAGE_BILLION_LAUGHS:
      set_document_from_file (fixture, "x", "billion-laughs.touchpoint");
      break;
    case DAMAGE_EXTERNAL_ENTITY:
      set_document_from_file (fixture, "x", "external-entity.touchpoint");
      break;
    case DAMAGE_NUL_IN_DOCUMENT:
      set_document_from_file (fixture, "x", "nul-byte.touchpoint");
      break;
    case DAMAGE_NUL_IN_FILE:
      {
        g_autofree char *copy = g_memdup2 (data, size);

        copy[20] = '\0';
        g_file_set_contents (path, copy, size, &error);
        g_assert_no_error (error);
      }
      break;
    case DAMAGE_WRONG_VERSION:
      set_snapshot_key (fixture, "x", "Version", "2");
      break;
    case DAMAGE_NO_VERSION:
      set_snapshot_key (fixture, "x", "Version", NULL);
      break;
    case DAMAGE_MISSING_KEY:
      set_snapshot_key (fixture, "x", "Saved", NULL);
      break;
    case DAMAGE_BAD_TIME:
      set_snapshot_key (fixture, "x", "Saved", "yesterday");
      break;
    case DAMAGE_BAD_OWNER:
      /* kill(-1, 0) would ask about every process. */
      set_snapshot_key (fixture, "x", "Owner", "-1");
      break;
    case DAMAGE_BAD_STAMP:
      set_snapshot_key (fixture, "x", "FileSha256", "not a hash");
      break;
    case DAMAGE_NOT_KEY_FILE:
      g_file_set_contents (path, "<?xml version=\"1.0\"?>\n<touchpoint/>\n", -1, &error);
      g_assert_no_error (error);
      break;
    case DAMAGE_EMPTY:
      g_file_set_contents (path, "", 0, &error);
      g_assert_no_error (error);
      break;
    case DAMAGE_INVALID_UTF8:
      g_file_set_contents (path, "[Snapshot]\nVersion=1\nTitle=\xff\xfe\n", -1, &error);
      g_assert_no_error (error);
      break;
    case DAMAGE_OVERSIZED:
      {
        /* Sparse: larger than any snapshot can be, without filling the disk. */
        FILE *stream = fopen (path, "r+");

        g_assert_nonnull (stream);
        g_assert_cmpint (ftruncate (fileno (stream), 64 * 1024 * 1024), ==, 0);
        fclose (stream);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
assert_set_aside (Fixture *fixture)
{
  g_autofree char *names = list_folder (fixture);

  g_assert_cmpstr (names, ==, "x.damaged");
}

static void
test_damaged (Fixture       *fixture,
              gconstpointer  data)
{
  Damage damage = GPOINTER_TO_INT (data);
  g_autoptr(TpSnapshotInfo) info = g_new0 (TpSnapshotInfo, 1);
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDocument) loaded = NULL;
  g_autofree char *damaged = store_file (fixture, "x.damaged");
  gboolean file_changed = TRUE;

  /* Loading it directly (a list made before it was damaged) fails clearly. */
  make_damaged (fixture, damage);
  info->id = g_strdup ("x");
  info->title = g_strdup ("X");
  info->saved = g_date_time_new_now_local ();
  loaded = tp_recovery_store_load (fixture->store, info, &file_changed, &error);
  g_assert_null (loaded);
  g_assert_error (error, TP_RECOVERY_ERROR, TP_RECOVERY_ERROR_DAMAGED);
  g_assert_true (g_str_has_prefix (error->message, "The recovered work cannot be used: "));
  g_clear_error (&error);
  assert_set_aside (fixture);
  g_assert_cmpint (g_remove (damaged), ==, 0);

  /* Listing never offers it, and sets it aside for a human. */
  make_damaged (fixture, damage);
  infos = tp_recovery_store_list (fixture->store);
  g_assert_cmpuint (infos->len, ==, 0);
  assert_set_aside (fixture);

  /* And it stays out. */
  g_clear_pointer (&infos, g_ptr_array_unref);
  infos = tp_recovery_store_list (fixture->store);
  g_assert_cmpuint (infos->len, ==, 0);
}

/* Names taken by things that are not files: never opened for reading in a way that
 * blocks, never renamed, never offered, and a good snapshot beside them still is. */
static void
test_not_files (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TpDocument) document = tp_document_new_default ();
  g_autofree char *good = write_snapshot (fixture, document, NULL, NULL);
  g_autofree char *good_name = g_strconcat (good, ".snapshot", NULL);
  g_autofree char *good_path = store_file (fixture, good_name);
  g_autofree char *folder = store_file (fixture, "folder.snapshot");
  g_autofree char *fifo = store_file (fixture, "fifo.snapshot");
  g_autofree char *link = store_file (fixture, "link.snapshot");
  g_autofree char *dangling = store_file (fixture, "dangling.snapshot");
  g_autofree char *device = store_file (fixture, "device.snapshot");
  g_autofree char *odd = store_file (fixture, "not an id.snapshot");
  g_autofree char *names_before = NULL;
  g_autofree char *names_after = NULL;
  g_autoptr(GPtrArray) infos = NULL;
  const char *ids[] = { "folder", "fifo", "link", "dangling", "device" };

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink (good_path, link), ==, 0);
  g_assert_cmpint (symlink ("/nonexistent/x", dangling), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", device), ==, 0);
  write_text (odd, "whatever");
  names_before = list_folder (fixture);

  infos = tp_recovery_store_list (fixture->store);
  g_assert_cmpuint (infos->len, ==, 1);
  g_assert_cmpstr (((TpSnapshotInfo *) g_ptr_array_index (infos, 0))->id, ==, good);
  names_after = list_folder (fixture);
  g_assert_cmpstr (names_after, ==, names_before);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(TpSnapshotInfo) info = g_new0 (TpSnapshotInfo, 1);
      g_autoptr(GError) error = NULL;
      g_autoptr(TpDocument) loaded = NULL;

      info->id = g_strdup (ids[i]);
      info->title = g_strdup (ids[i]);
      info->saved = g_date_time_new_now_local ();
      loaded = tp_recovery_store_load (fixture->store, info, NULL, &error);
      g_assert_null (loaded);
      g_assert_error (error, TP_RECOVERY_ERROR, TP_RECOVERY_ERROR_DAMAGED);
    }

  g_clear_pointer (&names_after, g_free);
  names_after = list_folder (fixture);
  g_assert_cmpstr (names_after, ==, names_before);
}

/* A child of this test program: the same program name, alive until killed. */
static GPid
spawn_sibling (void)
{
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      for (;;)
        pause ();
    }

  return pid;
}

static void
reap (GPid pid)
{
  int status;

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
}

static void
test_live_owner (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TpDocument) document = tp_document_new_default ();
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *names = NULL;
  GPid sibling = spawn_sibling ();

  owner = g_strdup_printf ("%d", sibling);

  /* live: another process of this program, this boot. */
  g_assert_true (tp_recovery_store_write_document (fixture->store, "live", document, NULL, NULL,
                                                   &error));
  g_assert_no_error (error);
  set_snapshot_key (fixture, "live", "Owner", owner);

  /* mine: written by this process, which lists what it has not written yet. */
  g_assert_true (tp_recovery_store_write_document (fixture->store, "mine", document, NULL, NULL,
                                                   &error));
  g_assert_no_error (error);

  /* other-boot: the same pid in an earlier boot says nothing about now. */
  g_assert_true (tp_recovery_store_write_document (fixture->store, "other-boot", document, NULL,
                                                   NULL, &error));
  g_assert_no_error (error);
  set_snapshot_key (fixture, "other-boot", "Owner", owner);
  set_snapshot_key (fixture, "other-boot", "Boot", "00000000-0000-0000-0000-000000000000");

  /* other-program: a live process of another name (init) reused the pid. */
  g_assert_true (tp_recovery_store_write_document (fixture->store, "other-program", document, NULL,
                                                   NULL, &error));
  g_assert_no_error (error);
  set_snapshot_key (fixture, "other-program", "Owner", "1");

  infos = tp_recovery_store_list (fixture->store);
  g_assert_cmpuint (infos->len, ==, 3);
  g_assert_null (find_info (infos, "live"));
  g_assert_nonnull (find_info (infos, "mine"));
  g_assert_nonnull (find_info (infos, "other-boot"));
  g_assert_nonnull (find_info (infos, "other-program"));

  /* Left alone, not set aside. */
  names = list_folder (fixture);
  g_assert_nonnull (strstr (names, "live.snapshot"));

  /* Once its owner is gone, it is offered. */
  reap (sibling);
  g_clear_pointer (&infos, g_ptr_array_unref);
  infos = tp_recovery_store_list (fixture->store);
  g_assert_cmpuint (infos->len, ==, 4);
  g_assert_nonnull (find_info (infos, "live"));
}

static void
test_session (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *session = store_file (fixture, "session");
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *boot = NULL;
  gboolean last_clean = FALSE;
  GPid sibling;

  /* First run. */
  tp_recovery_store_begin_session (fixture->store, &last_clean);
  g_assert_true (last_clean);

  g_key_file_load_from_file (key_file, session, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_key_file_get_int64 (key_file, "Session", "Pid", NULL), ==, getpid ());
  g_assert_false (g_key_file_get_boolean (key_file, "Session", "Clean", &error));
  g_assert_no_error (error);
  boot = g_key_file_get_string (key_file, "Session", "Boot", &error);
  g_assert_no_error (error);

  /* A crash: begun, never ended. */
  tp_recovery_store_begin_session (fixture->store, &last_clean);
  g_assert_false (last_clean);

  /* A clean end. */
  tp_recovery_store_end_session (fixture->store);
  tp_recovery_store_begin_session (fixture->store, &last_clean);
  g_assert_true (last_clean);
  tp_recovery_store_end_session (fixture->store);
  tp_recovery_store_begin_session (fixture->store, NULL);

  /* Another instance still running has not crashed. */
  sibling = spawn_sibling ();
  {
    g_autofree char *text = g_strdup_printf ("[Session]\nPid=%d\nBoot=%s\nClean=false\n",
                                             sibling, boot);

    write_text (session, text);
  }
  tp_recovery_store_begin_session (fixture->store, &last_clean);
  g_assert_true (last_clean);
  reap (sibling);

  /* A garbled session file is no clean end. */
  write_text (session, "\xff\xfe garbage");
  tp_recovery_store_begin_session (fixture->store, &last_clean);
  g_assert_false (last_clean);

  /* Nor is something that is not a file. */
  g_assert_cmpint (g_remove (session), ==, 0);
  g_assert_cmpint (mkfifo (session, 0600), ==, 0);
  tp_recovery_store_begin_session (fixture->store, &last_clean);
  g_assert_false (last_clean);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  umask (022);

#define ADD(path, func) \
  g_test_add ("/touchpoint/recovery/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/touchpoint/recovery/default-dir", test_default_dir);
  ADD ("ids", test_ids);
  ADD ("round-trip", test_round_trip);
  ADD ("original-changed", test_original_changed);
  ADD ("original-deleted", test_original_deleted);
  ADD ("file-without-stamp", test_file_without_stamp);
  ADD ("never-saved", test_never_saved);
  ADD ("remove", test_remove);
  ADD ("replace", test_replace);
  ADD ("order", test_order);
  ADD ("private", test_private);
  ADD ("write-error", test_write_error);
  ADD ("not-files", test_not_files);
  ADD ("live-owner", test_live_owner);
  ADD ("session", test_session);

  for (guint i = 0; i < G_N_ELEMENTS (damage_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/touchpoint/recovery/damaged/%s",
                                               damage_cases[i].name);

      g_test_add (path, Fixture, GINT_TO_POINTER (damage_cases[i].damage), fixture_set_up,
                  test_damaged, fixture_tear_down);
    }

#undef ADD

  return g_test_run ();
}
