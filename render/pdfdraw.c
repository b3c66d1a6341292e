/*
 * pdfdraw: the blocks drawn on their pages, in reading order inside
 * their structure tags (Table, TR, TH, TD, P, H1-H6, L, LI, Figure), with
 * link destinations and outline entries, and the running head and
 * footer; what is no content (rules, the furniture, a table's header
 * rows repeated, a status's symbol) inside "Private" tags that pdfpost
 * makes artifacts.  Each structure element costs (Cairo writes it, qpdf
 * reads it, pdfpost fixes it), and an artifact inside a cell's or a
 * paragraph's element would split its words into Spans: so a page has
 * two, the furniture (under everything) and what draw_doc_artifacts()
 * draws at its end.
 */
#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "draw.h"
#include "page.h"
#include "pdf.h"
#include "pdf-int.h"
#include "util.h"

static void
draw_dests(struct dctx *dc, const struct block *b, double y)
{
	for (size_t i = 0; i < b->ndests; i++)
		draw_doc_dest(dc->doc, b->dests[i], MARGIN_X, y);
	if (b->outline != NULL && b->ndests > 0) {
		/* The block's own name is its last. */
		const char *dest = b->dests[b->ndests - 1];

		if (b->olevel == 1)
			dc->outline1 = draw_doc_outline(dc->doc, 0,
			    b->outline, dest, false);
		else
			draw_doc_outline(dc->doc, dc->outline1, b->outline,
			    dest, false);
	}
}

static void
draw_row(struct dctx *dc, const struct block *b, const struct trow *r,
    double x, double y, bool artifact)
{
	double	 cx = x;

	if (!artifact)
		draw_doc_tag(dc->doc, "TR", NULL);
	for (size_t j = 0; j < r->n; j++) {
		if (!artifact)
			draw_doc_tag(dc->doc, r->c[j].th ? "TH" : "TD", NULL);
		draw_doc_text(dc->doc, r->c[j].t, cx + r->c[j].dx,
		    y + CELL_PAD_Y, 0, draw_text_lines(r->c[j].t));
		if (!artifact)
			draw_doc_end(dc->doc, r->c[j].th ? "TH" : "TD");
		cx += b->colw[j];
	}
	if (!artifact)
		draw_doc_end(dc->doc, "TR");
}

/* The rule under a row (heavier under the header). */
struct rule {
	double	 x, y, w, h;
	bool	 head;
};

static void
rule_add(struct rule **v, size_t *n, double x, double y, double w, bool head)
{
	*v = xreallocarray(*v, *n + 1, sizeof(**v));
	(*v)[*n].x = x;
	(*v)[*n].y = y - (head ? 0.8 : 0.25);
	(*v)[*n].w = w;
	(*v)[*n].h = head ? 0.8 : 0.5;
	(*v)[(*n)++].head = head;
}

static void
draw_table_seg(struct dctx *dc, const struct block *b, const struct pseg *s,
    bool first, bool last)
{
	double		 y = s->y + BODY_TOP, x, yc;
	size_t		 c, i, r, end, nrules = 0;
	struct rule	*rules = NULL;

	if (first) {
		draw_dests(dc, b, y);
		draw_doc_tag(dc->doc, "Table", NULL);
	}
	if (s->cap && b->caption != NULL) {
		draw_doc_tag(dc->doc, "Caption", NULL);
		draw_doc_text(dc->doc, b->caption, MARGIN_X, y, 0,
		    draw_text_lines(b->caption));
		draw_doc_end(dc->doc, "Caption");
		y += pdf_text_h(b->caption, 0, draw_text_lines(b->caption)) + 3;
	}
	for (c = 0; c * s->bands < s->n; c++) {
		x = MARGIN_X + (double)c * (b->tw + ACROSS_GAP);
		yc = y;
		/* The header rows: tagged once, on the table's first page;
		 * repeated ones are artifacts. */
		for (i = 0; i < b->nhead && s->head; i++) {
			bool art = !(first && c == 0);

			draw_doc_artifact(dc->doc, art);
			draw_row(dc, b, &b->rows[i], x, yc, art);
			draw_doc_artifact(dc->doc, false);
			yc += b->rows[i].h;
			rule_add(&rules, &nrules, x, yc, b->tw - CELL_PAD_X / 2,
			    i + 1 == b->nhead);
		}
		end = s->first + (c + 1) * s->bands;
		if (end > s->first + s->n)
			end = s->first + s->n;
		for (r = s->first + c * s->bands; r < end; r++) {
			draw_row(dc, b, &b->rows[b->nhead + r], x, yc, false);
			yc += b->rowh[r];
			rule_add(&rules, &nrules, x, yc, b->tw - CELL_PAD_X / 2,
			    false);
		}
	}
	/* The rules: artifacts. */
	draw_doc_artifact(dc->doc, true);
	for (i = 0; i < nrules; i++)
		draw_doc_rect(dc->doc, rules[i].x, rules[i].y, rules[i].w,
		    rules[i].h, rules[i].head ? INK : RULE, SC_NONE, 0);
	draw_doc_artifact(dc->doc, false);
	free(rules);
	if (last)
		draw_doc_end(dc->doc, "Table");
}

