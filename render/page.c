/*
 * page: the page breaker (see page.h for the rules).  One pass over the
 * blocks, group by group: a group is a block with every kept block
 * before it.  A group that fits where it would start, at full size or
 * with its figures shrunk, is set there; one that does not goes to a
 * new page, unless that would leave more than half of this page empty:
 * then it is set block by block, breaking where it must
 * (never after a heading-like keep block when the next one could start
 * on the same page).  Rows never split; blocks split between rows.
 */
#include <assert.h>
#include <math.h>
#include <stdlib.h>

#include "page.h"
#include "util.h"

struct pager {
	double		 height;
	size_t		 page;
	double		 y;
};

static double
sum_rows(const struct pblock *b, size_t first, size_t n)
{
	double	 h = 0;

	if (b->across > 1)
		return (double)((n + b->across - 1) / b->across) *
		    b->rowh[first];
	for (size_t i = first; i < first + n; i++)
		h += b->rowh[i];
	return h;
}

/* Height of the block's start: space, caption, head, minrows rows. */
static double
start_h(const struct pblock *b, bool top, double scale)
{
	size_t	 k = b->minrows < 1 ? 1 : b->minrows;

	if (k > b->nrows)
		k = b->nrows;
	if (b->across > 1)
		k = k < b->across ? k : b->across;
	return (top ? 0 : b->before) + b->cap + b->head +
	    sum_rows(b, 0, k) * scale;
}

static double
full_h(const struct pblock *b, bool top, double scale)
{
	return (top ? 0 : b->before) + b->cap + b->head +
	    sum_rows(b, 0, b->nrows) * scale;
}

/*
 * Height of group i .. j (every block before j kept) up to the start of
 * j, from a page top or not; shrunk: its figures at their least scale.
 */
static double
group_h(const struct pblock *b, size_t i, size_t j, bool top, bool shrunk)
{
	double	 need = 0, sc;

	for (size_t k = i; k <= j; k++) {
		sc = shrunk && b[k].nrows == 1 ? fmin(b[k].minscale, 1) : 1;
		need += k < j ? full_h(&b[k], top && k == i, sc) :
		    start_h(&b[k], top && k == i, sc);
	}
	return need;
}

static void
seg_add(struct pblock *b, size_t page, double y, size_t first, size_t n,
    size_t bands, bool cap, bool head)
{
	struct pseg	*s;

	if (b->nseg == b->maxseg) {
		b->maxseg = b->maxseg == 0 ? 2 : b->maxseg * 2;
		b->seg = xreallocarray(b->seg, b->maxseg, sizeof(*b->seg));
	}
	s = &b->seg[b->nseg++];
	s->page = page;
	s->y = y;
	s->first = first;
	s->n = n;
	s->bands = bands;
	s->cap = cap;
	s->head = head;
}

static void
new_page(struct pager *p)
{
	p->page++;
	p->y = 0;
}

/*
 * Sets block b from where p is, splitting it between rows over as many
 * pages as it needs.
 */
static void
place(struct pager *p, struct pblock *b)
{
	size_t	 next = 0, k, min, across, fit, bands;
	double	 rem, room, need, head;
	bool	 cap = true;

	across = b->across < 1 ? 1 : b->across;
	min = b->minrows < 1 ? 1 : b->minrows;
	if (p->y > 0)
		p->y += b->before;
	/* A figure that does not fit shrinks as far as it may. */
	if (b->nrows == 1 && b->minscale < 1) {
		rem = p->height - p->y - b->cap - b->head;
		if (b->rowh[0] > rem && p->y > 0 &&
		    b->rowh[0] * b->minscale > rem) {
			new_page(p);
			rem = p->height - b->cap - b->head;
		}
		b->scale = b->rowh[0] <= rem ? 1 :
		    fmax(rem / b->rowh[0], b->minscale);
		seg_add(b, p->page, p->y, 0, 1, 1, true, true);
		p->y += b->cap + b->head + b->rowh[0] * b->scale;
		return;
	}
	b->scale = 1;
	while (next < b->nrows) {
		/* A tall head is set once, over the first rows. */
		head = cap || b->head <= p->height / 3 ? b->head : 0;
		room = p->height - p->y - (cap ? b->cap : 0) - head;
		/* How many rows fit here. */
		if (across > 1) {
			bands = room < b->rowh[next] ? 0 :
			    (size_t)floor(room / b->rowh[next] + 1e-9);
			fit = bands * across;
			if (fit > b->nrows - next)
				fit = b->nrows - next;
		} else {
			fit = 0;
			need = 0;
			while (next + fit < b->nrows &&
			    need + b->rowh[next + fit] <= room + 1e-9)
				need += b->rowh[next + fit++];
		}
		/* Orphans and widows: min rows on each side of a break. */
		if (fit < b->nrows - next) {
			k = b->nrows - next - fit;
			if (k < min && fit > min - k)
				fit -= min - k;
			else if (k < min)
				fit = 0;
			if (fit < min && fit < b->nrows - next)
				fit = 0;
		}
		if (fit == 0) {
			if (p->y > 0) {
				new_page(p);
				continue;
			}
			fit = across;	/* taller than a page: set anyway */
			if (fit > b->nrows - next)
				fit = b->nrows - next;
		}
		bands = (fit + across - 1) / across;
		seg_add(b, p->page, p->y, next, fit, bands, cap, head > 0);
		p->y += (cap ? b->cap : 0) + head + sum_rows(b, next, fit);
		next += fit;
		cap = false;
		if (next < b->nrows)
			new_page(p);
	}
}

size_t
page_layout(struct pblock *b, size_t n, double height)
{
	struct pager	 p = { height, 0, 0 };
	size_t		 i, j, k;
	double		 need, rem;

	for (i = 0; i < n; i = j + 1) {
		assert(b[i].nrows >= 1);
		/* The group: i .. j, every block before j kept. */
		for (j = i; j + 1 < n && b[j].keep; j++)
			;
		need = group_h(b, i, j, p.y == 0, false);
		rem = height - p.y;
		/*
		 * A group that does not fit stays if it does with its
		 * figures shrunk (place() shrinks them as far as it needs):
		 * a chart a little smaller rather than a page part empty.
		 * Otherwise it goes to a new page when less than half of
		 * this one is left, and if more is left it is set block by
		 * block below.
		 */
		if (p.y > 0 && need > rem + 1e-9 &&
		    group_h(b, i, j, false, true) > rem + 1e-9 &&
		    rem < height / 2)
			new_page(&p);
		for (k = i; k <= j; k++) {
			/* A kept block never ends a page: it moves on with
			 * the start of the next if that would not fit. */
			if (k < j && p.y > 0 && full_h(&b[k], false, 1) +
			    start_h(&b[k + 1], false, b[k + 1].nrows == 1 ?
			    fmin(b[k + 1].minscale, 1) : 1) >
			    height - p.y + 1e-9)
				new_page(&p);
			place(&p, &b[k]);
		}
	}
	return p.page + 1;
}

void
page_release(struct pblock *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(b[i].seg);
		b[i].seg = NULL;
		b[i].nseg = b[i].maxseg = 0;
	}
}
