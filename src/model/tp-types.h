/* tp-types.h: forward declarations and the enumerations shared by every layer.
 *
 * The enumerations mirror the concepts of PRODUCT.md; their string forms (the nicks
 * used in files and on the command line) live in tp-enums.c.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _TpItem        TpItem;
typedef struct _TpMeta        TpMeta;
typedef struct _TpNote        TpNote;
typedef struct _TpPersona     TpPersona;
typedef struct _TpStage       TpStage;
typedef struct _TpTouchpoint  TpTouchpoint;
typedef struct _TpLink        TpLink;
typedef struct _TpKpi         TpKpi;
typedef struct _TpKanoNeed    TpKanoNeed;
typedef struct _TpActionItem  TpActionItem;
typedef struct _TpExtras      TpExtras;
typedef struct _TpCommand     TpCommand;

typedef enum {
  TP_ITEM_META,
  TP_ITEM_NOTE,
  TP_ITEM_PERSONA,
  TP_ITEM_STAGE,
  TP_ITEM_TOUCHPOINT,
  TP_ITEM_LINK,
} TpItemKind;

/* Where a note lives: the nine Business Model Canvas blocks, in the conventional
 * numbering of PRODUCT.md (TP_CONTAINER_CUSTOMER_SEGMENTS is block 1), then the nine
 * value-chain areas (five primary, four support).
 */
typedef enum {
  TP_CONTAINER_CUSTOMER_SEGMENTS,
  TP_CONTAINER_VALUE_PROPOSITIONS,
  TP_CONTAINER_CHANNELS,
  TP_CONTAINER_CUSTOMER_RELATIONSHIPS,
  TP_CONTAINER_REVENUE_STREAMS,
  TP_CONTAINER_KEY_RESOURCES,
  TP_CONTAINER_KEY_ACTIVITIES,
  TP_CONTAINER_KEY_PARTNERS,
  TP_CONTAINER_COST_STRUCTURE,
  TP_CONTAINER_INBOUND_LOGISTICS,
  TP_CONTAINER_OPERATIONS,
  TP_CONTAINER_OUTBOUND_LOGISTICS,
  TP_CONTAINER_MARKETING_AND_SALES,
  TP_CONTAINER_SERVICE,
  TP_CONTAINER_FIRM_INFRASTRUCTURE,
  TP_CONTAINER_HUMAN_RESOURCES,
  TP_CONTAINER_TECHNOLOGY_DEVELOPMENT,
  TP_CONTAINER_PROCUREMENT,
  TP_N_CONTAINERS
} TpContainer;

#define TP_N_BMC_BLOCKS 9
#define TP_CONTAINER_IS_CANVAS(c) ((guint)(c) < TP_N_BMC_BLOCKS)
#define TP_CONTAINER_IS_VALUE_CHAIN(c) ((guint)(c) >= TP_N_BMC_BLOCKS && (guint)(c) < TP_N_CONTAINERS)

typedef enum {
  TP_NOTE_COLOUR_YELLOW,
  TP_NOTE_COLOUR_GREEN,
  TP_NOTE_COLOUR_BLUE,
  TP_NOTE_COLOUR_PURPLE,
  TP_NOTE_COLOUR_ORANGE,
  TP_NOTE_COLOUR_RED,
  TP_NOTE_COLOUR_PINK,
  TP_NOTE_COLOUR_GREY,
  TP_N_NOTE_COLOURS
} TpNoteColour;

typedef enum {
  TP_EVIDENCE_ASSUMPTION,
  TP_EVIDENCE_PARTLY_VALIDATED,
  TP_EVIDENCE_VALIDATED,
  TP_N_EVIDENCE
} TpEvidence;

typedef enum {
  TP_ACCENT_BLUE,
  TP_ACCENT_GREEN,
  TP_ACCENT_YELLOW,
  TP_ACCENT_ORANGE,
  TP_ACCENT_RED,
  TP_ACCENT_PURPLE,
  TP_ACCENT_BROWN,
  TP_ACCENT_SLATE,
  TP_N_ACCENTS
} TpAccent;

/* A stage's colour, from the journey's palette of light tints (render/ holds the tones).
 * Kept by the stage, so that inserting or moving stages recolours none of the others. */
typedef enum {
  TP_STAGE_COLOUR_BLUE,
  TP_STAGE_COLOUR_GREEN,
  TP_STAGE_COLOUR_YELLOW,
  TP_STAGE_COLOUR_ORANGE,
  TP_STAGE_COLOUR_PURPLE,
  TP_STAGE_COLOUR_TEAL,
  TP_N_STAGE_COLOURS
} TpStageColour;

typedef enum {
  TP_STRATEGY_NONE,
  TP_STRATEGY_PROACTIVE,
  TP_STRATEGY_REACTIVE,
  TP_N_STRATEGIES
} TpStrategy;

typedef enum {
  TP_ACTION_TO_DO,
  TP_ACTION_IN_PROGRESS,
  TP_ACTION_DONE,
  TP_N_ACTION_STATUSES
} TpActionStatus;

/* TP_KANO_NONE means "not classified by hand". */
typedef enum {
  TP_KANO_NONE,
  TP_KANO_MUST_BE,
  TP_KANO_ONE_DIMENSIONAL,
  TP_KANO_ATTRACTIVE,
  TP_KANO_INDIFFERENT,
  TP_KANO_REVERSE,
  TP_KANO_QUESTIONABLE,
  TP_N_KANO_CATEGORIES
} TpKanoCategory;

/* The five answers of the standard Kano questionnaire, in its order (1 … 5). */
typedef enum {
  TP_KANO_ANSWER_LIKE,
  TP_KANO_ANSWER_MUST_BE,
  TP_KANO_ANSWER_NEUTRAL,
  TP_KANO_ANSWER_LIVE_WITH,
  TP_KANO_ANSWER_DISLIKE,
  TP_N_KANO_ANSWERS
} TpKanoAnswer;

typedef enum {
  TP_KPI_NPS,
  TP_KPI_CSAT,
  TP_KPI_CES,
  TP_KPI_RETENTION,
  TP_KPI_CONVERSION,
  TP_KPI_CUSTOM,
  TP_N_KPI_KINDS
} TpKpiKind;

typedef enum {
  TP_CSAT_TOP_2_BOX,
  TP_CSAT_MEAN,
  TP_N_CSAT_METHODS
} TpCsatMethod;

typedef enum {
  TP_DIRECTION_HIGHER,
  TP_DIRECTION_LOWER,
  TP_N_DIRECTIONS
} TpDirection;

/* Limits shared by the model, the loader and the schema. */
#define TP_EMOTION_MIN   (-2)
#define TP_EMOTION_MAX   2
#define TP_SCORE_MIN     1
#define TP_SCORE_MAX     5
#define TP_COUNT_MAX     1000000000u
#define TP_TEXT_MAX      10000
#define TP_REAL_LIMIT    1e12
#define TP_KPI_SCORES    11   /* score values 0 … 10 */

G_END_DECLS
