/* tp-analysis-page.c: the analysis page's layout object, display list and painting.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "analysis/tp-kpi-value.h"
#include "tp-analysis-page-private.h"
#include "tp-paint-batch.h"
#include "tp-painter-private.h"
#include "tp-text.h"

#define MINUS_SIGN "\u2212"

/* The narrowest page the sections are laid out for; a narrower view scrolls. */
#define MIN_PAGE_WIDTH  640.0
#define HEADER_GAP      28.0   /* under the title block */
#define SECTION_GAP     44.0   /* between sections */
#define EMPTY_HEIGHT    56.0
/* The most of a legend entry's list of items that is shaped (bytes); it shows 3 lines. */
#define LEGEND_ITEMS_MAX 2048

/* Text styles */

typedef struct
{
  TpFontRole  role;
  int         weight;   /* 0: the role's own */
  int         tabular;  /* -1: the role's own */
  int         italic;   /* -1: the role's own */
} StyleSpec;

static const StyleSpec styles[TP_N_STYLES] = {
  [TP_STYLE_TITLE] = { TP_FONT_REGION_TITLE, 0, -1, -1 },
  [TP_STYLE_SUBTITLE] = { TP_FONT_NOTE, 0, -1, -1 },
  [TP_STYLE_HEADING] = { TP_FONT_STAGE_HEADING, 0, -1, -1 },
  [TP_STYLE_FORMULA] = { TP_FONT_CAPTION, 0, TRUE, -1 },
  [TP_STYLE_SUBHEADING] = { TP_FONT_ROW_LABEL, 0, -1, -1 },
  [TP_STYLE_HEADER] = { TP_FONT_CAPTION, PANGO_WEIGHT_SEMIBOLD, FALSE, -1 },
  [TP_STYLE_CELL] = { TP_FONT_CELL, 0, -1, -1 },
  [TP_STYLE_STRONG] = { TP_FONT_CELL, PANGO_WEIGHT_SEMIBOLD, -1, -1 },
  [TP_STYLE_NUMBER] = { TP_FONT_CELL, 0, TRUE, -1 },
  [TP_STYLE_DETAIL] = { TP_FONT_CAPTION, 0, TRUE, -1 },
  [TP_STYLE_JOB] = { TP_FONT_CELL, 0, -1, TRUE },
  [TP_STYLE_TAG] = { TP_FONT_TAG, 0, -1, -1 },
  [TP_STYLE_LABEL] = { TP_FONT_CAPTION, 0, TRUE, -1 },
  [TP_STYLE_QUADRANT] = { TP_FONT_CAPTION, PANGO_WEIGHT_SEMIBOLD, FALSE, -1 },
  [TP_STYLE_EMPTY] = { TP_FONT_HINT, 0, -1, -1 },
};

/* The theme with one role adjusted to a style: tp-text.c shapes every text of the board
 * from a theme's role, and a copy keeps the page's variants within that one path. */
static void
theme_for_style (const TpTheme *theme,
                 TpTextStyle    style,
                 TpTheme       *out)
{
  const StyleSpec *spec = &styles[style];
  TpFontSpec *font;

  *out = *theme;
  font = &out->fonts[spec->role];
  if (spec->weight != 0)
    font->weight = spec->weight;
  if (spec->tabular >= 0)
    font->tabular = spec->tabular;
  if (spec->italic >= 0)
    font->style = spec->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL;
}

/* Past this many, the cache starts again: a page shows a few hundred texts, and this
 * bounds what a report of any size keeps shaped (the display list keeps none). */
#define TEXT_CACHE_MAX  8192

guint64 _tp_analysis_shapings;
gsize   _tp_analysis_longest_shaped;
guint64 _tp_analysis_ops_visited;
gint    _tp_analysis_live_layouts;
guint64 _tp_analysis_layouts;

/* What a layout was shaped from, kept on it so that the display list can record how to
 * shape it again instead of the layout itself. */
typedef struct
{
  TpTextStyle style;
  double      wrap;
  guint       max_lines;
  char        text[];
} TextKey;

static GQuark
text_key_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("tp-analysis-text-key");
  return quark;
}

static void
text_key_free (gpointer data)
{
  g_free (data);
  g_atomic_int_add (&_tp_analysis_live_layouts, -1);
}

