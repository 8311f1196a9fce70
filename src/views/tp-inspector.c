/* tp-inspector.c: the side panel that edits the fields of the selected items.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "model/tp-enums.h"
#include "render/tp-theme.h"

#include "tp-field-rows.h"
#include "tp-inspector.h"
#include "tp-link-page.h"
#include "tp-link-rows.h"
#include "tp-overview-page.h"
#include "tp-persona-page.h"
#include "tp-stage-page.h"
#include "tp-touchpoint-page.h"

/* The dot votes the spin button offers; a note that has more still shows its count. */
#define VOTES_SHOWN_MAX 99

struct _TpInspector
{
  AdwBin               parent_instance;

  TpDocument          *document;
  gulong               changed_id;
  TpSelection         *selection;
  gulong               selection_changed_id;

  /* The persona whose page the overview opened, while nothing is selected; NULL when
   * the overview shows. */
  char                *persona;

  /* The selected notes that exist, in selection order (element-type utf8). */
  GPtrArray           *notes;

  /* Set while the rows are filled from the document, so that their signals do not turn
   * the document's own state back into commands. */
  gboolean             syncing;
  /* Set while one change is applied note by note: the rows catch up once, at the end,
   * rather than showing a half-applied mixed state under the user's pointer. */
  gboolean             applying;

  /* Template widgets */
  GtkStack            *stack;
  TpOverviewPage      *overview_page;
  TpPersonaPage       *persona_page;
  TpStagePage         *stage_page;
  TpTouchpointPage    *touchpoint_page;
  TpLinkPage          *link_page;
  GtkLabel            *heading_label;
  GtkWidget           *text_group;
  GtkWidget           *text_card;
  GtkTextView         *text_view;
  GtkLabel            *colour_label;
  GtkBox              *swatch_box;
  AdwComboRow         *persona_row;
  AdwComboRow         *evidence_row;
  GtkWidget           *votes_row;
  GtkSpinButton       *votes_spin;
  GtkAdjustment       *votes_adjustment;
  GtkWidget           *block_row;
  GtkLabel            *block_label;
  TpLinkRows          *note_links;
  GtkButton           *delete_button;

  GtkToggleButton     *swatches[TP_N_NOTE_COLOURS];
};

G_DEFINE_FINAL_TYPE (TpInspector, tp_inspector, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REVEAL_ITEM,
  START_LINK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void sync_rows (TpInspector *self);

/* Colours */

static char *
colour_to_css (const TpColour *colour)
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) CLAMP (colour->red * 255.0 + 0.5, 0, 255),
                          (guint) CLAMP (colour->green * 255.0 + 0.5, 0, 255),
                          (guint) CLAMP (colour->blue * 255.0 + 0.5, 0, 255));
}

/* The swatches, the text card and the persona dots take their colours from the theme
 * table the board is drawn with, so that the panel can never disagree with the board.
 * The shapes are in style.css; only the colours are made here. */
static void
ensure_colour_css (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  const TpTheme *theme = tp_theme_get_default ();
  g_autoptr(GString) css = g_string_new (NULL);
  g_autoptr(GtkCssProvider) provider = NULL;
  g_autofree char *text = colour_to_css (&theme->note_text);

  if (g_object_get_data (G_OBJECT (display), "tp-inspector-css") != NULL)
    return;

  for (guint c = 0; c < TP_N_NOTE_COLOURS; c++)
    {
      g_autofree char *fill = colour_to_css (&theme->notes[c]);

      g_string_append_printf (css, ".tp-note-%s { background-color: %s; color: %s; }\n",
                              tp_enum_to_nick (TP_ENUM_NOTE_COLOUR, c), fill, text);
    }

  for (guint a = 0; a < TP_N_ACCENTS; a++)
    {
      g_autofree char *fill = colour_to_css (&theme->accents[a]);

      g_string_append_printf (css, ".tp-accent-%s { background-color: %s; }\n",
                              tp_enum_to_nick (TP_ENUM_ACCENT, a), fill);
    }

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css->str, (gssize) css->len);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "tp-inspector-css",
                          g_steal_pointer (&provider), g_object_unref);
}

