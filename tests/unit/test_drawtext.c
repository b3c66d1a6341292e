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
#include "buf.h"
#include "diag.h"
#include "draw.h"
#include "scene.h"

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

/*
 * A symbol drawn as an artifact (aria-hidden in the HTML) stays on the
 * line of the word after it: "! Amber" in a column as wide as "Amber",
 * not "!" on a line of its own; only if the line cannot hold both does
 * it break there, rather than inside the word.
 */
static void
test_symbol_kept(void)
{
	struct draw_text *t;
	struct draw_span  sp[2];
	const char	*s = "! Amber";

	memset(sp, 0, sizeof(sp));
	sp[0].end = 1;
	sp[0].artifact = true;
	sp[1].start = 1;
	sp[1].end = strlen(s);
	/* The narrowest it sets is the two together. */
	t = draw_text_new(dr, s, sp, 2, 10, -1, DRAW_LEFT);
	OK(fabs(draw_text_min_width(t) - natural("! Amber")) < 1e-6);
	draw_text_free(t);
	t = draw_text_new(dr, s, sp, 2, 10, natural("! Amber") + 0.5,
	    DRAW_LEFT);
	INT_EQ(draw_text_lines(t), 1);
	draw_text_free(t);
	/* Too narrow for both: the break after the symbol, two lines. */
	t = draw_text_new(dr, s, sp, 2, 10, natural("Amber") + 0.5,
	    DRAW_LEFT);
	INT_EQ(draw_text_lines(t), 2);
	OK(draw_text_width(t) <= natural("Amber") + 0.5);
	draw_text_free(t);
	/* A symbol that is text (no artifact) may stand alone. */
	t = text(s, natural("Amber") + 0.5);
	INT_EQ(draw_text_lines(t), 2);
	OK(fabs(draw_text_min_width(t) - natural("Amber")) < 1e-6);
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

/*
 * A chart's word is measured (draw_measure) as wide as a PDF draws it
 * with Cairo's glyphs, each at its font's advance: the measure neither
 * rounds glyphs to whole pixels ("iii" was 9 px measured, 10 drawn) nor
 * kerns ("AV") nor makes ligatures ("ff").
 */
static void
test_measure_simple(void)
{
	static const char *const words[] = { "iii", "AV", "AAAA", "office ffl",
	    "Jan 2021", "Statistical neighbours", "Te 1,234.5% (WAVY)",
	    "Fostering \xe2\x80\x93 \xc3\xa9t\xc3\xa9" };
	struct measure	 ms;
	struct draw_text *t;
	struct draw_span sp;
	size_t		 i;
	int		 bold;

	draw_measure(dr, &ms);
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		for (bold = 0; bold < 2; bold++) {
			memset(&sp, 0, sizeof(sp));
			sp.end = strlen(words[i]);
			sp.bold = bold;
			t = draw_text_new(dr, words[i], &sp, 1, 12, -1,
			    DRAW_LEFT);
			/* Pango keeps positions in 1/1024 px. */
			DBL_NEAR(ms.width(ms.arg, words[i], 12, bold),
			    draw_text_width(t), strlen(words[i]) / 1024.0);
			draw_text_free(t);
		}
}

/*
 * A character no font has is drawn as a box of its hex code, which Pango
 * sizes by the device scale: measured after a chart was drawn at 0.75
 * (PDF) or 2 (PNG), it came out 15 or 7 px where it was 12, and a label
 * laid out to fit ran off its chart in report.pdf.  The measure is the
 * same whatever was drawn before it.
 */
static void
test_measure_box(void)
{
	static const char box[] = "\xf0\x9f\xa7\xaa";	/* U+1F9EA */
	struct measure	 ms;
	struct scene	 s;
	struct buf	 out;
	struct diag	 d;
	double		 one;

	draw_measure(dr, &ms);
	diag_init(&d, stderr, "test_drawtext");
	buf_init(&out);
	scene_init(&s);
	s.w = 200;
	s.h = 40;
	scene_text(&s, SC_ROLE_LABEL, 190, 30, SC_END, 12, false, 0,
	    "Label \xf0\x9f\xa7\xaa\xe1\x88\x80");
	one = ms.width(ms.arg, box, 12, false);
	OK(one > 4 && one < 24);
	OK(draw_pdf(dr, &s, "t.pdf", &out, &d));
	DBL_NEAR(ms.width(ms.arg, "\xf0\x9f\xa7\xaa\xf0\x9f\xa7\xaa", 12,
	    false), 2 * one, 0.01);
	buf_reset(&out);
	OK(draw_png(dr, &s, 2, "t.png", &out, &d));
	DBL_NEAR(ms.width(ms.arg,
	    "\xf0\x9f\xa7\xaa\xf0\x9f\xa7\xaa\xf0\x9f\xa7\xaa", 12, false),
	    3 * one, 0.01);
	scene_release(&s);
	buf_release(&out);
}

int
main(void)
{
	dr = draw_new();
	test_wrap();
	test_breaks();
	test_spans();
	test_symbol_kept();
	test_pango();
	test_measure_simple();
	test_measure_box();
	draw_free(dr);
	return harness_done();
}
