/* tp-analysis-table.c: the analysis page's tables, laid out like a report's.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Columns of figures and short words take what their widest cell needs, so that they
 * line up and never wrap; columns of prose share what is left in proportion to their
 * weights and wrap by words to every line they need. A table always spans
 * the width it is given (unless it needs more), and the header is set off by a dark rule,
 * rows by hairlines, the end by a dark rule again.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tp-analysis-page-private.h"
#include "tp-paint-batch.h"
#include "tp-painter-private.h"
#include "tp-text.h"

#define NO_VALUE         "\u2014"
#define TAG_PAD_X        7.0
#define TAG_HEIGHT       17.0
#define MARK_SIZE        11.0
#define DOT_SIZE         8.0
#define BAR_WIDTH        44.0
#define BAR_HEIGHT       6.0
#define INLINE_GAP       7.0     /* between a bar or dot and its number */
#define NATURAL_MAX      340.0   /* the widest a prose column's natural width counts */
#define WORD_MAX         160.0   /* the widest a single word may make a prose column */
/* A cell's text longer than this is shaped in pieces of about this size, stacked: Pango
 * 1.50 measures one long paragraph in more than linear time (a stage's KPIs at 40,000:
 * 8,000 lines in one cell, 18 times the time for 10 times the KPIs, issue 16), and
 * beyond about 300 KB it stops wrapping it at all. */
#define PIECE_BYTES      1024
/* Nor more lines than this in a piece, so that a piece is far shorter than a sheet:
 * a sheet may begin between two pieces of a row taller than itself. */
#define PIECE_LINES      12

typedef struct
{
  char   *id;
  TpCell *cells;
} Row;

struct _TpTable
{
  TpColumn *columns;
  guint     n_columns;
  GArray   *rows;      /* Row */
};

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_free (row->id);
  g_free (row->cells);
}

TpTable *
_tp_table_new (const TpColumn *columns,
               guint           n_columns)
{
  TpTable *table = g_new0 (TpTable, 1);

  table->columns = g_memdup2 (columns, sizeof (TpColumn) * n_columns);
  table->n_columns = n_columns;
  table->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_array_set_clear_func (table->rows, row_clear);
  return table;
}

void
_tp_table_free (TpTable *table)
{
  if (table == NULL)
    return;

  for (guint i = 0; i < table->rows->len; i++)
    {
      Row *row = &g_array_index (table->rows, Row, i);

      for (guint c = 0; c < table->n_columns; c++)
        {
          g_free (row->cells[c].text);
          g_free (row->cells[c].detail);
        }
    }
  g_array_unref (table->rows);
  g_free (table->columns);
  g_free (table);
}

TpCell *
_tp_table_add_row (TpTable    *table,
                   const char *id)
{
  Row row = { g_strdup (id), g_new0 (TpCell, table->n_columns) };

  for (guint c = 0; c < table->n_columns; c++)
    {
      row.cells[c].kind = table->columns[c].numeric ? TP_CELL_NUMBER : TP_CELL_TEXT;
      row.cells[c].value = NAN;
    }
  g_array_append_val (table->rows, row);
  return row.cells;
}

guint
_tp_table_get_n_rows (TpTable *table)
{
  return table->rows->len;
}

static gboolean
is_flexible (const TpColumn *column)
{
  return column->weight > 0;
}

static TpTextStyle
cell_style (const TpCell *cell)
{
  if (cell->kind != TP_CELL_TEXT)
    return TP_STYLE_NUMBER;
  if (cell->muted)
    return TP_STYLE_DETAIL;
  if (cell->strong)
    return TP_STYLE_STRONG;
  return cell->italic ? TP_STYLE_JOB : TP_STYLE_CELL;
}

static const char *
cell_text (const TpCell *cell)
{
  if (cell->kind == TP_CELL_MARK)
    return isnan (cell->value) ? NO_VALUE : "";
  return cell->text != NULL ? cell->text : "";
}

/* text cut into pieces of at most about PIECE_BYTES, at a line's end where there is one
 * (the pieces stack exactly), else after a list's separator or a space (a line then
 * ends a little early), else at a character. NULL when it is short enough whole. */
