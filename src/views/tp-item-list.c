/* tp-item-list.c: an editable list of a document item's parts, as rows of a list box.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "analysis/tp-kano.h"
#include "model/tp-action-item.h"
#include "model/tp-enums.h"
#include "model/tp-kano-need.h"

#include "tp-field-rows.h"
#include "tp-item-list.h"

struct _TpItemList
{
  GtkListBox            *box;
  const TpItemListClass *klass;
  GPtrArray             *rows;        /* (element-type GtkWidget) in order, not owned */
  char                  *edit_label;
  char                  *remove_label;
  char                  *row_title;
  TpItemListChanged      changed;
  gpointer               user_data;
  /* Set while rows are made to show the document, whose own state must not come back
   * as a change. */
  gboolean               syncing;
};

TpItemList *
tp_item_list_new (GtkListBox            *box,
                  const TpItemListClass *klass,
                  const char            *edit_label,
                  const char            *remove_label,
                  TpItemListChanged      changed,
                  gpointer               user_data)
{
  TpItemList *list = g_new0 (TpItemList, 1);

  list->box = box;
  list->klass = klass;
  list->rows = g_ptr_array_new ();
  list->edit_label = g_strdup (edit_label);
  list->remove_label = g_strdup (remove_label);
  list->changed = changed;
  list->user_data = user_data;

  return list;
}

void
tp_item_list_free (TpItemList *list)
{
  if (list == NULL)
    return;

  /* The rows may outlive the list while their page is disposed: they must not reach it. */
  for (guint i = 0; i < list->rows->len; i++)
    g_object_set_data (g_ptr_array_index (list->rows, i), "tp-item-list", NULL);

  g_ptr_array_unref (list->rows);
  g_free (list->edit_label);
  g_free (list->remove_label);
  g_free (list->row_title);
  g_free (list);
}

void
tp_item_list_set_row_title (TpItemList *list,
                            const char *title)
{
  g_return_if_fail (list != NULL);

  g_free (list->row_title);
  list->row_title = g_strdup (title);
}

static gboolean
is_blank (TpItemList    *list,
          gconstpointer  item)
{
  return list->klass->is_blank != NULL && list->klass->is_blank (item);
}

static GtkWidget *
insert_row (TpItemList *list,
            gpointer    item,
            guint       index)
{
  GtkWidget *row = list->klass->create_row (list, item);

  g_object_set_data (G_OBJECT (row), "tp-item-list", list);
  gtk_list_box_insert (list->box, row, (int) index);
  g_ptr_array_insert (list->rows, (int) index, row);

  return row;
}

static void
remove_row (TpItemList *list,
            GtkWidget  *row)
{
  g_object_set_data (G_OBJECT (row), "tp-item-list", NULL);
  g_ptr_array_remove (list->rows, row);
  gtk_list_box_remove (list->box, row);
}

void
tp_item_list_sync (TpItemList *list,
                   GPtrArray  *items)
{
  guint n_items = items != NULL ? items->len : 0;
  gboolean same = TRUE;
  guint j = 0;

  g_return_if_fail (list != NULL);

  /* The rows that are not blank, compared with the document's parts in order. */
  for (guint i = 0; same && i < list->rows->len; i++)
    {
      gconstpointer shown = list->klass->get_item (g_ptr_array_index (list->rows, i));

      if (is_blank (list, shown))
        continue;
      same = j < n_items && list->klass->equal (shown, g_ptr_array_index (items, j));
      j++;
    }
  if (same && j == n_items)
    return;

  list->syncing = TRUE;

  if (list->rows->len == n_items)
    {
      for (guint i = 0; i < n_items; i++)
        list->klass->set_item (g_ptr_array_index (list->rows, i),
                               list->klass->copy (g_ptr_array_index (items, i)));
    }
  else
    {
      tp_item_list_clear (list);
      for (guint i = 0; i < n_items; i++)
        insert_row (list, list->klass->copy (g_ptr_array_index (items, i)), i);
    }

  list->syncing = FALSE;
}

void
tp_item_list_clear (TpItemList *list)
{
  g_return_if_fail (list != NULL);

  while (list->rows->len > 0)
    remove_row (list, g_ptr_array_index (list->rows, list->rows->len - 1));
}

