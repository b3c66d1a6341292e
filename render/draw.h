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
#include <stddef.h>
#include <stdint.h>

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
 * Here and below, file (borrowed for the call; NULL: none) names the
 * file being made in any message, as the diag's file.
 */
int		 draw_png_start(struct draw *dr, const struct scene *s,
		    double scale, const char *file, struct diag *d);
/*
 * Waits for ticket's PNG and appends it to out.  Each ticket is
 * collected once, on the thread that started it; draw_free() discards
 * any not collected.  Returns false after reporting through d.
 */
bool		 draw_png_collect(struct draw *dr, int ticket,
		    const char *file, struct buf *out, struct diag *d);
/*
 * From now on draw_png_start() on dr encodes on the calling thread
 * before it returns, as when no thread can be started; unless dr's
 * encoding thread runs already (then nothing changes).
 */
void		 draw_png_inline(struct draw *dr);
/* draw_png_start() then draw_png_collect(). */
bool		 draw_png(struct draw *dr, const struct scene *s, double scale,
		    const char *file, struct buf *out, struct diag *d);

/*
 * Appends s as a one-page PDF (points = px * 0.75) with a fixed
 * creation date so that output is reproducible.  Returns false after
 * reporting through d, naming file.
 */
bool		 draw_pdf(struct draw *dr, const struct scene *s,
		    const char *file, struct buf *out, struct diag *d);

/*
 * Documents: pages of text, rules and scenes, tagged for accessibility
 * (PDF structure tags), for the report's PDF (pdf.c).  Units are points,
 * origin at the top left of the page.
 */
struct draw_doc;
struct draw_text;

/* A styled range of a text's bytes. */
struct draw_span {
	size_t		 start, end;	/* byte offsets, end exclusive */
	bool		 bold;
	double		 size;		/* points; 0: the text's size */
	uint32_t	 colour;	/* 0xRRGGBB */
	const char	*link;		/* destination name, or NULL
					   (borrowed until the text is
					   freed) */
	bool		 artifact;	/* drawn as an artifact (PDF): no
					   text for a screen reader, as
					   aria-hidden in HTML */
};

enum draw_align { DRAW_LEFT, DRAW_RIGHT, DRAW_CENTRE };

/*
 * Sets text (UTF-8; "\n" breaks a line) in size-point type, wrapped to
 * width points (width <= 0: never wrapped), with spans styling parts of
 * it (copied; links borrowed).  Returns a new text; draw_text_free() it.
 * Uses dr until freed.
 */
struct draw_text *draw_text_new(struct draw *dr, const char *text,
		    const struct draw_span *sp, size_t nsp, double size,
		    double width, enum draw_align align);
void		 draw_text_free(struct draw_text *t);
/* The number of lines; the height of line i. */
size_t		 draw_text_lines(const struct draw_text *t);
double		 draw_text_line_h(const struct draw_text *t, size_t i);
/* The width of the widest line (the natural width when not wrapped). */
double		 draw_text_width(const struct draw_text *t);
/* The width of the longest word: the narrowest it can be set. */
double		 draw_text_min_width(const struct draw_text *t);

/* What the document says about itself (borrowed for the call). */
struct draw_meta {
	const char	*title;
	const char	*author;
	const char	*subject;
	const char	*date;		/* ISO 8601 creation date */
};

/*
 * Starts a document of w x h point pages on its first page.  Returns a
 * new document: draw_doc_finish() it.  dr's documents' fonts take the
 * PDF surface's font options from then on (pango_cairo_update_context),
 * and a chart's simple texts use those fonts too: a PNG drawn in dr
 * afterwards can differ by a few pixels from one drawn in a context that
 * never made a document.  Draw PNGs in such a context (report.c, help()).
 */
struct draw_doc	*draw_doc_new(struct draw *dr, double w, double h,
		    const struct draw_meta *meta);
/* Ends the page and starts the next. */
void		 draw_doc_page(struct draw_doc *doc);
/* Opens and closes a structure tag (Cairo's names: "H1", "P", "Link"
 * ...), with Cairo's attribute string or NULL.  Tags nest. */
void		 draw_doc_tag(struct draw_doc *doc, const char *tag,
		    const char *attrs);
void		 draw_doc_end(struct draw_doc *doc, const char *tag);
/* Names the point (x, y) of this page as a link destination. */
void		 draw_doc_dest(struct draw_doc *doc, const char *name,
		    double x, double y);
/*
 * Adds an outline (bookmark) entry under parent (0: the top) going to
 * destination dest; returns its id for children.
 */
int		 draw_doc_outline(struct draw_doc *doc, int parent,
		    const char *title, const char *dest, bool open);
/*
 * Draws lines [first, first + n) of t with the top of the first at y;
 * runs with a link go inside "Link" tags.  Runs of spans marked artifact
 * are not drawn here but kept for draw_doc_artifacts(), so that the
 * element the text is drawn in holds only its words.
 */
void		 draw_doc_text(struct draw_doc *doc, const struct draw_text *t,
		    double x, double y, size_t first, size_t n);
/* A filled rectangle (fill SC_NONE: none), outlined when lw > 0. */
void		 draw_doc_rect(struct draw_doc *doc, double x, double y,
		    double w, double h, uint32_t fill, uint32_t stroke,
		    double lw);
/*
 * While on, what draw_doc_text() and draw_doc_rect() would draw is no
 * content (rules, boxes, a table's header rows repeated): it is kept for
 * draw_doc_artifacts(), links and all, without tags.  Off at first.
 */
void		 draw_doc_artifact(struct draw_doc *doc, bool on);
/*
 * Draws what was kept for it since the last call, where it was to be,
 * after what is drawn so far, inside one "Private" tag (which pdfpost
 * makes an artifact); nothing when nothing was kept.  To be called
 * where no element holding content is open (at the end of a page, say):
 * the Private element is a child of the element open.  What is kept
 * when the document is finished or discarded is thrown away.
 */
void		 draw_doc_artifacts(struct draw_doc *doc);
/* Draws scene s with its top left at (x, y), scale points a px. */
void		 draw_doc_scene(struct draw_doc *doc, const struct scene *s,
		    double x, double y, double scale);
/*
 * Ends the document and appends the PDF to out, and to links the text
 * of each link annotation in the order Cairo writes them, each ending
 * in a NUL.  Frees doc.  Returns false after reporting through d.
 */
bool		 draw_doc_finish(struct draw_doc *doc, struct buf *out,
		    struct buf *links, struct diag *d);

/* Frees doc without finishing it: what was drawn is thrown away. */
void		 draw_doc_discard(struct draw_doc *doc);

/* Frees the static data of Cairo and fontconfig at exit, when the
 * environment has SCORECARD_LEAK_CHECK (for valgrind and LeakSanitizer). */
void		 draw_cleanup(void);

#endif