static GPtrArray *
split_text (const char *text)
{
  GPtrArray *pieces;
  const char *start = text, *end;

  guint n_lines = 0;

  if (text == NULL)
    return NULL;
  for (const char *p = text; *p != '\0' && n_lines <= PIECE_LINES; p++)
    n_lines += *p == '\n';
  if (strlen (text) <= PIECE_BYTES && n_lines <= PIECE_LINES)
    return NULL;

  pieces = g_ptr_array_new_with_free_func (g_free);
  end = start + strlen (start);
  while (start < end)
    {
      const char *limit = start + PIECE_BYTES, *cut = NULL, *next;
      guint lines = 0;

      /* The end of the PIECE_LINES-th line, when it comes first. */
      for (const char *p = start; p < end && p < limit; p++)
        if (*p == '\n' && ++lines == PIECE_LINES)
          {
            cut = p;
            break;
          }
      if (cut == NULL && limit >= end)
        {
          g_ptr_array_add (pieces, g_strdup (start));
          break;
        }
      for (const char *p = MIN (limit, end - 1); p > start && cut == NULL; p--)
        if (*p == '\n')
          cut = p;
      for (const char *p = limit; p > start && cut == NULL; p--)
        if (*p == ' ')
          cut = p;
      if (cut != NULL)
        {
          next = cut + 1;
        }
      else
        {
          cut = g_utf8_find_prev_char (start, limit + 1);
          if (cut == NULL || cut <= start)
            cut = g_utf8_find_next_char (start, end);
          next = cut;
        }
      g_ptr_array_add (pieces, g_strndup (start, cut - start));
      start = next;
    }
  return pieces;
}

/* What stands before a cell's number: a dot, a bar. */
static double
get_lead_width (const TpCell *cell)
{
  switch (cell->kind)
    {
    case TP_CELL_SEVERITY:
      return DOT_SIZE + INLINE_GAP;
    case TP_CELL_BAR:
    case TP_CELL_EMOTION:
      return BAR_WIDTH + INLINE_GAP;
    case TP_CELL_TEXT:
    case TP_CELL_NUMBER:
    case TP_CELL_TAG:
    case TP_CELL_MARK:
    default:
      return 0;
    }
}

/* The width a cell needs on one line, padding excluded. */
static double
measure_cell (TpAnalysisLayout *self,
              const TpCell     *cell)
{
  g_autoptr(PangoLayout) text = NULL;
  double width = 0, detail_width = 0;

  g_autoptr(GPtrArray) pieces = NULL;

  if (cell->kind == TP_CELL_MARK && !isnan (cell->value))
    return MARK_SIZE;

  /* A text in pieces: the widest piece on one line, which is far wider than any prose
   * column's natural width may count anyway (NATURAL_MAX). */
  if (cell->kind == TP_CELL_TEXT && (pieces = split_text (cell->text)) != NULL)
    {
      for (guint i = 0; i < pieces->len; i++)
        {
          g_autoptr(PangoLayout) piece = _tp_analysis_text (self, cell_style (cell),
                                                            g_ptr_array_index (pieces, i), -1, 0);
          double piece_width;

          _tp_analysis_text_size (piece, &piece_width, NULL);
          width = MAX (width, piece_width);
        }
      return width;
    }

  text = _tp_analysis_text (self, cell->kind == TP_CELL_TAG ? TP_STYLE_TAG : cell_style (cell),
                            cell_text (cell), -1, 0);
  _tp_analysis_text_size (text, &width, NULL);
  if (cell->kind == TP_CELL_TAG)
    width += 2 * TAG_PAD_X;
  width += get_lead_width (cell);

  if (cell->detail != NULL)
    {
      g_autoptr(PangoLayout) detail = _tp_analysis_text (self, TP_STYLE_DETAIL, cell->detail, -1, 0);

      _tp_analysis_text_size (detail, &detail_width, NULL);
    }
  return MAX (width, detail_width);
}

/* The widest word of a prose cell: a column narrower than that would break words, which
 * reads far worse than a table a little wider ("Considerati-on"). */
