/* tp-bench-present.c: the frame time of presenting (issue 17)
 *
 *   tp-bench-present [--repeat N] [SIZE…]   print the figures as a Markdown table
 *
 * What the presentation does in a frame, off-screen at a projector's 1280 × 720:
 *
 *   step   the frame after a step key: paint the story's next step (the story is not
 *          rebuilt; stepping only changes the index). Median and slowest over the steps.
 *   edit   the frame after a live edit (a note captured on the presentation, or typed on
 *          the laptop while the projector shows its block): the edit as one undo step,
 *          the story rebuilt, the step found again by its key, and painted.
 *
 * The baseline is copying a 1280 × 720 image onto another, what any frame costs at the
 * least, measured in the same run: figures from different machines compare through the
 * ratios. CPU time of the process (the machine is shared), median of the runs.
 */

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "tp-bench-doc.h"
#include "analysis/tp-story.h"
#include "io/tp-document-file.h"
#include "render/tp-story-page.h"

#define WIDTH  1280
#define HEIGHT 720

typedef struct
{
  TpDocument      *document;
  TpStory         *story;
  cairo_surface_t *surface;
  cairo_surface_t *source;
  guint            step;
  guint            edit_step;
  TpContainer      edit_container;
} Bench;

static int
by_value (const void *a,
          const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
paint_step (Bench *bench,
            guint  index)
{
  TpStoryPaintOptions options = { .theme = NULL, .screen = TRUE };
  cairo_t *cr = cairo_create (bench->surface);

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);
  tp_story_paint_step (cr, bench->document, bench->story, index, WIDTH, HEIGHT, &options);
  cairo_destroy (cr);
  cairo_surface_flush (bench->surface);
}

static void
run_step (Bench *bench)
{
  paint_step (bench, bench->step);
}

static void
run_edit (Bench *bench)
{
  const char *key = tp_story_get_step (bench->story, bench->edit_step)->key;
  g_autofree char *kept = g_strdup (key);
  int found;

  tp_document_add_note (bench->document, bench->edit_container, G_MAXUINT,
                        "Same-day delivery to the pick-up point");
  tp_story_free (bench->story);
  bench->story = tp_story_new (bench->document);
  found = tp_story_find_step (bench->story, kept);
  paint_step (bench, found >= 0 ? (guint) found : 0);

  /* Back to the same document for the next run (not timed apart: an undo is part of
   * the cost a facilitator sees too). */
  tp_document_undo_discard (bench->document);
  tp_story_free (bench->story);
  bench->story = tp_story_new (bench->document);
}

static void
run_blit (Bench *bench)
{
  cairo_t *cr = cairo_create (bench->surface);

  /* SOURCE: cairo skips painting a clear image OVER anything; a frame copies. */
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface (cr, bench->source, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (bench->surface);
}

/* Milliseconds: the median of repeat runs after a warm-up run. */
static double
measure (void   (*func) (Bench *),
         Bench   *bench,
         guint    repeat)
{
  g_autofree double *times = g_new (double, repeat);

  func (bench);
  for (guint i = 0; i < repeat; i++)
    {
      gint64 start = tp_bench_now_us (TRUE);

      func (bench);
      times[i] = (tp_bench_now_us (TRUE) - start) / 1000.0;
    }
  qsort (times, repeat, sizeof (double), by_value);

  return times[repeat / 2];
}

static void
bench_document (const char *name,
                TpDocument *document,
                guint       repeat)
{
  Bench bench = { .document = document };
  g_autofree double *steps = NULL;
  double blit, edit, slowest = 0;
  g_autofree char *slowest_title = NULL;
  guint n_steps;

  bench.story = tp_story_new (document);
  bench.surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  bench.source = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  {
    cairo_t *cr = cairo_create (bench.source);

    cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
    cairo_paint (cr);
    cairo_destroy (cr);
  }
  n_steps = tp_story_get_n_steps (bench.story);
  if (n_steps == 0)
    {
      g_print ("| %s | 0 | – | – | – | – |\n", name);
      return;
    }

  blit = measure (run_blit, &bench, repeat);

  steps = g_new (double, n_steps);
  for (bench.step = 0; bench.step < n_steps; bench.step++)
    {
      steps[bench.step] = measure (run_step, &bench, repeat);
      if (steps[bench.step] > slowest)
        {
          slowest = steps[bench.step];
          g_free (slowest_title);
          slowest_title = tp_story_step_dup_title (bench.story,
                                                   tp_story_get_step (bench.story, bench.step));
        }
    }
  qsort (steps, n_steps, sizeof (double), by_value);

  /* The edit: a note into the first block the story presents. */
  bench.edit_step = G_MAXUINT;
  for (guint i = 0; i < n_steps && bench.edit_step == G_MAXUINT; i++)
    {
      const char *stage = NULL;

      if (tp_story_step_get_capture (tp_story_get_step (bench.story, i),
                                     &bench.edit_container, &stage) && stage == NULL)
        bench.edit_step = i;
    }
  edit = bench.edit_step != G_MAXUINT ? measure (run_edit, &bench, repeat) : 0;

  g_print ("| %s | %u | %.2f ms (%.0f×) | %.2f ms (%.0f×), %s | %.2f ms (%.0f×) | %.3f ms |\n",
           name, n_steps,
           steps[n_steps / 2], steps[n_steps / 2] / blit,
           slowest, slowest / blit, slowest_title,
           edit, edit / blit, blit);

  tp_story_free (bench.story);
  cairo_surface_destroy (bench.surface);
  cairo_surface_destroy (bench.source);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) example = NULL;
  g_autoptr(TpDocument) document = NULL;
  int repeat = 9;
  const GOptionEntry entries[] = {
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, "Runs per figure (median)", "N" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("[SIZE…]");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || repeat < 1)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--repeat must be at least 1");
      return 2;
    }

  g_print ("| workshop | steps | step frame, median | slowest step | live edit frame | baseline (blit) |\n");
  g_print ("|---|---:|---:|---:|---:|---:|\n");

  example = g_file_new_for_path (TP_EXAMPLE_PATH);
  document = tp_load_file (example, NULL, NULL, NULL, &error);
  if (document == NULL)
    g_printerr ("%s: %s\n", TP_EXAMPLE_PATH, error->message);
  else
    bench_document ("example", document, repeat);

  for (int i = 1; i < argc || i == 1; i++)
    {
      guint n = argc > 1 ? (guint) atoi (argv[i]) : 100;
      g_autoptr(TpDocument) synthetic = tp_bench_make_document (n);
      g_autofree char *name = g_strdup_printf ("%u notes", n);

      bench_document (name, synthetic, repeat);
      if (argc == 1)
        {
          g_autoptr(TpDocument) big = tp_bench_make_document (1000);

          bench_document ("1000 notes", big, repeat);
        }
    }

  return 0;
}
