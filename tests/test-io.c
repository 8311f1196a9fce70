/* test-io.c: loading and writing documents: round trips, newer versions, hostile files. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <glib/gstdio.h>

#include "io/tp-document-file.h"
#include "io/tp-loader.h"
#include "io/tp-prescan.h"
#include "io/tp-writer.h"
#include "io/tp-xml-names.h"
#include "model/tp-document-private.h"
#include "model/tp-document-story.h"
#include "model/tp-vote-scope.h"

#define HEADER "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
               "<touchpoint xmlns=\"" TP_XML_NS "\" version=\"1.0\">\n"

static char *
fixture_path (const char *name)
{
  return g_build_filename (TP_SRCDIR, "tests", "files", name, NULL);
}

static GBytes *
read_file_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static TpDocument *
load_string (const char  *text,
             GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return tp_load_bytes (bytes, NULL, error);
}

static void
assert_bytes_equal (GBytes *a,
                    GBytes *b)
{
  gsize la, lb;
  const char *da = g_bytes_get_data (a, &la);
  const char *db = g_bytes_get_data (b, &lb);

  g_autofree char *sa = g_strndup (da, la);
  g_autofree char *sb = g_strndup (db, lb);

  /* Comparing as strings first shows where they differ when they do. */
  g_assert_cmpstr (sa, ==, sb);
  g_assert_cmpmem (da, la, db, lb);
}

/* Compares everything a document holds, item by item. */
static void
assert_documents_equal (TpDocument *a,
                        TpDocument *b)
{
  GPtrArray *la, *lb;

  g_assert_true (tp_meta_equal (tp_document_get_meta (a), tp_document_get_meta (b)));
  g_assert_cmpuint (_tp_document_get_format_minor (a), ==, _tp_document_get_format_minor (b));

  for (guint s = 0; s < TP_N_SECTIONS; s++)
    g_assert_true (tp_extras_equal (_tp_document_get_section_extras (a, s),
                                    _tp_document_get_section_extras (b, s)));

  la = tp_document_get_personas (a);
  lb = tp_document_get_personas (b);
  g_assert_cmpuint (la->len, ==, lb->len);
  for (guint i = 0; i < la->len; i++)
    g_assert_true (tp_persona_equal (la->pdata[i], lb->pdata[i]));

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      g_assert_true (tp_extras_equal (_tp_document_get_container_extras (a, c),
                                      _tp_document_get_container_extras (b, c)));
      la = tp_document_get_notes (a, c);
      lb = tp_document_get_notes (b, c);
      g_assert_cmpuint (la->len, ==, lb->len);
      for (guint i = 0; i < la->len; i++)
        g_assert_true (tp_note_equal (la->pdata[i], lb->pdata[i]));
    }

  la = tp_document_get_stages (a);
  lb = tp_document_get_stages (b);
  g_assert_cmpuint (la->len, ==, lb->len);
  for (guint i = 0; i < la->len; i++)
    {
      TpStage *sa = la->pdata[i];
      TpStage *sb = lb->pdata[i];

      g_assert_true (tp_stage_equal (sa, sb));
      g_assert_cmpuint (sa->touchpoints->len, ==, sb->touchpoints->len);
      for (guint t = 0; t < sa->touchpoints->len; t++)
        g_assert_true (tp_touchpoint_equal (sa->touchpoints->pdata[t], sb->touchpoints->pdata[t]));
    }

  la = tp_document_get_links (a);
  lb = tp_document_get_links (b);
  g_assert_cmpuint (la->len, ==, lb->len);
  for (guint i = 0; i < la->len; i++)
    g_assert_true (tp_link_equal (la->pdata[i], lb->pdata[i]));
}

/* load → write gives the file back byte for byte; load → write → load gives an equal
 * document; writing is a fixed point. */
static void
assert_round_trip (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(TpFileStamp) stamp = NULL;
  g_autoptr(TpDocument) document = NULL;
  g_autoptr(TpDocument) reloaded = NULL;
  g_autoptr(GBytes) original = read_file_bytes (path);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  g_autoptr(TpFileStamp) original_stamp = tp_file_stamp_new_for_bytes (original, NULL);

  document = tp_load_file (file, &stamp, &problems, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_false (tp_document_get_modified (document));
  g_assert_true (g_file_equal (tp_document_get_file (document), file));

  /* The stamp describes the bytes read. */
  g_assert_nonnull (stamp);
  g_assert_true (tp_file_stamp_equal (stamp, original_stamp));
  g_assert_cmpuint (stamp->size, ==, g_bytes_get_size (original));
  g_assert_cmpuint (strlen (stamp->sha256), ==, 64);
  g_assert_nonnull (stamp->etag);

  written = tp_write_bytes (document);
  assert_bytes_equal (written, original);

  reloaded = tp_load_bytes (written, NULL, &error);
  g_assert_no_error (error);
  assert_documents_equal (document, reloaded);

  rewritten = tp_write_bytes (reloaded);
  assert_bytes_equal (rewritten, written);
}

static void
test_example_round_trip (void)
{
  assert_round_trip (TP_EXAMPLE_PATH);
}

/* Found while writing the structured fuzzer: in a document that gives our namespace a
 * prefix, a kept element of no namespace came back in our namespace when saved, and the
 * saved file no longer loaded. */
static void
test_kept_unprefixed_round_trip (void)
{
  g_autofree char *path = g_build_filename (TP_SRCDIR, "tests", "fuzz", "corpus", "bytes",
                                            "extras-no-namespace-in-prefixed.touchpoint", NULL);
  g_autoptr(GBytes) original = read_file_bytes (path);
  g_autoptr(TpDocument) document = NULL;
  g_autoptr(TpDocument) reloaded = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  g_autoptr(GError) error = NULL;

  document = tp_load_bytes (original, NULL, &error);
  g_assert_no_error (error);
  written = tp_write_bytes (document);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (written, NULL), g_bytes_get_size (written),
                                  "<title xmlns=\"\">no namespace</title>"));

  reloaded = tp_load_bytes (written, NULL, &error);
  g_assert_no_error (error);
  assert_documents_equal (document, reloaded);
  rewritten = tp_write_bytes (reloaded);
  assert_bytes_equal (rewritten, written);
}

