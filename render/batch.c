/*
 * batch: worker processes rather than threads.  Cairo is happy on
 * threads, but Pango wants a font map per thread and libxml2 keeps some
 * global handlers; processes share nothing by accident, and each worker's
 * memory is that of one render at a time, whatever the number of inputs.
 *
 * Workers take the next input from a counter in shared memory, so a slow
 * input does not hold up a fixed share of the others, and report each
 * result as one byte on a pipe, which the parent counts for the progress
 * line.  Messages go straight to standard error, one whole line per
 * write (diag), so lines from different workers do not interleave.
 *
 * All or nothing: the workers render every input into a staging folder
 * inside the output folder (outdir_stage(): DIR/.tmp-XXXXXX, locked by
 * this process for as long as the run lives, so that no other run
 * sweeps it away), each in DIR/.tmp-XXXXXX/<name>; only if every one
 * passes does this process swap each into place as DIR/<name>
 * (outdir_swap()), then remove the staging folder with the renders it
 * replaced.  Each input is read, checked and filled once: the check
 * round that used to come first, filling every template a second time,
 * is gone (24 generated authorities of 40 indicators, -j 2 --no-pdf:
 * 3.4 s of user CPU against 4.2 s).  Memory stays that of one render a
 * worker (40 MB at most a process, as before): what is done waits on
 * the disk, not in memory.
 */
/* MAP_ANONYMOUS is outside POSIX 2008. */
#define _DEFAULT_SOURCE
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"
#include "buf.h"
#include "diag.h"
#include "outdir.h"
#include "report.h"
#include "util.h"

/* The output folder name of an input: its file name less ".json",
 * ".xlsx" or ".csv". */
static char *
outname(const char *input)
{
	const char	*base = strrchr(input, '/');
	size_t		 len;

	base = base == NULL ? input : base + 1;
	len = strlen(base);
	if (len > 5 && (strcmp(base + len - 5, ".json") == 0 ||
	    strcmp(base + len - 5, ".xlsx") == 0))
		len -= 5;
	else if (len > 4 && strcmp(base + len - 4, ".csv") == 0)
		len -= 4;
	return xstrndup(base, len);
}

/* What a worker says of one input. */
struct result {
	size_t		 i;		/* the input's index */
	int		 status;	/* its enum report_status */
};

/* Not done yet, in the table of results. */
#define	NOT_DONE	(-1)

static void
worker(const struct report_opts *base, char *const *inputs, char **names,
    size_t n, const char *outdir, atomic_size_t *next, int fd)
{
	struct report_opts o = *base;
	struct diag	 d;
	struct buf	 dir, stage;
	struct result	 res;
	size_t		 i;

	diag_init(&d, stderr, "scorecard");
#ifdef M_ARENA_MAX
	/*
	 * One malloc arena for the render's threads: with one each (glibc's
	 * default), each kept what it had freed, and a worker's memory grew
	 * with the inputs it rendered (44 MB after 10, 53 MB after 100;
	 * 44 MB for all 153 with one arena, in the same time).
	 */
	(void)mallopt(M_ARENA_MAX, 1);
#endif
	buf_init(&dir);
	buf_init(&stage);
	while ((i = atomic_fetch_add(next, 1)) < n) {
		buf_reset(&dir);
		buf_printf(&dir, "%s/%s", outdir, names[i]);
		buf_reset(&stage);
		buf_printf(&stage, "%s/%s", base->stage, names[i]);
		o.input = inputs[i];
		o.outdir = dir.data;
		o.stage = stage.data;
		memset(&res, 0, sizeof(res));
		res.i = i;
		/* Its files named in its folder: "out/lac-1/report.pdf". */
		d.within = dir.data;
		res.status = (int)report_render(&o, &d);
		d.within = NULL;
		/* One write under PIPE_BUF: results never interleave. */
		if (write(fd, &res, sizeof(res)) != (ssize_t)sizeof(res))
			break;
	}
	buf_release(&stage);
	buf_release(&dir);
}

/*
 * Every input through report_render() per base into base->stage, on
 * jobs workers; each input's status into st[] (NOT_DONE if a worker
 * stopped first).  Returns the worst status.
 */