GPtrArray *
tp_item_list_dup_items (TpItemList *list)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (list->klass->free);

  for (guint i = 0; i < list->rows->len; i++)
    {
      gconstpointer item = list->klass->get_item (g_ptr_array_index (list->rows, i));

      if (!is_blank (list, item))
        g_ptr_array_add (items, list->klass->copy ((gpointer) item));
    }

  return items;
}

void
tp_item_list_append (TpItemList *list,
                     gpointer    item,
                     const char *add_label)
{
  GtkWidget *row;

  g_return_if_fail (list != NULL);

  list->syncing = TRUE;
  row = insert_row (list, item, list->rows->len);
  list->syncing = FALSE;

  if (list->klass->focus != NULL)
    list->klass->focus (row);

  /* A blank part waits for its first keystroke (and is forgotten if none comes). */
  if (!is_blank (list, list->klass->get_item (row)))
    list->changed (list->user_data, list, add_label, FALSE);
}

guint
tp_item_list_get_n_rows (TpItemList *list)
{
  return list->rows->len;
}

GtkWidget *
tp_item_list_get_row (TpItemList *list,
                      guint       index)
{
  g_return_val_if_fail (index < list->rows->len, NULL);

  return g_ptr_array_index (list->rows, index);
}

void
tp_item_list_row_changed (GtkWidget  *row,
                          const char *label,
                          gboolean    merge)
{
  TpItemList *list = g_object_get_data (G_OBJECT (row), "tp-item-list");

  if (list == NULL || list->syncing)
    return;

  list->changed (list->user_data, list, label != NULL ? label : list->edit_label, merge);
}

gboolean
tp_item_list_row_is_syncing (GtkWidget *row)
{
  TpItemList *list = g_object_get_data (G_OBJECT (row), "tp-item-list");

  return list == NULL || list->syncing;
}

static void
on_remove_clicked (GtkButton *button)
{
  GtkWidget *row = GTK_WIDGET (button);
  TpItemList *list = NULL;

  /* An expander's buttons sit in a row of its own: the list's row is further up. */
  while (row != NULL && (list = g_object_get_data (G_OBJECT (row), "tp-item-list")) == NULL)
    row = gtk_widget_get_parent (row);

  if (list == NULL || list->syncing)
    return;

  remove_row (list, row);
  list->changed (list->user_data, list, list->remove_label, FALSE);
}

GtkWidget *
tp_item_list_remove_button_new (const char *tooltip)
{
  GtkWidget *button = g_object_new (GTK_TYPE_BUTTON,
                                    "icon-name", "user-trash-symbolic",
                                    "valign", GTK_ALIGN_CENTER,
                                    "tooltip-text", tooltip,
                                    "css-classes", (const char *[]) { "flat", NULL },
                                    NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  g_signal_connect (button, "clicked", G_CALLBACK (on_remove_clicked), NULL);

  return button;
}

/* Texts: one entry row each. */

static gboolean
text_is_blank (gconstpointer item)
{
  return tp_field_is_blank (item);
}

static gconstpointer
text_get_item (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "tp-item");
}

/* The whole text when the row is too narrow to show it. */
static void
text_update_tooltip (GtkWidget  *row,
                     const char *text)
{
  gtk_widget_set_tooltip_text (row, g_utf8_strlen (text, -1) > 24 ? text : NULL);
}

static void
text_set_item (GtkWidget *row,
               gpointer   item)
{
  g_object_set_data_full (G_OBJECT (row), "tp-item", item, g_free);
  tp_field_set_text (GTK_EDITABLE (row), item);
  text_update_tooltip (row, item);
}

static void
on_text_changed (GtkEditable *row)
{
  if (tp_item_list_row_is_syncing (GTK_WIDGET (row)))
    return;

  g_object_set_data_full (G_OBJECT (row), "tp-item",
                          tp_field_clean_text (gtk_editable_get_text (row)), g_free);
  text_update_tooltip (GTK_WIDGET (row), gtk_editable_get_text (row));
  /* Merged: typing an item in is one step. */
  tp_item_list_row_changed (GTK_WIDGET (row), NULL, TRUE);
}

