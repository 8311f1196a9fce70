/* tp-link.c: a note linked to a touchpoint */

#include "config.h"

#include "tp-link.h"

TpLink *
tp_link_new (const char *id,
             const char *note,
             const char *touchpoint,
             const char *label)
{
  TpLink *link = g_new0 (TpLink, 1);

  _tp_item_init (&link->item, TP_ITEM_LINK, id);
  link->note = g_strdup (note);
  link->touchpoint = g_strdup (touchpoint);
  link->label = g_strdup (label ? label : "");

  return link;
}

void
_tp_link_assign (TpLink       *dest,
                 const TpLink *src)
{
  _tp_str_assign (&dest->note, src->note);
  _tp_str_assign (&dest->touchpoint, src->touchpoint);
  _tp_str_assign (&dest->label, src->label);
}

TpLink *
tp_link_copy (const TpLink *link)
{
  TpLink *copy = tp_link_new (link->item.id, NULL, NULL, NULL);

  tp_item_assign (&copy->item, &link->item);

  return copy;
}

void
tp_link_free (TpLink *link)
{
  if (link == NULL)
    return;

  _tp_item_clear (&link->item);
  g_free (link->note);
  g_free (link->touchpoint);
  g_free (link->label);
  g_free (link);
}

gboolean
tp_link_equal (const TpLink *a,
               const TpLink *b)
{
  return g_strcmp0 (a->item.id, b->item.id) == 0 &&
         tp_extras_equal (&a->item.extras, &b->item.extras) &&
         g_strcmp0 (a->note, b->note) == 0 &&
         g_strcmp0 (a->touchpoint, b->touchpoint) == 0 &&
         g_strcmp0 (a->label, b->label) == 0;
}
