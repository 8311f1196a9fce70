/* tp-layout-blocks.c: a block's notes flowed into it and placed (the regions around them are
 * fitted in tp-layout-fit.c) */

#include "config.h"

#include <math.h>
#include <string.h>

#include "model/tp-enums.h"
#include "tp-layout-private.h"
#include "tp-text.h"

/* A block with no note yet keeps room for a row of them (and its hint). */
#define EMPTY_BLOCK_ROWS    1
/* The narrowest column of a canvas cut into parts. */
#define PART_MIN_COLUMN     250.0
/* How much of a line's width its words fill on average, wrapped between words. */
#define WRAP_SLACK          0.9
#define SCALE_STEP          0.05

static guint n_box_visits[TP_N_CONTAINERS];

guint
_tp_layout_count_box_visits (TpContainer container)
{
  return n_box_visits[container];
}

void
_tp_layout_count_box_visit (TpContainer container,
                            guint       n)
{
  n_box_visits[container] += n;
}

void
_tp_layout_placed_init (TpPlaced *placed)
{
  placed->rows = g_array_new (FALSE, FALSE, sizeof (TpRow));
  placed->measures = g_ptr_array_new ();
}

void
_tp_layout_placed_clear (TpPlaced *placed)
{
  g_clear_pointer (&placed->rows, g_array_unref);
  g_clear_pointer (&placed->measures, g_ptr_array_unref);
}

/* The height of a block's title wrapped at width: a narrow block's title takes two lines
 * rather than lose words (VISUAL.md: every word survives). */
static double
title_height (TpLayout    *layout,
              TpContainer  container,
              double       width)
{
  g_autofree char *title = _tp_layout_dup_block_title (layout, container);

  return _tp_layout_measure_text (layout, TP_FONT_BLOCK_TITLE, title, MAX (1, width), 0, NULL,
                                  NULL);
}

/* Sets a block's panel and everything inside it that does not depend on its notes. */
void
_tp_layout_set_block_rect (TpLayout     *layout,
                           TpContainer   container,
                           const TpRect *rect)
{
  const TpTheme *theme = layout->theme;
  TpBlock *block = &layout->blocks[container];
  TpContainerInfo *info = &block->info;
  double pad = theme->panel_padding;
  double line_height = tp_theme_get_line_height (theme, TP_FONT_BLOCK_TITLE);
  double icon = theme->icon_size;
  double header_y = rect->y + pad;
  double title_x, title_width, text_height, header;

  info->rect = *rect;

  if (block->side_header)
    {
      /* Support rows are long and low: the header sits on the left, notes run right. */
      info->badge = _tp_rect_make (0, 0, 0, 0);
      info->icon = _tp_rect_make (rect->x + pad, header_y + (TP_LAYOUT_HEADER_HEIGHT - icon) / 2,
                              icon, icon);
      title_x = info->icon.x + icon + 10;
      title_width = rect->x + pad + TP_LAYOUT_SIDE_HEADER - 16 - title_x;
      text_height = title_height (layout, container, title_width);
      info->title = _tp_rect_make (title_x, header_y + MAX (0, (TP_LAYOUT_HEADER_HEIGHT - line_height) / 2),
                               title_width, text_height);
      block->header_height = MAX (TP_LAYOUT_HEADER_HEIGHT, text_height);
      info->notes = _tp_rect_make (rect->x + pad + TP_LAYOUT_SIDE_HEADER, rect->y + pad,
                               rect->width - 2 * pad - TP_LAYOUT_SIDE_HEADER,
                               rect->height - 2 * pad);
      return;
    }

  info->icon = _tp_rect_make (rect->x + rect->width - pad - icon,
                          header_y + (TP_LAYOUT_HEADER_HEIGHT - icon) / 2, icon, icon);
  if (TP_CONTAINER_IS_CANVAS (container))
    {
      info->badge = _tp_rect_make (rect->x + pad, header_y + (TP_LAYOUT_HEADER_HEIGHT - TP_LAYOUT_BADGE_SIZE) / 2,
                               TP_LAYOUT_BADGE_SIZE, TP_LAYOUT_BADGE_SIZE);
      title_x = info->badge.x + TP_LAYOUT_BADGE_SIZE + 10;
    }
  else
    {
      info->badge = _tp_rect_make (0, 0, 0, 0);
      title_x = rect->x + pad;
    }
  title_width = info->icon.x - 10 - title_x;
  text_height = title_height (layout, container, title_width);
  /* One line sits centred on the badge and icon; more hang from the header's top. */
  info->title = _tp_rect_make (title_x,
                           header_y + (text_height > line_height + 1
                                       ? 0 : (TP_LAYOUT_HEADER_HEIGHT - line_height) / 2),
                           title_width, text_height);
  header = MAX (TP_LAYOUT_HEADER_HEIGHT, text_height);
  block->header_height = header;
  info->notes = _tp_rect_make (rect->x + pad,
                           header_y + header + TP_LAYOUT_HEADER_GAP,
                           rect->width - 2 * pad,
                           rect->height - 2 * pad - header - TP_LAYOUT_HEADER_GAP);
}