PangoLayout *
_tp_analysis_text (TpAnalysisLayout *self,
                   TpTextStyle       style,
                   const char       *text,
                   double            width,
                   guint             max_lines)
{
  g_autofree char *key = NULL;
  PangoLayout *layout;
  TpTheme theme;
  TextKey *origin;
  gsize length;

  if (text == NULL)
    text = "";
  if (width <= 0)
    width = -1;
  key = g_strdup_printf ("%d|%.3f|%u|%s", style, width, max_lines, text);
  layout = g_hash_table_lookup (self->texts, key);
  if (layout != NULL)
    return g_object_ref (layout);

  theme_for_style (self->theme, style, &theme);
  layout = tp_text_layout_new_lines (self->context, &theme, styles[style].role, text, width,
                                     max_lines);
  length = strlen (text);
  origin = g_malloc (sizeof (TextKey) + length + 1);
  origin->style = style;
  origin->wrap = width;
  origin->max_lines = max_lines;
  memcpy (origin->text, text, length + 1);
  g_object_set_qdata_full (G_OBJECT (layout), text_key_quark (), origin, text_key_free);
  _tp_analysis_shapings++;
  _tp_analysis_longest_shaped = MAX (_tp_analysis_longest_shaped, length);
  g_atomic_int_inc (&_tp_analysis_live_layouts);

  if (g_hash_table_size (self->texts) >= TEXT_CACHE_MAX)
    g_hash_table_remove_all (self->texts);
  g_hash_table_insert (self->texts, g_steal_pointer (&key), g_object_ref (layout));
  return layout;
}

double
_tp_analysis_longest_word (TpAnalysisLayout *self,
                           TpTextStyle       style,
                           const char       *text)
{
  g_autofree char *key = g_strdup_printf ("%d|%s", style, text != NULL ? text : "");
  g_autoptr(PangoLayout) line = NULL;
  g_autoptr(PangoLayout) words = NULL;
  double *width = g_hash_table_lookup (self->words, key);

  if (width != NULL)
    return *width;

  /* Wrapped by words only, at a width nothing fits in: each word on a line of its own,
   * so the widest line is the widest word. One shaping for all the words. */
  line = _tp_analysis_text (self, style, text, -1, 0);
  words = pango_layout_copy (line);
  pango_layout_set_wrap (words, PANGO_WRAP_WORD);
  pango_layout_set_width (words, 1);
  width = g_new (double, 1);
  tp_text_layout_get_size (words, width, NULL);
  /* A copy keeps the text's layout but not its scale (tp_text_layout_get_scale()). */
  *width *= tp_text_layout_get_scale (line);
  if (g_hash_table_size (self->words) >= TEXT_CACHE_MAX)
    g_hash_table_remove_all (self->words);
  g_hash_table_insert (self->words, g_steal_pointer (&key), width);
  return *width;
}

double
_tp_analysis_line_height (TpAnalysisLayout *self,
                          TpTextStyle       style)
{
  return tp_theme_get_line_height (self->theme, styles[style].role);
}

void
_tp_analysis_text_size (PangoLayout *text,
                        double      *width,
                        double      *height)
{
  tp_text_layout_get_size (text, width, height);
}

/* Display list */

static void
forget_index (TpAnalysisLayout *self)
{
  g_clear_pointer (&self->max_bottom, g_array_unref);
  g_clear_pointer (&self->min_top, g_array_unref);
}

/* The index of a colour in the palette, added when new. A page uses a few dozen colours
 * (the theme's, the gaps', the stages' tints), and ops of a row come in the same few, so
 * the last one found is tried first. */
static guint16
colour_index (TpAnalysisLayout *self,
              const TpColour   *colour)
{
  static const TpColour none = { 0, 0, 0, 0 };
  GArray *palette = self->palette;

  if (colour == NULL || colour->alpha <= 0)
    colour = &none;
  if (self->last_colour < palette->len &&
      memcmp (&g_array_index (palette, TpColour, self->last_colour), colour, sizeof *colour) == 0)
    return self->last_colour;
  for (guint i = 0; i < palette->len; i++)
    if (memcmp (&g_array_index (palette, TpColour, i), colour, sizeof *colour) == 0)
      return self->last_colour = i;
  /* Never this many on a page of the theme's colours; if ever, the rest go uncoloured
   * rather than past the index's range. */
  if (palette->len > G_MAXUINT16)
    return 0;
  g_array_append_val (palette, *colour);
  return self->last_colour = palette->len - 1;
}

