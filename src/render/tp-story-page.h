/* tp-story-page.h: one step of the story (analysis/tp-story.h) drawn on a 16:9 page.
 *
 * The presentation (full screen, on the projector) and the story deck (`--page=story`,
 * one PDF page per step) both paint here, so the room and the deck see the same thing.
 * A step is laid out for a 16:9 projector: at 1280 × 720 the text of the notes and
 * touchpoints the step is about is at least 24 px (18 pt on a 960 × 540 pt slide);
 * the core's story already split what cannot fit into further steps.
 */
#pragma once

#include <cairo.h>

#include "analysis/tp-story.h"
#include "tp-theme.h"

G_BEGIN_DECLS

typedef struct
{
  const TpTheme *theme;        /* NULL: the light theme */
  gboolean       screen;       /* the live presentation (no footer) rather than a page */
  guint          page_number;  /* for the footer of a deck page; 0: none */
  guint          n_pages;
} TpStoryPaintOptions;

/* Paints the story's shown step index into the width × height area at cr's origin. */
void  tp_story_paint_step  (cairo_t                   *cr,
                            TpDocument                *document,
                            TpStory                   *story,
                            guint                      index,
                            double                     width,
                            double                     height,
                            const TpStoryPaintOptions *options);

G_END_DECLS
