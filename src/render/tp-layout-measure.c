/* tp-layout-measure.c: the layout's measurement cache: each text shaped once per wrapping
 *
 * Measuring is the only costly part of a layout (Pango shapes the text); everything else
 * is arithmetic. A text's measurement depends on its text, role, line limit and the width
 * it wraps at, but the fit tries many widths (the canvas's columns widen a quantum at a
 * time, tp-layout-canvas.c; the region's width is bisected, tp-layout-blocks.c), and a
 * text breaks into the same lines over a whole span of widths: from its widest line up to
 * just below the width at which the first word of a following line would move up. So
 * every shaped text records that span, and a width inside it reuses the measurement (and,
 * for painting, the laid-out text) instead of shaping again. Laying a 1,000-note board
 * out as an export does three ways now shapes 5.6 texts a note, against 10.1 measuring
 * every width afresh (issue 19).
 *
 * The span is conservative: its top is found from the lines' own extents, less a margin
 * for kerning across the joined words, and is the width measured itself wherever a line
 * ends inside a word (a soft hyphen, or a word longer than a line cut); the text cut
 * after its last line counts at its own width only. Texts with right-to-left characters
 * reuse only the exact width, since their lines align by it. tests/test-measure-cache.c
 * compares every reused measurement with a fresh Pango layout's.
 *
 * A note's text needs no shaping at all to be measured where its model
 * (tp-layout-model.c) tells its lines at the width: the fit's trials and the layout's
 * final widths alike are wrapped by arithmetic, and the text is shaped when it is
 * painted, once, at the width it is drawn at. A trial width never shapes, and a text laid
 * out but never painted (a page's layout that only measures, a note the board culls) is
 * never shaped. Shaping the final widths while laying out (as before) held a laid-out
 * text from the layout to the painting: beyond the cap of unpainted ones (10,000 notes),
 * the first painted had gone and were shaped again (1.4 shapings a text).
 *
 * Measurements stay while the layout's updates use them: an export lays the board out
 * anew for each kind of page and comes back to the same texts at the same widths, so an
 * entry goes only when the table holds far more than the last update used.
 *
 * Copyright 2026 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "tp-layout-private.h"
#include "tp-text.h"

/* A text in a role with a line limit, and its shaped measurements, widest span last. */
typedef struct
{
  char       *text;
  guint       max_lines;
  TpFontRole  role;
  gboolean    simple;    /* no right-to-left text: lines start at the left whatever the width */
  GPtrArray  *measured;  /* TpMeasure */
  TpTextModel *model;    /* its lines by arithmetic; NULL: not made, or not modelled */
  gboolean    modelled;  /* model made, or found impossible */
  guint       generation;  /* the last update its model answered */
} TpMeasureText;

struct _TpMeasure
{
  TpMeasureText *owner;
  int            width;       /* Pango units; −1: no wrapping */
  int            lo, hi;      /* the widths that break the text into the same lines */
  double         height;
  double         text_width;  /* the widest line, board units */
  double         last_right;  /* where the last line ends, board units from the left */
  gboolean       truncated;
  gboolean       painted;     /* handed out for painting: kept shaped while it lives */
  guint          generation;
  /* The laid-out text itself, kept for painting: shaping is most of what painting a
   * note costs (Inter's many OpenType features make it dear), drawing glyphs is cheap. */
  PangoLayout   *layout;
  GList          link;        /* in a queue of kept texts, most recent first */
};

/* How many laid-out texts the cache keeps that were measured but never painted (most are
 * the fit's trial widths), least recently used going first. Texts handed out for
 * painting stay shaped as long as their measurement: a page shows them again. */
#define MAX_KEPT_LAYOUTS 4096

/* Measurements kept beyond what the last update used, before the unused ones go. */
#define MEASURE_SLACK 8192

/* Below a line's joined width, in Pango units: kerning across a space would shift it by
 * far less than a board unit. */
#define SPAN_MARGIN PANGO_SCALE

/* What the cache was asked, over the process: tests count these to prove that an
 * algorithm looks each text up a bounded number of times and that painting at a tiny
 * scale shapes none (tests/test-paint-scale.c); never time. */
