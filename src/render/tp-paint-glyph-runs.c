/* tp-paint-glyph-runs.c: the texts of a run of cards shown as one glyph run per font and
 * colour (tp-paint-glyph-runs.h)
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "tp-paint-glyph-runs.h"
#include "tp-paint-glyphs.h"
#include "tp-svg-text.h"
#include "tp-text.h"

/* The glyphs of one font and colour so far, with their text and its clusters. */
typedef struct
{
  cairo_scaled_font_t *font;
  double               rgba[4];
  GString             *text;
  GArray              *glyphs;     /* cairo_glyph_t */
  GArray              *clusters;   /* cairo_text_cluster_t */
} Run;

struct _TpGlyphRuns
{
  cairo_matrix_t  matrix;      /* cr's, when begun: the glyphs' places are in its space */
  GArray         *runs;        /* Run, in order of first use */
  /* One layout's, reused. */
  GArray         *segments;
  GArray         *glyphs;
  GArray         *clusters;
};

static const cairo_user_data_key_t runs_key;

static void
run_clear (gpointer data)
{
  Run *run = data;

  cairo_scaled_font_destroy (run->font);
  g_string_free (run->text, TRUE);
  g_array_unref (run->glyphs);
  g_array_unref (run->clusters);
}

TpGlyphRuns *
_tp_glyph_runs_begin (cairo_t *cr)
{
  TpGlyphRuns *runs;

  if (_tp_svg_text_get (cr) != NULL || _tp_glyph_runs_get (cr) != NULL)
    return NULL;

  runs = g_new0 (TpGlyphRuns, 1);
  cairo_get_matrix (cr, &runs->matrix);
  runs->runs = g_array_new (FALSE, FALSE, sizeof (Run));
  g_array_set_clear_func (runs->runs, run_clear);
  runs->segments = g_array_new (FALSE, FALSE, sizeof (TpGlyphSegment));
  runs->glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  runs->clusters = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));
  cairo_set_user_data (cr, &runs_key, runs, NULL);
  return runs;
}

TpGlyphRuns *
_tp_glyph_runs_get (cairo_t *cr)
{
  return cairo_get_user_data (cr, &runs_key);
}

static Run *
find_run (TpGlyphRuns         *runs,
          cairo_scaled_font_t *font,
          const double         rgba[4])
{
  Run fresh;

  for (guint i = 0; i < runs->runs->len; i++)
    {
      Run *run = &g_array_index (runs->runs, Run, i);

      if (run->font == font && memcmp (run->rgba, rgba, sizeof run->rgba) == 0)
        return run;
    }
  fresh.font = cairo_scaled_font_reference (font);
  memcpy (fresh.rgba, rgba, sizeof fresh.rgba);
  fresh.text = g_string_new (NULL);
  fresh.glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  fresh.clusters = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));
  g_array_append_val (runs->runs, fresh);
  return &g_array_index (runs->runs, Run, runs->runs->len - 1);
}

