/* tp-atomic-file.c: writing a file whole or not at all.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tp-atomic-file.h"
#include "tp-atomic-file-private.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tp-document-file.h"
#include "tp-loader.h"

static char *
dup_display_basename (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename != NULL ? basename : "/");
}

/* Says what happened and what to do, for an error from GLib's file functions or GIO. */
void
tp_atomic_file_set_error (GError       **error,
                          GFile         *file,
                          TpWriteVerb    verb,
                          const GError  *cause)
{
  g_autofree char *name = dup_display_basename (file);
  g_autofree char *folder = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (file);
  const char *reason = cause->message;
  gboolean save = verb == TP_WRITE_SAVE;
  const char *advice = save ? _("Try saving elsewhere.") : _("Try exporting elsewhere.");

  if (parent != NULL)
    folder = g_file_get_parse_name (parent);

  if (g_error_matches (cause, G_FILE_ERROR, G_FILE_ERROR_NOSPC) ||
      g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    {
      reason = g_strerror (ENOSPC);
      advice = save ? _("Free some space or save elsewhere.")
                    : _("Free some space or export elsewhere.");
    }
  else if (g_error_matches (cause, G_FILE_ERROR, G_FILE_ERROR_ACCES) ||
           g_error_matches (cause, G_FILE_ERROR, G_FILE_ERROR_PERM) ||
           g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    {
      reason = g_strerror (EACCES);
      advice = save ? _("Save in a folder you can write to.")
                    : _("Export to a folder you can write to.");
    }
  else if (g_error_matches (cause, G_FILE_ERROR, G_FILE_ERROR_ROFS) ||
           g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    {
      reason = g_strerror (EROFS);
      advice = save ? _("Save on another disk.") : _("Export to another disk.");
    }
  else if (g_error_matches (cause, G_FILE_ERROR, G_FILE_ERROR_NOENT) ||
           g_error_matches (cause, G_FILE_ERROR, G_FILE_ERROR_NOTDIR) ||
           g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_set_error (error, TP_SAVE_ERROR, TP_SAVE_ERROR_WRITE,
                   save ? _("Could not save “%s”: the folder “%s” does not exist. Choose an existing folder.")
                        : _("Could not export “%s”: the folder “%s” does not exist. Choose an existing folder."),
                   name, folder != NULL ? folder : "/");
      return;
    }
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
    {
      /* A place GIO reads but cannot write, such as a resource inside a program. */
      reason = _("this place cannot be written to");
      advice = save ? _("Save in a folder on this computer.")
                    : _("Export to a folder on this computer.");
    }
  else if (g_error_matches (cause, G_FILE_ERROR, G_FILE_ERROR_IO))
    {
      reason = g_strerror (EIO);
      advice = save ? _("Check the disk, then try again or save elsewhere.")
                    : _("Check the disk, then try again or export elsewhere.");
    }
  else if (g_error_matches (cause, G_FILE_ERROR, G_FILE_ERROR_NAMETOOLONG) ||
           g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_FILENAME_TOO_LONG))
    {
      reason = g_strerror (ENAMETOOLONG);
      advice = _("Choose a shorter name.");
    }
  else if (g_error_matches (cause, G_FILE_ERROR, G_FILE_ERROR_ISDIR) ||
           g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    {
      reason = g_strerror (EISDIR);
      advice = _("Choose another name.");
    }

  /* Translators: "Could not save “x.touchpoint”: No space left on device. Free some
   * space or save elsewhere." */
  g_set_error (error, TP_SAVE_ERROR, TP_SAVE_ERROR_WRITE,
               save ? _("Could not save “%s”: %s. %s") : _("Could not export “%s”: %s. %s"),
               name, reason, advice);
}

/* A file elsewhere than on this computer's disks (a GVfs share, a resource): GIO's
 * replace, which each backend makes as atomic as it can (a temporary file and a rename
 * where the protocol has them). seen (may be NULL) is the entity tag of the version the
 * check read: the backend refuses the replace if the file has changed since, so that
 * check and write are one step wherever the backend keeps etags. */
static gboolean
write_remote (GFile                 *file,
              TpAtomicFileProducer   produce,
              gpointer               user_data,
              TpWriteVerb            verb,
              const char            *seen,
              char                 **etag,
              GCancellable          *cancellable,
              GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) discard = g_cancellable_new ();
  TpAtomicSink sink;
  gboolean produced, flushed;

  stream = g_file_replace (file, seen, FALSE, G_FILE_CREATE_NONE, cancellable, &local_error);
  if (stream == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
        tp_atomic_file_set_changed_error (error, file);
      else
        tp_atomic_file_set_error (error, file, verb, local_error);
      return FALSE;
    }

  _tp_atomic_sink_init (&sink, -1, G_OUTPUT_STREAM (stream), cancellable);
  produced = produce (&sink, user_data, &local_error);
  flushed = _tp_atomic_sink_flush (&sink);
  if (!flushed)
    {
      /* The stream's failure is what went wrong, whatever the producer made of it. */
      g_clear_error (&local_error);
      local_error = g_steal_pointer (&sink.error);
    }
  _tp_atomic_sink_clear (&sink);

  if (!flushed || !produced ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error))
    {
      /* Closing with a cancelled cancellable makes the backend discard what was
       * written instead of putting it in place of the original. */
      g_cancellable_cancel (discard);
      g_output_stream_close (G_OUTPUT_STREAM (stream), discard, NULL);
      if (flushed && !produced && local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (local_error != NULL)
        tp_atomic_file_set_error (error, file, verb, local_error);
      else
        _tp_atomic_file_set_errno (error, file, verb, EIO);
      return FALSE;
    }

  *etag = g_strdup (g_file_output_stream_get_etag (stream));

  return TRUE;
}

/* Set as a GError with the message a failed write gets: "Could not save “x”: reason.
 * advice" (the strings of tp_atomic_file_set_error()). */
void
_tp_atomic_file_set_refusal (GError      **error,
                             GFile        *file,
                             TpWriteVerb   verb,
                             const char   *reason,
                             const char   *advice)
{
  g_autofree char *name = dup_display_basename (file);

  g_set_error (error, TP_SAVE_ERROR, TP_SAVE_ERROR_WRITE,
               verb == TP_WRITE_SAVE ? _("Could not save “%s”: %s. %s")
                                     : _("Could not export “%s”: %s. %s"),
               name, reason, advice);
}

void
_tp_atomic_file_set_errno (GError      **error,
                           GFile        *file,
                           TpWriteVerb   verb,
                           int           saved_errno)
{
  g_autoptr(GError) cause = g_error_new_literal (G_FILE_ERROR,
                                                 g_file_error_from_errno (saved_errno),
                                                 g_strerror (saved_errno));

  tp_atomic_file_set_error (error, file, verb, cause);
}

void
tp_atomic_file_set_changed_error (GError **error,
                                  GFile   *file)
{
  g_autofree char *name = dup_display_basename (file);

  g_set_error (error, TP_SAVE_ERROR, TP_SAVE_ERROR_CHANGED_ON_DISK,
               _("“%s” was changed by another program since it was opened. Reload it, save under another name, or overwrite the other changes."),
               name);
}

/* The remote check: read and compare, and hand the etag of what was read to the replace
 * (seen), which the backend compares again as it opens the file for writing. A backend
 * without etags gives none, and then the check and the write are two steps. */
static gboolean
check_remote (GFile              *file,
              const TpFileStamp  *expected,
              TpWriteVerb         verb,
              char              **seen,
              GCancellable       *cancellable,
              GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) current = NULL;
  g_autoptr(TpFileStamp) stamp = NULL;

  if (expected == NULL)
    return TRUE;

  current = tp_read_document_bytes (file, seen, cancellable, &local_error);
  if (current == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;

      if (!g_error_matches (local_error, TP_LOAD_ERROR, TP_LOAD_ERROR_TOO_LARGE))
        {
          tp_atomic_file_set_error (error, file, verb, local_error);
          return FALSE;
        }
    }
  else
    {
      stamp = tp_file_stamp_new_for_bytes (current, NULL);
      if (tp_file_stamp_equal (stamp, expected))
        return TRUE;
    }

  tp_atomic_file_set_changed_error (error, file);
  return FALSE;
}

static gboolean
replace_with (GFile                 *file,
              TpAtomicFileProducer   produce,
              gpointer               user_data,
              TpWriteVerb            verb,
              const TpFileStamp     *expected,
              char                 **etag,
              GCancellable          *cancellable,
              GError               **error)
{
  g_autofree char *path = NULL;
  g_autofree char *new_etag = NULL;
  g_autofree char *seen = NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  path = g_file_is_native (file) ? g_file_get_path (file) : NULL;
  if (path != NULL)
    {
      g_autoptr(GFileInfo) info = NULL;

      if (!_tp_atomic_file_write_local (file, path, produce, user_data, verb, expected, error))
        return FALSE;

      info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE, G_FILE_QUERY_INFO_NONE,
                                NULL, NULL);
      if (info != NULL)
        new_etag = g_strdup (g_file_info_get_etag (info));
    }
  else if (!check_remote (file, expected, verb, &seen, cancellable, error) ||
           !write_remote (file, produce, user_data, verb, seen, &new_etag, cancellable, error))
    {
      return FALSE;
    }

  if (etag != NULL)
    *etag = g_steal_pointer (&new_etag);
  return TRUE;
}

