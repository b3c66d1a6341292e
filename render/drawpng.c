/*
 * drawpng: charts as PNG.  PNG is encoded by pngenc.c, not by Cairo's
 * writer or libpng: see pngenc.h for why.  The pixels are drawn on the
 * caller's thread and encoded on a second one that the struct draw
 * starts at its first PNG.  The pHYs chunk gives the physical size: 96
 * CSS pixels an inch, times the scale.
 */
#define _DEFAULT_SOURCE		/* madvise() */
#include <sys/mman.h>

#include <assert.h>
#include <pthread.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#include "buf.h"
#include "scene.h"
#include "diag.h"
#include "draw.h"
#include "draw-int.h"
#include "pngenc.h"
#include "util.h"

/* Encodes job j: a copy on the thread, the job itself without one. */
static void
encode(struct pngjob *j)
{
	j->ok = pngenc_rgb(j->pix->data, j->w, j->h, (size_t)j->stride,
	    j->ppm, &j->out);
}

/* Records encoded job j as job k and frees its pixels; under the lock. */
static void
job_done(struct draw *dr, size_t k, const struct pngjob *j)
{
	struct pixbuf	*pb = j->pix;

	dr->jobs[k].out = j->out;
	dr->jobs[k].ok = j->ok;
	dr->jobs[k].state = JOB_DONE;
	dr->jobs[k].pix = NULL;
	pb->busy = false;
}

/*
 * The encoding thread: takes queued jobs in ticket order until told to
 * quit.  Only pngenc (pure C, no library state) runs here; Cairo and
 * Pango stay on the caller's thread.  dr->jobs may move while a job is
 * encoded (the caller queues more), so the job is copied out and its
 * result put back under the lock.
 */
static void *
encoder(void *arg)
{
	struct draw	*dr = arg;
	struct pngjob	 j;
	size_t		 k;

	pthread_mutex_lock(&dr->lock);
	for (;;) {
		while (!dr->quit && dr->next == dr->njobs)
			pthread_cond_wait(&dr->work, &dr->lock);
		if (dr->quit)
			break;
		k = dr->next++;
		j = dr->jobs[k];
		pthread_mutex_unlock(&dr->lock);
		encode(&j);
		pthread_mutex_lock(&dr->lock);
		job_done(dr, k, &j);
		pthread_cond_broadcast(&dr->done);
	}
	pthread_mutex_unlock(&dr->lock);
	return NULL;
}

/*
 * A pixel buffer.  On Linux, in 2 MiB huge pages where the kernel
 * allows them (transparent_hugepage "madvise", Debian's default): a
 * 1600x900 chart is 1,400 pages of 4 KiB, each a page fault on first
 * touch, and in a virtual machine a fault costs microseconds (perf:
 * these faults were a tenth of a report's time).
 */
static unsigned char *
pixels_alloc(size_t n)
{
	void	*p;

#ifdef MADV_HUGEPAGE
	if (n >= HUGEPAGE && posix_memalign(&p, HUGEPAGE, n) == 0) {
		(void)madvise(p, n, MADV_HUGEPAGE);
		return p;
	}
#endif
	p = xmalloc(n);
	return p;
}

