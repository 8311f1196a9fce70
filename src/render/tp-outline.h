/* tp-outline.h: a page of the board as plain text.
 *
 * What a copied image offers to applications that take only text, and what the command
 * line can print: the region's title, then each block with its notes as "- text" lines;
 * for the customer journey, each stage with its touchpoints, moments of truth marked.
 * The text is Markdown-shaped ("# " before a region, "## " before a block or a stage),
 * so it reads as plain text and pastes as an outline into notes and wikis.
 *
 * Empty blocks and notes without text are left out: the outline is what was said, not
 * the template around it. Nothing here needs a display.
 */
#pragma once

#include "model/tp-document.h"
#include "tp-export.h"

G_BEGIN_DECLS

/* The outline of what page shows: one region, or for TP_EXPORT_PAGE_BOARD and
 * TP_EXPORT_PAGE_ALL every region that has content, in reading order (canvas, value
 * chain, journey). Lines end in "\n", and the last line is not followed by one; "" when
 * there is nothing on the page. */
char  *tp_outline_build  (TpDocument   *document,
                          TpExportPage  page);

G_END_DECLS
