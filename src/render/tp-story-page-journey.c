/* tp-story-page-journey.c: the journey told stage by stage, and its moments of truth
 *
 * A stage step shows the journey so far as a strip (the stages told, tinted, the
 * current one outlined, those to come as empty outlines) with the emotion curve drawn
 * up to the current stage, and under it the stage's touchpoints (this part of them) as
 * large cards. A moment step shows the touchpoint's card beside its gap (expectation and
 * experience bars as the journey draws them), its strategy and its action plan.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "model/tp-enums.h"
#include "tp-curve.h"
#include "tp-painter-private.h"
#include "tp-story-page-private.h"

#define STRIP_HEIGHT  96.0
#define CARD_GAP      20.0
#define CARD_PAD      12.0
#define CARD_MAX      560.0   /* a card's widest, when a stage has few touchpoints */
#define MOMENT_SIZE_MAX 34.0  /* a moment's text, when its card and plan leave room */
#define MIN_FACTOR    0.75    /* how far card text may shrink (24 → 18 units) before it
                               * is left to overflow: never reached within the story's
                               * capacities */

static const TpColour *
stage_tint (StoryPainter  *p,
            const TpStage *stage)
{
  return &p->theme->stage_tints[stage->colour % TP_N_STAGE_TINTS];
}

/* The journey so far: a column per stage, as wide as its touchpoints need, and the
 * emotion curve through the touchpoints of the stages told. */
static void
paint_strip (StoryPainter      *p,
             TpDocument        *document,
             const TpStoryStep *step,
             const TpRect      *rect)
{
  GPtrArray *stages = tp_document_get_stages (document);
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ys = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) emotions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) stars = g_array_new (FALSE, FALSE, sizeof (gboolean));
  cairo_t *cr = p->cr;
  double x = rect->x, total = 0, band_top = rect->y + 40, band_bottom = rect->y + rect->height - 14;
  double middle = (band_top + band_bottom) / 2;

  for (guint s = 0; s < stages->len; s++)
    total += MAX (1, ((TpStage *) g_ptr_array_index (stages, s))->touchpoints->len);

  for (guint s = 0; s < stages->len; s++)
    {
      const TpStage *stage = g_ptr_array_index (stages, s);
      guint n = stage->touchpoints->len;
      double w = rect->width * MAX (1, n) / total;
      TpRect column = { x + 2, rect->y, w - 4, rect->height };
      gboolean shown = tp_story_step_reveals_stage (step, s);
      gboolean current = step->kind == TP_STORY_STEP_JOURNEY_STAGE && step->stage_index == s;
      g_autofree char *label = g_strdup_printf ("%u", s + 1);

      _tp_rounded_rect (cr, &column, 8);
      if (shown)
        {
          tp_colour_set_source (cr, stage_tint (p, stage));
          cairo_fill_preserve (cr);
          tp_colour_set_source (cr, current ? &p->theme->title : &p->theme->panel_border);
          cairo_set_line_width (cr, current ? 3 : 1);
          cairo_stroke (cr);
          _tp_story_text (p, TP_FONT_STAGE_HEADING, stage->name, column.x + 10, column.y + 8,
                          column.width - 20, 17, 1, &p->theme->title, PANGO_ALIGN_LEFT);
        }
      else
        {
          static const double dash[] = { 5, 5 };

          cairo_set_dash (cr, dash, 2, 0);
          tp_colour_set_source (cr, &p->theme->panel_border);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          _tp_story_text (p, TP_FONT_STAGE_HEADING, label, column.x + 10, column.y + 8,
                          column.width - 20, 17, 1, &p->theme->hint, PANGO_ALIGN_LEFT);
        }

      if (shown)
        for (guint i = 0; i < n; i++)
          {
            const TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, i);
            double px = x + w * (i + 0.5) / n;
            double emotion = touchpoint->emotion;
            double py = middle - emotion / TP_EMOTION_MAX * (band_bottom - band_top) / 2;

            g_array_append_val (xs, px);
            g_array_append_val (ys, py);
            g_array_append_val (emotions, emotion);
            g_array_append_val (stars, touchpoint->moment_of_truth);
          }
      x += w;
    }

  /* The neutral line, dashed, and the curve up to the current stage. */
  {
    static const double dash[] = { 3, 4 };

    cairo_set_dash (cr, dash, 2, 0);
    cairo_move_to (cr, rect->x, middle);
    cairo_line_to (cr, rect->x + rect->width, middle);
    tp_colour_set_source (cr, &p->theme->emotion_neutral);
    cairo_set_line_width (cr, 1);
    cairo_stroke (cr);
    cairo_set_dash (cr, NULL, 0, 0);
  }
  if (xs->len > 1)
    {
      g_autofree double *tangents = g_new (double, xs->len);

      tp_curve_monotone_tangents ((double *) xs->data, (double *) ys->data, xs->len, tangents);
      tp_curve_append_path (cr, (double *) xs->data, (double *) ys->data, tangents, 0,
                            xs->len - 1, TRUE);
      tp_colour_set_source (cr, &p->theme->title);
      cairo_set_line_width (cr, 3);
      cairo_stroke (cr);
    }
  for (guint i = 0; i < xs->len; i++)
    {
      double px = g_array_index (xs, double, i), py = g_array_index (ys, double, i);

      _tp_paint_face_marker (cr, p->theme, px, py, 11, g_array_index (emotions, double, i),
                             &p->theme->panel);
      if (g_array_index (stars, gboolean, i))
        {
          _tp_paint_star (cr, px + 12, py - 12, 7);
          tp_colour_set_source (cr, &p->theme->moment_of_truth);
          cairo_fill (cr);
        }
    }
}

