/* test-present.c: the presentation's keyboard contract, live capture and its place in
 * the editor window (issue 17), on a (virtual) display.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "app/tp-present-window-private.h"
#include "app/tp-presenter-strip.h"
#include "app/tp-timebox-private.h"
#include "app/tp-window-private.h"
#include "io/tp-document-file.h"
#include "tp-test-display.h"

static char *tmp_dir;

static TpDocument *
load_example (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (TP_EXAMPLE_PATH);
  g_autoptr(GError) error = NULL;
  TpDocument *document = tp_load_file (file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static void
key (TpPresentWindow *window,
     guint            keyval)
{
  g_assert_true (_tp_present_window_key (window, keyval, 0));
}

static void
type (TpPresentWindow *window,
      const char      *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    key (window, gdk_unicode_to_keyval (g_utf8_get_char (p)));
}

/* The first shown step where typing captures into a block (stage: FALSE) or a stage. */
static guint
find_capture_step (TpPresentWindow *window,
                   gboolean         stage,
                   TpContainer     *container_out,
                   const char     **stage_out)
{
  TpStory *story = tp_present_window_get_story (window);

  for (guint i = 0; i < tp_story_get_n_steps (story); i++)
    {
      TpContainer container = 0;
      const char *stage_id = NULL;

      if (tp_story_step_get_capture (tp_story_get_step (story, i), &container, &stage_id) &&
          (stage_id != NULL) == stage)
        {
          *container_out = container;
          *stage_out = stage_id;
          return i;
        }
    }

  g_assert_not_reached ();
}

static void
test_steps (void)
{
  g_autoptr(TpDocument) document = load_example ();
  TpPresentWindow *window = tp_present_window_new (document);
  guint n_steps = tp_story_get_n_steps (tp_present_window_get_story (window));

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_cmpuint (n_steps, >=, 4);
  g_assert_cmpuint (tp_present_window_get_step (window), ==, 0);

  /* On: Right, Space, Page Down (a clicker), Down. */
  key (window, GDK_KEY_Right);
  g_assert_cmpuint (tp_present_window_get_step (window), ==, 1);
  key (window, GDK_KEY_space);
  g_assert_cmpuint (tp_present_window_get_step (window), ==, 2);
  key (window, GDK_KEY_Page_Down);
  g_assert_cmpuint (tp_present_window_get_step (window), ==, 3);

  /* Back: Left, Page Up (a clicker), BackSpace; never before the first. */
  key (window, GDK_KEY_Left);
  g_assert_cmpuint (tp_present_window_get_step (window), ==, 2);
  key (window, GDK_KEY_Page_Up);
  g_assert_cmpuint (tp_present_window_get_step (window), ==, 1);
  key (window, GDK_KEY_BackSpace);
  g_assert_cmpuint (tp_present_window_get_step (window), ==, 0);
  key (window, GDK_KEY_BackSpace);
  g_assert_cmpuint (tp_present_window_get_step (window), ==, 0);

  /* Home and End; never past the last. */
  key (window, GDK_KEY_End);
  g_assert_cmpuint (tp_present_window_get_step (window), ==, n_steps - 1);
  key (window, GDK_KEY_Page_Down);
  g_assert_cmpuint (tp_present_window_get_step (window), ==, n_steps - 1);
  key (window, GDK_KEY_Home);
  g_assert_cmpuint (tp_present_window_get_step (window), ==, 0);

  /* A number jumps as it is typed; Enter ends it without starting a note. */
  key (window, GDK_KEY_3);
  g_assert_cmpuint (tp_present_window_get_step (window), ==, 2);
  key (window, GDK_KEY_Return);
  g_assert_null (tp_present_window_get_capture (window));
  if (n_steps >= 12)
    {
      type (window, "12");
      g_assert_cmpuint (tp_present_window_get_step (window), ==, 11);
      key (window, GDK_KEY_Return);
    }
  /* A number past the end starts again from its last digit. */
  type (window, "2");
  g_assert_cmpuint (tp_present_window_get_step (window), ==, 1);
  type (window, "99");
  g_assert_cmpuint (tp_present_window_get_step (window), ==, 8);
  key (window, GDK_KEY_KP_Enter);

  /* B blanks; B again, or a step key, returns to the same step. */
  tp_present_window_set_step (window, 1);
  key (window, GDK_KEY_b);
  g_assert_true (tp_present_window_get_blank (window));
  key (window, GDK_KEY_B);
  g_assert_false (tp_present_window_get_blank (window));
  g_assert_cmpuint (tp_present_window_get_step (window), ==, 1);
  key (window, GDK_KEY_b);
  key (window, GDK_KEY_Page_Down);
  g_assert_false (tp_present_window_get_blank (window));
  g_assert_cmpuint (tp_present_window_get_step (window), ==, 1);

  /* Ctrl+L: the spotlight, on and off. */
  g_assert_true (_tp_present_window_key (window, GDK_KEY_l, GDK_CONTROL_MASK));
  g_assert_true (tp_present_window_get_spotlight (window));
  g_assert_true (_tp_present_window_key (window, GDK_KEY_l, GDK_CONTROL_MASK));
  g_assert_false (tp_present_window_get_spotlight (window));

  /* Escape leaves. */
  key (window, GDK_KEY_Escape);
  tp_test_flush_events ();
  g_assert_null (window);
}