static GtkWidget *
text_create_row (TpItemList *list,
                 gpointer    item)
{
  GtkWidget *row = g_object_new (ADW_TYPE_ENTRY_ROW,
                                 "title", list->row_title != NULL ? list->row_title : "",
                                 "use-markup", FALSE,
                                 NULL);

  tp_field_init_editable (GTK_EDITABLE (row));
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), tp_item_list_remove_button_new (_("Remove")));
  text_set_item (row, item);
  g_signal_connect (row, "changed", G_CALLBACK (on_text_changed), NULL);

  return row;
}

static void
text_focus (GtkWidget *row)
{
  gtk_widget_grab_focus (row);
}

static gpointer
str_copy (gconstpointer str)
{
  return g_strdup (str);
}

const TpItemListClass tp_item_list_text_class = {
  .copy = (GBoxedCopyFunc) str_copy,
  .free = g_free,
  .equal = g_str_equal,
  .is_blank = text_is_blank,
  .create_row = text_create_row,
  .get_item = text_get_item,
  .set_item = text_set_item,
  .focus = text_focus,
};

/* Shared by the expander rows below */

static GtkWidget *
expander_new (void)
{
  GtkWidget *expander = adw_expander_row_new ();

  /* Titles are the user's words, not markup ("Q&A" must not break the row). */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander),
                               tp_item_list_remove_button_new (_("Remove")));

  return expander;
}

static GtkWidget *
expander_entry_new (GtkWidget  *expander,
                    const char *key,
                    const char *title,
                    GCallback   changed)
{
  GtkWidget *row = g_object_new (ADW_TYPE_ENTRY_ROW, "title", title, NULL);

  tp_field_init_editable (GTK_EDITABLE (row));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  g_object_set_data (G_OBJECT (expander), key, row);
  g_signal_connect_swapped (row, "changed", changed, expander);

  return row;
}

static GtkWidget *
expander_combo_new (GtkWidget  *expander,
                    const char *key,
                    const char *title,
                    TpEnumType  type,
                    GCallback   selected)
{
  GtkWidget *row = g_object_new (ADW_TYPE_COMBO_ROW, "title", title, NULL);

  tp_field_init_enum_combo (ADW_COMBO_ROW (row), type);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  g_object_set_data (G_OBJECT (expander), key, row);
  g_signal_connect_swapped (row, "notify::selected", selected, expander);

  return row;
}

static void
expander_focus (GtkWidget *expander)
{
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
  gtk_widget_grab_focus (g_object_get_data (G_OBJECT (expander), "tp-first"));
}

static gconstpointer
expander_get_item (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "tp-item");
}

/* Action plan: what, owner and status. */

static gboolean
action_is_blank (gconstpointer item)
{
  const TpActionItem *action = item;

  return tp_field_is_blank (action->what) && tp_field_is_blank (action->owner);
}

static void
action_show_summary (GtkWidget          *expander,
                     const TpActionItem *action)
{
  const char *status = tp_enum_get_label (TP_ENUM_ACTION_STATUS, action->status);
  g_autofree char *subtitle = NULL;

  /* Translators: an action-plan row's summary, as in "Ops lead · In progress". */
  subtitle = tp_field_is_blank (action->owner) ? g_strdup (status)
                                               : g_strdup_printf (_("%s · %s"), action->owner, status);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                 tp_field_is_blank (action->what) ? _("New Action") : action->what);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
}

static void
action_set_item (GtkWidget *expander,
                 gpointer   item)
{
  TpActionItem *action = item;

  g_object_set_data_full (G_OBJECT (expander), "tp-item", action, (GDestroyNotify) tp_action_item_free);
  tp_field_set_text (g_object_get_data (G_OBJECT (expander), "tp-what"), action->what);
  tp_field_set_text (g_object_get_data (G_OBJECT (expander), "tp-owner"), action->owner);
  adw_combo_row_set_selected (g_object_get_data (G_OBJECT (expander), "tp-status"), action->status);
  action_show_summary (expander, action);
}