static double
measure_longest_word (TpAnalysisLayout *self,
                      const TpCell     *cell)
{
  g_autoptr(GPtrArray) pieces = NULL;
  double word = 0;

  if (cell->kind != TP_CELL_TEXT || cell->text == NULL)
    return 0;
  pieces = split_text (cell->text);
  if (pieces == NULL)
    return MIN (_tp_analysis_longest_word (self, cell_style (cell), cell->text), WORD_MAX);
  for (guint i = 0; i < pieces->len && word < WORD_MAX; i++)
    word = MAX (word, _tp_analysis_longest_word (self, cell_style (cell),
                                                 g_ptr_array_index (pieces, i)));
  return MIN (word, WORD_MAX);
}

/* Each column's natural width (its widest cell on one line, prose capped) and the
 * narrowest it may be, padding included. */
static void
measure_columns (TpAnalysisLayout *self,
                 TpTable          *table,
                 double           *natural,
                 double           *minimum)
{
  for (guint c = 0; c < table->n_columns; c++)
    {
      const TpColumn *column = &table->columns[c];
      g_autoptr(PangoLayout) title = _tp_analysis_text (self, TP_STYLE_HEADER, column->title, -1, 0);
      double width;

      _tp_analysis_text_size (title, &width, NULL);
      for (guint r = 0; r < table->rows->len; r++)
        width = MAX (width, measure_cell (self, &g_array_index (table->rows, Row, r).cells[c]));

      natural[c] = ceil (width) + 2 * TP_ANALYSIS_CELL_PAD_X;
      if (is_flexible (column))
        {
          double word = 0;

          for (guint r = 0; r < table->rows->len; r++)
            word = MAX (word, measure_longest_word (self, &g_array_index (table->rows, Row, r).cells[c]));
          natural[c] = MIN (natural[c], NATURAL_MAX);
          minimum[c] = MIN (natural[c], MAX (column->min_width, ceil (word) + 2 * TP_ANALYSIS_CELL_PAD_X));
        }
      else
        {
          minimum[c] = natural[c];
        }
    }
}

double
_tp_table_get_min_width (TpAnalysisLayout *self,
                         TpTable          *table)
{
  g_autofree double *natural = g_new0 (double, table->n_columns);
  g_autofree double *minimum = g_new0 (double, table->n_columns);
  double width = 0;

  measure_columns (self, table, natural, minimum);
  for (guint c = 0; c < table->n_columns; c++)
    width += minimum[c];
  return width;
}

/* Shares width out: fixed columns their natural width, the rest to the prose columns by
 * weight. A prose column whose share is more than it needs keeps only its natural width
 * while others still need more, and what is left over at the end goes by weight to all,
 * so that the table spans the width. */
static void
allocate_widths (TpTable      *table,
                 const double *natural,
                 const double *minimum,
                 double        width,
                 double       *widths)
{
  g_autofree gboolean *settled = g_new0 (gboolean, table->n_columns);
  double remaining = width, weights = 0, spare;
  gboolean changed = TRUE;

  for (guint c = 0; c < table->n_columns; c++)
    {
      if (is_flexible (&table->columns[c]))
        {
          weights += table->columns[c].weight;
        }
      else
        {
          widths[c] = natural[c];
          remaining -= natural[c];
          settled[c] = TRUE;
        }
    }

  while (changed && weights > 0)
    {
      changed = FALSE;
      for (guint c = 0; c < table->n_columns; c++)
        {
          if (settled[c] || natural[c] > remaining * table->columns[c].weight / weights)
            continue;
          widths[c] = natural[c];
          remaining -= natural[c];
          weights -= table->columns[c].weight;
          settled[c] = TRUE;
          changed = TRUE;
        }
    }

  for (guint c = 0; c < table->n_columns; c++)
    if (!settled[c])
      widths[c] = MAX (minimum[c], remaining * table->columns[c].weight / weights);

  /* Whatever is still spare (every prose column had enough) goes to every column in
   * proportion to its width, so that the white space spreads evenly across the table
   * rather than opening one gulf in it. */
  spare = width;
  for (guint c = 0; c < table->n_columns; c++)
    spare -= widths[c];
  if (spare > 0.5)
    {
      double used = width - spare;

      for (guint c = 0; c < table->n_columns; c++)
        widths[c] += spare * widths[c] / used;
    }
}

