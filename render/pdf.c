/*
 * pdf: the typesetter of report.pdf: the whole, from report.html's
 * tree to the PDF.  The tree is walked into blocks (pdfwalk.c, tables
 * in pdftable.c), page.c breaks them into pages, pdfdraw.c draws them,
 * pdfpost adds what Cairo 1.16 cannot write.  Here: pdf_layout() and
 * pdf_typeset(), the figures they are given, the blocks' page.c view,
 * and freeing them.
 *
 * IMPLEMENTATION NOTES
 *
 * The input is report.html as a plain tree (tmpl_render_tree() makes
 * it with the HTML, as the HTML reads back; test_tmpl checks that): the
 * PDF holds what the HTML holds, in its order, from whatever template
 * made it.  A walk over the tree turns it into blocks,
 * the way a browser's default stylesheet would with a few rules for the
 * classes of the default template (the man page lists them):
 *
 *	h1-h6		a heading (H1-H6; h2 and h3 in the outline)
 *	p, dt/dd, loose text	a paragraph (P)
 *	ul, ol, li	a list (L, LI, LBody); a short one side by side
 *	table		a pdf_table (Table, Caption, TR, TH, TD), split between
 *			rows with its header rows repeated
 *	figure with a chart's SVG	the chart's scene as vectors
 *			(Figure, alt text: the SVG's <desc>)
 *	a href="#id"	a link to the page of the element with that id
 *	class="no-pdf", hidden, head, summary	left out
 *
 * Each block is measured (draw_text_new() lays its text out: Cairo
 * alone for simple text, Pango for the rest) and page.c breaks the
 * column into pages; the blocks are then drawn
 * page by page into draw's document, inside structure tags in reading
 * order, and pdfpost adds what Cairo 1.16 cannot write.  Running heads
 * and footers, and a table's header rows repeated on a later page, are
 * drawn inside an "Private" tag, which pdfpost takes out of the
 * structure tree (their marked content stays /Artifact).
 *
 * This module includes no library header: Cairo and Pango are behind
 * draw.h, libxml2 behind tmpl.h, qpdf behind pdfpost.h.
 */
#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "chart.h"
#include "diag.h"
#include "draw.h"
#include "page.h"
#include "pdf.h"
#include "pdf-int.h"
#include "pdfpost.h"
#include "tmpl.h"
#include "util.h"

void
pdf_figures_add(struct pdf_figures *pf, const char *name,
    const struct scene *s)
{
	struct pdf_figure	*f;

	if (pf->n == pf->max) {
		pf->max = pf->max ? pf->max * 2 : 32;
		pf->f = xreallocarray(pf->f, pf->max, sizeof(*pf->f));
	}
	f = &pf->f[pf->n++];
	f->name = xstrdup(name);
	f->s = s;
}

void
pdf_figures_release(struct pdf_figures *pf)
{
	for (size_t i = 0; i < pf->n; i++) {
		free(pf->f[i].name);
	}
	free(pf->f);
	memset(pf, 0, sizeof(*pf));
}

static void
block_free(struct block *b)
{
	size_t	 i, j;

	draw_text_free(b->t);
	draw_text_free(b->caption);
	for (i = 0; i < b->nitems; i++)
		draw_text_free(b->items[i]);
	free(b->items);
	for (i = 0; i < b->nrows; i++) {
		for (j = 0; j < b->rows[i].n; j++)
			draw_text_free(b->rows[i].c[j].t);
		free(b->rows[i].c);
	}
	free(b->rows);
	free(b->colw);
	for (i = 0; i < b->ndests; i++)
		free(b->dests[i]);
	free(b->dests);
	free(b->outline);
	free(b->alt);
	free(b->rowh);
}

