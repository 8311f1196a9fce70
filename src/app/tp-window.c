/* tp-window.c: a window showing one document (its board, and the inspector beside
 * it), or the welcome page.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "io/tp-document-file.h"

#include "tp-application.h"
#include "tp-file-chooser.h"
#include "tp-resources.h"
#include "tp-window-private.h"

/* Loads shorter than this show an empty page rather than a spinner that flickers. */
#define SPINNER_DELAY_MS 300

/* Narrower than this, the board keeps the whole width and the inspector slides over it
 * when asked for: beside a 320 px panel, less than ~580 px of board is too little to
 * capture on. */
#define FOLD_WIDTH 900

G_DEFINE_FINAL_TYPE (TpWindow, tp_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_FILE,
  PROP_LOADING,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
_tp_window_dup_folder_name (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *relative = NULL;

  if (parent == NULL)
    return NULL;

  /* "~/Workshops" reads better than "/home/jana/Workshops", as in Nautilus. */
  if (g_file_equal (parent, home))
    return g_strdup ("~");

  if ((relative = g_file_get_relative_path (home, parent)) != NULL)
    return g_build_filename ("~", relative, NULL);

  return g_file_get_parse_name (parent);
}

char *
_tp_window_dup_file_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (basename == NULL)
    return g_file_get_parse_name (file);

  return g_filename_display_name (basename);
}

void
_tp_window_update_title (TpWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  g_assert (TP_IS_WINDOW (self));

  if (self->document != NULL)
    {
      g_autofree char *name = tp_document_dup_display_name (self->document);

      /* The bullet marks unsaved changes, as in GNOME Text Editor. */
      if (tp_document_get_modified (self->document))
        title = g_strdup_printf (C_("window title with unsaved changes", "• %s"), name);
      else
        title = g_steal_pointer (&name);

      if (self->file != NULL)
        subtitle = _tp_window_dup_folder_name (self->file);
      else
        subtitle = g_strdup (C_("document not saved to a file yet", "Draft"));
    }
  else if (self->loading && self->file != NULL)
    {
      title = _tp_window_dup_file_display_name (self->file);
      subtitle = g_strdup (_("Opening…"));
    }
  else
    {
      title = g_strdup (PACKAGE_NAME);
    }

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
show_page (TpWindow   *self,
           const char *name)
{
  gboolean is_document = g_str_equal (name, "document");

  /* Leaving the loading page is the only change worth animating: the rest happen
   * before the window is on screen, or replace a page the user already left. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "loading") == 0)
    gtk_stack_set_visible_child_name (self->stack, name);
  else
    gtk_stack_set_visible_child_full (self->stack, name, GTK_STACK_TRANSITION_TYPE_NONE);

  /* Undo, redo and save mean nothing without a document; hide rather than grey them
   * out so the welcome page stays calm. */
  gtk_widget_set_visible (self->history_box, is_document);
  gtk_widget_set_visible (self->save_button, is_document);
  gtk_widget_set_visible (self->view_switcher, is_document);
  gtk_widget_set_visible (self->inspector_button, is_document);
  gtk_widget_set_visible (self->legend_button, is_document);
  _tp_window_set_view (self, _tp_window_get_view (self));
}

const char *
_tp_window_get_view (TpWindow *self)
{
  const char *view;

  /* The property action asks before the template is there. */
  if (self->view_stack == NULL)
    return "board";
  view = gtk_stack_get_visible_child_name (self->view_stack);

  return view != NULL ? view : "board";
}

void
_tp_window_set_view (TpWindow   *self,
                     const char *view)
{
  gboolean is_document = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "document") == 0;
  gboolean board, changed;

  g_assert (TP_IS_WINDOW (self));
  g_return_if_fail (g_strcmp0 (view, "board") == 0 || g_strcmp0 (view, "analysis") == 0 ||
                    g_strcmp0 (view, "alignment") == 0);

  board = g_str_equal (view, "board");
  changed = g_strcmp0 (_tp_window_get_view (self), view) != 0;
  gtk_stack_set_visible_child_full (self->view_stack, view, GTK_STACK_TRANSITION_TYPE_NONE);

  /* The narrow switcher names the view it shows. */
  gtk_menu_button_set_label (self->view_menu_button,
                             board ? _("Board")
                             : g_str_equal (view, "analysis") ? _("Analysis") : _("Alignment"));

  /* Zoom is the board's; the report pages have none (the main menu's row). */
  gtk_widget_set_visible (self->zoom_controls, is_document && board);

  if (changed)
    {
      /* The analysis and the alignment are reports across the whole width: the
       * inspector (about the board's selection) makes way for them and comes back with
       * the board, as it was. */
      if (!board)
        {
          /* From one report to the other, it stays out of the way as it was. */
          if (adw_flap_get_reveal_flap (self->flap))
            self->inspector_made_way = TRUE;
          adw_flap_set_reveal_flap (self->flap, FALSE);
        }
      else if (self->inspector_made_way)
        {
          self->inspector_made_way = FALSE;
          adw_flap_set_reveal_flap (self->flap, TRUE);
        }

      /* The keyboard follows: the board captures, the analysis scrolls. */
      if (is_document)
        gtk_widget_grab_focus (board ? GTK_WIDGET (self->board)
                               : g_str_equal (view, "analysis") ? GTK_WIDGET (self->analysis_view)
                               : GTK_WIDGET (self->alignment_view));
      _tp_window_update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
    }
}

