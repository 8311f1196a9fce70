/* tp-analysis-view.c: a report page (the analysis, the alignment) on screen, clickable.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "render/tp-alignment-page.h"
#include "render/tp-painter.h"
#include "render/tp-text.h"

#include "tp-analysis-view.h"

/* Around the sheet, and inside it around the page. */
#define MARGIN         24
#define PADDING        40
/* The page's width: from the narrowest it lays out at to the widest that still reads
 * as one page (wider, lines of the tables would grow too long to follow). */
#define PAGE_MIN       640
#define PAGE_NATURAL   1280
#define PAGE_MAX       1600
/* The sheet is painted in bands of this height: each becomes a texture of its own, so
 * none outgrows what a GPU takes however long the page grows. */
#define BAND_HEIGHT    512

struct _TpAnalysisView
{
  GtkWidget          parent_instance;

  TpDocument        *document;
  TpAnalysisViewPage page;
  gulong             changed_id;
  PangoContext      *context;
  /* The light theme, or the dark one while the style manager is dark. */
  const TpTheme     *theme;
  TpAnalysisLayout  *layout;
  double             laid_width;    /* the page's width at the last layout */
  double             min_width;     /* the page's at its narrowest; 0: not known yet */
  gboolean           dirty;         /* the document changed since */
  /* The page as painted, kept until the next layout: hovering redraws only the
   * highlight under it (sysprof's habit, STYLE.md). */
  GskRenderNode     *page_node;

  char              *pressed;       /* the item a click started on */
  char              *hovered;
  TpRect             hovered_row;
};

G_DEFINE_FINAL_TYPE (TpAnalysisView, tp_analysis_view, GTK_TYPE_WIDGET)

G_DEFINE_ENUM_TYPE (TpAnalysisViewPage, tp_analysis_view_page,
                    G_DEFINE_ENUM_VALUE (TP_ANALYSIS_VIEW_ANALYSIS, "analysis"),
                    G_DEFINE_ENUM_VALUE (TP_ANALYSIS_VIEW_ALIGNMENT, "alignment"))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTIVATE_ITEM,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Layout */

static double
page_width_for (int widget_width)
{
  return CLAMP (widget_width - 2 * (MARGIN + PADDING), PAGE_MIN, PAGE_MAX);
}

/* Lays the page out for a view widget_width wide, unless it is already. */
static void
ensure_layout (TpAnalysisView *self,
               int             widget_width)
{
  double width = page_width_for (widget_width);

  if (self->document == NULL)
    return;
  if (self->layout == NULL)
    self->layout = tp_analysis_layout_new (self->context, self->theme);
  else if (!self->dirty && self->laid_width == width)
    return;

  if (self->page == TP_ANALYSIS_VIEW_ALIGNMENT)
    tp_alignment_layout_update (self->layout, self->document, width);
  else
    tp_analysis_layout_update (self->layout, self->document, width);
  self->laid_width = width;
  self->dirty = FALSE;
  g_clear_pointer (&self->page_node, gsk_render_node_unref);
  /* Tables may widen the page past the narrowest width asked for: that is how narrow
   * the view can be before it scrolls across. */
  if (width == PAGE_MIN)
    tp_analysis_layout_get_size (self->layout, &self->min_width, NULL);
}

/* The sheet's top left in the view: centred across, at the top. */
static void
get_origin (TpAnalysisView *self,
            double         *x,
            double         *y)
{
  double page_width = 0;

  if (self->layout != NULL)
    tp_analysis_layout_get_size (self->layout, &page_width, NULL);
  *x = MAX (MARGIN + PADDING, (gtk_widget_get_width (GTK_WIDGET (self)) - page_width) / 2);
  *y = MARGIN + PADDING;
}

void
tp_analysis_view_page_to_widget (TpAnalysisView *self,
                                 double          x,
                                 double          y,
                                 double         *widget_x,
                                 double         *widget_y)
{
  double ox, oy;

  g_return_if_fail (TP_IS_ANALYSIS_VIEW (self));

  get_origin (self, &ox, &oy);
  *widget_x = x + ox;
  *widget_y = y + oy;
}

