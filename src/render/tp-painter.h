/* tp-painter.h: drawing a laid-out board on any cairo surface.
 *
 * The screen, PDF, SVG and PNG exports, print, the clipboard image and thumbnails all
 * paint through here, so what you see is what you export. The cairo_t's current
 * transform maps board units to the surface (scale it to zoom); text stays real text,
 * so PDF and SVG keep it selectable and searchable.
 *
 * Selection, hover and drag feedback are the view's own overlays, drawn after this from
 * the rects that tp-layout.h reports.
 */
#pragma once

#include <cairo.h>

#include "tp-layout.h"

G_BEGIN_DECLS

/* How links show (tp-painter-links.c explains the rule of TP_LINK_MODE_AUTO). */
typedef enum {
  TP_LINK_MODE_AUTO,    /* lines on screen; on a page, lines unless they would tangle */
  TP_LINK_MODE_LINES,   /* stage-coloured curves from port to port */
  TP_LINK_MODE_BADGES,  /* a numbered badge at each end, the same number at both */
} TpLinkMode;

typedef struct
{
  /* The part of the board to draw, in board units; an empty rect means everything.
   * Whatever lies wholly outside is skipped, so a view can pass its viewport. */
  TpRect    visible;
  /* TRUE on screen: notes cast a soft shadow. FALSE for exports: flat, as on a slide. */
  gboolean  screen;
  /* No board background, for exports onto a slide's own background. */
  gboolean  transparent;
  /* FALSE for a page showing one region: its links would lead off the page. */
  gboolean  links;
  /* How the links show, when they do. */
  TpLinkMode link_mode;
} TpPaintOptions;

/* Everything drawn, for an export: no clip, no shadows, opaque. */
void  tp_paint_options_init  (TpPaintOptions       *options);

/* A rect's outline with rounded corners, as a new sub-path; the radius is at most half
 * the shorter side. The one shape of every card, pill and sheet, the app's included. */
void  tp_paint_rounded_rect  (cairo_t              *cr,
                              const TpRect         *rect,
                              double                radius);

/* Paints the board as layout placed it; layout must have been updated since the
 * document last changed. */
void  tp_paint_board         (cairo_t              *cr,
                              TpLayout             *layout,
                              TpDocument           *document,
                              const TpPaintOptions *options);

/* Paints again, on a target that holds the board as tp_paint_board() painted it with
 * options (whose visible rect is the part the target holds, as the board's tiles are
 * painted), the parts of it that rects (board units) meet, and nothing else: each rect,
 * grown outward to the target's device pixels, is cleared and painted with only the items
 * that meet it, so every pixel of the target ends as a fresh paint of the layout makes
 * it. Rects near each other are painted as one (a paint walks the board for what meets
 * it). The cairo_t's transform must be a scale and a translation. Returns how many
 * paints it made: 0 when no rect met the target. */
guint tp_paint_board_rects   (cairo_t              *cr,
                              TpLayout             *layout,
                              TpDocument           *document,
                              const TpPaintOptions *options,
                              const TpRect         *rects,
                              guint                 n_rects);

/* A copy of tile (an ARGB32 image surface holding the board as tp_paint_board() painted
 * it with options, through matrix) painted again where rects say, with
 * tp_paint_board_rects(): how a view's kept tile, whose pixels it must not change (a
 * texture's), follows an edit. */
cairo_surface_t *tp_paint_tile_again (cairo_surface_t      *tile,
                                      const cairo_matrix_t *matrix,
                                      TpLayout             *layout,
                                      TpDocument           *document,
                                      const TpPaintOptions *options,
                                      const TpRect         *rects,
                                      guint                 n_rects);

/* Paints one note where the layout put it (translate cr to move it), for drag feedback
 * that must look exactly like the note. Nothing for an unknown or hidden note. */
void  tp_paint_note          (cairo_t              *cr,
                              TpLayout             *layout,
                              TpDocument           *document,
                              const char           *id,
                              const TpPaintOptions *options);
/* A note the board cuts short, drawn with its whole text over its neighbours, at the rect
 * tp_layout_get_note_whole() gives; a note cut short of nothing is drawn as it is. */
void  tp_paint_note_whole    (cairo_t              *cr,
                              TpLayout             *layout,
                              TpDocument           *document,
                              const char           *id,
                              const TpPaintOptions *options);

/* Paints one touchpoint's card where the layout put it (translate cr to move it), for
 * drag feedback. Nothing for an unknown touchpoint. */
void  tp_paint_touchpoint_card (cairo_t              *cr,
                                TpLayout             *layout,
                                TpDocument           *document,
                                const char           *id,
                                const TpPaintOptions *options);

typedef enum {
  TP_LINK_STYLE_NORMAL,    /* light: 2 px at 60 % (VISUAL.md) */
  TP_LINK_STYLE_EMPHASIS,  /* an end is selected: 3 px, opaque */
} TpLinkStyle;

/* Paints one link, curve, label and the numbered badges at both ends, in a style, for
 * the view's overlays. Like the board's own links it passes beneath notes, stage
 * headers and cards. */
void  tp_paint_link          (cairo_t              *cr,
                              TpLayout             *layout,
                              const char           *id,
                              TpLinkStyle           style);

/* The colour of a link into a stage of this tint (TpLinkInfo.tint): the stage's tint,
 * darkened until a white figure on it reads at 4.5:1. Opaque. */
void  tp_paint_get_link_colour (const TpTheme       *theme,
                                guint                tint,
                                TpColour            *colour);

/* Paints a cubic (start, two controls, end) as a link being made: emphasised, dashed,
 * with a dot at the free end. */
void  tp_paint_link_curve    (cairo_t              *cr,
                              TpLayout             *layout,
                              const TpPoint         points[4]);

G_END_DECLS
