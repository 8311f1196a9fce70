/* tp-present-window-paint.c: what the presentation window draws around the story's step:
 * black bars, the words being captured, the timer, the blank screen and the spotlight.
 * The step itself is the story painter's (render/tp-story-page.c).
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "model/tp-enums.h"
#include "render/tp-story-page.h"

#include "tp-present-window-private.h"

/* The slide's shape: every step is laid out for a 16:9 projector. */
#define SLIDE_ASPECT (16.0 / 9.0)
/* The spotlight's radius, as a share of the slide's height: a whole note of a canvas
 * step (about 250 × 110 px at 1280 × 720) fits in it. */
#define SPOTLIGHT_RADIUS 0.21
/* Where its soft rim starts, as a share of the radius, and how dark the rest is. */
#define SPOTLIGHT_RIM    0.8
#define SPOTLIGHT_DIM    0.72
/* The words being captured: their size at a 720-pixel-high slide (issue 17's floor is
 * 24 px for the notes a step is about; what is being typed stands out above them). */
/* The timer's figures, and the width its widest label ("9:59:59") takes with the
 * pill's padding, which every step's heading keeps clear of, counting or not, so that
 * starting a timer never moves the slide under it. */
#define TIMER_TEXT          34.0
#define TIMER_CORNER_WIDTH  170.0

#define CAPTURE_TEXT_PX 30.0
/* How much of a long capture shows: about five lines of the card. */
#define CAPTURE_SHOWN_CHARS 200

static void
paint_capture (TpPresentWindow *self,
               cairo_t         *cr,
               double           width,
               double           height)
{
  g_autoptr(PangoLayout) caption = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *caption_text = NULL;
  g_autofree char *shown = NULL;
  PangoFontDescription *font;
  double scale = height / 720.0;
  /* Compact and low, in the band the step's layout usually leaves free under its
   * content (seen on the example's steps at 1280 × 720): the room reads both. */
  double pad = 12.0 * scale;
  double card_w = width * 0.62;
  int text_w, text_h, caption_w, caption_h;
  double card_h, x, y;

  if (self->capture_stage != NULL)
    {
      TpStage *stage = tp_document_lookup_kind (self->document, self->capture_stage,
                                                TP_ITEM_STAGE);

      /* Translators: over the words being typed on a presented stage. */
      caption_text = g_strdup_printf (_("New touchpoint in %s"),
                                      stage != NULL && stage->name != NULL ? stage->name : "");
    }
  else
    {
      /* Translators: over the words being typed on a presented block. */
      caption_text = g_strdup_printf (_("New note in %s"),
                                      tp_enum_get_label (TP_ENUM_CONTAINER,
                                                         self->capture_container));
    }

  /* A caret at the end says that typing goes here, even before the first word. A long
   * text shows its end, the words being typed. */
  if (g_utf8_strlen (self->capture->str, -1) > CAPTURE_SHOWN_CHARS)
    shown = g_strconcat ("…", g_utf8_offset_to_pointer (self->capture->str + self->capture->len,
                                                       -CAPTURE_SHOWN_CHARS), "▏", NULL);
  else
    shown = g_strconcat (self->capture->str, "▏", NULL);

  caption = gtk_widget_create_pango_layout (self->area, caption_text);
  font = pango_font_description_from_string ("Inter, sans-serif");
  pango_font_description_set_absolute_size (font, 16.0 * scale * PANGO_SCALE);
  pango_layout_set_font_description (caption, font);
  pango_layout_set_width (caption, (int) ((card_w - 2 * pad) * PANGO_SCALE));
  pango_layout_set_ellipsize (caption, PANGO_ELLIPSIZE_END);

  layout = gtk_widget_create_pango_layout (self->area, shown);
  pango_font_description_set_absolute_size (font, CAPTURE_TEXT_PX * scale * PANGO_SCALE);
  pango_font_description_set_weight (font, PANGO_WEIGHT_MEDIUM);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) ((card_w - 2 * pad) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_font_description_free (font);

  pango_layout_get_pixel_size (caption, &caption_w, &caption_h);
  pango_layout_get_pixel_size (layout, &text_w, &text_h);

  card_h = pad + caption_h + pad * 0.25 + text_h + pad;
  x = (width - card_w) / 2.0;
  y = height - card_h - 12.0 * scale;

  /* A sticky note's yellow with a shadow: what is typed reads as a note on its way in. */
  cairo_save (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
  cairo_rectangle (cr, x + 4 * scale, y + 6 * scale, card_w, card_h);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1.0, 0.95, 0.62);
  cairo_rectangle (cr, x, y, card_w, card_h);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.85, 0.68, 0.1);
  cairo_set_line_width (cr, 2.0 * scale);
  cairo_rectangle (cr, x, y, card_w, card_h);
  cairo_stroke (cr);

  cairo_set_source_rgb (cr, 0.35, 0.3, 0.2);
  cairo_move_to (cr, x + pad, y + pad);
  pango_cairo_show_layout (cr, caption);
  cairo_set_source_rgb (cr, 0.12, 0.12, 0.12);
  cairo_move_to (cr, x + pad, y + pad + caption_h + pad * 0.25);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* The timer, large at the slide's top right, under the step number and beside the
 * heading, in the corner the story keeps free for it (TP_STORY_CORNER_*): where the room
 * looks for the step, and clear of the content (a canvas step's legend fills the bottom
 * right). Dark while it counts, grey while paused, red at zero. */