static void
on_document_changed (TpWindow     *self,
                     TpChangeKind  kind,
                     const char   *id,
                     TpDocument   *document)
{
  g_assert (TP_IS_WINDOW (self));

  /* The title shows the workshop's title only while there is no file name to show. */
  if (self->file == NULL && g_strcmp0 (id, TP_META_ID) == 0)
    _tp_window_update_title (self);

  /* Every change moves the history: the undo and redo labels follow. */
  _tp_window_update_actions (self);
}

static void
on_selection_changed (TpWindow    *self,
                      TpSelection *selection)
{
  /* Whether there is something to delete. */
  _tp_window_update_actions (self);
}

/* Ctrl+Shift+1 … 8 colour the selected notes wherever the keyboard is in the
 * inspector (a swatch, a list, a button), as on the board; but never while an entry or
 * text view there has it: keys typed into text are the text's. */
static gboolean
on_inspector_key_pressed (TpWindow        *self,
                          guint            keyval,
                          guint            keycode,
                          GdkModifierType  state)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus)))
    return FALSE;

  return tp_board_colour_key (self->board, keyval, keycode, state);
}

/* The inspector cannot reach the board: it asks here for an item to be shown (the other
 * end of a link) and for a link to be started from the selection. */
static void
on_inspector_reveal_item (TpWindow    *self,
                          const char  *id,
                          TpInspector *inspector)
{
  tp_board_reveal_item (self->board, id);
  tp_selection_set_one (self->selection, id);
}

/* A row or point of the analysis was clicked: its item, selected, on the board. */
static void
on_analysis_activate_item (TpWindow       *self,
                           const char     *id,
                           TpAnalysisView *view)
{
  _tp_window_set_view (self, "board");
  tp_selection_set_one (self->selection, id);
  tp_board_reveal_item (self->board, id);
}

/* A cell, label or gap of the alignment was clicked: a cell is about a link, and both
 * its ends are selected (the touchpoint last, so the inspector shows the moment the
 * note serves) and brought into view; anything else is shown as the analysis shows
 * its items. */
static void
on_alignment_activate_item (TpWindow       *self,
                            const char     *id,
                            TpAnalysisView *view)
{
  TpLink *link = self->document != NULL
                 ? tp_document_lookup_kind (self->document, id, TP_ITEM_LINK) : NULL;
  g_autofree char *note = NULL, *touchpoint = NULL;

  if (link == NULL)
    {
      on_analysis_activate_item (self, id, view);
      return;
    }

  /* Copies: switching views may run code that changes the document's arrays. */
  note = g_strdup (link->note);
  touchpoint = g_strdup (link->touchpoint);
  _tp_window_set_view (self, "board");
  tp_selection_set (self->selection, (const char *[]) { note, touchpoint, NULL });
  tp_board_reveal_item (self->board, note);
  tp_board_reveal_item (self->board, touchpoint);
}

static void
on_inspector_start_link (TpWindow    *self,
                         TpInspector *inspector)
{
  gtk_widget_activate_action (GTK_WIDGET (self->board), "board.start-link", NULL);
}

static void
on_document_history_changed (TpWindow   *self,
                             GParamSpec *pspec,
                             TpDocument *document)
{
  /* While a group of edits (a drag, a change to several notes) is open, the document
   * cannot undo, and its "changed" signals come before the group lands on the stack:
   * only this notification tells that undo is possible again. */
  _tp_window_update_actions (self);
}

