/* tp-window-private.h: what tp-window.c and tp-window-actions.c share. */
#pragma once

#include "io/tp-file-stamp.h"
#include "io/tp-snapshotter.h"
#include "views/tp-analysis-view.h"
#include "views/tp-board.h"
#include "views/tp-inspector.h"
#include "views/tp-legend-view.h"
#include "views/tp-selection.h"
#include "views/tp-vote-bar.h"

#include "tp-window.h"

G_BEGIN_DECLS

struct _TpWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  GtkWidget            *history_box;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  GtkWidget            *save_button;
  GtkWidget            *inspector_button;
  GtkWidget            *zoom_controls;
  GtkWidget            *legend_button;
  GtkWidget            *legend_view;
  GtkWidget            *legend_empty_label;
  GtkWidget            *view_switcher;
  GtkMenuButton        *view_menu_button;
  GtkStack             *view_stack;
  TpAnalysisView       *analysis_view;
  TpAnalysisView       *alignment_view;
  GtkLabel             *zoom_menu_label;
  AdwPreferencesGroup  *recent_group;
  AdwFlap              *flap;
  TpBoard              *board;
  TpInspector          *inspector;
  AdwStatusPage        *error_page;
  GtkSpinner           *loading_spinner;
  AdwToastOverlay      *toast_overlay;

  /* The document and where it lives. The stamp describes the file as we last read or
   * wrote it; a save compares it with the disk to notice changes by someone else. */
  TpDocument           *document;
  GFile                *file;
  TpFileStamp          *stamp;
  gulong                changed_id;
  gulong                modified_id;
  gulong                can_undo_id;
  gulong                can_redo_id;

  /* What is selected on the board, and so what the inspector edits: view state, one per
   * window, apart from the document (ARCHITECTURE.md). */
  TpSelection          *selection;

  GCancellable         *load_cancellable;
  guint                 spinner_timeout_id;
  guint                 fold_idle_id;
  guint                 zoom_idle_id;
  GPtrArray            *recent_rows;

  /* Pending tp_window_query_close_async() calls; they all get the answer of the one
   * prompt (or save) in progress. */
  GPtrArray            *close_queries;
  AdwMessageDialog     *close_prompt;

  guint                 loading : 1;
  /* A save (with its choosers and dialogs) is in progress. */
  guint                 saving : 1;
  /* The close prompt's Save is running: its outcome answers close_queries. */
  guint                 prompt_saving : 1;
  /* The user was asked and agreed: the next close-request closes. */
  guint                 close_confirmed : 1;
  guint                 close_requested : 1;
  /* An import of Kano answers is choosing or reading its file. */
  guint                 importing : 1;
  /* The window was not on screen yet when its file began to load: made for it. */
  guint                 opened_unseen : 1;
  /* The inspector was open on the board and closed for the analysis. */
  guint                 inspector_made_way : 1;

  /* Recovery (tp-window-recovery.c): the snapshots of the document's unsaved work, and
   * the id of the snapshot a recovered document continues. */
  TpSnapshotter        *snapshotter;
  char                 *recovery_id;
  /* Says that the snapshot could not be written, and why (issue 16). */
  GtkRevealer          *snapshot_banner;
  GtkLabel             *snapshot_banner_label;

  /* Outside changes (tp-window-watch.c): the file watched, a check of it scheduled or
   * running, and the banner that tells what another program did to it. disk_stamp
   * describes the version on disk the banner told about (NULL when it is gone). */
  GFileMonitor         *monitor;
  guint                 check_id;
  GCancellable         *check_cancellable;
  TpFileStamp          *disk_stamp;
  guint                 disk_state;
  GtkRevealer          *banner;
  GtkLabel             *banner_label;
  GtkWidget            *banner_reload_button;
  GtkWidget            *banner_keep_button;
  GtkWidget            *banner_save_button;
  /* A check runs in a worker; another one is wanted when it is done. */
  guint                 checking : 1;
  guint                 check_again : 1;
  /* The next check replaces the document with the disk's, even if it has changes. */
  guint                 check_reload : 1;

  /* "Deleted — Undo" (tp-window-undo-toast.c): the toast shown. */
  gulong                deleted_id;
  gulong                refused_id;
  AdwToast             *undo_toast;

  /* Search (tp-window-search.c): the bar, and the ids of the matches, the current one
   * at search_current; NULL while no search ran since the query changed. */
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkLabel             *search_count;
  GtkWidget            *search_previous;
  GtkWidget            *search_next;
  GPtrArray            *search_matches;
  guint                 search_current;
  guint                 search_reveal_id;
  gulong                search_changed_id;  /* the document's "changed" */
  guint                 search_refresh_id;  /* the matches found again at idle */

  /* Presenting (tp-window-present.c): the full-screen presentation, and the presenter
   * strip shown under the editor while it is on another monitor. */
  GtkWidget            *present_window;
  GtkWidget            *presenter_strip;
  /* The timer for an exercise (tp-window-timer.c): session state, never saved. The
   * sound context is a GSoundContext, made at the first zero. */
  TpTimebox            *timebox;
  GtkWidget            *timer_button;
  GObject              *timer_sound;
  GCancellable         *timer_sound_cancellable;
  gboolean              timer_sound_failed;

  /* Dot voting (tp-window-voting.c): the round in progress, or NULL, its bar, and the
   * numbers the last round was started with. */
  TpVoteRound          *vote_round;
  gulong                vote_changed_id;
  GtkRevealer          *vote_revealer;
  TpVoteBar            *vote_bar;
  guint                 vote_participants;
  guint                 vote_dots_each;
};

