/* tp-kano.c: the Kano evaluation of questionnaire answers (Berger et al. 1993) */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "model/tp-enums.h"

#include "tp-kano.h"

#define A TP_KANO_ATTRACTIVE
#define O TP_KANO_ONE_DIMENSIONAL
#define M TP_KANO_MUST_BE
#define I TP_KANO_INDIFFERENT
#define R TP_KANO_REVERSE
#define Q TP_KANO_QUESTIONABLE

/* The Kano evaluation table: functional answer down, dysfunctional answer across, both in
 * the questionnaire's order (like, must-be, neutral, live-with, dislike). */
static const TpKanoCategory evaluation_table[TP_N_KANO_ANSWERS][TP_N_KANO_ANSWERS] = {
  /* like:      */ { Q, A, A, A, O },
  /* must-be:   */ { R, I, I, I, M },
  /* neutral:   */ { R, I, I, I, M },
  /* live-with: */ { R, I, I, I, M },
  /* dislike:   */ { R, R, R, R, Q },
};

/* The order that breaks a tie, strongest claim first: a need that is a must-be for a
 * large minority must not be treated as a mere delighter (Berger et al. 1993). */
static const TpKanoCategory tie_order[] = { M, O, A, I, R, Q };

#undef A
#undef O
#undef M
#undef I
#undef R
#undef Q

/* The share of all answers within which the top categories count as tied. */
#define TIE_SHARE 0.06

/* The one-sided 95 % point of the normal distribution, as Fong (1996) uses it. */
#define FONG_Z 1.65

TpKanoCategory
tp_kano_classify (TpKanoAnswer functional,
                  TpKanoAnswer dysfunctional)
{
  g_return_val_if_fail (functional < TP_N_KANO_ANSWERS, TP_KANO_QUESTIONABLE);
  g_return_val_if_fail (dysfunctional < TP_N_KANO_ANSWERS, TP_KANO_QUESTIONABLE);

  return evaluation_table[functional][dysfunctional];
}

static guint
tie_rank (TpKanoCategory category)
{
  for (guint i = 0; i < G_N_ELEMENTS (tie_order); i++)
    if (tie_order[i] == category)
      return i;

  g_assert_not_reached ();
}

/* Whether a is ahead of b: more answers, or as many and earlier in the tie order. */
static gboolean
ranks_before (const double   counts[TP_N_KANO_CATEGORIES],
              TpKanoCategory a,
              TpKanoCategory b)
{
  if (counts[a] != counts[b])
    return counts[a] > counts[b];

  return tie_rank (a) < tie_rank (b);
}

/* Whether count lies within TIE_SHARE of the answers below top. Counts are whole
 * numbers and published shares have one or two decimals, so a tolerance far below either
 * keeps a difference of exactly 6 % on the tied side despite binary rounding. */
static gboolean
within_tie_share (double top,
                  double count,
                  double total)
{
  return top - count <= TIE_SHARE * total + 1e-9 * total;
}

