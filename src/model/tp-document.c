/* tp-document.c: a Touchpoint document and its undo history */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tp-document-internal.h"
#include "tp-edit-command.h"
#include "tp-enums.h"
#include "tp-group-command.h"
#include "tp-history.h"
#include "tp-insert-command.h"
#include "tp-move-command.h"

struct _TpDocument
{
  GObject     parent_instance;

  TpMeta     *meta;
  GPtrArray  *notes[TP_N_CONTAINERS];  /* (element-type TpNote) */
  GPtrArray  *personas;                /* (element-type TpPersona) */
  GPtrArray  *stages;                  /* (element-type TpStage) */
  GPtrArray  *links;                   /* (element-type TpLink) */
  GHashTable *ids;                     /* id → TpItem (borrowed) */
  guint       n_touchpoints;
  guint       next_id;

  TpHistory  *history;
  GStrv       last_affected;

  GFile      *file;
  TpExtras    section_extras[TP_N_SECTIONS];
  TpExtras    container_extras[TP_N_CONTAINERS];
  guint       format_minor;
  gboolean    quiet;       /* a change is being tried (tp-document-caps.c): no signals */
  gboolean    group_grew;  /* the open group holds a change the caps check left to its end */
};

G_DEFINE_FINAL_TYPE (TpDocument, tp_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  PROP_FILE,
  N_PROPS
};

