/* tp-extras.h: content of a newer format version that this build does not understand.
 *
 * A document written by a newer minor version may carry elements and attributes we do not
 * know. They are kept, verbatim, on the item they were found in, and written back on save,
 * so that opening and saving a file in an older Touchpoint never destroys a newer one's
 * work (PRODUCT.md, "unknown newer content not destroyed").
 */
#pragma once

#include "tp-types.h"

G_BEGIN_DECLS

struct _TpExtras
{
  GPtrArray *attributes;  /* (element-type utf8): name, value, name, value, … */
  GPtrArray *elements;    /* (element-type utf8): serialized XML of each unknown child */
};

void      tp_extras_clear        (TpExtras       *extras);
void      tp_extras_copy         (TpExtras       *dest,
                                  const TpExtras *src);
gboolean  tp_extras_equal        (const TpExtras *a,
                                  const TpExtras *b);
gboolean  tp_extras_is_empty     (const TpExtras *extras);
void      tp_extras_add_attribute (TpExtras   *extras,
                                   const char *name,
                                   const char *value);
void      tp_extras_add_element  (TpExtras   *extras,
                                  const char *xml);

G_END_DECLS
