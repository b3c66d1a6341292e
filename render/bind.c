/*
 * bind: the model and its figures into the template's context.  This
 * is the one module that knows both the model and the template's
 * names; the names it sets are the template interface, documented in
 * scorecard(1), TEMPLATES.  Words for readers are made here (and in
 * words.c and fmt.c); the template decides where they go.  The charts
 * are laid out here, indicator by indicator, and handed to chartfiles.c
 * for their files; their SVG goes into the context as markup.
 */
#include <assert.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bind.h"
#include "buf.h"
#include "chart.h"
#include "chartfiles.h"
#include "diag.h"
#include "figures.h"
#include "fmt.h"
#include "model.h"
#include "ofiles.h"
#include "period.h"
#include "scene.h"
#include "tmpl.h"
#include "utf8.h"
#include "util.h"
#include "words.h"

void
bind_counts(struct tmpl_ctx *c, const size_t n[4])
{
	static const struct {
		const char	*name;
		enum status	 st;
	} keys[] = {
		{ "n_red", STATUS_RED },
		{ "n_amber", STATUS_AMBER },
		{ "n_green", STATUS_GREEN },
		{ "n_none", STATUS_NONE }
	};
	char	 tmp[32];
	size_t	 i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		snprintf(tmp, sizeof(tmp), "%zu", n[keys[i].st]);
		tmpl_ctx_text(c, keys[i].name, tmp);
	}
}

/* Words and symbols: never status by colour alone. */
static const char *
status_symbol(enum status s)
{
	switch (s) {
	case STATUS_GREEN:
		return "\xe2\x9c\x93";		/* U+2713 check mark */
	case STATUS_AMBER:
		return "!";
	case STATUS_RED:
		return "\xe2\x9c\x95";		/* U+2715 multiplication x */
	case STATUS_NONE:
		break;
	}
	return "\xe2\x80\x93";			/* U+2013 en dash */
}

/* The arrow shows the direction of movement; the word says if good. */
static const char *
trend_symbol(const struct figures *f)
{
	if (f->trend == TREND_NONE)
		return "\xe2\x80\x93";			/* en dash */
	if (f->latest->value > f->previous->value)
		return "\xe2\x86\x91";			/* U+2191 up */
	if (f->latest->value < f->previous->value)
		return "\xe2\x86\x93";			/* U+2193 down */
	return "\xe2\x86\x92";				/* U+2192 right */
}

static const char *
unit_word(enum unit u)
{
	switch (u) {
	case UNIT_COUNT:
		return "Number";
	case UNIT_PERCENT:
		return "Percentage";
	case UNIT_RATE10K:
		return "Rate per 10,000 children";
	case UNIT_DAYS:
		return "Days";
	case UNIT_WEEKS:
		return "Weeks";
	case UNIT_NUMBER:
		break;
	}
	return "Value";
}

static void
ctx_period(struct tmpl_ctx *c, const char *name, const struct period *p)
{
	char	 tmp[32];

	tmpl_ctx_text(c, name, period_long(p, tmp, sizeof(tmp)));
}

/* "−202 (−28.8%)" or "+12" where there is no percentage. */
static void
put_change(struct buf *b, const struct figcmp *fc, enum unit u)
{
	fmt_change(b, fc->change, u);
	/* A change that rounds to 0.0% would read as no change: leave it. */
	if (fc->has_pct && u != UNIT_PERCENT &&
	    (fc->change_pct != 0 || fc->change == 0)) {
		BUF_PUTSL(b, " (");
		fmt_pct(b, fc->change_pct);
		buf_putc(b, ')');
	}
}

/* Splits text into paragraphs at blank lines; adds each as list items. */
static void
ctx_paragraphs(struct tmpl_ctx *c, const char *list, const char *text)
{
	struct buf	 b;
	const char	*p, *nl;
	bool		 blank;

	tmpl_ctx_list(c, list);
	if (text == NULL)
		return;
	buf_init(&b);
	for (p = text; ; p = nl + 1) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		blank = true;
		for (const char *q = p; q < nl; q++)
			if (*q != ' ' && *q != '\t' && *q != '\r')
				blank = false;
		if (blank) {
			if (b.len > 0)
				tmpl_ctx_text(tmpl_ctx_add(c, list), "text",
				    b.data);
			buf_reset(&b);
		} else {
			if (b.len > 0)
				buf_putc(&b, ' ');
			buf_put(&b, p, (size_t)(nl - p));
			while (b.len > 0 && (b.data[b.len - 1] == '\r' ||
			    b.data[b.len - 1] == ' '))
				b.data[--b.len] = '\0';
		}
		if (*nl == '\0')
			break;
	}
	if (b.len > 0)
		tmpl_ctx_text(tmpl_ctx_add(c, list), "text", b.data);
	buf_release(&b);
}

