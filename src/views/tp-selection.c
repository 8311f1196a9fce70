/* tp-selection.c: the selected items of a window */

#include "config.h"

#include "tp-selection.h"

struct _TpSelection
{
  GObject    parent_instance;
  GPtrArray *ids;   /* (element-type utf8), NULL-terminated */
};

G_DEFINE_FINAL_TYPE (TpSelection, tp_selection, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
tp_selection_finalize (GObject *object)
{
  TpSelection *self = (TpSelection *) object;

  g_clear_pointer (&self->ids, g_ptr_array_unref);

  G_OBJECT_CLASS (tp_selection_parent_class)->finalize (object);
}

static void
tp_selection_class_init (TpSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tp_selection_finalize;

  /**
   * TpSelection::changed:
   * @self: the selection
   *
   * Emitted once per change of the set of selected ids or of the primary one.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tp_selection_init (TpSelection *self)
{
  self->ids = g_ptr_array_new_null_terminated (4, g_free, TRUE);
}

TpSelection *
tp_selection_new (void)
{
  return g_object_new (TP_TYPE_SELECTION, NULL);
}

const char * const *
tp_selection_get_ids (TpSelection *self)
{
  g_return_val_if_fail (TP_IS_SELECTION (self), NULL);

  return (const char * const *) self->ids->pdata;
}

guint
tp_selection_get_n_items (TpSelection *self)
{
  g_return_val_if_fail (TP_IS_SELECTION (self), 0);

  return self->ids->len;
}

const char *
tp_selection_get_primary (TpSelection *self)
{
  g_return_val_if_fail (TP_IS_SELECTION (self), NULL);

  return self->ids->len > 0 ? g_ptr_array_index (self->ids, self->ids->len - 1) : NULL;
}

static gboolean
find (TpSelection *self,
      const char  *id,
      guint       *index)
{
  return id != NULL && g_ptr_array_find_with_equal_func (self->ids, id, g_str_equal, index);
}

gboolean
tp_selection_contains (TpSelection *self,
                       const char  *id)
{
  g_return_val_if_fail (TP_IS_SELECTION (self), FALSE);

  return find (self, id, NULL);
}

void
tp_selection_set (TpSelection        *self,
                  const char * const *ids)
{
  guint n = ids != NULL ? g_strv_length ((char **) ids) : 0;
  gboolean same = n == self->ids->len;

  g_return_if_fail (TP_IS_SELECTION (self));

  for (guint i = 0; same && i < n; i++)
    same = g_str_equal (ids[i], g_ptr_array_index (self->ids, i));
  if (same)
    return;

  g_ptr_array_set_size (self->ids, 0);
  for (guint i = 0; i < n; i++)
    if (!find (self, ids[i], NULL))
      g_ptr_array_add (self->ids, g_strdup (ids[i]));

  g_signal_emit (self, signals[CHANGED], 0);
}

void
tp_selection_set_one (TpSelection *self,
                      const char  *id)
{
  const char *ids[] = { id, NULL };

  tp_selection_set (self, id != NULL ? ids : NULL);
}

void
tp_selection_add (TpSelection *self,
                  const char  *id)
{
  guint index;

  g_return_if_fail (TP_IS_SELECTION (self));
  g_return_if_fail (id != NULL);

  /* Adding what is there already makes it the primary item. */
  if (find (self, id, &index))
    {
      if (index == self->ids->len - 1)
        return;
      g_ptr_array_add (self->ids, g_ptr_array_steal_index (self->ids, index));
    }
  else
    {
      g_ptr_array_add (self->ids, g_strdup (id));
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

void
tp_selection_remove (TpSelection *self,
                     const char  *id)
{
  guint index;

  g_return_if_fail (TP_IS_SELECTION (self));

  if (!find (self, id, &index))
    return;

  g_ptr_array_remove_index (self->ids, index);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
tp_selection_toggle (TpSelection *self,
                     const char  *id)
{
  g_return_if_fail (TP_IS_SELECTION (self));

  if (tp_selection_contains (self, id))
    tp_selection_remove (self, id);
  else
    tp_selection_add (self, id);
}

void
tp_selection_clear (TpSelection *self)
{
  tp_selection_set (self, NULL);
}
