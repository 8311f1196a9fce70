/* tp-layout-journey.c: the customer journey: stages as columns, touchpoints as columns
 * inside them, and labelled rows (swimlanes) running across all of them
 *
 * Every touchpoint column has the same width, so a row is as tall as its tallest cell
 * across the whole journey and every touchpoint's cell of a row lines up with the
 * others'. Texts are measured through the layout's cache, so a relayout after a small
 * change costs arithmetic, not shaping, even for thousands of touchpoints.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tp-layout-private.h"
#include "tp-text.h"

/* Below the stage headers, before the first row. */
#define ROWS_GAP       6.0
/* The smallest card row, so that an empty stage's placeholder and its hint fit. */
#define MIN_CARD       64.0
/* The label column's text inset. */
#define LABEL_PAD      16.0

static TpRect
rect_make (double x,
           double y,
           double width,
           double height)
{
  return (TpRect) { x, y, width, height };
}

static TpRect
rect_offset (const TpRect *rect,
             double        dx,
             double        dy)
{
  if (tp_rect_is_empty (rect))
    return rect_make (0, 0, 0, 0);

  return rect_make (rect->x + dx, rect->y + dy, rect->width, rect->height);
}

/* A card's measurement, kept while its touchpoint stays equal to the copy it was made
 * from. A copy, not a signature: tp_touchpoint_equal() compares every field the model
 * has, so no field the measurement reads can be forgotten here. */
typedef struct
{
  TpTouchpoint    *copy;
  TpTouchpointBox  box;         /* as measure_touchpoint() left it, before placing */
  GPtrArray       *measures;    /* the texts' measurements it was made of */
  guint            used;        /* the layout's generation that last used it */
} CardMemo;

static guint n_measured;

guint
_tp_journey_count_measured (void)
{
  return n_measured;
}

static void
card_memo_free (gpointer data)
{
  CardMemo *memo = data;

  tp_touchpoint_free (memo->copy);
  g_ptr_array_unref (memo->measures);
  g_free (memo);
}

void
_tp_journey_init (TpJourney *journey)
{
  memset (journey, 0, sizeof *journey);
  journey->stages = g_array_new (FALSE, TRUE, sizeof (TpStageBox));
  journey->touchpoints = g_array_new (FALSE, TRUE, sizeof (TpTouchpointBox));
  journey->stage_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  journey->touchpoint_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  /* Keyed by the copy's own id, freed with it. */
  journey->cards = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, card_memo_free);
}

void
_tp_journey_clear (TpJourney *journey)
{
  g_clear_pointer (&journey->stages, g_array_unref);
  g_clear_pointer (&journey->touchpoints, g_array_unref);
  g_clear_pointer (&journey->stage_by_id, g_hash_table_unref);
  g_clear_pointer (&journey->touchpoint_by_id, g_hash_table_unref);
  g_clear_pointer (&journey->cards, g_hash_table_unref);
}

void
_tp_journey_forget_cards (TpJourney *journey)
{
  g_hash_table_remove_all (journey->cards);
}