/* How many note columns an unscaled width takes: as many as fit at the minimum sticky
 * width (at least one), so that a block's height only shrinks as it widens (the fit
 * relies on it) and a wide block holds many notes side by side, as on a wall. */
guint
_tp_layout_note_columns (const TpTheme *theme,
             double         width)
{
  double gap = theme->note_gap;

  return (guint) MAX (1, floor ((width + gap) / (theme->note_min_width + gap)));
}

/* A text's height wrapped at width, told from its width on one line (measured once, at
 * no width, whatever the width asked, or told by its model): the fit's trials try many
 * widths, and shaping the text anew at each is what a fit would cost. Lines break between
 * words, so a line holds a little less than its width; the fit's last arrangement
 * measures for real. *last_right receives an estimate of where the last line ends. */
static double
estimate_text_height (TpLayout   *layout,
                      TpNoteBox  *box,
                      const char *text,
                      double      width,
                      guint       max_lines,
                      double     *last_right)
{
  double line = tp_theme_get_line_height (layout->theme, TP_FONT_NOTE);
  double natural = 0, height, lines, fill;

  height = _tp_layout_measure_natural (layout, box, text, &natural);
  lines = MAX (round (height / line), 1);
  /* Paragraphs of their own: each as wide as the widest, at most. */
  fill = natural / (WRAP_SLACK * MAX (width, 1));
  lines = MAX (lines, ceil (lines * fill));
  *last_right = lines > 1 ? width * (fill - floor (fill)) / WRAP_SLACK : natural;
  if (max_lines > 0 && lines > max_lines)
    {
      lines = max_lines;
      *last_right = width;
    }
  return lines * line;
}

double
_tp_layout_note_marks_width (TpLayout *layout,
                             TpNote   *note)
{
  double width = TP_LAYOUT_FOOTER_HEIGHT;

  if (note->votes > 0)
    width += TP_LAYOUT_MARKS_GAP + _tp_layout_votes_width (layout, note->votes);
  return width;
}

double
_tp_layout_fit_note (TpLayout  *layout,
                     TpNoteBox *box,
                     TpNote    *note,
                     double     text_width,
                     gboolean   estimate)
{
  const TpTheme *theme = layout->theme;
  double pad = theme->note_padding;
  double last_right, height;

  box->text_width = text_width;
  if (estimate)
    {
      box->text_height = estimate_text_height (layout, box, note->text, text_width,
                                               box->max_lines, &last_right);
      box->truncated = FALSE;
    }
  else
    box->text_height = _tp_layout_measure_box (layout, box, note->text, text_width,
                                               &box->truncated, &last_right);

  /* The marks share the last line when it leaves them room; else they take a row of their
   * own: so does a cut text's (the "more" cue shows there), a vote count's (text that
   * would read, and copy out of a PDF, as part of the note's last line) and a linked
   * note's (its link's badge sits on that row). */
  box->marks_inline = !box->truncated && box->text_height > 0 &&
                      note->votes <= TP_LAYOUT_VOTE_DOTS &&
                      !g_hash_table_contains (layout->linked, note->item.id) &&
                      last_right + TP_LAYOUT_MARKS_GAP + _tp_layout_note_marks_width (layout, note)
                      <= text_width;
  height = pad + box->text_height + pad;
  if (!box->marks_inline)
    height += TP_LAYOUT_FOOTER_GAP + TP_LAYOUT_FOOTER_HEIGHT;

  return MAX (theme->note_min_height, height);
}

