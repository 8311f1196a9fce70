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

/* The local half of tp_atomic_file_replace(), for the native file at path. */
gboolean  _tp_atomic_file_write_local (GFile               *file,
                                       const char          *path,
                                       GBytes              *bytes,
                                       TpWriteVerb          verb,
                                       const TpFileStamp   *expected,
                                       GError             **error);

G_END_DECLS
