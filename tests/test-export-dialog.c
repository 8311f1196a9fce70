/* test-export-dialog.c: the Export dialog over a window, on a real (virtual) display.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "../bench/tp-bench-doc.h"
#include "app/tp-export-dialog.h"
#include "io/tp-writer.h"
#include "app/tp-window.h"
#include "tp-test-display.h"

static char *tmp_dir;

static const char * const setting_keys[] = {
  "export-format", "export-page", "export-size", "export-scale", "export-dpi",
  "export-transparent", "export-footer", "export-legend", "last-export-folder",
};

/* The format row's items and the page size row's, in the order of tp-export-dialog.ui. */
enum { FORMAT_PDF, FORMAT_PNG, FORMAT_SVG };
enum { SIZE_SLIDE, SIZE_A4, SIZE_A3, SIZE_LETTER, SIZE_FIT };
enum { SCALE_1X, SCALE_2X, SCALE_3X, SCALE_CUSTOM };

static gboolean
is_loaded (gpointer data)
{
  return !tp_window_get_loading (data);
}

/* Every test starts from the defaults, whatever the one before chose. */
static GSettings *
reset_settings (void)
{
  GSettings *settings = g_settings_new (APPLICATION_ID);

  for (guint i = 0; i < G_N_ELEMENTS (setting_keys); i++)
    g_settings_reset (settings, setting_keys[i]);

  return settings;
}

static TpWindow *
open_window_path (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TpWindow *window = g_object_ref (tp_window_new (NULL));

  tp_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  tp_test_wait_until (is_loaded, window, "the document to load");
  g_assert_nonnull (tp_window_get_document (window));

  return window;
}

static TpWindow *
open_window (void)
{
  return open_window_path (TP_EXAMPLE_PATH);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return GTK_WINDOW (toplevel);
    }

  return NULL;
}

static TpExportDialog *
find_export_dialog (void)
{
  return (TpExportDialog *) find_toplevel (TP_TYPE_EXPORT_DIALOG);
}

static gboolean
has_no_export_dialog (gpointer data)
{
  return find_export_dialog () == NULL;
}

static gboolean
has_no_message_dialog (gpointer data)
{
  return tp_test_find_message_dialog () == NULL;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

static gboolean
is_not_busy (gpointer data)
{
  return !tp_export_dialog_get_busy (data);
}

static gpointer
dialog_child (TpExportDialog *dialog,
              const char     *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (dialog), TP_TYPE_EXPORT_DIALOG, name);

  g_assert_nonnull (child);
  return child;
}

/* Opens the dialog as Ctrl+E does, and waits for it to show. */
static TpExportDialog *
open_dialog (TpWindow *window)
{
  TpExportDialog *dialog;

  g_assert_null (find_export_dialog ());
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));

  dialog = find_export_dialog ();
  g_assert_nonnull (dialog);
  tp_test_wait_until (is_mapped, dialog, "the export dialog to show");

  return dialog;
}

static gboolean
is_closed (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel == data)
        return FALSE;
    }

  return TRUE;
}

static void
close_dialog (TpExportDialog *dialog)
{
  gtk_window_close (GTK_WINDOW (dialog));
  tp_test_wait_until (has_no_export_dialog, NULL, "the export dialog to close");
}

static void
close_and_finalize (TpWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  tp_test_wait_until (is_closed, window, "the window to close");
  tp_test_flush_events ();

  g_assert_finalize_object (window);
}

/* Whether widget's class binds keyval with modifiers to action (as the window does with
 * gtk_widget_class_add_binding_action()). */
static gboolean
has_shortcut (GtkWidget       *widget,
              guint            keyval,
              GdkModifierType  modifiers,
              const char      *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, modifiers);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *shortcut_action = gtk_shortcut_get_action (shortcut);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted) &&
              GTK_IS_NAMED_ACTION (shortcut_action) &&
              g_str_equal (gtk_named_action_get_action_name (GTK_NAMED_ACTION (shortcut_action)),
                           action))
            return TRUE;
        }
    }

  return FALSE;
}

/* A label with exactly text somewhere under widget. */
static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  TpWindow   *window;
  const char *text;
} LabelQuery;

static gboolean
has_label (gpointer data)
{
  LabelQuery *query = data;

  return find_label (GTK_WIDGET (query->window), query->text) != NULL;
}

/* Renders widget as it shows now and counts the pixels that differ from its top-left
 * corner (the background around the page). */