static void
set_note_colour_class (GtkWidget    *widget,
                       TpNoteColour  colour)
{
  for (guint c = 0; c < TP_N_NOTE_COLOURS; c++)
    {
      g_autofree char *name = g_strconcat ("tp-note-", tp_enum_to_nick (TP_ENUM_NOTE_COLOUR, c), NULL);

      if (c == colour)
        gtk_widget_add_css_class (widget, name);
      else
        gtk_widget_remove_css_class (widget, name);
    }
}

/* Reading the selection */

static TpNote *
get_note (TpInspector *self,
          guint        index)
{
  return tp_document_lookup_kind (self->document,
                                  g_ptr_array_index (self->notes, index),
                                  TP_ITEM_NOTE);
}

static void
collect_notes (TpInspector *self)
{
  const char * const *ids;

  g_ptr_array_set_size (self->notes, 0);

  if (self->document == NULL || self->selection == NULL)
    return;

  /* Other kinds of items have pages of their own (or none yet): they are left out. */
  ids = tp_selection_get_ids (self->selection);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    if (tp_document_lookup_kind (self->document, ids[i], TP_ITEM_NOTE) != NULL)
      g_ptr_array_add (self->notes, g_strdup (ids[i]));
}

/* Editing: every change goes through the document, one undo step for all the notes. */

typedef void (*NoteEditFunc) (TpNote   *copy,
                              gconstpointer value);

static void
edit_notes (TpInspector   *self,
            const char    *label,
            gboolean       merge,
            NoteEditFunc   func,
            gconstpointer  value)
{
  g_auto(GStrv) ids = NULL;
  guint n;

  if (self->document == NULL || self->notes->len == 0)
    return;

  /* The "changed" handlers below may rebuild self->notes: work on a copy. */
  n = self->notes->len;
  ids = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    ids[i] = g_strdup (g_ptr_array_index (self->notes, i));

  self->applying = TRUE;

  if (n > 1)
    tp_document_begin_group (self->document, label);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TpItem) copy = NULL;

      if (tp_document_lookup_kind (self->document, ids[i], TP_ITEM_NOTE) == NULL)
        continue;

      copy = tp_document_edit_begin (self->document, ids[i]);
      func ((TpNote *) copy, value);
      /* A note that had the value already records nothing. */
      tp_document_edit_commit (self->document, g_steal_pointer (&copy), label, merge);
    }

  if (n > 1)
    tp_document_end_group (self->document);

  self->applying = FALSE;

  sync_rows (self);
}

static void
set_text (TpNote        *copy,
          gconstpointer  value)
{
  g_free (copy->text);
  copy->text = g_strdup (value);
}

static void
set_colour (TpNote        *copy,
            gconstpointer  value)
{
  copy->colour = *(const TpNoteColour *) value;
}

static void
set_persona (TpNote        *copy,
             gconstpointer  value)
{
  g_free (copy->persona);
  copy->persona = g_strdup (value);
}

static void
set_evidence (TpNote        *copy,
              gconstpointer  value)
{
  copy->evidence = *(const TpEvidence *) value;
}

static void
set_votes (TpNote        *copy,
           gconstpointer  value)
{
  copy->votes = *(const guint *) value;
}

static void
on_text_changed (TpInspector   *self,
                 GtkTextBuffer *buffer)
{
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  if (self->syncing || self->notes->len != 1)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  /* Written through at once, merged, so that typing a sentence is one undo step and the
   * board shows the words as they come: nothing waits to be committed when the
   * selection moves on. */
  edit_notes (self, _("Edit Note"), TRUE, set_text, text);
}

static void
on_swatch_toggled (TpInspector     *self,
                   GtkToggleButton *swatch)
{
  TpNoteColour colour;

  /* The swatch being switched off by its group is not a choice. */
  if (self->syncing || !gtk_toggle_button_get_active (swatch))
    return;

  colour = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (swatch), "tp-colour"));
  edit_notes (self, _("Change Colour"), FALSE, set_colour, &colour);
}

static void
on_persona_selected (TpInspector *self,
                     GParamSpec  *pspec,
                     AdwComboRow *row)
{
  if (self->syncing || adw_combo_row_get_selected (row) == GTK_INVALID_LIST_POSITION)
    return;

  edit_notes (self, _("Set Persona"), FALSE, set_persona, tp_field_get_persona (row));
}

