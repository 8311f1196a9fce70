/* test-render-journey.c: the customer journey's layout, hit-testing and queries
 *
 * As in test-render.c, geometry rather than pixels: columns in order and inside their
 * stages, rows aligned per touchpoint, every text fitting its box or flagged as cut,
 * the emotion curve's points at the right heights, hits, drops and queries where the
 * rects say. test-render-journey-paint.c has the curve itself and the painting.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "io/tp-document-file.h"
#include "model/tp-document-private.h"
#include "render/tp-layout-private.h"
#include "render/tp-text.h"

#define EPS 1e-6

/* Fixtures */

static TpDocument *
load_example (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (TP_EXAMPLE_PATH);
  g_autoptr(GError) error = NULL;
  TpDocument *document = tp_load_file (file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static TpLayout *
layout_document (TpDocument *document)
{
  TpLayout *layout = tp_layout_new ();

  tp_layout_update (layout, document);

  return layout;
}

static TpStage *
append_stage (TpDocument *document,
              const char *name,
              const char *job)
{
  g_autofree char *id = tp_document_make_id (document, "s");
  TpStage *stage = tp_stage_new (id, name);

  g_free (stage->job);
  stage->job = g_strdup (job);
  g_assert_true (_tp_document_append_stage (document, stage));

  return stage;
}

static TpTouchpoint *
append_touchpoint (TpDocument *document,
                   TpStage    *stage,
                   const char *name,
                   int         emotion)
{
  g_autofree char *id = tp_document_make_id (document, "t");
  TpTouchpoint *touchpoint = tp_touchpoint_new (id, name);

  touchpoint->emotion = emotion;
  g_assert_true (_tp_document_append_touchpoint (document, stage, touchpoint));

  return touchpoint;
}

/* A journey of n touchpoints over many stages (one of them empty), with texts of every
 * length, built without the history so that thousands stay quick. */
static TpDocument *
make_large_journey (guint n)
{
  static const char * const texts[] = {
    "Short",
    "A few words of customer action",
    "A longer text that wraps over two or three lines in a touchpoint column of the journey",
    "Supercalifragilisticexpialidocious-and-then-some-more-unbreakable-words-here",
    "Line one\nLine two\nLine three\nLine four\nLine five\nLine six\nLine seven\nLine eight",
  };
  TpDocument *document = tp_document_new ();
  guint per_stage = 97, made = 0;

  for (guint s = 0; made < n; s++)
    {
      g_autofree char *name = g_strdup_printf ("Stage %u", s + 1);
      TpStage *stage = append_stage (document, name, texts[s % G_N_ELEMENTS (texts)]);

      if (s == 3)
        continue;  /* an empty stage among them */

      for (guint k = 0; k < per_stage && made < n; k++, made++)
        {
          g_autofree char *tp_name = g_strdup_printf ("Touchpoint %u", made + 1);
          TpTouchpoint *touchpoint = append_touchpoint (document, stage, tp_name,
                                                        (int) (made % 5) - 2);

          g_free (touchpoint->channel);
          touchpoint->channel = g_strdup (texts[made % 2]);
          g_free (touchpoint->action);
          touchpoint->action = g_strdup (texts[made % G_N_ELEMENTS (texts)]);
          for (guint i = 0; i < made % 4; i++)
            g_ptr_array_add (touchpoint->pains,
                             g_strdup (texts[(made + i) % G_N_ELEMENTS (texts)]));
          for (guint i = 0; i < made % 3; i++)
            g_ptr_array_add (touchpoint->opportunities, g_strdup (texts[i]));
          touchpoint->moment_of_truth = made % 7 == 0;
          touchpoint->expectation = made % 6;
          touchpoint->experience = made % 5;
          if (made % 9 == 0)
            {
              TpKanoNeed *need = tp_kano_need_new ("k", texts[made % G_N_ELEMENTS (texts)]);

              need->category = made % TP_N_KANO_CATEGORIES;
              g_ptr_array_add (touchpoint->needs, need);
            }
          if (made % 11 == 0)
            {
              TpKpi *kpi = tp_kpi_new ("m", TP_KPI_CUSTOM, texts[made % 3]);

              kpi->value = made;
              g_ptr_array_add (touchpoint->kpis, kpi);
            }
        }
    }

  return document;
}

static gboolean
rects_overlap (const TpRect *a,
               const TpRect *b)
{
  return a->x + EPS < b->x + b->width && b->x + EPS < a->x + a->width &&
         a->y + EPS < b->y + b->height && b->y + EPS < a->y + a->height;
}

/* Whether text in a role, wrapped at width with no limit, fits in height. */
static gboolean
text_fits (TpLayout   *layout,
           TpFontRole  role,
           const char *text,
           double      width,
           double      height)
{
  g_autoptr(PangoLayout) full = tp_text_layout_new (tp_layout_get_context (layout),
                                                    tp_layout_get_theme (layout), role, text,
                                                    width, 0);
  double full_width, full_height;

  tp_text_layout_get_size (full, &full_width, &full_height);

  return full_height <= height + 1e-3;
}

/* The invariants every journey layout keeps, whatever the document. */
static void
check_journey (TpLayout   *layout,
               TpDocument *document)
{
  const TpTheme *theme = tp_layout_get_theme (layout);
  GPtrArray *stages = tp_document_get_stages (document);
  TpRect region, title, bounds, canvas, chain, rows[TP_N_JOURNEY_ROWS], labels[TP_N_JOURNEY_ROWS];
  TpTouchpointInfo first = { 0 };
  gboolean have_first = FALSE;
  TpRect previous_stage = { 0 }, previous_column = { 0 };

  tp_layout_get_bounds (layout, &bounds);
  tp_layout_get_region (layout, TP_REGION_CANVAS, &canvas);
  tp_layout_get_region (layout, TP_REGION_VALUE_CHAIN, &chain);

  if (stages->len == 0)
    {
      g_assert_false (tp_layout_get_region (layout, TP_REGION_JOURNEY, &region));
      g_assert_false (tp_layout_get_region_title (layout, TP_REGION_JOURNEY, &title));
      for (guint r = 0; r < TP_N_JOURNEY_ROWS; r++)
        g_assert_false (tp_layout_get_journey_row (layout, r, &labels[r], &rows[r]));
      return;
    }

  g_assert_true (tp_layout_get_region (layout, TP_REGION_JOURNEY, &region));
  g_assert_true (tp_layout_get_region_title (layout, TP_REGION_JOURNEY, &title));
  g_assert_true (tp_rect_contains_rect (&bounds, &region));
  g_assert_cmpfloat (title.y + title.height, <=, region.y);
  /* Below the canvas and the value chain, from the left margin. */
  g_assert_cmpfloat (region.y, >, canvas.y + canvas.height);
  g_assert_cmpfloat (region.y, >, chain.y + chain.height);
  g_assert_cmpfloat_with_epsilon (region.x, canvas.x, EPS);

  /* Rows: top to bottom, contiguous, across the region, labelled at the left. */
  for (guint r = 0; r < TP_N_JOURNEY_ROWS; r++)
    {
      g_assert_true (tp_layout_get_journey_row (layout, r, &labels[r], &rows[r]));
      g_assert_true (tp_rect_contains_rect (&region, &rows[r]));
      g_assert_true (tp_rect_contains_rect (&rows[r], &labels[r]));
      g_assert_cmpfloat_with_epsilon (labels[r].x, rows[r].x, EPS);
      if (r > 0)
        g_assert_cmpfloat_with_epsilon (rows[r].y, rows[r - 1].y + rows[r - 1].height, 1e-3);
      g_assert_cmpstr (tp_journey_row_get_label (r), !=, "");
    }
  /* The emotion row is tall enough for five levels a marker apart. */
  g_assert_cmpfloat (rows[TP_JOURNEY_ROW_EMOTION].height, >=, 4 * 24 + 2 * 12);

  for (guint s = 0; s < stages->len; s++)
    {
      TpStage *stage = g_ptr_array_index (stages, s);
      TpStageInfo info;

      g_assert_true (tp_layout_get_stage (layout, stage->item.id, &info));
      g_assert_cmpuint (info.index, ==, s);
      g_assert_cmpuint (info.n_touchpoints, ==, stage->touchpoints->len);
      g_assert_cmpuint (info.tint, <, TP_N_STAGE_TINTS);
      g_assert_true (tp_rect_contains_rect (&region, &info.column));
      g_assert_true (tp_rect_contains_rect (&info.column, &info.header));
      g_assert_true (tp_rect_contains_rect (&info.header, &info.name));
      g_assert_false (rects_overlap (&info.header, &rows[0]));
      g_assert_cmpfloat (info.column.x, >=, region.x + labels[0].width);
      /* An empty stage keeps a touchpoint column's width. */
      g_assert_cmpfloat (info.column.width, >=, theme->touchpoint_width);
      /* Stages left to right, in order, apart. */
      if (s > 0)
        g_assert_cmpfloat (info.column.x, >=, previous_stage.x + previous_stage.width);
      previous_stage = info.column;

      g_assert_true (info.name_truncated ||
                     text_fits (layout, TP_FONT_STAGE_HEADING, stage->name, info.name.width,
                                info.name.height));
      g_assert_cmpint (tp_rect_is_empty (&info.job), ==, *stage->job == '\0');
      if (*stage->job != '\0')
        {
          g_assert_true (tp_rect_contains_rect (&info.header, &info.job));
          g_assert_false (rects_overlap (&info.name, &info.job));
          g_assert_true (info.job_truncated ||
                         text_fits (layout, TP_FONT_JOB, stage->job, info.job.width,
                                    info.job.height));
        }

      g_assert_cmpint (tp_rect_is_empty (&info.hint), ==, stage->touchpoints->len > 0);
      if (!tp_rect_is_empty (&info.hint))
        {
          g_assert_true (tp_rect_contains_rect (&info.column, &info.hint));
          g_assert_true (tp_rect_contains_rect (&rows[TP_JOURNEY_ROW_TOUCHPOINT], &info.hint));
          /* The painter insets the hint by 16 on either side. */
          g_assert_true (text_fits (layout, TP_FONT_HINT, _tp_journey_get_hint (),
                                    info.hint.width - 32, info.hint.height));
        }
      if (!tp_rect_is_empty (&info.kpis))
        {
          g_assert_true (tp_rect_contains_rect (&info.column, &info.kpis));
          g_assert_true (tp_rect_contains_rect (&rows[TP_JOURNEY_ROW_KPIS], &info.kpis));
        }

      for (guint k = 0; k < stage->touchpoints->len; k++)
        {
          TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, k);
          TpTouchpointInfo tp;
          double cell_pad = TP_JOURNEY_CELL_PAD;

          g_assert_true (tp_layout_get_touchpoint (layout, touchpoint->item.id, &tp));
          g_assert_cmpstr (tp.stage, ==, stage->item.id);
          g_assert_cmpuint (tp.stage_index, ==, s);
          g_assert_cmpuint (tp.index, ==, k);
          g_assert_true (tp_rect_contains_rect (&info.column, &tp.column));
          g_assert_cmpfloat_with_epsilon (tp.column.width, theme->touchpoint_width, EPS);
          /* In order, never overlapping, across the whole journey. */
          if (have_first)
            g_assert_cmpfloat (tp.column.x, >=, previous_column.x + previous_column.width);
          previous_column = tp.column;

          for (guint r = 0; r < TP_N_JOURNEY_ROWS; r++)
            {
              g_assert_true (tp_rect_contains_rect (&rows[r], &tp.cells[r]));
              g_assert_true (tp_rect_contains_rect (&tp.column, &tp.cells[r]));
              g_assert_cmpfloat_with_epsilon (tp.cells[r].x, tp.column.x, EPS);
              g_assert_cmpfloat_with_epsilon (tp.cells[r].width, tp.column.width, EPS);
              /* Aligned: every touchpoint's cell of a row has the same y and height. */
              if (have_first)
                {
                  g_assert_cmpfloat_with_epsilon (tp.cells[r].y, first.cells[r].y, EPS);
                  g_assert_cmpfloat_with_epsilon (tp.cells[r].height, first.cells[r].height, EPS);
                }
              if (r > 0)
                g_assert_false (rects_overlap (&tp.cells[r], &tp.cells[r - 1]));
            }
          if (!tp_rect_is_empty (&info.kpis))
            g_assert_false (rects_overlap (&info.kpis, &tp.cells[TP_JOURNEY_ROW_KPIS]));

          g_assert_true (tp_rect_contains_rect (&tp.cells[TP_JOURNEY_ROW_TOUCHPOINT], &tp.card));
          g_assert_true (tp_rect_contains_rect (&tp.card, &tp.name));
          g_assert_cmpint (tp_rect_is_empty (&tp.star), ==, !touchpoint->moment_of_truth);
          if (!tp_rect_is_empty (&tp.star))
            {
              g_assert_true (tp_rect_contains_rect (&tp.card, &tp.star));
              g_assert_false (rects_overlap (&tp.star, &tp.name));
            }
          g_assert_cmpint (tp_rect_is_empty (&tp.gap), ==,
                           !(touchpoint->moment_of_truth && touchpoint->expectation > 0 &&
                             touchpoint->experience > 0));
          if (!tp_rect_is_empty (&tp.gap))
            {
              g_assert_true (tp_rect_contains_rect (&tp.card, &tp.gap));
              g_assert_false (rects_overlap (&tp.gap, &tp.name));
            }

          /* Every text fits its box, or the touchpoint says it was cut. */
          if (!tp.truncated)
            {
              g_assert_true (text_fits (layout, TP_FONT_CARD_TITLE, touchpoint->name,
                                        tp.name.width, tp.name.height));
              g_assert_true (text_fits (layout, TP_FONT_CELL, touchpoint->action,
                                        tp.cells[TP_JOURNEY_ROW_ACTION].width,
                                        tp.cells[TP_JOURNEY_ROW_ACTION].height - 2 * cell_pad));
              g_assert_true (text_fits (layout, TP_FONT_CELL, touchpoint->channel,
                                        tp.cells[TP_JOURNEY_ROW_CHANNEL].width,
                                        tp.cells[TP_JOURNEY_ROW_CHANNEL].height - 2 * cell_pad));
            }

          /* The curve's point: the column's centre, at the emotion's height. */
          g_assert_cmpfloat_with_epsilon (tp.emotion_x, tp.column.x + tp.column.width / 2, EPS);
          g_assert_cmpfloat_with_epsilon (tp.emotion_y,
                                          tp_layout_get_emotion_y (layout, touchpoint->emotion),
                                          EPS);
          g_assert_cmpfloat (tp.emotion_y, >, rows[TP_JOURNEY_ROW_EMOTION].y + 12);
          g_assert_cmpfloat (tp.emotion_y, <, rows[TP_JOURNEY_ROW_EMOTION].y
                                              + rows[TP_JOURNEY_ROW_EMOTION].height - 12);

          if (!have_first)
            {
              first = tp;
              have_first = TRUE;
            }
        }
    }

  /* The journey grows the board to the right, never over the other regions. */
  g_assert_false (rects_overlap (&region, &canvas));
  g_assert_false (rects_overlap (&region, &chain));
  g_assert_cmpfloat (bounds.x + bounds.width, >=, region.x + region.width);
}

/* Layout */

static void
test_example (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLayout) layout = layout_document (document);
  GPtrArray *stages = tp_document_get_stages (document);

  check_journey (layout, document);
  g_assert_cmpstr (tp_region_get_label (TP_REGION_JOURNEY), ==, "Customer Journey");

  /* The example is a real workshop: nothing is cut. */
  for (guint s = 0; s < stages->len; s++)
    {
      TpStage *stage = g_ptr_array_index (stages, s);
      TpStageInfo info;

      tp_layout_get_stage (layout, stage->item.id, &info);
      g_assert_false (info.name_truncated);
      g_assert_false (info.job_truncated);
      g_assert_false (tp_rect_is_empty (&info.job));
      for (guint k = 0; k < stage->touchpoints->len; k++)
        {
          TpTouchpointInfo tp;

          TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, k);

          /* Kano tags are one line each and may end in an ellipsis; nothing else. */
          tp_layout_get_touchpoint (layout, touchpoint->item.id, &tp);
          if (touchpoint->needs->len == 0)
            g_assert_false (tp.truncated);
        }
    }

  /* Moments of truth: Checkout (5 → 2) shows its gap, Live chat (no experience) only
   * its star, Social video ad neither. */
  {
    TpTouchpointInfo tp;

    tp_layout_get_touchpoint (layout, "t8", &tp);
    g_assert_false (tp_rect_is_empty (&tp.star));
    g_assert_false (tp_rect_is_empty (&tp.gap));
    tp_layout_get_touchpoint (layout, "t6", &tp);
    g_assert_false (tp_rect_is_empty (&tp.star));
    g_assert_true (tp_rect_is_empty (&tp.gap));
    tp_layout_get_touchpoint (layout, "t1", &tp);
    g_assert_true (tp_rect_is_empty (&tp.star));
    g_assert_false (tp_layout_get_touchpoint (layout, "n1", &tp));
    g_assert_true (tp_rect_is_empty (&tp.card));
  }
}

