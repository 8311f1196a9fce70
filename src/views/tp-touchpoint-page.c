/* tp-touchpoint-page.c: the inspector's page for one touchpoint.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "model/tp-enums.h"

#include "tp-field-rows.h"
#include "tp-item-list.h"
#include "tp-kpi-editor.h"
#include "tp-link-rows.h"
#include "tp-touchpoint-page.h"

/* The four scores of a moment of truth, in the order of their rows. */
typedef enum {
  RATING_EXPECTATION,
  RATING_EXPERIENCE,
  RATING_IMPACT,
  RATING_FEASIBILITY,
  N_RATINGS
} Rating;

static const struct
{
  gsize       offset;   /* of the guint in TpTouchpoint */
  const char *label;    /* of the undo step */
} ratings[N_RATINGS] = {
  { G_STRUCT_OFFSET (TpTouchpoint, expectation), N_("Set Expectation") },
  { G_STRUCT_OFFSET (TpTouchpoint, experience), N_("Set Experience") },
  { G_STRUCT_OFFSET (TpTouchpoint, impact), N_("Set Impact") },
  { G_STRUCT_OFFSET (TpTouchpoint, feasibility), N_("Set Feasibility") },
};

/* The faces of the emotion scale, −2 … +2, as the board draws them on the curve. */
static const struct
{
  const char *icon;
  const char *label;
} emotions[] = {
  { "face-angry-symbolic", N_("Frustrated") },
  { "face-sad-symbolic", N_("Unhappy") },
  { "face-plain-symbolic", N_("Neutral") },
  { "face-smile-symbolic", N_("Pleased") },
  { "face-smile-big-symbolic", N_("Delighted") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (emotions) == TP_EMOTION_MAX - TP_EMOTION_MIN + 1);

struct _TpTouchpointPage
{
  AdwBin             parent_instance;

  TpDocument        *document;
  gulong             changed_id;
  char              *id;

  /* Set while the rows are filled from the document, so that their signals do not turn
   * the document's own state back into commands. */
  gboolean           syncing;

  TpItemList        *pains;
  TpItemList        *opportunities;
  TpItemList        *actions;
  TpItemList        *needs;
  TpItemList        *kpis;
  GtkToggleButton   *rating_buttons[N_RATINGS][TP_SCORE_MAX];

  /* Template widgets */
  GtkScrolledWindow *scroller;
  GtkLabel          *stage_label;
  AdwEntryRow       *name_row;
  AdwEntryRow       *channel_row;
  AdwEntryRow       *action_row;
  AdwComboRow       *persona_row;
  GtkSpinButton     *votes_spin;
  GtkAdjustment     *votes_adjustment;
  GtkLabel          *emotion_label;
  GtkImage          *emotion_face;
  GtkScale          *emotion_scale;
  GtkListBox        *pains_box;
  GtkListBox        *opportunities_box;
  GtkSwitch         *mot_switch;
  GtkWidget         *gap_group;
  AdwActionRow      *rating_rows[N_RATINGS];
  GtkLabel          *gap_label;
  AdwComboRow       *strategy_row;
  GtkWidget         *plan_group;
  GtkListBox        *actions_box;
  GtkListBox        *needs_box;
  GtkListBox        *kpis_box;
  GtkMenuButton     *add_kpi_button;
  TpLinkRows        *links;
};

G_DEFINE_FINAL_TYPE (TpTouchpointPage, tp_touchpoint_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_TOUCHPOINT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REVEAL_ITEM,
  START_LINK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint *
rating_field (TpTouchpoint *touchpoint,
              Rating        rating)
{
  return &G_STRUCT_MEMBER (guint, touchpoint, ratings[rating].offset);
}

/* Editing: a copy of the touchpoint, changed and committed as one command. */

static TpTouchpoint *
begin_edit (TpTouchpointPage *self)
{
  if (self->syncing || self->document == NULL || self->id == NULL ||
      tp_document_lookup_kind (self->document, self->id, TP_ITEM_TOUCHPOINT) == NULL)
    return NULL;

  return (TpTouchpoint *) tp_document_edit_begin (self->document, self->id);
}

static void
commit (TpTouchpointPage *self,
        TpTouchpoint     *copy,
        const char       *label,
        gboolean          merge)
{
  tp_document_edit_commit (self->document, &copy->item, label, merge);
}

static void
edit_text (TpTouchpointPage *self,
           AdwEntryRow      *row,
           gsize             offset,
           const char       *label)
{
  TpTouchpoint *copy = begin_edit (self);
  char **field;

  if (copy == NULL)
    return;

  field = &G_STRUCT_MEMBER (char *, copy, offset);
  g_free (*field);
  *field = tp_field_clean_text (gtk_editable_get_text (GTK_EDITABLE (row)));

  /* Merged, so that typing a word is one undo step rather than one per letter. */
  commit (self, copy, label, TRUE);
}

static void
on_name_changed (TpTouchpointPage *self)
{
  edit_text (self, self->name_row, G_STRUCT_OFFSET (TpTouchpoint, name), _("Rename Touchpoint"));
}

static void
on_channel_changed (TpTouchpointPage *self)
{
  edit_text (self, self->channel_row, G_STRUCT_OFFSET (TpTouchpoint, channel), _("Set Channel"));
}

static void
on_action_changed (TpTouchpointPage *self)
{
  edit_text (self, self->action_row, G_STRUCT_OFFSET (TpTouchpoint, action), _("Set Customer Action"));
}

static void
on_persona_selected (TpTouchpointPage *self)
{
  TpTouchpoint *copy;

  if (adw_combo_row_get_selected (self->persona_row) == GTK_INVALID_LIST_POSITION ||
      (copy = begin_edit (self)) == NULL)
    return;

  g_free (copy->persona);
  copy->persona = g_strdup (tp_field_get_persona (self->persona_row));
  commit (self, copy, _("Set Persona"), FALSE);
}

static void
on_votes_changed (TpTouchpointPage *self)
{
  TpTouchpoint *copy;

  if ((copy = begin_edit (self)) == NULL)
    return;

  copy->votes = (guint) gtk_spin_button_get_value_as_int (self->votes_spin);
  commit (self, copy, _("Vote"), TRUE);
}

static void
show_emotion (TpTouchpointPage *self,
              int               emotion)
{
  const char *label = _(emotions[emotion - TP_EMOTION_MIN].label);
  const char *suffix = tp_field_emotion_suffix (emotion);

  gtk_label_set_label (self->emotion_label, label);
  gtk_image_set_from_icon_name (self->emotion_face, emotions[emotion - TP_EMOTION_MIN].icon);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->emotion_scale), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->emotion_scale),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, label,
                                  -1);
  tp_field_set_variant_class (GTK_WIDGET (self->emotion_label), "tp-emotion-", suffix);
  tp_field_set_variant_class (GTK_WIDGET (self->emotion_face), "tp-emotion-", suffix);
  tp_field_set_variant_class (GTK_WIDGET (self->emotion_scale), "tp-emotion-", suffix);
}

