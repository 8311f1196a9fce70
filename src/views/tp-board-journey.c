/* tp-board-journey.c: what the customer journey adds to the board: stages and
 * touchpoints under the keyboard, their keys and actions, moving them, and moments of
 * truth.
 *
 * The keyboard treats a stage like a block of the canvas (Enter on it captures
 * touchpoints there, with the same rapid capture as notes) that is also an item of its
 * own (it can be selected, renamed with F2, deleted, moved with Alt+Left/Right), and a
 * touchpoint like a note (Enter or F2 renames it, typing renames it with what is typed,
 * arrows move along the journey, Up goes to its stage, Ctrl+M marks it as a moment of
 * truth). Ctrl+Enter adds a stage after the focused one and names it in place. No
 * printable key is a command: a facilitator typing a name must never change anything
 * but the name.
 *
 * Every change is one undo step of the document; the pointer's part (presses, drags and
 * drops) is in tp-board-input.c, the overlays in tp-board-journey-draw.c.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "tp-board-private.h"

/* The "+" after the last stage, board units: its size and its gap to the journey. */
#define ADD_STAGE_SIZE 40.0
#define ADD_STAGE_GAP  14.0

static TpStage *
lookup_stage (TpBoard    *self,
              const char *id)
{
  return self->document != NULL && id != NULL
         ? tp_document_lookup_kind (self->document, id, TP_ITEM_STAGE) : NULL;
}

static TpTouchpoint *
lookup_touchpoint (TpBoard    *self,
                   const char *id)
{
  return self->document != NULL && id != NULL
         ? tp_document_lookup_kind (self->document, id, TP_ITEM_TOUCHPOINT) : NULL;
}

/* The stage or touchpoint under the keyboard, if it still exists. */
static TpStage *
focused_stage (TpBoard *self)
{
  return self->focus == TP_BOARD_FOCUS_STAGE ? lookup_stage (self, self->focus_stage) : NULL;
}

static TpTouchpoint *
focused_touchpoint (TpBoard *self)
{
  return self->focus == TP_BOARD_FOCUS_TOUCHPOINT
         ? lookup_touchpoint (self, self->focus_touchpoint) : NULL;
}

static const char *
last_stage_id (TpBoard *self)
{
  GPtrArray *stages = tp_document_get_stages (self->document);

  return stages->len > 0 ? ((TpItem *) g_ptr_array_index (stages, stages->len - 1))->id : NULL;
}

static void
set_string (char       **slot,
            const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return;

  g_free (*slot);
  *slot = g_strdup (value);
}

/* Focus */

static void
focus_changed (TpBoard *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  _tp_board_update_actions (self);
  _tp_board_update_accessible (self);
}

void
_tp_board_focus_stage (TpBoard    *self,
                       const char *id)
{
  g_autofree char *copy = g_strdup (id);

  g_clear_pointer (&self->focus_note, g_free);
  g_clear_pointer (&self->focus_touchpoint, g_free);
  if (lookup_stage (self, copy) != NULL)
    {
      self->focus = TP_BOARD_FOCUS_STAGE;
      set_string (&self->focus_stage, copy);
    }
  else
    {
      self->focus = TP_BOARD_FOCUS_NONE;
      g_clear_pointer (&self->focus_stage, g_free);
    }

  focus_changed (self);
}

void
_tp_board_focus_touchpoint (TpBoard    *self,
                            const char *id)
{
  g_autofree char *copy = g_strdup (id);
  TpTouchpoint *touchpoint = lookup_touchpoint (self, copy);

  g_clear_pointer (&self->focus_note, g_free);
  if (touchpoint != NULL)
    {
      self->focus = TP_BOARD_FOCUS_TOUCHPOINT;
      set_string (&self->focus_touchpoint, copy);
      set_string (&self->focus_stage, touchpoint->stage);
    }
  else
    {
      self->focus = TP_BOARD_FOCUS_NONE;
      g_clear_pointer (&self->focus_touchpoint, g_free);
      g_clear_pointer (&self->focus_stage, g_free);
    }

  focus_changed (self);
}

