/* tp-loader-extras.c: keeping the unknown content of a newer minor version.
 *
 * A document of format 1.N (N > ours) may carry elements and attributes this build does
 * not know. They are moved out of the tree, verbatim, into the TpExtras of the item they
 * belong to, so that the rest validates against our schema and a save writes them back
 * (FORMAT.md, "Principles"). Only items and sections have a TpExtras; unknown content
 * anywhere else (inside a <pain>, say) cannot be kept, and the document is refused rather
 * than silently losing it.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlsave.h>

#include "model/tp-extras.h"
#include "tp-loader-private.h"
#include "tp-xml-names.h"

typedef struct _ElementInfo ElementInfo;

struct _ElementInfo
{
  const char         *name;
  gboolean            keeps_extras;  /* the element's item or section has a TpExtras */
  const char * const *attributes;
  const ElementInfo * const *children;
};

#define ATTRIBUTES(...) ((const char * const []) { __VA_ARGS__, NULL })
#define CHILDREN(...) ((const ElementInfo * const []) { __VA_ARGS__, NULL })
#define NO_ATTRIBUTES ((const char * const []) { NULL })
#define NO_CHILDREN ((const ElementInfo * const []) { NULL })

/* What this build knows, as a tree (the same name may mean different things in different
 * places: <touchpoint> is the root and a journey touchpoint). Mirrors the schema. */
#define LEAF(var, elem) \
  static const ElementInfo var = { elem, FALSE, NO_ATTRIBUTES, NO_CHILDREN }

LEAF (title_info, TP_XML_TITLE);
LEAF (organisation_info, TP_XML_ORGANISATION);
LEAF (facilitator_info, TP_XML_FACILITATOR);
LEAF (date_info, TP_XML_DATE);
LEAF (description_info, TP_XML_DESCRIPTION);
LEAF (job_info, TP_XML_JOB);
LEAF (action_info, TP_XML_ACTION);
LEAF (pain_info, TP_XML_PAIN);
LEAF (opportunity_info, TP_XML_OPPORTUNITY);
LEAF (text_info, TP_XML_TEXT);

static const ElementInfo hide_info = {
  TP_XML_HIDE, TRUE, ATTRIBUTES (TP_XML_A_STEP), NO_CHILDREN,
};
static const ElementInfo story_info = {
  TP_XML_STORY, TRUE, NO_ATTRIBUTES, CHILDREN (&hide_info),
};
static const ElementInfo meta_info = {
  TP_XML_META, TRUE, NO_ATTRIBUTES,
  CHILDREN (&title_info, &organisation_info, &facilitator_info, &date_info, &story_info),
};
static const ElementInfo persona_info = {
  TP_XML_PERSONA, TRUE, ATTRIBUTES (TP_XML_A_ID, TP_XML_A_NAME, TP_XML_A_ACCENT),
  CHILDREN (&description_info),
};
static const ElementInfo personas_info = {
  TP_XML_PERSONAS, TRUE, NO_ATTRIBUTES, CHILDREN (&persona_info),
};
static const ElementInfo note_info = {
  TP_XML_NOTE, TRUE,
  ATTRIBUTES (TP_XML_A_ID, TP_XML_A_COLOUR, TP_XML_A_EVIDENCE, TP_XML_A_VOTES, TP_XML_A_PERSONA),
  NO_CHILDREN,
};
static const ElementInfo block_info = {
  TP_XML_BLOCK, TRUE, ATTRIBUTES (TP_XML_A_KIND), CHILDREN (&note_info),
};
static const ElementInfo canvas_info = {
  TP_XML_CANVAS, TRUE, NO_ATTRIBUTES, CHILDREN (&block_info),
};
static const ElementInfo area_info = {
  TP_XML_AREA, TRUE, ATTRIBUTES (TP_XML_A_KIND), CHILDREN (&note_info),
};
static const ElementInfo value_chain_info = {
  TP_XML_VALUE_CHAIN, TRUE, NO_ATTRIBUTES, CHILDREN (&area_info),
};
static const ElementInfo score_info = {
  TP_XML_SCORE, FALSE, ATTRIBUTES (TP_XML_A_VALUE, TP_XML_A_COUNT), NO_CHILDREN,
};
static const ElementInfo kpi_info = {
  TP_XML_KPI, TRUE,
  ATTRIBUTES (TP_XML_A_ID, TP_XML_A_KIND, TP_XML_A_NAME, TP_XML_A_METHOD, TP_XML_A_START,
              TP_XML_A_END, TP_XML_A_NEW, TP_XML_A_CONVERSIONS, TP_XML_A_VISITORS,
              TP_XML_A_VALUE, TP_XML_A_UNIT, TP_XML_A_TARGET, TP_XML_A_DIRECTION),
  CHILDREN (&score_info),
};
static const ElementInfo action_item_info = {
  TP_XML_ACTION_ITEM, TRUE, ATTRIBUTES (TP_XML_A_OWNER, TP_XML_A_STATUS), NO_CHILDREN,
};
static const ElementInfo moment_of_truth_info = {
  TP_XML_MOMENT_OF_TRUTH, TRUE,
  ATTRIBUTES (TP_XML_A_EXPECTATION, TP_XML_A_EXPERIENCE, TP_XML_A_IMPACT,
              TP_XML_A_FEASIBILITY, TP_XML_A_STRATEGY),
  CHILDREN (&action_item_info),
};
static const ElementInfo answer_info = {
  TP_XML_ANSWER, FALSE,
  ATTRIBUTES (TP_XML_A_FUNCTIONAL, TP_XML_A_DYSFUNCTIONAL, TP_XML_A_COUNT),
  NO_CHILDREN,
};
static const ElementInfo need_info = {
  TP_XML_NEED, TRUE, ATTRIBUTES (TP_XML_A_ID, TP_XML_A_CATEGORY),
  CHILDREN (&text_info, &answer_info),
};
static const ElementInfo touchpoint_info = {
  TP_XML_TOUCHPOINT, TRUE,
  ATTRIBUTES (TP_XML_A_ID, TP_XML_A_NAME, TP_XML_A_CHANNEL, TP_XML_A_EMOTION, TP_XML_A_PERSONA,
              TP_XML_A_VOTES),
  CHILDREN (&action_info, &pain_info, &opportunity_info, &moment_of_truth_info, &need_info,
            &kpi_info),
};
static const ElementInfo stage_info = {
  TP_XML_STAGE, TRUE, ATTRIBUTES (TP_XML_A_ID, TP_XML_A_NAME, TP_XML_A_COLOUR),
  CHILDREN (&job_info, &kpi_info, &touchpoint_info),
};
static const ElementInfo journey_info = {
  TP_XML_JOURNEY, TRUE, NO_ATTRIBUTES, CHILDREN (&stage_info),
};
static const ElementInfo link_info = {
  TP_XML_LINK, TRUE,
  ATTRIBUTES (TP_XML_A_ID, TP_XML_A_NOTE, TP_XML_A_TOUCHPOINT, TP_XML_A_LABEL),
  NO_CHILDREN,
};
static const ElementInfo links_info = {
  TP_XML_LINKS, TRUE, NO_ATTRIBUTES, CHILDREN (&link_info),
};
static const ElementInfo root_info = {
  TP_XML_ROOT, TRUE, ATTRIBUTES (TP_XML_A_VERSION),
  CHILDREN (&meta_info, &personas_info, &canvas_info, &value_chain_info, &journey_info,
            &links_info),
};

