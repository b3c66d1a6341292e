/*
 * Unit tests for period.c: the five forms and everything they refuse,
 * the time axis (start, end, leap years), ordering of mixed forms,
 * a year before, and the reader forms.
 */
#include <stdbool.h>
#include <string.h>

#include "period.h"

#include "../harness.h"

/* Parses s, which must be valid; on failure the period is zeroed. */
static struct period
P(const char *s)
{
	struct period	 p;

	if (!period_parse(s, &p)) {
		fprintf(stderr, "cannot parse \"%s\"\n", s);
		memset(&p, 0, sizeof(p));
	}
	return p;
}

static bool
parses(const char *s)
{
	struct period	 p;

	return period_parse(s, &p);
}

/* period_canon(P(s)) == s */
static bool
roundtrip(const char *s)
{
	struct period	 p;
	char		 buf[32];

	return period_parse(s, &p) &&
	    strcmp(period_canon(&p, buf, sizeof(buf)), s) == 0;
}

static void
test_parse_forms(void)
{
	struct period	 p;

	OK(period_parse("2022-02-15", &p));
	INT_EQ(p.kind, PERIOD_DAY);
	INT_EQ(p.year, 2022);
	INT_EQ(p.month, 2);
	INT_EQ(p.day, 15);
	INT_EQ(p.quarter, 0);

	OK(period_parse("2022-01", &p));
	INT_EQ(p.kind, PERIOD_MONTH);
	INT_EQ(p.year, 2022);
	INT_EQ(p.month, 1);
	INT_EQ(p.day, 0);
	INT_EQ(p.quarter, 0);

	OK(period_parse("2021/22 Q2", &p));
	INT_EQ(p.kind, PERIOD_QUARTER);
	INT_EQ(p.year, 2021);
	INT_EQ(p.month, 0);
	INT_EQ(p.day, 0);
	INT_EQ(p.quarter, 2);

	OK(period_parse("2019/20", &p));
	INT_EQ(p.kind, PERIOD_FYEAR);
	INT_EQ(p.year, 2019);
	INT_EQ(p.month, 0);
	INT_EQ(p.quarter, 0);

	OK(period_parse("2020", &p));
	INT_EQ(p.kind, PERIOD_YEAR);
	INT_EQ(p.year, 2020);
	INT_EQ(p.month, 0);

	/* Century turns in financial years. */
	OK(period_parse("1999/00", &p));
	INT_EQ(p.kind, PERIOD_FYEAR);
	INT_EQ(p.year, 1999);
	OK(parses("2099/00 Q4"));
	OK(parses("2199/00"));

	/* Limits of the accepted years. */
	OK(parses("1900"));
	OK(parses("2199"));
	OK(parses("1900-01-01"));
	OK(parses("2199-12-31"));
	OK(parses("1900/01 Q1"));
	OK(parses("2199/00 Q4"));

	/* Every month and quarter. */
	OK(parses("2022-01") && parses("2022-12"));
	OK(parses("2021/22 Q1") && parses("2021/22 Q3") &&
	    parses("2021/22 Q4"));
}

static void
test_parse_reject(void)
{
	static const char *const bad[] = {
		"",
		"2",
		"202",
		"20220",
		"2022-1",		/* month needs two digits */
		"2022-001",
		"2022-00",
		"2022-13",
		"2022-1-05",
		"2022-01-5",
		"2022-01-005",
		"2022-00-10",
		"2022-13-01",
		"2022-01-00",
		"2022-01-32",
		"2022-02-29",		/* not a leap year */
		"1900-02-29",		/* century, not a leap year */
		"2100-02-29",
		"2022-02-30",
		"2022-04-31",
		"2022-06-31",
		"2022-09-31",
		"2022-11-31",
		" 2022",		/* no spaces */
		"2022 ",
		"2022-01 ",
		" 2022-01",
		"2021/22  Q2",
		"2021/22Q2",
		"2021/22 Q2 ",
		"2021/22 q2",		/* Q is upper case */
		"2021/22 Q0",
		"2021/22 Q5",
		"2021/22 Q",
		"2021/22 Q12",
		"2021/22 QA",
		"2021/23",		/* not consecutive years */
		"2021/21",
		"2021/2022",
		"2021/2",
		"2021-22",
		"2021/22 Q2x",
		"21/22",
		"2021/23 Q1",
		"1999/20",
		"2022/01",		/* 2022/23 would be right */
		"1899",			/* out of range */
		"2200",
		"1899-12-31",
		"2200-01-01",
		"1899/00",
		"1899/00 Q4",
		"2200/01",
		"0999",
		"9999",
		"-2022",
		"+2022",
		"２０２２",		/* full-width digits */
		"2022.01",
		"2022_01",
		"2022-01-15T00:00",
		"2022-W01",
		"January 2022",
		"Q2 2021/22",
		"abcd",
		"2022\n",
		"2022-01-1a",
		"202a-01",
	};
	struct period	 p;
	size_t		 i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (period_parse(bad[i], &p)) {
			fprintf(stderr, "accepted \"%s\"\n", bad[i]);
			OK(false);
		} else
			OK(true);
	}
	OK(!period_parse(NULL, &p));
	/* An embedded NUL ends the string: "2022" then garbage unseen. */
	OK(period_parse("2022\0-01", &p) && p.kind == PERIOD_YEAR);
}