static void
on_emotion_changed (TpTouchpointPage *self)
{
  int emotion = CLAMP ((int) gtk_range_get_value (GTK_RANGE (self->emotion_scale)),
                       TP_EMOTION_MIN, TP_EMOTION_MAX);
  TpTouchpoint *copy;

  show_emotion (self, emotion);

  if ((copy = begin_edit (self)) == NULL)
    return;

  copy->emotion = emotion;
  /* Merged, so that a drag across the scale is one step. */
  commit (self, copy, _("Set Emotion"), TRUE);
}

void
tp_touchpoint_page_set_moment_of_truth (TpDocument *document,
                                        const char *id,
                                        gboolean    moment_of_truth)
{
  TpTouchpoint *copy;

  g_return_if_fail (TP_IS_DOCUMENT (document));

  if (tp_document_lookup_kind (document, id, TP_ITEM_TOUCHPOINT) == NULL)
    return;

  copy = (TpTouchpoint *) tp_document_edit_begin (document, id);
  tp_touchpoint_set_moment_of_truth (copy, moment_of_truth);
  tp_document_edit_commit (document, &copy->item,
                           moment_of_truth ? _("Mark as Moment of Truth") : _("Unmark Moment of Truth"),
                           FALSE);
}

static void
on_mot_toggled (TpTouchpointPage *self)
{
  if (self->syncing || self->document == NULL || self->id == NULL)
    return;

  tp_touchpoint_page_set_moment_of_truth (self->document, self->id,
                                          gtk_switch_get_active (self->mot_switch));
}

