/* test-schema-quick.c: the loader's quick structural check never accepts what the
 * grammar refuses, and what the grammar refuses is still refused by the loader.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * tp-schema-quick.c proves a document valid without libxml2's RelaxNG validator (issue
 * 19). Every document of the project (examples, templates, test files) and over a
 * thousand changes of them, one each (an attribute removed, added, given a value; an
 * element removed, doubled, moved, renamed, taken out of the namespace; text or an
 * unknown element put in), are checked both ways: wherever the quick check accepts,
 * the compiled runtime grammar must accept too; and on the unchanged documents the two
 * agree, so the quick path is the one valid documents take.
 */

#include "config.h"

#include <string.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "io/tp-loader.h"
#include "io/tp-schema-quick.h"
#include "io/tp-xml-names.h"
#include "tp-test-grammar.h"

/* The places no example has: the story's hidden steps, a persona's description, an
 * area of the value chain, an action item's owner. */
static const char places[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<touchpoint xmlns=\"" TP_XML_NS "\" version=\"1.1\">\n"
  "  <meta><title>T</title><story><hide step=\"canvas:channels\"/><hide step=\"x\"/></story></meta>\n"
  "  <personas><persona id=\"p\" name=\"P\" accent=\"slate\"><description>D</description></persona></personas>\n"
  "  <value-chain>\n"
  "    <area kind=\"operations\"><note id=\"n\" colour=\"grey\" evidence=\"validated\" persona=\"p\">N</note></area>\n"
  "    <area kind=\"procurement\"/>\n"
  "  </value-chain>\n"
  "  <journey><stage id=\"s\" name=\"S\" colour=\"teal\"><touchpoint id=\"t\" name=\"T\">\n"
  "    <moment-of-truth strategy=\"reactive\"><action-item owner=\"O\" status=\"done\">A</action-item></moment-of-truth>\n"
  "  </touchpoint></stage></journey>\n"
  "  <links><link id=\"l\" note=\"n\" touchpoint=\"t\" label=\"L\"/></links>\n"
  "</touchpoint>\n";

/* The grammar tp_schema_validate() compiles, from the build tree. */
static gboolean
grammar_accepts (xmlDoc *doc)
{
  g_autofree char *path = g_build_filename (TP_BUILDDIR, "src", "touchpoint-runtime.rng", NULL);

  return tp_test_grammar_accepts (tp_test_grammar_load (path), doc);
}

static xmlDoc *
parse (const char *data,
       gsize       length)
{
  return xmlReadMemory (data, (int) length, "test.touchpoint", NULL,
                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                        XML_PARSE_NOCDATA);
}

/* The n-th element in document order, or NULL. */
static xmlNode *
nth_element (xmlNode *node,
             guint   *n)
{
  for (; node != NULL; node = node->next)
    {
      xmlNode *found;

      if (node->type != XML_ELEMENT_NODE)
        continue;
      if ((*n)-- == 0)
        return node;
      found = nth_element (node->children, n);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static xmlNode *
element_at (xmlDoc *doc,
            guint   index)
{
  guint n = index;

  return nth_element (xmlDocGetRootElement (doc), &n);
}

static xmlNode *
next_element (xmlNode *node)
{
  for (node = node->next; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE)
      return node;

  return NULL;
}

typedef struct
{
  GHashTable *kinds;   /* the kinds of element changed so far */
  guint mutants;
  guint quick_accepted;
  guint grammar_accepted;
} Counts;

static guint
count_attributes (xmlNode *node)
{
  guint n = 0;

  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    n++;

  return n;
}

/* One of the 3 × (its attributes) + 13 changes of the element at index; FALSE when there is no such change to make. */
static gboolean
mutate (xmlDoc *doc,
        guint   index,
        guint   change)
{
  xmlNode *node = element_at (doc, index);
  xmlNode *next;
  xmlAttr *attr = node->properties;
  guint n_attributes = count_attributes (node);

  /* Per attribute: removed, then given a value no enumeration has, then a value of an
   * enumeration with blanks around it. */
  if (change < 3 * n_attributes)
    {
      for (guint i = 0; i < change / 3; i++)
        attr = attr->next;
      switch (change % 3)
        {
        case 0:
          xmlRemoveProp (attr);
          break;
        case 1:
          xmlSetProp (node, attr->name, (const xmlChar *) "no such value");
          break;
        default:
          {
            xmlChar *value = xmlGetProp (node, attr->name);
            g_autofree char *padded = g_strdup_printf (" %s ", (const char *) value);

            xmlSetProp (node, attr->name, (const xmlChar *) padded);
            xmlFree (value);
          }
        }
      return TRUE;
    }

  switch (change - 3 * n_attributes)
    {
    case 0:
      xmlSetProp (node, (const xmlChar *) "foreign", (const xmlChar *) "1");
      return TRUE;
    case 1:
      xmlSetNsProp (node, xmlNewNs (node, (const xmlChar *) "urn:other", (const xmlChar *) "o"),
                    (const xmlChar *) "kind", (const xmlChar *) "1");
      return TRUE;
    case 2:
      if (node->parent == NULL || node->parent->type != XML_ELEMENT_NODE)
        return FALSE;
      xmlUnlinkNode (node);
      xmlFreeNode (node);
      return TRUE;
    case 3:
      if (node->parent == NULL || node->parent->type != XML_ELEMENT_NODE)
        return FALSE;
      xmlAddNextSibling (node, xmlCopyNode (node, 1));
      return TRUE;
    case 4:
      next = next_element (node);
      if (next == NULL)
        return FALSE;
      xmlUnlinkNode (next);
      xmlAddPrevSibling (node, next);
      return TRUE;
    case 5:
      xmlAddChild (node, xmlNewText ((const xmlChar *) "words"));
      return TRUE;
    case 6:
      xmlAddChild (node, xmlNewText ((const xmlChar *) " \n\t"));
      return TRUE;
    case 7:
      xmlNewChild (node, node->ns, (const xmlChar *) "unknown", NULL);
      return TRUE;
    case 8:
      xmlNewChild (node, node->ns, (const xmlChar *) TP_XML_NOTE, NULL);
      return TRUE;
    case 9:
      next = xmlFirstElementChild (node);
      if (next == NULL)
        return FALSE;
      xmlAddChild (node, xmlCopyNode (next, 1));
      return TRUE;
    case 10:
      xmlNodeSetName (node, (const xmlChar *) (xmlStrEqual (node->name, (const xmlChar *) TP_XML_NOTE) ?
                                               TP_XML_PAIN : TP_XML_NOTE));
      return TRUE;
    case 11:
      node->ns = NULL;
      return TRUE;
    case 12:
      xmlAddChild (node, xmlNewComment ((const xmlChar *) "a comment"));
      return TRUE;
    default:
      return FALSE;
    }
}

/* The first element of each kind (its name, its parent's and its kind attribute) in
 * all the documents is changed: the others of a kind would test the same tables again
 * (and the test must stay short under the sanitizers, where libxml2's every allocation
 * is traced). */
static char *
kind_of (xmlNode *node)
{
  xmlChar *kind = xmlGetProp (node, (const xmlChar *) TP_XML_A_KIND);
  char *key = g_strdup_printf ("%s/%s/%s",
                               node->parent != NULL && node->parent->type == XML_ELEMENT_NODE ?
                               (const char *) node->parent->name : "",
                               (const char *) node->name, kind != NULL ? (const char *) kind : "");

  xmlFree (kind);
  return key;
}

/* Leaves the first element of each kind: the changes are made to a document a tenth
 * the size, which libxml2 validates in a tenth of the time. */
static void
prune (xmlNode    *node,
       GHashTable *seen)
{
  xmlNode *next;

  for (xmlNode *child = node->children; child != NULL; child = next)
    {
      next = child->next;
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (!g_hash_table_add (seen, kind_of (child)))
        {
          xmlUnlinkNode (child);
          xmlFreeNode (child);
          continue;
        }
      prune (child, seen);
    }
}

static void
prune_document (xmlDoc *doc)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  prune (xmlDocGetRootElement (doc), seen);
}

static void
check_document (const char *name,
                const char *data,
                gsize       length,
                Counts     *counts)
{
  xmlDoc *doc = parse (data, length);
  gboolean quick, grammar;

  /* The loader refuses a DOCTYPE before any validation. */
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL || doc->intSubset != NULL)
    {
      xmlFreeDoc (doc);
      return;
    }

  quick = _tp_schema_quick_accepts (doc);
  grammar = grammar_accepts (doc);
  if (quick != grammar)
    g_error ("%s: the quick check says %s, the grammar %s", name,
             quick ? "valid" : "not valid", grammar ? "valid" : "not valid");

  prune_document (doc);
  if (_tp_schema_quick_accepts (doc) && !grammar_accepts (doc))
    g_error ("%s: pruned, it is accepted by the quick check and refused by the grammar", name);

  for (guint index = 0;; index++)
    {
      xmlNode *node = element_at (doc, index);
      guint n_changes;
      char *kind;

      if (node == NULL)
        break;
      kind = kind_of (node);
      if (!g_hash_table_add (counts->kinds, kind))
        continue;

      n_changes = 3 * count_attributes (node) + 13;
      for (guint change = 0; change < n_changes; change++)
        {
          xmlDoc *copy = xmlCopyDoc (doc, 1);

          if (mutate (copy, index, change))
            {
              quick = _tp_schema_quick_accepts (copy);
              grammar = grammar_accepts (copy);
              if (quick && !grammar)
                g_error ("%s: change %u of element %u (%s) is accepted by the quick check, "
                         "refused by the grammar", name, change, index, kind);
              counts->mutants++;
              counts->quick_accepted += quick;
              counts->grammar_accepted += grammar;
            }
          xmlFreeDoc (copy);
        }
    }

  xmlFreeDoc (doc);
}

static void
check_folder (const char *folder,
              Counts     *counts)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *data = NULL;
      gsize length;

      if (!g_str_has_suffix (name, ".touchpoint") || !g_file_get_contents (path, &data, &length, NULL))
        continue;
      check_document (path, data, length, counts);
    }
}

