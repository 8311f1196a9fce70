/* test-print-copy.c: printing (to a PDF, without a dialog) and Copy as Image, on a real
 * (virtual) display.
 *
 * Print runs GTK_PRINT_OPERATION_ACTION_EXPORT and reads the PDF back with pdfinfo and
 * pdftotext (those checks skip where the tools are missing); Copy as Image runs the
 * window's win.copy-image and reads the board's clipboard back, format by format.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "app/tp-print.h"
#include "app/tp-window.h"
#include "io/tp-loader.h"
#include "model/tp-enums.h"
#include "model/tp-note.h"
#include "model/tp-stage.h"
#include "model/tp-touchpoint.h"
#include "views/tp-board.h"
#include "tp-test-display.h"
#include "tp-test-tools.h"

static char *tmp_dir;

static TpDocument *
load_example (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (TP_EXAMPLE_PATH);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  TpDocument *document;

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  document = tp_load_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

/* The standard output of a tool run on path; NULL (and the test skipped) when the tool
 * is not installed. */
static char *
run_tool (const char *tool,
          const char *path)
{
  g_autofree char *program = g_find_program_in_path (tool);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (program == NULL)
    {
      g_test_skip_printf ("%s is not installed", tool);
      return NULL;
    }

  if (g_str_equal (tool, "pdftotext"))
    {
      const char *argv[] = { program, "-raw", "-enc", "UTF-8", path, "-", NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                    &out, NULL, &status, &error);
    }
  else
    {
      const char *argv[] = { program, path, NULL };

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                    &out, NULL, &status, &error);
    }
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  return out;
}

/* A field of pdfinfo's output ("Pages", "Page size"), trimmed. */
static char *
pdfinfo_field (const char *info,
               const char *field)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  g_autofree char *prefix = g_strconcat (field, ":", NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strstrip (g_strdup (lines[i] + strlen (prefix)));

  g_error ("pdfinfo did not say “%s”:\n%s", field, info);
  return NULL;
}

/* Prints document to a PDF at path, as the print dialog would with these choices. */
static void
print_to_pdf (TpPrintOperation *operation,
              const char       *path)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static guint
count_pdf_pages (const char *path)
{
  g_autofree char *info = run_tool ("pdfinfo", path);
  g_autofree char *pages = NULL;

  if (info == NULL)
    return 0;
  pages = pdfinfo_field (info, "Pages");
  return (guint) g_ascii_strtoull (pages, NULL, 10);
}

static void
assert_has_text (const char *squeezed,
                 const char *text,
                 const char *what)
{
  g_autofree char *needle = tp_test_squeeze (text);

  if (strstr (squeezed, needle) == NULL)
    g_error ("the printed PDF lacks %s: %s", what, text);
}

/* Tests: print */

/* Every page of a PDF export on A4 landscape: for the example, the canvas, the journey,
 * the value chain and the board; the journey, too long to read on one sheet, in parts of
 * whole stages, a sheet each, as an A4 PDF export cuts it. */