/* Dot voting (tp-window-voting.c): win.start-voting (a scope string, "" for the dialog's
 * own choice), win.end-voting, win.cancel-voting, win.reset-votes (a scope string). */
void      _tp_window_class_voting_init  (TpWindowClass        *klass);
void      _tp_window_voting_init        (TpWindow             *self);
void      _tp_window_voting_document_changed (TpWindow        *self);
void      _tp_window_start_voting       (TpWindow             *self,
                                         const TpVoteScope    *scope,
                                         guint                 participants,
                                         guint                 dots_each);
TpVoteRound *_tp_window_get_vote_round  (TpWindow             *self);
void      _tp_window_class_actions_init (TpWindowClass        *klass);
void      _tp_window_actions_init       (TpWindow             *self);
void      _tp_window_update_actions     (TpWindow             *self);
void      _tp_window_update_title       (TpWindow             *self);
void      _tp_window_update_zoom        (TpWindow             *self);
/* Commits a note being edited in place, so that saving, closing and undo see it. */
void     _tp_window_commit_pending_edit (TpWindow *self);

/* Updates the zoom level shown, soon: for the board's notify::zoom. */
void      _tp_window_queue_update_zoom  (TpWindow             *self);

/* Saves the document to its file (or asks where, if it has none or save_as is set),
 * handling a file changed on disk and showing failures in a dialog. Finishes TRUE when
 * the document was written; G_IO_ERROR_CANCELLED when the user backed out. */