static void
test_never_more_permissive (void)
{
  g_autoptr(GHashTable) kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Counts counts = { kinds, 0, 0, 0 };
  const char *folders[][3] = {
    { "data", "examples", NULL }, { "data", "templates", NULL },
    { "tests", "files", NULL }, { "tests", "files", "bad" },
  };

  check_document ("places", places, strlen (places), &counts);
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *folder = g_build_filename (TP_SRCDIR, folders[i][0], folders[i][1],
                                                  folders[i][2], NULL);

      check_folder (folder, &counts);
    }

  g_test_message ("%u changed documents: the grammar accepted %u, the quick check %u",
                  counts.mutants, counts.grammar_accepted, counts.quick_accepted);
  /* Enough changes to mean something, and some of them valid (a comment, blanks, a
   * text value) so that the quick check is seen accepting changed documents too. */
  g_assert_cmpuint (counts.mutants, >, 1000);
  g_assert_cmpuint (counts.quick_accepted, >, 100);
}

/* Documents the builder takes (every value and reference is right) that the grammar
 * refuses: the loader still refuses them, with libxml2's words on the line it gave them
 * before the quick check (issue 19). The last is valid but not the quick check's (blanks
 * in an empty element): libxml2's validator takes it, and so does the loader. */
static const struct
{
  const char *name;
  const char *body;
  guint       line;
  const char *detail;
} structure_cases[] = {
  { "blocks-out-of-order",
    "<canvas>\n"
    "<block kind=\"channels\"/>\n"
    "<block kind=\"customer-segments\"/>\n"
    "</canvas>\n", 4, "Element canvas has extra content: block" },
  { "foreign-attribute",
    "<canvas><block kind=\"channels\">\n"
    "<note id=\"n\" colour=\"blue\" evidence=\"validated\" size=\"big\">N</note>\n"
    "</block></canvas>\n", 3, "Element canvas has extra content: block" },
  { "pain-before-action",
    "<journey><stage id=\"s\" name=\"S\">\n"
    "<touchpoint id=\"t\" name=\"T\">\n"
    "<pain>P</pain>\n"
    "<action>A</action>\n"
    "</touchpoint></stage></journey>\n", 6, "Did not expect element action there" },
  { "text-between-elements",
    "<canvas>\n"
    "stray words\n"
    "<block kind=\"channels\"/>\n"
    "</canvas>\n", 3, "Element canvas has extra content: text" },
  { "blanks-in-empty-element",
    "<meta><story><hide step=\"x\"> </hide></story></meta>\n", 0, NULL },
};

