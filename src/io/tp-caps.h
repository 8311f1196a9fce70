/* tp-caps.h: the one set of size caps that loading, saving, snapshots and imports share.
 *
 * What loads must save, and what the editor or an import makes must load: if the writer,
 * the recovery snapshots or an importer had caps of their own, a document could be
 * accepted by one and refused by the next (a 7.5 MB workshop that loaded but could never
 * be saved again). So every one of them reads its caps from here, and an import that
 * would push a document past them is refused before it changes anything.
 */
#pragma once

#include "model/tp-types.h"

/* A document file, as read, written and snapshotted. A 10,000-note board is under 2 MB. */
#define TP_DOCUMENT_MAX_BYTES (8 * 1024 * 1024)

/* Elements in one document (the loader's pre-scan): a 10,000-note board has about
 * 30,000. */
#define TP_DOCUMENT_MAX_ELEMENTS 500000

/* What an edit must leave free below the caps (model/tp-document-caps.c). Edits are
 * measured exactly before they are made, but moves are not, and a note moved into an
 * empty block opens that block's element: a few dozen bytes, at most once a container. */
#define TP_DOCUMENT_EDIT_SLACK_BYTES    4096
#define TP_DOCUMENT_EDIT_SLACK_ELEMENTS 64

/* A Kano answers file: each row adds at most one answer, and a row is at least a dozen
 * bytes, so a file larger than a document could not fit in one anyway. */
#define TP_KANO_IMPORT_MAX_BYTES TP_DOCUMENT_MAX_BYTES
#define TP_KANO_IMPORT_MAX_ROWS  200000
