/*
 * test_memlimit: the room left under a memory limit, and the message of
 * a refusal.  The limits are set in forked children (a limit cannot be
 * raised again once lowered), each reporting its failures on standard
 * error and by its exit status.
 */
#include <sys/resource.h>
#include <sys/wait.h>

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "diag.h"
#include "memlimit.h"

#include "../harness.h"

static void
test_fits(void)
{
	struct memroom	 r = { 100, 40, "ulimit -v" };

	OK(memlimit_fits(&r, 0));
	OK(memlimit_fits(&r, 60));
	OK(!memlimit_fits(&r, 61));
	OK(!memlimit_fits(&r, UINT64_MAX));
	/* Already past the limit: nothing more fits. */
	r.used = 120;
	OK(!memlimit_fits(&r, 0));
	OK(!memlimit_fits(&r, 1));
	r.limit = UINT64_MAX;
	r.used = 1;
	OK(memlimit_fits(&r, UINT64_MAX - 1));
	OK(!memlimit_fits(&r, UINT64_MAX));
}

/* Runs fn in a child; its exit status says whether its checks passed. */
static void
in_child(void (*fn)(void))
{
	pid_t	 pid;
	int	 st;

	fflush(NULL);
	if ((pid = fork()) == -1) {
		OK(pid != -1);
		return;
	}
	if (pid == 0) {
		fn();
		fflush(NULL);
		_exit(harness_fail == 0 ? 0 : 1);
	}
	OK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) &&
	    WEXITSTATUS(st) == 0);
}

/* The address space in use, in bytes, as memlimit reads it. */
static uint64_t
vmsize(void)
{
	FILE		*f = fopen("/proc/self/statm", "r");
	unsigned long	 pages = 0;

	if (f != NULL) {
		if (fscanf(f, "%lu", &pages) != 1)
			pages = 0;
		fclose(f);
	}
	return (uint64_t)pages * (uint64_t)sysconf(_SC_PAGESIZE);
}

/* ulimit -v at what is in use plus 256 MB. */
static void
child_limited(void)
{
	struct memroom	 r;
	struct rlimit	 rl;
	struct diag	 d;
	char		*msg = NULL;
	size_t		 len = 0;
	FILE		*out;
	uint64_t	 lim = vmsize() + 256u * MEMLIMIT_MB;
	const char	*want = "scorecard: in.json: error: this render needs "
	    "about 1024 MB more memory, but the memory limit (ulimit -v: ";

	OK(vmsize() > 0);
	OK(getrlimit(RLIMIT_AS, &rl) == 0);
	if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < lim)
		return;		/* a tighter limit set outside: kept */
	rl.rlim_cur = (rlim_t)lim;
	OK(setrlimit(RLIMIT_AS, &rl) == 0);
	OK(memlimit_room(&r));
	STR_EQ(r.name, "ulimit -v");
	INT_EQ(r.limit, lim);
	/* Between the two reads, stdio may have mapped a page or two. */
	OK(r.used <= r.limit && r.limit - r.used > 200u * MEMLIMIT_MB &&
	    r.limit - r.used <= 256u * MEMLIMIT_MB);

	out = open_memstream(&msg, &len);
	OK(out != NULL);
	if (out == NULL)
		return;
	diag_init(&d, out, "scorecard");
	OK(memlimit_check(MEMLIMIT_MB, "in.json", "this render",
	    "raise the limit", &d));
	INT_EQ(d.nerr, 0);
	OK(!memlimit_check(1024u * MEMLIMIT_MB, "in.json", "this render",
	    "raise the limit", &d));
	INT_EQ(d.nerr, 1);
	fclose(out);
	OK(msg != NULL && strncmp(msg, want, strlen(want)) == 0);
	OK(msg != NULL && len > 18 && strstr(msg, " MB) leaves ") != NULL &&
	    strcmp(msg + len - 18, "; raise the limit\n") == 0);
	if (harness_fail > 0 && msg != NULL)
		fprintf(stderr, "message: %s", msg);
	free(msg);
}

