/* tp-painter-journey.c: painting the customer journey as VISUAL.md draws it: stage
 * bands, touchpoint cards, rows of text and chips, and the emotion curve */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "analysis/tp-kano.h"

#include "tp-curve.h"
#include "tp-paint-batch.h"
#include "tp-paint-glyph-runs.h"
#include "tp-painter-journey-lod.h"
#include "tp-painter-private.h"
#include "tp-text.h"

#define CHIP_RADIUS 6.0

/* Draws text as the layout measured it (the same cache entry, so the same breaks). */
void
_tp_paint_journey_text (cairo_t        *cr,
                        TpLayout       *layout,
                        TpFontRole      role,
                        const char     *text,
                        double          x,
                        double          y,
                        double          width,
                        guint           max_lines,
                        const TpColour *colour)
{
  g_autoptr(PangoLayout) text_layout = NULL;
  TpGlyphRuns *runs;

  if (_tp_paint_is_tiny_text (cr, layout->theme, role))
    {
      _tp_paint_text_bars (cr, layout, role, text, x, y, width, max_lines, colour);
      return;
    }
  text_layout = _tp_layout_ref_text (layout, role, text, width, max_lines);
  tp_colour_set_source (cr, colour);
  cairo_move_to (cr, x, y);
  /* A run of cards gathers its texts by font and colour (tp-paint-glyph-runs.h). */
  runs = _tp_glyph_runs_get (cr);
  if (runs == NULL || !_tp_glyph_runs_add (runs, cr, text_layout))
    _tp_paint_layout (cr, text_layout);
}

/* Whichever of white and the note text reads better on a fill. */
static const TpColour *
text_on (const TpTheme  *theme,
         const TpColour *fill)
{
  static const TpColour white = { 1, 1, 1, 1 };

  return tp_colour_get_contrast_ratio (&white, fill) >= 4.5
         ? &white : &theme->note_text;
}

static void
star_path (cairo_t *cr,
           double   cx,
           double   cy,
           double   radius)
{
  double inner = radius * 0.47;

  cairo_new_sub_path (cr);
  for (guint i = 0; i < 10; i++)
    {
      double angle = -G_PI / 2 + i * G_PI / 5;
      double r = i % 2 == 0 ? radius : inner;

      cairo_line_to (cr, cx + r * cos (angle), cy + r * sin (angle));
    }
  cairo_close_path (cr);
}

static void
circle_path (cairo_t *cr,
             double   cx,
             double   cy,
             double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  cairo_close_path (cr);
}

/* An emotion marker at (cx, cy) in a disc of radius r, in a ring: eyes, and a mouth whose
 * curvature follows the emotion, from a frown at −2 through a straight line at 0 to a
 * smile at +2; added to batch. */
static void
add_face_marker (TpPaintBatch   *batch,
                 const TpTheme  *theme,
                 double          cx,
                 double          cy,
                 double          r,
                 double          emotion,
                 const TpColour *ring)
{
  static const TpColour white = { 1, 1, 1, 1 };
  double eye = r * 0.12, ex = r * 0.34, ey = r * 0.26;
  double mx = r * 0.42, bend = r * 0.2 * emotion;
  double my = cy + r * 0.3 - (emotion < 0 ? bend / 2 : bend / 4);
  TpColour fill;
  cairo_t *mouth;

  tp_theme_get_emotion_colour (theme, emotion, &fill);
  circle_path (_tp_paint_batch_fill (batch, TP_BATCH_MARKER_RING, ring, 1), cx, cy, r + 2.5);
  circle_path (_tp_paint_batch_fill (batch, TP_BATCH_MARKER_FACE, &fill, 1), cx, cy, r);
  circle_path (_tp_paint_batch_fill (batch, TP_BATCH_MARKER_EYES, &white, 1), cx - ex, cy - ey,
               eye);
  circle_path (_tp_paint_batch_fill (batch, TP_BATCH_MARKER_EYES, &white, 1), cx + ex, cy - ey,
               eye);

  /* A quadratic bend through the cubic that matches it. */
  mouth = _tp_paint_batch_stroke (batch, TP_BATCH_MARKER_MOUTH, &white, 1, MAX (1.2, r * 0.15),
                                  CAIRO_LINE_CAP_ROUND);
  cairo_move_to (mouth, cx - mx, my);
  cairo_curve_to (mouth, cx - mx / 3, my + bend * 4 / 3, cx + mx / 3, my + bend * 4 / 3,
                  cx + mx, my);
}

