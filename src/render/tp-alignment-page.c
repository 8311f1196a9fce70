/* tp-alignment-page.c: the alignment matrix and its gaps, laid out as a page.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every label is wrapped whole, never cut: a touchpoint's column is at least as wide as
 * the longest word of its name and of its links' labels, and rows and headers grow to
 * their text. The page widens when the columns need it; exports scale it to the sheet.
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "analysis/tp-alignment.h"
#include "model/tp-enums.h"
#include "tp-alignment-page.h"
#include "tp-analysis-page-private.h"
#include "tp-text.h"

#define PAD_X          TP_ANALYSIS_CELL_PAD_X
#define PAD_Y          TP_ANALYSIS_CELL_PAD_Y
#define BLOCK_WIDTH    128.0   /* the block or area of a group of rows, at least … */
#define BLOCK_PREF     180.0   /* … and as it takes spare width after the notes */
#define NOTE_MIN       170.0   /* a note's column, at its narrowest … */
#define NOTE_PREF      250.0   /* … as it takes spare width first … */
#define NOTE_MAX       360.0   /* … and widest: longer lines are hard to follow */
#define COLUMN_MIN     80.0    /* a touchpoint's column, unless a word needs more … */
#define COLUMN_MAX     150.0   /* … and at most, while the page has room */
#define DOT_RADIUS     5.0
#define DOT_GAP        6.0     /* between a dot and its label */
#define HEADER_GAP     28.0
#define SECTION_GAP    44.0
#define GAP_GUTTER     32.0    /* between the gaps' columns */
#define SWATCH         9.0     /* a gap's note colour */
#define STAGE_SATURATE 5.0     /* a stage's dot: its tint this much further from white … */
#define STAGE_DARKEN   0.15    /* … and this much darker */

typedef struct
{
  double block_x, note_x, columns_x;   /* where the label columns and the matrix begin */
  double note_width;
  double column_width;
  double right;                        /* the matrix's right edge */
} Grid;

/* A stage's tint, or the strong colour of its dots: the tint's hue with its distance
 * from white multiplied (darkening a pastel alone would give a muddy grey), a little
 * darker, so that a dot reads on white and on the tint. */
static TpColour
stage_colour (const TpTheme *theme,
              const TpStage *stage,
              gboolean       strong)
{
  /* The stage's own colour, as on the board: not its position's. */
  const TpColour *tint = &theme->stage_tints[(stage != NULL ? stage->colour : 0) % TP_N_STAGE_TINTS];
  TpColour colour = *tint;

  if (!strong)
    return colour;
  colour.red = CLAMP (1 - (1 - tint->red) * STAGE_SATURATE, 0, 1);
  colour.green = CLAMP (1 - (1 - tint->green) * STAGE_SATURATE, 0, 1);
  colour.blue = CLAMP (1 - (1 - tint->blue) * STAGE_SATURATE, 0, 1);
  return _tp_colour_darken (&colour, STAGE_DARKEN);
}

static char *
format_container (TpContainer container)
{
  const char *label = tp_enum_get_label (TP_ENUM_CONTAINER, container);

  if (TP_CONTAINER_IS_CANVAS (container))
    return g_strdup_printf ("%u %s", tp_container_get_number (container), label);
  /* Translators: a value-chain area as a row group of the alignment matrix. */
  return g_strdup_printf (_("Value chain: %s"), label);
}

static const char *
label_or_empty (const TpLink *link)
{
  return link->label != NULL ? link->label : "";
}

/* Header */

