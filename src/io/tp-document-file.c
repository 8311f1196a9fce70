/* tp-document-file.c: loading documents from and saving them to files.
 *
 * RELIABILITY.md, "Loading" and "Saving". libxml2 never sees a path: the bytes are read
 * here, from regular files only and with a cap, because libxml2's own file reading
 * gunzips and follows whatever it is given. Saving never uses g_file_replace_contents(),
 * which on GLib 2.74 renames a partially written file over the original when a write
 * fails; the atomic writer (tp-atomic-file.c) writes local files itself (temporary file,
 * fsync, exchange, directory fsync, checked under a lock), other files through
 * g_file_replace() with the stream closed through a cancelled GCancellable on error,
 * which discards the partial file.
 */
#include "config.h"

#include "tp-document-file.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <linux/magic.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gunixinputstream.h>

#include "tp-atomic-file.h"
#include "tp-caps-measure.h"
#include "tp-loader.h"
#include "tp-writer.h"

#define READ_ATTRIBUTES G_FILE_ATTRIBUTE_STANDARD_TYPE "," \
                        G_FILE_ATTRIBUTE_STANDARD_SIZE "," \
                        G_FILE_ATTRIBUTE_ETAG_VALUE

G_DEFINE_QUARK (tp-save-error-quark, tp_save_error)

static char *
dup_display_basename (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename != NULL ? basename : "/");
}

static void
set_too_large (GError **error,
               gsize    max_bytes)
{
  g_set_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_TOO_LARGE,
               _("The file is larger than %u MiB, more than any workshop needs"),
               (guint) (max_bytes / (1024 * 1024)));
}

/* Only regular files: /dev/zero never ends, a FIFO blocks open() until someone writes. */
static gboolean
check_file_type (GFileType   type,
                 goffset     size,
                 gsize       max_bytes,
                 GError    **error)
{
  if (type == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("This is a folder, not a document"));
      return FALSE;
    }
  if (type != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("This is not a regular file, so it cannot be a document"));
      return FALSE;
    }
  if (size < 0 || (guint64) size > max_bytes)
    {
      set_too_large (error, max_bytes);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_file_info (GFileInfo  *info,
                 GError    **error)
{
  goffset size = 0;

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_SIZE))
    size = g_file_info_get_size (info);

  return check_file_type (g_file_info_get_file_type (info), size, TP_LOAD_MAX_BYTES, error);
}

/* The kernel's own file systems show "regular" files that are no files at all: reading
 * /proc/kmsg waits for the next kernel message (and takes it from the system's log),
 * and some of /sys blocks or never ends. None of them can hold a document. */
static gboolean
check_file_system (int      fd,
                   GError **error)
{
  static const unsigned long kernel_types[] = {
    PROC_SUPER_MAGIC, SYSFS_MAGIC, DEBUGFS_MAGIC, TRACEFS_MAGIC, SECURITYFS_MAGIC,
    CGROUP_SUPER_MAGIC, CGROUP2_SUPER_MAGIC, BPF_FS_MAGIC,
  };
  struct statfs fs;

  if (fstatfs (fd, &fs) != 0)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (kernel_types); i++)
    if ((unsigned long) fs.f_type == kernel_types[i])
      {
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                             _("This file belongs to the running system, so it cannot be a document"));
        return FALSE;
      }

  return TRUE;
}

/* Opens a local file without blocking, so that a FIFO put in place of the file after
 * the check cannot block us, and checks what was actually opened. */
static GInputStream *
open_local (const char  *path,
            gsize        max_bytes,
            gboolean     follow_links,
            GError     **error)
{
  struct stat buf;
  GFileType type = G_FILE_TYPE_SPECIAL;
  int fd;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | (follow_links ? 0 : O_NOFOLLOW), 0);
  if (fd < 0 || fstat (fd, &buf) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
      return NULL;
    }

  if (S_ISDIR (buf.st_mode))
    type = G_FILE_TYPE_DIRECTORY;
  else if (S_ISREG (buf.st_mode))
    type = G_FILE_TYPE_REGULAR;

  if (!check_file_type (type, buf.st_size, max_bytes, error) || !check_file_system (fd, error))
    {
      close (fd);
      return NULL;
    }

  /* O_NONBLOCK stays: regular files on disk ignore it, but a "regular" file of the
   * kernel's such as /proc/kmsg would otherwise block the read until the next kernel
   * message; with it, the read fails at once (see read_capped). */
  return g_unix_input_stream_new (fd, TRUE);
}

/* Reads to the end, or fails as soon as there is more than the cap, whatever the size
 * said. */
