/* tp-thumbnail.c: a workshop's picture at a glance (see the header). */
#include "config.h"

#include "tp-thumbnail.h"

#include "tp-export.h"
#include "tp-layout.h"

GBytes *
tp_thumbnail_render (TpDocument  *document,
                     int          size,
                     GError     **error)
{
  g_autoptr(TpLayout) layout = NULL;
  TpExportOptions options;
  double width, height;

  g_return_val_if_fail (TP_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (size > 0, NULL);

  /* The whole board, fitted into SIZE × SIZE: the picture of the workshop at a glance. */
  tp_export_options_init (&options);
  options.format = TP_EXPORT_FORMAT_PNG;
  options.page = TP_EXPORT_PAGE_BOARD;
  options.size = TP_PAGE_SIZE_FIT;
  options.footer = FALSE;
  /* A preview a few hundred pixels wide has no room to explain its symbols. */
  options.legend = FALSE;
  layout = tp_layout_new ();
  tp_layout_set_full_text (layout, TRUE);
  tp_layout_update (layout, document);
  tp_export_get_page_size (layout, &options, options.page, &width, &height);
  /* A journey of hundreds of touchpoints makes a board too long to show in a square:
   * then the canvas stands for the workshop. */
  if (width > 3 * height)
    {
      options.page = TP_EXPORT_PAGE_CANVAS;
      tp_export_get_page_size (layout, &options, options.page, &width, &height);
    }
  options.scale = size / MAX (width, height);

  return tp_export_render (document, &options, NULL, error);
}