void
_tp_board_focus_item (TpBoard    *self,
                      const char *id)
{
  TpItem *item = self->document != NULL && id != NULL
                 ? tp_document_lookup (self->document, id) : NULL;

  if (item == NULL)
    return;

  switch (item->kind)
    {
    case TP_ITEM_NOTE:
      _tp_board_focus_note (self, id);
      break;
    case TP_ITEM_STAGE:
      _tp_board_focus_stage (self, id);
      break;
    case TP_ITEM_TOUCHPOINT:
      _tp_board_focus_touchpoint (self, id);
      break;
    default:
      break;
    }
}

gboolean
_tp_board_is_journey_item (TpBoard    *self,
                           const char *id)
{
  TpItem *item = self->document != NULL && id != NULL
                 ? tp_document_lookup (self->document, id) : NULL;

  return item != NULL && (item->kind == TP_ITEM_STAGE || item->kind == TP_ITEM_TOUCHPOINT);
}

void
_tp_board_journey_document_changed (TpBoard    *self,
                                    guint       kind,
                                    const char *id)
{
  if (id == NULL)
    return;

  if (kind == TP_CHANGE_MOVED && g_strcmp0 (id, self->focus_touchpoint) == 0)
    {
      TpTouchpoint *touchpoint = lookup_touchpoint (self, id);

      /* The focus follows a touchpoint into its new stage. */
      if (touchpoint != NULL)
        set_string (&self->focus_stage, touchpoint->stage);
      return;
    }

  if (kind != TP_CHANGE_REMOVED)
    return;

  /* Up a level when the focused touchpoint goes; nowhere when its stage goes (whoever
   * removed it says where the keyboard goes next). */
  if (self->focus == TP_BOARD_FOCUS_TOUCHPOINT && g_strcmp0 (id, self->focus_touchpoint) == 0)
    _tp_board_focus_stage (self, self->focus_stage);
  else if ((self->focus == TP_BOARD_FOCUS_STAGE || self->focus == TP_BOARD_FOCUS_TOUCHPOINT) &&
           g_strcmp0 (id, self->focus_stage) == 0)
    _tp_board_focus_stage (self, NULL);
}

char *
_tp_board_journey_describe (TpBoard *self)
{
  TpTouchpoint *touchpoint;
  TpStage *stage;

  if ((touchpoint = focused_touchpoint (self)) != NULL &&
      (stage = lookup_stage (self, touchpoint->stage)) != NULL)
    {
      if (touchpoint->moment_of_truth)
        /* Translators: what a screen reader says of the touchpoint under the keyboard
         * focus: the stage's name, then the touchpoint's. */
        return g_strdup_printf (_("%s: %s, moment of truth"), stage->name, touchpoint->name);
      /* Translators: as above, for a touchpoint that is not a moment of truth. */
      return g_strdup_printf (_("%s: %s"), stage->name, touchpoint->name);
    }

  if ((stage = focused_stage (self)) != NULL)
    /* Translators: a focused stage of the journey; typing adds a touchpoint to it. */
    return g_strdup_printf (_("%s stage, type to add a touchpoint"), stage->name);

  return NULL;
}

/* Board order: stages in order, each one's touchpoints in order. */

static guint
position_of (TpBoard    *self,
             const char *id)
{
  TpTouchpoint *touchpoint = lookup_touchpoint (self, id);
  guint stage = 0, index = 0;

  if (touchpoint == NULL)
    {
      tp_document_get_index (self->document, id, &stage);
      return stage << 16;
    }

  tp_document_get_index (self->document, touchpoint->stage, &stage);
  tp_document_get_index (self->document, id, &index);

  return (stage << 16) + MIN (index, 0xffff) + 1;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  guint pa = position_of (user_data, *(const char * const *) a);
  guint pb = position_of (user_data, *(const char * const *) b);

  return (pa > pb) - (pa < pb);
}

