/* tp-test-tools.h: what the core tests that read exports back share: the outside tools
 * they run (pdftotext, pdfinfo, xmllint …), loading a document from a path, writing an
 * export to a temporary file, and reading a PDF's text and word boxes back. No GTK. */
#pragma once

#include "model/tp-document.h"
#include "render/tp-export.h"

G_BEGIN_DECLS

/* Whether a helper program is installed; skips the current test when it is not. */
gboolean    tp_test_have_tool  (const char         *name);
/* Runs a tool (argv[0] looked up in PATH) and returns its standard output; fails the
 * test unless it exits 0. */
char       *tp_test_run_tool   (const char * const *argv);
/* The document at path, through the hardened loader; fails the test on an error. */
TpDocument *tp_test_load_path  (const char         *path);

/* Exports document with options into a file called name in a new temporary folder;
 * returns its path. tp_test_remove_export() removes the file and the folder. */
char       *tp_test_export_to_file (TpDocument            *document,
                                    const TpExportOptions *options,
                                    const char            *name);
void        tp_test_remove_export  (const char            *path);

/* What a run of the touchpoint command left: its exit status and its output. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} TpTestRun;

void        tp_test_run_clear      (TpTestRun             *run);
/* Runs the built touchpoint command with args, as a script would, without a display
 * (export and validation never need one). With a limit in seconds (0: none), the run is
 * killed when it takes longer: a hang fails the test (the status is that of timeout(1))
 * instead of blocking the suite. */
void        tp_test_run_touchpoint_limited (TpTestRun          *run,
                                            guint               limit,
                                            const char * const *args);
void        tp_test_run_touchpoint (TpTestRun             *run,
                                    const char * const    *args);

/* The text without white space or hyphens (ASCII, U+2010 and the soft hyphen that
 * Pango shows at a break inside a word): pdftotext breaks lines where the export did
 * not, and joins a word broken after its hyphen at a line's end without it. */
char       *tp_test_squeeze        (const char            *text);

/* The PDF's pages, from pdfinfo. */
guint       tp_test_pdf_n_pages    (const char            *path);
/* The text of a page of the PDF (from 1), or of every page (0), from pdftotext. */
char       *tp_test_pdf_text       (const char            *path,
                                    guint                  page);

/* A word of a PDF and its box, in points, as pdftotext -bbox reports it. */
typedef struct
{
  char   *text;
  guint   page;         /* from 1 */
  double  page_width;   /* the size of the word's page */
  double  page_height;
  double  x_min;
  double  y_min;
  double  x_max;
  double  y_max;
} TpTestWord;

typedef enum
{
  TP_TEST_PDF_WORDS_NONE     = 0,
  /* pdftotext -bbox escapes the words like HTML: give them back as the document has
   * them. Without it, a word with & < > " or ' stays escaped. */
  TP_TEST_PDF_WORDS_UNESCAPE = 1 << 0,
} TpTestPdfWordsFlags;

/* Every word of the PDF, page by page, as an array of TpTestWord that frees its texts. */
GArray     *tp_test_pdf_words      (const char            *path,
                                    TpTestPdfWordsFlags    flags);

G_END_DECLS