static void
on_document_modified_changed (TpWindow   *self,
                              GParamSpec *pspec,
                              TpDocument *document)
{
  g_assert (TP_IS_WINDOW (self));

  _tp_window_update_title (self);
  _tp_window_update_actions (self);
}

/* Lets go of the window's document: the one place that does, whether a reload replaces
 * it (_tp_window_replace_document()) or the window goes away. */
static void
unbind_document (TpWindow *self)
{
  g_assert (TP_IS_WINDOW (self));

  if (self->document == NULL)
    return;

  _tp_window_recovery_detach (self);
  _tp_window_undo_toast_unbind (self);
  _tp_window_search_document_unbound (self);
  _tp_window_present_document_unbound (self);
  _tp_window_voting_document_changed (self);
  g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_signal_handler (&self->modified_id, self->document);
  g_clear_signal_handler (&self->can_undo_id, self->document);
  g_clear_signal_handler (&self->can_redo_id, self->document);

  tp_board_set_document (self->board, NULL);
  tp_inspector_set_document (self->inspector, NULL);
  tp_analysis_view_set_document (self->analysis_view, NULL);
  tp_analysis_view_set_document (self->alignment_view, NULL);

  g_clear_object (&self->document);
}

/* Binds a document to a window that has none (any more): the one place that does, for
 * a document opened, created, recovered or reloaded. Takes stamp. */
static void
bind_document (TpWindow    *self,
               TpDocument  *document,
               TpFileStamp *stamp)
{
  g_assert (TP_IS_WINDOW (self));
  g_assert (TP_IS_DOCUMENT (document));
  g_assert (self->document == NULL);

  self->document = g_object_ref (document);
  g_clear_pointer (&self->stamp, tp_file_stamp_free);
  self->stamp = stamp;

  if (g_set_object (&self->file, tp_document_get_file (document)))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);

  self->changed_id = g_signal_connect_object (document, "changed",
                                              G_CALLBACK (on_document_changed), self,
                                              G_CONNECT_SWAPPED);
  self->modified_id = g_signal_connect_object (document, "notify::modified",
                                               G_CALLBACK (on_document_modified_changed), self,
                                               G_CONNECT_SWAPPED);
  self->can_undo_id = g_signal_connect_object (document, "notify::can-undo",
                                               G_CALLBACK (on_document_history_changed), self,
                                               G_CONNECT_SWAPPED);
  self->can_redo_id = g_signal_connect_object (document, "notify::can-redo",
                                               G_CALLBACK (on_document_history_changed), self,
                                               G_CONNECT_SWAPPED);
  _tp_window_recovery_attach (self);
  _tp_window_undo_toast_bind (self);
  _tp_window_search_document_bound (self);

  tp_board_set_document (self->board, document);
  tp_inspector_set_document (self->inspector, document);
  tp_analysis_view_set_document (self->analysis_view, document);
  tp_analysis_view_set_document (self->alignment_view, document);

  /* Changes made to the file by other programs are noticed from now on. */
  _tp_window_watch_document_bound (self);

  _tp_window_update_title (self);
  _tp_window_update_actions (self);
  _tp_window_voting_document_changed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/* Shows a document in a window that had none; takes stamp. */
static void
set_document (TpWindow    *self,
              TpDocument  *document,
              TpFileStamp *stamp)
{
  bind_document (self, document, stamp);
  show_page (self, "document");

  /* The keyboard goes to the board, so that a workshop can be captured straight away
   * (digits pick a block, Enter starts a note). */
  gtk_widget_grab_focus (GTK_WIDGET (self->board));
}

void
_tp_window_replace_document (TpWindow    *self,
                             TpDocument  *document,
                             TpFileStamp *stamp)
{
  g_auto(GStrv) selected = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  double zoom, bx, by, wx, wy;
  GtkAdjustment *hadjustment, *vadjustment;

  g_assert (TP_IS_WINDOW (self));
  g_assert (TP_IS_DOCUMENT (document));
  g_assert (self->document != NULL);

  /* The view is the window's, not the document's: the zoom, the board point at the
   * view's top left corner, and the selection survive the swap. Which view shows, and
   * whether the inspector is open, the swap does not touch. */
  selected = g_strdupv ((char **) tp_selection_get_ids (self->selection));
  zoom = tp_board_get_zoom (self->board);
  tp_board_widget_to_board (self->board, 0, 0, &bx, &by);

  unbind_document (self);
  bind_document (self, document, stamp);

  /* A new document makes the board choose a first view at its next allocation: fitting
   * it now settles that, then the zoom and the scroll go back to what they were. */
  tp_board_zoom_to_fit (self->board);
  tp_board_set_zoom (self->board, zoom);
  tp_board_board_to_widget (self->board, bx, by, &wx, &wy);
  hadjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->board));
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->board));
  gtk_adjustment_set_value (hadjustment, gtk_adjustment_get_value (hadjustment) + wx);
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment) + wy);

  /* What is still there stays selected, in the same order (the last is the primary). */
  for (guint i = 0; selected != NULL && selected[i] != NULL; i++)
    if (tp_document_lookup (document, selected[i]) != NULL)
      g_ptr_array_add (kept, selected[i]);
  g_ptr_array_add (kept, NULL);
  tp_selection_set (self->selection, (const char * const *) kept->pdata);
}