const char *
tp_journey_row_get_label (TpJourneyRow row)
{
  static const char * const labels[] = {
    N_("Touchpoint"),
    N_("Channel"),
    N_("Customer action"),
    N_("Emotion"),
    N_("Pain points"),
    N_("Opportunities"),
    N_("KPIs"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == TP_N_JOURNEY_ROWS);
  g_return_val_if_fail (row < TP_N_JOURNEY_ROWS, NULL);

  return _(labels[row]);
}

/* Measures everything a touchpoint shows; rects inside the card are relative to it. */
static void
measure_touchpoint (TpLayout        *layout,
                    TpTouchpoint    *touchpoint,
                    TpTouchpointBox *box)
{
  const TpTheme *theme = layout->theme;
  double width = theme->touchpoint_width;
  double inner = width - 2 * TP_JOURNEY_CARD_PAD - 2;
  double name_width = inner - (touchpoint->moment_of_truth ? TP_JOURNEY_STAR_SIZE + 4 : 0);
  double text_x = TP_JOURNEY_CARD_PAD + 2;
  gboolean cut = FALSE;
  double height, body;
  int gap;

  height = _tp_layout_measure_text (layout, TP_FONT_CARD_TITLE, touchpoint->name, name_width,
                                    _tp_journey_lines (layout, TP_JOURNEY_CARD_LINES), NULL,
                                    &box->info.truncated);
  box->info.name = rect_make (text_x, TP_JOURNEY_CARD_PAD, name_width, height);
  body = TP_JOURNEY_CARD_PAD + height;
  if (*touchpoint->channel != '\0')
    {
      body += 2 + _tp_layout_measure_text (layout, TP_FONT_CAPTION, touchpoint->channel, inner,
                                           _tp_journey_lines (layout, 1), NULL, &cut);
      box->info.truncated |= cut;
    }
  box->band = body + TP_JOURNEY_CARD_PAD - 2;
  body = box->band;

  box->info.star = touchpoint->moment_of_truth
                   ? rect_make (width - TP_JOURNEY_CARD_PAD - TP_JOURNEY_STAR_SIZE + 3,
                                TP_JOURNEY_CARD_PAD - 3, TP_JOURNEY_STAR_SIZE,
                                TP_JOURNEY_STAR_SIZE)
                   : rect_make (0, 0, 0, 0);

  if (_tp_journey_get_gap (touchpoint, &gap))
    {
      box->info.gap = rect_make (text_x, body + 8, inner, TP_JOURNEY_GAP_HEIGHT);
      body += 8 + TP_JOURNEY_GAP_HEIGHT;
    }
  else
    box->info.gap = rect_make (0, 0, 0, 0);

  if (touchpoint->needs->len > 0)
    {
      height = _tp_journey_flow_tags (layout, touchpoint->needs, inner, NULL, &box->info.truncated);
      box->tags = rect_make (text_x, body + 8, inner, height);
      body += 8 + height;
    }
  else
    box->tags = rect_make (0, 0, 0, 0);

  /* Dot votes as on a note: a footer of their own, right-aligned, so that they never
   * cover the name, the star or the tags. */
  if (touchpoint->votes > 0)
    {
      double votes_width = _tp_layout_votes_width (layout, touchpoint->votes);

      box->info.votes = rect_make (width - TP_JOURNEY_CARD_PAD - 2 - votes_width, body + 6,
                                   votes_width, TP_LAYOUT_FOOTER_HEIGHT);
      body += 6 + TP_LAYOUT_FOOTER_HEIGHT;
    }
  else
    box->info.votes = rect_make (0, 0, 0, 0);

  if (body > box->band)
    body += TP_JOURNEY_CARD_PAD;
  /* The card is as tall as what it holds: a card of a name and a channel is no more than
   * its tinted band, however tall a neighbour's Kano tags make the row. */
  box->natural[TP_JOURNEY_ROW_TOUCHPOINT] = body;

  box->natural[TP_JOURNEY_ROW_CHANNEL] =
    _tp_layout_measure_text (layout, TP_FONT_CELL, touchpoint->channel, width,
                             _tp_journey_lines (layout, TP_JOURNEY_CHANNEL_LINES), NULL, &cut);
  box->info.truncated |= cut;
  box->natural[TP_JOURNEY_ROW_ACTION] =
    _tp_layout_measure_text (layout, TP_FONT_CELL, touchpoint->action, width,
                             _tp_journey_lines (layout, TP_JOURNEY_ACTION_LINES), NULL, &cut);
  box->info.truncated |= cut;
  box->natural[TP_JOURNEY_ROW_EMOTION] = 0;
  box->natural[TP_JOURNEY_ROW_PAINS] =
    _tp_journey_chips_height (layout, touchpoint->pains, width, &box->info.truncated);
  box->natural[TP_JOURNEY_ROW_OPPORTUNITIES] =
    _tp_journey_chips_height (layout, touchpoint->opportunities, width, &box->info.truncated);
  box->natural[TP_JOURNEY_ROW_KPIS] = _tp_journey_kpis_height (layout, touchpoint->kpis, width,
                                                               &box->info.truncated);
  box->emotion = CLAMP (touchpoint->emotion, TP_EMOTION_MIN, TP_EMOTION_MAX);
}

/* The card's measurement from the memo when its touchpoint did not change since, else
 * measured afresh and remembered. */
static void
measure_card (TpLayout        *layout,
              TpTouchpoint    *touchpoint,
              TpTouchpointBox *box)
{
  TpJourney *journey = &layout->journey;
  CardMemo *memo = g_hash_table_lookup (journey->cards, touchpoint->item.id);

  /* Its measurements may have been freed when an update went by without it. */
  if (memo == NULL || layout->generation - memo->used > 1 ||
      !tp_touchpoint_equal (memo->copy, touchpoint))
    {
      if (memo == NULL)
        {
          memo = g_new0 (CardMemo, 1);
          memo->measures = g_ptr_array_new ();
        }
      else
        g_hash_table_steal (journey->cards, memo->copy->item.id);
      g_clear_pointer (&memo->copy, tp_touchpoint_free);
      memo->copy = tp_touchpoint_copy (touchpoint);
      memset (&memo->box, 0, sizeof memo->box);
      g_ptr_array_set_size (memo->measures, 0);
      layout->recording = memo->measures;
      measure_touchpoint (layout, touchpoint, &memo->box);
      layout->recording = NULL;
      n_measured++;
      g_hash_table_insert (journey->cards, memo->copy->item.id, memo);
    }
  else
    _tp_layout_keep_measures (layout, memo->measures);
  memo->used = layout->generation;

  /* Where the card stands is the caller's; what it measures is the memo's. */
  memo->box.info.stage = box->info.stage;
  memo->box.info.stage_index = box->info.stage_index;
  memo->box.info.index = box->info.index;
  box->info = memo->box.info;
  box->band = memo->box.band;
  box->tags = memo->box.tags;
  memcpy (box->natural, memo->box.natural, sizeof box->natural);
  box->emotion = memo->box.emotion;
}

static gboolean
card_is_gone (gpointer key,
              gpointer value,
              gpointer user_data)
{
  TpLayout *layout = user_data;

  return ((CardMemo *) value)->used != layout->generation;
}

/* Arranging */

static double
stage_width (const TpTheme *theme,
             guint          n_touchpoints)
{
  guint columns = MAX (1, n_touchpoints);

  return 2 * TP_JOURNEY_STAGE_PAD + columns * theme->touchpoint_width
         + (columns - 1) * TP_JOURNEY_COLUMN_GAP;
}

static void
reset (TpLayout *layout,
       double    x,
       double    y)
{
  TpJourney *journey = &layout->journey;

  g_array_set_size (journey->stages, 0);
  g_array_set_size (journey->touchpoints, 0);
  g_hash_table_remove_all (journey->stage_by_id);
  g_hash_table_remove_all (journey->touchpoint_by_id);
  memset (journey->labels, 0, sizeof journey->labels);
  memset (journey->bands, 0, sizeof journey->bands);
  journey->rows = rect_make (0, 0, 0, 0);
  journey->header_y = journey->header_height = journey->kpi_band = journey->emotion_top = 0;
  layout->regions[TP_REGION_JOURNEY] = rect_make (x, y, 0, 0);
  layout->titles[TP_REGION_JOURNEY] = rect_make (x, y, 0, 0);
}

/* Fills the boxes and measures them; returns the content width of all stages and the
 * natural height of each row and of the headers. */
static double
measure_stages (TpLayout   *layout,
                TpDocument *document,
                double     *natural,
                double     *header)
{
  const TpTheme *theme = layout->theme;
  TpJourney *journey = &layout->journey;
  GPtrArray *stages = tp_document_get_stages (document);
  double width = 0;
  guint n_cards = 0;

  /* What every card's measurement depends on besides its touchpoint. */
  if (journey->cards_theme != theme || journey->cards_full_text != layout->full_text)
    {
      g_hash_table_remove_all (journey->cards);
      journey->cards_theme = theme;
      journey->cards_full_text = layout->full_text;
    }

  for (guint s = 0; s < stages->len; s++)
    {
      TpStage *stage = g_ptr_array_index (stages, s);
      TpStageBox box = { 0 };
      TpStageInfo *info = &box.info;
      double sw = stage_width (theme, stage->touchpoints->len);
      double inner = sw - 2 * TP_JOURNEY_HEADER_PAD;
      gboolean cut = FALSE;
      double content;

      box.id = g_string_chunk_insert (layout->ids, stage->item.id);
      box.first = journey->touchpoints->len;
      info->index = s;
      info->n_touchpoints = stage->touchpoints->len;
      /* The stage's own colour, so that inserting or moving stages recolours no other. */
      info->tint = stage->colour % TP_N_STAGE_TINTS;
      /* Sizes now, places later. */
      info->name = rect_make (0, 0, inner,
                              _tp_layout_measure_text (layout, TP_FONT_STAGE_HEADING, stage->name,
                                                       inner,
                                                       _tp_journey_lines (layout,
                                                                          TP_JOURNEY_NAME_LINES),
                                                       NULL, &info->name_truncated));
      content = info->name.height;
      if (stage->job != NULL && *stage->job != '\0')
        {
          info->job = rect_make (0, 0, inner,
                                 _tp_layout_measure_text (layout, TP_FONT_JOB, stage->job, inner,
                                                          _tp_journey_lines (layout,
                                                                             TP_JOURNEY_JOB_LINES),
                                                          NULL, &info->job_truncated));
          content += 4 + info->job.height;
        }
      *header = MAX (*header, content);
      /* A stage's KPIs span its touchpoint columns. */
      journey->kpi_band = MAX (journey->kpi_band,
                               _tp_journey_kpis_height (layout, stage->kpis,
                                                        sw - 2 * TP_JOURNEY_STAGE_PAD, &cut));

      for (guint k = 0; k < stage->touchpoints->len; k++)
        {
          TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, k);
          TpTouchpointBox tbox = { 0 };

          tbox.id = g_string_chunk_insert (layout->ids, touchpoint->item.id);
          tbox.stage = s;
          tbox.info.stage_index = s;
          tbox.info.index = k;
          measure_card (layout, touchpoint, &tbox);
          n_cards++;
          for (guint r = 0; r < TP_N_JOURNEY_ROWS; r++)
            natural[r] = MAX (natural[r], tbox.natural[r]);
          g_array_append_val (journey->touchpoints, tbox);
          g_hash_table_insert (journey->touchpoint_by_id, (gpointer) tbox.id,
                               GUINT_TO_POINTER (journey->touchpoints->len));
        }

      g_array_append_val (journey->stages, box);
      g_hash_table_insert (journey->stage_by_id, (gpointer) box.id,
                           GUINT_TO_POINTER (journey->stages->len));
      width += (s > 0 ? TP_JOURNEY_STAGE_GAP : 0) + sw;
    }

  /* Forget the touchpoints that are gone (only walked when some are). */
  if (g_hash_table_size (journey->cards) > n_cards)
    g_hash_table_foreach_remove (journey->cards, card_is_gone, layout);

  return width;
}