/* "450 (amber to 480)": the target as readers see it. */
static void
put_target(struct buf *b, const struct indicator *ind)
{
	fmt_value(b, ind->target.value, ind->unit);
	if (ind->target.has_amber) {
		BUF_PUTSL(b, " (amber ");
		buf_puts(b, ind->better == BETTER_LOWER ? "up to " :
		    ind->better == BETTER_HIGHER ? "down to " : "at ");
		fmt_value(b, ind->target.amber, ind->unit);
		buf_putc(b, ')');
	}
}

/* The point value as shown in a table: "500 (provisional)", "12.0%". */
static void
put_point(struct buf *b, const struct point *p, enum unit u)
{
	if (p->suppressed) {
		BUF_PUTSL(b, "[c]");
		return;
	}
	if (!p->has_value) {
		BUF_PUTSL(b, "not available");
		return;
	}
	fmt_cell(b, p->value, u);
	if (p->provisional)
		BUF_PUTSL(b, " (provisional)");
}

/* A chart's text alternative is at most this many characters. */
#define	DESC_MAX	300

/*
 * Sets b to s cut to at most max characters (code points): at the last
 * space in the second half of them if there is one, less the
 * punctuation before it, with "…" in place of what was cut.
 */
static void
shorten(struct buf *b, const char *s, size_t max)
{
	size_t		 i, cut, end, space = 0;

	assert(max >= 2);
	buf_reset(b);
	/* Read no further than the character after max: a name can be
	 * 100,000 bytes. */
	end = utf8_skip(s, max);
	if (s[end] == '\0') {
		buf_puts(b, s);
		return;
	}
	/* The last space among characters max / 2 to max - 1: a space is
	 * one byte, never part of another character. */
	for (i = utf8_skip(s, max / 2); i < end; i++)
		if (s[i] == ' ')
			space = i;
	cut = space != 0 ? space : utf8_skip(s, max - 1);
	while (cut > 0 && strchr(" ,;:-", s[cut - 1]) != NULL)
		cut--;
	buf_put(b, s, cut);
	buf_puts(b, "\xe2\x80\xa6");	/* … */
}

/*
 * Turns every line break in b (utf8_is_break(): LF, VT, FF, CR, NEL,
 * U+2028, U+2029) and every tab into a space: a running head is one
 * line, and a break typed into a name (Alt+Enter in a cell) would leave
 * only its first line.
 */
static void
one_line(struct buf *b)
{
	size_t		 i, k, o = 0;
	unsigned long	 cp;

	for (i = 0; i < b->len; i += k) {
		if ((k = utf8_decode(b->data + i, b->len - i, &cp)) == 0) {
			k = 1;		/* not UTF-8: the byte as it is */
			cp = 0;
		}
		if (cp == '\t' || utf8_is_break(cp))
			b->data[o++] = ' ';
		else {
			memmove(b->data + o, b->data + i, k);
			o += k;
		}
	}
	b->len = o;
	b->data[o] = '\0';
}

/*
 * Adds the sentence in s to the description b, which has *n characters,
 * if b stays within DESC_MAX; the first sentence always goes in, cut
 * short if it must be.  Once one does not fit, *full is set and no
 * later one is added, so that a description is whole sentences from the
 * start.  Empties s.  Linear: each sentence is counted once.
 */
static void
desc_add(struct buf *b, size_t *n, bool *full, struct buf *s)
{
	struct buf	 cut;
	size_t		 k;

	if (!*full && s->len > 0) {
		k = utf8_count(s->data, s->len) + (b->len > 0 ? 1 : 0);
		if (*n + k <= DESC_MAX) {
			if (b->len > 0)
				buf_putc(b, ' ');
			buf_put(b, s->data, s->len);
			*n += k;
		} else if (b->len == 0) {
			buf_init(&cut);
			shorten(&cut, s->data, DESC_MAX);
			buf_put(b, cut.data, cut.len);
			*n = utf8_count(cut.data, cut.len);
			buf_release(&cut);
			*full = true;
		} else
			*full = true;
	}
	buf_reset(s);
}

