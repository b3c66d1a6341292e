/*
 * chart: layout of trend charts and breakdown bars into a scene.
 *
 * A line chart is laid out once, in this order: the value domain (the
 * series, its comparators, the target and amber limit; from zero for
 * counts, days and weeks, and for other units when the data sit in the
 * upper half), nice y ticks, whose widest label sets the left margin;
 * the labels at the line ends (the authority, each comparator, the
 * target), whose widest sets the right margin; then a true time axis
 * from the first to the last period end, with calendar-aligned ticks
 * spaced so that labels never overlap.  Lines break at null values;
 * provisional points are hollow and reached by a dashed segment.
 * Lines are told apart by colour, dash pattern and a labelled swatch at
 * the line end, never by colour alone.
 *
 * Labels too wide for their place wrap at spaces onto at most three
 * lines, and a word still too wide is cut with an ellipsis at a
 * character boundary (utf8_cut), each found by search in a few
 * measurements.  The scene's storage, its adders and its dump are
 * scene.c's.
 *
 * It does not draw or measure fonts itself: renderers take the scene
 * from here.  At about 1,150 lines it is one job, layout; the label
 * wrapping (wrap_lines and its helpers, about 200 lines) is the part
 * that could stand alone if another layout needs it.
 */
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chart.h"
#include "figures.h"
#include "fmt.h"
#include "model.h"
#include "period.h"
#include "scale.h"
#include "scene.h"
#include "utf8.h"
#include "util.h"

const uint32_t chart_palette[6] = {
	0x12436D, 0x28A197, 0x801650, 0xF46A25, 0x3D3D3D, 0xA285D1
};

/* Comparator colours: the second series is orange (palette advice for
 * two series); further ones teal and plum.  At most four colours. */
static const uint32_t comp_colour[3] = { 0xF46A25, 0x28A197, 0x801650 };
static const enum sc_dash comp_dash[3] = { SC_DASHED, SC_DOTTED, SC_DASHDOT };

#define	INK		0x0B0C0C	/* text: 19:1 on white */
#define	GREY		0x505A5F	/* axis, secondary text: 7:1 */
#define	GRID		0xDDDDDD	/* gridlines: decorative, light */
#define	TARGETC		0x3D3D3D
#define	BANDC		0xFCE8DA	/* amber band, lightly shaded */
#define	MAXCOMP		3
#define	ENDLABEL_MAX	150	/* px: wider line-end labels wrap */

void
chart_defaults(struct chart_opts *o)
{
	o->w = 800;
	o->h = 450;
	o->font = 14;
	o->ownlabel = NULL;
}

static double
textw(const struct measure *ms, const char *t, double size, bool bold)
{
	double	 w;

	w = ms->width(ms->arg, t, size, bold);
	return isfinite(w) && w > 0 ? w : 0;
}

/* Formats v for unit u into b (reset first); returns b->data. */
static const char *
valstr(struct buf *b, double v, enum unit u)
{
	buf_reset(b);
	fmt_value(b, v, u);
	return b->data;
}

enum chart_kind
chart_kind_for(const struct indicator *ind, const struct figures *f)
{
	switch (ind->chart) {
	case CHART_NONE:
		return CHART_NONE;
	case CHART_COLUMN:
		return f->nvalues >= 1 ? CHART_COLUMN : CHART_NONE;
	case CHART_LINE:
	case CHART_AUTO:
		break;
	}
	/* A single value shows as a figure, not a one-point chart. */
	return f->nvalues >= 2 ? CHART_LINE : CHART_NONE;
}

/* The period kind most of the series' points have (ties: the finer). */
static enum period_kind
main_kind(const struct series *sr)
{
	size_t	 count[PERIOD_YEAR + 1] = { 0 };
	size_t	 i, best = 0;
	int	 k;

	for (i = 0; i < sr->npts; i++)
		count[sr->pts[i].period.kind]++;
	for (k = 0; k <= PERIOD_YEAR; k++)
		if (count[k] > count[best])
			best = (size_t)k;
	return (enum period_kind)best;
}

#define	WRAP_MAX	3

/* A label broken into lines that fit a width. */
struct wrapped {
	int	 n;			/* lines, 1 to WRAP_MAX */
	char	*line[WRAP_MAX];	/* owned; free with wrap_release() */
	double	 w;			/* widest line */
};

static void
wrap_release(struct wrapped *wr)
{
	int	 i;

	for (i = 0; i < wr->n; i++)
		free(wr->line[i]);
	wr->n = 0;
}

/*
 * Width grows with the text: a longer prefix of a label, or more of
 * its words, is never narrower.  So the longest prefix or the most words
 * that fit are found by search, in a few measurements of a label of any
 * length (a one-by-one loop measured a 100,000-byte label 100,000 times).
 */

/* Sets b to the first n bytes of s, less trailing spaces, and "…". */
static void
cut(struct buf *b, const char *s, size_t n)
{
	while (n > 0 && s[n - 1] == ' ')
		n--;
	buf_reset(b);
	buf_put(b, s, n);
	BUF_PUTSL(b, "\xe2\x80\xa6");
}

