/* test-history.c: undo, redo, merging, groups and the derived "modified" flag */

#include "config.h"

#include "model/tp-document.h"

static const char *
add_note (TpDocument *document,
          const char *text)
{
  return tp_document_add_note (document, TP_CONTAINER_CUSTOMER_SEGMENTS, G_MAXUINT, text);
}

static void
set_text (TpDocument *document,
          const char *id,
          const char *text,
          gboolean    merge)
{
  TpNote *note = (TpNote *) tp_document_edit_begin (document, id);

  g_free (note->text);
  note->text = g_strdup (text);
  tp_document_edit_commit (document, &note->item, "Edit Note", merge);
}

static const char *
note_text (TpDocument *document,
           const char *id)
{
  return ((TpNote *) tp_document_lookup (document, id))->text;
}

static void
test_modified_follows_saved_point (void)
{
  g_autoptr(TpDocument) document = tp_document_new ();
  const char *id;

  g_assert_false (tp_document_get_modified (document));
  id = add_note (document, "a");
  g_assert_true (tp_document_get_modified (document));
  tp_document_undo (document);
  g_assert_false (tp_document_get_modified (document));
  tp_document_redo (document);
  g_assert_true (tp_document_get_modified (document));

  tp_document_set_saved (document);
  g_assert_false (tp_document_get_modified (document));
  set_text (document, id, "b", FALSE);
  g_assert_true (tp_document_get_modified (document));
  tp_document_undo (document);
  g_assert_false (tp_document_get_modified (document));
  tp_document_undo (document);
  g_assert_true (tp_document_get_modified (document));

  /* A new branch from before the saved point loses it for good. */
  add_note (document, "c");
  g_assert_true (tp_document_get_modified (document));
  tp_document_undo (document);
  g_assert_true (tp_document_get_modified (document));
  g_assert_false (tp_document_can_undo (document));
}

static void
test_typing_merges (void)
{
  g_autoptr(TpDocument) document = tp_document_new ();
  const char *id = add_note (document, "");
  guint64 after_add = tp_document_get_state (document);

  set_text (document, id, "H", TRUE);
  set_text (document, id, "He", TRUE);
  set_text (document, id, "Hello", TRUE);
  g_assert_cmpstr (note_text (document, id), ==, "Hello");
  g_assert_cmpuint (tp_document_get_state (document), !=, after_add);

  tp_document_undo (document);
  g_assert_cmpstr (note_text (document, id), ==, "");
  g_assert_cmpuint (tp_document_get_state (document), ==, after_add);
  tp_document_redo (document);
  g_assert_cmpstr (note_text (document, id), ==, "Hello");

  /* Without merge, each commit is a step. */
  set_text (document, id, "x", FALSE);
  set_text (document, id, "y", FALSE);
  tp_document_undo (document);
  g_assert_cmpstr (note_text (document, id), ==, "x");

  /* An edit that changes nothing is no step. */
  {
    guint64 state = tp_document_get_state (document);

    set_text (document, id, "x", FALSE);
    g_assert_cmpuint (tp_document_get_state (document), ==, state);
  }
}

static void
test_no_merge_into_saved (void)
{
  g_autoptr(TpDocument) document = tp_document_new ();
  const char *id = add_note (document, "");

  set_text (document, id, "a", TRUE);
  tp_document_set_saved (document);
  set_text (document, id, "ab", TRUE);
  g_assert_true (tp_document_get_modified (document));

  /* Undo must reach the saved text, not skip past it. */
  tp_document_undo (document);
  g_assert_cmpstr (note_text (document, id), ==, "a");
  g_assert_false (tp_document_get_modified (document));
}

static void
test_no_merge_across_items (void)
{
  g_autoptr(TpDocument) document = tp_document_new ();
  g_autofree char *a = g_strdup (add_note (document, ""));
  g_autofree char *b = g_strdup (add_note (document, ""));

  set_text (document, a, "A", TRUE);
  set_text (document, b, "B", TRUE);
  tp_document_undo (document);
  g_assert_cmpstr (note_text (document, a), ==, "A");
  g_assert_cmpstr (note_text (document, b), ==, "");
}

static void
test_drag_is_one_step (void)
{
  g_autoptr(TpDocument) document = tp_document_new ();
  g_autofree char *a = g_strdup (add_note (document, "a"));
  guint64 state;

  add_note (document, "b");
  add_note (document, "c");
  state = tp_document_get_state (document);

  /* A drag: many moves while the pointer travels, then the drop. */
  tp_document_begin_group (document, "Move Note");
  g_assert_false (tp_document_can_undo (document));
  tp_document_move_note (document, a, TP_CONTAINER_CUSTOMER_SEGMENTS, 1);
  tp_document_move_note (document, a, TP_CONTAINER_CUSTOMER_SEGMENTS, 2);
  tp_document_move_note (document, a, TP_CONTAINER_CHANNELS, 0);
  tp_document_move_note (document, a, TP_CONTAINER_VALUE_PROPOSITIONS, 0);
  tp_document_end_group (document);

  g_assert_cmpstr (tp_document_get_undo_label (document), ==, "Move Note");
  tp_document_undo (document);
  g_assert_cmpuint (tp_document_get_state (document), ==, state);
  g_assert_cmpint (((TpNote *) tp_document_lookup (document, a))->container, ==, TP_CONTAINER_CUSTOMER_SEGMENTS);
  g_assert_true (g_ptr_array_index (tp_document_get_notes (document, TP_CONTAINER_CUSTOMER_SEGMENTS), 0) ==
                 (gpointer) tp_document_lookup (document, a));
  tp_document_redo (document);
  g_assert_cmpint (((TpNote *) tp_document_lookup (document, a))->container, ==, TP_CONTAINER_VALUE_PROPOSITIONS);
}

