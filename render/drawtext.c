/*
 * drawtext: the texts of documents (draw_text_new() and its measures).
 * A simple text (simple(): every character one glyph of the fonts, no
 * shaping) is laid out and set with Cairo alone; anything else goes to
 * Pango, with its own context so that drawing a chart never makes text
 * lay out again.
 */
#include <assert.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "buf.h"
#include "draw.h"
#include "draw-int.h"
#include "utf8.h"
#include "util.h"

/* Pango text attributes for the spans of t. */
static void
text_attrs(struct draw_text *t)
{
	PangoAttrList	*al;
	PangoAttribute	*a;
	size_t		 i;

	al = pango_attr_list_new();
	/*
	 * No ligatures, as in simple texts: Cairo writes a glyph made of
	 * two characters ("fi") as ActualText nested in the element's
	 * marked content, where poppler's reading of the structure tree
	 * stopped: a sentence came out as "The latest " and the ligature.
	 */
	pango_attr_list_insert(al, pango_attr_font_features_new(
	    "liga 0, clig 0"));
	for (i = 0; i < t->nsp; i++) {
		const struct draw_span *s = &t->sp[i];

		if (s->bold) {
			a = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
			a->start_index = (guint)s->start;
			a->end_index = (guint)s->end;
			pango_attr_list_insert(al, a);
		}
		if (s->size > 0) {
			a = pango_attr_size_new_absolute((int)lround(s->size *
			    PANGO_SCALE));
			a->start_index = (guint)s->start;
			a->end_index = (guint)s->end;
			pango_attr_list_insert(al, a);
		}
		/* Colour splits runs: each run then has one colour and
		 * one link, which draw_doc_text() looks up. */
		a = pango_attr_foreground_new(
		    (guint16)((s->colour >> 16 & 0xFF) * 257),
		    (guint16)((s->colour >> 8 & 0xFF) * 257),
		    (guint16)((s->colour & 0xFF) * 257));
		a->start_index = (guint)s->start;
		a->end_index = (guint)s->end;
		pango_attr_list_insert(al, a);
		if (s->link != NULL) {
			a = pango_attr_underline_new(PANGO_UNDERLINE_SINGLE);
			a->start_index = (guint)s->start;
			a->end_index = (guint)s->end;
			pango_attr_list_insert(al, a);
		}
	}
	pango_layout_set_attributes(t->layout, al);
	pango_attr_list_unref(al);
}

/*
 * The Cairo scaled font for size and weight.  The first of a weight is
 * Pango's (fontconfig's choice of face and its options); every other
 * size is made from that one's face by Cairo alone: Pango would run
 * fontconfig's matching again for each size (on a thread of its own),
 * and a report's PDF asks for a few dozen.
 */
static const struct sfont *
draw_sfont(struct draw *dr, double size, bool bold)
{
	struct sfont		*f;
	const struct sfont	*base = NULL;
	PangoFontDescription	*fd;
	cairo_font_extents_t	 fe;
	cairo_font_options_t	*fo;
	cairo_matrix_t		 fm, ctm;
	size_t			 i;

	if (dr->lastsf != NULL && dr->lastsf->size == size &&
	    dr->lastsf->bold == bold)
		return dr->lastsf;
	for (i = 0; i < dr->nsfonts; i++) {
		if (dr->sfonts[i]->size == size && dr->sfonts[i]->bold == bold)
			return dr->lastsf = dr->sfonts[i];
		if (base == NULL && dr->sfonts[i]->bold == bold &&
		    dr->sfonts[i]->font != NULL)
			base = dr->sfonts[i];
	}
	f = xcalloc(1, sizeof(*f));
	f->size = size;
	f->bold = bold;
	if (base != NULL) {
		fo = cairo_font_options_create();
		cairo_scaled_font_get_font_options(base->sf, fo);
		cairo_scaled_font_get_font_matrix(base->sf, &fm);
		cairo_matrix_scale(&fm, size / base->size, size / base->size);
		cairo_scaled_font_get_ctm(base->sf, &ctm);
		f->sf = cairo_scaled_font_create(cairo_scaled_font_get_font_face(
		    base->sf), &fm, &ctm, fo);
		cairo_font_options_destroy(fo);
		if (cairo_scaled_font_status(f->sf) != CAIRO_STATUS_SUCCESS) {
			cairo_scaled_font_destroy(f->sf);
			free(f);
			return NULL;
		}
	} else {
		fd = pango_font_description_copy(bold ? dr->bold : dr->regular);
		pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
		f->font = pango_font_map_load_font(dr->fm, dr->tctx, fd);
		pango_font_description_free(fd);
		if (f->font == NULL) {
			free(f);
			return NULL;
		}
		f->sf = pango_cairo_font_get_scaled_font(
		    PANGO_CAIRO_FONT(f->font));
		if (f->sf == NULL ||
		    cairo_scaled_font_status(f->sf) != CAIRO_STATUS_SUCCESS) {
			g_object_unref(f->font);
			free(f);
			return NULL;
		}
	}
	cairo_scaled_font_extents(f->sf, &fe);
	f->ascent = fe.ascent;
	f->descent = fe.descent;
	dr->sfonts = xreallocarray(dr->sfonts, dr->nsfonts + 1,
	    sizeof(*dr->sfonts));
	dr->sfonts[dr->nsfonts++] = f;
	return dr->lastsf = f;
}

