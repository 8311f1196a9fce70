/* test-snapshot-banner.c: the window says when its work is not protected (issue 16).
 *
 * Copyright 2026 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A real TpApplication (so the window keeps recovery snapshots) on a real (virtual)
 * display, and a real fault: a regular file where the recovery folder should be, so every
 * snapshot write fails, as root too. The banner must appear with the reason, and go once
 * a later snapshot is written.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "app/tp-application.h"
#include "app/tp-window.h"
#include "tp-test-display.h"

static char *tmp_dir;

static gpointer
template_child (TpWindow   *window,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (window), TP_TYPE_WINDOW, name);

  g_assert_nonnull (child);
  return child;
}

static gboolean
banner_shown (gpointer window)
{
  return gtk_revealer_get_reveal_child (template_child (window, "snapshot_banner"));
}

static gboolean
banner_hidden (gpointer window)
{
  return !banner_shown (window);
}

static gboolean
is_loaded (gpointer data)
{
  return !tp_window_get_loading (data);
}

static void
test_banner_appears_and_goes (void)
{
  g_autoptr(TpApplication) app = tp_application_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) example = g_file_new_for_path (TP_EXAMPLE_PATH);
  TpRecoveryStore *store;
  g_autofree char *blocker = NULL;
  TpWindow *window;
  const char *text;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  store = tp_application_get_recovery_store (app);
  g_assert_nonnull (store);

  /* Not a folder: every snapshot fails with "Not a directory". (Its session file is
   * gone with it; that only matters at the next start.) */
  blocker = g_strdup (tp_recovery_store_get_dir (store));
  g_assert_true (g_str_has_prefix (blocker, tmp_dir));
  tp_test_remove_tree (blocker);
  g_assert_true (g_file_set_contents (blocker, "", -1, NULL));

  window = g_object_ref (tp_window_new (GTK_APPLICATION (app)));
  tp_window_open_file (window, example);
  gtk_window_present (GTK_WINDOW (window));
  tp_test_wait_until (is_loaded, window, "the document to load");
  g_assert_false (banner_shown (window));

  tp_document_add_note (tp_window_get_document (window), TP_CONTAINER_CHANNELS, G_MAXUINT,
                        "Unprotected work");
  /* As on focus loss: written in a worker, the window told when it failed. */
  g_assert_true (tp_window_flush_snapshot (window, FALSE, NULL));
  tp_test_wait_until (banner_shown, window, "the banner saying the work is unprotected");
  text = gtk_label_get_label (template_child (window, "snapshot_banner_label"));
  g_assert_nonnull (strstr (text, "not protected"));

  /* As at a signal: the caller learns it too, and the banner gives the same reason. */
  g_assert_false (tp_window_flush_snapshot (window, TRUE, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (text, error->message));
  g_clear_error (&error);

  /* The folder can be made again: the next snapshot protects the work. */
  g_assert_cmpint (g_remove (blocker), ==, 0);
  tp_document_add_note (tp_window_get_document (window), TP_CONTAINER_CHANNELS, G_MAXUINT,
                        "Protected again");
  g_assert_true (tp_window_flush_snapshot (window, FALSE, NULL));
  tp_test_wait_until (banner_hidden, window, "the banner to go once a snapshot is written");
  g_assert_true (tp_window_flush_snapshot (window, TRUE, &error));
  g_assert_no_error (error);

  gtk_window_destroy (GTK_WINDOW (window));
  tp_test_flush_events ();
  g_assert_finalize_object (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = tp_test_init_display (&argc, &argv, "touchpoint-test-snapshot-banner");

  g_test_add_func ("/touchpoint/snapshot-banner/appears-and-goes", test_banner_appears_and_goes);

  status = g_test_run ();

  tp_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