/*
 * Cuts b to fit maxw, at a character boundary, ending in an ellipsis:
 * the longest such prefix that fits, or the ellipsis alone if none does.
 */
static void
ellipsise(const struct measure *ms, struct buf *b, double size, bool bold,
    double maxw)
{
	char	*s;
	size_t	 lo, hi, mid, best = 0;

	if (b->len == 0 || textw(ms, b->data, size, bold) <= maxw)
		return;
	s = buf_detach(b, NULL);
	/* Cut before byte offset utf8_cut(s, j), j in [lo, hi]. */
	lo = 0;
	hi = utf8_cut(s, strlen(s) - 1);
	while (lo <= hi) {
		mid = lo + (hi - lo) / 2;
		cut(b, s, utf8_cut(s, mid));
		if (textw(ms, b->data, size, bold) <= maxw) {
			best = utf8_cut(s, mid);
			lo = mid + 1;
		} else if (mid == 0)
			break;
		else
			hi = mid - 1;
	}
	cut(b, s, best);
	free(s);
}

/*
 * Sets out to the first k words of p joined by single spaces; returns
 * how many there were, and sets *end past the last one and its spaces.
 */
static size_t
first_words(struct buf *out, const char *p, size_t k, const char **end)
{
	size_t	 n = 0, wl;

	buf_reset(out);
	while (*p == ' ')
		p++;
	while (*p != '\0' && n < k) {
		wl = strcspn(p, " ");
		if (n > 0)
			buf_putc(out, ' ');
		buf_put(out, p, wl);
		p += wl;
		while (*p == ' ')
			p++;
		n++;
	}
	*end = p;
	return n;
}

/*
 * Sets line to as many words of *pp as fit in maxw, and at least one,
 * and moves *pp past them: the greedy line, found by doubling the count
 * while it fits and then halving the gap.
 */
static void
fill_line(const struct measure *ms, const char **pp, double size, bool bold,
    double maxw, struct buf *line, struct buf *trial)
{
	struct buf	 tmp;
	const char	*end, *e;
	size_t		 lo, hi = 0, k, got;

	if ((lo = first_words(line, *pp, 1, &end)) == 0) {
		*pp = end;
		return;
	}
	for (k = 2; hi == 0; k *= 2) {
		got = first_words(trial, *pp, k, &e);
		if (got == lo)
			hi = lo;		/* no more words */
		else if (textw(ms, trial->data, size, bold) <= maxw) {
			lo = got;
			end = e;
			tmp = *line;
			*line = *trial;
			*trial = tmp;
			if (got < k)
				hi = lo;	/* all of them fit */
		} else
			hi = got - 1;
	}
	while (lo < hi) {
		k = lo + (hi - lo + 1) / 2;
		got = first_words(trial, *pp, k, &e);
		if (textw(ms, trial->data, size, bold) <= maxw) {
			lo = got;
			end = e;
			tmp = *line;
			*line = *trial;
			*trial = tmp;
		} else
			hi = k - 1;
	}
	*pp = end;
}

/*
 * No line of a chart can show this many bytes, so labels are cut here
 * before they are measured: a label of any length then costs a few
 * measurements of at most this much text.  (HarfBuzz took 10 s to
 * shape one letter with 45,000 combining marks, which measures 0 px.)
 */
#define	WRAP_CLIP	1000

/*
 * Pango breaks a line at each line break (utf8_is_break()), which the
 * wrapping here would not count (a label of ten "\n" drew eleven lines),
 * so a label reads them as spaces: "Northfield\nBorough\nCouncil", typed
 * with Alt+Enter in a workbook cell, wraps like "Northfield Borough
 * Council", within WRAP_MAX lines and the label's width.
 *
 * Returns a copy of label cut to WRAP_CLIP bytes, with each line break
 * read as a space; the caller frees it.
 */
static char *
clip(const char *label)
{
	char		*t;
	size_t		 n, i, k, j = 0;
	unsigned long	 cp;

	if ((n = strlen(label)) > WRAP_CLIP)
		n = utf8_cut(label, WRAP_CLIP);
	t = xmalloc(n + 1);
	for (i = 0; i < n; i += k) {
		if ((k = utf8_decode(label + i, n - i, &cp)) == 0) {
			k = 1;		/* not UTF-8: the byte as it is */
			cp = 0;
		}
		if (utf8_is_break(cp))
			t[j++] = ' ';
		else {
			memcpy(t + j, label + i, k);
			j += k;
		}
	}
	t[j] = '\0';
	return t;
}

/*
 * Breaks label at spaces (and line breaks, read as spaces) into at
 * most WRAP_MAX lines no wider than maxw, greedily; a word wider than maxw, or what is left for the last
 * line, is cut with an ellipsis.  The full text stays in the figures
 * table and the text alternative.
 */