static double
place_header (TpAnalysisLayout  *self,
              TpDocument        *document,
              const TpAlignment *alignment)
{
  const TpTheme *theme = self->theme;
  g_autofree char *subtitle = _tp_analysis_format_subtitle (document);
  g_autofree char *links = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u link", "%u links",
                                                         alignment->cells->len),
                                            alignment->cells->len);
  g_autofree char *notes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note",
                                                         "%u notes", alignment->rows->len),
                                            alignment->rows->len);
  g_autofree char *touchpoints = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u touchpoint",
                                                               "%u touchpoints",
                                                               alignment->columns->len),
                                                  alignment->columns->len);
  guint n_gaps = tp_alignment_count_gaps (alignment);
  g_autofree char *gaps = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u gap", "%u gaps",
                                                        n_gaps), n_gaps);
  g_autofree char *counts = g_strdup_printf ("%s · %s · %s · %s", links, notes, touchpoints, gaps);
  double y = 0;

  y += _tp_analysis_add_string (self, TP_STYLE_TITLE, _("Alignment"), 0, y, self->page_width, 0,
                                &theme->title);
  y += 2;
  y += _tp_analysis_add_string (self, TP_STYLE_SUBTITLE, subtitle, 0, y, self->page_width, 0,
                                &theme->hint);
  y += _tp_analysis_add_string (self, TP_STYLE_SUBTITLE, counts, 0, y, self->page_width, 0,
                                &theme->hint);
  self->header = (TpRect) { 0, 0, self->page_width, y };
  return y + HEADER_GAP;
}

/* The grid */

static double
text_height (TpAnalysisLayout *self,
             TpTextStyle       style,
             const char       *text,
             double            width)
{
  g_autoptr(PangoLayout) layout = _tp_analysis_text (self, style, text, width, 0);
  double height;

  _tp_analysis_text_size (layout, NULL, &height);
  return height;
}

/* The narrowest a touchpoint's column may be: its name's and its links' labels' longest
 * words must fit whole. */
static double
column_min_width (TpAnalysisLayout  *self,
                  const TpAlignment *alignment)
{
  double width = COLUMN_MIN;

  for (guint i = 0; i < alignment->columns->len; i++)
    {
      const TpTouchpoint *tp = g_ptr_array_index (alignment->columns, i);

      width = MAX (width, _tp_analysis_longest_word (self, TP_STYLE_HEADER, tp->name) + 2 * PAD_X);
    }
  for (guint i = 0; i < alignment->cells->len; i++)
    {
      const TpAlignmentCell *cell = &g_array_index (alignment->cells, TpAlignmentCell, i);
      double word = _tp_analysis_longest_word (self, TP_STYLE_DETAIL, label_or_empty (cell->link));

      width = MAX (width, word + 2 * PAD_X + 2 * DOT_RADIUS + DOT_GAP);
    }
  for (guint i = 0; i < alignment->bands->len; i++)
    {
      const TpAlignmentBand *band = &g_array_index (alignment->bands, TpAlignmentBand, i);
      double word = _tp_analysis_longest_word (self, TP_STYLE_STRONG, band->stage->name);

      width = MAX (width, (word + 2 * PAD_X) / band->n_columns);
    }
  return ceil (width);
}

/* Spare width goes to the notes' column first (up to NOTE_PREF, so that a note reads as
 * a line or two), then to the touchpoints' (up to COLUMN_MAX), then to the notes' again
 * (up to NOTE_MAX); a matrix that does not fit even at its narrowest widens the page. */
