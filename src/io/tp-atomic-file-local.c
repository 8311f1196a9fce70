/* tp-atomic-file-local.c: writing a local file the way the kernel would let an open()
 * write it, whole or not at all (tp-atomic-file.h says what; this file says how).
 *
 * Copyright 2025 The Touchpoint developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything is decided on what was opened, relative to the folder's file descriptor,
 * never on a path that can change in between: the folder is opened; a link at the name
 * is opened (O_PATH) and followed only where fs.protected_symlinks would; the file is
 * opened without following links or blocking, checked with fstat(), locked with flock()
 * and checked again to be the one at the name; the temporary file is created in the same
 * folder through its descriptor; the exchange and the folder's fsync use it too.
 */

/* O_PATH, renameat2() and RENAME_EXCHANGE are Linux's. */
#define _GNU_SOURCE

#include "config.h"

#include "tp-atomic-file-private.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>

#include "tp-loader.h"

/* Symbolic links are followed at most this deep, like the kernel's ELOOP limit. */
#define MAX_SYMLINK_DEPTH 40

/* What a local write replaces, found the way the kernel would find it. */
typedef struct
{
  int          dir_fd;     /* the folder of what is replaced (a real fd: it is fsynced) */
  char        *dir_shown;  /* that folder, for messages */
  char        *name;       /* the name there */
  char        *link_shown; /* where the output's link points, if it was one */
  int          fd;         /* the file replaced, open and locked; -1 when there is none */
  struct stat  st;         /* of fd */
} Target;

static void
target_clear (Target *target)
{
  if (target->fd >= 0)
    close (target->fd);  /* releases the lock */
  if (target->dir_fd >= 0)
    close (target->dir_fd);
  g_clear_pointer (&target->dir_shown, g_free);
  g_clear_pointer (&target->name, g_free);
  g_clear_pointer (&target->link_shown, g_free);
  target->fd = target->dir_fd = -1;
}

typedef enum {
  FOUND,
  FOUND_LINK,  /* target->dir_fd and name now name what the link points to */
  TRY_AGAIN,   /* something changed under us: look again from the start */
  REFUSED,     /* error is set */
} Step;

/* A folder anyone may write to, where only owners may remove: /tmp and its like, where
 * another user may have put anything under any name. */
static gboolean
is_shared_folder (const struct stat *dir)
{
  return (dir->st_mode & S_ISVTX) != 0 && (dir->st_mode & S_IWOTH) != 0;
}

/* fs.protected_symlinks and fs.protected_regular, applied whatever the sysctls say: in a
 * shared folder, what belongs neither to us nor to the folder's owner was put there by
 * someone else, and is neither followed nor replaced (the kernel would refuse us such a
 * link with EACCES, and such a file to an O_CREAT open). */
static gboolean
owner_may_be_trusted (const struct stat *dir,
                      const struct stat *entry)
{
  return !is_shared_folder (dir) || entry->st_uid == geteuid () || entry->st_uid == dir->st_uid;
}

/* Reads the link at name in dir_fd, checked on the link opened (O_PATH), and moves target
 * to what it points to. */
