/* tp-persona-page.c: the inspector's page for one persona.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "model/tp-enums.h"

#include "tp-field-rows.h"
#include "tp-persona-page.h"

struct _TpPersonaPage
{
  AdwBin           parent_instance;

  TpDocument      *document;
  gulong           changed_id;
  char            *id;

  /* Set while the rows are filled from the document, so that their signals do not turn
   * the document's own state back into commands. */
  gboolean         syncing;

  GtkToggleButton *swatches[TP_N_ACCENTS];

  /* Template widgets */
  GtkWidget       *back_button;
  GtkLabel        *position_label;
  AdwEntryRow     *name_row;
  AdwEntryRow     *description_row;
  GtkBox          *swatch_box;
  GtkLabel        *colour_label;
  GtkLabel        *uses_label;
  GtkWidget       *move_up_button;
  GtkWidget       *move_down_button;
  GtkWidget       *delete_button;
};

G_DEFINE_FINAL_TYPE (TpPersonaPage, tp_persona_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PERSONA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Editing */

static TpPersona *
lookup (TpPersonaPage *self)
{
  if (self->document == NULL || self->id == NULL)
    return NULL;

  return tp_document_lookup_kind (self->document, self->id, TP_ITEM_PERSONA);
}

static TpPersona *
begin_edit (TpPersonaPage *self)
{
  if (self->syncing || lookup (self) == NULL)
    return NULL;

  return (TpPersona *) tp_document_edit_begin (self->document, self->id);
}

static void
on_name_changed (TpPersonaPage *self)
{
  TpPersona *copy = begin_edit (self);

  if (copy == NULL)
    return;

  g_free (copy->name);
  copy->name = tp_field_clean_text (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  /* Merged: typing a name is one step. */
  tp_document_edit_commit (self->document, &copy->item, _("Rename Persona"), TRUE);
}

static void
on_description_changed (TpPersonaPage *self)
{
  TpPersona *copy = begin_edit (self);

  if (copy == NULL)
    return;

  g_free (copy->description);
  copy->description = tp_field_clean_text (gtk_editable_get_text (GTK_EDITABLE (self->description_row)));
  tp_document_edit_commit (self->document, &copy->item, _("Describe Persona"), TRUE);
}

static void
on_swatch_toggled (TpPersonaPage   *self,
                   GtkToggleButton *swatch)
{
  TpPersona *copy;

  if (!gtk_toggle_button_get_active (swatch) || (copy = begin_edit (self)) == NULL)
    return;

  copy->accent = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (swatch), "tp-accent"));
  tp_document_edit_commit (self->document, &copy->item, _("Recolour Persona"), FALSE);
}

static void
move_by (TpPersonaPage *self,
         int            delta)
{
  guint index;

  if (lookup (self) == NULL || !tp_document_get_index (self->document, self->id, &index) ||
      (delta < 0 && index == 0))
    return;

  tp_document_move_persona (self->document, self->id, index + delta);
}

static void
on_move_up_clicked (TpPersonaPage *self)
{
  move_by (self, -1);
}

static void
on_move_down_clicked (TpPersonaPage *self)
{
  move_by (self, 1);
}

static void
on_back_clicked (TpPersonaPage *self)
{
  g_signal_emit (self, signals[DONE], 0);
}

static void
on_delete_clicked (TpPersonaPage *self)
{
  g_autofree char *id = g_strdup (self->id);

  /* One step: the persona and every reference to it. The page has nothing left to show,
   * so it hands back to the overview, whose list shows the persona gone. */
  if (lookup (self) != NULL)
    {
      tp_document_delete (self->document, (const char * const *) &id, 1);
      g_signal_emit (self, signals[DONE], 0);
    }
}

/* Showing the persona */

static void
count_uses (TpDocument *document,
            const char *id,
            guint      *n_notes,
            guint      *n_touchpoints)
{
  g_autoptr(GPtrArray) refs = g_ptr_array_new ();

  tp_document_collect_persona_refs (document, id, refs);
  *n_notes = *n_touchpoints = 0;
  for (guint i = 0; i < refs->len; i++)
    if (((TpItem *) g_ptr_array_index (refs, i))->kind == TP_ITEM_NOTE)
      (*n_notes)++;
    else
      (*n_touchpoints)++;
}

