/*
 * booksheet: the Report, Comparators and Indicators sheets into the
 * JSON text: report fields (and those of the command line), the
 * suppression row, comparators, and each indicator with its series,
 * its comparators' rows and its breakdown, in the contract's order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "book-int.h"
#include "buf.h"
#include "diag.h"
#include "json.h"
#include "period.h"
#include "util.h"
const char *const bk_fields[F__MAX] = {
	"id", "code", "title", "section", "unit", "better", "commentary",
	"chart", "target", "amber", "comparator"
};

/* Where row r (its first cell) is, as "row 7" or, in CSV, "line 9". */
static const char *
rowref(struct gen *g, const struct irow *r)
{
	buf_reset(&g->s);
	if (g->b->text)
		buf_printf(&g->s, "line %d", g->inds->cells[r->first].line);
	else
		buf_printf(&g->s, "row %u", (unsigned)r->row);
	return g->s.data;
}

/* The Report sheet and the options into "report". */
void
bk_gen_report(struct gen *g, const struct book_opts *o, struct pcol *pc,
    size_t npc)
{
	static const char *const names[] = { "title", "organisation",
	    "period", "published", "introduction", "contact", NULL };
	const struct sheet *sh = g->report;
	const struct cell *f[6], *v;
	const char	*opt[6];
	struct loc	 l;
	size_t		 i, e, k;
	int		 n = 0;
	char		 latest[32];

	memset(f, 0, sizeof(f));
	memset(opt, 0, sizeof(opt));
	opt[0] = o->title;
	opt[1] = o->organisation;
	opt[2] = o->period;
	for (i = 0; sh != NULL && i < sh->ncells; i = e) {
		e = bk_row_end(sh, i);
		if (bk_row_blank(sh, i, e))
			continue;
		v = bk_row_cell(sh, i, e, 1);
		if (v == NULL || v->type != CELL_TEXT || bk_blank(v)) {
			bk_msg(g, DIAG_WARN, sh, NULL, sh->cells[i].row,
			    "no field name in column A; row ignored");
			continue;
		}
		for (k = 0; names[k] != NULL; k++)
			if (bk_same_name(v->text, names[k]))
				break;
		if (names[k] == NULL) {
			if (bk_same_name(v->text, "suppression"))
				continue;	/* bk_gen_suppression() */
			if (!bk_same_name(v->text, "field"))
				bk_msg(g, DIAG_WARN, sh, v, 0, "field %s not "
				    "known, row ignored", bk_trimmed(g, v->text));
			continue;
		}
		if (f[k] != NULL) {
			bk_msg(g, DIAG_ERROR, sh, v, 0, "\"%s\" given twice "
			    "(first in row %u)", names[k], f[k]->row);
			continue;
		}
		f[k] = bk_row_cell(sh, i, e, 2);
		if (f[k] == NULL || bk_blank(f[k])) {
			f[k] = NULL;
			continue;
		}
	}
	/* A CSV file's reporting period: its latest period column. */
	if (opt[2] == NULL && f[2] == NULL && g->b->text && npc > 0) {
		for (i = 1, k = 0; i < npc; i++)
			if (period_cmp(&pc[i].p, &pc[k].p) > 0)
				k = i;
		opt[2] = period_canon(&pc[k].p, latest, sizeof(latest));
	}
	l = bk_at(g, sh, NULL, 1);
	bk_key(g, sh != NULL ? &l : NULL, "report", &(int){ 0 });
	buf_putc(&g->j, '{');
	for (k = 0; names[k] != NULL; k++) {
		if (opt[k] != NULL) {
			bk_key(g, NULL, names[k], &n);
			buf_putjson(&g->j, opt[k]);
		} else if (f[k] != NULL) {
			l = bk_at(g, sh, f[k], 0);
			bk_key(g, &l, names[k], &n);
			if (k == 2 || k == 3)
				bk_put_periodcell(g, sh, f[k]);
			else
				bk_put_rawcell(g, sh, f[k]);
		} else if (k < 3 && g->b->text) {
			/* In the user's terms, not the json module's. */
			bk_msg(g, DIAG_ERROR, NULL, NULL, 0, "no report %s: a "
			    "CSV file holds the indicators only; give it "
			    "with --%s", names[k], names[k]);
			bk_key(g, NULL, names[k], &n);
			buf_putjson(&g->j, k == 2 ? "2000" : "-");
		}
	}
	buf_putc(&g->j, '}');
}