static void
test_print_all (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpPrintOperation) operation = tp_print_operation_new (document);
  g_autoptr(TpLayout) layout = tp_layout_new ();
  g_autofree char *path = g_build_filename (tmp_dir, "print-all.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *size = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *n_sheets_text = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *part = NULL;
  GtkPageSetup *page_setup;
  TpExportOptions options;
  guint n_parts, n_analysis, n_alignment, n_sheets;

  /* The first print of a session offers A4 landscape. */
  page_setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (operation));
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (page_setup)), ==,
                   GTK_PAPER_NAME_A4);
  g_assert_cmpint (gtk_page_setup_get_orientation (page_setup), ==, GTK_PAGE_ORIENTATION_LANDSCAPE);
  g_assert_cmpint (tp_print_operation_get_page (operation), ==, TP_EXPORT_PAGE_ALL);
  g_assert_true (tp_print_operation_get_footer (operation));
  /* The regions, the board, the alignment of its links, then the analysis of the
   * example's moments, needs and KPIs. */
  g_assert_cmpuint (tp_print_operation_count_pages (operation), ==, 6);

  /* The printable area (the sheet inside the printer's margins), in CSS pixels. */
  /* Laid out as print lays out, every word whole; the list of pages tells the parts the
   * document (the legends' height depends on it). */
  tp_layout_set_full_text (layout, TRUE);
  tp_layout_update (layout, document);
  tp_export_options_init (&options);
  options.size = TP_PAGE_SIZE_A4;
  g_array_unref (tp_export_list_pages (layout, document, &options));
  n_parts = tp_export_count_parts (layout, &options, TP_EXPORT_PAGE_JOURNEY,
                                   gtk_page_setup_get_page_width (page_setup, GTK_UNIT_POINTS) / 0.75,
                                   gtk_page_setup_get_page_height (page_setup, GTK_UNIT_POINTS) / 0.75);
  g_assert_cmpuint (n_parts, >, 1);
  /* The analysis is cut between its sections, from the document the list saw. */
  g_array_unref (tp_export_list_pages (layout, document, &options));
  n_analysis = tp_export_count_parts (layout, &options, TP_EXPORT_PAGE_ANALYSIS,
                                      gtk_page_setup_get_page_width (page_setup, GTK_UNIT_POINTS) / 0.75,
                                      gtk_page_setup_get_page_height (page_setup, GTK_UNIT_POINTS) / 0.75);
  g_assert_cmpuint (n_analysis, >=, 1);
  n_alignment = tp_export_count_parts (layout, &options, TP_EXPORT_PAGE_ALIGNMENT,
                                       gtk_page_setup_get_page_width (page_setup, GTK_UNIT_POINTS) / 0.75,
                                       gtk_page_setup_get_page_height (page_setup, GTK_UNIT_POINTS) / 0.75);
  g_assert_cmpuint (n_alignment, >=, 1);
  n_sheets = 3 + n_parts + n_alignment + n_analysis;

  print_to_pdf (operation, path);
  g_assert_finalize_object (g_steal_pointer (&operation));

  info = run_tool ("pdfinfo", path);
  if (info == NULL)
    return;
  n_sheets_text = g_strdup_printf ("%u", n_sheets);
  pages = pdfinfo_field (info, "Pages");
  g_assert_cmpstr (pages, ==, n_sheets_text);
  size = pdfinfo_field (info, "Page size");
  /* Landscape A4: 297 × 210 mm is 841.89 × 595.276 pt. */
  g_assert_true (g_str_has_prefix (size, "841.89 x 595.27"));

  text = run_tool ("pdftotext", path);
  if (text == NULL)
    return;
  squeezed = tp_test_squeeze (text);

  /* Every note, every block's name, every stage and touchpoint is on paper. */
  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      GPtrArray *notes = tp_document_get_notes (document, c);

      for (guint i = 0; i < notes->len; i++)
        assert_has_text (squeezed, ((TpNote *) g_ptr_array_index (notes, i))->text, "a note");
      assert_has_text (squeezed, tp_enum_get_label (TP_ENUM_CONTAINER, c), "a block's name");
    }
  for (guint i = 0; i < tp_document_get_stages (document)->len; i++)
    {
      TpStage *stage = g_ptr_array_index (tp_document_get_stages (document), i);

      assert_has_text (squeezed, stage->name, "a stage");
      for (guint j = 0; j < stage->touchpoints->len; j++)
        assert_has_text (squeezed, ((TpTouchpoint *) g_ptr_array_index (stage->touchpoints, j))->name,
                         "a touchpoint");
    }

  /* The footers: the workshop's title and the page numbers. */
  assert_has_text (squeezed, tp_document_get_meta (document)->title, "the footer");
  first = g_strdup_printf ("1 / %u", n_sheets);
  last = g_strdup_printf ("%u / %u", n_sheets, n_sheets);
  assert_has_text (squeezed, first, "the first sheet's number");
  assert_has_text (squeezed, last, "the last sheet's number");
  /* Each part of the journey says which it is. */
  part = g_strdup_printf ("(%u/%u)", n_parts, n_parts);
  assert_has_text (squeezed, part, "the journey's last part");

  g_assert_cmpint (g_remove (path), ==, 0);
}

