/* tp-valid-text.h: text that cairo and Pango accept, made at the drawing boundary.
 *
 * The model holds any valid UTF-8 a user can type or a file can carry, including Unicode
 * noncharacters (U+FDD0–U+FDEF, U+FFFE, U+FFFF and their like in every plane). GLib and
 * XML take them; cairo's own UTF-8 check does not, and a PDF whose title held U+FDD0
 * failed to export at all ("input string not valid UTF-8"). Such characters, and control
 * characters other than tab and line feed, become U+FFFD here, so what cairo sees is
 * always valid for it.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when text (length bytes, or up to NUL when length is -1) needs no change. */
gboolean  _tp_valid_text_check (const char *text,
                                gssize      length);

/* A copy of text that cairo and Pango accept: invalid bytes, noncharacters and control
 * characters other than "\t" and "\n" replaced by U+FFFD. NULL gives NULL. */
char     *_tp_valid_text_dup   (const char *text);

/* text itself when it needs no change, else a valid copy stored in *copy (freed by the
 * caller). Lets the common case draw without allocating. */
const char *_tp_valid_text     (const char  *text,
                                char       **copy);

G_END_DECLS
