/* tp-thumbnail.h: a workshop's picture at a glance, as PNG bytes: the file manager's
 * thumbnail (touchpoint-thumbnailer) and the template gallery's previews, one code. */
#pragma once

#include "model/tp-document.h"

G_BEGIN_DECLS

/* The whole board without footer or legend, fitted into size × size pixels; a journey
 * so long that the board would be a strip gives the canvas instead. */
GBytes *tp_thumbnail_render (TpDocument  *document,
                             int          size,
                             GError     **error);

G_END_DECLS