static void
test_empty (void)
{
  g_autoptr(TpDocument) document = tp_document_new ();
  g_autoptr(TpLayout) layout = layout_document (document);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  TpRect bounds, indicator;
  const char *stage = NULL;
  guint index = 42;
  TpHit hit;

  check_journey (layout, document);
  tp_layout_get_bounds (layout, &bounds);
  g_assert_false (tp_layout_touchpoint_drop_index (layout, 100, bounds.height - 10, &stage,
                                                   &index, &indicator));
  g_assert_cmpuint (tp_layout_stage_drop_index (layout, 100, &indicator), ==, 0);
  g_assert_true (tp_rect_is_empty (&indicator));
  tp_layout_query_stages (layout, &bounds, ids);
  tp_layout_query_touchpoints (layout, &bounds, ids);
  g_assert_cmpuint (ids->len, ==, 0);
  hit = tp_layout_hit (layout, 100, bounds.height - 10);
  g_assert_cmpint (hit.kind, ==, TP_HIT_NONE);
}

/* A new workshop: five empty stages, each with its hint and room to drop into. */
static void
test_empty_stages (void)
{
  g_autoptr(TpDocument) document = tp_document_new_default ();
  g_autoptr(TpLayout) layout = layout_document (document);
  GPtrArray *stages = tp_document_get_stages (document);
  TpRect indicator;

  g_assert_cmpuint (stages->len, ==, 5);
  check_journey (layout, document);

  for (guint s = 0; s < stages->len; s++)
    {
      const char *id = ((TpItem *) g_ptr_array_index (stages, s))->id;
      const char *drop_stage = NULL;
      guint index = 42;
      TpStageInfo info;
      TpHit hit;

      tp_layout_get_stage (layout, id, &info);
      g_assert_false (tp_rect_is_empty (&info.hint));

      hit = tp_layout_hit (layout, info.hint.x + info.hint.width / 2,
                           info.hint.y + info.hint.height / 2);
      g_assert_cmpint (hit.kind, ==, TP_HIT_STAGE_BODY);
      g_assert_cmpstr (hit.stage, ==, id);
      g_assert_cmpuint (hit.index, ==, s);
      g_assert_cmpint (hit.row, ==, TP_JOURNEY_ROW_TOUCHPOINT);

      g_assert_true (tp_layout_touchpoint_drop_index (layout, info.hint.x + info.hint.width / 2,
                                                      info.hint.y, &drop_stage, &index,
                                                      &indicator));
      g_assert_cmpstr (drop_stage, ==, id);
      g_assert_cmpuint (index, ==, 0);
      g_assert_true (tp_rect_contains_rect (&info.column, &indicator));
    }
}