/* One line of a cell's style: what tags, marks and bars line up with. */
static double
first_line_middle (TpAnalysisLayout *self,
                   double            top)
{
  return top + _tp_analysis_line_height (self, TP_STYLE_CELL) / 2;
}

/* Lays a cell out at (x, y) in width; adds it when add is set. Returns its height. */
static double
place_cell (TpAnalysisLayout *self,
            const TpColumn   *column,
            const TpCell     *cell,
            double            x,
            double            y,
            double            width,
            gboolean          add,
            GArray           *breaks)
{
  const TpTheme *theme = self->theme;
  double middle = first_line_middle (self, y);
  double height = _tp_analysis_line_height (self, TP_STYLE_CELL);
  double lead = get_lead_width (cell);
  /* Prose wraps to every line it needs: a report never cuts a client's words (VISUAL.md,
   * "every word survives"); figures and short words keep to one line. */
  guint max_lines = is_flexible (column) ? 0 : 1;
  g_autoptr(PangoLayout) text = NULL;
  g_autoptr(GPtrArray) pieces = NULL;
  double text_width = 0, text_height = 0;

  if (cell->kind == TP_CELL_MARK && !isnan (cell->value))
    {
      /* At the right, under the column's title, as figures are. */
      TpRect mark = { x + width - MARK_SIZE, middle - MARK_SIZE / 2, MARK_SIZE, MARK_SIZE };

      if (add)
        _tp_analysis_add_mark (self, cell->value > 0, &mark,
                               &theme->gap[cell->value > 0 ? 0 : 2]);
      return height;
    }

  if (cell->kind == TP_CELL_TAG)
    {
      if (cell->text == NULL || cell->text[0] == '\0')
        return height;
      text = _tp_analysis_text (self, TP_STYLE_TAG, cell->text, width - 2 * TAG_PAD_X, 1);
      _tp_analysis_text_size (text, &text_width, &text_height);
      /* The pill is a little taller than a line: what goes under it goes under it. */
      height = MAX (height, middle - y + TAG_HEIGHT / 2 + 1);
      if (add)
        {
          TpRect pill = { x, middle - TAG_HEIGHT / 2, text_width + 2 * TAG_PAD_X, TAG_HEIGHT };

          if (cell->outlined)
            {
              TpColour ink = _tp_colour_darken (&cell->colour, 0.25);
              TpRect ring = _tp_rect_inset (&pill, 0.75);

              /* Outlined on the sheet's own colour, in either style. */
              _tp_analysis_add_rect (self, &ring, TAG_HEIGHT / 2, &theme->panel, &cell->colour,
                                     1.5);
              _tp_analysis_batch_last (self, TP_BATCH_TAG_EDGE);
              _tp_analysis_add_text (self, g_steal_pointer (&text), x + TAG_PAD_X,
                                     middle - text_height / 2, &ink);
            }
          else
            {
              _tp_analysis_add_rect (self, &pill, TAG_HEIGHT / 2, &cell->colour, NULL, 0);
              _tp_analysis_batch_last (self, TP_BATCH_TAG_FILL);
              _tp_analysis_add_text (self, g_steal_pointer (&text), x + TAG_PAD_X,
                                     middle - text_height / 2,
                                     _tp_analysis_text_on (self, &cell->colour));
            }
        }
    }
  else if (!column->numeric && cell->kind == TP_CELL_TEXT &&
           (pieces = split_text (cell->text)) != NULL)
    {
      double top = y;

      /* Every piece wraps at the column's width, under the one before. */
      for (guint i = 0; i < pieces->len; i++)
        {
          g_autoptr(PangoLayout) piece = _tp_analysis_text (self, cell_style (cell),
                                                            g_ptr_array_index (pieces, i), width,
                                                            max_lines);
          double piece_height;

          _tp_analysis_text_size (piece, NULL, &piece_height);
          if (add && breaks != NULL && i > 0)
            g_array_append_val (breaks, top);
          if (add)
            _tp_analysis_add_text (self, g_steal_pointer (&piece), x, top,
                                   cell->muted ? &theme->caption : &theme->cell_text);
          top += piece_height;
        }
      height = MAX (height, top - y);
    }
  else
    {
      gboolean right = column->numeric || cell->kind != TP_CELL_TEXT;

      /* Figures stay on one line; prose wraps. */
      text = _tp_analysis_text (self, cell_style (cell), cell_text (cell),
                                right ? -1 : width, right ? 0 : max_lines);
      _tp_analysis_text_size (text, &text_width, &text_height);
      height = MAX (height, text_height);
      if (add && lead > 0 && !isnan (cell->value))
        {
          double lead_x = x + width - text_width - lead;

          if (cell->kind == TP_CELL_SEVERITY)
            {
              _tp_analysis_add_circle (self, lead_x + DOT_SIZE / 2, middle, DOT_SIZE / 2,
                                       &cell->colour, NULL, 0);
              _tp_analysis_batch_last (self, TP_BATCH_TAG_DOT);
            }
          else
            {
              TpRect track = { lead_x, middle - BAR_HEIGHT / 2, BAR_WIDTH, BAR_HEIGHT };
              TpRect bar = track;

              _tp_analysis_add_rect (self, &track, BAR_HEIGHT / 2, &theme->bar_track, NULL, 0);
              _tp_analysis_batch_last (self, TP_BATCH_TRACK);
              if (cell->kind == TP_CELL_BAR)
                {
                  bar.width = BAR_WIDTH * CLAMP (cell->value, 0, 1);
                }
              else
                {
                  /* Diverging from the middle: left for negative, right for positive. */
                  double share = CLAMP (cell->value, TP_EMOTION_MIN, TP_EMOTION_MAX) / TP_EMOTION_MAX;

                  bar.x = track.x + BAR_WIDTH / 2 + MIN (share, 0) * BAR_WIDTH / 2;
                  bar.width = fabs (share) * BAR_WIDTH / 2;
                  _tp_analysis_add_line (self, track.x + BAR_WIDTH / 2, middle - BAR_HEIGHT,
                                         track.x + BAR_WIDTH / 2, middle + BAR_HEIGHT,
                                         &theme->caption, 1, FALSE);
                  /* Over the track, under the bar, as it was drawn. */
                  _tp_analysis_batch_last (self, TP_BATCH_TRACK);
                }
              if (bar.width > 0.5)
                {
                  _tp_analysis_add_rect (self, &bar, BAR_HEIGHT / 2, &cell->colour, NULL, 0);
                  _tp_analysis_batch_last (self, TP_BATCH_BAR);
                }
            }
        }
      if (add)
        _tp_analysis_add_text (self, g_steal_pointer (&text), right ? x + width - text_width : x,
                               y, cell->muted ? &theme->caption : &theme->cell_text);
    }

  if (cell->detail != NULL)
    {
      g_autoptr(PangoLayout) detail = _tp_analysis_text (self, TP_STYLE_DETAIL, cell->detail,
                                                         width, 0);
      double detail_width, detail_height;

      _tp_analysis_text_size (detail, &detail_width, &detail_height);
      if (add)
        _tp_analysis_add_text (self, g_steal_pointer (&detail),
                               column->numeric ? x + width - detail_width : x,
                               y + height + 1, &theme->caption);
      height += 1 + detail_height;
    }
  return height;
}