/*
 * The chart's text alternative: what it shows, the latest value, the
 * change and the target, without repeating the title; at most DESC_MAX
 * characters, dropping whole sentences from the end.
 */
static void
chart_desc(struct buf *b, const struct model *m, const struct indicator *ind,
    const struct figures *f)
{
	const struct point *first = NULL;
	struct buf	 s;
	char		 t1[32], t2[32];
	size_t		 i, n = 0;
	bool		 full = false;

	for (i = 0; i < ind->series.npts; i++)
		if (ind->series.pts[i].has_value) {
			first = &ind->series.pts[i];
			break;
		}
	assert(first != NULL && f->latest != NULL);
	buf_init(&s);
	buf_printf(&s, "%s chart from %s to %s.",
	    chart_kind_for(ind, f) == CHART_COLUMN ? "Column" : "Line",
	    period_long(&first->period, t1, sizeof(t1)),
	    period_long(&f->latest->period, t2, sizeof(t2)));
	desc_add(b, &n, &full, &s);
	BUF_PUTSL(&s, "Latest ");
	fmt_value_unit(&s, f->latest->value, ind->unit);
	buf_putc(&s, ' ');
	words_when(&s, &f->latest->period);
	if (f->latest->provisional)
		BUF_PUTSL(&s, " (provisional)");
	if (f->previous != NULL) {
		BUF_PUTSL(&s, ", ");
		buf_puts(&s, f->trend == TREND_UNCHANGED ? "unchanged" :
		    f->trend == TREND_IMPROVING ? "improving" :
		    f->trend == TREND_WORSENING ? "worsening" :
		    f->trend == TREND_UP ? "up" : "down");
		buf_printf(&s, " from %s", period_long(&f->previous->period,
		    t1, sizeof(t1)));
	}
	BUF_PUTSL(&s, ".");
	desc_add(b, &n, &full, &s);
	if (f->highest.pt != NULL && f->highest.pt != f->latest) {
		BUF_PUTSL(&s, "Highest ");
		fmt_value(&s, f->highest.pt->value, ind->unit);
		buf_putc(&s, ' ');
		words_when(&s, &f->highest.pt->period);
		buf_putc(&s, '.');
		desc_add(b, &n, &full, &s);
	}
	if (ind->target.set) {
		BUF_PUTSL(&s, "Target ");
		put_target(&s, ind);
		BUF_PUTSL(&s, ".");
		desc_add(b, &n, &full, &s);
	}
	if (ind->ncs > 0) {
		BUF_PUTSL(&s, "Compared with ");
		for (i = 0; i < ind->ncs && i < 3; i++) {
			if (i > 0)
				buf_puts(&s, i + 1 == ind->ncs || i == 2 ?
				    " and " : ", ");
			buf_puts(&s, m->comps[ind->cs[i].comp].label);
		}
		BUF_PUTSL(&s, ".");
		desc_add(b, &n, &full, &s);
	}
	buf_release(&s);
}