/* The round trip would also pass if the loader dropped everything; check what it read. */
static void
test_example_content (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (TP_EXAMPLE_PATH);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDocument) document = tp_load_file (file, NULL, NULL, NULL, &error);
  const TpMeta *meta;
  TpNote *note;
  TpTouchpoint *touchpoint;
  TpKpi *kpi;
  TpKanoNeed *need;
  TpLink *link;
  TpStage *stage;

  g_assert_no_error (error);

  meta = tp_document_get_meta (document);
  g_assert_cmpstr (meta->title, ==, "Volt — online electronics shop");
  g_assert_cmpstr (meta->date, ==, "2026-11-12");

  g_assert_cmpuint (tp_document_get_personas (document)->len, ==, 3);
  g_assert_cmpuint (tp_document_get_n_notes (document), ==, 62);
  g_assert_cmpuint (tp_document_get_stages (document)->len, ==, 5);
  g_assert_cmpuint (tp_document_get_n_touchpoints (document), ==, 16);
  g_assert_cmpuint (tp_document_get_links (document)->len, ==, 20);
  g_assert_cmpuint (_tp_document_get_format_minor (document), ==, 0);

  note = tp_document_lookup_kind (document, "n30", TP_ITEM_NOTE);
  g_assert_nonnull (note);
  g_assert_cmpstr (note->text, ==, "Pick, pack and ship < 2 h");
  g_assert_cmpint (note->container, ==, TP_CONTAINER_KEY_ACTIVITIES);
  g_assert_cmpint (note->evidence, ==, TP_EVIDENCE_PARTLY_VALIDATED);
  g_assert_cmpuint (note->votes, ==, 2);
  g_assert_null (note->persona);

  note = tp_document_lookup_kind (document, "n1", TP_ITEM_NOTE);
  g_assert_cmpstr (note->persona, ==, "p1");
  g_assert_cmpint (note->colour, ==, TP_NOTE_COLOUR_BLUE);

  touchpoint = tp_document_lookup_kind (document, "t10", TP_ITEM_TOUCHPOINT);
  g_assert_nonnull (touchpoint);
  g_assert_cmpstr (touchpoint->stage, ==, "s4");
  g_assert_cmpint (touchpoint->emotion, ==, -2);
  g_assert_true (touchpoint->moment_of_truth);
  g_assert_cmpuint (touchpoint->expectation, ==, 5);
  g_assert_cmpuint (touchpoint->feasibility, ==, 3);
  g_assert_cmpint (touchpoint->strategy, ==, TP_STRATEGY_PROACTIVE);
  g_assert_cmpuint (touchpoint->pains->len, ==, 2);
  g_assert_cmpuint (touchpoint->actions->len, ==, 2);
  g_assert_cmpint (((TpActionItem *) touchpoint->actions->pdata[0])->status, ==, TP_ACTION_IN_PROGRESS);
  g_assert_cmpstr (((TpActionItem *) touchpoint->actions->pdata[1])->owner, ==, "Procurement");

  need = touchpoint->needs->pdata[0];
  g_assert_cmpstr (need->id, ==, "k5");
  g_assert_cmpint (need->category, ==, TP_KANO_MUST_BE);
  g_assert_cmpuint (need->answers[TP_KANO_ANSWER_MUST_BE][TP_KANO_ANSWER_DISLIKE], ==, 14);

  kpi = touchpoint->kpis->pdata[1];
  g_assert_cmpstr (kpi->id, ==, "m7");
  g_assert_cmpint (kpi->kind, ==, TP_KPI_CSAT);
  g_assert_cmpint (kpi->method, ==, TP_CSAT_MEAN);
  g_assert_cmpfloat (kpi->target, ==, 4.2);
  g_assert_true (isnan (kpi->value));
  g_assert_cmpuint (kpi->scores[4], ==, 30);

  kpi = ((TpTouchpoint *) touchpoint)->kpis->pdata[0];
  g_assert_cmpint (kpi->direction, ==, TP_DIRECTION_LOWER);
  g_assert_cmpfloat (kpi->value, ==, 26);
  g_assert_cmpstr (kpi->unit, ==, "h");

  stage = tp_document_lookup_kind (document, "s5", TP_ITEM_STAGE);
  g_assert_cmpstr (stage->name, ==, "Loyalty & Advocacy");
  kpi = stage->kpis->pdata[0];
  g_assert_cmpint (kpi->kind, ==, TP_KPI_NPS);
  g_assert_cmpuint (kpi->scores[0], ==, 3);
  g_assert_cmpuint (kpi->scores[10], ==, 46);

  kpi = ((TpTouchpoint *) tp_document_lookup_kind (document, "t15", TP_ITEM_TOUCHPOINT))->kpis->pdata[0];
  g_assert_cmpuint (kpi->start, ==, 1000);
  g_assert_cmpuint (kpi->end, ==, 930);
  g_assert_cmpuint (kpi->new_customers, ==, 110);

  link = tp_document_find_link (document, "n6", "t10");
  g_assert_nonnull (link);
  g_assert_cmpstr (link->item.id, ==, "l5");
  g_assert_cmpstr (link->label, ==, "delivers");
}

