/*
 * report: the pipeline.  model (json) -> figures -> scenes (chart) ->
 * PNG/SVG bytes (draw, svg) -> context (struct tmpl_ctx) -> XHTML (tmpl),
 * then every file written under a fresh temporary folder beside the
 * destination and swapped into place.
 *
 * This is the one module that knows both the model and the template's
 * names; the names it sets are the template interface, documented in
 * scorecard(1).  Words for readers are made here (and in fmt.c); the
 * template decides where they go.
 *
 * _GNU_SOURCE: renameat2(RENAME_EXCHANGE) swaps a previous output
 * folder for the new one in a single step, so a reader never finds the
 * destination missing or half-written.
 */
#define _GNU_SOURCE
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "chart.h"
#include "diag.h"
#include "draw.h"
#include "figures.h"
#include "fmt.h"
#include "history.h"
#include "input.h"
#include "json.h"
#include "jsonout.h"
#include "mail.h"
#include "model.h"
#include "pdf.h"
#include "period.h"
#include "report.h"
#include "rfile.h"
#include "sha256.h"
#include "summary.h"
#include "svg.h"
#include "tmpl.h"
#include "util.h"
#include "words.h"
#include "xlsxwrite.h"

/* One file of the output, made in memory before anything is written. */
struct ofile {
	char		*name;		/* relative: "charts/x.png" */
	struct buf	 data;
};

struct ofiles {
	struct ofile	*f;
	size_t		 n, max;
};

static struct buf *
ofile_add(struct ofiles *o, const char *name)
{
	if (o->n == o->max) {
		o->max = o->max == 0 ? 16 : o->max * 2;
		o->f = xreallocarray(o->f, o->max, sizeof(*o->f));
	}
	o->f[o->n].name = xstrdup(name);
	buf_init(&o->f[o->n].data);
	return &o->f[o->n++].data;
}

static void
ofiles_release(struct ofiles *o)
{
	size_t	 i;

	for (i = 0; i < o->n; i++) {
		free(o->f[i].name);
		buf_release(&o->f[i].data);
	}
	free(o->f);
	o->f = NULL;
	o->n = o->max = 0;
}

/* The last point that is not null, if it is suppressed; else NULL. */
static const struct point *
suppressed_latest(const struct indicator *ind)
{
	size_t	 i;

	for (i = ind->series.npts; i-- > 0;) {
		const struct point *p = &ind->series.pts[i];

		if (p->suppressed)
			return p;
		if (p->has_value)
			return NULL;
	}
	return NULL;
}

/* Sets n_red, n_amber, n_green and n_none from counts by status. */
static void
ctx_counts(struct tmpl_ctx *c, const size_t n[4])
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

