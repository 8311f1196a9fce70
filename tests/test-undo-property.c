/* test-undo-property.c: random edits, undo and redo, checked against properties
 *
 * Each case starts from a document (the bundled example, a new workshop, an empty
 * document) and takes a few hundred random steps: every kind of change the model offers,
 * invalid attempts it must refuse, groups, undo, redo, saved points and save → load →
 * save round trips. A shadow of the history (a re-statement of the rules of
 * tp-history.h: a new step drops the redo steps, mergeable edits of one item merge,
 * never into the saved step, a group is one step and a group of one is its only step)
 * predicts what each step records, so that after every step the document can be checked
 * against the serialization the shadow remembers for that point of the history.
 *
 * Properties, after every step: the invariants of check_invariants() hold; the document
 * serializes to exactly the bytes recorded for its place in the history (so undo gives
 * back every earlier state byte for byte, and redo every later one); can-undo, can-redo,
 * the labels, "modified" and the state token agree with the shadow, and the notify
 * signals kept an observer up to date; a change that records nothing changes nothing.
 * At random points and at the end: save → load → save is a fixed point. At the end of a
 * run: undo all the way gives the bytes of the start, redo all the way those before.
 *
 * All randomness comes from g_test_rand_int(), which GLib seeds once per test case: a
 * case loops over several runs internally, and a failure names its run, step and
 * operation (with the operations before it). `--seed=R02S…` with the seed printed at the
 * top of the log replays it exactly. `-m thorough` runs ten times as many runs;
 * TP_UNDO_PROPERTY_RUNS and TP_UNDO_PROPERTY_STEPS set their number and length (for a
 * soak); TP_TEST_SLOWDOWN (sanitizers) divides the number of runs by itself;
 * TP_UNDO_PROPERTY_WILD=1 adds values no editor offers (see random_enum()).
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "model/tp-document.h"
#include "model/tp-enums.h"
#include "io/tp-loader.h"
#include "io/tp-writer.h"

#define N_STEPS 300
#define N_RECENT 12

/* Randomness */

/* 0 … n − 1 */
static guint
rnd (guint n)
{
  g_assert (n > 0 && n <= G_MAXINT32);

  return (guint) g_test_rand_int_range (0, (gint32) n);
}

static gboolean
chance (guint percent)
{
  return rnd (100) < percent;
}

static const char * const sample_texts[] = {
  "",
  "x",
  "Same-day delivery",
  "Größe & Maß",
  "<b>not markup</b>",
  "\"double\" and 'single' quotes",
  "two\nlines",
  "tab\tseparated",
  "  spaces around  ",
  "   ",
  "trailing newline\n",
  "carriage\r\nreturn",
  "emoji 🎉 and 漢字",
  "control \001 character",
  "not a character \357\277\276",
  "invalid \377 UTF-8",
  "]]> &amp; &#10;",
  "a > b < c",
};

static char *
random_text (void)
{
  guint r = rnd (200);

  if (r < 180)
    return g_strdup (sample_texts[rnd (G_N_ELEMENTS (sample_texts))]);

  if (r < 199)
    {
      static const char * const pieces[] = {
        "a", "b", "Z", "0", " ", " ", "&", "<", ">", "\"", "'", "é", "€", "\n", "\t", "ß", "🎉",
      };
      GString *text = g_string_new (NULL);

      for (guint i = 0, n = rnd (40); i < n; i++)
        g_string_append (text, pieces[rnd (G_N_ELEMENTS (pieces))]);

      return g_string_free (text, FALSE);
    }

  /* As long as a file may hold: TP_TEXT_MAX characters. Longer text is cut to that where
   * it enters the model (test-document-caps), so the model holds what the file keeps. */
  {
    GString *text = g_string_new (NULL);

    for (guint i = 0; i < TP_TEXT_MAX; i++)
      g_string_append (text, i % 7 != 0 ? "é" : " ");

    return g_string_free (text, FALSE);
  }
}

static void
set_text (char **field)
{
  g_free (*field);
  *field = random_text ();
}

/* Values no editor offers (enumerations past their end, dates that are not dates) are
 * only generated with TP_UNDO_PROPERTY_WILD=1: the writer promises to write something
 * that loads back whatever the model holds, but does not keep that promise for them yet
 * (see the report of issue 9). */
static gboolean wild;

static guint
random_enum (guint n_values)
{
  return wild && chance (3) ? n_values + rnd (3) : rnd (n_values);
}

static guint
random_count (void)
{
  switch (rnd (8))
    {
    case 0:
      return 0;
    case 1:
      return TP_COUNT_MAX;
    case 2:
      return TP_COUNT_MAX + 1 + rnd (1000);
    case 3:
      return 1 + rnd (10);
    default:
      return rnd (5000);
    }
}

static double
random_real (void)
{
  switch (rnd (12))
    {
    case 0:
      return NAN;
    case 1:
      return 0;
    case 2:
      return -0.0;
    case 3:
      return (double) rnd (2001) - 1000;
    case 4:
      return rnd (100000) / 1000.0;
    case 5:
      return 1e13;   /* beyond TP_REAL_LIMIT: written clamped */
    case 6:
      return -TP_REAL_LIMIT;
    case 7:
      return 1.0 / 3;
    case 8:
      return 1e-7;
    case 9:
      return 123456789.123;
    case 10:
      return 4.2;
    default:
      return -(rnd (1000) / 7.0);
    }
}

static char *
random_date (void)
{
  switch (rnd (6))
    {
    case 0:
      return g_strdup ("");
    case 1:
      return g_strdup ("2024-02-29");
    case 2:
      return g_strdup (wild ? "2023-02-30" : "2023-02-28");
    case 3:
      return g_strdup (wild ? "soon" : "");
    default:
      return g_strdup_printf ("%04u-%02u-%02u", 1990 + rnd (60), 1 + rnd (12), 1 + rnd (28));
    }
}

/* The shadow history */

typedef enum {
  CMD_EDIT,
  CMD_MOVE,
  CMD_INSERT,   /* insertions and removals */
  CMD_GROUP,
} CmdKind;

/* A command as the shadow sees it; on the stack, also the state it leads to. */
typedef struct
{
  CmdKind   kind;
  char     *id;
  char     *label;
  gboolean  mergeable;
  GBytes   *bytes;   /* the serialization after this step */
  guint64   token;   /* tp_document_get_state() after this step */
} Step;

static Step *
step_new (CmdKind     kind,
          const char *id,
          const char *label,
          gboolean    mergeable)
{
  Step *step = g_new0 (Step, 1);

  step->kind = kind;
  step->id = g_strdup (id);
  step->label = g_strdup (label);
  step->mergeable = mergeable;

  return step;
}

static void
step_free (Step *step)
{
  g_free (step->id);
  g_free (step->label);
  g_clear_pointer (&step->bytes, g_bytes_unref);
  g_free (step);
}

/* What a case exercised, reported at its end so that a change that starves an
 * operation shows. */
typedef struct
{
  guint pushed;
  guint merged;
  guint groups;
  guint groups_of_one;
  guint empty_groups;
  guint undos;
  guint redos;
  guint saved_lost;
  guint refused;
  guint round_trips;
} Stats;

typedef struct
{
  const char *case_name;
  Stats      *stats;
  guint       run;
  guint       step;
  GString    *op;          /* what the current step does, for failure messages */
  GPtrArray  *recent;      /* (element-type utf8) the steps before it */

  TpDocument *doc;

  /* The shadow: steps[0] is the bottom of the history (no command), steps[position] the
   * state the document is in. */
  GPtrArray  *steps;
  guint       position;
  gint        saved;       /* index of the saved state, −1 once lost */
  guint       group_depth;
  char       *group_label;
  GPtrArray  *children;    /* (element-type Step) of the open group */
  gboolean    recorded;    /* the current step pushed or merged a step */

  GHashTable *tokens;      /* every state token handed out so far */
  GHashTable *ids_seen;    /* every item id ever in the document */
  char       *last_edited; /* edited again more often, so that edits merge */
  gboolean    has_pending;
  guint64     pending;     /* the state an "asynchronous save" serialized */
  GBytes     *pending_bytes;
  GBytes     *saved_bytes; /* what the last save wrote */

  /* What an observer of the notify signals believes, and "changed" emissions. */
  gboolean    seen_can_undo;
  gboolean    seen_can_redo;
  gboolean    seen_modified;
  guint       n_changed;

  /* At the start of the current step. */
  GBytes     *bytes_before;
  guint       changed_before;
} Ctx;

#define FAIL(c, ...) fail_at ((c), __FILE__, __LINE__, G_STRFUNC, __VA_ARGS__)
#define CHECK(c, cond, ...) G_STMT_START { if (!(cond)) FAIL ((c), __VA_ARGS__); } G_STMT_END

G_GNUC_PRINTF (5, 6) static void
fail_at (Ctx        *c,
         const char *file,
         int         line,
         const char *func,
         const char *format,
         ...)
{
  g_autoptr(GString) message = g_string_new (NULL);
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (message, format, args);
  va_end (args);

  g_string_append_printf (message,
                          "\n  in case \"%s\", run %u, step %u, operation: %s"
                          "\n  (replay with --seed and the random seed printed at the top of the log)",
                          c->case_name, c->run, c->step, c->op->str);
  if (c->recent->len > 0)
    {
      g_string_append (message, "\n  steps before it, oldest first:");
      for (guint i = 0; i < c->recent->len; i++)
        g_string_append_printf (message, "\n    %s", (char *) g_ptr_array_index (c->recent, i));
    }

  g_assertion_message (G_LOG_DOMAIN, file, line, func, message->str);
}

G_GNUC_PRINTF (2, 3) static void
note_op (Ctx        *c,
         const char *format,
         ...)
{
  va_list args;

  if (c->op->len > 0)
    g_string_append (c->op, "; ");
  va_start (args, format);
  g_string_append_vprintf (c->op, format, args);
  va_end (args);
}

static Step *
top_step (Ctx *c)
{
  return g_ptr_array_index (c->steps, c->position);
}

static gboolean
kind_merges (CmdKind kind)
{
  return kind == CMD_EDIT || kind == CMD_MOVE;
}

/* tp_history_push() outside a group: drop the redo steps, then merge or push. */
static void
shadow_push (Ctx  *c,
             Step *command)
{
  Step *top = c->position > 0 ? top_step (c) : NULL;

  if (c->steps->len > c->position + 1)
    {
      g_ptr_array_remove_range (c->steps, c->position + 1, c->steps->len - c->position - 1);
      if (c->saved > (gint) c->position)
        {
          c->saved = -1;
          c->stats->saved_lost++;
        }
    }

  c->recorded = TRUE;

  if (top != NULL && c->saved != (gint) c->position &&
      top->mergeable && command->mergeable && top->kind == command->kind &&
      kind_merges (command->kind) && g_strcmp0 (top->label, command->label) == 0 &&
      g_strcmp0 (top->id, command->id) == 0)
    {
      step_free (command);
      c->stats->merged++;
      return;
    }

  g_ptr_array_add (c->steps, command);
  c->position++;
  c->stats->pushed++;
}

