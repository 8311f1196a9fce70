/* tp-file-stamp.h: what a file looked like when we last read or wrote it.
 *
 * Compared before saving to detect changes made by someone else in the meantime.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  char    *etag;     /* may be NULL */
  guint64  size;
  char    *sha256;   /* of the bytes */
} TpFileStamp;

TpFileStamp *tp_file_stamp_new_for_bytes (GBytes            *bytes,
                                          const char        *etag);
TpFileStamp *tp_file_stamp_copy          (const TpFileStamp *stamp);
void         tp_file_stamp_free          (TpFileStamp       *stamp);
gboolean     tp_file_stamp_equal         (const TpFileStamp *a,
                                          const TpFileStamp *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpFileStamp, tp_file_stamp_free)

G_END_DECLS
