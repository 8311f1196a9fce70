/* tp-story-page.c: one step of the story on a 16:9 page, for the room
 *
 * Every step is drawn in a design space of 1280 × 720 units (one unit is a pixel of a
 * projector at 1280 × 720; a 960 × 540 pt slide has 0.75 pt per unit), letterboxed
 * into any other area. The text of the items a step is about is at least ITEM_MIN units
 * (24 px at 1280 × 720): the core's story split blocks and stages into parts small
 * enough for it (tp-story.h's capacities).
 *
 * A canvas step draws its block's notes with the board's own layout and painter
 * (tp_layout_set_canvas_part(), tp_paint_board()), so they carry their colours,
 * evidence and votes exactly as on the board; the canvas beside it is a map of the nine
 * blocks in their conventional places. Stage and moment steps draw touchpoints as
 * presentation cards with the journey's symbols (faces, stars, gap bars). The value
 * chain's notes flow under their areas' headings; the alignment is rows in large type
 * (tp-story-page-alignment.c), and so is the analysis (tp-story-page-analysis.c).
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "analysis/tp-gap.h"
#include "model/tp-enums.h"
#include "tp-analysis-page-private.h"
#include "tp-legend.h"
#include "tp-painter-private.h"
#include "tp-story-page-private.h"
#include "tp-text.h"

/* One layout per thread, kept between steps of one document: its text measurements are
 * cached, so a step after the first lays out only what changed (stepping through a
 * presentation). Another document gets a new layout: the layout's fit is remembered by
 * document pointer and history state, which a new document at a freed one's address
 * could repeat (a weak reference tells them apart). */
typedef struct
{
  TpLayout *layout;
  GWeakRef  document;
  /* The text size the last canvas step's part fitted at, for the document's state it
   * was fitted in: painting the step again (a redraw, stepping back) lays it out once
   * rather than bisecting again. */
  guint64   block_state;
  TpCanvasSlice block;
  double    block_size;
} LayoutCache;

static void
layout_cache_free (gpointer data)
{
  LayoutCache *cache = data;

  g_clear_pointer (&cache->layout, tp_layout_free);
  g_weak_ref_clear (&cache->document);
  g_free (cache);
}

static GPrivate layout_key = G_PRIVATE_INIT (layout_cache_free);

static TpLayout *
get_layout (TpDocument    *document,
            const TpTheme *theme)
{
  LayoutCache *cache = g_private_get (&layout_key);
  g_autoptr(TpDocument) last = NULL;

  if (cache == NULL)
    {
      cache = g_new0 (LayoutCache, 1);
      g_weak_ref_init (&cache->document, NULL);
      g_private_set (&layout_key, cache);
    }
  last = g_weak_ref_get (&cache->document);
  if (cache->layout == NULL || last != document)
    {
      g_clear_pointer (&cache->layout, tp_layout_free);
      cache->layout = tp_layout_new ();
      tp_layout_set_full_text (cache->layout, TRUE);
      tp_layout_set_link_footers (cache->layout, FALSE);
      g_weak_ref_set (&cache->document, document);
      cache->block_size = 0;
    }
  tp_layout_set_theme (cache->layout, theme);
  return cache->layout;
}

double
_tp_story_text (StoryPainter   *p,
                TpFontRole      role,
                const char     *text,
                double          x,
                double          y,
                double          width,
                double          size,
                guint           max_lines,
                const TpColour *colour,
                PangoAlignment  alignment)
{
  double k = size / p->theme->fonts[role].size;
  g_autoptr(PangoLayout) layout = NULL;
  double text_width, text_height;

  if (text == NULL || text[0] == '\0')
    return 0;

  layout = tp_text_layout_new_lines (p->context, p->theme, role, text, width / k, max_lines);
  pango_layout_set_alignment (layout, alignment);
  tp_text_layout_get_size (layout, &text_width, &text_height);
  if (colour != NULL)
    {
      cairo_save (p->cr);
      cairo_translate (p->cr, x, y);
      cairo_scale (p->cr, k, k);
      tp_colour_set_source (p->cr, colour);
      cairo_move_to (p->cr, 0, 0);
      _tp_paint_layout (p->cr, layout);
      cairo_restore (p->cr);
    }
  return text_height * k;
}