/* The Touchpoint tab's choices: which page, and the footer. */
typedef struct
{
  const char   *name;
  TpExportPage  page;
  gboolean      footer;
  guint         n_pages;
  TpContainer   shown;      /* a block whose notes must be printed */
  int           hidden;     /* a block whose notes must not be, or -1 */
} ChoiceCase;

static const ChoiceCase choice_cases[] = {
  { "canvas", TP_EXPORT_PAGE_CANVAS, TRUE, 1,
    TP_CONTAINER_VALUE_PROPOSITIONS, TP_CONTAINER_OPERATIONS },
  { "value-chain-no-footer", TP_EXPORT_PAGE_VALUE_CHAIN, FALSE, 1,
    TP_CONTAINER_OPERATIONS, TP_CONTAINER_VALUE_PROPOSITIONS },
  { "board", TP_EXPORT_PAGE_BOARD, TRUE, 1,
    TP_CONTAINER_OPERATIONS, -1 },
};

static void
test_print_choices (gconstpointer data)
{
  const ChoiceCase *test = data;
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpPrintOperation) operation = tp_print_operation_new (document);
  g_autofree char *path = g_build_filename (tmp_dir, "print-choice.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *title = NULL;
  GPtrArray *shown = tp_document_get_notes (document, test->shown);

  tp_print_operation_set_page (operation, test->page);
  tp_print_operation_set_footer (operation, test->footer);
  g_assert_cmpuint (tp_print_operation_count_pages (operation), ==, test->n_pages);
  print_to_pdf (operation, path);
  g_assert_finalize_object (g_steal_pointer (&operation));

  if (count_pdf_pages (path) == 0)
    return;
  g_assert_cmpuint (count_pdf_pages (path), ==, test->n_pages);

  text = run_tool ("pdftotext", path);
  if (text == NULL)
    return;
  squeezed = tp_test_squeeze (text);
  for (guint i = 0; i < shown->len; i++)
    assert_has_text (squeezed, ((TpNote *) g_ptr_array_index (shown, i))->text, "a note");
  if (test->hidden >= 0)
    {
      GPtrArray *hidden = tp_document_get_notes (document, test->hidden);

      for (guint i = 0; i < hidden->len; i++)
        {
          g_autofree char *note = tp_test_squeeze (((TpNote *) g_ptr_array_index (hidden, i))->text);

          g_assert_null (strstr (squeezed, note));
        }
    }
  title = tp_test_squeeze (tp_document_get_meta (document)->title);
  if (test->footer)
    g_assert_nonnull (strstr (squeezed, title));
  else
    g_assert_null (strstr (squeezed, title));

  g_assert_cmpint (g_remove (path), ==, 0);
}

/* The print dialog's Touchpoint tab: the pages the document has, the footer; what is
 * chosen there is what prints. */
