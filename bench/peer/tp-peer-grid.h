/* tp-peer-grid.h: where the peer board's items go, shared by the generator of the Dia
 * file and by the floor program so that both draw the same picture (issue 19).
 *
 * Plain C, no GLib: the floor program links only cairo, Pango and libxml2.
 */
#pragma once

#include <math.h>

#define TP_PEER_PT_PER_CM   (72.0 / 2.54)
#define TP_PEER_NOTE_W      120.0
#define TP_PEER_NOTE_H      72.0
#define TP_PEER_GAP         12.0
#define TP_PEER_MARGIN      24.0
/* At most 100 columns: 10,000 notes make a board 13,224 pt wide, inside the 14,400 pt a
 * PDF page may have. */
#define TP_PEER_MAX_COLUMNS 100

typedef struct
{
  double x, y, width, height;
} TpPeerRect;

typedef struct
{
  unsigned n_notes;
  unsigned n_touchpoints;
  unsigned columns;
  unsigned note_rows;
  unsigned touchpoint_rows;
} TpPeerGrid;

static inline unsigned
tp_peer_n_touchpoints (unsigned n_notes)
{
  return n_notes / 20 > 5 ? n_notes / 20 : 5;
}

static inline void
tp_peer_grid_init (TpPeerGrid *grid,
                   unsigned    n_notes,
                   unsigned    n_touchpoints)
{
  unsigned columns = (unsigned) ceil (sqrt (n_notes * 1.5));

  grid->n_notes = n_notes;
  grid->n_touchpoints = n_touchpoints;
  grid->columns = columns < 1 ? 1 : columns > TP_PEER_MAX_COLUMNS ? TP_PEER_MAX_COLUMNS : columns;
  grid->note_rows = (n_notes + grid->columns - 1) / grid->columns;
  grid->touchpoint_rows = (n_touchpoints + grid->columns - 1) / grid->columns;
}

static inline TpPeerRect
tp_peer_grid_cell (unsigned column,
                   unsigned row)
{
  TpPeerRect r = {
    TP_PEER_MARGIN + column * (TP_PEER_NOTE_W + TP_PEER_GAP),
    TP_PEER_MARGIN + row * (TP_PEER_NOTE_H + TP_PEER_GAP),
    TP_PEER_NOTE_W, TP_PEER_NOTE_H,
  };

  return r;
}

static inline TpPeerRect
tp_peer_grid_note (const TpPeerGrid *grid,
                   unsigned          i)
{
  return tp_peer_grid_cell (i % grid->columns, i / grid->columns);
}

/* Touchpoints go in rows under the notes, one empty row between, in slot order. */
static inline TpPeerRect
tp_peer_grid_touchpoint (const TpPeerGrid *grid,
                         unsigned          slot)
{
  return tp_peer_grid_cell (slot % grid->columns, grid->note_rows + 1 + slot / grid->columns);
}

static inline double
tp_peer_grid_width (const TpPeerGrid *grid)
{
  return 2 * TP_PEER_MARGIN + grid->columns * (TP_PEER_NOTE_W + TP_PEER_GAP) - TP_PEER_GAP;
}

static inline double
tp_peer_grid_height (const TpPeerGrid *grid)
{
  unsigned rows = grid->note_rows + 1 + grid->touchpoint_rows;

  return 2 * TP_PEER_MARGIN + rows * (TP_PEER_NOTE_H + TP_PEER_GAP) - TP_PEER_GAP;
}
