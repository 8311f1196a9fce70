/* tp-bench-frame.c: the time to lay out and draw one frame of the board
 *
 *   tp-bench-frame [--repeat N] [--cpu] [SIZE…]
 *                                         print the figures as a Markdown table (--cpu:
 *                                         timed by the process's CPU clock)
 *   tp-bench-frame --profile|--paint-only [--repeat N] [--png OUT] SIZE
 *                                         the frame at fit alone (for perf, callgrind),
 *                                         and the frame as a PNG
 *   tp-bench-frame --edit [--repeat N] SIZE
 *                                         the edit frame alone (for perf, callgrind):
 *                                         its relayout and its tiles, each timed
 *
 * A frame here is what the board widget does when it must paint afresh (after a change
 * to the document, or at a new zoom): lay the document out again (text measurements
 * cached, as they are between frames) and paint the part of the board in a 1600 × 1000
 * view, off-screen, on a cairo image surface of that size. Two views: the zoom that
 * fits the whole board, and 100 % at the board's top left, where culling leaves out
 * what is not in view; and at 100 % the way the widget really paints, in tiles of
 * 512 × 512 pixels (a note across a tile edge is painted once per tile).
 *
 * Wall-clock times vary from machine to machine, so each comes with its ratio to drawing
 * the same number of plain rectangles with cairo on the same surface, in the same run.
 * The first layout of a document, which measures every text, is shown on its own.
 *
 * Two more frames the board must make within a frame's budget (issue 19): a drag frame
 * (the tiles are textures already: the pointer is hit-tested, the drop place found and
 * the dragged note's ghost painted, as tp-board-draw.c does) and an edit (one note's text
 * changed, the document laid out again, and the kept 512 px tiles of the 100 % view
 * painted again inside the rects its damage gives, as tp-board-draw.c does).
 */

#include "config.h"

#include <locale.h>
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_STOP_INSTRUMENTATION
#endif
#include <math.h>
#include <stdlib.h>

#include "tp-bench-doc.h"
#include "render/tp-layout.h"
#include "render/tp-layout-damage.h"
#include "render/tp-painter.h"
#include "render/tp-painter-private.h"

#define VIEW_WIDTH   1600
#define VIEW_HEIGHT  1000
#define TILE_SIZE    512

typedef void (*BenchFunc) (gpointer data);

/* --cpu: times by the process's CPU clock, for a machine that other work shares. */
static gboolean cpu_clock;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Median of repeat runs, in milliseconds, after one run to warm caches up. */
static double
time_median (BenchFunc func,
             gpointer  data,
             guint     repeat)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  func (data);
  for (guint i = 0; i < repeat; i++)
    {
      gint64 start = tp_bench_now_us (cpu_clock);
      double ms;

      func (data);
      ms = (tp_bench_now_us (cpu_clock) - start) / 1000.0;
      g_array_append_val (times, ms);
    }

  g_array_sort (times, compare_doubles);

  return g_array_index (times, double, times->len / 2);
}

typedef struct
{
  TpDocument      *document;
  TpLayout        *layout;
  cairo_surface_t *surface;
  cairo_surface_t *tile;
  guint            n_notes;
  double           zoom;
  TpRect           visible;   /* the board rect in view */
  TpNote          *edited;    /* the note an edit changes, and its two texts in turn */
  char            *texts[2];
  guint            n_edits;
  GArray          *edit_rects; /* TpRect: what the last edit's damage repaints */
  guint            n_edit_tiles;
  guint            n_edit_boxes; /* notes painted by the last edit's tiles */
  GPtrArray       *view_tiles; /* cairo_surface_t: the 100 % view's tiles, kept */
  const char      *dragged;
} Bench;