static void
test_print_tab (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpPrintOperation) operation = tp_print_operation_new (document);
  GtkPrintOperationClass *klass = GTK_PRINT_OPERATION_GET_CLASS (operation);
  g_autoptr(GtkWidget) tab = NULL;
  GtkDropDown *choice = NULL;
  GtkCheckButton *check = NULL;
  GListModel *labels;
  guint value_chain = GTK_INVALID_LIST_POSITION;

  /* Whatever an earlier print of the session chose. */
  tp_print_operation_set_page (operation, TP_EXPORT_PAGE_ALL);
  tp_print_operation_set_footer (operation, TRUE);
  tab = g_object_ref_sink (klass->create_custom_widget (GTK_PRINT_OPERATION (operation)));
  for (GtkWidget *child = gtk_widget_get_first_child (tab); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_DROP_DOWN (child))
        choice = GTK_DROP_DOWN (child);
      else if (GTK_IS_CHECK_BUTTON (child))
        check = GTK_CHECK_BUTTON (child);
    }
  g_assert_nonnull (choice);
  g_assert_nonnull (check);

  /* All pages first, then one entry per page of the example, the alignment and the
   * analysis last. */
  labels = gtk_drop_down_get_model (choice);
  g_assert_cmpuint (g_list_model_get_n_items (labels), ==, 7);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), 5), ==,
                   tp_export_page_get_label (TP_EXPORT_PAGE_ALIGNMENT));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), 6), ==,
                   tp_export_page_get_label (TP_EXPORT_PAGE_ANALYSIS));
  g_assert_cmpuint (gtk_drop_down_get_selected (choice), ==, 0);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), 0), ==,
                   tp_export_page_get_label (TP_EXPORT_PAGE_ALL));
  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (labels), i),
                   tp_export_page_get_label (TP_EXPORT_PAGE_VALUE_CHAIN)) == 0)
      value_chain = i;
  g_assert_cmpuint (value_chain, !=, GTK_INVALID_LIST_POSITION);
  g_assert_true (gtk_check_button_get_active (check));

  gtk_drop_down_set_selected (choice, value_chain);
  gtk_check_button_set_active (check, FALSE);
  klass->custom_widget_apply (GTK_PRINT_OPERATION (operation), tab);

  g_assert_cmpint (tp_print_operation_get_page (operation), ==, TP_EXPORT_PAGE_VALUE_CHAIN);
  g_assert_false (tp_print_operation_get_footer (operation));
  g_assert_cmpuint (tp_print_operation_count_pages (operation), ==, 1);

  g_clear_object (&tab);
  g_assert_finalize_object (g_steal_pointer (&operation));
}

/* What prints is the document as it was when printing was asked for. */
static void
test_print_snapshot (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpPrintOperation) operation = tp_print_operation_new (document);
  g_autofree char *path = g_build_filename (tmp_dir, "print-snapshot.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  GPtrArray *channels = tp_document_get_notes (document, TP_CONTAINER_CHANNELS);

  tp_document_add_note (document, TP_CONTAINER_CHANNELS, 0, "Zeppelin banner over Kassel");
  tp_print_operation_set_page (operation, TP_EXPORT_PAGE_CANVAS);
  print_to_pdf (operation, path);
  g_assert_finalize_object (g_steal_pointer (&operation));

  text = run_tool ("pdftotext", path);
  if (text == NULL)
    return;
  squeezed = tp_test_squeeze (text);
  g_assert_null (strstr (squeezed, "Zeppelinbanner"));
  /* The note that was first before the edit is there. */
  assert_has_text (squeezed, ((TpNote *) g_ptr_array_index (channels, 1))->text,
                   "a note there before");
  g_assert_cmpint (g_remove (path), ==, 0);
}

/* The next print of the session offers what the last one used; a page the document
 * lacks falls back to every page. */
static void
test_print_session (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpDocument) no_journey = tp_document_new ();
  g_autoptr(TpPrintOperation) operation = tp_print_operation_new (document);
  g_autofree char *path = g_build_filename (tmp_dir, "print-session.pdf", NULL);
  g_autoptr(GtkPageSetup) portrait = gtk_page_setup_new ();
  g_autoptr(GtkPageSetup) landscape = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  GtkPageSetup *page_setup;

  gtk_page_setup_set_orientation (portrait, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), portrait);
  tp_print_operation_set_page (operation, TP_EXPORT_PAGE_JOURNEY);
  tp_print_operation_set_footer (operation, FALSE);
  print_to_pdf (operation, path);
  g_assert_finalize_object (g_steal_pointer (&operation));

  operation = tp_print_operation_new (document);
  g_assert_cmpint (tp_print_operation_get_page (operation), ==, TP_EXPORT_PAGE_JOURNEY);
  g_assert_false (tp_print_operation_get_footer (operation));
  page_setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (operation));
  g_assert_cmpint (gtk_page_setup_get_orientation (page_setup), ==, GTK_PAGE_ORIENTATION_PORTRAIT);
  g_assert_finalize_object (g_steal_pointer (&operation));

  operation = tp_print_operation_new (no_journey);
  g_assert_cmpint (tp_print_operation_get_page (operation), ==, TP_EXPORT_PAGE_ALL);
  g_assert_cmpuint (tp_print_operation_count_pages (operation), >, 0);

  /* Back to the defaults, for whatever runs next. */
  tp_print_operation_set_page (operation, TP_EXPORT_PAGE_ALL);
  tp_print_operation_set_footer (operation, TRUE);
  gtk_page_setup_set_paper_size_and_default_margins (landscape, a4);
  gtk_page_setup_set_orientation (landscape, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation), landscape);
  print_to_pdf (operation, path);
  g_assert_finalize_object (g_steal_pointer (&operation));
  g_assert_cmpint (g_remove (path), ==, 0);
}

