/* tp-link-rows.c: the links of one note or touchpoint, as a group of the inspector.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "model/tp-enums.h"

#include "tp-field-rows.h"
#include "tp-link-rows.h"

/* How wide the label entry of a row is, in characters: "delivers", "supports". */
#define LABEL_WIDTH_CHARS 10

struct _TpLinkRows
{
  AdwPreferencesGroup  parent_instance;

  TpDocument          *document;
  gulong               changed_id;
  char                *id;

  /* The rows by link id (keys owned, rows owned by the list box). */
  GHashTable          *rows;

  /* Whether the item is a note (the rows show touchpoints) rather than a touchpoint;
   * kept when the item is gone, for the group to keep its title until it is hidden. */
  gboolean             from_note;

  /* Set while the rows are filled from the document, so that their signals do not turn
   * the document's own state back into commands. */
  gboolean             syncing;

  /* Template widgets */
  GtkButton           *link_button;
  GtkListBox          *list_box;
};

G_DEFINE_FINAL_TYPE (TpLinkRows, tp_link_rows, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REVEAL_ITEM,
  START_LINK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a row keeps as object data. */
#define ROW_LINK     "tp-link-id"       /* char *, owned */
#define ROW_OTHER    "tp-other-id"      /* char *, owned */
#define ROW_POSITION "tp-position"      /* guint */
#define ROW_ENTRY    "tp-label-entry"   /* GtkEntry *, a child of the row */
#define ROW_REMOVE   "tp-remove-button" /* GtkButton *, a child of the row */

/* Editing */

static const char *
row_link_id (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);

  return row != NULL ? g_object_get_data (G_OBJECT (row), ROW_LINK) : NULL;
}

static void
on_label_changed (TpLinkRows  *self,
                  GtkEditable *entry)
{
  const char *link_id = row_link_id (GTK_WIDGET (entry));
  TpLink *copy;

  if (self->syncing || self->document == NULL || link_id == NULL ||
      tp_document_lookup_kind (self->document, link_id, TP_ITEM_LINK) == NULL)
    return;

  copy = (TpLink *) tp_document_edit_begin (self->document, link_id);
  g_free (copy->label);
  copy->label = tp_field_clean_text (gtk_editable_get_text (entry));
  /* Merged, so that typing a word is one undo step rather than one per letter. */
  tp_document_edit_commit (self->document, &copy->item, _("Change Link Label"), TRUE);
}

static void
on_remove_clicked (TpLinkRows *self,
                   GtkButton  *button)
{
  /* A copy: deleting the link takes its row, and the id the row holds, away. */
  g_autofree char *link_id = g_strdup (row_link_id (GTK_WIDGET (button)));

  if (self->document != NULL && link_id != NULL &&
      tp_document_lookup_kind (self->document, link_id, TP_ITEM_LINK) != NULL)
    tp_document_delete (self->document, (const char * const *) &link_id, 1);
}

static void
on_row_activated (TpLinkRows   *self,
                  AdwActionRow *row)
{
  g_autofree char *other = g_strdup (g_object_get_data (G_OBJECT (row), ROW_OTHER));

  if (other != NULL)
    g_signal_emit (self, signals[REVEAL_ITEM], 0, other);
}

static void
on_link_clicked (TpLinkRows *self)
{
  /* The board owns linking (board.start-link), and the inspector is not inside the
   * board, so its actions cannot be reached from here: the window forwards this. */
  g_signal_emit (self, signals[START_LINK], 0);
}

/* Showing the links */