void
tp_kano_evaluate_counts (const double  counts[TP_N_KANO_CATEGORIES],
                         TpKanoResult *result)
{
  TpKanoCategory first = TP_KANO_NONE, second = TP_KANO_NONE;
  double total = 0, aomi, top, a, b;

  g_return_if_fail (counts != NULL);
  g_return_if_fail (result != NULL);

  *result = (TpKanoResult) {
    .category = TP_KANO_NONE,
    .runner_up = TP_KANO_NONE,
    .better = NAN,
    .worse = NAN,
  };

  for (guint c = TP_KANO_NONE + 1; c < TP_N_KANO_CATEGORIES; c++)
    {
      /* Negative or non-finite counts have no meaning; they count as none. */
      result->counts[c] = isfinite (counts[c]) && counts[c] > 0 ? counts[c] : 0;
      total += result->counts[c];
    }
  result->total = total;

  if (total <= 0)
    return;

  /* The two most frequent categories, equal counts ordered by the tie order. */
  for (guint c = TP_KANO_NONE + 1; c < TP_N_KANO_CATEGORIES; c++)
    {
      if (result->counts[c] <= 0)
        continue;
      if (first == TP_KANO_NONE || ranks_before (result->counts, c, first))
        {
          second = first;
          first = c;
        }
      else if (second == TP_KANO_NONE || ranks_before (result->counts, c, second))
        {
          second = c;
        }
    }

  result->category = first;
  result->runner_up = second;
  top = result->counts[first];

  /* When the top two are close, the most frequent is no better supported than the
   * runner-up: every category within 6 % of the top competes, and the tie order decides
   * among them. */
  if (second != TP_KANO_NONE && within_tie_share (top, result->counts[second], total))
    {
      for (guint i = 0; i < G_N_ELEMENTS (tie_order); i++)
        {
          TpKanoCategory c = tie_order[i];

          if (result->counts[c] > 0 && within_tie_share (top, result->counts[c], total))
            {
              result->category = c;
              break;
            }
        }

      result->tie_broken = TRUE;

      /* The runner-up is then the strongest of the others. */
      if (result->category != first)
        {
          result->runner_up = TP_KANO_NONE;
          for (guint c = TP_KANO_NONE + 1; c < TP_N_KANO_CATEGORIES; c++)
            if (c != result->category && result->counts[c] > 0 &&
                (result->runner_up == TP_KANO_NONE ||
                 ranks_before (result->counts, c, result->runner_up)))
              result->runner_up = c;
        }
    }

  /* Fong's test compares the two largest counts, whatever broke the tie. */
  a = top;
  b = second != TP_KANO_NONE ? result->counts[second] : 0;
  result->too_few = a + b < TP_KANO_FONG_MIN_PAIR;
  result->significant = !result->too_few &&
                        fabs (a - b) >= FONG_Z * sqrt ((a + b) * (2 * total - a - b) / (2 * total));

  aomi = result->counts[TP_KANO_ATTRACTIVE] + result->counts[TP_KANO_ONE_DIMENSIONAL] +
         result->counts[TP_KANO_MUST_BE] + result->counts[TP_KANO_INDIFFERENT];
  if (aomi > 0)
    {
      double om = result->counts[TP_KANO_ONE_DIMENSIONAL] + result->counts[TP_KANO_MUST_BE];

      double ao = result->counts[TP_KANO_ATTRACTIVE] + result->counts[TP_KANO_ONE_DIMENSIONAL];

      result->better = ao / aomi;
      /* Without O and M answers the quotient is −0, which would print as "-0.0000". */
      result->worse = om > 0 ? -om / aomi : 0.0;
    }
}

void
tp_kano_evaluate (const TpKanoNeed *need,
                  TpKanoResult     *result)
{
  double counts[TP_N_KANO_CATEGORIES] = { 0, };

  g_return_if_fail (need != NULL);
  g_return_if_fail (result != NULL);

  for (guint f = 0; f < TP_N_KANO_ANSWERS; f++)
    for (guint d = 0; d < TP_N_KANO_ANSWERS; d++)
      counts[evaluation_table[f][d]] += need->answers[f][d];

  tp_kano_evaluate_counts (counts, result);
}

TpKanoCategory
tp_kano_get_category_source (const TpKanoNeed *need,
                             TpKanoSource     *source)
{
  TpKanoResult result;
  TpKanoSource from = TP_KANO_SOURCE_NONE;
  TpKanoCategory category = TP_KANO_NONE;

  g_return_val_if_fail (need != NULL, TP_KANO_NONE);

  /* Answers are evidence; a hand-set category is a guess made before them (or a note of
   * a need nobody was asked about), so the answers win once there are any. */
  tp_kano_evaluate (need, &result);
  if (result.category != TP_KANO_NONE)
    {
      category = result.category;
      from = TP_KANO_SOURCE_ANSWERS;
    }
  else if (need->category > TP_KANO_NONE && need->category < TP_N_KANO_CATEGORIES)
    {
      category = need->category;
      from = TP_KANO_SOURCE_HAND;
    }

  if (source != NULL)
    *source = from;
  return category;
}

TpKanoCategory
tp_kano_get_category (const TpKanoNeed *need)
{
  return tp_kano_get_category_source (need, NULL);
}

char *
tp_kano_describe (const TpKanoNeed *need)
{
  TpKanoSource source;
  TpKanoCategory category = tp_kano_get_category_source (need, &source);
  const char *label = tp_enum_get_label (TP_ENUM_KANO_CATEGORY, category);
  guint64 n;

  g_return_val_if_fail (need != NULL, NULL);

  switch (source)
    {
    case TP_KANO_SOURCE_ANSWERS:
      n = tp_kano_need_get_n_answers (need);
      /* Translators: a Kano category and where it comes from, as in "Attractive (from 68
       * answers)". */
      return g_strdup_printf (ngettext ("%s (from %" G_GUINT64_FORMAT " answer)",
                                        "%s (from %" G_GUINT64_FORMAT " answers)",
                                        (gulong) MIN (n, G_MAXULONG)), label, n);
    case TP_KANO_SOURCE_HAND:
      /* Translators: a Kano category chosen by the facilitator, as in "Must-be (set by
       * hand)". */
      return g_strdup_printf (_("%s (set by hand)"), label);
    case TP_KANO_SOURCE_NONE:
    default:
      return g_strdup (label);
    }
}