/*
 * Characters a simple text may hold: scripts set one glyph a character,
 * left to right, with nothing to shape (Latin, Greek, Cyrillic,
 * punctuation, symbols).  Marks that combine, joiners, bidirectional
 * controls, tabs and soft hyphens are left to Pango.
 */
static bool
simple_cp(unsigned long c)
{
	if (c < 0x20)
		return false;
	if (c < 0x300)
		return c != 0xAD && !(c >= 0x7F && c < 0xA0);
	return (c >= 0x370 && c < 0x590) || (c >= 0x1E00 && c < 0x2000) ||
	    (c >= 0x2010 && c < 0x2028) || (c >= 0x2030 && c < 0x205F) ||
	    (c >= 0x2070 && c < 0x20D0) || (c >= 0x2100 && c < 0x27C0);
}

/* May a line break after character c, followed by next? */
static bool
break_after(unsigned long c, unsigned long next)
{
	if (c == ' ')
		return true;
	if (c == '-' || c == 0x2010)
		return !(next >= '0' && next <= '9') && next != ' ';
	return c == 0x2013 || c == 0x2014;
}

/* One character of a simple text being laid out. */
struct schar {
	size_t		 at, len;	/* its bytes */
	unsigned long	 cp;
	unsigned long	 index;		/* glyph */
	double		 adv;
	size_t		 seg;		/* its style */
};

struct sseg {
	const struct sfont	*font;
	uint32_t		 colour;
	const char		*link;
	bool			 artifact;
};

/*
 * May a line break after character k of n?  Never after the space that
 * follows a symbol the HTML hides from screen readers (an artifact: the
 * cross before "Red", the arrow before "Worsening"): the symbol stays on
 * the line of the word it marks.
 */
static bool
may_break(const struct schar *ch, const struct sseg *seg, size_t k,
    size_t n)
{
	if (ch[k].cp == ' ' && k > 0 && seg[ch[k - 1].seg].artifact &&
	    !seg[ch[k].seg].artifact)
		return false;
	return break_after(ch[k].cp, k + 1 < n ? ch[k + 1].cp : 0);
}

/*
 * The style of the text at byte at: the innermost span's.  Returns the
 * byte where it may next change.
 */
static size_t
style_at(const struct draw_text *t, size_t at, bool *bold, double *size,
    uint32_t *colour, const char **link, bool *artifact)
{
	size_t	 until = SIZE_MAX;

	*bold = false;
	*size = t->size;
	*colour = 0x0B0C0C;
	*link = NULL;
	*artifact = false;
	for (size_t i = 0; i < t->nsp; i++) {
		const struct draw_span *s = &t->sp[i];

		if (s->start > at && s->start < until)
			until = s->start;
		if (s->start > at || at >= s->end)
			continue;
		if (s->end < until)
			until = s->end;
		if (s->bold)
			*bold = true;
		if (s->size > 0)
			*size = s->size;
		*colour = s->colour;
		*link = s->link;
		*artifact = s->artifact;
	}
	return until;
}

