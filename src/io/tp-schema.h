/* tp-schema.h: the RelaxNG schema of the file format, compiled once.
 *
 * The schema (data/touchpoint.rng, built into the core GResource) is the loader's
 * backstop for structure; its messages are vague, so the loader checks what it can in
 * code first and uses the schema for the rest.
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* Validates doc; appends a TpProblem for each error (at most max_problems) to problems
 * and, if nodes is not NULL, the element it was reported on (or NULL) to nodes. Safe to
 * call from any thread. Returns TRUE when doc is valid. */
gboolean tp_schema_validate (xmlDoc    *doc,
                             GPtrArray *problems,
                             GPtrArray *nodes,
                             guint      max_problems);

G_END_DECLS
