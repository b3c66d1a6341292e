/*
 * model: the lifecycle of the one tree that holds a report, and the
 * contract's names for its enums.  The loader (json.c) fills the tree;
 * everything else reads it.  model_clear() (which model_free() calls)
 * knows every pointer in model.h, so a new heap field there needs a
 * line here.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "util.h"

struct model *
model_new(void)
{
	return xcalloc(1, sizeof(struct model));
}

static void
series_release(struct series *s)
{
	size_t	 i;

	for (i = 0; i < s->npts; i++) {
		free(s->pts[i].pstr);
		free(s->pts[i].note);
	}
	free(s->pts);
	s->pts = NULL;
	s->npts = 0;
}

static void
breakdown_free(struct breakdown *bd)
{
	size_t	 i;

	if (bd == NULL)
		return;
	for (i = 0; i < bd->nitems; i++)
		free(bd->items[i].label);
	free(bd->items);
	free(bd->title);
	free(bd->pstr);
	free(bd);
}

static void
indicator_release(struct indicator *ind)
{
	size_t	 i;

	free(ind->id);
	free(ind->code);
	free(ind->title);
	free(ind->section);
	series_release(&ind->series);
	for (i = 0; i < ind->ncs; i++)
		series_release(&ind->cs[i].s);
	free(ind->cs);
	breakdown_free(ind->breakdown);
	free(ind->commentary);
}

void
model_clear(struct model *m)
{
	size_t	 i;

	free(m->report.title);
	free(m->report.organisation);
	free(m->report.pstr);
	free(m->report.published);
	free(m->report.introduction);
	free(m->report.contact);
	for (i = 0; i < m->ncomps; i++) {
		free(m->comps[i].id);
		free(m->comps[i].label);
	}
	free(m->comps);
	for (i = 0; i < m->ninds; i++)
		indicator_release(&m->inds[i]);
	free(m->inds);
	memset(m, 0, sizeof(*m));
}

void
model_free(struct model *m)
{
	if (m == NULL)
		return;
	model_clear(m);
	free(m);
}

const char *
model_unit_str(enum unit u)
{
	switch (u) {
	case UNIT_COUNT:
		return "count";
	case UNIT_PERCENT:
		return "percent";
	case UNIT_RATE10K:
		return "rate10k";
	case UNIT_DAYS:
		return "days";
	case UNIT_WEEKS:
		return "weeks";
	case UNIT_NUMBER:
		return "number";
	}
	abort();	/* not a unit */
}

const char *
model_better_str(enum better b)
{
	switch (b) {
	case BETTER_NEITHER:
		return "neither";
	case BETTER_HIGHER:
		return "higher";
	case BETTER_LOWER:
		return "lower";
	}
	abort();	/* not a direction */
}

const char *
model_chart_str(enum chart_kind c)
{
	switch (c) {
	case CHART_AUTO:
		return "auto";
	case CHART_LINE:
		return "line";
	case CHART_COLUMN:
		return "column";
	case CHART_NONE:
		return "none";
	}
	abort();	/* not a chart kind */
}

/* Whether a value of unit u (with its numerator, if any) is disclosive. */
static bool
small(const struct model *m, enum unit u, double v, bool hasnum,
    long long num)
{
	switch (u) {
	case UNIT_COUNT:
		return v >= 1 && v <= m->threshold;
	case UNIT_PERCENT:
	case UNIT_RATE10K:
	case UNIT_NUMBER:
	case UNIT_DAYS:
	case UNIT_WEEKS:
		break;
	}
	return hasnum && num >= 1 && num <= m->threshold;
}

static size_t
suppress_series(const struct model *m, struct series *s, enum unit u)
{
	size_t	 i, n = 0;

	for (i = 0; i < s->npts; i++) {
		struct point *p = &s->pts[i];

		if (!p->has_value || !small(m, u, p->value, p->has_numerator,
		    p->numerator))
			continue;
		p->has_value = false;
		p->value = 0;
		p->suppressed = true;
		n++;
	}
	return n;
}

static void
hide(struct bitem *it)
{
	it->has_value = false;
	it->value = 0;
	it->suppressed = true;
}

/* The small items of b, and the secondary one (model_suppress()). */
static size_t
suppress_breakdown(struct model *m, struct breakdown *b)
{
	struct bitem	*next = NULL;
	size_t		 j, n = 0;

	for (j = 0; j < b->nitems; j++)
		if (b->items[j].has_value && small(m, b->unit,
		    b->items[j].value, false, 0)) {
			hide(&b->items[j]);
			n++;
		}
	if (n != 1 || b->unit != UNIT_COUNT)
		return n;
	/* The smallest shown, above zero if one is; the first of equals. */
	for (j = 0; j < b->nitems; j++) {
		struct bitem *it = &b->items[j];

		if (!it->has_value)
			continue;
		if (next == NULL || (next->value == 0 && it->value > 0) ||
		    (it->value > 0 && it->value < next->value))
			next = it;
	}
	if (next == NULL)
		return n;
	hide(next);
	next->secondary = true;
	m->nsecondary++;
	return n + 1;
}

