/*
 * draw-int.h: what the files of the draw module share (draw.c: the
 * context, measuring and scenes; drawpng.c: PNGs; drawtext.c: the texts
 * of documents; drawdoc.c: documents).  Private: only draw*.c include
 * it, and with it Cairo and Pango, which no other module sees.  Every
 * object here is owned by the struct draw, text or document it hangs
 * from and freed with it; errors are reported by the public functions
 * of draw.h, never here.
 */
#ifndef DRAW_INT_H
#define DRAW_INT_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "buf.h"
#include "draw.h"
#include "scene.h"

/*
 * Widths already measured.  Charts measure the same few strings over and
 * over ("Jan 2021", "200", a comparator's label): shaping each through
 * Pango again was most of the layout time.  Open addressing, keyed on
 * the text, size and weight; it only grows.
 */
struct wentry {
	char		*text;		/* owned; NULL: empty slot */
	double		 size;
	bool		 bold;
	double		 width;
};

/* Characters whose glyphs a struct sfont keeps: Latin-1 and Latin
 * Extended-A, most of what a report's texts hold. */
#define	SFONT_LUT	0x180

#define	HUGEPAGE	((size_t)2 << 20)

struct pixbuf {
	unsigned char		*data;
	size_t			 cap;		/* bytes */
	bool			 busy;		/* drawn on or being encoded */
};

enum jobstate { JOB_QUEUED, JOB_DONE, JOB_COLLECTED };

struct pngjob {
	struct pixbuf		*pix;		/* while queued */
	int			 w, h, stride;
	uint32_t		 ppm;
	struct buf		 out;
	enum jobstate		 state;
	bool			 ok;
};

struct draw {
	PangoFontMap		*fm;
	PangoContext		*ctx;
	PangoContext		*tctx;		/* documents' text: its own, so
						   that drawing a chart (which
						   sets ctx's matrix) never
						   makes text lay out again */
	PangoLayout		*layout;
	PangoFontDescription	*regular;
	PangoFontDescription	*bold;
	/* Fonts of documents' plain texts (draw_text_new's fast path):
	 * Pango's own fonts, by size and weight. */
	struct sfont {
		double		 size;
		bool		 bold;
		PangoFont	*font;		/* NULL: sf made from
						   another size's face */
		cairo_scaled_font_t *sf;	/* owned by font, or here
						   when font is NULL */
		double		 ascent, descent;
		/* The glyph and advance of each character below
		 * SFONT_LUT already asked of Cairo (draw_sfont_glyph),
		 * NULL until the first. */
		struct sglyph {
			unsigned long	 index;
			double		 adv;
			bool		 known;
		}		*lut;
	}			**sfonts;	/* each its own: texts point
						   to them */
	size_t			 nsfonts;
	const struct sfont	*lastsf;	/* the last asked for */
	struct wentry		*cache;		/* cap slots */
	size_t			 cap, used;
	/*
	 * PNGs: drawn here, encoded on a second thread (see draw_png_start).
	 * Two pixel buffers, one drawn on while the other is encoded, each
	 * kept for the next chart: every scene paints its whole background
	 * first, and a new 1600x900 surface cost more than drawing on it
	 * (5.8 MB of fresh pages to fault in and clear).  The lock guards
	 * everything below it.
	 */
	pthread_t		 thread;
	bool			 threaded;	/* the thread runs */
	pthread_mutex_t		 lock;
	pthread_cond_t		 work;		/* a job queued, or quit */
	pthread_cond_t		 done;		/* a job done, a buffer free */
	struct pixbuf		 pix[2];
	struct pngjob		*jobs;		/* by ticket */
	size_t			 njobs, maxjobs;
	size_t			 next;		/* the next job to encode */
	bool			 quit;
};

/* A run of one style on one line of a simple text. */
struct srun {
	const struct sfont	*font;
	uint32_t		 colour;
	const char		*link;
	bool			 artifact;	/* see struct draw_span */
	size_t			 start, end;	/* its bytes of the text */
	size_t			 g, ng;		/* its glyphs */
	double			 x, w;		/* from the line's start */
};

struct sline {
	size_t			 r, nr;		/* its runs */
	double			 ascent;
	double			 w;		/* without trailing spaces */
};

