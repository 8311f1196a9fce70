/* tp-caps-measure.c: a document's size as a file, for the model's caps check */

#include "config.h"

#include <string.h>

#include "tp-caps-measure.h"
#include "tp-writer.h"

/* Start tags: every "<" the writer emits that opens an element. Text is escaped ("&lt;"),
 * so the only other "<" are end tags, comments and processing instructions. */
static guint
count_elements (const char *data,
                gsize       size)
{
  const char *end = data + size;
  guint n = 0;

  for (const char *p = memchr (data, '<', size); p != NULL && p + 1 < end;
       p = memchr (p + 1, '<', end - p - 1))
    if (p[1] != '/' && p[1] != '!' && p[1] != '?')
      n++;

  return n;
}

gboolean
tp_caps_measure (TpDocument     *document,
                 TpDocumentSize *size)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (TP_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (size != NULL, FALSE);

  bytes = tp_write_bytes (document);
  data = g_bytes_get_data (bytes, &length);
  size->bytes = length;
  size->elements = length > 0 ? count_elements (data, length) : 0;

  return TRUE;
}

void
tp_caps_install (void)
{
  tp_document_set_measure_func (tp_caps_measure);
}
