/* tp-recovery-store.c: recovery snapshots of unsaved documents (RELIABILITY.md, P2).
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The folder is ours, but what is in it is read as if it were hostile: a snapshot may be
 * cut short by a full disk in an older version, edited by hand, or replaced by something
 * that is not a file at all. Only regular files are opened (without following symbolic
 * links and without blocking on FIFOs), their size is capped, and the document inside
 * goes through the same hardened loader as any file from email. A snapshot that cannot
 * be read is renamed aside, so it is neither offered again nor lost to a human who wants
 * to look at it.
 */
#include "config.h"

#include "tp-recovery-store.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tp-atomic-file.h"
#include "tp-document-file.h"
#include "tp-loader.h"
#include "tp-writer.h"

#define APP_ID            "io.github.touchpoint.Touchpoint"
#define SNAPSHOT_SUFFIX   ".snapshot"
#define DAMAGED_SUFFIX    ".damaged"
#define SNAPSHOT_GROUP    "Snapshot"
#define SNAPSHOT_VERSION  1
#define SESSION_NAME      "session"
#define SESSION_GROUP     "Session"

/* Ids are file names: only characters that cannot leave the folder or hide a file. */
#define MAX_ID_LENGTH     64
/* A title longer than this is cut when written; it only labels the snapshot. */
#define MAX_TITLE_BYTES   1024
/* The base64 of the largest document the loader accepts (4 bytes for every 3), plus room
 * for the other keys. */
#define SNAPSHOT_MAX_BYTES (((TP_LOAD_MAX_BYTES + 2) / 3) * 4 + 64 * 1024)
#define SESSION_MAX_BYTES (4 * 1024)
#define SHA256_LENGTH     64

/* Never a history serial (they count up from 1), so a recovered document stays modified
 * however it is edited and undone, until it is saved. */
#define NEVER_SAVED_STATE G_MAXUINT64

struct _TpRecoveryStore
{
  gatomicrefcount  ref_count;
  char            *dir;
};

/* What a snapshot file holds besides its info. */
typedef struct
{
  TpSnapshotInfo *info;
  gint64          owner;
  char           *boot;
  char           *document; /* base64 */
} SnapshotFile;

G_DEFINE_QUARK (tp-recovery-error-quark, tp_recovery_error)

static void
snapshot_file_clear (SnapshotFile *snapshot)
{
  g_clear_pointer (&snapshot->info, tp_snapshot_info_free);
  g_clear_pointer (&snapshot->boot, g_free);
  g_clear_pointer (&snapshot->document, g_free);
}

TpSnapshotInfo *
tp_snapshot_info_copy (const TpSnapshotInfo *info)
{
  TpSnapshotInfo *copy;

  if (info == NULL)
    return NULL;

  copy = g_new0 (TpSnapshotInfo, 1);
  copy->id = g_strdup (info->id);
  copy->title = g_strdup (info->title);
  copy->saved = info->saved != NULL ? g_date_time_ref (info->saved) : NULL;
  copy->file = info->file != NULL ? g_object_ref (info->file) : NULL;
  copy->stamp = tp_file_stamp_copy (info->stamp);

  return copy;
}

void
tp_snapshot_info_free (TpSnapshotInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->id);
  g_free (info->title);
  g_clear_pointer (&info->saved, g_date_time_unref);
  g_clear_object (&info->file);
  g_clear_pointer (&info->stamp, tp_file_stamp_free);
  g_free (info);
}

static gboolean
id_is_valid (const char *id)
{
  gsize length;

  if (id == NULL)
    return FALSE;

  length = strlen (id);
  if (length == 0 || length > MAX_ID_LENGTH)
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
        return FALSE;
    }

  return TRUE;
}

/* The first line of a small file under /proc, or NULL. */
static char *
read_proc_line (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  if (length == 0 || memchr (contents, '\0', length) != NULL)
    return NULL;

  return g_strdup (g_strstrip (contents));
}

/* Identifies this boot: a process id of an earlier boot says nothing about this one. */
static char *
read_boot_id (void)
{
  return read_proc_line ("/proc/sys/kernel/random/boot_id");
}

/* Whether the process that wrote a snapshot (or a session) is a running instance of this
 * program, other than this process. Process ids are reused, so a live pid is not
 * enough: it must be of this boot and run a program of our name. When this cannot be
 * told, the writer is taken for gone, because offering a snapshot twice is better than
 * never offering it. */
