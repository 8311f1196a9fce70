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

G_END_DECLS
