/* fuzz-load-structured.c: the fuzzer's bytes → a well-formed Touchpoint document →
 * tp_load_bytes(), then the round trip (tp-fuzz.c).
 *
 * Mutated raw bytes rarely survive the parser and the schema, so the model building, the
 * semantic checks, the unknown content of newer versions and the writer see little of
 * them. Here the input is not the document but the choices that write one: which
 * sections, items and attributes there are, which values they take (at and, now and then,
 * beyond their ranges), how the XML is spelled (quotes, prefixes, character references,
 * CDATA, comments, a BOM, CRLF, lines past 65,535), and, for a newer minor version, which
 * unknown elements and attributes come along. Most documents are meant to be valid; some
 * carry deliberate faults (a duplicate id, a dangling link, 10,001 characters). A run
 * ends by saying how many of its documents loaded.
 *
 * Every choice reads from the input in order, and an exhausted input reads as 0, which
 * always means the plainest option: the empty input is the smallest valid document.
 */
#include "config.h"

#include "tp-fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/tp-xml-names.h"
#include "model/tp-types.h"

typedef struct
{
  const guint8 *data;
  gsize         size;
  gsize         pos;

  GString      *out;
  gboolean      edgy;        /* may write faults: values out of range, broken references */
  guint         faults;      /* faults written */
  gboolean      prefixed;    /* elements as tp:name, no default namespace */
  gboolean      other_ns;    /* the root declares the prefix "other" */
  gboolean      pretty;      /* indented, one element per line */
  guint         minor;       /* > 0: a newer minor version, which may bring unknown content */
  char          quote;       /* of attribute values */
  const char   *newline;
  guint         depth;
  guint         next_id;

  GPtrArray    *ids;         /* (element-type utf8) every id written */
  GPtrArray    *personas;
  GPtrArray    *notes;
  GPtrArray    *touchpoints;
  GHashTable   *pairs;       /* "note touchpoint" of the links written */
} Gen;

/* ------------------------------------------------------------------------------------ */
/* Choices                                                                              */

/* 0 ≤ result < n; 0 once the input is used up. */
static guint
pick (Gen  *g,
      guint n)
{
  guint value;

  if (n <= 1 || g->pos >= g->size)
    return 0;

  value = g->data[g->pos++];
  if (n > 256 && g->pos < g->size)
    value = value << 8 | g->data[g->pos++];

  return value % n;
}

/* TRUE about once in n; never once the input is used up. */
static gboolean
one_in (Gen  *g,
        guint n)
{
  return pick (g, n) == n - 1;
}

static const char *
pick_string (Gen                *g,
             const char * const *strings,
             guint               n)
{
  return strings[pick (g, n)];
}

#define PICK(g, array) pick_string ((g), (array), G_N_ELEMENTS (array))

/* Whether to write a fault here: only in an edgy document, now and then. */
static gboolean
fault (Gen *g)
{
  if (!g->edgy || !one_in (g, 10))
    return FALSE;

  g->faults++;
  return TRUE;
}

/* ------------------------------------------------------------------------------------ */
/* Values                                                                               */

static const char * const plain_texts[] = {
  "Web shop",
  "Volt — online electronics shop",
  "“I just want it to work out of the box”",
  "Instagram & YouTube ads",
  "Pick, pack and ship < 2 h",
  "Returns cost about 9 € per parcel",
  "Tech enthusiasts, 18–35",
  "日本語のメモ",
  "עברית ومرحبا",
  "emoji 😀👍🏽 and 🇩🇪",
  "e\xcc\x81 combining, \xef\xbb\xbf BOM inside, \xe2\x80\x8b zero width",
  "Tab\tand\nnew line",
  "  leading and trailing  ",
  "",
  " ",
  "\n",
  "quotes \" and ' and `",
  "]]> and ]] > and <!-- not a comment -->",
  "&amp; written out",
  "1e400",
  "NaN",
  "-0",
  "\xc2\x85 next line, \xe2\x80\xa8 line separator",
  "\xf4\x8f\xbf\xbd private use, \xef\xbf\xbd replacement",
  "\x7f delete and \xc2\x9f C1",
  "CR\r\nLF",
  "x",
};

/* Code points the random texts are made of, besides printable ASCII. */
static const gunichar special_chars[] = {
  0xE9, 0x2014, 0x201C, 0x201D, 0x1F600, 0xA0, 0x200B, 0xFEFF, 0x301, 0x5D0, 0x627,
  0x65E5, 0x10FFFD, 0xFFFD, 0x2028, 0x85, 0x7F, 0x9F, '\t', '\n', '\r', '&', '<', '>',
  '"', '\'', ']', ' ',
};

static void
append_random_chars (Gen     *g,
                     GString *text,
                     guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      guint c = pick (g, 96 + G_N_ELEMENTS (special_chars));

      if (c < 95)
        g_string_append_c (text, (char) (' ' + c));
      else if (c == 95)
        g_string_append_c (text, 'a');
      else
        g_string_append_unichar (text, special_chars[c - 96]);
    }
}

/* A text of exactly n characters. */
static void
append_long_text (GString *text,
                  guint    n)
{
  static const char chunk[] = "Lorem ipsum é — 日本 😀 ";  /* 19 characters */
  const glong chunk_chars = g_utf8_strlen (chunk, -1);

  while (n >= (guint) chunk_chars)
    {
      g_string_append (text, chunk);
      n -= chunk_chars;
    }
  for (; n > 0; n--)
    g_string_append_c (text, 'x');
}

