/* tp-layout.c: the board's geometry: the object and its queries (its measurement cache is
 * tp-layout-measure.c) */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "model/tp-enums.h"
#include "tp-layout-private.h"
#include "tp-text.h"

/* Rects */

gboolean
tp_rect_is_empty (const TpRect *rect)
{
  return rect->width <= 0 || rect->height <= 0;
}

gboolean
tp_rect_contains_point (const TpRect *rect,
                        double        x,
                        double        y)
{
  return x >= rect->x && x < rect->x + rect->width &&
         y >= rect->y && y < rect->y + rect->height;
}

gboolean
tp_rect_intersects (const TpRect *a,
                    const TpRect *b)
{
  return !tp_rect_is_empty (a) && !tp_rect_is_empty (b) &&
         a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

gboolean
tp_rect_contains_rect (const TpRect *outer,
                       const TpRect *inner)
{
  /* A hair of tolerance: rects are sums of fractional scaled lengths. */
  const double eps = 1e-6;

  return inner->x >= outer->x - eps && inner->y >= outer->y - eps &&
         inner->x + inner->width <= outer->x + outer->width + eps &&
         inner->y + inner->height <= outer->y + outer->height + eps;
}

double
_tp_layout_votes_width (TpLayout *layout,
                        guint     votes)
{
  g_autofree char *count = NULL;
  double width = 0;

  if (votes == 0)
    return 0;
  if (votes <= TP_LAYOUT_VOTE_DOTS)
    return (votes - 1) * TP_LAYOUT_VOTE_STEP + 2 * TP_LAYOUT_VOTE_RADIUS;

  count = g_strdup_printf ("%u", votes);
  _tp_layout_measure_text (layout, TP_FONT_BADGE, count, -1, 0, &width, NULL);
  return width + 3 + 2 * TP_LAYOUT_VOTE_RADIUS;
}

/* The object */

TpLayout *
tp_layout_new (void)
{
  TpLayout *layout = g_new0 (TpLayout, 1);

  layout->theme = tp_theme_get_default ();
  layout->context = tp_text_context_new ();
  layout->boxes = g_array_new (FALSE, TRUE, sizeof (TpNoteBox));
  layout->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  layout->ids = g_string_chunk_new (4096);
  layout->note_ids = g_string_chunk_new (4096);
  _tp_layout_measures_init (layout);
  layout->linked = g_hash_table_new (g_str_hash, g_str_equal);
  layout->link_footers = TRUE;
  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      layout->blocks[c].rows = g_array_new (FALSE, FALSE, sizeof (TpRow));
      layout->blocks[c].need_memo = _tp_layout_need_memo_new ();
      _tp_layout_placed_init (&layout->blocks[c].placed);
    }
  g_weak_ref_init (&layout->export_document, NULL);
  _tp_journey_init (&layout->journey);
  _tp_links_init (&layout->links);

  return layout;
}

void
tp_layout_free (TpLayout *layout)
{
  if (layout == NULL)
    return;

  if (layout->analysis_free != NULL)
    layout->analysis_free (layout->analysis);
  g_clear_pointer (&layout->part, g_array_unref);
  if (layout->canvas_split_free != NULL)
    layout->canvas_split_free (layout->canvas_split);
  g_weak_ref_clear (&layout->export_document);
  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      g_array_unref (layout->blocks[c].rows);
      _tp_layout_need_free (&layout->blocks[c]);
      _tp_layout_placed_clear (&layout->blocks[c].placed);
    }
  _tp_journey_clear (&layout->journey);
  _tp_links_clear (&layout->links);
  _tp_layout_measures_clear (layout);
  g_hash_table_unref (layout->linked);
  g_string_chunk_free (layout->ids);
  g_string_chunk_free (layout->note_ids);
  g_hash_table_unref (layout->by_id);
  g_array_unref (layout->boxes);
  g_object_unref (layout->context);
  g_free (layout);
}

/* Every block's boxes built again, for their notes now: none of the blocks' placements
 * holds any more. */