static size_t
utf8_len(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

static void	shorten(struct buf *, const char *, size_t);

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
		k = utf8_len(s->data) + (b->len > 0 ? 1 : 0);
		if (*n + k <= DESC_MAX) {
			if (b->len > 0)
				buf_putc(b, ' ');
			buf_put(b, s->data, s->len);
			*n += k;
		} else if (b->len == 0) {
			buf_init(&cut);
			shorten(&cut, s->data, DESC_MAX);
			buf_put(b, cut.data, cut.len);
			*n = utf8_len(cut.data);
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
	} else if (suppressed_latest(ind) != NULL) {
		tmpl_ctx_text(c, "latest", "[c]");
		ctx_period(c, "latest_period", &suppressed_latest(ind)->period);
		buf_reset(b);
		words_when(b, &suppressed_latest(ind)->period);
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

struct charts {
	struct draw	*dr;
	struct measure	 ms;
	struct chart_opts opts;
	bool		 pdf;
	struct pdf_figures figs;	/* every scene, for report.pdf */
	bool		 check_only;	/* lay out and write SVG only */
	/* PNGs being encoded: the draw ticket and the file it goes to. */
	struct pending {
		int	 ticket;
		size_t	 file;		/* index into the ofiles */
	}		*pend;
	size_t		 npend, maxpend;
};

/* Puts every PNG still being encoded into its file. */
static bool
collect_charts(struct charts *ch, struct ofiles *of, struct diag *d)
{
	size_t	 i;
	bool	 ok = true;

	for (i = 0; i < ch->npend; i++)
		if (!draw_png_collect(ch->dr, ch->pend[i].ticket,
		    &of->f[ch->pend[i].file].data, d))
			ok = false;
	ch->npend = 0;
	return ok;
}

/* Draws scene s as charts/<name>.{png,svg[,pdf]}; sets markup key. */
static bool
emit_chart(struct charts *ch, struct ofiles *of, struct scene *s,
    const char *name, const char *title, const char *desc,
    const char *tableid, struct tmpl_ctx *c, const char *key, struct diag *d)
{
	struct buf	 path, svg;
	struct buf	*out;
	int		 ticket;

	buf_init(&path);
	buf_init(&svg);
	svg_write(s, name, title, desc, tableid, &svg);
	tmpl_ctx_markup(c, key, svg.data);
	buf_printf(&path, "charts/%s.svg", name);
	out = ofile_add(of, path.data);
	buf_put(out, svg.data, svg.len);
	if (ch->check_only)
		goto done;	/* drawing fails only for want of memory */
	buf_reset(&path);
	buf_printf(&path, "charts/%s.png", name);
	/* Filled in by collect_charts(): the encoding runs meanwhile. */
	ofile_add(of, path.data);
	if ((ticket = draw_png_start(ch->dr, s, 2, d)) < 0)
		goto fail;
	if (ch->npend == ch->maxpend) {
		ch->maxpend = ch->maxpend == 0 ? 64 : ch->maxpend * 2;
		ch->pend = xreallocarray(ch->pend, ch->maxpend,
		    sizeof(*ch->pend));
	}
	ch->pend[ch->npend].ticket = ticket;
	ch->pend[ch->npend++].file = of->n - 1;
	if (ch->pdf) {
		buf_reset(&path);
		buf_printf(&path, "charts/%s.pdf", name);
		if (!draw_pdf(ch->dr, s, ofile_add(of, path.data), d))
			goto fail;
		/* Kept for report.pdf; s is left empty. */
		pdf_figures_add(&ch->figs, name, s);
	}
done:
	buf_release(&path);
	buf_release(&svg);
	return true;
fail:
	buf_release(&path);
	buf_release(&svg);
	return false;
}

/*
 * Sets b to s cut to at most max characters (code points): at the last
 * space in the second half of them if there is one, less the
 * punctuation before it, with "…" in place of what was cut.
 */
static void
shorten(struct buf *b, const char *s, size_t max)
{
	size_t		 i, n = 0, cut = 0, space = 0;

	assert(max >= 2);
	buf_reset(b);
	for (i = 0; s[i] != '\0'; i++) {
		if (((unsigned char)s[i] & 0xc0) == 0x80)
			continue;
		if (n == max - 1)
			cut = i;
		if (s[i] == ' ' && n >= max / 2 && n < max)
			space = i;
		if (++n > max)
			break;		/* nothing after changes the cut */
	}
	if (n <= max) {
		buf_puts(b, s);
		return;
	}
	if (space != 0)
		cut = space;
	while (cut > 0 && strchr(" ,;:-", s[cut - 1]) != NULL)
		cut--;
	buf_put(b, s, cut);
	buf_puts(b, "\xe2\x80\xa6");	/* … */
}

/* Binds the whole model into root and makes every chart file. */
static bool
bind(struct tmpl_ctx *root, const struct model *m, const struct figures *figs,
    const struct figcounts *prev, struct charts *ch, struct ofiles *of,
    struct diag *d)
{
	struct tmpl_ctx	*sec = NULL, *ic, *row;
	struct scene	 s;
	struct buf	 b, desc, name;
	size_t		 i, n[4] = { 0 };
	const char	*cursec = NULL;
	bool		 ok = false;
	char		 tmp[32];

	buf_init(&b);
	buf_init(&desc);
	buf_init(&name);
	scene_init(&s);
	tmpl_ctx_text(root, "title", m->report.title);
	tmpl_ctx_text(root, "organisation", m->report.organisation);
	/* For running heads, and attributes of <html> that must leave room
	 * for <meta charset> in the first 1,024 bytes. */
	shorten(&b, m->report.title, 100);
	tmpl_ctx_text(root, "title_short", b.data);
	shorten(&b, m->report.organisation, 80);
	tmpl_ctx_text(root, "organisation_short", b.data);
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
		buf_reset(&b);
		buf_printf(&b, "[c] means a figure is not shown because it is a "
		    "count of 1 to %d children, or is based on one, which "
		    "could identify a child.", m->threshold);
		if (m->nsecondary > 0)
			BUF_PUTSL(&b, " Where one part of a breakdown is "
			    "hidden, the next smallest is hidden too, so that "
			    "it cannot be worked out from the total.");
		tmpl_ctx_text(root, "suppressed_note", b.data);
	}
	tmpl_ctx_bool(root, "not_for_publication", !m->suppress);
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
		buf_reset(&b);
		if (words_unlisted(&b, ind, f)) {
			struct tmpl_ctx *li = tmpl_ctx_add(root,
			    "neither_list");

			tmpl_ctx_text(li, "reason", b.data);
			tmpl_ctx_text(li, "title", ind->title);
			buf_reset(&b);
			buf_printf(&b, "#ind-%s", ind->id);
			tmpl_ctx_text(li, "href", b.data);
		}
		if (words_performing_well(ind, f) ||
		    words_area_for_focus(ind, f)) {
			struct tmpl_ctx *li = tmpl_ctx_add(root,
			    words_area_for_focus(ind, f) ?
			    "areas_for_focus" : "performing_well");

			tmpl_ctx_text(li, "title", ind->title);
			buf_reset(&b);
			buf_printf(&b, "#ind-%s", ind->id);
			tmpl_ctx_text(li, "href", b.data);
			buf_reset(&b);
			words_reason(&b, ind, f);
			tmpl_ctx_text(li, "reason", b.data);
			buf_reset(&b);
			words_indicator(&b, ind, f);
			tmpl_ctx_text(li, "sentence", b.data);
		}
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

		if (chart_trend(&s, m, ind, f, &ch->ms, &ch->opts)) {
			buf_reset(&desc);
			chart_desc(&desc, m, ind, f);
			buf_reset(&b);
			buf_printf(&b, "tbl-%s", ind->id);
			if (!emit_chart(ch, of, &s, ind->id, ind->title,
			    desc.data, b.data, ic, "chart", d))
				goto out;
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

		if (ind->breakdown != NULL) {
			const struct breakdown *bd = ind->breakdown;
			struct tmpl_ctx *br;
			size_t	 k;

			br = tmpl_ctx_add(ic, "breakdown");
			tmpl_ctx_text(br, "breakdown_title", bd->title != NULL ?
			    bd->title : "Breakdown");
			buf_reset(&name);
			buf_printf(&name, "%s-breakdown", ind->id);
			buf_reset(&b);
			buf_printf(&b, "tbl-%s-breakdown", ind->id);
			tmpl_ctx_text(br, "breakdown_table_id", b.data);
			tmpl_ctx_list(br, "breakdown_rows");
			for (k = 0; k < bd->nitems; k++) {
				struct tmpl_ctx *r = tmpl_ctx_add(br,
				    "breakdown_rows");

				tmpl_ctx_text(r, "label", bd->items[k].label);
				buf_reset(&desc);
				if (bd->items[k].has_value)
					fmt_cell(&desc, bd->items[k].value,
					    bd->unit);
				else if (bd->items[k].suppressed)
					BUF_PUTSL(&desc, "[c]");
				else
					BUF_PUTSL(&desc, "not available");
				tmpl_ctx_text(r, "value", desc.data);
			}
			if (chart_breakdown(&s, ind, &ch->ms, &ch->opts)) {
				buf_reset(&desc);
				buf_printf(&desc, "Bar chart of %zu parts",
				    bd->nitems);
				if (bd->pstr != NULL)
					buf_printf(&desc, " in %s",
					    period_long(&bd->period, tmp,
					    sizeof(tmp)));
				BUF_PUTSL(&desc, "; the figures are in the "
				    "table that follows.");
				if (!emit_chart(ch, of, &s, name.data,
				    bd->title != NULL ? bd->title : ind->title,
				    desc.data, b.data, br, "breakdown_chart",
				    d))
					goto out;
			}
			scene_release(&s);
		} else
			tmpl_ctx_list(ic, "breakdown");
	}
	buf_reset(&b);
	buf_printf(&b, "%zu", m->ninds);
	tmpl_ctx_text(root, "n_indicators", b.data);
	ctx_counts(root, n);
	{
		struct figcounts now;

		figures_counts(m, figs, &now);
		buf_reset(&b);
		words_counts(&b, &now, prev);
		if (b.len > 0)
			tmpl_ctx_text(root, "counts_moved", b.data);
		buf_reset(&b);
		words_changes(&b, m, figs, prev);
		if (b.len > 0)
			tmpl_ctx_text(root, "status_changes", b.data);
	}
	ok = true;
out:
	scene_release(&s);
	buf_release(&name);
	buf_release(&desc);
	buf_release(&b);
	return ok;
}

/* Writes all of data to path (new file, mode 0644), checking every step. */
static bool
write_file(const char *path, const struct buf *data, bool durable,
    struct diag *d)
{
	FILE	*fp;
	bool	 ok;

	if ((fp = fopen(path, "wx")) == NULL) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot create: %s",
		    strerror(errno));
		return false;
	}
	ok = fwrite(data->data, 1, data->len, fp) == data->len;
	ok = fflush(fp) == 0 && ok;
	ok = !ferror(fp) && ok;
	if (durable && ok && fsync(fileno(fp)) != 0)
		ok = false;
	if (fclose(fp) != 0)
		ok = false;
	if (!ok)
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot write: %s",
		    strerror(errno));
	return ok;
}

/*
 * Empties the folder open at fd, then closes fd.  By file descriptor,
 * never by path: each folder is opened from its parent with O_NOFOLLOW,
 * so that a symbolic link planted in an old render, or swapped in for a
 * folder while it is being removed (which a walk by path such as nftw()
 * would follow), never leads outside it.  Gives up below 64 levels.
 */
