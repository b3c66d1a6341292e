/*
 * words: sentences for readers.  Each clause is there only when the
 * figures support it, so a short series gives a short sentence.  A
 * change between percentages is in percentage points, never a
 * percentage of a percentage; a count is "fewer" or "more", other
 * quantities "lower" or "higher".
 *
 * At about 1,000 lines it is one job, the sentences, which share their
 * small writers (put_delta, put_period, put_joined and the like); the
 * email's plain-text report at the end (words_text_report() and its
 * wrapping, about 200 lines) is the part that could stand alone.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "figures.h"
#include "fmt.h"
#include "model.h"
#include "period.h"
#include "utf8.h"
#include "util.h"
#include "words.h"

/* "161 fewer (24.4%)", "0.6 percentage points lower", "12 days more". */
static void
put_delta(struct buf *b, const struct figcmp *c, enum unit u)
{
	double	 d = fabs(c->change);
	bool	 down = c->change < 0;

	switch (u) {
	case UNIT_PERCENT:
		fmt_num(b, d, 1, true);
		buf_puts(b, d == 1 ? " percentage point " :
		    " percentage points ");
		buf_puts(b, down ? "lower" : "higher");
		return;
	case UNIT_COUNT:
		fmt_value(b, d, u);
		buf_puts(b, down ? " fewer" : " more");
		break;
	case UNIT_DAYS:
	case UNIT_WEEKS:
		fmt_value_unit(b, d, u);
		buf_puts(b, down ? " fewer" : " more");
		break;
	case UNIT_RATE10K:
	case UNIT_NUMBER:
		fmt_value(b, d, u);
		buf_puts(b, down ? " lower" : " higher");
		break;
	}
	if (c->has_pct && c->change_pct == 0)
		BUF_PUTSL(b, " (under 0.1%)");	/* not "(0%)" for a change */
	else if (c->has_pct) {
		BUF_PUTSL(b, " (");
		fmt_num(b, fabs(c->change_pct), 1, true);
		BUF_PUTSL(b, "%)");
	}
}

/* "28.8% below", "3.5 percentage points below". */
static void
put_gap(struct buf *b, const struct figcmp *c, enum unit u)
{
	if (u == UNIT_PERCENT) {
		fmt_num(b, fabs(c->change), 1, true);
		buf_puts(b, fabs(c->change) == 1 ? " percentage point" :
		    " percentage points");
	} else if (!c->has_pct)
		fmt_value_unit(b, fabs(c->change), u);
	else {
		fmt_num(b, fabs(c->change_pct), 1, true);
		buf_putc(b, '%');
	}
	buf_puts(b, c->change < 0 ? " below" : " above");
}

static void
put_period(struct buf *b, const struct period *p)
{
	char	 tmp[32];

	buf_puts(b, period_long(p, tmp, sizeof(tmp)));
}

void
words_when(struct buf *b, const struct period *p)
{
	buf_puts(b, p->kind == PERIOD_DAY ? "on " : "in ");
	put_period(b, p);
}

/* "for January 2022", "on 15 February 2022": a reading is on a day. */
static void
put_for(struct buf *b, const struct period *p)
{
	buf_puts(b, p->kind == PERIOD_DAY ? "on " : "for ");
	put_period(b, p);
}