void
_tp_window_set_file (TpWindow *self,
                     GFile    *file)
{
  g_assert (TP_IS_WINDOW (self));

  if (g_set_object (&self->file, file))
    {
      /* Saved As: the new file is the one to watch. */
      _tp_window_watch_file_changed (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }

  /* Saved: the stamp changed too (on_written() sets it first). */
  _tp_window_recovery_update_origin (self);
  _tp_window_update_title (self);
}

void
_tp_window_add_toast (TpWindow *self,
                      AdwToast *toast)
{
  g_assert (TP_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Loading */

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TpWindow) self = user_data;
  g_autoptr(TpDocument) document = NULL;
  g_autoptr(TpFileStamp) stamp = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  gboolean close = FALSE;

  document = tp_load_file_finish (result, &stamp, &error);

  /* Cancelled only when the window went away. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  file = g_steal_pointer (&self->file);
  self->loading = FALSE;
  g_clear_object (&self->load_cancellable);
  g_clear_handle_id (&self->spinner_timeout_id, g_source_remove);
  gtk_spinner_stop (self->loading_spinner);

  if (document == NULL)
    {
      /* The window keeps neither document nor file, so nothing can save over the
       * damaged one. */
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
      if (!(close = _tp_window_load_failed (self, file, error)))
        show_page (self, "error");
    }
  else
    {
      if (tp_document_get_file (document) == NULL)
        tp_document_set_file (document, file);
      set_document (self, document, g_steal_pointer (&stamp));
      _tp_window_add_recent (self, file);
    }

  _tp_window_update_title (self);
  _tp_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  _tp_window_run_close_queries (self);

  /* No empty window is left behind for a file that did not open. */
  if (close)
    gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
on_spinner_timeout (gpointer data)
{
  TpWindow *self = data;

  self->spinner_timeout_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->loading_spinner), TRUE);
  gtk_spinner_start (self->loading_spinner);

  return G_SOURCE_REMOVE;
}

/* Closing: the rest is in tp-window-close.c */

static gboolean
tp_window_close_request (GtkWindow *window)
{
  if (_tp_window_hold_close (TP_WINDOW (window)))
    return TRUE;

  return GTK_WINDOW_CLASS (tp_window_parent_class)->close_request (window);
}

/* Folding */

static gboolean
update_fold (gpointer data)
{
  TpWindow *self = data;
  AdwFlapFoldPolicy policy;

  self->fold_idle_id = 0;

  policy = gtk_widget_get_width (GTK_WIDGET (self)) < FOLD_WIDTH ? ADW_FLAP_FOLD_POLICY_ALWAYS
                                                                  : ADW_FLAP_FOLD_POLICY_NEVER;
  if (adw_flap_get_fold_policy (self->flap) != policy)
    adw_flap_set_fold_policy (self->flap, policy);

  return G_SOURCE_REMOVE;
}

static void
tp_window_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  TpWindow *self = TP_WINDOW (widget);
  gboolean folded = adw_flap_get_fold_policy (self->flap) == ADW_FLAP_FOLD_POLICY_ALWAYS;

  GTK_WIDGET_CLASS (tp_window_parent_class)->size_allocate (widget, width, height, baseline);

  /* libadwaita 1.2 has no breakpoints, and AdwFlap's own folding measures the board,
   * whose natural width is the whole board: the window decides from the width it
   * really has. Not during this allocation, which a new fold policy would upset, but
   * right after it. */
  if (folded != (width < FOLD_WIDTH) && self->fold_idle_id == 0)
    self->fold_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_fold, self, NULL);
}

/* GObject */

