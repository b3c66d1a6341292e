/*
 * scale: value domains and "nice" ticks for chart axes, and the time
 * ticks of a period axis.  Pure: no allocation, no drawing, no I/O.
 */
#ifndef SCALE_H
#define SCALE_H

#include <stdbool.h>
#include <stddef.h>

#include "period.h"

#define	SCALE_MAXTICKS	64

struct ticks {
	double	 lo, hi;	/* the axis domain: first and last tick */
	double	 step;		/* distance between ticks, > 0 */
	size_t	 n;		/* number of ticks: lo, lo + step, ..., hi */
};

/*
 * Chooses ticks covering [min, max] with about want (>= 2) intervals,
 * the step 1, 2, 2.5 or 5 times a power of ten.  If zero is set the
 * domain includes 0.  Degenerate input is made sensible: one value
 * (min == max) gets a domain around it, all zero gets [0, 1].
 * min and max must be finite (asserted); |values| up to 1e15.
 */
void	scale_ticks(double min, double max, bool zero, int want,
	    struct ticks *t);

/* The i-th tick value (computed, not accumulated, so no drift). */
double	scale_tick(const struct ticks *t, size_t i);

/* Maps v in [d0, d1] linearly onto [r0, r1]; d0 == d1 maps to r0. */
double	scale_map(double v, double d0, double d1, double r0, double r1);

/* A label on a time axis: the period it names and where it sits. */
struct timetick {
	struct period	 p;	/* what the label says */
	long		 day;	/* where: period_end(p) */
};

/*
 * Chooses period ticks for a time axis from day lo to day hi (inclusive)
 * for data of the given kind: months step 1, 2, 3, 6 or 12; quarters 1,
 * 2 or 4; years 1, 2, 5, 10...  The step is the smallest for which
 * neighbouring labels are at least minsep days apart.  Ticks align so
 * that the period ending at anchor (the latest point) is labelled.
 * Writes at most max ticks into out and returns how many.
 */
size_t	scale_timeticks(long lo, long hi, enum period_kind kind, long anchor,
	    double minsep, struct timetick *out, size_t max);

#endif
