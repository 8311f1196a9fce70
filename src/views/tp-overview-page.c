/* tp-overview-page.c: a document's metadata and what it contains.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "model/tp-enums.h"

#include "tp-field-rows.h"
#include "tp-overview-page.h"

/* The metadata fields the page edits, in the order of the rows. */
typedef enum {
  FIELD_TITLE,
  FIELD_ORGANISATION,
  FIELD_FACILITATOR,
  FIELD_DATE,
  N_FIELDS
} Field;

/* The undo label of an edit to each field. */
static const char * const field_labels[N_FIELDS] = {
  N_("Rename Workshop"),
  N_("Change Organisation"),
  N_("Change Facilitator"),
  N_("Change Date"),
};

typedef enum {
  COUNT_CANVAS_NOTES,
  COUNT_VALUE_CHAIN_NOTES,
  COUNT_STAGES,
  COUNT_TOUCHPOINTS,
  COUNT_MOMENTS_OF_TRUTH,
  COUNT_LINKS,
  N_COUNTS
} Count;

struct _TpOverviewPage
{
  AdwBin       parent_instance;

  TpDocument  *document;
  gulong       changed_id;

  /* Set while the rows are being filled from the document, so that their "changed"
   * signals do not turn the document's own state back into new commands. */
  gboolean     updating;

  AdwEntryRow *rows[N_FIELDS];
  GtkLabel    *counts[N_COUNTS];
  GtkCalendar *calendar;
  GtkPopover  *calendar_popover;
  GtkListBox  *personas_list;
  GtkWidget   *add_persona_button;
  /* What the persona rows show, to rebuild them only when that changed. */
  char        *personas_shown;
  /* Set while the calendar is moved to the row's date, which is not the user's pick. */
  gboolean     syncing_calendar;
};

