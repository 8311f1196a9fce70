/* tp-find.h: finding words anywhere in a workshop (the window's search bar).
 *
 * Every text the document holds is searched: notes; stages' names, jobs and KPI names;
 * touchpoints' names, channels, actions, pain points, opportunities, needs, action
 * plans and KPI names; personas' names and descriptions; links' labels. A match is
 * reported as the item that shows it on the board (a touchpoint for its pain point, a
 * stage for its job), once per item however many of its texts match, in board order:
 * the canvas's and the value chain's notes block by block, then the journey stage by
 * stage, then links and personas. Matching ignores case and how accented letters are
 * composed ("Café" finds "cafe" typed with a combining accent), not the accents
 * themselves.
 */
#pragma once

#include "model/tp-document.h"

G_BEGIN_DECLS

/* The ids of the items holding query (element-type utf8, owned by the array); empty for
 * an empty or blank query. */
GPtrArray *tp_find_items (TpDocument *document,
                          const char *query);

G_END_DECLS