static void
on_evidence_selected (TpInspector *self,
                      GParamSpec  *pspec,
                      AdwComboRow *row)
{
  guint selected = adw_combo_row_get_selected (row);
  TpEvidence evidence;

  if (self->syncing || selected >= TP_N_EVIDENCE)
    return;

  evidence = selected;
  edit_notes (self, _("Set Evidence"), FALSE, set_evidence, &evidence);
}

static void
on_votes_changed (TpInspector   *self,
                  GtkSpinButton *spin)
{
  guint votes;

  if (self->syncing)
    return;

  votes = (guint) gtk_spin_button_get_value_as_int (spin);

  /* Merged: clicking + five times is one step, like typing. */
  edit_notes (self, _("Vote"), TRUE, set_votes, &votes);
}

/* Showing the selection */

static void
set_combo_state (AdwComboRow *row,
                 gboolean     same,
                 guint        selected)
{
  /* No item stands for several values: the row shows none and says why. */
  adw_combo_row_set_selected (row, same ? selected : GTK_INVALID_LIST_POSITION);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               same ? NULL : C_("several different values", "Mixed"));
}

static void
sync_single (TpInspector *self,
             TpNote      *note)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree char *text = NULL;
  const char *value = note->text != NULL ? note->text : "";
  GtkTextIter start, end;

  gtk_label_set_label (self->heading_label, C_("inspector heading", "Note"));

  /* Setting equal text would still move the cursor while typing. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, value) != 0)
    gtk_text_buffer_set_text (buffer, value, -1);
  set_note_colour_class (self->text_card, note->colour);

  /* Votes above what the spin button offers are shown as they are, not clamped. */
  gtk_adjustment_set_upper (self->votes_adjustment, MAX (VOTES_SHOWN_MAX, note->votes));
  gtk_spin_button_set_value (self->votes_spin, note->votes);

  gtk_label_set_label (self->block_label, tp_enum_get_label (TP_ENUM_CONTAINER, note->container));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->block_label),
                               tp_container_get_hint (note->container));

  tp_link_rows_set_item (self->note_links, note->item.id);

  gtk_button_set_label (self->delete_button, _("_Delete Note"));
}

static void
sync_several (TpInspector *self)
{
  g_autofree char *heading = NULL;
  guint n = self->notes->len;

  /* Translators: the inspector's heading when several notes are selected. */
  heading = g_strdup_printf (ngettext ("%u Note", "%u Notes", n), n);
  gtk_label_set_label (self->heading_label, heading);
  tp_link_rows_set_item (self->note_links, NULL);
  gtk_button_set_label (self->delete_button, _("_Delete Notes"));
}

/* A stage, a touchpoint or a link selected last gets its own page, whatever else is
 * selected. */
static gboolean
show_item_page (TpInspector *self)
{
  const char *id = self->selection != NULL ? tp_selection_get_primary (self->selection) : NULL;
  TpItem *item = id != NULL && self->document != NULL ? tp_document_lookup (self->document, id) : NULL;

  if (item == NULL)
    return FALSE;

  switch (item->kind)
    {
    case TP_ITEM_STAGE:
      tp_stage_page_set_stage (self->stage_page, id);
      gtk_stack_set_visible_child_name (self->stack, "stage");
      return TRUE;

    case TP_ITEM_TOUCHPOINT:
      tp_touchpoint_page_set_touchpoint (self->touchpoint_page, id);
      gtk_stack_set_visible_child_name (self->stack, "touchpoint");
      return TRUE;

    case TP_ITEM_LINK:
      tp_link_page_set_link (self->link_page, id);
      gtk_stack_set_visible_child_name (self->stack, "link");
      return TRUE;

    case TP_ITEM_META:
    case TP_ITEM_NOTE:
    case TP_ITEM_PERSONA:
    default:
      return FALSE;
    }
}

