/* tp-atomic-file-private.h: what the atomic writer's local part shares with the rest. */
#pragma once

#include "tp-atomic-file.h"

G_BEGIN_DECLS

/* "Could not save “x”: reason. advice", as TP_SAVE_ERROR_WRITE. */
void      _tp_atomic_file_set_refusal (GError             **error,
                                       GFile               *file,
                                       TpWriteVerb          verb,
                                       const char          *reason,
                                       const char          *advice);

/* tp_atomic_file_set_error() for an errno value. */
void      _tp_atomic_file_set_errno   (GError             **error,
                                       GFile               *file,
                                       TpWriteVerb          verb,
                                       int                  saved_errno);

/* The bytes of the file being written go through a buffer of this size to their
 * file descriptor or stream: cairo hands its output over in pieces of a few bytes. */
#define TP_ATOMIC_SINK_BUFFER (64 * 1024)

struct _TpAtomicSink
{
  int            fd;          /* local: the temporary file; -1 for a stream */
  GOutputStream *stream;      /* remote: GIO's replace stream */
  GCancellable  *cancellable; /* for the stream's writes */
  guint8        *buffer;      /* TP_ATOMIC_SINK_BUFFER bytes */
  gsize          used;
  gboolean       failed;      /* a write failed: saved_errno or error says why */
  int            saved_errno;
  GError        *error;
};

void      _tp_atomic_sink_init        (TpAtomicSink        *sink,
                                       int                  fd,
                                       GOutputStream       *stream,
                                       GCancellable        *cancellable);
/* Writes out what the buffer holds; FALSE if that, or any write before, failed. */
gboolean  _tp_atomic_sink_flush       (TpAtomicSink        *sink);
void      _tp_atomic_sink_clear       (TpAtomicSink        *sink);

/* The local half of tp_atomic_file_write_streamed() and tp_atomic_file_replace(), for
 * the native file at path. */
gboolean  _tp_atomic_file_write_local (GFile               *file,
                                       const char          *path,
                                       TpAtomicFileProducer produce,
                                       gpointer             user_data,
                                       TpWriteVerb          verb,
                                       const TpFileStamp   *expected,
                                       GError             **error);

G_END_DECLS