/* Tests: Copy as Image */

static gboolean
is_loaded (gpointer data)
{
  return !tp_window_get_loading (data);
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
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

static TpBoard *
window_board (TpWindow *window)
{
  GObject *board = gtk_widget_get_template_child (GTK_WIDGET (window), TP_TYPE_WINDOW, "board");

  g_assert_true (TP_IS_BOARD (board));
  return TP_BOARD (board);
}

static gboolean
is_shown (gpointer data)
{
  TpBoard *board = data;

  return gtk_widget_get_mapped (GTK_WIDGET (board)) && gtk_widget_get_width (GTK_WIDGET (board)) > 0;
}

static TpWindow *
open_example_window (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (TP_EXAMPLE_PATH);
  TpWindow *window = g_object_ref (tp_window_new (NULL));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  tp_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  tp_test_wait_until (is_loaded, window, "the document to load");
  tp_test_wait_until (is_shown, window_board (window), "the board to be shown");
  tp_test_flush_events ();

  return window;
}

static void
close_window (TpWindow *window)
{
  gtk_window_close (GTK_WINDOW (window));
  tp_test_wait_until (is_closed, window, "the window to close");
  tp_test_flush_events ();
  g_assert_finalize_object (window);
}

static const char *
first_id (GPtrArray *items)
{
  g_assert_cmpuint (items->len, >, 0);
  return ((TpItem *) g_ptr_array_index (items, 0))->id;
}

/* What is copied: the selection's region, the board for a selection across regions,
 * else the region most in view. */
typedef enum {
  SELECT_NOTHING,
  SELECT_CANVAS_NOTE,
  SELECT_VALUE_CHAIN_NOTE,
  SELECT_TOUCHPOINT,
  SELECT_STAGE,
  SELECT_NOTE_AND_TOUCHPOINT,
  SELECT_LINK,
  SELECT_DELETED,
} Selecting;

typedef struct
{
  const char   *name;
  Selecting     selecting;
  int           zoom_to;    /* a TpRegion to look at first, or -1 for the whole board */
  TpExportPage  expected;
} FocusCase;

static const FocusCase focus_cases[] = {
  { "canvas-note", SELECT_CANVAS_NOTE, TP_REGION_JOURNEY, TP_EXPORT_PAGE_CANVAS },
  { "value-chain-note", SELECT_VALUE_CHAIN_NOTE, TP_REGION_CANVAS, TP_EXPORT_PAGE_VALUE_CHAIN },
  { "touchpoint", SELECT_TOUCHPOINT, TP_REGION_CANVAS, TP_EXPORT_PAGE_JOURNEY },
  { "stage", SELECT_STAGE, TP_REGION_CANVAS, TP_EXPORT_PAGE_JOURNEY },
  { "across-regions", SELECT_NOTE_AND_TOUCHPOINT, TP_REGION_CANVAS, TP_EXPORT_PAGE_BOARD },
  { "link", SELECT_LINK, TP_REGION_CANVAS, TP_EXPORT_PAGE_BOARD },
  { "view-canvas", SELECT_NOTHING, TP_REGION_CANVAS, TP_EXPORT_PAGE_CANVAS },
  { "view-value-chain", SELECT_NOTHING, TP_REGION_VALUE_CHAIN, TP_EXPORT_PAGE_VALUE_CHAIN },
  { "view-journey", SELECT_NOTHING, TP_REGION_JOURNEY, TP_EXPORT_PAGE_JOURNEY },
  /* A selection of what no longer exists counts for nothing. */
  { "deleted", SELECT_DELETED, TP_REGION_VALUE_CHAIN, TP_EXPORT_PAGE_VALUE_CHAIN },
};

static void
test_focus_page (gconstpointer data)
{
  const FocusCase *test = data;
  TpWindow *window = open_example_window ();
  TpDocument *document = tp_window_get_document (window);
  TpBoard *board = window_board (window);
  TpSelection *selection = tp_board_get_selection (board);
  TpStage *stage = g_ptr_array_index (tp_document_get_stages (document), 0);
  const char *touchpoint = first_id (stage->touchpoints);
  const char *ids[3] = { NULL, NULL, NULL };

  if (test->zoom_to >= 0)
    tp_board_zoom_to_region (board, test->zoom_to);
  else
    tp_board_zoom_to_fit (board);
  tp_test_flush_events ();

  switch (test->selecting)
    {
    case SELECT_NOTHING:
      break;
    case SELECT_CANVAS_NOTE:
      ids[0] = first_id (tp_document_get_notes (document, TP_CONTAINER_CHANNELS));
      break;
    case SELECT_VALUE_CHAIN_NOTE:
      ids[0] = first_id (tp_document_get_notes (document, TP_CONTAINER_SERVICE));
      break;
    case SELECT_TOUCHPOINT:
      ids[0] = touchpoint;
      break;
    case SELECT_STAGE:
      ids[0] = stage->item.id;
      break;
    case SELECT_NOTE_AND_TOUCHPOINT:
      ids[0] = first_id (tp_document_get_notes (document, TP_CONTAINER_CHANNELS));
      ids[1] = touchpoint;
      break;
    case SELECT_LINK:
      ids[0] = first_id (tp_document_get_links (document));
      break;
    case SELECT_DELETED:
      ids[0] = "no-such-note";
      break;
    default:
      g_assert_not_reached ();
    }
  tp_selection_set (selection, ids);

  g_assert_cmpint (tp_board_get_focus_page (board), ==, test->expected);

  tp_selection_clear (selection);
  close_window (window);
}

typedef struct
{
  gboolean    done;
  GError     *error;
  GBytes     *bytes;
  char       *text;
  GdkTexture *texture;
} ReadData;

static void
read_data_clear (ReadData *data)
{
  g_clear_error (&data->error);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_clear_pointer (&data->text, g_free);
  g_clear_object (&data->texture);
  data->done = FALSE;
}

static void
on_texture_read (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ReadData *data = user_data;

  data->texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, &data->error);
  data->done = TRUE;
}