static Step
follow_link (Target             *target,
             const struct stat  *dir_st,
             const struct stat  *link_st,
             GFile              *file,
             TpWriteVerb         verb,
             GError            **error)
{
  g_autofree char *link_text = NULL;
  g_autofree char *link_dir = NULL;
  g_autofree char *shown = NULL;
  struct stat opened;
  char buffer[PATH_MAX + 1];
  ssize_t length;
  int link_fd;
  int new_dir_fd;

  link_fd = openat (target->dir_fd, target->name, O_PATH | O_NOFOLLOW | O_CLOEXEC);
  if (link_fd < 0)
    return TRY_AGAIN;
  if (fstat (link_fd, &opened) != 0 || !S_ISLNK (opened.st_mode) ||
      opened.st_ino != link_st->st_ino || opened.st_dev != link_st->st_dev)
    {
      close (link_fd);
      return TRY_AGAIN;
    }

  if (!owner_may_be_trusted (dir_st, &opened))
    {
      close (link_fd);
      _tp_atomic_file_set_refusal (error, file, verb,
                                   _("it is a symbolic link that another user left in a shared folder, and following it could replace someone else’s file"),
                                   _("Remove the link or choose another name."));
      return REFUSED;
    }

  length = readlinkat (link_fd, "", buffer, sizeof buffer - 1);
  close (link_fd);
  if (length >= (ssize_t) sizeof buffer - 1)
    {
      _tp_atomic_file_set_errno (error, file, verb, ENAMETOOLONG);
      return REFUSED;
    }
  if (length <= 0)
    return TRY_AGAIN;
  buffer[length] = '\0';
  link_text = g_strdup (buffer);

  shown = g_path_is_absolute (link_text) ? g_strdup (link_text)
                                         : g_build_filename (target->dir_shown, link_text, NULL);
  g_free (target->link_shown);
  target->link_shown = g_filename_display_name (shown);

  /* The folder part goes through the kernel's own path walk, from the link's folder. */
  link_dir = g_path_get_dirname (link_text);
  new_dir_fd = openat (target->dir_fd, link_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (new_dir_fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT || saved_errno == ENOTDIR)
        {
          g_autofree char *reason = g_strdup_printf (_("it is a link to “%s”, whose folder does not exist"),
                                                     target->link_shown);

          _tp_atomic_file_set_refusal (error, file, verb, reason, _("Change the link or choose another name."));
        }
      else
        _tp_atomic_file_set_errno (error, file, verb, saved_errno);
      return REFUSED;
    }

  close (target->dir_fd);
  target->dir_fd = new_dir_fd;
  g_free (target->dir_shown);
  target->dir_shown = g_path_get_dirname (shown);
  g_free (target->name);
  target->name = g_path_get_basename (link_text);
  return FOUND_LINK;
}

static Step
refuse_special (const struct stat  *st,
                GFile              *file,
                TpWriteVerb         verb,
                GError            **error)
{
  const char *reason;

  if (S_ISDIR (st->st_mode))
    reason = _("there is a folder of that name");
  else if (S_ISFIFO (st->st_mode))
    reason = _("there is a named pipe (FIFO) of that name, not a file");
  else if (S_ISCHR (st->st_mode) || S_ISBLK (st->st_mode))
    reason = _("there is a device of that name, not a file");
  else if (S_ISSOCK (st->st_mode))
    reason = _("there is a socket of that name, not a file");
  else
    reason = _("there is something of that name that is not a file");

  _tp_atomic_file_set_refusal (error, file, verb, reason, _("Choose another name."));
  return REFUSED;
}

/* Waits for the lock another saver of the file holds, long enough for any save, not
 * forever: a reader holding a lock must not hang the save. */
#define LOCK_WAIT_US     (30 * G_USEC_PER_SEC)
#define LOCK_INTERVAL_US (20 * 1000)

static gboolean
lock_file (int fd)
{
  gint64 waited = 0;

  while (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      if (errno == EINTR)
        continue;
      /* A file system without locks (some FUSE ones, ENOLCK on NFS without lockd): the
       * check below still narrows the race to the exchange. */
      if (errno != EWOULDBLOCK)
        return TRUE;
      if (waited >= LOCK_WAIT_US)
        return FALSE;
      g_usleep (LOCK_INTERVAL_US);
      waited += LOCK_INTERVAL_US;
    }

  return TRUE;
}

