/* tp-clipboard.c: notes on the clipboard, in our own format and as plain text
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "model/tp-enums.h"
#include "tp-clipboard.h"

#define FORMAT_VERSION 1
#define FORMAT_TYPE    "(ua(ssssus))"
/* A paste is a handful of notes: a clipboard offering more than this is refused rather
 * than read into memory. */
#define MAX_BYTES      (16 * 1024 * 1024)
#define MAX_NOTES      100000
#define READ_CHUNK     65536

GBytes *
tp_clipboard_serialize_notes (GPtrArray *notes)
{
  g_autoptr(GVariant) variant = NULL;
  GVariantBuilder builder;
  char *text;

  g_return_val_if_fail (notes != NULL, NULL);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ssssus)"));
  for (guint i = 0; i < notes->len; i++)
    {
      const TpNote *note = g_ptr_array_index (notes, i);

      g_variant_builder_add (&builder, "(ssssus)",
                             tp_enum_to_nick (TP_ENUM_CONTAINER, note->container),
                             note->text != NULL ? note->text : "",
                             tp_enum_to_nick (TP_ENUM_NOTE_COLOUR, note->colour),
                             tp_enum_to_nick (TP_ENUM_EVIDENCE, note->evidence),
                             note->votes,
                             note->persona != NULL ? note->persona : "");
    }

  variant = g_variant_ref_sink (g_variant_new ("(u@a(ssssus))", FORMAT_VERSION,
                                               g_variant_builder_end (&builder)));
  text = g_variant_print (variant, FALSE);

  return g_bytes_new_take (text, strlen (text));
}

/* Text as a note may hold it: valid UTF-8, no longer than the model allows. */
static char *
clean_text (const char *text,
            gssize      length)
{
  g_autofree char *valid = g_utf8_make_valid (text, length);

  if (g_utf8_strlen (valid, -1) > TP_TEXT_MAX)
    return g_utf8_substring (valid, 0, TP_TEXT_MAX);

  return g_steal_pointer (&valid);
}

static guint
enum_or (TpEnumType  type,
         const char *nick,
         guint       fallback)
{
  guint value;

  return tp_enum_from_nick (type, nick, &value) ? value : fallback;
}

GPtrArray *
tp_clipboard_parse_notes (GBytes *bytes)
{
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GVariant) array = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  const char *data;
  gsize size;
  guint version;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (data == NULL || size == 0 || size > MAX_BYTES)
    return NULL;

  variant = g_variant_parse (G_VARIANT_TYPE (FORMAT_TYPE), data, data + size, NULL, NULL);
  if (variant == NULL)
    return NULL;

  g_variant_get (variant, "(u@a(ssssus))", &version, &array);
  if (version != FORMAT_VERSION || g_variant_n_children (array) > MAX_NOTES)
    return NULL;

  notes = g_ptr_array_new_with_free_func ((GDestroyNotify) tp_note_free);
  for (gsize i = 0; i < g_variant_n_children (array); i++)
    {
      const char *container, *text, *colour, *evidence, *persona;
      g_autofree char *clean = NULL;
      TpNote *note;
      guint32 votes;

      g_variant_get_child (array, i, "(&s&s&s&su&s)", &container, &text, &colour, &evidence,
                           &votes, &persona);
      clean = clean_text (text, -1);
      note = tp_note_new (NULL, clean);
      note->container = enum_or (TP_ENUM_CONTAINER, container, TP_CONTAINER_CUSTOMER_SEGMENTS);
      note->colour = enum_or (TP_ENUM_NOTE_COLOUR, colour, TP_NOTE_COLOUR_YELLOW);
      note->evidence = enum_or (TP_ENUM_EVIDENCE, evidence, TP_EVIDENCE_ASSUMPTION);
      note->votes = MIN (votes, TP_COUNT_MAX);
      note->persona = *persona != '\0' ? g_strdup (persona) : NULL;
      g_ptr_array_add (notes, note);
    }

  return g_steal_pointer (&notes);
}

char *
tp_clipboard_notes_to_text (GPtrArray *notes)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (notes != NULL, NULL);

  for (guint i = 0; i < notes->len; i++)
    {
      const TpNote *note = g_ptr_array_index (notes, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      /* One line per note, so pasting the text back gives the same notes. */
      for (const char *p = note->text != NULL ? note->text : ""; *p != '\0'; p++)
        {
          if (*p == '\r' && p[1] == '\n')
            continue;
          g_string_append_c (text, *p == '\n' || *p == '\r' ? ' ' : *p);
        }
    }

  return g_string_free (text, FALSE);
}

