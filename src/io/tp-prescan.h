/* tp-prescan.h: a cheap look at the raw bytes before libxml2 sees them.
 *
 * libxml2 2.9.14 needs minutes of CPU for one element with 200,000 attributes
 * (RELIABILITY.md); a linear pass that counts attributes per tag, name lengths, elements
 * and nesting keeps such files from reaching the parser. It is not a parser: it only has
 * to count conservatively, and malformed input is left for libxml2 to reject.
 */
#pragma once

#include <glib.h>

#include "tp-caps.h"
#include "tp-problem.h"

G_BEGIN_DECLS

typedef struct
{
  guint max_attributes;   /* per tag */
  guint max_name_length;  /* of element and attribute names, in bytes */
  guint max_elements;     /* in the whole document */
  guint max_depth;        /* of element nesting */
} TpPrescanLimits;

/* The limits the loader uses: far above anything Touchpoint writes (a 10,000-note board
 * has about 30,000 elements and a nesting depth of 6), far below what hurts. */
#define TP_PRESCAN_MAX_ATTRIBUTES  64
#define TP_PRESCAN_MAX_NAME_LENGTH 256
#define TP_PRESCAN_MAX_ELEMENTS    TP_DOCUMENT_MAX_ELEMENTS
#define TP_PRESCAN_MAX_DEPTH       64

/* Returns TRUE when data stays within limits (NULL: the defaults above); otherwise FALSE
 * with a problem naming the first cap exceeded and its line. */
gboolean tp_prescan (const char             *data,
                     gsize                   length,
                     const TpPrescanLimits  *limits,
                     TpProblem             **problem);

G_END_DECLS
