/*
 * book: a spreadsheet as plain cells (what xlsx.c and csv.c make), and
 * the one mapping of the sheet layout (scorecard(1), SPREADSHEETS) into
 * indicator JSON.  The JSON then meets the json module's checks like any
 * JSON input, so every rule of the JSON contract holds for a workbook;
 * messages name the sheet and cell ("Indicators!F7") or, for CSV, the
 * line and column.  No library headers.
 */
#ifndef BOOK_H
#define BOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "diag.h"
#include "model.h"

/* Limits on hostile input, beyond json.h's. */
#define	BOOK_MAX_CELLS	2000000	/* non-empty cells in a workbook */
#define	BOOK_MAX_SHEETS	256	/* sheets in a workbook */
#define	BOOK_MAX_ROW	1048576	/* Excel's own limits */
#define	BOOK_MAX_COL	16384

enum cell_type {
	CELL_EMPTY,	/* nothing, or a text of no characters */
	CELL_NUMBER,	/* num */
	CELL_TEXT,	/* text */
	CELL_BOOL,	/* num is 0 or 1 */
	CELL_ERROR,	/* text: "#N/A", "#DIV/0!" */
	CELL_NOCACHE	/* a formula with no cached value */
};

/* What a cell's number format shows, as far as the layout cares. */
enum cell_fmt {
	FMT_PLAIN,
	FMT_PERCENT,	/* 0.098 shows as 9.8% */
	FMT_MONTH,	/* a date shown without its day: mmm-yy */
	FMT_DAY		/* a date shown with its day */
};

struct cell {
	uint32_t	 row, col;	/* from 1 */
	enum cell_type	 type;
	enum cell_fmt	 fmt;
	double		 num;		/* NUMBER, BOOL */
	char		*text;		/* TEXT, ERROR: UTF-8, own; or NULL */
	int		 line, lcol;	/* CSV: where the field starts */
};

struct sheet {
	char		*name;
	bool		 hidden;
	struct cell	*cells;		/* sorted by book_load() */
	size_t		 ncells, maxcells;
};

struct book {
	struct sheet	*sheets;
	size_t		 nsheets, maxsheets;
	bool		 date1904;	/* serial 0 is 1904-01-01 */
	bool		 text;		/* CSV: places are line:col */
	size_t		 ncells;	/* in all sheets */
};

/* Report fields from the command line; NULL: not given. */
struct book_opts {
	const char	*title;
	const char	*organisation;
	const char	*period;
};

/* Makes b an empty book; release with book_release(). */
void	 book_init(struct book *b);
void	 book_release(struct book *b);
/* Adds a sheet (name copied); returns it, valid until the next add. */
struct sheet *book_sheet(struct book *b, const char *name, bool hidden);
/*
 * Adds a cell to s, zeroed but for its place; returns it, valid until
 * the next add, or NULL when b already holds BOOK_MAX_CELLS (the caller
 * reports it).  text, if set later, is owned by the book.
 */
struct cell *book_cell(struct book *b, struct sheet *s, uint32_t row,
	    uint32_t col);

/*
 * Maps b into m (empty, from model_new()) through json_load_where(),
 * with report fields from o (NULL: none),
 * reporting every problem through d with file name name.  Returns true on
 * success (warnings allowed); on failure m is left empty.  Sorts the
 * cells of b; borrows everything.
 */
bool	 book_load(struct model *m, const char *name, struct book *b,
	    const struct book_opts *o, struct diag *d);

/*
 * For tests: the comparisons book_load()'s lookups have made since the
 * program started (a row's cell by column, a Details row by its key, a
 * row by its id, a period column or comparator row seen before, and
 * the sorts of their indexes).  A test compares it for n and 4n rows,
 * so that a lookup that becomes a scan (n squared) fails without a
 * clock.
 */
unsigned long	 book_lookups(void);

/* Whether book_load() reads a sheet of this name (case and spaces aside). */
bool	 book_reads(const char *sheet);

/*
 * Text t as a JSON string literal for a message, into b: cut at 40
 * bytes on a character boundary with "..." inside the quotes, as
 * jsonmsg.c quotes keys.  For the readers' messages as for book_load()'s.
 */
void	 book_quote(struct buf *b, const char *t);

/* "A", "Z", "AA", ... for column col (1 to BOOK_MAX_COL) into b. */
void	 book_colname(struct buf *b, uint32_t col);

/*
 * Excel's date serial v into a civil date, in the 1900 system (with its
 * 29 February 1900 that never was) or the 1904 one.  Returns false for
 * a serial outside 1900 to 2199 or with a fraction of a day.
 */
bool	 book_serial_date(double v, bool date1904, int *y, int *mo, int *d);

#endif
