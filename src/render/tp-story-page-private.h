/* tp-story-page-private.h: what the story's page files share. */
#pragma once

#include <pango/pango.h>

#include "tp-layout.h"
#include "tp-story-page.h"

G_BEGIN_DECLS

/* The design space of a step: a projector's 1280 × 720, letterboxed into any area. */
#define STORY_WIDTH     1280.0
#define STORY_HEIGHT    720.0
#define STORY_MARGIN_X  48.0
#define STORY_MARGIN_Y  28.0
#define STORY_BOTTOM    672.0   /* the content's foot, above a deck page's footer */
#define STORY_SIDE_X    920.0   /* where the column beside a canvas block starts */
/* The text of the items a step is about: never below 24 px at 1280 × 720, and no
 * larger than reads comfortably. */
#define STORY_ITEM_MIN  24.0
#define STORY_ITEM_MAX  40.0

typedef struct
{
  cairo_t       *cr;
  const TpTheme *theme;
  TpLayout      *layout;
  PangoContext  *context;
} StoryPainter;

/* Lays text out in role's font at size units across width (at most max_lines, 0: any)
 * and paints it at (x, y) in colour (NULL: measures only). Returns its height. */
double  _tp_story_text        (StoryPainter      *p,
                               TpFontRole         role,
                               const char        *text,
                               double             x,
                               double             y,
                               double             width,
                               double             size,
                               guint              max_lines,
                               const TpColour    *colour,
                               PangoAlignment     alignment);
double  _tp_story_text_width  (StoryPainter      *p,
                               TpFontRole         role,
                               const char        *text,
                               double             size);
char   *_tp_story_dup_date    (const TpMeta      *meta);

/* tp-story-page-journey.c: a stage step and a moment step below their heading. */
void    _tp_story_paint_stage  (StoryPainter      *p,
                                TpDocument        *document,
                                TpStory           *story,
                                const TpStoryStep *step,
                                double             top);
void    _tp_story_paint_moment (StoryPainter      *p,
                                TpDocument        *document,
                                const TpStoryStep *step,
                                double             top);

/* tp-story-page-alignment.c: an alignment step's rows below its heading. */
void    _tp_story_paint_alignment (StoryPainter      *p,
                                   TpDocument        *document,
                                   const TpStoryStep *step,
                                   double             top);

/* tp-story-page-analysis.c: an analysis step's rows below its heading. */
void    _tp_story_paint_analysis  (StoryPainter      *p,
                                   TpDocument        *document,
                                   const TpStoryStep *step,
                                   double             top);

G_END_DECLS