/* One marker painted at once, where a few are (the scale, the legend). */
static void
paint_face_marker (cairo_t        *cr,
                   const TpTheme  *theme,
                   double          cx,
                   double          cy,
                   double          r,
                   double          emotion,
                   const TpColour *ring)
{
  g_autoptr(TpPaintBatch) batch = _tp_paint_batch_new (cr);

  _tp_paint_batch_begin (batch);
  add_face_marker (batch, theme, cx, cy, r, emotion, ring);
  _tp_paint_batch_flush (batch, cr);
}

/* The part of a card's rounded outline above y + height (its stage's band), or left of
 * x + width (a persona's accent): what filling a rectangle clipped to the card covers,
 * drawn as one shape of its own so that it can join a batch. */
static void
card_top_path (cairo_t      *cr,
               const TpRect *card,
               double        radius,
               double        height)
{
  double r = MIN (radius, MIN (card->width, card->height) / 2);
  double left = card->x + r, right = card->x + card->width - r;
  double top = card->y + r, bottom = card->y + card->height - r;

  if (height <= 0)
    return;
  if (height >= card->height)
    {
      _tp_rounded_rect (cr, card, radius);
      return;
    }

  cairo_new_sub_path (cr);
  if (height < r)
    {
      /* Where the top corners' arcs cross the band's bottom edge. */
      double a = asin ((r - height) / r);

      cairo_arc (cr, left, top, r, G_PI + a, 3 * G_PI / 2);
      cairo_arc (cr, right, top, r, -G_PI / 2, -a);
    }
  else
    {
      cairo_arc (cr, left, top, r, G_PI, 3 * G_PI / 2);
      cairo_arc (cr, right, top, r, -G_PI / 2, 0);
      if (card->y + height > bottom)
        {
          /* Down into the bottom corners' arcs, as far as the band goes. */
          double a = asin ((card->y + height - bottom) / r);

          cairo_arc (cr, right, bottom, r, 0, a);
          cairo_arc (cr, left, bottom, r, G_PI - a, G_PI);
        }
      else
        {
          cairo_line_to (cr, card->x + card->width, card->y + height);
          cairo_line_to (cr, card->x, card->y + height);
        }
    }
  cairo_close_path (cr);
}

/* The same, left of x + width: the band's shape with x and y exchanged. */
static void
card_left_path (cairo_t      *cr,
                const TpRect *card,
                double        radius,
                double        width)
{
  cairo_matrix_t exchange = { 0, 1, 1, 0, 0, 0 };
  TpRect across = { card->y, card->x, card->height, card->width };

  cairo_save (cr);
  cairo_transform (cr, &exchange);
  card_top_path (cr, &across, radius, width);
  cairo_restore (cr);
}

/* Cards */

static void
paint_gap (cairo_t            *cr,
           TpLayout           *layout,
           const TpTouchpoint *touchpoint,
           const TpRect       *rect,
           TpPaintBatch       *batch)
{
  const TpTheme *theme = layout->theme;
  double line = tp_theme_get_line_height (theme, TP_FONT_TAG);
  double label_width = 70, pill_width = 48, bar_height = 6;
  double bar_x = rect->x + label_width, bar_width = rect->width - label_width - pill_width - 8;
  const char *labels[2] = {
    /* Translators: the bar of a moment of truth's expected score (1–5). */
    C_("gap", "Expected"),
    /* Translators: the bar of a moment of truth's experienced score (1–5). */
    C_("gap", "Experienced"),
  };
  guint scores[2] = { touchpoint->expectation, touchpoint->experience };
  int gap = (int) touchpoint->expectation - (int) touchpoint->experience;
  const TpColour *severity = tp_theme_get_gap_colour (theme, gap);
  g_autofree char *text = NULL;
  TpRect pill;

  for (guint i = 0; i < 2; i++)
    {
      double row_y = rect->y + i * (rect->height / 2);
      double centre = row_y + rect->height / 4;
      TpRect track = { bar_x, centre - bar_height / 2, bar_width, bar_height };
      TpRect fill = track;

      if (_tp_paint_batch_texts (batch))
        {
          _tp_paint_journey_text (cr, layout, TP_FONT_TAG, labels[i], rect->x,
                                  centre - line / 2, label_width - 4, 1, &theme->caption);
          continue;
        }
      _tp_rounded_rect (_tp_paint_batch_fill (batch, TP_BATCH_TRACK, &theme->bar_track, 1),
                        &track, bar_height / 2);
      fill.width = bar_width * CLAMP (scores[i], TP_SCORE_MIN, TP_SCORE_MAX) / TP_SCORE_MAX;
      _tp_rounded_rect (_tp_paint_batch_fill (batch, TP_BATCH_BAR,
                                              i == 0 ? &theme->expectation : severity, 1),
                        &fill, bar_height / 2);
    }

  {
    g_autofree char *number = g_strdup_printf ("%s%d", gap < 0 ? "−" : "", ABS (gap));

    /* Translators: a moment of truth's gap, expectation minus experience ("Gap 3"). */
    text = g_strdup_printf (C_("gap", "Gap %s"), number);
  }
  pill = (TpRect) { rect->x + rect->width - pill_width, rect->y + rect->height / 2 - 10,
                    pill_width, 20 };
  if (!_tp_paint_batch_texts (batch))
    {
      _tp_rounded_rect (_tp_paint_batch_fill (batch, TP_BATCH_BAR, severity, 1), &pill,
                        pill.height / 2);
      return;
    }
  {
    double text_width;

    _tp_layout_measure_text (layout, TP_FONT_TAG, text, -1, 0, &text_width, NULL);
    _tp_paint_journey_text (cr, layout, TP_FONT_TAG, text, pill.x + (pill.width - text_width) / 2,
               pill.y + (pill.height - line) / 2, -1, 0, text_on (theme, severity));
  }
}