static void
test_leap(void)
{
	OK(parses("2024-02-29"));
	OK(parses("2000-02-29"));	/* divisible by 400 */
	OK(parses("1904-02-29"));
	OK(parses("2196-02-29"));
	OK(!parses("2023-02-29"));
	OK(!parses("1900-02-29"));
	OK(!parses("2100-02-29"));
	OK(parses("2023-02-28"));

	/* February's end moves with leap years. */
	{
		struct period	 a = P("2024-02"), b = P("2023-02");

		INT_EQ(period_end(&a) - period_start(&a), 28);
		INT_EQ(period_end(&b) - period_start(&b), 27);
	}
	{
		struct period	 y = P("2024"), z = P("2023");
		struct period	 f = P("2023/24"), g = P("2022/23");

		INT_EQ(period_end(&y) - period_start(&y) + 1, 366);
		INT_EQ(period_end(&z) - period_start(&z) + 1, 365);
		INT_EQ(period_end(&f) - period_start(&f) + 1, 366);
		INT_EQ(period_end(&g) - period_start(&g) + 1, 365);
	}
}

static void
test_days(void)
{
	int	 y, m, d;
	long	 n;

	INT_EQ(period_days(1970, 1, 1), 0);
	INT_EQ(period_days(1970, 1, 2), 1);
	INT_EQ(period_days(1969, 12, 31), -1);
	INT_EQ(period_days(2000, 3, 1), 11017);
	INT_EQ(period_days(2022, 2, 15), 19038);
	INT_EQ(period_days(1900, 1, 1), -25567);
	INT_EQ(period_days(2199, 12, 31), 84005);

	/* period_civil undoes period_days over the whole range. */
	for (n = period_days(1899, 1, 1); n <= period_days(2201, 1, 1); n++) {
		period_civil(n, &y, &m, &d);
		if (period_days(y, m, d) != n) {
			INT_EQ(period_days(y, m, d), n);
			break;
		}
	}
	OK(n > period_days(2201, 1, 1));
	period_civil(19038, &y, &m, &d);
	INT_EQ(y, 2022);
	INT_EQ(m, 2);
	INT_EQ(d, 15);
	period_civil(-1, &y, &m, &d);
	INT_EQ(y, 1969);
	INT_EQ(m, 12);
	INT_EQ(d, 31);
}

static void
test_span(void)
{
	struct period	 p;

	p = P("2022-02-15");
	INT_EQ(period_start(&p), period_days(2022, 2, 15));
	INT_EQ(period_end(&p), period_days(2022, 2, 15));

	p = P("2022-01");
	INT_EQ(period_start(&p), period_days(2022, 1, 1));
	INT_EQ(period_end(&p), period_days(2022, 1, 31));
	p = P("2021-12");
	INT_EQ(period_start(&p), period_days(2021, 12, 1));
	INT_EQ(period_end(&p), period_days(2021, 12, 31));
	p = P("2022-04");
	INT_EQ(period_end(&p), period_days(2022, 4, 30));

	/* Quarters of the April-to-March year. */
	p = P("2021/22 Q1");
	INT_EQ(period_start(&p), period_days(2021, 4, 1));
	INT_EQ(period_end(&p), period_days(2021, 6, 30));
	p = P("2021/22 Q2");
	INT_EQ(period_start(&p), period_days(2021, 7, 1));
	INT_EQ(period_end(&p), period_days(2021, 9, 30));
	p = P("2021/22 Q3");
	INT_EQ(period_start(&p), period_days(2021, 10, 1));
	INT_EQ(period_end(&p), period_days(2021, 12, 31));
	p = P("2021/22 Q4");
	INT_EQ(period_start(&p), period_days(2022, 1, 1));
	INT_EQ(period_end(&p), period_days(2022, 3, 31));
	p = P("2023/24 Q4");		/* leap February inside */
	INT_EQ(period_end(&p) - period_start(&p) + 1, 31 + 29 + 31);

	p = P("2021/22");
	INT_EQ(period_start(&p), period_days(2021, 4, 1));
	INT_EQ(period_end(&p), period_days(2022, 3, 31));
	p = P("2199/00");
	INT_EQ(period_end(&p), period_days(2200, 3, 31));

	p = P("2020");
	INT_EQ(period_start(&p), period_days(2020, 1, 1));
	INT_EQ(period_end(&p), period_days(2020, 12, 31));
}