/* A text value (unescaped). Within TP_TEXT_MAX characters unless a fault is chosen. */
static char *
gen_text (Gen *g)
{
  static const guint long_lengths[] = { 64, 1000, TP_TEXT_MAX - 1, TP_TEXT_MAX };
  GString *text = g_string_new (NULL);

  if (fault (g))
    {
      append_long_text (text, TP_TEXT_MAX + 1 + pick (g, 3));
      return g_string_free (text, FALSE);
    }

  switch (pick (g, 8))
    {
    case 0:
    case 1:
      g_string_append (text, PICK (g, plain_texts));
      break;
    case 2:
    case 3:
      append_random_chars (g, text, pick (g, 24));
      break;
    case 4:
      append_long_text (text, long_lengths[pick (g, G_N_ELEMENTS (long_lengths))]);
      break;
    case 5:
      g_string_append (text, PICK (g, plain_texts));
      append_random_chars (g, text, pick (g, 8));
      g_string_append (text, PICK (g, plain_texts));
      break;
    case 6:
      g_string_append (text, "  \n\t ");
      append_random_chars (g, text, pick (g, 4));
      g_string_append (text, " \n ");
      break;
    case 7:
    default:
      break;
    }

  return g_string_free (text, FALSE);
}

static char *
gen_count (Gen *g)
{
  static const char * const odd[] = {
    "0", "1", "1000000000", "999999999", "+5", " 7 ", "007", "-0", "\t12\n",
    "00000000000000000000000000001",
  };
  static const char * const bad[] = {
    "-1", "1000000001", "4294967296", "99999999999999999999999", "1e3", "1.0", "", " ",
    "seven", "١٢", "0x10", "+-1", "--1", "9223372036854775808",
  };

  if (fault (g))
    return g_strdup (PICK (g, bad));
  if (one_in (g, 4))
    return g_strdup (PICK (g, odd));
  return g_strdup_printf ("%u", pick (g, 1000));
}

static char *
gen_real (Gen *g)
{
  static const char * const odd[] = {
    "0", "-0", "1.5", "30", "1e12", "-1e12", "1E3", ".5", "5.", "0.1", "+7", " 12 ",
    "3.141592653589793", "0.30000000000000004", "1e-300", "4.9e-324", "1e-400",
    "2.2250738585072014e-308", "999999999999.99999", "-.5e+3", "1234567.125",
    "0.1000000000000000055511151231257827", "100", "-42",
  };
  static const char * const bad[] = {
    "NaN", "INF", "-INF", "+INF", "1e400", "1.0000000001e12", "-1e13", "0x1p3", "1,5", "",
    "e5", "1e", "..5", "Infinity", "nan", "1 2",
  };

  if (fault (g))
    return g_strdup (PICK (g, bad));
  if (one_in (g, 3))
    return g_strdup (PICK (g, odd));
  if (one_in (g, 2))
    return g_strdup_printf ("%d.%02u", (int) pick (g, 2001) - 1000, pick (g, 100));
  return g_strdup_printf ("%d", (int) pick (g, 201) - 100);
}

/* An integer in min … max, or (as a fault) one outside or not an integer. */
static char *
gen_integer (Gen *g,
             int  min,
             int  max)
{
  static const char * const bad[] = { "1.5", "", "one", "1e0", "+", "0x1" };

  if (fault (g))
    {
      switch (pick (g, 3))
        {
        case 0:
          return g_strdup_printf ("%d", min - 1 - (int) pick (g, 3));
        case 1:
          return g_strdup_printf ("%d", max + 1 + (int) pick (g, 3));
        case 2:
        default:
          return g_strdup (PICK (g, bad));
        }
    }

  if (one_in (g, 8))
    return g_strdup_printf (pick (g, 2) ? " %+d " : "%+d", min + (int) pick (g, max - min + 1));
  return g_strdup_printf ("%d", min + (int) pick (g, max - min + 1));
}