static void
sync_rows (TpInspector *self)
{
  TpNote *first;
  gboolean same_colour = TRUE;
  gboolean same_persona = TRUE;
  gboolean same_evidence = TRUE;
  gboolean single;

  if (self->applying || show_item_page (self))
    return;

  collect_notes (self);

  if (self->notes->len == 0)
    {
      /* A persona is not on the board, so it is never selected: its page stays while
       * the user works in it, and gives way to the overview once it is gone (deleted, or
       * undone away). */
      if (self->persona != NULL && self->document != NULL &&
          tp_document_lookup_kind (self->document, self->persona, TP_ITEM_PERSONA) != NULL)
        {
          tp_persona_page_set_persona (self->persona_page, self->persona);
          gtk_stack_set_visible_child_name (self->stack, "persona");
        }
      else
        {
          g_clear_pointer (&self->persona, g_free);
          gtk_stack_set_visible_child_name (self->stack, "document");
        }
      return;
    }

  first = get_note (self, 0);
  single = self->notes->len == 1;

  self->syncing = TRUE;

  /* Before comparing: a persona is compared by its place in the row's list. */
  tp_field_update_persona_items (self->persona_row, self->document);

  for (guint i = 1; i < self->notes->len; i++)
    {
      TpNote *note = get_note (self, i);

      same_colour &= note->colour == first->colour;
      same_persona &= tp_field_get_persona_position (self->persona_row, note->persona) == tp_field_get_persona_position (self->persona_row, first->persona);
      same_evidence &= note->evidence == first->evidence;
    }

  if (single)
    sync_single (self, first);
  else
    sync_several (self);

  gtk_widget_set_visible (self->text_group, single);
  gtk_widget_set_visible (self->votes_row, single);
  gtk_widget_set_visible (self->block_row, single);
  gtk_widget_set_visible (GTK_WIDGET (self->note_links), single);

  for (guint c = 0; c < TP_N_NOTE_COLOURS; c++)
    gtk_toggle_button_set_active (self->swatches[c], same_colour && c == first->colour);
  gtk_label_set_label (self->colour_label,
                       same_colour ? tp_enum_get_label (TP_ENUM_NOTE_COLOUR, first->colour)
                                   : C_("several different values", "Mixed"));

  set_combo_state (self->persona_row, same_persona, tp_field_get_persona_position (self->persona_row, first->persona));
  set_combo_state (self->evidence_row, same_evidence, first->evidence);

  self->syncing = FALSE;

  gtk_stack_set_visible_child_name (self->stack, "notes");
}

static void
on_document_changed (TpInspector  *self,
                     TpChangeKind  kind,
                     const char   *id,
                     TpDocument   *document)
{
  sync_rows (self);
}

static void
on_selection_changed (TpInspector *self,
                      TpSelection *selection)
{
  /* Choosing anything on the board leaves the persona's page. */
  g_clear_pointer (&self->persona, g_free);
  sync_rows (self);
}

static void
on_show_persona (TpInspector *self,
                 const char  *id,
                 gboolean     added)
{
  /* The page belongs to the overview, which shows while nothing is selected. Cleared
   * first: a selection change leaves the persona's page. */
  if (self->selection != NULL)
    tp_selection_clear (self->selection);
  g_free (self->persona);
  self->persona = g_strdup (id);
  sync_rows (self);

  /* A new one is named first; an existing one's name is not put where a stray key would
   * replace it. */
  if (added && g_str_equal (gtk_stack_get_visible_child_name (self->stack), "persona"))
    tp_persona_page_focus_name (self->persona_page);
}

static void
on_persona_done (TpInspector *self)
{
  g_clear_pointer (&self->persona, g_free);
  sync_rows (self);
}

/* Any page's rows that lead to another item (a link's other end) or start a link. */
static void
on_reveal_item (TpInspector *self,
                const char  *id)
{
  g_signal_emit (self, signals[REVEAL_ITEM], 0, id);
}

static void
on_start_link (TpInspector *self)
{
  g_signal_emit (self, signals[START_LINK], 0);
}

