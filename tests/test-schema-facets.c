/* test-schema-facets.c: the loader refuses every value a facet or a datatype of the
 * schema refuses.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The grammar the loader compiles is data/touchpoint.rng without its facets, and with
 * <text/> for the datatypes the code parses (issue 19, build-aux/tp-runtime-schema.py):
 * the code checks them instead. Each case puts one value
 * just past one facet in a document that otherwise loads, and the load must fail with a
 * problem on that value's line; the same place with the limit itself must load. The
 * cases are counted against the schema, so a faceted place added there without a case
 * here fails this test.
 */

#include "config.h"

#include <string.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "io/tp-loader.h"
#include "io/tp-xml-names.h"
#include "tp-test-grammar.h"

/* Every faceted place of the schema, each with a marker the cases replace. The markers'
 * good values are at the facets' limits. */
static const char base[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<touchpoint xmlns=\"" TP_XML_NS "\" version=\"@VERSION@\">\n"
  "  <meta>\n"
  "    <title>@TITLE@</title>\n"
  "    <organisation>@ORGANISATION@</organisation>\n"
  "    <facilitator>@FACILITATOR@</facilitator>\n"
  "    <date>@DATE@</date>\n"
  "    <story><hide step=\"@STEP@\"/></story>\n"
  "  </meta>\n"
  "  <personas>\n"
  "    <persona id=\"@PERSONA-ID@\" name=\"@PERSONA@\" accent=\"blue\">\n"
  "      <description>@DESCRIPTION@</description>\n"
  "    </persona>\n"
  "  </personas>\n"
  "  <canvas>\n"
  "    <block kind=\"channels\">\n"
  "      <note id=\"@NOTE-ID@\" colour=\"yellow\" evidence=\"assumption\" votes=\"@NOTE-VOTES@\"\n"
  "            persona=\"@NOTE-PERSONA@\">@NOTE@</note>\n"
  "    </block>\n"
  "  </canvas>\n"
  "  <journey>\n"
  "    <stage id=\"@STAGE-ID@\" name=\"@STAGE@\">\n"
  "      <job>@JOB@</job>\n"
  "      <kpi id=\"@KPI-ID@\" kind=\"retention\" name=\"@KPI@\" unit=\"@UNIT@\"\n"
  "           start=\"@START@\"\n"
  "           end=\"@END@\"\n"
  "           new=\"@NEW@\"\n"
  "           conversions=\"@CONVERSIONS@\"\n"
  "           visitors=\"@VISITORS@\"\n"
  "           value=\"@VALUE@\"\n"
  "           target=\"@TARGET@\"/>\n"
  "      <touchpoint id=\"@TOUCHPOINT-ID@\" name=\"@TOUCHPOINT@\" channel=\"@CHANNEL@\"\n"
  "                  persona=\"@TOUCHPOINT-PERSONA@\"\n"
  "                  emotion=\"@EMOTION@\"\n"
  "                  votes=\"@TOUCHPOINT-VOTES@\">\n"
  "        <action>@ACTION@</action>\n"
  "        <pain>@PAIN@</pain>\n"
  "        <opportunity>@OPPORTUNITY@</opportunity>\n"
  "        <moment-of-truth expectation=\"@EXPECTATION@\"\n"
  "                         experience=\"@EXPERIENCE@\"\n"
  "                         impact=\"@IMPACT@\"\n"
  "                         feasibility=\"@FEASIBILITY@\">\n"
  "          <action-item owner=\"@OWNER@\" status=\"todo\">@ACTION-ITEM@</action-item>\n"
  "        </moment-of-truth>\n"
  "        <need id=\"@NEED-ID@\">\n"
  "          <text>@NEED@</text>\n"
  "          <answer functional=\"like\" dysfunctional=\"dislike\" count=\"@ANSWER-COUNT@\"/>\n"
  "        </need>\n"
  "        <kpi id=\"k2\" kind=\"nps\" name=\"NPS\">\n"
  "          <score value=\"@SCORE@\" count=\"@SCORE-COUNT@\"/>\n"
  "        </kpi>\n"
  "      </touchpoint>\n"
  "    </stage>\n"
  "  </journey>\n"
  "  <links>\n"
  "    <link id=\"@LINK-ID@\" note=\"@LINK-NOTE@\" touchpoint=\"@LINK-TOUCHPOINT@\" label=\"@LABEL@\"/>\n"
  "  </links>\n"
  "</touchpoint>\n";

typedef enum
{
  TEXT,   /* text.type: maxLength */
  COUNT,  /* count.type: 0 … TP_COUNT_MAX */
  OTHER,  /* a facet of its own */
  NAME,   /* id.type, idref.type: NCName */
} Kind;

typedef struct
{
  const char *marker;
  Kind        kind;
  const char *good;  /* NULL: a text of TP_TEXT_MAX characters, or TP_COUNT_MAX */
  const char *bad;   /* NULL: a text one character longer, or TP_COUNT_MAX + 1 */
  const char *bad2;  /* the other side of a range, or NULL */
  const char *attribute; /* NAME: the attribute the problem names */
} Case;

static const Case cases[] = {
  { "@VERSION@", OTHER, "1.1", "1.1.0", "v1" },
  { "@DATE@", OTHER, "2026-02-28", "2026-2-28", "2026-02-28Z" },
  { "@EMOTION@", OTHER, "-2", "3", "-3" },
  { "@EXPECTATION@", OTHER, "5", "6", "0" },
  { "@EXPERIENCE@", OTHER, "1", "6", "0" },
  { "@IMPACT@", OTHER, "5", "6", "0" },
  { "@FEASIBILITY@", OTHER, "5", "6", "0" },
  { "@SCORE@", OTHER, "10", "11", "-1" },
  { "@VALUE@", OTHER, "1e12", "1.1e12", "-1.1e12" },
  { "@TARGET@", OTHER, "-1e12", "2e12", "-2e12" },
  { "@NOTE-VOTES@", COUNT, NULL, NULL, "-1" },
  { "@TOUCHPOINT-VOTES@", COUNT, NULL, NULL, "-1" },
  { "@START@", COUNT, NULL, NULL, "-1" },
  { "@END@", COUNT, NULL, NULL, "-1" },
  { "@NEW@", COUNT, NULL, NULL, "-1" },
  { "@CONVERSIONS@", COUNT, NULL, NULL, "-1" },
  { "@VISITORS@", COUNT, NULL, NULL, "-1" },
  { "@ANSWER-COUNT@", COUNT, NULL, NULL, "-1" },
  { "@SCORE-COUNT@", COUNT, NULL, NULL, "-1" },
  { "@TITLE@", TEXT },
  { "@ORGANISATION@", TEXT },
  { "@FACILITATOR@", TEXT },
  { "@STEP@", TEXT },
  { "@PERSONA@", TEXT },
  { "@DESCRIPTION@", TEXT },
  { "@NOTE@", TEXT },
  { "@STAGE@", TEXT },
  { "@JOB@", TEXT },
  { "@KPI@", TEXT },
  { "@UNIT@", TEXT },
  { "@TOUCHPOINT@", TEXT },
  { "@CHANNEL@", TEXT },
  { "@ACTION@", TEXT },
  { "@PAIN@", TEXT },
  { "@OPPORTUNITY@", TEXT },
  { "@OWNER@", TEXT },
  { "@ACTION-ITEM@", TEXT },
  { "@NEED@", TEXT },
  { "@LABEL@", TEXT },
  { "@PERSONA-ID@", NAME, "p1", .attribute = "id" },
  { "@NOTE-ID@", NAME, "n1", .attribute = "id" },
  { "@NOTE-PERSONA@", NAME, "p1", .attribute = "persona" },
  { "@STAGE-ID@", NAME, "s1", .attribute = "id" },
  { "@KPI-ID@", NAME, "k1", .attribute = "id" },
  { "@TOUCHPOINT-ID@", NAME, "t1", .attribute = "id" },
  { "@TOUCHPOINT-PERSONA@", NAME, "p1", .attribute = "persona" },
  { "@NEED-ID@", NAME, "d1", .attribute = "id" },
  { "@LINK-ID@", NAME, "l1", .attribute = "id" },
  { "@LINK-NOTE@", NAME, "n1", .attribute = "note" },
  { "@LINK-TOUCHPOINT@", NAME, "t1", .attribute = "touchpoint" },
};

/* Not NCNames: a digit first, a space, a colon, nothing. */
static const char *const bad_names[] = { "1abc", "a b", "a:b", "" };

static char *
text_of_length (guint length)
{
  GString *text = g_string_sized_new (length * 2);

  /* Two bytes a character: the facet counts characters. */
  for (guint i = 0; i < length; i++)
    g_string_append (text, "é");

  return g_string_free (text, FALSE);
}

static char *
good_value (const Case *c)
{
  if (c->good != NULL)
    return g_strdup (c->good);
  if (c->kind == TEXT)
    return text_of_length (TP_TEXT_MAX);
  return g_strdup_printf ("%u", TP_COUNT_MAX);
}

/* The document with every marker at its good value but the one of which, given value. */
static GBytes *
make_document (const Case *which,
               const char *value,
               guint      *line)
{
  g_autoptr(GString) text = g_string_new (base);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *at = strstr (text->str, cases[i].marker);
      g_autofree char *replacement = NULL;
      gsize pos;

      g_assert_nonnull (at);
      pos = at - text->str;
      if (&cases[i] == which)
        {
          *line = 1;
          for (const char *p = text->str; p < at; p++)
            *line += *p == '\n';
          replacement = g_strdup (value);
        }
      else
        {
          replacement = good_value (&cases[i]);
        }
      g_string_erase (text, pos, strlen (cases[i].marker));
      g_string_insert (text, pos, replacement);
    }

  return g_string_free_to_bytes (g_steal_pointer (&text));
}