static char *
gen_date (Gen *g)
{
  static const char * const odd[] = {
    "2026-11-22", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31",
  };
  static const char * const bad[] = {
    "2023-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "0000-01-01",
    "26-1-1", "2026-11-12Z", "2026-11-12+01:00", "2026/11/12", "", "-2026-01-01",
    "20261-01-01", "2026-1-01",
    /* Valid for xsd:date, but libxml2 2.9.14 matches the pattern before collapsing
     * whitespace, so the schema refuses it. */
    " 2026-11-12 ",
  };

  if (fault (g))
    return g_strdup (PICK (g, bad));
  if (one_in (g, 3))
    return g_strdup (PICK (g, odd));

  for (;;)
    {
      guint year = 1 + pick (g, 9999);
      guint month = 1 + pick (g, 12);
      guint day = 1 + pick (g, 31);

      if (g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
        return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
      if (g->pos >= g->size)
        return g_strdup ("2026-11-22");
    }
}

/* An enumerated value from values, or (as a fault) one that is not. */
static char *
gen_enum (Gen                *g,
          const char * const *values,
          guint               n)
{
  static const char * const bad[] = { "", "none", "Blue", " blue", "teal", "unknown", "1" };

  if (fault (g))
    return g_strdup (PICK (g, bad));
  return g_strdup (pick_string (g, values, n));
}

#define GEN_ENUM(g, array) gen_enum ((g), (array), G_N_ELEMENTS (array))

static const char * const colours[] = {
  "yellow", "green", "blue", "purple", "orange", "red", "pink", "grey",
};
static const char * const evidences[] = { "assumption", "partly-validated", "validated" };
static const char * const accents[] = {
  "blue", "green", "yellow", "orange", "red", "purple", "brown", "slate",
};
static const char * const strategies[] = { "proactive", "reactive" };
static const char * const statuses[] = { "todo", "in-progress", "done" };
static const char * const kano_categories[] = {
  "must-be", "one-dimensional", "attractive", "indifferent", "reverse", "questionable",
};
static const char * const kano_answers[] = { "like", "must-be", "neutral", "live-with", "dislike" };
static const char * const kpi_kinds[] = { "nps", "csat", "ces", "retention", "conversion", "custom" };
static const char * const kpi_methods[] = { "top-2-box", "mean" };
static const char * const directions[] = { "higher", "lower" };
static const char * const blocks[] = {
  "customer-segments", "value-propositions", "channels", "customer-relationships",
  "revenue-streams", "key-resources", "key-activities", "key-partners", "cost-structure",
};
static const char * const areas[] = {
  "inbound-logistics", "operations", "outbound-logistics", "marketing-and-sales", "service",
  "firm-infrastructure", "human-resources", "technology-development", "procurement",
};

/* A new id (an NCName, unique), or (as a fault) a taken one or not an NCName. */
static char *
gen_id (Gen        *g,
        const char *prefix)
{
  static const char * const prefixes[] = {
    "", "é", "_", "x.y-", "日本", "n·", "Ω", "a-", "_0", "id_",
  };
  static const char * const bad[] = {
    "1abc", "a:b", "", "a b", " n1 ", "-x", ".x", "x!", "😀",
  };
  char *id;

  if (fault (g))
    {
      if (g->ids->len > 0 && pick (g, 2) == 0)
        return g_strdup (g_ptr_array_index (g->ids, pick (g, g->ids->len)));
      return g_strdup (PICK (g, bad));
    }

  if (one_in (g, 6))
    id = g_strdup_printf ("%s%s%u", PICK (g, prefixes), prefix, ++g->next_id);
  else if (one_in (g, 40))
    id = g_strdup_printf ("%s%0200u", prefix, ++g->next_id);
  else
    id = g_strdup_printf ("%s%u", prefix, ++g->next_id);

  g_ptr_array_add (g->ids, g_strdup (id));

  return id;
}

/* A reference to one of ids (which may be empty: then a fault, or none at all). */
static char *
gen_ref (Gen       *g,
         GPtrArray *ids,
         GPtrArray *wrong_kind)
{
  if (fault (g))
    {
      if (wrong_kind != NULL && wrong_kind->len > 0 && pick (g, 2) == 0)
        return g_strdup (g_ptr_array_index (wrong_kind, pick (g, wrong_kind->len)));
      return g_strdup_printf ("missing%u", pick (g, 100));
    }
  if (ids->len == 0)
    return NULL;
  return g_strdup (g_ptr_array_index (ids, pick (g, ids->len)));
}

/* ------------------------------------------------------------------------------------ */
/* XML                                                                                  */

typedef struct
{
  GPtrArray *pairs;  /* name, value, name, value, … (owned) */
} Attrs;

static void
attrs_add (Attrs      *attrs,
           const char *name,
           char       *value)  /* (transfer full) (nullable): NULL adds nothing */
{
  if (value == NULL)
    return;
  g_ptr_array_add (attrs->pairs, g_strdup (name));
  g_ptr_array_add (attrs->pairs, value);
}

/* Escapes text for content (quote 0) or an attribute value in quote, in one of several
 * spellings that all mean the same text. */
static void
append_escaped (Gen        *g,
                const char *text,
                char        quote)
{
  guint style = pick (g, 8);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '&')
        g_string_append (g->out, style == 1 ? "&#38;" : "&amp;");
      else if (c == '<')
        g_string_append (g->out, style == 1 ? "&#x3C;" : "&lt;");
      else if (c == '>')
        g_string_append (g->out, "&gt;");
      else if (quote != 0 && c == (gunichar) quote)
        g_string_append (g->out, quote == '"' ? "&quot;" : "&apos;");
      else if (c == '\r')
        g_string_append (g->out, style == 2 ? "\r" : "&#13;");
      else if (quote != 0 && (c == '\n' || c == '\t') && style != 3)
        g_string_append_printf (g->out, "&#%u;", c);  /* raw, they would read as spaces */
      else if (c > 0x7F && style == 4)
        g_string_append_printf (g->out, "&#%u;", c);
      else if (c > 0x7F && style == 5)
        g_string_append_printf (g->out, "&#x%X;", c);
      else
        g_string_append_len (g->out, p, g_utf8_next_char (p) - p);
    }
}

/* Text content, sometimes as CDATA or split by a comment or processing instruction. */
static void
append_content (Gen        *g,
                const char *text)
{
  gsize length = strlen (text);

  switch (pick (g, 10))
    {
    case 1:
      if (strstr (text, "]]>") == NULL && strchr (text, '\r') == NULL)
        {
          g_string_append (g->out, "<![CDATA[");
          g_string_append (g->out, text);
          g_string_append (g->out, "]]>");
          return;
        }
      break;
    case 2:
    case 3:
      if (length > 0)
        {
          const char *middle = g_utf8_find_prev_char (text, text + length / 2 + 1);
          g_autofree char *head = g_strndup (text, middle != NULL ? middle - text : 0);

          append_escaped (g, head, 0);
          g_string_append (g->out, pick (g, 2) ? "<!-- a comment -->" : "<?app data?>");
          append_escaped (g, text + strlen (head), 0);
          return;
        }
      break;
    default:
      break;
    }

  append_escaped (g, text, 0);
}

static void
line_break (Gen *g)
{
  if (!g->pretty)
    return;
  g_string_append (g->out, g->newline);
  for (guint i = 0; i < g->depth; i++)
    g_string_append (g->out, "  ");
}

static void
append_name (Gen        *g,
             const char *name)
{
  if (g->prefixed)
    g_string_append (g->out, "tp:");
  g_string_append (g->out, name);
}

/* Unknown attributes of a newer minor version, on an element that keeps them. */
static void
add_extra_attributes (Gen   *g,
                      Attrs *attrs)
{
  static const char * const names[] = {
    "theme", "zoom", "x-data", "xml:lang", "collapsed", "weight", "future-id", "xml:space",
  };
  guint n = pick (g, 4) == 3 ? 1 + pick (g, 3) : 0;
  guint first = pick (g, G_N_ELEMENTS (names));

  /* Consecutive names from the list: never one twice. */
  for (guint i = 0; i < n; i++)
    {
      const char *name = names[(first + i) % G_N_ELEMENTS (names)];

      if (strcmp (name, "xml:space") == 0)
        attrs_add (attrs, name, g_strdup (pick (g, 2) ? "preserve" : "default"));
      else
        attrs_add (attrs, name, gen_text (g));
    }
}