static guint n_shaped, n_lookups, n_text_refs;

void
_tp_layout_get_counts (guint *shaped,
                       guint *lookups,
                       guint *text_refs)
{
  *shaped = n_shaped;
  *lookups = n_lookups;
  *text_refs = n_text_refs;
}

static guint
text_hash (gconstpointer key)
{
  const TpMeasureText *text = key;

  return g_str_hash (text->text) ^ text->max_lines ^ ((guint) text->role << 24);
}

static gboolean
text_equal (gconstpointer a,
            gconstpointer b)
{
  const TpMeasureText *ta = a, *tb = b;

  return ta->max_lines == tb->max_lines && ta->role == tb->role &&
         strcmp (ta->text, tb->text) == 0;
}

static void
measure_free (gpointer data)
{
  TpMeasure *measure = data;

  g_clear_object (&measure->layout);
  g_free (measure);
}

static void
text_free (gpointer data)
{
  TpMeasureText *text = data;

  g_ptr_array_unref (text->measured);
  g_clear_pointer (&text->model, _tp_text_model_free);
  g_free (text->text);
  g_free (text);
}

void
_tp_layout_measures_init (TpLayout *layout)
{
  layout->measures = g_hash_table_new_full (text_hash, text_equal, text_free, NULL);
}

void
_tp_layout_measures_clear (TpLayout *layout)
{
  g_hash_table_unref (layout->measures);
  _tp_layout_words_clear (layout);
  g_queue_init (&layout->kept);
  g_queue_init (&layout->painted);
}

void
_tp_layout_set_modelling (TpLayout *layout,
                          gboolean  model)
{
  layout->no_model = !model;
}

void
_tp_layout_set_exact_measures (TpLayout *layout,
                               gboolean  exact)
{
  layout->exact_measures = !!exact;
}

/* No character of a right-to-left script (they all lie at U+0590 and above), so the
 * lines of a left-aligned layout start at its left edge whatever its width. */
static gboolean
is_simple (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) >= 0x0590)
      return FALSE;
  return TRUE;
}

/* How wide a space is in a role, in the Pango units of its laid-out text (at its font's
 * size, tp_text_layout_get_scale()): lines keep the spaces they end with, drawn zero
 * wide. */
int
_tp_layout_space_units (TpLayout   *layout,
                        TpFontRole  role)
{
  if (layout->space_units[role] == 0)
    {
      g_autoptr(PangoLayout) one = tp_text_layout_new_lines (layout->context, layout->theme, role,
                                                             "x", -1, 0);
      g_autoptr(PangoLayout) spaced = tp_text_layout_new_lines (layout->context, layout->theme,
                                                                role, "x x", -1, 0);
      PangoRectangle a, b;

      pango_layout_get_extents (one, NULL, &a);
      pango_layout_get_extents (spaced, NULL, &b);
      layout->space_units[role] = MAX (1, b.width - 2 * a.width);
    }
  return layout->space_units[role];
}

/* The board width in Pango units (a measure's width) whose text is laid out at a width
 * of at least (up FALSE: at most) units in its font's size: where a span found in the
 * laid-out text's units begins (ends) in board units. The first guess is off by at most
 * a unit, the conversion's rounding, and the search steps to the exact bound. */
static int
span_bound (TpLayout   *layout,
            TpFontRole  role,
            int         units,
            gboolean    up)
{
  const TpTheme *theme = layout->theme;
  double scale = tp_theme_get_font_scale (theme, role);
  int board = up ? (int) ceil (units * scale) : (int) floor (units * scale);

#define LAID(b) _tp_text_width_units (theme, role, (double) (b) / PANGO_SCALE)
  if (up)
    {
      while (LAID (board) < units)
        board++;
      while (board > 1 && LAID (board - 1) >= units)
        board--;
    }
  else
    {
      while (board > 1 && LAID (board) > units)
        board--;
      while (LAID (board + 1) <= units)
        board++;
    }
#undef LAID
  return board;
}