struct draw_text {
	struct draw		*dr;
	PangoLayout		*layout;	/* NULL: a simple text */
	/*
	 * Simple text (see simple()): laid out and set with Cairo alone,
	 * Pango's layout being most of the time of a report's PDF.  Glyphs
	 * are one a character, x from the start of their line, y 0 on the
	 * baseline; each has a cluster of its character's bytes.  Kept as
	 * index and x only (12 bytes a character, not Cairo's 32): a long
	 * report holds every text from its layout to its page's drawing;
	 * draw_text_glyphs() makes Cairo's glyphs and clusters of a run.
	 */
	bool			 simple;
	uint32_t		*gindex;	/* nglyphs */
	double			*gx;		/* nglyphs */
	size_t			 nglyphs;
	struct srun		*runs;
	size_t			 nruns;
	struct sline		*sl;		/* nlines */
	enum draw_align		 align;
	double			 boxw;		/* the wrap width, or <= 0 */
	char			*text;
	struct draw_span	*sp;
	size_t			 nsp;
	double			 size;
	double			*lineh;		/* per line */
	double			*liney;		/* top of each line */
	size_t			 nlines;
	double			 width;
	double			 minwidth;	/* simple texts */
};

/*
 * Something drawn as an artifact, kept until draw_doc_artifacts() draws
 * it: glyphs (of a simple text), a Pango run or a rectangle.
 */
enum dartkind { DART_GLYPHS, DART_PANGO, DART_RECT };

struct dart {
	enum dartkind		 kind;
	uint32_t		 colour;	/* text; a rectangle's fill */
	/* DART_GLYPHS: glyphs and clusters [g, g + ng) of the doc's, and
	 * bytes [s, s + len) of its atext.  DART_PANGO: bytes too. */
	cairo_scaled_font_t	*sf;		/* a reference */
	size_t			 g, ng;
	size_t			 s, len;
	PangoGlyphItem		*gi;		/* owned; its item's offset
						   is 0, into the bytes */
	double			 x, y;		/* DART_PANGO: its origin;
						   DART_RECT: its corner */
	double			 w, h;
	uint32_t		 stroke;
	double			 lw;
};

struct draw_doc {
	struct draw		*dr;
	cairo_surface_t		*surf;
	cairo_t			*cr;
	struct buf		 out;
	struct buf		 links;		/* link texts, NUL after each */
	/* Artifacts waiting for draw_doc_artifacts(). */
	bool			 artmode;	/* see draw_doc_artifact() */
	struct dart		*arts;
	size_t			 narts, maxarts;
	cairo_glyph_t		*ag;		/* their glyphs */
	cairo_text_cluster_t	*ac;		/* and clusters */
	size_t			 nag, maxag;
	struct buf		 atext;		/* and bytes */
};

/* drawtext.c */
/*
 * The glyph and advance of character cp in f, from f's table (only
 * below SFONT_LUT), asked of Cairo the first time; NULL when cp is past
 * the table or f has no one glyph for it.  Not to be shared between
 * threads: the table is f's, which is its draw's.
 */
const struct sglyph *draw_sfont_glyph(const struct sfont *, unsigned long);
/*
 * Fills g and c with the glyphs and clusters of run r of simple text t
 * (r->ng of each), its glyphs moved by x and set on baseline y.
 */
void		 draw_text_glyphs(const struct draw_text *, const struct srun *,
		    double, double, cairo_glyph_t *, cairo_text_cluster_t *);

/* draw.c */
double		 draw_measure_width(void *, const char *, double, bool);
void		 draw_colour(cairo_t *, uint32_t);
/*
 * Draws s on cr, painting its background first when paint.  Simple words
 * are set with Cairo's glyphs, not laid out by Pango (see tbatch_add in
 * draw.c).  With vector (vector output: PDF), strokes are made in device
 * space (see fill_stroke) and runs of shapes of one paint are painted
 * together (see joins).
 */
void		 draw_scene(struct draw *, cairo_t *, const struct scene *,
		    bool, bool);
/* A cairo_write_func_t appending to the struct buf arg. */
cairo_status_t	 draw_tobuf(void *, const unsigned char *, unsigned int);

#endif