/* Where a touchpoint's KPIs start in its cell. */
static double
kpi_content_top (TpJourney *journey)
{
  return journey->kpi_band > 0 ? TP_JOURNEY_KPI_GAP / 2 : TP_JOURNEY_CELL_PAD;
}

/* The stages' part of the KPI row, above the touchpoints' part. */
static double
kpi_stage_part (TpJourney *journey)
{
  return journey->kpi_band > 0 ? TP_JOURNEY_CELL_PAD + journey->kpi_band + TP_JOURNEY_KPI_GAP / 2
                               : 0;
}

static void
place_rows (TpLayout *layout,
            double    x,
            double    y,
            double    width,
            double   *natural)
{
  const TpTheme *theme = layout->theme;
  TpJourney *journey = &layout->journey;
  double line = tp_theme_get_line_height (theme, TP_FONT_CELL);
  double top = y;

  natural[TP_JOURNEY_ROW_EMOTION] = 4 * TP_JOURNEY_EMOTION_STEP + 2 * TP_JOURNEY_EMOTION_MARGIN
                                    - 2 * TP_JOURNEY_CELL_PAD;
  /* Room for a card, or for an empty stage's placeholder and its hint. */
  natural[TP_JOURNEY_ROW_TOUCHPOINT] = MAX (natural[TP_JOURNEY_ROW_TOUCHPOINT], MIN_CARD);

  for (guint r = 0; r < TP_N_JOURNEY_ROWS; r++)
    {
      double label = _tp_layout_measure_text (layout, TP_FONT_ROW_LABEL,
                                              tp_journey_row_get_label (r),
                                              TP_JOURNEY_LABEL_WIDTH - 2 * LABEL_PAD, 0,
                                              NULL, NULL);
      double height = MAX (MAX (natural[r], label), line) + 2 * TP_JOURNEY_CELL_PAD;

      if (r == TP_JOURNEY_ROW_KPIS)
        height = kpi_stage_part (journey) + kpi_content_top (journey)
                 + MAX (natural[r], line) + TP_JOURNEY_CELL_PAD;

      journey->bands[r] = rect_make (x, y, width, height);
      journey->labels[r] = rect_make (x, y, TP_JOURNEY_LABEL_WIDTH, height);
      y += height;
    }

  journey->rows = rect_make (x, top, width, y - top);
  journey->emotion_top = journey->bands[TP_JOURNEY_ROW_EMOTION].y + TP_JOURNEY_EMOTION_MARGIN;
}

