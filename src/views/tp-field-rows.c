/* tp-field-rows.c: what the inspector's stage, touchpoint and KPI editors share.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "render/tp-theme.h"

#include "tp-field-rows.h"

/* Text */

char *
tp_field_clean_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;
  guint n = 0;

  if (text == NULL)
    return g_strdup ("");

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0' && n < TP_TEXT_MAX; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      /* The characters the writer would have to replace, replaced now: what the document
       * holds is then exactly what a saved file gives back. */
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

gboolean
tp_field_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

void
tp_field_init_editable (GtkEditable *editable)
{
  GtkEditable *delegate;

  g_return_if_fail (GTK_IS_EDITABLE (editable));

  gtk_editable_set_enable_undo (editable, FALSE);

  /* Typing or pasting past the limit stops at it, rather than being cut off unseen. */
  delegate = gtk_editable_get_delegate (editable);
  if (GTK_IS_TEXT (delegate))
    gtk_text_set_max_length (GTK_TEXT (delegate), TP_TEXT_MAX);
  else if (GTK_IS_ENTRY (editable))
    gtk_entry_set_max_length (GTK_ENTRY (editable), TP_TEXT_MAX);
}

static void
on_limited_insert_text (GtkTextView   *view,
                        GtkTextIter   *location,
                        const char    *text,
                        int            length,
                        GtkTextBuffer *buffer)
{
  /* The model keeps at most TP_TEXT_MAX characters: typing or pasting past them is
   * refused here, as the entries refuse it, rather than cut off unseen in the document. */
  if (gtk_text_buffer_get_char_count (buffer) + g_utf8_strlen (text, length) > TP_TEXT_MAX)
    {
      g_signal_stop_emission_by_name (buffer, "insert-text");
      gtk_widget_error_bell (GTK_WIDGET (view));
    }
}

void
tp_field_limit_text_view (GtkTextView *view)
{
  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  g_signal_connect_object (gtk_text_view_get_buffer (view), "insert-text",
                           G_CALLBACK (on_limited_insert_text), view, G_CONNECT_SWAPPED);
}

void
tp_field_set_text (GtkEditable *editable,
                   const char  *text)
{
  if (text == NULL)
    text = "";

  if (g_strcmp0 (gtk_editable_get_text (editable), text) != 0)
    gtk_editable_set_text (editable, text);
}

void
tp_field_set_error (GtkWidget *widget,
                    gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

/* Numbers */

gboolean
tp_field_parse_real (const char *text,
                     double     *value)
{
  g_autoptr(GString) ascii = g_string_new (NULL);
  gboolean has_point = FALSE;
  gboolean has_digit = FALSE;
  char *end = NULL;
  double parsed;

  g_return_val_if_fail (text != NULL, FALSE);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        continue;
      if (c == 0x2212)  /* the minus sign people copy from documents */
        c = '-';
      if (c == ',')
        c = '.';
      /* Digits, one decimal point, signs and an exponent: nothing else, so that "nan",
       * "inf" and hexadecimal forms are refused as the loader refuses them. */
      if (c == '.' && has_point)
        return FALSE;
      if (!(g_ascii_isdigit (c) || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E'))
        return FALSE;

      has_point |= c == '.';
      has_digit |= g_ascii_isdigit (c);
      g_string_append_c (ascii, (char) c);
    }

  if (ascii->len == 0)
    {
      *value = NAN;
      return TRUE;
    }

  if (!has_digit)
    return FALSE;

  parsed = g_ascii_strtod (ascii->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (parsed) || fabs (parsed) > TP_REAL_LIMIT)
    return FALSE;

  /* −0 would read back as 0: keep the one the file gives. */
  *value = parsed == 0 ? 0 : parsed;
  return TRUE;
}

char *
tp_field_format_real (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    return g_strdup ("");

  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value == 0 ? 0 : value);

  /* The fewest significant digits that read back the same, as the writer saves it. */
  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }

  return g_strdup (buffer);
}

gboolean
tp_field_parse_count (const char *text,
                      guint      *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  guint64 parsed = 0;

  if (stripped[0] == '\0')
    {
      *value = 0;
      return TRUE;
    }

  for (const char *p = stripped; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      parsed = parsed * 10 + (guint64) (*p - '0');
      if (parsed > TP_COUNT_MAX)
        return FALSE;
    }

  *value = (guint) parsed;
  return TRUE;
}

char *
tp_field_format_count (guint value)
{
  return value == 0 ? g_strdup ("") : g_strdup_printf ("%u", value);
}

/* Combo rows */

void
tp_field_init_enum_combo (AdwComboRow *row,
                          TpEnumType   type)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < tp_enum_get_n_values (type); i++)
    gtk_string_list_append (labels, tp_enum_get_label (type, i));

  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