static GBytes *
read_capped (GInputStream  *stream,
             gsize          expected_size,
             gsize          max_bytes,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GByteArray) data = NULL;
  g_autofree guint8 *buffer = NULL;
  const gsize chunk = 64 * 1024;

  data = g_byte_array_sized_new (MIN (expected_size, max_bytes) + 1);
  buffer = g_malloc (chunk);

  for (;;)
    {
      g_autoptr(GError) read_error = NULL;
      /* Never more than the cap and one byte, which tells that there is more. */
      gsize want = MIN (chunk, max_bytes + 1 - data->len);
      gssize n = g_input_stream_read (stream, buffer, want, cancellable, &read_error);

      if (n < 0 && g_error_matches (read_error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                               _("This file waits for data instead of holding it, so it cannot be a document"));
          return NULL;
        }
      if (n < 0)
        {
          g_propagate_error (error, g_steal_pointer (&read_error));
          return NULL;
        }
      if (n == 0)
        break;

      g_byte_array_append (data, buffer, (guint) n);
      if (data->len > max_bytes)
        {
          set_too_large (error, max_bytes);
          return NULL;
        }
    }

  if (!g_input_stream_close (stream, cancellable, error))
    return NULL;

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

GBytes *
tp_read_document_bytes (GFile         *file,
                        char         **etag,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  GBytes *bytes;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Checked before opening: opening a FIFO blocks, opening a device may do things. */
  info = g_file_query_info (file, READ_ATTRIBUTES, G_FILE_QUERY_INFO_NONE, cancellable,
                            &local_error);
  if (info == NULL)
    {
      /* GIO's "Error when getting information for file …" sounds like a broken disk;
       * the callers name the file already. */
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                             _("There is no such file: check its name and folder"));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!check_file_info (info, error))
    return NULL;

  path = g_file_is_native (file) ? g_file_get_path (file) : NULL;
  if (path != NULL)
    {
      stream = open_local (path, TP_LOAD_MAX_BYTES, TRUE, error);
      if (stream == NULL)
        return NULL;
    }
  else
    {
      g_autoptr(GFileInfo) opened_info = NULL;

      stream = G_INPUT_STREAM (g_file_read (file, cancellable, error));
      if (stream == NULL)
        return NULL;

      /* Again on what was opened, in case the file was replaced in between. */
      opened_info = g_file_input_stream_query_info (G_FILE_INPUT_STREAM (stream),
                                                    READ_ATTRIBUTES, cancellable, NULL);
      if (opened_info != NULL && !check_file_info (opened_info, error))
        return NULL;
    }

  bytes = read_capped (stream, (gsize) g_file_info_get_size (info), TP_LOAD_MAX_BYTES,
                       cancellable, error);
  if (bytes != NULL && etag != NULL)
    *etag = g_strdup (g_file_info_get_etag (info));

  return bytes;
}

GBytes *
tp_read_regular_file (const char    *path,
                      gsize          max_bytes,
                      gboolean       follow_links,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GInputStream) stream = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stream = open_local (path, max_bytes, follow_links, error);
  if (stream == NULL)
    return NULL;

  return read_capped (stream, 0, max_bytes, cancellable, error);
}

TpDocument *
tp_load_file (GFile         *file,
              TpFileStamp  **stamp,
              GPtrArray    **problems,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *etag = NULL;
  TpDocument *document;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = tp_read_document_bytes (file, &etag, cancellable, error);
  if (bytes == NULL)
    return NULL;

  document = tp_load_bytes (bytes, problems, error);
  if (document == NULL)
    return NULL;

  tp_document_set_file (document, file);
  if (stamp != NULL)
    *stamp = tp_file_stamp_new_for_bytes (bytes, etag);

  return document;
}

typedef struct
{
  TpDocument  *document;
  TpFileStamp *stamp;
} LoadResult;

static void
load_result_free (gpointer data)
{
  LoadResult *result = data;

  g_clear_object (&result->document);
  g_clear_pointer (&result->stamp, tp_file_stamp_free);
  g_free (result);
}

/* The document is created in the worker and only handed over when complete, so nothing
 * else can see it meanwhile. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GError) error = NULL;
  LoadResult *result = g_new0 (LoadResult, 1);

  result->document = tp_load_file (file, &result->stamp, NULL, cancellable, &error);
  if (result->document == NULL)
    {
      load_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Here, off the main thread, so that the first edit's caps check need not. */
  tp_caps_install ();
  tp_document_measure_size (result->document);

  g_task_return_pointer (task, result, load_result_free);
}

void
tp_load_file_async (GFile               *file,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tp_load_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

TpDocument *
tp_load_file_finish (GAsyncResult  *result,
                     TpFileStamp  **stamp,
                     GError       **error)
{
  LoadResult *loaded;
  TpDocument *document;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tp_load_file_async, NULL);

  loaded = g_task_propagate_pointer (G_TASK (result), error);
  if (loaded == NULL)
    return NULL;

  document = g_steal_pointer (&loaded->document);
  if (stamp != NULL)
    *stamp = g_steal_pointer (&loaded->stamp);
  load_result_free (loaded);

  return document;
}

/* Everything of a save that may block: runs in a worker for the async variant. */
static gboolean
write_file (GFile              *file,
            GBytes             *bytes,
            const TpFileStamp  *expected,
            TpFileStamp       **new_stamp,
            GCancellable       *cancellable,
            GError            **error)
{
  g_autofree char *etag = NULL;

  /* The check for changes made by others is the atomic writer's: on local files it is
   * made under the lock that keeps two savers apart. */
  if (!tp_atomic_file_replace (file, bytes, TP_WRITE_SAVE, expected, &etag, cancellable,
                               error))
    return FALSE;

  if (new_stamp != NULL)
    *new_stamp = tp_file_stamp_new_for_bytes (bytes, etag);

  return TRUE;
}

