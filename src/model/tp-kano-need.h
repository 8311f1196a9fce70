/* tp-kano-need.h: a customer need at a touchpoint, classified with the Kano model.
 *
 * The category may be set by hand; questionnaire answers are kept as counts per
 * (functional answer, dysfunctional answer) pair, from which analysis/ computes the
 * category with the standard evaluation table.
 */
#pragma once

#include "tp-extras.h"

G_BEGIN_DECLS

struct _TpKanoNeed
{
  char           *id;
  char           *text;
  TpKanoCategory  category;   /* TP_KANO_NONE: not classified by hand */
  guint           answers[TP_N_KANO_ANSWERS][TP_N_KANO_ANSWERS]; /* [functional][dysfunctional] */
  TpExtras        extras;
};

TpKanoNeed *tp_kano_need_new   (const char *id,
                                const char *text);
TpKanoNeed *tp_kano_need_copy  (const TpKanoNeed *need);
void        tp_kano_need_free  (TpKanoNeed       *need);
gboolean    tp_kano_need_equal (const TpKanoNeed *a,
                                const TpKanoNeed *b);
guint64     tp_kano_need_get_n_answers (const TpKanoNeed *need);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpKanoNeed, tp_kano_need_free)

G_END_DECLS
