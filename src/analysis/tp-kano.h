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
 *   The test is a normal approximation, so it is only claimed when a + b ≥ 10: under its
 *   null hypothesis (a and b equally likely) each side then expects at least 5 answers,
 *   the usual condition for approximating a binomial by the normal (np ≥ 5 and
 *   n(1 − p) ≥ 5). Below that the sample is too small to say either way.
 * - The category shown for a need, everywhere (board, inspector, analysis, CSV), is the
 *   one evaluated from its answers when it has any, else the one set by hand.
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
  gboolean        significant;   /* Fong's test, on a sample large enough for it */
  gboolean        too_few;       /* answered, but too few answers for Fong's test */
} TpKanoResult;

/* Where the category shown for a need comes from. */
typedef enum {
  TP_KANO_SOURCE_NONE,      /* neither answers nor a category set by hand */
  TP_KANO_SOURCE_ANSWERS,   /* evaluated from its questionnaire answers */
  TP_KANO_SOURCE_HAND,      /* set by hand, the need having no answers */
} TpKanoSource;

/* The two largest counts must together reach this for Fong's test to be claimed. */
#define TP_KANO_FONG_MIN_PAIR 10

/* Evaluates a need's answer matrix ([functional][dysfunctional] counts). */
void            tp_kano_evaluate       (const TpKanoNeed *need,
                                        TpKanoResult     *result);
/* The same from counts (or shares) per category already tallied, as published tables
 * give them. */
void            tp_kano_evaluate_counts (const double     counts[TP_N_KANO_CATEGORIES],
                                         TpKanoResult     *result);
/* The category to show for a need: evaluated from its answers when it has any, else the
 * one set by hand (TP_KANO_NONE when neither). The board's tags, the inspector, the
 * analysis page and the CSV table all ask this, so they cannot disagree. */
TpKanoCategory  tp_kano_get_category   (const TpKanoNeed *need);
/* The same, with where it comes from (source may be NULL). */
TpKanoCategory  tp_kano_get_category_source (const TpKanoNeed *need,
                                             TpKanoSource     *source);
/* The shown category in words with its origin, as in "Attractive (from 68 answers)",
 * "Must-be (set by hand)" or "Not classified". */
char           *tp_kano_describe       (const TpKanoNeed *need);

G_END_DECLS
