/* tp-problem.h: one thing wrong with a document, with the line where it applies. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint  line;      /* 1-based; 0 when the problem is not tied to a line */
  char  *message;   /* one sentence, translated, no trailing period */
} TpProblem;

TpProblem *tp_problem_new  (guint       line,
                            const char *message);
void       tp_problem_free (TpProblem  *problem);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpProblem, tp_problem_free)

G_END_DECLS
