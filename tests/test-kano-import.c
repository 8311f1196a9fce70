/* test-kano-import.c: Kano questionnaire answers imported from CSV.
 *
 * A good file (byte-order mark, header, CRLF, quoted fields, answers as words and
 * digits) adds its counts and the needs it names, as one undo step that undo reverts to
 * the byte; rows that cannot be used are reported with their lines and reasons and
 * change nothing; bytes that are not UTF-8 text are refused outright.
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "analysis/tp-kano-import.h"
#include "io/tp-caps.h"
#include "io/tp-document-file.h"
#include "io/tp-writer.h"
#include "model/tp-document.h"

typedef struct
{
  TpDocument *document;
  char       *checkout;
  char       *delivery;
  char       *help1;
  char       *help2;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *stage1, *stage2;
  TpTouchpoint *copy;
  TpKanoNeed *need;

  f->document = tp_document_new ();
  stage1 = tp_document_add_stage (f->document, 0, "Purchase");
  stage2 = tp_document_add_stage (f->document, 1, "Usage");
  f->checkout = g_strdup (tp_document_add_touchpoint (f->document, stage1, 0, "Checkout"));
  f->help1 = g_strdup (tp_document_add_touchpoint (f->document, stage1, 1, "Help desk"));
  f->delivery = g_strdup (tp_document_add_touchpoint (f->document, stage2, 0, "Delivery"));
  f->help2 = g_strdup (tp_document_add_touchpoint (f->document, stage2, 1, "help desk "));

  copy = (TpTouchpoint *) tp_document_edit_begin (f->document, f->checkout);
  need = tp_kano_need_new ("k1", "Guest checkout");
  need->answers[TP_KANO_ANSWER_LIKE][TP_KANO_ANSWER_DISLIKE] = 2;
  g_ptr_array_add (copy->needs, need);
  tp_document_edit_commit (f->document, (TpItem *) copy, "Add Need", FALSE);
  tp_document_set_saved (f->document);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (g_steal_pointer (&f->document));
  g_free (f->checkout);
  g_free (f->delivery);
  g_free (f->help1);
  g_free (f->help2);
}

static char *
dump (TpDocument *document)
{
  g_autoptr(GBytes) bytes = tp_write_bytes (document);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static TpImportReport *
import (TpDocument *document,
        const char *csv,
        gssize      length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (csv, length < 0 ? strlen (csv) : (gsize) length);
  g_autoptr(GError) error = NULL;
  TpImportReport *report = tp_kano_import_csv (document, bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_nonnull (report->rejected);

  return report;
}

static TpKanoNeed *
find_need (TpDocument *document,
           const char *touchpoint,
           const char *text)
{
  TpTouchpoint *tp = tp_document_lookup_kind (document, touchpoint, TP_ITEM_TOUCHPOINT);

  g_assert_nonnull (tp);
  for (guint i = 0; i < tp->needs->len; i++)
    {
      TpKanoNeed *need = g_ptr_array_index (tp->needs, i);

      if (strcmp (need->text, text) == 0)
        return need;
    }

  return NULL;
}

static void
assert_rejected (TpImportReport     *report,
                 guint               index,
                 guint               line,
                 const char         *reason_part)
{
  TpImportRejection *rejection;

  g_assert_cmpuint (index, <, report->rejected->len);
  rejection = g_ptr_array_index (report->rejected, index);
  g_test_message ("line %u: %s", rejection->line, rejection->reason);
  g_assert_cmpuint (rejection->line, ==, line);
  g_assert_nonnull (strstr (rejection->reason, reason_part));
}

static void
test_good_file (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *csv = g_strconcat (
    "\xEF\xBB\xBF" "Respondent,Touchpoint,Need,Functional,Dysfunctional\r\n",
    "r1,Checkout,Guest checkout,like,dislike\r\n",
    "r2, checkout ,GUEST CHECKOUT ,1,5\r\n",
    "r3,\"Checkout\",\"Pay by \"\"invoice\"\", later\",Must be,live with\r\n",
    "r4,", f->delivery, ",\"Tracking, live\",3,Neutral\r\n",
    "\r\n",
    "r5,Checkout,\"pay by \"\"INVOICE\"\", later\",LIVE-WITH,2\r\n",
    "r6,Checkout,\"Two\r\nlines\",4,must-be\r\n",
    "r7,Checkout,k1,5,1",   /* no line end at the end of the file */
    NULL);
  g_autofree char *before = dump (f->document);
  g_autofree char *after = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *undone = NULL;
  g_autoptr(TpImportReport) report = NULL;
  const char *undo_label = tp_document_get_undo_label (f->document);
  g_autofree char *old_undo_label = g_strdup (undo_label);
  TpKanoNeed *need;

  report = import (f->document, csv, -1);
  g_assert_cmpuint (report->rejected->len, ==, 0);
  g_assert_cmpuint (report->n_rows, ==, 7);
  g_assert_cmpuint (report->n_imported, ==, 7);
  g_assert_cmpuint (report->n_needs_added, ==, 3);

  /* Two answers added to the two the need had, found by text whatever the case and
   * spaces, and one by its id (dislike / like: reverse). */
  need = find_need (f->document, f->checkout, "Guest checkout");
  g_assert_nonnull (need);
  g_assert_cmpuint (need->answers[TP_KANO_ANSWER_LIKE][TP_KANO_ANSWER_DISLIKE], ==, 4);
  g_assert_cmpuint (need->answers[TP_KANO_ANSWER_DISLIKE][TP_KANO_ANSWER_LIKE], ==, 1);
  g_assert_cmpuint (tp_kano_need_get_n_answers (need), ==, 5);

  /* A new need, with the quotes and comma of its quoted field, found again by the
   * second row in other case. */
  need = find_need (f->document, f->checkout, "Pay by \"invoice\", later");
  g_assert_nonnull (need);
  g_assert_nonnull (need->id);
  g_assert_cmpint (need->category, ==, TP_KANO_NONE);
  g_assert_cmpuint (need->answers[TP_KANO_ANSWER_MUST_BE][TP_KANO_ANSWER_LIVE_WITH], ==, 1);
  g_assert_cmpuint (need->answers[TP_KANO_ANSWER_LIVE_WITH][TP_KANO_ANSWER_MUST_BE], ==, 1);
  g_assert_cmpuint (tp_kano_need_get_n_answers (need), ==, 2);

  need = find_need (f->document, f->checkout, "Two\nlines");
  g_assert_nonnull (need);
  g_assert_cmpuint (need->answers[TP_KANO_ANSWER_LIVE_WITH][TP_KANO_ANSWER_MUST_BE], ==, 1);

  /* The touchpoint given by its id. */
  need = find_need (f->document, f->delivery, "Tracking, live");
  g_assert_nonnull (need);
  g_assert_cmpuint (need->answers[TP_KANO_ANSWER_NEUTRAL][TP_KANO_ANSWER_NEUTRAL], ==, 1);

  /* One step, which undo reverts to the byte, and redo brings back. */
  g_assert_cmpstr (tp_document_get_undo_label (f->document), ==, "Import Kano Answers");
  g_assert_true (tp_document_get_modified (f->document));
  after = dump (f->document);
  tp_document_undo (f->document);
  undone = dump (f->document);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpstr (tp_document_get_undo_label (f->document), ==, old_undo_label);
  g_assert_false (tp_document_get_modified (f->document));
  tp_document_redo (f->document);
  redone = dump (f->document);
  g_assert_cmpstr (redone, ==, after);
}