static void
build_boxes (TpLayout   *layout,
             TpDocument *document)
{
  g_array_set_size (layout->boxes, 0);
  g_hash_table_remove_all (layout->by_id);
  g_string_chunk_clear (layout->note_ids);
  layout->note_ids_waste = 0;

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      GPtrArray *notes = tp_document_get_notes (document, c);
      TpBlock *block = &layout->blocks[c];

      block->first_box = layout->boxes->len;
      block->n_boxes = notes->len;
      block->placed.valid = FALSE;
      _tp_layout_count_box_visit (c, notes->len);
      for (guint i = 0; i < notes->len; i++)
        {
          TpItem *item = g_ptr_array_index (notes, i);
          TpNoteBox box = { 0 };

          box.id = g_string_chunk_insert (layout->note_ids, item->id);
          box.container = c;
          box.index = i;
          g_array_append_val (layout->boxes, box);
          g_hash_table_insert (layout->by_id, (gpointer) box.id,
                               GUINT_TO_POINTER (layout->boxes->len));
        }
    }
}

/* The boxes of the blocks whose notes changed (and still hold as many notes) given their
 * notes' ids where they differ: in two passes, so that ids that trade places between
 * boxes are never taken out of the table after they were put in. A text's edit keeps
 * every id. The other blocks' boxes stay as they are. */
static void
refresh_boxes (TpLayout       *layout,
               TpDocument     *document,
               const gboolean *changed)
{
  for (guint pass = 0; pass < 2; pass++)
    for (guint c = 0; c < TP_N_CONTAINERS; c++)
      {
        GPtrArray *notes = tp_document_get_notes (document, c);
        TpBlock *block = &layout->blocks[c];

        if (!changed[c])
          continue;
        block->placed.valid = FALSE;
        if (pass == 0)
          _tp_layout_count_box_visit (c, notes->len);
        for (guint i = 0; i < notes->len; i++)
          {
            TpItem *item = g_ptr_array_index (notes, i);
            guint index = block->first_box + i;
            TpNoteBox *box = _tp_layout_box (layout, index);

            if (strcmp (box->id, item->id) == 0)
              continue;
            if (pass == 0)
              {
                if (GPOINTER_TO_UINT (g_hash_table_lookup (layout->by_id, box->id)) == index + 1)
                  g_hash_table_remove (layout->by_id, box->id);
                continue;
              }
            layout->note_ids_waste += strlen (box->id) + 1;
            box->id = g_string_chunk_insert (layout->note_ids, item->id);
            g_hash_table_insert (layout->by_id, (gpointer) box->id, GUINT_TO_POINTER (index + 1));
          }
      }
}

/* Ids no box holds any more, in bytes, past which every box is built again (and the ids'
 * chunk cleared): a few hundred edits that reorder notes. */
#define MAX_NOTE_IDS_WASTE (256 * 1024)

void
tp_layout_update_blocks (TpLayout       *layout,
                         TpDocument     *document,
                         const gboolean  edited[TP_N_CONTAINERS])
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (edited != NULL);

  layout->edited = edited;
  tp_layout_update (layout, document);
  layout->edited = NULL;
}

void
tp_layout_update (TpLayout   *layout,
                  TpDocument *document)
{
  gboolean changed[TP_N_CONTAINERS];
  gboolean keep;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (TP_IS_DOCUMENT (document));

  layout->generation++;
  g_string_chunk_clear (layout->ids);

  /* A block whose notes are the same keeps its boxes, and with them what place_notes()
   * placed (tp-layout-blocks.c): the boxes are built again only where notes changed,
   * and all of them when a block gained or lost notes (the later blocks' boxes would
   * shift) or a part of the canvas is laid out. */
  _tp_layout_sign_blocks (layout, document, changed);
  keep = layout->part == NULL && layout->boxes_whole &&
         layout->note_ids_waste < MAX_NOTE_IDS_WASTE;
  for (guint c = 0; c < TP_N_CONTAINERS && keep; c++)
    keep = tp_document_get_notes (document, c)->len == layout->blocks[c].n_boxes;
  if (keep)
    refresh_boxes (layout, document, changed);
  else
    build_boxes (layout, document);
  layout->boxes_whole = layout->part == NULL;

  _tp_layout_measure_link_band (layout, document);
  _tp_layout_arrange (layout, document);
  _tp_layout_route_links (layout, document);

  _tp_layout_measures_sweep (layout);
}

void
tp_layout_set_expanded (TpLayout    *layout,
                        TpContainer  container,
                        gboolean     expanded)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (container < TP_N_CONTAINERS);

  layout->expanded[container] = !!expanded;
}

gboolean
tp_layout_get_expanded (TpLayout    *layout,
                        TpContainer  container)
{
  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (container < TP_N_CONTAINERS, FALSE);

  return layout->expanded[container];
}

