/*
 * book-int.h: what the files of the book module share (book.c,
 * bookloc.c, bookcell.c, bookhead.c, bookdetail.c, booksheet.c); not a
 * contract for anyone else (book.h is).  One struct gen holds a
 * book_load() run: the book, the JSON text being written, the table
 * from its lines to cells, scratch, and the Details and Breakdowns rows
 * with their indexes.  Everything it points to is borrowed from the
 * book, but for what book_load() frees at its end (the JSON text, the
 * line table, scratch, the rows and the copies of their ids).
 * Functions report through bk_msg(), which counts errors in g->nerr.
 * What the files share takes the bk_ prefix (book_ is book.h's API).
 */
#ifndef BOOK_INT_H
#define BOOK_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "book.h"
#include "buf.h"
#include "diag.h"
#include "period.h"

/* Where one line of the JSON text came from. */
struct loc {
	const struct sheet	*sh;	/* NULL: nowhere in particular */
	uint32_t		 row, col;	/* col 0: the whole row */
	int			 line, lcol;	/* CSV */
};

/* The fields of the Indicators sheet, and of the others. */
enum field {
	F_ID, F_CODE, F_TITLE, F_SECTION, F_UNIT, F_BETTER, F_COMMENTARY,
	F_CHART, F_TARGET, F_AMBER, F_COMPARATOR,
	F__MAX
};
/* What book_lookups() returns; each lookup's loop adds to it. */
extern unsigned long bk_ncmp;

/* Their headings, in booksheet.c. */
extern const char *const bk_fields[F__MAX];

/* A column of the Indicators sheet that is a period. */
struct pcol {
	uint32_t	 col;
	struct period	 p;
	char		 canon[32];
	const struct cell *head;
};

/* One row of the Indicators sheet. */
struct irow {
	uint32_t	 row;
	size_t		 first, n;	/* its cells in the sheet */
	const struct cell *f[F__MAX];
	size_t		 nextcomp;	/* next comparator row of the same
					   indicator, or SIZE_MAX */
	size_t		 lastcomp;	/* (own rows) the last one */
	bool		 percent;	/* unit is percent */
	bool		 skip;		/* reported: left out */
};

/* One row of the Details sheet (an extension: point fields). */
struct drow {
	const struct cell *id, *comp, *period, *note, *num, *den, *first;
	struct period	 p;
	bool		 has_p, used;
	char		*idt, *compt;	/* own: id and comparator texts */
};

/* One row of the Breakdowns sheet. */
struct brow {
	const struct cell *id, *title, *period, *label, *value, *unit, *first;
	char		*idt;		/* own: the id's text, or NULL */
};

/* A row found by its id: one entry of a sorted index. */
struct idix {
	const char	*id;
	size_t		 i;		/* the row's index */
};

struct gen {
	const char	*name;
	struct book	*b;
	struct diag	*d;
	size_t		 nerr;		/* our own errors */
	struct buf	 j;		/* the JSON text */
	struct loc	*locs;		/* [line - 1] */
	size_t		 nlocs, maxlocs;
	struct buf	 s;		/* scratch */
	const struct sheet *report, *comps, *inds, *bds, *details;
	struct drow	*dr;
	size_t		 ndr;
	struct drow	**dix;		/* dr looked up: sorted by dkey_cmp() */
	size_t		 ndix;
	struct brow	*br;
	size_t		 nbr;
	struct idix	*bix;		/* br by id, then sheet order */
	size_t		 nbix;
};

/* bookloc.c: messages at cells, the JSON text and its line table. */
void	 bk_show(struct buf *, const char *);
void	 bk_place(const struct gen *, const struct sheet *, uint32_t,
	    uint32_t, struct buf *);
void	 bk_msg(struct gen *, enum diag_level, const struct sheet *,
	    const struct cell *, uint32_t, const char *, ...)
	    __attribute__((format(printf, 6, 7)));
bool	 bk_where(void *, int, int, int *, int *, struct buf *);
void	 bk_nl(struct gen *, const struct loc *);
struct loc bk_at(const struct gen *, const struct sheet *,
	    const struct cell *, uint32_t);
void	 bk_putnum(struct buf *, double);
void	 bk_key(struct gen *, const struct loc *, const char *, int *);

/* bookcell.c: one cell as text, as a number, as JSON. */
bool	 bk_blank(const struct cell *);
const char *bk_trimmed(struct gen *, const char *);
bool	 bk_same_name(const char *, const char *);
bool	 bk_text_num(const char *, double *);
const char *bk_cell_text(struct gen *, const struct cell *);
bool	 bk_bad_cell(struct gen *, const struct sheet *,
	    const struct cell *);
void	 bk_put_cell(struct gen *, const struct sheet *,
	    const struct cell *, bool);
void	 bk_put_textcell(struct gen *, const struct sheet *,
	    const struct cell *);
void	 bk_put_rawcell(struct gen *, const struct sheet *,
	    const struct cell *);
void	 bk_put_numcell(struct gen *, const struct sheet *,
	    const struct cell *, bool);
bool	 bk_value_cell(struct gen *, const struct sheet *,
	    const struct cell *, bool, struct buf *);

/* bookhead.c: periods and dates in cells, rows, heading rows. */
bool	 bk_cell_period(struct gen *, const struct cell *, struct period *);
void	 bk_put_periodcell(struct gen *, const struct sheet *,
	    const struct cell *);
const char *bk_date_shown(struct gen *, const struct cell *);
size_t	 bk_row_end(const struct sheet *, size_t);
const struct cell *bk_row_cell(const struct sheet *, size_t, size_t,
	    uint32_t);
bool	 bk_row_blank(const struct sheet *, size_t, size_t);
size_t	 bk_headings(struct gen *, const struct sheet *,
	    const char *const *, size_t, uint32_t *, struct pcol **,
	    size_t *);

/* bookdetail.c: the Details and Breakdowns sheets, indexes by id. */
int	 bk_idix_cmp(const void *, const void *);
size_t	 bk_idix_find(const struct idix *, size_t, const char *);
struct drow *bk_detail(struct gen *, const char *, const char *,
	    const struct period *);
void	 bk_read_details(struct gen *);
void	 bk_read_breakdowns(struct gen *);
void	 bk_gen_breakdown(struct gen *, const char *, int *);

/* booksheet.c: the Report, Comparators and Indicators sheets. */
void	 bk_gen_report(struct gen *, const struct book_opts *,
	    struct pcol *, size_t);
void	 bk_gen_suppression(struct gen *);
void	 bk_gen_comparators(struct gen *);
bool	 bk_gen_indicators(struct gen *, size_t, const uint32_t *,
	    const struct pcol *, size_t);

#endif
