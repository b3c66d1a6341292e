/*
 * bookdetail: the two sheets of extensions, read before the indicators:
 * Details (a point's note, numerator and denominator, found by id,
 * comparator and period) and Breakdowns (an indicator's breakdown
 * items), each row found through an index sorted by id, so that a large
 * sheet costs n log n, not n squared.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "book-int.h"
#include "buf.h"
#include "diag.h"
#include "period.h"
#include "util.h"

/* Orders Details rows by id, comparator (none first) and period. */
static int
dkey_cmp(const char *id, const char *comp, const struct period *p,
    const struct drow *d)
{
	int	 c;

	if ((c = strcmp(id, d->idt)) != 0)
		return c;
	if ((comp == NULL) != (d->compt == NULL))
		return comp == NULL ? -1 : 1;
	if (comp != NULL && (c = strcmp(comp, d->compt)) != 0)
		return c;
	if (p->kind != d->p.kind)
		return p->kind < d->p.kind ? -1 : 1;
	if (p->year != d->p.year)
		return p->year < d->p.year ? -1 : 1;
	if (p->month != d->p.month)
		return p->month < d->p.month ? -1 : 1;
	if (p->day != d->p.day)
		return p->day < d->p.day ? -1 : 1;
	if (p->quarter != d->p.quarter)
		return p->quarter < d->p.quarter ? -1 : 1;
	return 0;
}

/* Sorts the index of Details rows: by key, then in sheet order. */
static int
dix_cmp(const void *a, const void *b)
{
	const struct drow *x = *(struct drow *const *)a;
	const struct drow *y = *(struct drow *const *)b;
	int	 c;

	bk_ncmp++;
	if ((c = dkey_cmp(x->idt, x->compt, &x->p, y)) != 0)
		return c;
	return x < y ? -1 : x > y;
}

/*
 * The Details row for a point (the first in the sheet, if several), or
 * NULL: a binary search of the index bk_read_details() sorted.
 */
struct drow *
bk_detail(struct gen *g, const char *id, const char *comp,
    const struct period *p)
{
	size_t	 lo = 0, hi = g->ndix, m;

	while (lo < hi) {
		bk_ncmp++;
		m = lo + (hi - lo) / 2;
		if (dkey_cmp(id, comp, p, g->dix[m]) > 0)
			lo = m + 1;
		else
			hi = m;
	}
	if (lo < g->ndix && dkey_cmp(id, comp, p, g->dix[lo]) == 0)
		return g->dix[lo];
	return NULL;
}

