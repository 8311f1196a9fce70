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

G_END_DECLS
