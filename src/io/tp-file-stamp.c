/* tp-file-stamp.c: what a file looked like when we last read or wrote it. */
#include "config.h"

#include "tp-file-stamp.h"

TpFileStamp *
tp_file_stamp_new_for_bytes (GBytes     *bytes,
                             const char *etag)
{
  TpFileStamp *stamp;
  gconstpointer data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);

  stamp = g_new0 (TpFileStamp, 1);
  stamp->etag = g_strdup (etag);
  stamp->size = size;
  stamp->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, size);

  return stamp;
}

TpFileStamp *
tp_file_stamp_copy (const TpFileStamp *stamp)
{
  TpFileStamp *copy;

  if (stamp == NULL)
    return NULL;

  copy = g_new0 (TpFileStamp, 1);
  copy->etag = g_strdup (stamp->etag);
  copy->size = stamp->size;
  copy->sha256 = g_strdup (stamp->sha256);

  return copy;
}

void
tp_file_stamp_free (TpFileStamp *stamp)
{
  if (stamp == NULL)
    return;

  g_free (stamp->etag);
  g_free (stamp->sha256);
  g_free (stamp);
}

/* The content decides: size and hash must match. The etag (modification time on local
 * files) is not compared, because touching a file or copying it back unchanged is not a
 * change that should make the user choose between two identical versions. */
gboolean
tp_file_stamp_equal (const TpFileStamp *a,
                     const TpFileStamp *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return a->size == b->size && g_strcmp0 (a->sha256, b->sha256) == 0;
}