static GtkWidget *
create_row (TpLinkRows *self,
            const char *link_id)
{
  GtkWidget *row;
  GtkWidget *entry;
  GtkWidget *remove;

  row = g_object_new (ADW_TYPE_ACTION_ROW,
                      "activatable", TRUE,
                      "use-markup", FALSE,
                      "title-lines", 2,
                      "subtitle-lines", 1,
                      NULL);
  g_object_set_data_full (G_OBJECT (row), ROW_LINK, g_strdup (link_id), g_free);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated), self,
                           G_CONNECT_SWAPPED);

  entry = g_object_new (GTK_TYPE_ENTRY,
                        "placeholder-text", C_("link", "Label"),
                        "tooltip-text", _("What the note does for the touchpoint, as in “delivers”"),
                        "width-chars", LABEL_WIDTH_CHARS,
                        "max-width-chars", LABEL_WIDTH_CHARS,
                        "valign", GTK_ALIGN_CENTER,
                        NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Link Label"),
                                  -1);
  tp_field_init_editable (GTK_EDITABLE (entry));
  g_signal_connect_object (entry, "changed", G_CALLBACK (on_label_changed), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);

  remove = g_object_new (GTK_TYPE_BUTTON,
                         "icon-name", "user-trash-symbolic",
                         "valign", GTK_ALIGN_CENTER,
                         "tooltip-text", _("Remove Link"),
                         "css-classes", (const char *[]) { "flat", NULL },
                         NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove Link"),
                                  -1);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked), self,
                           G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  g_object_set_data (G_OBJECT (row), ROW_ENTRY, entry);
  g_object_set_data (G_OBJECT (row), ROW_REMOVE, remove);

  return row;
}

/* Shows link in row as seen from one end: the other end, where it is, and the label. */
static void
update_row (TpLinkRows *self,
            GtkWidget  *row,
            TpLink     *link,
            gboolean    from_note)
{
  const char *other = from_note ? link->touchpoint : link->note;
  const char *title = NULL;
  const char *subtitle = NULL;

  if (from_note)
    {
      TpTouchpoint *touchpoint = tp_document_lookup_kind (self->document, other, TP_ITEM_TOUCHPOINT);
      TpStage *stage = touchpoint != NULL ? tp_document_lookup_kind (self->document, touchpoint->stage, TP_ITEM_STAGE) : NULL;

      if (touchpoint != NULL)
        title = tp_field_is_blank (touchpoint->name) ? _("Unnamed Touchpoint") : touchpoint->name;
      if (stage != NULL)
        subtitle = tp_field_is_blank (stage->name) ? _("Unnamed Stage") : stage->name;
    }
  else
    {
      TpNote *note = tp_document_lookup_kind (self->document, other, TP_ITEM_NOTE);

      if (note != NULL)
        {
          title = tp_field_is_blank (note->text) ? _("Empty Note") : note->text;
          subtitle = tp_enum_get_label (TP_ENUM_CONTAINER, note->container);
        }
    }

  /* Setting equal values would still queue work for every change of the document. */
  if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title != NULL ? title : "") != 0)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  if (g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), subtitle) != 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (g_strcmp0 (g_object_get_data (G_OBJECT (row), ROW_OTHER), other) != 0)
    g_object_set_data_full (G_OBJECT (row), ROW_OTHER, g_strdup (other), g_free);

  /* The echo of the user's own typing says what the entry says already: left alone, so
   * the cursor stays where it is. */
  tp_field_set_text (g_object_get_data (G_OBJECT (row), ROW_ENTRY), link->label);
}

static int
compare_rows (GtkListBoxRow *a,
              GtkListBoxRow *b,
              gpointer       user_data)
{
  guint pa = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (a), ROW_POSITION));
  guint pb = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (b), ROW_POSITION));

  return pa < pb ? -1 : pa > pb;
}

static gboolean
rows_in_order (TpLinkRows *self)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
  guint last = 0;

  for (; child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      guint position = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (child), ROW_POSITION));

      if (position < last)
        return FALSE;
      last = position;
    }

  return TRUE;
}

