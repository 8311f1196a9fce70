/* tp-link-picker.c: a searchable list for linking a note or a touchpoint from the keyboard.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "model/tp-enums.h"

#include "tp-field-rows.h"
#include "tp-link-picker.h"

/* The list stops growing at this height and scrolls; the popover keeps this width, so
 * that it does not jump around while the user types. */
#define LIST_MAX_HEIGHT 360
#define CONTENT_WIDTH   340

/* Names of the stack's pages. */
#define PAGE_LIST  "list"
#define PAGE_EMPTY "empty"

/* Items: what the list shows, one per touchpoint or note.
 *
 * The rows of a GtkListView are made only for what is on screen, so the list needs a
 * model of objects; each keeps the text the search compares, folded once here rather
 * than at every keystroke for each of thousands of notes. */

#define TP_TYPE_LINK_PICKER_ITEM (tp_link_picker_item_get_type ())
G_DECLARE_FINAL_TYPE (TpLinkPickerItem, tp_link_picker_item, TP, LINK_PICKER_ITEM, GObject)

struct _TpLinkPickerItem
{
  GObject   parent_instance;

  char     *id;
  char     *title;
  char     *subtitle;
  /* Title and subtitle as the search compares them (fold_text()), one line each, so
   * that no word of the query can match across the two. */
  char     *key;
  gboolean  linked;
};

G_DEFINE_FINAL_TYPE (TpLinkPickerItem, tp_link_picker_item, G_TYPE_OBJECT)

/* Read-only properties, for tests and for anyone who looks at the list's model. */
enum {
  ITEM_PROP_0,
  ITEM_PROP_ID,
  ITEM_PROP_TITLE,
  ITEM_PROP_SUBTITLE,
  ITEM_PROP_LINKED,
  ITEM_N_PROPS
};

static GParamSpec *item_properties[ITEM_N_PROPS];

/* Text as the search compares it: without case and accents, so that "cafe" finds
 * "Café" and "strasse" finds "Straße". Compatibility decomposition also takes ligatures
 * and full-width letters apart into the letters people type. */
static char *
fold_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *decomposed = g_utf8_normalize (valid, -1, G_NORMALIZE_ALL);
  g_autofree char *folded = g_utf8_casefold (decomposed, -1);
  GString *out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static void
tp_link_picker_item_finalize (GObject *object)
{
  TpLinkPickerItem *self = (TpLinkPickerItem *) object;

  g_free (self->id);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->key);

  G_OBJECT_CLASS (tp_link_picker_item_parent_class)->finalize (object);
}

