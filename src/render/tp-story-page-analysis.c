/* tp-story-page-analysis.c: an analysis step as rows in large type
 *
 * The analysis page's sections, scaled whole onto a slide, left their words at 8 to
 * 13 px at 1280 × 720: a table's many columns hold the scale down. A story step shows
 * instead a few of the rows the core cut (tp_story_get_analysis_rows()), each with only
 * what the room discusses, at 24 px or more: a moment of truth with its expectation and
 * experience as bars and its gap; a need and its Kano category; a KPI, its figure and
 * its target; a stage's job and mean emotion, or a pain peak and its pains; an item and
 * its dots.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "analysis/tp-kano.h"
#include "analysis/tp-kpi-value.h"
#include "model/tp-enums.h"
#include "tp-painter-private.h"
#include "tp-story-page-private.h"

#define ROW_GAP       16.0
#define ROW_SIZE_MAX  36.0
#define LEFT          STORY_MARGIN_X
#define RIGHT         (STORY_WIDTH - STORY_MARGIN_X)
#define MARK          30.0   /* the swatch or face before a row's text, and its gap */
#define DOTS_MAX      10     /* dots drawn for a voted item; its count says the rest */

typedef struct
{
  StoryPainter *p;
  double        size;    /* the rows' text, in units */
  gboolean      paint;
} Rows;

static double
text (Rows           *r,
      TpFontRole      role,
      const char     *string,
      double          x,
      double          y,
      double          width,
      double          size,
      const TpColour *colour,
      PangoAlignment  alignment)
{
  return _tp_story_text (r->p, role, string, x, y, width, size, 0, r->paint ? colour : NULL,
                         alignment);
}

/* A square of the item's colour on the first line's middle. */
static void
paint_swatch (Rows           *r,
              double          y,
              const TpColour *colour)
{
  double side = r->size * 0.6;

  if (!r->paint || colour == NULL)
    return;
  cairo_rectangle (r->p->cr, LEFT, y + r->size * 0.65 - side / 2, side, side);
  tp_colour_set_source (r->p->cr, colour);
  cairo_fill_preserve (r->p->cr);
  tp_colour_set_source (r->p->cr, &r->p->theme->note_edge);
  cairo_set_line_width (r->p->cr, 1);
  cairo_stroke (r->p->cr);
}

static void
paint_face (Rows   *r,
            double  y,
            double  emotion)
{
  if (r->paint && !isnan (emotion))
    _tp_paint_face_marker (r->p->cr, r->p->theme, LEFT + r->size * 0.5, y + r->size * 0.65,
                           r->size * 0.5, emotion, &r->p->theme->panel);
}

/* A text on a rounded pill of fill, right-aligned at right; returns the pill's width. */
static double
paint_pill (Rows           *r,
            const char     *string,
            double          right,
            double          y,
            const TpColour *fill,
            const TpColour *ink)
{
  double width = _tp_story_text_width (r->p, TP_FONT_TAG, string, r->size);
  TpRect pill = { right - width - r->size, y, width + r->size, r->size * 1.4 };

  if (r->paint)
    {
      _tp_rounded_rect (r->p->cr, &pill, pill.height / 2);
      tp_colour_set_source (r->p->cr, fill);
      cairo_fill (r->p->cr);
      _tp_story_text (r->p, TP_FONT_TAG, string, pill.x + r->size / 2, y + r->size * 0.15,
                      width + 2, r->size, 1, ink, PANGO_ALIGN_LEFT);
    }
  return pill.width;
}

static const TpColour *
stage_tint (StoryPainter  *p,
            const TpStage *stage)
{
  return stage != NULL ? &p->theme->stage_tints[stage->colour % TP_N_STAGE_TINTS] : NULL;
}

/* The name over its stage's, in the row's left column. */
static double
place_name (Rows          *r,
            const char    *name,
            const TpStage *stage,
            double         y,
            double         width)
{
  double height = text (r, TP_FONT_CARD_TITLE, name, LEFT + MARK, y, width, r->size,
                        &r->p->theme->title, PANGO_ALIGN_LEFT);

  if (stage != NULL)
    height += text (r, TP_FONT_CAPTION, stage->name, LEFT + MARK, y + height, width, r->size,
                    &r->p->theme->caption, PANGO_ALIGN_LEFT);
  return height;
}

/* A moment of truth: its name and stage; its expectation and experience as bars with
 * their scores; its gap as a pill in its severity's colour. */
