/* tp-layout-blocks.c: placing the regions and their blocks, and flowing notes into them */

#include "config.h"

#include <math.h>

#include "tp-layout-private.h"
#include "tp-text.h"

/* The canvas's base size is 16:9, so an exported canvas fills a slide at nearly 100 %
 * and its 13-unit note text stays well above 9 pt at 1920 px wide (VISUAL.md). Each of
 * its five columns then takes two notes of ~150 units side by side. */
#define CANVAS_WIDTH        1760.0
#define CANVAS_HEIGHT       990.0
/* The value chain: five primary columns of one note each, four support rows of one note
 * row each, and Porter's margin arrow on the right; as tall as the canvas. */
#define CHAIN_COLUMN_WIDTH  210.0
#define CHAIN_SUPPORT_ROW   120.0
#define CHAIN_MARGIN_WIDTH  72.0
#define SCALE_STEP          0.05

/* The value chain's support rows, top to bottom, as Porter draws them. */
static const TpContainer support_rows[] = {
  TP_CONTAINER_FIRM_INFRASTRUCTURE,
  TP_CONTAINER_HUMAN_RESOURCES,
  TP_CONTAINER_TECHNOLOGY_DEVELOPMENT,
  TP_CONTAINER_PROCUREMENT,
};

static const TpContainer primary_columns[] = {
  TP_CONTAINER_INBOUND_LOGISTICS,
  TP_CONTAINER_OPERATIONS,
  TP_CONTAINER_OUTBOUND_LOGISTICS,
  TP_CONTAINER_MARKETING_AND_SALES,
  TP_CONTAINER_SERVICE,
};

static TpRect
rect_make (double x,
           double y,
           double width,
           double height)
{
  return (TpRect) { x, y, width, height };
}

/* Sets a block's panel and everything inside it that does not depend on its notes. */
static void
set_block_rect (TpLayout     *layout,
                TpContainer   container,
                const TpRect *rect)
{
  const TpTheme *theme = layout->theme;
  TpBlock *block = &layout->blocks[container];
  TpContainerInfo *info = &block->info;
  double pad = theme->panel_padding;
  double title_height = tp_theme_get_line_height (theme, TP_FONT_BLOCK_TITLE);
  double icon = theme->icon_size;
  double header_y = rect->y + pad;
  double title_x;

  info->rect = *rect;

  if (block->side_header)
    {
      /* Support rows are long and low: the header sits on the left, notes run right. */
      info->badge = rect_make (0, 0, 0, 0);
      info->icon = rect_make (rect->x + pad, header_y + (TP_LAYOUT_HEADER_HEIGHT - icon) / 2,
                              icon, icon);
      title_x = info->icon.x + icon + 10;
      info->title = rect_make (title_x, header_y + (TP_LAYOUT_HEADER_HEIGHT - title_height) / 2,
                               rect->x + pad + TP_LAYOUT_SIDE_HEADER - 16 - title_x, title_height);
      info->notes = rect_make (rect->x + pad + TP_LAYOUT_SIDE_HEADER, rect->y + pad,
                               rect->width - 2 * pad - TP_LAYOUT_SIDE_HEADER,
                               rect->height - 2 * pad);
      return;
    }

  info->icon = rect_make (rect->x + rect->width - pad - icon,
                          header_y + (TP_LAYOUT_HEADER_HEIGHT - icon) / 2, icon, icon);
  if (TP_CONTAINER_IS_CANVAS (container))
    {
      info->badge = rect_make (rect->x + pad, header_y + (TP_LAYOUT_HEADER_HEIGHT - TP_LAYOUT_BADGE_SIZE) / 2,
                               TP_LAYOUT_BADGE_SIZE, TP_LAYOUT_BADGE_SIZE);
      title_x = info->badge.x + TP_LAYOUT_BADGE_SIZE + 10;
    }
  else
    {
      info->badge = rect_make (0, 0, 0, 0);
      title_x = rect->x + pad;
    }
  info->title = rect_make (title_x, header_y + (TP_LAYOUT_HEADER_HEIGHT - title_height) / 2,
                           info->icon.x - 10 - title_x, title_height);
  info->notes = rect_make (rect->x + pad,
                           header_y + TP_LAYOUT_HEADER_HEIGHT + TP_LAYOUT_HEADER_GAP,
                           rect->width - 2 * pad,
                           rect->height - 2 * pad - TP_LAYOUT_HEADER_HEIGHT - TP_LAYOUT_HEADER_GAP);
}