static void
on_text_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ReadData *data = user_data;

  data->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &data->error);
  data->done = TRUE;
}

static void
on_spliced (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  ReadData *data = user_data;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (source), result, &data->error) >= 0)
    data->bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (source));
  data->done = TRUE;
}

static void
on_stream_read (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ReadData *data = user_data;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = NULL;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL, &data->error);
  if (stream == NULL)
    {
      data->done = TRUE;
      return;
    }
  memory = g_memory_output_stream_new_resizable ();
  g_output_stream_splice_async (memory, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, on_spliced, data);
}

static GBytes *
read_mime_type (GdkClipboard *clipboard,
                const char   *mime_type)
{
  const char *mime_types[] = { mime_type, NULL };
  ReadData data = { 0 };
  GBytes *bytes;

  gdk_clipboard_read_async (clipboard, mime_types, G_PRIORITY_DEFAULT, NULL, on_stream_read, &data);
  tp_test_wait_until (is_true, &data.done, "the clipboard to be read");
  g_assert_no_error (data.error);
  g_assert_nonnull (data.bytes);
  bytes = g_steal_pointer (&data.bytes);
  read_data_clear (&data);
  return bytes;
}

static gboolean
has_image (gpointer data)
{
  return gdk_content_formats_contain_mime_type (gdk_clipboard_get_formats (data), "image/png");
}

/* Whether a label showing text is somewhere inside widget (a toast is a label in the
 * window's toast overlay). */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
shows_copied_toast (gpointer data)
{
  return shows_label (data, "Copied as image");
}

