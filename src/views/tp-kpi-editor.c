/* tp-kpi-editor.c: one KPI of a stage or a touchpoint, as an expander row.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "model/tp-enums.h"

#include "tp-field-rows.h"
#include "tp-kpi-editor.h"

/* The raw counts a KPI keeps outside its scores, each edited in an entry row. */
typedef enum {
  COUNT_START,
  COUNT_END,
  COUNT_NEW,
  COUNT_CONVERSIONS,
  COUNT_VISITORS,
  N_COUNTS
} Count;

struct _TpKpiEditor
{
  AdwExpanderRow  parent_instance;

  TpKpi          *kpi;
  /* The kind the score grid is laid out for; TP_N_KPI_KINDS before the first layout. */
  TpKpiKind       grid_kind;
  /* Set while the rows are made to show the KPI, whose own values must not come back as
   * edits. */
  gboolean        syncing;

  GtkWidget      *score_entries[TP_KPI_SCORES];  /* (owned): only some are in the grid */
  GtkWidget      *score_captions[TP_KPI_SCORES]; /* (owned) */
  AdwEntryRow    *counts[N_COUNTS];

  /* Template widgets */
  AdwComboRow    *kind_row;
  GtkWidget      *formula_row;
  GtkLabel       *formula_label;
  AdwEntryRow    *name_row;
  AdwComboRow    *method_row;
  GtkWidget      *scores_row;
  GtkGrid        *scores_grid;
  AdwEntryRow    *value_row;
  AdwEntryRow    *unit_row;
  AdwEntryRow    *target_row;
  AdwComboRow    *direction_row;
};

G_DEFINE_FINAL_TYPE (TpKpiEditor, tp_kpi_editor, ADW_TYPE_EXPANDER_ROW)

static guint *
count_field (TpKpi *kpi,
             Count  count)
{
  switch (count)
    {
    case COUNT_START:       return &kpi->start;
    case COUNT_END:         return &kpi->end;
    case COUNT_NEW:         return &kpi->new_customers;
    case COUNT_CONVERSIONS: return &kpi->conversions;
    case COUNT_VISITORS:    return &kpi->visitors;
    case N_COUNTS:
    default:
      g_assert_not_reached ();
    }
}

const char *
tp_kpi_editor_get_formula (TpKpiKind    kind,
                           TpCsatMethod method)
{
  switch (kind)
    {
    case TP_KPI_NPS:
      return _("NPS = % promoters (9–10) − % detractors (0–6)");
    case TP_KPI_CSAT:
      return method == TP_CSAT_MEAN ? _("CSAT = mean of the scores (1–5)")
                                    : _("CSAT = share of scores 4–5, in %");
    case TP_KPI_CES:
      return _("CES = mean of the scores (1–7)");
    case TP_KPI_RETENTION:
      return _("Retention = (customers at end − new customers) ÷ customers at start, in %");
    case TP_KPI_CONVERSION:
      return _("Conversion = conversions ÷ visitors, in %");
    case TP_KPI_CUSTOM:
    case TP_N_KPI_KINDS:
    default:
      return _("Custom = the value as measured, in its unit");
    }
}

TpKpi *
tp_kpi_editor_create_kpi (TpDocument *document,
                          TpKpiKind   kind)
{
  g_autofree char *id = NULL;

  g_return_val_if_fail (TP_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (kind < TP_N_KPI_KINDS, NULL);

  id = tp_document_make_id (document, "m");

  return tp_kpi_new (id, kind, tp_enum_get_label (TP_ENUM_KPI_KIND, kind));
}

GMenuModel *
tp_kpi_editor_create_add_menu (const char *action_name)
{
  GMenu *menu = g_menu_new ();

  for (guint k = 0; k < TP_N_KPI_KINDS; k++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (tp_enum_get_label (TP_ENUM_KPI_KIND, k), NULL);

      g_menu_item_set_action_and_target (item, action_name, "s", tp_enum_to_nick (TP_ENUM_KPI_KIND, k));
      g_menu_append_item (menu, item);
    }

  return G_MENU_MODEL (menu);
}

/* Showing the KPI */

static void
update_summary (TpKpiEditor *self)
{
  const char *kind = tp_enum_get_label (TP_ENUM_KPI_KIND, self->kpi->kind);
  g_autofree char *target = tp_field_format_real (self->kpi->target);
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 tp_field_is_blank (self->kpi->name) ? kind : self->kpi->name);

  /* Translators: a KPI's summary, as in "Net Promoter Score · target 30". */
  subtitle = target[0] != '\0' ? g_strdup_printf (_("%s · target %s"), kind, target) : g_strdup (kind);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);

  gtk_label_set_label (self->formula_label, tp_kpi_editor_get_formula (self->kpi->kind, self->kpi->method));
}