static void
test_newer_minor (void)
{
  g_autofree char *path = fixture_path ("newer-minor.touchpoint");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDocument) document = NULL;
  g_autoptr(GBytes) written = NULL;
  TpExtras *extras;
  TpNote *note;
  TpTouchpoint *touchpoint;
  TpStage *stage;
  TpKpi *kpi;
  TpLink *link;
  const char *text;

  /* Byte for byte, as the fixture is written in the writer's order. */
  assert_round_trip (path);

  document = tp_load_file (file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (_tp_document_get_format_minor (document), ==, 7);

  extras = _tp_document_get_section_extras (document, TP_SECTION_ROOT);
  g_assert_cmpuint (extras->attributes->len, ==, 2);
  g_assert_cmpstr (extras->attributes->pdata[0], ==, "theme");
  g_assert_cmpstr (extras->attributes->pdata[1], ==, "dark");
  g_assert_cmpuint (extras->elements->len, ==, 1);
  g_assert_true (g_str_has_prefix (extras->elements->pdata[0], "<attachments>"));

  g_assert_cmpstr (tp_document_get_meta (document)->title, ==, "From the future");
  g_assert_cmpstr (tp_document_get_meta (document)->item.extras.elements->pdata[0], ==,
                   "<location>Kassel</location>");

  extras = _tp_document_get_container_extras (document, TP_CONTAINER_CHANNELS);
  g_assert_cmpstr (extras->attributes->pdata[0], ==, "collapsed");
  g_assert_true (g_str_has_prefix (extras->elements->pdata[0], "<cluster id=\"c1\""));

  note = tp_document_lookup_kind (document, "n1", TP_ITEM_NOTE);
  g_assert_cmpstr (note->text, ==, "Web shop");
  g_assert_cmpuint (note->item.extras.attributes->len, ==, 4);
  g_assert_cmpstr (note->item.extras.attributes->pdata[0], ==, "xml:lang");
  g_assert_cmpstr (note->item.extras.elements->pdata[0], ==, "<sketch href=\"n1.svg\"/>");

  stage = tp_document_lookup_kind (document, "s1", TP_ITEM_STAGE);
  g_assert_cmpstr (stage->item.extras.attributes->pdata[0], ==, "pattern");
  g_assert_cmpstr (stage->item.extras.attributes->pdata[1], ==, "stripes");
  text = stage->item.extras.elements->pdata[0];
  g_assert_nonnull (strstr (text, "<!-- comments inside unknown elements are kept too -->"));
  g_assert_nonnull (strstr (text, "Picks &amp; packs"));
  kpi = stage->kpis->pdata[0];
  g_assert_cmpuint (kpi->scores[9], ==, 4);
  g_assert_cmpstr (kpi->extras.elements->pdata[0], ==, "<benchmark source=\"industry\" value=\"25\"/>");

  touchpoint = tp_document_lookup_kind (document, "t1", TP_ITEM_TOUCHPOINT);
  g_assert_cmpint (touchpoint->emotion, ==, -1);
  g_assert_cmpstr (touchpoint->mot_extras.attributes->pdata[0], ==, "confidence");
  g_assert_cmpstr (touchpoint->mot_extras.elements->pdata[0], ==, "<owner-team>Web</owner-team>");
  g_assert_cmpstr (((TpActionItem *) touchpoint->actions->pdata[0])->what, ==, "Fix it");
  g_assert_cmpstr (((TpKanoNeed *) touchpoint->needs->pdata[0])->extras.attributes->pdata[0], ==, "source");

  link = tp_document_find_link (document, "n1", "t1");
  g_assert_cmpstr (link->item.extras.attributes->pdata[0], ==, "weight");

  /* The version written is the document's, so a newer Touchpoint reads its content back
   * as its own. */
  written = tp_write_bytes (document);
  g_assert_nonnull (strstr (g_bytes_get_data (written, NULL), "version=\"1.7\" theme=\"dark\""));
}

/* Unknown elements in foreign namespaces keep the declarations they need. */
static void
test_newer_minor_namespaces (void)
{
  const char *text =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<touchpoint xmlns=\"" TP_XML_NS "\" xmlns:y=\"urn:y\" version=\"1.2\">\n"
    "  <meta>\n"
    "    <title>Namespaces</title>\n"
    "    <y:extension y:flag=\"1\"/>\n"
    "    <z:extension xmlns:z=\"urn:z\"/>\n"
    "  </meta>\n"
    "</touchpoint>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDocument) document = load_string (text, &error);
  g_autoptr(TpDocument) reloaded = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  const TpMeta *meta;

  g_assert_no_error (error);
  meta = tp_document_get_meta (document);
  g_assert_cmpuint (meta->item.extras.elements->len, ==, 2);
  g_assert_cmpstr (meta->item.extras.elements->pdata[0], ==,
                   "<y:extension xmlns:y=\"urn:y\" y:flag=\"1\"/>");
  g_assert_cmpstr (meta->item.extras.elements->pdata[1], ==,
                   "<z:extension xmlns:z=\"urn:z\"/>");

  written = tp_write_bytes (document);
  reloaded = tp_load_bytes (written, NULL, &error);
  g_assert_no_error (error);
  assert_documents_equal (document, reloaded);
  rewritten = tp_write_bytes (reloaded);
  assert_bytes_equal (written, rewritten);
}

/* In the current version, unknown content is an error (the schema's), not kept. */
static void
test_unknown_in_current_version (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDocument) document = load_string (HEADER "  <links colour=\"red\"/>\n</touchpoint>\n", &error);

  g_assert_null (document);
  g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Line 3: "));
}

typedef struct
{
  const char *file;
  TpLoadError code;
  guint       line;
  const char *message;  /* a substring of the first problem's message */
} BadFile;

