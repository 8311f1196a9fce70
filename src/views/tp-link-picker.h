/* tp-link-picker.h: a searchable list for linking a note or a touchpoint from the keyboard.
 *
 * Links join a note of the canvas or the value chain to a touchpoint of the journey.
 * The picker is the keyboard's way to make one: pointed at the source, it lists what
 * the source can be linked to (every touchpoint for a note, every note for a
 * touchpoint), the user narrows the list by typing and picks a row with Enter or a
 * click. Items linked to the source already stay in the list, insensitive and marked
 * "Linked", so that the user sees why they are missing from the choice.
 *
 * The picker only reports the choice through "picked": the caller makes the link, so
 * that it is one undo step of the caller's making. The caller also parents the popover
 * (gtk_widget_set_parent()), pops it up and unparents it once it is closed, but not at
 * once: GTK 4.8's tooltips hold on to a popover that has just given back its pointer grab
 * for half a second, and complain if it is gone by then (unparent the old picker when
 * the next one opens, or from a timeout). The list is the document as it was when the
 * picker was made; any change to the document closes it.
 */
#pragma once

#include <gtk/gtk.h>

#include "model/tp-document.h"

G_BEGIN_DECLS

#define TP_TYPE_LINK_PICKER (tp_link_picker_get_type ())
G_DECLARE_FINAL_TYPE (TpLinkPicker, tp_link_picker, TP, LINK_PICKER, GtkPopover)

/* source_id is a note or a touchpoint of document. */
GtkWidget  *tp_link_picker_new           (TpDocument   *document,
                                          const char   *source_id);
TpDocument *tp_link_picker_get_document  (TpLinkPicker *self);
const char *tp_link_picker_get_source_id (TpLinkPicker *self);

G_END_DECLS