static double
emotion_y (TpJourney *journey,
           double     emotion)
{
  emotion = CLAMP (emotion, TP_EMOTION_MIN, TP_EMOTION_MAX);

  return journey->emotion_top + (TP_EMOTION_MAX - emotion) * TP_JOURNEY_EMOTION_STEP;
}

static void
place_touchpoint (TpLayout        *layout,
                  TpTouchpointBox *box,
                  double           x)
{
  TpJourney *journey = &layout->journey;
  TpTouchpointInfo *info = &box->info;
  double width = layout->theme->touchpoint_width;
  const TpRect *first = &journey->bands[0];
  const TpRect *cards = &journey->bands[TP_JOURNEY_ROW_TOUCHPOINT];
  double stage_part = kpi_stage_part (journey);

  for (guint r = 0; r < TP_N_JOURNEY_ROWS; r++)
    info->cells[r] = rect_make (x, journey->bands[r].y, width, journey->bands[r].height);
  info->cells[TP_JOURNEY_ROW_KPIS].y += stage_part;
  info->cells[TP_JOURNEY_ROW_KPIS].height -= stage_part;

  info->column = rect_make (x, first->y, width, journey->rows.y + journey->rows.height - first->y);
  /* At the top of its cell, as tall as its own content. */
  info->card = rect_make (x, cards->y + TP_JOURNEY_CELL_PAD, width,
                          MIN (cards->height - 2 * TP_JOURNEY_CELL_PAD,
                               box->natural[TP_JOURNEY_ROW_TOUCHPOINT]));
  info->name = rect_offset (&info->name, info->card.x, info->card.y);
  info->star = rect_offset (&info->star, info->card.x, info->card.y);
  info->gap = rect_offset (&info->gap, info->card.x, info->card.y);
  info->votes = rect_offset (&info->votes, info->card.x, info->card.y);
  box->tags = rect_offset (&box->tags, info->card.x, info->card.y);
  info->emotion_x = x + width / 2;
  info->emotion_y = emotion_y (journey, box->emotion);
}