static void
paint_tags (cairo_t            *cr,
            TpLayout           *layout,
            const TpTouchpoint *touchpoint,
            const TpRect       *area,
            TpPaintBatch       *batch)
{
  const TpTheme *theme = layout->theme;
  guint n;
  guint n_rects = _tp_journey_count_tags (layout, touchpoint->needs, &n);
  g_autofree TpRect *rects = g_new0 (TpRect, n_rects);
  double line = tp_theme_get_line_height (theme, TP_FONT_TAG);
  double chrome = 2 * TP_JOURNEY_TAG_PAD + TP_JOURNEY_TAG_DOT + 4;
  double text_width = MAX (1, area->width - chrome);
  guint lines = _tp_journey_lines (layout, 1);
  gboolean cut = FALSE;

  _tp_journey_flow_tags (layout, touchpoint->needs, area->width, rects, &cut);

  for (guint i = 0; i < n_rects; i++)
    {
      TpRect tag = { area->x + rects[i].x, area->y + rects[i].y, rects[i].width, rects[i].height };
      TpKanoCategory category = TP_KANO_NONE;
      g_autofree char *more = NULL;
      const char *text;
      const TpColour *colour;
      double dot_x = tag.x + TP_JOURNEY_TAG_PAD + TP_JOURNEY_TAG_DOT / 2;
      double cy = tag.y + tag.height / 2;
      double text_height;
      TpRect edge = _tp_rect_inset (&tag, 0.5);

      if (i < n)
        {
          TpKanoNeed *need = g_ptr_array_index (touchpoint->needs, i);

          /* The category every surface shows (answers first), so the board agrees with
           * the inspector and the analysis. */
          category = tp_kano_get_category (need);
          text = need->text;
        }
      else
        text = more = g_strdup_printf ("+%u", touchpoint->needs->len - n);
      colour = &theme->kano[category];

      if (!_tp_paint_batch_texts (batch))
        {
          /* A pill while it is one line; a wrapped name's tag keeps the one-line
           * corners. */
          double radius = MIN (edge.height, TP_JOURNEY_TAG_HEIGHT - 1) / 2;

          if (category != TP_KANO_NONE)
            _tp_rounded_rect (_tp_paint_batch_fill (batch, TP_BATCH_TAG_FILL, colour, 0.13),
                              &edge, radius);
          _tp_rounded_rect (_tp_paint_batch_stroke (batch, TP_BATCH_TAG_EDGE, colour,
                                                    category != TP_KANO_NONE ? 0.6 : 1.0, 1,
                                                    CAIRO_LINE_CAP_BUTT),
                            &edge, radius);
          if (i < n)
            {
              cairo_t *dot = category == TP_KANO_NONE
                             ? _tp_paint_batch_stroke (batch, TP_BATCH_TAG_DOT, colour, 1, 1,
                                                       CAIRO_LINE_CAP_BUTT)
                             : _tp_paint_batch_fill (batch, TP_BATCH_TAG_DOT, colour, 1);

              /* Beside the first line, where the name starts. */
              circle_path (dot, dot_x, tag.y + MIN (cy - tag.y, TP_JOURNEY_TAG_HEIGHT / 2),
                           TP_JOURNEY_TAG_DOT / 2 - (category == TP_KANO_NONE ? 0.5 : 0));
            }
          continue;
        }

      text_height = _tp_layout_measure_text (layout, TP_FONT_TAG, text, text_width, lines, NULL,
                                             NULL);
      _tp_paint_journey_text (cr, layout, TP_FONT_TAG, text, tag.x + chrome - TP_JOURNEY_TAG_PAD,
                 cy - MAX (line, text_height) / 2, text_width, lines, &theme->cell_text);
    }
}