GPtrArray *
tp_clipboard_text_to_notes (const char *text)
{
  GPtrArray *notes = g_ptr_array_new_with_free_func ((GDestroyNotify) tp_note_free);
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (text != NULL, notes);

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL && notes->len < MAX_NOTES; i++)
    {
      g_autofree char *clean = clean_text (lines[i], -1);

      g_strstrip (clean);  /* also drops the \r of Windows line ends */
      if (*clean != '\0')
        g_ptr_array_add (notes, tp_note_new (NULL, clean));
    }

  return notes;
}

GdkContentProvider *
tp_clipboard_provider_new (GPtrArray *notes)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  GdkContentProvider *providers[2];

  g_return_val_if_fail (notes != NULL, NULL);

  bytes = tp_clipboard_serialize_notes (notes);
  text = tp_clipboard_notes_to_text (notes);
  /* Ours first: the first format is the one a reader that knows both should take. */
  providers[0] = gdk_content_provider_new_for_bytes (TP_CLIPBOARD_NOTES_MIME, bytes);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, text);

  return gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
}

/* Reading */

typedef struct
{
  GInputStream *stream;
  GByteArray   *data;
  gboolean      from_text;
} ReadData;

static void
read_data_free (ReadData *data)
{
  g_clear_object (&data->stream);
  g_clear_pointer (&data->data, g_byte_array_unref);
  g_free (data);
}

static void
on_text_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ReadData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);

  if (text == NULL)
    {
      if (error != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, g_ptr_array_new_with_free_func ((GDestroyNotify) tp_note_free),
                               (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  data->from_text = TRUE;
  g_task_return_pointer (task, tp_clipboard_text_to_notes (text),
                         (GDestroyNotify) g_ptr_array_unref);
}

static void
read_text (GTask *task)
{
  GdkClipboard *clipboard = g_task_get_source_object (task);

  gdk_clipboard_read_text_async (clipboard, g_task_get_cancellable (task), on_text_read, task);
}

static void read_next (GTask *task);

static void
on_chunk_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ReadData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  g_autoptr(GBytes) all = NULL;
  GPtrArray *notes;

  if (chunk == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_bytes_get_size (chunk) > 0)
    {
      g_byte_array_append (data->data, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
      if (data->data->len > MAX_BYTES)
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                                   "%s", _("The clipboard holds too much to paste"));
          return;
        }
      read_next (g_steal_pointer (&task));
      return;
    }

  all = g_byte_array_free_to_bytes (g_steal_pointer (&data->data));
  notes = tp_clipboard_parse_notes (all);
  if (notes == NULL)
    {
      /* Not what we wrote: whatever text comes with it is still worth pasting. */
      read_text (g_steal_pointer (&task));
      return;
    }

  g_task_return_pointer (task, notes, (GDestroyNotify) g_ptr_array_unref);
}

static void
read_next (GTask *task)
{
  ReadData *data = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (data->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), on_chunk_read, task);
}

static void
on_stream_opened (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ReadData *data = g_task_get_task_data (task);

  data->stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, NULL, NULL);
  if (data->stream == NULL)
    {
      read_text (g_steal_pointer (&task));
      return;
    }

  data->data = g_byte_array_new ();
  read_next (g_steal_pointer (&task));
}

void
tp_clipboard_read_async (GdkClipboard        *clipboard,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  static const char * const mime_types[] = { TP_CLIPBOARD_NOTES_MIME, NULL };
  g_autoptr(GTask) task = NULL;
  GdkContentFormats *formats;

  g_return_if_fail (GDK_IS_CLIPBOARD (clipboard));

  task = g_task_new (clipboard, cancellable, callback, user_data);
  g_task_set_source_tag (task, tp_clipboard_read_async);
  g_task_set_task_data (task, g_new0 (ReadData, 1), (GDestroyNotify) read_data_free);

  formats = gdk_clipboard_get_formats (clipboard);
  if (gdk_content_formats_contain_mime_type (formats, TP_CLIPBOARD_NOTES_MIME))
    gdk_clipboard_read_async (clipboard, (const char **) mime_types, G_PRIORITY_DEFAULT,
                              cancellable, on_stream_opened, g_steal_pointer (&task));
  else
    read_text (g_steal_pointer (&task));
}

GPtrArray *
tp_clipboard_read_finish (GdkClipboard  *clipboard,
                          GAsyncResult  *result,
                          gboolean      *from_text,
                          GError       **error)
{
  ReadData *data;

  g_return_val_if_fail (g_task_is_valid (result, clipboard), NULL);

  data = g_task_get_task_data (G_TASK (result));
  if (from_text != NULL)
    *from_text = data->from_text;

  return g_task_propagate_pointer (G_TASK (result), error);
}