/* A command the real call is expected to execute. */
static void
expect (Ctx        *c,
        CmdKind     kind,
        const char *id,
        const char *label,
        gboolean    mergeable)
{
  Step *command = step_new (kind, id, label, mergeable);

  if (c->group_depth == 0)
    {
      shadow_push (c, command);
      return;
    }

  /* Inside a group, consecutive steps on one item with one label collapse whatever
   * their mergeable flag. */
  if (c->children->len > 0)
    {
      Step *last = g_ptr_array_index (c->children, c->children->len - 1);

      if (last->kind == kind && kind_merges (kind) && g_strcmp0 (last->label, label) == 0 &&
          g_strcmp0 (last->id, id) == 0)
        {
          step_free (command);
          return;
        }
    }

  g_ptr_array_add (c->children, command);
}

static void
expect_begin_group (Ctx        *c,
                    const char *label)
{
  if (c->group_depth++ == 0)
    c->group_label = g_strdup (label);
}

static void
expect_end_group (Ctx *c)
{
  g_autoptr(GPtrArray) children = NULL;
  g_autofree char *label = NULL;

  g_assert (c->group_depth > 0);
  if (--c->group_depth > 0)
    return;

  children = g_steal_pointer (&c->children);
  c->children = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  label = g_steal_pointer (&c->group_label);

  if (children->len == 0)
    c->stats->empty_groups++;
  else if (children->len == 1)
    c->stats->groups_of_one++;
  else
    c->stats->groups++;

  if (children->len == 1)
    {
      Step *only = g_ptr_array_steal_index (children, 0);

      g_free (only->label);
      only->label = g_strdup (label);
      shadow_push (c, only);
    }
  else if (children->len > 1)
    {
      shadow_push (c, step_new (CMD_GROUP, NULL, label, FALSE));
    }
}

/* Looking at the document */

static GBytes *
serialize (TpDocument *doc)
{
  return tp_write_bytes (doc);
}

/* The first line where two serializations differ, for messages. */
static char *
describe_difference (GBytes *expected,
                     GBytes *actual)
{
  g_autofree char *a = g_strndup (g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  g_autofree char *b = g_strndup (g_bytes_get_data (actual, NULL), g_bytes_get_size (actual));
  g_auto(GStrv) la = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lb = g_strsplit (b, "\n", -1);

  for (guint i = 0; la[i] != NULL || lb[i] != NULL; i++)
    {
      if (la[i] == NULL || lb[i] == NULL || strcmp (la[i], lb[i]) != 0)
        return g_strdup_printf ("first difference on line %u:\n    expected: %s\n    actual:   %s",
                                i + 1, la[i] != NULL ? la[i] : "(end)", lb[i] != NULL ? lb[i] : "(end)");
      if (la[i] == NULL || lb[i] == NULL)
        break;
    }

  return g_strdup ("no difference");
}

static void
check_bytes (Ctx        *c,
             GBytes     *expected,
             GBytes     *actual,
             const char *what)
{
  if (!g_bytes_equal (expected, actual))
    {
      g_autofree char *difference = describe_difference (expected, actual);

      FAIL (c, "%s: the serialization differs, %s", what, difference);
    }
}

static void
add_unique_id (Ctx        *c,
               GHashTable *ids,
               const char *id,
               const char *what)
{
  CHECK (c, id != NULL && id[0] != '\0', "a %s has no id", what);
  CHECK (c, !g_hash_table_contains (ids, id), "the id \"%s\" (of a %s) is not unique", id, what);
  g_hash_table_add (ids, (gpointer) id);
}

static void
check_item (Ctx        *c,
            TpDocument *doc,
            TpItem     *item,
            TpItemKind  kind,
            guint       index,
            GHashTable *ids)
{
  guint found = G_MAXUINT;

  CHECK (c, item->kind == kind, "item \"%s\" has kind %d, not %d", item->id, item->kind, kind);
  add_unique_id (c, ids, item->id, "item");
  CHECK (c, tp_document_lookup (doc, item->id) == item, "lookup of \"%s\" gives another item", item->id);
  CHECK (c, tp_document_lookup_kind (doc, item->id, kind) == (gpointer) item,
         "lookup_kind of \"%s\" fails", item->id);
  CHECK (c, tp_document_get_index (doc, item->id, &found) && found == index,
         "index of \"%s\" is %u, not %u", item->id, found, index);
}

static void
check_persona_ref (Ctx        *c,
                   TpDocument *doc,
                   const char *owner,
                   const char *persona)
{
  TpPersona *expected = NULL;

  if (persona != NULL)
    {
      expected = tp_document_lookup_kind (doc, persona, TP_ITEM_PERSONA);
      CHECK (c, expected != NULL, "\"%s\" refers to a missing persona \"%s\"", owner, persona);
    }
  CHECK (c, tp_document_get_persona_of (doc, owner) == expected,
         "the persona of \"%s\" is not \"%s\"", owner, persona);
}

static gboolean
array_contains (GPtrArray *array,
                gpointer   data)
{
  return g_ptr_array_find (array, data, NULL);
}

/* Everything that must hold of any document, through the public API only. */
static void
check_document (Ctx        *c,
                TpDocument *doc,
                gboolean    check_stale_ids)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) of_note = g_ptr_array_new ();
  g_autoptr(GPtrArray) of_touchpoint = g_ptr_array_new ();
  const TpMeta *meta = tp_document_get_meta (doc);
  GPtrArray *personas = tp_document_get_personas (doc);
  GPtrArray *stages = tp_document_get_stages (doc);
  GPtrArray *links = tp_document_get_links (doc);
  guint n_notes = 0, n_touchpoints = 0;
  GHashTableIter iter;
  gpointer key;

  CHECK (c, meta != NULL && meta->item.kind == TP_ITEM_META, "no metadata");
  CHECK (c, tp_document_lookup (doc, TP_META_ID) == &meta->item, "lookup of the metadata fails");
  add_unique_id (c, ids, meta->item.id, "metadata");

  for (guint i = 0; i < personas->len; i++)
    check_item (c, doc, g_ptr_array_index (personas, i), TP_ITEM_PERSONA, i, ids);

  for (guint container = 0; container < TP_N_CONTAINERS; container++)
    {
      GPtrArray *notes = tp_document_get_notes (doc, container);

      for (guint i = 0; i < notes->len; i++)
        {
          TpNote *note = g_ptr_array_index (notes, i);

          check_item (c, doc, &note->item, TP_ITEM_NOTE, i, ids);
          CHECK (c, note->container == container, "note \"%s\" says container %d but is in %u",
                 note->item.id, note->container, container);
          check_persona_ref (c, doc, note->item.id, note->persona);
          n_notes++;
        }
    }
  CHECK (c, tp_document_get_n_notes (doc) == n_notes, "%u notes counted, %u in the lists",
         tp_document_get_n_notes (doc), n_notes);

  for (guint s = 0; s < stages->len; s++)
    {
      TpStage *stage = g_ptr_array_index (stages, s);

      check_item (c, doc, &stage->item, TP_ITEM_STAGE, s, ids);
      for (guint k = 0; k < stage->kpis->len; k++)
        add_unique_id (c, ids, ((TpKpi *) g_ptr_array_index (stage->kpis, k))->id, "KPI");

      for (guint t = 0; t < stage->touchpoints->len; t++)
        {
          TpTouchpoint *tp = g_ptr_array_index (stage->touchpoints, t);

          check_item (c, doc, &tp->item, TP_ITEM_TOUCHPOINT, t, ids);
          CHECK (c, g_strcmp0 (tp->stage, stage->item.id) == 0,
                 "touchpoint \"%s\" says stage \"%s\" but is in \"%s\"", tp->item.id, tp->stage, stage->item.id);
          check_persona_ref (c, doc, tp->item.id, tp->persona);
          for (guint k = 0; k < tp->kpis->len; k++)
            add_unique_id (c, ids, ((TpKpi *) g_ptr_array_index (tp->kpis, k))->id, "KPI");
          for (guint k = 0; k < tp->needs->len; k++)
            add_unique_id (c, ids, ((TpKanoNeed *) g_ptr_array_index (tp->needs, k))->id, "need");
          n_touchpoints++;
        }
    }
  CHECK (c, tp_document_get_n_touchpoints (doc) == n_touchpoints,
         "%u touchpoints counted, %u in the stages", tp_document_get_n_touchpoints (doc), n_touchpoints);

  for (guint i = 0; i < links->len; i++)
    {
      TpLink *link = g_ptr_array_index (links, i);

      check_item (c, doc, &link->item, TP_ITEM_LINK, i, ids);
      CHECK (c, tp_document_lookup_kind (doc, link->note, TP_ITEM_NOTE) != NULL,
             "link \"%s\" starts at \"%s\", which is not a note", link->item.id, link->note);
      CHECK (c, tp_document_lookup_kind (doc, link->touchpoint, TP_ITEM_TOUCHPOINT) != NULL,
             "link \"%s\" ends at \"%s\", which is not a touchpoint", link->item.id, link->touchpoint);
      /* find_link() gives the first link of a pair: any other means the pair repeats. */
      CHECK (c, tp_document_find_link (doc, link->note, link->touchpoint) == link,
             "find_link (\"%s\", \"%s\") does not give \"%s\": the pair repeats, or is lost",
             link->note, link->touchpoint, link->item.id);

      g_ptr_array_set_size (of_note, 0);
      g_ptr_array_set_size (of_touchpoint, 0);
      tp_document_collect_links (doc, link->note, of_note);
      tp_document_collect_links (doc, link->touchpoint, of_touchpoint);
      CHECK (c, array_contains (of_note, link) && array_contains (of_touchpoint, link),
             "collect_links misses \"%s\"", link->item.id);
    }

  /* Ids that left the document must not be found any more. */
  g_hash_table_iter_init (&iter, c->ids_seen);
  while (check_stale_ids && g_hash_table_iter_next (&iter, &key, NULL))
    CHECK (c, g_hash_table_contains (ids, key) || tp_document_lookup (doc, key) == NULL,
           "\"%s\" left the document but can still be looked up", (char *) key);
}

static void
check_invariants (Ctx        *c,
                  TpDocument *doc)
{
  check_document (c, doc, TRUE);
}

static void
note_id (Ctx        *c,
         const char *id)
{
  if (!g_hash_table_contains (c->ids_seen, id))
    g_hash_table_add (c->ids_seen, g_strdup (id));
}

/* Remembers the ids now in the document, for the check above. */
static void
note_ids (Ctx        *c,
          TpDocument *doc)
{
  GPtrArray *stages = tp_document_get_stages (doc);

  for (guint container = 0; container < TP_N_CONTAINERS; container++)
    {
      GPtrArray *notes = tp_document_get_notes (doc, container);

      for (guint i = 0; i < notes->len; i++)
        note_id (c, ((TpItem *) g_ptr_array_index (notes, i))->id);
    }
  for (guint i = 0; i < tp_document_get_personas (doc)->len; i++)
    note_id (c, ((TpItem *) g_ptr_array_index (tp_document_get_personas (doc), i))->id);
  for (guint i = 0; i < tp_document_get_links (doc)->len; i++)
    note_id (c, ((TpItem *) g_ptr_array_index (tp_document_get_links (doc), i))->id);
  for (guint s = 0; s < stages->len; s++)
    {
      TpStage *stage = g_ptr_array_index (stages, s);

      note_id (c, stage->item.id);
      for (guint t = 0; t < stage->touchpoints->len; t++)
        note_id (c, ((TpItem *) g_ptr_array_index (stage->touchpoints, t))->id);
    }
}

