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

/* The sentence and its context, as the indicator section reads. */
static void
said_all(const struct model *m, struct indicator *ind, const char *want)
{
	struct figures	 f;
	struct buf	 b;

	figures_compute(ind, &f);
	buf_init(&b);
	words_indicator(&b, ind, &f);
	words_context(&b, m, ind, &f);
	STR_EQ(b.data, want);
	buf_release(&b);
}

/* Readings on a day: "on", never "for" or "in". */
static void
test_days(void)
{
	struct indicator ind;
	double		 v[2] = { 160, 149 };

	mk(&ind, UNIT_RATE10K, 2021, 2, v, 2);
	OK(period_parse("2021-02-15", &ind.series.pts[0].period));
	OK(period_parse("2022-02-15", &ind.series.pts[1].period));
	ind.better = BETTER_NEITHER;
	said(&ind, "The latest figure, on 15 February 2022, is 149 per "
	    "10,000: 11 lower (6.9%) than on 15 February 2021.");
}

/* Runs: one sentence, the strongest; months, quarters, readings. */
static void
test_runs(void)
{
	struct model	 m;
	struct indicator ind;
	double		 v[12];
	size_t		 i;

	memset(&m, 0, sizeof(m));
	for (i = 0; i < 12; i++)
		v[i] = 30 - (double)i;
	mk(&ind, UNIT_COUNT, 2021, 2, v, 12);
	said_all(&m, &ind, "The latest figure, for January 2022, is 19: 1 "
	    "fewer (5%) than in December 2021, the lowest of the figures shown "
	    "and 36.7% below the highest point of 30 in February 2021. It has "
	    "fallen in each of the last 11 months.");
	free(ind.series.pts);

	/* Quarters are named from where the run starts. */
	mk(&ind, UNIT_PERCENT, 2021, 1, v, 5);
	for (i = 0; i < 5; i++) {
		ind.series.pts[i].period.kind = PERIOD_QUARTER;
		ind.series.pts[i].period.year = 2020 + (int)(i + 1) / 4;
		ind.series.pts[i].period.quarter = (int)(i + 1) % 4 + 1;
		ind.series.pts[i].period.month = 0;
		ind.series.pts[i].value = 80 + (double)i;
	}
	ind.better = BETTER_HIGHER;
	ind.target.set = true;
	ind.target.value = 90;
	said_all(&m, &ind, "The latest figure, for Q2 2021/22, is 84%: 4 "
	    "percentage points higher than in Q2 2020/21, the highest of the "
	    "figures shown. It is worse than the target of 90%. It has risen "
	    "every quarter since Q2 2020/21.");
	/* On target in all of them: that, in every quarter shown. */
	ind.target.value = 80;
	said_all(&m, &ind, "The latest figure, for Q2 2021/22, is 84%: 4 "
	    "percentage points higher than in Q2 2020/21, the highest of the "
	    "figures shown. It is better than the target of 80%. It has met "
	    "the target every quarter since Q2 2020/21.");
	free(ind.series.pts);

	/* Target met in every month shown; level. */
	v[0] = 95, v[1] = 96, v[2] = 95, v[3] = 97;
	mk(&ind, UNIT_PERCENT, 2021, 10, v, 4);
	ind.better = BETTER_HIGHER;
	ind.target.set = true;
	ind.target.value = 95;
	said_all(&m, &ind, "The latest figure, for January 2022, is 97%: 2 "
	    "percentage points higher than in December 2021, the highest of "
	    "the figures shown. It is better than the target of 95%. It has "
	    "met the target in each of the 4 months shown.");
	free(ind.series.pts);
	v[0] = 7, v[1] = 7, v[2] = 7, v[3] = 7, v[4] = 7;
	mk(&ind, UNIT_DAYS, 2021, 9, v, 5);
	ind.series.pts[0].value = 9;
	/* A tie with the latest: it is the lowest, with the others. */
	said_all(&m, &ind, "The latest figure, for January 2022, is 7 days: "
	    "the same as in December 2021, the lowest of the figures shown "
	    "and 22.2% below the highest point of 9 in September 2021. It has "
	    "been 7 days in each of the last 4 months.");
	/* Two changes: no run, no sentence. */
	ind.series.pts[1].value = 8;
	said_all(&m, &ind, "The latest figure, for January 2022, is 7 days: "
	    "the same as in December 2021, the lowest of the figures shown "
	    "and 22.2% below the highest point of 9 in September 2021.");
	/* All one value: no extremes to speak of. */
	ind.series.pts[0].value = 7;
	ind.series.pts[1].value = 7;
	said_all(&m, &ind, "The latest figure, for January 2022, is 7 days: "
	    "the same as in December 2021. It has been 7 days in each of the "
	    "5 months shown.");
	free(ind.series.pts);
}