GPtrArray *
_tp_board_dup_selected_journey (TpBoard    *self,
                                TpItemKind  kind)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  const char * const *selected;

  if (self->document == NULL)
    return ids;

  selected = tp_selection_get_ids (self->selection);
  for (guint i = 0; selected[i] != NULL; i++)
    if (tp_document_lookup_kind (self->document, selected[i], kind) != NULL)
      g_ptr_array_add (ids, g_strdup (selected[i]));

  g_ptr_array_sort_with_data (ids, compare_positions, self);

  return ids;
}

GPtrArray *
_tp_board_dup_touchpoint_targets (TpBoard *self)
{
  GPtrArray *ids = _tp_board_dup_selected_journey (self, TP_ITEM_TOUCHPOINT);

  if (ids->len == 0 && focused_touchpoint (self) != NULL)
    g_ptr_array_add (ids, g_strdup (self->focus_touchpoint));

  return ids;
}

/* Every touchpoint in journey order (ids owned by the document). */
GPtrArray *
_tp_board_get_touchpoint_order (TpBoard *self)
{
  GPtrArray *stages = tp_document_get_stages (self->document);
  GPtrArray *ids = g_ptr_array_new ();

  for (guint s = 0; s < stages->len; s++)
    {
      TpStage *stage = g_ptr_array_index (stages, s);

      for (guint i = 0; i < stage->touchpoints->len; i++)
        g_ptr_array_add (ids, ((TpItem *) g_ptr_array_index (stage->touchpoints, i))->id);
    }

  return ids;
}

/* How many touchpoints the stages before id hold. */
guint
_tp_board_count_touchpoints_before (TpBoard    *self,
                                    const char *stage_id)
{
  GPtrArray *stages = tp_document_get_stages (self->document);
  guint n = 0;

  for (guint s = 0; s < stages->len; s++)
    {
      TpStage *stage = g_ptr_array_index (stages, s);

      if (g_strcmp0 (stage->item.id, stage_id) == 0)
        break;
      n += stage->touchpoints->len;
    }

  return n;
}

/* Navigation */

static gboolean
step_stage (TpBoard  *self,
            int       delta,
            gboolean  extend)
{
  GPtrArray *stages = tp_document_get_stages (self->document);
  guint index = 0;
  int next;

  if (!tp_document_get_index (self->document, self->focus_stage, &index))
    return FALSE;

  next = (int) index + delta;
  if (next < 0 || next >= (int) stages->len)
    {
      /* At either end the focus stays: the keyboard never falls off the journey. */
      gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }

  _tp_board_go_to (self, ((TpItem *) g_ptr_array_index (stages, next))->id, extend);
  return TRUE;
}

static gboolean
step_touchpoint (TpBoard  *self,
                 int       delta,
                 gboolean  extend)
{
  g_autoptr(GPtrArray) order = _tp_board_get_touchpoint_order (self);
  guint at = 0;
  int next;

  if (!g_ptr_array_find_with_equal_func (order, self->focus_touchpoint, g_str_equal, &at))
    return FALSE;

  next = (int) at + delta;
  if (next < 0 || next >= (int) order->len)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }

  _tp_board_go_to (self, g_ptr_array_index (order, next), extend);
  return TRUE;
}

static gboolean
navigate (TpBoard  *self,
          int       dx,
          int       dy,
          gboolean  extend)
{
  TpTouchpoint *touchpoint;
  TpStage *stage;

  if ((stage = focused_stage (self)) != NULL)
    {
      if (dx != 0)
        return step_stage (self, dx, extend);
      /* Down into the stage's touchpoints; nothing lies above the headers. */
      if (dy > 0 && stage->touchpoints->len > 0)
        _tp_board_go_to (self, ((TpItem *) g_ptr_array_index (stage->touchpoints, 0))->id, extend);
      else
        gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }

  if ((touchpoint = focused_touchpoint (self)) != NULL)
    {
      if (dx != 0)
        return step_touchpoint (self, dx, extend);
      /* Up a level, to the stage's header; the rows below belong to the card. */
      if (dy < 0)
        _tp_board_go_to (self, touchpoint->stage, FALSE);
      else
        gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }

  return FALSE;
}