/* A card: its shapes in the batch's shape pass, its text in the text pass. */
static void
paint_card (cairo_t               *cr,
            TpLayout              *layout,
            TpDocument            *document,
            const TpTouchpointBox *box,
            const TpPaintOptions  *options,
            TpPaintBatch          *batch)
{
  const TpTheme *theme = layout->theme;
  TpTouchpoint *touchpoint = _tp_layout_resolve_touchpoint (layout, document, box);
  const TpTouchpointInfo *info = &box->info;
  const TpStageBox *stage = _tp_journey_stage (layout, box->stage);
  const TpRect *card = &info->card;

  if (touchpoint == NULL)
    return;

  if (!_tp_paint_batch_texts (batch))
    {
      TpRect edge = _tp_rect_inset (card, 0.5);
      TpPersona *persona;

      if (options->screen)
        {
          TpRect near = { card->x, card->y + 1, card->width, card->height };
          TpRect far = { card->x - 0.5, card->y + 1.5, card->width + 1, card->height + 2 };

          _tp_rounded_rect (_tp_paint_batch_fill (batch, TP_BATCH_SHADOW_FAR, &theme->shadow,
                                                  0.5),
                            &far, theme->card_radius + 1);
          _tp_rounded_rect (_tp_paint_batch_fill (batch, TP_BATCH_SHADOW_NEAR, &theme->shadow,
                                                  1),
                            &near, theme->card_radius);
        }

      _tp_rounded_rect (_tp_paint_batch_fill (batch, TP_BATCH_PANEL, &theme->panel, 1), card,
                        theme->card_radius);
      card_top_path (_tp_paint_batch_fill (batch, TP_BATCH_BAND,
                                           &theme->stage_tints[stage->info.tint], 1),
                     card, theme->card_radius, box->band);
      persona = touchpoint->persona != NULL
                ? tp_document_get_persona_of (document, touchpoint->item.id) : NULL;
      /* The persona's accent as the left edge, never the fill. */
      if (persona != NULL && persona->accent < TP_N_ACCENTS)
        card_left_path (_tp_paint_batch_fill (batch, TP_BATCH_ACCENT,
                                              &theme->accents[persona->accent], 1),
                        card, theme->card_radius, theme->accent_width);
      _tp_rounded_rect (_tp_paint_batch_stroke (batch, TP_BATCH_EDGE, &theme->note_edge, 1, 1,
                                                CAIRO_LINE_CAP_BUTT),
                        &edge, theme->card_radius - 0.5);
      if (!tp_rect_is_empty (&info->star))
        star_path (_tp_paint_batch_fill (batch, TP_BATCH_STAR, &theme->moment_of_truth, 1),
                   info->star.x + info->star.width / 2,
                   info->star.y + info->star.height / 2 + 0.5, info->star.width / 2);
    }
  else
    {
      _tp_paint_journey_text (cr, layout, TP_FONT_CARD_TITLE, touchpoint->name, info->name.x,
                              info->name.y, info->name.width,
                              _tp_journey_lines (layout, TP_JOURNEY_CARD_LINES),
                              &theme->cell_text);
      if (*touchpoint->channel != '\0')
        _tp_paint_journey_text (cr, layout, TP_FONT_CAPTION, touchpoint->channel, info->name.x,
                                info->name.y + info->name.height + 2,
                                card->width - 2 * TP_JOURNEY_CARD_PAD - 2,
                                _tp_journey_lines (layout, 1), &theme->caption);
    }

  if (!tp_rect_is_empty (&info->gap))
    paint_gap (cr, layout, touchpoint, &info->gap, batch);
  if (!tp_rect_is_empty (&box->tags))
    paint_tags (cr, layout, touchpoint, &box->tags, batch);
  if (!tp_rect_is_empty (&info->votes) && _tp_paint_batch_texts (batch))
    _tp_paint_votes (cr, layout, touchpoint->votes, info->votes.x + info->votes.width,
                     info->votes.y, &theme->note_marks);
}

/* Rows */

static void
paint_more (cairo_t      *cr,
            TpLayout     *layout,
            guint         n_hidden,
            double        x,
            double        y,
            double        width,
            TpPaintBatch *batch)
{
  g_autofree char *label = NULL;

  if (!_tp_paint_batch_texts (batch))
    return;
  label = tp_layout_format_more (n_hidden);
  _tp_paint_journey_text (cr, layout, TP_FONT_CAPTION, label, x, y, width, 1,
                          &layout->theme->caption);
}