/* save -> load -> save is a fixed point, and the loaded document is sound and fresh. */
static void
check_round_trip (Ctx *c)
{
  g_autoptr(GBytes) saved = serialize (c->doc);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TpDocument) loaded = tp_load_bytes (saved, NULL, &error);

  c->stats->round_trips++;

  if (loaded == NULL)
    FAIL (c, "what the writer wrote does not load: %s\n%.*s", error->message,
          (int) MIN (g_bytes_get_size (saved), 4000), (const char *) g_bytes_get_data (saved, NULL));

  again = serialize (loaded);
  check_bytes (c, saved, again, "save -> load -> save");
  CHECK (c, !tp_document_get_modified (loaded) && !tp_document_can_undo (loaded) &&
            !tp_document_can_redo (loaded), "a loaded document has a history");

  {
    GHashTable *seen = g_steal_pointer (&c->ids_seen);

    /* Ids of the document under test mean nothing to the loaded one. */
    c->ids_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    check_invariants (c, loaded);
    g_hash_table_unref (c->ids_seen);
    c->ids_seen = seen;
  }

  g_assert_finalize_object (g_steal_pointer (&loaded));
}

/* Notifications and "changed" */

static void
on_notify (TpDocument *doc,
           GParamSpec *pspec,
           Ctx        *c)
{
  gboolean value = FALSE;
  gboolean *seen;

  g_object_get (doc, pspec->name, &value, NULL);
  if (g_str_equal (pspec->name, "can-undo"))
    seen = &c->seen_can_undo;
  else if (g_str_equal (pspec->name, "can-redo"))
    seen = &c->seen_can_redo;
  else
    seen = &c->seen_modified;

  CHECK (c, value != *seen, "notify::%s, but it stayed %s", pspec->name, value ? "TRUE" : "FALSE");
  *seen = value;
}

static void
on_changed (TpDocument   *doc,
            TpChangeKind  kind,
            const char   *id,
            Ctx          *c)
{
  CHECK (c, id != NULL && kind <= TP_CHANGE_EDITED, "a \"changed\" signal without an id");
  c->n_changed++;

  /* Views read the document in their handlers: it must be whole at every emission,
   * including those in the middle of a group, an undo or a redo. */
  CHECK (c, (tp_document_lookup (doc, id) == NULL) == (kind == TP_CHANGE_REMOVED),
         "\"changed\" (%d) for \"%s\", which is %s the document", kind, id,
         tp_document_lookup (doc, id) != NULL ? "in" : "not in");
  check_document (c, doc, FALSE);
}

/* Steps */

static void
begin_step (Ctx *c)
{
  g_string_truncate (c->op, 0);
  g_clear_pointer (&c->bytes_before, g_bytes_unref);
  /* Serializing is most of the time a step takes (and far more under sanitizers): the
   * bytes of the state the document is in are known outside groups. */
  c->bytes_before = c->group_depth == 0 ? g_bytes_ref (top_step (c)->bytes) : serialize (c->doc);
  c->changed_before = c->n_changed;
  c->recorded = FALSE;
}

/* Checks the document after a step (or, inside an open group, after a part of one). */
static void
finish_step (Ctx *c)
{
  g_autoptr(GBytes) bytes = NULL;
  Step *top;
  const char *undo_label;
  const char *redo_label;
  guint64 token;

  note_ids (c, c->doc);
  check_invariants (c, c->doc);

  if (c->group_depth > 0)
    {
      /* While a group is open nothing can be undone or redone. */
      CHECK (c, !tp_document_can_undo (c->doc) && !tp_document_can_redo (c->doc),
             "undo or redo possible inside an open group");
      return;
    }

  bytes = serialize (c->doc);
  token = tp_document_get_state (c->doc);
  top = top_step (c);
  if (c->recorded)
    {
      CHECK (c, token != top->token, "the step recorded nothing, but should have");
      CHECK (c, !g_hash_table_contains (c->tokens, &token),
             "the new state token %" G_GUINT64_FORMAT " was used before", token);
      g_hash_table_add (c->tokens, g_memdup2 (&token, sizeof token));
      top->token = token;
      g_clear_pointer (&top->bytes, g_bytes_unref);
      top->bytes = g_bytes_ref (bytes);
      c->recorded = FALSE;
    }

  CHECK (c, token == top->token, "state token %" G_GUINT64_FORMAT ", expected %" G_GUINT64_FORMAT
         " (a step was recorded that should not have been, or the wrong one)", token, top->token);
  check_bytes (c, top->bytes, bytes, "the document is not in the state of its place in the history");

  /* The history's flags and labels. */
  undo_label = tp_document_get_undo_label (c->doc);
  redo_label = tp_document_get_redo_label (c->doc);
  CHECK (c, tp_document_can_undo (c->doc) == (c->position > 0), "can-undo is %d at position %u",
         tp_document_can_undo (c->doc), c->position);
  CHECK (c, tp_document_can_redo (c->doc) == (c->position + 1 < c->steps->len),
         "can-redo is %d at position %u of %u", tp_document_can_redo (c->doc), c->position, c->steps->len);
  CHECK (c, tp_document_can_undo (c->doc) == (undo_label != NULL), "can-undo disagrees with the undo label");
  CHECK (c, tp_document_can_redo (c->doc) == (redo_label != NULL), "can-redo disagrees with the redo label");
  CHECK (c, c->position == 0 || g_strcmp0 (undo_label, top->label) == 0,
         "undo label \"%s\", expected \"%s\"", undo_label, top->label);
  if (c->position + 1 < c->steps->len)
    {
      Step *next = g_ptr_array_index (c->steps, c->position + 1);

      CHECK (c, g_strcmp0 (redo_label, next->label) == 0, "redo label \"%s\", expected \"%s\"",
             redo_label, next->label);
    }

  /* "Modified" is FALSE exactly at the saved state. */
  CHECK (c, tp_document_get_modified (c->doc) == (c->saved != (gint) c->position),
         "modified is %d at position %u, the saved state is %d",
         tp_document_get_modified (c->doc), c->position, c->saved);
  if (!tp_document_get_modified (c->doc))
    check_bytes (c, c->saved_bytes, bytes, "unmodified, but not what was saved");

  /* An observer of the notify signals is up to date. */
  CHECK (c, c->seen_can_undo == tp_document_can_undo (c->doc), "can-undo changed without notify");
  CHECK (c, c->seen_can_redo == tp_document_can_redo (c->doc), "can-redo changed without notify");
  CHECK (c, c->seen_modified == tp_document_get_modified (c->doc), "modified changed without notify");

  /* Views redraw on "changed": a change to the document must emit it. */
  CHECK (c, g_bytes_equal (bytes, c->bytes_before) || c->n_changed > c->changed_before,
         "the document changed without a \"changed\" signal");
}

static void
end_step (Ctx *c)
{
  finish_step (c);

  g_ptr_array_add (c->recent, g_strdup_printf ("step %u: %s", c->step, c->op->str));
  if (c->recent->len > N_RECENT)
    g_ptr_array_remove_index (c->recent, 0);
}

typedef void (*OpFunc) (Ctx *c);

/* Picking items */

static GPtrArray *
all_notes (TpDocument *doc)
{
  GPtrArray *notes = g_ptr_array_new ();

  for (guint container = 0; container < TP_N_CONTAINERS; container++)
    g_ptr_array_extend (notes, tp_document_get_notes (doc, container), NULL, NULL);

  return notes;
}

static GPtrArray *
all_touchpoints (TpDocument *doc)
{
  GPtrArray *touchpoints = g_ptr_array_new ();
  GPtrArray *stages = tp_document_get_stages (doc);

  for (guint s = 0; s < stages->len; s++)
    g_ptr_array_extend (touchpoints, ((TpStage *) g_ptr_array_index (stages, s))->touchpoints, NULL, NULL);

  return touchpoints;
}

static gpointer
pick_from (GPtrArray *array)
{
  return array->len > 0 ? g_ptr_array_index (array, rnd (array->len)) : NULL;
}

/* A random item of that kind, often the one edited last so that edits merge. */
static gpointer
pick (Ctx        *c,
      TpItemKind  kind)
{
  g_autoptr(GPtrArray) items = NULL;
  gpointer recent = tp_document_lookup_kind (c->doc, c->last_edited, kind);

  if (recent != NULL && chance (40))
    return recent;

  switch (kind)
    {
    case TP_ITEM_NOTE:
      items = all_notes (c->doc);
      break;
    case TP_ITEM_TOUCHPOINT:
      items = all_touchpoints (c->doc);
      break;
    case TP_ITEM_STAGE:
      items = g_ptr_array_ref (tp_document_get_stages (c->doc));
      break;
    case TP_ITEM_PERSONA:
      items = g_ptr_array_ref (tp_document_get_personas (c->doc));
      break;
    case TP_ITEM_LINK:
      items = g_ptr_array_ref (tp_document_get_links (c->doc));
      break;
    case TP_ITEM_META:
    default:
      return (gpointer) tp_document_get_meta (c->doc);
    }

  return pick_from (items);
}

/* An id of any kind, the metadata's, or one that is not in the document. */
static const char *
pick_any_id (Ctx *c)
{
  static const TpItemKind kinds[] = {
    TP_ITEM_NOTE, TP_ITEM_NOTE, TP_ITEM_NOTE, TP_ITEM_TOUCHPOINT, TP_ITEM_TOUCHPOINT,
    TP_ITEM_STAGE, TP_ITEM_PERSONA, TP_ITEM_LINK, TP_ITEM_LINK, TP_ITEM_META,
  };
  TpItem *item;

  if (chance (5))
    return "missing";

  item = pick (c, kinds[rnd (G_N_ELEMENTS (kinds))]);
  return item != NULL ? item->id : "n-none";
}

static const char *
random_persona_id (Ctx *c)
{
  TpPersona *persona = pick (c, TP_ITEM_PERSONA);

  return persona != NULL && chance (70) ? persona->item.id : NULL;
}

static void
set_persona (Ctx   *c,
             char **field)
{
  g_free (*field);
  *field = g_strdup (random_persona_id (c));
}

/* Adding and moving */

static void
op_add_note (Ctx *c)
{
  TpContainer container = rnd (TP_N_CONTAINERS);
  guint n = tp_document_get_notes (c->doc, container)->len;
  guint index = chance (20) ? G_MAXUINT : rnd (n + 3);
  g_autofree char *text = random_text ();
  const char *id;
  guint found = G_MAXUINT;

  note_op (c, "add note to %s at %u", tp_enum_to_nick (TP_ENUM_CONTAINER, container), index);
  id = tp_document_add_note (c->doc, container, index, text);
  CHECK (c, id != NULL, "no note added");
  note_op (c, "-> %s", id);
  expect (c, CMD_INSERT, id, "Add Note", FALSE);

  CHECK (c, tp_document_get_index (c->doc, id, &found) && found == MIN (index, n),
         "the new note is at %u, not %u", found, MIN (index, n));
  CHECK (c, ((TpNote *) tp_document_lookup (c->doc, id))->container == container &&
            g_strcmp0 (((TpNote *) tp_document_lookup (c->doc, id))->text, text) == 0,
         "the new note is not what was added");
}

