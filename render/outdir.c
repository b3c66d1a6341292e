/*
 * outdir: the atomic output folder.  Every file of a render is made in
 * memory first (ofiles); here they are written under a new temporary
 * folder beside the destination, locked while the run lives, which
 * then replaces the destination in one rename (renameat2() with
 * RENAME_EXCHANGE when there is one to replace), so that a reader
 * never finds it missing or half-written and a failed run leaves it as
 * it was.  Also: the sweep of temporary folders killed runs left, the
 * removal of a tree by file descriptor, the folders made on the way,
 * and the one rule for symbolic links.  A batch stages every render in
 * one folder inside the output folder and swaps each in with the same
 * checks (outdir_stage(), outdir_swap()); archive.c builds its
 * snapshots from the same pieces.
 *
 * _GNU_SOURCE: renameat2(RENAME_EXCHANGE) swaps a previous output
 * folder for the new one in a single step.
 */
#define _GNU_SOURCE
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "ofiles.h"
#include "outdir.h"
#include "util.h"

bool
outdir_write_file(const char *path, const struct buf *data, bool durable,
    struct diag *d)
{
	FILE	*fp;
	bool	 ok;

	if ((fp = fopen(path, "wx")) == NULL) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot create: %s",
		    strerror(errno));
		return false;
	}
	ok = fwrite(data->data, 1, data->len, fp) == data->len;
	ok = fflush(fp) == 0 && ok;
	ok = !ferror(fp) && ok;
	if (durable && ok && fsync(fileno(fp)) != 0)
		ok = false;
	if (fclose(fp) != 0)
		ok = false;
	if (!ok)
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot write: %s",
		    strerror(errno));
	return ok;
}

/*
 * Empties the folder open at fd, then closes fd.  By file descriptor,
 * never by path: each folder is opened from its parent with O_NOFOLLOW,
 * so that a symbolic link planted in an old render, or swapped in for a
 * folder while it is being removed (which a walk by path such as nftw()
 * would follow), never leads outside it.  Gives up below 64 levels.
 */
