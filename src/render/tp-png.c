/* tp-png.c: an image surface written as PNG, faster and smaller than cairo's own writer
 *
 * cairo_surface_write_to_png() leaves libpng at its defaults: each row tried with all
 * five PNG filters to pick one, then deflate at zlib's level 6. On the board's images (flat
 * panels, text, thin lines) that is most of a PNG export's encoding and not even the
 * smallest file: the 1,000-note board at 1920 × 1080 took 977 M instructions to encode,
 * 37 % of the whole export, more than drawing it. Measured on that image and the
 * example's board (bench/README.md, "PNG encoding"), rows left unfiltered and deflated at
 * level 3 make files 20 % and 6 % smaller than cairo's, four to five times faster: the
 * filters turn a panel's flat runs, which deflate finds as long repeats, into less
 * regular residues.
 *
 * Copyright 2026 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <png.h>
#include <string.h>

#include "tp-png.h"

#define ZLIB_LEVEL 3

typedef struct
{
  GByteArray *out;
  char        message[160];
} Writer;

G_NORETURN static void
on_error (png_structp     png,
          png_const_charp message)
{
  Writer *writer = png_get_error_ptr (png);

  g_strlcpy (writer->message, message, sizeof writer->message);
  png_longjmp (png, 1);
}

/* Warnings (a chunk libpng thinks odd) do not stop the file; nothing to tell the user. */
static void
on_warning (png_structp     png,
            png_const_charp message)
{
}

static void
on_write (png_structp png,
          png_bytep   data,
          png_size_t  length)
{
  Writer *writer = png_get_io_ptr (png);

  g_byte_array_append (writer->out, data, (guint) length);
}

static void
on_flush (png_structp png)
{
}

static gboolean
is_opaque (const guchar *data,
           int           width,
           int           height,
           int           stride)
{
  for (int y = 0; y < height; y++)
    {
      /* Rows of a cairo image start at a multiple of 4 bytes. */
      const guint32 *pixel = (const void *) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        if ((pixel[x] >> 24) != 0xff)
          return FALSE;
    }
  return TRUE;
}

/* One row of cairo's native-endian, premultiplied 0xAARRGGBB as PNG's bytes: R, G, B
 * and, with alpha, A unpremultiplied (rounded as cairo's own writer rounds). */
static void
convert_row (const guint32 *pixel,
             int            width,
             gboolean       alpha,
             guchar        *row)
{
  for (int x = 0; x < width; x++)
    {
      guint a = pixel[x] >> 24;
      guint r = (pixel[x] >> 16) & 0xff, g = (pixel[x] >> 8) & 0xff, b = pixel[x] & 0xff;

      if (!alpha)
        {
          row[0] = r, row[1] = g, row[2] = b;
          row += 3;
          continue;
        }
      if (a == 0)
        r = g = b = 0;
      else if (a != 0xff)
        {
          r = (r * 255 + a / 2) / a;
          g = (g * 255 + a / 2) / a;
          b = (b * 255 + a / 2) / a;
        }
      row[0] = r, row[1] = g, row[2] = b, row[3] = a;
      row += 4;
    }
}

gboolean
tp_png_write (cairo_surface_t  *image,
              GByteArray       *out,
              GError          **error)
{
  Writer writer = { out, "" };
  cairo_format_t format;
  int width, height, stride;
  const guchar *data;
  gboolean alpha;
  png_structp png;
  png_infop info;
  guchar *volatile row = NULL;
  guint start = out->len;

  g_return_val_if_fail (image != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  format = cairo_image_surface_get_format (image);
  if (cairo_surface_get_type (image) != CAIRO_SURFACE_TYPE_IMAGE ||
      (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           "Only 32-bit image surfaces are written as PNG");
      return FALSE;
    }

  cairo_surface_flush (image);
  width = cairo_image_surface_get_width (image);
  height = cairo_image_surface_get_height (image);
  stride = cairo_image_surface_get_stride (image);
  data = cairo_image_surface_get_data (image);
  alpha = format == CAIRO_FORMAT_ARGB32 && !is_opaque (data, width, height, stride);

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, &writer, on_error, on_warning);
  info = png != NULL ? png_create_info_struct (png) : NULL;
  if (info == NULL)
    {
      png_destroy_write_struct (&png, NULL);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Out of memory for the PNG");
      return FALSE;
    }

  if (setjmp (png_jmpbuf (png)) != 0)
    {
      png_destroy_write_struct (&png, &info);
      g_free (row);
      g_byte_array_set_size (out, start);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The PNG could not be written: %s",
                   writer.message);
      return FALSE;
    }

  png_set_write_fn (png, &writer, on_write, on_flush);
  png_set_IHDR (png, info, (png_uint_32) width, (png_uint_32) height, 8,
                alpha ? PNG_COLOR_TYPE_RGB_ALPHA : PNG_COLOR_TYPE_RGB,
                PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_compression_level (png, ZLIB_LEVEL);
  png_write_info (png, info);

  row = g_malloc ((gsize) width * (alpha ? 4 : 3));
  for (int y = 0; y < height; y++)
    {
      convert_row ((const void *) (data + (gsize) y * stride), width, alpha, row);
      png_write_row (png, row);
    }
  png_write_end (png, info);

  png_destroy_write_struct (&png, &info);
  g_free (row);
  return TRUE;
}