static void
paint_timer (TpPresentWindow *self,
             cairo_t         *cr,
             double           height)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *label = NULL;
  PangoFontDescription *font;
  TpTimeboxState state;
  double scale = height / TP_STORY_DESIGN_HEIGHT;
  double pad = 14.0 * scale;
  int text_w, text_h;
  double x, y, w, h;

  if (self->timebox == NULL || (state = tp_timebox_get_state (self->timebox)) == TP_TIMEBOX_IDLE)
    return;

  label = tp_timebox_dup_label (self->timebox);
  layout = gtk_widget_create_pango_layout (self->area, label);
  font = pango_font_description_from_string ("Inter, sans-serif");
  pango_font_description_set_absolute_size (font, TIMER_TEXT * scale * PANGO_SCALE);
  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  {
    /* Tabular figures: the label does not jitter as the seconds change. */
    PangoAttrList *attrs = pango_attr_list_new ();

    pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum 1"));
    pango_layout_set_attributes (layout, attrs);
    pango_attr_list_unref (attrs);
  }
  pango_layout_get_pixel_size (layout, &text_w, &text_h);

  h = TP_STORY_CORNER_HEIGHT * scale;
  w = text_w + 2 * pad;
  x = TP_STORY_CORNER_RIGHT * scale - w;
  y = TP_STORY_CORNER_TOP * scale;

  cairo_save (cr);
  if (state == TP_TIMEBOX_FINISHED)
    cairo_set_source_rgb (cr, 0.78, 0.11, 0.11);
  else if (state == TP_TIMEBOX_PAUSED)
    cairo_set_source_rgba (cr, 0.35, 0.35, 0.38, 0.92);
  else
    cairo_set_source_rgba (cr, 0.14, 0.14, 0.17, 0.92);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - h / 2, y + h / 2, h / 2, -G_PI / 2, G_PI / 2);
  cairo_arc (cr, x + h / 2, y + h / 2, h / 2, G_PI / 2, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, x + pad, y + (h - text_h) / 2);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

static void
paint_spotlight (TpPresentWindow *self,
                 cairo_t         *cr,
                 int              width,
                 int              height,
                 double           slide_height)
{
  cairo_pattern_t *dim;
  double radius;

  if (!self->spotlight || !self->pointer_inside)
    return;

  /* Everything but a circle around the pointer, dimmed, with a soft rim: a radial
   * gradient, clear inside the rim and padded with the dimming outside. Looked at
   * (1280 × 720): a hard-edged circle of 0.14 of the height cut through the very note
   * it was meant to show; the circle now holds a whole note. */
  radius = slide_height * SPOTLIGHT_RADIUS;
  dim = cairo_pattern_create_radial (self->pointer_x, self->pointer_y, radius * SPOTLIGHT_RIM,
                                     self->pointer_x, self->pointer_y, radius);
  cairo_pattern_add_color_stop_rgba (dim, 0, 0, 0, 0, 0);
  cairo_pattern_add_color_stop_rgba (dim, 1, 0, 0, 0, SPOTLIGHT_DIM);
  cairo_pattern_set_extend (dim, CAIRO_EXTEND_PAD);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_set_source (cr, dim);
  cairo_fill (cr);
  cairo_pattern_destroy (dim);
  cairo_restore (cr);
}

void
_tp_present_window_paint (TpPresentWindow *self,
                          cairo_t         *cr,
                          int              width,
                          int              height)
{
  TpStoryPaintOptions options = { .theme = NULL, .screen = TRUE,
                                  .corner_width = TIMER_CORNER_WIDTH };
  double slide_w, slide_h, x, y;

  g_return_if_fail (TP_IS_PRESENT_WINDOW (self));

  /* Black around the slide, as a projector shows nothing there. */
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);

  if (self->blank || width <= 0 || height <= 0)
    return;

  if (width / (double) height > SLIDE_ASPECT)
    {
      slide_h = height;
      slide_w = floor (height * SLIDE_ASPECT);
    }
  else
    {
      slide_w = width;
      slide_h = floor (width / SLIDE_ASPECT);
    }
  x = floor ((width - slide_w) / 2.0);
  y = floor ((height - slide_h) / 2.0);

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_rectangle (cr, 0, 0, slide_w, slide_h);
  cairo_clip (cr);
  if (self->story != NULL && tp_story_get_n_steps (self->story) > 0)
    tp_story_paint_step (cr, self->document, self->story, self->step, slide_w, slide_h,
                         &options);
  paint_timer (self, cr, slide_h);
  if (self->capture != NULL)
    paint_capture (self, cr, slide_w, slide_h);
  cairo_restore (cr);

  paint_spotlight (self, cr, width, height, slide_h);
}

