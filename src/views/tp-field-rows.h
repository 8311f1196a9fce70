/* tp-field-rows.h: what the inspector's stage, touchpoint and KPI editors share.
 *
 * Text and numbers are checked here against the model's limits (TP_TEXT_MAX,
 * TP_COUNT_MAX, TP_REAL_LIMIT) before they reach a command, so that what the document
 * holds is always what the writer saves and the loader reads back: the writer never has
 * to clamp or replace anything the user typed.
 */
#pragma once

#include <adwaita.h>

#include "model/tp-document.h"
#include "model/tp-enums.h"

G_BEGIN_DECLS

/* The document */

/* Points *slot at document, keeping one "changed" handler (callback, called swapped with
 * data) on whichever document it holds. FALSE, doing nothing, when *slot is document
 * already: what the caller does after a change of document can be skipped. */
gboolean    tp_field_watch_document    (TpDocument **slot,
                                        gulong      *handler,
                                        TpDocument  *document,
                                        GCallback    callback,
                                        gpointer     data);

/* Text */

/* A copy of text as the file can carry it: at most TP_TEXT_MAX characters, characters XML
 * cannot hold replaced by U+FFFD (as the writer would). */
char       *tp_field_clean_text        (const char  *text);
/* TRUE for NULL, "" and text of white space only: an item that would say nothing. */
gboolean    tp_field_is_blank          (const char  *text);
/* Makes an entry (or entry row) edit document text: no undo of its own (the document's
 * history owns Ctrl+Z), and no more characters than the model keeps. */
void        tp_field_init_editable     (GtkEditable *editable);
/* The same for a text view: typing or pasting past TP_TEXT_MAX characters is refused
 * with the error bell, not cut off unseen in the document. */
void        tp_field_limit_text_view   (GtkTextView *view);
/* Shows text unless the editable shows it already: setting equal text would still move
 * the cursor of someone typing. */
void        tp_field_set_text          (GtkEditable *editable,
                                        const char  *text);
void        tp_field_set_error         (GtkWidget   *widget,
                                        gboolean     error);

/* Numbers */

/* A real as people type it ("4.2", "4,2", "−3", "1e6"); "" is NAN (no value). FALSE for
 * anything else, and for values beyond ±TP_REAL_LIMIT. */
gboolean    tp_field_parse_real        (const char  *text,
                                        double      *value);
/* "" for NAN, else the shortest decimal that reads back as the same value. */
char       *tp_field_format_real       (double       value);
/* A count of 0 … TP_COUNT_MAX; "" is 0. */
gboolean    tp_field_parse_count       (const char  *text,
                                        guint       *value);
/* "" for 0, so that an empty field shows its placeholder. */
char       *tp_field_format_count      (guint        value);

/* Combo rows */

/* Fills a combo row with the labels of an enumeration, in its order. */
void        tp_field_init_enum_combo   (AdwComboRow *row,
                                        TpEnumType   type);
/* Persona choice: "None", then the document's personas with a dot in their accent. */
void        tp_field_init_persona_combo (AdwComboRow *row);
/* Brings the row's list up to date with the document and selects persona (NULL: None).
 * Emits notify::selected: callers block their handler while syncing. */
void        tp_field_sync_persona_combo (AdwComboRow *row,
                                         TpDocument  *document,
                                         const char  *persona);
/* The id of the persona the row shows, NULL for None. */
const char *tp_field_get_persona        (AdwComboRow *row);
/* The two halves of tp_field_sync_persona_combo(), for a row that shows several items'
 * personas at once: the document's personas as items (rebuilt only when they changed),
 * and the position of a persona among them (0, "None", when it is gone). */
void        tp_field_update_persona_items (AdwComboRow *row,
                                           TpDocument  *document);
guint       tp_field_get_persona_position (AdwComboRow *row,
                                           const char  *persona);

/* Colours */

/* The emotion, Kano, gap and accent colours as CSS classes (.tp-emotion-m2 … -p2,
 * .tp-kano-<nick>, .tp-gap-0 … -2, .tp-accent-<nick>), from the theme table the board is
 * drawn with, so that the panel never disagrees with the board. Once per display. */
void        tp_field_ensure_css         (GtkWidget   *widget);
/* Gives widget the class prefix + suffix, and takes away the other classes that start
 * with prefix (so a widget's other classes must not: "tp-badge", not "tp-gap-badge"). */
void        tp_field_set_variant_class  (GtkWidget   *widget,
                                         const char  *prefix,
                                         const char  *suffix);
/* "m2", "m1", "0", "p1", "p2" for −2 … +2. */
const char *tp_field_emotion_suffix     (int          emotion);
/* 0, 1 or 2: how bad an expectation gap is (VISUAL.md). */
guint       tp_field_gap_severity       (int          gap);

G_END_DECLS
