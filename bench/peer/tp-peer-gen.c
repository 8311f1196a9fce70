/* tp-peer-gen.c: the same board for Touchpoint, Dia and the floor (issue 19)
 *
 *   tp-peer-gen N OUT.touchpoint OUT.dia
 *
 * N notes spread over every block and area, N / 20 touchpoints (at least 5) over five
 * stages, and N / 2 links, each from a different note to a touchpoint. The Touchpoint file
 * is written by the core's writer (so it is valid by construction); the Dia file draws the
 * same items as Dia 0.97 objects: a "Flowchart - Box" per note and per touchpoint with the
 * same text, and a "Standard - Line" per link, connected to both boxes. The floor program
 * (tp-floor.c) reads the Touchpoint file and lays the items out on the grid used here
 * (tp-peer-grid.h): note nK and touchpoint tK in slot K - 1.
 *
 * Dia does not wrap text, so the Dia file carries each note's text broken into lines of
 * at most PEER_WRAP_CHARS characters; Touchpoint and the floor wrap with Pango.
 */

#include "config.h"

#include <stdlib.h>

#include "tp-peer-grid.h"
#include "tp-bench-doc.h"
#include "io/tp-document-file.h"
#include "model/tp-document-private.h"

#define PEER_WRAP_CHARS 24

/* The text broken at spaces into lines of at most PEER_WRAP_CHARS, as Dia shows it. */
static char *
wrap_for_dia (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, " ", -1);
  GString *wrapped = g_string_new (NULL);
  gsize line = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gsize len = strlen (parts[i]);

      if (line > 0 && line + 1 + len > PEER_WRAP_CHARS)
        {
          g_string_append_c (wrapped, '\n');
          line = 0;
        }
      else if (line > 0)
        {
          g_string_append_c (wrapped, ' ');
          line++;
        }
      g_string_append (wrapped, parts[i]);
      line += len;
    }
  return g_string_free (wrapped, FALSE);
}

static void
dia_box (GString    *out,
         guint       id,
         TpPeerRect  r,
         const char *colour,
         const char *text)
{
  g_autofree char *wrapped = wrap_for_dia (text);
  g_autofree char *escaped = g_markup_escape_text (wrapped, -1);
  char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];
  char w[G_ASCII_DTOSTR_BUF_SIZE], h[G_ASCII_DTOSTR_BUF_SIZE];
  char tx[G_ASCII_DTOSTR_BUF_SIZE], ty[G_ASCII_DTOSTR_BUF_SIZE];

  /* The grid is in points; Dia's unit is the centimetre. */
  g_ascii_dtostr (x, sizeof x, r.x / TP_PEER_PT_PER_CM);
  g_ascii_dtostr (y, sizeof y, r.y / TP_PEER_PT_PER_CM);
  g_ascii_dtostr (w, sizeof w, r.width / TP_PEER_PT_PER_CM);
  g_ascii_dtostr (h, sizeof h, r.height / TP_PEER_PT_PER_CM);
  g_ascii_dtostr (tx, sizeof tx, (r.x + r.width / 2) / TP_PEER_PT_PER_CM);
  g_ascii_dtostr (ty, sizeof ty, (r.y + 14) / TP_PEER_PT_PER_CM);

  g_string_append_printf (out,
    "    <dia:object type=\"Flowchart - Box\" version=\"0\" id=\"O%u\">\n"
    "      <dia:attribute name=\"obj_pos\"><dia:point val=\"%s,%s\"/></dia:attribute>\n"
    "      <dia:attribute name=\"elem_corner\"><dia:point val=\"%s,%s\"/></dia:attribute>\n"
    "      <dia:attribute name=\"elem_width\"><dia:real val=\"%s\"/></dia:attribute>\n"
    "      <dia:attribute name=\"elem_height\"><dia:real val=\"%s\"/></dia:attribute>\n"
    "      <dia:attribute name=\"border_width\"><dia:real val=\"0.03\"/></dia:attribute>\n"
    "      <dia:attribute name=\"inner_color\"><dia:color val=\"%s\"/></dia:attribute>\n"
    "      <dia:attribute name=\"show_background\"><dia:boolean val=\"true\"/></dia:attribute>\n"
    "      <dia:attribute name=\"padding\"><dia:real val=\"0.1\"/></dia:attribute>\n"
    "      <dia:attribute name=\"text\"><dia:composite type=\"text\">\n"
    "        <dia:attribute name=\"string\"><dia:string>#%s#</dia:string></dia:attribute>\n"
    "        <dia:attribute name=\"font\"><dia:font family=\"sans\" style=\"0\" name=\"Helvetica\"/></dia:attribute>\n"
    "        <dia:attribute name=\"height\"><dia:real val=\"0.35\"/></dia:attribute>\n"
    "        <dia:attribute name=\"pos\"><dia:point val=\"%s,%s\"/></dia:attribute>\n"
    "        <dia:attribute name=\"color\"><dia:color val=\"#000000\"/></dia:attribute>\n"
    "        <dia:attribute name=\"alignment\"><dia:enum val=\"1\"/></dia:attribute>\n"
    "      </dia:composite></dia:attribute>\n"
    "    </dia:object>\n",
    id, x, y, x, y, w, h, colour, escaped, tx, ty);
}