/* Long texts wrap within their row up to a limit, then end in an ellipsis and say so. */
static void
test_truncated (void)
{
  g_autoptr(TpDocument) document = tp_document_new ();
  g_autoptr(TpLayout) layout = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  TpStage *stage = append_stage (document, "A stage", "");
  TpTouchpoint *plain = append_touchpoint (document, stage, "Plain", 0);
  TpTouchpoint *wordy;
  TpTouchpointInfo info, plain_info;
  TpRect action;

  for (guint i = 0; i < 200; i++)
    g_string_append (long_text, "words and more ");
  wordy = append_touchpoint (document, stage, long_text->str, 1);
  g_free (wordy->action);
  wordy->action = g_strdup (long_text->str);
  for (guint i = 0; i < 12; i++)
    g_ptr_array_add (wordy->pains, g_strdup ("A pain"));

  layout = layout_document (document);
  check_journey (layout, document);
  tp_layout_get_touchpoint (layout, wordy->item.id, &info);
  tp_layout_get_touchpoint (layout, plain->item.id, &plain_info);
  g_assert_true (info.truncated);
  g_assert_false (plain_info.truncated);

  /* A sane maximum: the action row holds a handful of lines, not the whole text. */
  tp_layout_get_journey_row (layout, TP_JOURNEY_ROW_ACTION, NULL, &action);
  g_assert_cmpfloat (action.height, <, 10 * tp_theme_get_line_height (tp_layout_get_theme (layout),
                                                                      TP_FONT_CELL));
}