/* Writes "<name attrs", in a shuffled order now and then. */
static void
start_tag (Gen        *g,
           const char *name,
           Attrs      *attrs,
           gboolean    keeps_extras)
{
  GPtrArray *pairs = attrs->pairs;
  guint n;

  if (g->minor > 0 && keeps_extras)
    add_extra_attributes (g, attrs);
  else if (fault (g))
    attrs_add (attrs, "future", g_strdup ("1"));  /* unknown, and nothing can keep it */

  n = pairs->len / 2;
  if (n > 1 && one_in (g, 4))
    {
      for (guint i = n - 1; i > 0; i--)
        {
          guint j = pick (g, i + 1);
          gpointer name_i = pairs->pdata[2 * i], value_i = pairs->pdata[2 * i + 1];

          pairs->pdata[2 * i] = pairs->pdata[2 * j];
          pairs->pdata[2 * i + 1] = pairs->pdata[2 * j + 1];
          pairs->pdata[2 * j] = name_i;
          pairs->pdata[2 * j + 1] = value_i;
        }
    }

  line_break (g);
  g_string_append_c (g->out, '<');
  append_name (g, name);

  /* The root declares the namespace; any element may say it again. */
  if (g->depth == 0 || one_in (g, 50))
    {
      g_string_append_printf (g->out, g->prefixed ? " xmlns:tp=%c%s%c" : " xmlns=%c%s%c",
                              g->quote, TP_XML_NS, g->quote);
      if (g->depth == 0 && one_in (g, 4))
        {
          g_string_append_printf (g->out, " xmlns:other=%curn:example:other%c", g->quote, g->quote);
          g->other_ns = TRUE;
        }
    }

  for (guint i = 0; i + 1 < pairs->len; i += 2)
    {
      g_string_append (g->out, one_in (g, 16) ? "\n    " : " ");
      g_string_append (g->out, pairs->pdata[i]);
      g_string_append (g->out, one_in (g, 16) ? " = " : "=");
      g_string_append_c (g->out, g->quote);
      append_escaped (g, pairs->pdata[i + 1], g->quote);
      g_string_append_c (g->out, g->quote);
    }
}

static void
end_tag (Gen        *g,
         const char *name)
{
  g_string_append (g->out, "</");
  append_name (g, name);
  if (one_in (g, 16))
    g_string_append_c (g->out, ' ');
  g_string_append_c (g->out, '>');
}

/* Whatever may stand between elements: whitespace, comments, processing instructions. */
static void
misc (Gen *g)
{
  switch (pick (g, 24))
    {
    case 1:
      g_string_append (g->out, "<!-- a comment – with a dash, > and <tags> -->");
      break;
    case 2:
      g_string_append (g->out, "<?touchpoint-editor cursor=\"n1\"?>");
      break;
    case 3:
      g_string_append (g->out, g->newline);
      break;
    default:
      break;
    }
}

/* Unknown elements of a newer minor version inside parent, well-formed and of any
 * namespace. */
static void
extra_elements (Gen        *g,
                const char *parent)
{
  static const char * const fragments[] = {
    "<sketch href=\"n1.svg\"/>",
    "<future>Text &amp; more</future>",
    "<cluster id=\"c1\" name=\"Digital\"><member ref=\"n1\"/></cluster>",
    "<x:ext xmlns:x=\"urn:example:ext\" x:flag=\"1\">x</x:ext>",
    "<comment><!-- kept --> and text</comment>",
    "<greeting xml:lang=\"de\">Grüße</greeting>",
    "<empty></empty>",
    "<deep><a><b><c>deep</c></b></a></deep>",
    "<holder><?app data?></holder>",
    "<ws>  spaced  \n  out  </ws>",
    "<unicode>日本 😀 &#x1F600; &#13;</unicode>",
    "<title>misplaced</title>",
    "<note id=\"shadow\" colour=\"blue\" evidence=\"validated\">inside the unknown</note>",
    "<plain xmlns=\"\">no namespace</plain>",
    "<tp2:gizmo xmlns:tp2=\"https://touchpoint.github.io/ns/1\"/>",
    "<cdata><![CDATA[<raw> & ]]></cdata>",
    "<other:thing xmlns:other=\"urn:example:other\"/>",
  };
  guint n;

  if (g->minor == 0)
    {
      /* In the current version unknown content is an error. */
      if (fault (g))
        g_string_append (g->out, "<hologram/>");
      return;
    }

  n = pick (g, 4) == 3 ? 1 + pick (g, 2) : 0;
  for (guint i = 0; i < n; i++)
    {
      const char *fragment = PICK (g, fragments);

      /* Unprefixed, <title> and <note> are ours where the parent knows them, unless the
       * document uses a prefix and they are in no namespace at all. */
      if (!g->prefixed &&
          ((g_str_has_prefix (fragment, "<title>") && strcmp (parent, TP_XML_META) == 0) ||
           (g_str_has_prefix (fragment, "<note ") &&
            (strcmp (parent, TP_XML_BLOCK) == 0 || strcmp (parent, TP_XML_AREA) == 0))))
        continue;

      line_break (g);
      g_string_append (g->out, fragment);
    }

  /* A prefix declared on the root only, which the kept element must declare itself. */
  if (g->other_ns && one_in (g, 8))
    g_string_append (g->out, "<other:ref other:to=\"n1\">declared far away</other:ref>");
}

