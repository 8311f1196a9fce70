/* tp-template-catalogue.c: finding, reading, opening and saving workshop templates.
 *
 * Templates are documents and are trusted no more than documents: a user's template
 * folder holds whatever was dropped there, so every file goes through
 * tp_read_regular_file() and the hardened loader. The shipped ones get translated
 * titles and purposes from the table below (a file's own title is English); any other
 * file is described by its own metadata and what it holds, so that adding a template
 * is adding a file.
 */
#include "config.h"

#include "tp-template-catalogue.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "model/tp-kano-need.h"
#include "model/tp-kpi.h"
#include "model/tp-meta.h"
#include "model/tp-note.h"
#include "model/tp-stage.h"
#include "model/tp-touchpoint.h"
#include "tp-document-file.h"
#include "tp-loader.h"
#include "tp-writer.h"

#define TEMPLATE_SUFFIX ".touchpoint"

/* The gallery's order: the blank starts, then the worked workshops. */
static const struct {
  const char *basename;
  const char *title;
  const char *purpose;
} shipped[] = {
  { "blank-workshop", N_("Empty workshop"),
    N_("An empty canvas and value chain with the five default journey stages") },
  { "blank-canvas", N_("Business Model Canvas"),
    N_("The nine canvas blocks alone, for a business-model session") },
  { "blank-journey", N_("Customer journey"),
    N_("Five stages, each with a job to be done to fill in, and a first persona") },
  { "blank-moments-of-truth", N_("Moments of truth"),
    N_("A touchpoint per stage, ready for gap scoring and Kano needs") },
  { "online-electronics-shop", N_("Online electronics shop"),
    N_("Worked workshop: a web shop's customers from the first ad to the trade-in") },
  { "hotel-stay", N_("Hotel stay"),
    N_("Worked workshop: a traveller from researching a holiday to the review") },
  { "laptop-omnichannel", N_("Buying a laptop across channels"),
    N_("Worked workshop: online research, a store visit, set-up and support") },
  { "b2b-subscription", N_("B2B software subscription"),
    N_("Worked workshop: jobs to be done from trial to renewal") },
};

void
tp_template_free (TpTemplate *template_)
{
  if (template_ == NULL)
    return;

  g_free (template_->path);
  g_free (template_->title);
  g_free (template_->purpose);
  g_clear_object (&template_->document);
  g_free (template_);
}

char **
tp_template_dup_system_dirs (void)
{
  const char *path = g_getenv ("TOUCHPOINT_TEMPLATE_PATH");
  g_auto(GStrv) dirs = NULL;

  if (path != NULL && path[0] != '\0')
    return g_strsplit (path, G_SEARCHPATH_SEPARATOR_S, -1);

  dirs = g_new0 (char *, 2);
  dirs[0] = g_build_filename (PKGDATADIR, "templates", NULL);
  return g_steal_pointer (&dirs);
}

char *
tp_template_dup_user_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "touchpoint", "templates", NULL);
}

static TpDocument *
load_path (const char  *path,
           GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  /* Links are followed as the kernel would for any document the user opens: a template
   * folder may well be a link to a shared drive. */
  bytes = tp_read_regular_file (path, TP_LOAD_MAX_BYTES, TRUE, NULL, error);
  if (bytes == NULL)
    return NULL;

  return tp_load_bytes (bytes, NULL, error);
}

static int
shipped_index (const char *path)
{
  g_autofree char *base = NULL;

  /* The built-in empty workshop (tp_template_catalogue_list()). */
  if (path == NULL)
    return 0;

  base = g_path_get_basename (path);

  if (g_str_has_suffix (base, TEMPLATE_SUFFIX))
    base[strlen (base) - strlen (TEMPLATE_SUFFIX)] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (shipped); i++)
    if (g_str_equal (base, shipped[i].basename))
      return i;

  return -1;
}

