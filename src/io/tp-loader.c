/* tp-loader.c: bytes → document, through the hardened pipeline of RELIABILITY.md.
 *
 * Every file is hostile until proven otherwise. In order: size cap, UTF-8 without NUL,
 * the pre-scan's structural caps, libxml2 in its safe modes with any DOCTYPE refused
 * before its subset is read, root/namespace/version in code, the unknown content of a
 * newer minor version moved aside, the RelaxNG schema, then the model is built with the
 * semantic checks. The libxml2 tree is freed before returning: nothing of it is kept.
 */
#include "config.h"

#include "tp-loader.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>

#include "tp-loader-private.h"
#include "tp-prescan.h"
#include "tp-schema.h"
#include "tp-xml-names.h"

/* The only parser options we ever use (RELIABILITY.md, "Loading"). Never NOENT, DTDLOAD,
 * DTDATTR, DTDVALID, XINCLUDE, HUGE or RECOVER. COMPACT keeps short texts (the
 * indentation between elements, most of a document's nodes) inside their node instead
 * of in a block of their own: 5 % of `--validate` at 10,000 notes (issue 19). Such a tree
 * must not have its texts changed in place; the loader only reads it, and the extras of
 * a newer minor version only unlink and free nodes and attributes. */
#define TP_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
                          XML_PARSE_BIG_LINES | XML_PARSE_IGNORE_ENC | XML_PARSE_NOCDATA | \
                          XML_PARSE_COMPACT)

/* A Touchpoint file of another major version would use a namespace of this family. */
#define TP_XML_NS_FAMILY "https://touchpoint.github.io/ns/"

G_DEFINE_QUARK (tp-load-error-quark, tp_load_error)

/* libxml2 2.9.14 keeps line numbers in 16 bits; past 65,535 xmlGetLineNo() guesses an
 * element's line from the text around it, which is off by one or more. The parser below
 * records the real line of such elements in a table kept in doc->_private. */
guint
_tp_loader_get_line (xmlNode *node)
{
  long line;

  if (node == NULL)
    return 0;

  if (node->type == XML_ELEMENT_NODE && node->line == G_MAXUSHORT &&
      node->doc != NULL && node->doc->_private != NULL)
    {
      gpointer big = g_hash_table_lookup (node->doc->_private, node);

      if (big != NULL)
        return GPOINTER_TO_UINT (big);
    }

  line = xmlGetLineNo (node);

  return line > 0 && line <= G_MAXUINT ? (guint) line : 0;
}

gboolean
_tp_loader_is_element (xmlNode    *node,
                       const char *name)
{
  return node->type == XML_ELEMENT_NODE &&
         node->ns != NULL &&
         g_strcmp0 ((const char *) node->ns->href, TP_XML_NS) == 0 &&
         (name == NULL || g_strcmp0 ((const char *) node->name, name) == 0);
}

/* An attribute's value without a copy where it is one text node, as it nearly always
 * is (xmlGetNoNsProp() copied it with libxml2's allocator, then g_strdup() again: 6 % of
 * `--validate` at 10,000 notes, issue 19); otherwise joined into *storage. A document has
 * no DTD (a DOCTYPE is refused), so no default value can come from one. */
const char *
_tp_loader_peek_attribute (xmlNode     *node,
                           const char  *name,
                           char       **storage)
{
  *storage = NULL;

  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      xmlChar *value;

      if (attr->ns != NULL || !xmlStrEqual (attr->name, (const xmlChar *) name))
        continue;
      if (attr->children == NULL)
        return "";
      if (attr->children->next == NULL && attr->children->type == XML_TEXT_NODE)
        return (const char *) attr->children->content;

      value = xmlNodeListGetString (node->doc, attr->children, 1);
      *storage = g_strdup (value != NULL ? (const char *) value : "");
      xmlFree (value);
      return *storage;
    }

  return NULL;
}

char *
_tp_loader_dup_attribute (xmlNode    *node,
                          const char *name)
{
  char *storage;
  const char *value = _tp_loader_peek_attribute (node, name, &storage);

  return storage != NULL ? storage : g_strdup (value);
}

