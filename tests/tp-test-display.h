/* tp-test-display.h: waiting on the main loop in display tests, the same way everywhere. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How long any single wait may take before the test fails rather than hangs. */
#define TP_TEST_WAIT_SECONDS 20

typedef gboolean (*TpTestCondition) (gpointer data);

/* Iterates the main loop until condition (data) holds; fails the test naming what it
 * waited for after TP_TEST_WAIT_SECONDS. */
void tp_test_wait_until   (TpTestCondition  condition,
                           gpointer         data,
                           const char      *what);
/* Lets pending work run, for at most a second. */
void tp_test_flush_events (void);

G_END_DECLS
