/*
 * Unit tests of chart layout, without Cairo or fonts: text is measured
 * as 0.6 em a byte.  Checks what a reader needs: everything inside the
 * chart, tick labels never overlapping, line-end labels apart, gaps at
 * nulls, provisional points hollow, one value gives no chart, the
 * latest value's label on a side no comparator runs through.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "figures.h"
#include "harness.h"
#include "model.h"
#include "util.h"

static double
stub(void *arg, const char *s, double size, bool bold)
{
	(void)arg;
	return (double)strlen(s) * size * (bold ? 0.65 : 0.6);
}

static const struct measure ms = { NULL, stub };

/* A model with one indicator of n monthly points from start. */
static struct model *
mk(size_t n, int y, int mo, double base, double stepv)
{
	struct model	 *m;
	struct indicator *ind;
	size_t		  i;
	char		  tmp[32];

	m = model_new();
	m->report.title = xstrdup("T");
	m->report.organisation = xstrdup("Northfield");
	m->report.pstr = xstrdup("2022-01");
	m->ninds = 1;
	m->inds = xcalloc(1, sizeof(*m->inds));
	ind = &m->inds[0];
	ind->id = xstrdup("x");
	ind->title = xstrdup("X");
	ind->unit = UNIT_COUNT;
	ind->better = BETTER_LOWER;
	ind->series.npts = n;
	ind->series.pts = xcalloc(n, sizeof(struct point));
	for (i = 0; i < n; i++) {
		struct point *p = &ind->series.pts[i];

		snprintf(tmp, sizeof(tmp), "%04d-%02d", y + (mo - 1 + (int)i) / 12,
		    (mo - 1 + (int)i) % 12 + 1);
		p->pstr = xstrdup(tmp);
		OK(period_parse(tmp, &p->period));
		p->has_value = true;
		p->value = base + stepv * (double)i;
	}
	return m;
}

static bool
inside(const struct scene *s, double x, double y)
{
	return x >= -0.01 && y >= -0.01 && x <= s->w + 0.01 && y <= s->h + 0.01;
}

/* Bounds of a text item by the stub measure. */
static void
tbox(const struct sc_item *it, double *x0, double *x1)
{
	double	 w = stub(NULL, it->text, it->size, it->bold);

	*x0 = it->x - (it->anchor == SC_MIDDLE ? w / 2 :
	    it->anchor == SC_END ? w : 0);
	*x1 = *x0 + w;
}

/* Checks the invariants every chart must hold. */
static void
check_scene(const struct scene *s)
{
	size_t	 i, j;
	double	 a0, a1, b0, b1;
	bool	 allin = true, apart = true;

	for (i = 0; i < s->n; i++) {
		const struct sc_item *it = &s->items[i];

		switch (it->kind) {
		case SC_PATH:
			for (j = 0; j < it->npts; j++)
				allin &= inside(s, it->pts[2 * j],
				    it->pts[2 * j + 1]);
			break;
		case SC_RECT:
			allin &= inside(s, it->x, it->y) &&
			    inside(s, it->x + it->w, it->y + it->h);
			break;
		case SC_CIRCLE:
			allin &= inside(s, it->x, it->y);
			break;
		case SC_TEXT:
			tbox(it, &a0, &a1);
			allin &= a0 >= -0.01 && a1 <= s->w + 0.01 &&
			    it->y - it->size >= -0.01 && it->y <= s->h + 0.01;
			/* No two texts on one baseline band overlap. */
			for (j = i + 1; j < s->n; j++) {
				const struct sc_item *o = &s->items[j];

				if (o->kind != SC_TEXT ||
				    fabs(o->y - it->y) >= it->size)
					continue;
				tbox(o, &b0, &b1);
				if (a0 < b1 && b0 < a1) {
					apart = false;
					fprintf(stderr, "overlap: \"%s\" and "
					    "\"%s\"\n", it->text, o->text);
				}
			}
			break;
		}
	}
	OK(allin);
	OK(apart);
}

static size_t
count(const struct scene *s, enum sc_kind k, enum sc_role r)
{
	size_t	 i, n = 0;

	for (i = 0; i < s->n; i++)
		if (s->items[i].kind == k && s->items[i].role == r)
			n++;
	return n;
}

