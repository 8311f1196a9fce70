/* tp-kano-import.c: Kano questionnaire answers read from CSV into a document's needs
 *
 * The file is read whole (RFC 4180, with the usual leniencies: LF or CR line ends, a
 * byte-order mark), every row is checked against the document, and only then are the
 * answers applied, one touchpoint edit each, inside one undo group. A row that cannot be
 * used changes nothing: it is listed with the line it starts on and the reason.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "model/tp-enums.h"
#include "tp-kano-import.h"

#define N_COLUMNS 5

enum {
  COLUMN_RESPONDENT,
  COLUMN_TOUCHPOINT,
  COLUMN_NEED,
  COLUMN_FUNCTIONAL,
  COLUMN_DYSFUNCTIONAL,
};

/* Values quoted in a reason are cut to this many characters. */
#define QUOTE_MAX 40

/* Reading CSV */

typedef enum {
  RECORD_OK,
  RECORD_UNCLOSED_QUOTE,
  RECORD_TEXT_AFTER_QUOTE,
} RecordProblem;

typedef struct
{
  const char *p;
  const char *end;
  guint       line;
} Reader;

typedef struct
{
  guint          line;     /* where the record starts */
  GPtrArray     *fields;   /* (element-type utf8) */
  RecordProblem  problem;
} Record;

static void
record_clear (Record *record)
{
  g_clear_pointer (&record->fields, g_ptr_array_unref);
}

/* Moves past a line end at the reader's position (CRLF, LF or a lone CR). */
static gboolean
skip_line_end (Reader *r)
{
  if (r->p < r->end && *r->p == '\r')
    {
      r->p++;
      if (r->p < r->end && *r->p == '\n')
        r->p++;
      r->line++;
      return TRUE;
    }
  if (r->p < r->end && *r->p == '\n')
    {
      r->p++;
      r->line++;
      return TRUE;
    }

  return FALSE;
}

static void
read_quoted (Reader  *r,
             GString *field,
             Record  *record)
{
  r->p++;   /* the opening quote */
  for (;;)
    {
      if (r->p >= r->end)
        {
          record->problem = RECORD_UNCLOSED_QUOTE;
          return;
        }
      if (*r->p == '"')
        {
          if (r->p + 1 < r->end && r->p[1] == '"')
            {
              g_string_append_c (field, '"');
              r->p += 2;
              continue;
            }
          r->p++;
          break;
        }
      if (*r->p == '\r' || *r->p == '\n')
        {
          /* A line break inside a field is kept as a plain LF. */
          skip_line_end (r);
          g_string_append_c (field, '\n');
          continue;
        }
      g_string_append_c (field, *r->p++);
    }

  /* Only the separator or the end of the record may follow the closing quote. */
  while (r->p < r->end && *r->p != ',' && *r->p != '\r' && *r->p != '\n')
    {
      if (*r->p != ' ' && *r->p != '\t')
        record->problem = RECORD_TEXT_AFTER_QUOTE;
      g_string_append_c (field, *r->p++);
    }
}

/* Reads the next record; FALSE at the end of the input. */
static gboolean
read_record (Reader *r,
             Record *record)
{
  if (r->p >= r->end)
    return FALSE;

  record->line = r->line;
  record->fields = g_ptr_array_new_with_free_func (g_free);
  record->problem = RECORD_OK;

  for (;;)
    {
      GString *field = g_string_new (NULL);
      const char *start = r->p;

      /* Spaces before an opening quote are tolerated, as most readers do. */
      while (start < r->end && (*start == ' ' || *start == '\t'))
        start++;

      if (start < r->end && *start == '"')
        {
          r->p = start;
          read_quoted (r, field, record);
        }
      else
        {
          /* A stray quote inside an unquoted field is taken literally (5" screen). */
          while (r->p < r->end && *r->p != ',' && *r->p != '\r' && *r->p != '\n')
            g_string_append_c (field, *r->p++);
        }

      g_ptr_array_add (record->fields, g_string_free (field, FALSE));

      if (r->p < r->end && *r->p == ',')
        {
          r->p++;
          continue;
        }

      skip_line_end (r);
      return TRUE;
    }
}

