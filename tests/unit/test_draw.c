/*
 * Unit tests for draw.c's chart PDF: runs of shapes of one paint are
 * painted by one operator (one "S" or "f" for a chart's gridlines, its
 * ticks, its marks), and nothing else is joined; runs of texts keep
 * their order.  The page's content stream is inflated and read.  And a
 * PNG's texts, simple or Pango's, where their anchors put them.
 */
#define _GNU_SOURCE		/* memmem() */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "buf.h"
#include "diag.h"
#include "draw.h"
#include "scene.h"

#include "harness.h"

static struct draw	*dr;

struct ops {
	int	 S, f, B;	/* stroke, fill, fill then stroke */
};

/* The content stream of s's one-page PDF, inflated (free it), or NULL. */
static char *
content(const struct scene *s)
{
	struct diag	 d;
	struct buf	 out;
	const char	*p, *e;
	unsigned char	*raw;
	uLongf		 rawlen = 1 << 20;
	uLong		 srclen;

	diag_init(&d, stderr, "test_draw");
	buf_init(&out);
	OK(draw_pdf(dr, s, "t.pdf", &out, &d));
	/* The first stream is the page's content. */
	p = memmem(out.data, out.len, "stream\n", 7);
	OK(p != NULL);
	if (p == NULL) {
		buf_release(&out);
		return NULL;
	}
	p += 7;
	e = memmem(p, out.len - (size_t)(p - out.data), "endstream", 9);
	OK(e != NULL);
	raw = malloc(rawlen + 1);
	OK(raw != NULL);
	srclen = e != NULL ? (uLong)(e - p) : 0;
	if (raw == NULL || uncompress2(raw, &rawlen, (const Bytef *)p,
	    &srclen) != Z_OK)
		rawlen = 0;
	OK(rawlen > 0);
	buf_release(&out);
	if (raw != NULL)
		raw[rawlen] = '\0';
	return (char *)raw;
}

/* Counts the painting operators of s's one-page PDF. */
static struct ops
count(const struct scene *s)
{
	struct ops	 o = { 0, 0, 0 };
	char		*raw, *tok, *save;

	if ((raw = content(s)) == NULL)
		return o;
	for (tok = strtok_r(raw, " \n", &save); tok != NULL;
	    tok = strtok_r(NULL, " \n", &save)) {
		if (strcmp(tok, "S") == 0)
			o.S++;
		else if (strcmp(tok, "f") == 0)
			o.f++;
		else if (strcmp(tok, "B") == 0)
			o.B++;
	}
	free(raw);
	return o;
}

static void
test_runs(void)
{
	struct scene	 s;
	struct ops	 o;

	scene_init(&s);
	s.w = 400;
	s.h = 200;
	/* Four gridlines: one stroke. */
	for (int i = 0; i < 4; i++)
		scene_line(&s, SC_ROLE_GRID, 30, 20 + 40 * i, 380, 20 + 40 * i,
		    0xDDDDDD, 1, SC_SOLID);
	/* Another colour, then another width: one stroke each. */
	scene_line(&s, SC_ROLE_AXIS, 30, 180, 380, 180, 0x505A5F, 1,
	    SC_SOLID);
	scene_line(&s, SC_ROLE_AXIS, 30, 180, 30, 185, 0x505A5F, 2,
	    SC_SOLID);
	/* Two dashed, then a dotted of the same colour and width: two. */
	scene_line(&s, SC_ROLE_TARGET, 30, 100, 380, 100, 0x3D3D3D, 1.5,
	    SC_DASHED);
	scene_line(&s, SC_ROLE_LABEL, 300, 10, 320, 10, 0x3D3D3D, 1.5,
	    SC_DASHED);
	scene_line(&s, SC_ROLE_LABEL, 300, 15, 320, 15, 0x3D3D3D, 1.5,
	    SC_DOTTED);
	/* Three marks, filled: one fill; a ringed one after them: alone. */
	for (int i = 0; i < 3; i++)
		scene_circle(&s, 50 + 20 * i, 60, 3, SC_NONE, 0x12436D, 0);
	scene_circle(&s, 120, 60, 4, 0x12436D, 0xFFFFFF, 2);
	/* Two filled rectangles of one colour: not joined (two fills). */
	scene_rect(&s, SC_ROLE_BAR, 40, 120, 20, 40, 0x12436D);
	scene_rect(&s, SC_ROLE_BAR, 60, 120, 20, 40, 0x12436D);
	/* A mark after a text: the text ends the run. */
	scene_circle(&s, 200, 60, 3, SC_NONE, 0x12436D, 0);
	scene_text(&s, SC_ROLE_LABEL, 210, 60, SC_START, 12, false, 0, "x");
	scene_circle(&s, 220, 60, 3, SC_NONE, 0x12436D, 0);
	o = count(&s);
	/* grid 1, axis 2, dashes 2; ringed mark: fill then stroke. */
	INT_EQ(o.S + o.B, 6);
	/* background 1, marks 1 + 1 + 1, ringed mark's fill unless "B",
	 * bars 2. */
	INT_EQ(o.f + o.B, 7);
	scene_release(&s);
}

/*
 * Texts in a run of one font and colour are shown together: each
 * keeps its place in the page's order, across a change of font, of
 * colour, a shape and a text left to Pango (a combining mark).
 */
