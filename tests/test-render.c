/* test-render.c: the board's layout, hit-testing and painting */

#include "config.h"

#include "render/tp-layout.h"

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  return g_test_run ();
}
