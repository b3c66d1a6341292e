/*
 * chartfiles: from a chart's scene to its files.  The SVG is written
 * here, on the main thread, since the report holds it inline.  The PNG
 * and the PDF are made by a worker thread, one chart after another in
 * the order they came: it draws a PNG's pixels and queues their
 * encoding (most of a chart's time) to its draw's own thread, then
 * draws the PDF while that runs; with the PDFs (and report.pdf on a
 * worker of its own) it encodes each PNG itself (see chart_job).
 * Once report.pdf is made, its worker draws the charts this one has not
 * started, the last first (chartfiles_help()): a chart is drawn by the
 * thread that claims it, under ch->lock.  chartfiles_collect() has the
 * worker wait for the encodings, then moves each file into the place
 * reserved for it (by index: adding files may move the array).
 *
 * A job's messages go into a memory stream of its own (its diag's out),
 * not to standard error as found: the main thread writes them at
 * collect, chart by chart, so that they come in the charts' order and
 * at the same place among the render's other messages, whichever
 * thread found them and whenever.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chart.h"
#include "chartfiles.h"
#include "diag.h"
#include "draw.h"
#include "ofiles.h"
#include "pdf.h"
#include "scene.h"
#include "svg.h"
#include "util.h"
#include "worker.h"

void
chartfiles_init(struct chartfiles *ch, const char *ownlabel, bool pdf,
    const struct diag *d)
{
	ch->dr = draw_new();
	draw_measure(ch->dr, &ch->ms);
	chart_defaults(&ch->opts);
	ch->opts.ownlabel = ownlabel;
	ch->pdf = pdf;
	diag_init_from(&ch->d0, d);
	pthread_mutex_init(&ch->lock, NULL);
	pthread_cond_init(&ch->idle, NULL);
	ch->lockinit = true;
}

/*
 * Writes what job j said (held since it was queued) where ch's messages
 * go, in one write, and from now on lets it write there itself.  The
 * worker must be done with j.
 */
static void
job_said(struct chartfiles *ch, struct chartjob *j)
{
	if (j->msgf == NULL)
		return;
	fclose(j->msgf);	/* sets msgs and msglen */
	j->msgf = NULL;
	j->d.out = ch->d0.out;
	if (j->msglen > 0 && ch->d0.out != NULL) {
		fwrite(j->msgs, 1, j->msglen, ch->d0.out);
		fflush(ch->d0.out);
	}
	free(j->msgs);
	j->msgs = NULL;
	j->msglen = 0;
}

void
chartfiles_release(struct chartfiles *ch)
{
	struct chartjob	*j;

	/* The worker first: its jobs read the scenes freed below. */
	worker_free(ch->w);
	for (size_t i = 0; i < ch->njobs; i++) {
		j = ch->jobs[i];
		job_said(ch, j);
		scene_release(&j->s);
		buf_release(&j->pngout);
		buf_release(&j->pdfout);
		free(j->pngname);
		free(j->pdfname);
		free(j);
	}
	free(ch->jobs);
	pdf_figures_release(&ch->figs);
	draw_free(ch->dr);
	if (ch->lockinit) {
		pthread_mutex_destroy(&ch->lock);
		pthread_cond_destroy(&ch->idle);
	}
	memset(ch, 0, sizeof(*ch));
}

/* Takes j to draw: false if another thread has. */
static bool
claim(struct chartjob *j)
{
	bool	 mine;

	pthread_mutex_lock(&j->ch->lock);
	mine = !j->claimed;
	j->claimed = true;
	pthread_mutex_unlock(&j->ch->lock);
	return mine;
}

/*
 * On the worker: the chart's PNG, and its PDF, unless chartfiles_help()
 * has claimed it.  The PDFs here, not on the main thread once it has
 * filled the report: there they made three threads share two cores
 * while the two workers ran.
 */
static void
chart_job(struct draw *dr, void *arg)
{
	struct chartjob	*j = arg;

	if (!claim(j))
		return;		/* chartfiles_help() draws it */

	/*
	 * The pixels now; their encoding on the draw's own thread, or with
	 * report.pdf here: report.pdf's worker is then the render's longest
	 * chain, and a third thread of ours would take a share of its core.
	 */
	if (j->pdf)
		draw_png_inline(dr);
	j->ticket = draw_png_start(dr, &j->s, 2, j->pngname, &j->d);
	j->ok = j->ticket >= 0 &&
	    (!j->pdf || draw_pdf(dr, &j->s, j->pdfname, &j->pdfout, &j->d));
}