/* The journey grows to the right; the canvas and the value chain stay put. */
static void
test_grows (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLayout) layout = layout_document (document);
  TpStage *stage = g_ptr_array_index (tp_document_get_stages (document), 0);
  TpRect before, after, bounds_before, bounds_after, canvas_before, canvas_after;

  tp_layout_get_region (layout, TP_REGION_JOURNEY, &before);
  tp_layout_get_region (layout, TP_REGION_CANVAS, &canvas_before);
  tp_layout_get_bounds (layout, &bounds_before);
  for (guint i = 0; i < 5; i++)
    append_touchpoint (document, stage, "Another one", 0);
  tp_layout_update (layout, document);
  tp_layout_get_region (layout, TP_REGION_JOURNEY, &after);
  tp_layout_get_region (layout, TP_REGION_CANVAS, &canvas_after);
  tp_layout_get_bounds (layout, &bounds_after);

  check_journey (layout, document);
  g_assert_cmpfloat_with_epsilon (after.x, before.x, EPS);
  g_assert_cmpfloat_with_epsilon (after.y, before.y, EPS);
  g_assert_cmpfloat (after.width, >,
                     before.width + 4 * tp_layout_get_theme (layout)->touchpoint_width);
  g_assert_cmpfloat (bounds_after.width, >, bounds_before.width);
  g_assert_cmpmem (&canvas_before, sizeof canvas_before, &canvas_after, sizeof canvas_after);
}

