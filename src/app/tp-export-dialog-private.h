/* tp-export-dialog-private.h: what the Export dialog's files share: the dialog's
 * state, the formats it offers, and the parts each file gives the others.
 *
 * tp-export-dialog.c has the class, its rows and the export itself;
 * tp-export-dialog-options.c the choices (formats, page labels, what the export makes
 * of them, GSettings); tp-export-dialog-preview.c the preview of the first page and its
 * caption; tp-export-dialog-toast.c the toast that follows an export.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "render/tp-layout.h"

#include "tp-export-dialog.h"

G_BEGIN_DECLS

/* What the DPI row offers first when the user picks a custom resolution: print quality;
 * and what it allows (the schema's range, from a sensible least). */
#define DEFAULT_DPI     300
#define MIN_DPI         24
#define MAX_DPI         1200

/* The resolution row: 1×, 2×, 3×, then a DPI of the user's. */
#define N_SCALES     3
#define CUSTOM_SCALE N_SCALES

/* The format row's items, one per TpExportFormat. */
#define N_FORMATS    (TP_EXPORT_FORMAT_SVG + 1)

struct _TpExportDialog
{
  AdwWindow           parent_instance;

  /* Template widgets */
  GtkWidget          *cancel_button;
  GtkWidget          *export_button;
  GtkStack           *export_stack;
  GtkSpinner         *export_spinner;
  GtkDrawingArea     *preview;
  GtkLabel           *page_label;
  GtkLabel           *caption_label;
  GtkWidget          *options_page;
  AdwComboRow        *format_row;
  AdwComboRow        *page_row;
  AdwComboRow        *size_row;
  AdwComboRow        *scale_row;
  GtkWidget          *dpi_row;
  GtkSpinButton      *dpi_spin;
  GtkSwitch          *transparent_switch;
  GtkSwitch          *footer_switch;
  GtkSwitch          *legend_switch;

  TpWindow           *window;       /* weak: the dialog dies with it */
  TpDocument         *document;
  /* Laid out here rather than borrowed from the board: the same layout as the export
   * makes in its worker, so the preview is what the file will show. */
  TpLayout           *layout;
  /* NULL when the schema is not installed: then nothing is remembered. */
  GSettings          *settings;

  /* The user's choices. options.page may be "all pages" while the format makes one
   * picture: the page row then shows the board, and PDF brings "all pages" back. */
  TpExportOptions     options;
  guint               custom_dpi;   /* the DPI row's value, kept while it is hidden */

  /* The pages the export makes now, and how many sheets they take. */
  GArray             *pages;
  guint               n_sheets;
  /* Whether page_row's model offers "all pages" (PDF). */
  gboolean            page_model_has_all;

  /* The first sheet as it will come out, at the preview's size. */
  cairo_surface_t    *preview_cache;
  int                 cache_width;
  int                 cache_height;
  int                 cache_scale;

  GCancellable       *cancellable;  /* the chooser, then the export */

  guint               syncing : 1;  /* rows are being set from options: not the user */
  guint               busy : 1;
  guint               closed : 1;
};

typedef struct
{
  const char *name;         /* in GSettings */
  const char *extension;
  const char *mime_type;
  const char *filter_name;
} TpExportFormatInfo;

/* tp-export-dialog-options.c */
const TpExportFormatInfo *_tp_export_dialog_get_format_info       (TpExportFormat   format);
const char               *_tp_export_dialog_get_page_label        (TpExportPage     page);
void                      _tp_export_dialog_get_effective_options (TpExportDialog  *self,
                                                                   TpExportOptions *options);
GSettings                *_tp_export_dialog_dup_settings          (void);
void                      _tp_export_dialog_load_settings         (TpExportDialog  *self);
void                      _tp_export_dialog_store_settings        (TpExportDialog  *self);

/* tp-export-dialog-preview.c */
void                      _tp_export_dialog_update_preview        (TpExportDialog  *self);
void                      _tp_export_dialog_draw_preview          (GtkDrawingArea  *area,
                                                                   cairo_t         *cr,
                                                                   int              width,
                                                                   int              height,
                                                                   gpointer         user_data);

/* tp-export-dialog-toast.c */
/* "Exported …", and what the export had to adapt (report), over window. */
void                      _tp_export_dialog_show_toast            (TpWindow             *window,
                                                                   GFile                *file,
                                                                   const TpExportReport *report);

G_END_DECLS