/* Paste and duplicate: a prepared note, often a copy of one in the document. */
static void
op_insert_note (Ctx *c)
{
  TpNote *source = pick (c, TP_ITEM_NOTE);
  TpNote *note;
  g_autoptr(TpNote) expected = NULL;
  TpContainer container = rnd (TP_N_CONTAINERS);
  guint n = tp_document_get_notes (c->doc, container)->len;
  guint index = rnd (n + 2);
  const char *id;
  TpNote *inserted;

  if (source != NULL && chance (60))
    {
      note = (TpNote *) tp_item_copy (&source->item);
      note_op (c, "insert a copy of %s", source->item.id);
    }
  else
    {
      note = tp_note_new ("pasted", NULL);
      set_text (&note->text);
      note->colour = random_enum (TP_N_NOTE_COLOURS);
      note->evidence = random_enum (TP_N_EVIDENCE);
      note->votes = random_count ();
      note->persona = g_strdup (chance (30) ? "no-such-persona" : random_persona_id (c));
      note_op (c, "insert a new note");
    }
  note->container = rnd (TP_N_CONTAINERS);  /* whatever it says, the position decides */
  note_op (c, "into %s at %u", tp_enum_to_nick (TP_ENUM_CONTAINER, container), index);

  expected = tp_note_copy (note);
  if (expected->persona != NULL && tp_document_lookup_kind (c->doc, expected->persona, TP_ITEM_PERSONA) == NULL)
    g_clear_pointer (&expected->persona, g_free);
  expected->container = container;

  id = tp_document_insert_note (c->doc, note, container, index);
  CHECK (c, id != NULL, "no note inserted");
  note_op (c, "-> %s", id);
  expect (c, CMD_INSERT, id, "Add Note", FALSE);

  inserted = tp_document_lookup_kind (c->doc, id, TP_ITEM_NOTE);
  g_free (expected->item.id);
  expected->item.id = g_strdup (id);
  CHECK (c, inserted != NULL && tp_note_equal (inserted, expected), "the inserted note is not the one prepared");
  CHECK (c, source == NULL || g_strcmp0 (source->item.id, id) != 0, "the copy kept the id of its source");
}

static void
op_move_note (Ctx *c)
{
  TpNote *note = pick (c, TP_ITEM_NOTE);
  TpContainer container;
  guint from = 0, index, expected_index, n;
  g_autofree char *id = NULL;

  if (note == NULL)
    return;

  id = g_strdup (note->item.id);
  container = chance (50) ? note->container : rnd (TP_N_CONTAINERS);
  n = tp_document_get_notes (c->doc, container)->len;
  index = chance (10) ? G_MAXUINT : rnd (n + 2);
  tp_document_get_index (c->doc, id, &from);
  expected_index = MIN (index, container == note->container ? n - 1 : n);
  note_op (c, "move note %s from %s/%u to %s/%u", id,
           tp_enum_to_nick (TP_ENUM_CONTAINER, note->container), from,
           tp_enum_to_nick (TP_ENUM_CONTAINER, container), index);

  g_free (c->last_edited);
  c->last_edited = g_strdup (id);
  if (container != note->container || expected_index != from)
    expect (c, CMD_MOVE, id, "Move Note", FALSE);
  tp_document_move_note (c->doc, id, container, index);

  CHECK (c, note->container == container && tp_document_get_index (c->doc, id, &from) &&
            from == expected_index, "the note is not where it was moved");
}

static void
op_add_stage (Ctx *c)
{
  guint n = tp_document_get_stages (c->doc)->len;
  guint index = chance (20) ? G_MAXUINT : rnd (n + 2);
  g_autofree char *name = random_text ();
  const char *id;
  guint found = G_MAXUINT;

  note_op (c, "add stage at %u", index);
  id = tp_document_add_stage (c->doc, index, name);
  CHECK (c, id != NULL, "no stage added");
  note_op (c, "-> %s", id);
  expect (c, CMD_INSERT, id, "Add Stage", FALSE);
  CHECK (c, tp_document_get_index (c->doc, id, &found) && found == MIN (index, n),
         "the new stage is at %u, not %u", found, MIN (index, n));
}

static void
op_move_stage (Ctx *c)
{
  TpStage *stage = pick (c, TP_ITEM_STAGE);
  guint n = tp_document_get_stages (c->doc)->len;
  guint from = 0, index, expected_index;
  g_autofree char *id = NULL;

  if (stage == NULL)
    return;

  id = g_strdup (stage->item.id);
  index = chance (10) ? G_MAXUINT : rnd (n + 1);
  expected_index = MIN (index, n - 1);
  tp_document_get_index (c->doc, id, &from);
  note_op (c, "move stage %s from %u to %u", id, from, index);

  g_free (c->last_edited);
  c->last_edited = g_strdup (id);
  if (expected_index != from)
    expect (c, CMD_MOVE, id, "Move Stage", FALSE);
  tp_document_move_stage (c->doc, id, index);
  CHECK (c, tp_document_get_index (c->doc, id, &from) && from == expected_index,
         "the stage is not where it was moved");
}

static void
op_add_touchpoint (Ctx *c)
{
  TpStage *stage = pick (c, TP_ITEM_STAGE);
  g_autofree char *name = random_text ();
  guint index, n, found = G_MAXUINT;
  const char *id;

  if (stage == NULL)
    return;

  n = stage->touchpoints->len;
  index = chance (20) ? G_MAXUINT : rnd (n + 2);
  note_op (c, "add touchpoint to %s at %u", stage->item.id, index);
  id = tp_document_add_touchpoint (c->doc, stage->item.id, index, name);
  CHECK (c, id != NULL, "no touchpoint added");
  note_op (c, "-> %s", id);
  expect (c, CMD_INSERT, id, "Add Touchpoint", FALSE);
  CHECK (c, tp_document_get_index (c->doc, id, &found) && found == MIN (index, n) &&
            g_strcmp0 (((TpTouchpoint *) tp_document_lookup (c->doc, id))->stage, stage->item.id) == 0,
         "the new touchpoint is not where it was added");
}

static void
op_move_touchpoint (Ctx *c)
{
  TpTouchpoint *tp = pick (c, TP_ITEM_TOUCHPOINT);
  TpStage *stage;
  guint from = 0, index, expected_index, n;
  gboolean same;
  g_autofree char *id = NULL;
  g_autofree char *from_stage = NULL;

  if (tp == NULL)
    return;

  id = g_strdup (tp->item.id);
  from_stage = g_strdup (tp->stage);
  stage = chance (50) ? tp_document_lookup_kind (c->doc, tp->stage, TP_ITEM_STAGE) : pick (c, TP_ITEM_STAGE);
  same = g_strcmp0 (stage->item.id, from_stage) == 0;
  n = stage->touchpoints->len;
  index = chance (10) ? G_MAXUINT : rnd (n + 2);
  expected_index = MIN (index, same ? n - 1 : n);
  tp_document_get_index (c->doc, id, &from);
  note_op (c, "move touchpoint %s from %s/%u to %s/%u", id, from_stage, from, stage->item.id, index);

  g_free (c->last_edited);
  c->last_edited = g_strdup (id);
  if (!same || expected_index != from)
    expect (c, CMD_MOVE, id, "Move Touchpoint", FALSE);
  tp_document_move_touchpoint (c->doc, id, stage->item.id, index);
  CHECK (c, g_strcmp0 (tp->stage, stage->item.id) == 0 && tp_document_get_index (c->doc, id, &from) &&
            from == expected_index, "the touchpoint is not where it was moved");
}

/* A drag: one item moved many times while the pointer travels, one undo step. */
static void
op_drag (Ctx *c)
{
  static const struct {
    TpItemKind  kind;
    const char *label;
    OpFunc      move;
  } drags[] = {
    { TP_ITEM_NOTE, "Move Note", op_move_note },
    { TP_ITEM_TOUCHPOINT, "Move Touchpoint", op_move_touchpoint },
    { TP_ITEM_STAGE, "Move Stage", op_move_stage },
  };
  guint which = rnd (G_N_ELEMENTS (drags));
  TpItem *item = pick (c, drags[which].kind);

  if (item == NULL)
    return;

  note_op (c, "drag");
  g_free (c->last_edited);
  c->last_edited = g_strdup (item->id);
  expect_begin_group (c, drags[which].label);
  tp_document_begin_group (c->doc, drags[which].label);
  for (guint i = 0, n = 1 + rnd (6); i < n; i++)
    {
      /* The moves pick the item just moved most of the time, not always. */
      drags[which].move (c);
      finish_step (c);
    }
  expect_end_group (c);
  tp_document_end_group (c->doc);
}

static void
op_add_persona (Ctx *c)
{
  g_autofree char *name = random_text ();
  TpAccent accent = rnd (TP_N_ACCENTS);
  const char *id;
  guint found = G_MAXUINT;

  note_op (c, "add persona");
  id = tp_document_add_persona (c->doc, name, accent);
  CHECK (c, id != NULL, "no persona added");
  note_op (c, "-> %s", id);
  expect (c, CMD_INSERT, id, "Add Persona", FALSE);
  CHECK (c, tp_document_get_index (c->doc, id, &found) &&
            found == tp_document_get_personas (c->doc)->len - 1, "the new persona is not last");
}

static void
op_add_link (Ctx *c)
{
  TpNote *note = pick (c, TP_ITEM_NOTE);
  TpTouchpoint *tp = pick (c, TP_ITEM_TOUCHPOINT);
  g_autofree char *label = chance (50) ? random_text () : NULL;
  gboolean exists;
  const char *id;

  if (note == NULL || tp == NULL)
    return;

  exists = tp_document_find_link (c->doc, note->item.id, tp->item.id) != NULL;
  note_op (c, "add link %s -> %s%s", note->item.id, tp->item.id, exists ? " (exists)" : "");
  id = tp_document_add_link (c->doc, note->item.id, tp->item.id, label);
  if (exists)
    {
      CHECK (c, id == NULL, "a second link between the same note and touchpoint");
      return;
    }

  CHECK (c, id != NULL, "no link added");
  note_op (c, "-> %s", id);
  expect (c, CMD_INSERT, id, "Add Link", FALSE);
  CHECK (c, tp_document_find_link (c->doc, note->item.id, tp->item.id) ==
            tp_document_lookup_kind (c->doc, id, TP_ITEM_LINK), "the new link cannot be found");
}

