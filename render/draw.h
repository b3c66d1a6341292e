/*
 * draw: scenes into pixels and pages with Cairo and Pango, and the text
 * measurement layout needs.  The only module that includes Cairo, Pango
 * or libpng headers.  Text is set in DejaVu Sans (Debian's
 * fonts-dejavu-core), with hinting of metrics off so that widths are the
 * same at any scale and match the SVG's.
 */
#ifndef DRAW_H
#define DRAW_H

#include <stdbool.h>

#include "buf.h"
#include "scene.h"
#include "diag.h"

struct draw;

/* The one font every chart is laid out and drawn in. */
#define	DRAW_FONT	"DejaVu Sans"

/*
 * Returns a new drawing context (font map, caches, the PNG encoding
 * thread once started); draw_free() it.  One thread uses a context.
 */
struct draw	*draw_new(void);
void		 draw_free(struct draw *dr);

/* Fills *ms with a measure that uses dr; valid while dr lives. */
void		 draw_measure(struct draw *dr, struct measure *ms);

/*
 * Draws s as a PNG at scale times its size (2 for print and
 * high-density screens), 8-bit RGB, with its physical size recorded
 * (96 dpi times scale).  The pixels are drawn now; the encoding (pngenc)
 * runs on a second thread that dr starts at its first PNG, so that the
 * caller can draw the next chart meanwhile.  Returns a ticket for
 * draw_png_collect(), or -1 after reporting through d.  At most two
 * charts' pixels are held: a third start waits for the first encoding.
 */
int		 draw_png_start(struct draw *dr, const struct scene *s,
		    double scale, struct diag *d);
/*
 * Waits for ticket's PNG and appends it to out.  Each ticket is
 * collected once, on the thread that started it; draw_free() discards
 * any not collected.  Returns false after reporting through d.
 */
bool		 draw_png_collect(struct draw *dr, int ticket,
		    struct buf *out, struct diag *d);
/* draw_png_start() then draw_png_collect(). */
bool		 draw_png(struct draw *dr, const struct scene *s, double scale,
		    struct buf *out, struct diag *d);

/*
 * Appends s as a one-page PDF (points = px * 0.75) with a fixed
 * creation date so that output is reproducible.
 */
bool		 draw_pdf(struct draw *dr, const struct scene *s,
		    struct buf *out, struct diag *d);

/* Frees the static data of Cairo and fontconfig at exit, when the
 * environment has SCORECARD_LEAK_CHECK (for valgrind and LeakSanitizer). */
void		 draw_cleanup(void);

#endif