static const BadFile bad_files[] = {
  { "truncated", TP_LOAD_ERROR_MALFORMED, 8, "not well-formed XML" },
  { "not-xml", TP_LOAD_ERROR_MALFORMED, 1, "not well-formed XML" },
  { "empty", TP_LOAD_ERROR_MALFORMED, 0, "empty" },
  { "undeclared-prefix", TP_LOAD_ERROR_MALFORMED, 4, "prefix “x”, which is never declared" },
  { "undeclared-entity", TP_LOAD_ERROR_MALFORMED, 4, "“&passwd;” is written where plain text" },
  { "billion-laughs", TP_LOAD_ERROR_MALFORMED, 2, "DOCTYPE" },
  { "external-entity", TP_LOAD_ERROR_MALFORMED, 2, "DOCTYPE" },
  { "invalid-utf8", TP_LOAD_ERROR_ENCODING, 4, "UTF-8" },
  { "nul-byte", TP_LOAD_ERROR_ENCODING, 4, "NUL" },
  { "too-many-attributes", TP_LOAD_ERROR_TOO_LARGE, 4, "more than 64 attributes" },
  { "wrong-root", TP_LOAD_ERROR_NOT_TOUCHPOINT, 2, "root element is <svg>" },
  { "wrong-namespace", TP_LOAD_ERROR_NOT_TOUCHPOINT, 2, "“http://example.com/other”" },
  { "no-namespace", TP_LOAD_ERROR_NOT_TOUCHPOINT, 2, "no namespace" },
  { "no-version", TP_LOAD_ERROR_INVALID, 2, "format version" },
  { "bad-version", TP_LOAD_ERROR_INVALID, 2, "“one” is not a format version" },
  { "newer-major", TP_LOAD_ERROR_NEWER_VERSION, 2,
    "This document was made by a newer version of Touchpoint (format 2.0)" },
  { "newer-major-namespace", TP_LOAD_ERROR_NEWER_VERSION, 2, "(format 2.1)" },
  { "unkeepable-newer", TP_LOAD_ERROR_NEWER_VERSION, 6, "“severity” on <pain>" },
  { "unknown-element", TP_LOAD_ERROR_INVALID, 6, "hologram" },
  { "duplicate-id", TP_LOAD_ERROR_INVALID, 9, "Duplicate id “n1” (first used on line 5)" },
  { "duplicate-id-kinds", TP_LOAD_ERROR_INVALID, 8, "Duplicate id “x1” (first used on line 4)" },
  { "dangling-link", TP_LOAD_ERROR_INVALID, 15, "Link “l4” refers to a missing touchpoint “t99”" },
  { "link-wrong-kind", TP_LOAD_ERROR_INVALID, 14, "“t1”, which is not a note" },
  { "duplicate-link", TP_LOAD_ERROR_INVALID, 15, "repeats the link from “n1” to “t1” (line 14)" },
  { "dangling-persona", TP_LOAD_ERROR_INVALID, 9, "Note “n2” refers to a missing persona “p9”" },
  { "block-twice", TP_LOAD_ERROR_INVALID, 7, "“channels” appears twice (first on line 4)" },
  { "area-in-canvas", TP_LOAD_ERROR_INVALID, 4, "“operations” is not a block" },
  { "emotion-not-number", TP_LOAD_ERROR_INVALID, 5, "Emotion must be between −2 and 2, not “happy”" },
  { "emotion-out-of-range", TP_LOAD_ERROR_INVALID, 5, "Emotion must be between −2 and 2, not “7”" },
  { "emotion-fraction", TP_LOAD_ERROR_INVALID, 5, "not “1.5”" },
  { "target-nan", TP_LOAD_ERROR_INVALID, 6, "Target must be a number" },
  { "target-inf", TP_LOAD_ERROR_INVALID, 6, "not “-INF”" },
  { "target-huge", TP_LOAD_ERROR_INVALID, 6, "Value must be a number between −1000000000000 and 1000000000000, not “1e400”" },
  { "target-hex", TP_LOAD_ERROR_INVALID, 6, "not “0x1p3”" },
  { "score-out-of-range", TP_LOAD_ERROR_INVALID, 8, "“csat” KPI must be between 1 and 5, not “0”" },
  { "score-twice", TP_LOAD_ERROR_INVALID, 8, "score 9 appears twice" },
  { "score-on-custom", TP_LOAD_ERROR_INVALID, 7, "“custom” has no scores" },
  { "count-negative", TP_LOAD_ERROR_INVALID, 7, "Count must be between 0 and 1000000000, not “-4”" },
  { "count-too-big", TP_LOAD_ERROR_INVALID, 5, "Votes must be between" },
  { "rating-out-of-range", TP_LOAD_ERROR_INVALID, 6, "Expectation must be between 1 and 5, not “6”" },
  { "strategy-none", TP_LOAD_ERROR_INVALID, 6, "“none” is not a valid value for “strategy”" },
  { "unknown-colour", TP_LOAD_ERROR_INVALID, 5, "“teal” is not a valid value for “colour”" },
  { "missing-attribute", TP_LOAD_ERROR_INVALID, 5, "<note> is missing the attribute “colour”" },
  { "bad-date", TP_LOAD_ERROR_INVALID, 5, "not “2026-02-30”" },
  { "duplicate-answer", TP_LOAD_ERROR_INVALID, 9, "“like”/“dislike” appears twice (first on line 8)" },
};

static void
assert_load_fails (GBytes     *bytes,
                   GFile      *file,
                   int         code,
                   guint       line,
                   const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(TpDocument) document = NULL;
  gboolean found = FALSE;

  if (file != NULL)
    document = tp_load_file (file, NULL, &problems, NULL, &error);
  else
    document = tp_load_bytes (bytes, &problems, &error);

  g_assert_null (document);
  g_assert_error (error, TP_LOAD_ERROR, code);
  if (g_test_verbose ())
    g_test_message ("%s", error->message);

  g_assert_nonnull (problems);
  g_assert_cmpuint (problems->len, >=, 1);
  for (guint i = 1; i < problems->len; i++)
    g_assert_cmpuint (((TpProblem *) problems->pdata[i - 1])->line, <=,
                      ((TpProblem *) problems->pdata[i])->line);

  /* The error is the problem the user should see first, with its line. */
  if (line > 0)
    {
      g_autofree char *prefix = g_strdup_printf ("Line %u: ", line);

      g_assert_true (g_str_has_prefix (error->message, prefix));
    }
  else
    {
      g_assert_false (g_str_has_prefix (error->message, "Line "));
    }
  g_assert_nonnull (strstr (error->message, message));

  for (guint i = 0; i < problems->len; i++)
    {
      TpProblem *problem = problems->pdata[i];

      g_assert_false (g_str_has_suffix (problem->message, "."));
      if (problem->line == line && strstr (problem->message, message) != NULL)
        found = TRUE;
    }
  g_assert_true (found);
}

static void
test_bad_file (gconstpointer data)
{
  const BadFile *bad = data;
  g_autofree char *name = g_strconcat (bad->file, ".touchpoint", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  path = g_build_filename (TP_SRCDIR, "tests", "files", "bad", name, NULL);
  file = g_file_new_for_path (path);

  assert_load_fails (NULL, file, bad->code, bad->line, bad->message);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-io-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

static void
remove_temp_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

/* A text of TP_TEXT_MAX + 1 characters, in multi-byte characters, which the cap counts
 * as characters. */
static void
test_text_too_long (void)
{
  g_autoptr(GString) text = g_string_new (HEADER "  <meta>\n    <title>");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDocument) document = NULL;
  gsize start = text->len;

  for (guint i = 0; i < TP_TEXT_MAX; i++)
    g_string_append (text, "é");
  g_string_append (text, "</title>\n  </meta>\n</touchpoint>\n");

  /* Exactly at the cap loads; the cap counts characters, not bytes. */
  bytes = g_bytes_new (text->str, text->len);
  document = tp_load_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_utf8_strlen (tp_document_get_meta (document)->title, -1), ==, TP_TEXT_MAX);

  g_string_insert (text, start, "é");
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new (text->str, text->len);
  assert_load_fails (bytes, NULL, TP_LOAD_ERROR_INVALID, 4,
                     "The text of “title” is 10001 characters long; at most 10000 are allowed");
}

/* The loader checks UTF-8 a word of ASCII at a time and GLib the rest (issue 19): each
 * bad sequence, at each place in a word, after ASCII or after good characters, is found
 * where g_utf8_validate() finds it, on the same line. */
