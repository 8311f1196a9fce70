/* tp-snapshotter.c: keeps a recovery snapshot of one document's unsaved work.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes may overlap: a worker still writing an older snapshot when a synchronous flush
 * (a signal, the session ending) writes the newest one, or when the document is saved
 * and its snapshot removed. Every write gets a sequence number, and the store is only
 * touched under a lock that drops writes older than the last one written or than the
 * last removal; so the file on disk is always the newest snapshot, or none once the
 * work was saved or discarded.
 */

#include "config.h"

#include "tp-snapshotter.h"

#include "model/tp-meta.h"
#include "tp-writer.h"

struct _TpSnapshotter
{
  GObject          parent_instance;

  TpRecoveryStore *store;
  TpDocument      *document;
  char            *id;
  GFile           *file;
  TpFileStamp     *stamp;

  guint            delay_ms;
  guint            max_delay_ms;
  guint            delay_id;
  guint            max_delay_id;

  gulong           changed_id;
  gulong           modified_id;

  /* Why the last snapshot could not be written; NULL once one is written again, or once
   * there is nothing to protect (saved, discarded). The window shows it (issue 16). */
  GError          *error;

  /* The document state the snapshot on disk holds; NO_STATE when there is none. */
  guint64          written_state;
  /* The snapshot on disk names an origin the document no longer has (after Save As). */
  gboolean         origin_stale;
  /* Writes requested so far (main thread). */
  guint64          next_seq;

  /* Shared with the workers, under lock. */
  GMutex           lock;
  guint64          last_written_seq;
  guint64          min_seq;       /* writes before this one are stale */
  gboolean         discarded;
};

#define NO_STATE G_MAXUINT64

enum
{
  PROP_0,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TpSnapshotter, tp_snapshotter, G_TYPE_OBJECT)

/* Main thread. error NULL: the work is protected again (or needs no protection). */
static void
set_error (TpSnapshotter *self,
           const GError  *error)
{
  if (error == NULL && self->error == NULL)
    return;
  if (error != NULL && self->error != NULL &&
      g_error_matches (self->error, error->domain, error->code) &&
      g_strcmp0 (self->error->message, error->message) == 0)
    return;

  g_clear_error (&self->error);
  if (error != NULL)
    {
      self->error = g_error_copy (error);
      /* Kept in the log too, for a report; the user sees it in the window. */
      g_message ("Could not write the recovery snapshot %s: %s", self->id, error->message);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

typedef struct
{
  guint64      seq;
  guint64      state;
  GBytes      *bytes;
  char        *title;
  GFile       *file;
  TpFileStamp *stamp;
} WriteData;

static void
write_data_free (gpointer data)
{
  WriteData *write = data;

  g_clear_pointer (&write->bytes, g_bytes_unref);
  g_free (write->title);
  g_clear_object (&write->file);
  g_clear_pointer (&write->stamp, tp_file_stamp_free);
  g_free (write);
}

/* What the recovery question calls the workshop: its own title, which says more than a
 * file name (the file is shown beside it). */
static char *
dup_title (TpDocument *document)
{
  const TpMeta *meta = tp_document_get_meta (document);

  if (meta->title != NULL && *meta->title != '\0')
    return g_strdup (meta->title);

  return tp_document_dup_display_name (document);
}

static WriteData *
write_data_new (TpSnapshotter *self)
{
  WriteData *write = g_new0 (WriteData, 1);

  write->seq = ++self->next_seq;
  write->state = tp_document_get_state (self->document);
  write->bytes = tp_write_bytes (self->document);
  write->title = dup_title (self->document);
  write->file = self->file != NULL ? g_object_ref (self->file) : NULL;
  write->stamp = tp_file_stamp_copy (self->stamp);

  return write;
}

/* Any thread. FALSE with error set when the write failed; TRUE when written or stale. */
static gboolean
write_locked (TpSnapshotter  *self,
              WriteData      *write,
              gboolean       *written,
              GError        **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);

  *written = FALSE;
  if (self->discarded || write->seq < self->min_seq || write->seq <= self->last_written_seq)
    return TRUE;

  if (!tp_recovery_store_write (self->store, self->id, write->bytes, write->title,
                                write->file, write->stamp, NULL, error))
    return FALSE;

  self->last_written_seq = write->seq;
  *written = TRUE;
  return TRUE;
}

static void
remove_snapshot (TpSnapshotter *self)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->lock);
  g_autoptr(GError) error = NULL;

  /* Whatever is being written now is older than this removal. */
  self->min_seq = self->next_seq + 1;
  self->written_state = NO_STATE;
  self->origin_stale = FALSE;
  /* A recovery folder that is not a folder holds no snapshot to remove (the writes
   * failed, and the user was told). */
  if (!tp_recovery_store_remove (self->store, self->id, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
    g_warning ("Could not remove the recovery snapshot %s: %s", self->id, error->message);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;
  gboolean written;

  if (write_locked (source_object, task_data, &written, &error))
    g_task_return_boolean (task, written);
  else
    g_task_return_error (task, error);
}

static void
on_written (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  TpSnapshotter *self = TP_SNAPSHOTTER (object);
  WriteData *write = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Only if no removal came after the request. */
      if (write->seq >= self->min_seq && !self->discarded)
        {
          self->written_state = write->state;
          self->origin_stale = FALSE;
          set_error (self, NULL);
        }
    }
  else if (error != NULL && write->seq >= self->min_seq && !self->discarded)
    {
      /* The work is not protected against a crash: the owner tells the user (a full or
       * unwritable state folder would otherwise go unnoticed until the crash). The next
       * change tries again. */
      set_error (self, error);
    }
}