G_DEFINE_FINAL_TYPE (TpOverviewPage, tp_overview_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SHOW_PERSONA,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char **
meta_field (TpMeta *meta,
            Field   field)
{
  switch (field)
    {
    case FIELD_TITLE:        return &meta->title;
    case FIELD_ORGANISATION: return &meta->organisation;
    case FIELD_FACILITATOR:  return &meta->facilitator;
    case FIELD_DATE:         return &meta->date;
    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

/* Strictly YYYY-MM-DD naming a real day, as the file format requires; "" means no date. */
static gboolean
date_is_valid (const char *text)
{
  guint year, month, day;

  if (text[0] == '\0')
    return TRUE;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);

  return year >= 1 && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static void
update_date_style (TpOverviewPage *self)
{
  GtkWidget *row = GTK_WIDGET (self->rows[FIELD_DATE]);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (date_is_valid (text))
    gtk_widget_remove_css_class (row, "error");
  else
    gtk_widget_add_css_class (row, "error");
}

static void
update_rows (TpOverviewPage *self)
{
  const TpMeta *meta = NULL;

  if (self->document != NULL)
    meta = tp_document_get_meta (self->document);

  self->updating = TRUE;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      GtkEditable *editable = GTK_EDITABLE (self->rows[i]);
      const char *value = "";

      if (meta != NULL && *meta_field ((TpMeta *) meta, i) != NULL)
        value = *meta_field ((TpMeta *) meta, i);

      /* Setting equal text would still move the cursor to the end while typing. */
      if (g_strcmp0 (gtk_editable_get_text (editable), value) != 0)
        {
          gtk_editable_set_text (editable, value);
          gtk_editable_set_position (editable, -1);
        }
    }

  self->updating = FALSE;

  update_date_style (self);
}

static guint
count_moments_of_truth (TpDocument *document)
{
  GPtrArray *stages = tp_document_get_stages (document);
  guint n = 0;

  for (guint i = 0; i < stages->len; i++)
    {
      TpStage *stage = g_ptr_array_index (stages, i);

      for (guint j = 0; j < stage->touchpoints->len; j++)
        {
          TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, j);

          if (touchpoint->moment_of_truth)
            n++;
        }
    }

  return n;
}

static void
update_counts (TpOverviewPage *self)
{
  guint values[N_COUNTS] = { 0 };

  if (self->document != NULL)
    {
      for (guint c = 0; c < TP_N_CONTAINERS; c++)
        {
          guint n = tp_document_get_notes (self->document, c)->len;

          if (TP_CONTAINER_IS_CANVAS (c))
            values[COUNT_CANVAS_NOTES] += n;
          else
            values[COUNT_VALUE_CHAIN_NOTES] += n;
        }

      values[COUNT_STAGES] = tp_document_get_stages (self->document)->len;
      values[COUNT_TOUCHPOINTS] = tp_document_get_n_touchpoints (self->document);
      values[COUNT_MOMENTS_OF_TRUTH] = count_moments_of_truth (self->document);
      values[COUNT_LINKS] = tp_document_get_links (self->document)->len;
    }

  for (guint i = 0; i < N_COUNTS; i++)
    {
      char text[16];

      g_snprintf (text, sizeof text, "%u", values[i]);
      gtk_label_set_label (self->counts[i], text);
    }
}

/* Personas */

static char *
describe_personas (TpDocument *document)
{
  GString *text = g_string_new (NULL);
  GPtrArray *personas = document != NULL ? tp_document_get_personas (document) : NULL;

  for (guint i = 0; personas != NULL && i < personas->len; i++)
    {
      TpPersona *persona = g_ptr_array_index (personas, i);

      g_string_append_printf (text, "%s\x1f%s\x1f%s\x1f%u\x1e", persona->item.id, persona->name,
                              persona->description != NULL ? persona->description : "", persona->accent);
    }

  return g_string_free (text, FALSE);
}

static GtkWidget *
persona_row_new (TpPersona *persona)
{
  g_autofree char *accent_class = g_strconcat ("tp-accent-", tp_enum_to_nick (TP_ENUM_ACCENT, persona->accent), NULL);
  gboolean unnamed = tp_field_is_blank (persona->name);
  GtkWidget *row = g_object_new (ADW_TYPE_ACTION_ROW,
                                 "title", unnamed ? _("Unnamed Persona") : persona->name,
                                 "subtitle", persona->description != NULL ? persona->description : "",
                                 "subtitle-lines", 2,
                                 "activatable", TRUE,
                                 "use-markup", FALSE,
                                 NULL);

  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             g_object_new (GTK_TYPE_BOX,
                                           "valign", GTK_ALIGN_CENTER,
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                           "css-classes", (const char *[]) { "tp-accent-dot", accent_class, NULL },
                                           NULL));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             g_object_new (GTK_TYPE_IMAGE,
                                           "icon-name", "go-next-symbolic",
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                           NULL));
  g_object_set_data_full (G_OBJECT (row), "tp-persona-id", g_strdup (persona->item.id), g_free);

  return row;
}

static void
update_personas (TpOverviewPage *self)
{
  g_autofree char *shown = describe_personas (self->document);
  GtkWidget *child;
  GPtrArray *personas;

  if (self->personas_shown != NULL && g_str_equal (shown, self->personas_shown))
    return;

  g_free (self->personas_shown);
  self->personas_shown = g_steal_pointer (&shown);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->personas_list))) != NULL)
    gtk_list_box_remove (self->personas_list, child);

  personas = self->document != NULL ? tp_document_get_personas (self->document) : NULL;
  for (guint i = 0; personas != NULL && i < personas->len; i++)
    gtk_list_box_append (self->personas_list, persona_row_new (g_ptr_array_index (personas, i)));

  /* An empty boxed list would be a thin empty frame: say what is missing instead. */
  gtk_widget_set_visible (GTK_WIDGET (self->personas_list), personas != NULL && personas->len > 0);
}

static void
on_persona_activated (TpOverviewPage *self,
                      GtkListBoxRow  *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "tp-persona-id");

  if (id != NULL)
    g_signal_emit (self, signals[SHOW_PERSONA], 0, id, FALSE);
}