/* How many note columns an unscaled width takes: near the preferred sticky size, never
 * narrower than the minimum (except when even one column is). */
static guint
columns_for (const TpTheme *theme,
             double         width)
{
  double gap = theme->note_gap;
  double preferred = round ((width + gap) / (theme->note_width + gap));
  double most = floor ((width + gap) / (theme->note_min_width + gap));

  return (guint) MAX (1, MIN (preferred, most));
}

static double
note_height (TpLayout   *layout,
             TpNoteBox  *box,
             const char *text,
             double      note_width)
{
  const TpTheme *theme = layout->theme;
  double pad = theme->note_padding;

  box->text_width = note_width - 2 * pad;
  box->max_lines = theme->note_max_lines;
  box->text_height = _tp_layout_measure (layout, text, box->text_width, box->max_lines,
                                         &box->truncated);

  return MAX (theme->note_min_height,
              pad + box->text_height + TP_LAYOUT_FOOTER_GAP + TP_LAYOUT_FOOTER_HEIGHT + pad);
}

/* Flows the block's notes in rows at a scale, in unscaled units, stopping before the
 * first row that would end below limit (board units; < 0 for no limit). Rows are
 * as tall as their tallest note. Returns how many notes fit; with quick, 0 as soon as
 * it is clear that not all of them can. */
static guint
flow (TpLayout  *layout,
      TpBlock   *block,
      GPtrArray *notes,
      double     scale,
      double     limit,
      gboolean   quick)
{
  const TpTheme *theme = layout->theme;
  double gap = theme->note_gap;
  double width = block->info.notes.width / scale;
  double base_limit = limit < 0 ? G_MAXDOUBLE : limit / scale + 1e-6;
  guint columns = columns_for (theme, width);
  double note_width = MAX (1, (width - (columns - 1) * gap) / columns);
  double y = 0;
  guint i = 0;

  block->info.n_columns = columns;
  block->note_width = note_width;
  g_array_set_size (block->rows, 0);

  /* Rows are at least a minimum note tall: when even that cannot fit, say so without
   * measuring any text (this keeps a block of thousands of notes cheap). */
  if (quick)
    {
      guint min_rows = (notes->len + columns - 1) / columns;

      if (min_rows * theme->note_min_height + (min_rows - 1) * gap > base_limit)
        return 0;
    }

  while (i < notes->len)
    {
      guint n = MIN (columns, notes->len - i);
      double row_height = 0;
      TpRow row;

      for (guint k = 0; k < n; k++)
        {
          TpNote *note = g_ptr_array_index (notes, i + k);
          TpNoteBox *box = _tp_layout_box (layout, block->first_box + i + k);

          row_height = MAX (row_height, note_height (layout, box, note->text, note_width));
        }

      if (y + row_height > base_limit)
        break;

      row.y = y;
      row.height = row_height;
      row.first = block->first_box + i;
      row.n = n;
      g_array_append_val (block->rows, row);
      y += row_height + gap;
      i += n;
    }

  return i;
}

/* The unscaled height of the flowed rows. */
static double
rows_height (TpBlock *block)
{
  TpRow *last;

  if (block->rows->len == 0)
    return 0;

  last = &g_array_index (block->rows, TpRow, block->rows->len - 1);

  return last->y + last->height;
}

