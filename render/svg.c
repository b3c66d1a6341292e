/*
 * svg: the SVG backend.  Like draw.c it decides nothing: positions,
 * colours and words come from the scene.  Coordinates are written to one
 * decimal place (a tenth of a CSS pixel is below what any screen or
 * printer shows), which with text as text keeps a chart near 3 KB.
 * Paths are written in the shortest forms that draw the same: a line
 * as "M x y H x2" (or V, L), a polyline's later points relative to the
 * one before, worked out from the rounded tenths so that they add up
 * to exactly the points an absolute list would give; colours as #RGB
 * where that is the same colour.
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "scene.h"
#include "svg.h"

/* v in tenths, as written. */
static long
tenths(double v)
{
	return lround(v * 10);
}

/* t tenths: one decimal place, no trailing ".0", never "-0". */
static void
puttenths(struct buf *b, long t)
{
	if (t < 0) {
		buf_putc(b, '-');
		t = -t;
	}
	buf_printf(b, "%ld", t / 10);
	if (t % 10 != 0)
		buf_printf(b, ".%ld", t % 10);
}

static void
num(struct buf *b, double v)
{
	puttenths(b, tenths(v));
}

/* Path data: numbers after a command, a space between, none before '-'. */
struct pd {
	struct buf	*b;
	bool		 after;		/* a number was the last thing written */
};

static void
pd_cmd(struct pd *p, char c)
{
	buf_putc(p->b, c);
	p->after = false;
}

static void
pd_num(struct pd *p, long t)
{
	if (p->after && t >= 0)
		buf_putc(p->b, ' ');
	puttenths(p->b, t);
	p->after = true;
}

/* " name=\"#RRGGBB\"", as "#RGB" where each pair is one digit twice. */
static void
colour(struct buf *b, const char *name, uint32_t c)
{
	if (((c >> 20 & 0xF) == (c >> 16 & 0xF)) &&
	    ((c >> 12 & 0xF) == (c >> 8 & 0xF)) &&
	    ((c >> 4 & 0xF) == (c & 0xF)))
		buf_printf(b, " %s=\"#%X%X%X\"", name,
		    (unsigned)(c >> 16 & 0xF), (unsigned)(c >> 8 & 0xF),
		    (unsigned)(c & 0xF));
	else
		buf_printf(b, " %s=\"#%06X\"", name, (unsigned)c);
}

static void
attrnum(struct buf *b, const char *name, double v)
{
	buf_printf(b, " %s=\"", name);
	num(b, v);
	buf_putc(b, '"');
}

/*
 * The presentation attributes of a path, rectangle or circle.  A line
 * (a path of two points) has no inside to fill, so no fill is written.
 */
static void
paint(struct buf *b, const struct sc_item *it)
{
	if (it->kind == SC_PATH && it->npts == 2)
		;
	else if (it->fill != SC_NONE)
		colour(b, "fill", it->fill);
	else
		BUF_PUTSL(b, " fill=\"none\"");
	if (it->stroke == SC_NONE)
		return;
	colour(b, "stroke", it->stroke);
	if (it->width != 1)
		attrnum(b, "stroke-width", it->width);
	switch (it->dash) {
	case SC_SOLID:
		break;
	case SC_DASHED:
		BUF_PUTSL(b, " stroke-dasharray=\"6 4\"");
		break;
	case SC_DOTTED:
		BUF_PUTSL(b, " stroke-dasharray=\"0.1 4\""
		    " stroke-linecap=\"round\"");
		break;
	case SC_DASHDOT:
		BUF_PUTSL(b, " stroke-dasharray=\"8 3 2 3\"");
		break;
	}
}

/* The presentation attributes of a text. */
static void
textstyle(struct buf *b, const struct sc_item *it)
{
	static const char *const anchor[] = { NULL, "middle", "end" };

	attrnum(b, "font-size", it->size);
	if (it->bold)
		BUF_PUTSL(b, " font-weight=\"bold\"");
	if (anchor[it->anchor] != NULL)
		buf_printf(b, " text-anchor=\"%s\"", anchor[it->anchor]);
	if (it->fill != SC_NONE && it->fill != 0)
		colour(b, "fill", it->fill);
}

