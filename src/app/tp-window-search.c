/* tp-window-search.c: finding words in the workshop (Ctrl+F), and zooming to the
 * selection.
 *
 * The search bar slides in under the header bar. Every text of the workshop is searched
 * (analysis/tp-find.h); the board highlights every match and rings the current one, which
 * is selected (so the inspector shows it, with the text that matched) and brought into
 * view, switching to the board and, when the board is zoomed out too far to read, to the
 * match's region. Enter and Ctrl+G go to the next match, Shift+Enter and Ctrl+Shift+G to
 * the previous one; Escape ends the search and gives the keyboard back to the board. The
 * keyboard stays in the entry meanwhile, so that typing refines the search.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "analysis/tp-find.h"

#include "tp-window-private.h"

/* Below this zoom a note's text is too small to read: a match is shown at its region's
 * legible zoom instead. */
#define READABLE_ZOOM 0.5

static void
update_count (TpWindow *self)
{
  g_autofree char *text = NULL;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->search_matches == NULL || *query == '\0')
    text = g_strdup ("");
  else if (self->search_matches->len == 0)
    text = g_strdup (_("No matches"));
  else
    /* Translators: the first number is the current match, the second how many there are */
    text = g_strdup_printf (_("%u of %u"), self->search_current + 1, self->search_matches->len);

  gtk_label_set_text (self->search_count, text);
  gtk_widget_set_sensitive (self->search_previous, self->search_matches != NULL &&
                            self->search_matches->len > 1);
  gtk_widget_set_sensitive (self->search_next, self->search_matches != NULL &&
                            self->search_matches->len > 1);
  if (self->search_matches != NULL && self->search_matches->len == 0 && *query != '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
}

static void
show_current (TpWindow *self)
{
  const char *id;
  TpItem *item;

  if (self->search_matches == NULL || self->search_matches->len == 0 || self->document == NULL)
    {
      tp_board_set_matches (self->board, NULL, NULL);
      update_count (self);
      return;
    }

  id = g_ptr_array_index (self->search_matches, self->search_current);
  g_ptr_array_add (self->search_matches, NULL);
  tp_board_set_matches (self->board, (const char * const *) self->search_matches->pdata, id);
  g_ptr_array_remove_index (self->search_matches, self->search_matches->len - 1);

  /* Every match is on the board or about it (a persona): the board is where it shows. */
  if (g_strcmp0 (_tp_window_get_view (self), "board") != 0)
    {
      _tp_window_set_view (self, "board");
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
    }

  tp_selection_set_one (self->selection, id);

  item = tp_document_lookup (self->document, id);
  if (item != NULL && tp_board_get_zoom (self->board) < READABLE_ZOOM)
    {
      TpRegion region = TP_REGION_JOURNEY;

      if (item->kind == TP_ITEM_NOTE)
        region = TP_CONTAINER_IS_CANVAS (((TpNote *) item)->container) ? TP_REGION_CANVAS
                                                                         : TP_REGION_VALUE_CHAIN;
      if (item->kind != TP_ITEM_PERSONA)
        tp_board_zoom_to_region (self->board, region);
    }
  tp_board_reveal_item (self->board, id);
  update_count (self);
}

/* The view changed size (the bar slid in, the inspector opened): the current match is
 * brought back into view, once things settled. */
static gboolean
reveal_again (gpointer data)
{
  TpWindow *self = data;

  self->search_reveal_id = 0;
  if (self->search_matches != NULL && self->search_current < self->search_matches->len)
    tp_board_reveal_item (self->board, g_ptr_array_index (self->search_matches, self->search_current));
  return G_SOURCE_REMOVE;
}

static void
on_view_resized (TpWindow *self)
{
  if (self->search_matches != NULL && self->search_matches->len > 0 && self->search_reveal_id == 0)
    self->search_reveal_id = g_idle_add (reveal_again, self);
}

static void
run_search (TpWindow *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->search_matches, g_ptr_array_unref);
  self->search_current = 0;
  if (self->document != NULL && *query != '\0')
    self->search_matches = tp_find_items (self->document, query);
  show_current (self);
}