/* Comparators in words, with polarity and without; gaps. */
static void
test_comparators(void)
{
	struct comparator comps[3] = {
		{ (char *)"england", (char *)"England" },
		{ (char *)"sn", (char *)"Statistical neighbours" },
		{ (char *)"ne", (char *)"North East" },
	};
	struct model	 m;
	struct indicator ind;
	struct cseries	 cs[3];
	struct point	 ep[2], sp[1], np[1];
	double		 v[13];
	size_t		 i;

	memset(&m, 0, sizeof(m));
	m.comps = comps;
	m.ncomps = 3;
	for (i = 0; i < 13; i++)
		v[i] = 10;
	v[0] = 14;
	v[12] = 12;
	mk(&ind, UNIT_PERCENT, 2021, 1, v, 13);	/* Jan 2021 to Jan 2022 */
	ind.better = BETTER_LOWER;
	memset(cs, 0, sizeof(cs));
	memset(ep, 0, sizeof(ep));
	memset(sp, 0, sizeof(sp));
	memset(np, 0, sizeof(np));
	/* England: January 2021 and 2022; the others for December. */
	ep[0].period = ind.series.pts[0].period;
	ep[0].has_value = true;
	ep[0].value = 11;
	ep[1].period = ind.series.pts[12].period;
	ep[1].has_value = true;
	ep[1].value = 11;
	sp[0].period = ind.series.pts[11].period;
	sp[0].has_value = true;
	sp[0].value = 13;
	np[0] = sp[0];
	np[0].value = 12;
	cs[0].comp = 0, cs[0].s.pts = ep, cs[0].s.npts = 2;
	cs[1].comp = 1, cs[1].s.pts = sp, cs[1].s.npts = 1;
	cs[2].comp = 2, cs[2].s.pts = np, cs[2].s.npts = 1;
	ind.cs = cs;
	ind.ncs = 3;
	/* Worse than England now, better than neighbours; the gap with
	 * England narrowed from 3 points to 1; the same as North East. */
	said_all(&m, &ind, "The latest figure, for January 2022, is 12%: 2 "
	    "percentage points lower than in January 2021. It is better than "
	    "Statistical neighbours (13% in December 2021), but worse than "
	    "England (11%), and the same as North East (12% in December "
	    "2021). Since January 2021 the gap has narrowed with England "
	    "(from 3 to 1 percentage point).");
	/* No polarity: higher and lower; a target met: "also". */
	ind.better = BETTER_NEITHER;
	ind.ncs = 2;
	said_all(&m, &ind, "The latest figure, for January 2022, is 12%: 2 "
	    "percentage points lower than in January 2021. It is higher than "
	    "England (11%), but lower than Statistical neighbours (13% in "
	    "December 2021). Since January 2021 the gap has narrowed with "
	    "England (from 3 to 1 percentage point).");
	ind.better = BETTER_LOWER;
	ind.target.set = true;
	ind.target.value = 12.5;
	cs[0].s.npts = 1;		/* England: January 2021 only */
	cs[1].s.pts = sp;
	ind.cs = &cs[1];
	ind.ncs = 1;
	said_all(&m, &ind, "The latest figure, for January 2022, is 12%: 2 "
	    "percentage points lower than in January 2021. It is better than "
	    "the target of 12.5%. It has met the target in each of the last "
	    "12 months. It is also better than Statistical neighbours (13% in "
	    "December 2021).");
	/* Two with one period, not the latest: said once. */
	np[0].value = 14;
	ind.cs = &cs[1];
	ind.ncs = 2;
	said_all(&m, &ind, "The latest figure, for January 2022, is 12%: 2 "
	    "percentage points lower than in January 2021. It is better than "
	    "the target of 12.5%. It has met the target in each of the last "
	    "12 months. Against the comparators' figures for December 2021, it is also better than Statistical neighbours "
	    "(13%) and North East (14%).");
	/* A count against a comparator crossing from below to above. */
	ind.target.set = false;
	ind.unit = UNIT_COUNT;
	ind.cs = cs;
	ind.ncs = 1;
	cs[0].s.npts = 2;
	ep[0].value = 15;
	said_all(&m, &ind, "The latest figure, for January 2022, is 12: 2 "
	    "fewer (14.3%) than in January 2021. It is worse than England "
	    "(11). Since January 2021 it has moved above England (from 1 "
	    "below to 1 above).");
	free(ind.series.pts);
}