/* What a template without a purpose of its own holds, as one line. */
static char *
describe_content (TpDocument *document)
{
  GPtrArray *stages = tp_document_get_stages (document);
  guint n_notes = tp_document_get_n_notes (document);
  guint n_touchpoints = tp_document_get_n_touchpoints (document);
  g_autofree char *stages_text = NULL;
  g_autofree char *touchpoints_text = NULL;
  g_autofree char *notes_text = NULL;

  stages_text = g_strdup_printf (ngettext ("%u stage", "%u stages", stages->len), stages->len);
  touchpoints_text = g_strdup_printf (ngettext ("%u touchpoint", "%u touchpoints", n_touchpoints),
                                      n_touchpoints);
  notes_text = g_strdup_printf (ngettext ("%u note", "%u notes", n_notes), n_notes);

  /* TRANSLATORS: a template's content, e.g. "5 stages, 16 touchpoints, 62 notes". */
  return g_strdup_printf (_("%s, %s, %s"), stages_text, touchpoints_text, notes_text);
}

static TpTemplate *
template_new (const char *path,
              gboolean    user)
{
  g_autoptr(TpTemplate) template_ = g_new0 (TpTemplate, 1);
  g_autoptr(GError) error = NULL;
  const TpMeta *meta;
  int index;

  template_->document = load_path (path, &error);
  if (template_->document == NULL)
    {
      /* A broken file in a template folder must not spoil the gallery: leave it out. */
      g_debug ("Template %s left out: %s", path, error->message);
      return NULL;
    }

  template_->path = g_strdup (path);
  template_->user = user;
  meta = tp_document_get_meta (template_->document);
  index = user ? -1 : shipped_index (path);
  if (index >= 0)
    {
      template_->title = g_strdup (_(shipped[index].title));
      template_->purpose = g_strdup (_(shipped[index].purpose));
    }
  else
    {
      if (meta->title != NULL && meta->title[0] != '\0')
        template_->title = g_strdup (meta->title);
      else
        {
          g_autofree char *base = g_path_get_basename (path);

          if (g_str_has_suffix (base, TEMPLATE_SUFFIX))
            base[strlen (base) - strlen (TEMPLATE_SUFFIX)] = '\0';
          template_->title = g_steal_pointer (&base);
        }
      template_->purpose = describe_content (template_->document);
    }

  return g_steal_pointer (&template_);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Appends the templates of dir, sorted by file name. */
static void
list_dir (GPtrArray  *out,
          const char *dir,
          gboolean    user)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (handle == NULL)
    return;

  while ((name = g_dir_read_name (handle)) != NULL)
    if (g_str_has_suffix (name, TEMPLATE_SUFFIX) && name[0] != '.')
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      TpTemplate *template_ = template_new (g_ptr_array_index (names, i), user);

      if (template_ != NULL)
        g_ptr_array_add (out, template_);
    }
}

static int
gallery_rank (const TpTemplate *template_)
{
  int index = template_->user ? -1 : shipped_index (template_->path);

  if (template_->user)
    return G_N_ELEMENTS (shipped) + 1;
  return index >= 0 ? index : (int) G_N_ELEMENTS (shipped);
}

static int
compare_templates (gconstpointer a,
                   gconstpointer b)
{
  const TpTemplate *ta = *(TpTemplate * const *) a;
  const TpTemplate *tb = *(TpTemplate * const *) b;
  int ra = gallery_rank (ta);
  int rb = gallery_rank (tb);

  if (ra != rb)
    return ra < rb ? -1 : 1;
  if (ta->user)
    {
      int by_title = g_utf8_collate (ta->title, tb->title);

      if (by_title != 0)
        return by_title;
    }
  return g_strcmp0 (ta->path, tb->path);
}

GPtrArray *
tp_template_catalogue_list (const char * const *system_dirs,
                            const char         *user_dir)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) tp_template_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; system_dirs != NULL && system_dirs[i] != NULL; i++)
    {
      guint before = out->len;

      list_dir (out, system_dirs[i], FALSE);
      /* The same shipped template found in two folders (an installed copy and the build
       * tree's) is offered once, from the first folder. */
      for (guint j = before; j < out->len; )
        {
          TpTemplate *template_ = g_ptr_array_index (out, j);
          g_autofree char *base = g_path_get_basename (template_->path);

          if (g_hash_table_contains (seen, base))
            g_ptr_array_remove_index (out, j);
          else
            {
              g_hash_table_add (seen, g_path_get_basename (template_->path));
              j++;
            }
        }
    }
  if (user_dir != NULL)
    list_dir (out, user_dir, TRUE);

  /* New must always be able to give an empty workshop, even when no template is
   * installed (a run from the build tree, a broken installation). */
  if (!g_hash_table_contains (seen, "blank-workshop" TEMPLATE_SUFFIX))
    {
      TpTemplate *empty = g_new0 (TpTemplate, 1);

      empty->title = g_strdup (_(shipped[0].title));
      empty->purpose = g_strdup (_(shipped[0].purpose));
      empty->document = tp_document_new_default ();
      g_ptr_array_add (out, empty);
    }

  g_ptr_array_sort (out, compare_templates);
  return out;
}