/* The emotion curve */

static void
test_emotion_points (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLayout) layout = layout_document (document);
  TpRect band;
  double previous = -G_MAXDOUBLE;
  double step = tp_layout_get_emotion_y (layout, 1) - tp_layout_get_emotion_y (layout, 2);

  tp_layout_get_journey_row (layout, TP_JOURNEY_ROW_EMOTION, NULL, &band);

  /* +2 highest, −2 lowest, evenly apart; each level maps back to itself. */
  for (int e = TP_EMOTION_MAX; e >= TP_EMOTION_MIN; e--)
    {
      double y = tp_layout_get_emotion_y (layout, e);

      g_assert_cmpfloat (y, >, previous);
      if (e < TP_EMOTION_MAX)
        g_assert_cmpfloat_with_epsilon (y - previous, step, EPS);
      previous = y;
      g_assert_true (tp_rect_contains_point (&band, band.x + 1, y));
      g_assert_cmpint (tp_layout_get_emotion_at (layout, y), ==, e);
      g_assert_cmpint (tp_layout_get_emotion_at (layout, y + 3), ==, e);
    }
  /* Clamped beyond the ends. */
  g_assert_cmpfloat (tp_layout_get_emotion_y (layout, 7), ==, tp_layout_get_emotion_y (layout, 2));
  g_assert_cmpint (tp_layout_get_emotion_at (layout, band.y - 500), ==, TP_EMOTION_MAX);
  g_assert_cmpint (tp_layout_get_emotion_at (layout, band.y + band.height + 500), ==,
                   TP_EMOTION_MIN);

  /* The example's points: Delivery (−2) lowest, Volt Plus (+2) highest, Search (0) on
   * the neutral line. */
  {
    double x, y, y_delivery, y_plus, y_search;
    TpTouchpointInfo info;

    g_assert_true (tp_layout_get_emotion_point (layout, "t10", &x, &y_delivery));
    g_assert_true (tp_layout_get_emotion_point (layout, "t15", &x, &y_plus));
    g_assert_true (tp_layout_get_emotion_point (layout, "t2", &x, &y_search));
    g_assert_false (tp_layout_get_emotion_point (layout, "nope", &x, &y));
    g_assert_cmpfloat_with_epsilon (y_delivery, tp_layout_get_emotion_y (layout, -2), EPS);
    g_assert_cmpfloat_with_epsilon (y_plus, tp_layout_get_emotion_y (layout, 2), EPS);
    g_assert_cmpfloat_with_epsilon (y_search, tp_layout_get_emotion_y (layout, 0), EPS);
    tp_layout_get_touchpoint (layout, "t2", &info);
    g_assert_cmpfloat_with_epsilon (x, info.column.x + info.column.width / 2, EPS);
  }
}