/* The document changed while the search is open: the matches are found again, so that
 * what was edited to match is highlighted and what no longer matches is not, and the
 * count is right. The current match stays current while it still matches; nothing is
 * selected or scrolled, since the user is working somewhere. Once per burst of changes
 * (a paste or an undo changes many items). */
static gboolean
refresh_matches (gpointer data)
{
  TpWindow *self = data;
  g_autofree char *current = NULL;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint index;

  self->search_refresh_id = 0;
  if (self->search_matches == NULL || self->document == NULL || *query == '\0')
    return G_SOURCE_REMOVE;

  if (self->search_current < self->search_matches->len)
    current = g_strdup (g_ptr_array_index (self->search_matches, self->search_current));
  g_clear_pointer (&self->search_matches, g_ptr_array_unref);
  self->search_matches = tp_find_items (self->document, query);

  if (current != NULL && g_ptr_array_find_with_equal_func (self->search_matches, current,
                                                           g_str_equal, &index))
    self->search_current = index;
  else
    self->search_current = MIN (self->search_current,
                                MAX (self->search_matches->len, 1) - 1);

  if (self->search_matches->len == 0)
    tp_board_set_matches (self->board, NULL, NULL);
  else
    {
      g_ptr_array_add (self->search_matches, NULL);
      tp_board_set_matches (self->board, (const char * const *) self->search_matches->pdata,
                            g_ptr_array_index (self->search_matches, self->search_current));
      g_ptr_array_remove_index (self->search_matches, self->search_matches->len - 1);
    }
  update_count (self);
  return G_SOURCE_REMOVE;
}

static void
on_document_changed (TpWindow *self)
{
  if (self->search_matches != NULL && self->search_refresh_id == 0)
    /* Before the next frame is laid out, so the board draws the new highlights. */
    self->search_refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_matches, self, NULL);
}

static void
step (TpWindow *self,
      int       direction)
{
  guint n;

  if (self->search_matches == NULL)
    run_search (self);
  if (self->search_matches == NULL || (n = self->search_matches->len) == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  self->search_current = (self->search_current + n + direction) % n;
  show_current (self);
}

static void
end_search (TpWindow *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
on_search_mode (TpWindow *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    return;

  /* Ended: the highlights go, what the search selected stays selected, and the keyboard
   * goes back to the board to work on it. */
  g_clear_pointer (&self->search_matches, g_ptr_array_unref);
  g_clear_handle_id (&self->search_refresh_id, g_source_remove);
  tp_board_set_matches (self->board, NULL, NULL);
  update_count (self);
  if (self->document != NULL && g_strcmp0 (_tp_window_get_view (self), "board") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->board));
}

static gboolean
on_entry_key_pressed (TpWindow        *self,
                      guint            keyval,
                      guint            keycode,
                      GdkModifierType  state)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (state & GDK_SHIFT_MASK))
    {
      step (self, -1);
      return TRUE;
    }
  return FALSE;
}

static void
on_next_match (TpWindow *self)
{
  step (self, 1);
}

static void
on_previous_match (TpWindow *self)
{
  step (self, -1);
}

static void
on_entry_activate (TpWindow *self)
{
  /* Enter right after typing shows the first match, which is already current. */
  if (self->search_matches == NULL)
    run_search (self);
  else
    step (self, 1);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TpWindow *self = TP_WINDOW (widget);

  if (self->document == NULL)
    return;

  if (g_str_equal (action_name, "win.find"))
    {
      /* A note being edited keeps its words. */
      _tp_window_commit_pending_edit (self);
      gtk_search_bar_set_search_mode (self->search_bar, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
    }
  else if (g_str_equal (action_name, "win.find-next"))
    step (self, 1);
  else if (g_str_equal (action_name, "win.find-previous"))
    step (self, -1);
  else if (g_str_equal (action_name, "win.zoom-selection"))
    {
      _tp_window_set_view (self, "board");
      if (!tp_board_zoom_to_selection (self->board))
        gtk_widget_error_bell (widget);
    }
}

void
_tp_window_class_search_init (TpWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.find", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.find-next", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.find-previous", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-selection", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK,
                                       "win.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_9, GDK_CONTROL_MASK,
                                       "win.zoom-selection", NULL);
}