/* A run of chips (pains or opportunities), each its text on a tinted pill. */
static double
paint_chips (StoryPainter   *p,
             GPtrArray      *texts,
             const TpColour *fill,
             double          x,
             double          y,
             double          width,
             double          size,
             gboolean        paint)
{
  double top = y;

  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      double h = _tp_story_text (p, TP_FONT_CELL, text, 0, 0, width - 16, size, 0, NULL,
                                 PANGO_ALIGN_LEFT);

      if (paint)
        {
          TpRect chip = { x, y, width, h + 6 };

          _tp_rounded_rect (p->cr, &chip, 6);
          tp_colour_set_source (p->cr, fill);
          cairo_fill (p->cr);
          _tp_story_text (p, TP_FONT_CELL, text, x + 8, y + 3, width - 16, size, 0,
                          &p->theme->cell_text, PANGO_ALIGN_LEFT);
        }
      y += h + 6 + 4;
    }
  return y - top;
}

/* A touchpoint's card at text size size (its name a little larger); returns its
 * height, painting only when paint. */
static double
paint_card (StoryPainter       *p,
            const TpStage      *stage,
            const TpTouchpoint *touchpoint,
            double              x,
            double              y,
            double              width,
            double              height,
            double              size,
            gboolean            paint)
{
  const TpColour *none = NULL;
  double inner = width - 2 * CARD_PAD, top = y, star = touchpoint->moment_of_truth ? 30 : 0;

  if (paint)
    {
      TpRect card = { x, y, width, height };
      TpRect band = { x, y, width, 12 };

      _tp_rounded_rect (p->cr, &card, 10);
      tp_colour_set_source (p->cr, &p->theme->panel);
      cairo_fill_preserve (p->cr);
      tp_colour_set_source (p->cr, &p->theme->panel_border);
      cairo_set_line_width (p->cr, 1.5);
      cairo_stroke (p->cr);
      cairo_save (p->cr);
      _tp_rounded_rect (p->cr, &card, 10);
      cairo_clip (p->cr);
      cairo_rectangle (p->cr, band.x, band.y, band.width, band.height);
      tp_colour_set_source (p->cr, stage_tint (p, stage));
      cairo_fill (p->cr);
      cairo_restore (p->cr);
      if (star > 0)
        {
          _tp_paint_star (p->cr, x + width - CARD_PAD - 12, y + 12 + CARD_PAD + 12, 12);
          tp_colour_set_source (p->cr, &p->theme->moment_of_truth);
          cairo_fill (p->cr);
        }
    }

  y += 12 + CARD_PAD;
  y += _tp_story_text (p, TP_FONT_CARD_TITLE, touchpoint->name, x + CARD_PAD, y, inner - star,
                       size * 1.1, 0, paint ? &p->theme->title : none, PANGO_ALIGN_LEFT) + 4;
  if (touchpoint->channel != NULL && touchpoint->channel[0] != '\0')
    y += _tp_story_text (p, TP_FONT_CAPTION, touchpoint->channel, x + CARD_PAD + 34, y + 2,
                         inner - 34, size, 0, paint ? &p->theme->caption : none,
                         PANGO_ALIGN_LEFT) + 8;
  else
    y += size * 1.2 + 8;  /* the emotion's face keeps a line of its own, off the name */
  if (paint)
    _tp_paint_face_marker (p->cr, p->theme, x + CARD_PAD + 13, y - 8 - size * 0.5, 13,
                           touchpoint->emotion, &p->theme->panel);
  y += _tp_story_text (p, TP_FONT_CELL, touchpoint->action, x + CARD_PAD, y, inner, size, 0,
                       paint ? &p->theme->cell_text : none, PANGO_ALIGN_LEFT);
  y += touchpoint->action != NULL && touchpoint->action[0] != '\0' ? 10 : 0;
  y += paint_chips (p, touchpoint->pains, &p->theme->pain, x + CARD_PAD, y, inner, size, paint);
  y += paint_chips (p, touchpoint->opportunities, &p->theme->opportunity, x + CARD_PAD, y,
                    inner, size, paint);
  return y - top + CARD_PAD;
}

