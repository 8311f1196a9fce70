/* tp-kano-need.c: a customer need classified with the Kano model */

#include "config.h"

#include <string.h>

#include "tp-kano-need.h"

TpKanoNeed *
tp_kano_need_new (const char *id,
                  const char *text)
{
  TpKanoNeed *need = g_new0 (TpKanoNeed, 1);

  need->id = g_strdup (id);
  need->text = g_strdup (text ? text : "");

  return need;
}

TpKanoNeed *
tp_kano_need_copy (const TpKanoNeed *need)
{
  TpKanoNeed *copy = g_memdup2 (need, sizeof *need);

  copy->id = g_strdup (need->id);
  copy->text = g_strdup (need->text);
  memset (&copy->extras, 0, sizeof copy->extras);
  tp_extras_copy (&copy->extras, &need->extras);

  return copy;
}

void
tp_kano_need_free (TpKanoNeed *need)
{
  if (need == NULL)
    return;

  g_free (need->id);
  g_free (need->text);
  tp_extras_clear (&need->extras);
  g_free (need);
}

gboolean
tp_kano_need_equal (const TpKanoNeed *a,
                    const TpKanoNeed *b)
{
  return g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->text, b->text) == 0 &&
         a->category == b->category &&
         memcmp (a->answers, b->answers, sizeof a->answers) == 0 &&
         tp_extras_equal (&a->extras, &b->extras);
}

guint64
tp_kano_need_get_n_answers (const TpKanoNeed *need)
{
  guint64 total = 0;

  for (guint f = 0; f < TP_N_KANO_ANSWERS; f++)
    for (guint d = 0; d < TP_N_KANO_ANSWERS; d++)
      total += need->answers[f][d];

  return total;
}