/* The Report sheet's "suppression" row (an extension). */
void
bk_gen_suppression(struct gen *g)
{
	const struct sheet *sh = g->report;
	const struct cell *v, *c;
	struct loc	 l;
	size_t		 i, e;
	const char	*t;
	double		 x;

	for (i = 0; sh != NULL && i < sh->ncells; i = e) {
		e = bk_row_end(sh, i);
		v = bk_row_cell(sh, i, e, 1);
		if (v == NULL || v->type != CELL_TEXT ||
		    !bk_same_name(v->text, "suppression"))
			continue;
		c = bk_row_cell(sh, i, e, 2);
		if (bk_blank(c) || bk_bad_cell(g, sh, c))
			return;
		l = bk_at(g, sh, c, 0);
		bk_key(g, &l, "suppression", &(int){ 1 });
		t = bk_cell_text(g, c);
		if (c->type == CELL_BOOL)
			buf_puts(&g->j, c->num != 0 ? "true" : "false");
		else if (bk_same_name(t, "off") || bk_same_name(t, "false") ||
		    bk_same_name(t, "no"))
			buf_puts(&g->j, "false");
		else if (bk_same_name(t, "on") || bk_same_name(t, "true") ||
		    bk_same_name(t, "yes"))
			buf_puts(&g->j, "true");
		else if (bk_text_num(t, &x)) {
			buf_puts(&g->j, "{\"threshold\":");
			bk_putnum(&g->j, x);
			buf_putc(&g->j, '}');
		} else
			buf_putjson(&g->j, t);
		return;
	}
}

/* The Comparators sheet into "comparators". */
void
bk_gen_comparators(struct gen *g)
{
	const struct sheet *sh = g->comps;
	const struct cell *id, *label;
	struct loc	 l;
	struct idix	*ix;
	size_t		 i, e, x, nix = 0;
	int		 n = 0;
	bool		 first = true;
	const char	*t;

	if (sh == NULL)
		return;
	/*
	 * The ids by text, then place: a second row of an id is reported
	 * at its cell, naming the first (not left to JSON's duplicate key,
	 * which names a line of the JSON equivalent).
	 */
	ix = xcalloc(sh->ncells + 1, sizeof(*ix));
	for (i = 0; i < sh->ncells; i = e) {
		e = bk_row_end(sh, i);
		if (bk_row_blank(sh, i, e))
			continue;
		id = bk_row_cell(sh, i, e, 1);
		if (first && id != NULL && id->type == CELL_TEXT &&
		    bk_same_name(id->text, "id")) {
			first = false;
			continue;
		}
		first = false;
		if (bk_blank(id) || id->type == CELL_ERROR ||
		    id->type == CELL_NOCACHE || (t = bk_cell_text(g, id)) == NULL)
			continue;
		ix[nix].id = xstrdup(t);
		ix[nix++].i = (size_t)(id - sh->cells);
	}
	qsort(ix, nix, sizeof(*ix), bk_idix_cmp);
	first = true;
	l = bk_at(g, sh, NULL, 1);
	bk_key(g, &l, "comparators", &(int){ 1 });
	buf_putc(&g->j, '{');
	for (i = 0; i < sh->ncells; i = e) {
		e = bk_row_end(sh, i);
		if (bk_row_blank(sh, i, e))
			continue;
		id = bk_row_cell(sh, i, e, 1);
		label = bk_row_cell(sh, i, e, 2);
		if (first && id != NULL && id->type == CELL_TEXT &&
		    bk_same_name(id->text, "id")) {
			first = false;
			continue;		/* the heading row */
		}
		first = false;
		if (bk_blank(id)) {
			bk_msg(g, DIAG_ERROR, sh, NULL, sh->cells[i].row,
			    "no comparator id in column A");
			continue;
		}
		if (bk_bad_cell(g, sh, id))
			continue;
		if ((t = bk_cell_text(g, id)) != NULL &&
		    (x = bk_idix_find(ix, nix, t)) < nix &&
		    ix[x].i != (size_t)(id - sh->cells)) {
			struct buf	 fp;

			buf_init(&fp);
			book_colname(&fp, sh->cells[ix[x].i].col);
			buf_printf(&fp, "%u", (unsigned)sh->cells[ix[x].i].row);
			bk_msg(g, DIAG_ERROR, sh, id, 0, "a second row for "
			    "comparator \"%s\" (the first is %s)", ix[x].id,
			    fp.data);
			buf_release(&fp);
			continue;
		}
		l = bk_at(g, sh, id, 0);
		bk_key(g, &l, bk_cell_text(g, id), &n);
		if (label == NULL)
			l = bk_at(g, sh, NULL, id->row);
		else
			l = bk_at(g, sh, label, 0);
		bk_nl(g, &l);
		if (label == NULL)
			buf_puts(&g->j, "\"\"");
		else
			bk_put_rawcell(g, sh, label);
	}
	buf_putc(&g->j, '}');
	for (x = 0; x < nix; x++)
		free((char *)ix[x].id);
	free(ix);
}

