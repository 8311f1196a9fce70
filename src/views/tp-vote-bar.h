/* tp-vote-bar.h: the bar a window shows during a dot-voting round.
 *
 * "Dot voting · Key Partners · 17 of 24 dots left", the live top five, and the round's
 * End Round and Cancel buttons (win.end-voting, win.cancel-voting).
 */
#pragma once

#include <gtk/gtk.h>

#include "model/tp-vote-round.h"

G_BEGIN_DECLS

#define TP_TYPE_VOTE_BAR (tp_vote_bar_get_type ())
G_DECLARE_FINAL_TYPE (TpVoteBar, tp_vote_bar, TP, VOTE_BAR, GtkWidget)

GtkWidget   *tp_vote_bar_new       (void);
void         tp_vote_bar_set_round (TpVoteBar   *self,
                                    TpVoteRound *round);
/* The status line and the ranking as shown, for tests. */
const char  *tp_vote_bar_get_status  (TpVoteBar *self);
const char  *tp_vote_bar_get_ranking (TpVoteBar *self);

G_END_DECLS