/* Lays the score grid out for the kind: five scores in one row, more in rows of four, so
 * that every count has room for six digits in the side panel. */
static void
layout_scores (TpKpiEditor *self)
{
  guint min, max, n, columns;

  if (self->grid_kind == self->kpi->kind)
    return;
  self->grid_kind = self->kpi->kind;

  for (guint v = 0; v < TP_KPI_SCORES; v++)
    {
      if (gtk_widget_get_parent (self->score_entries[v]) != NULL)
        gtk_grid_remove (self->scores_grid, self->score_entries[v]);
      if (gtk_widget_get_parent (self->score_captions[v]) != NULL)
        gtk_grid_remove (self->scores_grid, self->score_captions[v]);
    }

  if (!tp_kpi_kind_get_score_range (self->kpi->kind, &min, &max))
    return;

  n = max - min + 1;
  columns = n <= 5 ? n : 4;

  for (guint v = min; v <= max; v++)
    {
      guint i = v - min;
      int column = (int) (i % columns);
      int row = (int) (i / columns) * 2;

      gtk_grid_attach (self->scores_grid, self->score_captions[v], column, row, 1, 1);
      gtk_grid_attach (self->scores_grid, self->score_entries[v], column, row + 1, 1, 1);
    }
}

/* Shows a number unless the editable shows it already, or shows something the user is
 * still typing for a value the document did not change. */
static void
show_number (GtkEditable *editable,
             const char  *text,
             gboolean     valid,
             gboolean     same_as_shown,
             gboolean     changed_in_document)
{
  if (valid && same_as_shown)
    return;
  if (!valid && !changed_in_document)
    return;

  gtk_editable_set_text (editable, text);
  tp_field_set_error (GTK_WIDGET (editable), FALSE);
}

static void
show_count (GtkEditable *editable,
            guint        old_value,
            guint        value)
{
  g_autofree char *text = tp_field_format_count (value);
  guint shown = 0;
  gboolean valid = tp_field_parse_count (gtk_editable_get_text (editable), &shown);

  show_number (editable, text, valid, shown == value, old_value != value);
}

static void
show_real (GtkEditable *editable,
           double       old_value,
           double       value)
{
  g_autofree char *text = tp_field_format_real (value);
  double shown = NAN;
  gboolean valid = tp_field_parse_real (gtk_editable_get_text (editable), &shown);
  gboolean same = (isnan (shown) && isnan (value)) || shown == value;
  gboolean changed = !((isnan (old_value) && isnan (value)) || old_value == value);

  show_number (editable, text, valid, same, changed);
}

static void
sync_rows (TpKpiEditor *self,
           const TpKpi *old)
{
  TpKpi *kpi = self->kpi;
  gboolean has_scores = tp_kpi_kind_get_score_range (kpi->kind, NULL, NULL);

  self->syncing = TRUE;

  adw_combo_row_set_selected (self->kind_row, kpi->kind);
  tp_field_set_text (GTK_EDITABLE (self->name_row), kpi->name);
  adw_combo_row_set_selected (self->method_row, kpi->method);
  adw_combo_row_set_selected (self->direction_row, kpi->direction);
  tp_field_set_text (GTK_EDITABLE (self->unit_row), kpi->unit);
  show_real (GTK_EDITABLE (self->value_row), old != NULL ? old->value : NAN, kpi->value);
  show_real (GTK_EDITABLE (self->target_row), old != NULL ? old->target : NAN, kpi->target);

  for (guint c = 0; c < N_COUNTS; c++)
    show_count (GTK_EDITABLE (self->counts[c]), old != NULL ? *count_field ((TpKpi *) old, c) : 0,
                *count_field (kpi, c));

  layout_scores (self);
  for (guint v = 0; v < TP_KPI_SCORES; v++)
    show_count (GTK_EDITABLE (self->score_entries[v]), old != NULL ? old->scores[v] : 0, kpi->scores[v]);

  /* Each kind shows the raw data it computes its figure from, and nothing else. */
  gtk_widget_set_visible (GTK_WIDGET (self->method_row), kpi->kind == TP_KPI_CSAT);
  gtk_widget_set_visible (self->scores_row, has_scores);
  gtk_widget_set_visible (GTK_WIDGET (self->counts[COUNT_START]), kpi->kind == TP_KPI_RETENTION);
  gtk_widget_set_visible (GTK_WIDGET (self->counts[COUNT_END]), kpi->kind == TP_KPI_RETENTION);
  gtk_widget_set_visible (GTK_WIDGET (self->counts[COUNT_NEW]), kpi->kind == TP_KPI_RETENTION);
  gtk_widget_set_visible (GTK_WIDGET (self->counts[COUNT_CONVERSIONS]), kpi->kind == TP_KPI_CONVERSION);
  gtk_widget_set_visible (GTK_WIDGET (self->counts[COUNT_VISITORS]), kpi->kind == TP_KPI_CONVERSION);
  gtk_widget_set_visible (GTK_WIDGET (self->value_row), kpi->kind == TP_KPI_CUSTOM);
  gtk_widget_set_visible (GTK_WIDGET (self->unit_row), kpi->kind == TP_KPI_CUSTOM);

  update_summary (self);

  self->syncing = FALSE;
}