GPtrArray *
tp_template_catalogue_list_default (void)
{
  g_auto(GStrv) system_dirs = tp_template_dup_system_dirs ();
  g_autofree char *user_dir = tp_template_dup_user_dir ();

  return tp_template_catalogue_list ((const char * const *) system_dirs, user_dir);
}

TpDocument *
tp_template_instantiate (const TpTemplate  *template_,
                         GError           **error)
{
  g_return_val_if_fail (template_ != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The empty workshop is today's New, with the default stages named in the user's
   * language (the file's names are English). */
  if (!template_->user && shipped_index (template_->path) == 0)
    return tp_document_new_default ();

  /* Read afresh rather than copied from the preview, so that what opens is what the file
   * says now; the document is never bound to the file (tp_load_file() would bind it). */
  return load_path (template_->path, error);
}

/* A copy of document through the writer and the loader: what a template file of it
 * would hold, and a check that it loads. */
static TpDocument *
copy_document (TpDocument  *document,
               GError     **error)
{
  g_autoptr(GBytes) bytes = tp_write_bytes (document);

  return tp_load_bytes (bytes, NULL, error);
}

static void
clear_kpi_data (TpKpi *kpi)
{
  memset (kpi->scores, 0, sizeof kpi->scores);
  kpi->start = kpi->end = kpi->new_customers = 0;
  kpi->conversions = kpi->visitors = 0;
  kpi->value = NAN;
}

/* Keeps the workshop's structure and drops what the last workshop found (see the
 * header). Goes through the document's commands like any edit, on a private copy. */
static void
empty_content (TpDocument *copy)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *stages = tp_document_get_stages (copy);

  for (guint c = 0; c < TP_N_CONTAINERS; c++)
    {
      GPtrArray *notes = tp_document_get_notes (copy, c);

      for (guint i = 0; i < notes->len; i++)
        g_ptr_array_add (ids, g_strdup (((TpNote *) g_ptr_array_index (notes, i))->item.id));
    }
  if (ids->len > 0)
    tp_document_delete (copy, (const char * const *) ids->pdata, ids->len);
  g_ptr_array_set_size (ids, 0);

  for (guint s = 0; s < stages->len; s++)
    {
      TpStage *stage = g_ptr_array_index (stages, s);

      for (guint i = 0; i < stage->touchpoints->len; i++)
        g_ptr_array_add (ids, g_strdup (((TpTouchpoint *) g_ptr_array_index (stage->touchpoints, i))->item.id));
      g_ptr_array_add (ids, g_strdup (stage->item.id));
    }

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      TpItem *item = tp_document_edit_begin (copy, id);

      if (item->kind == TP_ITEM_TOUCHPOINT)
        {
          TpTouchpoint *tp = (TpTouchpoint *) item;

          g_clear_pointer (&tp->action, g_free);
          tp->action = g_strdup ("");
          tp->emotion = 0;
          g_ptr_array_set_size (tp->pains, 0);
          g_ptr_array_set_size (tp->opportunities, 0);
          g_ptr_array_set_size (tp->actions, 0);
          tp->expectation = tp->experience = tp->impact = tp->feasibility = 0;
          tp->strategy = TP_STRATEGY_NONE;
          for (guint k = 0; k < tp->needs->len; k++)
            {
              TpKanoNeed *need = g_ptr_array_index (tp->needs, k);

              memset (need->answers, 0, sizeof need->answers);
            }
          for (guint k = 0; k < tp->kpis->len; k++)
            clear_kpi_data (g_ptr_array_index (tp->kpis, k));
        }
      else
        {
          TpStage *stage = (TpStage *) item;

          for (guint k = 0; k < stage->kpis->len; k++)
            clear_kpi_data (g_ptr_array_index (stage->kpis, k));
        }
      tp_document_edit_commit (copy, item, "", FALSE);
    }
}

