/* tp-valid-text.c: replacing what cairo's UTF-8 check refuses. See tp-valid-text.h. */
#include "config.h"

#include "tp-valid-text.h"

#include <string.h>

#define REPLACEMENT 0xFFFD

/* cairo refuses the noncharacters; controls other than tab and line feed draw as boxes
 * at best and are not text a title or a note means. */
static gboolean
is_drawable (gunichar c)
{
  if (c >= 0xFDD0 && c <= 0xFDEF)
    return FALSE;
  if ((c & 0xFFFE) == 0xFFFE)
    return FALSE;
  if (c < 0x20)
    return c == '\t' || c == '\n';
  if (c >= 0x7F && c < 0xA0)
    return FALSE;
  return TRUE;
}

gboolean
_tp_valid_text_check (const char *text,
                      gssize      length)
{
  const char *end;
  const char *p;

  if (text == NULL)
    return TRUE;
  if (length < 0)
    length = strlen (text);
  if (!g_utf8_validate_len (text, length, NULL))
    return FALSE;

  end = text + length;
  for (p = text; p < end; p = g_utf8_next_char (p))
    {
      /* ASCII letters are by far the most common: skip the decoding. */
      if ((guchar) *p >= 0x20 && (guchar) *p < 0x7F)
        continue;
      if (!is_drawable (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

char *
_tp_valid_text_dup (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return NULL;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_drawable (c))
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      else
        g_string_append_unichar (out, REPLACEMENT);
    }

  return g_string_free (out, FALSE);
}

const char *
_tp_valid_text (const char  *text,
                char       **copy)
{
  g_return_val_if_fail (copy != NULL && *copy == NULL, text);

  if (_tp_valid_text_check (text, -1))
    return text;

  *copy = _tp_valid_text_dup (text);
  return *copy;
}