static void
test_utf8_checked_everywhere (void)
{
  const char *bad[] = { "\xC3", "\xE2\x82", "\xFF", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80" };
  const char *before[] = { "", "é", "€\n", "a😀" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    for (guint j = 0; j < G_N_ELEMENTS (before); j++)
      for (guint pad = 0; pad < 17; pad++)
        {
          g_autoptr(GString) text = g_string_new (HEADER "  <meta><title>");
          g_autoptr(GBytes) bytes = NULL;
          const char *invalid;
          guint line = 1;

          for (guint k = 0; k < pad; k++)
            g_string_append_c (text, k % 5 == 4 ? '\n' : 'x');
          g_string_append_printf (text, "%s%s x\n</title></meta>\n</touchpoint>\n", before[j], bad[i]);

          g_assert_false (g_utf8_validate (text->str, text->len, &invalid));
          for (const char *p = text->str; p < invalid; p++)
            line += *p == '\n';

          bytes = g_bytes_new (text->str, text->len);
          assert_load_fails (bytes, NULL, TP_LOAD_ERROR_ENCODING, line, "not UTF-8");
        }
}

static void
test_too_deep (void)
{
  g_autoptr(GString) text = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                          "<touchpoint xmlns=\"" TP_XML_NS "\" version=\"1.2\">\n");
  g_autoptr(GBytes) bytes = NULL;

  /* Nesting inside unknown content, which a newer minor version may have. */
  for (guint i = 0; i < TP_PRESCAN_MAX_DEPTH; i++)
    g_string_append (text, "<deeper>\n");
  for (guint i = 0; i < TP_PRESCAN_MAX_DEPTH; i++)
    g_string_append (text, "</deeper>\n");
  g_string_append (text, "</touchpoint>\n");

  bytes = g_bytes_new (text->str, text->len);
  assert_load_fails (bytes, NULL, TP_LOAD_ERROR_TOO_LARGE, 2 + TP_PRESCAN_MAX_DEPTH,
                     "nested more than 64 levels deep");
}

static void
test_too_many_elements (void)
{
  g_autoptr(GString) text = g_string_new (HEADER "  <personas>\n");
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < TP_PRESCAN_MAX_ELEMENTS; i++)
    g_string_append (text, "<persona/>");
  g_string_append (text, "\n  </personas>\n</touchpoint>\n");

  bytes = g_bytes_new (text->str, text->len);
  assert_load_fails (bytes, NULL, TP_LOAD_ERROR_TOO_LARGE, 4, "more than 500000 elements");
}

static void
test_long_name (void)
{
  g_autoptr(GString) text = g_string_new (HEADER "  <");
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i <= TP_PRESCAN_MAX_NAME_LENGTH; i++)
    g_string_append_c (text, 'x');
  g_string_append (text, "/>\n</touchpoint>\n");

  bytes = g_bytes_new (text->str, text->len);
  assert_load_fails (bytes, NULL, TP_LOAD_ERROR_TOO_LARGE, 3, "longer than 256 characters");
}

/* Lines past 65,535 are reported right (XML_PARSE_BIG_LINES). */
static void
test_big_line_numbers (void)
{
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < 70000; i++)
    g_string_append_c (text, '\n');
  g_string_append (text, "  <links>\n    <link id=\"l1\" note=\"n1\" touchpoint=\"t1\"/>\n  </links>\n</touchpoint>\n");

  bytes = g_bytes_new (text->str, text->len);
  assert_load_fails (bytes, NULL, TP_LOAD_ERROR_INVALID, 70004, "missing note “n1”");

  g_string_truncate (text, text->len - strlen ("</touchpoint>\n"));
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new (text->str, text->len);
  assert_load_fails (bytes, NULL, TP_LOAD_ERROR_MALFORMED, 70006, "not well-formed");
}

static void
test_too_large (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.touchpoint", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (HEADER);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TpDocument) document = NULL;

  /* Well-formed and otherwise harmless: only the size is wrong. */
  while (text->len <= TP_LOAD_MAX_BYTES)
    g_string_append (text, "<!-- padding padding padding padding padding padding padding -->\n");
  g_string_append (text, "</touchpoint>\n");

  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  document = tp_load_file (file, NULL, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "8 MiB"));
  g_clear_error (&error);

  bytes = g_bytes_new (text->str, text->len);
  assert_load_fails (bytes, NULL, TP_LOAD_ERROR_TOO_LARGE, 0, "8 MiB");

  remove_temp_dir (dir);
}

static void
test_not_regular (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "fifo.touchpoint", NULL);
  g_autofree char *folder = g_build_filename (dir, "folder.touchpoint", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TpDocument) document = NULL;

  /* Opening a FIFO would block forever: the test hangs if the check is missing. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  file = g_file_new_for_path (fifo);
  document = tp_load_file (file, NULL, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);
  g_clear_object (&file);

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  file = g_file_new_for_path (folder);
  document = tp_load_file (file, NULL, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, "folder"));
  g_clear_error (&error);
  g_clear_object (&file);

  /* Endless devices. */
  file = g_file_new_for_path ("/dev/zero");
  document = tp_load_file (file, NULL, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);
  g_clear_object (&file);

  file = g_file_new_for_path ("/nonexistent/missing.touchpoint");
  document = tp_load_file (file, NULL, NULL, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  remove_temp_dir (dir);
}

static void
test_several_problems (void)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TpDocument) document = NULL;
  const char *text =
    HEADER
    "  <canvas>\n"
    "    <block kind=\"channels\">\n"
    "      <note id=\"n1\" colour=\"blue\" evidence=\"validated\" votes=\"-1\">A</note>\n"
    "      <note id=\"n1\" colour=\"blue\" evidence=\"validated\">B</note>\n"
    "    </block>\n"
    "  </canvas>\n"
    "  <links>\n"
    "    <link id=\"l1\" note=\"n1\" touchpoint=\"t1\"/>\n"
    "  </links>\n"
    "</touchpoint>\n";

  bytes = g_bytes_new_static (text, strlen (text));
  document = tp_load_bytes (bytes, &problems, &error);
  g_assert_null (document);
  g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Line 5: Votes must be between 0 and 1000000000, not “-1”");

  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_cmpuint (((TpProblem *) problems->pdata[0])->line, ==, 5);
  g_assert_cmpuint (((TpProblem *) problems->pdata[1])->line, ==, 6);
  g_assert_cmpstr (((TpProblem *) problems->pdata[1])->message, ==, "Duplicate id “n1” (first used on line 5)");
  g_assert_cmpuint (((TpProblem *) problems->pdata[2])->line, ==, 10);
  g_assert_cmpstr (((TpProblem *) problems->pdata[2])->message, ==, "Link “l1” refers to a missing touchpoint “t1”");
}

static TpStageColour
stage_colour_at (TpDocument *document,
                 guint       index)
{
  return ((TpStage *) g_ptr_array_index (tp_document_get_stages (document), index))->colour;
}