/* Links the model must refuse, recording nothing. */
static void
op_invalid_link (Ctx *c)
{
  TpNote *note = pick (c, TP_ITEM_NOTE);
  TpTouchpoint *tp = pick (c, TP_ITEM_TOUCHPOINT);
  TpLink *link = pick (c, TP_ITEM_LINK);
  const char *from = NULL, *to = NULL;

  switch (rnd (8))
    {
    case 0:
      if (link == NULL)
        return;
      from = link->note, to = link->touchpoint;   /* exists already */
      break;
    case 1:
      from = tp != NULL ? tp->item.id : NULL, to = note != NULL ? note->item.id : NULL;  /* reversed */
      break;
    case 2:
      from = "missing", to = tp != NULL ? tp->item.id : NULL;
      break;
    case 3:
      from = note != NULL ? note->item.id : NULL, to = "missing";
      break;
    case 4:
      from = note != NULL ? note->item.id : NULL;
      to = pick (c, TP_ITEM_STAGE) != NULL ? ((TpItem *) pick (c, TP_ITEM_STAGE))->id : TP_META_ID;
      break;
    case 5:
      from = pick (c, TP_ITEM_PERSONA) != NULL ? ((TpItem *) pick (c, TP_ITEM_PERSONA))->id : TP_META_ID;
      to = tp != NULL ? tp->item.id : NULL;
      break;
    case 6:
      from = note != NULL ? note->item.id : NULL, to = note != NULL ? note->item.id : NULL;
      break;
    default:
      from = link != NULL ? link->item.id : NULL, to = tp != NULL ? tp->item.id : NULL;
      break;
    }

  note_op (c, "invalid link %s -> %s", from, to);
  c->stats->refused++;
  CHECK (c, tp_document_add_link (c->doc, from, to, "refused") == NULL, "an invalid link was added");
}

/* Deleting */

static const char *
delete_label (TpDocument         *doc,
              const char * const *ids,
              guint               n_ids)
{
  TpItem *item = n_ids == 1 ? tp_document_lookup (doc, ids[0]) : NULL;

  if (item == NULL)
    return "Delete Items";

  switch (item->kind)
    {
    case TP_ITEM_NOTE:
      return "Delete Note";
    case TP_ITEM_PERSONA:
      return "Delete Persona";
    case TP_ITEM_STAGE:
      return "Delete Stage";
    case TP_ITEM_TOUCHPOINT:
      return "Delete Touchpoint";
    case TP_ITEM_LINK:
      return "Delete Link";
    case TP_ITEM_META:
    default:
      return "Delete Items";
    }
}

static void
add_unique (GPtrArray  *ids,
            const char *id)
{
  if (!g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
    g_ptr_array_add (ids, g_strdup (id));
}

static void
add_links_of (TpDocument *doc,
              const char *id,
              GPtrArray  *links)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  tp_document_collect_links (doc, id, found);
  for (guint i = 0; i < found->len; i++)
    add_unique (links, ((TpItem *) g_ptr_array_index (found, i))->id);
}

/* What tp_document_delete() is documented to do: links of everything that goes, a
 * stage's touchpoints with it, references to a deleted persona cleared, in one step. */
static void
do_delete (Ctx                *c,
           const char * const *ids,
           guint               n_ids)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) personas = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) referrers = g_ptr_array_new_with_free_func (g_free);
  const char *label = delete_label (c->doc, ids, n_ids);
  g_autofree char *label_copy = g_strdup (label);

  for (guint i = 0; i < n_ids; i++)
    {
      TpItem *item = tp_document_lookup (c->doc, ids[i]);

      if (item == NULL || item->kind == TP_ITEM_META)
        continue;

      if (item->kind == TP_ITEM_LINK)
        add_unique (links, item->id);
      else if (item->kind == TP_ITEM_PERSONA)
        add_unique (personas, item->id);
      else
        {
          add_links_of (c->doc, item->id, links);
          if (item->kind == TP_ITEM_STAGE)
            {
              GPtrArray *touchpoints = ((TpStage *) item)->touchpoints;

              for (guint t = 0; t < touchpoints->len; t++)
                {
                  add_links_of (c->doc, ((TpItem *) g_ptr_array_index (touchpoints, t))->id, links);
                  add_unique (gone, ((TpItem *) g_ptr_array_index (touchpoints, t))->id);
                }
            }
          add_unique (items, item->id);
        }
    }

  if (links->len + items->len + personas->len > 0)
    {
      g_autoptr(GPtrArray) notes = all_notes (c->doc);
      g_autoptr(GPtrArray) touchpoints = all_touchpoints (c->doc);

      expect_begin_group (c, label);

      /* References to the personas are cleared first, as edits in the same step. */
      for (guint p = 0; p < personas->len; p++)
        {
          const char *persona = g_ptr_array_index (personas, p);

          for (guint i = 0; i < notes->len; i++)
            if (g_strcmp0 (((TpNote *) g_ptr_array_index (notes, i))->persona, persona) == 0)
              add_unique (referrers, ((TpItem *) g_ptr_array_index (notes, i))->id);
          for (guint i = 0; i < touchpoints->len; i++)
            if (g_strcmp0 (((TpTouchpoint *) g_ptr_array_index (touchpoints, i))->persona, persona) == 0)
              add_unique (referrers, ((TpItem *) g_ptr_array_index (touchpoints, i))->id);
        }
      for (guint i = 0; i < referrers->len; i++)
        expect (c, CMD_EDIT, g_ptr_array_index (referrers, i), label, FALSE);

      for (guint i = 0; i < links->len; i++)
        expect (c, CMD_INSERT, g_ptr_array_index (links, i), label, FALSE);
      for (guint i = 0; i < items->len; i++)
        {
          const char *id = g_ptr_array_index (items, i);
          TpTouchpoint *tp = tp_document_lookup_kind (c->doc, id, TP_ITEM_TOUCHPOINT);

          if (tp != NULL && g_ptr_array_find_with_equal_func (items, tp->stage, g_str_equal, NULL))
            continue;
          expect (c, CMD_INSERT, id, label, FALSE);
        }
      for (guint i = 0; i < personas->len; i++)
        expect (c, CMD_INSERT, g_ptr_array_index (personas, i), label, FALSE);

      expect_end_group (c);
    }

  for (guint i = 0; i < links->len; i++)
    add_unique (gone, g_ptr_array_index (links, i));
  for (guint i = 0; i < items->len; i++)
    add_unique (gone, g_ptr_array_index (items, i));
  for (guint i = 0; i < personas->len; i++)
    add_unique (gone, g_ptr_array_index (personas, i));

  tp_document_delete (c->doc, ids, n_ids);

  for (guint i = 0; i < gone->len; i++)
    CHECK (c, tp_document_lookup (c->doc, g_ptr_array_index (gone, i)) == NULL,
           "\"%s\" is still there after \"%s\"", (char *) g_ptr_array_index (gone, i), label_copy);
  for (guint i = 0; i < referrers->len; i++)
    {
      TpItem *item = tp_document_lookup (c->doc, g_ptr_array_index (referrers, i));

      CHECK (c, item == NULL ||
                (item->kind == TP_ITEM_NOTE ? ((TpNote *) item)->persona : ((TpTouchpoint *) item)->persona) == NULL,
             "\"%s\" still refers to a deleted persona", item->id);
    }
}

static void
op_delete_one (Ctx *c)
{
  g_autofree char *id = g_strdup (pick_any_id (c));
  const char *ids[] = { id };

  note_op (c, "delete %s", id);
  do_delete (c, ids, 1);
}

static void
op_delete_many (Ctx *c)
{
  guint n = 2 + rnd (5);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      /* Sometimes the same id twice, or an item with what it implies (a stage and one
       * of its touchpoints, a note and one of its links). */
      if (i > 0 && chance (10))
        g_ptr_array_add (ids, g_strdup (g_ptr_array_index (ids, rnd (i))));
      else
        {
          const char *id = pick_any_id (c);
          TpItem *item = tp_document_lookup (c->doc, id);

          g_ptr_array_add (ids, g_strdup (id));
          if (item != NULL && item->kind == TP_ITEM_STAGE && ((TpStage *) item)->touchpoints->len > 0 && chance (50))
            g_ptr_array_add (ids, g_strdup (((TpItem *) pick_from (((TpStage *) item)->touchpoints))->id));
        }
    }

  {
    g_autofree char *joined = NULL;

    g_ptr_array_add (ids, NULL);
    joined = g_strjoinv (", ", (char **) ids->pdata);
    g_ptr_array_remove_index (ids, ids->len - 1);
    note_op (c, "delete %s", joined);
  }
  do_delete (c, (const char * const *) ids->pdata, ids->len);
}

/* Field edits */

/* Commits a copy and checks that the item then holds exactly its fields. */
static void
commit (Ctx        *c,
        TpItem     *copy,
        const char *label,
        gboolean    merge)
{
  TpItem *item = tp_document_lookup (c->doc, copy->id);
  g_autoptr(TpItem) expected = tp_item_copy (copy);
  gboolean changes;

  /* Where an item sits is the business of moves: a copy's container or stage, whatever
   * the caller wrote there, is neither a change nor applied. */
  if (item->kind == TP_ITEM_NOTE)
    ((TpNote *) expected)->container = ((TpNote *) item)->container;
  else if (item->kind == TP_ITEM_TOUCHPOINT)
    {
      g_free (((TpTouchpoint *) expected)->stage);
      ((TpTouchpoint *) expected)->stage = g_strdup (((TpTouchpoint *) item)->stage);
    }
  changes = !tp_item_equal (item, expected);

  note_op (c, "commit %s \"%s\"%s%s", copy->id, label, merge ? " (merge)" : "",
           changes ? "" : " (no change)");
  if (changes)
    expect (c, CMD_EDIT, copy->id, label, merge);

  g_free (c->last_edited);
  c->last_edited = g_strdup (copy->id);
  tp_document_edit_commit (c->doc, copy, label, merge);

  item = tp_document_lookup (c->doc, expected->id);
  CHECK (c, item != NULL && tp_item_equal (item, expected), "the item does not hold the committed fields");
}

static void
mutate_strings (GPtrArray *strings)
{
  guint r = rnd (10);

  if (strings->len == 0 || r < 4)
    g_ptr_array_insert (strings, rnd (strings->len + 1), random_text ());
  else if (r < 7)
    g_ptr_array_remove_index (strings, rnd (strings->len));
  else
    set_text ((char **) &g_ptr_array_index (strings, rnd (strings->len)));
}

static void
mutate_kpi (TpKpi *kpi)
{
  switch (rnd (13))
    {
    case 0:
      kpi->kind = random_enum (TP_N_KPI_KINDS);
      break;
    case 1:
      set_text (&kpi->name);
      break;
    case 2:
      kpi->target = random_real ();
      break;
    case 3:
      kpi->direction = random_enum (TP_N_DIRECTIONS);
      break;
    case 4:
      kpi->method = random_enum (TP_N_CSAT_METHODS);
      break;
    case 5:
      kpi->scores[rnd (TP_KPI_SCORES)] = random_count ();
      break;
    case 6:
      kpi->start = random_count ();
      break;
    case 7:
      kpi->end = random_count ();
      break;
    case 8:
      kpi->new_customers = random_count ();
      break;
    case 9:
      kpi->conversions = random_count ();
      break;
    case 10:
      kpi->visitors = random_count ();
      break;
    case 11:
      kpi->value = random_real ();
      break;
    default:
      set_text (&kpi->unit);
      break;
    }
}

