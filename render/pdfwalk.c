/*
 * pdfwalk: report.html's tree into the typesetter's blocks (see pdf.c's
 * first comment for what becomes what): inline content into a
 * paragraph's text and spans, headings, lists, definition lists,
 * figures, and the walk over block content that keeps an indicator's
 * heading, words and chart together and stops past PDF_MAX_PAGES.
 * Each text is measured here (draw_text_new()).  Tables are pdftable.c's.
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
#include "pdf.h"
#include "pdf-int.h"
#include "tmpl.h"
#include "utf8.h"
#include "util.h"


bool
pdf_has_class(const struct tnode *n, const char *cls)
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

bool
pdf_is(const struct tnode *n, const char *name)
{
	return n->name != NULL && !n->svg && strcmp(n->name, name) == 0;
}

bool
pdf_skipped(const struct tnode *n)
{
	return pdf_is(n, "head") || pdf_is(n, "script") || pdf_is(n, "style") ||
	    pdf_is(n, "template") || pdf_is(n, "summary") || pdf_is(n, "noscript") ||
	    (n->name != NULL && (tnode_attr(n, "hidden") != NULL ||
	    pdf_has_class(n, "no-pdf") || pdf_has_class(n, "skip")));
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
		if (!pdf_skipped(k) && (is_block(k) ||
		    (k->name != NULL && !k->svg && holds_block(k))))
			return true;
	return false;
}

int
pdf_strpcmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Is id an element's id?  ts->ids is sorted by then (collect_ids). */
static bool
known_id(const struct ts *ts, const char *id)
{
	return ts->nids > 0 && bsearch(&id, ts->ids, ts->nids,
	    sizeof(*ts->ids), pdf_strpcmp) != NULL;
}

void
pdf_collect_ids(struct ts *ts, const struct tnode *n)
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
		pdf_collect_ids(ts, n->kid);
	}
}

void
pdf_pend_id(struct ts *ts, const struct tnode *n)
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

struct block *
pdf_block_add(struct ts *ts, enum bkind k)
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
	s->artifact = st->artifact;
}

/* Appends text with white space collapsed, as HTML shows it. */
void
pdf_put_text(struct ts *ts, const char *s, const struct style *st)
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


static void
inline_elem(struct ts *ts, const struct tnode *n, struct style st,
    bool cell)
{
	const char	*href;
	uint32_t	 c;

	if (pdf_skipped(n) || n->svg)
		return;
	if (pdf_is(n, "br")) {
		line_break(ts);
		return;
	}
	if (pdf_is(n, "img")) {
		if ((href = tnode_attr(n, "alt")) != NULL)
			pdf_put_text(ts, href, &st);
		return;
	}
	pdf_pend_id(ts, n);
	/* What the HTML hides from screen readers (a status's symbol,
	 * beside its word) the PDF draws as an artifact. */
	if ((href = tnode_attr(n, "aria-hidden")) != NULL &&
	    strcmp(href, "true") == 0)
		st.artifact = true;
	if (pdf_is(n, "strong") || pdf_is(n, "b") || pdf_is(n, "th") ||
	    pdf_is(n, "dt"))
		st.bold = true;
	if (pdf_is(n, "a") && (href = tnode_attr(n, "href")) != NULL &&
	    href[0] == '#' && known_id(ts, href + 1)) {
		st.link = href + 1;
		st.colour = LINK;
	}
	if (pdf_has_class(n, "when") || pdf_has_class(n, "reason") ||
	    pdf_has_class(n, "note")) {
		if (cell || pdf_has_class(n, "reason"))
			line_break(ts);
		if (st.link == NULL)
			st.colour = MUTED;
		st.size = cell ? SIZE_TABLE - 1 : 0;
	}
	if (pdf_has_class(n, "sentence"))
		line_break(ts);
	if (pdf_has_class(n, "code")) {
		st.bold = true;
		if (st.link == NULL)
			st.colour = MUTED;
	}
	if (pdf_has_class(n, "big")) {
		st.bold = true;
		st.size = 17;
	}
	if (pdf_has_class(n, "badge") || pdf_has_class(n, "rag")) {
		c = status_colour(tnode_attr(n, "data-status"));
		if (pdf_has_class(n, "rag"))
			c = pdf_has_class(n, "red") ? 0xAA2A16 :
			    pdf_has_class(n, "amber") ? 0x8A4B00 :
			    pdf_has_class(n, "green") ? 0x00703C : MUTED;
		if (c != 0) {
			st.colour = c;
			st.bold = true;
		}
	}
	pdf_inline_walk(ts, n->kid, st, cell);
}