/* Orders an index by id, then by row. */
int
bk_idix_cmp(const void *a, const void *b)
{
	const struct idix *x = a, *y = b;
	int	 c;

	bk_ncmp++;
	if ((c = strcmp(x->id, y->id)) != 0)
		return c;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* The first entry of ix[0..n) (sorted by bk_idix_cmp()) for id, or n. */
size_t
bk_idix_find(const struct idix *ix, size_t n, const char *id)
{
	size_t	 lo = 0, hi = n, m;

	while (lo < hi) {
		bk_ncmp++;
		m = lo + (hi - lo) / 2;
		if (strcmp(ix[m].id, id) < 0)
			lo = m + 1;
		else
			hi = m;
	}
	return lo < n && strcmp(ix[lo].id, id) == 0 ? lo : n;
}

/* Reads a table sheet's rows: for each, the cells of the named columns. */
static size_t
table(struct gen *g, const struct sheet *sh, const char *const *names,
    size_t nnames, const struct cell ***rows)
{
	uint32_t	 col[8];
	size_t		 i, e, k, n = 0;

	assert(nnames <= 8);
	*rows = NULL;
	if (sh == NULL)
		return 0;
	i = bk_headings(g, sh, names, nnames, col, NULL, NULL);
	for (; i < sh->ncells; i = e) {
		e = bk_row_end(sh, i);
		if (bk_row_blank(sh, i, e))
			continue;
		if ((n & (n - 1)) == 0)		/* doubled, as bk_headings() */
			*rows = xreallocarray(*rows, (n == 0 ? 1 : n * 2) *
			    (nnames + 1), sizeof(**rows));
		for (k = 0; k < nnames; k++)
			(*rows)[n * (nnames + 1) + k] = col[k] == 0 ? NULL :
			    bk_row_cell(sh, i, e, col[k]);
		(*rows)[n * (nnames + 1) + nnames] = &sh->cells[i];
		n++;
	}
	return n;
}

void
bk_read_details(struct gen *g)
{
	static const char *const names[] = { "id", "comparator", "period",
	    "note", "numerator", "denominator" };
	const struct cell **r;
	size_t		 i, n;

	n = table(g, g->details, names, 6, &r);
	g->dr = xcalloc(n + 1, sizeof(*g->dr));
	for (i = 0; i < n; i++) {
		struct drow	*d = &g->dr[i];

		d->id = r[i * 7];
		d->comp = r[i * 7 + 1];
		d->period = r[i * 7 + 2];
		d->note = r[i * 7 + 3];
		d->num = r[i * 7 + 4];
		d->den = r[i * 7 + 5];
		d->first = r[i * 7 + 6];
		if (bk_blank(d->id) || bk_blank(d->period)) {
			bk_msg(g, DIAG_ERROR, g->details, NULL, d->first->row,
			    "a Details row needs an id and a period");
			d->used = true;
			continue;
		}
		if (!bk_bad_cell(g, g->details, d->period) &&
		    !(d->has_p = bk_cell_period(g, d->period, &d->p))) {
			bk_msg(g, DIAG_ERROR, g->details, d->period, 0,
			    "expected a period (2022-01, Jan 2022, 2021/22 "
			    "Q2, 2021/22, 2020, 2022-02-15, or a date)");
			d->used = true;
		}
	}
	g->ndr = n;
	free(r);
	/* An index, so that each point finds its row in log n. */
	g->dix = xcalloc(n + 1, sizeof(*g->dix));
	for (i = 0; i < n; i++) {
		struct drow	*d = &g->dr[i];
		const char	*t;

		if (!d->has_p || (t = bk_cell_text(g, d->id)) == NULL)
			continue;
		d->idt = xstrdup(t);
		if ((t = bk_cell_text(g, d->comp)) != NULL)
			d->compt = xstrdup(t);
		g->dix[g->ndix++] = d;
	}
	qsort(g->dix, g->ndix, sizeof(*g->dix), dix_cmp);
}

void
bk_read_breakdowns(struct gen *g)
{
	static const char *const names[] = { "id", "title", "period",
	    "label", "value", "unit" };
	const struct cell **r;
	size_t		 i, n;

	n = table(g, g->bds, names, 6, &r);
	g->br = xcalloc(n + 1, sizeof(*g->br));
	for (i = 0; i < n; i++) {
		g->br[i].id = r[i * 7];
		g->br[i].title = r[i * 7 + 1];
		g->br[i].period = r[i * 7 + 2];
		g->br[i].label = r[i * 7 + 3];
		g->br[i].value = r[i * 7 + 4];
		g->br[i].unit = r[i * 7 + 5];
		g->br[i].first = r[i * 7 + 6];
		if (bk_blank(g->br[i].id)) {
			bk_msg(g, DIAG_ERROR, g->bds, NULL, g->br[i].first->row,
			    "a Breakdowns row with no indicator id");
			g->br[i].id = NULL;
		}
	}
	g->nbr = n;
	free(r);
	/* An index by id, so that each indicator finds its rows fast. */
	g->bix = xcalloc(n + 1, sizeof(*g->bix));
	for (i = 0; i < n; i++) {
		const char	*t;

		if (g->br[i].id == NULL ||
		    (t = bk_cell_text(g, g->br[i].id)) == NULL)
			continue;
		g->br[i].idt = xstrdup(t);
		g->bix[g->nbix].id = g->br[i].idt;
		g->bix[g->nbix++].i = i;
	}
	qsort(g->bix, g->nbix, sizeof(*g->bix), bk_idix_cmp);
}

/* The Breakdowns rows of indicator id into "breakdown", if any. */
void
bk_gen_breakdown(struct gen *g, const char *id, int *n)
{
	const struct sheet *sh = g->bds;
	const struct cell *title = NULL, *period = NULL, *unit = NULL;
	struct buf	 v;
	struct loc	 l;
	size_t		 i, x, x0, first = SIZE_MAX;
	int		 bn = 0, in = 0;

	/* The rows of id, in sheet order, from the index. */
	x0 = bk_idix_find(g->bix, g->nbix, id);
	for (x = x0; x < g->nbix && strcmp(g->bix[x].id, id) == 0; x++) {
		i = g->bix[x].i;
		if (g->br[i].id == NULL)
			continue;
		if (first == SIZE_MAX)
			first = i;
		if (title == NULL && !bk_blank(g->br[i].title))
			title = g->br[i].title;
		if (period == NULL && !bk_blank(g->br[i].period))
			period = g->br[i].period;
		if (unit == NULL && !bk_blank(g->br[i].unit))
			unit = g->br[i].unit;
	}
	if (first == SIZE_MAX)
		return;
	l = bk_at(g, sh, g->br[first].first, 0);
	bk_key(g, &l, "breakdown", n);
	buf_putc(&g->j, '{');
	if (title != NULL) {
		l = bk_at(g, sh, title, 0);
		bk_key(g, &l, "title", &bn);
		bk_put_rawcell(g, sh, title);
	}
	if (period != NULL) {
		l = bk_at(g, sh, period, 0);
		bk_key(g, &l, "period", &bn);
		bk_put_periodcell(g, sh, period);
	}
	if (unit != NULL) {
		l = bk_at(g, sh, unit, 0);
		bk_key(g, &l, "unit", &bn);
		bk_put_textcell(g, sh, unit);
	}
	bk_key(g, &l, "items", &bn);
	buf_putc(&g->j, '[');
	buf_init(&v);
	for (x = x0; x < g->nbix && strcmp(g->bix[x].id, id) == 0; x++) {
		i = g->bix[x].i;
		if (g->br[i].id == NULL)
			continue;
		g->br[i].id = NULL;		/* used */
		if (in++ > 0)
			buf_putc(&g->j, ',');
		l = bk_at(g, sh, g->br[i].first, 0);
		bk_nl(g, &l);
		buf_putc(&g->j, '{');
		bn = 0;
		if (!bk_blank(g->br[i].label)) {
			l = bk_at(g, sh, g->br[i].label, 0);
			bk_key(g, &l, "label", &bn);
			bk_put_rawcell(g, sh, g->br[i].label);
		}
		buf_reset(&v);
		if (bk_value_cell(g, sh, g->br[i].value, false, &v)) {
			l = bk_at(g, sh, g->br[i].value, 0);
			if (bn++ > 0)
				buf_putc(&g->j, ',');
			bk_nl(g, &l);
			buf_puts(&g->j, v.data);
		}
		buf_putc(&g->j, '}');
	}
	buf_release(&v);
	buf_puts(&g->j, "]}");
}