static void
wrap_lines(const struct measure *ms, const char *label, double size,
    bool bold, double maxw, struct wrapped *wr)
{
	struct buf	 line, trial;
	const char	*p;
	char		*clipped;
	double		 w;

	p = clipped = clip(label);
	buf_init(&line);
	buf_init(&trial);
	wr->n = 0;
	wr->w = 0;
	while (*p != '\0' && wr->n < WRAP_MAX) {
		buf_reset(&line);
		while (*p == ' ')
			p++;
		if (wr->n == WRAP_MAX - 1) {
			buf_puts(&line, p);
			p += strlen(p);
		} else
			fill_line(ms, &p, size, bold, maxw, &line, &trial);
		ellipsise(ms, &line, size, bold, maxw);
		w = textw(ms, line.data, size, bold);
		if (w > wr->w)
			wr->w = w;
		wr->line[wr->n++] = xstrdup(line.data);
	}
	if (wr->n == 0)
		wr->line[wr->n++] = xstrdup("");
	buf_release(&trial);
	buf_release(&line);
	free(clipped);
}

/* A label at a line's end, placed in the right margin. */
struct endlabel {
	double		 want;		/* y of the line's end */
	double		 y;		/* y after collision avoidance */
	const char	*text;
	struct wrapped	 wr;		/* text broken into lines */
	int		 lines;		/* wr.n */
	uint32_t	 colour;
	enum sc_dash	 dash;
	double		 width;		/* stroke width of the swatch */
	bool		 target;
};

static int
endlabel_cmp(const void *a, const void *b)
{
	const struct endlabel *x = a, *y = b;

	return x->want < y->want ? -1 : x->want > y->want;
}

/*
 * Spreads labels (sorted by want; y is the centre) so that neighbours
 * are at least their half-heights plus pad apart within [top, bot]:
 * push down from the top, then back up from the bottom.
 */
static void
spread(struct endlabel *l, size_t n, double line, double pad, double top,
    double bot)
{
	size_t	 i;
	double	 gap;

	for (i = 0; i < n; i++) {
		l[i].y = l[i].want;
		if (l[i].y < top + l[i].lines * line / 2)
			l[i].y = top + l[i].lines * line / 2;
		gap = i > 0 ? (l[i - 1].lines + l[i].lines) * line / 2 + pad : 0;
		if (i > 0 && l[i].y < l[i - 1].y + gap)
			l[i].y = l[i - 1].y + gap;
	}
	for (i = n; i-- > 0;) {
		if (l[i].y > bot - l[i].lines * line / 2)
			l[i].y = bot - l[i].lines * line / 2;
		gap = i + 1 < n ? (l[i + 1].lines + l[i].lines) * line / 2 +
		    pad : 0;
		if (i + 1 < n && l[i].y > l[i + 1].y - gap)
			l[i].y = l[i + 1].y - gap;
	}
}

/* Last point of a series with a value, or NULL. */
static const struct point *
lastval(const struct series *sr)
{
	size_t	 i;

	for (i = sr->npts; i-- > 0;)
		if (sr->pts[i].has_value)
			return &sr->pts[i];
	return NULL;
}

struct frame {
	double	 l, r, t, b;		/* plot area */
	long	 d0, d1;		/* time domain, days */
	double	 x0, x1;		/* x range of the time domain */
	struct ticks yt;
};

static double
fx(const struct frame *fr, long day)
{
	return scale_map((double)day, (double)fr->d0, (double)fr->d1,
	    fr->x0, fr->x1);
}

static double
fy(const struct frame *fr, double v)
{
	return scene_clamp(scale_map(v, fr->yt.lo, fr->yt.hi, fr->b, fr->t));
}

/*
 * Cuts a polyline of many more points than the half-pixel columns it
 * spans to at most four a column: the first, the lowest, the highest
 * and the last, in order (the M4 aggregation of Jugel et al., VLDB
 * 2014), which draws the same pixels at twice the size (the PNG).  A
 * series of 100,000 points would otherwise cost Cairo's stroker time
 * that grows faster than the points (25 s, against 0.2 s for 1,000),
 * and the SVG 100,000 points no one can see.  x never decreases.
 */
static void
decimate(struct sc_item *it)
{
	const double	*p = it->pts;
	double		*q;
	size_t		 n = it->npts, i, j, k, o = 0, pick[4];
	double		 col;

	if (n < 64 || (double)n <= 8 * (p[2 * (n - 1)] - p[0]))
		return;
	q = xreallocarray(NULL, 2 * n, sizeof(double));
	for (i = 0; i < n; i = j) {
		col = floor(p[2 * i] * 2);
		pick[0] = pick[1] = pick[2] = i;
		for (j = i + 1; j < n && floor(p[2 * j] * 2) == col; j++) {
			if (p[2 * j + 1] < p[2 * pick[1] + 1])
				pick[1] = j;
			if (p[2 * j + 1] > p[2 * pick[2] + 1])
				pick[2] = j;
		}
		pick[3] = j - 1;
		if (pick[1] > pick[2]) {
			k = pick[1];
			pick[1] = pick[2];
			pick[2] = k;
		}
		for (k = 0; k < 4; k++) {
			if (k > 0 && pick[k] == pick[k - 1])
				continue;
			q[2 * o] = p[2 * pick[k]];
			q[2 * o + 1] = p[2 * pick[k] + 1];
			o++;
		}
	}
	free(it->pts);
	it->pts = xreallocarray(q, 2 * o, sizeof(double));
	it->npts = o;
}

