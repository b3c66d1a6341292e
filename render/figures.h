/*
 * figures: the derived figures of scorecard-input(5), DERIVED FIGURES:
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

/*
 * A run (scorecard(1), SUMMARY, "run"): the series has risen, fallen or stayed
 * level over its last length period-on-period changes, or been on the
 * right side of its target in its last length periods, from since.
 * Only consecutive points count: a null or hidden ([c]) point, a
 * missing month, quarter or year, or a change of period form ends a
 * run (readings on days count as consecutive however far apart).
 */
enum run_kind {
	RUN_NONE,
	RUN_RISING,
	RUN_FALLING,
	RUN_LEVEL,
	RUN_TARGET
};

/* A run is stated from this length on. */
#define	FIGURES_RUN_MIN	3

struct figrun {
	enum run_kind	 kind;		/* RUN_NONE: nothing holds */
	size_t		 length;	/* changes, or periods for TARGET */
	size_t		 npoints;	/* points the run covers */
	const struct point *since;	/* its first point */
	bool		 whole;		/* it covers every value shown */
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
	struct figrun	 run;		/* the strongest run that holds */
	bool		 has_prev_status; /* false: no previous figure (or,
					   from an archive, not in the
					   last report) */
	enum status	 prev_status;	/* at previous, by the same rules,
					   or as the last report published */
};

/*
 * One comparator against the authority (scorecard(1), SUMMARY, "comparators").
 * pt is the comparator's latest point with a value at or before the
 * indicator's latest; difference is the indicator's latest value
 * minus pt's.  The gap before is at an earlier point of the
 * comparator that the authority shares, about a year before pt (the
 * same period a year earlier) or else the first shared one.  The
 * authority shares a comparator's period when it has a value for the
 * same period or, unless the unit is a count (where a month's count
 * and a quarter's differ in kind), for one ending on the same day (a
 * month-end rate against a quarter's).
 */
struct figcomp {
	size_t		 comp;		/* index into model.comps */
	const struct point *pt;		/* NULL: none to compare with */
	double		 difference;
	const struct point *before;	/* comparator's point; NULL: none */
	const struct point *before_own;	/* the authority's, then */
	double		 gap_before;	/* authority minus comparator, then */
};

/* RAG counts of a report (scorecard(1), SUMMARY, "counts"). */
struct figcounts {
	bool		 set;		/* false: no such report */
	struct period	 period;	/* valid when set */
	size_t		 n[4];		/* by enum status */
};

/* The statuses a report published: read from an archived summary. */
struct snapshot {
	char		*pstr;		/* report.period as written */
	struct period	 period;
	struct snapind {
		char		*id;
		enum status	 status;
	}		*inds;
	size_t		 ninds;
};

/* Fills *f from ind (whose series is sorted).  Never fails. */
void	 figures_compute(const struct indicator *ind, struct figures *f);

/*
 * Fills figs[0..m->ninds) with every indicator's figures as a report
 * shows them (after model_suppress()): where the latest value is
 * suppressed, the figures made from it are hidden too (zero, trend and
 * status none).
 */
void	 figures_all(const struct model *m, struct figures *figs);

/*
 * The last point of ind's series that is not null, if it is
 * suppressed; else NULL.
 */
const struct point *figures_suppressed_latest(const struct indicator *ind);

/*
 * Sets *c to the comparison of latest with pt as the contract defines
 * change and change_pct (pt NULL or latest NULL: pt NULL, no change).
 */
void	 figures_compare(struct figcmp *c, const struct point *latest,
	    const struct point *pt);

/*
 * Sets *c to ind's i-th comparator series (ind->cs[i]) against f.
 * Returns false, c->pt NULL, when it has no value to compare with (or
 * f has no latest).
 */
bool	 figures_comparator(const struct indicator *ind,
	    const struct figures *f, size_t i, struct figcomp *c);

/* Sets *c to the counts of m's statuses now: figs[i] for m->inds[i]. */
void	 figures_counts(const struct model *m, const struct figures *figs,
	    struct figcounts *c);

/*
 * Sets *c to the counts of the previous report worked out from the
 * series: each indicator with a previous figure, at its status then;
 * the period is the one before the report's, of its form (for a day,
 * the latest of those figures' periods before it).  c->set false
 * when no indicator has a previous figure.
 */
void	 figures_counts_previous(const struct model *m,
	    const struct figures *figs, struct figcounts *c);

/*
 * Takes the last report from a snapshot instead: each figs[i]'s
 * prev_status is the status the snapshot published for the same id
 * (has_prev_status false where it had none), and *c counts every
 * indicator the snapshot had, at its period.
 */
void	 figures_from_snapshot(const struct model *m, struct figures *figs,
	    const struct snapshot *s, struct figcounts *c);

/* Frees what s holds (not s).  NULL is fine. */
void	 figures_snapshot_release(struct snapshot *s);

/* "rising", "falling", "level", "target"; "none" for RUN_NONE. */
const char *figures_run_str(enum run_kind);

/* Rounds half away from zero to one decimal place (28.75 -> 28.8). */
double	 figures_round1(double v);

/* Contract words: "improving", ..., "green", ... */
const char *figures_trend_str(enum trend);
const char *figures_status_str(enum status);

#endif