/* Sets b to item it's presentation attributes; false if it draws nothing. */
static bool
style(struct buf *b, const struct sc_item *it)
{
	buf_reset(b);
	if (it->kind == SC_PATH && it->npts < 2)
		return false;
	if (it->kind == SC_TEXT)
		textstyle(b, it);
	else
		paint(b, it);
	return true;
}

/* Writes item it, its attributes in the given style (may be ""). */
static void
item(struct buf *out, const struct sc_item *it, const struct buf *sty)
{
	struct pd	 pd;
	size_t		 j;
	long		 x, y, nx, ny;

	switch (it->kind) {
	case SC_PATH:
		BUF_PUTSL(out, "<path d=\"");
		pd.b = out;
		pd.after = false;
		x = tenths(it->pts[0]);
		y = tenths(it->pts[1]);
		pd_cmd(&pd, 'M');
		pd_num(&pd, x);
		pd_num(&pd, y);
		if (it->npts == 2) {
			/* A line: to an absolute end, H or V when straight. */
			nx = tenths(it->pts[2]);
			ny = tenths(it->pts[3]);
			if (ny == y) {
				pd_cmd(&pd, 'H');
				pd_num(&pd, nx);
			} else if (nx == x) {
				pd_cmd(&pd, 'V');
				pd_num(&pd, ny);
			} else {
				pd_cmd(&pd, 'L');
				pd_num(&pd, nx);
				pd_num(&pd, ny);
			}
		} else {
			pd_cmd(&pd, 'l');
			for (j = 1; j < it->npts; j++) {
				nx = tenths(it->pts[2 * j]);
				ny = tenths(it->pts[2 * j + 1]);
				pd_num(&pd, nx - x);
				pd_num(&pd, ny - y);
				x = nx;
				y = ny;
			}
		}
		buf_putc(out, '"');
		buf_put(out, sty->data, sty->len);
		BUF_PUTSL(out, "/>\n");
		break;
	case SC_RECT:
		BUF_PUTSL(out, "<rect");
		attrnum(out, "x", it->x);
		attrnum(out, "y", it->y);
		attrnum(out, "width", it->w);
		attrnum(out, "height", it->h);
		buf_put(out, sty->data, sty->len);
		BUF_PUTSL(out, "/>\n");
		break;
	case SC_CIRCLE:
		BUF_PUTSL(out, "<circle");
		attrnum(out, "cx", it->x);
		attrnum(out, "cy", it->y);
		attrnum(out, "r", it->r);
		buf_put(out, sty->data, sty->len);
		BUF_PUTSL(out, "/>\n");
		break;
	case SC_TEXT:
		BUF_PUTSL(out, "<text");
		attrnum(out, "x", it->x);
		attrnum(out, "y", it->y);
		buf_put(out, sty->data, sty->len);
		buf_putc(out, '>');
		buf_putxml(out, it->text);
		BUF_PUTSL(out, "</text>\n");
		break;
	}
}

static bool
is_dot(const struct sc_item *it)
{
	return it->kind == SC_CIRCLE && it->stroke == SC_NONE &&
	    it->fill != SC_NONE;
}

/*
 * A run of filled circles of one colour and radius from item i on (the
 * markers of a line) as one path of zero-length strokes with round
 * caps, which SVG draws as dots, each moved to relative to the one
 * before: about 12 bytes a marker instead of 35.
 * Returns the item after the run, or i if there is no run of two.
 */
