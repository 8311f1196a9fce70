/* tp-test-display.c: waiting on the main loop in display tests */

#include "config.h"

#include "tp-test-display.h"

static gboolean
on_wait_timeout (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

void
tp_test_wait_until (TpTestCondition  condition,
                    gpointer         data,
                    const char      *what)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (TP_TEST_WAIT_SECONDS, on_wait_timeout, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Timed out waiting for %s", what);

  g_source_remove (id);
}

/* Bounded: an animation (a dialog appearing, a spinner) keeps the frame clock busy, and
 * under sanitizers frames are slow enough that something is always pending. */
void
tp_test_flush_events (void)
{
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC;

  while (g_main_context_pending (NULL) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}