/* A row per period of the series and its comparators, in time order. */
static void
ctx_table(struct tmpl_ctx *c, const struct model *m,
    const struct indicator *ind, struct buf *b)
{
	const struct period	**ps;
	struct tmpl_ctx		 *row, *cell;
	size_t			  n, i, j, *at;
	bool			  notes = false;
	char			  tmp[32];

	/* Headings cut to 100 characters: they are repeated in every
	 * indicator's table, and a name can be 100,000 bytes. */
	shorten(b, m->report.organisation, 100);
	tmpl_ctx_text(tmpl_ctx_add(c, "columns"), "label", b->data);
	for (i = 0; i < ind->ncs; i++) {
		shorten(b, m->comps[ind->cs[i].comp].label, 100);
		tmpl_ctx_text(tmpl_ctx_add(c, "columns"), "label", b->data);
	}
	for (i = 0; i < ind->series.npts; i++)
		if (ind->series.pts[i].note != NULL)
			notes = true;
	tmpl_ctx_bool(c, "has_notes", notes);

	ps = model_periods(ind, &n);
	at = xcalloc(ind->ncs + 1, sizeof(*at));
	tmpl_ctx_list(c, "table_rows");
	for (i = 0; i < n; i++) {
		row = tmpl_ctx_add(c, "table_rows");
		tmpl_ctx_text(row, "period", period_long(ps[i], tmp,
		    sizeof(tmp)));
		for (j = 0; j <= ind->ncs; j++) {
			const struct series *s = j == 0 ? &ind->series :
			    &ind->cs[j - 1].s;

			cell = tmpl_ctx_add(row, "cells");
			buf_reset(b);
			if (at[j] < s->npts &&
			    period_eq(&s->pts[at[j]].period, ps[i])) {
				put_point(b, &s->pts[at[j]], ind->unit);
				if (j == 0 && s->pts[at[j]].note != NULL)
					tmpl_ctx_text(row, "note",
					    s->pts[at[j]].note);
				at[j]++;
			} else
				BUF_PUTSL(b, "\xe2\x80\x93");	/* en dash */
			tmpl_ctx_text(cell, "text", b->data);
		}
	}
	free(at);
	free(ps);
}

static void
ctx_facts(struct tmpl_ctx *c, const struct indicator *ind,
    const struct figures *f, struct buf *b)
{
	struct tmpl_ctx	*fact;
	char		 tmp[32];

	tmpl_ctx_list(c, "facts");
	if (f->latest == NULL)
		return;
	if (f->previous != NULL) {
		fact = tmpl_ctx_add(c, "facts");
		tmpl_ctx_text(fact, "term", "Previous");
		buf_reset(b);
		fmt_value(b, f->previous->value, ind->unit);
		buf_printf(b, " (%s)", period_long(&f->previous->period, tmp,
		    sizeof(tmp)));
		tmpl_ctx_text(fact, "value", b->data);
	}
	if (f->year_ago.pt != NULL) {
		fact = tmpl_ctx_add(c, "facts");
		tmpl_ctx_text(fact, "term", "Change on a year ago");
		buf_reset(b);
		put_change(b, &f->year_ago, ind->unit);
		buf_printf(b, " since %s", period_long(&f->year_ago.pt->period,
		    tmp, sizeof(tmp)));
		tmpl_ctx_text(fact, "value", b->data);
	}
	if (f->highest.pt != NULL && f->nvalues >= 2) {
		fact = tmpl_ctx_add(c, "facts");
		tmpl_ctx_text(fact, "term", "Highest");
		buf_reset(b);
		fmt_value(b, f->highest.pt->value, ind->unit);
		buf_printf(b, " (%s)", period_long(&f->highest.pt->period, tmp,
		    sizeof(tmp)));
		tmpl_ctx_text(fact, "value", b->data);
		fact = tmpl_ctx_add(c, "facts");
		tmpl_ctx_text(fact, "term", "Lowest");
		buf_reset(b);
		fmt_value(b, f->lowest.pt->value, ind->unit);
		buf_printf(b, " (%s)", period_long(&f->lowest.pt->period, tmp,
		    sizeof(tmp)));
		tmpl_ctx_text(fact, "value", b->data);
	}
	if (ind->target.set) {
		fact = tmpl_ctx_add(c, "facts");
		tmpl_ctx_text(fact, "term", "Target");
		buf_reset(b);
		put_target(b, ind);
		tmpl_ctx_text(fact, "value", b->data);
	}
}

