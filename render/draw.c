/*
 * draw: the Cairo backend.  A scene is drawn item by item in order; the
 * scene has already decided every position, colour and word, so this
 * file only translates.  Text goes through one Pango context (created
 * once per struct draw, as Pango wants one font map per thread) with
 * metrics hinting off, so that the widths layout measured are the widths
 * drawn.
 *
 * PNG is encoded by pngenc.c, not by Cairo's writer or libpng: see pngenc.h
 * for why.  The pHYs chunk gives the physical size: 96 CSS pixels an
 * inch, times the scale.  Bytes go to a buf; only report.c writes
 * files.
 */
#define _DEFAULT_SOURCE		/* madvise() */
#include <sys/mman.h>

#include <assert.h>
#include <pthread.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "buf.h"
#include "scene.h"
#include "diag.h"
#include "draw.h"
#include "pngenc.h"
#include "utf8.h"
#include "util.h"

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
		PangoFont	*font;
		cairo_scaled_font_t *sf;	/* owned by font */
		double		 ascent, descent;
	}			**sfonts;	/* each its own: texts point
						   to them */
	size_t			 nsfonts;
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

struct draw *
draw_new(void)
{
	struct draw		*dr;
	cairo_font_options_t	*fo;

	dr = xcalloc(1, sizeof(*dr));
	dr->fm = pango_cairo_font_map_new();
	dr->ctx = pango_font_map_create_context(dr->fm);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
	pango_cairo_context_set_font_options(dr->ctx, fo);
	dr->tctx = pango_font_map_create_context(dr->fm);
	pango_cairo_context_set_font_options(dr->tctx, fo);
	cairo_font_options_destroy(fo);
	dr->layout = pango_layout_new(dr->ctx);
	pthread_mutex_init(&dr->lock, NULL);
	pthread_cond_init(&dr->work, NULL);
	pthread_cond_init(&dr->done, NULL);
	dr->regular = pango_font_description_from_string(DRAW_FONT);
	dr->bold = pango_font_description_copy(dr->regular);
	pango_font_description_set_weight(dr->bold, PANGO_WEIGHT_BOLD);
	return dr;
}

void
draw_free(struct draw *dr)
{
	if (dr == NULL)
		return;
	for (size_t i = 0; i < dr->cap; i++)
		free(dr->cache[i].text);
	free(dr->cache);
	for (size_t i = 0; i < dr->nsfonts; i++) {
		g_object_unref(dr->sfonts[i]->font);
		free(dr->sfonts[i]);
	}
	free(dr->sfonts);
	pango_font_description_free(dr->regular);
	pango_font_description_free(dr->bold);
	g_object_unref(dr->layout);
	g_object_unref(dr->ctx);
	g_object_unref(dr->tctx);
	g_object_unref(dr->fm);
	if (dr->threaded) {
		pthread_mutex_lock(&dr->lock);
		dr->quit = true;
		pthread_cond_signal(&dr->work);
		pthread_mutex_unlock(&dr->lock);
		pthread_join(dr->thread, NULL);
	}
	pthread_mutex_destroy(&dr->lock);
	pthread_cond_destroy(&dr->work);
	pthread_cond_destroy(&dr->done);
	for (size_t i = 0; i < dr->njobs; i++)
		buf_release(&dr->jobs[i].out);
	free(dr->jobs);
	free(dr->pix[0].data);
	free(dr->pix[1].data);
	free(dr);
}

void
draw_cleanup(void)
{
	/*
	 * Only for leak checkers (SCORECARD_LEAK_CHECK set): freeing
	 * Cairo's and fontconfig's static data asserts that no font is still
	 * alive, and Pango 1.50 loads fonts on a thread of its own, so in a
	 * normal run this could abort a render that has already succeeded
	 * (seen once in the tests).  The process is exiting anyway.
	 */
	if (getenv("SCORECARD_LEAK_CHECK") == NULL)
		return;
	cairo_debug_reset_static_data();
	FcFini();
}

/* Sets the layout to text at size px; returns the layout. */
static PangoLayout *
setup(struct draw *dr, const char *s, double size, bool bold)
{
	PangoFontDescription	*fd = bold ? dr->bold : dr->regular;

	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_layout_set_font_description(dr->layout, fd);
	pango_layout_set_text(dr->layout, s, -1);
	return dr->layout;
}

static size_t
whash(const char *s, double size, bool bold)
{
	size_t	 h = 1469598103934665603u;	/* FNV-1a */

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	h = (h ^ (size_t)(size * 16)) * 1099511628211u;
	return (h ^ (bold ? 1u : 2u)) * 1099511628211u;
}

