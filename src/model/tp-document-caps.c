/* tp-document-caps.c: edits that would make a document its file cannot hold are refused
 *
 * Far from the caps, a bound settles it: the document's size from its last measure plus
 * what the changed item weighs alone (io measures both; the model knows nothing of how a
 * file is written). Near them, the change is tried out of sight (no "changed" signal, no
 * history), the document measured exactly, and the change taken back; only a change
 * whose result fits is then executed for real. Trying the very command that will run,
 * rather than estimating what it adds, keeps the rule exact for every kind of item and
 * every field (a link's label, a touchpoint's needs, a hidden story step).
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "io/tp-caps.h"
#include "tp-document-caps.h"
#include "tp-document-internal.h"
#include "tp-insert-command.h"

static TpDocumentMeasureFunc measure_func;

/* Text: at most TP_TEXT_MAX characters a field, which is what the loader accepts. The
 * views stop typing and pasting there (tp_field_init_editable(), tp_field_limit_text_view());
 * this is the backstop for every other way text comes in, so that the model never holds
 * what the writer would cut. */

static void
clamp (char **text)
{
  char *cut;

  if (*text == NULL || strlen (*text) <= TP_TEXT_MAX ||
      g_utf8_strlen (*text, -1) <= TP_TEXT_MAX)
    return;

  cut = g_utf8_substring (*text, 0, TP_TEXT_MAX);
  g_free (*text);
  *text = cut;
}

static void
clamp_all (GPtrArray *texts)
{
  for (guint i = 0; texts != NULL && i < texts->len; i++)
    clamp ((char **) &texts->pdata[i]);
}

static void
clamp_kpis (GPtrArray *kpis)
{
  for (guint i = 0; kpis != NULL && i < kpis->len; i++)
    {
      TpKpi *kpi = g_ptr_array_index (kpis, i);

      clamp (&kpi->name);
      clamp (&kpi->unit);
    }
}

void
_tp_item_clamp_text (TpItem *item)
{
  switch (item->kind)
    {
    case TP_ITEM_NOTE:
      clamp (&((TpNote *) item)->text);
      break;
    case TP_ITEM_PERSONA:
      clamp (&((TpPersona *) item)->name);
      clamp (&((TpPersona *) item)->description);
      break;
    case TP_ITEM_STAGE:
      clamp (&((TpStage *) item)->name);
      clamp (&((TpStage *) item)->job);
      clamp_kpis (((TpStage *) item)->kpis);
      break;
    case TP_ITEM_TOUCHPOINT:
      {
        TpTouchpoint *touchpoint = (TpTouchpoint *) item;

        clamp (&touchpoint->name);
        clamp (&touchpoint->channel);
        clamp (&touchpoint->action);
        clamp_all (touchpoint->pains);
        clamp_all (touchpoint->opportunities);
        clamp_kpis (touchpoint->kpis);
        for (guint i = 0; touchpoint->actions != NULL && i < touchpoint->actions->len; i++)
          {
            TpActionItem *action = g_ptr_array_index (touchpoint->actions, i);

            clamp (&action->what);
            clamp (&action->owner);
          }
        for (guint i = 0; touchpoint->needs != NULL && i < touchpoint->needs->len; i++)
          clamp (&((TpKanoNeed *) g_ptr_array_index (touchpoint->needs, i))->text);
      }
      break;
    case TP_ITEM_LINK:
      clamp (&((TpLink *) item)->label);
      break;
    case TP_ITEM_META:
      clamp (&((TpMeta *) item)->title);
      clamp (&((TpMeta *) item)->organisation);
      clamp (&((TpMeta *) item)->facilitator);
      break;
    default:
      break;
    }
}

G_DEFINE_QUARK (tp-document-error-quark, tp_document_error)

void
tp_document_set_measure_func (TpDocumentMeasureFunc func)
{
  measure_func = func;
}

TpDocumentMeasureFunc
tp_document_get_measure_func (void)
{
  return measure_func;
}

