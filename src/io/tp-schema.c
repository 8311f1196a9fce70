/* tp-schema.c: the RelaxNG schema of the file format, compiled once.
 *
 * What is compiled is data/touchpoint.rng without its facets (<param>), without the
 * datatypes the loader parses itself (<text/> instead) and without comments, made at
 * build time by build-aux/tp-runtime-schema.py: the loader checks those values in code
 * with clearer messages, and libxml2 2.9 made each facet check of each value cost a
 * whole XML Schema parser context (issue 19). The structure and the enumerations stay
 * the schema's; no datatype is left in it (the ids' NCName is checked by the builder).
 * A document is first walked against tables made from the same grammar
 * (tp-schema-quick.c); only one that walk does not prove valid is validated here.
 */
#include "config.h"

#include "tp-schema.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "tp-core-resources.h"
#include "tp-loader-private.h"
#include "tp-problem.h"
#include "tp-schema-quick.h"

#define SCHEMA_RESOURCE "/io/github/touchpoint/Touchpoint/core/touchpoint-runtime.rng"

/* libxml2 does not promise that one compiled grammar may validate in several threads at
 * once; loads are rare and validation takes milliseconds, so serialize it. */
static GMutex validate_lock;

static void
on_schema_parse_error (void        *user_data,
                       xmlErrorPtr  error)
{
  GString *errors = user_data;

  if (error != NULL && error->message != NULL)
    g_string_append_printf (errors, "line %d: %s", error->line, error->message);
}

static xmlRelaxNGPtr
get_schema (void)
{
  static gsize initialized = 0;
  static xmlRelaxNGPtr schema = NULL;

  if (g_once_init_enter (&initialized))
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) errors = g_string_new (NULL);

      xmlInitParser ();

      /* Looking the data up through tp_core_get_resource() keeps the resource linked
       * into every binary that loads documents, whether or not it registers it. */
      bytes = g_resource_lookup_data (tp_core_get_resource (), SCHEMA_RESOURCE,
                                      G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes == NULL)
        {
          g_critical ("Cannot find the document schema: %s", error->message);
        }
      else
        {
          xmlRelaxNGParserCtxtPtr parser;
          gsize size;
          const char *data = g_bytes_get_data (bytes, &size);

          parser = xmlRelaxNGNewMemParserCtxt (data, (int) size);
          xmlRelaxNGSetParserStructuredErrors (parser, on_schema_parse_error, errors);
          schema = xmlRelaxNGParse (parser);
          xmlRelaxNGFreeParserCtxt (parser);

          if (schema == NULL)
            g_critical ("Cannot compile the document schema: %s", errors->str);
        }

      g_once_init_leave (&initialized, 1);
    }

  return schema;
}

typedef struct
{
  GPtrArray *problems;
  GPtrArray *nodes;
  guint      max_problems;
  guint      added;
  guint      last_line;
  char      *last_message;
} Collector;

static void
on_validity_error (void        *user_data,
                   xmlErrorPtr  error)
{
  Collector *collector = user_data;
  g_autofree char *detail = NULL;
  g_autofree char *message = NULL;
  xmlNode *node;
  guint line = 0;

  if (error == NULL || error->level < XML_ERR_ERROR)
    return;
  if (collector->added >= collector->max_problems)
    return;

  node = error->node;
  if (node != NULL && node->type != XML_ELEMENT_NODE)
    node = NULL;
  if (node != NULL)
    line = _tp_loader_get_line (node);
  else if (error->line > 0)
    line = (guint) error->line;

  detail = g_strstrip (g_strdup (error->message != NULL ? error->message : ""));

  /* libxml2 tends to report one fault on the same element more than once. */
  if (line == collector->last_line && g_strcmp0 (detail, collector->last_message) == 0)
    return;
  g_free (collector->last_message);
  collector->last_message = g_strdup (detail);
  collector->last_line = line;

  /* Translators: the placeholder is libxml2's own description, in English. */
  message = g_strdup_printf (_("The document does not follow the Touchpoint format (%s)"),
                             detail);
  g_ptr_array_add (collector->problems, tp_problem_new (line, message));
  if (collector->nodes != NULL)
    g_ptr_array_add (collector->nodes, node);
  collector->added++;
}

gboolean
tp_schema_validate (xmlDoc    *doc,
                    GPtrArray *problems,
                    GPtrArray *nodes,
                    guint      max_problems)
{
  xmlRelaxNGPtr schema;
  xmlRelaxNGValidCtxtPtr validator;
  Collector collector = { problems, nodes, max_problems, 0, 0, NULL };
  int result;

  g_return_val_if_fail (doc != NULL, FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  /* Nearly every document is valid: proven so in one walk, it needs neither the grammar
   * compiled nor libxml2's validator, which is left the documents that may be invalid
   * and the wording of their problems (issue 19). */
  if (_tp_schema_quick_accepts (doc))
    return TRUE;

  schema = get_schema ();
  if (schema == NULL)
    {
      g_ptr_array_add (problems,
                       tp_problem_new (0, _("The description of the file format is missing from this build of Touchpoint")));
      if (nodes != NULL)
        g_ptr_array_add (nodes, NULL);
      return FALSE;
    }

  g_mutex_lock (&validate_lock);
  validator = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (validator, on_validity_error, &collector);
  result = xmlRelaxNGValidateDoc (validator, doc);
  xmlRelaxNGFreeValidCtxt (validator);
  g_mutex_unlock (&validate_lock);

  g_free (collector.last_message);

  if (result != 0 && collector.added == 0 && max_problems > 0)
    {
      xmlNode *root = xmlDocGetRootElement (doc);

      g_ptr_array_add (problems,
                       tp_problem_new (_tp_loader_get_line (root),
                                       _("The document does not follow the Touchpoint format")));
      if (nodes != NULL)
        g_ptr_array_add (nodes, root);
    }

  return result == 0;
}
