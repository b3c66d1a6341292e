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

/* The rows and cells rows_of() would find in n: tagged elements. */
static size_t
tags_of(const struct tnode *n)
{
	size_t	 tags = 0;

	for (; n != NULL; n = n->next) {
		if (pdf_skipped(n))
			continue;
		if (pdf_is(n, "tr")) {
			tags++;
			for (const struct tnode *c = n->kid; c != NULL;
			    c = c->next)
				if ((pdf_is(c, "th") || pdf_is(c, "td")) &&
				    !pdf_skipped(c))
					tags++;
		} else if (pdf_is(n, "thead") || pdf_is(n, "tbody") ||
		    pdf_is(n, "tfoot"))
			tags += tags_of(n->kid);
	}
	return tags;
}

/* A paragraph block of its own for t (owned by the block from here). */
static void
text_block(struct ts *ts, struct draw_text *t, double before, bool keep)
{
	struct block	*b;

	if (t == NULL)
		return;
	b = pdf_block_add(ts, B_TEXT);
	b->tag = "P";
	b->t = t;
	b->before = before;
	b->minrows = 2;
	b->keep = keep;
}

/*
 * Whether the table can be set as a grid on the page: no column
 * squeezed narrower than PDF_MIN_COL or than its widest figure
 * (narrow), the header rows no taller than a third of the body (they
 * are repeated on every page),
 * and every row, under them, within a page.  A row is never split; one
 * taller than a page could only run off it.
 */
static bool
fits(const struct block *b, bool narrow)
{
	double	 head = 0;

	if (narrow)
		return false;
	for (size_t i = 0; i < b->nhead; i++)
		head += b->rows[i].h;
	if (head > BODY_H / 3)
		return false;
	for (size_t i = b->nhead; i < b->nrows; i++)
		if (head + b->rows[i].h > BODY_H)
			return false;
	return true;
}

/* Appends a cell's text with its spans, as collected from the tree. */
static void
put_cell(struct ts *ts, const struct rawcell *rc, bool bold)
{
	size_t	 at = ts->text.len, len = strlen(rc->text);
	size_t	 n = rc->nsp > 0 ? rc->nsp : 1;

	buf_puts(&ts->text, rc->text);
	ts->space = false;
	for (size_t k = 0; k < n; k++) {
		struct draw_span	*s;

		if (ts->nsp == ts->maxsp) {
			ts->maxsp = ts->maxsp ? ts->maxsp * 2 : 16;
			ts->sp = xreallocarray(ts->sp, ts->maxsp,
			    sizeof(*ts->sp));
		}
		s = &ts->sp[ts->nsp++];
		if (rc->nsp > 0)
			*s = rc->sp[k];
		else {
			memset(s, 0, sizeof(*s));
			s->end = len;
			s->colour = INK;
		}
		s->start += at;
		s->end += at;
		s->bold = s->bold || bold;
	}
}

/* Frees what a table built apart owns (pdf.c frees added blocks). */
static void
free_grid(struct block *b)
{
	draw_text_free(b->caption);
	for (size_t i = 0; i < b->nrows; i++) {
		for (size_t j = 0; j < b->rows[i].n; j++)
			draw_text_free(b->rows[i].c[j].t);
		free(b->rows[i].c);
	}
	free(b->rows);
	free(b->colw);
	free(b->rowh);
}

/*
 * A table that cannot be set as a grid (see fits()) is set as text:
 * its caption a paragraph, then each body row a paragraph "row header:
 * heading value; heading value; ...", cut into paragraphs of at most
 * PDF_MAX_PARA bytes at a cell, which break across pages between lines.
 * Nothing of the table is lost and nothing runs off the page.
 */
static void
linear(struct ts *ts, struct block *tb, struct rawrow *raw, size_t nraw)
{
	size_t	 nhead = tb->nhead;
	double	 size = SIZE_SMALL + 0.5;

	text_block(ts, tb->caption, 6, true);
	tb->caption = NULL;
	for (size_t i = nhead; i < nraw; i++) {
		pdf_para_reset(ts);
		for (size_t j = 0; j < raw[i].n; j++) {
			const struct rawcell *rc = &raw[i].c[j];
			size_t	 more = strlen(rc->text) + 4;

			if (rc->text[0] == '\0')
				continue;
			for (size_t h = 0; h < nhead; h++)
				if (j < raw[h].n)
					more += strlen(raw[h].c[j].text) + 2;
			if (ts->text.len > 0 &&
			    ts->text.len + more > PDF_MAX_PARA) {
				text_block(ts, pdf_para_text(ts, size, BODY_W,
				    DRAW_LEFT), 4, false);
				pdf_para_reset(ts);
			}
			if (ts->text.len > 0)
				buf_puts(&ts->text, j == 1 && rc->th == false &&
				    raw[i].c[0].th ? ": " : "; ");
			for (size_t h = 0; h < nhead && !(j == 0 && rc->th); h++)
				if (j < raw[h].n && raw[h].c[j].text[0] != '\0') {
					put_cell(ts, &raw[h].c[j], false);
					buf_puts(&ts->text, " ");
				}
			put_cell(ts, rc, rc->th);
		}
		text_block(ts, pdf_para_text(ts, size, BODY_W, DRAW_LEFT), 4,
		    false);
	}
}