static struct wentry *
wfind(struct wentry *t, size_t cap, const char *s, double size, bool bold)
{
	size_t	 i = whash(s, size, bold) & (cap - 1);

	while (t[i].text != NULL && (t[i].size != size ||
	    t[i].bold != bold || strcmp(t[i].text, s) != 0))
		i = (i + 1) & (cap - 1);
	return &t[i];
}

static double
measure_width(void *arg, const char *s, double size, bool bold)
{
	struct draw	*dr = arg;
	struct wentry	*e, *old;
	PangoRectangle	 logical;
	size_t		 i, oldcap;

	if (dr->used * 2 >= dr->cap) {
		old = dr->cache;
		oldcap = dr->cap;
		dr->cap = oldcap == 0 ? 256 : oldcap * 2;
		dr->cache = xcalloc(dr->cap, sizeof(*dr->cache));
		for (i = 0; i < oldcap; i++)
			if (old[i].text != NULL)
				*wfind(dr->cache, dr->cap, old[i].text,
				    old[i].size, old[i].bold) = old[i];
		free(old);
	}
	e = wfind(dr->cache, dr->cap, s, size, bold);
	if (e->text != NULL)
		return e->width;
	pango_layout_get_extents(setup(dr, s, size, bold), NULL, &logical);
	e->text = xstrdup(s);
	e->size = size;
	e->bold = bold;
	e->width = (double)logical.width / PANGO_SCALE;
	dr->used++;
	return e->width;
}

void
draw_measure(struct draw *dr, struct measure *ms)
{
	ms->arg = dr;
	ms->width = measure_width;
}

static void
colour(cairo_t *cr, uint32_t c)
{
	cairo_set_source_rgb(cr, (c >> 16 & 0xFF) / 255.0,
	    (c >> 8 & 0xFF) / 255.0, (c & 0xFF) / 255.0);
}

static void
dash(cairo_t *cr, enum sc_dash d)
{
	static const double dashed[] = { 6, 4 };
	static const double dotted[] = { 0.1, 4 };
	static const double dashdot[] = { 8, 3, 2, 3 };

	switch (d) {
	case SC_SOLID:
		cairo_set_dash(cr, NULL, 0, 0);
		cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
		break;
	case SC_DASHED:
		cairo_set_dash(cr, dashed, 2, 0);
		cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
		break;
	case SC_DOTTED:
		cairo_set_dash(cr, dotted, 2, 0);
		cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
		break;
	case SC_DASHDOT:
		cairo_set_dash(cr, dashdot, 4, 0);
		cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
		break;
	}
}

static void
fill_stroke(cairo_t *cr, const struct sc_item *it)
{
	if (it->fill != SC_NONE) {
		colour(cr, it->fill);
		if (it->stroke != SC_NONE)
			cairo_fill_preserve(cr);
		else
			cairo_fill(cr);
	}
	if (it->stroke != SC_NONE) {
		colour(cr, it->stroke);
		cairo_set_line_width(cr, it->width);
		dash(cr, it->dash);
		cairo_stroke(cr);
	}
	cairo_new_path(cr);
}

static void
draw_scene(struct draw *dr, cairo_t *cr, const struct scene *s, bool paint)
{
	const struct sc_item	*it;
	PangoLayout		*l;
	PangoRectangle		 logical;
	size_t			 i, j;
	double			 x;

	if (paint) {
		colour(cr, 0xFFFFFF);
		cairo_paint(cr);
	}
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	pango_cairo_update_context(cr, dr->ctx);
	for (i = 0; i < s->n; i++) {
		it = &s->items[i];
		switch (it->kind) {
		case SC_PATH:
			if (it->npts < 2)
				break;
			cairo_move_to(cr, it->pts[0], it->pts[1]);
			for (j = 1; j < it->npts; j++)
				cairo_line_to(cr, it->pts[2 * j],
				    it->pts[2 * j + 1]);
			fill_stroke(cr, it);
			break;
		case SC_RECT:
			cairo_rectangle(cr, it->x, it->y, it->w, it->h);
			fill_stroke(cr, it);
			break;
		case SC_CIRCLE:
			cairo_new_sub_path(cr);
			cairo_arc(cr, it->x, it->y, it->r, 0, 2 * 3.14159265358979323846);
			fill_stroke(cr, it);
			break;
		case SC_TEXT:
			l = setup(dr, it->text, it->size, it->bold);
			pango_cairo_update_layout(cr, l);
			pango_layout_get_extents(l, NULL, &logical);
			x = it->x;
			switch (it->anchor) {
			case SC_START:
				break;
			case SC_MIDDLE:
				x -= (double)logical.width / PANGO_SCALE / 2;
				break;
			case SC_END:
				x -= (double)logical.width / PANGO_SCALE;
				break;
			}
			colour(cr, it->fill == SC_NONE ? 0 : it->fill);
			cairo_move_to(cr, x, it->y -
			    (double)pango_layout_get_baseline(l) / PANGO_SCALE);
			pango_cairo_show_layout(cr, l);
			cairo_new_path(cr);
			break;
		}
	}
}

