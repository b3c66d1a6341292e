/*
 * pdf: the typesetter of report.pdf.
 *
 * IMPLEMENTATION NOTES
 *
 * The input is report.html as written, parsed again into a plain tree
 * (tmpl_tree()): the PDF holds what the HTML holds, in its order, from
 * whatever template made it.  A walk over the tree turns it into blocks,
 * the way a browser's default stylesheet would with a few rules for the
 * classes of the default template (the man page lists them):
 *
 *	h1-h6		a heading (H1-H6; h2 and h3 in the outline)
 *	p, dt/dd, loose text	a paragraph (P)
 *	ul, ol, li	a list (L, LI, LBody); a short one side by side
 *	table		a table (Table, Caption, TR, TH, TD), split between
 *			rows with its header rows repeated
 *	figure with a chart's SVG	the chart's scene as vectors
 *			(Figure, alt text: the SVG's <desc>)
 *	a href="#id"	a link to the page of the element with that id
 *	class="no-pdf", hidden, head, summary	left out
 *
 * Each block is measured (draw_text_new() lays its text out with Pango)
 * and page.c breaks the column into pages; the blocks are then drawn
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
#include "pdfpost.h"
#include "tmpl.h"
#include "util.h"

/* A4 portrait, in points. */
#define	PAGE_W		595.276
#define	PAGE_H		841.89
#define	MARGIN_X	51.0		/* 18 mm */
#define	BODY_TOP	62.0		/* below the running head */
#define	BODY_BOTTOM	(PAGE_H - 54.0)	/* above the footer */
#define	BODY_W		(PAGE_W - 2 * MARGIN_X)
#define	BODY_H		(BODY_BOTTOM - BODY_TOP)

#define	SIZE_BODY	9.5
#define	SIZE_SMALL	8.0
#define	SIZE_TABLE	8.0
#define	SIZE_DATA	7.5		/* figures tables: set compactly */
#define	CHART_SCALE	0.5		/* points a chart pixel: 400 x 225 */
#define	CHART_MIN	0.8		/* a chart may shrink to this */
#define	CELL_PAD_X	7.0
#define	PDF_MAX_PARA	4000		/* bytes of a paragraph (cap_text) */
#define	PDF_MAX_CELL	600		/* bytes of a table cell */
#define	CELL_PAD_Y	1.6
#define	ACROSS_GAP	18.0

#define	INK		0x0B0C0Cu
#define	MUTED		0x505A5Fu
#define	RULE		0xB1B4B6u
#define	LINK		0x1D70B8u
#define	BRAND		0x12436Du

enum bkind {
	B_TEXT,		/* a heading or paragraph */
	B_ROW,		/* a short list, its items side by side */
	B_TABLE,
	B_FIGURE
};

struct cell {
	struct draw_text *t;
	bool		 th;
	bool		 num;
	double		 dx;		/* set right: the offset */
};

struct trow {
	struct cell	*c;
	size_t		 n;
	double		 h;
};

struct block {
	enum bkind	 kind;
	const char	*tag;		/* B_TEXT: "H2", "P", "LBody" */
	int		 level;		/* headings: 1-6 */
	struct draw_text *t;		/* B_TEXT */
	double		 indent;
	char		 bullet[8];	/* list item: its marker */
	bool		 li;		/* a list item's body */
	int		 lopen, lclose;	/* lists opened before, closed after */
	uint32_t	 box;		/* a border around it, or SC_NONE */
	bool		 rule;		/* a rule above (a section, an
					   indicator) */
	char		**dests;	/* ids that name this block */
	size_t		 ndests;
	char		*outline;	/* text of an outline entry */
	int		 olevel;	/* 1 or 2 */
	/* B_ROW */
	struct draw_text **items;
	size_t		 nitems;
	/* B_TABLE */
	struct draw_text *caption;
	struct trow	*rows;
	size_t		 nrows, nhead, ncols;
	double		*colw;
	double		 tw;		/* table width */
	size_t		 across;
	/* B_FIGURE */
	const struct scene *scene;
	char		*alt;
	/* For page.c */
	double		 before;
	bool		 keep;
	double		*rowh;
	size_t		 nrowh;
	size_t		 minrows;
};

struct ts {
	struct draw		*dr;
	const struct pdf_figures *pf;
	struct diag		*d;
	struct block		*b;
	size_t			 n, max;
	/* The paragraph being collected. */
	struct buf		 text;
	struct draw_span	*sp;
	size_t			 nsp, maxsp;
	bool			 space;		/* text ends in a space */
	/* Ids waiting for the next block; every id in the tree. */
	char			**pend;
	size_t			 npend, maxpend;
	char			**ids;
	size_t			 nids, maxids;
	size_t			 nheads;	/* for generated dests */
	int			 lists;		/* lists opened, not yet
						   given to a block */
	bool			 in_article;
	bool			 article_fig;	/* its first figure seen */
	size_t			 article_first;	/* its first block */
	bool			 rule_next;
	bool			 in_footer;	/* small print */
	const char		*title, *org, *period, *lang;
};

