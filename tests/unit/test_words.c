/* Unit tests of words: the sentences readers see, clause by clause. */
#include <stdio.h>
#include <stdlib.h>

#include "figures.h"
#include "harness.h"
#include "model.h"
#include "util.h"
#include "words.h"

/* An indicator of monthly values from start; NAN is a null. */
static void
mk(struct indicator *ind, enum unit u, int y, int mo, const double *v,
    size_t n)
{
	size_t	 i;
	char	 tmp[32];

	memset(ind, 0, sizeof(*ind));
	ind->unit = u;
	ind->better = BETTER_LOWER;
	ind->series.npts = n;
	ind->series.pts = xcalloc(n, sizeof(struct point));
	for (i = 0; i < n; i++) {
		int	 k = mo - 1 + (int)i;

		snprintf(tmp, sizeof(tmp), "%04d-%02d", y + k / 12, k % 12 + 1);
		OK(period_parse(tmp, &ind->series.pts[i].period));
		ind->series.pts[i].has_value = !isnan(v[i]);
		ind->series.pts[i].value = isnan(v[i]) ? 0 : v[i];
	}
}

static void
said(struct indicator *ind, const char *want)
{
	struct figures	 f;
	struct buf	 b;

	figures_compute(ind, &f);
	buf_init(&b);
	words_indicator(&b, ind, &f);
	STR_EQ(b.data, want);
	buf_release(&b);
	free(ind->series.pts);
}

static void
test_sentences(void)
{
	struct indicator ind;
	double		 v[13];
	size_t		 i;

	/* The minutes' example: 702 at the height, 586 a year ago, 500. */
	for (i = 0; i < 13; i++)
		v[i] = 586 + (double)i;
	v[0] = 586;
	v[7] = 702;
	v[12] = 500;
	mk(&ind, UNIT_COUNT, 2021, 1, v, 13);
	ind.target.set = true;
	ind.target.value = 450;
	ind.target.has_amber = true;
	ind.target.amber = 480;
	said(&ind, "The latest figure, for January 2022, is 500: 86 fewer "
	    "(14.7%) than in January 2021, the lowest of the figures shown "
	    "and 28.8% below the highest point of 702 in August 2021. It is "
	    "worse than the target of 450 and the amber limit of 480.");

	/* Percent: points, not a percentage of a percentage; green. */
	v[0] = 10.4;
	v[1] = 9.8;
	mk(&ind, UNIT_PERCENT, 2022, 1, v, 2);
	ind.target.set = true;
	ind.target.value = 10;
	said(&ind, "The latest figure, for February 2022, is 9.8%: 0.6 "
	    "percentage points lower than in January 2022. It is better than "
	    "the target of 10%.");

	/* Amber, days, a null skipped, exactly on a year before. */
	v[0] = 400;
	v[1] = NAN;
	v[2] = 500;
	mk(&ind, UNIT_DAYS, 2021, 1, v, 3);
	ind.series.pts[2].period.year = 2022;
	ind.series.pts[2].period.month = 1;
	ind.target.set = true;
	ind.target.value = 426;
	ind.target.has_amber = true;
	ind.target.amber = 500;
	said(&ind, "The latest figure, for January 2022, is 500 days: 100 "
	    "days more (25%) than in January 2021. It is short of the target "
	    "of 426 days but within the amber limit of 500 days.");

	/* A change too small for a tenth of a percent says so. */
	v[0] = 480;
	v[1] = 480.1;
	mk(&ind, UNIT_COUNT, 2021, 12, v, 2);
	said(&ind, "The latest figure, for January 2022, is 480.1: 0.1 more "
	    "(under 0.1%) than in December 2021.");

	/* Unchanged; one value; none at all. */
	v[0] = 5;
	v[1] = 5;
	mk(&ind, UNIT_NUMBER, 2021, 1, v, 2);
	said(&ind, "The latest figure, for February 2021, is 5: the same as "
	    "in January 2021.");
	mk(&ind, UNIT_RATE10K, 2021, 1, v, 1);
	said(&ind, "The latest figure, for January 2021, is 5 per 10,000.");
	v[0] = NAN;
	mk(&ind, UNIT_COUNT, 2021, 1, v, 1);
	said(&ind, "No figures are available yet.");
}

static void
test_lists(void)
{
	struct indicator ind;
	struct figures	 f;
	struct buf	 b;
	double		 v[2] = { 40, 44.4 };

	mk(&ind, UNIT_PERCENT, 2021, 1, v, 2);
	ind.target.set = true;
	ind.target.value = 35;
	ind.target.has_amber = true;
	ind.target.amber = 40;
	figures_compute(&ind, &f);
	OK(words_area_for_focus(&ind, &f));
	OK(!words_performing_well(&ind, &f));
	buf_init(&b);
	words_reason(&b, &ind, &f);
	STR_EQ(b.data, "red and worsening: 44.4% against a target of 35%");
	/* No target, improving: performing well, not a focus. */
	ind.target.set = false;
	ind.better = BETTER_HIGHER;
	figures_compute(&ind, &f);
	OK(words_performing_well(&ind, &f));
	OK(!words_area_for_focus(&ind, &f));
	buf_reset(&b);
	words_reason(&b, &ind, &f);
	STR_EQ(b.data, "improving: 44.4%, from 40%");
	buf_release(&b);
	free(ind.series.pts);
}

int
main(void)
{
	test_sentences();
	test_lists();
	return harness_done();
}