gboolean
tp_document_size_fits (const TpDocumentSize  *size,
                       GError               **error)
{
  g_return_val_if_fail (size != NULL, FALSE);

  if (size->bytes + TP_DOCUMENT_EDIT_SLACK_BYTES <= TP_DOCUMENT_MAX_BYTES &&
      size->elements + TP_DOCUMENT_EDIT_SLACK_ELEMENTS <= TP_DOCUMENT_MAX_ELEMENTS)
    return TRUE;

  g_set_error (error, TP_DOCUMENT_ERROR, TP_DOCUMENT_ERROR_FULL,
               _("This workshop already holds as much as a file can (%u MiB, %u elements)"),
               (guint) (TP_DOCUMENT_MAX_BYTES / (1024 * 1024)), (guint) TP_DOCUMENT_MAX_ELEMENTS);
  return FALSE;
}

/* The size the document would have with command applied; FALSE if not measured. */
static gboolean
measure_with (TpDocument     *self,
              TpCommand      *command,
              TpDocumentSize *size)
{
  gboolean measured;

  _tp_document_set_quiet (self, TRUE);
  tp_command_apply (command, self);
  measured = measure_func (self, NULL, size);
  tp_command_revert (command, self);
  _tp_document_set_quiet (self, FALSE);

  return measured;
}

/* The cap first, then what was not done: the cap is the news. */
static GError *
refusal_new (const char   *what,
             const GError *cause)
{
  return g_error_new (TP_DOCUMENT_ERROR, TP_DOCUMENT_ERROR_FULL,
                      /* Translators: the first %s says which cap, the second is an undo
                       * label such as "Add Note". */
                      _("%s: “%s” was not done"), cause->message, what);
}

static void
refuse (TpDocument   *self,
        const char   *what,
        const GError *cause)
{
  g_autoptr(GError) refusal = refusal_new (what, cause);

  _tp_document_emit_refused (self, refusal);
}

void
tp_document_refuse (TpDocument   *self,
                    const GError *error)
{
  g_return_if_fail (TP_IS_DOCUMENT (self));
  g_return_if_fail (error != NULL);

  _tp_document_emit_refused (self, error);
}

/* What a file of the document weighs, as far as known: exact after a measure (at a
 * load, tp_document_measure_size(), or near the caps), then kept as an upper bound
 * through every change. An item added, moved or edited (by a checked edit, a move, undo
 * or redo, a step of a group) adds at most what it measures alone, whatever it was
 * before; one removed takes away, which the bound may ignore. So the ids changed are
 * noted as they change and measured alone, in their state then, when the bound is next
 * needed: typing, moving and undoing cost the measures of the items they touch, never
 * of the whole document, until the caps are near. */
typedef struct
{
  gboolean       known;
  TpDocumentSize size;
  GHashTable    *pending;  /* ids changed since size was last brought up to date, to
                            * ADDED_FLAG where the item came into the document */
  TpDocumentMeasureFunc measured_by;  /* a size is the measuring function's own */
} SizeCache;

#define ADDED_FLAG 2

/* Beyond this many items to measure alone, one measure of the whole document is the
 * cheaper way to know its size again (the undo of a large deletion, a large paste). */
#define MAX_SETTLED 512

static void
size_cache_free (SizeCache *cache)
{
  g_hash_table_unref (cache->pending);
  g_free (cache);
}

static void
note_change (TpDocument   *document,
             TpChangeKind  kind,
             const char   *id,
             SizeCache    *cache)
{
  if (!cache->known)
    return;
  if (id == NULL)
    cache->known = FALSE;
  else if (kind == TP_CHANGE_REMOVED)
    g_hash_table_remove (cache->pending, id);
  else
    {
      guint flags = GPOINTER_TO_UINT (g_hash_table_lookup (cache->pending, id));

      g_hash_table_insert (cache->pending, g_strdup (id),
                           GUINT_TO_POINTER (flags | 1 | (kind == TP_CHANGE_ADDED ? ADDED_FLAG : 0)));
    }
}

