/* tp-export-story.c: the story as a deck (`--page=story`): a page per shown step, drawn
 * by tp-story-page.c as the presentation draws it, text real and selectable.
 *
 * Copyright 2026 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "tp-export-private.h"
#include "tp-layout-private.h"
#include "tp-story-page.h"

guint
_tp_export_story_count (TpDocument *document)
{
  g_autoptr(TpStory) story = NULL;

  if (document == NULL)
    return 0;
  story = tp_story_new (document);
  return tp_story_get_n_steps (story);
}

/* The sheets of the story: one a step, of the document tp_export_list_pages() saw. */
guint
_tp_export_story_count_parts (TpLayout *layout)
{
  g_autoptr(TpDocument) document = g_weak_ref_get (&layout->export_document);

  return MAX (1, _tp_export_story_count (document));
}

void
_tp_export_story_paint (cairo_t               *cr,
                        TpDocument            *document,
                        const TpExportOptions *options,
                        guint                  step,
                        double                 width,
                        double                 height,
                        guint                  page_number,
                        guint                  n_pages)
{
  g_autoptr(TpStory) story = tp_story_new (document);
  TpStoryPaintOptions paint = {
    .theme = NULL,
    .screen = !options->footer,
    .page_number = page_number,
    .n_pages = n_pages,
  };

  if (step >= tp_story_get_n_steps (story))
    return;
  tp_story_paint_step (cr, document, story, step, width, height, &paint);
}
