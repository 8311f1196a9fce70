/* test-analysis.c: the analysis core against published worked examples.
 *
 * Kano (Berger et al. 1993: the evaluation table, a published percentage table, the 6 %
 * tie rule, Fong's test), the KPI formulas with textbook figures, the gap ranking and the
 * priority matrix, the journey summary and its pain peaks, and the CSV tables, byte for
 * byte on small documents and column by column on the example workshop.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "analysis/tp-analysis-csv.h"
#include "analysis/tp-gap.h"
#include "analysis/tp-journey-summary.h"
#include "analysis/tp-kano.h"
#include "analysis/tp-kpi-value.h"
#include "io/tp-document-file.h"
#include "model/tp-document.h"

#define MINUS "\u2212"

static TpDocument *
load_example (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (TP_EXAMPLE_PATH);
  g_autoptr(GError) error = NULL;
  TpDocument *document = tp_load_file (file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

/* Asserts a figure to 4 decimals, the precision of the published tables. */
static void
assert_4dp (double      value,
            const char *expected)
{
  g_autofree char *text = tp_format_number (value, 4);

  g_assert_cmpstr (text, ==, expected);
}

/* Kano */

static void
test_kano_table (void)
{
  /* Berger et al. (1993), functional answer down, dysfunctional across, both in the
   * order like, must-be, neutral, live-with, dislike. */
  static const char * const rows[TP_N_KANO_ANSWERS] = {
    "QAAAO",
    "RIIIM",
    "RIIIM",
    "RIIIM",
    "RRRRQ",
  };
  static const struct { char letter; TpKanoCategory category; } letters[] = {
    { 'A', TP_KANO_ATTRACTIVE }, { 'O', TP_KANO_ONE_DIMENSIONAL }, { 'M', TP_KANO_MUST_BE },
    { 'I', TP_KANO_INDIFFERENT }, { 'R', TP_KANO_REVERSE }, { 'Q', TP_KANO_QUESTIONABLE },
  };
  g_autoptr(TpKanoNeed) need = tp_kano_need_new ("k1", "Every cell once");
  TpKanoResult result;

  for (guint f = 0; f < TP_N_KANO_ANSWERS; f++)
    for (guint d = 0; d < TP_N_KANO_ANSWERS; d++)
      {
        TpKanoCategory expected = TP_KANO_NONE;

        for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
          if (letters[i].letter == rows[f][d])
            expected = letters[i].category;

        g_test_message ("functional %u, dysfunctional %u: %c", f, d, rows[f][d]);
        g_assert_cmpint (tp_kano_classify (f, d), ==, expected);
        need->answers[f][d] = 1;
      }

  /* One answer per cell: A 3, O 1, M 3, I 9, R 7, Q 2 of 25. */
  tp_kano_evaluate (need, &result);
  g_assert_cmpfloat (result.total, ==, 25);
  g_assert_cmpfloat (result.counts[TP_KANO_ATTRACTIVE], ==, 3);
  g_assert_cmpfloat (result.counts[TP_KANO_ONE_DIMENSIONAL], ==, 1);
  g_assert_cmpfloat (result.counts[TP_KANO_MUST_BE], ==, 3);
  g_assert_cmpfloat (result.counts[TP_KANO_INDIFFERENT], ==, 9);
  g_assert_cmpfloat (result.counts[TP_KANO_REVERSE], ==, 7);
  g_assert_cmpfloat (result.counts[TP_KANO_QUESTIONABLE], ==, 2);
  /* I 9 and R 7 are 8 % apart: no tie, I wins. */
  g_assert_cmpint (result.category, ==, TP_KANO_INDIFFERENT);
  g_assert_cmpint (result.runner_up, ==, TP_KANO_REVERSE);
  g_assert_false (result.tie_broken);
  /* Better = (3 + 1) / 16, Worse = −(1 + 3) / 16. */
  assert_4dp (result.better, "0.2500");
  assert_4dp (result.worse, "-0.2500");
}

/* The published example: shares in %, M clearly first. */
static void
test_kano_published_shares (void)
{
  double shares[TP_N_KANO_CATEGORIES] = { 0, };
  TpKanoResult result;

  shares[TP_KANO_MUST_BE] = 52.7;
  shares[TP_KANO_ONE_DIMENSIONAL] = 22.6;
  shares[TP_KANO_ATTRACTIVE] = 8.3;
  shares[TP_KANO_REVERSE] = 2.5;
  shares[TP_KANO_QUESTIONABLE] = 1.5;
  shares[TP_KANO_INDIFFERENT] = 12.4;
  tp_kano_evaluate_counts (shares, &result);

  g_assert_cmpfloat_with_epsilon (result.total, 100, 1e-9);
  g_assert_cmpint (result.category, ==, TP_KANO_MUST_BE);
  g_assert_cmpint (result.runner_up, ==, TP_KANO_ONE_DIMENSIONAL);
  g_assert_false (result.tie_broken);
  /* Better = (8.3 + 22.6) / 96 = 0.321875, Worse = −(22.6 + 52.7) / 96 = −0.784375. */
  assert_4dp (result.better, "0.3219");
  assert_4dp (result.worse, "-0.7844");
  g_assert_cmpfloat_with_epsilon (result.better, 0.321875, 1e-12);
  g_assert_cmpfloat_with_epsilon (result.worse, -0.784375, 1e-12);
  /* Fong, as if 100 respondents: 1.65 × √(75.3 × 124.7 / 200) = 11.31 ≤ 30.1. */
  g_assert_true (result.significant);
}

typedef struct
{
  const char     *name;
  double          a, o, m, i, r, q;
  TpKanoCategory  category;
  gboolean        tie_broken;
} TieCase;

static const TieCase tie_cases[] = {
  /* I 32 is top; A (2 below) and O (4 below) are within 6 of 100, M (22) is not: O. */
  { "within-6-of-top", 30, 28, 10, 32, 0, 0, TP_KANO_ONE_DIMENSIONAL, TRUE },
  /* M > O: O 44, M 40. */
  { "must-be-over-one-dimensional", 16, 44, 40, 0, 0, 0, TP_KANO_MUST_BE, TRUE },
  /* O > A: A 45, O 40. */
  { "one-dimensional-over-attractive", 45, 40, 0, 15, 0, 0, TP_KANO_ONE_DIMENSIONAL, TRUE },
  /* A > I: I 50, A 45. */
  { "attractive-over-indifferent", 45, 0, 5, 50, 0, 0, TP_KANO_ATTRACTIVE, TRUE },
  /* I > R: R 48, I 45. */
  { "indifferent-over-reverse", 0, 0, 0, 45, 48, 7, TP_KANO_INDIFFERENT, TRUE },
  /* R > Q: a dead heat. */
  { "reverse-over-questionable", 0, 0, 0, 0, 50, 50, TP_KANO_REVERSE, TRUE },
  /* A third category within 6 of the top competes too: I 34, A 32, M 29 → M. */
  { "third-within-6", 32, 5, 29, 34, 0, 0, TP_KANO_MUST_BE, TRUE },
  /* … but not one that is within 6 of the second only: I 35, A 31, M 28 → A. */
  { "third-not-within-6", 31, 6, 28, 35, 0, 0, TP_KANO_ATTRACTIVE, TRUE },
  /* Exactly 6 % apart is within: A 106, M 94 of 200 → M. */
  { "exactly-6", 106, 0, 94, 0, 0, 0, TP_KANO_MUST_BE, TRUE },
  /* 7 % apart is a clear winner: A 107, M 93 of 200 → A. */
  { "clear-winner", 107, 0, 93, 0, 0, 0, TP_KANO_ATTRACTIVE, FALSE },
  /* A 40, O 33, M 27: 7 apart, A kept although M and O rank higher in the tie order. */
  { "clear-winner-low-rank", 40, 33, 27, 0, 0, 0, TP_KANO_ATTRACTIVE, FALSE },
  /* A single category. */
  { "single", 0, 0, 0, 3, 0, 0, TP_KANO_INDIFFERENT, FALSE },
};

