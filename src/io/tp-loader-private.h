/* tp-loader-private.h: what the parts of the loader share.
 *
 * tp-loader.c runs the pipeline (bytes → libxml2 tree → checks), tp-loader-extras.c takes
 * the unknown content of newer minor versions out of the tree, and tp-loader-build.c
 * turns the checked tree into a document with the semantic checks.
 */
#pragma once

#include <libxml/tree.h>

#include "model/tp-document-private.h"
#include "tp-problem.h"

G_BEGIN_DECLS

/* More problems than this in one file tell the user nothing new. */
#define TP_LOAD_MAX_PROBLEMS 100

guint       _tp_loader_get_line          (xmlNode    *node);
gboolean    _tp_loader_is_element        (xmlNode    *node,
                                          const char *name);
/* Values from the tree, as the schema's datatypes read them but stricter. */
char       *_tp_loader_dup_attribute     (xmlNode    *node,
                                          const char *name);
/* The value, or NULL if absent; valid while the tree and *storage (to be freed) are. */
const char *_tp_loader_peek_attribute    (xmlNode    *node,
                                          const char *name,
                                          char      **storage);
char       *_tp_loader_dup_content       (xmlNode    *node);
gboolean    _tp_loader_parse_integer     (const char *text,
                                          gint64      min,
                                          gint64      max,
                                          gint64     *out);
gboolean    _tp_loader_parse_real        (const char *text,
                                          double     *out);
/* A real date as YYYY-MM-DD, normalized, or NULL. */
char       *_tp_loader_parse_date        (const char *text);
/* With a real minus sign, for messages. */
char       *_tp_loader_format_integer    (gint64      value);

/* Appends a problem unless there are TP_LOAD_MAX_PROBLEMS already. */
void        _tp_loader_add_problem       (GPtrArray  *problems,
                                          guint       line,
                                          const char *format,
                                          ...) G_GNUC_PRINTF (3, 4);

/* Moves every element and attribute below root that this build does not know out of the
 * tree, into TpExtras kept in a table (xmlNode * → TpExtras *) for the node whose item
 * keeps them. Content in a place that has no item to keep it is reported as a problem
 * and left in the tree. Returns FALSE if there was such content. */
gboolean    _tp_loader_extract_extras    (xmlNode    *root,
                                          GHashTable *extras,
                                          GPtrArray  *problems);
GHashTable *_tp_loader_extras_table_new  (void);
/* Moves the extras recorded for node (if any) to dest. */
void        _tp_loader_take_extras       (GHashTable *extras,
                                          xmlNode    *node,
                                          TpExtras   *dest);

/* Builds the document from root, with the semantic checks; extras may be NULL. The
 * elements problems were found on are added to problem_nodes. Returns the document even
 * when problems were found: the caller decides. */
TpDocument *_tp_loader_build             (xmlNode    *root,
                                          GHashTable *extras,
                                          GPtrArray  *problems,
                                          GHashTable *problem_nodes);

G_END_DECLS