void
words_indicator(struct buf *b, const struct indicator *ind,
    const struct figures *f)
{
	const struct figcmp *cmp = NULL;
	struct figcmp	 prev;
	const struct target *t = &ind->target;
	size_t		 i;

	if (f->latest == NULL) {
		for (i = ind->series.npts; i-- > 0;)
			if (ind->series.pts[i].suppressed ||
			    ind->series.pts[i].has_value)
				break;
		if (i < ind->series.npts && ind->series.pts[i].suppressed) {
			BUF_PUTSL(b, "The latest figure, ");
			put_for(b, &ind->series.pts[i].period);
			BUF_PUTSL(b, ", is not shown ([c]) because it is small "
			    "enough to identify a child.");
		} else
			BUF_PUTSL(b, "No figures are available yet.");
		return;
	}
	BUF_PUTSL(b, "The latest figure, ");
	put_for(b, &f->latest->period);
	BUF_PUTSL(b, ", is ");
	fmt_value_unit(b, f->latest->value, ind->unit);
	if (f->latest->provisional)
		BUF_PUTSL(b, " (provisional)");

	/* The change on a year before, else on the figure before. */
	if (f->year_ago.pt != NULL)
		cmp = &f->year_ago;
	else if (f->previous != NULL) {
		figures_compare(&prev, f->latest, f->previous);
		cmp = &prev;
	}
	if (cmp != NULL) {
		BUF_PUTSL(b, ": ");
		if (cmp->change == 0) {
			BUF_PUTSL(b, "the same as ");
		} else {
			put_delta(b, cmp, ind->unit);
			BUF_PUTSL(b, " than ");
		}
		words_when(b, &cmp->pt->period);
	}

	/*
	 * Against the series' extremes, from three values on; a value
	 * equal to the latest is no gap ("0 above the highest of 0"),
	 * and a series all of one value has no extremes to speak of.
	 */
	if (f->nvalues >= 3 && f->highest.pt->value != f->lowest.pt->value) {
		bool	 sep = false;
		bool	 top = f->highest.pt->value == f->latest->value;
		bool	 bottom = f->lowest.pt->value == f->latest->value;

		if (top || bottom) {
			buf_puts(b, cmp != NULL ? ", " : " ");
			buf_puts(b, top ?
			    "the highest of the figures shown" :
			    "the lowest of the figures shown");
			sep = true;
		}
		if (!top && (cmp == NULL || f->highest.pt != cmp->pt)) {
			buf_puts(b, sep ? " and " : ", and ");
			put_gap(b, &f->highest, ind->unit);
			BUF_PUTSL(b, " the highest point of ");
			fmt_value(b, f->highest.pt->value, ind->unit);
			buf_putc(b, ' ');
			words_when(b, &f->highest.pt->period);
		}
	}
	buf_putc(b, '.');

	if (!t->set)
		return;
	switch (f->status) {
	case STATUS_GREEN:
		buf_puts(b, f->latest->value == t->value ?
		    " It meets the target of " : " It is better than the "
		    "target of ");
		fmt_value_unit(b, t->value, ind->unit);
		buf_putc(b, '.');
		break;
	case STATUS_AMBER:
		BUF_PUTSL(b, " It is short of the target of ");
		fmt_value_unit(b, t->value, ind->unit);
		BUF_PUTSL(b, " but within the amber limit of ");
		fmt_value_unit(b, t->amber, ind->unit);
		buf_putc(b, '.');
		break;
	case STATUS_RED:
		BUF_PUTSL(b, " It is worse than the target of ");
		fmt_value_unit(b, t->value, ind->unit);
		if (t->has_amber) {
			BUF_PUTSL(b, " and the amber limit of ");
			fmt_value_unit(b, t->amber, ind->unit);
		}
		buf_putc(b, '.');
		break;
	case STATUS_NONE:
		BUF_PUTSL(b, " The target is ");
		fmt_value_unit(b, t->value, ind->unit);
		buf_putc(b, '.');
		break;
	}
}

bool
words_performing_well(const struct indicator *ind, const struct figures *f)
{
	return f->status == STATUS_GREEN ||
	    (!ind->target.set && f->trend == TREND_IMPROVING);
}

bool
words_area_for_focus(const struct indicator *ind, const struct figures *f)
{
	(void)ind;
	return f->status == STATUS_RED || f->trend == TREND_WORSENING;
}

void
words_reason(struct buf *b, const struct indicator *ind,
    const struct figures *f)
{
	const char *status = NULL;

	switch (f->status) {
	case STATUS_GREEN:
		status = "green";
		break;
	case STATUS_AMBER:
		status = "amber";
		break;
	case STATUS_RED:
		status = "red";
		break;
	case STATUS_NONE:
		break;
	}
	if (f->latest == NULL)
		return;
	if (status != NULL) {
		buf_puts(b, status);
		if (f->trend == TREND_IMPROVING)
			BUF_PUTSL(b, " and improving");
		else if (f->trend == TREND_WORSENING)
			BUF_PUTSL(b, " and worsening");
		BUF_PUTSL(b, ": ");
	} else if (f->trend == TREND_IMPROVING)
		BUF_PUTSL(b, "improving: ");
	else if (f->trend == TREND_WORSENING)
		BUF_PUTSL(b, "worsening: ");
	fmt_value(b, f->latest->value, ind->unit);
	if (ind->target.set) {
		BUF_PUTSL(b, " against a target of ");
		fmt_value(b, ind->target.value, ind->unit);
	} else if (f->previous != NULL) {
		BUF_PUTSL(b, ", from ");
		fmt_value(b, f->previous->value, ind->unit);
	}
}

