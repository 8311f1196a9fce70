/* tp-xml-names.h: every element and attribute name of the file format, in one place.
 *
 * docs/FORMAT.md explains them and data/touchpoint.rng is normative for structure; the
 * loader, the writer and the schema must agree, so nothing in io/ spells a name inline.
 */
#pragma once

#define TP_XML_NS                    "https://touchpoint.github.io/ns/1"

/* The newest format version this build knows (docs/FORMAT.md, "Versions"). A document
 * with a higher minor is opened and its unknown content kept; a higher major is refused.
 * The writer writes the lowest minor that holds a document's content. */
#define TP_FORMAT_MAJOR              1
#define TP_FORMAT_MINOR              1

/* Elements. */
#define TP_XML_ROOT                  "touchpoint"
#define TP_XML_META                  "meta"
#define TP_XML_TITLE                 "title"
#define TP_XML_ORGANISATION          "organisation"
#define TP_XML_FACILITATOR           "facilitator"
#define TP_XML_DATE                  "date"
#define TP_XML_PERSONAS              "personas"
#define TP_XML_PERSONA               "persona"
#define TP_XML_DESCRIPTION           "description"
#define TP_XML_CANVAS                "canvas"
#define TP_XML_BLOCK                 "block"
#define TP_XML_VALUE_CHAIN           "value-chain"
#define TP_XML_AREA                  "area"
#define TP_XML_NOTE                  "note"
#define TP_XML_JOURNEY               "journey"
#define TP_XML_STAGE                 "stage"
#define TP_XML_JOB                   "job"
#define TP_XML_TOUCHPOINT            "touchpoint"
#define TP_XML_ACTION                "action"
#define TP_XML_PAIN                  "pain"
#define TP_XML_OPPORTUNITY           "opportunity"
#define TP_XML_MOMENT_OF_TRUTH       "moment-of-truth"
#define TP_XML_ACTION_ITEM           "action-item"
#define TP_XML_NEED                  "need"
#define TP_XML_TEXT                  "text"
#define TP_XML_ANSWER                "answer"
#define TP_XML_KPI                   "kpi"
#define TP_XML_SCORE                 "score"
#define TP_XML_LINKS                 "links"
#define TP_XML_LINK                  "link"
#define TP_XML_STORY                 "story"
#define TP_XML_HIDE                  "hide"

/* Attributes. */
#define TP_XML_A_VERSION             "version"
#define TP_XML_A_ID                  "id"
#define TP_XML_A_NAME                "name"
#define TP_XML_A_ACCENT              "accent"
#define TP_XML_A_KIND                "kind"
#define TP_XML_A_STEP                "step"
#define TP_XML_A_COLOUR              "colour"
#define TP_XML_A_EVIDENCE            "evidence"
#define TP_XML_A_VOTES               "votes"
#define TP_XML_A_PERSONA             "persona"
#define TP_XML_A_CHANNEL             "channel"
#define TP_XML_A_EMOTION             "emotion"
#define TP_XML_A_EXPECTATION         "expectation"
#define TP_XML_A_EXPERIENCE          "experience"
#define TP_XML_A_IMPACT              "impact"
#define TP_XML_A_FEASIBILITY         "feasibility"
#define TP_XML_A_STRATEGY            "strategy"
#define TP_XML_A_OWNER               "owner"
#define TP_XML_A_STATUS              "status"
#define TP_XML_A_CATEGORY            "category"
#define TP_XML_A_FUNCTIONAL          "functional"
#define TP_XML_A_DYSFUNCTIONAL       "dysfunctional"
#define TP_XML_A_COUNT               "count"
#define TP_XML_A_METHOD              "method"
#define TP_XML_A_START               "start"
#define TP_XML_A_END                 "end"
#define TP_XML_A_NEW                 "new"
#define TP_XML_A_CONVERSIONS         "conversions"
#define TP_XML_A_VISITORS            "visitors"
#define TP_XML_A_VALUE               "value"
#define TP_XML_A_UNIT                "unit"
#define TP_XML_A_TARGET              "target"
#define TP_XML_A_DIRECTION           "direction"
#define TP_XML_A_NOTE                "note"
#define TP_XML_A_TOUCHPOINT          "touchpoint"
#define TP_XML_A_LABEL               "label"
