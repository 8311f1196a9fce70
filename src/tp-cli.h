/* tp-cli.h: the command-line modes that never touch a display (PRODUCT.md contract). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE when argv asks for a mode handled here rather than by the application. */
gboolean tp_cli_wants (int    argc,
                       char **argv);
/* Runs it; returns the exit status (0 done, 1 bad input, 2 bad usage). */
int      tp_cli_run   (int    argc,
                       char **argv);

G_END_DECLS