/* "months", "quarters", "years"; NULL for readings on days. */
static const char *
kind_plural(enum period_kind k)
{
	switch (k) {
	case PERIOD_DAY:
		return NULL;
	case PERIOD_MONTH:
		return "months";
	case PERIOD_QUARTER:
		return "quarters";
	case PERIOD_FYEAR:
	case PERIOD_YEAR:
		return "years";
	}
	return NULL;
}

/*
 * " in each of the last 11 months", " every quarter since Q2 2020/21",
 * " at each of the last 4 readings", " in each of the 12 months shown".
 * n counts what happened (falls, or periods at a level or on target);
 * quarters are named by where the run starts, as the minutes do.
 */
static void
put_span(struct buf *b, const struct figrun *r, size_t n, bool whole)
{
	const char	*pl = kind_plural(r->since->period.kind);

	if (r->since->period.kind == PERIOD_QUARTER) {
		BUF_PUTSL(b, " every quarter since ");
		put_period(b, &r->since->period);
	} else if (pl == NULL)
		buf_printf(b, " at each of the %s%zu readings",
		    whole ? "" : "last ", n);
	else
		buf_printf(b, " in each of the %s%zu %s%s", whole ? "" :
		    "last ", n, pl, whole ? " shown" : "");
}

void
words_run(struct buf *b, const struct indicator *ind,
    const struct figures *f)
{
	const struct figrun *r = &f->run;

	switch (r->kind) {
	case RUN_NONE:
		return;
	case RUN_RISING:
	case RUN_FALLING:
		/* A change a period: 11 falls over 12 monthly points. */
		buf_puts(b, r->kind == RUN_RISING ? "It has risen" :
		    "It has fallen");
		put_span(b, r, r->length, false);
		break;
	case RUN_LEVEL:
		BUF_PUTSL(b, "It has been ");
		fmt_value_unit(b, f->latest->value, ind->unit);
		put_span(b, r, r->npoints, r->whole);
		break;
	case RUN_TARGET:
		/* The sentence before has said what the target is. */
		BUF_PUTSL(b, "It has met the target");
		put_span(b, r, r->npoints, r->whole);
		break;
	}
	buf_putc(b, '.');
}

/* How the authority stands against a comparator: 0 same, else the
 * index of the word pair for polarity (better/worse) or none. */
enum rel {
	REL_SAME,
	REL_BETTER,
	REL_WORSE,
	REL_HIGHER,
	REL_LOWER
};

static enum rel
rel_of(const struct indicator *ind, double difference)
{
	if (difference == 0)
		return REL_SAME;
	switch (ind->better) {
	case BETTER_HIGHER:
		return difference > 0 ? REL_BETTER : REL_WORSE;
	case BETTER_LOWER:
		return difference < 0 ? REL_BETTER : REL_WORSE;
	case BETTER_NEITHER:
		break;
	}
	return difference > 0 ? REL_HIGHER : REL_LOWER;
}

static const char *
rel_word(enum rel r)
{
	switch (r) {
	case REL_SAME:
		return "the same as";
	case REL_BETTER:
		return "better than";
	case REL_WORSE:
		return "worse than";
	case REL_HIGHER:
		return "higher than";
	case REL_LOWER:
		return "lower than";
	}
	return "";
}

/* Appends the n texts of items joined: "A, B and C". */
static void
put_joined(struct buf *b, struct buf *items, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(b, i + 1 == n ? " and " : ", ");
		buf_puts(b, items[i].data);
	}
}

/* A gap's size: "21.3", or with its unit "15.3 per 10,000",
 * "2.4 percentage points". */
