/* tp-board-private.h: what the board's files share.
 *
 * tp-board.c owns the object, its view (zoom, scroll, the layout shown) and its place in
 * the widget tree; tp-board-input.c turns pointer gestures into selection changes and
 * commands; tp-board-keyboard.c holds the keyboard focus, the keyboard contract and the
 * board.* actions; tp-board-edit.c edits a note, a stage's or a touchpoint's name in
 * place and runs rapid capture; tp-board-commands.c runs the Edit menu's commands
 * (delete, duplicate, cut, copy, paste); tp-board-journey.c is what the customer
 * journey adds (stages and touchpoints: focus, keys, moves, moments of truth);
 * tp-board-typing.c makes printable keys edit or create and runs the block and colour
 * chords; tp-board-emotion.c drags and keys the emotion curve's points;
 * tp-board-draw.c maps board units to the widget and paints, tp-board-journey-draw.c
 * the journey's overlays. The underscored functions that take input coordinates are
 * also how the tests drive the board.
 */
#pragma once

#include "tp-board.h"
#include "render/tp-layout-damage.h"

G_BEGIN_DECLS

/* The accent of selection, focus and drag feedback: GNOME's blue, #3584e4. */
#define TP_BOARD_ACCENT_RED   (0x35 / 255.0)
#define TP_BOARD_ACCENT_GREEN (0x84 / 255.0)
#define TP_BOARD_ACCENT_BLUE  (0xe4 / 255.0)

typedef enum {
  TP_BOARD_FOCUS_NONE,
  TP_BOARD_FOCUS_BLOCK,
  TP_BOARD_FOCUS_NOTE,
  TP_BOARD_FOCUS_STAGE,       /* focus_stage */
  TP_BOARD_FOCUS_TOUCHPOINT,  /* focus_touchpoint, held by focus_stage */
} TpBoardFocus;

typedef enum {
  TP_BOARD_DRAG_NONE,
  TP_BOARD_DRAG_PENDING,   /* pressed, not yet past the drag threshold */
  TP_BOARD_DRAG_RUBBER,
  TP_BOARD_DRAG_MOVE,         /* notes */
  TP_BOARD_DRAG_TOUCHPOINTS,
  TP_BOARD_DRAG_STAGE,
  TP_BOARD_DRAG_PAN,
  TP_BOARD_DRAG_LINK,         /* from a link handle, see tp-board-links.c */
  TP_BOARD_DRAG_EMOTION,      /* a point of the emotion curve, see tp-board-emotion.c */
} TpBoardDrag;

