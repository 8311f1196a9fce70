/* tp-note.c: a sticky note */

#include "config.h"

#include "tp-note.h"

TpNote *
tp_note_new (const char *id,
             const char *text)
{
  TpNote *note = g_new0 (TpNote, 1);

  _tp_item_init (&note->item, TP_ITEM_NOTE, id);
  note->text = g_strdup (text ? text : "");
  note->colour = TP_NOTE_COLOUR_YELLOW;
  note->evidence = TP_EVIDENCE_ASSUMPTION;

  return note;
}

void
_tp_note_assign (TpNote       *dest,
                 const TpNote *src)
{
  dest->container = src->container;
  _tp_str_assign (&dest->text, src->text);
  dest->colour = src->colour;
  dest->evidence = src->evidence;
  dest->votes = src->votes;
  _tp_str_assign (&dest->persona, src->persona);
}

TpNote *
tp_note_copy (const TpNote *note)
{
  TpNote *copy = tp_note_new (note->item.id, NULL);

  tp_item_assign (&copy->item, &note->item);

  return copy;
}

void
tp_note_free (TpNote *note)
{
  if (note == NULL)
    return;

  _tp_item_clear (&note->item);
  g_free (note->text);
  g_free (note->persona);
  g_free (note);
}

gboolean
tp_note_equal (const TpNote *a,
               const TpNote *b)
{
  return g_strcmp0 (a->item.id, b->item.id) == 0 &&
         tp_extras_equal (&a->item.extras, &b->item.extras) &&
         a->container == b->container &&
         g_strcmp0 (a->text, b->text) == 0 &&
         a->colour == b->colour &&
         a->evidence == b->evidence &&
         a->votes == b->votes &&
         g_strcmp0 (a->persona, b->persona) == 0;
}
