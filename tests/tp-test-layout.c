/* tp-test-layout.c: see tp-test-layout.h. */

#include "config.h"

#include "tp-test-layout.h"

guint
tp_test_count_shaped (void)
{
  guint shaped, lookups, refs;

  _tp_layout_get_counts (&shaped, &lookups, &refs);
  return shaped;
}

guint
tp_test_count_lookups (void)
{
  guint shaped, lookups, refs;

  _tp_layout_get_counts (&shaped, &lookups, &refs);
  return lookups;
}

guint
tp_test_count_text_refs (void)
{
  guint shaped, lookups, refs;

  _tp_layout_get_counts (&shaped, &lookups, &refs);
  return refs;
}

void
tp_test_assert_same_rect (const TpRect *a,
                          const TpRect *b)
{
  g_assert_cmpfloat (a->x, ==, b->x);
  g_assert_cmpfloat (a->y, ==, b->y);
  g_assert_cmpfloat (a->width, ==, b->width);
  g_assert_cmpfloat (a->height, ==, b->height);
}

void
tp_test_assert_same_notes (TpLayout        *a,
                           TpLayout        *b,
                           TpDocument      *document,
                           TpTestSameNotes  flags)
{
  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      GPtrArray *notes = tp_document_get_notes (document, c);

      for (guint i = 0; i < notes->len; i++)
        {
          TpItem *item = g_ptr_array_index (notes, i);
          TpNoteInfo na, nb;
          gboolean ha = tp_layout_get_note (a, item->id, &na);
          gboolean hb = tp_layout_get_note (b, item->id, &nb);

          if (flags & TP_TEST_SAME_NOTES_PRESENT)
            {
              g_assert_true (ha);
              g_assert_true (hb);
            }
          g_assert_cmpint (ha, ==, hb);
          if (!ha)
            continue;
          g_assert_cmpint (na.visible, ==, nb.visible);
          tp_test_assert_same_rect (&na.rect, &nb.rect);
          if (flags & TP_TEST_SAME_NOTES_TEXT)
            tp_test_assert_same_rect (&na.text, &nb.text);
          if (flags & TP_TEST_SAME_NOTES_MEASURE)
            {
              g_assert_cmpfloat (na.text_height, ==, nb.text_height);
              g_assert_cmpint (na.truncated, ==, nb.truncated);
            }
        }
    }
}