enum {
  CHANGED,
  DELETED,
  REFUSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

HistoryFlags
_tp_document_get_history_flags (TpDocument *self)
{
  return (HistoryFlags) {
    tp_document_can_undo (self),
    tp_document_can_redo (self),
    tp_document_get_modified (self),
  };
}

void
_tp_document_notify_history_flags (TpDocument   *self,
                      HistoryFlags  before)
{
  HistoryFlags after = _tp_document_get_history_flags (self);

  if (before.can_undo != after.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before.can_redo != after.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (before.modified != after.modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
emit_changed (TpDocument   *self,
              TpChangeKind  kind,
              const char   *id)
{
  if (!self->quiet)
    g_signal_emit (self, signals[CHANGED], 0, kind, id);
}

/* Ids and positions */

void
_tp_position_clear (TpPosition *position)
{
  g_clear_pointer (&position->stage, g_free);
}

void
_tp_position_copy (TpPosition       *dest,
                   const TpPosition *src)
{
  char *stage = g_strdup (src->stage);

  g_free (dest->stage);
  dest->container = src->container;
  dest->stage = stage;
  dest->index = src->index;
}

static void
register_item (TpDocument *self,
               TpItem     *item)
{
  g_hash_table_insert (self->ids, item->id, item);

  if (item->kind == TP_ITEM_TOUCHPOINT)
    self->n_touchpoints++;

  /* A stage brings its touchpoints along when it comes back through undo. */
  if (item->kind == TP_ITEM_STAGE)
    {
      TpStage *stage = (TpStage *) item;

      for (guint i = 0; i < stage->touchpoints->len; i++)
        register_item (self, g_ptr_array_index (stage->touchpoints, i));
    }
}

static void
unregister_item (TpDocument *self,
                 TpItem     *item)
{
  if (item->kind == TP_ITEM_STAGE)
    {
      TpStage *stage = (TpStage *) item;

      for (guint i = 0; i < stage->touchpoints->len; i++)
        unregister_item (self, g_ptr_array_index (stage->touchpoints, i));
    }

  if (item->kind == TP_ITEM_TOUCHPOINT)
    self->n_touchpoints--;

  g_hash_table_remove (self->ids, item->id);
}

/* The list that holds an item of this kind at this position. */
static GPtrArray *
list_for (TpDocument       *self,
          TpItemKind        kind,
          const TpPosition *position)
{
  switch (kind)
    {
    case TP_ITEM_NOTE:
      g_return_val_if_fail (position->container < TP_N_CONTAINERS, NULL);
      return self->notes[position->container];
    case TP_ITEM_PERSONA:
      return self->personas;
    case TP_ITEM_STAGE:
      return self->stages;
    case TP_ITEM_TOUCHPOINT:
      {
        TpStage *stage = tp_document_lookup_kind (self, position->stage, TP_ITEM_STAGE);

        g_return_val_if_fail (stage != NULL, NULL);
        return stage->touchpoints;
      }
    case TP_ITEM_LINK:
      return self->links;
    case TP_ITEM_META:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
_tp_document_get_position (TpDocument *self,
                           const char *id,
                           TpPosition *position)
{
  TpItem *item = tp_document_lookup (self, id);
  TpPosition where = { 0, };
  GPtrArray *list;

  if (item == NULL || item->kind == TP_ITEM_META)
    return FALSE;

  if (item->kind == TP_ITEM_NOTE)
    where.container = ((TpNote *) item)->container;
  else if (item->kind == TP_ITEM_TOUCHPOINT)
    where.stage = ((TpTouchpoint *) item)->stage;

  list = list_for (self, item->kind, &where);
  if (list == NULL || !g_ptr_array_find (list, item, &where.index))
    g_return_val_if_reached (FALSE);

  _tp_position_clear (position);
  position->container = where.container;
  position->stage = g_strdup (where.stage);
  position->index = where.index;

  return TRUE;
}

static void
place_item (TpItem           *item,
            const TpPosition *position)
{
  if (item->kind == TP_ITEM_NOTE)
    ((TpNote *) item)->container = position->container;
  else if (item->kind == TP_ITEM_TOUCHPOINT)
    _tp_str_assign (&((TpTouchpoint *) item)->stage, position->stage);
}

/* Primitive changes, used by the commands */

void
_tp_document_insert_item (TpDocument       *self,
                          TpItem           *item,
                          const TpPosition *position)
{
  GPtrArray *list = list_for (self, item->kind, position);

  g_return_if_fail (list != NULL);
  g_return_if_fail (g_hash_table_lookup (self->ids, item->id) == NULL);

  place_item (item, position);
  g_ptr_array_insert (list, MIN (position->index, list->len), item);
  register_item (self, item);
  emit_changed (self, TP_CHANGE_ADDED, item->id);
}

TpItem *
_tp_document_remove_item (TpDocument *self,
                          const char *id,
                          TpPosition *position)
{
  TpItem *item;
  GPtrArray *list;
  g_autofree char *removed_id = NULL;

  if (!_tp_document_get_position (self, id, position))
    g_return_val_if_reached (NULL);

  item = tp_document_lookup (self, id);
  list = list_for (self, item->kind, position);
  unregister_item (self, item);
  item = g_ptr_array_steal_index (list, position->index);

  removed_id = g_strdup (item->id);
  emit_changed (self, TP_CHANGE_REMOVED, removed_id);

  return item;
}

void
_tp_document_move_item (TpDocument       *self,
                        const char       *id,
                        const TpPosition *to)
{
  TpPosition from = { 0, };
  TpItem *item = tp_document_lookup (self, id);
  GPtrArray *list;

  if (item == NULL || !_tp_document_get_position (self, id, &from))
    g_return_if_reached ();

  list = list_for (self, item->kind, &from);
  g_ptr_array_steal_index (list, from.index);
  place_item (item, to);
  list = list_for (self, item->kind, to);
  g_ptr_array_insert (list, MIN (to->index, list->len), item);
  _tp_position_clear (&from);

  emit_changed (self, TP_CHANGE_MOVED, id);
}

void
_tp_document_assign_item (TpDocument   *self,
                          const TpItem *fields)
{
  TpItem *item = tp_document_lookup (self, fields->id);
  TpPosition where = { 0, };

  g_return_if_fail (item != NULL && item->kind == fields->kind);

  /* Where an item sits is the business of moves, not of field edits. */
  _tp_document_get_position (self, item->id, &where);
  tp_item_assign (item, fields);
  if (item->kind != TP_ITEM_META)
    place_item (item, &where);
  _tp_position_clear (&where);

  emit_changed (self, TP_CHANGE_EDITED, item->id);
}

/* Running commands */

void
_tp_document_set_last_affected (TpDocument *self,
                   TpCommand  *command)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  if (command != NULL)
    tp_command_collect_ids (command, ids);
  g_ptr_array_add (ids, NULL);

  g_strfreev (self->last_affected);
  self->last_affected = (GStrv) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

void
_tp_document_execute (TpDocument *self,
                      TpCommand  *command)
{
  HistoryFlags before = _tp_document_get_history_flags (self);

  tp_command_apply (command, self);
  _tp_document_set_last_affected (self, command);
  tp_history_push (self->history, command);
  _tp_document_notify_history_flags (self, before);
}

/* Object */

static void
tp_document_finalize (GObject *object)
{
  TpDocument *self = (TpDocument *) object;

  /* The history may own removed items; drop it first. */
  g_clear_pointer (&self->history, tp_history_free);
  g_clear_pointer (&self->meta, tp_meta_free);
  for (guint i = 0; i < TP_N_CONTAINERS; i++)
    {
      g_clear_pointer (&self->notes[i], g_ptr_array_unref);
      tp_extras_clear (&self->container_extras[i]);
    }
  for (guint i = 0; i < TP_N_SECTIONS; i++)
    tp_extras_clear (&self->section_extras[i]);
  g_clear_pointer (&self->personas, g_ptr_array_unref);
  g_clear_pointer (&self->stages, g_ptr_array_unref);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_clear_pointer (&self->last_affected, g_strfreev);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (tp_document_parent_class)->finalize (object);
}

static void
tp_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TpDocument *self = TP_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, tp_document_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, tp_document_can_redo (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, tp_document_get_modified (self));
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TpDocument *self = TP_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      tp_document_set_file (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_document_class_init (TpDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tp_document_finalize;
  object_class->get_property = tp_document_get_property;
  object_class->set_property = tp_document_set_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TpDocument::changed:
   * @self: the document
   * @kind: a #TpChangeKind
   * @id: the id of the item that was added, removed, moved or edited
   *
   * Emitted after every primitive change, including those of undo and redo, so that
   * views can update what the item affects.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  /**
   * TpDocument::deleted:
   * @self: the document
   * @n_items: how many items the user asked to delete (what goes along, such as a
   *   stage's touchpoints and links, is not counted)
   * @label: the step's undo label; inside a group (a cut) the group's label is the
   *   step's instead
   *
   * Emitted once after tp_document_delete() made its step, never by undo or redo, so
   * that a window can offer to undo what was just deleted.
   */
  signals[DELETED] =
    g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  /**
   * TpDocument::refused:
   * @self: the document
   * @error: (type GError): why, naming the cap (TP_DOCUMENT_ERROR_FULL)
   *
   * Emitted when a change was refused because the document would no longer fit in a
   * file (tp-document-caps.h); the document and its history are unchanged. Whatever
   * asked for the change, a window can say so in one place.
   */
  signals[REFUSED] =
    g_signal_new ("refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

void
_tp_document_emit_refused (TpDocument   *self,
                           const GError *error)
{
  g_signal_emit (self, signals[REFUSED], 0, error);
}

void
_tp_document_set_quiet (TpDocument *self,
                        gboolean    quiet)
{
  self->quiet = quiet;
}

gboolean
_tp_document_exchange_group_grew (TpDocument *self,
                                  gboolean    grew)
{
  gboolean was = self->group_grew;

  self->group_grew = grew;
  return was;
}

void
_tp_document_emit_deleted (TpDocument *self,
                           guint       n_items,
                           const char *label)
{
  g_signal_emit (self, signals[DELETED], 0, n_items, label);
}

static void
tp_document_init (TpDocument *self)
{
  self->meta = tp_meta_new ();
  for (guint i = 0; i < TP_N_CONTAINERS; i++)
    self->notes[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) tp_note_free);
  self->personas = g_ptr_array_new_with_free_func ((GDestroyNotify) tp_persona_free);
  self->stages = g_ptr_array_new_with_free_func ((GDestroyNotify) tp_stage_free);
  self->links = g_ptr_array_new_with_free_func ((GDestroyNotify) tp_link_free);
  self->ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (self->ids, self->meta->item.id, self->meta);
  self->history = tp_history_new ();
  self->last_affected = g_new0 (char *, 1);
  self->next_id = 1;
}

TpDocument *
tp_document_new (void)
{
  return g_object_new (TP_TYPE_DOCUMENT, NULL);
}

TpDocument *
tp_document_new_default (void)
{
  static const char * const stage_names[] = {
    N_("Awareness"),
    N_("Consideration"),
    N_("Purchase"),
    N_("Usage"),
    N_("Loyalty & Advocacy"),
  };
  TpDocument *self = tp_document_new ();

  for (guint i = 0; i < G_N_ELEMENTS (stage_names); i++)
    {
      g_autofree char *id = tp_document_make_id (self, "s");
      TpStage *stage = tp_stage_new (id, _(stage_names[i]));

      stage->colour = tp_stage_colour_for_index (i);
      _tp_document_append_stage (self, stage);
    }

  return self;
}

/* Reading */

const TpMeta *
tp_document_get_meta (TpDocument *self)
{
  g_return_val_if_fail (TP_IS_DOCUMENT (self), NULL);

  return self->meta;
}

GPtrArray *
tp_document_get_notes (TpDocument  *self,
                       TpContainer  container)
{
  g_return_val_if_fail (TP_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (container < TP_N_CONTAINERS, NULL);

  return self->notes[container];
}

GPtrArray *
tp_document_get_personas (TpDocument *self)
{
  g_return_val_if_fail (TP_IS_DOCUMENT (self), NULL);

  return self->personas;
}

GPtrArray *
tp_document_get_stages (TpDocument *self)
{
  g_return_val_if_fail (TP_IS_DOCUMENT (self), NULL);

  return self->stages;
}

GPtrArray *
tp_document_get_links (TpDocument *self)
{
  g_return_val_if_fail (TP_IS_DOCUMENT (self), NULL);

  return self->links;
}

guint
tp_document_get_n_notes (TpDocument *self)
{
  guint n = 0;

  g_return_val_if_fail (TP_IS_DOCUMENT (self), 0);

  for (guint i = 0; i < TP_N_CONTAINERS; i++)
    n += self->notes[i]->len;

  return n;
}

guint
tp_document_get_n_touchpoints (TpDocument *self)
{
  g_return_val_if_fail (TP_IS_DOCUMENT (self), 0);

  return self->n_touchpoints;
}

TpItem *
tp_document_lookup (TpDocument *self,
                    const char *id)
{
  g_return_val_if_fail (TP_IS_DOCUMENT (self), NULL);

  return id != NULL ? g_hash_table_lookup (self->ids, id) : NULL;
}

gpointer
tp_document_lookup_kind (TpDocument *self,
                         const char *id,
                         TpItemKind  kind)
{
  TpItem *item = tp_document_lookup (self, id);

  return item != NULL && item->kind == kind ? item : NULL;
}

gboolean
tp_document_get_index (TpDocument *self,
                       const char *id,
                       guint      *index)
{
  TpPosition position = { 0, };

  g_return_val_if_fail (TP_IS_DOCUMENT (self), FALSE);

  if (!_tp_document_get_position (self, id, &position))
    return FALSE;

  if (index != NULL)
    *index = position.index;
  _tp_position_clear (&position);

  return TRUE;
}

void
tp_document_collect_links (TpDocument *self,
                           const char *id,
                           GPtrArray  *out)
{
  g_return_if_fail (TP_IS_DOCUMENT (self));
  g_return_if_fail (id != NULL && out != NULL);

  for (guint i = 0; i < self->links->len; i++)
    {
      TpLink *link = g_ptr_array_index (self->links, i);

      if (g_str_equal (link->note, id) || g_str_equal (link->touchpoint, id))
        g_ptr_array_add (out, link);
    }
}

TpLink *
tp_document_find_link (TpDocument *self,
                       const char *note,
                       const char *touchpoint)
{
  g_return_val_if_fail (TP_IS_DOCUMENT (self), NULL);

  for (guint i = 0; i < self->links->len; i++)
    {
      TpLink *link = g_ptr_array_index (self->links, i);

      if (g_strcmp0 (link->note, note) == 0 && g_strcmp0 (link->touchpoint, touchpoint) == 0)
        return link;
    }

  return NULL;
}

TpPersona *
tp_document_get_persona_of (TpDocument *self,
                            const char *id)
{
  TpItem *item = tp_document_lookup (self, id);
  const char *persona = NULL;

  if (item == NULL)
    return NULL;
  if (item->kind == TP_ITEM_NOTE)
    persona = ((TpNote *) item)->persona;
  else if (item->kind == TP_ITEM_TOUCHPOINT)
    persona = ((TpTouchpoint *) item)->persona;

  return tp_document_lookup_kind (self, persona, TP_ITEM_PERSONA);
}

char *
tp_document_make_id (TpDocument *self,
                     const char *prefix)
{
  g_return_val_if_fail (TP_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (prefix != NULL && *prefix != '\0', NULL);

  /* Kano needs and KPIs have ids too but are not items: look through them as well, so a
   * fresh id is unique in the whole file. The counter keeps the search short. */
  for (;;)
    {
      g_autofree char *id = g_strdup_printf ("%s%u", prefix, self->next_id++);
      gboolean used = g_hash_table_contains (self->ids, id);

      for (guint s = 0; !used && s < self->stages->len; s++)
        {
          TpStage *stage = g_ptr_array_index (self->stages, s);

          for (guint k = 0; !used && k < stage->kpis->len; k++)
            used = g_strcmp0 (((TpKpi *) g_ptr_array_index (stage->kpis, k))->id, id) == 0;

          for (guint t = 0; !used && t < stage->touchpoints->len; t++)
            {
              TpTouchpoint *tp = g_ptr_array_index (stage->touchpoints, t);

              for (guint k = 0; !used && k < tp->kpis->len; k++)
                used = g_strcmp0 (((TpKpi *) g_ptr_array_index (tp->kpis, k))->id, id) == 0;
              for (guint k = 0; !used && k < tp->needs->len; k++)
                used = g_strcmp0 (((TpKanoNeed *) g_ptr_array_index (tp->needs, k))->id, id) == 0;
            }
        }

      if (!used)
        return g_steal_pointer (&id);
    }
}

TpHistory *
_tp_document_get_history (TpDocument *self)
{
  return self->history;
}

/* File, format and building, for io/ */

GFile *
tp_document_get_file (TpDocument *self)
{
  g_return_val_if_fail (TP_IS_DOCUMENT (self), NULL);

  return self->file;
}

void
tp_document_set_file (TpDocument *self,
                      GFile      *file)
{
  g_return_if_fail (TP_IS_DOCUMENT (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->file == file || (self->file != NULL && file != NULL && g_file_equal (self->file, file)))
    return;

  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

char *
tp_document_dup_display_name (TpDocument *self)
{
  g_return_val_if_fail (TP_IS_DOCUMENT (self), NULL);

  /* Worked out from the name alone, never by asking the file system: the title bar asks
   * often, and the file may sit on a slow network share. */
  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);

      if (basename != NULL)
        return g_filename_display_name (basename);

      return g_file_get_parse_name (self->file);
    }

  if (self->meta->title != NULL && *self->meta->title != '\0')
    return g_strdup (self->meta->title);

  return g_strdup (_("Untitled Workshop"));
}

TpExtras *
_tp_document_get_section_extras (TpDocument *self,
                                 TpSection   section)
{
  g_return_val_if_fail (section < TP_N_SECTIONS, NULL);

  return &self->section_extras[section];
}

TpExtras *
_tp_document_get_container_extras (TpDocument  *self,
                                   TpContainer  container)
{
  g_return_val_if_fail (container < TP_N_CONTAINERS, NULL);

  return &self->container_extras[container];
}

guint
_tp_document_get_format_minor (TpDocument *self)
{
  return self->format_minor;
}

void
_tp_document_set_format_minor (TpDocument *self,
                               guint       minor)
{
  self->format_minor = minor;
}

void
_tp_document_set_meta (TpDocument *self,
                       TpMeta     *meta)
{
  g_return_if_fail (meta != NULL);

  g_hash_table_remove (self->ids, TP_META_ID);
  tp_meta_free (self->meta);
  self->meta = meta;
  _tp_str_assign (&meta->item.id, TP_META_ID);
  g_hash_table_insert (self->ids, self->meta->item.id, self->meta);
}

static gboolean
append_item (TpDocument *self,
             GPtrArray  *list,
             TpItem     *item)
{
  g_return_val_if_fail (item->id != NULL, FALSE);

  if (g_hash_table_contains (self->ids, item->id))
    return FALSE;

  g_ptr_array_add (list, item);
  register_item (self, item);

  return TRUE;
}

gboolean
_tp_document_append_note (TpDocument *self,
                          TpNote     *note)
{
  g_return_val_if_fail (note->container < TP_N_CONTAINERS, FALSE);

  return append_item (self, self->notes[note->container], &note->item);
}

gboolean
_tp_document_append_persona (TpDocument *self,
                             TpPersona  *persona)
{
  return append_item (self, self->personas, &persona->item);
}

gboolean
_tp_document_append_stage (TpDocument *self,
                           TpStage    *stage)
{
  g_return_val_if_fail (stage->touchpoints->len == 0, FALSE);

  return append_item (self, self->stages, &stage->item);
}

gboolean
_tp_document_append_touchpoint (TpDocument   *self,
                                TpStage      *stage,
                                TpTouchpoint *touchpoint)
{
  g_return_val_if_fail (tp_document_lookup (self, stage->item.id) == &stage->item, FALSE);

  _tp_str_assign (&touchpoint->stage, stage->item.id);

  return append_item (self, stage->touchpoints, &touchpoint->item);
}

gboolean
_tp_document_append_link (TpDocument *self,
                          TpLink     *link)
{
  return append_item (self, self->links, &link->item);
}

GStrv
_tp_document_get_last_affected (TpDocument *self)
{
  return self->last_affected;
}