/* A producer for bytes made already: one write. */
static gboolean
produce_bytes (TpAtomicSink  *sink,
               gpointer       user_data,
               GError       **error)
{
  gsize size;
  const void *data = g_bytes_get_data (user_data, &size);

  return tp_atomic_sink_write (sink, data, size);
}

gboolean
tp_atomic_file_replace (GFile              *file,
                        GBytes             *bytes,
                        TpWriteVerb         verb,
                        const TpFileStamp  *expected,
                        char              **etag,
                        GCancellable       *cancellable,
                        GError            **error)
{
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  return replace_with (file, produce_bytes, bytes, verb, expected, etag, cancellable, error);
}

gboolean
tp_atomic_file_write (GFile         *file,
                      GBytes        *bytes,
                      TpWriteVerb    verb,
                      char         **etag,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return tp_atomic_file_replace (file, bytes, verb, NULL, etag, cancellable, error);
}

gboolean
tp_atomic_file_write_streamed (GFile                *file,
                               TpWriteVerb           verb,
                               TpAtomicFileProducer  produce,
                               gpointer              user_data,
                               char                **etag,
                               GCancellable         *cancellable,
                               GError              **error)
{
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (produce != NULL, FALSE);

  return replace_with (file, produce, user_data, verb, NULL, etag, cancellable, error);
}