void
_tp_analysis_keep_bands (TpAnalysisLayout     *self,
                         const TpAnalysisBand *bands,
                         guint                 n_bands)
{
  g_array_set_size (self->keep, 0);
  g_array_append_vals (self->keep, bands, n_bands);
}

/* Whether an op marking bounds reaches into a band kept: painting a band skips every op
 * that does not meet it (tp_analysis_paint()), so what is dropped here is never painted
 * there, edges included. */
static gboolean
is_kept (TpAnalysisLayout *self,
         const TpRect     *bounds)
{
  if (self->keep->len == 0)
    return TRUE;
  for (guint i = 0; i < self->keep->len; i++)
    {
      const TpAnalysisBand *band = &g_array_index (self->keep, TpAnalysisBand, i);

      if (bounds->y <= band->bottom && bounds->y + bounds->height >= band->top)
        return TRUE;
    }
  return FALSE;
}

/* A new op marking bounds, or NULL when it is left out (outside the bands kept). */
static TpOp *
add_op (TpAnalysisLayout *self,
        TpOpKind          kind,
        const TpRect     *bounds)
{
  TpOp op = { .kind = kind, .bounds = *bounds };

  self->last_dropped = !is_kept (self, bounds);
  if (self->last_dropped)
    return NULL;
  g_array_append_val (self->ops, op);
  return &g_array_index (self->ops, TpOp, self->ops->len - 1);
}

void
_tp_analysis_release_ops (TpAnalysisLayout *self)
{
  if (self->ops->len == 0)
    return;
  g_array_unref (self->ops);
  self->ops = g_array_new (FALSE, FALSE, sizeof (TpOp));
  forget_index (self);
  /* The texts kept shaped serve a paint of those ops or a relayout, which lays the page
   * out afresh now: up to 8,192 layouts, 10–15 MB of a large report's long cells. */
  g_hash_table_remove_all (self->texts);
  g_hash_table_remove_all (self->words);
}

void
_tp_analysis_add_text (TpAnalysisLayout *self,
                       PangoLayout      *text,
                       double            x,
                       double            y,
                       const TpColour   *colour)
{
  const TextKey *origin = g_object_get_qdata (G_OBJECT (text), text_key_quark ());
  const char *shown = pango_layout_get_text (text);
  double width, height;
  TpOp *op;

  /* Every text comes from _tp_analysis_text(), which marks it with its origin. */
  g_assert (origin != NULL);
  tp_text_layout_get_size (text, &width, &height);
  op = add_op (self, TP_OP_TEXT, &(TpRect) { x, y, width, height });
  if (op == NULL)
    {
      g_object_unref (text);
      return;
    }
  op->source = g_string_chunk_insert_const (self->ids, origin->text);
  op->string = strcmp (shown, origin->text) == 0 ? op->source
                                                  : g_string_chunk_insert_const (self->ids, shown);
  op->style = origin->style;
  op->wrap = origin->wrap;
  op->max_lines = origin->max_lines;
  g_object_unref (text);
  op->fill = colour_index (self, colour);
}

double
_tp_analysis_add_string (TpAnalysisLayout *self,
                         TpTextStyle       style,
                         const char       *string,
                         double            x,
                         double            y,
                         double            width,
                         guint             max_lines,
                         const TpColour   *colour)
{
  PangoLayout *text = _tp_analysis_text (self, style, string, width, max_lines);
  double height;

  tp_text_layout_get_size (text, NULL, &height);
  _tp_analysis_add_text (self, text, x, y, colour);
  return height;
}

void
_tp_analysis_add_rect (TpAnalysisLayout *self,
                       const TpRect     *rect,
                       double            radius,
                       const TpColour   *fill,
                       const TpColour   *stroke,
                       double            line_width)
{
  TpOp *op = add_op (self, TP_OP_RECT, rect);

  if (op == NULL)
    return;
  op->radius = radius;
  op->fill = colour_index (self, fill);
  if (stroke != NULL)
    {
      op->stroke = colour_index (self, stroke);
      op->line_width = line_width;
    }
}