static void
rm_at(int fd, int depth)
{
	struct dirent	*de;
	DIR		*dp;
	int		 sub;

	if ((dp = fdopendir(fd)) == NULL) {
		close(fd);
		return;
	}
	while ((de = readdir(dp)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		/* Files and links go; a folder refuses (EISDIR). */
		if (unlinkat(dirfd(dp), de->d_name, 0) == 0 ||
		    depth >= 64 || (sub = openat(dirfd(dp), de->d_name,
		    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) == -1)
			continue;
		rm_at(sub, depth + 1);
		unlinkat(dirfd(dp), de->d_name, AT_REMOVEDIR);
	}
	closedir(dp);
}

/* Removes a folder tree; symbolic links are removed, never followed. */
static void
rm_tree(const char *path)
{
	int	 fd;

	if ((fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1) {
		if (errno == ENOTDIR || errno == ELOOP)
			unlink(path);	/* a file, or a link: not followed */
		return;
	}
	rm_at(fd, 0);
	rmdir(path);
}

/* The folders mkparents() made, to be taken away if the run fails. */
struct made {
	char	**v;
	size_t	  n;
};

/*
 * Makes every missing parent folder of path (not path itself), noting
 * each in *md.  A path, or a part of it, too long for the system is
 * refused before anything is made.
 */
static bool
mkparents(const char *path, struct made *md, struct diag *d)
{
	char	*p, *s;
	const char *part;
	bool	 ok = true;

	/* Room for the temporary folder beside it: ".tmp-XXXXXX". */
	if (strlen(path) + 12 > PATH_MAX) {
		diag_msg(d, DIAG_ERROR, NULL, 0, 0, "output path is too long "
		    "(%zu bytes; the limit is %d)", strlen(path),
		    PATH_MAX - 12);
		return false;
	}
	for (part = path; *part != '\0'; part += strcspn(part, "/")) {
		part += strspn(part, "/");
		if (strcspn(part, "/") + 12 > NAME_MAX + 1) {
			diag_msg(d, DIAG_ERROR, NULL, 0, 0, "a folder name in "
			    "the output path is too long (%zu bytes; the "
			    "limit is %d)", strcspn(part, "/"), NAME_MAX - 11);
			return false;
		}
	}
	p = xstrdup(path);
	for (s = p + 1; *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) == 0) {
			md->v = xreallocarray(md->v, md->n + 1,
			    sizeof(*md->v));
			md->v[md->n++] = xstrdup(p);
		} else if (errno != EEXIST) {
			diag_msg(d, DIAG_ERROR, p, 0, 0, "cannot create "
			    "folder: %s", strerror(errno));
			ok = false;
			break;
		}
		*s = '/';
	}
	free(p);
	return ok;
}

/*
 * Forgets the folders mkparents() made; with undo, first removes them,
 * innermost first (rmdir(): only while they are still empty).
 */
static void
made_release(struct made *md, bool undo)
{
	while (md->n > 0) {
		md->n--;
		if (undo)
			rmdir(md->v[md->n]);
		free(md->v[md->n]);
	}
	free(md->v);
	md->v = NULL;
}

/*
 * The one rule for symbolic links, for render -o and archive --into: the
 * folder named is never a link (those in the path above it are followed
 * as usual).  A render swaps a new folder in for it, which would replace
 * the link, not what it leads to; an archive would write somewhere its
 * name does not say.
 */
#define	LINK_REFUSED	"is a symbolic link; give the folder it leads to " \
			"(scorecard does not write through a link)"

/*
 * Whether dir may be replaced: it is missing, empty, or holds a
 * previous render (report.html and summary.json).  Anything else is
 * somebody's folder, which a render must never delete.
 */
static bool
replaceable(const char *dir, bool *exists, struct diag *d)
{
	struct stat	 st;
	struct buf	 p;
	struct dirent	*de;
	DIR		*dp;
	bool		 ok;

	*exists = false;
	if (lstat(dir, &st) == -1) {
		if (errno == ENOENT)
			return true;
		diag_msg(d, DIAG_ERROR, dir, 0, 0, "%s", strerror(errno));
		return false;
	}
	if (S_ISLNK(st.st_mode)) {
		diag_msg(d, DIAG_ERROR, dir, 0, 0, LINK_REFUSED);
		return false;
	}
	if (!S_ISDIR(st.st_mode)) {
		diag_msg(d, DIAG_ERROR, dir, 0, 0,
		    "exists and is not a folder");
		return false;
	}
	*exists = true;
	/*
	 * Empty: nothing to lose, but left in place until the new render
	 * is swapped in, so that a failed run leaves it as it was.
	 */
	if ((dp = opendir(dir)) != NULL) {
		while ((de = readdir(dp)) != NULL &&
		    (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0))
			continue;
		closedir(dp);
		if (de == NULL)
			return true;
	}
	buf_init(&p);
	buf_printf(&p, "%s/report.html", dir);
	ok = access(p.data, F_OK) == 0;
	buf_reset(&p);
	buf_printf(&p, "%s/summary.json", dir);
	ok = ok && access(p.data, F_OK) == 0;
	buf_release(&p);
	if (!ok)
		diag_msg(d, DIAG_ERROR, dir, 0, 0, "folder exists and is not a "
		    "scorecard output (no report.html and summary.json); "
		    "refusing to replace it");
	return ok;
}

/*
 * Makes the entries of folder path (a file written into it, a rename)
 * survive a power cut.  Reports and returns false if it cannot.
 */
static bool
fsync_dir(const char *path, struct diag *d)
{
	int	 fd;
	bool	 ok;

	if ((fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot open: %s",
		    strerror(errno));
		return false;
	}
	ok = fsync(fd) == 0 || errno == EINVAL;	/* EINVAL: cannot sync */
	if (!ok)
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot sync: %s",
		    strerror(errno));
	close(fd);
	return ok;
}

/*
 * A temporary folder: made with mkdtemp() from tmp (ending in XXXXXX)
 * and locked (flock) for as long as the run that made it lives, so
 * that a later run can tell one left by a killed run (unlocked) from
 * one being written (locked).  Returns the lock's descriptor (close it
 * when done with the folder), -1 with errno set if mkdtemp() failed
 * (the caller says so), or -2 after reporting.
 */
