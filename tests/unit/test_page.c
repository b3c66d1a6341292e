/* Unit tests of page.c, the page breaker: pure, so no fonts needed. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "page.h"

static double	ten[200];

static void
para(struct pblock *b, size_t lines)
{
	memset(b, 0, sizeof(*b));
	b->rowh = ten;
	b->nrows = lines;
	b->across = 1;
	b->minrows = 2;
	b->minscale = 1;
	b->before = 5;
}

/*
 * A page a little under half empty after a long block, then an
 * indicator: heading, words and chart kept together.  At full size the
 * indicator does not fit what is left; with its chart shrunk (to no
 * less than minscale) it does, so it stays, rather than leave the page
 * 45% empty.
 */
static void
test_shrink_rather_than_leave_empty(void)
{
	static double	 h550 = 550, h40 = 40, h100 = 100, h330 = 330;
	struct pblock	 b[4];
	size_t		 n;

	memset(b, 0, sizeof(b));
	for (size_t i = 0; i < 4; i++) {
		b[i].nrows = 1;
		b[i].across = 1;
		b[i].minrows = 1;
		b[i].minscale = 1;
	}
	b[0].rowh = &h550;
	b[1].rowh = &h40;		/* the heading */
	b[1].keep = true;
	b[2].rowh = &h100;		/* its words */
	b[2].keep = true;
	b[3].rowh = &h330;		/* its chart */
	b[3].minscale = 0.8;
	n = page_layout(b, 4, 1000);
	INT_EQ(n, 1);
	INT_EQ(b[1].seg[0].page, 0);
	INT_EQ(b[3].seg[0].page, 0);
	OK(b[3].scale < 1 && b[3].scale >= 0.8);
	OK(b[3].seg[0].y + 330 * b[3].scale <= 1000 + 1e-9);
	page_release(b, 4);

	/* Shrunk to 0.8 it still would not fit: the indicator goes to the
	 * next page whole, at full size. */
	b[3].minscale = 0.95;
	n = page_layout(b, 4, 1000);
	INT_EQ(n, 2);
	INT_EQ(b[1].seg[0].page, 1);
	INT_EQ(b[3].seg[0].page, 1);
	OK(b[3].scale == 1);
	page_release(b, 4);
}

/*
 * A table whose header rows take more than a third of a page: they are
 * set over its first rows only, not repeated on every page, where they
 * would leave room for few rows (or none).  A head of a third or less
 * is repeated.
 */
static void
test_tall_head_not_repeated(void)
{
	static double	 hundred[9] = { 100, 100, 100, 100, 100, 100, 100,
			     100, 100 };
	struct pblock	 b;
	size_t		 n;

	memset(&b, 0, sizeof(b));
	b.rowh = hundred;
	b.nrows = 9;
	b.across = 1;
	b.minrows = 2;
	b.minscale = 1;
	b.head = 300;
	n = page_layout(&b, 1, 600);
	INT_EQ(n, 2);
	INT_EQ(b.nseg, 2);
	OK(b.seg[0].head);
	INT_EQ(b.seg[0].n, 3);
	OK(!b.seg[1].head);
	INT_EQ(b.seg[1].page, 1);
	INT_EQ(b.seg[1].first, 3);
	INT_EQ(b.seg[1].n, 6);
	page_release(&b, 1);

	/* A head of a third of the page is repeated. */
	b.head = 200;
	n = page_layout(&b, 1, 600);
	INT_EQ(n, 3);
	OK(b.seg[0].head && b.seg[1].head && b.seg[2].head);
	INT_EQ(b.seg[0].n, 4);
	INT_EQ(b.seg[1].n, 3);
	INT_EQ(b.seg[1].y, 0);
	page_release(&b, 1);
}