static void
init_rows (TpInspector *self)
{
  g_autoptr(GtkStringList) evidence = gtk_string_list_new (NULL);

  for (guint c = 0; c < TP_N_NOTE_COLOURS; c++)
    {
      const char *meaning = tp_enum_get_label (TP_ENUM_NOTE_COLOUR, c);
      g_autofree char *colour_class = g_strconcat ("tp-note-", tp_enum_to_nick (TP_ENUM_NOTE_COLOUR, c), NULL);
      /* Translators: a colour swatch's tooltip: the colour, then its key on the board
       * (Ctrl+Shift+1 … 8, in the swatches' order). */
      g_autofree char *tooltip = g_strdup_printf (_("%s (Ctrl+Shift+%u)"), meaning, c + 1);
      GtkWidget *swatch;

      swatch = g_object_new (GTK_TYPE_TOGGLE_BUTTON,
                             "child", g_object_new (GTK_TYPE_IMAGE,
                                                    "icon-name", "object-select-symbolic",
                                                    "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                                    NULL),
                             "tooltip-text", tooltip,
                             "halign", GTK_ALIGN_CENTER,
                             "valign", GTK_ALIGN_CENTER,
                             "css-classes", (const char *[]) { "tp-swatch", colour_class, NULL },
                             "group", c > 0 ? self->swatches[0] : NULL,
                             NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (swatch),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, meaning,
                                      -1);
      g_object_set_data (G_OBJECT (swatch), "tp-colour", GUINT_TO_POINTER (c));
      g_signal_connect_object (swatch, "toggled", G_CALLBACK (on_swatch_toggled), self,
                               G_CONNECT_SWAPPED);

      self->swatches[c] = GTK_TOGGLE_BUTTON (swatch);
      gtk_box_append (self->swatch_box, swatch);
    }

  tp_field_init_persona_combo (self->persona_row);

  for (guint e = 0; e < TP_N_EVIDENCE; e++)
    gtk_string_list_append (evidence, tp_enum_get_label (TP_ENUM_EVIDENCE, e));
  adw_combo_row_set_model (self->evidence_row, G_LIST_MODEL (evidence));

  /* Edits belong to the document's history; the buffer's own undo would fight it for
   * Ctrl+Z and leave the two histories out of step. */
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->text_view), FALSE);
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_text_changed), self, G_CONNECT_SWAPPED);
  tp_field_limit_text_view (self->text_view);
}

/* GObject */

static void
tp_inspector_dispose (GObject *object)
{
  TpInspector *self = (TpInspector *) object;

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);
  if (self->selection != NULL)
    g_clear_signal_handler (&self->selection_changed_id, self->selection);
  g_clear_object (&self->selection);

  /* No gtk_widget_dispose_template(): the stack is AdwBin's child, and AdwBin unparents
   * it (and so every row) in its own dispose; unparenting it here first would leave
   * AdwBin holding a dangling child. */

  G_OBJECT_CLASS (tp_inspector_parent_class)->dispose (object);
}

static void
tp_inspector_finalize (GObject *object)
{
  TpInspector *self = (TpInspector *) object;

  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_free (self->persona);

  G_OBJECT_CLASS (tp_inspector_parent_class)->finalize (object);
}