static SizeCache *
get_size_cache (TpDocument *self)
{
  static GQuark quark;
  SizeCache *cache;

  if (quark == 0)
    quark = g_quark_from_static_string ("tp-document-size-cache");

  cache = g_object_get_qdata (G_OBJECT (self), quark);
  if (cache == NULL)
    {
      /* Handlers go at dispose, the data at finalize: the handler never sees it freed. */
      cache = g_new0 (SizeCache, 1);
      cache->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_object_set_qdata_full (G_OBJECT (self), quark, cache,
                               (GDestroyNotify) size_cache_free);
      g_signal_connect (self, "changed", G_CALLBACK (note_change), cache);
    }

  return cache;
}

static void
remember_size (TpDocument           *self,
               const TpDocumentSize *size)
{
  SizeCache *cache = get_size_cache (self);

  cache->size = *size;
  cache->known = TRUE;
  cache->measured_by = measure_func;
  g_hash_table_remove_all (cache->pending);
}

/* Whether io's measure of an item alone bounds what it adds to a document: the kinds
 * tp_caps_measure() builds a document of. */
static gboolean
measured_alone (const TpItem *item)
{
  switch (item->kind)
    {
    case TP_ITEM_NOTE:
    case TP_ITEM_PERSONA:
    case TP_ITEM_STAGE:
    case TP_ITEM_TOUCHPOINT:
    case TP_ITEM_LINK:
    case TP_ITEM_META:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Brings the cache's bound up to date with the items changed since, each measured alone;
 * FALSE (and the bound forgotten) where one cannot be. */
static gboolean
settle_changes (TpDocument *self,
                SizeCache  *cache)
{
  g_autoptr(GPtrArray) items = NULL;
  GHashTableIter iter;
  gpointer id, flags;

  if (cache->measured_by != measure_func)
    cache->known = FALSE;
  if (!cache->known || g_hash_table_size (cache->pending) == 0)
    return cache->known;

  /* What to measure: the items changed, and the touchpoints a stage brought along
   * when it came (back) into the document, which are not items of its own then. */
  items = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, cache->pending);
  while (g_hash_table_iter_next (&iter, &id, &flags) && items->len <= MAX_SETTLED)
    {
      TpItem *item = tp_document_lookup (self, id);

      /* Removed since: it adds nothing. */
      if (item == NULL)
        continue;
      g_ptr_array_add (items, item);
      if (item->kind == TP_ITEM_STAGE && (GPOINTER_TO_UINT (flags) & ADDED_FLAG) != 0)
        {
          GPtrArray *touchpoints = ((TpStage *) item)->touchpoints;

          for (guint i = 0; i < touchpoints->len && items->len <= MAX_SETTLED; i++)
            g_ptr_array_add (items, g_ptr_array_index (touchpoints, i));
        }
    }
  g_hash_table_remove_all (cache->pending);

  cache->known = items->len <= MAX_SETTLED;
  for (guint i = 0; cache->known && i < items->len; i++)
    {
      const TpItem *item = g_ptr_array_index (items, i);
      TpDocumentSize alone;

      if (!measured_alone (item) || !measure_func (self, item, &alone))
        {
          cache->known = FALSE;
          break;
        }
      cache->size.bytes += alone.bytes;
      cache->size.elements += alone.elements;
    }

  return cache->known;
}

/* The exact size, measured whole, or the bound kept since the last measure. */
static gboolean
get_size (TpDocument     *self,
          TpDocumentSize *size)
{
  SizeCache *cache = get_size_cache (self);

  if (!settle_changes (self, cache))
    {
      if (!measure_func (self, NULL, size))
        return FALSE;
      remember_size (self, size);
    }

  *size = cache->size;
  return TRUE;
}

gboolean
tp_document_measure_size (TpDocument *self)
{
  TpDocumentSize size;

  g_return_val_if_fail (TP_IS_DOCUMENT (self), FALSE);

  if (measure_func == NULL || !measure_func (self, NULL, &size))
    return FALSE;
  remember_size (self, &size);
  return TRUE;
}

gboolean
_tp_document_get_size_bound (TpDocument     *self,
                             TpDocumentSize *size)
{
  SizeCache *cache;

  g_return_val_if_fail (TP_IS_DOCUMENT (self), FALSE);

  cache = get_size_cache (self);
  if (!settle_changes (self, cache))
    return FALSE;
  *size = cache->size;
  return TRUE;
}

/* An upper bound of the document's size once before (NULL: nothing) became after. */
static gboolean
bound_after_change (TpDocument     *self,
                    const TpItem   *before,
                    const TpItem   *after,
                    TpDocumentSize *bound)
{
  TpDocumentSize current, old = { 0, }, new;

  if (!get_size (self, &current))
    return FALSE;

  if (!measure_func (self, after, &new) || (before != NULL && !measure_func (self, before, &old)))
    return FALSE;

  bound->bytes = current.bytes + new.bytes - MIN (new.bytes, old.bytes);
  bound->elements = current.elements + new.elements - MIN (new.elements, old.elements);
  return TRUE;
}

gboolean
_tp_document_execute_checked (TpDocument   *self,
                              TpCommand    *command,
                              const TpItem *before,
                              const TpItem *after)
{
  TpDocumentSize size = { 0, };
  g_autoptr(GError) cause = NULL;

  if (measure_func == NULL)
    {
      _tp_document_execute (self, command);
      return TRUE;
    }

  /* A step of many changes (a paste, an import) is measured once, whole, when it ends:
   * measuring after each would make it quadratic, and half a paste is no answer. */
  if (tp_history_in_group (_tp_document_get_history (self)))
    {
      _tp_document_exchange_group_grew (self, TRUE);
      _tp_document_execute (self, command);
      return TRUE;
    }

  /* Far from the caps the bound settles it; near them the change is tried and the
   * document measured exactly. */
  if (!bound_after_change (self, before, after, &size) || !tp_document_size_fits (&size, NULL))
    {
      if (!measure_with (self, command, &size))
        {
          _tp_document_execute (self, command);
          return TRUE;
        }
      if (!tp_document_size_fits (&size, &cause))
        {
          refuse (self, command->label, cause);
          tp_command_free (command);
          return FALSE;
        }
    }

  _tp_document_execute (self, command);
  remember_size (self, &size);
  return TRUE;
}

gboolean
_tp_document_check_closed_group (TpDocument *self)
{
  TpDocumentSize size = { 0, };
  g_autoptr(GError) cause = NULL;
  g_autofree char *label = NULL;

  if (measure_func == NULL)
    return TRUE;
  /* The bound kept through the step's changes settles it far from the caps (a drag, a
   * small paste); near them, or not known, the document is measured whole. */
  if (_tp_document_get_size_bound (self, &size) && tp_document_size_fits (&size, NULL))
    return TRUE;
  if (!measure_func (self, NULL, &size))
    return TRUE;
  if (tp_document_size_fits (&size, &cause))
    {
      remember_size (self, &size);
      return TRUE;
    }

  label = g_strdup (tp_document_get_undo_label (self));
  tp_document_undo_discard (self);
  refuse (self, label, cause);
  return FALSE;
}

gboolean
tp_document_can_add_notes (TpDocument  *self,
                           guint        n,
                           GError     **error)
{
  g_autoptr(TpCommand) command = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GError) cause = NULL;
  TpPosition position = { TP_CONTAINER_CUSTOMER_SEGMENTS, NULL, 0 };
  TpDocumentSize before = { 0, }, after = { 0, }, total;

  g_return_val_if_fail (TP_IS_DOCUMENT (self), FALSE);

  if (measure_func == NULL || n == 0)
    return TRUE;

  /* One empty note, tried and measured: what each of n adds at the least. */
  id = tp_document_make_id (self, "n");
  command = tp_insert_command_new (_("Add Note"), (TpItem *) tp_note_new (id, NULL), &position);
  if (!measure_func (self, NULL, &before) || !measure_with (self, command, &after))
    return TRUE;

  total.bytes = before.bytes + (gsize) n * (after.bytes - MIN (before.bytes, after.bytes));
  total.elements = before.elements + n * (after.elements - MIN (before.elements, after.elements));
  if (tp_document_size_fits (&total, &cause))
    return TRUE;

  if (error != NULL)
    *error = refusal_new (_("Add Note"), cause);
  return FALSE;
}
