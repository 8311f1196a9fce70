/* tp-writer.h: document → bytes, deterministic (same document, same bytes). */
#pragma once

#include "model/tp-document.h"

G_BEGIN_DECLS

GBytes *tp_write_bytes (TpDocument *document);

G_END_DECLS