static void
put_gapval(struct buf *b, double v, enum unit u, bool unit)
{
	v = fabs(v);
	if (u == UNIT_PERCENT) {
		fmt_num(b, v, 1, true);
		if (unit)
			buf_puts(b, v == 1 ? " percentage point" :
			    " percentage points");
	} else if (unit)
		fmt_value_unit(b, v, u);
	else
		fmt_value(b, v, u);
}

/*
 * A comparator's value: with its unit where the unit is short ("12.2%",
 * "459 days"), bare for a rate, whose "per 10,000" the sentence has
 * said once already.
 */
static void
put_compval(struct buf *b, double v, enum unit u)
{
	if (u == UNIT_RATE10K)
		fmt_value(b, v, u);
	else
		fmt_value_unit(b, v, u);
}

/* How the gap with a comparator moved: narrowed, widened, crossed
 * from above to below or from below to above; GAP_NONE: not said. */
enum gapmove {
	GAP_NONE,
	GAP_NARROWED,
	GAP_WIDENED,
	GAP_DOWN,		/* from above it to below */
	GAP_UP
};

static enum gapmove
gap_move(const struct figcomp *c)
{
	double	 then = c->gap_before, now = c->difference;

	if (c->before == NULL || then == 0 || now == 0)
		return GAP_NONE;	/* level then or now: no gap to move */
	if ((then > 0) != (now > 0))
		return then > 0 ? GAP_DOWN : GAP_UP;
	if (fabs(now) < fabs(then))
		return GAP_NARROWED;
	if (fabs(now) > fabs(then))
		return GAP_WIDENED;
	return GAP_NONE;
}