size_t
model_suppress(struct model *m)
{
	size_t	 i, n = 0;

	m->nsecondary = 0;
	if (!m->suppress)
		return 0;
	for (i = 0; i < m->ninds; i++) {
		struct indicator *ind = &m->inds[i];

		n += suppress_series(m, &ind->series, ind->unit);
		/* Comparators are published areas' own figures: not ours
		 * to hide, and large; they are left as given. */
		if (ind->breakdown == NULL)
			continue;
		n += suppress_breakdown(m, ind->breakdown);
	}
	m->nsuppressed = n;
	return n;
}

const struct period **
model_periods(const struct indicator *ind, size_t *pn)
{
	const struct period	**ps;
	size_t			  n = 0, i, j, k, *at;

	k = ind->series.npts;
	for (i = 0; i < ind->ncs; i++)
		k += ind->cs[i].s.npts;
	ps = xcalloc(k > 0 ? k : 1, sizeof(*ps));
	at = xcalloc(ind->ncs + 1, sizeof(*at));
	for (;;) {
		const struct period *best = NULL;

		for (j = 0; j <= ind->ncs; j++) {
			const struct series *s = j == 0 ? &ind->series :
			    &ind->cs[j - 1].s;

			if (at[j] < s->npts && (best == NULL ||
			    period_cmp(&s->pts[at[j]].period, best) < 0))
				best = &s->pts[at[j]].period;
		}
		if (best == NULL)
			break;
		for (j = 0; j <= ind->ncs; j++) {
			const struct series *s = j == 0 ? &ind->series :
			    &ind->cs[j - 1].s;

			if (at[j] < s->npts &&
			    period_eq(&s->pts[at[j]].period, best))
				at[j]++;
		}
		ps[n++] = best;
	}
	free(at);
	*pn = n;
	return ps;
}

/*
 * The names a render makes from an indicator's id, each in the space
 * where it must be unique: files of charts/ ("f") and the ids of the
 * report's elements ("h").  bind.c, chartfiles.c and svg.c make them;
 * a new one there needs a line here.
 */
static const struct {
	char		 space;
	bool		 breakdown;	/* made only for a breakdown */
	const char	*pre, *post;
	const char	*what;		/* for messages */
} made_names[] = {
	{ 'f', false, "charts/", ".png", "the chart file" },
	{ 'f', true, "charts/", "-breakdown.png", "the chart file" },
	{ 'h', false, "ind-", "", "the element id" },
	{ 'h', false, "tbl-", "", "the element id" },
	{ 'h', true, "tbl-", "-breakdown", "the element id" },
	{ 'h', false, "", "-title", "the element id" },
	{ 'h', false, "", "-desc", "the element id" },
	{ 'h', true, "", "-breakdown-title", "the element id" },
	{ 'h', true, "", "-breakdown-desc", "the element id" },
};

struct made {
	char	*name;		/* space, then the name */
	size_t	 ind, kind;
};

static int
made_cmp(const void *a, const void *b)
{
	const struct made	*x = a, *y = b;
	int			 r;

	if ((r = strcmp(x->name, y->name)) != 0)
		return r;
	return x->ind < y->ind ? -1 : x->ind > y->ind;
}

size_t
model_name_clashes(const struct model *m, struct model_clash **out)
{
	const size_t	 nk = sizeof(made_names) / sizeof(made_names[0]);
	struct made	*v;
	struct model_clash *c = NULL;
	size_t		 i, k, n = 0, nc = 0, j;
	const char	*id;

	*out = NULL;
	v = xcalloc(m->ninds * nk + 1, sizeof(*v));
	for (i = 0; i < m->ninds; i++) {
		if ((id = m->inds[i].id) == NULL)
			continue;
		for (k = 0; k < nk; k++) {
			size_t	 len;

			if (made_names[k].breakdown &&
			    m->inds[i].breakdown == NULL)
				continue;
			len = 1 + strlen(made_names[k].pre) + strlen(id) +
			    strlen(made_names[k].post) + 1;
			v[n].name = xmalloc(len);
			snprintf(v[n].name, len, "%c%s%s%s",
			    made_names[k].space, made_names[k].pre, id,
			    made_names[k].post);
			v[n].ind = i;
			v[n].kind = k;
			n++;
		}
	}
	qsort(v, n, sizeof(*v), made_cmp);
	/* Each pair of indicators once, at its first clash. */
	for (i = 0; i + 1 < n; i++) {
		if (strcmp(v[i].name, v[i + 1].name) != 0 ||
		    v[i].ind == v[i + 1].ind)
			continue;
		for (j = 0; j < nc; j++)
			if (c[j].first == v[i].ind &&
			    c[j].second == v[i + 1].ind)
				break;
		if (j < nc)
			continue;
		c = xreallocarray(c, nc + 1, sizeof(*c));
		c[nc].first = v[i].ind;
		c[nc].second = v[i + 1].ind;
		c[nc].what = made_names[v[i].kind].what;
		c[nc].name = xstrdup(v[i].name + 1);
		nc++;
	}
	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
	*out = c;
	return nc;
}

void
model_clashes_free(struct model_clash *c, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(c[i].name);
	free(c);
}
