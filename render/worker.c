/*
 * worker: a thread with its own struct draw running queued jobs in
 * order (see worker.h).  The queue is an array that only grows: a
 * render queues a few dozen jobs.  The drawing context is made and
 * freed on the worker's own thread, which is the only one to use it.
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "draw.h"
#include "util.h"
#include "worker.h"

struct job {
	worker_fn	 fn;
	void		*arg;
};

struct worker {
	pthread_t	 thread;
	bool		 threaded;	/* else jobs run when queued */
	struct draw	*dr;		/* without a thread: the caller's */
	pthread_mutex_t	 lock;		/* guards everything below */
	pthread_cond_t	 work;		/* a job queued, or quit */
	pthread_cond_t	 idle;		/* a job done, or ready */
	struct job	*jobs;
	size_t		 n, max;
	size_t		 next;		/* the next job to run */
	size_t		 done;		/* jobs run */
	size_t		 ready;		/* worker_ready() calls */
	bool		 quit;
};

static void *
loop(void *arg)
{
	struct worker	*w = arg;
	struct draw	*dr = draw_new();
	struct job	 j;

	pthread_mutex_lock(&w->lock);
	for (;;) {
		while (!w->quit && w->next == w->n)
			pthread_cond_wait(&w->work, &w->lock);
		if (w->quit)
			break;
		j = w->jobs[w->next++];
		pthread_mutex_unlock(&w->lock);
		j.fn(dr, j.arg);
		pthread_mutex_lock(&w->lock);
		w->done++;
		pthread_cond_broadcast(&w->idle);
	}
	pthread_mutex_unlock(&w->lock);
	draw_free(dr);
	return NULL;
}

struct worker *
worker_new(void)
{
	struct worker	*w;

	w = xcalloc(1, sizeof(*w));
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->work, NULL);
	pthread_cond_init(&w->idle, NULL);
	w->threaded = pthread_create(&w->thread, NULL, loop, w) == 0;
	return w;
}

void
worker_run(struct worker *w, worker_fn fn, void *arg)
{
	if (!w->threaded) {
		if (w->dr == NULL)
			w->dr = draw_new();
		fn(w->dr, arg);
		return;
	}
	pthread_mutex_lock(&w->lock);
	if (w->n == w->max) {
		w->max = w->max == 0 ? 64 : w->max * 2;
		w->jobs = xreallocarray(w->jobs, w->max, sizeof(*w->jobs));
	}
	w->jobs[w->n].fn = fn;
	w->jobs[w->n++].arg = arg;
	pthread_cond_signal(&w->work);
	pthread_mutex_unlock(&w->lock);
}

void
worker_wait_first(struct worker *w, size_t n)
{
	if (!w->threaded)
		return;
	pthread_mutex_lock(&w->lock);
	while (w->done < n && w->done < w->n)
		pthread_cond_wait(&w->idle, &w->lock);
	pthread_mutex_unlock(&w->lock);
}

void
worker_ready(struct worker *w)
{
	if (!w->threaded)
		return;
	pthread_mutex_lock(&w->lock);
	w->ready++;
	pthread_cond_broadcast(&w->idle);
	pthread_mutex_unlock(&w->lock);
}

void
worker_wait_ready(struct worker *w, size_t n)
{
	if (!w->threaded)
		return;
	pthread_mutex_lock(&w->lock);
	while (w->ready < n && w->done < w->n)
		pthread_cond_wait(&w->idle, &w->lock);
	pthread_mutex_unlock(&w->lock);
}

void
worker_wait(struct worker *w)
{
	worker_wait_first(w, SIZE_MAX);
}

void
worker_free(struct worker *w)
{
	if (w == NULL)
		return;
	if (w->threaded) {
		pthread_mutex_lock(&w->lock);
		w->quit = true;
		pthread_cond_signal(&w->work);
		pthread_mutex_unlock(&w->lock);
		pthread_join(w->thread, NULL);
	}
	draw_free(w->dr);
	pthread_mutex_destroy(&w->lock);
	pthread_cond_destroy(&w->work);
	pthread_cond_destroy(&w->idle);
	free(w->jobs);
	free(w);
}
