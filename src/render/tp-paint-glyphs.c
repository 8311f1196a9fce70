/* tp-paint-glyphs.c: a laid-out text shown as one glyph run per font (tp-paint-glyphs.h)
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "tp-paint-glyphs.h"
#include "tp-text.h"

typedef TpGlyphSegment Segment;

/* Attributes that only choose fonts, features or line spacing: they change where Pango
 * puts the glyphs, which the layout's lines already say, not how they are drawn. Any
 * other (a colour, an underline, a rise, a shape) is left to Pango's own renderer. */
static gboolean
attributes_are_plain (PangoLayout *layout)
{
  PangoAttrList *list = pango_layout_get_attributes (layout);
  gboolean plain = TRUE;
  GSList *attrs;

  if (list == NULL)
    return TRUE;

  attrs = pango_attr_list_get_attributes (list);
  for (GSList *l = attrs; l != NULL; l = l->next)
    {
      switch (((PangoAttribute *) l->data)->klass->type)
        {
        case PANGO_ATTR_LANGUAGE:
        case PANGO_ATTR_FAMILY:
        case PANGO_ATTR_STYLE:
        case PANGO_ATTR_WEIGHT:
        case PANGO_ATTR_VARIANT:
        case PANGO_ATTR_STRETCH:
        case PANGO_ATTR_SIZE:
        case PANGO_ATTR_ABSOLUTE_SIZE:
        case PANGO_ATTR_FONT_DESC:
        case PANGO_ATTR_FONT_FEATURES:
        case PANGO_ATTR_FALLBACK:
        case PANGO_ATTR_LETTER_SPACING:
        case PANGO_ATTR_INSERT_HYPHENS:
        case PANGO_ATTR_LINE_HEIGHT:
        case PANGO_ATTR_ABSOLUTE_LINE_HEIGHT:
          break;
        default:
          plain = FALSE;
          break;
        }
    }
  g_slist_free_full (attrs, (GDestroyNotify) pango_attribute_destroy);

  return plain;
}

