/* tp-bench-doc.c: synthetic workshops of a chosen size */

#include "config.h"

#include <time.h>

#include "tp-bench-doc.h"
#include "model/tp-document-private.h"

static const char * const words[] = {
  "customer", "delivery", "same-day", "price", "review", "checkout", "return", "warranty",
  "support", "chat", "store", "laptop", "phone", "bundle", "subscription", "trust",
  "fast", "simple", "compare", "payment", "courier", "refund", "upgrade", "setup",
};

char *
tp_bench_make_text (GRand *rand,
                    guint  min_words,
                    guint  max_words)
{
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, min_words, max_words + 1);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
    }

  return g_string_free (text, FALSE);
}

TpDocument *
tp_bench_make_document (guint n_notes)
{
  TpDocument *document = tp_document_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (n_notes);
  TpMeta *meta = tp_meta_new ();
  guint n_touchpoints = MAX (n_notes / 5, 5);
  guint n_links = n_notes / 10;
  TpStage *stages[5];

  _tp_str_assign (&meta->title, "Benchmark workshop");
  _tp_str_assign (&meta->organisation, "Bench Ltd");
  _tp_str_assign (&meta->date, "2026-11-12");
  _tp_document_set_meta (document, meta);

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("p%u", i + 1);

      _tp_document_append_persona (document, tp_persona_new (id, "Persona", i));
    }

  for (guint i = 0; i < n_notes; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i + 1);
      g_autofree char *text = tp_bench_make_text (rand, 2, 14);
      TpNote *note = tp_note_new (id, text);

      note->container = i % TP_N_CONTAINERS;
      note->colour = g_rand_int_range (rand, 0, TP_N_NOTE_COLOURS);
      note->evidence = g_rand_int_range (rand, 0, TP_N_EVIDENCE);
      note->votes = g_rand_int_range (rand, 0, 6);
      if (i % 7 == 0)
        note->persona = g_strdup_printf ("p%u", i % 3 + 1);
      _tp_document_append_note (document, note);
    }

  for (guint s = 0; s < G_N_ELEMENTS (stages); s++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", s + 1);

      stages[s] = tp_stage_new (id, "Stage");
      _tp_str_assign (&stages[s]->job, "When I shop, I want to compare, so I can choose well");
      _tp_document_append_stage (document, stages[s]);
    }

  for (guint i = 0; i < n_touchpoints; i++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", i + 1);
      g_autofree char *name = tp_bench_make_text (rand, 1, 3);
      TpTouchpoint *tp = tp_touchpoint_new (id, name);

      _tp_str_assign (&tp->channel, "Website");
      g_free (tp->action);
      tp->action = tp_bench_make_text (rand, 3, 8);
      tp->emotion = g_rand_int_range (rand, -2, 3);
      g_ptr_array_add (tp->pains, tp_bench_make_text (rand, 3, 10));
      g_ptr_array_add (tp->opportunities, tp_bench_make_text (rand, 3, 10));

      if (i % 3 == 0)
        {
          g_autofree char *need_id = g_strdup_printf ("k%u", i + 1);
          g_autofree char *kpi_id = g_strdup_printf ("m%u", i + 1);
          TpKanoNeed *need = tp_kano_need_new (need_id, "Delivery date is kept");
          TpKpi *kpi = tp_kpi_new (kpi_id, TP_KPI_NPS, "NPS");

          tp->moment_of_truth = TRUE;
          tp->expectation = g_rand_int_range (rand, 1, 6);
          tp->experience = g_rand_int_range (rand, 1, 6);
          tp->impact = g_rand_int_range (rand, 1, 6);
          tp->feasibility = g_rand_int_range (rand, 1, 6);
          tp->strategy = TP_STRATEGY_PROACTIVE;
          g_ptr_array_add (tp->actions, tp_action_item_new ("Fix it", "Owner", TP_ACTION_TO_DO));
          for (guint f = 0; f < TP_N_KANO_ANSWERS; f++)
            need->answers[f][TP_N_KANO_ANSWERS - 1 - f] = g_rand_int_range (rand, 0, 30);
          g_ptr_array_add (tp->needs, need);
          for (guint v = 0; v <= 10; v++)
            kpi->scores[v] = g_rand_int_range (rand, 0, 40);
          kpi->target = 30;
          g_ptr_array_add (tp->kpis, kpi);
        }

      _tp_document_append_touchpoint (document, stages[i % G_N_ELEMENTS (stages)], tp);
    }

  for (guint i = 0; i < n_links; i++)
    {
      g_autofree char *id = g_strdup_printf ("l%u", i + 1);
      g_autofree char *note = g_strdup_printf ("n%u", i * 7 % n_notes + 1);
      g_autofree char *tp = g_strdup_printf ("t%u", i % n_touchpoints + 1);

      if (tp_document_find_link (document, note, tp) == NULL)
        _tp_document_append_link (document, tp_link_new (id, note, tp, i % 2 ? "delivers" : ""));
    }

  return document;
}

static void
add_base (TpDocument *document,
          GRand      *rand,
          guint       n_notes,
          TpStage   **stages,
          guint       n_stages)
{
  TpMeta *meta = tp_meta_new ();

  _tp_str_assign (&meta->title, "Benchmark workshop");
  _tp_str_assign (&meta->organisation, "Bench Ltd");
  _tp_document_set_meta (document, meta);

  for (guint i = 0; i < n_notes; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i + 1);
      g_autofree char *text = tp_bench_make_text (rand, 2, 10);
      TpNote *note = tp_note_new (id, text);

      note->container = i % TP_N_CONTAINERS;
      _tp_document_append_note (document, note);
    }

  for (guint s = 0; s < n_stages; s++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", s + 1);

      stages[s] = tp_stage_new (id, "Stage");
      _tp_document_append_stage (document, stages[s]);
    }
}