static size_t
dots(struct buf *out, const struct scene *s, size_t i)
{
	const struct sc_item	*a = &s->items[i], *it;
	struct pd		 pd;
	size_t			 j, k;
	long			 x = 0, y = 0, nx, ny;

	if (!is_dot(a))
		return i;
	for (k = i + 1; k < s->n; k++) {
		it = &s->items[k];
		if (!is_dot(it) || it->fill != a->fill || it->r != a->r)
			break;
	}
	if (k - i < 2)
		return i;
	BUF_PUTSL(out, "<path d=\"");
	pd.b = out;
	pd.after = false;
	for (j = i; j < k; j++) {
		nx = tenths(s->items[j].x);
		ny = tenths(s->items[j].y);
		pd_cmd(&pd, j == i ? 'M' : 'm');
		pd_num(&pd, j == i ? nx : nx - x);
		pd_num(&pd, j == i ? ny : ny - y);
		pd_cmd(&pd, 'h');
		pd_num(&pd, 0);
		x = nx;
		y = ny;
	}
	buf_putc(out, '"');
	colour(out, "stroke", a->fill);
	attrnum(out, "stroke-width", 2 * a->r);
	BUF_PUTSL(out, " stroke-linecap=\"round\"/>\n");
	return k;
}

void
svg_write(const struct scene *s, const char *id, const char *title,
    const char *desc, const char *describedby, struct buf *out)
{
	struct buf	 cur, next, none, swap;
	size_t		 i, k;
	bool		 grouped = false, known = false, same;

	BUF_PUTSL(out, "<svg xmlns=\"http://www.w3.org/2000/svg\"");
	BUF_PUTSL(out, " viewBox=\"0 0 ");
	num(out, s->w);
	buf_putc(out, ' ');
	num(out, s->h);
	buf_putc(out, '"');
	attrnum(out, "width", s->w);
	attrnum(out, "height", s->h);
	/* Named by the description alone: the title is the heading the
	 * chart sits under, and a screen reader should not hear it twice. */
	BUF_PUTSL(out, " role=\"img\" aria-labelledby=\"");
	buf_putxml(out, id);
	BUF_PUTSL(out, "-desc\"");
	if (describedby != NULL) {
		BUF_PUTSL(out, " aria-describedby=\"");
		buf_putxml(out, describedby);
		buf_putc(out, '"');
	}
	BUF_PUTSL(out, ">\n<title id=\"");
	buf_putxml(out, id);
	BUF_PUTSL(out, "-title\">");
	buf_putxml(out, title);
	BUF_PUTSL(out, "</title>\n<desc id=\"");
	buf_putxml(out, id);
	BUF_PUTSL(out, "-desc\">");
	buf_putxml(out, desc);
	BUF_PUTSL(out, "</desc>\n");
	BUF_PUTSL(out, "<rect width=\"100%\" height=\"100%\" fill=\"#FFF\"/>\n");
	BUF_PUTSL(out, "<g font-family=\"" SVG_FONTS "\">\n");

	/*
	 * Items in a row with the same presentation attributes (the markers
	 * of a line, a run of labels) share them on a <g>: every one of
	 * them is inherited.  Paint order is kept.
	 */
	buf_init(&cur);
	buf_init(&next);
	buf_init(&none);
	i = 0;
	while (i < s->n) {
		if (!grouped && (k = dots(out, s, i)) > i) {
			i = k;
			known = false;
			continue;
		}
		if (!known && !style(&cur, &s->items[i])) {
			i++;
			continue;
		}
		/* The next item that draws, and whether it shares the style:
		 * a group opens before the first of a run, closes after the
		 * last.  The next item's style is kept for its turn. */
		for (k = i + 1; k < s->n && !style(&next, &s->items[k]); k++)
			continue;
		same = k < s->n && next.len == cur.len &&
		    memcmp(next.data, cur.data, cur.len) == 0;
		if (!grouped && same) {
			BUF_PUTSL(out, "<g");
			buf_put(out, cur.data, cur.len);
			BUF_PUTSL(out, ">\n");
			grouped = true;
		}
		item(out, &s->items[i], grouped ? &none : &cur);
		if (grouped && !same) {
			BUF_PUTSL(out, "</g>\n");
			grouped = false;
		}
		swap = cur;
		cur = next;
		next = swap;
		known = k < s->n;
		i = k;
	}
	buf_release(&cur);
	buf_release(&next);
	buf_release(&none);
	BUF_PUTSL(out, "</g>\n</svg>\n");
}
