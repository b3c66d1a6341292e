/*
 * model: the report as read from indicator JSON, after validation.
 * Plain structs, no library headers.  One tree, owned by struct model
 * and freed by model_free(); every string is a heap copy.  Series are
 * held sorted in time order (the loader sorts them).
 */
#ifndef MODEL_H
#define MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "period.h"

enum unit {
	UNIT_COUNT,	/* "count": children, cases */
	UNIT_PERCENT,	/* "percent": 0-100 */
	UNIT_RATE10K,	/* "rate10k": per 10,000 children */
	UNIT_DAYS,	/* "days" */
	UNIT_WEEKS,	/* "weeks" */
	UNIT_NUMBER	/* "number": any other quantity */
};

enum better {
	BETTER_NEITHER,	/* default */
	BETTER_HIGHER,
	BETTER_LOWER
};

enum chart_kind {
	CHART_AUTO,	/* not given: follows the data */
	CHART_LINE,
	CHART_COLUMN,
	CHART_NONE
};

struct point {
	char		*pstr;		/* the period as written in the input */
	struct period	 period;
	bool		 has_value;	/* false: "value": null */
	double		 value;		/* finite when has_value */
	bool		 provisional;
	bool		 suppressed;	/* a small number hidden as [c]: then
					   has_value is false too */
	bool		 has_numerator;
	long long	 numerator;
	bool		 has_denominator;
	long long	 denominator;
	char		*note;		/* NULL if none */
};

struct series {
	struct point	*pts;		/* sorted by period_cmp() */
	size_t		 npts;
};

/* A declared comparator: top-level "comparators". */
struct comparator {
	char		*id;		/* "sn" */
	char		*label;		/* "Statistical neighbours" */
};

/* One indicator's comparator series. */
struct cseries {
	size_t		 comp;		/* index into model.comps */
	struct series	 s;
};

struct bitem {
	char		*label;
	bool		 has_value;
	double		 value;
	bool		 suppressed;	/* as in struct point */
	bool		 secondary;	/* suppressed as well, not small
					   itself: see model_suppress() */
};

struct breakdown {
	char		*title;		/* NULL if none */
	char		*pstr;		/* NULL if no period given */
	struct period	 period;	/* valid when pstr != NULL */
	enum unit	 unit;		/* of the items: "unit", default count
					   (an extension of the contract) */
	struct bitem	*items;
	size_t		 nitems;
};

struct target {
	bool		 set;
	double		 value;
	bool		 has_amber;	/* false for a plain-number target */
	double		 amber;
};

struct indicator {
	char		*id;		/* [a-z0-9][a-z0-9-]*, <= 64 chars */
	char		*code;		/* NULL if none */
	char		*title;
	char		*section;	/* NULL if none */
	enum unit	 unit;
	enum better	 better;
	struct target	 target;
	struct series	 series;
	struct cseries	*cs;		/* in the order of model.comps */
	size_t		 ncs;
	struct breakdown *breakdown;	/* NULL if none */
	char		*commentary;	/* NULL if none */
	enum chart_kind	 chart;
};

struct report_meta {
	char		*title;
	char		*organisation;
	char		*pstr;		/* report.period as written */
	struct period	 period;
	char		*published;	/* as written, NULL if none */
	struct period	 pubperiod;	/* valid when published != NULL */
	char		*introduction;	/* NULL if none */
	char		*contact;	/* NULL if none */
};

/* Counts of 1 to this many children are not published by default. */
#define	MODEL_THRESHOLD	5

struct model {
	struct report_meta	 report;
	bool			 suppress;	/* hide small numbers (default) */
	int			 threshold;	/* 1-100: hide 1..threshold */
	size_t			 nsuppressed;	/* values hidden */
	size_t			 nsecondary;	/* of them, hidden so that
						   others cannot be worked out */
	struct comparator	*comps;
	size_t			 ncomps;
	struct indicator	*inds;
	size_t			 ninds;
};

/* Returns a new, empty model; free with model_free(). */
struct model	*model_new(void);
/* Frees m and everything in it.  NULL is fine. */
void		 model_free(struct model *m);
/*
 * Frees everything m holds and leaves it as model_new() made it (the
 * loader empties a model it could not fill with this).
 */
void		 model_clear(struct model *m);

/*
 * Hides small numbers, so that a published report cannot identify a
 * child: a count of 1 to m->threshold, or a percentage or rate whose
 * numerator is, in an indicator's series and breakdown, becomes
 * suppressed and loses its value, so that no derived figure, chart or
 * change reveals it.  Comparator series (other areas' published
 * figures) are left as given.  Does nothing when m->suppress is false.
 * Secondary suppression: a breakdown of counts adds up to a total that
 * is usually published (the indicator's own figure), so if exactly one
 * of its items is hidden, the next smallest (the smallest above zero if
 * there is one) is hidden too, marked secondary; otherwise the hidden
 * one would be the total less the others.
 * Returns the number of values hidden (also in m->nsuppressed, and
 * those hidden as secondary in m->nsecondary).
 */
size_t		 model_suppress(struct model *m);

/*
 * The periods of ind's series and its comparators (each sorted), each
 * once and in time order: the rows of its figures table.  Returns a
 * new array (free it) with the count in *n.  Time: rows x series.
 */
const struct period **model_periods(const struct indicator *ind,
		    size_t *n);

/*
 * The input-contract names: "count", "higher", "line", ...  Static
 * strings.  model_chart_str(CHART_AUTO) is "auto", which is not an
 * input word (the default when "chart" is absent).
 */
/*
 * Two indicators whose ids would make the same name in the output:
 * a chart file (an indicator "b" with a breakdown and another
 * "b-breakdown" both make charts/b-breakdown.png) or an element id of
 * the report ("ind-x-title" from "x-title" and from "ind-x").
 */
struct model_clash {
	size_t		 first, second;	/* indexes into m->inds, first < second */
	const char	*what;		/* "the chart file", "the element id" */
	char		*name;		/* the name both would make */
};

/*
 * Finds every pair of m's indicators that would make a name in common,
 * each pair once; indicators without an id are skipped.  Returns the
 * number found, with the array in *out (free it with
 * model_clashes_free()).
 */
size_t		 model_name_clashes(const struct model *m,
		    struct model_clash **out);
void		 model_clashes_free(struct model_clash *c, size_t n);

const char	*model_unit_str(enum unit);
const char	*model_better_str(enum better);
const char	*model_chart_str(enum chart_kind);

#endif