static void
test_cmp(void)
{
	/* In time order, as period_cmp() must sort them. */
	static const char *const order[] = {
		"2019/20",		/* ends 2020-03-31 */
		"2019/20 Q4",		/* same end, shorter */
		"2020-03",
		"2020-03-31",
		"2020-04-01",
		"2020-04",
		"2020/21 Q1",		/* ends 2020-06-30, starts 04-01 */
		"2020-06",		/* ends 2020-06-30, starts 06-01 */
		"2020-06-30",
		"2020",			/* ends 2020-12-31, longest */
		"2020/21 Q3",
		"2020-12",
		"2020-12-31",
		"2021-01-01",
		"2020/21",		/* ends 2021-03-31 */
		"2020/21 Q4",
		"2021-03",
	};
	struct period	 a, b;
	size_t		 i, j, n = sizeof(order) / sizeof(order[0]);
	int		 c, want;

	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++) {
			a = P(order[i]);
			b = P(order[j]);
			c = period_cmp(&a, &b);
			want = i < j ? -1 : i > j;
			if ((c < 0 ? -1 : c > 0) != want) {
				fprintf(stderr, "cmp(%s, %s) = %d\n",
				    order[i], order[j], c);
				OK(false);
			} else
				OK(true);
			OK(period_eq(&a, &b) == (i == j));
		}
	}

	a = P("2022-01");
	b = P("2022-01");
	INT_EQ(period_cmp(&a, &b), 0);
	OK(period_eq(&a, &b));
	b = P("2022-01-31");
	OK(!period_eq(&a, &b));
	OK(period_cmp(&a, &b) < 0);	/* same end: the longer first */
	OK(period_cmp(&b, &a) > 0);
}

static void
test_year_before(void)
{
	struct period	 p, q;
	char		 buf[32];

	p = P("2022-02-15");
	OK(period_year_before(&p, &q));
	STR_EQ(period_canon(&q, buf, sizeof(buf)), "2021-02-15");

	p = P("2022-01");
	OK(period_year_before(&p, &q));
	STR_EQ(period_canon(&q, buf, sizeof(buf)), "2021-01");

	p = P("2021/22 Q2");
	OK(period_year_before(&p, &q));
	STR_EQ(period_canon(&q, buf, sizeof(buf)), "2020/21 Q2");
	INT_EQ(q.kind, PERIOD_QUARTER);

	p = P("2000/01 Q4");
	OK(period_year_before(&p, &q));
	STR_EQ(period_canon(&q, buf, sizeof(buf)), "1999/00 Q4");

	p = P("2021/22");
	OK(period_year_before(&p, &q));
	STR_EQ(period_canon(&q, buf, sizeof(buf)), "2020/21");

	p = P("2020");
	OK(period_year_before(&p, &q));
	STR_EQ(period_canon(&q, buf, sizeof(buf)), "2019");

	/* 29 February has no date a year before. */
	p = P("2024-02-29");
	OK(!period_year_before(&p, &q));
	/* ... but 28 February and 1 March do. */
	p = P("2024-02-28");
	OK(period_year_before(&p, &q));
	STR_EQ(period_canon(&q, buf, sizeof(buf)), "2023-02-28");
	p = P("2025-03-01");
	OK(period_year_before(&p, &q));
	STR_EQ(period_canon(&q, buf, sizeof(buf)), "2024-03-01");
	/* A leap February as a month is fine. */
	p = P("2024-02");
	OK(period_year_before(&p, &q));
	STR_EQ(period_canon(&q, buf, sizeof(buf)), "2023-02");

	/* Nothing before the first accepted year. */
	p = P("1900");
	OK(!period_year_before(&p, &q));
	p = P("1900-06");
	OK(!period_year_before(&p, &q));
	p = P("1900/01 Q3");
	OK(!period_year_before(&p, &q));
	p = P("1901-12-31");
	OK(period_year_before(&p, &q));
	STR_EQ(period_canon(&q, buf, sizeof(buf)), "1900-12-31");

	/* The result is a year before on the axis. */
	p = P("2021/22 Q3");
	OK(period_year_before(&p, &q));
	INT_EQ(period_end(&p) - period_end(&q), 365);
}

