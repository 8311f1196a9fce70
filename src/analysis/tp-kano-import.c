/* tp-kano-import.c: Kano questionnaire answers read from CSV into a document's needs
 *
 * Two passes. The first (tp_kano_rows_parse) reads the file whole (RFC 4180, with the
 * usual leniencies: LF or CR line ends, a byte-order mark) and checks what needs no
 * document: the columns, the answers, and the keys names are matched by. It may run in a
 * worker thread. The second (tp_kano_rows_apply) matches each row against the document
 * and applies the answers, one touchpoint edit each, inside one undo group. A row that
 * cannot be used changes nothing: it is listed with the line it starts on and the reason.
 *
 * Both passes are linear in the rows: touchpoints, needs (by id and by text) and
 * respondents are found through hash tables, never by scanning. Scanning a touchpoint's
 * needs for every row made 16,000 new needs take two minutes.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "io/tp-caps.h"
#include "io/tp-caps-measure.h"
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

/* The first pass: rows checked without a document */

typedef struct
{
  guint         line;
  char         *reason;          /* why the row is rejected whatever the document, or NULL */
  char         *touchpoint;      /* as given, trimmed */
  char         *need;
  char         *respondent;
  char         *touchpoint_key;  /* match keys of the above; respondent_key NULL if anonymous */
  char         *need_key;
  char         *respondent_key;
  TpKanoAnswer  functional;
  TpKanoAnswer  dysfunctional;
} Row;

struct _TpKanoRows
{
  GArray *rows;   /* (element-type Row) */
};

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_free (row->reason);
  g_free (row->touchpoint);
  g_free (row->need);
  g_free (row->respondent);
  g_free (row->touchpoint_key);
  g_free (row->need_key);
  g_free (row->respondent_key);
}

void
tp_kano_rows_free (TpKanoRows *rows)
{
  if (rows == NULL)
    return;

  g_array_unref (rows->rows);
  g_free (rows);
}

guint
tp_kano_rows_get_n_rows (const TpKanoRows *rows)
{
  g_return_val_if_fail (rows != NULL, 0);

  return rows->rows->len;
}

/* Checks what can be checked of a record without the document; the row's reason says
 * why it cannot be used, if it cannot. */
static void
check_record (const Record *record,
              Row          *row)
{
  const char *fields[N_COLUMNS];

  row->line = record->line;

  switch (record->problem)
    {
    case RECORD_UNCLOSED_QUOTE:
      row->reason = g_strdup (_("A quoted field is not closed"));
      return;
    case RECORD_TEXT_AFTER_QUOTE:
      row->reason = g_strdup (_("Text follows the closing quote of a field"));
      return;
    case RECORD_OK:
    default:
      break;
    }

  if (record->fields->len != N_COLUMNS)
    {
      const char *only = g_ptr_array_index (record->fields, 0);

      if (record->fields->len == 1 && strchr (only, ';') != NULL)
        row->reason = g_strdup (_("The columns are separated by semicolons; commas are expected"));
      else
        row->reason = g_strdup_printf (ngettext ("%u column instead of 5 (respondent, touchpoint, need, "
                                                 "functional answer, dysfunctional answer)",
                                                 "%u columns instead of 5 (respondent, touchpoint, need, "
                                                 "functional answer, dysfunctional answer)",
                                                 record->fields->len),
                                       record->fields->len);
      return;
    }

  for (guint i = 0; i < N_COLUMNS; i++)
    fields[i] = g_strstrip (g_ptr_array_index (record->fields, i));

  if (!parse_answer (fields[COLUMN_FUNCTIONAL], &row->functional))
    {
      g_autofree char *quoted = quote_value (fields[COLUMN_FUNCTIONAL]);

      row->reason = g_strdup_printf (_("The functional answer “%s” is not 1–5 or like, must-be, neutral, "
                                       "live-with, dislike"),
                                     quoted);
      return;
    }
  if (!parse_answer (fields[COLUMN_DYSFUNCTIONAL], &row->dysfunctional))
    {
      g_autofree char *quoted = quote_value (fields[COLUMN_DYSFUNCTIONAL]);

      row->reason = g_strdup_printf (_("The dysfunctional answer “%s” is not 1–5 or like, must-be, neutral, "
                                       "live-with, dislike"),
                                     quoted);
      return;
    }

  if (fields[COLUMN_TOUCHPOINT][0] == '\0')
    {
      row->reason = g_strdup (_("No touchpoint is given"));
      return;
    }
  if (fields[COLUMN_NEED][0] == '\0')
    {
      row->reason = g_strdup (_("No need is given"));
      return;
    }

  row->touchpoint = g_strdup (fields[COLUMN_TOUCHPOINT]);
  row->need = g_strdup (fields[COLUMN_NEED]);
  row->respondent = g_strdup (fields[COLUMN_RESPONDENT]);
  row->touchpoint_key = match_key (row->touchpoint);
  row->need_key = match_key (row->need);
  if (row->respondent[0] != '\0')
    row->respondent_key = match_key (row->respondent);
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

TpKanoRows *
tp_kano_rows_parse (GBytes            *bytes,
                    TpKanoProgressFunc progress,
                    gpointer           user_data,
                    GCancellable      *cancellable,
                    GError           **error)
{
  g_autoptr(TpKanoRows) rows = NULL;
  Reader reader;
  const char *data;
  gsize size;
  gboolean first = TRUE;
  guint n_records = 0;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (data == NULL)
    data = "";

  if (size > TP_KANO_IMPORT_MAX_BYTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("The file is larger than %u MiB, more answers than a workshop can hold"),
                   (guint) (TP_KANO_IMPORT_MAX_BYTES / (1024 * 1024)));
      return NULL;
    }
  if (!check_text (data, size, error))
    return NULL;

  rows = g_new0 (TpKanoRows, 1);
  rows->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (rows->rows, row_clear);

  reader = (Reader) { data, data + size, 1 };
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    reader.p += 3;

  for (;;)
    {
      Record record = { 0, };
      TpKanoAnswer answer;
      Row row = { 0, };

      if (!read_record (&reader, &record))
        break;

      /* Now and then: enough to move a progress bar and stop soon when cancelled. */
      if (++n_records % 1024 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              record_clear (&record);
              return NULL;
            }
          if (progress != NULL)
            progress ((double) (reader.p - data) / (double) MAX (size, 1), user_data);
        }

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

      if (rows->rows->len >= TP_KANO_IMPORT_MAX_ROWS)
        {
          record_clear (&record);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       _("The file has more than %u rows of answers, more than a workshop can hold"),
                       (guint) TP_KANO_IMPORT_MAX_ROWS);
          return NULL;
        }

      check_record (&record, &row);
      g_array_append_val (rows->rows, row);
      record_clear (&record);
    }

  if (progress != NULL)
    progress (1.0, user_data);

  return g_steal_pointer (&rows);
}

