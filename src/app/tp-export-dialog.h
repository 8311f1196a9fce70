/* tp-export-dialog.h: the Export dialog (Ctrl+E), for slide decks, print and images.
 *
 * A modal window over a TpWindow: the format, the page, the page size, a PNG's resolution,
 * a transparent background and the footer, with a live preview of the first page. Export
 * asks where to write the file, writes it in a worker thread while the dialog shows that
 * it is busy, then closes and leaves a toast in the window ("Exported “Acme.pdf”", Open,
 * Show in Folder); a failure stays in a message dialog over this one.
 *
 * The choices are remembered in GSettings (io.github.touchpoint.Touchpoint) when its
 * schema is installed, and default to tp_export_options_init() when it is not.
 */
#pragma once

#include <adwaita.h>

#include "render/tp-export.h"

#include "tp-window.h"

G_BEGIN_DECLS

#define TP_TYPE_EXPORT_DIALOG (tp_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TpExportDialog, tp_export_dialog, TP, EXPORT_DIALOG, AdwWindow)

/* A dialog for window's document (the window must have one), transient for it. */
TpExportDialog *tp_export_dialog_new          (TpWindow              *window);

/* What an export would use now: the page the export makes, not the choice the dialog
 * remembers ("all pages" makes the board in a PNG or SVG). */
void            tp_export_dialog_get_options  (TpExportDialog        *self,
                                               TpExportOptions       *options);
/* Sets every choice at once, as if the user had made them (and so remembers them). */
void            tp_export_dialog_set_options  (TpExportDialog        *self,
                                               const TpExportOptions *options);
/* TRUE while an export runs. */
gboolean        tp_export_dialog_get_busy     (TpExportDialog        *self);

/* Exports to file, as Export does once the file chooser answered: the dialog shows that
 * it is busy, then closes with a toast in the window, or shows why it failed. */
void            tp_export_dialog_export_to    (TpExportDialog        *self,
                                               GFile                 *file);

G_END_DECLS
