/* tp-outline.c: a page of the board as plain text
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tp-outline.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "model/tp-enums.h"
#include "model/tp-note.h"
#include "model/tp-stage.h"
#include "model/tp-touchpoint.h"

/* Starts a heading ("# Title" or "## Title") with a blank line before it, unless it is
 * the first line. A heading is one line: line breaks and runs of spaces in a name
 * become single spaces. */
static void
append_heading (GString    *out,
                guint       level,
                const char *title)
{
  gboolean space = FALSE;

  if (out->len > 0)
    g_string_append_c (out, '\n');
  for (guint i = 0; i < level; i++)
    g_string_append_c (out, '#');
  g_string_append_c (out, ' ');
  for (const char *p = title; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = TRUE;
          continue;
        }
      if (space && out->str[out->len - 1] != ' ')
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\n');
}

/* "- text", its further lines indented under the first (as a Markdown list item
 * continues), trailing spaces and empty lines dropped. */
static void
append_item (GString    *out,
             const char *text,
             const char *suffix)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  gboolean first = TRUE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strchomp (lines[i]);
      gsize len = strlen (line);

      /* Windows line ends: the \r is whitespace, which g_strchomp() took. */
      if (len == 0)
        continue;
      g_string_append (out, first ? "- " : "  ");
      g_string_append (out, line);
      g_string_append_c (out, '\n');
      first = FALSE;
    }
  if (!first && suffix != NULL)
    {
      /* After the item's last line, before its line end. */
      g_string_truncate (out, out->len - 1);
      g_string_append (out, suffix);
      g_string_append_c (out, '\n');
    }
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
has_notes (TpDocument  *document,
           TpContainer  first,
           TpContainer  end)
{
  for (TpContainer c = first; c < end; c++)
    {
      GPtrArray *notes = tp_document_get_notes (document, c);

      for (guint i = 0; i < notes->len; i++)
        if (!is_blank (((TpNote *) g_ptr_array_index (notes, i))->text))
          return TRUE;
    }
  return FALSE;
}

/* A region of blocks: the canvas's nine (in their conventional numbering) or the value
 * chain's nine areas. */
static void
append_blocks (GString     *out,
               TpDocument  *document,
               TpRegion     region,
               TpContainer  first,
               TpContainer  end)
{
  append_heading (out, 1, tp_region_get_label (region));

  for (TpContainer c = first; c < end; c++)
    {
      GPtrArray *notes = tp_document_get_notes (document, c);
      gboolean titled = FALSE;

      for (guint i = 0; i < notes->len; i++)
        {
          const TpNote *note = g_ptr_array_index (notes, i);

          if (is_blank (note->text))
            continue;
          if (!titled)
            {
              append_heading (out, 2, tp_enum_get_label (TP_ENUM_CONTAINER, c));
              titled = TRUE;
            }
          append_item (out, note->text, NULL);
        }
    }
}

static void
append_journey (GString    *out,
                TpDocument *document)
{
  GPtrArray *stages = tp_document_get_stages (document);
  /* Translators: after a touchpoint's name in a copied outline of the customer journey,
   * as in "- Checkout (★ moment of truth)"; the star is the board's mark for one. */
  g_autofree char *moment = g_strdup_printf (" (★ %s)", _("moment of truth"));

  append_heading (out, 1, tp_region_get_label (TP_REGION_JOURNEY));

  for (guint i = 0; i < stages->len; i++)
    {
      const TpStage *stage = g_ptr_array_index (stages, i);
      g_autofree char *fallback = NULL;

      if (is_blank (stage->name))
        {
          /* Translators: an unnamed journey stage in a copied outline; %u counts from 1. */
          fallback = g_strdup_printf (_("Stage %u"), i + 1);
        }
      append_heading (out, 2, fallback != NULL ? fallback : stage->name);

      for (guint j = 0; j < stage->touchpoints->len; j++)
        {
          const TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, j);
          const char *name = touchpoint->name;

          if (is_blank (name))
            name = _("Untitled touchpoint");
          append_item (out, name, touchpoint->moment_of_truth ? moment : NULL);
        }
    }
}

char *
tp_outline_build (TpDocument   *document,
                  TpExportPage  page)
{
  GString *out;
  gboolean every;

  g_return_val_if_fail (TP_IS_DOCUMENT (document), NULL);

  out = g_string_new (NULL);
  every = page == TP_EXPORT_PAGE_ALL || page == TP_EXPORT_PAGE_BOARD;

  /* A page of one region has its title even when empty; the board lists only what
   * has content. */
  if (page == TP_EXPORT_PAGE_CANVAS ||
      (every && has_notes (document, 0, TP_N_BMC_BLOCKS)))
    append_blocks (out, document, TP_REGION_CANVAS, 0, TP_N_BMC_BLOCKS);
  if (page == TP_EXPORT_PAGE_VALUE_CHAIN ||
      (every && has_notes (document, TP_N_BMC_BLOCKS, TP_N_CONTAINERS)))
    append_blocks (out, document, TP_REGION_VALUE_CHAIN, TP_N_BMC_BLOCKS, TP_N_CONTAINERS);
  if (page == TP_EXPORT_PAGE_JOURNEY ||
      (every && tp_document_get_stages (document)->len > 0))
    append_journey (out, document);

  /* No line end after the last line: a paste should not add an empty line. */
  if (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}
