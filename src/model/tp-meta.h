/* tp-meta.h: the document's metadata, shown in footers and the window title. */
#pragma once

#include "tp-item.h"

G_BEGIN_DECLS

/* The metadata is an item with this fixed id so that edits to it are undoable like any
 * other; the id is never written to files. */
#define TP_META_ID "#meta"

struct _TpMeta
{
  TpItem  item;
  char   *title;
  char   *organisation;
  char   *facilitator;
  char   *date;          /* YYYY-MM-DD, or "" */
  /* Keys of the story's steps the facilitator hid (analysis/tp-story.h), sorted and
   * unique; kept even when no step matches any more, so a step that comes back (a block
   * emptied and refilled) stays hidden. */
  GPtrArray *story_hidden;  /* (element-type utf8) */
};

TpMeta   *tp_meta_new   (void);
TpMeta   *tp_meta_copy  (const TpMeta *meta);
void      tp_meta_free  (TpMeta       *meta);
gboolean  tp_meta_equal (const TpMeta *a,
                         const TpMeta *b);
void      _tp_meta_assign (TpMeta       *dest,
                           const TpMeta *src);

G_END_DECLS