static double
note_height (TpLayout  *layout,
             TpNoteBox *box,
             TpNote    *note,
             double     note_width)
{
  /* The board bounds a long text (the painter shows the cut, hovering and selecting show
   * it whole); a full-text layout grows the note to every line. */
  box->max_lines = layout->full_text ? 0 : layout->theme->note_max_lines;

  return _tp_layout_fit_note (layout, box, note, note_width - 2 * layout->theme->note_padding,
                              layout->estimating);
}

/* The note grid of a block's notes area at a scale, in unscaled units: how many note
 * columns, each note's width and the step from one note's left edge to the next. */
static void
note_grid (TpLayout *layout,
           TpBlock  *block,
           guint     n_notes,
           double    scale,
           guint    *columns,
           double   *note_width,
           double   *note_step)
{
  const TpTheme *theme = layout->theme;
  double gap = theme->note_gap;
  double width = block->info.notes.width / scale;
  /* No more columns than notes: a block wider than its notes need widens them instead,
   * up to twice the narrowest (so fewer lines), and the rest stays white on the right. */
  guint n = MIN (_tp_layout_note_columns (theme, width), MAX (n_notes, 1));
  double w = MAX (1, (width - (n - 1) * gap) / n);

  w = MIN (w, 2 * theme->note_min_width + gap);
  /* Whole quanta, so that a block a little wider or narrower measures the same texts at
   * the same width (the fit tries many widths); what is left over widens the gaps. */
  if (w > 2 * TP_LAYOUT_NOTE_QUANTUM)
    w = floor (w / TP_LAYOUT_NOTE_QUANTUM) * TP_LAYOUT_NOTE_QUANTUM;
  *columns = n;
  *note_width = w;
  /* The quanta's leftover widens the gaps a little; notes held to their widest leave the
   * rest white on the right, at the gap they always have. */
  if (note_step != NULL)
    *note_step = n > 1 ? MIN ((width - w) / (n - 1), w + gap + TP_LAYOUT_NOTE_QUANTUM)
                       : w + gap;
}

/* A row's height: its tallest note's, of the n notes from first. */
static double
row_height (TpLayout  *layout,
            TpBlock   *block,
            GPtrArray *notes,
            guint      first,
            guint      n,
            double     note_width)
{
  double height = 0;

  _tp_layout_count_box_visit (block - layout->blocks, n);
  for (guint k = 0; k < n; k++)
    {
      TpNote *note = g_ptr_array_index (notes, first + k);
      TpNoteBox *box = _tp_layout_box (layout, block->first_box + block->slice_first + first + k);

      height = MAX (height, note_height (layout, box, note, note_width));
    }
  return height;
}

double
_tp_layout_need_row (TpLayout  *layout,
                     TpBlock   *block,
                     GPtrArray *notes,
                     guint      row)
{
  guint columns;
  double note_width;

  /* Its notes' boxes now hold this trial's fit (text width, height, cut, marks), no
   * longer the placement kept: an edit and its undoing kept them at a trial's width. */
  block->placed.valid = FALSE;
  note_grid (layout, block, notes->len, 1.0, &columns, &note_width, NULL);
  return row_height (layout, block, notes, row * columns,
                     MIN (columns, notes->len - row * columns), note_width);
}

