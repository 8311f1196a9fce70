/* tp-story-page-alignment.c: an alignment step as rows in large type
 *
 * The alignment page's matrix and gap columns, scaled whole onto a slide, left their
 * words at 8 to 14 px at 1280 × 720: the columns' widths hold the scale down. A story
 * step shows instead a few of the rows the core cut (tp_story_get_alignment_rows()): a
 * link as "note → touchpoint · stage", a gap as its note, touchpoint, block or stage
 * under its kind's heading, each with the colour it has on the board, at 24 px or more.
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/tp-enums.h"
#include "tp-story-page-private.h"

#define ROW_GAP     14.0
#define SWATCH      14.0   /* the board colour's square before a row */
#define ARROW_WIDTH 56.0
/* As large as the analysis's rows: seven links of a line at 32 left a third empty. */
#define ROW_SIZE_MAX    36.0

static const char *
get_kind_heading (TpStoryRowKind kind)
{
  /* The alignment page's own headings for its gap lists. */
  switch (kind)
    {
    case TP_STORY_ROW_UNLINKED_NOTE:
      return _("Canvas notes no touchpoint delivers");
    case TP_STORY_ROW_UNSUPPORTED_TOUCHPOINT:
      return _("Touchpoints no canvas note supports");
    case TP_STORY_ROW_UNOWNED_MOMENT:
      return _("Moments of truth no part of the business owns");
    case TP_STORY_ROW_EMPTY_BLOCK:
      return _("Canvas blocks without a link");
    case TP_STORY_ROW_EMPTY_STAGE:
      return _("Stages without a link");
    case TP_STORY_ROW_LINK:
    default:
      return NULL;
    }
}

/* "Touchpoint · Stage" */
static char *
dup_touchpoint_text (const TpTouchpoint *touchpoint,
                     const TpStage      *stage)
{
  if (stage == NULL)
    return g_strdup (touchpoint->name);
  return g_strdup_printf ("%s · %s", touchpoint->name, stage->name);
}

static void
paint_swatch (StoryPainter   *p,
              double          x,
              double          y,
              double          size,
              const TpColour *colour)
{
  if (colour == NULL)
    return;
  /* On the first line's middle. */
  cairo_rectangle (p->cr, x, y + size * 0.65 - SWATCH / 2, SWATCH, SWATCH);
  tp_colour_set_source (p->cr, colour);
  cairo_fill_preserve (p->cr);
  tp_colour_set_source (p->cr, &p->theme->note_edge);
  cairo_set_line_width (p->cr, 1);
  cairo_stroke (p->cr);
}

static const TpColour *
stage_tint (StoryPainter  *p,
            const TpStage *stage)
{
  return stage != NULL ? &p->theme->stage_tints[stage->colour % TP_N_STAGE_TINTS] : NULL;
}

/* A link: its note on the left, an arrow, its touchpoint and stage on the right.
 * Returns the row's height; paints only when paint. */
static double
place_link (StoryPainter     *p,
            const TpStoryRow *row,
            double            y,
            double            size,
            gboolean          paint)
{
  double width = STORY_WIDTH - 2 * STORY_MARGIN_X;
  double left_x = STORY_MARGIN_X + SWATCH + 12;
  double column = (width - SWATCH - 12 - ARROW_WIDTH) / 2;
  double right_x = left_x + column + ARROW_WIDTH;
  g_autofree char *target = dup_touchpoint_text (row->touchpoint, row->stage);
  const TpColour *ink = paint ? &p->theme->title : NULL;
  double left, right;

  if (paint)
    {
      paint_swatch (p, STORY_MARGIN_X, y, size, &p->theme->notes[row->note->colour]);
      _tp_story_text (p, TP_FONT_NOTE, "→", left_x + column, y, ARROW_WIDTH, size, 1,
                      &p->theme->link, PANGO_ALIGN_CENTER);
    }
  left = _tp_story_text (p, TP_FONT_NOTE, row->note->text, left_x, y, column, size, 0, ink,
                         PANGO_ALIGN_LEFT);
  right = _tp_story_text (p, TP_FONT_CARD_TITLE, target, right_x, y, column, size, 0, ink,
                          PANGO_ALIGN_LEFT);
  return MAX (left, right);
}

