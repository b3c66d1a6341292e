/*
 * pdftable: a table of report.html into a block: its rows and cells
 * measured, its columns' widths shared out between their narrowest and
 * their natural widths, numbers set right, and a long, narrow table of
 * figures run in columns side by side.
 */
#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "draw.h"
#include "pdf.h"
#include "pdf-int.h"
#include "tmpl.h"
#include "util.h"

struct rawcell {
	char		*text;
	struct draw_span *sp;
	size_t		 nsp;
	bool		 th, num, bold;
	struct draw_text *t;		/* set on one line, for its width */
};

struct rawrow {
	struct rawcell	*c;
	size_t		 n;
	bool		 head;
};

static void
raw_row(struct ts *ts, const struct tnode *tr, struct rawrow *r, bool data,
    bool head)
{
	const struct tnode	*c;
	struct style		 st = pdf_base_style(INK);

	r->head = head;
	for (c = tr->kid; c != NULL; c = c->next) {
		struct rawcell	*rc;

		if ((!pdf_is(c, "th") && !pdf_is(c, "td")) || pdf_skipped(c))
			continue;
		r->c = xreallocarray(r->c, r->n + 1, sizeof(*r->c));
		rc = &r->c[r->n++];
		memset(rc, 0, sizeof(*rc));
		rc->th = pdf_is(c, "th");
		rc->num = pdf_has_class(c, "num") ||
		    (data && pdf_is(c, "td") && !pdf_has_class(c, "note"));
		pdf_para_reset(ts);
		pdf_pend_id(ts, c);
		st.bold = rc->th && (head || !data);
		pdf_inline_walk(ts, c->kid, st, true);
		while (ts->text.len > 0 &&
		    (ts->text.data[ts->text.len - 1] == ' ' ||
		    ts->text.data[ts->text.len - 1] == '\n'))
			ts->text.data[--ts->text.len] = '\0';
		for (size_t i = 0; i < ts->nsp; i++)
			if (ts->sp[i].end > ts->text.len)
				ts->sp[i].end = ts->text.len;
		pdf_cap_text(ts, PDF_MAX_CELL);
		rc->text = xstrdup(ts->text.data);
		rc->nsp = ts->nsp;
		rc->sp = xcalloc(ts->nsp + 1, sizeof(*rc->sp));
		memcpy(rc->sp, ts->sp, ts->nsp * sizeof(*rc->sp));
		pdf_para_reset(ts);
	}
}

static void
rows_of(struct ts *ts, const struct tnode *n, struct rawrow **rows,
    size_t *nrows, bool data, bool head)
{
	for (; n != NULL; n = n->next) {
		if (pdf_skipped(n))
			continue;
		if (pdf_is(n, "tr")) {
			*rows = xreallocarray(*rows, *nrows + 1,
			    sizeof(**rows));
			memset(&(*rows)[*nrows], 0, sizeof(**rows));
			raw_row(ts, n, &(*rows)[(*nrows)++], data, head);
		} else if (pdf_is(n, "thead"))
			rows_of(ts, n->kid, rows, nrows, data, true);
		else if (pdf_is(n, "tbody") || pdf_is(n, "tfoot"))
			rows_of(ts, n->kid, rows, nrows, data, false);
	}
}