/* Commands */

gboolean
_tp_board_get_new_stage_index (TpBoard *self,
                               guint   *index)
{
  guint i = 0;

  if (self->document == NULL)
    return FALSE;

  /* After the focused stage (or the focused touchpoint's), else at the end. */
  if ((self->focus == TP_BOARD_FOCUS_STAGE || self->focus == TP_BOARD_FOCUS_TOUCHPOINT) &&
      lookup_stage (self, self->focus_stage) != NULL &&
      tp_document_get_index (self->document, self->focus_stage, &i))
    *index = i + 1;
  else
    *index = tp_document_get_stages (self->document)->len;

  return TRUE;
}

static void
add_stage (TpBoard *self)
{
  guint index;

  if (_tp_board_get_new_stage_index (self, &index))
    _tp_board_start_stage_capture (self, index);
}

gboolean
_tp_board_toggle_moment_of_truth (TpBoard *self)
{
  g_autoptr(GPtrArray) ids = _tp_board_dup_touchpoint_targets (self);
  gboolean mark = FALSE;
  const char *label;

  if (ids->len == 0)
    return FALSE;

  /* Mixed: all become moments of truth, as a checkbox column does. */
  for (guint i = 0; i < ids->len; i++)
    mark |= !lookup_touchpoint (self, g_ptr_array_index (ids, i))->moment_of_truth;
  label = _tp_board_step_label (mark ? TP_BOARD_STEP_MARK_MOMENT : TP_BOARD_STEP_UNMARK_MOMENT,
                                ids->len);

  tp_document_begin_group (self->document, label);
  for (guint i = 0; i < ids->len; i++)
    {
      TpTouchpoint *copy;

      if (lookup_touchpoint (self, g_ptr_array_index (ids, i))->moment_of_truth == mark)
        continue;
      copy = (TpTouchpoint *) tp_document_edit_begin (self->document, g_ptr_array_index (ids, i));
      tp_touchpoint_set_moment_of_truth (copy, mark);
      tp_document_edit_commit (self->document, (TpItem *) copy, label, FALSE);
    }
  tp_document_end_group (self->document);

  return TRUE;
}

/* Alt+Left and Alt+Right: the focused stage one place along the journey, the focused
 * touchpoint one place along it too (into the next stage past either end of its own),
 * the focused note one place within its block. */
static gboolean
move_focused (TpBoard *self,
              int      delta)
{
  guint index = 0;

  if (self->document == NULL)
    return FALSE;

  if (focused_stage (self) != NULL)
    {
      guint n = tp_document_get_stages (self->document)->len;

      tp_document_get_index (self->document, self->focus_stage, &index);
      if ((delta < 0 && index == 0) || (delta > 0 && index + 1 >= n))
        return FALSE;
      tp_document_move_stage (self->document, self->focus_stage, index + delta);
      tp_board_reveal_item (self, self->focus_stage);
      return TRUE;
    }

  if (focused_touchpoint (self) != NULL)
    {
      g_autofree char *id = g_strdup (self->focus_touchpoint);
      TpTouchpoint *touchpoint = lookup_touchpoint (self, id);
      GPtrArray *stages = tp_document_get_stages (self->document);
      TpStage *stage = lookup_stage (self, touchpoint->stage);
      guint s = 0;

      tp_document_get_index (self->document, stage->item.id, &s);
      tp_document_get_index (self->document, id, &index);

      if (delta < 0 && index > 0)
        tp_document_move_touchpoint (self->document, id, stage->item.id, index - 1);
      else if (delta > 0 && index + 1 < stage->touchpoints->len)
        tp_document_move_touchpoint (self->document, id, stage->item.id, index + 1);
      else if (delta < 0 && s > 0)
        tp_document_move_touchpoint (self->document, id,
                                     ((TpItem *) g_ptr_array_index (stages, s - 1))->id, G_MAXUINT);
      else if (delta > 0 && s + 1 < stages->len)
        tp_document_move_touchpoint (self->document, id,
                                     ((TpItem *) g_ptr_array_index (stages, s + 1))->id, 0);
      else
        return FALSE;

      _tp_board_focus_touchpoint (self, id);
      tp_board_reveal_item (self, id);
      return TRUE;
    }

  if (self->focus == TP_BOARD_FOCUS_NOTE &&
      tp_document_lookup_kind (self->document, self->focus_note, TP_ITEM_NOTE) != NULL)
    {
      TpNote *note = tp_document_lookup_kind (self->document, self->focus_note, TP_ITEM_NOTE);
      guint n = tp_document_get_notes (self->document, note->container)->len;

      tp_document_get_index (self->document, self->focus_note, &index);
      if ((delta < 0 && index == 0) || (delta > 0 && index + 1 >= n))
        return FALSE;
      tp_document_move_note (self->document, self->focus_note, note->container, index + delta);
      tp_board_reveal_item (self, self->focus_note);
      return TRUE;
    }

  return FALSE;
}

