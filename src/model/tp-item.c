/* tp-item.c: copy, compare and restore any item through one interface */

#include "config.h"

#include <math.h>

#include "tp-document.h"

void
_tp_item_init (TpItem     *item,
               TpItemKind  kind,
               const char *id)
{
  item->kind = kind;
  item->id = g_strdup (id);
}

void
_tp_item_clear (TpItem *item)
{
  g_clear_pointer (&item->id, g_free);
  tp_extras_clear (&item->extras);
}

void
_tp_str_assign (char       **field,
                const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

GPtrArray *
_tp_ptr_array_copy (GPtrArray      *array,
                    GCopyFunc       copy_func,
                    GDestroyNotify  free_func)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (free_func);

  if (array != NULL)
    for (guint i = 0; i < array->len; i++)
      g_ptr_array_add (copy, copy_func (g_ptr_array_index (array, i), NULL));

  return copy;
}

gboolean
_tp_ptr_array_equal (GPtrArray  *a,
                     GPtrArray  *b,
                     GEqualFunc  equal_func)
{
  guint na = a ? a->len : 0;
  guint nb = b ? b->len : 0;

  if (na != nb)
    return FALSE;

  for (guint i = 0; i < na; i++)
    if (!equal_func (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;

  return TRUE;
}

gboolean
_tp_double_equal (double a,
                  double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);

  return a == b;
}

TpItem *
tp_item_copy (const TpItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  switch (item->kind)
    {
    case TP_ITEM_META:
      return (TpItem *) tp_meta_copy ((const TpMeta *) item);
    case TP_ITEM_NOTE:
      return (TpItem *) tp_note_copy ((const TpNote *) item);
    case TP_ITEM_PERSONA:
      return (TpItem *) tp_persona_copy ((const TpPersona *) item);
    case TP_ITEM_STAGE:
      return (TpItem *) tp_stage_copy ((const TpStage *) item);
    case TP_ITEM_TOUCHPOINT:
      return (TpItem *) tp_touchpoint_copy ((const TpTouchpoint *) item);
    case TP_ITEM_LINK:
      return (TpItem *) tp_link_copy ((const TpLink *) item);
    default:
      g_return_val_if_reached (NULL);
    }
}

void
tp_item_free (TpItem *item)
{
  if (item == NULL)
    return;

  switch (item->kind)
    {
    case TP_ITEM_META:
      tp_meta_free ((TpMeta *) item);
      break;
    case TP_ITEM_NOTE:
      tp_note_free ((TpNote *) item);
      break;
    case TP_ITEM_PERSONA:
      tp_persona_free ((TpPersona *) item);
      break;
    case TP_ITEM_STAGE:
      tp_stage_free ((TpStage *) item);
      break;
    case TP_ITEM_TOUCHPOINT:
      tp_touchpoint_free ((TpTouchpoint *) item);
      break;
    case TP_ITEM_LINK:
      tp_link_free ((TpLink *) item);
      break;
    default:
      g_return_if_reached ();
    }
}

void
tp_item_assign (TpItem       *dest,
                const TpItem *src)
{
  g_return_if_fail (dest != NULL && src != NULL);
  g_return_if_fail (dest->kind == src->kind);

  if (dest == src)
    return;

  tp_extras_copy (&dest->extras, &src->extras);

  switch (dest->kind)
    {
    case TP_ITEM_META:
      _tp_meta_assign ((TpMeta *) dest, (const TpMeta *) src);
      break;
    case TP_ITEM_NOTE:
      _tp_note_assign ((TpNote *) dest, (const TpNote *) src);
      break;
    case TP_ITEM_PERSONA:
      _tp_persona_assign ((TpPersona *) dest, (const TpPersona *) src);
      break;
    case TP_ITEM_STAGE:
      _tp_stage_assign ((TpStage *) dest, (const TpStage *) src);
      break;
    case TP_ITEM_TOUCHPOINT:
      _tp_touchpoint_assign ((TpTouchpoint *) dest, (const TpTouchpoint *) src);
      break;
    case TP_ITEM_LINK:
      _tp_link_assign ((TpLink *) dest, (const TpLink *) src);
      break;
    default:
      g_return_if_reached ();
    }
}

gboolean
tp_item_equal (const TpItem *a,
               const TpItem *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL || a->kind != b->kind)
    return FALSE;

  switch (a->kind)
    {
    case TP_ITEM_META:
      return tp_meta_equal ((const TpMeta *) a, (const TpMeta *) b);
    case TP_ITEM_NOTE:
      return tp_note_equal ((const TpNote *) a, (const TpNote *) b);
    case TP_ITEM_PERSONA:
      return tp_persona_equal ((const TpPersona *) a, (const TpPersona *) b);
    case TP_ITEM_STAGE:
      return tp_stage_equal ((const TpStage *) a, (const TpStage *) b);
    case TP_ITEM_TOUCHPOINT:
      return tp_touchpoint_equal ((const TpTouchpoint *) a, (const TpTouchpoint *) b);
    case TP_ITEM_LINK:
      return tp_link_equal ((const TpLink *) a, (const TpLink *) b);
    default:
      g_return_val_if_reached (FALSE);
    }
}

const char *
tp_item_get_id (const TpItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  return item->id;
}