static void
mutate_kpis (Ctx       *c,
             GPtrArray *kpis)
{
  guint r = rnd (10);

  if (kpis->len == 0 || r < 3)
    {
      g_autofree char *id = tp_document_make_id (c->doc, "m");
      g_autofree char *name = random_text ();
      TpKpi *kpi = tp_kpi_new (id, rnd (TP_N_KPI_KINDS), name);

      for (guint i = 0, n = rnd (5); i < n; i++)
        mutate_kpi (kpi);
      g_ptr_array_insert (kpis, rnd (kpis->len + 1), kpi);
    }
  else if (r < 5)
    g_ptr_array_remove_index (kpis, rnd (kpis->len));
  else
    mutate_kpi (pick_from (kpis));
}

static void
mutate_needs (Ctx       *c,
              GPtrArray *needs)
{
  guint r = rnd (10);

  if (needs->len == 0 || r < 3)
    {
      g_autofree char *id = tp_document_make_id (c->doc, "k");
      g_autofree char *text = random_text ();

      g_ptr_array_insert (needs, rnd (needs->len + 1), tp_kano_need_new (id, text));
    }
  else if (r < 5)
    g_ptr_array_remove_index (needs, rnd (needs->len));
  else
    {
      TpKanoNeed *need = pick_from (needs);

      switch (rnd (3))
        {
        case 0:
          set_text (&need->text);
          break;
        case 1:
          need->category = random_enum (TP_N_KANO_CATEGORIES);
          break;
        default:
          need->answers[rnd (TP_N_KANO_ANSWERS)][rnd (TP_N_KANO_ANSWERS)] = random_count ();
          break;
        }
    }
}

static void
mutate_actions (GPtrArray *actions)
{
  guint r = rnd (10);

  if (actions->len == 0 || r < 3)
    {
      g_autofree char *what = random_text ();
      g_autofree char *owner = random_text ();

      g_ptr_array_insert (actions, rnd (actions->len + 1),
                          tp_action_item_new (what, owner, random_enum (TP_N_ACTION_STATUSES)));
    }
  else if (r < 5)
    g_ptr_array_remove_index (actions, rnd (actions->len));
  else
    {
      TpActionItem *action = pick_from (actions);

      switch (rnd (3))
        {
        case 0:
          set_text (&action->what);
          break;
        case 1:
          set_text (&action->owner);
          break;
        default:
          action->status = random_enum (TP_N_ACTION_STATUSES);
          break;
        }
    }
}

static void
op_edit_note (Ctx *c)
{
  TpNote *note = pick (c, TP_ITEM_NOTE);
  TpNote *copy;
  const char *label = "Edit Note";
  gboolean merge = FALSE;

  if (note == NULL)
    return;

  copy = (TpNote *) tp_document_edit_begin (c->doc, note->item.id);
  switch (rnd (6))
    {
    case 0:
      set_text (&copy->text);
      merge = chance (60);
      break;
    case 1:
      copy->colour = random_enum (TP_N_NOTE_COLOURS);
      label = "Change Colour";
      break;
    case 2:
      copy->evidence = random_enum (TP_N_EVIDENCE);
      label = "Change Evidence";
      break;
    case 3:
      copy->votes = chance (70) ? copy->votes + 1 : random_count ();
      label = "Vote";
      merge = chance (50);
      break;
    case 4:
      set_persona (c, &copy->persona);
      label = "Set Persona";
      break;
    default:
      set_text (&copy->text);
      copy->colour = random_enum (TP_N_NOTE_COLOURS);
      copy->evidence = random_enum (TP_N_EVIDENCE);
      copy->votes = random_count ();
      set_persona (c, &copy->persona);
      break;
    }
  if (chance (5))
    copy->container = rnd (TP_N_CONTAINERS);
  commit (c, &copy->item, label, merge);
}

static void op_set_saved (Ctx *c);

/* Typing: a burst of merged commits to one note's text, each a step of its own. */
static void
op_type_note (Ctx *c)
{
  TpNote *note = pick (c, TP_ITEM_NOTE);
  g_autofree char *id = NULL;
  g_autoptr(GString) typed = NULL;

  if (note == NULL)
    return;

  id = g_strdup (note->item.id);
  /* Typing goes on from the note's text unless that is at the cap already, where the
   * editor stops typing with the bell (and the model would cut the keystrokes). */
  typed = g_string_new (chance (50) && g_utf8_strlen (note->text, -1) + 5 <= TP_TEXT_MAX
                        ? note->text : "");
  for (guint i = 0, n = 1 + rnd (5); i < n; i++)
    {
      TpNote *copy = (TpNote *) tp_document_edit_begin (c->doc, id);

      if (i > 0)
        {
          end_step (c);
          begin_step (c);
          /* Saved while typing: the next keystroke must not merge into the saved step. */
          if (c->group_depth == 0 && chance (25))
            op_set_saved (c);
        }
      g_string_append_c (typed, "abcdef "[rnd (7)]);
      g_free (copy->text);
      copy->text = g_strdup (typed->str);
      note_op (c, "type into %s", id);
      commit (c, &copy->item, "Edit Note", TRUE);
    }
}

static void
op_edit_touchpoint (Ctx *c)
{
  TpTouchpoint *tp = pick (c, TP_ITEM_TOUCHPOINT);
  TpTouchpoint *copy;
  const char *label = "Edit Touchpoint";
  gboolean merge = FALSE;

  if (tp == NULL)
    return;

  copy = (TpTouchpoint *) tp_document_edit_begin (c->doc, tp->item.id);
  switch (rnd (14))
    {
    case 0:
      set_text (&copy->name);
      label = "Rename Touchpoint";
      merge = chance (60);
      break;
    case 1:
      set_text (&copy->channel);
      merge = chance (60);
      break;
    case 2:
      set_text (&copy->action);
      merge = chance (60);
      break;
    case 3:
      copy->emotion = chance (5) ? (chance (50) ? 3 : -3) : TP_EMOTION_MIN + (int) rnd (5);
      label = "Change Emotion";
      break;
    case 4:
      mutate_strings (copy->pains);
      label = "Edit Pains";
      break;
    case 5:
      mutate_strings (copy->opportunities);
      label = "Edit Opportunities";
      break;
    case 6:
      set_persona (c, &copy->persona);
      label = "Set Persona";
      break;
    case 7:
      tp_touchpoint_set_moment_of_truth (copy, !copy->moment_of_truth);
      label = "Moment of Truth";
      break;
    case 8:
      {
        guint *scores[] = { &copy->expectation, &copy->experience, &copy->impact, &copy->feasibility };

        tp_touchpoint_set_moment_of_truth (copy, TRUE);
        *scores[rnd (4)] = chance (3) ? TP_SCORE_MAX + 2 : rnd (TP_SCORE_MAX + 1);
        label = "Score Gap";
        merge = chance (50);
      }
      break;
    case 9:
      tp_touchpoint_set_moment_of_truth (copy, TRUE);
      copy->strategy = random_enum (TP_N_STRATEGIES);
      label = "Set Strategy";
      break;
    case 10:
      tp_touchpoint_set_moment_of_truth (copy, TRUE);
      mutate_actions (copy->actions);
      label = "Edit Action Plan";
      break;
    case 11:
      mutate_needs (c, copy->needs);
      label = "Edit Needs";
      break;
    case 12:
      mutate_kpis (c, copy->kpis);
      label = "Edit KPIs";
      merge = chance (30);
      break;
    default:
      set_text (&copy->name);
      copy->emotion = TP_EMOTION_MIN + (int) rnd (5);
      mutate_strings (copy->pains);
      mutate_needs (c, copy->needs);
      mutate_kpis (c, copy->kpis);
      set_persona (c, &copy->persona);
      break;
    }
  if (chance (5))
    {
      TpStage *stage = pick (c, TP_ITEM_STAGE);

      g_free (copy->stage);
      copy->stage = g_strdup (chance (50) ? stage->item.id : "missing");
    }
  commit (c, &copy->item, label, merge);
}

static void
op_edit_stage (Ctx *c)
{
  TpStage *stage = pick (c, TP_ITEM_STAGE);
  TpStage *copy;
  const char *label = "Edit Stage";
  gboolean merge = FALSE;

  if (stage == NULL)
    return;

  copy = (TpStage *) tp_document_edit_begin (c->doc, stage->item.id);
  switch (rnd (3))
    {
    case 0:
      set_text (&copy->name);
      label = "Rename Stage";
      merge = chance (60);
      break;
    case 1:
      set_text (&copy->job);
      merge = chance (60);
      break;
    default:
      mutate_kpis (c, copy->kpis);
      label = "Edit KPIs";
      merge = chance (30);
      break;
    }
  commit (c, &copy->item, label, merge);
}

static void
op_edit_persona (Ctx *c)
{
  TpPersona *persona = pick (c, TP_ITEM_PERSONA);
  TpPersona *copy;
  const char *label = "Edit Persona";

  if (persona == NULL)
    return;

  copy = (TpPersona *) tp_document_edit_begin (c->doc, persona->item.id);
  switch (rnd (3))
    {
    case 0:
      set_text (&copy->name);
      break;
    case 1:
      set_text (&copy->description);
      break;
    default:
      copy->accent = random_enum (TP_N_ACCENTS);
      label = "Change Accent";
      break;
    }
  commit (c, &copy->item, label, chance (50));
}

static void
op_edit_link (Ctx *c)
{
  TpLink *link = pick (c, TP_ITEM_LINK);
  TpLink *copy;

  if (link == NULL)
    return;

  copy = (TpLink *) tp_document_edit_begin (c->doc, link->item.id);
  set_text (&copy->label);
  commit (c, &copy->item, "Edit Link Label", chance (50));
}

static void
op_edit_meta (Ctx *c)
{
  TpMeta *copy = (TpMeta *) tp_document_edit_begin (c->doc, TP_META_ID);
  const char *label = "Edit Workshop Details";

  switch (rnd (4))
    {
    case 0:
      set_text (&copy->title);
      label = "Rename Workshop";
      break;
    case 1:
      set_text (&copy->organisation);
      break;
    case 2:
      set_text (&copy->facilitator);
      break;
    default:
      g_free (copy->date);
      copy->date = random_date ();
      break;
    }
  commit (c, &copy->item, label, chance (50));
}

/* A commit of an unchanged copy records nothing. */
static void
op_edit_nothing (Ctx *c)
{
  const char *id = pick_any_id (c);
  TpItem *item = tp_document_lookup (c->doc, id);

  if (item == NULL)
    return;

  commit (c, tp_document_edit_begin (c->doc, id), "Nothing", chance (50));
}