static cairo_status_t
tobuf(void *arg, const unsigned char *data, unsigned int len)
{
	buf_put(arg, data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* Encodes job j: a copy on the thread, the job itself without one. */
static void
encode(struct pngjob *j)
{
	j->ok = pngenc_rgb(j->pix->data, j->w, j->h, (size_t)j->stride,
	    j->ppm, &j->out);
}

/* Records encoded job j as job k and frees its pixels; under the lock. */
static void
job_done(struct draw *dr, size_t k, const struct pngjob *j)
{
	struct pixbuf	*pb = j->pix;

	dr->jobs[k].out = j->out;
	dr->jobs[k].ok = j->ok;
	dr->jobs[k].state = JOB_DONE;
	dr->jobs[k].pix = NULL;
	pb->busy = false;
}

/*
 * The encoding thread: takes queued jobs in ticket order until told to
 * quit.  Only pngenc (pure C, no library state) runs here; Cairo and
 * Pango stay on the caller's thread.  dr->jobs may move while a job is
 * encoded (the caller queues more), so the job is copied out and its
 * result put back under the lock.
 */
static void *
encoder(void *arg)
{
	struct draw	*dr = arg;
	struct pngjob	 j;
	size_t		 k;

	pthread_mutex_lock(&dr->lock);
	for (;;) {
		while (!dr->quit && dr->next == dr->njobs)
			pthread_cond_wait(&dr->work, &dr->lock);
		if (dr->quit)
			break;
		k = dr->next++;
		j = dr->jobs[k];
		pthread_mutex_unlock(&dr->lock);
		encode(&j);
		pthread_mutex_lock(&dr->lock);
		job_done(dr, k, &j);
		pthread_cond_broadcast(&dr->done);
	}
	pthread_mutex_unlock(&dr->lock);
	return NULL;
}

/*
 * A pixel buffer.  On Linux, in 2 MiB huge pages where the kernel
 * allows them (transparent_hugepage "madvise", Debian's default): a
 * 1600x900 chart is 1,400 pages of 4 KiB, each a page fault on first
 * touch, and in a virtual machine a fault costs microseconds (perf:
 * these faults were a tenth of a report's time).
 */
static unsigned char *
pixels_alloc(size_t n)
{
	void	*p;

#ifdef MADV_HUGEPAGE
	if (n >= HUGEPAGE && posix_memalign(&p, HUGEPAGE, n) == 0) {
		(void)madvise(p, n, MADV_HUGEPAGE);
		return p;
	}
#endif
	p = xmalloc(n);
	return p;
}

int
draw_png_start(struct draw *dr, const struct scene *s, double scale,
    struct diag *d)
{
	cairo_surface_t	*surf;
	cairo_t		*cr;
	struct pixbuf	*pb;
	struct pngjob	*j;
	size_t		 need;
	int		 w, h, stride, ticket;

	w = (int)ceil(s->w * scale);
	h = (int)ceil(s->h * scale);
	if (w < 1 || h < 1 || w > 8000 || h > 8000) {
		diag_msg(d, DIAG_ERROR, NULL, 0, 0,
		    "chart of %dx%d pixels is out of range", w, h);
		return -1;
	}
	if (!dr->threaded && !dr->quit) {
		/* At the first PNG, so that a process that draws nothing
		 * (batch's parent, before it forks) never has a thread. */
		if (pthread_create(&dr->thread, NULL, encoder, dr) == 0)
			dr->threaded = true;
		else
			dr->quit = true;	/* encode on this thread */
	}

	/* A free pixel buffer: wait for the encoder if both are busy. */
	pthread_mutex_lock(&dr->lock);
	while (dr->pix[0].busy && dr->pix[1].busy)
		pthread_cond_wait(&dr->done, &dr->lock);
	pb = dr->pix[0].busy ? &dr->pix[1] : &dr->pix[0];
	pb->busy = true;
	pthread_mutex_unlock(&dr->lock);

	stride = cairo_format_stride_for_width(CAIRO_FORMAT_RGB24, w);
	need = (size_t)stride * (size_t)h;
	if (need > pb->cap) {
		free(pb->data);
		pb->data = pixels_alloc(need);
		pb->cap = need;
	}
	surf = cairo_image_surface_create_for_data(pb->data,
	    CAIRO_FORMAT_RGB24, w, h, stride);
	cr = cairo_create(surf);
	cairo_scale(cr, scale, scale);
	draw_scene(dr, cr, s, true);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
		diag_msg(d, DIAG_ERROR, NULL, 0, 0, "cannot draw chart: %s",
		    cairo_status_to_string(cairo_status(cr)));
		cairo_destroy(cr);
		cairo_surface_destroy(surf);
		pthread_mutex_lock(&dr->lock);
		pb->busy = false;
		pthread_mutex_unlock(&dr->lock);
		return -1;
	}
	cairo_surface_flush(surf);
	cairo_destroy(cr);
	cairo_surface_destroy(surf);

	pthread_mutex_lock(&dr->lock);
	if (dr->njobs == dr->maxjobs) {
		dr->maxjobs = dr->maxjobs == 0 ? 16 : dr->maxjobs * 2;
		dr->jobs = xreallocarray(dr->jobs, dr->maxjobs,
		    sizeof(*dr->jobs));
	}
	ticket = (int)dr->njobs;
	j = &dr->jobs[dr->njobs++];
	memset(j, 0, sizeof(*j));
	j->pix = pb;
	j->w = w;
	j->h = h;
	j->stride = stride;
	/* 96 CSS px an inch, times the scale: pixels per metre. */
	j->ppm = (uint32_t)lround(96.0 * scale / 0.0254);
	buf_init(&j->out);
	j->state = JOB_QUEUED;
	if (dr->threaded)
		pthread_cond_signal(&dr->work);
	else {
		encode(j);
		job_done(dr, (size_t)ticket, j);
		dr->next = dr->njobs;
	}
	pthread_mutex_unlock(&dr->lock);
	return ticket;
}

bool
draw_png_collect(struct draw *dr, int ticket, struct buf *out,
    struct diag *d)
{
	struct pngjob	*j;
	bool		 ok;

	pthread_mutex_lock(&dr->lock);
	assert(ticket >= 0 && (size_t)ticket < dr->njobs);
	while (dr->jobs[ticket].state == JOB_QUEUED)
		pthread_cond_wait(&dr->done, &dr->lock);
	j = &dr->jobs[ticket];
	assert(j->state == JOB_DONE);
	j->state = JOB_COLLECTED;
	ok = j->ok;
	pthread_mutex_unlock(&dr->lock);
	/* The job is done: the encoder no longer touches its buffer. */
	if (ok)
		buf_put(out, j->out.data, j->out.len);
	else
		diag_msg(d, DIAG_ERROR, NULL, 0, 0, "cannot encode PNG");
	buf_release(&j->out);
	return ok;
}

bool
draw_png(struct draw *dr, const struct scene *s, double scale,
    struct buf *out, struct diag *d)
{
	int	 t;

	if ((t = draw_png_start(dr, s, scale, d)) < 0)
		return false;
	return draw_png_collect(dr, t, out, d);
}

bool
draw_pdf(struct draw *dr, const struct scene *s, struct buf *out,
    struct diag *d)
{
	cairo_surface_t	*surf;
	cairo_t		*cr;
	cairo_status_t	 st;

	surf = cairo_pdf_surface_create_for_stream(tobuf, out, s->w * 0.75,
	    s->h * 0.75);
	/* Cairo 1.16 ignores SOURCE_DATE_EPOCH: fix the date ourselves. */
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATE_DATE,
	    "2000-01-01T00:00:00Z");
	cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR,
	    "scorecard");
	cr = cairo_create(surf);
	cairo_scale(cr, 0.75, 0.75);
	draw_scene(dr, cr, s, true);
	st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(surf);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(surf);
	cairo_surface_destroy(surf);
	if (st != CAIRO_STATUS_SUCCESS) {
		diag_msg(d, DIAG_ERROR, NULL, 0, 0, "cannot write PDF: %s",
		    cairo_status_to_string(st));
		return false;
	}
	return true;
}

