/*
 * period: the five period forms of the input contract.
 *
 * Parsing is by shape: the length of the string picks the candidate
 * forms (4: YYYY; 7: YYYY-MM or YYYY/YY; 10: YYYY-MM-DD or YYYY/YY Qn)
 * and every character is then checked, so "2022-1", " 2022", "2021/23",
 * "2021/22 q2" and "2022-02-30" are all refused without any scanf-style
 * leniency.  A parsed period is a struct of small integers; it is
 * placed on the time axis as days since 1970-01-01 (proleptic
 * Gregorian, Howard Hinnant's days_from_civil), and written back out
 * for readers through a tiny bounded appender.
 *
 * Deliberately pure: no allocation, no stdio, no locale (abort() on an
 * impossible period kind is the only library call).  Out-of-range
 * fields in a struct period (a month of 13) are programmer errors and
 * are asserted.
 */
#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>

#include "period.h"

static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

static const char *const month_abbrs[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
	"Oct", "Nov", "Dec"
};

static bool
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int	 mdays[12] =
	    { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	assert(m >= 1 && m <= 12);
	return m == 2 && is_leap(y) ? 29 : mdays[m - 1];
}

/* Reads n decimal digits at s into *v; false if any is not a digit. */
static bool
digits(const char *s, int n, int *v)
{
	int	 i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		*v = *v * 10 + (s[i] - '0');
	}
	return true;
}

/* The length of s, counted only up to 16: no form is that long. */
static size_t
slen(const char *s)
{
	size_t	 n = 0;

	while (s[n] != '\0' && n < 16)
		n++;
	return n;
}

bool
period_parse(const char *s, struct period *p)
{
	struct period	 r = { PERIOD_YEAR, 0, 0, 0, 0 };
	int		 yy;

	if (s == NULL || !digits(s, 4, &r.year))
		return false;
	if (r.year < PERIOD_YEAR_MIN || r.year > PERIOD_YEAR_MAX)
		return false;

	switch (slen(s)) {
	case 4:
		r.kind = PERIOD_YEAR;
		break;
	case 7:
		if (s[4] == '-') {
			r.kind = PERIOD_MONTH;
			if (!digits(s + 5, 2, &r.month) ||
			    r.month < 1 || r.month > 12)
				return false;
		} else if (s[4] == '/') {
			r.kind = PERIOD_FYEAR;
			if (!digits(s + 5, 2, &yy) || yy != (r.year + 1) % 100)
				return false;
		} else
			return false;
		break;
	case 10:
		if (s[4] == '-') {
			r.kind = PERIOD_DAY;
			if (!digits(s + 5, 2, &r.month) || s[7] != '-' ||
			    !digits(s + 8, 2, &r.day))
				return false;
			if (r.month < 1 || r.month > 12 || r.day < 1 ||
			    r.day > month_days(r.year, r.month))
				return false;
		} else if (s[4] == '/') {
			r.kind = PERIOD_QUARTER;
			if (!digits(s + 5, 2, &yy) || yy != (r.year + 1) % 100)
				return false;
			if (s[7] != ' ' || s[8] != 'Q' ||
			    !digits(s + 9, 1, &r.quarter) ||
			    r.quarter < 1 || r.quarter > 4)
				return false;
		} else
			return false;
		break;
	default:
		return false;
	}
	*p = r;
	return true;
}

long
period_days(int y, int m, int d)
{
	long	 yr, era, yoe, doy, doe;

	yr = (long)y - (m <= 2);
	era = (yr >= 0 ? yr : yr - 399) / 400;
	yoe = yr - era * 400;
	doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
period_civil(long days, int *y, int *m, int *d)
{
	long	 z, era, doe, yoe, yr, doy, mp;

	z = days + 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yr = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yr + (*m <= 2));
}

/* First day of month m (which may run past 12) of year y. */
static long
month_start(int y, int m)
{
	return period_days(y + (m - 1) / 12, (m - 1) % 12 + 1, 1);
}

long
period_start(const struct period *p)
{
	switch (p->kind) {
	case PERIOD_DAY:
		return period_days(p->year, p->month, p->day);
	case PERIOD_MONTH:
		return month_start(p->year, p->month);
	case PERIOD_QUARTER:
		assert(p->quarter >= 1 && p->quarter <= 4);
		return month_start(p->year, 4 + 3 * (p->quarter - 1));
	case PERIOD_FYEAR:
		return month_start(p->year, 4);
	case PERIOD_YEAR:
		return month_start(p->year, 1);
	}
	abort();	/* not a period kind */
}

long
period_end(const struct period *p)
{
	switch (p->kind) {
	case PERIOD_DAY:
		return period_days(p->year, p->month, p->day);
	case PERIOD_MONTH:
		return month_start(p->year, p->month + 1) - 1;
	case PERIOD_QUARTER:
		assert(p->quarter >= 1 && p->quarter <= 4);
		return month_start(p->year, 4 + 3 * p->quarter) - 1;
	case PERIOD_FYEAR:
		return month_start(p->year, 16) - 1;
	case PERIOD_YEAR:
		return month_start(p->year, 13) - 1;
	}
	abort();	/* not a period kind */
}