void
_tp_analysis_add_line (TpAnalysisLayout *self,
                       double            x1,
                       double            y1,
                       double            x2,
                       double            y2,
                       const TpColour   *colour,
                       double            line_width,
                       gboolean          dashed)
{
  TpRect bounds = { MIN (x1, x2) - line_width, MIN (y1, y2) - line_width,
                    fabs (x2 - x1) + 2 * line_width, fabs (y2 - y1) + 2 * line_width };
  TpOp *op = add_op (self, TP_OP_LINE, &bounds);

  if (op == NULL)
    return;
  op->stroke = colour_index (self, colour);
  op->line_width = line_width;
  op->dashed = dashed;
  op->x1 = x1 - op->bounds.x;
  op->y1 = y1 - op->bounds.y;
  op->x2 = x2 - op->bounds.x;
  op->y2 = y2 - op->bounds.y;
}

void
_tp_analysis_batch_last (TpAnalysisLayout *self,
                         int               layer)
{
  g_assert (layer >= 0 && layer < TP_N_BATCH_LAYERS);
  if (self->last_dropped)
    return;
  g_assert (self->ops->len > 0);

  g_array_index (self->ops, TpOp, self->ops->len - 1).layer = 1 + layer;
}

void
_tp_analysis_add_circle (TpAnalysisLayout *self,
                         double            x,
                         double            y,
                         double            radius,
                         const TpColour   *fill,
                         const TpColour   *stroke,
                         double            line_width)
{
  double r = radius + line_width;
  TpOp *op = add_op (self, TP_OP_CIRCLE, &(TpRect) { x - r, y - r, 2 * r, 2 * r });

  if (op == NULL)
    return;
  op->radius = radius;
  op->fill = colour_index (self, fill);
  if (stroke != NULL)
    {
      op->stroke = colour_index (self, stroke);
      op->line_width = line_width;
    }
}

void
_tp_analysis_add_mark (TpAnalysisLayout *self,
                       gboolean          tick,
                       const TpRect     *rect,
                       const TpColour   *colour)
{
  TpOp *op = add_op (self, tick ? TP_OP_TICK : TP_OP_CROSS, rect);

  if (op == NULL)
    return;
  op->stroke = colour_index (self, colour);
  op->line_width = 2;
}

double
_tp_analysis_add_empty (TpAnalysisLayout *self,
                        const char       *message,
                        double            x,
                        double            y,
                        double            width)
{
  const TpTheme *theme = self->theme;
  PangoLayout *text = _tp_analysis_text (self, TP_STYLE_EMPTY, message, width - 32, 2);
  TpRect box = { x, y, width, EMPTY_HEIGHT };
  double text_width, text_height;

  tp_text_layout_get_size (text, &text_width, &text_height);
  box.height = MAX (EMPTY_HEIGHT, text_height + 32);
  _tp_analysis_add_rect (self, &box, theme->card_radius, &theme->row_labels,
                         &theme->hairline, 1);
  _tp_analysis_add_text (self, text, x + (width - text_width) / 2,
                         y + (box.height - text_height) / 2, &theme->hint);
  return box.height;
}

const char *
_tp_analysis_intern (TpAnalysisLayout *self,
                     const char       *id)
{
  return id != NULL ? g_string_chunk_insert_const (self->ids, id) : NULL;
}

void
_tp_analysis_add_hit (TpAnalysisLayout *self,
                      const TpRect     *rect,
                      const char       *id)
{
  TpAnalysisRow hit = { *rect, _tp_analysis_intern (self, id) };

  g_array_append_val (self->hits, hit);
}

/* Helpers */

char *
_tp_analysis_format (double   value,
                     guint    decimals,
                     gboolean plus)
{
  g_autofree char *digits = tp_format_number (value, decimals);
  gboolean zero = TRUE;

  for (const char *p = digits; *p != '\0'; p++)
    if (*p >= '1' && *p <= '9')
      zero = FALSE;

  if (digits[0] == '-')
    return g_strconcat (MINUS_SIGN, digits + 1, NULL);
  if (plus && !zero)
    return g_strconcat ("+", digits, NULL);
  return g_steal_pointer (&digits);
}