void
_tp_layout_arrange_journey (TpLayout   *layout,
                            TpDocument *document,
                            double      x0,
                            double      y0,
                            double      min_width)
{
  const TpTheme *theme = layout->theme;
  TpJourney *journey = &layout->journey;
  double natural[TP_N_JOURNEY_ROWS] = { 0 };
  double header = 0, content, width, panel_y, rows_y, x, bottom;
  double title_height = tp_theme_get_line_height (theme, TP_FONT_REGION_TITLE);

  reset (layout, x0, y0);
  if (tp_document_get_stages (document)->len == 0)
    return;

  content = measure_stages (layout, document, natural, &header);
  width = TP_JOURNEY_LABEL_WIDTH + TP_JOURNEY_PAD + content + TP_JOURNEY_PAD;

  panel_y = y0 + title_height + TP_LAYOUT_TITLE_GAP;
  journey->header_y = panel_y + TP_JOURNEY_PAD;
  journey->header_height = header + 2 * TP_JOURNEY_HEADER_PAD;
  rows_y = journey->header_y + journey->header_height + ROWS_GAP;
  place_rows (layout, x0, rows_y, width, natural);
  bottom = journey->rows.y + journey->rows.height;

  x = x0 + TP_JOURNEY_LABEL_WIDTH + TP_JOURNEY_PAD;
  for (guint s = 0; s < journey->stages->len; s++)
    {
      TpStageBox *box = _tp_journey_stage (layout, s);
      TpStageInfo *info = &box->info;
      double sw = stage_width (theme, info->n_touchpoints);
      double inner_x = x + TP_JOURNEY_HEADER_PAD;
      const TpRect *cards = &journey->bands[TP_JOURNEY_ROW_TOUCHPOINT];
      const TpRect *kpis = &journey->bands[TP_JOURNEY_ROW_KPIS];

      info->column = rect_make (x, journey->header_y, sw, bottom - journey->header_y);
      info->header = rect_make (x, journey->header_y, sw, journey->header_height);
      info->name.x = inner_x;
      info->name.y = journey->header_y + TP_JOURNEY_HEADER_PAD;
      if (!tp_rect_is_empty (&info->job))
        {
          info->job.x = inner_x;
          info->job.y = info->name.y + info->name.height + 4;
        }
      box->first_x = x + TP_JOURNEY_STAGE_PAD;
      info->hint = info->n_touchpoints == 0
                   ? rect_make (box->first_x, cards->y + TP_JOURNEY_CELL_PAD,
                                theme->touchpoint_width, cards->height - 2 * TP_JOURNEY_CELL_PAD)
                   : rect_make (0, 0, 0, 0);
      info->kpis = journey->kpi_band > 0 ? rect_make (x, kpis->y, sw, kpi_stage_part (journey))
                                         : rect_make (0, 0, 0, 0);

      for (guint k = 0; k < info->n_touchpoints; k++)
        place_touchpoint (layout, _tp_journey_touchpoint (layout, box->first + k),
                          box->first_x + k * (theme->touchpoint_width + TP_JOURNEY_COLUMN_GAP));

      x += sw + TP_JOURNEY_STAGE_GAP;
    }

  layout->titles[TP_REGION_JOURNEY] = rect_make (x0, y0, MAX (width, min_width), title_height);
  layout->regions[TP_REGION_JOURNEY] = rect_make (x0, panel_y, width,
                                                  bottom + TP_JOURNEY_PAD - panel_y);
}