static bool
has_class(const struct tnode *n, const char *cls)
{
	const char	*c = tnode_attr(n, "class"), *p;
	size_t		 len = strlen(cls);

	if (c == NULL)
		return false;
	for (p = c; (p = strstr(p, cls)) != NULL; p += len)
		if ((p == c || p[-1] == ' ') &&
		    (p[len] == '\0' || p[len] == ' '))
			return true;
	return false;
}

static bool
is(const struct tnode *n, const char *name)
{
	return n->name != NULL && !n->svg && strcmp(n->name, name) == 0;
}

static bool
skipped(const struct tnode *n)
{
	return is(n, "head") || is(n, "script") || is(n, "style") ||
	    is(n, "template") || is(n, "summary") || is(n, "noscript") ||
	    (n->name != NULL && (tnode_attr(n, "hidden") != NULL ||
	    has_class(n, "no-pdf") || has_class(n, "skip")));
}

static bool
is_block(const struct tnode *n)
{
	static const char *const names[] = { "html", "body", "header",
	    "main", "footer", "section", "article", "div", "p", "h1", "h2",
	    "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
	    "table", "figure", "figcaption", "details", "nav", "aside",
	    "blockquote", "address", "hr", "pre", NULL };

	if (n->name == NULL)
		return false;
	if (n->svg)
		return strcmp(n->name, "svg") == 0;
	for (size_t i = 0; names[i] != NULL; i++)
		if (strcmp(n->name, names[i]) == 0)
			return true;
	return false;
}

/* Does n hold a block element (at any depth through inline ones)? */
static bool
holds_block(const struct tnode *n)
{
	for (const struct tnode *k = n->kid; k != NULL; k = k->next)
		if (!skipped(k) && (is_block(k) ||
		    (k->name != NULL && !k->svg && holds_block(k))))
			return true;
	return false;
}

static int
strpcmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Is id an element's id?  ts->ids is sorted by then (collect_ids). */
static bool
known_id(const struct ts *ts, const char *id)
{
	return ts->nids > 0 && bsearch(&id, ts->ids, ts->nids,
	    sizeof(*ts->ids), strpcmp) != NULL;
}

static void
collect_ids(struct ts *ts, const struct tnode *n)
{
	const char	*id;

	for (; n != NULL; n = n->next) {
		if (n->name == NULL || n->svg)
			continue;
		if ((id = tnode_attr(n, "id")) != NULL && *id != '\0') {
			if (ts->nids == ts->maxids) {
				ts->maxids = ts->maxids ? ts->maxids * 2 : 64;
				ts->ids = xreallocarray(ts->ids, ts->maxids,
				    sizeof(*ts->ids));
			}
			ts->ids[ts->nids++] = xstrdup(id);
		}
		collect_ids(ts, n->kid);
	}
}

static void
pend_id(struct ts *ts, const struct tnode *n)
{
	const char	*id = tnode_attr(n, "id");

	if (id == NULL || *id == '\0')
		return;
	if (ts->npend == ts->maxpend) {
		ts->maxpend = ts->maxpend ? ts->maxpend * 2 : 8;
		ts->pend = xreallocarray(ts->pend, ts->maxpend,
		    sizeof(*ts->pend));
	}
	ts->pend[ts->npend++] = xstrdup(id);
}

static struct block *
block_add(struct ts *ts, enum bkind k)
{
	struct block	*b;

	if (ts->n == ts->max) {
		ts->max = ts->max ? ts->max * 2 : 64;
		ts->b = xreallocarray(ts->b, ts->max, sizeof(*ts->b));
	}
	b = &ts->b[ts->n++];
	memset(b, 0, sizeof(*b));
	b->kind = k;
	b->box = SC_NONE;
	b->minrows = 1;
	b->dests = ts->pend;
	b->ndests = ts->npend;
	ts->pend = NULL;
	ts->npend = ts->maxpend = 0;
	b->lopen = ts->lists;
	ts->lists = 0;
	b->rule = ts->rule_next;
	ts->rule_next = false;
	return b;
}

/* ------------------------------------------------------------------ */
/* Inline content: one paragraph's text and spans.                     */
/* ------------------------------------------------------------------ */

struct style {
	bool		 bold;
	double		 size;		/* 0: the paragraph's */
	uint32_t	 colour;
	const char	*link;
};

static void
span_add(struct ts *ts, size_t start, const struct style *st)
{
	struct draw_span	*s;

	if (ts->text.len == start)
		return;
	if (ts->nsp == ts->maxsp) {
		ts->maxsp = ts->maxsp ? ts->maxsp * 2 : 16;
		ts->sp = xreallocarray(ts->sp, ts->maxsp, sizeof(*ts->sp));
	}
	s = &ts->sp[ts->nsp++];
	s->start = start;
	s->end = ts->text.len;
	s->bold = st->bold;
	s->size = st->size;
	s->colour = st->colour;
	s->link = st->link;
}

/* Appends text with white space collapsed, as HTML shows it. */
static void
put_text(struct ts *ts, const char *s, const struct style *st)
{
	size_t	 start = ts->text.len;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
			if (!ts->space && ts->text.len > 0)
				buf_putc(&ts->text, ' ');
			ts->space = true;
			continue;
		}
		buf_putc(&ts->text, *s);
		ts->space = false;
	}
	span_add(ts, start, st);
}