int
draw_png_start(struct draw *dr, const struct scene *s, double scale,
    const char *file, struct diag *d)
{
	cairo_surface_t	*surf;
	cairo_t		*cr;
	struct pixbuf	*pb;
	struct pngjob	*j;
	size_t		 need;
	int		 w, h, stride, ticket;

	w = (int)ceil(s->w * scale);
	h = (int)ceil(s->h * scale);
	if (w < 1 || h < 1 || w > 8000 || h > 8000) {
		diag_out(d, DIAG_ERROR, file,
		    "chart of %dx%d pixels is out of range", w, h);
		return -1;
	}
	if (!dr->threaded && !dr->quit) {
		/* At the first PNG, so that a process that draws nothing
		 * (batch's parent, before it forks) never has a thread. */
		if (pthread_create(&dr->thread, NULL, encoder, dr) == 0)
			dr->threaded = true;
		else
			dr->quit = true;	/* encode on this thread */
	}

	/* A free pixel buffer: wait for the encoder if both are busy. */
	pthread_mutex_lock(&dr->lock);
	while (dr->pix[0].busy && dr->pix[1].busy)
		pthread_cond_wait(&dr->done, &dr->lock);
	pb = dr->pix[0].busy ? &dr->pix[1] : &dr->pix[0];
	pb->busy = true;
	pthread_mutex_unlock(&dr->lock);

	stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, w);
	need = (size_t)stride * (size_t)h;
	if (need > pb->cap) {
		free(pb->data);
		pb->data = pixels_alloc(need);
		pb->cap = need;
	}
	surf = cairo_image_surface_create_for_data(pb->data,
	    CAIRO_FORMAT_RGB24, w, h, stride);
	cr = cairo_create(surf);
	cairo_scale(cr, scale, scale);
	draw_scene(dr, cr, s, true, false);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
		diag_out(d, DIAG_ERROR, file, "cannot draw chart: %s",
		    cairo_status_to_string(cairo_status(cr)));
		cairo_destroy(cr);
		cairo_surface_destroy(surf);
		pthread_mutex_lock(&dr->lock);
		pb->busy = false;
		pthread_mutex_unlock(&dr->lock);
		return -1;
	}
	cairo_surface_flush(surf);
	cairo_destroy(cr);
	cairo_surface_destroy(surf);

	pthread_mutex_lock(&dr->lock);
	if (dr->njobs == dr->maxjobs) {
		dr->maxjobs = dr->maxjobs == 0 ? 16 : dr->maxjobs * 2;
		dr->jobs = xreallocarray(dr->jobs, dr->maxjobs,
		    sizeof(*dr->jobs));
	}
	ticket = (int)dr->njobs;
	j = &dr->jobs[dr->njobs++];
	memset(j, 0, sizeof(*j));
	j->pix = pb;
	j->w = w;
	j->h = h;
	j->stride = stride;
	/* 96 CSS px an inch, times the scale: pixels per metre. */
	j->ppm = (uint32_t)lround(96.0 * scale / 0.0254);
	buf_init(&j->out);
	j->state = JOB_QUEUED;
	if (dr->threaded)
		pthread_cond_signal(&dr->work);
	else {
		encode(j);
		job_done(dr, (size_t)ticket, j);
		dr->next = dr->njobs;
	}
	pthread_mutex_unlock(&dr->lock);
	return ticket;
}

void
draw_png_inline(struct draw *dr)
{
	if (!dr->threaded)
		dr->quit = true;	/* encode on this thread */
}

bool
draw_png_collect(struct draw *dr, int ticket, const char *file,
    struct buf *out, struct diag *d)
{
	struct pngjob	*j;
	bool		 ok;

	pthread_mutex_lock(&dr->lock);
	assert(ticket >= 0 && (size_t)ticket < dr->njobs);
	while (dr->jobs[ticket].state == JOB_QUEUED)
		pthread_cond_wait(&dr->done, &dr->lock);
	j = &dr->jobs[ticket];
	assert(j->state == JOB_DONE);
	j->state = JOB_COLLECTED;
	ok = j->ok;
	pthread_mutex_unlock(&dr->lock);
	/* The job is done: the encoder no longer touches its buffer. */
	if (ok)
		buf_put(out, j->out.data, j->out.len);
	else
		diag_out(d, DIAG_ERROR, file, "cannot encode PNG");
	buf_release(&j->out);
	return ok;
}

bool
draw_png(struct draw *dr, const struct scene *s, double scale,
    const char *file, struct buf *out, struct diag *d)
{
	int	 t;

	if ((t = draw_png_start(dr, s, scale, file, d)) < 0)
		return false;
	return draw_png_collect(dr, t, file, out, d);
}