static void
paint_chips (cairo_t        *cr,
             TpLayout       *layout,
             GPtrArray      *texts,
             const TpRect   *cell,
             const TpColour *fill,
             TpPaintBatch   *batch)
{
  guint n = MIN (texts->len, _tp_journey_max_items (layout, TP_JOURNEY_MAX_ITEMS));
  double y = cell->y + TP_JOURNEY_CELL_PAD;

  for (guint i = 0; i < n; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      gboolean cut = FALSE;
      TpRect chip = { cell->x, y, cell->width,
                      _tp_journey_chip_height (layout, text, cell->width, &cut) };

      if (_tp_paint_batch_texts (batch))
        _tp_paint_journey_text (cr, layout, TP_FONT_CELL, text, chip.x + TP_JOURNEY_CHIP_PAD_X,
                                chip.y + TP_JOURNEY_CHIP_PAD_Y,
                                cell->width - 2 * TP_JOURNEY_CHIP_PAD_X,
                                _tp_journey_lines (layout, TP_JOURNEY_CHIP_LINES),
                                &layout->theme->cell_text);
      else
        _tp_rounded_rect (_tp_paint_batch_fill (batch, TP_BATCH_TILE, fill, 1), &chip,
                          CHIP_RADIUS);
      y += chip.height + TP_JOURNEY_CHIP_GAP;
    }

  if (texts->len > n)
    paint_more (cr, layout, texts->len - n, cell->x, y, cell->width, batch);
}

static void
paint_kpi (cairo_t        *cr,
           TpLayout       *layout,
           const TpKpi    *kpi,
           const TpRect   *tile,
           const TpColour *fill,
           TpPaintBatch   *batch)
{
  const TpTheme *theme = layout->theme;
  g_autofree char *figure = NULL;
  g_autofree char *target = NULL;
  double inner = tile->width - 2 * TP_JOURNEY_KPI_PAD;
  double x = tile->x + TP_JOURNEY_KPI_PAD;
  TpKpiTile parts;

  if (!_tp_paint_batch_texts (batch))
    {
      _tp_rounded_rect (_tp_paint_batch_fill (batch, TP_BATCH_TILE, fill, 1), tile,
                        CHIP_RADIUS);
      return;
    }
  figure = _tp_journey_format_kpi_figure (kpi);
  target = _tp_journey_format_kpi_target (kpi);
  _tp_journey_measure_kpi (layout, kpi, figure, target, tile->width, &parts);

  _tp_paint_journey_text (cr, layout, TP_FONT_CAPTION, kpi->name, x, tile->y + TP_JOURNEY_KPI_PAD, inner,
             _tp_journey_lines (layout, TP_JOURNEY_KPI_NAME_LINES), &theme->caption);
  _tp_paint_journey_text (cr, layout, TP_FONT_FIGURE, figure, x, tile->y + parts.figure_y, inner,
             _tp_journey_lines (layout, 1), &theme->cell_text);
  if (target == NULL)
    return;
  if (parts.target_x > TP_JOURNEY_KPI_PAD)
    _tp_paint_journey_text (cr, layout, TP_FONT_CAPTION, target, tile->x + parts.target_x,
               tile->y + parts.target_y, -1, 0, &theme->caption);
  else
    _tp_paint_journey_text (cr, layout, TP_FONT_CAPTION, target, x, tile->y + parts.target_y, inner,
               _tp_journey_lines (layout, 1), &theme->caption);
}

/* KPIs stacked from y, as _tp_journey_kpis_height() measured them. */
static void
paint_kpis (cairo_t        *cr,
            TpLayout       *layout,
            GPtrArray      *kpis,
            double          x,
            double          y,
            double          width,
            const TpColour *fill,
            TpPaintBatch   *batch)
{
  guint n = MIN (kpis->len, _tp_journey_max_items (layout, TP_JOURNEY_MAX_ITEMS));

  for (guint i = 0; i < n; i++)
    {
      const TpKpi *kpi = g_ptr_array_index (kpis, i);
      gboolean cut = FALSE;
      TpRect tile = { x, y, width, _tp_journey_kpi_height (layout, kpi, width, &cut) };

      paint_kpi (cr, layout, kpi, &tile, fill, batch);
      y += tile.height + TP_JOURNEY_KPI_GAP;
    }

  if (kpis->len > n)
    paint_more (cr, layout, kpis->len - n, x, y, width, batch);
}