gboolean
_tp_glyph_runs_add (TpGlyphRuns *runs,
                    cairo_t     *cr,
                    PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  cairo_pattern_t *source = cairo_get_source (cr);
  cairo_matrix_t matrix;
  double rgba[4], x0 = 0, y0 = 0, scale;

  cairo_get_matrix (cr, &matrix);
  if (memcmp (&matrix, &runs->matrix, sizeof matrix) != 0 ||
      cairo_pattern_get_type (source) != CAIRO_PATTERN_TYPE_SOLID ||
      cairo_pattern_get_rgba (source, &rgba[0], &rgba[1], &rgba[2], &rgba[3]) !=
      CAIRO_STATUS_SUCCESS)
    return FALSE;

  if (cairo_has_current_point (cr))
    cairo_get_current_point (cr, &x0, &y0);

  /* A text wholly outside the clip is left out, as cairo leaves out a glyph run drawn
   * there: gathered into a run that shows, it would be in the PDF unseen, found by a
   * search and copied with the page (a journey part's neighbours, clipped at its
   * frame). */
  {
    double ix, iy, iw, ih;
    double cx1, cy1, cx2, cy2;

    tp_text_layout_get_ink (layout, &ix, &iy, &iw, &ih);
    cairo_clip_extents (cr, &cx1, &cy1, &cx2, &cy2);
    if (x0 + ix >= cx2 || x0 + ix + iw <= cx1 || y0 + iy >= cy2 || y0 + iy + ih <= cy1)
      return TRUE;
  }

  scale = tp_text_layout_get_scale (layout);
  g_array_set_size (runs->segments, 0);
  g_array_set_size (runs->glyphs, 0);
  g_array_set_size (runs->clusters, 0);
  if (!_tp_paint_glyphs_collect (layout, scale == 1 ? x0 : 0, scale == 1 ? y0 : 0,
                                 runs->segments, runs->glyphs, runs->clusters))
    return FALSE;
  /* A role laid out at its font's size (tp-text.c) goes into the runs of its own size:
   * each glyph where the layout's scale puts it, in the font scaled so. */
  if (scale != 1)
    for (guint i = 0; i < runs->glyphs->len; i++)
      {
        cairo_glyph_t *glyph = &g_array_index (runs->glyphs, cairo_glyph_t, i);

        glyph->x = x0 + glyph->x * scale;
        glyph->y = y0 + glyph->y * scale;
      }

  for (guint i = 0; i < runs->segments->len; i++)
    {
      const TpGlyphSegment *s = &g_array_index (runs->segments, TpGlyphSegment, i);
      cairo_scaled_font_t *font = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (s->font));
      cairo_scaled_font_t *scaled = NULL;
      Run *run;

      /* As _tp_paint_glyphs_show_layout(): a font cairo cannot use shows nothing. */
      if (font == NULL)
        continue;
      if (scale != 1)
        font = scaled = _tp_paint_glyphs_scale_font (font, scale);
      /* Each segment's clusters cover its bytes and glyphs exactly, so the runs' text,
       * glyphs and clusters stay in step however many segments follow one another. */
      run = find_run (runs, font, rgba);
      g_clear_pointer (&scaled, cairo_scaled_font_destroy);
      g_string_append_len (run->text, text + s->start, s->end - s->start);
      g_array_append_vals (run->glyphs, &g_array_index (runs->glyphs, cairo_glyph_t,
                                                        s->first_glyph), s->n_glyphs);
      g_array_append_vals (run->clusters,
                           &g_array_index (runs->clusters, cairo_text_cluster_t,
                                           s->first_cluster), s->n_clusters);
    }
  return TRUE;
}

void
_tp_glyph_runs_end (TpGlyphRuns *runs,
                    cairo_t     *cr)
{
  gboolean with_text;

  if (runs == NULL)
    return;

  cairo_set_user_data (cr, &runs_key, NULL, NULL);
  /* As Pango's renderer does: the text with its clusters where the surface keeps them
   * (PDF: what a reader copies and finds), the glyphs alone elsewhere. */
  with_text = cairo_surface_has_show_text_glyphs (cairo_get_target (cr));
  cairo_save (cr);
  cairo_set_matrix (cr, &runs->matrix);
  for (guint i = 0; i < runs->runs->len; i++)
    {
      const Run *run = &g_array_index (runs->runs, Run, i);

      if (run->glyphs->len == 0)
        continue;
      cairo_set_scaled_font (cr, run->font);
      cairo_set_source_rgba (cr, run->rgba[0], run->rgba[1], run->rgba[2], run->rgba[3]);
      if (with_text)
        cairo_show_text_glyphs (cr, run->text->str, run->text->len,
                                (const cairo_glyph_t *) run->glyphs->data, run->glyphs->len,
                                (const cairo_text_cluster_t *) run->clusters->data,
                                run->clusters->len, 0);
      else
        cairo_show_glyphs (cr, (const cairo_glyph_t *) run->glyphs->data, run->glyphs->len);
    }
  cairo_restore (cr);

  g_array_unref (runs->runs);
  g_array_unref (runs->segments);
  g_array_unref (runs->glyphs);
  g_array_unref (runs->clusters);
  g_free (runs);
}
