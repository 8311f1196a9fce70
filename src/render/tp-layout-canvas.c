/* tp-layout-canvas.c: Osterwalder's canvas at a width: its bands' columns shared out by
 * what they hold, stacked pairs, and a part of a canvas cut over several pages */

#include "config.h"

#include <math.h>

#include "model/tp-enums.h"
#include "tp-layout-private.h"

/* How many quanta a band column widens by, at most, looking for a shorter height. */
#define SHARE_ATTEMPTS 8

/* A stacked pair of blocks held to a band's height: each gets half, or what it needs if
 * less; an expanded one gets all it needs, and the other what is left. */
static void
hold_pair (double    band,
           double    gap,
           double    least,
           gboolean  top_expanded,
           gboolean  bottom_expanded,
           double   *top,
           double   *bottom)
{
  double half = (band - gap) / 2;

  if (top_expanded && bottom_expanded)
    return;
  if (top_expanded)
    *bottom = MAX (least, MIN (*bottom, band - gap - *top));
  else if (bottom_expanded)
    *top = MAX (least, MIN (*top, band - gap - *bottom));
  else
    {
      *top = MIN (*top, half);
      *bottom = band - gap - *top;
    }
}

/* A column of a band: one block, or two stacked. */
typedef struct
{
  TpContainer blocks[2];
  guint       n_blocks;
} BandColumn;

/* The unscaled width of a block that holds k note columns side by side. */
static double
block_width_for (const TpTheme *theme,
                 guint          k)
{
  return 2 * theme->panel_padding + k * theme->note_min_width + (k - 1) * theme->note_gap;
}

/* The height a band column wants at a width: its blocks' needs, stacked. */
static double
column_need (TpLayout         *layout,
             GPtrArray       **notes,
             const BandColumn *column,
             double            width,
             double           *need)
{
  double gap = layout->theme->panel_gap;
  double height = 0;

  for (guint b = 0; b < column->n_blocks; b++)
    {
      TpContainer c = column->blocks[b];

      _tp_layout_set_block_rect (layout, c, &(TpRect) { 0, 0, width, 1000 });
      need[c] = _tp_layout_needed_height (layout, c, notes[c]);
      height += need[c] + (b > 0 ? gap : 0);
    }
  return height;
}

/* The narrowest a band column may be: a note wide, and its titles' longest word on a
 * line between the badge and the icon (a title wraps between words, never inside one). */
static double
least_column_width (TpLayout         *layout,
                    const BandColumn *column)
{
  const TpTheme *theme = layout->theme;
  double least = block_width_for (theme, 1);

  for (guint b = 0; b < column->n_blocks; b++)
    {
      g_autofree char *title = _tp_layout_dup_block_title (layout, column->blocks[b]);
      g_auto(GStrv) words = g_strsplit (title, " ", -1);
      double chrome = 2 * theme->panel_padding + TP_LAYOUT_BADGE_SIZE + theme->icon_size + 20;

      for (guint i = 0; words[i] != NULL; i++)
        {
          double natural = 0;

          _tp_layout_measure_text (layout, TP_FONT_BLOCK_TITLE, words[i], 0, 0, &natural, NULL);
          least = MAX (least, ceil (chrome + natural + 1));
        }
    }
  return least;
}

/* Shares a band's width out among its columns by what they hold: every column starts as
 * narrow as it may be, and the tallest widens, a quantum per note column at a time, while
 * that makes it shorter and the band has room; so a full block widens (its notes take
 * another column, or fewer lines) and a sparse one gives its white away. What is left is
 * shared in proportion, so notes stay alike in width across the band. The band's height
 * only falls as its room grows, as the fit needs. Fills widths, and every block's need at
 * its width. */