static void
clear (cairo_t *cr)
{
  cairo_save (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_restore (cr);
}

static void
paint_view (cairo_t      *cr,
            Bench        *bench,
            const TpRect *area)
{
  TpPaintOptions options;

  tp_paint_options_init (&options);
  options.screen = TRUE;
  options.visible = *area;
  cairo_scale (cr, bench->zoom, bench->zoom);
  cairo_translate (cr, -area->x, -area->y);
  tp_paint_board (cr, bench->layout, bench->document, &options);
}

static void
run_layout_cold (gpointer data)
{
  Bench *bench = data;
  TpLayout *layout = tp_layout_new ();

  tp_layout_update (layout, bench->document);
  tp_layout_free (layout);
}

static void
run_relayout (gpointer data)
{
  Bench *bench = data;

  tp_layout_update (bench->layout, bench->document);
}

static void
run_frame (gpointer data)
{
  Bench *bench = data;
  cairo_t *cr = cairo_create (bench->surface);

  tp_layout_update (bench->layout, bench->document);
  clear (cr);
  paint_view (cr, bench, &bench->visible);
  cairo_destroy (cr);
  cairo_surface_flush (bench->surface);
}

/* The paint alone, with the layout as it is: what the board does at a new zoom or a
 * scroll, where nothing is laid out again. */
static void
run_paint (gpointer data)
{
  Bench *bench = data;
  cairo_t *cr = cairo_create (bench->surface);

  clear (cr);
  paint_view (cr, bench, &bench->visible);
  cairo_destroy (cr);
  cairo_surface_flush (bench->surface);
}

static void
run_frame_tiled (gpointer data)
{
  Bench *bench = data;
  double size = TILE_SIZE / bench->zoom;

  tp_layout_update (bench->layout, bench->document);
  for (double y = 0; y < VIEW_HEIGHT; y += TILE_SIZE)
    for (double x = 0; x < VIEW_WIDTH; x += TILE_SIZE)
      {
        TpRect area = { bench->visible.x + x / bench->zoom, bench->visible.y + y / bench->zoom,
                        size, size };
        cairo_t *cr = cairo_create (bench->tile);

        clear (cr);
        paint_view (cr, bench, &area);
        cairo_destroy (cr);
        cairo_surface_flush (bench->tile);
      }
}

/* The tiles of the 100 % view at the board's top left, painted whole, as the board
 * keeps them between frames; the edit frame paints them again where its damage says. */
static void
paint_view_tiles (Bench *bench)
{
  guint i = 0;

  if (bench->view_tiles == NULL)
    bench->view_tiles = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
  g_ptr_array_set_size (bench->view_tiles, 0);
  for (double y = 0; y < VIEW_HEIGHT; y += TILE_SIZE)
    for (double x = 0; x < VIEW_WIDTH; x += TILE_SIZE, i++)
      {
        TpRect tile = { bench->visible.x + x, bench->visible.y + y, TILE_SIZE, TILE_SIZE };
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, TILE_SIZE,
                                                               TILE_SIZE);
        cairo_t *cr = cairo_create (surface);

        paint_view (cr, bench, &tile);
        cairo_destroy (cr);
        cairo_surface_flush (surface);
        g_ptr_array_add (bench->view_tiles, surface);
      }
}

/* Paints again where areas (TpRect) say each tile of the view they meet, as the board
 * does (tp-board-draw.c): a new surface from the old tile's pixels (the board's are
 * textures, which never change), painted again inside the areas alone. */
static void
paint_tiles_meeting (Bench  *bench,
                     GArray *areas)
{
  guint i = 0;

  for (double y = 0; y < VIEW_HEIGHT; y += TILE_SIZE)
    for (double x = 0; x < VIEW_WIDTH; x += TILE_SIZE, i++)
      {
        TpRect tile = { bench->visible.x + x, bench->visible.y + y, TILE_SIZE, TILE_SIZE };
        cairo_surface_t *old = g_ptr_array_index (bench->view_tiles, i), *surface;
        cairo_matrix_t matrix;
        TpPaintOptions options;
        gboolean meets = FALSE;

        for (guint k = 0; k < areas->len && !meets; k++)
          meets = tp_rect_intersects (&tile, &g_array_index (areas, TpRect, k));
        if (!meets)
          continue;
        bench->n_edit_tiles++;
        tp_paint_options_init (&options);
        options.screen = TRUE;
        options.visible = tile;
        cairo_matrix_init_scale (&matrix, bench->zoom, bench->zoom);
        cairo_matrix_translate (&matrix, -tile.x, -tile.y);
        surface = tp_paint_tile_again (old, &matrix, bench->layout, bench->document, &options,
                                       (const TpRect *) areas->data, areas->len);
        g_ptr_array_index (bench->view_tiles, i) = surface;
        cairo_surface_destroy (old);
      }
}