/* Where the keyboard goes once journey items are deleted: the next stage or touchpoint
 * that stays, else the one before, else the stage that held the touchpoints. */
char *
_tp_board_dup_journey_neighbour (TpBoard   *self,
                                 GPtrArray *ids)
{
  const char *last = g_ptr_array_index (ids, ids->len - 1);
  TpTouchpoint *touchpoint = lookup_touchpoint (self, last);
  GPtrArray *items;
  guint index = 0;

  if (touchpoint != NULL)
    items = lookup_stage (self, touchpoint->stage)->touchpoints;
  else
    items = tp_document_get_stages (self->document);

  tp_document_get_index (self->document, last, &index);
  for (guint i = index + 1; i < items->len; i++)
    if (!g_ptr_array_find_with_equal_func (ids, ((TpItem *) g_ptr_array_index (items, i))->id,
                                           g_str_equal, NULL))
      return g_strdup (((TpItem *) g_ptr_array_index (items, i))->id);
  for (guint i = index; i > 0; i--)
    if (!g_ptr_array_find_with_equal_func (ids, ((TpItem *) g_ptr_array_index (items, i - 1))->id,
                                           g_str_equal, NULL))
      return g_strdup (((TpItem *) g_ptr_array_index (items, i - 1))->id);

  if (touchpoint != NULL &&
      !g_ptr_array_find_with_equal_func (ids, touchpoint->stage, g_str_equal, NULL))
    return g_strdup (touchpoint->stage);

  return NULL;
}

/* The "+" after the last stage */

gboolean
_tp_board_get_add_stage_rect (TpBoard *self,
                              TpRect  *rect)
{
  GPtrArray *stages;
  TpStageInfo last;
  TpRect region, bounds;

  if (self->document == NULL)
    return FALSE;

  _tp_board_ensure_layout (self);
  stages = tp_document_get_stages (self->document);
  if (stages->len > 0 && tp_layout_get_region (self->layout, TP_REGION_JOURNEY, &region) &&
      tp_layout_get_stage (self->layout, last_stage_id (self), &last))
    {
      /* Beside the headings, just past the journey's right edge: where the next stage
       * will stand. */
      *rect = (TpRect) { region.x + region.width + ADD_STAGE_GAP,
                         last.header.y + (last.header.height - ADD_STAGE_SIZE) / 2,
                         ADD_STAGE_SIZE, ADD_STAGE_SIZE };
      return TRUE;
    }

  /* No journey yet: under everything else, where it will start. */
  tp_layout_get_region (self->layout, TP_REGION_JOURNEY, &region);
  tp_layout_get_bounds (self->layout, &bounds);
  *rect = (TpRect) { region.x,
                     bounds.y + bounds.height - tp_layout_get_theme (self->layout)->board_margin
                     + ADD_STAGE_GAP,
                     ADD_STAGE_SIZE, ADD_STAGE_SIZE };
  return TRUE;
}

