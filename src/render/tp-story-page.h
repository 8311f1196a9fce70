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
  /* Units of the heading's line kept free at the top right, beside and under the step
   * number, for what the presentation lays over the slide there (its timer, at
   * TP_STORY_CORNER_*); 0: only the step number's width. */
  double         corner_width;
} TpStoryPaintOptions;

/* The top right corner the presentation's timer takes, in the step's design units
 * (1280 × 720): its right edge, top and height, under the step number and beside the
 * heading, above where any step's content starts. */
#define TP_STORY_DESIGN_HEIGHT  720.0
#define TP_STORY_CORNER_RIGHT   (1280.0 - 48.0)   /* the step's width less its margin */
#define TP_STORY_CORNER_TOP     60.0
#define TP_STORY_CORNER_HEIGHT  52.0

/* Paints the story's shown step index into the width × height area at cr's origin. */
void  tp_story_paint_step  (cairo_t                   *cr,
                            TpDocument                *document,
                            TpStory                   *story,
                            guint                      index,
                            double                     width,
                            double                     height,
                            const TpStoryPaintOptions *options);

G_END_DECLS