static void
line_break(struct ts *ts)
{
	if (ts->text.len == 0)
		return;
	if (ts->space && ts->text.data[ts->text.len - 1] == ' ')
		ts->text.data[--ts->text.len] = '\0';
	if (ts->text.data[ts->text.len - 1] != '\n')
		buf_putc(&ts->text, '\n');
	ts->space = true;
}

static uint32_t
status_colour(const char *s)
{
	if (s == NULL)
		return 0;
	if (strcmp(s, "red") == 0)
		return 0xAA2A16;
	if (strcmp(s, "amber") == 0)
		return 0x8A4B00;
	if (strcmp(s, "green") == 0)
		return 0x00703C;
	return MUTED;
}

static void inline_walk(struct ts *, const struct tnode *, struct style,
		    bool);

static void
inline_elem(struct ts *ts, const struct tnode *n, struct style st,
    bool cell)
{
	const char	*href;
	uint32_t	 c;

	if (skipped(n) || n->svg)
		return;
	if (is(n, "br")) {
		line_break(ts);
		return;
	}
	if (is(n, "img")) {
		if ((href = tnode_attr(n, "alt")) != NULL)
			put_text(ts, href, &st);
		return;
	}
	pend_id(ts, n);
	if (is(n, "strong") || is(n, "b") || is(n, "th") || is(n, "dt"))
		st.bold = true;
	if (is(n, "a") && (href = tnode_attr(n, "href")) != NULL &&
	    href[0] == '#' && known_id(ts, href + 1)) {
		st.link = href + 1;
		st.colour = LINK;
	}
	if (has_class(n, "when") || has_class(n, "reason") ||
	    has_class(n, "note")) {
		if (cell || has_class(n, "reason"))
			line_break(ts);
		if (st.link == NULL)
			st.colour = MUTED;
		st.size = cell ? SIZE_TABLE - 1 : 0;
	}
	if (has_class(n, "sentence"))
		line_break(ts);
	if (has_class(n, "code")) {
		st.bold = true;
		if (st.link == NULL)
			st.colour = MUTED;
	}
	if (has_class(n, "big")) {
		st.bold = true;
		st.size = 17;
	}
	if (has_class(n, "badge") || has_class(n, "rag")) {
		c = status_colour(tnode_attr(n, "data-status"));
		if (has_class(n, "rag"))
			c = has_class(n, "red") ? 0xAA2A16 :
			    has_class(n, "amber") ? 0x8A4B00 :
			    has_class(n, "green") ? 0x00703C : MUTED;
		if (c != 0) {
			st.colour = c;
			st.bold = true;
		}
	}
	inline_walk(ts, n->kid, st, cell);
}

static void
inline_walk(struct ts *ts, const struct tnode *n, struct style st, bool cell)
{
	for (; n != NULL; n = n->next) {
		if (n->name == NULL)
			put_text(ts, n->text, &st);
		else
			inline_elem(ts, n, st, cell);
	}
}

static void
para_reset(struct ts *ts)
{
	buf_reset(&ts->text);
	ts->nsp = 0;
	ts->space = true;
}

/*
 * Cuts what was collected to at most max bytes, at a character
 * boundary, with an ellipsis: text of hostile length (a 100,000-byte
 * title or label) would take Pango minutes to break into lines, and a
 * table row taller than a page would run off it.  report.html keeps
 * the whole text.
 */
static void
cap_text(struct ts *ts, size_t max)
{
	size_t	 n = max;

	if (ts->text.len <= max)
		return;
	while (n > 0 && ((unsigned char)ts->text.data[n] & 0xC0) == 0x80)
		n--;
	ts->text.len = n;
	ts->text.data[n] = '\0';
	buf_puts(&ts->text, "\xe2\x80\xa6");	/* … */
	for (size_t i = 0; i < ts->nsp; i++) {
		if (ts->sp[i].start > n)
			ts->sp[i].start = n;
		if (ts->sp[i].end > n)
			ts->sp[i].end = ts->text.len;
	}
}

/* Makes a text of what was collected, or NULL if it is blank. */
static struct draw_text *
para_text(struct ts *ts, double size, double width, enum draw_align al)
{
	struct draw_text	*t;

	while (ts->text.len > 0 && (ts->text.data[ts->text.len - 1] == ' ' ||
	    ts->text.data[ts->text.len - 1] == '\n'))
		ts->text.data[--ts->text.len] = '\0';
	for (size_t i = 0; i < ts->nsp; i++)
		if (ts->sp[i].end > ts->text.len)
			ts->sp[i].end = ts->text.len;
	cap_text(ts, PDF_MAX_PARA);
	if (ts->text.len == 0) {
		para_reset(ts);
		return NULL;
	}
	t = draw_text_new(ts->dr, ts->text.data, ts->sp, ts->nsp, size, width,
	    al);
	para_reset(ts);
	return t;
}