static void
test_kano_tie (gconstpointer data)
{
  const TieCase *c = data;
  double counts[TP_N_KANO_CATEGORIES] = { 0, };
  TpKanoResult result;

  counts[TP_KANO_ATTRACTIVE] = c->a;
  counts[TP_KANO_ONE_DIMENSIONAL] = c->o;
  counts[TP_KANO_MUST_BE] = c->m;
  counts[TP_KANO_INDIFFERENT] = c->i;
  counts[TP_KANO_REVERSE] = c->r;
  counts[TP_KANO_QUESTIONABLE] = c->q;
  tp_kano_evaluate_counts (counts, &result);

  g_assert_cmpint (result.category, ==, c->category);
  g_assert_cmpint (result.tie_broken, ==, c->tie_broken);
  /* The runner-up is another category, with answers. */
  if (result.runner_up != TP_KANO_NONE)
    {
      g_assert_cmpint (result.runner_up, !=, result.category);
      g_assert_cmpfloat (result.counts[result.runner_up], >, 0);
    }
}

static void
test_kano_tie_runner_up (void)
{
  double counts[TP_N_KANO_CATEGORIES] = { 0, };
  TpKanoResult result;

  /* O is chosen over the most frequent I; I is then the runner-up. */
  counts[TP_KANO_ATTRACTIVE] = 30;
  counts[TP_KANO_ONE_DIMENSIONAL] = 28;
  counts[TP_KANO_MUST_BE] = 10;
  counts[TP_KANO_INDIFFERENT] = 32;
  tp_kano_evaluate_counts (counts, &result);
  g_assert_cmpint (result.category, ==, TP_KANO_ONE_DIMENSIONAL);
  g_assert_cmpint (result.runner_up, ==, TP_KANO_INDIFFERENT);
}

static void
test_kano_reverse_questionable (void)
{
  double with[TP_N_KANO_CATEGORIES] = { 0, }, without[TP_N_KANO_CATEGORIES] = { 0, };
  TpKanoResult a, b;

  /* A 10, O 20, M 30, I 40, with 50 R and 50 Q on top: the coefficients ignore them. */
  without[TP_KANO_ATTRACTIVE] = with[TP_KANO_ATTRACTIVE] = 10;
  without[TP_KANO_ONE_DIMENSIONAL] = with[TP_KANO_ONE_DIMENSIONAL] = 20;
  without[TP_KANO_MUST_BE] = with[TP_KANO_MUST_BE] = 30;
  without[TP_KANO_INDIFFERENT] = with[TP_KANO_INDIFFERENT] = 40;
  with[TP_KANO_REVERSE] = 50;
  with[TP_KANO_QUESTIONABLE] = 50;
  tp_kano_evaluate_counts (with, &a);
  tp_kano_evaluate_counts (without, &b);

  g_assert_cmpfloat (a.total, ==, 200);
  g_assert_cmpfloat (a.better, ==, b.better);
  g_assert_cmpfloat (a.worse, ==, b.worse);
  /* Better = 30 / 100, Worse = −50 / 100. */
  assert_4dp (a.better, "0.3000");
  assert_4dp (a.worse, "-0.5000");
  /* The category counts them all the same: R 50 and Q 50 lead, and I 40 is within 6 %
   * of 200 answers of them, so the tie order picks I. */
  g_assert_cmpint (a.category, ==, TP_KANO_INDIFFERENT);
  g_assert_true (a.tie_broken);
  g_assert_cmpint (b.category, ==, TP_KANO_INDIFFERENT);
  g_assert_false (b.tie_broken);

  /* Only R and Q: a category, but no coefficients. */
  memset (with, 0, sizeof with);
  with[TP_KANO_REVERSE] = 5;
  with[TP_KANO_QUESTIONABLE] = 1;
  tp_kano_evaluate_counts (with, &a);
  g_assert_cmpint (a.category, ==, TP_KANO_REVERSE);
  g_assert_true (isnan (a.better));
  g_assert_true (isnan (a.worse));
}

static void
test_kano_empty (void)
{
  double counts[TP_N_KANO_CATEGORIES] = { 0, };
  g_autoptr(TpKanoNeed) need = tp_kano_need_new ("k1", "Nobody asked");
  TpKanoResult result;

  tp_kano_evaluate_counts (counts, &result);
  g_assert_cmpfloat (result.total, ==, 0);
  g_assert_cmpint (result.category, ==, TP_KANO_NONE);
  g_assert_cmpint (result.runner_up, ==, TP_KANO_NONE);
  g_assert_false (result.tie_broken);
  g_assert_false (result.significant);
  g_assert_true (isnan (result.better));
  g_assert_true (isnan (result.worse));

  tp_kano_evaluate (need, &result);
  g_assert_cmpint (result.category, ==, TP_KANO_NONE);
  g_assert_true (isnan (result.better));
  g_assert_false (result.significant);
  g_assert_cmpint (tp_kano_get_category (need), ==, TP_KANO_NONE);

}

/* One Kano truth (issue 15): the category evaluated from the answers when there are any,
 * else the one set by hand, and its description says which. */
static void
test_kano_shown_category (void)
{
  g_autoptr(TpKanoNeed) need = tp_kano_need_new ("k1", "Nobody asked");
  TpKanoSource source = TP_KANO_SOURCE_ANSWERS;
  g_autofree char *none = NULL, *hand = NULL, *answers = NULL, *one = NULL;

  g_assert_cmpint (tp_kano_get_category_source (need, &source), ==, TP_KANO_NONE);
  g_assert_cmpint (source, ==, TP_KANO_SOURCE_NONE);
  none = tp_kano_describe (need);
  g_assert_cmpstr (none, ==, "Not classified");

  need->category = TP_KANO_ATTRACTIVE;
  g_assert_cmpint (tp_kano_get_category_source (need, &source), ==, TP_KANO_ATTRACTIVE);
  g_assert_cmpint (source, ==, TP_KANO_SOURCE_HAND);
  hand = tp_kano_describe (need);
  g_assert_cmpstr (hand, ==, "Attractive (set by hand)");

  /* Answers outrank the hand-set guess. */
  need->answers[TP_KANO_ANSWER_NEUTRAL][TP_KANO_ANSWER_DISLIKE] = 1;
  g_assert_cmpint (tp_kano_get_category_source (need, &source), ==, TP_KANO_MUST_BE);
  g_assert_cmpint (source, ==, TP_KANO_SOURCE_ANSWERS);
  one = tp_kano_describe (need);
  g_assert_cmpstr (one, ==, "Must-be (from 1 answer)");
  need->answers[TP_KANO_ANSWER_NEUTRAL][TP_KANO_ANSWER_DISLIKE] = 4;
  need->category = TP_KANO_NONE;
  g_assert_cmpint (tp_kano_get_category (need), ==, TP_KANO_MUST_BE);
}