static void
tp_link_picker_item_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TpLinkPickerItem *self = (TpLinkPickerItem *) object;

  switch (prop_id)
    {
    case ITEM_PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case ITEM_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case ITEM_PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case ITEM_PROP_LINKED:
      g_value_set_boolean (value, self->linked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_link_picker_item_class_init (TpLinkPickerItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tp_link_picker_item_finalize;
  object_class->get_property = tp_link_picker_item_get_property;

  item_properties[ITEM_PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  item_properties[ITEM_PROP_LINKED] =
    g_param_spec_boolean ("linked", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, ITEM_N_PROPS, item_properties);
}

static void
tp_link_picker_item_init (TpLinkPickerItem *self)
{
}

static TpLinkPickerItem *
tp_link_picker_item_new (const char *id,
                         const char *title,
                         const char *subtitle,
                         gboolean    linked)
{
  TpLinkPickerItem *self = g_object_new (TP_TYPE_LINK_PICKER_ITEM, NULL);
  g_autofree char *text = g_strconcat (title, "\n", subtitle, NULL);

  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->subtitle = g_strdup (subtitle);
  self->key = fold_text (text);
  self->linked = linked;

  return self;
}

/* The picker */

struct _TpLinkPicker
{
  GtkPopover           parent_instance;

  TpDocument          *document;
  gulong               changed_id;
  char                *source_id;
  /* Whether the source is a note (the list shows touchpoints) rather than a touchpoint
   * (the list shows notes). */
  gboolean             from_note;

  GListStore          *items;      /* (element-type TpLinkPickerItem) every item */
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filtered;   /* (unowned) the items that match, the list's model */
  GtkSingleSelection  *selection;  /* (unowned) the highlighted row */
  /* The query the filter applies: as typed, and folded into words that must all occur
   * (empty: everything matches). */
  char                *query;
  char                *folded_query;
  char               **words;

  GtkWidget           *search_entry;
  GtkWidget           *stack;
  GtkWidget           *list_view;
  GtkWidget           *empty_label;
};

G_DEFINE_FINAL_TYPE (TpLinkPicker, tp_link_picker, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SOURCE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Filling the list */

/* "Stage · Channel", leaving out what is blank. */
static char *
join_parts (const char *first,
            const char *second)
{
  gboolean has_first = !tp_field_is_blank (first);
  gboolean has_second = !tp_field_is_blank (second);

  if (has_first && has_second)
    /* Translators: where a touchpoint is, in the link picker: "Purchase · Website". */
    return g_strdup_printf (_("%s · %s"), first, second);

  return g_strdup (has_first ? first : has_second ? second : "");
}

/* A note's first line that says something: the rest is too much for one row. */
static char *
note_title (const TpNote *note)
{
  const char *text = note->text != NULL ? note->text : "";

  while (*text != '\0')
    {
      const char *end = strchr (text, '\n');
      g_autofree char *line = end != NULL ? g_strndup (text, end - text) : g_strdup (text);

      if (!tp_field_is_blank (line))
        return g_strdup (g_strstrip (line));

      if (end == NULL)
        break;
      text = end + 1;
    }

  return g_strdup (_("Empty Note"));
}

static void
collect_touchpoints (TpLinkPicker *self,
                     GPtrArray    *items)
{
  GPtrArray *stages = tp_document_get_stages (self->document);

  for (guint s = 0; s < stages->len; s++)
    {
      TpStage *stage = g_ptr_array_index (stages, s);

      for (guint t = 0; t < stage->touchpoints->len; t++)
        {
          TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, t);
          const char *id = tp_item_get_id (&touchpoint->item);
          g_autofree char *subtitle = join_parts (stage->name, touchpoint->channel);
          gboolean linked = tp_document_find_link (self->document, self->source_id, id) != NULL;

          g_ptr_array_add (items,
                           tp_link_picker_item_new (id,
                                                    tp_field_is_blank (touchpoint->name)
                                                      ? _("Unnamed Touchpoint")
                                                      : touchpoint->name,
                                                    subtitle, linked));
        }
    }
}

/* The canvas blocks, then the value-chain areas: the order of TpContainer. */
static void
collect_notes (TpLinkPicker *self,
               GPtrArray    *items)
{
  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      GPtrArray *notes = tp_document_get_notes (self->document, c);
      const char *block = tp_enum_get_label (TP_ENUM_CONTAINER, c);

      for (guint n = 0; n < notes->len; n++)
        {
          TpNote *note = g_ptr_array_index (notes, n);
          const char *id = tp_item_get_id (&note->item);
          g_autofree char *title = note_title (note);
          gboolean linked = tp_document_find_link (self->document, id, self->source_id) != NULL;

          g_ptr_array_add (items, tp_link_picker_item_new (id, title, block, linked));
        }
    }
}

static void
fill_items (TpLinkPicker *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->from_note)
    collect_touchpoints (self, items);
  else
    collect_notes (self, items);

  /* One splice, one "items-changed", however many notes there are. */
  g_list_store_splice (self->items, 0, 0, items->pdata, items->len);
}

/* Searching */

static gboolean
item_matches (gpointer object,
              gpointer user_data)
{
  TpLinkPickerItem *item = object;
  TpLinkPicker *self = user_data;

  for (guint i = 0; self->words[i] != NULL; i++)
    if (strstr (item->key, self->words[i]) == NULL)
      return FALSE;

  return TRUE;
}

/* The words of a folded query, split at any white space. */
static char **
split_words (const char *folded)
{
  GPtrArray *words = g_ptr_array_new ();
  const char *p = folded;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        g_ptr_array_add (words, g_strndup (start, p - start));
    }

  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (words, FALSE);
}

static gboolean
item_is_selectable (TpLinkPicker *self,
                    guint         position)
{
  g_autoptr(TpLinkPickerItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  return item != NULL && !item->linked;
}

/* Keeps the highlighted row in view. */
static void
scroll_to (TpLinkPicker *self,
           guint         position)
{
  /* Before the list is on screen it starts at the top anyway, and has no size to
   * scroll with. */
  if (!gtk_widget_get_mapped (self->list_view))
    return;

  /* GTK 4.8 has no gtk_list_view_scroll_to(): the list's own action does the same. */
  gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", position);
}

static void
highlight (TpLinkPicker *self,
           guint         position)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    scroll_to (self, position);
}

/* The next selectable row after position (before it if step is -1), or
 * GTK_INVALID_LIST_POSITION. position may be GTK_INVALID_LIST_POSITION to start from the
 * first row (step 1) or the last one (step -1). */
