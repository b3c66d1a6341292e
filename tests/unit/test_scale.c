/* Unit tests of scale: nice ticks for awkward ranges, time ticks. */
#include "harness.h"
#include "period.h"
#include "scale.h"

static void
ticks_ok(double mn, double mx, bool zero, double lo, double hi, double step)
{
	struct ticks	 t;

	scale_ticks(mn, mx, zero, 5, &t);
	DBL_NEAR(t.lo, lo, 1e-9 * (fabs(lo) + 1));
	DBL_NEAR(t.hi, hi, 1e-9 * (fabs(hi) + 1));
	DBL_NEAR(t.step, step, 1e-12 * (fabs(step) + 1));
	OK(t.lo <= mn + 1e-9 * fabs(mn) && t.hi >= mx - 1e-9 * fabs(mx));
	OK(t.n >= 2 && t.n <= 12);
	INT_EQ(t.n, (long long)llround((hi - lo) / step) + 1);
}

static void
test_ticks(void)
{
	struct ticks	 t;

	ticks_ok(495, 702, true, 0, 800, 200);
	ticks_ok(495, 702, false, 450, 750, 50);
	ticks_ok(0.3, 0.4, false, 0.3, 0.4, 0.02);
	ticks_ok(1, 1000000, false, 0, 1000000, 200000);
	ticks_ok(-30, 45, false, -40, 60, 20);
	ticks_ok(9.8, 11, true, 0, 12.5, 2.5);
	/* One value, all equal, all zero. */
	ticks_ok(0, 0, true, 0, 1, 0.2);
	ticks_ok(500, 500, true, 0, 500, 100);
	ticks_ok(500, 500, false, 440, 560, 20);
	ticks_ok(-7, -7, true, -8, 0, 2);
	/* Tick values are computed, not accumulated: exact multiples. */
	scale_ticks(0.3, 0.4, false, 5, &t);
	DBL_NEAR(scale_tick(&t, 3), 0.36, 0);
	scale_ticks(-1, 1, false, 5, &t);
	DBL_NEAR(scale_tick(&t, 2), 0, 0);
	OK(!signbit(scale_tick(&t, 2)));
	/* Huge values stay within the tick cap. */
	scale_ticks(1e-3, 1e15, false, 5, &t);
	OK(t.n <= SCALE_MAXTICKS);
}

static void
test_map(void)
{
	DBL_NEAR(scale_map(5, 0, 10, 100, 200), 150, 1e-12);
	DBL_NEAR(scale_map(5, 5, 5, 100, 200), 100, 0);
	DBL_NEAR(scale_map(0, 0, 10, 400, 0), 400, 0);
}

static void
test_timeticks(void)
{
	struct timetick	 tt[SCALE_MAXTICKS];
	struct period	 a, b;
	size_t		 n;
	char		 tmp[32];

	/* 24 months, Feb 2020 to Jan 2022; labels 90 days apart at least. */
	OK(period_parse("2020-02", &a));
	OK(period_parse("2022-01", &b));
	n = scale_timeticks(period_end(&a), period_end(&b), PERIOD_MONTH,
	    period_end(&b), 80, tt, SCALE_MAXTICKS);
	INT_EQ(n, 8);
	STR_EQ(period_short(&tt[n - 1].p, tmp, sizeof(tmp)), "Jan 2022");
	STR_EQ(period_short(&tt[0].p, tmp, sizeof(tmp)), "Apr 2020");
	INT_EQ(tt[1].day - tt[0].day, 92);	/* 30 Apr to 31 Jul */
	/* Tight spacing: every month. */
	n = scale_timeticks(period_end(&a), period_end(&b), PERIOD_MONTH,
	    period_end(&b), 10, tt, SCALE_MAXTICKS);
	INT_EQ(n, 24);
	/* Quarters of the financial year. */
	OK(period_parse("2020/21 Q1", &a));
	OK(period_parse("2021/22 Q3", &b));
	n = scale_timeticks(period_end(&a), period_end(&b), PERIOD_QUARTER,
	    period_end(&b), 50, tt, SCALE_MAXTICKS);
	INT_EQ(n, 7);
	STR_EQ(period_short(&tt[0].p, tmp, sizeof(tmp)), "Q1 2020/21");
	STR_EQ(period_short(&tt[6].p, tmp, sizeof(tmp)), "Q3 2021/22");
	/* Financial years, 60 of them, labels kept apart. */
	OK(period_parse("1960/61", &a));
	OK(period_parse("2019/20", &b));
	n = scale_timeticks(period_end(&a), period_end(&b), PERIOD_FYEAR,
	    period_end(&b), 1500, tt, SCALE_MAXTICKS);
	OK(n >= 5 && n <= 13);
	STR_EQ(period_short(&tt[n - 1].p, tmp, sizeof(tmp)), "2019/20");
	OK(tt[1].day - tt[0].day >= 1500);
	/* Financial years up to a year-to-date day in December: the first
	 * year, which ends in March after the range starts, keeps its tick
	 * (it was lost when ticks were anchored on December). */
	OK(period_parse("2016/17", &a));
	OK(period_parse("2021-12-31", &b));
	n = scale_timeticks(period_end(&a), period_end(&b), PERIOD_FYEAR,
	    period_end(&b), 200, tt, SCALE_MAXTICKS);
	INT_EQ(n, 5);
	STR_EQ(period_short(&tt[0].p, tmp, sizeof(tmp)), "2016/17");
	STR_EQ(period_short(&tt[4].p, tmp, sizeof(tmp)), "2020/21");
	/* The cap on the number of ticks holds. */
	n = scale_timeticks(period_end(&a), period_end(&b), PERIOD_MONTH,
	    period_end(&b), 1, tt, 10);
	INT_EQ(n, 10);
}

int
main(void)
{
	test_ticks();
	test_map();
	test_timeticks();
	return harness_done();
}