/* Binds one indicator's figures and words (no charts) into c. */
static void
ctx_indicator(struct tmpl_ctx *c, const struct indicator *ind,
    const struct figures *f, struct buf *b)
{
	char	 tmp[32];

	tmpl_ctx_text(c, "id", ind->id);
	buf_reset(b);
	buf_printf(b, "ind-%s", ind->id);
	tmpl_ctx_text(c, "anchor", b->data);
	buf_reset(b);
	buf_printf(b, "#ind-%s", ind->id);
	tmpl_ctx_text(c, "href", b->data);
	tmpl_ctx_text(c, "title", ind->title);
	if (ind->code != NULL)
		tmpl_ctx_text(c, "code", ind->code);
	tmpl_ctx_text(c, "unit_word", unit_word(ind->unit));
	tmpl_ctx_text(c, "status", figures_status_str(f->status));
	tmpl_ctx_text(c, "status_word", words_status(f->status));
	tmpl_ctx_text(c, "status_symbol", status_symbol(f->status));
	tmpl_ctx_text(c, "trend", figures_trend_str(f->trend));
	tmpl_ctx_text(c, "trend_word", words_trend(f->trend));
	tmpl_ctx_text(c, "trend_symbol", trend_symbol(f));
	if (f->latest != NULL) {
		buf_reset(b);
		fmt_value(b, f->latest->value, ind->unit);
		tmpl_ctx_text(c, "latest", b->data);
		ctx_period(c, "latest_period", &f->latest->period);
		buf_reset(b);
		words_when(b, &f->latest->period);
		tmpl_ctx_text(c, "latest_when", b->data);
		tmpl_ctx_bool(c, "provisional", f->latest->provisional);
	} else if (figures_suppressed_latest(ind) != NULL) {
		tmpl_ctx_text(c, "latest", "[c]");
		ctx_period(c, "latest_period",
		    &figures_suppressed_latest(ind)->period);
		buf_reset(b);
		words_when(b, &figures_suppressed_latest(ind)->period);
		tmpl_ctx_text(c, "latest_when", b->data);
	} else {
		tmpl_ctx_text(c, "latest", "not available");
		tmpl_ctx_text(c, "latest_period", "");
		tmpl_ctx_text(c, "latest_when", "");
	}
	if (f->previous != NULL) {
		buf_reset(b);
		fmt_value(b, f->previous->value, ind->unit);
		buf_printf(b, " (%s)", period_short(&f->previous->period, tmp,
		    sizeof(tmp)));
		tmpl_ctx_text(c, "previous", b->data);
	} else
		tmpl_ctx_text(c, "previous", "\xe2\x80\x93");
	buf_reset(b);
	if (ind->target.set)
		fmt_value(b, ind->target.value, ind->unit);
	else
		BUF_PUTSL(b, "\xe2\x80\x93");
	tmpl_ctx_text(c, "target", b->data);
	if (ind->target.set && ind->target.has_amber) {
		buf_reset(b);
		BUF_PUTSL(b, "amber ");
		fmt_value(b, ind->target.amber, ind->unit);
		tmpl_ctx_text(c, "amber", b->data);
	}
	buf_reset(b);
	if (f->year_ago.pt != NULL)
		put_change(b, &f->year_ago, ind->unit);
	else
		BUF_PUTSL(b, "\xe2\x80\x93");
	tmpl_ctx_text(c, "year_change", b->data);
}

/* The report's own fields: title, period, introduction, the [c] note. */
static void
ctx_report(struct tmpl_ctx *root, const struct model *m, struct buf *b)
{
	tmpl_ctx_text(root, "title", m->report.title);
	tmpl_ctx_text(root, "organisation", m->report.organisation);
	/* For running heads, and attributes of <html> that must leave room
	 * for <meta charset> in the first 1,024 bytes. */
	shorten(b, m->report.title, 100);
	one_line(b);
	tmpl_ctx_text(root, "title_short", b->data);
	shorten(b, m->report.organisation, 80);
	one_line(b);
	tmpl_ctx_text(root, "organisation_short", b->data);
	ctx_period(root, "period", &m->report.period);
	tmpl_ctx_text(root, "period_iso", m->report.pstr);
	if (m->report.published != NULL) {
		ctx_period(root, "published", &m->report.pubperiod);
		tmpl_ctx_text(root, "published_iso", m->report.published);
	}
	ctx_paragraphs(root, "introduction", m->report.introduction);
	if (m->report.contact != NULL)
		tmpl_ctx_text(root, "contact", m->report.contact);
	tmpl_ctx_text(root, "generator", "scorecard " VERSION);
	/* Small numbers: say what [c] means, or that nothing is hidden. */
	if (m->nsuppressed > 0) {
		buf_reset(b);
		buf_printf(b, "[c] means a figure is not shown because it is a "
		    "count of 1 to %d children, or is based on one, which "
		    "could identify a child.", m->threshold);
		if (m->nsecondary > 0)
			BUF_PUTSL(b, " Where one part of a breakdown is "
			    "hidden, the next smallest is hidden too, so that "
			    "it cannot be worked out from the total.");
		tmpl_ctx_text(root, "suppressed_note", b->data);
	}
	tmpl_ctx_bool(root, "not_for_publication", !m->suppress);
}