static void
put_comparators(struct buf *b, const struct model *m,
    const struct indicator *ind, const struct figures *f)
{
	static const enum rel order[] = { REL_BETTER, REL_HIGHER,
	    REL_WORSE, REL_LOWER, REL_SAME };
	static const enum gapmove gorder[] = { GAP_NARROWED, GAP_WIDENED,
	    GAP_DOWN, GAP_UP };
	struct figcomp	*c;
	struct buf	*items;
	const struct period *common = NULL, *since = NULL;
	size_t		 i, k, n = 0, ni, groups = 0, nmoved = 0;
	bool		 same = true, one = true, gapword;

	if (ind->ncs == 0 || f->latest == NULL)
		return;
	c = xcalloc(ind->ncs, sizeof(*c));
	items = xcalloc(ind->ncs, sizeof(*items));
	for (i = 0; i < ind->ncs; i++) {
		buf_init(&items[i]);
		if (!figures_comparator(ind, f, i, &c[n]))
			continue;
		if (common == NULL)
			common = &c[n].pt->period;
		else if (!period_eq(common, &c[n].pt->period))
			same = false;
		n++;
	}
	if (n == 0)
		goto out;
	same = same && n > 1 && !period_eq(common, &f->latest->period);
	/* One period for all, not the latest: say it once, first. */
	if (same) {
		BUF_PUTSL(b, " Against the comparators' figures ");
		put_for(b, common);
		BUF_PUTSL(b, ", it is ");
	} else
		BUF_PUTSL(b, " It is ");
	for (k = 0; k < sizeof(order) / sizeof(order[0]); k++) {
		for (ni = 0, i = 0; i < n; i++) {
			if (rel_of(ind, c[i].difference) != order[k])
				continue;
			buf_reset(&items[ni]);
			buf_puts(&items[ni], m->comps[c[i].comp].label);
			BUF_PUTSL(&items[ni], " (");
			put_compval(&items[ni], c[i].pt->value, ind->unit);
			if (!same &&
			    !period_eq(&c[i].pt->period, &f->latest->period)) {
				buf_putc(&items[ni], ' ');
				words_when(&items[ni], &c[i].pt->period);
			}
			buf_putc(&items[ni], ')');
			ni++;
		}
		if (ni == 0)
			continue;
		if (groups++ > 0)
			buf_puts(b, groups == 2 && order[k] != REL_SAME ?
			    ", but " : ", and ");
		/* After "It is better than the target": "also better". */
		else if ((order[k] == REL_BETTER &&
		    f->status == STATUS_GREEN) || (order[k] == REL_WORSE &&
		    f->status == STATUS_RED))
			BUF_PUTSL(b, "also ");
		buf_puts(b, rel_word(order[k]));
		buf_putc(b, ' ');
		put_joined(b, items, ni);
	}
	buf_putc(b, '.');

	/* The gap over time: one sentence, a clause a way it moved. */
	for (i = 0; i < n; i++) {
		if (gap_move(&c[i]) == GAP_NONE)
			continue;
		if (since == NULL)
			since = &c[i].before->period;
		else if (!period_eq(since, &c[i].before->period))
			one = false;
		nmoved++;
	}
	groups = 0;
	for (k = 0; nmoved > 0 && k < sizeof(gorder) / sizeof(gorder[0]);
	    k++) {
		for (ni = 0, i = 0; i < n; i++) {
			if (gap_move(&c[i]) != gorder[k])
				continue;
			buf_reset(&items[ni]);
			buf_puts(&items[ni], m->comps[c[i].comp].label);
			BUF_PUTSL(&items[ni], " (from ");
			/*
			 * Crossing over, the sides and no unit, which the
			 * sentence before has given: "22.7 above to 10.9
			 * below"; else the unit once, at the end, and for a
			 * rate not at all ("from 54.5 to 21.5").
			 */
			put_gapval(&items[ni], c[i].gap_before, ind->unit,
			    false);
			if (gorder[k] == GAP_DOWN || gorder[k] == GAP_UP)
				buf_puts(&items[ni], gorder[k] == GAP_DOWN ?
				    " above" : " below");
			if (!one) {
				buf_putc(&items[ni], ' ');
				words_when(&items[ni], &c[i].before->period);
			}
			BUF_PUTSL(&items[ni], " to ");
			put_gapval(&items[ni], c[i].difference, ind->unit,
			    gorder[k] != GAP_DOWN && gorder[k] != GAP_UP &&
			    ind->unit != UNIT_RATE10K);
			if (gorder[k] == GAP_DOWN || gorder[k] == GAP_UP)
				buf_puts(&items[ni], gorder[k] == GAP_DOWN ?
				    " below" : " above");
			buf_putc(&items[ni], ')');
			ni++;
		}
		if (ni == 0)
			continue;
		gapword = gorder[k] == GAP_NARROWED ||
		    gorder[k] == GAP_WIDENED;
		if (groups == 0 && one) {
			BUF_PUTSL(b, " Since ");
			put_period(b, since);
			buf_putc(b, ' ');
		} else if (groups == 0)
			buf_putc(b, ' ');
		else if (gapword)
			BUF_PUTSL(b, " and ");	/* narrowed ... and widened */
		else
			BUF_PUTSL(b, "; ");
		if (gapword) {
			if (groups == 0)
				buf_puts(b, one ? "the gap has " :
				    "The gap has ");
			buf_puts(b, gorder[k] == GAP_NARROWED ? "narrowed" :
			    "widened");
			BUF_PUTSL(b, " with ");
		} else {
			buf_puts(b, groups == 0 && !one ? "It has " :
			    "it has ");
			buf_puts(b, gorder[k] == GAP_DOWN ? "moved below " :
			    "moved above ");
		}
		put_joined(b, items, ni);
		groups++;
	}
	if (groups > 0)
		buf_putc(b, '.');
out:
	for (i = 0; i < ind->ncs; i++)
		buf_release(&items[i]);
	free(items);
	free(c);
}

void
words_context(struct buf *b, const struct model *m,
    const struct indicator *ind, const struct figures *f)
{
	if (f->latest == NULL)
		return;
	if (f->run.kind != RUN_NONE) {
		buf_putc(b, ' ');
		words_run(b, ind, f);
	}
	put_comparators(b, m, ind, f);
}