/* An edit: a note's text changes (in turn between two, so every run is a change) and the
 * document is laid out again, told which blocks the edit touched; then the kept tiles of
 * the view are painted again inside the rects the layout's damage gives: the notes the
 * edit changed or moved, where they were and are, and the links it moved. All as the
 * board does (tp-board.c, tp-board-draw.c). */
static void
run_edit_relayout (gpointer data)
{
  Bench *bench = data;
  TpLayoutDamage *damage = tp_layout_damage_new (bench->layout, bench->document);
  TpRect everything = { -G_MAXFLOAT, -G_MAXFLOAT, G_MAXFLOAT, G_MAXFLOAT };
  gboolean edited[TP_N_CONTAINERS];

  tp_layout_damage_add_note (damage, bench->edited);
  bench->edited->text = bench->texts[bench->n_edits++ % 2];
  tp_layout_damage_get_blocks (damage, edited);
  tp_layout_update_blocks (bench->layout, bench->document, edited);
  if (bench->edit_rects == NULL)
    bench->edit_rects = g_array_new (FALSE, FALSE, sizeof (TpRect));
  g_array_set_size (bench->edit_rects, 0);
  if (!tp_layout_damage_finish (damage, bench->layout, bench->document, bench->edit_rects))
    g_array_append_val (bench->edit_rects, everything);
  tp_layout_damage_free (damage);
}

static void
run_edit_tiles (gpointer data)
{
  Bench *bench = data;

  guint boxes = _tp_paint_count_note_boxes ();

  bench->n_edit_tiles = 0;
  paint_tiles_meeting (bench, bench->edit_rects);
  bench->n_edit_boxes = _tp_paint_count_note_boxes () - boxes;
}

static void
run_edit (gpointer data)
{
  run_edit_relayout (data);
  run_edit_tiles (data);
}

/* A drag frame: the pointer hit-tested, the drop place found, the ghost painted. */
static void
run_drag (gpointer data)
{
  Bench *bench = data;
  TpPaintOptions options;
  TpNoteInfo info;
  TpRect indicator;
  TpHit hit;
  cairo_t *cr;

  if (!tp_layout_get_note (bench->layout, bench->dragged, &info))
    return;
  hit = tp_layout_hit (bench->layout, info.rect.x + info.rect.width / 2,
                       info.rect.y + info.rect.height / 2);
  tp_layout_drop_index (bench->layout, hit.container, info.rect.x + 40, info.rect.y + 10,
                        &indicator);
  tp_paint_options_init (&options);
  options.screen = TRUE;
  cr = cairo_create (bench->tile);
  clear (cr);
  cairo_translate (cr, 8 - info.rect.x, 8 - info.rect.y);
  tp_paint_note (cr, bench->layout, bench->document, bench->dragged, &options);
  cairo_destroy (cr);
  cairo_surface_flush (bench->tile);
}

/* The baseline: as many plain rectangles as the board has notes, each the size of a
 * note at the zoom, filled one by one in turn of the note colours, across the surface. */
