/* tp-print.h: printing a workshop, one export page per sheet.
 *
 * The pages are those of a PDF export (tp-export.h): each region that has content, then
 * the whole board with its links; or one of them. Each is painted by the export
 * renderer into the sheet's printable area, its content scaled to fit and centred, with
 * the export's margins and, unless turned off, its footer (title, date, what the page
 * shows, page numbers); a journey too long to read on one sheet is cut between stages
 * into parts, a sheet each, as in a PDF export. The print dialog has a "Touchpoint" tab
 * for both choices.
 *
 * What prints is the document as it was when printing was asked for: the user may go on
 * editing while the dialog is open or the pages are sent.
 *
 * The first print of a session offers A4 landscape; later ones offer whatever was used
 * last (printer, paper, orientation, and the Touchpoint tab's choices).
 */
#pragma once

#include <gtk/gtk.h>

#include "model/tp-document.h"
#include "render/tp-export.h"

G_BEGIN_DECLS

#define TP_TYPE_PRINT_OPERATION (tp_print_operation_get_type ())
G_DECLARE_FINAL_TYPE (TpPrintOperation, tp_print_operation, TP, PRINT_OPERATION, GtkPrintOperation)

/* An operation printing a copy of document as it is now, set up with the session's
 * last print settings (or A4 landscape). Run it with gtk_print_operation_run(); for a
 * PDF without a dialog, as the tests do, set an export filename and run
 * GTK_PRINT_OPERATION_ACTION_EXPORT. */
TpPrintOperation *tp_print_operation_new        (TpDocument        *document);

/* TP_EXPORT_PAGE_ALL (every page, the default) or one page. */
void              tp_print_operation_set_page   (TpPrintOperation  *self,
                                                 TpExportPage       page);
TpExportPage      tp_print_operation_get_page   (TpPrintOperation  *self);
/* Whether each sheet has the export's footer; TRUE by default. */
void              tp_print_operation_set_footer (TpPrintOperation  *self,
                                                 gboolean           footer);
gboolean          tp_print_operation_get_footer (TpPrintOperation  *self);
/* How many export pages the current choice makes (0: nothing to print). A long journey
 * on a small sheet takes a sheet per part, so there may be more sheets. */
guint             tp_print_operation_count_pages (TpPrintOperation *self);

/* Shows the print dialog for document over parent and prints what the user chooses,
 * without blocking the main loop. A failure, and a document with nothing to print,
 * are shown in a message dialog over parent. */
void              tp_print_document             (GtkWindow         *parent,
                                                 TpDocument        *document);

G_END_DECLS