/* Whether a drag moves items (and shows a ghost and a drop indicator). */
#define TP_BOARD_DRAG_IS_MOVE(drag) ((drag) == TP_BOARD_DRAG_MOVE || \
                                     (drag) == TP_BOARD_DRAG_TOUCHPOINTS || \
                                     (drag) == TP_BOARD_DRAG_STAGE)

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
  /* Since the layout was last made: the notes' edits, whose tiles alone are painted
   * again after the relayout (damage), or a change that repaints them all. */
  TpLayoutDamage  *damage;
  guint            damage_all : 1;
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

  /* Keyboard focus: a block, or a note (whose block is focus_container too); a stage,
   * or a touchpoint (whose stage, as last seen, is focus_stage too). */
  TpBoardFocus     focus;
  TpContainer      focus_container;
  char            *focus_note;
  char            *focus_stage;
  char            *focus_touchpoint;

  /* The pointer. */
  gboolean         pointer_inside;
  double           pointer_x;
  double           pointer_y;
  TpHitKind        hover_kind;
  TpContainer      hover_container;
  char            *hover_id;        /* the note, touchpoint or stage (header) under it */
  gboolean         hover_add_stage; /* over the journey's "+" */
  gboolean         hover_emotion;   /* over a point of the emotion curve */

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
  char            *press_id;       /* the note, touchpoint or stage pressed, if any */
  TpItemKind       press_kind;
  gboolean         press_selected; /* it was selected already */
  TpRect           rubber;         /* board units */
  GStrv            rubber_base;    /* the selection a Shift or Ctrl rubber band adds to */
  GPtrArray       *drag_ids;       /* (element-type utf8) the items being moved */
  double           drag_dx;        /* where the ghost is, relative to the notes */
  double           drag_dy;
  gboolean         drop_valid;
  TpContainer      drop_container;
  char            *drop_stage;       /* where touchpoints go */
  guint            drop_index;
  TpRect           drop_indicator;
  GdkTexture      *drag_ghost;       /* a dragged stage's column, as painted */
  TpRect           drag_ghost_rect;  /* board units, where it was */
  double           drag_ghost_dy;    /* a card picked by a cell below it follows the
                                      * pointer by its middle */
  gboolean         space_held;
  gboolean         emotion_group;    /* an emotion drag has opened its undo step */
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
  /* The theme the board is painted in: the light one, or the dark one while the style
   * manager is dark (see tp-board-draw.c). */
  const TpTheme   *theme;

  /* In-place editing and rapid capture (see tp-board-edit.c). */
  GtkWidget       *editor;          /* GtkTextView, a child of the board */
  GtkCssProvider  *editor_css;
  char            *editor_css_text;
  char            *edit_id;
  TpItemKind       edit_kind;       /* a note's text, or a stage's or touchpoint's name */
  gboolean         capturing;
  TpItemKind       capture_kind;    /* notes, touchpoints, or one new stage */
  TpContainer      capture_container;
  char            *capture_stage;   /* where captured touchpoints go */
  guint64          capture_state;   /* the document's state right after the placeholder */
  GPtrArray       *captured;        /* (element-type utf8) items one capture made */
  int              capture_colour;  /* the colour captured notes get; -1: the default */
  gboolean         ending_edit;
  gboolean         editor_leaving;  /* the keyboard is going elsewhere: let it */

  /* Links (see tp-board-links.c). */
  char            *handle_id;       /* the note or touchpoint showing the link handle */
  gboolean         handle_hover;    /* the pointer is on the handle */
  char            *hover_link;      /* the link whose curve is under the pointer */
  char            *link_source;     /* a link being dragged from this item … */
  char            *link_target;     /* … to this valid target under the pointer */
  double           link_bx;         /* the curve's free end, board units */
  double           link_by;
  gboolean         link_moved;      /* past the drag threshold: a drag, not a click */
  gboolean         focus_links;     /* dim what the selection is not linked to */
  GtkWidget       *link_picker;     /* the open TpLinkPicker, if any */

  /* The context menu (see tp-board-menu.c), made at its first use. */
  GtkWidget       *context_menu;
  /* The search's matches (see tp-board-find.c): a set of ids, and the current one. */
  GHashTable      *matches;
  char            *current_match;
  /* A dot-voting round in progress (see tp-board-vote.c), or NULL. */
  TpVoteRound     *vote_round;
  gulong           vote_changed_id;
};

