/* tp-board-image.c: Copy as Image: a page of the board on the clipboard.
 *
 * The page is the one an export would make (tp-export.h), chosen from what the user is
 * looking at: the region of the selection, else the region most in view. It goes on the
 * clipboard three ways, best first: a PNG at twice the page's size (crisp on HiDPI
 * screens and in slides), an SVG for applications that take vectors, and the page's
 * outline as text (tp-outline.h) for those that take only text.
 *
 * The images are drawn in a worker thread from a snapshot of the document taken when
 * the command runs: a large board takes a moment to paint, and the user may go on
 * editing meanwhile.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "io/tp-loader.h"
#include "io/tp-writer.h"
#include "model/tp-link.h"
#include "model/tp-note.h"
#include "render/tp-outline.h"

#include "tp-board-private.h"

/* Twice the page's CSS pixels: sharp at 200 % and when a slide scales it up. */
#define IMAGE_SCALE 2.0

/* Which regions the selected items lie in, as a bit set of TpRegion. */
static guint
get_selected_regions (TpBoard *self)
{
  const char * const *ids;
  guint regions = 0;

  if (self->document == NULL || self->selection == NULL)
    return 0;

  ids = tp_selection_get_ids (self->selection);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      TpItem *item = tp_document_lookup (self->document, ids[i]);
      TpNote *note;

      if (item == NULL)
        continue;

      switch (item->kind)
        {
        case TP_ITEM_NOTE:
          note = (TpNote *) item;
          regions |= 1u << (TP_CONTAINER_IS_CANVAS (note->container) ? TP_REGION_CANVAS
                                                                       : TP_REGION_VALUE_CHAIN);
          break;
        case TP_ITEM_STAGE:
        case TP_ITEM_TOUCHPOINT:
          regions |= 1u << TP_REGION_JOURNEY;
          break;
        case TP_ITEM_LINK:
          /* A link runs from a note down to the journey: only the board shows it whole. */
          note = tp_document_lookup_kind (self->document, ((TpLink *) item)->note, TP_ITEM_NOTE);
          if (note != NULL)
            regions |= 1u << (TP_CONTAINER_IS_CANVAS (note->container) ? TP_REGION_CANVAS
                                                                         : TP_REGION_VALUE_CHAIN);
          regions |= 1u << TP_REGION_JOURNEY;
          break;
        case TP_ITEM_META:
        case TP_ITEM_PERSONA:
        default:
          break;
        }
    }

  return regions;
}

static TpExportPage
region_to_page (TpRegion region)
{
  switch (region)
    {
    case TP_REGION_CANVAS:
      return TP_EXPORT_PAGE_CANVAS;
    case TP_REGION_VALUE_CHAIN:
      return TP_EXPORT_PAGE_VALUE_CHAIN;
    case TP_REGION_JOURNEY:
      return TP_EXPORT_PAGE_JOURNEY;
    case TP_N_REGIONS:
    default:
      return TP_EXPORT_PAGE_BOARD;
    }
}

TpExportPage
tp_board_get_focus_page (TpBoard *self)
{
  guint regions;
  TpLayout *layout;
  TpRect visible;
  TpRegion best = TP_N_REGIONS;
  double best_area = 0;

  g_return_val_if_fail (TP_IS_BOARD (self), TP_EXPORT_PAGE_BOARD);

  regions = get_selected_regions (self);
  if (regions != 0)
    {
      /* One bit: that region's page; more: only the board holds them all. */
      if ((regions & (regions - 1)) != 0)
        return TP_EXPORT_PAGE_BOARD;
      for (TpRegion r = 0; r < TP_N_REGIONS; r++)
        if (regions == 1u << r)
          return region_to_page (r);
    }

  if (self->document == NULL)
    return TP_EXPORT_PAGE_BOARD;

  layout = tp_board_get_layout (self);
  _tp_board_get_visible (self, &visible);
  if (tp_rect_is_empty (&visible))
    return TP_EXPORT_PAGE_BOARD;

  for (TpRegion r = 0; r < TP_N_REGIONS; r++)
    {
      TpRect rect;
      double left, top, right, bottom, area;

      if (!tp_layout_get_region (layout, r, &rect))
        continue;
      left = MAX (rect.x, visible.x);
      top = MAX (rect.y, visible.y);
      right = MIN (rect.x + rect.width, visible.x + visible.width);
      bottom = MIN (rect.y + rect.height, visible.y + visible.height);
      area = right > left && bottom > top ? (right - left) * (bottom - top) : 0;
      if (area > best_area)
        {
          best = r;
          best_area = area;
        }
    }

  return region_to_page (best);
}

/* Copying */

typedef struct
{
  GBytes       *document;  /* serialized: the worker loads its own copy */
  TpExportPage  page;
  char         *text;
  guint         serial;    /* which copy of this board's this is */
  GBytes       *png;       /* NULL when the page is too large for an image */
  GBytes       *svg;
} CopyData;

