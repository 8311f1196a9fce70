/* tp-enums.h: the string forms of the model's enumerations.
 *
 * Each enumeration has a nick (the token used in files and on the command line, never
 * translated) and a label (for people, translated). One table per enumeration in
 * tp-enums.c keeps both in one place.
 */
#pragma once

#include "tp-types.h"

G_BEGIN_DECLS

typedef enum {
  TP_ENUM_CONTAINER,
  TP_ENUM_NOTE_COLOUR,
  TP_ENUM_EVIDENCE,
  TP_ENUM_ACCENT,
  TP_ENUM_STRATEGY,
  TP_ENUM_ACTION_STATUS,
  TP_ENUM_KANO_CATEGORY,
  TP_ENUM_KANO_ANSWER,
  TP_ENUM_KPI_KIND,
  TP_ENUM_CSAT_METHOD,
  TP_ENUM_DIRECTION,
  TP_ENUM_STAGE_COLOUR,
  TP_N_ENUMS
} TpEnumType;

guint        tp_enum_get_n_values (TpEnumType type);
const char  *tp_enum_to_nick      (TpEnumType type,
                                   guint      value);
gboolean     tp_enum_from_nick    (TpEnumType  type,
                                   const char *nick,
                                   guint      *value);
const char  *tp_enum_get_label    (TpEnumType type,
                                   guint      value);

/* The question a Business Model Canvas block or value-chain area answers, shown as a
 * hint while it is empty ("Who are we creating value for?"). */
const char  *tp_container_get_hint (TpContainer container);

/* The conventional BMC number (1 … 9) of a canvas block, 0 for value-chain areas. */
guint        tp_container_get_number (TpContainer container);

G_END_DECLS