/* One copy where the content is one text node, as a text field's nearly always is
 * (xmlNodeGetContent() and g_strdup() were two: 2 % of `--validate`, issue 19). */
char *
_tp_loader_dup_content (xmlNode *node)
{
  xmlChar *value;
  char *copy;

  if (node->children == NULL)
    return g_strdup ("");
  if (node->children->next == NULL && node->children->type == XML_TEXT_NODE)
    return g_strdup ((const char *) node->children->content);

  value = xmlNodeGetContent (node);
  copy = g_strdup (value != NULL ? (const char *) value : "");
  xmlFree (value);

  return copy;
}

char *
_tp_loader_format_integer (gint64 value)
{
  /* A real minus sign reads better than a hyphen in a sentence. */
  if (value < 0)
    return g_strdup_printf ("−%" G_GINT64_FORMAT, -value);
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* Parses an integer the way the schema's xsd:integer does (optional sign, digits,
 * surrounding whitespace), without overflow. */
gboolean
_tp_loader_parse_integer (const char *text,
                          gint64      min,
                          gint64      max,
                          gint64     *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  const char *p = copy;
  gboolean negative = FALSE;
  gint64 value = 0;

  if (*p == '+' || *p == '-')
    negative = *p++ == '-';
  if (*p == '\0')
    return FALSE;

  for (; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      value = value * 10 + (*p - '0');
      if (value > (gint64) TP_COUNT_MAX * 10)
        return FALSE;
    }

  if (negative)
    value = -value;
  if (value < min || value > max)
    return FALSE;

  *out = value;
  return TRUE;
}

/* Parses YYYY-MM-DD (as xsd:date with the schema's pattern) into the same form, or NULL
 * if it is not a real date. */