static gboolean
record_is_blank (const Record *record)
{
  for (guint i = 0; i < record->fields->len; i++)
    {
      const char *field = g_ptr_array_index (record->fields, i);

      for (const char *p = field; *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          return FALSE;
    }

  return TRUE;
}

/* Matching */

static gboolean
parse_answer (const char   *text,
              TpKanoAnswer *answer)
{
  g_autofree char *word = g_ascii_strdown (text, -1);
  guint value;

  g_strstrip (word);
  if (word[0] >= '1' && word[0] <= '5' && word[1] == '\0')
    {
      *answer = word[0] - '1';
      return TRUE;
    }

  /* "Must be", "live with" and "live_with" are the same words as the nicks. */
  for (char *p = word; *p != '\0'; p++)
    if (*p == ' ' || *p == '_')
      *p = '-';

  if (!tp_enum_from_nick (TP_ENUM_KANO_ANSWER, word, &value))
    return FALSE;

  *answer = value;
  return TRUE;
}

/* The form names are compared in: trimmed, normalized and case-folded. */
static char *
match_key (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *normal = g_utf8_normalize (trimmed, -1, G_NORMALIZE_DEFAULT);

  return g_utf8_casefold (normal != NULL ? normal : trimmed, -1);
}

/* A value as a reason quotes it: cut short when long, on one line. */
static char *
quote_value (const char *text)
{
  g_autofree char *flat = g_strdup (text);
  GString *out;

  g_strdelimit (flat, "\r\n\t", ' ');
  if (g_utf8_strlen (flat, -1) <= QUOTE_MAX)
    return g_steal_pointer (&flat);

  out = g_string_new_len (flat, g_utf8_offset_to_pointer (flat, QUOTE_MAX - 1) - flat);
  g_string_append (out, "…");
  return g_string_free (out, FALSE);
}

typedef struct
{
  TpTouchpoint *touchpoint;   /* the first of that name */
  guint         n;            /* how many touchpoints have it */
} NameEntry;

typedef struct
{
  TpDocument     *document;
  TpImportReport *report;
  GPtrArray      *touchpoints;   /* (element-type TpTouchpoint), journey order */
  GHashTable     *names;         /* match key → NameEntry */
  GHashTable     *copies;        /* touchpoint id → TpTouchpoint copy being edited */
  GHashTable     *answered;      /* respondent, touchpoint and need → first line */
} Import;

static void
reject (Import     *import,
        guint       line,
        const char *format,
        ...) G_GNUC_PRINTF (3, 4);

static void
reject (Import     *import,
        guint       line,
        const char *format,
        ...)
{
  TpImportRejection *rejection = g_new0 (TpImportRejection, 1);
  va_list args;

  va_start (args, format);
  rejection->line = line;
  rejection->reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (import->report->rejected, rejection);
}

/* The touchpoint a row names: its id, else its name. NULL, with the row rejected, when
 * there is none or more than one. */
static TpTouchpoint *
find_touchpoint (Import     *import,
                 guint       line,
                 const char *field)
{
  g_autofree char *key = NULL;
  g_autofree char *quoted = NULL;
  TpTouchpoint *touchpoint;
  NameEntry *entry;

  touchpoint = tp_document_lookup_kind (import->document, field, TP_ITEM_TOUCHPOINT);
  if (touchpoint != NULL)
    return touchpoint;

  key = match_key (field);
  entry = g_hash_table_lookup (import->names, key);
  quoted = quote_value (field);
  if (entry == NULL)
    reject (import, line, _("No touchpoint is named “%s”"), quoted);
  else if (entry->n > 1)
    reject (import, line,
            ngettext ("%u touchpoint is named “%s”: give the touchpoint’s id instead",
                      "%u touchpoints are named “%s”: give the touchpoint’s id instead", entry->n),
            entry->n, quoted);
  else
    return entry->touchpoint;

  return NULL;
}

/* The copy of touchpoint that collects this import's changes. */
static TpTouchpoint *
get_copy (Import       *import,
          TpTouchpoint *touchpoint)
{
  const char *id = touchpoint->item.id;
  TpTouchpoint *copy = g_hash_table_lookup (import->copies, id);

  if (copy == NULL)
    {
      copy = (TpTouchpoint *) tp_document_edit_begin (import->document, id);
      g_hash_table_insert (import->copies, g_strdup (id), copy);
    }

  return copy;
}

/* The need a row names on the (copy of the) touchpoint, by id, else by text; NULL when it
 * has none, and also NULL, with the row rejected, when several needs read the same. */
static TpKanoNeed *
find_need (Import       *import,
           guint         line,
           TpTouchpoint *touchpoint,
           const char   *field,
           gboolean     *ambiguous)
{
  g_autofree char *key = match_key (field);
  TpKanoNeed *found = NULL;
  guint n_found = 0;

  *ambiguous = FALSE;
  for (guint i = 0; i < touchpoint->needs->len; i++)
    {
      TpKanoNeed *need = g_ptr_array_index (touchpoint->needs, i);

      if (g_strcmp0 (need->id, field) == 0)
        return need;
    }

  for (guint i = 0; i < touchpoint->needs->len; i++)
    {
      TpKanoNeed *need = g_ptr_array_index (touchpoint->needs, i);
      g_autofree char *need_key = match_key (need->text);

      if (strcmp (need_key, key) == 0 && n_found++ == 0)
        found = need;
    }

  if (n_found > 1)
    {
      g_autofree char *quoted = quote_value (field);
      g_autofree char *quoted_tp = quote_value (touchpoint->name);

      reject (import, line,
              ngettext ("%u need of “%s” reads “%s”: give the need’s id instead",
                        "%u needs of “%s” read “%s”: give the need’s id instead", n_found),
              n_found, quoted_tp, quoted);
      *ambiguous = TRUE;
      return NULL;
    }

  return found;
}

static void
import_record (Import       *import,
               const Record *record)
{
  const char *fields[N_COLUMNS];
  TpKanoAnswer functional, dysfunctional;
  TpTouchpoint *touchpoint, *copy;
  TpKanoNeed *need;
  gboolean ambiguous;
  g_autofree char *respondent = NULL;

  switch (record->problem)
    {
    case RECORD_UNCLOSED_QUOTE:
      reject (import, record->line, _("A quoted field is not closed"));
      return;
    case RECORD_TEXT_AFTER_QUOTE:
      reject (import, record->line, _("Text follows the closing quote of a field"));
      return;
    case RECORD_OK:
    default:
      break;
    }

  if (record->fields->len != N_COLUMNS)
    {
      const char *only = g_ptr_array_index (record->fields, 0);

      if (record->fields->len == 1 && strchr (only, ';') != NULL)
        reject (import, record->line,
                _("The columns are separated by semicolons; commas are expected"));
      else
        reject (import, record->line,
                ngettext ("%u column instead of 5 (respondent, touchpoint, need, "
                          "functional answer, dysfunctional answer)",
                          "%u columns instead of 5 (respondent, touchpoint, need, "
                          "functional answer, dysfunctional answer)",
                          record->fields->len),
                record->fields->len);
      return;
    }

  for (guint i = 0; i < N_COLUMNS; i++)
    fields[i] = g_strstrip (g_ptr_array_index (record->fields, i));

  if (!parse_answer (fields[COLUMN_FUNCTIONAL], &functional))
    {
      g_autofree char *quoted = quote_value (fields[COLUMN_FUNCTIONAL]);

      reject (import, record->line,
              _("The functional answer “%s” is not 1–5 or like, must-be, neutral, "
                "live-with, dislike"),
              quoted);
      return;
    }
  if (!parse_answer (fields[COLUMN_DYSFUNCTIONAL], &dysfunctional))
    {
      g_autofree char *quoted = quote_value (fields[COLUMN_DYSFUNCTIONAL]);

      reject (import, record->line,
              _("The dysfunctional answer “%s” is not 1–5 or like, must-be, neutral, "
                "live-with, dislike"),
              quoted);
      return;
    }

  if (fields[COLUMN_TOUCHPOINT][0] == '\0')
    {
      reject (import, record->line, _("No touchpoint is given"));
      return;
    }
  if (fields[COLUMN_NEED][0] == '\0')
    {
      reject (import, record->line, _("No need is given"));
      return;
    }

  touchpoint = find_touchpoint (import, record->line, fields[COLUMN_TOUCHPOINT]);
  if (touchpoint == NULL)
    return;

  copy = get_copy (import, touchpoint);
  need = find_need (import, record->line, copy, fields[COLUMN_NEED], &ambiguous);
  if (ambiguous)
    return;

  if (need == NULL && g_utf8_strlen (fields[COLUMN_NEED], -1) > TP_TEXT_MAX)
    {
      reject (import, record->line, _("The need is longer than %d characters"), TP_TEXT_MAX);
      return;
    }
  if (need != NULL && need->answers[functional][dysfunctional] >= TP_COUNT_MAX)
    {
      reject (import, record->line, _("The need has as many answers as a file can hold"));
      return;
    }

  /* One answer per respondent and need: a repeated row is a copy-and-paste slip, and
   * counting it twice would skew the evaluation. Anonymous rows cannot be checked, and
   * nobody has answered a need that is still to be added. */
  if (fields[COLUMN_RESPONDENT][0] != '\0')
    respondent = match_key (fields[COLUMN_RESPONDENT]);
  if (respondent != NULL && need != NULL)
    {
      g_autofree char *key = g_strjoin ("\x1f", respondent, touchpoint->item.id, need->id, NULL);
      gpointer first_line;

      if (g_hash_table_lookup_extended (import->answered, key, NULL, &first_line))
        {
          g_autofree char *quoted = quote_value (fields[COLUMN_RESPONDENT]);

          reject (import, record->line, _("Respondent “%s” answered this need already, on line %u"),
                  quoted, GPOINTER_TO_UINT (first_line));
          return;
        }
    }

  if (need == NULL)
    {
      g_autofree char *id = tp_document_make_id (import->document, "k");

      need = tp_kano_need_new (id, fields[COLUMN_NEED]);
      g_ptr_array_add (copy->needs, need);
      import->report->n_needs_added++;
    }

  if (respondent != NULL)
    g_hash_table_insert (import->answered,
                         g_strjoin ("\x1f", respondent, touchpoint->item.id, need->id, NULL),
                         GUINT_TO_POINTER (record->line));

  need->answers[functional][dysfunctional]++;
  import->report->n_imported++;
}

static void
add_touchpoint_names (Import *import)
{
  GPtrArray *stages = tp_document_get_stages (import->document);

  for (guint s = 0; s < stages->len; s++)
    {
      TpStage *stage = g_ptr_array_index (stages, s);

      for (guint t = 0; t < stage->touchpoints->len; t++)
        {
          TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, t);
          char *key = match_key (touchpoint->name);
          NameEntry *entry = g_hash_table_lookup (import->names, key);

          g_ptr_array_add (import->touchpoints, touchpoint);
          if (entry != NULL)
            {
              entry->n++;
              g_free (key);
              continue;
            }

          entry = g_new0 (NameEntry, 1);
          entry->touchpoint = touchpoint;
          entry->n = 1;
          g_hash_table_insert (import->names, key, entry);
        }
    }
}