static void
persona_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               AdwComboRow              *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *dot = g_object_new (GTK_TYPE_BOX,
                                 "valign", GTK_ALIGN_CENTER,
                                 "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                 NULL);
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "xalign", 0.0f,
                                   "ellipsize", PANGO_ELLIPSIZE_END,
                                   "max-width-chars", 20,
                                   NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_box_append (GTK_BOX (box), dot);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (list_item, box);
}

static void
persona_update_check (AdwComboRow *row,
                      GParamSpec  *pspec,
                      GtkListItem *list_item)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (list_item));

  gtk_widget_set_opacity (check, adw_combo_row_get_selected_item (row) == gtk_list_item_get_item (list_item));
}

static void
persona_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              AdwComboRow              *row)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *dot = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (dot);
  GtkWidget *check = gtk_widget_get_last_child (box);
  GObject *item = gtk_list_item_get_item (list_item);
  guint accent = GPOINTER_TO_UINT (g_object_get_data (item, "tp-accent"));
  g_autofree char *accent_class = NULL;

  gtk_label_set_label (GTK_LABEL (label), gtk_string_object_get_string (GTK_STRING_OBJECT (item)));

  /* "None" gets an empty ring, so that the names line up. */
  if (accent > 0)
    accent_class = g_strconcat ("tp-accent-", tp_enum_to_nick (TP_ENUM_ACCENT, accent - 1), NULL);
  gtk_widget_set_css_classes (dot, (const char *[]) { "tp-accent-dot",
                                                      accent_class != NULL ? accent_class : "tp-accent-none",
                                                      NULL });

  /* As AdwComboRow's own rows do: a check mark in the popover's list, not in the row. */
  gtk_widget_set_visible (check, gtk_widget_get_ancestor (box, GTK_TYPE_POPOVER) != NULL);
  if (gtk_widget_get_visible (check))
    {
      g_signal_connect (row, "notify::selected-item", G_CALLBACK (persona_update_check), list_item);
      persona_update_check (row, NULL, list_item);
    }
}

static void
persona_unbind (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                AdwComboRow              *row)
{
  g_signal_handlers_disconnect_by_func (row, persona_update_check, list_item);
}

void
tp_field_init_persona_combo (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GListStore) model = g_list_store_new (GTK_TYPE_STRING_OBJECT);

  g_signal_connect (factory, "setup", G_CALLBACK (persona_setup), row);
  g_signal_connect (factory, "bind", G_CALLBACK (persona_bind), row);
  g_signal_connect (factory, "unbind", G_CALLBACK (persona_unbind), row);
  adw_combo_row_set_factory (row, factory);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
}

static gboolean
persona_item_matches (GObject         *item,
                      const TpPersona *persona)
{
  return g_strcmp0 (g_object_get_data (item, "tp-persona-id"), persona->item.id) == 0 &&
         g_strcmp0 (gtk_string_object_get_string (GTK_STRING_OBJECT (item)),
                    persona->name != NULL ? persona->name : "") == 0 &&
         GPOINTER_TO_UINT (g_object_get_data (item, "tp-accent")) == persona->accent + 1;
}

void
tp_field_update_persona_items (AdwComboRow *row,
                               TpDocument  *document)
{
  GListStore *model = G_LIST_STORE (adw_combo_row_get_model (row));
  GPtrArray *personas = tp_document_get_personas (document);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  gboolean same = n_items == personas->len + 1;
  g_autoptr(GPtrArray) items = NULL;

  for (guint i = 0; same && i < personas->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), i + 1);

      same = persona_item_matches (item, g_ptr_array_index (personas, i));
    }

  /* Rebuilt only when the personas changed, so an open popover is not disturbed by
   * every edit elsewhere in the document. */
  if (same)
    return;

  items = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (items, gtk_string_object_new (C_("persona", "None")));
  for (guint i = 0; i < personas->len; i++)
    {
      TpPersona *p = g_ptr_array_index (personas, i);
      GtkStringObject *item = gtk_string_object_new (p->name != NULL ? p->name : "");

      /* The accent travels with the item, set before the list shows it: the row's own
       * display of the current item sees it at another position than the popover's list
       * does. */
      g_object_set_data (G_OBJECT (item), "tp-accent", GUINT_TO_POINTER (p->accent + 1));
      g_object_set_data_full (G_OBJECT (item), "tp-persona-id", g_strdup (p->item.id), g_free);
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (model, 0, n_items, items->pdata, items->len);
}

guint
tp_field_get_persona_position (AdwComboRow *row,
                               const char  *persona)
{
  GListModel *model = adw_combo_row_get_model (row);
  guint n_items = g_list_model_get_n_items (model);

  for (guint i = 1; persona != NULL && i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (g_object_get_data (item, "tp-persona-id"), persona) == 0)
        return i;
    }

  /* A reference to a persona that is gone reads as none, as on the board. */
  return 0;
}

void
tp_field_sync_persona_combo (AdwComboRow *row,
                             TpDocument  *document,
                             const char  *persona)
{
  guint selected;

  tp_field_update_persona_items (row, document);
  selected = tp_field_get_persona_position (row, persona);
  if (adw_combo_row_get_selected (row) != selected)
    adw_combo_row_set_selected (row, selected);
}