static gboolean
owner_is_live (gint64      pid,
               const char *boot)
{
  g_autofree char *our_boot = NULL;
  g_autofree char *comm_path = NULL;
  g_autofree char *their_comm = NULL;
  g_autofree char *our_comm = NULL;

  /* Our own pid is either this process, whose snapshots the caller knows about, or an
   * earlier process that had it, which is gone. */
  if (pid <= 0 || pid > G_MAXINT || pid == (gint64) getpid ())
    return FALSE;

  our_boot = read_boot_id ();
  if (our_boot != NULL && boot != NULL && boot[0] != '\0' && strcmp (our_boot, boot) != 0)
    return FALSE;

  if (kill ((pid_t) pid, 0) != 0 && errno != EPERM)
    return FALSE;

  comm_path = g_strdup_printf ("/proc/%" G_GINT64_FORMAT "/comm", pid);
  their_comm = read_proc_line (comm_path);
  our_comm = read_proc_line ("/proc/self/comm");

  return their_comm != NULL && our_comm != NULL && strcmp (their_comm, our_comm) == 0;
}

char *
tp_recovery_store_dup_default_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), APP_ID, "recovery", NULL);
}

TpRecoveryStore *
tp_recovery_store_new (const char *dir)
{
  TpRecoveryStore *self = g_new0 (TpRecoveryStore, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->dir = dir != NULL ? g_strdup (dir) : tp_recovery_store_dup_default_dir ();

  return self;
}

TpRecoveryStore *
tp_recovery_store_ref (TpRecoveryStore *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
tp_recovery_store_unref (TpRecoveryStore *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->dir);
  g_free (self);
}

const char *
tp_recovery_store_get_dir (TpRecoveryStore *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->dir;
}

char *
tp_recovery_store_make_id (TpRecoveryStore *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_uuid_string_random ();
}

static char *
dup_path (TpRecoveryStore *self,
          const char      *id,
          const char      *suffix)
{
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (self->dir, name, NULL);
}

/* Snapshots hold private workshop content: the folder is for this user alone. It is
 * tightened when it exists already, since whatever made it may have used the umask. */
static gboolean
ensure_dir (TpRecoveryStore  *self,
            GError          **error)
{
  GStatBuf buf;

  if (g_mkdir_with_parents (self->dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autoptr(GFile) dir = g_file_new_for_path (self->dir);
      g_autoptr(GError) cause = g_error_new_literal (G_FILE_ERROR,
                                                     g_file_error_from_errno (saved_errno),
                                                     g_strerror (saved_errno));

      tp_atomic_file_set_error (error, dir, TP_WRITE_SAVE, cause);
      return FALSE;
    }

  if (g_stat (self->dir, &buf) == 0 && (buf.st_mode & 0077) != 0 && buf.st_uid == getuid ())
    g_chmod (self->dir, 0700);

  return TRUE;
}

/* tp_atomic_file_write() keeps the mode of the file it replaces and otherwise creates it
 * with the umask's, so a first snapshot needs its mode set after the write. The folder
 * (0700) keeps others out meanwhile. */
static void
restrict_mode (const char *path)
{
  struct stat buf;
  int fd = g_open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);

  if (fd < 0)
    return;
  if (fstat (fd, &buf) == 0 && S_ISREG (buf.st_mode) && (buf.st_mode & 0777) != 0600)
    fchmod (fd, 0600);
  close (fd);
}

/* Writes bytes to path durably, as a private file. A symbolic link in its place is not
 * followed (the atomic writer would replace its target): nothing of ours is a link. */
static gboolean
write_private_file (const char    *path,
                    GBytes        *bytes,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GStatBuf buf;

  if (g_lstat (path, &buf) == 0 && S_ISLNK (buf.st_mode))
    g_unlink (path);

  if (!tp_atomic_file_write (file, bytes, TP_WRITE_SAVE, NULL, cancellable, error))
    return FALSE;

  restrict_mode (path);

  return TRUE;
}

static void
set_damaged (GError     **error,
             const char  *reason)
{
  g_set_error (error, TP_RECOVERY_ERROR, TP_RECOVERY_ERROR_DAMAGED,
               _("The recovered work cannot be used: %s"), reason);
}

/* Reads a regular file of at most max_bytes (tp_read_regular_file(), links not
 * followed). Anything else (a folder, a FIFO, a device, a symbolic link) sets
 * *not_regular and fails without reading, and without blocking. */
static GBytes *
read_regular_file (const char  *path,
                   gsize        max_bytes,
                   gboolean    *not_regular,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  *not_regular = FALSE;

  bytes = tp_read_regular_file (path, max_bytes, FALSE, NULL, &local_error);
  if (bytes != NULL)
    return bytes;

  if (g_error_matches (local_error, TP_LOAD_ERROR, TP_LOAD_ERROR_TOO_LARGE))
    {
      set_damaged (error, _("the snapshot is too large"));
      return NULL;
    }

  *not_regular = g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE) ||
                 g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY) ||
                 g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_TOO_MANY_LINKS);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/* A key file from bytes we do not trust: UTF-8 without NUL, within the caller's cap. */