/* Turns the flowed rows into board rects at the block's scale. */
static void
commit (TpLayout *layout,
        TpBlock  *block,
        double    scale,
        guint     n_visible)
{
  const TpTheme *theme = layout->theme;
  const TpRect *area = &block->info.notes;
  double step = block->note_width + theme->note_gap;

  block->info.scale = scale;
  block->info.n_visible = n_visible;
  block->info.n_hidden = block->info.n_notes - n_visible;

  for (guint r = 0; r < block->rows->len; r++)
    {
      TpRow *row = &g_array_index (block->rows, TpRow, r);

      row->y = area->y + row->y * scale;
      row->height *= scale;
      for (guint k = 0; k < row->n; k++)
        {
          TpNoteBox *box = _tp_layout_box (layout, row->first + k);

          box->visible = TRUE;
          box->scale = scale;
          box->rect = rect_make (area->x + k * step * scale, row->y,
                                 block->note_width * scale, row->height);
        }
    }

  for (guint i = n_visible; i < block->info.n_notes; i++)
    {
      TpNoteBox *box = _tp_layout_box (layout, block->first_box + i);

      box->visible = FALSE;
      box->scale = scale;
      box->rect = rect_make (0, 0, 0, 0);
    }
}

/* The panel height an expanded block needs to show every note at full size. */
static double
needed_height (TpLayout   *layout,
               TpContainer container,
               GPtrArray  *notes)
{
  TpBlock *block = &layout->blocks[container];
  double chrome = block->info.rect.height - block->info.notes.height;

  if (!layout->expanded[container] || notes->len == 0)
    return 0;

  flow (layout, block, notes, 1.0, -1, FALSE);

  return chrome + rows_height (block);
}

static void
place_more_badge (TpLayout *layout,
                  TpBlock  *block)
{
  g_autofree char *label = tp_layout_format_more (block->info.n_hidden);
  g_autoptr(PangoLayout) text = tp_text_layout_new (layout->context, layout->theme, TP_FONT_BADGE,
                                                    label, -1, -1);
  const TpRect *area = &block->info.notes;
  double width;

  tp_text_layout_get_size (text, &width, NULL);
  width = MIN (ceil (width) + 24, area->width);
  block->info.more = rect_make (area->x + area->width - width,
                                area->y + area->height - TP_LAYOUT_MORE_HEIGHT,
                                width, TP_LAYOUT_MORE_HEIGHT);
}

/* Flows a block's notes into its panel: at full size if they fit, else at the largest
 * scale down to the minimum that fits, else at the minimum with the rest hidden behind
 * a "+N more" badge. A block never hides a note silently. */
static void
place_notes (TpLayout   *layout,
             TpContainer container,
             GPtrArray  *notes)
{
  const TpTheme *theme = layout->theme;
  TpBlock *block = &layout->blocks[container];
  double limit = block->info.notes.height;
  guint n = notes->len;

  block->info.n_notes = n;
  block->info.expanded = layout->expanded[container];
  block->info.more = rect_make (0, 0, 0, 0);

  if (n == 0 || block->info.expanded)
    {
      commit (layout, block, 1.0, flow (layout, block, notes, 1.0, -1, FALSE));
      return;
    }

  for (guint step = 0; ; step++)
    {
      double scale = 1.0 - step * SCALE_STEP;

      if (scale < theme->note_min_scale - 1e-6)
        break;
      if (flow (layout, block, notes, scale, limit, TRUE) == n)
        {
          commit (layout, block, scale, n);
          return;
        }
    }

  /* Only whole rows show, above a strip for the badge. */
  limit -= TP_LAYOUT_MORE_HEIGHT + theme->note_gap;
  commit (layout, block, theme->note_min_scale,
          flow (layout, block, notes, theme->note_min_scale, MAX (0, limit), FALSE));
  place_more_badge (layout, block);
}

