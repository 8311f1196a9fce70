/* tp-problem.c: one thing wrong with a document, with the line where it applies. */
#include "config.h"

#include "tp-problem.h"

TpProblem *
tp_problem_new (guint       line,
                const char *message)
{
  TpProblem *problem;

  g_return_val_if_fail (message != NULL, NULL);

  problem = g_new0 (TpProblem, 1);
  problem->line = line;
  problem->message = g_strdup (message);

  return problem;
}

void
tp_problem_free (TpProblem *problem)
{
  if (problem == NULL)
    return;

  g_free (problem->message);
  g_free (problem);
}