/* Stages keep their colour in the file (issue 15); files without it show the colours of
 * the stages' positions, as before. */
static void
test_stage_colours (void)
{
  const char *old = HEADER
    "  <journey>\n"
    "    <stage id=\"s1\" name=\"A\"/>\n"
    "    <stage id=\"s2\" name=\"B\"/>\n"
    "    <stage id=\"s3\" name=\"C\"/>\n"
    "  </journey>\n"
    "</touchpoint>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDocument) document = load_string (old, &error);
  g_autoptr(TpDocument) reloaded = NULL;
  g_autoptr(TpDocument) bad = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) rewritten = NULL;
  g_autoptr(GBytes) original = g_bytes_new_static (old, strlen (old));
  const char *text;

  g_assert_no_error (error);
  g_assert_cmpint (stage_colour_at (document, 0), ==, TP_STAGE_COLOUR_BLUE);
  g_assert_cmpint (stage_colour_at (document, 1), ==, TP_STAGE_COLOUR_GREEN);
  g_assert_cmpint (stage_colour_at (document, 2), ==, TP_STAGE_COLOUR_YELLOW);

  /* Unchanged, it keeps its bytes: the colours are at their defaults. */
  written = tp_write_bytes (document);
  assert_bytes_equal (written, original);
  g_clear_pointer (&written, g_bytes_unref);

  /* A stage inserted first takes the first colour nobody has and recolours no other. */
  tp_document_add_stage (document, 0, "New");
  g_assert_cmpint (stage_colour_at (document, 0), ==, TP_STAGE_COLOUR_ORANGE);
  g_assert_cmpint (stage_colour_at (document, 1), ==, TP_STAGE_COLOUR_BLUE);
  g_assert_cmpint (stage_colour_at (document, 2), ==, TP_STAGE_COLOUR_GREEN);
  g_assert_cmpint (stage_colour_at (document, 3), ==, TP_STAGE_COLOUR_YELLOW);
  tp_document_move_stage (document, "s3", 0);
  g_assert_cmpint (stage_colour_at (document, 0), ==, TP_STAGE_COLOUR_YELLOW);

  written = tp_write_bytes (document);
  text = g_bytes_get_data (written, NULL);
  g_assert_nonnull (strstr (text, "<stage id=\"s3\" name=\"C\" colour=\"yellow\"/>"));
  g_assert_nonnull (strstr (text, "colour=\"orange\""));
  g_assert_nonnull (strstr (text, "<stage id=\"s1\" name=\"A\" colour=\"blue\"/>"));

  /* Saved and opened again, each stage has its colour; a second save is the same. */
  reloaded = tp_load_bytes (written, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpint (stage_colour_at (reloaded, i), ==, stage_colour_at (document, i));
  rewritten = tp_write_bytes (reloaded);
  assert_bytes_equal (written, rewritten);

  /* Only the palette's names. */
  bad = load_string (HEADER "  <journey>\n    <stage id=\"s1\" name=\"A\" colour=\"pink\"/>\n"
                     "  </journey>\n</touchpoint>\n", &error);
  g_assert_null (bad);
  g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_INVALID);
}

static void
assert_writes_version (TpDocument *document,
                       const char *version)
{
  g_autoptr(GBytes) written = tp_write_bytes (document);
  g_autofree char *attribute = g_strdup_printf (" version=\"%s\"", version);
  g_autofree char *text = g_strndup (g_bytes_get_data (written, NULL), g_bytes_get_size (written));

  g_assert_nonnull (strstr (text, attribute));
}

/* The writer says the lowest version that holds the content: 1.0 as before for a
 * workshop without 1.1's additions, 1.1 with a touchpoint's votes or a hidden story
 * step (a 1.0 build then keeps them as a newer minor version's content, where its schema
 * would refuse them in a "1.0" file), and a newer minor version read stays. */
static void
test_format_minor (void)
{
  g_autoptr(TpDocument) document = tp_document_new ();
  g_autoptr(GError) error = NULL;
  const char *stage, *touchpoint;

  g_assert_cmpuint (TP_FORMAT_MINOR, ==, 1);
  assert_writes_version (document, "1.0");

  stage = tp_document_add_stage (document, 0, "Buy");
  touchpoint = tp_document_add_touchpoint (document, stage, 0, "Checkout");
  tp_document_insert_note (document, tp_note_new (NULL, "Idea"),
                           TP_CONTAINER_CHANNELS, 0);
  tp_vote_set_votes (tp_document_get_notes (document, TP_CONTAINER_CHANNELS)->pdata[0], 3);
  assert_writes_version (document, "1.0");  /* a note's votes were in 1.0 */

  tp_vote_set_votes (tp_document_lookup (document, touchpoint), 2);
  assert_writes_version (document, "1.1");
  tp_vote_set_votes (tp_document_lookup (document, touchpoint), 0);
  assert_writes_version (document, "1.0");

  tp_document_set_story_step_hidden (document, "title", TRUE);
  assert_writes_version (document, "1.1");
  tp_document_undo (document);
  assert_writes_version (document, "1.0");

  /* 1.1 is this build's own: its content is read as such, not kept aside. */
  {
    g_autoptr(TpDocument) read = load_string (
      "<touchpoint xmlns=\"" TP_XML_NS "\" version=\"1.1\">\n"
      "  <meta>\n    <story>\n      <hide step=\"title\"/>\n    </story>\n  </meta>\n"
      "  <journey>\n    <stage id=\"s1\" name=\"Buy\">\n"
      "      <touchpoint id=\"t1\" name=\"Checkout\" votes=\"4\"/>\n"
      "    </stage>\n  </journey>\n</touchpoint>\n", &error);

    g_assert_no_error (error);
    g_assert_true (tp_document_get_story_step_hidden (read, "title"));
    g_assert_cmpuint (tp_vote_get_votes (tp_document_lookup (read, "t1")), ==, 4);
    assert_writes_version (read, "1.1");
  }
}