/* The undo labels of the board's own multi-note steps. */
typedef enum {
  TP_BOARD_STEP_MOVE,
  TP_BOARD_STEP_DUPLICATE,
  TP_BOARD_STEP_CUT,
  TP_BOARD_STEP_PASTE,
  TP_BOARD_STEP_MOVE_TOUCHPOINT,
  TP_BOARD_STEP_MARK_MOMENT,
  TP_BOARD_STEP_UNMARK_MOMENT,
  TP_BOARD_STEP_DELETE_TOUCHPOINTS,
  TP_BOARD_STEP_DELETE_STAGES,
  TP_BOARD_STEP_DELETE_LINKS,
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
/* Fits rect (board units) into the view, zooming no further in than max_zoom. */
gboolean     _tp_board_zoom_to_rect        (TpBoard         *self,
                                            const TpRect    *rect,
                                            double           max_zoom);
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
/* Selects id (or adds it, extend), gives it the keyboard focus and brings it into view:
 * what moving with the keyboard does, for a note, a stage or a touchpoint. */
void         _tp_board_go_to               (TpBoard         *self,
                                            const char      *id,
                                            gboolean         extend);
/* The selected notes that exist, in board order (element-type utf8, owned). */
GPtrArray   *_tp_board_dup_selected_notes  (TpBoard         *self);
/* Where new notes go: the focused block, else the primary selected note's, with the
 * index after that note (or at the end). FALSE when the board has no such block. */
gboolean     _tp_board_get_target          (TpBoard         *self,
                                            TpContainer     *container,
                                            guint           *index);

/* tp-board-edit.c: editing in place and rapid capture */
void         _tp_board_edit_init           (TpBoard         *self);
void         _tp_board_edit_dispose        (TpBoard         *self);
gboolean     _tp_board_is_editing          (TpBoard         *self);
/* Edits a note's text, or a stage's or touchpoint's name. */
void         _tp_board_start_edit          (TpBoard         *self,
                                            const char      *id);
/* Adds an empty note at index of container and edits it; Enter commits it and starts
 * the next one there (rapid capture). */
void         _tp_board_start_capture       (TpBoard         *self,
                                            TpContainer      container,
                                            guint            index);
/* The same for touchpoints, in a stage (index G_MAXUINT: at its end). */
void         _tp_board_start_touchpoint_capture (TpBoard    *self,
                                                 const char *stage,
                                                 guint       index);
/* Adds an unnamed stage at index and names it; Enter commits it and ends. */
void         _tp_board_start_stage_capture (TpBoard         *self,
                                            guint            index);
/* Ends editing: commit writes the text (a capture drops an empty item); otherwise an
 * edited item is left as it was. */
void         _tp_board_end_edit            (TpBoard         *self,
                                            gboolean         commit);
/* Enter in the editor: commits, and in a capture goes on with the next item. */
void         _tp_board_editor_activate     (TpBoard         *self);
void         _tp_board_allocate_editor     (TpBoard         *self);
/* Types text into the editor as the keyboard would: replace, the item's old text goes
 * first (type to edit, as on a whiteboard). */
void         _tp_board_editor_type         (TpBoard         *self,
                                            const char      *text,
                                            gboolean         replace);
/* While capturing notes: this note and the next ones of the capture in colour. FALSE
 * when no notes are being captured. */
gboolean     _tp_board_set_capture_colour  (TpBoard         *self,
                                            TpNoteColour     colour);
/* Where the edited item is drawn, board units: area, the note, card or stage header
 * (grown with the text typed), and cover, what hides the old text behind the editor. */
gboolean     _tp_board_get_edit_rect       (TpBoard         *self,
                                            TpRect          *area,
                                            TpRect          *cover);

/* tp-board-typing.c: printable keys edit or create; chords reach blocks and colours */
void         _tp_board_typing_init         (TpBoard         *self);
/* A printable key while the board has the keyboard: edits the focused or selected item
 * with that text, or creates a note or touchpoint in the focused block or stage. */
gboolean     _tp_board_type_key            (TpBoard         *self,
                                            guint            keyval);
/* What a printable key starts, before its text: an edit of the item under the keyboard
 * with its text cleared, or a capture in the block or stage. FALSE when there is none. */
gboolean     _tp_board_begin_typing        (TpBoard         *self);
/* A dead key or Compose, which begins a character the input method finishes. */
gboolean     _tp_board_is_compose_key      (guint            keyval);
/* Alt+1 … 9 (a block by its number) and Ctrl+Shift+1 … 8 (a colour), on the board and
 * in the editor alike; keycode (0: none) finds the digit under a shifted symbol. */
gboolean     _tp_board_typing_chord        (TpBoard         *self,
                                            guint            keyval,
                                            guint            keycode,
                                            GdkModifierType  mods);
/* Focuses the canvas block numbered number (1 … 9) and brings it into view; ends an
 * edit in progress, keeping its text. */
gboolean     _tp_board_focus_block_number  (TpBoard         *self,
                                            guint            number);
/* The selected or focused notes, else the capture, in colour: one step. */
gboolean     _tp_board_apply_colour        (TpBoard         *self,
                                            TpNoteColour     colour);

/* tp-board-emotion.c: the emotion curve's points, dragged and keyed */
void         _tp_board_emotion_class_init  (GtkWidgetClass  *widget_class);
void         _tp_board_emotion_update_actions (TpBoard      *self,
                                               gboolean      idle);
/* The touchpoint whose curve point is at board point (bx, by), or NULL. */
const char  *_tp_board_emotion_point_at    (TpBoard         *self,
                                            double           bx,
                                            double           by);
/* A press on a curve point: its touchpoint is selected and the point follows the
 * pointer up and down, whole steps, as one undo step. */
void         _tp_board_begin_emotion_drag  (TpBoard         *self,
                                            const char      *id);
void         _tp_board_update_emotion_drag (TpBoard         *self,
                                            double           by);
/* keep: released; otherwise cancelled, and the emotion is as it was. */
void         _tp_board_end_emotion_drag    (TpBoard         *self,
                                            gboolean         keep);
/* Where a tooltip applies: rect, board units. */
void         _tp_board_set_tooltip_area    (TpBoard         *self,
                                            GtkTooltip      *tooltip,
                                            const TpRect    *rect);
/* Over a curve point: says how to change it. */
gboolean     _tp_board_emotion_query_tooltip (TpBoard       *self,
                                              double         bx,
                                              double         by,
                                              GtkTooltip    *tooltip);
/* Alt+Up, Alt+Down: the selected or focused touchpoints' emotion a step up or down. */
gboolean     _tp_board_step_emotion        (TpBoard         *self,
                                            int              delta);

/* tp-board-commands.c: the Edit menu's commands */
const char  *_tp_board_step_label          (TpBoardStep      step,
                                            guint            n_items);
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

/* tp-board-journey.c: stages and touchpoints */
void         _tp_board_journey_class_init  (GtkWidgetClass  *widget_class);
void         _tp_board_journey_init        (TpBoard         *self);
void         _tp_board_journey_update_actions (TpBoard      *self,
                                               gboolean      idle);
/* Keeps the focus right as stages and touchpoints move or go. */
void         _tp_board_journey_document_changed (TpBoard    *self,
                                                 guint       kind,
                                                 const char *id);
/* What a screen reader says of the focused stage or touchpoint; NULL for others. */
char        *_tp_board_journey_describe    (TpBoard         *self);
gboolean     _tp_board_journey_key_pressed (TpBoard         *self,
                                            guint            keyval,
                                            gboolean         shift);
/* A stage (NULL: nothing) or a touchpoint under the keyboard. Neither selects. */
void         _tp_board_focus_stage         (TpBoard         *self,
                                            const char      *id);
void         _tp_board_focus_touchpoint    (TpBoard         *self,
                                            const char      *id);
/* Focuses a note, a stage or a touchpoint, whichever id is. */
void         _tp_board_focus_item          (TpBoard         *self,
                                            const char      *id);
gboolean     _tp_board_is_journey_item     (TpBoard         *self,
                                            const char      *id);
/* The selected stages or touchpoints that exist, in board order (element-type utf8,
 * owned). */
GPtrArray   *_tp_board_dup_selected_journey (TpBoard        *self,
                                             TpItemKind      kind);
/* Every touchpoint, stage after stage (ids owned by the document). */
GPtrArray   *_tp_board_get_touchpoint_order (TpBoard        *self);
guint        _tp_board_count_touchpoints_before (TpBoard    *self,
                                                 const char *stage);
/* Where the keyboard goes once ids (stages, or touchpoints) are deleted. */
char        *_tp_board_dup_journey_neighbour (TpBoard       *self,
                                              GPtrArray     *ids);
/* Where Ctrl+Enter adds a stage. */
gboolean     _tp_board_get_new_stage_index (TpBoard         *self,
                                            guint           *index);
/* The touchpoints a key acts on: the selected ones, else the focused one (element-type
 * utf8, owned), in board order. */
GPtrArray   *_tp_board_dup_touchpoint_targets (TpBoard      *self);
gboolean     _tp_board_toggle_moment_of_truth (TpBoard      *self);
/* Ctrl+2: the journey in view, and the keyboard on its first stage. */
void         _tp_board_zoom_to_journey     (TpBoard         *self);
/* The "+" after the last stage (a view's affordance, not drawn in exports). */
gboolean     _tp_board_get_add_stage_rect  (TpBoard         *self,
                                            TpRect          *rect);
gboolean     _tp_board_is_add_stage_point  (TpBoard         *self,
                                            double           bx,
                                            double           by);
gboolean     _tp_board_is_after_stages     (TpBoard         *self,
                                            double           bx,
                                            double           by);
/* The whole text of the touchpoint (its column) or stage (its header) at a board point,
 * as tooltip markup, when the board cuts some of it short; NULL otherwise. area
 * (optional) receives the rect the text belongs to. */
char        *_tp_board_dup_journey_full_text (TpBoard       *self,
                                              double         bx,
                                              double         by,
                                              TpRect        *area);

/* tp-board-links.c: making, seeing and following links */
void         _tp_board_links_class_init    (GtkWidgetClass  *widget_class);
void         _tp_board_links_dispose       (TpBoard         *self);
void         _tp_board_links_update_actions (TpBoard        *self,
                                             gboolean        idle);
/* Where the pointer is: which item shows the handle, which curve lights up. */
void         _tp_board_links_hover         (TpBoard         *self,
                                            const TpHit     *hit,
                                            double           x,
                                            double           y,
                                            double           bx,
                                            double           by);
/* Whether (x, y), widget coordinates, is on the link handle shown. */
gboolean     _tp_board_is_handle_point     (TpBoard         *self,
                                            double           x,
                                            double           y);
/* A press on the handle: a link is dragged from its item (board point bx, by). */
void         _tp_board_begin_link_drag     (TpBoard         *self,
                                            double           bx,
                                            double           by);
void         _tp_board_update_link_drag    (TpBoard         *self,
                                            double           x,
                                            double           y,
                                            double           bx,
                                            double           by);
/* drop: released (makes the link over a valid target; a click without a drag opens
 * the picker); otherwise cancelled. */
void         _tp_board_end_link_drag       (TpBoard         *self,
                                            gboolean         drop);
/* A press between items: selects the link whose curve is there, if any. */
gboolean     _tp_board_press_link          (TpBoard         *self,
                                            double           bx,
                                            double           by,
                                            GdkModifierType  state);
/* Ctrl+K: the searchable list of what the primary selected note or touchpoint can link to. */
gboolean     _tp_board_start_link_picker   (TpBoard         *self);
void         _tp_board_dismiss_link_picker (TpBoard         *self);
/* The selected links that exist (element-type utf8, owned). */
GPtrArray   *_tp_board_dup_selected_links  (TpBoard         *self);
/* After the tiles: emphasised links, both ends outlined, the focus veil. */
/* Dot voting (tp-board-vote.c): each returns whether it handled the event. */
gboolean     _tp_board_vote_pressed        (TpBoard         *self,
                                            guint            button,
                                            double           x,
                                            double           y,
                                            GdkModifierType  state);
gboolean     _tp_board_vote_key            (TpBoard         *self,
                                            guint            keyval,
                                            GdkModifierType  state);
void         _tp_board_snapshot_vote       (TpBoard         *self,
                                            GtkSnapshot     *snapshot);
void         _tp_board_vote_dispose        (TpBoard         *self);
void         _tp_board_snapshot_links      (TpBoard         *self,
                                            GtkSnapshot     *snapshot);
/* Last: the handle, or the curve being dragged and the targets it could reach. */
void         _tp_board_snapshot_link_drag  (TpBoard         *self,
                                            GtkSnapshot     *snapshot);

/* tp-board-menu.c: context menus */
void         _tp_board_menu_class_init     (GtkWidgetClass  *widget_class);
void         _tp_board_menu_init           (TpBoard         *self);
void         _tp_board_menu_dispose        (TpBoard         *self);
/* Selects what is at (x, y), widget coordinates, and opens its menu there. */
void         _tp_board_popup_menu_at       (TpBoard         *self,
                                            double           x,
                                            double           y);

/* tp-board-find.c: search matches, zoom to selection */
/* Where an item shows, board units: a note, a card, a stage's header, a link's ends. */
gboolean     _tp_board_get_item_rect       (TpBoard         *self,
                                            const char      *id,
                                            TpRect          *rect);
void         _tp_rect_union                (const TpRect    *a,
                                            const TpRect    *b,
                                            TpRect          *out);
void         _tp_board_snapshot_matches    (TpBoard         *self,
                                            GtkSnapshot     *snapshot);
void         _tp_board_find_dispose        (TpBoard         *self);

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
/* Paints the kept tiles again inside board rects (TpRect), and queues a draw. */
void         _tp_board_repaint_tiles       (TpBoard         *self,
                                            GArray          *rects);
void         _tp_board_draw_init           (TpBoard         *self);
void         _tp_board_draw_dispose        (TpBoard         *self);
void         _tp_board_colour_to_rgba      (const TpColour  *colour,
                                            double           alpha,
                                            GdkRGBA         *rgba);
void         _tp_board_accent              (double           alpha,
                                            GdkRGBA         *rgba);
/* A line of width around rect, gap outside it, following its rounded corners. */
void         _tp_board_append_outline      (GtkSnapshot           *snapshot,
                                            const graphene_rect_t *rect,
                                            double                 radius,
                                            double                 gap,
                                            double                 width,
                                            const GdkRGBA         *colour);
void         _tp_board_append_rounded_fill (GtkSnapshot           *snapshot,
                                            const graphene_rect_t *rect,
                                            double                 radius,
                                            const GdkRGBA         *colour);
/* The bar where a drag would drop, if it can. */
void         _tp_board_append_drop_indicator (TpBoard       *self,
                                              GtkSnapshot   *snapshot);

/* tp-board-journey-draw.c: the journey's overlays */
void         _tp_board_snapshot_add_stage  (TpBoard         *self,
                                            GtkSnapshot     *snapshot);
void         _tp_board_snapshot_journey_hover (TpBoard      *self,
                                               GtkSnapshot  *snapshot);
void         _tp_board_snapshot_journey_selection (TpBoard  *self,
                                                   GtkSnapshot *snapshot);
void         _tp_board_snapshot_journey_focus (TpBoard      *self,
                                               GtkSnapshot  *snapshot);
void         _tp_board_snapshot_journey_drag (TpBoard       *self,
                                              GtkSnapshot   *snapshot);
void         _tp_board_snapshot_journey_edit (TpBoard       *self,
                                              GtkSnapshot   *snapshot);
/* Paints a stage's column once, as it is lifted for a drag. */
void         _tp_board_lift_stage          (TpBoard         *self,
                                            const char      *id);

G_END_DECLS
