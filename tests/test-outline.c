/* test-outline.c: a page of the board as plain text (tp-outline.h).
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "io/tp-loader.h"
#include "model/tp-enums.h"
#include "model/tp-note.h"
#include "model/tp-stage.h"
#include "model/tp-touchpoint.h"
#include "render/tp-outline.h"

static TpDocument *
load_example (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (TP_EXAMPLE_PATH);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  TpDocument *document;

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  document = tp_load_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

/* Where line occurs as a whole line of text, or NULL. */
static const char *
find_line (const char *text,
           const char *line)
{
  gsize len = strlen (line);

  for (const char *p = strstr (text, line); p != NULL; p = strstr (p + 1, line))
    if ((p == text || p[-1] == '\n') && (p[len] == '\n' || p[len] == '\0'))
      return p;
  return NULL;
}

static void
assert_no_line (const char *text,
                const char *line)
{
  if (find_line (text, line) != NULL)
    g_error ("the outline has the line “%s”:\n%s", line, text);
}

static void
assert_container (const char  *text,
                  TpDocument  *document,
                  TpContainer  container)
{
  GPtrArray *notes = tp_document_get_notes (document, container);
  g_autofree char *heading = g_strdup_printf ("## %s", tp_enum_get_label (TP_ENUM_CONTAINER, container));
  const char *at;

  if (notes->len == 0)
    {
      assert_no_line (text, heading);
      return;
    }

  /* The block's name, then its notes in order, each on a line of its own. */
  at = find_line (text, heading);
  g_assert_nonnull (at);
  for (guint i = 0; i < notes->len; i++)
    {
      TpNote *note = g_ptr_array_index (notes, i);
      g_autofree char *line = g_strdup_printf ("- %s", note->text);
      const char *found;

      g_assert_null (strchr (note->text, '\n'));
      found = find_line (at, line);
      if (found == NULL)
        g_error ("note %s is not under “%s”:\n%s", note->item.id, heading, text);
      at = found;
    }
}

/* Tests */

static void
test_example_regions (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autofree char *canvas = tp_outline_build (document, TP_EXPORT_PAGE_CANVAS);
  g_autofree char *chain = tp_outline_build (document, TP_EXPORT_PAGE_VALUE_CHAIN);

  g_assert_true (g_str_has_prefix (canvas, "# Business Model Canvas\n"));
  g_assert_true (g_str_has_prefix (chain, "# Value Chain\n"));

  for (TpContainer c = 0; c < TP_N_CONTAINERS; c++)
    {
      const char *in = TP_CONTAINER_IS_CANVAS (c) ? canvas : chain;
      const char *other = TP_CONTAINER_IS_CANVAS (c) ? chain : canvas;
      g_autofree char *heading = g_strdup_printf ("## %s", tp_enum_get_label (TP_ENUM_CONTAINER, c));

      assert_container (in, document, c);
      assert_no_line (other, heading);
    }

  /* One page, one region. */
  g_assert_null (strstr (canvas, "# Customer Journey"));
  g_assert_null (strstr (canvas, "# Value Chain"));
  /* No line end after the last line, no blank line at the start. */
  g_assert_false (g_str_has_suffix (canvas, "\n"));
  g_assert_false (g_str_has_suffix (chain, "\n"));
}

static void
test_example_journey (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autofree char *journey = tp_outline_build (document, TP_EXPORT_PAGE_JOURNEY);
  GPtrArray *stages = tp_document_get_stages (document);
  const char *at = journey;
  guint n_moments = 0;

  g_assert_true (g_str_has_prefix (journey, "# Customer Journey\n"));
  g_assert_cmpuint (stages->len, >, 0);

  for (guint i = 0; i < stages->len; i++)
    {
      TpStage *stage = g_ptr_array_index (stages, i);
      g_autofree char *heading = g_strdup_printf ("## %s", stage->name);

      at = find_line (at, heading);
      if (at == NULL)
        g_error ("stage %s is missing or out of order:\n%s", stage->item.id, journey);

      for (guint j = 0; j < stage->touchpoints->len; j++)
        {
          TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, j);
          g_autofree char *line = NULL;
          const char *found;

          if (touchpoint->moment_of_truth)
            {
              line = g_strdup_printf ("- %s (★ moment of truth)", touchpoint->name);
              n_moments++;
            }
          else
            {
              line = g_strdup_printf ("- %s", touchpoint->name);
            }
          found = find_line (at, line);
          if (found == NULL)
            g_error ("touchpoint %s is not under its stage as “%s”:\n%s",
                     touchpoint->item.id, line, journey);
          at = found;
        }
    }

  /* The example marks five moments of truth; each shows once. */
  g_assert_cmpuint (n_moments, ==, 5);
  {
    guint stars = 0;

    for (const char *p = strstr (journey, "★"); p != NULL; p = strstr (p + 1, "★"))
      stars++;
    g_assert_cmpuint (stars, ==, n_moments);
  }
  g_assert_null (strstr (journey, "# Business Model Canvas"));
}

