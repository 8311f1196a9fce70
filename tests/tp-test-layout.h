/* tp-test-layout.h: what the core tests that compare two layouts share: the layout's
 * work counters, and every note's geometry compared between two layouts of one
 * document. No GTK. */
#pragma once

#include "render/tp-layout-private.h"

G_BEGIN_DECLS

/* The layout's counters since the program started (_tp_layout_get_counts()): texts
 * shaped, measurement cache lookups, laid-out texts handed to painters. */
guint tp_test_count_shaped    (void);
guint tp_test_count_lookups   (void);
guint tp_test_count_text_refs (void);

/* The two rects are exactly alike. */
void  tp_test_assert_same_rect  (const TpRect    *a,
                                 const TpRect    *b);

typedef enum
{
  TP_TEST_SAME_NOTES_RECT      = 0,
  /* Every note of the document is laid out in both (else: in both or in neither). */
  TP_TEST_SAME_NOTES_PRESENT   = 1 << 0,
  /* Its text's rect too. */
  TP_TEST_SAME_NOTES_TEXT      = 1 << 1,
  /* Its text's height and whether it was cut. */
  TP_TEST_SAME_NOTES_MEASURE   = 1 << 2,
} TpTestSameNotes;

/* Every note of document is shown or hidden alike in a and b, at exactly the same rect,
 * and alike in what flags add. */
void  tp_test_assert_same_notes (TpLayout        *a,
                                 TpLayout        *b,
                                 TpDocument      *document,
                                 TpTestSameNotes  flags);

G_END_DECLS
