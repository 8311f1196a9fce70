/* tp-link-page.c: the inspector's page for one link between a note and a touchpoint.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "model/tp-enums.h"

#include "tp-field-rows.h"
#include "tp-link-page.h"

struct _TpLinkPage
{
  AdwBin        parent_instance;

  TpDocument   *document;
  gulong        changed_id;
  char         *id;

  /* Set while the rows are filled from the document, so that their signals do not turn
   * the document's own state back into commands. */
  gboolean      syncing;

  /* Template widgets */
  AdwActionRow *note_row;
  AdwActionRow *touchpoint_row;
  AdwEntryRow  *label_row;
  GtkWidget    *remove_button;
};

G_DEFINE_FINAL_TYPE (TpLinkPage, tp_link_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_LINK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REVEAL_ITEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static TpLink *
get_link (TpLinkPage *self)
{
  if (self->document == NULL || self->id == NULL)
    return NULL;

  return tp_document_lookup_kind (self->document, self->id, TP_ITEM_LINK);
}

/* Editing */

static void
on_label_changed (TpLinkPage *self)
{
  TpLink *copy;

  if (self->syncing || get_link (self) == NULL)
    return;

  copy = (TpLink *) tp_document_edit_begin (self->document, self->id);
  g_free (copy->label);
  copy->label = tp_field_clean_text (gtk_editable_get_text (GTK_EDITABLE (self->label_row)));
  /* Merged: typing a label is one step. */
  tp_document_edit_commit (self->document, &copy->item, _("Change Link Label"), TRUE);
}

static void
on_remove_clicked (TpLinkPage *self)
{
  g_autofree char *id = g_strdup (self->id);

  if (get_link (self) != NULL)
    tp_document_delete (self->document, (const char * const *) &id, 1);
}

static void
reveal (TpLinkPage *self,
        gboolean    note)
{
  TpLink *link = get_link (self);
  g_autofree char *id = NULL;

  if (link == NULL)
    return;

  /* A copy: whoever reveals it may change what this page shows. */
  id = g_strdup (note ? link->note : link->touchpoint);
  g_signal_emit (self, signals[REVEAL_ITEM], 0, id);
}

static void
on_note_activated (TpLinkPage *self)
{
  reveal (self, TRUE);
}

static void
on_touchpoint_activated (TpLinkPage *self)
{
  reveal (self, FALSE);
}

/* Showing the link */

static void
set_row (AdwActionRow *row,
         const char   *title,
         const char   *subtitle)
{
  /* Setting equal values would still queue work for every change of the document. */
  if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) != 0)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (g_strcmp0 (adw_action_row_get_subtitle (row), subtitle) != 0)
    adw_action_row_set_subtitle (row, subtitle);
}

static void
sync_rows (TpLinkPage *self)
{
  TpLink *link = get_link (self);
  TpNote *note;
  TpTouchpoint *touchpoint;
  TpStage *stage = NULL;

  /* Gone (deleted, or undone away): the inspector moves on to another page. */
  if (link == NULL)
    return;

  note = tp_document_lookup_kind (self->document, link->note, TP_ITEM_NOTE);
  touchpoint = tp_document_lookup_kind (self->document, link->touchpoint, TP_ITEM_TOUCHPOINT);
  if (touchpoint != NULL)
    stage = tp_document_lookup_kind (self->document, touchpoint->stage, TP_ITEM_STAGE);

  self->syncing = TRUE;

  if (note != NULL)
    set_row (self->note_row,
             tp_field_is_blank (note->text) ? _("Empty Note") : note->text,
             tp_enum_get_label (TP_ENUM_CONTAINER, note->container));
  else
    set_row (self->note_row, "", NULL);

  if (touchpoint != NULL)
    set_row (self->touchpoint_row,
             tp_field_is_blank (touchpoint->name) ? _("Unnamed Touchpoint") : touchpoint->name,
             stage == NULL ? NULL : tp_field_is_blank (stage->name) ? _("Unnamed Stage") : stage->name);
  else
    set_row (self->touchpoint_row, "", NULL);

  tp_field_set_text (GTK_EDITABLE (self->label_row), link->label);

  self->syncing = FALSE;
}

static void
on_document_changed (TpLinkPage   *self,
                     TpChangeKind  kind,
                     const char   *id,
                     TpDocument   *document)
{
  /* Every change, not only the link's own: a note's text or a touchpoint's name may be
   * what changed. Syncing compares before it sets, so this is cheap. */
  sync_rows (self);
}

/* GObject */

static void
tp_link_page_dispose (GObject *object)
{
  TpLinkPage *self = TP_LINK_PAGE (object);

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (tp_link_page_parent_class)->dispose (object);
}

static void
tp_link_page_finalize (GObject *object)
{
  TpLinkPage *self = TP_LINK_PAGE (object);

  g_free (self->id);

  G_OBJECT_CLASS (tp_link_page_parent_class)->finalize (object);
}

static void
tp_link_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TpLinkPage *self = TP_LINK_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_LINK:
      g_value_set_string (value, self->id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_link_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TpLinkPage *self = TP_LINK_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      tp_link_page_set_document (self, g_value_get_object (value));
      break;

    case PROP_LINK:
      tp_link_page_set_link (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_link_page_class_init (TpLinkPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_link_page_dispose;
  object_class->finalize = tp_link_page_finalize;
  object_class->get_property = tp_link_page_get_property;
  object_class->set_property = tp_link_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TP_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LINK] =
    g_param_spec_string ("link", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TpLinkPage::reveal-item:
   * @self: the page
   * @id: the id of the link's note or touchpoint
   *
   * Emitted when the row of one end is activated: the user wants to go to it.
   */
  signals[REVEAL_ITEM] =
    g_signal_new ("reveal-item", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/tp-link-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TpLinkPage, note_row);
  gtk_widget_class_bind_template_child (widget_class, TpLinkPage, touchpoint_row);
  gtk_widget_class_bind_template_child (widget_class, TpLinkPage, label_row);
  gtk_widget_class_bind_template_child (widget_class, TpLinkPage, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, on_label_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_note_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_touchpoint_activated);

  gtk_widget_class_set_css_name (widget_class, "tp-link-page");
}

static void
tp_link_page_init (TpLinkPage *self)
{
  /* The template's handlers run from here on, with nothing to edit yet. */
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  tp_field_init_editable (GTK_EDITABLE (self->label_row));
  self->syncing = FALSE;
}

/* Public API */

GtkWidget *
tp_link_page_new (void)
{
  return g_object_new (TP_TYPE_LINK_PAGE, NULL);
}

TpDocument *
tp_link_page_get_document (TpLinkPage *self)
{
  g_return_val_if_fail (TP_IS_LINK_PAGE (self), NULL);

  return self->document;
}

void
tp_link_page_set_document (TpLinkPage *self,
                           TpDocument *document)
{
  g_return_if_fail (TP_IS_LINK_PAGE (self));
  g_return_if_fail (document == NULL || TP_IS_DOCUMENT (document));

  if (!tp_field_watch_document (&self->document, &self->changed_id, document,
                                G_CALLBACK (on_document_changed), self))
    return;

  sync_rows (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

const char *
tp_link_page_get_link (TpLinkPage *self)
{
  g_return_val_if_fail (TP_IS_LINK_PAGE (self), NULL);

  return self->id;
}

void
tp_link_page_set_link (TpLinkPage *self,
                       const char *id)
{
  g_return_if_fail (TP_IS_LINK_PAGE (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);

  sync_rows (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINK]);
}
