/* tp-extras.c: unknown content of newer format versions, kept verbatim */

#include "config.h"

#include "tp-extras.h"

static gboolean
str_arrays_equal (GPtrArray *a,
                  GPtrArray *b)
{
  guint na = a ? a->len : 0;
  guint nb = b ? b->len : 0;

  if (na != nb)
    return FALSE;

  for (guint i = 0; i < na; i++)
    if (g_strcmp0 (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
      return FALSE;

  return TRUE;
}

static GPtrArray *
str_array_copy (GPtrArray *src)
{
  if (src == NULL || src->len == 0)
    return NULL;

  return g_ptr_array_copy (src, (GCopyFunc) g_strdup, NULL);
}

void
tp_extras_clear (TpExtras *extras)
{
  g_clear_pointer (&extras->attributes, g_ptr_array_unref);
  g_clear_pointer (&extras->elements, g_ptr_array_unref);
}

void
tp_extras_copy (TpExtras       *dest,
                const TpExtras *src)
{
  GPtrArray *attributes = str_array_copy (src->attributes);
  GPtrArray *elements = str_array_copy (src->elements);

  /* Copy first, then clear: dest and src may be the same. */
  tp_extras_clear (dest);
  if (attributes != NULL)
    g_ptr_array_set_free_func (attributes, g_free);
  if (elements != NULL)
    g_ptr_array_set_free_func (elements, g_free);
  dest->attributes = attributes;
  dest->elements = elements;
}

gboolean
tp_extras_equal (const TpExtras *a,
                 const TpExtras *b)
{
  return str_arrays_equal (a->attributes, b->attributes) &&
         str_arrays_equal (a->elements, b->elements);
}

gboolean
tp_extras_is_empty (const TpExtras *extras)
{
  return (extras->attributes == NULL || extras->attributes->len == 0) &&
         (extras->elements == NULL || extras->elements->len == 0);
}

void
tp_extras_add_attribute (TpExtras   *extras,
                         const char *name,
                         const char *value)
{
  g_return_if_fail (name != NULL);

  if (extras->attributes == NULL)
    extras->attributes = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (extras->attributes, g_strdup (name));
  g_ptr_array_add (extras->attributes, g_strdup (value ? value : ""));
}

void
tp_extras_add_element (TpExtras   *extras,
                       const char *xml)
{
  g_return_if_fail (xml != NULL);

  if (extras->elements == NULL)
    extras->elements = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (extras->elements, g_strdup (xml));
}