void
tp_layout_set_full_text (TpLayout *layout,
                         gboolean  full_text)
{
  g_return_if_fail (layout != NULL);

  layout->full_text = !!full_text;
}

void
tp_layout_set_link_footers (TpLayout *layout,
                            gboolean  link_footers)
{
  g_return_if_fail (layout != NULL);

  layout->link_footers = !!link_footers;
}

gboolean
tp_layout_get_full_text (TpLayout *layout)
{
  g_return_val_if_fail (layout != NULL, FALSE);

  return layout->full_text;
}

void
tp_layout_set_frame (TpLayout *layout,
                     TpRegion  region,
                     double    width,
                     double    height,
                     double    min_scale,
                     double    max_scale)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (region < TP_N_REGIONS);
  g_return_if_fail (width <= 0 || (height > 0 && min_scale > 0 && max_scale >= min_scale));

  layout->frames[region] = (TpLayoutFrame) { MAX (width, 0), height, min_scale, max_scale, 1 };
}

double
tp_layout_get_frame_scale (TpLayout *layout,
                           TpRegion  region)
{
  g_return_val_if_fail (layout != NULL, 1);
  g_return_val_if_fail (region < TP_N_REGIONS, 1);

  return layout->frames[region].width > 0 ? layout->frames[region].scale : 1;
}

gboolean
_tp_layout_whole_box (TpLayout        *layout,
                      TpDocument      *document,
                      const TpNoteBox *box,
                      TpNoteBox       *whole)
{
  TpNote *note;

  if (!box->visible || (note = _tp_layout_resolve_note (layout, document, box)) == NULL)
    return FALSE;

  *whole = *box;
  if (!box->truncated)
    return TRUE;

  whole->max_lines = 0;
  whole->rect.height = MAX (box->rect.height,
                            _tp_layout_fit_note (layout, whole, note, box->text_width, FALSE) *
                            box->scale);
  return TRUE;
}

gboolean
tp_layout_get_note_whole (TpLayout   *layout,
                          TpDocument *document,
                          const char *id,
                          TpRect     *rect)
{
  TpNoteBox whole;
  guint i;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (TP_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  *rect = (TpRect) { 0 };
  i = GPOINTER_TO_UINT (g_hash_table_lookup (layout->by_id, id));
  if (i == 0 || !_tp_layout_whole_box (layout, document, _tp_layout_box (layout, i - 1), &whole))
    return FALSE;
  *rect = whole.rect;
  return TRUE;
}

void
tp_layout_set_canvas_part (TpLayout            *layout,
                           const TpCanvasSlice *slices,
                           guint                n_slices)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (slices != NULL || n_slices == 0);

  g_clear_pointer (&layout->part, g_array_unref);
  if (n_slices == 0)
    return;
  layout->part = g_array_sized_new (FALSE, FALSE, sizeof (TpCanvasSlice), n_slices);
  for (guint i = 0; i < n_slices; i++)
    {
      g_return_if_fail (TP_CONTAINER_IS_CANVAS (slices[i].container));
      g_array_append_val (layout->part, slices[i]);
    }
}

char *
_tp_layout_dup_block_title (TpLayout    *layout,
                            TpContainer  container)
{
  const char *label = tp_enum_get_label (TP_ENUM_CONTAINER, container);

  /* Translators: a block of the canvas whose first notes are on an earlier page. */
  return layout->blocks[container].continued ? g_strdup_printf (_("%s (continued)"), label)
                                             : g_strdup (label);
}

const TpTheme *
tp_layout_get_theme (TpLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);

  return layout->theme;
}

void
tp_layout_set_theme (TpLayout      *layout,
                     const TpTheme *theme)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (theme != NULL);
  /* A theme may differ in colours only: the geometry (and the text cache) stays valid. */
  g_return_if_fail (memcmp (theme->fonts, layout->theme->fonts, sizeof theme->fonts) == 0);

  layout->theme = theme;
}

PangoContext *
tp_layout_get_context (TpLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);

  return layout->context;
}

/* Geometry */

void
tp_layout_get_bounds (TpLayout *layout,
                      TpRect   *bounds)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (bounds != NULL);

  *bounds = layout->bounds;
}

gboolean
tp_layout_get_region (TpLayout *layout,
                      TpRegion  region,
                      TpRect   *rect)
{
  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (region < TP_N_REGIONS, FALSE);

  if (rect != NULL)
    *rect = layout->regions[region];

  return !tp_rect_is_empty (&layout->regions[region]);
}