void
_tp_journey_paint_cells (cairo_t               *cr,
                         TpLayout              *layout,
                         TpDocument            *document,
                         const TpTouchpointBox *box,
                         const TpRect          *clip,
                         const TpPaintOptions  *options,
                         TpPaintBatch          *batch)
{
  const TpTheme *theme = layout->theme;
  TpTouchpoint *touchpoint = _tp_layout_resolve_touchpoint (layout, document, box);
  const TpRect *cells = box->info.cells;
  double width = theme->touchpoint_width;
  gboolean texts = _tp_paint_batch_texts (batch);

  if (touchpoint == NULL)
    return;

  if (tp_rect_intersects (&cells[TP_JOURNEY_ROW_TOUCHPOINT], clip))
    paint_card (cr, layout, document, box, options, batch);
  if (texts && tp_rect_intersects (&cells[TP_JOURNEY_ROW_CHANNEL], clip))
    _tp_paint_journey_text (cr, layout, TP_FONT_CELL, touchpoint->channel, cells[TP_JOURNEY_ROW_CHANNEL].x,
               cells[TP_JOURNEY_ROW_CHANNEL].y + TP_JOURNEY_CELL_PAD, width,
               _tp_journey_lines (layout, TP_JOURNEY_CHANNEL_LINES), &theme->cell_text);
  if (texts && tp_rect_intersects (&cells[TP_JOURNEY_ROW_ACTION], clip))
    _tp_paint_journey_text (cr, layout, TP_FONT_CELL, touchpoint->action, cells[TP_JOURNEY_ROW_ACTION].x,
               cells[TP_JOURNEY_ROW_ACTION].y + TP_JOURNEY_CELL_PAD, width,
               _tp_journey_lines (layout, TP_JOURNEY_ACTION_LINES), &theme->cell_text);
  if (tp_rect_intersects (&cells[TP_JOURNEY_ROW_PAINS], clip))
    paint_chips (cr, layout, touchpoint->pains, &cells[TP_JOURNEY_ROW_PAINS], &theme->pain,
                 batch);
  if (tp_rect_intersects (&cells[TP_JOURNEY_ROW_OPPORTUNITIES], clip))
    paint_chips (cr, layout, touchpoint->opportunities, &cells[TP_JOURNEY_ROW_OPPORTUNITIES],
                 &theme->opportunity, batch);
  if (tp_rect_intersects (&cells[TP_JOURNEY_ROW_KPIS], clip))
    paint_kpis (cr, layout, touchpoint->kpis, cells[TP_JOURNEY_ROW_KPIS].x,
                cells[TP_JOURNEY_ROW_KPIS].y + (layout->journey.kpi_band > 0
                                                ? TP_JOURNEY_KPI_GAP / 2 : TP_JOURNEY_CELL_PAD),
                width, &theme->kpi_tile, batch);
}

/* Stages */

void
_tp_journey_paint_stage (cairo_t          *cr,
                         TpLayout         *layout,
                         TpDocument       *document,
                         const TpStageBox *box,
                         const TpRect     *clip,
                         TpPaintBatch     *batch)
{
  const TpTheme *theme = layout->theme;
  TpStage *stage = _tp_layout_resolve_stage (layout, document, box);
  const TpStageInfo *info = &box->info;
  const TpColour *tint = &theme->stage_tints[info->tint];
  gboolean texts = _tp_paint_batch_texts (batch);

  if (stage == NULL)
    return;

  if (!texts && tp_rect_intersects (&info->header, clip))
    _tp_rounded_rect (_tp_paint_batch_fill (batch, TP_BATCH_PANEL, tint, 1), &info->header,
                      theme->card_radius);
  if (texts && tp_rect_intersects (&info->header, clip))
    {
      _tp_paint_journey_text (cr, layout, TP_FONT_STAGE_HEADING, stage->name, info->name.x, info->name.y,
                 info->name.width, _tp_journey_lines (layout, TP_JOURNEY_NAME_LINES),
                 &theme->title);
      if (!tp_rect_is_empty (&info->job))
        _tp_paint_journey_text (cr, layout, TP_FONT_JOB, stage->job, info->job.x, info->job.y,
                   info->job.width, _tp_journey_lines (layout, TP_JOURNEY_JOB_LINES),
                   &theme->job_text);
    }

  /* The hint's dashed frame and its text, in the text pass: nothing else is painted in
   * an empty stage. */
  if (texts && !tp_rect_is_empty (&info->hint) && tp_rect_intersects (&info->hint, clip))
    {
      static const double dashes[] = { 4, 3 };
      TpRect edge = _tp_rect_inset (&info->hint, 0.75);
      double height;

      cairo_save (cr);
      _tp_rounded_rect (cr, &edge, theme->card_radius);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_set_line_width (cr, 1.5);
      tp_colour_set_source (cr, &theme->panel_border);
      cairo_stroke (cr);
      cairo_restore (cr);
      height = _tp_layout_measure_text (layout, TP_FONT_HINT, _tp_journey_get_hint (),
                                        info->hint.width - 32, 3, NULL, NULL);
      _tp_paint_journey_text (cr, layout, TP_FONT_HINT, _tp_journey_get_hint (), info->hint.x + 16,
                 info->hint.y + (info->hint.height - height) / 2, info->hint.width - 32, 3,
                 &theme->hint);
    }

  if (!tp_rect_is_empty (&info->kpis) && stage->kpis->len > 0 &&
      tp_rect_intersects (&info->kpis, clip))
    paint_kpis (cr, layout, stage->kpis, box->first_x, info->kpis.y + TP_JOURNEY_CELL_PAD,
                info->column.width - 2 * TP_JOURNEY_STAGE_PAD, tint, batch);
}