/* An element whose content is text only, such as <title> or <pain>. */
static void
text_element (Gen        *g,
              const char *name)
{
  Attrs attrs = { g_ptr_array_new_with_free_func (g_free) };
  g_autofree char *text = gen_text (g);

  start_tag (g, name, &attrs, FALSE);
  if (text[0] == '\0' && one_in (g, 2))
    {
      g_string_append (g->out, "/>");
    }
  else
    {
      g_string_append_c (g->out, '>');
      append_content (g, text);
      end_tag (g, name);
    }
  g_ptr_array_unref (attrs.pairs);
}

/* An element with text and, in a newer version, unknown elements among it: <note>,
 * <action-item>. */
static void
mixed_element (Gen        *g,
               const char *name,
               Attrs      *attrs)
{
  g_autofree char *text = gen_text (g);
  gboolean pretty = g->pretty;

  start_tag (g, name, attrs, TRUE);
  g_string_append_c (g->out, '>');
  /* No indentation here: it would be part of the text. */
  g->pretty = FALSE;
  if (g->minor > 0 && one_in (g, 4))
    extra_elements (g, name);
  append_content (g, text);
  if (g->minor > 0)
    extra_elements (g, name);
  g->pretty = pretty;
  end_tag (g, name);
}

/* Starts an element with element content. */
static void
open_element (Gen        *g,
              const char *name,
              Attrs      *attrs)
{
  start_tag (g, name, attrs, TRUE);
  g_string_append_c (g->out, '>');
  g->depth++;
  misc (g);
  extra_elements (g, name);
}

static void
close_element (Gen        *g,
               const char *name)
{
  extra_elements (g, name);
  misc (g);
  g->depth--;
  line_break (g);
  end_tag (g, name);
}

/* An element with element content and no attributes of its own (the sections). */
static void
open_section (Gen        *g,
              const char *name)
{
  Attrs attrs = { g_ptr_array_new_with_free_func (g_free) };

  open_element (g, name, &attrs);
  g_ptr_array_unref (attrs.pairs);
}

/* ------------------------------------------------------------------------------------ */
/* The document                                                                         */

static void
gen_meta (Gen *g)
{
  static const char * const fields[] = { TP_XML_TITLE, TP_XML_ORGANISATION, TP_XML_FACILITATOR };

  open_section (g, TP_XML_META);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (pick (g, 3) != 0)
      text_element (g, fields[i]);
  if (fault (g))
    text_element (g, TP_XML_TITLE);  /* a second title, or one out of order */
  if (pick (g, 3) != 0)
    {
      Attrs attrs = { g_ptr_array_new_with_free_func (g_free) };
      g_autofree char *date = gen_date (g);

      start_tag (g, TP_XML_DATE, &attrs, FALSE);
      g_string_append_c (g->out, '>');
      append_escaped (g, date, 0);
      end_tag (g, TP_XML_DATE);
      g_ptr_array_unref (attrs.pairs);
    }
  close_element (g, TP_XML_META);
}

static void
gen_personas (Gen *g)
{
  guint n = pick (g, 5);

  open_section (g, TP_XML_PERSONAS);
  for (guint i = 0; i < n; i++)
    {
      Attrs attrs = { g_ptr_array_new_with_free_func (g_free) };
      char *id = gen_id (g, "p");

      g_ptr_array_add (g->personas, g_strdup (id));
      attrs_add (&attrs, TP_XML_A_ID, id);
      attrs_add (&attrs, TP_XML_A_NAME, gen_text (g));
      attrs_add (&attrs, TP_XML_A_ACCENT, GEN_ENUM (g, accents));
      if (fault (g))
        g_ptr_array_set_size (attrs.pairs, 2 * (1 + pick (g, 2)));  /* a required one missing */

      if (pick (g, 2) == 0)
        {
          start_tag (g, TP_XML_PERSONA, &attrs, TRUE);
          g_string_append (g->out, "/>");
        }
      else
        {
          open_element (g, TP_XML_PERSONA, &attrs);
          text_element (g, TP_XML_DESCRIPTION);
          close_element (g, TP_XML_PERSONA);
        }
      g_ptr_array_unref (attrs.pairs);
    }
  close_element (g, TP_XML_PERSONAS);
}

static void
gen_note (Gen *g)
{
  Attrs attrs = { g_ptr_array_new_with_free_func (g_free) };
  char *id = gen_id (g, "n");

  g_ptr_array_add (g->notes, g_strdup (id));
  attrs_add (&attrs, TP_XML_A_ID, id);
  attrs_add (&attrs, TP_XML_A_COLOUR, GEN_ENUM (g, colours));
  attrs_add (&attrs, TP_XML_A_EVIDENCE, GEN_ENUM (g, evidences));
  if (pick (g, 2))
    attrs_add (&attrs, TP_XML_A_VOTES, gen_count (g));
  if (pick (g, 2))
    attrs_add (&attrs, TP_XML_A_PERSONA, gen_ref (g, g->personas, g->notes));
  if (fault (g))
    g_ptr_array_set_size (attrs.pairs, 2 * pick (g, 3));

  mixed_element (g, TP_XML_NOTE, &attrs);
  g_ptr_array_unref (attrs.pairs);
}

/* The canvas or the value chain: some of the nine kinds, in order, each at most once. */
static void
gen_containers (Gen                *g,
                const char         *section,
                const char         *element,
                const char * const *kinds,
                const char * const *other_kinds)
{
  open_section (g, section);
  for (guint k = 0; k < 9; k++)
    {
      Attrs attrs;
      guint n;

      if (pick (g, 3) == 0)
        continue;

      attrs.pairs = g_ptr_array_new_with_free_func (g_free);

      if (fault (g))
        {
          /* Another section's kind, one out of order, or none. */
          switch (pick (g, 3))
            {
            case 0:
              attrs_add (&attrs, TP_XML_A_KIND, g_strdup (other_kinds[pick (g, 9)]));
              break;
            case 1:
              attrs_add (&attrs, TP_XML_A_KIND, g_strdup (kinds[pick (g, 9)]));
              break;
            default:
              break;
            }
        }
      else
        {
          attrs_add (&attrs, TP_XML_A_KIND, g_strdup (kinds[k]));
        }

      n = pick (g, 4);
      if (n == 0 && pick (g, 2))
        {
          start_tag (g, element, &attrs, TRUE);
          g_string_append (g->out, "/>");
        }
      else
        {
          open_element (g, element, &attrs);
          for (guint i = 0; i < n; i++)
            gen_note (g);
          close_element (g, element);
        }
      g_ptr_array_unref (attrs.pairs);
    }
  close_element (g, section);
}