/*
 * Whether the line or a lone point (3 px either side) of sr crosses
 * the box x0..x1, y0..y1.  The points are in time order.
 */
static bool
series_hit(const struct frame *fr, const struct series *sr, double x0,
    double x1, double y0, double y1)
{
	double		 ax = 0, ay = 0, bx, by, lo, hi, t;
	size_t		 k;
	bool		 prev = false;

	x0 -= 3, x1 += 3, y0 -= 3, y1 += 3;
	for (k = 0; k < sr->npts; k++) {
		if (!sr->pts[k].has_value) {
			prev = false;
			continue;
		}
		bx = fx(fr, period_end(&sr->pts[k].period));
		by = fy(fr, sr->pts[k].value);
		if (!prev)
			ax = bx, ay = by;	/* a point alone */
		prev = true;
		/* The segment a..b clipped to x0..x1. */
		if ((ax < x0 && bx < x0) || (ax > x1 && bx > x1)) {
			ax = bx, ay = by;
			continue;
		}
		if (bx == ax)
			lo = ay < by ? ay : by, hi = ay < by ? by : ay;
		else {
			t = ((ax < x0 ? x0 : ax) - ax) / (bx - ax);
			lo = hi = ay + t * (by - ay);
			t = ((bx > x1 ? x1 : bx) - ax) / (bx - ax);
			t = ay + t * (by - ay);
			if (t < lo)
				lo = t;
			if (t > hi)
				hi = t;
		}
		if (hi >= y0 && lo <= y1)
			return true;
		ax = bx, ay = by;
	}
	return false;
}

/*
 * Whether the latest value's label, w wide with its point at x, y, on
 * the side below or not, would cross the indicator's own line or one of
 * its first ncomp comparators.
 */
static bool
label_hit(const struct frame *fr, const struct indicator *ind,
    size_t ncomp, double x, double y, double w, double size, bool below)
{
	double	 x0 = x + w / 2 > fr->r ? fr->r - w : x - w / 2;
	double	 y0 = below ? y + 10 + size * 0.2 : y - 10 - size * 0.8;
	size_t	 i;

	if (series_hit(fr, &ind->series, x0, x0 + w, y0, y0 + size))
		return true;
	for (i = 0; i < ncomp; i++)
		if (series_hit(fr, &ind->cs[i].s, x0, x0 + w, y0, y0 + size))
			return true;
	return false;
}

/*
 * Lays one series out as polylines broken at nulls, a provisional tail
 * dashed and thinner, and its marks.
 */
static void
lay_series(struct scene *s, const struct frame *fr, const struct series *sr,
    uint32_t colour, double width, enum sc_dash dash, bool marks,
    enum sc_role role)
{
	struct sc_item	*it;
	size_t		 i, j, k, start;
	double		 x, y;

	for (i = 0; i < sr->npts; i = j) {
		/* A run of consecutive points with values. */
		for (start = i; start < sr->npts && !sr->pts[start].has_value;
		    start++)
			continue;
		for (j = start; j < sr->npts && sr->pts[j].has_value; j++)
			continue;
		if (start == sr->npts)
			break;
		/* The solid part stops before a provisional tail. */
		if (j - start >= 2) {
			size_t	 end = j;

			while (end - start > 1 && sr->pts[end - 1].provisional)
				end--;
			if (end - start >= 2) {
				it = scene_add(s, SC_PATH, role);
				it->stroke = colour;
				it->width = width;
				it->dash = dash;
				it->npts = end - start;
				it->pts = xreallocarray(NULL, 2 * it->npts,
				    sizeof(double));
				for (k = start; k < end; k++) {
					it->pts[2 * (k - start)] =
					    fx(fr, period_end(&sr->pts[k].period));
					it->pts[2 * (k - start) + 1] =
					    fy(fr, sr->pts[k].value);
				}
				decimate(it);
			}
			/* Provisional segments: dashed, thinner. */
			for (k = end; k < j; k++)
				scene_line(s, role,
				    fx(fr, period_end(&sr->pts[k - 1].period)),
				    fy(fr, sr->pts[k - 1].value),
				    fx(fr, period_end(&sr->pts[k].period)),
				    fy(fr, sr->pts[k].value), colour,
				    width * 0.75, SC_DASHED);
		}
		/* Marks: every point if asked, else a lone point only. */
		for (k = start; k < j; k++) {
			x = fx(fr, period_end(&sr->pts[k].period));
			y = fy(fr, sr->pts[k].value);
			if (sr->pts[k].provisional)
				scene_circle(s, x, y, 4, colour, 0xFFFFFF, 2);
			else if (marks || j - start == 1)
				scene_circle(s, x, y, 3, SC_NONE, colour, 0);
		}
	}
}