/* Opens what is at target->name, or finds that nothing is there. */
static Step
open_entry (Target      *target,
            GFile       *file,
            TpWriteVerb  verb,
            GError     **error)
{
  struct stat dir_st, entry, now;
  int fd;

  if (fstat (target->dir_fd, &dir_st) != 0)
    {
      _tp_atomic_file_set_errno (error, file, verb, errno);
      return REFUSED;
    }

  if (fstatat (target->dir_fd, target->name, &entry, AT_SYMLINK_NOFOLLOW) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        return FOUND;  /* a new file */
      if (saved_errno == ENAMETOOLONG)
        {
          _tp_atomic_file_set_refusal (error, file, verb, g_strerror (ENAMETOOLONG), _("Choose a shorter name."));
          return REFUSED;
        }
      _tp_atomic_file_set_errno (error, file, verb, saved_errno);
      return REFUSED;
    }

  if (S_ISLNK (entry.st_mode))
    return follow_link (target, &dir_st, &entry, file, verb, error);

  if (!S_ISREG (entry.st_mode))
    return refuse_special (&entry, file, verb, error);

  if (!owner_may_be_trusted (&dir_st, &entry))
    {
      _tp_atomic_file_set_refusal (error, file, verb,
                                   _("a file of that name belongs to another user in a shared folder"),
                                   _("Choose another name."));
      return REFUSED;
    }

  /* Non-blocking and without a controlling terminal, in case something else is there by
   * now; not following a link that was put there meanwhile. */
  fd = openat (target->dir_fd, target->name,
               O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT || saved_errno == ELOOP || saved_errno == ENXIO)
        return TRY_AGAIN;
      /* A folder we may not write to is the first thing to change. */
      if (saved_errno == EACCES && faccessat (target->dir_fd, ".", W_OK | X_OK, AT_EACCESS) != 0)
        {
          _tp_atomic_file_set_errno (error, file, verb, EACCES);
          return REFUSED;
        }
      if (saved_errno == EACCES || saved_errno == EPERM)
        {
          _tp_atomic_file_set_refusal (error, file, verb, _("the file is write-protected"),
                                       _("Choose another name, or allow writing to it first."));
          return REFUSED;
        }
      _tp_atomic_file_set_errno (error, file, verb, saved_errno);
      return REFUSED;
    }

  if (fstat (fd, &target->st) != 0 || target->st.st_ino != entry.st_ino ||
      target->st.st_dev != entry.st_dev)
    {
      close (fd);
      return TRY_AGAIN;
    }
  target->fd = fd;

  /* Root may open anything for writing: a file nobody may write to is still refused, as
   * an editor refuses it without being told to force. */
  if ((target->st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    {
      _tp_atomic_file_set_refusal (error, file, verb, _("the file is write-protected"),
                                   _("Choose another name, or allow writing to it first."));
      return REFUSED;
    }

  if (target->st.st_nlink > 1)
    {
      g_autofree char *reason = g_strdup_printf (_("the file has %u names (hard links), and replacing it would separate them"),
                                                 (guint) target->st.st_nlink);

      _tp_atomic_file_set_refusal (error, file, verb, reason,
                                   _("Choose another name, or remove its other names first."));
      return REFUSED;
    }

  if (!lock_file (fd))
    {
      _tp_atomic_file_set_refusal (error, file, verb, _("another program is saving it right now"),
                                   _("Try again in a moment."));
      return REFUSED;
    }

  /* The saver we waited for replaced the file: lock the new one. */
  if (fstatat (target->dir_fd, target->name, &now, AT_SYMLINK_NOFOLLOW) != 0 ||
      now.st_ino != target->st.st_ino || now.st_dev != target->st.st_dev)
    {
      close (target->fd);
      target->fd = -1;
      return TRY_AGAIN;
    }

  return FOUND;
}

/* Finds (and locks) what writing path replaces. */
static gboolean
open_target (Target       *target,
             const char   *path,
             GFile        *file,
             TpWriteVerb   verb,
             GError      **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  guint links = 0;

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      Step step;

      target_clear (target);
      target->dir_fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (target->dir_fd < 0)
        {
          _tp_atomic_file_set_errno (error, file, verb, errno);
          return FALSE;
        }
      target->dir_shown = g_strdup (dir);
      target->name = g_path_get_basename (path);
      if (g_str_equal (target->name, G_DIR_SEPARATOR_S) || g_str_equal (target->name, ".") ||
          g_str_equal (target->name, ".."))
        {
          _tp_atomic_file_set_errno (error, file, verb, EISDIR);
          return FALSE;
        }

      links = 0;
      while ((step = open_entry (target, file, verb, error)) == FOUND_LINK)
        {
          if (++links > MAX_SYMLINK_DEPTH)
            {
              _tp_atomic_file_set_errno (error, file, verb, ELOOP);
              return FALSE;
            }
        }

      if (step == FOUND)
        return TRUE;
      if (step == REFUSED)
        return FALSE;
    }

  _tp_atomic_file_set_refusal (error, file, verb, _("it keeps being replaced by another program"),
                               _("Try again in a moment."));
  return FALSE;
}