static void
gen_kpi (Gen *g)
{
  static const guint score_min[] = { 0, 1, 1 }, score_max[] = { 10, 5, 7 };
  Attrs attrs = { g_ptr_array_new_with_free_func (g_free) };
  guint kind = pick (g, G_N_ELEMENTS (kpi_kinds));
  gboolean used[TP_KPI_SCORES] = { FALSE, };
  gboolean has_scores = kind < G_N_ELEMENTS (score_min);
  guint n_scores;

  attrs_add (&attrs, TP_XML_A_ID, gen_id (g, "m"));
  attrs_add (&attrs, TP_XML_A_KIND, fault (g) ? g_strdup ("happiness") : g_strdup (kpi_kinds[kind]));
  attrs_add (&attrs, TP_XML_A_NAME, gen_text (g));
  if (one_in (g, 3))
    attrs_add (&attrs, TP_XML_A_METHOD, GEN_ENUM (g, kpi_methods));
  if (one_in (g, 3))
    attrs_add (&attrs, TP_XML_A_START, gen_count (g));
  if (one_in (g, 3))
    attrs_add (&attrs, TP_XML_A_END, gen_count (g));
  if (one_in (g, 3))
    attrs_add (&attrs, TP_XML_A_NEW, gen_count (g));
  if (one_in (g, 3))
    attrs_add (&attrs, TP_XML_A_CONVERSIONS, gen_count (g));
  if (one_in (g, 3))
    attrs_add (&attrs, TP_XML_A_VISITORS, gen_count (g));
  if (one_in (g, 2))
    attrs_add (&attrs, TP_XML_A_VALUE, gen_real (g));
  if (one_in (g, 3))
    attrs_add (&attrs, TP_XML_A_UNIT, gen_text (g));
  if (one_in (g, 2))
    attrs_add (&attrs, TP_XML_A_TARGET, gen_real (g));
  if (one_in (g, 3))
    attrs_add (&attrs, TP_XML_A_DIRECTION, GEN_ENUM (g, directions));

  /* A score on a kind without any is a fault. */
  n_scores = has_scores ? pick (g, 6) : fault (g) ? 1 : 0;
  if (n_scores == 0)
    {
      start_tag (g, TP_XML_KPI, &attrs, TRUE);
      g_string_append (g->out, "/>");
      g_ptr_array_unref (attrs.pairs);
      return;
    }

  open_element (g, TP_XML_KPI, &attrs);
  for (guint i = 0; i < n_scores; i++)
    {
      Attrs score = { g_ptr_array_new_with_free_func (g_free) };
      char *value;

      if (has_scores)
        {
          guint v = score_min[kind] + pick (g, score_max[kind] - score_min[kind] + 1);

          if (used[v] && !fault (g))
            {
              g_ptr_array_unref (score.pairs);
              continue;
            }
          used[v] = TRUE;
          value = g_strdup_printf ("%u", v);
        }
      else
        {
          value = g_strdup ("3");
        }

      if (fault (g))
        {
          g_free (value);
          value = gen_integer (g, 0, 10);
          g->faults++;  /* even in range, it may not fit the kind */
        }
      attrs_add (&score, TP_XML_A_VALUE, value);
      attrs_add (&score, TP_XML_A_COUNT, gen_count (g));
      start_tag (g, TP_XML_SCORE, &score, FALSE);
      if (pick (g, 4) == 3)
        {
          g_string_append_c (g->out, '>');
          end_tag (g, TP_XML_SCORE);
        }
      else
        {
          g_string_append (g->out, "/>");
        }
      g_ptr_array_unref (score.pairs);
    }
  close_element (g, TP_XML_KPI);
  g_ptr_array_unref (attrs.pairs);
}

static void
gen_moment_of_truth (Gen *g)
{
  static const char * const ratings[] = {
    TP_XML_A_EXPECTATION, TP_XML_A_EXPERIENCE, TP_XML_A_IMPACT, TP_XML_A_FEASIBILITY,
  };
  Attrs attrs = { g_ptr_array_new_with_free_func (g_free) };
  guint n;

  for (guint i = 0; i < G_N_ELEMENTS (ratings); i++)
    if (pick (g, 3) != 0)
      attrs_add (&attrs, ratings[i], gen_integer (g, TP_SCORE_MIN, TP_SCORE_MAX));
  if (pick (g, 2))
    attrs_add (&attrs, TP_XML_A_STRATEGY, GEN_ENUM (g, strategies));

  n = pick (g, 4);
  open_element (g, TP_XML_MOMENT_OF_TRUTH, &attrs);
  for (guint i = 0; i < n; i++)
    {
      Attrs item = { g_ptr_array_new_with_free_func (g_free) };

      if (pick (g, 2))
        attrs_add (&item, TP_XML_A_OWNER, gen_text (g));
      attrs_add (&item, TP_XML_A_STATUS, fault (g) ? NULL : GEN_ENUM (g, statuses));
      mixed_element (g, TP_XML_ACTION_ITEM, &item);
      g_ptr_array_unref (item.pairs);
    }
  close_element (g, TP_XML_MOMENT_OF_TRUTH);
  g_ptr_array_unref (attrs.pairs);
}

