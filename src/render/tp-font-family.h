/* tp-font-family.h: a theme's list of font families, resolved once to the one installed
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The first family of a comma-separated list that is installed, as Pango names it; the
 * list unchanged when none before a generic name (sans-serif, serif, …) is. The answer
 * is kept for the process and interned, so it is never freed. Any thread. */
const char *tp_font_family_resolve (const char *families);

G_END_DECLS
