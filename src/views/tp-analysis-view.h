/* tp-analysis-view.h: a report page on screen: the analysis or the alignment matrix.
 *
 * Draws the analysis page (tp-analysis-page.h), or the alignment page
 * (tp-alignment-page.h) when its "page" says so, through the core renderer, as a sheet on
 * the board's background, laid out again to the width it is given and whenever the
 * document changes; its height follows. Put it in a GtkScrolledWindow. Table rows and
 * chart points are clickable: the view reports which item they are about, and the
 * window shows that item on the board. On the alignment page, a cell is about a link
 * (the window selects both its ends), a label or a gap about its note, touchpoint or
 * stage.
 */
#pragma once

#include <gtk/gtk.h>

#include "model/tp-document.h"
#include "render/tp-analysis-page.h"

G_BEGIN_DECLS

typedef enum {
  TP_ANALYSIS_VIEW_ANALYSIS,
  TP_ANALYSIS_VIEW_ALIGNMENT,
} TpAnalysisViewPage;

#define TP_TYPE_ANALYSIS_VIEW_PAGE (tp_analysis_view_page_get_type ())
GType             tp_analysis_view_page_get_type  (void);

#define TP_TYPE_ANALYSIS_VIEW (tp_analysis_view_get_type ())
G_DECLARE_FINAL_TYPE (TpAnalysisView, tp_analysis_view, TP, ANALYSIS_VIEW, GtkWidget)

GtkWidget        *tp_analysis_view_new            (void);

void              tp_analysis_view_set_document   (TpAnalysisView *self,
                                                   TpDocument     *document);
TpDocument       *tp_analysis_view_get_document   (TpAnalysisView *self);
/* Which page the view shows; the analysis unless told. */
void              tp_analysis_view_set_page       (TpAnalysisView     *self,
                                                   TpAnalysisViewPage  page);
TpAnalysisViewPage tp_analysis_view_get_page      (TpAnalysisView     *self);

/* The page as shown now, laid out for the view's width (NULL without a document); for
 * tests and for whoever needs to know where a row is. */
TpAnalysisLayout *tp_analysis_view_get_layout     (TpAnalysisView *self);
/* Where a point of the page is in the view's coordinates, and back. */
void              tp_analysis_view_page_to_widget (TpAnalysisView *self,
                                                   double          x,
                                                   double          y,
                                                   double         *widget_x,
                                                   double         *widget_y);
void              tp_analysis_view_widget_to_page (TpAnalysisView *self,
                                                   double          widget_x,
                                                   double          widget_y,
                                                   double         *x,
                                                   double         *y);

G_END_DECLS