static guint
count_drawn_pixels (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guint32 *pixels = NULL;
  GskRenderer *renderer;
  guint n = 0;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return 0;

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_new0 (guint32, (gsize) width * height);
  gdk_texture_download (texture, (guchar *) pixels, width * 4);

  for (int i = 0; i < width * height; i++)
    if (pixels[i] != pixels[0])
      n++;

  return n;
}

static void
test_shortcut (void)
{
  TpWindow *window = open_window ();
  TpExportDialog *dialog;

  /* Ctrl+E is bound to win.export, which the document makes possible. */
  g_assert_true (has_shortcut (GTK_WIDGET (window), GDK_KEY_e, GDK_CONTROL_MASK, "win.export"));

  dialog = open_dialog (window);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) ==
                 dialog_child (dialog, "export_button"));
  g_assert_true (gtk_widget_get_sensitive (dialog_child (dialog, "export_button")));
  /* Enter exports. */
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (dialog)) == dialog_child (dialog, "export_button"));

  close_dialog (dialog);
  close_and_finalize (window);
}

static void
test_rows (void)
{
  g_autoptr(GSettings) settings = reset_settings ();
  TpWindow *window = open_window ();
  TpExportDialog *dialog = open_dialog (window);
  AdwComboRow *format_row = dialog_child (dialog, "format_row");
  AdwComboRow *page_row = dialog_child (dialog, "page_row");
  AdwComboRow *scale_row = dialog_child (dialog, "scale_row");
  GtkWidget *dpi_row = dialog_child (dialog, "dpi_row");
  TpExportOptions options;

  /* A PDF: every page, the story's deck last, no resolution. */
  g_assert_cmpuint (adw_combo_row_get_selected (format_row), ==, FORMAT_PDF);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (page_row)), ==, 8);
  g_assert_cmpuint (adw_combo_row_get_selected (page_row), ==, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (scale_row)));
  g_assert_false (gtk_widget_get_visible (dpi_row));
  tp_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.page, ==, TP_EXPORT_PAGE_ALL);

  /* A PNG is one picture: no "all pages" (the board instead), no story, and a
   * resolution. */
  adw_combo_row_set_selected (format_row, FORMAT_PNG);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (page_row)), ==, 6);
  g_assert_cmpuint (adw_combo_row_get_selected (page_row), ==, 3);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (scale_row)));
  g_assert_false (gtk_widget_get_visible (dpi_row));
  tp_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, TP_EXPORT_FORMAT_PNG);
  g_assert_cmpint (options.page, ==, TP_EXPORT_PAGE_BOARD);

  /* A DPI of one's own shows its row. */
  adw_combo_row_set_selected (scale_row, SCALE_CUSTOM);
  g_assert_true (gtk_widget_get_visible (dpi_row));
  adw_combo_row_set_selected (scale_row, SCALE_3X);
  g_assert_false (gtk_widget_get_visible (dpi_row));
  tp_export_dialog_get_options (dialog, &options);
  g_assert_cmpfloat (options.scale, ==, 3);
  g_assert_cmpfloat (options.dpi, ==, 0);

  /* An SVG has no resolution either. */
  adw_combo_row_set_selected (format_row, FORMAT_SVG);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (scale_row)));
  g_assert_false (gtk_widget_get_visible (dpi_row));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (page_row)), ==, 6);

  /* Back to PDF, the choice of all pages returns: it was never changed. */
  adw_combo_row_set_selected (format_row, FORMAT_PDF);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (page_row)), ==, 8);
  g_assert_cmpuint (adw_combo_row_get_selected (page_row), ==, 0);

  /* The story's deck, last, is a PDF's alone: a PNG of it shows the board. */
  adw_combo_row_set_selected (page_row, 7);
  tp_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.page, ==, TP_EXPORT_PAGE_STORY);
  adw_combo_row_set_selected (format_row, FORMAT_PNG);
  tp_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.page, ==, TP_EXPORT_PAGE_BOARD);
  adw_combo_row_set_selected (format_row, FORMAT_PDF);
  tp_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.page, ==, TP_EXPORT_PAGE_STORY);

  close_dialog (dialog);
  close_and_finalize (window);
}

