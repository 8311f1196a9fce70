/* tp-alignment.c: the alignment matrix and its gaps
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "tp-alignment.h"

/* What one pass over the links learns about every note and touchpoint: whether it has
 * a link, and for a touchpoint whether a canvas note is among its ends. */
typedef struct
{
  GHashTable *linked;          /* id → id: notes and touchpoints with a link */
  GHashTable *canvas_linked;   /* touchpoint id → id: linked from a canvas note */
  gboolean    container_linked[TP_N_CONTAINERS];
} Ends;

/* A link's two ends, or FALSE when either is missing (a file may say anything). */
static gboolean
resolve (TpDocument     *document,
         const TpLink   *link,
         TpNote        **note,
         TpTouchpoint  **touchpoint)
{
  *note = tp_document_lookup_kind (document, link->note, TP_ITEM_NOTE);
  *touchpoint = tp_document_lookup_kind (document, link->touchpoint, TP_ITEM_TOUCHPOINT);
  return *note != NULL && *touchpoint != NULL;
}

static void
ends_init (Ends       *ends,
           TpDocument *document)
{
  GPtrArray *links = tp_document_get_links (document);

  ends->linked = g_hash_table_new (g_str_hash, g_str_equal);
  ends->canvas_linked = g_hash_table_new (g_str_hash, g_str_equal);
  memset (ends->container_linked, 0, sizeof ends->container_linked);
  for (guint i = 0; i < links->len; i++)
    {
      const TpLink *link = g_ptr_array_index (links, i);
      TpNote *note;
      TpTouchpoint *touchpoint;

      if (!resolve (document, link, &note, &touchpoint))
        continue;
      g_hash_table_add (ends->linked, note->item.id);
      g_hash_table_add (ends->linked, touchpoint->item.id);
      ends->container_linked[note->container] = TRUE;
      if (TP_CONTAINER_IS_CANVAS (note->container))
        g_hash_table_add (ends->canvas_linked, touchpoint->item.id);
    }
}

static void
ends_clear (Ends *ends)
{
  g_clear_pointer (&ends->linked, g_hash_table_unref);
  g_clear_pointer (&ends->canvas_linked, g_hash_table_unref);
}

static void
add_rows (TpAlignment *self,
          TpDocument  *document,
          const Ends  *ends)
{
  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      GPtrArray *notes = tp_document_get_notes (document, c);
      TpAlignmentGroup group = { c, self->rows->len, 0 };

      for (guint i = 0; i < notes->len; i++)
        {
          TpNote *note = g_ptr_array_index (notes, i);

          if (g_hash_table_contains (ends->linked, note->item.id))
            {
              g_ptr_array_add (self->rows, note);
              group.n_rows++;
            }
          else if (TP_CONTAINER_IS_CANVAS (c))
            {
              g_ptr_array_add (self->unlinked_notes, note);
            }
        }
      if (group.n_rows > 0)
        g_array_append_val (self->groups, group);
      if (TP_CONTAINER_IS_CANVAS (c) && !ends->container_linked[c])
        g_array_append_val (self->empty_blocks, c);
    }
}

static void
add_columns (TpAlignment *self,
             TpDocument  *document,
             const Ends  *ends)
{
  GPtrArray *stages = tp_document_get_stages (document);

  for (guint s = 0; s < stages->len; s++)
    {
      TpStage *stage = g_ptr_array_index (stages, s);
      TpAlignmentBand band = { stage, s, self->columns->len, 0 };

      for (guint t = 0; t < stage->touchpoints->len; t++)
        {
          TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, t);
          gboolean linked = g_hash_table_contains (ends->linked, touchpoint->item.id);

          if (linked)
            {
              g_ptr_array_add (self->columns, touchpoint);
              band.n_columns++;
            }
          if (!g_hash_table_contains (ends->canvas_linked, touchpoint->item.id))
            g_ptr_array_add (self->unsupported_touchpoints, touchpoint);
          if (touchpoint->moment_of_truth && !linked)
            g_ptr_array_add (self->unowned_moments, touchpoint);
        }
      if (band.n_columns > 0)
        g_array_append_val (self->bands, band);
      else
        g_ptr_array_add (self->empty_stages, stage);
    }
}

