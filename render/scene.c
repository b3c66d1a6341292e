/*
 * scene: the display list between layout and renderers: its items'
 * storage, the adders layout builds it with (every position clamped,
 * so that no renderer meets an infinite or huge coordinate), and the
 * text dump the golden layout tests compare.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "scene.h"
#include "util.h"

void
scene_init(struct scene *s)
{
	s->w = s->h = 0;
	s->items = NULL;
	s->n = s->max = 0;
}

void
scene_release(struct scene *s)
{
	size_t	 i;

	if (s == NULL)
		return;
	for (i = 0; i < s->n; i++) {
		free(s->items[i].pts);
		free(s->items[i].text);
	}
	free(s->items);
	scene_init(s);
}

/* Keeps every coordinate finite and within Cairo's safe range. */
double
scene_clamp(double v)
{
	if (!isfinite(v))
		return 0;
	return v < -1e5 ? -1e5 : v > 1e5 ? 1e5 : v;
}

struct sc_item *
scene_add(struct scene *s, enum sc_kind kind, enum sc_role role)
{
	struct sc_item	*it;

	if (s->n == s->max) {
		s->max = s->max == 0 ? 32 : s->max * 2;
		s->items = xreallocarray(s->items, s->max, sizeof(*s->items));
	}
	it = &s->items[s->n++];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->role = role;
	it->stroke = SC_NONE;
	it->fill = SC_NONE;
	it->dash = SC_SOLID;
	return it;
}

void
scene_text(struct scene *s, enum sc_role role, double x, double y,
    enum sc_anchor a, double size, bool bold, uint32_t colour,
    const char *text)
{
	struct sc_item	*it;

	it = scene_add(s, SC_TEXT, role);
	it->x = scene_clamp(x);
	it->y = scene_clamp(y);
	it->anchor = a;
	it->size = size;
	it->bold = bold;
	it->fill = colour;
	it->text = xstrdup(text);
}

void
scene_rect(struct scene *s, enum sc_role role, double x, double y, double w,
    double h, uint32_t fill)
{
	struct sc_item	*it;

	it = scene_add(s, SC_RECT, role);
	it->x = scene_clamp(x);
	it->y = scene_clamp(y);
	it->w = scene_clamp(w);
	it->h = scene_clamp(h);
	it->fill = fill;
}

void
scene_line(struct scene *s, enum sc_role role, double x0, double y0,
    double x1, double y1, uint32_t colour, double width, enum sc_dash dash)
{
	struct sc_item	*it;

	it = scene_add(s, SC_PATH, role);
	it->stroke = colour;
	it->width = width;
	it->dash = dash;
	it->npts = 2;
	it->pts = xreallocarray(NULL, 4, sizeof(double));
	it->pts[0] = scene_clamp(x0);
	it->pts[1] = scene_clamp(y0);
	it->pts[2] = scene_clamp(x1);
	it->pts[3] = scene_clamp(y1);
}

void
scene_circle(struct scene *s, double x, double y, double r, uint32_t stroke,
    uint32_t fill, double width)
{
	struct sc_item	*it;

	it = scene_add(s, SC_CIRCLE, SC_ROLE_MARK);
	it->x = scene_clamp(x);
	it->y = scene_clamp(y);
	it->r = r;
	it->stroke = stroke;
	it->fill = fill;
	it->width = width;
}

static const char *
role_str(enum sc_role r)
{
	switch (r) {
	case SC_ROLE_GRID:
		return "grid";
	case SC_ROLE_AXIS:
		return "axis";
	case SC_ROLE_TICKLABEL:
		return "ticklabel";
	case SC_ROLE_BAND:
		return "band";
	case SC_ROLE_TARGET:
		return "target";
	case SC_ROLE_SERIES:
		return "series";
	case SC_ROLE_COMPARATOR:
		return "comparator";
	case SC_ROLE_MARK:
		return "mark";
	case SC_ROLE_LABEL:
		return "label";
	case SC_ROLE_BAR:
		return "bar";
	}
	return "?";
}

static void
dumpnum(struct buf *out, double v)
{
	buf_printf(out, " %.1f", v == 0 ? 0 : v);
}

void
scene_dump(const struct scene *s, struct buf *out)
{
	static const char *const anchors[] = { "start", "middle", "end" };
	static const char *const dashes[] = { "solid", "dashed", "dotted",
	    "dashdot" };
	const struct sc_item *it;
	size_t		 i, j;

	buf_printf(out, "scene %.1f %.1f\n", s->w, s->h);
	for (i = 0; i < s->n; i++) {
		it = &s->items[i];
		switch (it->kind) {
		case SC_PATH:
			buf_printf(out, "path %s #%06X %.1f %s",
			    role_str(it->role), it->stroke, it->width,
			    dashes[it->dash]);
			for (j = 0; j < it->npts; j++) {
				dumpnum(out, it->pts[2 * j]);
				buf_putc(out, ',');
				buf_printf(out, "%.1f", it->pts[2 * j + 1] == 0 ?
				    0 : it->pts[2 * j + 1]);
			}
			break;
		case SC_RECT:
			buf_printf(out, "rect %s #%06X", role_str(it->role),
			    it->fill);
			dumpnum(out, it->x);
			dumpnum(out, it->y);
			dumpnum(out, it->w);
			dumpnum(out, it->h);
			break;
		case SC_CIRCLE:
			buf_printf(out, "circle %s", role_str(it->role));
			dumpnum(out, it->x);
			dumpnum(out, it->y);
			dumpnum(out, it->r);
			buf_printf(out, it->fill == SC_NONE ? " none" :
			    " #%06X", it->fill);
			buf_printf(out, it->stroke == SC_NONE ? " none" :
			    " #%06X", it->stroke);
			break;
		case SC_TEXT:
			buf_printf(out, "text %s %s %.0f%s",
			    role_str(it->role), anchors[it->anchor], it->size,
			    it->bold ? " bold" : "");
			dumpnum(out, it->x);
			dumpnum(out, it->y);
			buf_putc(out, ' ');
			buf_putjson(out, it->text);
			break;
		}
		buf_putc(out, '\n');
	}
}
