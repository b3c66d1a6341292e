/*
 * figures: the derived figures of scorecard-input(5), computed in one
 * walk over an indicator's sorted series.  Points without a value are
 * skipped everywhere.  The result borrows points from the series; it
 * allocates nothing and prints nothing, so the report, the charts'
 * text alternatives and summary.json all read the same numbers.
 *
 * Values are compared exactly as parsed: two inputs written alike are
 * equal doubles, and a trend or status should not depend on how a
 * value happens to be displayed.  Only change_pct is rounded, once,
 * here (figures_round1), so every output shows the same percentage.
 */
#include <assert.h>
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "figures.h"
#include "model.h"
#include "period.h"

double
figures_round1(double v)
{
	double	 a;

	a = fabs(v) * 10;
	if (!(a < 0x1p52))
		return v;	/* no tenths left to round (or inf, NaN) */
	/*
	 * A relative nudge of a few ulps makes a decimal half that binary
	 * cannot hold (0.35 is 0.34999999999999997...) or that arithmetic
	 * left a hair short round away from zero, as a person expects.
	 */
	a = round(a + a * 8 * DBL_EPSILON) / 10;
	if (a == 0)
		return 0;	/* never -0 */
	return v < 0 ? -a : a;
}

/*
 * The difference of two decimal inputs, without binary noise: rounded to
 * 12 significant digits, so 9.8 - 10 is -0.2, not -0.19999999999999929.
 * Inputs carry at most 15 digits; a change needs no more than 12.
 */
static double
snap12(double v)
{
	double	 scale;
	int	 e;

	if (v == 0 || !isfinite(v))
		return v == 0 ? 0 : v;
	e = (int)floor(log10(fabs(v)));
	if (e > 200 || e < -200)
		return v;
	scale = pow(10, 11 - e);
	return round(v * scale) / scale;
}

void
figures_compare(struct figcmp *c, const struct point *latest,
    const struct point *pt)
{
	c->pt = pt;
	c->change = 0;
	c->has_pct = false;
	c->change_pct = 0;
	if (pt == NULL || latest == NULL)
		return;
	c->change = snap12(latest->value - pt->value);
	if (pt->value != 0) {
		c->change_pct = figures_round1(c->change / pt->value * 100);
		/* Absurd inputs (1e300 from 1e-300) overflow: no pct. */
		c->has_pct = isfinite(c->change_pct);
		if (!c->has_pct)
			c->change_pct = 0;
	}
}

static enum trend
trend_of(const struct figures *f, enum better better)
{
	double	 d;

	if (f->latest == NULL || f->previous == NULL)
		return TREND_NONE;
	d = f->latest->value - f->previous->value;
	if (d == 0)
		return TREND_UNCHANGED;
	switch (better) {
	case BETTER_NEITHER:
		return d > 0 ? TREND_UP : TREND_DOWN;
	case BETTER_HIGHER:
		return d > 0 ? TREND_IMPROVING : TREND_WORSENING;
	case BETTER_LOWER:
		return d < 0 ? TREND_IMPROVING : TREND_WORSENING;
	}
	abort();	/* not a direction */
}

static enum status
status_at(const struct point *pt, const struct indicator *ind)
{
	const struct target	*t = &ind->target;
	double			 v;

	if (pt == NULL || !t->set)
		return STATUS_NONE;
	v = pt->value;
	switch (ind->better) {
	case BETTER_NEITHER:
		return STATUS_NONE;
	case BETTER_HIGHER:
		if (v >= t->value)
			return STATUS_GREEN;
		if (t->has_amber && v >= t->amber)
			return STATUS_AMBER;
		return STATUS_RED;
	case BETTER_LOWER:
		if (v <= t->value)
			return STATUS_GREEN;
		if (t->has_amber && v <= t->amber)
			return STATUS_AMBER;
		return STATUS_RED;
	}
	abort();	/* not a direction */
}