static void
tp_window_dispose (GObject *object)
{
  TpWindow *self = (TpWindow *) object;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_handle_id (&self->spinner_timeout_id, g_source_remove);
  g_clear_handle_id (&self->fold_idle_id, g_source_remove);
  g_clear_handle_id (&self->zoom_idle_id, g_source_remove);

  /* A destroyed window is as closed as it gets. */
  if (self->close_queries != NULL && self->close_queries->len > 0)
    _tp_window_resolve_close_queries (self, TRUE);

  _tp_window_watch_dispose (self);
  _tp_window_timer_dispose (self);
  unbind_document (self);
  g_clear_weak_pointer (&self->undo_toast);

  gtk_widget_dispose_template (GTK_WIDGET (self), TP_TYPE_WINDOW);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (tp_window_parent_class)->dispose (object);
}

static void
tp_window_finalize (GObject *object)
{
  TpWindow *self = (TpWindow *) object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->stamp, tp_file_stamp_free);
  g_free (self->recovery_id);
  g_clear_pointer (&self->recent_rows, g_ptr_array_unref);
  g_clear_pointer (&self->close_queries, g_ptr_array_unref);

  G_OBJECT_CLASS (tp_window_parent_class)->finalize (object);
}

static void
tp_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TpWindow *self = TP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_VIEW:
      g_value_set_string (value, _tp_window_get_view (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TpWindow *self = TP_WINDOW (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      _tp_window_set_view (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_window_class_init (TpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tp_window_dispose;
  object_class->finalize = tp_window_finalize;
  object_class->get_property = tp_window_get_property;
  object_class->set_property = tp_window_set_property;

  window_class->close_request = tp_window_close_request;
  widget_class->size_allocate = tp_window_size_allocate;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TP_TYPE_DOCUMENT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* "board", "analysis" or "alignment": which view of the document shows (win.view). */
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL,
                         "board",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Our resources live in a static library, whose members the linker keeps only when
   * something refers to them: naming the bundle here keeps it, and its constructor
   * registers it, in every program that has windows (the app and the UI tests). */
  g_assert (tp_get_resource () != NULL);

  g_type_ensure (TP_TYPE_BOARD);
  g_type_ensure (TP_TYPE_INSPECTOR);
  g_type_ensure (TP_TYPE_ANALYSIS_VIEW);
  g_type_ensure (TP_TYPE_LEGEND_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/tp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TpWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, history_box);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, inspector_button);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, legend_button);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, legend_view);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, legend_empty_label);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, view_menu_button);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, analysis_view);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, alignment_view);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, zoom_controls);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, zoom_menu_label);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, board);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, TpWindow, toast_overlay);

  _tp_window_class_actions_init (klass);
  _tp_window_class_watch_init (klass);
  _tp_window_class_recovery_init (klass);
  _tp_window_class_import_init (klass);
  _tp_window_class_search_init (klass);
  _tp_window_class_voting_init (klass);
  _tp_window_class_guide_init (klass);
  _tp_window_class_present_init (klass);
  _tp_window_class_timer_init (klass);
}

/* Files dropped on the window open as if chosen with Open: in this window while it shows
 * the welcome page, in windows of their own otherwise (one window per file). */
static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         TpWindow      *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;

  for (GSList *l = files; l != NULL; l = l->next)
    {
      if (TP_IS_APPLICATION (application))
        tp_application_open_file (TP_APPLICATION (application), l->data);
      else if (tp_window_is_reusable (self))
        tp_window_open_file (self, l->data);
    }
  return TRUE;
}

static void
tp_window_init (TpWindow *self)
{
  GtkDropTarget *drop;
  GtkEventController *keys;

  self->recent_rows = g_ptr_array_new ();
  self->close_queries = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
  _tp_window_actions_init (self);
  /* Showing only what the selection is linked to, from the main menu (the board's own
   * board.focus-links is out of a header menu's reach). */
  {
    g_autoptr(GPropertyAction) focus_links = g_property_action_new ("focus-links", self->board,
                                                                    "focus-links");

    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (focus_links));
  }
  _tp_window_recovery_init (self);
  _tp_window_search_init (self);
  _tp_window_timer_init (self);
  _tp_window_voting_init (self);

  /* One selection for the window: what the board selects is what the inspector edits. */
  self->selection = tp_selection_new ();
  tp_board_set_selection (self->board, self->selection);
  tp_inspector_set_selection (self->inspector, self->selection);
  g_signal_connect_object (self->selection, "changed",
                           G_CALLBACK (on_selection_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->inspector, "reveal-item",
                           G_CALLBACK (on_inspector_reveal_item), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->inspector, "start-link",
                           G_CALLBACK (on_inspector_start_link), self,
                           G_CONNECT_SWAPPED);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_inspector_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->inspector), keys);
  g_signal_connect_object (self->analysis_view, "activate-item",
                           G_CALLBACK (on_analysis_activate_item), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->alignment_view, "activate-item",
                           G_CALLBACK (on_alignment_activate_item), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->board, "notify::zoom",
                           G_CALLBACK (_tp_window_queue_update_zoom), self,
                           G_CONNECT_SWAPPED);
  _tp_window_update_zoom (self);

  _tp_window_recent_init (self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  show_page (self, "welcome");
  _tp_window_update_title (self);
  _tp_window_update_actions (self);
}

