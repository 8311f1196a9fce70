/* tp-item.h: what every identifiable thing in a document shares.
 *
 * Notes, personas, stages, touchpoints, links and the document's metadata all start with
 * a TpItem, so that the undo machinery can copy, compare and restore any of them through
 * one interface: an edit command is simply "this item's fields before, and after".
 */
#pragma once

#include "tp-types.h"
#include "tp-extras.h"

G_BEGIN_DECLS

struct _TpItem
{
  TpItemKind  kind;
  char       *id;
  TpExtras    extras;
};

/* Deep copy of the item's own fields, keeping its id. A stage's copy does not include
 * its touchpoints: they are items of their own. */
TpItem     *tp_item_copy    (const TpItem *item);
void        tp_item_free    (TpItem       *item);
/* Replaces dest's own fields by copies of src's (same kind); dest keeps its id and, for
 * a stage, its touchpoints. */
void        tp_item_assign  (TpItem       *dest,
                             const TpItem *src);
/* Compares the items' own fields (ids included). */
gboolean    tp_item_equal   (const TpItem *a,
                             const TpItem *b);
const char *tp_item_get_id  (const TpItem *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpItem, tp_item_free)

/* Helpers for the per-kind files. */
void        _tp_item_init   (TpItem     *item,
                             TpItemKind  kind,
                             const char *id);
void        _tp_item_clear  (TpItem     *item);
/* Replaces *field by a copy of value (NULL stays NULL). */
void        _tp_str_assign  (char       **field,
                             const char  *value);
/* A deep copy of a GPtrArray using copy_func, or an empty array for NULL. */
GPtrArray  *_tp_ptr_array_copy  (GPtrArray      *array,
                                 GCopyFunc       copy_func,
                                 GDestroyNotify  free_func);
gboolean    _tp_ptr_array_equal (GPtrArray      *a,
                                 GPtrArray      *b,
                                 GEqualFunc      equal_func);
/* Doubles compare equal when both are NAN. */
gboolean    _tp_double_equal    (double          a,
                                 double          b);

G_END_DECLS