static struct style
base_style(uint32_t colour)
{
	struct style	 st = { false, 0, colour, NULL };

	return st;
}

/* A paragraph block of n's inline content (or of what is collected). */
static struct block *
para_block(struct ts *ts, const char *tag, double size, uint32_t colour,
    bool bold, const struct tnode *n, double indent)
{
	struct draw_text	*t;
	struct style		 st = base_style(colour);
	struct block		*b;

	st.bold = bold;
	if (n != NULL) {
		para_reset(ts);
		inline_walk(ts, n->kid, st, false);
	}
	if ((t = para_text(ts, size, BODY_W - indent, DRAW_LEFT)) == NULL)
		return NULL;
	b = block_add(ts, B_TEXT);
	b->tag = tag;
	b->t = t;
	b->indent = indent;
	b->before = size * 0.5;
	b->minrows = 2;
	return b;
}

/* ------------------------------------------------------------------ */
/* Block content.                                                      */
/* ------------------------------------------------------------------ */

static void	walk(struct ts *, const struct tnode *);
static char	*flat(const char *);

static void
heading(struct ts *ts, const struct tnode *n, int level)
{
	static const double sizes[] = { 0, 20, 15, 11.5, 10, 9.5, 9.5 };
	static const char *const tags[] = { "", "H1", "H2", "H3", "H4",
	    "H5", "H6" };
	struct block	*b;
	struct buf	 dest;
	struct style	 st = base_style(level == 1 ? BRAND : INK);
	char		*title;

	st.bold = true;
	para_reset(ts);
	inline_walk(ts, n->kid, st, false);
	/* The outline's entry: a line's worth. */
	{
		size_t	 k = ts->text.len < 500 ? ts->text.len : 500;

		while (k > 0 && k < ts->text.len &&
		    ((unsigned char)ts->text.data[k] & 0xC0) == 0x80)
			k--;
		title = xcalloc(k + 4, 1);
		memcpy(title, ts->text.data, k);
		if (k < ts->text.len)
			memcpy(title + k, "\xe2\x80\xa6", 3);
	}
	if ((b = para_block(ts, tags[level], sizes[level], st.colour, true,
	    NULL, 0)) == NULL) {
		free(title);
		return;
	}
	b->level = level;
	b->keep = true;
	b->minrows = 1;
	b->before = level <= 2 ? 14 : level == 3 ? 9 : 6;
	if (level == 2)
		b->rule = true;
	if (level == 2 || level == 3) {
		/* The outline entry goes to a name of its own. */
		buf_init(&dest);
		buf_printf(&dest, "sc-h%zu", ++ts->nheads);
		b->dests = xreallocarray(b->dests, b->ndests + 1,
		    sizeof(*b->dests));
		b->dests[b->ndests++] = buf_detach(&dest, NULL);
		buf_release(&dest);
		b->outline = flat(title);
		b->olevel = level - 1;
	}
	free(title);
}

/* The outline title of a heading: its text on one line. */
static char *
flat(const char *s)
{
	char	*r = xstrdup(s);

	for (char *p = r; *p != '\0'; p++)
		if (*p == '\n')
			*p = ' ';
	return r;
}

static void
list(struct ts *ts, const struct tnode *n)
{
	const struct tnode	*k;
	struct draw_text	*t;
	struct block		*b = NULL;
	size_t			 nli = 0, i = 0, first = ts->n;
	bool			 inl = true;
	struct style		 st = base_style(INK);

	for (k = n->kid; k != NULL; k = k->next)
		if (is(k, "li") && !skipped(k)) {
			nli++;
			if (holds_block(k))
				inl = false;
		}
	if (nli == 0)
		return;
	pend_id(ts, n);
	/* A short list of short items (the counts by status) side by
	 * side, each item a quarter of the width or so. */
	if (inl && nli <= 5 && has_class(n, "rag-counts")) {
		b = block_add(ts, B_ROW);
		b->items = xcalloc(nli, sizeof(*b->items));
		for (k = n->kid; k != NULL; k = k->next) {
			if (!is(k, "li") || skipped(k))
				continue;
			para_reset(ts);
			inline_elem(ts, k, st, false);
			t = para_text(ts, SIZE_BODY + 1, BODY_W / (double)nli,
			    DRAW_LEFT);
			if (t != NULL)
				b->items[b->nitems++] = t;
		}
		b->before = 6;
		b->lopen++;
		b->lclose++;
		return;
	}
	ts->lists++;
	for (k = n->kid; k != NULL; k = k->next) {
		if (!is(k, "li") || skipped(k))
			continue;
		if (!inl && holds_block(k)) {
			pend_id(ts, k);
			walk(ts, k->kid);
			continue;
		}
		pend_id(ts, k);
		b = para_block(ts, "LBody", SIZE_BODY, INK, false, k, 12);
		if (b == NULL)
			continue;
		if (is(n, "ol"))
			snprintf(b->bullet, sizeof(b->bullet), "%zu.", ++i);
		else
			snprintf(b->bullet, sizeof(b->bullet), "%s",
			    has_class(n, "plain") ? "" : "\xe2\x80\xa2");
		b->li = true;
		b->before = 3;
	}
	if (ts->n > first)
		ts->b[ts->n - 1].lclose++;
	else
		ts->lists--;
}

