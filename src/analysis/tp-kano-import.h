/* tp-kano-import.h: Kano questionnaire answers from a CSV file.
 *
 * One row per respondent and need (RFC 4180, UTF-8, an optional header row):
 *
 *     respondent, touchpoint, need, functional answer, dysfunctional answer
 *
 * The touchpoint by name (or id), the need by its text (or id): a need a touchpoint does
 * not have yet is added to it. Answers as 1–5 or as the words like, must-be, neutral,
 * live-with, dislike, in the order of the standard questionnaire. Rows that cannot be
 * used are rejected, each with its line and the reason; the others are added to the
 * needs' answers in one undo step.
 *
 * Names and texts match trimmed and case-insensitively; an id matches exactly and wins
 * over a name. A name that two touchpoints share (or a text that two needs of one
 * touchpoint share) is ambiguous and rejected. The header row is optional: a first row
 * with neither answer column holding an answer is taken for it. Answer words ignore case,
 * and a space or "_" stands for the hyphen ("Must be", "live with"). A respondent who
 * answers the same need twice has the later row rejected (anonymous rows are not
 * checked). Blank rows are skipped, not counted.
 *
 * Files are capped (io/tp-caps.h): more than TP_KANO_IMPORT_MAX_BYTES or
 * TP_KANO_IMPORT_MAX_ROWS rows is refused whole, and so is an import that would make the
 * document larger than a file may be. Reading the file and the first pass may run in a
 * worker thread (tp_kano_rows_parse); applying must run where the document lives.
 */
#pragma once

#include "model/tp-document.h"

G_BEGIN_DECLS

typedef struct
{
  guint  line;      /* 1-based line of the file where the row starts */
  char  *reason;    /* "no touchpoint named “Checkout”", translated */
} TpImportRejection;

typedef struct
{
  guint      n_rows;       /* data rows read (the header excluded) */
  guint      n_imported;
  guint      n_needs_added;
  GPtrArray *rejected;     /* (element-type TpImportRejection) */
  guint64    n_steps;      /* lookups made, to prove the cost linear in tests */
} TpImportReport;

/* The rows of a file, checked as far as they can be without a document. */
typedef struct _TpKanoRows TpKanoRows;

/* fraction goes from 0 to 1 as the file is read; called in the parsing thread. */
typedef void (*TpKanoProgressFunc) (double   fraction,
                                    gpointer user_data);

void            tp_import_report_free  (TpImportReport *report);

/* Reads bytes into rows, in any thread. NULL with error when the file is not CSV text at
 * all (G_IO_ERROR_INVALID_DATA: not UTF-8, binary), is past the caps
 * (G_IO_ERROR_MESSAGE_TOO_LARGE) or cancellable was cancelled. */
TpKanoRows     *tp_kano_rows_parse     (GBytes             *bytes,
                                        TpKanoProgressFunc  progress,
                                        gpointer            user_data,
                                        GCancellable       *cancellable,
                                        GError            **error);
guint           tp_kano_rows_get_n_rows (const TpKanoRows  *rows);
void            tp_kano_rows_free      (TpKanoRows         *rows);

/* Applies rows to document (one undo step, "Import Kano Answers"): a report, which may
 * say that every row was rejected, or NULL with error (G_IO_ERROR_MESSAGE_TOO_LARGE)
 * when the answers would make the document too large to save, and nothing changed. */
TpImportReport *tp_kano_rows_apply     (TpDocument         *document,
                                        const TpKanoRows   *rows,
                                        GError            **error);

/* Both passes at once. */
TpImportReport *tp_kano_import_csv     (TpDocument  *document,
                                        GBytes      *bytes,
                                        GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpImportReport, tp_import_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpKanoRows, tp_kano_rows_free)

G_END_DECLS