static void
extras_free (gpointer data)
{
  TpExtras *extras = data;

  tp_extras_clear (extras);
  g_free (extras);
}

GHashTable *
_tp_loader_extras_table_new (void)
{
  return g_hash_table_new_full (NULL, NULL, NULL, extras_free);
}

void
_tp_loader_take_extras (GHashTable *extras,
                        xmlNode    *node,
                        TpExtras   *dest)
{
  TpExtras *found;

  if (extras == NULL)
    return;

  found = g_hash_table_lookup (extras, node);
  if (found == NULL)
    return;

  for (guint i = 0; found->attributes != NULL && i + 1 < found->attributes->len; i += 2)
    tp_extras_add_attribute (dest,
                             g_ptr_array_index (found->attributes, i),
                             g_ptr_array_index (found->attributes, i + 1));
  for (guint i = 0; found->elements != NULL && i < found->elements->len; i++)
    tp_extras_add_element (dest, g_ptr_array_index (found->elements, i));

  g_hash_table_remove (extras, node);
}

static TpExtras *
ensure_extras (GHashTable *extras,
               xmlNode    *node)
{
  TpExtras *found = g_hash_table_lookup (extras, node);

  if (found == NULL)
    {
      found = g_new0 (TpExtras, 1);
      g_hash_table_insert (extras, node, found);
    }

  return found;
}

static const ElementInfo *
find_child_info (const ElementInfo *info,
                 xmlNode           *child)
{
  if (!_tp_loader_is_element (child, NULL))
    return NULL;

  for (guint i = 0; info->children[i] != NULL; i++)
    if (strcmp ((const char *) child->name, info->children[i]->name) == 0)
      return info->children[i];

  return NULL;
}

static gboolean
is_known_attribute (const ElementInfo *info,
                    xmlAttr           *attribute)
{
  if (attribute->ns != NULL)
    return FALSE;

  return g_strv_contains ((const char * const *) info->attributes,
                          (const char *) attribute->name);
}

/* Whether an element of no namespace would be read in another one: the nearest default
 * namespace declared on it or its ancestors inside the kept element is not xmlns="". */
