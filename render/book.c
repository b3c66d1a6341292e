/*
 * book: a spreadsheet as plain cells (what xlsx.c and csv.c make), and
 * book_load(), which maps the sheet layout of scorecard(1)
 * (SPREADSHEETS) into indicator JSON for the json module.  xlsx.c and
 * csv.c only turn bytes into cells; everything about what the cells
 * mean is in this module, once.  Here: the book's cells and sheets,
 * Excel's column names and date serials, finding the sheets, and
 * book_load() itself, which runs the other files of the module:
 *
 *   bookloc.c     messages at a cell, the JSON text and the table from
 *                 each of its lines to the cell it came from
 *   bookcell.c    one cell as text, a number or a value, into JSON
 *   bookhead.c    periods and dates in cells, rows, heading rows
 *   bookdetail.c  the Details and Breakdowns sheets, indexes by id
 *   booksheet.c   the Report, Comparators and Indicators sheets
 *
 * IMPLEMENTATION NOTES
 *
 * 1. Cells are sorted by row and column, sheets found by name (case and
 *    surrounding spaces ignored).
 * 2. Each sheet is read into JSON text, in the order of the contract,
 *    one value to a line.  What only a spreadsheet can get wrong (a
 *    heading that is neither a field nor a period, a value cell that is
 *    not a number, [x] or empty, a formula with no cached value, a
 *    comparator row with no indicator row above it) is reported there,
 *    at its cell, and the cell left out.
 * 3. The JSON text goes through json_load_where(), the same checks as
 *    any JSON file.  Beside the text a table gives, for each of its
 *    lines, the cell (or CSV line and column) the line came from, so
 *    the json module's messages name the cell, not the JSON path.
 *
 * Nothing in this module knows zip, XML or CSV quoting.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "book-int.h"
#include "buf.h"
#include "diag.h"
#include "json.h"
#include "model.h"
#include "period.h"
#include "util.h"

unsigned long	 bk_ncmp;

unsigned long
book_lookups(void)
{
	return bk_ncmp;
}

void
book_init(struct book *b)
{
	memset(b, 0, sizeof(*b));
}

void
book_release(struct book *b)
{
	size_t	 i, k;

	if (b == NULL)
		return;
	for (i = 0; i < b->nsheets; i++) {
		for (k = 0; k < b->sheets[i].ncells; k++)
			free(b->sheets[i].cells[k].text);
		free(b->sheets[i].cells);
		free(b->sheets[i].name);
	}
	free(b->sheets);
	memset(b, 0, sizeof(*b));
}

struct sheet *
book_sheet(struct book *b, const char *name, bool hidden)
{
	struct sheet	*s;

	if (b->nsheets == b->maxsheets) {
		b->maxsheets = b->maxsheets == 0 ? 4 : b->maxsheets * 2;
		b->sheets = xreallocarray(b->sheets, b->maxsheets,
		    sizeof(*b->sheets));
	}
	s = &b->sheets[b->nsheets++];
	memset(s, 0, sizeof(*s));
	s->name = xstrdup(name);
	s->hidden = hidden;
	return s;
}

struct cell *
book_cell(struct book *b, struct sheet *s, uint32_t row, uint32_t col)
{
	struct cell	*c;

	if (b->ncells >= BOOK_MAX_CELLS)
		return NULL;
	if (s->ncells == s->maxcells) {
		s->maxcells = s->maxcells == 0 ? 64 : s->maxcells * 2;
		s->cells = xreallocarray(s->cells, s->maxcells,
		    sizeof(*s->cells));
	}
	b->ncells++;
	c = &s->cells[s->ncells++];
	memset(c, 0, sizeof(*c));
	c->row = row;
	c->col = col;
	return c;
}

void
book_colname(struct buf *b, uint32_t col)
{
	char	 s[8];
	int	 n = 0, i;

	while (col > 0 && n < 7) {
		s[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (i = n - 1; i >= 0; i--)
		buf_putc(b, s[i]);
}

bool
book_serial_date(double v, bool date1904, int *y, int *mo, int *d)
{
	long	 days;

	if (!isfinite(v) || v < 1 || v > 200000)
		return false;
	days = (long)floor(v);
	if (date1904)
		days += period_days(1904, 1, 1);
	else {
		if (days == 60)		/* 29 February 1900, Lotus's */
			return false;
		if (days > 60)
			days--;
		days += period_days(1899, 12, 31);
	}
	period_civil(days, y, mo, d);
	return *y >= PERIOD_YEAR_MIN && *y <= PERIOD_YEAR_MAX;
}

/* Orders cells by row, then column. */
static int
cell_cmp(const void *a, const void *b)
{
	const struct cell	*x = a, *y = b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return 0;
}

bool
book_reads(const char *sheet)
{
	static const char *const known[] = { "report", "comparators",
	    "indicators", "breakdowns", "details", NULL };
	size_t	 k;

	for (k = 0; known[k] != NULL; k++)
		if (bk_same_name(sheet, known[k]))
			return true;
	return false;
}