/* Public API */

TpWindow *
tp_window_new (GtkApplication *application)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (TP_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

void
tp_window_open_file (TpWindow *self,
                     GFile    *file)
{
  g_return_if_fail (TP_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (self->document == NULL);
  g_return_if_fail (!self->loading);

  self->loading = TRUE;
  self->opened_unseen = !gtk_widget_get_mapped (GTK_WIDGET (self));
  g_set_object (&self->file, file);
  g_set_object (&self->load_cancellable, g_cancellable_new ());
  g_object_unref (self->load_cancellable);

  tp_load_file_async (file, self->load_cancellable, on_loaded, g_object_ref (self));

  show_page (self, "loading");
  self->spinner_timeout_id = g_timeout_add (SPINNER_DELAY_MS, on_spinner_timeout, self);

  _tp_window_update_title (self);
  _tp_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

void
tp_window_new_workshop (TpWindow *self)
{
  g_autoptr(TpDocument) document = tp_document_new_default ();

  tp_window_new_workshop_from (self, document);
}

void
tp_window_new_workshop_from (TpWindow   *self,
                             TpDocument *document)
{
  g_return_if_fail (TP_IS_WINDOW (self));
  g_return_if_fail (TP_IS_DOCUMENT (document));
  g_return_if_fail (tp_document_get_file (document) == NULL);
  g_return_if_fail (self->document == NULL);
  g_return_if_fail (!self->loading);

  set_document (self, document, NULL);

  /* Naming the workshop is the first thing to do: the title row, which the inspector
   * shows while nothing is selected, takes the keyboard. */
  gtk_widget_child_focus (GTK_WIDGET (self->inspector), GTK_DIR_TAB_FORWARD);
  _tp_window_offer_guide (self);
}

void
tp_window_open_recovered (TpWindow             *self,
                          TpDocument           *document,
                          const TpSnapshotInfo *info)
{
  g_return_if_fail (TP_IS_WINDOW (self));
  g_return_if_fail (TP_IS_DOCUMENT (document));
  g_return_if_fail (info != NULL);
  g_return_if_fail (self->document == NULL);
  g_return_if_fail (!self->loading);

  /* The snapshot goes on being this document's: a second crash before saving finds it
   * again, and no copy is left behind. */
  g_free (self->recovery_id);
  self->recovery_id = g_strdup (info->id);

  /* Bound to its file only when that file is as the snapshot knew it: then a save may
   * replace it without asking. */
  set_document (self, document,
                tp_document_get_file (document) != NULL ? tp_file_stamp_copy (info->stamp) : NULL);
  if (self->file != NULL)
    {
      _tp_window_add_recent (self, self->file);
    }
  else if (info->file != NULL)
    {
      g_autofree char *name = _tp_window_dup_file_display_name (info->file);
      g_autofree char *title = NULL;
      AdwToast *toast;

      /* Translators: %s is a file name */
      title = g_strdup_printf (_("“%s” changed since: save the recovered workshop under a new name"), name);
      toast = adw_toast_new (title);
      adw_toast_set_timeout (toast, 0);
      _tp_window_add_toast (self, toast);
    }
}

TpDocument *
tp_window_get_document (TpWindow *self)
{
  g_return_val_if_fail (TP_IS_WINDOW (self), NULL);

  return self->document;
}

GFile *
tp_window_get_file (TpWindow *self)
{
  g_return_val_if_fail (TP_IS_WINDOW (self), NULL);

  return self->file;
}

gboolean
tp_window_get_loading (TpWindow *self)
{
  g_return_val_if_fail (TP_IS_WINDOW (self), FALSE);

  return self->loading;
}

gboolean
tp_window_is_reusable (TpWindow *self)
{
  g_return_val_if_fail (TP_IS_WINDOW (self), FALSE);

  return self->document == NULL && !self->loading && !self->saving;
}