static double
place_moment (Rows             *r,
              const TpStoryRow *row,
              double            y)
{
  const TpTouchpoint *touchpoint = row->touchpoint;
  const char *labels[2] = { C_("gap", "Expected"), C_("gap", "Experienced") };
  guint scores[2] = { touchpoint->expectation, touchpoint->experience };
  int gap = (int) touchpoint->expectation - (int) touchpoint->experience;
  const TpColour *severity = tp_theme_get_gap_colour (r->p->theme, gap);
  double bars_x = 470, label_width = r->size * 6.4, line = r->size * 1.45;
  double bar_x = bars_x + label_width, bar_width = 1050 - bar_x - r->size * 1.2;
  double left, bars = 0;

  paint_swatch (r, y, stage_tint (r->p, row->stage));
  left = place_name (r, touchpoint->name, row->stage, y, bars_x - 24 - LEFT - MARK);

  if (touchpoint->expectation == 0 || touchpoint->experience == 0)
    return MAX (left, text (r, TP_FONT_NOTE, _("Expectation and experience not scored yet"),
                            bars_x, y, RIGHT - bars_x, r->size, &r->p->theme->hint,
                            PANGO_ALIGN_LEFT));

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *score = g_strdup_printf ("%u", scores[i]);
      TpRect track = { bar_x, y + bars + line * 0.22, bar_width, line * 0.56 };
      TpRect fill = track;

      text (r, TP_FONT_NOTE, labels[i], bars_x, y + bars, label_width - 12, r->size,
            &r->p->theme->title, PANGO_ALIGN_LEFT);
      if (r->paint)
        {
          _tp_rounded_rect (r->p->cr, &track, track.height / 2);
          tp_colour_set_source (r->p->cr, &r->p->theme->bar_track);
          cairo_fill (r->p->cr);
          fill.width = bar_width * CLAMP (scores[i], TP_SCORE_MIN, TP_SCORE_MAX) / TP_SCORE_MAX;
          _tp_rounded_rect (r->p->cr, &fill, fill.height / 2);
          tp_colour_set_source (r->p->cr, i == 0 ? &r->p->theme->expectation : severity);
          cairo_fill (r->p->cr);
        }
      text (r, TP_FONT_FIGURE, score, bar_x + bar_width + 10, y + bars, r->size * 1.4, r->size,
            &r->p->theme->title, PANGO_ALIGN_LEFT);
      bars += line;
    }

  {
    g_autofree char *number = g_strdup_printf ("%s%d", gap < 0 ? "−" : "", ABS (gap));
    g_autofree char *label = g_strdup_printf (C_("gap", "Gap %s"), number);

    paint_pill (r, label, RIGHT, y + (bars - r->size * 1.4) / 2, severity,
                tp_theme_get_text_on (r->p->theme, severity));
  }
  return MAX (left, bars);
}

/* A need: its words, where it was heard, and its Kano category as a tag in the
 * category's colour. */
static double
place_need (Rows             *r,
            const TpStoryRow *row,
            double            y)
{
  TpKanoCategory category = tp_kano_get_category (row->need);
  const char *label = category != TP_KANO_NONE
                      ? tp_enum_get_label (TP_ENUM_KANO_CATEGORY, category)
                      /* Translators: a need without a Kano category, on a story step. */
                      : _("Not classified");
  const TpColour *colour = category != TP_KANO_NONE ? &r->p->theme->kano[category]
                                                    : &r->p->theme->bar_track;
  g_autofree char *where = g_strdup_printf ("%s · %s", row->touchpoint->name,
                                            row->stage != NULL ? row->stage->name : "");
  double tag_width = _tp_story_text_width (r->p, TP_FONT_TAG, label, r->size) + r->size;
  double height;

  /* The need over where it was heard, in one column: words side by side in columns of
   * their own read out of order (a PDF's text, a screen reader). */
  paint_swatch (r, y, colour);
  height = text (r, TP_FONT_NOTE, row->need->text, LEFT + MARK, y,
                 RIGHT - tag_width - 32 - LEFT - MARK, r->size, &r->p->theme->title,
                 PANGO_ALIGN_LEFT);
  height += text (r, TP_FONT_CAPTION, where, LEFT + MARK, y + height,
                  RIGHT - tag_width - 32 - LEFT - MARK, r->size, &r->p->theme->caption,
                  PANGO_ALIGN_LEFT);
  paint_pill (r, label, RIGHT, y, colour, tp_theme_get_text_on (r->p->theme, colour));
  return MAX (height, r->size * 1.4);
}

/* A KPI: its name and what it measures, its figure large, its target, and whether it
 * is met. */