static TpTouchpoint *
make_moment (GRand    *rand,
             guint     i,
             gboolean  moment)
{
  g_autofree char *id = g_strdup_printf ("t%u", i + 1);
  g_autofree char *name = tp_bench_make_text (rand, 1, 3);
  TpTouchpoint *tp = tp_touchpoint_new (id, name);

  _tp_str_assign (&tp->channel, "Website");
  tp->emotion = g_rand_int_range (rand, -2, 3);
  /* A plain touchpoint (the "touchpoints" shape) has an action, a pain and an
   * opportunity to draw on the journey, and none of a moment's analysis. */
  if (!moment)
    {
      g_free (tp->action);
      tp->action = tp_bench_make_text (rand, 3, 8);
      g_ptr_array_add (tp->pains, tp_bench_make_text (rand, 3, 10));
      g_ptr_array_add (tp->opportunities, tp_bench_make_text (rand, 3, 10));
      return tp;
    }
  tp->moment_of_truth = TRUE;
  tp->expectation = g_rand_int_range (rand, 1, 6);
  tp->experience = g_rand_int_range (rand, 1, 6);
  tp->impact = g_rand_int_range (rand, 1, 6);
  tp->feasibility = g_rand_int_range (rand, 1, 6);
  tp->strategy = TP_STRATEGY_PROACTIVE;
  g_ptr_array_add (tp->actions, tp_action_item_new ("Fix it", "Owner", TP_ACTION_TO_DO));

  return tp;
}

TpDocument *
tp_bench_make_shape (const char *shape,
                     guint       n)
{
  g_autoptr(TpDocument) document = tp_document_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (n);
  g_autoptr(GHashTable) pairs = NULL;
  gboolean links = g_strcmp0 (shape, "links") == 0;
  gboolean moments = g_strcmp0 (shape, "moments") == 0;
  gboolean needs = g_strcmp0 (shape, "needs") == 0;
  gboolean kpis = g_strcmp0 (shape, "kpis") == 0;
  gboolean plain = g_strcmp0 (shape, "touchpoints") == 0;
  guint n_notes = links ? MAX (n / 2, 500) : 100;
  guint n_touchpoints = moments || plain ? MAX (n, 1) : links ? MAX (n / 10, 100) : 100;
  TpStage *stages[5];
  TpTouchpoint **touchpoints;

  if (!links && !moments && !needs && !kpis && !plain)
    return NULL;

  add_base (document, rand, n_notes, stages, G_N_ELEMENTS (stages));

  touchpoints = g_new (TpTouchpoint *, n_touchpoints);
  for (guint i = 0; i < n_touchpoints; i++)
    {
      touchpoints[i] = make_moment (rand, i, !plain);
      _tp_document_append_touchpoint (document, stages[i % G_N_ELEMENTS (stages)],
                                      touchpoints[i]);
    }

  for (guint i = 0; (needs || kpis) && i < n; i++)
    {
      TpTouchpoint *tp = touchpoints[i % n_touchpoints];
      g_autofree char *id = g_strdup_printf ("%c%u", needs ? 'k' : 'm', i + 1);

      if (needs)
        {
          TpKanoNeed *need = tp_kano_need_new (id, "Delivery date is kept");

          for (guint f = 0; f < TP_N_KANO_ANSWERS; f++)
            need->answers[f][TP_N_KANO_ANSWERS - 1 - f] = g_rand_int_range (rand, 0, 30);
          g_ptr_array_add (tp->needs, need);
        }
      else
        {
          TpKpi *kpi = tp_kpi_new (id, TP_KPI_NPS, "NPS");

          for (guint v = 0; v <= 10; v++)
            kpi->scores[v] = g_rand_int_range (rand, 0, 40);
          kpi->target = 30;
          g_ptr_array_add (tp->kpis, kpi);
        }
    }

  /* Distinct note-touchpoint pairs, drawn at random (tp_document_find_link() per link
   * would make the generator itself quadratic). */
  pairs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; links && i < MIN (n, n_notes * n_touchpoints); )
    {
      gint64 *pair = g_new (gint64, 1);
      guint note = g_rand_int_range (rand, 0, n_notes);
      guint tp = g_rand_int_range (rand, 0, n_touchpoints);

      *pair = (gint64) note * n_touchpoints + tp;
      if (g_hash_table_contains (pairs, pair))
        {
          g_free (pair);
          continue;
        }
      g_hash_table_add (pairs, pair);
      {
        g_autofree char *id = g_strdup_printf ("l%u", i + 1);
        g_autofree char *note_id = g_strdup_printf ("n%u", note + 1);
        g_autofree char *tp_id = g_strdup_printf ("t%u", tp + 1);

        _tp_document_append_link (document, tp_link_new (id, note_id, tp_id,
                                                         i % 2 ? "delivers" : ""));
      }
      i++;
    }
  g_free (touchpoints);
  return g_steal_pointer (&document);
}

gint64
tp_bench_now_us (gboolean cpu)
{
  struct timespec ts;

  if (!cpu)
    return g_get_monotonic_time ();
  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}
