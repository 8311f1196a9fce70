/* tp-board-edit.c: editing in place and rapid capture: a note's text, a stage's or a
 * touchpoint's name.
 *
 * A GtkTextView, a child of the board, lies over the item's text box, in the item's own
 * font at the current zoom, wrapping at the same width as the board, with no background
 * of its own: the board paints the note's colour (or the stage's tint) behind it. Enter,
 * Escape or leaving the editor commits the text as one "Edit Note" ("Rename Stage",
 * "Rename Touchpoint") step, which one undo takes back: Escape never loses words, as
 * nothing else does on a whiteboard. Shift+Enter is a line break in a note, while names
 * stay on one line.
 *
 * Rapid capture (Enter on a focused block or stage, a double click in one) edits a new,
 * empty note or touchpoint, so the block or stage makes room for it as it will look.
 * Committing it replaces that placeholder by the item with its text, so adding one
 * stays one "Add Note" ("Add Touchpoint") step, and at once starts the next one after
 * it; Escape ends the capture, and an empty item is dropped as if it had never been. A
 * new stage is captured the same way, one at a time: Enter names it and ends. Captured
 * notes take the capture's colour (Ctrl+Shift+1 … 8 while capturing), still in one step.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tp-board-private.h"
#include "tp-field-rows.h"

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

  /* The item's text is where undo in the editor stops. */
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
}

/* Where the edited item's text goes (text), in which role and at which scale, and the
 * shape around it (area): a note and its text box, a stage's header band and its name,
 * a card and its name. */
static gboolean
get_edit_boxes (TpBoard    *self,
                TpRect     *area,
                TpRect     *text,
                double     *scale,
                TpFontRole *role)
{
  if (self->edit_id == NULL)
    return FALSE;

  *scale = 1;
  switch (self->edit_kind)
    {
    case TP_ITEM_STAGE:
      {
        TpStageInfo info;

        if (!tp_layout_get_stage (self->layout, self->edit_id, &info))
          return FALSE;
        *area = info.header;
        *text = info.name;
        *role = TP_FONT_STAGE_HEADING;
        return TRUE;
      }

    case TP_ITEM_TOUCHPOINT:
      {
        TpTouchpointInfo info;

        if (!tp_layout_get_touchpoint (self->layout, self->edit_id, &info))
          return FALSE;
        *area = info.card;
        *text = info.name;
        *role = TP_FONT_CARD_TITLE;
        return TRUE;
      }

    case TP_ITEM_NOTE:
    default:
      {
        TpNoteInfo info;

        if (!tp_layout_get_note (self->layout, self->edit_id, &info) || !info.visible)
          return FALSE;
        *area = info.rect;
        *text = info.text;
        *scale = info.scale;
        *role = TP_FONT_NOTE;
        return TRUE;
      }
    }
}

/* The editor's font follows the item's at the current zoom. Only outside size
 * allocation: loading style there would ask for another one. */
static void
sync_editor_style (TpBoard *self)
{
  const TpTheme *theme = tp_layout_get_theme (self->layout);
  const TpColour *ink;
  g_autofree char *css = NULL;
  double scale = 1, size, line;
  TpFontRole role = TP_FONT_NOTE;
  TpRect area, text;

  if (self->editor == NULL || self->edit_id == NULL)
    return;

  _tp_board_ensure_layout (self);
  if (!get_edit_boxes (self, &area, &text, &scale, &role))
    return;
  /* The colours the renderer draws each text in. */
  ink = self->edit_kind == TP_ITEM_STAGE ? &theme->title
        : self->edit_kind == TP_ITEM_TOUCHPOINT ? &theme->cell_text
        : &theme->note_text;
  size = theme->fonts[role].size * scale * self->zoom;
  line = tp_theme_get_line_height (theme, role) * scale * self->zoom;

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
                         theme->font_family, size, (int) theme->fonts[role].weight, line);

  if (g_strcmp0 (css, self->editor_css_text) == 0)
    return;

  gtk_css_provider_load_from_data (self->editor_css, css, -1);
  g_free (self->editor_css_text);
  self->editor_css_text = g_steal_pointer (&css);
}