/* The emotion row */

static cairo_pattern_t *
emotion_gradient (TpLayout *layout,
                  double    alpha)
{
  const TpTheme *theme = layout->theme;
  double top = tp_layout_get_emotion_y (layout, TP_EMOTION_MAX);
  double bottom = tp_layout_get_emotion_y (layout, TP_EMOTION_MIN);
  cairo_pattern_t *pattern = cairo_pattern_create_linear (0, top, 0, bottom);
  const TpColour *stops[] = { &theme->emotion_positive, &theme->emotion_neutral,
                              &theme->emotion_negative };

  /* Height is emotion, so a vertical gradient colours every part of the curve by the
   * emotion it stands at: the diverging scale, continuously. */
  for (guint i = 0; i < G_N_ELEMENTS (stops); i++)
    cairo_pattern_add_color_stop_rgba (pattern, i / 2.0, stops[i]->red, stops[i]->green,
                                       stops[i]->blue, alpha);

  return pattern;
}

void
_tp_journey_paint_emotion_grid (cairo_t      *cr,
                                TpLayout     *layout,
                                const TpRect *clip)
{
  const TpTheme *theme = layout->theme;
  const TpRect *band = &layout->journey.bands[TP_JOURNEY_ROW_EMOTION];
  const TpRect *label = &layout->journey.labels[TP_JOURNEY_ROW_EMOTION];
  double x0 = band->x + TP_JOURNEY_LABEL_WIDTH;
  double x1 = band->x + band->width - TP_JOURNEY_PAD;
  double line = tp_theme_get_line_height (theme, TP_FONT_TAG);
  static const double dashes[] = { 5, 4 };

  x0 = MAX (x0, clip->x - 1);
  x1 = MIN (x1, clip->x + clip->width + 1);

  for (int e = TP_EMOTION_MIN; e <= TP_EMOTION_MAX; e++)
    {
      double y = tp_layout_get_emotion_y (layout, e);
      g_autofree char *tick = e > 0 ? g_strdup_printf ("+%d", e)
                                    : e < 0 ? g_strdup_printf ("−%d", -e) : g_strdup ("0");
      double tick_width;

      cairo_save (cr);
      if (e == 0)
        {
          cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
          tp_colour_set_source (cr, &theme->emotion_neutral);
          cairo_set_line_width (cr, 1.25);
        }
      else
        {
          tp_colour_set_source (cr, &theme->hairline);
          cairo_set_line_width (cr, 1);
        }
      if (x1 > x0)
        {
          cairo_move_to (cr, x0, y);
          cairo_line_to (cr, x1, y);
          cairo_stroke (cr);
        }
      cairo_restore (cr);

      if (tp_rect_intersects (label, clip))
        {
          /* The scale, with a small face at the ends and the middle. */
          _tp_layout_measure_text (layout, TP_FONT_TAG, tick, -1, 0, &tick_width, NULL);
          _tp_paint_journey_text (cr, layout, TP_FONT_TAG, tick, label->x + label->width - 14 - tick_width,
                     y - line / 2, -1, 0, &theme->caption);
          if (e % 2 == 0)
            paint_face_marker (cr, theme, label->x + label->width - 44, y, 7, e,
                               &theme->row_labels);
        }
    }
}

