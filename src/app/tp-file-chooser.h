/* tp-file-chooser.h: asking the user for a document to open or a place to save it.
 *
 * The only code that knows which file chooser API we use. GTK 4.8 (our floor) has
 * GtkFileChooserNative; GTK 4.10 brought GtkFileDialog, whose async/finish shape these
 * functions already have, so moving to it later touches this file alone. A dismissed
 * chooser finishes with G_IO_ERROR_CANCELLED.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TP_DOCUMENT_MIME_TYPE "application/x-touchpoint+xml"
#define TP_DOCUMENT_SUFFIX    ".touchpoint"

void   tp_file_chooser_open_async  (GtkWindow           *parent,
                                    GFile               *folder,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
GFile *tp_file_chooser_open_finish (GAsyncResult        *result,
                                    GError             **error);

/* folder may be NULL (the chooser's own default); suggested_name is shown selected for
 * the user to overwrite, e.g. "Acme.touchpoint". */
void   tp_file_chooser_save_async  (GtkWindow           *parent,
                                    GFile               *folder,
                                    const char          *suggested_name,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
GFile *tp_file_chooser_save_finish (GAsyncResult        *result,
                                    GError             **error);

/* Where to write an export: like save, with one filter for the export's files, e.g.
 * "PDF Documents", "application/pdf", "*.pdf". */
void   tp_file_chooser_export_async  (GtkWindow           *parent,
                                      GFile               *folder,
                                      const char          *suggested_name,
                                      const char          *filter_name,
                                      const char          *mime_type,
                                      const char          *pattern,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
GFile *tp_file_chooser_export_finish (GAsyncResult        *result,
                                      GError             **error);

/* A file to import, e.g. "Import Kano Answers", with one filter for its files ("CSV
 * Files", "text/csv", "*.csv") and one for all files, as exports of other programs are
 * not always named as they should be. */
void   tp_file_chooser_import_async  (GtkWindow           *parent,
                                      GFile               *folder,
                                      const char          *title,
                                      const char          *filter_name,
                                      const char          *mime_type,
                                      const char          *pattern,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
GFile *tp_file_chooser_import_finish (GAsyncResult        *result,
                                      GError             **error);

G_END_DECLS