static gboolean
needs_undeclaration (xmlNode *element)
{
  for (xmlNode *scope = element; scope != NULL && scope->type == XML_ELEMENT_NODE;
       scope = scope->parent)
    for (xmlNs *ns = scope->nsDef; ns != NULL; ns = ns->next)
      if (ns->prefix == NULL)
        return ns->href != NULL && ns->href[0] != '\0';

  /* Nothing declared inside: ours is the default where the writer puts it. */
  return TRUE;
}

/* The writer puts a kept element back where our namespace is the default one. An element
 * of no namespace (in a document that spells ours with a prefix: <tp:meta><title/>) would
 * land in ours there, and become a second <title> the next load refuses; so each element
 * of no namespace in the kept one says xmlns="" where that is not already in effect. */
static void
undeclare_default_namespace (xmlNode *element)
{
  if (element->ns == NULL && needs_undeclaration (element))
    xmlNewNs (element, (const xmlChar *) "", NULL);

  for (xmlNode *child = element->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      undeclare_default_namespace (child);
}

/* Serializes element on its own, with the namespace declarations it needs. */
static char *
dump_element (xmlNode *element)
{
  xmlDoc *scratch = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNode *copy = xmlDocCopyNode (element, scratch, 1);
  xmlBuffer *buffer = xmlBufferCreate ();
  xmlNs **link;
  xmlNs *ours = NULL;
  char *xml;

  xmlDocSetRootElement (scratch, copy);

  /* The copy declares the namespaces it uses from outside itself. Ours is the default
   * namespace wherever the writer puts the element back, so its declaration would only
   * be noise; the element keeps pointing at it, so it is unlinked for the dump only. */
  for (link = &copy->nsDef; *link != NULL; link = &(*link)->next)
    {
      if ((*link)->prefix == NULL &&
          g_strcmp0 ((const char *) (*link)->href, TP_XML_NS) == 0)
        {
          ours = *link;
          *link = ours->next;
          break;
        }
    }

  undeclare_default_namespace (copy);

  xmlNodeDump (buffer, scratch, copy, 0, 0);
  xml = g_strndup ((const char *) xmlBufferContent (buffer), xmlBufferLength (buffer));

  if (ours != NULL)
    {
      ours->next = copy->nsDef;
      copy->nsDef = ours;
    }

  xmlBufferFree (buffer);
  xmlFreeDoc (scratch);

  return xml;
}

static gboolean
extract (const ElementInfo *info,
         xmlNode           *node,
         GHashTable        *extras,
         GPtrArray         *problems)
{
  gboolean ok = TRUE;
  xmlAttr *attribute;
  xmlNode *child;

  attribute = node->properties;
  while (attribute != NULL)
    {
      xmlAttr *next = attribute->next;
      g_autofree char *name = NULL;
      xmlChar *value;

      if (is_known_attribute (info, attribute))
        {
          attribute = next;
          continue;
        }

      if (attribute->ns == NULL)
        name = g_strdup ((const char *) attribute->name);
      else if (g_strcmp0 ((const char *) attribute->ns->prefix, "xml") == 0)
        name = g_strdup_printf ("xml:%s", (const char *) attribute->name);

      /* Attributes in other namespaces would need their declarations kept as well; no
       * version of the format has any. */
      if (!info->keeps_extras || name == NULL)
        {
          _tp_loader_add_problem (problems, _tp_loader_get_line (node),
                                  _("The attribute “%s” on <%s> comes from a newer version of Touchpoint and cannot be kept by this one"),
                                  (const char *) attribute->name, info->name);
          ok = FALSE;
          attribute = next;
          continue;
        }

      value = xmlNodeGetContent ((xmlNode *) attribute);
      tp_extras_add_attribute (ensure_extras (extras, node), name,
                               value != NULL ? (const char *) value : "");
      xmlFree (value);
      xmlRemoveProp (attribute);

      attribute = next;
    }

  child = node->children;
  while (child != NULL)
    {
      xmlNode *next = child->next;
      const ElementInfo *child_info;

      if (child->type != XML_ELEMENT_NODE)
        {
          child = next;
          continue;
        }

      child_info = find_child_info (info, child);
      if (child_info != NULL)
        {
          ok &= extract (child_info, child, extras, problems);
        }
      else if (!info->keeps_extras)
        {
          _tp_loader_add_problem (problems, _tp_loader_get_line (child),
                                  _("The element <%s> inside <%s> comes from a newer version of Touchpoint and cannot be kept by this one"),
                                  (const char *) child->name, info->name);
          ok = FALSE;
        }
      else
        {
          g_autofree char *xml = dump_element (child);

          tp_extras_add_element (ensure_extras (extras, node), xml);
          xmlUnlinkNode (child);
          xmlFreeNode (child);
        }

      child = next;
    }

  return ok;
}

gboolean
_tp_loader_extract_extras (xmlNode    *root,
                           GHashTable *extras,
                           GPtrArray  *problems)
{
  g_return_val_if_fail (root != NULL, FALSE);

  return extract (&root_info, root, extras, problems);
}