static double
place_kpi (Rows             *r,
           const TpStoryRow *row,
           double            y)
{
  const TpKpi *kpi = row->kpi;
  TpKpiValue value, target_value = { .value = kpi->target };
  g_autofree char *figure = NULL;
  g_autofree char *target = NULL;
  g_autofree char *scope = NULL;
  double height, figure_x = 700, target_x = 900;

  tp_kpi_compute (kpi, &value);
  figure = tp_kpi_format_value (kpi, &value);
  if (isfinite (kpi->target))
    {
      g_autofree char *number = tp_kpi_format_value (kpi, &target_value);

      /* Translators: a KPI's target on a story step, "target ≥ 60 %". */
      target = g_strdup_printf (_("target %s %s"),
                                kpi->direction == TP_DIRECTION_LOWER ? "≤" : "≥", number);
    }
  scope = row->touchpoint != NULL
          ? g_strdup_printf ("%s · %s", row->touchpoint->name, row->stage->name)
          : g_strdup (row->stage->name);

  paint_swatch (r, y, stage_tint (r->p, row->stage));
  height = text (r, TP_FONT_CARD_TITLE, kpi->name, LEFT + MARK, y, figure_x - 24 - LEFT - MARK,
                 r->size, &r->p->theme->title, PANGO_ALIGN_LEFT);
  height += text (r, TP_FONT_CAPTION, scope, LEFT + MARK, y + height,
                  figure_x - 24 - LEFT - MARK, r->size, &r->p->theme->caption, PANGO_ALIGN_LEFT);
  height = MAX (height, text (r, TP_FONT_FIGURE, figure, figure_x, y, target_x - figure_x - 16,
                              r->size * 1.2, &r->p->theme->title, PANGO_ALIGN_RIGHT));
  if (target != NULL)
    {
      gboolean known = value.has_target && !isnan (value.value);
      const TpColour *ink = !known ? &r->p->theme->caption
                            : tp_theme_get_gap_colour (r->p->theme, value.met ? 0 : 3);
      g_autofree char *line = g_strdup_printf ("%s%s", known ? (value.met ? "✓ " : "✗ ") : "",
                                               target);

      height = MAX (height, text (r, TP_FONT_NOTE, line, target_x, y + r->size * 0.1,
                                  RIGHT - target_x, r->size, ink, PANGO_ALIGN_LEFT));
    }
  return height;
}

/* A stage: the face of its mean emotion, its name and that emotion, its job to be done
 * under them (in one column, so that its words read in order in a PDF's text too). */
static double
place_stage (Rows             *r,
             const TpStoryRow *row,
             double            y)
{
  const TpStage *stage = row->stage;
  double emotion = 0, height;
  guint n = stage->touchpoints->len;
  g_autofree char *heading = NULL;

  for (guint i = 0; i < n; i++)
    emotion += ((TpTouchpoint *) g_ptr_array_index (stage->touchpoints, i))->emotion;
  if (n > 0)
    /* Translators: a stage and its touchpoints' mean emotion on a story step. */
    heading = g_strdup_printf (_("%s · mean emotion %s%.1f"), stage->name,
                               emotion < 0 ? "−" : "+", fabs (emotion / n));
  paint_face (r, y, n > 0 ? emotion / n : NAN);
  height = text (r, TP_FONT_CARD_TITLE, heading != NULL ? heading : stage->name,
                 LEFT + MARK + 6, y, RIGHT - LEFT - MARK - 6, r->size, &r->p->theme->title,
                 PANGO_ALIGN_LEFT);
  if (stage->job != NULL && stage->job[0] != '\0')
    height += 4 + text (r, TP_FONT_JOB, stage->job, LEFT + MARK + 6, y + height + 4,
                        RIGHT - LEFT - MARK - 6, r->size, &r->p->theme->job_text,
                        PANGO_ALIGN_LEFT);
  return height;
}

/* A pain peak: the face of its emotion, the touchpoint and stage, its pains under. */
static double
place_pain_peak (Rows             *r,
                 const TpStoryRow *row,
                 double            y)
{
  const TpTouchpoint *touchpoint = row->touchpoint;
  g_autoptr(GString) pains = g_string_new (NULL);
  g_autofree char *name = g_strdup_printf ("%s · %s", touchpoint->name,
                                           row->stage != NULL ? row->stage->name : "");
  double height;

  for (guint i = 0; i < touchpoint->pains->len; i++)
    g_string_append_printf (pains, "%s%s", i > 0 ? "; " : "",
                            (const char *) g_ptr_array_index (touchpoint->pains, i));
  paint_face (r, y, touchpoint->emotion);
  height = text (r, TP_FONT_CARD_TITLE, name, LEFT + MARK + 6, y, RIGHT - LEFT - MARK - 6,
                 r->size, &r->p->theme->title, PANGO_ALIGN_LEFT);
  if (pains->len > 0)
    height += text (r, TP_FONT_NOTE, pains->str, LEFT + MARK + 6, y + height,
                    RIGHT - LEFT - MARK - 6, r->size, &r->p->theme->cell_text,
                    PANGO_ALIGN_LEFT);
  return height;
}