/*
 * Adds the indicator to the summary lists it belongs in: neither_list,
 * and performing_well or areas_for_focus.
 */
static void
ctx_lists(struct tmpl_ctx *root, const struct indicator *ind,
    const struct figures *f, struct buf *b)
{
	buf_reset(b);
	if (words_unlisted(b, ind, f)) {
		struct tmpl_ctx *li = tmpl_ctx_add(root, "neither_list");

		tmpl_ctx_text(li, "reason", b->data);
		tmpl_ctx_text(li, "title", ind->title);
		buf_reset(b);
		buf_printf(b, "#ind-%s", ind->id);
		tmpl_ctx_text(li, "href", b->data);
	}
	if (words_performing_well(ind, f) ||
	    words_area_for_focus(ind, f)) {
		struct tmpl_ctx *li = tmpl_ctx_add(root,
		    words_area_for_focus(ind, f) ?
		    "areas_for_focus" : "performing_well");

		tmpl_ctx_text(li, "title", ind->title);
		buf_reset(b);
		buf_printf(b, "#ind-%s", ind->id);
		tmpl_ctx_text(li, "href", b->data);
		buf_reset(b);
		words_reason(b, ind, f);
		tmpl_ctx_text(li, "reason", b->data);
		buf_reset(b);
		words_indicator(b, ind, f);
		tmpl_ctx_text(li, "sentence", b->data);
	}
}

/* The indicator's trend chart, if it has one: its files and keys. */
static void
bind_chart(struct tmpl_ctx *ic, const struct model *m,
    const struct indicator *ind, const struct figures *f,
    struct chartfiles *ch, struct ofiles *of)
{
	struct scene	 s;
	struct buf	 b, desc, svg;

	buf_init(&b);
	buf_init(&desc);
	buf_init(&svg);
	scene_init(&s);
	if (chart_trend(&s, m, ind, f, &ch->ms, &ch->opts)) {
		buf_reset(&desc);
		chart_desc(&desc, m, ind, f);
		buf_reset(&b);
		buf_printf(&b, "tbl-%s", ind->id);
		chartfiles_emit(ch, of, &s, ind->id, ind->title, desc.data,
		    b.data, &svg);
		tmpl_ctx_markup(ic, "chart", svg.data);
		tmpl_ctx_bool(ic, "has_chart", true);
		buf_reset(&b);
		buf_printf(&b, "charts/%s.png", ind->id);
		tmpl_ctx_text(ic, "chart_png", b.data);
		/* For the email: the PNG part, and its alt text. */
		buf_reset(&b);
		buf_printf(&b, "cid:%s.png@scorecard", ind->id);
		tmpl_ctx_text(ic, "chart_cid", b.data);
		tmpl_ctx_text(ic, "chart_alt", desc.data);
	} else {
		tmpl_ctx_bool(ic, "has_chart", false);
		tmpl_ctx_bool(ic, "figure", f->latest != NULL);
	}
	scene_release(&s);
	buf_release(&svg);
	buf_release(&desc);
	buf_release(&b);
}

/* The indicator's breakdown, if it has one: its table, chart and files. */
static void
bind_breakdown(struct tmpl_ctx *ic, const struct indicator *ind,
    struct chartfiles *ch, struct ofiles *of)
{
	const struct breakdown *bd = ind->breakdown;
	struct tmpl_ctx	*br;
	struct scene	 s;
	struct buf	 b, desc, name, svg;
	size_t		 k;
	char		 tmp[32];

