/*
 * chart: lays an indicator out into a scene, a backend-neutral display
 * list of paths, rectangles, circles and text with anchors, in chart
 * pixels (origin top left).  Renderers (cairo.c for PNG and PDF, svg.c
 * for SVG) draw a scene and decide nothing.  Text widths come through a
 * callback, so layout is testable without Cairo or fonts (as Vega's
 * scenegraph and matplotlib's backends separate layout from drawing).
 * chart.c includes no library header.
 */
#ifndef CHART_H
#define CHART_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "figures.h"
#include "model.h"

enum sc_kind {
	SC_PATH,	/* polyline through pts */
	SC_RECT,	/* x, y, w, h */
	SC_CIRCLE,	/* centre x, y; radius r */
	SC_TEXT		/* text at x (per anchor), baseline y */
};

enum sc_anchor {
	SC_START,
	SC_MIDDLE,
	SC_END
};

enum sc_dash {
	SC_SOLID,
	SC_DASHED,	/* 6 on, 4 off */
	SC_DOTTED,	/* 1.5 on, 3 off, round caps */
	SC_DASHDOT	/* 8 on, 3 off, 2 on, 3 off */
};

/* What an item is for: a class in SVG, a word in the layout dump. */
enum sc_role {
	SC_ROLE_GRID,
	SC_ROLE_AXIS,
	SC_ROLE_TICKLABEL,
	SC_ROLE_BAND,
	SC_ROLE_TARGET,
	SC_ROLE_SERIES,
	SC_ROLE_COMPARATOR,
	SC_ROLE_MARK,
	SC_ROLE_LABEL,
	SC_ROLE_BAR
};

#define	SC_NONE	0xFF000000u	/* a colour meaning "no stroke/fill" */

struct sc_item {
	enum sc_kind	 kind;
	enum sc_role	 role;
	uint32_t	 stroke;	/* 0xRRGGBB or SC_NONE */
	uint32_t	 fill;		/* 0xRRGGBB or SC_NONE */
	double		 width;		/* stroke width */
	enum sc_dash	 dash;
	double		 x, y, w, h, r;	/* rect and circle; text position */
	double		*pts;		/* path: x0, y0, x1, y1, ... (owned) */
	size_t		 npts;		/* number of points (pairs) */
	char		*text;		/* text (owned) */
	double		 size;		/* font size, px */
	bool		 bold;
	enum sc_anchor	 anchor;
};

struct scene {
	double		 w, h;		/* chart size in px (CSS px) */
	struct sc_item	*items;		/* in drawing order */
	size_t		 n, max;
};

/* Text measurement: advance width of s at size px, bold or not. */
struct measure {
	void	*arg;
	double	(*width)(void *arg, const char *s, double size, bool bold);
};

/* What the chart should be.  Set with chart_defaults(), then edit. */
struct chart_opts {
	double		 w, h;		/* line/column chart size, px */
	double		 font;		/* base font size, px */
	const char	*ownlabel;	/* the authority's series label */
};

/* Sets the defaults: 800 x 450, 14 px. */
void	chart_defaults(struct chart_opts *o);

/* Makes s empty; release with scene_release(). */
void	scene_init(struct scene *s);
void	scene_release(struct scene *s);

/* The chart kind an indicator gets: CHART_NONE when it has no chart. */
enum chart_kind chart_kind_for(const struct indicator *ind,
	    const struct figures *f);

/*
 * Lays out the indicator's trend chart (line or column, per
 * chart_kind_for()) into s, which must be empty.  Returns false (and
 * leaves s empty) when the indicator gets no trend chart.
 */
bool	chart_trend(struct scene *s, const struct model *m,
	    const struct indicator *ind, const struct figures *f,
	    const struct measure *ms, const struct chart_opts *o);

/*
 * Lays out the indicator's breakdown as horizontal bars, in the order
 * given, each with its value at the bar's end.  Returns false (s empty)
 * when the indicator has no breakdown.
 */
bool	chart_breakdown(struct scene *s, const struct indicator *ind,
	    const struct measure *ms, const struct chart_opts *o);

/* Appends a text dump of s, one item a line, for golden tests. */
void	scene_dump(const struct scene *s, struct buf *out);

/* Colours of the Government Analysis Function palette, in order. */
extern const uint32_t chart_palette[6];

#endif
