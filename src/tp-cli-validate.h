/* tp-cli-validate.h: `touchpoint --validate FILE`, shared by touchpoint-cli and
 * touchpoint-validate (issue 19). */
#pragma once

#include <glib.h>

#include "io/tp-problem.h"

G_BEGIN_DECLS

/* Prints a problem as FILE:LINE: message (PRODUCT.md contract). */
void     tp_cli_print_problem (const char      *path,
                               const TpProblem *problem);
/* Loads path and prints its problems; TRUE when it is a valid document. */
gboolean tp_cli_validate_file (const char      *path);
/* For a process that exits once it has validated: the valid documents are kept to the
 * end instead of freed one object at a time (5 % of a 10,000-note --validate, issue 19);
 * the system takes the memory back at once. */
void     tp_cli_validate_keep_documents (void);

G_END_DECLS