void
_tp_story_paint_stage (StoryPainter      *p,
                       TpDocument        *document,
                       TpStory           *story,
                       const TpStoryStep *step,
                       double             top)
{
  TpStage *stage = tp_document_lookup_kind (document, step->stage, TP_ITEM_STAGE);
  TpRect strip = { STORY_MARGIN_X, top, STORY_WIDTH - 2 * STORY_MARGIN_X, STRIP_HEIGHT };
  double y, width, left, room, size = STORY_ITEM_MIN, tallest = 0;

  if (stage == NULL)
    return;

  if (stage->job != NULL && stage->job[0] != '\0')
    {
      top += _tp_story_text (p, TP_FONT_JOB, stage->job, STORY_MARGIN_X, top - 16,
                             STORY_WIDTH - 2 * STORY_MARGIN_X, 20, 2, &p->theme->job_text,
                             PANGO_ALIGN_LEFT) - 4;
      strip.y = top;
    }
  paint_strip (p, document, step, &strip);

  y = strip.y + strip.height + 14;
  room = STORY_BOTTOM + 8 - y;
  width = MIN (CARD_MAX, (strip.width - (step->n_items - 1) * CARD_GAP) / MAX (1, step->n_items));
  left = STORY_MARGIN_X;

  /* The largest text size (24 units, down to the floor) at which every card fits. */
  for (; size >= STORY_ITEM_MIN * MIN_FACTOR; size -= 1)
    {
      tallest = 0;
      for (guint i = step->first; i < step->first + step->n_items && i < stage->touchpoints->len; i++)
        tallest = MAX (tallest, paint_card (p, stage, g_ptr_array_index (stage->touchpoints, i),
                                            0, 0, width, 0, size, FALSE));
      if (tallest <= room)
        break;
    }
  size = MAX (size, STORY_ITEM_MIN * MIN_FACTOR);

  for (guint i = step->first; i < step->first + step->n_items && i < stage->touchpoints->len; i++)
    {
      paint_card (p, stage, g_ptr_array_index (stage->touchpoints, i), left, y, width,
                  MIN (tallest, room), size, TRUE);
      left += width + CARD_GAP;
    }
}

/* The expectation and experience bars of a moment, labelled, and its gap as a pill, at
 * text size size; returns the height, painting only when paint. */