bool
words_unlisted(struct buf *b, const struct indicator *ind,
    const struct figures *f)
{
	if (words_performing_well(ind, f) || words_area_for_focus(ind, f))
		return false;
	if (f->status == STATUS_NONE && (f->trend == TREND_NONE ||
	    (f->trend == TREND_UNCHANGED && !ind->target.set &&
	    ind->better == BETTER_NEITHER)))
		return false;	/* nothing to judge it by yet */
	if (f->status == STATUS_AMBER) {
		BUF_PUTSL(b, "amber");
		if (f->trend == TREND_IMPROVING)
			BUF_PUTSL(b, " and improving");
		else if (f->trend == TREND_UNCHANGED)
			BUF_PUTSL(b, " and unchanged");
		BUF_PUTSL(b, ": short of the target of ");
		fmt_value(b, ind->target.value, ind->unit);
		BUF_PUTSL(b, " but within the amber limit of ");
		fmt_value(b, ind->target.amber, ind->unit);
	} else if (ind->better == BETTER_NEITHER) {
		buf_puts(b, f->trend == TREND_UP ? "up" : f->trend ==
		    TREND_DOWN ? "down" : "unchanged");
		BUF_PUTSL(b, ", but neither direction is better, so it is "
		    "not judged");
	} else if (f->trend == TREND_UNCHANGED) {
		BUF_PUTSL(b, "unchanged at ");
		fmt_value(b, f->latest->value, ind->unit);
		BUF_PUTSL(b, " since ");
		put_period(b, &f->previous->period);
	} else {
		/* Green is listed, red too, and so is any worsening: what
		 * is left with a status is amber, handled above. */
		BUF_PUTSL(b, "not enough figures to judge it by");
	}
	return true;
}

static const char *
status_name(enum status s)
{
	switch (s) {
	case STATUS_RED:
		return "red";
	case STATUS_AMBER:
		return "amber";
	case STATUS_GREEN:
		return "green";
	case STATUS_NONE:
		break;
	}
	return "without a target";
}

/* A status as a change names it: "no status" for none. */
static const char *
change_name(enum status s)
{
	return s == STATUS_NONE ? "no status" : status_name(s);
}

void
words_counts(struct buf *b, const struct figcounts *now,
    const struct figcounts *prev)
{
	static const enum status order[] = { STATUS_RED, STATUS_AMBER,
	    STATUS_GREEN };
	size_t	 k, nsaid = 0, nlast;

	if (prev == NULL || !prev->set || (now->n[STATUS_RED] +
	    now->n[STATUS_AMBER] + now->n[STATUS_GREEN] == 0 &&
	    prev->n[STATUS_RED] + prev->n[STATUS_AMBER] +
	    prev->n[STATUS_GREEN] == 0))
		return;		/* no targets then or now: nothing moved */
	if (now->n[STATUS_RED] == prev->n[STATUS_RED] &&
	    now->n[STATUS_AMBER] == prev->n[STATUS_AMBER] &&
	    now->n[STATUS_GREEN] == prev->n[STATUS_GREEN])
		return;		/* words_changes() says what, if anything */
	/*
	 * Not those without a target: worked out from the series, the
	 * last report leaves out what had no figure then, so their number
	 * would seem to move when nothing did.
	 */
	nlast = 2;
	for (k = 0; k <= nlast; k++) {
		size_t	 a = now->n[order[k]], p = prev->n[order[k]];

		if (nsaid == 0)
			buf_puts(b, a == 1 ? "There is now " :
			    "There are now ");
		else
			buf_puts(b, k == nlast ? "; and " : "; ");
		if (a == 0)
			BUF_PUTSL(b, "no");
		else
			buf_printf(b, "%zu", a);
		buf_printf(b, " %s", status_name(order[k]));
		if (nsaid == 0 && order[k] != STATUS_NONE)
			buf_puts(b, a == 1 ? " indicator" : " indicators");
		if (a == p)
			buf_puts(b, nsaid == 0 ? ", as" : ", as before");
		else if (p == 0)
			BUF_PUTSL(b, ", up from none");
		else
			buf_printf(b, ", %s from %zu", a < p ? "down" : "up",
			    p);
		if (nsaid == 0) {
			buf_putc(b, ' ');
			words_when(b, &prev->period);
		}
		nsaid++;
	}
	buf_putc(b, '.');
}

