/* tp-board-private.h: what the board's files share.
 *
 * tp-board.c owns the object, its view (zoom, scroll, the layout shown) and its place in
 * the widget tree; tp-board-input.c turns pointer gestures into selection changes and
 * commands; tp-board-keyboard.c holds the keyboard focus, the keyboard contract and the
 * board.* actions; tp-board-edit.c edits a note in place and runs the Edit menu's
 * commands (delete, duplicate, cut, copy, paste); tp-board-draw.c maps board units to
 * the widget and paints. The underscored functions that take input coordinates are
 * also how the tests drive the board.
 */
#pragma once

#include "tp-board.h"

G_BEGIN_DECLS

/* The accent of selection, focus and drag feedback: GNOME's blue, #3584e4. */
#define TP_BOARD_ACCENT_RED   (0x35 / 255.0)
#define TP_BOARD_ACCENT_GREEN (0x84 / 255.0)
#define TP_BOARD_ACCENT_BLUE  (0xe4 / 255.0)

typedef enum {
  TP_BOARD_FOCUS_NONE,
  TP_BOARD_FOCUS_BLOCK,
  TP_BOARD_FOCUS_NOTE,
} TpBoardFocus;

typedef enum {
  TP_BOARD_DRAG_NONE,
  TP_BOARD_DRAG_PENDING,   /* pressed, not yet past the drag threshold */
  TP_BOARD_DRAG_RUBBER,
  TP_BOARD_DRAG_MOVE,
  TP_BOARD_DRAG_PAN,
} TpBoardDrag;

struct _TpBoard
{
  GtkWidget        parent_instance;

  TpDocument      *document;
  gulong           document_changed_id;
  TpSelection     *selection;
  gulong           selection_changed_id;
  /* The selected ids as a set: drawing asks once per visible note. */
  GHashTable      *selected;
  gboolean         pruning_selection;  /* removing deleted ids from it */

  TpLayout        *layout;
  TpRect           bounds;        /* the layout's, as the adjustments know them */
  guint            layout_dirty : 1;
  guint            view_pending : 1;   /* choose a first view at the next allocation: */
  guint            pending_region;     /* a region, or TP_N_REGIONS for the whole board */

  /* The view: zoom, and scroll offsets in widget pixels (GtkScrollable). */
  double           zoom;
  GtkAdjustment   *hadjustment;
  GtkAdjustment   *vadjustment;
  guint            hscroll_policy : 1;
  guint            vscroll_policy : 1;
  /* A zoom by wheel or pinch settles before the board is painted afresh at it. */
  guint            settle_id;

  /* Keyboard focus: a block, or a note (whose block is focus_container too). */
  TpBoardFocus     focus;
  TpContainer      focus_container;
  char            *focus_note;

  /* The pointer. */
  gboolean         pointer_inside;
  double           pointer_x;
  double           pointer_y;
  TpHitKind        hover_kind;
  TpContainer      hover_container;
  char            *hover_note;

  /* A press and what it turns into. */
  TpBoardDrag      drag;
  guint            drag_button;
  GdkModifierType  drag_state;
  double           drag_start_x;   /* widget */
  double           drag_start_y;
  double           drag_start_bx;  /* board */
  double           drag_start_by;
  double           drag_hvalue;    /* scroll when a pan began */
  double           drag_vvalue;
  char            *press_note;     /* the note pressed, if any */
  gboolean         press_selected; /* it was selected already */
  TpRect           rubber;         /* board units */
  GStrv            rubber_base;    /* the selection a Shift or Ctrl rubber band adds to */
  GPtrArray       *drag_ids;       /* (element-type utf8) the notes being moved */
  double           drag_dx;        /* where the ghost is, relative to the notes */
  double           drag_dy;
  gboolean         drop_valid;
  TpContainer      drop_container;
  guint            drop_index;
  TpRect           drop_indicator;
  gboolean         space_held;
  guint            autoscroll_id;    /* tick callback while a drag is at an edge */
  guint32          last_press_time;  /* for counting double clicks */
  double           last_press_x;
  double           last_press_y;
  guint            last_press_button;
  int              n_press;
  double           pinch_zoom;       /* when a pinch began, and the board point */
  double           pinch_bx;         /* between the fingers then */
  double           pinch_by;