void
tp_analysis_view_widget_to_page (TpAnalysisView *self,
                                 double          widget_x,
                                 double          widget_y,
                                 double         *x,
                                 double         *y)
{
  double ox, oy;

  g_return_if_fail (TP_IS_ANALYSIS_VIEW (self));

  get_origin (self, &ox, &oy);
  *x = widget_x - ox;
  *y = widget_y - oy;
}

static void
on_document_changed (TpAnalysisView *self)
{
  /* Laid out again when next measured or drawn: a burst of changes (an import, an undo
   * of one) costs one layout. */
  self->dirty = TRUE;
  self->min_width = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Input */

static const char *
hit (TpAnalysisView *self,
     double          x,
     double          y,
     TpRect         *row)
{
  double px, py;

  if (self->layout == NULL || self->dirty)
    {
      if (row != NULL)
        *row = (TpRect) { 0 };
      return NULL;
    }
  tp_analysis_view_widget_to_page (self, x, y, &px, &py);
  return tp_analysis_hit_item (self->layout, px, py, row);
}

static void
set_hovered (TpAnalysisView *self,
             const char     *id,
             const TpRect   *row)
{
  TpRect none = { 0 };

  if (row == NULL)
    row = &none;
  if (g_strcmp0 (self->hovered, id) == 0 && !memcmp (&self->hovered_row, row, sizeof *row))
    return;

  g_free (self->hovered);
  self->hovered = g_strdup (id);
  self->hovered_row = *row;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), id != NULL ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (TpAnalysisView           *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *motion)
{
  TpRect row;
  const char *id = hit (self, x, y, &row);

  set_hovered (self, id, &row);
}

static void
on_leave (TpAnalysisView           *self,
          GtkEventControllerMotion *motion)
{
  set_hovered (self, NULL, NULL);
}

static void
on_pressed (TpAnalysisView *self,
            int             n_press,
            double          x,
            double          y,
            GtkGestureClick *gesture)
{
  g_free (self->pressed);
  self->pressed = g_strdup (hit (self, x, y, NULL));
}

static void
on_released (TpAnalysisView  *self,
             int              n_press,
             double           x,
             double           y,
             GtkGestureClick *gesture)
{
  g_autofree char *pressed = g_steal_pointer (&self->pressed);
  const char *id = hit (self, x, y, NULL);

  /* A click is a press and a release on the same item. */
  if (n_press == 1 && id != NULL && g_strcmp0 (id, pressed) == 0)
    {
      g_autofree char *activated = g_strdup (id);

      g_signal_emit (self, signals[ACTIVATE_ITEM], 0, activated);
    }
}

/* GtkWidget */

static GtkSizeRequestMode
tp_analysis_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
tp_analysis_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  TpAnalysisView *self = TP_ANALYSIS_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      if (self->document != NULL && self->min_width == 0)
        ensure_layout (self, PAGE_MIN + 2 * (MARGIN + PADDING));
      *minimum = (int) ceil (MAX (PAGE_MIN, self->min_width)) + 2 * (MARGIN + PADDING);
      *natural = MAX (*minimum, PAGE_NATURAL + 2 * (MARGIN + PADDING));
    }
  else
    {
      double width = 0, height = 0;

      ensure_layout (self, for_size >= 0 ? for_size : PAGE_NATURAL + 2 * (MARGIN + PADDING));
      if (self->layout != NULL)
        tp_analysis_layout_get_size (self->layout, &width, &height);
      *minimum = *natural = (int) ceil (height) + 2 * (MARGIN + PADDING);
    }
}

static void
tp_analysis_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  TpAnalysisView *self = TP_ANALYSIS_VIEW (widget);

  ensure_layout (self, width);

  /* What is under a pointer that did not move may have moved under it. */
  if (self->hovered != NULL)
    set_hovered (self, NULL, NULL);
}