gboolean
tp_layout_get_region_title (TpLayout *layout,
                            TpRegion  region,
                            TpRect   *rect)
{
  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (region < TP_N_REGIONS, FALSE);

  if (rect != NULL)
    *rect = layout->titles[region];

  return !tp_rect_is_empty (&layout->titles[region]);
}

const char *
tp_region_get_label (TpRegion region)
{
  static const char * const labels[] = {
    N_("Business Model Canvas"),
    N_("Value Chain"),
    N_("Customer Journey"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (labels) == TP_N_REGIONS);
  g_return_val_if_fail (region < TP_N_REGIONS, NULL);

  return _(labels[region]);
}

const char *
_tp_layout_get_margin_label (void)
{
  /* Translators: Porter's value chain: what its activities add up to, written on the
   * arrow at its right end. */
  return C_("value chain", "Margin");
}

char *
tp_layout_format_more (guint n_hidden)
{
  /* Translators: a badge on a board block whose notes do not all fit; clicking it
   * shows them all. */
  return g_strdup_printf (ngettext ("+%u more", "+%u more", n_hidden), n_hidden);
}

void
tp_layout_get_container (TpLayout        *layout,
                         TpContainer      container,
                         TpContainerInfo *info)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (container < TP_N_CONTAINERS);
  g_return_if_fail (info != NULL);

  *info = layout->blocks[container].info;
}

static TpNoteBox *
lookup_box (TpLayout   *layout,
            const char *id)
{
  guint i = GPOINTER_TO_UINT (g_hash_table_lookup (layout->by_id, id));

  return i > 0 ? _tp_layout_box (layout, i - 1) : NULL;
}

static TpRect
text_rect (TpLayout        *layout,
           const TpNoteBox *box)
{
  double pad = layout->theme->note_padding * box->scale;

  return (TpRect) {
    box->rect.x + pad,
    box->rect.y + pad,
    box->text_width * box->scale,
    box->rect.height - 2 * pad -
    (box->marks_inline ? 0 : TP_LAYOUT_FOOTER_GAP + TP_LAYOUT_FOOTER_HEIGHT) * box->scale,
  };
}

gboolean
tp_layout_get_note (TpLayout   *layout,
                    const char *id,
                    TpNoteInfo *info)
{
  TpNoteBox *box;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  box = lookup_box (layout, id);
  if (box == NULL)
    return FALSE;

  memset (info, 0, sizeof *info);
  info->container = box->container;
  info->index = box->index;
  info->visible = box->visible;
  info->scale = box->scale;
  if (box->visible)
    {
      info->rect = box->rect;
      info->text = text_rect (layout, box);
      info->text_height = box->text_height * box->scale;
      info->truncated = box->truncated;
    }

  return TRUE;
}

TpNote *
_tp_layout_resolve_note (TpLayout        *layout,
                         TpDocument      *document,
                         const TpNoteBox *box)
{
  GPtrArray *notes = tp_document_get_notes (document, box->container);
  TpNote *note;

  /* The index is the fast way; the id check catches a document changed since. */
  if (box->index < notes->len)
    {
      note = g_ptr_array_index (notes, box->index);
      if (strcmp (note->item.id, box->id) == 0)
        return note;
    }

  return tp_document_lookup_kind (document, box->id, TP_ITEM_NOTE);
}

