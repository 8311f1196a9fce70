/* tp-board-edit.c: editing a note in place, rapid capture, and the Edit menu's commands.
 *
 * A GtkTextView, a child of the board, lies over the note's text box, in the note's own
 * font at the current zoom, wrapping at the same width as the board, with no background
 * of its own: the board paints the note's colour behind it. Enter or leaving the editor
 * commits the text as one "Edit Note" step; Escape leaves the note as it was; Shift+Enter
 * is a line break.
 *
 * Rapid capture (Enter on a focused block, a double click in a block) edits a new, empty
 * note, so the block makes room for it as it will look. Committing it replaces that
 * placeholder by the note with its text, so adding a note stays one "Add Note" step, and
 * at once starts the next note after it; Escape ends the capture, and an empty note is
 * dropped as if it had never been.
 *
 * The Edit menu's commands on the selected notes (delete, duplicate, cut, copy, paste)
 * live here too: each is one undo step, and each leaves a selection and a keyboard
 * focus that let the user go on.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tp-board-private.h"
#include "tp-clipboard.h"

gboolean
_tp_board_is_editing (TpBoard *self)
{
  return self->edit_id != NULL;
}

static char *
dup_editor_text (TpBoard *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_editor_text (TpBoard    *self,
                 const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  GtkTextIter end;

  /* The note's text is where undo in the editor stops. */
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
}

/* The editor's font follows the note's at the current zoom. Only outside size
 * allocation: loading style there would ask for another one. */
static void
sync_editor_style (TpBoard *self)
{
  const TpTheme *theme = tp_layout_get_theme (self->layout);
  const TpColour *ink = &theme->note_text;
  g_autofree char *css = NULL;
  double scale = 1, size, line;
  TpNoteInfo info;

  if (self->editor == NULL || self->edit_id == NULL)
    return;

  _tp_board_ensure_layout (self);
  if (tp_layout_get_note (self->layout, self->edit_id, &info) && info.visible)
    scale = info.scale;
  size = theme->fonts[TP_FONT_NOTE].size * scale * self->zoom;
  line = tp_theme_get_line_height (theme, TP_FONT_NOTE) * scale * self->zoom;

  css = g_strdup_printf ("textview.tp-note-editor, textview.tp-note-editor > text {"
                         "  background: none; color: rgb(%d,%d,%d); caret-color: rgb(%d,%d,%d);"
                         "  font-family: %s; font-size: %.3fpx; font-weight: %d;"
                         "  line-height: %.3fpx; padding: 0; margin: 0; border: none;"
                         "  box-shadow: none; outline: none; }"
                         "textview.tp-note-editor > text > selection {"
                         "  background-color: rgba(53,132,228,0.35); color: inherit; }",
                         (int) round (ink->red * 255), (int) round (ink->green * 255),
                         (int) round (ink->blue * 255), (int) round (ink->red * 255),
                         (int) round (ink->green * 255), (int) round (ink->blue * 255),
                         theme->font_family, size, (int) theme->fonts[TP_FONT_NOTE].weight, line);

  if (g_strcmp0 (css, self->editor_css_text) == 0)
    return;

  gtk_css_provider_load_from_data (self->editor_css, css, -1);
  g_free (self->editor_css_text);
  self->editor_css_text = g_steal_pointer (&css);
}

gboolean
_tp_board_get_edit_rect (TpBoard *self,
                         TpRect  *note,
                         TpRect  *cover)
{
  TpNoteInfo info;
  double height, bottom, needed;

  if (self->edit_id == NULL || !tp_layout_get_note (self->layout, self->edit_id, &info) ||
      !info.visible)
    return FALSE;

  /* The text typed so far, in board units, and what the note needs around it. */
  height = gtk_widget_get_height (self->editor) / self->zoom;
  bottom = info.rect.y + info.rect.height - (info.text.y + info.text.height);
  needed = (info.text.y - info.rect.y) + height + bottom;

  *note = info.rect;
  *cover = info.text;
  if (needed > info.rect.height)
    {
      note->height = needed;
      *cover = *note;
    }

  return TRUE;
}