double
_tp_story_text_width (StoryPainter *p,
                      TpFontRole    role,
                      const char   *text,
                      double        size)
{
  double k = size / p->theme->fonts[role].size;
  g_autoptr(PangoLayout) layout = tp_text_layout_new (p->context, p->theme, role, text, -1, 0);
  double text_width, text_height;

  tp_text_layout_get_size (layout, &text_width, &text_height);
  return text_width * k;
}

/* The frame every step shares: the kicker (what part of the workshop) and the heading
 * at the top left, the step number at the top right, the workshop's title at the foot
 * of a deck page. Returns where the content starts. */
static double
paint_frame (StoryPainter              *p,
             TpDocument                *document,
             TpStory                   *story,
             guint                      index,
             const char                *kicker,
             const TpStoryPaintOptions *options)
{
  const TpStoryStep *step = tp_story_get_step (story, index);
  g_autofree char *heading = tp_story_step_dup_title (story, step);
  g_autofree char *number = g_strdup_printf ("%u / %u", index + 1, tp_story_get_n_steps (story));
  double number_width = _tp_story_text_width (p, TP_FONT_CAPTION, number, 20);
  /* The heading keeps clear of the number and of the presentation's timer under it. */
  double heading_width = STORY_WIDTH - 2 * STORY_MARGIN_X - MAX (number_width,
                                                                 options->corner_width) - 24;
  double y = STORY_MARGIN_Y;

  _tp_story_text (p, TP_FONT_CAPTION, number, STORY_WIDTH - STORY_MARGIN_X - number_width, y,
                  number_width + 1, 20, 1, &p->theme->hint, PANGO_ALIGN_LEFT);
  if (kicker != NULL)
    y += _tp_story_text (p, TP_FONT_CAPTION, kicker, STORY_MARGIN_X, y,
                         heading_width, 18, 1,
                         &p->theme->hint, PANGO_ALIGN_LEFT) + 4;
  y += _tp_story_text (p, TP_FONT_REGION_TITLE, heading, STORY_MARGIN_X, y,
                       heading_width, 40, 2,
                       &p->theme->title, PANGO_ALIGN_LEFT);

  if (!options->screen)
    {
      g_autofree char *footer = _tp_analysis_format_subtitle (document);

      _tp_story_text (p, TP_FONT_CAPTION, footer, STORY_MARGIN_X, STORY_HEIGHT - 34,
                      STORY_WIDTH - 2 * STORY_MARGIN_X, 15, 1, &p->theme->hint,
                      PANGO_ALIGN_LEFT);
    }

  return y + 24;
}

/* The title slide: the workshop's title large, who and when under it, and what the
 * story holds, so the room knows how long the walk is. */