/* Reads the locked file whole, or up to just past the loader's cap. */
static GBytes *
read_locked (int fd)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[64 * 1024];
  off_t offset = 0;

  while (data->len <= TP_LOAD_MAX_BYTES)
    {
      ssize_t n = pread (fd, buffer, sizeof buffer, offset);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_byte_array_append (data, buffer, (guint) n);
      offset += n;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* The file replaced is still what expected describes. */
static gboolean
check_locked (Target             *target,
              const TpFileStamp  *expected,
              GFile              *file,
              TpWriteVerb         verb,
              GError            **error)
{
  g_autoptr(GBytes) current = NULL;
  g_autoptr(TpFileStamp) stamp = NULL;

  if (expected == NULL || target->fd < 0)
    return TRUE;

  current = read_locked (target->fd);
  if (current == NULL)
    {
      _tp_atomic_file_set_errno (error, file, verb, errno);
      return FALSE;
    }

  stamp = tp_file_stamp_new_for_bytes (current, NULL);
  if (tp_file_stamp_equal (stamp, expected))
    return TRUE;

  tp_atomic_file_set_changed_error (error, file);
  return FALSE;
}

/* A name for the temporary file beside what is replaced: hidden, named after it, but
 * short enough for the folder even when the name itself is as long as names may be
 * there. */
static char *
make_temporary_name (Target *target)
{
  long name_max = fpathconf (target->dir_fd, _PC_NAME_MAX);
  gsize keep = strlen (target->name);
  static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  char suffix[7];

  if (name_max <= 0)
    name_max = 255;
  if ((long) keep > name_max - 8)
    keep = name_max > 8 ? (gsize) (name_max - 8) : 0;

  for (guint i = 0; i < 6; i++)
    suffix[i] = letters[g_random_int_range (0, sizeof letters - 1)];
  suffix[6] = '\0';

  return g_strdup_printf (".%.*s.%s", (int) keep, target->name, suffix);
}

/* The temporary file, in the folder of what is replaced. Unnamed (O_TMPFILE) where the
 * file system allows it and /proc can name it later: an export streams its file for
 * seconds, and a process killed meanwhile must not leave a hidden file behind. Otherwise
 * named at once; *tmp_name is then set. */
static int
create_temporary (Target  *target,
                  mode_t   mode,
                  char   **tmp_name)
{
  int fd;

  g_clear_pointer (tmp_name, g_free);
  if (access ("/proc/self/fd", X_OK) == 0)
    {
      fd = openat (target->dir_fd, ".", O_TMPFILE | O_RDWR | O_CLOEXEC, mode);
      if (fd >= 0)
        return fd;
    }

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_free (*tmp_name);
      *tmp_name = make_temporary_name (target);
      fd = openat (target->dir_fd, *tmp_name,
                   O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
      if (fd >= 0 || errno != EEXIST)
        return fd;
    }

  return -1;
}

/* Gives an unnamed temporary file its name, once it is whole and durable, so that it
 * can be exchanged with what it replaces. */
static gboolean
name_temporary (Target  *target,
                int      fd,
                char   **tmp_name)
{
  char proc_path[64];

  g_snprintf (proc_path, sizeof proc_path, "/proc/self/fd/%d", fd);
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_free (*tmp_name);
      *tmp_name = make_temporary_name (target);
      if (linkat (AT_FDCWD, proc_path, target->dir_fd, *tmp_name, AT_SYMLINK_FOLLOW) == 0)
        return TRUE;
      if (errno != EEXIST)
        break;
    }

  {
    int saved_errno = errno;

    g_clear_pointer (tmp_name, g_free);
    errno = saved_errno;
  }
  return FALSE;
}

