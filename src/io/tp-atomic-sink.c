/* tp-atomic-sink.c: the bytes of a file written whole or not at all, as they are made.
 *
 * Copyright 2026 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An export of 50,000 moments of truth is a PDF of 42 MB: collected in memory before it
 * was written, its array's room (up to twice the file, as it grows by doubling) sat under
 * every page still to draw (issue 16). The sink passes the bytes on to the temporary file
 * (or GIO's stream) a buffer at a time instead.
 */

#include "config.h"

#include "tp-atomic-file-private.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

/* The largest piece of a file held in memory at once, by a sink or handed to one whole. */
static gsize max_held;

void
_tp_atomic_sink_init (TpAtomicSink  *sink,
                      int            fd,
                      GOutputStream *stream,
                      GCancellable  *cancellable)
{
  *sink = (TpAtomicSink) {
    .fd = fd,
    .stream = stream,
    .cancellable = cancellable,
    .buffer = g_malloc (TP_ATOMIC_SINK_BUFFER),
  };
}

void
_tp_atomic_sink_clear (TpAtomicSink *sink)
{
  g_clear_pointer (&sink->buffer, g_free);
  g_clear_error (&sink->error);
}

static gboolean
write_out (TpAtomicSink *sink,
           const guint8 *data,
           gsize         size)
{
  if (sink->failed)
    return FALSE;

  if (sink->stream != NULL)
    {
      if (!g_output_stream_write_all (sink->stream, data, size, NULL, sink->cancellable,
                                      &sink->error))
        sink->failed = TRUE;
      return !sink->failed;
    }

  while (size > 0)
    {
      ssize_t n = write (sink->fd, data, MIN (size, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          sink->saved_errno = n == 0 ? EIO : errno;
          sink->failed = TRUE;
          return FALSE;
        }
      data += n;
      size -= (gsize) n;
    }

  return TRUE;
}

gboolean
_tp_atomic_sink_flush (TpAtomicSink *sink)
{
  gsize used = sink->used;

  sink->used = 0;
  return write_out (sink, sink->buffer, used) && !sink->failed;
}

gboolean
tp_atomic_sink_write (TpAtomicSink *sink,
                      const void   *data,
                      gsize         size)
{
  g_return_val_if_fail (sink != NULL, FALSE);

  if (sink->failed)
    return FALSE;

  /* What does not fit goes out at once, after what the buffer holds. */
  if (sink->used + size > TP_ATOMIC_SINK_BUFFER)
    {
      if (!_tp_atomic_sink_flush (sink))
        return FALSE;
      if (size >= TP_ATOMIC_SINK_BUFFER)
        {
          /* Held whole by the caller: counted as held. */
          max_held = MAX (max_held, size);
          return write_out (sink, data, size);
        }
    }

  memcpy (sink->buffer + sink->used, data, size);
  sink->used += size;
  max_held = MAX (max_held, sink->used);
  return TRUE;
}

gsize
tp_atomic_sink_take_max_held (void)
{
  gsize held = max_held;

  max_held = 0;
  return held;
}
