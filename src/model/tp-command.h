/* tp-command.h: an undoable change to a document.
 *
 * A command knows how to apply and revert itself and what to call itself in the Edit
 * menu ("Undo Move Note"). Commands are plain structures with a small class table, like
 * Dia's undo changes: they are created, applied and then owned by the history.
 */
#pragma once

#include "tp-types.h"

G_BEGIN_DECLS

typedef struct _TpDocument TpDocument;

typedef struct
{
  /* Applies the change to the document, or reverts it. Both are called with the document
   * in the state the other left it in. */
  void      (*apply)       (TpCommand  *self,
                            TpDocument *document);
  void      (*revert)      (TpCommand  *self,
                            TpDocument *document);
  /* Absorbs next, which was applied right after self, into self; returns FALSE if the
   * two cannot be merged. Optional. */
  gboolean  (*merge)       (TpCommand  *self,
                            TpCommand  *next);
  /* Adds the ids the command touched to ids (element type utf8, owned). */
  void      (*collect_ids) (TpCommand  *self,
                            GPtrArray  *ids);
  void      (*finalize)    (TpCommand  *self);
} TpCommandClass;

struct _TpCommand
{
  const TpCommandClass *klass;
  char                 *label;
  gboolean              mergeable;
  guint64               serial;   /* set by the history; identifies a state */
};

gpointer  _tp_command_alloc       (const TpCommandClass *klass,
                                   gsize                 size,
                                   const char           *label);
void      tp_command_apply        (TpCommand  *self,
                                   TpDocument *document);
void      tp_command_revert       (TpCommand  *self,
                                   TpDocument *document);
gboolean  tp_command_merge        (TpCommand  *self,
                                   TpCommand  *next);
void      tp_command_collect_ids  (TpCommand  *self,
                                   GPtrArray  *ids);
void      tp_command_free         (TpCommand  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpCommand, tp_command_free)

G_END_DECLS