static void
test_rejected_rows (Fixture       *f,
                    gconstpointer  data)
{
  static const char csv[] =
    "respondent,touchpoint,need,functional,dysfunctional\n"   /* 1 */
    "r1,Nowhere,Fast,like,dislike\n"                          /* 2 */
    "r2,Checkout,Fast,maybe,dislike\n"                        /* 3 */
    "r3,Checkout,Fast,like\n"                                 /* 4 */
    "r4,Help desk,Fast,like,dislike\n"                        /* 5 */
    "r5,Checkout,\"Quoted\n"                                  /* 6 */
    "over two lines\",like,dislike\n"                         /* 7 */
    "r6,Checkout,Fast,like,6\n"                               /* 8 */
    "\n"                                                      /* 9 */
    "R5,Checkout,\"quoted\nover two lines\",1,5\n"            /* 10, 11 */
    "r7,,Fast,like,dislike\n"                                 /* 12 */
    "r8,Checkout,,like,dislike\n"                             /* 13 */
    "r9,Checkout,Fast,like,dislike,extra\n"                   /* 14 */
    "r10;Checkout;Fast;like;dislike\n"                        /* 15 */
    "r11,Checkout,\"Fast\"er,like,dislike\n"                  /* 16 */
    "r12,Checkout,\"Never closed,like,dislike\n";             /* 17 */
  g_autofree char *before = dump (f->document);
  g_autoptr(TpImportReport) report = import (f->document, csv, -1);
  TpKanoNeed *need;

  g_assert_cmpuint (report->n_rows, ==, 13);
  g_assert_cmpuint (report->n_imported, ==, 1);
  g_assert_cmpuint (report->n_needs_added, ==, 1);
  g_assert_cmpuint (report->rejected->len, ==, 12);
  assert_rejected (report, 0, 2, "Nowhere");
  assert_rejected (report, 1, 3, "maybe");
  assert_rejected (report, 2, 4, "4 columns");
  assert_rejected (report, 3, 5, "2 touchpoints are named");
  assert_rejected (report, 4, 8, "“6”");
  /* The same respondent (in other case) for the same need as on line 6. */
  assert_rejected (report, 5, 10, "line 6");
  assert_rejected (report, 6, 12, "No touchpoint");
  assert_rejected (report, 7, 13, "No need");
  assert_rejected (report, 8, 14, "6 columns");
  assert_rejected (report, 9, 15, "semicolons");
  assert_rejected (report, 10, 16, "closing quote");
  assert_rejected (report, 11, 17, "not closed");

  /* Rejected rows leave no trace: no need "Fast" was added. */
  g_assert_null (find_need (f->document, f->checkout, "Fast"));
  need = find_need (f->document, f->checkout, "Quoted\nover two lines");
  g_assert_nonnull (need);
  g_assert_cmpuint (tp_kano_need_get_n_answers (need), ==, 1);

  tp_document_undo (f->document);
  {
    g_autofree char *undone = dump (f->document);

    g_assert_cmpstr (undone, ==, before);
  }
}