static void
test_kano_worse_not_negative_zero (void)
{
  double counts[TP_N_KANO_CATEGORIES] = { 0, };
  g_autofree char *text = NULL;
  TpKanoResult result;

  /* Only attractive and indifferent answers: −(0 + 0) / 12 would be −0. */
  counts[TP_KANO_ATTRACTIVE] = 10;
  counts[TP_KANO_INDIFFERENT] = 2;
  tp_kano_evaluate_counts (counts, &result);
  g_assert_cmpfloat (result.worse, ==, 0);
  g_assert_false (signbit (result.worse));
  text = tp_format_number (result.worse, 4);
  g_assert_cmpstr (text, ==, "0.0000");
  assert_4dp (result.better, "0.8333");
}

static void
test_kano_fong (void)
{
  double counts[TP_N_KANO_CATEGORIES] = { 0, };
  TpKanoResult result;

  /* M 50, O 20, I 30 of n = 100: 1.65 × √((50 + 20)(200 − 70) / 200) = 1.65 × √45.5
   * = 11.13, and |50 − 20| = 30 ≥ 11.13: significant. */
  counts[TP_KANO_MUST_BE] = 50;
  counts[TP_KANO_ONE_DIMENSIONAL] = 20;
  counts[TP_KANO_INDIFFERENT] = 30;
  tp_kano_evaluate_counts (counts, &result);
  g_assert_cmpint (result.category, ==, TP_KANO_MUST_BE);
  g_assert_true (result.significant);

  /* A 9, O 7, I 4 of n = 20: A wins by 10 %, no tie, but 1.65 × √((9 + 7)(40 − 16) / 40)
   * = 1.65 × √9.6 = 5.11 > |9 − 7| = 2: not significant. */
  memset (counts, 0, sizeof counts);
  counts[TP_KANO_ATTRACTIVE] = 9;
  counts[TP_KANO_ONE_DIMENSIONAL] = 7;
  counts[TP_KANO_INDIFFERENT] = 4;
  tp_kano_evaluate_counts (counts, &result);
  g_assert_cmpint (result.category, ==, TP_KANO_ATTRACTIVE);
  g_assert_false (result.tie_broken);
  g_assert_false (result.significant);

  g_assert_false (result.too_few);

  /* Two agreeing answers pass the formula (2 ≥ 1.65 × √(2 × 2 / 4) = 1.65) but are far
   * too few for its normal approximation (issue 15: "a need with 2 answers is
   * significant"): the top two must together reach 10. */
  memset (counts, 0, sizeof counts);
  counts[TP_KANO_ATTRACTIVE] = 1;
  tp_kano_evaluate_counts (counts, &result);
  g_assert_false (result.significant);
  g_assert_true (result.too_few);
  counts[TP_KANO_ATTRACTIVE] = 2;
  tp_kano_evaluate_counts (counts, &result);
  g_assert_false (result.significant);
  g_assert_true (result.too_few);
  counts[TP_KANO_ATTRACTIVE] = 6;
  counts[TP_KANO_MUST_BE] = 3;
  tp_kano_evaluate_counts (counts, &result);
  g_assert_false (result.significant);
  g_assert_true (result.too_few);
  /* 10 agreeing answers: 10 ≥ 1.65 × √(10 × 10 / 20) = 3.69, and enough of them. */
  memset (counts, 0, sizeof counts);
  counts[TP_KANO_ATTRACTIVE] = 10;
  tp_kano_evaluate_counts (counts, &result);
  g_assert_false (result.too_few);
  g_assert_true (result.significant);
}

/* The example's needs with answers, evaluated. */
static void
test_kano_example (void)
{
  static const struct {
    const char     *id;
    TpKanoCategory  category;
    const char     *better;
    const char     *worse;
  } expected[] = {
    { "k2", TP_KANO_ATTRACTIVE, "0.7500", "-0.2059" },      /* A 42 O 9 M 5 I 12 */
    { "k3", TP_KANO_INDIFFERENT, "0.1458", "-0.0625" },     /* A 7 M 3 I 38 */
    { "k4", TP_KANO_ONE_DIMENSIONAL, "0.7500", "-0.8125" }, /* A 8 O 40 M 12 I 4 Q 1 */
    { "k5", TP_KANO_MUST_BE, "0.2143", "-0.8857" },         /* A 3 O 12 M 50 I 5 */
    { "k8", TP_KANO_ONE_DIMENSIONAL, "0.6818", "-0.7576" }, /* A 10 O 35 M 15 I 6 R 2 */
    { "k9", TP_KANO_REVERSE, "0.0000", "0.0000" },          /* I 10 R 28 Q 2 */
  };
  g_autoptr(TpDocument) document = load_example ();
  GPtrArray *stages = tp_document_get_stages (document);
  guint found = 0;

  for (guint s = 0; s < stages->len; s++)
    {
      TpStage *stage = g_ptr_array_index (stages, s);

      for (guint t = 0; t < stage->touchpoints->len; t++)
        {
          TpTouchpoint *tp = g_ptr_array_index (stage->touchpoints, t);

          for (guint k = 0; k < tp->needs->len; k++)
            {
              TpKanoNeed *need = g_ptr_array_index (tp->needs, k);
              TpKanoResult result;

              if (tp_kano_need_get_n_answers (need) == 0)
                continue;

              g_assert_cmpuint (found, <, G_N_ELEMENTS (expected));
              g_assert_cmpstr (need->id, ==, expected[found].id);
              tp_kano_evaluate (need, &result);
              g_assert_cmpint (result.category, ==, expected[found].category);
              /* The category every surface shows is the evaluated one. */
              g_assert_cmpint (tp_kano_get_category (need), ==, expected[found].category);
              g_assert_true (result.significant);
              assert_4dp (result.better, expected[found].better);
              assert_4dp (result.worse, expected[found].worse);
              found++;
            }
        }
    }

  g_assert_cmpuint (found, ==, G_N_ELEMENTS (expected));

  /* The need of the report: 68 answers, Attractive, nothing set by hand. */
  {
    TpTouchpoint *tp = tp_document_lookup_kind (document, "t4", TP_ITEM_TOUCHPOINT);
    g_autofree char *text = tp_kano_describe (g_ptr_array_index (tp->needs, 0));

    g_assert_cmpstr (text, ==, "Attractive (from 68 answers)");
  }
}

/* KPIs */

static TpKpi *
kpi_with_scores (TpKpiKind     kind,
                 const guint  *scores,
                 guint         n_scores)
{
  TpKpi *kpi = tp_kpi_new ("m1", kind, "KPI");

  g_assert_cmpuint (n_scores, <=, TP_KPI_SCORES);
  memcpy (kpi->scores, scores, n_scores * sizeof *scores);

  return kpi;
}