static void
on_action_text_changed (GtkWidget *expander)
{
  TpActionItem *action = g_object_get_data (G_OBJECT (expander), "tp-item");
  GtkEditable *what = g_object_get_data (G_OBJECT (expander), "tp-what");
  GtkEditable *owner = g_object_get_data (G_OBJECT (expander), "tp-owner");

  if (action == NULL || what == NULL || owner == NULL || tp_item_list_row_is_syncing (expander))
    return;

  g_free (action->what);
  action->what = tp_field_clean_text (gtk_editable_get_text (what));
  g_free (action->owner);
  action->owner = tp_field_clean_text (gtk_editable_get_text (owner));
  action_show_summary (expander, action);
  tp_item_list_row_changed (expander, NULL, TRUE);
}

static void
on_action_status_selected (GtkWidget *expander)
{
  TpActionItem *action = g_object_get_data (G_OBJECT (expander), "tp-item");
  AdwComboRow *status = g_object_get_data (G_OBJECT (expander), "tp-status");
  guint selected;

  if (action == NULL || status == NULL || tp_item_list_row_is_syncing (expander))
    return;

  selected = adw_combo_row_get_selected (status);
  if (selected >= TP_N_ACTION_STATUSES || selected == action->status)
    return;

  action->status = selected;
  action_show_summary (expander, action);
  tp_item_list_row_changed (expander, NULL, FALSE);
}

static GtkWidget *
action_create_row (TpItemList *list,
                   gpointer    item)
{
  GtkWidget *expander = expander_new ();
  GtkWidget *what;

  what = expander_entry_new (expander, "tp-what", C_("action plan", "What"),
                             G_CALLBACK (on_action_text_changed));
  g_object_set_data (G_OBJECT (expander), "tp-first", what);
  expander_entry_new (expander, "tp-owner", _("Owner"), G_CALLBACK (on_action_text_changed));
  expander_combo_new (expander, "tp-status", _("Status"), TP_ENUM_ACTION_STATUS,
                      G_CALLBACK (on_action_status_selected));
  action_set_item (expander, item);

  return expander;
}

const TpItemListClass tp_item_list_action_class = {
  .copy = (GBoxedCopyFunc) tp_action_item_copy,
  .free = (GDestroyNotify) tp_action_item_free,
  .equal = (GEqualFunc) tp_action_item_equal,
  .is_blank = action_is_blank,
  .create_row = action_create_row,
  .get_item = expander_get_item,
  .set_item = action_set_item,
  .focus = expander_focus,
};

/* Kano needs: text and category; the questionnaire answers are shown, not edited (the
 * analysis computes a category from them). */

static gboolean
need_is_blank (gconstpointer item)
{
  const TpKanoNeed *need = item;

  return tp_field_is_blank (need->text) && need->category == TP_KANO_NONE &&
         tp_kano_need_get_n_answers (need) == 0;
}

static char *
format_answers (guint64 n)
{
  /* Translators: how many people answered a need's Kano questionnaire. */
  return g_strdup_printf (ngettext ("%" G_GUINT64_FORMAT " answer", "%" G_GUINT64_FORMAT " answers",
                                    (gulong) MIN (n, G_MAXULONG)), n);
}

static void
need_show_summary (GtkWidget        *expander,
                   const TpKanoNeed *need)
{
  guint64 n_answers = tp_kano_need_get_n_answers (need);
  /* The category the board and the analysis show too, with where it comes from. */
  TpKanoCategory shown = tp_kano_get_category (need);
  g_autofree char *answers = n_answers > 0 ? format_answers (n_answers) : NULL;
  g_autofree char *subtitle = tp_kano_describe (need);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                 tp_field_is_blank (need->text) ? _("New Need") : need->text);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  tp_field_set_variant_class (g_object_get_data (G_OBJECT (expander), "tp-dot"), "tp-kano-",
                              tp_enum_to_nick (TP_ENUM_KANO_CATEGORY, shown));
  gtk_widget_set_tooltip_text (g_object_get_data (G_OBJECT (expander), "tp-dot"), subtitle);
  /* The hand-set category is kept, but the answers outrank it: say so where it is set. */
  adw_action_row_set_subtitle (g_object_get_data (G_OBJECT (expander), "tp-category"),
                               n_answers > 0 ? _("Used only while the need has no answers") : "");

  gtk_widget_set_visible (g_object_get_data (G_OBJECT (expander), "tp-answers-row"), n_answers > 0);
  if (answers != NULL)
    gtk_label_set_label (g_object_get_data (G_OBJECT (expander), "tp-answers"), answers);
}