static int
tmp_make(struct buf *tmp, struct diag *d)
{
	int	 fd;

	if (mkdtemp(tmp->data) == NULL)
		return -1;
	if ((fd = open(tmp->data, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1 || flock(fd, LOCK_EX | LOCK_NB) == -1) {
		diag_msg(d, DIAG_ERROR, tmp->data, 0, 0, "cannot lock: %s",
		    strerror(errno));
		if (fd != -1)
			close(fd);
		rmdir(tmp->data);
		return -2;
	}
	return fd;
}

/*
 * --replace swaps the new snapshot in with one atomic exchange, which
 * leaves the old one under the new one's temporary name until it is
 * renamed <period>.replaced-N.  Before the exchange the old one gets
 * this empty file, so that a run killed in between leaves a temporary
 * folder that says it holds a published snapshot: the next archive run
 * keeps it (archive_recover()) instead of sweeping it away.
 */
#define	RETIRED	".retired"

/*
 * Removes the temporary folders in parent named prefix + six characters
 * (as tmp_make() makes them) that no live run holds: a run killed
 * before it could swap its folder in leaves one.  Says so for each.
 * One with the RETIRED mark holds a published snapshot and is kept.
 * A folder made but not yet locked by another run in the microseconds
 * between its mkdtemp() and flock() could be taken for one: that run
 * then fails cleanly when it writes (nothing of the destination is
 * touched before its folder is complete).
 */
static void
tmp_sweep(const char *parent, const char *prefix, struct diag *d)
{
	struct dirent	*de;
	struct buf	 path;
	DIR		*dp;
	size_t		 n = strlen(prefix);
	int		 fd;

	if ((dp = opendir(parent)) == NULL)
		return;
	buf_init(&path);
	while ((de = readdir(dp)) != NULL) {
		if (strncmp(de->d_name, prefix, n) != 0 ||
		    strlen(de->d_name) != n + 6)
			continue;
		buf_reset(&path);
		buf_printf(&path, "%s/%s", parent, de->d_name);
		if ((fd = open(path.data, O_RDONLY | O_DIRECTORY |
		    O_NOFOLLOW | O_CLOEXEC)) == -1)
			continue;
		/* A marked one holds a published snapshot: never removed
		 * (archive_recover() keeps it, or says why it cannot). */
		if (faccessat(fd, RETIRED, F_OK, AT_SYMLINK_NOFOLLOW) != 0 &&
		    flock(fd, LOCK_EX | LOCK_NB) == 0) {
			rm_tree(path.data);
			diag_msg(d, DIAG_WARN, path.data, 0, 0, "removed: "
			    "left by an interrupted run");
		}
		close(fd);
	}
	closedir(dp);
	buf_release(&path);
}

/*
 * Writes every file of of into the new, empty folder dir; durable: each
 * file and folder synced to the disk before it returns.
 */
static bool
write_tree(const char *dir, const struct ofiles *of, bool durable,
    struct diag *d)
{
	struct buf	 path;
	size_t		 i;
	bool		 ok = false;

	buf_init(&path);
	chmod(dir, 0755);
	buf_printf(&path, "%s/charts", dir);
	if (mkdir(path.data, 0755) == -1) {
		diag_msg(d, DIAG_ERROR, path.data, 0, 0, "cannot create "
		    "folder: %s", strerror(errno));
		goto out;
	}
	for (i = 0; i < of->n; i++) {
		buf_reset(&path);
		buf_printf(&path, "%s/%s", dir, of->f[i].name);
		if (!write_file(path.data, &of->f[i].data, durable, d))
			goto out;
	}
	if (durable) {
		buf_reset(&path);
		buf_printf(&path, "%s/charts", dir);
		if (!fsync_dir(path.data, d) || !fsync_dir(dir, d))
			goto out;
	}
	ok = true;
out:
	buf_release(&path);
	return ok;
}

/* Writes every file under a new folder and swaps it in for dir. */
static bool
commit(const char *outdir, const struct ofiles *of, struct diag *d)
{
	struct buf	 tmp, parent, prefix;
	struct made	 md = { NULL, 0 };
	char		*dir, *slash;
	size_t		 len;
	bool		 exists, ok = false;
	int		 lock = -1;

	/* Strip trailing slashes: "out/" names the folder "out". */
	dir = xstrdup(outdir);
	len = strlen(dir);
	while (len > 1 && dir[len - 1] == '/')
		dir[--len] = '\0';
	buf_init(&tmp);
	buf_init(&parent);
	buf_init(&prefix);
	if (!mkparents(dir, &md, d) || !replaceable(dir, &exists, d))
		goto out;
	if ((slash = strrchr(dir, '/')) == NULL)
		BUF_PUTSL(&parent, ".");
	else if (slash == dir)
		BUF_PUTSL(&parent, "/");
	else
		buf_put(&parent, dir, (size_t)(slash - dir));
	buf_printf(&prefix, "%s.tmp-", slash != NULL ? slash + 1 : dir);
	tmp_sweep(parent.data, prefix.data, d);
	buf_printf(&tmp, "%s.tmp-XXXXXX", dir);
	if ((lock = tmp_make(&tmp, d)) < 0) {
		if (lock == -1)
			diag_msg(d, DIAG_ERROR, dir, 0, 0, "cannot create a "
			    "folder beside it: %s", strerror(errno));
		goto out;
	}
	if (!write_tree(tmp.data, of, false, d))
		goto fail;
	if (!exists) {
		if (rename(tmp.data, dir) == -1) {
			diag_msg(d, DIAG_ERROR, dir, 0, 0, "cannot rename "
			    "into place: %s", strerror(errno));
			goto fail;
		}
	} else {
		if (renameat2(AT_FDCWD, tmp.data, AT_FDCWD, dir,
		    RENAME_EXCHANGE) == -1) {
			diag_msg(d, DIAG_ERROR, dir, 0, 0, "cannot replace: "
			    "%s", strerror(errno));
			goto fail;
		}
		/* tmp now holds the previous render. */
	}
	ok = true;
fail:
	if (ok && !exists)
		;	/* tmp is now dir */
	else
		rm_tree(tmp.data);
out:
	if (lock >= 0)
		close(lock);
	/* Nothing is left of a failed run, not even a parent folder. */
	made_release(&md, !ok);
	buf_release(&tmp);
	buf_release(&parent);
	buf_release(&prefix);
	free(dir);
	return ok;
}

/* The Date: of the email when none is given. */
static long long
mail_date(const struct report_opts *o, const struct model *m)
{
	const char	*sde;
	char		*end;
	long long	 t;

	if (o->has_mail_date)
		return o->mail_date;
	if (m->report.published != NULL)
		return (long long)period_start(&m->report.pubperiod) * 86400;
	if ((sde = getenv("SOURCE_DATE_EPOCH")) != NULL) {
		t = strtoll(sde, &end, 10);
		if (*sde != '\0' && *end == '\0' && t >= 0)
			return t;
	}
	/* Never the clock: the day after the reporting period ends. */
	return ((long long)period_end(&m->report.period) + 1) * 86400;
}

/*
 * Makes report.eml: the email template filled from the same context,
 * the report as text, and every trend chart's PNG (already in of).
 */
static bool
make_email(const struct report_opts *o, const struct model *m,
    const struct figures *figs, const struct figcounts *prev,
    const struct tmpl_ctx *c, struct ofiles *of, struct diag *d)
{
	struct tmpl	 *t;
	struct buf	  html, text, subj, name, cid, *out;
	struct mail_image *img;
	struct mail_head  h;
	size_t		  i, j, nimg = 0;
	char		  hex[65], tmp[32];
	bool		  ok = false;

	if ((t = tmpl_load(o->email_template, o->assets, d)) == NULL)
		return false;
	buf_init(&html);
	buf_init(&text);
	buf_init(&subj);
	buf_init(&name);
	buf_init(&cid);
	img = xcalloc(m->ninds, sizeof(*img));
	if (!tmpl_render(t, c, &html, d))
		goto out;
	words_text_report(&text, m, figs, prev);
	/* The PNG parts, in report order; names live in of until freed. */
	for (i = 0; i < m->ninds; i++) {
		buf_reset(&name);
		buf_printf(&name, "charts/%s.png", m->inds[i].id);
		for (j = 0; j < of->n; j++)
			if (strcmp(of->f[j].name, name.data) == 0)
				break;
		if (j == of->n)
			continue;
		img[nimg].filename = of->f[j].name + strlen("charts/");
		img[nimg].data = of->f[j].data.data;
		img[nimg].len = of->f[j].data.len;
		nimg++;
	}
	/* Content-IDs: the file name @scorecard, as the template's cid:. */
	for (i = 0; i < nimg; i++) {
		buf_printf(&cid, "%s@scorecard", img[i].filename);
		buf_putc(&cid, '\0');
	}
	for (i = 0, j = 0; i < nimg; i++) {
		img[i].cid = cid.data + j;
		j += strlen(cid.data + j) + 1;
	}
	buf_printf(&subj, "%s: %s", m->report.title,
	    period_long(&m->report.period, tmp, sizeof(tmp)));
	sha256_hex(html.data, html.len, hex);
	hex[32] = '\0';
	buf_reset(&name);
	buf_printf(&name, "%s@scorecard", hex);
	h.from = o->mail_from != NULL ? o->mail_from :
	    "Performance team <performance@example.invalid>";
	h.to = o->mail_to != NULL ? o->mail_to : "undisclosed-recipients:;";
	h.subject = o->mail_subject != NULL ? o->mail_subject : subj.data;
	h.date = mail_date(o, m);
	h.msgid = name.data;
	h.pdf = NULL;
	h.pdflen = 0;
	if (o->mail_pdf && o->pdf)
		for (j = 0; j < of->n; j++)
			if (strcmp(of->f[j].name, "report.pdf") == 0) {
				h.pdf = of->f[j].data.data;
				h.pdflen = of->f[j].data.len;
			}
	/* Adding a file may move of->f: write into a buf of our own first. */
	{
		struct buf	 eml;

		buf_init(&eml);
		mail_write(&eml, &h, text.data, html.data, img, nimg);
		out = ofile_add(of, "report.eml");
		buf_release(out);
		*out = eml;
	}
	ok = true;
out:
	free(img);
	buf_release(&cid);
	buf_release(&name);
	buf_release(&subj);
	buf_release(&text);
	buf_release(&html);
	tmpl_free(t);
	return ok;
}

/*
 * Makes report.pdf from report.html (already in of) and the charts'
 * scenes: the PDF module typesets the filled template.
 */
static bool
make_pdf(const struct report_opts *o, const struct model *m,
    const struct charts *ch, struct ofiles *of, struct diag *d)
{
	struct pdf_meta	 pm;
	struct buf	 pdf, subj, *out;
	const struct buf *html = NULL;
	char		 date[16], tmp[32];
	long long	 t;
	size_t		 i;
	bool		 ok;

	for (i = 0; i < of->n; i++)
		if (strcmp(of->f[i].name, "report.html") == 0)
			html = &of->f[i].data;
	assert(html != NULL);
	buf_init(&pdf);
	buf_init(&subj);
	buf_printf(&subj, "Figures for %s",
	    period_long(&m->report.period, tmp, sizeof(tmp)));
	/* The creation date: the published date, or the Date: an email
	 * of this render gets; never the clock. */
	if (m->report.published != NULL && strlen(m->report.published) == 10)
		snprintf(date, sizeof(date), "%s", m->report.published);
	else {
		time_t tt;
		struct tm tm;

		t = mail_date(o, m);
		tt = (time_t)t;
		gmtime_r(&tt, &tm);
		strftime(date, sizeof(date), "%Y-%m-%d", &tm);
	}
	pm.subject = subj.data;
	pm.date = date;
	ok = pdf_report(ch->dr, html->data, html->len, &ch->figs, &pm, &pdf,
	    d);
	if (ok) {
		out = ofile_add(of, "report.pdf");
		buf_release(out);
		*out = pdf;
	} else
		buf_release(&pdf);
	buf_release(&subj);
	return ok;
}

static struct figures *
all_figures(const struct model *m)
{
	struct figures	*figs;
	size_t		 i;

	figs = xcalloc(m->ninds, sizeof(*figs));
	for (i = 0; i < m->ninds; i++) {
		figures_compute(&m->inds[i], &figs[i]);
		/*
		 * A hidden latest figure hides the figures made from it too:
		 * an older value shown as "latest", or a status or trend from
		 * it, would mislead, and a change would reveal it.
		 */
		if (suppressed_latest(&m->inds[i]) != NULL) {
			memset(&figs[i], 0, sizeof(figs[i]));
			figs[i].trend = TREND_NONE;
			figs[i].status = STATUS_NONE;
		}
	}
	return figs;
}

/*
 * Makes every file of a render in memory from the input in, read once
 * (so that what the archive keeps is what it rendered).  On success m
 * holds the model, and equiv, if not NULL, the input's JSON equivalent.
 */
static enum report_status
build(const struct report_opts *o, const struct input *in,
    struct model *m, struct ofiles *of, struct buf *equiv, struct diag *d)
{
	struct figures	*figs = NULL;
	struct tmpl	*t = NULL;
	struct tmpl_ctx	*c = NULL;
	struct charts	 ch;
	struct snapshot	 snap;
	struct figcounts prev;
	enum report_status rc = REPORT_INPUT;
	size_t		 nerr = d->nerr;

	memset(&ch, 0, sizeof(ch));
	memset(&snap, 0, sizeof(snap));
	/* Check the input and the template before drawing anything. */
	if (!input_load(m, in, &o->sheet, d))
		goto out;
	if (equiv != NULL)
		jsonout_model(equiv, m);	/* before anything is hidden */
	model_suppress(m);
	if ((t = tmpl_load(o->template, o->assets, d)) == NULL)
		goto out;
	figs = all_figures(m);
	/* The last report: the archive's, else one period back. */
	figures_counts_previous(m, figs, &prev);
	if (o->history != NULL) {
		switch (history_last(o->history, &m->report.period,
		    !o->history_optional, &snap, d)) {
		case HISTORY_FOUND:
			figures_from_snapshot(m, figs, &snap, &prev);
			break;
		case HISTORY_NONE:
			break;
		case HISTORY_ERROR:
			goto out;
		}
	}
	summary_write(ofile_add(of, "summary.json"), m, figs, &prev);

	ch.dr = draw_new();
	draw_measure(ch.dr, &ch.ms);
	chart_defaults(&ch.opts);
	ch.opts.ownlabel = m->report.organisation;
	ch.pdf = o->pdf;
	ch.check_only = o->check_only;
	c = tmpl_ctx_new();
	if (!bind(c, m, figs, &prev, &ch, of, d)) {
		rc = REPORT_OUTPUT;
		goto out;
	}
	if (!tmpl_render(t, c, ofile_add(of, "report.html"), d))
		goto out;
	if (o->pdf && !o->check_only && !make_pdf(o, m, &ch, of, d)) {
		rc = REPORT_OUTPUT;
		goto out;
	}
	if (!collect_charts(&ch, of, d)) {
		rc = REPORT_OUTPUT;
		goto out;
	}
	if (o->email_template != NULL &&
	    !make_email(o, m, figs, &prev, c, of, d))
		goto out;
	rc = d->nerr == nerr ? REPORT_OK : REPORT_OUTPUT;
out:
	draw_free(ch.dr);
	pdf_figures_release(&ch.figs);
	free(ch.pend);
	tmpl_ctx_free(c);
	tmpl_free(t);
	free(figs);
	figures_snapshot_release(&snap);
	return rc;
}

enum report_status
report_render(const struct report_opts *o, struct diag *d)
{
	struct model	*m;
	struct ofiles	 of = { NULL, 0, 0 };
	struct input	 in;
	enum report_status rc = REPORT_INPUT;

	m = model_new();
	if (o->checked)
		d->hushed++;
	if (input_read(&in, o->input, d))
		rc = build(o, &in, m, &of, NULL, d);
	if (o->checked)
		d->hushed--;
	if (rc == REPORT_OK && !o->check_only && !commit(o->outdir, &of, d))
		rc = REPORT_OUTPUT;
	input_release(&in);
	ofiles_release(&of);
	model_free(m);
	return rc;
}

/* A snapshot's folder name: the period with '/' and ' ' as '-'. */
static void
snapshot_name(struct buf *b, const struct period *p)
{
	char	 tmp[32], *c;

	period_canon(p, tmp, sizeof(tmp));
	for (c = tmp; *c != '\0'; c++)
		if (*c == '/' || *c == ' ')
			*c = '-';
	buf_puts(b, tmp);
}

static int
ofile_cmp(const void *a, const void *b)
{
	const struct ofile *x = a, *y = b;

	return strcmp(x->name, y->name);
}

/* A snapshot found in the archive, for the index. */
struct snap {
	char		*name;		/* folder name */
	struct model	*m;
	size_t		 n[4];		/* indicators by status */
	int		 replaced;	/* N of .replaced-N, 0 for current */
};

static int
snap_cmp(const void *a, const void *b)
{
	const struct snap *x = a, *y = b;
	int	 c;

	/* Newest period first; the current one before those it replaced. */
	if ((c = period_cmp(&y->m->report.period, &x->m->report.period)) != 0)
		return c;
	if (x->replaced != y->replaced)
		return x->replaced == 0 ? -1 :
		    y->replaced == 0 ? 1 : y->replaced - x->replaced;
	return strcmp(x->name, y->name);
}

/* Writes archive/index.html from every snapshot's archived input. */
static bool
write_index(const char *archive, const char *tpath, const char *assets,
    struct diag *d)
{
	struct diag	 quiet;
	struct snap	*sn = NULL;
	size_t		 nsn = 0, maxsn = 0, i, k;
	struct tmpl	*t = NULL;
	struct tmpl_ctx	*c = NULL, *it;
	struct buf	 path, html, tmp;
	struct dirent	*de;
	DIR		*dir;
	const char	*rep;
	char		 ptmp[32];
	bool		 ok = false;
	int		 fd;

	buf_init(&path);
	buf_init(&html);
	buf_init(&tmp);
	diag_init(&quiet, NULL, "scorecard");
	if ((t = tmpl_load(tpath, assets, d)) == NULL)
		goto out;
	if ((dir = opendir(archive)) == NULL) {
		diag_msg(d, DIAG_ERROR, archive, 0, 0, "cannot read: %s",
		    strerror(errno));
		goto out;
	}
	while ((de = readdir(dir)) != NULL) {
		struct model	*m;
		struct figures	 f;

		if (de->d_name[0] == '.')
			continue;
		buf_reset(&path);
		buf_printf(&path, "%s/%s/input.json", archive, de->d_name);
		if (access(path.data, R_OK) != 0)
			continue;
		m = model_new();
		if (!json_load(m, path.data, &quiet)) {
			diag_msg(d, DIAG_WARN, path.data, 0, 0, "cannot be "
			    "read any more; left out of the index");
			model_free(m);
			continue;
		}
		model_suppress(m);
		if (nsn == maxsn) {
			maxsn = maxsn == 0 ? 16 : maxsn * 2;
			sn = xreallocarray(sn, maxsn, sizeof(*sn));
		}
		memset(&sn[nsn], 0, sizeof(sn[nsn]));
		sn[nsn].name = xstrdup(de->d_name);
		sn[nsn].m = m;
		if ((rep = strstr(de->d_name, ".replaced-")) != NULL)
			sn[nsn].replaced = atoi(rep + strlen(".replaced-"));
		for (k = 0; k < m->ninds; k++) {
			figures_compute(&m->inds[k], &f);
			sn[nsn].n[f.status]++;
		}
		nsn++;
	}
	closedir(dir);
	if (nsn > 0)
		qsort(sn, nsn, sizeof(*sn), snap_cmp);

	c = tmpl_ctx_new();
	tmpl_ctx_text(c, "generator", "scorecard " VERSION);
	tmpl_ctx_text(c, "organisation", nsn > 0 ?
	    sn[0].m->report.organisation : "");
	buf_reset(&tmp);
	buf_printf(&tmp, "%zu", nsn);
	tmpl_ctx_text(c, "n_snapshots", tmp.data);
	tmpl_ctx_list(c, "snapshots");
	for (i = 0; i < nsn; i++) {
		const struct model *m = sn[i].m;

		it = tmpl_ctx_add(c, "snapshots");
		tmpl_ctx_text(it, "name", sn[i].name);
		buf_reset(&tmp);
		buf_printf(&tmp, "%s/report.html", sn[i].name);
		tmpl_ctx_text(it, "href", tmp.data);
		tmpl_ctx_text(it, "title", m->report.title);
		tmpl_ctx_text(it, "period", period_long(&m->report.period, ptmp,
		    sizeof(ptmp)));
		tmpl_ctx_text(it, "period_iso", m->report.pstr);
		if (m->report.published != NULL)
			tmpl_ctx_text(it, "published", period_long(
			    &m->report.pubperiod, ptmp, sizeof(ptmp)));
		tmpl_ctx_bool(it, "replaced", sn[i].replaced > 0);
		ctx_counts(it, sn[i].n);
	}
	if (!tmpl_render(t, c, &html, d))
		goto out;
	/* A new file beside the index, then one rename. */
	buf_reset(&path);
	buf_printf(&path, "%s/.index.html.XXXXXX", archive);
	if ((fd = mkstemp(path.data)) == -1) {
		diag_msg(d, DIAG_ERROR, archive, 0, 0, "cannot write the "
		    "index: %s", strerror(errno));
		goto out;
	}
	close(fd);
	unlink(path.data);
	if (!write_file(path.data, &html, true, d))
		goto out;
	buf_reset(&tmp);
	buf_printf(&tmp, "%s/index.html", archive);
	if (rename(path.data, tmp.data) == -1) {
		diag_msg(d, DIAG_ERROR, tmp.data, 0, 0, "cannot replace: %s",
		    strerror(errno));
		unlink(path.data);
		goto out;
	}
	ok = fsync_dir(archive, d);
out:
	for (i = 0; i < nsn; i++) {
		free(sn[i].name);
		model_free(sn[i].m);
	}
	free(sn);
	tmpl_ctx_free(c);
	tmpl_free(t);
	buf_release(&tmp);
	buf_release(&html);
	buf_release(&path);
	return ok;
}


/* Takes the RETIRED mark out of folder dir, never following a link. */
static void
unmark(const char *dir)
{
	int	 fd;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1)
		return;
	unlinkat(fd, RETIRED, 0);
	close(fd);
}

/*
 * Sets old to the first dest.replaced-N (N up to 999) that does not
 * exist; reports and returns false if there is none.
 */
static bool
free_replaced(const char *dest, struct buf *old, struct diag *d)
{
	struct stat	 st;
	int		 n;

	for (n = 1; n <= 999; n++) {
		buf_reset(old);
		buf_printf(old, "%s.replaced-%d", dest, n);
		if (lstat(old->data, &st) == -1 && errno == ENOENT)
			return true;
	}
	diag_msg(d, DIAG_ERROR, dest, 0, 0, "999 earlier snapshots are kept "
	    "beside it; no name is left for another");
	return false;
}

/*
 * Renames the folder from (a snapshot set aside) to old, a name
 * free_replaced() found (the archive's lock keeps it free), and takes
 * its RETIRED mark away.
 */
static bool
keep_replaced(const char *from, const char *old, struct diag *d)
{
	if (renameat2(AT_FDCWD, from, AT_FDCWD, old, RENAME_NOREPLACE) ==
	    -1) {
		diag_msg(d, DIAG_ERROR, from, 0, 0, "cannot rename to %s: %s",
		    old, strerror(errno));
		return false;
	}
	/* Only once it is in place: a mark never goes missing early. */
	unmark(old);
	return true;
}

/*
 * Puts the RETIRED mark in the snapshot folder dir, on the disk before
 * it returns.  Anything but a folder (a link planted in the archive) is
 * not ours to keep and gets no mark: it is never followed.
 */
static bool
mark_retired(const char *dir, struct diag *d)
{
	int	 fd, mfd = -1;
	bool	 ok;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1) {
		if (errno == ELOOP || errno == ENOTDIR)
			return true;
		diag_msg(d, DIAG_ERROR, dir, 0, 0, "cannot open it to mark "
		    "it as replaced: %s", strerror(errno));
		return false;
	}
	ok = (mfd = openat(fd, RETIRED, O_WRONLY | O_CREAT | O_NOFOLLOW |
	    O_CLOEXEC, 0644)) != -1 && fsync(mfd) == 0 && (fsync(fd) == 0 ||
	    errno == EINVAL);
	if (!ok)
		diag_msg(d, DIAG_ERROR, dir, 0, 0, "cannot mark it as "
		    "replaced (--replace writes an empty " RETIRED " in the "
		    "old snapshot's folder): %s", strerror(errno));
	if (mfd != -1)
		close(mfd);
	close(fd);
	return ok;
}