/* A gap: the note, touchpoint, block or stage it is about. */
static double
place_gap (StoryPainter     *p,
           const TpStoryRow *row,
           double            y,
           double            size,
           gboolean          paint)
{
  double x = STORY_MARGIN_X + SWATCH + 12, width = STORY_WIDTH - STORY_MARGIN_X - x;
  g_autofree char *text = NULL;
  const TpColour *swatch = NULL;

  switch (row->kind)
    {
    case TP_STORY_ROW_UNLINKED_NOTE:
      text = g_strdup (row->note->text);
      swatch = &p->theme->notes[row->note->colour];
      break;
    case TP_STORY_ROW_UNSUPPORTED_TOUCHPOINT:
    case TP_STORY_ROW_UNOWNED_MOMENT:
      text = dup_touchpoint_text (row->touchpoint, row->stage);
      swatch = stage_tint (p, row->stage);
      break;
    case TP_STORY_ROW_EMPTY_BLOCK:
      text = g_strdup_printf ("%u %s", tp_container_get_number (row->container),
                              tp_enum_get_label (TP_ENUM_CONTAINER, row->container));
      break;
    case TP_STORY_ROW_EMPTY_STAGE:
      text = g_strdup (row->stage->name);
      swatch = stage_tint (p, row->stage);
      break;
    case TP_STORY_ROW_LINK:
    default:
      return 0;
    }

  if (paint)
    paint_swatch (p, STORY_MARGIN_X, y, size, swatch);
  return _tp_story_text (p, TP_FONT_NOTE, text, x, y, width, size, 0,
                         paint ? &p->theme->title : NULL, PANGO_ALIGN_LEFT);
}

/* The step's rows from top at size, each gap kind under its heading. Returns the
 * height they take; paints only when paint. */
static double
place_rows (StoryPainter      *p,
            GArray            *rows,
            const TpStoryStep *step,
            double             top,
            double             size,
            gboolean           paint)
{
  double y = top;
  int kind = -1;

  for (guint i = step->first; i < step->first + step->n_items && i < rows->len; i++)
    {
      const TpStoryRow *row = &g_array_index (rows, TpStoryRow, i);
      const char *heading = get_kind_heading (row->kind);

      if ((int) row->kind != kind && heading != NULL)
        {
          if (kind != -1)
            y += ROW_GAP;
          y += _tp_story_text (p, TP_FONT_BLOCK_TITLE, heading, STORY_MARGIN_X, y,
                               STORY_WIDTH - 2 * STORY_MARGIN_X, size, 2,
                               paint ? &p->theme->hint : NULL, PANGO_ALIGN_LEFT) + 8;
        }
      kind = row->kind;
      y += (row->kind == TP_STORY_ROW_LINK ? place_link : place_gap) (p, row, y, size, paint);
      y += ROW_GAP;
      if (paint && i + 1 < step->first + step->n_items && i + 1 < rows->len)
        {
          cairo_move_to (p->cr, STORY_MARGIN_X, y - ROW_GAP / 2);
          cairo_line_to (p->cr, STORY_WIDTH - STORY_MARGIN_X, y - ROW_GAP / 2);
          tp_colour_set_source (p->cr, &p->theme->hairline);
          cairo_set_line_width (p->cr, 1);
          cairo_stroke (p->cr);
        }
    }
  return y - top;
}

void
_tp_story_paint_alignment (StoryPainter      *p,
                           TpDocument        *document,
                           const TpStoryStep *step,
                           double             top)
{
  g_autoptr(GArray) rows = tp_story_get_alignment_rows (document, step->section);
  double size = ROW_SIZE_MAX;

  /* The largest text that fits, down to the floor: the core cut the rows so that a
   * step's rows fit at it. */
  for (; size > STORY_ITEM_MIN; size -= 1)
    if (place_rows (p, rows, step, top, size, FALSE) <= STORY_BOTTOM - top)
      break;
  place_rows (p, rows, step, top, size, TRUE);
}