/* The widths at which a layout wrapped at width breaks its text into the same lines. */
static void
find_span (TpLayout  *owner_layout,
           TpMeasure *measure)
{
  PangoLayout *layout = measure->layout;
  int own = pango_layout_get_width (layout);
  int space = _tp_layout_space_units (owner_layout, measure->owner->role);
  const char *text = pango_layout_get_text (layout);
  int n_lines = pango_layout_get_line_count (layout);
  int n_attrs, lo = 0, hi = G_MAXINT;
  const PangoLogAttr *attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);

  measure->lo = measure->hi = measure->width;
  if (measure->width <= 0 || measure->truncated || !measure->owner->simple)
    return;

  for (int i = 0; i < n_lines; i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (layout, i);
      PangoLayoutLine *next;
      PangoRectangle logical;
      const char *start, *before;
      int offset, end, x, n_spaces;

      pango_layout_line_get_extents (line, NULL, &logical);
      if (i + 1 >= n_lines)
        {
          lo = MAX (lo, logical.x + logical.width);
          break;
        }

      next = pango_layout_get_line_readonly (layout, i + 1);
      start = text + next->start_index;
      /* Pango fits a line with the spaces it ends with, then draws them zero wide: a
       * narrower width must leave them room. */
      n_spaces = 0;
      for (const char *p = g_utf8_find_prev_char (text, start);
           p != NULL && p >= text + line->start_index && g_unichar_isspace (g_utf8_get_char (p));
           p = g_utf8_find_prev_char (text, p))
        n_spaces++;
      lo = MAX (lo, logical.x + logical.width + n_spaces * space + SPAN_MARGIN);
      before = g_utf8_find_prev_char (text, start);
      /* A paragraph's end breaks at every width. */
      if (before != NULL && (*before == '\n' || *before == '\r'))
        continue;
      /* A line cut inside a word (one longer than a line, or at a soft hyphen Pango
       * drew as a hyphen) may take more of it at any wider width. */
      offset = g_utf8_pointer_to_offset (text, start);
      if (before == NULL || offset >= n_attrs || !attrs[offset].is_line_break ||
          g_utf8_get_char (before) == 0x00AD)
        {
          hi = own;
          continue;
        }

      /* The next line's first word (or a word's part after a hyphen): up to the first
       * place a line may break, less the spaces before it. */
      end = offset + 1;
      while (end < n_attrs - 1 && !attrs[end].is_line_break)
        end++;
      while (end > offset + 1 && attrs[end - 1].is_white)
        end--;
      if (g_utf8_offset_to_pointer (text, end) - text > next->start_index + next->length)
        {
          hi = own;
          continue;
        }
      pango_layout_line_index_to_x (next, g_utf8_offset_to_pointer (text, end) - text, FALSE, &x);
      /* Pango draws only the line's last space zero wide: one space is what joining adds
       * (at most; so the span's top errs low). */
      hi = MIN (hi, logical.x + logical.width + MIN (n_spaces, 1) * space + x - SPAN_MARGIN);
    }

  /* The span is in the laid-out text's units; a role drawn at its font's size is laid
   * out in board units. */
  if (tp_text_layout_get_scale (layout) != 1)
    {
      lo = span_bound (owner_layout, measure->owner->role, lo, TRUE);
      if (hi != G_MAXINT)
        hi = span_bound (owner_layout, measure->owner->role, hi, FALSE);
    }
  measure->lo = MIN (lo, measure->width);
  measure->hi = MAX (hi, measure->width);
}

static PangoLayout *
shape (TpLayout   *layout,
       TpFontRole  role,
       const char *text,
       double      width,
       guint       max_lines)
{
  n_shaped++;
  return tp_text_layout_new_lines (layout->context, layout->theme, role, text, width, max_lines);
}

/* Keeps a laid-out text; beyond the cap, the least recently used unpainted one goes. */
static void
keep (TpLayout  *layout,
      TpMeasure *measure)
{
  if (measure->painted)
    {
      g_queue_push_head_link (&layout->painted, &measure->link);
      return;
    }

  g_queue_push_head_link (&layout->kept, &measure->link);
  if (layout->kept.length > MAX_KEPT_LAYOUTS)
    {
      TpMeasure *oldest = g_queue_pop_tail_link (&layout->kept)->data;

      g_clear_object (&oldest->layout);
    }
}