/* ---------------------------------------------------------------- */
/* Documents: the report's PDF.                                      */
/* ---------------------------------------------------------------- */

/* A run of one style on one line of a simple text. */
struct srun {
	const struct sfont	*font;
	uint32_t		 colour;
	const char		*link;
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
	PangoLayout		*layout;	/* NULL: set plainly (below) */
	/*
	 * Simple text (see simple()): laid out and set with Cairo alone,
	 * Pango's layout being most of the time of a report's PDF.  Glyphs
	 * are one a character, x from the start of their line, y 0 on the
	 * baseline; each has a cluster of its character's bytes.
	 */
	bool			 simple;
	cairo_glyph_t		*glyphs;
	cairo_text_cluster_t	*clusters;
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

struct draw_doc {
	struct draw		*dr;
	cairo_surface_t		*surf;
	cairo_t			*cr;
	struct buf		 out;
	struct buf		 links;		/* link texts, NUL after each */
};

/* Pango text attributes for the spans of t. */
static void
text_attrs(struct draw_text *t)
{
	PangoAttrList	*al;
	PangoAttribute	*a;
	size_t		 i;

	al = pango_attr_list_new();
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

/* Pango's font for size and weight, with its Cairo scaled font. */
static const struct sfont *
sfont(struct draw *dr, double size, bool bold)
{
	struct sfont		*f;
	PangoFontDescription	*fd;
	cairo_font_extents_t	 fe;
	size_t			 i;

	for (i = 0; i < dr->nsfonts; i++)
		if (dr->sfonts[i]->size == size && dr->sfonts[i]->bold == bold)
			return dr->sfonts[i];
	fd = pango_font_description_copy(bold ? dr->bold : dr->regular);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	f = xcalloc(1, sizeof(*f));
	f->size = size;
	f->bold = bold;
	f->font = pango_font_map_load_font(dr->fm, dr->tctx, fd);
	pango_font_description_free(fd);
	if (f->font == NULL) {
		free(f);
		return NULL;
	}
	f->sf = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(f->font));
	if (f->sf == NULL ||
	    cairo_scaled_font_status(f->sf) != CAIRO_STATUS_SUCCESS) {
		g_object_unref(f->font);
		free(f);
		return NULL;
	}
	cairo_scaled_font_extents(f->sf, &fe);
	f->ascent = fe.ascent;
	f->descent = fe.descent;
	dr->sfonts = xreallocarray(dr->sfonts, dr->nsfonts + 1,
	    sizeof(*dr->sfonts));
	dr->sfonts[dr->nsfonts++] = f;
	return f;
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
};

/*
 * The style of the text at byte at: the innermost span's.  Returns the
 * byte where it may next change.
 */
static size_t
style_at(const struct draw_text *t, size_t at, bool *bold, double *size,
    uint32_t *colour, const char **link)
{
	size_t	 until = SIZE_MAX;

	*bold = false;
	*size = t->size;
	*colour = 0x0B0C0C;
	*link = NULL;
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
	}
	return until;
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
	size_t			 until = 0;
	double			 x, w, minw = 0, piece = 0;
	bool			 ok = false, hard;