static void
rm_at(int fd, int depth)
{
	struct dirent	*de;
	DIR		*dp;
	int		 sub;

	if ((dp = fdopendir(fd)) == NULL) {
		close(fd);
		return;
	}
	while ((de = readdir(dp)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		/* Files and links go; a folder refuses (EISDIR). */
		if (unlinkat(dirfd(dp), de->d_name, 0) == 0 ||
		    depth >= 64 || (sub = openat(dirfd(dp), de->d_name,
		    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) == -1)
			continue;
		rm_at(sub, depth + 1);
		unlinkat(dirfd(dp), de->d_name, AT_REMOVEDIR);
	}
	closedir(dp);
}

void
outdir_rm_tree(const char *path)
{
	int	 fd;

	if ((fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1) {
		if (errno == ENOTDIR || errno == ELOOP)
			unlink(path);	/* a file, or a link: not followed */
		return;
	}
	rm_at(fd, 0);
	rmdir(path);
}

bool
outdir_mkparents(const char *path, struct outdir_made *md, struct diag *d)
{
	char	*p, *s;
	const char *part;
	bool	 ok = true;

	/* Room for the temporary folder beside it: ".tmp-XXXXXX". */
	if (strlen(path) + 12 > PATH_MAX) {
		diag_msg(d, DIAG_ERROR, NULL, 0, 0, "output path is too long "
		    "(%zu bytes; the limit is %d)", strlen(path),
		    PATH_MAX - 12);
		return false;
	}
	for (part = path; *part != '\0'; part += strcspn(part, "/")) {
		part += strspn(part, "/");
		if (strcspn(part, "/") + 12 > NAME_MAX + 1) {
			diag_msg(d, DIAG_ERROR, NULL, 0, 0, "a folder name in "
			    "the output path is too long (%zu bytes; the "
			    "limit is %d)", strcspn(part, "/"), NAME_MAX - 11);
			return false;
		}
	}
	p = xstrdup(path);
	for (s = p + 1; *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) == 0) {
			md->v = xreallocarray(md->v, md->n + 1,
			    sizeof(*md->v));
			md->v[md->n++] = xstrdup(p);
		} else if (errno != EEXIST) {
			diag_msg(d, DIAG_ERROR, p, 0, 0, "cannot create "
			    "folder: %s", strerror(errno));
			ok = false;
			break;
		}
		*s = '/';
	}
	free(p);
	return ok;
}

void
outdir_made_release(struct outdir_made *md, bool undo)
{
	while (md->n > 0) {
		md->n--;
		if (undo)
			rmdir(md->v[md->n]);
		free(md->v[md->n]);
	}
	free(md->v);
	md->v = NULL;
}

/*
 * Whether dir may be replaced: it is missing, empty, or holds a
 * previous render (report.html and summary.json).  Anything else is
 * somebody's folder, which a render must never delete.
 */
static bool
replaceable(const char *dir, bool *exists, struct diag *d)
{
	struct stat	 st;
	struct buf	 p;
	struct dirent	*de;
	DIR		*dp;
	bool		 ok;

	*exists = false;
	if (lstat(dir, &st) == -1) {
		if (errno == ENOENT)
			return true;
		diag_msg(d, DIAG_ERROR, dir, 0, 0, "%s", strerror(errno));
		return false;
	}
	if (S_ISLNK(st.st_mode)) {
		diag_msg(d, DIAG_ERROR, dir, 0, 0, OUTDIR_LINK_REFUSED);
		return false;
	}
	if (!S_ISDIR(st.st_mode)) {
		diag_msg(d, DIAG_ERROR, dir, 0, 0,
		    "exists and is not a folder");
		return false;
	}
	*exists = true;
	/*
	 * Empty: nothing to lose, but left in place until the new render
	 * is swapped in, so that a failed run leaves it as it was.
	 */
	if ((dp = opendir(dir)) != NULL) {
		while ((de = readdir(dp)) != NULL &&
		    (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0))
			continue;
		closedir(dp);
		if (de == NULL)
			return true;
	}
	buf_init(&p);
	buf_printf(&p, "%s/report.html", dir);
	ok = access(p.data, F_OK) == 0;
	buf_reset(&p);
	buf_printf(&p, "%s/summary.json", dir);
	ok = ok && access(p.data, F_OK) == 0;
	buf_release(&p);
	if (!ok)
		diag_msg(d, DIAG_ERROR, dir, 0, 0, "folder exists and is not a "
		    "scorecard output (no report.html and summary.json); "
		    "refusing to replace it");
	return ok;
}

bool
outdir_fsync(const char *path, struct diag *d)
{
	int	 fd;
	bool	 ok;

	if ((fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot open: %s",
		    strerror(errno));
		return false;
	}
	ok = fsync(fd) == 0 || errno == EINVAL;	/* EINVAL: cannot sync */
	if (!ok)
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot sync: %s",
		    strerror(errno));
	close(fd);
	return ok;
}

