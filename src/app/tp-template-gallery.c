/* tp-template-gallery.c: the gallery of templates shown on New (issue 18).
 *
 * Cards in a GtkFlowBox, so arrows, Home/End and Enter work as in any GNOME grid and a
 * click opens. Previews are the thumbnailer's pictures (tp_thumbnail_render()), drawn in
 * a worker thread one after the other so that the gallery appears at once and the
 * machine is not flooded; the documents drawn are the catalogue's private copies, which
 * nothing edits. The user's own templates carry a menu to rename or remove them.
 */
#include "config.h"

#include "tp-template-gallery.h"

#include <glib/gi18n.h>

#include "io/tp-template-catalogue.h"
#include "render/tp-thumbnail.h"
#include "tp-name-dialog.h"

/* Four cards a row in the gallery's 1040 pixels, as many as a 1280 × 720 projector holds
 * with two rows in view. */
#define PREVIEW_WIDTH  216
#define PREVIEW_HEIGHT 135

struct _TpTemplateGallery
{
  AdwWindow        parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkFlowBox      *flow;

  GPtrArray       *templates;   /* (element-type TpTemplate) */
  GPtrArray       *pictures;    /* (element-type GtkPicture), one per template */
  GCancellable    *cancellable; /* previews still being drawn */
  guint            next_preview;
};

G_DEFINE_FINAL_TYPE (TpTemplateGallery, tp_template_gallery, ADW_TYPE_WINDOW)

enum {
  SIGNAL_OPEN_DOCUMENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void render_next_preview (TpTemplateGallery *self);
static void reload (TpTemplateGallery *self);

/* Previews */

/* Previews queued or being drawn, in any gallery: the process must not exit under one,
 * for HarfBuzz and fontconfig free their tables at exit while the worker still shapes
 * text (a use-after-free the sanitizers caught on SIGTERM with a gallery drawing). */
static GMutex previews_lock;
static GCond previews_done;
static guint previews_running;

static void
render_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  TpDocument *document = task_data;
  int size = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (task), "size"));
  g_autoptr(GError) error = NULL;
  GBytes *bytes = NULL;

  if (!g_cancellable_set_error_if_cancelled (cancellable, &error))
    bytes = tp_thumbnail_render (document, size, &error);
  if (bytes == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);

  g_mutex_lock (&previews_lock);
  previews_running--;
  g_cond_broadcast (&previews_done);
  g_mutex_unlock (&previews_lock);
}

void
tp_template_gallery_wait_for_previews (void)
{
  g_mutex_lock (&previews_lock);
  while (previews_running > 0)
    g_cond_wait (&previews_done, &previews_lock);
  g_mutex_unlock (&previews_lock);
}

static void
on_preview_rendered (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  TpTemplateGallery *self = TP_TEMPLATE_GALLERY (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_task_propagate_pointer (G_TASK (result), &error);
  guint index = GPOINTER_TO_UINT (user_data);
  g_autoptr(GdkTexture) texture = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->pictures == NULL)
    return;
  if (bytes != NULL)
    texture = gdk_texture_new_from_bytes (bytes, &error);
  if (texture != NULL && index < self->pictures->len)
    gtk_picture_set_paintable (g_ptr_array_index (self->pictures, index), GDK_PAINTABLE (texture));
  else if (error != NULL)
    g_debug ("No preview for a template: %s", error->message);

  render_next_preview (self);
}

static void
render_next_preview (TpTemplateGallery *self)
{
  g_autoptr(GTask) task = NULL;
  TpTemplate *template_;
  guint index;

  if (self->next_preview >= self->templates->len)
    return;

  index = self->next_preview++;
  template_ = g_ptr_array_index (self->templates, index);
  task = g_task_new (self, self->cancellable, on_preview_rendered, GUINT_TO_POINTER (index));
  g_task_set_source_tag (task, render_next_preview);
  g_task_set_task_data (task, g_object_ref (template_->document), g_object_unref);
  /* The picture's natural size is the texture's: drawn at the card's size in device
   * pixels, it neither blurs nor pushes the grid to fewer, wider cards. */
  g_object_set_data (G_OBJECT (task), "size",
                     GINT_TO_POINTER (PREVIEW_WIDTH * gtk_widget_get_scale_factor (GTK_WIDGET (self))));
  g_mutex_lock (&previews_lock);
  previews_running++;
  g_mutex_unlock (&previews_lock);
  g_task_run_in_thread (task, render_in_thread);
}

/* The user's templates: rename and remove */

