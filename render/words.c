/*
 * words: sentences for readers.  Each clause is there only when the
 * figures support it, so a short series gives a short sentence.  A
 * change between percentages is in percentage points, never a
 * percentage of a percentage; a count is "fewer" or "more", other
 * quantities "lower" or "higher".
 */
#include <math.h>
#include <string.h>

#include "buf.h"
#include "figures.h"
#include "fmt.h"
#include "model.h"
#include "period.h"
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
			BUF_PUTSL(b, "The latest figure, for ");
			put_period(b, &ind->series.pts[i].period);
			BUF_PUTSL(b, ", is not shown ([c]) because it is small "
			    "enough to identify a child.");
		} else
			BUF_PUTSL(b, "No figures are available yet.");
		return;
	}
	BUF_PUTSL(b, "The latest figure, for ");
	put_period(b, &f->latest->period);
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
			BUF_PUTSL(b, "the same as in ");
		} else {
			put_delta(b, cmp, ind->unit);
			BUF_PUTSL(b, " than in ");
		}
		put_period(b, &cmp->pt->period);
	}

	/* Against the series' extremes, from three values on. */
	if (f->nvalues >= 3) {
		bool	 sep = false;

		if (f->highest.pt == f->latest || f->lowest.pt == f->latest) {
			buf_puts(b, cmp != NULL ? ", " : " ");
			buf_puts(b, f->highest.pt == f->latest ?
			    "the highest of the figures shown" :
			    "the lowest of the figures shown");
			sep = true;
		}
		if (f->highest.pt != f->latest &&
		    (cmp == NULL || f->highest.pt != cmp->pt)) {
			buf_puts(b, sep ? " and " : ", and ");
			put_gap(b, &f->highest, ind->unit);
			BUF_PUTSL(b, " the highest point of ");
			fmt_value(b, f->highest.pt->value, ind->unit);
			BUF_PUTSL(b, " in ");
			put_period(b, &f->highest.pt->period);
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
	return f->status == STATUS_RED ||
	    (ind->target.set && f->trend == TREND_WORSENING);
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
	fmt_value(b, f->latest->value, ind->unit);
	if (ind->target.set) {
		BUF_PUTSL(b, " against a target of ");
		fmt_value(b, ind->target.value, ind->unit);
	} else if (f->previous != NULL) {
		BUF_PUTSL(b, ", from ");
		fmt_value(b, f->previous->value, ind->unit);
	}
}

/* Appends s wrapped at width columns (counting characters, not bytes):
 * the first line starts with first, the others with rest. */
static void
put_wrapped2(struct buf *b, const char *s, const char *first,
    const char *rest, size_t width)
{
	size_t	 col, wl, wc, i, ind;
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
		for (wc = 0, i = 0; i < wl; i++)
			if (((unsigned char)w[i] & 0xC0) != 0x80)
				wc++;
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
	size_t	 n = 0;

	buf_puts(b, s);
	buf_putc(b, '\n');
	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
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
    const struct figures *figs)
{
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
	for (pass = 0; pass < 2; pass++) {
		bool	 any = false;

		for (i = 0; i < m->ninds; i++) {
			bool	 focus = words_area_for_focus(&m->inds[i],
			    &figs[i]);

			if (pass == 0 ? !focus : focus ||
			    !words_performing_well(&m->inds[i], &figs[i]))
				continue;
			if (!any)
				buf_puts(b, pass == 0 ? "Areas for focus:\n" :
				    "Performing well:\n");
			any = true;
			buf_reset(&line);
			buf_printf(&line, "%s: ", m->inds[i].title);
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

