/* tp-kano.h: the Kano evaluation of a need's questionnaire answers.
 *
 * Each respondent answers a functional question ("If the product has …, how do you
 * feel?") and a dysfunctional one ("If it does not have …") with one of five answers in
 * the standard order: like, must-be, neutral, live-with, dislike. The pair is classified
 * with the Kano evaluation table of Berger et al. (1993) as Attractive, One-dimensional,
 * Must-be, Indifferent, Reverse or Questionable.
 *
 * - The category of a need is the most frequent; when the top two are within 6 % of the
 *   answers, the tie is broken by M > O > A > I (then R > Q).
 * - Better = (A + O) / (A + O + M + I), Worse = −(O + M) / (A + O + M + I), R and Q left
 *   out (Berger et al. 1993); NAN when A + O + M + I is 0.
 * - Fong's test: the category is significantly more frequent than the runner-up when
 *   |a − b| ≥ 1.65 × √((a + b)(2n − a − b) / 2n), a and b the two largest counts of n.
 */
#pragma once

#include "model/tp-kano-need.h"

G_BEGIN_DECLS

/* The category an answer pair falls in (never TP_KANO_NONE). */
TpKanoCategory  tp_kano_classify       (TpKanoAnswer functional,
                                        TpKanoAnswer dysfunctional);

typedef struct
{
  /* Answers per category, indexed by TpKanoCategory (TP_KANO_NONE unused); counts, or
   * percentages for tp_kano_evaluate_shares(). */
  double          counts[TP_N_KANO_CATEGORIES];
  double          total;         /* every answer, R and Q included */
  TpKanoCategory  category;      /* TP_KANO_NONE without answers */
  TpKanoCategory  runner_up;     /* the most frequent of the others (the top one when the
                                  * tie order chose another), TP_KANO_NONE if none */
  gboolean        tie_broken;    /* the top two were within 6 %: decided by M > O > A > I */
  double          better;        /* 0 … 1, NAN without A, O, M or I answers */
  double          worse;         /* −1 … 0 (never −0), NAN likewise */
  gboolean        significant;   /* Fong's test */
} TpKanoResult;

/* Evaluates a need's answer matrix ([functional][dysfunctional] counts). */
void            tp_kano_evaluate       (const TpKanoNeed *need,
                                        TpKanoResult     *result);
/* The same from counts (or shares) per category already tallied, as published tables
 * give them. */
void            tp_kano_evaluate_counts (const double     counts[TP_N_KANO_CATEGORIES],
                                         TpKanoResult     *result);
/* The category to show for a need: set by hand if it is, else evaluated from its answers
 * (TP_KANO_NONE when neither). */
TpKanoCategory  tp_kano_get_category   (const TpKanoNeed *need);

G_END_DECLS
