/*
 * test_chartfiles: a render's chart files (chartfiles.h), the PNGs drawn
 * on the worker thread.  Each PNG lands in the file reserved for it
 * although files added meanwhile move the list; a chart that fails on
 * the worker is reported once, in full, naming its file, and counted
 * when collected; the charts' messages come at collect, in the charts'
 * order, after what the main thread said meanwhile; chartfiles_collect()
 * then returns false while the other charts still
 * get their files; charts drawn by chartfiles_help() beside the worker
 * are the same bytes, each once; chartfiles_release() with charts still queued (a
 * template that failed after they were) drops them (valgrind and ASan
 * check that nothing leaks; make tsan runs this under ThreadSanitizer).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../harness.h"
#include "buf.h"
#include "chartfiles.h"
#include "diag.h"
#include "draw.h"
#include "ofiles.h"
#include "scene.h"
#include "worker.h"

/* A chart w x h px: a background, a bar and a word. */
static void
chart(struct scene *s, double w, double h)
{
	scene_init(s);
	s->w = w;
	s->h = h;
	scene_rect(s, SC_ROLE_GRID, 0, 0, w, h, 0xFFFFFF);
	scene_rect(s, SC_ROLE_MARK, 10, 10, w / 2, h / 2, 0x1D70B8);
	scene_text(s, SC_ROLE_TICKLABEL, 12, h - 8, SC_START, 12, false,
	    0x0B0C0C, "Jan 2024");
}

static const struct buf *
file(const struct ofiles *of, const char *name)
{
	for (size_t i = 0; i < of->n; i++)
		if (strcmp(of->f[i].name, name) == 0)
			return &of->f[i].data;
	return NULL;
}

static bool
is_png(const struct buf *b)
{
	return b != NULL && b->len > 8 &&
	    memcmp(b->data, "\x89PNG\r\n\x1a\n", 8) == 0;
}

/* Whatever f holds from the start, as text. */
static char *
slurp(FILE *f)
{
	char	*s;
	long	 n;

	fflush(f);
	n = ftell(f);
	s = calloc(1, (size_t)n + 1);
	rewind(f);
	if (n > 0 && fread(s, 1, (size_t)n, f) != (size_t)n)
		s[0] = '\0';
	return s;
}

static void
test_fail_on_worker(void)
{
	struct chartfiles ch;
	struct ofiles	 of = { NULL, 0, 0 };
	struct diag	 d;
	struct scene	 s;
	struct buf	 svg;
	const struct buf *b;
	char		 name[32], *msg;
	FILE		*err = tmpfile();
	long		 said;
	bool		 ok;

	diag_init(&d, err, "scorecard");
	memset(&ch, 0, sizeof(ch));
	buf_init(&svg);
	chartfiles_init(&ch, "Northfield", true, &d);
	chart(&s, 320, 180);
	chartfiles_emit(&ch, &of, &s, "a", "A", "a chart", "tbl-a", &svg);
	OK(s.n == 0);			/* taken */
	/* 2 px a CSS px: 10,000 px wide, past the PNG's limit. */
	chart(&s, 5000, 50);
	chartfiles_emit(&ch, &of, &s, "b", "B", "too wide", "tbl-b", &svg);
	/* Files added while the worker draws: the list moves. */
	for (int i = 0; i < 200; i++) {
		snprintf(name, sizeof(name), "other-%d.txt", i);
		buf_puts(ofiles_add(&of, name), name);
	}
	chart(&s, 320, 180);
	chartfiles_emit(&ch, &of, &s, "c", "C", "another", "tbl-c", &svg);
	chart(&s, 50, 4500);
	chartfiles_emit(&ch, &of, &s, "d", "D", "too tall", "tbl-d", &svg);
	/* Every chart drawn: their messages are still held. */
	worker_wait(ch.w);
	diag_msg(&d, DIAG_WARN, "report.html", 0, 0, "said meanwhile");
	ok = chartfiles_collect(&ch, &of, &d);
	OK(!ok);
	INT_EQ(d.nerr, 2);
	INT_EQ(d.nwarn, 1);
	msg = slurp(err);
	STR_EQ(msg, "scorecard: report.html: warning: said meanwhile\n"
	    "scorecard: charts/b.png: error: chart of 10000x100 pixels is "
	    "out of range\n"
	    "scorecard: charts/d.png: error: chart of 100x9000 pixels is "
	    "out of range\n");
	said = ftell(err);
	free(msg);
	OK(is_png(file(&of, "charts/a.png")));
	OK(is_png(file(&of, "charts/c.png")));
	b = file(&of, "charts/b.png");
	OK(b != NULL && b->len == 0);
	b = file(&of, "charts/a.pdf");
	OK(b != NULL && b->len > 5 && memcmp(b->data, "%PDF-", 5) == 0);
	b = file(&of, "charts/c.svg");
	OK(b != NULL && b->len > 0 && strstr(b->data, "<svg") != NULL);
	b = file(&of, "other-199.txt");
	OK(b != NULL && strcmp(b->data, "other-199.txt") == 0);
	b = file(&of, "charts/d.pdf");
	OK(b != NULL && b->len == 0);
	/* Collected once: a second collect counts and says nothing again. */
	OK(chartfiles_collect(&ch, &of, &d));
	INT_EQ(d.nerr, 2);
	INT_EQ(ftell(err), said);
	chartfiles_release(&ch);
	ofiles_release(&of);
	buf_release(&svg);
	fclose(err);
}