void
_tp_board_allocate_editor (TpBoard *self)
{
  GtkAllocation allocation;
  graphene_rect_t rect;
  TpNoteInfo info;
  int minimum, natural;

  if (self->editor == NULL || !gtk_widget_get_visible (self->editor))
    return;

  if (self->edit_id == NULL || !tp_layout_get_note (self->layout, self->edit_id, &info) ||
      !info.visible)
    {
      gtk_widget_size_allocate (self->editor, &(GtkAllocation) { -1000, -1000, 1, 1 }, -1);
      return;
    }

  _tp_board_rect_to_widget (self, &info.text, &rect);
  /* Rounding up: a box a hair narrower than the board's would wrap a line earlier. */
  allocation.x = (int) round (rect.origin.x);
  allocation.y = (int) round (rect.origin.y);
  allocation.width = MAX (1, (int) ceil (rect.size.width));
  gtk_widget_measure (self->editor, GTK_ORIENTATION_VERTICAL, allocation.width,
                      &minimum, &natural, NULL, NULL);
  allocation.height = MAX (natural, (int) ceil (rect.size.height));
  gtk_widget_size_allocate (self->editor, &allocation, -1);
}

/* Committing */

/* Gives the capture's placeholder its text: one "Add Note" step. Returns the id of the
 * note that now holds the text, or NULL when it was empty and dropped. */
static char *
finish_captured_note (TpBoard    *self,
                      const char *id,
                      const char *text)
{
  TpDocument *document = self->document;
  TpNote *note = tp_document_lookup_kind (document, id, TP_ITEM_NOTE);
  gboolean untouched = tp_document_get_state (document) == self->capture_state &&
                       tp_document_can_undo (document);
  guint index = 0;
  TpContainer container;

  if (note == NULL)
    return NULL;
  container = note->container;
  tp_document_get_index (document, id, &index);

  if (*text == '\0')
    {
      /* Nothing typed: the placeholder never was (not even for redo), unless something
       * was done since and it has to be deleted like any note. */
      if (untouched)
        tp_document_undo_discard (document);
      else
        tp_document_delete (document, (const char * const[]) { id, NULL }, 1);
      return NULL;
    }

  if (untouched)
    {
      tp_document_undo_discard (document);
      return g_strdup (tp_document_add_note (document, container, index, text));
    }

  /* The placeholder became a step of its own (the inspector recoloured it, say): the
   * text is an edit on top. */
  {
    TpNote *copy = (TpNote *) tp_document_edit_begin (document, id);

    g_free (copy->text);
    copy->text = g_strdup (text);
    tp_document_edit_commit (document, (TpItem *) copy, _("Edit Note"), FALSE);
  }

  return g_strdup (id);
}

static char *
dup_stripped_text (TpBoard *self)
{
  char *text = dup_editor_text (self);

  return g_strstrip (text);
}

static void
hide_editor (TpBoard *self)
{
  /* The board takes the keyboard back before the editor goes, so the focus never falls
   * out of the board (and the editor's focus-out does not commit a second time). */
  if (!self->editor_leaving && gtk_widget_has_focus (self->editor))
    gtk_widget_grab_focus (GTK_WIDGET (self));
  gtk_widget_set_visible (self->editor, FALSE);
}