/* Editing */

static void
report (TpKpiEditor *self,
        const char  *label,
        gboolean     merge)
{
  update_summary (self);
  tp_item_list_row_changed (GTK_WIDGET (self), label, merge);
}

static void
on_kind_selected (TpKpiEditor *self)
{
  guint kind = adw_combo_row_get_selected (self->kind_row);
  g_autoptr(TpKpi) unchanged = NULL;
  const char *old_label;
  guint min = 0, max = 0;
  gboolean has_scores;

  if (self->syncing || kind >= TP_N_KPI_KINDS || kind == self->kpi->kind)
    return;

  /* A name that was only the old kind's name follows the kind. */
  old_label = tp_enum_get_label (TP_ENUM_KPI_KIND, self->kpi->kind);
  if (tp_field_is_blank (self->kpi->name) || g_strcmp0 (self->kpi->name, old_label) == 0)
    {
      g_free (self->kpi->name);
      self->kpi->name = g_strdup (tp_enum_get_label (TP_ENUM_KPI_KIND, kind));
    }

  /* Counts of scores the new kind has are kept (CSAT 1–5 into CES 1–7); the others
   * cannot be saved with it and go. Retention, conversion and custom data are kept, as
   * the format allows them on every kind. */
  has_scores = tp_kpi_kind_get_score_range (kind, &min, &max);
  for (guint v = 0; v < TP_KPI_SCORES; v++)
    if (!has_scores || v < min || v > max)
      self->kpi->scores[v] = 0;

  self->kpi->kind = kind;

  /* The rows follow at once (the grid, the formula), before the document answers; what
   * the user typed elsewhere stays as it is. */
  unchanged = tp_kpi_copy (self->kpi);
  sync_rows (self, unchanged);

  report (self, _("Change KPI Kind"), FALSE);
}

static void
on_name_changed (TpKpiEditor *self)
{
  if (self->syncing)
    return;

  g_free (self->kpi->name);
  self->kpi->name = tp_field_clean_text (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  report (self, _("Edit KPI"), TRUE);
}

static void
on_unit_changed (TpKpiEditor *self)
{
  if (self->syncing)
    return;

  g_free (self->kpi->unit);
  self->kpi->unit = tp_field_clean_text (gtk_editable_get_text (GTK_EDITABLE (self->unit_row)));
  report (self, _("Edit KPI"), TRUE);
}

static void
on_method_selected (TpKpiEditor *self)
{
  guint method = adw_combo_row_get_selected (self->method_row);

  if (self->syncing || method >= TP_N_CSAT_METHODS || method == self->kpi->method)
    return;

  self->kpi->method = method;
  report (self, _("Set KPI Method"), FALSE);
}

static void
on_direction_selected (TpKpiEditor *self)
{
  guint direction = adw_combo_row_get_selected (self->direction_row);

  if (self->syncing || direction >= TP_N_DIRECTIONS || direction == self->kpi->direction)
    return;

  self->kpi->direction = direction;
  report (self, _("Set KPI Direction"), FALSE);
}

/* A real typed into row: reported when valid, marked as an error otherwise. */
static void
edit_real (TpKpiEditor *self,
           AdwEntryRow *row,
           double      *field)
{
  double value;
  gboolean valid = tp_field_parse_real (gtk_editable_get_text (GTK_EDITABLE (row)), &value);

  tp_field_set_error (GTK_WIDGET (row), !valid);
  if (self->syncing || !valid)
    return;

  *field = value;
  report (self, _("Edit KPI"), TRUE);
}

static void
on_target_changed (TpKpiEditor *self)
{
  edit_real (self, self->target_row, &self->kpi->target);
}

static void
on_value_changed (TpKpiEditor *self)
{
  edit_real (self, self->value_row, &self->kpi->value);
}

static void
edit_count (TpKpiEditor *self,
            GtkEditable *editable,
            guint       *field)
{
  guint value;
  gboolean valid = tp_field_parse_count (gtk_editable_get_text (editable), &value);

  tp_field_set_error (GTK_WIDGET (editable), !valid);
  if (self->syncing || !valid)
    return;

  *field = value;
  report (self, _("Edit KPI"), TRUE);
}

static void
on_count_changed (TpKpiEditor *self,
                  GtkEditable *editable)
{
  for (guint c = 0; c < N_COUNTS; c++)
    if (editable == GTK_EDITABLE (self->counts[c]))
      edit_count (self, editable, count_field (self->kpi, c));
}

static void
on_score_changed (GtkEditable *editable,
                  TpKpiEditor *self)
{
  guint value = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (editable), "tp-score"));

  /* Only the scores the kind collects are in the grid; the others stay 0. */
  if (value < TP_KPI_SCORES && gtk_widget_get_parent (GTK_WIDGET (editable)) != NULL)
    edit_count (self, editable, &self->kpi->scores[value]);
}

