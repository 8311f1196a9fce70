/* tp-link.h: a note (canvas or value chain) linked to a journey touchpoint. */
#pragma once

#include "tp-item.h"

G_BEGIN_DECLS

struct _TpLink
{
  TpItem  item;
  char   *note;         /* note id */
  char   *touchpoint;   /* touchpoint id */
  char   *label;        /* "delivers", or "" */
};

TpLink   *tp_link_new   (const char *id,
                         const char *note,
                         const char *touchpoint,
                         const char *label);
TpLink   *tp_link_copy  (const TpLink *link);
void      tp_link_free  (TpLink       *link);
gboolean  tp_link_equal (const TpLink *a,
                         const TpLink *b);
void      _tp_link_assign (TpLink       *dest,
                           const TpLink *src);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpLink, tp_link_free)

G_END_DECLS