static Grid
make_grid (TpAnalysisLayout  *self,
           const TpAlignment *alignment)
{
  double longest_block = 0, longest_note = 0, min_column = column_min_width (self, alignment);
  guint n = MAX (alignment->columns->len, 1);
  double block_width, spare;
  Grid grid;

  for (guint i = 0; i < alignment->groups->len; i++)
    {
      const TpAlignmentGroup *group = &g_array_index (alignment->groups, TpAlignmentGroup, i);
      g_autofree char *name = format_container (group->container);

      longest_block = MAX (longest_block, _tp_analysis_longest_word (self, TP_STYLE_STRONG, name));
    }
  for (guint i = 0; i < alignment->rows->len; i++)
    {
      const TpNote *note = g_ptr_array_index (alignment->rows, i);

      longest_note = MAX (longest_note, _tp_analysis_longest_word (self, TP_STYLE_CELL, note->text));
    }
  block_width = ceil (MAX (BLOCK_WIDTH, longest_block + 2 * PAD_X));

  grid.block_x = 0;
  grid.note_x = block_width;
  grid.note_width = ceil (MAX (NOTE_MIN, longest_note + 2 * PAD_X));
  grid.column_width = min_column;
  spare = self->page_width - block_width - grid.note_width - n * grid.column_width;
  if (spare < 0)
    {
      self->page_width -= spare;
      spare = 0;
    }
  if (grid.note_width < NOTE_PREF && spare > 0)
    {
      double grow = MIN (spare, NOTE_PREF - grid.note_width);

      grid.note_width = floor (grid.note_width + grow);
      spare -= grow;
    }
  /* "Value chain: Technology Development" on two lines rather than three or four. */
  if (block_width < BLOCK_PREF && spare > 0)
    {
      double grow = MIN (spare, BLOCK_PREF - block_width);

      block_width = floor (block_width + grow);
      grid.note_x = block_width;
      spare -= grow;
    }
  if (grid.column_width < COLUMN_MAX)
    {
      double grow = MIN (spare / n, COLUMN_MAX - grid.column_width);

      grid.column_width = floor (grid.column_width + grow);
      spare = self->page_width - block_width - grid.note_width - n * grid.column_width;
    }
  if (grid.note_width < NOTE_MAX && spare > 0)
    grid.note_width = floor (grid.note_width + MIN (spare, NOTE_MAX - grid.note_width));
  grid.columns_x = grid.note_x + grid.note_width;
  grid.right = grid.columns_x + n * grid.column_width;
  return grid;
}

/* The stage bands and the touchpoints' names above the matrix; returns the bottom. */
static double
place_column_headers (TpAnalysisLayout  *self,
                      const TpAlignment *alignment,
                      const Grid        *grid,
                      double             y)
{
  const TpTheme *theme = self->theme;
  double band_height = 0, name_height = 0;
  double mot_height = text_height (self, TP_STYLE_DETAIL, _("Moment of truth"),
                                   grid->column_width - 2 * PAD_X);
  TpColour mot = _tp_colour_darken (&theme->moment_of_truth, 0.25);

  for (guint i = 0; i < alignment->bands->len; i++)
    {
      const TpAlignmentBand *band = &g_array_index (alignment->bands, TpAlignmentBand, i);

      band_height = MAX (band_height, text_height (self, TP_STYLE_STRONG, band->stage->name,
                                                   band->n_columns * grid->column_width - 2 * PAD_X));
    }
  band_height += 2 * PAD_Y;
  for (guint i = 0; i < alignment->columns->len; i++)
    {
      const TpTouchpoint *tp = g_ptr_array_index (alignment->columns, i);
      double height = text_height (self, TP_STYLE_HEADER, tp->name, grid->column_width - 2 * PAD_X);

      name_height = MAX (name_height, height + (tp->moment_of_truth ? mot_height : 0));
    }
  name_height += 2 * PAD_Y;

  for (guint i = 0; i < alignment->bands->len; i++)
    {
      const TpAlignmentBand *band = &g_array_index (alignment->bands, TpAlignmentBand, i);
      TpColour tint = stage_colour (theme, band->stage, FALSE);
      TpRect rect = { grid->columns_x + band->first * grid->column_width, y,
                      band->n_columns * grid->column_width, band_height };

      _tp_analysis_add_rect (self, &rect, 0, &tint, &tint, 0);
      _tp_analysis_add_string (self, TP_STYLE_STRONG, band->stage->name, rect.x + PAD_X,
                               y + PAD_Y, rect.width - 2 * PAD_X, 0, &theme->title);
    }
  for (guint i = 0; i < alignment->columns->len; i++)
    {
      const TpTouchpoint *tp = g_ptr_array_index (alignment->columns, i);
      TpRect rect = { grid->columns_x + i * grid->column_width, y + band_height,
                      grid->column_width, name_height };
      double height = _tp_analysis_add_string (self, TP_STYLE_HEADER, tp->name, rect.x + PAD_X,
                                               rect.y + PAD_Y, rect.width - 2 * PAD_X, 0,
                                               &theme->cell_text);

      if (tp->moment_of_truth)
        _tp_analysis_add_string (self, TP_STYLE_DETAIL, _("Moment of truth"), rect.x + PAD_X,
                                 rect.y + PAD_Y + height, rect.width - 2 * PAD_X, 0, &mot);
      _tp_analysis_add_hit (self, &rect, tp->item.id);
    }

  /* The label columns' titles, at the foot of the header beside the names. */
  _tp_analysis_add_string (self, TP_STYLE_HEADER, _("Block or area"), grid->block_x + PAD_X,
                           y + band_height + name_height - PAD_Y -
                           _tp_analysis_line_height (self, TP_STYLE_HEADER),
                           grid->note_x - grid->block_x - 2 * PAD_X, 0, &theme->caption);
  _tp_analysis_add_string (self, TP_STYLE_HEADER, _("Note"), grid->note_x + PAD_X,
                           y + band_height + name_height - PAD_Y -
                           _tp_analysis_line_height (self, TP_STYLE_HEADER),
                           grid->note_width - 2 * PAD_X, 0, &theme->caption);
  return y + band_height + name_height;
}