/* One answer per respondent and need: the repeat is rejected, naming the respondent. */
static void
test_repeated_respondent (Fixture       *f,
                     gconstpointer  data)
{
  static const char csv[] =
    "r1,Checkout,Fast,like,dislike\n"
    "r1,Checkout,fast,like,neutral\n";
  g_autoptr(TpImportReport) report = import (f->document, csv, -1);

  /* No header: the first row has answers, so it is data. */
  g_assert_cmpuint (report->n_rows, ==, 2);
  g_assert_cmpuint (report->n_imported, ==, 1);
  assert_rejected (report, 0, 2, "r1");
}

static void
test_all_rejected (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *before = dump (f->document);
  g_autofree char *after = NULL;
  g_autofree char *label = g_strdup (tp_document_get_undo_label (f->document));
  g_autoptr(TpImportReport) report = NULL;

  /* A first row with one answer wrong is a data row, not a header. */
  report = import (f->document, "r1,Checkout,Fast,like,perhaps\r\nr2,Elsewhere,Fast,1,2\r\n", -1);
  g_assert_cmpuint (report->n_rows, ==, 2);
  g_assert_cmpuint (report->n_imported, ==, 0);
  g_assert_cmpuint (report->rejected->len, ==, 2);
  assert_rejected (report, 0, 1, "perhaps");
  assert_rejected (report, 1, 2, "Elsewhere");

  after = dump (f->document);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (tp_document_get_undo_label (f->document), ==, label);
  g_assert_false (tp_document_get_modified (f->document));
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  static const char * const inputs[] = {
    "",
    "\xEF\xBB\xBF",
    "\r\n\r\n",
    "respondent,touchpoint,need,functional,dysfunctional\r\n",
    ",,,,\n , , , , \n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(TpImportReport) report = import (f->document, inputs[i], -1);

      g_assert_cmpuint (report->n_rows, ==, 0);
      g_assert_cmpuint (report->n_imported, ==, 0);
      g_assert_cmpuint (report->rejected->len, ==, 0);
      g_assert_false (tp_document_get_modified (f->document));
    }
}

typedef struct
{
  const char   *word;
  TpKanoAnswer  answer;
} AnswerCase;