static void
unkeep (TpLayout  *layout,
        TpMeasure *measure)
{
  if (measure->layout != NULL)
    g_queue_unlink (measure->painted ? &layout->painted : &layout->kept, &measure->link);
}

/* The text's model wrapped at units (≤ 0: no width, one line a paragraph, as an
 * unreachable width wraps it) into the numbers of into. */
static gboolean
model_wrap (TpLayout      *layout,
            TpMeasureText *owner,
            int            units,
            TpMeasure     *into)
{
  return _tp_text_model_wrap (layout, owner->role, owner->model, units > 0 ? units : G_MAXINT / 2,
                              owner->max_lines, &into->height, &into->text_width,
                              &into->last_right, &into->truncated);
}

/* A text shaped for painting whose layout may have come from its model: Pango's lines
 * must be the model's, or the text would not fill its box as laid out. Every painting
 * test checks the model so, at no cost but a wrap by arithmetic. */
static void
check_model (TpLayout  *layout,
             TpMeasure *measure)
{
  static gboolean warned;
  TpMeasure modelled;

  if (measure->owner->model == NULL || warned || !model_wrap (layout, measure->owner,
                                                              measure->width, &modelled))
    return;
  if (modelled.height != measure->height || modelled.truncated != measure->truncated ||
      (!modelled.truncated && (modelled.text_width != measure->text_width ||
                               modelled.last_right != measure->last_right)))
    {
      warned = TRUE;
      g_warning ("“%s” at %d Pango units: its model wraps it %g × %g (last line to %g, cut %d), "
                 "Pango %g × %g (last line to %g, cut %d)", measure->owner->text, measure->width,
                 modelled.text_width, modelled.height, modelled.last_right, modelled.truncated,
                 measure->text_width, measure->height, measure->last_right, measure->truncated);
    }
}

static TpMeasure *
measure_new (TpLayout      *layout,
             TpMeasureText *owner,
             int            width)
{
  TpMeasure *measure = g_new0 (TpMeasure, 1);

  measure->owner = owner;
  measure->width = width;
  measure->link.data = measure;
  measure->layout = shape (layout, owner->role, owner->text,
                           width > 0 ? (double) width / PANGO_SCALE : -1, owner->max_lines);
  tp_text_layout_get_size (measure->layout, &measure->text_width, &measure->height);
  measure->last_right = tp_text_layout_get_last_line_end (measure->layout);
  measure->truncated = tp_text_layout_get_truncated (measure->layout);
  find_span (layout, measure);
  check_model (layout, measure);
  g_ptr_array_add (owner->measured, measure);
  return measure;
}

/* Marks a measurement (or a text whose model answered) used by this update, counting it
 * once among the update's live ones. */
static void
mark_live_at (TpLayout *layout,
              guint    *generation)
{
  if (*generation == layout->generation)
    return;
  if (layout->live_generation != layout->generation)
    {
      layout->live_generation = layout->generation;
      layout->n_live = 0;
    }
  layout->n_live++;
  *generation = layout->generation;
}

static void
mark_live (TpLayout  *layout,
           TpMeasure *measure)
{
  mark_live_at (layout, &measure->generation);
}

/* The measurement of a text, made if needed; with keep_text, the laid-out text too. */
/* A text's entry, found through a note box's memory of it when that still holds (box
 * NULL: by the table only): comparing the text is far cheaper than hashing it and
 * probing the table, and the fit asks for every note at many widths. A box remembers
 * its text's entry with its line limit, and unwrapped (natural) for the estimates. */