/* GObject */

static void
tp_kpi_editor_dispose (GObject *object)
{
  TpKpiEditor *self = TP_KPI_EDITOR (object);

  for (guint v = 0; v < TP_KPI_SCORES; v++)
    {
      if (self->score_entries[v] != NULL && gtk_widget_get_parent (self->score_entries[v]) != NULL)
        gtk_grid_remove (self->scores_grid, self->score_entries[v]);
      if (self->score_captions[v] != NULL && gtk_widget_get_parent (self->score_captions[v]) != NULL)
        gtk_grid_remove (self->scores_grid, self->score_captions[v]);
      g_clear_object (&self->score_entries[v]);
      g_clear_object (&self->score_captions[v]);
    }

  G_OBJECT_CLASS (tp_kpi_editor_parent_class)->dispose (object);
}

static void
tp_kpi_editor_finalize (GObject *object)
{
  TpKpiEditor *self = TP_KPI_EDITOR (object);

  g_clear_pointer (&self->kpi, tp_kpi_free);

  G_OBJECT_CLASS (tp_kpi_editor_parent_class)->finalize (object);
}

static void
tp_kpi_editor_class_init (TpKpiEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_kpi_editor_dispose;
  object_class->finalize = tp_kpi_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/tp-kpi-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TpKpiEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TpKpiEditor, formula_row);
  gtk_widget_class_bind_template_child (widget_class, TpKpiEditor, formula_label);
  gtk_widget_class_bind_template_child (widget_class, TpKpiEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, TpKpiEditor, method_row);
  gtk_widget_class_bind_template_child (widget_class, TpKpiEditor, scores_row);
  gtk_widget_class_bind_template_child (widget_class, TpKpiEditor, scores_grid);
  gtk_widget_class_bind_template_child (widget_class, TpKpiEditor, value_row);
  gtk_widget_class_bind_template_child (widget_class, TpKpiEditor, unit_row);
  gtk_widget_class_bind_template_child (widget_class, TpKpiEditor, target_row);
  gtk_widget_class_bind_template_child (widget_class, TpKpiEditor, direction_row);
  gtk_widget_class_bind_template_child_full (widget_class, "start_row", FALSE,
                                             G_STRUCT_OFFSET (TpKpiEditor, counts[COUNT_START]));
  gtk_widget_class_bind_template_child_full (widget_class, "end_row", FALSE,
                                             G_STRUCT_OFFSET (TpKpiEditor, counts[COUNT_END]));
  gtk_widget_class_bind_template_child_full (widget_class, "new_row", FALSE,
                                             G_STRUCT_OFFSET (TpKpiEditor, counts[COUNT_NEW]));
  gtk_widget_class_bind_template_child_full (widget_class, "conversions_row", FALSE,
                                             G_STRUCT_OFFSET (TpKpiEditor, counts[COUNT_CONVERSIONS]));
  gtk_widget_class_bind_template_child_full (widget_class, "visitors_row", FALSE,
                                             G_STRUCT_OFFSET (TpKpiEditor, counts[COUNT_VISITORS]));
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_unit_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_method_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_direction_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_target_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_value_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_count_changed);
}