/*
 * Under the archive's lock, so no other run is at work in it: puts
 * right what killed runs left.  A temporary snapshot folder with the
 * RETIRED mark holds a published snapshot set aside by --replace: it is
 * kept as <period>.replaced-N.  A mark left in a snapshot (killed just
 * before the exchange) is taken away; an unfinished index is removed.
 * Temporary folders without a mark are tmp_sweep()'s.
 */
static size_t
archive_recover(const char *archive, struct diag *d)
{
	struct dirent	*de;
	struct buf	 path, dest, old;
	DIR		*dp;
	size_t		 len, kept = 0;
	int		 fd;

	if ((dp = opendir(archive)) == NULL)
		return 0;
	buf_init(&path);
	buf_init(&dest);
	buf_init(&old);
	while ((de = readdir(dp)) != NULL) {
		const char *nm = de->d_name;

		len = strlen(nm);
		if (strncmp(nm, ".index.html.", 12) == 0 && len == 18) {
			unlinkat(dirfd(dp), nm, 0);
			continue;
		}
		if (strcmp(nm, ".") == 0 || strcmp(nm, "..") == 0 ||
		    (fd = openat(dirfd(dp), nm, O_RDONLY | O_DIRECTORY |
		    O_NOFOLLOW | O_CLOEXEC)) == -1)
			continue;
		if (nm[0] != '.') {
			unlinkat(fd, RETIRED, 0);	/* see mark_retired() */
			close(fd);
			continue;
		}
		if (len > 12 && strncmp(nm + len - 11, ".tmp-", 5) == 0 &&
		    faccessat(fd, RETIRED, F_OK, AT_SYMLINK_NOFOLLOW) == 0 &&
		    flock(fd, LOCK_EX | LOCK_NB) == 0) {
			buf_reset(&path);
			buf_printf(&path, "%s/%s", archive, nm);
			buf_reset(&dest);
			buf_printf(&dest, "%s/%.*s", archive,
			    (int)(len - 12), nm + 1);
			if (free_replaced(dest.data, &old, d) &&
			    keep_replaced(path.data, old.data, d)) {
				diag_msg(d, DIAG_WARN, old.data, 0, 0, "kept: "
				    "an interrupted --replace had set it "
				    "aside as %s", path.data);
				kept++;
			}
		}
		close(fd);
	}
	closedir(dp);
	buf_release(&path);
	buf_release(&dest);
	buf_release(&old);
	return kept;
}