/* The second pass: rows matched against the document */

typedef struct
{
  TpTouchpoint *touchpoint;   /* the first of that name */
  guint         n;            /* how many touchpoints have it */
} NameEntry;

typedef struct
{
  TpKanoNeed *need;           /* the first need reading so */
  guint       n;              /* how many needs of the touchpoint read so */
} TextEntry;

/* The copy of a touchpoint that collects this import's changes, with its needs indexed:
 * finding a need is a lookup, not a scan of them all. */
typedef struct
{
  TpTouchpoint *copy;
  GHashTable   *by_id;        /* need id → TpKanoNeed */
  GHashTable   *by_text;      /* match key → TextEntry */
} Edit;

typedef struct
{
  TpDocument     *document;
  TpImportReport *report;
  GPtrArray      *touchpoints;   /* (element-type TpTouchpoint), journey order */
  GHashTable     *names;         /* match key → NameEntry */
  GHashTable     *edits;         /* touchpoint id → Edit */
  GHashTable     *answered;      /* respondent, touchpoint and need → first line */
  GHashTable     *ids;           /* ids of needs and KPIs of the document, for new ids */
  guint           next_id;
} Import;

static void
edit_free (gpointer data)
{
  Edit *edit = data;

  g_hash_table_unref (edit->by_id);
  g_hash_table_unref (edit->by_text);
  if (edit->copy != NULL)
    tp_item_free ((TpItem *) edit->copy);
  g_free (edit);
}

static void
edit_index_need (Import     *import,
                 Edit       *edit,
                 TpKanoNeed *need)
{
  char *key = match_key (need->text);
  TextEntry *entry = g_hash_table_lookup (edit->by_text, key);

  import->report->n_steps++;
  if (need->id != NULL && !g_hash_table_contains (edit->by_id, need->id))
    g_hash_table_insert (edit->by_id, need->id, need);

  if (entry != NULL)
    {
      entry->n++;
      g_free (key);
      return;
    }

  entry = g_new0 (TextEntry, 1);
  entry->need = need;
  entry->n = 1;
  g_hash_table_insert (edit->by_text, key, entry);
}

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
find_touchpoint (Import    *import,
                 const Row *row)
{
  g_autofree char *quoted = NULL;
  TpTouchpoint *touchpoint;
  NameEntry *entry;

  import->report->n_steps++;
  touchpoint = tp_document_lookup_kind (import->document, row->touchpoint, TP_ITEM_TOUCHPOINT);
  if (touchpoint != NULL)
    return touchpoint;

  entry = g_hash_table_lookup (import->names, row->touchpoint_key);
  quoted = quote_value (row->touchpoint);
  if (entry == NULL)
    reject (import, row->line, _("No touchpoint is named “%s”"), quoted);
  else if (entry->n > 1)
    reject (import, row->line,
            ngettext ("%u touchpoint is named “%s”: give the touchpoint’s id instead",
                      "%u touchpoints are named “%s”: give the touchpoint’s id instead", entry->n),
            entry->n, quoted);
  else
    return entry->touchpoint;

  return NULL;
}