/* Hit-testing, drops and queries */

static void
test_hit (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLayout) layout = layout_document (document);
  GPtrArray *stages = tp_document_get_stages (document);
  TpRect region, label, band, bounds;
  TpHit hit;

  tp_layout_get_region (layout, TP_REGION_JOURNEY, &region);
  tp_layout_get_bounds (layout, &bounds);

  for (guint s = 0; s < stages->len; s++)
    {
      TpStage *stage = g_ptr_array_index (stages, s);
      TpStageInfo info;

      tp_layout_get_stage (layout, stage->item.id, &info);
      hit = tp_layout_hit (layout, info.header.x + info.header.width / 2,
                           info.header.y + info.header.height / 2);
      g_assert_cmpint (hit.kind, ==, TP_HIT_STAGE);
      g_assert_cmpuint (hit.region, ==, TP_REGION_JOURNEY);
      g_assert_cmpstr (hit.stage, ==, stage->item.id);
      g_assert_cmpuint (hit.index, ==, s);

      if (!tp_rect_is_empty (&info.kpis))
        {
          hit = tp_layout_hit (layout, info.kpis.x + info.kpis.width - 2, info.kpis.y + 2);
          g_assert_cmpint (hit.kind, ==, TP_HIT_STAGE_BODY);
          g_assert_cmpstr (hit.stage, ==, stage->item.id);
          g_assert_cmpint (hit.row, ==, TP_JOURNEY_ROW_KPIS);
        }

      for (guint k = 0; k < stage->touchpoints->len; k++)
        {
          const char *id = ((TpItem *) g_ptr_array_index (stage->touchpoints, k))->id;
          TpTouchpointInfo tp;

          tp_layout_get_touchpoint (layout, id, &tp);
          hit = tp_layout_hit (layout, tp.card.x + tp.card.width / 2,
                               tp.card.y + tp.card.height / 2);
          g_assert_cmpint (hit.kind, ==, TP_HIT_TOUCHPOINT);
          g_assert_cmpstr (hit.touchpoint, ==, id);
          g_assert_cmpstr (hit.stage, ==, stage->item.id);
          g_assert_cmpuint (hit.index, ==, k);
          g_assert_cmpint (hit.row, ==, TP_JOURNEY_ROW_TOUCHPOINT);

          /* Its column in every row is its own. */
          for (guint r = 0; r < TP_N_JOURNEY_ROWS; r++)
            {
              hit = tp_layout_hit (layout, tp.cells[r].x + 3,
                                   tp.cells[r].y + tp.cells[r].height - 2);
              g_assert_cmpint (hit.kind, ==, TP_HIT_TOUCHPOINT);
              g_assert_cmpstr (hit.touchpoint, ==, id);
              g_assert_cmpint (hit.row, ==, r);
            }

          /* The gutter beside it belongs to the stage. */
          hit = tp_layout_hit (layout, tp.column.x - 2, tp.cells[TP_JOURNEY_ROW_ACTION].y + 4);
          g_assert_cmpint (hit.kind, ==, TP_HIT_STAGE_BODY);
          g_assert_cmpstr (hit.stage, ==, stage->item.id);
          g_assert_cmpint (hit.row, ==, TP_JOURNEY_ROW_ACTION);
        }
    }

  for (guint r = 0; r < TP_N_JOURNEY_ROWS; r++)
    {
      tp_layout_get_journey_row (layout, r, &label, &band);
      hit = tp_layout_hit (layout, label.x + label.width / 2, label.y + label.height / 2);
      g_assert_cmpint (hit.kind, ==, TP_HIT_JOURNEY_ROW);
      g_assert_cmpint (hit.row, ==, r);
    }

  /* The title and the margins around the stages are the region's; outside, nothing. */
  {
    TpRect title;

    tp_layout_get_region_title (layout, TP_REGION_JOURNEY, &title);
    hit = tp_layout_hit (layout, title.x + 2, title.y + title.height / 2);
    g_assert_cmpint (hit.kind, ==, TP_HIT_REGION);
    g_assert_cmpuint (hit.region, ==, TP_REGION_JOURNEY);
  }
  hit = tp_layout_hit (layout, region.x + region.width - 2, region.y + region.height - 2);
  g_assert_cmpint (hit.kind, ==, TP_HIT_REGION);
  g_assert_cmpuint (hit.region, ==, TP_REGION_JOURNEY);
  hit = tp_layout_hit (layout, region.x + region.width / 2, region.y + region.height + 20);
  g_assert_cmpint (hit.kind, ==, TP_HIT_NONE);
  hit = tp_layout_hit (layout, region.x + region.width + 20, region.y + region.height / 2);
  g_assert_cmpint (hit.kind, ==, TP_HIT_NONE);
  hit = tp_layout_hit (layout, bounds.width + 100, region.y + 10);
  g_assert_cmpint (hit.kind, ==, TP_HIT_NONE);
}