/* Copy as Image with a note selected: the note's region as PNG, SVG and text. */
static void
test_copy_image (void)
{
  TpWindow *window = open_example_window ();
  TpDocument *document = tp_window_get_document (window);
  TpBoard *board = window_board (window);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (board));
  GPtrArray *notes = tp_document_get_notes (document, TP_CONTAINER_VALUE_PROPOSITIONS);
  TpNote *note = g_ptr_array_index (notes, 0);
  g_autoptr(TpLayout) layout = tp_layout_new ();
  g_autoptr(GBytes) svg = NULL;
  ReadData data = { 0 };
  TpExportOptions options;
  double width, height;
  GdkContentFormats *formats;

  /* Something else on the clipboard first, so the test sees the copy replace it. */
  gdk_clipboard_set_text (clipboard, "before");
  g_assert_false (has_image (clipboard));

  tp_board_zoom_to_region (board, TP_REGION_JOURNEY);
  tp_selection_set_one (tp_board_get_selection (board), note->item.id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-image", NULL));
  tp_test_wait_until (has_image, clipboard, "the image on the clipboard");
  tp_test_wait_until (shows_copied_toast, window, "the toast saying so");

  formats = gdk_clipboard_get_formats (clipboard);
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/png"));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "image/svg+xml"));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "text/plain"));

  /* The PNG: the canvas's page fitted to its content, at twice its size. */
  tp_layout_set_full_text (layout, TRUE);
  tp_layout_update (layout, document);
  tp_export_options_init (&options);
  options.size = TP_PAGE_SIZE_FIT;
  /* The page's legend adds to its height, of the document the list of pages saw. */
  g_array_unref (tp_export_list_pages (layout, document, &options));
  tp_export_get_page_size (layout, &options, TP_EXPORT_PAGE_CANVAS, &width, &height);
  gdk_clipboard_read_texture_async (clipboard, NULL, on_texture_read, &data);
  tp_test_wait_until (is_true, &data.done, "the image to be read");
  g_assert_no_error (data.error);
  g_assert_nonnull (data.texture);
  g_assert_cmpint (gdk_texture_get_width (data.texture), ==, (int) ceil (width * 2));
  g_assert_cmpint (gdk_texture_get_height (data.texture), ==, (int) ceil (height * 2));
  read_data_clear (&data);

  /* The SVG: a picture of the same page. */
  svg = read_mime_type (clipboard, "image/svg+xml");
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), "<svg"));

  /* The text: the canvas's outline, the note under its block's name. */
  gdk_clipboard_read_text_async (clipboard, NULL, on_text_read, &data);
  tp_test_wait_until (is_true, &data.done, "the text to be read");
  g_assert_no_error (data.error);
  g_assert_nonnull (data.text);
  g_assert_true (g_str_has_prefix (data.text, "# Business Model Canvas\n"));
  {
    g_autofree char *block = g_strdup_printf ("\n## %s\n",
                                              tp_enum_get_label (TP_ENUM_CONTAINER, TP_CONTAINER_VALUE_PROPOSITIONS));
    g_autofree char *line = g_strdup_printf ("\n- %s\n", note->text);
    const char *at = strstr (data.text, block);

    g_assert_nonnull (at);
    g_assert_nonnull (strstr (at, line));
  }
  g_assert_null (strstr (data.text, "# Customer Journey"));
  read_data_clear (&data);

  /* Copying changed nothing in the document. */
  g_assert_false (tp_document_get_modified (document));
  tp_selection_clear (tp_board_get_selection (board));
  close_window (window);
}

static void
on_copied (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  ReadData *data = user_data;

  tp_board_copy_image_finish (TP_BOARD (source), result, &data->error);
  data->done = TRUE;
}

/* Two copies in a row: the second is what stays on the clipboard, whichever ends
 * first. An empty workshop copies its empty canvas; a board without a document,
 * nothing. */