char *
_tp_loader_parse_date (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  guint year, month, day;

  if (strlen (copy) != 10 || copy[4] != '-' || copy[7] != '-' ||
      strspn (copy, "0123456789") != 4 || strspn (copy + 5, "0123456789") != 2 ||
      strspn (copy + 8, "0123456789") != 2)
    return NULL;

  year = (guint) g_ascii_strtoull (copy, NULL, 10);
  month = (guint) g_ascii_strtoull (copy + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (copy + 8, NULL, 10);

  if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return NULL;

  return g_steal_pointer (&copy);
}


/* Parses a real as xsd:double writes it, with surrounding whitespace; only finite values
 * within TP_REAL_LIMIT (no "NaN", "INF", "1e400", nor the hexadecimal forms strtod
 * knows). */
gboolean
_tp_loader_parse_real (const char *text,
                       double     *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;
  double value;

  if (copy[0] == '\0' || strspn (copy, "0123456789+-.eE") != strlen (copy))
    return FALSE;

  value = g_ascii_strtod (copy, &end);
  if (end == NULL || *end != '\0' || !isfinite (value) || fabs (value) > TP_REAL_LIMIT)
    return FALSE;

  *out = value;
  return TRUE;
}

void
_tp_loader_add_problem (GPtrArray  *problems,
                        guint       line,
                        const char *format,
                        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (problems->len >= TP_LOAD_MAX_PROBLEMS)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (problems, tp_problem_new (line, message));
}

static void
ensure_initialized (void)
{
  static gsize initialized = 0;

  /* libxml2 wants its global state set up once, before threads use it. */
  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

/* As g_utf8_validate_len(), but a machine word of ASCII at a time: most of a document
 * is ASCII, which GLib checks byte by byte (5 % of `--validate` at 10,000 notes, issue
 * 19). No byte of a multi-byte sequence is ASCII, so the text splits at ASCII bytes into
 * runs that GLib checks, and *invalid is where it would have stopped. */
static gboolean
validate_utf8 (const char  *data,
               gsize        length,
               const char **invalid)
{
  const char *p = data;
  const char *end = data + length;

  while (p < end)
    {
      const char *run;

      for (guint64 word; end - p >= 8; p += 8)
        {
          memcpy (&word, p, sizeof word);
          if ((word & G_GUINT64_CONSTANT (0x8080808080808080)) != 0)
            break;
        }
      while (p < end && (guchar) *p < 0x80)
        p++;
      if (p == end)
        break;

      run = p;
      while (p < end && (guchar) *p >= 0x80)
        p++;
      if (!g_utf8_validate_len (run, p - run, invalid))
        return FALSE;
    }

  *invalid = end;
  return TRUE;
}

static guint
count_lines (const char *start,
             const char *end)
{
  guint line = 1;

  for (const char *p = start; p < end; p++)
    if (*p == '\n')
      line++;

  return line;
}

typedef struct
{
  GPtrArray  *problems;
  GHashTable *big_lines;  /* xmlNode * → line, for lines past 65,535 */
  gboolean    doctype;
  guint       doctype_line;
  gboolean    error;
} ParseState;

static void
on_start_element (void           *user_data,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;
  xmlNode *parent = ctxt->node;

  xmlSAX2StartElementNs (ctxt, localname, prefix, uri, n_namespaces, namespaces,
                         n_attributes, n_defaulted, attributes);

  /* The same line libxml2 records below 65,535: where the start tag ends. */
  if (ctxt->node != NULL && ctxt->node != parent && ctxt->input != NULL &&
      ctxt->input->line >= G_MAXUSHORT)
    g_hash_table_insert (state->big_lines, ctxt->node, GUINT_TO_POINTER ((guint) ctxt->input->line));
}

/* Called by libxml2 when it has read "<!DOCTYPE name ...", before any declaration of
 * the internal subset: the format has no DOCTYPE, and stopping here means no entity is
 * ever declared, let alone expanded or fetched. */
static void
on_internal_subset (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;

  state->doctype = TRUE;
  state->doctype_line = ctxt->input != NULL && ctxt->input->line > 0 ? (guint) ctxt->input->line : 0;
  xmlStopParser (ctxt);
}

/* libxml2's messages ("Opening and ending tag mismatch: note line 5 and block") are
 * written for programmers, in English; a facilitator gets what happened in plain words,
 * translated. The commonest damage comes first: a file cut short by a failed copy, an
 * edit by hand that broke a tag. */
static const char *
describe_parse_error_code (int code)
{
  switch (code)
    {
    case XML_ERR_DOCUMENT_END:
    case XML_ERR_EXTRA_CONTENT:
      return _("there is more text after the end of the workshop");
    case XML_ERR_DOCUMENT_EMPTY:
      /* "Start tag expected": plain text, a picture, anything but XML. */
      return _("it does not hold a workshop, and may be another kind of file");
    case XML_ERR_TAG_NOT_FINISHED:
    case XML_ERR_LTSLASH_REQUIRED:
      return _("it ends in the middle of the workshop, as if it was cut short while being copied or saved");
    case XML_ERR_TAG_NAME_MISMATCH:
      return _("a part of the workshop is closed with the wrong name, as if it was edited by hand");
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
    case XML_ERR_NAME_REQUIRED:
      /* A bare "&" is the usual cause: typed by hand instead of "&amp;". */
      return _("an “&” sign or an entity is written where plain text was expected");
    case XML_ERR_LT_IN_ATTRIBUTE:
    case XML_ERR_LT_REQUIRED:
    case XML_ERR_GT_REQUIRED:
    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
    case XML_ERR_ATTRIBUTE_NOT_STARTED:
    case XML_ERR_ATTRIBUTE_NOT_FINISHED:
    case XML_ERR_STRING_NOT_CLOSED:
    case XML_ERR_STRING_NOT_STARTED:
    case XML_ERR_SPACE_REQUIRED:
      return _("a tag is broken (a quote, a “<” or a “>” is missing or out of place)");
    case XML_ERR_ATTRIBUTE_REDEFINED:
      return _("a value is given twice in one place");
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_CHARREF:
      return _("it contains a character that text files must not have");
    case XML_NS_ERR_UNDEFINED_NAMESPACE:
      return _("a name uses a prefix that is never declared");
    case XML_ERR_DOCUMENT_START:
      return _("it does not start like a document: it may not be a Touchpoint workshop at all");
    default:
      return _("its structure is broken");
    }
}

static char *
describe_parse_error (const xmlError *error)
{
  const char *name = error->str1 != NULL && *error->str1 != '\0' ? error->str1 : NULL;

  /* Where libxml2 names the culprit, it is said: the user can search for it. */
  if (name != NULL && g_utf8_validate (name, -1, NULL))
    switch (error->code)
      {
      case XML_ERR_UNDECLARED_ENTITY:
      case XML_WAR_UNDECLARED_ENTITY:
        return g_strdup_printf (_("“&%s;” is written where plain text was expected"), name);
      case XML_NS_ERR_UNDEFINED_NAMESPACE:
        return g_strdup_printf (_("a name uses the prefix “%s”, which is never declared"), name);
      default:
        break;
      }

  return g_strdup (describe_parse_error_code (error->code));
}

static void
on_parse_error (void        *user_data,
                xmlErrorPtr  error)
{
  xmlParserCtxtPtr ctxt = user_data;
  ParseState *state = ctxt->_private;
  g_autofree char *description = NULL;

  if (error == NULL || error->level < XML_ERR_ERROR)
    return;

  /* After the first error libxml2 often reports the consequences; the first is the
   * one that helps. */
  if (state->error || state->doctype)
    return;
  state->error = TRUE;

  description = describe_parse_error (error);
  _tp_loader_add_problem (state->problems, error->line > 0 ? (guint) error->line : 0,
                          /* Translators: the placeholder says in plain words what is
                           * wrong; "well-formed XML" is the term an expert looks up. */
                          _("The file is damaged: %s (not well-formed XML)"), description);
}

static xmlDoc *
parse (const char *data,
       gsize       length,
       GPtrArray  *problems)
{
  ParseState state = { problems, NULL, FALSE, 0, FALSE };
  xmlParserCtxtPtr ctxt;
  xmlDoc *doc;
  gboolean ok;

  ctxt = xmlCreateMemoryParserCtxt (data, (int) length);
  if (ctxt == NULL)
    {
      _tp_loader_add_problem (problems, 0, _("Not enough memory to read the file"));
      return NULL;
    }

  xmlCtxtUseOptions (ctxt, TP_PARSE_OPTIONS);

  /* Set after the options, which may adjust the SAX handler. */
  state.big_lines = g_hash_table_new (NULL, NULL);
  ctxt->_private = &state;
  ctxt->sax->internalSubset = on_internal_subset;
  ctxt->sax->serror = on_parse_error;
  ctxt->sax->startElementNs = on_start_element;

  xmlParseDocument (ctxt);

  doc = ctxt->myDoc;
  ctxt->myDoc = NULL;

  /* After xmlStopParser() libxml2 2.9.14 still returns a root-less document marked
   * well-formed, hence every one of these checks. */
  ok = !state.doctype && !state.error &&
       ctxt->errNo != XML_ERR_USER_STOP &&
       ctxt->wellFormed && ctxt->nsWellFormed &&
       doc != NULL && xmlDocGetRootElement (doc) != NULL;

  xmlFreeParserCtxt (ctxt);

  if (ok)
    {
      doc->_private = g_steal_pointer (&state.big_lines);
      return doc;
    }

  g_hash_table_unref (state.big_lines);

  if (state.doctype)
    {
      g_ptr_array_set_size (problems, 0);
      _tp_loader_add_problem (problems, state.doctype_line,
                              _("The file has a DOCTYPE declaration, which Touchpoint documents never have"));
    }
  else if (problems->len == 0)
    {
      _tp_loader_add_problem (problems, 0, _("The file is not well-formed XML"));
    }

  g_clear_pointer (&doc, xmlFreeDoc);

  return NULL;
}

/* Parses "MAJOR.MINOR" strictly. */
static gboolean
parse_version (const char *version,
               guint      *major,
               guint      *minor)
{
  g_auto(GStrv) parts = NULL;
  guint64 values[2];

  if (version == NULL)
    return FALSE;

  parts = g_strsplit (version, ".", -1);
  if (g_strv_length (parts) != 2)
    return FALSE;

  for (guint i = 0; i < 2; i++)
    {
      if (parts[i][0] == '\0' || strspn (parts[i], "0123456789") != strlen (parts[i]) ||
          !g_ascii_string_to_unsigned (parts[i], 10, 0, G_MAXUINT, &values[i], NULL))
        return FALSE;
    }

  *major = (guint) values[0];
  *minor = (guint) values[1];

  return TRUE;
}

/* Checks the root element and its version. Returns the load error code, or -1 when the
 * document is ours; minor receives the document's minor version. */
static int
check_root (xmlNode   *root,
            GPtrArray *problems,
            guint     *minor)
{
  g_autofree char *version = _tp_loader_dup_attribute (root, TP_XML_A_VERSION);
  const char *href = root->ns != NULL ? (const char *) root->ns->href : NULL;
  guint line = _tp_loader_get_line (root);
  gboolean version_ok;
  guint major = 0;

  version_ok = parse_version (version, &major, minor);

  if (g_strcmp0 ((const char *) root->name, TP_XML_ROOT) != 0)
    {
      _tp_loader_add_problem (problems, line,
                              _("This is not a Touchpoint document: its root element is <%s>"),
                              (const char *) root->name);
      return TP_LOAD_ERROR_NOT_TOUCHPOINT;
    }

  /* A newer major version may come with a namespace of its own: say so rather than
   * "not a Touchpoint document". */
  if (version_ok && major > TP_FORMAT_MAJOR &&
      href != NULL && g_str_has_prefix (href, TP_XML_NS_FAMILY))
    {
      _tp_loader_add_problem (problems, line,
                              _("This document was made by a newer version of Touchpoint (format %u.%u); install a newer Touchpoint to open it"),
                              major, *minor);
      return TP_LOAD_ERROR_NEWER_VERSION;
    }

  if (href == NULL)
    {
      _tp_loader_add_problem (problems, line,
                              _("This is not a Touchpoint document: its root element has no namespace"));
      return TP_LOAD_ERROR_NOT_TOUCHPOINT;
    }
  if (strcmp (href, TP_XML_NS) != 0)
    {
      _tp_loader_add_problem (problems, line,
                              _("This is not a Touchpoint document: its namespace is “%s” instead of “%s”"),
                              href, TP_XML_NS);
      return TP_LOAD_ERROR_NOT_TOUCHPOINT;
    }

  if (version == NULL)
    {
      _tp_loader_add_problem (problems, line,
                              _("The document does not say which format version it uses"));
      return TP_LOAD_ERROR_INVALID;
    }
  if (!version_ok || major < TP_FORMAT_MAJOR)
    {
      _tp_loader_add_problem (problems, line,
                              _("“%s” is not a format version Touchpoint knows"), version);
      return TP_LOAD_ERROR_INVALID;
    }
  if (major > TP_FORMAT_MAJOR)
    {
      _tp_loader_add_problem (problems, line,
                              _("This document was made by a newer version of Touchpoint (format %u.%u); install a newer Touchpoint to open it"),
                              major, *minor);
      return TP_LOAD_ERROR_NEWER_VERSION;
    }

  return -1;
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const TpProblem *pa = *(TpProblem * const *) a;
  const TpProblem *pb = *(TpProblem * const *) b;

  return (pa->line > pb->line) - (pa->line < pb->line);
}

/* The schema's messages are vague ("Element canvas has extra content: block", often on an
 * ancestor of the real fault); where the code found something concrete on the same line,
 * the schema's message adds nothing. Returns the problem to report first: the first one
 * the code found, else the schema's first. */
static TpProblem *
merge_problems (GPtrArray  *problems,
                GPtrArray  *code_problems,
                GHashTable *code_nodes,
                GPtrArray  *schema_problems,
                GPtrArray  *schema_nodes)
{
  g_autoptr(GHashTable) lines = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) from_code = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) ancestors = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key;

  /* libxml2 reports a fault inside an element on the element's ancestors too ("Element
   * canvas has extra content: block"); the root is left out, as everything is inside it
   * and what the schema says about its children is usually a problem of its own. */
  g_hash_table_iter_init (&iter, code_nodes);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    for (xmlNode *node = key; node != NULL && node->parent != NULL &&
         node->parent->type == XML_ELEMENT_NODE; node = node->parent)
      g_hash_table_add (ancestors, node);

  for (guint i = 0; i < code_problems->len; i++)
    {
      TpProblem *problem = g_ptr_array_index (code_problems, i);
      TpProblem *copy = tp_problem_new (problem->line, problem->message);

      g_hash_table_add (lines, GUINT_TO_POINTER (problem->line));
      g_hash_table_add (from_code, copy);
      g_ptr_array_add (problems, copy);
    }

  for (guint i = 0; i < schema_problems->len; i++)
    {
      TpProblem *problem = g_ptr_array_index (schema_problems, i);
      xmlNode *node = g_ptr_array_index (schema_nodes, i);

      if (!g_hash_table_contains (lines, GUINT_TO_POINTER (problem->line)) &&
          (node == NULL || !g_hash_table_contains (ancestors, node)))
        g_ptr_array_add (problems, tp_problem_new (problem->line, problem->message));
    }

  /* A stable sort: on one line, the code's problems stay first. */
  g_ptr_array_sort (problems, compare_problems);

  if (problems->len > TP_LOAD_MAX_PROBLEMS)
    g_ptr_array_set_size (problems, TP_LOAD_MAX_PROBLEMS);

  for (guint i = 0; i < problems->len; i++)
    if (g_hash_table_contains (from_code, g_ptr_array_index (problems, i)))
      return g_ptr_array_index (problems, i);

  return problems->len > 0 ? g_ptr_array_index (problems, 0) : NULL;
}