static guint
find_selectable (TpLinkPicker *self,
                 guint         position,
                 int           step)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  gint64 p;

  if (position == GTK_INVALID_LIST_POSITION)
    p = step > 0 ? 0 : (gint64) n_items - 1;
  else
    p = (gint64) position + step;

  for (; p >= 0 && p < n_items; p += step)
    if (item_is_selectable (self, (guint) p))
      return (guint) p;

  return GTK_INVALID_LIST_POSITION;
}

static void
update_empty (TpLinkPicker *self)
{
  const char *message;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    {
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), PAGE_LIST);
      return;
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->items)) == 0)
    message = self->from_note ? _("No touchpoints yet") : _("No notes yet");
  else
    message = self->from_note ? _("No touchpoints match") : _("No notes match");

  gtk_label_set_label (GTK_LABEL (self->empty_label), message);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), PAGE_EMPTY);
}

/* Filters the list by what the entry says, unless it does so already. Called when the
 * entry reports a search and before every key the picker handles, so that Enter typed
 * right after a word picks from the list for that word, not for the one before (the
 * entry waits a moment before it reports). */
static void
apply_query (TpLinkPicker *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *folded = NULL;
  GtkFilterChange change;

  if (g_strcmp0 (query, self->query) == 0)
    return;

  g_free (self->query);
  self->query = g_strdup (query);

  folded = fold_text (query);
  if (g_strcmp0 (folded, self->folded_query) == 0)
    return;

  /* A query that only grows can only drop rows, one that only shrinks can only bring
   * them back (every word of the shorter query is within a word of the longer one), and
   * the filter list model then looks only at the rows that may change. */
  if (g_str_has_prefix (folded, self->folded_query))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (g_str_has_prefix (self->folded_query, folded))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_free (self->folded_query);
  self->folded_query = g_steal_pointer (&folded);
  g_strfreev (self->words);
  self->words = split_words (self->folded_query);

  gtk_filter_changed (GTK_FILTER (self->filter), change);

  update_empty (self);
  highlight (self, find_selectable (self, GTK_INVALID_LIST_POSITION, 1));
}

/* Picking */

static void
pick (TpLinkPicker *self,
      guint         position)
{
  g_autoptr(TpLinkPickerItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  g_autoptr(TpLinkPicker) alive = NULL;

  if (item == NULL || item->linked)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  /* A handler may well drop the popover (unparent it) or change the document. */
  alive = g_object_ref (self);
  g_signal_emit (self, signals[PICKED], 0, item->id);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_row_activated (TpLinkPicker *self,
                  guint         position)
{
  pick (self, position);
}

/* Up and Down move the highlight while the typing stays in the entry, and Enter picks:
 * the hands never leave the keys the search is typed with. */
static gboolean
on_key_pressed (TpLinkPicker          *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  guint selected;

  if ((state & gtk_accelerator_get_default_mod_mask () & ~GDK_SHIFT_MASK) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      apply_query (self);
      selected = find_selectable (self, gtk_single_selection_get_selected (self->selection),
                                  keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down ? 1 : -1);
      /* At either end the highlight stays where it is. */
      if (selected != GTK_INVALID_LIST_POSITION)
        highlight (self, selected);
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      apply_query (self);
      pick (self, gtk_single_selection_get_selected (self->selection));
      return TRUE;

    default:
      return FALSE;
    }
}

/* The search entry takes Escape for itself (to stop the search), so the popover would
 * never see it. */
static void
on_stop_search (TpLinkPicker *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

/* The list shows the document as it was: once it changes (an undo shortcut, say), rows
 * could name items that are gone or links made since, so the picker closes rather than
 * offer them. */
static void
on_document_changed (TpLinkPicker *self)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    gtk_popover_popdown (GTK_POPOVER (self));
}

/* Rows */

static void
on_setup_row (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              TpLinkPicker             *self)
{
  GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                 "orientation", GTK_ORIENTATION_HORIZONTAL,
                                 "spacing", 12,
                                 "margin-top", 3,
                                 "margin-bottom", 3,
                                 NULL);
  GtkWidget *labels = g_object_new (GTK_TYPE_BOX,
                                    "orientation", GTK_ORIENTATION_VERTICAL,
                                    "spacing", 2,
                                    "hexpand", TRUE,
                                    "valign", GTK_ALIGN_CENTER,
                                    NULL);
  GtkWidget *title = g_object_new (GTK_TYPE_LABEL,
                                   "xalign", 0.0f,
                                   "ellipsize", PANGO_ELLIPSIZE_END,
                                   "single-line-mode", TRUE,
                                   NULL);
  GtkWidget *subtitle = g_object_new (GTK_TYPE_LABEL,
                                      "xalign", 0.0f,
                                      "ellipsize", PANGO_ELLIPSIZE_END,
                                      "single-line-mode", TRUE,
                                      "css-classes", (const char *[]) { "caption", "dim-label", NULL },
                                      NULL);
  GtkWidget *linked = g_object_new (GTK_TYPE_LABEL,
                                    /* Translators: shown on an item of the link picker
                                     * that the note or touchpoint is linked to already. */
                                    "label", _("Linked"),
                                    "valign", GTK_ALIGN_CENTER,
                                    "css-classes", (const char *[]) { "caption", "dim-label", NULL },
                                    NULL);

  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (box), linked);

  g_object_set_data (G_OBJECT (box), "tp-title", title);
  g_object_set_data (G_OBJECT (box), "tp-subtitle", subtitle);
  g_object_set_data (G_OBJECT (box), "tp-linked", linked);

  gtk_list_item_set_child (list_item, box);
}