static void
test_groups (void)
{
  g_autoptr(TpDocument) document = tp_document_new ();
  guint64 state = tp_document_get_state (document);

  /* An empty group records nothing. */
  tp_document_begin_group (document, "Nothing");
  tp_document_end_group (document);
  g_assert_cmpuint (tp_document_get_state (document), ==, state);
  g_assert_false (tp_document_can_undo (document));

  /* Nested groups: the outermost is the step, with its label. */
  tp_document_begin_group (document, "Paste");
  add_note (document, "1");
  tp_document_begin_group (document, "Inner");
  add_note (document, "2");
  add_note (document, "3");
  tp_document_end_group (document);
  g_assert_false (tp_document_can_undo (document));
  tp_document_end_group (document);

  g_assert_cmpstr (tp_document_get_undo_label (document), ==, "Paste");
  g_assert_cmpuint (g_strv_length ((char **) tp_document_get_last_affected (document)), ==, 3);
  tp_document_undo (document);
  g_assert_cmpuint (tp_document_get_n_notes (document), ==, 0);
  g_assert_false (tp_document_can_undo (document));
  tp_document_redo (document);
  g_assert_cmpuint (tp_document_get_n_notes (document), ==, 3);

  /* A group of one keeps the group's label. */
  tp_document_begin_group (document, "Capture");
  add_note (document, "4");
  tp_document_end_group (document);
  g_assert_cmpstr (tp_document_get_undo_label (document), ==, "Capture");
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_notify_only_on_change (void)
{
  g_autoptr(TpDocument) document = tp_document_new ();
  guint modified = 0, can_undo = 0, can_redo = 0;

  g_signal_connect (document, "notify::modified", G_CALLBACK (count_notify), &modified);
  g_signal_connect (document, "notify::can-undo", G_CALLBACK (count_notify), &can_undo);
  g_signal_connect (document, "notify::can-redo", G_CALLBACK (count_notify), &can_redo);

  add_note (document, "a");
  add_note (document, "b");
  g_assert_cmpuint (modified, ==, 1);
  g_assert_cmpuint (can_undo, ==, 1);
  g_assert_cmpuint (can_redo, ==, 0);

  tp_document_undo (document);
  g_assert_cmpuint (modified, ==, 1);
  g_assert_cmpuint (can_redo, ==, 1);
  tp_document_undo (document);
  g_assert_cmpuint (modified, ==, 2);
  g_assert_cmpuint (can_undo, ==, 2);

  tp_document_undo (document);  /* nothing to undo: nothing happens */
  g_assert_cmpuint (modified, ==, 2);
}

static void
test_undo_discard (void)
{
  g_autoptr(TpDocument) document = tp_document_new ();
  guint modified = 0;

  add_note (document, "kept");
  tp_document_set_saved (document);
  g_signal_connect (document, "notify::modified", G_CALLBACK (count_notify), &modified);

  /* A provisional step abandoned: gone for undo and for redo. */
  add_note (document, "");
  g_assert_cmpuint (modified, ==, 1);
  tp_document_undo_discard (document);
  g_assert_cmpuint (modified, ==, 2);
  g_assert_false (tp_document_get_modified (document));
  g_assert_false (tp_document_can_redo (document));
  g_assert_cmpuint (tp_document_get_n_notes (document), ==, 1);
  g_assert_cmpstr (tp_document_get_undo_label (document), ==, "Add Note");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/history/modified-follows-saved-point", test_modified_follows_saved_point);
  g_test_add_func ("/touchpoint/history/typing-merges", test_typing_merges);
  g_test_add_func ("/touchpoint/history/no-merge-into-saved", test_no_merge_into_saved);
  g_test_add_func ("/touchpoint/history/no-merge-across-items", test_no_merge_across_items);
  g_test_add_func ("/touchpoint/history/drag-is-one-step", test_drag_is_one_step);
  g_test_add_func ("/touchpoint/history/groups", test_groups);
  g_test_add_func ("/touchpoint/history/notify-only-on-change", test_notify_only_on_change);
  g_test_add_func ("/touchpoint/history/undo-discard", test_undo_discard);

  return g_test_run ();
}
