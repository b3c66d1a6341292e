/*
 * memlimit: the process's memory limits against what it uses (see
 * memlimit.h).  Reads getrlimit() and /proc/self/statm, nothing else;
 * memlimit_room() allocates nothing, so that it can be asked when
 * memory is short (a refusal's message is formatted by diag).  The
 * estimates of what a stage needs are made by the stages' callers
 * (report.c, pdfpost.c), which know what they are about to make.
 *
 * What threads hold is the one piece of state shared by the process,
 * as its limits are: a count under a mutex, and a condition signalled
 * when some of it is given back.
 */
#include <sys/resource.h>

#include <fcntl.h>
#include <pthread.h>
#include <inttypes.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "diag.h"
#include "memlimit.h"

static pthread_mutex_t	 lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t	 given = PTHREAD_COND_INITIALIZER;
static uint64_t		 held;		/* bytes, by every memhold */

/* The soft limit res in bytes, or UINT64_MAX when there is none. */
static uint64_t
limit_of(int res)
{
	struct rlimit	 rl;

	if (getrlimit(res, &rl) == -1 || rl.rlim_cur == RLIM_INFINITY)
		return UINT64_MAX;
	return (uint64_t)rl.rlim_cur;
}

void
memlimit_setup(void)
{
#ifdef M_ARENA_MAX
	if (limit_of(RLIMIT_AS) != UINT64_MAX ||
	    limit_of(RLIMIT_DATA) != UINT64_MAX)
		(void)mallopt(M_ARENA_MAX, 1);
#endif
}

/*
 * The address space (VmSize) and the data (VmData and the stack) in
 * use, in bytes: the first and sixth of /proc/self/statm's counts of
 * pages.  Read with read(2) into the stack: stdio would allocate.
 */
static bool
in_use(uint64_t *size, uint64_t *data)
{
	char		 text[256], *p, *end;
	unsigned long	 v[6];
	long		 page = sysconf(_SC_PAGESIZE);
	ssize_t		 n;
	int		 fd, i;

	if (page <= 0 || (fd = open("/proc/self/statm", O_RDONLY)) == -1)
		return false;
	n = read(fd, text, sizeof(text) - 1);
	close(fd);
	if (n <= 0)
		return false;
	text[n] = '\0';
	for (p = text, i = 0; i < 6; i++, p = end) {
		v[i] = strtoul(p, &end, 10);
		if (end == p)
			return false;
	}
	*size = (uint64_t)v[0] * (uint64_t)page;
	*data = (uint64_t)v[5] * (uint64_t)page;
	return true;
}

bool
memlimit_room(struct memroom *r)
{
	uint64_t	 as = limit_of(RLIMIT_AS), ds = limit_of(RLIMIT_DATA);
	uint64_t	 size, data, asleft, dsleft;

	if ((as == UINT64_MAX && ds == UINT64_MAX) || !in_use(&size, &data))
		return false;
	asleft = as == UINT64_MAX ? UINT64_MAX : as > size ? as - size : 0;
	dsleft = ds == UINT64_MAX ? UINT64_MAX : ds > data ? ds - data : 0;
	if (asleft <= dsleft) {
		r->limit = as;
		r->used = size;
		r->name = "ulimit -v";
	} else {
		r->limit = ds;
		r->used = data;
		r->name = "ulimit -d";
	}
	return true;
}

bool
memlimit_fits(const struct memroom *r, uint64_t need)
{
	return r->used <= r->limit && need <= r->limit - r->used;
}

bool
memlimit_check(uint64_t need, const char *file, const char *what,
    const char *advice, struct diag *d)
{
	struct memroom	 r;
	bool		 ok;

	pthread_mutex_lock(&lock);
	for (;;) {
		if (!memlimit_room(&r)) {
			ok = true;
			break;
		}
		if ((ok = need <= UINT64_MAX - held &&
		    memlimit_fits(&r, need + held)) || held == 0)
			break;
		/* Another thread may still take it: wait until it says. */
		pthread_cond_wait(&given, &lock);
	}
	pthread_mutex_unlock(&lock);
	if (ok)
		return true;
	diag_msg(d, DIAG_ERROR, file, 0, 0, "%s needs about %" PRIu64 " MB "
	    "more memory, but the memory limit (%s: %" PRIu64 " MB) leaves "
	    "%" PRIu64 " MB; %s", what, (need + MEMLIMIT_MB - 1) / MEMLIMIT_MB,
	    r.name, r.limit / MEMLIMIT_MB, r.used < r.limit ?
	    (r.limit - r.used) / MEMLIMIT_MB : 0, advice);
	return false;
}

void
memlimit_hold(struct memhold *h, uint64_t n)
{
	pthread_mutex_lock(&lock);
	held = n <= UINT64_MAX - held ? held + n : UINT64_MAX;
	h->n += n;
	pthread_mutex_unlock(&lock);
}

void
memlimit_give(struct memhold *h)
{
	if (h->n == 0)
		return;
	pthread_mutex_lock(&lock);
	held = held >= h->n ? held - h->n : 0;
	h->n = 0;
	pthread_cond_broadcast(&given);
	pthread_mutex_unlock(&lock);
}