gboolean
_tp_board_is_add_stage_point (TpBoard *self,
                              double   bx,
                              double   by)
{
  TpRect rect;

  return _tp_board_get_add_stage_rect (self, &rect) && tp_rect_contains_point (&rect, bx, by);
}

/* The empty journey space after the last stage, where a double click adds a stage. */
gboolean
_tp_board_is_after_stages (TpBoard *self,
                           double   bx,
                           double   by)
{
  TpStageInfo last;
  TpRect region, bounds;

  if (self->document == NULL || last_stage_id (self) == NULL ||
      !tp_layout_get_region (self->layout, TP_REGION_JOURNEY, &region) ||
      !tp_layout_get_stage (self->layout, last_stage_id (self), &last))
    return FALSE;

  tp_layout_get_bounds (self->layout, &bounds);

  return bx >= last.column.x + last.column.width && bx < bounds.x + bounds.width &&
         by >= last.column.y && by < last.column.y + last.column.height;
}

/* A heading and its items as bullets, when there are items. */
static void
append_list (GString    *markup,
             const char *heading,
             GPtrArray  *texts)
{
  if (texts->len == 0)
    return;

  g_string_append_printf (markup, "\n\n<b>%s</b>", heading);
  for (guint i = 0; i < texts->len; i++)
    {
      g_autofree char *text = g_markup_escape_text (g_ptr_array_index (texts, i), -1);

      g_string_append_printf (markup, "\n• %s", text);
    }
}

char *
_tp_board_dup_journey_full_text (TpBoard *self,
                                 double   bx,
                                 double   by,
                                 TpRect  *area)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  TpHit hit;

  if (self->document == NULL)
    return NULL;

  hit = tp_layout_hit (self->layout, bx, by);
  if (hit.kind == TP_HIT_TOUCHPOINT)
    {
      TpTouchpoint *touchpoint = tp_document_lookup_kind (self->document, hit.touchpoint,
                                                          TP_ITEM_TOUCHPOINT);
      g_autoptr(GPtrArray) needs = g_ptr_array_new ();
      g_autoptr(GPtrArray) kpis = g_ptr_array_new ();
      g_autofree char *name = NULL;
      TpTouchpointInfo info;

      if (touchpoint == NULL || !tp_layout_get_touchpoint (self->layout, hit.touchpoint, &info) ||
          !info.truncated)
        return NULL;

      /* Everything the column shows, in its order, so a cut text reads whole. */
      name = g_markup_escape_text (touchpoint->name, -1);
      g_string_append_printf (markup, "<b>%s</b>", name);
      if (*touchpoint->channel != '\0')
        {
          g_autofree char *channel = g_markup_escape_text (touchpoint->channel, -1);

          g_string_append_printf (markup, "\n%s", channel);
        }
      for (guint i = 0; i < touchpoint->needs->len; i++)
        g_ptr_array_add (needs, ((TpKanoNeed *) g_ptr_array_index (touchpoint->needs, i))->text);
      /* Translators: the heading of a touchpoint's Kano needs in its tooltip. */
      append_list (markup, _("Needs"), needs);
      if (*touchpoint->action != '\0')
        {
          g_autofree char *action = g_markup_escape_text (touchpoint->action, -1);

          g_string_append_printf (markup, "\n\n<b>%s</b>\n%s",
                                  tp_journey_row_get_label (TP_JOURNEY_ROW_ACTION), action);
        }
      append_list (markup, tp_journey_row_get_label (TP_JOURNEY_ROW_PAINS), touchpoint->pains);
      append_list (markup, tp_journey_row_get_label (TP_JOURNEY_ROW_OPPORTUNITIES),
                   touchpoint->opportunities);
      for (guint i = 0; i < touchpoint->kpis->len; i++)
        g_ptr_array_add (kpis, ((TpKpi *) g_ptr_array_index (touchpoint->kpis, i))->name);
      append_list (markup, tp_journey_row_get_label (TP_JOURNEY_ROW_KPIS), kpis);
      if (area != NULL)
        *area = info.column;
    }
  else if (hit.kind == TP_HIT_STAGE)
    {
      TpStage *stage = tp_document_lookup_kind (self->document, hit.stage, TP_ITEM_STAGE);
      g_autofree char *name = NULL;
      TpStageInfo info;

      if (stage == NULL || !tp_layout_get_stage (self->layout, hit.stage, &info) ||
          (!info.name_truncated && !info.job_truncated))
        return NULL;

      name = g_markup_escape_text (stage->name, -1);
      g_string_append_printf (markup, "<b>%s</b>", name);
      if (stage->job != NULL && *stage->job != '\0')
        {
          g_autofree char *job = g_markup_escape_text (stage->job, -1);

          g_string_append_printf (markup, "\n<i>%s</i>", job);
        }
      if (area != NULL)
        *area = info.header;
    }
  else
    return NULL;

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