PangoLayout *
tp_layout_create_note_text (TpLayout   *layout,
                            TpDocument *document,
                            const char *id)
{
  TpNoteBox *box;
  TpNote *note;

  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (TP_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  box = lookup_box (layout, id);
  if (box == NULL || !box->visible)
    return NULL;
  note = _tp_layout_resolve_note (layout, document, box);
  if (note == NULL)
    return NULL;

  /* A layout of its own, not the painter's shared one: the caller may change it. */
  return tp_text_layout_new_lines (layout->context, layout->theme, TP_FONT_NOTE, note->text,
                                   box->text_width, box->max_lines);
}

/* Queries */

/* The first row of a block whose bottom is below y (rows are sorted top to bottom). */
guint
_tp_block_first_row_below (TpBlock *block,
                           double   y)
{
  guint lo = 0, hi = block->rows->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      TpRow *row = &g_array_index (block->rows, TpRow, mid);

      if (row->y + row->height <= y)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

static TpNoteBox *
note_at (TpLayout *layout,
         TpBlock  *block,
         double    x,
         double    y)
{
  guint r = _tp_block_first_row_below (block, y);
  TpRow *row;

  if (r >= block->rows->len)
    return NULL;

  row = &g_array_index (block->rows, TpRow, r);
  for (guint k = 0; k < row->n; k++)
    {
      TpNoteBox *box = _tp_layout_box (layout, row->first + k);

      if (tp_rect_contains_point (&box->rect, x, y))
        return box;
    }

  return NULL;
}

TpHit
tp_layout_hit (TpLayout *layout,
               double    x,
               double    y)
{
  TpHit hit = { TP_HIT_NONE, 0, 0, NULL, 0 };

  g_return_val_if_fail (layout != NULL, hit);

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      TpBlock *block = &layout->blocks[c];
      TpNoteBox *box;

      if (!tp_rect_contains_point (&block->info.rect, x, y))
        continue;

      hit.region = block->info.region;
      hit.container = c;
      if (tp_rect_contains_point (&block->info.more, x, y))
        {
          hit.kind = TP_HIT_MORE_BADGE;
          return hit;
        }

      box = note_at (layout, block, x, y);
      if (box != NULL)
        {
          hit.kind = TP_HIT_NOTE;
          hit.note = box->id;
          hit.index = box->index;
          return hit;
        }

      hit.kind = TP_HIT_CONTAINER;
      return hit;
    }

  if (_tp_layout_hit_journey (layout, x, y, &hit))
    return hit;

  for (guint r = 0; r < TP_N_REGIONS; r++)
    {
      if (tp_rect_contains_point (&layout->regions[r], x, y) ||
          tp_rect_contains_point (&layout->titles[r], x, y))
        {
          hit.kind = TP_HIT_REGION;
          hit.region = r;
          return hit;
        }
    }

  return hit;
}

guint
tp_layout_drop_index (TpLayout    *layout,
                      TpContainer  container,
                      double       x,
                      double       y,
                      TpRect      *indicator)
{
  TpBlock *block;
  const TpRect *area;
  double gap, bar = 3;
  TpRow *row;
  guint r, k;

  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (container < TP_N_CONTAINERS, 0);

  block = &layout->blocks[container];
  area = &block->info.notes;
  gap = layout->theme->note_gap * block->info.scale;

  if (block->rows->len == 0)
    {
      /* An empty block (or one whose every note is hidden): the top left. */
      if (indicator != NULL)
        *indicator = (TpRect) { area->x, area->y, bar,
                                layout->theme->note_min_height * block->info.scale };
      return 0;
    }

  /* Below the last row: after the last shown note. */
  r = _tp_block_first_row_below (block, y - gap / 2);
  if (r >= block->rows->len)
    {
      r = block->rows->len - 1;
      row = &g_array_index (block->rows, TpRow, r);
      k = row->n;
    }
  else
    {
      row = &g_array_index (block->rows, TpRow, r);
      for (k = 0; k < row->n; k++)
        {
          TpNoteBox *box = _tp_layout_box (layout, row->first + k);

          if (x < box->rect.x + box->rect.width / 2)
            break;
        }
    }

  if (indicator != NULL)
    {
      double bar_x;

      /* A bar in the gap before the note the drop goes ahead of, or after the row's
       * last note. */
      if (k < row->n)
        bar_x = _tp_layout_box (layout, row->first + k)->rect.x - (gap + bar) / 2;
      else
        {
          TpNoteBox *last = _tp_layout_box (layout, row->first + row->n - 1);
          bar_x = last->rect.x + last->rect.width + (gap - bar) / 2;
        }
      *indicator = (TpRect) { bar_x, row->y, bar, row->height };
    }

  return row->first - block->first_box + k;
}

void
tp_layout_query_notes (TpLayout     *layout,
                       const TpRect *rect,
                       GPtrArray    *ids)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (rect != NULL);
  g_return_if_fail (ids != NULL);

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      TpBlock *block = &layout->blocks[c];

      if (!tp_rect_intersects (&block->info.notes, rect))
        continue;

      for (guint r = _tp_block_first_row_below (block, rect->y); r < block->rows->len; r++)
        {
          TpRow *row = &g_array_index (block->rows, TpRow, r);

          if (row->y >= rect->y + rect->height)
            break;
          for (guint k = 0; k < row->n; k++)
            {
              TpNoteBox *box = _tp_layout_box (layout, row->first + k);

              if (tp_rect_intersects (&box->rect, rect))
                g_ptr_array_add (ids, (gpointer) box->id);
            }
        }
    }
}