void
pdf_table(struct ts *ts, const struct tnode *n)
{
	const struct tnode	*k;
	struct rawrow		*raw = NULL;
	size_t			 nraw = 0, i, j, ncols = 0, nhead = 0;
	double			*minw, *maxw, summin = 0, summax = 0, avail;
	double			 size, rowh, x;
	bool			 data = pdf_has_class(n, "data"), uniform;
	struct block		*b;
	struct style		 st = pdf_base_style(INK);
	struct draw_text	*caption;

	pdf_pend_id(ts, n);
	size = data ? SIZE_DATA : SIZE_TABLE;
	pdf_para_reset(ts);
	for (k = n->kid; k != NULL; k = k->next)
		if (pdf_is(k, "caption") && !pdf_skipped(k)) {
			st.bold = true;
			pdf_inline_walk(ts, k->kid, st, false);
		}
	caption = pdf_para_text(ts, data ? SIZE_SMALL + 0.5 : SIZE_BODY, BODY_W,
	    DRAW_LEFT);
	rows_of(ts, n->kid, &raw, &nraw, data, false);
	if (nraw == 0) {
		draw_text_free(caption);
		pdf_para_reset(ts);
		return;
	}
	b = pdf_block_add(ts, B_TABLE);
	b->caption = caption;
	/* Header rows: the thead's, or leading rows of th only. */
	for (i = 0; i < nraw && raw[i].head; i++)
		nhead++;
	if (nhead == 0)
		for (i = 0; i < nraw; i++) {
			for (j = 0; j < raw[i].n && raw[i].c[j].th; j++)
				;
			if (j < raw[i].n || raw[i].n == 0)
				break;
			nhead++;
		}
	if (nhead == nraw)
		nhead = 0;
	for (i = 0; i < nraw; i++)
		if (raw[i].n > ncols)
			ncols = raw[i].n;
	/* Column widths: the auto layout of CSS 2.1 in short. */
	minw = xcalloc(ncols, sizeof(*minw));
	maxw = xcalloc(ncols, sizeof(*maxw));
	for (i = 0; i < nraw; i++)
		for (j = 0; j < raw[i].n; j++) {
			struct draw_text *t;

			/* Set on one line: kept if it fits its column. */
			t = draw_text_new(ts->dr, raw[i].c[j].text,
			    raw[i].c[j].sp, raw[i].c[j].nsp, size, -1,
			    raw[i].c[j].num ? DRAW_RIGHT : DRAW_LEFT);
			raw[i].c[j].t = t;
			if (draw_text_width(t) + CELL_PAD_X > maxw[j])
				maxw[j] = draw_text_width(t) + CELL_PAD_X;
			/* A period (a data table's row header) is never
			 * broken, as white-space: nowrap in the CSS. */
			x = data && raw[i].c[j].th ? draw_text_width(t) :
			    draw_text_min_width(t);
			if (x + CELL_PAD_X > minw[j])
				minw[j] = x + CELL_PAD_X;
		}
	for (j = 0; j < ncols; j++) {
		/* A word wider than half the page (a long address) breaks
		 * rather than squeeze every other column. */
		if (minw[j] > BODY_W * 0.45)
			minw[j] = BODY_W * 0.45;
		if (minw[j] > maxw[j])
			maxw[j] = minw[j];
		summin += minw[j];
		summax += maxw[j];
	}
	avail = BODY_W;
	b->colw = xcalloc(ncols, sizeof(*b->colw));
	for (j = 0; j < ncols; j++) {
		if (summax <= avail)
			b->colw[j] = maxw[j];
		else if (summin >= avail)
			/* Words wider than the page: every column narrower
			 * than its longest word, which then breaks. */
			b->colw[j] = minw[j] * avail / summin;
		else
			b->colw[j] = minw[j] + (maxw[j] - minw[j]) *
			    (avail - summin) / (summax - summin);
		b->tw += b->colw[j];
	}
	/* The scorecard spreads over the page; data tables stay narrow. */
	if (!data && b->tw < avail) {
		for (j = 0; j < ncols; j++)
			b->colw[j] += (avail - b->tw) / (double)ncols;
		b->tw = avail;
	}
	free(minw);
	free(maxw);
	b->ncols = ncols;
	b->nhead = nhead;
	b->nrows = nraw;
	b->rows = xcalloc(nraw, sizeof(*b->rows));
	uniform = true;
	rowh = 0;
	for (i = 0; i < nraw; i++) {
		struct trow *r = &b->rows[i];

		r->n = raw[i].n;
		r->c = xcalloc(r->n + 1, sizeof(*r->c));
		for (j = 0; j < raw[i].n; j++) {
			struct rawcell *rc = &raw[i].c[j];
			double h = 0;

			r->c[j].th = rc->th;
			r->c[j].num = rc->num;
			if (draw_text_width(rc->t) <= b->colw[j] - CELL_PAD_X +
			    0.5) {
				r->c[j].t = rc->t;
				if (rc->num)
					r->c[j].dx = b->colw[j] - CELL_PAD_X -
					    draw_text_width(rc->t);
			} else {
				draw_text_free(rc->t);
				r->c[j].t = draw_text_new(ts->dr, rc->text,
				    rc->sp, rc->nsp, size, b->colw[j] -
				    CELL_PAD_X + 0.5, rc->num ? DRAW_RIGHT :
				    DRAW_LEFT);
			}
			rc->t = NULL;
			for (size_t l = 0; l < draw_text_lines(r->c[j].t); l++)
				h += draw_text_line_h(r->c[j].t, l);
			if (draw_text_lines(r->c[j].t) > 1 && i >= nhead)
				uniform = false;
			if (h + 2 * CELL_PAD_Y > r->h)
				r->h = h + 2 * CELL_PAD_Y;
			free(rc->text);
			free(rc->sp);
		}
		free(raw[i].c);
		if (i >= nhead && r->h > rowh)
			rowh = r->h;
	}
	free(raw);
	/* A long, narrow table of figures runs in columns side by side. */
	b->across = 1;
	if (data && uniform && nraw - nhead > 12) {
		size_t k2 = (size_t)((BODY_W + ACROSS_GAP) /
		    (b->tw + ACROSS_GAP));

		if (k2 > 3)
			k2 = 3;
		if (k2 >= 2 && (nraw - nhead) / k2 >= 5)
			b->across = k2;
	}
	b->nrowh = nraw - nhead;
	b->rowh = xcalloc(b->nrowh + 1, sizeof(*b->rowh));
	for (i = nhead; i < nraw; i++)
		b->rowh[i - nhead] = b->across > 1 ? rowh : b->rows[i].h;
	b->before = 6;
	b->minrows = 2;
}
