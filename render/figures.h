/*
 * figures: the derived figures of input-format.md ("Derived figures"):
 * latest, previous, trend, year ago, highest, lowest and status.  Pure:
 * computes from a model indicator into a caller-owned struct, which
 * borrows pointers into the indicator's series (valid while the model
 * lives).  No allocation, no printing.
 */
#ifndef FIGURES_H
#define FIGURES_H

#include <stdbool.h>

#include "model.h"

enum trend {
	TREND_NONE,		/* fewer than two values */
	TREND_IMPROVING,
	TREND_WORSENING,
	TREND_UP,		/* better: neither */
	TREND_DOWN,
	TREND_UNCHANGED
};

enum status {
	STATUS_NONE,
	STATUS_GREEN,
	STATUS_AMBER,
	STATUS_RED
};

/* A value compared with latest. */
struct figcmp {
	const struct point *pt;		/* NULL: no such point */
	double		 change;	/* latest minus pt's value */
	bool		 has_pct;	/* false when pt's value is 0 (or
					   the percentage overflows) */
	double		 change_pct;	/* change as % of pt's value, 1 dp */
};

struct figures {
	const struct point *latest;	/* NULL: no value at all */
	const struct point *previous;	/* NULL: fewer than two values */
	enum trend	 trend;
	enum status	 status;
	size_t		 nvalues;	/* points with a value */
	struct figcmp	 year_ago;	/* pt NULL: none exactly a year before */
	struct figcmp	 highest;	/* earliest point of the largest value */
	struct figcmp	 lowest;	/* earliest point of the smallest value */
};

/* Fills *f from ind (whose series is sorted).  Never fails. */
void	 figures_compute(const struct indicator *ind, struct figures *f);

/*
 * Sets *c to the comparison of latest with pt as the contract defines
 * change and change_pct (pt NULL or latest NULL: pt NULL, no change).
 */
void	 figures_compare(struct figcmp *c, const struct point *latest,
	    const struct point *pt);

/* Rounds half away from zero to one decimal place (28.75 -> 28.8). */
double	 figures_round1(double v);

/* Contract words: "improving", ..., "green", ... */
const char *figures_trend_str(enum trend);
const char *figures_status_str(enum status);

#endif