static void
test_texts(void)
{
	static const char *const want[] = {
		"(ab)", "(cd)", "(EF)", "(gh)", "(ij)", "(kl)", "(mn)"
	};
	struct scene	 s;
	char		*raw;
	const char	*at, *colour;
	size_t		 i;

	scene_init(&s);
	s.w = 400;
	s.h = 200;
	scene_text(&s, SC_ROLE_TICKLABEL, 10, 20, SC_START, 12, false, 0,
	    "ab");
	scene_text(&s, SC_ROLE_TICKLABEL, 10, 40, SC_END, 12, false, 0,
	    "cd");
	scene_text(&s, SC_ROLE_LABEL, 10, 60, SC_MIDDLE, 12, true, 0, "EF");
	scene_text(&s, SC_ROLE_LABEL, 10, 80, SC_START, 12, false, 0, "gh");
	scene_text(&s, SC_ROLE_LABEL, 10, 100, SC_START, 12, false,
	    0x12436D, "ij");
	scene_line(&s, SC_ROLE_GRID, 0, 110, 100, 110, 0xDDDDDD, 1,
	    SC_SOLID);
	scene_text(&s, SC_ROLE_LABEL, 10, 120, SC_START, 12, false,
	    0x12436D, "kl");
	scene_text(&s, SC_ROLE_LABEL, 10, 140, SC_START, 12, false,
	    0x12436D, "e\xcc\x81");	/* e and a combining acute */
	scene_text(&s, SC_ROLE_LABEL, 10, 160, SC_START, 12, false,
	    0x12436D, "mn");
	raw = content(&s);
	OK(raw != NULL);
	at = raw;
	for (i = 0; at != NULL && i < sizeof(want) / sizeof(want[0]); i++) {
		at = strstr(at, want[i]);
		OK(at != NULL);
	}
	/* "ab" and "cd" in one text object, moved between them; "ij"
	 * in its own colour, set after "gh". */
	OK(raw != NULL && strstr(raw, "(ab)Tj") != NULL);
	at = raw != NULL ? strstr(raw, "(gh)") : NULL;
	colour = at != NULL ? strstr(at, "0.0705882 0.262745 0.427451 rg") :
	    NULL;
	OK(colour != NULL && colour < strstr(at, "(ij)"));
	free(raw);
	scene_release(&s);
}

/*
 * Inks in the w x h RGB image of PNG png (filter 0 on every row, as
 * pngenc writes) within the box x0..x1, y0..y1 (pixels): how many
 * pixels are darker than mid grey.
 */
static int
ink(const struct buf *png, int x0, int y0, int x1, int y1)
{
	const unsigned char *p = (const unsigned char *)png->data;
	unsigned char	*raw;
	struct buf	 idat;
	uLongf		 rawlen;
	size_t		 at = 8, n;
	uint32_t	 w = 0, h = 0;
	int		 dark = 0;

	buf_init(&idat);
	while (at + 12 <= png->len) {
		n = (size_t)p[at] << 24 | (size_t)p[at + 1] << 16 |
		    (size_t)p[at + 2] << 8 | p[at + 3];
		if (memcmp(p + at + 4, "IHDR", 4) == 0) {
			w = (uint32_t)p[at + 8] << 24 | (uint32_t)p[at + 9] << 16 |
			    (uint32_t)p[at + 10] << 8 | p[at + 11];
			h = (uint32_t)p[at + 12] << 24 | (uint32_t)p[at + 13] << 16 |
			    (uint32_t)p[at + 14] << 8 | p[at + 15];
		} else if (memcmp(p + at + 4, "IDAT", 4) == 0)
			buf_put(&idat, p + at + 8, n);
		at += 12 + n;
	}
	rawlen = (uLongf)h * (1 + 3 * (uLongf)w);
	raw = malloc(rawlen + 1);
	OK(raw != NULL && w > 0 && uncompress(raw, &rawlen,
	    (const Bytef *)idat.data, idat.len) == Z_OK);
	for (int y = y0; raw != NULL && y < y1 && y < (int)h; y++)
		for (int x = x0; x < x1 && x < (int)w; x++) {
			const unsigned char *q = raw + (size_t)y *
			    (1 + 3 * w) + 1 + 3 * (size_t)x;

			if (q[0] + q[1] + q[2] < 3 * 128)
				dark++;
		}
	free(raw);
	buf_release(&idat);
	return dark;
}

/*
 * A PNG's texts: set from the font's glyphs (simple text) or by Pango
 * (a combining mark), each at its anchor, in its colour.
 */
static void
test_png_texts(void)
{
	struct scene	 s;
	struct diag	 d;
	struct buf	 png;

	diag_init(&d, stderr, "test_draw");
	buf_init(&png);
	scene_init(&s);
	s.w = 200;
	s.h = 100;
	/* Ends at 100 (200 px at 2x), baseline 30 (60 px). */
	scene_text(&s, SC_ROLE_LABEL, 100, 30, SC_END, 14, true, 0,
	    "Label");
	/* Starts at 100, baseline 70: e and a combining acute. */
	scene_text(&s, SC_ROLE_LABEL, 100, 70, SC_START, 14, false, 0,
	    "e\xcc\x81" "e\xcc\x81");
	OK(draw_png(dr, &s, 2, "t.png", &png, &d));
	OK(ink(&png, 110, 30, 200, 62) > 50);	/* "Label" */
	INT_EQ(ink(&png, 202, 30, 400, 62), 0);	/* nothing after it */
	OK(ink(&png, 200, 110, 260, 142) > 20);	/* Pango's */
	INT_EQ(ink(&png, 0, 110, 198, 142), 0);	/* nothing before it */
	scene_release(&s);
	buf_release(&png);
}

int
main(void)
{
	dr = draw_new();
	test_runs();
	test_texts();
	test_png_texts();
	draw_free(dr);
	return harness_done();
}
