/* tp-document.h: a Touchpoint document: canvas, value chain, journey, personas, links.
 *
 * The document owns every item and its undo history. Reading is direct (the accessors
 * return the document's own arrays, which callers must not modify); every change goes
 * through a command on the history, so it can be undone and so "modified" can be derived
 * from the history's saved point.
 */
#pragma once

#include <gio/gio.h>

#include "tp-types.h"
#include "tp-item.h"
#include "tp-meta.h"
#include "tp-note.h"
#include "tp-persona.h"
#include "tp-stage.h"
#include "tp-touchpoint.h"
#include "tp-link.h"
#include "tp-kpi.h"
#include "tp-kano-need.h"
#include "tp-action-item.h"

G_BEGIN_DECLS

/* What a "changed" signal reports. */
typedef enum {
  TP_CHANGE_ADDED,
  TP_CHANGE_REMOVED,
  TP_CHANGE_MOVED,
  TP_CHANGE_EDITED,
} TpChangeKind;

#define TP_TYPE_DOCUMENT (tp_document_get_type ())
G_DECLARE_FINAL_TYPE (TpDocument, tp_document, TP, DOCUMENT, GObject)

TpDocument   *tp_document_new           (void);
/* A new workshop: empty canvas and value chain, the five default stages. */
TpDocument   *tp_document_new_default   (void);

/* Reading. Arrays are (transfer none) and must not be modified. */
const TpMeta *tp_document_get_meta      (TpDocument  *self);
GPtrArray    *tp_document_get_notes     (TpDocument  *self,
                                         TpContainer  container);
GPtrArray    *tp_document_get_personas  (TpDocument  *self);
GPtrArray    *tp_document_get_stages    (TpDocument  *self);
GPtrArray    *tp_document_get_links     (TpDocument  *self);
guint         tp_document_get_n_notes   (TpDocument  *self);
guint         tp_document_get_n_touchpoints (TpDocument *self);
TpItem       *tp_document_lookup        (TpDocument  *self,
                                         const char  *id);
/* Like tp_document_lookup() but NULL unless the item is of that kind. */
gpointer      tp_document_lookup_kind   (TpDocument  *self,
                                         const char  *id,
                                         TpItemKind   kind);
/* Index of an item within the list that holds it. */
gboolean      tp_document_get_index     (TpDocument  *self,
                                         const char  *id,
                                         guint       *index);
/* Appends to out the links (TpLink*, transfer none) that have id at either end. */
void          tp_document_collect_links (TpDocument  *self,
                                         const char  *id,
                                         GPtrArray   *out);
TpLink       *tp_document_find_link     (TpDocument  *self,
                                         const char  *note,
                                         const char  *touchpoint);
/* The persona an item refers to, or NULL. */
TpPersona    *tp_document_get_persona_of (TpDocument *self,
                                          const char *id);

/* Changes, each one undo step with a human label. Functions that create an item return
 * its new id (owned by the document) or NULL when nothing was done, which includes a
 * change refused because the file could not hold it (TpDocument::refused,
 * tp-document-caps.h). Indices are clamped to the target list. */
const char   *tp_document_add_note      (TpDocument  *self,
                                         TpContainer  container,
                                         guint        index,
                                         const char  *text);
/* Inserts a prepared note (transfer full), for paste and duplicate; a fresh id replaces
 * whatever id it had. */
const char   *tp_document_insert_note   (TpDocument  *self,
                                         TpNote      *note,
                                         TpContainer  container,
                                         guint        index);
void          tp_document_move_note     (TpDocument  *self,
                                         const char  *id,
                                         TpContainer  container,
                                         guint        index);
const char   *tp_document_add_stage     (TpDocument  *self,
                                         guint        index,
                                         const char  *name);
/* The colour a new stage gets: the first of the palette no stage has yet. */
TpStageColour tp_document_pick_stage_colour (TpDocument *self);
void          tp_document_move_stage    (TpDocument  *self,
                                         const char  *id,
                                         guint        index);
const char   *tp_document_add_touchpoint (TpDocument *self,
                                          const char *stage,
                                          guint       index,
                                          const char *name);
void          tp_document_move_touchpoint (TpDocument *self,
                                           const char *id,
                                           const char *stage,
                                           guint       index);
const char   *tp_document_add_persona   (TpDocument  *self,
                                         const char  *name,
                                         TpAccent     accent);
