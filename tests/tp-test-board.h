/* tp-test-board.h: the board tests' fixture, the same for every one of them: the
 * example workshop on a board alone in a window of 1200 × 800, shown, sized, holding the
 * keyboard.
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "model/tp-document.h"
#include "views/tp-board.h"

G_BEGIN_DECLS

typedef struct
{
  GtkWindow  *window;
  TpBoard    *board;
  TpDocument *document;
} TpTestBoard;

/* The example (data/examples), loaded with the production loader. */
TpDocument *tp_test_load_example     (void);

/* For g_test_add(): sets fixture up, and tears it down checking that the board and the
 * document die with the window. */
void        tp_test_board_set_up     (TpTestBoard   *fixture,
                                      gconstpointer  data);
void        tp_test_board_tear_down  (TpTestBoard   *fixture,
                                      gconstpointer  data);

G_END_DECLS
