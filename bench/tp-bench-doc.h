/* tp-bench-doc.h: synthetic workshops of a chosen size, for the benchmark. */
#pragma once

#include "model/tp-document.h"

G_BEGIN_DECLS

/* A document with n_notes notes spread over every block and area, n_notes / 5
 * touchpoints over five stages (a third of them moments of truth with Kano needs and
 * KPIs) and n_notes / 10 links. The same n always gives the same document. */
TpDocument *tp_bench_make_document (guint n_notes);

G_END_DECLS