static void
test_line(void)
{
	struct model	*m;
	struct figures	 f;
	struct scene	 s;
	struct chart_opts o;
	size_t		 i;

	chart_defaults(&o);
	/* 24 months with a null, a provisional end, a target and band. */
	m = mk(24, 2020, 2, 650, -7);
	m->inds[0].series.pts[13].has_value = false;
	m->inds[0].series.pts[23].provisional = true;
	m->inds[0].target.set = true;
	m->inds[0].target.value = 450;
	m->inds[0].target.has_amber = true;
	m->inds[0].target.amber = 480;
	figures_compute(&m->inds[0], &f);
	scene_init(&s);
	OK(chart_trend(&s, m, &m->inds[0], &f, &ms, &o));
	check_scene(&s);
	/* Two solid runs (the null breaks it) and a dashed provisional step. */
	INT_EQ(count(&s, SC_PATH, SC_ROLE_SERIES), 3);
	INT_EQ(count(&s, SC_RECT, SC_ROLE_BAND), 1);
	INT_EQ(count(&s, SC_PATH, SC_ROLE_TARGET), 1);
	/* A hollow mark for the provisional point. */
	for (i = 0; i < s.n; i++)
		if (s.items[i].kind == SC_CIRCLE && s.items[i].fill == 0xFFFFFF)
			break;
	OK(i < s.n);
	/* From zero for counts: a "0" tick label. */
	for (i = 0; i < s.n; i++)
		if (s.items[i].kind == SC_TEXT &&
		    strcmp(s.items[i].text, "0") == 0)
			break;
	OK(i < s.n);
	scene_release(&s);
	model_free(m);

	/* 60 months, huge values: still readable. */
	m = mk(60, 2017, 1, 1e6, 12345.5);
	figures_compute(&m->inds[0], &f);
	scene_init(&s);
	OK(chart_trend(&s, m, &m->inds[0], &f, &ms, &o));
	check_scene(&s);
	OK(count(&s, SC_TEXT, SC_ROLE_TICKLABEL) < 30);
	scene_release(&s);
	model_free(m);

	/* Two values: a chart.  One value: none (a figure instead). */
	m = mk(2, 2021, 12, 5, 1);
	figures_compute(&m->inds[0], &f);
	scene_init(&s);
	OK(chart_trend(&s, m, &m->inds[0], &f, &ms, &o));
	check_scene(&s);
	scene_release(&s);
	m->inds[0].series.pts[0].has_value = false;
	figures_compute(&m->inds[0], &f);
	OK(!chart_trend(&s, m, &m->inds[0], &f, &ms, &o));
	INT_EQ(s.n, 0);
	m->inds[0].chart = CHART_NONE;
	m->inds[0].series.pts[0].has_value = true;
	figures_compute(&m->inds[0], &f);
	OK(!chart_trend(&s, m, &m->inds[0], &f, &ms, &o));
	scene_release(&s);
	model_free(m);

	/* All equal and all zero. */
	m = mk(12, 2021, 1, 0, 0);
	figures_compute(&m->inds[0], &f);
	scene_init(&s);
	OK(chart_trend(&s, m, &m->inds[0], &f, &ms, &o));
	check_scene(&s);
	scene_release(&s);
	model_free(m);
}

/* The y of the latest-value label's baseline, "500". */
static double
label_y(const struct scene *s)
{
	size_t	 i;

	for (i = 0; i < s->n; i++)
		if (s->items[i].kind == SC_TEXT &&
		    s->items[i].role == SC_ROLE_LABEL &&
		    strcmp(s->items[i].text, "500") == 0)
			return s->items[i].y;
	OK(0);
	return 0;
}

/*
 * The latest value's label goes below the point when the line comes
 * down into it, but above when a comparator's point or line would run
 * through it below and nothing would above.
 */
