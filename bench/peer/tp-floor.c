/* tp-floor.c: the floor of issue 19's peer comparison
 *
 *   tp-floor IN.touchpoint OUT.png|OUT.pdf|OUT.svg [--size=WxH]
 *
 * The least a program must do to draw the peer board: read the file with libxml2, lay the
 * N notes out on a fixed grid (tp-peer-grid.h, the same grid the Dia file uses), draw each
 * as a filled, outlined rectangle with its text wrapped by Pango, the touchpoints the same
 * way, and every link as one straight line, then write the file with cairo. No schema, no
 * model, no layout engine: Touchpoint's time over this one reads "what everything else we
 * do costs". A PNG is scaled to fit WxH (1920x1080 unless given), as the other two are
 * asked for; PDF and SVG are one page of the board's natural size.
 */

#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tp-peer-grid.h"

typedef struct
{
  GPtrArray  *notes;        /* text of each note, by its slot */
  GPtrArray  *touchpoints;  /* name of each touchpoint, by its slot */
  GArray     *links;        /* pairs of guint: note slot, touchpoint slot */
} Board;

/* The generator names items n1 … nN and t1 … tT, and puts item k in slot k - 1 of the
 * grid (the file lists notes by block and touchpoints by stage, not in that order). */
static guint
slot_of (const xmlChar *id,
         char           kind)
{
  char *end = NULL;
  guint64 k;

  if (id == NULL || id[0] != kind)
    return G_MAXUINT;
  k = g_ascii_strtoull ((const char *) id + 1, &end, 10);
  return end != NULL && *end == '\0' && k >= 1 && k < G_MAXUINT ? (guint) k - 1 : G_MAXUINT;
}

static void
put (GPtrArray     *items,
     guint          slot,
     const xmlChar *text)
{
  if (slot == G_MAXUINT || slot > 10000000)
    return;
  if (slot >= items->len)
    g_ptr_array_set_size (items, slot + 1);
  g_free (g_ptr_array_index (items, slot));
  g_ptr_array_index (items, slot) = g_strdup (text != NULL ? (const char *) text : "");
}

static void
collect (Board   *board,
         xmlNode *node)
{
  for (; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;
      if (xmlStrEqual (node->name, BAD_CAST "note"))
        {
          xmlChar *id = xmlGetProp (node, BAD_CAST "id");
          xmlChar *text = xmlNodeGetContent (node);

          put (board->notes, slot_of (id, 'n'), text);
          xmlFree (id);
          xmlFree (text);
          continue;
        }
      if (xmlStrEqual (node->name, BAD_CAST "touchpoint") && node->parent != NULL &&
          xmlStrEqual (node->parent->name, BAD_CAST "stage"))
        {
          xmlChar *id = xmlGetProp (node, BAD_CAST "id");
          xmlChar *name = xmlGetProp (node, BAD_CAST "name");

          put (board->touchpoints, slot_of (id, 't'), name);
          xmlFree (id);
          xmlFree (name);
          continue;
        }
      if (xmlStrEqual (node->name, BAD_CAST "link"))
        {
          xmlChar *note = xmlGetProp (node, BAD_CAST "note");
          xmlChar *tp = xmlGetProp (node, BAD_CAST "touchpoint");
          guint pair[2] = { slot_of (note, 'n'), slot_of (tp, 't') };

          if (pair[0] != G_MAXUINT && pair[1] != G_MAXUINT)
            {
              g_array_append_vals (board->links, pair, 2);
            }
          xmlFree (note);
          xmlFree (tp);
          continue;
        }
      collect (board, node->children);
    }
}

static const double note_colours[][3] = {
  { 1.0, 0.96, 0.62 }, { 0.70, 0.90, 0.99 }, { 0.78, 0.90, 0.79 },
  { 0.97, 0.73, 0.82 }, { 0.88, 0.75, 0.91 }, { 1.0, 0.88, 0.70 },
};