/* Widest label of a time axis of this kind, for spacing ticks. */
static double
widest_timelabel(const struct measure *ms, enum period_kind kind,
    double size)
{
	struct period	 p;
	char		 tmp[32];
	double		 w, best = 0;
	int		 m;

	memset(&p, 0, sizeof(p));
	p.year = 2028;
	switch (kind) {
	case PERIOD_DAY:
	case PERIOD_MONTH:
		p.kind = PERIOD_MONTH;
		for (m = 1; m <= 12; m++) {
			p.month = m;
			w = textw(ms, period_short(&p, tmp, sizeof(tmp)), size,
			    false);
			if (w > best)
				best = w;
		}
		return best;
	case PERIOD_QUARTER:
		p.kind = PERIOD_QUARTER;
		p.quarter = 4;
		break;
	case PERIOD_FYEAR:
		p.kind = PERIOD_FYEAR;
		break;
	case PERIOD_YEAR:
		p.kind = PERIOD_YEAR;
		break;
	}
	return textw(ms, period_short(&p, tmp, sizeof(tmp)), size, false);
}

/* Collects finite values of a series into the running min and max. */
static void
extent(const struct series *sr, double *mn, double *mx, bool *any)
{
	size_t	 i;

	for (i = 0; i < sr->npts; i++) {
		if (!sr->pts[i].has_value)
			continue;
		if (!*any || sr->pts[i].value < *mn)
			*mn = sr->pts[i].value;
		if (!*any || sr->pts[i].value > *mx)
			*mx = sr->pts[i].value;
		*any = true;
	}
}

static void
days_extent(const struct series *sr, long *lo, long *hi, bool *any)
{
	size_t	 i;
	long	 d;

	for (i = 0; i < sr->npts; i++) {
		if (!sr->pts[i].has_value)
			continue;
		d = period_end(&sr->pts[i].period);
		if (!*any || d < *lo)
			*lo = d;
		if (!*any || d > *hi)
			*hi = d;
		*any = true;
	}
}

/* Whether the y axis starts at zero for this unit and data. */
static bool
from_zero(enum unit u, double mn, double mx)
{
	switch (u) {
	case UNIT_COUNT:
	case UNIT_DAYS:
	case UNIT_WEEKS:
		return true;
	case UNIT_PERCENT:
	case UNIT_RATE10K:
	case UNIT_NUMBER:
		break;
	}
	return mn >= 0 && mn <= mx * 0.5;
}

/* The width of the widest y tick label, for the left margin. */
static double
yaxis_width(const struct frame *fr, const struct measure *ms,
    enum unit u, double size, struct buf *b)
{
	size_t	 i;
	double	 w, best = 0;

	for (i = 0; i < fr->yt.n; i++) {
		buf_reset(b);
		fmt_axis(b, scale_tick(&fr->yt, i), fr->yt.step, u);
		w = textw(ms, b->data, size, false);
		if (w > best)
			best = w;
	}
	return best;
}

/* Y gridlines, tick labels and the axis line. */
static void
lay_yaxis(struct scene *s, const struct frame *fr, enum unit u,
    double size, struct buf *b)
{
	size_t	 i;
	double	 v, y;

	/* Lines first, then labels: they never overlap, and items alike
	 * in a row share their attributes in the SVG. */
	for (i = 1; i < fr->yt.n; i++) {
		v = scale_tick(&fr->yt, i);
		if (v != 0)
			scene_line(s, SC_ROLE_GRID, fr->l, fy(fr, v), fr->r,
			    fy(fr, v), GRID, 1, SC_SOLID);
	}
	for (i = 0; i < fr->yt.n; i++) {
		v = scale_tick(&fr->yt, i);
		y = fy(fr, v);
		buf_reset(b);
		fmt_axis(b, v, fr->yt.step, u);
		scene_text(s, SC_ROLE_TICKLABEL, fr->l - 8, y + size * 0.35,
		    SC_END, size, false, GREY, b->data);
	}
	/* The axis at the bottom; a zero line too when zero is inside. */
	scene_line(s, SC_ROLE_AXIS, fr->l, fr->b, fr->r, fr->b, GREY, 1,
	    SC_SOLID);
	if (fr->yt.lo < 0 && fr->yt.hi > 0)
		scene_line(s, SC_ROLE_AXIS, fr->l, fy(fr, 0), fr->r, fy(fr, 0),
		    GREY, 1, SC_SOLID);
}

/* The time axis: calendar ticks spaced so that labels never overlap. */
static void
lay_timeaxis(struct scene *s, const struct frame *fr,
    const struct measure *ms, const struct series *sr, double size)
{
	struct timetick	 tt[SCALE_MAXTICKS];
	const struct point *last;
	enum period_kind kind;
	double		 lw, minsep, x, w;
	size_t		 n, i;
	char		 tmp[32];

	kind = main_kind(sr);
	last = lastval(sr);
	assert(last != NULL);
	lw = widest_timelabel(ms, kind, size);
	minsep = (lw + 24) * (double)(fr->d1 - fr->d0) /
	    (fr->x1 - fr->x0 > 1 ? fr->x1 - fr->x0 : 1);
	n = scale_timeticks(fr->d0, fr->d1, kind, period_end(&last->period),
	    minsep, tt, SCALE_MAXTICKS);
	for (i = 0; i < n; i++) {
		x = fx(fr, tt[i].day);
		scene_line(s, SC_ROLE_AXIS, x, fr->b, x, fr->b + 5, GREY, 1,
		    SC_SOLID);
	}
	for (i = 0; i < n; i++) {
		x = fx(fr, tt[i].day);
		period_short(&tt[i].p, tmp, sizeof(tmp));
		w = textw(ms, tmp, size, false);
		/* Keep the end labels inside the chart. */
		if (x - w / 2 < 2)
			x = 2 + w / 2;
		if (x + w / 2 > s->w - 2)
			x = s->w - 2 - w / 2;
		scene_text(s, SC_ROLE_TICKLABEL, x, fr->b + 8 + size, SC_MIDDLE,
		    size, false, GREY, tmp);
	}
}