static void
gen_need (Gen *g)
{
  Attrs attrs = { g_ptr_array_new_with_free_func (g_free) };
  gboolean used[G_N_ELEMENTS (kano_answers)][G_N_ELEMENTS (kano_answers)] = { { FALSE, } };
  guint n = pick (g, 5);

  attrs_add (&attrs, TP_XML_A_ID, gen_id (g, "k"));
  if (pick (g, 2))
    attrs_add (&attrs, TP_XML_A_CATEGORY, GEN_ENUM (g, kano_categories));

  open_element (g, TP_XML_NEED, &attrs);
  if (!fault (g))
    text_element (g, TP_XML_TEXT);
  for (guint i = 0; i < n; i++)
    {
      Attrs answer = { g_ptr_array_new_with_free_func (g_free) };
      guint f = pick (g, G_N_ELEMENTS (kano_answers));
      guint d = pick (g, G_N_ELEMENTS (kano_answers));

      if (used[f][d] && !fault (g))
        {
          g_ptr_array_unref (answer.pairs);
          continue;
        }
      used[f][d] = TRUE;

      attrs_add (&answer, TP_XML_A_FUNCTIONAL, g_strdup (kano_answers[f]));
      attrs_add (&answer, TP_XML_A_DYSFUNCTIONAL, g_strdup (kano_answers[d]));
      attrs_add (&answer, TP_XML_A_COUNT, gen_count (g));
      start_tag (g, TP_XML_ANSWER, &answer, FALSE);
      g_string_append (g->out, "/>");
      g_ptr_array_unref (answer.pairs);
    }
  close_element (g, TP_XML_NEED);
  g_ptr_array_unref (attrs.pairs);
}

static void
gen_touchpoint (Gen *g)
{
  Attrs attrs = { g_ptr_array_new_with_free_func (g_free) };
  char *id = gen_id (g, "t");
  guint n;

  g_ptr_array_add (g->touchpoints, g_strdup (id));
  attrs_add (&attrs, TP_XML_A_ID, id);
  attrs_add (&attrs, TP_XML_A_NAME, gen_text (g));
  if (pick (g, 2))
    attrs_add (&attrs, TP_XML_A_CHANNEL, gen_text (g));
  if (pick (g, 2))
    attrs_add (&attrs, TP_XML_A_EMOTION, gen_integer (g, TP_EMOTION_MIN, TP_EMOTION_MAX));
  if (pick (g, 3) == 2)
    attrs_add (&attrs, TP_XML_A_PERSONA, gen_ref (g, g->personas, g->touchpoints));

  if (pick (g, 4) == 0)
    {
      start_tag (g, TP_XML_TOUCHPOINT, &attrs, TRUE);
      g_string_append (g->out, "/>");
      g_ptr_array_unref (attrs.pairs);
      return;
    }

  open_element (g, TP_XML_TOUCHPOINT, &attrs);
  if (pick (g, 2))
    text_element (g, TP_XML_ACTION);
  n = pick (g, 4);
  for (guint i = 0; i < n; i++)
    text_element (g, TP_XML_PAIN);
  n = pick (g, 3);
  for (guint i = 0; i < n; i++)
    text_element (g, TP_XML_OPPORTUNITY);
  if (pick (g, 2))
    gen_moment_of_truth (g);
  n = pick (g, 3);
  for (guint i = 0; i < n; i++)
    gen_need (g);
  n = pick (g, 3);
  for (guint i = 0; i < n; i++)
    gen_kpi (g);
  close_element (g, TP_XML_TOUCHPOINT);
  g_ptr_array_unref (attrs.pairs);
}

static void
gen_journey (Gen *g)
{
  guint n_stages = pick (g, 5);

  open_section (g, TP_XML_JOURNEY);
  for (guint s = 0; s < n_stages; s++)
    {
      Attrs attrs = { g_ptr_array_new_with_free_func (g_free) };
      guint n;

      attrs_add (&attrs, TP_XML_A_ID, gen_id (g, "s"));
      attrs_add (&attrs, TP_XML_A_NAME, gen_text (g));
      open_element (g, TP_XML_STAGE, &attrs);
      if (pick (g, 2))
        text_element (g, TP_XML_JOB);
      n = pick (g, 3);
      for (guint i = 0; i < n; i++)
        gen_kpi (g);
      n = pick (g, 5);
      for (guint i = 0; i < n; i++)
        gen_touchpoint (g);
      close_element (g, TP_XML_STAGE);
      g_ptr_array_unref (attrs.pairs);
    }
  close_element (g, TP_XML_JOURNEY);
}

static void
gen_links (Gen *g)
{
  guint n = pick (g, 8);

  open_section (g, TP_XML_LINKS);
  for (guint i = 0; i < n; i++)
    {
      Attrs attrs = { g_ptr_array_new_with_free_func (g_free) };
      g_autofree char *pair = NULL;
      char *note = gen_ref (g, g->notes, g->touchpoints);
      char *touchpoint = gen_ref (g, g->touchpoints, g->notes);

      if (note == NULL || touchpoint == NULL)
        {
          g_free (note);
          g_free (touchpoint);
          g_ptr_array_unref (attrs.pairs);
          break;
        }

      /* The same pair twice is a fault. */
      pair = g_strconcat (note, " ", touchpoint, NULL);
      if (g_hash_table_contains (g->pairs, pair))
        g->faults++;
      else
        g_hash_table_add (g->pairs, g_steal_pointer (&pair));

      attrs_add (&attrs, TP_XML_A_ID, gen_id (g, "l"));
      attrs_add (&attrs, TP_XML_A_NOTE, note);
      attrs_add (&attrs, TP_XML_A_TOUCHPOINT, touchpoint);
      if (pick (g, 2))
        attrs_add (&attrs, TP_XML_A_LABEL, gen_text (g));

      if (g->minor > 0 && one_in (g, 3))
        {
          open_element (g, TP_XML_LINK, &attrs);
          close_element (g, TP_XML_LINK);
        }
      else
        {
          start_tag (g, TP_XML_LINK, &attrs, TRUE);
          g_string_append (g->out, "/>");
        }
      g_ptr_array_unref (attrs.pairs);
    }
  close_element (g, TP_XML_LINKS);
}