static void
sync_rows (TpPersonaPage *self)
{
  TpPersona *persona = lookup (self);
  g_autofree char *position = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *touchpoints = NULL;
  g_autofree char *uses = NULL;
  guint index = 0, n;
  guint n_notes, n_touchpoints;

  /* Gone (deleted, or undone away): the inspector moves on to another page. */
  if (persona == NULL)
    return;

  self->syncing = TRUE;

  n = tp_document_get_personas (self->document)->len;
  tp_document_get_index (self->document, self->id, &index);
  /* Translators: under the inspector's heading: "Persona 2 of 3". */
  position = g_strdup_printf (_("Persona %u of %u"), index + 1, n);
  gtk_label_set_label (self->position_label, position);
  gtk_widget_set_sensitive (self->move_up_button, index > 0);
  gtk_widget_set_sensitive (self->move_down_button, index + 1 < n);

  tp_field_set_text (GTK_EDITABLE (self->name_row), persona->name);
  tp_field_set_text (GTK_EDITABLE (self->description_row), persona->description);

  for (guint a = 0; a < TP_N_ACCENTS; a++)
    gtk_toggle_button_set_active (self->swatches[a], a == persona->accent);
  gtk_label_set_label (self->colour_label, tp_enum_get_label (TP_ENUM_ACCENT, persona->accent));

  count_uses (self->document, self->id, &n_notes, &n_touchpoints);
  /* Translators: part of "3 notes and 2 touchpoints" that refer to a persona. */
  notes = g_strdup_printf (ngettext ("%u note", "%u notes", n_notes), n_notes);
  touchpoints = g_strdup_printf (ngettext ("%u touchpoint", "%u touchpoints", n_touchpoints), n_touchpoints);
  /* Translators: how many items refer to a persona, as in "3 notes and 2 touchpoints". */
  uses = g_strdup_printf (_("%s and %s"), notes, touchpoints);
  gtk_label_set_label (self->uses_label, uses);
  gtk_widget_set_tooltip_text (self->delete_button,
                               n_notes + n_touchpoints > 0
                               ? _("Deletes the persona; its notes and touchpoints keep their place without it")
                               : _("Deletes the persona"));

  self->syncing = FALSE;
}

static void
on_document_changed (TpPersonaPage *self,
                     TpChangeKind   kind,
                     const char    *id,
                     TpDocument    *document)
{
  /* Any change may concern the page: a note given this persona, another persona moved
   * before it. Syncing compares before it sets, so this is cheap. */
  sync_rows (self);
}

