/* tp-schema-quick.h: proves a valid document valid without libxml2's RelaxNG validator.
 *
 * TRUE only when the runtime grammar accepts doc (what tp_schema_validate() compiles);
 * FALSE says nothing: the document may still be valid, and libxml2's validator decides
 * and words the problems.
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

gboolean _tp_schema_quick_accepts (xmlDoc *doc);

G_END_DECLS
