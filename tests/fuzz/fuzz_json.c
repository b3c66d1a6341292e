/*
 * libFuzzer harness: indicator JSON from arbitrary bytes, through
 * everything that is pure after it.  json_load_mem() must either fail
 * with at least one error reported, or give a model that keeps the
 * promises of model.h and json.h (every value finite and within
 * JSON_MAX_VALUE, series sorted with distinct periods, ids valid and
 * unique, strings valid UTF-8 that a report can publish); then figures, summary.json, the
 * sentences, the plain-text report and the chart layout (with the stub
 * measure of the golden tests) must run without a fault and give
 * output of the shape they promise.  Any violation aborts, which
 * libFuzzer reports as a crash.
 */
#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chart.h"
#include "diag.h"
#include "figures.h"
#include "json.h"
#include "model.h"
#include "period.h"
#include "summary.h"
#include "svg.h"
#include "util.h"
#include "words.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define	CHECK(c) do {							\
	if (!(c)) {							\
		fprintf(stderr, "%s:%d: invariant failed: %s\n",	\
		    __FILE__, __LINE__, #c);				\
		abort();						\
	}								\
} while (0)

static FILE	*devnull;

static double
stub(void *arg, const char *s, double size, bool bold)
{
	(void)arg;
	return (double)strlen(s) * size * (bold ? 0.65 : 0.6);
}

static bool
utf8_ok(const char *str)
{
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 n, i;

	while (*s != '\0') {
		if (*s < 0x80) {
			s++;
			continue;
		}
		n = *s >= 0xf0 ? 4 : *s >= 0xe0 ? 3 : *s >= 0xc2 ? 2 : 0;
		if (n == 0 || *s > 0xf4)
			return false;
		for (i = 1; i < n; i++)
			if ((s[i] & 0xc0) != 0x80)
				return false;
		s += n;
	}
	return true;
}

/* Valid UTF-8 with no control character but tab, LF and CR, and no
 * noncharacter: what a report can publish. */
static bool
publishable(const char *str)
{
	const unsigned char	*s = (const unsigned char *)str;
	unsigned long		 cp;
	size_t			 n, i;

	for (; *s != '\0'; s += n) {
		n = *s < 0x80 ? 1 : *s < 0xe0 ? 2 : *s < 0xf0 ? 3 : 4;
		cp = n == 1 ? *s : (unsigned long)(*s & (0x7f >> n));
		for (i = 1; i < n; i++)
			cp = cp << 6 | (s[i] & 0x3f);
		if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') ||
		    (cp >= 0x7f && cp <= 0x9f) || (cp >= 0xd800 && cp <= 0xdfff) ||
		    (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) == 0xfffe)
			return false;
	}
	return true;
}

static void
check_str(const char *s, bool required)
{
	if (s == NULL) {
		CHECK(!required);
		return;
	}
	CHECK(utf8_ok(s) && publishable(s) && strchr(s, '\r') == NULL);
}

static void
check_series(const struct series *s)
{
	size_t	 i;

	for (i = 0; i < s->npts; i++) {
		const struct point *p = &s->pts[i];
		struct period	 q;

		check_str(p->pstr, true);
		CHECK(period_parse(p->pstr, &q) && period_eq(&q, &p->period));
		if (p->has_value)
			CHECK(isfinite(p->value) &&
			    fabs(p->value) <= JSON_MAX_VALUE);
		check_str(p->note, false);
		if (i > 0)
			CHECK(period_cmp(&s->pts[i - 1].period,
			    &p->period) < 0);
	}
}

static void
check_model(const struct model *m)
{
	size_t	 i, j;

	check_str(m->report.title, true);
	check_str(m->report.organisation, true);
	check_str(m->report.pstr, true);
	CHECK(m->ninds >= 1 && m->ninds <= JSON_MAX_INDICATORS);
	for (i = 0; i < m->ncomps; i++) {
		check_str(m->comps[i].id, true);
		check_str(m->comps[i].label, true);
	}
	for (i = 0; i < m->ninds; i++) {
		const struct indicator *ind = &m->inds[i];

		check_str(ind->id, true);
		CHECK(strlen(ind->id) <= JSON_MAX_ID);
		for (j = 0; j < i; j++)
			CHECK(strcmp(m->inds[j].id, ind->id) != 0);
		check_str(ind->title, true);
		check_str(ind->code, false);
		check_str(ind->section, false);
		check_str(ind->commentary, false);
		CHECK(ind->series.npts >= 1 &&
		    ind->series.npts <= JSON_MAX_POINTS);
		check_series(&ind->series);
		for (j = 0; j < ind->ncs; j++) {
			CHECK(ind->cs[j].comp < m->ncomps);
			check_series(&ind->cs[j].s);
		}
		if (ind->target.set)
			CHECK(isfinite(ind->target.value));
		if (ind->target.has_amber)
			CHECK(isfinite(ind->target.amber));
		if (ind->breakdown != NULL) {
			CHECK(ind->breakdown->nitems >= 1);
			for (j = 0; j < ind->breakdown->nitems; j++) {
				check_str(ind->breakdown->items[j].label, true);
				if (ind->breakdown->items[j].has_value)
					CHECK(isfinite(
					    ind->breakdown->items[j].value));
			}
		}
	}
}

