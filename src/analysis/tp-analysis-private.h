/* tp-analysis-private.h: helpers shared by the analysis files, not part of their API. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* value with at most max_decimals digits after a dot (C locale), trailing zeros and a
 * trailing dot dropped, never "-0"; "" for NAN. */
char *_tp_format_trimmed (double value,
                          guint  max_decimals);

G_END_DECLS
