/* tp-template-catalogue.h: the workshop templates the gallery offers (issue 18).
 *
 * A template is an ordinary document file: the shipped ones are installed data
 * (PKGDATADIR/templates, or the folders in $TOUCHPOINT_TEMPLATE_PATH for runs from the
 * build tree), the user's own are saved in g_get_user_data_dir()/touchpoint/templates.
 * Every template is read through the hardened loader, like any document from an email;
 * one that does not load is left out of the gallery. Opening a template gives a new,
 * untitled document that is never bound to the template's file, so saving it never
 * overwrites the template. No GTK here: the gallery draws previews with the renderer.
 */
#pragma once

#include "model/tp-document.h"

G_BEGIN_DECLS

typedef struct
{
  char       *path;      /* absolute path of the file; NULL for the built-in empty
                          * workshop offered when no blank-workshop file is installed */
  char       *title;     /* translated for shipped templates, else the file's title */
  char       *purpose;   /* one line: what it is for, or what it holds */
  gboolean    user;      /* in the user's folder: can be renamed and removed */
  TpDocument *document;  /* as loaded, for previews; never shown for editing */
} TpTemplate;

void        tp_template_free            (TpTemplate *template_);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TpTemplate, tp_template_free)

/* The folders the shipped templates come from, in order (NULL-terminated, owned). */
char      **tp_template_dup_system_dirs (void);
/* g_get_user_data_dir()/touchpoint/templates (newly allocated). */
char       *tp_template_dup_user_dir    (void);

/* Lists the templates of system_dirs (shipped ones first in the gallery's order, then
 * other files by name) and of user_dir (by title). Either may be NULL. Files that do
 * not load are skipped. Returns (element-type TpTemplate) (transfer full). */
GPtrArray  *tp_template_catalogue_list  (const char * const *system_dirs,
                                         const char         *user_dir);
/* Convenience: the catalogue of the default folders. */
GPtrArray  *tp_template_catalogue_list_default (void);

/* A new, unsaved document with the template's content, read afresh from its file
 * through the loader; it has no file, so the first save asks where. The empty workshop
 * is tp_document_new_default(), whose stage names are translated. */
TpDocument *tp_template_instantiate     (const TpTemplate *template_,
                                         GError          **error);

/* Saves a copy of document as a template called title in user_dir (created if need
 * be), never touching document itself. With keep_content FALSE the copy keeps the
 * workshop's structure (personas, stages and their jobs, touchpoints by name and
 * channel, moments of truth, Kano needs by text, KPI definitions with their targets)
 * and drops its content (notes, links, actions, emotions, pains, opportunities, scores,
 * action items, answers and measurements). The file is written atomically after the
 * writer's self-check. Returns the new file's path. */
char       *tp_template_save            (TpDocument  *document,
                                         const char  *user_dir,
                                         const char  *title,
                                         gboolean     keep_content,
                                         GError     **error);
/* Renames a user template: its title, inside the file, rewritten atomically. */
gboolean    tp_template_rename          (TpTemplate  *template_,
                                         const char  *title,
                                         GError     **error);
/* Removes a user template's file. */
gboolean    tp_template_remove          (const TpTemplate *template_,
                                         GError          **error);

G_END_DECLS
