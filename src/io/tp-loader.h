/* tp-loader.h: bytes → document, through the hardened pipeline of RELIABILITY.md.
 *
 * Caps, UTF-8 check, pre-scan, libxml2 in its safe modes with any DOCTYPE refused, root,
 * namespace and version checks, the RelaxNG schema, then semantic checks (unique ids,
 * links that resolve, numbers in range). Never keeps libxml2 nodes.
 */
#pragma once

#include "model/tp-document.h"
#include "tp-caps.h"
#include "tp-problem.h"

G_BEGIN_DECLS

#define TP_LOAD_ERROR (tp_load_error_quark ())

typedef enum {
  TP_LOAD_ERROR_TOO_LARGE,      /* over TP_LOAD_MAX_BYTES, or over a structural cap */
  TP_LOAD_ERROR_ENCODING,       /* not UTF-8, or contains NUL */
  TP_LOAD_ERROR_MALFORMED,      /* not well-formed XML, or has a DOCTYPE */
  TP_LOAD_ERROR_NOT_TOUCHPOINT, /* another kind of XML document */
  TP_LOAD_ERROR_NEWER_VERSION,  /* a newer major version, or newer content where it cannot be kept */
  TP_LOAD_ERROR_INVALID,        /* fails the schema or a semantic check */
} TpLoadError;

#define TP_LOAD_MAX_BYTES TP_DOCUMENT_MAX_BYTES

GQuark      tp_load_error_quark (void);

/* On failure returns NULL and sets error, whose message starts with "Line N: " when the
 * problem has a line. If problems is not NULL it receives every problem found (element
 * type TpProblem, in line order), at least one when loading failed. */
TpDocument *tp_load_bytes       (GBytes      *bytes,
                                 GPtrArray  **problems,
                                 GError     **error);

/* From now on the parsed trees are kept to the process's end instead of freed: for a
 * process that loads and exits (touchpoint-validate), never for the app. */
void        tp_load_keep_trees  (void);

G_END_DECLS
