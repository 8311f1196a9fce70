/* tp-kpi-editor.h: one KPI of a stage or a touchpoint, as an expander row.
 *
 * Collapsed, the row reads "name / kind · target"; expanded, it edits the kind, the name,
 * the raw data the kind collects (docs/FORMAT.md, "KPIs"), the target and its direction,
 * and shows the formula the kind uses. The editor changes its own copy of the KPI and
 * reports each change through its TpItemList (tp_kpi_editor_list_class), which the page
 * turns into an edit of the KPI's owner. Numbers that do not fit the model (not a number,
 * beyond ±1e12, a count over 1,000,000,000) are marked as errors and never reported.
 */
#pragma once

#include <adwaita.h>

#include "model/tp-document.h"
#include "tp-item-list.h"

G_BEGIN_DECLS

#define TP_TYPE_KPI_EDITOR (tp_kpi_editor_get_type ())
G_DECLARE_FINAL_TYPE (TpKpiEditor, tp_kpi_editor, TP, KPI_EDITOR, AdwExpanderRow)

/* Takes kpi (transfer full). */
GtkWidget   *tp_kpi_editor_new          (TpKpi       *kpi);
const TpKpi *tp_kpi_editor_get_kpi      (TpKpiEditor *self);
/* Shows kpi (transfer full), leaving alone what the user is typing where the document's
 * value did not change. */
void         tp_kpi_editor_set_kpi      (TpKpiEditor *self,
                                         TpKpi       *kpi);

/* The formula a kind computes its figure with, for people. */
const char  *tp_kpi_editor_get_formula  (TpKpiKind     kind,
                                         TpCsatMethod  method);
/* A new KPI of kind for document, with a fresh id and the kind's name. */
TpKpi       *tp_kpi_editor_create_kpi   (TpDocument   *document,
                                         TpKpiKind     kind);
/* A menu of the kinds, each activating action_name with the kind's nick. */
GMenuModel  *tp_kpi_editor_create_add_menu (const char *action_name);

extern const TpItemListClass tp_kpi_editor_list_class;

G_END_DECLS