static void
arrange_canvas (TpLayout   *layout,
                GPtrArray **notes,
                double      x0,
                double      y0)
{
  double gap = layout->theme->panel_gap;
  double column = (CANVAS_WIDTH - 4 * gap) / 5;
  double lower = CANVAS_HEIGHT / 4;
  double upper = CANVAS_HEIGHT - lower - gap;
  double half = (upper - gap) / 2;
  double need[TP_N_BMC_BLOCKS];
  double top_a, bottom_a, top_b, bottom_b, extra;
  /* Osterwalder's arrangement: which column each block stands in, and for the two
   * stacked columns, which block is on top. */
  static const struct { TpContainer container; guint column; } full[] = {
    { TP_CONTAINER_KEY_PARTNERS, 0 },
    { TP_CONTAINER_VALUE_PROPOSITIONS, 2 },
    { TP_CONTAINER_CUSTOMER_SEGMENTS, 4 },
  };

  /* Widths first: they fix the note grid, so expanded blocks can tell their height. */
  for (guint c = 0; c < TP_N_BMC_BLOCKS; c++)
    {
      TpRect provisional = rect_make (0, 0, column, half);

      if (c == TP_CONTAINER_COST_STRUCTURE || c == TP_CONTAINER_REVENUE_STREAMS)
        provisional.width = (CANVAS_WIDTH - gap) / 2;
      layout->blocks[c].side_header = FALSE;
      set_block_rect (layout, c, &provisional);
      need[c] = needed_height (layout, c, notes[c]);
    }

  top_a = MAX (half, need[TP_CONTAINER_KEY_ACTIVITIES]);
  bottom_a = MAX (half, need[TP_CONTAINER_KEY_RESOURCES]);
  top_b = MAX (half, need[TP_CONTAINER_CUSTOMER_RELATIONSHIPS]);
  bottom_b = MAX (half, need[TP_CONTAINER_CHANNELS]);
  upper = MAX (upper, top_a + gap + bottom_a);
  upper = MAX (upper, top_b + gap + bottom_b);
  for (guint i = 0; i < G_N_ELEMENTS (full); i++)
    upper = MAX (upper, need[full[i].container]);
  lower = MAX (lower, need[TP_CONTAINER_COST_STRUCTURE]);
  lower = MAX (lower, need[TP_CONTAINER_REVENUE_STREAMS]);

  /* A stacked pair shares out whatever height a taller neighbour gave the band. */
  extra = upper - (top_a + gap + bottom_a);
  top_a += extra / 2;
  bottom_a += extra / 2;
  extra = upper - (top_b + gap + bottom_b);
  top_b += extra / 2;
  bottom_b += extra / 2;

  for (guint i = 0; i < G_N_ELEMENTS (full); i++)
    {
      TpRect rect = rect_make (x0 + full[i].column * (column + gap), y0, column, upper);
      set_block_rect (layout, full[i].container, &rect);
    }

  {
    const struct { TpContainer container; guint column; double y, height; } stacked[] = {
      { TP_CONTAINER_KEY_ACTIVITIES, 1, y0, top_a },
      { TP_CONTAINER_KEY_RESOURCES, 1, y0 + top_a + gap, bottom_a },
      { TP_CONTAINER_CUSTOMER_RELATIONSHIPS, 3, y0, top_b },
      { TP_CONTAINER_CHANNELS, 3, y0 + top_b + gap, bottom_b },
    };

    for (guint i = 0; i < G_N_ELEMENTS (stacked); i++)
      {
        TpRect rect = rect_make (x0 + stacked[i].column * (column + gap), stacked[i].y,
                                 column, stacked[i].height);
        set_block_rect (layout, stacked[i].container, &rect);
      }
  }

  {
    double half_width = (CANVAS_WIDTH - gap) / 2;
    TpRect cost = rect_make (x0, y0 + upper + gap, half_width, lower);
    TpRect revenue = rect_make (x0 + half_width + gap, y0 + upper + gap, half_width, lower);

    set_block_rect (layout, TP_CONTAINER_COST_STRUCTURE, &cost);
    set_block_rect (layout, TP_CONTAINER_REVENUE_STREAMS, &revenue);
  }

  layout->regions[TP_REGION_CANVAS] = rect_make (x0, y0, CANVAS_WIDTH, upper + gap + lower);
}

static double
value_chain_width (const TpTheme *theme)
{
  double gap = theme->panel_gap;

  return 5 * CHAIN_COLUMN_WIDTH + 4 * gap + gap + CHAIN_MARGIN_WIDTH;
}

