/* tp-test-grammar.c: a RelaxNG grammar from a file, and whether it accepts a tree */

#include "config.h"

#include "tp-test-grammar.h"

xmlRelaxNGPtr
tp_test_grammar_load (const char *path)
{
  static GHashTable *grammars;
  xmlRelaxNGPtr grammar;

  if (grammars == NULL)
    grammars = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  grammar = g_hash_table_lookup (grammars, path);
  if (grammar == NULL)
    {
      xmlRelaxNGParserCtxtPtr parser = xmlRelaxNGNewParserCtxt (path);

      grammar = xmlRelaxNGParse (parser);
      xmlRelaxNGFreeParserCtxt (parser);
      g_assert_nonnull (grammar);
      g_hash_table_insert (grammars, g_strdup (path), grammar);
    }

  return grammar;
}

static void
ignore_error (void        *user_data,
              xmlErrorPtr  error)
{
}

gboolean
tp_test_grammar_accepts (xmlRelaxNGPtr  grammar,
                         xmlDoc        *doc)
{
  xmlRelaxNGValidCtxtPtr validator = xmlRelaxNGNewValidCtxt (grammar);
  int result;

  xmlRelaxNGSetValidStructuredErrors (validator, ignore_error, NULL);
  result = xmlRelaxNGValidateDoc (validator, doc);
  xmlRelaxNGFreeValidCtxt (validator);

  return result == 0;
}