/* A check on another thread, while this one holds. */
struct waiter {
	atomic_bool	 done;
	bool		 ok;
};

static void *
waiter(void *arg)
{
	struct waiter	*w = arg;
	struct diag	 d;

	diag_init(&d, NULL, "scorecard");
	w->ok = memlimit_check(100u * MEMLIMIT_MB, "in.json", "qpdf", "",
	    &d);
	atomic_store(&w->done, true);
	return NULL;
}

/*
 * With 256 MB left, 200 MB held here: a check of 100 MB on another
 * thread waits until they are given back, then passes; a check of what
 * will never fit is refused at once when nothing is held.
 */
static void
child_hold(void)
{
	struct memhold	 h = { 0 };
	struct waiter	 w;
	struct rlimit	 rl;
	struct diag	 d;
	pthread_t	 t;
	uint64_t	 lim;

	/* The thread's stack and arena first, then the limit. */
	atomic_init(&w.done, false);
	w.ok = false;
	OK(getrlimit(RLIMIT_AS, &rl) == 0);
	lim = vmsize() + 256u * MEMLIMIT_MB + 16u * MEMLIMIT_MB;
	if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < lim)
		return;
	rl.rlim_cur = (rlim_t)lim;
	OK(setrlimit(RLIMIT_AS, &rl) == 0);
	memlimit_hold(&h, 200u * MEMLIMIT_MB);
	INT_EQ(h.n, 200u * MEMLIMIT_MB);
	if (pthread_create(&t, NULL, waiter, &w) != 0) {
		memlimit_give(&h);
		return;
	}
	nanosleep(&(struct timespec){ 0, 100000000 }, NULL);
	OK(!atomic_load(&w.done));	/* waiting for what is held */
	memlimit_give(&h);
	INT_EQ(h.n, 0);
	memlimit_give(&h);		/* nothing: does nothing */
	OK(pthread_join(t, NULL) == 0);
	OK(atomic_load(&w.done));
	OK(w.ok);
	diag_init(&d, NULL, "scorecard");
	OK(!memlimit_check(1024u * MEMLIMIT_MB, "in.json", "qpdf", "", &d));
	INT_EQ(d.nerr, 1);
}

/* No limit (when none is set beyond reach): nothing is refused. */
static void
child_unlimited(void)
{
	struct memroom	 r;
	struct rlimit	 as, ds;
	struct diag	 d;

	OK(getrlimit(RLIMIT_AS, &as) == 0 && getrlimit(RLIMIT_DATA, &ds) == 0);
	if (as.rlim_max != RLIM_INFINITY || ds.rlim_max != RLIM_INFINITY)
		return;
	as.rlim_cur = ds.rlim_cur = RLIM_INFINITY;
	OK(setrlimit(RLIMIT_AS, &as) == 0 && setrlimit(RLIMIT_DATA, &ds) == 0);
	OK(!memlimit_room(&r));
	diag_init(&d, NULL, "scorecard");
	OK(memlimit_check(UINT64_MAX, "in.json", "this render", "", &d));
	INT_EQ(d.nerr, 0);
}

/* ulimit -d tighter than ulimit -v: the message names ulimit -d. */
static void
child_data(void)
{
	struct memroom	 r;
	struct rlimit	 rl;

	OK(getrlimit(RLIMIT_DATA, &rl) == 0);
	/* Far below what is in use: the room is nothing. */
	rl.rlim_cur = 4096;
	if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < rl.rlim_cur)
		return;
	OK(setrlimit(RLIMIT_DATA, &rl) == 0);
	OK(memlimit_room(&r));
	STR_EQ(r.name, "ulimit -d");
	INT_EQ(r.limit, 4096);
	OK(!memlimit_fits(&r, 1));
}

int
main(void)
{
	test_fits();
	in_child(child_limited);
	in_child(child_unlimited);
	in_child(child_data);
	in_child(child_hold);
	return harness_done();
}