static const AnswerCase answer_cases[] = {
  { "1", TP_KANO_ANSWER_LIKE },
  { "2", TP_KANO_ANSWER_MUST_BE },
  { "3", TP_KANO_ANSWER_NEUTRAL },
  { "4", TP_KANO_ANSWER_LIVE_WITH },
  { "5", TP_KANO_ANSWER_DISLIKE },
  { "like", TP_KANO_ANSWER_LIKE },
  { " LIKE ", TP_KANO_ANSWER_LIKE },
  { "must-be", TP_KANO_ANSWER_MUST_BE },
  { "Must be", TP_KANO_ANSWER_MUST_BE },
  { "neutral", TP_KANO_ANSWER_NEUTRAL },
  { "live-with", TP_KANO_ANSWER_LIVE_WITH },
  { "Live With", TP_KANO_ANSWER_LIVE_WITH },
  { "dislike", TP_KANO_ANSWER_DISLIKE },
  { "\"Dislike\"", TP_KANO_ANSWER_DISLIKE },
};

static void
test_answers (Fixture       *f,
              gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (answer_cases); i++)
    {
      g_autofree char *csv = g_strdup_printf ("r%u,Checkout,Answers,%s,%s\n", i,
                                              answer_cases[i].word, answer_cases[i].word);
      g_autoptr(TpImportReport) report = import (f->document, csv, -1);
      TpKanoAnswer a = answer_cases[i].answer;
      TpKanoNeed *need;

      g_test_message ("answer “%s”", answer_cases[i].word);
      g_assert_cmpuint (report->n_imported, ==, 1);
      need = find_need (f->document, f->checkout, "Answers");
      g_assert_nonnull (need);
      g_assert_cmpuint (need->answers[a][a], ==, 1);
      tp_document_undo (f->document);
    }

  /* Not answers. */
  {
    static const char * const bad[] = { "0", "6", "12", "yes", "must", "like it", "-1" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *csv = g_strdup_printf ("r1,Checkout,Answers,like,%s\n", bad[i]);
        g_autoptr(TpImportReport) report = import (f->document, csv, -1);

        g_assert_cmpuint (report->n_imported, ==, 0);
        g_assert_cmpuint (report->rejected->len, ==, 1);
      }
  }
}