static void
show_error (TpTemplateGallery *self,
            const char        *what,
            const GError      *error)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", what, error->message);
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static TpTemplate *
template_of_widget (TpTemplateGallery *self,
                    GtkWidget         *widget)
{
  GtkWidget *child = gtk_widget_get_ancestor (widget, GTK_TYPE_FLOW_BOX_CHILD);
  int index;

  if (child == NULL)
    return NULL;
  index = gtk_flow_box_child_get_index (GTK_FLOW_BOX_CHILD (child));
  return index >= 0 && (guint) index < self->templates->len
         ? g_ptr_array_index (self->templates, index) : NULL;
}

/* The user template an action is for: the card whose menu it came from (parameter, its
 * index), or the focused card (F2, Delete). */
static TpTemplate *
target_template (TpTemplateGallery *self,
                 GVariant          *parameter)
{
  TpTemplate *template_ = NULL;

  if (parameter != NULL)
    {
      guint index = g_variant_get_uint32 (parameter);

      if (index < self->templates->len)
        template_ = g_ptr_array_index (self->templates, index);
    }
  else
    {
      GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

      if (focus != NULL)
        template_ = template_of_widget (self, focus);
    }

  return template_ != NULL && template_->user ? template_ : NULL;
}

/* The answer of either dialog about a user template: "accept" from Rename (with the
 * new name), "remove" from Remove; anything else leaves the template as it is. */
static void
on_template_response (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  TpTemplateGallery *self = TP_TEMPLATE_GALLERY (user_data);
  TpTemplate *template_ = g_object_get_data (G_OBJECT (dialog), "template");
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "accept"))
    {
      g_autofree char *title = tp_name_dialog_dup_name (dialog);

      if (title[0] == '\0')
        return;
      if (!tp_template_rename (template_, title, &error))
        show_error (self, _("Could not rename the template"), error);
    }
  else if (g_str_equal (response, "remove"))
    {
      if (!tp_template_remove (template_, &error))
        show_error (self, _("Could not remove the template"), error);
    }
  else
    {
      return;
    }
  reload (self);
}

/* Shows dialog over the gallery, about template_. */
static void
present_template_dialog (TpTemplateGallery *self,
                         GtkWidget         *dialog,
                         TpTemplate        *template_)
{
  g_object_set_data (G_OBJECT (dialog), "template", template_);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_template_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rename_template (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TpTemplateGallery *self = TP_TEMPLATE_GALLERY (widget);
  TpTemplate *template_;

  if ((template_ = target_template (self, parameter)) == NULL)
    return;

  present_template_dialog (self,
                           GTK_WIDGET (tp_name_dialog_new (GTK_WINDOW (self),
                                                           _("Rename Template"), NULL,
                                                           _("Template name"), template_->title,
                                                           _("_Rename"), NULL)),
                           template_);
}

static void
remove_template (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TpTemplateGallery *self = TP_TEMPLATE_GALLERY (widget);
  TpTemplate *template_;
  GtkWidget *dialog;

  if ((template_ = target_template (self, parameter)) == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Remove Template?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” will no longer be offered for new workshops. "
                                    "Workshops started from it are not affected."),
                                  template_->title);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  present_template_dialog (self, dialog, template_);
}

/* Cards */

static GtkWidget *
make_card (TpTemplateGallery *self,
           TpTemplate        *template_,
           guint              index)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (template_->title);
  GtkWidget *purpose = gtk_label_new (template_->purpose);

  gtk_widget_set_size_request (picture, PREVIEW_WIDTH, PREVIEW_HEIGHT);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_widget_add_css_class (frame, "tp-template-preview");
  gtk_frame_set_child (GTK_FRAME (frame), picture);
  gtk_box_append (GTK_BOX (card), frame);
  g_ptr_array_add (self->pictures, picture);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 16);
  gtk_widget_set_tooltip_text (title, template_->title);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (heading), title);
  if (template_->user)
    {
      GMenu *menu = g_menu_new ();
      GtkWidget *button = gtk_menu_button_new ();

      g_autoptr(GMenuItem) rename = g_menu_item_new (_("_Rename…"), NULL);
      g_autoptr(GMenuItem) remove = g_menu_item_new (_("_Remove"), NULL);

      g_menu_item_set_action_and_target_value (rename, "gallery.rename",
                                               g_variant_new_uint32 (index));
      g_menu_item_set_action_and_target_value (remove, "gallery.remove",
                                               g_variant_new_uint32 (index));
      g_menu_append_item (menu, rename);
      g_menu_append_item (menu, remove);
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
      gtk_widget_set_tooltip_text (button, _("Template Menu"));
      gtk_widget_add_css_class (button, "flat");
      gtk_box_append (GTK_BOX (heading), button);
      g_object_unref (menu);
    }
  gtk_box_append (GTK_BOX (card), heading);

  gtk_label_set_xalign (GTK_LABEL (purpose), 0);
  gtk_label_set_wrap (GTK_LABEL (purpose), TRUE);
  gtk_label_set_lines (GTK_LABEL (purpose), 3);
  gtk_label_set_ellipsize (GTK_LABEL (purpose), PANGO_ELLIPSIZE_END);
  /* Labels ask for no more than the preview's width, or the grid would fit fewer cards
   * than the window has room for. */
  gtk_label_set_max_width_chars (GTK_LABEL (purpose), 20);
  gtk_widget_add_css_class (purpose, "dim-label");
  gtk_box_append (GTK_BOX (card), purpose);

  gtk_widget_set_margin_top (card, 6);
  gtk_widget_set_margin_bottom (card, 6);
  gtk_widget_set_margin_start (card, 6);
  gtk_widget_set_margin_end (card, 6);
  return card;
}