static enum report_status
run_round(const struct report_opts *base, char *const *inputs, char **names,
    size_t n, const char *outdir, int jobs, int *st, struct diag *d)
{
	enum report_status worst = REPORT_OK;
	atomic_size_t	*next;
	struct result	 res;
	size_t		 i, got = 0, done = 0, failed = 0;
	pid_t		*pids;
	int		 fds[2], k, status;
	bool		 tty = isatty(STDERR_FILENO);
	const char	*verb = "rendered";
	ssize_t		 r;

	next = mmap(NULL, sizeof(*next), PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (next == MAP_FAILED || pipe(fds) == -1) {
		diag_msg(d, DIAG_ERROR, NULL, 0, 0, "cannot start workers: %s",
		    strerror(errno));
		if (next != MAP_FAILED)
			munmap(next, sizeof(*next));
		return REPORT_OUTPUT;
	}
	atomic_init(next, 0);
	for (i = 0; i < n; i++)
		st[i] = NOT_DONE;
	fflush(NULL);
	pids = xcalloc((size_t)jobs, sizeof(*pids));
	for (k = 0; k < jobs; k++) {
		if ((pids[k] = fork()) == -1) {
			diag_msg(d, DIAG_ERROR, NULL, 0, 0, "cannot start a "
			    "worker: %s", strerror(errno));
			worst = REPORT_OUTPUT;
			break;
		}
		if (pids[k] == 0) {
			/* The parent's: a worker needs neither. */
			free(pids);
			free(st);
			close(fds[0]);
			worker(base, inputs, names, n, outdir, next, fds[1]);
			close(fds[1]);
			fflush(NULL);
			_exit(0);
		}
	}
	close(fds[1]);
	while ((r = read(fds[0], (char *)&res + got, sizeof(res) - got)) != 0) {
		if (r == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		if ((got += (size_t)r) < sizeof(res))
			continue;
		got = 0;
		if (res.i >= n || res.status < REPORT_OK ||
		    res.status > REPORT_OUTPUT || st[res.i] != NOT_DONE)
			continue;	/* cannot happen: our own workers */
		st[res.i] = res.status;
		done++;
		if (res.status > (int)worst)
			worst = (enum report_status)res.status;
		if (res.status != REPORT_OK)
			failed++;
		if (tty)
			fprintf(stderr, "\rscorecard: %s %zu of %zu%s", verb,
			    done, n, failed > 0 ? " (some failed)" : "");
	}
	close(fds[0]);
	if (tty)
		fputc('\n', stderr);
	for (k = 0; k < jobs && pids[k] > 0; k++)
		while (waitpid(pids[k], &status, 0) == -1 && errno == EINTR)
			continue;
	free(pids);
	munmap(next, sizeof(*next));
	if (done < n) {
		diag_msg(d, DIAG_ERROR, NULL, 0, 0, "%zu of %zu inputs were "
		    "not %s: a worker stopped", n - done, n, verb);
		worst = REPORT_OUTPUT;
	}
	return worst;
}

/*
 * Appends to b the inputs that failed (st[] not REPORT_OK, or not done),
 * or those that did not, at most 10 named; returns how many.
 */
static size_t
list_inputs(struct buf *b, char *const *inputs, size_t n, const int *st,
    bool failed)
{
	size_t	 i, k = 0;

	for (i = 0; i < n; i++) {
		if ((st[i] != REPORT_OK) != failed)
			continue;
		if (k < 10)
			buf_printf(b, "%s%s", k == 0 ? "" : ", ", inputs[i]);
		k++;
	}
	if (k > 10)
		buf_printf(b, " and %zu more", k - 10);
	return k;
}

/*
 * The run's last line: which inputs were rendered and which failed.
 * After the check round failed, none was written.
 */
static void
summarise(char *const *inputs, char **names, size_t n, const char *outdir,
    const int *st, bool checked)
{
	struct buf	 ok, bad;
	size_t		 nok, nbad, i;

	buf_init(&ok);
	buf_init(&bad);
	nok = list_inputs(&ok, inputs, n, st, false);
	nbad = list_inputs(&bad, inputs, n, st, true);
	if (nbad == 0) {
		buf_reset(&ok);
		for (i = 0; i < n && i < 10; i++)
			buf_printf(&ok, "%s%s/", i == 0 ? "" : ", ",
			    names[i]);
		if (n > 10)
			buf_printf(&ok, " and %zu more", n - 10);
		fprintf(stderr, "scorecard: rendered all %zu inputs into %s/: "
		    "%s\n", n, outdir, ok.data);
	} else if (!checked)
		fprintf(stderr, "scorecard: rendered none of %zu inputs; "
		    "failed: %s%s%s\n", n, bad.data, nok > 0 ?
		    "; passed the check, not written: " : "",
		    nok > 0 ? ok.data : "");
	else
		fprintf(stderr, "scorecard: rendered %zu of %zu inputs%s%s; "
		    "failed: %s\n", nok, n, nok > 0 ? ": " : "", ok.data,
		    bad.data);
	buf_release(&ok);
	buf_release(&bad);
}

enum report_status
batch_render(const struct report_opts *base, char *const *inputs, size_t n,
    const char *outdir, int jobs, struct diag *d)
{
	enum report_status worst = REPORT_OK;
	struct report_opts o = *base;
	struct outdir_made md = { NULL, 0 };
	struct stat	 st;
	struct buf	 stage, staged, dest;
	char		**names;
	int		*status = NULL, lock = -1;
	bool		 checked = false;
	size_t		 i, j, nin = 0;

	buf_init(&stage);
	buf_init(&staged);
	buf_init(&dest);

	names = xcalloc(n, sizeof(*names));
	for (i = 0; i < n; i++) {
		names[i] = outname(inputs[i]);
		if (names[i][0] == '\0' || strcmp(names[i], ".") == 0 ||
		    strcmp(names[i], "..") == 0) {
			diag_msg(d, DIAG_ERROR, inputs[i], 0, 0, "cannot be "
			    "named as an output folder");
			worst = REPORT_INPUT;
		}
		/* Read twice, checked then rendered: a pipe would be empty. */
		if (strcmp(inputs[i], "-") == 0 || (stat(inputs[i], &st) == 0 &&
		    S_ISFIFO(st.st_mode))) {
			diag_msg(d, DIAG_ERROR, inputs[i], 0, 0, "is a pipe: "
			    "with several inputs each is read twice (checked, "
			    "then rendered), so each must be a regular file");
			worst = REPORT_INPUT;
		}
		for (j = 0; j < i; j++)
			if (strcmp(names[i], names[j]) == 0) {
				diag_msg(d, DIAG_ERROR, inputs[i], 0, 0,
				    "would render into %s/%s, as %s does: "
				    "rename one", outdir, names[i], inputs[j]);
				worst = REPORT_INPUT;
			}
	}
	if (worst != REPORT_OK)
		goto out;
	if (jobs <= 0) {
		long	 cpus = sysconf(_SC_NPROCESSORS_ONLN);

		jobs = cpus > 0 ? (int)cpus : 1;
	}
	if ((size_t)jobs > n)
		jobs = (int)n;
	status = xcalloc(n, sizeof(*status));
	if ((lock = outdir_stage(outdir, &stage, &md, d)) < 0) {
		for (i = 0; i < n; i++)
			status[i] = REPORT_OUTPUT;
		worst = REPORT_OUTPUT;
	} else {
		/* Every input rendered before any is put in place. */
		o.stage = stage.data;
		worst = run_round(&o, inputs, names, n, outdir, jobs, status,
		    d);
	}
	if (worst == REPORT_OK) {
		checked = true;
		for (i = 0; i < n; i++) {
			buf_reset(&staged);
			buf_printf(&staged, "%s/%s", stage.data, names[i]);
			buf_reset(&dest);
			buf_printf(&dest, "%s/%s", outdir, names[i]);
			if (outdir_swap(staged.data, dest.data, d))
				nin++;
			else
				status[i] = worst = REPORT_OUTPUT;
		}
	}
	if (worst != REPORT_OK || isatty(STDERR_FILENO))
		summarise(inputs, names, n, outdir, status, checked);
out:
	if (lock >= 0) {
		/* What is left: renders not put in place, those replaced. */
		outdir_rm_tree(stage.data);
		close(lock);
	}
	outdir_made_release(&md, nin == 0);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(status);
	buf_release(&dest);
	buf_release(&staged);
	buf_release(&stage);
	return worst;
}