static bool
chart_line(struct scene *s, const struct model *m,
    const struct indicator *ind, const struct figures *f,
    const struct measure *ms, const struct chart_opts *o)
{
	struct endlabel	 lab[MAXCOMP + 2];
	struct frame	 fr;
	struct buf	 b;
	const struct point *lp;
	const char	*own;
	double		 mn = 0, mx = 0, size, small, maxlw, w, x, y, gap;
	bool		 any = false, anyd = false, below;
	size_t		 i, nlab = 0, ncomp;
	char		*target = NULL;

	buf_init(&b);
	size = o->font;
	small = o->font - 1;
	s->w = o->w;
	s->h = o->h;

	extent(&ind->series, &mn, &mx, &any);
	ncomp = ind->ncs < MAXCOMP ? ind->ncs : MAXCOMP;
	for (i = 0; i < ncomp; i++)
		extent(&ind->cs[i].s, &mn, &mx, &any);
	if (ind->target.set) {
		mn = fmin(mn, ind->target.value);
		mx = fmax(mx, ind->target.value);
		if (ind->target.has_amber) {
			mn = fmin(mn, ind->target.amber);
			mx = fmax(mx, ind->target.amber);
		}
	}
	assert(any);
	scale_ticks(mn, mx, from_zero(ind->unit, mn, mx), 5, &fr.yt);

	fr.d0 = fr.d1 = 0;
	days_extent(&ind->series, &fr.d0, &fr.d1, &anyd);
	for (i = 0; i < ncomp; i++)
		days_extent(&ind->cs[i].s, &fr.d0, &fr.d1, &anyd);
	if (fr.d0 == fr.d1) {
		fr.d0 -= 15;
		fr.d1 += 15;
	}

	/* Right margin: the labels at the line ends, with swatches. */
	own = o->ownlabel != NULL ? o->ownlabel : m->report.organisation;
	lab[nlab].text = own;
	lab[nlab].colour = chart_palette[0];
	lab[nlab].dash = SC_SOLID;
	lab[nlab].width = 3;
	lab[nlab].target = false;
	lab[nlab++].want = f->latest->value;
	for (i = 0; i < ncomp; i++) {
		if ((lp = lastval(&ind->cs[i].s)) == NULL)
			continue;
		lab[nlab].text = m->comps[ind->cs[i].comp].label;
		lab[nlab].colour = comp_colour[i];
		lab[nlab].dash = comp_dash[i];
		lab[nlab].width = 2;
		lab[nlab].target = false;
		lab[nlab++].want = lp->value;
	}
	if (ind->target.set) {
		buf_reset(&b);
		BUF_PUTSL(&b, "Target ");
		fmt_value(&b, ind->target.value, ind->unit);
		lab[nlab].text = target = xstrdup(b.data);
		lab[nlab].colour = TARGETC;
		lab[nlab].dash = SC_DASHED;
		lab[nlab].width = 1.5;
		lab[nlab].target = true;
		lab[nlab++].want = ind->target.value;
	}
	/* Labels wider than ENDLABEL_MAX px wrap onto more lines. */
	maxlw = 0;
	for (i = 0; i < nlab; i++) {
		wrap_lines(ms, lab[i].text, size, lab[i].text == own,
		    ENDLABEL_MAX, &lab[i].wr);
		lab[i].lines = lab[i].wr.n;
		if (lab[i].wr.w > maxlw)
			maxlw = lab[i].wr.w;
	}
	/* Swatch 18 + gap 6 + text; at most a third of the width. */
	w = 12 + 18 + 6 + maxlw + 4;
	if (w > o->w / 3)
		w = o->w / 3;

	fr.t = 12 + size;		/* room for the latest-value label */
	fr.b = o->h - (8 + small + 10);
	fr.l = yaxis_width(&fr, ms, ind->unit, small, &b) + 12;
	fr.r = o->w - w;
	fr.x0 = fr.l + 12;
	fr.x1 = fr.r - 12;

	/* Back to front: band, grid, axes, target, comparators, series. */
	if (ind->target.set && ind->target.has_amber) {
		double	 ya = fy(&fr, ind->target.amber);
		double	 yt = fy(&fr, ind->target.value);

		scene_rect(s, SC_ROLE_BAND, fr.l, fmin(ya, yt), fr.r - fr.l,
		    fabs(ya - yt), BANDC);
	}
	lay_yaxis(s, &fr, ind->unit, small, &b);
	lay_timeaxis(s, &fr, ms, &ind->series, small);
	if (ind->target.set) {
		y = fy(&fr, ind->target.value);
		scene_line(s, SC_ROLE_TARGET, fr.l, y, fr.r, y, TARGETC, 1.5,
		    SC_DASHED);
	}
	for (i = ncomp; i-- > 0;)
		lay_series(s, &fr, &ind->cs[i].s, comp_colour[i], 2,
		    comp_dash[i], false, SC_ROLE_COMPARATOR);
	lay_series(s, &fr, &ind->series, chart_palette[0], 3,
	    SC_SOLID, ind->series.npts <= 36, SC_ROLE_SERIES);

	/* The latest value, labelled above its point. */
	lp = f->latest;
	x = fx(&fr, period_end(&lp->period));
	y = fy(&fr, lp->value);
	valstr(&b, lp->value, ind->unit);
	w = textw(ms, b.data, size, true);
	/* Above the point, unless the line comes down into it from above
	 * (then below), or a line runs through the label there and none
	 * would on the other side, or there is no room. */
	below = f->previous != NULL && f->previous->value > lp->value;
	if (label_hit(&fr, ind, ncomp, x, y, w, size, below) &&
	    !label_hit(&fr, ind, ncomp, x, y, w, size, !below))
		below = !below;
	if (y - 10 - size < 0)
		below = true;
	else if (y + 10 + size > fr.b)
		below = false;
	scene_text(s, SC_ROLE_LABEL, x + w / 2 > fr.r ? fr.r : x,
	    below ? y + 10 + size : y - 10,
	    x + w / 2 > fr.r ? SC_END : SC_MIDDLE, size, true, INK, b.data);

	/* Line-end labels: y in pixels, spread so none overlap. */
	for (i = 0; i < nlab; i++)
		lab[i].want = fy(&fr, lab[i].want);
	qsort(lab, nlab, sizeof(lab[0]), endlabel_cmp);
	gap = size * 1.2;
	spread(lab, nlab, gap, 4, 2, o->h - 2);
	for (i = 0; i < nlab; i++) {
		bool	 bold = lab[i].text == own;
		int	 k;

		y = lab[i].y - (lab[i].lines - 1) * gap / 2;
		scene_line(s, SC_ROLE_LABEL, fr.r + 8, y, fr.r + 26, y,
		    lab[i].colour, lab[i].width, lab[i].dash);
		for (k = 0; k < lab[i].wr.n; k++)
			scene_text(s, SC_ROLE_LABEL, fr.r + 32,
			    y + k * gap + size * 0.35, SC_START, size, bold,
			    INK, lab[i].wr.line[k]);
		wrap_release(&lab[i].wr);
	}
	free(target);
	buf_release(&b);
	return true;
}

