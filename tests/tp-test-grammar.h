/* tp-test-grammar.h: a RelaxNG grammar from a file, and whether it accepts a tree, for
 * the tests that hold the loader's checks against a schema. */
#pragma once

#include <glib.h>
#include <libxml/relaxng.h>

G_BEGIN_DECLS

/* The grammar at path, compiled once per path for the test program's life. */
xmlRelaxNGPtr tp_test_grammar_load    (const char    *path);
/* Whether grammar accepts doc; its messages are not printed. */
gboolean      tp_test_grammar_accepts (xmlRelaxNGPtr  grammar,
                                       xmlDoc        *doc);

G_END_DECLS