static void
test_copy_image_board (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpDocument) empty = tp_document_new ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  TpBoard *board = TP_BOARD (tp_board_new ());
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (board));
  ReadData first = { 0 }, second = { 0 }, data = { 0 };
  const char *ids[] = { NULL, NULL };

  gtk_window_set_default_size (window, 1000, 700);
  gtk_window_set_child (window, GTK_WIDGET (board));
  tp_board_set_document (board, document);
  gtk_window_present (window);
  tp_test_wait_until (is_shown, board, "the board to be shown");
  tp_test_flush_events ();

  ids[0] = first_id (tp_document_get_notes (document, TP_CONTAINER_OPERATIONS));
  tp_selection_set (tp_board_get_selection (board), ids);
  tp_board_copy_image_async (board, NULL, on_copied, &first);
  ids[0] = first_id (((TpStage *) g_ptr_array_index (tp_document_get_stages (document), 0))->touchpoints);
  tp_selection_set (tp_board_get_selection (board), ids);
  tp_board_copy_image_async (board, NULL, on_copied, &second);
  tp_test_wait_until (is_true, &first.done, "the first copy");
  tp_test_wait_until (is_true, &second.done, "the second copy");
  g_assert_no_error (second.error);
  g_assert_error (first.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  gdk_clipboard_read_text_async (clipboard, NULL, on_text_read, &data);
  tp_test_wait_until (is_true, &data.done, "the text to be read");
  g_assert_no_error (data.error);
  g_assert_true (g_str_has_prefix (data.text, "# Customer Journey\n"));
  read_data_clear (&data);
  read_data_clear (&first);
  read_data_clear (&second);

  /* An empty workshop still has its canvas, blocks and all, to show. */
  tp_selection_clear (tp_board_get_selection (board));
  tp_board_set_document (board, empty);
  tp_test_flush_events ();
  g_assert_cmpint (tp_board_get_focus_page (board), ==, TP_EXPORT_PAGE_CANVAS);
  tp_board_copy_image_async (board, NULL, on_copied, &first);
  tp_test_wait_until (is_true, &first.done, "the empty canvas's copy");
  g_assert_no_error (first.error);
  read_data_clear (&first);
  gdk_clipboard_read_text_async (clipboard, NULL, on_text_read, &data);
  tp_test_wait_until (is_true, &data.done, "the text to be read");
  g_assert_cmpstr (data.text, ==, "# Business Model Canvas");
  read_data_clear (&data);

  /* No document, nothing to copy: an error, and the clipboard keeps what it had. */
  gdk_clipboard_set_text (clipboard, "kept");
  tp_board_set_document (board, NULL);
  g_assert_cmpint (tp_board_get_focus_page (board), ==, TP_EXPORT_PAGE_BOARD);
  tp_board_copy_image_async (board, NULL, on_copied, &first);
  tp_test_wait_until (is_true, &first.done, "the copy without a document");
  g_assert_error (first.error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_EMPTY);
  read_data_clear (&first);
  gdk_clipboard_read_text_async (clipboard, NULL, on_text_read, &data);
  tp_test_wait_until (is_true, &data.done, "the text to be read");
  g_assert_cmpstr (data.text, ==, "kept");
  read_data_clear (&data);

  g_object_add_weak_pointer (G_OBJECT (board), (gpointer *) &board);
  gtk_window_destroy (window);
  tp_test_flush_events ();
  g_assert_null (board);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = tp_test_init_display (&argc, &argv, "touchpoint-test-print-copy");

  g_test_add_func ("/touchpoint/print/all-pages", test_print_all);
  for (guint i = 0; i < G_N_ELEMENTS (choice_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/touchpoint/print/choice/%s", choice_cases[i].name);

      g_test_add_data_func (path, &choice_cases[i], test_print_choices);
    }
  g_test_add_func ("/touchpoint/print/tab", test_print_tab);
  g_test_add_func ("/touchpoint/print/snapshot", test_print_snapshot);
  g_test_add_func ("/touchpoint/print/session", test_print_session);

  for (guint i = 0; i < G_N_ELEMENTS (focus_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/touchpoint/copy-image/focus/%s", focus_cases[i].name);

      g_test_add_data_func (path, &focus_cases[i], test_focus_page);
    }
  g_test_add_func ("/touchpoint/copy-image/window", test_copy_image);
  g_test_add_func ("/touchpoint/copy-image/board", test_copy_image_board);

  status = g_test_run ();

  tp_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