enum report_status
report_archive(const struct report_opts *o, const char *archive,
    const char *index_template, bool replace, struct diag *d)
{
	struct model	*m;
	struct ofiles	 of = { NULL, 0, 0 };
	struct report_opts ao;
	struct input	 in;
	struct buf	 name, dest, tmp, old, equiv, *man;
	enum report_status rc;
	struct made	 md = { NULL, 0 };
	struct stat	 st;
	char		 hex[65], *adir = NULL;
	size_t		 i, len;
	int		 lock = -1, alock = -1;

	m = model_new();
	buf_init(&equiv);
	buf_init(&name);
	buf_init(&dest);
	buf_init(&tmp);
	buf_init(&old);
	if (!input_read(&in, o->input, d)) {
		rc = REPORT_INPUT;
		goto out;
	}
	/* The last report is this archive's, always. */
	ao = *o;
	if (ao.history == NULL) {
		ao.history = archive;
		ao.history_optional = true;
	}
	if ((rc = build(&ao, &in, m, &of, &equiv, d)) != REPORT_OK)
		goto out;
	/* The input byte for byte; beside a spreadsheet, its JSON, which
	 * the index and a later render read without a spreadsheet reader. */
	if (in.kind == INPUT_JSON)
		buf_put(ofile_add(&of, "input.json"), in.data.data,
		    in.data.len);
	else {
		buf_printf(&tmp, "input.%s", input_ext(in.kind));
		buf_put(ofile_add(&of, tmp.data), in.data.data, in.data.len);
		buf_reset(&tmp);
		buf_put(ofile_add(&of, "input.json"), equiv.data, equiv.len);
	}
	/* The manifest: every file's SHA-256, sorted by name. */
	qsort(of.f, of.n, sizeof(*of.f), ofile_cmp);
	man = ofile_add(&of, "MANIFEST.sha256");
	for (i = 0; i + 1 < of.n; i++) {
		sha256_hex(of.f[i].data.data, of.f[i].data.len, hex);
		buf_printf(man, "%s  %s\n", hex, of.f[i].name);
	}

	rc = REPORT_OUTPUT;
	snapshot_name(&name, &m->report.period);
	buf_printf(&dest, "%s/%s", archive, name.data);
	buf_printf(&tmp, "%s/", archive);
	/* The archive itself is never a link (LINK_REFUSED). */
	len = strlen(archive);
	while (len > 1 && archive[len - 1] == '/')
		len--;
	adir = xstrndup(archive, len);
	if (lstat(adir, &st) == 0 && S_ISLNK(st.st_mode)) {
		diag_msg(d, DIAG_ERROR, archive, 0, 0, LINK_REFUSED);
		goto out;
	}
	if (!mkparents(tmp.data, &md, d))
		goto out;
	/* One run at a time in an archive. */
	if ((alock = open(adir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC)) == -1) {
		diag_msg(d, DIAG_ERROR, archive, 0, 0, "cannot open: %s",
		    errno == ELOOP ? LINK_REFUSED : strerror(errno));
		goto out;
	}
	if (flock(alock, LOCK_EX | LOCK_NB) == -1) {
		diag_msg(d, DIAG_ERROR, archive, 0, 0, errno == EWOULDBLOCK ?
		    "another scorecard run is archiving into it; try again "
		    "when it has finished" : "cannot lock: %s",
		    strerror(errno));
		goto out;
	}
	/* A snapshot kept is listed at once, whatever this run does. */
	if (archive_recover(archive, d) > 0 && (!fsync_dir(archive, d) ||
	    !write_index(archive, index_template, o->assets, d)))
		goto out;
	buf_reset(&tmp);
	buf_printf(&tmp, ".%s.tmp-", name.data);
	tmp_sweep(archive, tmp.data, d);
	buf_reset(&tmp);
	buf_printf(&tmp, "%s/.%s.tmp-XXXXXX", archive, name.data);
	if ((lock = tmp_make(&tmp, d)) < 0) {
		if (lock == -1)
			diag_msg(d, DIAG_ERROR, archive, 0, 0, "cannot create "
			    "a folder in it: %s", strerror(errno));
		goto out;
	}
	/* The archive is the record: every byte on the disk before the
	 * snapshot is renamed into place, and the rename too. */
	if (!write_tree(tmp.data, &of, true, d))
		goto fail;
	if (renameat2(AT_FDCWD, tmp.data, AT_FDCWD, dest.data,
	    RENAME_NOREPLACE) == -1) {
		if (errno != EEXIST && errno != ENOTEMPTY) {
			diag_msg(d, DIAG_ERROR, dest.data, 0, 0, "cannot "
			    "rename into place: %s", strerror(errno));
			goto fail;
		}
		if (!replace) {
			diag_msg(d, DIAG_ERROR, dest.data, 0, 0, "a snapshot "
			    "of %s is already archived and is never "
			    "overwritten (use --replace to archive this one "
			    "and keep the old one beside it)", m->report.pstr);
			goto fail;
		}
		/*
		 * Mark the old one, swap the two in one step (the period's
		 * name never goes missing), then rename the old one aside.
		 * Killed after the swap, the next run finds the mark and
		 * keeps the old one (archive_recover()).
		 */
		/* A name for the old one first: nothing is swapped unless
		 * it can be put aside. */
		if (!free_replaced(dest.data, &old, d) ||
		    !mark_retired(dest.data, d))
			goto fail;
		if (renameat2(AT_FDCWD, tmp.data, AT_FDCWD, dest.data,
		    RENAME_EXCHANGE) == -1) {
			diag_msg(d, DIAG_ERROR, dest.data, 0, 0, "cannot "
			    "replace: %s", strerror(errno));
			unmark(dest.data);
			goto fail;
		}
		/* tmp now holds the old snapshot: never removed from here. */
		if (!fsync_dir(archive, d))
			goto out;
		if (!keep_replaced(tmp.data, old.data, d)) {
			diag_msg(d, DIAG_ERROR, tmp.data, 0, 0, "the earlier "
			    "snapshot is left here, marked; the next archive "
			    "run keeps it as %s.replaced-N", name.data);
			goto out;
		}
		diag_msg(d, DIAG_WARN, dest.data, 0, 0, "replaced; the "
		    "earlier snapshot is kept as %s", old.data);
	}
	if (!fsync_dir(archive, d))
		goto out;
	rc = write_index(archive, index_template, o->assets, d) ?
	    REPORT_OK : REPORT_OUTPUT;
	goto out;
fail:
	rm_tree(tmp.data);
out:
	if (lock >= 0)
		close(lock);
	if (alock >= 0)
		close(alock);
	/* Folders this run made and left empty go if it failed. */
	made_release(&md, rc != REPORT_OK);
	free(adir);
	buf_release(&old);
	buf_release(&tmp);
	buf_release(&dest);
	buf_release(&name);
	buf_release(&equiv);
	input_release(&in);
	ofiles_release(&of);
	model_free(m);
	return rc;
}

