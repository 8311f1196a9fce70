/* tp-persona.c: a persona / customer segment */

#include "config.h"

#include "tp-persona.h"

TpPersona *
tp_persona_new (const char *id,
                const char *name,
                TpAccent    accent)
{
  TpPersona *persona = g_new0 (TpPersona, 1);

  _tp_item_init (&persona->item, TP_ITEM_PERSONA, id);
  persona->name = g_strdup (name ? name : "");
  persona->description = g_strdup ("");
  persona->accent = accent;

  return persona;
}

void
_tp_persona_assign (TpPersona       *dest,
                    const TpPersona *src)
{
  _tp_str_assign (&dest->name, src->name);
  _tp_str_assign (&dest->description, src->description);
  dest->accent = src->accent;
}

TpPersona *
tp_persona_copy (const TpPersona *persona)
{
  TpPersona *copy = tp_persona_new (persona->item.id, NULL, persona->accent);

  tp_item_assign (&copy->item, &persona->item);

  return copy;
}

void
tp_persona_free (TpPersona *persona)
{
  if (persona == NULL)
    return;

  _tp_item_clear (&persona->item);
  g_free (persona->name);
  g_free (persona->description);
  g_free (persona);
}

gboolean
tp_persona_equal (const TpPersona *a,
                  const TpPersona *b)
{
  return g_strcmp0 (a->item.id, b->item.id) == 0 &&
         tp_extras_equal (&a->item.extras, &b->item.extras) &&
         g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->description, b->description) == 0 &&
         a->accent == b->accent;
}
