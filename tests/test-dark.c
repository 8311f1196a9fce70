/* test-dark.c: the board and the analysis view follow the dark style, live; exports stay
 * light. */

#include "config.h"

#include <adwaita.h>

#include "io/tp-document-file.h"
#include "render/tp-export.h"
#include "views/tp-analysis-view.h"
#include "views/tp-board.h"
#include "tp-test-display.h"

static char *tmp_dir;

/* The colour of the widget's top left pixel as it paints itself now, 0 … 255 each. */
static void
get_pixel (GtkWidget *widget,
           guint      rgb[3])
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  guchar data[4 * 4 * 4];

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, 4, 4));
  /* CAIRO_FORMAT_ARGB32 in memory order: blue, green, red, alpha (opaque here). */
  gdk_texture_download (texture, data, 4 * 4);
  rgb[0] = data[2];
  rgb[1] = data[1];
  rgb[2] = data[0];
}

static void
assert_pixel (GtkWidget      *widget,
              const TpColour *colour)
{
  guint rgb[3];

  get_pixel (widget, rgb);
  g_assert_cmpint (ABS ((int) rgb[0] - (int) (colour->red * 255 + 0.5)), <=, 2);
  g_assert_cmpint (ABS ((int) rgb[1] - (int) (colour->green * 255 + 0.5)), <=, 2);
  g_assert_cmpint (ABS ((int) rgb[2] - (int) (colour->blue * 255 + 0.5)), <=, 2);
}

static gboolean
is_allocated (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

static void
test_follow_style (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr(GFile) file = g_file_new_for_path (TP_EXAMPLE_PATH);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDocument) document = tp_load_file (file, NULL, NULL, NULL, &error);
  const TpTheme *light = tp_theme_get_default (), *dark = tp_theme_get_dark ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *board = tp_board_new ();
  GtkWidget *analysis = tp_analysis_view_new ();

  g_assert_no_error (error);
  gtk_widget_set_size_request (board, 400, 300);
  gtk_widget_set_size_request (analysis, 400, 300);
  gtk_box_append (GTK_BOX (box), board);
  gtk_box_append (GTK_BOX (box), analysis);
  gtk_window_set_child (GTK_WINDOW (window), box);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_window_present (GTK_WINDOW (window));
  tp_test_wait_until (is_allocated, board, "the board to be shown");
  tp_test_wait_until (is_allocated, analysis, "the analysis to be shown");

  /* Light: the board's off-white, under an empty board and beside the analysis sheet. */
  g_assert_false (adw_style_manager_get_dark (style));
  assert_pixel (board, &light->board_background);
  assert_pixel (analysis, &light->board_background);

  /* Dark, live: the same widgets repaint in the dark theme. */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  tp_test_flush_events ();
  g_assert_true (adw_style_manager_get_dark (style));
  assert_pixel (board, &dark->board_background);
  assert_pixel (analysis, &dark->board_background);

  /* A document opened while dark is drawn dark; the analysis lays out in the dark theme. */
  tp_board_set_document (TP_BOARD (board), document);
  tp_analysis_view_set_document (TP_ANALYSIS_VIEW (analysis), document);
  tp_test_flush_events ();
  g_assert_true (tp_layout_get_theme (tp_board_get_layout (TP_BOARD (board))) == dark);
  assert_pixel (analysis, &dark->board_background);

  /* An export made meanwhile stays light: its page is white. */
  {
    TpExportOptions options;
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GdkTexture) texture = NULL;
    g_autofree guchar *data = NULL;
    int width;

    tp_export_options_init (&options);
    options.format = TP_EXPORT_FORMAT_PNG;
    options.page = TP_EXPORT_PAGE_CANVAS;
    options.size = TP_PAGE_SIZE_A4;
    bytes = tp_export_render (document, &options, NULL, &error);
    g_assert_no_error (error);
    texture = gdk_texture_new_from_bytes (bytes, &error);
    g_assert_no_error (error);
    width = gdk_texture_get_width (texture);
    data = g_malloc ((gsize) width * gdk_texture_get_height (texture) * 4);
    gdk_texture_download (texture, data, width * 4);
    g_assert_cmpuint (data[0], ==, 255);
    g_assert_cmpuint (data[1], ==, 255);
    g_assert_cmpuint (data[2], ==, 255);
  }

  /* And back to light. */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  tp_test_flush_events ();
  g_assert_true (tp_layout_get_theme (tp_board_get_layout (TP_BOARD (board))) == light);
  assert_pixel (analysis, &light->board_background);

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
  tp_test_flush_events ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = tp_test_init_display (&argc, &argv, "touchpoint-test-dark");

  g_test_add_func ("/touchpoint/dark/follow-style", test_follow_style);

  status = g_test_run ();
  tp_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
