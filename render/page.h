/*
 * page: breaks a column of blocks into pages.  Pure: no I/O, no
 * library, no text; the typesetter (pdf.c) measures every block first
 * and draws each where this module put it.
 *
 * A block is a run of rows that are never split (the lines of a
 * paragraph, the rows of a table, one figure), with space above it, a
 * caption set once above its first row and a head (a table's header
 * rows) set above its first row on every page it reaches.  The rules:
 *
 *   - a block marked keep is on the same page as the start of the next
 *     one (a heading never ends a page; an indicator's heading, text
 *     and chart stay together);
 *   - a block splits only between rows, with at least minrows rows (or
 *     all of them) on each side of the break;
 *   - a kept group that does not fit in what is left of a page stays
 *     there if it fits with its figures shrunk (to no less than
 *     minscale): a chart a little smaller rather than a page part empty;
 *   - a page is never left more than half empty by a keep: when a kept
 *     group does not fit even shrunk and more than half the page is
 *     left, the group is broken where it must be;
 *   - a head taller than a third of a page is set on the block's
 *     first page only (repeated, it would crowd out the rows);
 *   - rows may be set several across (across > 1: a long, narrow table
 *     in columns side by side; its rows must then all be the same
 *     height), each column read top to bottom before the next.
 */
#ifndef PAGEBRK_H
#define PAGEBRK_H

#include <stdbool.h>
#include <stddef.h>

/* Where part of a block goes. */
struct pseg {
	size_t		 page;		/* from 0 */
	double		 y;		/* top of the caption or head */
	size_t		 first, n;	/* its rows */
	size_t		 bands;		/* rows down each column */
	bool		 cap;		/* the caption is set here */
	bool		 head;		/* the head is set here */
};

struct pblock {
	/* Set by the caller. */
	double		 before;	/* space above (none at a page top) */
	double		 cap;		/* caption height: first segment */
	double		 head;		/* head height: every segment */
	const double	*rowh;		/* nrows heights (borrowed) */
	size_t		 nrows;		/* at least 1 */
	size_t		 across;	/* 1, or rows side by side */
	size_t		 minrows;	/* rows kept together at a break */
	bool		 keep;		/* on the page of the next block */
	double		 minscale;	/* a one-row figure: may shrink to
					   this (1: never) */
	/* Set by page_layout(). */
	double		 scale;		/* the figure's scale */
	struct pseg	*seg;		/* owned; page_release() */
	size_t		 nseg, maxseg;
};

/*
 * Lays n blocks out on pages height points tall.  Returns the number of
 * pages (at least 1).  Fills each block's scale and segments; release
 * them with page_release().
 */
size_t	page_layout(struct pblock *b, size_t n, double height);
void	page_release(struct pblock *b, size_t n);

#endif