static void
tp_kpi_editor_init (TpKpiEditor *self)
{
  self->grid_kind = TP_N_KPI_KINDS;
  self->kpi = tp_kpi_new (NULL, TP_KPI_CUSTOM, NULL);

  /* The template's handlers run from here on: they must find a KPI, and change nothing. */
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  tp_field_init_editable (GTK_EDITABLE (self->name_row));
  tp_field_init_editable (GTK_EDITABLE (self->unit_row));
  tp_field_init_editable (GTK_EDITABLE (self->value_row));
  tp_field_init_editable (GTK_EDITABLE (self->target_row));
  for (guint c = 0; c < N_COUNTS; c++)
    tp_field_init_editable (GTK_EDITABLE (self->counts[c]));

  tp_field_init_enum_combo (self->kind_row, TP_ENUM_KPI_KIND);
  tp_field_init_enum_combo (self->method_row, TP_ENUM_CSAT_METHOD);
  tp_field_init_enum_combo (self->direction_row, TP_ENUM_DIRECTION);

  adw_expander_row_add_action (ADW_EXPANDER_ROW (self), tp_item_list_remove_button_new (_("Remove KPI")));

  for (guint v = 0; v < TP_KPI_SCORES; v++)
    {
      char caption[4];
      g_autofree char *tooltip = NULL;
      g_autofree char *name = NULL;
      GtkWidget *caption_label;
      GtkWidget *entry;

      g_snprintf (caption, sizeof caption, "%u", v);
      /* Translators: the tooltip of the count of one score of a survey KPI. */
      tooltip = g_strdup_printf (_("How many answered %u"), v);
      /* Translators: the accessible name of the count of one score. */
      name = g_strdup_printf (_("Responses with Score %u"), v);

      caption_label = g_object_new (GTK_TYPE_LABEL,
                                    "label", caption,
                                    "css-classes", (const char *[]) { "caption", "dim-label", NULL },
                                    NULL);
      entry = g_object_new (GTK_TYPE_ENTRY,
                            "width-chars", 2,
                            "max-width-chars", 6,
                            "hexpand", TRUE,
                            "xalign", 0.5f,
                            "placeholder-text", "0",
                            "input-purpose", GTK_INPUT_PURPOSE_DIGITS,
                            "tooltip-text", tooltip,
                            "css-classes", (const char *[]) { "tp-score-entry", NULL },
                            NULL);
      /* Held here, since only the kind's scores are in the grid at a time. */
      self->score_captions[v] = g_object_ref_sink (caption_label);
      self->score_entries[v] = g_object_ref_sink (entry);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->score_entries[v]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      tp_field_init_editable (GTK_EDITABLE (self->score_entries[v]));
      g_object_set_data (G_OBJECT (self->score_entries[v]), "tp-score", GUINT_TO_POINTER (v));
      g_signal_connect (self->score_entries[v], "changed", G_CALLBACK (on_score_changed), self);
    }

  sync_rows (self, NULL);
  self->syncing = FALSE;
}

GtkWidget *
tp_kpi_editor_new (TpKpi *kpi)
{
  TpKpiEditor *self = g_object_new (TP_TYPE_KPI_EDITOR, NULL);

  tp_kpi_editor_set_kpi (self, kpi);

  return GTK_WIDGET (self);
}

const TpKpi *
tp_kpi_editor_get_kpi (TpKpiEditor *self)
{
  g_return_val_if_fail (TP_IS_KPI_EDITOR (self), NULL);

  return self->kpi;
}

void
tp_kpi_editor_set_kpi (TpKpiEditor *self,
                       TpKpi       *kpi)
{
  g_autoptr(TpKpi) old = NULL;

  g_return_if_fail (TP_IS_KPI_EDITOR (self));
  g_return_if_fail (kpi != NULL);

  old = g_steal_pointer (&self->kpi);
  self->kpi = kpi;
  sync_rows (self, old);
}

/* As a row of a TpItemList */

static GtkWidget *
list_create_row (TpItemList *list,
                 gpointer    item)
{
  return tp_kpi_editor_new (item);
}

static gconstpointer
list_get_item (GtkWidget *row)
{
  return TP_KPI_EDITOR (row)->kpi;
}

static void
list_set_item (GtkWidget *row,
               gpointer   item)
{
  tp_kpi_editor_set_kpi (TP_KPI_EDITOR (row), item);
}

static void
list_focus (GtkWidget *row)
{
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (TP_KPI_EDITOR (row)->name_row));
}

const TpItemListClass tp_kpi_editor_list_class = {
  .copy = (GBoxedCopyFunc) tp_kpi_copy,
  .free = (GDestroyNotify) tp_kpi_free,
  .equal = (GEqualFunc) tp_kpi_equal,
  .is_blank = NULL,
  .create_row = list_create_row,
  .get_item = list_get_item,
  .set_item = list_set_item,
  .focus = list_focus,
};