static void
test_preview (void)
{
  g_autoptr(GSettings) settings = reset_settings ();
  TpWindow *window = open_window ();
  TpExportDialog *dialog = open_dialog (window);
  GtkWidget *preview = dialog_child (dialog, "preview");
  GtkLabel *caption = dialog_child (dialog, "caption_label");
  GtkLabel *page_label = dialog_child (dialog, "page_label");
  TpExportOptions options;
  guint drawn;

  tp_test_wait_until (is_mapped, preview, "the preview to show");

  /* A page drawn: many pixels that are not the background around it. */
  drawn = count_drawn_pixels (preview);
  g_assert_cmpuint (drawn, >, (guint) (gtk_widget_get_width (preview) *
                                       gtk_widget_get_height (preview) / 10));

  /* The deck starts with the canvas; the caption counts its pages. */
  g_assert_cmpstr (gtk_label_get_label (page_label), ==, "Business Model Canvas");
  g_assert_true (strstr (gtk_label_get_label (caption), " pages · ") != NULL);
  g_assert_true (g_str_has_suffix (gtk_label_get_label (caption), " mm"));

  /* A PNG slide at 2×. */
  tp_export_dialog_get_options (dialog, &options);
  options.format = TP_EXPORT_FORMAT_PNG;
  options.page = TP_EXPORT_PAGE_JOURNEY;
  options.size = TP_PAGE_SIZE_SLIDE;
  options.scale = 2;
  tp_export_dialog_set_options (dialog, &options);
  g_assert_cmpstr (gtk_label_get_label (caption), ==, "3840 × 2160 px");
  g_assert_cmpstr (gtk_label_get_label (page_label), ==, "Customer Journey");

  /* The preview follows. */
  tp_test_flush_events ();
  g_assert_cmpuint (count_drawn_pixels (preview), >, 0);

  close_dialog (dialog);
  close_and_finalize (window);
}

static void
test_settings (void)
{
  g_autoptr(GSettings) settings = reset_settings ();
  TpWindow *window = open_window ();
  TpExportDialog *dialog = open_dialog (window);
  g_autofree char *format = NULL;
  g_autofree char *page = NULL;
  g_autofree char *size = NULL;
  TpExportOptions options;

  adw_combo_row_set_selected (dialog_child (dialog, "format_row"), FORMAT_PNG);
  adw_combo_row_set_selected (dialog_child (dialog, "page_row"), 1);   /* the journey */
  adw_combo_row_set_selected (dialog_child (dialog, "size_row"), SIZE_A4);
  adw_combo_row_set_selected (dialog_child (dialog, "scale_row"), SCALE_CUSTOM);
  gtk_spin_button_set_value (dialog_child (dialog, "dpi_spin"), 150);
  gtk_switch_set_active (dialog_child (dialog, "transparent_switch"), TRUE);
  gtk_switch_set_active (dialog_child (dialog, "footer_switch"), FALSE);
  g_assert_true (gtk_switch_get_active (dialog_child (dialog, "legend_switch")));
  gtk_switch_set_active (dialog_child (dialog, "legend_switch"), FALSE);

  format = g_settings_get_string (settings, "export-format");
  page = g_settings_get_string (settings, "export-page");
  size = g_settings_get_string (settings, "export-size");
  g_assert_cmpstr (format, ==, "png");
  g_assert_cmpstr (page, ==, "journey");
  g_assert_cmpstr (size, ==, "a4");
  g_assert_cmpint (g_settings_get_int (settings, "export-dpi"), ==, 150);
  g_assert_true (g_settings_get_boolean (settings, "export-transparent"));
  g_assert_false (g_settings_get_boolean (settings, "export-footer"));
  g_assert_false (g_settings_get_boolean (settings, "export-legend"));

  close_dialog (dialog);

  /* The next dialog starts where this one left off. */
  dialog = open_dialog (window);
  g_assert_cmpuint (adw_combo_row_get_selected (dialog_child (dialog, "format_row")), ==, FORMAT_PNG);
  g_assert_cmpuint (adw_combo_row_get_selected (dialog_child (dialog, "page_row")), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (dialog_child (dialog, "size_row")), ==, SIZE_A4);
  g_assert_cmpuint (adw_combo_row_get_selected (dialog_child (dialog, "scale_row")), ==, SCALE_CUSTOM);
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "dpi_row")));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (dialog_child (dialog, "dpi_spin")), ==, 150);
  g_assert_true (gtk_switch_get_active (dialog_child (dialog, "transparent_switch")));
  g_assert_false (gtk_switch_get_active (dialog_child (dialog, "footer_switch")));
  g_assert_false (gtk_switch_get_active (dialog_child (dialog, "legend_switch")));

  tp_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, TP_EXPORT_FORMAT_PNG);
  g_assert_cmpint (options.page, ==, TP_EXPORT_PAGE_JOURNEY);
  g_assert_cmpint (options.size, ==, TP_PAGE_SIZE_A4);
  g_assert_cmpfloat (options.dpi, ==, 150);
  g_assert_true (options.transparent);
  g_assert_false (options.footer);
  g_assert_false (options.legend);

  /* Whole scales are remembered as such, and the DPI given up. */
  adw_combo_row_set_selected (dialog_child (dialog, "scale_row"), SCALE_2X);
  g_assert_cmpfloat (g_settings_get_double (settings, "export-scale"), ==, 2);
  g_assert_cmpint (g_settings_get_int (settings, "export-dpi"), ==, 0);

  close_dialog (dialog);
  close_and_finalize (window);
}