/* A file name for title in dir that no file has yet: "Hotel stay.touchpoint", then
 * "Hotel stay 2.touchpoint", … Slashes and leading dots cannot make it leave dir. */
static char *
unused_path (const char *dir,
             const char *title)
{
  g_autofree char *stem = g_strdup (title);

  g_strdelimit (stem, "/\\:\n\r\t", '-');
  g_strstrip (stem);
  while (stem[0] == '.')
    memmove (stem, stem + 1, strlen (stem));
  if (stem[0] == '\0')
    {
      g_free (stem);
      stem = g_strdup (_("Template"));
    }
  /* File names are bytes: keep them well under NAME_MAX, on a character boundary. */
  if (strlen (stem) > 120)
    *g_utf8_find_prev_char (stem, stem + 121) = '\0';

  for (guint n = 1; n < 10000; n++)
    {
      g_autofree char *name = n == 1 ? g_strconcat (stem, TEMPLATE_SUFFIX, NULL)
                                     : g_strdup_printf ("%s %u%s", stem, n, TEMPLATE_SUFFIX);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK))
        return g_steal_pointer (&path);
    }

  return NULL;
}

static void
set_title (TpDocument *document,
           const char *title)
{
  TpMeta *meta = (TpMeta *) tp_document_edit_begin (document, TP_META_ID);

  g_free (meta->title);
  meta->title = g_strdup (title);
  tp_document_edit_commit (document, &meta->item, "", FALSE);
}

char *
tp_template_save (TpDocument  *document,
                  const char  *user_dir,
                  const char  *title,
                  gboolean     keep_content,
                  GError     **error)
{
  g_autoptr(TpDocument) copy = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (TP_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (user_dir != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  copy = copy_document (document, error);
  if (copy == NULL)
    return NULL;
  if (!keep_content)
    empty_content (copy);
  set_title (copy, title);

  if (g_mkdir_with_parents (user_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, TP_SAVE_ERROR, TP_SAVE_ERROR_WRITE,
                   _("Could not create the templates folder “%s”: %s"),
                   user_dir, g_strerror (saved_errno));
      return NULL;
    }

  path = unused_path (user_dir, title);
  if (path == NULL)
    {
      g_set_error (error, TP_SAVE_ERROR, TP_SAVE_ERROR_WRITE,
                   _("There are too many templates called “%s”"), title);
      return NULL;
    }

  /* The project's save: serialized, loaded back as a check, written atomically. The
   * copy gets bound to the new file, which is harmless: it dies here. */
  file = g_file_new_for_path (path);
  if (!tp_save_file (copy, file, NULL, NULL, NULL, error))
    return NULL;

  return g_steal_pointer (&path);
}

gboolean
tp_template_rename (TpTemplate  *template_,
                    const char  *title,
                    GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(TpFileStamp) stamp = NULL;
  g_autoptr(TpDocument) document = NULL;

  g_return_val_if_fail (template_ != NULL, FALSE);
  g_return_val_if_fail (template_->user, FALSE);
  g_return_val_if_fail (title != NULL && title[0] != '\0', FALSE);

  /* The file keeps its name: the title lives inside it, and the stamp makes sure a file
   * changed meanwhile (another window renaming it) is not overwritten unseen. */
  file = g_file_new_for_path (template_->path);
  document = tp_load_file (file, &stamp, NULL, NULL, error);
  if (document == NULL)
    return FALSE;
  set_title (document, title);
  if (!tp_save_file (document, file, stamp, NULL, NULL, error))
    return FALSE;

  g_free (template_->title);
  template_->title = g_strdup (title);
  g_set_object (&template_->document, document);
  return TRUE;
}

gboolean
tp_template_remove (const TpTemplate  *template_,
                    GError           **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (template_ != NULL, FALSE);
  g_return_val_if_fail (template_->user, FALSE);

  file = g_file_new_for_path (template_->path);
  return g_file_delete (file, NULL, error);
}
