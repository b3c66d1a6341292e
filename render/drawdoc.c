/*
 * drawdoc: documents, for report.pdf (pdf.c): pages of texts, rules and
 * scenes on Cairo's PDF surface, inside structure tags, with link
 * destinations, links (their texts kept for pdfpost) and the outline.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "buf.h"
#include "diag.h"
#include "draw.h"
#include "draw-int.h"
#include "util.h"

/* The span covering byte offset at, or NULL. */
static const struct draw_span *
span_at(const struct draw_text *t, size_t at)
{
	const struct draw_span	*found = NULL;

	for (size_t i = 0; i < t->nsp; i++)
		if (t->sp[i].start <= at && at < t->sp[i].end)
			found = &t->sp[i];	/* the innermost: last */
	return found;
}

struct draw_doc *
draw_doc_new(struct draw *dr, double w, double h,
    const struct draw_meta *meta)
{
	struct draw_doc	*doc;

	doc = xcalloc(1, sizeof(*doc));
	doc->dr = dr;
	buf_init(&doc->out);
	buf_init(&doc->links);
	buf_init(&doc->atext);
	doc->surf = cairo_pdf_surface_create_for_stream(draw_tobuf, &doc->out,
	    w, h);
	if (meta->title != NULL)
		cairo_pdf_surface_set_metadata(doc->surf,
		    CAIRO_PDF_METADATA_TITLE, meta->title);
	if (meta->author != NULL)
		cairo_pdf_surface_set_metadata(doc->surf,
		    CAIRO_PDF_METADATA_AUTHOR, meta->author);
	if (meta->subject != NULL)
		cairo_pdf_surface_set_metadata(doc->surf,
		    CAIRO_PDF_METADATA_SUBJECT, meta->subject);
	cairo_pdf_surface_set_metadata(doc->surf,
	    CAIRO_PDF_METADATA_CREATE_DATE, meta->date != NULL ? meta->date :
	    "2000-01-01T00:00:00Z");
	cairo_pdf_surface_set_metadata(doc->surf, CAIRO_PDF_METADATA_CREATOR,
	    "scorecard");
	doc->cr = cairo_create(doc->surf);
	pango_cairo_update_context(doc->cr, dr->tctx);
	return doc;
}

void
draw_doc_page(struct draw_doc *doc)
{
	cairo_show_page(doc->cr);
}

void
draw_doc_tag(struct draw_doc *doc, const char *tag, const char *attrs)
{
	cairo_tag_begin(doc->cr, tag, attrs);
}

void
draw_doc_end(struct draw_doc *doc, const char *tag)
{
	cairo_tag_end(doc->cr, tag);
}

/* Appends s to b as a Cairo attribute string value: '...' with \ and '
 * escaped. */
static void
put_attr_str(struct buf *b, const char *s)
{
	buf_putc(b, '\'');
	for (; *s != '\0'; s++) {
		if (*s == '\'' || *s == '\\')
			buf_putc(b, '\\');
		buf_putc(b, *s);
	}
	buf_putc(b, '\'');
}

void
draw_doc_dest(struct draw_doc *doc, const char *name, double x, double y)
{
	struct buf	 a;

	buf_init(&a);
	BUF_PUTSL(&a, "name=");
	put_attr_str(&a, name);
	buf_printf(&a, " x=%.2f y=%.2f", x, y);
	cairo_tag_begin(doc->cr, CAIRO_TAG_DEST, a.data);
	cairo_tag_end(doc->cr, CAIRO_TAG_DEST);
	buf_release(&a);
}