static void
paint_title (StoryPainter *p,
             TpDocument   *document,
             TpStory      *story,
             guint         index)
{
  const TpMeta *meta = tp_document_get_meta (document);
  g_autofree char *title = tp_story_step_dup_title (story, tp_story_get_step (story, index));
  g_autofree char *number = g_strdup_printf ("%u / %u", index + 1, tp_story_get_n_steps (story));
  g_autofree char *date = _tp_story_dup_date (meta);
  GString *people = g_string_new (NULL);
  g_autofree char *who = NULL;
  double width = STORY_WIDTH - 2 * 120, y, height;
  double number_width = _tp_story_text_width (p, TP_FONT_CAPTION, number, 20);

  if (meta->facilitator != NULL && meta->facilitator[0] != '\0')
    /* Translators: on the story's title slide. */
    g_string_append_printf (people, _("Facilitated by %s"), meta->facilitator);
  if (date != NULL)
    g_string_append_printf (people, "%s%s", people->len > 0 ? " · " : "", date);
  who = g_string_free (people, FALSE);

  /* Measured first, so the block sits a little above the middle. */
  height = _tp_story_text (p, TP_FONT_REGION_TITLE, title, 0, 0, width, 60, 3, NULL,
                           PANGO_ALIGN_LEFT) +
           _tp_story_text (p, TP_FONT_BLOCK_TITLE, meta->organisation, 0, 0, width, 30, 2, NULL,
                           PANGO_ALIGN_LEFT) +
           _tp_story_text (p, TP_FONT_NOTE, who, 0, 0, width, 24, 2, NULL, PANGO_ALIGN_LEFT) + 64;
  y = MAX (60, (STORY_HEIGHT - height) / 2 - 30);

  cairo_rectangle (p->cr, 120, y, 96, 8);
  tp_colour_set_source (p->cr, &p->theme->moment_of_truth);
  cairo_fill (p->cr);
  y += 32;
  y += _tp_story_text (p, TP_FONT_REGION_TITLE, title, 120, y, width, 60, 3, &p->theme->title,
                       PANGO_ALIGN_LEFT) + 16;
  y += _tp_story_text (p, TP_FONT_BLOCK_TITLE, meta->organisation, 120, y, width, 30, 2,
                       &p->theme->title, PANGO_ALIGN_LEFT) + 12;
  y += _tp_story_text (p, TP_FONT_NOTE, who, 120, y, width, 24, 2, &p->theme->hint,
                       PANGO_ALIGN_LEFT) + 48;

  /* What the walk holds, in its order, so the room knows where it is going. */
  {
    g_autoptr(GString) agenda = g_string_new (NULL);
    int last = -1;

    for (guint i = 0; i < tp_story_get_n_steps (story); i++)
      {
        TpStoryStepKind kind = tp_story_get_step (story, i)->kind;
        const char *label = NULL;

        if ((int) kind == last || kind == TP_STORY_STEP_TITLE)
          continue;
        last = kind;
        switch (kind)
          {
          case TP_STORY_STEP_CANVAS_BLOCK:
            label = tp_region_get_label (TP_REGION_CANVAS);
            break;
          case TP_STORY_STEP_VALUE_CHAIN:
            label = tp_region_get_label (TP_REGION_VALUE_CHAIN);
            break;
          case TP_STORY_STEP_JOURNEY_STAGE:
            label = tp_region_get_label (TP_REGION_JOURNEY);
            break;
          case TP_STORY_STEP_MOMENT:
            label = _("Moments of Truth");
            break;
          case TP_STORY_STEP_ALIGNMENT:
            label = _("Alignment");
            break;
          case TP_STORY_STEP_ANALYSIS:
            label = _("Analysis");
            break;
          case TP_STORY_STEP_TITLE:
          default:
            break;
          }
        if (label != NULL)
          g_string_append_printf (agenda, "%s%s", agenda->len > 0 ? "  ›  " : "", label);
      }
    _tp_story_text (p, TP_FONT_CAPTION, agenda->str, 120, MIN (y, STORY_BOTTOM - 60), width, 20,
                    2, &p->theme->hint, PANGO_ALIGN_LEFT);
  }

  _tp_story_text (p, TP_FONT_CAPTION, number, STORY_WIDTH - STORY_MARGIN_X - number_width,
                  STORY_MARGIN_Y, number_width + 1, 20, 1, &p->theme->hint, PANGO_ALIGN_LEFT);
}

/* The canvas's nine blocks in their conventional places (VISUAL.md), as fractions of
 * the map: x, y, width, height. */
static const double map_cells[TP_N_BMC_BLOCKS][4] = {
  [TP_CONTAINER_KEY_PARTNERS] = { 0.0, 0.0, 0.2, 0.75 },
  [TP_CONTAINER_KEY_ACTIVITIES] = { 0.2, 0.0, 0.2, 0.375 },
  [TP_CONTAINER_KEY_RESOURCES] = { 0.2, 0.375, 0.2, 0.375 },
  [TP_CONTAINER_VALUE_PROPOSITIONS] = { 0.4, 0.0, 0.2, 0.75 },
  [TP_CONTAINER_CUSTOMER_RELATIONSHIPS] = { 0.6, 0.0, 0.2, 0.375 },
  [TP_CONTAINER_CHANNELS] = { 0.6, 0.375, 0.2, 0.375 },
  [TP_CONTAINER_CUSTOMER_SEGMENTS] = { 0.8, 0.0, 0.2, 0.75 },
  [TP_CONTAINER_COST_STRUCTURE] = { 0.0, 0.75, 0.5, 0.25 },
  [TP_CONTAINER_REVENUE_STREAMS] = { 0.5, 0.75, 0.5, 0.25 },
};