  /* Painted tiles of the board at tiles_zoom (see tp-board-draw.c). */
  GHashTable      *tiles;
  double           tiles_zoom;
  int              tiles_scale;
  guint            prefetch_id;

  /* In-place editing and rapid capture (see tp-board-edit.c). */
  GtkWidget       *editor;          /* GtkTextView, a child of the board */
  GtkCssProvider  *editor_css;
  char            *editor_css_text;
  char            *edit_id;
  gboolean         capturing;
  TpContainer      capture_container;
  guint64          capture_state;   /* the document's state right after the placeholder */
  GPtrArray       *captured;        /* (element-type utf8) notes one capture made */
  gboolean         ending_edit;
  gboolean         editor_leaving;  /* the keyboard is going elsewhere: let it */
};

/* The undo labels of the board's own multi-note steps. */
typedef enum {
  TP_BOARD_STEP_MOVE,
  TP_BOARD_STEP_DUPLICATE,
  TP_BOARD_STEP_CUT,
  TP_BOARD_STEP_PASTE,
} TpBoardStep;

/* A board smaller than the view is centred in it: the space on either side. */
static inline double
_tp_board_centring (double view,
                    double content)
{
  return content < view ? (view - content) / 2 : 0;
}

/* tp-board.c: the view */
void         _tp_board_ensure_layout       (TpBoard         *self);
/* Zooms about (x, y) in widget coordinates; settle: a wheel or pinch in progress, so the
 * board is scaled for now and painted afresh once the zoom rests. */
void         _tp_board_zoom_about          (TpBoard         *self,
                                            double           zoom,
                                            double           x,
                                            double           y,
                                            gboolean         settle);
/* Zooms so that board point (bx, by) lands on widget point (wx, wy): a pinch zooms and
 * pans at once. */
void         _tp_board_zoom_keeping        (TpBoard         *self,
                                            double           zoom,
                                            double           bx,
                                            double           by,
                                            double           wx,
                                            double           wy,
                                            gboolean         settle);
gboolean     _tp_board_zoom_is_settling    (TpBoard         *self);
void         _tp_board_scroll_by           (TpBoard         *self,
                                            double           dx,
                                            double           dy);
void         _tp_board_scroll_to           (TpBoard         *self,
                                            double           hvalue,
                                            double           vvalue);
/* Pans the least needed to bring rect (board units) into view. */
void         _tp_board_reveal_rect         (TpBoard         *self,
                                            const TpRect    *rect);
/* Expands a note's block when the note is hidden behind "+N more". */
void         _tp_board_show_note           (TpBoard         *self,
                                            const char      *id);

/* tp-board-input.c: the pointer */
void         _tp_board_input_init          (TpBoard         *self);
void         _tp_board_pointer_pressed     (TpBoard         *self,
                                            guint            button,
                                            int              n_press,
                                            double           x,
                                            double           y,
                                            GdkModifierType  state);
void         _tp_board_pointer_moved       (TpBoard         *self,
                                            double           x,
                                            double           y);
void         _tp_board_pointer_released    (TpBoard         *self,
                                            double           x,
                                            double           y);
void         _tp_board_pointer_cancelled   (TpBoard         *self);
void         _tp_board_hover               (TpBoard         *self,
                                            double           x,
                                            double           y);
/* dx, dy in wheel detents (wheel TRUE) or in pixels. */
void         _tp_board_scroll_event        (TpBoard         *self,
                                            double           dx,
                                            double           dy,
                                            gboolean         wheel,
                                            GdkModifierType  state);