TpColour
_tp_colour_darken (const TpColour *colour,
                   double          amount)
{
  return (TpColour) { colour->red * (1 - amount), colour->green * (1 - amount),
                      colour->blue * (1 - amount), colour->alpha };
}

const TpColour *
_tp_analysis_text_on (TpAnalysisLayout *self,
                      const TpColour   *fill)
{
  return tp_theme_get_text_on (self->theme, fill);
}

/* Headings and legends, which every section uses */

double
_tp_analysis_place_heading (TpAnalysisLayout *self,
                            const char       *heading,
                            const char       *formula,
                            double            y)
{
  const TpTheme *theme = self->theme;
  double width = self->page_width;

  /* A rule across the page opens each section, as in a printed report. */
  _tp_analysis_add_line (self, 0, y + 0.5, width, y + 0.5, &theme->panel_border, 1, FALSE);
  y += 16;
  y += _tp_analysis_add_string (self, TP_STYLE_HEADING, heading, 0, y, width, 2, &theme->title);
  if (formula != NULL)
    {
      y += 4;
      y += _tp_analysis_add_string (self, TP_STYLE_FORMULA, formula, 0, y, width, 0,
                                    &theme->caption);
    }
  return y + 16;
}

double
_tp_analysis_place_legend (TpAnalysisLayout    *self,
                           const char          *title,
                           const TpLegendEntry *entries,
                           guint                n_entries,
                           const char          *note,
                           double               x,
                           double               y,
                           double               width)
{
  const TpTheme *theme = self->theme;
  double top = y, indent = 20;

  y += _tp_analysis_add_string (self, TP_STYLE_SUBHEADING, title, x, y, width, 1, &theme->title);
  y += 10;
  for (guint i = 0; i < n_entries; i++)
    {
      const TpLegendEntry *entry = &entries[i];
      g_autofree char *name = g_strdup_printf ("%s (%u)", entry->name, entry->n_items);
      double line = _tp_analysis_line_height (self, TP_STYLE_STRONG);
      TpRect swatch = { x, y + (line - 11) / 2, 11, 11 };
      TpColour edge = _tp_colour_darken (&entry->swatch, 0.15);

      _tp_analysis_add_rect (self, &swatch, 3, &entry->swatch, &edge, 1);
      y += _tp_analysis_add_string (self, TP_STYLE_STRONG, name, x + indent, y, width - indent, 1,
                                    &theme->cell_text);
      if (entry->advice != NULL)
        y += _tp_analysis_add_string (self, TP_STYLE_DETAIL, entry->advice, x + indent, y,
                                      width - indent, 2, &theme->caption);
      if (entry->items->len > 0)
        {
          g_autofree char *items = NULL;

          /* Three lines show a few hundred characters: a longer list is cut before it is
           * shaped (all 20,000 needs of a category were, to show three lines of them). */
          if (entry->items->len > LEGEND_ITEMS_MAX)
            {
              const char *end = g_utf8_find_prev_char (entry->items->str,
                                                       entry->items->str + LEGEND_ITEMS_MAX);
              g_autofree char *head = g_strndup (entry->items->str, end - entry->items->str);

              items = g_strconcat (head, "\u2026", NULL);
            }
          y += 2;
          y += _tp_analysis_add_string (self, TP_STYLE_CELL, items != NULL ? items : entry->items->str,
                                        x + indent, y, width - indent, 3, &theme->cell_text);
        }
      y += 12;
    }
  if (note != NULL)
    y += _tp_analysis_add_string (self, TP_STYLE_DETAIL, note, x, y, width, 0, &theme->caption);
  return y - top;
}

/* The layout */