void
words_changes(struct buf *b, const struct model *m,
    const struct figures *figs, const struct figcounts *prev)
{
	size_t	 i, n = 0, k;

	if (prev == NULL || !prev->set)
		return;
	for (i = 0; i < m->ninds; i++)
		if (figs[i].has_prev_status &&
		    figs[i].prev_status != figs[i].status)
			n++;
	for (i = 0; n == 0 && i < m->ninds; i++)
		if (figs[i].status != STATUS_NONE ||
		    (figs[i].has_prev_status &&
		    figs[i].prev_status != STATUS_NONE))
			break;
	if (n == 0 && i == m->ninds)
		return;		/* nothing has a status: nothing to say */
	if (n == 0) {
		BUF_PUTSL(b, "No indicator has changed status since ");
		put_period(b, &prev->period);
		buf_putc(b, '.');
		return;
	}
	BUF_PUTSL(b, "Since ");
	put_period(b, &prev->period);
	if (n > 1)
		buf_printf(b, ", %zu indicators have changed status:", n);
	else
		buf_putc(b, ',');
	for (k = 0, i = 0; i < m->ninds; i++) {
		if (!figs[i].has_prev_status ||
		    figs[i].prev_status == figs[i].status)
			continue;
		buf_puts(b, k == 0 ? " " : k + 1 == n ? "; and " : "; ");
		buf_puts(b, m->inds[i].title);
		buf_puts(b, n == 1 ? " has moved from " : " (");
		buf_puts(b, change_name(figs[i].prev_status));
		BUF_PUTSL(b, " to ");
		buf_puts(b, change_name(figs[i].status));
		if (n > 1)
			buf_putc(b, ')');
		k++;
	}
	buf_putc(b, '.');
}

/* Appends s wrapped at width columns (counting characters, not bytes):
 * the first line starts with first, the others with rest. */
static void
put_wrapped2(struct buf *b, const char *s, const char *first,
    const char *rest, size_t width)
{
	size_t	 col, wl, wc, ind;
	const char *w;

	buf_puts(b, first);
	col = ind = strlen(first);
	while (*s != '\0') {
		while (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t')
			s++;
		if (*s == '\0')
			break;
		w = s;
		wl = strcspn(w, " \n\r\t");
		wc = utf8_count(w, wl);
		if (col > ind && col + 1 + wc > width) {
			buf_putc(b, '\n');
			buf_puts(b, rest);
			col = ind = strlen(rest);
		} else if (col > ind) {
			buf_putc(b, ' ');
			col++;
		}
		buf_put(b, w, wl);
		col += wc;
		s = w + wl;
	}
	buf_putc(b, '\n');
}

static void
put_wrapped(struct buf *b, const char *s, const char *indent, size_t width)
{
	put_wrapped2(b, s, indent, indent, width);
}

/* Appends paragraphs of text (split at blank lines), each wrapped. */
static void
put_paragraphs(struct buf *b, const char *text, const char *indent)
{
	struct buf	 para;
	const char	*p = text, *nl;
	bool		 blank;

	buf_init(&para);
	for (;;) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		blank = strspn(p, " \t\r") >= (size_t)(nl - p);
		if (!blank) {
			buf_put(&para, p, (size_t)(nl - p));
			buf_putc(&para, ' ');
		} else if (para.len > 0) {
			put_wrapped(b, para.data, indent, 72);
			buf_putc(b, '\n');
			buf_reset(&para);
		}
		if (*nl == '\0')
			break;
		p = nl + 1;
	}
	if (para.len > 0) {
		put_wrapped(b, para.data, indent, 72);
		buf_putc(b, '\n');
	}
	buf_release(&para);
}

static void
underline(struct buf *b, const char *s, char c)
{
	size_t	 n;

	buf_puts(b, s);
	buf_putc(b, '\n');
	n = utf8_count(s, strlen(s));
	while (n-- > 0)
		buf_putc(b, c);
	buf_putc(b, '\n');
}

const char *
words_status(enum status s)
{
	switch (s) {
	case STATUS_GREEN:
		return "Green";
	case STATUS_AMBER:
		return "Amber";
	case STATUS_RED:
		return "Red";
	case STATUS_NONE:
		break;
	}
	return "No target";
}