/* See draw-int.h; the table is filled as texts ask for it. */
const struct sglyph *
draw_sfont_glyph(const struct sfont *f, unsigned long cp)
{
	cairo_glyph_t		*g = NULL;
	cairo_text_extents_t	 te;
	struct sglyph		*sg;
	char			 u[4];
	int			 ng = 0;

	if (cp >= SFONT_LUT)
		return NULL;
	if (f->lut == NULL)	/* the table is f's, which is dr's */
		((struct sfont *)f)->lut = xcalloc(SFONT_LUT, sizeof(*f->lut));
	sg = &f->lut[cp];
	if (sg->known)
		return sg;
	if (cairo_scaled_font_text_to_glyphs(f->sf, 0, 0, u,
	    (int)utf8_encode(cp, u), &g, &ng, NULL, NULL, NULL) !=
	    CAIRO_STATUS_SUCCESS || ng != 1) {
		cairo_glyph_free(g);
		return NULL;
	}
	/* One glyph at 0: its advance, exactly. */
	cairo_scaled_font_glyph_extents(f->sf, g, 1, &te);
	sg->index = g[0].index;
	sg->adv = te.x_advance;
	sg->known = true;
	cairo_glyph_free(g);
	return sg;
}

/*
 * Sets the glyphs and advances of the n characters at ch (one
 * line of one style in font f) from f's table, each character asked of
 * Cairo once a font: Cairo's text_to_glyphs() looked each one up again
 * (fontconfig's charmap, then its glyph cache), a tenth of report.pdf's
 * layout.  The advances are computed as Cairo computes them there (each
 * glyph at the sum of the advances before it, an advance the difference
 * of two positions), so that the glyphs are placed to the bit as
 * before.  Returns false, setting nothing, when a character is outside
 * the table (or Cairo fails): Cairo does the whole line then.
 */
static bool
lut_glyphs(struct schar *ch, size_t n, const struct sfont *f)
{
	const struct sglyph	*sg;
	double			 x = 0, next;
	size_t			 i;

	for (i = 0; i < n; i++)
		if (draw_sfont_glyph(f, ch[i].cp) == NULL)
			return false;
	for (i = 0; i < n; i++) {
		sg = &f->lut[ch[i].cp];
		next = x + sg->adv;
		ch[i].index = sg->index;
		ch[i].adv = next - x;
		x = next;
	}
	return true;
}

/*
 * Lays t out with Cairo alone when it can be: every character one the
 * fonts hold (simple_cp(), no glyph 0).  Lines break after a space or a
 * hyphen, or between characters when a word is wider than the line,
 * and hard at "\n"; a line is as tall as its tallest font.  Glyphs are
 * placed at their fonts' advances (no kerning), as a chart's words are
 * measured.  Returns false, leaving t as it was, to leave it to Pango.
 */
