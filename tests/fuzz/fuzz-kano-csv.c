/* fuzz-kano-csv.c: raw bytes → the Kano answers importer, on a small fixed document.
 *
 * The importer's promises (tp-kano-import.h): any bytes either give a report or fail
 * with an error and change nothing; every row read is imported or rejected with a line
 * and a reason; what an import makes, loads (the document serializes to bytes that load
 * again, within the caps); and the import is one undo step back to the same bytes.
 */
#include "config.h"


#include "tp-fuzz.h"
#include "analysis/tp-kano-import.h"
#include "io/tp-loader.h"
#include "io/tp-writer.h"

/* Two stages, a name two touchpoints share, two needs that read the same: every way a
 * row can match or be ambiguous. */
static TpDocument *
make_document (void)
{
  TpDocument *document = tp_document_new ();
  const char *purchase = tp_document_add_stage (document, 0, "Purchase");
  const char *usage = tp_document_add_stage (document, 1, "Usage");
  const char *checkout = tp_document_add_touchpoint (document, purchase, 0, "Checkout");
  TpTouchpoint *copy;

  tp_document_add_touchpoint (document, purchase, 1, "Help desk");
  tp_document_add_touchpoint (document, usage, 0, "help desk ");
  tp_document_add_touchpoint (document, usage, 1, "Delivery");

  copy = (TpTouchpoint *) tp_document_edit_begin (document, checkout);
  g_ptr_array_add (copy->needs, tp_kano_need_new ("k1", "Guest checkout"));
  g_ptr_array_add (copy->needs, tp_kano_need_new ("k2", "Fast"));
  g_ptr_array_add (copy->needs, tp_kano_need_new ("k3", "fast "));
  tp_document_edit_commit (document, (TpItem *) copy, "Add Needs", FALSE);
  tp_document_set_saved (document);

  return document;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  tp_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(TpDocument) document = make_document ();
  g_autoptr(GBytes) input = g_bytes_new_static (data, size);
  g_autoptr(GBytes) before = tp_write_bytes (document);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(TpDocument) reloaded = NULL;
  g_autoptr(TpImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = tp_kano_import_csv (document, input, &error);
  if (report == NULL)
    {
      if (error == NULL || error->message == NULL || !g_utf8_validate (error->message, -1, NULL))
        tp_fuzz_abort ("kano-csv: no report and no error, or an error without a valid message");
      if (tp_document_can_undo (document) && !g_str_equal (tp_document_get_undo_label (document), "Add Needs"))
        tp_fuzz_abort ("kano-csv: a refused import left a step behind");
      after = tp_write_bytes (document);
      if (!g_bytes_equal (before, after))
        tp_fuzz_abort ("kano-csv: a refused import changed the document");
      return 0;
    }
  if (error != NULL)
    tp_fuzz_abort ("kano-csv: a report and an error: %s", error->message);

  if (report->n_imported + report->rejected->len != report->n_rows)
    tp_fuzz_abort ("kano-csv: %u rows read, %u imported and %u rejected", report->n_rows, report->n_imported,
          report->rejected->len);
  for (guint i = 0; i < report->rejected->len; i++)
    {
      const TpImportRejection *rejection = g_ptr_array_index (report->rejected, i);

      if (rejection->line == 0 || rejection->reason == NULL || rejection->reason[0] == '\0' ||
          !g_utf8_validate (rejection->reason, -1, NULL))
        tp_fuzz_abort ("kano-csv: rejection %u has no line or no valid reason", i);
      if (i > 0 && ((const TpImportRejection *) g_ptr_array_index (report->rejected, i - 1))->line > rejection->line)
        tp_fuzz_abort ("kano-csv: rejections are not in line order");
    }

  /* What an import makes, loads. */
  after = tp_write_bytes (document);
  reloaded = tp_load_bytes (after, NULL, &error);
  if (reloaded == NULL)
    tp_fuzz_abort ("kano-csv: the document after the import does not load: %s", error->message);

  if (report->n_imported > 0)
    {
      if (g_strcmp0 (tp_document_get_undo_label (document), "Import Kano Answers") != 0)
        tp_fuzz_abort ("kano-csv: the import is not the last undo step");
      tp_document_undo (document);
      undone = tp_write_bytes (document);
      if (!g_bytes_equal (before, undone))
        tp_fuzz_abort ("kano-csv: undoing the import does not give the same bytes back");
    }
  else if (!g_bytes_equal (before, after))
    {
      tp_fuzz_abort ("kano-csv: nothing imported, yet the document changed");
    }

  return 0;
}