/* Layout measure for golden tests: 0.6 em a byte (bold 0.65). */
static double
stub_width(void *arg, const char *s, double size, bool bold)
{
	(void)arg;
	return (double)strlen(s) * size * (bold ? 0.65 : 0.6);
}

enum report_status
report_convert(const struct report_opts *o, struct buf *out, struct diag *d)
{
	struct model	*m;
	struct input	 in;
	enum report_status rc = REPORT_INPUT;

	m = model_new();
	if (input_read(&in, o->input, d) && input_load(m, &in, &o->sheet, d)) {
		jsonout_model(out, m);
		rc = REPORT_OK;
	}
	input_release(&in);
	model_free(m);
	return rc;
}

/*
 * Whether convert may write its workbook at path: a new file, or a
 * regular file that already holds a zip (an earlier workbook), never
 * the input itself.  A symbolic link, a device, a folder or any other
 * file is refused, as render -o refuses what is not an earlier render:
 * a mistyped -o must not destroy an officer's data.
 */
static bool
xlsx_dest_ok(const char *path, const char *input, struct diag *d)
{
	struct stat	 st, ist;
	char		 magic[4];
	int		 fd;
	ssize_t		 n;

	if (lstat(path, &st) == -1) {
		if (errno == ENOENT)
			return true;
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot write: %s",
		    strerror(errno));
		return false;
	}
	if (S_ISLNK(st.st_mode)) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "is a symbolic link; "
		    "give the path of the workbook itself");
		return false;
	}
	if (!S_ISREG(st.st_mode)) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "exists and is not a "
		    "regular file; give a new file name ending .xlsx");
		return false;
	}
	if (input != NULL && strcmp(input, "-") != 0 &&
	    stat(input, &ist) == 0 && ist.st_dev == st.st_dev &&
	    ist.st_ino == st.st_ino) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "is the input file; "
		    "give a new file name for the workbook");
		return false;
	}
	if ((fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC)) == -1) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot read: %s",
		    strerror(errno));
		return false;
	}
	n = read(fd, magic, sizeof(magic));
	close(fd);
	if (n != (ssize_t)sizeof(magic) || memcmp(magic, "PK\3\4", 4) != 0) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "exists and is not a "
		    "workbook; convert replaces only an earlier .xlsx: "
		    "give a new file name or remove it first");
		return false;
	}
	return true;
}

