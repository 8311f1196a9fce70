/* test-template-gallery.c: the gallery on New and Save as Template, on a real (virtual)
 * display (issue 18). Real key presses are in e2e/template-gallery.sh; here the
 * widgets are driven through their signals and actions, and the results checked in
 * the model and on disk. */
#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "app/tp-template-gallery.h"
#include "app/tp-window.h"
#include "io/tp-template-catalogue.h"
#include "model/tp-meta.h"
#include "model/tp-stage.h"
#include "tp-test-display.h"

static char *tmp_dir;

static GtkFlowBox *
find_flow_box (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkFlowBox *found;

      if (GTK_IS_FLOW_BOX (child))
        return GTK_FLOW_BOX (child);
      if ((found = find_flow_box (child)) != NULL)
        return found;
    }
  return NULL;
}

static void
on_open_document (TpTemplateGallery *gallery,
                  TpDocument        *document,
                  TpDocument       **out)
{
  g_set_object (out, document);
}

/* Opens the gallery's card index and returns the document it gave. */
static TpDocument *
open_card (guint index)
{
  TpTemplateGallery *gallery = g_object_ref_sink (tp_template_gallery_new (NULL));
  TpDocument *document = NULL;
  GtkFlowBox *flow;
  GtkFlowBoxChild *child;

  gtk_window_present (GTK_WINDOW (gallery));
  g_signal_connect (gallery, "open-document", G_CALLBACK (on_open_document), &document);
  flow = find_flow_box (GTK_WIDGET (gallery));
  g_assert_nonnull (flow);
  /* The first card has the keyboard, so Ctrl+N then Enter is the old New. */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (gtk_flow_box_get_child_at_index (flow, 0))));
  child = gtk_flow_box_get_child_at_index (flow, index);
  g_assert_nonnull (child);
  g_signal_emit_by_name (child, "activate");
  g_assert_nonnull (document);
  /* Closed (the previews still being drawn hold it until their worker returns, which
   * on a loaded machine may take a while: finalization is not waited for here). */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gallery)));
  g_object_unref (gallery);

  return document;
}

static void
test_open_worked (void)
{
  g_autoptr(TpDocument) document = open_card (5);  /* the hotel stay */
  TpWindow *window = g_object_ref (tp_window_new (NULL));

  g_assert_null (tp_document_get_file (document));
  g_assert_cmpstr (tp_document_get_meta (document)->title, ==, "Casa Maré — a hotel stay");
  tp_window_new_workshop_from (window, document);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tp_window_get_document (window) == document);
  g_assert_null (tp_window_get_file (window));
  g_assert_cmpuint (tp_document_get_stages (document)->len, ==, 6);

  gtk_window_destroy (GTK_WINDOW (window));
  tp_test_flush_events ();
  g_object_unref (window);
}

static void
test_save_as_template (void)
{
  g_autoptr(TpDocument) document = open_card (7);  /* the B2B subscription */
  TpWindow *window = g_object_ref (tp_window_new (NULL));
  g_autofree char *user_dir = tp_template_dup_user_dir ();
  g_autoptr(GPtrArray) list = NULL;
  AdwMessageDialog *dialog;
  TpTemplate *last;
  guint before;

  g_assert_true (g_str_has_prefix (user_dir, tmp_dir));
  list = tp_template_catalogue_list_default ();
  before = list->len;
  g_clear_pointer (&list, g_ptr_array_unref);

  tp_window_new_workshop_from (window, document);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save-as-template", NULL));
  tp_test_wait_until (tp_test_has_message_dialog, NULL, "the Save as Template dialog");
  dialog = tp_test_find_message_dialog ();
  tp_test_respond (dialog, "accept");

  /* It is in the user's folder, in the gallery, with the workshop's title, structure only
   * (the box was left unticked); the window's document is still new and unsaved. */
  list = tp_template_catalogue_list_default ();
  g_assert_cmpuint (list->len, ==, before + 1);
  last = g_ptr_array_index (list, list->len - 1);
  g_assert_true (last->user);
  g_assert_true (g_str_has_prefix (last->path, user_dir));
  g_assert_cmpstr (last->title, ==, "Ledgerly — a B2B software subscription");
  g_assert_cmpuint (tp_document_get_n_notes (last->document), ==, 0);
  g_assert_cmpuint (tp_document_get_stages (last->document)->len, ==, 5);
  g_assert_null (tp_window_get_file (window));

  /* And it opens from the gallery: the last card. */
  {
    g_autoptr(TpDocument) copy = open_card (list->len - 1);

    g_assert_cmpstr (tp_document_get_meta (copy)->title, ==, last->title);
    g_assert_null (tp_document_get_file (copy));
  }

  /* Renamed and removed from the gallery: the card's own menu actions. */
  {
    TpTemplateGallery *gallery = g_object_ref_sink (tp_template_gallery_new (NULL));
    guint last_index = tp_template_gallery_get_n_templates (gallery) - 1;
    GtkEditable *entry;

    gtk_window_present (GTK_WINDOW (gallery));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (gallery), "gallery.rename", "u",
                                               last_index));
    tp_test_wait_until (tp_test_has_message_dialog, NULL, "the Rename Template dialog");
    dialog = tp_test_find_message_dialog ();
    entry = g_object_get_data (G_OBJECT (dialog), "tp-name-entry");
    gtk_editable_set_text (entry, "  Our subscription workshop ");
    tp_test_respond (dialog, "accept");
    g_clear_pointer (&list, g_ptr_array_unref);
    list = tp_template_catalogue_list_default ();
    g_assert_cmpuint (list->len, ==, before + 1);
    g_assert_cmpstr (((TpTemplate *) g_ptr_array_index (list, list->len - 1))->title, ==,
                     "Our subscription workshop");

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (gallery), "gallery.remove", "u",
                                               tp_template_gallery_get_n_templates (gallery) - 1));
    tp_test_wait_until (tp_test_has_message_dialog, NULL, "the Remove Template dialog");
    tp_test_respond (tp_test_find_message_dialog (), "remove");
    g_assert_cmpuint (tp_template_gallery_get_n_templates (gallery), ==, before);
    g_clear_pointer (&list, g_ptr_array_unref);
    list = tp_template_catalogue_list_default ();
    g_assert_cmpuint (list->len, ==, before);

    /* Finalization is not waited for, as in open_card(). */
    gtk_window_destroy (GTK_WINDOW (gallery));
    g_object_unref (gallery);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  tp_test_flush_events ();
  g_object_unref (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = tp_test_init_display (&argc, &argv, "touchpoint-test-template-gallery");
  g_setenv ("TOUCHPOINT_TEMPLATE_PATH",
            TP_SRCDIR "/data/templates" G_SEARCHPATH_SEPARATOR_S TP_SRCDIR "/data/examples", TRUE);

  g_test_add_func ("/touchpoint/template-gallery/open-worked", test_open_worked);
  g_test_add_func ("/touchpoint/template-gallery/save-as-template", test_save_as_template);

  status = g_test_run ();

  /* As the application's shutdown does: a preview still being drawn in a worker thread
   * would meet Pango and HarfBuzz torn down by exit(). */
  tp_template_gallery_wait_for_previews ();
  tp_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