void
words_text_report(struct buf *b, const struct model *m,
    const struct figures *figs, const struct figcounts *prev)
{
	struct figcounts now;
	struct buf	 line;
	size_t		 i, n[4] = { 0 }, pass;
	const char	*sec = NULL;
	char		 tmp[32];

	buf_init(&line);
	underline(b, m->report.title, '=');
	buf_printf(b, "%s\nFigures for %s", m->report.organisation,
	    period_long(&m->report.period, tmp, sizeof(tmp)));
	if (m->report.published != NULL)
		buf_printf(b, ", published %s", period_long(
		    &m->report.pubperiod, tmp, sizeof(tmp)));
	BUF_PUTSL(b, "\n\n");
	if (m->report.introduction != NULL)
		put_paragraphs(b, m->report.introduction, "");
	for (i = 0; i < m->ninds; i++)
		n[figs[i].status]++;
	underline(b, "Summary", '-');
	buf_printf(b, "%zu red, %zu amber, %zu green, %zu without a "
	    "target.\n\n", n[STATUS_RED], n[STATUS_AMBER], n[STATUS_GREEN],
	    n[STATUS_NONE]);
	figures_counts(m, figs, &now);
	buf_reset(&line);
	words_counts(&line, &now, prev);
	if (line.len > 0)
		buf_putc(&line, ' ');
	words_changes(&line, m, figs, prev);
	if (line.len > 0) {
		put_wrapped(b, line.data, "", 72);
		buf_putc(b, '\n');
	}
	for (pass = 0; pass < 3; pass++) {
		bool	 any = false;

		for (i = 0; i < m->ninds; i++) {
			bool	 focus = words_area_for_focus(&m->inds[i],
			    &figs[i]);

			buf_reset(&line);
			buf_printf(&line, "%s: ", m->inds[i].title);
			if (pass == 2) {
				if (!words_unlisted(&line, &m->inds[i],
				    &figs[i]))
					continue;
			} else if (pass == 0 ? !focus : focus ||
			    !words_performing_well(&m->inds[i], &figs[i]))
				continue;
			if (!any)
				buf_puts(b, pass == 0 ? "Areas for focus:\n" :
				    pass == 1 ? "Performing well:\n" :
				    "In neither list:\n");
			any = true;
			if (pass < 2)
				words_reason(&line, &m->inds[i], &figs[i]);
			put_wrapped2(b, line.data, "  - ", "    ", 72);
		}
		if (any)
			buf_putc(b, '\n');
	}
	for (i = 0; i < m->ninds; i++) {
		const struct indicator *ind = &m->inds[i];
		const char *s = ind->section != NULL ? ind->section :
		    "Indicators";

		if (sec == NULL || strcmp(sec, s) != 0) {
			buf_putc(b, '\n');
			underline(b, s, '-');
			buf_putc(b, '\n');
			sec = s;
		}
		if (ind->code != NULL)
			buf_printf(b, "%s ", ind->code);
		buf_printf(b, "%s\n", ind->title);
		buf_reset(&line);
		buf_printf(&line, "Status: %s. Trend: ",
		    words_status(figs[i].status));
		buf_puts(&line, words_trend(figs[i].trend));
		BUF_PUTSL(&line, ".");
		put_wrapped(b, line.data, "  ", 72);
		buf_reset(&line);
		words_indicator(&line, ind, &figs[i]);
		words_context(&line, m, ind, &figs[i]);
		put_wrapped(b, line.data, "  ", 72);
		buf_putc(b, '\n');
		if (ind->commentary != NULL)
			put_paragraphs(b, ind->commentary, "  ");
	}
	if (m->report.contact != NULL) {
		buf_reset(&line);
		buf_printf(&line, "Questions about these figures: %s.",
		    m->report.contact);
		buf_putc(b, '\n');
		put_wrapped(b, line.data, "", 72);
	}
	buf_release(&line);
}

const char *
words_trend(enum trend t)
{
	switch (t) {
	case TREND_IMPROVING:
		return "Improving";
	case TREND_WORSENING:
		return "Worsening";
	case TREND_UP:
		return "Up";
	case TREND_DOWN:
		return "Down";
	case TREND_UNCHANGED:
		return "No change";
	case TREND_NONE:
		break;
	}
	return "Not enough data";
}

