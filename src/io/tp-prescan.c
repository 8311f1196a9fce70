/* tp-prescan.c: a linear count over the raw bytes, before libxml2 sees them.
 *
 * Every byte is looked at a bounded number of times, so the cost is O(n) whatever the
 * input. The scan over-counts rather than under-counts when the input is not well-formed:
 * such input is rejected by the parser anyway, and must not get there by slipping past
 * the caps. Text and quoted values are skipped with memchr(), and lines are counted only
 * for the problem's line: counting them byte by byte was 40 % of the scan (issue 19,
 * `--validate`).
 */
#include "config.h"

#include "tp-prescan.h"

#include <string.h>
#include <glib/gi18n-lib.h>

typedef struct
{
  const char *start;
  const char *p;
  const char *end;
} Scanner;

static gboolean
looking_at (Scanner    *s,
            const char *text)
{
  gsize len = strlen (text);

  return (gsize) (s->end - s->p) >= len && memcmp (s->p, text, len) == 0;
}

/* Moves to the next c, or to the end. */
static void
skip_to (Scanner *s,
         char     c)
{
  const char *found = memchr (s->p, c, s->end - s->p);

  s->p = found != NULL ? found : s->end;
}

/* Moves past the next occurrence of terminator, or to the end. */
static void
skip_past (Scanner    *s,
           const char *terminator)
{
  while (s->p < s->end)
    {
      skip_to (s, terminator[0]);
      if (looking_at (s, terminator))
        {
          s->p += strlen (terminator);
          return;
        }
      if (s->p < s->end)
        s->p++;
    }
}

/* The line of position at (from 1). */
static guint
line_at (Scanner    *s,
         const char *at)
{
  guint line = 1;

  for (const char *p = s->start; p < at; p++)
    line += *p == '\n';

  return line;
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gboolean
is_name_end (char c)
{
  return is_space (c) || c == '=' || c == '>' || c == '/' || c == '"' || c == '\'' || c == '<';
}

/* Reads a name and returns its length in bytes. */
static gsize
skip_name (Scanner *s)
{
  const char *start = s->p;

  while (s->p < s->end && !is_name_end (*s->p))
    s->p++;

  return s->p - start;
}

static gboolean
fail (TpProblem  **problem,
      Scanner     *s,
      const char  *at,
      char        *message)
{
  if (problem != NULL)
    *problem = tp_problem_new (line_at (s, at), message);
  g_free (message);
  return FALSE;
}

gboolean
tp_prescan (const char             *data,
            gsize                   length,
            const TpPrescanLimits  *limits,
            TpProblem             **problem)
{
  static const TpPrescanLimits defaults = {
    TP_PRESCAN_MAX_ATTRIBUTES,
    TP_PRESCAN_MAX_NAME_LENGTH,
    TP_PRESCAN_MAX_ELEMENTS,
    TP_PRESCAN_MAX_DEPTH,
  };
  Scanner s = { data, data, data + length };
  guint elements = 0;
  guint depth = 0;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (problem == NULL || *problem == NULL, FALSE);

  if (limits == NULL)
    limits = &defaults;

  while (s.p < s.end)
    {
      const char *tag;
      guint attributes = 0;
      gboolean self_closing = FALSE;

      skip_to (&s, '<');
      if (s.p >= s.end)
        break;

      tag = s.p;
      s.p++;

      if (looking_at (&s, "!--"))
        {
          s.p += 3;
          skip_past (&s, "-->");
          continue;
        }
      if (looking_at (&s, "![CDATA["))
        {
          skip_past (&s, "]]>");
          continue;
        }
      if (looking_at (&s, "?"))
        {
          skip_past (&s, "?>");
          continue;
        }
      if (looking_at (&s, "!"))
        {
          /* A DOCTYPE or a declaration inside one: the loader refuses any DOCTYPE
           * before its subset is read, so skipping declarations one by one is enough. */
          skip_past (&s, ">");
          continue;
        }
      if (looking_at (&s, "/"))
        {
          s.p++;
          if (skip_name (&s) > limits->max_name_length)
            return fail (problem, &s, tag,
                         g_strdup_printf (_("A name is longer than %u characters"),
                                          limits->max_name_length));
          if (depth > 0)
            depth--;
          skip_past (&s, ">");
          continue;
        }

      /* A start tag. */
      if (++elements > limits->max_elements)
        return fail (problem, &s, tag,
                     g_strdup_printf (_("The document has more than %u elements"),
                                      limits->max_elements));
      if (skip_name (&s) > limits->max_name_length)
        return fail (problem, &s, tag,
                     g_strdup_printf (_("A name is longer than %u characters"),
                                      limits->max_name_length));

      while (s.p < s.end && *s.p != '>' && *s.p != '<')
        {
          char c = *s.p;

          self_closing = FALSE;

          if (c == '"' || c == '\'')
            {
              s.p++;
              skip_to (&s, c);
              if (s.p < s.end)
                s.p++;
            }
          else if (c == '=')
            {
              if (++attributes > limits->max_attributes)
                return fail (problem, &s, tag,
                             g_strdup_printf (_("An element has more than %u attributes"),
                                              limits->max_attributes));
              s.p++;
            }
          else if (c == '/')
            {
              self_closing = TRUE;
              s.p++;
            }
          else if (is_space (c))
            {
              s.p++;
            }
          else if (skip_name (&s) > limits->max_name_length)
            {
              return fail (problem, &s, tag,
                           g_strdup_printf (_("A name is longer than %u characters"),
                                            limits->max_name_length));
            }
        }

      /* A '<' inside a tag is malformed; leave it for the next round, so that it is
       * counted too. */
      if (s.p < s.end && *s.p == '>')
        s.p++;

      if (!self_closing && ++depth > limits->max_depth)
        return fail (problem, &s, tag,
                     g_strdup_printf (_("Elements are nested more than %u levels deep"),
                                      limits->max_depth));
    }

  return TRUE;
}
