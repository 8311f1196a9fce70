/* tp-analysis-votes.c: the analysis page's "Most voted" section: the notes and
 * touchpoints the room gave the most dots, with their counts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "model/tp-enums.h"
#include "model/tp-vote-scope.h"
#include "tp-analysis-page-private.h"

/* A page, not a list of everything: the top of the ranking is what a workshop acts on. */
#define MOST_VOTED_MAX  10

double
_tp_analysis_place_votes (TpAnalysisLayout *self,
                          TpDocument       *document,
                          double            y)
{
  const TpColumn columns[] = {
    { _("Rank"), 0, 0, TRUE },
    { _("Item"), 2.0, 200 },
    { _("Where"), 1.0, 120 },
    { _("Votes"), 0, 0, TRUE },
  };
  g_autoptr(TpTable) table = _tp_table_new (columns, G_N_ELEMENTS (columns));
  g_autoptr(GArray) ranking = NULL;
  TpVoteScope scope;
  guint rank = 0, previous = 0;

  y = _tp_analysis_place_heading (self, _("Most voted"),
                                  _("Dot votes of the notes and touchpoints, most first; "
                                    "equal counts share a rank and keep the board’s order."),
                                  y);

  tp_vote_scope_init (&scope, TP_VOTE_SCOPE_BOARD, 0, NULL);
  ranking = tp_vote_scope_rank (&scope, document, MOST_VOTED_MAX);
  tp_vote_scope_clear (&scope);

  if (ranking->len == 0)
    return y + _tp_analysis_add_empty (self, _("No dot votes yet — start a voting round from the main menu"),
                                       0, y, self->page_width);

  for (guint i = 0; i < ranking->len; i++)
    {
      const TpVoteRank *entry = &g_array_index (ranking, TpVoteRank, i);
      TpItem *item = tp_document_lookup (document, entry->id);
      TpCell *cells = _tp_table_add_row (table, entry->id);

      /* Competition ranking ("1, 2, 2, 4"): a tie is a tie. */
      if (i == 0 || entry->votes != previous)
        rank = i + 1;
      previous = entry->votes;

      cells[0].kind = TP_CELL_NUMBER;
      cells[0].text = g_strdup_printf ("%u", rank);
      cells[3].kind = TP_CELL_NUMBER;
      cells[3].text = g_strdup_printf ("%u", entry->votes);
      cells[3].strong = TRUE;

      if (item->kind == TP_ITEM_NOTE)
        {
          const TpNote *note = (const TpNote *) item;

          cells[1].text = g_strdup (note->text);
          cells[1].detail = g_strdup (_("Note"));
          cells[2].text = g_strdup (tp_enum_get_label (TP_ENUM_CONTAINER, note->container));
        }
      else
        {
          const TpTouchpoint *touchpoint = (const TpTouchpoint *) item;
          const TpStage *stage = tp_document_lookup_kind (document, touchpoint->stage,
                                                          TP_ITEM_STAGE);

          cells[1].text = g_strdup (touchpoint->name);
          cells[1].strong = TRUE;
          cells[1].detail = g_strdup (_("Touchpoint"));
          cells[2].text = g_strdup (stage != NULL ? stage->name : "");
        }
    }

  return y + _tp_table_place (self, table, TP_ANALYSIS_TABLE_VOTES, 0, y, self->page_width);
}
