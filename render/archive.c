/*
 * archive: scorecard archive.  A snapshot is a render (report_build())
 * plus the input as given and a manifest, written as a new folder
 * archive/<period> with outdir.c's pieces, every byte synced before it
 * is renamed into place; a snapshot is never overwritten but, with
 * --replace, exchanged with the old one in one step and the old one
 * kept as <period>.replaced-N.  The archive is locked for the run; a
 * run first puts right what killed runs left (archive_recover()).
 * Then archive/index.html is rewritten from every snapshot's
 * input.json.  Reading snapshots for the comparison with the last
 * report is history.c's.
 *
 * _GNU_SOURCE: renameat2() (RENAME_NOREPLACE, RENAME_EXCHANGE).
 */
#define _GNU_SOURCE
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "archive.h"
#include "bind.h"
#include "buf.h"
#include "diag.h"
#include "figures.h"
#include "input.h"
#include "json.h"
#include "model.h"
#include "ofiles.h"
#include "outdir.h"
#include "period.h"
#include "report.h"
#include "sha256.h"
#include "tmpl.h"
#include "util.h"

/* A snapshot's folder name: the period with '/' and ' ' as '-'. */
static void
snapshot_name(struct buf *b, const struct period *p)
{
	char	 tmp[32], *c;

	period_canon(p, tmp, sizeof(tmp));
	for (c = tmp; *c != '\0'; c++)
		if (*c == '/' || *c == ' ')
			*c = '-';
	buf_puts(b, tmp);
}

/* A snapshot found in the archive, for the index. */
struct snap {
	char		*name;		/* folder name */
	struct model	*m;
	size_t		 n[4];		/* indicators by status */
	int		 replaced;	/* N of .replaced-N, 0 for current */
};

static int
snap_cmp(const void *a, const void *b)
{
	const struct snap *x = a, *y = b;
	int	 c;

	/* Newest period first; the current one before those it replaced. */
	if ((c = period_cmp(&y->m->report.period, &x->m->report.period)) != 0)
		return c;
	if (x->replaced != y->replaced)
		return x->replaced == 0 ? -1 :
		    y->replaced == 0 ? 1 : y->replaced - x->replaced;
	return strcmp(x->name, y->name);
}

/* Writes archive/index.html from every snapshot's archived input. */
static bool
write_index(const char *archive, const char *tpath, const char *assets,
    struct diag *d)
{
	struct diag	 quiet;
	struct snap	*sn = NULL;
	size_t		 nsn = 0, maxsn = 0, i, k;
	struct tmpl	*t = NULL;
	struct tmpl_ctx	*c = NULL, *it;
	struct buf	 path, html, tmp;
	struct dirent	*de;
	DIR		*dir;
	const char	*rep;
	char		 ptmp[32];
	bool		 ok = false;
	int		 fd;

	buf_init(&path);
	buf_init(&html);
	buf_init(&tmp);
	diag_init(&quiet, NULL, "scorecard");
	if ((t = tmpl_load(tpath, assets, d)) == NULL)
		goto out;
	if ((dir = opendir(archive)) == NULL) {
		diag_msg(d, DIAG_ERROR, archive, 0, 0, "cannot read: %s",
		    strerror(errno));
		goto out;
	}
	while ((de = readdir(dir)) != NULL) {
		struct model	*m;
		struct figures	 f;

		if (de->d_name[0] == '.')
			continue;
		buf_reset(&path);
		buf_printf(&path, "%s/%s/input.json", archive, de->d_name);
		if (access(path.data, R_OK) != 0)
			continue;
		m = model_new();
		if (!json_load(m, path.data, &quiet)) {
			diag_msg(d, DIAG_WARN, path.data, 0, 0, "cannot be "
			    "read any more; left out of the index");
			model_free(m);
			continue;
		}
		model_suppress(m);
		if (nsn == maxsn) {
			maxsn = maxsn == 0 ? 16 : maxsn * 2;
			sn = xreallocarray(sn, maxsn, sizeof(*sn));
		}
		memset(&sn[nsn], 0, sizeof(sn[nsn]));
		sn[nsn].name = xstrdup(de->d_name);
		sn[nsn].m = m;
		if ((rep = strstr(de->d_name, ".replaced-")) != NULL)
			sn[nsn].replaced = atoi(rep + strlen(".replaced-"));
		for (k = 0; k < m->ninds; k++) {
			figures_compute(&m->inds[k], &f);
			sn[nsn].n[f.status]++;
		}
		nsn++;
	}
	closedir(dir);
	if (nsn > 0)
		qsort(sn, nsn, sizeof(*sn), snap_cmp);

