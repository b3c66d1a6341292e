/*
 * scene: a chart as a backend-neutral display list (as Vega's
 * scenegraph): paths, rectangles, circles and text with anchors, in
 * chart pixels, origin top left, each with the role it plays.  Layout
 * (chart.c) fills a scene; renderers (draw.c for PNG and PDF, svg.c for
 * SVG) draw one and decide nothing.  Text widths reach layout through
 * struct measure, so layout is testable without Cairo or fonts.  The
 * scene knows nothing of indicators and includes no library header.
 */
#ifndef SCENE_H
#define SCENE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

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

/* Makes s empty; release with scene_release(). */
void	scene_init(struct scene *s);
/* Frees the items of s and makes it empty; s NULL does nothing. */
void	scene_release(struct scene *s);

/*
 * Appends an item of kind and role, with no stroke, no fill, solid, and
 * every other field zero; returns it, valid until the next append.
 */
struct sc_item *scene_add(struct scene *s, enum sc_kind kind,
	    enum sc_role role);
/* Appends text at x, y (baseline) filled with colour; copies text. */
void	scene_text(struct scene *s, enum sc_role role, double x, double y,
	    enum sc_anchor a, double size, bool bold, uint32_t colour,
	    const char *text);
/* Appends a rectangle filled with fill. */
void	scene_rect(struct scene *s, enum sc_role role, double x, double y,
	    double w, double h, uint32_t fill);
/* Appends a two-point path from x0, y0 to x1, y1. */
void	scene_line(struct scene *s, enum sc_role role, double x0, double y0,
	    double x1, double y1, uint32_t colour, double width,
	    enum sc_dash dash);
/* Appends a point mark (role SC_ROLE_MARK) of radius r. */
void	scene_circle(struct scene *s, double x, double y, double r,
	    uint32_t stroke, uint32_t fill, double width);
/*
 * Returns v finite and within +-1e5, Cairo's safe range (0 for NaN
 * and infinities): the adders above clamp every position and every
 * rectangle's size with it; layout clamps the y of the paths it fills
 * itself.
 */
double	scene_clamp(double v);

/* Appends a text dump of s, one item a line, for golden tests. */
void	scene_dump(const struct scene *s, struct buf *out);

#endif
