/* tp-document-story.c: hiding and showing the story's steps, as undoable edits */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tp-document-story.h"

/* Where key is in the sorted list, or where it would go (found FALSE). */
static guint
find_key (GPtrArray  *keys,
          const char *key,
          gboolean   *found)
{
  guint low = 0, high = keys->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      int order = strcmp (g_ptr_array_index (keys, middle), key);

      if (order == 0)
        {
          *found = TRUE;
          return middle;
        }
      if (order < 0)
        low = middle + 1;
      else
        high = middle;
    }

  *found = FALSE;
  return low;
}

gboolean
tp_document_get_story_step_hidden (TpDocument *self,
                                   const char *key)
{
  gboolean found;

  g_return_val_if_fail (TP_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  find_key (tp_document_get_meta (self)->story_hidden, key, &found);
  return found;
}

void
tp_document_set_story_step_hidden (TpDocument *self,
                                   const char *key,
                                   gboolean    hidden)
{
  TpMeta *copy;
  gboolean found;
  guint index;

  g_return_if_fail (TP_IS_DOCUMENT (self));
  g_return_if_fail (key != NULL && key[0] != '\0');

  if (tp_document_get_story_step_hidden (self, key) == !!hidden)
    return;

  copy = (TpMeta *) tp_document_edit_begin (self, TP_META_ID);
  index = find_key (copy->story_hidden, key, &found);
  if (hidden)
    g_ptr_array_insert (copy->story_hidden, index, g_strdup (key));
  else
    g_ptr_array_remove_index (copy->story_hidden, index);

  tp_document_edit_commit (self, (TpItem *) copy, hidden ? _("Hide Step") : _("Show Step"),
                           FALSE);
}
