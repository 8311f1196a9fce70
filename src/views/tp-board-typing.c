/* tp-board-typing.c: the facilitator's hands on the keyboard.
 *
 * A whiteboard has no commands under its letters, and neither has the board: a printable
 * key is text, always. With a note, a touchpoint or a stage under the keyboard (or, with
 * nothing under it, the last selected), typing edits it, the typed text replacing the old
 * as a marker over a sticky note would (Enter or F2 edits keeping the text). With a block,
 * a value-chain area or a stage's column under the keyboard, typing creates a note or a
 * touchpoint there holding what is typed, and goes on capturing as Enter does. Escape
 * then ends the editing and keeps the words; one undo takes them back.
 *
 * Two chords keep capture at the speed of speech, on the board and in the editor alike:
 * Alt+1 … 9 goes to a canvas block by its number (ending, and keeping, what was being
 * typed), so a note in another block costs that chord and Enter beyond its text; and
 * Ctrl+Shift+1 … 8 gives a colour, in the inspector's order, to the note being captured
 * (and the capture's next ones), to the note being edited, or to the selected notes.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "model/tp-enums.h"
#include "tp-board-private.h"

/* 1 … 9 for a digit key (either row), 0 for any other. */
static guint
digit_of (guint keyval)
{
  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9)
    return keyval - GDK_KEY_0;
  if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)
    return keyval - GDK_KEY_KP_0;

  return 0;
}

/* The digit on a key whatever the modifiers made of it: Shift+1 is "!" on a US layout,
 * "+" on a Swiss one. */
static guint
digit_of_key (TpBoard *self,
              guint    keyval,
              guint    keycode)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  guint digit = digit_of (keyval), plain = 0;

  if (digit != 0 || keycode == 0)
    return digit;

  /* Group 0, the first layout: the digits are on the same keys in every group that has
   * them. */
  if (gdk_display_translate_key (display, keycode, 0, 0, &plain, NULL, NULL, NULL))
    return digit_of (plain);

  return 0;
}

/* Blocks */

gboolean
_tp_board_focus_block_number (TpBoard *self,
                              guint    number)
{
  if (self->document == NULL)
    return FALSE;

  for (guint c = 0; c < TP_N_BMC_BLOCKS; c++)
    {
      TpContainerInfo info;

      if (tp_container_get_number (c) != number)
        continue;

      /* What was being typed stays, as with Escape. */
      _tp_board_end_edit (self, TRUE);
      if (!gtk_widget_has_focus (GTK_WIDGET (self)))
        gtk_widget_grab_focus (GTK_WIDGET (self));
      tp_selection_clear (self->selection);
      _tp_board_focus_block (self, c);
      _tp_board_ensure_layout (self);
      tp_layout_get_container (self->layout, c, &info);
      _tp_board_reveal_rect (self, &info.rect);
      return TRUE;
    }

  return FALSE;
}

static gboolean
focus_block_shortcut (GtkWidget *widget,
                      GVariant  *args,
                      gpointer   user_data)
{
  return _tp_board_focus_block_number (TP_BOARD (widget), GPOINTER_TO_UINT (user_data));
}