static void
arrange_value_chain (TpLayout   *layout,
                     GPtrArray **notes,
                     double      x0,
                     double      y0)
{
  double gap = layout->theme->panel_gap;
  double inner_width = 5 * CHAIN_COLUMN_WIDTH + 4 * gap;
  double primary = CANVAS_HEIGHT - G_N_ELEMENTS (support_rows) * (CHAIN_SUPPORT_ROW + gap);
  double y = y0;

  for (guint i = 0; i < G_N_ELEMENTS (support_rows); i++)
    {
      TpContainer c = support_rows[i];
      TpRect rect = rect_make (x0, y, inner_width, CHAIN_SUPPORT_ROW);

      layout->blocks[c].side_header = TRUE;
      set_block_rect (layout, c, &rect);
      rect.height = MAX (rect.height, needed_height (layout, c, notes[c]));
      set_block_rect (layout, c, &rect);
      y += rect.height + gap;
    }

  for (guint i = 0; i < G_N_ELEMENTS (primary_columns); i++)
    {
      TpContainer c = primary_columns[i];
      TpRect rect = rect_make (x0 + i * (CHAIN_COLUMN_WIDTH + gap), y, CHAIN_COLUMN_WIDTH, primary);

      layout->blocks[c].side_header = FALSE;
      set_block_rect (layout, c, &rect);
      primary = MAX (primary, needed_height (layout, c, notes[c]));
    }

  for (guint i = 0; i < G_N_ELEMENTS (primary_columns); i++)
    {
      TpRect rect = rect_make (x0 + i * (CHAIN_COLUMN_WIDTH + gap), y, CHAIN_COLUMN_WIDTH, primary);

      set_block_rect (layout, primary_columns[i], &rect);
    }

  layout->regions[TP_REGION_VALUE_CHAIN] = rect_make (x0, y0, value_chain_width (layout->theme),
                                                      y + primary - y0);
  layout->margin = rect_make (x0 + inner_width + gap, y0, CHAIN_MARGIN_WIDTH, y + primary - y0);
}

void
_tp_layout_arrange (TpLayout   *layout,
                    TpDocument *document)
{
  const TpTheme *theme = layout->theme;
  double margin = theme->board_margin;
  double title_height = tp_theme_get_line_height (theme, TP_FONT_REGION_TITLE);
  double top = margin + title_height + TP_LAYOUT_TITLE_GAP;
  double chain_x = margin + CANVAS_WIDTH + theme->region_gap;
  double full_width = CANVAS_WIDTH + theme->region_gap + value_chain_width (theme);
  double bottom;
  TpRect journey;
  GPtrArray *notes[TP_N_CONTAINERS];

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      notes[c] = tp_document_get_notes (document, c);
      layout->blocks[c].info.region = TP_CONTAINER_IS_CANVAS (c) ? TP_REGION_CANVAS
                                                                 : TP_REGION_VALUE_CHAIN;
    }

  arrange_canvas (layout, notes, margin, top);
  arrange_value_chain (layout, notes, chain_x, top);
  layout->titles[TP_REGION_CANVAS] = rect_make (margin, margin, CANVAS_WIDTH, title_height);
  layout->titles[TP_REGION_VALUE_CHAIN] = rect_make (chain_x, margin,
                                                     value_chain_width (theme), title_height);

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    place_notes (layout, c, notes[c]);

  /* The journey comes below both, across the full width, and grows to the right as
   * stages and touchpoints come. Without stages its place is kept empty, so the other
   * regions never move. */
  bottom = MAX (layout->regions[TP_REGION_CANVAS].y + layout->regions[TP_REGION_CANVAS].height,
                layout->regions[TP_REGION_VALUE_CHAIN].y + layout->regions[TP_REGION_VALUE_CHAIN].height);
  /* The gap holds the band the links cross in (tp-layout-links.c). */
  _tp_layout_arrange_journey (layout, document, margin, bottom + layout->links.band_height,
                              full_width);

  if (tp_layout_get_region (layout, TP_REGION_JOURNEY, &journey))
    {
      full_width = MAX (full_width, journey.width);
      bottom = journey.y + journey.height;
    }

  layout->bounds = rect_make (0, 0, margin + full_width + margin, bottom + margin);
}