gboolean
_tp_paint_glyphs_add_string (PangoFont              *font,
                             int                     offset,
                             int                     length,
                             const PangoGlyphString *string,
                             double                  x0,
                             int                     x,
                             double                  y0,
                             int                     baseline,
                             GArray                 *segments,
                             GArray                 *glyphs,
                             GArray                 *clusters)
{
  Segment *segment;
  int cluster_start = -1;

  if (string->num_glyphs == 0 || string->log_clusters[0] != 0)
    return FALSE;

  segment = segments->len > 0 ? &g_array_index (segments, Segment, segments->len - 1) : NULL;
  if (segment == NULL || segment->font != font || segment->end != offset)
    {
      Segment fresh = { font, offset, offset, glyphs->len, 0, clusters->len, 0 };

      g_array_append_val (segments, fresh);
      segment = &g_array_index (segments, Segment, segments->len - 1);
    }

  for (int i = 0; i < string->num_glyphs; i++)
    {
      const PangoGlyphInfo *info = &string->glyphs[i];
      int byte = string->log_clusters[i];
      cairo_glyph_t glyph;

      if ((info->glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0 || byte < cluster_start)
        return FALSE;

      /* An empty glyph (a line's final space) is skipped but keeps its cluster, with no
       * glyph, as Pango's renderer gives it. */
      if (info->glyph != PANGO_GLYPH_EMPTY)
        {
          glyph.index = info->glyph;
          glyph.x = x0 + (double) (x + info->geometry.x_offset) / PANGO_SCALE;
          glyph.y = y0 + (double) (baseline + info->geometry.y_offset) / PANGO_SCALE;
          g_array_append_val (glyphs, glyph);
        }
      x += info->geometry.width;

      if (byte != cluster_start)
        {
          /* A cluster's bytes run to the next cluster's start (or the item's end). */
          cairo_text_cluster_t cluster = { 0, 0 };

          if (cluster_start >= 0)
            g_array_index (clusters, cairo_text_cluster_t, clusters->len - 1).num_bytes =
              byte - cluster_start;
          g_array_append_val (clusters, cluster);
          cluster_start = byte;
        }
      if (info->glyph != PANGO_GLYPH_EMPTY)
        g_array_index (clusters, cairo_text_cluster_t, clusters->len - 1).num_glyphs++;
    }
  if (length - cluster_start <= 0)
    return FALSE;
  g_array_index (clusters, cairo_text_cluster_t, clusters->len - 1).num_bytes =
    length - cluster_start;

  segment->n_glyphs = glyphs->len - segment->first_glyph;
  segment->n_clusters = clusters->len - segment->first_cluster;
  segment->end = offset + length;

  return TRUE;
}

/* Adds a run's glyphs, placed as Pango's renderer places them (the run's logical x, the
 * line's baseline); FALSE for a run it must draw itself: right-to-left, raised, or with
 * a glyph Pango draws itself (an unknown character's box). */
static gboolean
add_run (PangoLayoutIter *iter,
         double           x0,
         double           y0,
         GArray          *segments,
         GArray          *glyphs,
         GArray          *clusters)
{
  PangoGlyphItem *run = pango_layout_iter_get_run_readonly (iter);
  PangoItem *item = run->item;
  PangoRectangle logical;

  if (item->analysis.level % 2 != 0 || run->y_offset != 0)
    return FALSE;

  pango_layout_iter_get_run_extents (iter, NULL, &logical);
  return _tp_paint_glyphs_add_string (item->analysis.font, item->offset, item->length,
                                      run->glyphs, x0, logical.x, y0,
                                      pango_layout_iter_get_baseline (iter), segments, glyphs,
                                      clusters);
}

gboolean
_tp_paint_glyphs_collect (PangoLayout *layout,
                          double       x0,
                          double       y0,
                          GArray      *segments,
                          GArray      *glyphs,
                          GArray      *clusters)
{
  guint n_segments = segments->len, n_glyphs = glyphs->len, n_clusters = clusters->len;
  PangoLayoutIter *iter;
  gboolean exact = TRUE;

  if (pango_layout_is_ellipsized (layout) || !attributes_are_plain (layout))
    return FALSE;

  iter = pango_layout_get_iter (layout);
  do
    {
      if (pango_layout_iter_get_run_readonly (iter) != NULL)
        exact = add_run (iter, x0, y0, segments, glyphs, clusters);
    }
  while (exact && pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
  if (!exact)
    {
      g_array_set_size (segments, n_segments);
      g_array_set_size (glyphs, n_glyphs);
      g_array_set_size (clusters, n_clusters);
    }
  return exact;
}

void
_tp_paint_glyphs_show (cairo_t      *cr,
                       const char   *text,
                       const GArray *segments,
                       const GArray *glyphs,
                       const GArray *clusters)
{
  gboolean with_text;

  /* As Pango's renderer does: the text with its clusters where the surface keeps them
   * (PDF: what a reader copies and finds), the glyphs alone elsewhere. */
  with_text = cairo_surface_has_show_text_glyphs (cairo_get_target (cr));
  cairo_save (cr);
  for (guint i = 0; i < segments->len; i++)
    {
      const Segment *s = &g_array_index (segments, Segment, i);
      cairo_scaled_font_t *font = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (s->font));

      if (font == NULL)
        continue;
      cairo_set_scaled_font (cr, font);
      if (with_text)
        cairo_show_text_glyphs (cr, text + s->start, s->end - s->start,
                                &g_array_index (glyphs, cairo_glyph_t, s->first_glyph),
                                s->n_glyphs,
                                &g_array_index (clusters, cairo_text_cluster_t,
                                                s->first_cluster),
                                s->n_clusters, 0);
      else
        cairo_show_glyphs (cr, &g_array_index (glyphs, cairo_glyph_t, s->first_glyph),
                           s->n_glyphs);
    }
  cairo_restore (cr);
}

cairo_scaled_font_t *
_tp_paint_glyphs_scale_font (cairo_scaled_font_t *font,
                             double               scale)
{
  cairo_matrix_t font_matrix, ctm;
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_scaled_font_t *scaled;

  cairo_scaled_font_get_font_matrix (font, &font_matrix);
  cairo_scaled_font_get_ctm (font, &ctm);
  cairo_scaled_font_get_font_options (font, options);
  cairo_matrix_scale (&font_matrix, scale, scale);
  /* cairo keeps the fonts it made by face, matrices and options: the same size of a role
   * is the same font each time it is asked for. */
  scaled = cairo_scaled_font_create (cairo_scaled_font_get_font_face (font), &font_matrix,
                                     &ctm, options);
  cairo_font_options_destroy (options);
  return scaled;
}

gboolean
_tp_paint_glyphs_show_layout (cairo_t     *cr,
                              PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  g_autoptr(GArray) segments = NULL;
  g_autoptr(GArray) glyphs = NULL;
  g_autoptr(GArray) clusters = NULL;
  double x0 = 0, y0 = 0, scale;
  gsize n_bytes;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), FALSE);

  if (cairo_has_current_point (cr))
    cairo_get_current_point (cr, &x0, &y0);
  /* Seldom more glyphs or clusters than the text has bytes: the arrays are sized once
   * instead of doubled from nothing glyph by glyph. */
  n_bytes = strlen (text);
  segments = g_array_new (FALSE, FALSE, sizeof (Segment));
  glyphs = g_array_sized_new (FALSE, FALSE, sizeof (cairo_glyph_t), n_bytes);
  clusters = g_array_sized_new (FALSE, FALSE, sizeof (cairo_text_cluster_t), n_bytes);
  scale = tp_text_layout_get_scale (layout);
  if (scale == 1)
    {
      if (!_tp_paint_glyphs_collect (layout, x0, y0, segments, glyphs, clusters))
        return FALSE;
      _tp_paint_glyphs_show (cr, text, segments, glyphs, clusters);
      return TRUE;
    }

  /* A role laid out at its font's size (tp-text.c), drawn at its own. */
  if (!_tp_paint_glyphs_collect (layout, 0, 0, segments, glyphs, clusters))
    return FALSE;
  cairo_save (cr);
  cairo_translate (cr, x0, y0);
  cairo_scale (cr, scale, scale);
  _tp_paint_glyphs_show (cr, text, segments, glyphs, clusters);
  cairo_restore (cr);
  return TRUE;
}