static TpMeasureText *
find_text (TpLayout      *layout,
           TpMeasureText *key,
           TpNoteBox     *box,
           gboolean       natural)
{
  TpMeasureText *owner = NULL;

  if (box != NULL && box->measured_epoch != layout->measure_epoch)
    {
      box->measured = box->measured_natural = NULL;
      box->measured_epoch = layout->measure_epoch;
    }
  if (box != NULL)
    owner = natural ? box->measured_natural : box->measured;
  if (owner != NULL && owner->role == key->role && owner->max_lines == key->max_lines &&
      strcmp (owner->text, key->text) == 0)
    return owner;

  owner = g_hash_table_lookup (layout->measures, key);
  if (owner == NULL)
    {
      owner = g_new0 (TpMeasureText, 1);
      owner->text = g_strdup (key->text);
      owner->max_lines = key->max_lines;
      owner->role = key->role;
      owner->simple = is_simple (owner->text);
      owner->measured = g_ptr_array_new_with_free_func (measure_free);
      g_hash_table_add (layout->measures, owner);
    }
  if (box != NULL && natural)
    box->measured_natural = owner;
  else if (box != NULL)
    box->measured = owner;
  return owner;
}

static TpMeasure *
lookup_measure (TpLayout   *layout,
                TpFontRole  role,
                const char *text,
                double      width,
                guint       max_lines,
                gboolean    keep_text,
                TpMeasure  *modelled,
                TpNoteBox  *box,
                gboolean    natural)
{
  TpMeasureText key = { (char *) (text ? text : ""), max_lines, role };
  int units = width > 0 ? (int) floor (width * PANGO_SCALE) : -1;
  TpMeasureText *owner = find_text (layout, &key, box, natural);
  TpMeasure *measure = NULL, *exact = NULL;

  n_lookups++;

  for (guint i = 0; i < owner->measured->len; i++)
    {
      TpMeasure *m = g_ptr_array_index (owner->measured, i);

      if (m->width == units)
        exact = m;
      else if (units > 0 && m->lo <= units && units <= m->hi && !layout->exact_measures &&
               (measure == NULL || measure->layout == NULL))
        measure = m;
    }
  if (exact != NULL)
    measure = exact;

  /* A note's text that no shaping answers: the model's lines, if it can tell them. Its
   * callers take the height, the cut and (uncut) the last line's end, which the model
   * tells to the Pango unit; the text is shaped when painted. */
  if (measure == NULL && modelled != NULL && _tp_layout_models (layout))
    {
      if (!owner->modelled)
        {
          owner->model = _tp_text_model_new (layout, role, owner->text);
          owner->modelled = TRUE;
        }
      if (owner->model != NULL && model_wrap (layout, owner, units, modelled))
        {
          mark_live_at (layout, &owner->generation);
          return modelled;
        }
    }

  if (measure == NULL)
    measure = measure_new (layout, owner, units);
  else if (measure->layout != NULL)
    unkeep (layout, measure);
  else if (keep_text)
    {
      /* Shaped again at its own width: the same lines (its span says so). */
      g_autoptr(PangoLayout) again = shape (layout, role, owner->text,
                                            measure->width > 0 ? (double) measure->width / PANGO_SCALE : -1,
                                            max_lines);

      measure->layout = g_steal_pointer (&again);
    }

  if (keep_text)
    measure->painted = TRUE;
  if (measure->layout != NULL)
    keep (layout, measure);

  mark_live (layout, measure);
  if (layout->recording != NULL)
    g_ptr_array_add (layout->recording, measure);

  return measure;
}

void
_tp_layout_keep_measures (TpLayout  *layout,
                          GPtrArray *measures)
{
  for (guint i = 0; i < measures->len; i++)
    mark_live (layout, g_ptr_array_index (measures, i));
}

double
_tp_layout_measure (TpLayout   *layout,
                    const char *text,
                    double      width,
                    guint       max_lines,
                    gboolean   *truncated)
{
  return _tp_layout_measure_text (layout, TP_FONT_NOTE, text, width, max_lines, NULL, truncated);
}

/* A note's text at width: through its box's memory of its entry when box is given. */
static double
measure_note (TpLayout   *layout,
              TpNoteBox  *box,
              const char *text,
              double      width,
              guint       max_lines,
              gboolean   *truncated,
              double     *last_right)
{
  TpMeasure modelled;
  TpMeasure *measure = lookup_measure (layout, TP_FONT_NOTE, text, width, max_lines, FALSE,
                                       &modelled, box, FALSE);

  *truncated = measure->truncated;
  *last_right = measure->last_right;
  return measure->height;
}