static void
dia_line (GString    *out,
          guint       id,
          guint       from,
          TpPeerRect  a,
          guint       to,
          TpPeerRect  b)
{
  char ax[G_ASCII_DTOSTR_BUF_SIZE], ay[G_ASCII_DTOSTR_BUF_SIZE];
  char bx[G_ASCII_DTOSTR_BUF_SIZE], by[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_dtostr (ax, sizeof ax, (a.x + a.width / 2) / TP_PEER_PT_PER_CM);
  g_ascii_dtostr (ay, sizeof ay, (a.y + a.height) / TP_PEER_PT_PER_CM);
  g_ascii_dtostr (bx, sizeof bx, (b.x + b.width / 2) / TP_PEER_PT_PER_CM);
  g_ascii_dtostr (by, sizeof by, b.y / TP_PEER_PT_PER_CM);

  /* Connection point 13 of a flowchart box is the middle of its bottom side, 2 the middle
   * of its top side: the line runs from under the note to above the touchpoint. */
  g_string_append_printf (out,
    "    <dia:object type=\"Standard - Line\" version=\"0\" id=\"O%u\">\n"
    "      <dia:attribute name=\"obj_pos\"><dia:point val=\"%s,%s\"/></dia:attribute>\n"
    "      <dia:attribute name=\"conn_endpoints\"><dia:point val=\"%s,%s\"/><dia:point val=\"%s,%s\"/></dia:attribute>\n"
    "      <dia:attribute name=\"line_width\"><dia:real val=\"0.03\"/></dia:attribute>\n"
    "      <dia:connections>\n"
    "        <dia:connection handle=\"0\" to=\"O%u\" connection=\"13\"/>\n"
    "        <dia:connection handle=\"1\" to=\"O%u\" connection=\"2\"/>\n"
    "      </dia:connections>\n"
    "    </dia:object>\n",
    id, ax, ay, ax, ay, bx, by, from, to);
}

static const char * const note_colours[] = { "#fff59d", "#b3e5fc", "#c8e6c9", "#f8bbd0", "#e1bee7", "#ffe0b2" };

int
main (int    argc,
      char **argv)
{
  g_autoptr(TpDocument) document = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) dia = NULL;
  g_autoptr(GPtrArray) note_texts = NULL;
  g_autoptr(GPtrArray) tp_names = NULL;
  TpPeerGrid grid;
  TpStage *stages[5];
  TpMeta *meta;
  guint n, n_touchpoints, n_links;
  double scaling;
  char scaling_text[G_ASCII_DTOSTR_BUF_SIZE];

  if (argc != 4 || atoi (argv[1]) < 1)
    {
      g_printerr ("usage: tp-peer-gen N OUT.touchpoint OUT.dia (N ≥ 1)\n");
      return 2;
    }

  n = atoi (argv[1]);
  n_touchpoints = tp_peer_n_touchpoints (n);
  n_links = n / 2;
  rand = g_rand_new_with_seed (n);
  document = tp_document_new ();
  note_texts = g_ptr_array_new_with_free_func (g_free);
  tp_names = g_ptr_array_new_with_free_func (g_free);

  meta = tp_meta_new ();
  _tp_str_assign (&meta->title, "Peer board");
  _tp_document_set_meta (document, meta);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i + 1);
      char *text = tp_bench_make_text (rand, 2, 14);
      TpNote *note = tp_note_new (id, text);

      note->container = i % TP_N_CONTAINERS;
      note->colour = i % G_N_ELEMENTS (note_colours);
      _tp_document_append_note (document, note);
      g_ptr_array_add (note_texts, text);
    }

  for (guint s = 0; s < G_N_ELEMENTS (stages); s++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", s + 1);

      stages[s] = tp_stage_new (id, "Stage");
      _tp_document_append_stage (document, stages[s]);
    }

  for (guint i = 0; i < n_touchpoints; i++)
    {
      g_autofree char *id = g_strdup_printf ("t%u", i + 1);
      char *name = tp_bench_make_text (rand, 1, 3);

      _tp_document_append_touchpoint (document, stages[i % G_N_ELEMENTS (stages)],
                                      tp_touchpoint_new (id, name));
      g_ptr_array_add (tp_names, name);
    }

  /* Link i starts at note 2i + 1: every link has its own note, so no pair repeats. */
  for (guint i = 0; i < n_links; i++)
    {
      g_autofree char *id = g_strdup_printf ("l%u", i + 1);
      g_autofree char *note = g_strdup_printf ("n%u", 2 * i + 1);
      g_autofree char *tp = g_strdup_printf ("t%u", i % n_touchpoints + 1);

      _tp_document_append_link (document, tp_link_new (id, note, tp, NULL));
    }

  file = g_file_new_for_commandline_arg (argv[2]);
  if (!tp_save_file (document, file, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s: %s\n", argv[2], error->message);
      return 1;
    }

  /* The Dia file: note k and touchpoint k in slot k - 1 of the grid, as the floor puts
   * them, so that every item is at the same place in both. */
  tp_peer_grid_init (&grid, n, n_touchpoints);
  /* Dia's PNG filter takes no size on the command line (cairo-png ignores --size); it
   * draws 20 pixels a centimetre times the paper's scaling. The scaling makes its PNG fit
   * 1920 × 1080 as the other two are asked to. */
  scaling = MIN (1920 / (tp_peer_grid_width (&grid) / TP_PEER_PT_PER_CM * 20),
                 1080 / (tp_peer_grid_height (&grid) / TP_PEER_PT_PER_CM * 20));
  g_ascii_dtostr (scaling_text, sizeof scaling_text, scaling);
  dia = g_string_new (NULL);
  g_string_append_printf (dia,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<dia:diagram xmlns:dia=\"http://www.lysator.liu.se/~alla/dia/\">\n"
    "  <dia:diagramdata>\n"
    "    <dia:attribute name=\"paper\"><dia:composite type=\"paper\">\n"
    "      <dia:attribute name=\"name\"><dia:string>#A4#</dia:string></dia:attribute>\n"
    "      <dia:attribute name=\"tmargin\"><dia:real val=\"1\"/></dia:attribute>\n"
    "      <dia:attribute name=\"bmargin\"><dia:real val=\"1\"/></dia:attribute>\n"
    "      <dia:attribute name=\"lmargin\"><dia:real val=\"1\"/></dia:attribute>\n"
    "      <dia:attribute name=\"rmargin\"><dia:real val=\"1\"/></dia:attribute>\n"
    "      <dia:attribute name=\"is_portrait\"><dia:boolean val=\"false\"/></dia:attribute>\n"
    "      <dia:attribute name=\"scaling\"><dia:real val=\"%s\"/></dia:attribute>\n"
    "      <dia:attribute name=\"fitto\"><dia:boolean val=\"false\"/></dia:attribute>\n"
    "    </dia:composite></dia:attribute>\n"
    "  </dia:diagramdata>\n"
    "  <dia:layer name=\"Background\" visible=\"true\" active=\"true\">\n",
    scaling_text);
  for (guint i = 0; i < n; i++)
    dia_box (dia, i, tp_peer_grid_note (&grid, i), note_colours[i % G_N_ELEMENTS (note_colours)],
             g_ptr_array_index (note_texts, i));
  for (guint i = 0; i < n_touchpoints; i++)
    dia_box (dia, n + i, tp_peer_grid_touchpoint (&grid, i),
             "#ffffff", g_ptr_array_index (tp_names, i));
  for (guint i = 0; i < n_links; i++)
    {
      guint note = 2 * i;
      guint tp = i % n_touchpoints;

      dia_line (dia, n + n_touchpoints + i,
                note, tp_peer_grid_note (&grid, note),
                n + tp, tp_peer_grid_touchpoint (&grid, tp));
    }
  g_string_append (dia, "  </dia:layer>\n</dia:diagram>\n");

  if (!g_file_set_contents (argv[3], dia->str, dia->len, &error))
    {
      g_printerr ("%s: %s\n", argv[3], error->message);
      return 1;
    }
  return 0;
}
