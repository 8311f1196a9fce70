/* tp-clipboard.h: notes on the clipboard, for the board's cut, copy and paste.
 *
 * A copy offers two formats: our own, which keeps everything about a note (its block,
 * colour, evidence, votes and persona) for pasting into Touchpoint, and plain text, one
 * line per note, for every other application. Pasting prefers our own format; plain text
 * from elsewhere becomes one note per non-empty line.
 *
 * The private format, TP_CLIPBOARD_NOTES_MIME, is a GVariant in text form, of type
 * (ua(ssssus)): a format version (1), then per note its block's nick, its text, its
 * colour's and evidence level's nicks, its votes and its persona's id ("" for none).
 * Text, so it can be read and written by hand when debugging; parsed with its type
 * given, so anything else is refused.
 */
#pragma once

#include <gtk/gtk.h>

#include "model/tp-note.h"

G_BEGIN_DECLS

#define TP_CLIPBOARD_NOTES_MIME "application/x-touchpoint-notes"

/* notes: (element-type TpNote) in order. */
GBytes             *tp_clipboard_serialize_notes (GPtrArray    *notes);
/* (element-type TpNote) (transfer full) with their containers set, or NULL when bytes
 * are not the private format. Fields out of range fall back to defaults. */
GPtrArray          *tp_clipboard_parse_notes     (GBytes       *bytes);
/* One line per note; line breaks inside a note become spaces. */
char               *tp_clipboard_notes_to_text   (GPtrArray    *notes);
/* One note per non-empty line, trimmed (element-type TpNote) (transfer full). */
GPtrArray          *tp_clipboard_text_to_notes   (const char   *text);

/* Both formats of notes, ready for gdk_clipboard_set_content(). */
GdkContentProvider *tp_clipboard_provider_new    (GPtrArray    *notes);

/* Reads notes from a clipboard: the private format when it is offered, else text.
 * from_text tells which: notes from text have no block of their own. An empty array
 * when the clipboard holds neither. */
void                tp_clipboard_read_async      (GdkClipboard        *clipboard,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
GPtrArray          *tp_clipboard_read_finish     (GdkClipboard        *clipboard,
                                                  GAsyncResult        *result,
                                                  gboolean            *from_text,
                                                  GError             **error);

G_END_DECLS