/* A dl: each term and its description on a line. */
static void
deflist(struct ts *ts, const struct tnode *n)
{
	const struct tnode	*k, *g;
	struct style		 st = base_style(INK), term = base_style(MUTED);
	struct block		*b;

	pend_id(ts, n);
	para_reset(ts);
	term.bold = true;
	term.size = SIZE_SMALL;
	for (k = n->kid; k != NULL; k = k->next) {
		const struct tnode *start = k, *stop = k->next;

		if (skipped(k))
			continue;
		if (is(k, "div")) {
			start = k->kid;
			stop = NULL;
		}
		for (g = start; g != stop; g = g->next) {
			if (is(g, "dt")) {
				if (ts->text.len > 0)
					put_text(ts, "  \xc2\xb7  ", &st);
				inline_walk(ts, g->kid, term, false);
				put_text(ts, " ", &st);
			} else if (is(g, "dd"))
				inline_walk(ts, g->kid, st, false);
		}
	}
	if ((b = para_block(ts, "P", SIZE_BODY, INK, false, NULL, 0)) != NULL)
		b->before = 3;
}

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
	struct style		 st = base_style(INK);

	r->head = head;
	for (c = tr->kid; c != NULL; c = c->next) {
		struct rawcell	*rc;

		if ((!is(c, "th") && !is(c, "td")) || skipped(c))
			continue;
		r->c = xreallocarray(r->c, r->n + 1, sizeof(*r->c));
		rc = &r->c[r->n++];
		memset(rc, 0, sizeof(*rc));
		rc->th = is(c, "th");
		rc->num = has_class(c, "num") ||
		    (data && is(c, "td") && !has_class(c, "note"));
		para_reset(ts);
		pend_id(ts, c);
		st.bold = rc->th && (head || !data);
		inline_walk(ts, c->kid, st, true);
		while (ts->text.len > 0 &&
		    (ts->text.data[ts->text.len - 1] == ' ' ||
		    ts->text.data[ts->text.len - 1] == '\n'))
			ts->text.data[--ts->text.len] = '\0';
		for (size_t i = 0; i < ts->nsp; i++)
			if (ts->sp[i].end > ts->text.len)
				ts->sp[i].end = ts->text.len;
		cap_text(ts, PDF_MAX_CELL);
		rc->text = xstrdup(ts->text.data);
		rc->nsp = ts->nsp;
		rc->sp = xcalloc(ts->nsp + 1, sizeof(*rc->sp));
		memcpy(rc->sp, ts->sp, ts->nsp * sizeof(*rc->sp));
		para_reset(ts);
	}
}

static void
rows_of(struct ts *ts, const struct tnode *n, struct rawrow **rows,
    size_t *nrows, bool data, bool head)
{
	for (; n != NULL; n = n->next) {
		if (skipped(n))
			continue;
		if (is(n, "tr")) {
			*rows = xreallocarray(*rows, *nrows + 1,
			    sizeof(**rows));
			memset(&(*rows)[*nrows], 0, sizeof(**rows));
			raw_row(ts, n, &(*rows)[(*nrows)++], data, head);
		} else if (is(n, "thead"))
			rows_of(ts, n->kid, rows, nrows, data, true);
		else if (is(n, "tbody") || is(n, "tfoot"))
			rows_of(ts, n->kid, rows, nrows, data, false);
	}
}

