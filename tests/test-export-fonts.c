/* test-export-fonts.c: what a small export asks of Pango (issue 19: a 1-note export
 * within 1.5 times the floor's process).
 *
 * Every distinct font Pango is asked for (family, size, weight, style) costs a fontconfig
 * sort, Pango's metrics sample and every glyph loaded again: about 7 M instructions, a
 * tenth of the floor's whole process. The export's fonts are the theme's roles; anything
 * else (the page footer used to be one more, sized by the page) is counted here. Counted
 * through the default font map, replaced by a subclass that notes each description it is
 * asked for before its parent loads it, so nothing drawn changes.
 *
 * Also: "every page" leaves out a region's page when it shows none of the workshop's
 * content (the board page shows that region anyway).
 */

#include "config.h"

#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <unistd.h>

#include "model/tp-document-private.h"
#include "model/tp-note.h"
#include "model/tp-stage.h"
#include "model/tp-touchpoint.h"
#include "render/tp-export.h"
#include "render/tp-font-family.h"
#include "render/tp-layout.h"
#include "render/tp-theme.h"
#include "tp-test-tools.h"

/* The descriptions the font map was asked for, as "family|size|weight|style". */
static GHashTable *asked;
static PangoFontMapClass *parent_class;

static void
note_asked (const PangoFontDescription *desc)
{
  g_hash_table_add (asked, g_strdup_printf ("%s|%d|%d|%d",
                                            pango_font_description_get_family (desc),
                                            pango_font_description_get_size (desc),
                                            pango_font_description_get_weight (desc),
                                            pango_font_description_get_style (desc)));
}

static PangoFontset *
counting_load_fontset (PangoFontMap               *map,
                       PangoContext               *context,
                       const PangoFontDescription *desc,
                       PangoLanguage              *language)
{
  note_asked (desc);
  return parent_class->load_fontset (map, context, desc, language);
}

static PangoFont *
counting_load_font (PangoFontMap               *map,
                    PangoContext               *context,
                    const PangoFontDescription *desc)
{
  note_asked (desc);
  return parent_class->load_font (map, context, desc);
}

static void
counting_class_init (gpointer klass,
                     gpointer data)
{
  PangoFontMapClass *map_class = PANGO_FONT_MAP_CLASS (klass);

  parent_class = g_type_class_peek_parent (klass);
  map_class->load_fontset = counting_load_fontset;
  map_class->load_font = counting_load_font;
}

/* Makes the default cairo font map one that counts: a subclass, made at run time, of the
 * type Pango's default is (its type is not public), so it stays a PangoCairoFontMap. */
