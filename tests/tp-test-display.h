/* tp-test-display.h: waiting on the main loop in display tests, the same way everywhere. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How long any single wait may take before the test fails rather than hangs. */
#define TP_TEST_WAIT_SECONDS 20

typedef gboolean (*TpTestCondition) (gpointer data);

/* How many times slower than usual this run is (TP_TEST_SLOWDOWN: `./dev test --sanitize`
 * sets 4); waits grow by it. */
guint tp_test_get_slowdown (void);

/* Iterates the main loop until condition (data) holds; fails the test naming what it
 * waited for after TP_TEST_WAIT_SECONDS (times the slowdown). */
void tp_test_wait_until   (TpTestCondition  condition,
                           gpointer         data,
                           const char      *what);
/* Lets pending work run, for at most a second. */
void tp_test_flush_events (void);

/* Activates the shortcut of widget (a GtkWidget: its own controllers, class bindings
 * included) for keyval with modifiers (GdkModifierType), as the key would, then flushes
 * events; fails the test when there is none. For new tests: the older ones each have a
 * press_ctrl() of their own. */
void tp_test_press_shortcut (gpointer     widget,
                             guint        keyval,
                             guint        modifiers);
/* The AdwMessageDialog that shows (a visible toplevel), or NULL. */
gpointer tp_test_find_message_dialog (void);
/* A TpTestCondition: a message dialog shows (data is not used). */
gboolean tp_test_has_message_dialog  (gpointer data);
/* Answers dialog (an AdwMessageDialog) with response as a click on its button does:
 * the response, then the dialog goes; then flushes events. */
void     tp_test_respond             (gpointer    dialog,
                                      const char *response);
/* A TpTestCondition: window is no longer one of GTK's toplevels. */
gboolean tp_test_window_is_closed (gpointer window);

/* Starts a display test in a private environment: recent files, settings and caches in
 * a fresh temporary folder (returned, to remove with tp_test_remove_tree()), settings in
 * memory, and no accessibility bus (its registry daemon writes to stdout, which is TAP);
 * then gtk_test_init() and adw_init(). */
char *tp_test_init_display  (int         *argc,
                             char      ***argv,
                             const char  *name);
void  tp_test_remove_tree   (const char  *path);

G_END_DECLS