/* The map beside a canvas step: blocks told so far filled, the current one emphasised,
 * those still to come as empty outlines with their numbers. */
static void
paint_canvas_map (StoryPainter      *p,
                  const TpRect      *rect,
                  const TpStoryStep *step)
{
  cairo_t *cr = p->cr;

  for (TpContainer c = 0; c < TP_N_BMC_BLOCKS; c++)
    {
      TpRect cell = { rect->x + map_cells[c][0] * rect->width + 2,
                      rect->y + map_cells[c][1] * rect->height + 2,
                      map_cells[c][2] * rect->width - 4,
                      map_cells[c][3] * rect->height - 4 };
      gboolean current = step->kind == TP_STORY_STEP_CANVAS_BLOCK && step->container == c;
      gboolean shown = tp_story_step_reveals_block (step, c);
      g_autofree char *number = g_strdup_printf ("%u", tp_container_get_number (c));
      double line = 17 * p->theme->fonts[TP_FONT_BADGE].line_height;

      _tp_rounded_rect (cr, &cell, 6);
      if (current)
        {
          tp_colour_set_source_alpha (cr, &p->theme->moment_of_truth, 0.3);
          cairo_fill_preserve (cr);
          tp_colour_set_source (cr, &p->theme->moment_of_truth);
          cairo_set_line_width (cr, 3);
          cairo_stroke (cr);
        }
      else if (shown)
        {
          tp_colour_set_source (cr, &p->theme->panel);
          cairo_fill_preserve (cr);
          tp_colour_set_source (cr, &p->theme->panel_border);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
      else
        {
          static const double dash[] = { 4, 4 };

          cairo_set_dash (cr, dash, 2, 0);
          tp_colour_set_source (cr, &p->theme->panel_border);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      _tp_story_text (p, TP_FONT_BADGE, number, cell.x, cell.y + (cell.height - line) / 2,
                      cell.width, 17, 1, shown ? &p->theme->title : &p->theme->hint,
                      PANGO_ALIGN_CENTER);
    }
}

/* Lays the block's part out at scale k across room; whether its height fits at it. */
static gboolean
try_block_size (TpLayout     *layout,
                TpDocument   *document,
                const TpRect *room,
                double        k,
                double       *scale)
{
  tp_layout_set_frame (layout, TP_REGION_CANVAS, room->width, room->height, k, k);
  tp_layout_update (layout, document);
  *scale = tp_layout_get_frame_scale (layout, TP_REGION_CANVAS);
  return *scale >= k * 0.999;
}

/* A canvas step: the block's notes (this part of them) large, with the board's layout
 * and painter; the map, the block's question and the key to the notes' symbols beside. */
static void
paint_canvas_block (StoryPainter      *p,
                    TpDocument        *document,
                    TpStory           *story,
                    const TpStoryStep *step,
                    double             top)
{
  TpLayout *layout = p->layout;
  TpCanvasSlice slice = { step->container, step->first, step->n_items };
  double note_size = p->theme->fonts[TP_FONT_NOTE].size;
  TpRect room = { STORY_MARGIN_X, top, STORY_SIDE_X - 32 - STORY_MARGIN_X,
                  STORY_BOTTOM - top };
  TpRect map = { STORY_SIDE_X, top, STORY_WIDTH - STORY_MARGIN_X - STORY_SIDE_X, 0 };
  TpRect block;
  TpPaintOptions paint;
  TpContainerInfo info;
  g_autoptr(TpLegend) legend = NULL;
  double scale, y;
  g_autofree char *told = NULL;

  tp_layout_set_canvas_part (layout, &slice, 1);
  tp_layout_set_frame (layout, TP_REGION_VALUE_CHAIN, 0, 0, 0, 0);
  /* A part of a block is laid out at the one scale it is given (the layout draws every
   * part at its frame's floor), across the room's width: at 24 px a part of three or
   * four notes was a row or two above an empty lower third. So the largest text size at
   * which the part still fits the room's height is looked for, bisected to 2 units
   * between the largest and the floor (where it fits: the story's capacities see to
   * that), five layouts at most; the last tried is drawn, the fitting size last. */
  {
    LayoutCache *cache = g_private_get (&layout_key);
    double lo = STORY_ITEM_MIN, hi = STORY_ITEM_MAX, size = STORY_ITEM_MAX;
    guint64 state = tp_document_get_state (document);

    if (cache->block_size > 0 && cache->block.container == slice.container)
      {
        /* The same part in the same state fits at the same size; after a live edit in
         * the block, or on its next part, the size it had is kept while it still fits
         * (a note typed in does not make the room's text jump up or down), and looked
         * for below it when it no longer does. */
        gboolean same = cache->block_state == state && cache->block.first == slice.first &&
                        cache->block.n == slice.n;

        size = cache->block_size;
        if (try_block_size (layout, document, &room, size / note_size, &scale) || same)
          lo = hi = size;
        else
          hi = size, size = (lo + hi) / 2;
      }
    while (hi > lo)
      {
        gboolean fits = try_block_size (layout, document, &room, size / note_size, &scale);

        if (fits)
          lo = size;
        else
          hi = size;
        if (hi - lo <= 2)
          {
            if (!fits)
              try_block_size (layout, document, &room, lo / note_size, &scale);
            break;
          }
        size = (lo + hi) / 2;
      }
    cache->block_state = state;
    cache->block = slice;
    cache->block_size = lo;
  }
  tp_layout_get_container (layout, step->container, &info);
  block = info.rect;

  cairo_save (p->cr);
  cairo_translate (p->cr, room.x, room.y);
  cairo_scale (p->cr, scale, scale);
  cairo_translate (p->cr, -block.x, -block.y);
  tp_paint_options_init (&paint);
  paint.visible = block;
  paint.transparent = TRUE;
  paint.links = FALSE;
  paint.screen = FALSE;
  tp_paint_board (p->cr, layout, document, &paint);
  cairo_restore (p->cr);

  map.height = map.width * 0.62;
  paint_canvas_map (p, &map, step);
  y = map.y + map.height + 10;
  /* Translators: under the map of the canvas on a story step: "Block 3 of 9". */
  told = g_strdup_printf (_("Block %u of %u"), tp_container_get_number (step->container),
                          TP_N_BMC_BLOCKS);
  y += _tp_story_text (p, TP_FONT_CAPTION, told, map.x, y, map.width, 18, 1, &p->theme->hint,
                       PANGO_ALIGN_CENTER) + 24;
  y += _tp_story_text (p, TP_FONT_HINT, tp_container_get_hint (step->container), map.x, y,
                       map.width, 22, 4, &p->theme->title, PANGO_ALIGN_LEFT) + 24;

  legend = tp_legend_new (document, 1 << TP_REGION_CANVAS, 0, 0);
  if (!tp_legend_is_empty (legend))
    {
      double k = 1.15;
      double height = tp_legend_measure (legend, layout, map.width / k) * k;

      if (y + height <= STORY_BOTTOM)
        {
          cairo_save (p->cr);
          cairo_translate (p->cr, map.x, STORY_BOTTOM - height);
          cairo_scale (p->cr, k, k);
          tp_legend_paint (legend, p->cr, layout, 0, 0, map.width / k);
          cairo_restore (p->cr);
        }
    }
}

/* Places (paint FALSE: measures) the part's notes at text size size, area by area under
 * the area's name, flowing in rows across width; returns the height. Notes are the
 * board's own, painted by tp_paint_note() at the scale that gives their text size. */
static double
flow_chain_notes (StoryPainter      *p,
                  TpDocument        *document,
                  TpStory           *story,
                  const TpStoryStep *step,
                  const TpRect      *room,
                  double             size,
                  gboolean           paint)
{
  double note_size = p->theme->fonts[TP_FONT_NOTE].size;
  double x = room->x, y = room->y, row_height = 0;
  int area = -1;
  TpPaintOptions options;

  tp_paint_options_init (&options);
  options.transparent = TRUE;
  options.links = FALSE;

  for (guint i = step->first; i < step->first + step->n_items; i++)
    {
      const TpNote *note = tp_story_get_value_chain_note (story, i);
      TpNoteInfo info;
      double k, width, height;

      if (note == NULL || !tp_layout_get_note (p->layout, note->item.id, &info) || !info.visible)
        continue;
      if ((int) note->container != area)
        {
          const char *name = tp_enum_get_label (TP_ENUM_CONTAINER, note->container);

          y += row_height + (area >= 0 ? 16 : 0);
          x = room->x;
          row_height = 0;
          area = note->container;
          if (paint)
            {
              TpRect icon = { room->x, y + 3, 24, 24 };

              _tp_paint_icon (p->cr, note->container, &icon, &p->theme->icon,
                              p->theme->icon_line_width * 1.6);
            }
          y += _tp_story_text (p, TP_FONT_BLOCK_TITLE, name, room->x + 34, y, room->width - 34,
                               24, 1, paint ? &p->theme->title : NULL, PANGO_ALIGN_LEFT) + 8;
        }

      k = size / (note_size * info.scale);
      width = info.rect.width * k;
      height = info.rect.height * k;
      if (x > room->x && x + width > room->x + room->width)
        {
          x = room->x;
          y += row_height + 12;
          row_height = 0;
        }
      if (paint)
        {
          cairo_save (p->cr);
          cairo_translate (p->cr, x, y);
          cairo_scale (p->cr, k, k);
          cairo_translate (p->cr, -info.rect.x, -info.rect.y);
          tp_paint_note (p->cr, p->layout, document, note->item.id, &options);
          cairo_restore (p->cr);
        }
      x += width + 12;
      row_height = MAX (row_height, height);
    }

  return y + row_height - room->y;
}

/* A value-chain step: this part's notes large, under their areas' names, across the
 * whole step (the areas' notes are as wide as the board's rows make them: a map beside
 * them left the support activities' notes one to a row, shrinking). */
static void
paint_value_chain (StoryPainter      *p,
                   TpDocument        *document,
                   TpStory           *story,
                   const TpStoryStep *step,
                   double             top)
{
  TpLayout *layout = p->layout;
  TpRect room = { STORY_MARGIN_X, top, STORY_WIDTH - 2 * STORY_MARGIN_X, STORY_BOTTOM - top };
  double size = STORY_ITEM_MAX - 8;

  /* The board's own arrangement, whole: the notes are painted one by one from it. */
  tp_layout_set_canvas_part (layout, NULL, 0);
  tp_layout_set_frame (layout, TP_REGION_CANVAS, 0, 0, 0, 0);
  tp_layout_set_frame (layout, TP_REGION_VALUE_CHAIN, 0, 0, 0, 0);
  tp_layout_update (layout, document);

  /* The largest text that fits, down to 24 px, the floor: the story split what cannot
   * fit there into further steps. Only a note alone on its step and too long for it
   * goes as small as 18 px rather than off the page. */
  for (; size > (step->n_items > 1 ? STORY_ITEM_MIN : STORY_ITEM_MIN * 0.75); size -= 1)
    if (flow_chain_notes (p, document, story, step, &room, size, FALSE) <= room.height)
      break;
  flow_chain_notes (p, document, story, step, &room, size, TRUE);
}

static const char *
get_kicker (const TpStoryStep *step,
            TpDocument        *document,
            char             **owned)
{
  switch (step->kind)
    {
    case TP_STORY_STEP_CANVAS_BLOCK:
      return tp_region_get_label (TP_REGION_CANVAS);
    case TP_STORY_STEP_VALUE_CHAIN:
      return tp_region_get_label (TP_REGION_VALUE_CHAIN);
    case TP_STORY_STEP_JOURNEY_STAGE:
      return tp_region_get_label (TP_REGION_JOURNEY);
    case TP_STORY_STEP_MOMENT:
      {
        TpStage *stage = tp_document_lookup_kind (document, step->stage, TP_ITEM_STAGE);

        /* Translators: above a moment of truth's heading: its stage's number and name. */
        *owned = g_strdup_printf (_("Customer Journey · Stage %u · %s"), step->stage_index + 1,
                                  stage != NULL ? stage->name : "");
        return *owned;
      }
    case TP_STORY_STEP_ALIGNMENT:
      return _("The business model against the journey");
    case TP_STORY_STEP_ANALYSIS:
      return _("Gaps, needs, KPIs, emotions and votes");
    case TP_STORY_STEP_TITLE:
    default:
      return NULL;
    }
}

void
tp_story_paint_step (cairo_t                   *cr,
                     TpDocument                *document,
                     TpStory                   *story,
                     guint                      index,
                     double                     width,
                     double                     height,
                     const TpStoryPaintOptions *options)
{
  static const TpStoryPaintOptions defaults = { 0 };
  const TpStoryStep *step;
  StoryPainter p;
  double scale, top;
  g_autofree char *kicker_owned = NULL;
  const char *kicker;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (TP_IS_DOCUMENT (document));
  g_return_if_fail (story != NULL);

  step = tp_story_get_step (story, index);
  g_return_if_fail (step != NULL);
  if (options == NULL)
    options = &defaults;

  p.cr = cr;
  p.theme = options->theme != NULL ? options->theme : tp_theme_get_default ();
  p.layout = get_layout (document, p.theme);
  p.context = tp_layout_get_context (p.layout);

  cairo_save (cr);
  tp_colour_set_source (cr, &p.theme->board_background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  /* Letterboxed: the design space keeps 16:9 in any area. */
  scale = MIN (width / STORY_WIDTH, height / STORY_HEIGHT);
  cairo_translate (cr, (width - STORY_WIDTH * scale) / 2, (height - STORY_HEIGHT * scale) / 2);
  cairo_scale (cr, scale, scale);

  if (step->kind == TP_STORY_STEP_TITLE)
    {
      paint_title (&p, document, story, index);
      cairo_restore (cr);
      return;
    }

  kicker = get_kicker (step, document, &kicker_owned);
  top = paint_frame (&p, document, story, index, kicker, options);
  switch (step->kind)
    {
    case TP_STORY_STEP_CANVAS_BLOCK:
      paint_canvas_block (&p, document, story, step, top);
      break;
    case TP_STORY_STEP_VALUE_CHAIN:
      paint_value_chain (&p, document, story, step, top);
      break;
    case TP_STORY_STEP_JOURNEY_STAGE:
      _tp_story_paint_stage (&p, document, story, step, top);
      break;
    case TP_STORY_STEP_MOMENT:
      _tp_story_paint_moment (&p, document, step, top);
      break;
    case TP_STORY_STEP_ALIGNMENT:
      _tp_story_paint_alignment (&p, document, step, top);
      break;
    case TP_STORY_STEP_ANALYSIS:
      _tp_story_paint_analysis (&p, document, step, top);
      break;
    case TP_STORY_STEP_TITLE:
    default:
      break;
    }

  cairo_restore (cr);
}

/* "12 November 2026", or NULL without a date. */
char *
_tp_story_dup_date (const TpMeta *meta)
{
  g_autofree char *iso = NULL;
  g_autoptr(GDateTime) date = NULL;

  if (meta->date == NULL || meta->date[0] == '\0')
    return NULL;
  iso = g_strconcat (meta->date, "T00:00:00Z", NULL);
  date = g_date_time_new_from_iso8601 (iso, NULL);
  /* Translators: the date in an export's footer; see g_date_time_format(). */
  return date != NULL ? g_date_time_format (date, _("%-d %B %Y")) : NULL;
}