static int
cmp_long(long a, long b)
{
	return a < b ? -1 : a > b;
}

int
period_cmp(const struct period *a, const struct period *b)
{
	int	 c;

	if ((c = cmp_long(period_end(a), period_end(b))) != 0)
		return c;
	if ((c = cmp_long(period_start(a), period_start(b))) != 0)
		return c;
	if ((c = cmp_long(a->kind, b->kind)) != 0)
		return c;
	/* Same kind, start and end: the fields agree, bar garbage. */
	if ((c = cmp_long(a->year, b->year)) != 0)
		return c;
	if ((c = cmp_long(a->month, b->month)) != 0)
		return c;
	if ((c = cmp_long(a->day, b->day)) != 0)
		return c;
	return cmp_long(a->quarter, b->quarter);
}

bool
period_eq(const struct period *a, const struct period *b)
{
	return a->kind == b->kind && a->year == b->year &&
	    a->month == b->month && a->day == b->day &&
	    a->quarter == b->quarter;
}

bool
period_year_before(const struct period *p, struct period *out)
{
	if (p->year - 1 < PERIOD_YEAR_MIN)
		return false;
	if (p->kind == PERIOD_DAY && p->month == 2 && p->day == 29)
		return false;
	*out = *p;
	out->year--;
	return true;
}

const char *
period_month_name(int m)
{
	assert(m >= 1 && m <= 12);
	return month_names[m - 1];
}

const char *
period_month_abbr(int m)
{
	assert(m >= 1 && m <= 12);
	return month_abbrs[m - 1];
}

/*
 * A bounded appender: writes what fits, always NUL-terminates (when
 * sz > 0), like strlcat.
 */
struct out {
	char	*dst;
	size_t	 sz;
	size_t	 len;
};

static void
out_c(struct out *o, char c)
{
	if (o->sz == 0)
		return;
	if (o->len + 1 < o->sz)
		o->dst[o->len++] = c;
	o->dst[o->len] = '\0';
}

static void
out_s(struct out *o, const char *s)
{
	while (*s != '\0')
		out_c(o, *s++);
}

/* Appends the non-negative v, zero-padded to at least width digits. */
static void
out_n(struct out *o, int v, int width)
{
	char	 tmp[12];
	int	 n = 0;

	assert(v >= 0);
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0 && n < (int)sizeof(tmp));
	while (n < width && n < (int)sizeof(tmp))
		tmp[n++] = '0';
	while (n > 0)
		out_c(o, tmp[--n]);
}

static void
out_init(struct out *o, char *dst, size_t sz)
{
	o->dst = dst;
	o->sz = sz;
	o->len = 0;
	if (sz > 0)
		dst[0] = '\0';
}

/* "2021/22" */
static void
out_fyear(struct out *o, int y)
{
	out_n(o, y, 4);
	out_c(o, '/');
	out_n(o, (y + 1) % 100, 2);
}

/* "January 2022", or "Jan 2022" if abbr. */
static void
out_month(struct out *o, const struct period *p, bool abbr)
{
	out_s(o, abbr ? period_month_abbr(p->month) :
	    period_month_name(p->month));
	out_c(o, ' ');
	out_n(o, p->year, 4);
}

/* Reader forms; abbr picks short month names. */
static char *
period_reader(const struct period *p, char *dst, size_t sz, bool abbr)
{
	struct out	 o;

	out_init(&o, dst, sz);
	switch (p->kind) {
	case PERIOD_DAY:
		out_n(&o, p->day, 1);
		out_c(&o, ' ');
		out_month(&o, p, abbr);
		break;
	case PERIOD_MONTH:
		out_month(&o, p, abbr);
		break;
	case PERIOD_QUARTER:
		out_c(&o, 'Q');
		out_n(&o, p->quarter, 1);
		out_c(&o, ' ');
		out_fyear(&o, p->year);
		break;
	case PERIOD_FYEAR:
		out_fyear(&o, p->year);
		break;
	case PERIOD_YEAR:
		out_n(&o, p->year, 4);
		break;
	}
	return dst;
}

char *
period_long(const struct period *p, char *dst, size_t sz)
{
	return period_reader(p, dst, sz, false);
}

char *
period_short(const struct period *p, char *dst, size_t sz)
{
	return period_reader(p, dst, sz, true);
}

char *
period_canon(const struct period *p, char *dst, size_t sz)
{
	struct out	 o;

	out_init(&o, dst, sz);
	switch (p->kind) {
	case PERIOD_DAY:
		out_n(&o, p->year, 4);
		out_c(&o, '-');
		out_n(&o, p->month, 2);
		out_c(&o, '-');
		out_n(&o, p->day, 2);
		break;
	case PERIOD_MONTH:
		out_n(&o, p->year, 4);
		out_c(&o, '-');
		out_n(&o, p->month, 2);
		break;
	case PERIOD_QUARTER:
		out_fyear(&o, p->year);
		out_s(&o, " Q");
		out_n(&o, p->quarter, 1);
		break;
	case PERIOD_FYEAR:
		out_fyear(&o, p->year);
		break;
	case PERIOD_YEAR:
		out_n(&o, p->year, 4);
		break;
	}
	return dst;
}