/* A cell's links, stacked: a dot in the stage's colour and the label beside it. Returns
 * the height they take, placing them only when place is set. row_cells holds the
 * indices of the row's cells: a row has a few links, while a large workshop has
 * thousands of rows and columns, so nothing here may visit every cell of the grid. */
static double
place_cell (TpAnalysisLayout  *self,
            const TpAlignment *alignment,
            const Grid        *grid,
            GArray            *row_cells,
            guint              column,
            double             y,
            gboolean           place)
{
  const TpTheme *theme = self->theme;
  guint n = 0;
  double x = grid->columns_x + column * grid->column_width;
  double line = _tp_analysis_line_height (self, TP_STYLE_DETAIL);
  double label_x = x + PAD_X + 2 * DOT_RADIUS + DOT_GAP;
  double label_width = grid->column_width - (label_x - x) - PAD_X;
  double top = y;
  const TpStage *stage = NULL;

  for (guint b = 0; b < alignment->bands->len; b++)
    {
      const TpAlignmentBand *band = &g_array_index (alignment->bands, TpAlignmentBand, b);

      if (column >= band->first && column < band->first + band->n_columns)
        stage = band->stage;
    }

  for (guint i = 0; i < row_cells->len; i++)
    {
      const TpAlignmentCell *cell = &g_array_index (alignment->cells, TpAlignmentCell,
                                                    g_array_index (row_cells, guint, i));
      const char *label = label_or_empty (cell->link);
      double height;

      if (cell->column != column)
        continue;
      n++;
      height = label[0] != '\0' ? text_height (self, TP_STYLE_DETAIL, label, label_width)
                                 : line;

      if (place)
        {
          TpColour dot = stage_colour (theme, stage, TRUE);
          TpRect hit = { x, y - PAD_Y, grid->column_width, height + 2 * PAD_Y };

          _tp_analysis_add_circle (self, x + PAD_X + DOT_RADIUS, y + line / 2, DOT_RADIUS, &dot,
                                   &dot, 0);
          if (label[0] != '\0')
            _tp_analysis_add_string (self, TP_STYLE_DETAIL, label, label_x, y, label_width, 0,
                                     &theme->cell_text);
          _tp_analysis_add_hit (self, &hit, cell->link->item.id);
        }
      y += height + PAD_Y;
    }
  return n > 0 ? y - top - PAD_Y : 0;
}

/* Whether no earlier cell of the row is in the same column: each column once. */
static gboolean
is_first_in_column (const TpAlignment *alignment,
                    GArray            *row_cells,
                    guint              i)
{
  guint column = g_array_index (alignment->cells, TpAlignmentCell,
                                g_array_index (row_cells, guint, i)).column;

  for (guint j = 0; j < i; j++)
    if (g_array_index (alignment->cells, TpAlignmentCell,
                       g_array_index (row_cells, guint, j)).column == column)
      return FALSE;
  return TRUE;
}