TpAnalysisLayout *
tp_analysis_layout_new (PangoContext  *context,
                        const TpTheme *theme)
{
  TpAnalysisLayout *self;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (theme != NULL, NULL);

  self = g_new0 (TpAnalysisLayout, 1);
  self->context = g_object_ref (context);
  self->theme = theme;
  /* What a million ops of a 50,000-row report cost (tp-analysis-page-private.h). */
  G_STATIC_ASSERT (sizeof (TpOp) <= 72);
  self->ops = g_array_new (FALSE, FALSE, sizeof (TpOp));
  self->palette = g_array_new (FALSE, FALSE, sizeof (TpColour));
  colour_index (self, NULL);
  self->ids = g_string_chunk_new (256);
  for (guint i = 0; i < TP_N_ANALYSIS_TABLES; i++)
    self->rows[i] = g_array_new (FALSE, FALSE, sizeof (TpAnalysisRow));
  for (guint i = 0; i < TP_N_ANALYSIS_CHARTS; i++)
    self->points[i] = g_array_new (FALSE, FALSE, sizeof (TpAnalysisPoint));
  self->hits = g_array_new (FALSE, FALSE, sizeof (TpAnalysisRow));
  self->cuts = g_array_new (FALSE, FALSE, sizeof (TpAnalysisCut));
  self->keep = g_array_new (FALSE, FALSE, sizeof (TpAnalysisBand));
  self->texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
tp_analysis_layout_free (TpAnalysisLayout *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->ops);
  g_array_unref (self->palette);
  g_string_chunk_free (self->ids);
  for (guint i = 0; i < TP_N_ANALYSIS_TABLES; i++)
    g_array_unref (self->rows[i]);
  for (guint i = 0; i < TP_N_ANALYSIS_CHARTS; i++)
    g_array_unref (self->points[i]);
  g_array_unref (self->hits);
  g_array_unref (self->cuts);
  g_array_unref (self->keep);
  forget_index (self);
  g_hash_table_unref (self->texts);
  g_hash_table_unref (self->words);
  g_object_unref (self->context);
  g_free (self);
}

static void
clear (TpAnalysisLayout *self)
{
  g_array_set_size (self->ops, 0);
  g_string_chunk_clear (self->ids);
  for (guint i = 0; i < TP_N_ANALYSIS_TABLES; i++)
    g_array_set_size (self->rows[i], 0);
  for (guint i = 0; i < TP_N_ANALYSIS_CHARTS; i++)
    {
      g_array_set_size (self->points[i], 0);
      self->plots[i] = (TpRect) { 0 };
    }
  g_array_set_size (self->hits, 0);
  g_array_set_size (self->cuts, 0);
  forget_index (self);
  self->hits_are_rows = FALSE;
  self->header = (TpRect) { 0 };
  memset (self->sections, 0, sizeof self->sections);
}

void
_tp_analysis_reset (TpAnalysisLayout *self,
                    double            width)
{
  clear (self);
  _tp_analysis_layouts++;
  self->width = width;
  self->page_width = width;
  self->height = 0;
}

static void
count_content (TpDocument *document,
               guint      *n_moments,
               guint      *n_needs,
               guint      *n_kpis)
{
  GPtrArray *stages = tp_document_get_stages (document);

  *n_moments = *n_needs = *n_kpis = 0;
  for (guint i = 0; i < stages->len; i++)
    {
      const TpStage *stage = g_ptr_array_index (stages, i);

      *n_kpis += stage->kpis->len;
      for (guint j = 0; j < stage->touchpoints->len; j++)
        {
          const TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, j);

          *n_moments += touchpoint->moment_of_truth ? 1 : 0;
          *n_needs += touchpoint->needs->len;
          *n_kpis += touchpoint->kpis->len;
        }
    }
}

gboolean
tp_analysis_has_content (TpDocument *document)
{
  guint n_moments, n_needs, n_kpis;

  g_return_val_if_fail (TP_IS_DOCUMENT (document), FALSE);

  count_content (document, &n_moments, &n_needs, &n_kpis);
  return n_moments + n_needs + n_kpis > 0;
}

/* "Volt — online electronics shop · 12 November 2026" */
char *
_tp_analysis_format_subtitle (TpDocument *document)
{
  const TpMeta *meta = tp_document_get_meta (document);
  GString *subtitle = g_string_new (meta->title != NULL && meta->title[0] != '\0'
                                    ? meta->title : _("Untitled Workshop"));

  if (meta->date != NULL && meta->date[0] != '\0')
    {
      g_autofree char *iso = g_strconcat (meta->date, "T00:00:00Z", NULL);
      g_autoptr(GDateTime) date = g_date_time_new_from_iso8601 (iso, NULL);

      if (date != NULL)
        {
          /* Translators: the date in an export's footer; see g_date_time_format(). */
          g_autofree char *text = g_date_time_format (date, _("%-d %B %Y"));

          g_string_append_printf (subtitle, " · %s", text);
        }
    }
  return g_string_free (subtitle, FALSE);
}