static void
run_rectangles (gpointer data)
{
  Bench *bench = data;
  const TpTheme *theme = tp_theme_get_default ();
  double width = theme->note_width * bench->zoom, height = theme->note_min_height * bench->zoom;
  int columns = MAX (1, (int) (VIEW_WIDTH / width)), rows = MAX (1, (int) (VIEW_HEIGHT / height));
  cairo_t *cr = cairo_create (bench->surface);

  clear (cr);
  for (guint i = 0; i < bench->n_notes; i++)
    {
      int cell = i % (columns * rows);

      tp_colour_set_source (cr, &theme->notes[i % TP_N_NOTE_COLOURS]);
      cairo_rectangle (cr, (cell % columns) * width, (cell / columns) * height, width, height);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
  cairo_surface_flush (bench->surface);
}

static guint
count_shown (Bench *bench)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  tp_layout_query_notes (bench->layout, &bench->visible, ids);
  return ids->len;
}

static void
set_fit_view (Bench *bench)
{
  TpRect bounds;
  double zoom_fit;

  tp_layout_get_bounds (bench->layout, &bounds);
  zoom_fit = MIN (VIEW_WIDTH / bounds.width, VIEW_HEIGHT / bounds.height);
  bench->zoom = zoom_fit;
  bench->visible = (TpRect) { bounds.x + bounds.width / 2 - VIEW_WIDTH / zoom_fit / 2,
                              bounds.y + bounds.height / 2 - VIEW_HEIGHT / zoom_fit / 2,
                              VIEW_WIDTH / zoom_fit, VIEW_HEIGHT / zoom_fit };
}

/* --profile: the frame at fit alone, for perf or callgrind. The document's first layout
 * is made outside callgrind's instrumentation (run it with --instr-atstart=no), then
 * repeat frames at fit (relayout + paint), then repeat paints alone, each inside it;
 * with --paint-only, the paints alone. Prints the medians. */
static void
profile_fit (guint       n,
             guint       repeat,
             gboolean    paint_only,
             const char *png)
{
  Bench bench = { 0, };
  double frame = 0, paint;

  bench.document = tp_bench_make_document (n);
  bench.layout = tp_layout_new ();
  bench.surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_WIDTH, VIEW_HEIGHT);
  tp_layout_update (bench.layout, bench.document);
  set_fit_view (&bench);
  /* Once outside the counts: the glyph caches and the text cache of the first paint. */
  run_frame (&bench);

  CALLGRIND_START_INSTRUMENTATION;
  if (!paint_only)
    frame = time_median (run_frame, &bench, repeat);
  paint = time_median (run_paint, &bench, repeat);
  CALLGRIND_STOP_INSTRUMENTATION;
  /* The frame as the board's widget shows it, to look at before and after a change. */
  if (png != NULL)
    g_assert_cmpint (cairo_surface_write_to_png (bench.surface, png), ==, CAIRO_STATUS_SUCCESS);

  g_print ("%u notes, fit %.2f %%: frame at fit (relayout + paint) %.1f ms, paint alone %.1f ms\n",
           n, bench.zoom * 100, frame, paint);

  cairo_surface_destroy (bench.surface);
  tp_layout_free (bench.layout);
  g_object_unref (bench.document);
}

/* The first note of the 100 % view at the board's top left, which the drag and edit
 * frames take, and the edit's two texts: its own and a longer one, in turn. */
static void
set_edited (Bench *bench)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  tp_layout_query_notes (bench->layout, &bench->visible, ids);
  g_assert (ids->len > 0);
  bench->dragged = g_ptr_array_index (ids, 0);
  bench->edited = (TpNote *) tp_document_lookup (bench->document, bench->dragged);
  bench->texts[1] = bench->edited->text;
  bench->texts[0] = g_strconcat (bench->texts[1], " and a few words more", NULL);
}

static void
unset_edited (Bench *bench)
{
  bench->edited->text = bench->texts[1];
  g_free (bench->texts[0]);
  g_clear_pointer (&bench->edit_rects, g_array_unref);
  g_clear_pointer (&bench->view_tiles, g_ptr_array_unref);
}

/* --edit: the edit frame alone, for perf or callgrind (run it with --instr-atstart=no):
 * the document's first layout and a few edits to warm the caches up are made outside
 * the instrumentation, then repeat edits inside it. Prints the medians of the whole
 * edit, of its relayout and of its tiles. */