static void
draw_item (cairo_t          *cr,
           PangoLayout      *layout,
           TpPeerRect        r,
           const double     *fill,
           const char       *text)
{
  cairo_rectangle (cr, r.x, r.y, r.width, r.height);
  cairo_set_source_rgb (cr, fill[0], fill[1], fill[2]);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_stroke (cr);

  pango_layout_set_text (layout, text, -1);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, r.x + 4, r.y + 4);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_board (cairo_t          *cr,
            const Board      *board,
            const TpPeerGrid *grid)
{
  static const double white[3] = { 1, 1, 1 };
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Inter, Sans 8");

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((TP_PEER_NOTE_W - 8) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_line_width (cr, 1);

  for (guint i = 0; i < board->notes->len; i++)
    if (g_ptr_array_index (board->notes, i) != NULL)
      draw_item (cr, layout, tp_peer_grid_note (grid, i), note_colours[i % G_N_ELEMENTS (note_colours)],
               g_ptr_array_index (board->notes, i));
  for (guint i = 0; i < board->touchpoints->len; i++)
    if (g_ptr_array_index (board->touchpoints, i) != NULL)
      draw_item (cr, layout, tp_peer_grid_touchpoint (grid, i), white,
               g_ptr_array_index (board->touchpoints, i));

  for (guint i = 0; i < board->links->len; i += 2)
    {
      TpPeerRect a;
      TpPeerRect b;

      if (g_array_index (board->links, guint, i) >= board->notes->len ||
          g_array_index (board->links, guint, i + 1) >= board->touchpoints->len)
        continue;
      a = tp_peer_grid_note (grid, g_array_index (board->links, guint, i));
      b = tp_peer_grid_touchpoint (grid, g_array_index (board->links, guint, i + 1));

      cairo_move_to (cr, a.x + a.width / 2, a.y + a.height);
      cairo_line_to (cr, b.x + b.width / 2, b.y);
    }
  cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
  cairo_stroke (cr);

  pango_font_description_free (font);
  g_object_unref (layout);
}

int
main (int    argc,
      char **argv)
{
  Board board;
  TpPeerGrid grid;
  xmlDoc *doc;
  cairo_surface_t *surface;
  cairo_t *cr;
  const char *out;
  double width, height;
  int size_w = 1920, size_h = 1080;
  cairo_status_t status;

  if (argc < 3 || argc > 4 ||
      (argc == 4 && sscanf (argv[3], "--size=%dx%d", &size_w, &size_h) != 2))
    {
      fprintf (stderr, "usage: tp-floor IN.touchpoint OUT.png|OUT.pdf|OUT.svg [--size=WxH]\n");
      return 2;
    }
  out = argv[2];

  doc = xmlReadFile (argv[1], NULL, XML_PARSE_NONET);
  if (doc == NULL)
    {
      fprintf (stderr, "%s: cannot read\n", argv[1]);
      return 1;
    }
  board.notes = g_ptr_array_new_with_free_func (g_free);
  board.touchpoints = g_ptr_array_new_with_free_func (g_free);
  board.links = g_array_new (FALSE, FALSE, sizeof (guint));
  collect (&board, xmlDocGetRootElement (doc));
  xmlFreeDoc (doc);

  tp_peer_grid_init (&grid, board.notes->len, board.touchpoints->len);
  width = tp_peer_grid_width (&grid);
  height = tp_peer_grid_height (&grid);

  if (g_str_has_suffix (out, ".pdf"))
    surface = cairo_pdf_surface_create (out, width, height);
  else if (g_str_has_suffix (out, ".svg"))
    surface = cairo_svg_surface_create (out, width, height);
  else if (g_str_has_suffix (out, ".png"))
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size_w, size_h);
  else
    {
      fprintf (stderr, "%s: the name must end in .png, .pdf or .svg\n", out);
      return 2;
    }

  cr = cairo_create (surface);
  if (g_str_has_suffix (out, ".png"))
    {
      double scale = MIN (size_w / width, size_h / height);

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, scale, scale);
    }
  draw_board (cr, &board, &grid);
  cairo_destroy (cr);

  if (g_str_has_suffix (out, ".png"))
    status = cairo_surface_write_to_png (surface, out);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      fprintf (stderr, "%s: %s\n", out, cairo_status_to_string (status));
      return 1;
    }
  printf ("%u notes, %u touchpoints, %u links, %.0f × %.0f pt\n", board.notes->len,
          board.touchpoints->len, board.links->len / 2, width, height);

  g_ptr_array_unref (board.notes);
  g_ptr_array_unref (board.touchpoints);
  g_array_unref (board.links);
  return 0;
}