static void
tp_inspector_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TpInspector *self = TP_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_inspector_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TpInspector *self = TP_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      tp_inspector_set_document (self, g_value_get_object (value));
      break;

    case PROP_SELECTION:
      tp_inspector_set_selection (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_inspector_class_init (TpInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_inspector_dispose;
  object_class->finalize = tp_inspector_finalize;
  object_class->get_property = tp_inspector_get_property;
  object_class->set_property = tp_inspector_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TP_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL,
                         TP_TYPE_SELECTION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TpInspector::reveal-item:
   * @self: the inspector
   * @id: the id of a note or touchpoint
   *
   * Emitted when the user asks to go to an item from one of the panel's rows (the other
   * end of a link): the window shows it on the board and selects it.
   */
  signals[REVEAL_ITEM] =
    g_signal_new ("reveal-item", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * TpInspector::start-link:
   * @self: the inspector
   *
   * Emitted when the user asks to link the selected note or touchpoint ("Link to…"):
   * the board, which the panel cannot reach, takes it from there.
   */
  signals[START_LINK] =
    g_signal_new ("start-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (TP_TYPE_OVERVIEW_PAGE);
  g_type_ensure (TP_TYPE_PERSONA_PAGE);
  g_type_ensure (TP_TYPE_STAGE_PAGE);
  g_type_ensure (TP_TYPE_TOUCHPOINT_PAGE);
  g_type_ensure (TP_TYPE_LINK_PAGE);
  g_type_ensure (TP_TYPE_LINK_ROWS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/tp-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, TpInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, TpInspector, overview_page);
  gtk_widget_class_bind_template_child (widget_class, TpInspector, stage_page);
  gtk_widget_class_bind_template_child (widget_class, TpInspector, persona_page);
  gtk_widget_class_bind_template_child (widget_class, TpInspector, touchpoint_page);
  gtk_widget_class_bind_template_child (widget_class, TpInspector, link_page);
  gtk_widget_class_bind_template_child (widget_class, TpInspector, heading_label);
  gtk_widget_class_bind_template_child (widget_class, TpInspector, text_group);
  gtk_widget_class_bind_template_child (widget_class, TpInspector, text_card);
  gtk_widget_class_bind_template_child (widget_class, TpInspector, text_view);
  gtk_widget_class_bind_template_child (widget_class, TpInspector, colour_label);
  gtk_widget_class_bind_template_child (widget_class, TpInspector, swatch_box);
  gtk_widget_class_bind_template_child (widget_class, TpInspector, persona_row);
  gtk_widget_class_bind_template_child (widget_class, TpInspector, evidence_row);
  gtk_widget_class_bind_template_child (widget_class, TpInspector, votes_row);
  gtk_widget_class_bind_template_child (widget_class, TpInspector, votes_spin);
  gtk_widget_class_bind_template_child (widget_class, TpInspector, votes_adjustment);
  gtk_widget_class_bind_template_child (widget_class, TpInspector, block_row);
  gtk_widget_class_bind_template_child (widget_class, TpInspector, block_label);
  gtk_widget_class_bind_template_child (widget_class, TpInspector, note_links);
  gtk_widget_class_bind_template_child (widget_class, TpInspector, delete_button);
  gtk_widget_class_bind_template_callback (widget_class, on_persona_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_evidence_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_votes_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_reveal_item);
  gtk_widget_class_bind_template_callback (widget_class, on_start_link);
  gtk_widget_class_bind_template_callback (widget_class, on_show_persona);
  gtk_widget_class_bind_template_callback (widget_class, on_persona_done);

  gtk_widget_class_set_css_name (widget_class, "tp-inspector");
}

static void
tp_inspector_init (TpInspector *self)
{
  self->notes = g_ptr_array_new_with_free_func (g_free);

  /* The template's handlers run from here on: the rows they read must exist first. */
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  init_rows (self);
  self->syncing = FALSE;

  ensure_colour_css (GTK_WIDGET (self));
  sync_rows (self);
}

/* Public API */

GtkWidget *
tp_inspector_new (void)
{
  return g_object_new (TP_TYPE_INSPECTOR, NULL);
}

TpDocument *
tp_inspector_get_document (TpInspector *self)
{
  g_return_val_if_fail (TP_IS_INSPECTOR (self), NULL);

  return self->document;
}

void
tp_inspector_set_document (TpInspector *self,
                           TpDocument  *document)
{
  g_return_if_fail (TP_IS_INSPECTOR (self));
  g_return_if_fail (document == NULL || TP_IS_DOCUMENT (document));

  if (!tp_field_watch_document (&self->document, &self->changed_id, document,
                                G_CALLBACK (on_document_changed), self))
    return;

  tp_overview_page_set_document (self->overview_page, document);
  tp_stage_page_set_document (self->stage_page, document);
  tp_persona_page_set_document (self->persona_page, document);
  tp_touchpoint_page_set_document (self->touchpoint_page, document);
  tp_link_page_set_document (self->link_page, document);
  tp_link_rows_set_document (self->note_links, document);
  sync_rows (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

TpSelection *
tp_inspector_get_selection (TpInspector *self)
{
  g_return_val_if_fail (TP_IS_INSPECTOR (self), NULL);

  return self->selection;
}

void
tp_inspector_set_selection (TpInspector *self,
                            TpSelection *selection)
{
  g_return_if_fail (TP_IS_INSPECTOR (self));
  g_return_if_fail (selection == NULL || TP_IS_SELECTION (selection));

  if (self->selection == selection)
    return;

  if (self->selection != NULL)
    g_clear_signal_handler (&self->selection_changed_id, self->selection);

  g_set_object (&self->selection, selection);

  if (selection != NULL)
    self->selection_changed_id = g_signal_connect_object (selection, "changed",
                                                          G_CALLBACK (on_selection_changed), self,
                                                          G_CONNECT_SWAPPED);

  sync_rows (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}
