/* tp-fuzz.h: what the loader harnesses share: setup, and the check made on one input. */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <glib.h>

G_BEGIN_DECLS

/* libFuzzer's entry points, declared for -Wmissing-declarations. */
int      LLVMFuzzerInitialize   (int            *argc,
                                 char         ***argv);
int      LLVMFuzzerTestOneInput (const uint8_t  *data,
                                 size_t          size);

/* Makes GLib's warnings and criticals fatal, as G_DEBUG does in the test suite, so that
 * the fuzzer reports them as crashes. */
void     tp_fuzz_init           (void);

/* Loads data with tp_load_bytes(). A failure must come with an error and its problems; a
 * success must serialize with tp_write_bytes() to bytes that load again and serialize to
 * the same bytes. Aborts with a message saying which promise was broken; otherwise
 * returns whether the document loaded. problem, if not NULL, receives the first problem's
 * message when it did not. */
gboolean tp_fuzz_check          (const guint8   *data,
                                 gsize           size,
                                 char          **problem);

/* Prints "==== tp-fuzz: message ====" and aborts, so that libFuzzer keeps the input: for a
 * promise a harness checks itself. */
G_NORETURN void tp_fuzz_abort   (const char     *format,
                                 ...) G_GNUC_PRINTF (1, 2);

G_END_DECLS
