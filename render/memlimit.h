/*
 * memlimit: the memory a render may still take under the process's
 * limits, so that a stage that would pass them is refused, with a
 * message, before it starts.  Several of the libraries on the way do
 * not fail cleanly when memory runs out: libxml2 2.9 goes on with half
 * a tree or crashes, GLib aborts when it cannot start a thread, and
 * qpdf 11's C API throws std::bad_alloc inside its own error handler,
 * which ends the process with SIGABRT.  So a stage is not started
 * unless its estimate (scorecard(1), LIMITS, has the figures) fits in
 * what the limits leave.
 *
 * Stages run at once on several threads (report.pdf is finished while
 * the main thread makes the email): a thread that goes on allocating
 * holds what it may still take (memlimit_hold()), and a check made on
 * another thread counts it; a stage that does not fit while something
 * is held waits for it to be given back, then is checked again against
 * what is in use then.
 *
 * The limits read are RLIMIT_AS ("ulimit -v", against the address
 * space in use) and RLIMIT_DATA ("ulimit -d", against the data in use),
 * both from /proc/self/statm.  A container's memory limit (a cgroup) is
 * not read.
 */
#ifndef MEMLIMIT_H
#define MEMLIMIT_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"

#define	MEMLIMIT_MB	(1024u * 1024u)

struct memroom {
	uint64_t	 limit;		/* bytes: the tighter limit */
	uint64_t	 used;		/* bytes counted against it */
	const char	*name;		/* "ulimit -v" or "ulimit -d" */
};

/*
 * Sets up the allocator for the limits: one malloc arena for every
 * thread.  glibc gives each thread that allocates an arena of its own,
 * reserving 64 MB of address space each: a render's 4 threads took
 * 1,070 MB of address space for 750 MB used (800 MB with one arena),
 * and "ulimit -v" counts what is reserved.  Only under a limit: without
 * one, threads that share an arena wait for each other's malloc, and a
 * render with report.pdf took 8% longer (farm-bench, 21 pairs).  Call
 * once, before any thread starts.
 */
void	memlimit_setup(void);

/*
 * Fills r with the tighter of the process's memory limits and what is
 * counted against it now.  Returns false (r untouched) when neither
 * limit is set, or when what is in use cannot be read (then nothing is
 * refused).
 */
bool	memlimit_room(struct memroom *r);

/*
 * Whether need more bytes fit in r: r->used + need <= r->limit.
 */
bool	memlimit_fits(const struct memroom *r, uint64_t need);

/*
 * Returns true when need more bytes, and what other threads hold, fit
 * under the process's limits (or none is set); when they do not and
 * something is held, waits until it is given back and checks again.
 * Otherwise reports through d, against file (NULL: none), "WHAT needs
 * about N MB more memory, but the memory limit (ulimit -v: L MB) leaves
 * M MB; ADVICE" and returns false.  A thread that holds must not call
 * it (it would wait for itself).
 */
bool	memlimit_check(uint64_t need, const char *file, const char *what,
	    const char *advice, struct diag *d);

/* What a thread holds: memlimit_hold() to memlimit_give(). */
struct memhold {
	uint64_t	 n;		/* bytes; 0: nothing */
};

/*
 * Holds n more bytes in h for a stage under way on this thread, which
 * memlimit_check() on other threads counts as taken until
 * memlimit_give(h).  Checks nothing: the stage was checked first.
 */
void	memlimit_hold(struct memhold *h, uint64_t n);
/* Gives back what h holds (nothing: does nothing). */
void	memlimit_give(struct memhold *h);

#endif