static void
on_rating_toggled (GtkToggleButton  *button,
                   TpTouchpointPage *self)
{
  Rating rating = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "tp-rating"));
  guint score = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "tp-score"));
  TpTouchpoint *copy;

  if (self->syncing)
    return;

  /* Selecting the chosen score again clears it: "not scored" is a value of its own. */
  if (!gtk_toggle_button_get_active (button))
    score = 0;

  self->syncing = TRUE;
  for (guint s = 1; s <= TP_SCORE_MAX; s++)
    gtk_toggle_button_set_active (self->rating_buttons[rating][s - 1], s == score);
  self->syncing = FALSE;

  if ((copy = begin_edit (self)) == NULL)
    return;

  *rating_field (copy, rating) = score;
  commit (self, copy, _(ratings[rating].label), FALSE);
}

static void
on_strategy_selected (TpTouchpointPage *self)
{
  guint strategy = adw_combo_row_get_selected (self->strategy_row);
  TpTouchpoint *copy;

  if (strategy >= TP_N_STRATEGIES || (copy = begin_edit (self)) == NULL)
    return;

  copy->strategy = strategy;
  commit (self, copy, _("Set Strategy"), FALSE);
}

static void
on_list_changed (gpointer    data,
                 TpItemList *list,
                 const char *label,
                 gboolean    merge)
{
  TpTouchpointPage *self = data;
  TpTouchpoint *copy = begin_edit (self);
  GPtrArray **field;

  if (copy == NULL)
    return;

  if (list == self->pains)
    field = &copy->pains;
  else if (list == self->opportunities)
    field = &copy->opportunities;
  else if (list == self->actions)
    field = &copy->actions;
  else if (list == self->needs)
    field = &copy->needs;
  else
    field = &copy->kpis;

  g_ptr_array_unref (*field);
  *field = tp_item_list_dup_items (list);
  commit (self, copy, label, merge);
}

static void
on_add_pain (TpTouchpointPage *self)
{
  tp_item_list_append (self->pains, g_strdup (""), NULL);
}

static void
on_add_opportunity (TpTouchpointPage *self)
{
  tp_item_list_append (self->opportunities, g_strdup (""), NULL);
}

static void
on_add_action (TpTouchpointPage *self)
{
  tp_item_list_append (self->actions, tp_action_item_new ("", "", TP_ACTION_TO_DO), NULL);
}

static void
on_add_need (TpTouchpointPage *self)
{
  g_autofree char *id = NULL;

  if (self->document == NULL)
    return;

  id = tp_document_make_id (self->document, "k");
  tp_item_list_append (self->needs, tp_kano_need_new (id, ""), NULL);
}

static void
add_kpi_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TpTouchpointPage *self = TP_TOUCHPOINT_PAGE (widget);
  guint kind;

  if (self->document == NULL || self->id == NULL ||
      !tp_enum_from_nick (TP_ENUM_KPI_KIND, g_variant_get_string (parameter, NULL), &kind))
    return;

  tp_item_list_append (self->kpis, tp_kpi_editor_create_kpi (self->document, kind), _("Add KPI"));
}

static void
on_delete_clicked (TpTouchpointPage *self)
{
  g_autofree char *id = g_strdup (self->id);

  if (self->document != NULL && id != NULL)
    tp_document_delete (self->document, (const char * const *) &id, 1);
}

/* The linked notes' rows ask the inspector, which asks the window. */

