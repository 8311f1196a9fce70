/* tp-link-rows.h: the links of one note or touchpoint, as a group of the inspector.
 *
 * For a note, the touchpoints it is linked to ("Touchpoints"); for a touchpoint, the
 * notes linked to it ("Linked Notes"); one row per link, in the document's order. A row
 * names the other end and where it is, edits the link's label ("delivers") and removes
 * the link, each change one undo step; activating it asks for the other end to be
 * revealed. The group follows the document's "changed" signal and updates its rows in
 * place, so the label being typed in keeps its focus and cursor.
 */
#pragma once

#include <adwaita.h>

#include "model/tp-document.h"

G_BEGIN_DECLS

#define TP_TYPE_LINK_ROWS (tp_link_rows_get_type ())
G_DECLARE_FINAL_TYPE (TpLinkRows, tp_link_rows, TP, LINK_ROWS, AdwPreferencesGroup)

GtkWidget  *tp_link_rows_new          (void);
TpDocument *tp_link_rows_get_document (TpLinkRows *self);
void        tp_link_rows_set_document (TpLinkRows *self,
                                       TpDocument *document);
/* The note or touchpoint whose links are shown, or NULL. */
const char *tp_link_rows_get_item     (TpLinkRows *self);
void        tp_link_rows_set_item     (TpLinkRows *self,
                                       const char *id);

/* The row of a link, or NULL: for tests and for moving the focus to it. */
GtkWidget  *tp_link_rows_get_row      (TpLinkRows *self,
                                       const char *link_id);
/* The entry of a row made by the group, editing its link's label. */
GtkEditable *tp_link_rows_get_label_entry (GtkWidget *row);
/* The button of a row made by the group that removes its link. */
GtkWidget  *tp_link_rows_get_remove_button (GtkWidget *row);
guint       tp_link_rows_get_n_rows   (TpLinkRows *self);
/* The rows in the order they are shown, which is the document's order of the links. */
GtkWidget  *tp_link_rows_get_row_at   (TpLinkRows *self,
                                       guint       index);

G_END_DECLS
