/* tp-stage-page.c: the inspector's page for one stage of the journey.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "model/tp-enums.h"

#include "tp-field-rows.h"
#include "tp-item-list.h"
#include "tp-kpi-editor.h"
#include "tp-stage-page.h"

struct _TpStagePage
{
  AdwBin             parent_instance;

  TpDocument        *document;
  gulong             changed_id;
  char              *id;

  /* Set while the rows are filled from the document, so that their signals do not turn
   * the document's own state back into commands. */
  gboolean           syncing;

  TpItemList        *kpis;

  /* Template widgets */
  GtkScrolledWindow *scroller;
  GtkLabel          *position_label;
  AdwEntryRow       *name_row;
  GtkTextView       *job_view;
  GtkWidget         *job_placeholder;
  GtkListBox        *kpis_box;
  GtkMenuButton     *add_kpi_button;
  GtkLabel          *touchpoints_count;
  GtkWidget         *delete_button;
};

G_DEFINE_FINAL_TYPE (TpStagePage, tp_stage_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_STAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Editing */

static TpStage *
begin_edit (TpStagePage *self)
{
  if (self->syncing || self->document == NULL || self->id == NULL ||
      tp_document_lookup_kind (self->document, self->id, TP_ITEM_STAGE) == NULL)
    return NULL;

  return (TpStage *) tp_document_edit_begin (self->document, self->id);
}

static void
on_name_changed (TpStagePage *self)
{
  TpStage *copy = begin_edit (self);

  if (copy == NULL)
    return;

  g_free (copy->name);
  copy->name = tp_field_clean_text (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  /* Merged: typing a name is one step. */
  tp_document_edit_commit (self->document, &copy->item, _("Rename Stage"), TRUE);
}

static char *
dup_job_text (TpStagePage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->job_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
on_job_changed (TpStagePage *self)
{
  g_autofree char *text = dup_job_text (self);
  TpStage *copy;

  gtk_widget_set_visible (self->job_placeholder, text[0] == '\0');

  if ((copy = begin_edit (self)) == NULL)
    return;

  g_free (copy->job);
  copy->job = tp_field_clean_text (text);
  tp_document_edit_commit (self->document, &copy->item, _("Set Job"), TRUE);
}

static void
on_list_changed (gpointer    data,
                 TpItemList *list,
                 const char *label,
                 gboolean    merge)
{
  TpStagePage *self = data;
  TpStage *copy = begin_edit (self);

  if (copy == NULL)
    return;

  g_ptr_array_unref (copy->kpis);
  copy->kpis = tp_item_list_dup_items (list);
  tp_document_edit_commit (self->document, &copy->item, label, merge);
}

static void
add_kpi_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TpStagePage *self = TP_STAGE_PAGE (widget);
  guint kind;

  if (self->document == NULL || self->id == NULL ||
      !tp_enum_from_nick (TP_ENUM_KPI_KIND, g_variant_get_string (parameter, NULL), &kind))
    return;

  tp_item_list_append (self->kpis, tp_kpi_editor_create_kpi (self->document, kind), _("Add KPI"));
}

static void
on_delete_clicked (TpStagePage *self)
{
  g_autofree char *id = g_strdup (self->id);

  /* The document takes the stage's touchpoints and their links along, as one step. */
  if (self->document != NULL && id != NULL)
    tp_document_delete (self->document, (const char * const *) &id, 1);
}

/* Showing the stage */

static void
sync_rows (TpStagePage *self)
{
  TpStage *stage = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->job_view);
  g_autofree char *job = NULL;
  g_autofree char *position = NULL;
  g_autofree char *count = NULL;
  g_autofree char *tooltip = NULL;
  guint index = 0;
  guint n_touchpoints;

  if (self->document != NULL && self->id != NULL)
    stage = tp_document_lookup_kind (self->document, self->id, TP_ITEM_STAGE);

  /* Gone (deleted, or undone away): the inspector moves on to another page. */
  if (stage == NULL)
    return;

  self->syncing = TRUE;

  tp_document_get_index (self->document, self->id, &index);
  /* Translators: under the inspector's heading: "Stage 2 of 5". */
  position = g_strdup_printf (_("Stage %u of %u"), index + 1, tp_document_get_stages (self->document)->len);
  gtk_label_set_label (self->position_label, position);

  tp_field_set_text (GTK_EDITABLE (self->name_row), stage->name);

  /* Setting equal text would still move the cursor while typing. */
  job = dup_job_text (self);
  if (g_strcmp0 (job, stage->job != NULL ? stage->job : "") != 0)
    gtk_text_buffer_set_text (buffer, stage->job != NULL ? stage->job : "", -1);
  gtk_widget_set_visible (self->job_placeholder, stage->job == NULL || stage->job[0] == '\0');

  tp_item_list_sync (self->kpis, stage->kpis);

  n_touchpoints = stage->touchpoints->len;
  count = g_strdup_printf ("%u", n_touchpoints);
  gtk_label_set_label (self->touchpoints_count, count);
  tooltip = n_touchpoints == 0 ? g_strdup (_("Deletes the stage"))
                               : g_strdup_printf (ngettext ("Deletes the stage and its touchpoint",
                                                            "Deletes the stage and its %u touchpoints",
                                                            n_touchpoints), n_touchpoints);
  gtk_widget_set_tooltip_text (self->delete_button, tooltip);

  self->syncing = FALSE;
}

static void
on_document_changed (TpStagePage  *self,
                     TpChangeKind  kind,
                     const char   *id,
                     TpDocument   *document)
{
  /* Any change may concern the page: a touchpoint added to the stage, a stage moved
   * before it. Syncing compares before it sets, so this is cheap. */
  sync_rows (self);
}

/* GObject */

static void
tp_stage_page_dispose (GObject *object)
{
  TpStagePage *self = TP_STAGE_PAGE (object);

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);
  g_clear_pointer (&self->kpis, tp_item_list_free);

  G_OBJECT_CLASS (tp_stage_page_parent_class)->dispose (object);
}