static void
test_write(void)
{
	struct period	 p;
	char		 buf[32], tiny[6];

	p = P("2022-02-15");
	STR_EQ(period_long(&p, buf, sizeof(buf)), "15 February 2022");
	STR_EQ(period_short(&p, buf, sizeof(buf)), "15 Feb 2022");
	STR_EQ(period_canon(&p, buf, sizeof(buf)), "2022-02-15");

	p = P("2022-03-05");
	STR_EQ(period_long(&p, buf, sizeof(buf)), "5 March 2022");
	STR_EQ(period_short(&p, buf, sizeof(buf)), "5 Mar 2022");
	STR_EQ(period_canon(&p, buf, sizeof(buf)), "2022-03-05");

	p = P("2022-01");
	STR_EQ(period_long(&p, buf, sizeof(buf)), "January 2022");
	STR_EQ(period_short(&p, buf, sizeof(buf)), "Jan 2022");
	STR_EQ(period_canon(&p, buf, sizeof(buf)), "2022-01");

	p = P("2021/22 Q2");
	STR_EQ(period_long(&p, buf, sizeof(buf)), "Q2 2021/22");
	STR_EQ(period_short(&p, buf, sizeof(buf)), "Q2 2021/22");
	STR_EQ(period_canon(&p, buf, sizeof(buf)), "2021/22 Q2");

	p = P("2019/20");
	STR_EQ(period_long(&p, buf, sizeof(buf)), "2019/20");
	STR_EQ(period_short(&p, buf, sizeof(buf)), "2019/20");
	STR_EQ(period_canon(&p, buf, sizeof(buf)), "2019/20");

	p = P("1999/00 Q1");
	STR_EQ(period_long(&p, buf, sizeof(buf)), "Q1 1999/00");
	STR_EQ(period_canon(&p, buf, sizeof(buf)), "1999/00 Q1");

	p = P("2020");
	STR_EQ(period_long(&p, buf, sizeof(buf)), "2020");
	STR_EQ(period_short(&p, buf, sizeof(buf)), "2020");
	STR_EQ(period_canon(&p, buf, sizeof(buf)), "2020");

	p = P("2021-09-30");
	STR_EQ(period_long(&p, buf, sizeof(buf)), "30 September 2021");
	STR_EQ(period_short(&p, buf, sizeof(buf)), "30 Sep 2021");

	/* The longest form fits in 32 with room to spare. */
	p = P("2021-09-30");
	OK(strlen(period_long(&p, buf, sizeof(buf))) < 32);

	/* Too small a buffer truncates and terminates. */
	p = P("2022-02-15");
	STR_EQ(period_long(&p, tiny, sizeof(tiny)), "15 Fe");
	STR_EQ(period_canon(&p, tiny, 1), "");

	OK(roundtrip("2022-02-15"));
	OK(roundtrip("2022-01"));
	OK(roundtrip("2021/22 Q2"));
	OK(roundtrip("2019/20"));
	OK(roundtrip("2020"));
	OK(roundtrip("1900-01-01"));
	OK(roundtrip("2199/00 Q4"));
}

static void
test_months(void)
{
	STR_EQ(period_month_name(1), "January");
	STR_EQ(period_month_name(5), "May");
	STR_EQ(period_month_name(12), "December");
	STR_EQ(period_month_abbr(1), "Jan");
	STR_EQ(period_month_abbr(6), "Jun");
	STR_EQ(period_month_abbr(9), "Sep");
	STR_EQ(period_month_abbr(12), "Dec");
}

int
main(void)
{
	test_parse_forms();
	test_parse_reject();
	test_leap();
	test_days();
	test_span();
	test_cmp();
	test_year_before();
	test_write();
	test_months();
	return harness_done();
}