void
pdf_inline_walk(struct ts *ts, const struct tnode *n, struct style st,
    bool cell)
{
	for (; n != NULL; n = n->next) {
		if (n->name == NULL)
			pdf_put_text(ts, n->text, &st);
		else
			inline_elem(ts, n, st, cell);
	}
}

void
pdf_para_reset(struct ts *ts)
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
void
pdf_cap_text(struct ts *ts, size_t max)
{
	size_t	 n;

	if (ts->text.len <= max)
		return;
	n = utf8_cut(ts->text.data, max);
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
struct draw_text *
pdf_para_text(struct ts *ts, double size, double width,
    enum draw_align al)
{
	struct draw_text	*t;

	while (ts->text.len > 0 && (ts->text.data[ts->text.len - 1] == ' ' ||
	    ts->text.data[ts->text.len - 1] == '\n'))
		ts->text.data[--ts->text.len] = '\0';
	for (size_t i = 0; i < ts->nsp; i++)
		if (ts->sp[i].end > ts->text.len)
			ts->sp[i].end = ts->text.len;
	pdf_cap_text(ts, PDF_MAX_PARA);
	if (ts->text.len == 0) {
		pdf_para_reset(ts);
		return NULL;
	}
	t = draw_text_new(ts->dr, ts->text.data, ts->sp, ts->nsp, size, width,
	    al);
	pdf_para_reset(ts);
	return t;
}

struct style
pdf_base_style(uint32_t colour)
{
	struct style	 st = { false, 0, colour, NULL, false };

	return st;
}

/* A paragraph block of n's inline content (or of what is collected). */
struct block *
pdf_para_block(struct ts *ts, const char *tag, double size, uint32_t colour,
    bool bold, const struct tnode *n, double indent)
{
	struct draw_text	*t;
	struct style		 st = pdf_base_style(colour);
	struct block		*b;

	st.bold = bold;
	if (n != NULL) {
		pdf_para_reset(ts);
		pdf_inline_walk(ts, n->kid, st, false);
	}
	if ((t = pdf_para_text(ts, size, BODY_W - indent, DRAW_LEFT)) == NULL)
		return NULL;
	b = pdf_block_add(ts, B_TEXT);
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

static char	*flat(const char *);

static void
heading(struct ts *ts, const struct tnode *n, int level)
{
	static const double sizes[] = { 0, 20, 15, 11.5, 10, 9.5, 9.5 };
	static const char *const tags[] = { "", "H1", "H2", "H3", "H4",
	    "H5", "H6" };
	struct block	*b;
	struct buf	 dest;
	struct style	 st = pdf_base_style(level == 1 ? BRAND : INK);
	char		*title;

	st.bold = true;
	pdf_para_reset(ts);
	pdf_inline_walk(ts, n->kid, st, false);
	/* The outline's entry: a line's worth. */
	{
		size_t	 k = ts->text.len < 500 ? ts->text.len : 500;

		if (k < ts->text.len)
			k = utf8_cut(ts->text.data, k);
		title = xcalloc(k + 4, 1);
		memcpy(title, ts->text.data, k);
		if (k < ts->text.len)
			memcpy(title + k, "\xe2\x80\xa6", 3);
	}
	if ((b = pdf_para_block(ts, tags[level], sizes[level], st.colour, true,
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
	struct style		 st = pdf_base_style(INK);

	for (k = n->kid; k != NULL; k = k->next)
		if (pdf_is(k, "li") && !pdf_skipped(k)) {
			nli++;
			if (holds_block(k))
				inl = false;
		}
	if (nli == 0)
		return;
	pdf_pend_id(ts, n);
	/* A short list of short items (the counts by status) side by
	 * side, each item a quarter of the width or so. */
	if (inl && nli <= 5 && pdf_has_class(n, "rag-counts")) {
		b = pdf_block_add(ts, B_ROW);
		b->items = xcalloc(nli, sizeof(*b->items));
		for (k = n->kid; k != NULL; k = k->next) {
			if (!pdf_is(k, "li") || pdf_skipped(k))
				continue;
			pdf_para_reset(ts);
			inline_elem(ts, k, st, false);
			t = pdf_para_text(ts, SIZE_BODY + 1, BODY_W / (double)nli,
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
		if (!pdf_is(k, "li") || pdf_skipped(k))
			continue;
		if (!inl && holds_block(k)) {
			pdf_pend_id(ts, k);
			pdf_walk(ts, k->kid);
			continue;
		}
		pdf_pend_id(ts, k);
		b = pdf_para_block(ts, "LBody", SIZE_BODY, INK, false, k, 12);
		if (b == NULL)
			continue;
		if (pdf_is(n, "ol"))
			snprintf(b->bullet, sizeof(b->bullet), "%zu.", ++i);
		else
			snprintf(b->bullet, sizeof(b->bullet), "%s",
			    pdf_has_class(n, "plain") ? "" : "\xe2\x80\xa2");
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
	struct style		 st = pdf_base_style(INK), term = pdf_base_style(MUTED);
	struct block		*b;

	pdf_pend_id(ts, n);
	pdf_para_reset(ts);
	term.bold = true;
	term.size = SIZE_SMALL;
	for (k = n->kid; k != NULL; k = k->next) {
		const struct tnode *start = k, *stop = k->next;

		if (pdf_skipped(k))
			continue;
		if (pdf_is(k, "div")) {
			start = k->kid;
			stop = NULL;
		}
		for (g = start; g != stop; g = g->next) {
			if (pdf_is(g, "dt")) {
				/* The separator is no word: an
				 * artifact, between spaces that are. */
				if (ts->text.len > 0) {
					struct style sep = st;

					sep.artifact = true;
					pdf_put_text(ts, " ", &st);
					pdf_put_text(ts, "\xc2\xb7", &sep);
					pdf_put_text(ts, " ", &st);
				}
				pdf_inline_walk(ts, g->kid, term, false);
				pdf_put_text(ts, " ", &st);
			} else if (pdf_is(g, "dd"))
				pdf_inline_walk(ts, g->kid, st, false);
		}
	}
	if ((b = pdf_para_block(ts, "P", SIZE_BODY, INK, false, NULL, 0)) != NULL)
		b->before = 3;
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
					*s = ts->pf->f[i].s;
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
	struct style		 st = pdf_base_style(MUTED);

	if (!find_figure(ts, svg, &s, &alt)) {
		/* Not one of ours: its description stands in for it. */
		if (alt != NULL && *alt != '\0') {
			pdf_para_reset(ts);
			pdf_put_text(ts, alt, &st);
			pdf_para_block(ts, "P", SIZE_BODY, MUTED, false, NULL, 0);
		}
		free(alt);
		return;
	}
	b = pdf_block_add(ts, B_FIGURE);
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

void
pdf_flush_inline(struct ts *ts, double size, uint32_t colour)
{
	if (ts->text.len > 0)
		pdf_para_block(ts, "P", size, colour, false, NULL, 0);
	else
		pdf_para_reset(ts);
}

/*
 * Counts the blocks made since the last call into ts->least, a height
 * the pages need at the least (no space between blocks, tables side by
 * side as far as they go, figures shrunk), and into ts->tags, the
 * tagged elements pdfdraw.c will make of them (a paragraph split over
 * pages counted once), and says whether either is past its limit: the
 * walk then stops, before a hostile report's every text is measured
 * and held.
 */
bool
pdf_too_long(struct ts *ts)
{
	for (; ts->counted < ts->n; ts->counted++) {
		const struct block *b = &ts->b[ts->counted];
		double	 h = 0;
		size_t	 tags = (size_t)b->lopen;

		switch (b->kind) {
		case B_TEXT:
			if (b->t != NULL)
				h = pdf_text_h(b->t, 0, draw_text_lines(b->t));
			tags += 1 + (b->li ? 2 : 0);
			break;
		case B_ROW:
			for (size_t k = 0; k < b->nitems; k++)
				h = fmax(h, pdf_text_h(b->items[k], 0,
				    draw_text_lines(b->items[k])));
			tags += 2 * b->nitems;
			break;
		case B_TABLE:
			for (size_t k = 0; k < b->nrowh; k++)
				h += b->rowh[k];
			h /= (double)(b->across > 1 ? b->across : 1);
			tags += 2;
			for (size_t k = 0; k < b->nrows; k++)
				tags += 1 + b->rows[k].n;
			break;
		case B_FIGURE:
			h = b->rowh[0] * CHART_MIN;
			tags++;
			break;
		}
		ts->least += h;
		ts->tags += tags;
	}
	if (ts->tags > PDF_MAX_TAGS)
		ts->toomany = ts->toolong = true;
	if (ts->least > (double)PDF_MAX_PAGES * BODY_H)
		ts->toolong = true;
	return ts->toolong;
}

/* Walks sibling list n as block content. */
void
pdf_walk(struct ts *ts, const struct tnode *n)
{
	struct style	 st = pdf_base_style(INK);
	struct block	*b;
	size_t		 first;

	for (; n != NULL && !pdf_too_long(ts); n = n->next) {
		if (n->name == NULL) {
			pdf_put_text(ts, n->text, &st);
			continue;
		}
		if (pdf_skipped(n))
			continue;
		if (!is_block(n)) {
			if (holds_block(n)) {
				pdf_flush_inline(ts, SIZE_BODY, INK);
				pdf_pend_id(ts, n);
				pdf_walk(ts, n->kid);
			} else
				inline_elem(ts, n, st, false);
			continue;
		}
		pdf_flush_inline(ts, SIZE_BODY, INK);
		if (n->svg) {
			figure(ts, n);
			continue;
		}
		if (n->name[0] == 'h' && n->name[1] >= '1' &&
		    n->name[1] <= '6' && n->name[2] == '\0') {
			pdf_pend_id(ts, n);
			heading(ts, n, n->name[1] - '0');
		} else if (pdf_is(n, "p") || pdf_is(n, "figcaption") ||
		    pdf_is(n, "address") || pdf_is(n, "pre")) {
			double size = SIZE_BODY;
			uint32_t colour = INK;
			bool bold = false;

			pdf_pend_id(ts, n);
			if (ts->in_footer) {
				size = SIZE_SMALL;
				colour = MUTED;
			}
			if (pdf_has_class(n, "org") || pdf_has_class(n, "period") ||
			    pdf_has_class(n, "gen") || pdf_has_class(n, "suppressed"))
				colour = MUTED;
			if (pdf_has_class(n, "org"))
				bold = true;
			if (ts->in_article && pdf_has_class(n, "headline"))
				size = SIZE_BODY + 1;
			if ((b = pdf_para_block(ts, "P", size, colour, bold, n,
			    0)) != NULL && pdf_has_class(n, "restricted"))
				b->box = 0xAA2A16;
		} else if (pdf_is(n, "ul") || pdf_is(n, "ol"))
			list(ts, n);
		else if (pdf_is(n, "dl"))
			deflist(ts, n);
		else if (pdf_is(n, "table"))
			pdf_table(ts, n);
		else if (pdf_is(n, "hr"))
			ts->rule_next = true;
		else if (pdf_is(n, "article")) {
			bool	 was = ts->in_article, fig = ts->article_fig;
			size_t	 af = ts->article_first;

			pdf_pend_id(ts, n);
			ts->in_article = true;
			ts->article_fig = false;
			ts->article_first = ts->n;
			ts->rule_next = true;
			first = ts->n;
			pdf_walk(ts, n->kid);
			pdf_flush_inline(ts, SIZE_BODY, INK);
			(void)first;
			ts->in_article = was;
			ts->article_fig = fig;
			ts->article_first = af;
		} else {
			/* header, main, footer, section, div, figure, li
			 * outside a list, details, ...: their content. */
			bool small = pdf_is(n, "footer");

			bool	 was = ts->in_footer;

			pdf_pend_id(ts, n);
			first = ts->n;
			if (small)
				ts->in_footer = true;
			pdf_walk(ts, n->kid);
			pdf_flush_inline(ts, small ? SIZE_SMALL : SIZE_BODY,
			    small ? MUTED : INK);
			ts->in_footer = was;
			if (small)
				for (size_t i = first; i < ts->n; i++)
					if (i == first)
						ts->b[i].rule = true;
		}
	}
}


double
pdf_text_h(const struct draw_text *t, size_t first, size_t n)
{
	double	 h = 0;

	for (size_t i = first; i < first + n && i < draw_text_lines(t); i++)
		h += draw_text_line_h(t, i);
	return h;
}