static void
check_scene(const struct scene *s)
{
	size_t	 i, j;

	CHECK(isfinite(s->w) && isfinite(s->h) && s->w > 0 && s->h > 0);
	for (i = 0; i < s->n; i++) {
		const struct sc_item *it = &s->items[i];

		CHECK(isfinite(it->x) && isfinite(it->y) && isfinite(it->w) &&
		    isfinite(it->h) && isfinite(it->r) &&
		    isfinite(it->width) && isfinite(it->size));
		for (j = 0; j < 2 * it->npts; j++)
			CHECK(isfinite(it->pts[j]));
		if (it->kind == SC_TEXT)
			CHECK(it->text != NULL && utf8_ok(it->text));
	}
}

static void
pipeline(const struct model *m)
{
	struct figures	*figs;
	struct figcomp	 fc;
	struct figcounts now, prev;
	struct measure	 ms = { NULL, stub };
	struct chart_opts opts;
	struct scene	 s;
	struct buf	 b;
	size_t		 i, j;

	figs = xcalloc(m->ninds, sizeof(*figs));
	buf_init(&b);
	for (i = 0; i < m->ninds; i++) {
		figures_compute(&m->inds[i], &figs[i]);
		if (figs[i].latest != NULL)
			CHECK(figs[i].latest->has_value);
		CHECK(isfinite(figs[i].highest.change) &&
		    isfinite(figs[i].lowest.change) &&
		    isfinite(figs[i].year_ago.change));
		/* A run is 3 or more, from a point of the series. */
		if (figs[i].run.kind != RUN_NONE)
			CHECK(figs[i].run.length >= FIGURES_RUN_MIN &&
			    figs[i].run.since >= m->inds[i].series.pts &&
			    figs[i].run.since < m->inds[i].series.pts +
			    m->inds[i].series.npts &&
			    figs[i].run.since->has_value);
		for (j = 0; j < m->inds[i].ncs; j++)
			if (figures_comparator(&m->inds[i], &figs[i], j, &fc))
				CHECK(fc.pt->has_value &&
				    isfinite(fc.difference) &&
				    (fc.before == NULL ||
				    isfinite(fc.gap_before)));
		words_indicator(&b, &m->inds[i], &figs[i]);
		words_context(&b, m, &m->inds[i], &figs[i]);
		words_reason(&b, &m->inds[i], &figs[i]);
		words_unlisted(&b, &m->inds[i], &figs[i]);
		CHECK(utf8_ok(b.data));
		buf_reset(&b);
	}
	figures_counts(m, figs, &now);
	figures_counts_previous(m, figs, &prev);
	words_counts(&b, &now, &prev);
	words_changes(&b, m, figs, &prev);
	summary_write(&b, m, figs, &prev);
	CHECK(strlen(b.data) == b.len && utf8_ok(b.data));
	buf_reset(&b);
	words_text_report(&b, m, figs, &prev);
	CHECK(strlen(b.data) == b.len && utf8_ok(b.data));

	chart_defaults(&opts);
	scene_init(&s);
	for (i = 0; i < m->ninds && i < 8; i++) {
		buf_reset(&b);
		if (chart_trend(&s, m, &m->inds[i], &figs[i], &ms, &opts)) {
			check_scene(&s);
			svg_write(&s, m->inds[i].id, m->inds[i].title, "d",
			    NULL, &b);
		}
		scene_release(&s);
		if (chart_breakdown(&s, &m->inds[i], &ms, &opts)) {
			check_scene(&s);
			svg_write(&s, m->inds[i].id, m->inds[i].title, "d",
			    NULL, &b);
		}
		scene_release(&s);
	}
	buf_release(&b);
	free(figs);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct model	*m;
	struct diag	 d;
	bool		 ok;

	if (devnull == NULL && (devnull = fopen("/dev/null", "w")) == NULL)
		abort();
	m = model_new();
	diag_init(&d, devnull, "scorecard");
	ok = json_load_mem(m, "fuzz.json", (const char *)data, size, &d);
	if (!ok) {
		/* Every failure is reported; nothing is left in m. */
		CHECK(d.nerr > 0);
		CHECK(m->ninds == 0 && m->ncomps == 0 &&
		    m->report.title == NULL);
	} else {
		CHECK(d.nerr == 0);
		check_model(m);
		model_suppress(m);
		pipeline(m);
	}
	model_free(m);
	return 0;
}