/* One series: the value cells of row r under the period columns. */
static void
gen_series(struct gen *g, const struct irow *r, const struct pcol *pc,
    size_t npc, bool percent, const char *id, const char *comp)
{
	const struct sheet *sh = g->inds;
	const struct cell *c;
	struct drow	*dr;
	struct buf	 v;
	struct loc	 l;
	size_t		 k;
	int		 n = 0, pn;
	char		*cid, *ccomp;

	cid = xstrdup(id);
	ccomp = comp != NULL ? xstrdup(comp) : NULL;
	buf_init(&v);
	buf_putc(&g->j, '[');
	for (k = 0; k < npc; k++) {
		c = bk_row_cell(sh, r->first, r->first + r->n, pc[k].col);
		buf_reset(&v);
		if (!bk_value_cell(g, sh, c, percent, &v))
			continue;
		if (n++ > 0)
			buf_putc(&g->j, ',');
		l = bk_at(g, sh, c, 0);
		bk_nl(g, &l);
		buf_putc(&g->j, '{');
		pn = 1;
		l = bk_at(g, sh, pc[k].head, 0);
		bk_nl(g, &l);
		buf_puts(&g->j, "\"period\":");
		buf_putjson(&g->j, pc[k].canon);
		l = bk_at(g, sh, c, 0);
		bk_key(g, &l, "value", &pn);
		buf_puts(&g->j, v.data + strlen("\"value\":"));
		if ((dr = bk_detail(g, cid, ccomp, &pc[k].p)) != NULL) {
			dr->used = true;
			if (!bk_blank(dr->note)) {
				l = bk_at(g, g->details, dr->note, 0);
				bk_key(g, &l, "note", &pn);
				bk_put_rawcell(g, g->details, dr->note);
			}
			if (!bk_blank(dr->num)) {
				l = bk_at(g, g->details, dr->num, 0);
				bk_key(g, &l, "numerator", &pn);
				bk_put_numcell(g, g->details, dr->num, false);
			}
			if (!bk_blank(dr->den)) {
				l = bk_at(g, g->details, dr->den, 0);
				bk_key(g, &l, "denominator", &pn);
				bk_put_numcell(g, g->details, dr->den, false);
			}
		}
		buf_putc(&g->j, '}');
	}
	buf_putc(&g->j, ']');
	buf_release(&v);
	free(cid);
	free(ccomp);
}

/* A comparator row by its indicator's own row and its comparator. */
struct cix {
	size_t		 own;
	char		*comp;		/* own: the comparator's text */
	size_t		 i;		/* the row */
};