/* The element a marker's value is on starts at most this many lines above it. */
#define MAX_TAG_LINES 9

static void
assert_refused (const Case *c,
                const char *value)
{
  g_autofree char *quoted = c->attribute != NULL ? g_strdup_printf ("“%s”", c->attribute) : NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TpDocument) document = NULL;
  gboolean on_line = FALSE;
  guint line = 0;

  bytes = make_document (c, value, &line);
  document = tp_load_bytes (bytes, &problems, &error);
  if (document != NULL)
    g_error ("%s = “%.20s…” was accepted", c->marker, value);
  g_assert_nonnull (problems);

  /* libxml2 and the loader name an element's line: where its start tag ends for the
   * first, where the value is or the element starts for the other. */
  for (guint i = 0; i < problems->len; i++)
    {
      TpProblem *problem = g_ptr_array_index (problems, i);

      /* A bad id also leaves references to it dangling: the problem must be the
       * name's own, naming its attribute. */
      if (problem->line <= line + MAX_TAG_LINES && problem->line + MAX_TAG_LINES >= line &&
          (quoted == NULL || strstr (problem->message, quoted) != NULL))
        on_line = TRUE;
    }
  if (!on_line)
    g_error ("%s = “%.20s…” was refused, but not near line %u: %s", c->marker, value, line,
             error->message);
}

