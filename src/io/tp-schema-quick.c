/* tp-schema-quick.c: proves a valid document valid in one walk of its tree.
 *
 * libxml2's RelaxNG validator was a third of `--validate` at 10,000 notes, and compiling
 * its grammar most of a small file's (issue 19), for documents that are nearly always
 * valid. This walk accepts a document only where the runtime grammar accepts it, with
 * tables made from that grammar at build time (build-aux/tp-schema-tables.py), so they
 * follow it. It is stricter than the grammar where that is simpler (an enumerated
 * value must be written exactly, without the blanks the grammar's token type allows;
 * an empty element has no text at all): whatever it does not accept goes to libxml2's
 * validator, whose verdict and messages stay the loader's.
 */
#include "config.h"

#include "tp-schema-quick.h"

#include <string.h>

typedef struct
{
  const char         *name;
  gboolean            required;
  const char * const *values;   /* NULL: any text */
} QuickAttribute;

typedef struct
{
  guint    element;   /* in quick_elements */
  guint    min;       /* 0 or 1 */
  gboolean many;      /* else at most once */
} QuickParticle;

typedef enum
{
  QUICK_CONTENT_EMPTY,
  QUICK_CONTENT_TEXT,
  QUICK_CONTENT_ELEMENTS,
} QuickContent;

typedef struct
{
  const char           *name;
  const QuickAttribute *attributes;
  guint                 n_attributes;
  QuickContent          content;
  const QuickParticle  *particles;
  guint                 n_particles;
} QuickElement;

#include "tp-schema-tables.h"

static gboolean
is_blank (const xmlChar *text)
{
  /* The blanks XML and RelaxNG skip between elements. */
  for (; text != NULL && *text != '\0'; text++)
    if (*text != ' ' && *text != '\t' && *text != '\n' && *text != '\r')
      return FALSE;

  return TRUE;
}

static gboolean
is_one_of (xmlAttr            *attr,
           const char * const *values)
{
  const char *value = "";

  if (attr->children != NULL)
    {
      /* A value of several nodes (an entity) is left to libxml2. */
      if (attr->children->next != NULL || attr->children->type != XML_TEXT_NODE)
        return FALSE;
      value = (const char *) attr->children->content;
    }

  for (; *values != NULL; values++)
    if (strcmp (value, *values) == 0)
      return TRUE;

  return FALSE;
}

/* The element's name, namespace and attributes; not its content. */
static gboolean
matches_start (const QuickElement *def,
               xmlNode            *node)
{
  guint64 seen = 0;

  if (node->name[0] != (xmlChar) def->name[0] ||
      strcmp ((const char *) node->name, def->name) != 0 ||
      node->ns == NULL || strcmp ((const char *) node->ns->href, TP_SCHEMA_NS) != 0)
    return FALSE;

  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    {
      guint i;

      if (attr->ns != NULL)
        return FALSE;
      /* The first letters tell most names apart without a call. */
      for (i = 0; i < def->n_attributes; i++)
        if (attr->name[0] == (xmlChar) def->attributes[i].name[0] &&
            strcmp ((const char *) attr->name, def->attributes[i].name) == 0)
          break;
      if (i == def->n_attributes)
        return FALSE;
      if (def->attributes[i].values != NULL && !is_one_of (attr, def->attributes[i].values))
        return FALSE;
      seen |= G_GUINT64_CONSTANT (1) << i;
    }

  for (guint i = 0; i < def->n_attributes; i++)
    if (def->attributes[i].required && (seen & (G_GUINT64_CONSTANT (1) << i)) == 0)
      return FALSE;

  return TRUE;
}

static gboolean matches_content (const QuickElement *def,
                                 xmlNode            *node);

/* The children in the order of the element's particles. A child goes to the first
 * particle from the current one that it matches (skipping those allowed to be
 * absent); in this grammar the particles a child could go to are told apart by name and
 * attributes (the canvas's blocks by their kind), so the first is the only one. */
static gboolean
matches_elements (const QuickElement *def,
                  xmlNode            *node)
{
  guint p = 0;
  guint count = 0;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      switch (child->type)
        {
        case XML_TEXT_NODE:
          if (!is_blank (child->content))
            return FALSE;
          continue;
        case XML_COMMENT_NODE:
        case XML_PI_NODE:
          continue;
        case XML_ELEMENT_NODE:
          break;
        default:
          return FALSE;
        }

      for (;; p++, count = 0)
        {
          const QuickParticle *particle;
          const QuickElement *target;

          if (p >= def->n_particles)
            return FALSE;
          particle = &def->particles[p];
          target = &quick_elements[particle->element];
          if (matches_start (target, child))
            {
              if (!matches_content (target, child))
                return FALSE;
              count++;
              if (!particle->many)
                {
                  p++;
                  count = 0;
                }
              break;
            }
          if (count < particle->min)
            return FALSE;
        }
    }

  for (; p < def->n_particles; p++, count = 0)
    if (count < def->particles[p].min)
      return FALSE;

  return TRUE;
}

static gboolean
matches_content (const QuickElement *def,
                 xmlNode            *node)
{
  if (def->content == QUICK_CONTENT_ELEMENTS)
    return matches_elements (def, node);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_COMMENT_NODE || child->type == XML_PI_NODE)
        continue;
      if (child->type != XML_TEXT_NODE || def->content != QUICK_CONTENT_TEXT)
        return FALSE;
    }

  return TRUE;
}

gboolean
_tp_schema_quick_accepts (xmlDoc *doc)
{
  const QuickElement *root = &quick_elements[TP_SCHEMA_ROOT];
  xmlNode *node = xmlDocGetRootElement (doc);

  return node != NULL && matches_start (root, node) && matches_content (root, node);
}