int
main(void)
{
	struct pblock	 b[8];
	size_t		 n;

	for (size_t i = 0; i < 200; i++)
		ten[i] = 10;

	/* Everything fits on one page. */
	para(&b[0], 3);
	para(&b[1], 4);
	n = page_layout(b, 2, 100);
	INT_EQ(n, 1);
	INT_EQ(b[1].seg[0].page, 0);
	OK(b[1].seg[0].y == 35);		/* 30 + 5 before */
	page_release(b, 2);

	/* A paragraph splits between lines, not leaving one alone. */
	para(&b[0], 7);
	para(&b[1], 4);
	n = page_layout(b, 2, 100);
	INT_EQ(n, 2);
	INT_EQ(b[1].nseg, 2);
	INT_EQ(b[1].seg[0].n, 2);		/* 2 lines fit after 75 */
	page_release(b, 2);
	para(&b[0], 8);
	para(&b[1], 2);
	n = page_layout(b, 2, 100);
	/* 85 used: 1 line would fit, but 2 are kept together. */
	INT_EQ(b[1].nseg, 1);
	INT_EQ(b[1].seg[0].page, 1);
	OK(b[1].seg[0].y == 0);			/* no space at a page top */
	page_release(b, 2);

	/* A heading never ends a page. */
	para(&b[0], 8);
	para(&b[1], 1);
	b[1].keep = true;
	para(&b[2], 4);
	n = page_layout(b, 3, 100);
	INT_EQ(b[1].seg[0].page, 1);
	INT_EQ(b[2].seg[0].page, 1);
	page_release(b, 3);

	/* A kept group that would leave more than half a page empty:
	 * its figure shrinks to fit. */
	para(&b[0], 3);				/* 30 */
	para(&b[1], 1);				/* heading, 10 + 5 */
	b[1].keep = true;
	memset(&b[2], 0, sizeof(b[2]));
	{
		static double fig = 70;

		b[2].rowh = &fig;
		b[2].nrows = 1;
		b[2].across = 1;
		b[2].minscale = 0.7;
		b[2].before = 5;
	}
	n = page_layout(b, 3, 100);
	INT_EQ(n, 1);
	INT_EQ(b[2].seg[0].page, 0);
	OK(b[2].scale < 1 && b[2].scale >= 0.7);
	OK(b[2].seg[0].y + 70 * b[2].scale <= 100 + 1e-9);
	page_release(b, 3);

	/* ... but a group that cannot fit even shrunk, with less than
	 * half a page left, moves on whole. */
	para(&b[0], 6);				/* 60 */
	n = page_layout(b, 3, 100);
	INT_EQ(n, 2);
	INT_EQ(b[1].seg[0].page, 1);
	INT_EQ(b[2].seg[0].page, 1);
	OK(b[2].scale == 1);
	page_release(b, 3);

	/* A table repeats its head and never splits a row; its caption
	 * is set once. */
	memset(&b[0], 0, sizeof(b[0]));
	b[0].rowh = ten;
	b[0].nrows = 25;
	b[0].across = 1;
	b[0].minrows = 2;
	b[0].minscale = 1;
	b[0].cap = 10;
	b[0].head = 10;
	n = page_layout(b, 1, 100);
	INT_EQ(n, 3);				/* 8 + 9 + 8 */
	INT_EQ(b[0].nseg, 3);
	INT_EQ(b[0].seg[0].n, 8);
	INT_EQ(b[0].seg[1].n, 9);
	OK(b[0].seg[0].cap && !b[0].seg[1].cap);
	page_release(b, 1);

	/* Side by side: 3 across, 30 rows -> 10 bands on one page. */
	b[0].nrows = 30;
	b[0].across = 3;
	n = page_layout(b, 1, 200);
	INT_EQ(n, 1);
	INT_EQ(b[0].seg[0].bands, 10);
	INT_EQ(b[0].seg[0].n, 30);
	page_release(b, 1);

	/* A block taller than a page still goes out, a row a page. */
	para(&b[0], 1);
	{
		static double tall = 150;

		b[0].rowh = &tall;
	}
	n = page_layout(b, 1, 100);
	INT_EQ(n, 1);
	INT_EQ(b[0].nseg, 1);
	page_release(b, 1);
	test_shrink_rather_than_leave_empty();
	test_tall_head_not_repeated();
	return harness_done();
}