void
_tp_board_set_tooltip_area (TpBoard      *self,
                            GtkTooltip   *tooltip,
                            const TpRect *rect)
{
  graphene_rect_t area;

  _tp_board_rect_to_widget (self, rect, &area);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) area.origin.x, (int) area.origin.y,
                                                       (int) area.size.width,
                                                       (int) area.size.height });
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  TpBoard    *self)
{
  double bx, by;
  TpRect rect;

  if (keyboard || self->drag != TP_BOARD_DRAG_NONE)
    return FALSE;

  tp_board_widget_to_board (self, x, y, &bx, &by);
  if (_tp_board_emotion_query_tooltip (self, bx, by, tooltip))
    return TRUE;
  if (!_tp_board_get_add_stage_rect (self, &rect) || !tp_rect_contains_point (&rect, bx, by))
    {
      /* A text the board cuts short (it ends in "…" or "+N more") reads whole here. */
      g_autofree char *full = _tp_board_is_editing (self)
                              ? NULL : _tp_board_dup_journey_full_text (self, bx, by, &rect);

      if (full == NULL)
        return FALSE;
      _tp_board_set_tooltip_area (self, tooltip, &rect);
      gtk_tooltip_set_markup (tooltip, full);
      return TRUE;
    }

  _tp_board_set_tooltip_area (self, tooltip, &rect);
  gtk_tooltip_set_text (tooltip, _("Add Stage"));
  return TRUE;
}

/* Keys */

gboolean
_tp_board_journey_key_pressed (TpBoard  *self,
                               guint     keyval,
                               gboolean  shift)
{
  if (focused_stage (self) == NULL && focused_touchpoint (self) == NULL)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (shift)
        return FALSE;
      /* Enter on a stage captures touchpoints at its end; on a touchpoint, renames it. */
      if (self->focus == TP_BOARD_FOCUS_STAGE)
        _tp_board_start_touchpoint_capture (self, self->focus_stage, G_MAXUINT);
      else
        _tp_board_start_edit (self, self->focus_touchpoint);
      return TRUE;

    case GDK_KEY_F2:
      _tp_board_start_edit (self, self->focus == TP_BOARD_FOCUS_STAGE ? self->focus_stage
                                                                      : self->focus_touchpoint);
      return TRUE;

    case GDK_KEY_Escape:
      if (self->drag != TP_BOARD_DRAG_NONE)
        return FALSE;
      /* Up a level: from a touchpoint to its stage, from a stage to nothing. */
      tp_selection_clear (self->selection);
      if (self->focus == TP_BOARD_FOCUS_TOUCHPOINT)
        _tp_board_focus_stage (self, self->focus_stage);
      else
        _tp_board_focus_stage (self, NULL);
      return TRUE;

    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      return navigate (self, -1, 0, shift);
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      return navigate (self, 1, 0, shift);
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      return navigate (self, 0, -1, shift);
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      return navigate (self, 0, 1, shift);

    default:
      return FALSE;
    }
}

