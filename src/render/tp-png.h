/* tp-png.h: an image surface written as PNG, faster and smaller than cairo's own writer
 *
 * Copyright 2026 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Appends image (an ARGB32 or RGB24 image surface, finished drawing) to out as a PNG:
 * RGB when every pixel is opaque, else RGBA, not interlaced. FALSE, with out as it was
 * and a message in error (G_IO_ERROR), when the surface is of another format or libpng
 * fails. */
gboolean tp_png_write (cairo_surface_t  *image,
                       GByteArray       *out,
                       GError          **error);

G_END_DECLS
