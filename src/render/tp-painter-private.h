/* tp-painter-private.h: what the painter's files share. */
#pragma once

#include "tp-painter.h"
#include "tp-layout-private.h"
#include "tp-paint-batch.h"

G_BEGIN_DECLS

/* The painter's files' name for tp_paint_rounded_rect(), which the app uses too. */
#define _tp_rounded_rect tp_paint_rounded_rect
/* Shows a laid-out text at the current point, or, while an SVG export records text
 * (tp-svg-text.h), hands it over to be written as text. Every text goes through here. */
void    _tp_paint_layout (cairo_t      *cr,
                          PangoLayout  *layout);
/* For tests' counts, over the process: notes' texts painted from their words' glyphs
 * (tp-word-glyphs.h), and from Pango's layouts of them. */
void    _tp_paint_get_note_counts (guint *from_words,
                                   guint *from_layouts);
/* Notes' boxes painted (shapes and text, at any size), over the process, for tests'
 * counts: a board repainted in part paints the notes of that part alone. */
guint   _tp_paint_count_note_boxes (void);
/* Level of detail on raster targets (tp-painter-lod.c): whether a role's lines, or a
 * note width across, are too small to read; and a text drawn as a bar per line, from
 * its measurement (the same key as _tp_layout_ref_text()). */
void     _tp_paint_mark_screen  (cairo_t        *cr,
                                 gboolean        screen);
gboolean _tp_paint_is_tiny_text (cairo_t        *cr,
                                 const TpTheme  *theme,
                                 TpFontRole      role);
gboolean _tp_paint_is_tiny_note (cairo_t        *cr,
                                 double          width);
void     _tp_paint_text_bars    (cairo_t        *cr,
                                 TpLayout       *layout,
                                 TpFontRole      role,
                                 const char     *text,
                                 double          x,
                                 double          y,
                                 double          width,
                                 guint           max_lines,
                                 const TpColour *colour);
/* rect shrunk by d on every side. */
TpRect  _tp_rect_inset   (const TpRect *rect,
                          double        d);

/* Paints the links whose curves or badges meet clip, under nothing but above the
 * panels, as options->link_mode says: the curves pass beneath notes, stage headers and
 * cards, whose text they never cross (tp-painter-links.c). */
void    _tp_paint_links  (cairo_t              *cr,
                          TpLayout             *layout,
                          const TpRect         *clip,
                          const TpPaintOptions *options);


/* Strokes a block's line icon into rect (drawn on a 20-unit grid, scaled to fit). */
void  _tp_paint_icon  (cairo_t        *cr,
                       TpContainer     container,
                       const TpRect   *rect,
                       const TpColour *colour,
                       double          line_width);

/* The journey's parts (tp-painter-journey.c), for its panel (tp-painter-journey-region.c):
 * a touchpoint's cells, a stage's header and KPI cell, the emotion row's scale and its
 * curve, each where it meets clip. Cells and stages are painted in two passes through a
 * batch (tp-paint-batch.h): their shapes, then, after a flush, their text. */
void  _tp_journey_paint_cells          (cairo_t               *cr,
                                        TpLayout              *layout,
                                        TpDocument            *document,
                                        const TpTouchpointBox *box,
                                        const TpRect          *clip,
                                        const TpPaintOptions  *options,
                                        TpPaintBatch          *batch);
void  _tp_journey_paint_stage          (cairo_t               *cr,
                                        TpLayout              *layout,
                                        TpDocument            *document,
                                        const TpStageBox      *box,
                                        const TpRect          *clip,
                                        TpPaintBatch          *batch);
void  _tp_journey_paint_emotion_grid   (cairo_t               *cr,
                                        TpLayout              *layout,
                                        const TpRect          *clip);
void  _tp_journey_paint_emotion_curve  (cairo_t               *cr,
                                        TpLayout              *layout,
                                        const TpRect          *clip);

/* Paints the journey region's part that meets clip (tp-painter-journey-region.c). */
void  _tp_paint_journey (cairo_t              *cr,
                         TpLayout             *layout,
                         TpDocument           *document,
                         const TpRect         *clip,
                         const TpPaintOptions *options);
/* Paints the journey's stages first … first + n − 1 and rows first_row … as a part of
 * it, on an export's page: the title excluded, a frame of frame_width × frame_height
 * closed at the region's top left, the row labels at the region's left, the stages
 * shifted to follow them and the rows shifted up to follow the stage headers; where the
 * part cuts the emotion curve, the curve fades with a chevron saying that it goes on. */
void  _tp_paint_journey_part (cairo_t              *cr,
                              TpLayout             *layout,
                              TpDocument           *document,
                              guint                 first,
                              guint                 n,
                              guint                 first_row,
                              guint                 n_rows,
                              double                frame_width,
                              double                frame_height,
                              const TpPaintOptions *options);

/* A note's evidence glyph, TP_LAYOUT_FOOTER_HEIGHT square at (x, y), and its dot votes
 * ending at right, as a note's footer shows them (tp-painter.c). */
void  _tp_paint_evidence (cairo_t        *cr,
                          TpEvidence      evidence,
                          double          x,
                          double          y,
                          const TpColour *colour,
                          const TpColour *background);
void  _tp_paint_votes    (cairo_t        *cr,
                          TpLayout       *layout,
                          guint           votes,
                          double          right,
                          double          y,
                          const TpColour *colour);

/* The moment-of-truth star as a new sub-path, and an emotion marker with its face, as
 * the journey draws them (tp-painter-journey.c). */
/* tp-painter-journey.c, shared with tp-painter-journey-region.c: how far a card's shadow
 * or an emotion marker's badge reaches beyond its rect, a row label's padding, and text
 * drawn as the layout measured it (the same cache entry, so the same breaks). */
#define TP_JOURNEY_PAINT_REACH 24.0
#define TP_JOURNEY_LABEL_PAD   16.0
void  _tp_paint_journey_text (cairo_t        *cr,
                              TpLayout       *layout,
                              TpFontRole      role,
                              const char     *text,
                              double          x,
                              double          y,
                              double          width,
                              guint           max_lines,
                              const TpColour *colour);

/* tp-painter-links.c: one numbered badge of a link, for the legend. */
void  _tp_paint_link_badge (cairo_t        *cr,
                            TpLayout       *layout,
                            const TpRect   *rect,
                            const char     *number,
                            const TpColour *colour);
void  _tp_paint_star        (cairo_t        *cr,
                             double          cx,
                             double          cy,
                             double          radius);
void  _tp_paint_face_marker (cairo_t        *cr,
                             const TpTheme  *theme,
                             double          cx,
                             double          cy,
                             double          r,
                             double          emotion,
                             const TpColour *ring);

G_END_DECLS