static double
paint_gap (StoryPainter       *p,
           const TpTouchpoint *touchpoint,
           double              x,
           double              y,
           double              width,
           double              size,
           gboolean            paint)
{
  const char *labels[2] = {
    /* Translators: the bar of a moment of truth's expected score (1–5). */
    C_("gap", "Expected"),
    /* Translators: the bar of a moment of truth's experienced score (1–5). */
    C_("gap", "Experienced"),
  };
  guint scores[2] = { touchpoint->expectation, touchpoint->experience };
  int gap = (int) touchpoint->expectation - (int) touchpoint->experience;
  const TpColour *severity = tp_theme_get_gap_colour (p->theme, gap);
  double k = size / STORY_ITEM_MIN;
  double label_width = 190 * k, bar_width = width - label_width - 70 * k, top = y;

  if (touchpoint->expectation == 0 || touchpoint->experience == 0)
    return _tp_story_text (p, TP_FONT_NOTE, _("Expectation and experience not scored yet"),
                           x, y, width, size, 0, paint ? &p->theme->hint : NULL,
                           PANGO_ALIGN_LEFT);

  for (guint i = 0; i < 2 && paint; i++)
    {
      g_autofree char *score = g_strdup_printf ("%u", scores[i]);
      TpRect track = { x + label_width, y + 8 * k, bar_width, 20 * k };
      TpRect fill = track;

      _tp_story_text (p, TP_FONT_NOTE, labels[i], x, y, label_width - 12, size, 1,
                      &p->theme->title, PANGO_ALIGN_LEFT);
      _tp_rounded_rect (p->cr, &track, track.height / 2);
      tp_colour_set_source (p->cr, &p->theme->bar_track);
      cairo_fill (p->cr);
      fill.width = bar_width * CLAMP (scores[i], TP_SCORE_MIN, TP_SCORE_MAX) / TP_SCORE_MAX;
      _tp_rounded_rect (p->cr, &fill, fill.height / 2);
      tp_colour_set_source (p->cr, i == 0 ? &p->theme->expectation : severity);
      cairo_fill (p->cr);
      _tp_story_text (p, TP_FONT_FIGURE, score, x + label_width + bar_width + 16 * k, y,
                      54 * k, size, 1, &p->theme->title, PANGO_ALIGN_LEFT);
      y += 44 * k;
    }
  if (!paint)
    y += 2 * 44 * k;

  if (paint)
    {
      g_autofree char *number = g_strdup_printf ("%s%d", gap < 0 ? "−" : "", ABS (gap));
      /* Translators: a moment of truth's gap, expectation minus experience ("Gap 3"). */
      g_autofree char *text = g_strdup_printf (C_("gap", "Gap %s"), number);
      double text_width = _tp_story_text_width (p, TP_FONT_TAG, text, size);
      TpRect pill = { x, y + 4 * k, text_width + 32 * k, 40 * k };

      _tp_rounded_rect (p->cr, &pill, pill.height / 2);
      tp_colour_set_source (p->cr, severity);
      cairo_fill (p->cr);
      _tp_story_text (p, TP_FONT_TAG, text, pill.x + 16 * k, pill.y + 7 * k, text_width + 2,
                      size, 1, &p->theme->panel, PANGO_ALIGN_LEFT);
    }
  y += 52 * k;
  return y - top;
}

/* A moment's gap, strategy, scores and action plan in the column beside its card, at
 * text size size; returns the height, painting only when paint. */