/* data/touchpoint.rng, the format's schema with its datatypes, as other tools read it. */
static gboolean
full_schema_accepts (GBytes *bytes)
{
  g_autofree char *path = g_build_filename (TP_SRCDIR, "data", "touchpoint.rng", NULL);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  xmlDoc *doc = xmlReadMemory (data, (int) length, "test.touchpoint", NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  gboolean accepted;

  g_assert_nonnull (doc);
  accepted = tp_test_grammar_accepts (tp_test_grammar_load (path), doc);
  xmlFreeDoc (doc);

  return accepted;
}

static void
test_limits_load (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TpDocument) document = NULL;
  guint line = 0;

  bytes = make_document (NULL, NULL, &line);
  document = tp_load_bytes (bytes, &problems, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_true (full_schema_accepts (bytes));
}

/* The names the compiled grammar no longer checks: the loader refuses each value the
 * format's schema refuses, and the schema does refuse it. */
static void
test_bad_names_refused (gconstpointer data)
{
  const Case *c = data;

  for (guint i = 0; i < G_N_ELEMENTS (bad_names); i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      guint line = 0;

      bytes = make_document (c, bad_names[i], &line);
      g_assert_false (full_schema_accepts (bytes));
      assert_refused (c, bad_names[i]);
    }
}

static void
test_past_limits_refused (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *bad = NULL;

  if (c->bad != NULL)
    bad = g_strdup (c->bad);
  else if (c->kind == TEXT)
    bad = text_of_length (TP_TEXT_MAX + 1);
  else
    bad = g_strdup_printf ("%u", TP_COUNT_MAX + 1);

  assert_refused (c, bad);
  if (c->bad2 != NULL)
    assert_refused (c, c->bad2);
  /* Not even of the datatype: the schema compiled has <text/> there too. */
  if (c->kind != TEXT)
    {
      assert_refused (c, "x");
      assert_refused (c, "");
    }
}

/* Counts the references to a datatype's definition in the schema, and the <data> with
 * facets written in place. */
static void
count_schema (xmlNode *node,
              guint   *text_refs,
              guint   *count_refs,
              guint   *name_refs,
              guint   *other_facets)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *name = NULL;

      if (child->type != XML_ELEMENT_NODE)
        continue;

      name = (char *) xmlGetNoNsProp (child, (const xmlChar *) "name");
      if (xmlStrEqual (child->name, (const xmlChar *) "ref") && g_strcmp0 (name, "text.type") == 0)
        (*text_refs)++;
      else if (xmlStrEqual (child->name, (const xmlChar *) "ref") && g_strcmp0 (name, "count.type") == 0)
        (*count_refs)++;
      else if (xmlStrEqual (child->name, (const xmlChar *) "ref") &&
               (g_strcmp0 (name, "id.type") == 0 || g_strcmp0 (name, "idref.type") == 0))
        (*name_refs)++;
      else if (xmlStrEqual (child->name, (const xmlChar *) "ref") &&
               (g_strcmp0 (name, "real.type") == 0 || g_strcmp0 (name, "date.type") == 0 ||
                g_strcmp0 (name, "emotion.type") == 0 || g_strcmp0 (name, "rating.type") == 0))
        (*other_facets)++;
      else if (xmlStrEqual (child->name, (const xmlChar *) "data") && child->children != NULL &&
               !xmlStrEqual (node->name, (const xmlChar *) "define"))
        (*other_facets)++;

      count_schema (child, text_refs, count_refs, name_refs, other_facets);
    }
}