enum report_status
report_to_xlsx(const struct report_opts *o, const char *path,
    struct diag *d)
{
	struct model	*m;
	struct input	 in;
	struct buf	 tmp;
	enum report_status rc = REPORT_INPUT;
	mode_t		 mask;
	int		 fd;

	m = model_new();
	buf_init(&tmp);
	if (!input_read(&in, o->input, d) || !input_load(m, &in, &o->sheet, d))
		goto out;
	/* A text too long for a cell is the input's problem: exit 1. */
	if (!xlsxwrite_fits(m, o->input, d))
		goto out;
	rc = REPORT_OUTPUT;
	if (!xlsx_dest_ok(path, o->input, d))
		goto out;
	/* A temporary file beside the destination, renamed into place. */
	buf_printf(&tmp, "%s.tmp-XXXXXX", path);
	if ((fd = mkstemp(tmp.data)) == -1) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot create: %s",
		    strerror(errno));
		goto out;
	}
	/* mkstemp() makes 0600; a workbook is shared as render's files are. */
	mask = umask(0);
	umask(mask);
	(void)fchmod(fd, 0666 & ~mask);
	close(fd);
	if (!xlsxwrite_model(m, tmp.data, path, d)) {
		unlink(tmp.data);
		goto out;
	}
	if (rename(tmp.data, path) == -1) {
		diag_msg(d, DIAG_ERROR, path, 0, 0, "cannot rename into "
		    "place: %s", strerror(errno));
		unlink(tmp.data);
		goto out;
	}
	rc = REPORT_OK;
out:
	input_release(&in);
	buf_release(&tmp);
	model_free(m);
	return rc;
}

enum report_status
report_layout(const struct report_opts *o, struct buf *out, struct diag *d)
{
	struct model	*m;
	struct figures	*figs;
	struct measure	 ms = { NULL, stub_width };
	struct chart_opts opts;
	struct scene	 s;
	struct input	 in;
	size_t		 i;
	bool		 ok;

	m = model_new();
	ok = input_read(&in, o->input, d) && input_load(m, &in, &o->sheet, d);
	input_release(&in);
	if (!ok) {
		model_free(m);
		return REPORT_INPUT;
	}
	model_suppress(m);
	figs = all_figures(m);
	chart_defaults(&opts);
	scene_init(&s);
	for (i = 0; i < m->ninds; i++) {
		if (chart_trend(&s, m, &m->inds[i], &figs[i], &ms, &opts)) {
			buf_printf(out, "# %s\n", m->inds[i].id);
			scene_dump(&s, out);
		}
		scene_release(&s);
		if (chart_breakdown(&s, &m->inds[i], &ms, &opts)) {
			buf_printf(out, "# %s-breakdown\n", m->inds[i].id);
			scene_dump(&s, out);
		}
		scene_release(&s);
	}
	free(figs);
	model_free(m);
	return REPORT_OK;
}
