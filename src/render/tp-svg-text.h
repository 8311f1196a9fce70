/* tp-svg-text.h: text kept as text in SVG exports.
 *
 * cairo's SVG surface turns every glyph into an outline, so an exported SVG would hold no
 * text a slide editor could edit or a browser could search. While an SVG export paints,
 * the painter hands each laid-out text to a TpSvgText attached to the cairo_t instead of
 * drawing it; once cairo has written the shapes, the recorded lines go into the SVG as
 * <text> elements at the same places, in the same fonts and colours.
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

typedef struct _TpSvgText TpSvgText;

/* family: the CSS font-family list the text is written with. */
TpSvgText *_tp_svg_text_new      (const char  *family);
void       _tp_svg_text_free     (TpSvgText   *self);
/* From now on, text painted on cr is recorded rather than drawn. */
void       _tp_svg_text_attach   (TpSvgText   *self,
                                  cairo_t     *cr);
/* The sink attached to cr, or NULL: paint as usual. */
TpSvgText *_tp_svg_text_get      (cairo_t     *cr);
/* Records layout as shown at cr's current point, with its transform and source. */
void       _tp_svg_text_add      (TpSvgText   *self,
                                  cairo_t     *cr,
                                  PangoLayout *layout);
/* A line of a text, as a layout's iterator tells it. */
typedef struct
{
  int    start, length;   /* bytes of the text */
  double x, baseline;     /* from the text's top left, board units */
} TpSvgLine;

/* Records text's lines as _tp_svg_text_add() records a layout's, in font (may be NULL),
 * from lines the text's model told without a layout (tp-word-glyphs.h). */
void       _tp_svg_text_add_lines (TpSvgText                  *self,
                                   cairo_t                    *cr,
                                   const PangoFontDescription *font,
                                   const char                 *text,
                                   const TpSvgLine            *lines,
                                   guint                       n_lines);
/* svg with the recorded text added at the end of its root element (newly allocated). */
GBytes    *_tp_svg_text_finish   (TpSvgText   *self,
                                  GBytes      *svg);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpSvgText, _tp_svg_text_free)

G_END_DECLS