/* The lists, the counts and the changes of status. */
static void
test_report(void)
{
	struct model	 m;
	struct indicator inds[2];
	struct figures	 figs[2];
	struct figcounts now, prev;
	struct buf	 b;
	double		 v[2] = { 10, 12 };

	memset(&m, 0, sizeof(m));
	mk(&inds[0], UNIT_COUNT, 2021, 12, v, 2);
	inds[0].title = (char *)"Caseloads";
	inds[0].target.set = true;
	inds[0].target.value = 11;
	inds[0].target.has_amber = true;
	inds[0].target.amber = 12;
	mk(&inds[1], UNIT_COUNT, 2021, 12, v, 2);
	inds[1].title = (char *)"Visits";
	inds[1].better = BETTER_HIGHER;
	inds[1].target.set = true;
	inds[1].target.value = 12;
	inds[0].series.pts[0].pstr = (char *)"2021-12";
	inds[1].series.pts[0].pstr = (char *)"2021-12";
	m.inds = inds;
	m.ninds = 2;
	m.report.pstr = (char *)"2022-01";
	OK(period_parse("2022-01", &m.report.period));
	figures_compute(&inds[0], &figs[0]);
	figures_compute(&inds[1], &figs[1]);
	figures_counts(&m, figs, &now);
	figures_counts_previous(&m, figs, &prev);
	buf_init(&b);
	words_counts(&b, &now, &prev);
	STR_EQ(b.data, "There are now no red indicators, down from 1 in "
	    "December 2021; 1 amber, up from none; and 1 green, as before.");
	/* All the same: nothing to say of counts. */
	buf_reset(&b);
	words_counts(&b, &now, &now);
	STR_EQ(b.data, "");
	buf_reset(&b);
	words_changes(&b, &m, figs, &prev);
	STR_EQ(b.data, "Since December 2021, 2 indicators have changed status: "
	    "Caseloads (green to amber); and Visits (red to green).");
	(void)0;
	buf_reset(&b);
	words_counts(&b, &now, NULL);
	words_changes(&b, &m, figs, NULL);
	STR_EQ(b.data, "");
	/* No target, worsening: an area for focus, and says so. */
	inds[0].target.set = false;
	figures_compute(&inds[0], &figs[0]);
	OK(words_area_for_focus(&inds[0], &figs[0]));
	OK(!words_performing_well(&inds[0], &figs[0]));
	buf_reset(&b);
	words_reason(&b, &inds[0], &figs[0]);
	STR_EQ(b.data, "worsening: 12, from 10");
	/* In neither list, and why. */
	inds[0].better = BETTER_NEITHER;
	figures_compute(&inds[0], &figs[0]);
	buf_reset(&b);
	OK(words_unlisted(&b, &inds[0], &figs[0]));
	STR_EQ(b.data, "up, but neither direction is better, so it is not "
	    "judged");
	inds[0].better = BETTER_HIGHER;
	inds[0].target.set = true;
	inds[0].target.value = 13;
	figures_compute(&inds[0], &figs[0]);
	buf_reset(&b);
	OK(words_unlisted(&b, &inds[0], &figs[0]));
	STR_EQ(b.data, "amber and improving: short of the target of 13 but "
	    "within the amber limit of 12");
	buf_reset(&b);
	OK(!words_unlisted(&b, &inds[1], &figs[1]));	/* green: listed */
	STR_EQ(b.data, "");
	buf_release(&b);
	free(inds[0].series.pts);
	free(inds[1].series.pts);
}

int
main(void)
{
	test_days();
	test_runs();
	test_comparators();
	test_report();
	test_sentences();
	test_lists();
	return harness_done();
}