static void
on_reveal_item (TpTouchpointPage *self,
                const char       *id)
{
  g_signal_emit (self, signals[REVEAL_ITEM], 0, id);
}

static void
on_start_link (TpTouchpointPage *self)
{
  g_signal_emit (self, signals[START_LINK], 0);
}

/* Showing the touchpoint */

static void
sync_gap (TpTouchpointPage *self,
          TpTouchpoint     *touchpoint)
{
  GtkWidget *badge = GTK_WIDGET (self->gap_label);
  static const char * const severities[] = {
    N_("No gap: the experience meets the expectation"),
    N_("A small gap"),
    N_("A large gap"),
  };

  if (touchpoint->expectation == 0 || touchpoint->experience == 0)
    {
      gtk_label_set_label (self->gap_label, "—");
      gtk_widget_set_tooltip_text (badge, _("Score the expectation and the experience to see the gap"));
      tp_field_set_variant_class (badge, "tp-gap-", "none");
    }
  else
    {
      int gap = (int) touchpoint->expectation - (int) touchpoint->experience;
      guint severity = tp_field_gap_severity (gap);
      char suffix[2] = { (char) ('0' + severity), '\0' };
      g_autofree char *text = gap < 0 ? g_strdup_printf ("−%d", -gap) : g_strdup_printf ("%d", gap);

      gtk_label_set_label (self->gap_label, text);
      gtk_widget_set_tooltip_text (badge, _(severities[severity]));
      tp_field_set_variant_class (badge, "tp-gap-", suffix);
    }
}

static void
sync_rows (TpTouchpointPage *self)
{
  TpTouchpoint *touchpoint = NULL;
  TpStage *stage;
  g_autofree char *stage_text = NULL;

  if (self->document != NULL && self->id != NULL)
    touchpoint = tp_document_lookup_kind (self->document, self->id, TP_ITEM_TOUCHPOINT);

  /* Gone (deleted, or undone away): the inspector moves on to another page. */
  if (touchpoint == NULL)
    return;

  self->syncing = TRUE;

  stage = tp_document_lookup_kind (self->document, touchpoint->stage, TP_ITEM_STAGE);
  /* Translators: under the inspector's heading, the stage a touchpoint is in. */
  stage_text = stage != NULL ? g_strdup_printf (_("In %s"), stage->name) : g_strdup ("");
  gtk_label_set_label (self->stage_label, stage_text);

  tp_field_set_text (GTK_EDITABLE (self->name_row), touchpoint->name);
  tp_field_set_text (GTK_EDITABLE (self->channel_row), touchpoint->channel);
  tp_field_set_text (GTK_EDITABLE (self->action_row), touchpoint->action);
  tp_field_sync_persona_combo (self->persona_row, self->document, touchpoint->persona);
  /* As the note's field: votes above what the spin button offers show as they are. */
  gtk_adjustment_set_upper (self->votes_adjustment, MAX (99, touchpoint->votes));
  gtk_spin_button_set_value (self->votes_spin, touchpoint->votes);

  if ((int) gtk_range_get_value (GTK_RANGE (self->emotion_scale)) != touchpoint->emotion)
    gtk_range_set_value (GTK_RANGE (self->emotion_scale), touchpoint->emotion);
  show_emotion (self, CLAMP (touchpoint->emotion, TP_EMOTION_MIN, TP_EMOTION_MAX));

  tp_item_list_sync (self->pains, touchpoint->pains);
  tp_item_list_sync (self->opportunities, touchpoint->opportunities);

  gtk_switch_set_active (self->mot_switch, touchpoint->moment_of_truth);
  gtk_widget_set_visible (self->gap_group, touchpoint->moment_of_truth);
  gtk_widget_set_visible (self->plan_group, touchpoint->moment_of_truth);
  for (Rating r = 0; r < N_RATINGS; r++)
    for (guint s = 1; s <= TP_SCORE_MAX; s++)
      gtk_toggle_button_set_active (self->rating_buttons[r][s - 1], *rating_field (touchpoint, r) == s);
  sync_gap (self, touchpoint);
  if (adw_combo_row_get_selected (self->strategy_row) != touchpoint->strategy)
    adw_combo_row_set_selected (self->strategy_row, touchpoint->strategy);
  tp_item_list_sync (self->actions, touchpoint->actions);

  tp_item_list_sync (self->needs, touchpoint->needs);
  tp_item_list_sync (self->kpis, touchpoint->kpis);

  self->syncing = FALSE;
}