static GKeyFile *
parse_key_file (GBytes  *bytes,
                GError **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (size == 0 || memchr (data, '\0', size) != NULL || !g_utf8_validate (data, size, NULL) ||
      !g_key_file_load_from_data (key_file, data, size, G_KEY_FILE_NONE, NULL))
    {
      set_damaged (error, _("it is not a snapshot file"));
      return NULL;
    }

  return g_steal_pointer (&key_file);
}

static gboolean
sha256_is_valid (const char *text)
{
  if (text == NULL || strlen (text) != SHA256_LENGTH)
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
        return FALSE;
    }

  return TRUE;
}

/* Strict base64: g_base64_decode() skips what is not base64 and would turn garbage into
 * some bytes, when garbage means the snapshot is damaged. */
static GBytes *
decode_document (const char  *text,
                 GError     **error)
{
  gsize length = text != NULL ? strlen (text) : 0;
  gsize padding = 0;
  guchar *data;
  gsize size = 0;

  if (length == 0 || length % 4 != 0)
    goto damaged;

  if (text[length - 1] == '=')
    padding++;
  if (text[length - 2] == '=')
    padding++;

  for (gsize i = 0; i < length - padding; i++)
    {
      char c = text[i];

      if (!g_ascii_isalnum (c) && c != '+' && c != '/')
        goto damaged;
    }

  if ((length / 4) * 3 - padding > TP_LOAD_MAX_BYTES)
    goto damaged;

  data = g_base64_decode (text, &size);

  return g_bytes_new_take (data, size);

damaged:
  set_damaged (error, _("the document in it is garbled"));
  return NULL;
}

/* Reads everything but the document from a snapshot's key file. */
static gboolean
parse_snapshot (const char    *id,
                GBytes        *bytes,
                SnapshotFile  *snapshot,
                GError       **error)
{
  g_autoptr(GKeyFile) key_file = NULL;
  g_autoptr(TpSnapshotInfo) info = g_new0 (TpSnapshotInfo, 1);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *boot = NULL;
  g_autofree char *document = NULL;
  guint64 file_size = 0;
  gint64 owner;
  int version;

  key_file = parse_key_file (bytes, error);
  if (key_file == NULL)
    return FALSE;

  version = g_key_file_get_integer (key_file, SNAPSHOT_GROUP, "Version", &local_error);
  if (local_error != NULL || version != SNAPSHOT_VERSION)
    {
      set_damaged (error, _("it is of an unknown version"));
      return FALSE;
    }

  info->id = g_strdup (id);
  info->title = g_key_file_get_string (key_file, SNAPSHOT_GROUP, "Title", NULL);
  saved = g_key_file_get_string (key_file, SNAPSHOT_GROUP, "Saved", NULL);
  if (saved != NULL)
    info->saved = g_date_time_new_from_iso8601 (saved, NULL);
  owner = g_key_file_get_int64 (key_file, SNAPSHOT_GROUP, "Owner", &local_error);
  boot = g_key_file_get_string (key_file, SNAPSHOT_GROUP, "Boot", NULL);
  document = g_key_file_get_string (key_file, SNAPSHOT_GROUP, "Document", NULL);

  if (info->title == NULL || info->saved == NULL || local_error != NULL || owner <= 0 ||
      boot == NULL || document == NULL)
    {
      set_damaged (error, _("a part of it is missing or garbled"));
      return FALSE;
    }

  /* A file goes with what it held: without the stamp, the original could not be told
   * from a changed one. */
  uri = g_key_file_get_string (key_file, SNAPSHOT_GROUP, "File", NULL);
  if (uri != NULL)
    {
      file_size = g_key_file_get_uint64 (key_file, SNAPSHOT_GROUP, "FileSize", &local_error);
      sha256 = g_key_file_get_string (key_file, SNAPSHOT_GROUP, "FileSha256", NULL);

      if (!g_uri_is_valid (uri, G_URI_FLAGS_NONE, NULL))
        {
          set_damaged (error, _("the name of its original file is garbled"));
          return FALSE;
        }
      info->file = g_file_new_for_uri (uri);

      if (local_error == NULL && sha256_is_valid (sha256))
        {
          info->stamp = g_new0 (TpFileStamp, 1);
          info->stamp->size = file_size;
          info->stamp->sha256 = g_steal_pointer (&sha256);
        }
      else if (local_error != NULL && sha256 == NULL &&
               g_error_matches (local_error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_KEY_NOT_FOUND))
        {
          /* Written without a stamp: the file is known, what it held is not. */
        }
      else
        {
          set_damaged (error, _("the description of its original file is garbled"));
          return FALSE;
        }
    }

  snapshot->info = g_steal_pointer (&info);
  snapshot->owner = owner;
  snapshot->boot = g_steal_pointer (&boot);
  snapshot->document = g_steal_pointer (&document);

  return TRUE;
}

