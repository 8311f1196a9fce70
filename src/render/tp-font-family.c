/* tp-font-family.c: a theme's list of font families, resolved once to the one installed
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why (issue 19, the fixed cost of a small export): Pango 1.50 measures every line's
 * height from the font's metrics, and computes those once per font by laying out a
 * sample sentence in a description of that font alone: its one family ("Inter"), its
 * weight, its absolute size. When our own description names a list ("Inter, Cantarell,
 * sans-serif"), that sample description is a different fontset for fontconfig, sorted and
 * matched again, in two new threads, for every size and weight the theme uses: about
 * half of the font work of a one-note export. Asking for the family the list comes to in
 * the first place makes the two the same fontset.
 *
 * Nothing drawn changes: fontconfig picks the first installed family of the list for
 * every character it has, and for a character it lacks falls back through the same
 * default families ("sans-serif" is added to a single family by its configuration). Only
 * a face named later in the list that is installed too (Cantarell beside Inter) is no
 * longer preferred among those fallbacks; Inter's coverage includes Cantarell's.
 */

#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "tp-font-family.h"

/* Names that stand for whatever fontconfig chooses: resolving stops at them. */
static const char * const generic_names[] = {
  "sans-serif", "sans", "serif", "monospace", "mono", "system-ui", "cursive", "fantasy",
  "emoji", "math",
};

static gboolean
is_generic (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (generic_names); i++)
    if (g_ascii_strcasecmp (name, generic_names[i]) == 0)
      return TRUE;
  return FALSE;
}

static const char *
resolve (const char *families)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  g_auto(GStrv) names = g_strsplit (families, ",", -1);

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = g_strstrip (names[i]);
      PangoFontFamily *family;

      if (*name == '\0')
        continue;
      if (is_generic (name))
        break;
      family = pango_font_map_get_family (map, name);
      if (family != NULL)
        return g_intern_string (pango_font_family_get_name (family));
    }
  return g_intern_string (families);
}

const char *
tp_font_family_resolve (const char *families)
{
  static GMutex lock;
  static GHashTable *resolved;   /* interned list → interned answer */
  const char *key, *answer;

  g_return_val_if_fail (families != NULL, NULL);

  key = g_intern_string (families);
  g_mutex_lock (&lock);
  if (resolved == NULL)
    resolved = g_hash_table_new (NULL, NULL);
  answer = g_hash_table_lookup (resolved, key);
  if (answer == NULL)
    {
      answer = resolve (families);
      g_hash_table_insert (resolved, (gpointer) key, (gpointer) answer);
    }
  g_mutex_unlock (&lock);
  return answer;
}