static void
tp_stage_page_finalize (GObject *object)
{
  TpStagePage *self = TP_STAGE_PAGE (object);

  g_free (self->id);

  G_OBJECT_CLASS (tp_stage_page_parent_class)->finalize (object);
}

static void
tp_stage_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TpStagePage *self = TP_STAGE_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_STAGE:
      g_value_set_string (value, self->id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_stage_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TpStagePage *self = TP_STAGE_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      tp_stage_page_set_document (self, g_value_get_object (value));
      break;

    case PROP_STAGE:
      tp_stage_page_set_stage (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_stage_page_class_init (TpStagePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_stage_page_dispose;
  object_class->finalize = tp_stage_page_finalize;
  object_class->get_property = tp_stage_page_get_property;
  object_class->set_property = tp_stage_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TP_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STAGE] =
    g_param_spec_string ("stage", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "stage.add-kpi", "s", add_kpi_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/tp-stage-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TpStagePage, scroller);
  gtk_widget_class_bind_template_child (widget_class, TpStagePage, position_label);
  gtk_widget_class_bind_template_child (widget_class, TpStagePage, name_row);
  gtk_widget_class_bind_template_child (widget_class, TpStagePage, job_view);
  gtk_widget_class_bind_template_child (widget_class, TpStagePage, job_placeholder);
  gtk_widget_class_bind_template_child (widget_class, TpStagePage, kpis_box);
  gtk_widget_class_bind_template_child (widget_class, TpStagePage, add_kpi_button);
  gtk_widget_class_bind_template_child (widget_class, TpStagePage, touchpoints_count);
  gtk_widget_class_bind_template_child (widget_class, TpStagePage, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);

  gtk_widget_class_set_css_name (widget_class, "tp-stage-page");
}

static void
tp_stage_page_init (TpStagePage *self)
{
  g_autoptr(GMenuModel) add_menu = tp_kpi_editor_create_add_menu ("stage.add-kpi");
  GtkTextBuffer *buffer;

  /* The template's handlers run from here on, with nothing to edit yet. */
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  tp_field_init_editable (GTK_EDITABLE (self->name_row));
  gtk_menu_button_set_menu_model (self->add_kpi_button, add_menu);

  /* Edits belong to the document's history; the buffer's own undo would fight it for
   * Ctrl+Z and leave the two histories out of step. */
  buffer = gtk_text_view_get_buffer (self->job_view);
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (on_job_changed), self, G_CONNECT_SWAPPED);
  tp_field_limit_text_view (self->job_view);

  self->kpis = tp_item_list_new (self->kpis_box, &tp_kpi_editor_list_class,
                                 _("Edit KPI"), _("Remove KPI"),
                                 on_list_changed, self);

  self->syncing = FALSE;

  tp_field_ensure_css (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
tp_stage_page_new (void)
{
  return g_object_new (TP_TYPE_STAGE_PAGE, NULL);
}

TpDocument *
tp_stage_page_get_document (TpStagePage *self)
{
  g_return_val_if_fail (TP_IS_STAGE_PAGE (self), NULL);

  return self->document;
}

static void
forget_rows (TpStagePage *self)
{
  tp_item_list_clear (self->kpis);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

void
tp_stage_page_set_document (TpStagePage *self,
                            TpDocument  *document)
{
  g_return_if_fail (TP_IS_STAGE_PAGE (self));
  g_return_if_fail (document == NULL || TP_IS_DOCUMENT (document));

  if (!tp_field_watch_document (&self->document, &self->changed_id, document,
                                G_CALLBACK (on_document_changed), self))
    return;

  forget_rows (self);
  sync_rows (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

const char *
tp_stage_page_get_stage (TpStagePage *self)
{
  g_return_val_if_fail (TP_IS_STAGE_PAGE (self), NULL);

  return self->id;
}

void
tp_stage_page_set_stage (TpStagePage *self,
                         const char  *id)
{
  g_return_if_fail (TP_IS_STAGE_PAGE (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);

  forget_rows (self);
  sync_rows (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}