static void
assert_kpi (const TpKpi *kpi,
            double       value,
            guint64      n,
            const char  *shown)
{
  g_autofree char *text = NULL;
  TpKpiValue v;

  tp_kpi_compute (kpi, &v);
  if (isnan (value))
    g_assert_true (isnan (v.value));
  else
    g_assert_cmpfloat_with_epsilon (v.value, value, 1e-9);
  g_assert_cmpuint (v.n, ==, n);
  text = tp_kpi_format_value (kpi, &v);
  g_assert_cmpstr (text, ==, shown);
  g_assert_nonnull (tp_kpi_get_formula (kpi));
  g_assert_cmpstr (tp_kpi_get_formula (kpi), !=, "");
}

static void
test_kpi_nps (void)
{
  /* 100 answers: 20 detractors (0–6), 50 passives (7–8), 30 promoters (9–10):
   * 30 % − 20 % = +10. */
  static const guint plus10[] = { 2, 2, 2, 2, 2, 5, 5, 25, 25, 10, 20 };
  /* 10 promoters, 15 detractors, 75 passives: −5. */
  static const guint minus5[] = { 0, 0, 0, 0, 0, 0, 15, 40, 35, 5, 5 };
  /* 124 promoters, 125 detractors, 1 passive: −0.4, shown as 0, not "−0". */
  static const guint almost0[] = { 0, 0, 0, 0, 0, 0, 125, 1, 0, 0, 124 };
  g_autoptr(TpKpi) a = kpi_with_scores (TP_KPI_NPS, plus10, G_N_ELEMENTS (plus10));
  g_autoptr(TpKpi) b = kpi_with_scores (TP_KPI_NPS, minus5, G_N_ELEMENTS (minus5));
  g_autoptr(TpKpi) c = kpi_with_scores (TP_KPI_NPS, almost0, G_N_ELEMENTS (almost0));

  assert_kpi (a, 10, 100, "+10");
  assert_kpi (b, -5, 100, MINUS "5");
  assert_kpi (c, -0.4, 250, "0");
}

static void
test_kpi_csat (void)
{
  /* 50 answers: 5×1, 5×2, 10×3, 20×4, 10×5: top-2-box 30 / 50 = 60 %, mean 175 / 50. */
  static const guint scores[] = { 0, 5, 5, 10, 20, 10 };
  g_autoptr(TpKpi) kpi = kpi_with_scores (TP_KPI_CSAT, scores, G_N_ELEMENTS (scores));

  kpi->method = TP_CSAT_TOP_2_BOX;
  assert_kpi (kpi, 60, 50, "60\u202f%");
  kpi->method = TP_CSAT_MEAN;
  assert_kpi (kpi, 3.5, 50, "3.5");
  g_assert_cmpstr (tp_kpi_get_formula (kpi), !=, "");
}

static void
test_kpi_ces (void)
{
  /* 3×2, 5×3, 2×5 of 1–7: 31 / 10. */
  static const guint scores[] = { 0, 0, 3, 5, 0, 2, 0, 0 };
  g_autoptr(TpKpi) kpi = kpi_with_scores (TP_KPI_CES, scores, G_N_ELEMENTS (scores));

  assert_kpi (kpi, 3.1, 10, "3.1");
  /* Two decimals at most: 3×2, 4×3, 2×5 make 28 / 9. */
  kpi->scores[4] = 0, kpi->scores[3] = 4;
  assert_kpi (kpi, 28.0 / 9, 9, "3.11");
}

static void
test_kpi_retention_conversion (void)
{
  g_autoptr(TpKpi) retention = tp_kpi_new ("m1", TP_KPI_RETENTION, "Retention");
  g_autoptr(TpKpi) conversion = tp_kpi_new ("m2", TP_KPI_CONVERSION, "Conversion");
  g_autoptr(TpKpi) custom = tp_kpi_new ("m3", TP_KPI_CUSTOM, "Delivery time");

  /* (930 − 110) / 1000 = 82 %. */
  retention->start = 1000, retention->end = 930, retention->new_customers = 110;
  assert_kpi (retention, 82, 1000, "82\u202f%");
  /* 320 / 10000 = 3.2 %. */
  conversion->conversions = 320, conversion->visitors = 10000;
  assert_kpi (conversion, 3.2, 10000, "3.2\u202f%");
  /* 1 / 3 = 33.3 %, one decimal. */
  conversion->conversions = 1, conversion->visitors = 3;
  assert_kpi (conversion, 100.0 / 3, 3, "33.3\u202f%");

  custom->value = 26;
  g_free (custom->unit);
  custom->unit = g_strdup ("h");
  assert_kpi (custom, 26, 0, "26\u202fh");
  custom->value = -1.25;
  assert_kpi (custom, -1.25, 0, MINUS "1.25\u202fh");
  custom->value = 87.5;
  g_free (custom->unit);
  custom->unit = g_strdup ("");
  assert_kpi (custom, 87.5, 0, "87.5");
}

static void
test_kpi_empty (void)
{
  for (TpKpiKind kind = 0; kind < TP_N_KPI_KINDS; kind++)
    {
      g_autoptr(TpKpi) kpi = tp_kpi_new ("m1", kind, "Nothing yet");
      TpKpiValue value;

      kpi->target = 50;
      /* Retention with an end but no start, conversions without visitors. */
      kpi->end = 10;
      kpi->conversions = 5;
      g_test_message ("kind %u", kind);
      assert_kpi (kpi, NAN, 0, "\u2014");
      tp_kpi_compute (kpi, &value);
      g_assert_true (value.has_target);
      g_assert_false (value.met);

      /* The figure known without raw data. */
      kpi->value = 12;
      tp_kpi_compute (kpi, &value);
      g_assert_cmpfloat (value.value, ==, 12);
      g_assert_false (value.met);
    }
}

static void
test_kpi_met (void)
{
  static const struct {
    TpDirection direction;
    double      value;
    double      target;
    gboolean    has_target;
    gboolean    met;
  } cases[] = {
    { TP_DIRECTION_HIGHER, 10, 10, TRUE, TRUE },
    { TP_DIRECTION_HIGHER, 10, 9.5, TRUE, TRUE },
    { TP_DIRECTION_HIGHER, 10, 10.5, TRUE, FALSE },
    { TP_DIRECTION_LOWER, 26, 24, TRUE, FALSE },
    { TP_DIRECTION_LOWER, 24, 24, TRUE, TRUE },
    { TP_DIRECTION_LOWER, 20, 24, TRUE, TRUE },
    { TP_DIRECTION_HIGHER, 20, NAN, FALSE, FALSE },
    { TP_DIRECTION_LOWER, 20, NAN, FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TpKpi) kpi = tp_kpi_new ("m1", TP_KPI_CUSTOM, "Figure");
      TpKpiValue value;

      kpi->direction = cases[i].direction;
      kpi->value = cases[i].value;
      kpi->target = cases[i].target;
      tp_kpi_compute (kpi, &value);
      g_test_message ("case %u", i);
      g_assert_cmpint (value.has_target, ==, cases[i].has_target);
      g_assert_cmpint (value.met, ==, cases[i].met);
    }

  /* A computed figure: retention 82 % against 85 % (not met) and 80 % (met). */
  {
    g_autoptr(TpKpi) kpi = tp_kpi_new ("m1", TP_KPI_RETENTION, "Retention");
    TpKpiValue value;

    kpi->start = 1000, kpi->end = 930, kpi->new_customers = 110;
    kpi->target = 85;
    tp_kpi_compute (kpi, &value);
    g_assert_false (value.met);
    kpi->target = 80;
    tp_kpi_compute (kpi, &value);
    g_assert_true (value.met);
  }
}