	if ((base = sfont(dr, t->size, false)) == NULL)
		return false;
	ch = xcalloc(len + 1, sizeof(*ch));
	seg = xcalloc(len + 1, sizeof(*seg));
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
			const struct sfont *f;

			until = style_at(t, i, &bold, &size, &c, &link);
			if ((f = sfont(dr, size, bold)) == NULL)
				goto out;
			if (nseg == 0 || seg[nseg - 1].font != f ||
			    seg[nseg - 1].colour != c ||
			    seg[nseg - 1].link != link) {
				seg[nseg].font = f;
				seg[nseg].colour = c;
				seg[nseg++].link = link;
			}
		}
		ch[nch].at = i;
		ch[nch].len = l;
		ch[nch].cp = cp;
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
			if (cairo_scaled_font_text_to_glyphs(f->sf, 0, 0,
			    t->text + ch[k].at, (int)(ch[m - 1].at +
			    ch[m - 1].len - ch[k].at), &g, &ng, NULL, NULL,
			    NULL) != CAIRO_STATUS_SUCCESS || ng < 0 ||
			    (size_t)ng != m - k)
				goto out;
			cairo_scaled_font_glyph_extents(f->sf, g, ng, &te);
			for (n = 0; n < m - k; n++) {
				if (g[n].index == 0)
					goto out;	/* not in the font */
				ch[k + n].index = g[n].index;
				ch[k + n].adv = (n + 1 < m - k ? g[n + 1].x :
				    te.x_advance) - g[n].x;
			}
			cairo_glyph_free(g);
			g = NULL;
			k = m - 1;
		}
	}
	/* Lines: s .. e, the next starting at i. */
	lines = xcalloc(nch + 1, sizeof(*lines));
	runs = xcalloc(nch + 1, sizeof(*runs));
	t->glyphs = xcalloc(nch + 1, sizeof(*t->glyphs));
	t->clusters = xcalloc(nch + 1, sizeof(*t->clusters));
	t->nglyphs = 0;
	for (s = 0; ; s = i) {
		size_t	 brk = SIZE_MAX;
		double	 desc = 0;
		struct sline *ln = &lines[nlines++];

		x = 0;
		for (e = s; e < nch && ch[e].cp != '\n'; e++) {
			if (width > 0 && e > s && ch[e].cp != ' ' &&
			    x + ch[e].adv > width + 1e-6)
				break;
			x += ch[e].adv;
			if (break_after(ch[e].cp, e + 1 < nch ?
			    ch[e + 1].cp : 0))
				brk = e;
		}
		hard = e < nch && ch[e].cp == '\n';
		if (hard)
			i = e + 1;
		else if (e < nch) {
			if (brk != SIZE_MAX)
				e = brk + 1;
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
			    r->colour != sg->colour || r->link != sg->link) {
				r = &runs[nruns++];
				r->font = sg->font;
				r->colour = sg->colour;
				r->link = sg->link;
				r->start = ch[k].at;
				r->g = t->nglyphs;
				r->x = x;
				if (sg->font->ascent > ln->ascent)
					ln->ascent = sg->font->ascent;
				if (sg->font->descent > desc)
					desc = sg->font->descent;
			}
			r->end = ch[k].at + ch[k].len;
			t->glyphs[t->nglyphs].index = ch[k].index;
			t->glyphs[t->nglyphs].x = x;
			t->glyphs[t->nglyphs].y = 0;
			t->clusters[t->nglyphs].num_bytes = (int)ch[k].len;
			t->clusters[t->nglyphs++].num_glyphs = 1;
			r->ng++;
			x += ch[k].adv;
			if (ch[k].cp != ' ') {
				w = x;
				r->w = x - r->x;
			}
			/* The widest word: the narrowest the text sets. */
			piece = ch[k].cp == ' ' ? 0 : piece + ch[k].adv;
			if (piece > minw)
				minw = piece;
			if (break_after(ch[k].cp, k + 1 < nch ?
			    ch[k + 1].cp : 0))
				piece = 0;
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
		if (lines[i].w > t->width)
			t->width = lines[i].w;
	}
	t->minwidth = minw;
	t->align = align;
	t->boxw = width > 0 ? width : t->width;
	runs = NULL;
	lines = NULL;
	ok = true;