static void
test_minimal (void)
{
  const char *expected = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<touchpoint xmlns=\"" TP_XML_NS "\" version=\"1.0\"/>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDocument) document = NULL;
  g_autoptr(TpDocument) empty = tp_document_new ();
  g_autoptr(GBytes) written = tp_write_bytes (empty);

  g_assert_cmpstr (g_bytes_get_data (written, NULL), ==, expected);

  document = load_string (expected, &error);
  g_assert_no_error (error);
  assert_documents_equal (document, empty);

  /* The version is exact, as the schema's pattern wants. */
  g_clear_object (&document);
  document = load_string (HEADER "</touchpoint>\n", &error);
  g_assert_no_error (error);
  g_clear_object (&document);
  document = load_string ("<touchpoint version=\" 1.0\" xmlns=\"" TP_XML_NS "\"/>", &error);
  g_assert_null (document);
  g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_INVALID);
  g_clear_error (&error);

  /* A byte-order mark, attributes in another order and blank lines are fine. */
  document = load_string ("\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<touchpoint version=\"1.0\" xmlns=\"" TP_XML_NS "\" >\n\n</touchpoint>", &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
}

/* Everything the writer escapes comes back the same; what XML cannot carry becomes
 * U+FFFD rather than a file that does not load. */
static void
test_escaping (void)
{
  g_autoptr(TpDocument) document = tp_document_new ();
  g_autoptr(TpDocument) reloaded = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;
  const char *tricky = "a & b < c > d \"quoted\" 'single' ]]> tab\there\nline\r\nend  spaced  ";
  TpStage *stage = tp_stage_new ("s1", tricky);
  TpTouchpoint *touchpoint = tp_touchpoint_new ("t1", tricky);
  TpNote *note = tp_note_new ("n1", tricky);
  TpLink *link;
  TpNote *loaded;

  g_free (touchpoint->channel);
  touchpoint->channel = g_strdup ("\n\t leading and trailing \n");
  g_ptr_array_add (touchpoint->pains, g_strdup (""));
  g_ptr_array_add (touchpoint->opportunities, g_strdup ("  "));
  g_assert_true (_tp_document_append_stage (document, stage));
  g_assert_true (_tp_document_append_touchpoint (document, stage, touchpoint));
  note->container = TP_CONTAINER_PROCUREMENT;
  g_assert_true (_tp_document_append_note (document, note));
  link = tp_link_new ("l1", "n1", "t1", tricky);
  g_assert_true (_tp_document_append_link (document, link));

  written = tp_write_bytes (document);
  reloaded = tp_load_bytes (written, NULL, &error);
  g_assert_no_error (error);
  assert_documents_equal (document, reloaded);

  /* Control characters. */
  g_clear_object (&reloaded);
  g_clear_pointer (&written, g_bytes_unref);
  note = tp_note_new ("n2", "bell\aend\x01");
  note->container = TP_CONTAINER_PROCUREMENT;
  g_assert_true (_tp_document_append_note (document, note));
  written = tp_write_bytes (document);
  reloaded = tp_load_bytes (written, NULL, &error);
  g_assert_no_error (error);
  loaded = tp_document_lookup_kind (reloaded, "n2", TP_ITEM_NOTE);
  g_assert_cmpstr (loaded->text, ==, "bell\xEF\xBF\xBD" "end\xEF\xBF\xBD");
}