/* The edit of touchpoint that collects this import's changes. */
static Edit *
get_edit (Import       *import,
          TpTouchpoint *touchpoint)
{
  const char *id = touchpoint->item.id;
  Edit *edit = g_hash_table_lookup (import->edits, id);

  if (edit == NULL)
    {
      edit = g_new0 (Edit, 1);
      edit->copy = (TpTouchpoint *) tp_document_edit_begin (import->document, id);
      edit->by_id = g_hash_table_new (g_str_hash, g_str_equal);
      edit->by_text = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (guint i = 0; i < edit->copy->needs->len; i++)
        edit_index_need (import, edit, g_ptr_array_index (edit->copy->needs, i));
      g_hash_table_insert (import->edits, g_strdup (id), edit);
    }

  return edit;
}

/* The need a row names on the (copy of the) touchpoint, by id, else by text; NULL when it
 * has none, and also NULL, with the row rejected, when several needs read the same. */
static TpKanoNeed *
find_need (Import       *import,
           const Row    *row,
           Edit         *edit,
           gboolean     *ambiguous)
{
  TpKanoNeed *need;
  TextEntry *entry;

  *ambiguous = FALSE;
  import->report->n_steps++;
  need = g_hash_table_lookup (edit->by_id, row->need);
  if (need != NULL)
    return need;

  entry = g_hash_table_lookup (edit->by_text, row->need_key);
  if (entry == NULL)
    return NULL;

  if (entry->n > 1)
    {
      g_autofree char *quoted = quote_value (row->need);
      g_autofree char *quoted_tp = quote_value (edit->copy->name);

      reject (import, row->line,
              ngettext ("%u need of “%s” reads “%s”: give the need’s id instead",
                        "%u needs of “%s” read “%s”: give the need’s id instead", entry->n),
              entry->n, quoted_tp, quoted);
      *ambiguous = TRUE;
      return NULL;
    }

  return entry->need;
}

/* A fresh need id, unique in the document and in this import. tp_document_make_id()
 * looks through every need and KPI of the document for each id: once per new need, that
 * made the import quadratic. */
static char *
make_need_id (Import *import)
{
  for (;;)
    {
      char *id = g_strdup_printf ("k%u", ++import->next_id);

      import->report->n_steps++;
      if (!g_hash_table_contains (import->ids, id) &&
          tp_document_lookup (import->document, id) == NULL)
        {
          g_hash_table_add (import->ids, g_strdup (id));
          return id;
        }
      g_free (id);
    }
}

static void
import_row (Import    *import,
            const Row *row)
{
  TpTouchpoint *touchpoint;
  TpKanoNeed *need;
  gboolean ambiguous;
  Edit *edit;

  if (row->reason != NULL)
    {
      reject (import, row->line, "%s", row->reason);
      return;
    }

  touchpoint = find_touchpoint (import, row);
  if (touchpoint == NULL)
    return;

  edit = get_edit (import, touchpoint);
  need = find_need (import, row, edit, &ambiguous);
  if (ambiguous)
    return;

  if (need == NULL && g_utf8_strlen (row->need, -1) > TP_TEXT_MAX)
    {
      reject (import, row->line, _("The need is longer than %d characters"), TP_TEXT_MAX);
      return;
    }
  if (need != NULL && need->answers[row->functional][row->dysfunctional] >= TP_COUNT_MAX)
    {
      reject (import, row->line, _("The need has as many answers as a file can hold"));
      return;
    }

  /* One answer per respondent and need: a repeated row is a copy-and-paste slip, and
   * counting it twice would skew the evaluation. Anonymous rows cannot be checked, and
   * nobody has answered a need that is still to be added. */
  if (row->respondent_key != NULL && need != NULL)
    {
      g_autofree char *key = g_strjoin ("\x1f", row->respondent_key, touchpoint->item.id, need->id, NULL);
      gpointer first_line;

      import->report->n_steps++;
      if (g_hash_table_lookup_extended (import->answered, key, NULL, &first_line))
        {
          g_autofree char *quoted = quote_value (row->respondent);

          reject (import, row->line, _("Respondent “%s” answered this need already, on line %u"),
                  quoted, GPOINTER_TO_UINT (first_line));
          return;
        }
    }

  if (need == NULL)
    {
      g_autofree char *id = make_need_id (import);

      need = tp_kano_need_new (id, row->need);
      g_ptr_array_add (edit->copy->needs, need);
      edit_index_need (import, edit, need);
      import->report->n_needs_added++;
    }

  if (row->respondent_key != NULL)
    g_hash_table_insert (import->answered,
                         g_strjoin ("\x1f", row->respondent_key, touchpoint->item.id, need->id, NULL),
                         GUINT_TO_POINTER (row->line));

  need->answers[row->functional][row->dysfunctional]++;
  import->report->n_imported++;
}

