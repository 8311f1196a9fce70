/* test-story-present.c: what the presentation says of a refused edit (issue 17)
 *
 * At the caps an edit is refused and the bell rings; the toast that says why was shown
 * only in the editor's window, behind the full-screen presentation or on the other
 * screen. The presentation shows it too: one toast however often typing on is refused,
 * and a new one after it is dismissed.
 */

#include "config.h"

#include <adwaita.h>

#include "app/tp-present-window-private.h"
#include "model/tp-document-caps.h"
#include "tp-test-display.h"

static char *tmp_dir;

static void
test_refused_toast (void)
{
  g_autoptr(TpDocument) document = tp_document_new_default ();
  TpPresentWindow *window = tp_present_window_new (document);
  g_autoptr(GError) error = g_error_new_literal (TP_DOCUMENT_ERROR, TP_DOCUMENT_ERROR_FULL,
                                                 "The workshop is full");
  AdwToast *toast;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_null (window->refused_toast);

  tp_document_refuse (document, error);
  toast = window->refused_toast;
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "The workshop is full");
  g_assert_true (gtk_widget_is_ancestor (window->area, GTK_WIDGET (window->toasts)));

  /* Refused again at the next key: the same toast, not a queue of them. */
  tp_document_refuse (document, error);
  g_assert_true (window->refused_toast == toast);

  /* Dismissed, the next refusal says it again. */
  adw_toast_dismiss (toast);
  g_assert_null (window->refused_toast);
  tp_document_refuse (document, error);
  g_assert_nonnull (window->refused_toast);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  tmp_dir = tp_test_init_display (&argc, &argv, "touchpoint-test-story-present");

  g_test_add_func ("/touchpoint/story-present/refused-toast", test_refused_toast);

  status = g_test_run ();

  tp_test_remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