const char *
tp_field_get_persona (AdwComboRow *row)
{
  GObject *item = adw_combo_row_get_selected_item (row);

  return item != NULL ? g_object_get_data (item, "tp-persona-id") : NULL;
}

/* Colours */

static char *
colour_to_css (const TpColour *colour)
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) CLAMP (colour->red * 255.0 + 0.5, 0, 255),
                          (guint) CLAMP (colour->green * 255.0 + 0.5, 0, 255),
                          (guint) CLAMP (colour->blue * 255.0 + 0.5, 0, 255));
}

/* Text on a coloured badge: whichever of the note text colour and white reads better. */
static char *
text_on_css (const TpTheme  *theme,
             const TpColour *fill)
{
  static const TpColour white = { 1, 1, 1, 1 };

  if (tp_colour_get_contrast_ratio (fill, &theme->note_text) >= tp_colour_get_contrast_ratio (fill, &white))
    return colour_to_css (&theme->note_text);

  return g_strdup ("#ffffff");
}

void
tp_field_ensure_css (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  const TpTheme *theme = tp_theme_get_default ();
  g_autoptr(GString) css = g_string_new (NULL);
  g_autoptr(GtkCssProvider) provider = NULL;
  g_autofree char *star = colour_to_css (&theme->moment_of_truth);

  if (g_object_get_data (G_OBJECT (display), "tp-field-css") != NULL)
    return;

  for (int e = TP_EMOTION_MIN; e <= TP_EMOTION_MAX; e++)
    {
      TpColour colour;
      g_autofree char *fill = NULL;

      tp_theme_get_emotion_colour (theme, e, &colour);
      fill = colour_to_css (&colour);
      g_string_append_printf (css,
                              ".tp-emotion-%s { color: %s; }\n"
                              "scale.tp-emotion-%s slider { background-color: %s; }\n",
                              tp_field_emotion_suffix (e), fill, tp_field_emotion_suffix (e), fill);
    }

  for (guint k = 0; k < TP_N_KANO_CATEGORIES; k++)
    {
      g_autofree char *fill = colour_to_css (&theme->kano[k]);

      g_string_append_printf (css, ".tp-kano-%s { background-color: %s; }\n",
                              tp_enum_to_nick (TP_ENUM_KANO_CATEGORY, k), fill);
    }

  for (guint g = 0; g < G_N_ELEMENTS (theme->gap); g++)
    {
      g_autofree char *fill = colour_to_css (&theme->gap[g]);
      g_autofree char *text = text_on_css (theme, &theme->gap[g]);

      g_string_append_printf (css, ".tp-gap-%u { background-color: %s; color: %s; }\n", g, fill, text);
    }

  for (guint a = 0; a < TP_N_ACCENTS; a++)
    {
      g_autofree char *fill = colour_to_css (&theme->accents[a]);

      g_string_append_printf (css, ".tp-accent-%s { background-color: %s; }\n",
                              tp_enum_to_nick (TP_ENUM_ACCENT, a), fill);
    }

  g_string_append_printf (css, ".tp-moment-of-truth-star { color: %s; }\n", star);

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css->str, (gssize) css->len);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "tp-field-css",
                          g_steal_pointer (&provider), g_object_unref);
}

void
tp_field_set_variant_class (GtkWidget  *widget,
                            const char *prefix,
                            const char *suffix)
{
  g_auto(GStrv) classes = gtk_widget_get_css_classes (widget);
  g_autofree char *wanted = g_strconcat (prefix, suffix, NULL);

  for (guint i = 0; classes[i] != NULL; i++)
    if (g_str_has_prefix (classes[i], prefix) && strcmp (classes[i], wanted) != 0)
      gtk_widget_remove_css_class (widget, classes[i]);

  gtk_widget_add_css_class (widget, wanted);
}

const char *
tp_field_emotion_suffix (int emotion)
{
  static const char * const suffixes[] = { "m2", "m1", "0", "p1", "p2" };

  return suffixes[CLAMP (emotion, TP_EMOTION_MIN, TP_EMOTION_MAX) - TP_EMOTION_MIN];
}

guint
tp_field_gap_severity (int gap)
{
  return (guint) CLAMP (gap, 0, 2);
}

/* The document */

gboolean
tp_field_watch_document (TpDocument **slot,
                         gulong      *handler,
                         TpDocument  *document,
                         GCallback    callback,
                         gpointer     data)
{
  g_return_val_if_fail (slot != NULL && handler != NULL, FALSE);
  g_return_val_if_fail (document == NULL || TP_IS_DOCUMENT (document), FALSE);

  if (*slot == document)
    return FALSE;

  if (*slot != NULL)
    g_clear_signal_handler (handler, *slot);
  g_set_object (slot, document);
  if (document != NULL)
    *handler = g_signal_connect_object (document, "changed", callback, data,
                                        G_CONNECT_SWAPPED);
  return TRUE;
}