static int
cix_cmp(const void *a, const void *b)
{
	const struct cix *x = a, *y = b;
	int	 c;

	bk_ncmp++;
	if (x->own != y->own)
		return x->own < y->own ? -1 : 1;
	if ((c = strcmp(x->comp, y->comp)) != 0)
		return c;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* The first row of ix[0..n) for comparator comp of own row own. */
static size_t
cix_first(const struct cix *ix, size_t n, size_t own, const char *comp)
{
	struct cix	 key = { own, (char *)comp, 0 };
	size_t		 lo = 0, hi = n, m;

	while (lo < hi) {
		m = lo + (hi - lo) / 2;
		if (cix_cmp(&ix[m], &key) < 0)
			lo = m + 1;
		else
			hi = m;
	}
	return lo < n && ix[lo].own == own && strcmp(ix[lo].comp, comp) == 0 ?
	    ix[lo].i : SIZE_MAX;
}

/*
 * The Indicators sheet (from index start, after its headings).  Returns
 * false, having reported it, if it has more rows than indicators allowed.
 */
bool
bk_gen_indicators(struct gen *g, size_t start, const uint32_t *col,
    const struct pcol *pc, size_t npc)
{
	const struct sheet *sh = g->inds;
	struct irow	*r = NULL;
	char		*seen = NULL;
	struct idix	*ix;
	struct cix	*cx;
	size_t		 ncx = 0;
	struct loc	 l;
	size_t		 nr = 0, nix = 0, nown = 0, i, e, k, own, j, x;
	int		 n, cn, in = 0;
	const char	*t;
	char		*id, *comp;

	seen = xcalloc(BOOK_MAX_COL + 1, 1);
	for (k = 0; k < F__MAX; k++)
		if (col[k] <= BOOK_MAX_COL)
			seen[col[k]] = 1;
	for (k = 0; k < npc; k++)
		seen[pc[k].col] = 1;
	for (i = 0; i < start; i++)	/* headings reported already */
		if (sh->cells[i].row == sh->cells[start > 0 ?
		    start - 1 : 0].row && sh->cells[i].col <= BOOK_MAX_COL)
			seen[sh->cells[i].col] = 1;
	for (i = start; i < sh->ncells; i = e) {
		e = bk_row_end(sh, i);
		if (bk_row_blank(sh, i, e))
			continue;
		if ((nr & (nr - 1)) == 0)	/* doubled, as bk_headings() */
			r = xreallocarray(r, nr == 0 ? 1 : nr * 2,
			    sizeof(*r));
		memset(&r[nr], 0, sizeof(r[nr]));
		r[nr].row = sh->cells[i].row;
		r[nr].first = i;
		r[nr].n = e - i;
		r[nr].nextcomp = r[nr].lastcomp = SIZE_MAX;
		for (k = 0; k < F__MAX; k++)
			if (col[k] != 0) {
				r[nr].f[k] = bk_row_cell(sh, i, e, col[k]);
				if (bk_blank(r[nr].f[k]))
					r[nr].f[k] = NULL;
			}
		for (j = i; j < e; j++)
			if (sh->cells[j].col <= BOOK_MAX_COL &&
			    !seen[sh->cells[j].col] && !bk_blank(&sh->cells[j])) {
				seen[sh->cells[j].col] = 1;
				bk_msg(g, DIAG_ERROR, sh, &sh->cells[j], 0,
				    "a value in a column with no heading");
			}
		if (r[nr].f[F_COMPARATOR] == NULL &&
		    ++nown > JSON_MAX_INDICATORS) {
			/* Checked before anything costs more than a row. */
			bk_msg(g, DIAG_ERROR, sh, NULL, r[nr].row, "too many "
			    "indicators (the limit is %d)",
			    JSON_MAX_INDICATORS);
			free(seen);
			free(r);
			return false;
		}
		nr++;
	}
	free(seen);

	/*
	 * Own rows (no comparator) by id, then row: the first of an id is
	 * its indicator's own row.
	 */
	ix = xcalloc(nr + 1, sizeof(*ix));
	for (i = 0; i < nr; i++) {
		if (r[i].f[F_COMPARATOR] != NULL ||
		    (t = bk_cell_text(g, r[i].f[F_ID])) == NULL)
			continue;
		ix[nix].id = xstrdup(t);
		ix[nix++].i = i;
	}
	qsort(ix, nix, sizeof(*ix), bk_idix_cmp);

	/* One own row an indicator. */
	for (i = 0; i < nr; i++) {
		if (r[i].f[F_COMPARATOR] != NULL ||
		    (t = bk_cell_text(g, r[i].f[F_ID])) == NULL)
			continue;
		id = xstrdup(t);
		own = ix[bk_idix_find(ix, nix, id)].i;
		if (own < i) {
			bk_msg(g, DIAG_ERROR, sh, r[i].f[F_ID], 0, "a second "
			    "row for indicator \"%s\" (the first is %s); "
			    "a comparator's row names the comparator in the "
			    "comparator column", id, rowref(g, &r[own]));
			r[i].skip = true;
		}
		free(id);
	}
	/*
	 * The comparator rows that can join an indicator, by own row and
	 * comparator, so that a second row for one is found in log n (a
	 * walk of the rows joined so far was quadratic in one indicator's
	 * comparator rows).
	 */
	cx = xcalloc(nr + 1, sizeof(*cx));
	for (i = 0; i < nr && !g->b->text; i++) {
		if (r[i].f[F_COMPARATOR] == NULL ||
		    (t = bk_cell_text(g, r[i].f[F_ID])) == NULL ||
		    (x = bk_idix_find(ix, nix, t)) == nix || ix[x].i >= i ||
		    (t = bk_cell_text(g, r[i].f[F_COMPARATOR])) == NULL)
			continue;
		cx[ncx].own = ix[x].i;
		cx[ncx].comp = xstrdup(t);
		cx[ncx++].i = i;
	}
	qsort(cx, ncx, sizeof(*cx), cix_cmp);

	/* Comparator rows join the own row of the same id above them. */
	for (i = 0; i < nr; i++) {
		if (r[i].f[F_COMPARATOR] == NULL)
			continue;
		t = bk_cell_text(g, r[i].f[F_ID]);
		id = t != NULL ? xstrdup(t) : NULL;
		own = i;
		if (id != NULL && (x = bk_idix_find(ix, nix, id)) < nix &&
		    ix[x].i < i)
			own = ix[x].i;
		if (g->b->text) {
			bk_msg(g, DIAG_ERROR, sh, r[i].f[F_COMPARATOR], 0,
			    "a CSV file cannot hold comparators (they are "
			    "declared in a workbook's Comparators sheet); "
			    "remove the row or use a workbook");
			free(id);
			continue;
		}
		if (id == NULL || own == i) {
			bk_msg(g, DIAG_ERROR, sh, r[i].f[F_COMPARATOR], 0,
			    "a comparator row needs the id of an indicator "
			    "whose own row (with no comparator) is above it");
			free(id);
			continue;
		}
		/* An error value names no comparator (it had no text). */
		if (bk_bad_cell(g, sh, r[i].f[F_COMPARATOR])) {
			free(id);
			continue;
		}
		comp = xstrdup(bk_cell_text(g, r[i].f[F_COMPARATOR]));
		if ((j = cix_first(cx, ncx, own, comp)) == i)
			j = SIZE_MAX;		/* the first: it joins */
		if (j != SIZE_MAX)
			bk_msg(g, DIAG_ERROR, sh, r[i].f[F_COMPARATOR], 0,
			    "a second row for comparator \"%s\" of \"%s\" "
			    "(the first is %s)", comp, id, rowref(g, &r[j]));
		else {
			if (r[own].lastcomp == SIZE_MAX)
				r[own].nextcomp = i;
			else
				r[r[own].lastcomp].nextcomp = i;
			r[own].lastcomp = i;
		}
		for (k = 0; k < F__MAX; k++)
			if (k != F_ID && k != F_COMPARATOR &&
			    r[i].f[k] != NULL) {
				bk_msg(g, DIAG_WARN, sh, r[i].f[k], 0, "ignored: "
				    "a comparator row takes its %s from the "
				    "indicator's own row", bk_fields[k]);
			}
		free(comp);
		free(id);
	}

	l = bk_at(g, sh, NULL, 1);
	bk_key(g, &l, "indicators", &(int){ 1 });
	buf_putc(&g->j, '[');
	for (i = 0; i < nr; i++) {
		if (r[i].f[F_COMPARATOR] != NULL || r[i].skip)
			continue;
		if (in++ > 0)
			buf_putc(&g->j, ',');
		l = bk_at(g, sh, NULL, r[i].row);
		bk_nl(g, &l);
		buf_putc(&g->j, '{');
		n = 0;
		t = bk_cell_text(g, r[i].f[F_UNIT]);
		r[i].percent = t != NULL && strcmp(t, "percent") == 0;
		for (k = 0; k < F__MAX; k++) {
			if (r[i].f[k] == NULL || k == F_TARGET ||
			    k == F_AMBER || k == F_COMPARATOR)
				continue;
			l = bk_at(g, sh, r[i].f[k], 0);
			bk_key(g, &l, bk_fields[k], &n);
			bk_put_cell(g, sh, r[i].f[k], k == F_TITLE ||
			    k == F_SECTION || k == F_COMMENTARY);
		}
		if (r[i].f[F_TARGET] != NULL && r[i].f[F_AMBER] == NULL) {
			l = bk_at(g, sh, r[i].f[F_TARGET], 0);
			bk_key(g, &l, "target", &n);
			bk_put_numcell(g, sh, r[i].f[F_TARGET], r[i].percent);
		} else if (r[i].f[F_AMBER] != NULL) {
			cn = 0;
			l = bk_at(g, sh, r[i].f[F_AMBER], 0);
			bk_key(g, &l, "target", &n);
			buf_putc(&g->j, '{');
			if (r[i].f[F_TARGET] != NULL) {
				l = bk_at(g, sh, r[i].f[F_TARGET], 0);
				bk_key(g, &l, "value", &cn);
				bk_put_numcell(g, sh, r[i].f[F_TARGET],
				    r[i].percent);
			}
			l = bk_at(g, sh, r[i].f[F_AMBER], 0);
			bk_key(g, &l, "amber", &cn);
			bk_put_numcell(g, sh, r[i].f[F_AMBER], r[i].percent);
			buf_putc(&g->j, '}');
		}
		t = bk_cell_text(g, r[i].f[F_ID]);
		id = xstrdup(t != NULL ? t : "");
		l = bk_at(g, sh, NULL, r[i].row);
		bk_key(g, &l, "series", &n);
		gen_series(g, &r[i], pc, npc, r[i].percent, id, NULL);
		if (r[i].nextcomp != SIZE_MAX) {
			bk_key(g, &l, "comparators", &n);
			buf_putc(&g->j, '{');
			cn = 0;
			for (j = r[i].nextcomp; j != SIZE_MAX;
			    j = r[j].nextcomp) {
				comp = xstrdup(bk_cell_text(g,
				    r[j].f[F_COMPARATOR]));
				l = bk_at(g, sh, r[j].f[F_COMPARATOR], 0);
				bk_key(g, &l, comp, &cn);
				gen_series(g, &r[j], pc, npc, r[i].percent, id,
				    comp);
				free(comp);
			}
			buf_putc(&g->j, '}');
		}
		bk_gen_breakdown(g, id, &n);
		free(id);
		buf_putc(&g->j, '}');
	}
	buf_putc(&g->j, ']');

	for (i = 0; i < g->nbr; i++)
		if (g->br[i].id != NULL)
			bk_msg(g, DIAG_ERROR, g->bds, g->br[i].id, 0, "no "
			    "indicator with this id in the Indicators sheet");
	for (i = 0; i < g->ndr; i++)
		if (!g->dr[i].used)
			bk_msg(g, DIAG_ERROR, g->details, g->dr[i].first, 0,
			    "no such point: the Indicators sheet has no "
			    "value for this id%s and period",
			    bk_blank(g->dr[i].comp) ? "" : ", comparator");
	for (x = 0; x < nix; x++)
		free((char *)ix[x].id);
	free(ix);
	for (x = 0; x < ncx; x++)
		free(cx[x].comp);
	free(cx);
	free(r);
	return true;
}
