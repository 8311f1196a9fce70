/* tp-test-ops.h: counting what painting sends to a cairo surface */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

cairo_surface_t *tp_test_ops_observe (cairo_surface_t *target,
                                      guint64         *ops,
                                      guint64         *glyphs);

G_END_DECLS