static GtkWidget *
nav_button (const char *icon,
            const char *action,
            const char *tooltip)
{
  return g_object_new (GTK_TYPE_BUTTON,
                       "icon-name", icon,
                       "action-name", action,
                       "tooltip-text", tooltip,
                       "css-classes", (const char * const[]) { "flat", NULL },
                       NULL);
}

/* The bar is built here rather than in the window's template, so that the search is one
 * file: it goes under the header bar, above the banner. */
void
_tp_window_search_init (TpWindow *self)
{
  GtkWidget *box = adw_toast_overlay_get_child (self->toast_overlay);
  GtkWidget *header = gtk_widget_get_first_child (box);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *find_button;
  GtkEventController *keys;

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry,
                "placeholder-text", _("Find in the workshop"),
                "width-chars", 32,
                NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Find in the workshop"), -1);
  self->search_count = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_width_chars (self->search_count, 10);
  gtk_widget_add_css_class (GTK_WIDGET (self->search_count), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->search_count), "numeric");
  self->search_previous = nav_button ("go-up-symbolic", "win.find-previous",
                                      _("Previous Match (Shift+Enter)"));
  self->search_next = nav_button ("go-down-symbolic", "win.find-next", _("Next Match (Enter)"));

  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->search_entry));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->search_count));
  gtk_box_append (GTK_BOX (content), self->search_previous);
  gtk_box_append (GTK_BOX (content), self->search_next);

  self->search_bar = GTK_SEARCH_BAR (gtk_search_bar_new ());
  gtk_search_bar_set_child (self->search_bar, content);
  gtk_search_bar_set_show_close_button (self->search_bar, TRUE);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_box_insert_child_after (GTK_BOX (box), GTK_WIDGET (self->search_bar), header);

  /* The header bar's search button, as in GNOME's apps: it shows the search is there,
   * and says its key. It shows while a document does, as the inspector's button. */
  find_button = g_object_new (GTK_TYPE_TOGGLE_BUTTON,
                              "icon-name", "edit-find-symbolic",
                              "tooltip-text", _("Find in the Workshop (Ctrl+F)"),
                              NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (find_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Find"), -1);
  g_object_bind_property (self->search_bar, "search-mode-enabled", find_button, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self->inspector_button, "visible", find_button, "visible",
                          G_BINDING_SYNC_CREATE);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), find_button);

  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (run_search), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate",
                           G_CALLBACK (on_entry_activate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "next-match",
                           G_CALLBACK (on_next_match), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "previous-match",
                           G_CALLBACK (on_previous_match), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "stop-search",
                           G_CALLBACK (end_search), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (on_search_mode), self, G_CONNECT_SWAPPED);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
  g_signal_connect_object (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->board)), "changed",
                           G_CALLBACK (on_view_resized), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->board)), "changed",
                           G_CALLBACK (on_view_resized), self, G_CONNECT_SWAPPED);
  update_count (self);
}

void
_tp_window_search_document_bound (TpWindow *self)
{
  g_assert (self->document != NULL);

  self->search_changed_id = g_signal_connect_object (self->document, "changed",
                                                     G_CALLBACK (on_document_changed), self,
                                                     G_CONNECT_SWAPPED);
}

void
_tp_window_search_document_unbound (TpWindow *self)
{
  if (self->document != NULL)
    g_clear_signal_handler (&self->search_changed_id, self->document);
  g_clear_handle_id (&self->search_refresh_id, g_source_remove);
  if (self->search_bar != NULL)
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  g_clear_pointer (&self->search_matches, g_ptr_array_unref);
  g_clear_handle_id (&self->search_reveal_id, g_source_remove);
}