static void
count_fonts (void)
{
  PangoFontMap *real = pango_cairo_font_map_new ();
  GType parent = G_TYPE_FROM_INSTANCE (real);
  GTypeQuery query;
  GTypeInfo info = { 0 };
  GType type;

  g_type_query (parent, &query);
  info.class_size = query.class_size;
  info.class_init = counting_class_init;
  info.instance_size = query.instance_size;
  type = g_type_register_static (parent, "TpTestCountingFontMap", &info, 0);
  pango_cairo_font_map_set_default (PANGO_CAIRO_FONT_MAP (g_object_new (type, NULL)));
  g_object_unref (real);
  asked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* One note and one stage with one touchpoint: the fixed cost's document. */
static TpDocument *
make_small (void)
{
  TpDocument *document = tp_document_new ();
  TpNote *note = tp_note_new ("n1", "laptop phone support warranty");
  TpStage *stage = tp_stage_new ("s1", "Stage");

  note->container = 0;
  _tp_document_append_note (document, note);
  _tp_document_append_stage (document, stage);
  _tp_document_append_touchpoint (document, stage, tp_touchpoint_new ("t1", "support"));
  return document;
}

static guint
count_pdf_pages (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp ("tp-export-fonts-XXXXXX.pdf", &path, NULL);
  guint n;

  g_assert_cmpint (fd, >=, 0);
  g_assert_true (g_file_set_contents (path, data, size, NULL));
  close (fd);
  n = tp_test_pdf_n_pages (path);
  g_unlink (path);
  return n;
}

/* The fonts of a 1-note export of every page, on a slide, on A3 and at fit: one per
 * weight and style of the theme's roles, in the theme's family, and no other, however large the page (the footer's size
 * follows the page's). Fonts of other families are fallbacks for characters the first
 * family lacks, or Pango's metrics of them, and are not counted. */
static void
test_theme_sizes_only (void)
{
  const TpTheme *theme = tp_theme_get_default ();
  g_autoptr(TpDocument) small = make_small ();
  TpPageSize sizes[] = { TP_PAGE_SIZE_SLIDE, TP_PAGE_SIZE_A3, TP_PAGE_SIZE_FIT };
  g_autofree char *family = g_strconcat (tp_font_family_resolve (theme->font_family), "|", NULL);
  guint n_family = 0;
  g_autoptr(GHashTable) specs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key;
  guint n_other = 0;

  /* Each role's weight and style at the one size fonts are loaded at: the roles of one
   * weight and style share a font, drawn scaled to each role's size (tp-text.c). */
  for (guint role = 0; role < TP_N_FONT_ROLES; role++)
    g_hash_table_add (specs, g_strdup_printf ("%d|%d|%d",
                                              (int) (tp_theme_get_font_load_size (theme, role) *
                                                     PANGO_SCALE),
                                              theme->fonts[role].weight,
                                              theme->fonts[role].style));

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      TpExportOptions options;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      tp_export_options_init (&options);
      options.size = sizes[s];
      bytes = tp_export_render (small, &options, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (bytes);
    }

  g_test_message ("%u distinct fonts asked for, %u font specs in the theme",
                  g_hash_table_size (asked), g_hash_table_size (specs));
  g_hash_table_iter_init (&iter, asked);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      /* Skip the family: the size, weight and style must be a role's. */
      const char *spec = strchr (key, '|') + 1;

      g_test_message ("asked: %s", (const char *) key);
      if (!g_str_has_prefix (key, family))
        continue;
      n_family++;
      if (!g_hash_table_contains (specs, spec))
        {
          g_test_message ("a font of no theme role was asked for: %s", (const char *) key);
          n_other++;
        }
    }
  g_assert_cmpuint (n_other, ==, 0);
  /* One family: a description per weight and style, and Pango's metrics ask the same
   * ones. The theme has five (regular, italic, medium, semibold, bold); a role drawn
   * at its own size was one more for each size (ten on a 1-note board). */
  g_assert_cmpuint (g_hash_table_size (specs), ==, 5);
  g_assert_cmpuint (n_family, >, 0);
  g_assert_cmpuint (n_family, <=, g_hash_table_size (specs));
}

/* "Every page" of one note: the canvas, the journey and the board; the value chain's
 * page, holding none of the workshop's notes, is left to the board page. The example,
 * with notes in every region, keeps all its region pages. */
static void
test_empty_region_pages (void)
{
  g_autoptr(TpDocument) small = make_small ();
  TpExportOptions options;
  g_autoptr(GArray) pages = NULL;
  g_autoptr(GBytes) bytes = NULL;
  TpLayout *layout;

  tp_export_options_init (&options);
  layout = tp_layout_new ();
  tp_layout_update (layout, small);
  pages = tp_export_list_pages (layout, small, &options);
  g_assert_cmpuint (pages->len, ==, 3);
  g_assert_cmpint (g_array_index (pages, TpExportPage, 0), ==, TP_EXPORT_PAGE_CANVAS);
  g_assert_cmpint (g_array_index (pages, TpExportPage, 1), ==, TP_EXPORT_PAGE_JOURNEY);
  g_assert_cmpint (g_array_index (pages, TpExportPage, 2), ==, TP_EXPORT_PAGE_BOARD);
  tp_layout_free (layout);

  if (tp_test_have_tool ("pdfinfo"))
    {
      bytes = tp_export_render (small, &options, NULL, NULL);
      g_assert_cmpuint (count_pdf_pages (bytes), ==, 3);
    }

  /* Asked for by name, an empty region is still a page. */
  options.page = TP_EXPORT_PAGE_VALUE_CHAIN;
  layout = tp_layout_new ();
  tp_layout_update (layout, small);
  g_clear_pointer (&pages, g_array_unref);
  pages = tp_export_list_pages (layout, small, &options);
  g_assert_cmpuint (pages->len, ==, 1);
  tp_layout_free (layout);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  count_fonts ();

  g_test_add_func ("/touchpoint/export-fonts/theme-sizes-only", test_theme_sizes_only);
  g_test_add_func ("/touchpoint/export-fonts/empty-region-pages", test_empty_region_pages);

  return g_test_run ();
}
