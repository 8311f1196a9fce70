/* test-png.c: PNG exports written by tp_png_write() (src/render/tp-png.c) hold the
 * image's pixels exactly, with alpha only when some pixel needs it, and are smaller than
 * cairo's own writer makes them (the reason for the writer: issue 19).
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "render/tp-export.h"
#include "render/tp-png.h"
#include "tp-test-tools.h"

typedef struct
{
  const guchar *data;
  gsize         length;
  gsize         offset;
} Reader;

static cairo_status_t
read_bytes (void          *closure,
            unsigned char *data,
            unsigned int   length)
{
  Reader *reader = closure;

  if (reader->offset + length > reader->length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
read_png (GByteArray *png)
{
  Reader reader = { png->data, png->len, 0 };
  cairo_surface_t *surface = cairo_image_surface_create_from_png_stream (read_bytes, &reader);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpuint (reader.offset, ==, png->len);
  return surface;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The colour type of the file's header: 2 RGB, 6 RGBA. */
static guint
colour_type (GByteArray *png)
{
  g_assert_cmpuint (png->len, >, 26);
  g_assert_cmpmem (png->data + 12, 4, "IHDR", 4);
  return png->data[25];
}

/* Pixel for pixel as cairo reads them back: premultiplied, so a translucent pixel may
 * come back a unit off after the round trip through straight alpha, as with cairo's own
 * writer. */
static void
assert_same_pixels (cairo_surface_t *a,
                    cairo_surface_t *b,
                    guint            tolerance)
{
  int width = cairo_image_surface_get_width (a), height = cairo_image_surface_get_height (a);

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  for (int y = 0; y < height; y++)
    {
      const guint32 *pa = (const guint32 *) (cairo_image_surface_get_data (a) +
                                             y * cairo_image_surface_get_stride (a));
      const guint32 *pb = (const guint32 *) (cairo_image_surface_get_data (b) +
                                             y * cairo_image_surface_get_stride (b));

      for (int x = 0; x < width; x++)
        for (int shift = 0; shift < 32; shift += 8)
          {
            int ca = (pa[x] >> shift) & 0xff, cb = (pb[x] >> shift) & 0xff;

            if ((guint) ABS (ca - cb) > tolerance)
              g_error ("pixel %d,%d: %08x written, %08x read", x, y, pa[x], pb[x]);
          }
    }
}

/* Some shapes, text and a gradient: every kind of pixel a board has, and more. */
static cairo_surface_t *
draw_sample (cairo_format_t format,
             double         alpha)
{
  cairo_surface_t *surface = cairo_image_surface_create (format, 173, 61);
  cairo_t *cr = cairo_create (surface);
  cairo_pattern_t *gradient = cairo_pattern_create_linear (0, 0, 173, 0);

  cairo_set_source_rgba (cr, 1, 1, 1, alpha);
  cairo_paint (cr);
  cairo_pattern_add_color_stop_rgba (gradient, 0, 0.9, 0.2, 0.1, 1);
  cairo_pattern_add_color_stop_rgba (gradient, 1, 0.1, 0.3, 0.9, 0.2);
  cairo_set_source (cr, gradient);
  cairo_rectangle (cr, 10, 5, 150, 20);
  cairo_fill (cr);
  cairo_pattern_destroy (gradient);
  cairo_set_source_rgba (cr, 0.1, 0.6, 0.2, 0.5);
  cairo_arc (cr, 40, 40, 18, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_move_to (cr, 70, 52);
  cairo_set_font_size (cr, 18);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_show_text (cr, "Every word");
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
test_round_trip (void)
{
  struct { cairo_format_t format; double alpha; guint type; guint tolerance; } cases[] = {
    { CAIRO_FORMAT_ARGB32, 1.0, 2, 0 },   /* opaque: RGB, exact */
    { CAIRO_FORMAT_ARGB32, 0.0, 6, 1 },   /* transparent background: RGBA */
    { CAIRO_FORMAT_ARGB32, 0.6, 6, 1 },
    { CAIRO_FORMAT_RGB24, 0.0, 2, 0 },    /* no alpha channel: RGB whatever it holds */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      cairo_surface_t *image = draw_sample (cases[i].format, cases[i].alpha);
      g_autoptr(GByteArray) png = g_byte_array_new ();
      g_autoptr(GError) error = NULL;
      cairo_surface_t *read;

      g_assert_true (tp_png_write (image, png, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (colour_type (png), ==, cases[i].type);
      read = read_png (png);
      if (cases[i].format == CAIRO_FORMAT_RGB24)
        {
          /* Read back as opaque ARGB32: compare what RGB24 means, alpha set. */
          cairo_surface_t *opaque = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 173, 61);
          cairo_t *cr = cairo_create (opaque);

          cairo_set_source_surface (cr, image, 0, 0);
          cairo_paint (cr);
          cairo_destroy (cr);
          assert_same_pixels (opaque, read, 0);
          cairo_surface_destroy (opaque);
        }
      else
        assert_same_pixels (image, read, cases[i].tolerance);
      cairo_surface_destroy (read);
      cairo_surface_destroy (image);
    }
}

/* Another format is refused with a message, and nothing is appended. */
static void
test_refused (void)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_A8, 8, 8);
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GError) error = NULL;

  g_byte_array_append (png, (const guint8 *) "kept", 4);
  g_assert_false (tp_png_write (image, png, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_cmpuint (png->len, ==, 4);
  cairo_surface_destroy (image);
}

/* The example's board as the PNG export draws it: the same pixels as cairo's writer
 * would store, in fewer bytes (deflate finds a panel's flat runs better unfiltered). */
static void
test_smaller_than_cairo (void)
{
  g_autoptr(TpDocument) document =
    tp_test_load_path (TP_SRCDIR "/data/examples/online-electronics-shop.touchpoint");
  TpExportOptions options;
  g_autoptr(GBytes) ours = NULL;
  g_autoptr(GByteArray) theirs = g_byte_array_new ();
  g_autoptr(GByteArray) ours_array = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;

  tp_export_options_init (&options);
  options.format = TP_EXPORT_FORMAT_PNG;
  options.page = TP_EXPORT_PAGE_BOARD;
  ours = tp_export_render (document, &options, NULL, &error);
  g_assert_no_error (error);
  ours_array = g_bytes_unref_to_array (g_steal_pointer (&ours));
  g_assert_cmpuint (colour_type (ours_array), ==, 2);

  image = read_png (ours_array);
  g_assert_cmpint (cairo_surface_write_to_png_stream (image, append_bytes, theirs), ==,
                   CAIRO_STATUS_SUCCESS);
  g_test_message ("example board: %u bytes, %u with cairo's writer", ours_array->len, theirs->len);
  g_assert_cmpuint (ours_array->len, <, theirs->len);
  cairo_surface_destroy (image);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/png/round-trip", test_round_trip);
  g_test_add_func ("/png/refused", test_refused);
  g_test_add_func ("/png/smaller-than-cairo", test_smaller_than_cairo);

  return g_test_run ();
}
