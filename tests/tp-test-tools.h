/* tp-test-tools.h: what the core tests that read exports back share: the outside tools
 * they run (pdftotext, pdfinfo, xmllint …) and loading a document from a path. No GTK. */
#pragma once

#include "model/tp-document.h"

G_BEGIN_DECLS

/* Whether a helper program is installed; skips the current test when it is not. */
gboolean    tp_test_have_tool  (const char         *name);
/* Runs a tool (argv[0] looked up in PATH) and returns its standard output; fails the
 * test unless it exits 0. */
char       *tp_test_run_tool   (const char * const *argv);
/* The document at path, through the hardened loader; fails the test on an error. */
TpDocument *tp_test_load_path  (const char         *path);

G_END_DECLS