static void
test_capture_note (void)
{
  g_autoptr(TpDocument) document = load_example ();
  TpPresentWindow *window = tp_present_window_new (document);
  TpContainer container = 0;
  const char *stage = NULL;
  GPtrArray *notes;
  guint step, n_before;
  g_autofree char *key_before = NULL;
  TpNote *note;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  step = find_capture_step (window, FALSE, &container, &stage);
  tp_present_window_set_step (window, step);
  key_before = g_strdup (tp_story_get_step (tp_present_window_get_story (window), step)->key);
  notes = tp_document_get_notes (document, container);
  n_before = notes->len;

  /* Enter starts a note (B alone would blank the screen); once typing started, B,
   * digits and Space are words, not commands. */
  key (window, GDK_KEY_Return);
  type (window, "Buy 2 bikes");
  g_assert_cmpstr (tp_present_window_get_capture (window), ==, "Buy 2 bikes");
  g_assert_false (tp_present_window_get_blank (window));
  g_assert_cmpuint (tp_present_window_get_step (window), ==, step);
  key (window, GDK_KEY_BackSpace);
  g_assert_cmpstr (tp_present_window_get_capture (window), ==, "Buy 2 bike");
  /* Nothing in the document until it is committed. */
  g_assert_cmpuint (notes->len, ==, n_before);

  key (window, GDK_KEY_Return);
  g_assert_null (tp_present_window_get_capture (window));
  g_assert_cmpuint (notes->len, ==, n_before + 1);
  note = g_ptr_array_index (notes, notes->len - 1);
  g_assert_cmpstr (note->text, ==, "Buy 2 bike");

  /* The story was rebuilt; the presentation stays on the block, on the part that shows
   * the new note. */
  tp_test_flush_events ();
  {
    const TpStoryStep *shown = tp_story_get_step (tp_present_window_get_story (window),
                                                  tp_present_window_get_step (window));

    g_assert_cmpstr (shown->key, ==, key_before);
    g_assert_cmpuint (shown->first + shown->n_items, ==, notes->len);
  }

  /* One undo step. */
  tp_document_undo (document);
  g_assert_cmpuint (notes->len, ==, n_before);
  tp_document_redo (document);
  g_assert_cmpuint (notes->len, ==, n_before + 1);

  /* Escape keeps the words, and does not leave. */
  type (window, "Repair service");
  key (window, GDK_KEY_Escape);
  g_assert_nonnull (window);
  g_assert_null (tp_present_window_get_capture (window));
  g_assert_cmpuint (notes->len, ==, n_before + 2);
  g_assert_cmpstr (((TpNote *) g_ptr_array_index (notes, notes->len - 1))->text, ==,
                   "Repair service");

  /* Enter starts an empty capture; left empty, nothing is added. */
  key (window, GDK_KEY_Return);
  g_assert_cmpstr (tp_present_window_get_capture (window), ==, "");
  key (window, GDK_KEY_Return);
  g_assert_cmpuint (notes->len, ==, n_before + 2);

  /* A clicker's Page Down while typing adds the words and steps on, from the part of
   * the block that shows them (a full block continues on a further step). */
  type (window, "Gift cards");
  key (window, GDK_KEY_Page_Down);
  g_assert_cmpuint (notes->len, ==, n_before + 3);
  tp_test_flush_events ();
  {
    TpStory *story = tp_present_window_get_story (window);
    guint now = tp_present_window_get_step (window);
    const TpStoryStep *before = tp_story_get_step (story, now - 1);

    g_assert_cmpstr (before->key, ==, key_before);
    g_assert_cmpuint (before->first + before->n_items, ==, notes->len);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  tp_test_flush_events ();
  g_assert_null (window);
}

static void
test_capture_touchpoint (void)
{
  g_autoptr(TpDocument) document = load_example ();
  TpPresentWindow *window = tp_present_window_new (document);
  TpContainer container = 0;
  const char *stage_id = NULL;
  TpStage *stage;
  guint step, n_before;

  step = find_capture_step (window, TRUE, &container, &stage_id);
  tp_present_window_set_step (window, step);
  stage = tp_document_lookup_kind (document, stage_id, TP_ITEM_STAGE);
  g_assert_nonnull (stage);
  n_before = stage->touchpoints->len;

  type (window, "Kiosk");
  key (window, GDK_KEY_Return);
  g_assert_cmpuint (stage->touchpoints->len, ==, n_before + 1);
  g_assert_cmpstr (((TpTouchpoint *) g_ptr_array_index (stage->touchpoints, n_before))->name,
                   ==, "Kiosk");

  gtk_window_destroy (GTK_WINDOW (window));
  tp_test_flush_events ();
}

/* An edit made elsewhere (the editor on the laptop) reaches the presentation at once and
 * keeps it on its step. */
static void
test_follows_edits (void)
{
  g_autoptr(TpDocument) document = load_example ();
  TpPresentWindow *window = tp_present_window_new (document);
  TpStory *before = tp_present_window_get_story (window);
  guint changed = 0;
  g_autofree char *key_before = NULL;

  tp_present_window_set_step (window, 2);
  key_before = g_strdup (tp_story_get_step (before, 2)->key);
  g_signal_connect_swapped (window, "story-changed", G_CALLBACK (g_nullify_pointer), &before);

  tp_document_add_note (document, TP_CONTAINER_COST_STRUCTURE, G_MAXUINT, "Rent");
  tp_test_flush_events ();
  g_assert_null (before);
  g_assert_cmpstr (tp_story_get_step (tp_present_window_get_story (window),
                                      tp_present_window_get_step (window))->key, ==, key_before);
  (void) changed;

  gtk_window_destroy (GTK_WINDOW (window));
  tp_test_flush_events ();
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  cairo_surface_flush (surface);
  return *(guint32 *) (cairo_image_surface_get_data (surface) +
                       y * cairo_image_surface_get_stride (surface) + x * 4);
}

static gint64
fake_clock (gpointer data)
{
  return *(gint64 *) data;
}

static void
test_paint (void)
{
  g_autoptr(TpDocument) document = load_example ();
  TpPresentWindow *window = tp_present_window_new (document);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1280, 800);
  cairo_t *cr = cairo_create (surface);
  TpContainer container = 0;
  const char *stage = NULL;

  /* 16:10: black bars above and below the 16:9 slide. */
  tp_present_window_set_step (window, find_capture_step (window, FALSE, &container, &stage));
  type (window, "Live words");
  _tp_present_window_paint (window, cr, 1280, 800);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmphex (pixel_at (surface, 640, 10) & 0xffffff, ==, 0);
  g_assert_cmphex (pixel_at (surface, 640, 400) & 0xffffff, !=, 0);

  /* The timer, large at the slide's top right under the step number (the 720-pixel
   * slide starts 40 px down): dark while it counts, red at zero. (1206, 146) is inside
   * the pill's rounded right end, under its figures. */
  {
    g_autoptr(TpTimebox) timebox = tp_timebox_new ();
    gint64 now = 1000000;
    guint32 pixel;

    _tp_timebox_set_clock (timebox, fake_clock, &now);
    key (window, GDK_KEY_Return);
    g_assert_null (tp_present_window_get_capture (window));
    tp_present_window_set_timebox (window, timebox);
    _tp_present_window_paint (window, cr, 1280, 800);
    pixel = pixel_at (surface, 1206, 146);
    g_assert_cmphex (pixel & 0xffffff, ==, pixel_at (surface, 1254, 146) & 0xffffff);

    tp_timebox_start (timebox, 60);
    _tp_present_window_paint (window, cr, 1280, 800);
    pixel = pixel_at (surface, 1206, 146);
    g_assert_cmpuint ((pixel >> 16) & 0xff, <, 0x60);

    now += 61 * G_USEC_PER_SEC;
    _tp_timebox_tick (timebox);
    g_assert_cmpint (tp_timebox_get_state (timebox), ==, TP_TIMEBOX_FINISHED);
    _tp_present_window_paint (window, cr, 1280, 800);
    pixel = pixel_at (surface, 1206, 146);
    g_assert_cmpuint ((pixel >> 16) & 0xff, >, 2 * ((pixel >> 8) & 0xff));
    tp_present_window_set_timebox (window, NULL);
  }

  /* The spotlight: a note's width (220 px of a 720-pixel-high slide) around the pointer
   * stays as it was, what lies further off is dimmed. */
  {
    static const int offsets[] = { -110, 0, 110 };
    cairo_surface_t *plain = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1280, 800);
    cairo_t *plain_cr = cairo_create (plain);
    guint32 lit, dimmed;

    _tp_present_window_paint (window, plain_cr, 1280, 800);
    gtk_widget_activate_action (GTK_WIDGET (window), "present.spotlight", NULL);
    window->pointer_x = 640;
    window->pointer_y = 400;
    window->pointer_inside = TRUE;
    _tp_present_window_paint (window, cr, 1280, 800);
    for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
      g_assert_cmphex (pixel_at (surface, 640 + offsets[i], 400), ==,
                       pixel_at (plain, 640 + offsets[i], 400));
    lit = pixel_at (plain, 640, 80) & 0xff;
    dimmed = pixel_at (surface, 640, 80) & 0xff;
    g_assert_cmpuint (dimmed * 2, <, lit);
    gtk_widget_activate_action (GTK_WIDGET (window), "present.spotlight", NULL);
    cairo_destroy (plain_cr);
    cairo_surface_destroy (plain);
  }

  /* Blank: all black. */
  key (window, GDK_KEY_b);
  _tp_present_window_paint (window, cr, 1280, 800);
  g_assert_cmphex (pixel_at (surface, 640, 400) & 0xffffff, ==, 0);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  gtk_window_destroy (GTK_WINDOW (window));
  tp_test_flush_events ();
}