static const struct sheet *
find_sheet(struct gen *g, const char *name)
{
	size_t	 i;

	for (i = 0; i < g->b->nsheets; i++)
		if (bk_same_name(g->b->sheets[i].name, name))
			return &g->b->sheets[i];
	return NULL;
}

/*
 * Warns about sh when an earlier sheet has its name but for case and
 * surrounding spaces ("Indicators" and " indicators "): only the first
 * is read, and the person should know which.
 */
static void
dup_sheet(struct gen *g, const struct sheet *sh)
{
	static const char *const known[] = { "report", "comparators",
	    "indicators", "breakdowns", "details" };
	const struct sheet *first[] = { g->report, g->comps, g->inds,
	    g->bds, g->details };
	struct buf	 a, b;
	size_t		 k;

	for (k = 0; k < sizeof(known) / sizeof(known[0]); k++) {
		if (first[k] == NULL || first[k] == sh ||
		    !bk_same_name(sh->name, known[k]))
			continue;
		buf_init(&a);
		buf_init(&b);
		book_quote(&a, sh->name);
		book_quote(&b, first[k]->name);
		bk_msg(g, DIAG_WARN, NULL, NULL, 0, "sheet %s not read: the "
		    "sheet %s before it has the same name but for case and "
		    "spaces, and only the first is read; rename or remove one "
		    "of them", a.data, b.data);
		buf_release(&a);
		buf_release(&b);
	}
}

bool
book_load(struct model *m, const char *name, struct book *b,
    const struct book_opts *o, struct diag *d)
{
	static const struct book_opts none;
	struct gen	 g;
	struct json_where w;
	struct model	*t, swap;
	struct pcol	*pc = NULL;
	uint32_t	 col[F__MAX];
	size_t		 i, npc = 0, start = 0;
	bool		 ok = false;

	if (o == NULL)
		o = &none;
	memset(&g, 0, sizeof(g));
	g.name = name;
	g.b = b;
	g.d = d;
	buf_init(&g.j);
	buf_init(&g.s);
	for (i = 0; i < b->nsheets; i++)
		if (b->sheets[i].ncells > 1)
			qsort(b->sheets[i].cells, b->sheets[i].ncells,
			    sizeof(struct cell), cell_cmp);
	if (b->text && b->nsheets == 1)
		g.inds = &b->sheets[0];
	else {
		g.report = find_sheet(&g, "report");
		g.comps = find_sheet(&g, "comparators");
		g.inds = find_sheet(&g, "indicators");
		g.bds = find_sheet(&g, "breakdowns");
		g.details = find_sheet(&g, "details");
		for (i = 0; i < b->nsheets; i++) {
			if (!book_reads(b->sheets[i].name) &&
			    !b->sheets[i].hidden) {
				buf_reset(&g.s);
				book_quote(&g.s, b->sheets[i].name);
				bk_msg(&g, DIAG_WARN, NULL, NULL, 0, "sheet %s "
				    "not read (scorecard reads Report, "
				    "Comparators, Indicators, Breakdowns and "
				    "Details)", g.s.data);
			}
			dup_sheet(&g, &b->sheets[i]);
		}
	}
	if (g.inds == NULL) {
		bk_msg(&g, DIAG_ERROR, NULL, NULL, 0, "no sheet named "
		    "\"Indicators\": the workbook's indicators go in a sheet "
		    "of that name (see scorecard(1), SPREADSHEETS)");
		goto out;
	}
	bk_read_details(&g);
	bk_read_breakdowns(&g);
	start = bk_headings(&g, g.inds, bk_fields, F__MAX, col, &pc, &npc);

	bk_nl(&g, NULL);
	buf_putc(&g.j, '{');
	bk_gen_report(&g, o, pc, npc);
	bk_gen_suppression(&g);
	bk_gen_comparators(&g);
	if (!bk_gen_indicators(&g, start, col, pc, npc))
		goto out;
	bk_nl(&g, NULL);
	buf_puts(&g.j, "}\n");

	if (g.j.len > JSON_MAX_BYTES) {
		/* Else json.c's "file too large" for a file that is not. */
		diag_msg(d, DIAG_ERROR, name, 0, 0, "the indicators, report "
		    "fields and notes of this file come to %zu MiB as JSON, "
		    "more than a report may hold (the limit is %u MiB)",
		    g.j.len >> 20, JSON_MAX_BYTES >> 20);
		goto out;
	}
	w.arg = &g;
	w.place = bk_where;
	t = model_new();
	ok = json_load_where(t, name, g.j.data, g.j.len, &w, d) &&
	    g.nerr == 0;
	if (ok) {
		swap = *m;
		*m = *t;
		*t = swap;
	}
	model_free(t);
out:
	free(pc);
	free(g.locs);
	for (i = 0; i < g.ndr; i++) {
		free(g.dr[i].idt);
		free(g.dr[i].compt);
	}
	free(g.dix);
	free(g.dr);
	for (i = 0; i < g.nbr; i++)
		free(g.br[i].idt);
	free(g.bix);
	free(g.br);
	buf_release(&g.j);
	buf_release(&g.s);
	return ok;
}