/* Every column of the row that has a link, measured or placed; returns the tallest. */
static double
place_row_cells (TpAnalysisLayout  *self,
                 const TpAlignment *alignment,
                 const Grid        *grid,
                 GArray            *row_cells,
                 double             y,
                 gboolean           place)
{
  double height = 0;

  for (guint i = 0; i < row_cells->len; i++)
    if (is_first_in_column (alignment, row_cells, i))
      {
        guint column = g_array_index (alignment->cells, TpAlignmentCell,
                                      g_array_index (row_cells, guint, i)).column;

        /* Not inside MAX (), which would place it twice. */
        double cell = place_cell (self, alignment, grid, row_cells, column, y, place);

        height = MAX (height, cell);
      }
  return height;
}

/* The rows of one block or area; returns the group's bottom. by_row holds each row's
 * cells (GArray of indices into the alignment's cells). */
static double
place_group (TpAnalysisLayout       *self,
             const TpAlignment      *alignment,
             const Grid             *grid,
             GPtrArray              *by_row,
             const TpAlignmentGroup *group,
             double                  y)
{
  const TpTheme *theme = self->theme;
  g_autofree char *name = format_container (group->container);
  double name_height = text_height (self, TP_STYLE_STRONG, name,
                                    grid->note_x - grid->block_x - 2 * PAD_X);
  g_autofree double *heights = g_new0 (double, group->n_rows);
  double top = y, total = 0;

  /* Measure first: the block's name may need more height than its rows, and the last
   * row takes what is missing. */
  for (guint r = 0; r < group->n_rows; r++)
    {
      guint row = group->first + r;
      const TpNote *note = g_ptr_array_index (alignment->rows, row);
      double height = text_height (self, TP_STYLE_CELL, note->text, grid->note_width - 2 * PAD_X);

      double cells = place_row_cells (self, alignment, grid, g_ptr_array_index (by_row, row), 0,
                                      FALSE);

      height = MAX (height, cells);
      heights[r] = height + 2 * PAD_Y;
      total += heights[r];
    }
  if (name_height + 2 * PAD_Y > total)
    heights[group->n_rows - 1] += name_height + 2 * PAD_Y - total;

  {
    TpRect label = { grid->block_x, top, grid->note_x - grid->block_x,
                     MAX (total, name_height + 2 * PAD_Y) };

    _tp_analysis_add_rect (self, &label, 0, &theme->row_labels, &theme->row_labels, 0);
    _tp_analysis_add_string (self, TP_STYLE_STRONG, name, label.x + PAD_X, top + PAD_Y,
                             label.width - 2 * PAD_X, 0, &theme->title);
  }

  for (guint r = 0; r < group->n_rows; r++)
    {
      guint row = group->first + r;
      const TpNote *note = g_ptr_array_index (alignment->rows, row);
      TpRect label = { grid->note_x, y, grid->note_width, heights[r] };

      if (r > 0)
        _tp_analysis_add_line (self, grid->note_x, y + 0.5, grid->right, y + 0.5,
                               &theme->hairline, 1, FALSE);
      _tp_analysis_add_string (self, TP_STYLE_CELL, note->text, label.x + PAD_X, y + PAD_Y,
                               label.width - 2 * PAD_X, 0, &theme->cell_text);
      _tp_analysis_add_hit (self, &label, note->item.id);
      place_row_cells (self, alignment, grid, g_ptr_array_index (by_row, row), y + PAD_Y, TRUE);
      y += heights[r];
    }
  return y;
}