/* The point with a value for period want, or NULL. */
static const struct point *
find_period(const struct series *s, const struct period *want)
{
	size_t	 i;

	for (i = 0; i < s->npts; i++)
		if (s->pts[i].has_value &&
		    period_eq(&s->pts[i].period, want))
			return &s->pts[i];
	return NULL;
}

/* Whether b is the period after a, for a run (see figures.h). */
static bool
adjacent(const struct period *a, const struct period *b)
{
	if (a->kind != b->kind)
		return false;
	switch (a->kind) {
	case PERIOD_DAY:
		return true;
	case PERIOD_MONTH:
		return b->year * 12 + b->month == a->year * 12 + a->month + 1;
	case PERIOD_QUARTER:
		return b->year * 4 + b->quarter ==
		    a->year * 4 + a->quarter + 1;
	case PERIOD_FYEAR:
	case PERIOD_YEAR:
		return b->year == a->year + 1;
	}
	abort();	/* not a period kind */
}

static int
sign(double d)
{
	return d > 0 ? 1 : d < 0 ? -1 : 0;
}

/*
 * The strongest run ending at latest: the one covering more points;
 * on a tie, the target's (it says more to a board than a direction).
 */
static void
run_of(const struct indicator *ind, struct figures *f)
{
	const struct series	*s = &ind->series;
	const struct point	*pts = s->pts;
	size_t			 last, i, nd = 0, nt = 0;
	int			 dir = 0;

	memset(&f->run, 0, sizeof(f->run));
	if (f->latest == NULL)
		return;
	last = (size_t)(f->latest - pts);

	/* Direction: consecutive changes of one sign (0 for level). */
	for (i = last; i > 0; i--) {
		if (!pts[i - 1].has_value ||
		    !adjacent(&pts[i - 1].period, &pts[i].period))
			break;
		if (i == last)
			dir = sign(pts[i].value - pts[i - 1].value);
		else if (sign(pts[i].value - pts[i - 1].value) != dir)
			break;
		nd++;
	}
	/* Target: consecutive points at their status green. */
	if (ind->better != BETTER_NEITHER && ind->target.set)
		for (i = last + 1; i-- > 0;) {
			if (!pts[i].has_value ||
			    status_at(&pts[i], ind) != STATUS_GREEN ||
			    (i < last && !adjacent(&pts[i].period,
			    &pts[i + 1].period)))
				break;
			nt++;
		}
	if (nt >= FIGURES_RUN_MIN && nt >= nd + 1) {
		f->run.kind = RUN_TARGET;
		f->run.length = f->run.npoints = nt;
	} else if (nd >= FIGURES_RUN_MIN) {
		f->run.kind = dir > 0 ? RUN_RISING : dir < 0 ? RUN_FALLING :
		    RUN_LEVEL;
		f->run.length = nd;
		f->run.npoints = nd + 1;
	} else
		return;
	f->run.since = &pts[last + 1 - f->run.npoints];
	f->run.whole = f->run.npoints == f->nvalues;
}

/*
 * The authority's point sharing comparator point cp's period (see
 * figures.h), or NULL.  The series is sorted by period_cmp(), so by
 * each period's last day first: a binary search finds the points
 * ending with cp's, and only they can share it (log time: a comparator
 * of 100,000 points is searched once a point).
 */
static const struct point *
shared(const struct indicator *ind, const struct point *cp)
{
	const struct series	*s = &ind->series;
	const struct point	*same_end = NULL;
	long			 end = period_end(&cp->period);
	size_t			 lo = 0, hi = s->npts, mid, i;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (period_end(&s->pts[mid].period) < end)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < s->npts && period_end(&s->pts[i].period) == end;
	    i++) {
		if (!s->pts[i].has_value)
			continue;
		if (period_eq(&s->pts[i].period, &cp->period))
			return &s->pts[i];
		if (ind->unit != UNIT_COUNT && same_end == NULL)
			same_end = &s->pts[i];
	}
	return same_end;
}