static void
update_header (TpLinkRows *self,
               gboolean    from_note,
               guint       n_links)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self);
  const char *title = from_note ? C_("links of a note", "Touchpoints") : _("Linked Notes");
  const char *tooltip = from_note ? _("Link to a Touchpoint…") : _("Link to a Note…");
  /* The group reads back no description as "". */
  const char *description = "";

  if (n_links == 0)
    description = from_note ? _("Not linked yet. Drag the link handle to a touchpoint, or press Ctrl+K.")
                            : _("Not linked yet. Drag the link handle to a note, or press Ctrl+K.");

  if (g_strcmp0 (adw_preferences_group_get_title (group), title) != 0)
    adw_preferences_group_set_title (group, title);
  if (g_strcmp0 (adw_preferences_group_get_description (group), description) != 0)
    adw_preferences_group_set_description (group, description);
  if (g_strcmp0 (gtk_widget_get_tooltip_text (GTK_WIDGET (self->link_button)), tooltip) != 0)
    {
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->link_button), tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->link_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                      -1);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->list_box), n_links > 0);
}

static void
sync_rows (TpLinkRows *self)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new ();
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  TpItem *item = NULL;
  GHashTableIter iter;
  gpointer key, value;

  /* Disposed: the rows are going. */
  if (self->rows == NULL)
    return;

  if (self->document != NULL && self->id != NULL)
    item = tp_document_lookup (self->document, self->id);
  if (item != NULL && (item->kind == TP_ITEM_NOTE || item->kind == TP_ITEM_TOUCHPOINT))
    {
      self->from_note = item->kind == TP_ITEM_NOTE;
      tp_document_collect_links (self->document, self->id, links);
    }

  self->syncing = TRUE;

  /* Positions first, so that a new row is sorted into its place when it is added. */
  for (guint i = 0; i < links->len; i++)
    {
      TpLink *link = g_ptr_array_index (links, i);
      GtkWidget *row = g_hash_table_lookup (self->rows, link->item.id);

      g_hash_table_add (shown, link->item.id);
      if (row != NULL)
        g_object_set_data (G_OBJECT (row), ROW_POSITION, GUINT_TO_POINTER (i));
    }

  /* Rows of links that are gone go, the others stay (with their focus). */
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (shown, key))
      {
        gtk_list_box_remove (self->list_box, value);
        g_hash_table_iter_remove (&iter);
      }

  for (guint i = 0; i < links->len; i++)
    {
      TpLink *link = g_ptr_array_index (links, i);
      GtkWidget *row = g_hash_table_lookup (self->rows, link->item.id);

      if (row == NULL)
        {
          row = create_row (self, link->item.id);
          g_object_set_data (G_OBJECT (row), ROW_POSITION, GUINT_TO_POINTER (i));
          g_hash_table_insert (self->rows, g_strdup (link->item.id), row);
          gtk_list_box_append (self->list_box, row);
        }

      update_row (self, row, link, self->from_note);
    }

  /* Links keep their order in the document, so this is for safety: sorting moves rows
   * without taking them out of the list box. */
  if (!rows_in_order (self))
    gtk_list_box_invalidate_sort (self->list_box);

  update_header (self, self->from_note, links->len);

  self->syncing = FALSE;
}

static void
clear_rows (TpLinkRows *self)
{
  GHashTableIter iter;
  gpointer value;

  if (self->rows == NULL)
    return;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      gtk_list_box_remove (self->list_box, value);
      g_hash_table_iter_remove (&iter);
    }
}

static void
on_document_changed (TpLinkRows   *self,
                     TpChangeKind  kind,
                     const char   *id,
                     TpDocument   *document)
{
  /* Every change, not only the links': a touchpoint renamed, a note moved to another
   * block. Syncing compares before it sets, so this is cheap. */
  sync_rows (self);
}

/* GObject */

static void
tp_link_rows_dispose (GObject *object)
{
  TpLinkRows *self = TP_LINK_ROWS (object);

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);

  /* The list box, and so the rows, go with the group's own children. */
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (tp_link_rows_parent_class)->dispose (object);
}

static void
tp_link_rows_finalize (GObject *object)
{
  TpLinkRows *self = TP_LINK_ROWS (object);

  g_free (self->id);

  G_OBJECT_CLASS (tp_link_rows_parent_class)->finalize (object);
}