static void
profile_edit (guint n,
              guint repeat)
{
  Bench bench = { 0, };
  TpRect bounds;
  double edit, relayout, tiles;

  bench.document = tp_bench_make_document (n);
  bench.layout = tp_layout_new ();
  bench.tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, TILE_SIZE, TILE_SIZE);
  tp_layout_update (bench.layout, bench.document);
  tp_layout_get_bounds (bench.layout, &bounds);
  bench.zoom = 1.0;
  bench.visible = (TpRect) { bounds.x, bounds.y, VIEW_WIDTH, VIEW_HEIGHT };
  set_edited (&bench);
  paint_view_tiles (&bench);
  for (guint i = 0; i < 4; i++)
    run_edit (&bench);

  CALLGRIND_START_INSTRUMENTATION;
  edit = time_median (run_edit, &bench, repeat);
  CALLGRIND_STOP_INSTRUMENTATION;
  relayout = time_median (run_edit_relayout, &bench, repeat);
  tiles = time_median (run_edit_tiles, &bench, repeat);
  unset_edited (&bench);

  g_print ("%u notes: edit (relayout + its tiles) %.1f ms; its relayout %.1f ms, its tiles %.1f ms "
           "(%u of the view's %u, %u notes painted)\n", n, edit, relayout, tiles, bench.n_edit_tiles,
           (guint) (ceil ((double) VIEW_WIDTH / TILE_SIZE) * ceil ((double) VIEW_HEIGHT / TILE_SIZE)),
           bench.n_edit_boxes);

  cairo_surface_destroy (bench.tile);
  tp_layout_free (bench.layout);
  g_object_unref (bench.document);
}

static void
bench_size (guint n,
            guint repeat)
{
  Bench bench = { 0, };
  double cold, relayout, fit, fit_paint, fit_rects, full, full_rects, tiled, drag, edit;
  guint shown_fit, shown_full;
  double zoom_fit;
  TpRect bounds;

  bench.document = tp_bench_make_document (n);
  bench.layout = tp_layout_new ();
  bench.surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VIEW_WIDTH, VIEW_HEIGHT);
  bench.tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, TILE_SIZE, TILE_SIZE);
  bench.n_notes = tp_document_get_n_notes (bench.document);

  cold = time_median (run_layout_cold, &bench, MAX (repeat / 2, 1));
  /* A relayout with every text measured already, as after a small change. */
  tp_layout_update (bench.layout, bench.document);
  relayout = time_median (run_relayout, &bench, repeat);

  /* The zoom that fits the whole board, centred. */
  tp_layout_get_bounds (bench.layout, &bounds);
  set_fit_view (&bench);
  zoom_fit = bench.zoom;
  shown_fit = count_shown (&bench);
  fit = time_median (run_frame, &bench, repeat);
  fit_paint = time_median (run_paint, &bench, repeat);
  fit_rects = time_median (run_rectangles, &bench, repeat);

  /* 100 %, at the top left of the board: the canvas's first blocks. */
  bench.zoom = 1.0;
  bench.visible = (TpRect) { bounds.x, bounds.y, VIEW_WIDTH, VIEW_HEIGHT };
  shown_full = count_shown (&bench);
  full = time_median (run_frame, &bench, repeat);
  tiled = time_median (run_frame_tiled, &bench, repeat);
  full_rects = time_median (run_rectangles, &bench, repeat);

  /* The first note in view is dragged and edited (its text in turn with a longer one). */
  set_edited (&bench);
  paint_view_tiles (&bench);
  drag = time_median (run_drag, &bench, repeat);
  edit = time_median (run_edit, &bench, repeat);
  unset_edited (&bench);

  g_print ("| %'u | %.1f ms | %.2f ms | %.2f %% · %u | %.1f ms (%.1f×) | %.1f ms | %u | %.1f ms (%.1f×) | %.1f ms (%.1f×) | %.2f ms | %.1f ms |\n",
           n, cold, relayout, zoom_fit * 100, shown_fit, fit, fit / MAX (fit_rects, 0.001),
           fit_paint, shown_full, full, full / MAX (full_rects, 0.001), tiled, tiled / MAX (full_rects, 0.001),
           drag, edit);

  cairo_surface_destroy (bench.tile);
  cairo_surface_destroy (bench.surface);
  tp_layout_free (bench.layout);
  g_object_unref (bench.document);
}