/* Reads snapshot id's file. *not_regular says the name is taken by something that is not
 * a file, which is left alone. */
static gboolean
read_snapshot (TpRecoveryStore  *self,
               const char       *id,
               SnapshotFile     *snapshot,
               gboolean         *not_regular,
               GError          **error)
{
  g_autofree char *path = dup_path (self, id, SNAPSHOT_SUFFIX);
  g_autoptr(GBytes) bytes = NULL;

  bytes = read_regular_file (path, SNAPSHOT_MAX_BYTES, not_regular, error);
  if (bytes == NULL)
    return FALSE;

  return parse_snapshot (id, bytes, snapshot, error);
}

/* The document of a snapshot, through the hardened loader. */
static TpDocument *
load_snapshot_document (SnapshotFile  *snapshot,
                        GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  TpDocument *document;

  bytes = decode_document (snapshot->document, error);
  if (bytes == NULL)
    return NULL;

  document = tp_load_bytes (bytes, NULL, &local_error);
  if (document == NULL)
    {
      g_autofree char *reason = g_strdup_printf (_("its document does not open (%s)"),
                                                 local_error->message);

      set_damaged (error, reason);
      return NULL;
    }

  return document;
}

/* Keeps a damaged snapshot for a human, under a name that is never offered. */
static void
set_aside (TpRecoveryStore *self,
           const char      *id,
           const GError    *reason)
{
  g_autofree char *path = dup_path (self, id, SNAPSHOT_SUFFIX);
  g_autofree char *damaged = dup_path (self, id, DAMAGED_SUFFIX);

  if (g_rename (path, damaged) != 0)
    {
      int saved_errno = errno;

      g_message ("Could not set damaged recovery snapshot %s aside: %s", path,
                 g_strerror (saved_errno));
      return;
    }

  g_message ("Recovery snapshot %s set aside as %s: %s", path, damaged, reason->message);
}

gboolean
tp_recovery_store_write (TpRecoveryStore    *self,
                         const char         *id,
                         GBytes             *document_bytes,
                         const char         *title,
                         GFile              *file,
                         const TpFileStamp  *stamp,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *saved = g_date_time_format_iso8601 (now);
  g_autofree char *safe_title = NULL;
  g_autofree char *boot = read_boot_id ();
  g_autofree char *document = NULL;
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  gsize size = 0;
  gsize title_length;
  gconstpointer document_data;
  gsize document_size;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (id_is_valid (id), FALSE);
  g_return_val_if_fail (document_bytes != NULL, FALSE);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ensure_dir (self, error))
    return FALSE;

  /* The title only labels the snapshot in a list: keep it valid and short. */
  safe_title = g_utf8_make_valid (title != NULL ? title : "", -1);
  title_length = strlen (safe_title);
  if (title_length > MAX_TITLE_BYTES)
    {
      const char *end = g_utf8_find_prev_char (safe_title, safe_title + MAX_TITLE_BYTES + 1);

      safe_title[end - safe_title] = '\0';
    }

  document_data = g_bytes_get_data (document_bytes, &document_size);
  document = g_base64_encode (document_data, document_size);

  g_key_file_set_integer (key_file, SNAPSHOT_GROUP, "Version", SNAPSHOT_VERSION);
  g_key_file_set_string (key_file, SNAPSHOT_GROUP, "Title", safe_title);
  g_key_file_set_string (key_file, SNAPSHOT_GROUP, "Saved", saved);
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_key_file_set_string (key_file, SNAPSHOT_GROUP, "File", uri);
      if (stamp != NULL)
        {
          g_key_file_set_uint64 (key_file, SNAPSHOT_GROUP, "FileSize", stamp->size);
          g_key_file_set_string (key_file, SNAPSHOT_GROUP, "FileSha256", stamp->sha256);
        }
    }
  g_key_file_set_int64 (key_file, SNAPSHOT_GROUP, "Owner", getpid ());
  g_key_file_set_string (key_file, SNAPSHOT_GROUP, "Boot", boot != NULL ? boot : "");
  g_key_file_set_string (key_file, SNAPSHOT_GROUP, "Document", document);
  g_clear_pointer (&document, g_free);

  data = g_key_file_to_data (key_file, &size, NULL);
  bytes = g_bytes_new_take (g_steal_pointer (&data), size);
  path = dup_path (self, id, SNAPSHOT_SUFFIX);

  return write_private_file (path, bytes, cancellable, error);
}