static void
test_export (void)
{
  g_autoptr(GSettings) settings = reset_settings ();
  g_autofree char *path = g_build_filename (tmp_dir, "export.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_new_for_path (tmp_dir);
  g_autofree char *folder_uri = g_file_get_uri (folder);
  g_autofree char *last_folder = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  TpWindow *window = open_window ();
  TpExportDialog *dialog = open_dialog (window);
  LabelQuery toast = { window, "Exported “export.pdf”" };

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A choice made first is remembered alongside the folder. */
  gtk_switch_set_active (dialog_child (dialog, "footer_switch"), FALSE);
  tp_export_dialog_export_to (dialog, file);

  /* While it runs, the dialog says so and its choices wait. */
  g_assert_true (tp_export_dialog_get_busy (dialog));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (dialog_child (dialog, "export_stack")), ==, "busy");
  g_assert_false (gtk_widget_get_sensitive (dialog_child (dialog, "options_page")));
  g_assert_false (gtk_widget_get_sensitive (dialog_child (dialog, "export_button")));

  /* Then it closes, and the window tells where the file went. */
  tp_test_wait_until (has_no_export_dialog, NULL, "the export to finish");
  g_assert_null (tp_test_find_message_dialog ());
  tp_test_wait_until (has_label, &toast, "the toast");

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4);
  g_assert_true (memcmp (contents, "%PDF", 4) == 0);

  /* The next export starts in the same folder. */
  last_folder = g_settings_get_string (settings, "last-export-folder");
  g_assert_cmpstr (last_folder, ==, folder_uri);
  g_assert_false (g_settings_get_boolean (settings, "export-footer"));

  close_and_finalize (window);
  g_assert_cmpint (g_unlink (path), ==, 0);
}

/* A journey of 200 touchpoints at its own size is wider than the 14,400 pt a PDF page
 * may be: the toast says that the pages were scaled down, as the command line does. */
static void
test_scaled_toast (void)
{
  g_autoptr(GSettings) settings = reset_settings ();
  g_autofree char *input = g_build_filename (tmp_dir, "wide.touchpoint", NULL);
  g_autofree char *path = g_build_filename (tmp_dir, "wide.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TpDocument) wide = tp_bench_make_document (1000);
  g_autoptr(GBytes) bytes = tp_write_bytes (wide);
  TpExportOptions options;
  TpWindow *window;
  TpExportDialog *dialog;
  LabelQuery toast;
  GtkWidget *caption;

  g_assert_true (g_file_set_contents (input, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  window = open_window_path (input);
  dialog = open_dialog (window);
  toast = (LabelQuery) { window, "Exported “wide.pdf”" };

  tp_export_options_init (&options);
  options.format = TP_EXPORT_FORMAT_PDF;
  options.page = TP_EXPORT_PAGE_JOURNEY;
  options.size = TP_PAGE_SIZE_FIT;
  tp_export_dialog_set_options (dialog, &options);
  tp_export_dialog_export_to (dialog, file);

  tp_test_wait_until (has_no_export_dialog, NULL, "the export to finish");
  g_assert_null (tp_test_find_message_dialog ());
  tp_test_wait_until (has_label, &toast, "the toast");
  caption = gtk_widget_get_next_sibling (find_label (GTK_WIDGET (window), toast.text));
  g_assert_true (GTK_IS_LABEL (caption));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (caption)),
                                   "Pages larger than PDF readers take were scaled down to "));

  close_and_finalize (window);
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_unlink (input), ==, 0);
}