static void
on_bind_row (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             TpLinkPicker             *self)
{
  TpLinkPickerItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *subtitle = g_object_get_data (G_OBJECT (box), "tp-subtitle");

  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "tp-title"), item->title);
  gtk_label_set_label (GTK_LABEL (subtitle), item->subtitle);
  gtk_widget_set_visible (subtitle, item->subtitle[0] != '\0');
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "tp-linked"), item->linked);

  /* Linked items stay in view, so that the user sees why they are not offered, but can
   * be neither highlighted nor clicked. */
  gtk_widget_set_sensitive (box, !item->linked);
  gtk_list_item_set_selectable (list_item, !item->linked);
  gtk_list_item_set_activatable (list_item, !item->linked);
}

/* GObject */

static void
tp_link_picker_constructed (GObject *object)
{
  TpLinkPicker *self = (TpLinkPicker *) object;
  GtkListItemFactory *factory;
  GtkWidget *box;
  GtkWidget *heading;
  GtkWidget *scrolled;
  GtkEventController *keys;
  const char *title;

  G_OBJECT_CLASS (tp_link_picker_parent_class)->constructed (object);

  g_return_if_fail (TP_IS_DOCUMENT (self->document));

  self->from_note = tp_document_lookup_kind (self->document, self->source_id, TP_ITEM_NOTE) != NULL;
  if (!self->from_note &&
      tp_document_lookup_kind (self->document, self->source_id, TP_ITEM_TOUCHPOINT) == NULL)
    g_critical ("Link picker: “%s” is neither a note nor a touchpoint",
                self->source_id != NULL ? self->source_id : "(null)");

  title = self->from_note ? _("Link to a Touchpoint") : _("Link to a Note");

  box = g_object_new (GTK_TYPE_BOX,
                      "orientation", GTK_ORIENTATION_VERTICAL,
                      "spacing", 6,
                      "width-request", CONTENT_WIDTH,
                      NULL);

  heading = g_object_new (GTK_TYPE_LABEL,
                          "label", title,
                          "xalign", 0.0f,
                          "margin-start", 6,
                          "margin-end", 6,
                          "margin-top", 3,
                          "css-classes", (const char *[]) { "heading", NULL },
                          NULL);
  gtk_box_append (GTK_BOX (box), heading);

  self->search_entry = g_object_new (GTK_TYPE_SEARCH_ENTRY,
                                     "placeholder-text", self->from_note ? _("Search touchpoints…")
                                                                         : _("Search notes…"),
                                     "hexpand", TRUE,
                                     NULL);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (apply_query), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (on_stop_search), self);
  /* In the capture phase, ahead of the entry's own text, which would take Up and Down
   * to move its cursor and Enter to activate. Named for tests to find. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_name (keys, "tp-link-picker-keys");
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (self->search_entry, keys);
  gtk_box_append (GTK_BOX (box), self->search_entry);

  self->items = g_list_store_new (TP_TYPE_LINK_PICKER_ITEM);
  fill_items (self);

  self->words = g_new0 (char *, 1);
  self->query = g_strdup ("");
  self->folded_query = g_strdup ("");
  self->filter = gtk_custom_filter_new (item_matches, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  /* The picker chooses the highlighted row itself: the first that can be picked. */
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_bind_row), self);

  self->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (self->selection), factory);
  /* A click picks, as in a menu. */
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (self->list_view), TRUE);
  gtk_widget_add_css_class (self->list_view, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (on_row_activated), self);

  scrolled = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                           "hscrollbar-policy", GTK_POLICY_NEVER,
                           "propagate-natural-height", TRUE,
                           "max-content-height", LIST_MAX_HEIGHT,
                           "child", self->list_view,
                           NULL);

  self->empty_label = g_object_new (GTK_TYPE_LABEL,
                                    "wrap", TRUE,
                                    "justify", GTK_JUSTIFY_CENTER,
                                    "margin-top", 18,
                                    "margin-bottom", 18,
                                    "css-classes", (const char *[]) { "dim-label", NULL },
                                    NULL);

  /* Not homogeneous: the popover shrinks to the message rather than keep a tall empty
   * list. */
  self->stack = g_object_new (GTK_TYPE_STACK, "vhomogeneous", FALSE, NULL);
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, PAGE_LIST);
  gtk_stack_add_named (GTK_STACK (self->stack), self->empty_label, PAGE_EMPTY);
  gtk_box_append (GTK_BOX (box), self->stack);

  gtk_popover_set_child (GTK_POPOVER (self), box);

  update_empty (self);
  highlight (self, find_selectable (self, GTK_INVALID_LIST_POSITION, 1));

  self->changed_id = g_signal_connect_swapped (self->document, "changed",
                                               G_CALLBACK (on_document_changed), self);
}