static void
draw_text_seg(struct dctx *dc, const struct block *b, const struct pseg *s,
    bool first, bool last)
{
	double	 y = s->y + BODY_TOP, x = MARGIN_X + b->indent;
	double	 h = pdf_text_h(b->t, s->first, s->n);

	if (first) {
		for (int i = 0; i < b->lopen; i++)
			draw_doc_tag(dc->doc, "L", NULL);
		draw_dests(dc, b, y);
		if (b->rule) {
			draw_doc_artifact(dc->doc, true);
			draw_doc_rect(dc->doc, MARGIN_X, y - (b->level == 2 ?
			    6 : 5), BODY_W, b->level == 2 ? 1.5 : 0.6,
			    RULE, SC_NONE, 0);
			draw_doc_artifact(dc->doc, false);
		}
		if (b->li)
			draw_doc_tag(dc->doc, "LI", NULL);
		if (b->li && b->bullet[0] != '\0') {
			struct draw_text *m;
			struct draw_span sp = { 0, strlen(b->bullet), false, 0,
			    MUTED, NULL, false };

			m = draw_text_new(dc->dr, b->bullet, &sp, 1, SIZE_BODY,
			    -1, DRAW_LEFT);
			draw_doc_tag(dc->doc, "Lbl", NULL);
			draw_doc_text(dc->doc, m, MARGIN_X + 2, y, 0, 1);
			draw_doc_end(dc->doc, "Lbl");
			draw_text_free(m);
		}
	}
	/* The rest of a paragraph on a later page: a "NonStruct" element,
	 * which pdfpost merges into the paragraph's (Cairo 1.16 marks the
	 * content of an element only while it has no child element, and
	 * the page's furniture would be one). */
	draw_doc_tag(dc->doc, first ? b->tag : "NonStruct", NULL);
	draw_doc_text(dc->doc, b->t, x, y, s->first, s->n);
	draw_doc_end(dc->doc, first ? b->tag : "NonStruct");
	if (b->box != SC_NONE) {
		draw_doc_artifact(dc->doc, true);
		draw_doc_rect(dc->doc, x - 5, y - 4, BODY_W - b->indent + 10,
		    h + 8, SC_NONE, b->box, 2);
		draw_doc_artifact(dc->doc, false);
	}
	if (last) {
		if (b->li)
			draw_doc_end(dc->doc, "LI");
		for (int i = 0; i < b->lclose; i++)
			draw_doc_end(dc->doc, "L");
	}
}

static void
draw_row_block(struct dctx *dc, const struct block *b, const struct pseg *s)
{
	double	 y = s->y + BODY_TOP, w = BODY_W / (double)(b->nitems ?
	    b->nitems : 1);

	for (int i = 0; i < b->lopen; i++)
		draw_doc_tag(dc->doc, "L", NULL);
	draw_dests(dc, b, y);
	for (size_t i = 0; i < b->nitems; i++) {
		draw_doc_tag(dc->doc, "LI", NULL);
		draw_doc_tag(dc->doc, "LBody", NULL);
		draw_doc_text(dc->doc, b->items[i], MARGIN_X + (double)i * w,
		    y, 0, draw_text_lines(b->items[i]));
		draw_doc_end(dc->doc, "LBody");
		draw_doc_end(dc->doc, "LI");
	}
	for (int i = 0; i < b->lclose; i++)
		draw_doc_end(dc->doc, "L");
}