out:
	if (!ok) {
		free(t->glyphs);
		free(t->clusters);
		free(t->lineh);
		t->glyphs = NULL;
		t->clusters = NULL;
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
	free(t->glyphs);
	free(t->clusters);
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
			x = measure_width(t->dr, word.data, t->size, true);
			if (x > w)
				w = x;
		}
		s = e;
	}
	buf_release(&word);
	return w;
}

/* The span covering byte offset at, or NULL. */
static const struct draw_span *
span_at(const struct draw_text *t, size_t at)
{
	const struct draw_span	*found = NULL;

	for (size_t i = 0; i < t->nsp; i++)
		if (t->sp[i].start <= at && at < t->sp[i].end)
			found = &t->sp[i];	/* the innermost: last */
	return found;
}

struct draw_doc *
draw_doc_new(struct draw *dr, double w, double h,
    const struct draw_meta *meta)
{
	struct draw_doc	*doc;

	doc = xcalloc(1, sizeof(*doc));
	doc->dr = dr;
	buf_init(&doc->out);
	buf_init(&doc->links);
	doc->surf = cairo_pdf_surface_create_for_stream(tobuf, &doc->out,
	    w, h);
	if (meta->title != NULL)
		cairo_pdf_surface_set_metadata(doc->surf,
		    CAIRO_PDF_METADATA_TITLE, meta->title);
	if (meta->author != NULL)
		cairo_pdf_surface_set_metadata(doc->surf,
		    CAIRO_PDF_METADATA_AUTHOR, meta->author);
	if (meta->subject != NULL)
		cairo_pdf_surface_set_metadata(doc->surf,
		    CAIRO_PDF_METADATA_SUBJECT, meta->subject);
	cairo_pdf_surface_set_metadata(doc->surf,
	    CAIRO_PDF_METADATA_CREATE_DATE, meta->date != NULL ? meta->date :
	    "2000-01-01T00:00:00Z");
	cairo_pdf_surface_set_metadata(doc->surf, CAIRO_PDF_METADATA_CREATOR,
	    "scorecard");
	doc->cr = cairo_create(doc->surf);
	pango_cairo_update_context(doc->cr, dr->tctx);
	return doc;
}

void
draw_doc_page(struct draw_doc *doc)
{
	cairo_show_page(doc->cr);
}

void
draw_doc_tag(struct draw_doc *doc, const char *tag, const char *attrs)
{
	cairo_tag_begin(doc->cr, tag, attrs);
}

