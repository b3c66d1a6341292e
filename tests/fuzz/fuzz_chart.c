/*
 * libFuzzer harness: chart layout over arbitrary series.  The bytes are
 * decoded into a one-indicator model that keeps model.h's promises
 * (every period valid, series sorted with distinct periods, values
 * finite and within JSON_MAX_VALUE, strings valid UTF-8 without NUL)
 * but is otherwise anything: any unit, direction, chart kind, target
 * and amber, up to three comparators, nulls, provisional points, mixed
 * period kinds, a breakdown with long or odd labels, chart sizes and
 * fonts, and one of several text measures (the golden tests' stub, one
 * with very wide or zero-width characters, one that measures nothing).
 * chart_trend() and chart_breakdown() lay it out; every number in the
 * scene must be finite and every text valid UTF-8, and svg_write() and
 * scene_dump() must run over it.
 */
#include <float.h>
#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chart.h"
#include "figures.h"
#include "json.h"
#include "model.h"
#include "period.h"
#include "svg.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define	CHECK(c) do {							\
	if (!(c)) {							\
		fprintf(stderr, "%s:%d: invariant failed: %s\n",	\
		    __FILE__, __LINE__, #c);				\
		abort();						\
	}								\
} while (0)

/* A reader over the fuzz bytes: zeros once they run out. */
struct rd {
	const uint8_t	*p;
	size_t		 n;
};

static unsigned
u8(struct rd *r)
{
	if (r->n == 0)
		return 0;
	r->n--;
	return *r->p++;
}

static unsigned
u16(struct rd *r)
{
	unsigned v = u8(r);

	return v | u8(r) << 8;
}

/* A value as json.c lets through: finite, |v| <= JSON_MAX_VALUE. */
static double
value(struct rd *r)
{
	static const double special[] = { 0.0, -0.0, JSON_MAX_VALUE,
	    -JSON_MAX_VALUE, 5e-324, -5e-324, DBL_MIN, 1e-300, 0.1, 0.05,
	    1.0 / 3, 28.75, 999999999999999.9, 1e14 + 0.5, 100, 99.95 };
	uint8_t	 raw[8];
	double	 v;
	size_t	 i;

	switch (u8(r) % 6) {
	case 0:
		return (double)(int8_t)u8(r);
	case 1:
		return (double)(int16_t)u16(r);
	case 2:
		return (double)(int16_t)u16(r) / 100;
	case 3:
		return special[u8(r) % (sizeof(special) / sizeof(special[0]))];
	case 4:
		for (i = 0; i < 8; i++)
			raw[i] = (uint8_t)u8(r);
		memcpy(&v, raw, sizeof(v));
		return isfinite(v) && fabs(v) <= JSON_MAX_VALUE ? v : 0;
	default:
		return (double)u16(r) * 1000 + u8(r);
	}
}