static double
place_matrix (TpAnalysisLayout  *self,
              const TpAlignment *alignment,
              const Grid        *grid_in,
              double             y)
{
  const TpTheme *theme = self->theme;
  g_autoptr(GPtrArray) by_row = NULL;
  Grid grid = *grid_in;
  double top, body;
  TpRect repeat;

  y = _tp_analysis_place_heading (self, _("Business model × journey"),
                                  _("A row for each note with a link, by block of the canvas and "
                                    "area of the value chain; a column for each touchpoint with a "
                                    "link, by stage. A dot marks a link, with its label. Notes and "
                                    "touchpoints without a link are listed under Gaps."),
                                  y);
  if (alignment->cells->len == 0)
    return y + _tp_analysis_add_empty (self, _("No links yet. Link a note to a touchpoint on the "
                                               "board, and the matrix shows what each part of the "
                                               "business delivers where."),
                                       0, y, self->page_width);

  by_row = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint i = 0; i < alignment->rows->len; i++)
    g_ptr_array_add (by_row, g_array_new (FALSE, FALSE, sizeof (guint)));
  for (guint i = 0; i < alignment->cells->len; i++)
    g_array_append_val (g_ptr_array_index (by_row, g_array_index (alignment->cells,
                                                                  TpAlignmentCell, i).row), i);

  top = y;
  body = place_column_headers (self, alignment, &grid, y);
  /* A matrix taller than a sheet continues on the next between two groups, under its
   * column headers again. */
  repeat = (TpRect) { 0, top, grid.right, body - top };
  y = body;
  for (guint i = 0; i < alignment->groups->len; i++)
    {
      const TpAlignmentGroup *group = &g_array_index (alignment->groups, TpAlignmentGroup, i);

      if (i > 0)
        {
          TpAnalysisCut cut = { y, repeat };

          g_array_append_val (self->cuts, cut);
        }
      _tp_analysis_add_line (self, grid.block_x, y + 0.5, grid.right, y + 0.5,
                             &theme->panel_border, 1, FALSE);
      y = place_group (self, alignment, &grid, by_row, group, y);
    }
  _tp_analysis_add_line (self, grid.block_x, y + 0.5, grid.right, y + 0.5, &theme->panel_border,
                         1, FALSE);

  /* Columns: a hairline between touchpoints, a firmer line between stages. */
  _tp_analysis_add_line (self, grid.columns_x + 0.5, top, grid.columns_x + 0.5, y,
                         &theme->panel_border, 1, FALSE);
  for (guint c = 1; c <= alignment->columns->len; c++)
    {
      double x = grid.columns_x + c * grid.column_width + 0.5;
      gboolean stage_edge = c == alignment->columns->len;

      for (guint b = 0; b < alignment->bands->len; b++)
        stage_edge |= g_array_index (alignment->bands, TpAlignmentBand, b).first == c;
      _tp_analysis_add_line (self, x, stage_edge ? top : body, x, y,
                             stage_edge ? &theme->panel_border : &theme->hairline, 1, FALSE);
    }
  return y;
}

/* The gaps */

typedef struct
{
  TpAnalysisLayout *self;
  double            x;
  double            y;
  double            width;
} Column;

static void
column_heading (Column     *column,
                const char *title,
                guint       n)
{
  const TpTheme *theme = column->self->theme;
  g_autofree char *text = g_strdup_printf ("%s (%u)", title, n);

  column->y += _tp_analysis_add_string (column->self, TP_STYLE_SUBHEADING, text, column->x,
                                        column->y, column->width, 0, &theme->title);
  column->y += 6;
  if (n == 0)
    column->y += _tp_analysis_add_string (column->self, TP_STYLE_CELL, _("None"), column->x,
                                          column->y, column->width, 0, &theme->hint) + 4;
}

static void
column_caption (Column     *column,
                const char *caption)
{
  const TpTheme *theme = column->self->theme;

  column->y += 4;
  column->y += _tp_analysis_add_string (column->self, TP_STYLE_DETAIL, caption, column->x,
                                        column->y, column->width, 0, &theme->caption);
  column->y += 2;
}

/* An item of a list: its text, a swatch before it when colour is given (a note's square,
 * or a stage's dot as in the matrix when round), clickable when id is. */