static void
add_cells (TpAlignment *self,
           TpDocument  *document)
{
  GPtrArray *links = tp_document_get_links (document);
  g_autoptr(GHashTable) rows = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) columns = g_hash_table_new (NULL, NULL);

  /* Index maps, so that a large workshop does not search the rows once per link. */
  for (guint i = 0; i < self->rows->len; i++)
    g_hash_table_insert (rows, g_ptr_array_index (self->rows, i), GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < self->columns->len; i++)
    g_hash_table_insert (columns, g_ptr_array_index (self->columns, i), GUINT_TO_POINTER (i + 1));

  for (guint i = 0; i < links->len; i++)
    {
      const TpLink *link = g_ptr_array_index (links, i);
      TpNote *note;
      TpTouchpoint *touchpoint;
      TpAlignmentCell cell;
      guint row, column;

      if (!resolve (document, link, &note, &touchpoint))
        continue;
      row = GPOINTER_TO_UINT (g_hash_table_lookup (rows, note));
      column = GPOINTER_TO_UINT (g_hash_table_lookup (columns, touchpoint));
      g_assert (row > 0 && column > 0);
      cell = (TpAlignmentCell) { link, row - 1, column - 1 };
      g_array_append_val (self->cells, cell);
    }
}

TpAlignment *
tp_alignment_new (TpDocument *document)
{
  TpAlignment *self;
  Ends ends;

  g_return_val_if_fail (TP_IS_DOCUMENT (document), NULL);

  self = g_new0 (TpAlignment, 1);
  self->rows = g_ptr_array_new ();
  self->groups = g_array_new (FALSE, FALSE, sizeof (TpAlignmentGroup));
  self->columns = g_ptr_array_new ();
  self->bands = g_array_new (FALSE, FALSE, sizeof (TpAlignmentBand));
  self->cells = g_array_new (FALSE, FALSE, sizeof (TpAlignmentCell));
  self->unlinked_notes = g_ptr_array_new ();
  self->unsupported_touchpoints = g_ptr_array_new ();
  self->empty_blocks = g_array_new (FALSE, FALSE, sizeof (TpContainer));
  self->empty_stages = g_ptr_array_new ();
  self->unowned_moments = g_ptr_array_new ();

  ends_init (&ends, document);
  add_rows (self, document, &ends);
  add_columns (self, document, &ends);
  add_cells (self, document);
  ends_clear (&ends);
  return self;
}

void
tp_alignment_free (TpAlignment *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->rows);
  g_array_unref (self->groups);
  g_ptr_array_unref (self->columns);
  g_array_unref (self->bands);
  g_array_unref (self->cells);
  g_ptr_array_unref (self->unlinked_notes);
  g_ptr_array_unref (self->unsupported_touchpoints);
  g_array_unref (self->empty_blocks);
  g_ptr_array_unref (self->empty_stages);
  g_ptr_array_unref (self->unowned_moments);
  g_free (self);
}

guint
tp_alignment_find_cells (const TpAlignment *self,
                         guint              row,
                         guint              column,
                         guint             *indices,
                         guint              n_max)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->cells->len; i++)
    {
      const TpAlignmentCell *cell = &g_array_index (self->cells, TpAlignmentCell, i);

      if (cell->row != row || cell->column != column)
        continue;
      if (n < n_max)
        indices[n] = i;
      n++;
    }
  return n;
}

gboolean
tp_alignment_has_links (TpDocument *document)
{
  GPtrArray *links;

  g_return_val_if_fail (TP_IS_DOCUMENT (document), FALSE);

  links = tp_document_get_links (document);
  for (guint i = 0; i < links->len; i++)
    {
      TpNote *note;
      TpTouchpoint *touchpoint;

      if (resolve (document, g_ptr_array_index (links, i), &note, &touchpoint))
        return TRUE;
    }
  return FALSE;
}

guint
tp_alignment_count_gaps (const TpAlignment *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->unlinked_notes->len + self->unsupported_touchpoints->len +
         self->empty_blocks->len + self->empty_stages->len + self->unowned_moments->len;
}