bool
figures_comparator(const struct indicator *ind, const struct figures *f,
    size_t i, struct figcomp *c)
{
	const struct series	*s;
	const struct point	*cp, *own;
	struct period		 ya;
	size_t			 k, at;

	assert(i < ind->ncs);
	memset(c, 0, sizeof(*c));
	s = &ind->cs[i].s;
	c->comp = ind->cs[i].comp;
	if (f->latest == NULL)
		return false;
	for (k = s->npts; k-- > 0;)
		if (s->pts[k].has_value &&
		    period_cmp(&s->pts[k].period, &f->latest->period) <= 0)
			break;
	if (k >= s->npts)
		return false;
	at = k;
	c->pt = cp = &s->pts[at];
	c->difference = snap12(f->latest->value - cp->value);

	/* The gap a year before, else at the first shared period. */
	if (period_year_before(&cp->period, &ya))
		for (k = 0; k < at; k++)
			if (s->pts[k].has_value &&
			    period_eq(&s->pts[k].period, &ya) &&
			    (own = shared(ind, &s->pts[k])) != NULL) {
				c->before = &s->pts[k];
				c->before_own = own;
				break;
			}
	for (k = 0; c->before == NULL && k < at; k++)
		if (s->pts[k].has_value &&
		    (own = shared(ind, &s->pts[k])) != NULL) {
			c->before = &s->pts[k];
			c->before_own = own;
		}
	if (c->before != NULL)
		c->gap_before = snap12(c->before_own->value -
		    c->before->value);
	return true;
}

void
figures_counts(const struct model *m, const struct figures *figs,
    struct figcounts *c)
{
	size_t	 i;

	memset(c, 0, sizeof(*c));
	c->set = true;
	c->period = m->report.period;
	for (i = 0; i < m->ninds; i++)
		c->n[figs[i].status]++;
}

/* The period before p, of its form; false for a day (no such thing as
 * the report of the day before) or before PERIOD_YEAR_MIN. */
static bool
period_before(const struct period *p, struct period *out)
{
	*out = *p;
	switch (p->kind) {
	case PERIOD_DAY:
		return false;
	case PERIOD_MONTH:
		if (--out->month == 0) {
			out->month = 12;
			out->year--;
		}
		break;
	case PERIOD_QUARTER:
		if (--out->quarter == 0) {
			out->quarter = 4;
			out->year--;
		}
		break;
	case PERIOD_FYEAR:
	case PERIOD_YEAR:
		out->year--;
		break;
	}
	return out->year >= PERIOD_YEAR_MIN;
}

void
figures_counts_previous(const struct model *m, const struct figures *figs,
    struct figcounts *c)
{
	const struct point	*when = NULL, *any = NULL;
	size_t			 i;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < m->ninds; i++) {
		const struct point *p = figs[i].previous;

		if (!figs[i].has_prev_status)
			continue;
		c->n[figs[i].prev_status]++;
		if (any == NULL || period_cmp(&p->period, &any->period) > 0)
			any = p;
		if (period_cmp(&p->period, &m->report.period) < 0 &&
		    (when == NULL || period_cmp(&p->period,
		    &when->period) > 0))
			when = p;
	}
	if (any == NULL)
		return;
	/* The report before this one, where the reports are regular. */
	c->set = true;
	if (period_before(&m->report.period, &c->period))
		return;
	when = when != NULL ? when : any;
	c->period = when->period;
}

void
figures_from_snapshot(const struct model *m, struct figures *figs,
    const struct snapshot *s, struct figcounts *c)
{
	size_t	 i, k;

	memset(c, 0, sizeof(*c));
	c->set = true;
	c->period = s->period;
	for (k = 0; k < s->ninds; k++)
		c->n[s->inds[k].status]++;
	for (i = 0; i < m->ninds; i++) {
		figs[i].has_prev_status = false;
		figs[i].prev_status = STATUS_NONE;
		for (k = 0; k < s->ninds; k++)
			if (strcmp(s->inds[k].id, m->inds[i].id) == 0) {
				figs[i].has_prev_status = true;
				figs[i].prev_status = s->inds[k].status;
				break;
			}
	}
}

