/*
 * report: the pipeline of one render.  input (read once) -> model
 * (json, book) -> figures -> the last report (history) -> summary.json
 * -> the template's context and every chart's files (bind,
 * chartfiles) -> report.html (tmpl) -> report.pdf (pdf) -> report.eml
 * (eml), all in memory (ofiles); then outdir.c writes them and swaps
 * them in.  archive.c runs the same build for a snapshot.  Also the
 * layout command's text dump of every chart.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bind.h"
#include "buf.h"
#include "chart.h"
#include "chartfiles.h"
#include "diag.h"
#include "eml.h"
#include "figures.h"
#include "history.h"
#include "input.h"
#include "jsonout.h"
#include "memlimit.h"
#include "model.h"
#include "ofiles.h"
#include "outdir.h"
#include "pdf.h"
#include "period.h"
#include "report.h"
#include "scene.h"
#include "summary.h"
#include "tmpl.h"
#include "util.h"
#include "worker.h"


/*
 * report.pdf, typeset on a worker of its own from report.html's tree
 * and the charts' scenes, while the main thread collects the charts'
 * files and fills the email, in two jobs: its pages laid out (which
 * tells whether they fit the limit), then drawn.  The jobs own the
 * tree and the laid-out document and free them when done; they read
 * the scenes where they are, which nothing changes until the worker is
 * waited for.  Once the file is made (pdf_ready()) the main thread
 * takes it and writes the files, while the worker goes on freeing what
 * qpdf and Cairo used, which takes a while.
 */
struct pdfjob {
	struct worker		*w;
	struct tnode		*tree;
	struct pdf_doc		*pd;		/* laid out, not yet drawn */
	bool			 fits;		/* pd was made */
	const struct pdf_figures *pf;
	struct pdf_meta		 pm;
	char			 date[16];
	struct buf		 subj;
	struct buf		 out;
	size_t			 file;		/* report.pdf's index */
	struct diag		 d;		/* the job's counts */
	bool			 ready;		/* out is report.pdf */
	struct chartfiles	*ch;
};

static void	help(struct chartfiles *);

/*
 * On the worker, from pdf_typeset(): out is complete.  Then, unless a
 * memory limit is set, the charts the chart worker has not started
 * (help()) before qpdf's and Cairo's memory is freed, which can wait
 * for the render's last steps, when a core is idle.  Under a limit
 * that memory is given back first (pdf_help_job()): a chart's pixels
 * are some 6 MB.
 */
static void
pdf_ready(void *arg)
{
	struct pdfjob	*j = arg;
	struct memroom	 r;

	j->ready = true;
	worker_ready(j->w);
	if (!memlimit_room(&r))
		help(j->ch);
}

static void
pdf_layout_job(struct draw *dr, void *arg)
{
	struct pdfjob	*j = arg;

	j->pd = pdf_layout(dr, j->tree, j->pf, &j->pm, &j->d);
	j->fits = j->pd != NULL;
}

/*
 * On report.pdf's worker once report.pdf is made: the charts the chart
 * worker has not started (chartfiles_help()), then the render's longest
 * chain.  In a drawing context of their own, so that their files are
 * the same bytes as the chart worker's: report.pdf's context has its
 * fonts' options merged with the PDF surface's (see draw_doc_new()),
 * which moved a few pixels of a PNG's texts (golden figure-limits).
 */
static void
help(struct chartfiles *ch)
{
	struct draw	*own = draw_new();

	(void)chartfiles_help(ch, own);
	draw_free(own);
}

/* After the job that made report.pdf: what help() has left, if any. */
static void
pdf_help_job(struct draw *dr, void *arg)
{
	(void)dr;
	help(arg);
}

static void
pdf_typeset_job(struct draw *dr, void *arg)
{
	struct pdfjob	*j = arg;

	(void)dr;	/* pd holds the one it was laid out with */
	if (j->pd != NULL)
		(void)pdf_typeset(j->pd, &j->out, &j->d); /* pdf_ready() */
	j->pd = NULL;
	tnode_free(j->tree);
	j->tree = NULL;
}