/* The page's drawing, in its own coordinates. */
static GskRenderNode *
paint_page (TpAnalysisView *self,
            double          page_width,
            double          page_height)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;

  for (double top = 0; top < page_height; top += BAND_HEIGHT)
    {
      double bottom = MIN (page_height, top + BAND_HEIGHT);
      TpRect band = { 0, top, page_width, bottom - top };
      cairo_t *cr;

      /* A little to the sides too: a chart's outermost label may stand on the edge. */
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (-PADDING, top,
                                                                     page_width + 2 * PADDING,
                                                                     band.height));
      cairo_rectangle (cr, -PADDING, band.y, page_width + 2 * PADDING, band.height);
      cairo_clip (cr);
      tp_analysis_paint (cr, self->layout, &band);
      cairo_destroy (cr);
    }
  node = gtk_snapshot_free_to_node (snapshot);
  /* An empty page draws nothing: an empty container stands in, never NULL. */
  return node != NULL ? node : gsk_container_node_new (NULL, 0);
}

static void
tp_analysis_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  TpAnalysisView *self = TP_ANALYSIS_VIEW (widget);
  const TpTheme *theme = self->theme;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  GdkRGBA background = { theme->board_background.red, theme->board_background.green,
                         theme->board_background.blue, 1 };
  GdkRGBA border = { theme->panel_border.red, theme->panel_border.green, theme->panel_border.blue, 1 };
  GdkRGBA sheet_colour = { theme->panel.red, theme->panel.green, theme->panel.blue, 1 };
  GdkRGBA highlight = { theme->link.red, theme->link.green, theme->link.blue, 0.08 };
  double page_width, page_height, ox, oy;
  graphene_rect_t sheet;
  GskRoundedRect rounded;

  /* The page as the export shows it on the board's background, in the board's style: a
   * white sheet in a light one, a dark sheet in a dark one. */
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->document == NULL)
    return;

  ensure_layout (self, width);
  tp_analysis_layout_get_size (self->layout, &page_width, &page_height);
  get_origin (self, &ox, &oy);

  sheet = GRAPHENE_RECT_INIT (ox - PADDING, oy - PADDING, page_width + 2 * PADDING,
                              page_height + 2 * PADDING);
  gsk_rounded_rect_init_from_rect (&rounded, &sheet, theme->panel_radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, &sheet_colour, &sheet);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &rounded, (float[4]) { 1, 1, 1, 1 },
                              (GdkRGBA[4]) { border, border, border, border });

  /* The hovered row, under its text: a view-only overlay, never exported. */
  if (!tp_rect_is_empty (&self->hovered_row))
    gtk_snapshot_append_color (snapshot, &highlight,
                               &GRAPHENE_RECT_INIT (ox + self->hovered_row.x - 4,
                                                    oy + self->hovered_row.y,
                                                    self->hovered_row.width + 8,
                                                    self->hovered_row.height));

  if (self->page_node == NULL)
    self->page_node = paint_page (self, page_width, page_height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (ox, oy));
  gtk_snapshot_append_node (snapshot, self->page_node);
  gtk_snapshot_restore (snapshot);
}

/* GObject */

static void
tp_analysis_view_dispose (GObject *object)
{
  TpAnalysisView *self = TP_ANALYSIS_VIEW (object);

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (tp_analysis_view_parent_class)->dispose (object);
}

static void
tp_analysis_view_finalize (GObject *object)
{
  TpAnalysisView *self = TP_ANALYSIS_VIEW (object);

  g_clear_pointer (&self->page_node, gsk_render_node_unref);
  g_clear_pointer (&self->layout, tp_analysis_layout_free);
  g_clear_object (&self->context);
  g_free (self->pressed);
  g_free (self->hovered);

  G_OBJECT_CLASS (tp_analysis_view_parent_class)->finalize (object);
}