static void
share_band (TpLayout         *layout,
            GPtrArray       **notes,
            const BandColumn *columns,
            guint             n_columns,
            double            room,
            double           *widths,
            double           *need)
{
  const TpTheme *theme = layout->theme;
  double height[5];
  double used = 0, spare;

  g_assert (n_columns <= G_N_ELEMENTS (height));

  for (guint i = 0; i < n_columns; i++)
    {
      widths[i] = least_column_width (layout, &columns[i]);
      used += widths[i];
    }

  /* Too narrow for that: equal columns, as narrow as they must be. */
  if (used > room)
    {
      for (guint i = 0; i < n_columns; i++)
        {
          widths[i] = room / n_columns;
          column_need (layout, notes, &columns[i], widths[i], need);
        }
      return;
    }

  /* A trial width wraps every note of a column: by the notes' models
   * (tp-layout-model.c), since shaping each anew is what the search would cost. */
  for (guint i = 0; i < n_columns; i++)
    height[i] = column_need (layout, notes, &columns[i], widths[i], need);

  for (;;)
    {
      guint tallest = 0;
      double step, width, shorter = 0;
      gboolean found = FALSE;

      for (guint i = 1; i < n_columns; i++)
        if (height[i] > height[tallest])
          tallest = i;
      /* Text rewraps and note columns come at certain widths only: a few quanta may pass
       * before the column gets shorter. */
      step = TP_LAYOUT_NOTE_QUANTUM *
             _tp_layout_note_columns (theme, widths[tallest] - 2 * theme->panel_padding);
      width = widths[tallest];
      for (guint attempt = 0; attempt < SHARE_ATTEMPTS && !found; attempt++)
        {
          width += step;
          if (used + width - widths[tallest] > room)
            break;
          shorter = column_need (layout, notes, &columns[tallest], width, need);
          found = shorter < height[tallest] - 0.5;
        }
      if (!found)
        break;
      used += width - widths[tallest];
      widths[tallest] = width;
      height[tallest] = shorter;
    }

  /* The rest levels the narrowest up first, so columns that hold alike (an empty canvas
   * above all) stand as Osterwalder's equal columns. */
  spare = room - used;
  for (guint left = n_columns; left > 0 && spare > 1e-9; )
    {
      double level = G_MAXDOUBLE, next = G_MAXDOUBLE, raise;
      guint n_level = 0;

      for (guint i = 0; i < n_columns; i++)
        level = MIN (level, widths[i]);
      for (guint i = 0; i < n_columns; i++)
        {
          if (widths[i] <= level + 1e-9)
            n_level++;
          else
            next = MIN (next, widths[i]);
        }
      raise = MIN (spare / n_level, next - level);
      for (guint i = 0; i < n_columns; i++)
        if (widths[i] <= level + 1e-9)
          widths[i] += raise;
      spare -= raise * n_level;
      left = n_columns - n_level;
    }
  for (guint i = 0; i < n_columns; i++)
    column_need (layout, notes, &columns[i], widths[i], need);
}

/* Osterwalder's arrangement at a width: five columns over two halves, every band as tall
 * as its tallest block wants, the columns as wide as their notes ask (share_band()), in
 * the canvas's own order. With max_height > 0 (a board region at its widest) the bands are
 * held to it and the notes shrink or hide in place_notes(). Returns the height. */