static void
tp_link_rows_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TpLinkRows *self = TP_LINK_ROWS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_ITEM:
      g_value_set_string (value, self->id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_link_rows_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TpLinkRows *self = TP_LINK_ROWS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      tp_link_rows_set_document (self, g_value_get_object (value));
      break;

    case PROP_ITEM:
      tp_link_rows_set_item (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_link_rows_class_init (TpLinkRowsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_link_rows_dispose;
  object_class->finalize = tp_link_rows_finalize;
  object_class->get_property = tp_link_rows_get_property;
  object_class->set_property = tp_link_rows_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TP_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ITEM] =
    g_param_spec_string ("item", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TpLinkRows::reveal-item:
   * @self: the group
   * @id: the id of the note or touchpoint at the other end of a link
   *
   * Emitted when a row is activated: the user wants to go to what the link leads to.
   */
  signals[REVEAL_ITEM] =
    g_signal_new ("reveal-item", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * TpLinkRows::start-link:
   * @self: the group
   *
   * Emitted when the user asks to link the item to another one ("Link to…"): the
   * board, which draws the link being made, takes it from there.
   */
  signals[START_LINK] =
    g_signal_new ("start-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/tp-link-rows.ui");
  gtk_widget_class_bind_template_child (widget_class, TpLinkRows, link_button);
  gtk_widget_class_bind_template_child (widget_class, TpLinkRows, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_link_clicked);
}

static void
tp_link_rows_init (TpLinkRows *self)
{
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->from_note = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_sort_func (self->list_box, compare_rows, NULL, NULL);
  sync_rows (self);
}

/* Public API */

GtkWidget *
tp_link_rows_new (void)
{
  return g_object_new (TP_TYPE_LINK_ROWS, NULL);
}

TpDocument *
tp_link_rows_get_document (TpLinkRows *self)
{
  g_return_val_if_fail (TP_IS_LINK_ROWS (self), NULL);

  return self->document;
}

void
tp_link_rows_set_document (TpLinkRows *self,
                           TpDocument *document)
{
  g_return_if_fail (TP_IS_LINK_ROWS (self));
  g_return_if_fail (document == NULL || TP_IS_DOCUMENT (document));

  if (!tp_field_watch_document (&self->document, &self->changed_id, document,
                                G_CALLBACK (on_document_changed), self))
    return;

  /* Another document's links may have the same ids. */
  clear_rows (self);
  sync_rows (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

const char *
tp_link_rows_get_item (TpLinkRows *self)
{
  g_return_val_if_fail (TP_IS_LINK_ROWS (self), NULL);

  return self->id;
}

void
tp_link_rows_set_item (TpLinkRows *self,
                       const char *id)
{
  g_return_if_fail (TP_IS_LINK_ROWS (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);

  /* A link shown for one end is seen from the other for the next item. */
  clear_rows (self);
  sync_rows (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

GtkWidget *
tp_link_rows_get_row (TpLinkRows *self,
                      const char *link_id)
{
  g_return_val_if_fail (TP_IS_LINK_ROWS (self), NULL);

  return link_id != NULL ? g_hash_table_lookup (self->rows, link_id) : NULL;
}

GtkWidget *
tp_link_rows_get_row_at (TpLinkRows *self,
                         guint       index)
{
  g_return_val_if_fail (TP_IS_LINK_ROWS (self), NULL);

  if (index > G_MAXINT)
    return NULL;

  return (GtkWidget *) gtk_list_box_get_row_at_index (self->list_box, (int) index);
}

guint
tp_link_rows_get_n_rows (TpLinkRows *self)
{
  g_return_val_if_fail (TP_IS_LINK_ROWS (self), 0);

  return g_hash_table_size (self->rows);
}

GtkEditable *
tp_link_rows_get_label_entry (GtkWidget *row)
{
  g_return_val_if_fail (ADW_IS_ACTION_ROW (row), NULL);

  return g_object_get_data (G_OBJECT (row), ROW_ENTRY);
}

GtkWidget *
tp_link_rows_get_remove_button (GtkWidget *row)
{
  g_return_val_if_fail (ADW_IS_ACTION_ROW (row), NULL);

  return g_object_get_data (G_OBJECT (row), ROW_REMOVE);
}