/* The nth widget of type under widget, depth first. */
static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type,
             guint     *nth)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && (*nth)-- == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, nth);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_list_box (GtkWidget *widget)
{
  guint nth = 0;

  return find_widget (widget, GTK_TYPE_LIST_BOX, &nth);
}

/* The presenter strip (a second monitor's laptop side) follows the presentation, and a
 * click in its step list shows that step to the room. */
static void
test_strip (void)
{
  g_autoptr(TpDocument) document = load_example ();
  TpPresentWindow *window = tp_present_window_new (document);
  GtkWidget *strip = g_object_ref_sink (tp_presenter_strip_new (window));
  GtkListBox *steps = GTK_LIST_BOX (find_list_box (strip));
  guint n_steps = tp_story_get_n_steps (tp_present_window_get_story (window));
  GtkListBoxRow *row;

  g_assert_nonnull (steps);
  g_assert_nonnull (gtk_list_box_get_row_at_index (steps, n_steps - 1));
  g_assert_null (gtk_list_box_get_row_at_index (steps, n_steps));
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (steps)), ==, 0);

  tp_present_window_set_step (window, 3);
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (steps)), ==, 3);

  row = gtk_list_box_get_row_at_index (steps, 1);
  gtk_list_box_select_row (steps, row);
  g_assert_cmpuint (tp_present_window_get_step (window), ==, 1);

  /* An edit rebuilds the list, still on the step shown. */
  tp_document_add_note (document, TP_CONTAINER_KEY_PARTNERS, G_MAXUINT, "Couriers");
  tp_test_flush_events ();
  row = gtk_list_box_get_selected_row (steps);
  g_assert_nonnull (row);
  g_assert_cmpint (gtk_list_box_row_get_index (row), ==, (int) tp_present_window_get_step (window));

  /* The second step's check hides it from the room (one undo step), and shows it again. */
  {
    TpStory *story = tp_present_window_get_story (window);
    g_autofree char *hidden_key = g_strdup (tp_story_get_step (story, 1)->key);
    guint n_shown = tp_story_get_n_steps (story);
    guint nth = 1;
    GtkWidget *check = find_widget (strip, GTK_TYPE_CHECK_BUTTON, &nth);

    g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
    tp_test_flush_events ();
    story = tp_present_window_get_story (window);
    g_assert_cmpuint (tp_story_get_n_steps (story), <, n_shown);
    g_assert_cmpint (tp_story_find_step (story, hidden_key), ==, -1);
    g_assert_cmpstr (tp_document_get_undo_label (document), ==, "Hide Step");

    nth = 1;
    check = find_widget (strip, GTK_TYPE_CHECK_BUTTON, &nth);
    g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    tp_test_flush_events ();
    story = tp_present_window_get_story (window);
    g_assert_cmpuint (tp_story_get_n_steps (story), ==, n_shown);
    g_assert_cmpint (tp_story_find_step (story, hidden_key), ==, 1);
  }

  g_object_unref (strip);
  gtk_window_destroy (GTK_WINDOW (window));
  tp_test_flush_events ();
}