static void
test_label_side(void)
{
	struct model	*m;
	struct figures	 f;
	struct scene	 s;
	struct chart_opts o;
	struct point	*p;
	double		 below;

	chart_defaults(&o);
	m = mk(2, 2021, 12, 512, -12);		/* 512, then 500 */
	figures_compute(&m->inds[0], &f);
	scene_init(&s);
	OK(chart_trend(&s, m, &m->inds[0], &f, &ms, &o));
	below = label_y(&s);
	scene_release(&s);

	m->comps = xcalloc(1, sizeof(*m->comps));
	m->ncomps = 1;
	m->comps[0].id = xstrdup("sn");
	m->comps[0].label = xstrdup("Statistical neighbours");
	m->inds[0].cs = xcalloc(1, sizeof(*m->inds[0].cs));
	m->inds[0].ncs = 1;
	m->inds[0].cs[0].s.npts = 1;
	p = m->inds[0].cs[0].s.pts = xcalloc(1, sizeof(struct point));
	p->pstr = xstrdup("2022-01");
	OK(period_parse("2022-01", &p->period));
	p->has_value = true;
	p->value = 480;				/* just below 500 */
	scene_init(&s);
	OK(chart_trend(&s, m, &m->inds[0], &f, &ms, &o));
	check_scene(&s);
	OK(label_y(&s) < below - 20);		/* moved above */
	scene_release(&s);

	/* In the way on both sides (a second comparator just above):
	 * the usual side. */
	m->comps = xreallocarray(m->comps, 2, sizeof(*m->comps));
	m->ncomps = 2;
	m->comps[1].id = xstrdup("en");
	m->comps[1].label = xstrdup("England");
	m->inds[0].cs = xreallocarray(m->inds[0].cs, 2,
	    sizeof(*m->inds[0].cs));
	m->inds[0].ncs = 2;
	m->inds[0].cs[1].comp = 1;
	m->inds[0].cs[1].s.npts = 1;
	p = m->inds[0].cs[1].s.pts = xcalloc(1, sizeof(struct point));
	p->pstr = xstrdup("2022-01");
	OK(period_parse("2022-01", &p->period));
	p->has_value = true;
	p->value = 520;
	scene_init(&s);
	OK(chart_trend(&s, m, &m->inds[0], &f, &ms, &o));
	check_scene(&s);
	OK(label_y(&s) == below);
	scene_release(&s);
	model_free(m);
}

static void
test_columns(void)
{
	struct model	*m;
	struct figures	 f;
	struct scene	 s;
	struct chart_opts o;

	chart_defaults(&o);
	m = mk(8, 2021, 1, 20, 3);
	m->inds[0].chart = CHART_COLUMN;
	m->inds[0].series.pts[3].has_value = false;
	figures_compute(&m->inds[0], &f);
	scene_init(&s);
	OK(chart_trend(&s, m, &m->inds[0], &f, &ms, &o));
	check_scene(&s);
	INT_EQ(count(&s, SC_RECT, SC_ROLE_BAR), 7);
	scene_release(&s);
	model_free(m);
}

static void
test_breakdown(void)
{
	struct model	*m;
	struct scene	 s;
	struct chart_opts o;
	struct breakdown *bd;
	size_t		 i;
	static const char *labels[12] = { "Foster care (in-house)",
	    "Foster care (agency)", "Placed with parents", "Residential",
	    "Independent living", "Other", "Secure units, children's homes "
	    "and semi-independent living accommodation", "A", "B", "C",
	    "D", "E" };

	chart_defaults(&o);
	m = mk(2, 2021, 1, 1, 1);
	bd = m->inds[0].breakdown = xcalloc(1, sizeof(*bd));
	bd->nitems = 12;
	bd->items = xcalloc(12, sizeof(*bd->items));
	for (i = 0; i < 12; i++) {
		bd->items[i].label = xstrdup(labels[i]);
		bd->items[i].has_value = i != 9;
		bd->items[i].value = (double)(i * 37 % 200);
	}
	scene_init(&s);
	OK(chart_breakdown(&s, &m->inds[0], &ms, &o));
	check_scene(&s);
	INT_EQ(count(&s, SC_RECT, SC_ROLE_BAR), 11);
	OK(s.h > 12 * 28);
	scene_release(&s);
	model_free(m);
}