static void
init_swatches (TpPersonaPage *self)
{
  for (guint a = 0; a < TP_N_ACCENTS; a++)
    {
      const char *name = tp_enum_get_label (TP_ENUM_ACCENT, a);
      g_autofree char *accent_class = g_strconcat ("tp-accent-", tp_enum_to_nick (TP_ENUM_ACCENT, a), NULL);
      GtkWidget *swatch;

      swatch = g_object_new (GTK_TYPE_TOGGLE_BUTTON,
                             "child", g_object_new (GTK_TYPE_IMAGE,
                                                    "icon-name", "object-select-symbolic",
                                                    "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                                    NULL),
                             "tooltip-text", name,
                             "halign", GTK_ALIGN_CENTER,
                             "valign", GTK_ALIGN_CENTER,
                             "css-classes", (const char *[]) { "tp-swatch", "tp-persona-swatch", accent_class, NULL },
                             "group", a > 0 ? self->swatches[0] : NULL,
                             NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (swatch), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data (G_OBJECT (swatch), "tp-accent", GUINT_TO_POINTER (a));
      g_signal_connect_object (swatch, "toggled", G_CALLBACK (on_swatch_toggled), self, G_CONNECT_SWAPPED);

      self->swatches[a] = GTK_TOGGLE_BUTTON (swatch);
      gtk_box_append (self->swatch_box, swatch);
    }
}

/* GObject */

static void
tp_persona_page_dispose (GObject *object)
{
  TpPersonaPage *self = TP_PERSONA_PAGE (object);

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (tp_persona_page_parent_class)->dispose (object);
}

static void
tp_persona_page_finalize (GObject *object)
{
  TpPersonaPage *self = TP_PERSONA_PAGE (object);

  g_free (self->id);

  G_OBJECT_CLASS (tp_persona_page_parent_class)->finalize (object);
}

static void
tp_persona_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TpPersonaPage *self = TP_PERSONA_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_PERSONA:
      g_value_set_string (value, self->id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_persona_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TpPersonaPage *self = TP_PERSONA_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      tp_persona_page_set_document (self, g_value_get_object (value));
      break;

    case PROP_PERSONA:
      tp_persona_page_set_persona (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_persona_page_class_init (TpPersonaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_persona_page_dispose;
  object_class->finalize = tp_persona_page_finalize;
  object_class->get_property = tp_persona_page_get_property;
  object_class->set_property = tp_persona_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TP_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PERSONA] =
    g_param_spec_string ("persona", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TpPersonaPage::done:
   *
   * The user is done with the persona (went back, or deleted it): the inspector shows
   * the workshop overview again.
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/tp-persona-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TpPersonaPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, TpPersonaPage, position_label);
  gtk_widget_class_bind_template_child (widget_class, TpPersonaPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, TpPersonaPage, description_row);
  gtk_widget_class_bind_template_child (widget_class, TpPersonaPage, swatch_box);
  gtk_widget_class_bind_template_child (widget_class, TpPersonaPage, colour_label);
  gtk_widget_class_bind_template_child (widget_class, TpPersonaPage, uses_label);
  gtk_widget_class_bind_template_child (widget_class, TpPersonaPage, move_up_button);
  gtk_widget_class_bind_template_child (widget_class, TpPersonaPage, move_down_button);
  gtk_widget_class_bind_template_child (widget_class, TpPersonaPage, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_description_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_move_up_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_move_down_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);

  gtk_widget_class_set_css_name (widget_class, "tp-persona-page");
}

static void
tp_persona_page_init (TpPersonaPage *self)
{
  /* The template's handlers run from here on, with nothing to edit yet. */
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  tp_field_init_editable (GTK_EDITABLE (self->name_row));
  tp_field_init_editable (GTK_EDITABLE (self->description_row));
  init_swatches (self);

  self->syncing = FALSE;

  tp_field_ensure_css (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
tp_persona_page_new (void)
{
  return g_object_new (TP_TYPE_PERSONA_PAGE, NULL);
}

TpDocument *
tp_persona_page_get_document (TpPersonaPage *self)
{
  g_return_val_if_fail (TP_IS_PERSONA_PAGE (self), NULL);

  return self->document;
}

void
tp_persona_page_set_document (TpPersonaPage *self,
                              TpDocument    *document)
{
  g_return_if_fail (TP_IS_PERSONA_PAGE (self));
  g_return_if_fail (document == NULL || TP_IS_DOCUMENT (document));

  if (!tp_field_watch_document (&self->document, &self->changed_id, document,
                                G_CALLBACK (on_document_changed), self))
    return;

  sync_rows (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

const char *
tp_persona_page_get_persona (TpPersonaPage *self)
{
  g_return_val_if_fail (TP_IS_PERSONA_PAGE (self), NULL);

  return self->id;
}

void
tp_persona_page_set_persona (TpPersonaPage *self,
                             const char    *id)
{
  g_return_if_fail (TP_IS_PERSONA_PAGE (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);

  sync_rows (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONA]);
}

void
tp_persona_page_focus_name (TpPersonaPage *self)
{
  g_return_if_fail (TP_IS_PERSONA_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  gtk_editable_select_region (GTK_EDITABLE (self->name_row), 0, -1);
}
