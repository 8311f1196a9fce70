/* tp-cli-route.h: which executable a touchpoint command line is for (issue 19).
 *
 * Plain C without GLib: the touchpoint launcher (main.c) links nothing but the C library.
 */
#pragma once

typedef enum
{
  TP_CLI_ROUTE_APP,       /* no command-line mode: the application (touchpoint-app) */
  TP_CLI_ROUTE_VALIDATE,  /* only --validate and file names: touchpoint-validate */
  TP_CLI_ROUTE_CLI,       /* any other command-line mode, or a mistake in one: touchpoint-cli */
} TpCliRoute;

TpCliRoute tp_cli_route (int    argc,
                         char **argv);