/* Whether a text item of s holds a line break Pango would draw. */
static bool
has_break(const struct scene *s)
{
	size_t	 i;

	for (i = 0; i < s->n; i++)
		if (s->items[i].kind == SC_TEXT &&
		    (strpbrk(s->items[i].text, "\n\r\v\f") != NULL ||
		    strstr(s->items[i].text, "\xc2\x85") != NULL ||
		    strstr(s->items[i].text, "\xe2\x80\xa8") != NULL ||
		    strstr(s->items[i].text, "\xe2\x80\xa9") != NULL))
			return true;
	return false;
}

/*
 * Line breaks in a label ("\n" from Alt+Enter in a workbook cell,
 * U+2028, U+2029) are read as spaces: the label wraps at them within
 * three lines, instead of Pango drawing lines the layout did not count
 * over the next label.
 */
static void
test_label_breaks(void)
{
	struct model	*m;
	struct figures	 f;
	struct scene	 s;
	struct chart_opts o;
	struct breakdown *bd;
	size_t		 i, n;

	chart_defaults(&o);
	m = mk(12, 2021, 1, 10, 1);
	free(m->report.organisation);
	m->report.organisation = xstrdup("Northfield\nBorough\r\nCouncil");
	figures_compute(&m->inds[0], &f);
	scene_init(&s);
	OK(chart_trend(&s, m, &m->inds[0], &f, &ms, &o));
	check_scene(&s);
	OK(!has_break(&s));
	/* Too wide for one line (150 px): wrapped at the breaks. */
	for (i = n = 0; i < s.n; i++)
		if (s.items[i].kind == SC_TEXT &&
		    (strcmp(s.items[i].text, "Northfield") == 0 ||
		    strcmp(s.items[i].text, "Borough Council") == 0))
			n++;
	INT_EQ(n, 2);
	scene_release(&s);
	free(m->report.organisation);
	m->report.organisation = xstrdup("a\xe2\x80\xa8" "b\xe2\x80\xa9"
	    "c\xc2\x85" "d\ve\ff");
	scene_init(&s);
	OK(chart_trend(&s, m, &m->inds[0], &f, &ms, &o));
	check_scene(&s);
	OK(!has_break(&s));
	for (i = 0; i < s.n; i++)
		if (s.items[i].kind == SC_TEXT &&
		    strcmp(s.items[i].text, "a b c d e f") == 0)
			break;
	OK(i < s.n);
	scene_release(&s);

	/* Ten "\n": at most three lines, not eleven. */
	bd = m->inds[0].breakdown = xcalloc(1, sizeof(*bd));
	bd->nitems = 2;
	bd->items = xcalloc(2, sizeof(*bd->items));
	bd->items[0].label = xstrdup("Foster care\nin-house\n\n\n\n\n"
	    "\n\nplacements\nwith\nrelatives");
	bd->items[1].label = xstrdup("Other");
	for (i = 0; i < 2; i++) {
		bd->items[i].has_value = true;
		bd->items[i].value = (double)(i + 1);
	}
	scene_init(&s);
	OK(chart_breakdown(&s, &m->inds[0], &ms, &o));
	check_scene(&s);
	OK(!has_break(&s));
	/* Two lines of the first at this width, one of "Other". */
	INT_EQ(count(&s, SC_TEXT, SC_ROLE_TICKLABEL), 3);
	scene_release(&s);
	model_free(m);
}

static void
test_dump(void)
{
	struct model	*m;
	struct figures	 f;
	struct scene	 s;
	struct chart_opts o;
	struct buf	 b;

	chart_defaults(&o);
	m = mk(3, 2021, 11, 10, 1);
	figures_compute(&m->inds[0], &f);
	scene_init(&s);
	OK(chart_trend(&s, m, &m->inds[0], &f, &ms, &o));
	buf_init(&b);
	scene_dump(&s, &b);
	OK(strncmp(b.data, "scene 800.0 450.0\n", 18) == 0);
	OK(strstr(b.data, "text ticklabel middle 13 ") != NULL);
	OK(strstr(b.data, "\"Jan 2022\"") != NULL);
	buf_release(&b);
	scene_release(&s);
	model_free(m);
}

int
main(void)
{
	test_line();
	test_label_side();
	test_columns();
	test_breakdown();
	test_label_breaks();
	test_dump();
	return harness_done();
}