static gboolean
has_unsnapshotted_changes (TpSnapshotter *self)
{
  return !self->discarded &&
         tp_document_get_modified (self->document) &&
         (self->origin_stale || tp_document_get_state (self->document) != self->written_state);
}

static void
stop_timers (TpSnapshotter *self)
{
  g_clear_handle_id (&self->delay_id, g_source_remove);
  g_clear_handle_id (&self->max_delay_id, g_source_remove);
}

gboolean
tp_snapshotter_flush (TpSnapshotter *self,
                      gboolean       wait)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  WriteData *write;
  gboolean written;

  g_return_val_if_fail (TP_IS_SNAPSHOTTER (self), FALSE);

  stop_timers (self);
  if (!has_unsnapshotted_changes (self))
    return TRUE;

  write = write_data_new (self);

  if (wait)
    {
      gboolean ok = write_locked (self, write, &written, &error);

      if (ok && written)
        {
          self->written_state = write->state;
          self->origin_stale = FALSE;
          set_error (self, NULL);
        }
      else if (!ok)
        set_error (self, error);
      write_data_free (write);
      return ok;
    }

  task = g_task_new (self, NULL, on_written, NULL);
  g_task_set_source_tag (task, tp_snapshotter_flush);
  g_task_set_task_data (task, write, write_data_free);
  g_task_run_in_thread (task, write_thread);

  return TRUE;
}

static gboolean
on_delay (gpointer data)
{
  TpSnapshotter *self = data;

  self->delay_id = 0;
  tp_snapshotter_flush (self, FALSE);

  return G_SOURCE_REMOVE;
}

static gboolean
on_max_delay (gpointer data)
{
  TpSnapshotter *self = data;

  self->max_delay_id = 0;
  tp_snapshotter_flush (self, FALSE);

  return G_SOURCE_REMOVE;
}

static void
on_document_changed (TpSnapshotter *self,
                     guint          kind,
                     const char    *id,
                     TpDocument    *document)
{
  if (self->discarded || !tp_document_get_modified (document))
    return;

  /* Typing pushes the snapshot back; a long burst of changes still gets one every
   * max_delay_ms. */
  g_clear_handle_id (&self->delay_id, g_source_remove);
  self->delay_id = g_timeout_add (self->delay_ms, on_delay, self);
  if (self->max_delay_id == 0)
    self->max_delay_id = g_timeout_add (self->max_delay_ms, on_max_delay, self);
}

static void
on_document_modified (TpSnapshotter *self,
                      GParamSpec    *pspec,
                      TpDocument    *document)
{
  if (tp_document_get_modified (document))
    {
      /* Undone past what was saved, or redone after a save: a change like any other. */
      on_document_changed (self, 0, NULL, document);
      return;
    }

  /* Saved, or back to what is on disk: nothing to recover. */
  stop_timers (self);
  remove_snapshot (self);
  /* Saved or thrown away: a failed snapshot no longer leaves anything unprotected. */
  set_error (self, NULL);
}

void
tp_snapshotter_discard (TpSnapshotter *self)
{
  g_return_if_fail (TP_IS_SNAPSHOTTER (self));

  stop_timers (self);
  remove_snapshot (self);
  g_mutex_lock (&self->lock);
  self->discarded = TRUE;
  g_mutex_unlock (&self->lock);
  set_error (self, NULL);
}

