/* tp-document-private.h: what io/ needs to build and serialize a document.
 *
 * These functions bypass the history and emit no signals: they are for a document that
 * nobody watches yet (the loader) or for reading parts that only the file format cares
 * about (unknown content of newer versions).
 */
#pragma once

#include "tp-document.h"

G_BEGIN_DECLS

/* Places in a file that are not items but can still hold unknown newer content. */
typedef enum {
  TP_SECTION_ROOT,
  TP_SECTION_PERSONAS,
  TP_SECTION_CANVAS,
  TP_SECTION_VALUE_CHAIN,
  TP_SECTION_JOURNEY,
  TP_SECTION_LINKS,
  TP_N_SECTIONS
} TpSection;

TpExtras *_tp_document_get_section_extras   (TpDocument  *self,
                                             TpSection    section);
TpExtras *_tp_document_get_container_extras (TpDocument  *self,
                                             TpContainer  container);

/* The minor format version the document must be written with: ours, or a newer one
 * whose unknown content the document carries. */
guint     _tp_document_get_format_minor     (TpDocument  *self);
void      _tp_document_set_format_minor     (TpDocument  *self,
                                             guint        minor);

/* Building. Each takes ownership; ids must be unique (FALSE and nothing taken if not). */
void      _tp_document_set_meta             (TpDocument  *self,
                                             TpMeta      *meta);
gboolean  _tp_document_append_note          (TpDocument  *self,
                                             TpNote      *note);
gboolean  _tp_document_append_persona       (TpDocument  *self,
                                             TpPersona   *persona);
gboolean  _tp_document_append_stage         (TpDocument  *self,
                                             TpStage     *stage);
gboolean  _tp_document_append_touchpoint    (TpDocument   *self,
                                             TpStage      *stage,
                                             TpTouchpoint *touchpoint);
gboolean  _tp_document_append_link          (TpDocument  *self,
                                             TpLink      *link);

G_END_DECLS

G_BEGIN_DECLS

/* Where an item sits: notes use container, touchpoints stage, all use index. */
typedef struct
{
  TpContainer  container;
  char        *stage;
  guint        index;
} TpPosition;

void      _tp_position_clear          (TpPosition       *position);
void      _tp_position_copy           (TpPosition       *dest,
                                       const TpPosition *src);

/* The primitive changes commands are made of. Each emits "changed". */
void      _tp_document_insert_item    (TpDocument       *self,
                                       TpItem           *item,
                                       const TpPosition *position);
TpItem   *_tp_document_remove_item    (TpDocument       *self,
                                       const char       *id,
                                       TpPosition       *position);
void      _tp_document_move_item      (TpDocument       *self,
                                       const char       *id,
                                       const TpPosition *position);
void      _tp_document_assign_item    (TpDocument       *self,
                                       const TpItem     *fields);
/* Forgets the applied step of state state (tp_document_get_state() right after it)
 * without reverting it, wherever it lies in the history; the caller takes its changes
 * over (tp-vote-round.c). FALSE when no applied step has that state. */
gboolean  _tp_document_forget_step    (TpDocument       *self,
                                       guint64           state);
gboolean  _tp_document_get_position   (TpDocument       *self,
                                       const char       *id,
                                       TpPosition       *position);

G_END_DECLS