static void
test_format_number (void)
{
  static const struct {
    double      value;
    guint       decimals;
    const char *text;
  } cases[] = {
    { 0.321875, 4, "0.3219" },
    { -0.784375, 4, "-0.7844" },
    { 1.5, 3, "1.500" },
    { 1234567.25, 2, "1234567.25" },
    { -0.0, 2, "0.00" },
    { -0.00001, 4, "0.0000" },
    { -0.4, 0, "0" },
    { -3, 0, "-3" },
    { NAN, 4, "" },
    { INFINITY, 4, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = tp_format_number (cases[i].value, cases[i].decimals);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_kpi_example (void)
{
  static const struct {
    const char *name;
    const char *shown;
  } expected[] = {
    { "Share of branded search", "18\u202f%" },
    { "Product page to basket", "4\u202f%" },
    { "Checkout conversion", "3.2\u202f%" },
    { "Checkout satisfaction", "66.9\u202f%" },
    { "Delivery promise kept", "87.5\u202f%" },
    { "Delivery time", "26\u202fh" },
    { "Delivery satisfaction", "3.05" },
    { "NPS 30 days after delivery", "+22" },
    { "Returns effort", "4.21" },
    { "Review submission rate", "7.5\u202f%" },
    { "12-month Volt Plus retention", "82\u202f%" },
  };
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(GPtrArray) kpis = g_ptr_array_new ();
  GPtrArray *stages = tp_document_get_stages (document);

  for (guint s = 0; s < stages->len; s++)
    {
      TpStage *stage = g_ptr_array_index (stages, s);

      g_ptr_array_extend (kpis, stage->kpis, NULL, NULL);
      for (guint t = 0; t < stage->touchpoints->len; t++)
        {
          TpTouchpoint *tp = g_ptr_array_index (stage->touchpoints, t);

          g_ptr_array_extend (kpis, tp->kpis, NULL, NULL);
        }
    }

  g_assert_cmpuint (kpis->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < kpis->len; i++)
    {
      TpKpi *kpi = g_ptr_array_index (kpis, i);
      g_autofree char *shown = NULL;
      TpKpiValue value;

      tp_kpi_compute (kpi, &value);
      shown = tp_kpi_format_value (kpi, &value);
      g_assert_cmpstr (kpi->name, ==, expected[i].name);
      g_assert_cmpstr (shown, ==, expected[i].shown);
      g_assert_true (value.has_target);
    }
}

/* Gaps */

/* Makes a touchpoint a moment of truth with these scores, one undo step. */
static void
set_moment (TpDocument *document,
            const char *id,
            guint       expectation,
            guint       experience,
            guint       impact,
            guint       feasibility)
{
  TpTouchpoint *copy = (TpTouchpoint *) tp_document_edit_begin (document, id);

  tp_touchpoint_set_moment_of_truth (copy, TRUE);
  copy->expectation = expectation;
  copy->experience = experience;
  copy->impact = impact;
  copy->feasibility = feasibility;
  tp_document_edit_commit (document, (TpItem *) copy, "Score", FALSE);
}

static void
test_gap_quadrants (void)
{
  static const struct {
    guint      impact;
    guint      feasibility;
    TpQuadrant quadrant;
  } cases[] = {
    { 5, 5, TP_QUADRANT_QUICK_WIN },
    { 4, 4, TP_QUADRANT_QUICK_WIN },
    { 5, 1, TP_QUADRANT_MAJOR_PROJECT },
    { 4, 3, TP_QUADRANT_MAJOR_PROJECT },
    { 1, 5, TP_QUADRANT_FILL_IN },
    { 3, 4, TP_QUADRANT_FILL_IN },
    { 1, 1, TP_QUADRANT_THANKLESS_TASK },
    { 3, 3, TP_QUADRANT_THANKLESS_TASK },
    { 0, 3, TP_QUADRANT_NONE },
    { 3, 0, TP_QUADRANT_NONE },
    { 6, 3, TP_QUADRANT_NONE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (tp_gap_get_quadrant (cases[i].impact, cases[i].feasibility), ==,
                     cases[i].quadrant);

  for (TpQuadrant q = TP_QUADRANT_NONE; q <= TP_QUADRANT_THANKLESS_TASK; q++)
    g_assert_cmpstr (tp_quadrant_get_label (q), !=, "");
  g_assert_cmpstr (tp_quadrant_get_label (TP_QUADRANT_QUICK_WIN), ==, "Quick wins");
  g_assert_nonnull (strstr (tp_gap_get_formula (), "×"));
}

static void
test_gap_rank (void)
{
  static const struct {
    const char *name;
    const char *stage;
    int         gap;
    gboolean    scored;
    gboolean    ranked;
    guint       priority;
    TpQuadrant  quadrant;
  } expected[] = {
    { "A", "Second", 3, TRUE, TRUE, 60, TP_QUADRANT_QUICK_WIN },       /* 3 × 5 × 4 */
    { "E", "Second", 3, TRUE, TRUE, 30, TP_QUADRANT_MAJOR_PROJECT },   /* 3 × 5 × 2: gap over X */
    { "X", "First", 2, TRUE, TRUE, 30, TP_QUADRANT_MAJOR_PROJECT },    /* 2 × 5 × 3 */
    { "X2", "Second", 2, TRUE, TRUE, 30, TP_QUADRANT_FILL_IN },        /* 2 × 3 × 5: after X */
    { "D", "Second", 2, TRUE, TRUE, 20, TP_QUADRANT_FILL_IN },         /* 2 × 2 × 5 */
    { "B", "Second", 3, TRUE, TRUE, 12, TP_QUADRANT_THANKLESS_TASK },  /* 3 × 2 × 2 */
    { "C2", "Second", 0, TRUE, TRUE, 0, TP_QUADRANT_QUICK_WIN },       /* meets its expectation */
    { "C", "First", -1, TRUE, TRUE, 0, TP_QUADRANT_QUICK_WIN },        /* beats it: a smaller gap */
    { "G", "First", 0, FALSE, FALSE, 0, TP_QUADRANT_THANKLESS_TASK },  /* experience unscored */
    { "F", "Second", 2, TRUE, FALSE, 0, TP_QUADRANT_NONE },            /* impact unscored */
  };
  g_autoptr(TpDocument) document = tp_document_new ();
  const char *s1 = tp_document_add_stage (document, 0, "First");
  const char *s2 = tp_document_add_stage (document, 1, "Second");
  g_autoptr(GArray) rows = NULL;
  const char *id;

  /* Journey order: G, C, X, plain, A, F, B, E, D, C2, X2. */
  id = tp_document_add_touchpoint (document, s1, 0, "G");
  set_moment (document, id, 4, 0, 3, 3);
  id = tp_document_add_touchpoint (document, s1, 1, "C");
  set_moment (document, id, 3, 4, 5, 5);
  id = tp_document_add_touchpoint (document, s1, 2, "X");
  set_moment (document, id, 5, 3, 5, 3);
  tp_document_add_touchpoint (document, s1, 3, "Not a moment of truth");
  id = tp_document_add_touchpoint (document, s2, 0, "A");
  set_moment (document, id, 5, 2, 5, 4);
  id = tp_document_add_touchpoint (document, s2, 1, "F");
  set_moment (document, id, 4, 2, 0, 3);
  id = tp_document_add_touchpoint (document, s2, 2, "B");
  set_moment (document, id, 4, 1, 2, 2);
  id = tp_document_add_touchpoint (document, s2, 3, "E");
  set_moment (document, id, 5, 2, 5, 2);
  id = tp_document_add_touchpoint (document, s2, 4, "D");
  set_moment (document, id, 5, 3, 2, 5);
  id = tp_document_add_touchpoint (document, s2, 5, "C2");
  set_moment (document, id, 4, 4, 4, 4);
  id = tp_document_add_touchpoint (document, s2, 6, "X2");
  set_moment (document, id, 5, 3, 3, 5);

  rows = tp_gap_rank (document);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < rows->len; i++)
    {
      TpGapRow *row = &g_array_index (rows, TpGapRow, i);

      g_test_message ("row %u: %s", i, row->touchpoint->name);
      g_assert_cmpstr (row->touchpoint->name, ==, expected[i].name);
      g_assert_cmpint (row->scored, ==, expected[i].scored);
      if (row->scored)
        g_assert_cmpint (row->gap, ==, expected[i].gap);
      g_assert_cmpint (row->ranked, ==, expected[i].ranked);
      if (row->ranked)
        g_assert_cmpuint (row->priority, ==, expected[i].priority);
      g_assert_cmpint (row->quadrant, ==, expected[i].quadrant);
      g_assert_cmpstr (row->stage->name, ==, expected[i].stage);
    }

  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
test_gap_example (void)
{
  static const struct {
    const char *id;
    gboolean    ranked;
    int         gap;
    guint       priority;
    TpQuadrant  quadrant;
  } expected[] = {
    { "t8", TRUE, 3, 60, TP_QUADRANT_QUICK_WIN },      /* Checkout & payment: 3 × 5 × 4 */
    { "t10", TRUE, 3, 45, TP_QUADRANT_MAJOR_PROJECT }, /* Delivery: 3 × 5 × 3 */
    { "t13", TRUE, 2, 24, TP_QUADRANT_MAJOR_PROJECT }, /* Return or repair: 2 × 4 × 3 */
    { "t4", TRUE, 1, 16, TP_QUADRANT_QUICK_WIN },      /* Product page: 1 × 4 × 4 */
    { "t6", FALSE, 0, 0, TP_QUADRANT_NONE },           /* Live chat: not scored */
  };
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(GArray) rows = tp_gap_rank (document);

  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < rows->len; i++)
    {
      TpGapRow *row = &g_array_index (rows, TpGapRow, i);

      g_assert_cmpstr (row->touchpoint->item.id, ==, expected[i].id);
      g_assert_cmpint (row->ranked, ==, expected[i].ranked);
      g_assert_cmpint (row->quadrant, ==, expected[i].quadrant);
      if (row->ranked)
        {
          g_assert_cmpint (row->gap, ==, expected[i].gap);
          g_assert_cmpuint (row->priority, ==, expected[i].priority);
        }
    }
}

/* Journey summary */

static void
test_summary_example (void)
{
  static const struct {
    guint  n_touchpoints;
    double mean;
    guint  n_moments;
  } expected[] = {
    { 3, 2.0 / 3, 0 },
    { 3, 2.0 / 3, 2 },
    { 3, -2.0 / 3, 1 },
    { 3, -1.0 / 3, 1 },
    { 4, 0.75, 1 },
  };
  static const char * const peaks[] = { "t10", "t7", "t13" };
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(GArray) summary = tp_journey_summarize (document);
  g_autoptr(GPtrArray) lows = tp_journey_pain_peaks (document);

  g_assert_cmpuint (summary->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < summary->len; i++)
    {
      TpStageSummary *s = &g_array_index (summary, TpStageSummary, i);

      g_assert_true (s->stage == g_ptr_array_index (tp_document_get_stages (document), i));
      g_assert_cmpuint (s->n_touchpoints, ==, expected[i].n_touchpoints);
      g_assert_cmpfloat_with_epsilon (s->mean_emotion, expected[i].mean, 1e-12);
      g_assert_cmpuint (s->n_moments, ==, expected[i].n_moments);
    }

  /* Delivery (−2), then Basket and delivery options (−1, first of a plateau with
   * Checkout), then Return or repair (−1). */
  g_assert_cmpuint (lows->len, ==, G_N_ELEMENTS (peaks));
  for (guint i = 0; i < lows->len; i++)
    g_assert_cmpstr (((TpItem *) g_ptr_array_index (lows, i))->id, ==, peaks[i]);
}

typedef struct
{
  const char *name;
  int         emotions[8];
  guint       n;
  const char *peaks;   /* indices of the expected peaks, in order */
} PeakCase;

static const PeakCase peak_cases[] = {
  { "plateau", { -1, -2, -2, -1, 0, -1 }, 6, "15" },
  { "ends", { -1, -1, 0, 1, -2 }, 5, "40" },
  { "no-negatives", { 0, 1, 0, 2 }, 4, "" },
  { "slope", { -1, -1, -2 }, 3, "2" },
  { "flat", { -1, -1, -1 }, 3, "0" },
  { "across-stages", { 1, -2, 1, -2, 0, -1 }, 6, "135" },
  { "empty", { 0 }, 0, "" },
};

static void
test_summary_peaks (gconstpointer data)
{
  const PeakCase *c = data;
  g_autoptr(TpDocument) document = tp_document_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lows = NULL;
  g_autoptr(GArray) summary = NULL;
  const char *stages[2];

  /* Two stages, the curve split between them, and an empty third one. */
  stages[0] = tp_document_add_stage (document, 0, "One");
  stages[1] = tp_document_add_stage (document, 1, "Two");
  tp_document_add_stage (document, 2, "Empty");
  for (guint i = 0; i < c->n; i++)
    {
      const char *stage = stages[i < c->n / 2 ? 0 : 1];
      const char *id = tp_document_add_touchpoint (document, stage, G_MAXUINT, "T");
      TpTouchpoint *copy = (TpTouchpoint *) tp_document_edit_begin (document, id);

      copy->emotion = c->emotions[i];
      tp_document_edit_commit (document, (TpItem *) copy, "Emotion", FALSE);
      g_ptr_array_add (ids, g_strdup (id));
    }

  lows = tp_journey_pain_peaks (document);
  g_assert_cmpuint (lows->len, ==, strlen (c->peaks));
  for (guint i = 0; i < lows->len; i++)
    g_assert_cmpstr (((TpItem *) g_ptr_array_index (lows, i))->id, ==,
                     g_ptr_array_index (ids, c->peaks[i] - '0'));

  summary = tp_journey_summarize (document);
  g_assert_cmpuint (summary->len, ==, 3);
  g_assert_true (isnan (g_array_index (summary, TpStageSummary, 2).mean_emotion));
  g_assert_cmpuint (g_array_index (summary, TpStageSummary, 2).n_touchpoints, ==, 0);
}

/* CSV */

/* A small document whose names need quoting: a comma in the stage, quotes and a comma in
 * a touchpoint, a line break in an action. */
static TpDocument *
make_csv_document (void)
{
  static const guint nps[] = { 2, 2, 2, 2, 2, 5, 5, 25, 25, 10, 20 };
  static const guint csat[] = { 0, 5, 5, 10, 20, 10 };
  TpDocument *document = tp_document_new ();
  const char *stage = tp_document_add_stage (document, 0, "Buy, now");
  const char *checkout = tp_document_add_touchpoint (document, stage, 0, "Checkout \"fast\", please");
  const char *search = tp_document_add_touchpoint (document, stage, 1, "Search");
  TpTouchpoint *copy;
  TpStage *stage_copy;
  TpKanoNeed *need;
  TpKpi *kpi;

  copy = (TpTouchpoint *) tp_document_edit_begin (document, checkout);
  tp_touchpoint_set_moment_of_truth (copy, TRUE);
  copy->expectation = 5, copy->experience = 2, copy->impact = 5, copy->feasibility = 4;
  copy->strategy = TP_STRATEGY_PROACTIVE;
  g_ptr_array_add (copy->actions, tp_action_item_new ("Fix it\nnow", "Ops", TP_ACTION_IN_PROGRESS));
  g_ptr_array_add (copy->actions, tp_action_item_new ("Second", "Nobody", TP_ACTION_DONE));
  /* O 3, M 1: Better 3 / 4, Worse −4 / 4; 1.65 × √(4 × 4 / 8) = 2.33 > 2, not significant. */
  need = tp_kano_need_new ("k1", "Guest checkout");
  need->answers[TP_KANO_ANSWER_LIKE][TP_KANO_ANSWER_DISLIKE] = 3;
  need->answers[TP_KANO_ANSWER_NEUTRAL][TP_KANO_ANSWER_DISLIKE] = 1;
  g_ptr_array_add (copy->needs, need);
  need = tp_kano_need_new ("k2", "Say \"thanks\"");
  need->category = TP_KANO_ATTRACTIVE;
  g_ptr_array_add (copy->needs, need);
  g_ptr_array_add (copy->needs, tp_kano_need_new ("k3", "Unclassified"));
  kpi = tp_kpi_new ("m2", TP_KPI_CONVERSION, "Conv");
  kpi->conversions = 320, kpi->visitors = 10000;
  g_ptr_array_add (copy->kpis, kpi);
  kpi = tp_kpi_new ("m3", TP_KPI_CUSTOM, "Wait");
  kpi->target = 24, kpi->direction = TP_DIRECTION_LOWER;
  g_ptr_array_add (copy->kpis, kpi);
  kpi = tp_kpi_new ("m4", TP_KPI_CSAT, "Sat");
  kpi->method = TP_CSAT_MEAN, kpi->target = 3.6;
  memcpy (kpi->scores, csat, sizeof csat);
  g_ptr_array_add (copy->kpis, kpi);
  tp_document_edit_commit (document, (TpItem *) copy, "Edit", FALSE);

  copy = (TpTouchpoint *) tp_document_edit_begin (document, search);
  tp_touchpoint_set_moment_of_truth (copy, TRUE);
  copy->expectation = 3;
  tp_document_edit_commit (document, (TpItem *) copy, "Edit", FALSE);

  stage_copy = (TpStage *) tp_document_edit_begin (document, stage);
  kpi = tp_kpi_new ("m1", TP_KPI_NPS, "NPS");
  kpi->target = 5;
  memcpy (kpi->scores, nps, sizeof nps);
  g_ptr_array_add (stage_copy->kpis, kpi);
  tp_document_edit_commit (document, (TpItem *) stage_copy, "Edit", FALSE);

  return document;
}

static void
assert_bytes (GBytes     *bytes,
              const char *expected)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_cmpuint (g_bytes_get_size (bytes), ==, strlen (expected));
  g_assert_cmpstr (text, ==, expected);
}

static void
test_csv_exact (void)
{
  g_autoptr(TpDocument) document = make_csv_document ();
  g_autoptr(GBytes) gaps = tp_analysis_csv_write (document, TP_TABLE_GAPS);
  g_autoptr(GBytes) kano = tp_analysis_csv_write (document, TP_TABLE_KANO);
  g_autoptr(GBytes) kpis = tp_analysis_csv_write (document, TP_TABLE_KPIS);

  assert_bytes (gaps,
                "touchpoint,stage,expectation,experience,gap,impact,feasibility,priority,strategy,action,owner,status,votes\r\n"
                "\"Checkout \"\"fast\"\", please\",\"Buy, now\",5,2,3,5,4,60,proactive,\"Fix it\nnow\",Ops,in-progress,0\r\n"
                "Search,\"Buy, now\",3,,,,,,none,,,,0\r\n");
  assert_bytes (kano,
                "touchpoint,need,A,O,M,I,R,Q,category,better,worse,significant\r\n"
                "\"Checkout \"\"fast\"\", please\",Guest checkout,0,3,1,0,0,0,one-dimensional,0.7500,-1.0000,too-few\r\n"
                "\"Checkout \"\"fast\"\", please\",\"Say \"\"thanks\"\"\",0,0,0,0,0,0,attractive,,,no\r\n"
                "\"Checkout \"\"fast\"\", please\",Unclassified,0,0,0,0,0,0,,,,no\r\n");
  assert_bytes (kpis,
                "scope,name,kind,value,target,met\r\n"
                "\"Buy, now\",NPS,nps,10,5,yes\r\n"
                "\"Checkout \"\"fast\"\", please\",Conv,conversion,3.2,,\r\n"
                "\"Checkout \"\"fast\"\", please\",Wait,custom,,24,\r\n"
                "\"Checkout \"\"fast\"\", please\",Sat,csat,3.5,3.6,no\r\n");

  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
test_csv_empty (void)
{
  g_autoptr(TpDocument) document = tp_document_new ();
  g_autoptr(GBytes) gaps = tp_analysis_csv_write (document, TP_TABLE_GAPS);
  g_autoptr(GBytes) kano = tp_analysis_csv_write (document, TP_TABLE_KANO);
  g_autoptr(GBytes) kpis = tp_analysis_csv_write (document, TP_TABLE_KPIS);

  assert_bytes (gaps, "touchpoint,stage,expectation,experience,gap,impact,feasibility,"
                      "priority,strategy,action,owner,status,votes\r\n");
  assert_bytes (kano, "touchpoint,need,A,O,M,I,R,Q,category,better,worse,significant\r\n");
  assert_bytes (kpis, "scope,name,kind,value,target,met\r\n");
}

static void
test_table_names (void)
{
  TpTable table = TP_TABLE_KPIS;

  g_assert_true (tp_table_from_string ("gaps", &table));
  g_assert_cmpint (table, ==, TP_TABLE_GAPS);
  g_assert_true (tp_table_from_string ("kano", &table));
  g_assert_cmpint (table, ==, TP_TABLE_KANO);
  g_assert_true (tp_table_from_string ("kpis", &table));
  g_assert_cmpint (table, ==, TP_TABLE_KPIS);
  g_assert_false (tp_table_from_string ("", &table));
  g_assert_false (tp_table_from_string ("gap", &table));
  g_assert_false (tp_table_from_string (NULL, &table));
  g_assert_cmpint (table, ==, TP_TABLE_KPIS);
}

/* A minimal RFC 4180 reader, independent of the importer's: records of fields, every
 * record ended by CRLF. Fails the test on anything else. */
static GPtrArray *
parse_csv (GBytes *bytes)
{
  gsize size;
  const char *p = g_bytes_get_data (bytes, &size), *end = p + size;
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  g_assert_true (g_utf8_validate_len (p, size, NULL));
  /* No byte-order mark. */
  g_assert_false (size >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0);

  while (p < end)
    {
      GPtrArray *record = g_ptr_array_new_with_free_func (g_free);

      for (;;)
        {
          GString *field = g_string_new (NULL);

          if (*p == '"')
            {
              for (p++;; p++)
                {
                  g_assert_true (p < end);
                  if (*p == '"' && p + 1 < end && p[1] == '"')
                    g_string_append_c (field, *p++);
                  else if (*p == '"')
                    break;
                  else
                    g_string_append_c (field, *p);
                }
              p++;
            }
          else
            {
              for (; p < end && *p != ',' && *p != '\r'; p++)
                {
                  /* Unquoted fields hold no quote and no line break. */
                  g_assert_cmpint (*p, !=, '"');
                  g_assert_cmpint (*p, !=, '\n');
                  g_string_append_c (field, *p);
                }
            }
          g_ptr_array_add (record, g_string_free (field, FALSE));

          g_assert_true (p < end);
          if (*p == ',')
            {
              p++;
              continue;
            }
          g_assert_true (end - p >= 2 && p[0] == '\r' && p[1] == '\n');
          p += 2;
          break;
        }
      g_ptr_array_add (records, record);
    }

  return records;
}

static void
test_csv_example (void)
{
  static const struct {
    TpTable     table;
    guint       n_columns;
    guint       n_rows;
    const char *first_row;   /* its first two fields */
  } tables[] = {
    { TP_TABLE_GAPS, 13, 5, "Checkout & payment|Purchase" },
    { TP_TABLE_KANO, 12, 10, "Search result|Prices in ads match the shop" },
    { TP_TABLE_KPIS, 6, 11, "Awareness|Share of branded search" },
  };
  g_autoptr(TpDocument) document = load_example ();

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autoptr(GBytes) bytes = tp_analysis_csv_write (document, tables[t].table);
      g_autoptr(GPtrArray) records = parse_csv (bytes);
      GPtrArray *first;
      g_autofree char *joined = NULL;

      g_assert_cmpuint (records->len, ==, tables[t].n_rows + 1);
      for (guint r = 0; r < records->len; r++)
        {
          GPtrArray *record = g_ptr_array_index (records, r);

          g_assert_cmpuint (record->len, ==, tables[t].n_columns);
        }
      first = g_ptr_array_index (records, 1);
      joined = g_strconcat (g_ptr_array_index (first, 0), "|", g_ptr_array_index (first, 1), NULL);
      g_assert_cmpstr (joined, ==, tables[t].first_row);
    }

  /* Some figures as written: the coefficients with 4 decimals, KPIs with up to 4. */
  {
    g_autoptr(GBytes) kano = tp_analysis_csv_write (document, TP_TABLE_KANO);
    g_autoptr(GBytes) kpis = tp_analysis_csv_write (document, TP_TABLE_KPIS);
    g_autofree char *kano_text = g_strndup (g_bytes_get_data (kano, NULL), g_bytes_get_size (kano));
    g_autofree char *kpis_text = g_strndup (g_bytes_get_data (kpis, NULL), g_bytes_get_size (kpis));

    g_assert_nonnull (strstr (kano_text, "\r\nDelivery,Delivery date is kept,3,12,50,5,0,0,must-be,0.2143,-0.8857,yes\r\n"));
    g_assert_nonnull (strstr (kano_text, "\r\nReview request,Daily promotional emails,0,0,0,10,28,2,reverse,0.0000,0.0000,yes\r\n"));
    g_assert_nonnull (strstr (kpis_text, "\r\nLoyalty & Advocacy,NPS 30 days after delivery,nps,22.2222,30,no\r\n"));
    g_assert_nonnull (strstr (kpis_text, "\r\nVolt Plus membership,12-month Volt Plus retention,retention,82,85,no\r\n"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/analysis/kano/table", test_kano_table);
  g_test_add_func ("/touchpoint/analysis/kano/published-shares", test_kano_published_shares);
  for (guint i = 0; i < G_N_ELEMENTS (tie_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/touchpoint/analysis/kano/tie/", tie_cases[i].name,
                                           NULL);

      g_test_add_data_func (path, &tie_cases[i], test_kano_tie);
    }
  g_test_add_func ("/touchpoint/analysis/kano/tie-runner-up", test_kano_tie_runner_up);
  g_test_add_func ("/touchpoint/analysis/kano/reverse-questionable", test_kano_reverse_questionable);
  g_test_add_func ("/touchpoint/analysis/kano/empty", test_kano_empty);
  g_test_add_func ("/touchpoint/analysis/kano/shown-category", test_kano_shown_category);
  g_test_add_func ("/touchpoint/analysis/kano/worse-not-negative-zero", test_kano_worse_not_negative_zero);
  g_test_add_func ("/touchpoint/analysis/kano/fong", test_kano_fong);
  g_test_add_func ("/touchpoint/analysis/kano/example", test_kano_example);
  g_test_add_func ("/touchpoint/analysis/kpi/nps", test_kpi_nps);
  g_test_add_func ("/touchpoint/analysis/kpi/csat", test_kpi_csat);
  g_test_add_func ("/touchpoint/analysis/kpi/ces", test_kpi_ces);
  g_test_add_func ("/touchpoint/analysis/kpi/retention-conversion", test_kpi_retention_conversion);
  g_test_add_func ("/touchpoint/analysis/kpi/empty", test_kpi_empty);
  g_test_add_func ("/touchpoint/analysis/kpi/met", test_kpi_met);
  g_test_add_func ("/touchpoint/analysis/kpi/format-number", test_format_number);
  g_test_add_func ("/touchpoint/analysis/kpi/example", test_kpi_example);
  g_test_add_func ("/touchpoint/analysis/gap/quadrants", test_gap_quadrants);
  g_test_add_func ("/touchpoint/analysis/gap/rank", test_gap_rank);
  g_test_add_func ("/touchpoint/analysis/gap/example", test_gap_example);
  g_test_add_func ("/touchpoint/analysis/summary/example", test_summary_example);
  for (guint i = 0; i < G_N_ELEMENTS (peak_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/touchpoint/analysis/summary/peaks/",
                                           peak_cases[i].name, NULL);

      g_test_add_data_func (path, &peak_cases[i], test_summary_peaks);
    }
  g_test_add_func ("/touchpoint/analysis/csv/exact", test_csv_exact);
  g_test_add_func ("/touchpoint/analysis/csv/empty", test_csv_empty);
  g_test_add_func ("/touchpoint/analysis/csv/table-names", test_table_names);
  g_test_add_func ("/touchpoint/analysis/csv/example", test_csv_example);

  return g_test_run ();
}
