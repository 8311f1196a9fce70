/* tp-board.h: the zoomable board on which notes, stages and touchpoints are captured,
 * arranged and edited.
 *
 * The board draws a document through the core renderer (what you see is what you
 * export), turns pointer and keyboard input into document commands, and keeps its view
 * state (zoom, scroll, focus, the block and note under the keyboard) apart from the
 * document. It implements GtkScrollable: put it in a GtkScrolledWindow for scrollbars,
 * or use it alone (it pans itself with scroll, middle-drag and space-drag).
 *
 * Actions, installed on the class (board.*): zoom-in, zoom-out, zoom-fit (Ctrl+0),
 * zoom-canvas (Ctrl+1), zoom-journey (Ctrl+2), zoom-value-chain (Ctrl+3), select-all,
 * delete, duplicate, cut, copy, paste, add-note, edit, add-stage (Ctrl+Enter),
 * move-back and move-forward (Alt+Left, Alt+Right), toggle-moment-of-truth (Ctrl+M),
 * start-link (Ctrl+K: link the selected note or touchpoint through a searchable list),
 * focus-links (Ctrl+Shift+K, stateful: dim what the selection is not linked to),
 * emotion-up and emotion-down (Alt+Up, Alt+Down). Plain keys (Enter, F2, Delete,
 * arrows, Tab) work while the board itself has the keyboard focus, never while a note
 * or a name is being edited in place. No printable key is a command: typing edits the
 * focused item or creates one in the focused block or stage (tp-board-typing.c).
 */
#pragma once

#include <gtk/gtk.h>

#include "model/tp-document.h"
#include "model/tp-vote-round.h"
#include "render/tp-export.h"
#include "render/tp-layout.h"
#include "tp-selection.h"

G_BEGIN_DECLS

#define TP_BOARD_ZOOM_MIN 0.1
#define TP_BOARD_ZOOM_MAX 4.0

#define TP_TYPE_BOARD (tp_board_get_type ())
G_DECLARE_FINAL_TYPE (TpBoard, tp_board, TP, BOARD, GtkWidget)

GtkWidget   *tp_board_new              (void);

void         tp_board_set_document     (TpBoard            *self,
                                        TpDocument         *document);
TpDocument  *tp_board_get_document     (TpBoard            *self);
/* The board starts with a selection of its own; a window shares one with its
 * inspector by setting it here. */
void         tp_board_set_selection    (TpBoard            *self,
                                        TpSelection        *selection);
TpSelection *tp_board_get_selection    (TpBoard            *self);

/* 1.0 is 100 %; clamped to TP_BOARD_ZOOM_MIN … TP_BOARD_ZOOM_MAX. Setting the zoom
 * keeps the middle of the view in place. */
double       tp_board_get_zoom         (TpBoard            *self);
void         tp_board_set_zoom         (TpBoard            *self,
                                        double              zoom);
/* Zooms keeping the board point under (x, y), in widget coordinates, where it is. */
void         tp_board_zoom_at          (TpBoard            *self,
                                        double              zoom,
                                        double              x,
                                        double              y);
/* Fits the whole board, or one region of it, into the view. A journey too long to read
 * when fitted whole is fitted by its height instead (up to 100 %), from its start. */
void         tp_board_zoom_to_fit      (TpBoard            *self);
void         tp_board_zoom_to_region   (TpBoard            *self,
                                        TpRegion            region);

/* Pans (never zooms) so that the item (a note, a touchpoint's card, a stage's header)
 * is in view; a note behind its block's "+N more" badge expands the block first.
 * Unknown ids and items the board does not show are ignored. */
void         tp_board_reveal_item      (TpBoard            *self,
                                        const char         *id);
/* After undo or redo: selects those of ids that are notes, stages or touchpoints still
 * in the document (a touchpoint goes with its stage when both are there) and moves the
 * keyboard focus to the last; when none is, keeps what remains of the current
 * selection. */
void         tp_board_select_affected  (TpBoard            *self,
                                        const char * const *ids);

/* Fits the selected items into the view (up to 200 %); FALSE when nothing selected is
 * on the board. The board.zoom-selection action (Ctrl+9). */
gboolean     tp_board_zoom_to_selection (TpBoard           *self);

/* The search's matches, highlighted until set to NULL; current (one of ids, or NULL)
 * more strongly. A current note behind its block's "+N more" is shown. */
void         tp_board_set_matches      (TpBoard            *self,
                                        const char * const *ids,
                                        const char         *current);

/* While on, everything the selection is not linked to is dimmed: "which touchpoints
 * deliver this value proposition?" The "focus-links" property. */
/* During a dot-voting round clicks and +/- keys give and take back dots, and what is out
 * of the round's scope is veiled; the board lets go of the round when it ends. */
void         tp_board_set_vote_round   (TpBoard            *self,
                                        TpVoteRound        *round);
TpVoteRound *tp_board_get_vote_round   (TpBoard            *self);
gboolean     tp_board_get_focus_links  (TpBoard            *self);
void         tp_board_set_focus_links  (TpBoard            *self,
                                        gboolean            focus_links);

/* Whether a note or a name is being edited in place, and ending that edit (committing
 * it) before something else reads the document, such as a save. */
gboolean     tp_board_get_editing      (TpBoard            *self);
void         tp_board_commit_editing   (TpBoard            *self);
/* Ctrl+Shift+1 … 8: the selected notes (or the one being captured) in that colour, as
 * on the board; for the window to pass on keys pressed elsewhere. TRUE if it was one
 * (keycode, 0 for none, finds the digit under a shifted symbol). */
gboolean     tp_board_colour_key       (TpBoard            *self,
                                        guint               keyval,
                                        guint               keycode,
                                        GdkModifierType     state);

/* The layout the board shows, up to date (transfer none), and the mapping between board
 * units and widget coordinates; for the inspector, tests and tooltips. */
TpLayout    *tp_board_get_layout       (TpBoard            *self);
void         tp_board_board_to_widget  (TpBoard            *self,
                                        double              bx,
                                        double              by,
                                        double             *wx,
                                        double             *wy);
void         tp_board_widget_to_board  (TpBoard            *self,
                                        double              wx,
                                        double              wy,
                                        double             *bx,
                                        double             *by);

/* Copy as Image (tp-board-image.c). The focus page is what the user is working on: the
 * smallest export page holding the selected notes, stages, touchpoints and links (a
 * region's, or the board's when they span regions), else the page of the region with
 * the most of it in view; TP_EXPORT_PAGE_BOARD when no region is in view. */
TpExportPage tp_board_get_focus_page   (TpBoard            *self);
/* Puts the focus page on the board's clipboard as image/png (at 2x), image/svg+xml and
 * its outline as text (tp-outline.h). The images are drawn in a worker thread from the
 * document as it is now. Fails with TP_EXPORT_ERROR_EMPTY when the page shows nothing,
 * and with G_IO_ERROR_CANCELLED when a newer copy took its place. */
void         tp_board_copy_image_async (TpBoard            *self,
                                        GCancellable       *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data);
gboolean     tp_board_copy_image_finish (TpBoard           *self,
                                         GAsyncResult      *result,
                                         GError           **error);

G_END_DECLS
