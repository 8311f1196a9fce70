/* tp-bench-doc.h: synthetic workshops of a chosen size, for the benchmark. */
#pragma once

#include "model/tp-document.h"

G_BEGIN_DECLS

/* A document with n_notes notes spread over every block and area, n_notes / 5
 * touchpoints over five stages (a third of them moments of truth with Kano needs and
 * KPIs) and n_notes / 10 links. The same n always gives the same document. */
TpDocument *tp_bench_make_document (guint n_notes);

/* Documents that grow in one element kind only (issue 16, finding 9), on a small fixed
 * base, so that a cost growing faster than that kind shows in time at n against n / 10:
 *   "links"    n links between n / 2 notes and n / 10 touchpoints (at least 500 and
 *              100), as a board of N notes has N / 2 links (issue 19);
 *   "touchpoints" n plain touchpoints (an action, a pain, an opportunity, no moment of
 *              truth), over 100 notes;
 *   "moments"  n touchpoints, every one a moment of truth with its gap fields and an
 *              action, over 100 notes;
 *   "needs"    n Kano needs with answers, over 100 moments of truth;
 *   "kpis"     n NPS KPIs with scores, over 100 moments of truth.
 * NULL for an unknown shape. The same shape and n always give the same document. */
TpDocument *tp_bench_make_shape    (const char *shape,
                                    guint       n);

/* Between min_words and max_words words of a shop's vocabulary, drawn from rand. */
char       *tp_bench_make_text     (GRand      *rand,
                                    guint       min_words,
                                    guint       max_words);

/* Microseconds now: by the process's CPU clock with cpu set (for a machine that other
 * work shares: an export runs on one thread, so on an idle machine the two agree),
 * else by the monotonic wall clock. */
gint64      tp_bench_now_us        (gboolean    cpu);

G_END_DECLS
