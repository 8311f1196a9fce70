/* tp-board-vote.c: the board during a dot-voting round.
 *
 * While a round runs, a click on a note or touchpoint in the round's scope gives it a
 * dot, Shift+click or a right click takes one back, and + (=) or - do the same to the
 * selected item; everything outside the scope is veiled. The dots themselves are the
 * document's votes, which the round keeps up to date, so the renderer paints them like
 * any other change. Outside a round none of this applies: printable keys type (issue 15)
 * and the right button opens the context menu.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tp-board-private.h"

/* As the linked-items veil: what is out of scope stays legible, the scope stands out. */
#define VOTE_DIM_ALPHA  0.72

static gboolean
is_running (TpBoard *self)
{
  return self->vote_round != NULL && tp_vote_round_is_running (self->vote_round);
}

static void
on_round_changed (TpBoard *self)
{
  /* Ended or cancelled: the veil goes, and the keys type again. */
  if (!tp_vote_round_is_running (self->vote_round))
    tp_board_set_vote_round (self, NULL);
}

void
tp_board_set_vote_round (TpBoard     *self,
                         TpVoteRound *round)
{
  g_return_if_fail (TP_IS_BOARD (self));
  g_return_if_fail (round == NULL || TP_IS_VOTE_ROUND (round));

  if (self->vote_round == round)
    return;

  if (self->vote_round != NULL)
    {
      g_clear_signal_handler (&self->vote_changed_id, self->vote_round);
      g_clear_object (&self->vote_round);
    }
  if (round != NULL)
    {
      self->vote_round = g_object_ref (round);
      self->vote_changed_id = g_signal_connect_swapped (round, "changed",
                                                        G_CALLBACK (on_round_changed), self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

TpVoteRound *
tp_board_get_vote_round (TpBoard *self)
{
  g_return_val_if_fail (TP_IS_BOARD (self), NULL);

  return self->vote_round;
}

/* Gives (or takes back) a dot; a refused one rings the bell, as a key with nothing to do
 * does elsewhere on the board. */
static void
vote (TpBoard    *self,
      const char *id,
      gboolean    add)
{
  gboolean done = add ? tp_vote_round_add (self->vote_round, id)
                      : tp_vote_round_remove (self->vote_round, id);

  if (!done)
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static const char *
item_at (TpBoard *self,
         double   x,
         double   y)
{
  TpHit hit;
  double bx, by;

  _tp_board_ensure_layout (self);
  tp_board_widget_to_board (self, x, y, &bx, &by);
  hit = tp_layout_hit (self->layout, bx, by);
  if (hit.kind == TP_HIT_NOTE)
    return hit.note;
  if (hit.kind == TP_HIT_TOUCHPOINT)
    return hit.touchpoint;

  return NULL;
}

gboolean
_tp_board_vote_pressed (TpBoard         *self,
                        guint            button,
                        double           x,
                        double           y,
                        GdkModifierType  state)
{
  const char *id;

  if (!is_running (self) || (button != GDK_BUTTON_PRIMARY && button != GDK_BUTTON_SECONDARY))
    return FALSE;

  /* Anywhere else the board behaves as ever: pan, rubber band, zoom. */
  if ((id = item_at (self, x, y)) == NULL)
    return FALSE;

  /* Selected, so that the keys go on where the pointer left off. */
  tp_selection_set_one (self->selection, id);
  _tp_board_focus_item (self, id);
  vote (self, id, button == GDK_BUTTON_PRIMARY && (state & GDK_SHIFT_MASK) == 0);

  return TRUE;
}

gboolean
_tp_board_vote_key (TpBoard         *self,
                    guint            keyval,
                    GdkModifierType  state)
{
  const char *id;
  gboolean add;

  /* Ctrl+= and Ctrl+- stay the zoom's. */
  if (!is_running (self) || (state & ~GDK_SHIFT_MASK) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      add = TRUE;
      break;
    case GDK_KEY_minus:
    case GDK_KEY_underscore:
    case GDK_KEY_KP_Subtract:
      add = FALSE;
      break;
    default:
      return FALSE;
    }

  id = tp_selection_get_primary (self->selection);
  if (id == NULL || (tp_document_lookup_kind (self->document, id, TP_ITEM_NOTE) == NULL &&
                     tp_document_lookup_kind (self->document, id, TP_ITEM_TOUCHPOINT) == NULL))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }
  vote (self, id, add);

  return TRUE;
}

/* The board rects of the scope: a block's panel, a stage's column, a region. */
static void
scope_rects (TpBoard           *self,
             const TpVoteScope *scope,
             GArray            *rects)
{
  TpRect rect;

  switch (scope->kind)
    {
    case TP_VOTE_SCOPE_CONTAINER:
      {
        TpContainerInfo info;

        tp_layout_get_container (self->layout, scope->container, &info);
        g_array_append_val (rects, info.rect);
      }
      break;
    case TP_VOTE_SCOPE_STAGE:
      {
        TpStageInfo info;

        if (tp_layout_get_stage (self->layout, scope->stage, &info))
          g_array_append_val (rects, info.column);
      }
      break;
    case TP_VOTE_SCOPE_CANVAS:
      if (tp_layout_get_region (self->layout, TP_REGION_CANVAS, &rect))
        g_array_append_val (rects, rect);
      break;
    case TP_VOTE_SCOPE_VALUE_CHAIN:
      if (tp_layout_get_region (self->layout, TP_REGION_VALUE_CHAIN, &rect))
        g_array_append_val (rects, rect);
      break;
    case TP_VOTE_SCOPE_JOURNEY:
      if (tp_layout_get_region (self->layout, TP_REGION_JOURNEY, &rect))
        g_array_append_val (rects, rect);
      break;
    case TP_VOTE_SCOPE_BOARD:
    case TP_N_VOTE_SCOPES:
    default:
      break;
    }
}

void
_tp_board_snapshot_vote (TpBoard     *self,
                         GtkSnapshot *snapshot)
{
  const TpVoteScope *scope;
  g_autoptr(GArray) rects = NULL;
  const TpTheme *theme;
  GtkWidget *widget = GTK_WIDGET (self);
  TpRect visible;
  cairo_t *cr;
  double ox, oy;

  if (!is_running (self))
    return;

  scope = tp_vote_round_get_scope (self->vote_round);
  /* The whole board votes: nothing to set apart. */
  if (scope->kind == TP_VOTE_SCOPE_BOARD)
    return;

  rects = g_array_new (FALSE, FALSE, sizeof (TpRect));
  scope_rects (self, scope, rects);
  theme = tp_layout_get_theme (self->layout);
  _tp_board_get_visible (self, &visible);

  cr = gtk_snapshot_append_cairo (snapshot,
                                  &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                                       gtk_widget_get_height (widget)));
  tp_board_board_to_widget (self, 0, 0, &ox, &oy);
  cairo_translate (cr, ox, oy);
  cairo_scale (cr, self->zoom, self->zoom);
  /* The view with holes where the scope is: one fill, however many items are out. */
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_rectangle (cr, visible.x, visible.y, visible.width, visible.height);
  for (guint i = 0; i < rects->len; i++)
    {
      const TpRect *r = &g_array_index (rects, TpRect, i);

      cairo_rectangle (cr, r->x, r->y, r->width, r->height);
    }
  tp_colour_set_source_alpha (cr, &theme->board_background, VOTE_DIM_ALPHA);
  cairo_fill (cr);
  cairo_destroy (cr);
}

void
_tp_board_vote_dispose (TpBoard *self)
{
  if (self->vote_round != NULL)
    {
      g_clear_signal_handler (&self->vote_changed_id, self->vote_round);
      g_clear_object (&self->vote_round);
    }
}
