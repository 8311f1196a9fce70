/* tp-persona.h: a named, coloured customer segment that notes and touchpoints refer to. */
#pragma once

#include "tp-item.h"

G_BEGIN_DECLS

struct _TpPersona
{
  TpItem    item;
  char     *name;
  char     *description;
  TpAccent  accent;
};

TpPersona *tp_persona_new   (const char *id,
                             const char *name,
                             TpAccent    accent);
TpPersona *tp_persona_copy  (const TpPersona *persona);
void       tp_persona_free  (TpPersona       *persona);
gboolean   tp_persona_equal (const TpPersona *a,
                             const TpPersona *b);
void       _tp_persona_assign (TpPersona       *dest,
                               const TpPersona *src);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpPersona, tp_persona_free)

G_END_DECLS