/*
 * Adds the table tb (built apart) to the blocks: as a grid if it fits
 * the page, with a caption too tall to share a page with its first rows
 * as a paragraph of its own; else as text (linear()).
 */
static void
emit(struct ts *ts, struct block *tb, struct rawrow *raw, size_t nraw,
    bool narrow)
{
	struct block	*b;
	double		 cap, start;

	if (!fits(tb, narrow)) {
		linear(ts, tb, raw, nraw);
		free_grid(tb);
		return;
	}
	cap = tb->caption == NULL ? 0 : pdf_text_h(tb->caption, 0,
	    draw_text_lines(tb->caption)) + 3;
	start = 0;
	for (size_t i = 0; i < tb->nrows && i < tb->nhead + 2; i++)
		start += tb->rows[i].h;
	if (cap + start > BODY_H) {
		text_block(ts, tb->caption, 6, true);
		tb->caption = NULL;
	}
	b = pdf_block_add(ts, B_TABLE);
	b->caption = tb->caption;
	b->rows = tb->rows;
	b->nrows = tb->nrows;
	b->nhead = tb->nhead;
	b->ncols = tb->ncols;
	b->colw = tb->colw;
	b->tw = tb->tw;
	b->across = tb->across;
	b->rowh = tb->rowh;
	b->nrowh = tb->nrowh;
	b->before = tb->before;
	b->minrows = tb->minrows;
}

void
pdf_table(struct ts *ts, const struct tnode *n)
{
	const struct tnode	*k;
	struct rawrow		*raw = NULL;
	size_t			 nraw = 0, i, j, ncols = 0, nhead = 0;
	double			*minw, *maxw, *numw, summin = 0, summax = 0;
	double			 avail;
	double			 size, rowh, x;
	bool			 data = pdf_has_class(n, "data"), uniform;
	bool			 narrow = false;
	struct block		*b;
	struct style		 st = pdf_base_style(INK);
	struct draw_text	*caption;
	struct block		 tb;

	/* Past the limit of tagged elements: known from the tree, before
	 * a cell is set (a table may have 200,000). */
	if (ts->tags + 2 + tags_of(n->kid) > PDF_MAX_TAGS) {
		ts->toomany = ts->toolong = true;
		return;
	}
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
	memset(&tb, 0, sizeof(tb));
	b = &tb;
	b->kind = B_TABLE;
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
	numw = xcalloc(ncols, sizeof(*numw));
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
			/* A period (a data table's row header) and a
			 * figure are never broken, as white-space: nowrap
			 * in the CSS: "52.0" never becomes "52" over ".0".
			 * A header row's labels may wrap. */
			x = data && !raw[i].head && (raw[i].c[j].th ||
			    raw[i].c[j].num) ? draw_text_width(t) :
			    draw_text_min_width(t);
			if (x + CELL_PAD_X > minw[j])
				minw[j] = x + CELL_PAD_X;
			if (data && !raw[i].head && raw[i].c[j].num &&
			    x + CELL_PAD_X > numw[j])
				numw[j] = x + CELL_PAD_X;
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
	/* A column squeezed under both its natural width and the least,
	 * or under its widest figure. */
	for (j = 0; j < ncols; j++)
		if (b->colw[j] + 0.5 < fmin(maxw[j], PDF_MIN_COL + CELL_PAD_X) ||
		    b->colw[j] + 0.5 < numw[j])
			narrow = true;
	free(minw);
	free(maxw);
	free(numw);
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
		}
		if (i >= nhead && r->h > rowh)
			rowh = r->h;
	}
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
	emit(ts, &tb, raw, nraw, narrow);
	for (i = 0; i < nraw; i++) {
		for (j = 0; j < raw[i].n; j++) {
			free(raw[i].c[j].text);
			free(raw[i].c[j].sp);
		}
		free(raw[i].c);
	}
	free(raw);
}
