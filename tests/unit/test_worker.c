/*
 * test_worker: the worker thread (worker.h): jobs run in the order
 * queued, each with the worker's own drawing context, never the
 * caller's; worker_wait() returns only when every job queued has run,
 * worker_wait_first() when the first ones have;
 * worker_free() with jobs queued drops those not started and returns
 * with none running.
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../harness.h"
#include "draw.h"
#include "worker.h"

#define	NJOBS	200

struct rec {
	size_t		 order[NJOBS + 1];	/* job indexes as they ran */
	size_t		 n;		/* only the worker writes */
	struct draw	*dr[NJOBS + 1];
	pthread_t	 self[NJOBS + 1];
};

struct job {
	struct rec	*r;
	size_t		 i;
	bool		 slow;
	bool		 ran;		/* set by the job, last */
};

static void
record(struct draw *dr, void *arg)
{
	struct job	*j = arg;
	struct timespec	 ts = { 0, 20 * 1000 * 1000 };

	if (j->slow)
		nanosleep(&ts, NULL);
	j->r->dr[j->r->n] = dr;
	j->r->self[j->r->n] = pthread_self();
	j->r->order[j->r->n++] = j->i;
	j->ran = true;
}

static void
test_order(void)
{
	struct worker	*w;
	struct rec	*r = calloc(1, sizeof(*r));
	struct job	 j[NJOBS];
	size_t		 i, good = 0;

	w = worker_new();
	for (i = 0; i < NJOBS; i++) {
		j[i].r = r;
		j[i].i = i;
		/* The first slow: the rest queue up behind it. */
		j[i].slow = i == 0;
		worker_run(w, record, &j[i]);
	}
	worker_wait(w);
	INT_EQ(r->n, NJOBS);
	for (i = 0; i < r->n; i++)
		if (r->order[i] == i && r->dr[i] == r->dr[0] &&
		    r->dr[i] != NULL &&
		    pthread_equal(r->self[i], r->self[0]))
			good++;
	INT_EQ(good, NJOBS);
	/* Off the caller's thread (the thread started). */
	OK(!pthread_equal(r->self[0], pthread_self()));
	/* A wait with nothing queued returns; the worker takes more. */
	worker_wait(w);
	j[0].slow = false;
	worker_run(w, record, &j[0]);
	worker_wait(w);
	INT_EQ(r->n, NJOBS + 1);
	OK(r->dr[NJOBS] == r->dr[0]);
	worker_free(w);
	free(r);
}

/* worker_wait_first(): the first jobs have run when it returns. */
static void
test_wait_first(void)
{
	struct worker	*w;
	struct rec	*r = calloc(1, sizeof(*r));
	struct job	 j[3];
	size_t		 i;

	w = worker_new();
	for (i = 0; i < 3; i++) {
		j[i].r = r;
		j[i].i = i;
		j[i].slow = true;
		j[i].ran = false;
		worker_run(w, record, &j[i]);
	}
	/*
	 * Only what the jobs waited for wrote is read: r->n, and a later
	 * job's flag, may be being written by the job still running (a
	 * data race, which ThreadSanitizer reported here).
	 */
	worker_wait_first(w, 1);
	OK(j[0].ran);
	worker_wait_first(w, 2);
	OK(j[1].ran);
	worker_wait_first(w, 10);	/* more than queued: all */
	OK(j[2].ran);
	INT_EQ(r->n, 3);
	worker_free(w);
	free(r);
}

static void
test_free_drops(void)
{
	struct worker	*w;
	struct rec	*r = calloc(1, sizeof(*r));
	struct job	 j[NJOBS];
	size_t		 i, n;

	w = worker_new();
	for (i = 0; i < NJOBS; i++) {
		j[i].r = r;
		j[i].i = i;
		j[i].slow = true;	/* 20 ms each: 4 s for all */
		worker_run(w, record, &j[i]);
	}
	worker_free(w);		/* waits for the one running only */
	n = r->n;
	OK(n < NJOBS);
	/* Nothing runs once worker_free() has returned. */
	{
		struct timespec ts = { 0, 50 * 1000 * 1000 };

		nanosleep(&ts, NULL);
	}
	INT_EQ(r->n, n);
	for (i = 0; i < n; i++)
		INT_EQ(r->order[i], i);
	free(r);
	worker_free(NULL);
}

int
main(void)
{
	test_order();
	test_wait_first();
	test_free_drops();
	draw_cleanup();
	return harness_done();
}