static void
tp_analysis_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TpAnalysisView *self = TP_ANALYSIS_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_PAGE:
      g_value_set_enum (value, self->page);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_analysis_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TpAnalysisView *self = TP_ANALYSIS_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      tp_analysis_view_set_document (self, g_value_get_object (value));
      break;

    case PROP_PAGE:
      tp_analysis_view_set_page (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_analysis_view_class_init (TpAnalysisViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_analysis_view_dispose;
  object_class->finalize = tp_analysis_view_finalize;
  object_class->get_property = tp_analysis_view_get_property;
  object_class->set_property = tp_analysis_view_set_property;

  widget_class->get_request_mode = tp_analysis_view_get_request_mode;
  widget_class->measure = tp_analysis_view_measure;
  widget_class->size_allocate = tp_analysis_view_size_allocate;
  widget_class->snapshot = tp_analysis_view_snapshot;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TP_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PAGE] =
    g_param_spec_enum ("page", NULL, NULL,
                       TP_TYPE_ANALYSIS_VIEW_PAGE,
                       TP_ANALYSIS_VIEW_ANALYSIS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TpAnalysisView::activate-item:
   * @self: the view
   * @id: the touchpoint (or stage) a clicked row or chart point is about; on the
   *   alignment page, the link of a cell, or the note, touchpoint or stage of a label
   *   or a gap
   *
   * A row, a point, a cell or a gap was clicked: the window shows the item on the
   * board (both ends, for a link).
   */
  signals[ACTIVATE_ITEM] =
    g_signal_new ("activate-item",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "tp-analysis-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

/* The analysis follows the window's style as the board does. Its layout records colours
 * as it lays the page out, so a new style lays it out afresh. */
static void
update_theme (TpAnalysisView *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  const TpTheme *theme = adw_style_manager_get_dark (style) ? tp_theme_get_dark ()
                                                            : tp_theme_get_default ();

  if (self->theme == theme)
    return;
  self->theme = theme;
  g_clear_pointer (&self->page_node, gsk_render_node_unref);
  g_clear_pointer (&self->layout, tp_analysis_layout_free);
  self->dirty = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
tp_analysis_view_init (TpAnalysisView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->context = tp_text_context_new ();
  /* Focusable, so that Page Up and Down scroll it; not on click, which would scroll the
   * view to show the whole of itself. */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), FALSE);

  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_pressed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (click, "released", G_CALLBACK (on_released), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_theme), self, G_CONNECT_SWAPPED);
  update_theme (self);
}

/* Public API */

GtkWidget *
tp_analysis_view_new (void)
{
  return g_object_new (TP_TYPE_ANALYSIS_VIEW, NULL);
}

void
tp_analysis_view_set_document (TpAnalysisView *self,
                               TpDocument     *document)
{
  g_return_if_fail (TP_IS_ANALYSIS_VIEW (self));
  g_return_if_fail (document == NULL || TP_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_set_object (&self->document, document);
  if (document != NULL)
    self->changed_id = g_signal_connect_object (document, "changed",
                                                G_CALLBACK (on_document_changed), self,
                                                G_CONNECT_SWAPPED);

  g_clear_pointer (&self->page_node, gsk_render_node_unref);
  g_clear_pointer (&self->layout, tp_analysis_layout_free);
  set_hovered (self, NULL, NULL);
  self->dirty = TRUE;
  self->min_width = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

void
tp_analysis_view_set_page (TpAnalysisView     *self,
                           TpAnalysisViewPage  page)
{
  g_return_if_fail (TP_IS_ANALYSIS_VIEW (self));
  g_return_if_fail (page <= TP_ANALYSIS_VIEW_ALIGNMENT);

  if (self->page == page)
    return;

  self->page = page;
  g_clear_pointer (&self->page_node, gsk_render_node_unref);
  set_hovered (self, NULL, NULL);
  self->dirty = TRUE;
  self->min_width = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

TpAnalysisViewPage
tp_analysis_view_get_page (TpAnalysisView *self)
{
  g_return_val_if_fail (TP_IS_ANALYSIS_VIEW (self), TP_ANALYSIS_VIEW_ANALYSIS);

  return self->page;
}

TpDocument *
tp_analysis_view_get_document (TpAnalysisView *self)
{
  g_return_val_if_fail (TP_IS_ANALYSIS_VIEW (self), NULL);

  return self->document;
}

TpAnalysisLayout *
tp_analysis_view_get_layout (TpAnalysisView *self)
{
  int width;

  g_return_val_if_fail (TP_IS_ANALYSIS_VIEW (self), NULL);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  ensure_layout (self, width > 0 ? width : PAGE_NATURAL + 2 * (MARGIN + PADDING));
  return self->layout;
}