static void
reload (TpTemplateGallery *self)
{
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->flow))) != NULL)
    gtk_flow_box_remove (self->flow, child);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  g_ptr_array_set_size (self->pictures, 0);

  self->templates = tp_template_catalogue_list_default ();
  for (guint i = 0; i < self->templates->len; i++)
    {
      TpTemplate *template_ = g_ptr_array_index (self->templates, i);
      GtkWidget *card = make_card (self, template_, i);

      gtk_flow_box_append (self->flow, card);
      /* The card is the button: a screen reader says what opening it gives. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (card)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, template_->title,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, template_->purpose,
                                      -1);
    }

  child = GTK_WIDGET (gtk_flow_box_get_child_at_index (self->flow, 0));
  if (child != NULL)
    {
      gtk_flow_box_select_child (self->flow, GTK_FLOW_BOX_CHILD (child));
      gtk_widget_grab_focus (child);
    }

  self->next_preview = 0;
  render_next_preview (self);
}

static void
on_child_activated (TpTemplateGallery *self,
                    GtkFlowBoxChild   *child)
{
  int index = gtk_flow_box_child_get_index (child);
  TpTemplate *template_;
  g_autoptr(TpDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (index < 0 || (guint) index >= self->templates->len)
    return;

  template_ = g_ptr_array_index (self->templates, index);
  document = tp_template_instantiate (template_, &error);
  if (document == NULL)
    {
      show_error (self, _("Could not open the template"), error);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_OPEN_DOCUMENT], 0, document);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* GObject */

static void
tp_template_gallery_dispose (GObject *object)
{
  TpTemplateGallery *self = TP_TEMPLATE_GALLERY (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pictures, g_ptr_array_unref);
  g_clear_pointer (&self->templates, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (object), TP_TYPE_TEMPLATE_GALLERY);

  G_OBJECT_CLASS (tp_template_gallery_parent_class)->dispose (object);
}

static void
tp_template_gallery_class_init (TpTemplateGalleryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_template_gallery_dispose;

  /**
   * TpTemplateGallery::open-document:
   * @document: a new, untitled document with the chosen template's content
   *
   * Emitted when the user opens a template; the gallery closes afterwards.
   */
  signals[SIGNAL_OPEN_DOCUMENT] =
    g_signal_new ("open-document", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, TP_TYPE_DOCUMENT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/tp-template-gallery.ui");
  gtk_widget_class_bind_template_child (widget_class, TpTemplateGallery, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TpTemplateGallery, flow);
  gtk_widget_class_bind_template_callback (widget_class, on_child_activated);

  gtk_widget_class_install_action (widget_class, "gallery.rename", "u", rename_template);
  gtk_widget_class_install_action (widget_class, "gallery.remove", "u", remove_template);
  gtk_widget_class_install_action (widget_class, "gallery.rename-focused", NULL, rename_template);
  gtk_widget_class_install_action (widget_class, "gallery.remove-focused", NULL, remove_template);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* F2 and Delete act on a focused card of the user's own, as in a file manager. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "gallery.rename-focused", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "gallery.remove-focused", NULL);
}

static void
tp_template_gallery_init (TpTemplateGallery *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->pictures = g_ptr_array_new ();
  reload (self);
}

TpTemplateGallery *
tp_template_gallery_new (GtkWindow *parent)
{
  return g_object_new (TP_TYPE_TEMPLATE_GALLERY,
                       "transient-for", parent,
                       NULL);
}

guint
tp_template_gallery_get_n_templates (TpTemplateGallery *self)
{
  g_return_val_if_fail (TP_IS_TEMPLATE_GALLERY (self), 0);

  return self->templates->len;
}