static void
add_document_names (Import *import)
{
  GPtrArray *stages = tp_document_get_stages (import->document);

  for (guint s = 0; s < stages->len; s++)
    {
      TpStage *stage = g_ptr_array_index (stages, s);

      for (guint k = 0; k < stage->kpis->len; k++)
        g_hash_table_add (import->ids, g_strdup (((TpKpi *) g_ptr_array_index (stage->kpis, k))->id));

      for (guint t = 0; t < stage->touchpoints->len; t++)
        {
          TpTouchpoint *touchpoint = g_ptr_array_index (stage->touchpoints, t);
          char *key = match_key (touchpoint->name);
          NameEntry *entry = g_hash_table_lookup (import->names, key);

          for (guint k = 0; k < touchpoint->kpis->len; k++)
            g_hash_table_add (import->ids, g_strdup (((TpKpi *) g_ptr_array_index (touchpoint->kpis, k))->id));
          for (guint k = 0; k < touchpoint->needs->len; k++)
            g_hash_table_add (import->ids, g_strdup (((TpKanoNeed *) g_ptr_array_index (touchpoint->needs, k))->id));

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

/* Commits the edited touchpoints in journey order, as one undo step. FALSE when the
 * document refused the step whole because the file could not hold it (the caps are the
 * model's to check: model/tp-document-caps.h). */
static gboolean
apply (Import *import)
{
  const char *label = _("Import Kano Answers");

  tp_document_begin_group (import->document, label);
  for (guint i = 0; i < import->touchpoints->len; i++)
    {
      TpTouchpoint *touchpoint = g_ptr_array_index (import->touchpoints, i);
      Edit *edit = g_hash_table_lookup (import->edits, touchpoint->item.id);

      if (edit != NULL && edit->copy != NULL)
        tp_document_edit_commit (import->document, (TpItem *) g_steal_pointer (&edit->copy), label, FALSE);
    }
  return tp_document_end_group (import->document);
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

TpImportReport *
tp_kano_rows_apply (TpDocument        *document,
                    const TpKanoRows  *rows,
                    GError           **error)
{
  g_autoptr(TpImportReport) report = NULL;
  g_autoptr(GPtrArray) touchpoints = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GHashTable) edits = NULL;
  g_autoptr(GHashTable) answered = NULL;
  g_autoptr(GHashTable) ids = NULL;
  Import import;

  g_return_val_if_fail (TP_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (rows != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  report = g_new0 (TpImportReport, 1);
  report->rejected = g_ptr_array_new_with_free_func (rejection_free);
  report->n_rows = rows->rows->len;

  touchpoints = g_ptr_array_new ();
  names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  edits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, edit_free);
  answered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import = (Import) { document, report, touchpoints, names, edits, answered, ids, 0 };
  add_document_names (&import);

  for (guint i = 0; i < rows->rows->len; i++)
    import_row (&import, &g_array_index (rows->rows, Row, i));

  if (report->n_imported == 0)
    return g_steal_pointer (&report);

  /* Applied as one step, measured as a save would write it, and taken back whole when
   * too large: an import that a save then refused would leave a workshop that can never
   * be saved, and importing part of the answers would lose the rest silently. */
  tp_caps_install ();
  if (!apply (&import))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("With these answers the workshop would be larger than a file may hold (%u MiB, %u elements); nothing was imported"),
                   (guint) (TP_DOCUMENT_MAX_BYTES / (1024 * 1024)), (guint) TP_DOCUMENT_MAX_ELEMENTS);
      return NULL;
    }

  return g_steal_pointer (&report);
}

TpImportReport *
tp_kano_import_csv (TpDocument  *document,
                    GBytes      *bytes,
                    GError     **error)
{
  g_autoptr(TpKanoRows) rows = NULL;

  g_return_val_if_fail (TP_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rows = tp_kano_rows_parse (bytes, NULL, NULL, NULL, error);
  if (rows == NULL)
    return NULL;

  return tp_kano_rows_apply (document, rows, error);
}
