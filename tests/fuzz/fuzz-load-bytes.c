/* fuzz-load-bytes.c: raw bytes → tp_load_bytes(), then the round trip (tp-fuzz.c).
 *
 * This harness sees the loader as a hostile file does: encoding, the pre-scan, libxml2 and
 * the root checks. Its seeds are real documents and the bad files of the test suite, and
 * the dictionary (touchpoint.dict) gives it the format's names; even so, few mutated
 * inputs get past the schema, which is what fuzz-load-structured.c is for.
 */
#include "config.h"

#include "tp-fuzz.h"

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
  tp_fuzz_check (data, size, NULL);
  return 0;
}
