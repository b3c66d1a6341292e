/*
 * scale: nice numbers for axes (Heckbert's "nice numbers for graph
 * labels", with 2.5 added as most statistical publications use it) and
 * calendar-aligned time ticks.  Pure arithmetic; the layout in chart.c
 * decides how many ticks fit.
 */
#include <assert.h>
#include <math.h>

#include "scale.h"

static double
nicestep(double raw)
{
	double	 mag, f;

	mag = pow(10, floor(log10(raw)));
	f = raw / mag;
	/* The tolerance keeps 0.1 / 5 = 0.020000000000000004 at 2. */
	if (f <= 1 + 1e-9)
		f = 1;
	else if (f <= 2 + 1e-9)
		f = 2;
	else if (f <= 2.5 + 1e-9)
		f = 2.5;
	else if (f <= 5 + 1e-9)
		f = 5;
	else
		f = 10;
	return f * mag;
}

void
scale_ticks(double min, double max, bool zero, int want, struct ticks *t)
{
	double	 step, lo, hi, span;

	assert(isfinite(min) && isfinite(max) && want >= 2);
	if (min > max) {
		double	 tmp = min;

		min = max;
		max = tmp;
	}
	/*
	 * Values this close to zero show as zero at any number of
	 * decimals an axis gets, and a tenth of one can underflow to a
	 * span of 0 (5e-324): treat them as zero.
	 */
	if (fabs(min) < 1e-200)
		min = 0;
	if (fabs(max) < 1e-200)
		max = 0;
	if (zero) {
		if (min > 0)
			min = 0;
		if (max < 0)
			max = 0;
	}
	if (min == max) {
		if (min == 0)
			max = 1;
		else {
			span = fabs(min) * 0.1;
			if (zero && min > 0)
				min = 0;
			else if (zero && max < 0)
				max = 0;
			else {
				min -= span;
				max += span;
			}
		}
	}
	span = max - min;
	step = nicestep(span / want);
	lo = floor(min / step + 1e-9) * step;
	hi = ceil(max / step - 1e-9) * step;
	/* Keep the count sane if rounding made too many ticks. */
	while ((hi - lo) / step > 2 * want && (hi - lo) / step > SCALE_MAXTICKS - 1) {
		step = nicestep(step * 1.5);
		lo = floor(min / step + 1e-9) * step;
		hi = ceil(max / step - 1e-9) * step;
	}
	t->lo = lo;
	t->hi = hi;
	t->step = step;
	t->n = (size_t)llround((hi - lo) / step) + 1;
	if (t->n > SCALE_MAXTICKS)
		t->n = SCALE_MAXTICKS;
}

double
scale_tick(const struct ticks *t, size_t i)
{
	double	 v;

	v = t->lo + (double)i * t->step;
	/* Snap tiny float residue (0.30000000000000004) to the step grid. */
	v = round(v / t->step) * t->step;
	if (fabs(v) < t->step * 1e-9)
		v = 0;
	return v;
}

double
scale_map(double v, double d0, double d1, double r0, double r1)
{
	if (d1 == d0)
		return r0;
	return r0 + (v - d0) / (d1 - d0) * (r1 - r0);
}

/* Months since year 0 of the period's last month. */
static long
monthindex(int y, int m)
{
	return (long)y * 12 + (m - 1);
}

size_t
scale_timeticks(long lo, long hi, enum period_kind kind, long anchor,
    double minsep, struct timetick *out, size_t max)
{
	static const int mstep[] = { 1, 2, 3, 6, 12, 24, 60, 120, 240, 600 };
	static const int qstep[] = { 3, 6, 12, 24, 60, 120, 240, 600 };
	static const int ystep[] = { 12, 24, 60, 120, 240, 600 };
	const int	*steps = ystep;
	size_t		 nsteps = sizeof(ystep) / sizeof(ystep[0]), i, n = 0;
	int		 y, m, d, step = 12;
	long		 a, k, first, last;
	struct period	 p;

	switch (kind) {
	case PERIOD_DAY:
	case PERIOD_MONTH:
		steps = mstep;
		nsteps = sizeof(mstep) / sizeof(mstep[0]);
		break;
	case PERIOD_QUARTER:
		steps = qstep;
		nsteps = sizeof(qstep) / sizeof(qstep[0]);
		break;
	case PERIOD_FYEAR:
	case PERIOD_YEAR:
		steps = ystep;
		nsteps = sizeof(ystep) / sizeof(ystep[0]);
		break;
	}
	for (i = 0; i < nsteps; i++) {
		step = steps[i];
		if (step * 30.4 >= minsep)
			break;
	}
	/* Align on the anchor's month-end so the latest point is labelled. */
	period_civil(anchor, &y, &m, &d);
	a = monthindex(y, m);
	period_civil(lo, &y, &m, &d);
	first = monthindex(y, m);
	period_civil(hi, &y, &m, &d);
	last = monthindex(y, m);
	k = a - ((a - first) / step) * step;
	while (k - step >= first)
		k -= step;
	/*
	 * One step before the first month too: a tick stands at the end of
	 * the period holding month k, which for a quarter or a financial
	 * year can lie inside the range when month k does not (anchored on
	 * December, the year 2016/17 ends in March 2017, after a range that
	 * starts there).  Ticks outside the range are dropped below.
	 */
	k -= step;
	for (; k <= last && n < max; k += step) {
		y = (int)(k / 12);
		m = (int)(k % 12) + 1;
		p.year = y;
		p.month = m;
		p.day = 0;
		p.quarter = 0;
		switch (kind) {
		case PERIOD_DAY:
		case PERIOD_MONTH:
			p.kind = PERIOD_MONTH;
			break;
		case PERIOD_QUARTER:
			/* The quarter ending in month m of the April year. */
			p.kind = PERIOD_QUARTER;
			p.year = m >= 4 ? y : y - 1;
			p.quarter = (m >= 4 ? m - 4 : m + 8) / 3 + 1;
			p.month = 0;
			break;
		case PERIOD_FYEAR:
			p.kind = PERIOD_FYEAR;
			p.year = m >= 4 ? y : y - 1;
			p.month = 0;
			break;
		case PERIOD_YEAR:
			p.kind = PERIOD_YEAR;
			p.month = 0;
			break;
		}
		out[n].p = p;
		out[n].day = period_end(&p);
		if (out[n].day < lo || out[n].day > hi)
			continue;
		n++;
	}
	return n;
}
