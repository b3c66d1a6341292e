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

/* How often needle occurs in the n bytes of hay. */
static int
count(const char *hay, size_t n, const char *needle)
{
	size_t	 len = strlen(needle);
	int	 c = 0;

	for (size_t i = 0; i + len <= n; i++)
		if (memcmp(hay + i, needle, len) == 0)
			c++;
	return c;
}

/* The offset of needle in hay from at on, or n. */
static size_t
find(const char *hay, size_t n, size_t at, const char *needle)
{
	size_t	 len = strlen(needle);

	for (; at + len <= n; at++)
		if (memcmp(hay + at, needle, len) == 0)
			return at;
	return n;
}

/* How many elements found by needle have one MCID as their /K. */
static int
leaves(const char *hay, size_t n, const char *needle)
{
	size_t	 i, e, k;
	int	 c = 0;

	for (i = find(hay, n, 0, needle); i < n;
	    i = find(hay, n, i + 1, needle)) {
		e = find(hay, n, i, "endobj");
		k = find(hay, n, i, "/K ");
		if (k < e && hay[k + 3] >= '0' && hay[k + 3] <= '9' &&
		    find(hay, e, k, " R") == e)
			c++;
	}
	return c;
}

/*
 * A document's text with a symbol drawn as an artifact (aria-hidden in
 * the HTML): its element (here a P) holds only its words, with no Span
 * or Private element inside it, for simple and Pango texts alike; the
 * symbol is drawn by draw_doc_artifacts() in one Private element, with
 * what was drawn in the artifact mode (a rule, a link's text that is no
 * link there).  Cairo 1.16 writes the structure elements uncompressed.
 */
static void
test_doc_artifacts(void)
{
	static const char *const texts[] = {
	    "685 \xe2\x9c\x95 Red",			/* simple */
	    "caf\xc2\xad\xc3\xa9 \xe2\x9c\x95 Red" };	/* Pango's */
	struct draw_meta meta = { "T", NULL, NULL, NULL };
	struct draw_doc	*doc;
	struct draw_text *t[2], *lt;
	struct draw_span sp[3], ls;
	struct buf	 out, links;
	struct diag	 d;
	size_t		 at;

	diag_init(&d, stderr, "test_drawtext");
	for (size_t i = 0; i < 2; i++) {
		at = strstr(texts[i], "\xe2\x9c\x95") - texts[i];
		memset(sp, 0, sizeof(sp));
		sp[0].end = at;
		sp[1].start = at;
		sp[1].end = at + 3;
		sp[1].artifact = true;
		sp[2].start = at + 3;
		sp[2].end = strlen(texts[i]);
		t[i] = draw_text_new(dr, texts[i], sp, 3, 10, -1, DRAW_LEFT);
	}
	memset(&ls, 0, sizeof(ls));
	ls.end = 4;
	ls.link = "x";
	lt = draw_text_new(dr, "Link", &ls, 1, 10, -1, DRAW_LEFT);
	buf_init(&out);
	buf_init(&links);
	/* Cairo's page content uncompressed (read when the surface is
	 * made), to be read below. */
	setenv("CAIRO_DEBUG_PDF", "1", 1);
	doc = draw_doc_new(dr, 300, 200, &meta);
	unsetenv("CAIRO_DEBUG_PDF");
	draw_doc_tag(doc, "Document", NULL);
	draw_doc_dest(doc, "x", 10, 10);
	for (size_t i = 0; i < 2; i++) {
		draw_doc_tag(doc, "P", NULL);
		draw_doc_text(doc, t[i], 10, 20 + 20 * (double)i, 0, 1);
		draw_doc_end(doc, "P");
	}
	draw_doc_artifact(doc, true);
	draw_doc_rect(doc, 10, 70, 100, 1, 0xB1B4B6, SC_NONE, 0);
	draw_doc_text(doc, lt, 10, 80, 0, 1);
	draw_doc_artifact(doc, false);
	draw_doc_artifacts(doc);
	draw_doc_artifacts(doc);	/* nothing left: no element */
	draw_doc_end(doc, "Document");
	OK(draw_doc_finish(doc, &out, &links, &d));
	OK(out.len > 0);
	INT_EQ(count(out.data, out.len, "/S /P\n"), 2);
	INT_EQ(count(out.data, out.len, "/S /Private\n"), 1);
	INT_EQ(count(out.data, out.len, "/S /Span\n"), 0);
	INT_EQ(count(out.data, out.len, "/S /Link\n"), 0);
	INT_EQ(count(out.data, out.len, "/Subtype /Link"), 0);
	INT_EQ((long long)links.len, 0);
	/* Each P is a leaf: its content one MCID ("/K 0"), no kids. */
	INT_EQ(leaves(out.data, out.len, "/S /P\n"), 2);
	/* In the page's content, the symbol (a glyph of a subset that is
	 * not Latin: a hex string) is drawn after the P's, twice, in the
	 * Private element's marked content only. */
	INT_EQ(count(out.data, out.len, "/P << /MCID"), 2);
	INT_EQ(count(out.data, out.len, "/Private << /MCID"), 1);
	INT_EQ(count(out.data, out.len, ">Tj"), 2);
	OK(find(out.data, out.len, 0, ">Tj") > find(out.data, out.len, 0,
	    "/Private << /MCID"));
	OK(find(out.data, out.len, 0, ">Tj") < out.len);
	for (size_t i = 0; i < 2; i++)
		draw_text_free(t[i]);
	draw_text_free(lt);
	buf_release(&out);
	buf_release(&links);

	/* Kept, then thrown away with a discarded document: no leak. */
	doc = draw_doc_new(dr, 300, 200, &meta);
	draw_doc_artifact(doc, true);
	draw_doc_rect(doc, 10, 70, 100, 1, 0xB1B4B6, SC_NONE, 0);
	draw_doc_discard(doc);
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
	test_doc_artifacts();
	draw_free(dr);
	return harness_done();
}