	c = tmpl_ctx_new();
	tmpl_ctx_text(c, "generator", "scorecard " VERSION);
	tmpl_ctx_text(c, "organisation", nsn > 0 ?
	    sn[0].m->report.organisation : "");
	buf_reset(&tmp);
	buf_printf(&tmp, "%zu", nsn);
	tmpl_ctx_text(c, "n_snapshots", tmp.data);
	tmpl_ctx_list(c, "snapshots");
	for (i = 0; i < nsn; i++) {
		const struct model *m = sn[i].m;

		it = tmpl_ctx_add(c, "snapshots");
		tmpl_ctx_text(it, "name", sn[i].name);
		buf_reset(&tmp);
		buf_printf(&tmp, "%s/report.html", sn[i].name);
		tmpl_ctx_text(it, "href", tmp.data);
		tmpl_ctx_text(it, "title", m->report.title);
		tmpl_ctx_text(it, "period", period_long(&m->report.period, ptmp,
		    sizeof(ptmp)));
		tmpl_ctx_text(it, "period_iso", m->report.pstr);
		if (m->report.published != NULL)
			tmpl_ctx_text(it, "published", period_long(
			    &m->report.pubperiod, ptmp, sizeof(ptmp)));
		tmpl_ctx_bool(it, "replaced", sn[i].replaced > 0);
		bind_counts(it, sn[i].n);
	}
	if (!tmpl_render(t, c, &html, d))
		goto out;
	/* A new file beside the index, then one rename. */
	buf_reset(&path);
	buf_printf(&path, "%s/.index.html.XXXXXX", archive);
	if ((fd = mkstemp(path.data)) == -1) {
		diag_msg(d, DIAG_ERROR, archive, 0, 0, "cannot write the "
		    "index: %s", strerror(errno));
		goto out;
	}
	close(fd);
	unlink(path.data);
	if (!outdir_write_file(path.data, &html, true, d))
		goto out;
	buf_reset(&tmp);
	buf_printf(&tmp, "%s/index.html", archive);
	if (rename(path.data, tmp.data) == -1) {
		diag_msg(d, DIAG_ERROR, tmp.data, 0, 0, "cannot replace: %s",
		    strerror(errno));
		unlink(path.data);
		goto out;
	}
	ok = outdir_fsync(archive, d);
out:
	for (i = 0; i < nsn; i++) {
		free(sn[i].name);
		model_free(sn[i].m);
	}
	free(sn);
	tmpl_ctx_free(c);
	tmpl_free(t);
	buf_release(&tmp);
	buf_release(&html);
	buf_release(&path);
	return ok;
}

/* Takes the retired mark out of folder dir, never following a link. */
static void
unmark(const char *dir)
{
	int	 fd;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1)
		return;
	unlinkat(fd, OUTDIR_RETIRED, 0);
	close(fd);
}

/*
 * Sets old to the first dest.replaced-N (N up to 999) that does not
 * exist; reports and returns false if there is none.
 */
static bool
free_replaced(const char *dest, struct buf *old, struct diag *d)
{
	struct stat	 st;
	int		 n;

	for (n = 1; n <= 999; n++) {
		buf_reset(old);
		buf_printf(old, "%s.replaced-%d", dest, n);
		if (lstat(old->data, &st) == -1 && errno == ENOENT)
			return true;
	}
	diag_msg(d, DIAG_ERROR, dest, 0, 0, "999 earlier snapshots are kept "
	    "beside it; no name is left for another");
	return false;
}