static void
tp_link_picker_map (GtkWidget *widget)
{
  TpLinkPicker *self = (TpLinkPicker *) widget;
  guint selected;

  GTK_WIDGET_CLASS (tp_link_picker_parent_class)->map (widget);

  /* The user came here to type. */
  gtk_widget_grab_focus (self->search_entry);

  selected = gtk_single_selection_get_selected (self->selection);
  if (selected != GTK_INVALID_LIST_POSITION)
    scroll_to (self, selected);
}

static void
tp_link_picker_dispose (GObject *object)
{
  TpLinkPicker *self = (TpLinkPicker *) object;

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);

  G_OBJECT_CLASS (tp_link_picker_parent_class)->dispose (object);

  /* After the list (GtkPopover's child) is gone: its filter calls back into self. */
  g_clear_object (&self->filter);
  g_clear_object (&self->items);
  g_clear_object (&self->document);
}

static void
tp_link_picker_finalize (GObject *object)
{
  TpLinkPicker *self = (TpLinkPicker *) object;

  g_free (self->source_id);
  g_free (self->query);
  g_free (self->folded_query);
  g_strfreev (self->words);

  G_OBJECT_CLASS (tp_link_picker_parent_class)->finalize (object);
}

static void
tp_link_picker_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TpLinkPicker *self = TP_LINK_PICKER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SOURCE_ID:
      g_value_set_string (value, self->source_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_link_picker_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  TpLinkPicker *self = TP_LINK_PICKER (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_SOURCE_ID:
      self->source_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_link_picker_class_init (TpLinkPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tp_link_picker_constructed;
  object_class->dispose = tp_link_picker_dispose;
  object_class->finalize = tp_link_picker_finalize;
  object_class->get_property = tp_link_picker_get_property;
  object_class->set_property = tp_link_picker_set_property;

  widget_class->map = tp_link_picker_map;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TP_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The note or touchpoint the link starts from. */
  properties[PROP_SOURCE_ID] =
    g_param_spec_string ("source-id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TpLinkPicker::picked:
   * @self: the picker
   * @target_id: the touchpoint (for a note) or note (for a touchpoint) the user chose
   *
   * Emitted when the user picks an item that is not linked to the source yet, with Enter
   * or a click; the picker pops down right after. The picker does not make the link.
   */
  signals[PICKED] =
    g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
tp_link_picker_init (TpLinkPicker *self)
{
}

GtkWidget *
tp_link_picker_new (TpDocument *document,
                    const char *source_id)
{
  g_return_val_if_fail (TP_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (source_id != NULL, NULL);
  g_return_val_if_fail (tp_document_lookup_kind (document, source_id, TP_ITEM_NOTE) != NULL ||
                        tp_document_lookup_kind (document, source_id, TP_ITEM_TOUCHPOINT) != NULL,
                        NULL);

  return g_object_new (TP_TYPE_LINK_PICKER,
                       "document", document,
                       "source-id", source_id,
                       NULL);
}

TpDocument *
tp_link_picker_get_document (TpLinkPicker *self)
{
  g_return_val_if_fail (TP_IS_LINK_PICKER (self), NULL);

  return self->document;
}

const char *
tp_link_picker_get_source_id (TpLinkPicker *self)
{
  g_return_val_if_fail (TP_IS_LINK_PICKER (self), NULL);

  return self->source_id;
}