/* The board and "all pages" list every region with content, in reading order. */
static void
test_example_board (void)
{
  static const TpExportPage pages[] = { TP_EXPORT_PAGE_BOARD, TP_EXPORT_PAGE_ALL };
  g_autoptr(TpDocument) document = load_example ();

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *board = tp_outline_build (document, pages[i]);
      const char *canvas = find_line (board, "# Business Model Canvas");
      const char *chain = find_line (board, "# Value Chain");
      const char *journey = find_line (board, "# Customer Journey");

      g_assert_true (canvas == board);
      g_assert_nonnull (chain);
      g_assert_nonnull (journey);
      g_assert_true (canvas < chain && chain < journey);
      for (TpContainer c = 0; c < TP_N_CONTAINERS; c++)
        assert_container (board, document, c);
      /* Headings are set apart by a blank line. */
      g_assert_nonnull (strstr (board, "\n\n# Value Chain\n"));
    }
}

/* Edge cases on a document built here: what is shown, and how. */
static void
test_shapes (void)
{
  g_autoptr(TpDocument) document = tp_document_new ();
  g_autofree char *empty_board = NULL;
  g_autofree char *empty_canvas = NULL;
  g_autofree char *canvas = NULL;
  g_autofree char *journey = NULL;
  g_autofree char *board = NULL;
  const char *stage, *named, *unnamed;
  TpTouchpoint *copy;

  empty_board = tp_outline_build (document, TP_EXPORT_PAGE_BOARD);
  empty_canvas = tp_outline_build (document, TP_EXPORT_PAGE_CANVAS);
  g_assert_cmpstr (empty_board, ==, "");
  /* A region's own page keeps its title, even with nothing under it. */
  g_assert_cmpstr (empty_canvas, ==, "# Business Model Canvas");

  tp_document_add_note (document, TP_CONTAINER_CHANNELS, 0, "First line\r\n  second line  \n\nthird");
  tp_document_add_note (document, TP_CONTAINER_CHANNELS, 1, "   ");
  tp_document_add_note (document, TP_CONTAINER_KEY_PARTNERS, 0, "Couriers");
  stage = tp_document_add_stage (document, 0, "  Find\nout  ");
  tp_document_add_stage (document, 1, "");
  named = tp_document_add_touchpoint (document, stage, 0, "Search");
  unnamed = tp_document_add_touchpoint (document, stage, 1, "");
  copy = (TpTouchpoint *) tp_document_edit_begin (document, unnamed);
  tp_touchpoint_set_moment_of_truth (copy, TRUE);
  tp_document_edit_commit (document, (TpItem *) copy, "Mark", FALSE);
  g_assert_nonnull (named);

  canvas = tp_outline_build (document, TP_EXPORT_PAGE_CANVAS);
  g_assert_cmpstr (canvas, ==,
                   "# Business Model Canvas\n"
                   "\n"
                   "## Channels\n"
                   /* Further lines continue the item, indented; blank lines and
                    * trailing spaces go; a note of spaces is no note. */
                   "- First line\n"
                   "    second line\n"
                   "  third\n"
                   "\n"
                   "## Key Partners\n"
                   "- Couriers");

  journey = tp_outline_build (document, TP_EXPORT_PAGE_JOURNEY);
  g_assert_cmpstr (journey, ==,
                   "# Customer Journey\n"
                   "\n"
                   /* A heading is one line; an unnamed stage is numbered. */
                   "## Find out\n"
                   "- Search\n"
                   "- Untitled touchpoint (★ moment of truth)\n"
                   "\n"
                   "## Stage 2");

  /* The board leaves out the value chain, which has nothing. */
  board = tp_outline_build (document, TP_EXPORT_PAGE_BOARD);
  g_assert_true (g_str_has_prefix (board, canvas));
  g_assert_true (g_str_has_suffix (board, journey));
  g_assert_null (strstr (board, "# Value Chain"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/outline/example-regions", test_example_regions);
  g_test_add_func ("/touchpoint/outline/example-journey", test_example_journey);
  g_test_add_func ("/touchpoint/outline/example-board", test_example_board);
  g_test_add_func ("/touchpoint/outline/shapes", test_shapes);

  return g_test_run ();
}