void      _tp_window_save_async         (TpWindow             *self,
                                         gboolean              save_as,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gboolean  _tp_window_save_finish        (TpWindow             *self,
                                         GAsyncResult         *result,
                                         GError              **error);

/* Called by the save code when a save ended, whichever way. */
void      _tp_window_save_ended         (TpWindow             *self);
/* Binds the window to file (after Save As), notifying ::file. */
void      _tp_window_set_file           (TpWindow             *self,
                                         GFile                *file);
/* Records a file the user opened or saved in the desktop's recent files. */
void      _tp_window_add_recent         (TpWindow             *self,
                                         GFile                *file);
/* Shows toast (a transient notice, such as "Exported …") over the window; takes it. */
void      _tp_window_add_toast          (TpWindow             *self,
                                         AdwToast             *toast);

/* Which view of the document shows: "board", "analysis" or "alignment" (the "view"
 * property, and the stateful win.view). */
const char *_tp_window_get_view         (TpWindow             *self);
void      _tp_window_set_view           (TpWindow             *self,
                                         const char           *view);

/* Importing Kano answers (tp-window-import.c): win.import-kano asks for a CSV file;
 * _tp_window_import_kano() reads one, adds its answers as one undo step and reports
 * what it did (and what it refused, line by line) in a dialog. */
void      _tp_window_class_import_init  (TpWindowClass        *klass);
void      _tp_window_import_kano        (TpWindow             *self,
                                         GFile                *file);
/* How long an import runs before its progress dialog shows (300 ms); 0 shows it at once,
 * for tests of Cancel. */
void      _tp_window_set_import_progress_delay (guint              milliseconds);

/* Closing (tp-window-close.c). */
gboolean  _tp_window_has_unsaved_changes   (TpWindow *self);
void      _tp_window_run_close_queries     (TpWindow *self);
void      _tp_window_resolve_close_queries (TpWindow *self,
                                            gboolean  may_close);
gboolean  _tp_window_hold_close            (TpWindow *self);

/* Recovery snapshots (tp-window-recovery.c). Attach when a document is bound (it takes
 * recovery_id if set), detach when it is unbound (the snapshot stays on disk), update
 * the origin when the file or its stamp change, discard when the user throws the
 * changes away. */
void      _tp_window_class_recovery_init (TpWindowClass       *klass);
void      _tp_window_recovery_init      (TpWindow             *self);
void      _tp_window_recovery_attach    (TpWindow             *self);
void      _tp_window_recovery_detach    (TpWindow             *self);
void      _tp_window_recovery_update_origin (TpWindow         *self);
void      _tp_window_recovery_discard   (TpWindow             *self);

/* Outside changes (tp-window-watch.c): the file is watched while a document bound to it
 * is shown; when another program changes it, an unmodified document is reloaded
 * (keeping the view), a modified one gets a banner offering Reload and Keep Mine. */
void      _tp_window_class_watch_init   (TpWindowClass        *klass);
void      _tp_window_watch_document_bound (TpWindow           *self);
void      _tp_window_watch_file_changed (TpWindow             *self);
void      _tp_window_watch_save_ended   (TpWindow             *self);
void      _tp_window_watch_dispose      (TpWindow             *self);
/* Whether the file on disk is known to differ from what the window last read or wrote
 * (so Save is worth offering even without changes). */
gboolean  _tp_window_watch_disk_differs (TpWindow             *self);
/* Whether the file was deleted, moved away or damaged: the window has the only copy. */
gboolean  _tp_window_watch_disk_lost    (TpWindow             *self);
/* The stamp a save to the window's file expects on disk: the window's, or the damaged
 * version the banner said saving replaces. */
const TpFileStamp *_tp_window_watch_get_expected (TpWindow     *self);
/* Replaces the window's document (a reload), keeping the view: zoom, scroll, the view
 * shown, the inspector, and the selection of ids that still exist. Takes stamp. */
void      _tp_window_replace_document   (TpWindow             *self,
                                         TpDocument           *document,
                                         TpFileStamp          *stamp);

/* "~/Workshops" for a file in it; the file's name for display. */
char     *_tp_window_dup_folder_name    (GFile                *file);
char     *_tp_window_dup_file_display_name (GFile             *file);

/* Recent workshops and files that could not be opened (tp-window-recent.c). */
void      _tp_window_recent_init        (TpWindow             *self);
/* Says why file could not be opened, in the error page; TRUE when it said so in
 * another window and self, made for the file, is to close. */
gboolean  _tp_window_load_failed        (TpWindow             *self,
                                         GFile                *file,
                                         const GError         *error);

/* The Getting Started guide: win.guide, and a toast offering it. */
void      _tp_window_class_guide_init   (TpWindowClass        *klass);
void      _tp_window_offer_guide        (TpWindow             *self);

/* Search and zoom to selection (tp-window-search.c). */
void      _tp_window_class_search_init  (TpWindowClass        *klass);
void      _tp_window_search_init        (TpWindow             *self);
void      _tp_window_search_document_bound (TpWindow          *self);
void      _tp_window_search_document_unbound (TpWindow        *self);

/* The timer (tp-window-timer.c): win.timer-* actions, Ctrl+T, the sound and the toast
 * at zero. */
void      _tp_window_class_timer_init   (TpWindowClass        *klass);
void      _tp_window_timer_init         (TpWindow             *self);
void      _tp_window_timer_dispose      (TpWindow             *self);
/* win.save-as-template (tp-window-template.c): asks for a name, then stores a copy of
 * the document in the user's template folder (tp-template-catalogue.h). */
void      _tp_window_save_as_template_action (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *parameter);

/* "Deleted — Undo" toasts (tp-window-undo-toast.c), while a document is bound. */
void      _tp_window_undo_toast_bind    (TpWindow             *self);
void      _tp_window_undo_toast_unbind  (TpWindow             *self);

/* Presenting (tp-window-present.c): win.present (F5) shows the workshop full screen,
 * on the other monitor when there is one. */
void      _tp_window_class_present_init (TpWindowClass        *klass);
void      _tp_window_present            (TpWindow             *self);
void      _tp_window_present_document_unbound (TpWindow       *self);

G_END_DECLS