static void
test_structure_refused (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autofree char *text = g_strconcat ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                       "<touchpoint xmlns=\"" TP_XML_NS "\" version=\"1.1\">\n",
                                       structure_cases[i].body, "</touchpoint>\n", NULL);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDocument) document = tp_load_bytes (bytes, &problems, &error);
  g_autofree char *message = NULL;
  TpProblem *problem;
  xmlDoc *doc = parse (text, strlen (text));

  g_assert_false (_tp_schema_quick_accepts (doc));
  g_assert_true (grammar_accepts (doc) == (structure_cases[i].detail == NULL));
  xmlFreeDoc (doc);

  if (structure_cases[i].detail == NULL)
    {
      g_assert_no_error (error);
      g_assert_nonnull (document);
      return;
    }

  g_assert_null (document);
  g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_INVALID);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  message = g_strdup_printf ("The document does not follow the Touchpoint format (%s)",
                             structure_cases[i].detail);
  g_assert_cmpstr (problem->message, ==, message);
  g_assert_cmpuint (problem->line, ==, structure_cases[i].line);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/schema-quick/never-more-permissive", test_never_more_permissive);
  for (guint i = 0; i < G_N_ELEMENTS (structure_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/touchpoint/schema-quick/refused/%s",
                                               structure_cases[i].name);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_structure_refused);
    }

  return g_test_run ();
}