static void
column_item (Column         *column,
             const char     *text,
             const TpColour *colour,
             gboolean        round,
             const char     *id)
{
  const TpTheme *theme = column->self->theme;
  double indent = colour != NULL ? SWATCH + 8 : 0;
  double line = _tp_analysis_line_height (column->self, TP_STYLE_CELL);
  double height;

  if (colour != NULL)
    {
      TpRect swatch = { column->x, column->y + (line - SWATCH) / 2, SWATCH, SWATCH };
      TpColour edge = _tp_colour_darken (colour, 0.2);

      if (round)
        _tp_analysis_add_circle (column->self, swatch.x + SWATCH / 2, swatch.y + SWATCH / 2,
                                 SWATCH / 2, colour, colour, 0);
      else
        _tp_analysis_add_rect (column->self, &swatch, 2, colour, &edge, 1);
    }
  height = _tp_analysis_add_string (column->self, TP_STYLE_CELL, text, column->x + indent,
                                    column->y, column->width - indent, 0, &theme->cell_text);
  if (id != NULL)
    {
      TpRect hit = { column->x, column->y - 2, column->width, height + 4 };

      _tp_analysis_add_hit (column->self, &hit, id);
    }
  column->y += height + 4;
}

/* Where the list of unlinked notes continues in a second column: at the block that
 * brings it nearest to half its lines, or not at all (G_MAXUINT) when it is short. */
#define SPLIT_ENTRIES 12

static guint
split_unlinked_notes (const TpAlignment *alignment)
{
  GPtrArray *notes = alignment->unlinked_notes;
  guint n_entries = 0, seen = 0, best = G_MAXUINT;
  double best_distance = G_MAXDOUBLE;
  int container = -1;

  for (guint i = 0; i < notes->len; i++)
    {
      const TpNote *note = g_ptr_array_index (notes, i);

      n_entries += 1 + ((int) note->container != container);
      container = note->container;
    }
  if (n_entries < SPLIT_ENTRIES)
    return G_MAXUINT;

  container = -1;
  for (guint i = 0; i < notes->len; i++)
    {
      const TpNote *note = g_ptr_array_index (notes, i);

      if ((int) note->container != container && i > 0)
        {
          double distance = fabs (seen - n_entries / 2.0);

          if (distance < best_distance)
            {
              best_distance = distance;
              best = i;
            }
        }
      seen += 1 + ((int) note->container != container);
      container = note->container;
    }
  return best;
}

/* The canvas notes no touchpoint delivers, by block; from split on in second. */
static void
place_unlinked_notes (Column            *first,
                      Column            *second,
                      const TpAlignment *alignment,
                      guint              split)
{
  const TpTheme *theme = first->self->theme;
  Column *column = first;
  int container = -1;

  column_heading (first, _("Canvas notes no touchpoint delivers"), alignment->unlinked_notes->len);
  second->y = first->y;
  for (guint i = 0; i < alignment->unlinked_notes->len; i++)
    {
      const TpNote *note = g_ptr_array_index (alignment->unlinked_notes, i);

      if (i == split)
        column = second;
      if ((int) note->container != container)
        {
          g_autofree char *name = format_container (note->container);

          container = note->container;
          column_caption (column, name);
        }
      column_item (column, note->text, &theme->notes[note->colour], FALSE, note->item.id);
    }
}
/* Touchpoints by stage, each with a dot of its stage's colour. */
static void
place_touchpoint_list (Column     *column,
                       TpDocument *document,
                       const char *title,
                       GPtrArray  *touchpoints)
{
  const TpStage *current = NULL;

  column_heading (column, title, touchpoints->len);
  for (guint i = 0; i < touchpoints->len; i++)
    {
      const TpTouchpoint *tp = g_ptr_array_index (touchpoints, i);
      const TpStage *stage = tp_document_lookup_kind (document, tp->stage, TP_ITEM_STAGE);
      TpColour dot = stage_colour (column->self->theme, stage, TRUE);

      if (stage != NULL && stage != current)
        {
          current = stage;
          column_caption (column, stage->name);
        }
      column_item (column, tp->name, &dot, TRUE, tp->item.id);
    }
}