/* Every faceted place of the schema has its case. */
static void
test_every_place_has_a_case (void)
{
  g_autofree char *path = g_build_filename (TP_SRCDIR, "data", "touchpoint.rng", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  xmlDoc *doc;
  guint text_refs = 0, count_refs = 0, name_refs = 0, other_facets = 0;
  guint text_cases = 0, count_cases = 0, name_cases = 0, other_cases = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  doc = xmlReadMemory (contents, (int) length, "touchpoint.rng", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  count_schema (xmlDocGetRootElement (doc), &text_refs, &count_refs, &name_refs, &other_facets);
  xmlFreeDoc (doc);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      if (cases[i].kind == TEXT)
        text_cases++;
      else if (cases[i].kind == COUNT)
        count_cases++;
      else if (cases[i].kind == NAME)
        name_cases++;
      else
        other_cases++;
    }

  g_assert_cmpuint (text_cases, ==, text_refs);
  g_assert_cmpuint (count_cases, ==, count_refs);
  g_assert_cmpuint (name_cases, ==, name_refs);
  g_assert_cmpuint (other_cases, ==, other_facets);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/schema-facets/limits-load", test_limits_load);
  g_test_add_func ("/touchpoint/schema-facets/every-place-has-a-case", test_every_place_has_a_case);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup (cases[i].marker + 1);
      g_autofree char *test_path = NULL;

      name[strlen (name) - 1] = '\0';
      if (cases[i].kind == NAME)
        {
          test_path = g_strdup_printf ("/touchpoint/schema-facets/bad-name/%s", name);
          g_test_add_data_func (test_path, &cases[i], test_bad_names_refused);
        }
      else
        {
          test_path = g_strdup_printf ("/touchpoint/schema-facets/past-limit/%s", name);
          g_test_add_data_func (test_path, &cases[i], test_past_limits_refused);
        }
    }

  return g_test_run ();
}