/* Serializes on the calling thread and loads the result back with the production loader:
 * a file we could not open again is never written. */
static GBytes *
serialize_checked (TpDocument  *document,
                   GFile       *file,
                   GError     **error)
{
  g_autoptr(GBytes) bytes = tp_write_bytes (document);
  g_autoptr(TpDocument) check = NULL;
  g_autoptr(GError) load_error = NULL;

  /* A document past the caps is the user's to trim, not a bug: say so plainly. */
  if (g_bytes_get_size (bytes) > TP_DOCUMENT_MAX_BYTES)
    {
      g_autofree char *name = dup_display_basename (file);
      g_autofree char *size = g_format_size (g_bytes_get_size (bytes));

      g_set_error (error, TP_SAVE_ERROR, TP_SAVE_ERROR_TOO_LARGE,
                   _("Could not save “%s”: it would take %s, more than the %u MiB a workshop file may hold. Nothing was written; remove some notes, needs or texts and save again."),
                   name, size, (guint) (TP_DOCUMENT_MAX_BYTES / (1024 * 1024)));
      return NULL;
    }

  check = tp_load_bytes (bytes, NULL, &load_error);
  if (check == NULL && g_error_matches (load_error, TP_LOAD_ERROR, TP_LOAD_ERROR_TOO_LARGE))
    {
      g_autofree char *name = dup_display_basename (file);

      g_set_error (error, TP_SAVE_ERROR, TP_SAVE_ERROR_TOO_LARGE,
                   _("Could not save “%s”: it is larger than a workshop file may be (%s). Nothing was written; remove some notes, needs or texts and save again."),
                   name, load_error->message);
      return NULL;
    }
  if (check == NULL)
    {
      g_autofree char *name = dup_display_basename (file);

      g_critical ("Saved document does not load back: %s", load_error->message);
      g_set_error (error, TP_SAVE_ERROR, TP_SAVE_ERROR_SELF_CHECK,
                   _("Could not save “%s”: the saved document would not open again (%s). Nothing was written; please report this problem."),
                   name, load_error->message);
      return NULL;
    }

  return g_steal_pointer (&bytes);
}

gboolean
tp_save_file (TpDocument         *document,
              GFile              *file,
              const TpFileStamp  *expected,
              TpFileStamp       **new_stamp,
              GCancellable       *cancellable,
              GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  guint64 state;

  g_return_val_if_fail (TP_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = serialize_checked (document, file, error);
  if (bytes == NULL)
    return FALSE;
  state = tp_document_get_state (document);

  if (!write_file (file, bytes, expected, new_stamp, cancellable, error))
    return FALSE;

  tp_document_set_saved_state (document, state);
  tp_document_set_file (document, file);

  return TRUE;
}

typedef struct
{
  GFile       *file;
  GBytes      *bytes;
  TpFileStamp *expected;
  TpFileStamp *new_stamp;
  guint64      state;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  g_clear_object (&save->file);
  g_clear_pointer (&save->bytes, g_bytes_unref);
  g_clear_pointer (&save->expected, tp_file_stamp_free);
  g_clear_pointer (&save->new_stamp, tp_file_stamp_free);
  g_free (save);
}

/* Only the bytes travel to the worker: the document stays on the main thread. */
static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *save = task_data;
  GError *error = NULL;

  if (write_file (save->file, save->bytes, save->expected, &save->new_stamp, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
tp_save_file_async (TpDocument          *document,
                    GFile               *file,
                    const TpFileStamp   *expected,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  SaveData *save;
  GBytes *bytes;

  g_return_if_fail (TP_IS_DOCUMENT (document));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (document, cancellable, callback, user_data);
  g_task_set_source_tag (task, tp_save_file_async);

  bytes = serialize_checked (document, file, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  save = g_new0 (SaveData, 1);
  save->file = g_object_ref (file);
  save->bytes = bytes;
  save->expected = tp_file_stamp_copy (expected);
  /* The state serialized now is the one marked saved later, even if the user keeps
   * editing while the worker writes. */
  save->state = tp_document_get_state (document);
  g_task_set_task_data (task, save, save_data_free);

  g_task_run_in_thread (task, save_thread);
}

gboolean
tp_save_file_finish (TpDocument    *document,
                     GAsyncResult  *result,
                     TpFileStamp  **new_stamp,
                     GError       **error)
{
  SaveData *save;

  g_return_val_if_fail (TP_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, document), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tp_save_file_async, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  save = g_task_get_task_data (G_TASK (result));
  tp_document_set_saved_state (document, save->state);
  tp_document_set_file (document, save->file);
  if (new_stamp != NULL)
    *new_stamp = g_steal_pointer (&save->new_stamp);

  return TRUE;
}
