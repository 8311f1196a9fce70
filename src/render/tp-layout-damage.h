/* tp-layout-damage.h: what a relayout after an edit of notes changed on the board
 *
 * The board keeps its drawing in tiles; after an edit it should paint again only the
 * tiles whose drawing changed. A TpLayoutDamage is taken from the layout before the
 * relayout, told which notes were edited, and compared with the layout after it: when
 * the edit stayed inside blocks and links (no region, card or the board's bounds moved)
 * it gives the rects to paint again (the edited notes, the notes and links that moved, a
 * block whose own parts moved), before and after; otherwise it says the whole board must
 * be painted again.
 */
#pragma once

#include "tp-layout.h"

G_BEGIN_DECLS

typedef struct _TpLayoutDamage TpLayoutDamage;

/* The geometry of layout (laid out for document's notes, links and touchpoints, whose
 * set must not change before tp_layout_damage_finish(): only edits of notes' fields). */
TpLayoutDamage *tp_layout_damage_new       (TpLayout        *layout,
                                            TpDocument      *document);
/* The note is painted again where it is, whether or not anything moved (the caller has
 * the note already, and the layout need not look it up again); the note must live until
 * tp_layout_damage_finish(). */
void            tp_layout_damage_add_note  (TpLayoutDamage  *damage,
                                            const TpNote    *note);
/* Which blocks hold the notes edited so far (tp_layout_update_blocks() signs them alone). */
void            tp_layout_damage_get_blocks (const TpLayoutDamage *damage,
                                             gboolean              edited[TP_N_CONTAINERS]);
/* Compares with layout as updated since: TRUE and the board rects (TpRect) to paint
 * again in rects when the change is local (shadows included: each rect reaches as far
 * as anything drawn for what changed), FALSE when everything must be painted. */
gboolean        tp_layout_damage_finish    (TpLayoutDamage  *damage,
                                            TpLayout        *layout,
                                            TpDocument      *document,
                                            GArray          *rects);
void            tp_layout_damage_free      (TpLayoutDamage  *damage);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpLayoutDamage, tp_layout_damage_free)

G_END_DECLS