void
draw_doc_end(struct draw_doc *doc, const char *tag)
{
	cairo_tag_end(doc->cr, tag);
}

/* Appends s to b as a Cairo attribute string value: '...' with \ and '
 * escaped. */
static void
put_attr_str(struct buf *b, const char *s)
{
	buf_putc(b, '\'');
	for (; *s != '\0'; s++) {
		if (*s == '\'' || *s == '\\')
			buf_putc(b, '\\');
		buf_putc(b, *s);
	}
	buf_putc(b, '\'');
}

void
draw_doc_dest(struct draw_doc *doc, const char *name, double x, double y)
{
	struct buf	 a;

	buf_init(&a);
	BUF_PUTSL(&a, "name=");
	put_attr_str(&a, name);
	buf_printf(&a, " x=%.2f y=%.2f", x, y);
	cairo_tag_begin(doc->cr, CAIRO_TAG_DEST, a.data);
	cairo_tag_end(doc->cr, CAIRO_TAG_DEST);
	buf_release(&a);
}

int
draw_doc_outline(struct draw_doc *doc, int parent, const char *title,
    const char *dest, bool open)
{
	struct buf	 a;
	int		 id;

	buf_init(&a);
	BUF_PUTSL(&a, "dest=");
	put_attr_str(&a, dest);
	id = cairo_pdf_surface_add_outline(doc->surf,
	    parent == 0 ? CAIRO_PDF_OUTLINE_ROOT : parent, title, a.data,
	    open ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
	buf_release(&a);
	return id;
}

/* Draws lines [first, first + n) of simple text t (see draw_doc_text). */
static void
doc_simple(struct draw_doc *doc, const struct draw_text *t, double x,
    double y, size_t first, size_t n)
{
	cairo_t			*cr = doc->cr;
	cairo_glyph_t		*g;
	const char		*open = NULL;
	const struct sfont	*font = NULL;
	struct buf		 a;
	double			 top = y - t->liney[first], base, dx;
	size_t			 i, k, m;

	g = xcalloc(t->nglyphs + 1, sizeof(*g));
	buf_init(&a);
	for (i = first; i < first + n && i < t->nlines; i++) {
		const struct sline *ln = &t->sl[i];

		base = top + t->liney[i] + ln->ascent;
		dx = t->align == DRAW_RIGHT ? t->boxw - ln->w :
		    t->align == DRAW_CENTRE ? (t->boxw - ln->w) / 2 : 0;
		for (k = ln->r; k < ln->r + ln->nr; k++) {
			const struct srun *r = &t->runs[k];

			/* One Link tag for a link's runs in a row, over
			 * line ends: one link for a screen reader. */
			if (open != NULL && (r->link == NULL ||
			    strcmp(r->link, open) != 0)) {
				cairo_tag_end(cr, CAIRO_TAG_LINK);
				buf_putc(&doc->links, '\0');
				open = NULL;
			}
			if (r->link != NULL && open == NULL) {
				buf_reset(&a);
				BUF_PUTSL(&a, "dest=");
				put_attr_str(&a, r->link);
				cairo_tag_begin(cr, CAIRO_TAG_LINK, a.data);
				open = r->link;
			}
			for (m = 0; m < r->ng; m++) {
				g[m] = t->glyphs[r->g + m];
				g[m].x += x + dx;
				g[m].y = base;
			}
			colour(cr, r->colour);
			if (r->font != font) {
				cairo_set_scaled_font(cr, r->font->sf);
				font = r->font;
			}
			cairo_show_text_glyphs(cr, t->text + r->start,
			    (int)(r->end - r->start), g, (int)r->ng,
			    t->clusters + r->g, (int)r->ng, 0);
			if (r->link != NULL) {
				buf_put(&doc->links, t->text + r->start,
				    r->end - r->start);
				cairo_rectangle(cr, x + dx + r->x, base +
				    t->size * 0.12, r->w, t->size * 0.06);
				cairo_fill(cr);
			}
		}
	}
	if (open != NULL) {
		cairo_tag_end(cr, CAIRO_TAG_LINK);
		buf_putc(&doc->links, '\0');
	}
	buf_release(&a);
	free(g);
}

void
draw_doc_text(struct draw_doc *doc, const struct draw_text *t, double x,
    double y, size_t first, size_t n)
{
	cairo_t			*cr = doc->cr;
	PangoLayoutIter		*it;
	PangoLayoutRun		*run;
	PangoRectangle		 lr;
	const struct draw_span	*sp;
	const char		*link, *open = NULL;
	struct buf		 a;
	size_t			 line = 0;
	double			 top, base, ux, uw;

	if (first >= t->nlines)
		return;
	if (t->simple) {
		doc_simple(doc, t, x, y, first, n);
		return;
	}
	top = y - t->liney[first];
	buf_init(&a);
	it = pango_layout_get_iter(t->layout);
	do {
		if (line >= first + n)
			break;
		run = pango_layout_iter_get_run_readonly(it);
		if (run == NULL) {
			line++;		/* the end of a line */
			continue;
		}
		if (line < first)
			continue;
		pango_layout_iter_get_run_extents(it, NULL, &lr);
		base = top + (double)pango_layout_iter_get_baseline(it) /
		    PANGO_SCALE;
		ux = x + (double)lr.x / PANGO_SCALE;
		uw = (double)lr.width / PANGO_SCALE;
		sp = span_at(t, (size_t)run->item->offset);
		colour(cr, sp != NULL ? sp->colour : 0x0B0C0C);
		link = sp != NULL ? sp->link : NULL;
		/* One Link tag (and annotation) for a link's runs in a row,
		 * over line ends: one link for a screen reader. */
		if (open != NULL && (link == NULL || strcmp(link, open) != 0)) {
			cairo_tag_end(cr, CAIRO_TAG_LINK);
			buf_putc(&doc->links, '\0');
			open = NULL;
		}
		if (link != NULL && open == NULL) {
			buf_reset(&a);
			BUF_PUTSL(&a, "dest=");
			put_attr_str(&a, link);
			cairo_tag_begin(cr, CAIRO_TAG_LINK, a.data);
			open = link;
		}
		cairo_move_to(cr, ux, base);
		pango_cairo_show_glyph_item(cr, t->text, run);
		if (link != NULL) {
			buf_put(&doc->links, t->text + run->item->offset,
			    (size_t)run->item->length);
			cairo_rectangle(cr, ux, base + t->size * 0.12, uw,
			    t->size * 0.06);
			cairo_fill(cr);
		}
	} while (pango_layout_iter_next_run(it));
	if (open != NULL) {
		cairo_tag_end(cr, CAIRO_TAG_LINK);
		buf_putc(&doc->links, '\0');
	}
	pango_layout_iter_free(it);
	buf_release(&a);
}

void
draw_doc_rect(struct draw_doc *doc, double x, double y, double w, double h,
    uint32_t fill, uint32_t stroke, double lw)
{
	cairo_t	*cr = doc->cr;

	cairo_rectangle(cr, x, y, w, h);
	if (fill != SC_NONE) {
		colour(cr, fill);
		cairo_fill_preserve(cr);
	}
	if (lw > 0 && stroke != SC_NONE) {
		colour(cr, stroke);
		cairo_set_line_width(cr, lw);
		cairo_set_dash(cr, NULL, 0, 0);
		cairo_stroke_preserve(cr);
	}
	cairo_new_path(cr);
}

void
draw_doc_scene(struct draw_doc *doc, const struct scene *s, double x,
    double y, double scale)
{
	cairo_t	*cr = doc->cr;

	cairo_save(cr);
	cairo_translate(cr, x, y);
	cairo_scale(cr, scale, scale);
	/* On the page's white: no background, no clip (a clip made
	 * Cairo's page output several times slower). */
	draw_scene(doc->dr, cr, s, false);
	cairo_restore(cr);
}

void
draw_doc_discard(struct draw_doc *doc)
{
	if (doc == NULL)
		return;
	cairo_destroy(doc->cr);
	cairo_surface_destroy(doc->surf);
	buf_release(&doc->out);
	buf_release(&doc->links);
	free(doc);
}

bool
draw_doc_finish(struct draw_doc *doc, struct buf *out, struct buf *links,
    struct diag *d)
{
	cairo_status_t	 st;
	bool		 ok;

	st = cairo_status(doc->cr);
	cairo_destroy(doc->cr);
	cairo_surface_finish(doc->surf);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(doc->surf);
	cairo_surface_destroy(doc->surf);
	ok = st == CAIRO_STATUS_SUCCESS;
	if (ok && out->len == 0) {
		/* Moved, not copied: a long report's PDF is held once. */
		buf_release(out);
		*out = doc->out;
		buf_init(&doc->out);
	} else if (ok)
		buf_put(out, doc->out.data, doc->out.len);
	if (ok)
		buf_put(links, doc->links.data, doc->links.len);
	else
		diag_msg(d, DIAG_ERROR, NULL, 0, 0, "cannot write report.pdf: %s",
		    cairo_status_to_string(st));
	buf_release(&doc->out);
	buf_release(&doc->links);
	free(doc);
	return ok;
}