/*
 * Renames the folder from (a snapshot set aside) to old, a name
 * free_replaced() found (the archive's lock keeps it free), and takes
 * its retired mark away.
 */
static bool
keep_replaced(const char *from, const char *old, struct diag *d)
{
	if (renameat2(AT_FDCWD, from, AT_FDCWD, old, RENAME_NOREPLACE) ==
	    -1) {
		diag_msg(d, DIAG_ERROR, from, 0, 0, "cannot rename to %s: %s",
		    old, strerror(errno));
		return false;
	}
	/* Only once it is in place: a mark never goes missing early. */
	unmark(old);
	return true;
}

/*
 * Puts the retired mark (OUTDIR_RETIRED) in the snapshot folder dir, on
 * the disk before it returns.  Anything but a folder (a link planted in
 * the archive) is not ours to keep and gets no mark: it is never
 * followed.
 */
static bool
mark_retired(const char *dir, struct diag *d)
{
	int	 fd, mfd = -1;
	bool	 ok;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1) {
		if (errno == ELOOP || errno == ENOTDIR)
			return true;
		diag_msg(d, DIAG_ERROR, dir, 0, 0, "cannot open it to mark "
		    "it as replaced: %s", strerror(errno));
		return false;
	}
	ok = (mfd = openat(fd, OUTDIR_RETIRED, O_WRONLY | O_CREAT |
	    O_NOFOLLOW | O_CLOEXEC, 0644)) != -1 && fsync(mfd) == 0 &&
	    (fsync(fd) == 0 || errno == EINVAL);
	if (!ok)
		diag_msg(d, DIAG_ERROR, dir, 0, 0, "cannot mark it as "
		    "replaced (--replace writes an empty " OUTDIR_RETIRED
		    " in the old snapshot's folder): %s", strerror(errno));
	if (mfd != -1)
		close(mfd);
	close(fd);
	return ok;
}

/*
 * Under the archive's lock, so no other run is at work in it: puts
 * right what killed runs left.  A temporary snapshot folder with the
 * retired mark holds a published snapshot set aside by --replace: it
 * is kept as <period>.replaced-N.  A mark left in a snapshot (killed just
 * before the exchange) is taken away; an unfinished index is removed.
 * Temporary folders without a mark are outdir_tmp_sweep()'s.
 */
static size_t
archive_recover(const char *archive, struct diag *d)
{
	struct dirent	*de;
	struct buf	 path, dest, old;
	DIR		*dp;
	size_t		 len, kept = 0;
	int		 fd;

	if ((dp = opendir(archive)) == NULL)
		return 0;
	buf_init(&path);
	buf_init(&dest);
	buf_init(&old);
	while ((de = readdir(dp)) != NULL) {
		const char *nm = de->d_name;

		len = strlen(nm);
		if (strncmp(nm, ".index.html.", 12) == 0 && len == 18) {
			unlinkat(dirfd(dp), nm, 0);
			continue;
		}
		if (strcmp(nm, ".") == 0 || strcmp(nm, "..") == 0 ||
		    (fd = openat(dirfd(dp), nm, O_RDONLY | O_DIRECTORY |
		    O_NOFOLLOW | O_CLOEXEC)) == -1)
			continue;
		if (nm[0] != '.') {
			/* See mark_retired(). */
			unlinkat(fd, OUTDIR_RETIRED, 0);
			close(fd);
			continue;
		}
		if (len > 12 && strncmp(nm + len - 11, ".tmp-", 5) == 0 &&
		    faccessat(fd, OUTDIR_RETIRED, F_OK,
		    AT_SYMLINK_NOFOLLOW) == 0 &&
		    flock(fd, LOCK_EX | LOCK_NB) == 0) {
			buf_reset(&path);
			buf_printf(&path, "%s/%s", archive, nm);
			buf_reset(&dest);
			buf_printf(&dest, "%s/%.*s", archive,
			    (int)(len - 12), nm + 1);
			if (free_replaced(dest.data, &old, d) &&
			    keep_replaced(path.data, old.data, d)) {
				diag_msg(d, DIAG_WARN, old.data, 0, 0, "kept: "
				    "an interrupted --replace had set it "
				    "aside as %s", path.data);
				kept++;
			}
		}
		close(fd);
	}
	closedir(dp);
	buf_release(&path);
	buf_release(&dest);
	buf_release(&old);
	return kept;
}