/* A voted item: its words, where it is on the board, its dots and their count. */
static double
place_voted (Rows             *r,
             const TpStoryRow *row,
             double            y)
{
  const char *words = row->note != NULL ? row->note->text : row->touchpoint->name;
  const char *where = row->note != NULL ? tp_enum_get_label (TP_ENUM_CONTAINER, row->container)
                      : row->stage != NULL ? row->stage->name : "";
  g_autofree char *count = g_strdup_printf ("%u", row->votes);
  double dot = r->size * 0.42, count_width = r->size * 1.6, height;
  double dots_x = 900;

  paint_swatch (r, y, row->note != NULL ? &r->p->theme->notes[row->note->colour]
                                        : stage_tint (r->p, row->stage));
  height = text (r, row->note != NULL ? TP_FONT_NOTE : TP_FONT_CARD_TITLE, words, LEFT + MARK, y,
                 dots_x - 24 - LEFT - MARK, r->size, &r->p->theme->title, PANGO_ALIGN_LEFT);
  height += text (r, TP_FONT_CAPTION, where, LEFT + MARK, y + height, dots_x - 24 - LEFT - MARK,
                  r->size, &r->p->theme->caption, PANGO_ALIGN_LEFT);
  if (r->paint)
    for (guint i = 0; i < MIN (row->votes, DOTS_MAX); i++)
      {
        cairo_new_sub_path (r->p->cr);
        cairo_arc (r->p->cr, dots_x + dot + i * dot * 2.6, y + r->size * 0.65, dot, 0, 2 * G_PI);
        tp_colour_set_source (r->p->cr, &r->p->theme->moment_of_truth);
        cairo_fill (r->p->cr);
      }
  text (r, TP_FONT_FIGURE, count, RIGHT - count_width, y, count_width, r->size * 1.1,
        &r->p->theme->title, PANGO_ALIGN_RIGHT);
  return height;
}

static const char *
get_heading (TpStoryRowKind kind)
{
  switch (kind)
    {
    case TP_STORY_ROW_STAGE:
      /* Translators: over a story step's stages, each with its job and mean emotion. */
      return _("Jobs to be done and mean emotions");
    case TP_STORY_ROW_PAIN_PEAK:
      return _("Pain peaks");
    default:
      return NULL;
    }
}

/* The step's rows from top at r->size, a heading over each kind that has one. Returns
 * the height they take. */
static double
place_rows (Rows              *r,
            GArray            *rows,
            const TpStoryStep *step,
            double             top)
{
  double y = top;
  int kind = -1;

  for (guint i = step->first; i < step->first + step->n_items && i < rows->len; i++)
    {
      const TpStoryRow *row = &g_array_index (rows, TpStoryRow, i);
      const char *heading = get_heading (row->kind);

      if ((int) row->kind != kind && heading != NULL)
        {
          if (kind != -1)
            y += ROW_GAP;
          y += text (r, TP_FONT_BLOCK_TITLE, heading, LEFT, y, RIGHT - LEFT, r->size,
                     &r->p->theme->hint, PANGO_ALIGN_LEFT) + 8;
        }
      kind = row->kind;
      switch (row->kind)
        {
        case TP_STORY_ROW_MOMENT:
          y += place_moment (r, row, y);
          break;
        case TP_STORY_ROW_NEED:
          y += place_need (r, row, y);
          break;
        case TP_STORY_ROW_KPI:
          y += place_kpi (r, row, y);
          break;
        case TP_STORY_ROW_STAGE:
          y += place_stage (r, row, y);
          break;
        case TP_STORY_ROW_PAIN_PEAK:
          y += place_pain_peak (r, row, y);
          break;
        case TP_STORY_ROW_VOTED:
          y += place_voted (r, row, y);
          break;
        default:
          break;
        }
      y += ROW_GAP;
      if (r->paint && i + 1 < step->first + step->n_items && i + 1 < rows->len)
        {
          cairo_move_to (r->p->cr, LEFT, y - ROW_GAP / 2);
          cairo_line_to (r->p->cr, RIGHT, y - ROW_GAP / 2);
          tp_colour_set_source (r->p->cr, &r->p->theme->hairline);
          cairo_set_line_width (r->p->cr, 1);
          cairo_stroke (r->p->cr);
        }
    }
  return y - top;
}

void
_tp_story_paint_analysis (StoryPainter      *p,
                          TpDocument        *document,
                          const TpStoryStep *step,
                          double             top)
{
  g_autoptr(GArray) rows = tp_story_get_analysis_rows (document, step->section);
  Rows r = { p, ROW_SIZE_MAX, FALSE };

  /* The largest text that fits, down to the floor: the core cut the rows so that a
   * step's rows fit at it. */
  for (; r.size > STORY_ITEM_MIN; r.size -= 1)
    if (place_rows (&r, rows, step, top) <= STORY_BOTTOM - top)
      break;
  r.paint = TRUE;
  place_rows (&r, rows, step, top);
}