static void
copy_data_free (CopyData *data)
{
  g_clear_pointer (&data->document, g_bytes_unref);
  g_clear_pointer (&data->png, g_bytes_unref);
  g_clear_pointer (&data->svg, g_bytes_unref);
  g_free (data->text);
  g_free (data);
}

/* The newest copy started on a board: an older one that finishes later must not
 * replace it on the clipboard. */
static GQuark
copy_serial_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("tp-board-copy-image-serial");

  return quark;
}

static void
render_in_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  CopyData *data = task_data;
  g_autoptr(TpDocument) copy = NULL;
  g_autoptr(GError) error = NULL;
  TpExportOptions options;

  copy = tp_load_bytes (data->document, NULL, &error);
  if (copy == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The page as the content needs it, without a footer: a picture of the board to
   * paste into a slide or a document, which has captions of its own. */
  tp_export_options_init (&options);
  options.page = data->page;
  options.size = TP_PAGE_SIZE_FIT;
  options.footer = FALSE;

  options.format = TP_EXPORT_FORMAT_PNG;
  options.scale = IMAGE_SCALE;
  data->png = tp_export_render (copy, &options, cancellable, &error);
  if (data->png == NULL && g_error_matches (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_TOO_LARGE))
    {
      /* A huge board: at its own size it may still fit, and if not, the SVG and the
       * text still go on the clipboard. */
      g_clear_error (&error);
      options.scale = 1;
      data->png = tp_export_render (copy, &options, cancellable, &error);
      if (data->png == NULL && g_error_matches (error, TP_EXPORT_ERROR, TP_EXPORT_ERROR_TOO_LARGE))
        g_clear_error (&error);
    }
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  options.format = TP_EXPORT_FORMAT_SVG;
  options.scale = 1;
  data->svg = tp_export_render (copy, &options, cancellable, &error);
  if (data->svg == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
on_rendered (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TpBoard *self = g_task_get_source_object (task);
  CopyData *data = g_task_get_task_data (G_TASK (result));
  GdkContentProvider *providers[3];
  g_autoptr(GdkContentProvider) provider = NULL;
  GError *error = NULL;
  guint n = 0;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (data->serial != GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (self), copy_serial_quark ())))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "%s", _("A newer copy replaced this one"));
      return;
    }

  /* Best first: a reader that takes several formats takes the first it knows. */
  if (data->png != NULL)
    providers[n++] = gdk_content_provider_new_for_bytes ("image/png", data->png);
  providers[n++] = gdk_content_provider_new_for_bytes ("image/svg+xml", data->svg);
  providers[n++] = gdk_content_provider_new_typed (G_TYPE_STRING, data->text);
  provider = gdk_content_provider_new_union (providers, n);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);

  g_task_return_boolean (task, TRUE);
}

void
tp_board_copy_image_async (TpBoard             *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) render = NULL;
  g_autoptr(GArray) pages = NULL;
  TpExportOptions options;
  CopyData *data;
  guint serial;

  g_return_if_fail (TP_IS_BOARD (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tp_board_copy_image_async);

  if (self->document == NULL)
    {
      g_task_return_new_error (task, TP_EXPORT_ERROR, TP_EXPORT_ERROR_EMPTY,
                               "%s", _("There is no document to copy"));
      return;
    }

  data = g_new0 (CopyData, 1);
  data->page = tp_board_get_focus_page (self);

  /* An empty page is refused here, on the spot, rather than by the worker: the board's
   * own layout knows (expanded blocks aside, an export lays out the same regions). */
  tp_export_options_init (&options);
  options.page = data->page;
  pages = tp_export_list_pages (tp_board_get_layout (self), self->document, &options);
  if (pages->len == 0)
    {
      copy_data_free (data);
      g_task_return_new_error (task, TP_EXPORT_ERROR, TP_EXPORT_ERROR_EMPTY,
                               "%s", _("There is nothing on the board to copy"));
      return;
    }

  data->document = tp_write_bytes (self->document);
  data->text = tp_outline_build (self->document, data->page);
  serial = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (self), copy_serial_quark ())) + 1;
  g_object_set_qdata (G_OBJECT (self), copy_serial_quark (), GUINT_TO_POINTER (serial));
  data->serial = serial;

  /* The worker's task has no source object: the worker drops its reference last, and
   * the board must never be finalized off the main thread. The caller's task holds the
   * board. */
  render = g_task_new (NULL, cancellable, on_rendered, g_steal_pointer (&task));
  g_task_set_source_tag (render, render_in_thread);
  g_task_set_task_data (render, data, (GDestroyNotify) copy_data_free);
  g_task_run_in_thread (render, render_in_thread);
}

gboolean
tp_board_copy_image_finish (TpBoard       *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (TP_IS_BOARD (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