static void
on_add_persona_clicked (TpOverviewPage *self)
{
  g_autofree char *name = NULL;
  const char *id;

  if (self->document == NULL)
    return;

  /* A name that reads on the board and in the legend until the facilitator gives one;
   * the persona page opens with it selected, so typing replaces it. */
  /* Translators: the name of a new persona, as in "Persona 3". */
  name = g_strdup_printf (_("Persona %u"), tp_document_get_personas (self->document)->len + 1);
  id = tp_document_add_persona (self->document, name, tp_document_pick_persona_accent (self->document));
  if (id != NULL)
    g_signal_emit (self, signals[SHOW_PERSONA], 0, id, TRUE);
}

static void
on_document_changed (TpOverviewPage *self,
                     TpChangeKind    kind,
                     const char     *id,
                     TpDocument     *document)
{
  g_assert (TP_IS_OVERVIEW_PAGE (self));

  if (g_strcmp0 (id, TP_META_ID) == 0)
    update_rows (self);

  update_counts (self);
  update_personas (self);
}

static void
on_row_changed (TpOverviewPage *self,
                GtkEditable    *editable)
{
  g_autoptr(TpItem) copy = NULL;
  const char *text;
  char **field;
  Field which = N_FIELDS;

  g_assert (TP_IS_OVERVIEW_PAGE (self));

  for (guint i = 0; i < N_FIELDS; i++)
    if (GTK_EDITABLE (self->rows[i]) == editable)
      which = i;
  g_assert (which != N_FIELDS);

  if (which == FIELD_DATE)
    update_date_style (self);

  if (self->updating || self->document == NULL)
    return;

  text = gtk_editable_get_text (editable);

  /* A half-typed date stays in the row, marked as an error, and only a valid one reaches
   * the document: the file format accepts nothing else, and saving must not fail. */
  if (which == FIELD_DATE && !date_is_valid (text))
    return;

  copy = tp_document_edit_begin (self->document, TP_META_ID);
  g_return_if_fail (copy != NULL);

  field = meta_field ((TpMeta *) copy, which);
  g_free (*field);
  *field = g_strdup (text);

  /* Merged, so that typing a word is one undo step rather than one per letter. */
  tp_document_edit_commit (self->document, g_steal_pointer (&copy),
                           _(field_labels[which]), TRUE);
}

static void
on_calendar_popover_show (TpOverviewPage *self,
                          GtkPopover     *popover)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->rows[FIELD_DATE]));
  g_autoptr(GDateTime) date = NULL;

  if (text[0] != '\0' && date_is_valid (text))
    {
      g_autofree char *iso = g_strconcat (text, "T00:00:00Z", NULL);

      date = g_date_time_new_from_iso8601 (iso, NULL);
    }

  if (date == NULL)
    date = g_date_time_new_now_local ();

  self->syncing_calendar = TRUE;
  gtk_calendar_select_day (self->calendar, date);
  self->syncing_calendar = FALSE;
}

static void
on_calendar_day_selected (TpOverviewPage *self,
                          GtkCalendar    *calendar)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *text = NULL;

  if (self->syncing_calendar)
    return;

  date = gtk_calendar_get_date (calendar);
  text = g_date_time_format (date, "%Y-%m-%d");

  gtk_popover_popdown (self->calendar_popover);
  gtk_editable_set_text (GTK_EDITABLE (self->rows[FIELD_DATE]), text);
}

static void
tp_overview_page_dispose (GObject *object)
{
  TpOverviewPage *self = (TpOverviewPage *) object;

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_object (&self->document);
  g_clear_pointer (&self->personas_shown, g_free);

  G_OBJECT_CLASS (tp_overview_page_parent_class)->dispose (object);
}