guint
_tp_layout_need_columns (TpLayout  *layout,
                         TpBlock   *block,
                         GPtrArray *notes)
{
  guint columns;
  double note_width;

  note_grid (layout, block, notes->len, 1.0, &columns, &note_width, NULL);
  return columns;
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
  double base_limit = limit < 0 ? G_MAXDOUBLE : limit / scale + 1e-6;
  guint columns;
  double note_width;
  double y = 0;
  guint i = 0;

  /* Its rows and boxes now hold this flow: no longer the placement kept. */
  block->placed.valid = FALSE;
  note_grid (layout, block, notes->len, scale, &columns, &note_width, &block->note_step);
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
      double height = row_height (layout, block, notes, i, n, note_width);
      TpRow row;

      if (y + height > base_limit)
        break;

      row.y = y;
      row.height = height;
      row.first = block->first_box + block->slice_first + i;
      row.n = n;
      g_array_append_val (block->rows, row);
      y += height + gap;
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

/* Turns the rows as flowed (unscaled, from the notes area's top) into board rects at the
 * block's scale, for the notes they hold. */
static void
commit_rows (TpLayout *layout,
             TpBlock  *block,
             double    scale)
{
  const TpRect *area = &block->info.notes;
  double step = block->note_step;

  for (guint r = 0; r < block->rows->len; r++)
    {
      TpRow *row = &g_array_index (block->rows, TpRow, r);

      _tp_layout_count_box_visit (block - layout->blocks, row->n);
      row->y = area->y + row->y * scale;
      row->height *= scale;
      for (guint k = 0; k < row->n; k++)
        {
          TpNoteBox *box = _tp_layout_box (layout, row->first + k);

          box->visible = TRUE;
          box->scale = scale;
          box->rect = _tp_rect_make (area->x + k * step * scale, row->y,
                                 block->note_width * scale, row->height);
        }
    }
}

/* Turns the flowed rows into board rects at the block's scale, and remembers them as
 * flowed, for place_notes() to keep. */
static void
commit (TpLayout *layout,
        TpBlock  *block,
        double    scale,
        guint     n_visible)
{
  block->info.scale = scale;
  block->info.n_visible = n_visible;
  block->info.n_hidden = block->info.n_notes - n_visible;

  g_array_set_size (block->placed.rows, 0);
  g_array_append_vals (block->placed.rows, block->rows->data, block->rows->len);
  commit_rows (layout, block, scale);

  /* The rest hide: behind the badge, or on another page of a canvas cut into parts. */
  _tp_layout_count_box_visit (block - layout->blocks, block->n_boxes - n_visible);
  for (guint i = 0; i < block->n_boxes; i++)
    {
      TpNoteBox *box = _tp_layout_box (layout, block->first_box + i);

      if (i >= block->slice_first && i < block->slice_first + n_visible)
        continue;
      box->visible = FALSE;
      box->scale = scale;
      box->rect = _tp_rect_make (0, 0, 0, 0);
    }
}

/* The panel height a block needs to show every note at full size (a board's note bounded
 * to its lines), at its current width; an empty block keeps room for a row of notes, where
 * its hint shows. A board's block gets less only when its region hits its widest frame. */
double
_tp_layout_needed_height (TpLayout   *layout,
               TpContainer container,
               GPtrArray  *notes)
{
  const TpTheme *theme = layout->theme;
  TpBlock *block = &layout->blocks[container];
  double chrome = block->info.rect.height - block->info.notes.height;
  double rows;

  if (notes->len == 0)
    return chrome + EMPTY_BLOCK_ROWS * theme->note_min_height;

  /* The trials' flows leave nothing behind that place_notes() does not flow again. */
  if (_tp_layout_need_lookup (layout, block, notes, &rows))
    return chrome + rows;
  flow (layout, block, notes, 1.0, -1, FALSE);
  rows = rows_height (block);
  _tp_layout_need_store (layout, block, notes, rows);

  return chrome + rows;
}

/* The "+N more" badge, width wide, at the bottom right of the notes area. */
static void
set_more_badge (TpBlock *block,
                double   width)
{
  const TpRect *area = &block->info.notes;

  block->info.more = _tp_rect_make (area->x + area->width - width,
                                area->y + area->height - TP_LAYOUT_MORE_HEIGHT,
                                width, TP_LAYOUT_MORE_HEIGHT);
}

static void
place_more_badge (TpLayout *layout,
                  TpBlock  *block)
{
  g_autofree char *label = tp_layout_format_more (block->info.n_hidden);
  g_autoptr(PangoLayout) text = tp_text_layout_new (layout->context, layout->theme, TP_FONT_BADGE,
                                                    label, -1, -1);
  double width;

  tp_text_layout_get_size (text, &width, NULL);
  set_more_badge (block, MIN (ceil (width) + 24, block->info.notes.width));
}

/* Whether the block's placement at the last update holds for its notes now: the same
 * notes (as signed at this update), the same size of notes area, the same settings,
 * and its rows and boxes untouched since (a trial's flow would have cleared valid). */
static gboolean
placed_holds (TpLayout   *layout,
              TpContainer container,
              GPtrArray  *notes)
{
  TpBlock *block = &layout->blocks[container];
  const TpPlaced *placed = &block->placed;
  const TpRect *area = &block->info.notes;

  return placed->valid && layout->part == NULL && block->slice_first == 0 &&
         notes == block->need_notes && placed->signature == block->need_signature &&
         placed->generation + 1 == layout->generation &&
         placed->area.width == area->width && placed->area.height == area->height &&
         placed->expanded == layout->expanded[container] &&
         placed->full_text == layout->full_text &&
         placed->exact == layout->exact_measures && placed->theme == layout->theme;
}

/* Keeps the block's placement: as it is where its notes area stayed, else moved with it,
 * each rect made as commit() makes it so that it is the same to the last bit. Its
 * measurements stay alive, as if looked up again. */
static void
keep_placed (TpLayout *layout,
             TpBlock  *block)
{
  TpPlaced *placed = &block->placed;
  const TpRect *area = &block->info.notes;

  if (area->x != placed->area.x || area->y != placed->area.y)
    {
      g_array_set_size (block->rows, 0);
      g_array_append_vals (block->rows, placed->rows->data, placed->rows->len);
      commit_rows (layout, block, block->info.scale);
      if (block->info.n_hidden > 0)
        set_more_badge (block, block->info.more.width);
      placed->area = *area;
    }
  _tp_layout_keep_measures (layout, placed->measures);
  placed->generation = layout->generation;
}

static void place_notes_afresh (TpLayout    *layout,
                                TpContainer  container,
                                GPtrArray   *notes);

/* Flows a block's notes into its panel, or keeps them where they were when nothing they
 * depend on changed: a board of 10,000 notes is laid out again at every edit, and each
 * block placed afresh flows every note it shows (a measurement each) and visits every
 * box. */
void
_tp_layout_place_notes (TpLayout   *layout,
                        TpContainer container,
                        GPtrArray  *notes)
{
  TpBlock *block = &layout->blocks[container];
  TpPlaced *placed = &block->placed;

  if (placed_holds (layout, container, notes))
    {
      keep_placed (layout, block);
      return;
    }

  /* Every measurement its flows look up, kept alive while the placement is. */
  g_assert (layout->recording == NULL);
  g_ptr_array_set_size (placed->measures, 0);
  layout->recording = placed->measures;
  place_notes_afresh (layout, container, notes);
  layout->recording = NULL;

  placed->valid = layout->part == NULL && block->slice_first == 0 &&
                  notes == block->need_notes;
  placed->generation = layout->generation;
  placed->signature = block->need_signature;
  placed->area = block->info.notes;
  placed->expanded = layout->expanded[container];
  placed->full_text = layout->full_text;
  placed->exact = layout->exact_measures;
  placed->theme = layout->theme;
}

/* Flows a block's notes into its panel: at full size if they fit, else at the largest
 * scale down to the minimum that fits, else at the minimum with the rest hidden behind
 * a "+N more" badge. A block never hides a note silently, and a full-text layout never
 * hides or shrinks one: its blocks were made tall enough. */
static void
place_notes_afresh (TpLayout   *layout,
                    TpContainer container,
                    GPtrArray  *notes)
{
  const TpTheme *theme = layout->theme;
  TpBlock *block = &layout->blocks[container];
  double limit = block->info.notes.height;
  guint n = notes->len;

  block->info.n_notes = n;
  block->info.expanded = layout->expanded[container] || layout->full_text;
  block->info.more = _tp_rect_make (0, 0, 0, 0);

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

/* Whether slices fit side by side in a room of width × height board units. */
static gboolean
slices_fit (TpLayout      *layout,
            TpDocument    *document,
            GArray        *slices,
            double         width,
            double         height)
{
  double gap = layout->theme->panel_gap;
  double column = (width - (slices->len - 1) * gap) / slices->len;

  /* Columns narrower than this would break the blocks' titles inside their words. */
  if (slices->len > 1 && column < PART_MIN_COLUMN)
    return FALSE;
  for (guint i = 0; i < slices->len; i++)
    {
      const TpCanvasSlice *slice = &g_array_index (slices, TpCanvasSlice, i);
      GPtrArray *all = tp_document_get_notes (document, slice->container);
      g_autoptr(GPtrArray) notes = g_ptr_array_new ();
      TpBlock *block = &layout->blocks[slice->container];

      for (guint k = 0; k < slice->n; k++)
        g_ptr_array_add (notes, g_ptr_array_index (all, slice->first + k));
      block->side_header = FALSE;
      block->slice_first = slice->first;
      block->continued = slice->first > 0;
      _tp_layout_set_block_rect (layout, slice->container, &(TpRect) { 0, 0, column, 1000 });
      if (_tp_layout_needed_height (layout, slice->container, notes) > height + 1e-6)
        return FALSE;
    }
  return TRUE;
}

/* How many of a block's notes from first fit a block of a whole room (at least one: a
 * note taller than a page is still shown, on a page of its own). */
static guint
notes_that_fit (TpLayout   *layout,
                TpDocument *document,
                TpContainer container,
                guint       first,
                double      width,
                double      height)
{
  GPtrArray *all = tp_document_get_notes (document, container);
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();
  TpBlock *block = &layout->blocks[container];

  for (guint k = first; k < all->len; k++)
    g_ptr_array_add (notes, g_ptr_array_index (all, k));
  block->side_header = FALSE;
  block->slice_first = first;
  block->continued = first > 0;
  _tp_layout_set_block_rect (layout, container, &(TpRect) { 0, 0, width, height });
  return MAX (1, flow (layout, block, notes, 1.0, block->info.notes.height, FALSE));
}

GPtrArray *
tp_layout_split_canvas (TpLayout   *layout,
                        TpDocument *document,
                        double      width,
                        double      height,
                        double      scale)
{
  GPtrArray *pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  double title = tp_theme_get_line_height (layout->theme, TP_FONT_REGION_TITLE) + TP_LAYOUT_TITLE_GAP;
  double room_width, room_height;
  GArray *page = NULL;
  TpContainer order[TP_N_BMC_BLOCKS];

  g_return_val_if_fail (layout != NULL, pages);
  g_return_val_if_fail (TP_IS_DOCUMENT (document), pages);
  g_return_val_if_fail (width > 0 && height > 0 && scale > 0, pages);

  room_width = width / scale;
  room_height = height / scale - title;
  /* Osterwalder's numbering: 1 Customer Segments … 9 Cost Structure. */
  for (guint c = 0; c < TP_N_BMC_BLOCKS; c++)
    order[tp_container_get_number (c) - 1] = c;

  for (guint b = 0; b < TP_N_BMC_BLOCKS; b++)
    {
      TpContainer c = order[b];
      guint total = tp_document_get_notes (document, c)->len;
      guint first = 0;

      for (;;)
        {
          TpCanvasSlice slice = { c, first, total - first };
          guint n;

          if (page == NULL)
            page = g_array_new (FALSE, FALSE, sizeof (TpCanvasSlice));
          g_array_append_val (page, slice);
          if (slices_fit (layout, document, page, room_width, room_height))
            break;
          g_array_set_size (page, page->len - 1);
          if (page->len > 0)
            {
              /* The page is full: the block starts the next one. */
              g_ptr_array_add (pages, g_steal_pointer (&page));
              continue;
            }

          /* Too much for a page alone: what fits, then the rest on the next. */
          n = notes_that_fit (layout, document, c, first, room_width, room_height);
          slice.n = MIN (n, total - first);
          g_array_append_val (page, slice);
          g_ptr_array_add (pages, g_steal_pointer (&page));
          first += slice.n;
          if (first >= total)
            break;
        }
    }
  if (page != NULL && page->len > 0)
    g_ptr_array_add (pages, g_steal_pointer (&page));
  g_clear_pointer (&page, g_array_unref);

  for (guint c = 0; c < TP_N_BMC_BLOCKS; c++)
    {
      layout->blocks[c].slice_first = 0;
      layout->blocks[c].continued = FALSE;
    }
  return pages;
}
