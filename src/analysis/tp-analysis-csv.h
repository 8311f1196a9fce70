/* tp-analysis-csv.h: the analysis tables as CSV, a contract for spreadsheets and scripts.
 *
 * RFC 4180 (CRLF line ends, fields quoted when they hold a comma, quote or line break),
 * UTF-8 without a byte-order mark, one header row, one row per item, numbers with a dot,
 * coefficients with 4 decimals, empty fields for what has no value.
 *
 * - gaps: touchpoint, stage, expectation, experience, gap, impact, feasibility, priority,
 *   strategy, action, owner, status (one row per moment of truth, ranked as tp_gap_rank();
 *   the first action of its plan, or empty). Unscored scores, and the gap and priority
 *   they leave undefined, are empty; strategy and status are nicks ("none", "proactive";
 *   "todo", "in-progress", "done").
 * - kano: touchpoint, need, A, O, M, I, R, Q, category, better, worse, significant (one
 *   row per need, in journey order). category is the one shown (set by hand, else
 *   evaluated) as a nick ("must-be"), empty when neither; better and worse with exactly 4
 *   decimals, empty without A, O, M or I answers; significant "yes" or "no".
 * - kpis: scope, name, kind, value, target, met (scope: the stage's or touchpoint's name;
 *   a stage's KPIs, then its touchpoints'). value and target with at most 4 decimals,
 *   trailing zeros dropped, empty when there is none; met "yes", "no", or empty without a
 *   value or a target.
 * - links: note, block, touchpoint, stage, label (one row per link, in document order;
 *   block is the nick of the note's canvas block or value-chain area, "key-partners",
 *   "operations"; label empty when the link has none). Links whose note or touchpoint
 *   is missing are left out, as the matrix leaves them out.
 * - votes: rank, item, kind, block, stage, votes (one row per note or touchpoint with
 *   dot votes, most first, document order among equals; rank as results rank ties:
 *   1, 2, 2, 4). item is the note's text or the touchpoint's name, kind "note" or
 *   "touchpoint"; block is a note's block or area nick, stage a touchpoint's stage name,
 *   the other empty.
 *
 * A text cell that a spreadsheet would take for a formula (it starts with "=", "+", "-",
 * "@", a tab or a carriage return) is written with a leading "'", so that opening the
 * file runs nothing. Figures are never changed: a gap of "-2" stays a number.
 */
#pragma once

#include "model/tp-document.h"

G_BEGIN_DECLS

typedef enum {
  TP_TABLE_GAPS,
  TP_TABLE_KANO,
  TP_TABLE_KPIS,
  TP_TABLE_LINKS,
  TP_TABLE_VOTES,
} TpTable;

/* "gaps", "kano", "kpis", "links" or "votes", as --table takes them. */
gboolean  tp_table_from_string  (const char *string,
                                 TpTable    *table);
/* (transfer full) */
GBytes   *tp_analysis_csv_write (TpDocument *document,
                                 TpTable     table);

G_END_DECLS