static void
tp_overview_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TpOverviewPage *self = TP_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_overview_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TpOverviewPage *self = TP_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      tp_overview_page_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tp_overview_page_class_init (TpOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tp_overview_page_dispose;
  object_class->get_property = tp_overview_page_get_property;
  object_class->set_property = tp_overview_page_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TP_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TpOverviewPage::show-persona:
   * @id: the persona's id
   * @added: whether the user just added it (rather than chose it in the list)
   *
   * The user chose a persona in the list, or added one: the inspector shows its page.
   */
  signals[SHOW_PERSONA] = g_signal_new ("show-persona", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                        G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/tp-overview-page.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "title_row", FALSE,
                                             G_STRUCT_OFFSET (TpOverviewPage, rows[FIELD_TITLE]));
  gtk_widget_class_bind_template_child_full (widget_class, "organisation_row", FALSE,
                                             G_STRUCT_OFFSET (TpOverviewPage, rows[FIELD_ORGANISATION]));
  gtk_widget_class_bind_template_child_full (widget_class, "facilitator_row", FALSE,
                                             G_STRUCT_OFFSET (TpOverviewPage, rows[FIELD_FACILITATOR]));
  gtk_widget_class_bind_template_child_full (widget_class, "date_row", FALSE,
                                             G_STRUCT_OFFSET (TpOverviewPage, rows[FIELD_DATE]));
  gtk_widget_class_bind_template_child_full (widget_class, "canvas_notes_count", FALSE,
                                             G_STRUCT_OFFSET (TpOverviewPage, counts[COUNT_CANVAS_NOTES]));
  gtk_widget_class_bind_template_child_full (widget_class, "value_chain_notes_count", FALSE,
                                             G_STRUCT_OFFSET (TpOverviewPage, counts[COUNT_VALUE_CHAIN_NOTES]));
  gtk_widget_class_bind_template_child_full (widget_class, "stages_count", FALSE,
                                             G_STRUCT_OFFSET (TpOverviewPage, counts[COUNT_STAGES]));
  gtk_widget_class_bind_template_child_full (widget_class, "touchpoints_count", FALSE,
                                             G_STRUCT_OFFSET (TpOverviewPage, counts[COUNT_TOUCHPOINTS]));
  gtk_widget_class_bind_template_child_full (widget_class, "moments_of_truth_count", FALSE,
                                             G_STRUCT_OFFSET (TpOverviewPage, counts[COUNT_MOMENTS_OF_TRUTH]));
  gtk_widget_class_bind_template_child_full (widget_class, "links_count", FALSE,
                                             G_STRUCT_OFFSET (TpOverviewPage, counts[COUNT_LINKS]));
  gtk_widget_class_bind_template_child (widget_class, TpOverviewPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, TpOverviewPage, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, TpOverviewPage, personas_list);
  gtk_widget_class_bind_template_child (widget_class, TpOverviewPage, add_persona_button);
  gtk_widget_class_bind_template_callback (widget_class, on_persona_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_add_persona_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected);
}

static void
tp_overview_page_init (TpOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Edits belong to the document's history; the entries' own undo would fight it for
   * Ctrl+Z and leave the two histories out of step. */
  for (guint i = 0; i < N_FIELDS; i++)
    gtk_editable_set_enable_undo (GTK_EDITABLE (self->rows[i]), FALSE);

  update_rows (self);
  update_counts (self);
  update_personas (self);

  tp_field_ensure_css (GTK_WIDGET (self));
}

GtkWidget *
tp_overview_page_new (void)
{
  return g_object_new (TP_TYPE_OVERVIEW_PAGE, NULL);
}

TpDocument *
tp_overview_page_get_document (TpOverviewPage *self)
{
  g_return_val_if_fail (TP_IS_OVERVIEW_PAGE (self), NULL);

  return self->document;
}

void
tp_overview_page_set_document (TpOverviewPage *self,
                               TpDocument     *document)
{
  g_return_if_fail (TP_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (document == NULL || TP_IS_DOCUMENT (document));

  if (!tp_field_watch_document (&self->document, &self->changed_id, document,
                                G_CALLBACK (on_document_changed), self))
    return;

  update_rows (self);
  update_counts (self);
  update_personas (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}