static char *
gen_version (Gen *g)
{
  static const char * const newer[] = { "1.1", "1.7", "1.10", "1.999", "01.2" };
  static const char * const odd[] = { "1.0", "01.0", "1.00", "001.000" };
  static const char * const bad[] = {
    "2.0", "0.9", "1", "1.0.0", "one", "", " 1.0", "1.-1", "1.4294967296", "+1.0",
  };

  if (fault (g))
    return g_strdup (PICK (g, bad));
  switch (pick (g, 6))
    {
    case 4:
      return g_strdup (PICK (g, newer));
    case 5:
      return g_strdup (PICK (g, odd));
    default:
      return g_strdup ("1.0");
    }
}

static void
gen_document (Gen *g)
{
  static const char * const declarations[] = {
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
    "",
    "<?xml version=\"1.0\"?>",
    "<?xml version='1.0' encoding='utf-8' standalone='yes'?>",
    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>",
    "<?xml version=\"1.1\" encoding=\"UTF-8\"?>",
  };
  Attrs attrs = { g_ptr_array_new_with_free_func (g_free) };
  char *version;

  g->edgy = pick (g, 4) == 3;
  g->prefixed = one_in (g, 6);
  g->pretty = pick (g, 5) != 4;
  g->quote = one_in (g, 4) ? '\'' : '"';
  g->newline = one_in (g, 6) ? "\r\n" : "\n";

  version = gen_version (g);
  if (g_str_has_prefix (version, "1.") || g_str_has_prefix (version, "01."))
    g->minor = (guint) MIN (g_ascii_strtoull (strchr (version, '.') + 1, NULL, 10), 1000);

  if (one_in (g, 16))
    g_string_append (g->out, "\xef\xbb\xbf");
  g_string_append (g->out, PICK (g, declarations));
  g_string_append (g->out, g->newline);
  misc (g);

  /* Past line 65,535 libxml2 2.9.14 needs help with line numbers (tp-loader.c). */
  if (one_in (g, 100))
    {
      g_string_append (g->out, "<!--");
      for (guint i = 0; i < 70000; i++)
        g_string_append_c (g->out, '\n');
      g_string_append (g->out, "-->\n");
    }

  attrs_add (&attrs, TP_XML_A_VERSION, version);
  open_element (g, TP_XML_ROOT, &attrs);
  g_ptr_array_unref (attrs.pairs);

  if (pick (g, 3) != 0)
    gen_meta (g);
  if (pick (g, 3) != 0)
    gen_personas (g);
  if (pick (g, 3) != 0)
    gen_containers (g, TP_XML_CANVAS, TP_XML_BLOCK, blocks, areas);
  if (pick (g, 3) != 0)
    gen_containers (g, TP_XML_VALUE_CHAIN, TP_XML_AREA, areas, blocks);
  if (pick (g, 4) != 0)
    gen_journey (g);
  if (pick (g, 3) != 0)
    gen_links (g);

  close_element (g, TP_XML_ROOT);
  g_string_append (g->out, g->newline);
  misc (g);
}

/* ------------------------------------------------------------------------------------ */
/* The harness                                                                          */

static struct
{
  guint64 documents;
  guint64 loaded;
  guint64 meant_valid;
  guint64 meant_valid_loaded;
} stats;

static gboolean verbose;

/* At exit (libFuzzer exits when a campaign or a replay ends): how many got through. */
static void
print_stats (void)
{
  if (stats.documents == 0)
    return;

  fprintf (stderr,
           "fuzz-load-structured: %" G_GUINT64_FORMAT " documents, %" G_GUINT64_FORMAT
           " loaded (%.1f %%); %" G_GUINT64_FORMAT " without deliberate faults, %"
           G_GUINT64_FORMAT " of them loaded (%.1f %%)\n",
           stats.documents, stats.loaded, 100.0 * stats.loaded / stats.documents,
           stats.meant_valid, stats.meant_valid_loaded,
           stats.meant_valid > 0 ? 100.0 * stats.meant_valid_loaded / stats.meant_valid : 0.0);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  tp_fuzz_init ();
  /* TP_FUZZ_VERBOSE=1: print why a document without deliberate faults did not load, which
   * is a bug of the generator or a disagreement between the schema and the loader. */
  verbose = g_getenv ("TP_FUZZ_VERBOSE") != NULL;
  atexit (print_stats);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *problem = NULL;
  gboolean loaded;
  Gen g = { 0, };

  g.data = data;
  g.size = size;
  g.out = g_string_new (NULL);
  g.ids = g_ptr_array_new_with_free_func (g_free);
  g.personas = g_ptr_array_new_with_free_func (g_free);
  g.notes = g_ptr_array_new_with_free_func (g_free);
  g.touchpoints = g_ptr_array_new_with_free_func (g_free);
  g.pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gen_document (&g);

  loaded = tp_fuzz_check ((const guint8 *) g.out->str, g.out->len, &problem);

  stats.documents++;
  stats.loaded += loaded;
  if (g.faults == 0)
    {
      stats.meant_valid++;
      stats.meant_valid_loaded += loaded;
      if (!loaded && verbose)
        fprintf (stderr, "not loaded: %s\n%s\n", problem, g.out->str);
    }

  g_string_free (g.out, TRUE);
  g_ptr_array_unref (g.ids);
  g_ptr_array_unref (g.personas);
  g_ptr_array_unref (g.notes);
  g_ptr_array_unref (g.touchpoints);
  g_hash_table_unref (g.pairs);

  return 0;
}
