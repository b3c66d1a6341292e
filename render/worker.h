/*
 * worker: a thread of its own, with a drawing context of its own (Pango
 * wants one font map a thread), that runs jobs in the order they were
 * queued.  A render draws its charts' PNGs and PDFs on one worker and
 * typesets report.pdf on another, so that on a machine of two cores or
 * more they overlap each other and the main thread's template.
 *
 * A job gets the worker's struct draw and its argument; it reports its
 * own errors (a struct diag of its own, whose counts the caller adds
 * once it has waited) and must not touch what the queuing thread may
 * change meanwhile.  Its argument belongs to the caller and must live
 * until worker_wait() or worker_free() returns.  If no thread can be
 * started, each job runs on the caller's thread when it is queued.
 */
#ifndef WORKER_H
#define WORKER_H

#include <stddef.h>

#include "draw.h"

struct worker;

typedef void	(*worker_fn)(struct draw *dr, void *arg);

/* A new worker, its thread started; worker_free() it. */
struct worker	*worker_new(void);
/* Queues fn(dr, arg) after every job queued before it. */
void		 worker_run(struct worker *w, worker_fn fn, void *arg);
/* Waits until every job queued so far has run. */
void		 worker_wait(struct worker *w);
/* Waits until the first n jobs queued have run. */
void		 worker_wait_first(struct worker *w, size_t n);
/*
 * Called by a running job of w: its result is complete, though the job
 * goes on (freeing what it used).  worker_wait_ready() then returns.
 */
void		 worker_ready(struct worker *w);
/*
 * Waits until jobs of w have called worker_ready() n times in all, or
 * every job queued so far has run (its result then is whatever the job
 * left).
 */
void		 worker_wait_ready(struct worker *w, size_t n);
/*
 * Drops the jobs not yet started, waits for the one running, ends the
 * thread and frees w (NULL: nothing).
 */
void		 worker_free(struct worker *w);

#endif