size_t
chartfiles_help(struct chartfiles *ch, struct draw *dr)
{
	struct chartjob	*j;
	size_t		 i, n = 0;
	int		 ticket;

	for (;;) {
		j = NULL;
		pthread_mutex_lock(&ch->lock);
		for (i = ch->njobs; i > 0 && j == NULL; i--)
			if (!ch->jobs[i - 1]->claimed) {
				j = ch->jobs[i - 1];
				j->claimed = true;
				ch->busy++;
			}
		pthread_mutex_unlock(&ch->lock);
		if (j == NULL)
			return n;
		n++;
		/* As chart_job(), its PNG taken at once (j->ticket stays
		 * -1: collect_job() leaves it alone). */
		draw_png_inline(dr);
		ticket = draw_png_start(dr, &j->s, 2, j->pngname, &j->d);
		j->ok = ticket >= 0 && draw_png_collect(dr, ticket, j->pngname,
		    &j->pngout, &j->d) && (!j->pdf || draw_pdf(dr, &j->s,
		    j->pdfname, &j->pdfout, &j->d));
		pthread_mutex_lock(&ch->lock);
		ch->busy--;
		pthread_cond_broadcast(&ch->idle);
		pthread_mutex_unlock(&ch->lock);
	}
}

/* On the worker, last: every PNG's encoding, waited for there. */
static void
collect_job(struct draw *dr, void *arg)
{
	struct chartfiles *ch = arg;
	struct chartjob	*j;

	for (size_t i = 0; i < ch->njobs; i++) {
		j = ch->jobs[i];
		if (j->ticket >= 0 && !draw_png_collect(dr, j->ticket,
		    j->pngname, &j->pngout, &j->d))
			j->ok = false;
		j->ticket = -1;
	}
}

bool
chartfiles_collect(struct chartfiles *ch, struct ofiles *of, struct diag *d)
{
	struct chartjob	*j;
	bool		 ok = true;

	if (ch->w != NULL) {
		worker_run(ch->w, collect_job, ch);
		worker_wait(ch->w);
	}
	/* The worker has claimed or skipped every chart: those it skipped
	 * are chartfiles_help()'s, done once it is not busy. */
	if (ch->lockinit) {
		pthread_mutex_lock(&ch->lock);
		while (ch->busy > 0)
			pthread_cond_wait(&ch->idle, &ch->lock);
		pthread_mutex_unlock(&ch->lock);
	}
	for (size_t i = 0; i < ch->njobs; i++) {
		j = ch->jobs[i];
		job_said(ch, j);
		ofiles_fill(of, j->png, &j->pngout);
		if (j->pdf)
			ofiles_fill(of, j->pdffile, &j->pdfout);
		diag_take(d, &j->d);
		if (!j->ok)
			ok = false;
		j->ok = true;
	}
	return ok;
}

void
chartfiles_emit(struct chartfiles *ch, struct ofiles *of, struct scene *s,
    const char *name, const char *title, const char *desc,
    const char *tableid, struct buf *svg)
{
	struct chartjob	*j;
	struct buf	 path;

	buf_init(&path);
	buf_reset(svg);
	svg_write(s, name, title, desc, tableid, svg);
	buf_printf(&path, "charts/%s.svg", name);
	buf_put(ofiles_add(of, path.data), svg->data, svg->len);

	j = xcalloc(1, sizeof(*j));
	j->ticket = -1;
	j->ch = ch;
	j->s = *s;
	scene_init(s);
	j->pdf = ch->pdf;
	j->d = ch->d0;
	/* Held for chartfiles_collect(); if no stream can be had, written
	 * as found. */
	if (j->d.out != NULL &&
	    (j->msgf = open_memstream(&j->msgs, &j->msglen)) != NULL)
		j->d.out = j->msgf;
	buf_init(&j->pngout);
	buf_init(&j->pdfout);
	buf_reset(&path);
	buf_printf(&path, "charts/%s.png", name);
	ofiles_add(of, path.data);
	j->png = of->n - 1;
	j->pngname = xstrdup(path.data);
	if (j->pdf) {
		buf_reset(&path);
		buf_printf(&path, "charts/%s.pdf", name);
		ofiles_add(of, path.data);
		j->pdffile = of->n - 1;
		j->pdfname = xstrdup(path.data);
		pdf_figures_add(&ch->figs, name, &j->s);
	}
	buf_release(&path);
	if (ch->njobs == ch->maxjobs) {
		ch->maxjobs = ch->maxjobs == 0 ? 64 : ch->maxjobs * 2;
		ch->jobs = xreallocarray(ch->jobs, ch->maxjobs,
		    sizeof(*ch->jobs));
	}
	ch->jobs[ch->njobs++] = j;
	/* At the first chart, so that a process that draws nothing
	 * (batch's parent, before it forks) never has a thread. */
	if (ch->w == NULL)
		ch->w = worker_new();
	worker_run(ch->w, chart_job, j);
}