/* "5 moments of truth · 10 Kano needs · 11 KPIs": what the page rests on, at a glance. */
static char *
format_counts (TpDocument *document)
{
  guint n_moments, n_needs, n_kpis;
  g_autofree char *moments = NULL, *needs = NULL, *kpis = NULL;

  count_content (document, &n_moments, &n_needs, &n_kpis);
  moments = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u moment of truth",
                                          "%u moments of truth", n_moments), n_moments);
  needs = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Kano need", "%u Kano needs",
                                        n_needs), n_needs);
  kpis = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u KPI", "%u KPIs", n_kpis), n_kpis);
  return g_strdup_printf ("%s · %s · %s", moments, needs, kpis);
}

static double
place_header (TpAnalysisLayout *self,
              TpDocument       *document)
{
  const TpTheme *theme = self->theme;
  g_autofree char *subtitle = _tp_analysis_format_subtitle (document);
  g_autofree char *counts = format_counts (document);
  PangoLayout *counts_text = _tp_analysis_text (self, TP_STYLE_SUBTITLE, counts, -1, 0);
  double counts_width, title_height, y = 0;

  tp_text_layout_get_size (counts_text, &counts_width, NULL);
  title_height = _tp_analysis_add_string (self, TP_STYLE_TITLE, _("Analysis"), 0, y,
                                          self->page_width, 1, &theme->title);
  y += title_height + 2;

  /* The counts at the right of the subtitle's line, when both fit on it. */
  if (counts_width < self->page_width / 2)
    {
      _tp_analysis_add_text (self, counts_text, self->page_width - counts_width, y, &theme->hint);
      y += _tp_analysis_add_string (self, TP_STYLE_SUBTITLE, subtitle, 0, y,
                                    self->page_width - counts_width - 24, 1, &theme->hint);
    }
  else
    {
      y += _tp_analysis_add_string (self, TP_STYLE_SUBTITLE, subtitle, 0, y, self->page_width, 2,
                                    &theme->hint);
      _tp_analysis_add_text (self, counts_text, 0, y, &theme->hint);
      y += _tp_analysis_line_height (self, TP_STYLE_SUBTITLE);
    }
  self->header = (TpRect) { 0, 0, self->page_width, y };
  return y + HEADER_GAP;
}

void
tp_analysis_layout_update (TpAnalysisLayout *self,
                           TpDocument       *document,
                           double            width)
{
  double (*place[TP_N_ANALYSIS_SECTIONS]) (TpAnalysisLayout *, TpDocument *, double) = {
    [TP_ANALYSIS_SECTION_GAPS] = _tp_analysis_place_gaps,
    [TP_ANALYSIS_SECTION_KANO] = _tp_analysis_place_kano,
    [TP_ANALYSIS_SECTION_KPIS] = _tp_analysis_place_kpis,
    [TP_ANALYSIS_SECTION_JOURNEY] = _tp_analysis_place_journey,
    [TP_ANALYSIS_SECTION_VOTES] = _tp_analysis_place_votes,
  };
  double y;

  g_return_if_fail (self != NULL);
  g_return_if_fail (TP_IS_DOCUMENT (document));

  _tp_analysis_layouts++;
  clear (self);
  self->width = width;
  self->page_width = MAX (width, MIN_PAGE_WIDTH);

  /* The sections may widen the page for their tables' columns; start again at that
   * width so that everything above them lines up with them. */
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      double page_width = self->page_width;

      clear (self);
      y = place_header (self, document);
      for (guint i = 0; i < TP_N_ANALYSIS_SECTIONS; i++)
        {
          double end = place[i] (self, document, y);

          self->sections[i] = (TpRect) { 0, y, self->page_width, end - y };
          y = end + SECTION_GAP;
        }
      if (self->page_width <= page_width)
        break;
    }
  self->height = ceil (y - SECTION_GAP);
  self->page_width = ceil (self->page_width);
}

void
tp_analysis_layout_get_size (TpAnalysisLayout *self,
                             double           *width,
                             double           *height)
{
  g_return_if_fail (self != NULL);

  if (width != NULL)
    *width = self->page_width;
  if (height != NULL)
    *height = self->height;
}