void
_tp_board_end_edit (TpBoard  *self,
                    gboolean  commit)
{
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GPtrArray) captured = NULL;
  gboolean capturing;

  if (!_tp_board_is_editing (self) || self->ending_edit)
    return;

  self->ending_edit = TRUE;
  text = dup_stripped_text (self);
  id = g_steal_pointer (&self->edit_id);
  capturing = self->capturing;
  self->capturing = FALSE;
  captured = g_steal_pointer (&self->captured);
  hide_editor (self);

  if (self->document != NULL && capturing)
    {
      /* Ending a capture without committing still drops an empty note. */
      kept = finish_captured_note (self, id, commit ? text : "");
    }
  else if (self->document != NULL && commit)
    {
      TpNote *copy = (TpNote *) tp_document_edit_begin (self->document, id);

      if (copy != NULL)
        {
          g_free (copy->text);
          copy->text = g_steal_pointer (&text);
          tp_document_edit_commit (self->document, (TpItem *) copy, _("Edit Note"), FALSE);
        }
      kept = g_strdup (id);
    }
  else
    {
      kept = g_strdup (id);
    }

  self->ending_edit = FALSE;

  if (capturing)
    {
      /* The keyboard stays on the block, ready for the next capture; what was captured
       * is selected, to recolour or move together. */
      if (captured == NULL)
        captured = g_ptr_array_new_with_free_func (g_free);
      if (kept != NULL)
        g_ptr_array_add (captured, g_steal_pointer (&kept));
      g_ptr_array_add (captured, NULL);
      tp_selection_set (self->selection, (const char * const *) captured->pdata);
      _tp_board_focus_block (self, self->capture_container);
    }
  else if (kept != NULL && self->document != NULL &&
           tp_document_lookup_kind (self->document, kept, TP_ITEM_NOTE) != NULL)
    {
      tp_selection_set_one (self->selection, kept);
      _tp_board_focus_note (self, kept);
    }

  _tp_board_update_actions (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Starting */

static void
show_editor (TpBoard    *self,
             const char *id)
{
  tp_selection_set_one (self->selection, id);
  _tp_board_focus_note (self, id);
  tp_board_reveal_item (self, id);
  sync_editor_style (self);

  gtk_widget_set_visible (self->editor, TRUE);
  gtk_widget_grab_focus (self->editor);
  _tp_board_update_actions (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_tp_board_start_edit (TpBoard    *self,
                      const char *id)
{
  g_autofree char *copy = g_strdup (id);
  TpNote *note;

  if (self->document == NULL || id == NULL)
    return;

  _tp_board_end_edit (self, TRUE);
  note = tp_document_lookup_kind (self->document, copy, TP_ITEM_NOTE);
  if (note == NULL)
    return;

  _tp_board_show_note (self, copy);
  self->edit_id = g_strdup (copy);
  self->capturing = FALSE;
  set_editor_text (self, note->text);
  show_editor (self, copy);
}

/* Adds the placeholder the next captured note is typed into. */
static gboolean
add_placeholder (TpBoard     *self,
                 TpContainer  container,
                 guint        index)
{
  const char *id = tp_document_add_note (self->document, container, index, "");

  if (id == NULL)
    return FALSE;

  self->capture_state = tp_document_get_state (self->document);
  g_free (self->edit_id);
  self->edit_id = g_strdup (id);
  _tp_board_show_note (self, id);

  return TRUE;
}

void
_tp_board_start_capture (TpBoard     *self,
                         TpContainer  container,
                         guint        index)
{
  g_autofree char *id = NULL;

  if (self->document == NULL || container >= TP_N_CONTAINERS)
    return;

  _tp_board_end_edit (self, TRUE);
  if (!add_placeholder (self, container, index))
    return;

  self->capturing = TRUE;
  self->capture_container = container;
  self->captured = g_ptr_array_new_with_free_func (g_free);
  id = g_strdup (self->edit_id);
  set_editor_text (self, "");
  show_editor (self, id);
}

void
_tp_board_editor_activate (TpBoard *self)
{
  g_autofree char *text = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *id = NULL;
  guint index = 0;

  if (!_tp_board_is_editing (self))
    return;

  text = dup_stripped_text (self);

  /* Enter on an empty captured note ends the capture, like Escape. */
  if (!self->capturing || *text == '\0')
    {
      _tp_board_end_edit (self, TRUE);
      return;
    }

  /* Commit this note and go straight on with the next one after it, in the same block,
   * without the editor ever losing the keyboard. */
  self->ending_edit = TRUE;
  kept = finish_captured_note (self, self->edit_id, text);
  g_clear_pointer (&self->edit_id, g_free);
  if (kept != NULL && tp_document_get_index (self->document, kept, &index))
    index++;
  else
    index = tp_document_get_notes (self->document, self->capture_container)->len;
  if (kept != NULL)
    g_ptr_array_add (self->captured, g_steal_pointer (&kept));
  if (!add_placeholder (self, self->capture_container, index))
    {
      self->ending_edit = FALSE;
      self->capturing = FALSE;
      hide_editor (self);
      return;
    }
  self->ending_edit = FALSE;

  id = g_strdup (self->edit_id);
  set_editor_text (self, "");
  tp_selection_set_one (self->selection, id);
  _tp_board_focus_note (self, id);
  tp_board_reveal_item (self, id);
  sync_editor_style (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Labels */

const char *
_tp_board_step_label (TpBoardStep step,
                      guint       n_notes)
{
  /* In one place, so that every label of the board's steps is found by xgettext. */
  switch (step)
    {
    case TP_BOARD_STEP_MOVE:
      return ngettext ("Move Note", "Move Notes", n_notes);
    case TP_BOARD_STEP_DUPLICATE:
      return ngettext ("Duplicate Note", "Duplicate Notes", n_notes);
    case TP_BOARD_STEP_CUT:
      return ngettext ("Cut Note", "Cut Notes", n_notes);
    case TP_BOARD_STEP_PASTE:
    default:
      return ngettext ("Paste Note", "Paste Notes", n_notes);
    }
}

/* The Edit menu: delete, duplicate, cut, copy and paste */

GPtrArray *
_tp_board_dup_targets (TpBoard *self)
{
  GPtrArray *ids = _tp_board_dup_selected_notes (self);

  if (ids->len == 0 && self->focus == TP_BOARD_FOCUS_NOTE && self->document != NULL &&
      tp_document_lookup_kind (self->document, self->focus_note, TP_ITEM_NOTE) != NULL)
    g_ptr_array_add (ids, g_strdup (self->focus_note));

  return ids;
}

void
_tp_board_select_all (TpBoard *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  if (self->document == NULL)
    return;

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      GPtrArray *notes = tp_document_get_notes (self->document, c);

      for (guint i = 0; i < notes->len; i++)
        g_ptr_array_add (ids, ((TpItem *) g_ptr_array_index (notes, i))->id);
    }
  g_ptr_array_add (ids, NULL);

  tp_selection_set (self->selection, (const char * const *) ids->pdata);
}

/* The note to move the focus to once ids are gone: the next one that stays in the
 * block of the last of them, else the one before. */
static char *
dup_neighbour (TpBoard   *self,
               GPtrArray *ids)
{
  const char *last = g_ptr_array_index (ids, ids->len - 1);
  TpNote *note = tp_document_lookup_kind (self->document, last, TP_ITEM_NOTE);
  GPtrArray *notes = tp_document_get_notes (self->document, note->container);
  guint index = 0;

  tp_document_get_index (self->document, last, &index);
  for (guint i = index + 1; i < notes->len; i++)
    {
      const char *id = ((TpItem *) g_ptr_array_index (notes, i))->id;

      if (!g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
        return g_strdup (id);
    }
  for (guint i = index; i > 0; i--)
    {
      const char *id = ((TpItem *) g_ptr_array_index (notes, i - 1))->id;

      if (!g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
        return g_strdup (id);
    }

  return NULL;
}

static void
remove_notes (TpBoard    *self,
              GPtrArray  *ids,
              const char *group_label)
{
  g_autofree char *neighbour = NULL;
  TpContainer container;

  container = ((TpNote *) tp_document_lookup_kind (self->document,
                                                   g_ptr_array_index (ids, ids->len - 1),
                                                   TP_ITEM_NOTE))->container;
  neighbour = dup_neighbour (self, ids);

  if (group_label != NULL)
    tp_document_begin_group (self->document, group_label);
  tp_document_delete (self->document, (const char * const *) ids->pdata, ids->len);
  if (group_label != NULL)
    tp_document_end_group (self->document);

  /* The keyboard stays where the notes were, so Delete can go on deleting. */
  if (neighbour != NULL)
    _tp_board_focus_note (self, neighbour);
  else
    _tp_board_focus_block (self, container);
}

void
_tp_board_delete_selection (TpBoard *self)
{
  g_autoptr(GPtrArray) ids = _tp_board_dup_targets (self);

  if (ids->len > 0)
    remove_notes (self, ids, NULL);
}

void
_tp_board_duplicate_selection (TpBoard *self)
{
  g_autoptr(GPtrArray) ids = _tp_board_dup_targets (self);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_free);

  if (ids->len == 0)
    return;

  tp_document_begin_group (self->document,
                           _tp_board_step_label (TP_BOARD_STEP_DUPLICATE, ids->len));
  for (guint i = 0; i < ids->len; i++)
    {
      TpNote *note = tp_document_lookup_kind (self->document, g_ptr_array_index (ids, i),
                                              TP_ITEM_NOTE);
      guint index = 0;
      const char *id;

      tp_document_get_index (self->document, note->item.id, &index);
      /* Each copy right after its original. */
      id = tp_document_insert_note (self->document, tp_note_copy (note), note->container,
                                    index + 1);
      if (id != NULL)
        g_ptr_array_add (copies, g_strdup (id));
    }
  tp_document_end_group (self->document);

  g_ptr_array_add (copies, NULL);
  tp_selection_set (self->selection, (const char * const *) copies->pdata);
  if (copies->len > 1)
    tp_board_reveal_item (self, g_ptr_array_index (copies, copies->len - 2));
}

void
_tp_board_copy_selection (TpBoard  *self,
                          gboolean  cut)
{
  g_autoptr(GPtrArray) ids = _tp_board_dup_targets (self);
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();
  g_autoptr(GdkContentProvider) provider = NULL;

  if (ids->len == 0)
    return;

  for (guint i = 0; i < ids->len; i++)
    g_ptr_array_add (notes, tp_document_lookup_kind (self->document, g_ptr_array_index (ids, i),
                                                     TP_ITEM_NOTE));
  provider = tp_clipboard_provider_new (notes);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);

  if (cut)
    remove_notes (self, ids, _tp_board_step_label (TP_BOARD_STEP_CUT, ids->len));
}

/* Adds notes (TpNote, each with the block it came from) where new notes go, else, for
 * notes of our own format, back into their own blocks. */
static void
insert_notes (TpBoard   *self,
              GPtrArray *notes,
              gboolean   from_text)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_free);
  TpContainer container = 0;
  guint index = 0;
  gboolean targeted;

  if (self->document == NULL || notes->len == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  targeted = _tp_board_get_target (self, &container, &index);
  if (!targeted && from_text)
    {
      /* Plain text does not say where it belongs: a block must be chosen first. */
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  tp_document_begin_group (self->document, _tp_board_step_label (TP_BOARD_STEP_PASTE, notes->len));
  for (guint i = 0; i < notes->len; i++)
    {
      TpNote *note = g_ptr_array_index (notes, i);
      const char *id;

      id = tp_document_insert_note (self->document, tp_note_copy (note),
                                    targeted ? container : note->container,
                                    targeted ? index + i : G_MAXUINT);
      if (id != NULL)
        g_ptr_array_add (added, g_strdup (id));
    }
  tp_document_end_group (self->document);

  if (added->len == 0)
    return;
  g_ptr_array_add (added, NULL);
  tp_selection_set (self->selection, (const char * const *) added->pdata);
  tp_board_reveal_item (self, g_ptr_array_index (added, added->len - 2));
}

void
_tp_board_paste_data (TpBoard    *self,
                      GBytes     *notes,
                      const char *text)
{
  g_autoptr(GPtrArray) parsed = notes != NULL ? tp_clipboard_parse_notes (notes) : NULL;

  if (parsed != NULL)
    insert_notes (self, parsed, FALSE);
  else if (text != NULL)
    {
      g_autoptr(GPtrArray) lines = tp_clipboard_text_to_notes (text);

      insert_notes (self, lines, TRUE);
    }
}

static void
on_clipboard_read (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(TpBoard) self = user_data;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  gboolean from_text = FALSE;

  notes = tp_clipboard_read_finish (GDK_CLIPBOARD (source), result, &from_text, &error);
  if (notes == NULL)
    {
      g_debug ("Nothing to paste: %s", error != NULL ? error->message : "empty clipboard");
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }

  insert_notes (self, notes, from_text);
}

void
_tp_board_paste (TpBoard *self)
{
  if (self->document == NULL)
    return;

  /* The board is kept alive until the clipboard answers. */
  tp_clipboard_read_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL,
                           on_clipboard_read, g_object_ref (self));
}

/* The editor widget */

static gboolean
on_editor_key_pressed (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       TpBoard               *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      /* Shift+Enter is the text view's own: a line break. */
      if (mods != 0)
        return FALSE;
      _tp_board_editor_activate (self);
      return TRUE;

    case GDK_KEY_Escape:
      /* A capture keeps what was typed; an edit of an existing note is cancelled. */
      _tp_board_end_edit (self, self->capturing);
      return TRUE;

    default:
      return FALSE;
    }
}

static void
on_editor_focus_leave (GtkEventControllerFocus *controller,
                       TpBoard                 *self)
{
  GtkRoot *root = gtk_widget_get_root (self->editor);

  /* The window losing the keyboard to another window is not the editor losing it. */
  if (root != NULL && gtk_root_get_focus (root) == self->editor)
    return;

  self->editor_leaving = TRUE;
  _tp_board_end_edit (self, TRUE);
  self->editor_leaving = FALSE;
}

static void
on_buffer_changed (GtkTextBuffer *buffer,
                   TpBoard       *self)
{
  /* The note grows with its text. */
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_zoom_changed (TpBoard    *self,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  sync_editor_style (self);
}

void
_tp_board_edit_init (TpBoard *self)
{
  GtkEventController *controller;
  cairo_font_options_t *options;
  GtkTextView *view;

  self->editor = gtk_text_view_new ();
  view = GTK_TEXT_VIEW (self->editor);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (view, FALSE);
  gtk_text_view_set_left_margin (view, 0);
  gtk_text_view_set_right_margin (view, 0);
  gtk_text_view_set_top_margin (view, 0);
  gtk_text_view_set_bottom_margin (view, 0);
  gtk_widget_add_css_class (self->editor, "tp-note-editor");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note text"), -1);

  /* Unhinted metrics, as the board lays text out: lines break where they will. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  gtk_widget_set_font_options (self->editor, options);
  cairo_font_options_destroy (options);

  self->editor_css = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (self->editor),
                                  GTK_STYLE_PROVIDER (self->editor_css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_editor_key_pressed), self);
  gtk_widget_add_controller (self->editor, controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (on_editor_focus_leave), self);
  gtk_widget_add_controller (self->editor, controller);

  g_signal_connect (gtk_text_view_get_buffer (view), "changed",
                    G_CALLBACK (on_buffer_changed), self);
  g_signal_connect (self, "notify::zoom", G_CALLBACK (on_zoom_changed), NULL);

  gtk_widget_set_visible (self->editor, FALSE);
  gtk_widget_set_parent (self->editor, GTK_WIDGET (self));
}

void
_tp_board_edit_dispose (TpBoard *self)
{
  if (self->editor != NULL)
    {
      g_signal_handlers_disconnect_by_func (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor)),
                                            on_buffer_changed, self);
      g_clear_pointer (&self->editor, gtk_widget_unparent);
    }
  g_clear_object (&self->editor_css);
  g_clear_pointer (&self->editor_css_text, g_free);
  g_clear_pointer (&self->edit_id, g_free);
  g_clear_pointer (&self->captured, g_ptr_array_unref);
}
