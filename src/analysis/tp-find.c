/* tp-find.c: finding words anywhere in a workshop.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tp-find.h"

/* Text in one form for comparing: composed the same way, case folded. */
static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_ALL_COMPOSE);

  return g_utf8_casefold (normal != NULL ? normal : "", -1);
}

static gboolean
holds (const char *text,
       const char *needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  folded = fold (text);
  return strstr (folded, needle) != NULL;
}

static gboolean
any_holds (GPtrArray  *texts,
           const char *needle)
{
  for (guint i = 0; texts != NULL && i < texts->len; i++)
    if (holds (g_ptr_array_index (texts, i), needle))
      return TRUE;
  return FALSE;
}

static gboolean
kpis_hold (GPtrArray  *kpis,
           const char *needle)
{
  for (guint i = 0; kpis != NULL && i < kpis->len; i++)
    {
      TpKpi *kpi = g_ptr_array_index (kpis, i);

      if (holds (kpi->name, needle) || holds (kpi->unit, needle))
        return TRUE;
    }
  return FALSE;
}

static gboolean
touchpoint_holds (TpTouchpoint *tp,
                  const char   *needle)
{
  if (holds (tp->name, needle) || holds (tp->channel, needle) || holds (tp->action, needle) ||
      any_holds (tp->pains, needle) || any_holds (tp->opportunities, needle) ||
      kpis_hold (tp->kpis, needle))
    return TRUE;

  for (guint i = 0; tp->needs != NULL && i < tp->needs->len; i++)
    if (holds (((TpKanoNeed *) g_ptr_array_index (tp->needs, i))->text, needle))
      return TRUE;

  for (guint i = 0; tp->actions != NULL && i < tp->actions->len; i++)
    {
      TpActionItem *action = g_ptr_array_index (tp->actions, i);

      if (holds (action->what, needle) || holds (action->owner, needle))
        return TRUE;
    }
  return FALSE;
}

GPtrArray *
tp_find_items (TpDocument *document,
               const char *query)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *stripped = NULL;
  g_autofree char *needle = NULL;
  GPtrArray *stages, *links, *personas;

  g_return_val_if_fail (TP_IS_DOCUMENT (document), found);

  stripped = g_strstrip (g_strdup (query != NULL ? query : ""));
  if (*stripped == '\0')
    return found;
  needle = fold (stripped);

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      GPtrArray *notes = tp_document_get_notes (document, c);

      for (guint i = 0; i < notes->len; i++)
        {
          TpNote *note = g_ptr_array_index (notes, i);

          if (holds (note->text, needle))
            g_ptr_array_add (found, g_strdup (note->item.id));
        }
    }

  stages = tp_document_get_stages (document);
  for (guint s = 0; s < stages->len; s++)
    {
      TpStage *stage = g_ptr_array_index (stages, s);

      if (holds (stage->name, needle) || holds (stage->job, needle) ||
          kpis_hold (stage->kpis, needle))
        g_ptr_array_add (found, g_strdup (stage->item.id));

      for (guint t = 0; t < stage->touchpoints->len; t++)
        {
          TpTouchpoint *tp = g_ptr_array_index (stage->touchpoints, t);

          if (touchpoint_holds (tp, needle))
            g_ptr_array_add (found, g_strdup (tp->item.id));
        }
    }

  links = tp_document_get_links (document);
  for (guint i = 0; i < links->len; i++)
    {
      TpLink *link = g_ptr_array_index (links, i);

      if (holds (link->label, needle))
        g_ptr_array_add (found, g_strdup (link->item.id));
    }

  personas = tp_document_get_personas (document);
  for (guint i = 0; i < personas->len; i++)
    {
      TpPersona *persona = g_ptr_array_index (personas, i);

      if (holds (persona->name, needle) || holds (persona->description, needle))
        g_ptr_array_add (found, g_strdup (persona->item.id));
    }

  return found;
}