/* Vertical columns, one slot per point in time order. */
static bool
chart_columns(struct scene *s, const struct indicator *ind,
    const struct figures *f, const struct measure *ms,
    const struct chart_opts *o)
{
	struct frame	 fr;
	struct buf	 b;
	double		 mn = 0, mx = 0, size, small, band, x, y, y0, w, lw;
	bool		 any = false;
	size_t		 i, n, every;
	char		 tmp[32];

	(void)f;
	buf_init(&b);
	size = o->font;
	small = o->font - 1;
	s->w = o->w;
	s->h = o->h;
	n = ind->series.npts;
	extent(&ind->series, &mn, &mx, &any);
	if (ind->target.set) {
		mn = fmin(mn, ind->target.value);
		mx = fmax(mx, ind->target.value);
	}
	assert(any);
	/* Columns always start at zero: their length is the value. */
	scale_ticks(mn, mx, true, 5, &fr.yt);
	fr.t = 12 + size;
	fr.b = o->h - (8 + small + 10);
	fr.l = yaxis_width(&fr, ms, ind->unit, small, &b) + 12;
	fr.r = o->w - 16;
	if (ind->target.set) {
		buf_reset(&b);
		BUF_PUTSL(&b, "Target ");
		fmt_value(&b, ind->target.value, ind->unit);
		fr.r = o->w - 12 - textw(ms, b.data, size, false);
	}
	/* Labels wider than the chart leave no room: keep one pixel. */
	if (!(fr.r >= fr.l + 1))
		fr.r = fr.l + 1;
	fr.d0 = fr.d1 = 0;
	lay_yaxis(s, &fr, ind->unit, small, &b);
	band = (fr.r - fr.l) / (double)n;
	lw = 0;
	for (i = 0; i < n; i++) {
		w = textw(ms, period_short(&ind->series.pts[i].period, tmp,
		    sizeof(tmp)), small, false);
		if (w > lw)
			lw = w;
	}
	/* Every how many columns a period label fits (at least the last). */
	every = (lw + 12) / band < (double)n ?
	    (size_t)ceil((lw + 12) / band) : n;
	if (every < 1)
		every = 1;
	y0 = fy(&fr, 0);
	for (i = 0; i < n; i++) {
		const struct point *p = &ind->series.pts[i];

		x = fr.l + band * ((double)i + 0.5);
		if ((n - 1 - i) % every == 0) {
			period_short(&p->period, tmp, sizeof(tmp));
			scene_text(s, SC_ROLE_TICKLABEL, x, fr.b + 8 + small,
			    SC_MIDDLE, small, false, GREY, tmp);
		}
		if (!p->has_value)
			continue;
		y = fy(&fr, p->value);
		scene_rect(s, SC_ROLE_BAR, x - band * 0.35, fmin(y, y0),
		    band * 0.7, fabs(y0 - y),
		    p->provisional ? 0x7A8FA6 : chart_palette[0]);
		valstr(&b, p->value, ind->unit);
		if (textw(ms, b.data, small, false) < band - 2)
			scene_text(s, SC_ROLE_LABEL, x,
			    p->value < 0 ? y + 4 + small : y - 4, SC_MIDDLE,
			    small, false, INK, b.data);
	}
	if (ind->target.set) {
		y = fy(&fr, ind->target.value);
		scene_line(s, SC_ROLE_TARGET, fr.l, y, fr.r, y, TARGETC, 1.5,
		    SC_DASHED);
		buf_reset(&b);
		BUF_PUTSL(&b, "Target ");
		fmt_value(&b, ind->target.value, ind->unit);
		scene_text(s, SC_ROLE_LABEL, fr.r + 6, y + size * 0.35, SC_START,
		    size, false, INK, b.data);
	}
	buf_release(&b);
	return true;
}