void
_tp_journey_paint_emotion_curve (cairo_t      *cr,
                                 TpLayout     *layout,
                                 const TpRect *clip)
{
  const TpTheme *theme = layout->theme;
  TpJourney *journey = &layout->journey;
  guint n = journey->touchpoints->len;
  g_autofree double *xs = NULL, *ys = NULL, *tangents = NULL;
  g_autoptr(TpPaintBatch) batch = NULL;
  cairo_pattern_t *pattern;
  double neutral = tp_layout_get_emotion_y (layout, 0);
  g_autoptr(TpTinyBatch) tiny = _tp_journey_is_tiny (cr, layout) ? _tp_tiny_batch_new () : NULL;
  guint first, last, n_batched = 0;

  if (n == 0)
    return;

  xs = g_new (double, n);
  ys = g_new (double, n);
  tangents = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      xs[i] = _tp_journey_touchpoint (layout, i)->info.emotion_x;
      ys[i] = _tp_journey_touchpoint (layout, i)->info.emotion_y;
    }
  tp_curve_monotone_tangents (xs, ys, n, tangents);

  /* Only the segments that reach into the clip, one point beyond on either side. */
  first = 0;
  while (first + 1 < n && xs[first + 1] < clip->x - TP_JOURNEY_PAINT_REACH)
    first++;
  last = first;
  while (last + 1 < n && xs[last] < clip->x + clip->width + TP_JOURNEY_PAINT_REACH)
    last++;

  if (last > first)
    {
      cairo_save (cr);
      cairo_move_to (cr, xs[first], neutral);
      tp_curve_append_path (cr, xs, ys, tangents, first, last, FALSE);
      cairo_line_to (cr, xs[last], neutral);
      cairo_close_path (cr);
      pattern = emotion_gradient (layout, 0.16);
      cairo_set_source (cr, pattern);
      cairo_fill (cr);
      cairo_pattern_destroy (pattern);

      tp_curve_append_path (cr, xs, ys, tangents, first, last, TRUE);
      pattern = emotion_gradient (layout, 1);
      cairo_set_source (cr, pattern);
      cairo_set_line_width (cr, 3.5);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
      cairo_pattern_destroy (pattern);
      cairo_restore (cr);
    }

  /* The markers, a run at a time (tp-paint-batch.h): markers never overlap. */
  batch = _tp_paint_batch_new (cr);
  _tp_paint_batch_begin (batch);
  for (guint i = first; i <= last; i++)
    {
      TpTouchpointBox *box = _tp_journey_touchpoint (layout, i);
      gboolean moment = !tp_rect_is_empty (&box->info.star);
      double r = TP_JOURNEY_MARKER_RADIUS;

      if (xs[i] + TP_JOURNEY_PAINT_REACH < clip->x || xs[i] - TP_JOURNEY_PAINT_REACH > clip->x + clip->width)
        continue;

      /* Rings in the panel's colour, which parts a marker from the curve in the light and
       * the dark style alike. */
      if (tiny != NULL)
        {
          /* A marker of a pixel or less: its colours, no face (tp-painter-journey-lod.c). */
          _tp_journey_add_tiny_marker (tiny, theme, xs[i], ys[i], r, box->emotion,
                                       moment ? &theme->moment_of_truth : &theme->panel);
          continue;
        }
      add_face_marker (batch, theme, xs[i], ys[i], r, box->emotion,
                       moment ? &theme->moment_of_truth : &theme->panel);
      if (moment)
        {
          /* The star of a moment of truth, pinned to the marker's shoulder. */
          star_path (_tp_paint_batch_fill (batch, TP_BATCH_MARKER_HALO, &theme->panel, 1),
                     xs[i] + r * 0.95, ys[i] - r * 0.95, 9.5);
          star_path (_tp_paint_batch_fill (batch, TP_BATCH_MARKER_STAR,
                                           &theme->moment_of_truth, 1),
                     xs[i] + r * 0.95, ys[i] - r * 0.95, 7.5);
        }
      if (++n_batched % TP_PAINT_BATCH_RUN == 0)
        {
          _tp_paint_batch_flush (batch, cr);
          _tp_paint_batch_begin (batch);
        }
    }
  _tp_paint_batch_flush (batch, cr);
  if (tiny != NULL)
    _tp_tiny_batch_flush (tiny, cr);
}

void
tp_paint_touchpoint_card (cairo_t              *cr,
                          TpLayout             *layout,
                          TpDocument           *document,
                          const char           *id,
                          const TpPaintOptions *options)
{
  g_autoptr(TpPaintBatch) batch = NULL;
  TpPaintOptions defaults;
  guint i;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (TP_IS_DOCUMENT (document));
  g_return_if_fail (id != NULL);

  if (options == NULL)
    {
      tp_paint_options_init (&defaults);
      options = &defaults;
    }

  i = GPOINTER_TO_UINT (g_hash_table_lookup (layout->journey.touchpoint_by_id, id));
  if (i == 0)
    return;

  cairo_save (cr);
  batch = _tp_paint_batch_new (cr);
  _tp_paint_batch_begin (batch);
  paint_card (cr, layout, document, _tp_journey_touchpoint (layout, i - 1), options, batch);
  _tp_paint_batch_flush (batch, cr);
  paint_card (cr, layout, document, _tp_journey_touchpoint (layout, i - 1), options, batch);
  cairo_restore (cr);
}

/* The legend draws the journey's marks exactly as the journey does (tp-legend.c). */

void
_tp_paint_star (cairo_t *cr,
                double   cx,
                double   cy,
                double   radius)
{
  star_path (cr, cx, cy, radius);
}

void
_tp_paint_face_marker (cairo_t        *cr,
                       const TpTheme  *theme,
                       double          cx,
                       double          cy,
                       double          r,
                       double          emotion,
                       const TpColour *ring)
{
  paint_face_marker (cr, theme, cx, cy, r, emotion, ring);
}