/* Starts report.pdf from tree, which the job takes. */
static void
pdf_start(struct pdfjob *j, struct tnode *tree, const struct report_opts *o,
    const struct model *m, struct chartfiles *ch, struct ofiles *of,
    const struct diag *d)
{
	char		 tmp[32];

	j->tree = tree;
	buf_printf(&j->subj, "Figures for %s",
	    period_long(&m->report.period, tmp, sizeof(tmp)));
	/* The creation date: the published date, or the Date: an email
	 * of this render gets; never the clock. */
	if (m->report.published != NULL && strlen(m->report.published) == 10)
		snprintf(j->date, sizeof(j->date), "%s", m->report.published);
	else {
		time_t tt;
		struct tm tm;

		tt = (time_t)eml_date(&o->mail, m);
		gmtime_r(&tt, &tm);
		strftime(j->date, sizeof(j->date), "%Y-%m-%d", &tm);
	}
	j->pm.subject = j->subj.data;
	j->pm.date = j->date;
	j->pm.ready = pdf_ready;
	j->pm.ready_arg = j;
	j->pf = &ch->figs;
	j->ch = ch;
	diag_init_from(&j->d, d);
	ofiles_add(of, "report.pdf");
	j->file = of->n - 1;
	j->w = worker_new();
	worker_run(j->w, pdf_layout_job, j);
	worker_run(j->w, pdf_typeset_job, j);
	worker_run(j->w, pdf_help_job, ch);
}

/* Waits for report.pdf's pages; do they fit the limit? */
static bool
pdf_fits(struct pdfjob *j)
{
	worker_wait_first(j->w, 1);
	return j->fits;
}

/*
 * Waits for report.pdf and puts it in its file; false if it failed.
 * Once it is made, its job only frees what it used: nothing read here.
 */
static bool
pdf_finish(struct pdfjob *j, struct ofiles *of, struct diag *d)
{
	worker_wait_ready(j->w, 1);
	diag_take(d, &j->d);
	if (!j->ready)
		return false;	/* the job has ended without it */
	ofiles_fill(of, j->file, &j->out);
	return true;
}

/*
 * What a render needs, measured under "ulimit -v" with one malloc arena
 * (memlimit.h) on reports of 40 to 1,000 indicators and of 10,000 to
 * 66,000 daily points, with 10% to 50% to spare.  Once the input is
 * read: the fonts and threads, and so much a chart and a point
 * (MEM_START*).  Beyond what it holds when report.html is about to be
 * filled: report.html, the email and the charts' files take a base, so
 * much an element or text of the output (tmpl_measure()), so much a
 * byte of it and so much a chart (its pixels, PNG, SVG and PDF, and its
 * part of the email); report.pdf's tree, layout and drawing so much
 * more an element or text.  qpdf's part is counted when the PDF's
 * objects and pages are known (pdfpost.c).  Every render between 80
 * and 1,400 MB, in steps of 5 to 100 MB, finished or was refused, never
 * killed by a signal.  scorecard(1), Memory, gives the figures.
 */
#define	MEM_START	(64u * MEMLIMIT_MB)	/* the fonts, the threads */
#define	MEM_START_CHART	(256u * 1024u)		/* a chart drawn meanwhile */
#define	MEM_START_POINT	1024u			/* a point or item of it */
#define	MEM_BASE	(40u * MEMLIMIT_MB)
#define	MEM_NODE	360u		/* an element or text */
#define	MEM_BYTE	4u		/* a byte of output */
#define	MEM_CHART	(160u * 1024u)
#define	MEM_NODE_PDF	512u		/* an element or text in report.pdf */

/*
 * Whether what a render starts before report.html is filled fits under
 * the memory limits: fonts and threads, and every chart of m drawn on a
 * thread of its own meanwhile, which goes on while a refusal is made
 * (GLib aborts when it cannot start a thread, as Pango's font maps do).
 * Says so against file if not.
 */
static bool
mem_start_fits(const struct model *m, const char *file, struct diag *d)
{
	const struct indicator	*ind;
	uint64_t		 need = MEM_START;
	size_t			 i, j;

	for (i = 0; i < m->ninds; i++) {
		ind = &m->inds[i];
		need += MEM_START_CHART + (uint64_t)MEM_START_POINT *
		    ind->series.npts;
		for (j = 0; j < ind->ncs; j++)
			need += (uint64_t)MEM_START_POINT * ind->cs[j].s.npts;
		if (ind->breakdown != NULL)
			need += MEM_START_CHART + (uint64_t)MEM_START_POINT *
			    ind->breakdown->nitems;
	}
	return memlimit_check(need, file, "this render", need > MEM_START +
	    MEM_START / 2 ? "split it into smaller reports (fewer indicators, "
	    "or fewer points each), or raise the limit" : "raise the limit",
	    d);
}