static bool
simple(struct draw_text *t, double width, enum draw_align align)
{
	struct draw		*dr = t->dr;
	struct schar		*ch = NULL;
	struct sseg		*seg = NULL;
	struct srun		*runs = NULL;
	struct sline		*lines = NULL;
	const struct sfont	*base;
	cairo_glyph_t		*g = NULL;
	size_t			 len = strlen(t->text), nch = 0, nseg = 0;
	size_t			 nruns = 0, nlines = 0, i, j, k, s, e, n;
	size_t			 maxruns = 0, maxlines = 0;
	size_t			 until = 0;
	double			 x, w, minw = 0, piece = 0;
	bool			 ok = false, hard;

	if ((base = draw_sfont(dr, t->size, false)) == NULL)
		return false;
	/* Not cleared: each is set whole below (a text's length in bytes
	 * zeroed twice was a fifth of this function). */
	ch = xreallocarray(NULL, len + 1, sizeof(*ch));
	seg = xreallocarray(NULL, len + 1, sizeof(*seg));
	/* Characters and their styles. */
	for (i = 0; i < len; ) {
		unsigned long	 cp;
		size_t		 l = utf8_decode(t->text + i, len - i, &cp);

		if (l == 0 || (cp != '\n' && !simple_cp(cp)))
			goto out;
		if (i >= until) {
			bool		 bold;
			double		 size;
			uint32_t	 c;
			const char	*link;
			bool		 art;
			const struct sfont *f;

			until = style_at(t, i, &bold, &size, &c, &link, &art);
			if ((f = draw_sfont(dr, size, bold)) == NULL)
				goto out;
			if (nseg == 0 || seg[nseg - 1].font != f ||
			    seg[nseg - 1].colour != c ||
			    seg[nseg - 1].link != link ||
			    seg[nseg - 1].artifact != art) {
				seg[nseg].font = f;
				seg[nseg].colour = c;
				seg[nseg].artifact = art;
				seg[nseg++].link = link;
			}
		}
		ch[nch].at = i;
		ch[nch].len = l;
		ch[nch].cp = cp;
		ch[nch].index = 0;
		ch[nch].adv = 0;
		ch[nch++].seg = nseg - 1;
		i += l;
	}
	/* Glyphs and advances, a style at a time. */
	for (i = 0; i < nch; i = j) {
		int		 ng = 0;
		cairo_text_extents_t te;

		for (j = i; j < nch && ch[j].seg == ch[i].seg; j++)
			;
		for (k = i; k < j; k++) {
			const struct sfont *f = seg[ch[k].seg].font;
			size_t	 m = k;

			if (ch[k].cp == '\n')
				continue;
			while (m < j && ch[m].cp != '\n')
				m++;
			if (lut_glyphs(ch + k, m - k, f)) {
				/* as Cairo's below would, from its table */
			} else if (cairo_scaled_font_text_to_glyphs(f->sf, 0,
			    0, t->text + ch[k].at, (int)(ch[m - 1].at +
			    ch[m - 1].len - ch[k].at), &g, &ng, NULL, NULL,
			    NULL) != CAIRO_STATUS_SUCCESS || ng < 0 ||
			    (size_t)ng != m - k)
				goto out;
			else {
				cairo_scaled_font_glyph_extents(f->sf, g, ng,
				    &te);
				for (n = 0; n < m - k; n++) {
					ch[k + n].index = g[n].index;
					ch[k + n].adv = (n + 1 < m - k ?
					    g[n + 1].x : te.x_advance) -
					    g[n].x;
				}
				cairo_glyph_free(g);
				g = NULL;
			}
			for (n = k; n < m; n++)
				if (ch[n].index == 0)
					goto out;	/* not in the font */
			k = m - 1;
		}
	}
	/* Lines: s .. e, the next starting at i.  Runs and lines grow as
	 * they are made (held until the text is drawn, one a character
	 * would be 112 bytes a character); every glyph is set below. */
	t->gindex = xreallocarray(NULL, nch + 1, sizeof(*t->gindex));
	t->gx = xreallocarray(NULL, nch + 1, sizeof(*t->gx));
	t->nglyphs = 0;
	for (s = 0; ; s = i) {
		size_t	 brk = SIZE_MAX, keep = SIZE_MAX;
		double	 desc = 0;
		struct sline *ln;

		if (nlines == maxlines) {
			maxlines = maxlines ? maxlines * 2 : 4;
			lines = xreallocarray(lines, maxlines, sizeof(*lines));
		}
		ln = &lines[nlines++];

		x = 0;
		for (e = s; e < nch && ch[e].cp != '\n'; e++) {
			if (width > 0 && e > s && ch[e].cp != ' ' &&
			    x + ch[e].adv > width + 1e-6)
				break;
			x += ch[e].adv;
			if (may_break(ch, seg, e, nch))
				brk = e;
			else if (ch[e].cp == ' ')
				keep = e;	/* a symbol's: the last resort */
		}
		hard = e < nch && ch[e].cp == '\n';
		if (hard)
			i = e + 1;
		else if (e < nch) {
			if (brk != SIZE_MAX)
				e = brk + 1;
			else if (keep != SIZE_MAX)
				e = keep + 1;	/* rather than inside a word */
			i = e;
		} else
			i = e;
		/* The line's runs and glyphs. */
		ln->r = nruns;
		ln->ascent = 0;
		x = w = 0;
		for (k = s; k < e; k++) {
			const struct sseg *sg = &seg[ch[k].seg];
			struct srun *r = nruns > ln->r ?
			    &runs[nruns - 1] : NULL;

			if (r == NULL || r->font != sg->font ||
			    r->colour != sg->colour || r->link != sg->link ||
			    r->artifact != sg->artifact) {
				if (nruns == maxruns) {
					maxruns = maxruns ? maxruns * 2 : 4;
					runs = xreallocarray(runs, maxruns,
					    sizeof(*runs));
				}
				r = &runs[nruns++];
				memset(r, 0, sizeof(*r));
				r->font = sg->font;
				r->colour = sg->colour;
				r->link = sg->link;
				r->artifact = sg->artifact;
				r->start = ch[k].at;
				r->g = t->nglyphs;
				r->x = x;
				if (sg->font->ascent > ln->ascent)
					ln->ascent = sg->font->ascent;
				if (sg->font->descent > desc)
					desc = sg->font->descent;
			}
			r->end = ch[k].at + ch[k].len;
			t->gindex[t->nglyphs] = (uint32_t)ch[k].index;
			t->gx[t->nglyphs++] = x;
			r->ng++;
			x += ch[k].adv;
			if (ch[k].cp != ' ') {
				w = x;
				r->w = x - r->x;
			}
			/* The widest word: the narrowest the text sets. */
			if (may_break(ch, seg, k, nch)) {
				if (ch[k].cp != ' ')
					piece += ch[k].adv;
				if (piece > minw)
					minw = piece;
				piece = 0;
			} else {
				piece += ch[k].adv;
				if (piece > minw)
					minw = piece;
			}
		}
		piece = 0;
		ln->nr = nruns - ln->r;
		ln->w = w;
		if (ln->nr == 0) {
			ln->ascent = base->ascent;
			desc = base->descent;
		}
		t->lineh = xreallocarray(t->lineh, nlines, sizeof(*t->lineh));
		t->lineh[nlines - 1] = ln->ascent + desc;
		/* A text that ends in "\n" ends in an empty line. */
		if (i >= nch && !hard)
			break;
	}
	t->simple = true;
	t->runs = runs;
	t->nruns = nruns;
	t->sl = lines;
	t->nlines = nlines;
	t->liney = xcalloc(nlines + 1, sizeof(*t->liney));
	t->width = 0;
	for (i = 0; i < nlines; i++) {
		if (i > 0)
			t->liney[i] = t->liney[i - 1] + t->lineh[i - 1];
		if (t->sl[i].w > t->width)
			t->width = t->sl[i].w;
	}
	t->minwidth = minw;
	t->align = align;
	t->boxw = width > 0 ? width : t->width;
	runs = NULL;
	lines = NULL;
	ok = true;
out:
	if (!ok) {
		free(t->gindex);
		free(t->gx);
		free(t->lineh);
		t->gindex = NULL;
		t->gx = NULL;
		t->lineh = NULL;
		t->nglyphs = 0;
	}
	cairo_glyph_free(g);
	free(ch);
	free(seg);
	free(runs);
	free(lines);
	return ok;
}