static void
test_drop_index (void)
{
  g_autoptr(TpDocument) document = load_example ();
  g_autoptr(TpLayout) layout = layout_document (document);
  GPtrArray *stages = tp_document_get_stages (document);
  TpRect region, indicator;
  const char *stage_id;
  guint index;

  tp_layout_get_region (layout, TP_REGION_JOURNEY, &region);

  for (guint s = 0; s < stages->len; s++)
    {
      TpStage *stage = g_ptr_array_index (stages, s);
      TpStageInfo info;

      tp_layout_get_stage (layout, stage->item.id, &info);

      /* Touchpoints: ahead of a column in its left half, after it in its right half, at
       * any height. */
      for (guint k = 0; k < stage->touchpoints->len; k++)
        {
          const char *id = ((TpItem *) g_ptr_array_index (stage->touchpoints, k))->id;
          TpTouchpointInfo tp;

          tp_layout_get_touchpoint (layout, id, &tp);
          g_assert_true (tp_layout_touchpoint_drop_index (layout, tp.column.x + 5,
                                                          tp.card.y + 5, &stage_id, &index,
                                                          &indicator));
          g_assert_cmpstr (stage_id, ==, stage->item.id);
          g_assert_cmpuint (index, ==, k);
          g_assert_true (tp_rect_contains_rect (&info.column, &indicator));
          g_assert_cmpfloat (indicator.x + indicator.width, <=, tp.column.x);
          g_assert_true (tp_layout_touchpoint_drop_index (layout,
                                                          tp.column.x + tp.column.width - 5,
                                                          tp.cells[TP_JOURNEY_ROW_KPIS].y + 5,
                                                          &stage_id, &index, &indicator));
          g_assert_cmpstr (stage_id, ==, stage->item.id);
          g_assert_cmpuint (index, ==, k + 1);
          g_assert_true (tp_rect_contains_rect (&info.column, &indicator));
          g_assert_cmpfloat (indicator.x, >=, tp.column.x + tp.column.width);
        }

      /* Stages: before one in its left half, after it in its right half. */
      g_assert_cmpuint (tp_layout_stage_drop_index (layout, info.column.x + 10, &indicator), ==, s);
      g_assert_true (tp_rect_contains_rect (&region, &indicator));
      g_assert_cmpfloat (indicator.x + indicator.width, <=, info.column.x);
      g_assert_cmpuint (tp_layout_stage_drop_index (layout, info.column.x + info.column.width - 10,
                                                    &indicator), ==, s + 1);
      g_assert_true (tp_rect_contains_rect (&region, &indicator));
      g_assert_cmpfloat (indicator.x, >=, info.column.x + info.column.width);
    }

  /* Beyond either end: the nearest stage's end. */
  g_assert_true (tp_layout_touchpoint_drop_index (layout, region.x + region.width + 500,
                                                  region.y, &stage_id, &index, NULL));
  g_assert_cmpstr (stage_id, ==, ((TpItem *) g_ptr_array_index (stages, stages->len - 1))->id);
  g_assert_cmpuint (index, ==,
                    ((TpStage *) g_ptr_array_index (stages, stages->len - 1))->touchpoints->len);
  g_assert_true (tp_layout_touchpoint_drop_index (layout, -500, region.y, &stage_id, &index, NULL));
  g_assert_cmpstr (stage_id, ==, ((TpItem *) g_ptr_array_index (stages, 0))->id);
  g_assert_cmpuint (index, ==, 0);
  g_assert_cmpuint (tp_layout_stage_drop_index (layout, -500, NULL), ==, 0);
  g_assert_cmpuint (tp_layout_stage_drop_index (layout, region.x + region.width + 500, NULL),
                    ==, stages->len);

  /* In the gap between two stages: the nearer one. */
  {
    TpStageInfo a, b;

    tp_layout_get_stage (layout, ((TpItem *) g_ptr_array_index (stages, 0))->id, &a);
    tp_layout_get_stage (layout, ((TpItem *) g_ptr_array_index (stages, 1))->id, &b);
    g_assert_true (tp_layout_touchpoint_drop_index (layout, a.column.x + a.column.width + 1,
                                                    a.column.y, &stage_id, &index, NULL));
    g_assert_cmpstr (stage_id, ==, ((TpItem *) g_ptr_array_index (stages, 0))->id);
    g_assert_cmpuint (index, ==, a.n_touchpoints);
    g_assert_true (tp_layout_touchpoint_drop_index (layout, b.column.x - 1, b.column.y,
                                                    &stage_id, &index, NULL));
    g_assert_cmpstr (stage_id, ==, ((TpItem *) g_ptr_array_index (stages, 1))->id);
    g_assert_cmpuint (index, ==, 0);
  }
}