/*
 * Whether the render of t against c, with nch charts and (pdf) report.pdf,
 * fits under the memory limits; if not, says so against file and what
 * would fit (--no-pdf, or a smaller report).  Sets *html to what
 * report.html, the charts and the email need, which the main thread
 * holds while report.pdf is finished on its worker (memlimit_hold()).
 * Counts nothing when no limit is set.
 */
static bool
mem_fits(const struct tmpl *t, const struct tmpl_ctx *c, size_t nch,
    bool pdf, const char *file, uint64_t *hold, struct diag *d)
{
	struct memroom	 r;
	struct buf	 advice;
	size_t		 nodes, bytes;
	uint64_t	 html, need;
	bool		 ok;

	*hold = 0;
	if (!memlimit_room(&r))
		return true;
	tmpl_measure(t, c, &nodes, &bytes);
	html = MEM_BASE + (uint64_t)MEM_NODE * nodes +
	    (uint64_t)MEM_BYTE * bytes + (uint64_t)MEM_CHART * nch;
	need = html + (pdf ? (uint64_t)MEM_NODE_PDF * nodes : 0);
	*hold = html;
	if (memlimit_fits(&r, need))
		return true;
	buf_init(&advice);
	if (pdf && memlimit_fits(&r, html))
		buf_printf(&advice, "render it with --no-pdf (about %llu MB "
		    "more), split it into smaller reports, or raise the limit",
		    (unsigned long long)((html + MEMLIMIT_MB - 1) /
		    MEMLIMIT_MB));
	else
		BUF_PUTSL(&advice, "split it into smaller reports (fewer "
		    "indicators, or fewer points each), or raise the limit");
	ok = memlimit_check(need, file, pdf ? "this render, before "
	    "report.pdf is drawn," : "this render", advice.data, d);
	buf_release(&advice);
	return ok;
}

/*
 * What build() leaves for build_end(): the charts' scenes and
 * report.pdf's worker, which, once report.pdf is made, frees what qpdf
 * and Cairo used while report_render() writes the files.
 */
struct build {
	struct chartfiles ch;
	struct pdfjob	 pj;
};

/*
 * render -o's output folder, opened while report.pdf is finished to
 * write the files made by then (the main thread would wait meanwhile);
 * report_render() writes the rest once it is there.
 */
struct early {
	struct outdir_tx tx;
	bool		 open;
	size_t		 n;		/* files [0, n) written but skip */
	size_t		 skip;		/* report.pdf's index */
};

static void
build_init(struct build *b)
{
	memset(b, 0, sizeof(*b));
	buf_init(&b->pj.subj);
	buf_init(&b->pj.out);
}

static void
build_end(struct build *b)
{
	/* report.pdf's worker first: it reads the charts' scenes. */
	worker_free(b->pj.w);
	/* Laid out, its drawing dropped by worker_free() (a chart failed
	 * first): freed here, which uses nothing of the worker's draw. */
	pdf_doc_free(b->pj.pd);
	tnode_free(b->pj.tree);
	buf_release(&b->pj.subj);
	buf_release(&b->pj.out);
	chartfiles_release(&b->ch);
}

/* Opens e's folder and writes every file of of but skip. */
static bool
early_write(struct early *e, const char *outdir, const struct ofiles *of,
    size_t skip, struct diag *d)
{
	if (!outdir_open(&e->tx, outdir, d))
		return false;
	e->open = true;
	e->skip = skip;
	for (e->n = 0; e->n < of->n; e->n++)
		if (e->n != skip && !outdir_put(&e->tx, of, e->n, d))
			return false;
	return true;
}

/* Writes the files of of early_write() left and swaps e's folder in. */
static bool
early_finish(struct early *e, const struct ofiles *of, struct diag *d)
{
	bool	 ok = outdir_put(&e->tx, of, e->skip, d);

	for (; ok && e->n < of->n; e->n++)
		ok = outdir_put(&e->tx, of, e->n, d);
	e->open = false;
	return outdir_close(&e->tx, ok, d);
}