gboolean
_tp_board_get_edit_rect (TpBoard *self,
                         TpRect  *area,
                         TpRect  *cover)
{
  TpFontRole role;
  TpRect box, text;
  double height, bottom, needed, scale;

  if (!get_edit_boxes (self, &box, &text, &scale, &role))
    return FALSE;

  /* The text typed so far, in board units, and what the shape needs around it. */
  height = gtk_widget_get_height (self->editor) / self->zoom;
  *area = box;
  *cover = text;

  if (self->edit_kind == TP_ITEM_NOTE)
    {
      /* A note is its text: it grows, all of it, as the text does. */
      bottom = box.y + box.height - (text.y + text.height);
      needed = (text.y - box.y) + height + bottom;
      if (needed > box.height)
        {
          area->height = needed;
          *cover = *area;
        }
      return TRUE;
    }

  /* A name covers what lies under it (a channel, a job) while it is longer than it was,
   * and the card or header grows only when the name would spill out of it. */
  cover->height = MAX (text.height, height);
  needed = cover->y + cover->height + (text.x - box.x) - box.y;
  if (needed > box.height)
    area->height = needed;

  return TRUE;
}

void
_tp_board_allocate_editor (TpBoard *self)
{
  GtkAllocation allocation;
  graphene_rect_t rect;
  TpFontRole role;
  TpRect area, text;
  double scale;
  int minimum, natural;

  if (self->editor == NULL || !gtk_widget_get_visible (self->editor))
    return;

  if (!get_edit_boxes (self, &area, &text, &scale, &role))
    {
      gtk_widget_size_allocate (self->editor, &(GtkAllocation) { -1000, -1000, 1, 1 }, -1);
      return;
    }

  _tp_board_rect_to_widget (self, &text, &rect);
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

/* What was typed, trimmed; a name keeps to one line, whatever was pasted. */
static char *
dup_typed_text (TpBoard *self)
{
  char *text = g_strstrip (dup_editor_text (self));

  if (self->edit_kind != TP_ITEM_NOTE)
    {
      g_strdelimit (text, "\n\r\t", ' ');
      g_strstrip (text);
    }

  return text;
}

/* Writes text into an existing item, as one edit step named for what it changes. */
static void
commit_text (TpBoard    *self,
             const char *id,
             const char *text)
{
  TpItem *copy = tp_document_edit_begin (self->document, id);
  const char *label;

  if (copy == NULL)
    return;

  switch (copy->kind)
    {
    case TP_ITEM_STAGE:
      g_free (((TpStage *) copy)->name);
      ((TpStage *) copy)->name = g_strdup (text);
      label = _("Rename Stage");
      break;

    case TP_ITEM_TOUCHPOINT:
      g_free (((TpTouchpoint *) copy)->name);
      ((TpTouchpoint *) copy)->name = g_strdup (text);
      label = _("Rename Touchpoint");
      break;

    case TP_ITEM_NOTE:
      g_free (((TpNote *) copy)->text);
      ((TpNote *) copy)->text = g_strdup (text);
      label = _("Edit Note");
      break;

    default:
      tp_item_free (copy);
      return;
    }

  tp_document_edit_commit (self->document, copy, label, FALSE);
}

/* Adds a captured note: in the capture's colour when one was given, one "Add Note" step
 * either way. */
static const char *
add_captured_note (TpBoard     *self,
                   TpContainer  container,
                   guint        index,
                   const char  *text)
{
  TpNote *note;

  if (self->capture_colour < 0)
    return tp_document_add_note (self->document, container, index, text);

  note = tp_note_new (NULL, text);
  note->colour = self->capture_colour;

  return tp_document_insert_note (self->document, note, container, index);
}

/* Gives the capture's placeholder its text: one "Add Note" ("Add Touchpoint", "Add
 * Stage") step. Returns the id of the item that now holds the text, or NULL when it was
 * empty and dropped. */
static char *
finish_captured (TpBoard    *self,
                 const char *id,
                 const char *text)
{
  TpDocument *document = self->document;
  TpItem *item = tp_document_lookup (document, id);
  gboolean untouched = tp_document_get_state (document) == self->capture_state &&
                       tp_document_can_undo (document);
  g_autofree char *stage = NULL;
  TpContainer container = 0;
  TpItemKind kind;
  guint index = 0;

  if (item == NULL)
    return NULL;
  kind = item->kind;
  if (kind == TP_ITEM_NOTE)
    container = ((TpNote *) item)->container;
  else if (kind == TP_ITEM_TOUCHPOINT)
    stage = g_strdup (((TpTouchpoint *) item)->stage);
  tp_document_get_index (document, id, &index);

  if (*text == '\0')
    {
      /* Nothing typed: the placeholder never was (not even for redo), unless something
       * was done since and it has to be deleted like any item. */
      if (untouched)
        tp_document_undo_discard (document);
      else
        tp_document_delete (document, (const char * const[]) { id, NULL }, 1);
      return NULL;
    }

  if (untouched)
    {
      /* The placeholder goes (item with it), and the item comes with its text. */
      tp_document_undo_discard (document);
      if (kind == TP_ITEM_STAGE)
        return g_strdup (tp_document_add_stage (document, index, text));
      if (kind == TP_ITEM_TOUCHPOINT)
        return g_strdup (tp_document_add_touchpoint (document, stage, index, text));
      return g_strdup (add_captured_note (self, container, index, text));
    }

  /* The placeholder became a step of its own (the inspector recoloured it, say): the
   * text is an edit on top. */
  commit_text (self, id, text);

  return g_strdup (id);
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

/* Where the keyboard goes once a capture ends: back to the block or stage it filled. */
static void
focus_after_capture (TpBoard    *self,
                     TpItemKind  kind,
                     const char *stage,
                     const char *kept)
{
  switch (kind)
    {
    case TP_ITEM_TOUCHPOINT:
      if (stage != NULL && tp_document_lookup_kind (self->document, stage, TP_ITEM_STAGE) != NULL)
        _tp_board_focus_stage (self, stage);
      break;

    case TP_ITEM_STAGE:
      /* The new stage, named; or, dropped, the stage it was to follow. */
      if (kept != NULL)
        _tp_board_focus_stage (self, kept);
      else if (stage != NULL &&
               tp_document_lookup_kind (self->document, stage, TP_ITEM_STAGE) != NULL)
        {
          tp_selection_set_one (self->selection, stage);
          _tp_board_focus_stage (self, stage);
        }
      break;

    case TP_ITEM_NOTE:
    default:
      _tp_board_focus_block (self, self->capture_container);
      break;
    }
}

void
_tp_board_end_edit (TpBoard  *self,
                    gboolean  commit)
{
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *stage = NULL;
  g_autoptr(GPtrArray) captured = NULL;
  gboolean capturing;
  TpItemKind kind;

  if (!_tp_board_is_editing (self) || self->ending_edit)
    return;

  self->ending_edit = TRUE;
  text = dup_typed_text (self);
  id = g_steal_pointer (&self->edit_id);
  capturing = self->capturing;
  kind = self->capture_kind;
  self->capturing = FALSE;
  captured = g_steal_pointer (&self->captured);
  stage = g_steal_pointer (&self->capture_stage);
  hide_editor (self);

  if (self->document != NULL && capturing)
    {
      /* Ending a capture without committing still drops an empty item. */
      kept = finish_captured (self, id, commit ? text : "");
    }
  else if (self->document != NULL && commit)
    {
      commit_text (self, id, text);
      kept = g_strdup (id);
    }
  else
    {
      kept = g_strdup (id);
    }

  self->ending_edit = FALSE;
  /* A colour is given to one capture; the next starts in the default again. */
  if (capturing)
    self->capture_colour = -1;

  if (capturing && self->document != NULL)
    {
      /* The keyboard stays on the block or stage, ready for the next capture; what was
       * captured is selected, to recolour or move together. */
      if (captured == NULL)
        captured = g_ptr_array_new_with_free_func (g_free);
      if (kept != NULL)
        g_ptr_array_add (captured, g_strdup (kept));
      g_ptr_array_add (captured, NULL);
      tp_selection_set (self->selection, (const char * const *) captured->pdata);
      focus_after_capture (self, kind, stage, kept);
    }
  else if (kept != NULL && self->document != NULL &&
           tp_document_lookup (self->document, kept) != NULL)
    {
      tp_selection_set_one (self->selection, kept);
      _tp_board_focus_item (self, kept);
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
  _tp_board_focus_item (self, id);
  tp_board_reveal_item (self, id);
  sync_editor_style (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->edit_kind == TP_ITEM_STAGE ? _("Stage name")
                                  : self->edit_kind == TP_ITEM_TOUCHPOINT ? _("Touchpoint name")
                                  : _("Note text"),
                                  -1);

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
  const char *text;
  TpItem *item;

  if (self->document == NULL || id == NULL)
    return;

  _tp_board_end_edit (self, TRUE);
  item = tp_document_lookup (self->document, copy);
  if (item == NULL)
    return;

  switch (item->kind)
    {
    case TP_ITEM_NOTE:
      text = ((TpNote *) item)->text;
      _tp_board_show_note (self, copy);
      break;
    case TP_ITEM_STAGE:
      text = ((TpStage *) item)->name;
      break;
    case TP_ITEM_TOUCHPOINT:
      text = ((TpTouchpoint *) item)->name;
      break;
    default:
      return;
    }

  self->edit_id = g_strdup (copy);
  self->edit_kind = item->kind;
  self->capturing = FALSE;
  set_editor_text (self, text);
  if (item->kind != TP_ITEM_NOTE)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
      GtkTextIter start, end;

      /* Renaming, as in GNOME's file managers, starts with the whole name selected:
       * typing replaces it, an arrow key keeps it. A note's text is more often added
       * to, so its cursor goes to the end. */
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      gtk_text_buffer_select_range (buffer, &end, &start);
    }
  show_editor (self, copy);
}

/* Adds the placeholder the next captured item is typed into. */
static gboolean
add_placeholder (TpBoard *self,
                 guint    index)
{
  const char *id;

  switch (self->capture_kind)
    {
    case TP_ITEM_STAGE:
      id = tp_document_add_stage (self->document, index, "");
      break;
    case TP_ITEM_TOUCHPOINT:
      id = tp_document_lookup_kind (self->document, self->capture_stage, TP_ITEM_STAGE) != NULL
           ? tp_document_add_touchpoint (self->document, self->capture_stage, index, "") : NULL;
      break;
    case TP_ITEM_NOTE:
    default:
      id = add_captured_note (self, self->capture_container, index, "");
      break;
    }

  if (id == NULL)
    return FALSE;

  self->capture_state = tp_document_get_state (self->document);
  g_free (self->edit_id);
  self->edit_id = g_strdup (id);
  self->edit_kind = self->capture_kind;
  if (self->capture_kind == TP_ITEM_NOTE)
    _tp_board_show_note (self, id);

  return TRUE;
}

static void
begin_capture (TpBoard     *self,
               TpItemKind   kind,
               TpContainer  container,
               const char  *stage,
               guint        index)
{
  g_autofree char *id = NULL;
  g_autofree char *anchor = g_strdup (stage);

  _tp_board_end_edit (self, TRUE);
  self->capture_kind = kind;
  self->capture_container = container;
  g_free (self->capture_stage);
  self->capture_stage = g_steal_pointer (&anchor);
  if (!add_placeholder (self, index))
    {
      g_clear_pointer (&self->capture_stage, g_free);
      return;
    }

  self->capturing = TRUE;
  self->captured = g_ptr_array_new_with_free_func (g_free);
  id = g_strdup (self->edit_id);
  set_editor_text (self, "");
  show_editor (self, id);
}

void
_tp_board_start_capture (TpBoard     *self,
                         TpContainer  container,
                         guint        index)
{
  if (self->document == NULL || container >= TP_N_CONTAINERS)
    return;

  begin_capture (self, TP_ITEM_NOTE, container, NULL, index);
}

void
_tp_board_start_touchpoint_capture (TpBoard    *self,
                                    const char *stage,
                                    guint       index)
{
  if (self->document == NULL || stage == NULL ||
      tp_document_lookup_kind (self->document, stage, TP_ITEM_STAGE) == NULL)
    return;

  begin_capture (self, TP_ITEM_TOUCHPOINT, 0, stage, index);
}

void
_tp_board_start_stage_capture (TpBoard *self,
                               guint    index)
{
  g_autofree char *before = NULL;
  GPtrArray *stages;

  if (self->document == NULL)
    return;

  /* Should the new stage be dropped, the keyboard goes back to the one before it. */
  stages = tp_document_get_stages (self->document);
  index = MIN (index, stages->len);
  if (stages->len > 0)
    before = g_strdup (((TpItem *) g_ptr_array_index (stages, index > 0 ? index - 1 : 0))->id);

  begin_capture (self, TP_ITEM_STAGE, 0, before, index);
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

  text = dup_typed_text (self);

  /* Enter on an empty captured item ends the capture, like Escape; a new stage is named
   * one at a time. */
  if (!self->capturing || *text == '\0' || self->capture_kind == TP_ITEM_STAGE)
    {
      _tp_board_end_edit (self, TRUE);
      return;
    }

  /* Commit this item and go straight on with the next one after it, in the same block
   * or stage, without the editor ever losing the keyboard. */
  self->ending_edit = TRUE;
  kept = finish_captured (self, self->edit_id, text);
  g_clear_pointer (&self->edit_id, g_free);
  if (kept != NULL && tp_document_get_index (self->document, kept, &index))
    index++;
  else
    index = G_MAXUINT;  /* at the end */
  if (kept != NULL)
    g_ptr_array_add (self->captured, g_steal_pointer (&kept));
  if (!add_placeholder (self, index))
    {
      self->ending_edit = FALSE;
      self->capturing = FALSE;
      self->capture_colour = -1;
      hide_editor (self);
      return;
    }
  self->ending_edit = FALSE;

  id = g_strdup (self->edit_id);
  set_editor_text (self, "");
  tp_selection_set_one (self->selection, id);
  _tp_board_focus_item (self, id);
  tp_board_reveal_item (self, id);
  sync_editor_style (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Typing */

void
_tp_board_editor_type (TpBoard    *self,
                       const char *text,
                       gboolean    replace)
{
  GtkTextBuffer *buffer;

  if (!_tp_board_is_editing (self))
    return;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  if (replace)
    {
      /* What was there is where the editor's own undo stops, as when editing starts. */
      set_editor_text (self, "");
    }
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
}

gboolean
_tp_board_set_capture_colour (TpBoard      *self,
                              TpNoteColour  colour)
{
  TpDocument *document = self->document;
  guint index = 0;

  if (!self->capturing || self->capture_kind != TP_ITEM_NOTE || document == NULL)
    return FALSE;

  self->capture_colour = colour;

  if (tp_document_get_state (document) == self->capture_state && tp_document_can_undo (document) &&
      tp_document_get_index (document, self->edit_id, &index))
    {
      /* The placeholder is still the last step: it comes again in the new colour, so
       * adding the note stays one step. */
      self->ending_edit = TRUE;
      tp_document_undo_discard (document);
      add_placeholder (self, index);
      self->ending_edit = FALSE;
      tp_selection_set_one (self->selection, self->edit_id);
      _tp_board_focus_item (self, self->edit_id);
    }
  else
    {
      TpNote *copy = (TpNote *) tp_document_edit_begin (document, self->edit_id);

      /* Something else was done since (the inspector changed the note): recoloured like
       * any note. */
      if (copy == NULL)
        return FALSE;
      copy->colour = colour;
      tp_document_edit_commit (document, (TpItem *) copy, _("Change Colour"), FALSE);
    }

  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
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
      /* Shift+Enter is the text view's own: a line break, in a note; names keep to
       * one line. */
      if (mods != 0 && self->edit_kind == TP_ITEM_NOTE)
        return FALSE;
      _tp_board_editor_activate (self);
      return TRUE;

    case GDK_KEY_Escape:
      /* Escape ends editing and keeps what was typed, in a capture and in an edit of an
       * existing item alike; undo takes an edit back. */
      _tp_board_end_edit (self, TRUE);
      return TRUE;

    default:
      /* Alt+digit (on to another block) and Ctrl+Shift+digit (a colour) work while
       * typing: capture at the speed of speech. */
      return _tp_board_typing_chord (self, keyval, keycode, mods);
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
  /* The note (or the name's box) grows with its text. */
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

  self->capture_colour = -1;
  self->editor = gtk_text_view_new ();
  view = GTK_TEXT_VIEW (self->editor);
  gtk_text_view_set_wrap_mode (view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (view, FALSE);
  gtk_text_view_set_left_margin (view, 0);
  gtk_text_view_set_right_margin (view, 0);
  gtk_text_view_set_top_margin (view, 0);
  gtk_text_view_set_bottom_margin (view, 0);
  gtk_widget_add_css_class (self->editor, "tp-note-editor");
  tp_field_limit_text_view (view);
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
  g_clear_pointer (&self->capture_stage, g_free);
  g_clear_pointer (&self->captured, g_ptr_array_unref);
}