/* An export that needs no scaling says nothing more than where the file went. */
static void
test_plain_toast (void)
{
  g_autoptr(GSettings) settings = reset_settings ();
  g_autofree char *path = g_build_filename (tmp_dir, "plain.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TpWindow *window = open_window ();
  TpExportDialog *dialog = open_dialog (window);
  LabelQuery toast = { window, "Exported “plain.pdf”" };

  tp_export_dialog_export_to (dialog, file);
  tp_test_wait_until (has_no_export_dialog, NULL, "the export to finish");
  tp_test_wait_until (has_label, &toast, "the toast");
  g_assert_null (gtk_widget_get_next_sibling (find_label (GTK_WIDGET (window), toast.text)));

  close_and_finalize (window);
  g_assert_cmpint (g_unlink (path), ==, 0);
}

static void
test_failure (void)
{
  g_autoptr(GSettings) settings = reset_settings ();
  g_autofree char *missing = g_build_filename (tmp_dir, "no-such-folder", NULL);
  g_autofree char *path = g_build_filename (missing, "export.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *last_folder = NULL;
  TpWindow *window = open_window ();
  TpExportDialog *dialog = open_dialog (window);
  AdwMessageDialog *message;

  tp_export_dialog_export_to (dialog, file);
  tp_test_wait_until (tp_test_has_message_dialog, NULL, "the failure to be shown");

  message = tp_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Could Not Export");
  g_assert_nonnull (adw_message_dialog_get_body (message));
  g_assert_cmpstr (adw_message_dialog_get_body (message), !=, "");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (message)) == GTK_WINDOW (dialog));

  /* Nothing was written, and the dialog stays for another try. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_true (find_export_dialog () == dialog);
  tp_test_wait_until (is_not_busy, dialog, "the dialog to be ready again");
  g_assert_true (gtk_widget_get_sensitive (dialog_child (dialog, "export_button")));
  last_folder = g_settings_get_string (settings, "last-export-folder");
  g_assert_cmpstr (last_folder, ==, "");

  /* As Escape does (adw_message_dialog_response() would answer without closing). */
  gtk_window_close (GTK_WINDOW (message));
  tp_test_wait_until (has_no_message_dialog, NULL, "the message to close");

  close_dialog (dialog);
  close_and_finalize (window);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_cancel (void)
{
  g_autoptr(GSettings) settings = reset_settings ();
  g_autofree char *path = g_build_filename (tmp_dir, "cancelled.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TpWindow *window = open_window ();
  TpExportDialog *dialog = open_dialog (window);
  gpointer weak = NULL;

  /* Cancel stops a running export (the worker sees it before its first page) and leaves
   * the dialog to change the choices; no file, no error. */
  tp_export_dialog_export_to (dialog, file);
  g_assert_true (tp_export_dialog_get_busy (dialog));
  /* Clicked now: gtk_widget_activate() would click a quarter of a second later. */
  g_signal_emit_by_name (dialog_child (dialog, "cancel_button"), "clicked");
  tp_test_wait_until (is_not_busy, dialog, "the export to stop");
  g_assert_true (find_export_dialog () == dialog);
  g_assert_null (tp_test_find_message_dialog ());
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* Closing the dialog gives the export up too, and the dialog goes once it has. */
  tp_export_dialog_export_to (dialog, file);
  g_set_weak_pointer (&weak, dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  tp_test_wait_until (is_null, &weak, "the closed dialog to be freed");
  g_assert_null (tp_test_find_message_dialog ());
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  close_and_finalize (window);
}

int
main (int   argc,
      char *argv[])
{
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;
  int status;

  tmp_dir = tp_test_init_display (&argc, &argv, "touchpoint-test-export-dialog");

  /* The test environment points GSETTINGS_SCHEMA_DIR at the build's compiled schema
   * (tests/meson.build): without it, nothing could be remembered to test. */
  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    g_error ("The settings schema %s is not found: set GSETTINGS_SCHEMA_DIR", APPLICATION_ID);

  g_test_add_func ("/touchpoint/export-dialog/shortcut", test_shortcut);
  g_test_add_func ("/touchpoint/export-dialog/rows", test_rows);
  g_test_add_func ("/touchpoint/export-dialog/preview", test_preview);
  g_test_add_func ("/touchpoint/export-dialog/settings", test_settings);
  g_test_add_func ("/touchpoint/export-dialog/export", test_export);
  g_test_add_func ("/touchpoint/export-dialog/scaled-toast", test_scaled_toast);
  g_test_add_func ("/touchpoint/export-dialog/plain-toast", test_plain_toast);
  g_test_add_func ("/touchpoint/export-dialog/failure", test_failure);
  g_test_add_func ("/touchpoint/export-dialog/cancel", test_cancel);

  status = g_test_run ();

  tp_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