void
draw_text_glyphs(const struct draw_text *t, const struct srun *r, double x,
    double y, cairo_glyph_t *g, cairo_text_cluster_t *c)
{
	const char	*s = t->text + r->start;
	size_t		 m, at = 0, l;
	unsigned long	 cp;

	for (m = 0; m < r->ng; m++) {
		g[m].index = t->gindex[r->g + m];
		g[m].x = t->gx[r->g + m] + x;
		g[m].y = y;
		/* One glyph a character: its bytes, as simple() read them. */
		l = utf8_decode(s + at, r->end - r->start - at, &cp);
		c[m].num_bytes = (int)l;
		c[m].num_glyphs = 1;
		at += l;
	}
}

struct draw_text *
draw_text_new(struct draw *dr, const char *text, const struct draw_span *sp,
    size_t nsp, double size, double width, enum draw_align align)
{
	struct draw_text	*t;
	PangoFontDescription	*fd;
	PangoLayoutIter		*it;
	PangoRectangle		 ink, logical;
	int			 y0, y1;
	size_t			 i;

	t = xcalloc(1, sizeof(*t));
	t->dr = dr;
	t->text = xstrdup(text);
	t->size = size;
	if (nsp > 0) {
		t->sp = xcalloc(nsp, sizeof(*sp));
		memcpy(t->sp, sp, nsp * sizeof(*sp));
		t->nsp = nsp;
	}
	if (simple(t, width, align))
		return t;
	t->layout = pango_layout_new(dr->tctx);
	fd = pango_font_description_copy(dr->regular);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_layout_set_font_description(t->layout, fd);
	pango_font_description_free(fd);
	text_attrs(t);
	pango_layout_set_text(t->layout, t->text, -1);
	pango_layout_set_wrap(t->layout, PANGO_WRAP_WORD_CHAR);
	if (width > 0)
		pango_layout_set_width(t->layout, (int)(width * PANGO_SCALE));
	pango_layout_set_alignment(t->layout, align == DRAW_RIGHT ?
	    PANGO_ALIGN_RIGHT : align == DRAW_CENTRE ? PANGO_ALIGN_CENTER :
	    PANGO_ALIGN_LEFT);
	t->nlines = (size_t)pango_layout_get_line_count(t->layout);
	t->lineh = xcalloc(t->nlines + 1, sizeof(*t->lineh));
	t->liney = xcalloc(t->nlines + 1, sizeof(*t->liney));
	it = pango_layout_get_iter(t->layout);
	i = 0;
	do {
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		if (i < t->nlines) {
			t->liney[i] = (double)y0 / PANGO_SCALE;
			t->lineh[i] = (double)(y1 - y0) / PANGO_SCALE;
		}
		i++;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	pango_layout_get_extents(t->layout, &ink, &logical);
	t->width = (double)logical.width / PANGO_SCALE;
	if (width > 0) {
		/* The widest line, not the wrap width. */
		double	 w = 0;

		for (i = 0; i < t->nlines; i++) {
			PangoLayoutLine *l = pango_layout_get_line_readonly(
			    t->layout, (int)i);

			pango_layout_line_get_extents(l, NULL, &logical);
			if (logical.width > w * PANGO_SCALE)
				w = (double)logical.width / PANGO_SCALE;
		}
		t->width = w;
	}
	return t;
}

void
draw_text_free(struct draw_text *t)
{
	if (t == NULL)
		return;
	if (t->layout != NULL)
		g_object_unref(t->layout);
	free(t->gindex);
	free(t->gx);
	free(t->runs);
	free(t->sl);
	free(t->text);
	free(t->sp);
	free(t->lineh);
	free(t->liney);
	free(t);
}

size_t
draw_text_lines(const struct draw_text *t)
{
	return t->nlines;
}

double
draw_text_line_h(const struct draw_text *t, size_t i)
{
	assert(i < t->nlines);
	return t->lineh[i];
}

double
draw_text_width(const struct draw_text *t)
{
	return t->width;
}

double
draw_text_min_width(const struct draw_text *t)
{
	const char	*s = t->text, *e;
	double		 w = 0, x;
	struct buf	 word;

	/* Measured word by word in the text's base style: bold spans
	 * are a little wider, so allow for them. */
	if (t->simple)
		return t->minwidth;
	buf_init(&word);
	while (*s != '\0') {
		while (*s == ' ' || *s == '\n')
			s++;
		for (e = s; *e != '\0' && *e != ' ' && *e != '\n'; e++)
			;
		if (e > s) {
			buf_reset(&word);
			buf_put(&word, s, (size_t)(e - s));
			x = draw_measure_width(t->dr, word.data, t->size, true);
			if (x > w)
				w = x;
		}
		s = e;
	}
	buf_release(&word);
	return w;
}