/* Queries */

static TpStageBox *
lookup_stage (TpLayout   *layout,
              const char *id)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (layout->journey.stage_by_id, id));

  return i > 0 ? _tp_journey_stage (layout, i - 1) : NULL;
}

static TpTouchpointBox *
lookup_touchpoint (TpLayout   *layout,
                   const char *id)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (layout->journey.touchpoint_by_id, id));

  return i > 0 ? _tp_journey_touchpoint (layout, i - 1) : NULL;
}

TpStage *
_tp_layout_resolve_stage (TpLayout         *layout,
                          TpDocument       *document,
                          const TpStageBox *box)
{
  GPtrArray *stages = tp_document_get_stages (document);

  /* The index is the fast way; the id check catches a document changed since. */
  if (box->info.index < stages->len)
    {
      TpStage *stage = g_ptr_array_index (stages, box->info.index);

      if (strcmp (stage->item.id, box->id) == 0)
        return stage;
    }

  return tp_document_lookup_kind (document, box->id, TP_ITEM_STAGE);
}

TpTouchpoint *
_tp_layout_resolve_touchpoint (TpLayout              *layout,
                               TpDocument            *document,
                               const TpTouchpointBox *box)
{
  TpStage *stage = _tp_layout_resolve_stage (layout, document,
                                             _tp_journey_stage (layout, box->stage));

  if (stage != NULL && box->info.index < stage->touchpoints->len)
    {
      TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, box->info.index);

      if (strcmp (touchpoint->item.id, box->id) == 0)
        return touchpoint;
    }

  return tp_document_lookup_kind (document, box->id, TP_ITEM_TOUCHPOINT);
}

gboolean
tp_layout_get_stage (TpLayout    *layout,
                     const char  *id,
                     TpStageInfo *info)
{
  TpStageBox *box;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  box = lookup_stage (layout, id);
  if (box == NULL)
    {
      memset (info, 0, sizeof *info);
      return FALSE;
    }

  *info = box->info;

  return TRUE;
}

gboolean
tp_layout_get_touchpoint (TpLayout         *layout,
                          const char       *id,
                          TpTouchpointInfo *info)
{
  TpTouchpointBox *box;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  box = lookup_touchpoint (layout, id);
  if (box == NULL)
    {
      memset (info, 0, sizeof *info);
      return FALSE;
    }

  *info = box->info;
  info->stage = _tp_journey_stage (layout, box->stage)->id;

  return TRUE;
}

gboolean
tp_layout_get_journey_row (TpLayout     *layout,
                           TpJourneyRow  row,
                           TpRect       *label,
                           TpRect       *band)
{
  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (row < TP_N_JOURNEY_ROWS, FALSE);

  if (label != NULL)
    *label = layout->journey.labels[row];
  if (band != NULL)
    *band = layout->journey.bands[row];

  return !tp_rect_is_empty (&layout->journey.bands[row]);
}