static void
on_document_changed (TpTouchpointPage *self,
                     TpChangeKind      kind,
                     const char       *id,
                     TpDocument       *document)
{
  /* Every change, not only the touchpoint's own: its stage may be renamed, its persona
   * recoloured. Syncing compares before it sets, so this is cheap. */
  sync_rows (self);
}

/* GObject */

static void
init_rating_buttons (TpTouchpointPage *self)
{
  for (Rating r = 0; r < N_RATINGS; r++)
    {
      GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                     "valign", GTK_ALIGN_CENTER,
                                     "css-classes", (const char *[]) { "linked", "tp-score-buttons", NULL },
                                     NULL);
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self->rating_rows[r]));

      for (guint s = 1; s <= TP_SCORE_MAX; s++)
        {
          char text[4];
          g_autofree char *name = NULL;
          GtkWidget *button;

          g_snprintf (text, sizeof text, "%u", s);
          /* Translators: the accessible name of a score button, as in "Expectation 4". */
          name = g_strdup_printf (_("%s %u"), title, s);
          button = g_object_new (GTK_TYPE_TOGGLE_BUTTON, "label", text, NULL);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                          -1);
          g_object_set_data (G_OBJECT (button), "tp-rating", GUINT_TO_POINTER (r));
          g_object_set_data (G_OBJECT (button), "tp-score", GUINT_TO_POINTER (s));
          g_signal_connect (button, "toggled", G_CALLBACK (on_rating_toggled), self);
          gtk_box_append (GTK_BOX (box), button);
          self->rating_buttons[r][s - 1] = GTK_TOGGLE_BUTTON (button);
        }

      adw_action_row_add_suffix (self->rating_rows[r], box);
    }
}

static void
tp_touchpoint_page_dispose (GObject *object)
{
  TpTouchpointPage *self = TP_TOUCHPOINT_PAGE (object);

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);

  g_clear_pointer (&self->pains, tp_item_list_free);
  g_clear_pointer (&self->opportunities, tp_item_list_free);
  g_clear_pointer (&self->actions, tp_item_list_free);
  g_clear_pointer (&self->needs, tp_item_list_free);
  g_clear_pointer (&self->kpis, tp_item_list_free);

  G_OBJECT_CLASS (tp_touchpoint_page_parent_class)->dispose (object);
}

static void
tp_touchpoint_page_finalize (GObject *object)
{
  TpTouchpointPage *self = TP_TOUCHPOINT_PAGE (object);

  g_free (self->id);

  G_OBJECT_CLASS (tp_touchpoint_page_parent_class)->finalize (object);
}