/* The page.c view of each block. */
static struct pblock *
pblocks(struct ts *ts)
{
	struct pblock	*pb;
	struct block	*b;

	pb = xcalloc(ts->n + 1, sizeof(*pb));
	for (size_t i = 0; i < ts->n; i++) {
		b = &ts->b[i];
		pb[i].before = b->before;
		pb[i].keep = b->keep;
		pb[i].minrows = b->minrows;
		pb[i].across = 1;
		pb[i].minscale = 1;
		switch (b->kind) {
		case B_TEXT:
			b->nrowh = draw_text_lines(b->t);
			b->rowh = xcalloc(b->nrowh + 1, sizeof(*b->rowh));
			for (size_t l = 0; l < b->nrowh; l++)
				b->rowh[l] = draw_text_line_h(b->t, l);
			if (b->box != SC_NONE) {
				pb[i].before += 6;
				pb[i].cap = 6;
			}
			break;
		case B_ROW:
			b->nrowh = 1;
			b->rowh = xcalloc(1, sizeof(*b->rowh));
			for (size_t k = 0; k < b->nitems; k++)
				b->rowh[0] = fmax(b->rowh[0],
				    pdf_text_h(b->items[k], 0,
				    draw_text_lines(b->items[k])));
			break;
		case B_TABLE:
			pb[i].cap = b->caption == NULL ? 0 : pdf_text_h(b->caption,
			    0, draw_text_lines(b->caption)) + 3;
			for (size_t k = 0; k < b->nhead; k++)
				pb[i].head += b->rows[k].h;
			pb[i].across = b->across;
			break;
		case B_FIGURE:
			pb[i].minscale = CHART_MIN;
			break;
		}
		pb[i].rowh = b->rowh;
		pb[i].nrows = b->nrowh;
		if (pb[i].nrows == 0) {
			/* A table of header rows only, say. */
			free(b->rowh);
			b->rowh = xcalloc(1, sizeof(*b->rowh));
			pb[i].rowh = b->rowh;
			pb[i].nrows = b->nrowh = 1;
		}
	}
	return pb;
}


static const char *
root_attr(const struct tnode *root, const char *name)
{
	const char	*v = tnode_attr(root, name);

	return v != NULL && *v != '\0' ? v : NULL;
}

/* The text of the first <title> under n, or NULL. */
static char *
doc_title(const struct tnode *n)
{
	struct buf	 b;
	char		*r;

	for (; n != NULL; n = n->next) {
		if (pdf_is(n, "title")) {
			buf_init(&b);
			for (const struct tnode *t = n->kid; t != NULL;
			    t = t->next)
				if (t->name == NULL)
					buf_puts(&b, t->text);
			r = buf_detach(&b, NULL);
			buf_release(&b);
			return r;
		}
		if (n->name != NULL && !n->svg && !pdf_is(n, "body")) {
			r = doc_title(n->kid);
			if (r != NULL)
				return r;
		}
	}
	return NULL;
}

/* A report laid out in pages, to be drawn: see pdf_layout(). */
struct pdf_doc {
	struct ts	 ts;
	struct dctx	 dc;
	struct pblock	*pb;
	struct draw_meta dm;
	struct buf	 date;
	char		*title;
	const struct pdf_meta *meta;
};

void
pdf_doc_free(struct pdf_doc *pd)
{
	size_t	 i;

	if (pd == NULL)
		return;
	page_release(pd->pb, pd->ts.n);
	free(pd->pb);
	for (i = 0; i < pd->ts.n; i++)
		block_free(&pd->ts.b[i]);
	free(pd->ts.b);
	free(pd->ts.sp);
	for (i = 0; i < pd->ts.npend; i++)
		free(pd->ts.pend[i]);
	free(pd->ts.pend);
	for (i = 0; i < pd->ts.nids; i++)
		free(pd->ts.ids[i]);
	free(pd->ts.ids);
	for (i = 0; i < pd->dc.nalts; i++)
		free((char *)pd->dc.alts[i]);
	free(pd->dc.alts);
	if (pd->dc.doc != NULL)
		draw_doc_discard(pd->dc.doc);
	free(pd->title);
	buf_release(&pd->ts.text);
	buf_release(&pd->date);
	free(pd);
}

struct pdf_doc *
pdf_layout(struct draw *dr, const struct tnode *root,
    const struct pdf_figures *pf, const struct pdf_meta *meta,
    struct diag *d)
{
	struct pdf_doc	*pd;
	struct ts	*ts;

	pd = xcalloc(1, sizeof(*pd));
	ts = &pd->ts;
	buf_init(&ts->text);
	buf_init(&pd->date);
	pd->meta = meta;
	ts->dr = dr;
	ts->pf = pf;
	ts->d = d;
	ts->space = true;
	pd->title = doc_title(root->kid);
	ts->title = root_attr(root, "data-title");
	if (ts->title == NULL)
		ts->title = pd->title;
	ts->org = root_attr(root, "data-organisation");
	ts->period = root_attr(root, "data-period");
	ts->lang = root_attr(root, "lang");

