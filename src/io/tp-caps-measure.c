/* tp-caps-measure.c: a document's size as a file, for the model's caps check */

#include "config.h"

#include <string.h>

#include "tp-caps-measure.h"
#include "model/tp-document-private.h"
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

static void
measure_document (TpDocument     *document,
                  TpDocumentSize *size)
{
  g_autoptr(GBytes) bytes = tp_write_bytes (document);
  const char *data;
  gsize length;

  data = g_bytes_get_data (bytes, &length);
  size->bytes = length;
  size->elements = length > 0 ? count_elements (data, length) : 0;
}

/* A document of item alone, with what it needs around it (a touchpoint its stage). */
static TpDocument *
scratch_document (const TpItem *item,
                  gboolean      with_item)
{
  TpDocument *scratch = tp_document_new ();
  TpItem *copy = with_item ? tp_item_copy (item) : NULL;
  gboolean added = TRUE;

  switch (item->kind)
    {
    case TP_ITEM_NOTE:
      added = copy == NULL || _tp_document_append_note (scratch, (TpNote *) copy);
      break;
    case TP_ITEM_PERSONA:
      added = copy == NULL || _tp_document_append_persona (scratch, (TpPersona *) copy);
      break;
    case TP_ITEM_STAGE:
      added = copy == NULL || _tp_document_append_stage (scratch, (TpStage *) copy);
      break;
    case TP_ITEM_TOUCHPOINT:
      {
        const char *stage_id = ((const TpTouchpoint *) item)->stage;
        TpStage *stage = tp_stage_new (stage_id != NULL ? stage_id : "s", NULL);

        g_assert (_tp_document_append_stage (scratch, stage));
        added = copy == NULL || _tp_document_append_touchpoint (scratch, stage, (TpTouchpoint *) copy);
      }
      break;
    case TP_ITEM_LINK:
      added = copy == NULL || _tp_document_append_link (scratch, (TpLink *) copy);
      break;
    case TP_ITEM_META:
      if (copy != NULL)
        _tp_document_set_meta (scratch, (TpMeta *) copy);
      break;
    default:
      g_clear_pointer (&copy, tp_item_free);
      break;
    }

  /* The scratch document is new and empty: its ids cannot clash. */
  g_assert (added);
  return scratch;
}

gboolean
tp_caps_measure (TpDocument     *document,
                 const TpItem   *item,
                 TpDocumentSize *size)
{
  g_return_val_if_fail (TP_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (size != NULL, FALSE);

  if (item == NULL)
    {
      measure_document (document, size);
    }
  else
    {
      /* What the item adds to a file: a document of it alone, less the same without it.
       * That counts the block or stage it opens too, so it is never less than what the
       * item adds to a real document, and for an edit (after less before) it is exact. */
      g_autoptr(TpDocument) with = scratch_document (item, TRUE);
      g_autoptr(TpDocument) without = scratch_document (item, FALSE);
      TpDocumentSize base;

      measure_document (with, size);
      measure_document (without, &base);
      size->bytes -= MIN (size->bytes, base.bytes);
      size->elements -= MIN (size->elements, base.elements);
    }

  return TRUE;
}

void
tp_caps_install (void)
{
  static gsize installed = 0;

  /* Once, as the writer may run on any thread; one already set stays (a test may
   * measure its own way). */
  if (g_once_init_enter (&installed))
    {
      if (tp_document_get_measure_func () == NULL)
        tp_document_set_measure_func (tp_caps_measure);
      g_once_init_leave (&installed, 1);
    }
}