static void
table(struct ts *ts, const struct tnode *n)
{
	const struct tnode	*k;
	struct rawrow		*raw = NULL;
	size_t			 nraw = 0, i, j, ncols = 0, nhead = 0;
	double			*minw, *maxw, summin = 0, summax = 0, avail;
	double			 size, rowh, x;
	bool			 data = has_class(n, "data"), uniform;
	struct block		*b;
	struct style		 st = base_style(INK);
	struct draw_text	*caption;

	pend_id(ts, n);
	size = data ? SIZE_DATA : SIZE_TABLE;
	para_reset(ts);
	for (k = n->kid; k != NULL; k = k->next)
		if (is(k, "caption") && !skipped(k)) {
			st.bold = true;
			inline_walk(ts, k->kid, st, false);
		}
	caption = para_text(ts, data ? SIZE_SMALL + 0.5 : SIZE_BODY, BODY_W,
	    DRAW_LEFT);
	rows_of(ts, n->kid, &raw, &nraw, data, false);
	if (nraw == 0) {
		draw_text_free(caption);
		para_reset(ts);
		return;
	}
	b = block_add(ts, B_TABLE);
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

static bool
find_figure(const struct ts *ts, const struct tnode *svg,
    const struct scene **s, char **alt)
{
	const struct tnode	*k;
	const char		*id;
	struct buf		 b;
	size_t			 len, i;

	*s = NULL;
	*alt = NULL;
	for (k = svg->kid; k != NULL; k = k->next) {
		if (k->name == NULL || !k->svg)
			continue;
		if (strcmp(k->name, "title") == 0 &&
		    (id = tnode_attr(k, "id")) != NULL &&
		    (len = strlen(id)) > 6 &&
		    strcmp(id + len - 6, "-title") == 0)
			for (i = 0; i < ts->pf->n; i++)
				if (strlen(ts->pf->f[i].name) == len - 6 &&
				    strncmp(ts->pf->f[i].name, id, len - 6) == 0)
					*s = &ts->pf->f[i].s;
		if (strcmp(k->name, "desc") == 0 && *alt == NULL) {
			buf_init(&b);
			for (const struct tnode *t = k->kid; t != NULL;
			    t = t->next)
				if (t->name == NULL)
					buf_puts(&b, t->text);
			*alt = buf_detach(&b, NULL);
			buf_release(&b);
		}
	}
	return *s != NULL;
}

static void
figure(struct ts *ts, const struct tnode *svg)
{
	const struct scene	*s;
	char			*alt;
	struct block		*b;
	struct style		 st = base_style(MUTED);

	if (!find_figure(ts, svg, &s, &alt)) {
		/* Not one of ours: its description stands in for it. */
		if (alt != NULL && *alt != '\0') {
			para_reset(ts);
			put_text(ts, alt, &st);
			para_block(ts, "P", SIZE_BODY, MUTED, false, NULL, 0);
		}
		free(alt);
		return;
	}
	b = block_add(ts, B_FIGURE);
	b->scene = s;
	b->alt = alt;
	b->before = 6;
	b->rowh = xcalloc(1, sizeof(*b->rowh));
	b->rowh[0] = s->h * CHART_SCALE;
	b->nrowh = 1;
	if (ts->in_article && !ts->article_fig) {
		/* An indicator's heading, words and chart stay together. */
		ts->article_fig = true;
		for (size_t i = ts->article_first; i + 1 < ts->n; i++)
			ts->b[i].keep = true;
	}
}

static void
flush_inline(struct ts *ts, double size, uint32_t colour)
{
	if (ts->text.len > 0)
		para_block(ts, "P", size, colour, false, NULL, 0);
	else
		para_reset(ts);
}

/* Walks sibling list n as block content. */
static void
walk(struct ts *ts, const struct tnode *n)
{
	struct style	 st = base_style(INK);
	struct block	*b;
	size_t		 first;

	for (; n != NULL; n = n->next) {
		if (n->name == NULL) {
			put_text(ts, n->text, &st);
			continue;
		}
		if (skipped(n))
			continue;
		if (!is_block(n)) {
			if (holds_block(n)) {
				flush_inline(ts, SIZE_BODY, INK);
				pend_id(ts, n);
				walk(ts, n->kid);
			} else
				inline_elem(ts, n, st, false);
			continue;
		}
		flush_inline(ts, SIZE_BODY, INK);
		if (n->svg) {
			figure(ts, n);
			continue;
		}
		if (n->name[0] == 'h' && n->name[1] >= '1' &&
		    n->name[1] <= '6' && n->name[2] == '\0') {
			pend_id(ts, n);
			heading(ts, n, n->name[1] - '0');
		} else if (is(n, "p") || is(n, "figcaption") ||
		    is(n, "address") || is(n, "pre")) {
			double size = SIZE_BODY;
			uint32_t colour = INK;
			bool bold = false;

			pend_id(ts, n);
			if (ts->in_footer) {
				size = SIZE_SMALL;
				colour = MUTED;
			}
			if (has_class(n, "org") || has_class(n, "period") ||
			    has_class(n, "gen") || has_class(n, "suppressed"))
				colour = MUTED;
			if (has_class(n, "org"))
				bold = true;
			if (ts->in_article && has_class(n, "headline"))
				size = SIZE_BODY + 1;
			if ((b = para_block(ts, "P", size, colour, bold, n,
			    0)) != NULL && has_class(n, "restricted"))
				b->box = 0xAA2A16;
		} else if (is(n, "ul") || is(n, "ol"))
			list(ts, n);
		else if (is(n, "dl"))
			deflist(ts, n);
		else if (is(n, "table"))
			table(ts, n);
		else if (is(n, "hr"))
			ts->rule_next = true;
		else if (is(n, "article")) {
			bool	 was = ts->in_article, fig = ts->article_fig;
			size_t	 af = ts->article_first;

			pend_id(ts, n);
			ts->in_article = true;
			ts->article_fig = false;
			ts->article_first = ts->n;
			ts->rule_next = true;
			first = ts->n;
			walk(ts, n->kid);
			flush_inline(ts, SIZE_BODY, INK);
			(void)first;
			ts->in_article = was;
			ts->article_fig = fig;
			ts->article_first = af;
		} else {
			/* header, main, footer, section, div, figure, li
			 * outside a list, details, ...: their content. */
			bool small = is(n, "footer");

			bool	 was = ts->in_footer;

			pend_id(ts, n);
			first = ts->n;
			if (small)
				ts->in_footer = true;
			walk(ts, n->kid);
			flush_inline(ts, small ? SIZE_SMALL : SIZE_BODY,
			    small ? MUTED : INK);
			ts->in_footer = was;
			if (small)
				for (size_t i = first; i < ts->n; i++)
					if (i == first)
						ts->b[i].rule = true;
		}
	}
}

/* ------------------------------------------------------------------ */
/* Drawing.                                                            */
/* ------------------------------------------------------------------ */

struct dctx {
	struct draw	*dr;
	struct draw_doc	*doc;
	const struct ts	*ts;
	size_t		 npages;
	int		 outline1;	/* the last level-1 outline entry */
	const char	**alts;		/* each figure's alt, in order */
	size_t		 nalts;
};

static double
text_h(const struct draw_text *t, size_t first, size_t n)
{
	double	 h = 0;

	for (size_t i = first; i < first + n && i < draw_text_lines(t); i++)
		h += draw_text_line_h(t, i);
	return h;
}

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
		y += text_h(b->caption, 0, draw_text_lines(b->caption)) + 3;
	}
	for (c = 0; c * s->bands < s->n; c++) {
		x = MARGIN_X + (double)c * (b->tw + ACROSS_GAP);
		yc = y;
		/* The header rows: tagged once, on the table's first page;
		 * repeated ones are artifacts. */
		for (i = 0; i < b->nhead; i++) {
			bool art = !(first && c == 0);

			if (art)
				draw_doc_tag(dc->doc, "Private", NULL);
			draw_row(dc, b, &b->rows[i], x, yc, art);
			if (art)
				draw_doc_end(dc->doc, "Private");
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
	/* The rules: one artifact for the whole segment. */
	draw_doc_tag(dc->doc, "Private", NULL);
	for (i = 0; i < nrules; i++)
		draw_doc_rect(dc->doc, rules[i].x, rules[i].y, rules[i].w,
		    rules[i].h, rules[i].head ? INK : RULE, SC_NONE, 0);
	draw_doc_end(dc->doc, "Private");
	free(rules);
	if (last)
		draw_doc_end(dc->doc, "Table");
}

static void
draw_text_seg(struct dctx *dc, const struct block *b, const struct pseg *s,
    bool first, bool last)
{
	double	 y = s->y + BODY_TOP, x = MARGIN_X + b->indent;
	double	 h = text_h(b->t, s->first, s->n);

	if (first) {
		for (int i = 0; i < b->lopen; i++)
			draw_doc_tag(dc->doc, "L", NULL);
		draw_dests(dc, b, y);
		if (b->rule) {
			draw_doc_tag(dc->doc, "Private", NULL);
			draw_doc_rect(dc->doc, MARGIN_X, y - (b->level == 2 ?
			    6 : 5), BODY_W, b->level == 2 ? 1.5 : 0.6,
			    RULE, SC_NONE, 0);
			draw_doc_end(dc->doc, "Private");
		}
		if (b->li)
			draw_doc_tag(dc->doc, "LI", NULL);
		if (b->li && b->bullet[0] != '\0') {
			struct draw_text *m;
			struct draw_span sp = { 0, strlen(b->bullet), false, 0,
			    MUTED, NULL };

			m = draw_text_new(dc->dr, b->bullet, &sp, 1, SIZE_BODY,
			    -1, DRAW_LEFT);
			draw_doc_tag(dc->doc, "Lbl", NULL);
			draw_doc_text(dc->doc, m, MARGIN_X + 2, y, 0, 1);
			draw_doc_end(dc->doc, "Lbl");
			draw_text_free(m);
		}
	}
	draw_doc_tag(dc->doc, b->tag, NULL);
	draw_doc_text(dc->doc, b->t, x, y, s->first, s->n);
	draw_doc_end(dc->doc, b->tag);
	if (b->box != SC_NONE) {
		draw_doc_tag(dc->doc, "Private", NULL);
		draw_doc_rect(dc->doc, x - 5, y - 4, BODY_W - b->indent + 10,
		    h + 8, SC_NONE, b->box, 2);
		draw_doc_end(dc->doc, "Private");
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

/* The running head and footer: artifacts, on every page but the first. */
static void
furniture(struct dctx *dc, size_t page)
{
	struct draw_text	*t;
	struct draw_span	 sp = { 0, 0, false, 0, MUTED, NULL };
	struct buf		 b;
	const struct ts		*ts = dc->ts;

	if (page == 0)
		return;
	buf_init(&b);
	draw_doc_tag(dc->doc, "Private", NULL);
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

/* ------------------------------------------------------------------ */
/* The whole.                                                          */
/* ------------------------------------------------------------------ */

void
pdf_figures_add(struct pdf_figures *pf, const char *name, struct scene *s)
{
	struct pdf_figure	*f;

	if (pf->n == pf->max) {
		pf->max = pf->max ? pf->max * 2 : 32;
		pf->f = xreallocarray(pf->f, pf->max, sizeof(*pf->f));
	}
	f = &pf->f[pf->n++];
	f->name = xstrdup(name);
	f->s = *s;
	scene_init(s);
}

void
pdf_figures_release(struct pdf_figures *pf)
{
	for (size_t i = 0; i < pf->n; i++) {
		free(pf->f[i].name);
		scene_release(&pf->f[i].s);
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
				    text_h(b->items[k], 0,
				    draw_text_lines(b->items[k])));
			break;
		case B_TABLE:
			pb[i].cap = b->caption == NULL ? 0 : text_h(b->caption,
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

/* Draws the segments on page p of blocks from, on. */
static void
draw_page(struct dctx *dc, struct ts *ts, struct pblock *pb, size_t p,
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
		if (is(n, "title")) {
			buf_init(&b);
			for (const struct tnode *t = n->kid; t != NULL;
			    t = t->next)
				if (t->name == NULL)
					buf_puts(&b, t->text);
			r = buf_detach(&b, NULL);
			buf_release(&b);
			return r;
		}
		if (n->name != NULL && !n->svg && !is(n, "body")) {
			r = doc_title(n->kid);
			if (r != NULL)
				return r;
		}
	}
	return NULL;
}

bool
pdf_report(struct draw *dr, const char *html, size_t len,
    const struct pdf_figures *pf, const struct pdf_meta *meta,
    struct buf *out, struct diag *d)
{
	struct tnode	*root;
	struct ts	 ts;
	struct dctx	 dc;
	struct pblock	*pb = NULL;
	struct draw_meta dm;
	struct pdfpost	 pp;
	struct buf	 raw, date, links;
	char		*title = NULL;
	size_t		 i, p, done = 0;
	bool		 ok = false;

	if ((root = tmpl_tree(html, len, d)) == NULL)
		return false;
	memset(&ts, 0, sizeof(ts));
	memset(&dc, 0, sizeof(dc));
	buf_init(&ts.text);
	buf_init(&raw);
	buf_init(&date);
	buf_init(&links);
	ts.dr = dr;
	ts.pf = pf;
	ts.d = d;
	ts.space = true;
	title = doc_title(root->kid);
	ts.title = root_attr(root, "data-title");
	if (ts.title == NULL)
		ts.title = title;
	ts.org = root_attr(root, "data-organisation");
	ts.period = root_attr(root, "data-period");
	ts.lang = root_attr(root, "lang");

	/* The document first: text laid out after it needs no second
	 * layout when Cairo's surface sets the font options. */
	buf_printf(&date, "%sT00:00:00Z", meta->date);
	dm.title = title != NULL ? title : ts.title;
	dm.author = ts.org;
	dm.subject = meta->subject;
	dm.date = date.data;
	dc.dr = dr;
	dc.ts = &ts;
	dc.doc = draw_doc_new(dr, PAGE_W, PAGE_H, &dm);

	collect_ids(&ts, root);
	if (ts.nids > 0)	/* qsort() must not be given NULL */
		qsort(ts.ids, ts.nids, sizeof(*ts.ids), strpcmp);
	for (const struct tnode *k = root->kid; k != NULL; k = k->next)
		if (is(k, "body"))
			walk(&ts, k->kid);
	flush_inline(&ts, SIZE_BODY, INK);
	if (ts.n == 0) {
		/* An empty report is still a page. */
		struct style st = base_style(INK);

		put_text(&ts, dm.title != NULL ? dm.title : "Report", &st);
		para_block(&ts, "P", SIZE_BODY, INK, false, NULL, 0);
	}
	pb = pblocks(&ts);
	dc.npages = page_layout(pb, ts.n, BODY_H);

	draw_doc_tag(dc.doc, "Document", NULL);
	for (p = 0; p < dc.npages; p++) {
		if (p > 0)
			draw_doc_page(dc.doc);
		furniture(&dc, p);
		draw_page(&dc, &ts, pb, p, done);
		/* What is drawn is done with: a long report's texts are
		 * not all held at once. */
		while (done < ts.n && (pb[done].nseg == 0 ||
		    pb[done].seg[pb[done].nseg - 1].page <= p)) {
			block_free(&ts.b[done]);
			memset(&ts.b[done], 0, sizeof(ts.b[done]));
			done++;
		}
	}
	draw_doc_end(dc.doc, "Document");
	if (!draw_doc_finish(dc.doc, &raw, &links, d))
		goto out;
	pp.lang = ts.lang != NULL ? ts.lang : "en-GB";
	pp.title = dm.title;
	pp.author = dm.author;
	pp.subject = dm.subject;
	pp.date = meta->date;
	pp.alts = dc.alts;
	pp.nalts = dc.nalts;
	pp.links = links.data;
	pp.linkslen = links.len;
	ok = pdfpost_fix(raw.data, raw.len, &pp, out, d);
out:
	page_release(pb, ts.n);
	free(pb);
	for (i = 0; i < ts.n; i++)
		block_free(&ts.b[i]);
	free(ts.b);
	free(ts.sp);
	for (i = 0; i < ts.npend; i++)
		free(ts.pend[i]);
	free(ts.pend);
	for (i = 0; i < ts.nids; i++)
		free(ts.ids[i]);
	free(ts.ids);
	for (i = 0; i < dc.nalts; i++)
		free((char *)dc.alts[i]);
	free(dc.alts);
	free(title);
	buf_release(&ts.text);
	buf_release(&raw);
	buf_release(&date);
	buf_release(&links);
	tnode_free(root);
	return ok;
}