static double
place_gaps (TpAnalysisLayout  *self,
            TpDocument        *document,
            const TpAlignment *alignment,
            double             y)
{
  guint split = split_unlinked_notes (alignment);
  guint n_columns = split != G_MAXUINT ? 4 : 3;
  double width = floor ((self->page_width - (n_columns - 1) * GAP_GUTTER) / n_columns);
  Column columns[4], *notes, *more_notes, *touchpoints, *rest;
  double bottom = y;

  y = _tp_analysis_place_heading (self, _("Gaps"),
                                  _("What the method asks of a business model and its journey. "
                                    "Value-chain notes without a link are no gap: much of the "
                                    "value chain rightly never meets the customer."),
                                  y);
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    columns[i] = (Column) { self, i * (width + GAP_GUTTER), y, width };
  /* A long list of notes flows on into a second column. */
  notes = &columns[0];
  more_notes = split != G_MAXUINT ? &columns[1] : &columns[0];
  touchpoints = &columns[n_columns - 2];
  rest = &columns[n_columns - 1];

  place_unlinked_notes (notes, more_notes, alignment, split);
  place_touchpoint_list (touchpoints, document, _("Touchpoints no canvas note supports"),
                         alignment->unsupported_touchpoints);

  place_touchpoint_list (rest, document, _("Moments of truth no part of the business owns"),
                         alignment->unowned_moments);
  rest->y += 16;
  column_heading (rest, _("Canvas blocks without a link"), alignment->empty_blocks->len);
  for (guint i = 0; i < alignment->empty_blocks->len; i++)
    {
      g_autofree char *name = format_container (g_array_index (alignment->empty_blocks,
                                                               TpContainer, i));

      column_item (rest, name, NULL, FALSE, NULL);
    }
  rest->y += 16;
  column_heading (rest, _("Stages without a link"), alignment->empty_stages->len);
  for (guint i = 0; i < alignment->empty_stages->len; i++)
    {
      const TpStage *stage = g_ptr_array_index (alignment->empty_stages, i);
      TpColour dot = stage_colour (self->theme, stage, TRUE);
      column_item (rest, stage->name, &dot, TRUE, stage->item.id);
    }

  for (guint i = 0; i < n_columns; i++)
    bottom = MAX (bottom, columns[i].y);
  return bottom;
}

/* The page */

void
tp_alignment_layout_update (TpAnalysisLayout *self,
                            TpDocument       *document,
                            double            width)
{
  g_autoptr(TpAlignment) alignment = NULL;
  Grid grid = { 0 };
  double y, gaps_top;

  g_return_if_fail (self != NULL);
  g_return_if_fail (TP_IS_DOCUMENT (document));

  alignment = tp_alignment_new (document);
  _tp_analysis_reset (self, width);
  self->hits_are_rows = TRUE;
  /* The matrix's columns come first: they may widen the page, and the title and the
   * gaps line up with it. Laying out once matters on a large workshop, whose every text
   * is shaped. */
  if (alignment->cells->len > 0)
    grid = make_grid (self, alignment);
  y = place_header (self, document, alignment);
  y = place_matrix (self, alignment, &grid, y);

  self->sections[TP_ANALYSIS_SECTION_GAPS] = (TpRect) { 0, self->header.height + HEADER_GAP,
                                                        self->page_width,
                                                        y - self->header.height - HEADER_GAP };
  gaps_top = y + SECTION_GAP;
  y = place_gaps (self, document, alignment, gaps_top);
  self->sections[TP_ANALYSIS_SECTION_KANO] = (TpRect) { 0, gaps_top, self->page_width,
                                                        y - gaps_top };
  self->height = ceil (y);
  self->page_width = ceil (self->page_width);
  for (guint i = TP_ANALYSIS_SECTION_KPIS; i < TP_N_ANALYSIS_SECTIONS; i++)
    self->sections[i] = (TpRect) { 0, self->height, self->page_width, 0 };
}

gboolean
tp_alignment_layout_get_cell (TpAnalysisLayout *self,
                              const char       *link,
                              TpRect           *rect)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (link != NULL, FALSE);

  for (guint i = 0; i < self->hits->len; i++)
    {
      const TpAnalysisRow *hit = &g_array_index (self->hits, TpAnalysisRow, i);

      if (g_strcmp0 (hit->id, link) == 0)
        {
          if (rect != NULL)
            *rect = hit->rect;
          return TRUE;
        }
    }
  return FALSE;
}