int
draw_doc_outline(struct draw_doc *doc, int parent, const char *title,
    const char *dest, bool open)
{
	struct buf	 a;
	int		 id;

	buf_init(&a);
	BUF_PUTSL(&a, "dest=");
	put_attr_str(&a, dest);
	id = cairo_pdf_surface_add_outline(doc->surf,
	    parent == 0 ? CAIRO_PDF_OUTLINE_ROOT : parent, title, a.data,
	    open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
	buf_release(&a);
	return id;
}

/*
 * The tags a text's runs are drawn in: one Link tag for a link's runs in
 * a row, over line ends (one link for a screen reader); when the lines
 * drawn have a link (mixed), a Span around the words between.  Cairo
 * 1.16 gives marked content (an MCID) only to structure elements without
 * child elements, so the words of a paragraph around its Link were
 * painted untagged, and a screen reader never read them.  Artifacts are
 * never drawn inside a text's element (see art_keep()), so that a cell
 * or paragraph with a status symbol stays one element with its words.
 */
struct runtags {
	const char	*link;		/* the open Link's destination */
	bool		 span;		/* a Span open */
	bool		 mixed;
	struct buf	 attr;
};

static void
runtags_init(struct runtags *rt, bool mixed)
{
	memset(rt, 0, sizeof(*rt));
	rt->mixed = mixed;
	buf_init(&rt->attr);
}

/* Opens the tags for a run of link (or NULL), closing what the run
 * before had open that this one has not. */
static void
runtags_set(struct draw_doc *doc, struct runtags *rt, const char *link)
{
	cairo_t	*cr = doc->cr;

	if (rt->link != NULL && (link == NULL || strcmp(link, rt->link) != 0)) {
		cairo_tag_end(cr, CAIRO_TAG_LINK);
		buf_putc(&doc->links, '\0');
		rt->link = NULL;
	}
	if (rt->span && link != NULL) {
		cairo_tag_end(cr, "Span");
		rt->span = false;
	}
	if (link != NULL && rt->link == NULL) {
		buf_reset(&rt->attr);
		BUF_PUTSL(&rt->attr, "dest=");
		put_attr_str(&rt->attr, link);
		cairo_tag_begin(cr, CAIRO_TAG_LINK, rt->attr.data);
		rt->link = link;
	} else if (link == NULL && rt->mixed && !rt->span) {
		cairo_tag_begin(cr, "Span", NULL);
		rt->span = true;
	}
}

/* Closes every tag open; frees rt's own memory. */
static void
runtags_end(struct draw_doc *doc, struct runtags *rt)
{
	if (rt->link != NULL) {
		cairo_tag_end(doc->cr, CAIRO_TAG_LINK);
		buf_putc(&doc->links, '\0');
	}
	if (rt->span)
		cairo_tag_end(doc->cr, "Span");
	buf_release(&rt->attr);
}

/* A new artifact kept for draw_doc_artifacts(), zeroed. */
static struct dart *
art_new(struct draw_doc *doc, enum dartkind kind)
{
	struct dart	*a;

	if (doc->narts == doc->maxarts) {
		doc->maxarts = doc->maxarts ? doc->maxarts * 2 : 32;
		doc->arts = xreallocarray(doc->arts, doc->maxarts,
		    sizeof(*doc->arts));
	}
	a = &doc->arts[doc->narts++];
	memset(a, 0, sizeof(*a));
	a->kind = kind;
	return a;
}

/* Keeps a rectangle for draw_doc_artifacts() (see draw_doc_rect()). */
static void
art_rect(struct draw_doc *doc, double x, double y, double w, double h,
    uint32_t fill, uint32_t stroke, double lw)
{
	struct dart	*a = art_new(doc, DART_RECT);

	a->x = x;
	a->y = y;
	a->w = w;
	a->h = h;
	a->colour = fill;
	a->stroke = stroke;
	a->lw = lw;
}

/*
 * A link's underline, under a run x to x + w on baseline base of a text
 * of size: filled now in cr's colour, or, with keep, kept in colour for
 * draw_doc_artifacts().
 */
static void
underline(struct draw_doc *doc, bool keep, uint32_t colour, double x,
    double base, double w, double size)
{
	double	 y = base + size * 0.12, h = size * 0.06;

	if (keep) {
		art_rect(doc, x, y, w, h, colour, SC_NONE, 0);
		return;
	}
	cairo_rectangle(doc->cr, x, y, w, h);
	cairo_fill(doc->cr);
}

/* Room for n more glyphs and clusters of artifacts. */
static void
art_room(struct draw_doc *doc, size_t n)
{
	if (doc->nag + n <= doc->maxag)
		return;
	while (doc->nag + n > doc->maxag)
		doc->maxag = doc->maxag ? doc->maxag * 2 : 256;
	doc->ag = xreallocarray(doc->ag, doc->maxag, sizeof(*doc->ag));
	doc->ac = xreallocarray(doc->ac, doc->maxag, sizeof(*doc->ac));
}

/*
 * Keeps run r of simple text t (its glyphs moved by x, on baseline y)
 * for draw_doc_artifacts(), with an underline when it is a link's.
 */
static void
art_keep(struct draw_doc *doc, const struct draw_text *t,
    const struct srun *r, double x, double y)
{
	struct dart	*a;

	art_room(doc, r->ng);
	draw_text_glyphs(t, r, x, y, doc->ag + doc->nag, doc->ac + doc->nag);
	a = art_new(doc, DART_GLYPHS);
	a->colour = r->colour;
	a->sf = cairo_scaled_font_reference(r->font->sf);
	a->g = doc->nag;
	a->ng = r->ng;
	doc->nag += r->ng;
	a->s = doc->atext.len;
	a->len = r->end - r->start;
	buf_put(&doc->atext, t->text + r->start, a->len);
	for (size_t i = a->s; i < a->s + a->len; i++)
		if (doc->atext.data[i] == '\n')
			doc->atext.data[i] = ' ';
	if (r->link != NULL)
		underline(doc, true, r->colour, x + r->x, y, r->w, t->size);
}

/* Adds a space glyph at x, y (for a hard break, see doc_simple()) to
 * the last artifact kept, a DART_GLYPHS of font f. */
static void
art_break(struct draw_doc *doc, unsigned long sp, double x, double y)
{
	struct dart	*a = &doc->arts[doc->narts - 1];

	art_room(doc, 1);
	doc->ag[doc->nag].index = sp;
	doc->ag[doc->nag].x = x;
	doc->ag[doc->nag].y = y;
	doc->ac[doc->nag].num_bytes = 1;
	doc->ac[doc->nag].num_glyphs = 1;
	doc->nag++;
	a->ng++;
	buf_putc(&doc->atext, ' ');
	a->len++;
}

/* Frees what is kept for draw_doc_artifacts(), keeping the arrays. */
static void
art_clear(struct draw_doc *doc)
{
	for (size_t i = 0; i < doc->narts; i++) {
		if (doc->arts[i].sf != NULL)
			cairo_scaled_font_destroy(doc->arts[i].sf);
		if (doc->arts[i].gi != NULL)
			pango_glyph_item_free(doc->arts[i].gi);
	}
	doc->narts = 0;
	doc->nag = 0;
	buf_reset(&doc->atext);
}

/* Frees what is kept for draw_doc_artifacts(), and the arrays too. */
static void
art_free(struct draw_doc *doc)
{
	art_clear(doc);
	free(doc->arts);
	free(doc->ag);
	free(doc->ac);
	buf_release(&doc->atext);
}

static void
rect_draw(cairo_t *cr, double x, double y, double w, double h, uint32_t fill,
    uint32_t stroke, double lw)
{
	cairo_rectangle(cr, x, y, w, h);
	if (fill != SC_NONE) {
		draw_colour(cr, fill);
		cairo_fill_preserve(cr);
	}
	if (lw > 0 && stroke != SC_NONE) {
		draw_colour(cr, stroke);
		cairo_set_line_width(cr, lw);
		cairo_set_dash(cr, NULL, 0, 0);
		cairo_stroke_preserve(cr);
	}
	cairo_new_path(cr);
}

void
draw_doc_artifact(struct draw_doc *doc, bool on)
{
	doc->artmode = on;
}

void
draw_doc_artifacts(struct draw_doc *doc)
{
	cairo_t	*cr = doc->cr;

	if (doc->narts == 0)
		return;
	cairo_tag_begin(cr, "Private", NULL);
	for (size_t i = 0; i < doc->narts; i++) {
		const struct dart *a = &doc->arts[i];

		switch (a->kind) {
		case DART_GLYPHS:
			draw_colour(cr, a->colour);
			cairo_set_scaled_font(cr, a->sf);
			cairo_show_text_glyphs(cr, doc->atext.data + a->s,
			    (int)a->len, doc->ag + a->g, (int)a->ng,
			    doc->ac + a->g, (int)a->ng, 0);
			break;
		case DART_PANGO:
			draw_colour(cr, a->colour);
			cairo_move_to(cr, a->x, a->y);
			pango_cairo_show_glyph_item(cr, doc->atext.data + a->s,
			    a->gi);
			break;
		case DART_RECT:
			rect_draw(cr, a->x, a->y, a->w, a->h, a->colour,
			    a->stroke, a->lw);
			break;
		}
	}
	cairo_tag_end(cr, "Private");
	art_clear(doc);
}

/* A run of glyphs waiting to be shown: runs of one style and no link
 * that follow each other over line ends are shown in one call (Cairo
 * writes the same bytes, but records and replays one operation). */
struct pend {
	const struct srun	*r;		/* its first run */
	size_t			 ng;		/* glyphs in g */
	size_t			 end;		/* its bytes' end */
};

static void
pend_show(cairo_t *cr, const struct draw_text *t, struct pend *p,
    const cairo_glyph_t *g, const cairo_text_cluster_t *c)
{
	const char	*s;
	char		*cp = NULL;
	size_t		 len;

	if (p->r == NULL)
		return;
	s = t->text + p->r->start;
	len = p->end - p->r->start;
	/* A hard break is shown as the space glyph given to it. */
	if (memchr(s, '\n', len) != NULL) {
		cp = xmalloc(len);
		for (size_t i = 0; i < len; i++)
			cp[i] = s[i] == '\n' ? ' ' : s[i];
		s = cp;
	}
	cairo_show_text_glyphs(cr, s, (int)len, g, (int)p->ng, c,
	    (int)p->ng, 0);
	free(cp);
	p->r = NULL;
	p->ng = 0;
}

/* The glyph of a space in f (0 if it has none). */
static unsigned long
space_glyph(const struct sfont *f)
{
	const struct sglyph	*sg = draw_sfont_glyph(f, ' ');

	return sg != NULL ? sg->index : 0;
}

/*
 * Is run r only spaces, right after the pending run p and in the same
 * tag (no link, the same artifact or not)?  It is then shown with p.
 */
static bool
blank_run(const struct draw_text *t, const struct srun *r,
    const struct pend *p)
{
	if (p->r == NULL || r->link != NULL || p->r->link != NULL ||
	    r->artifact != p->r->artifact || r->start != p->end ||
	    r->ng != r->end - r->start || r->g != p->r->g + p->ng)
		return false;
	for (size_t i = r->start; i < r->end; i++)
		if (t->text[i] != ' ')
			return false;
	return true;
}

/* Does a run of lines [first, first + n) of simple text t have a link?
 * (Not in the document's artifact mode: nothing is tagged then.) */
static bool
simple_mixed(const struct draw_doc *doc, const struct draw_text *t,
    size_t first, size_t n)
{
	if (doc->artmode)
		return false;
	for (size_t i = first; i < first + n && i < t->nlines; i++)
		for (size_t k = t->sl[i].r; k < t->sl[i].r + t->sl[i].nr; k++)
			if (t->runs[k].link != NULL && !t->runs[k].artifact)
				return true;
	return false;
}

/* Draws lines [first, first + n) of simple text t (see draw_doc_text). */
static void
doc_simple(struct draw_doc *doc, const struct draw_text *t, double x,
    double y, size_t first, size_t n)
{
	cairo_t			*cr = doc->cr;
	cairo_glyph_t		*g;
	cairo_text_cluster_t	*c;
	const struct sfont	*font = NULL;
	struct pend		 p = { NULL, 0, 0 };
	struct runtags		 rt;
	double			 top = y - t->liney[first], base, dx;
	size_t			 i, k, artend;

	/* Every glyph and cluster shown is set first. */
	/* (a space more a line, for hard breaks) */
	g = xreallocarray(NULL, t->nglyphs + t->nlines + 1, sizeof(*g));
	c = xreallocarray(NULL, t->nglyphs + t->nlines + 1, sizeof(*c));
	runtags_init(&rt, simple_mixed(doc, t, first, n));
	for (i = first; i < first + n && i < t->nlines; i++) {
		const struct sline *ln = &t->sl[i];

		base = top + t->liney[i] + ln->ascent;
		dx = t->align == DRAW_RIGHT ? t->boxw - ln->w :
		    t->align == DRAW_CENTRE ? (t->boxw - ln->w) / 2 : 0;
		artend = SIZE_MAX;	/* the end of an artifact kept last */
		for (k = ln->r; k < ln->r + ln->nr; k++) {
			const struct srun *r = &t->runs[k];

			if (r->artifact || doc->artmode) {
				/* Kept for draw_doc_artifacts(): the text's
				 * element holds only its words. */
				art_keep(doc, t, r, x + dx, base);
				artend = r->end;
				continue;
			}
			if (blank_run(t, r, &p)) {
				/* Its spaces in the font of the run before:
				 * shown alone, a blank glyph at a whole
				 * point is dropped by Cairo (its ink box is
				 * empty), and "-12.5" and "in" were read as
				 * one word. */
				unsigned long sp = space_glyph(p.r->font);

				draw_text_glyphs(t, r, x + dx, base, g + p.ng,
				    c + p.ng);
				for (size_t j = p.ng; j < p.ng + r->ng; j++)
					g[j].index = sp;
				p.ng += r->ng;
				p.end = r->end;
				continue;
			}
			if (p.r != NULL && (r->link != NULL ||
			    r->artifact != p.r->artifact ||
			    r->font != p.r->font || r->colour != p.r->colour ||
			    r->g != p.r->g + p.ng || r->start != p.end))
				pend_show(cr, t, &p, g, c);
			runtags_set(doc, &rt, r->link);
			if (p.r == NULL) {
				draw_colour(cr, r->colour);
				if (r->font != font) {
					cairo_set_scaled_font(cr, r->font->sf);
					font = r->font;
				}
				p.r = r;
			}
			draw_text_glyphs(t, r, x + dx, base, g + p.ng, c + p.ng);
			p.ng += r->ng;
			p.end = r->end;
			if (r->link != NULL) {
				pend_show(cr, t, &p, g, c);
				buf_put(&doc->links, t->text + r->start,
				    r->end - r->start);
				underline(doc, false, r->colour, x + dx + r->x,
				    base, r->w, t->size);
			}
		}
		/*
		 * A line ended by a hard break: a space glyph (blank) after
		 * its last, standing for the break, so that the text a
		 * screen reader gets has "42.2% Q3" where it had "42.2%Q3".
		 */
		if (artend != SIZE_MAX && t->text[artend] == '\n')
			/* (The line ends in an artifact: the space is
			 * one with it, as it was when drawn in line.) */
			art_break(doc, space_glyph(t->runs[ln->r + ln->nr -
			    1].font), x + dx + ln->w, base);
		else if (p.r != NULL && t->text[p.end] == '\n') {
			g[p.ng].index = space_glyph(p.r->font);
			g[p.ng].x = x + dx + ln->w;
			g[p.ng].y = base;
			c[p.ng].num_bytes = 1;
			c[p.ng].num_glyphs = 1;
			p.ng++;
			p.end++;
		}
	}
	pend_show(cr, t, &p, g, c);
	runtags_end(doc, &rt);
	free(g);
	free(c);
}

void
draw_doc_text(struct draw_doc *doc, const struct draw_text *t, double x,
    double y, size_t first, size_t n)
{
	cairo_t			*cr = doc->cr;
	PangoLayoutIter		*it;
	PangoLayoutRun		*run;
	PangoRectangle		 lr;
	const struct draw_span	*sp;
	const char		*link;
	struct runtags		 rt;
	struct dart		*a;
	size_t			 line = 0;
	double			 top, base, ux, uw;
	bool			 mixed = false;

	if (first >= t->nlines)
		return;
	if (t->simple) {
		doc_simple(doc, t, x, y, first, n);
		return;
	}
	top = y - t->liney[first];
	for (size_t i = 0; i < t->nsp && !doc->artmode; i++)
		if (t->sp[i].link != NULL && !t->sp[i].artifact)
			mixed = true;
	runtags_init(&rt, mixed);
	it = pango_layout_get_iter(t->layout);
	do {
		if (line >= first + n)
			break;
		run = pango_layout_iter_get_run_readonly(it);
		if (run == NULL) {
			line++;		/* the end of a line */
			continue;
		}
		if (line < first)
			continue;
		pango_layout_iter_get_run_extents(it, NULL, &lr);
		base = top + (double)pango_layout_iter_get_baseline(it) /
		    PANGO_SCALE;
		ux = x + (double)lr.x / PANGO_SCALE;
		uw = (double)lr.width / PANGO_SCALE;
		sp = span_at(t, (size_t)run->item->offset);
		link = sp != NULL ? sp->link : NULL;
		if (doc->artmode || (sp != NULL && sp->artifact)) {
			/* Kept, as doc_simple() keeps it: the run's own
			 * copy, and of its bytes. */
			a = art_new(doc, DART_PANGO);
			a->colour = sp != NULL ? sp->colour : 0x0B0C0C;
			a->x = ux;
			a->y = base;
			a->s = doc->atext.len;
			a->len = (size_t)run->item->length;
			buf_put(&doc->atext, t->text + run->item->offset,
			    a->len);
			a->gi = pango_glyph_item_copy(run);
			a->gi->item->offset = 0;
			if (link != NULL)
				underline(doc, true, sp->colour, ux, base, uw,
				    t->size);
			continue;
		}
		draw_colour(cr, sp != NULL ? sp->colour : 0x0B0C0C);
		runtags_set(doc, &rt, link);
		cairo_move_to(cr, ux, base);
		pango_cairo_show_glyph_item(cr, t->text, run);
		if (link != NULL) {
			buf_put(&doc->links, t->text + run->item->offset,
			    (size_t)run->item->length);
			underline(doc, false, sp->colour, ux, base, uw,
			    t->size);
		}
	} while (pango_layout_iter_next_run(it));
	runtags_end(doc, &rt);
	pango_layout_iter_free(it);
}

void
draw_doc_rect(struct draw_doc *doc, double x, double y, double w, double h,
    uint32_t fill, uint32_t stroke, double lw)
{
	if (doc->artmode)
		art_rect(doc, x, y, w, h, fill, stroke, lw);
	else
		rect_draw(doc->cr, x, y, w, h, fill, stroke, lw);
}

void
draw_doc_scene(struct draw_doc *doc, const struct scene *s, double x,
    double y, double scale)
{
	cairo_t	*cr = doc->cr;

	cairo_save(cr);
	cairo_translate(cr, x, y);
	cairo_scale(cr, scale, scale);
	/* On the page's white: no background, no clip (a clip made
	 * Cairo's page output several times slower). */
	draw_scene(doc->dr, cr, s, false, true);
	cairo_restore(cr);
}

void
draw_doc_discard(struct draw_doc *doc)
{
	if (doc == NULL)
		return;
	art_free(doc);
	cairo_destroy(doc->cr);
	cairo_surface_destroy(doc->surf);
	buf_release(&doc->out);
	buf_release(&doc->links);
	free(doc);
}

bool
draw_doc_finish(struct draw_doc *doc, struct buf *out, struct buf *links,
    struct diag *d)
{
	cairo_status_t	 st;
	bool		 ok;

	art_free(doc);
	st = cairo_status(doc->cr);
	cairo_destroy(doc->cr);
	cairo_surface_finish(doc->surf);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(doc->surf);
	cairo_surface_destroy(doc->surf);
	ok = st == CAIRO_STATUS_SUCCESS;
	if (ok && out->len == 0) {
		/* Moved, not copied: a long report's PDF is held once. */
		buf_release(out);
		*out = doc->out;
		buf_init(&doc->out);
	} else if (ok)
		buf_put(out, doc->out.data, doc->out.len);
	if (ok)
		buf_put(links, doc->links.data, doc->links.len);
	else
		diag_out(d, DIAG_ERROR, "report.pdf", "cannot write: %s",
		    cairo_status_to_string(st));
	buf_release(&doc->out);
	buf_release(&doc->links);
	free(doc);
	return ok;
}