static gboolean
is_loaded (gpointer data)
{
  return !tp_window_get_loading (data);
}

/* F5 in the editor: the presentation; Escape: back to the editor. One monitor here (a
 * plain Xvfb), so no strip. */
static void
test_window_present (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (TP_EXAMPLE_PATH);
  TpWindow *window = g_object_ref (tp_window_new (NULL));
  GtkWidget *presentation;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 720);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL) &&
                  window->present_window != NULL);
  tp_window_open_file (window, file);
  gtk_window_present (GTK_WINDOW (window));
  tp_test_wait_until (is_loaded, window, "the document to load");
  tp_test_flush_events ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL));
  presentation = window->present_window;
  g_assert_true (TP_IS_PRESENT_WINDOW (presentation));
  g_assert_true (tp_present_window_get_document (TP_PRESENT_WINDOW (presentation)) ==
                 tp_window_get_document (window));
  if (g_list_model_get_n_items (gdk_display_get_monitors (gdk_display_get_default ())) < 2)
    g_assert_null (window->presenter_strip);
  else
    g_assert_nonnull (window->presenter_strip);

  /* F5 again brings the same presentation forward. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  g_assert_true (window->present_window == presentation);

  g_object_add_weak_pointer (G_OBJECT (presentation), (gpointer *) &presentation);
  gtk_widget_activate_action (presentation, "present.leave", NULL);
  tp_test_flush_events ();
  g_assert_null (presentation);
  g_assert_null (window->present_window);
  g_assert_null (window->presenter_strip);

  /* Closing the editor while presenting takes the presentation along. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.present", NULL);
  presentation = window->present_window;
  g_object_add_weak_pointer (G_OBJECT (presentation), (gpointer *) &presentation);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  tp_test_flush_events ();
  g_assert_null (presentation);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = tp_test_init_display (&argc, &argv, "touchpoint-test-present");

  g_test_add_func ("/touchpoint/present/steps", test_steps);
  g_test_add_func ("/touchpoint/present/capture-note", test_capture_note);
  g_test_add_func ("/touchpoint/present/capture-touchpoint", test_capture_touchpoint);
  g_test_add_func ("/touchpoint/present/follows-edits", test_follows_edits);
  g_test_add_func ("/touchpoint/present/paint", test_paint);
  g_test_add_func ("/touchpoint/present/strip", test_strip);
  g_test_add_func ("/touchpoint/present/window", test_window_present);

  status = g_test_run ();

  tp_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