/* Ctrl+2 */

void
_tp_board_zoom_to_journey (TpBoard *self)
{
  GPtrArray *stages;

  tp_board_zoom_to_region (self, TP_REGION_JOURNEY);
  if (self->document == NULL)
    return;

  /* The keyboard comes along, onto the first stage, unless it is in the journey
   * already: then that stays in view. Only the keyboard's focus moves: zooming is a way
   * of looking and never changes the selection (issue 15: Ctrl+2 used to select the
   * first stage too, and the inspector left the note the user had selected). */
  gtk_widget_grab_focus (GTK_WIDGET (self));
  stages = tp_document_get_stages (self->document);
  if (focused_stage (self) != NULL)
    {
      tp_board_reveal_item (self, self->focus_stage);
      return;
    }
  if (focused_touchpoint (self) != NULL)
    {
      tp_board_reveal_item (self, self->focus_touchpoint);
      return;
    }
  if (stages->len == 0)
    return;

  _tp_board_focus_stage (self, ((TpItem *) g_ptr_array_index (stages, 0))->id);
}

/* Actions */

void
_tp_board_journey_update_actions (TpBoard  *self,
                                  gboolean  idle)
{
  GtkWidget *widget = (GtkWidget *) self;
  g_autoptr(GPtrArray) touchpoints = idle ? _tp_board_dup_touchpoint_targets (self) : NULL;
  gboolean movable = FALSE;

  if (idle)
    movable = focused_stage (self) != NULL || focused_touchpoint (self) != NULL ||
              (self->focus == TP_BOARD_FOCUS_NOTE &&
               tp_document_lookup_kind (self->document, self->focus_note, TP_ITEM_NOTE) != NULL);

  gtk_widget_action_set_enabled (widget, "board.add-stage", idle);
  gtk_widget_action_set_enabled (widget, "board.toggle-moment-of-truth",
                                 touchpoints != NULL && touchpoints->len > 0);
  gtk_widget_action_set_enabled (widget, "board.move-back", movable);
  gtk_widget_action_set_enabled (widget, "board.move-forward", movable);
}

static void
journey_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TpBoard *self = TP_BOARD (widget);

  if (g_str_equal (action_name, "board.add-stage"))
    add_stage (self);
  else if (g_str_equal (action_name, "board.toggle-moment-of-truth"))
    _tp_board_toggle_moment_of_truth (self);
  else if (g_str_equal (action_name, "board.move-back") && !move_focused (self, -1))
    gtk_widget_error_bell (widget);
  else if (g_str_equal (action_name, "board.move-forward") && !move_focused (self, 1))
    gtk_widget_error_bell (widget);
}

void
_tp_board_journey_class_init (GtkWidgetClass *widget_class)
{
  static const char * const actions[] = {
    "board.add-stage", "board.toggle-moment-of-truth", "board.move-back", "board.move-forward",
  };
  static const struct {
    guint            keyval;
    GdkModifierType  mods;
    const char      *action;
  } bindings[] = {
    { GDK_KEY_Return, GDK_CONTROL_MASK, "board.add-stage" },
    { GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "board.add-stage" },
    { GDK_KEY_ISO_Enter, GDK_CONTROL_MASK, "board.add-stage" },
    { GDK_KEY_Left, GDK_ALT_MASK, "board.move-back" },
    { GDK_KEY_KP_Left, GDK_ALT_MASK, "board.move-back" },
    { GDK_KEY_Right, GDK_ALT_MASK, "board.move-forward" },
    { GDK_KEY_KP_Right, GDK_ALT_MASK, "board.move-forward" },
    { GDK_KEY_m, GDK_CONTROL_MASK, "board.toggle-moment-of-truth" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, journey_action);
  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    gtk_widget_class_add_binding_action (widget_class, bindings[i].keyval, bindings[i].mods,
                                         bindings[i].action, NULL);
}

void
_tp_board_journey_init (TpBoard *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
}