void
figures_snapshot_release(struct snapshot *s)
{
	size_t	 i;

	if (s == NULL)
		return;
	for (i = 0; i < s->ninds; i++)
		free(s->inds[i].id);
	free(s->inds);
	free(s->pstr);
	memset(s, 0, sizeof(*s));
}

const char *
figures_run_str(enum run_kind k)
{
	switch (k) {
	case RUN_NONE:
		return "none";
	case RUN_RISING:
		return "rising";
	case RUN_FALLING:
		return "falling";
	case RUN_LEVEL:
		return "level";
	case RUN_TARGET:
		return "target";
	}
	abort();	/* not a run */
}

void
figures_compute(const struct indicator *ind, struct figures *f)
{
	const struct series	*s = &ind->series;
	const struct point	*pt, *hi = NULL, *lo = NULL, *ya = NULL;
	struct period		 before;
	size_t			 i;

	f->latest = f->previous = NULL;
	f->nvalues = 0;
	for (i = 0; i < s->npts; i++) {
		pt = &s->pts[i];
		if (!pt->has_value)
			continue;
		f->nvalues++;
		f->previous = f->latest;
		f->latest = pt;
		/* Strict comparisons keep the earliest of equal values. */
		if (hi == NULL || pt->value > hi->value)
			hi = pt;
		if (lo == NULL || pt->value < lo->value)
			lo = pt;
	}

	if (f->latest != NULL &&
	    period_year_before(&f->latest->period, &before))
		ya = find_period(s, &before);

	f->trend = trend_of(f, ind->better);
	f->status = status_at(f->latest, ind);
	f->has_prev_status = f->previous != NULL;
	f->prev_status = status_at(f->previous, ind);
	run_of(ind, f);
	figures_compare(&f->year_ago, f->latest, ya);
	figures_compare(&f->highest, f->latest, hi);
	figures_compare(&f->lowest, f->latest, lo);
}

const char *
figures_trend_str(enum trend t)
{
	switch (t) {
	case TREND_NONE:
		return "none";
	case TREND_IMPROVING:
		return "improving";
	case TREND_WORSENING:
		return "worsening";
	case TREND_UP:
		return "up";
	case TREND_DOWN:
		return "down";
	case TREND_UNCHANGED:
		return "unchanged";
	}
	abort();	/* not a trend */
}

const char *
figures_status_str(enum status st)
{
	switch (st) {
	case STATUS_NONE:
		return "none";
	case STATUS_GREEN:
		return "green";
	case STATUS_AMBER:
		return "amber";
	case STATUS_RED:
		return "red";
	}
	abort();	/* not a status */
}

const struct point *
figures_suppressed_latest(const struct indicator *ind)
{
	size_t	 i;

	for (i = ind->series.npts; i-- > 0;) {
		const struct point *p = &ind->series.pts[i];

		if (p->suppressed)
			return p;
		if (p->has_value)
			return NULL;
	}
	return NULL;
}

void
figures_all(const struct model *m, struct figures *figs)
{
	size_t		 i;

	for (i = 0; i < m->ninds; i++) {
		figures_compute(&m->inds[i], &figs[i]);
		/*
		 * A hidden latest figure hides the figures made from it too:
		 * an older value shown as "latest", or a status or trend from
		 * it, would mislead, and a change would reveal it.
		 */
		if (figures_suppressed_latest(&m->inds[i]) != NULL) {
			memset(&figs[i], 0, sizeof(figs[i]));
			figs[i].trend = TREND_NONE;
			figs[i].status = STATUS_NONE;
		}
	}
}