/* Gives the new file the old one's owner and mode. */
static gboolean
keep_owner_and_mode (int                fd,
                     const struct stat *old,
                     GFile             *file,
                     TpWriteVerb        verb,
                     GError           **error)
{
  struct stat st;

  if (fstat (fd, &st) != 0)
    {
      _tp_atomic_file_set_errno (error, file, verb, errno);
      return FALSE;
    }

  if ((st.st_uid != old->st_uid || st.st_gid != old->st_gid) &&
      fchown (fd, st.st_uid != old->st_uid ? old->st_uid : (uid_t) -1,
              st.st_gid != old->st_gid ? old->st_gid : (gid_t) -1) != 0)
    {
      _tp_atomic_file_set_refusal (error, file, verb,
                                   st.st_uid != old->st_uid
                                     ? _("the file belongs to another user, and replacing it would make it yours")
                                     : _("the file belongs to a group you are not in, and replacing it would change its group"),
                                   _("Choose another name."));
      return FALSE;
    }

  /* After fchown(), which clears set-user-ID and set-group-ID bits. Not when the mode is
   * right already: some file systems (FAT) refuse any change of mode. */
  if ((st.st_mode & 07777) != (old->st_mode & 07777) && fchmod (fd, old->st_mode & 07777) != 0)
    {
      _tp_atomic_file_set_errno (error, file, verb, errno);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_entry (int                dir_fd,
          const char        *name,
          const struct stat *st)
{
  struct stat now;

  return fstatat (dir_fd, name, &now, AT_SYMLINK_NOFOLLOW) == 0 &&
         now.st_ino == st->st_ino && now.st_dev == st->st_dev;
}

/* Some file systems (FUSE ones, CIFS) cannot fsync a folder at all: there, the rename
 * is as durable as they make it, and refusing every save would help nobody. */
static gboolean
cannot_sync_folders (int saved_errno)
{
  return saved_errno == EINVAL || saved_errno == ENOSYS || saved_errno == EOPNOTSUPP ||
         saved_errno == ENOTSUP;
}

/* Puts the new file in place of the old (exchanging them, so that the old one can be put
 * back), then makes the folder durable; on any failure the folder is as it was. */
static gboolean
put_in_place (Target             *target,
              const char         *tmp_name,
              const struct stat  *tmp_st,
              const TpFileStamp  *expected,
              GFile              *file,
              TpWriteVerb         verb,
              GError            **error)
{
  gboolean exchanged = FALSE;
  int saved_errno;
  int result;

  if (target->fd >= 0)
    {
      result = renameat2 (target->dir_fd, tmp_name, target->dir_fd, target->name, RENAME_EXCHANGE);
      exchanged = result == 0;
    }
  else if (expected != NULL)
    {
      /* The file was gone when we looked: another saver may write it meanwhile. */
      result = renameat2 (target->dir_fd, tmp_name, target->dir_fd, target->name, RENAME_NOREPLACE);
      if (result != 0 && errno == EEXIST)
        {
          unlinkat (target->dir_fd, tmp_name, 0);
          tp_atomic_file_set_changed_error (error, file);
          return FALSE;
        }
    }
  else
    {
      result = -1;
      errno = EINVAL;
    }

  /* A new file to put in place whatever is there, or a file system without
   * renameat2()'s flags. */
  if (result != 0 && (errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP))
    result = renameat (target->dir_fd, tmp_name, target->dir_fd, target->name);

  if (result != 0)
    {
      saved_errno = errno;
      unlinkat (target->dir_fd, tmp_name, 0);
      _tp_atomic_file_set_errno (error, file, verb, saved_errno);
      return FALSE;
    }

  /* A program that does not lock replaced the file since we checked it: put its version
   * back rather than overwrite what we have not seen. */
  if (exchanged && expected != NULL && !is_entry (target->dir_fd, tmp_name, &target->st))
    {
      renameat2 (target->dir_fd, tmp_name, target->dir_fd, target->name, RENAME_EXCHANGE);
      unlinkat (target->dir_fd, tmp_name, 0);
      tp_atomic_file_set_changed_error (error, file);
      return FALSE;
    }

  /* GLib 2.74 ignores this result (RELIABILITY.md): without it the rename may not
   * survive a power cut, so the save has not happened. */
  if (fsync (target->dir_fd) != 0 && !cannot_sync_folders (errno))
    {
      saved_errno = errno;
      if (exchanged)
        {
          renameat2 (target->dir_fd, tmp_name, target->dir_fd, target->name, RENAME_EXCHANGE);
          unlinkat (target->dir_fd, tmp_name, 0);
        }
      else if (target->fd < 0 && is_entry (target->dir_fd, target->name, tmp_st))
        {
          unlinkat (target->dir_fd, target->name, 0);
        }
      _tp_atomic_file_set_errno (error, file, verb, saved_errno);
      return FALSE;
    }

  /* The old version, now under the temporary name. Should this removal not survive a
   * power cut, a hidden copy of the old version is left beside the new one: nothing is
   * lost, so it is not worth another fsync on every save. */
  if (exchanged && unlinkat (target->dir_fd, tmp_name, 0) != 0)
    g_warning ("Could not remove the previous version %s: %s", tmp_name, g_strerror (errno));

  return TRUE;
}

gboolean
_tp_atomic_file_write_local (GFile                *file,
                             const char           *path,
                             TpAtomicFileProducer  produce,
                             gpointer              user_data,
                             TpWriteVerb           verb,
                             const TpFileStamp    *expected,
                             GError              **error)
{
  Target target = { .dir_fd = -1, .fd = -1 };
  g_autofree char *tmp_name = NULL;
  g_autoptr(GError) produce_error = NULL;
  TpAtomicSink sink;
  struct stat tmp_st;
  gboolean ok = FALSE, produced;
  int fd = -1;

  if (!open_target (&target, path, file, verb, error) ||
      !check_locked (&target, expected, file, verb, error))
    goto out;

  /* A replaced file's mode is set below; a new one gets the umask's, as open() would. */
  fd = create_temporary (&target, target.fd >= 0 ? 0600 : 0666, &tmp_name);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT && target.link_shown != NULL)
        {
          g_autofree char *reason = g_strdup_printf (_("it is a link to “%s”, whose folder does not exist"),
                                                     target.link_shown);

          _tp_atomic_file_set_refusal (error, file, verb, reason, _("Change the link or choose another name."));
        }
      else
        _tp_atomic_file_set_errno (error, file, verb, saved_errno);
      goto out;
    }

  /* The bytes go to the temporary file as they are made; a failed write of them is what
   * went wrong, whatever the producer made of it. */
  _tp_atomic_sink_init (&sink, fd, NULL, NULL);
  produced = produce (&sink, user_data, &produce_error);
  if (!_tp_atomic_sink_flush (&sink))
    {
      _tp_atomic_file_set_errno (error, file, verb, sink.saved_errno);
      _tp_atomic_sink_clear (&sink);
      goto remove_tmp;
    }
  _tp_atomic_sink_clear (&sink);
  if (!produced)
    {
      if (produce_error != NULL)
        g_propagate_error (error, g_steal_pointer (&produce_error));
      else
        _tp_atomic_file_set_errno (error, file, verb, EIO);
      goto remove_tmp;
    }

  if ((target.fd >= 0 && !keep_owner_and_mode (fd, &target.st, file, verb, error)) ||
      fsync (fd) != 0 || fstat (fd, &tmp_st) != 0 ||
      (tmp_name == NULL && !name_temporary (&target, fd, &tmp_name)))
    {
      if (error != NULL && *error == NULL)
        _tp_atomic_file_set_errno (error, file, verb, errno);
      goto remove_tmp;
    }

  {
    int close_result = close (fd);

    fd = -1;
    if (close_result != 0)
      {
        _tp_atomic_file_set_errno (error, file, verb, errno);
        goto remove_tmp;
      }
  }

  ok = put_in_place (&target, tmp_name, &tmp_st, expected, file, verb, error);
  goto out;

remove_tmp:
  /* An unnamed temporary file goes with its descriptor. */
  if (tmp_name != NULL)
    unlinkat (target.dir_fd, tmp_name, 0);
out:
  if (fd >= 0)
    close (fd);
  target_clear (&target);
  return ok;
}
