/*
 * Unit tests of the texts of documents (drawtext.c through draw.h):
 * simple text laid out with Cairo alone (lines broken after spaces and
 * hyphens, between characters in a word wider than the line, hard at a
 * newline), and the text Pango still sets.  Needs DejaVu Sans (the
 * tests' fonts.conf).
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "draw.h"

static struct draw	*dr;

static struct draw_text *
text(const char *s, double width)
{
	return draw_text_new(dr, s, NULL, 0, 10, width, DRAW_LEFT);
}

static double
natural(const char *s)
{
	struct draw_text *t = text(s, -1);
	double		 w = draw_text_width(t);

	draw_text_free(t);
	return w;
}

/* Words wrap after spaces, never wider than the line. */
static void
test_wrap(void)
{
	struct draw_text *t;
	double		 two = natural("alpha beta"), three;

	three = natural("alpha beta gamma");
	OK(two > 0 && three > two);
	t = text("alpha beta gamma", two + 0.5);
	INT_EQ(draw_text_lines(t), 2);
	OK(draw_text_width(t) <= two + 0.5);
	OK(fabs(draw_text_width(t) - two) < 1e-6);	/* "alpha beta" */
	OK(draw_text_line_h(t, 0) > 10 && draw_text_line_h(t, 0) < 14);
	OK(draw_text_line_h(t, 0) == draw_text_line_h(t, 1));
	/* The narrowest it sets: its widest word. */
	OK(fabs(draw_text_min_width(t) - natural("gamma")) < 1e-6);
	draw_text_free(t);

	/* Wide enough: one line, as wide as the words. */
	t = text("alpha beta gamma", three + 1);
	INT_EQ(draw_text_lines(t), 1);
	OK(fabs(draw_text_width(t) - three) < 1e-6);
	draw_text_free(t);
}

/* A hyphen is a place to break; a word wider than the line breaks
 * between characters; "\n" always breaks. */
static void
test_breaks(void)
{
	struct draw_text *t;
	double		 w = natural("year-on-");

	t = text("year-on-year change", w + 0.5);
	OK(draw_text_lines(t) >= 2);
	OK(draw_text_width(t) <= w + 0.5);
	draw_text_free(t);

	t = text("Supercalifragilistic", natural("Super") + 0.5);
	OK(draw_text_lines(t) >= 4);
	OK(draw_text_width(t) <= natural("Super") + 0.5);
	draw_text_free(t);

	t = text("one\ntwo", -1);
	INT_EQ(draw_text_lines(t), 2);
	OK(fabs(draw_text_width(t) - natural("one")) < 1e-6 ||
	    fabs(draw_text_width(t) - natural("two")) < 1e-6);
	draw_text_free(t);

	t = text("", -1);
	INT_EQ(draw_text_lines(t), 1);
	OK(draw_text_width(t) == 0);
	draw_text_free(t);
}

/* A span in bigger type makes its line taller, not the others. */
static void
test_spans(void)
{
	struct draw_text *t;
	struct draw_span  sp[2];
	const char	*s = "Big and then some more words here";

	memset(sp, 0, sizeof(sp));
	sp[0].end = 3;
	sp[0].bold = true;
	sp[0].size = 20;
	sp[1].start = 3;
	sp[1].end = strlen(s);
	t = draw_text_new(dr, s, sp, 2, 10, natural("Big and then some") + 12,
	    DRAW_LEFT);
	OK(draw_text_lines(t) >= 2);
	OK(draw_text_line_h(t, 0) > draw_text_line_h(t, 1) + 5);
	draw_text_free(t);
}

/* Text that needs shaping (a combining accent) is still set, by Pango. */
static void
test_pango(void)
{
	struct draw_text *t = text("cafe\xcc\x81 au lait", -1);

	INT_EQ(draw_text_lines(t), 1);
	OK(draw_text_width(t) > natural("cafe au lai"));
	draw_text_free(t);
}

int
main(void)
{
	dr = draw_new();
	test_wrap();
	test_breaks();
	test_spans();
	test_pango();
	draw_free(dr);
	return harness_done();
}