enum report_status
archive_snapshot(const struct report_opts *o, const char *archive,
    const char *index_template, bool replace, struct diag *d)
{
	struct model	*m;
	struct ofiles	 of = { NULL, 0, 0 };
	struct report_opts ao;
	struct input	 in;
	struct buf	 name, dest, tmp, old, equiv, *man;
	enum report_status rc;
	struct outdir_made	 md = { NULL, 0 };
	struct stat	 st;
	char		 hex[65], *adir = NULL;
	size_t		 i, len;
	int		 lock = -1, alock = -1;

	m = model_new();
	buf_init(&equiv);
	buf_init(&name);
	buf_init(&dest);
	buf_init(&tmp);
	buf_init(&old);
	if (!input_read(&in, o->input, d)) {
		rc = REPORT_INPUT;
		goto out;
	}
	/* The last report is this archive's, always. */
	ao = *o;
	if (ao.history == NULL) {
		ao.history = archive;
		ao.history_optional = true;
	}
	if ((rc = report_build(&ao, &in, m, &of, &equiv, d)) != REPORT_OK)
		goto out;
	/* The input byte for byte; beside a spreadsheet, its JSON, which
	 * the index and a later render read without a spreadsheet reader. */
	if (in.kind == INPUT_JSON)
		buf_put(ofiles_add(&of, "input.json"), in.data.data,
		    in.data.len);
	else {
		buf_printf(&tmp, "input.%s", input_ext(in.kind));
		buf_put(ofiles_add(&of, tmp.data), in.data.data, in.data.len);
		buf_reset(&tmp);
		buf_put(ofiles_add(&of, "input.json"), equiv.data, equiv.len);
	}
	/* The manifest: every file's SHA-256, sorted by name. */
	qsort(of.f, of.n, sizeof(*of.f), ofiles_cmp);
	man = ofiles_add(&of, "MANIFEST.sha256");
	for (i = 0; i + 1 < of.n; i++) {
		sha256_hex(of.f[i].data.data, of.f[i].data.len, hex);
		buf_printf(man, "%s  %s\n", hex, of.f[i].name);
	}

	rc = REPORT_OUTPUT;
	snapshot_name(&name, &m->report.period);
	buf_printf(&dest, "%s/%s", archive, name.data);
	buf_printf(&tmp, "%s/", archive);
	/* The archive itself is never a link (OUTDIR_LINK_REFUSED). */
	len = strlen(archive);
	while (len > 1 && archive[len - 1] == '/')
		len--;
	adir = xstrndup(archive, len);
	if (lstat(adir, &st) == 0 && S_ISLNK(st.st_mode)) {
		diag_msg(d, DIAG_ERROR, archive, 0, 0, OUTDIR_LINK_REFUSED);
		goto out;
	}
	if (!outdir_mkparents(tmp.data, &md, d))
		goto out;
	/* One run at a time in an archive. */
	if ((alock = open(adir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1) {
		diag_msg(d, DIAG_ERROR, archive, 0, 0, "cannot open: %s",
		    errno == ELOOP ? OUTDIR_LINK_REFUSED : strerror(errno));
		goto out;
	}
	if (flock(alock, LOCK_EX | LOCK_NB) == -1) {
		diag_msg(d, DIAG_ERROR, archive, 0, 0, errno == EWOULDBLOCK ?
		    "another scorecard run is archiving into it; try again "
		    "when it has finished" : "cannot lock: %s",
		    strerror(errno));
		goto out;
	}
	/* A snapshot kept is listed at once, whatever this run does. */
	if (archive_recover(archive, d) > 0 && (!outdir_fsync(archive, d) ||
	    !write_index(archive, index_template, o->assets, d)))
		goto out;
	buf_reset(&tmp);
	buf_printf(&tmp, ".%s.tmp-", name.data);
	outdir_tmp_sweep(archive, tmp.data, d);
	buf_reset(&tmp);
	buf_printf(&tmp, "%s/.%s.tmp-XXXXXX", archive, name.data);
	if ((lock = outdir_tmp_make(&tmp, d)) < 0) {
		if (lock == -1)
			diag_msg(d, DIAG_ERROR, archive, 0, 0, "cannot create "
			    "a folder in it: %s", strerror(errno));
		goto out;
	}
	/* The archive is the record: every byte on the disk before the
	 * snapshot is renamed into place, and the rename too. */
	if (!outdir_write_tree(tmp.data, &of, true, d))
		goto fail;
	if (renameat2(AT_FDCWD, tmp.data, AT_FDCWD, dest.data,
	    RENAME_NOREPLACE) == -1) {
		if (errno != EEXIST && errno != ENOTEMPTY) {
			diag_msg(d, DIAG_ERROR, dest.data, 0, 0, "cannot "
			    "rename into place: %s", strerror(errno));
			goto fail;
		}
		if (!replace) {
			diag_msg(d, DIAG_ERROR, dest.data, 0, 0, "a snapshot "
			    "of %s is already archived and is never "
			    "overwritten (use --replace to archive this one "
			    "and keep the old one beside it)", m->report.pstr);
			goto fail;
		}
		/*
		 * Mark the old one, swap the two in one step (the period's
		 * name never goes missing), then rename the old one aside.
		 * Killed after the swap, the next run finds the mark and
		 * keeps the old one (archive_recover()).
		 */
		/* A name for the old one first: nothing is swapped unless
		 * it can be put aside. */
		if (!free_replaced(dest.data, &old, d) ||
		    !mark_retired(dest.data, d))
			goto fail;
		if (renameat2(AT_FDCWD, tmp.data, AT_FDCWD, dest.data,
		    RENAME_EXCHANGE) == -1) {
			diag_msg(d, DIAG_ERROR, dest.data, 0, 0, "cannot "
			    "replace: %s", strerror(errno));
			unmark(dest.data);
			goto fail;
		}
		/* tmp now holds the old snapshot: never removed from here. */
		if (!outdir_fsync(archive, d))
			goto out;
		if (!keep_replaced(tmp.data, old.data, d)) {
			diag_msg(d, DIAG_ERROR, tmp.data, 0, 0, "the earlier "
			    "snapshot is left here, marked; the next archive "
			    "run keeps it as %s.replaced-N", name.data);
			goto out;
		}
		diag_msg(d, DIAG_WARN, dest.data, 0, 0, "replaced; the "
		    "earlier snapshot is kept as %s", old.data);
	}
	if (!outdir_fsync(archive, d))
		goto out;
	rc = write_index(archive, index_template, o->assets, d) ?
	    REPORT_OK : REPORT_OUTPUT;
	goto out;
fail:
	outdir_rm_tree(tmp.data);
out:
	if (lock >= 0)
		close(lock);
	if (alock >= 0)
		close(alock);
	/* Folders this run made and left empty go if it failed. */
	outdir_made_release(&md, rc != REPORT_OK);
	free(adir);
	buf_release(&old);
	buf_release(&tmp);
	buf_release(&dest);
	buf_release(&name);
	buf_release(&equiv);
	input_release(&in);
	ofiles_release(&of);
	model_free(m);
	return rc;
}