/* A valid period of any kind. */
static void
period(struct rd *r, struct period *p)
{
	static const int mdays[12] =
	    { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int	 y;

	memset(p, 0, sizeof(*p));
	p->kind = (enum period_kind)(u8(r) % 5);
	/* Mostly near each other, sometimes anywhere in range. */
	y = u8(r);
	p->year = y < 200 ? 2000 + y % 30 :
	    PERIOD_YEAR_MIN + (int)(u16(r) % (PERIOD_YEAR_MAX - PERIOD_YEAR_MIN));
	switch (p->kind) {
	case PERIOD_DAY:
		p->month = 1 + (int)(u8(r) % 12);
		p->day = 1 + (int)(u8(r) % (unsigned)mdays[p->month - 1]);
		break;
	case PERIOD_MONTH:
		p->month = 1 + (int)(u8(r) % 12);
		break;
	case PERIOD_QUARTER:
		p->quarter = 1 + (int)(u8(r) % 4);
		break;
	case PERIOD_FYEAR:
	case PERIOD_YEAR:
		break;
	}
}

/* A string of valid UTF-8 (no NUL), of any length up to max bytes. */
static char *
text(struct rd *r, size_t max)
{
	static const char *const pieces[] = { "a", "W", " ", "  ", "i",
	    "\xc3\xa9", "\xe2\x80\xa6", "\xf0\x9f\x93\x88", "\xcc\x81",
	    "\xe2\x80\x8b", "<", "&", "\"", "\x07", "\t", "\n", "-",
	    "Statistical neighbours", "verylongwordwithoutanyspaces" };
	struct buf	 b;
	size_t		 n, i, rep;
	char		*s;

	buf_init(&b);
	n = u8(r) % 24;
	for (i = 0; i < n && b.len < max; i++) {
		unsigned k = u8(r);

		rep = k & 0x80 ? 1 + u8(r) * 8 : 1;
		while (rep-- > 0 && b.len < max)
			buf_puts(&b, pieces[k % (sizeof(pieces) /
			    sizeof(pieces[0]))]);
	}
	if (b.len == 0)
		BUF_PUTSL(&b, "x");
	s = buf_detach(&b, NULL);
	buf_release(&b);
	return s;
}

static int
pt_cmp(const void *a, const void *b)
{
	const struct point *x = a, *y = b;

	return period_cmp(&x->period, &y->period);
}

/* A series of up to max points, sorted, periods distinct. */
static void
series(struct rd *r, struct series *s, size_t max)
{
	char	 tmp[32];
	size_t	 n, i, k;

	n = u16(r) % (max + 1);
	if (n > r->n / 2 + 2)
		n = r->n / 2 + 2;
	s->pts = xcalloc(n == 0 ? 1 : n, sizeof(*s->pts));
	for (i = 0; i < n; i++) {
		struct point *p = &s->pts[i];
		unsigned f = u8(r);

		period(r, &p->period);
		p->has_value = (f & 3) != 0;
		p->value = p->has_value ? value(r) : 0;
		p->provisional = (f & 4) != 0;
	}
	qsort(s->pts, n, sizeof(*s->pts), pt_cmp);
	for (i = k = 0; i < n; i++)
		if (k == 0 || period_cmp(&s->pts[k - 1].period,
		    &s->pts[i].period) != 0)
			s->pts[k++] = s->pts[i];
	s->npts = k;
	for (i = 0; i < k; i++)
		s->pts[i].pstr = xstrdup(period_canon(&s->pts[i].period, tmp,
		    sizeof(tmp)));
}

static struct model *
decode(struct rd *r, struct chart_opts *o)
{
	struct model	 *m;
	struct indicator *ind;
	size_t		  i, n;
	unsigned	  f;

	m = model_new();
	m->report.title = xstrdup("T");
	m->report.organisation = text(r, 4096);
	m->report.pstr = xstrdup("2022-01");
	period_parse(m->report.pstr, &m->report.period);
	m->ninds = 1;
	m->inds = ind = xcalloc(1, sizeof(*ind));
	ind->id = xstrdup("x");
	ind->title = xstrdup("X");
	f = u8(r);
	ind->unit = (enum unit)(f % 6);
	ind->better = (enum better)(f / 6 % 3);
	ind->chart = (enum chart_kind)(f / 18 % 4);
	f = u8(r);
	if (f & 1) {
		ind->target.set = true;
		ind->target.value = value(r);
		if (f & 2) {
			ind->target.has_amber = true;
			ind->target.amber = value(r);
		}
	}
	chart_defaults(o);
	if (f & 4) {
		o->w = 200 + u16(r) % 1400;
		o->h = 150 + u16(r) % 750;
		o->font = 8 + u8(r) % 17;
	}
	series(r, &ind->series, 2000);
	n = (f >> 3) % 5;
	m->comps = xcalloc(n == 0 ? 1 : n, sizeof(*m->comps));
	ind->cs = xcalloc(n == 0 ? 1 : n, sizeof(*ind->cs));
	for (i = 0; i < n; i++) {
		m->comps[i].id = xstrdup("c");
		m->comps[i].label = text(r, 512);
		ind->cs[i].comp = i;
		series(r, &ind->cs[i].s, 200);
	}
	m->ncomps = ind->ncs = n;
	if (f & 0x80) {
		struct breakdown *bd;

		bd = ind->breakdown = xcalloc(1, sizeof(*bd));
		bd->unit = (enum unit)(u8(r) % 6);
		bd->nitems = 1 + u8(r) % 40;
		bd->items = xcalloc(bd->nitems, sizeof(*bd->items));
		for (i = 0; i < bd->nitems; i++) {
			bd->items[i].label = text(r, 2048);
			bd->items[i].has_value = (u8(r) & 7) != 0;
			bd->items[i].value = bd->items[i].has_value ?
			    value(r) : 0;
		}
	}
	return m;
}

/* Text measures: each returns a width, like Pango, for any string. */
static unsigned	 mode;

static double
measure(void *arg, const char *s, double size, bool bold)
{
	const unsigned char *p = (const unsigned char *)s;
	double	 w = 0;

	(void)arg;
	switch (mode) {
	case 0:		/* the golden tests' stub: 0.6 em a byte */
		return (double)strlen(s) * size * (bold ? 0.65 : 0.6);
	case 1:		/* ASCII narrow, everything else very wide */
		for (; *p != '\0'; p++)
			if (*p < 0x80)
				w += size * 0.3;
			else if ((*p & 0xc0) != 0x80)
				w += size * 40;
		return w;
	case 2:		/* combining marks and the like: nothing */
		return 0;
	default:	/* wide characters, bold wider */
		for (; *p != '\0'; p++)
			if ((*p & 0xc0) != 0x80)
				w += size * (bold ? 1.3 : 1.1);
		return w;
	}
}

static void
check_scene(const struct scene *s)
{
	const unsigned char *t;
	size_t	 i, j;

	CHECK(isfinite(s->w) && isfinite(s->h) && s->w > 0 && s->h > 0);
	for (i = 0; i < s->n; i++) {
		const struct sc_item *it = &s->items[i];

		CHECK(isfinite(it->x) && isfinite(it->y) && isfinite(it->w) &&
		    isfinite(it->h) && isfinite(it->r) &&
		    isfinite(it->width) && isfinite(it->size));
		CHECK(fabs(it->x) <= 1e6 && fabs(it->y) <= 1e6 &&
		    fabs(it->w) <= 1e6 && fabs(it->h) <= 1e6 &&
		    it->r >= 0 && it->r <= 1e6);
		for (j = 0; j < 2 * it->npts; j++)
			CHECK(isfinite(it->pts[j]) && fabs(it->pts[j]) <= 1e6);
		if (it->kind != SC_TEXT)
			continue;
		CHECK(it->text != NULL);
		/* Whole characters: no sequence cut in the middle. */
		for (t = (const unsigned char *)it->text; *t != '\0'; t++)
			if (*t >= 0xc0) {
				size_t k, n = *t >= 0xf0 ? 4 : *t >= 0xe0 ?
				    3 : 2;

				for (k = 1; k < n; k++)
					CHECK((t[k] & 0xc0) == 0x80);
				t += n - 1;
			} else
				CHECK((*t & 0xc0) != 0x80);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rd	 r = { data, size };
	struct model	*m;
	struct figures	 f;
	struct chart_opts o;
	struct measure	 ms = { NULL, measure };
	struct scene	 s;
	struct buf	 b;

	mode = u8(&r) % 4;
	m = decode(&r, &o);
	figures_compute(&m->inds[0], &f);
	buf_init(&b);
	scene_init(&s);
	if (chart_trend(&s, m, &m->inds[0], &f, &ms, &o)) {
		CHECK(f.latest != NULL);
		check_scene(&s);
		svg_write(&s, "x", "T", "D", "tbl-x", &b);
		scene_dump(&s, &b);
	} else
		CHECK(s.n == 0);
	scene_release(&s);
	if (chart_breakdown(&s, &m->inds[0], &ms, &o)) {
		check_scene(&s);
		svg_write(&s, "x-breakdown", "T", "D", NULL, &b);
		scene_dump(&s, &b);
	}
	scene_release(&s);
	CHECK(strlen(b.data) == b.len);
	buf_release(&b);
	model_free(m);
	return 0;
}