static void
test_reals (void)
{
  static const struct {
    double      value;
    const char *text;
  } reals[] = {
    { 4.2, "4.2" },
    { 30, "30" },
    { 100, "100" },
    { 0.1, "0.1" },
    { -5.5, "-5.5" },
    { 87.5, "87.5" },
    { 1e12, "1000000000000" },
    { -1e12, "-1000000000000" },
    { 1.0 / 3.0, "0.3333333333333333" },
    { 123456.789, "123456.789" },
    { 1e-7, "1e-07" },
    { 0, "0" },
    { -0.0, "0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (reals); i++)
    {
      g_autoptr(TpDocument) document = tp_document_new ();
      g_autoptr(TpDocument) reloaded = NULL;
      g_autoptr(GBytes) written = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strdup_printf (" target=\"%s\"", reals[i].text);
      TpStage *stage = tp_stage_new ("s1", "Stage");
      TpKpi *kpi = tp_kpi_new ("m1", TP_KPI_CUSTOM, "Figure");

      kpi->target = reals[i].value;
      g_ptr_array_add (stage->kpis, kpi);
      g_assert_true (_tp_document_append_stage (document, stage));

      written = tp_write_bytes (document);
      g_assert_nonnull (strstr (g_bytes_get_data (written, NULL), expected));

      reloaded = tp_load_bytes (written, NULL, &error);
      g_assert_no_error (error);
      assert_documents_equal (document, reloaded);
    }
}

/* Values the loader would refuse never reach a file: saving must always be possible. */
static void
test_writer_clamps (void)
{
  g_autoptr(TpDocument) document = tp_document_new ();
  g_autoptr(TpDocument) reloaded = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  TpStage *stage = tp_stage_new ("s1", "Stage");
  TpTouchpoint *touchpoint = tp_touchpoint_new ("t1", "Touchpoint");
  TpKpi *kpi = tp_kpi_new ("m1", TP_KPI_CSAT, "Satisfaction");
  TpNote *note;
  TpTouchpoint *loaded;
  TpKpi *loaded_kpi;

  for (guint i = 0; i < TP_TEXT_MAX + 10; i++)
    g_string_append (long_text, "ü");
  note = tp_note_new ("n1", long_text->str);
  note->votes = G_MAXUINT;

  touchpoint->emotion = 9;
  touchpoint->moment_of_truth = TRUE;
  touchpoint->impact = 17;
  kpi->scores[0] = 5;   /* left over from an NPS */
  kpi->scores[5] = 7;
  kpi->target = INFINITY;
  kpi->value = 1e300;
  g_ptr_array_add (touchpoint->kpis, kpi);
  g_assert_true (_tp_document_append_note (document, note));
  g_assert_true (_tp_document_append_stage (document, stage));
  g_assert_true (_tp_document_append_touchpoint (document, stage, touchpoint));

  written = tp_write_bytes (document);
  reloaded = tp_load_bytes (written, NULL, &error);
  g_assert_no_error (error);

  note = tp_document_lookup_kind (reloaded, "n1", TP_ITEM_NOTE);
  g_assert_cmpint (g_utf8_strlen (note->text, -1), ==, TP_TEXT_MAX);
  g_assert_cmpuint (note->votes, ==, TP_COUNT_MAX);
  loaded = tp_document_lookup_kind (reloaded, "t1", TP_ITEM_TOUCHPOINT);
  g_assert_cmpint (loaded->emotion, ==, TP_EMOTION_MAX);
  g_assert_cmpuint (loaded->impact, ==, TP_SCORE_MAX);
  loaded_kpi = loaded->kpis->pdata[0];
  g_assert_cmpuint (loaded_kpi->scores[0], ==, 0);
  g_assert_cmpuint (loaded_kpi->scores[5], ==, 7);
  g_assert_true (isnan (loaded_kpi->target));
  g_assert_cmpfloat (loaded_kpi->value, ==, TP_REAL_LIMIT);
}

static void
test_prescan (void)
{
  static const TpPrescanLimits limits = { 3, 8, 10, 3 };
  static const struct {
    const char *text;
    gboolean    ok;
    guint       line;
  } cases[] = {
    { "<a b='1' c=\"2\" d='3'/>", TRUE, 0 },
    { "<a b='1' c=\"2\" d='3' e='4'/>", FALSE, 1 },
    /* Markup inside values, comments, CDATA and instructions is not counted. */
    { "<a b='x=1 y=2 z=3 <w=4>'/>", TRUE, 0 },
    { "<a><!-- <b c=1 d=2 e=3 f=4> --></a>", TRUE, 0 },
    { "<a><![CDATA[ <b c=1 d=2 e=3 f=4> ]]></a>", TRUE, 0 },
    { "<?pi c=1 d=2 e=3 f=4?><a/>", TRUE, 0 },
    { "<a>\n<b>\n<c>\n</c></b></a>", TRUE, 0 },
    { "<a>\n<b>\n<c>\n<d/></c></b></a>", TRUE, 0 },
    { "<a>\n<b>\n<c>\n<d></d></c></b></a>", FALSE, 4 },
    { "<a/><a/><a/><a/><a/><a/><a/><a/><a/><a/>", TRUE, 0 },
    { "<a/><a/><a/><a/><a/><a/><a/><a/><a/><a/>\n<a/>", FALSE, 2 },
    { "<abcdefgh/>", TRUE, 0 },
    { "<abcdefghi/>", FALSE, 1 },
    { "<a\nabcdefghi='1'/>", FALSE, 1 },
    { "<a></abcdefghi>", FALSE, 1 },
    /* Unterminated constructs end the scan without reading past the end. */
    { "<a b='1", TRUE, 0 },
    { "<!-- ", TRUE, 0 },
    { "<", TRUE, 0 },
    { "", TRUE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TpProblem) problem = NULL;
      gboolean ok = tp_prescan (cases[i].text, strlen (cases[i].text), &limits, &problem);

      g_test_message ("case %u: %s", i, cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (!ok)
        g_assert_cmpuint (problem->line, ==, cases[i].line);
      else
        g_assert_null (problem);
    }
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_load_async (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (TP_EXAMPLE_PATH);
  g_autofree char *bad_path = fixture_path ("bad/duplicate-id.touchpoint");
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TpFileStamp) stamp = NULL;
  g_autoptr(TpDocument) document = NULL;

  tp_load_file_async (file, NULL, on_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  document = tp_load_file_finish (result, &stamp, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_nonnull (stamp);
  g_assert_cmpuint (tp_document_get_n_notes (document), ==, 62);
  g_assert_false (tp_document_get_modified (document));
  g_clear_object (&result);
  g_clear_object (&document);

  tp_load_file_async (bad, NULL, on_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  document = tp_load_file_finish (result, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, TP_LOAD_ERROR, TP_LOAD_ERROR_INVALID);
}

static void
test_file_stamp (void)
{
  g_autoptr(GBytes) a = g_bytes_new_static ("abc", 3);
  g_autoptr(GBytes) b = g_bytes_new_static ("abd", 3);
  g_autoptr(TpFileStamp) sa = tp_file_stamp_new_for_bytes (a, "1:2");
  g_autoptr(TpFileStamp) sa2 = tp_file_stamp_new_for_bytes (a, "3:4");
  g_autoptr(TpFileStamp) sb = tp_file_stamp_new_for_bytes (b, "1:2");
  g_autoptr(TpFileStamp) copy = tp_file_stamp_copy (sa);

  g_assert_cmpstr (sa->sha256, ==, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  g_assert_cmpuint (sa->size, ==, 3);
  g_assert_true (tp_file_stamp_equal (sa, copy));
  g_assert_cmpstr (copy->etag, ==, "1:2");
  /* Content decides, not the modification time. */
  g_assert_true (tp_file_stamp_equal (sa, sa2));
  g_assert_false (tp_file_stamp_equal (sa, sb));
  g_assert_false (tp_file_stamp_equal (sa, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/touchpoint/io/example-round-trip", test_example_round_trip);
  g_test_add_func ("/touchpoint/io/kept-unprefixed-round-trip", test_kept_unprefixed_round_trip);
  g_test_add_func ("/touchpoint/io/example-content", test_example_content);
  g_test_add_func ("/touchpoint/io/newer-minor", test_newer_minor);
  g_test_add_func ("/touchpoint/io/newer-minor-namespaces", test_newer_minor_namespaces);
  g_test_add_func ("/touchpoint/io/unknown-in-current-version", test_unknown_in_current_version);
  g_test_add_func ("/touchpoint/io/minimal", test_minimal);
  g_test_add_func ("/touchpoint/io/format-minor", test_format_minor);
  g_test_add_func ("/touchpoint/io/stage-colours", test_stage_colours);
  g_test_add_func ("/touchpoint/io/escaping", test_escaping);
  g_test_add_func ("/touchpoint/io/reals", test_reals);
  g_test_add_func ("/touchpoint/io/writer-clamps", test_writer_clamps);
  g_test_add_func ("/touchpoint/io/several-problems", test_several_problems);
  g_test_add_func ("/touchpoint/io/text-too-long", test_text_too_long);
  g_test_add_func ("/touchpoint/io/utf8-checked-everywhere", test_utf8_checked_everywhere);
  g_test_add_func ("/touchpoint/io/too-deep", test_too_deep);
  g_test_add_func ("/touchpoint/io/too-many-elements", test_too_many_elements);
  g_test_add_func ("/touchpoint/io/long-name", test_long_name);
  g_test_add_func ("/touchpoint/io/big-line-numbers", test_big_line_numbers);
  g_test_add_func ("/touchpoint/io/too-large", test_too_large);
  g_test_add_func ("/touchpoint/io/not-regular", test_not_regular);
  g_test_add_func ("/touchpoint/io/prescan", test_prescan);
  g_test_add_func ("/touchpoint/io/load-async", test_load_async);
  g_test_add_func ("/touchpoint/io/file-stamp", test_file_stamp);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = g_strconcat ("/touchpoint/io/bad/", bad_files[i].file, NULL);

      g_test_add_data_func (path, &bad_files[i], test_bad_file);
    }

  return g_test_run ();
}