int
outdir_tmp_make(struct buf *tmp, struct diag *d)
{
	int	 fd;

	if (mkdtemp(tmp->data) == NULL)
		return -1;
	if ((fd = open(tmp->data, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1 || flock(fd, LOCK_EX | LOCK_NB) == -1) {
		diag_msg(d, DIAG_ERROR, tmp->data, 0, 0, "cannot lock: %s",
		    strerror(errno));
		if (fd != -1)
			close(fd);
		rmdir(tmp->data);
		return -2;
	}
	return fd;
}

void
outdir_tmp_sweep(const char *parent, const char *prefix, struct diag *d)
{
	struct dirent	*de;
	struct buf	 path;
	DIR		*dp;
	size_t		 n = strlen(prefix);
	int		 fd;

	if ((dp = opendir(parent)) == NULL)
		return;
	buf_init(&path);
	while ((de = readdir(dp)) != NULL) {
		if (strncmp(de->d_name, prefix, n) != 0 ||
		    strlen(de->d_name) != n + 6)
			continue;
		buf_reset(&path);
		buf_printf(&path, "%s/%s", parent, de->d_name);
		if ((fd = open(path.data, O_RDONLY | O_DIRECTORY |
		    O_NOFOLLOW | O_CLOEXEC)) == -1)
			continue;
		/* A marked one holds a published snapshot: never removed
		 * (archive_recover() keeps it, or says why it cannot). */
		if (faccessat(fd, OUTDIR_RETIRED, F_OK,
		    AT_SYMLINK_NOFOLLOW) != 0 &&
		    flock(fd, LOCK_EX | LOCK_NB) == 0) {
			outdir_rm_tree(path.data);
			diag_msg(d, DIAG_WARN, path.data, 0, 0, "removed: "
			    "left by an interrupted run");
		}
		close(fd);
	}
	closedir(dp);
	buf_release(&path);
}

/* Makes dir, a new folder, ready for a render's files. */
static bool
tree_start(const char *dir, struct diag *d)
{
	struct buf	 path;
	bool		 ok = true;

	buf_init(&path);
	chmod(dir, 0755);
	buf_printf(&path, "%s/charts", dir);
	if (mkdir(path.data, 0755) == -1) {
		diag_msg(d, DIAG_ERROR, path.data, 0, 0, "cannot create "
		    "folder: %s", strerror(errno));
		ok = false;
	}
	buf_release(&path);
	return ok;
}

/* Writes file i of of into dir, its folder made by tree_start(). */
static bool
put_file(const char *dir, const struct ofiles *of, size_t i, bool durable,
    struct diag *d)
{
	struct buf	 path;
	bool		 ok;

	buf_init(&path);
	buf_printf(&path, "%s/%s", dir, of->f[i].name);
	ok = outdir_write_file(path.data, &of->f[i].data, durable, d);
	buf_release(&path);
	return ok;
}

bool
outdir_write_tree(const char *dir, const struct ofiles *of, bool durable,
    struct diag *d)
{
	struct buf	 path;
	size_t		 i;
	bool		 ok = false;

	buf_init(&path);
	if (!tree_start(dir, d))
		goto out;
	for (i = 0; i < of->n; i++)
		if (!put_file(dir, of, i, durable, d))
			goto out;
	if (durable) {
		buf_reset(&path);
		buf_printf(&path, "%s/charts", dir);
		if (!outdir_fsync(path.data, d) || !outdir_fsync(dir, d))
			goto out;
	}
	ok = true;
out:
	buf_release(&path);
	return ok;
}

/* A copy of path without trailing slashes: "out/" names the folder "out". */
static char *
strip(const char *path)
{
	char	*dir;
	size_t	 len;

	dir = xstrdup(path);
	len = strlen(dir);
	while (len > 1 && dir[len - 1] == '/')
		dir[--len] = '\0';
	return dir;
}

/* Sweeps the temporary folders killed runs left beside dir. */
static void
sweep_beside(const char *dir, struct diag *d)
{
	struct buf	 parent, prefix;
	const char	*slash;

	buf_init(&parent);
	buf_init(&prefix);
	if ((slash = strrchr(dir, '/')) == NULL)
		BUF_PUTSL(&parent, ".");
	else if (slash == dir)
		BUF_PUTSL(&parent, "/");
	else
		buf_put(&parent, dir, (size_t)(slash - dir));
	buf_printf(&prefix, "%s.tmp-", slash != NULL ? slash + 1 : dir);
	outdir_tmp_sweep(parent.data, prefix.data, d);
	buf_release(&parent);
	buf_release(&prefix);
}

/*
 * Puts the complete folder tmp in place as dir: a rename if dir does
 * not exist, else one exchange, after which tmp holds what dir held.
 */
static bool
swap_in(const char *tmp, const char *dir, bool exists, struct diag *d)
{
	if (!exists) {
		if (rename(tmp, dir) == -1) {
			diag_msg(d, DIAG_ERROR, dir, 0, 0, "cannot rename "
			    "into place: %s", strerror(errno));
			return false;
		}
	} else {
		if (renameat2(AT_FDCWD, tmp, AT_FDCWD, dir,
		    RENAME_EXCHANGE) == -1) {
			diag_msg(d, DIAG_ERROR, dir, 0, 0, "cannot replace: "
			    "%s", strerror(errno));
			return false;
		}
	}
	return true;
}

/* Frees tx; without ok, takes away the parent folders it made too. */
static void
tx_free(struct outdir_tx *tx, bool ok)
{
	if (tx->lock >= 0)
		close(tx->lock);
	/* Nothing is left of a failed run, not even a parent folder. */
	outdir_made_release(&tx->md, !ok);
	buf_release(&tx->tmp);
	free(tx->dir);
	memset(tx, 0, sizeof(*tx));
	tx->lock = -1;
}

bool
outdir_open(struct outdir_tx *tx, const char *outdir, struct diag *d)
{
	memset(tx, 0, sizeof(*tx));
	tx->lock = -1;
	tx->dir = strip(outdir);
	buf_init(&tx->tmp);
	if (!outdir_mkparents(tx->dir, &tx->md, d) ||
	    !replaceable(tx->dir, &tx->exists, d))
		goto fail;
	sweep_beside(tx->dir, d);
	buf_printf(&tx->tmp, "%s.tmp-XXXXXX", tx->dir);
	if ((tx->lock = outdir_tmp_make(&tx->tmp, d)) < 0) {
		if (tx->lock == -1)
			diag_msg(d, DIAG_ERROR, tx->dir, 0, 0, "cannot "
			    "create a folder beside it: %s", strerror(errno));
		goto fail;
	}
	if (tree_start(tx->tmp.data, d))
		return true;
	outdir_rm_tree(tx->tmp.data);
fail:
	tx_free(tx, false);
	return false;
}

bool
outdir_put(struct outdir_tx *tx, const struct ofiles *of, size_t i,
    struct diag *d)
{
	return put_file(tx->tmp.data, of, i, false, d);
}

bool
outdir_close(struct outdir_tx *tx, bool ok, struct diag *d)
{
	ok = ok && swap_in(tx->tmp.data, tx->dir, tx->exists, d);
	if (ok && !tx->exists)
		;	/* tmp is now dir */
	else
		outdir_rm_tree(tx->tmp.data);	/* or the previous render */
	tx_free(tx, ok);
	return ok;
}

bool
outdir_commit(const char *outdir, const struct ofiles *of, struct diag *d)
{
	struct outdir_tx tx;
	size_t		 i;
	bool		 ok = true;

	if (!outdir_open(&tx, outdir, d))
		return false;
	for (i = 0; i < of->n && ok; i++)
		ok = outdir_put(&tx, of, i, d);
	return outdir_close(&tx, ok, d);
}

int
outdir_stage(const char *outdir, struct buf *stage, struct outdir_made *md,
    struct diag *d)
{
	char	*dir;
	int	 lock = -2;

	dir = strip(outdir);
	buf_reset(stage);
	buf_printf(stage, "%s/.tmp-XXXXXX", dir);
	if (outdir_mkparents(stage->data, md, d)) {
		outdir_tmp_sweep(dir, ".tmp-", d);
		if ((lock = outdir_tmp_make(stage, d)) == -1) {
			diag_msg(d, DIAG_ERROR, dir, 0, 0, "cannot create a "
			    "folder in it: %s", strerror(errno));
			lock = -2;
		}
	}
	free(dir);
	return lock;
}

bool
outdir_write_new(const char *dir, const struct ofiles *of, struct diag *d)
{
	if (mkdir(dir, 0700) == -1) {
		diag_msg(d, DIAG_ERROR, dir, 0, 0, "cannot create folder: %s",
		    strerror(errno));
		return false;
	}
	if (!outdir_write_tree(dir, of, false, d)) {
		outdir_rm_tree(dir);
		return false;
	}
	return true;
}

bool
outdir_swap(const char *staged, const char *outdir, struct diag *d)
{
	struct outdir_made md = { NULL, 0 };
	char		*dir;
	bool		 exists, ok = false;

	dir = strip(outdir);
	if (outdir_mkparents(dir, &md, d) && replaceable(dir, &exists, d)) {
		sweep_beside(dir, d);
		ok = swap_in(staged, dir, exists, d);
	}
	outdir_made_release(&md, !ok);
	free(dir);
	return ok;
}