static double
paint_moment_details (StoryPainter       *p,
                      const TpTouchpoint *touchpoint,
                      double              x,
                      double              y,
                      double              width,
                      double              size,
                      gboolean            paint)
{
  double top = y, k = size / STORY_ITEM_MIN;

  y += paint_gap (p, touchpoint, x, y, width, size, paint) + 16 * k;

  if (touchpoint->strategy != TP_STRATEGY_NONE)
    {
      /* Translators: a moment of truth's strategy on a story step ("Strategy: Proactive"). */
      g_autofree char *text = g_strdup_printf (_("Strategy: %s"),
                                               tp_enum_get_label (TP_ENUM_STRATEGY,
                                                                  touchpoint->strategy));

      y += _tp_story_text (p, TP_FONT_NOTE, text, x, y, width, size, 0,
                           paint ? &p->theme->title : NULL, PANGO_ALIGN_LEFT) + 8 * k;
    }
  if (touchpoint->impact > 0 || touchpoint->feasibility > 0)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      /* Translators: a moment of truth's impact score (1–5) on a story step. */
      if (touchpoint->impact > 0)
        g_string_append_printf (text, _("Impact %u"), touchpoint->impact);
      if (touchpoint->feasibility > 0)
        {
          if (text->len > 0)
            g_string_append (text, " · ");
          /* Translators: a moment of truth's feasibility score (1–5) on a story step. */
          g_string_append_printf (text, _("Feasibility %u"), touchpoint->feasibility);
        }

      y += _tp_story_text (p, TP_FONT_CAPTION, text->str, x, y, width, size * 0.85, 0,
                           paint ? &p->theme->caption : NULL, PANGO_ALIGN_LEFT) + 16 * k;
    }

  if (touchpoint->actions->len > 0)
    {
      y += _tp_story_text (p, TP_FONT_BLOCK_TITLE, _("Actions"), x, y, width, size * 1.08, 1,
                           paint ? &p->theme->title : NULL, PANGO_ALIGN_LEFT) + 8 * k;
      for (guint i = 0; i < touchpoint->actions->len; i++)
        {
          const TpActionItem *action = g_ptr_array_index (touchpoint->actions, i);
          g_autofree char *line = NULL;

          if (action->owner != NULL && action->owner[0] != '\0')
            line = g_strdup_printf ("%s — %s (%s)", action->what, action->owner,
                                    tp_enum_get_label (TP_ENUM_ACTION_STATUS, action->status));
          else
            line = g_strdup_printf ("%s (%s)", action->what,
                                    tp_enum_get_label (TP_ENUM_ACTION_STATUS, action->status));
          if (paint)
            {
              cairo_new_sub_path (p->cr);
              cairo_arc (p->cr, x + 6 * k, y + 15 * k, 5 * k, 0, 2 * G_PI);
              tp_colour_set_source (p->cr, &p->theme->title);
              cairo_fill (p->cr);
            }
          y += _tp_story_text (p, TP_FONT_NOTE, line, x + 22 * k, y, width - 22 * k, size, 0,
                               paint ? &p->theme->cell_text : NULL, PANGO_ALIGN_LEFT) + 8 * k;
        }
    }
  return y - top;
}

/* A moment step: its card on the left, its gap, strategy and actions beside, both at
 * the largest text (up to MOMENT_SIZE_MAX) at which both fit: at 24 units a moment
 * with a short plan left the slide's lower half empty. */
void
_tp_story_paint_moment (StoryPainter      *p,
                        TpDocument        *document,
                        const TpStoryStep *step,
                        double             top)
{
  TpTouchpoint *touchpoint = tp_document_lookup_kind (document, step->touchpoint,
                                                      TP_ITEM_TOUCHPOINT);
  TpStage *stage = tp_document_lookup_kind (document, step->stage, TP_ITEM_STAGE);
  double card_width = 480, right_x = STORY_MARGIN_X + card_width + 48;
  double right_width = STORY_WIDTH - STORY_MARGIN_X - right_x, size = MOMENT_SIZE_MAX;
  double room = STORY_BOTTOM - top, height;

  if (touchpoint == NULL || stage == NULL)
    return;

  for (; size > STORY_ITEM_MIN * MIN_FACTOR; size -= 1)
    if (paint_card (p, stage, touchpoint, 0, 0, card_width, 0, size, FALSE) <= room &&
        (size <= STORY_ITEM_MIN ||
         paint_moment_details (p, touchpoint, right_x, 0, right_width, size, FALSE) <= room))
      break;
  height = paint_card (p, stage, touchpoint, 0, 0, card_width, 0, size, FALSE);
  paint_card (p, stage, touchpoint, STORY_MARGIN_X, top, card_width, MIN (height, room), size,
              TRUE);
  paint_moment_details (p, touchpoint, right_x, top, right_width, MAX (size, STORY_ITEM_MIN),
                        TRUE);
}