/*
 * n charts of different widths into of; with help, chartfiles_help() on
 * this thread (its own drawing context) takes those the worker has not
 * started.  Returns how many it drew.
 */
static size_t
charts(struct ofiles *of, size_t n, bool help)
{
	struct chartfiles ch;
	struct diag	 d;
	struct scene	 s;
	struct buf	 svg;
	struct draw	*dr = draw_new();
	char		 name[32];
	size_t		 helped = 0;

	diag_init(&d, stderr, "scorecard");
	memset(&ch, 0, sizeof(ch));
	buf_init(&svg);
	chartfiles_init(&ch, "Northfield", true, &d);
	for (size_t i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "h%zu", i);
		chart(&s, 1200 + 10 * (double)i, 700);
		/* Texts of several sizes: a chart's bytes must not depend on
		 * what its drawing context drew before. */
		scene_text(&s, SC_ROLE_TICKLABEL, 40, 60, SC_START,
		    9 + (double)(i % 4) * 3, i % 2 == 0, 0x0B0C0C,
		    i % 3 == 0 ? "Apr 2024" : "12,345.6");
		chartfiles_emit(&ch, of, &s, name, name, "d", "t", &svg);
	}
	if (help)
		helped = chartfiles_help(&ch, dr);
	OK(chartfiles_collect(&ch, of, &d));
	INT_EQ(d.nerr, 0);
	chartfiles_release(&ch);
	buf_release(&svg);
	draw_free(dr);
	return helped;
}

/* Charts drawn by chartfiles_help(): each once, the same bytes. */
static void
test_help(void)
{
	struct ofiles	 a = { NULL, 0, 0 }, b = { NULL, 0, 0 };
	size_t		 helped;

	(void)charts(&a, 24, false);
	/*
	 * The worker is a chart or so ahead of this thread's first claim:
	 * some are drawn here (all of them if it has not started).  On a
	 * starved machine the worker might draw all 24 first: then the
	 * help was not tried, so try again, a few times at most.
	 */
	for (int tries = 0; ; tries++) {
		helped = charts(&b, 24, true);
		if (helped >= 1 || tries == 4)
			break;
		ofiles_release(&b);
		memset(&b, 0, sizeof(b));
	}
	OK(helped >= 1 && helped <= 24);
	INT_EQ(a.n, b.n);
	INT_EQ(a.n, 24 * 3);
	for (size_t i = 0; i < a.n && i < b.n; i++) {
		OK(strcmp(a.f[i].name, b.f[i].name) == 0);
		OK(a.f[i].data.len > 0 &&
		    a.f[i].data.len == b.f[i].data.len &&
		    memcmp(a.f[i].data.data, b.f[i].data.data,
		    a.f[i].data.len) == 0);
	}
	ofiles_release(&a);
	ofiles_release(&b);
}

/* A template that fails after the charts were queued: never collected. */
static void
test_release_queued(void)
{
	struct chartfiles ch;
	struct ofiles	 of = { NULL, 0, 0 };
	struct diag	 d;
	struct scene	 s;
	struct buf	 svg;
	char		 name[32];

	diag_init(&d, stderr, "scorecard");
	memset(&ch, 0, sizeof(ch));
	buf_init(&svg);
	chartfiles_init(&ch, "Northfield", true, &d);
	for (int i = 0; i < 40; i++) {
		snprintf(name, sizeof(name), "c%d", i);
		chart(&s, 800, 450);
		chartfiles_emit(&ch, &of, &s, name, name, "d", "t", &svg);
	}
	INT_EQ(ch.njobs, 40);
	chartfiles_release(&ch);
	INT_EQ(ch.njobs, 0);
	OK(ch.w == NULL);
	INT_EQ(d.nerr, 0);
	ofiles_release(&of);
	buf_release(&svg);
	/* Released when only zeroed: nothing to do. */
	memset(&ch, 0, sizeof(ch));
	chartfiles_release(&ch);
}

int
main(void)
{
	test_fail_on_worker();
	test_release_queued();
	test_help();
	draw_cleanup();
	return harness_done();
}