void
tp_analysis_layout_get_header (TpAnalysisLayout *self,
                               TpRect           *rect)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (rect != NULL);

  *rect = self->header;
}

void
tp_analysis_layout_get_section (TpAnalysisLayout  *self,
                                TpAnalysisSection  section,
                                TpRect            *rect)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (section < TP_N_ANALYSIS_SECTIONS);
  g_return_if_fail (rect != NULL);

  *rect = self->sections[section];
}

guint
tp_analysis_layout_get_n_rows (TpAnalysisLayout *self,
                               TpAnalysisTable   table)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (table < TP_N_ANALYSIS_TABLES, 0);

  return self->rows[table]->len;
}

gboolean
tp_analysis_layout_get_row (TpAnalysisLayout  *self,
                            TpAnalysisTable    table,
                            guint              index,
                            TpRect            *rect,
                            const char       **id)
{
  const TpAnalysisRow *row;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (table < TP_N_ANALYSIS_TABLES, FALSE);

  if (index >= self->rows[table]->len)
    return FALSE;
  row = &g_array_index (self->rows[table], TpAnalysisRow, index);
  if (rect != NULL)
    *rect = row->rect;
  if (id != NULL)
    *id = row->id;
  return TRUE;
}

gboolean
tp_analysis_layout_get_plot (TpAnalysisLayout *self,
                             TpAnalysisChart   chart,
                             TpRect           *plot)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (chart < TP_N_ANALYSIS_CHARTS, FALSE);
  g_return_val_if_fail (plot != NULL, FALSE);

  *plot = self->plots[chart];
  return !tp_rect_is_empty (plot);
}

guint
tp_analysis_layout_get_n_points (TpAnalysisLayout *self,
                                 TpAnalysisChart   chart)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (chart < TP_N_ANALYSIS_CHARTS, 0);

  return self->points[chart]->len;
}

gboolean
tp_analysis_layout_get_point (TpAnalysisLayout *self,
                              TpAnalysisChart   chart,
                              guint             index,
                              TpAnalysisPoint  *point)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (chart < TP_N_ANALYSIS_CHARTS, FALSE);
  g_return_val_if_fail (point != NULL, FALSE);

  if (index >= self->points[chart]->len)
    return FALSE;
  *point = g_array_index (self->points[chart], TpAnalysisPoint, index);
  return TRUE;
}

guint
tp_analysis_layout_get_n_texts (TpAnalysisLayout *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->ops->len; i++)
    n += g_array_index (self->ops, TpOp, i).kind == TP_OP_TEXT;
  return n;
}

const char *
tp_analysis_layout_get_text (TpAnalysisLayout *self,
                             guint             index,
                             TpRect           *rect)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->ops->len; i++)
    {
      const TpOp *op = &g_array_index (self->ops, TpOp, i);

      if (op->kind != TP_OP_TEXT)
        continue;
      if (index-- > 0)
        continue;
      if (rect != NULL)
        *rect = op->bounds;
      return op->string;
    }
  return NULL;
}

const char *
tp_analysis_hit_item (TpAnalysisLayout *self,
                      double            x,
                      double            y,
                      TpRect           *row)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (row != NULL)
    *row = (TpRect) { 0 };

  /* Chart markers and labels first: they are small and lie over nothing else that
   * could be hit, and the last placed lies on top. */
  for (guint i = self->hits->len; i-- > 0;)
    {
      const TpAnalysisRow *hit = &g_array_index (self->hits, TpAnalysisRow, i);

      if (tp_rect_contains_point (&hit->rect, x, y))
        {
          if (row != NULL && self->hits_are_rows)
            *row = hit->rect;
          return hit->id;
        }
    }
  for (guint t = 0; t < TP_N_ANALYSIS_TABLES; t++)
    for (guint i = 0; i < self->rows[t]->len; i++)
      {
        const TpAnalysisRow *hit = &g_array_index (self->rows[t], TpAnalysisRow, i);

        if (hit->id != NULL && tp_rect_contains_point (&hit->rect, x, y))
          {
            if (row != NULL)
              *row = hit->rect;
            return hit->id;
          }
      }
  return NULL;
}