static void
check_query (TpLayout     *layout,
             TpDocument   *document,
             const TpRect *rect)
{
  g_autoptr(GPtrArray) stages_found = g_ptr_array_new ();
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GPtrArray *stages = tp_document_get_stages (document);
  guint n_stages = 0, n_touchpoints = 0;

  tp_layout_query_stages (layout, rect, stages_found);
  tp_layout_query_touchpoints (layout, rect, found);

  /* The same, in the same order, as looking at everything. */
  for (guint s = 0; s < stages->len; s++)
    {
      TpStage *stage = g_ptr_array_index (stages, s);
      TpStageInfo info;

      tp_layout_get_stage (layout, stage->item.id, &info);
      if (tp_rect_intersects (&info.column, rect))
        {
          g_assert_cmpuint (n_stages, <, stages_found->len);
          g_assert_cmpstr (g_ptr_array_index (stages_found, n_stages), ==, stage->item.id);
          n_stages++;
        }

      for (guint k = 0; k < stage->touchpoints->len; k++)
        {
          const char *id = ((TpItem *) g_ptr_array_index (stage->touchpoints, k))->id;
          TpTouchpointInfo tp;

          tp_layout_get_touchpoint (layout, id, &tp);
          if (tp_rect_intersects (&tp.column, rect))
            {
              g_assert_cmpuint (n_touchpoints, <, found->len);
              g_assert_cmpstr (g_ptr_array_index (found, n_touchpoints), ==, id);
              n_touchpoints++;
            }
        }
    }
  g_assert_cmpuint (n_stages, ==, stages_found->len);
  g_assert_cmpuint (n_touchpoints, ==, found->len);
}

static void
test_large (void)
{
  g_autoptr(TpDocument) document = make_large_journey (2000);
  g_autoptr(TpLayout) layout = tp_layout_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  TpRect bounds;
  gint64 start;
  double first, again;

  g_assert_cmpuint (tp_document_get_n_touchpoints (document), ==, 2000);

  start = g_get_monotonic_time ();
  tp_layout_update (layout, document);
  first = (g_get_monotonic_time () - start) / 1000.0;
  start = g_get_monotonic_time ();
  tp_layout_update (layout, document);
  again = (g_get_monotonic_time () - start) / 1000.0;
  g_test_message ("2,000 touchpoints: first layout %.1f ms, relayout %.1f ms", first, again);
  /* Measured texts come from the cache: a relayout is arithmetic. The budget is 100 ms
   * on a laptop; the bound leaves room for sanitizer builds. */
  g_assert_cmpfloat (again, <, 400);

  check_journey (layout, document);

  tp_layout_get_bounds (layout, &bounds);
  for (guint i = 0; i < 100; i++)
    {
      TpRect rect;

      rect.x = g_rand_double_range (rand, -100, bounds.width);
      rect.y = g_rand_double_range (rand, -100, bounds.height);
      rect.width = g_rand_double_range (rand, 1, 3000);
      rect.height = g_rand_double_range (rand, 1, 1500);
      check_query (layout, document, &rect);
    }
  check_query (layout, document, &bounds);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/render/journey/example", test_example);
  g_test_add_func ("/touchpoint/render/journey/empty", test_empty);
  g_test_add_func ("/touchpoint/render/journey/empty-stages", test_empty_stages);
  g_test_add_func ("/touchpoint/render/journey/truncated", test_truncated);
  g_test_add_func ("/touchpoint/render/journey/grows", test_grows);
  g_test_add_func ("/touchpoint/render/journey/large", test_large);
  g_test_add_func ("/touchpoint/render/journey/emotion-points", test_emotion_points);
  g_test_add_func ("/touchpoint/render/journey/hit", test_hit);
  g_test_add_func ("/touchpoint/render/journey/drop-index", test_drop_index);

  return g_test_run ();
}