double
_tp_layout_arrange_canvas (TpLayout   *layout,
                           GPtrArray **notes,
                           double      x0,
                           double      y0,
                           double      width,
                           double      max_height)
{
  double gap = layout->theme->panel_gap;
  double upper = 0, lower = 0;
  double need[TP_N_BMC_BLOCKS];
  double widths[5], lower_widths[2];
  double top_a, bottom_a, top_b, bottom_b, extra, x;
  /* Osterwalder's arrangement: the upper band's columns left to right, the two stacked
   * ones top block first; the lower band's halves. */
  static const BandColumn upper_band[] = {
    { { TP_CONTAINER_KEY_PARTNERS }, 1 },
    { { TP_CONTAINER_KEY_ACTIVITIES, TP_CONTAINER_KEY_RESOURCES }, 2 },
    { { TP_CONTAINER_VALUE_PROPOSITIONS }, 1 },
    { { TP_CONTAINER_CUSTOMER_RELATIONSHIPS, TP_CONTAINER_CHANNELS }, 2 },
    { { TP_CONTAINER_CUSTOMER_SEGMENTS }, 1 },
  };
  static const BandColumn lower_band[] = {
    { { TP_CONTAINER_COST_STRUCTURE }, 1 },
    { { TP_CONTAINER_REVENUE_STREAMS }, 1 },
  };

  for (guint c = 0; c < TP_N_BMC_BLOCKS; c++)
    layout->blocks[c].side_header = FALSE;

  /* Widths first: they fix the note grid, so blocks can tell the height they want. */
  share_band (layout, notes, upper_band, G_N_ELEMENTS (upper_band), width - 4 * gap, widths,
              need);
  share_band (layout, notes, lower_band, G_N_ELEMENTS (lower_band), width - gap, lower_widths,
              need);

  top_a = need[TP_CONTAINER_KEY_ACTIVITIES];
  bottom_a = need[TP_CONTAINER_KEY_RESOURCES];
  top_b = need[TP_CONTAINER_CUSTOMER_RELATIONSHIPS];
  bottom_b = need[TP_CONTAINER_CHANNELS];
  upper = MAX (top_a + gap + bottom_a, top_b + gap + bottom_b);
  upper = MAX (upper, need[TP_CONTAINER_KEY_PARTNERS]);
  upper = MAX (upper, need[TP_CONTAINER_VALUE_PROPOSITIONS]);
  upper = MAX (upper, need[TP_CONTAINER_CUSTOMER_SEGMENTS]);
  lower = MAX (need[TP_CONTAINER_COST_STRUCTURE], need[TP_CONTAINER_REVENUE_STREAMS]);

  if (max_height > 0 && upper + gap + lower > max_height)
    {
      gboolean *expanded = layout->expanded;
      double least = TP_LAYOUT_HEADER_HEIGHT + TP_LAYOUT_HEADER_GAP +
                     2 * layout->theme->panel_padding + layout->theme->note_min_height;

      /* The canvas's conventional proportions: the upper three quarters, the lower one;
       * a block the user expanded keeps all it needs, and its band grows with it. */
      lower = MIN (lower, (max_height - gap) / 4);
      if (expanded[TP_CONTAINER_COST_STRUCTURE] || expanded[TP_CONTAINER_REVENUE_STREAMS])
        lower = MAX (expanded[TP_CONTAINER_COST_STRUCTURE] ? need[TP_CONTAINER_COST_STRUCTURE] : 0,
                     expanded[TP_CONTAINER_REVENUE_STREAMS] ? need[TP_CONTAINER_REVENUE_STREAMS] : 0);
      upper = max_height - gap - lower;
      for (guint i = 0; i < G_N_ELEMENTS (upper_band); i++)
        if (upper_band[i].n_blocks == 1 && expanded[upper_band[i].blocks[0]])
          upper = MAX (upper, need[upper_band[i].blocks[0]]);
      hold_pair (upper, gap, least, expanded[TP_CONTAINER_KEY_ACTIVITIES],
                 expanded[TP_CONTAINER_KEY_RESOURCES], &top_a, &bottom_a);
      hold_pair (upper, gap, least, expanded[TP_CONTAINER_CUSTOMER_RELATIONSHIPS],
                 expanded[TP_CONTAINER_CHANNELS], &top_b, &bottom_b);
      upper = MAX (upper, top_a + gap + bottom_a);
      upper = MAX (upper, top_b + gap + bottom_b);
    }

  /* A stacked pair shares out whatever height a taller neighbour gave the band. */
  extra = upper - (top_a + gap + bottom_a);
  top_a += extra / 2;
  bottom_a += extra / 2;
  extra = upper - (top_b + gap + bottom_b);
  top_b += extra / 2;
  bottom_b += extra / 2;

  x = x0;
  for (guint i = 0; i < G_N_ELEMENTS (upper_band); i++)
    {
      const BandColumn *column = &upper_band[i];
      double w = widths[i];

      if (column->n_blocks == 1)
        _tp_layout_set_block_rect (layout, column->blocks[0], &(TpRect) { x, y0, w, upper });
      else
        {
          gboolean left = column->blocks[0] == TP_CONTAINER_KEY_ACTIVITIES;
          double top = left ? top_a : top_b, bottom = left ? bottom_a : bottom_b;

          _tp_layout_set_block_rect (layout, column->blocks[0], &(TpRect) { x, y0, w, top });
          _tp_layout_set_block_rect (layout, column->blocks[1], &(TpRect) { x, y0 + top + gap, w, bottom });
        }
      x += w + gap;
    }

  _tp_layout_set_block_rect (layout, TP_CONTAINER_COST_STRUCTURE,
                  &(TpRect) { x0, y0 + upper + gap, lower_widths[0], lower });
  _tp_layout_set_block_rect (layout, TP_CONTAINER_REVENUE_STREAMS,
                  &(TpRect) { x0 + lower_widths[0] + gap, y0 + upper + gap, lower_widths[1], lower });

  layout->regions[TP_REGION_CANVAS] = (TpRect) { x0, y0, width, upper + gap + lower };
  return upper + gap + lower;
}

/* A part of the canvas at a width: its slices side by side as equal columns in the
 * order given, every column as tall as the fullest wants; the blocks not in the part have
 * no place. Returns the height. */
double
_tp_layout_arrange_canvas_part (TpLayout   *layout,
                     GPtrArray **notes,
                     double      x0,
                     double      y0,
                     double      width,
                     double      max_height)
{
  double gap = layout->theme->panel_gap;
  guint n = layout->part->len;
  double column = (width - (n - 1) * gap) / n;
  double height = 0;

  for (guint c = 0; c < TP_N_BMC_BLOCKS; c++)
    {
      layout->blocks[c].side_header = FALSE;
      _tp_layout_set_block_rect (layout, c, &(TpRect) { 0 });
    }
  for (guint i = 0; i < n; i++)
    {
      TpContainer c = g_array_index (layout->part, TpCanvasSlice, i).container;

      _tp_layout_set_block_rect (layout, c, &(TpRect) { 0, 0, column, 1000 });
      height = MAX (height, _tp_layout_needed_height (layout, c, notes[c]));
    }
  if (max_height > 0)
    height = MIN (height, max_height);
  for (guint i = 0; i < n; i++)
    {
      TpContainer c = g_array_index (layout->part, TpCanvasSlice, i).container;

      _tp_layout_set_block_rect (layout, c, &(TpRect) { x0 + i * (column + gap), y0, column, height });
    }

  layout->regions[TP_REGION_CANVAS] = (TpRect) { x0, y0, width, height };
  return height;
}