static void
test_not_text (Fixture       *f,
               gconstpointer  data)
{
  static const struct {
    const char *bytes;
    gsize       length;
    const char *message_part;
  } cases[] = {
    /* Latin-1 "é" on line 2. */
    { "r1,Checkout,Guest checkout,1,5\nr2,Caf\xE9,Fast,1,5\n", 0, "Line 2" },
    /* UTF-16 with a byte-order mark. */
    { "\xFF\xFE" "r\0" "1\0" ",\0", 8, "binary" },
    /* A PNG header. */
    { "\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16, "binary" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length = cases[i].length > 0 ? cases[i].length : strlen (cases[i].bytes);
      g_autoptr(GBytes) bytes = g_bytes_new (cases[i].bytes, length);
      g_autoptr(GError) error = NULL;
      g_autoptr(TpImportReport) report = tp_kano_import_csv (f->document, bytes, &error);

      g_assert_null (report);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
      g_assert_false (tp_document_get_modified (f->document));
    }
}

/* Several touchpoints changed at once are still one step; a need already counted
 * TP_COUNT_MAX times takes no more answers of that pair. */
static void
test_one_step_and_limits (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *before = dump (f->document);
  g_autoptr(TpImportReport) report = NULL;
  g_autofree char *csv = NULL;
  TpTouchpoint *copy;
  TpKanoNeed *need;

  report = import (f->document,
                   "a,Checkout,Guest checkout,like,dislike\n"
                   "a,Delivery,On time,like,dislike\n"
                   "b,Delivery,On time,must-be,dislike\n"
                   ",Delivery,On time,must-be,dislike\n"
                   ",Delivery,On time,must-be,dislike\n", -1);
  /* Anonymous rows are not checked for repeats. */
  g_assert_cmpuint (report->n_imported, ==, 5);
  g_assert_cmpstr (tp_document_get_undo_label (f->document), ==, "Import Kano Answers");
  tp_document_undo (f->document);
  {
    g_autofree char *undone = dump (f->document);

    g_assert_cmpstr (undone, ==, before);
  }

  copy = (TpTouchpoint *) tp_document_edit_begin (f->document, f->checkout);
  need = g_ptr_array_index (copy->needs, 0);
  need->answers[TP_KANO_ANSWER_LIKE][TP_KANO_ANSWER_DISLIKE] = TP_COUNT_MAX;
  tp_document_edit_commit (f->document, (TpItem *) copy, "Edit", FALSE);
  g_clear_pointer (&report, tp_import_report_free);
  report = import (f->document,
                   "r1,Checkout,Guest checkout,like,dislike\n"
                   "r2,Checkout,Guest checkout,like,neutral\n", -1);
  g_assert_cmpuint (report->n_imported, ==, 1);
  assert_rejected (report, 0, 1, "as many answers");
  need = find_need (f->document, f->checkout, "Guest checkout");
  g_assert_cmpuint (need->answers[TP_KANO_ANSWER_LIKE][TP_KANO_ANSWER_DISLIKE], ==, TP_COUNT_MAX);

  /* A long need text is cut short where a reason quotes it, and a text longer than a
   * file may hold is refused. */
  {
    g_autofree char *long_text = g_strnfill (TP_TEXT_MAX + 1, 'x');
    TpImportRejection *rejection;

    csv = g_strdup_printf ("r1,Nowhere %s,Fast,1,5\nr2,Checkout,%s,1,5\n", long_text, long_text);
    g_clear_pointer (&report, tp_import_report_free);
    report = import (f->document, csv, -1);
    g_assert_cmpuint (report->n_imported, ==, 0);
    g_assert_cmpuint (report->rejected->len, ==, 2);
    rejection = g_ptr_array_index (report->rejected, 0);
    g_assert_cmpuint (strlen (rejection->reason), <, 200);
    assert_rejected (report, 1, 2, "longer than");
  }
}

/* n rows, each a respondent answering a need of its own that Checkout does not have yet:
 * the shape that was quadratic (every row scanned every need added before it). */
static GBytes *
new_needs_csv (guint n)
{
  GString *csv = g_string_new ("respondent,touchpoint,need,functional,dysfunctional\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "r%u,Checkout,Need number %u,like,dislike\n", i, i);
  return g_string_free_to_bytes (csv);
}

static guint64
import_steps (guint    n,
              double  *seconds)
{
  g_autoptr(TpDocument) document = tp_document_new ();
  g_autoptr(GBytes) bytes = new_needs_csv (n);
  g_autoptr(TpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  const char *stage;

  stage = tp_document_add_stage (document, 0, "Purchase");
  tp_document_add_touchpoint (document, stage, 0, "Checkout");

  start = g_get_monotonic_time ();
  report = tp_kano_import_csv (document, bytes, &error);
  *seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, n);
  g_assert_cmpuint (report->n_needs_added, ==, n);

  return report->n_steps;
}

/* Twice the rows, twice the work: the lookups are counted, not timed (times are only
 * reported; a loaded machine must not fail a test). */
static void
test_linear (void)
{
  double t1, t2;
  guint64 n1 = import_steps (8000, &t1);
  guint64 n2 = import_steps (16000, &t2);

  g_test_message ("8,000 rows: %" G_GUINT64_FORMAT " steps, %.3f s; "
                  "16,000 rows: %" G_GUINT64_FORMAT " steps, %.3f s",
                  n1, t1, n2, t2);
  g_assert_cmpuint (n1, >=, 8000);
  g_assert_cmpfloat ((double) n2 / (double) n1, <=, 2.1);
}

/* A file past the byte cap or the row cap is refused whole, with a message that says so,
 * and the document is unchanged. */
static void
test_caps (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *before = dump (f->document);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) big = NULL;
  g_autoptr(GString) rows = g_string_new (NULL);
  g_autoptr(GBytes) many = NULL;
  TpImportReport *report;
  char *text = g_malloc (TP_KANO_IMPORT_MAX_BYTES + 1);

  memset (text, ' ', TP_KANO_IMPORT_MAX_BYTES + 1);
  big = g_bytes_new_take (text, TP_KANO_IMPORT_MAX_BYTES + 1);
  report = tp_kano_import_csv (f->document, big, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "MiB"));
  g_clear_error (&error);

  for (guint i = 0; i <= TP_KANO_IMPORT_MAX_ROWS; i++)
    g_string_append (rows, ",Checkout,Guest checkout,1,5\n");
  many = g_bytes_new (rows->str, rows->len);
  g_assert_cmpuint (rows->len, <=, TP_KANO_IMPORT_MAX_BYTES);
  report = tp_kano_import_csv (f->document, many, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "rows"));
  g_clear_error (&error);

  {
    g_autofree char *after = dump (f->document);

    g_assert_cmpstr (after, ==, before);
    g_assert_false (tp_document_get_modified (f->document));
  }
}