/* A row taller than a sheet (a stage's 640 moments of truth in one cell) may continue on
 * the next sheet between the pieces of its one long cell, where every other cell of the
 * row has ended: no line is cut in two. */
static void
add_row_cuts (TpAnalysisLayout *self,
              TpTable          *table,
              const double     *heights,
              guint             column,
              GArray           *breaks,
              const TpRect     *header,
              double            top)
{
  double ended = top;

  for (guint c = 0; c < table->n_columns; c++)
    if (c != column)
      ended = MAX (ended, top + heights[c]);
  for (guint i = 0; i < breaks->len; i++)
    {
      TpAnalysisCut cut = { g_array_index (breaks, double, i), *header };

      if (cut.y >= ended)
        g_array_append_val (self->cuts, cut);
    }
}

double
_tp_table_place (TpAnalysisLayout *self,
                 TpTable          *table,
                 TpAnalysisTable   which,
                 double            x,
                 double            y,
                 double            width)
{
  const TpTheme *theme = self->theme;
  g_autofree double *natural = g_new0 (double, table->n_columns);
  g_autofree double *minimum = g_new0 (double, table->n_columns);
  g_autofree double *widths = g_new0 (double, table->n_columns);
  TpColour rule = theme->title;
  g_autofree double *heights = g_new0 (double, table->n_columns);
  g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (double));
  double top = y, header_height = 0, table_width = 0, cx;
  TpRect header;

  rule.alpha = 0.55;
  measure_columns (self, table, natural, minimum);
  allocate_widths (table, natural, minimum, width, widths);
  for (guint c = 0; c < table->n_columns; c++)
    table_width += widths[c];
  /* Too narrow for the columns: the page grows (tp_analysis_layout_update() lays the
   * whole page out again at the new width). */
  if (x + table_width > self->page_width)
    self->page_width = x + table_width;

  /* The header row. */
  cx = x;
  for (guint c = 0; c < table->n_columns; c++)
    {
      const TpColumn *column = &table->columns[c];
      double inner = widths[c] - 2 * TP_ANALYSIS_CELL_PAD_X;
      PangoLayout *title = _tp_analysis_text (self, TP_STYLE_HEADER, column->title, inner, 2);
      double title_width, title_height;

      _tp_analysis_text_size (title, &title_width, &title_height);
      header_height = MAX (header_height, title_height);
      _tp_analysis_add_text (self, title,
                             column->numeric ? cx + widths[c] - TP_ANALYSIS_CELL_PAD_X - title_width
                                             : cx + TP_ANALYSIS_CELL_PAD_X,
                             y + TP_ANALYSIS_CELL_PAD_Y, &theme->caption);
      cx += widths[c];
    }
  y += header_height + 2 * TP_ANALYSIS_CELL_PAD_Y;
  _tp_analysis_add_line (self, x, y, x + table_width, y, &rule, 1, FALSE);
  /* A table taller than a sheet continues on the next at a row, under its header again,
   * rather than shrinking onto one sheet (a 50,000-row table as one PDF page, issue 16). */
  header = (TpRect) { x, top, table_width, y + 1 - top };

  for (guint r = 0; r < table->rows->len; r++)
    {
      const Row *row = &g_array_index (table->rows, Row, r);
      TpAnalysisRow record;
      double height = 0;

      /* Measure first, so that every cell knows the row's height. */
      for (guint c = 0; c < table->n_columns; c++)
        {
          heights[c] = place_cell (self, &table->columns[c], &row->cells[c], 0, 0,
                                   widths[c] - 2 * TP_ANALYSIS_CELL_PAD_X, FALSE, NULL);
          height = MAX (height, heights[c]);
        }
      height += 2 * TP_ANALYSIS_CELL_PAD_Y;

      cx = x;
      for (guint c = 0; c < table->n_columns; c++)
        {
          g_array_set_size (breaks, 0);
          place_cell (self, &table->columns[c], &row->cells[c], cx + TP_ANALYSIS_CELL_PAD_X,
                      y + TP_ANALYSIS_CELL_PAD_Y, widths[c] - 2 * TP_ANALYSIS_CELL_PAD_X, TRUE,
                      breaks);
          cx += widths[c];
          add_row_cuts (self, table, heights, c, breaks, &header, y + TP_ANALYSIS_CELL_PAD_Y);
        }

      if (r > 0)
        {
          TpAnalysisCut cut = { y, header };

          g_array_append_val (self->cuts, cut);
        }
      record.rect = (TpRect) { x, y, table_width, height };
      record.id = _tp_analysis_intern (self, row->id);
      g_array_append_val (self->rows[which], record);
      y += height;
      if (r + 1 < table->rows->len)
        {
          _tp_analysis_add_line (self, x, y, x + table_width, y, &theme->hairline, 1, FALSE);
          _tp_analysis_batch_last (self, TP_BATCH_EDGE);
        }
    }
  _tp_analysis_add_line (self, x, y, x + table_width, y, &rule, 1, FALSE);
  return y - top;
}