gboolean
tp_recovery_store_write_document (TpRecoveryStore    *self,
                                  const char         *id,
                                  TpDocument         *document,
                                  GFile              *file,
                                  const TpFileStamp  *stamp,
                                  GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (TP_IS_DOCUMENT (document), FALSE);

  bytes = tp_write_bytes (document);
  title = tp_document_dup_display_name (document);

  return tp_recovery_store_write (self, id, bytes, title, file, stamp, NULL, error);
}

gboolean
tp_recovery_store_remove (TpRecoveryStore  *self,
                          const char       *id,
                          GError          **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (id_is_valid (id), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = dup_path (self, id, SNAPSHOT_SUFFIX);
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not remove the recovery snapshot “%s”: %s"), path,
                   g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Newest first; the id decides between equal times, so the order is stable. */
static int
compare_infos (gconstpointer a,
               gconstpointer b)
{
  const TpSnapshotInfo *info_a = *(const TpSnapshotInfo * const *) a;
  const TpSnapshotInfo *info_b = *(const TpSnapshotInfo * const *) b;
  int order = g_date_time_compare (info_b->saved, info_a->saved);

  return order != 0 ? order : strcmp (info_a->id, info_b->id);
}

GPtrArray *
tp_recovery_store_list (TpRecoveryStore *self)
{
  g_autoptr(GPtrArray) infos = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (self != NULL, NULL);

  infos = g_ptr_array_new_with_free_func ((GDestroyNotify) tp_snapshot_info_free);
  dir = g_dir_open (self->dir, 0, NULL);
  if (dir == NULL)
    return g_steal_pointer (&infos);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(TpDocument) document = NULL;
      SnapshotFile snapshot = { NULL, };
      gboolean not_regular = FALSE;

      if (!g_str_has_suffix (name, SNAPSHOT_SUFFIX))
        continue;
      id = g_strndup (name, strlen (name) - strlen (SNAPSHOT_SUFFIX));
      if (!id_is_valid (id))
        continue;

      if (!read_snapshot (self, id, &snapshot, &not_regular, &error))
        {
          /* Only a file that holds garbage is set aside; a name taken by a folder or a
           * FIFO, or a file gone or unreadable meanwhile, is just not offered. */
          if (g_error_matches (error, TP_RECOVERY_ERROR, TP_RECOVERY_ERROR_DAMAGED))
            set_aside (self, id, error);
          snapshot_file_clear (&snapshot);
          continue;
        }

      /* Another window's work in progress, not something to recover. */
      if (owner_is_live (snapshot.owner, snapshot.boot))
        {
          snapshot_file_clear (&snapshot);
          continue;
        }

      /* What is offered must open: the document is loaded now, with the loader's caps,
       * rather than failing after the user chose to recover it. */
      document = load_snapshot_document (&snapshot, &error);
      if (document == NULL)
        {
          set_aside (self, id, error);
          snapshot_file_clear (&snapshot);
          continue;
        }

      g_ptr_array_add (infos, g_steal_pointer (&snapshot.info));
      snapshot_file_clear (&snapshot);
    }

  g_ptr_array_sort (infos, compare_infos);

  return g_steal_pointer (&infos);
}

/* Whether file still holds what stamp describes. */
static gboolean
file_is_unchanged (GFile             *file,
                   const TpFileStamp *stamp)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TpFileStamp) current = NULL;
  g_autofree char *etag = NULL;

  if (stamp == NULL)
    return FALSE;

  bytes = tp_read_document_bytes (file, &etag, NULL, NULL);
  if (bytes == NULL)
    return FALSE;

  current = tp_file_stamp_new_for_bytes (bytes, etag);

  return tp_file_stamp_equal (current, stamp);
}