static void
need_set_item (GtkWidget *expander,
               gpointer   item)
{
  TpKanoNeed *need = item;

  g_object_set_data_full (G_OBJECT (expander), "tp-item", need, (GDestroyNotify) tp_kano_need_free);
  tp_field_set_text (g_object_get_data (G_OBJECT (expander), "tp-text"), need->text);
  adw_combo_row_set_selected (g_object_get_data (G_OBJECT (expander), "tp-category"), need->category);
  need_show_summary (expander, need);
}

static void
on_need_text_changed (GtkWidget *expander)
{
  TpKanoNeed *need = g_object_get_data (G_OBJECT (expander), "tp-item");
  GtkEditable *text = g_object_get_data (G_OBJECT (expander), "tp-text");

  if (need == NULL || text == NULL || tp_item_list_row_is_syncing (expander))
    return;

  g_free (need->text);
  need->text = tp_field_clean_text (gtk_editable_get_text (text));
  need_show_summary (expander, need);
  tp_item_list_row_changed (expander, NULL, TRUE);
}

static void
on_need_category_selected (GtkWidget *expander)
{
  TpKanoNeed *need = g_object_get_data (G_OBJECT (expander), "tp-item");
  AdwComboRow *category = g_object_get_data (G_OBJECT (expander), "tp-category");
  guint selected;

  if (need == NULL || category == NULL || tp_item_list_row_is_syncing (expander))
    return;

  selected = adw_combo_row_get_selected (category);
  if (selected >= TP_N_KANO_CATEGORIES || selected == need->category)
    return;

  need->category = selected;
  need_show_summary (expander, need);
  tp_item_list_row_changed (expander, _("Classify Need"), FALSE);
}

static GtkWidget *
need_create_row (TpItemList *list,
                 gpointer    item)
{
  GtkWidget *expander = expander_new ();
  GtkWidget *dot = g_object_new (GTK_TYPE_BOX,
                                 "valign", GTK_ALIGN_CENTER,
                                 "css-classes", (const char *[]) { "tp-accent-dot", NULL },
                                 NULL);
  GtkWidget *answers_row = g_object_new (ADW_TYPE_ACTION_ROW,
                                         "title", _("Questionnaire"),
                                         NULL);
  GtkWidget *answers = g_object_new (GTK_TYPE_LABEL,
                                     "css-classes", (const char *[]) { "tp-count", NULL },
                                     NULL);
  GtkWidget *text;

  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander), dot);
  g_object_set_data (G_OBJECT (expander), "tp-dot", dot);

  text = expander_entry_new (expander, "tp-text", C_("Kano need", "Need"),
                             G_CALLBACK (on_need_text_changed));
  g_object_set_data (G_OBJECT (expander), "tp-first", text);
  expander_combo_new (expander, "tp-category", _("Category"), TP_ENUM_KANO_CATEGORY,
                      G_CALLBACK (on_need_category_selected));

  adw_action_row_add_suffix (ADW_ACTION_ROW (answers_row), answers);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), answers_row);
  g_object_set_data (G_OBJECT (expander), "tp-answers-row", answers_row);
  g_object_set_data (G_OBJECT (expander), "tp-answers", answers);

  need_set_item (expander, item);

  return expander;
}

const TpItemListClass tp_item_list_need_class = {
  .copy = (GBoxedCopyFunc) tp_kano_need_copy,
  .free = (GDestroyNotify) tp_kano_need_free,
  .equal = (GEqualFunc) tp_kano_need_equal,
  .is_blank = need_is_blank,
  .create_row = need_create_row,
  .get_item = expander_get_item,
  .set_item = need_set_item,
  .focus = expander_focus,
};