const GError *
tp_snapshotter_get_error (TpSnapshotter *self)
{
  g_return_val_if_fail (TP_IS_SNAPSHOTTER (self), NULL);

  return self->error;
}

gboolean
tp_snapshotter_is_current (TpSnapshotter *self)
{
  g_return_val_if_fail (TP_IS_SNAPSHOTTER (self), FALSE);

  return !self->origin_stale && self->written_state == tp_document_get_state (self->document);
}

const char *
tp_snapshotter_get_id (TpSnapshotter *self)
{
  g_return_val_if_fail (TP_IS_SNAPSHOTTER (self), NULL);

  return self->id;
}

TpDocument *
tp_snapshotter_get_document (TpSnapshotter *self)
{
  g_return_val_if_fail (TP_IS_SNAPSHOTTER (self), NULL);

  return self->document;
}

void
tp_snapshotter_set_origin (TpSnapshotter     *self,
                           GFile             *file,
                           const TpFileStamp *stamp)
{
  g_return_if_fail (TP_IS_SNAPSHOTTER (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_set_object (&self->file, file);
  g_clear_pointer (&self->stamp, tp_file_stamp_free);
  self->stamp = tp_file_stamp_copy (stamp);

  /* A snapshot on disk names the old origin: the next one must name the new one. */
  self->origin_stale = self->written_state != NO_STATE;
}

void
tp_snapshotter_set_delays (TpSnapshotter *self,
                           guint          delay_ms,
                           guint          max_delay_ms)
{
  g_return_if_fail (TP_IS_SNAPSHOTTER (self));

  self->delay_ms = delay_ms;
  self->max_delay_ms = MAX (max_delay_ms, delay_ms);
}

static void
tp_snapshotter_dispose (GObject *object)
{
  TpSnapshotter *self = (TpSnapshotter *) object;

  stop_timers (self);
  if (self->document != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->document);
      g_clear_signal_handler (&self->modified_id, self->document);
    }
  g_clear_object (&self->document);

  G_OBJECT_CLASS (tp_snapshotter_parent_class)->dispose (object);
}

static void
tp_snapshotter_finalize (GObject *object)
{
  TpSnapshotter *self = (TpSnapshotter *) object;

  g_clear_pointer (&self->store, tp_recovery_store_unref);
  g_free (self->id);
  g_clear_object (&self->file);
  g_clear_pointer (&self->stamp, tp_file_stamp_free);
  g_clear_error (&self->error);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (tp_snapshotter_parent_class)->finalize (object);
}

static void
tp_snapshotter_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TpSnapshotter *self = TP_SNAPSHOTTER (object);

  switch (prop_id)
    {
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_snapshotter_class_init (TpSnapshotterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tp_snapshotter_dispose;
  object_class->finalize = tp_snapshotter_finalize;
  object_class->get_property = tp_snapshotter_get_property;

  /**
   * TpSnapshotter:error:
   *
   * Why the newest snapshot could not be written (a #GError), or %NULL while the
   * document's unsaved work is protected (or there is none).
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tp_snapshotter_init (TpSnapshotter *self)
{
  g_mutex_init (&self->lock);
  self->delay_ms = TP_SNAPSHOT_DELAY_MS;
  self->max_delay_ms = TP_SNAPSHOT_MAX_DELAY_MS;
  self->written_state = NO_STATE;
}

TpSnapshotter *
tp_snapshotter_new (TpRecoveryStore *store,
                    TpDocument      *document,
                    const char      *id)
{
  TpSnapshotter *self;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (TP_IS_DOCUMENT (document), NULL);

  self = g_object_new (TP_TYPE_SNAPSHOTTER, NULL);
  self->store = tp_recovery_store_ref (store);
  self->document = g_object_ref (document);

  if (id != NULL)
    {
      self->id = g_strdup (id);
      self->written_state = tp_document_get_state (document);
    }
  else
    {
      self->id = tp_recovery_store_make_id (store);
    }

  self->changed_id = g_signal_connect_object (document, "changed",
                                              G_CALLBACK (on_document_changed), self,
                                              G_CONNECT_SWAPPED);
  self->modified_id = g_signal_connect_object (document, "notify::modified",
                                               G_CALLBACK (on_document_modified), self,
                                               G_CONNECT_SWAPPED);

  /* A document that comes in modified (recovered, imported) is unsaved work already. */
  if (has_unsnapshotted_changes (self))
    on_document_changed (self, 0, NULL, document);

  return self;
}