static TpDocument *
load_tree (xmlDoc     *doc,
           GPtrArray  *problems,
           TpProblem **primary,
           int        *code)
{
  g_autoptr(GPtrArray) schema_problems = g_ptr_array_new_with_free_func ((GDestroyNotify) tp_problem_free);
  g_autoptr(GPtrArray) schema_nodes = g_ptr_array_new ();
  g_autoptr(GPtrArray) code_problems = g_ptr_array_new_with_free_func ((GDestroyNotify) tp_problem_free);
  g_autoptr(GHashTable) code_nodes = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) extras = NULL;
  g_autoptr(TpDocument) document = NULL;
  xmlNode *root = xmlDocGetRootElement (doc);
  guint minor = 0;

  *code = check_root (root, problems, &minor);
  if (*code >= 0)
    return NULL;

  if (minor > TP_FORMAT_MINOR)
    {
      /* A newer minor version may add elements and attributes: keep them aside, so the
       * rest can be checked against our schema and they can be written back. */
      extras = _tp_loader_extras_table_new ();
      if (!_tp_loader_extract_extras (root, extras, problems))
        {
          *code = TP_LOAD_ERROR_NEWER_VERSION;
          return NULL;
        }
    }

  tp_schema_validate (doc, schema_problems, schema_nodes, TP_LOAD_MAX_PROBLEMS);
  document = _tp_loader_build (root, extras, code_problems, code_nodes);

  if (schema_problems->len > 0 || code_problems->len > 0)
    {
      *primary = merge_problems (problems, code_problems, code_nodes,
                                 schema_problems, schema_nodes);
      *code = TP_LOAD_ERROR_INVALID;
      return NULL;
    }

  if (minor > TP_FORMAT_MINOR)
    _tp_document_set_format_minor (document, minor);

  return g_steal_pointer (&document);
}

