/*
 * svg: a scene as SVG text of our own: text as <text> (searchable, read
 * by screen readers, about 3 KB a chart rather than Cairo's 56 KB of
 * glyph outlines), role="img" with a <title> and <desc>, and every id
 * prefixed so that many charts can sit inline in one page.
 */
#ifndef SVG_H
#define SVG_H

#include "buf.h"
#include "scene.h"

/* The font stack: DejaVu Sans (laid out with), then the metric-alike. */
#define	SVG_FONTS	"'DejaVu Sans', Verdana, sans-serif"

/*
 * Appends s as one <svg> element.  id prefixes the ids inside
 * ("<id>-title", "<id>-desc"); title and desc are plain text (escaped
 * here).  The chart is named by desc (aria-labelledby), which should say
 * what it shows without repeating the title, in at most 300 characters; describedby, if not NULL, is the id of the element (a table)
 * that holds the chart's figures.  Writes no XML declaration, so the
 * result can be inlined in XHTML or saved as a file.
 */
void	svg_write(const struct scene *s, const char *id, const char *title,
	    const char *desc, const char *describedby, struct buf *out);

#endif