/* Commits the edited touchpoints in journey order, as one undo step. */
static void
apply (Import *import)
{
  const char *label = _("Import Kano Answers");

  if (import->report->n_imported == 0)
    return;

  tp_document_begin_group (import->document, label);
  for (guint i = 0; i < import->touchpoints->len; i++)
    {
      TpTouchpoint *touchpoint = g_ptr_array_index (import->touchpoints, i);
      g_autofree char *id = NULL;
      gpointer copy;

      if (g_hash_table_steal_extended (import->copies, touchpoint->item.id,
                                       (gpointer *) &id, &copy))
        tp_document_edit_commit (import->document, copy, label, FALSE);
    }
  tp_document_end_group (import->document);
}

static void
rejection_free (gpointer data)
{
  TpImportRejection *rejection = data;

  g_free (rejection->reason);
  g_free (rejection);
}

void
tp_import_report_free (TpImportReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->rejected, g_ptr_array_unref);
  g_free (report);
}

/* The bytes must be text: no NUL (UTF-16 and binary files have them), valid UTF-8. */
static gboolean
check_text (const char  *data,
            gsize        size,
            GError     **error)
{
  const char *invalid;

  if (memchr (data, '\0', size) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The file is not CSV text: it contains binary data"));
      return FALSE;
    }

  if (!g_utf8_validate_len (data, size, &invalid))
    {
      guint line = 1;

      for (const char *p = data; p < invalid; p++)
        if (*p == '\n')
          line++;
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Line %u: the file is not UTF-8 text; save it as CSV in UTF-8"), line);
      return FALSE;
    }

  return TRUE;
}