	/* The document first: text laid out after it needs no second
	 * layout when Cairo's surface sets the font options. */
	buf_printf(&pd->date, "%sT00:00:00Z", meta->date);
	pd->dm.title = pd->title != NULL ? pd->title : ts->title;
	pd->dm.author = ts->org;
	pd->dm.subject = meta->subject;
	pd->dm.date = pd->date.data;
	pd->dc.dr = dr;
	pd->dc.ts = ts;
	pd->dc.doc = draw_doc_new(dr, PAGE_W, PAGE_H, &pd->dm);

	pdf_collect_ids(ts, root);
	if (ts->nids > 0)	/* qsort() must not be given NULL */
		qsort(ts->ids, ts->nids, sizeof(*ts->ids), pdf_strpcmp);
	for (const struct tnode *k = root->kid; k != NULL; k = k->next)
		if (pdf_is(k, "body"))
			pdf_walk(ts, k->kid);
	pdf_flush_inline(ts, SIZE_BODY, INK);
	if (ts->n == 0) {
		/* An empty report is still a page. */
		struct style st = pdf_base_style(INK);

		pdf_put_text(ts, pd->dm.title != NULL ? pd->dm.title :
		    "Report", &st);
		pdf_para_block(ts, "P", SIZE_BODY, INK, false, NULL, 0);
	}
	(void)pdf_too_long(ts);		/* the blocks after its last call */
	pd->pb = pblocks(ts);
	pd->dc.npages = ts->toolong ? 0 : page_layout(pd->pb, ts->n, BODY_H);
	if (ts->toomany) {
		/* A table of every day of centuries: not many pages, but
		 * as many tagged elements as 6,000 pages of text. */
		diag_out(d, DIAG_ERROR, "report.pdf", "would have "
		    "more than %d tagged elements (table cells, paragraphs, "
		    "list items; the limit); render with --no-pdf to leave "
		    "the PDFs out", PDF_MAX_TAGS);
		pdf_doc_free(pd);
		return NULL;
	}
	if (ts->toolong || pd->dc.npages > PDF_MAX_PAGES) {
		/* Before Cairo draws and qpdf reads them: pages cost both
		 * time and memory. */
		diag_out(d, DIAG_ERROR, "report.pdf", "would have "
		    "more than %d pages (the limit); render with --no-pdf "
		    "to leave the PDFs out", PDF_MAX_PAGES);
		pdf_doc_free(pd);
		return NULL;
	}
	return pd;
}

bool
pdf_typeset(struct pdf_doc *pd, struct buf *out, struct diag *d)
{
	struct ts	*ts = &pd->ts;
	struct dctx	*dc = &pd->dc;
	struct pblock	*pb = pd->pb;
	struct pdfpost	 pp;
	struct buf	 raw, links;
	size_t		 p, done = 0;
	bool		 ok = false;

	ts->d = d;
	buf_init(&raw);
	buf_init(&links);
	draw_doc_tag(dc->doc, "Document", NULL);
	for (p = 0; p < dc->npages; p++) {
		if (p > 0)
			draw_doc_page(dc->doc);
		pdf_furniture(dc, p);
		pdf_draw_page(dc, ts, pb, p, done);
		/* What is drawn is done with: a long report's texts are
		 * not all held at once. */
		while (done < ts->n && (pb[done].nseg == 0 ||
		    pb[done].seg[pb[done].nseg - 1].page <= p)) {
			block_free(&ts->b[done]);
			memset(&ts->b[done], 0, sizeof(ts->b[done]));
			done++;
		}
	}
	draw_doc_end(dc->doc, "Document");
	ok = draw_doc_finish(dc->doc, &raw, &links, d);
	dc->doc = NULL;		/* finished, or freed on failure */
	if (!ok)
		goto out;
	pp.lang = ts->lang != NULL ? ts->lang : "en-GB";
	pp.title = pd->dm.title;
	pp.author = pd->dm.author;
	pp.subject = pd->dm.subject;
	pp.date = pd->meta->date;
	pp.alts = dc->alts;
	pp.nalts = dc->nalts;
	pp.links = links.data;
	pp.linkslen = links.len;
	pp.ready = pd->meta->ready;
	pp.ready_arg = pd->meta->ready_arg;
	ok = pdfpost_fix(raw.data, raw.len, &pp, out, d);
out:
	buf_release(&raw);
	buf_release(&links);
	pdf_doc_free(pd);
	return ok;
}