void
_tp_board_typing_init (TpBoard *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  /* Alt+1 … 9 from anywhere in the window, the inspector or a header button holding the
   * keyboard included: going to a block must not cost a click back on the board first.
   * The window runs these after the focused widget has passed on the key, so the board's
   * own key handling and the editor's come first. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  for (guint n = 1; n <= 9; n++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_0 + n,
                                                                                    GDK_ALT_MASK),
                                                            gtk_callback_action_new (focus_block_shortcut,
                                                                                     GUINT_TO_POINTER (n),
                                                                                     NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* Colours */

gboolean
_tp_board_apply_colour (TpBoard      *self,
                        TpNoteColour  colour)
{
  g_autoptr(GPtrArray) ids = NULL;
  TpContainer container;
  guint index;

  if (self->document == NULL || colour >= TP_N_NOTE_COLOURS)
    return FALSE;

  /* The note being captured, and the capture's next ones. */
  if (_tp_board_set_capture_colour (self, colour))
    return TRUE;

  if (_tp_board_is_editing (self))
    {
      TpNote *copy;

      if (self->edit_kind != TP_ITEM_NOTE ||
          (copy = (TpNote *) tp_document_edit_begin (self->document, self->edit_id)) == NULL)
        return FALSE;
      copy->colour = colour;
      tp_document_edit_commit (self->document, (TpItem *) copy, _("Change Colour"), FALSE);
      return TRUE;
    }

  ids = _tp_board_dup_targets (self);
  if (ids->len == 0 && self->focus == TP_BOARD_FOCUS_BLOCK &&
      _tp_board_get_target (self, &container, &index))
    {
      /* A block and no note: a note in that colour, ready to be typed. */
      _tp_board_start_capture (self, container, index);
      return _tp_board_set_capture_colour (self, colour);
    }
  if (ids->len == 0)
    return FALSE;

  /* The same label as the inspector's swatches: one step, however many notes. */
  tp_document_begin_group (self->document, _("Change Colour"));
  for (guint i = 0; i < ids->len; i++)
    {
      TpNote *copy = (TpNote *) tp_document_edit_begin (self->document, g_ptr_array_index (ids, i));

      if (copy == NULL)
        continue;
      copy->colour = colour;
      tp_document_edit_commit (self->document, (TpItem *) copy, _("Change Colour"), FALSE);
    }
  tp_document_end_group (self->document);

  return TRUE;
}

gboolean
_tp_board_typing_chord (TpBoard         *self,
                        guint            keyval,
                        guint            keycode,
                        GdkModifierType  mods)
{
  guint digit;

  mods &= gtk_accelerator_get_default_mod_mask ();
  if (self->document == NULL)
    return FALSE;

  if (mods == GDK_ALT_MASK && (digit = digit_of (keyval)) != 0)
    return _tp_board_focus_block_number (self, digit);

  return tp_board_colour_key (self, keyval, keycode, mods);
}

gboolean
tp_board_colour_key (TpBoard         *self,
                     guint            keyval,
                     guint            keycode,
                     GdkModifierType  state)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  guint digit;

  g_return_val_if_fail (TP_IS_BOARD (self), FALSE);

  if (self->document == NULL || mods != (GDK_CONTROL_MASK | GDK_SHIFT_MASK) ||
      (digit = digit_of_key (self, keyval, keycode)) == 0 || digit > TP_N_NOTE_COLOURS)
    return FALSE;

  if (!_tp_board_apply_colour (self, digit - 1))
    gtk_widget_error_bell (GTK_WIDGET (self));
  return TRUE;
}

/* Typing */

/* The item typing edits: the focused note, touchpoint or stage, else the last selected
 * (NULL with a block under the keyboard, or nothing at all). */
static const char *
get_typing_target (TpBoard *self)
{
  const char *primary;

  switch (self->focus)
    {
    case TP_BOARD_FOCUS_NOTE:
      return tp_document_lookup_kind (self->document, self->focus_note, TP_ITEM_NOTE) != NULL
             ? self->focus_note : NULL;
    case TP_BOARD_FOCUS_TOUCHPOINT:
      return _tp_board_is_journey_item (self, self->focus_touchpoint) ? self->focus_touchpoint
                                                                      : NULL;
    case TP_BOARD_FOCUS_BLOCK:
    case TP_BOARD_FOCUS_STAGE:
      return NULL;
    case TP_BOARD_FOCUS_NONE:
    default:
      break;
    }

  primary = tp_selection_get_primary (self->selection);
  if (primary != NULL &&
      (tp_document_lookup_kind (self->document, primary, TP_ITEM_NOTE) != NULL ||
       _tp_board_is_journey_item (self, primary)))
    return primary;

  return NULL;
}

gboolean
_tp_board_begin_typing (TpBoard *self)
{
  const char *target;

  if (self->document == NULL || _tp_board_is_editing (self))
    return FALSE;

  if ((target = get_typing_target (self)) != NULL)
    {
      g_autofree char *id = g_strdup (target);

      _tp_board_start_edit (self, id);
      _tp_board_editor_type (self, "", TRUE);
      return _tp_board_is_editing (self);
    }

  if (self->focus == TP_BOARD_FOCUS_BLOCK)
    _tp_board_start_capture (self, self->focus_container,
                             tp_document_get_notes (self->document, self->focus_container)->len);
  else if (self->focus == TP_BOARD_FOCUS_STAGE &&
           tp_document_lookup_kind (self->document, self->focus_stage, TP_ITEM_STAGE) != NULL)
    _tp_board_start_touchpoint_capture (self, self->focus_stage, G_MAXUINT);

  return _tp_board_is_editing (self);
}

gboolean
_tp_board_is_compose_key (guint keyval)
{
  return (keyval >= GDK_KEY_dead_grave && keyval <= GDK_KEY_dead_greek) ||
         keyval == GDK_KEY_Multi_key;
}

gboolean
_tp_board_type_key (TpBoard *self,
                    guint    keyval)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  char text[8] = { 0, };

  /* Space stays the pan key while held (it only moves the view); inside a text it is
   * text, since the editor has the keys by then. */
  if (self->document == NULL || c == 0 || c == ' ' || !g_unichar_isprint (c))
    return FALSE;
  g_unichar_to_utf8 (c, text);

  if (!_tp_board_begin_typing (self))
    return FALSE;

  _tp_board_editor_type (self, text, FALSE);
  return TRUE;
}