gboolean
tp_layout_get_emotion_point (TpLayout   *layout,
                             const char *id,
                             double     *x,
                             double     *y)
{
  TpTouchpointBox *box;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  box = lookup_touchpoint (layout, id);
  if (box == NULL)
    return FALSE;

  if (x != NULL)
    *x = box->info.emotion_x;
  if (y != NULL)
    *y = box->info.emotion_y;

  return TRUE;
}

double
tp_layout_get_emotion_y (TpLayout *layout,
                         double    emotion)
{
  g_return_val_if_fail (layout != NULL, 0);

  return emotion_y (&layout->journey, emotion);
}

int
tp_layout_get_emotion_at (TpLayout *layout,
                          double    y)
{
  double steps;

  g_return_val_if_fail (layout != NULL, 0);

  steps = round ((y - layout->journey.emotion_top) / TP_JOURNEY_EMOTION_STEP);

  return CLAMP (TP_EMOTION_MAX - (int) steps, TP_EMOTION_MIN, TP_EMOTION_MAX);
}

/* The first stage whose column ends after x (stages run left to right). */
static guint
first_stage_after (TpLayout *layout,
                   double    x)
{
  guint lo = 0, hi = layout->journey.stages->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const TpRect *column = &_tp_journey_stage (layout, mid)->info.column;

      if (column->x + column->width <= x)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* The first touchpoint whose column ends after x. */
static guint
first_touchpoint_after (TpLayout *layout,
                        double    x)
{
  guint lo = 0, hi = layout->journey.touchpoints->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const TpRect *column = &_tp_journey_touchpoint (layout, mid)->info.column;

      if (column->x + column->width <= x)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static gboolean
row_at (TpLayout     *layout,
        double        y,
        TpJourneyRow *row)
{
  for (guint r = 0; r < TP_N_JOURNEY_ROWS; r++)
    {
      const TpRect *band = &layout->journey.bands[r];

      if (y >= band->y && y < band->y + band->height)
        {
          *row = r;
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
_tp_layout_hit_journey (TpLayout *layout,
                        double    x,
                        double    y,
                        TpHit    *hit)
{
  TpJourney *journey = &layout->journey;
  const TpRect *region = &layout->regions[TP_REGION_JOURNEY];
  double step = layout->theme->touchpoint_width + TP_JOURNEY_COLUMN_GAP;
  TpJourneyRow row = TP_JOURNEY_ROW_TOUCHPOINT;
  TpStageBox *stage;
  guint s;
  double k;

  if (!tp_rect_contains_point (region, x, y))
    return FALSE;

  hit->region = TP_REGION_JOURNEY;
  hit->kind = TP_HIT_REGION;

  if (x < region->x + TP_JOURNEY_LABEL_WIDTH)
    {
      if (row_at (layout, y, &row))
        {
          hit->kind = TP_HIT_JOURNEY_ROW;
          hit->row = row;
        }
      return TRUE;
    }

  s = first_stage_after (layout, x);
  if (s >= journey->stages->len)
    return TRUE;
  stage = _tp_journey_stage (layout, s);
  if (!tp_rect_contains_point (&stage->info.column, x, y))
    return TRUE;

  hit->stage = stage->id;
  hit->index = s;
  if (tp_rect_contains_point (&stage->info.header, x, y) || !row_at (layout, y, &row))
    {
      hit->kind = TP_HIT_STAGE;
      return TRUE;
    }

  hit->kind = TP_HIT_STAGE_BODY;
  hit->row = row;
  if (tp_rect_contains_point (&stage->info.kpis, x, y))
    return TRUE;

  k = floor ((x - stage->first_x) / step);
  if (k >= 0 && k < stage->info.n_touchpoints &&
      x < stage->first_x + k * step + layout->theme->touchpoint_width)
    {
      TpTouchpointBox *box = _tp_journey_touchpoint (layout, stage->first + (guint) k);

      hit->kind = TP_HIT_TOUCHPOINT;
      hit->touchpoint = box->id;
      hit->index = (guint) k;
    }

  return TRUE;
}

gboolean
tp_layout_touchpoint_drop_index (TpLayout    *layout,
                                 double       x,
                                 double       y,
                                 const char **stage_id,
                                 guint       *index,
                                 TpRect      *indicator)
{
  TpJourney *journey;
  TpStageBox *stage;
  double step, width, bar = 3, bar_x;
  guint s, k;

  g_return_val_if_fail (layout != NULL, FALSE);

  journey = &layout->journey;
  if (journey->stages->len == 0)
    return FALSE;

  /* The stage under x, or the nearer one when x is in a gap or beyond the ends. */
  s = first_stage_after (layout, x);
  if (s >= journey->stages->len)
    s = journey->stages->len - 1;
  else if (s > 0 && x < _tp_journey_stage (layout, s)->info.column.x)
    {
      const TpRect *before = &_tp_journey_stage (layout, s - 1)->info.column;

      if (x - (before->x + before->width) < _tp_journey_stage (layout, s)->info.column.x - x)
        s--;
    }
  stage = _tp_journey_stage (layout, s);

  width = layout->theme->touchpoint_width;
  step = width + TP_JOURNEY_COLUMN_GAP;
  for (k = 0; k < stage->info.n_touchpoints; k++)
    if (x < stage->first_x + k * step + width / 2)
      break;

  if (stage_id != NULL)
    *stage_id = stage->id;
  if (index != NULL)
    *index = k;

  if (indicator != NULL)
    {
      /* A bar in the gap before the column the drop goes ahead of, or after the last. */
      if (k < stage->info.n_touchpoints || k == 0)
        bar_x = stage->first_x + k * step - (TP_JOURNEY_COLUMN_GAP + bar) / 2;
      else
        bar_x = stage->first_x + (k - 1) * step + width + (TP_JOURNEY_COLUMN_GAP - bar) / 2;
      *indicator = rect_make (bar_x, journey->rows.y, bar, journey->rows.height);
    }

  return TRUE;
}

guint
tp_layout_stage_drop_index (TpLayout *layout,
                            double    x,
                            TpRect   *indicator)
{
  TpJourney *journey;
  double bar = 3, bar_x, top, bottom;
  guint n, k;

  g_return_val_if_fail (layout != NULL, 0);

  journey = &layout->journey;
  n = journey->stages->len;
  for (k = 0; k < n; k++)
    {
      const TpRect *column = &_tp_journey_stage (layout, k)->info.column;

      if (x < column->x + column->width / 2)
        break;
    }

  if (indicator != NULL)
    {
      if (n == 0)
        {
          *indicator = rect_make (0, 0, 0, 0);
          return 0;
        }

      if (k < n)
        bar_x = _tp_journey_stage (layout, k)->info.column.x - (TP_JOURNEY_STAGE_GAP + bar) / 2;
      else
        {
          const TpRect *last = &_tp_journey_stage (layout, n - 1)->info.column;

          bar_x = last->x + last->width + (TP_JOURNEY_STAGE_GAP - bar) / 2;
        }
      top = journey->header_y;
      bottom = journey->rows.y + journey->rows.height;
      *indicator = rect_make (bar_x, top, bar, bottom - top);
    }

  return k;
}

void
tp_layout_query_stages (TpLayout     *layout,
                        const TpRect *rect,
                        GPtrArray    *ids)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (rect != NULL);
  g_return_if_fail (ids != NULL);

  for (guint s = first_stage_after (layout, rect->x); s < layout->journey.stages->len; s++)
    {
      TpStageBox *box = _tp_journey_stage (layout, s);

      if (box->info.column.x >= rect->x + rect->width)
        break;
      if (tp_rect_intersects (&box->info.column, rect))
        g_ptr_array_add (ids, (gpointer) box->id);
    }
}

void
tp_layout_query_touchpoints (TpLayout     *layout,
                             const TpRect *rect,
                             GPtrArray    *ids)
{
  GArray *touchpoints;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (rect != NULL);
  g_return_if_fail (ids != NULL);

  touchpoints = layout->journey.touchpoints;
  for (guint i = first_touchpoint_after (layout, rect->x); i < touchpoints->len; i++)
    {
      TpTouchpointBox *box = _tp_journey_touchpoint (layout, i);

      if (box->info.column.x >= rect->x + rect->width)
        break;
      if (tp_rect_intersects (&box->info.column, rect))
        g_ptr_array_add (ids, (gpointer) box->id);
    }
}