/* tp-board-keyboard.c: focus, selection, keys and actions */
void         _tp_board_class_init_actions  (GtkWidgetClass  *widget_class);
void         _tp_board_keyboard_init       (TpBoard         *self);
/* Recomputes which board.* actions are enabled: the one place that decides. */
void         _tp_board_update_actions      (TpBoard         *self);
void         _tp_board_update_accessible   (TpBoard         *self);
gboolean     _tp_board_key_pressed         (TpBoard         *self,
                                            guint            keyval,
                                            GdkModifierType  state);
void         _tp_board_key_released        (TpBoard         *self,
                                            guint            keyval,
                                            GdkModifierType  state);
void         _tp_board_focus_block         (TpBoard         *self,
                                            TpContainer      container);
void         _tp_board_focus_note          (TpBoard         *self,
                                            const char      *id);
/* The selected notes that exist, in board order (element-type utf8, owned). */
GPtrArray   *_tp_board_dup_selected_notes  (TpBoard         *self);
/* Where new notes go: the focused block, else the primary selected note's, with the
 * index after that note (or at the end). FALSE when the board has no such block. */
gboolean     _tp_board_get_target          (TpBoard         *self,
                                            TpContainer     *container,
                                            guint           *index);

/* tp-board-edit.c: editing in place, rapid capture, and the Edit menu's commands */
void         _tp_board_edit_init           (TpBoard         *self);
void         _tp_board_edit_dispose        (TpBoard         *self);
gboolean     _tp_board_is_editing          (TpBoard         *self);
void         _tp_board_start_edit          (TpBoard         *self,
                                            const char      *id);
/* Adds an empty note at index of container and edits it; Enter commits it and starts
 * the next one there (rapid capture). */
void         _tp_board_start_capture       (TpBoard         *self,
                                            TpContainer      container,
                                            guint            index);
/* Ends editing: commit writes the text (a capture drops an empty note); otherwise an
 * edited note is left as it was. */
void         _tp_board_end_edit            (TpBoard         *self,
                                            gboolean         commit);
/* Enter in the editor: commits, and in a capture goes on with the next note. */
void         _tp_board_editor_activate     (TpBoard         *self);
void         _tp_board_allocate_editor     (TpBoard         *self);
/* Where the edited note is drawn, board units: note, its outline (grown with the text
 * typed), and cover, what hides the note's old text behind the editor. */
gboolean     _tp_board_get_edit_rect       (TpBoard         *self,
                                            TpRect          *note,
                                            TpRect          *cover);
const char  *_tp_board_step_label          (TpBoardStep      step,
                                            guint            n_notes);
/* What note commands act on: the selected notes, else the focused note (element-type
 * utf8, owned), in board order. */
GPtrArray   *_tp_board_dup_targets         (TpBoard         *self);
void         _tp_board_select_all          (TpBoard         *self);
void         _tp_board_delete_selection    (TpBoard         *self);
void         _tp_board_duplicate_selection (TpBoard         *self);
void         _tp_board_copy_selection      (TpBoard         *self,
                                            gboolean         cut);
void         _tp_board_paste               (TpBoard         *self);
/* Pastes what a clipboard held: the private format if there is one, else text. */
void         _tp_board_paste_data          (TpBoard         *self,
                                            GBytes          *notes,
                                            const char      *text);

/* tp-board-draw.c: coordinates and painting */
/* The part of the board in view, in board units. */
void         _tp_board_get_visible         (TpBoard         *self,
                                            TpRect          *visible);
/* A board rect in widget coordinates. */
void         _tp_board_rect_to_widget      (TpBoard         *self,
                                            const TpRect    *rect,
                                            graphene_rect_t *out);
void         _tp_board_snapshot            (GtkWidget       *widget,
                                            GtkSnapshot     *snapshot);
/* Forgets the painted board, after the document, the layout or the scale changed. */
void         _tp_board_drop_tiles          (TpBoard         *self);
void         _tp_board_draw_dispose        (TpBoard         *self);

G_END_DECLS