TpImportReport *
tp_kano_import_csv (TpDocument  *document,
                    GBytes      *bytes,
                    GError     **error)
{
  g_autoptr(TpImportReport) report = NULL;
  g_autoptr(GPtrArray) touchpoints = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GHashTable) copies = NULL;
  g_autoptr(GHashTable) answered = NULL;
  Import import;
  Reader reader;
  const char *data;
  gsize size;
  gboolean first = TRUE;

  g_return_val_if_fail (TP_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (data == NULL)
    data = "";
  if (!check_text (data, size, error))
    return NULL;

  report = g_new0 (TpImportReport, 1);
  report->rejected = g_ptr_array_new_with_free_func (rejection_free);

  touchpoints = g_ptr_array_new ();
  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  copies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) tp_item_free);
  answered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import = (Import) { document, report, touchpoints, names, copies, answered };
  add_touchpoint_names (&import);

  reader = (Reader) { data, data + size, 1 };
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    reader.p += 3;

  for (;;)
    {
      Record record = { 0, };
      TpKanoAnswer answer;

      if (!read_record (&reader, &record))
        break;

      if (record_is_blank (&record))
        {
          record_clear (&record);
          continue;
        }

      /* A first row without a single answer where the answers go is the header. */
      if (first && record.problem == RECORD_OK && record.fields->len == N_COLUMNS &&
          !parse_answer (g_ptr_array_index (record.fields, COLUMN_FUNCTIONAL), &answer) &&
          !parse_answer (g_ptr_array_index (record.fields, COLUMN_DYSFUNCTIONAL), &answer))
        {
          first = FALSE;
          record_clear (&record);
          continue;
        }

      first = FALSE;
      report->n_rows++;
      import_record (&import, &record);
      record_clear (&record);
    }

  apply (&import);

  return g_steal_pointer (&report);
}
