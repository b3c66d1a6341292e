/*
 * report: the pipeline of one render.  input (read once) -> model
 * (json, book) -> figures -> the last report (history) -> summary.json
 * -> the template's context and every chart's files (bind,
 * chartfiles) -> report.html (tmpl) -> report.pdf (pdf) -> report.eml
 * (eml), all in memory (ofiles); then outdir.c writes them and swaps
 * them in.  archive.c runs the same build for a snapshot.  Also the
 * layout command's text dump of every chart.
 */
#include <assert.h>
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


/*
 * Makes report.pdf from report.html (already in of) and the charts'
 * scenes: the PDF module typesets the filled template.
 */
static bool
make_pdf(const struct report_opts *o, const struct model *m,
    const struct chartfiles *ch, struct ofiles *of, struct diag *d)
{
	struct pdf_meta	 pm;
	struct buf	 pdf, subj, *out;
	const struct buf *html = NULL;
	char		 date[16], tmp[32];
	long long	 t;
	size_t		 i;
	bool		 ok;

	for (i = 0; i < of->n; i++)
		if (strcmp(of->f[i].name, "report.html") == 0)
			html = &of->f[i].data;
	assert(html != NULL);
	buf_init(&pdf);
	buf_init(&subj);
	buf_printf(&subj, "Figures for %s",
	    period_long(&m->report.period, tmp, sizeof(tmp)));
	/* The creation date: the published date, or the Date: an email
	 * of this render gets; never the clock. */
	if (m->report.published != NULL && strlen(m->report.published) == 10)
		snprintf(date, sizeof(date), "%s", m->report.published);
	else {
		time_t tt;
		struct tm tm;

		t = eml_date(&o->mail, m);
		tt = (time_t)t;
		gmtime_r(&tt, &tm);
		strftime(date, sizeof(date), "%Y-%m-%d", &tm);
	}
	pm.subject = subj.data;
	pm.date = date;
	ok = pdf_report(ch->dr, html->data, html->len, &ch->figs, &pm, &pdf,
	    d);
	if (ok) {
		out = ofiles_add(of, "report.pdf");
		buf_release(out);
		*out = pdf;
	} else
		buf_release(&pdf);
	buf_release(&subj);
	return ok;
}

enum report_status
report_build(const struct report_opts *o, const struct input *in,
    struct model *m, struct ofiles *of, struct buf *equiv, struct diag *d)
{
	struct figures	*figs = NULL;
	struct tmpl	*t = NULL;
	struct tmpl_ctx	*c = NULL;
	struct chartfiles ch;
	struct snapshot	 snap;
	struct figcounts prev;
	enum report_status rc = REPORT_INPUT;
	size_t		 nerr = d->nerr;

	memset(&ch, 0, sizeof(ch));
	memset(&snap, 0, sizeof(snap));
	/* Check the input and the template before drawing anything. */
	if (!input_load(m, in, &o->sheet, d))
		goto out;
	if (equiv != NULL)
		jsonout_model(equiv, m);	/* before anything is hidden */
	model_suppress(m);
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

	chartfiles_init(&ch, m->report.organisation, o->pdf);
	c = tmpl_ctx_new();
	if (!bind_report(c, m, figs, &prev, &ch, of, d)) {
		rc = REPORT_OUTPUT;
		goto out;
	}
	if (!tmpl_render(t, c, ofiles_add(of, "report.html"), d))
		goto out;
	if (o->pdf && !make_pdf(o, m, &ch, of, d)) {
		rc = REPORT_OUTPUT;
		goto out;
	}
	if (!chartfiles_collect(&ch, of, d)) {
		rc = REPORT_OUTPUT;
		goto out;
	}
	if (o->mail.template != NULL &&
	    !eml_make(&o->mail, o->assets, m, figs, &prev, c, of, d))
		goto out;
	rc = d->nerr == nerr ? REPORT_OK : REPORT_OUTPUT;
out:
	chartfiles_release(&ch);
	tmpl_ctx_free(c);
	tmpl_free(t);
	free(figs);
	figures_snapshot_release(&snap);
	return rc;
}


enum report_status
report_render(const struct report_opts *o, struct diag *d)
{
	struct model	*m;
	struct ofiles	 of = { NULL, 0, 0 };
	struct input	 in;
	enum report_status rc = REPORT_INPUT;

	m = model_new();
	if (input_read(&in, o->input, d))
		rc = report_build(o, &in, m, &of, NULL, d);
	if (rc == REPORT_OK && !(o->stage != NULL ?
	    outdir_write_new(o->stage, &of, d) :
	    outdir_commit(o->outdir, &of, d)))
		rc = REPORT_OUTPUT;
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