/* The trees kept by a process about to exit (tp_load_keep_trees()): still referenced,
 * so no leak checker reports them. */
static GPtrArray *kept_trees;
G_LOCK_DEFINE_STATIC (kept_trees);

/* For a process that loads a few documents and exits (touchpoint-validate): freeing a
 * tree node by node was 6 % of `--validate` at 10,000 notes (issue 19), work the exit
 * does at once. */
void
tp_load_keep_trees (void)
{
  G_LOCK (kept_trees);
  if (kept_trees == NULL)
    kept_trees = g_ptr_array_new ();
  G_UNLOCK (kept_trees);
}

static void
free_tree (xmlDoc *doc)
{
  G_LOCK (kept_trees);
  if (kept_trees != NULL)
    {
      g_ptr_array_add (kept_trees, doc);
      doc = NULL;
    }
  G_UNLOCK (kept_trees);

  if (doc == NULL)
    return;
  g_hash_table_unref (doc->_private);
  xmlFreeDoc (doc);
}

/* Returns the load error code, or -1 on success; primary may receive the problem to
 * report first (else the first one is). */
static int
load (GBytes      *bytes,
      GPtrArray   *problems,
      TpProblem  **primary,
      TpDocument **document)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  const char *nul;
  const char *invalid;
  TpProblem *prescan_problem = NULL;
  xmlDoc *doc;
  int code;

  if (length > TP_LOAD_MAX_BYTES)
    {
      _tp_loader_add_problem (problems, 0,
                              _("The file is larger than %u MiB, more than any workshop needs"),
                              (guint) (TP_LOAD_MAX_BYTES / (1024 * 1024)));
      return TP_LOAD_ERROR_TOO_LARGE;
    }

  if (length == 0)
    {
      _tp_loader_add_problem (problems, 0, _("The file is empty"));
      return TP_LOAD_ERROR_MALFORMED;
    }

  nul = memchr (data, '\0', length);
  if (!validate_utf8 (data, nul != NULL ? (gsize) (nul - data) : length, &invalid))
    {
      _tp_loader_add_problem (problems, count_lines (data, invalid),
                              _("The file is not UTF-8 text"));
      return TP_LOAD_ERROR_ENCODING;
    }
  if (nul != NULL)
    {
      _tp_loader_add_problem (problems, count_lines (data, nul),
                              _("The file contains a NUL character, which text files never have"));
      return TP_LOAD_ERROR_ENCODING;
    }

  if (!tp_prescan (data, length, NULL, &prescan_problem))
    {
      g_ptr_array_add (problems, prescan_problem);
      return TP_LOAD_ERROR_TOO_LARGE;
    }

  ensure_initialized ();

  doc = parse (data, length, problems);
  if (doc == NULL)
    return TP_LOAD_ERROR_MALFORMED;

  *document = load_tree (doc, problems, primary, &code);
  free_tree (doc);

  return code;
}

TpDocument *
tp_load_bytes (GBytes     *bytes,
               GPtrArray **problems,
               GError    **error)
{
  g_autoptr(GPtrArray) found = NULL;
  TpDocument *document = NULL;
  TpProblem *first = NULL;
  int code;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  found = g_ptr_array_new_with_free_func ((GDestroyNotify) tp_problem_free);

  code = load (bytes, found, &first, &document);

  if (document == NULL)
    {

      /* Every failure path records a problem; this keeps the promise regardless. */
      if (found->len == 0)
        g_ptr_array_add (found, tp_problem_new (0, _("The document could not be read")));
      if (code < 0)
        code = TP_LOAD_ERROR_INVALID;

      if (first == NULL)
        first = g_ptr_array_index (found, 0);
      if (first->line > 0)
        g_set_error (error, TP_LOAD_ERROR, code, _("Line %u: %s"), first->line, first->message);
      else
        g_set_error_literal (error, TP_LOAD_ERROR, code, first->message);
    }

  if (problems != NULL)
    *problems = g_steal_pointer (&found);

  return document;
}
