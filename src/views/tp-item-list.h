/* tp-item-list.h: an editable list of a document item's parts, as rows of a list box.
 *
 * Pain points, opportunities, action-plan rows, Kano needs and KPIs are not items of the
 * document but parts of a touchpoint or a stage: each edit replaces the whole list in an
 * edit of its owner. A TpItemList keeps one row per part at the start of a list box (the
 * template puts its "Add …" row after them) and reports every change; the page then
 * commits tp_item_list_dup_items(), which leaves out the blank parts, so a row just added
 * reaches the document with its first keystroke and a row emptied out leaves it.
 *
 * Syncing from the document keeps the rows when they already say what the document says
 * (the echo of the user's own edit, so the row being typed in is left alone), updates
 * them in place when their number is the same (undo, redo: expanded rows stay open), and
 * rebuilds them otherwise.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef struct _TpItemList TpItemList;

typedef struct
{
  GBoxedCopyFunc   copy;
  GDestroyNotify   free;
  GEqualFunc       equal;
  /* TRUE for a part that says nothing and is left out of the document; NULL: never. */
  gboolean       (*is_blank)   (gconstpointer  item);
  /* A row showing item (transfer full). */
  GtkWidget     *(*create_row) (TpItemList    *list,
                                gpointer       item);
  /* The part a row shows, and a new one for it to show (transfer full). */
  gconstpointer  (*get_item)   (GtkWidget     *row);
  void           (*set_item)   (GtkWidget     *row,
                                gpointer       item);
  /* Puts the keyboard focus where the user starts filling a new row in. */
  void           (*focus)      (GtkWidget     *row);
} TpItemListClass;

/* label is the undo label of the change; merge as tp_document_edit_commit() takes it. */
typedef void (*TpItemListChanged) (gpointer    user_data,
                                   TpItemList *list,
                                   const char *label,
                                   gboolean    merge);

TpItemList *tp_item_list_new        (GtkListBox            *box,
                                     const TpItemListClass *klass,
                                     const char            *edit_label,
                                     const char            *remove_label,
                                     TpItemListChanged      changed,
                                     gpointer               user_data);
void        tp_item_list_free       (TpItemList            *list);
/* The title of the rows of texts ("Pain Point"), which names an empty row's field. */
void        tp_item_list_set_row_title (TpItemList         *list,
                                        const char         *title);
/* Shows items (element-type as klass; not modified). Never reports a change. */
void        tp_item_list_sync       (TpItemList            *list,
                                     GPtrArray             *items);
/* Forgets every row, blank ones too: the list is about to show another owner's parts. */
void        tp_item_list_clear      (TpItemList            *list);
/* The parts the rows show, blank ones left out (transfer full, owns its elements). */
GPtrArray  *tp_item_list_dup_items  (TpItemList            *list);
/* Appends a row for item (transfer full) and focuses it; a part that is not blank is
 * reported at once with add_label. */
void        tp_item_list_append     (TpItemList            *list,
                                     gpointer               item,
                                     const char            *add_label);
guint       tp_item_list_get_n_rows (TpItemList            *list);
GtkWidget  *tp_item_list_get_row    (TpItemList            *list,
                                     guint                  index);

/* For row implementations: report an edit of the row's part (label NULL: the list's
 * edit label), and a button that removes the row. */
void        tp_item_list_row_changed     (GtkWidget  *row,
                                          const char *label,
                                          gboolean    merge);
gboolean    tp_item_list_row_is_syncing  (GtkWidget  *row);
GtkWidget  *tp_item_list_remove_button_new (const char *tooltip);

/* The row kinds of a touchpoint: texts (pain points, opportunities), action-plan rows
 * and Kano needs. */
extern const TpItemListClass tp_item_list_text_class;
extern const TpItemListClass tp_item_list_action_class;
extern const TpItemListClass tp_item_list_need_class;

G_END_DECLS