static void
tp_touchpoint_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TpTouchpointPage *self = TP_TOUCHPOINT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_TOUCHPOINT:
      g_value_set_string (value, self->id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_touchpoint_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TpTouchpointPage *self = TP_TOUCHPOINT_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      tp_touchpoint_page_set_document (self, g_value_get_object (value));
      break;

    case PROP_TOUCHPOINT:
      tp_touchpoint_page_set_touchpoint (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_touchpoint_page_class_init (TpTouchpointPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_touchpoint_page_dispose;
  object_class->finalize = tp_touchpoint_page_finalize;
  object_class->get_property = tp_touchpoint_page_get_property;
  object_class->set_property = tp_touchpoint_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TP_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TOUCHPOINT] =
    g_param_spec_string ("touchpoint", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TpTouchpointPage::reveal-item:
   * @self: the page
   * @id: the id of a note linked to the touchpoint
   *
   * Emitted when the row of a linked note is activated: the user wants to go to it.
   */
  signals[REVEAL_ITEM] =
    g_signal_new ("reveal-item", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * TpTouchpointPage::start-link:
   * @self: the page
   *
   * Emitted when the user asks to link the touchpoint to a note ("Link to…").
   */
  signals[START_LINK] =
    g_signal_new ("start-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (TP_TYPE_LINK_ROWS);

  gtk_widget_class_install_action (widget_class, "touchpoint.add-kpi", "s", add_kpi_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/tp-touchpoint-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TpTouchpointPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, TpTouchpointPage, stage_label);
  gtk_widget_class_bind_template_child (widget_class, TpTouchpointPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, TpTouchpointPage, channel_row);
  gtk_widget_class_bind_template_child (widget_class, TpTouchpointPage, action_row);
  gtk_widget_class_bind_template_child (widget_class, TpTouchpointPage, persona_row);
  gtk_widget_class_bind_template_child (widget_class, TpTouchpointPage, votes_spin);
  gtk_widget_class_bind_template_child (widget_class, TpTouchpointPage, votes_adjustment);
  gtk_widget_class_bind_template_child (widget_class, TpTouchpointPage, emotion_label);
  gtk_widget_class_bind_template_child (widget_class, TpTouchpointPage, emotion_face);
  gtk_widget_class_bind_template_child (widget_class, TpTouchpointPage, emotion_scale);
  gtk_widget_class_bind_template_child (widget_class, TpTouchpointPage, pains_box);
  gtk_widget_class_bind_template_child (widget_class, TpTouchpointPage, opportunities_box);
  gtk_widget_class_bind_template_child (widget_class, TpTouchpointPage, mot_switch);
  gtk_widget_class_bind_template_child (widget_class, TpTouchpointPage, gap_group);
  gtk_widget_class_bind_template_child_full (widget_class, "expectation_row", FALSE,
                                             G_STRUCT_OFFSET (TpTouchpointPage, rating_rows[RATING_EXPECTATION]));
  gtk_widget_class_bind_template_child_full (widget_class, "experience_row", FALSE,
                                             G_STRUCT_OFFSET (TpTouchpointPage, rating_rows[RATING_EXPERIENCE]));
  gtk_widget_class_bind_template_child_full (widget_class, "impact_row", FALSE,
                                             G_STRUCT_OFFSET (TpTouchpointPage, rating_rows[RATING_IMPACT]));
  gtk_widget_class_bind_template_child_full (widget_class, "feasibility_row", FALSE,
                                             G_STRUCT_OFFSET (TpTouchpointPage, rating_rows[RATING_FEASIBILITY]));
  gtk_widget_class_bind_template_child (widget_class, TpTouchpointPage, gap_label);
  gtk_widget_class_bind_template_child (widget_class, TpTouchpointPage, strategy_row);
  gtk_widget_class_bind_template_child (widget_class, TpTouchpointPage, plan_group);
  gtk_widget_class_bind_template_child (widget_class, TpTouchpointPage, actions_box);
  gtk_widget_class_bind_template_child (widget_class, TpTouchpointPage, needs_box);
  gtk_widget_class_bind_template_child (widget_class, TpTouchpointPage, kpis_box);
  gtk_widget_class_bind_template_child (widget_class, TpTouchpointPage, add_kpi_button);
  gtk_widget_class_bind_template_child (widget_class, TpTouchpointPage, links);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_channel_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_action_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_votes_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_persona_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_emotion_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_mot_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_strategy_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_add_pain);
  gtk_widget_class_bind_template_callback (widget_class, on_add_opportunity);
  gtk_widget_class_bind_template_callback (widget_class, on_add_action);
  gtk_widget_class_bind_template_callback (widget_class, on_add_need);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_reveal_item);
  gtk_widget_class_bind_template_callback (widget_class, on_start_link);

  gtk_widget_class_set_css_name (widget_class, "tp-touchpoint-page");
}

static void
tp_touchpoint_page_init (TpTouchpointPage *self)
{
  g_autoptr(GMenuModel) add_menu = tp_kpi_editor_create_add_menu ("touchpoint.add-kpi");

  /* The template's handlers run from here on, with nothing to edit yet. */
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  tp_field_init_editable (GTK_EDITABLE (self->name_row));
  tp_field_init_editable (GTK_EDITABLE (self->channel_row));
  tp_field_init_editable (GTK_EDITABLE (self->action_row));
  tp_field_init_persona_combo (self->persona_row);
  tp_field_init_enum_combo (self->strategy_row, TP_ENUM_STRATEGY);
  gtk_menu_button_set_menu_model (self->add_kpi_button, add_menu);
  init_rating_buttons (self);

  for (int e = TP_EMOTION_MIN; e <= TP_EMOTION_MAX; e++)
    {
      g_autofree char *mark = e < 0 ? g_strdup_printf ("−%d", -e) : g_strdup_printf (e > 0 ? "+%d" : "%d", e);

      gtk_scale_add_mark (self->emotion_scale, e, GTK_POS_BOTTOM, mark);
    }
  show_emotion (self, 0);

  self->pains = tp_item_list_new (self->pains_box, &tp_item_list_text_class,
                                  _("Edit Pain Points"), _("Remove Pain Point"),
                                  on_list_changed, self);
  self->opportunities = tp_item_list_new (self->opportunities_box, &tp_item_list_text_class,
                                          _("Edit Opportunities"), _("Remove Opportunity"),
                                          on_list_changed, self);
  tp_item_list_set_row_title (self->pains, C_("touchpoint", "Pain Point"));
  tp_item_list_set_row_title (self->opportunities, C_("touchpoint", "Opportunity"));
  self->actions = tp_item_list_new (self->actions_box, &tp_item_list_action_class,
                                    _("Edit Action Plan"), _("Edit Action Plan"),
                                    on_list_changed, self);
  self->needs = tp_item_list_new (self->needs_box, &tp_item_list_need_class,
                                  _("Edit Kano Needs"), _("Remove Kano Need"),
                                  on_list_changed, self);
  self->kpis = tp_item_list_new (self->kpis_box, &tp_kpi_editor_list_class,
                                 _("Edit KPI"), _("Remove KPI"),
                                 on_list_changed, self);

  self->syncing = FALSE;

  tp_field_ensure_css (GTK_WIDGET (self));
}

/* Public API */

GtkWidget *
tp_touchpoint_page_new (void)
{
  return g_object_new (TP_TYPE_TOUCHPOINT_PAGE, NULL);
}

TpDocument *
tp_touchpoint_page_get_document (TpTouchpointPage *self)
{
  g_return_val_if_fail (TP_IS_TOUCHPOINT_PAGE (self), NULL);

  return self->document;
}

static void
forget_rows (TpTouchpointPage *self)
{
  /* Rows added but not filled in yet belong to the touchpoint they were added to. */
  tp_item_list_clear (self->pains);
  tp_item_list_clear (self->opportunities);
  tp_item_list_clear (self->actions);
  tp_item_list_clear (self->needs);
  tp_item_list_clear (self->kpis);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

void
tp_touchpoint_page_set_document (TpTouchpointPage *self,
                                 TpDocument       *document)
{
  g_return_if_fail (TP_IS_TOUCHPOINT_PAGE (self));
  g_return_if_fail (document == NULL || TP_IS_DOCUMENT (document));

  if (!tp_field_watch_document (&self->document, &self->changed_id, document,
                                G_CALLBACK (on_document_changed), self))
    return;

  tp_link_rows_set_document (self->links, document);
  forget_rows (self);
  sync_rows (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

const char *
tp_touchpoint_page_get_touchpoint (TpTouchpointPage *self)
{
  g_return_val_if_fail (TP_IS_TOUCHPOINT_PAGE (self), NULL);

  return self->id;
}

void
tp_touchpoint_page_set_touchpoint (TpTouchpointPage *self,
                                   const char       *id)
{
  g_return_if_fail (TP_IS_TOUCHPOINT_PAGE (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);

  tp_link_rows_set_item (self->links, id);
  forget_rows (self);
  sync_rows (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOUCHPOINT]);
}
