/* tp-meta.c: the document's metadata */

#include "config.h"

#include "tp-meta.h"

TpMeta *
tp_meta_new (void)
{
  TpMeta *meta = g_new0 (TpMeta, 1);

  _tp_item_init (&meta->item, TP_ITEM_META, TP_META_ID);
  meta->title = g_strdup ("");
  meta->organisation = g_strdup ("");
  meta->facilitator = g_strdup ("");
  meta->date = g_strdup ("");
  meta->story_hidden = g_ptr_array_new_with_free_func (g_free);

  return meta;
}

void
_tp_meta_assign (TpMeta       *dest,
                 const TpMeta *src)
{
  _tp_str_assign (&dest->title, src->title);
  _tp_str_assign (&dest->organisation, src->organisation);
  _tp_str_assign (&dest->facilitator, src->facilitator);
  _tp_str_assign (&dest->date, src->date);
  g_ptr_array_set_size (dest->story_hidden, 0);
  for (guint i = 0; i < src->story_hidden->len; i++)
    g_ptr_array_add (dest->story_hidden, g_strdup (g_ptr_array_index (src->story_hidden, i)));
}

TpMeta *
tp_meta_copy (const TpMeta *meta)
{
  TpMeta *copy = tp_meta_new ();

  tp_item_assign (&copy->item, &meta->item);

  return copy;
}

void
tp_meta_free (TpMeta *meta)
{
  if (meta == NULL)
    return;

  _tp_item_clear (&meta->item);
  g_free (meta->title);
  g_free (meta->organisation);
  g_free (meta->facilitator);
  g_free (meta->date);
  g_ptr_array_unref (meta->story_hidden);
  g_free (meta);
}

static gboolean
strv_equal (const GPtrArray *a,
            const GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
      return FALSE;
  return TRUE;
}

gboolean
tp_meta_equal (const TpMeta *a,
               const TpMeta *b)
{
  return tp_extras_equal (&a->item.extras, &b->item.extras) &&
         g_strcmp0 (a->title, b->title) == 0 &&
         g_strcmp0 (a->organisation, b->organisation) == 0 &&
         g_strcmp0 (a->facilitator, b->facilitator) == 0 &&
         g_strcmp0 (a->date, b->date) == 0 &&
         strv_equal (a->story_hidden, b->story_hidden);
}
