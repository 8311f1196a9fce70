/* tp-template-gallery.h: the gallery of templates shown on New (issue 18). */
#pragma once

#include <adwaita.h>

#include "model/tp-document.h"

G_BEGIN_DECLS

#define TP_TYPE_TEMPLATE_GALLERY (tp_template_gallery_get_type ())
G_DECLARE_FINAL_TYPE (TpTemplateGallery, tp_template_gallery, TP, TEMPLATE_GALLERY, AdwWindow)

/* A gallery of the templates of the default folders (tp-template-catalogue.h), modal
 * over parent (may be NULL). When the user opens one it emits ::open-document with a new
 * untitled document and closes. */
TpTemplateGallery *tp_template_gallery_new    (GtkWindow         *parent);
/* The number of templates shown. */
guint              tp_template_gallery_get_n_templates (TpTemplateGallery *self);
/* Blocks until no gallery's preview is being drawn: before the process exits (a worker
 * still drawing would shape text with tables freed at exit). Cancelled galleries draw
 * no further previews, so this waits for at most one per gallery. */
void               tp_template_gallery_wait_for_previews (void);

G_END_DECLS