/* Calls the model must refuse with a critical, changing nothing. */
static void
op_invalid_call (Ctx *c)
{
  TpNote *note = pick (c, TP_ITEM_NOTE);
  TpTouchpoint *tp = pick (c, TP_ITEM_TOUCHPOINT);
  TpLink *link = pick (c, TP_ITEM_LINK);
  guint r = rnd (9);

  if (r == 8 && c->group_depth > 0)
    r = 0;

  c->stats->refused++;
  g_test_expect_message ("Touchpoint", G_LOG_LEVEL_CRITICAL, "*");
  switch (r)
    {
    case 0:
      note_op (c, "add a touchpoint to a missing stage");
      tp_document_add_touchpoint (c->doc, note != NULL ? note->item.id : "missing", 0, "x");
      break;
    case 1:
      note_op (c, "move a missing note");
      tp_document_move_note (c->doc, tp != NULL ? tp->item.id : "missing", TP_CONTAINER_CHANNELS, 0);
      break;
    case 2:
      note_op (c, "move a touchpoint to a missing stage");
      if (tp != NULL)
        tp_document_move_touchpoint (c->doc, tp->item.id, note != NULL ? note->item.id : "missing", 0);
      else
        tp_document_move_touchpoint (c->doc, "missing", "missing", 0);
      break;
    case 3:
      note_op (c, "move a note as a stage");
      tp_document_move_stage (c->doc, note != NULL ? note->item.id : "missing", 0);
      break;
    case 4:
      note_op (c, "edit a missing item");
      CHECK (c, tp_document_edit_begin (c->doc, "missing") == NULL, "edit_begin of a missing item");
      break;
    case 5:
      if (link != NULL)
        {
          TpLink *copy = (TpLink *) tp_document_edit_begin (c->doc, link->item.id);

          note_op (c, "edit the ends of link %s", link->item.id);
          if (chance (50) || tp == NULL)
            {
              g_free (copy->note);
              copy->note = g_strdup (note != NULL && chance (50) ? note->item.id : "missing");
            }
          else
            {
              g_free (copy->touchpoint);
              copy->touchpoint = g_strdup (tp->item.id);
            }
          if (g_strcmp0 (copy->note, link->note) == 0 && g_strcmp0 (copy->touchpoint, link->touchpoint) == 0)
            {
              g_free (copy->touchpoint);
              copy->touchpoint = g_strdup ("missing");
            }
          tp_document_edit_commit (c->doc, &copy->item, "Edit Link", FALSE);
        }
      else
        {
          note_op (c, "add a note to a container that does not exist");
          tp_document_add_note (c->doc, TP_N_CONTAINERS, 0, "x");
        }
      break;
    case 6:
      note_op (c, "add a note to a container that does not exist");
      tp_document_add_note (c->doc, TP_N_CONTAINERS + rnd (100), 0, "x");
      break;
    case 7:
      note_op (c, "add a persona with an accent that does not exist");
      tp_document_add_persona (c->doc, "x", TP_N_ACCENTS);
      break;
    default:
      note_op (c, "end a group that was not begun");
      tp_document_end_group (c->doc);
      break;
    }
  g_test_assert_expected_messages ();
}

/* History */

static void
op_undo (Ctx *c)
{
  note_op (c, "undo \"%s\"", tp_document_get_undo_label (c->doc));
  if (c->group_depth == 0 && c->position > 0)
    {
      c->position--;
      c->stats->undos++;
    }
  tp_document_undo (c->doc);
}

static void
op_redo (Ctx *c)
{
  note_op (c, "redo \"%s\"", tp_document_get_redo_label (c->doc));
  if (c->group_depth == 0 && c->position + 1 < c->steps->len)
    {
      c->position++;
      c->stats->redos++;
    }
  tp_document_redo (c->doc);
}

static void
op_undo_many (Ctx *c)
{
  for (guint i = 0, n = 2 + rnd (8); i < n; i++)
    {
      if (i > 0)
        {
          end_step (c);
          begin_step (c);
        }
      op_undo (c);
    }
}

/* Back and forth through the history, as someone looking for a version does. */
static void
op_wander (Ctx *c)
{
  for (guint i = 0, n = 2 + rnd (10); i < n; i++)
    {
      if (i > 0)
        {
          end_step (c);
          begin_step (c);
        }
      if (chance (50))
        op_undo (c);
      else
        op_redo (c);
    }
}

static void
op_undo_discard (Ctx *c)
{
  note_op (c, "undo and discard \"%s\"", tp_document_get_undo_label (c->doc));
  if (c->group_depth == 0 && c->position > 0)
    {
      c->position--;
      g_ptr_array_set_size (c->steps, c->position + 1);
      if (c->saved > (gint) c->position)
        {
          c->saved = -1;
          c->stats->saved_lost++;
        }
    }
  tp_document_undo_discard (c->doc);
}

static void
op_set_saved (Ctx *c)
{
  note_op (c, "mark saved at %u", c->position);
  c->saved = c->position;
  g_clear_pointer (&c->saved_bytes, g_bytes_unref);
  c->saved_bytes = serialize (c->doc);
  tp_document_set_saved (c->doc);
}

/* A save that takes time: the state is taken when it starts, marked saved when it ends,
 * whatever happened in between. */
static void
op_async_save (Ctx *c)
{
  if (!c->has_pending || chance (20))
    {
      c->pending = tp_document_get_state (c->doc);
      g_clear_pointer (&c->pending_bytes, g_bytes_unref);
      c->pending_bytes = serialize (c->doc);
      c->has_pending = TRUE;
      note_op (c, "start saving state %" G_GUINT64_FORMAT, c->pending);
      return;
    }

  note_op (c, "finish saving state %" G_GUINT64_FORMAT, c->pending);
  c->saved = -1;
  for (guint i = 0; i < c->steps->len; i++)
    if (((Step *) g_ptr_array_index (c->steps, i))->token == c->pending)
      c->saved = i;
  c->has_pending = FALSE;
  g_clear_pointer (&c->saved_bytes, g_bytes_unref);
  c->saved_bytes = g_steal_pointer (&c->pending_bytes);
  tp_document_set_saved_state (c->doc, c->pending);
}

static void
op_round_trip (Ctx *c)
{
  note_op (c, "save -> load -> save");
  check_round_trip (c);
}

static void op_group (Ctx *c);

typedef struct
{
  const char *name;
  OpFunc      func;
  guint       weight;
  gboolean    in_group;   /* may be part of a group */
} Op;

static const Op ops[] = {
  { "add-note", op_add_note, 8, TRUE },
  { "insert-note", op_insert_note, 3, TRUE },
  { "move-note", op_move_note, 6, TRUE },
  { "drag", op_drag, 3, TRUE },
  { "add-stage", op_add_stage, 2, TRUE },
  { "move-stage", op_move_stage, 2, TRUE },
  { "add-touchpoint", op_add_touchpoint, 4, TRUE },
  { "move-touchpoint", op_move_touchpoint, 4, TRUE },
  { "add-persona", op_add_persona, 2, TRUE },
  { "add-link", op_add_link, 6, TRUE },
  { "invalid-link", op_invalid_link, 2, TRUE },
  { "delete-one", op_delete_one, 5, TRUE },
  { "delete-many", op_delete_many, 2, TRUE },
  { "edit-note", op_edit_note, 6, TRUE },
  { "type-note", op_type_note, 3, TRUE },
  { "edit-touchpoint", op_edit_touchpoint, 7, TRUE },
  { "edit-stage", op_edit_stage, 3, TRUE },
  { "edit-persona", op_edit_persona, 2, TRUE },
  { "edit-link", op_edit_link, 2, TRUE },
  { "edit-meta", op_edit_meta, 2, TRUE },
  { "edit-nothing", op_edit_nothing, 1, TRUE },
  { "invalid-call", op_invalid_call, 2, TRUE },
  { "group", op_group, 5, TRUE },
  { "undo", op_undo, 12, FALSE },
  { "undo-many", op_undo_many, 2, FALSE },
  { "redo", op_redo, 7, FALSE },
  { "wander", op_wander, 3, FALSE },
  { "undo-discard", op_undo_discard, 1, FALSE },
  { "set-saved", op_set_saved, 2, FALSE },
  { "async-save", op_async_save, 2, FALSE },
  { "round-trip", op_round_trip, 2, TRUE },
};

static const Op *
pick_op (gboolean in_group)
{
  guint total = 0, r;

  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    if (!in_group || ops[i].in_group)
      total += ops[i].weight;

  r = rnd (total);
  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    {
      if (in_group && !ops[i].in_group)
        continue;
      if (r < ops[i].weight)
        return &ops[i];
      r -= ops[i].weight;
    }

  g_assert_not_reached ();
}

/* A group (a drag, a paste, a multi-item change): random changes, possibly nested
 * groups, and attempts to undo or redo, which must do nothing while it is open. */
static void
op_group (Ctx *c)
{
  static const char * const labels[] = { "Paste", "Drag", "Edit Note", "Move Note", "Delete Items" };
  const char *label = labels[rnd (G_N_ELEMENTS (labels))];

  note_op (c, "begin group \"%s\"", label);
  expect_begin_group (c, label);
  tp_document_begin_group (c->doc, label);

  for (guint i = 0, n = rnd (5); i < n; i++)
    {
      if (chance (15))
        {
          g_autoptr(GBytes) before = serialize (c->doc);
          g_autoptr(GBytes) after = NULL;
          guint64 state = tp_document_get_state (c->doc);

          note_op (c, "try undo and redo in the group");
          tp_document_undo (c->doc);
          tp_document_redo (c->doc);
          tp_document_undo_discard (c->doc);
          after = serialize (c->doc);
          check_bytes (c, before, after, "undo or redo did something inside a group");
          CHECK (c, tp_document_get_state (c->doc) == state, "undo or redo moved the history inside a group");
        }
      else
        {
          const Op *op = pick_op (TRUE);

          if (op->func == op_group && c->group_depth >= 3)
            continue;
          op->func (c);
        }
      finish_step (c);
    }

  note_op (c, "end group \"%s\"", label);
  expect_end_group (c);
  tp_document_end_group (c->doc);
}

/* Running */

static void
ctx_init (Ctx        *c,
          const char *case_name,
          Stats      *stats,
          TpDocument *doc)
{
  Step *bottom = step_new (CMD_GROUP, NULL, NULL, FALSE);
  guint64 token = tp_document_get_state (doc);

  memset (c, 0, sizeof *c);
  c->case_name = case_name;
  c->stats = stats;
  c->op = g_string_new (NULL);
  c->recent = g_ptr_array_new_with_free_func (g_free);
  c->doc = doc;
  c->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  c->children = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  c->tokens = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  c->ids_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  bottom->bytes = serialize (doc);
  bottom->token = token;
  g_ptr_array_add (c->steps, bottom);
  g_hash_table_add (c->tokens, g_memdup2 (&token, sizeof token));
  c->saved = tp_document_get_modified (doc) ? -1 : 0;
  c->saved_bytes = g_bytes_ref (bottom->bytes);

  c->seen_can_undo = tp_document_can_undo (doc);
  c->seen_can_redo = tp_document_can_redo (doc);
  c->seen_modified = tp_document_get_modified (doc);
  g_signal_connect (doc, "notify::can-undo", G_CALLBACK (on_notify), c);
  g_signal_connect (doc, "notify::can-redo", G_CALLBACK (on_notify), c);
  g_signal_connect (doc, "notify::modified", G_CALLBACK (on_notify), c);
  g_signal_connect (doc, "changed", G_CALLBACK (on_changed), c);
}