static void
draw_figure(struct dctx *dc, const struct block *b, const struct pseg *s,
    double scale)
{
	double	 y = s->y + BODY_TOP, k = CHART_SCALE * scale;

	draw_dests(dc, b, y);
	draw_doc_tag(dc->doc, "Figure", NULL);
	draw_doc_scene(dc->doc, b->scene, MARGIN_X, y, k);
	draw_doc_end(dc->doc, "Figure");
	dc->alts = xreallocarray(dc->alts, dc->nalts + 1, sizeof(*dc->alts));
	dc->alts[dc->nalts++] = xstrdup(b->alt != NULL ? b->alt : "");
}

/*
 * The page's white, drawn first, and the running head and footer on
 * every page but the first: artifacts, in one tag.  The white keeps
 * Cairo's PDF surface quick: it adds the box of every drawing to the
 * region drawn so far, which is then one rectangle holding them all
 * instead of hundreds to merge with (a tenth of its time on a page of
 * text).
 */
void
pdf_furniture(struct dctx *dc, size_t page)
{
	struct draw_text	*t;
	struct draw_span	 sp = { 0, 0, false, 0, MUTED, NULL, false };
	struct buf		 b;
	const struct ts		*ts = dc->ts;

	draw_doc_tag(dc->doc, "Private", NULL);
	draw_doc_rect(dc->doc, 0, 0, PAGE_W, PAGE_H, 0xFFFFFF, SC_NONE, 0);
	if (page == 0) {
		draw_doc_end(dc->doc, "Private");
		return;
	}
	buf_init(&b);
	if (ts->title != NULL) {
		sp.end = strlen(ts->title);
		t = draw_text_new(dc->dr, ts->title, &sp, 1, SIZE_SMALL,
		    BODY_W * 0.7, DRAW_LEFT);
		draw_doc_text(dc->doc, t, MARGIN_X, 30, 0, 1);
		draw_text_free(t);
	}
	if (ts->period != NULL) {
		sp.end = strlen(ts->period);
		t = draw_text_new(dc->dr, ts->period, &sp, 1, SIZE_SMALL,
		    BODY_W * 0.28, DRAW_RIGHT);
		draw_doc_text(dc->doc, t, MARGIN_X + BODY_W * 0.72, 30, 0, 1);
		draw_text_free(t);
	}
	draw_doc_rect(dc->doc, MARGIN_X, 44, BODY_W, 0.6, RULE, SC_NONE, 0);
	draw_doc_rect(dc->doc, MARGIN_X, PAGE_H - 44, BODY_W, 0.6, RULE,
	    SC_NONE, 0);
	if (ts->org != NULL) {
		sp.end = strlen(ts->org);
		t = draw_text_new(dc->dr, ts->org, &sp, 1, SIZE_SMALL,
		    BODY_W * 0.7, DRAW_LEFT);
		draw_doc_text(dc->doc, t, MARGIN_X, PAGE_H - 38, 0, 1);
		draw_text_free(t);
	}
	buf_printf(&b, "Page %zu of %zu", page + 1, dc->npages);
	sp.end = b.len;
	t = draw_text_new(dc->dr, b.data, &sp, 1, SIZE_SMALL, BODY_W * 0.28,
	    DRAW_RIGHT);
	draw_doc_text(dc->doc, t, MARGIN_X + BODY_W * 0.72, PAGE_H - 38, 0, 1);
	draw_text_free(t);
	draw_doc_end(dc->doc, "Private");
	buf_release(&b);
}


/* Draws the segments on page p of blocks from, on. */
void
pdf_draw_page(struct dctx *dc, struct ts *ts, struct pblock *pb, size_t p,
    size_t from)
{
	for (size_t i = from; i < ts->n; i++) {
		const struct block *b = &ts->b[i];

		if (pb[i].nseg > 0 && pb[i].seg[0].page > p)
			break;		/* blocks are in page order */
		for (size_t k = 0; k < pb[i].nseg; k++) {
			const struct pseg *s = &pb[i].seg[k];

			if (s->page != p)
				continue;
			switch (b->kind) {
			case B_TEXT:
				if (b->t != NULL)
					draw_text_seg(dc, b, s, k == 0,
					    k + 1 == pb[i].nseg);
				break;
			case B_ROW:
				draw_row_block(dc, b, s);
				break;
			case B_TABLE:
				draw_table_seg(dc, b, s, k == 0,
				    k + 1 == pb[i].nseg);
				break;
			case B_FIGURE:
				draw_figure(dc, b, s, pb[i].scale);
				break;
			}
		}
	}
	/* The page's artifacts, drawn last: no element holding content
	 * is open between blocks (a segment closes its cell or paragraph). */
	draw_doc_artifacts(dc->doc);
}