TpDocument *
tp_recovery_store_load (TpRecoveryStore       *self,
                        const TpSnapshotInfo  *info,
                        gboolean              *file_changed,
                        GError               **error)
{
  g_autoptr(TpDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  SnapshotFile snapshot = { NULL, };
  gboolean not_regular = FALSE;
  gboolean changed = FALSE;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (info != NULL && id_is_valid (info->id), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (file_changed != NULL)
    *file_changed = FALSE;

  if (read_snapshot (self, info->id, &snapshot, &not_regular, &local_error))
    document = load_snapshot_document (&snapshot, &local_error);
  snapshot_file_clear (&snapshot);

  if (document == NULL)
    {
      if (g_error_matches (local_error, TP_RECOVERY_ERROR, TP_RECOVERY_ERROR_DAMAGED))
        {
          set_aside (self, info->id, local_error);
          g_propagate_error (error, g_steal_pointer (&local_error));
        }
      else if (not_regular)
        {
          set_damaged (error, _("it is not a file"));
        }
      else
        {
          g_set_error (error, local_error->domain, local_error->code,
                       _("The recovered work cannot be read: %s"), local_error->message);
        }
      return NULL;
    }

  /* It holds work that was never saved. */
  tp_document_set_saved_state (document, NEVER_SAVED_STATE);

  if (info->file != NULL)
    {
      if (file_is_unchanged (info->file, info->stamp))
        tp_document_set_file (document, info->file);
      else
        changed = TRUE;
    }

  if (file_changed != NULL)
    *file_changed = changed;

  return g_steal_pointer (&document);
}

static void
write_session (TpRecoveryStore *self,
               gboolean         clean)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *boot = read_boot_id ();
  g_autofree char *path = g_build_filename (self->dir, SESSION_NAME, NULL);
  g_autofree char *data = NULL;
  gsize size = 0;

  g_key_file_set_int64 (key_file, SESSION_GROUP, "Pid", getpid ());
  g_key_file_set_string (key_file, SESSION_GROUP, "Boot", boot != NULL ? boot : "");
  g_key_file_set_boolean (key_file, SESSION_GROUP, "Clean", clean);

  data = g_key_file_to_data (key_file, &size, NULL);
  bytes = g_bytes_new_take (g_steal_pointer (&data), size);

  /* Without a session file recovery still works (the snapshots are listed anyway); only
   * the note that the last run did not end well is lost. */
  if (!ensure_dir (self, &error) || !write_private_file (path, bytes, NULL, &error))
    g_message ("Could not record the session in %s: %s", path, error->message);
}

void
tp_recovery_store_begin_session (TpRecoveryStore *self,
                                 gboolean        *last_clean)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gboolean not_regular = FALSE;
  gboolean clean = TRUE;

  g_return_if_fail (self != NULL);

  path = g_build_filename (self->dir, SESSION_NAME, NULL);
  bytes = read_regular_file (path, SESSION_MAX_BYTES, &not_regular, &error);
  if (bytes != NULL)
    {
      g_autoptr(GKeyFile) key_file = parse_key_file (bytes, NULL);
      g_autoptr(GError) key_error = NULL;
      g_autofree char *boot = NULL;
      gint64 pid = 0;

      if (key_file != NULL)
        {
          clean = g_key_file_get_boolean (key_file, SESSION_GROUP, "Clean", &key_error);
          if (key_error != NULL)
            clean = FALSE;
          pid = g_key_file_get_int64 (key_file, SESSION_GROUP, "Pid", NULL);
          boot = g_key_file_get_string (key_file, SESSION_GROUP, "Boot", NULL);
        }
      else
        {
          /* The writer is durable, so a garbled session file is no torn write but
           * something gone wrong: better to say so. */
          clean = FALSE;
        }

      /* Another instance still running has not ended badly. */
      if (!clean && owner_is_live (pid, boot))
        clean = TRUE;
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      clean = FALSE;
    }

  if (last_clean != NULL)
    *last_clean = clean;

  write_session (self, FALSE);
}

void
tp_recovery_store_end_session (TpRecoveryStore *self)
{
  g_return_if_fail (self != NULL);

  write_session (self, TRUE);
}