static void
ctx_clear (Ctx *c)
{
  g_signal_handlers_disconnect_by_data (c->doc, c);
  g_string_free (c->op, TRUE);
  g_ptr_array_unref (c->recent);
  g_ptr_array_unref (c->steps);
  g_ptr_array_unref (c->children);
  g_hash_table_unref (c->tokens);
  g_hash_table_unref (c->ids_seen);
  g_free (c->group_label);
  g_free (c->last_edited);
  g_clear_pointer (&c->bytes_before, g_bytes_unref);
  g_clear_pointer (&c->pending_bytes, g_bytes_unref);
  g_clear_pointer (&c->saved_bytes, g_bytes_unref);
}

/* The end of a run: redo to the top, undo to the bottom, redo to the top again. */
static void
check_undo_redo_all (Ctx    *c,
                     GBytes *initial)
{
  g_autoptr(GBytes) top = NULL;
  g_autoptr(GBytes) bottom = NULL;
  g_autoptr(GBytes) again = NULL;
  guint n = 0;

  c->step++;
  begin_step (c);
  note_op (c, "redo all");
  while (tp_document_can_redo (c->doc))
    {
      CHECK (c, n++ <= c->steps->len, "redo never ends");
      c->position++;
      tp_document_redo (c->doc);
      finish_step (c);
    }
  CHECK (c, c->position + 1 == c->steps->len, "redo stopped at %u of %u", c->position, c->steps->len);
  top = serialize (c->doc);
  check_round_trip (c);

  begin_step (c);
  note_op (c, "undo all");
  n = 0;
  while (tp_document_can_undo (c->doc))
    {
      CHECK (c, n++ <= c->steps->len, "undo never ends");
      c->position--;
      tp_document_undo (c->doc);
      finish_step (c);
    }
  CHECK (c, c->position == 0, "undo stopped at %u", c->position);
  bottom = serialize (c->doc);
  check_bytes (c, initial, bottom, "undo all does not give back the start");

  begin_step (c);
  note_op (c, "redo all again");
  while (tp_document_can_redo (c->doc))
    {
      c->position++;
      tp_document_redo (c->doc);
      finish_step (c);
    }
  again = serialize (c->doc);
  check_bytes (c, top, again, "redo all does not give back the state before undo all");
  check_round_trip (c);
}

typedef TpDocument *(*MakeFunc) (void);

static guint
get_n_runs (guint default_runs)
{
  const char *env = g_getenv ("TP_UNDO_PROPERTY_RUNS");
  guint slowdown;

  if (env != NULL && *env != '\0')
    return (guint) g_ascii_strtoull (env, NULL, 10);
  if (g_test_thorough ())
    return default_runs * 10;

  /* Under sanitizers (TP_TEST_SLOWDOWN, see ./dev) every allocation unwinds the stack,
   * and the writer allocates a lot: fewer runs keep the case within its time. */
  slowdown = (guint) g_ascii_strtoull (g_getenv ("TP_TEST_SLOWDOWN") ? g_getenv ("TP_TEST_SLOWDOWN") : "1", NULL, 10);
  return MAX (default_runs / MAX (slowdown, 1), 1);
}

static void
run_property (const char *case_name,
              MakeFunc    make,
              guint       n_runs,
              guint       n_steps)
{
  Stats stats = { 0, };
  const char *steps_env = g_getenv ("TP_UNDO_PROPERTY_STEPS");

  n_runs = get_n_runs (n_runs);
  if (steps_env != NULL && *steps_env != '\0')
    n_steps = (guint) g_ascii_strtoull (steps_env, NULL, 10);

  for (guint run = 0; run < n_runs; run++)
    {
      TpDocument *doc = make ();
      g_autoptr(GBytes) initial = serialize (doc);
      Ctx c;

      ctx_init (&c, case_name, &stats, doc);
      c.run = run;
      note_ids (&c, doc);
      begin_step (&c);
      note_op (&c, "start");
      check_round_trip (&c);
      end_step (&c);

      for (c.step = 1; c.step <= n_steps; c.step++)
        {
          const Op *op = pick_op (FALSE);

          begin_step (&c);
          op->func (&c);
          end_step (&c);
        }

      check_undo_redo_all (&c, initial);
      ctx_clear (&c);
      g_assert_finalize_object (doc);
    }

  g_test_message ("%s: %u runs of %u steps; steps recorded %u, merged %u, groups %u, groups of "
                  "one %u, empty groups %u, undos %u, redos %u, saved states lost %u, refused %u, "
                  "save-load-save %u", case_name, n_runs, n_steps, stats.pushed, stats.merged,
                  stats.groups, stats.groups_of_one, stats.empty_groups, stats.undos, stats.redos,
                  stats.saved_lost, stats.refused, stats.round_trips);
}

static TpDocument *
make_example (void)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  TpDocument *doc;

  g_file_get_contents (TP_EXAMPLE_PATH, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  doc = tp_load_bytes (bytes, NULL, &error);
  g_assert_no_error (error);

  return doc;
}

static TpDocument *
make_empty (void)
{
  return tp_document_new ();
}

static void
test_example (void)
{
  run_property ("example", make_example, 6, N_STEPS);
}

static void
test_new_default (void)
{
  run_property ("new-default", tp_document_new_default, 6, N_STEPS);
}

static void
test_empty (void)
{
  run_property ("empty", make_empty, 6, N_STEPS);
}

/* Regressions for what the properties found */

typedef struct
{
  gboolean can_undo;
  gboolean can_redo;
  guint    spurious;   /* notifications that changed nothing */
} Observer;

static void
observe (TpDocument *doc,
         GParamSpec *pspec,
         Observer   *observer)
{
  gboolean value = FALSE;
  gboolean *seen = g_str_equal (pspec->name, "can-undo") ? &observer->can_undo : &observer->can_redo;

  g_object_get (doc, pspec->name, &value, NULL);
  if (value == *seen)
    observer->spurious++;
  *seen = value;
}

/* Opening a group turns can-undo and can-redo off and must say so: closing it compares
 * against those values. Before the fix, undo then delete (a delete is a group) left an
 * observer believing there was something to redo, and gave it a can-undo notification
 * that changed nothing. */
static void
test_group_notifies (void)
{
  g_autoptr(TpDocument) doc = tp_document_new ();
  g_autofree char *a = g_strdup (tp_document_add_note (doc, TP_CONTAINER_CHANNELS, 0, "a"));
  Observer observer = { 0, };

  tp_document_add_note (doc, TP_CONTAINER_CHANNELS, 1, "b");
  tp_document_undo (doc);
  observer.can_undo = tp_document_can_undo (doc);
  observer.can_redo = tp_document_can_redo (doc);
  g_assert_true (observer.can_undo && observer.can_redo);
  g_signal_connect (doc, "notify::can-undo", G_CALLBACK (observe), &observer);
  g_signal_connect (doc, "notify::can-redo", G_CALLBACK (observe), &observer);

  {
    const char *ids[] = { a };

    tp_document_delete (doc, ids, 1);
  }
  g_assert_true (observer.can_undo && tp_document_can_undo (doc));
  g_assert_false (observer.can_redo || tp_document_can_redo (doc));
  g_assert_cmpuint (observer.spurious, ==, 0);

  /* Inside a group the observer sees both off; an empty group gives them back. */
  tp_document_undo (doc);
  g_assert_true (observer.can_undo && observer.can_redo);
  tp_document_begin_group (doc, "Drag");
  g_assert_false (observer.can_undo || observer.can_redo);
  tp_document_begin_group (doc, "Inner");
  tp_document_end_group (doc);
  g_assert_false (observer.can_undo || observer.can_redo);
  tp_document_end_group (doc);
  g_assert_true (observer.can_undo && observer.can_redo);
  g_assert_cmpuint (observer.spurious, ==, 0);
}

/* Where an item sits is the business of moves: a copy whose container or stage differs
 * and nothing else is no change. Before the fix such a commit recorded an undo step that
 * did nothing. */
static void
test_commit_position_only (void)
{
  g_autoptr(TpDocument) doc = tp_document_new_default ();
  const char *s1 = ((TpItem *) g_ptr_array_index (tp_document_get_stages (doc), 0))->id;
  const char *s2 = ((TpItem *) g_ptr_array_index (tp_document_get_stages (doc), 1))->id;
  g_autofree char *note_id = g_strdup (tp_document_add_note (doc, TP_CONTAINER_CHANNELS, 0, "a"));
  g_autofree char *tp_id = g_strdup (tp_document_add_touchpoint (doc, s1, 0, "t"));
  TpNote *note = tp_document_lookup_kind (doc, note_id, TP_ITEM_NOTE);
  TpTouchpoint *tp = tp_document_lookup_kind (doc, tp_id, TP_ITEM_TOUCHPOINT);
  guint64 state;
  TpNote *note_copy;
  TpTouchpoint *tp_copy;

  tp_document_set_saved (doc);
  state = tp_document_get_state (doc);

  note_copy = (TpNote *) tp_document_edit_begin (doc, note_id);
  note_copy->container = TP_CONTAINER_SERVICE;
  tp_document_edit_commit (doc, &note_copy->item, "Edit Note", FALSE);
  tp_copy = (TpTouchpoint *) tp_document_edit_begin (doc, tp_id);
  g_free (tp_copy->stage);
  tp_copy->stage = g_strdup (s2);
  tp_document_edit_commit (doc, &tp_copy->item, "Edit Touchpoint", FALSE);

  g_assert_cmpuint (tp_document_get_state (doc), ==, state);
  g_assert_false (tp_document_get_modified (doc));
  g_assert_cmpstr (tp_document_get_undo_label (doc), ==, "Add Touchpoint");

  /* With a real change, the change is recorded and the item stays where it is, through
   * undo and redo. */
  note_copy = (TpNote *) tp_document_edit_begin (doc, note_id);
  note_copy->container = TP_CONTAINER_SERVICE;
  g_free (note_copy->text);
  note_copy->text = g_strdup ("b");
  tp_document_edit_commit (doc, &note_copy->item, "Edit Note", FALSE);
  g_assert_cmpstr (note->text, ==, "b");
  g_assert_cmpint (note->container, ==, TP_CONTAINER_CHANNELS);
  tp_document_undo (doc);
  g_assert_cmpstr (note->text, ==, "a");
  g_assert_cmpint (note->container, ==, TP_CONTAINER_CHANNELS);
  g_assert_false (tp_document_get_modified (doc));
  tp_document_redo (doc);
  g_assert_cmpint (note->container, ==, TP_CONTAINER_CHANNELS);
  g_assert_cmpstr (tp->stage, ==, s1);
  g_assert_true (g_ptr_array_index (tp_document_get_notes (doc, TP_CONTAINER_CHANNELS), 0) == (gpointer) note);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  wild = g_strcmp0 (g_getenv ("TP_UNDO_PROPERTY_WILD"), "1") == 0;

  g_test_add_func ("/touchpoint/undo-property/example", test_example);
  g_test_add_func ("/touchpoint/undo-property/new-default", test_new_default);
  g_test_add_func ("/touchpoint/undo-property/empty", test_empty);
  g_test_add_func ("/touchpoint/undo-property/regression/group-notifies", test_group_notifies);
  g_test_add_func ("/touchpoint/undo-property/regression/commit-position-only", test_commit_position_only);

  return g_test_run ();
}