static const char usage[] =
  "Usage: tp-bench-frame [--repeat N] [--cpu] [SIZE…]  the frames' figures as a Markdown table\n"
  "       tp-bench-frame --profile|--paint-only [--repeat N] [--png OUT] SIZE…\n"
  "                                                  the frame at fit alone\n"
  "       tp-bench-frame --edit [--repeat N] SIZE…    the edit frame alone\n"
  "SIZE is a number of notes (100, 1000 and 10000 when none is given); --cpu times by\n"
  "the process's CPU clock instead of the wall clock.\n";

int
main (int    argc,
      char **argv)
{
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  guint repeat = 9;
  gboolean profile = FALSE, paint_only = FALSE, edit = FALSE;
  const char *png = NULL;

  /* UTF-8 output (× and ·) and thousands separators, as the locale says. */
  setlocale (LC_ALL, "");

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--repeat") && i + 1 < argc)
        {
          i++;
          repeat = (guint) MAX (atoi (argv[i]), 1);
        }
      else if (g_str_equal (argv[i], "--profile"))
        profile = TRUE;
      else if (g_str_equal (argv[i], "--paint-only"))
        profile = paint_only = TRUE;
      else if (g_str_equal (argv[i], "--edit"))
        edit = TRUE;
      else if (g_str_equal (argv[i], "--cpu"))
        cpu_clock = TRUE;
      else if (g_str_equal (argv[i], "--png") && i + 1 < argc)
        png = argv[++i];
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          g_print ("%s", usage);
          return 0;
        }
      else
        {
          char *end = NULL;
          guint64 n = g_ascii_strtoull (argv[i], &end, 10);

          /* A size is a whole number of notes, at least one. */
          if (end == argv[i] || *end != '\0' || n == 0 || n > G_MAXUINT)
            {
              g_printerr ("tp-bench-frame: not a size or an option: %s\n%s", argv[i], usage);
              return 2;
            }
          g_array_append_val (sizes, (guint) { n });
        }
    }
  if (sizes->len == 0)
    {
      static const guint defaults[] = { 100, 1000, 10000 };

      g_array_append_vals (sizes, defaults, G_N_ELEMENTS (defaults));
    }
  if (edit)
    {
      for (guint i = 0; i < sizes->len; i++)
        profile_edit (g_array_index (sizes, guint, i), repeat);
      return 0;
    }
  if (profile)
    {
      for (guint i = 0; i < sizes->len; i++)
        profile_fit (g_array_index (sizes, guint, i), repeat, paint_only, png);
      return 0;
    }

  g_print ("Frame of a %d × %d view: relayout (texts measured) + paint; median of %u runs; "
           "(×) = ÷ the same number of plain cairo rectangles on the same surface.\n\n",
           VIEW_WIDTH, VIEW_HEIGHT, repeat);
  g_print ("| notes | first layout | relayout | fit: zoom · notes shown | frame at fit | "
           "paint alone at fit | 100 %%: notes shown | frame at 100 %% | 100 %%, in 512 px tiles | drag frame | "
           "edit: relayout + its tiles |\n");
  g_print ("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  /* Fontconfig, the font files and the glyph caches load on first use: not a cost of
   * any one size. */
  {
    g_autoptr(TpDocument) warm = tp_bench_make_document (200);
    TpLayout *layout = tp_layout_new ();
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);
    cairo_t *cr = cairo_create (surface);

    tp_layout_update (layout, warm);
    tp_paint_board (cr, layout, warm, NULL);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
    tp_layout_free (layout);
  }

  for (guint i = 0; i < sizes->len; i++)
    bench_size (g_array_index (sizes, guint, i), repeat);

  return 0;
}
