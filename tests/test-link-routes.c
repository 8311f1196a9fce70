/* test-link-routes.c: the links keep their routes while their routing gets cheaper
 * (issue 19)
 *
 * Routing the links was made linear (tp-layout-links*.c): a cheaper order of the band's
 * lanes, the runs pulled apart in shared gutters without scanning every earlier run, the
 * labels' pills placed against their neighbours only. None of that may move a line. Each
 * board below is laid out as the board shows it and as an export does (every text
 * whole), and every link's path, point for point, its bounds, pill, badges, number and
 * tint, and the layout's count of tangles, go into one 64-bit signature of their exact
 * bits. The expected signatures were taken from the routing before that change
 * (`main` at 27c7807), on this machine's fonts (Inter, Debian 12's Pango): a font that
 * measures differently moves the notes and with them every route, and the signatures
 * must then be taken again (run with --dump DIR on the old and the new routing and diff
 * the files, which list every point).
 *
 * The boards: the example workshop; generated workshops of 400 and 4,000 notes (40 and
 * 400 links, half of them labelled: every lane order is tried); and boards of 600 and
 * 3,000 links between few notes and cards (tp_bench_make_shape "links": one lane order,
 * gutters shared by hundreds of runs).
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "../bench/tp-bench-doc.h"
#include "io/tp-document-file.h"
#include "render/tp-layout-links-private.h"

static char *dump_dir;

typedef struct
{
  const char *name;
  guint64     board;      /* the signature of the board's layout */
  guint64     full_text;  /* and of the export's, every text whole */
} Expected;

static void
dump_rect (FILE         *out,
           const char   *what,
           const TpRect *rect)
{
  if (out != NULL)
    fprintf (out, "  %s %a %a %a %a\n", what, rect->x, rect->y, rect->width, rect->height);
}

/* Every link's geometry, in document order; written to a file too with --dump. */
static guint64
sign_links (TpDocument *document,
            TpLayout   *layout,
            const char *name)
{
  GPtrArray *links = tp_document_get_links (document);
  guint64 hash = 0xcbf29ce484222325ull;
  guint tangles = tp_layout_count_link_tangles (layout);
  FILE *out = NULL;

  if (dump_dir != NULL)
    {
      g_autofree char *path = g_build_filename (dump_dir, name, NULL);

      out = fopen (path, "w");
      g_assert_nonnull (out);
      fprintf (out, "tangles %u\n", tangles);
    }

  hash = _tp_links_sign_bytes (hash, &tangles, sizeof tangles);
  for (guint i = 0; i < links->len; i++)
    {
      const TpLink *link = g_ptr_array_index (links, i);
      TpLinkInfo info;
      guint32 routed = tp_layout_get_link (layout, link->item.id, &info);

      hash = _tp_links_sign_bytes (hash, &routed, sizeof routed);
      if (out != NULL)
        fprintf (out, "%s %s\n", link->item.id, routed ? "routed" : "not routed");
      if (!routed)
        continue;
      hash = _tp_links_sign_bytes (hash, &info.number, sizeof info.number);
      hash = _tp_links_sign_bytes (hash, &info.tint, sizeof info.tint);
      hash = _tp_links_sign_bytes (hash, &info.n_path, sizeof info.n_path);
      if (out != NULL)
        fprintf (out, "  number %u tint %u points %u\n", info.number, info.tint, info.n_path);
      for (guint k = 0; k < info.n_path; k++)
        {
          hash = _tp_links_sign_double (hash, info.path[k].x);
          hash = _tp_links_sign_double (hash, info.path[k].y);
          if (out != NULL)
            fprintf (out, "  %a %a\n", info.path[k].x, info.path[k].y);
        }
      hash = _tp_links_sign_rect (hash, &info.bounds);
      hash = _tp_links_sign_rect (hash, &info.pill);
      hash = _tp_links_sign_rect (hash, &info.note_badge);
      hash = _tp_links_sign_rect (hash, &info.card_badge);
      dump_rect (out, "bounds", &info.bounds);
      dump_rect (out, "pill", &info.pill);
      dump_rect (out, "note badge", &info.note_badge);
      dump_rect (out, "card badge", &info.card_badge);
    }

  if (out != NULL)
    fclose (out);
  return hash;
}

static void
check_board (TpDocument     *document,
             const Expected *expected)
{
  for (guint full = 0; full < 2; full++)
    {
      TpLayout *layout = tp_layout_new ();
      g_autofree char *name = g_strdup_printf ("%s%s", expected->name, full ? "-full" : "");
      guint64 want = full ? expected->full_text : expected->board;
      guint64 got;

      tp_layout_set_full_text (layout, full);
      tp_layout_update (layout, document);
      got = sign_links (document, layout, name);
      if (got != want)
        g_test_message ("%s: links signed 0x%016" G_GINT64_MODIFIER "x, expected 0x%016"
                        G_GINT64_MODIFIER "x", name, got, want);
      /* A dump is taken to compare routings, whatever the signatures. */
      if (dump_dir == NULL)
        g_assert_true (got == want);
      tp_layout_free (layout);
    }
}

static void
test_example (void)
{
  static const Expected expected = { "example", 0xfcdbc0e14ea04362ull, 0xfcdbc0e14ea04362ull };
  g_autoptr(GFile) file = g_file_new_for_path (TP_EXAMPLE_PATH);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDocument) document = tp_load_file (file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  check_board (document, &expected);
}

static void
test_generated (gconstpointer data)
{
  static const Expected expected[] = {
    { "generated-400", 0x47c5ed3b882a15c7ull, 0x8716396a905298aaull },
    { "generated-4000", 0xd27d3c463fe681fcull, 0x3f3ee7a18aa49669ull },
  };
  guint which = GPOINTER_TO_UINT (data);
  g_autoptr(TpDocument) document = tp_bench_make_document (which == 0 ? 400 : 4000);

  check_board (document, &expected[which]);
}

static void
test_shape (gconstpointer data)
{
  static const Expected expected[] = {
    { "links-600", 0x635f423fcb7a8afbull, 0xa2f5648bce101278ull },
    { "links-3000", 0xca19bc7b46f8e0bfull, 0xa3081675693b99c2ull },
  };
  guint which = GPOINTER_TO_UINT (data);
  g_autoptr(TpDocument) document = tp_bench_make_shape ("links", which == 0 ? 600 : 3000);

  check_board (document, &expected[which]);
}

int
main (int   argc,
      char *argv[])
{
  /* --dump DIR writes every board's links, point by point, to compare two routings. */
  for (int i = 1; i + 1 < argc; i++)
    if (g_strcmp0 (argv[i], "--dump") == 0)
      {
        dump_dir = argv[i + 1];
        memmove (&argv[i], &argv[i + 2], (argc - i - 1) * sizeof (char *));
        argc -= 2;
        break;
      }

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/link-routes/example", test_example);
  g_test_add_data_func ("/touchpoint/link-routes/generated-400", GUINT_TO_POINTER (0),
                        test_generated);
  g_test_add_data_func ("/touchpoint/link-routes/generated-4000", GUINT_TO_POINTER (1),
                        test_generated);
  g_test_add_data_func ("/touchpoint/link-routes/links-600", GUINT_TO_POINTER (0), test_shape);
  g_test_add_data_func ("/touchpoint/link-routes/links-3000", GUINT_TO_POINTER (1), test_shape);

  return g_test_run ();
}
