/*
 * svg: the SVG backend.  Like draw.c it decides nothing: positions,
 * colours and words come from the scene.  Coordinates are written to one
 * decimal place (a tenth of a CSS pixel is below what any screen or
 * printer shows), which with text as text keeps a chart near 3 KB.
 */
#include <math.h>
#include <stdio.h>

#include "buf.h"
#include "chart.h"
#include "svg.h"

/* One decimal place, no trailing ".0", never "-0". */
static void
num(struct buf *b, double v)
{
	long	 t;

	t = lround(v * 10);
	if (t < 0) {
		buf_putc(b, '-');
		t = -t;
	}
	buf_printf(b, "%ld", t / 10);
	if (t % 10 != 0)
		buf_printf(b, ".%ld", t % 10);
}

static void
attrnum(struct buf *b, const char *name, double v)
{
	buf_printf(b, " %s=\"", name);
	num(b, v);
	buf_putc(b, '"');
}

static void
paint(struct buf *b, const struct sc_item *it)
{
	if (it->fill != SC_NONE)
		buf_printf(b, " fill=\"#%06X\"", it->fill);
	else
		BUF_PUTSL(b, " fill=\"none\"");
	if (it->stroke == SC_NONE)
		return;
	buf_printf(b, " stroke=\"#%06X\"", it->stroke);
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

void
svg_write(const struct scene *s, const char *id, const char *title,
    const char *desc, const char *describedby, struct buf *out)
{
	static const char *const anchor[] = { NULL, "middle", "end" };
	const struct sc_item	*it;
	size_t			 i, j;

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
	BUF_PUTSL(out, "<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n");
	BUF_PUTSL(out, "<g font-family=\"" SVG_FONTS "\">\n");
	for (i = 0; i < s->n; i++) {
		it = &s->items[i];
		switch (it->kind) {
		case SC_PATH:
			if (it->npts < 2)
				break;
			if (it->npts == 2) {
				BUF_PUTSL(out, "<line");
				attrnum(out, "x1", it->pts[0]);
				attrnum(out, "y1", it->pts[1]);
				attrnum(out, "x2", it->pts[2]);
				attrnum(out, "y2", it->pts[3]);
			} else {
				BUF_PUTSL(out, "<polyline points=\"");
				for (j = 0; j < it->npts; j++) {
					if (j > 0)
						buf_putc(out, ' ');
					num(out, it->pts[2 * j]);
					buf_putc(out, ',');
					num(out, it->pts[2 * j + 1]);
				}
				buf_putc(out, '"');
			}
			paint(out, it);
			BUF_PUTSL(out, "/>\n");
			break;
		case SC_RECT:
			BUF_PUTSL(out, "<rect");
			attrnum(out, "x", it->x);
			attrnum(out, "y", it->y);
			attrnum(out, "width", it->w);
			attrnum(out, "height", it->h);
			paint(out, it);
			BUF_PUTSL(out, "/>\n");
			break;
		case SC_CIRCLE:
			BUF_PUTSL(out, "<circle");
			attrnum(out, "cx", it->x);
			attrnum(out, "cy", it->y);
			attrnum(out, "r", it->r);
			paint(out, it);
			BUF_PUTSL(out, "/>\n");
			break;
		case SC_TEXT:
			BUF_PUTSL(out, "<text");
			attrnum(out, "x", it->x);
			attrnum(out, "y", it->y);
			attrnum(out, "font-size", it->size);
			if (it->bold)
				BUF_PUTSL(out, " font-weight=\"bold\"");
			if (anchor[it->anchor] != NULL)
				buf_printf(out, " text-anchor=\"%s\"",
				    anchor[it->anchor]);
			if (it->fill != SC_NONE && it->fill != 0)
				buf_printf(out, " fill=\"#%06X\"", it->fill);
			buf_putc(out, '>');
			buf_putxml(out, it->text);
			BUF_PUTSL(out, "</text>\n");
			break;
		}
	}
	BUF_PUTSL(out, "</g>\n</svg>\n");
}