/*
 * report_build() into b (build_init() it first, build_end() it after);
 * with e, render -o's folder is opened and written as early as it can be.
 */
static enum report_status
build(struct build *b, const struct report_opts *o, const struct input *in,
    struct model *m, struct ofiles *of, struct buf *equiv, struct early *e,
    struct diag *d)
{
	struct figures	*figs = NULL;
	struct tmpl	*t = NULL;
	struct tmpl_ctx	*c = NULL;
	struct chartfiles *ch = &b->ch;
	struct snapshot	 snap;
	struct figcounts prev;
	struct pdfjob	*pj = &b->pj;
	struct tnode	*tree = NULL;
	struct memhold	 mh = { 0 };
	uint64_t	 hold;
	enum report_status rc = REPORT_INPUT;
	size_t		 nerr = d->nerr;
	bool		 made = false;	/* report.pdf, taken */
	bool		 attach;	/* an email that carries report.pdf */

	memset(&snap, 0, sizeof(snap));
	attach = o->mail.template != NULL && o->mail.attach_pdf;
	/* Check the input and the template before drawing anything. */
	if (!input_load(m, in, &o->sheet, d))
		goto out;
	if (equiv != NULL)
		jsonout_model(equiv, m);	/* before anything is hidden */
	model_suppress(m);
	if (!mem_start_fits(m, in->name, d)) {
		rc = REPORT_OUTPUT;
		goto out;
	}
	if ((t = tmpl_load(o->template, o->assets, d)) == NULL)
		goto out;
	figs = xcalloc(m->ninds, sizeof(*figs));
	figures_all(m, figs);
	/* The last report: the archive's, else one period back. */
	figures_counts_previous(m, figs, &prev);
	if (o->history != NULL) {
		switch (history_last(o->history, &m->report.period,
		    !o->history_optional, &snap, d)) {
		case HISTORY_FOUND:
			figures_from_snapshot(m, figs, &snap, &prev);
			break;
		case HISTORY_NONE:
			break;
		case HISTORY_ERROR:
			goto out;
		}
	}
	summary_write(ofiles_add(of, "summary.json"), m, figs, &prev);

	chartfiles_init(ch, m->report.organisation, o->pdf, d);
	c = tmpl_ctx_new();
	bind_report(c, m, figs, &prev, ch, of);
	if (!mem_fits(t, c, ch->njobs, o->pdf, in->name, &hold, d)) {
		rc = REPORT_OUTPUT;
		goto out;
	}
	if (!tmpl_render_tree(t, c, ofiles_add(of, "report.html"),
	    o->pdf ? &tree : NULL, d))
		goto out;
	/*
	 * What this thread may still take while report.pdf is finished on
	 * its worker (the charts collected, the email), held until then:
	 * qpdf's check counts it, or waits for it (memlimit.h).
	 */
	if (o->pdf) {
		memlimit_hold(&mh, hold);
		pdf_start(pj, tree, o, m, ch, of, d);
	}
	if (!chartfiles_collect(ch, of, d)) {
		rc = REPORT_OUTPUT;
		goto out;
	}
	/*
	 * The email while report.pdf is drawn (unless it carries it), once
	 * its pages are known to fit: a report.pdf refused costs no email.
	 */
	if (o->pdf && !pdf_fits(pj)) {
		memlimit_give(&mh);
		(void)pdf_finish(pj, of, d);	/* its counts */
		rc = REPORT_OUTPUT;
		goto out;
	}
	if (o->mail.template != NULL && !attach &&
	    !eml_make(&o->mail, o->assets, m, figs, &prev, c, of, d))
		goto out;
	/* Done with unless the email carries report.pdf: freed before
	 * report.pdf is finished, the render's peak (memlimit.h). */
	if (!attach) {
		tmpl_ctx_free(c);
		c = NULL;
	}
	/* Given back before waiting for report.pdf, which may wait for it. */
	memlimit_give(&mh);
	if (e != NULL && o->pdf && d->nerr == nerr &&
	    !early_write(e, o->outdir, of, pj->file, d)) {
		rc = REPORT_OUTPUT;
		goto out;
	}
	if (o->pdf && !(made = pdf_finish(pj, of, d))) {
		rc = REPORT_OUTPUT;
		goto out;
	}
	/* The email that carries report.pdf: its estimate again, once
	 * qpdf's memory is freed (what it freed may be gone), and the PDF
	 * in base64 twice over. */
	if (attach && o->pdf) {
		worker_wait(pj->w);
		if (!memlimit_check(hold +
		    3 * (uint64_t)of->f[pj->file].data.len, in->name,
		    "the email with report.pdf attached", "render without "
		    "--mail-attach-pdf, split the report into smaller ones, "
		    "or raise the limit", d)) {
			rc = REPORT_OUTPUT;
			goto out;
		}
	}
	if (attach && !eml_make(&o->mail, o->assets, m, figs, &prev, c, of, d))
		goto out;
	rc = d->nerr == nerr ? REPORT_OK : REPORT_OUTPUT;
out:
	memlimit_give(&mh);	/* before waiting for the worker */
	/* report.pdf's worker, unless report.pdf is made (then it only
	 * frees what it used, build_end()), before anything else is freed. */
	if (!made) {
		worker_free(pj->w);
		pj->w = NULL;
	}
	tmpl_ctx_free(c);
	tmpl_free(t);
	free(figs);
	figures_snapshot_release(&snap);
	return rc;
}

