/* tp-export-dialog-options.c: the Export dialog's choices: the formats and pages it
 * offers, what the export makes of them, and remembering them in GSettings.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "tp-export-dialog-private.h"

/* Indexed by TpExportFormat, in the order of the format row (tp-export-dialog.ui). */
static const TpExportFormatInfo formats[] = {
  [TP_EXPORT_FORMAT_PDF] = { "pdf", ".pdf", "application/pdf", N_("PDF Documents") },
  [TP_EXPORT_FORMAT_PNG] = { "png", ".png", "image/png", N_("PNG Images") },
  [TP_EXPORT_FORMAT_SVG] = { "svg", ".svg", "image/svg+xml", N_("SVG Images") },
};
G_STATIC_ASSERT (G_N_ELEMENTS (formats) == N_FORMATS);

static const char * const setting_keys[] = {
  "export-format", "export-page", "export-size", "export-scale", "export-dpi",
  "export-transparent", "export-footer", "export-legend", "last-export-folder",
};

const TpExportFormatInfo *
_tp_export_dialog_get_format_info (TpExportFormat format)
{
  g_assert (format < N_FORMATS);

  return &formats[format];
}

const char *
_tp_export_dialog_get_page_label (TpExportPage page)
{
  switch (page)
    {
    case TP_EXPORT_PAGE_ALL:
      return _("All Pages");
    case TP_EXPORT_PAGE_BOARD:
      return _("Whole Board with Links");
    case TP_EXPORT_PAGE_ALIGNMENT:
      return _("Alignment Matrix and Gaps");
    case TP_EXPORT_PAGE_STORY:
      return _("Workshop Story, a Slide per Step");
    case TP_EXPORT_PAGE_CANVAS:
    case TP_EXPORT_PAGE_JOURNEY:
    case TP_EXPORT_PAGE_VALUE_CHAIN:
    default:
      return tp_export_page_get_label (page);
    }
}

/* What the export makes of the user's choices. */
void
_tp_export_dialog_get_effective_options (TpExportDialog  *self,
                       TpExportOptions *options)
{
  *options = self->options;
  if (options->format != TP_EXPORT_FORMAT_PDF &&
      (options->page == TP_EXPORT_PAGE_ALL || options->page == TP_EXPORT_PAGE_STORY))
    options->page = TP_EXPORT_PAGE_BOARD;
  if (options->format != TP_EXPORT_FORMAT_PNG)
    {
      options->scale = 1;
      options->dpi = 0;
    }
}

/* Settings */

GSettings *
_tp_export_dialog_dup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* Running from the build tree without GSETTINGS_SCHEMA_DIR, or with an older schema
   * installed: g_settings_new() would abort the app, where forgetting the last export's
   * choices is no loss. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("No settings schema %s: export choices are not remembered", APPLICATION_ID);
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (setting_keys); i++)
    if (!g_settings_schema_has_key (schema, setting_keys[i]))
      {
        g_debug ("The settings schema has no key %s: export choices are not remembered",
                 setting_keys[i]);
        return NULL;
      }

  return g_settings_new_full (schema, NULL, NULL);
}

void
_tp_export_dialog_load_settings (TpExportDialog *self)
{
  g_autofree char *format = NULL;
  g_autofree char *page = NULL;
  g_autofree char *size = NULL;
  int dpi;

  tp_export_options_init (&self->options);
  self->custom_dpi = DEFAULT_DPI;

  if (self->settings == NULL)
    return;

  format = g_settings_get_string (self->settings, "export-format");
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (format, formats[i].name))
      self->options.format = i;

  page = g_settings_get_string (self->settings, "export-page");
  tp_export_page_from_string (page, &self->options.page);
  size = g_settings_get_string (self->settings, "export-size");
  tp_page_size_from_string (size, &self->options.size);

  /* The row offers whole scales only. */
  self->options.scale = CLAMP (round (g_settings_get_double (self->settings, "export-scale")),
                               1, N_SCALES);
  dpi = g_settings_get_int (self->settings, "export-dpi");
  if (dpi > 0)
    dpi = CLAMP (dpi, MIN_DPI, MAX_DPI);
  self->options.dpi = dpi > 0 ? dpi : 0;
  if (dpi > 0)
    self->custom_dpi = dpi;

  self->options.transparent = g_settings_get_boolean (self->settings, "export-transparent");
  self->options.footer = g_settings_get_boolean (self->settings, "export-footer");
  self->options.legend = g_settings_get_boolean (self->settings, "export-legend");
}

void
_tp_export_dialog_store_settings (TpExportDialog *self)
{
  GSettings *settings = self->settings;

  if (settings == NULL)
    return;

  g_settings_set_string (settings, "export-format", formats[self->options.format].name);
  g_settings_set_string (settings, "export-page", tp_export_page_to_string (self->options.page));
  g_settings_set_string (settings, "export-size", tp_page_size_to_string (self->options.size));
  g_settings_set_double (settings, "export-scale", self->options.scale);
  g_settings_set_int (settings, "export-dpi", (int) self->options.dpi);
  g_settings_set_boolean (settings, "export-transparent", self->options.transparent);
  g_settings_set_boolean (settings, "export-footer", self->options.footer);
  g_settings_set_boolean (settings, "export-legend", self->options.legend);
}
