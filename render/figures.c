/*
 * figures: the derived figures of input-format.md, computed in one
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
#include <float.h>
#include <math.h>
#include <stdlib.h>

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
status_of(const struct figures *f, const struct indicator *ind)
{
	const struct target	*t = &ind->target;
	double			 v;

	if (f->latest == NULL || !t->set)
		return STATUS_NONE;
	v = f->latest->value;
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
	f->status = status_of(f, ind);
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