	if (bd == NULL) {
		tmpl_ctx_list(ic, "breakdown");
		return;
	}
	buf_init(&b);
	buf_init(&desc);
	buf_init(&name);
	buf_init(&svg);
	scene_init(&s);
	br = tmpl_ctx_add(ic, "breakdown");
	tmpl_ctx_text(br, "breakdown_title", bd->title != NULL ?
	    bd->title : "Breakdown");
	buf_printf(&name, "%s-breakdown", ind->id);
	buf_printf(&b, "tbl-%s-breakdown", ind->id);
	tmpl_ctx_text(br, "breakdown_table_id", b.data);
	tmpl_ctx_list(br, "breakdown_rows");
	for (k = 0; k < bd->nitems; k++) {
		struct tmpl_ctx *r = tmpl_ctx_add(br, "breakdown_rows");

		tmpl_ctx_text(r, "label", bd->items[k].label);
		buf_reset(&desc);
		if (bd->items[k].has_value)
			fmt_cell(&desc, bd->items[k].value, bd->unit);
		else if (bd->items[k].suppressed)
			BUF_PUTSL(&desc, "[c]");
		else
			BUF_PUTSL(&desc, "not available");
		tmpl_ctx_text(r, "value", desc.data);
	}
	if (chart_breakdown(&s, ind, &ch->ms, &ch->opts)) {
		buf_reset(&desc);
		buf_printf(&desc, "Bar chart of %zu parts", bd->nitems);
		if (bd->pstr != NULL)
			buf_printf(&desc, " in %s", period_long(&bd->period,
			    tmp, sizeof(tmp)));
		BUF_PUTSL(&desc, "; the figures are in the table that "
		    "follows.");
		chartfiles_emit(ch, of, &s, name.data,
		    bd->title != NULL ? bd->title : ind->title, desc.data,
		    b.data, &svg);
		tmpl_ctx_markup(br, "breakdown_chart", svg.data);
	}
	scene_release(&s);
	buf_release(&svg);
	buf_release(&name);
	buf_release(&desc);
	buf_release(&b);
}

void
bind_report(struct tmpl_ctx *root, const struct model *m,
    const struct figures *figs, const struct figcounts *prev,
    struct chartfiles *ch, struct ofiles *of)
{
	struct tmpl_ctx	*sec = NULL, *ic, *row;
	struct figcounts now;
	struct buf	 b;
	size_t		 i, n[4] = { 0 };
	const char	*cursec = NULL;

	buf_init(&b);
	ctx_report(root, m, &b);
	tmpl_ctx_list(root, "rows");
	tmpl_ctx_list(root, "sections");
	tmpl_ctx_list(root, "performing_well");
	tmpl_ctx_list(root, "areas_for_focus");
	tmpl_ctx_list(root, "neither_list");

	for (i = 0; i < m->ninds; i++) {
		const struct indicator *ind = &m->inds[i];
		const struct figures *f = &figs[i];
		const char *heading = ind->section != NULL ? ind->section :
		    "Indicators";

		n[f->status]++;
		row = tmpl_ctx_add(root, "rows");
		ctx_indicator(row, ind, f, &b);

		if (sec == NULL || strcmp(cursec, heading) != 0) {
			sec = tmpl_ctx_add(root, "sections");
			tmpl_ctx_text(sec, "heading", heading);
			tmpl_ctx_list(sec, "indicators");
			cursec = heading;
		}
		ic = tmpl_ctx_add(sec, "indicators");
		ctx_indicator(ic, ind, f, &b);
		buf_reset(&b);
		words_indicator(&b, ind, f);
		words_context(&b, m, ind, f);
		tmpl_ctx_text(ic, "sentence", b.data);
		ctx_lists(root, ind, f, &b);
		ctx_facts(ic, ind, f, &b);
		ctx_paragraphs(ic, "commentary", ind->commentary);
		buf_reset(&b);
		buf_printf(&b, "tbl-%s", ind->id);
		tmpl_ctx_text(ic, "table_id", b.data);
		buf_reset(&b);
		buf_printf(&b, "%s: figures by period", ind->title);
		tmpl_ctx_text(ic, "table_caption", b.data);
		tmpl_ctx_text(ic, "unit_heading", unit_word(ind->unit));
		ctx_table(ic, m, ind, &b);
		bind_chart(ic, m, ind, f, ch, of);
		bind_breakdown(ic, ind, ch, of);
	}
	buf_reset(&b);
	buf_printf(&b, "%zu", m->ninds);
	tmpl_ctx_text(root, "n_indicators", b.data);
	bind_counts(root, n);
	figures_counts(m, figs, &now);
	buf_reset(&b);
	words_counts(&b, &now, prev);
	if (b.len > 0)
		tmpl_ctx_text(root, "counts_moved", b.data);
	buf_reset(&b);
	words_changes(&b, m, figs, prev);
	if (b.len > 0)
		tmpl_ctx_text(root, "status_changes", b.data);
	buf_release(&b);
}
