/* tp-note.h: a sticky note in a canvas block or a value-chain area. */
#pragma once

#include "tp-item.h"

G_BEGIN_DECLS

struct _TpNote
{
  TpItem        item;
  TpContainer   container;   /* kept in step with the list that holds the note */
  char         *text;
  TpNoteColour  colour;
  TpEvidence    evidence;
  guint         votes;
  char         *persona;     /* persona id, or NULL */
};

TpNote   *tp_note_new   (const char *id,
                         const char *text);
TpNote   *tp_note_copy  (const TpNote *note);
void      tp_note_free  (TpNote       *note);
gboolean  tp_note_equal (const TpNote *a,
                         const TpNote *b);
void      _tp_note_assign (TpNote       *dest,
                           const TpNote *src);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpNote, tp_note_free)

G_END_DECLS