enum report_status
report_build(const struct report_opts *o, const struct input *in,
    struct model *m, struct ofiles *of, struct buf *equiv, struct diag *d)
{
	struct build	 b;
	enum report_status rc;

	build_init(&b);
	rc = build(&b, o, in, m, of, equiv, NULL, d);
	build_end(&b);
	return rc;
}


enum report_status
report_render(const struct report_opts *o, struct diag *d)
{
	struct model	*m;
	struct ofiles	 of = { NULL, 0, 0 };
	struct input	 in;
	struct build	 b;
	struct early	 e;
	enum report_status rc = REPORT_INPUT;

	build_init(&b);
	memset(&e, 0, sizeof(e));
	m = model_new();
	if (input_read(&in, o->input, d))
		rc = build(&b, o, &in, m, &of, NULL, o->stage == NULL ? &e :
		    NULL, d);
	if (rc == REPORT_OK && !(o->stage != NULL ?
	    outdir_write_new(o->stage, &of, d) : e.open ?
	    early_finish(&e, &of, d) : outdir_commit(o->outdir, &of, d)))
		rc = REPORT_OUTPUT;
	if (e.open)
		(void)outdir_close(&e.tx, false, d);	/* the render failed */
	/* After the files: report.pdf's worker may still be freeing. */
	build_end(&b);
	input_release(&in);
	ofiles_release(&of);
	model_free(m);
	return rc;
}

/* Layout measure for golden tests: 0.6 em a byte (bold 0.65). */
static double
stub_width(void *arg, const char *s, double size, bool bold)
{
	(void)arg;
	return (double)strlen(s) * size * (bold ? 0.65 : 0.6);
}

enum report_status
report_layout(const struct report_opts *o, struct buf *out, struct diag *d)
{
	struct model	*m;
	struct figures	*figs;
	struct measure	 ms = { NULL, stub_width };
	struct chart_opts opts;
	struct scene	 s;
	struct input	 in;
	size_t		 i;
	bool		 ok;

	m = model_new();
	ok = input_read(&in, o->input, d) && input_load(m, &in, &o->sheet, d);
	input_release(&in);
	if (!ok) {
		model_free(m);
		return REPORT_INPUT;
	}
	model_suppress(m);
	figs = xcalloc(m->ninds, sizeof(*figs));
	figures_all(m, figs);
	chart_defaults(&opts);
	scene_init(&s);
	for (i = 0; i < m->ninds; i++) {
		if (chart_trend(&s, m, &m->inds[i], &figs[i], &ms, &opts)) {
			buf_printf(out, "# %s\n", m->inds[i].id);
			scene_dump(&s, out);
		}
		scene_release(&s);
		if (chart_breakdown(&s, &m->inds[i], &ms, &opts)) {
			buf_printf(out, "# %s-breakdown\n", m->inds[i].id);
			scene_dump(&s, out);
		}
		scene_release(&s);
	}
	free(figs);
	model_free(m);
	return REPORT_OK;
}