double
_tp_layout_measure_note (TpLayout   *layout,
                         const char *text,
                         double      width,
                         guint       max_lines,
                         gboolean   *truncated,
                         double     *last_right)
{
  return measure_note (layout, NULL, text, width, max_lines, truncated, last_right);
}

double
_tp_layout_measure_box (TpLayout   *layout,
                        TpNoteBox  *box,
                        const char *text,
                        double      width,
                        gboolean   *truncated,
                        double     *last_right)
{
  return measure_note (layout, box, text, width, box->max_lines, truncated, last_right);
}

double
_tp_layout_measure_natural (TpLayout   *layout,
                            TpNoteBox  *box,
                            const char *text,
                            double     *text_width)
{
  TpMeasure modelled;
  TpMeasure *measure = lookup_measure (layout, TP_FONT_NOTE, text, -1, 0, FALSE, &modelled, box,
                                       TRUE);

  *text_width = measure->text_width;
  return measure->height;
}

double
_tp_layout_measure_text (TpLayout   *layout,
                         TpFontRole  role,
                         const char *text,
                         double      width,
                         guint       max_lines,
                         double     *text_width,
                         gboolean   *truncated)
{
  TpMeasure *measure = lookup_measure (layout, role, text, width, max_lines, FALSE, NULL, NULL,
                                       FALSE);

  if (text_width != NULL)
    *text_width = measure->text_width;
  if (truncated != NULL)
    *truncated = measure->truncated;

  return measure->height;
}

PangoLayout *
_tp_layout_ref_note_text (TpLayout        *layout,
                          const char      *text,
                          const TpNoteBox *box)
{
  return _tp_layout_ref_text (layout, TP_FONT_NOTE, text, box->text_width, box->max_lines);
}

const TpTextModel *
_tp_layout_note_model (TpLayout        *layout,
                       const char      *text,
                       const TpNoteBox *box)
{
  TpMeasureText key = { (char *) text, box->max_lines, TP_FONT_NOTE };
  TpMeasureText *owner;

  if (!_tp_layout_models (layout))
    return NULL;
  owner = find_text (layout, &key, NULL, FALSE);
  if (!owner->modelled)
    {
      owner->model = _tp_text_model_new (layout, TP_FONT_NOTE, owner->text);
      owner->modelled = TRUE;
    }
  return owner->model;
}

PangoLayout *
_tp_layout_ref_text (TpLayout   *layout,
                     TpFontRole  role,
                     const char *text,
                     double      width,
                     guint       max_lines)
{
  TpMeasure *measure = lookup_measure (layout, role, text, width, max_lines, TRUE, NULL, NULL,
                                       FALSE);

  n_text_refs++;
  return g_object_ref (measure->layout);
}

static gboolean
text_is_stale (gpointer key,
               gpointer value,
               gpointer user_data)
{
  TpMeasureText *text = key;
  TpLayout *layout = user_data;

  for (guint i = text->measured->len; i-- > 0; )
    {
      TpMeasure *measure = g_ptr_array_index (text->measured, i);

      /* Kept for one more update: a block that shrinks and grows back reuses them. */
      if (measure->generation + 1 >= layout->generation)
        continue;
      unkeep (layout, measure);
      g_ptr_array_remove_index_fast (text->measured, i);
    }

  return text->measured->len == 0 && text->generation + 1 < layout->generation;
}

void
_tp_layout_measures_sweep (TpLayout *layout)
{
  guint live = layout->live_generation == layout->generation ? layout->n_live : 0;

  if (g_hash_table_size (layout->measures) <= 2 * live + MEASURE_SLACK)
    return;
  /* Boxes that remember a text dropped here must look it up again. */
  if (g_hash_table_foreach_remove (layout->measures, text_is_stale, layout) > 0)
    layout->measure_epoch++;
}