/* The accent a new persona gets: the first no persona has yet. */
TpAccent      tp_document_pick_persona_accent (TpDocument *self);
/* Appends to out the notes and touchpoints (TpItem*, transfer none) that refer to the
 * persona id, notes first (block by block), then touchpoints (stage by stage). */
void          tp_document_collect_persona_refs (TpDocument *self,
                                                const char *persona,
                                                GPtrArray  *out);
/* Moves a persona to index in the list (its order in pickers and legends). */
void          tp_document_move_persona  (TpDocument  *self,
                                         const char  *id,
                                         guint        index);
/* Gives the notes and touchpoints among ids the persona (NULL: none), one step. */
void          tp_document_set_persona   (TpDocument         *self,
                                         const char * const *ids,
                                         guint               n_ids,
                                         const char         *persona);
/* Gives them the persona after the first one's (none, each persona in order, none
 * again), one step; returns the persona given, NULL for none. Nothing is done, and NULL
 * returned, when there is no persona or no note or touchpoint among ids. */
const char   *tp_document_cycle_persona (TpDocument         *self,
                                         const char * const *ids,
                                         guint               n_ids);
/* NULL when either end is missing or of the wrong kind, or the link exists already. */
const char   *tp_document_add_link      (TpDocument  *self,
                                         const char  *note,
                                         const char  *touchpoint,
                                         const char  *label);
/* Deletes items of any kind in one step: their links go too, a stage takes its
 * touchpoints along, and references to a deleted persona are cleared. */
void          tp_document_delete        (TpDocument         *self,
                                         const char * const *ids,
                                         guint               n_ids);

/* Field edits: take a copy, change its fields, commit it. Consecutive commits of the same
 * item with the same label and merge set become one undo step (typing, dragging a slider).
 * A commit that changes nothing records nothing. Returns FALSE when the change was
 * refused because the document would no longer fit in a file (tp-document-caps.h). */
TpItem       *tp_document_edit_begin    (TpDocument  *self,
                                         const char  *id);
gboolean      tp_document_edit_commit   (TpDocument  *self,
                                         TpItem      *copy,
                                         const char  *label,
                                         gboolean     merge);

/* Everything between begin and end is one undo step (a drag, a multi-item operation).
 * Groups nest; the outermost label wins. The caps (tp-document-caps.h) are checked once
 * for the whole step when the outermost group ends: FALSE then means the step would not
 * fit in a file and was taken back whole (TpDocument::refused). */
void          tp_document_begin_group   (TpDocument  *self,
                                         const char  *label);
gboolean      tp_document_end_group     (TpDocument  *self);

/* History. */
gboolean      tp_document_can_undo      (TpDocument  *self);
gboolean      tp_document_can_redo      (TpDocument  *self);
const char   *tp_document_get_undo_label (TpDocument *self);
const char   *tp_document_get_redo_label (TpDocument *self);
void          tp_document_undo          (TpDocument  *self);
void          tp_document_redo          (TpDocument  *self);
/* Reverts the last step and forgets it, as if it had never been done: for a provisional
 * step the user abandoned (an empty note left by rapid capture), which redo must not
 * bring back. */
void          tp_document_undo_discard  (TpDocument  *self);
/* The ids a step touched, to restore a sensible selection after undo or redo. */
const char * const *tp_document_get_last_affected (TpDocument *self);
gboolean      tp_document_get_modified  (TpDocument  *self);
/* Marks the current state as the saved one. */
void          tp_document_set_saved     (TpDocument  *self);
/* An opaque token for the current state of the history (changes with every step, undo
 * and redo), so that an asynchronous save can mark as saved the state it serialized. */
guint64       tp_document_get_state     (TpDocument  *self);
void          tp_document_set_saved_state (TpDocument *self,
                                           guint64     state);

/* The file the document was loaded from or saved to, if any. */
GFile        *tp_document_get_file      (TpDocument  *self);
void          tp_document_set_file      (TpDocument  *self,
                                         GFile       *file);
/* "Acme.touchpoint" for a file, else the metadata title, else "Untitled Workshop". */
char         *tp_document_dup_display_name (TpDocument *self);

/* A fresh id with the given prefix ("n", "t", …), unique in the document. */
char         *tp_document_make_id       (TpDocument  *self,
                                         const char  *prefix);

G_END_DECLS
