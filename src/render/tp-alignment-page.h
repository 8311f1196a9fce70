/* tp-alignment-page.h: the alignment matrix laid out and painted as a page.
 *
 * The page states every link plainly, where the board can only draw it: a title, then
 * the matrix (analysis/tp-alignment.h) with notes down the left, grouped by block and
 * area, and touchpoints across, under bands of their stages in the stage tints; a link is
 * a dot in its stage's colour with its label beside it. Under the matrix, the gaps in
 * three columns, each list under a heading that says what it asks.
 *
 * The page is a TpAnalysisLayout like the analysis page: the same display list, painted
 * by tp_analysis_paint(), hit-tested by tp_analysis_hit_item() and queried by
 * tp_analysis_layout_get_text(), so the screen and exports share it. Its header is the
 * title block; section TP_ANALYSIS_SECTION_GAPS holds the title and the matrix and
 * section TP_ANALYSIS_SECTION_KANO the gaps (the others are empty at the page's foot),
 * which is where an export may cut it into sheets.
 *
 * Hit-testing gives the id of what was clicked: a link's for a cell (its note and
 * touchpoint are the link's ends), a note's or a touchpoint's for a row or column label
 * or a gap, a stage's for a stage without a link.
 */
#pragma once

#include "tp-analysis-page.h"

G_BEGIN_DECLS

/* Lays the alignment page out for document at width, like tp_analysis_layout_update();
 * a matrix too wide for width widens the page. */
void      tp_alignment_layout_update (TpAnalysisLayout *layout,
                                      TpDocument       *document,
                                      double            width);

/* The matrix's cell of a link (for a view to highlight, a test to click); FALSE when
 * the link is not in the matrix. */
gboolean  tp_alignment_layout_get_cell (TpAnalysisLayout *layout,
                                        const char       *link,
                                        TpRect           *rect);

G_END_DECLS
