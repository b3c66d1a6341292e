/*
 * period: the five period forms of the input contract, parsed strictly,
 * placed on one time axis (at the period's end), and written out for
 * readers.  Pure: no allocation, no I/O, no library calls.
 *
 *	form		example		kind
 *	YYYY-MM-DD	2022-02-15	PERIOD_DAY
 *	YYYY-MM		2022-01		PERIOD_MONTH
 *	YYYY/YY Qn	2021/22 Q2	PERIOD_QUARTER (April-March year; Q1 = Apr-Jun)
 *	YYYY/YY		2019/20		PERIOD_FYEAR (April to March)
 *	YYYY		2020		PERIOD_YEAR
 */
#ifndef PERIOD_H
#define PERIOD_H

#include <stdbool.h>
#include <stddef.h>

enum period_kind {
	PERIOD_DAY,
	PERIOD_MONTH,
	PERIOD_QUARTER,
	PERIOD_FYEAR,
	PERIOD_YEAR
};

struct period {
	enum period_kind kind;
	int	 year;	/* calendar year; for QUARTER and FYEAR the year the
			   financial year starts (2021 for "2021/22") */
	int	 month;	/* 1-12 for DAY and MONTH, else 0 */
	int	 day;	/* 1-31 for DAY, else 0 */
	int	 quarter; /* 1-4 for QUARTER, else 0 */
};

/* Years accepted: 1900 to 2199. */
#define	PERIOD_YEAR_MIN	1900
#define	PERIOD_YEAR_MAX	2199

/*
 * Parses s (the whole string, no spaces around it) into *p.  Returns
 * false, leaving *p undefined, if s is not exactly one of the five forms
 * or names an impossible date ("2022-02-30", "2021/23", "2021/22 Q5").
 */
bool	period_parse(const char *s, struct period *p);

/*
 * Days from 1970-01-01 to the period's first and last day (inclusive).
 * Charts place a period at period_end().
 */
long	period_start(const struct period *p);
long	period_end(const struct period *p);

/* Days from 1970-01-01 of the civil date y-m-d (proleptic Gregorian). */
long	period_days(int y, int m, int d);
/* Inverse of period_days(). */
void	period_civil(long days, int *y, int *m, int *d);

/*
 * Orders periods in time: by end, then by start (the longer first),
 * then by kind.  Returns <0, 0 or >0; 0 only for the same period.
 */
int	period_cmp(const struct period *a, const struct period *b);
bool	period_eq(const struct period *a, const struct period *b);

/*
 * Sets *out to the same period one year earlier (same kind).  Returns
 * false when there is none (29 February, or before PERIOD_YEAR_MIN).
 */
bool	period_year_before(const struct period *p, struct period *out);

/*
 * Write p for readers, NUL-terminated, into dst of size sz (32 always
 * suffices); returns dst.
 *	long:  "15 February 2022", "January 2022", "Q2 2021/22",
 *	       "2019/20", "2020"
 *	short: "15 Feb 2022", "Jan 2022", "Q2 2021/22", "2019/20", "2020"
 *	canon: the input form, "2022-01", "2021/22 Q2", ...
 */
char	*period_long(const struct period *p, char *dst, size_t sz);
char	*period_short(const struct period *p, char *dst, size_t sz);
char	*period_canon(const struct period *p, char *dst, size_t sz);

/* Full and three-letter English month names; m is 1-12. */
const char *period_month_name(int m);
const char *period_month_abbr(int m);

#endif