bool
chart_trend(struct scene *s, const struct model *m,
    const struct indicator *ind, const struct figures *f,
    const struct measure *ms, const struct chart_opts *o)
{
	assert(s->n == 0);
	switch (chart_kind_for(ind, f)) {
	case CHART_LINE:
	case CHART_AUTO:
		return chart_line(s, m, ind, f, ms, o);
	case CHART_COLUMN:
		return chart_columns(s, ind, f, ms, o);
	case CHART_NONE:
		break;
	}
	return false;
}

bool
chart_breakdown(struct scene *s, const struct indicator *ind,
    const struct measure *ms, const struct chart_opts *o)
{
	const struct breakdown *bd = ind->breakdown;
	struct buf	 b;
	double		 size, lw, vw, w, mn = 0, mx = 0, x0, x1, xz, y, rowh;
	double		 line;
	size_t		 i;
	struct wrapped	*wr;

	if (bd == NULL || bd->nitems == 0)
		return false;
	assert(s->n == 0);
	buf_init(&b);
	size = o->font;
	line = size * 1.25;
	s->w = o->w;
	/* Label column: the widest label, at most 40% of the width. */
	lw = 0;
	vw = 0;
	for (i = 0; i < bd->nitems; i++) {
		char		*label;

		label = clip(bd->items[i].label);
		w = textw(ms, label, size, false);
		free(label);
		if (w > lw)
			lw = w;
		if (bd->items[i].has_value) {
			mn = fmin(mn, bd->items[i].value);
			mx = fmax(mx, bd->items[i].value);
			w = textw(ms, valstr(&b, bd->items[i].value,
			    bd->unit), size, true);
		} else
			w = textw(ms, "not available", size, false);
		if (w > vw)
			vw = w;
	}
	if (lw > o->w * 0.4)
		lw = o->w * 0.4;
	/* Each row as tall as its label needs, at least 32 px. */
	wr = xcalloc(bd->nitems, sizeof(*wr));
	s->h = 16;
	for (i = 0; i < bd->nitems; i++) {
		wrap_lines(ms, bd->items[i].label, size, false, lw, &wr[i]);
		s->h += fmax(32, wr[i].n * line + 12);
	}
	x0 = lw + 16;
	x1 = o->w - vw - 16;
	if (mx == mn)
		mx = mn + 1;
	xz = scale_map(0, mn, mx, x0, x1);
	scene_line(s, SC_ROLE_AXIS, xz, 8, xz, s->h - 8, GREY, 1, SC_SOLID);
	for (y = 8, i = 0; i < bd->nitems; i++, y += rowh) {
		const struct bitem *it = &bd->items[i];
		double	 yc, xv;
		int	 k;

		rowh = fmax(32, wr[i].n * line + 12);
		yc = y + rowh / 2;

		for (k = 0; k < wr[i].n; k++)
			scene_text(s, SC_ROLE_TICKLABEL, lw + 8,
			    yc + (k - (wr[i].n - 1) / 2.0) * line + size * 0.35,
			    SC_END, size, false, INK, wr[i].line[k]);
		wrap_release(&wr[i]);
		if (!it->has_value) {
			scene_text(s, SC_ROLE_LABEL, xz + 6, yc + size * 0.35,
			    SC_START, size, false, GREY, it->suppressed ?
			    "[c]" : "not available");
			continue;
		}
		xv = scale_map(it->value, mn, mx, x0, x1);
		scene_rect(s, SC_ROLE_BAR, fmin(xz, xv), yc - 10, fabs(xv - xz),
		    20, chart_palette[0]);
		valstr(&b, it->value, bd->unit);
		scene_text(s, SC_ROLE_LABEL, it->value < 0 ? xv - 6 : xv + 6,
		    yc + size * 0.35, it->value < 0 ? SC_END : SC_START, size,
		    true, INK, b.data);
	}
	free(wr);
	buf_release(&b);
	return true;
}