/* Answers that would make the workshop larger than a file may be are refused before they
 * can make it unsavable: needs whose "&" the file writes as "&amp;" grow fivefold. */
static void
test_document_cap (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *before = dump (f->document);
  g_autofree char *ampersands = g_strnfill (TP_TEXT_MAX - 10, '&');
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  TpImportReport *report;
  guint n = TP_DOCUMENT_MAX_BYTES / (5 * TP_TEXT_MAX) + 10;

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "r,Checkout,%u %s,1,5\n", i, ampersands);
  g_assert_cmpuint (csv->len, <=, TP_KANO_IMPORT_MAX_BYTES);
  bytes = g_bytes_new (csv->str, csv->len);

  report = tp_kano_import_csv (f->document, bytes, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "nothing was imported"));
  g_clear_error (&error);

  {
    g_autofree char *after = dump (f->document);

    g_assert_cmpstr (after, ==, before);
    g_assert_false (tp_document_get_modified (f->document));
    g_assert_false (tp_document_can_redo (f->document));
  }

  /* Half of them fit, and are imported. */
  g_string_truncate (csv, 0);
  for (guint i = 0; i < n / 2; i++)
    g_string_append_printf (csv, "r,Checkout,%u %s,1,5\n", i, ampersands);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new (csv->str, csv->len);
  report = tp_kano_import_csv (f->document, bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_imported, ==, n / 2);
  tp_import_report_free (report);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  GArray *fractions = user_data;

  g_array_append_val (fractions, fraction);
}

/* The first pass, as the window runs it in a worker: progress rises to 1, and a cancelled
 * parse stops with G_IO_ERROR_CANCELLED. */
static void
test_parse_progress_cancel (void)
{
  g_autoptr(GBytes) bytes = new_needs_csv (10000);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(TpKanoRows) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = tp_kano_rows_parse (bytes, on_progress, fractions, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tp_kano_rows_get_n_rows (rows), ==, 10000);
  g_assert_cmpuint (fractions->len, >, 2);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i), >=, g_array_index (fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);

  g_clear_pointer (&rows, tp_kano_rows_free);
  g_cancellable_cancel (cancellable);
  rows = tp_kano_rows_parse (bytes, NULL, NULL, cancellable, &error);
  g_assert_null (rows);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
on_alarm (int signum)
{
  static const char message[] = "Reading a special file blocked\n";

  if (write (STDERR_FILENO, message, sizeof message - 1) < 0)
    _exit (3);
  _exit (2);
}

/* What the window reads an answers file with refuses a FIFO nobody writes to and
 * /dev/zero at once, on what was opened; an alarm turns a hang into a failure. */
static void
test_special_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tp-kano-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "answers.csv", NULL);
  const char *paths[] = { fifo, "/dev/zero", dir };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  signal (SIGALRM, on_alarm);
  alarm (30);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = tp_read_regular_file (paths[i], TP_KANO_IMPORT_MAX_BYTES, TRUE,
                                                      NULL, &error);

      g_assert_null (bytes);
      g_test_message ("%s: %s", paths[i], error->message);
      g_assert_true (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE) ||
                     g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY));
    }

  alarm (0);
  g_unlink (fifo);
  g_rmdir (dir);
}

static void
add_test (const char *name,
          void      (*func) (Fixture *, gconstpointer))
{
  g_autofree char *path = g_strconcat ("/touchpoint/kano-import/", name, NULL);

  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("good-file", test_good_file);
  add_test ("rejected-rows", test_rejected_rows);
  add_test ("repeated-respondent", test_repeated_respondent);
  add_test ("all-rejected", test_all_rejected);
  add_test ("empty", test_empty);
  add_test ("answers", test_answers);
  add_test ("not-text", test_not_text);
  add_test ("one-step-and-limits", test_one_step_and_limits);
  add_test ("caps", test_caps);
  add_test ("document-cap", test_document_cap);
  g_test_add_func ("/touchpoint/kano-import/linear", test_linear);
  g_test_add_func ("/touchpoint/kano-import/parse-progress-cancel", test_parse_progress_cancel);
  g_test_add_func ("/touchpoint/kano-import/special-files", test_special_files);

  return g_test_run ();
}
